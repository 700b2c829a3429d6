"""SQL queries per public page, measured with the page cache off (every request renders), in
English and in Welsh: no public page may take more than 20.

Each ceiling is the measured count (Welsh, the costlier language, on the demo content) plus
at most one. Finding the page takes 7 of them on a page two levels below home (site, locale,
the home page and its specific fields, one per level below, the view restrictions: see
pbr_site/core/routing.py); the chrome (language links with every home page,
navigation and its privacy check, read once per request) takes 3. Lower a ceiling when you save a query; never raise
one above MAX_QUERIES.
"""

import pytest

from literature.models import (
    BibliographyEntry,
    DigestPage,
    GlossaryPage,
    LiteratureIndexPage,
    ResourcePackPage,
    SectorTag,
    ThemeTag,
)
from pbr_site.core.models import HomePage, StandardPage
from tests.toolkit.test_demo_questionnaire import take_as
from toolkit.demo.questionnaire import SAMPLE_SERVICES
from toolkit.models import AssessmentResponse, SelfAssessmentPage

MAX_QUERIES = 20

BUDGETS = {
    "home": 11,
    "standard page": 10,
    "literature review": 15,
    "literature review, sector filter": 15,
    "digest": 19,
    "glossary": 15,
    "sector page": 14,
    "theme page": 14,
    "resource pack": 17,
    "resource pack with filters": 17,
    "entry page": 16,
    "self-assessment landing": 10,
    "about you": 12,
    "task list": 11,
    "section": 13,
    "check your answers": 11,
    "result": 16,
    "not found": 10,
}
JOURNEY = {"about you", "task list", "section", "check your answers"}


def test_no_budget_exceeds_the_ceiling():
    assert max(BUDGETS.values()) <= MAX_QUERIES


@pytest.fixture
def uncached(settings):
    settings.PBR_PAGE_CACHE_SECONDS = 0


def public_urls(demo_page, client, language):
    """{page kind: url} for one of every public page kind; journey pages need `client`'s session."""
    review = demo_page(LiteratureIndexPage, language)
    pack = demo_page(ResourcePackPage, language)
    sector = SectorTag.objects.filter(digest_items__isnull=False).first()
    theme = ThemeTag.objects.filter(digest_items__isnull=False).first()
    entry = BibliographyEntry.objects.filter(live=True, digest_references__isnull=False).first()
    assessment = demo_page(SelfAssessmentPage, language)
    done, _questionnaire, _result = take_as(client, assessment, next(iter(SAMPLE_SERVICES.values())))
    client.post(assessment.url + "start/")
    response = AssessmentResponse.objects.filter(page=assessment).latest("created_at")
    journey = assessment.url + f"r/{response.token}/"
    client.post(journey + "about-you/", {"role": "commissioner"})
    return {
        "home": demo_page(HomePage, language).url,
        "standard page": demo_page(StandardPage, language).url,
        "literature review": review.url,
        "literature review, sector filter": f"{review.url}?sector={sector.slug}",
        "digest": demo_page(DigestPage, language).url,
        "glossary": demo_page(GlossaryPage, language).url,
        "sector page": review.tag_url(sector),
        "theme page": review.tag_url(theme),
        "resource pack": pack.url,
        "resource pack with filters": f"{pack.url}?sector={sector.slug}&theme={theme.slug}&sort=title&q=payment",
        "entry page": pack.entry_url(entry),
        "self-assessment landing": assessment.url,
        "about you": journey + "about-you/",
        "task list": journey,
        "section": journey + "section/1/",
        "check your answers": journey + "check/",
        "result": assessment.url + f"result/{done.share_token}/",
        "not found": f"/{language}/no-such-page/",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_public_page_kind_stays_within_its_query_budget(
    client, demo_page, language, uncached, django_assert_max_num_queries
):
    from django.test import Client

    urls = public_urls(demo_page, client, language)
    assert set(urls) == set(BUDGETS)
    for kind, url in urls.items():
        visitor = client if kind in JOURNEY else Client()  # journey pages belong to one visitor
        expected = 404 if kind == "not found" else 200
        assert visitor.get(url).status_code == expected, url  # warm per-process caches, as a server's are
        with django_assert_max_num_queries(BUDGETS[kind], info=f"{kind}: {url}"):
            response = visitor.get(url)
        assert response.status_code == expected and not response.get("X-Page-Cache"), url
