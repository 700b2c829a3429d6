"""Literature review and resource pack models, one module per kind of thing.

In the order they build on each other: the pages last, as they route to the modules that
serve them (pack.py, bibliography_io.py, full_review.py, forms.py), which import the models
they need from the modules above (literature.models.bibliography...), never from here."""

# isort: off
from .tags import SectorTag, ThemeTag
from .bibliography import BibliographyEntry, EntryAuthor, EntrySectorTag, EntryThemeTag, PublicationType
from .glossary import GlossaryPage, GlossaryTerm, GlossaryTermDigest
from .imports import ImportJob
from .suggestions import ResourceSuggestion
from .digests import DigestPage, DigestReference, DigestSectorTag, DigestThemeTag, EvidenceStrength
from .pages import LiteratureIndexPage, ResourcePackPage
# isort: on

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
