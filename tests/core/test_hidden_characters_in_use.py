"""Hostile characters typed or pasted where the public types, through each real entry point:
the enquiry form, the "suggest a resource" form, the self-assessment's feedback, site search
and the resource pack's search. Each answers with its ordinary page (never a server error)
and keeps what pbr_site.core.text.without_hidden_characters keeps."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from pbr_site.core.models import Enquiry, GetInvolvedPage

from literature.models import ResourcePackPage, ResourceSuggestion
from tests.core.test_get_involved import ANSWERS, send
from tests.literature import factories
from tests.toolkit.fixtures import build_assessment
from tests.toolkit.test_report import feedback, take

pytestmark = pytest.mark.django_db

BIDI = "\u202e\u2066\u200f"
# NUL, a C0 and a C1 control, bidi overrides, a byte order mark, a zero-width space and a
# Unicode line separator: each one is something a script, or a paste from a PDF, sends.
HOSTILE = "\x00\x1b\x85" + BIDI + "\ufeff\u200b\u2028"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_the_enquiry_form_keeps_the_visible_text_on_one_line_and_the_message_lines(client):
    page = GetInvolvedPage.objects.live().get(locale__language_code="en")
    response = send(
        client,
        page.url,
        {
            **ANSWERS,
            "name": f"Ann{HOSTILE} Jones",
            "organisation": f"\ufeffTrust{BIDI}",
            "message": f"Line one{HOSTILE}\r\nLine two\u2029three ٣",
        },
    )
    assert response.status_code == 302, soup_of(response).select(".govuk-error-summary")
    enquiry = Enquiry.objects.latest("pk")
    assert (enquiry.name, enquiry.organisation) == ("Ann Jones", "Trust")
    # A zero-width space may stay in prose; the line separator is a line break.
    assert enquiry.message == "Line one\u200b\n\r\nLine two\nthree ٣"


def test_a_field_of_hidden_characters_only_is_asked_for_again(client):
    page = GetInvolvedPage.objects.live().get(locale__language_code="en")
    response = send(client, page.url, {**ANSWERS, "name": HOSTILE, "message": HOSTILE})
    errors = [item.get_text(strip=True) for item in soup_of(response).select(".govuk-error-summary__list li")]
    assert "Enter your name" in errors and "Enter your message" in errors
    assert not Enquiry.objects.exists()


def test_a_suggestion_is_stored_without_what_would_hide_in_it(client):
    url = ResourcePackPage.objects.get(locale__language_code="en").url + "suggest/"
    response = client.post(
        url,
        {
            "title": f"{BIDI}Evaluation{HOSTILE} of a contract",
            "url": "",
            "email": "",
            "website": "",
            "why": f"It{HOSTILE} matters.\u2028Really.",
            "year": "",
        },
    )
    assert response.status_code == 302, soup_of(response).select(".govuk-error-summary")
    suggestion = ResourceSuggestion.objects.latest("pk")
    assert suggestion.title == "Evaluation of a contract"
    assert suggestion.why == "It\u200b\n matters.\nReally."  # a zero-width space may stay in prose


def test_feedback_on_a_result_keeps_the_comment_without_hidden_characters(client):
    assessment = build_assessment()
    response = take(client, assessment, "commissioner", objectives="one", compared="no", safeguards=["none"])
    feedback(client, assessment, response, "yes", f"Useful{HOSTILE}, thanks")
    response.refresh_from_db()
    assert response.found_useful is True and response.useful_comment == "Useful\u200b\n, thanks"


@pytest.fixture
def cafe_entry():
    return factories.entry(title="Quokka café evaluation", summary="What the quokka café found.")


def pack_titles(client, query, language="en"):
    soup = soup_of(client.get(ResourcePackPage.objects.get(locale__language_code=language).url, {"q": query}))
    return soup.select_one("#pack-q")["value"], [
        a.get_text(strip=True) for a in soup.select(".app-entry-result__title a")
    ]


def site_search_titles(client, query):
    soup = soup_of(client.get("/en/search/", {"q": query}))
    return soup.select_one("#search-q")["value"], [
        a.get_text(strip=True) for a in soup.select(".app-search-result__title a")
    ]


@pytest.mark.parametrize(
    "query",
    [
        "quokka\x00café",  # a NUL between two words keeps them two words
        "quokka\u200bcafé",
        f"{BIDI}quokka café{BIDI}",
        "quokka cafe\u0301",  # "é" as "e" and a combining accent, as some keyboards send it
        "\ufeffquokka\u2028café\x85",
    ],
)
def test_the_pack_and_site_search_read_a_hostile_query_alike(client, cafe_entry, query):
    shown, found = pack_titles(client, query)
    assert (shown, found) == ("quokka café", [cafe_entry.title])
    assert site_search_titles(client, query) == ("quokka café", [cafe_entry.title])


def test_hostile_filter_values_in_the_pack_give_its_ordinary_page(client, cafe_entry):
    pack = ResourcePackPage.objects.get(locale__language_code="en")
    soup = soup_of(
        client.get(
            pack.url,
            {
                "q": HOSTILE,
                "sector": [HOSTILE, "\x00"],
                "theme": BIDI,
                "country": [f"United{HOSTILE}Kingdom", "\x00"],
                "year_from": "٢٠١٩",
                "type": "\x00",
            },
        )
    )
    assert soup.select_one("#pack-q")["value"] == ""
    assert "“٢٠١٩” is not a year between 1900 and 2100" in soup.get_text()  # other digits: refused in words
