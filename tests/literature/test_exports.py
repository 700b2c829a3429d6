"""The resource pack's exports (BibTeX, RIS, CSV; the whole pack, a filtered list, one entry)
as a visitor downloads them: a fixed number of queries however many entries, streamed,
complete, rate-limited, and never a server error for odd numbers in the address."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from literature import bibliography_io, formats
from literature.models import BibliographyEntry, EntryAuthor, ResourcePackPage

from . import factories

FORMATS = ["bibtex", "ris", "csv"]
PARSERS = {"bibtex": formats.parse_bibtex, "ris": formats.parse_ris, "csv": formats.parse_csv}


@pytest.fixture
def pack(db):
    return ResourcePackPage.objects.get(locale__language_code="en")


def body(response):
    assert response.streaming  # written as it is read, not built whole in memory first
    return b"".join(response.streaming_content).decode("utf-8-sig")


def records_of(response, file_format):
    records = PARSERS[file_format](body(response))
    assert all(isinstance(record, formats.Record) for record in records), records
    return records


def add_entries(number, start=0):
    """Entries tagged for the filtered export, each with two authors, a sector and a theme."""
    sector = factories.sector(slug="export-sector", name="Export sector")
    theme = factories.theme(slug="export-theme", name="Export theme")
    entries = []
    for index in range(start, start + number):
        entry = factories.entry(
            title=f"Exported study {index:03d}",
            year=2000 + index % 20,
            journal="Probation Journal",
            authors=[("Webster, Russell", False), ("National Audit Office", True)],
        )
        entry.sector_tags.set([sector])
        entry.theme_tags.set([theme])
        entry.save()
        entries.append(entry)
    return entries


def queries_for(client, url, params=None):
    """(number of queries, response text) for a download, the body read to its end."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
        assert response.status_code == 200
        text = body(response)
    return len(context.captured_queries), text


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", FORMATS)
def test_every_export_runs_the_same_queries_for_3_entries_or_60(client, pack, file_format, monkeypatch):
    # Small database chunks, so 60 entries span several: still one query for them all.
    monkeypatch.setattr(bibliography_io, "EXPORT_CHUNK_SIZE", 7)
    downloads = {
        "whole pack": (pack.url + f"export/{file_format}/", None),
        "filtered": (pack.url + f"export/{file_format}/", {"sector": "export-sector", "sort": "author"}),
    }
    first = add_entries(3)
    client.get(pack.url)  # site look-ups remembered, as on a running server
    entry_url = pack.url + f"entry/{first[0].pk}/export/{file_format}/"
    counts = {name: queries_for(client, url, params)[0] for name, (url, params) in downloads.items()}
    one_entry = queries_for(client, entry_url)[0]

    add_entries(57, start=3)
    first[0].authors = [EntryAuthor(name=f"Author{n}, A.", sort_order=n) for n in range(60)]
    first[0].save()
    client.get(pack.url)  # the site's look-ups again, read once per request
    for name, (url, params) in downloads.items():
        count, text = queries_for(client, url, params)
        assert count == counts[name], name
        assert count <= 10, name  # the page's own look-ups, then four for the entries
    assert text.count("Exported study") == 60
    count, text = queries_for(client, entry_url)
    assert count == one_entry and one_entry <= 10
    assert "Author59" in text


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", FORMATS)
def test_the_whole_pack_streams_complete_and_in_the_listing_order(client, pack, file_format, monkeypatch):
    monkeypatch.setattr(bibliography_io, "EXPORT_CHUNK_SIZE", 7)
    monkeypatch.setattr(bibliography_io, "EXPORT_PIECE_BYTES", 512)
    add_entries(40)
    response = client.get(pack.url + f"export/{file_format}/", {"sort": "title"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="resource-pack.{ {"bibtex": "bib"}.get(file_format, file_format) }"'
    )
    pieces = list(response.streaming_content)
    assert len(pieces) > 5  # sent in pieces as the entries are read
    records = PARSERS[file_format](b"".join(pieces).decode("utf-8-sig"))
    live = BibliographyEntry.objects.filter(live=True)
    assert all(isinstance(record, formats.Record) for record in records)
    assert [record.title for record in records] == list(live.order_by("title", "id").values_list("title", flat=True))
    exported = next(record for record in records if record.title == "Exported study 007")
    assert exported.authors == [("Webster, Russell", False), ("National Audit Office", True)]
    assert exported.journal == "Probation Journal" and exported.year == 2007
    if file_format == "csv":
        assert exported.sectors == ["export-sector"] and exported.themes == ["export-theme"]
    if file_format == "bibtex":
        keys = [record.key for record in records]
        assert len(set(keys)) == len(keys)  # keys stay unique across the pieces


@pytest.mark.django_db
def test_a_filtered_export_has_only_the_filtered_entries_and_an_empty_one_is_an_empty_file(client, pack):
    add_entries(5)
    response = client.get(pack.url + "export/ris/", {"sector": "export-sector", "year_from": "2002"})
    assert sorted(record.title for record in records_of(response, "ris")) == [
        "Exported study 002",
        "Exported study 003",
        "Exported study 004",
    ]
    empty = client.get(pack.url + "export/csv/", {"q": "nothing matches this"})
    assert empty.status_code == 200 and body(empty).splitlines() == [",".join(formats.CSV_COLUMNS)]


@pytest.mark.django_db
def test_hostile_text_stays_harmless_through_the_streamed_exports(client, pack):
    title = r'=cmd|" /C calc"!A0 {unbalanced \textbf{50% of $ & #1}'
    factories.entry(title=title, summary="+SUM(1)\n@import", authors=[("-Minus, A.", False)])
    csv_text = body(client.get(pack.url + "export/csv/", {"q": "unbalanced"}))
    assert "'=cmd" in csv_text and "'+SUM" in csv_text and "'-Minus" in csv_text
    bib = body(client.get(pack.url + "export/bibtex/", {"q": "unbalanced"}))
    [back] = formats.parse_bibtex(bib)
    assert back.title == title  # escaped on the way out, so it reads back exactly
    ris = body(client.get(pack.url + "export/ris/", {"q": "unbalanced"}))
    assert formats.parse_ris(ris)[0].summary == "+SUM(1)\n@import"


@pytest.mark.django_db
def test_drafts_are_never_exported(client, pack):
    draft = factories.entry(title="Unpublished draft study", live=False)
    assert "Unpublished draft study" not in body(client.get(pack.url + "export/csv/"))
    assert client.get(pack.url + f"entry/{draft.pk}/export/csv/").status_code == 404


# Numbers a link of ours never sends: other scripts' digits, superscripts, circled digits
# (str.isdigit() takes them, int() does not), too long, out of range. (params, a year ignored?)
ODD_NUMBERS = [
    ({"year_from": "²"}, True),
    ({"year_to": "①"}, True),
    ({"year_from": "٢٠١٥"}, True),
    ({"year_to": "２０１５"}, True),
    ({"year_from": "2015\u00b9"}, True),
    ({"year_to": "9" * 40}, True),
    ({"page": "²"}, False),
    ({"page": "①"}, False),
    ({"page": "٣"}, False),
    ({"page": "9" * 40}, False),
    ({"page": "0"}, False),
    ({"year_from": "2010", "year_to": "2005"}, False),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("params", "explained"), ODD_NUMBERS)
def test_odd_numbers_on_the_pack_are_ignored_and_explained(client, pack, params, explained):
    factories.entry(title="Odd number study", year=2008)
    response = client.get(pack.url, {**params, "q": "Odd number study"})
    assert response.status_code == 200
    text = response.content.decode()
    assert ("is not a year between 1900 and 2100, so it was ignored" in text) == explained
    assert "Odd number study" in text  # an unreadable number filters nothing out


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", FORMATS)
@pytest.mark.parametrize("params", [params for params, _ in ODD_NUMBERS])
def test_odd_numbers_on_every_export_give_the_file_never_an_error(client, pack, file_format, params, settings):
    settings.EXPORT_RATE_LIMIT = (0, 60)  # no limit: this test asks many times
    entry = factories.entry(title="Odd number study", year=2008)
    for url in (pack.url + f"export/{file_format}/", pack.url + f"entry/{entry.pk}/export/{file_format}/"):
        response = client.get(url, params)
        assert response.status_code == 200, url
        titles = [record.title for record in records_of(response, file_format)]
        assert "Odd number study" in titles  # an unreadable year filters nothing out


@pytest.mark.django_db
def test_an_entry_number_too_big_for_the_database_is_not_found(client, pack):
    assert client.get(pack.url + f"entry/{'9' * 30}/export/ris/").status_code == 404


@pytest.mark.django_db
def test_too_many_exports_are_refused_politely_in_the_visitors_language(client, pack, settings):
    settings.EXPORT_RATE_LIMIT = (3, 120)
    entry = factories.entry(title="Rate limited study")
    statuses = [
        client.get(pack.url + "export/csv/").status_code,
        client.get(pack.url + f"entry/{entry.pk}/export/ris/").status_code,
        client.get(pack.url + "export/bibtex/", {"q": "study"}).status_code,
        client.get(pack.url + "export/ris/").status_code,
    ]
    assert statuses == [200, 200, 200, 429]  # one entry or the whole pack, each counts
    refused = client.get(pack.url + f"entry/{entry.pk}/export/csv/")
    assert refused.status_code == 429 and refused["Retry-After"] == "120"
    assert "no-store" in refused["Cache-Control"]
    assert "Please wait a few minutes, then download again." in refused.content.decode()
    welsh = ResourcePackPage.objects.get(locale__language_code="cy")
    refused_cy = client.get(welsh.url + "export/csv/")
    assert refused_cy.status_code == 429
    assert "Gormod o lawrlwythiadau" in refused_cy.content.decode()
    assert client.get(pack.url).status_code == 200  # the pack itself is still there
