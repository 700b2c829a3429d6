"""The resource pack's search box, as a reader uses it: it finds what site search finds for
the same words (word endings, glossary names, compounds), and a search that finds nothing
keeps the filters and points to site search."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from literature.models import ResourcePackPage
from search import index

from . import factories

pytestmark = pytest.mark.django_db


def pack(language="en"):
    return ResourcePackPage.objects.get(locale__language_code=language)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(html):
    return [a.get_text(strip=True) for a in html.select(".app-entry-result__title a")]


def search_pack(client, words, language="en", **filters):
    """The pack as a reader's form sends it: the words, the chosen filters, a sort."""
    return soup_of(client.get(pack(language).url, {"q": words, "sort": "added", **filters}))


def site_search_titles(client, words, language="en"):
    html = soup_of(client.get(f"/{language}/search/", {"q": words}))
    return [a.get_text(strip=True) for a in html.select(".app-search-result__title a")]


@pytest.fixture
def entries(db):
    return {
        "evaluation": factories.entry(title="Quokka pilot: an evaluation", summary="How the quokka pilot went."),
        "commissioner": factories.entry(title="Quokka guide for the commissioner", summary="Advice."),
        "skimming": factories.entry(
            title="Quokka employment contracts",
            summary="Providers were cream-skimming: they took on the clients easiest to place in work.",
        ),
        "creaming": factories.entry(title="Quokka welfare-to-work", summary="Creaming and parking were common."),
        "cash flow": factories.entry(title="Quokka providers' cash flow", summary="Paid late, providers borrowed."),
        "cashflow": factories.entry(
            title="Quokka cashflow survey", summary="Charities waited months to be paid.", doi="10.9999/quokka.2015.1"
        ),
    }


def test_word_endings_match_as_in_site_search(client, entries):
    found = titles(search_pack(client, "quokka evaluations"))
    assert found == [entries["evaluation"].title]
    assert entries["commissioner"].title in titles(search_pack(client, "quokka commissioning"))
    assert entries["commissioner"].title in titles(search_pack(client, "quokka commissioners"))
    # Site search agrees, on the same index.
    assert entries["evaluation"].title in site_search_titles(client, "quokka evaluations")
    assert entries["commissioner"].title in site_search_titles(client, "quokka commissioning")
    # An entry's DOI still finds it.
    assert titles(search_pack(client, "10.9999/quokka.2015.1")) == [entries["cashflow"].title]


@pytest.mark.parametrize("words", ["cherry picking", "cream skimming", "creaming", "Cream-skimming"])
def test_a_glossary_terms_other_names_find_its_material(client, entries, words):
    """The glossary's Cream-skimming is also known as cherry picking and creaming."""
    found = titles(search_pack(client, f"quokka {words}"))
    assert entries["skimming"].title in found and entries["creaming"].title in found, found
    assert set(found) <= {entries["skimming"].title, entries["creaming"].title}
    assert entries["skimming"].title in site_search_titles(client, f"quokka {words}")


def test_compound_words_are_found_split_or_joined(client, entries):
    # "flow" and "cash" are words of the pack's own vocabulary (a theme tag's name).
    factories.theme(slug="quokka-cash-flow", name="Provider cash flow", welsh_name="Llif arian darparwyr")
    both = {entries["cash flow"].title, entries["cashflow"].title}
    assert set(titles(search_pack(client, "quokka cashflow"))) == both
    assert set(titles(search_pack(client, "quokka cash flow"))) == both
    assert set(titles(search_pack(client, "quokka cashflow", language="cy"))) == both
    assert both <= set(site_search_titles(client, "quokka cashflow"))


def test_the_other_search_backends_path_finds_the_same(client, entries, monkeypatch):
    """With OpenSearch or Elasticsearch the pack asks the backend for the ids (run here on SQLite)."""
    monkeypatch.setattr(index, "uses_database_index", lambda: False)
    found = titles(search_pack(client, "quokka cherry picking"))
    assert sorted(found) == sorted([entries["skimming"].title, entries["creaming"].title])


def test_a_search_that_finds_nothing_keeps_the_filters_and_offers_site_search(client, entries):
    sector = factories.sector(slug="quokka-sector", name="Quokka sector", welsh_name="Sector cwoca")
    entries["evaluation"].sector_tags.set([sector])
    entries["evaluation"].save()
    html = search_pack(client, "zzzqx nothing", sector="quokka-sector", type="research", year_from="2010")
    assert html.select_one("[role=status]").get_text(strip=True) == "0 publications"
    assert titles(html) == []
    text = html.select_one("#results").get_text(" ", strip=True)
    assert "No publication in the resource pack matches “zzzqx nothing”." in text
    # Every filter is still there to widen the search from, with the reader's choices ticked.
    form = html.select_one("form.app-filter")
    assert form.select_one("input[name=q]")["value"] == "zzzqx nothing"
    assert form.select_one("input[name=sector][value=quokka-sector]").has_attr("checked")
    assert form.select_one("input[name=type][value=research]").has_attr("checked")
    assert len(form.select("input[name=type]")) > 1 and form.select("input[name=theme]")
    assert form.select("input[name=country]")
    assert form.select_one("input[name=year_from]")["value"] == "2010"
    assert "untick some filters or widen the years" in text
    link = html.select_one("a.app-site-search-link")
    assert link["href"] == "/en/search/?q=zzzqx%20nothing"
    assert link.get_text(" ", strip=True) == "search the whole site for “zzzqx nothing”"


def test_a_search_that_finds_nothing_says_so_in_welsh(client):
    html = search_pack(client, "zzzqx", language="cy")
    text = html.select_one("#results").get_text(" ", strip=True)
    assert "Nid oes cyhoeddiad yn y pecyn adnoddau yn cyfateb i “zzzqx”." in text
    link = html.select_one("a.app-site-search-link")
    assert link["href"] == "/cy/search/?q=zzzqx"
    assert link.get_text(" ", strip=True) == "chwilio'r wefan gyfan am “zzzqx”"
    assert html.select("form.app-filter input[name=sector]")


def test_searching_costs_the_same_queries_whatever_it_finds(client, entries):
    """Synonyms, compounds and a search that finds nothing: no more queries than a plain search."""
    counts = {}
    client.get(pack().url)  # the site's caches warm, as on a live site
    for words in ("quokka", "quokka cherry picking", "quokka cashflow", "zzzqx"):
        cache.clear()  # the filter counts uncached
        client.get(pack().url, {"q": "warm"})  # ...but the site's look-ups remembered
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            html = search_pack(client, words)
        counts[words] = len(context.captured_queries)
        assert html.select("form.app-filter input[name=type]")
    # A search that finds nothing has no page of entries, nor their authors, to read.
    assert counts["quokka cherry picking"] == counts["quokka cashflow"] == counts["quokka"] >= counts["zzzqx"], counts


def test_an_entry_page_links_to_the_publication_and_back_to_the_pack(client, entries):
    entry = entries["cashflow"]
    entry.url = "https://example.org/quokka-cashflow-survey"
    entry.save()
    for language in ("en", "cy"):
        html = soup_of(client.get(pack(language).entry_url(entry)))
        links = {a["href"]: a.get_text(strip=True) for a in html.select("a[href]")}
        assert "https://doi.org/10.9999/quokka.2015.1" in links
        assert "https://example.org/quokka-cashflow-survey" in links
        back = html.select_one("a.govuk-back-link")
        assert back["href"] == pack(language).url
        assert (
            back.get_text(strip=True) == {"en": "Back to the resource pack", "cy": "Yn ôl i'r pecyn adnoddau"}[language]
        )


def pack_results(client, words, language):
    """(the number the page announces, every title found) for `words` on that language's
    pack, asked as the reader's form asks (empty year boxes and all), page after page."""
    found, number, count = [], 1, None
    while True:
        query = urlencode({"q": words, "year_from": "", "year_to": "", "sort": "added", "page": number})
        html = soup_of(client.get(f"{pack(language).url}?{query}"))
        count = int(html.select_one("[role=status]").get_text(strip=True).split()[0])
        page_titles = titles(html)
        found += page_titles
        if not page_titles or len(found) >= count:
            return count, found
        number += 1


@pytest.mark.parametrize("words", ["cream skimming", "cherry picking", "social impact bond"])
def test_english_words_find_the_same_on_the_welsh_pack(client, words):
    """The publications are in English: a Welsh reader's English words find what they find in
    English, glossary synonyms included (the Welsh glossary's names are Welsh)."""
    english, welsh = pack_results(client, words, "en"), pack_results(client, words, "cy")
    assert english[0] > 1, english
    assert welsh[0] == english[0], (welsh, english)
    assert sorted(welsh[1]) == sorted(english[1])


def test_a_welsh_glossary_term_finds_what_its_english_term_finds(client):
    """ "Dewis y goreuon" is the Welsh glossary's name for cream-skimming: it finds the paper
    named after it, as "cream-skimming" does, on either page."""
    paper = "Cream-skimming, Parking and other Intended and Unintended Effects of Performance-Based Contracting"
    english = pack_results(client, "cream-skimming", "en")
    assert any(title.startswith(paper) for title in english[1]), english
    for language in ("cy", "en"):
        welsh_words = pack_results(client, "dewis y goreuon", language)
        assert any(title.startswith(paper) for title in welsh_words[1]), (language, welsh_words)
        assert set(english[1]) <= set(welsh_words[1]), (language, welsh_words, english)
