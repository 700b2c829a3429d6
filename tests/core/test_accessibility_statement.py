"""The accessibility statement: in the demo content in both languages, linked from every
page's footer in the visitor's language, and saying what the browser tests check."""

import pytest
from bs4 import BeautifulSoup
from pbr_site.core.models import HomePage, StandardPage

from literature.models import DigestPage


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def statement(db, english):
    return StandardPage.objects.live().get(locale=english, slug="accessibility")


@pytest.fixture
def statement_cy(statement, welsh):
    return statement.get_translation(welsh)


def footer_links(client, url):
    footer = soup_of(client.get(url)).find("footer")
    return {a["href"]: a.get_text(strip=True) for a in footer.find_all("a")}


@pytest.mark.django_db
def test_the_statement_is_a_live_page_under_each_home_page_but_not_in_the_menus(statement, statement_cy):
    assert statement.title == "Accessibility statement"
    assert statement_cy.live and statement_cy.slug == "hygyrchedd"
    assert statement_cy.title == "Datganiad hygyrchedd"
    for page in (statement, statement_cy):
        assert isinstance(page.get_parent().specific, HomePage)
        assert not page.show_in_menus


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_footer_of_every_kind_of_page_links_to_the_statement_in_its_language(
    client, demo_page, statement, statement_cy, language
):
    expected = statement if language == "en" else statement_cy
    for page in (demo_page(HomePage, language), demo_page(DigestPage, language)):
        assert footer_links(client, page.url).get(expected.url) == expected.title, page.url
    # Pages that are not Wagtail pages have the same footer.
    for url in (f"/{language}/search/?q=payment", f"/{language}/no-such-page/"):
        response = client.get(url)
        footer = BeautifulSoup(response.content, "html.parser").find("footer")
        assert footer.find("a", href=expected.url), url


@pytest.mark.django_db
def test_the_statement_is_not_in_the_header_navigation(client, statement):
    header = soup_of(client.get(statement.url)).find("header")
    assert not header.find("a", href=statement.url)


@pytest.mark.django_db
def test_without_a_statement_the_footer_simply_has_no_link(client, home, statement):
    statement.unpublish()
    links = footer_links(client, home.url)
    assert statement.url not in links
    assert "Accessibility statement" not in links.values()
    # The menu pages are still listed.
    assert any(title == "About the toolkit" for title in links.values())


@pytest.mark.django_db
def test_the_statement_names_what_the_browser_tests_check(client, statement):
    text = " ".join(soup_of(client.get(statement.url)).find("main").get_text(" ").split())
    for phrase in (
        "WCAG 2.2",
        "axe-core",
        "320 pixels wide",
        "200% zoom",
        "keyboard",
        "without JavaScript",
        "in English and in Welsh",
        "every time its code changes",
        "partially compliant",
        "not yet tested the site by hand with screen readers",
        "a PDF document made from the digests, in English and in Welsh",
        "last reviewed on 4 December 2026",
        "accessibility@clinks.org",
        "within 5 working days",
        "Equality and Human Rights Commission",
        "Equality Advisory and Support Service",
        "1 December 2026",
    ):
        assert phrase in text, phrase


@pytest.mark.django_db
def test_the_welsh_statement_is_in_welsh(client, statement_cy):
    html = soup_of(client.get(statement_cy.url))
    assert html.html["lang"] == "cy"
    text = " ".join(html.find("main").get_text(" ").split())
    for phrase in ("WCAG 2.2", "320 picsel", "bysellfwrdd", "heb JavaScript", "5 diwrnod gwaith", "1 Rhagfyr 2026"):
        assert phrase in text, phrase
    assert "Automated" not in text and "keyboard" not in text
    # Its links keep their addresses.
    assert html.find("main").find("a", href="mailto:accessibility@clinks.org")
