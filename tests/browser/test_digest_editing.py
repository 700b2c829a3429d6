"""An Editor revises a digest's themes in Wagtail's page editor, in Chromium: the tag widget's
JavaScript (jQuery tag-it, autocomplete only) is what writes the themes and sectors into the form,
so this is the round trip the server-side tests cannot prove (tests/literature/test_tag_names.py
posts the rendered form back).

The Editor removes one theme with its ×, adds another by typing the start of its name and picking it
from the suggestions, changes the title and clicks "Save draft": reopened, the page shows exactly
the new themes and the sectors it had. They submit it; a Moderator approves it from the
dashboard; the public digest shows the new title and themes, and the added theme's page lists it.

The stack is `make serve`'s (gunicorn, production settings) on a database of this module's own,
with staff made as an administrator would, each signing in with two-step sign-in.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import MAKE_EDITOR_AND_MODERATOR
from .test_translation_moderation import signed_in, staff_server

pytestmark = pytest.mark.browser

DIGEST_SLUG = "attribution-and-external-factors"
ADDED_THEME = "gaming: cream-skimming and parking"
TITLE_LABEL = re.compile(r"^Title\*?$")  # Wagtail marks it required: "Title*"
NEW_TITLE = "Revised in the browser: what the evidence says"

SET_UP = (
    MAKE_EDITOR_AND_MODERATOR
    + f"""import json
from literature.models import DigestPage

# Chosen by slug: its themes have no quotes of their own (tag-it shows a name with spaces in quotes).
digest = DigestPage.objects.live().get(locale__language_code="en", slug={DIGEST_SLUG!r})
assert digest.theme_tags.count() >= 2 and not digest.theme_tags.filter(name={ADDED_THEME!r}).exists()
print(json.dumps({{
    "id": digest.pk,
    "url": digest.get_url(),
    "themes": sorted(tag.name for tag in digest.theme_tags.all()),
    "sectors": sorted(tag.name for tag in digest.sector_tags.all()),
}}))
"""
)


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    yield from staff_server(request, tmp_path_factory, "digest-editing-server", SET_UP)


def tags_in(page, field_name):
    """The tags the widget shows for a field, as the editor reads them (quotes are tag-it's)."""
    field = page.locator("[data-field-input]").filter(has=page.locator(f"[name={field_name}]"))
    return sorted(label.strip('"') for label in field.locator(".tagit-choice .tagit-label").all_inner_texts())


def test_an_editor_changes_a_digests_themes_and_they_are_kept_through_moderation(browser, server):
    digest = server.page
    removed, kept = digest["themes"][-1], digest["themes"][:-1]
    expected_themes = sorted([*kept, ADDED_THEME])

    editor_context, editor = signed_in(browser, server, "editor")
    try:
        editor.goto(f"/admin/pages/{digest['id']}/edit/")
        assert tags_in(editor, "theme_tags") == digest["themes"]
        assert tags_in(editor, "sector_tags") == digest["sectors"]

        editor.get_by_label(TITLE_LABEL).fill(NEW_TITLE)
        themes = editor.locator("[data-field-input]").filter(has=editor.locator("[name=theme_tags]"))
        themes.locator(".tagit-choice").filter(has_text=removed).locator(".tagit-close").click()
        themes.locator(".tagit-new input").press_sequentially("gam", delay=30)  # Wagtail suggests tags by their start
        editor.locator("ul.ui-autocomplete:visible li").filter(has_text=ADDED_THEME).click()
        assert tags_in(editor, "theme_tags") == expected_themes

        with editor.expect_navigation():
            editor.get_by_role("button", name="Save draft").click()
        expect(editor.locator(".messages li").first).to_contain_text("has been updated")
        editor.goto(f"/admin/pages/{digest['id']}/edit/")  # reopened, from the saved draft
        assert editor.get_by_label(TITLE_LABEL).input_value() == NEW_TITLE
        assert tags_in(editor, "theme_tags") == expected_themes
        assert tags_in(editor, "sector_tags") == digest["sectors"]

        editor.get_by_role("navigation", name="Actions (footer)").get_by_role("button", name="More actions").click()
        with editor.expect_navigation():
            editor.get_by_role("button", name="Submit to Moderators approval").click()
        expect(editor.locator(".messages li").first).to_contain_text("has been submitted for moderation")
    finally:
        editor_context.close()

    moderator_context, moderator = signed_in(browser, server, "moderator")
    try:
        review = moderator.locator("section", has=moderator.get_by_role("heading", name="Awaiting your review"))
        row = review.get_by_role("row").filter(has=moderator.get_by_role("link", name=NEW_TITLE))
        row.get_by_role("button", name="Actions").click()
        with moderator.expect_navigation():
            row.get_by_role("button", name="Approve", exact=True).click()
        expect(row).to_have_count(0)
    finally:
        moderator_context.close()

    reader = browser.new_context(base_url=server.url)
    try:
        page = reader.new_page()
        assert page.goto(digest["url"]).status == 200
        expect(page.locator("main h1")).to_have_text(NEW_TITLE)
        main = page.locator("main")
        for theme in expected_themes:
            expect(main.get_by_role("link", name=re.compile(f"^{re.escape(theme)}$", re.I))).to_have_count(1)
        expect(main.get_by_role("link", name=re.compile(f"^{re.escape(removed)}$", re.I))).to_have_count(0)
        with page.expect_navigation():
            main.get_by_role("link", name=re.compile(f"^{re.escape(ADDED_THEME)}$", re.I)).click()
        expect(page.locator("main").get_by_role("link", name=NEW_TITLE)).to_have_count(1)
    finally:
        reader.close()
