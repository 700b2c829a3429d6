"""Formatted references: a publication written out in Harvard and in APA, for readers to copy.

The entry page shows both ("Cite this publication"); a digest's reference list and the full
review show the Harvard one, so a publication is cited the same way wherever the site shows
it. They are made by citeproc-py from the same CSL item the CSL-JSON export writes
(formats.csl_item: one mapping for both), with:

- Harvard: Cite Them Right, the UK's usual Harvard, as shipped inside citeproc-py
  (harvard-cite-them-right.csl, the Citation Style Language project's replacement for the
  retired "harvard1");
- APA: the 7th edition, from the Citation Style Language project (literature/csl/apa.csl,
  CC BY-SA 3.0; see literature/csl/README.md);

both with citeproc-py's en-GB locale. The references are in English on Welsh pages too
(the publications are English; only the page around them is translated).

Formatting never fails a page: if citeproc-py raises or returns nothing, and for an entry
without authors (citeproc-py would print its title twice: it does not drop a title it used
in the authors' place), the reader gets a plain reference built here instead.

HTML. citeproc-py's own html formatter does not escape the item's text (a title with "<"
comes out as markup), so it is not used. Our formatter (_MARKED) puts private-use
characters where the tags go; the whole reference is then escaped and only those marks
become <i>, <b>, <sup> or <sub>. The marks are removed from the item's text first, so
nothing the data holds can become a tag.

A style is parsed for each use (about 3 ms): citeproc-py keeps the formatter on the parsed
style, so one shared between threads could mix formats. With formatting (about 2.5 ms a
reference), that is too slow for a digest listing a dozen references on every render, so a
process remembers the references it formatted, keyed by the whole CSL item: the same
publication data gives the same text, so a remembered one is never out of date.
"""

import dataclasses
import functools
import html
import io
import json
import logging
import os
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from . import formats

logger = logging.getLogger(__name__)

CSL_DIR = os.path.join(os.path.dirname(__file__), "csl")
LOCALE = "en-GB"
# style: (label on the page, a style citeproc-py ships or a file of ours)
STYLES = {
    "harvard": (_("Harvard (Cite Them Right)"), "harvard-cite-them-right"),
    "apa": (_("APA (7th edition)"), os.path.join(CSL_DIR, "apa.csl")),
}

_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKS = re.compile(f"[{_OPEN}{_CLOSE}]")
_TAG = re.compile(f"{_OPEN}(/?)(i|b|sup|sub){_CLOSE}")


def _marked(tag):
    def wrap(text):
        return f"{_OPEN}{tag}{_CLOSE}{text}{_OPEN}/{tag}{_CLOSE}"

    return wrap


class _MARKED:
    """A citeproc-py formatter (what it reads from its html and plain modules): plain text,
    with marks where the html formatter would put tags. Small caps, light and underline are
    dropped (no style attributes: the site's content security policy)."""

    @staticmethod
    def preformat(text):
        return text

    Italic = Oblique = staticmethod(_marked("i"))
    Bold = staticmethod(_marked("b"))
    Superscript = staticmethod(_marked("sup"))
    Subscript = staticmethod(_marked("sub"))
    Light = Underline = SmallCaps = str


@dataclass(frozen=True)
class Reference:
    style: str  # a key of STYLES
    label: str
    html: SafeString
    formatted: bool  # False: the plain fallback


_RECORD_FIELDS = [
    f.name
    for f in dataclasses.fields(formats.Record)
    if f.name not in ("authors", "sectors", "themes", "key", "entry_id")
]


def record_for(entry):
    """A formats.Record of a BibliographyEntry's bibliographic facts (its authors from
    entry.authors.all(): prefetch them to save a query). Tags are left out."""
    values = {name: getattr(entry, name) for name in _RECORD_FIELDS}
    values = {
        name: "" if value is None and name not in ("year", "publication_date") else value
        for name, value in values.items()
    }
    authors = [(author.name, author.is_organisation) for author in entry.authors.all()]
    return formats.Record(**values, authors=authors, entry_id=entry.pk)


def csl_item(record):
    """The CSL-JSON export's item for the record, without what a reference never shows."""
    item = formats.csl_item(record, f"pbr-{record.entry_id}" if record.entry_id is not None else "item")
    item.pop("abstract", None)
    return _unmarked(item)


def _unmarked(value):
    if isinstance(value, str):
        return _MARKS.sub("", value)
    if isinstance(value, dict):
        return {key: _unmarked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unmarked(item) for item in value]
    return value


@functools.cache
def _style_source(source):
    """The style's XML (read once), so each use parses it without touching the disk."""
    if not os.path.isabs(source):
        import citeproc

        source = os.path.join(citeproc.STYLES_PATH, f"{source}.csl")
    with open(source, "rb") as file:
        return file.read()


def format_reference(item, style):
    """The CSL item as a reference in `style` (a key of STYLES): safe HTML, or None if
    citeproc-py could not make a usable one."""
    return _formatted(json.dumps(item, sort_keys=True, default=str), style)


@functools.lru_cache(maxsize=4096)
def _formatted(item_json, style):
    item = json.loads(item_json)
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
    from citeproc.source.json import CiteProcJSON

    try:
        parsed = CitationStylesStyle(io.BytesIO(_style_source(STYLES[style][1])), locale=LOCALE, validate=False)
        bibliography = CitationStylesBibliography(parsed, CiteProcJSON([item]), _MARKED)
        bibliography.register(Citation([CitationItem(item["id"])]))
        text = str(bibliography.bibliography()[0])
    except Exception:  # citeproc-py on data it does not expect: never fail the page
        logger.warning("citeproc-py could not format %s in %s", item.get("id"), style, exc_info=True)
        return None
    text = " ".join(text.split())
    if not _TAG.sub("", text):
        return None
    # Safe: the whole text is escaped first; only citeproc's own formatting tags are put back.
    return mark_safe(_TAG.sub(lambda match: f"<{match[1]}{match[2]}>", escape(text)))  # noqa: S308


def plain_reference(record):
    """The fallback: 'Authors (year) Title. Journal, volume(issue), pp. pages. Publisher.
    Available at: address.', escaped, in the shape of the site's own citations."""
    names = []
    for name, is_organisation in record.authors:
        family, _comma, given = name.partition(",")
        initials = "".join(f"{word[0]}." for word in given.replace("-", " ").split())
        names.append(name if is_organisation or not initials else f"{family.strip()}, {initials}")
    authors = "".join(names) if len(names) < 2 else ", ".join(names[:-1]) + " and " + names[-1]
    year = record.year or "no date"
    parts = [f"{authors} ({year}) {record.title}." if authors else f"{record.title} ({year})."]
    if record.journal:
        where = record.journal
        if record.volume:
            where += f", {record.volume}" + (f"({record.issue})" if record.issue else "")
        if record.pages:
            where += f", pp. {record.pages}"
        parts.append(f"{where}.")
    if record.publisher:
        parts.append(f"{record.publisher}.")
    if record.doi:
        parts.append(f"Available at: https://doi.org/{record.doi}.")
    elif record.url:
        parts.append(f"Available at: {record.url}.")
    return escape(" ".join(parts))


def references(entry_or_record, styles=tuple(STYLES)):
    """[Reference] in each of `styles` (all of STYLES unless named) for a BibliographyEntry
    (authors prefetched) or a Record."""
    record = entry_or_record if isinstance(entry_or_record, formats.Record) else record_for(entry_or_record)
    try:
        item = csl_item(record)
    except Exception:  # odd data the mapping did not expect
        logger.warning("no CSL item for entry %s", record.entry_id, exc_info=True)
        item = None
    result = []
    for style in styles:
        formatted = format_reference(item, style) if item and record.authors else None
        result.append(Reference(style, str(STYLES[style][0]), formatted or plain_reference(record), bool(formatted)))
    return result


def harvard(entry_or_record):
    """The Harvard reference (safe HTML): what a digest's reference list shows."""
    return references(entry_or_record, styles=("harvard",))[0].html


def as_text(reference_html):
    """A reference's HTML as plain text (for a stored copy, or metadata): its tags taken out."""
    return html.unescape(re.sub(r"</?(?:i|b|sup|sub)>", "", str(reference_html)))
