"""Fixtures for the browser tests: a production-like server of our own and Debian's Chromium.

The server runs in a subprocess against its own throw-away SQLite database (see
tests/servers.py), never pytest-django's `live_server`, which would flush the test database
and the demo content the other tests rely on. Chromium is Debian's, launched by its path:
Playwright's own browser download (`playwright install`) is neither needed nor possible here.
"""

import base64
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django_otp.oath import totp

from tests.servers import get, production_like_server

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
LANGUAGES = ("en", "cy")
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="session")
def site_url(request, tmp_path_factory):
    """Base URL (no trailing slash) of gunicorn serving the demo content under production
    settings, with whitenoise's collected static files. The migrated empty database is kept in
    .pytest_cache between runs (`pytest --cache-clear` drops it)."""
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    cache_dir = cache.mkdir("production-like-server") if cache else None
    with production_like_server(tmp_path_factory.mktemp("browser-server"), cache_dir=cache_dir) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def site_paths(site_url):
    """{"en": [paths], "cy": [paths]}: every page the server's /sitemap.xml lists, as paths
    (the sitemap's host is the Wagtail Site's, not ours), in sitemap order."""
    status, _, body = get(site_url + "/sitemap.xml")
    assert status == 200, f"/sitemap.xml answered {status}"
    paths = {language: [] for language in LANGUAGES}
    seen_listings = set()
    for loc in ET.fromstring(body).iterfind("sm:url/sm:loc", SITEMAP_NS):
        path = urlsplit(loc.text.strip()).path
        segments = path.strip("/").split("/")
        language = segments[0]
        assert language in paths, f"sitemap lists {path}, which is in no known language"
        # Every Wagtail page, but only the first of each kind of routed sub-page (one entry
        # of the resource pack, one sector page, one theme page): they share a template.
        if len(segments) > 3:
            kind = (language, *segments[1:-1])
            if kind in seen_listings:
                continue
            seen_listings.add(kind)
        paths[language].append(path)
    for language, found in paths.items():
        assert f"/{language}/" in found, f"the sitemap has no /{language}/ home page: {found}"
    return paths


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if not executable:
        pytest.fail(
            "Chromium is not on PATH: the browser tests need Debian's Chromium "
            "(apt-get install chromium). Do not run `playwright install`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser, site_url):
    """new_context(**options) -> a fresh browser context whose relative URLs go to our server
    (desktop-sized unless a viewport is given); all are closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=site_url, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A page in a fresh desktop-sized context."""
    return new_context().new_page()


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# --- staff on a production-like server ------------------------------------------------------

# A script for `python -c` against a test server's database (its environment): an Editor and a
# Moderator, made as an administrator would, with the passwords in PASSWORD_EDITOR and
# PASSWORD_MODERATOR. A module adds what else it needs to the end.
MAKE_EDITOR_AND_MODERATOR = """import django, os
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
for username, group in (("editor", "Editors"), ("moderator", "Moderators")):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", os.environ[f"PASSWORD_{username.upper()}"], first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group))
"""


def run_on_server(env, *args, extra_env=None):
    """What `python ARGS` prints, run as an administrator would on a test server (env: its
    environment, so its database): `-c SCRIPT ...` or `manage.py COMMAND ...`. A failure
    fails the test with what the command wrote to stderr."""
    result = subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=ROOT,
        env={**env, **(extra_env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode:
        what = "a Django script" if args[0] == "-c" else " ".join(map(str, args))
        pytest.fail(f"{what} failed:\n{result.stderr}", pytrace=False)
    return result.stdout


def enrolment_link(env, username):
    """An enrolment link for `username`, issued as an administrator would on the server:
    `manage.py two_factor_enrolment_link USERNAME` against its database (env: its environment)."""
    output = run_on_server(env, "manage.py", "two_factor_enrolment_link", username)
    return re.search(r"^(https?://\S+/admin/2fa/enrol/\S+/)$", output, re.M).group(1)


def set_up_authenticator(page):
    """On the set-up page: read the key shown, type the current code as a phone would, and
    turn it on; waits for the dashboard."""
    # `body > .wrapper`: the page itself (not a copy inside the icon sprite placeholder).
    setup = page.locator("body > .wrapper")
    secret = setup.locator("#otp-secret").inner_text().strip()
    setup.locator("input[name=otp_token]").fill(f"{totp(base64.b32decode(secret)):06d}")
    with page.expect_navigation(url=re.compile(r"/admin/$")):
        setup.get_by_role("button", name="Turn on two-step sign-in").click()


def enrol_and_sign_in(browser, base_url, link, username, password, timeout=30_000):
    """(context, page) of a new staff member's first sign-in: they open the enrolment link an
    administrator sent, sign in with their password and set up their authenticator app from
    the key on the page. The page ends on the dashboard; the caller closes the context."""
    context = browser.new_context(base_url=base_url, viewport=DESKTOP)
    context.set_default_timeout(timeout)
    page = context.new_page()
    page.goto(urlsplit(link).path)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation(url=re.compile(r"/admin/2fa/setup/")):
        page.get_by_role("button", name="Sign in").click()
    set_up_authenticator(page)
    return context, page


def staff_storage_state(browser, base_url, env, username, password, timeout=30_000):
    """The signed-in storage state of `username` (made by the test, with no authenticator
    yet) after their first sign-in with an enrolment link (an account enrols only once)."""
    context, _ = enrol_and_sign_in(browser, base_url, enrolment_link(env, username), username, password, timeout)
    try:
        return context.storage_state()
    finally:
        context.close()
