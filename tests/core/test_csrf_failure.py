"""A form sent without this site's cookie or its security token (CSRF) is refused with the
site's own page, in the reader's language, saying why and what to do: never Django's bare
"CSRF verification failed" (which in production adds "More information is available with
DEBUG=True")."""

import pytest
from django.test import Client

from tests.forms import read_form
from toolkit.models import SelfAssessmentPage

pytestmark = pytest.mark.django_db


def start_form(language):
    """The self-assessment's "Start now" form as a browser has it, and that browser."""
    browser = Client(enforce_csrf_checks=True)
    page = SelfAssessmentPage.objects.live().get(locale__language_code=language)
    return read_form(browser.get(page.url), "form[action$='start/']"), browser


@pytest.mark.parametrize(
    ("language", "heading", "advice"),
    [
        ("en", "Sorry, we could not accept this form", "Allow cookies for this site"),
        ("cy", "ni allem dderbyn y ffurflen hon", "Caniatewch gwcis ar gyfer y wefan hon"),
    ],
)
def test_a_browser_without_the_sites_cookie_is_told_to_allow_it_and_try_again(language, heading, advice):
    form, _ = start_form(language)
    response = Client(enforce_csrf_checks=True).post(form.action, form.fields)  # cookies cleared
    assert response.status_code == 403
    text = response.content.decode()
    assert heading in text and advice in text, text
    assert "CSRF" not in text and "DEBUG" not in text
    assert f'<html lang="{language}"' in text


def test_a_form_without_its_token_is_told_to_reload_the_page():
    form, browser = start_form("en")
    fields = {name: value for name, value in form.fields.items() if name != "csrfmiddlewaretoken"}
    response = browser.post(form.action, fields)
    assert response.status_code == 403
    assert "go back, reload the page and try again." in response.content.decode()
