"""A Welsh translation goes through moderation, in Chromium, through wagtail-localize's screens.

An Editor (who may not publish) clicks "Translate this page" on an English digest that has no
Welsh version: the Welsh page is a draft and its public address answers 404. The Editor
translates the title in wagtail-localize's translation editor, which offers them no "Publish",
and submits it for moderation from the editor's own message. Still 404. A Moderator finds it
under "Awaiting your review" on the dashboard and approves it: the Welsh page is live with the
Editor's words. (site/core/translation_moderation.py; the server-side rules are in
tests/core/test_translation_moderation.py.)

As in test_admin_questionnaire.py: `make serve`'s production stack on a database of this
module's own (it adds a page), staff made as an administrator would, and each signs in with
an enrolment link and sets up two-step sign-in on the admin's set-up page.
"""

import json
import re
import secrets

import pytest
from playwright.sync_api import expect

from tests.servers import production_env, production_like_server

from .conftest import MAKE_EDITOR_AND_MODERATOR, enrol_and_sign_in, enrolment_link, run_on_server

pytestmark = pytest.mark.browser

ADMIN_TIMEOUT = 30_000
WELSH_TITLE = "Pwrpas clir: cyfieithiad y golygydd"

DJANGO = "import django\ndjango.setup()\n"
SET_UP = (
    MAKE_EDITOR_AND_MODERATOR
    + """import json
from literature.models import DigestPage
from wagtail.models import Locale

welsh = Locale.objects.get(language_code="cy")
english_digests = DigestPage.objects.live().filter(locale__language_code="en").order_by("path")
digest = next((page for page in english_digests if page.get_translation_or_none(welsh) is None), None)
if digest is None:  # every demo digest is in Welsh: a new English digest is what an editor translates
    digest = english_digests.first().copy(
        update_attrs={"title": "A new digest not yet in Welsh", "slug": "new-digest"},
        keep_live=True, reset_translation_key=True,
    ).specific
print(json.dumps({"id": digest.pk, "title": digest.title}))
"""
)
WELSH_PAGE = f"""{DJANGO}
import json, sys
from wagtail.models import Locale, Page

page = Page.objects.get(pk=int(sys.argv[1])).get_translation(Locale.objects.get(language_code="cy"))
print(json.dumps({{"id": page.pk, "path": page.get_url(), "live": page.live}}))
"""


class Server:
    def __init__(self, url, env, passwords):
        self.url, self.env, self.passwords = url, env, passwords

    def django(self, script, *args, env=None):
        output = run_on_server(self.env, "-c", script, *args, extra_env=env)
        return json.loads(output.strip().splitlines()[-1])


def staff_server(request, tmp_path_factory, name, set_up):
    """A production-like server of a module's own, with the Editor and the Moderator made by
    `set_up` (a script starting with MAKE_EDITOR_AND_MODERATOR); server.page is what the script
    printed last, as JSON: the page the module works on."""
    cache = getattr(request.config, "cache", None)
    cache_dir = cache.mkdir("production-like-server") if cache else None
    workdir = tmp_path_factory.mktemp(name)
    with production_like_server(workdir, cache_dir=cache_dir) as url:
        passwords = {name: secrets.token_urlsafe(16) for name in ("editor", "moderator")}
        server = Server(url, production_env(workdir), passwords)
        server.page = server.django(set_up, env={f"PASSWORD_{name.upper()}": pw for name, pw in passwords.items()})
        yield server


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    yield from staff_server(request, tmp_path_factory, "translation-moderation-server", SET_UP)


def signed_in(browser, server, username):
    """A context signed in as `username`: an enrolment link from an administrator, the
    password, then the authenticator app set up (tests/browser/conftest.py)."""
    link = enrolment_link(server.env, username)
    return enrol_and_sign_in(browser, server.url, link, username, server.passwords[username], timeout=ADMIN_TIMEOUT)


def test_an_editors_welsh_translation_is_published_only_when_a_moderator_approves_it(browser, server):
    reader = browser.new_context(base_url=server.url)
    reader_page = reader.new_page()
    editor_context, editor = signed_in(browser, server, "editor")
    try:
        # --- the Editor: Translate this page, from the English digest's own header ---
        editor.goto(f"/admin/pages/{server.page['id']}/edit/")
        editor.locator("header").get_by_role("button", name="Actions").click()
        editor.get_by_role("link", name="Translate this page").click()
        editor.get_by_label("Welsh").check()
        with editor.expect_navigation(url=re.compile(r"/admin/pages/\d+/edit/$")):
            editor.get_by_role("button", name="Submit").click()
        welsh = server.django(WELSH_PAGE, server.page["id"])
        assert not welsh["live"], "Translate this page made a live Welsh page"
        assert reader_page.goto(welsh["path"]).status == 404

        # --- the translation editor: no Publish for an Editor; translate the title ---
        expect(editor.locator(".js-translation-editor li").first).to_be_visible()
        expect(editor.get_by_role("button", name=re.compile("^Publish in"))).to_have_count(0)
        title = editor.locator(".js-translation-editor li").filter(has_text=server.page["title"]).first
        title.get_by_role("button", name="Translate").click()
        title.locator("textarea").fill(WELSH_TITLE)
        title.get_by_role("button", name="Save").click()
        expect(title).to_contain_text(WELSH_TITLE)
        expect(title.get_by_role("button", name="Edit")).to_be_visible()  # saved, not "Saving..."

        # --- Submit for moderation, from the editor's own message ---
        message = editor.locator(".messages li").filter(has_text="Only a Moderator can publish this translation")
        message.get_by_role("link", name="Submit for moderation").click()
        expect(editor.get_by_text("It goes live only when a Moderator approves it.")).to_be_visible()
        with editor.expect_navigation():
            editor.get_by_role("button", name="Submit to Moderators approval").click()
        expect(editor.locator(".messages li").first).to_contain_text("has been submitted for moderation")
        assert not server.django(WELSH_PAGE, server.page["id"])["live"]
        assert reader_page.goto(welsh["path"]).status == 404
    finally:
        editor_context.close()

    # --- the Moderator approves it from the dashboard ---
    moderator_context, moderator = signed_in(browser, server, "moderator")
    try:
        review = moderator.locator("section", has=moderator.get_by_role("heading", name="Awaiting your review"))
        row = review.get_by_role("row").filter(has=moderator.get_by_role("link", name=WELSH_TITLE))
        expect(row).to_have_count(1)
        row.get_by_role("button", name="Actions").click()
        with moderator.expect_navigation():
            row.get_by_role("button", name="Approve", exact=True).click()
        expect(row).to_have_count(0)
    finally:
        moderator_context.close()

    # --- the public: the Welsh page is live, with the Editor's words ---
    assert server.django(WELSH_PAGE, server.page["id"])["live"]
    response = reader_page.goto(welsh["path"])
    assert response.status == 200
    expect(reader_page.locator("main h1")).to_have_text(WELSH_TITLE)
    reader.close()
