"""Shared fixtures. The demo content is loaded once into the test database, exactly as
`make run` loads it, so every test sees the site a visitor would see."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def welsh(db):
    return Locale.objects.get(language_code="cy")


@pytest.fixture
def home(db, english):
    from pbr_site.core.models import HomePage

    return HomePage.objects.get(locale=english)


@pytest.fixture
def demo_page(db):
    """demo_page(model, locale) -> the live demo page of that type in that language."""

    def get(model, locale_code="en", slug=None):
        pages = model.objects.live().filter(locale__language_code=locale_code)
        if slug:
            pages = pages.filter(slug=slug)
        return pages.first()

    return get


@pytest.fixture
def all_demo_pages(db):
    return list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))


@pytest.fixture(autouse=True)
def fresh_pinned_questionnaires():
    """Each process keeps built questionnaires by revision id (revision content never
    changes). Tests roll back, and SQLite then hands the same ids out again, so start each
    test with an empty cache."""
    from toolkit.questionnaire import pinned

    pinned.cache_clear()
    yield
    pinned.cache_clear()


@pytest.fixture(autouse=True)
def fresh_caches():
    """Tests roll their changes back without a signal, so a page cached by one test could
    outlive the data it was rendered from (and counts kept in the cache would add up across
    tests): start each test with empty caches."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
