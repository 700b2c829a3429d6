"""Authors in every export (CSV, BibTeX, RIS, CSL-JSON): people and organisations written the
way each format's readers expect, and read back as what they were."""

import json
import unicodedata

import pytest

from literature.formats import Record, parse_bibtex, parse_csv, parse_ris, to_bibtex, to_csl_json, to_csv, to_ris

AUTHORS = [
    ("Webster, Russell", False),
    ("Mason", False),  # a person known by one name
    ("van Gogh, Vincent", False),  # a particle stays with the family name
    (unicodedata.normalize("NFC", "Ó Súilleabháin, Séan"), False),
    ("National Audit Office", True),
    ("Department of Health, Social Services and Public Safety", True),  # an organisation with a comma
    ("Ernst & Young", True),
]
RECORD = Record(title="Names", year=2015, authors=AUTHORS, publication_type="grey")


def ris_authors(text):
    return [line.removeprefix("AU  - ") for line in text.split("\r\n") if line.startswith("AU  - ")]


def test_csv_writes_people_family_first_and_braces_organisations_that_need_it():
    cell = parse_csv_cell(to_csv([RECORD]))
    assert cell == (
        "Webster, Russell; Mason,; van Gogh, Vincent; Ó Súilleabháin, Séan; National Audit Office; "
        "{Department of Health, Social Services and Public Safety}; Ernst & Young"
    )
    assert parse_csv(to_csv([RECORD])) == [RECORD]


def parse_csv_cell(text):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(text)))
    return rows[0]["authors"]


def test_ris_writes_family_first_and_marks_a_one_name_person_with_a_comma():
    # RIS has no way to mark an organisation: a name without a comma is one, so a person known
    # by one name keeps the comma of "Family, Given" with no given name (EndNote's documentation
    # asks for a trailing comma to keep a name in one piece, which is what such a name is).
    assert ris_authors(to_ris([RECORD])) == [
        "Webster, Russell",
        "Mason,",
        "van Gogh, Vincent",
        "Ó Súilleabháin, Séan",
        "National Audit Office",
        "Department of Health, Social Services and Public Safety",
        "Ernst & Young",
    ]
    [back] = parse_ris(to_ris([RECORD]))
    # The one thing RIS cannot carry: an organisation with a comma in its name.
    expected = [(name, is_org and "," not in name) for name, is_org in AUTHORS]
    assert back.authors == expected


def test_bibtex_writes_one_name_people_plainly_and_organisations_in_braces():
    text = to_bibtex([RECORD])
    assert (
        "author = {Webster, Russell and Mason and van Gogh, Vincent and Ó Súilleabháin, Séan and "
        "{National Audit Office} and {Department of Health, Social Services {and} Public Safety} and "
        "{Ernst \\& Young}}"
    ) in text
    [back] = parse_bibtex(text)
    assert back.authors == AUTHORS


def test_csl_json_gives_people_family_and_given_and_organisations_a_literal():
    [item] = json.loads(to_csl_json([RECORD]))
    assert item["author"] == [
        {"family": "Webster", "given": "Russell"},
        {"family": "Mason"},
        {"family": "van Gogh", "given": "Vincent"},
        {"family": "Ó Súilleabháin", "given": "Séan"},
        {"literal": "National Audit Office"},
        {"literal": "Department of Health, Social Services and Public Safety"},
        {"literal": "Ernst & Young"},
    ]


@pytest.mark.parametrize("write, read", [(to_csv, parse_csv), (to_bibtex, parse_bibtex), (to_ris, parse_ris)])
def test_import_still_tells_people_from_organisations(write, read):
    record = Record(title="Two", year=2016, authors=[("Mason", False), ("Clinks", True), ("Fox, Chris", False)])
    [back] = read(write([record]))
    assert back.authors == record.authors


def test_no_export_leaves_a_stray_comma_on_a_full_name():
    text = to_csv([RECORD]) + to_bibtex([RECORD]) + to_ris([RECORD]) + to_csl_json([RECORD])
    for name in ("Webster, Russell,", "Vincent,", "Séan,", "Office,", "Young,"):
        assert name not in text, name
