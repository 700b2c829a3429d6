"""The PDF of a self-assessment result (toolkit/result_pdf.py): in the reader's language, at most
4 A4 pages for the demo questionnaire, with the date, the questionnaire version and the private
link; never cached; refused politely to the wrong method, unknown links and too many requests."""

import io

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.timezone import localtime
from pypdf import PdfReader

from literature.models import ResourcePackPage
from toolkit import result_pdf
from toolkit.demo.questionnaire import SAMPLE_SERVICES
from toolkit.models import AssessmentResponse, SelfAssessmentPage
from toolkit.views import explain

from .test_demo_questionnaire import take_as

MAX_PAGES = 4
LANGUAGES = ("en", "cy")


def completed(client, language, service="short-sentences"):
    page = SelfAssessmentPage.objects.get(locale__language_code=language)
    response, _, _ = take_as(client, page, SAMPLE_SERVICES[service])
    return page, response


def pdf_url(page, response):
    return f"{page.url}result/{response.share_token}/pdf/"


def read(http):
    reader = PdfReader(io.BytesIO(http.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    links = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    }
    return reader, text, links


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("service", list(SAMPLE_SERVICES))
def test_the_pdf_holds_the_result_in_the_readers_language_on_at_most_4_pages(client, language, service):
    page, response = completed(client, language, service)
    http = client.get(pdf_url(page, response))
    assert http.status_code == 200
    assert http["Content-Type"] == "application/pdf"
    reader, text, links = read(http)
    assert len(reader.pages) <= MAX_PAGES
    _, _, verdict, factors = explain(response)
    flat = " ".join(text.split())
    assert verdict.band.heading in flat
    for item in factors:
        assert item.factor.name in flat
    # The private link, the questionnaire version and the date, as text and as a working link.
    share_url = f"http://testserver{page.url}result/{response.share_token}/"
    assert share_url in text.replace("\n", "")
    assert share_url in links
    # The version as readers know it: when those questions were published (not an internal id).
    with translation.override(language):
        published = date_format(localtime(response.revision.created_at), "j F Y H:i")
    assert published in flat
    # Evidence as absolute links: the digests and the resource pack's entries.
    request = RequestFactory().get(pdf_url(page, response))
    explained = result_pdf.result_context(request, page, response)["factors"]
    assert all(item.digest_links and item.resource_links for item in explained)
    evidence = {url for item in explained for _, url in [*item.digest_links, *item.resource_links]}
    assert evidence <= links
    pack = ResourcePackPage.for_locale(page.locale_id)
    assert any(url.startswith(f"http://testserver{pack.url}entry/") for url in evidence)
    heading = {"en": "Your result", "cy": "Eich canlyniad"}[language]
    assert heading in flat
    assert reader.metadata.title.startswith(heading)
    if language == "cy":
        assert "What you told us" not in flat and "Beth ddywedoch chi wrthym" in flat


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_weakest_possible_answers_still_fit_on_4_pages(rf, client, language):
    """Every question answered with its lowest-scoring answer: the longest explanation."""
    page = SelfAssessmentPage.objects.get(locale__language_code=language)
    from toolkit.questionnaire import pinned

    questionnaire = pinned(page.get_latest_revision().pk)
    weakest = {"role": "provider", "answers": {}}
    for question in questionnaire.questions.values():
        option = min(question.options, key=lambda o: (sum(o.scores.values()), -len(o.consider)))
        weakest["answers"][question.reference] = [option.code]
    response, _, _ = take_as(client, page, weakest)
    request = rf.get(pdf_url(page, response))
    document = result_pdf.render_document(
        request, "toolkit/pdf/result.html", result_pdf.result_context(request, page, response)
    )
    assert len(document.pages) <= MAX_PAGES


@pytest.mark.django_db
def test_never_cached_never_indexed_and_saved_under_a_safe_name(client):
    page, response = completed(client, "cy")
    http = client.get(pdf_url(page, response))
    assert "no-store" in http["Cache-Control"] and "private" in http["Cache-Control"]
    assert "noindex" in http["X-Robots-Tag"]
    disposition = http["Content-Disposition"]
    assert disposition.startswith('attachment; filename="') and disposition.endswith('.pdf"')
    assert disposition.isascii()
    assert f"{response.completed_at:%Y-%m-%d}" in disposition


def test_filenames_are_plain_ascii():
    assert result_pdf.ascii_filename("Hunanasesiad ŵyr: 2026/12") == "hunanasesiad-wyr-202612"
    assert result_pdf.ascii_filename('"; rm -rf / ..') == "rm-rf"
    assert result_pdf.ascii_filename("ŵŷ", default="result") == "wy"
    assert result_pdf.ascii_filename("你好", default="result") == "result"


@pytest.mark.django_db
def test_unknown_and_unfinished_results_are_not_found(client):
    page = SelfAssessmentPage.objects.get(locale__language_code="en")
    assert client.get(f"{page.url}result/00000000-0000-4000-8000-000000000000/pdf/").status_code == 404
    assert client.get(f"{page.url}result/not-a-uuid/pdf/").status_code == 404
    client.post(page.url + "start/")
    unfinished = AssessmentResponse.objects.filter(page=page).latest("created_at")
    assert not unfinished.is_complete
    assert client.get(pdf_url(page, unfinished)).status_code == 404
    # A finished result is found only under the page it was taken on.
    _, finished = completed(client, "en")
    welsh = SelfAssessmentPage.objects.get(locale__language_code="cy")
    assert client.get(pdf_url(welsh, finished)).status_code == 404


@pytest.mark.django_db
def test_only_get(client):
    page, response = completed(client, "en")
    http = client.post(pdf_url(page, response))
    assert http.status_code == 405
    assert "no-store" in http["Cache-Control"]


@pytest.mark.django_db
def test_too_many_pdfs_from_one_client_get_the_429_page(client, monkeypatch):
    monkeypatch.setattr(result_pdf, "PDFS_PER_HOUR", 2)
    page, response = completed(client, "en")
    assert [client.get(pdf_url(page, response)).status_code for _ in range(2)] == [200, 200]
    refused = client.get(pdf_url(page, response))
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("text/html")
    assert "no-store" in refused["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_result_page_links_to_its_pdf(client, language):
    page, response = completed(client, language)
    html = client.get(f"{page.url}result/{response.share_token}/").content.decode()
    assert f'href="{pdf_url(page, response)}"' in html


@pytest.mark.django_db
def test_a_pdf_takes_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    page, response = completed(client, "cy")
    client.get(pdf_url(page, response))  # the reading per factor is then cached, as on a live site
    with django_assert_max_num_queries(12):
        assert client.get(pdf_url(page, response)).status_code == 200
