"""Version 2 of the self-assessment: sample services that editors own and check before
publishing, verdict rules that stop one fatal weakness hiding behind strong answers, and a
result that reads true for a commissioner or a provider."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from toolkit.demo.questionnaire import SAMPLE_SERVICES
from toolkit.models import SelfAssessmentPage
from toolkit.questionnaire import build, check_samples, pinned

from .test_demo_questionnaire import take_as


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text(response):
    return re.sub(r"\s+", " ", soup(response).get_text(" ", strip=True))


@pytest.fixture
def english_page(db):
    return SelfAssessmentPage.objects.live().get(locale__language_code="en")


@pytest.fixture
def editor_client(client, db):
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


# --- sample services ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_three_demo_samples_are_kept_with_the_questionnaire_and_pass(english_page):
    checks = check_samples(pinned(english_page.live_revision_id))
    assert [check.sample.name for check in checks] == [s["name"] for s in SAMPLE_SERVICES.values()]
    assert all(check.passed for check in checks), [(c.sample.name, c.overall_verdict) for c in checks if not c.passed]
    # Every question of the demo is answered by name in the first sample: none is unknown.
    assert not any(check.sample.problems for check in checks)


@pytest.mark.django_db
def test_the_edit_page_says_whether_each_sample_gets_its_expected_verdicts(editor_client, english_page):
    page = soup(editor_client.get(f"/admin/pages/{english_page.pk}/edit/"))
    rows = page.select("[data-sample-checks] tr[data-sample]")
    assert len(rows) == 3 and {row["data-passed"] for row in rows} == {"true"}

    # A draft that raises the "promising" threshold to 90%: the rough sleepers (84.8%) no
    # longer get their verdict, the editor is told before publishing, and the live page and
    # new responses are untouched until it is published.
    draft = english_page.get_latest_revision_as_object()
    for band in draft.overall_result:
        if band.value["verdict"] == "promising":
            band.value["min_percent"] = 90
    draft.save_revision(user=get_user_model().objects.get(username="editor"))
    page = soup(editor_client.get(f"/admin/pages/{english_page.pk}/edit/"))
    failing = page.select("[data-sample-checks] tr[data-passed=false]")
    assert [row.strong.get_text() for row in failing] == ["Rough sleepers into settled accommodation"]
    english_page.refresh_from_db()
    assert all(check.passed for check in check_samples(pinned(english_page.live_revision_id)))


@pytest.mark.django_db
def test_editors_preview_a_samples_result_and_every_check_with_unsaved_changes(rf, english_page):
    draft = english_page.get_latest_revision_as_object()
    draft.overall_result[-1].value["min_percent"] = 95  # unsaved, as in the live preview panel
    modes = dict(draft.preview_modes)
    assert modes[SelfAssessmentPage.SAMPLE_CHECKS_MODE] == "Sample services: all checks"
    sample_modes = [mode for mode in modes if mode.startswith(SelfAssessmentPage.SAMPLE_MODE_PREFIX)]
    assert [modes[mode] for mode in sample_modes] == [
        f"Result of sample: {s['name']}" for s in SAMPLE_SERVICES.values()
    ]

    request = preview_request(rf)
    checks = draft.serve_preview(request, SelfAssessmentPage.SAMPLE_CHECKS_MODE).render()
    assert [row["data-passed"] for row in soup(checks).select("tr[data-sample]")] == ["false", "true", "true"]

    result = draft.serve_preview(request, sample_modes[0]).render()
    page = soup(result)
    assert page.select_one("[data-sample-passed]")["data-sample-passed"] == "false"
    assert "Rough sleepers into settled accommodation" in page.h1.get_text()
    assert len(page.select("section.app-factor")) == 8  # the whole result, as a reader would see it


def preview_request(rf):
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore

    request = rf.get("/", HTTP_HOST="localhost")
    request.user = get_user_model().objects.get(username="editor")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


@pytest.mark.django_db
def test_a_sample_line_naming_no_question_or_answer_is_reported(english_page):
    draft = english_page.get_latest_revision_as_object()
    draft.sample_services[0].value["answers"] += "\nno-such-question: yes\naims: several"
    check = check_samples(build(draft))[0]
    assert check.sample.problems == ("no-such-question: yes", "aims: several")
    assert not check.passed


# --- verdict rules ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_five_weak_factors_including_provider_finance_cannot_average_up_to_caution(client, english_page):
    """The audit's case: 5 of 8 factors at "a real risk", provider finance among them."""
    response, questionnaire, result_page = take_as(client, english_page, SAMPLE_SERVICES["short-sentences"])
    assert response.result["average_band"] != response.result["band"]
    verdict = soup(result_page).select_one(".app-verdict")
    assert verdict.h2.get_text(" ", strip=True) == "Overall PbR is unlikely to fit now"
    why = verdict.select_one("[data-verdict-rule]").get_text(" ", strip=True)
    assert "The average score alone would give “Proceed with caution”, but 5 of the 8 factors are at" in why
    for name in (
        "Providers who can carry the risk",
        "A reliable baseline and evaluation",
        "Fair pricing and payment",
        "Protecting the people who use the service",
        "A stable environment and volumes",
    ):
        assert name in why
    marked = [
        s.h3.get_text(strip=True)
        for s in soup(result_page).select("section.app-factor")
        if "This factor set the overall verdict." in s.get_text()
    ]
    assert len(marked) == 5 and "Providers who can carry the risk" in marked


@pytest.mark.django_db
def test_one_critical_factor_at_its_lowest_band_caps_a_promising_service(client, english_page):
    answers = dict(SAMPLE_SERVICES["rough-sleepers"]["answers"])
    # Provider finance (critical) falls to its lowest band; every other factor stays strong.
    answers.update(
        {
            "payment-at-risk": ["over-50"],
            "working-capital": ["no"],
            "early-engagement": ["no"],
            "covers-full-cost": ["no"],
            "enough-providers": ["none"],
            "risk-kept": ["no"],
        }
    )
    service = {**SAMPLE_SERVICES["rough-sleepers"], "answers": answers}
    response, questionnaire, result_page = take_as(client, english_page, service)
    assert response.result["average_band"] != response.result["band"]
    why = soup(result_page).select_one("[data-verdict-rule]").get_text(" ", strip=True)
    assert "but a critical factor is at its lowest band: Providers who can carry the risk." in why
    assert soup(result_page).select_one(".app-verdict h2").get_text(" ", strip=True) == "Overall Proceed with caution"


# --- a result and questions that read true for their reader ----------------------------------------


@pytest.mark.django_db
def test_providers_are_asked_what_they_can_answer_and_advised_as_providers(client, english_page):
    service = {**SAMPLE_SERVICES["county-drug-and-alcohol"], "role": "provider"}
    response, questionnaire, result_page = take_as(client, english_page, service)
    page = text(result_page)
    assert "Has the commissioner explained why payment by results suits this service better" in page
    assert "Ask the commissioner why they chose payment by results." in page
    # Advice meant for commissioners is not given to providers.
    assert "Compare it with a grant or an ordinary contract first" not in page
    assert "What this means for you as a provider" in page
    # The ideal is labelled as what good looks like, never said to be true of the reader.
    ideals = [box.get_text(" ", strip=True) for box in soup(result_page).select(".app-ideal")]
    assert len(ideals) == 8 and all(ideal.startswith("What good looks like") for ideal in ideals)
    assert not any("You know" in ideal or "You will pay" in ideal for ideal in ideals)

    commissioner, _, commissioner_page = take_as(client, english_page, SAMPLE_SERVICES["county-drug-and-alcohol"])
    page = text(commissioner_page)
    assert "Compare it with a grant or an ordinary contract first" in page
    assert "Has the commissioner explained" not in page
    assert commissioner.result == response.result  # same answers score the same in either role


@pytest.mark.django_db
def test_a_provider_sees_the_provider_wording_on_the_question_pages(client, english_page):
    client.post(english_page.url + "start/")
    from toolkit.models import AssessmentResponse

    response = AssessmentResponse.objects.filter(page=english_page).latest("created_at")
    client.post(english_page.url + f"r/{response.token}/about-you/", {"role": "provider"})
    section = soup(client.get(english_page.url + f"r/{response.token}/section/1/"))
    headings = [h.get_text(" ", strip=True) for h in section.select("legend h2")]
    assert headings[1].startswith("2. Has the commissioner explained why payment by results")
    assert "Yes, with the costs of each option" in [label.get_text(strip=True) for label in section.select("label")]
    # Each question links to the digest that explains it.
    assert section.select_one("a[href*='/literature-review/clear-purpose-and-outcomes/']")


@pytest.mark.django_db
def test_numbers_stay_continuous_when_a_question_is_skipped(client, english_page):
    """In the demo, the evaluation question is only asked when there is a baseline."""
    response, questionnaire, result_page = take_as(client, english_page, SAMPLE_SERVICES["county-drug-and-alcohol"])
    check = soup(client.get(english_page.url + "result/" + str(response.share_token) + "/"))
    numbers = [int(li.get_text(strip=True).split(".")[0]) for li in check.select(".app-driver__question")]
    asked = len(response.answers)
    assert len(questionnaire.questions) == asked + 1  # one question was skipped
    assert sorted(set(numbers)) == list(range(1, asked + 1))
    download = client.get(english_page.url + f"result/{response.share_token}/download/").content.decode("utf-8-sig")
    listed = [int(m) for m in re.findall(r"\n[^,\n]+,\"?(\d+)\. ", download)]
    assert listed == list(range(1, asked + 1))


@pytest.mark.django_db
def test_the_welsh_result_and_questions_read_in_welsh_for_a_provider(client):
    welsh = SelfAssessmentPage.objects.live().get(locale__language_code="cy")
    service = {**SAMPLE_SERVICES["short-sentences"], "role": "provider"}
    response, questionnaire, result_page = take_as(client, welsh, service)
    page = text(result_page)
    assert "Has the commissioner explained" not in page
    for english in ("What you told us", "What good looks like", "Why this verdict", "What to do next"):
        assert english not in page
    assert "Eich canlyniad" in page


@pytest.mark.django_db
def test_questions_link_the_digest_in_the_readers_language(client):
    from toolkit.models import AssessmentResponse

    welsh = SelfAssessmentPage.objects.live().get(locale__language_code="cy")
    client.post(welsh.url + "start/")
    response = AssessmentResponse.objects.filter(page=welsh).latest("created_at")
    client.post(welsh.url + f"r/{response.token}/about-you/", {"role": "commissioner"})
    questionnaire = pinned(response.revision_id)
    for section in questionnaire.sections:
        page = soup(client.get(welsh.url + f"r/{response.token}/section/{section.number}/"))
        links = [a["href"] for a in page.select("a.app-read-more")]
        expected = []
        for question in section.questions:
            if question.read_more is None or question.show_if is not None:
                continue
            translated = question.read_more.get_translations(inclusive=True).live().filter(locale=welsh.locale).first()
            expected.append((translated or question.read_more).url)
        assert links == expected
        assert links  # every demo question links its digest
