"""A joint self-assessment in Chromium as its parties use it: a commissioner starts one and
invites a provider, each answers in their own browser (the provider in Welsh and without
JavaScript), each shares, and the joint result shows both; then the commissioner answers
again. axe-core checks every page of it (they are not in the sitemap); it needs JavaScript, so
the provider's pages are checked by opening the same addresses in a second browser."""

import re

import pytest

from .test_self_assessment import axe_violations, choose_first_answers

pytestmark = pytest.mark.browser


def answer_every_section(page, pick=choose_first_answers):
    for _ in range(12):
        if "/check/" in page.url:
            break
        pick(page)
        page.locator("main form button[type=submit]").click()
    assert "/check/" in page.url
    page.locator("main form button[type=submit]").click()
    assert re.search(r"/result/[0-9a-f-]+/$", page.url)


def choose_last_answers(page):
    """The last answer of every question: the other end of the scale from the first."""
    for group in page.query_selector_all("main fieldset"):
        if not group.query_selector("input:checked"):
            options = group.query_selector_all("input")
            if options:
                options[-1].check()


def test_commissioner_and_provider_assess_one_service_together(new_context):
    problems = []
    commissioner = new_context().new_page()
    checker = new_context().new_page()  # axe for the provider's pages, which run without JavaScript

    def check_provider_page():
        checker.goto(provider.url)
        return axe_violations(checker)

    commissioner.goto("/en/self-assessment/")
    commissioner.get_by_role("link", name="Start a joint self-assessment").click()
    problems += axe_violations(commissioner)
    commissioner.get_by_role("button", name="Start the joint self-assessment").click()
    assert (
        "Enter the name of the service you are assessing" in commissioner.locator(".govuk-error-summary").inner_text()
    )
    problems += axe_violations(commissioner)
    commissioner.get_by_label("Which service are you assessing?").fill("Family support after release")
    commissioner.get_by_label("Commissioner").check()
    commissioner.get_by_label("Your name or organisation (optional)").fill("Riverside Council")
    commissioner.get_by_role("button", name="Start the joint self-assessment").click()
    assert re.search(r"/joint/[0-9a-f-]+/$", commissioner.url)
    joint_url = commissioner.url
    problems += axe_violations(commissioner)

    # Open at first, since nobody has been invited yet ("Invite the other parties below").
    assert commissioner.locator("details", has_text="Invite someone else").get_attribute("open") is not None
    commissioner.get_by_label("Provider").check()
    commissioner.get_by_label("Their name or organisation (optional)").fill("Nacro")
    commissioner.get_by_role("button", name="Make an invitation link").click()
    invitation = commissioner.locator("main table a", has_text="/invitation/").first.get_attribute("href")
    problems += axe_violations(commissioner)

    # The provider opens the link in their own browser, and reads it in Welsh.
    provider = new_context(java_script_enabled=False).new_page()
    provider.goto(invitation.replace("/en/self-assessment/", "/cy/hunanasesiad/"))
    assert provider.locator("html").get_attribute("lang") == "cy"
    problems += check_provider_page()
    provider.locator("main form button[type=submit]").click()
    assert provider.url.endswith("/about-you/")
    assert provider.locator("input[name=role]").count() == 0
    problems += check_provider_page()
    provider.locator("main form button[type=submit]").click()
    answer_every_section(provider, pick=choose_last_answers)
    provider_result = provider.url

    commissioner.get_by_role("link", name="Answer your questions").click()
    commissioner.get_by_role("link", name="About you").click()
    commissioner.locator("main form button[type=submit]").click()
    answer_every_section(commissioner)

    # Finished but not shared: the commissioner's joint page shows nothing of the provider's answers.
    commissioner.goto(joint_url)
    assert "Nobody has shared their answers yet" in commissioner.locator("main").inner_text()
    provider.goto(provider_result)
    problems += check_provider_page()
    provider.locator("#joint form button[type=submit]").click()
    assert provider.url.startswith(joint_url.replace("/en/self-assessment/", "/cy/hunanasesiad/"))
    commissioner.goto(commissioner.url)
    commissioner.goto(joint_url)
    commissioner.get_by_role("link", name="Read your result and share it with the other parties").click()
    commissioner.get_by_role("button", name="Share my answers with the other parties").click()
    assert commissioner.url == joint_url
    table = commissioner.locator(".app-joint-table")
    assert table.locator("thead th").all_inner_texts() == [
        "Factor",
        "Commissioner (Riverside Council)",
        "Provider (Nacro)",
    ]
    assert commissioner.locator(".app-differences").first.is_visible()
    problems += axe_violations(commissioner)

    # A phone: the table scrolls in its own region, the page itself does not scroll sideways.
    commissioner.set_viewport_size({"width": 375, "height": 800})
    assert commissioner.evaluate("document.documentElement.scrollWidth") <= 375

    # Answer again: the new result says what moved.
    commissioner.set_viewport_size({"width": 1280, "height": 900})
    commissioner.get_by_role("link", name="Read your own result").click()
    commissioner.get_by_role("button", name="Answer again").click()
    assert commissioner.url.endswith("/check/")
    commissioner.locator("main form button[type=submit]").last.click()
    assert commissioner.locator(".app-changes").is_visible()
    problems += axe_violations(commissioner)
    assert not problems, "\n".join(problems)
