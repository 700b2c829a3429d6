"""Reading and writing bibliographies as CSV, BibTeX and RIS (literature.formats).

No database: the module is plain Python. Samples are the real publications behind the
literature review, written the way Zotero, EndNote and spreadsheets write them.
"""

import datetime
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from literature.formats import (
    AUTHOR_MAX_LENGTH,
    CSV_COLUMNS,
    MAX_LENGTHS,
    TYPE_LABELS,
    Record,
    RowError,
    citation_key,
    decode_upload,
    parse,
    parse_bibtex,
    parse_csv,
    parse_ris,
    to_bibtex,
    to_csv,
    to_ris,
)

NAO = Record(
    title="Outcome-based payment schemes: government's use of payment by results",
    year=2015,
    authors=[("National Audit Office", True)],
    publication_type="audit",
    publisher="National Audit Office",
    country="United Kingdom",
    url="https://www.nao.org.uk/report/outcome-based-payment-schemes/",
    summary="At least £15bn committed through 52 schemes.",
    sectors=["general"],
    themes=["pricing", "commissioner-capability"],
)
WEBSTER = Record(
    title="Payment by Results: Lessons from the Literature",
    year=2016,
    authors=[("Webster, Russell", False)],
    publication_type="research",
    publisher="Russell Webster / Oak Foundation",
)
FOX = Record(
    title="PbR and social impact bonds in the criminal justice sector: new challenges for evidence-based policy?",
    year=2011,
    authors=[("Fox, Chris", False), ("Albertson, Kevin", False)],
    publication_type="research",
    journal="Criminology & Criminal Justice",
    volume="11",
    issue="5",
    pages="395–413",
    doi="10.1177/1748895811415580",
)
BATTYE = Record(
    title="Payment by Results in the UK: progress to date and future directions for evaluation",
    year=2015,
    publication_date=datetime.date(2015, 4, 1),
    authors=[("Battye, Fraser", False)],
    publication_type="evaluation",
    journal="Evaluation",
    volume="21",
    issue="2",
    pages="189–203",
    doi="10.1177/1356389015577464",
)


def records(results):
    return [item for item in results if isinstance(item, Record)]


def errors(results):
    return [str(item) for item in results if isinstance(item, RowError)]


# --- CSV ----------------------------------------------------------------------------------

SPREADSHEET = (
    "\ufeffTitle,YEAR,Date,Type,Authors,Publisher,Journal,Volume,Issue,Pages,URL,DOI,Summary,Sectors,Themes,Notes\r\n"
    '"Outcome-based payment schemes: government\'s use of payment by results",2015,,'
    "Government or audit report,National Audit Office,National Audit Office,,,,,"
    'https://www.nao.org.uk/report/outcome-based-payment-schemes/,,"At least £15bn\nin 52 schemes.",'
    "general,pricing; commissioner-capability,ignored\r\n"
    'Payment by Results:   Lessons from the Literature ,2016.0,,,"Webster, Russell",,,,,,,,,,,\r\n'
    'A study with a bad year,twenty,,,"Smith, Jo",,,,,,,,,,,\r\n'
    ",,,,,,,,,,,,,,,\r\n"
    '"Payment by Results in the UK: progress to date and future directions for evaluation",2015,'
    '2015-04-01,evaluation,"Battye, Fraser",,Evaluation,21,2,189-203,,'
    "https://doi.org/10.1177/1356389015577464,,,,\r\n"
    "Bad links,2014,,,,,,,,,www.example.org,doi:12.34/x,,,,\r\n"
    ",2013,,Book,,,,,,,,,,Criminal Justice,,\r\n"
)


def test_csv_keeps_good_rows_and_reports_bad_ones_by_spreadsheet_row():
    results = parse_csv(SPREADSHEET)

    nao, webster, battye = records(results)
    assert nao.authors == [("National Audit Office", True)]
    assert nao.publication_type == "audit"
    assert nao.summary == "At least £15bn\nin 52 schemes."
    assert (nao.sectors, nao.themes) == (["general"], ["pricing", "commissioner-capability"])
    assert webster.title == "Payment by Results: Lessons from the Literature"
    assert (webster.year, webster.publication_type) == (2016, "research")  # Excel's 2016.0; blank type
    assert webster.authors == [("Webster, Russell", False)]
    assert battye.publication_date == datetime.date(2015, 4, 1)
    assert battye.pages == "189–203"
    assert battye.doi == "10.1177/1356389015577464"
    assert errors(results)[0] == "Row 4: the year 'twenty' is not a number between 1900 and 2100"
    assert errors(results)[1].startswith("Row 7: the DOI '12.34/x' is not a DOI; it should look like 10.1177/")
    assert "; the web address 'www.example.org' must be a full address starting http://" in errors(results)[1]
    last = errors(results)[2]
    assert last.startswith("Row 8: the title is missing")
    assert "the type 'Book' is not one we know" in last
    assert "'Criminal Justice' in sectors is not a tag slug" in last and "'criminal-justice'" in last


def test_csv_names_with_a_comma_are_people_and_the_rest_organisations():
    text = (
        "title,year,authors\n"
        'A,2015,"Mason,; Fullwood, Jo;National Audit Office; {Department of Health, Social Services '
        'and Public Safety}; Russell Webster"\n'
    )
    [record] = parse_csv(text)
    assert record.authors == [
        ("Mason", False),
        ("Fullwood, Jo", False),
        ("National Audit Office", True),
        ("Department of Health, Social Services and Public Safety", True),
        ("Russell Webster", True),
    ]
    assert parse_csv(to_csv([record])) == [record]


def test_csv_date_and_year_must_agree_and_dates_are_iso():
    text = "title,year,date\nA,2014,2015-06-11\nB,,2015-06-11\nC,2015,11/06/2015\nD,2015,2015-02-30\n"
    a, b, c, d = parse_csv(text)
    assert str(a) == "Row 2: the year 2014 does not match the date 2015-06-11"
    assert (b.year, b.publication_date) == (2015, datetime.date(2015, 6, 11))
    assert str(c).startswith("Row 4: the date '11/06/2015' is not a date written yyyy-mm-dd")
    assert str(d).startswith("Row 5: the date '2015-02-30'")


def test_csv_needs_a_header_row_naming_title_and_year():
    [error] = parse_csv("Outcome-based payment schemes,2015,National Audit Office\n")
    assert str(error).startswith("Row 1: the first row must be a header naming the columns")
    assert "Accepted columns: title, year, date, type, authors" in str(error)


def test_csv_from_excel_with_semicolons_and_a_blank_year_column():
    [record, error] = parse_csv("title;year;type\nA;2015;think tank\nB;;\n")
    assert record.publication_type == "think_tank"
    assert str(error) == "Row 3: the year is missing; give the year of publication, for example 2015"


def test_csv_reports_values_too_long_for_the_site():
    [error] = parse_csv(f"title,year,volume\n{'x' * 501},2015,{'1' * 31}\n")
    assert "the title is 501 characters long; the most the site can store is 500" in str(error)
    assert "the volume is 31 characters long" in str(error)


def test_to_csv_round_trips_the_samples_and_uses_the_reader_columns():
    text = to_csv([NAO, WEBSTER, FOX, BATTYE])
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert text.endswith("\r\n")
    assert parse_csv(text) == [NAO, WEBSTER, FOX, BATTYE]


# --- BibTeX -------------------------------------------------------------------------------

ZOTERO_EXPORT = r"""
This text outside entries is a comment, as is an email@example.org address.
@comment{jabref-meta: databaseType:bibtex;}
@preamble{"\newcommand{\noop}[1]{}"}
@string{cc = "Criminology {\&} Criminal Justice"}

@techreport{nao2015,
  author = {{National Audit Office}},
  title = {Outcome-based payment schemes: government's use of payment by results},
  institution = {National Audit Office},
  number = {HC 86},
  year = {2015},
  month = jun,
  day = {19},
  url = {https://www.nao.org.uk/report/outcome-based-payment-schemes/}
}

@book{webster2016,
  author = {Russell Webster},
  title = {Payment by {Results}: Lessons from the Literature},
  publisher = {Russell Webster / Oak Foundation},
  year = 2016,
  keywords = {payment by results, literature review},
}

@Article{fox2011,
  author = "Fox, Chris and Albertson, Kevin",
  title = "{PbR} and social impact bonds in the criminal justice sector: new challenges for evidence-based policy?",
  journal = cc,
  volume = 11, number = {5}, pages = {395--413}, year = "2011",
  doi = {https://doi.org/10.1177/1748895811415580},
}

@article{broken,
  title = {Payment by results {and the missing brace,
  year = {2014}
}

@article(battye2015,
  author = {Battye, Fraser},
  title = {Payment by Results in the {UK}: progress to date and future directions for evaluation},
  journaltitle = {Evaluation}, volume = {21}, issue = {2}, pages = {189--203},
  date = {2015-04-01}, doi = {10.1177/1356389015577464},
  abstract = {Takes stock of payment by results in the UK.}
)

@misc{nodoi, title = {A blog post}, year = {2013}, doi = {not-a-doi}, author = {Jones, Ann and others}}
"""


def test_bibtex_reads_a_zotero_export_and_reports_the_broken_entry():
    results = parse_bibtex(ZOTERO_EXPORT)
    nao, webster, fox, battye = records(results)
    assert nao.authors == [("National Audit Office", True)]
    assert nao.publication_type == "audit"  # a report from an audit office
    assert nao.publication_date == datetime.date(2015, 6, 19)
    assert nao.key == "nao2015"
    assert webster.authors == [("Webster, Russell", False)]
    assert webster.title == "Payment by Results: Lessons from the Literature"
    assert fox.journal == "Criminology & Criminal Justice"
    assert (fox.volume, fox.issue, fox.pages) == ("11", "5", "395–413")
    assert fox.doi == "10.1177/1748895811415580"
    assert fox.authors == [("Fox, Chris", False), ("Albertson, Kevin", False)]
    assert (battye.journal, battye.issue, battye.year) == ("Evaluation", "2", 2015)
    assert battye.publication_date == datetime.date(2015, 4, 1)
    assert battye.summary == "Takes stock of payment by results in the UK."
    broken, nodoi = errors(results)
    assert broken.startswith("Entry 4 (broken, line 34): the entry could not be read")
    assert nodoi.startswith("Entry 6 (nodoi, line 47): the DOI 'not-a-doi' is not a DOI")


def test_bibtex_latex_accents_and_escapes_become_unicode():
    [record] = parse_bibtex(r"""@book{x,
      author = {Jos{\'e} M{\"u}ller and \v{S}imon {\O}stergaard and Ludwig van Beethoven and Gau\ss, Carl
                and Mart{\'\i}nez, Mar{\'i}a and {\c{C}}elik, Ay{\c s}e},
      title = {Caf\'e {\`a} la Montr\'{e}al -- 50\% \& \$5 for \emph{\"Uber} stuff~now},
      year = {2012}}""")
    assert record.authors == [
        ("Müller, José", False),
        ("Østergaard, Šimon", False),
        ("van Beethoven, Ludwig", False),
        ("Gauß, Carl", False),
        ("Martínez, María", False),
        ("Çelik, Ayşe", False),
    ]
    assert record.title == "Café à la Montréal – 50% & $5 for Über stuff now"


def test_bibtex_types_follow_the_entry_type_unless_a_type_field_says_otherwise():
    text = """
    @techreport{a, title = {A}, year = 2015, institution = {Audit Commission}}
    @techreport{b, title = {B}, year = 2015, institution = {ICF}}
    @online{c, title = {C}, year = 2015}
    @inproceedings{d, title = {D}, year = 2015}
    @report{e, title = {E}, year = 2015, type = {Think-tank report}}
    """
    assert [r.publication_type for r in parse_bibtex(text)] == ["audit", "grey", "grey", "research", "think_tank"]


def test_bibtex_never_loses_later_entries_after_a_broken_one():
    text = "@article{a, title = {One}, year = 2015\n@article{b, title = {Two}, year = 2016}\n"
    error, record = parse_bibtex(text)
    assert str(error).startswith("Entry 1 (a, line 1): the entry could not be read: a comma is missing")
    assert record.title == "Two"


def test_to_bibtex_keys_organisations_and_escapes():
    text = to_bibtex([WEBSTER, WEBSTER, NAO, FOX, Record(title="50% of $ & #1 {x}_y", year=2020)])
    assert "@book{webster2016payment,\n" in text
    assert "@book{webster2016paymenta,\n" in text
    assert "@techreport{national2015outcome,\n  author = {{National Audit Office}}," in text
    assert "@article{fox2011pbr,\n  author = {Fox, Chris and Albertson, Kevin}," in text
    assert "pages = {395--413}" in text
    assert "journal = {Criminology \\& Criminal Justice}" in text
    assert r"title = {50\% of \$ \& \#1 \textbraceleft{}x\textbraceright{}\_y}" in text
    assert [r.title for r in parse_bibtex(text)][-1] == "50% of $ & #1 {x}_y"


def test_bibtex_awkward_names_survive_a_round_trip():
    authors = [
        ("Mason", False),
        ("van Gogh", False),
        ("and", False),
        ("others", False),
        ("Smith, and Jones", False),
        ("Marks and Spencer", True),
        ("Ernst & Young, LLP", True),
    ]
    text = to_bibtex([Record(title="Names", year=2015, authors=authors)])
    assert "author = {Mason and van Gogh, and {and}, and others, and Smith, {and} Jones and " in text
    assert "{Marks {and} Spencer} and {Ernst \\& Young, LLP}}" in text
    [record] = parse_bibtex(text)
    assert record.authors == authors


def test_citation_keys_are_ascii():
    record = Record(title="The Łódź évaluation", year=2019, authors=[("Ó Súilleabháin, Séan", False)])
    assert citation_key(record) == "osuilleabhain2019lodz"


def test_to_bibtex_round_trips_the_samples():
    parsed = parse_bibtex(to_bibtex([NAO, WEBSTER, FOX, BATTYE]))
    for original, back in zip([NAO, WEBSTER, FOX, BATTYE], parsed, strict=True):
        assert (back.title, back.year, back.authors, back.publication_type, back.doi, back.pages) == (
            original.title,
            original.year,
            original.authors,
            original.publication_type,
            original.doi,
            original.pages,
        )
    assert parsed[3].publication_date == datetime.date(2015, 4, 1)


# --- RIS ----------------------------------------------------------------------------------

ENDNOTE_EXPORT = (
    "TY  - GOVDOC\r\n"
    "AU  - National Audit Office\r\n"
    "TI  - Outcome-based payment schemes: government's use of payment by results\r\n"
    "PY  - 2015/06/19/\r\n"
    "PB  - National Audit Office\r\n"
    "UR  - https://www.nao.org.uk/report/outcome-based-payment-schemes/\r\n"
    "ER  - \r\n"
    "\r\n"
    "TY  - JOUR\r\n"
    "AU  - Battye, Fraser\r\n"
    "T1  - Payment by Results in the UK: progress to date and future directions for evaluation\r\n"
    "JF  - Evaluation\r\n"
    "VL  - 21\r\n"
    "IS  - 2\r\n"
    "SP  - 189\r\n"
    "EP  - 203\r\n"
    "Y1  - 2015\r\n"
    "DA  - 2015/04/01\r\n"
    "DO  - doi:10.1177/1356389015577464\r\n"
    "AB  - Takes stock of payment by results\r\n"
    "in the UK.\r\n"
    "KW  - evaluation\r\n"
    "ER  - \r\n"
    "TY  - RPRT\r\n"
    "AU  - Webster, Russell\r\n"
    "PY  - 2016\r\n"
    "ER  - \r\n"
    "TY  - JOUR\r\n"
    "AU  - Fox, Chris\r\n"
    "AU  - Albertson, Kevin\r\n"
    "TI  - PbR and social impact bonds in the criminal justice sector: new challenges for evidence-based policy?\r\n"
    "T2  - Criminology & Criminal Justice\r\n"
    "VL  - 11\r\n"
    "IS  - 5\r\n"
    "SP  - 395-413\r\n"
    "PY  - 2011\r\n"
    "M3  - Commentary\r\n"
)  # no final ER


def test_ris_reads_an_endnote_export_and_reports_the_record_without_a_title():
    results = parse_ris(ENDNOTE_EXPORT)
    nao, battye, fox = records(results)
    assert (nao.authors, nao.publication_type) == ([("National Audit Office", True)], "audit")
    assert (nao.year, nao.publication_date) == (2015, datetime.date(2015, 6, 19))
    assert (battye.journal, battye.volume, battye.issue, battye.pages) == ("Evaluation", "21", "2", "189–203")
    assert (battye.year, battye.publication_date) == (2015, datetime.date(2015, 4, 1))
    assert battye.doi == "10.1177/1356389015577464"
    assert battye.summary == "Takes stock of payment by results\nin the UK."
    assert battye.publication_type == "research"
    assert (fox.pages, fox.journal) == ("395–413", "Criminology & Criminal Justice")
    assert fox.publication_type == "commentary"  # M3 names one of our types
    assert errors(results) == ["Record 3 (line 24): the title is missing; every entry needs one"]


def test_ris_person_or_organisation_by_comma_and_audit_reports():
    text = (
        "TY  - RPRT\nAU  - Audit Commission\nAU  - Mason,\nAU  - Russell Webster\nTI  - Local PbR\nPY  - 2012\nER  -\n"
    )
    [record] = parse_ris(text)
    assert record.authors == [("Audit Commission", True), ("Mason", False), ("Russell Webster", True)]
    assert record.publication_type == "audit"


def test_to_ris_writes_crlf_lines_and_ends_each_record():
    text = to_ris([FOX, NAO])
    assert text.startswith("TY  - JOUR\r\nAU  - Fox, Chris\r\nAU  - Albertson, Kevin\r\nTI  - PbR")
    assert "SP  - 395\r\nEP  - 413\r\n" in text
    assert "TY  - GOVDOC\r\nAU  - National Audit Office\r\n" in text
    assert text.count("ER  - \r\n") == 2
    assert "\n" not in text.replace("\r\n", "")
    back = parse_ris(text)
    assert [(r.title, r.authors, r.publication_type, r.pages) for r in back] == [
        (r.title, r.authors, r.publication_type, r.pages) for r in (FOX, NAO)
    ]


def test_ris_summary_lines_that_look_like_tags_stay_in_the_summary():
    record = Record(title="T", year=2015, summary="First line\nER  - not the end\nTY  - nor a start")
    [back] = parse_ris(to_ris([record]))
    assert back.summary == record.summary


# --- Choosing a format --------------------------------------------------------------------


def test_parse_chooses_by_extension_or_by_looking():
    bib = to_bibtex([FOX])
    ris = to_ris([FOX])
    csv_text = to_csv([FOX])
    for text, name in [
        (bib, "refs.BIB"),
        (bib, "refs.bibtex"),
        (ris, "refs.ris"),
        (csv_text, "refs.csv"),
        (ris, "endnote.txt"),
        (bib, "export"),
        (csv_text, "sheet.txt"),
    ]:
        [record] = parse(text, name)
        assert record.title == FOX.title, name


def test_parse_explains_the_accepted_formats():
    [error] = parse("PK\x03\x04 binary spreadsheet", "pack.xlsx")
    assert error.row == 0
    assert str(error).startswith("We could not tell what kind of file 'pack.xlsx' is. Upload a CSV file (.csv)")
    assert "BibTeX file (.bib)" in str(error) and "RIS file (.ris)" in str(error)
    [empty] = parse("nothing to see", "refs.bib")
    assert str(empty).startswith("No entries were found in 'refs.bib'.")
    assert parse("", "refs.ris") == []


def test_decode_upload_accepts_utf8_with_bom_and_excel_windows_text():
    assert decode_upload("title,year\nCaf\u00e9,2015\n".encode("utf-8-sig")) == "title,year\nCafé,2015\n"
    assert decode_upload("title,year\nCaf\u00e9 \u2013 bar,2015\n".encode("cp1252")) == "title,year\nCafé – bar,2015\n"


def test_vocabularies_and_lengths_match_the_model():
    from django.utils import translation

    from literature.models import BibliographyEntry, EntryAuthor, PublicationType

    with translation.override("en"):
        assert {value: str(label) for value, label in PublicationType.choices} == TYPE_LABELS
    for name, limit in MAX_LENGTHS.items():
        assert BibliographyEntry._meta.get_field(name).max_length == limit, name
    assert EntryAuthor._meta.get_field("name").max_length == AUTHOR_MAX_LENGTH


# --- Properties ---------------------------------------------------------------------------


def _line(text):
    return unicodedata.normalize("NFC", " ".join(text.split()))


def line(max_size=40, exclude="", allow_empty=False):
    """One-line text as the parsers normalise it, from any printable Unicode."""
    chars = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters=exclude)
    values = st.text(chars, min_size=0 if allow_empty else 1, max_size=max_size).map(_line)
    # NFC can turn a character into an excluded one (U+037E Greek question mark is ';').
    return values.filter(lambda s: (allow_empty or s) and not set(s) & set(exclude))


summaries = st.text(st.characters(exclude_categories=("Cc", "Cs"), include_characters="\n"), max_size=80).map(
    lambda s: unicodedata.normalize("NFC", s).strip()
)
slugs = st.lists(st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True), max_size=3, unique=True)
urls = st.builds(
    "https://{}.{}/{}".format,
    st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True),
    st.sampled_from(["org", "gov.uk", "ac.uk", "com"]),
    st.from_regex(r"[A-Za-z0-9/._~%?=&#-]{0,30}", fullmatch=True),
)
dois = st.builds(
    "10.{}/{}".format,
    st.from_regex(r"[0-9]{4,9}", fullmatch=True),
    st.from_regex(r"[a-z0-9._;()/:-]{1,25}", fullmatch=True),
)
pages = st.one_of(
    st.just(""),
    st.integers(1, 999).map(str),
    st.tuples(st.integers(1, 999), st.integers(1, 999)).map(lambda p: f"{p[0]}–{p[1]}"),
)


def people():
    """'Family, Given' or just 'Family'; no commas, semicolons or braces inside the parts."""
    return st.builds(
        lambda family, given: (f"{family}, {given}" if given else family, False),
        line(30, ",;{}"),
        line(30, ",;{}", allow_empty=True),
    )


def organisations(exclude="{}"):
    return line(60, exclude).map(lambda name: (name, True))


def optional(strategy):
    return st.just("") | strategy


# Built once: building them inside the composite made generation several times slower.
FIELDS = {
    "title": line(120),
    "publisher": optional(line(60)),
    "journal": optional(line(60)),
    "volume": optional(line(10)),
    "issue": optional(line(10)),
    "pages": pages,
    "country": optional(line(30)),
    "url": optional(urls),
    "doi": optional(dois),
    "summary": summaries,
    "summary_cy": summaries,
    "sectors": slugs,
    "themes": slugs,
    "publication_type": st.sampled_from(list(TYPE_LABELS)),
}
DATES = st.none() | st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))
YEARS = st.integers(1900, 2100)
AUTHORS = st.lists(people() | organisations(), min_size=1, max_size=4)
RIS_AUTHORS = st.lists(people() | organisations("{},"), min_size=1, max_size=4)  # RIS can't mark a comma name


@st.composite
def valid_records(draw, authors=AUTHORS):
    date = draw(DATES)
    values = {name: draw(strategy) for name, strategy in FIELDS.items()}
    return Record(year=date.year if date else draw(YEARS), publication_date=date, authors=draw(authors), **values)


PROPERTY = settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.lists(valid_records(), max_size=4))
def test_csv_round_trip_is_exact(items):
    assert parse_csv(to_csv(items)) == items


@PROPERTY
@given(st.lists(valid_records(RIS_AUTHORS), max_size=4))
def test_ris_round_trip_keeps_the_citation(items):
    fields = (
        "title",
        "year",
        "authors",
        "journal",
        "volume",
        "issue",
        "doi",
        "url",
        "publication_type",
        "pages",
        "publication_date",
        "publisher",
    )
    back = parse_ris(to_ris(items))
    assert all(isinstance(item, Record) for item in back)
    assert [[getattr(r, f) for f in fields] for r in back] == [[getattr(r, f) for f in fields] for r in items]


@PROPERTY
@given(st.lists(valid_records(), max_size=4))
def test_bibtex_round_trip_keeps_the_citation(items):
    fields = (
        "title",
        "year",
        "authors",
        "doi",
        "url",
        "publication_type",
        "pages",
        "publication_date",
        "journal",
        "volume",
        "issue",
        "publisher",
        "summary",
    )
    back = parse_bibtex(to_bibtex(items))
    assert all(isinstance(item, Record) for item in back)
    assert [[getattr(r, f) for f in fields] for r in back] == [[getattr(r, f) for f in fields] for r in items]
    keys = [r.key for r in back]
    assert len(set(keys)) == len(keys) and all(key.isascii() for key in keys)


JUNK_PIECES = [
    "@article{",
    "@string{",
    "@comment{",
    "@misc(",
    "title = ",
    "year = 2015",
    "author = ",
    "{",
    "}",
    "(",
    ")",
    '"',
    "#",
    ",",
    "=",
    "\\'",
    "\\",
    "\\v{",
    " and ",
    "TY  - JOUR",
    "ER  - ",
    "AU  - ",
    "PY  - 2015/02/30/",
    "DA  - ",
    "TI  - x",
    "title,year,authors\n",
    ";",
    "\n",
    "\r\n",
    "\ufeff",
    "$",
    "--",
    "2015",
    "99999999999",
    "x",
    "é",
    " ",
]
junk = st.text() | st.lists(st.sampled_from(JUNK_PIECES), max_size=40).map("".join)


@PROPERTY
@given(junk, st.sampled_from(["", "a.csv", "a.bib", "a.ris", "a.txt"]))
def test_parsers_never_raise_on_junk(text, filename):
    for results in (parse_csv(text), parse_bibtex(text), parse_ris(text), parse(text, filename)):
        assert isinstance(results, list)
        for item in results:
            assert isinstance(item, Record | RowError)
            if isinstance(item, Record):
                assert item.title and 1900 <= item.year <= 2100
            else:
                assert str(item)
