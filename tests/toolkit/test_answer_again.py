"""Answering again from a result: the previous answers filled in, only what changed is
changed, and the new result says what moved and which answers moved it."""

import pytest

from toolkit.models import AssessmentResponse

from .fixtures import build_assessment
from .test_journey import answer, soup_of, take


@pytest.fixture
def assessment(db):
    return build_assessment()


def again(client, page, response):
    done = client.post(page.url + f"result/{response.share_token}/answer-again/")
    assert done.status_code == 302
    new = AssessmentResponse.objects.latest("created_at")
    assert new.pk != response.pk
    return new, done


@pytest.mark.django_db
def test_answer_again_fills_in_the_previous_answers_and_says_what_moved(client, assessment):
    first, _ = take(
        client,
        assessment,
        role="provider",
        objectives="one",
        compared="yes",
        compared_how="yes",
        safeguards=["upfront", "progress"],
        reserves="agree",
    )
    result_page = soup_of(client.get(assessment.url + f"result/{first.share_token}/"))
    assert result_page.find("button", string=lambda s: s and "Answer again" in s)

    new, done = again(client, assessment, first)
    assert done["Location"] == assessment.url + f"r/{new.token}/check/"
    assert (new.previous_id, new.role, new.answers, new.completed_at) == (first.pk, "provider", first.answers, None)
    check = soup_of(client.get(done["Location"])).get_text(" ", strip=True)
    assert "Your previous answers are filled in" in check and "Up-front payment" in check

    # Things got worse on one question only.
    answer(
        client,
        assessment.url + f"r/{new.token}/section/1/",
        new.revision_id,
        objectives="three",
        compared="yes",
        compared_how="yes",
    )
    finished = client.post(assessment.url + f"r/{new.token}/check/")
    new.refresh_from_db()
    assert new.is_complete and finished["Location"] == assessment.url + f"result/{new.share_token}/"
    html = soup_of(client.get(finished["Location"]))
    changes = html.select_one(".app-changes")
    rows = {
        row.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in row("td")]
        for row in changes.select("tbody tr")
    }
    # Purpose was 6/6 and is now 4/6; finance did not move.
    assert rows["Test purpose"][:2] == ["Looks sound 100.0%", "Needs work 66.7%"]
    assert (
        "Lowered it: How many objectives does the scheme have? – was “One”, now “Three or more”"
        in rows["Test purpose"][2]
    )
    assert rows["Test finance"][2] == "No change"
    # The previous result is unchanged and still readable.
    first.refresh_from_db()
    assert client.get(assessment.url + f"result/{first.share_token}/").status_code == 200


@pytest.mark.django_db
def test_a_result_without_a_previous_one_says_nothing_about_changes(client, assessment):
    first, _ = take(client, assessment, objectives="one", compared="no", safeguards=["none"])
    page = soup_of(client.get(assessment.url + f"result/{first.share_token}/"))
    assert page.select_one(".app-changes") is None


@pytest.mark.django_db
def test_answer_again_only_by_post_and_only_from_a_finished_result(client, assessment):
    first, _ = take(client, assessment, objectives="one", compared="no", safeguards=["none"])
    count = AssessmentResponse.objects.count()
    assert client.get(assessment.url + f"result/{first.share_token}/answer-again/").status_code == 302
    assert AssessmentResponse.objects.count() == count
    unfinished = AssessmentResponse.objects.create(
        page=assessment, revision_id=assessment.live_revision_id, language="en"
    )
    assert client.post(assessment.url + f"result/{unfinished.share_token}/answer-again/").status_code == 404
    assert client.post(assessment.url + f"result/{first.token}/answer-again/").status_code == 404
    assert AssessmentResponse.objects.count() == count + 1


@pytest.mark.django_db
def test_answers_the_new_questionnaire_no_longer_takes_are_asked_again(client, assessment):
    first, _ = take(client, assessment, objectives="two", compared="no", safeguards=["upfront"], reserves="agree")
    # An editor drops the "Two" answer and publishes.
    edited = assessment.get_latest_revision_as_object()
    del edited.questionnaire[0].value["questions"][0].value["options"][1]
    edited.save_revision().publish()
    assessment.refresh_from_db()
    new, done = again(client, assessment, first)
    assert new.revision_id == assessment.live_revision_id != first.revision_id
    objectives = [key for key in first.answers if key not in new.answers]
    assert len(objectives) == 1
    check = soup_of(client.get(done["Location"])).get_text(" ", strip=True)
    assert "Up-front payment" in check
    # The section that lost an answer is not marked done.
    task_list = soup_of(client.get(assessment.url + f"r/{new.token}/"))
    statuses = [status.get_text(strip=True) for status in task_list.select(".govuk-task-list__status")]
    assert statuses[1:] == ["In progress", "Completed"]


@pytest.mark.django_db
def test_change_on_check_your_answers_comes_back_to_it(client, assessment):
    first, _ = take(client, assessment, objectives="one", compared="no", safeguards=["none"])
    new, done = again(client, assessment, first)
    check = soup_of(client.get(done["Location"]))
    change = check.select_one("a[href*='/section/1/']")["href"].split("#")[0]
    assert change.endswith("/section/1/?change=1")
    saved = answer(client, change, new.revision_id, objectives="two", compared="no")
    assert saved.status_code == 302 and saved["Location"] == assessment.url + f"r/{new.token}/check/"
    # Without it, a section leads on to the next as before.
    onward = answer(
        client, assessment.url + f"r/{new.token}/section/1/", new.revision_id, objectives="two", compared="no"
    )
    assert onward["Location"] == assessment.url + f"r/{new.token}/section/2/"


@pytest.mark.django_db
def test_nothing_moved_is_said_plainly(client, assessment):
    first, _ = take(client, assessment, objectives="one", compared="no", safeguards=["none"])
    new, done = again(client, assessment, first)
    finished = client.post(done["Location"])
    html = soup_of(client.get(finished["Location"]))
    assert "Nothing has moved" in html.select_one(".app-changes").get_text(" ", strip=True)


@pytest.mark.django_db
def test_the_staff_report_counts_each_assessment_once(client, assessment):
    from toolkit.report import build_report

    first, _ = take(client, assessment, objectives="one", compared="no", safeguards=["none"])
    new, done = again(client, assessment, first)
    client.post(done["Location"])
    again(client, assessment, first)  # answered again but not finished
    report = build_report(assessment)
    assert (report.totals.started, report.totals.completed, report.totals.answered_again) == (1, 1, 1)
