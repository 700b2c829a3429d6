"""The self-assessment end to end in Chromium: by keyboard alone, without JavaScript, in
English and Welsh, with axe-core on every step of the journey (these pages are not in the
sitemap, so the site-wide audit does not reach them)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def axe_violations(page):
    results = Axe().run(page, options=WCAG)
    return [
        f"{page.url}: {v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]


def choose_first_answers(page):
    """Pick the first answer of every question that has none (a mouse-free but quick way)."""
    for group in page.query_selector_all("main fieldset"):
        if not group.query_selector("input:checked"):
            first = group.query_selector("input")
            if first:
                first.check()


def test_whole_journey_by_keyboard_only_with_axe_on_every_step(new_context):
    page = new_context().new_page()
    problems = []
    page.goto("/en/self-assessment/")
    start = page.get_by_role("button", name=re.compile("Start now"))
    start.focus()
    with page.expect_navigation(url=re.compile(r"/about-you/$")):
        page.keyboard.press("Enter")
    problems += axe_violations(page)
    # About you: Tab into the radios, Space picks one, then Tab to Continue and press Enter.
    page.locator("#role").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Continue").focus()
    with page.expect_navigation(url=re.compile(r"/section/1/$")):
        page.keyboard.press("Enter")
    for _ in range(12):
        if "/check/" in page.url:
            break
        problems += axe_violations(page)
        groups = page.locator("main fieldset")
        for index in range(groups.count()):
            group = groups.nth(index)
            if group.locator("input:checked").count():
                continue
            group.locator("input").first.focus()
            page.keyboard.press("Space")  # selects a radio or ticks a checkbox
            assert group.locator("input:checked").count() == 1
        page.get_by_role("button", name="Save and continue").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert "/check/" in page.url
    problems += axe_violations(page)
    page.get_by_role("button", name="See my result").focus()
    with page.expect_navigation(url=re.compile(r"/result/[0-9a-f-]+/$")):
        page.keyboard.press("Enter")
    problems += axe_violations(page)
    assert page.locator("h1").inner_text() == "Your result"
    assert page.locator(".app-verdict-summary .govuk-tag").count() == 8
    assert not problems, "\n".join(problems)


def test_journey_without_javascript_shows_errors_and_keeps_answers(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/cy/hunanasesiad/")
    assert page.locator("html").get_attribute("lang") == "cy"
    page.locator("main form button[type=submit]").first.click()
    page.locator("#role").check()
    page.locator("main form button[type=submit]").click()
    # Submit section 1 with nothing chosen: a Welsh error summary, nothing lost.
    page.locator("main form button[type=submit]").click()
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Mae problem wedi codi" in summary.inner_text()
    choose_first_answers(page)
    page.locator("main form button[type=submit]").click()
    assert page.url.endswith("/section/2/")
    page.locator("a.govuk-back-link").click()  # the Back link keeps the answers
    assert page.url.endswith("/section/1/")
    assert page.locator("main input:checked").count() >= 2
    for _ in range(12):
        if "/check/" in page.url:
            break
        choose_first_answers(page)
        page.locator("main form button[type=submit]").click()
    page.locator("main form button[type=submit]").click()
    assert "/result/" in page.url
    assert page.locator("h1").inner_text() == "Eich canlyniad"
