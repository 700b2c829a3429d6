"""The site chrome (header navigation, footer, language links, linked pages) kept in the shared
cache between changes (core_tags.SharedChrome): a change shows on the very next request, a
read made before a change is never used after it, and a cache that is down costs a query,
never an error."""

import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client
from pbr_site.core.models import HomePage, StandardPage
from pbr_site.core.templatetags.core_tags import SharedChrome, site_chrome
from wagtail.models import PageViewRestriction, Site

from literature.models import GlossaryPage, ResourcePackPage


def navigation_of(html):
    start = html.index('class="govuk-service-navigation__wrapper"')
    return html[start : html.index("</nav>", start)]


@pytest.fixture(autouse=True)
def no_recent_change(db, fresh_caches):
    """As on a site where nothing changed for a while: the chrome is kept from the first read."""
    cache.set(SharedChrome.CHANGED_KEY, 0, None)


@pytest.fixture
def menu_page(demo_page):
    return demo_page(StandardPage, "en", slug="about")


def test_a_second_request_reads_the_chrome_from_the_shared_cache(db, demo_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    home = demo_page(HomePage, "en")
    first = Client().get(home.url)  # templates loaded, the chrome kept
    key = SharedChrome.key(Site.objects.get(is_default_site=True), "en", home)
    assert SharedChrome.get(key) is not None
    cache.delete(key)
    with CaptureQueriesContext(connection) as read_in_full:
        Client().get(home.url)
    with CaptureQueriesContext(connection) as kept:
        second = Client().get(home.url)
    # Kept: one small query for the page's translations instead of the chrome's, and the
    # same page to the byte.
    assert len(kept) == len(read_in_full)
    assert sum(len(query["sql"]) for query in kept) < sum(len(query["sql"]) for query in read_in_full)
    assert second.content == first.content


def test_a_chrome_whose_last_change_is_not_known_is_read_again(rf, demo_page):
    """A cache that lost the time of the last change (culled, evicted): the kept chrome may be
    older than that change, so it is not used."""
    home = demo_page(HomePage, "en")
    key = SharedChrome.key(Site.objects.get(is_default_site=True), "en", home)
    chrome = site_chrome(rf.get(home.url), home)
    cache.delete(SharedChrome.CHANGED_KEY)
    SharedChrome.set(key, chrome, time.time() + 60)
    assert SharedChrome.get(key) is None
    assert cache.get(SharedChrome.CHANGED_KEY) is not None  # now known: from here on


def test_a_published_title_shows_in_every_menu_on_the_next_request(db, demo_page, menu_page):
    other_url = demo_page(GlossaryPage, "en").url
    assert menu_page.title in navigation_of(Client().get(other_url).content.decode())

    menu_page.title = "About this toolkit, renamed"
    menu_page.save_revision().publish()

    assert "About this toolkit, renamed" in navigation_of(Client().get(other_url).content.decode())


def test_an_unpublished_page_leaves_the_menu_at_once(db, demo_page, menu_page):
    other_url = demo_page(ResourcePackPage, "en").url
    assert menu_page.url in navigation_of(Client().get(other_url).content.decode())
    menu_page.unpublish()
    assert menu_page.url not in navigation_of(Client().get(other_url).content.decode())


def test_a_private_section_leaves_the_menu_at_once(db, demo_page, menu_page):
    other_url = demo_page(GlossaryPage, "en").url
    assert menu_page.url in navigation_of(Client().get(other_url).content.decode())
    PageViewRestriction.objects.create(page=menu_page, restriction_type=PageViewRestriction.LOGIN)
    assert menu_page.url not in navigation_of(Client().get(other_url).content.decode())


def test_a_chrome_read_before_a_change_is_never_used_after_it(rf, demo_page):
    """A render that read the chrome just before a publish committed stores it just after: it
    must not be served (the publish would otherwise be missing from every page for minutes)."""
    home = demo_page(HomePage, "en")
    site = Site.objects.get(is_default_site=True)
    request = rf.get(home.url)
    key = SharedChrome.key(site, "en", home)
    stale = site_chrome(request, home)
    read_before_the_change = time.time()
    SharedChrome.note_change()
    SharedChrome.set(key, stale, read_before_the_change)  # stored after the change
    assert SharedChrome.get(key) is None
    # Read after the change (and after the allowance for servers' clocks): used.
    SharedChrome.set(key, stale, time.time() + SharedChrome.CLOCK_SKEW + 1)
    assert SharedChrome.get(key) is not None


def test_nothing_else_a_page_saves_is_missed(db, demo_page, menu_page):
    """Every save of any page says the chrome changed: a draft too (cheap, and never stale)."""
    before = cache.get(SharedChrome.CHANGED_KEY, 0)
    time.sleep(0.01)
    menu_page.save_revision()
    assert cache.get(SharedChrome.CHANGED_KEY, 0) > before


def test_a_cache_that_is_down_reads_the_chrome_from_the_database(db, demo_page):
    url = demo_page(HomePage, "en").url
    with (
        mock.patch.object(cache, "get_many", return_value={}),
        mock.patch.object(cache, "set", return_value=None),
    ):
        response = Client().get(url)
    assert response.status_code == 200
    assert demo_page(StandardPage, "en", slug="about").title in navigation_of(response.content.decode())
