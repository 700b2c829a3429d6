"""Purging the HTTP cache in front (pbr_site/core/purging.py): each change purges exactly the
addresses that show it, in both languages, once the transaction commits; nothing is sent or
queried when no cache is configured; an unreachable cache never fails a publish."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pbr_site.core import purging
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, ReferenceIndex, Site

BASE = "http://localhost"
# Every page's addresses: the live pages (1), and per language the review's tags (2) and the
# pack's entries (1); then what else the change noted (its ancestors, translations, descendants,
# the pages linking to it: 4). Not one per page.
EVERYTHING_QUERIES = 11


class RecordingBackend(BaseBackend):
    """Wagtail's frontend cache backend interface, keeping what it is asked to purge."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


class FailingBackend(BaseBackend):
    def purge(self, url):
        raise RuntimeError("the cache is on fire")


def record_purges(settings):
    """Send purges to RecordingBackend: the URLs purged (by Wagtail's own handlers and ours), in order."""
    settings.WAGTAILFRONTENDCACHE = {"recorder": {"BACKEND": "tests.core.test_purging.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend.purged


def purges_on_commit(purged, capture_on_commit_callbacks):
    """run(change) -> the set of URLs purged by the change once its transaction commits."""

    def run(change):
        purging.send_pending()  # what the test's own setting up noted (its commit never comes)
        purged.clear()
        with capture_on_commit_callbacks(execute=True):
            change()
        return set(purged)

    return run


@pytest.fixture
def purged(settings):
    return record_purges(settings)


@pytest.fixture
def committed(django_capture_on_commit_callbacks, purged):
    return purges_on_commit(purged, django_capture_on_commit_callbacks)


def address(page, sub_path=""):
    return BASE + page.url + sub_path


def linking_to(page):
    """The addresses of the live pages that link to this one (Wagtail's reference index): the
    self-assessment's questionnaire names digests to read."""
    from toolkit.models import SelfAssessmentPage

    ids = {
        int(pk)
        for _model, pk in ReferenceIndex.get_references_to(page).values_list("base_content_type__model", "object_id")
        if _model == "page"
    }
    pages = Page.objects.live().filter(pk__in=ids).specific()
    return {
        address(linking, sub)
        for linking in pages
        for sub in (["", "open-data/"] if isinstance(linking, SelfAssessmentPage) else [""])
    }


def every_address():
    """Every live page in both languages, with the routable pages' cached sub-pages."""
    from pbr_site.core.models import GetInvolvedPage

    from literature.models import LiteratureIndexPage, ResourcePackPage
    from toolkit.models import SelfAssessmentPage

    # One purge each for everything under these paths (site/varnish/pbr.vcl).
    sub_paths = {
        LiteratureIndexPage: ["sector/*", "theme/*"],
        ResourcePackPage: ["entry/*"],
        SelfAssessmentPage: ["open-data/"],
        GetInvolvedPage: ["sent/"],
    }
    urls = set()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        urls |= {address(page), *(address(page, path) for path in sub_paths.get(type(page), []))}
    return urls


def standard_page(parent, title, slug):
    from pbr_site.core.models import StandardPage

    page = parent.add_child(instance=StandardPage(title=title, slug=slug, intro="A page for purging."))
    page.save_revision().publish()
    return page


@pytest.fixture
def about(demo_page):
    from pbr_site.core.models import StandardPage

    return demo_page(StandardPage, "en", "about")


@pytest.fixture
def section(about):
    """A section below About (not in the navigation): Team, with Staff below it."""
    team = standard_page(about, "Team", "team")
    staff = standard_page(team, "Staff", "staff")
    return team, staff


def test_republishing_a_page_purges_it_and_the_pages_above_it(committed, about, home, english):
    """Not its translation (its address did not change) nor every page (its title did not)."""
    about = about.specific
    about.intro = "A new lead paragraph."
    urls = committed(lambda: about.save_revision().publish())
    assert urls == {address(about), address(home)}


def test_a_new_title_in_the_navigation_purges_every_page(committed, about):
    about.title = "About us"
    urls = committed(lambda: about.save_revision().publish())
    assert urls == every_address()
    assert len(urls) > 50  # both languages' pages, with their tag and entry pages as one path each


def test_a_new_title_purges_the_pages_below_for_their_breadcrumbs(committed, section, about, home):
    team, staff = section
    team.title = "Our team"
    urls = committed(lambda: team.save_revision().publish())
    assert urls == {address(team), address(staff), address(about), address(home)}


def test_a_new_slug_purges_the_old_and_new_addresses_of_the_page_and_those_below(committed, section, about, home):
    team, staff = section
    old = {address(team), address(staff)}
    team.slug = "people"
    urls = committed(lambda: team.save_revision().publish())
    team.refresh_from_db()
    staff.refresh_from_db()
    assert old == {f"{BASE}/en/about/team/", f"{BASE}/en/about/team/staff/"}
    redirected = {url.rstrip("/") for url in old}  # the redirects Wagtail makes from the old addresses
    assert urls == old | redirected | {address(team), address(staff), address(about), address(home)}


def test_moving_purges_the_old_and_new_addresses_and_both_parents(committed, section, about, home, demo_page):
    from pbr_site.core.models import StandardPage

    team, staff = section
    statement = demo_page(StandardPage, "en", "accessibility")
    old = {address(team), address(staff)}
    urls = committed(lambda: team.move(statement, pos="last-child"))
    team.refresh_from_db()
    staff.refresh_from_db()
    assert address(team) == f"{BASE}/en/accessibility/team/"
    redirected = {url.rstrip("/") for url in old}  # the redirects Wagtail makes from the old addresses
    assert urls == old | redirected | {address(team), address(staff), address(about), address(statement), address(home)}


def test_unpublishing_purges_its_translation_for_the_language_links(committed, section, about, home, welsh):
    team, staff = section
    welsh_team = team.copy_for_translation(welsh, copy_parents=False)
    welsh_team.save_revision().publish()
    urls = committed(lambda: team.unpublish())
    assert urls == {address(team), address(staff), address(about), address(home), address(welsh_team)}


def test_a_live_alias_in_welsh_purges_the_pages_listing_it_and_its_translation(committed, about, home, welsh):
    """As wagtail-localize's synchronised trees make one for a page created live (no publish is sent)."""
    team = standard_page(about, "Team", "team")
    urls = committed(lambda: team.copy_for_translation(welsh, copy_parents=False, alias=True))
    alias = team.get_translation(welsh)
    assert alias.live and alias.alias_of_id == team.pk
    assert urls == {
        address(alias),
        address(about.get_translation(welsh)),
        address(home.get_translation(welsh)),
        address(team),
    }


def test_a_live_translation_turned_back_into_an_alias_purges_as_a_publish(committed, client, moderator, about, welsh):
    """wagtail-localize's "Convert to alias page", by a Moderator, on the rendered confirmation:
    the Welsh page now shows the English content and title, and no publish is sent."""
    from django.urls import reverse

    from tests.core.test_translation_moderation import post_form

    welsh_about = about.get_translation(welsh)
    assert welsh_about.live and welsh_about.alias_of_id is None and welsh_about.title != about.title
    # Out of the Welsh navigation until it takes the English page's settings with its content.
    Page.objects.filter(pk=welsh_about.pk).update(show_in_menus=False)
    client.force_login(moderator)
    url = reverse("wagtail_localize:convert_to_alias", args=[welsh_about.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    urls = committed(lambda: post_form(client, url, confirm))
    welsh_about.refresh_from_db()
    assert welsh_about.alias_of_id == about.pk and welsh_about.title == about.title
    assert about.show_in_menus and welsh_about.show_in_menus  # now in the Welsh navigation: every page
    assert urls == every_address()


def test_deleting_purges_its_addresses_and_the_pages_above(committed, section, about, home):
    team, staff = section
    old = {address(team), address(staff)}
    urls = committed(lambda: Page.objects.get(pk=team.pk).delete())
    assert urls == old | {address(about), address(home)}


def test_a_home_page_in_a_new_place_purges_every_page(committed, home):
    home.slug = "welcome"  # a home page's own address is its site root: only its slug changes
    urls = committed(lambda: home.save_revision().publish())
    assert urls == every_address()


def test_a_site_change_purges_every_page(db, committed):
    site = Site.objects.get()
    site.site_name = "The toolkit"
    assert committed(site.save) == every_address()


def test_a_redirect_purges_the_path_it_takes_over(db, committed):
    urls = committed(lambda: Redirect.objects.create(old_path="/en/old-about", redirect_link="/en/about/"))
    assert urls == {f"{BASE}/en/old-about", f"{BASE}/en/old-about/"}


def test_collecting_every_page_costs_a_few_queries(
    django_capture_on_commit_callbacks, purged, about, django_assert_max_num_queries
):
    about.title = "About us"
    with django_capture_on_commit_callbacks() as callbacks:
        about.save_revision().publish()
    assert purging.send_pending in callbacks
    with django_assert_max_num_queries(EVERYTHING_QUERIES):
        purging.send_pending()
    assert len(set(purged)) > 50  # the tag and entry pages are one path each


def test_without_a_cache_nothing_is_sent_and_no_query_is_spent(settings, demo_page, django_capture_on_commit_callbacks):
    """The pack republished (its get_cached_paths would list every entry) costs the same
    queries with purging's receivers as without them."""
    from literature.models import ResourcePackPage

    settings.WAGTAILFRONTENDCACHE = {}
    pack = demo_page(ResourcePackPage)

    def publish():
        with (
            django_capture_on_commit_callbacks(execute=True) as callbacks,
            CaptureQueriesContext(connection) as queries,
        ):
            pack.save_revision().publish()
        assert purging.send_pending not in callbacks
        return len(queries)

    publish()  # the first publish of a test creates what the others reuse
    with_receivers = publish()
    for signal, receiver, sender, uid in purging.CONNECTIONS:
        signal.disconnect(receiver, sender=sender, dispatch_uid=uid)
    try:
        without_receivers = publish()
    finally:
        for signal, receiver, sender, uid in purging.CONNECTIONS:
            signal.connect(receiver, sender=sender, dispatch_uid=uid)
    assert with_receivers == without_receivers


def test_an_unreachable_cache_is_logged_and_the_publish_stands(
    settings, about, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "pbr_site.core.purging.HTTPBackendWithTimeout", "LOCATION": "http://127.0.0.1:9"}
    }  # nothing listens there
    about.title = "About us"
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    assert Page.objects.get(pk=about.pk).title == "About us"
    assert any("Could not purge 'http://localhost/cy/" in record.getMessage() for record in caplog.records)


def test_a_cache_that_never_answers_does_not_hang_the_publish(
    settings, about, caplog, django_capture_on_commit_callbacks
):
    """A Varnish that accepts connections and never answers: each PURGE gives up after the
    backend's TIMEOUT, is logged, and the publish stands (Wagtail's own backend would wait
    for ever, in the editor's request)."""
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)  # accepted by the kernel, never read or answered
    try:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "pbr_site.core.purging.HTTPBackendWithTimeout",
                "LOCATION": f"http://127.0.0.1:{silent.getsockname()[1]}",
                "TIMEOUT": 0.2,
            }
        }
        about.title = "About us, again"
        with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
            about.save_revision().publish()
    finally:
        silent.close()
    assert Page.objects.get(pk=about.pk).title == "About us, again"
    failures = [record for record in caplog.records if "Could not purge" in record.getMessage()]
    # Every PURGE gave up at the time-out (none waited for ever).
    assert failures and all("timed out" in record.getMessage() for record in failures)


def test_a_failing_backend_is_logged_and_the_publish_stands(
    settings, about, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"broken": {"BACKEND": f"{__name__}.FailingBackend"}}
    about.intro = "Still published."
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    assert Page.objects.get(pk=about.pk).specific.intro == "Still published."
    assert any("Could not purge 2 URLs" in record.getMessage() for record in caplog.records)


def test_the_same_addresses_are_purged_again_a_few_seconds_later(
    settings, purged, about, django_capture_on_commit_callbacks
):
    """A render that read the old content before the commit may store it after the first purge."""
    from django.utils import timezone
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}  # keeps tasks, runs none
    about.intro = "Later too."
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    assert set(purged) == {address(about), f"{BASE}/en/"}  # the first purge, at once
    later = [
        result
        for result in purge_urls_from_cache_task.get_backend().results
        if result.task.func == purge_urls_from_cache_task.func and result.task.run_after
    ]
    assert len(later) == 1
    assert later[0].args[0] == sorted(purged)
    seconds = (later[0].task.run_after - timezone.now()).total_seconds()
    assert 3 < seconds <= purging.REPEAT_AFTER.total_seconds()


def test_a_slug_saved_before_the_publish_still_purges_the_old_address(committed, section, about, home):
    """wagtail-localize saves a translation's new title and slug to the page, then publishes
    it: the old address is what was last published, not what the row held before the publish."""
    team, staff = section
    team.slug = "people"
    team.title = "People"
    committed(lambda: team.save())  # the row changes first...
    team = Page.objects.get(pk=team.pk).specific
    urls = committed(lambda: team.save_revision().publish())  # ...then the publish
    assert {f"{BASE}/en/about/team/", f"{BASE}/en/about/team/staff/"} <= urls
    assert {address(team), address(about), address(home)} <= urls


def test_making_a_section_private_purges_every_page(committed, section):
    from wagtail.models import PageViewRestriction

    team, _staff = section
    urls = committed(lambda: PageViewRestriction.objects.create(page=team, restriction_type="login"))
    assert urls == every_address()


def test_a_new_slug_for_the_accessibility_statement_purges_every_page(committed, demo_page):
    """The footer finds the statement by its slug: a new slug changes every page's footer."""
    from pbr_site.core.models import StandardPage

    statement = demo_page(StandardPage, "en", "accessibility")
    statement.show_in_menus = False
    statement.save()
    statement = Page.objects.get(pk=statement.pk).specific
    statement.slug = "accessibility-statement"
    urls = committed(lambda: statement.save_revision().publish())
    assert urls >= every_address() - {f"{BASE}/en/accessibility-statement/"}


def test_several_varnish_servers_each_get_every_purge():
    """FRONTEND_CACHE_URL may list several Varnish servers (README, "Running on more than one
    machine"): the settings give Wagtail one backend for each."""
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "import json; from django.conf import settings; print(json.dumps(settings.WAGTAILFRONTENDCACHE))",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "FRONTEND_CACHE_URL": "http://10.0.0.21:6081, http://10.0.0.22:6081"},
        capture_output=True,
        text=True,
        check=True,
    )
    backends = json.loads(result.stdout.strip().splitlines()[-1])
    assert [backend["LOCATION"] for backend in backends.values()] == ["http://10.0.0.21:6081", "http://10.0.0.22:6081"]
    assert {backend["BACKEND"] for backend in backends.values()} == {"pbr_site.core.purging.HTTPBackendWithTimeout"}
