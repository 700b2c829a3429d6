"""The resource pack listing: filters, search, sorting, counts, pagination, bad input."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from literature.models import BibliographyEntry, ResourcePackPage

from . import factories


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def pack(db):
    return ResourcePackPage.objects.get(locale__language_code="en")


def titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".app-entry-result__title a")]


def result_count(response):
    return soup_of(response).select_one("[role=status]").get_text(strip=True)


@pytest.mark.django_db
def test_every_demo_entry_is_listed_and_counted(client, pack):
    live = BibliographyEntry.objects.filter(live=True).count()
    assert live >= 30
    response = client.get(pack.url)
    assert result_count(response) == f"{live} publications"
    assert len(titles(response)) == 20  # first page


@pytest.mark.django_db
def test_filters_combine_and_counts_follow_the_other_filters(client, pack):
    probation = factories.sector(slug="probation-y", name="Probation Y")
    health = factories.sector(slug="health-y", name="Health Y")
    a = factories.entry(title="Alpha probation audit", year=2017, publication_type="audit", summary="An audit.")
    b = factories.entry(title="Beta probation study", year=2012, publication_type="research", summary="A report.")
    c = factories.entry(title="Gamma health study", year=2015, publication_type="research", summary="A report.")
    for entry, tags in ((a, [probation]), (b, [probation]), (c, [health])):
        entry.sector_tags.set(tags)
        entry.save()
    response = client.get(pack.url, {"sector": "probation-y", "q": "study"})
    assert titles(response) == ["Beta probation study"]
    html = soup_of(response)
    labels = {box.find_next("label").get_text(" ", strip=True) for box in html.select("input[name=sector]")}
    # Sector counts ignore the sector filter itself but apply the search.
    assert "Probation Y (1)" in labels and "Health Y (1)" in labels
    assert html.select_one("input[name=sector][value=probation-y]").has_attr("checked")
    both = client.get(pack.url + "?sector=probation-y&sector=health-y&type=research&year_from=2010&year_to=2016")
    assert sorted(titles(both)) == ["Beta probation study", "Gamma health study"]
    # The number found (the sum of the chosen types' counts) agrees with the list, with one
    # type chosen, with two, and with none.
    assert result_count(both) == "2 publications"
    two_types = client.get(pack.url + "?sector=probation-y&sector=health-y&type=research&type=audit")
    assert len(titles(two_types)) == 3 and result_count(two_types) == "3 publications"
    assert result_count(client.get(pack.url, {"sector": "probation-y"})) == "2 publications"


@pytest.mark.django_db
def test_sorting(client, pack):
    factories.entry(title="Zulu study", year=1999, authors=[("Aardvark, A.", False)])
    factories.entry(title="Alpha study", year=2030, authors=[("Zebra, Z.", False)])
    assert titles(client.get(pack.url, {"q": "study", "sort": "title"}))[:1] == ["Alpha study"]
    by_year = titles(client.get(pack.url, {"sort": "year"}))
    assert by_year[0] == "Alpha study"
    by_author = titles(client.get(pack.url, {"sort": "author", "q": "Zulu study"}))
    assert by_author == ["Zulu study"]
    assert titles(client.get(pack.url, {"sort": "author"}))[0] == "Zulu study"  # Aardvark first


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"year_from": "abc"},
        {"year_to": "99999"},
        {"page": "999"},
        {"page": "-1"},
        {"sort": "'; DROP TABLE"},
        {"q": "x" * 10000},
        {"q": "<script>alert(1)</script>"},
        {"sector": "no-such-sector"},
        {"type": "bogus"},
        {"q": "\u202e\u0000\ud7ff"},
        {"country": "Atlantis"},
    ],
)
def test_hostile_or_odd_queries_still_get_a_page(client, pack, params):
    response = client.get(pack.url, params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_bad_year_is_explained(client, pack):
    text = client.get(pack.url, {"year_from": "twenty"}).content.decode()
    assert "is not a year between 1900 and 2100, so it was ignored" in text


@pytest.mark.django_db
def test_pagination_links_keep_the_filters(client, pack):
    call_command("generate_synthetic_entries", 45, verbosity=0)
    response = client.get(pack.url, {"q": "Synthetic", "sort": "title"})
    assert result_count(response) == "45 publications"
    next_link = soup_of(response).select_one(".govuk-pagination__next a")["href"]
    assert next_link == "?q=Synthetic&sort=title&page=2#results"
    page_three = client.get(pack.url + next_link.replace("page=2", "page=3").split("#")[0])
    assert len(titles(page_three)) == 5


@pytest.mark.django_db
def test_the_query_count_is_fixed_whatever_the_filters(client, pack):
    call_command("generate_synthetic_entries", 10000, verbosity=0)  # the scale
    variants = [
        "",
        "?sector=probation",
        "?q=outcome+payment",
        "?sector=probation&sector=health&theme=pricing&type=audit&country=United+Kingdom&year_from=2000&year_to=2020&sort=author&page=2",
        "?sort=title&page=10",
    ]
    from django.core.cache import cache

    counts = set()
    client.get(pack.url)
    for query in variants:
        cache.clear()  # count the uncached path: filter counts are cached between requests
        with CaptureQueriesContext(connection) as context:
            assert client.get(pack.url + query).status_code == 200
        counts.add(len(context.captured_queries))
    assert len(counts) == 1, counts
    assert counts.pop() <= 20  # with every cache cold: facet counts, site look-ups and all


@pytest.mark.django_db
def test_welsh_pack_shows_welsh_summaries_and_tag_names(client):
    entry = factories.entry(title="Welsh summary test", summary="English words.", summary_cy="Geiriau Cymraeg.")
    tag = factories.sector(slug="cy-test", name="Test sector", welsh_name="Sector prawf")
    entry.sector_tags.set([tag])
    entry.save()
    pack_cy = ResourcePackPage.objects.get(locale__language_code="cy")
    text = soup_of(client.get(pack_cy.url, {"q": "Welsh summary test"})).get_text(" ", strip=True)
    assert "Geiriau Cymraeg." in text and "Sector prawf (1)" in text


@pytest.mark.django_db
def test_an_english_summary_on_a_welsh_page_is_marked_as_english(client):
    """Until staff write the Welsh, the English summary shows, marked for screen readers."""
    factories.entry(title="Untranslated summary", summary="Only English so far.", summary_cy="")
    pack_cy = ResourcePackPage.objects.get(locale__language_code="cy")
    html = soup_of(client.get(pack_cy.url, {"q": "Untranslated summary"}))
    summary = html.find(string="Only English so far.").parent
    assert summary["lang"] == "en"
    html = soup_of(client.get("/cy/search/", {"q": "Untranslated summary"}))
    assert html.select_one(".app-search-result__extract")["lang"] == "en"


@pytest.mark.django_db
def test_synthetic_entries_are_marked_and_removable():
    call_command("generate_synthetic_entries", 5, verbosity=0)
    synthetic = BibliographyEntry.objects.filter(is_synthetic=True)
    assert synthetic.count() == 5 and all(e.title.startswith("[Synthetic]") for e in synthetic)
    call_command("generate_synthetic_entries", delete=True, verbosity=0)
    assert not BibliographyEntry.objects.filter(is_synthetic=True).exists()


@pytest.mark.django_db
def test_cached_filter_counts_follow_every_change(client, pack):
    first = soup_of(client.get(pack.url, {"q": "Freshly added"}))
    assert first.select_one("[role=status]").get_text(strip=True) == "0 publications"
    entry = factories.entry(title="Freshly added study", summary="New.")
    tag = factories.sector(slug="fresh-x", name="Fresh X")
    entry.sector_tags.set([tag])
    entry.save()
    html = soup_of(client.get(pack.url, {"q": "Freshly added"}))
    labels = [box.find_next("label").get_text(" ", strip=True) for box in html.select("input[name=sector]")]
    assert "Fresh X (1)" in labels


@pytest.mark.django_db
def test_the_pack_version_changes_again_when_a_change_commits(django_capture_on_commit_callbacks):
    """Counts another reader made between a save and its commit (from the old rows) are
    stored under the version the save set: the commit sets a new one, so they go unused."""
    from literature.pack import pack_version

    before = pack_version()
    with django_capture_on_commit_callbacks(execute=True):
        entry = factories.entry(title="Counted between save and commit")
        saved = pack_version()
    assert before != saved != pack_version()
    assert entry.pk
