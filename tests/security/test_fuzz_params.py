"""Hostile families of input the outside audit found giving server errors, and their
relatives: number-looking parameters written in other scripts or forms ('²', '①', '٣',
'０１'...), form posts declaring every kind of character set, and text made only of invisible
characters or carrying bidirectional controls.

Each is sent as a browser or a script would send it, through the whole middleware stack
(CSRF checks on, with a real token), and the page a visitor gets is asserted: never a 5xx,
and the sensible page (the first page of results, the form with its own message, a clear
400 page), with nothing stored that should not be.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from literature.models import ResourcePackPage, ResourceSuggestion
from tests.toolkit.fixtures import answered_in
from toolkit import scoring
from toolkit.models import AssessmentResponse, Role, SelfAssessmentPage
from toolkit.questionnaire import pinned

pytestmark = pytest.mark.django_db

# Everything a number-looking parameter may be given that is not ASCII digits, or is ASCII
# digits in a form no link of ours sends.
NOT_A_NUMBER = [
    "²",
    "①",
    "٣",
    "߀",
    "１",
    "０１",
    "𝟙",
    "Ⅳ",
    "1e3",
    "-1",
    "+1",
    "1.5",
    "0x10",
    "1_000",
    " 1",
    "1\x00",
    "",
    " ",
    "99999999999999999999",
    "9" * 400,
    "NaN",
    "inf",
    "1,000",
    "[]",
    "%00",
    "\u202e1",
]
# Names of the character sets a form post may declare.
UTF8_BY_ANOTHER_NAME = ["utf-8", "UTF-8", "utf8", "UTF8", "utf_8", "U8", "us-ascii", "ascii"]
NOT_UTF8 = [
    "latin-1",
    "iso-8859-1",
    "ISO-8859-15",
    "windows-1252",
    "cp1252",
    "utf-16",
    "utf-16le",
    "utf-32",
    "shift_jis",
    "koi8-r",
    "big5",
    "utf-7",
    "unicode-1-1-utf-7",
    "cp037",
]
UNKNOWN = ["bogus", "x-unknown", "", '"utf-8"', "utf-8;q=1", "💥"]
INVISIBLE_ONLY = [
    "\u200b",
    "\ufeff",
    "\u202e",
    "\u00ad",
    "\u2060",
    "\u200b \u00a0\u3000\u2003",
    "\u0301\u0300",
    "\u2066\u2069",
    "\u3164",
    "\u2800",
    "\u180e",
    "\u034f",
    "\u200e\u200f\u061c",
    "\x00\x07\x1b",
]
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
BIDI_RE = re.compile(f"[{BIDI}]")


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def heading(response):
    h1 = html(response).find("h1")
    return h1.get_text(" ", strip=True) if h1 else ""


def errors(response):
    return [item.get_text(" ", strip=True) for item in html(response).select(".govuk-error-summary__list li")]


# --- numbers in query strings --------------------------------------------------------------


def first_result_number(response):
    results = html(response).select_one("ol.app-search-results")
    return results["start"] if results else None


@pytest.mark.parametrize("value", NOT_A_NUMBER)
def test_search_pages_read_only_ascii_digits(client, value):
    cache.clear()
    response = client.get("/en/search/", {"q": "evaluation", "page": value})
    assert response.status_code == 200
    # The first page, or the last for a number past the end ('99999…'), never a 500.
    assert first_result_number(response) is not None
    if value.strip() not in ("99999999999999999999", "9" * 400):
        assert first_result_number(response) == "1", value


def test_search_pages_still_page(client):
    response = client.get("/en/search/", {"q": "evaluation", "page": "2"})
    assert response.status_code == 200 and first_result_number(response) == "11"


# The family the audit named, for the slower walk over every kind of page.
AUDITED = ["²", "①", "٣", "߀", "1e3", "-1", "99999999999999999999", " 1", "1\x00", "", "０１"]


def test_every_public_page_ignores_hostile_numbers(client, all_demo_pages):
    """Every parameter a page reads as a number (and some no page reads), on one page of
    every kind, each feed and the search in both languages."""
    pages, seen_types = [], set()
    for page in all_demo_pages:
        if type(page) not in seen_types and page.locale.language_code == "en":
            seen_types.add(type(page))
            pages.append(page.url)
    for value in AUDITED:
        cache.clear()
        for url in pages:
            response = client.get(url, {"page": value, "year": value, "sector": value})
            assert response.status_code < 500, (url, value)
        for path in ("/en/search/", "/cy/search/", "/en/literature-review/feed/", "/sitemap.xml"):
            response = client.get(path, {"q": "gwerthuso", "page": value, "type": value, "sector": value})
            assert response.status_code < 500, (path, value)


@pytest.mark.parametrize("number", ["0", "99999999999999999999", "9" * 30, "00001"])
def test_numbers_in_addresses_are_not_found_or_the_right_page(client, number):
    """Path converters take ASCII digits only (Django's int converter); huge ones are a 404."""
    pack = ResourcePackPage.objects.get(locale__language_code="en")
    assessment = SelfAssessmentPage.objects.live().get(locale__language_code="en")
    response = AssessmentResponse.objects.create(
        page=assessment, revision_id=assessment.live_revision_id, language="en", role=Role.values[0]
    )
    # An entry has one address (entry/1/, which a publish purges): 00001 is none.
    assert client.get(pack.url + f"entry/{number}/").status_code == 404
    # 00001 is section 1 (never kept by the HTTP cache: the journey is never_cache): never a 500.
    section = assessment.url + f"r/{response.token}/section/{number}/"
    assert client.get(section).status_code in ((200, 302) if number == "00001" else (302, 404)), section
    for word in ("²", "٣", "１"):
        assert client.get(pack.url + f"entry/{word}/").status_code == 404


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize("value", NOT_A_NUMBER + ["7", "365", "8"])
def test_the_search_report_reads_only_its_own_periods(editor_client, value):
    response = editor_client.get("/admin/search-terms/", {"days": value})
    assert response.status_code == 200
    chosen = {"7": "7", "365": "365"}.get(value, "30")
    assert html(response).select_one("select[name=days] option[selected]")["value"] == chosen, value


# --- form posts declaring a character set ---------------------------------------------------


@pytest.fixture
def assessment():
    return SelfAssessmentPage.objects.live().get(locale__language_code="en")


@pytest.fixture
def in_progress(assessment):
    response = AssessmentResponse.objects.create(
        page=assessment, revision_id=assessment.live_revision_id, language="en", role=Role.values[0]
    )
    return response


@pytest.fixture
def finished(assessment):
    response = AssessmentResponse.objects.create(
        page=assessment, revision_id=assessment.live_revision_id, language="en", role=Role.values[0]
    )
    questionnaire = pinned(response.revision_id)
    answers = {}
    for question in questionnaire.questions.values():
        if question.id in {q.id for q in scoring.visible_questions(questionnaire.engine, answers)}:
            answers[question.id] = [question.options[0].id]
    response.answers = answers
    response.result = scoring.score(questionnaire.engine, answers).to_dict()
    response.completed_at = response.created_at
    response.save()
    return response


@pytest.fixture
def public_forms(assessment, in_progress, finished):
    """Every form a visitor or a member of staff can post: (address, a body that would be
    accepted or answered normally)."""
    from pbr_site.core.models import GetInvolvedPage

    pack = ResourcePackPage.objects.get(locale__language_code="en")
    base = assessment.url + f"r/{in_progress.token}/"
    return [
        (
            GetInvolvedPage.objects.get(locale__language_code="en").url,
            {"reason": "pilot", "name": "Siân Éluned", "email": "sian@example.org", "message": "Pilot – café"},
        ),
        (pack.url + "suggest/", {"title": "Gwerthusiad – café", "why": "It matters: naïve.", "url": ""}),
        ("/en/search/", {"q": "café"}),
        (assessment.url + "start/", {}),
        (base + "about-you/", {"role": Role.values[0], "sector": ""}),
        (base + "section/1/", {"revision": str(in_progress.revision_id)}),
        (base + "check/", {}),
        (assessment.url + f"result/{finished.share_token}/feedback/", {"useful": "yes", "comment": "Très utile"}),
        ("/admin/login/", {"username": "nobody-é", "password": "wrong"}),
        ("/admin/2fa/verify/", {"otp_token": "123456"}),
        ("/admin/2fa/setup/", {"otp_token": "123456"}),
    ]


def csrf_client():
    """A client with CSRF checks on, holding a CSRF cookie and a token from a real form."""
    client = Client(enforce_csrf_checks=True)
    from pbr_site.core.models import GetInvolvedPage

    page = client.get(GetInvolvedPage.objects.get(locale__language_code="en").url)
    token = html(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    return client, token


def urlencoded(data, token, encoding="utf-8"):
    from urllib.parse import urlencode

    return urlencode({**data, "csrfmiddlewaretoken": token}, encoding=encoding, errors="replace").encode("ascii")


def encodable(name):
    import codecs

    try:
        codecs.lookup(name)
    except (LookupError, ValueError):
        return "utf-8"
    return name


@pytest.mark.parametrize("charset", NOT_UTF8)
def test_forms_posted_in_another_character_set_get_a_clear_400_page(public_forms, charset):
    for url, data in public_forms:
        cache.clear()
        client, token = csrf_client()
        body = urlencoded(data, token, encoding=encodable(charset))
        response = client.generic("POST", url, body, f"application/x-www-form-urlencoded; charset={charset}")
        assert response.status_code == 400, (url, charset, response.status_code)
        assert heading(response) == "Sorry, we could not read what was sent"
        assert "Go back, reload the page and try again" in response.content.decode()
    assert not ResourceSuggestion.objects.filter(title__startswith="Gwerthusiad").exists()


@pytest.mark.parametrize("charset", UTF8_BY_ANOTHER_NAME + UNKNOWN)
def test_forms_declaring_utf8_by_any_name_are_read_correctly(public_forms, charset):
    """Another name of UTF-8, or a name nobody knows (read as UTF-8, as every browser sends
    it): the form is read exactly as without a charset."""
    from pbr_site.core.models import Enquiry

    for url, data in public_forms:
        cache.clear()
        client, token = csrf_client()
        body = urlencoded(data, token)
        response = client.generic("POST", url, body, f"application/x-www-form-urlencoded; charset={charset}")
        assert response.status_code < 500, (url, charset)
        assert response.status_code != 403, (url, charset)  # the CSRF token was read
    assert Enquiry.objects.get(email="sian@example.org").name == "Siân Éluned"
    assert ResourceSuggestion.objects.get(title="Gwerthusiad – café").why == "It matters: naïve."


@pytest.mark.parametrize(
    "content_type",
    [
        f"{MULTIPART_CONTENT}; charset=latin-1",
        f"{MULTIPART_CONTENT}; charset=utf-16",
        f"{MULTIPART_CONTENT}; charset=bogus",
        "multipart/form-data; boundary=",
        "multipart/form-data",
        "text/plain; charset=latin-1",
        "application/json; charset=utf-16",
        "application/x-www-form-urlencoded; charset=latin-1; charset=utf-8",
        "application/x-www-form-urlencoded;;charset=",
        "application/x-www-form-urlencoded; charset*=UTF-8''latin-1",
    ],
)
def test_other_bodies_and_odd_headers_never_give_a_server_error(public_forms, content_type):
    for url, data in public_forms:
        cache.clear()
        client, token = csrf_client()
        if content_type.startswith(MULTIPART_CONTENT):
            body = encode_multipart(BOUNDARY, {**data, "csrfmiddlewaretoken": token})
        else:
            body = urlencoded(data, token, encoding="latin-1")
        response = client.generic("POST", url, body, content_type)
        assert response.status_code < 500, (url, content_type, response.status_code)


def test_too_many_fields_is_a_400_page_not_a_server_error(public_forms):
    from django.conf import settings

    for url, data in public_forms:
        client, token = csrf_client()
        many = {f"field{i}": "x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
        response = client.generic("POST", url, urlencoded({**data, **many}, token), "application/x-www-form-urlencoded")
        assert response.status_code == 400, url
        assert heading(response) == "Sorry, we could not read what was sent"


def test_the_400_page_is_in_welsh_for_welsh_pages():
    from pbr_site.core.models import GetInvolvedPage

    client, token = csrf_client()
    url = GetInvolvedPage.objects.get(locale__language_code="cy").url
    response = client.generic(
        "POST", url, urlencoded({"name": "x"}, token, "latin-1"), "application/x-www-form-urlencoded; charset=latin-1"
    )
    assert response.status_code == 400
    assert html(response).find("html")["lang"] == "cy"
    assert heading(response) != "Sorry, we could not read what was sent"


# --- invisible-only text and bidirectional controls, form by form ---------------------------


@pytest.fixture
def enquiry_url():
    from pbr_site.core.models import GetInvolvedPage

    return GetInvolvedPage.objects.get(locale__language_code="en").url


ENQUIRY = {"reason": "pilot", "name": "Ann Jones", "email": "ann@example.org", "message": "We would like to pilot it."}


@pytest.mark.parametrize("invisible", INVISIBLE_ONLY)
def test_enquiry_refuses_invisible_only_text_with_the_fields_own_message(client, enquiry_url, invisible):
    from pbr_site.core.models import Enquiry

    cache.clear()
    response = client.post(enquiry_url, {**ENQUIRY, "name": invisible, "message": invisible, "organisation": invisible})
    assert response.status_code == 200
    assert errors(response) == ["Enter your name", "Enter your message"]
    assert not Enquiry.objects.exists()


def test_enquiry_stores_no_bidirectional_controls(client, enquiry_url):
    from pbr_site.core.models import Enquiry

    cache.clear()
    response = client.post(
        enquiry_url,
        {
            **ENQUIRY,
            "name": f"Ann{BIDI} Jones",
            "organisation": f"{BIDI}Trust",
            "message": f"Line{BIDI} one\r\nLine two\u2028three",
        },
    )
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert (enquiry.name, enquiry.organisation) == ("Ann Jones", "Trust")
    assert enquiry.message == "Line one\r\nLine two\nthree"


@pytest.fixture
def suggest_url():
    return ResourcePackPage.objects.get(locale__language_code="en").url + "suggest/"


SUGGESTION = {"title": "An evaluation", "why": "It shows what happened.", "authors": "", "url": ""}


@pytest.mark.parametrize("invisible", INVISIBLE_ONLY)
def test_suggestion_refuses_invisible_only_text_with_the_fields_own_message(client, suggest_url, invisible):
    cache.clear()
    response = client.post(
        suggest_url,
        {**SUGGESTION, "title": invisible, "why": invisible, "authors": invisible, "year": invisible, "doi": invisible},
    )
    assert response.status_code == 200
    assert errors(response) == ["Enter the title of the resource", "Tell us why it matters"]
    assert not ResourceSuggestion.objects.exists()


def test_suggestion_stores_no_bidirectional_controls(client, suggest_url):
    cache.clear()
    response = client.post(
        suggest_url,
        {
            **SUGGESTION,
            "title": f"{BIDI}An\u200b evaluation{BIDI}",
            "authors": f"Webster{BIDI}, Russell",
            "why": f"It{BIDI} shows\ufeff.",
            "year": f"{BIDI}2019",
            "doi": f"10.1177/1356389015577464{BIDI}",
        },
    )
    assert response.status_code == 302, errors(response)
    suggestion = ResourceSuggestion.objects.get()
    assert (suggestion.title, suggestion.authors, suggestion.why) == ("An evaluation", "Webster, Russell", "It shows.")
    assert (suggestion.year, suggestion.doi) == (2019, "10.1177/1356389015577464")


@pytest.mark.parametrize("invisible", INVISIBLE_ONLY)
def test_feedback_comment_of_invisible_characters_is_no_comment(client, assessment, finished, invisible):
    cache.clear()
    answered_in(client, finished)
    url = assessment.url + f"result/{finished.share_token}/feedback/"
    assert client.post(url, {"useful": "no", "comment": invisible}).status_code == 302
    finished.refresh_from_db()
    assert finished.found_useful is False and finished.useful_comment == ""


def test_feedback_comment_keeps_no_bidirectional_controls(client, assessment, finished):
    cache.clear()
    answered_in(client, finished)
    url = assessment.url + f"result/{finished.share_token}/feedback/"
    assert client.post(url, {"useful": "yes", "comment": f"Helped{BIDI} our board\x00 decide."}).status_code == 302
    finished.refresh_from_db()
    assert finished.useful_comment == "Helped our board decide."


@pytest.mark.parametrize("invisible", INVISIBLE_ONLY)
def test_a_search_for_invisible_characters_is_an_empty_search(client, invisible):
    from wagtail.contrib.search_promotions.models import Query

    cache.clear()
    response = client.get("/en/search/", {"q": invisible})
    assert response.status_code == 200
    assert not html(response).select(".app-search-result")
    assert not Query.objects.exists()


def test_the_echoed_query_has_no_bidirectional_controls(client):
    response = client.get("/en/search/", {"q": f"{BIDI}gaming{BIDI}"})
    assert response.status_code == 200
    assert not BIDI_RE.search(response.content.decode())
    assert html(response).select(".app-search-result")


@pytest.mark.django_db  # the ordinary request at the end reads the database
@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded; charset*=bogus''x",
        "text/plain; charset=utf-8\x00",
        "application/x-www-form-urlencoded; charset*=x-unknown''latin-1",
    ],
)
def test_a_content_type_header_django_cannot_read_is_a_400_page(content_type):
    """Django builds its request object outside its own error handling, so an unreadable
    header would escape as a server error: the WSGI application answers 400 first."""
    from io import BytesIO

    from django.core.handlers.wsgi import WSGIHandler
    from pbr_site.core.charset import ContentTypeCheck

    application = ContentTypeCheck(WSGIHandler())
    started = []
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/en/search/",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(b"q=x"),
        "CONTENT_LENGTH": "3",
        "CONTENT_TYPE": content_type,
    }
    body = b"".join(application(environ, lambda status, headers, *args: started.append(status)))
    assert started == ["400 Bad Request"]
    assert b"Sorry, we could not read what was sent" in body
    # An ordinary request goes through.
    environ = {
        **environ,
        "REQUEST_METHOD": "GET",
        "CONTENT_TYPE": "",
        "CONTENT_LENGTH": "0",
        "wsgi.input": BytesIO(b""),
        "QUERY_STRING": "q=gaming",
    }
    # As Django's test client does: keep the test's database connection open across the request.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        application(environ, lambda status, headers, *args: started.append(status))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert started[-1] == "200 OK"


def test_with_debug_on_a_foreign_charset_still_gets_a_400_not_a_server_error(settings):
    """`make run` has DEBUG on: Django's technical 400 page lists request.FILES, which must not
    parse the refused body again (it gave a 500 on the admin sign-in page)."""
    settings.DEBUG = True
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.generic(
        "POST", "/admin/login/", "username=Si%E2n&password=x", "application/x-www-form-urlencoded; charset=latin-1"
    )
    assert response.status_code == 400
