"""SQL queries per public page, each rendered with no cache of any kind (every cache Django
knows is emptied before each measured request; there is no per-process memo either), in
English and in Welsh: no public page may take more than MAX_QUERIES.

One budget per page kind: the measured count in the costlier language (demo content) plus at
most one. Lower a budget when you save a query; never raise one above MAX_QUERIES. In
production a shared HTTP cache (Varnish) answers repeat reads: these are the misses.
"""

import pytest
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

MAX_QUERIES = 15

BUDGETS = {
    "home": 11,
    "standard page": 8,
    "get involved page": 8,
    "literature review": 12,
    "literature review, sector filter": 12,
    "digest": 15,
    "glossary": 14,
    "sector page": 14,
    "theme page": 14,
    "resource pack": 15,
    "resource pack with filters": 15,
    "entry page": 13,
    "self-assessment landing": 8,
    "about you": 11,
    "task list": 10,
    "section": 11,
    "check your answers": 9,
    "result": 14,
    "not found": 9,
    "site search": 15,
}
JOURNEY = {"about you", "task list", "section", "check your answers"}


def test_no_budget_exceeds_the_ceiling():
    assert max(BUDGETS.values()) <= MAX_QUERIES


def empty_every_cache():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


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
        # Never cached by the HTTP cache in front: every search is a render.
        "site search": f"/{language}/search/?q=gaming",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_public_page_kind_stays_within_its_query_budget(
    client, demo_page, language, django_assert_max_num_queries
):
    from django.test import Client

    urls = public_urls(demo_page, client, language)
    assert set(urls) == set(BUDGETS)
    for kind, url in urls.items():
        visitor = client if kind in JOURNEY else Client()  # journey pages belong to one visitor
        expected = 404 if kind == "not found" else 200
        assert visitor.get(url).status_code == expected, url  # a running process: templates loaded
        empty_every_cache()
        with django_assert_max_num_queries(BUDGETS[kind], info=f"{kind}: {url}"):
            response = visitor.get(url)
        assert response.status_code == expected, url
