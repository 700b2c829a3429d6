"""The joint self-assessment in Welsh: every page of the journey a party sees through the Welsh
self-assessment reads in Welsh, with no English interface text left over."""

import uuid

import pytest
from django.test import Client

from toolkit.models import JointAssessment, JointParty, SelfAssessmentPage

from .test_journey import soup_of

# English interface text that must not reach a Welsh reader of these pages.
ENGLISH = [
    "Start a joint self-assessment",
    "There is a problem",
    "Invite someone else",
    "This invitation link is not valid",
    "Which service are you assessing?",
    "Which role will you answer in?",
    "Joint self-assessment",
    "Enter the name of the service you are assessing",
    "Select the role this person will answer in",
    "Your joint self-assessment has started",
    "Answer your questions",
    "Parties",
    "Invitation link",
    "Make an invitation link",
    "Nobody has shared their answers yet",
    "Keep or share",
    "Invitation made for",
    "You are invited to a joint self-assessment",
    "You answer as",
    "Start answering",
    "This link works once",
    "Check that you copied the whole link",
    "Your answers stay private",
    "Go to ",
    "Investor",
    "Other partner",
    "Provider",
    "Commissioner",
]


def welsh_text(response):
    """The visible text of a page, after checking it is a Welsh page with no English interface text."""
    html = soup_of(response)
    assert html.html["lang"] == "cy"
    text = html.get_text(" ", strip=True)
    left = [english for english in ENGLISH if english in text]
    assert not left, f"English left on a Welsh page: {left}"
    return text


@pytest.fixture
def welsh_page(demo_page):
    return demo_page(SelfAssessmentPage, "cy")


@pytest.mark.django_db
def test_starting_a_joint_self_assessment_reads_in_welsh(client, welsh_page):
    form = client.get(welsh_page.url + "joint/start/")
    assert form.status_code == 200
    text = welsh_text(form)
    assert "Dechrau hunanasesiad ar y cyd" in text
    assert "Pa wasanaeth rydych yn ei asesu?" in text
    assert "Ym mha rôl y byddwch yn ateb?" in text
    assert "Buddsoddwr" in text and "Cynrychiolydd defnyddwyr gwasanaeth" in text

    empty = client.post(welsh_page.url + "joint/start/", {})
    assert empty.status_code == 200
    welsh_text(empty)
    summary = soup_of(empty).select_one(".govuk-error-summary")
    assert summary.select_one("h2").get_text(strip=True) == "Mae problem wedi codi"
    assert [a.get_text(strip=True) for a in summary.select("a")] == [
        "Rhowch enw'r gwasanaeth rydych yn ei asesu",
        "Dewiswch y rôl y byddwch chi'n ateb ynddi",
    ]
    assert not JointAssessment.objects.exists()


@pytest.mark.django_db
def test_the_joint_page_an_invitation_and_a_bad_link_read_in_welsh(client, welsh_page):
    started = client.post(
        welsh_page.url + "joint/start/",
        {"service": "Mentora drwy'r giât", "role": "commissioner", "label": "Cyngor Glan yr Afon"},
    )
    assert started.status_code == 302
    joint = JointAssessment.objects.get()
    assert started["Location"] == welsh_page.url + f"joint/{joint.token}/"

    page = client.get(started["Location"])
    assert page.status_code == 200
    text = welsh_text(page)
    assert "Mae eich hunanasesiad ar y cyd wedi dechrau." in text  # the message after starting
    assert "Rydych yn cymryd rhan fel Comisiynydd (Cyngor Glan yr Afon)." in text
    assert "Ateb eich cwestiynau" in text and "Partïon" in text and "Gwahodd rhywun arall" in text
    assert "Nid oes neb wedi rhannu eu hatebion eto." in text

    invited = client.post(welsh_page.url + f"joint/{joint.token}/invite/", {"role": "provider", "label": "Nacro"})
    assert invited.status_code == 302
    party = JointParty.objects.get(joint=joint, role="provider")
    page = client.get(invited["Location"])
    text = welsh_text(page)
    assert "Mae gwahoddiad wedi'i greu ar gyfer Darparwr (Nacro)." in text
    assert "Wedi cael gwahoddiad" in text and "Dolen wahoddiad" in text

    refused = client.post(welsh_page.url + f"joint/{joint.token}/invite/", {"role": "mayor"})
    assert refused.status_code == 200
    assert "Dewiswch y rôl y bydd y person hwn yn ateb ynddi" in welsh_text(refused)

    provider = Client()
    invitation = provider.get(welsh_page.url + f"invitation/{party.invite_token}/")
    assert invitation.status_code == 200
    text = welsh_text(invitation)
    assert "Rydych wedi cael gwahoddiad i hunanasesiad ar y cyd" in text
    assert "Rydych yn ateb fel" in text and "Darparwr (Nacro)" in text
    assert "Dechrau ateb" in text

    accepted = provider.post(welsh_page.url + f"invitation/{party.invite_token}/")
    assert accepted.status_code == 302
    party.refresh_from_db()
    about = welsh_text(provider.get(accepted["Location"]))
    assert "Bydd eich atebion yn aros yn breifat nes i chi orffen a dewis eu rhannu â'r partïon eraill." in about
    task_list = welsh_text(provider.get(welsh_page.url + f"r/{party.response.token}/"))
    assert (
        "Rhan o'r hunanasesiad ar y cyd ar gyfer Mentora drwy'r giât: rydych yn ateb fel Darparwr (Nacro)." in task_list
    )

    used = Client().get(welsh_page.url + f"invitation/{party.invite_token}/")
    assert used.status_code == 410
    assert "Mae'r gwahoddiad hwn eisoes wedi'i ddefnyddio" in welsh_text(used)

    unknown = Client().get(welsh_page.url + f"invitation/{uuid.uuid4()}/")
    assert unknown.status_code == 404
    text = welsh_text(unknown)
    assert "Nid yw'r ddolen wahoddiad hon yn ddilys" in text
    assert "Gwiriwch eich bod wedi copïo'r ddolen gyfan." in text
    assert f"Mynd i {welsh_page.title}" in text

    no_joint = Client().get(welsh_page.url + f"joint/{uuid.uuid4()}/")
    assert no_joint.status_code == 404
    assert "Nid yw'r ddolen hon i'r hunanasesiad ar y cyd yn ddilys" in welsh_text(no_joint)
