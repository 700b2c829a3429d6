"""Literature review and resource pack models, one module per kind of thing."""

from .bibliography import BibliographyEntry, EntryAuthor, EntrySectorTag, EntryThemeTag, PublicationType
from .digests import DigestPage, DigestReference, DigestSectorTag, DigestThemeTag, EvidenceStrength
from .glossary import GlossaryPage, GlossaryTerm, GlossaryTermDigest
from .imports import ImportJob
from .pages import LiteratureIndexPage, ResourcePackPage
from .suggestions import ResourceSuggestion
from .tags import SectorTag, ThemeTag

__all__ = [
    "BibliographyEntry",
    "DigestPage",
    "DigestReference",
    "DigestSectorTag",
    "DigestThemeTag",
    "EntryAuthor",
    "EntrySectorTag",
    "EntryThemeTag",
    "EvidenceStrength",
    "GlossaryPage",
    "GlossaryTerm",
    "GlossaryTermDigest",
    "ImportJob",
    "LiteratureIndexPage",
    "PublicationType",
    "ResourcePackPage",
    "ResourceSuggestion",
    "SectorTag",
    "ThemeTag",
]
