"""Is this publication already in the resource pack? One place for the rule, shared by the
suggestions queue and the bibliography importer.

    find_duplicates(doi="10.1177/X", url="https://www.example.org/a/", title="A report", year=2015)
    -> [Duplicate(entry=<BibliographyEntry>, reasons=("doi", "title_year")), ...]

An entry matches by DOI, by web address, or by title and year, each compared after
normalising (`normalise_doi`, `normalise_url`, `normalise_title`). Matches come strongest
first: DOI, then web address, then title and year, then (only when no year is given) title
alone. Drafts match too: an entry waiting for a Moderator is already "in the pack" for
staff. The normalisers are plain functions, usable and testable without a database.
"""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext_lazy as _

from .models.bibliography import BibliographyEntry

# Strongest first: the order matches are returned in.
REASONS = {
    "doi": _("same DOI"),
    "url": _("same web address"),
    "title_year": _("same title and year"),
    "title": _("same title (no year given)"),
}

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.|www\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_APOSTROPHES = "'’‘`ʼ"


def bare_doi(doi):
    """'https://doi.org/10.1177/ABC ' -> '10.1177/ABC': the DOI without a resolver or 'doi:'
    in front (and %-escapes undone), its case kept. '' for none."""
    doi = unquote((doi or "").strip())
    while True:
        stripped = _DOI_PREFIX.sub("", doi).strip()
        if stripped == doi:
            return doi
        doi = stripped


def normalise_doi(doi):
    """'https://doi.org/10.1177/ABC ' -> '10.1177/abc'. DOIs are case-insensitive; '' for none."""
    return bare_doi(doi).casefold()


def normalise_url(url):
    """The parts of a web address that say which document it is: no scheme, no 'www.', no
    default port, no fragment, no trailing slash; host in lower case (a path keeps its case).
    'HTTPS://www.Example.org/report/?a=1#p2' -> 'example.org/report?a=1'. '' for none."""
    url = (url or "").strip()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url.casefold()
    host = (parts.hostname or "").casefold().rstrip(".")
    host = host.removeprefix("www.")
    if port and str(port) != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host += f":{port}"
    path = parts.path.rstrip("/")
    return host + path + (f"?{parts.query}" if parts.query else "")


def normalise_title(title):
    """Case, accents' encodings, punctuation and spacing set aside: 'Payment-by-Results:  what
    works?' -> 'payment by results what works'; "What's" -> 'whats'."""
    text = unicodedata.normalize("NFKC", title or "").casefold()
    text = "".join("" if char in _APOSTROPHES else char for char in text)
    text = "".join(" " if unicodedata.category(char)[0] in "PSZC" else char for char in text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Duplicate:
    entry: object  # a BibliographyEntry
    reasons: tuple  # keys of REASONS, strongest first

    @property
    def reason_labels(self):
        return [REASONS[reason] for reason in self.reasons]


def find_duplicates(doi="", url="", title="", year=None, exclude=()):
    """The entries that look like this publication, strongest match first, each once with every
    reason it matched for. `exclude`: entry ids to leave out (e.g. the entry made from the
    very suggestion being checked)."""
    entries = BibliographyEntry.objects.exclude(pk__in=[pk for pk in exclude if pk])
    found = {}  # entry id -> [reasons], in the order first found

    def add(matches, reason):
        for entry in matches:
            found.setdefault(entry.pk, (entry, []))[1].append(reason)

    wanted_doi = normalise_doi(doi)
    if wanted_doi:
        # Stored DOIs may carry a prefix ('https://doi.org/...'): find by the bare DOI, then compare.
        add(
            (entry for entry in entries.filter(doi__icontains=wanted_doi) if normalise_doi(entry.doi) == wanted_doi),
            "doi",
        )

    wanted_url = normalise_url(url)
    if wanted_url:
        host, _slash, rest = wanted_url.partition("/")
        candidates = entries.filter(url__icontains=host)
        if rest:
            candidates = candidates.filter(url__icontains=rest.split("?")[0])
        add((entry for entry in candidates if normalise_url(entry.url) == wanted_url), "url")

    wanted_title = normalise_title(title)
    if wanted_title:
        if year:
            candidates, reason = entries.filter(year=year), "title_year"
        else:
            candidates, reason = entries, "title"
            # Narrow by a word of the title the database can find as typed (the comparison
            # below decides); without one, every entry is compared.
            typed = (title or "").casefold()
            words = sorted((w for w in wanted_title.split() if w.isascii() and w in typed), key=len)
            if words:
                candidates = candidates.filter(title__icontains=words[-1])
        add(
            (
                entry
                for entry in candidates.only("pk", "title", "year", "live")
                if normalise_title(entry.title) == wanted_title
            ),
            reason,
        )

    order = list(REASONS)
    duplicates = [Duplicate(entry, tuple(reasons)) for entry, reasons in found.values()]
    return sorted(duplicates, key=lambda d: (order.index(d.reasons[0]), len(order) - len(d.reasons)))


def duplicates_of_suggestion(suggestion):
    """Entries that may already be the publication someone suggested (not the entry made from it)."""
    return find_duplicates(
        doi=suggestion.doi,
        url=suggestion.url,
        title=suggestion.title,
        year=suggestion.year,
        exclude=[suggestion.entry_id],
    )
