"""The accessibility statement keeps its address, in Chromium: every page's footer finds the
statement by its English slug, "accessibility", so an Editor who changes that slug on the
Promote tab and clicks "Save draft" is told why it must stay, next to the field, and nothing is
saved; the same Editor can still revise the statement's words. The public footer keeps its link.

The stack is `make serve`'s (gunicorn, production settings) on a database of this module's own,
with the Editor made as an administrator would, signing in with two-step sign-in.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import MAKE_EDITOR_AND_MODERATOR
from .test_translation_moderation import signed_in, staff_server

pytestmark = pytest.mark.browser

TITLE_LABEL = re.compile(r"^Title\*?$")  # Wagtail marks it required: "Title*"
SLUG = re.compile(r"^Slug\b")  # the field is named "Slug*" (required)
NEW_TITLE = "Accessibility statement (revised)"

SET_UP = (
    MAKE_EDITOR_AND_MODERATOR
    + """import json
from pbr_site.core.models import StandardPage

statement = StandardPage.objects.live().get(locale__language_code="en", slug="accessibility")
print(json.dumps({"id": statement.pk, "url": statement.get_url(), "revisions": statement.revisions.count()}))
"""
)

STATEMENT_NOW = """import django, json, sys
django.setup()
from pbr_site.core.models import StandardPage

statement = StandardPage.objects.get(pk=int(sys.argv[1]))
draft = statement.get_latest_revision_as_object()
print(json.dumps({"slug": statement.slug, "draft_slug": draft.slug, "draft_title": draft.title,
                  "revisions": statement.revisions.count()}))
"""


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    yield from staff_server(request, tmp_path_factory, "accessibility-statement-server", SET_UP)


def test_an_editor_cannot_move_the_statement_away_from_the_footers_link(browser, server):
    statement = server.page
    editor_context, editor = signed_in(browser, server, "editor")
    try:
        editor.goto(f"/admin/pages/{statement['id']}/edit/")
        editor.get_by_role("tab", name="Promote").click()
        slug = editor.get_by_role("textbox", name=SLUG)
        expect(slug).to_have_value("accessibility")
        slug.fill("accessibility-statement")
        with editor.expect_navigation():
            editor.get_by_role("button", name="Save draft").click()

        expect(editor.locator(".messages li").first).to_contain_text("could not be saved")
        editor.get_by_role("tab", name="Promote").click()
        field = editor.locator("[data-field-wrapper]").filter(has=editor.get_by_role("textbox", name=SLUG))
        expect(field).to_contain_text("every page’s footer links to it")
        # What they typed is kept, and nothing was saved.
        expect(editor.get_by_role("textbox", name=SLUG)).to_have_value("accessibility-statement")
        assert server.django(STATEMENT_NOW, statement["id"])["revisions"] == statement["revisions"]

        # The words are the Editor's to change: the slug as it was, a new title, saved.
        editor.get_by_role("textbox", name=SLUG).fill("accessibility")
        editor.get_by_role("tab", name="Content").click()
        editor.get_by_label(TITLE_LABEL).fill(NEW_TITLE)
        with editor.expect_navigation():
            editor.get_by_role("button", name="Save draft").click()
        expect(editor.locator(".messages li").first).to_contain_text("has been updated")
        now = server.django(STATEMENT_NOW, statement["id"])
        assert now["draft_title"] == NEW_TITLE and now["slug"] == now["draft_slug"] == "accessibility"
    finally:
        editor_context.close()

    reader = browser.new_context(base_url=server.url)
    try:
        page = reader.new_page()
        assert page.goto("/en/").status == 200
        footer_link = page.locator("footer").get_by_role("link", name="Accessibility statement")
        expect(footer_link).to_have_attribute("href", statement["url"])
    finally:
        reader.close()
