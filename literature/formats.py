"""Read and write bibliographic records as CSV, BibTeX and RIS; write them as CSL-JSON.

The resource pack's import and export use this module. It imports nothing from Django so
every rule below can be unit-tested without a database; the importer turns `Record`s into
`BibliographyEntry` rows and the exporter turns rows into `Record`s.

Every parser returns a list with one item per record in the file, in file order: a
`Record` when the record is usable, a `RowError` when it is not. One bad record never
stops the rest, so an editor can import the good entries and fix the others.

Rules the import page's help text should repeat:

Positions. CSV errors give the row as a spreadsheet shows it (the header is row 1, so the
first entry is row 2; a cell with line breaks is still one row). BibTeX errors give the
entry number (the first @entry is 1; @string, @comment and @preamble are not counted),
the line its "@" is on and its citation key. RIS errors give the record number (the
first TY line starts record 1) and its line.

People and organisations. In CSV and RIS a name with a comma is a person, written
"Family, Given" ("Webster, Russell"); a name without a comma is an organisation
("National Audit Office"). The rule is deliberately explicit rather than clever:
"Russell Webster" is read as an organisation, never guessed at. A person known by one
name only is therefore written with a trailing comma ("Mason,"): the comma of "Family,
Given" with no given name. This is deliberate, not a stray comma: it is the only way these
two formats can say "a person" without a given name, and in RIS it is also what EndNote's
documentation asks for to keep a name in one piece (its "Author and Editor Names" page), so
reference managers show "Mason". BibTeX and CSL-JSON have their own marks (braces,
"literal"), so they write "Mason" and {"family": "Mason"}. In CSV, authors are
separated by ";" and an organisation whose name has a comma or ";" is written in braces
("{Department of Health, Social Services and Public Safety}"). RIS cannot mark an
organisation, so an organisation with a comma in its name comes back as a person.
BibTeX follows the usual BibTeX rules: a name wholly in braces is an organisation
(author = {{National Audit Office}}); "Family, Given" and "Given Family" are people,
with lower-case particles kept with the family name ("Ludwig van Beethoven" becomes
"van Beethoven, Ludwig"); "and others" is dropped. The BibTeX writer braces the word
"and" inside a name, and writes a one-name person plainly ("Mason") unless that would
be ambiguous.

Types. CSV gives the type by value or label ("think_tank" or "Think-tank report"), in any
case; a blank type means "research". BibTeX: @article, @book, @incollection,
@inproceedings (and theses) are "research"; @techreport and @report are "grey", or
"audit" when the institution, publisher or an organisation author has "audit" in its
name; everything else (@misc, @online, ...) is "grey". RIS: JOUR, BOOK, CHAP, CONF and
THES families are "research"; RPRT is "grey" (or "audit" by the same rule); GOVDOC is
"audit"; MGZN and NEWS are "commentary"; everything else (ELEC, GEN, ...) is "grey". A
BibTeX `type` field or RIS M3 line holding one of our types (value or label) overrides
the mapping; the writers add one only when the mapping alone would get the type wrong,
so exports round-trip.

Pages. Page ranges are stored with an en dash, "12–34", whatever the source used
("12-34", "12--34", "12 — 34"). BibTeX writes "12--34"; RIS writes SP and EP.

Dates. CSV takes yyyy-mm-dd and, if a year is also given, they must agree. RIS reads PY
("2015" or "2015/06/11/") and DA; BibTeX reads a BibLaTeX date field or year, month and
day. A year or month alone gives no full date. The RIS journal is the first of JF, JO,
T2 and JA, since exporters disagree on which holds the full name.

Checks. Every record needs a title and a year between 1900 and 2100 (all formats take
the year from a full date when no year is given). A DOI must look like
10.1177/1356389015577464 once any "https://doi.org/" or "doi:" prefix is removed; it is
stored lower-case without the prefix. A web address must start http:// or https://.
Text is trimmed, titles and other one-line fields have runs of spaces collapsed, and all
text is Unicode NFC. Values longer than the database allows are reported, not cut.

Output. CSV uses the reader's columns, so export then import gives the same records;
encode it as "utf-8-sig" so Excel reads the accents. BibTeX is UTF-8 with LaTeX special
characters escaped. RIS lines end "\\r\\n" (as the RIS specification and EndNote expect)
and each record ends with an ER line. Country, sectors and themes only travel in CSV:
BibTeX and RIS have no fields for them. Each writer also comes in pieces, one record at a
time from any iterable (csv_pieces, bibtex_pieces, ris_pieces, csl_json_pieces), so an
export can be sent while it is read.

CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html: what Zotero,
Pandoc and citeproc read) is written, never read: one JSON array of items. Each item's id is
"pbr-<entry id>" when the record came from the pack (stable between exports), else its
citation key. Types: an entry with a journal is "article-journal"; evaluations, audit,
think-tank and grey literature are "report"; a research study with a publisher is "book",
without one "article"; commentary without a journal is "webpage" when it has a web address,
else "article". A person "Family, Given" becomes {"family", "given"}, an organisation
{"literal"}. The date is the full date when known, else the year; the abstract is the
English summary. Country, sectors and themes have no CSL field and are left out.
"""

import csv
import datetime
import io
import itertools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field

import bibtexparser
from bibtexparser.model import Entry, ParsingFailedBlock, String
from pbr_site.core.text import without_hidden_characters

# Mirrors literature.models.PublicationType (a test keeps the two in step).
TYPE_LABELS = {
    "evaluation": "Evaluation",
    "research": "Research study",
    "audit": "Government or audit report",
    "think_tank": "Think-tank report",
    "grey": "Grey literature",
    "commentary": "Commentary",
}
DEFAULT_TYPE = "research"

# Mirrors the model's max_length values, so a too-long value is reported at import
# rather than failing at save (a test keeps these in step too).
MAX_LENGTHS = {
    "title": 500,
    "publisher": 255,
    "journal": 255,
    "volume": 30,
    "issue": 30,
    "pages": 30,
    "country": 100,
    "url": 500,
    "doi": 255,
}
AUTHOR_MAX_LENGTH = 255

CSV_COLUMNS = (
    "title",
    "year",
    "date",
    "type",
    "authors",
    "publisher",
    "journal",
    "volume",
    "issue",
    "pages",
    "country",
    "url",
    "doi",
    "summary",
    "summary_cy",
    "sectors",
    "themes",
)
# Spellings people use in spreadsheets for the same columns.
_COLUMN_ALIASES = {
    "author": "authors",
    "publication_type": "type",
    "publication_date": "date",
    "full_date": "date",
    "sector": "sectors",
    "theme": "themes",
    "link": "url",
    "web_address": "url",
    "welsh_summary": "summary_cy",
    "number": "issue",
}

FORMATS_HELP = (
    "Upload a CSV file (.csv) whose first row names the columns (at least title, "
    "year and authors), a BibTeX file (.bib) or a RIS file (.ris), as exported by Zotero, "
    "EndNote or Mendeley. Save spreadsheets as CSV first."
)


@dataclass
class Record:
    """One publication, in the shape of a BibliographyEntry (authors in order)."""

    title: str
    year: int | None
    authors: list[tuple[str, bool]] = field(default_factory=list)  # (name, is_organisation)
    publication_date: datetime.date | None = None
    publication_type: str = ""
    publisher: str = ""
    journal: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    country: str = ""
    url: str = ""
    doi: str = ""
    summary: str = ""
    summary_cy: str = ""
    sectors: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    key: str = ""  # the source's citation key or ID, if it had one
    # The BibliographyEntry it was exported from (CSL-JSON ids); not compared: parsing never sets it.
    entry_id: int | None = field(default=None, compare=False)


@dataclass
class RowError:
    """A record that could not be used: where it is and, in plain English, what to fix.

    `row` is 1-based as the user counts (see the module docstring); 0 means the whole
    file. str() gives the full sentence, e.g. "Row 4: the year 'twenty' is not a number
    between 1900 and 2100".
    """

    row: int
    message: str
    label: str = "Row"  # "Row" (CSV), "Entry" (BibTeX) or "Record" (RIS)
    line: int | None = None
    key: str = ""

    def __str__(self):
        if self.row == 0:
            return self.message[:1].upper() + self.message[1:]
        where = ", ".join(part for part in (self.key, self.line and f"line {self.line}") if part)
        return f"{self.label} {self.row}{f' ({where})' if where else ''}: {self.message}"


# --- Cleaning and checks shared by all formats -------------------------------------------

_DOI = re.compile(r"10\.[0-9]{4,9}/\S+")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
_URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?|https?://localhost(?:[:/?#]\S*)?", re.I)
_SLUG = re.compile(r"[-_a-z0-9]+")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TYPE_LOOKUP = {
    alias.casefold(): value
    for value, label in TYPE_LABELS.items()
    for alias in (value, value.replace("_", " "), value.replace("_", "-"), label)
}


def _one_line(value):
    # A NUL would make PostgreSQL refuse the row; bidi overrides would disguise the text.
    value = without_hidden_characters(value, one_line=True)
    return unicodedata.normalize("NFC", " ".join(value.split()))


def _multi_line(value):
    value = without_hidden_characters(value.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", value).strip()


def _lookup_type(value):
    return _TYPE_LOOKUP.get(_one_line(value).casefold())


def _clean_doi(value):
    return _DOI_PREFIX.sub("", value.strip()).strip().lower()


def _clean_pages(value):
    """'12-34', '12--34', '12 — 34' -> '12–34'; anything else is kept as given."""
    value = _one_line(value)
    match = re.fullmatch(r"(.+?)\s*(?:-{2,3}|[‒–—−])\s*(.+)", value)
    if not match and len(re.findall(r"[-‐‑]", value)) == 1:
        match = re.fullmatch(r"(.+?)\s*[-‐‑]\s*(.+)", value)
    return f"{match[1]}–{match[2]}" if match else value


def _person(family, given, original, problems):
    family, given = _one_line(family), _one_line(given)
    if not family:
        problems.append(
            f"the author '{_one_line(original)}' has no family name before the comma;"
            " write a person as 'Family, Given', for example 'Webster, Russell'"
        )
        return None
    return (f"{family}, {given}" if given else family, False)


def _finish(values, problems, make_error):
    """Check and normalise one record's values; return a Record or a RowError.

    `values` holds raw text for the Record's fields (year as text) plus already parsed
    authors, date, type and tag lists; `problems` holds what the parser already found.
    """
    parser_problems, problems = problems, []  # title and year first: what users fix first
    title = _one_line(values.get("title", ""))
    if not title:
        problems.append("the title is missing; every entry needs one")
    date = values.get("publication_date")
    year_text = _one_line(values.get("year", ""))
    year = None
    if year_text:
        match = re.fullmatch(r"([0-9]{4})(?:\.0+)?", year_text)  # Excel turns 2015 into 2015.0
        if match and 1900 <= int(match[1]) <= 2100:
            year = int(match[1])
        else:
            problems.append(f"the year '{year_text}' is not a number between 1900 and 2100")
    elif date:
        year = date.year
        if not 1900 <= year <= 2100:
            problems.append(f"the date {date.isoformat()} is not between 1900 and 2100")
    else:
        problems.append("the year is missing; give the year of publication, for example 2015")
    problems += parser_problems
    record = Record(
        title=title,
        year=year,
        authors=values.get("authors", []),
        publication_date=date,
        publication_type=values.get("publication_type") or DEFAULT_TYPE,
        publisher=_one_line(values.get("publisher", "")),
        journal=_one_line(values.get("journal", "")),
        volume=_one_line(values.get("volume", "")),
        issue=_one_line(values.get("issue", "")),
        pages=_clean_pages(values.get("pages", "")),
        country=_one_line(values.get("country", "")),
        url=values.get("url", "").strip(),
        doi=_clean_doi(values.get("doi", "")),
        summary=_multi_line(values.get("summary", "")),
        summary_cy=_multi_line(values.get("summary_cy", "")),
        sectors=values.get("sectors", []),
        themes=values.get("themes", []),
        key=values.get("key", ""),
    )
    if record.doi and not _DOI.fullmatch(record.doi):
        problems.append(
            f"the DOI '{record.doi}' is not a DOI; it should look like "
            "10.1177/1356389015577464 (the '10.', the publisher's number, a slash, then the rest)"
        )
    if record.url and not _URL.fullmatch(record.url):
        problems.append(f"the web address '{record.url}' must be a full address starting http:// or https://")
    for name, limit in MAX_LENGTHS.items():
        if len(getattr(record, name)) > limit:
            label = {"url": "web address", "doi": "DOI"}.get(name, name)
            problems.append(
                f"the {label} is {len(getattr(record, name))} characters long; the most the site can store is {limit}"
            )
    for name, _ in record.authors:
        if len(name) > AUTHOR_MAX_LENGTH:
            problems.append(f"the author name '{name[:40]}…' is longer than {AUTHOR_MAX_LENGTH} characters")
    return make_error("; ".join(problems)) if problems else record


# --- CSV ----------------------------------------------------------------------------------


def _split_top(text, separator):
    """Split at `separator` outside {braces}, so '{A; B}; C' gives ['{A; B}', ' C']."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += (char == "{") - (char == "}" and depth > 0)
        if char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    return parts + [text[start:]]


def _csv_authors(text, problems):
    authors = []
    for part in _split_top(text, ";"):
        name = part.strip()
        if name.startswith("{") and name.endswith("}"):
            name = _one_line(name[1:-1])
            if name:
                authors.append((name, True))
        elif "," in name:
            family, given = name.split(",", 1)
            person = _person(family, given, name, problems)
            if person:
                authors.append(person)
        elif name:
            authors.append((_one_line(name), True))
    return authors


def _csv_slugs(text, column, problems):
    slugs = []
    for part in re.split(r"[;,]", text):
        slug = part.strip().lower()
        if slug and not _SLUG.fullmatch(slug):
            suggestion = re.sub(r"[^a-z0-9]+", "-", slug).strip("-") or "a-slug"
            problems.append(
                f"'{part.strip()}' in {column} is not a tag slug; use lower-case "
                f"letters, numbers and hyphens, for example '{suggestion}'"
            )
        elif slug and slug not in slugs:
            slugs.append(slug)
    return slugs


def _sniff_delimiter(first_line):
    """Excel in some locales saves ';' or tab separated 'CSV'; the header row tells."""
    counts = {delimiter: first_line.count(delimiter) for delimiter in ",;\t"}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _column_name(name):
    name = re.sub(r"[\s-]+", "_", name.strip().lower())
    return _COLUMN_ALIASES.get(name, name)


def parse_csv(text):
    """Read a CSV file with a header row (UTF-8, with or without a byte-order mark)."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return []
    first_line = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(first_line))
    results, row = [], 0
    columns = None
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            results.append(
                RowError(
                    row + 1, f"could not be read ({error}); look for a double quote that is opened but never closed"
                )
            )
            break
        row += 1
        if not any(cell.strip() for cell in cells):
            continue
        if columns is None:
            columns = {}
            for index, name in enumerate(cells):
                columns.setdefault(_column_name(name), index)
            if "title" not in columns or ("year" not in columns and "date" not in columns):
                found = ", ".join(f"'{cell.strip()}'" for cell in cells[:8] if cell.strip())
                return [
                    RowError(
                        row,
                        "the first row must be a header naming the columns, with "
                        f"at least 'title' and 'year' (found {found}). Accepted columns: " + ", ".join(CSV_COLUMNS),
                    )
                ]
            continue
        cell = {name: (cells[index] if index < len(cells) else "") for name, index in columns.items()}
        results.append(_csv_record(cell, row))
    return results


def _csv_record(cell, row):
    problems = []
    values = {name: cell.get(name, "") for name in CSV_COLUMNS}
    type_text = _one_line(values["type"])
    values["publication_type"] = _lookup_type(type_text) if type_text else DEFAULT_TYPE
    if type_text and not values["publication_type"]:
        problems.append(
            f"the type '{type_text}' is not one we know; use one of "
            + ", ".join(TYPE_LABELS.values())
            + f" (or leave it blank for {TYPE_LABELS[DEFAULT_TYPE]})"
        )
    date_text = values["date"].strip()
    date = None
    if date_text:
        match = _ISO_DATE.fullmatch(date_text)
        try:
            date = datetime.date(int(match[1]), int(match[2]), int(match[3])) if match else None
        except ValueError:
            date = None
        if date is None:
            problems.append(f"the date '{date_text}' is not a date written yyyy-mm-dd, for example 2015-06-11")
    values["publication_date"] = date
    year_text = _one_line(values["year"])
    if date and re.fullmatch(r"[0-9]{4}", year_text) and int(year_text) != date.year:
        problems.append(f"the year {year_text} does not match the date {date.isoformat()}")
    values["authors"] = _csv_authors(values["authors"], problems)
    values["sectors"] = _csv_slugs(values["sectors"], "sectors", problems)
    values["themes"] = _csv_slugs(values["themes"], "themes", problems)
    return _finish(values, problems, lambda message: RowError(row, message, "Row"))


def _csv_name(name, is_organisation):
    if is_organisation:
        return f"{{{name}}}" if ("," in name or ";" in name) else name
    return name if "," in name else f"{name},"


_FORMULA_STARTS = ("=", "+", "-", "@")


def to_csv(records, *, defuse_formulas=False):
    """CSV with the reader's columns; parse_csv(to_csv(records)) gives the records back.

    defuse_formulas=True prefixes "'" to any cell a spreadsheet would run as a formula (for
    files people open in Excel; it breaks the exact round trip, so it is not the default)."""
    return "".join(csv_pieces(records, defuse_formulas=defuse_formulas))


def csv_pieces(records, *, defuse_formulas=False):
    """to_csv's text in pieces, the header row then one row per record, as they are read:
    an export streams them (records may be a generator)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def taken():
        text = out.getvalue()
        out.seek(0)
        out.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield taken()
    for record in records:
        row = [
            record.title,
            record.year or "",
            record.publication_date.isoformat() if record.publication_date else "",
            record.publication_type,
            "; ".join(_csv_name(*author) for author in record.authors),
            record.publisher,
            record.journal,
            record.volume,
            record.issue,
            record.pages,
            record.country,
            record.url,
            record.doi,
            record.summary,
            record.summary_cy,
            "; ".join(record.sectors),
            "; ".join(record.themes),
        ]
        if defuse_formulas:
            row = ["'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS) else cell for cell in row]
        writer.writerow(row)
        yield taken()


# --- LaTeX text in BibTeX values ----------------------------------------------------------

_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
_SYMBOLS = {
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "textbackslash": "\\",
    "textbraceleft": "{",
    "textbraceright": "}",
    "textasciitilde": "~",
    "textasciicircum": "^",
    "textendash": "–",
    "textemdash": "—",
    "textquoteleft": "‘",
    "textquoteright": "’",
    "textquotedblleft": "“",
    "textquotedblright": "”",
    "ldots": "…",
    "dots": "…",
    "textellipsis": "…",
    "pounds": "£",
    "textsterling": "£",
    "euro": "€",
    "texteuro": "€",
    "S": "§",
    "copyright": "©",
    "textregistered": "®",
    "textdegree": "°",
}
_BRACE_TOKEN = re.compile(r"\\.|[{}]", re.S)
_CONTROL_WORD = re.compile(r"[A-Za-z]+")


def _matching_brace(text, start):
    """Index of the } closing the { at `start`, or -1. Backslash-escaped braces don't count."""
    depth = 0
    for match in _BRACE_TOKEN.finditer(text, start):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                return match.start()
    return -1


def _latex(text, depth=0):
    """LaTeX as found in .bib files -> plain Unicode: accents, escapes, dashes; braces dropped.

    Ours, not bibtexparser's LatexDecodingMiddleware (pylatexenc): that drops \\textbraceleft{}
    (so "{x}" does not survive export and import), turns '' into a curly quote, !` into ¡ and
    ~ into a no-break space, raises RecursionError on deeply nested braces, and is about 40
    times slower."""
    out, i, n = [], 0, len(text)
    while i < n:
        char = text[i]
        if char == "\\" and i + 1 < n:
            nxt = text[i + 1]
            word = _CONTROL_WORD.match(text, i + 1)
            name = word.group() if word else ""
            if nxt in _ACCENTS and not (word and len(name) > 1):
                i, base = _accent_argument(text, i + 2, depth)
                if base:
                    first = {"ı": "i", "ȷ": "j"}.get(base[0], base[0])
                    out.append(unicodedata.normalize("NFC", first + _ACCENTS[nxt]) + base[1:])
                elif nxt in "~^":
                    out.append(nxt)
                continue
            if word:
                out.append(_SYMBOLS.get(name, ""))  # unknown commands (\emph...) keep only their text
                i = word.end()
                while i < n and text[i] in " \t\n":  # TeX ignores spaces after a command word
                    i += 1
                continue
            out.append("" if nxt in "-/" else " " if nxt in " \t\n\\,;:!" else nxt)
            i += 2
        elif char in "{}$" or char == "\\":
            i += 1
        elif char == "~":
            out.append(" ")
            i += 1
        elif text.startswith("---", i):
            out.append("—")
            i += 3
        elif text.startswith("--", i):
            out.append("–")
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _accent_argument(text, i, depth):
    """The letter an accent command applies to: e, {e}, {\\i} or \\i. Returns (end, text)."""
    n = len(text)
    while i < n and text[i] in " \t":
        i += 1
    if i >= n:
        return i, ""
    if text[i] == "{":
        end = _matching_brace(text, i)
        inner, i = (text[i + 1 :], n) if end < 0 else (text[i + 1 : end], end + 1)
        return i, (_latex(inner, depth + 1) if depth < 20 else inner)
    if text[i] == "\\":
        word = _CONTROL_WORD.match(text, i + 1)
        if word:
            return word.end(), _SYMBOLS.get(word.group(), "")
    return i + 1, text[i]


_BIB_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# One regular expression finds the few special characters (an export escapes millions of
# characters; a Python loop over each of them took most of a 10,000-entry export's time).
_BIB_SPECIAL = re.compile("[" + re.escape("".join(_BIB_ESCAPES)) + "]")
_DOUBLE_HYPHEN = re.compile(r"-(?=-)")


def _bib_escape(text):
    """Plain text -> BibTeX value text. Braces become commands so values always balance;
    '--' becomes '-{}-' so it is not read back as an en dash."""
    escaped = _BIB_SPECIAL.sub(lambda match: _BIB_ESCAPES[match.group()], text)
    return _DOUBLE_HYPHEN.sub("-{}", escaped) if "--" in escaped else escaped


# --- BibTeX -------------------------------------------------------------------------------


class _BibError(Exception):
    pass


# BibTeX predefines the macros jan ... dec, which expand to the month names.
_MONTH_NAMES = {
    name[:3].lower(): name
    for name in (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
}
_MONTHS = {abbreviation: number for number, abbreviation in enumerate(_MONTH_NAMES, 1)}
_QUOTED_TOKEN = re.compile(r'\\.|[{}"]', re.S)
_BIB_WORD = re.compile(r"[A-Za-z0-9][\w:.+/-]*")
_ENTRY_START = re.compile(r"@\s*([A-Za-z][\w-]*)\s*([{(])")
_ENTRY_KIND = re.compile(r"[A-Za-z][\w-]*")
_FIELD_NAME = re.compile(r"[A-Za-z][\w:.+-]*")
_FAILED_KEY = re.compile(r"@[^{(]*[{(]\s*([^\s,{}()=]*)")
_NAME_TOKEN = re.compile(r"\\.|[{}]|\s+and\s+", re.I | re.S)
_RAW_TOKEN = re.compile(r'\\.|[{}"]|,\s*([A-Za-z][\w:.+-]*)\s*=', re.S)
_MAX_BIB_VALUE = 100_000  # characters @string abbreviations may expand one value to
_BIB_RESEARCH = {
    "article",
    "book",
    "incollection",
    "inproceedings",
    "conference",
    "inbook",
    "phdthesis",
    "mastersthesis",
    "thesis",
    "collection",
    "proceedings",
}
_BIB_REPORTS = {"techreport", "report"}

# bibtexparser logs a warning for each block it cannot read; we report each one to the editor
# as a RowError instead, so the log would only repeat them (a hostile file can hold thousands).
logging.getLogger("bibtexparser.splitter").setLevel(logging.ERROR)


def parse_bibtex(text):
    """Read BibTeX or BibLaTeX. bibtexparser splits the file into entries; a malformed one
    becomes a RowError and reading goes on with the next entry (an "@" at the start of a line
    always starts one, even inside an unclosed value)."""
    # parse_stack=[]: splitting only. Values, @string, LaTeX and names stay ours: see
    # _bib_value, _latex and _bib_names for what bibtexparser's middlewares would change.
    blocks = bibtexparser.parse_string(text, parse_stack=[]).blocks
    results, strings, number, line, counted_to = [], {}, 0, 1, 0
    for block in blocks:
        # A repeated citation key or field is a ParsingFailedBlock to bibtexparser, but not to
        # us: such an entry is read as usual (the first of repeated fields wins).
        inner = block.ignore_error_block if isinstance(block, ParsingFailedBlock) else block
        if isinstance(inner, Entry):
            kind = inner.entry_type.lower()
        elif isinstance(inner, String):
            kind = "string"
        elif inner is None and (start := _ENTRY_START.match(block.raw or "")):
            kind = start[1].lower()
        else:
            continue  # @comment, @preamble and text between entries
        if kind in ("comment", "preamble") or not _ENTRY_KIND.fullmatch(kind):
            continue  # a broken @comment, or "@{" and "@1{", which are not entries to us
        # Error positions are ours: the line of the entry's "@", found from the block's own
        # text (bibtexparser's start_line misses line breaks straight after a backslash; this
        # can go when it counts them).
        raw = (inner or block).raw or ""
        at = text.find(raw, counted_to) if raw else -1
        if at >= 0:
            line += text.count("\n", counted_to, at)
            counted_to = at
        try:
            if inner is None:
                raise _BibError(
                    _bib_failure(block.raw or "", str(getattr(block.error, "abort_reason", ""))),
                    (_FAILED_KEY.match(block.raw or "") or ["", ""])[1],
                )
            if kind == "string":
                strings[inner.key.strip().lower()] = _bib_value(inner.value, strings, "@string", inner.key)
                continue
            key, fields = inner.key, {}
            for item in inner.fields:
                if not _FIELD_NAME.fullmatch(item.key):
                    raise _BibError(f"expected a field such as title = {{...}} but found '{item.key[:20]}'", key)
                fields.setdefault(item.key.lower(), _bib_value(item.value, strings, item.key.lower(), key))
        except _BibError as error:
            if kind == "string":
                if inner is not None:  # a @string we could not read: an entry using it says so
                    strings[inner.key.strip().lower()] = error
            else:
                number += 1
                results.append(
                    RowError(
                        number,
                        f"the entry could not be read: {error.args[0]}. Check that "
                        "every { has a matching } and that fields are separated by commas",
                        "Entry",
                        line,
                        error.args[1],
                    )
                )
            continue
        number += 1
        results.append(
            _bib_record(
                kind,
                key,
                fields,
                lambda message, n=number, at_line=line, k=key: RowError(n, message, "Entry", at_line, k),
            )
        )
    return results


def _bib_failure(raw, reason):
    """What to fix in an entry bibtexparser gave up on, from what was still open where it
    stopped: its abort reasons are written for developers and never name the field."""
    if reason.startswith("Expected comma after entry key"):
        return "there is no comma after the citation key"
    base = 0 if re.match(r"@[^{(]*\(", raw) else 1  # fields sit inside the entry's own { or (
    depth, quoted, name = 0, False, ""
    for match in _RAW_TOKEN.finditer(raw):
        token = match.group()
        if token == '"' and depth == base:
            quoted = not quoted
        elif token == "{":
            depth += 1
        elif token == "}" and depth:
            depth -= 1
        elif match[1] and depth == base and not quoted:
            name = match[1].lower()
    if quoted:
        return f'a " in the {name or "last"} field is never closed'
    if depth > base:
        return f"a {{ in the {name or 'last'} field is never closed"
    if reason.startswith("Expected a `=`"):
        return "expected a field such as title = {...}" + (f" after the {name} field" if name else "")
    if name and ("`,` or" in reason or reason.startswith("Expected either")):
        return f"a comma is missing after the {name} field"
    return "the closing } is missing"


def _bib_value(text, strings, name, key):
    """A field's value as bibtexparser found it -> its text: {braced}, "quoted", a number or
    a @string name, joined by '#'. Ours, not bibtexparser's middlewares: they leave '#'
    joins unresolved and let a @string defined later in the file change earlier entries
    (this can go if ResolveStringReferencesMiddleware learns both)."""
    parts, i, n, size = [], 0, len(text), 0
    while True:
        while i < n and text[i].isspace():
            i += 1
        char = text[i] if i < n else ""
        if char == "{":
            end = _matching_brace(text, i)
            if end < 0:
                raise _BibError(f"a {{ in the {name} field is never closed", key)
            parts.append(text[i + 1 : end])
            i = end + 1
        elif char == '"':
            depth, j = 0, i + 1
            for match in _QUOTED_TOKEN.finditer(text, i + 1):
                token, j = match.group(), match.start()
                depth += (token == "{") - (token == "}")
                if token == '"' and depth <= 0:
                    break
            else:
                raise _BibError(f'a " in the {name} field is never closed', key)
            parts.append(text[i + 1 : j])
            i = j + 1
        elif word := _BIB_WORD.match(text, i):
            token = word.group()
            parts.append(strings.get(token.lower(), _MONTH_NAMES.get(token.lower(), token)))
            if isinstance(parts[-1], _BibError):
                raise _BibError(f"the {name} field uses @string {token}, which could not be read", key)
            i = word.end()
        else:
            raise _BibError(f"the {name} field has no value", key)
        size += len(parts[-1])
        if size > max(n, _MAX_BIB_VALUE):  # only @strings can grow it: 40 of {b = a # a} fill any memory
            raise _BibError(
                f"the {name} field is longer than {_MAX_BIB_VALUE:,} characters once its "
                "@string abbreviations are filled in",
                key,
            )
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            return "".join(parts)
        if text[i] != "#":
            raise _BibError(f"a comma is missing after the {name} field", key)
        i += 1


def _bib_names(value, problems):
    """BibTeX 'and'-separated names -> (name, is_organisation); 'and' inside braces is text.

    Ours, not bibtexparser's name functions: its split_multiple_persons_names drops an accent
    command that starts a name ("... and \\v{S}imon" gives "{S}imon"), and its
    parse_single_name_into_parts reads "van Gogh," (a one-name person, see the module
    docstring) as "Gogh, van" or rejects it. They could replace this if both are fixed."""
    authors = []
    names, depth, start = [], 0, 0
    for match in _NAME_TOKEN.finditer(value):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(depth - 1, 0)
        elif token[0].isspace() and depth == 0:
            names.append(value[start : match.start()])
            start = match.end()
    names.append(value[start:])
    for raw in (name.strip() for name in names):
        if not raw or raw == "others":
            continue
        if raw.startswith("{") and _matching_brace(raw, 0) == len(raw) - 1:
            name = _one_line(_latex(raw[1:-1]))
            if name:
                authors.append((name, True))
            continue
        parts = _split_top(raw, ",")
        if len(parts) > 1:
            given = ", ".join(_latex(part).strip() for part in parts[1:] if part.strip())
            person = _person(_latex(parts[0]), given, _latex(raw), problems)
        else:
            words = _split_words(raw)
            particle = next((k for k in range(1, len(words) - 1) if words[k][:1].islower()), len(words) - 1)
            person = _person(
                _latex(" ".join(words[particle:])), _latex(" ".join(words[:particle])), _latex(raw), problems
            )
        if person:
            authors.append(person)
    return authors


def _split_words(text):
    """Split at spaces outside braces: 'Ludwig {van Beethoven}' -> two words."""
    words, depth, current = [], 0, []
    for char in text:
        depth += (char == "{") - (char == "}" and depth > 0)
        if char.isspace() and depth == 0:
            if current:
                words.append("".join(current))
            current = []
        else:
            current.append(char)
    return words + (["".join(current)] if current else [])


def _verbatim(value):
    """URLs and DOIs are verbatim in BibLaTeX; undo only the escapes some exporters add."""
    return re.sub(r"\\([_%&#${}~])", r"\1", value).replace("{", "").replace("}", "").strip()


def _bib_type(kind, explicit, publishers):
    """Our type for a BibTeX entry type; `publishers` is institution/publisher/org text."""
    if explicit:
        return explicit
    if kind in _BIB_RESEARCH:
        return "research"
    if kind in _BIB_REPORTS and "audit" in publishers.casefold():
        return "audit"
    return "grey"


def _month_number(text):
    text = text.strip().lower()
    if re.fullmatch(r"[0-9]{1,2}", text):
        return int(text)
    return _MONTHS.get(text[:3])


def _bib_record(kind, key, fields, make_error):
    problems = []

    def get(*names):  # the first of these fields that has a value, as plain text
        return next((_latex(fields[name]) for name in names if fields.get(name, "").strip()), "")

    authors = _bib_names(fields.get("author") or fields.get("editor") or "", problems)
    publisher = get("publisher", "institution", "organization", "school")
    explicit = _lookup_type(get("type"))
    orgs = " ".join(name for name, is_org in authors if is_org)
    values = {
        "key": key,
        "title": get("title"),
        "year": get("year"),
        "authors": authors,
        "publication_type": _bib_type(kind, explicit, f"{get('institution')} {publisher} {orgs}"),
        "publisher": publisher,
        "journal": get("journal", "journaltitle"),
        "volume": get("volume"),
        "issue": get("number", "issue"),
        "pages": get("pages"),
        "url": _verbatim(fields.get("url", "")),
        "doi": _verbatim(fields.get("doi", "")),
        "summary": get("abstract"),
    }
    date_match = re.match(r"\s*([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?", get("date"))
    if date_match and not values["year"]:
        values["year"] = date_match[1]
    parts = (
        date_match.groups()
        if date_match and date_match[3]
        else (values["year"].strip(), _month_number(get("month")), get("day").strip())
    )
    try:
        values["publication_date"] = datetime.date(*(int(part) for part in parts)) if all(parts) else None
    except (ValueError, OverflowError):
        values["publication_date"] = None  # a partial or impossible date: the year still stands
    return _finish(values, problems, make_error)


def _bib_kind(record):
    if record.journal:
        return "article"
    if record.publication_type in ("audit", "evaluation", "think_tank", "grey"):
        return "techreport"
    return "book" if record.publication_type == "research" and record.publisher else "misc"


def _bib_name(name, is_organisation):
    """A name for an author field. 'and' as a word is braced so it doesn't split the list;
    a person with no given name gets a trailing comma when it would otherwise read as
    'Given Family', an organisation or 'others'."""
    escaped = re.sub(r"(?i)(?<!\S)and(?!\S)", r"{\g<0>}", _bib_escape(name))
    if is_organisation:
        return f"{{{escaped}}}"
    ambiguous = "," not in name and (" " in escaped or escaped.startswith("{") or name == "others")
    return f"{escaped}," if ambiguous else escaped


_KEY_STOPWORDS = {
    "a",
    "an",
    "the",
    "of",
    "on",
    "in",
    "for",
    "and",
    "to",
    "with",
    "at",
    "by",
    "from",
    "is",
    "are",
    "what",
    "how",
    "why",
    "does",
    "do",
    "its",
    "it",
    "into",
    "as",
    "or",
}
_ASCII_EXTRA = str.maketrans(
    {
        "ß": "ss",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "đ": "d",
        "Đ": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
    }
)


def _ascii(text):
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    return "".join(char for char in decomposed if char.isascii() and char.isalnum()).lower()


def citation_key(record):
    """webster2016payment: first author's family name (or an organisation's first word),
    year and first significant title word, folded to ASCII."""
    author = ""
    if record.authors:
        name, is_organisation = record.authors[0]
        author = _ascii(name.split()[0] if is_organisation else name.split(",")[0])
    words = (_ascii(word) for word in re.findall(r"\w+", record.title))
    word = next((w for w in words if w and w not in _KEY_STOPWORDS), "")
    return f"{author or 'anon'}{record.year or ''}{word}"


def _suffixes():
    """'', 'a' ... 'z', 'aa', 'ab', ...: Zotero's way of telling same-named keys apart."""
    yield ""
    for length in itertools.count(1):
        for index in range(26**length):
            yield "".join(chr(97 + (index // 26**p) % 26) for p in reversed(range(length)))


def to_bibtex(records):
    """BibTeX for Zotero, EndNote, Mendeley and LaTeX. Keys are de-duplicated with a, b, ..."""
    return "".join(bibtex_pieces(records))


def bibtex_pieces(records):
    """to_bibtex's text in pieces, one entry each (a blank line between entries), as the
    records are read: an export streams them (records may be a generator)."""
    used, suffixes, separator = set(), {}, ""
    for record in records:
        base = record.key if re.fullmatch(r"[^\s,{}()=#%\"'\\]+", record.key or "") else citation_key(record)
        # One suffix sequence per base key, resumed each time, so many duplicates stay cheap.
        key = next(base + suffix for suffix in suffixes.setdefault(base, _suffixes()) if base + suffix not in used)
        used.add(key)
        kind = _bib_kind(record)
        orgs = " ".join(name for name, is_org in record.authors if is_org)
        date = record.publication_date
        lines = [
            ("author", " and ".join(_bib_name(*author) for author in record.authors)),
            ("title", _bib_escape(record.title)),
            ("journal", _bib_escape(record.journal)),
            ("year", str(record.year or "")),
            ("month", list(_MONTHS)[date.month - 1] if date else ""),  # a macro: written unbraced
            ("date", date.isoformat() if date else ""),
            ("volume", _bib_escape(record.volume)),
            ("number", _bib_escape(record.issue)),
            ("pages", _bib_escape(record.pages).replace("–", "--")),
            ("institution" if kind == "techreport" else "publisher", _bib_escape(record.publisher)),
            (
                "type",
                TYPE_LABELS.get(record.publication_type, "")
                if _bib_type(kind, None, f"{record.publisher} {orgs}") != record.publication_type
                else "",
            ),
            ("doi", record.doi.replace("{", r"\{").replace("}", r"\}")),
            ("url", record.url.replace("{", r"\{").replace("}", r"\}")),
            ("abstract", _bib_escape(record.summary)),
        ]
        body = [f"  {name} = {value if name == 'month' else '{' + value + '}'}" for name, value in lines if value]
        yield f"{separator}@{kind}{{{key},\n" + ",\n".join(body) + "\n}\n"
        separator = "\n"


# --- RIS ----------------------------------------------------------------------------------

_RIS_LINE = re.compile(r"([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\s*)$")
_RIS_RESEARCH = {"JOUR", "JFULL", "EJOUR", "BOOK", "EBOOK", "EDBOOK", "CHAP", "ECHAP", "CONF", "CPAPER", "THES"}
_RIS_DATE = re.compile(r"\s*([0-9]{4})(?:[/-]([0-9]{1,2})?(?:[/-]([0-9]{1,2})?)?)?")


def parse_ris(text):
    """Read RIS. A missing ER at the end is tolerated; a new TY also ends a record.

    Ours, not rispy's RisParser (0.10): it silently drops the last record when the file has no
    final ER and a record whose TY follows one without ER, reads nothing from a file that
    starts with a byte-order mark, joins AB paragraphs with spaces, takes only "TY  - " with
    two spaces and gives no line numbers for our messages. Use it if those change."""
    results, current, number = [], None, 0
    for line_number, raw in enumerate(text.removeprefix("\ufeff").splitlines(), 1):
        match = _RIS_LINE.match(raw.rstrip())
        if not match:
            if current and current["tags"] and raw.strip():  # a continuation of the last value
                values = current["tags"][current["last"]]
                joiner = "\n" if current["last"] in ("AB", "N2", "N1") else " "
                values[-1] = f"{values[-1]}{joiner}{raw.strip()}"
            continue
        tag, value = match[1], (match[2] or "").strip()
        if tag == "ER":
            if current:
                results.append(_ris_record(current))
            current = None
            continue
        if tag == "TY" or current is None:
            if current:
                results.append(_ris_record(current))
            number += 1
            current = {"number": number, "line": line_number, "type": "", "tags": {}, "last": ""}
            if tag == "TY":
                current["type"] = value.upper()
                continue
        current["tags"].setdefault(tag, []).append(value)
        current["last"] = tag
    if current:
        results.append(_ris_record(current))
    return results


def _ris_type(kind, explicit, publishers):
    if explicit:
        return explicit
    if kind in _RIS_RESEARCH:
        return "research"
    if kind == "GOVDOC" or (kind == "RPRT" and "audit" in publishers.casefold()):
        return "audit"
    return "commentary" if kind in ("MGZN", "NEWS") else "grey"


def _ris_date(text, problems):
    """'2015', '2015///', '2015/06/11/' or '2015-06-11' -> (year text, date or None)."""
    match = _RIS_DATE.match(text)
    if not match:
        return text, None
    if match[2] and match[3]:
        try:
            return match[1], datetime.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            problems.append(f"the date '{text.strip()}' is not a real date")
    return match[1], None


def _ris_record(current):
    tags, problems = current["tags"], []

    def first(*names):  # the first value of the first of these tags that has one
        return next((tags[name][0] for name in names if name in tags and tags[name][0]), "")

    authors = []
    for name in tags.get("AU", []) + tags.get("A1", []):
        if "," in name:
            family, given = name.split(",", 1)
            person = _person(family, given, name, problems)
            if person:
                authors.append(person)
        elif name.strip():
            authors.append((_one_line(name), True))
    year, date = _ris_date(first("PY", "Y1"), problems)
    da_year, da_date = _ris_date(first("DA"), problems) if _RIS_DATE.match(first("DA")) else ("", None)
    start, end = _one_line(first("SP")), _one_line(first("EP"))
    publisher = first("PB")
    orgs = " ".join(name for name, is_org in authors if is_org)
    values = {
        "key": first("ID").strip(),
        "title": first("TI", "T1") or (first("BT") if current["type"] == "BOOK" else ""),
        "year": year or da_year,
        "publication_date": date or da_date,
        "authors": authors,
        "publication_type": _ris_type(current["type"], _lookup_type(first("M3")), f"{publisher} {orgs}"),
        # Exporters disagree on which of these holds the journal's full name.
        "journal": first("JF", "JO", "T2", "JA"),
        "volume": first("VL"),
        "issue": first("IS"),
        "pages": f"{start}–{end}" if start and end else start or end,
        "publisher": publisher,
        "url": first("UR"),
        "doi": first("DO"),
        "summary": first("AB", "N2"),
    }
    return _finish(
        values, problems, lambda message: RowError(current["number"], message, "Record", current["line"], values["key"])
    )


def _ris_kind(record):
    if record.journal:
        return "JOUR"
    return {
        "audit": "GOVDOC",
        "evaluation": "RPRT",
        "think_tank": "RPRT",
        "grey": "RPRT",
        "research": "BOOK" if record.publisher else "GEN",
    }.get(record.publication_type, "GEN")


def to_ris(records):
    """RIS for Zotero, EndNote and Mendeley: 'TY  - ' lines ending CRLF, ER after each record."""
    return "".join(ris_pieces(records))


def ris_pieces(records):
    """to_ris's text in pieces, one record each, as the records are read: an export streams
    them (records may be a generator)."""
    for record in records:
        kind = _ris_kind(record)
        orgs = " ".join(name for name, is_org in record.authors if is_org)
        date = record.publication_date
        start, _, end = record.pages.partition("–")
        fields = [("TY", kind)]
        fields += [("AU", name if is_org or "," in name else f"{name},") for name, is_org in record.authors]
        fields += [
            ("TI", record.title),
            ("PY", str(record.year or "")),
            ("DA", date.strftime("%Y/%m/%d") if date else ""),
            ("T2", record.journal),
            ("JO", record.journal),
            ("VL", record.volume),
            ("IS", record.issue),
            ("SP", start),
            ("EP", end),
            ("PB", record.publisher),
            (
                "M3",
                TYPE_LABELS.get(record.publication_type, "")
                if _ris_type(kind, None, f"{record.publisher} {orgs}") != record.publication_type
                else "",
            ),
            ("DO", record.doi),
            ("UR", record.url),
        ]
        if record.summary:
            # Continuation lines carry the summary's line breaks; one that looks like a tag
            # gets a leading space so readers don't take it for one.
            paragraphs = [part.strip() for part in record.summary.splitlines() if part.strip()]
            fields.append(("AB", "\r\n".join(f" {part}" if _RIS_LINE.match(part) else part for part in paragraphs)))
        lines = [f"{tag}  - {value}" for tag, value in fields if value] + ["ER  - ", ""]
        yield "".join(f"{line}\r\n" for line in lines)


# --- CSL-JSON -----------------------------------------------------------------------------


def _csl_type(record):
    if record.journal:
        return "article-journal"
    kind = record.publication_type or DEFAULT_TYPE
    if kind in ("evaluation", "audit", "think_tank", "grey"):
        return "report"
    if kind == "research":
        return "book" if record.publisher else "article"
    return "webpage" if record.url else "article"


def _csl_name(name, is_organisation):
    if is_organisation:
        return {"literal": name}
    family, _comma, given = name.partition(",")
    return {"family": family.strip(), "given": given.strip()} if given.strip() else {"family": family.strip()}


def csl_item(record, item_id):
    """One CSL-JSON item (a dict) for the record; empty fields are left out."""
    date = record.publication_date
    item = {
        "id": item_id,
        "type": _csl_type(record),
        "title": record.title,
        "author": [_csl_name(*author) for author in record.authors],
        "issued": {"date-parts": [[date.year, date.month, date.day] if date else [record.year]]}
        if date or record.year
        else None,
        "container-title": record.journal,
        "publisher": record.publisher,
        "volume": record.volume,
        "issue": record.issue,
        "page": record.pages.replace("–", "-"),
        "DOI": record.doi,
        "URL": record.url,
        "abstract": record.summary,
    }
    return {name: value for name, value in item.items() if value}


def to_csl_json(records):
    return "".join(csl_json_pieces(records))


def csl_json_pieces(records):
    """A JSON array of CSL items in pieces, one item each, as the records are read: an export
    streams them (records may be a generator). Ids are unique within the file."""
    used, suffixes = set(), {}
    yield "["
    separator = "\n"
    for record in records:
        base = f"pbr-{record.entry_id}" if record.entry_id is not None else citation_key(record)
        item_id = next(base + suffix for suffix in suffixes.setdefault(base, _suffixes()) if base + suffix not in used)
        used.add(item_id)
        yield separator + json.dumps(csl_item(record, item_id), ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n" if used else "]\n"


# --- Choosing a format --------------------------------------------------------------------


def decode_upload(data):
    """Bytes from an upload -> text: UTF-8 (a byte-order mark is dropped), else Windows-1252,
    which is what Excel on Windows saves "CSV" as."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _sniff(text):
    body = text.removeprefix("\ufeff").lstrip()
    if re.search(r"^TY {1,2}- ", body, re.M):
        return parse_ris
    if _ENTRY_START.search(body):
        return parse_bibtex
    first_line = body.splitlines()[0] if body else ""
    names = {_column_name(cell.strip('"')) for cell in first_line.split(_sniff_delimiter(first_line))}
    return parse_csv if "title" in names else None


def parse(text, filename=""):
    """Read a file, choosing the format by extension (.csv, .bib/.bibtex, .ris) or, for
    anything else (EndNote often saves RIS as .txt), by looking at the text."""
    extension = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    parser = {"csv": parse_csv, "bib": parse_bibtex, "bibtex": parse_bibtex, "ris": parse_ris}.get(extension)
    parser = parser or _sniff(text)
    if parser is None:
        name = f"'{filename}'" if filename else "this"
        return [RowError(0, f"we could not tell what kind of file {name} is. {FORMATS_HELP}")]
    results = parser(text)
    if not results and text.strip():
        name = f"'{filename}'" if filename else "the file"
        return [RowError(0, f"no entries were found in {name}. {FORMATS_HELP}")]
    return results
