"""Every public form, fed random and hostile input by hypothesis: huge strings, NUL and other
control characters, any unicode, numbers and lists where one value belongs (repeated keys),
missing fields, tampered ids, undecodable bytes.

For each form, whatever is posted: no server error, nothing invalid is stored, and what a
visitor had already saved is not lost. Each example starts with the rate limits cleared (they
have their own tests at the end), and the number of examples is modest so this stays fast.
"""

import json
import string

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pbr_site.core.text import without_hidden_characters

from literature.models import ResourcePackPage, ResourceSuggestion, SectorTag
from tests.toolkit.fixtures import answered_in
from toolkit import scoring
from toolkit.models import AssessmentResponse, Role, SelfAssessmentPage
from toolkit.questionnaire import pinned

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,  # no example database in the working tree
)

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x07\x1b[31m",
    "x" * 100_000,
    "<script>alert(1)</script>",
    "'; DROP TABLE toolkit_assessmentresponse; --",
    "{{ 7*7 }}",
    "../../etc/passwd",
    "%00",
    "\u202e\ufeff",
    "Ｗｅｌｓｈ ｃｙｍｒａｅｇ",
    "🙂" * 500,
    "-1",
    "0",
    "1e309",
    "NaN",
    "null",
    "true",
    "[]",
    "{}",
    "00000000-0000-0000-0000-000000000000",
    "javascript:alert(1)",
    "http://",
    "a@",
    "\r\n\r\nSet-Cookie: x=1",
]
# Any text a browser could send (no lone surrogates: they cannot be encoded as UTF-8).
text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=300),
    st.text(alphabet=string.printable, min_size=1000, max_size=5000),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
)
# One field's value: missing, a value, or the key repeated.
value = st.one_of(st.none(), text, st.lists(text, min_size=2, max_size=5))


def form_data(fields, extra_keys=True, **likely):
    """A POST body for these field names: any of them missing, with hostile values, plus
    unexpected keys. `likely` gives a field valid values to pick half the time, so the
    paths that store something are fuzzed too."""
    known = st.fixed_dictionaries(
        {},
        optional={
            name: st.one_of(st.sampled_from(likely[name]), value) if name in likely else value for name in fields
        },
    )
    extra = st.dictionaries(
        st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20), value, max_size=3
    )
    return st.tuples(known, extra if extra_keys else st.just({})).map(
        lambda pair: {k: v for k, v in {**pair[1], **pair[0]}.items() if v is not None}
    )


raw_bodies = st.binary(max_size=2000)


def post(client, url, data=None, raw=None):
    cache.clear()  # rate limits are tested on their own below
    if raw is not None:
        return client.post(url, data=raw, content_type="application/x-www-form-urlencoded")
    return client.post(url, data or {})


def assert_no_server_error(response):
    assert response.status_code < 500, response.content[:2000]


# --- the self-assessment -----------------------------------------------------------------


@pytest.fixture
def assessment(db):
    return SelfAssessmentPage.objects.live().get(locale__language_code="en")


def valid_answers(questionnaire):
    """An answer (the first option) to every question the answers so far make visible."""
    answers = {}
    for question in questionnaire.questions.values():
        if question.id in {q.id for q in scoring.visible_questions(questionnaire.engine, answers)}:
            answers[question.id] = [question.options[0].id]
    return answers


@pytest.fixture
def in_progress(assessment):
    """A response with a role and every question answered, not yet submitted."""
    response = AssessmentResponse.objects.create(
        page=assessment, revision_id=assessment.live_revision_id, language="en", role=Role.values[0]
    )
    questionnaire = pinned(response.revision_id)
    response.answers = valid_answers(questionnaire)
    response.sections_done = [section.id for section in questionnaire.sections]
    response.save()
    return response


def base_url(page, response):
    return page.url + f"r/{response.token}/"


def assert_answers_are_clean(response, questionnaire):
    """Only known questions, each with options of that question, stored as lists of ids."""
    assert isinstance(response.answers, dict)
    for question_id, option_ids in response.answers.items():
        question = questionnaire.questions.get(question_id)
        assert question is not None, f"unknown question stored: {question_id!r}"
        assert isinstance(option_ids, list) and option_ids
        assert all(question.option(option_id) for option_id in option_ids), option_ids
        if not question.allows_many:
            assert len(option_ids) == 1
    validation = scoring.validate_answers(questionnaire.engine, response.answers)
    assert set(validation.user_errors.values()) <= {scoring.ErrorCode.MISSING_REQUIRED}, validation.user_errors


@pytest.mark.django_db
@FUZZ
@given(data=form_data(["role", "sector"], role=Role.values, sector=["", "criminal-justice", "health"]))
def test_about_you(client, assessment, in_progress, data):
    before = AssessmentResponse.objects.get(pk=in_progress.pk)
    response = post(client, base_url(assessment, in_progress) + "about-you/", data)
    assert_no_server_error(response)
    after = AssessmentResponse.objects.get(pk=in_progress.pk)
    assert after.role in Role.values
    assert after.sector == "" or after.sector in set(SectorTag.objects.values_list("slug", flat=True))
    if response.status_code != 302:  # refused: nothing changed
        assert (after.role, after.sector) == (before.role, before.sector)
    assert after.answers == before.answers


def section_posts(questionnaire):
    """(section number, POST data) mixing real question and option ids, ids of other
    questions, made-up ids, hostile text, and the right or a wrong revision."""
    sections = questionnaire.sections
    question_ids = list(questionnaire.questions)
    option_ids = [option.id for question in questionnaire.questions.values() for option in question.options]
    an_id = st.one_of(st.sampled_from(option_ids), st.uuids().map(str), text)
    answer = st.one_of(an_id, st.lists(an_id, min_size=1, max_size=6))
    keys = st.one_of(st.sampled_from(question_ids), text.filter(bool))
    return st.tuples(
        st.integers(min_value=1, max_value=len(sections)),
        st.dictionaries(keys, answer, max_size=8),
        st.one_of(st.just("right"), st.none(), text),
    )


@pytest.mark.django_db
def test_section_answers(client, assessment, in_progress):
    questionnaire = pinned(in_progress.revision_id)

    @FUZZ
    @given(case=section_posts(questionnaire))
    def fuzz(case):
        number, data, revision = case
        response = AssessmentResponse.objects.get(pk=in_progress.pk)
        before = dict(response.answers)
        if revision == "right":
            data = {**data, "revision": str(response.revision_id)}
        elif revision is not None:
            data = {**data, "revision": revision}
        http = post(client, base_url(assessment, response) + f"section/{number}/", data)
        assert_no_server_error(http)
        response.refresh_from_db()
        assert_answers_are_clean(response, questionnaire)
        # Answers to other sections' questions survive, unless the new answers now hide them.
        section_ids = {question.id for question in questionnaire.section(number).questions}
        visible = {question.id for question in scoring.visible_questions(questionnaire.engine, response.answers)}
        for question_id, option_ids in before.items():
            if question_id not in section_ids and question_id in visible:
                assert response.answers.get(question_id) == option_ids, question_id
        # Put the valid answers back for the next example.
        response.answers = valid_answers(questionnaire)
        response.save(update_fields=["answers"])

    fuzz()


@pytest.mark.django_db
@FUZZ
@given(data=form_data(["revision", "csrfmiddlewaretoken"]), raw=st.one_of(st.none(), raw_bodies))
def test_start_and_check_answers(client, assessment, in_progress, data, raw):
    count = AssessmentResponse.objects.count()
    started = post(client, assessment.url + "start/", data, raw)
    assert_no_server_error(started)
    assert AssessmentResponse.objects.count() <= count + 1
    # Submitting the check page scores exactly what was stored, whatever else is posted.
    checked = post(client, base_url(assessment, in_progress) + "check/", data, raw)
    assert_no_server_error(checked)
    in_progress.refresh_from_db()
    if in_progress.is_complete:
        expected = scoring.score(pinned(in_progress.revision_id).engine, in_progress.answers).to_dict()
        assert in_progress.result == json.loads(json.dumps(expected))
        # Back to "in progress" for the next example.
        in_progress.completed_at, in_progress.result = None, None
        in_progress.save()


@pytest.mark.django_db
@FUZZ
@given(data=form_data(["useful", "comment"], useful=["yes", "no"]), raw=st.one_of(st.none(), raw_bodies))
def test_result_feedback(client, assessment, in_progress, data, raw):
    in_progress.result = scoring.score(pinned(in_progress.revision_id).engine, in_progress.answers).to_dict()
    in_progress.completed_at = in_progress.created_at
    in_progress.found_useful, in_progress.useful_comment = True, "Helped our board decide."
    in_progress.save()
    answered_in(client, in_progress)
    http = post(client, assessment.url + f"result/{in_progress.share_token}/feedback/", data, raw)
    assert_no_server_error(http)
    in_progress.refresh_from_db()
    useful = data.get("useful") if raw is None else None
    if isinstance(useful, list):
        useful = useful[-1]  # a repeated key: Django reads the last value
    if useful in ("yes", "no"):
        assert in_progress.found_useful is (useful == "yes")
        comment = in_progress.useful_comment
        assert len(comment) <= 1000
        assert comment == without_hidden_characters(comment)
    else:  # refused: the earlier feedback is kept
        assert in_progress.found_useful is True
        assert in_progress.useful_comment == "Helped our board decide."


@pytest.mark.django_db
def test_tampered_tokens_are_not_found(client, assessment, in_progress):
    for path in (
        "r/00000000-0000-0000-0000-000000000000/section/1/",
        "result/not-a-uuid/feedback/",
        f"r/{in_progress.share_token}/section/1/",
        f"result/{in_progress.token}/feedback/",
        f"r/{in_progress.token}/section/999/",
    ):
        response = post(client, assessment.url + path, {"useful": "yes"})
        assert response.status_code == 404, path


# --- the resource suggestion -------------------------------------------------------------

GOOD_SUGGESTION = {
    "title": "Evaluation of a local resettlement contract",
    "url": "https://www.example.org/evaluation.pdf",
    "why": "It shows what happened when payments were made only on reoffending.",
    "email": "",
}


@pytest.fixture
def suggest_url(db):
    return ResourcePackPage.objects.get(locale__language_code="en").url + "suggest/"


@pytest.mark.django_db
@FUZZ
@given(
    data=form_data(["title", "url", "why", "email", "website"]),
    raw=st.one_of(st.none(), raw_bodies),
    base=st.booleans(),
)
def test_resource_suggestion(client, suggest_url, data, raw, base):
    earlier = ResourceSuggestion.objects.create(title="Kept", why="Saved before the fuzzing.")
    if base:  # hostile values over an otherwise valid form
        data = {**GOOD_SUGGESTION, **data}
    count = ResourceSuggestion.objects.count()
    response = post(client, suggest_url, data, raw)
    assert_no_server_error(response)
    assert ResourceSuggestion.objects.count() in (count, count + 1)
    for suggestion in ResourceSuggestion.objects.exclude(pk=earlier.pk):
        suggestion.full_clean()  # lengths, URL and email formats
        for field in ("title", "why", "url", "email"):
            stored = getattr(suggestion, field)
            assert stored == without_hidden_characters(stored), (field, stored)
        assert suggestion.title.strip() and suggestion.why.strip()
        assert suggestion.status == ResourceSuggestion.Status.NEW and suggestion.entry_id is None
    assert ResourceSuggestion.objects.filter(pk=earlier.pk, title="Kept").exists()
    ResourceSuggestion.objects.exclude(pk=earlier.pk).delete()
    earlier.delete()


# --- the get involved page's enquiry form ----------------------------------------------------

GOOD_ENQUIRY = {
    "reason": "pilot",
    "name": "Ann Jones",
    "email": "ann.jones@example.org",
    "organisation": "",
    "message": "We would like to pilot the self-assessment.",
}


@pytest.fixture
def get_involved_url(db):
    from pbr_site.core.models import GetInvolvedPage

    return GetInvolvedPage.objects.get(locale__language_code="en").url


@pytest.mark.django_db
@FUZZ
@given(
    data=form_data(
        ["reason", "name", "email", "organisation", "message", "website"],
        reason=["workshop", "pilot", "evaluation", "contact"],
    ),
    raw=st.one_of(st.none(), raw_bodies),
    base=st.booleans(),
)
def test_enquiry(client, get_involved_url, data, raw, base):
    from django.core import mail
    from pbr_site.core.models import Enquiry

    earlier = Enquiry.objects.create(
        reason="contact", name="Kept", email="kept@example.org", message="Saved before the fuzzing."
    )
    if base:  # hostile values over an otherwise valid form
        data = {**GOOD_ENQUIRY, **data}
    mail.outbox = []
    response = post(client, get_involved_url, data, raw)
    assert_no_server_error(response)
    stored = list(Enquiry.objects.exclude(pk=earlier.pk))
    assert len(stored) <= 1 and len(mail.outbox) == len(stored)  # staff are told of each one kept
    for enquiry in stored:
        enquiry.full_clean()  # lengths, choices, email format
        for field in ("name", "email", "organisation", "message"):
            value = getattr(enquiry, field)
            assert value == without_hidden_characters(value), (field, value)
        assert "\n" not in enquiry.name and "\n" not in enquiry.organisation  # one line: safe in a subject
        assert enquiry.name.strip() and enquiry.message.strip()
        assert enquiry.status == Enquiry.Status.NEW and enquiry.language == "en" and not enquiry.staff_notes
    assert Enquiry.objects.filter(pk=earlier.pk, name="Kept").exists()
    Enquiry.objects.exclude(pk=earlier.pk).delete()
    earlier.delete()


# --- the GET forms: filters and search -------------------------------------------------------


@pytest.mark.django_db
@FUZZ
@given(params=form_data(["q", "sector", "theme", "type", "year_from", "year_to", "sort", "page"]))
def test_listing_filters_and_search(client, params):
    for path in ("/en/resource-pack/", "/en/literature-review/", "/cy/resource-pack/", "/en/search/"):
        response = client.get(path, params)
        assert_no_server_error(response)


# --- rate limits: per client, through the shared cache ---------------------------------------


@pytest.mark.django_db
def test_answers_and_feedback_are_rate_limited_per_client(client, assessment, in_progress, settings):
    settings.PBR_ASSESSMENT_ANSWERS_PER_HOUR = 12
    cache.clear()
    url = base_url(assessment, in_progress) + "about-you/"
    for _ in range(12):
        assert client.post(url, {"role": Role.PROVIDER}, REMOTE_ADDR="203.0.113.5").status_code == 302
    limited = client.post(url, {"role": Role.COMMISSIONER}, REMOTE_ADDR="203.0.113.5")
    assert limited.status_code == 429
    assert "Too many requests" in limited.content.decode()
    in_progress.refresh_from_db()
    assert in_progress.role == Role.PROVIDER, "a limited request changes nothing"
    # Another client is not affected.
    assert client.post(url, {"role": Role.COMMISSIONER}, REMOTE_ADDR="198.51.100.1").status_code == 302


@pytest.mark.django_db
def test_starting_assessments_is_rate_limited(client, assessment, settings):
    settings.PBR_ASSESSMENT_STARTS_PER_HOUR = 6
    cache.clear()
    count = AssessmentResponse.objects.count()
    for _ in range(6):
        assert client.post(assessment.url + "start/").status_code == 302
    limited = client.post(assessment.url + "start/")
    assert limited.status_code == 429
    assert "If you have already started, your private link" in limited.content.decode()
    assert AssessmentResponse.objects.count() == count + 6


def test_the_limits_leave_room_for_a_workshop_on_one_network():
    """About 40 people on one council or prison network, one address seen from outside, each
    starting an assessment and saving each of its sections (about 15 saves) in the hour."""
    from django.conf import settings

    assert settings.PBR_ASSESSMENT_STARTS_PER_HOUR >= 40 * 2  # and starting again, once each
    assert settings.PBR_ASSESSMENT_ANSWERS_PER_HOUR >= 40 * 15 * 2
    assert settings.PBR_ASSESSMENT_FEEDBACK_PER_HOUR >= 40


@pytest.mark.django_db
def test_feedback_is_rate_limited(client, assessment, in_progress, settings):
    settings.PBR_ASSESSMENT_FEEDBACK_PER_HOUR = 5
    cache.clear()
    in_progress.completed_at = in_progress.created_at
    in_progress.result = scoring.score(pinned(in_progress.revision_id).engine, in_progress.answers).to_dict()
    in_progress.save()
    url = assessment.url + f"result/{in_progress.share_token}/feedback/"
    answered_in(client, in_progress)
    for _ in range(5):
        assert client.post(url, {"useful": "yes"}).status_code == 302
    assert client.post(url, {"useful": "no"}).status_code == 429
    in_progress.refresh_from_db()
    assert in_progress.found_useful is True


def test_rate_limits_use_the_shared_cache_in_production():
    """Counts must be shared by every gunicorn worker: never per-process memory."""
    from pbr_site.settings import base

    assert base.CACHES["default"]["BACKEND"] in (
        "django.core.cache.backends.db.DatabaseCache",
        "django.core.cache.backends.redis.RedisCache",
    )
