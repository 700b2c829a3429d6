"""A new Editor's first sign-in, in Chromium, on `make serve`'s production stack (tests/servers.py):
the password alone gets them only a page saying to ask an administrator for an enrolment link;
an administrator issues one under Settings > Two-step sign-in and copies it from the page; the
Editor opens it, sets up their authenticator app and reaches the dashboard. The link then works
no more. (site/core/two_factor.py; the server-side rules are in
tests/core/test_two_factor_enrolment.py.)

The administrator is the first one on a new server: made with a Django shell (as
`createsuperuser` would) and enrolled with `manage.py two_factor_enrolment_link`.
"""

import re
import secrets
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.servers import production_env, production_like_server

from .conftest import DESKTOP, enrol_and_sign_in, enrolment_link, run_on_server, set_up_authenticator

pytestmark = pytest.mark.browser

TIMEOUT = 30_000
SET_UP = """import django, os
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
User = get_user_model()
User.objects.create_superuser("clinks-admin", "it@clinks.example", os.environ["PASSWORD_ADMIN"])
editor = User.objects.create_user("new-editor", "new@clinks.example", os.environ["PASSWORD_EDITOR"], first_name="Nia")
editor.groups.add(Group.objects.get(name="Editors"))
"""


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    """A production-like server of this module's own (its accounts change), with a new
    administrator and a new Editor, neither with an authenticator yet."""
    cache = getattr(request.config, "cache", None)
    cache_dir = cache.mkdir("production-like-server") if cache else None
    workdir = tmp_path_factory.mktemp("two-factor-enrolment-server")
    with production_like_server(workdir, cache_dir=cache_dir) as url:
        env = production_env(workdir)
        passwords = {"admin": secrets.token_urlsafe(16), "editor": secrets.token_urlsafe(16)}
        run_on_server(
            env, "-c", SET_UP, extra_env={"PASSWORD_ADMIN": passwords["admin"], "PASSWORD_EDITOR": passwords["editor"]}
        )
        yield {"url": url, "env": env, "passwords": passwords}


def test_an_administrator_issues_a_link_and_a_new_editor_enrols_with_it(browser, server):
    url, passwords = server["url"], server["passwords"]
    # The first administrator on a new server: createsuperuser, then the command's link.
    admin_context, admin = enrol_and_sign_in(
        browser, url, enrolment_link(server["env"], "clinks-admin"), "clinks-admin", passwords["admin"], TIMEOUT
    )
    editor_context = browser.new_context(base_url=url, viewport=DESKTOP)
    editor_context.set_default_timeout(TIMEOUT)
    try:
        # The new Editor knows only their password: no authenticator, no admin.
        editor = editor_context.new_page()
        editor.goto("/admin/")
        editor.get_by_label("Username").fill("new-editor")
        editor.get_by_label("Password").fill(passwords["editor"])
        with editor.expect_navigation(url=re.compile(r"/admin/2fa/setup/")):
            editor.get_by_role("button", name="Sign in").click()
        page = editor.locator("body > .wrapper")
        expect(page.get_by_role("heading", name="You need an enrolment link")).to_be_visible()
        expect(page.get_by_text("ask an administrator for an enrolment link")).to_be_visible()
        expect(page.locator("#otp-secret")).to_have_count(0)
        editor.goto("/admin/pages/")
        expect(editor).to_have_url(re.compile(r"/admin/2fa/setup/"))

        # The administrator finds them under Settings > Two-step sign-in and issues a link.
        admin.get_by_role("button", name="Settings").click()
        admin.get_by_role("link", name="Two-step sign-in").click()
        expect(admin.get_by_role("heading", name="Two-step sign-in")).to_be_visible()
        row = admin.locator('tr[data-username="new-editor"]')
        expect(row).to_contain_text("Not set up")
        with admin.expect_navigation():
            row.get_by_role("button", name="Issue enrolment link").click()
        expect(admin.get_by_role("heading", name="Enrolment link for Nia")).to_be_visible()
        link = admin.locator("#enrolment-link").input_value()
        assert re.fullmatch(r"https?://\S+/admin/2fa/enrol/[A-Za-z0-9_-]{40,}/", link), link

        # The Editor opens it in the browser they signed in with and sets up their app.
        editor.goto(urlsplit(link).path)
        expect(editor).to_have_url(re.compile(r"/admin/2fa/setup/"))
        set_up_authenticator(editor)
        expect(editor).to_have_url(re.compile(r"/admin/$"))
        expect(editor.get_by_role("heading", name="Enquiries from the public")).to_be_visible()  # the dashboard
        editor.goto("/admin/pages/")
        expect(editor).to_have_url(re.compile(r"/admin/pages/$"))

        # The administrator's list says so, and the link works no more.
        admin.goto("/admin/two-step-sign-in/")
        expect(admin.locator('tr[data-username="new-editor"] td').nth(2)).to_have_text("Set up")
        again = browser.new_context(base_url=url, viewport=DESKTOP).new_page()
        try:
            again.goto(urlsplit(link).path)
            expect(again.get_by_text("This enrolment link has already been used")).to_be_visible()
        finally:
            again.context.close()
    finally:
        editor_context.close()
        admin_context.close()
