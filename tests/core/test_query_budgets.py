"""SQL queries per public page, measured with the page cache off (every request renders), in
English and in Welsh: no public page may take more than 20.

Two budgets per page kind, each the measured count (the costlier language, demo content)
plus at most one:

- COLD: the first request after a content change, when nothing is remembered (site, home
  pages, navigation, routing, view restrictions, glossary links: see pbr_site/core/memo.py
  and structure.py). Finding a page two levels below home then takes 5 queries (site,
  home pages, one per level below, view restrictions) and the chrome 3.
- WARM: every later request until the content changes again: the page's own data only.

Lower a ceiling when you save a query; never raise one above MAX_QUERIES.
"""

import pytest
from pbr_site.core import caching
from pbr_site.core.models import GetInvolvedPage, HomePage, StandardPage

from literature.models import (
    BibliographyEntry,
    DigestPage,
    GlossaryPage,
    LiteratureIndexPage,
    ResourcePackPage,
    SectorTag,
    ThemeTag,
)
from tests.toolkit.test_demo_questionnaire import take_as
from toolkit.demo.questionnaire import SAMPLE_SERVICES
from toolkit.models import AssessmentResponse, SelfAssessmentPage

MAX_QUERIES = 20

# kind: (cold, warm)
BUDGETS = {
    "home": (8, 2),
    "standard page": (7, 1),
    "get involved page": (7, 1),
    "literature review": (12, 5),
    "literature review, sector filter": (12, 5),
    "digest": (16, 6),
    "glossary": (12, 5),
    "sector page": (13, 7),
    "theme page": (13, 7),
    "resource pack": (10, 3),
    "resource pack with filters": (10, 3),
    "entry page": (13, 6),
    "self-assessment landing": (7, 1),
    "about you": (9, 3),
    "task list": (8, 2),
    # +1 in Welsh: the digests linked under the questions, in the reader's language.
    "section": (10, 3),
    "check your answers": (8, 2),
    "result": (13, 2),
    "not found": (7, 3),
}
JOURNEY = {"about you", "task list", "section", "check your answers"}


def test_no_budget_exceeds_the_ceiling():
    assert max(cold for cold, _warm in BUDGETS.values()) <= MAX_QUERIES
    assert all(warm <= cold for cold, warm in BUDGETS.values())


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
        "get involved page": demo_page(GetInvolvedPage, language).url,
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
        cold, warm = BUDGETS[kind]
        assert visitor.get(url).status_code == expected, url  # warm per-process caches, as a server's are
        with django_assert_max_num_queries(warm, info=f"{kind}, warm: {url}"):
            response = visitor.get(url)
        assert response.status_code == expected and not response.get("X-Page-Cache"), url
        caching.bump_content_version()  # as any save or publish does: nothing is remembered now
        with django_assert_max_num_queries(cold, info=f"{kind}, cold: {url}"):
            response = visitor.get(url)
        assert response.status_code == expected and not response.get("X-Page-Cache"), url
