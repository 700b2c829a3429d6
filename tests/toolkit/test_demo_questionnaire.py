"""The demo questionnaire gives the three sample services in shared/research the verdicts
that the evidence implies, in English and in Welsh, through the real views."""

import pytest
from bs4 import BeautifulSoup

from toolkit.demo.questionnaire import SAMPLE_SERVICES
from toolkit.models import AssessmentResponse, SelfAssessmentPage
from toolkit.questionnaire import pinned


def take_as(client, page, service):
    client.post(page.url + "start/")
    response = AssessmentResponse.objects.filter(page=page).latest("created_at")
    base = page.url + f"r/{response.token}/"
    client.post(base + "about-you/", {"role": service["role"]})
    questionnaire = pinned(response.revision_id)
    by_reference = {q.reference: q for q in questionnaire.questions.values()}
    for section in questionnaire.sections:
        data = {"revision": response.revision_id}
        for question in section.questions:
            codes = service["answers"].get(question.reference, [])
            data[question.id] = [o.id for o in question.options if o.code in codes]
        reply = client.post(base + f"section/{section.number}/", data)
        assert reply.status_code == 302, BeautifulSoup(reply.content, "html.parser").select_one(".govuk-error-summary")
    assert set(service["answers"]) <= set(by_reference)
    done = client.post(base + "check/")
    assert done.status_code == 302
    response.refresh_from_db()
    return response, questionnaire, client.get(done["Location"])


def verdicts(response, questionnaire):
    from toolkit.scoring import Result

    result = Result.from_dict(response.result)
    by_factor = {}
    for key, info in questionnaire.factors.items():
        factor_result = result.factor(key)
        band = info.bands.get(factor_result.band) if factor_result and factor_result.band else None
        by_factor[key] = band.verdict if band else None
    overall = questionnaire.overall_bands.get(result.band).verdict if result.band else None
    return overall, by_factor, result


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(SAMPLE_SERVICES))
def test_sample_services_get_the_expected_verdicts(client, name):
    from toolkit.demo.questionnaire import FACTORS

    service = SAMPLE_SERVICES[name]
    page = SelfAssessmentPage.objects.get(locale__language_code="en")
    response, questionnaire, result_page = take_as(client, page, service)
    overall, by_factor, _ = verdicts(response, questionnaire)
    assert overall == service["expected_overall"]
    names = {factor["key"]: factor["name"] for factor in FACTORS}
    key_by_name = {info.factor.name: key for key, info in questionnaire.factors.items()}
    for factor_key, expected in service["expected_factors"].items():
        assert by_factor[key_by_name[names[factor_key]]] == expected, factor_key
    assert result_page.status_code == 200
    html = BeautifulSoup(result_page.content, "html.parser")
    # Each factor points to the evidence: digests and key sources in the resource pack.
    for section in html.select("section.app-factor"):
        links = [a["href"] for a in section.select("a")]
        assert any("/literature-review/" in href for href in links), section.h3.get_text()
        assert any("/resource-pack/entry/" in href for href in links), section.h3.get_text()


@pytest.mark.django_db
def test_a_welsh_response_scores_exactly_as_an_english_one_and_reads_in_welsh(client):
    service = SAMPLE_SERVICES["short-sentences"]
    english = SelfAssessmentPage.objects.get(locale__language_code="en")
    welsh = SelfAssessmentPage.objects.get(locale__language_code="cy")
    en_response, en_questionnaire, _ = take_as(client, english, service)
    cy_response, cy_questionnaire, cy_page = take_as(client, welsh, service)
    assert cy_response.result == en_response.result  # same block ids, factor keys and points
    assert cy_response.language == "cy"
    html = BeautifulSoup(cy_page.content, "html.parser")
    assert html.html["lang"] == "cy"
    assert html.h1.get_text(strip=True) == "Eich canlyniad"
    english_names = {info.factor.name for info in en_questionnaire.factors.values()}
    welsh_names = {info.factor.name for info in cy_questionnaire.factors.values()}
    assert english_names.isdisjoint(welsh_names)
    for name in welsh_names:
        assert name in html.get_text()


@pytest.mark.django_db
def test_a_result_links_the_digests_as_they_are_now_published(client, settings):
    """The digests and resources each factor links to are read when the result is shown: a
    result shared earlier shows a digest's new title."""
    from literature.models import DigestPage

    page = SelfAssessmentPage.objects.live().get(locale__language_code="en")
    _response, _questionnaire, result = take_as(client, page, next(iter(SAMPLE_SERVICES.values())))
    html = BeautifulSoup(result.content, "html.parser")
    linked = [a for a in html.select("main a[href]") if "/literature-review/" in a["href"]]
    assert linked, "each factor links to the digests that explain it"
    digest = DigestPage.objects.live().get(locale=page.locale, url_path__endswith=linked[0]["href"].split("/en/", 1)[1])
    digest.title = "A digest renamed after the result was shared"
    digest.save_revision().publish()
    again = BeautifulSoup(client.get(result.wsgi_request.path).content, "html.parser")
    assert "A digest renamed after the result was shared" in [a.get_text(strip=True) for a in again.select("main a")]
