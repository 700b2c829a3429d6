"""Every page type renders, in English and in Welsh, as a visitor would see it."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from pbr_site.core.models import GetInvolvedPage, HomePage, StandardPage
from wagtail.models import Page

from literature.models import DigestPage, GlossaryPage, LiteratureIndexPage, ResourcePackPage
from toolkit.models import SelfAssessmentPage

PAGE_TYPES = [
    HomePage,
    StandardPage,
    GetInvolvedPage,
    LiteratureIndexPage,
    DigestPage,
    GlossaryPage,
    ResourcePackPage,
    SelfAssessmentPage,
]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_each_page_type_renders_in_both_languages(client, demo_page, model, language):
    page = demo_page(model, language)
    assert page is not None, f"demo content has no live {model.__name__} in {language}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup_of(response)
    assert html.html["lang"] == language
    # One h1, the page's own title, inside the main landmark; skip link targets it.
    h1s = html.find_all("h1")
    assert [h.get_text(strip=True) for h in h1s] == [page.title]
    assert html.find("main", id="main-content").find("h1")
    assert html.find("a", class_="govuk-skip-link")["href"] == "#main-content"
    assert html.find("header") and html.find("footer") and html.find("nav")
    assert page.title in html.title.get_text()
    description = html.find("meta", attrs={"name": "description"})
    assert description and description["content"]
    # No inline script: the CSP forbids it (JSON-LD is data, never executed).
    for script in html.find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json", f"inline script on {page.url}"


@pytest.mark.django_db
def test_welsh_pages_are_in_welsh(client, demo_page):
    """The Welsh demo pages were translated, not copied: no English title or interface text."""
    for model in PAGE_TYPES:
        welsh = demo_page(model, "cy")
        english = welsh.get_translation(welsh.locale.__class__.objects.get(language_code="en"))
        assert welsh.live
        assert welsh.title != english.title
        html = soup_of(client.get(welsh.url))
        assert html.find("a", class_="govuk-skip-link").get_text(strip=True) == "Neidio i'r prif gynnwys"
        assert "Skip to main content" not in html.get_text()


@pytest.mark.django_db
def test_language_switcher_leads_to_the_same_page_in_the_other_language(client, demo_page, welsh):
    about = demo_page(StandardPage, "en", slug="about")
    about_cy = about.get_translation(welsh)
    html = soup_of(client.get(about.url))
    switcher = html.find("nav", class_="govuk-language-navigation")
    current = switcher.find(attrs={"aria-current": "true"})
    assert current.get_text(strip=True) == "English"
    link = switcher.find("a", lang="cy")
    assert link["href"] == about_cy.url
    assert link["hreflang"] == "cy"
    # And back again from the Welsh page.
    html_cy = soup_of(client.get(about_cy.url))
    back = html_cy.find("nav", class_="govuk-language-navigation").find("a", lang="en")
    assert back["href"] == about.url
    # hreflang alternates in the head for both languages.
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)}
    assert alternates["en"].endswith(about.url) and alternates["cy"].endswith(about_cy.url)


@pytest.mark.django_db
def test_switcher_says_when_a_page_is_not_translated_yet(client, home, welsh):
    draft = StandardPage(title="Only in English", slug="only-in-english", intro="Not translated.")
    home.add_child(instance=draft)
    draft.save_revision().publish()
    html = soup_of(client.get(draft.url))
    link = html.find("nav", class_="govuk-language-navigation").find("a", lang="cy")
    assert link["href"] == home.get_translation(welsh).url
    assert "not translated yet" in link.get_text()
    assert not html.find("link", rel="alternate", hreflang="cy")


@pytest.mark.django_db
def test_home_page_leads_to_the_three_parts(client, home):
    html = soup_of(client.get(home.url))
    card_links = [a["href"] for a in html.select(".app-card a")]
    expected = [
        p.url
        for p in (
            LiteratureIndexPage.objects.get(locale=home.locale),
            ResourcePackPage.objects.get(locale=home.locale),
            SelfAssessmentPage.objects.get(locale=home.locale),
        )
    ]
    assert card_links == expected


@pytest.mark.django_db
def test_welsh_home_cards_lead_to_welsh_pages(client, home, welsh):
    home_cy = home.get_translation(welsh)
    html = soup_of(client.get(home_cy.url))
    for href in [a["href"] for a in html.select(".app-card a")]:
        assert href.startswith("/cy/")
        assert client.get(href).status_code == 200


@pytest.mark.django_db
def test_root_redirects_to_the_visitors_language(client):
    assert client.get("/")["Location"] == "/en/"
    assert Client(headers={"accept-language": "cy"}).get("/")["Location"] == "/cy/"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "heading"), [("en", "Page not found"), ("cy", "Heb ddod o hyd i'r dudalen")])
def test_not_found_page_in_both_languages(client, language, heading):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = soup_of(response)
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == heading


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_server_error_page_in_both_languages(rf, language):
    from django.utils import translation
    from pbr_site.core.views import server_error

    with translation.override(language):
        response = server_error(rf.get(f"/{language}/"))
    assert response.status_code == 500
    html = soup_of(response)
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True)
    if language == "cy":
        assert "Sorry" not in html.h1.get_text()


@pytest.mark.django_db
def test_sitemap_lists_every_public_page_in_both_languages(client, all_demo_pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))
    assert len(all_demo_pages) >= 12
    for page in all_demo_pages:
        assert page.full_url in locations, page.url
    assert any("/cy/" in loc for loc in locations) and any("/en/" in loc for loc in locations)


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts(client, home):
    draft = StandardPage(title="Draft", slug="a-draft", intro="Not yet.", live=False)
    home.add_child(instance=draft)
    assert "a-draft" not in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert re.search(r"^Sitemap: https?://\S+/sitemap\.xml$", body, re.M)
    assert "Disallow: /admin/" in body


@pytest.mark.django_db
def test_navigation_marks_the_current_section(client, demo_page):
    page = demo_page(LiteratureIndexPage, "en")
    html = soup_of(client.get(page.url))
    current = html.select_one(".govuk-service-navigation__item--active a")
    assert current["aria-current"] == "page"
    assert current.get_text(strip=True) == page.title


# Query budgets per page type: tests/core/test_query_budgets.py.


def test_every_page_model_is_covered():
    from django.apps import apps

    page_models = {m for m in apps.get_models() if issubclass(m, Page) and m is not Page}
    ours = {m for m in page_models if m._meta.app_label in {"core", "literature", "toolkit"}}
    assert ours == set(PAGE_TYPES)
