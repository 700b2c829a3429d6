"""The public "suggest a resource" form and what staff do with suggestions."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from literature.models import BibliographyEntry, ResourcePackPage, ResourceSuggestion
from tests.forms import form_data


@pytest.fixture
def suggest_url(db):
    cache.clear()
    return ResourcePackPage.objects.get(locale__language_code="en").url + "suggest/"


GOOD = {
    "title": "Evaluation of a local resettlement contract",
    "url": "https://www.example.org/evaluation.pdf",
    "why": "It shows what happened when payments were made only on reoffending.",
    "email": "",
    "website": "",
}


@pytest.mark.django_db
def test_a_suggestion_is_stored_for_staff_and_not_shown_publicly(client, suggest_url):
    form = client.get(suggest_url)
    assert form.status_code == 200 and "no-store" in form["Cache-Control"]
    response = client.post(suggest_url, GOOD)
    assert response.status_code == 302
    assert "Thank you" in client.get(response["Location"]).content.decode()
    suggestion = ResourceSuggestion.objects.get()
    assert suggestion.status == "new" and suggestion.language == "en"
    pack = client.get(suggest_url.replace("suggest/", ""), {"q": "local resettlement"}).content.decode()
    assert "Evaluation of a local resettlement contract" not in pack


@pytest.mark.django_db
def test_errors_are_clear_and_keep_what_was_typed(client, suggest_url):
    response = client.post(suggest_url, {**GOOD, "title": "", "url": "not a link", "email": "nobody"})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    errors = [a.get_text() for a in html.select(".govuk-error-summary a")]
    assert errors == [
        "Enter the title of the resource",
        "Enter a link in the correct format, like https://www.example.org/report.pdf",
        "Enter an email address in the correct format, like name@example.org",
    ]
    assert html.find("textarea", id="id_why").get_text() == GOOD["why"]
    assert not ResourceSuggestion.objects.exists()


@pytest.mark.django_db
def test_oversized_input_is_refused_with_a_message(client, suggest_url):
    response = client.post(suggest_url, {**GOOD, "why": "x" * 5000})
    assert response.status_code == 200
    assert "2,000 characters or fewer" in response.content.decode()
    assert not ResourceSuggestion.objects.exists()


@pytest.mark.django_db
def test_the_honeypot_catches_bots_quietly(client, suggest_url):
    response = client.post(suggest_url, {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 302  # the bot is told "thank you"
    assert not ResourceSuggestion.objects.exists()


@pytest.mark.django_db
def test_too_many_suggestions_from_one_client_are_rate_limited(client, suggest_url):
    for number in range(5):
        assert client.post(suggest_url, {**GOOD, "title": f"Report {number}"}).status_code == 302
    response = client.post(suggest_url, {**GOOD, "title": "One too many"})
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert "One too many" in response.content.decode()  # nothing typed is lost
    assert ResourceSuggestion.objects.count() == 5


def suggest(visitor, suggest_url, answers):
    """Post what the rendered form holds, with `answers` typed into it."""
    page = visitor.get(suggest_url)
    assert page.status_code == 200
    return visitor.post(suggest_url, {**form_data(page), **answers})


def error_summary(response):
    return [
        item.get_text(strip=True)
        for item in BeautifulSoup(response.content, "html.parser").select(".govuk-error-summary__list li")
    ]


@pytest.mark.django_db
def test_mistakes_do_not_use_up_the_limit(suggest_url):
    """Only suggestions accepted count: four mistakes, then as many as anyone may send."""
    from literature.models.pages import SUGGESTIONS_PER_HOUR

    limit_message = "You have sent a lot of suggestions in the last hour"
    visitor = Client(enforce_csrf_checks=True)  # as a browser: the token comes from the form
    for mistake in ({"title": ""}, {"url": "not a link"}, {"email": "nobody"}, {"why": "x" * 5000}):
        response = suggest(visitor, suggest_url, {**GOOD, **mistake})
        assert response.status_code == 200 and error_summary(response), mistake
        assert limit_message not in response.content.decode()
    assert not ResourceSuggestion.objects.exists()
    for number in range(SUGGESTIONS_PER_HOUR):
        response = suggest(visitor, suggest_url, {**GOOD, "title": f"Report {number}"})
        assert response.status_code == 302, (number, error_summary(response))
    assert ResourceSuggestion.objects.count() == SUGGESTIONS_PER_HOUR
    response = suggest(visitor, suggest_url, {**GOOD, "title": "One too many"})
    assert response.status_code == 429
    assert limit_message in " ".join(error_summary(response))
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("input", attrs={"name": "title"})["value"] == "One too many"  # nothing typed is lost
    assert ResourceSuggestion.objects.count() == SUGGESTIONS_PER_HOUR


def accept_url(suggestion):
    return reverse("wagtailsnippets_literature_resourcesuggestion:accept", args=(suggestion.pk,))


@pytest.mark.django_db
def test_staff_turn_a_suggestion_into_one_draft_entry(client, suggest_url, admin_client):
    client.post(suggest_url, {**GOOD, "year": "2016"})
    suggestion = ResourceSuggestion.objects.get()
    edit = admin_client.get(reverse("wagtailsnippets_literature_resourcesuggestion:edit", args=(suggestion.pk,)))
    assert "Accept: make a draft entry" in edit.content.decode()
    page = admin_client.get(accept_url(suggestion))
    response = admin_client.post(accept_url(suggestion), form_data(page))
    suggestion.refresh_from_db()
    entry = suggestion.entry
    assert response["Location"] == reverse("wagtailsnippets_literature_bibliographyentry:edit", args=(entry.pk,))
    assert entry.title == GOOD["title"] and entry.year == 2016 and not entry.live
    assert suggestion.status == "accepted"
    # The same form sent twice does not make two entries.
    again = admin_client.post(accept_url(suggestion), form_data(page))
    assert again.status_code == 302
    assert BibliographyEntry.objects.filter(title=GOOD["title"]).count() == 1


@pytest.mark.django_db
def test_visitors_cannot_decide_suggestions(client, suggest_url):
    client.post(suggest_url, GOOD)
    suggestion = ResourceSuggestion.objects.get()
    refused = client.post(accept_url(suggestion), {"year": "2020", "publication_type": "grey"})
    assert refused.status_code == 302 and "/admin/login/" in refused["Location"]
    suggestion.refresh_from_db()
    assert suggestion.entry is None and suggestion.status == "new"
