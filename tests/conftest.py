"""Shared fixtures. The demo content is loaded once into the test database, exactly as
`make run` loads it, so every test sees the site a visitor would see."""

import os

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup"}


def pytest_collection_modifyitems(config, items):
    """PBR_ONLY_DATABASE_TESTS=1 (.ci/run's PostgreSQL run): only the tests that use the
    database. The others give the same result on any database, and the SQLite run has them."""
    if os.environ.get("PBR_ONLY_DATABASE_TESTS") != "1":
        return
    kept, skipped = [], []
    for item in items:
        uses_database = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        )
        (kept if uses_database else skipped).append(item)
    if skipped:
        config.hook.pytest_deselected(items=skipped)
        items[:] = kept


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
def editor(db):
    """The demo's Editor: writes and submits, never publishes."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="editor")


@pytest.fixture
def moderator(db):
    """The demo's Moderator: approves and publishes."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="moderator")


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
    """Tests roll their changes back without a signal, so anything one test left in a cache
    (a rendered fragment, a rate limit's count) could outlive the data it came from or add up
    across tests: start each test with empty caches."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture(scope="session")
def demo_full_review_files(django_db_setup):
    """The review PDFs the demo loader built, as {name: bytes}."""
    from django.core.files.storage import default_storage

    from literature.full_review import FOLDER

    return {
        f"{FOLDER}/{name}": default_storage.open(f"{FOLDER}/{name}").read()
        for name in default_storage.listdir(FOLDER)[1]
    }


@pytest.fixture(autouse=True)
def fresh_full_review_files(request):
    """The PDFs live in (in-memory) file storage, which a test's rollback does not undo, and
    SQLite hands the same revision ids out again: put the demo's PDFs back after each test
    that touched the database, so a later test never reads an earlier test's PDF as current."""
    if "django_db_setup" not in request.fixturenames:
        yield
        return
    files = request.getfixturevalue("demo_full_review_files")
    yield
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from literature.full_review import FOLDER

    for name in default_storage.listdir(FOLDER)[1]:
        if f"{FOLDER}/{name}" not in files:
            default_storage.delete(f"{FOLDER}/{name}")
    for name, content in files.items():
        default_storage.delete(name)
        default_storage.save(name, ContentFile(content))
