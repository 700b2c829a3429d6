"""Accessibility in a real browser: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every
public page in English and Welsh, reflow at 320 CSS px, 200% zoom, keyboard use of the skip
link and navigation, the site without JavaScript, the language switcher, and no script errors
or Content-Security-Policy violations. Screenshots of every page go to
test-artifacts/screenshots/ (git-ignored) for a person to look at.

The pages come from the server's own /sitemap.xml, plus a 404 page in each language, so a new
page type in the demo content is checked without touching this file.
"""

import re

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

# Elements wider than the viewport, outermost first: what to fix when a page scrolls sideways.
OVERFLOWING_ELEMENTS_JS = """(limit) => {
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > limit + 1 && !found.some(parent => parent.contains(el))) {
      found.push(el);
    }
  }
  return found.slice(0, 5).map(el =>
    `<${el.tagName.toLowerCase()} class="${el.className}"> right edge ${Math.round(el.getBoundingClientRect().right)}px`);
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


def pages_to_check(site_paths, language):
    return [*site_paths[language], NOT_FOUND.format(language=language)]


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
    return "-".join(parts) or "home"


def describe_violations(path, violations):
    lines = []
    for violation in violations:
        lines.append(f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} "
                     f"[{violation['helpUrl']}]")
        for node in violation["nodes"]:
            target = " ".join(" >> ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    {target}")
            lines.append(f"        {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"        {summary[:300]}")
    return lines


def start_axe(page, axe):
    """Start axe-core (the copy axe-playwright-python ships) without waiting for it, so the
    phone and desktop pages, each in its own renderer process, are checked at the same time."""
    page.evaluate(axe.axe_script)
    page.evaluate("options => { window.__axeRun = axe.run(document, options); }", AXE_OPTIONS)


def finish_axe(page):
    return AxeResults(page.evaluate("() => window.__axeRun"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_passes_axe_wcag_a_and_aa_and_is_screenshotted(new_context, site_paths, screenshot_dir, language):
    """axe-core at phone and desktop widths (target size, menus and contrast can differ); the
    screenshots for a person to look at are taken on the same visit, before any assertion."""
    axe = Axe()
    problems = []
    paths = pages_to_check(site_paths, language)
    pages = {viewport["width"]: new_context(viewport=viewport).new_page() for viewport in (PHONE, DESKTOP)}
    for path in paths:
        for width, page in pages.items():
            open_page(page, path)
            page.screenshot(path=screenshot_dir / f"{language}-{slug(path)}-{width}.png", full_page=True)
            start_axe(page, axe)
        for width, page in pages.items():
            results = finish_axe(page).response
            assert results["passes"], f"axe-core checked nothing on {path} at {width}px"
            problems += describe_violations(f"{path} at {width}px", results["violations"])
    if problems:
        pytest.fail(f"axe-core found WCAG A/AA violations ({', '.join(AXE_TAGS)}) on the {len(paths)} "
                    f"{language} pages:\n" + "\n".join(problems))


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_reflow_at_320_css_pixels(new_context, site_paths, language):
    page = new_context(viewport=REFLOW).new_page()
    problems = []
    for path in pages_to_check(site_paths, language):
        open_page(page, path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > REFLOW["width"] + 1:
            offenders = page.evaluate(OVERFLOWING_ELEMENTS_JS, REFLOW["width"])
            problems.append(f"{path}: scrollWidth {scroll_width}px; too wide: {offenders}")
    if problems:
        pytest.fail("pages scroll sideways at 320 CSS px (WCAG 1.4.10):\n" + "\n".join(problems))


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_work_at_200_percent_zoom(new_context, site_paths, language):
    # Chrome at 200% on a 1280 x 900 window lays pages out in 640 CSS px at 2 device pixels each.
    page = new_context(viewport=ZOOM_200, device_scale_factor=2).new_page()
    problems = []
    for path in pages_to_check(site_paths, language):
        open_page(page, path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > ZOOM_200["width"] + 1:
            offenders = page.evaluate(OVERFLOWING_ELEMENTS_JS, ZOOM_200["width"])
            problems.append(f"{path}: scrollWidth {scroll_width}px; too wide: {offenders}")
        h1 = page.locator("main h1")
        if h1.count() != 1:
            problems.append(f"{path}: expected one <h1> in <main>, found {h1.count()}")
            continue
        box = h1.bounding_box()
        if not h1.is_visible() or box is None or box["x"] < 0 or box["x"] + box["width"] > ZOOM_200["width"] + 1:
            problems.append(f"{path}: the <h1> is not fully visible: {box}")
    if problems:
        pytest.fail("at 200% zoom (640 CSS px, WCAG 1.4.4):\n" + "\n".join(problems))


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
    assert visited_hrefs[first:first + len(nav_links)] == nav_links, (
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_script_errors_or_csp_violations(new_context, language):
    context = new_context()
    # Reported by the browser for every blocked script, style, image or connection.
    context.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));"
    )
    page = context.new_page()
    errors = []

    def on_console(message):
        if message.type == "error" or "Content Security Policy" in message.text:
            errors.append(f"console {message.type}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: errors.append(f"request failed: {request.url} {request.failure}"))
    open_page(page, f"/{language}/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')"), (
        "js/init.mjs did not run: GOV.UK Frontend was not started"
    )
    errors += [f"CSP violation: {v}" for v in page.evaluate("window.__cspViolations")]
    if errors:
        pytest.fail(f"on /{language}/:\n" + "\n".join(errors))
