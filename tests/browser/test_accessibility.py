"""Accessibility in a real browser: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every
public page in English and Welsh, reflow at 320 CSS px, 200% zoom, keyboard use of the skip
link and navigation, the site without JavaScript, the language switcher, and no script errors
or Content-Security-Policy violations. Screenshots of every page go to
test-artifacts/screenshots/ (git-ignored) for a person to look at.

The pages come from the server's own /sitemap.xml, plus a 404 page in each language, so a new
page type in the demo content is checked without touching this file.
"""

import base64
import re
from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe, AxeResults
from playwright.sync_api import expect

from .conftest import DESKTOP, LANGUAGES

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
PHONE = {"width": 375, "height": 812}
REFLOW = {"width": 320, "height": 256}  # WCAG 1.4.10: 1280 CSS px at 400%
ZOOM_200 = {"width": 640, "height": 450}  # a 1280 x 900 window at 200% zoom
GOVUK_FOCUS_YELLOW = "rgb(255, 221, 0)"
NOT_FOUND = "/{language}/no-such-page/"

# The page as laid out now: how wide the document is, the elements wider than the viewport
# (outermost first: what to fix when a page scrolls sideways), and whether <main>'s one <h1>
# is visible and fits across the viewport.
LAYOUT_JS = """() => {
  const limit = window.innerWidth + 1;
  const tooWide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > limit && !tooWide.some(parent => parent.contains(el))) tooWide.push(el);
  }
  const headings = document.querySelectorAll('main h1');
  let h1Problem = null;
  if (headings.length !== 1) {
    h1Problem = `expected one <h1> in <main>, found ${headings.length}`;
  } else {
    const box = headings[0].getBoundingClientRect();
    if (!headings[0].checkVisibility({visibilityProperty: true, opacityProperty: true})
        || !box.width || !box.height || box.left < 0 || box.right > limit) {
      h1Problem = `the <h1> is not fully visible: ${JSON.stringify(box)}`;
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    tooWide: tooWide.slice(0, 5).map(el => `<${el.tagName.toLowerCase()} class="${el.className}"> `
      + `right edge ${Math.round(el.getBoundingClientRect().right)}px`),
    h1Problem,
  };
}"""

# Everything a Tab press can reach, in DOM order (all the site's controls have tabindex 0 or none).
TABBABLE_JS = """() => Array.from(document.querySelectorAll(
    'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), '
    + 'textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'))
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'
    && !el.closest('[hidden], [inert]'))
  .map(el => el.outerHTML.slice(0, 120))"""

ACTIVE_ELEMENT_JS = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    html: el.outerHTML.slice(0, 120), id: el.id, text: el.innerText.trim(),
    href: el.getAttribute('href'),
    inViewport: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0
      && box.right <= innerWidth && box.bottom <= innerHeight,
    background: style.backgroundColor, boxShadow: style.boxShadow,
    outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
  };
}"""


# Site search is a view, not a page in the sitemap: its empty form, results (with filters,
# highlights and pagination), the page that found nothing, and a very long query.
SEARCHES = (
    "/{language}/search/",
    "/{language}/search/?q=payment",
    "/{language}/search/?q=zzzqx",
    "/{language}/search/?q=" + "x" * 190,  # a long unbroken query must wrap at 320 px
)


def pages_to_check(site_paths, language):
    searches = [search.format(language=language) for search in SEARCHES]
    return [*site_paths[language], *searches, NOT_FOUND.format(language=language)]


def open_page(page, path):
    """Go to path and check it answered as expected (200, or 404 for the not-found page)."""
    response = page.goto(path, wait_until="load")
    expected = 404 if path.endswith("/no-such-page/") else 200
    assert response is not None and response.status == expected, (
        f"{path} answered {response and response.status}, expected {expected}"
    )
    return response


def slug(path):
    """/en/ -> home, /cy/pecyn-adnoddau/ -> pecyn-adnoddau, /en/a/b/ -> a-b."""
    parts = path.strip("/").split("/")[1:]
    return re.sub(r"[^\w-]+", "-", "-".join(parts)).strip("-") or "home"


def describe_violations(path, violations):
    lines = []
    for violation in violations:
        lines.append(f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            target = " ".join(" >> ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    {target}")
            lines.append(f"        {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"        {summary[:300]}")
    return lines


def start_axe(page):
    """Start axe-core without waiting for it, so that another page, in its own renderer
    process, can be screenshotted or checked meanwhile. The page's context must have been
    given axe-core with with_axe()."""
    page.evaluate(
        # axe.run() does much of its work before it returns its promise: start it on the next tick.
        "options => { window.__axeRun = new Promise(later => setTimeout(later)).then(() => axe.run(document, options)); }",
        AXE_OPTIONS,
    )


def finish_axe(page):
    return AxeResults(page.evaluate("() => window.__axeRun")).response


def with_axe(context):
    """Load axe-core (the copy axe-playwright-python ships) into every page of context as the
    page loads: sending its 500 kB to each page with page.evaluate() costs more than the check."""
    context.add_init_script(Axe().axe_script)
    return context


def watch_for_errors(context):
    """Collect script errors, console errors and Content-Security-Policy violations of every
    page in context into context.errors (a list of (url, message))."""
    context.errors = []
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));"
    )

    def on_page(page):
        def on_console(message):
            expected_404 = "404" in message.text and page.url.endswith("/no-such-page/")
            if (message.type == "error" and not expected_404) or "Content Security Policy" in message.text:
                context.errors.append((page.url, f"console {message.type}: {message.text}"))

        page.on("console", on_console)
        page.on("pageerror", lambda error: context.errors.append((page.url, f"script error: {error}")))

    context.on("page", on_page)
    return context


def full_page_screenshot(page, path):
    """Playwright's page.screenshot(full_page=True), about twice as fast: Chromium draws the
    whole page without resizing the viewport and encodes the PNG for speed, not size."""
    cdp = page.context.new_cdp_session(page)
    try:
        width, height = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        shot = cdp.send(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "optimizeForSpeed": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
        )
    finally:
        cdp.detach()
    path.write_bytes(base64.b64decode(shot["data"]))


def layout_at(page, viewport):
    """Lay the loaded page out at viewport (as resizing the window would) and measure it."""
    page.set_viewport_size(viewport)
    return page.evaluate(LAYOUT_JS)


@dataclass
class PageAudit:
    path: str
    status: int = 0
    violations: dict = field(default_factory=dict)  # viewport width -> axe violations
    passes: dict = field(default_factory=dict)  # viewport width -> number of rules that passed
    reflow: dict = field(default_factory=dict)  # LAYOUT_JS at 320 CSS px
    zoom: dict = field(default_factory=dict)  # LAYOUT_JS at 640 CSS px
    screenshots: list = field(default_factory=list)


@pytest.fixture(scope="session", params=LANGUAGES)
def audit(request, browser, site_url, site_paths, screenshot_dir):
    """Every page of one language, visited once at desktop and once at phone width:
    axe-core at both widths, a full-page screenshot at both, and (resizing the phone-width
    page) reflow at 320 CSS px and 200% zoom. The tests below assert on what was found, so
    each concern fails on its own while each page is loaded only twice."""
    language = request.param
    contexts = [
        with_axe(watch_for_errors(browser.new_context(base_url=site_url, viewport=viewport)))
        for viewport in (DESKTOP, PHONE)
    ]
    for context in contexts:
        context.set_default_timeout(15_000)
    desktop, phone = (context.new_page() for context in contexts)
    results = []
    try:
        for path in pages_to_check(site_paths, language):
            found = PageAudit(path)
            results.append(found)
            shots = {
                width: screenshot_dir / f"{language}-{slug(path)}-{width}.png"
                for width in (PHONE["width"], DESKTOP["width"])
            }
            # Both pages load at once; each is then used only once it has loaded.
            response = desktop.goto(path, wait_until="commit")
            phone.goto(path, wait_until="commit")
            desktop.wait_for_load_state()
            phone.wait_for_load_state()
            found.status = response.status
            start_axe(desktop)
            # While axe-core works on the desktop page, the phone-width page is screenshotted
            # and laid out at 320 CSS px and at 200% zoom (1280 x 900 at 200% is 640 x 450 CSS px).
            full_page_screenshot(phone, shots[PHONE["width"]])
            found.reflow = layout_at(phone, REFLOW)
            found.zoom = layout_at(phone, ZOOM_200)
            phone.set_viewport_size(PHONE)
            start_axe(phone)
            axe_desktop = finish_axe(desktop)
            full_page_screenshot(desktop, shots[DESKTOP["width"]])
            axe_phone = finish_axe(phone)
            for width, axe_results in ((DESKTOP["width"], axe_desktop), (PHONE["width"], axe_phone)):
                found.violations[width] = axe_results["violations"]
                found.passes[width] = len(axe_results["passes"])
            found.screenshots = list(shots.values())
        desktop.goto(f"/{language}/")
        desktop.wait_for_load_state("networkidle")
        frontend_started = desktop.evaluate("document.body.classList.contains('govuk-frontend-supported')")
        errors = [error for context in contexts for error in context.errors]
    finally:
        for context in contexts:
            context.close()
    return {"language": language, "pages": results, "errors": errors, "frontend_started": frontend_started}


def test_every_page_answers(audit):
    wrong = [
        f"{page.path} answered {page.status}"
        for page in audit["pages"]
        if page.status != (404 if page.path.endswith("/no-such-page/") else 200)
    ]
    assert not wrong, "\n".join(wrong)


def test_axe_finds_no_wcag_a_or_aa_violations(audit):
    problems = []
    for page in audit["pages"]:
        for width, violations in page.violations.items():
            assert page.passes[width], f"axe-core checked nothing on {page.path} at {width}px"
            problems += describe_violations(f"{page.path} at {width}px", violations)
    if problems:
        pytest.fail(
            f"axe-core found WCAG A/AA violations ({', '.join(AXE_TAGS)}) on the "
            f"{len(audit['pages'])} {audit['language']} pages:\n" + "\n".join(problems)
        )


def test_pages_reflow_at_320_css_pixels(audit):
    problems = [
        f"{page.path}: scrollWidth {page.reflow['scrollWidth']}px; too wide: {page.reflow['tooWide']}"
        for page in audit["pages"]
        if page.reflow["scrollWidth"] > REFLOW["width"] + 1
    ]
    if problems:
        pytest.fail("pages scroll sideways at 320 CSS px (WCAG 1.4.10):\n" + "\n".join(problems))


def test_pages_work_at_200_percent_zoom(audit):
    problems = [
        f"{page.path}: scrollWidth {page.zoom['scrollWidth']}px; too wide: {page.zoom['tooWide']}"
        for page in audit["pages"]
        if page.zoom["scrollWidth"] > ZOOM_200["width"] + 1
    ]
    problems += [f"{page.path}: {page.zoom['h1Problem']}" for page in audit["pages"] if page.zoom["h1Problem"]]
    if problems:
        pytest.fail("at 200% zoom (640 CSS px, WCAG 1.4.4):\n" + "\n".join(problems))


def test_screenshots_of_every_page_at_phone_and_desktop_width(audit):
    files = [file for page in audit["pages"] for file in page.screenshots]
    assert len(files) == 2 * len(audit["pages"])
    small = [file.name for file in files if not file.exists() or file.stat().st_size < 1000]
    assert not small, f"missing or empty screenshots: {small}"


def test_no_script_errors_or_csp_violations(audit):
    assert audit["frontend_started"], "js/init.mjs did not run: GOV.UK Frontend was not started"
    if audit["errors"]:
        pytest.fail("\n".join(f"{url}: {message}" for url, message in audit["errors"]))


def test_keyboard_skip_link_then_navigation_in_dom_order(page):
    open_page(page, "/en/")
    skip_link = page.locator("a.govuk-skip-link")
    unfocused = skip_link.evaluate(
        "el => ({background: getComputedStyle(el).backgroundColor, boxShadow: getComputedStyle(el).boxShadow})"
    )

    page.keyboard.press("Tab")
    focused = page.evaluate(ACTIVE_ELEMENT_JS)
    assert focused["href"] == "#main-content", f"the first Tab should reach the skip link, not {focused['html']}"
    assert focused["inViewport"], "the focused skip link should be visible inside the viewport"
    assert (focused["background"], focused["boxShadow"]) != (unfocused["background"], unfocused["boxShadow"]), (
        f"the focused skip link looks the same as unfocused: {focused}"
    )
    assert GOVUK_FOCUS_YELLOW in (focused["background"] + focused["boxShadow"]), (
        f"the focused skip link should have GOV.UK's yellow focus style: {focused}"
    )

    # Tabbing on visits every control in DOM order, each visible and visibly focused.
    expected = page.evaluate(TABBABLE_JS)[:12]
    visited = [focused]
    for _ in range(len(expected) - 1):
        page.keyboard.press("Tab")
        visited.append(page.evaluate(ACTIVE_ELEMENT_JS))
    assert [element["html"] for element in visited] == expected, "Tab order differs from DOM order"
    for element in visited:
        assert element["inViewport"], f"focused but not visible: {element['html']}"
        assert element["boxShadow"] != "none" or element["background"] == GOVUK_FOCUS_YELLOW, (
            f"no visible focus indicator on {element['html']}: {element}"
        )
    nav_links = page.locator(".govuk-service-navigation__list a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    visited_hrefs = [element["href"] for element in visited]
    assert nav_links and nav_links[0] in visited_hrefs, f"no service navigation link among {visited_hrefs}"
    first = visited_hrefs.index(nav_links[0])
    assert visited_hrefs[first : first + len(nav_links)] == nav_links, (
        f"the service navigation links {nav_links} should be focused one after another: {visited_hrefs}"
    )

    # Enter on the skip link moves focus to the main content.
    open_page(page, "/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#main-content'")
    active = page.evaluate(ACTIVE_ELEMENT_JS)
    assert active["id"] == "main-content", f"focus should move to <main>, not {active['html']}"
    main_top = page.locator("#main-content").bounding_box()["y"]
    assert 0 <= main_top < DESKTOP["height"], f"<main> should be scrolled into view (top at {main_top}px)"


def assert_renders_heading_and_navigation(page):
    assert page.locator("main h1").is_visible()
    nav_links = page.locator(".govuk-service-navigation__list a")
    assert nav_links.count() >= 3
    for index in range(nav_links.count()):
        assert nav_links.nth(index).is_visible(), f"navigation link {index} is hidden without JavaScript"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_site_works_without_javascript(new_context, viewport):
    page = new_context(java_script_enabled=False, viewport=viewport).new_page()
    open_page(page, "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_renders_heading_and_navigation(page)

    page.get_by_role("link", name="Cymraeg", exact=True).click()
    expect(page).to_have_url(re.compile(r"/cy/$"))
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    assert_renders_heading_and_navigation(page)


def test_language_switcher_leads_to_the_translation_and_back(page):
    open_page(page, "/en/about/")
    english_title = page.locator("main h1").inner_text()

    page.get_by_role("link", name="Cymraeg", exact=True).click()
    expect(page).to_have_url(re.compile(r"/cy/[^/]+/$"))  # a Welsh page, not the Welsh home page
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("main h1")).not_to_have_text(english_title)
    # The Welsh page names the English one as its translation.
    expect(page.locator("link[rel=alternate][hreflang=en]")).to_have_attribute("href", re.compile(r"/en/about/$"))

    page.get_by_role("link", name="English", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/about/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main h1")).to_have_text(english_title)
