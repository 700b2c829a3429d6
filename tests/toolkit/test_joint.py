"""A joint self-assessment as its parties use it: one starts and invites, each answers on
their own, each shares when ready, and the joint page shows what was shared and nothing else."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from toolkit.models import AssessmentResponse, JointAssessment, JointParty, SelfAssessmentPage

from .fixtures import bid, build_assessment
from .test_journey import answer, soup_of


@pytest.fixture
def assessment(db):
    return build_assessment()


def start_joint(client, page, service="Through-the-gate mentoring", role="commissioner", label="Riverside Council"):
    done = client.post(page.url + "joint/start/", {"service": service, "role": role, "label": label})
    assert done.status_code == 302, done.content.decode()[:2000]
    joint = JointAssessment.objects.latest("created_at")
    assert done["Location"] == page.url + f"joint/{joint.token}/"
    return joint


def invite(client, page, joint, role="provider", label="Nacro"):
    done = client.post(page.url + f"joint/{joint.token}/invite/", {"role": role, "label": label})
    assert done.status_code == 302
    return JointParty.objects.filter(joint=joint).latest("invited_at", "pk")


def accept(client, page, party):
    done = client.post(page.url + f"invitation/{party.invite_token}/")
    assert done.status_code == 302
    party.refresh_from_db()
    assert done["Location"] == page.url + f"r/{party.response.token}/about-you/"
    return party.response


def finish(client, page, response, **answers):
    """Answer both sections of the test questionnaire and submit."""
    base = page.url + f"r/{response.token}/"
    if not response.role:
        client.post(base + "about-you/", {"role": "commissioner"})
    else:
        assert client.post(base + "about-you/", {"sector": ""}).status_code == 302
    one = {k: v for k, v in answers.items() if k in {"objectives", "compared", "compared_how"}}
    two = {k: v for k, v in answers.items() if k in {"safeguards", "reserves"}}
    answer(client, base + "section/1/", response.revision_id, **one)
    answer(client, base + "section/2/", response.revision_id, **two)
    done = client.post(base + "check/")
    response.refresh_from_db()
    assert response.is_complete, done
    return response


def share(client, page, response):
    done = client.post(page.url + f"result/{response.share_token}/share/")
    assert done.status_code == 302
    return done


def text_of(response):
    return soup_of(response).get_text(" ", strip=True)


STRONG = {
    "objectives": "one",
    "compared": "yes",
    "compared_how": "yes",
    "safeguards": ["upfront", "progress"],
    "reserves": "agree",
}
WEAK = {"objectives": "three", "compared": "no", "safeguards": ["none"], "reserves": "disagree"}


@pytest.mark.django_db
def test_start_a_joint_assessment_and_invite_the_provider(client, assessment):
    form = client.get(assessment.url + "joint/start/")
    assert form.status_code == 200 and "Which service are you assessing?" in text_of(form)
    joint = start_joint(client, assessment)
    starter = joint.parties.get()
    assert (starter.role, starter.label, starter.response.role) == ("commissioner", "Riverside Council", "commissioner")
    page = client.get(assessment.url + f"joint/{joint.token}/")
    text = text_of(page)
    assert "Through-the-gate mentoring" in text and "Commissioner (Riverside Council) (you)" in text
    assert "Answer your questions" in text
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]

    party = invite(client, assessment, joint)
    page = client.get(assessment.url + f"joint/{joint.token}/")
    link = soup_of(page).select_one(f"#party-{party.pk} a")
    assert link["href"].endswith(f"invitation/{party.invite_token}/")
    assert "Invited" in text_of(page)

    provider = Client()
    invitation = provider.get(assessment.url + f"invitation/{party.invite_token}/")
    assert invitation.status_code == 200
    assert "Provider (Nacro)" in text_of(invitation) and "Through-the-gate mentoring" in text_of(invitation)
    response = accept(provider, assessment, party)
    assert response.role == "provider" and response.page_id == assessment.pk
    # Their role was set by the invitation: only the sector is asked.
    about = soup_of(provider.get(assessment.url + f"r/{response.token}/about-you/"))
    assert about.select("input[name=role]") == [] and about.select_one("select#sector")
    task_list = text_of(provider.get(assessment.url + f"r/{response.token}/"))
    assert "Part of the joint self-assessment of Through-the-gate mentoring" in task_list


@pytest.mark.django_db
def test_missing_or_wrong_fields_are_explained_and_nothing_is_made(client, assessment):
    page = client.post(assessment.url + "joint/start/", {"service": " \u200b ", "role": "mayor", "label": "x" * 101})
    assert page.status_code == 200
    summary = [a.get_text(strip=True) for a in soup_of(page).select(".govuk-error-summary a")]
    assert summary == [
        "Enter the name of the service you are assessing",
        "Select the role you will answer in",
        "Name or organisation must be 100 characters or fewer",
    ]
    assert not JointAssessment.objects.exists() and not AssessmentResponse.objects.exists()
    joint = start_joint(client, assessment)
    page = client.post(assessment.url + f"joint/{joint.token}/invite/", {"role": ""})
    assert page.status_code == 200 and "Select the role this person will answer in" in text_of(page)
    assert joint.parties.count() == 1
    assert client.get(assessment.url + f"joint/{joint.token}/invite/").status_code == 302


@pytest.mark.django_db
def test_nobody_sees_a_partys_answers_until_they_finish_and_share(client, assessment):
    joint = start_joint(client, assessment)
    commissioner = finish(client, assessment, joint.parties.get().response, **STRONG)
    provider_client = Client()
    provider = finish(
        provider_client, assessment, accept(provider_client, assessment, invite(client, assessment, joint)), **WEAK
    )

    page = client.get(assessment.url + f"joint/{joint.token}/")
    html = page.content.decode()
    text = text_of(page)
    assert "Nobody has shared their answers yet" in text
    assert "Finished, not shared yet" in text
    for secret in (
        "Looks sound",
        "A real risk",
        "Three or more",
        "Disagree",
        str(provider.token),
        str(provider.share_token),
        str(commissioner.token),
    ):
        assert secret not in html, secret

    # Sharing is the party's own choice, from their result.
    result = provider_client.get(assessment.url + f"result/{provider.share_token}/")
    assert "Share my answers with the other parties" in text_of(result)
    share(provider_client, assessment, provider)
    text = text_of(client.get(assessment.url + f"joint/{joint.token}/"))
    assert "Only one party has shared so far" in text and "A real risk" in text
    assert "Three or more" not in text  # no comparison until a second party shares

    share(client, assessment, commissioner)
    page = client.get(assessment.url + f"joint/{joint.token}/")
    html = soup_of(page)
    header = [th.get_text(strip=True) for th in html.select(".app-joint-table thead th")]
    assert header == ["Factor", "Commissioner (Riverside Council)", "Provider (Nacro)"]
    rows = {
        row.th.get_text(" ", strip=True): [td.get_text(strip=True) for td in row("td")]
        for row in html.select(".app-joint-table tbody tr")
    }
    assert rows["Test purpose"] == ["Looks sound", "A real risk"]
    assert rows["Test finance"] == ["Looks sound", "A real risk"]
    differences = html.select_one(".app-differences").get_text(" ", strip=True)
    assert "How many objectives does the scheme have?" in differences
    assert (
        "Commissioner (Riverside Council): “One”" in differences and "Provider (Nacro): “Three or more”" in differences
    )
    # Still no private links of either party on the shared page.
    for secret in (provider.token, provider.share_token, commissioner.token):
        assert str(secret) not in page.content.decode()


@pytest.mark.django_db
def test_one_party_never_finishing_does_not_hold_up_the_others(client, assessment):
    joint = start_joint(client, assessment)
    commissioner = finish(client, assessment, joint.parties.get().response, **STRONG)
    share(client, assessment, commissioner)
    never = Client()
    accept(never, assessment, invite(client, assessment, joint))
    invite(client, assessment, joint, role="service-user", label="User voice")
    page = client.get(assessment.url + f"joint/{joint.token}/")
    assert page.status_code == 200
    text = text_of(page)
    assert "Answering" in text and "Invited" in text and "Looks sound" in text


@pytest.mark.django_db
def test_forged_used_and_expired_links_get_clear_pages(client, assessment):
    joint = start_joint(client, assessment)
    party = invite(client, assessment, joint)
    unknown = "00000000-0000-4000-8000-000000000000"
    page = client.get(assessment.url + f"invitation/{unknown}/")
    assert page.status_code == 404 and "This invitation link is not valid" in text_of(page)
    page = client.get(assessment.url + f"joint/{unknown}/")
    assert page.status_code == 404 and "This joint self-assessment link is not valid" in text_of(page)
    assert client.get(assessment.url + "joint/not-a-uuid/").status_code == 404
    # A party's invitation token is not a joint link, and a joint token is not an invitation.
    assert client.get(assessment.url + f"joint/{party.invite_token}/").status_code == 404
    assert client.get(assessment.url + f"invitation/{joint.token}/").status_code == 404

    first, second = Client(), Client()
    accept(first, assessment, party)
    used = second.post(assessment.url + f"invitation/{party.invite_token}/")
    assert used.status_code == 410 and "already been used" in text_of(used)
    assert AssessmentResponse.objects.filter(role="provider").count() == 1
    # The person who accepted it is taken back to their answers.
    again = first.get(assessment.url + f"invitation/{party.invite_token}/")
    assert again.status_code == 302 and again["Location"].endswith(f"r/{party.response.token}/")

    old = invite(client, assessment, joint, role="investor")
    JointParty.objects.filter(pk=old.pk).update(invited_at=timezone.now() - datetime.timedelta(days=31))
    expired = Client().post(assessment.url + f"invitation/{old.invite_token}/")
    assert expired.status_code == 410 and "This invitation has expired" in text_of(expired)
    assert "Invitation expired" in text_of(client.get(assessment.url + f"joint/{joint.token}/"))

    JointAssessment.objects.filter(pk=joint.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    gone = client.get(assessment.url + f"joint/{joint.token}/")
    assert gone.status_code == 410 and "has been deleted" in text_of(gone)


@pytest.mark.django_db
def test_only_a_finished_party_can_share_and_only_its_own_answers(client, assessment):
    joint = start_joint(client, assessment)
    response = joint.parties.get().response
    # Unfinished: there is no result to share.
    assert client.post(assessment.url + f"result/{response.share_token}/share/").status_code == 404
    # A solo response has nothing to share with.
    solo = finish(
        client,
        assessment,
        AssessmentResponse.objects.create(page=assessment, revision_id=assessment.live_revision_id, language="en"),
        **STRONG,
    )
    assert client.post(assessment.url + f"result/{solo.share_token}/share/").status_code == 302
    assert not JointParty.objects.filter(shared_at__isnull=False).exists()
    assert "Share my answers" not in text_of(client.get(assessment.url + f"result/{solo.share_token}/"))
    # A GET never shares.
    response = finish(client, assessment, response, **STRONG)
    client.get(assessment.url + f"result/{response.share_token}/share/")
    assert not JointParty.objects.filter(shared_at__isnull=False).exists()


@pytest.mark.django_db
def test_parties_who_answered_different_versions_are_compared_by_the_stable_keys(client, assessment):
    joint = start_joint(client, assessment)
    commissioner = finish(client, assessment, joint.parties.get().response, **STRONG)
    share(client, assessment, commissioner)
    # An editor rewords a question and drops the optional one, then publishes.
    edited = assessment.get_latest_revision_as_object()
    edited.questionnaire[0].value["questions"][0].value["question"] = "How many aims does the scheme have?"
    del edited.questionnaire[1].value["questions"][1]
    edited.save_revision().publish()
    provider_client = Client()
    provider = accept(provider_client, assessment, invite(client, assessment, joint))
    assert provider.revision_id != commissioner.revision_id
    provider = finish(provider_client, assessment, provider, **{k: v for k, v in WEAK.items() if k != "reserves"})
    share(provider_client, assessment, provider)
    html = soup_of(client.get(assessment.url + f"joint/{joint.token}/"))
    differences = html.select_one(".app-differences").get_text(" ", strip=True)
    # Read in the current wording; matched by the question's id, not its words.
    assert "How many aims does the scheme have?" in differences and "“Three or more”" in differences
    # The commissioner answered a question the provider was never asked: said plainly.
    not_compared = html.find("h2", string="Questions that could not be compared")
    assert not_compared is None or "Providers can carry" not in not_compared.find_next("ul").get_text()


@pytest.mark.django_db
def test_a_question_added_later_is_listed_as_not_compared(client, assessment):
    joint = start_joint(client, assessment)
    commissioner = finish(client, assessment, joint.parties.get().response, **STRONG)
    share(client, assessment, commissioner)
    edited = assessment.get_latest_revision_as_object()
    new_question = dict(
        edited.questionnaire[0]
        .value["questions"][1]
        .block.get_prep_value(edited.questionnaire[0].value["questions"][1].value)
    )
    data = edited.questionnaire.raw_data
    added = {
        "type": "yes_no",
        "id": bid("added"),
        "value": {
            **new_question,
            "question": "Is there a data-sharing agreement?",
            "reference": "data-sharing",
            "required": False,
        },
    }
    added["value"]["options"] = [{**o, "id": bid("added", o["value"]["code"])} for o in new_question["options"]]
    data[0]["value"]["questions"].append(added)
    edited.questionnaire = data
    edited.save_revision().publish()
    provider_client = Client()
    provider = accept(provider_client, assessment, invite(client, assessment, joint))
    base = assessment.url + f"r/{provider.token}/"
    provider_client.post(base + "about-you/", {"sector": ""})
    answer(provider_client, base + "section/1/", provider.revision_id, objectives="three", compared="no", added="yes")
    answer(provider_client, base + "section/2/", provider.revision_id, safeguards=["none"])
    provider_client.post(base + "check/")
    provider.refresh_from_db()
    assert provider.is_complete and bid("added") in provider.answers
    share(provider_client, assessment, provider)
    html = soup_of(client.get(assessment.url + f"joint/{joint.token}/"))
    heading = html.find("h2", string="Questions that could not be compared")
    assert heading is not None
    assert "Is there a data-sharing agreement?" in heading.find_next("ul").get_text()


@pytest.mark.django_db
def test_the_joint_page_reads_in_welsh_through_the_welsh_self_assessment(client, demo_page):
    english = demo_page(SelfAssessmentPage, "en")
    welsh = demo_page(SelfAssessmentPage, "cy")
    joint = start_joint(client, english, role="provider", label="")
    page = client.get(welsh.url + f"joint/{joint.token}/")
    assert page.status_code == 200
    assert soup_of(page).html["lang"] == "cy"
    assert "Through-the-gate mentoring" in text_of(page)
    # The starter answers on the English page: their own link still leads there.
    own = joint.parties.get().response
    assert soup_of(page).select_one(f'.govuk-inset-text a[href="{english.url}r/{own.token}/"]')
    assert client.get(f"{english.url}r/{own.token}/").status_code == 200
    party = invite(client, english, joint, role="commissioner")
    invitation = Client().get(welsh.url + f"invitation/{party.invite_token}/")
    assert invitation.status_code == 200 and soup_of(invitation).html["lang"] == "cy"


@pytest.mark.django_db
def test_the_joint_page_reads_a_bounded_number_of_queries(client, assessment, django_assert_max_num_queries):
    joint = start_joint(client, assessment)
    share(client, assessment, finish(client, assessment, joint.parties.get().response, **STRONG))
    url = assessment.url + f"joint/{joint.token}/"
    client.get(url)  # the questionnaire is read once per revision (toolkit's pinned questionnaires)
    counts = []
    for _ in range(2):
        other = Client()
        share(
            other,
            assessment,
            finish(other, assessment, accept(other, assessment, invite(client, assessment, joint)), **WEAK),
        )
        with django_assert_max_num_queries(12) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]  # the same whether two or three parties shared


@pytest.mark.django_db
def test_old_joint_assessments_are_deleted_with_their_responses(client, assessment):
    from django.core.management import call_command

    joint = start_joint(client, assessment)
    party = invite(client, assessment, joint)
    accepted = accept(Client(), assessment, party)
    # Deleting a party's answers takes the party out too: its used invitation never reopens.
    accepted.delete()
    assert not JointParty.objects.filter(pk=party.pk).exists()
    old = timezone.now() - datetime.timedelta(days=assessment.retention_days + 1)
    JointAssessment.objects.filter(pk=joint.pk).update(created_at=old)
    AssessmentResponse.objects.update(created_at=old)
    call_command("delete_old_responses", verbosity=0)
    assert not JointAssessment.objects.exists() and not JointParty.objects.exists()


@pytest.mark.django_db
def test_the_language_switcher_keeps_the_reader_on_the_joint_page(client, demo_page):
    english = demo_page(SelfAssessmentPage, "en")
    welsh = demo_page(SelfAssessmentPage, "cy")
    joint = start_joint(client, english)
    page = soup_of(client.get(english.url + f"joint/{joint.token}/"))
    switch = page.select_one('a[hreflang="cy"]')
    assert switch is not None and switch["href"] == welsh.url + f"joint/{joint.token}/"


@pytest.mark.django_db
def test_on_your_own_only_commissioner_or_provider_can_be_chosen(client, assessment):
    response = AssessmentResponse.objects.create(
        page=assessment, revision_id=assessment.live_revision_id, language="en"
    )
    about = assessment.url + f"r/{response.token}/about-you/"
    page = soup_of(client.get(about))
    assert [radio["value"] for radio in page.select("input[name=role]")] == ["commissioner", "provider"]
    for role in ("investor", "service-user", "other"):
        refused = client.post(about, {"role": role})
        assert refused.status_code == 200 and "Select whether you are commissioning" in text_of(refused)
    response.refresh_from_db()
    assert response.role == ""


@pytest.mark.django_db
def test_a_colleague_with_the_result_link_cannot_share_or_find_the_joint_page(client, assessment):
    joint = start_joint(client, assessment)
    response = finish(client, assessment, joint.parties.get().response, **STRONG)
    result_url = assessment.url + f"result/{response.share_token}/"
    colleague = Client()
    page = colleague.get(result_url)
    assert page.status_code == 200
    assert "Share my answers" not in text_of(page) and str(joint.token) not in page.content.decode()
    refused = colleague.post(result_url + "share/", follow=True)
    assert "Only the person who answered can share" in text_of(refused)
    assert not JointParty.objects.filter(shared_at__isnull=False).exists()
    # The person who answered, in another browser: their private link makes it theirs again.
    elsewhere = Client()
    assert elsewhere.get(assessment.url + f"r/{response.token}/").status_code == 302
    assert "Share my answers" in text_of(elsewhere.get(result_url))
    share(elsewhere, assessment, response)
    assert JointParty.objects.get(response=response).shared_at is not None


@pytest.mark.django_db
def test_a_party_answering_again_answers_for_its_side_and_shares_again(client, assessment):
    joint = start_joint(client, assessment)
    first = finish(client, assessment, joint.parties.get().response, **STRONG)
    share(client, assessment, first)
    done = client.post(assessment.url + f"result/{first.share_token}/answer-again/")
    assert done.status_code == 302
    party = joint.parties.get()
    new = party.response
    assert new.pk != first.pk and new.previous_id == first.pk and party.shared_at is None
    assert new.role == "commissioner"
    text = text_of(client.get(assessment.url + f"joint/{joint.token}/"))
    assert "Answering" in text and "Nobody has shared their answers yet" in text
    client.post(assessment.url + f"r/{new.token}/check/")
    new.refresh_from_db()
    assert new.is_complete
    assert "Share my answers" in text_of(client.get(assessment.url + f"result/{new.share_token}/"))
    # A colleague answering again from the result link makes a copy of their own.
    colleague = Client()
    colleague.post(assessment.url + f"result/{new.share_token}/answer-again/")
    assert joint.parties.get().response_id == new.pk
