"""Site-wide look-ups remembered per content version (pbr_site/core/memo.py, structure.py):
fewer queries on every page, and never stale after a change, in this process or another."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pbr_site.core import caching, memo
from pbr_site.core.models import HomePage, StandardPage
from wagtail.models import Page

from literature.models import DigestPage, GlossaryPage, GlossaryTerm


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PBR_PAGE_CACHE_SECONDS = 0  # every request renders its page: what is remembered shows


def navigation(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".govuk-service-navigation__list a")]


def tables_read(queries):
    return " ".join(query["sql"] for query in queries)


@pytest.mark.django_db
def test_after_the_first_request_the_site_structure_comes_from_memory(client, demo_page):
    digest = demo_page(DigestPage, "cy")
    with CaptureQueriesContext(connection) as first:
        assert client.get(digest.url).status_code == 200
    with CaptureQueriesContext(connection) as second:
        again = client.get(digest.url)
    assert again.status_code == 200
    assert len(second) < len(first) - 5, (len(first), len(second))
    # No site, locale, navigation or routing look-ups the second time: the digest's own data only.
    assert "wagtailcore_site" not in tables_read(second) and "wagtailcore_locale" not in tables_read(second)
    assert navigation(again) == navigation(client.get(digest.url))


@pytest.mark.django_db
def test_a_published_change_to_the_navigation_shows_on_the_next_request(client, demo_page):
    page = demo_page(StandardPage, "en", slug="about")
    home = HomePage.objects.get(locale__language_code="en")
    before = navigation(client.get(home.url))
    assert page.title in before
    page.title = "About this toolkit (revised)"
    page.save_revision().publish()
    after = navigation(client.get(home.url))
    assert "About this toolkit (revised)" in after and before != after
    # Welsh readers keep their own navigation.
    welsh_home = HomePage.objects.get(locale__language_code="cy")
    assert "About this toolkit (revised)" not in navigation(client.get(welsh_home.url))


@pytest.mark.django_db
def test_a_change_made_by_another_process_shows_once_it_changes_the_content_version(client, demo_page):
    page = demo_page(StandardPage, "en", slug="about")
    home = HomePage.objects.get(locale__language_code="en")
    client.get(home.url)
    # Another server process saves the page: its signal replaces the version in the shared
    # cache. Here the row changes without a signal, then the version is replaced by hand.
    Page.objects.filter(pk=page.pk).update(title="Changed elsewhere")
    assert "Changed elsewhere" not in navigation(client.get(home.url))  # remembered meanwhile
    caching.bump_content_version()
    assert "Changed elsewhere" in navigation(client.get(home.url))


@pytest.mark.django_db
def test_a_new_glossary_term_is_linked_from_digests_on_the_next_request(client, demo_page):
    digest = demo_page(DigestPage, "en")
    client.get(digest.url)
    word = next(
        word for word in ("attribution", "counterfactual", "deadweight", "payment", "outcomes")
        if word in client.get(digest.url).content.decode().lower()
    )
    GlossaryTerm.objects.filter(locale=digest.locale).delete()
    assert "app-glossary-link" not in client.get(digest.url).content.decode()
    assert GlossaryPage.objects.live().filter(locale=digest.locale).exists()
    GlossaryTerm.objects.create(locale=digest.locale, term=word, short_definition="A test definition.")
    assert "app-glossary-link" in client.get(digest.url).content.decode()


@pytest.mark.django_db
def test_addresses_that_match_no_page_are_not_remembered(client):
    client.get("/en/")
    remembered = len(memo._thread.values)
    for number in range(50):
        assert client.get(f"/en/no-such-page-{number}/").status_code == 404
        assert client.get(f"/en/literature-review/nothing-{number}/deeper/").status_code == 404
    assert len(memo._thread.values) <= remembered + 2  # the 404 page's own look-ups, once


def test_outside_a_request_nothing_is_remembered():
    calls = []
    for _ in range(3):
        memo.per_content_version("anything", lambda: calls.append(1))
    assert len(calls) == 3


@pytest.mark.django_db
def test_remembering_can_be_turned_off(client, demo_page, settings):
    settings.PBR_REMEMBER_SITE_STRUCTURE = False
    digest = demo_page(DigestPage, "en")
    client.get(digest.url)
    with CaptureQueriesContext(connection) as again:
        assert client.get(digest.url).status_code == 200
    assert "wagtailcore_site" in tables_read(again)  # read afresh, as after a change


@pytest.mark.django_db
def test_host_names_django_refuses_are_not_remembered(client):
    client.get("/en/")
    remembered = len(memo._thread.values)
    for number in range(30):
        assert client.get("/en/", HTTP_HOST=f"attacker-{number}.example").status_code == 400
    assert len(memo._thread.values) == remembered


@pytest.mark.django_db
def test_editors_requests_read_everything_afresh(admin_client):
    admin_client.get("/en/")
    remembered = dict(getattr(memo._thread, "values", {}))
    with CaptureQueriesContext(connection) as first:
        assert admin_client.get("/admin/pages/").status_code == 200
    assert "wagtailcore_site" in tables_read(first)
    assert dict(getattr(memo._thread, "values", {})) == remembered  # the admin added nothing


@pytest.mark.django_db
def test_each_request_is_served_its_own_copy_of_the_page(client, demo_page):
    for url in (HomePage.objects.get(locale__language_code="en").url, demo_page(DigestPage, "cy").url):
        first, second = client.get(url), client.get(url)
        assert first.context["page"].pk == second.context["page"].pk
        assert first.context["page"] is not second.context["page"]  # shared: only what routing remembers
