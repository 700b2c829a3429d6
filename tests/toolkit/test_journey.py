"""The self-assessment as commissioners and providers take it, through the views."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from toolkit.models import AssessmentResponse

from .fixtures import bid, build_assessment


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def assessment(db):
    return build_assessment()


def start(client, page):
    response = client.post(page.url + "start/")
    assert response.status_code == 302
    return AssessmentResponse.objects.latest("created_at"), response["Location"]


def answer(client, url, revision, **answers):
    data = {"revision": revision}
    for reference, codes in answers.items():
        codes = codes if isinstance(codes, list) else [codes]
        data[bid(reference.replace("_", "-"))] = [bid(reference.replace("_", "-"), code) for code in codes]
    return client.post(url, data)


def take(client, page, role="commissioner", **answers):
    response, about_url = start(client, page)
    client.post(about_url, {"role": role})
    base = page.url + f"r/{response.token}/"
    section_one = {k: v for k, v in answers.items() if k in {"objectives", "compared", "compared_how"}}
    section_two = {k: v for k, v in answers.items() if k in {"safeguards", "reserves"}}
    answer(client, base + "section/1/", response.revision_id, **section_one)
    answer(client, base + "section/2/", response.revision_id, **section_two)
    done = client.post(base + "check/")
    response.refresh_from_db()
    return response, done


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["commissioner", "provider"])
def test_whole_assessment_for_each_role(client, assessment, role):
    response, done = take(
        client,
        assessment,
        role=role,
        objectives="one",
        compared="yes",
        compared_how="yes",
        safeguards=["upfront", "progress"],
        reserves="disagree",
    )
    assert response.is_complete
    assert done["Location"] == assessment.url + f"result/{response.share_token}/"
    page = client.get(done["Location"])
    assert page.status_code == 200
    html = soup_of(page)
    text = html.get_text(" ", strip=True)
    # Purpose: 6/6 = 100% -> Looks sound. Finance: (2 + 0) / (2 + 2) = 50% -> Needs work.
    rows = {
        row.dt.get_text(strip=True): row.dd.get_text(strip=True)
        for row in html.select(".app-verdict-summary .govuk-summary-list__row")
    }
    assert rows == {"Test purpose": "Looks sound", "Test finance": "Needs work"}
    assert f"Needs work: advice for {role}s." in text
    # What the reader told us about finance, the answer that could score higher, and what
    # to consider; the ideal is labelled as what good looks like.
    finance = html.select(".app-factor")[1]
    told = [li.get_text(" ", strip=True) for li in finance.find("h4", string="What you told us").find_next("ul")("li")]
    assert told == [
        "4. Which payments are in place? – you answered “Up-front payment”, “Progress payments”",
        "5. Providers can carry 12 months of delayed payment. – you answered “Disagree” (could score higher)",
    ]
    assert finance.find("h4", string="What to do next").find_next("ul").get_text(strip=True) == (
        "Small charities lack working capital."
    )
    assert finance.select_one(".app-ideal").get_text(" ", strip=True) == "What good looks like Cash flow."
    heading = (
        "What this means for you as a provider" if role == "provider" else "What this means for you as a commissioner"
    )
    assert finance.find("h4", string=heading) is not None
    assert response.result["factors"][0]["percent"] == 100.0


@pytest.mark.django_db
def test_a_missing_answer_is_explained_and_other_answers_are_kept(client, assessment):
    response, about_url = start(client, assessment)
    client.post(about_url, {"role": "commissioner"})
    url = assessment.url + f"r/{response.token}/section/1/"
    page = answer(client, url, response.revision_id, objectives="two")  # "compared" left out
    assert page.status_code == 200
    html = soup_of(page)
    assert html.title.get_text().startswith("Error:")
    summary = html.select_one(".govuk-error-summary a")
    assert summary.get_text() == "Question 2: Select an answer"
    assert summary["href"] == f"#q-{bid('compared')}"
    assert html.find(id=f"q-{bid('compared')}")  # the link target exists
    checked = html.select("input[checked]")
    assert [c["value"] for c in checked] == [bid("objectives", "two")]
    response.refresh_from_db()
    assert response.answers == {bid("objectives"): [bid("objectives", "two")]}


@pytest.mark.django_db
def test_tampered_answer_ids_are_refused_and_valid_answers_kept(client, assessment):
    response, about_url = start(client, assessment)
    client.post(about_url, {"role": "provider"})
    url = assessment.url + f"r/{response.token}/section/1/"
    page = client.post(
        url,
        {
            "revision": response.revision_id,
            bid("objectives"): [bid("objectives", "one")],
            bid("compared"): ["not-an-option' OR 1=1 --"],
            "some-other-question": ["x"],
        },
    )
    assert page.status_code == 200
    assert "Select one of the answers shown" in page.content.decode()
    response.refresh_from_db()
    assert response.answers == {bid("objectives"): [bid("objectives", "one")]}
    # Two answers to a single-choice question.
    page = client.post(
        url,
        {
            "revision": response.revision_id,
            bid("objectives"): [bid("objectives", "one"), bid("objectives", "two")],
            bid("compared"): [bid("compared", "no")],
        },
    )
    assert "Select only one answer" in page.content.decode()
    response.refresh_from_db()
    assert response.answers[bid("compared")] == [bid("compared", "no")]


@pytest.mark.django_db
def test_a_follow_up_question_appears_when_an_answer_calls_for_it(client, assessment):
    response, about_url = start(client, assessment)
    client.post(about_url, {"role": "commissioner"})
    url = assessment.url + f"r/{response.token}/section/1/"
    first = soup_of(client.get(url))
    assert not first.find(id=f"q-{bid('compared-how')}")  # hidden until "yes"
    page = answer(client, url, response.revision_id, objectives="one", compared="yes")
    assert page.status_code == 200  # same page again, now with the follow-up
    html = soup_of(page)
    assert html.find(id=f"q-{bid('compared-how')}")
    assert "another question on this page" in html.get_text()
    assert not html.select(".govuk-error-summary")
    done = answer(client, url, response.revision_id, objectives="one", compared="yes", compared_how="no")
    assert done.status_code == 302 and done["Location"].endswith("/section/2/")
    # Changing the earlier answer drops the follow-up's answer.
    answer(client, url, response.revision_id, objectives="one", compared="no")
    response.refresh_from_db()
    assert bid("compared-how") not in response.answers


@pytest.mark.django_db
def test_role_is_required_and_checked(client, assessment):
    response, about_url = start(client, assessment)
    page = client.post(about_url, {"role": "administrator", "sector": "<b>x</b>"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Select whether you are commissioning or providing the service" in text
    assert "<b>x</b>" not in text
    # Straight to a section without a role: back to the role question.
    assert client.get(assessment.url + f"r/{response.token}/section/1/")["Location"].endswith("/about-you/")


@pytest.mark.django_db
def test_leave_and_come_back_with_the_private_link(client, assessment):
    response, about_url = start(client, assessment)
    client.post(about_url, {"role": "commissioner"})
    answer(
        client, assessment.url + f"r/{response.token}/section/1/", response.revision_id, objectives="one", compared="no"
    )
    from django.test import Client

    elsewhere = Client()  # a new browser: no session, only the link
    task_list = elsewhere.get(assessment.url + f"r/{response.token}/")
    assert task_list.status_code == 200
    statuses = [s.get_text(strip=True) for s in soup_of(task_list).select(".govuk-task-list__status")]
    assert statuses == ["Completed", "Completed", "Not yet started"]
    section = soup_of(elsewhere.get(assessment.url + f"r/{response.token}/section/1/"))
    assert [c["value"] for c in section.select("input[checked]")] == [bid("objectives", "one"), bid("compared", "no")]
    # The landing page offers to continue in the same browser.
    assert "Continue where you left off" in client.get(assessment.url).content.decode()


@pytest.mark.django_db
def test_check_answers_lists_every_answer_with_change_links(client, assessment):
    response, about_url = start(client, assessment)
    client.post(about_url, {"role": "commissioner"})
    base = assessment.url + f"r/{response.token}/"
    answer(client, base + "section/1/", response.revision_id, objectives="two", compared="no")
    answer(client, base + "section/2/", response.revision_id, safeguards=["upfront", "progress"])
    html = soup_of(client.get(base + "check/"))
    rows = {
        r.dt.get_text(strip=True): r.select_one(".govuk-summary-list__value").get_text(" ", strip=True)
        for r in html.select(".govuk-summary-list__row")
    }
    # Numbered as asked: the follow-up to "compared" was not shown, so no number is skipped.
    assert rows["1. How many objectives does the scheme have?"] == "Two"
    assert rows["2. Were alternatives compared?"] == "No"
    assert rows["3. Which payments are in place?"] == "Up-front payment Progress payments"
    assert rows["4. Providers can carry 12 months of delayed payment."] == "Not answered"
    assert len(rows) == 5  # with the role
    change = html.find(id=f"question-{bid('objectives')}").select_one(".govuk-summary-list__actions a")["href"]
    assert change == base + f"section/1/?change=1#question-{bid('objectives')}"
    # Saved, the section sends the reader back here (a browser keeps the link's #question-...
    # through a redirect without a fragment of its own), to the row of the answer they changed.
    saved = answer(client, change.split("#")[0], response.revision_id, objectives="one", compared="no")
    assert saved["Location"] == base + "check/"
    assert soup_of(client.get(saved["Location"])).find(id=f"question-{bid('objectives')}").dt is not None


@pytest.mark.django_db
def test_double_submit_and_late_changes_do_not_alter_the_result(client, assessment):
    response, done = take(client, assessment, objectives="one", compared="no", safeguards=["none"], reserves="agree")
    first = response.result
    again = client.post(assessment.url + f"r/{response.token}/check/")
    assert again["Location"] == done["Location"]
    late = answer(client, assessment.url + f"r/{response.token}/section/1/", response.revision_id, objectives="three")
    assert late.status_code == 302 and late["Location"] == done["Location"]
    response.refresh_from_db()
    assert response.result == first
    assert AssessmentResponse.objects.filter(completed_at__isnull=False).count() == 1


@pytest.mark.django_db
def test_editing_the_questionnaire_never_changes_a_response_in_progress_or_a_result(client, assessment):
    done_response, done = take(
        client,
        assessment,
        objectives="one",
        compared="yes",
        compared_how="yes",
        safeguards=["upfront"],
        reserves="agree",
    )
    in_progress, about_url = start(client, assessment)
    client.post(about_url, {"role": "commissioner"})
    # An editor rewrites the bands and a question, and publishes.
    edited = assessment.get_latest_revision_as_object()
    edited.factor_results[0].value["bands"][2]["heading"] = "Renamed verdict"
    edited.questionnaire[0].value["questions"][0].value["question"] = "Rewritten question?"
    edited.save_revision().publish()
    result_page = client.get(done["Location"]).content.decode()
    assert "Looks sound" in result_page and "Renamed verdict" not in result_page
    section = client.get(assessment.url + f"r/{in_progress.token}/section/1/").content.decode()
    assert "How many objectives does the scheme have?" in section
    # A form from another version of the questionnaire is not trusted blindly.
    stale = client.post(assessment.url + f"r/{in_progress.token}/section/1/", {"revision": "999999"})
    assert stale.status_code == 302
    assert "changed since you opened it" in client.get(stale["Location"]).content.decode()


@pytest.mark.django_db
def test_unknown_or_unfinished_links_are_not_found(client, assessment):
    response, _ = start(client, assessment)
    assert client.get(assessment.url + "r/00000000-0000-4000-8000-000000000000/").status_code == 404
    assert client.get(assessment.url + "r/not-a-uuid/").status_code == 404
    assert client.get(assessment.url + f"result/{response.share_token}/").status_code == 404  # not finished
    assert (
        client.get(assessment.url + f"result/{response.token}/").status_code == 404
    )  # resume token is not a share link
    assert client.get(assessment.url + f"r/{response.token}/section/99/").status_code in (302, 404)


@pytest.mark.django_db
def test_nothing_in_the_journey_is_cached(client, assessment):
    response, done = take(client, assessment, objectives="one", compared="no", safeguards=["none"])
    urls = [
        assessment.url,
        assessment.url + f"r/{response.token}/about-you/",
        done["Location"],
        assessment.url + f"result/{response.share_token}/download/",
    ]
    for url in urls:
        page = client.get(url)
        assert "no-store" in page["Cache-Control"], url


@pytest.mark.django_db
def test_download_holds_the_answers_and_verdicts(client, assessment):
    response, done = take(
        client, assessment, objectives="two", compared="no", safeguards=["upfront"], reserves="neither"
    )
    download = client.get(assessment.url + f"result/{response.share_token}/download/")
    assert download["Content-Disposition"].startswith('attachment; filename="test-self-assessment-')
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    # Finance: up-front (1 of 2) + neither (1 of 2) = 50%; purpose: 1 of 4 = 25%; overall 37.5%.
    assert ["Test finance", "Needs work", "50.0"] in rows
    assert ["Overall", "A real risk", "37.5"] in rows
    assert ["Purpose", "1. How many objectives does the scheme have?", "Two"] in rows


@pytest.mark.django_db
def test_was_this_useful(client, assessment):
    response, done = take(client, assessment, objectives="one", compared="no", safeguards=["none"])
    url = assessment.url + f"result/{response.share_token}/feedback/"
    refused = client.post(url, {"useful": "maybe"}, follow=True)
    response.refresh_from_db()
    assert response.found_useful is None
    # Said beside the question, where the reader lands (#feedback), not in a banner far above.
    assert refused.redirect_chain[-1][0].endswith("/#feedback")
    html = soup_of(refused)
    error = html.select_one("#feedback .govuk-form-group--error .govuk-error-message")
    assert "Select yes or no to tell us whether the result was useful" in error.get_text()
    assert html.select(".govuk-notification-banner") == []
    thanked = soup_of(client.post(url, {"useful": "yes", "comment": "x" * 5000}, follow=True))
    assert thanked.select_one("#feedback [role=status]").get_text(strip=True) == "Thank you for your feedback."
    response.refresh_from_db()
    assert response.found_useful is True and len(response.useful_comment) == 1000


@pytest.mark.django_db
def test_colleagues_with_the_result_link_read_it_but_cannot_change_the_feedback(client, assessment):
    """The page says colleagues "can read it, not change it": the answerer's "was this
    useful?" and comment are theirs alone, neither shown to nor changed by the link's readers."""
    response, done = take(client, assessment, objectives="one", compared="no", safeguards=["none"])
    url = assessment.url + f"result/{response.share_token}/"
    assert client.post(url + "feedback/", {"useful": "no", "comment": "Too blunt for our board."}).status_code == 302
    own = soup_of(client.get(url))
    assert own.select_one("#feedback textarea[name=comment]").get_text() == "Too blunt for our board."

    colleague = Client()
    page = colleague.get(url)
    assert page.status_code == 200 and "Too blunt for our board." not in page.content.decode()
    assert soup_of(page).select("#feedback, textarea[name=comment]") == []
    forged = colleague.post(url + "feedback/", {"useful": "yes", "comment": "Changed by someone else"}, follow=True)
    assert "Only the person who answered can say whether the result was useful." in forged.content.decode()
    response.refresh_from_db()
    assert (response.found_useful, response.useful_comment) == (False, "Too blunt for our board.")


@pytest.mark.django_db
def test_answering_a_section_takes_a_bounded_number_of_queries(client, assessment, django_assert_max_num_queries):
    response, about_url = start(client, assessment)
    client.post(about_url, {"role": "commissioner"})
    url = assessment.url + f"r/{response.token}/section/1/"
    client.get(url)  # the pinned questionnaire is built once per process
    with django_assert_max_num_queries(20):
        page = answer(client, url, response.revision_id, objectives="one", compared="no")
    assert page.status_code == 302


@pytest.mark.django_db
def test_old_responses_are_deleted_after_the_retention_period(client, assessment):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    old, _ = start(client, assessment)
    recent, _ = start(client, assessment)
    AssessmentResponse.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    call_command("delete_old_responses", verbosity=0)
    assert list(AssessmentResponse.objects.filter(page=assessment)) == [recent]
