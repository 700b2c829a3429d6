"""A finished self-assessment is frozen: once it has been scored, no request, however it is
timed against the others, changes its answers, role, sector or result (toolkit/views.py:
every write is one UPDATE conditional on the response being unfinished, and completing it
is conditional on the answers that were scored still being the stored ones)."""

import json
import threading
from unittest import mock

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import F
from django.test import Client

from toolkit import scoring, views
from toolkit.models import AssessmentResponse
from toolkit.questionnaire import pinned

from .fixtures import bid, build_assessment
from .test_journey import answer, start, take

FROZEN = [
    "answers",
    "sections_done",
    "answers_version",
    "role",
    "sector",
    "result",
    "completed_at",
    "updated_at",
]
# Scored 100% for purpose; the section 1 answers below score it 0%.
HIGH = {
    "objectives": "one",
    "compared": "yes",
    "compared_how": "yes",
    "safeguards": ["upfront"],
    "reserves": "agree",
}
LOW_SECTION_ONE = {"objectives": "three", "compared": "no"}


@pytest.fixture
def assessment(db):
    return build_assessment()


def answer_ids(**answers):
    """{question block id: [option block ids]} as the response stores its answers."""
    return {
        bid(ref.replace("_", "-")): [
            bid(ref.replace("_", "-"), code) for code in (codes if isinstance(codes, list) else [codes])
        ]
        for ref, codes in answers.items()
    }


def stored(response):
    return AssessmentResponse.objects.filter(pk=response.pk).values(*FROZEN).get()


def as_stored(result):
    """A scoring.Result as its JSONField holds it (tuples read back as lists)."""
    return json.loads(json.dumps(result.to_dict()))


def assert_result_is_the_score_of_its_answers(response, context=""):
    response.refresh_from_db()
    if response.is_complete:
        engine = pinned(response.revision_id).engine
        assert response.result == as_stored(scoring.score(engine, response.answers)), context


def urls(page, response):
    base = page.url + f"r/{response.token}/"
    return {
        "about_you": base + "about-you/",
        "section": base + "section/1/",
        "check": base + "check/",
        "result": page.url + f"result/{response.share_token}/",
    }


@pytest.mark.django_db
def test_posts_after_completion_change_nothing(client, assessment):
    response, _ = take(client, assessment, **HIGH)
    assert response.is_complete
    before = stored(response)
    links = urls(assessment, response)
    late = [
        answer(client, links["section"], response.revision_id, **LOW_SECTION_ONE),
        client.post(links["about_you"], {"role": "provider"}),
        client.post(links["check"]),
    ]
    for page in late:
        assert page.status_code == 302 and page["Location"] == links["result"]
    assert stored(response) == before
    assert before["result"]["factors"][0]["percent"] == 100.0


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["about_you", "section"])
def test_a_post_read_before_completion_and_written_after_it_changes_nothing(client, assessment, step):
    """The POST reads the response while it is unfinished; the check-answers POST (from
    another tab) completes it before the first one writes. select_for_update cannot help
    on SQLite, and a check made before taking the lock did not on PostgreSQL."""
    response = take_up_to_check(client, assessment)
    links = urls(assessment, response)
    read_response = views._response_or_404
    completed = {}

    def read_then_completed_elsewhere(page, token):
        found = read_response(page, token)
        if "check" not in completed:  # once: the check POST reads the response too
            completed["check"] = None
            completed["check"] = Client().post(links["check"])
        return found

    with mock.patch.object(views, "_response_or_404", read_then_completed_elsewhere):
        if step == "about_you":
            late = client.post(links["about_you"], {"role": "provider", "sector": ""})
        else:
            late = answer(client, links["section"], response.revision_id, **LOW_SECTION_ONE)
    assert completed["check"]["Location"] == links["result"]
    assert late.status_code == 302 and late["Location"] == links["result"]
    response.refresh_from_db()
    assert response.is_complete
    assert response.role == "commissioner"
    assert response.answers[bid("objectives")] == [bid("objectives", "one")]
    assert response.result["factors"][0]["percent"] == 100.0
    assert_result_is_the_score_of_its_answers(response)


def take_up_to_check(client, page):
    """A response with every answer given (HIGH), not yet sent from check your answers."""
    response, about_url = start(client, page)
    client.post(about_url, {"role": "commissioner"})
    links = urls(page, response)
    answer(
        client,
        links["section"],
        response.revision_id,
        **{k: HIGH[k] for k in ("objectives", "compared", "compared_how")},
    )
    answer(
        client,
        links["section"].replace("/section/1/", "/section/2/"),
        response.revision_id,
        **{k: HIGH[k] for k in ("safeguards", "reserves")},
    )
    response.refresh_from_db()
    assert not response.is_complete and len(response.sections_done) == 2
    return response


@pytest.mark.django_db
def test_answers_saved_while_the_check_post_scores_are_never_left_with_a_stale_result(client, assessment):
    """A section save lands between check your answers reading the answers and storing their
    score: the response must not be completed with the score of the answers it no longer has."""
    response = take_up_to_check(client, assessment)
    links = urls(assessment, response)
    real_score = scoring.score
    saved_meanwhile = []

    def score_while_a_section_is_saved(engine, answers):
        result = real_score(engine, answers)
        if not saved_meanwhile:  # what the section view writes: a conditional UPDATE
            # Section 1 answered low: the follow-up to "compared" is dropped.
            low = answer_ids(**{**HIGH, **LOW_SECTION_ONE})
            del low[bid("compared-how")]
            saved_meanwhile.append(
                AssessmentResponse.objects.filter(pk=response.pk, completed_at__isnull=True).update(
                    answers=low, answers_version=F("answers_version") + 1
                )
            )
        return result

    with mock.patch.object(scoring, "score", score_while_a_section_is_saved):
        checked = client.post(links["check"])
    assert saved_meanwhile == [1]
    assert_result_is_the_score_of_its_answers(response)
    # Not completed with the old score: the answers are shown to be checked again.
    assert not response.is_complete
    assert checked.status_code == 200
    assert "changed since you opened it" in checked.content.decode()
    # Sent again, it is scored on the answers it now has.
    again = client.post(links["check"])
    assert again["Location"] == links["result"]
    assert_result_is_the_score_of_its_answers(response)
    assert response.is_complete and response.result["factors"][0]["percent"] == 0.0


@pytest.mark.django_db
def test_a_section_saved_from_the_check_post_is_scored_or_refused(client, assessment):
    """The same interleaving driven through the real section view from another browser."""
    response = take_up_to_check(client, assessment)
    links = urls(assessment, response)
    real_score = scoring.score
    other_tab = []

    def score_while_another_tab_saves(engine, answers):
        result = real_score(engine, answers)
        if not other_tab:
            other_tab.append(answer(Client(), links["section"], response.revision_id, **LOW_SECTION_ONE))
        return result

    with mock.patch.object(scoring, "score", score_while_another_tab_saves):
        client.post(links["check"])
    assert other_tab[0].status_code == 302
    assert_result_is_the_score_of_its_answers(response)
    client.post(links["check"])
    assert_result_is_the_score_of_its_answers(response)
    # The other tab's answers were kept, and they are the ones scored.
    assert response.is_complete and response.result["factors"][0]["percent"] == 0.0


# --- real concurrency (PostgreSQL) ------------------------------------------------------------
ROUNDS = 30  # x 2 POSTs from one client address: well under settings.PBR_ASSESSMENT_ANSWERS_PER_HOUR
assert ROUNDS * 2 < settings.PBR_ASSESSMENT_ANSWERS_PER_HOUR


@pytest.fixture(scope="module")
def demo_content_kept(django_db_setup, django_db_blocker, tmp_path_factory):
    """A transactional test ends with pytest-django emptying the database, and the demo
    content the other tests read is loaded only once per session (tests/conftest.py): put it
    back afterwards with the site's own backup and restore (pbr_site.core.backup). Module
    scope, so that the restore runs after pytest-django's flush of the test's database."""
    from pbr_site.core import backup

    path = tmp_path_factory.mktemp("demo-content") / "backup.zip"
    with django_db_blocker.unblock():
        backup.backup(path)
    yield
    with django_db_blocker.unblock():
        backup.restore(path, replace=True)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: two requests at the same moment on separate connections "
    "(SQLite's test database is one in-memory connection); the interleavings are tested above",
)
@pytest.mark.django_db(transaction=True)
def test_simultaneous_check_and_section_posts_never_leave_a_stale_result(
    demo_content_kept,
):
    page = build_assessment(slug="frozen-race")
    revision = page.live_revision_id
    low = {"revision": revision, **answer_ids(**LOW_SECTION_ONE)}
    outcomes = {"section first": 0, "section refused": 0, "not completed": 0}
    for round_ in range(ROUNDS):
        response = AssessmentResponse.objects.create(
            page=page,
            revision_id=revision,
            language="en",
            role="commissioner",
            answers=answer_ids(**HIGH),
            sections_done=[bid("s1"), bid("s2")],
        )
        links = urls(page, response)
        barrier = threading.Barrier(2)
        statuses = {}

        def post(name, url, data, barrier=barrier, statuses=statuses):
            # An exception here leaves no status (the assertion below fails) and is reported
            # by pytest as an unhandled thread exception.
            try:
                browser = Client()
                barrier.wait(timeout=30)
                statuses[name] = browser.post(url, data).status_code
            finally:
                connection.close()  # this thread's own connection

        threads = [
            threading.Thread(target=post, args=("check", links["check"], {})),
            threading.Thread(target=post, args=("section", links["section"], low)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert {statuses.get("check"), statuses.get("section")} <= {200, 302}, statuses
        assert_result_is_the_score_of_its_answers(response, f"round {round_ + 1} of {ROUNDS}")
        if not response.is_complete:
            outcomes["not completed"] += 1
        elif response.answers[bid("objectives")] == [bid("objectives", "three")]:
            outcomes["section first"] += 1
        else:
            outcomes["section refused"] += 1
    print(f"{ROUNDS} rounds: {outcomes}")
