"""Chromium's print of a self-assessment result: the whole width of an A4 page, at most 4 pages
for the demo questionnaire, in English and Welsh, and no word broken across lines."""

import io
import re

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser
MAX_PAGES = 4
START = {"en": "/en/self-assessment/", "cy": "/cy/hunanasesiad/"}


def answer_everything(page, language, pick):
    """The whole journey without JavaScript, answering every question with its first or its
    last answer ("Don't know", "Strongly disagree": the weakest, so the longest result)."""
    page.goto(START[language])
    page.locator("main form button[type=submit]").first.click()
    page.locator("#role").check()
    page.locator("main form button[type=submit]").click()
    for _ in range(15):
        if "/check/" in page.url:
            break
        for group in page.locator("main fieldset").all():
            inputs = group.locator("input")
            if inputs.count():
                (inputs.first if pick == "first" else inputs.last).check()
        page.locator("main form button[type=submit]").click()
    page.locator("main form button[type=submit]").click()
    assert re.search(r"/result/[0-9a-f-]+/$", page.url), page.url


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("pick", ["first", "last"])
def test_the_result_prints_full_width_on_at_most_4_a4_pages(new_context, language, pick):
    page = new_context(java_script_enabled=False).new_page()
    answer_everything(page, language, pick)
    # Chromium refuses to print ("Printing failed") while the page is still loading.
    page.wait_for_load_state("networkidle")
    pdf = page.pdf(format="A4")
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages <= MAX_PAGES, f"{pages} pages"

    # Laid out as on paper: A4 is 210mm wide, less the 12mm margins each side (_print.scss).
    page.set_viewport_size({"width": round((210 - 24) / 25.4 * 96), "height": 1100})
    page.emulate_media(media="print")
    printable = page.evaluate("document.documentElement.clientWidth")
    for selector in (".app-verdict", ".app-result"):
        box = page.locator(selector).bounding_box()
        assert box["width"] >= 0.9 * printable, (selector, box, printable)
    # No word is broken across lines: every element's text wraps between words only.
    breaking = page.evaluate("""() => [...document.querySelectorAll('main *')]
        .filter(el => {
          const style = getComputedStyle(el);
          return style.wordBreak === 'break-all' || style.hyphens === 'auto'
            || (style.overflowWrap !== 'normal' && !el.closest('.app-break-all, .app-no-print'));
        })
        .map(el => el.tagName + '.' + el.className)""")
    assert not breaking, breaking
