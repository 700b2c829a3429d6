"""Site search as a visitor uses it: one box over every part, in both languages."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from literature.models import BibliographyEntry, DigestPage, GlossaryTerm
from search import engine, index
from search.models import QueryWithoutResults

pytestmark = pytest.mark.django_db


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = BeautifulSoup(response.content, "html.parser")
    items = html.select(".app-search-result")
    return (
        response,
        html,
        [
            {
                "kind": item.select_one(".govuk-tag").get_text(strip=True),
                "title": item.select_one(".app-search-result__title").get_text(strip=True),
                "href": item.select_one(".app-search-result__title a")["href"],
            }
            for item in items
        ],
    )


def titles(found):
    return [item["title"] for item in found]


# A question a reader might type, and what must be in the top three results.
RELEVANCE = [
    ("en", "cherry picking", ["Gaming, creaming and parking", "Cream-skimming"]),
    ("en", "creaming and parking", ["Gaming, creaming and parking"]),
    ("en", "gaming", ["Gaming"]),
    ("en", "provider cash flow", ["Risk transfer and cash flow"]),
    ("en", "risk transfer", ["Risk transfer and cash flow", "Risk transfer"]),
    ("en", "cash flow", ["Risk transfer and cash flow"]),
    ("en", "working capital", ["Working capital"]),
    ("en", "attribution", ["Attribution: paying for the difference"]),
    ("en", "deadweight", ["Deadweight"]),
    ("en", "counterfactual comparison group", ["Counterfactual"]),
    ("en", "pricing outcomes", ["Pricing outcomes"]),
    ("en", "black box", ["Innovation and the “black box”"]),
    ("en", "small charities voluntary organisations", ["Smaller voluntary organisations"]),
    ("en", "Troubled Families evaluation", ["National Evaluation of the Troubled Families Programme"]),
    ("en", "Doncaster", ["HMP Doncaster payment by results pilot"]),
    ("en", "self-assessment", ["Self-assessment"]),
    ("cy", "prisio", ["Prisio canlyniadau"]),
    ("cy", "dewis y goreuon", ["Dewis y goreuon"]),
    ("cy", "parcio", ["Parcio"]),
    ("cy", "cyfalaf gweithio", ["Cyfalaf gweithio"]),
]


@pytest.mark.parametrize("language, query, expected", RELEVANCE)
def test_questions_find_their_answers_in_the_top_three(client, language, query, expected):
    _, _, found = results(client, f"/{language}/search/?q={query}")
    top = " | ".join(titles(found)[:3])
    for title in expected:
        assert title in top, f"{query!r}: {title!r} not in the top three: {top}"


def test_a_result_shows_its_type_title_highlighted_extract_and_sectors(client):
    _, html, found = results(client, "/en/search/?q=creaming")
    digest = next(item for item in html.select(".app-search-result") if "Gaming, creaming" in item.get_text())
    assert digest.select_one(".govuk-tag").get_text(strip=True) == "Digest"
    assert [mark.get_text().lower() for mark in digest.select("mark")][:1] == ["creaming"]
    assert digest.select_one(".app-search-result__sectors").get_text(strip=True)
    page = DigestPage.objects.live().get(title__startswith="Gaming, creaming", locale__language_code="en")
    assert digest.select_one("h3 a")["href"] == page.url
    assert html.select_one("[role=status]").get_text(strip=True).endswith("results for “creaming”")


def test_every_kind_of_content_can_be_found_and_followed(client):
    kinds = {}
    for query in ("payment by results", "glossary", "resource pack", "self-assessment", "Work Programme"):
        for item in results(client, f"/en/search/?q={query}")[2]:
            kinds.setdefault(item["kind"], item["href"])
    assert {"Digest", "Page", "Glossary term", "Resource pack entry", "Self-assessment"} <= set(kinds)
    for kind, href in kinds.items():
        assert client.get(href.split("#")[0]).status_code == 200, kind


def test_the_welsh_site_searches_welsh_content(client):
    _, html, found = results(client, "/cy/search/?q=prisio")
    assert html.find("html")["lang"] == "cy"
    welsh_digest = DigestPage.objects.live().get(locale__language_code="cy", title__startswith="Prisio")
    assert welsh_digest.url in [item["href"] for item in found]
    assert all(item["href"].startswith("/cy/") for item in found if item["kind"] != "Resource pack entry")
    # English pages are not offered in Welsh, and vice versa.
    _, _, english_only = results(client, "/cy/search/?q=creaming")
    assert not any("Gaming, creaming" in title for title in titles(english_only))
    _, _, welsh_only = results(client, "/en/search/?q=prisio")
    assert not any(item["href"].startswith("/cy/") for item in welsh_only)


def test_filters_by_type_and_sector_with_counts(client):
    response, html, found = results(client, "/en/search/?q=payment")
    counts = {
        box["value"]: int(re.search(r"\((\d+)\)", box.find_next("label").get_text()).group(1))
        for box in html.select("input[name=type]")
    }
    total = int(re.match(r"\d+", html.select_one("[role=status]").get_text(strip=True)).group())
    assert sum(counts.values()) == total and counts["entry"] and counts["digest"]
    _, html, entries = results(client, "/en/search/?q=payment&type=entry")
    assert entries and {item["kind"] for item in entries} == {"Resource pack entry"}
    assert html.select_one("[role=status]").get_text(strip=True).startswith(f"{counts['entry']} ")
    sector = html.select_one(".app-filter input[name=sector]")["value"]
    _, html, in_sector = results(client, f"/en/search/?q=payment&type=entry&sector={sector}")
    assert html.select_one(f".app-filter input[name=sector][value={sector}]").has_attr("checked")
    assert 0 < len(in_sector) <= len(entries)


def test_results_are_paginated_with_shareable_links(client, django_assert_max_num_queries):
    _, html, first = results(client, "/en/search/?q=payment")
    next_link = html.select_one(".govuk-pagination__next a")["href"]
    assert "q=payment" in next_link and "page=2" in next_link
    _, _, second = results(client, "/en/search/" + next_link.split("#")[0])
    assert second and not set(titles(first)) & set(titles(second))
    # Beyond the last page: the last page, not an error.
    assert results(client, "/en/search/?q=payment&page=9999")[2]


def test_nothing_found_suggests_spellings_and_sectors_to_browse(client):
    _, html, found = results(client, "/en/search/?q=atribution")
    assert not found
    suggestion = html.select_one(".app-no-results a[href*='q=']")
    assert suggestion.get_text() == "Attribution"
    browse = [a["href"] for a in html.select(".app-browse-sectors a")]
    assert browse and all("/sector/" in href for href in browse)
    assert client.get(browse[0]).status_code == 200


HOSTILE = [
    "",
    " ",
    "a" * 10_000,
    "' OR 1=1 --",
    '"; DROP TABLE wagtailcore_page; --',
    "<script>alert('x')</script>",
    "\x00\x01\x1f",
    "NEAR(a b)",
    '"unbalanced',
    "title:gaming",
    "{title body} : x",
    "a* OR b*",
    "!(&|):*",
    "AND OR NOT",
    "𝔭𝔞𝔶𝔪𝔢𝔫𝔱 🙂",
    "ضمان",
    "e\u0301valuation",
    "\u202eevil",
    "%",
    "_",
    "\\",
    "*",
    "''",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_any_query_returns_a_page_and_echoes_nothing_unescaped(client, query):
    for language in ("en", "cy"):
        response = client.get(
            f"/{language}/search/", {"q": query, "page": "x", "type": ["<b>", "entry"], "sector": "'"}
        )
        assert response.status_code == 200
        assert b"<script>alert" not in response.content
        assert b"<b>" not in response.content


def test_editors_promoted_results_come_first(client):
    digest = DigestPage.objects.live().get(title__startswith="Commissioner capability", locale__language_code="en")
    SearchPromotion.objects.create(query=Query.get("Gaming"), page=digest, description="Start here.", sort_order=0)
    _, html, _ = results(client, "/en/search/?q=gaming")
    promoted = html.select_one(".app-promoted")
    assert promoted.select_one("a")["href"] == digest.url
    assert "Start here." in promoted.get_text()
    # In Welsh the promotion leads to the page's Welsh translation where there is one.
    _, html, _ = results(client, "/cy/search/?q=gaming")
    welsh = digest.get_translation_or_none(digest.locale.__class__.objects.get(language_code="cy"))
    expected = welsh.url if welsh and welsh.live else digest.url
    assert html.select_one(".app-promoted a")["href"] == expected


def test_queries_are_logged_for_editors_with_the_ones_that_found_nothing(client):
    client.get("/en/search/?q=Gaming")
    client.get("/en/search/?q=gaming")
    client.get("/en/search/?q=gaming&page=2")  # paging is not a new search
    # Another visitor: one client adds at most one new query a minute to the report.
    client.get("/en/search/?q=zzzqx", REMOTE_ADDR="192.0.2.2")
    assert Query.objects.get(query_string="gaming").hits == 2
    assert not QueryWithoutResults.objects.filter(query__query_string="gaming").exists()
    assert QueryWithoutResults.objects.get(query__query_string="zzzqx").hits == 1


def test_editors_see_popular_and_unanswered_queries(client, django_user_model):
    client.get("/en/search/?q=gaming")
    client.get("/en/search/?q=zzzqx", REMOTE_ADDR="192.0.2.2")  # another visitor (one new query a minute each)
    editor = django_user_model.objects.create_user("search-editor", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = BeautifulSoup(client.get("/admin/search-terms/").content, "html.parser")
    assert "zzzqx" in html.select_one("[aria-labelledby=unanswered-heading]").get_text()
    assert "gaming" in html.select_one("[aria-labelledby=popular-heading]").get_text()
    assert client.get("/admin/searchpicks/add/").status_code == 200
    nobody = django_user_model.objects.create_user("nobody", password="pw", is_staff=True)
    client.force_login(nobody)
    assert client.get("/admin/search-terms/").status_code in (302, 403)


def test_publishing_updates_the_index(client, english):
    digest = DigestPage.objects.live().get(title__startswith="Attribution", locale=english)
    assert not results(client, "/en/search/?q=quokka")[2]
    digest.summary += " A quokka once explained attribution."
    digest.save_revision().publish()
    assert digest.title in titles(results(client, "/en/search/?q=quokka")[2])
    digest.unpublish()
    assert not results(client, "/en/search/?q=quokka")[2]


def test_an_unpublished_entry_is_never_found(client):
    entries = BibliographyEntry.objects.filter(title__icontains="Doncaster")
    assert entries.count() >= 2
    for entry in entries:
        entry.live = False
        entry.save()
    assert "Doncaster" not in " ".join(titles(results(client, "/en/search/?q=Doncaster")[2]))


def test_every_page_has_a_labelled_search_box_in_its_header(client):
    for url in ("/en/", "/cy/", "/en/no-such-page/"):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        form = html.select_one("header form[role=search]")
        assert form["action"] == f"/{url.split('/')[1]}/search/"
        field = form.select_one("input[name=q]")
        assert form.select_one(f"label[for={field['id']}]").get_text(strip=True)


def test_the_query_count_does_not_grow_with_the_matches(client, django_assert_max_num_queries):
    client.get("/en/search/?q=outcomes")  # the site's caches warm, as on a live site
    # A new search (logged for the first time) with thousands of matches...
    call_command("generate_synthetic_entries", 300, verbosity=0)
    call_command("update_index", verbosity=0)
    with django_assert_max_num_queries(20):
        assert client.get("/en/search/?q=payment").status_code == 200
    # ...and a filtered one, and one that finds nothing.
    with django_assert_max_num_queries(20):
        client.get("/en/search/?q=gaming&type=digest&sector=criminal-justice&page=1")
    with django_assert_max_num_queries(20):
        client.get("/cy/search/?q=zzzqx")


def test_other_backends_path_finds_the_same_best_result(english):
    """OpenSearch/Elasticsearch are asked model by model (search/index.py); run that path here."""

    def through_backend(phrases, locale, types):
        return index.backend_matches(phrases, engine.backend_querysets(types, locale))

    for query, expected in (("cherry picking", "Cream-skimming"), ("attribution", "Attribution")):
        outcome = engine.search(query, english, find=through_backend)
        assert expected in [hit.title for hit in outcome.page.object_list][:3]


def test_glossary_names_widen_the_search(english):
    outcome = engine.search("cherry picking", english)
    assert "Cream-skimming" in outcome.synonyms and "creaming" in outcome.synonyms
    term = GlossaryTerm.objects.get(term="Cream-skimming")
    assert term.pk in [hit.pk for hit in outcome.page.object_list if hit.kind == "term"]


def test_too_many_searches_from_one_client_are_refused_politely(client, settings):
    settings.SEARCH_RATE_LIMIT = (3, 60)
    statuses = [client.get("/en/search/?q=gaming").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/en/search/?q=gaming")
    assert b"Please wait a minute" in response.content and response["Retry-After"] == "60"


def test_rebuilding_the_index_keeps_results(client):
    call_command("update_index", verbosity=0)
    assert "Cream-skimming" in titles(results(client, "/en/search/?q=cherry+picking")[2])


def test_a_very_broad_search_says_it_shows_only_the_best_matches(client, monkeypatch):
    monkeypatch.setattr(index, "MAX_MATCHES", 5)
    _, html, found = results(client, "/en/search/?q=payment")
    assert "matches more than 5 items" in html.get_text()
    assert 0 < len(found) <= 5


def test_welsh_is_indexed_unstemmed_and_english_stemmed_on_postgresql(client, welsh, english):
    """PostgreSQL has no Welsh configuration; stemming Welsh as English would turn "dewis"
    (choose) into "dewi". SQLite's tokeniser stems nothing, so this is PostgreSQL's test."""
    from django.db import connection
    from wagtail.search.models import IndexEntry

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's text-search configurations only")
    welsh_digest = DigestPage.objects.live().get(locale=welsh, title__startswith="Chwarae")
    english_digest = DigestPage.objects.live().get(locale=english, title__startswith="Attribution")
    vectors = dict(
        IndexEntry.objects.filter(
            content_type=welsh_digest.content_type, object_id__in=[str(welsh_digest.pk), str(english_digest.pk)]
        )
        .extra(select={"words": "title::text"})
        .values_list("object_id", "words")
    )
    assert "'dewis'" in vectors[str(welsh_digest.pk)] and "'dewi'" not in vectors[str(welsh_digest.pk)]
    assert "'pay'" in vectors[str(english_digest.pk)]  # "paying", stemmed as English
    found = titles(results(client, "/cy/search/?q=dewis")[2])
    assert welsh_digest.title in found


def test_the_postgres_indexer_is_swapped_in_once_however_often_a_backend_is_made():
    """Every background task makes a search backend; each used to wrap the indexer class in
    another subclass, until Python's recursion limit broke indexing (seen on PostgreSQL)."""
    from modelsearch.backends.database.postgres import postgres

    from search.backends import _postgres_backend_class

    for _ in range(3):
        _postgres_backend_class()
    wrappers = [cls for cls in postgres.ObjectIndexer.__mro__ if cls.__name__ == "LanguageAwareObjectIndexer"]
    assert len(wrappers) == 1
