"""The joint result as a PDF: what the joint page shows of the parties who shared, in the
reader's language, on at most 4 A4 pages for the demo questionnaire."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from toolkit.demo.questionnaire import SAMPLE_SERVICES
from toolkit.models import JointAssessment, JointParty, SelfAssessmentPage
from toolkit.questionnaire import pinned

from .test_joint import accept, invite, share, start_joint
from .test_result_pdf import MAX_PAGES, read

ZERO = "00000000-0000-4000-8000-000000000000"


def answer_as(client, page, response, service):
    """Answer a party's response with a demo sample service's answers and finish it."""
    base = page.url + f"r/{response.token}/"
    assert client.post(base + "about-you/", {"sector": ""}).status_code == 302
    questionnaire = pinned(response.revision_id)
    for section in questionnaire.sections:
        data = {"revision": response.revision_id}
        for question in section.questions:
            codes = service["answers"].get(question.reference, [])
            data[question.id] = [option.id for option in question.options if option.code in codes]
        assert client.post(base + f"section/{section.number}/", data).status_code == 302
    assert client.post(base + "check/").status_code == 302
    response.refresh_from_db()
    assert response.is_complete
    return response


def two_parties_shared(client, page):
    services = list(SAMPLE_SERVICES.values())
    joint = start_joint(client, page)
    share(client, page, answer_as(client, page, joint.parties.get().response, services[0]))
    provider = Client()
    response = answer_as(provider, page, accept(provider, page, invite(client, page, joint)), services[-1])
    share(provider, page, response)
    return joint


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_joint_pdf_holds_what_was_shared_on_at_most_4_pages(client, language):
    english = SelfAssessmentPage.objects.get(locale__language_code="en")
    page = SelfAssessmentPage.objects.get(locale__language_code=language)
    joint = two_parties_shared(client, english)
    http = client.get(page.url + f"joint/{joint.token}/pdf/")
    assert http.status_code == 200 and http["Content-Type"] == "application/pdf"
    assert http["Content-Disposition"].startswith('attachment; filename="') and "no-store" in http["Cache-Control"]
    reader, text, links = read(http)
    assert len(reader.pages) <= MAX_PAGES
    flat = " ".join(text.split())
    assert "Through-the-gate mentoring" in flat
    assert "Riverside Council" in flat and "Nacro" in flat
    assert page.url.split("/")[1] in "".join(links)  # the joint link, in the reader's language
    assert any(link.endswith(f"joint/{joint.token}/") for link in links)
    with translation.override(language):
        heading = gettext("Where your answers differ most")
    assert heading in flat
    if language == "cy":
        assert heading != "Where your answers differ most" and "Factor by factor" not in flat


@pytest.mark.django_db
def test_nothing_unshared_is_in_the_pdf(client):
    page = SelfAssessmentPage.objects.get(locale__language_code="en")
    joint = start_joint(client, page)
    answer_as(client, page, joint.parties.get().response, list(SAMPLE_SERVICES.values())[0])
    _, text, _ = read(client.get(page.url + f"joint/{joint.token}/pdf/"))
    flat = " ".join(text.split())
    assert "Nobody has shared their answers yet" in flat and "Finished, not shared yet" in flat
    assert "Verdicts, party by party" not in flat


@pytest.mark.django_db
def test_unknown_expired_and_posted_joint_pdfs(client):
    page = SelfAssessmentPage.objects.get(locale__language_code="en")
    assert client.get(page.url + f"joint/{ZERO}/pdf/").status_code == 404
    joint = start_joint(client, page)
    party = JointParty.objects.get(joint=joint)
    assert client.get(page.url + f"joint/{party.invite_token}/pdf/").status_code == 404
    assert client.post(page.url + f"joint/{joint.token}/pdf/").status_code == 405
    JointAssessment.objects.filter(pk=joint.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    assert client.get(page.url + f"joint/{joint.token}/pdf/").status_code == 410
