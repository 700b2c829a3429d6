"""The resource pack as CSL-JSON (for Zotero, Pandoc and other citeproc tools): one entry and
the whole pack, streamed like the other exports, in either language's pack."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from literature import bibliography_io, formats
from literature.models import BibliographyEntry, ResourcePackPage

from . import factories

CSL_TYPES = {"article", "article-journal", "article-magazine", "book", "chapter", "report", "webpage", "thesis"}


@pytest.fixture
def pack(db):
    return ResourcePackPage.objects.get(locale__language_code="en")


def items_of(response):
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json"
    items = json.loads(b"".join(response.streaming_content))
    assert isinstance(items, list)
    for item in items:
        assert isinstance(item["id"], str) and item["id"]
        assert item["type"] in CSL_TYPES
        assert item["title"]
        assert item["issued"]["date-parts"][0][0] >= 1900
        for author in item.get("author", []):
            assert set(author) in ({"family", "given"}, {"family"}, {"literal"}), author
    assert len({item["id"] for item in items}) == len(items)
    return items


def test_the_types_map_the_projects_types():
    def kind(**values):
        return formats.csl_item(formats.Record(title="T", year=2015, **values), "x")["type"]

    assert kind(publication_type="research", journal="Probation Journal") == "article-journal"
    assert kind(publication_type="evaluation", journal="Evaluation") == "article-journal"
    assert kind(publication_type="evaluation", publisher="Ministry of Justice") == "report"
    assert kind(publication_type="audit", publisher="National Audit Office") == "report"
    assert kind(publication_type="think_tank") == "report"
    assert kind(publication_type="grey") == "report"
    assert kind(publication_type="research", publisher="Policy Press") == "book"
    assert kind(publication_type="research") == "article"
    assert kind(publication_type="commentary", url="https://example.org/post") == "webpage"
    assert kind(publication_type="commentary") == "article"


def test_one_record_in_full():
    record = formats.Record(
        title="Payment by results: the Peterborough pilot",
        year=2016,
        publication_date=datetime.date(2016, 6, 11),
        publication_type="evaluation",
        authors=[("Webster, Russell", False), ("National Audit Office", True), ("Mason,", False)],
        journal="Probation Journal",
        volume="63",
        issue="2",
        pages="12–34",
        doi="10.1177/0264550516648394",
        url="https://example.org/study",
        summary="What it found.",
        country="United Kingdom",
        sectors=["criminal-justice"],
        entry_id=42,
    )
    [item] = json.loads(formats.to_csl_json([record]))
    assert item == {
        "id": "pbr-42",
        "type": "article-journal",
        "title": "Payment by results: the Peterborough pilot",
        "author": [
            {"family": "Webster", "given": "Russell"},
            {"literal": "National Audit Office"},
            {"family": "Mason"},
        ],
        "issued": {"date-parts": [[2016, 6, 11]]},
        "container-title": "Probation Journal",
        "volume": "63",
        "issue": "2",
        "page": "12-34",
        "DOI": "10.1177/0264550516648394",
        "URL": "https://example.org/study",
        "abstract": "What it found.",
    }
    # Without an entry: the citation key, kept unique.
    items = json.loads(formats.to_csl_json([formats.Record(title="Outcomes", year=2015)] * 2))
    assert [item["id"] for item in items] == ["anon2015outcomes", "anon2015outcomesa"]
    assert formats.to_csl_json([]) == "[]\n"


@pytest.mark.django_db
def test_one_entry_and_the_whole_pack(client, pack):
    entry = factories.entry(
        title="A CSL study",
        year=2012,
        publisher="Policy Press",
        authors=[("Fox, Chris", False), ("Clinks", True)],
        summary="It found things.",
    )
    [item] = items_of(client.get(pack.url + f"entry/{entry.pk}/export/csl-json/"))
    assert item["id"] == f"pbr-{entry.pk}" and item["type"] == "book" and item["publisher"] == "Policy Press"
    assert item["author"] == [{"family": "Fox", "given": "Chris"}, {"literal": "Clinks"}]
    assert item["issued"] == {"date-parts": [[2012]]} and item["abstract"] == "It found things."

    response = client.get(pack.url + "export/csl-json/")
    assert response["Content-Disposition"] == 'attachment; filename="resource-pack.json"'
    items = items_of(response)
    assert len(items) == BibliographyEntry.objects.filter(live=True).count()
    assert f"pbr-{entry.pk}" in {item["id"] for item in items}
    assert items_of(client.get(pack.url + "export/csl-json/", {"q": "nothing matches this"})) == []
    factories.entry(title="Draft CSL study", live=False)
    assert "Draft CSL study" not in {item["title"] for item in items_of(client.get(pack.url + "export/csl-json/"))}


@pytest.mark.django_db
def test_the_welsh_pack_and_the_links(client, pack):
    entry = factories.entry(title="A Welsh-pack study")
    welsh = ResourcePackPage.objects.get(locale__language_code="cy")
    items = items_of(client.get(welsh.url + "export/csl-json/"))
    assert "A Welsh-pack study" in {item["title"] for item in items}
    items_of(client.get(welsh.url + f"entry/{entry.pk}/export/csl-json/"))
    for page in (pack, welsh):
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert html.select_one(f'a[href="{page.url}export/csl-json/"]'), page.url
        html = BeautifulSoup(client.get(page.url + f"entry/{entry.pk}/").content, "html.parser")
        assert html.select_one(f'a[href="{page.url}entry/{entry.pk}/export/csl-json/"]'), page.url


@pytest.mark.django_db
def test_the_same_queries_for_3_entries_or_60(client, pack, monkeypatch):
    monkeypatch.setattr(bibliography_io, "EXPORT_CHUNK_SIZE", 7)

    def queries():
        client.get(pack.url)  # the site's look-ups, read once per request
        with CaptureQueriesContext(connection) as context:
            items = items_of(client.get(pack.url + "export/csl-json/"))
        return len(context.captured_queries), items

    for number in range(3):
        factories.entry(title=f"Counted study {number:02d}", journal="Probation Journal")
    few, items = queries()
    assert few <= 10
    for number in range(3, 60):
        factories.entry(title=f"Counted study {number:02d}", journal="Probation Journal")
    many, items = queries()
    assert many == few
    assert sum(item["title"].startswith("Counted study") for item in items) == 60


@pytest.mark.django_db
def test_it_counts_towards_the_export_rate_limit(client, pack, settings):
    settings.EXPORT_RATE_LIMIT = (2, 120)
    assert client.get(pack.url + "export/csl-json/").status_code == 200
    assert client.get(pack.url + "export/csv/").status_code == 200
    refused = client.get(pack.url + "export/csl-json/")
    assert refused.status_code == 429 and refused["Retry-After"] == "120"
