"""The get involved page's enquiry form: what a visitor fills in, what staff get (the admin
list, the dashboard count, an e-mail), and what is refused.

Every post sends back what the rendered form holds (read from the GET response), with the
visitor's answers typed into its fields.
"""

import types

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from pbr_site.core import views
from pbr_site.core.models import Enquiry, GetInvolvedPage, StandardPage

from tests.forms import form_data, read_form

ANSWERS = {
    "reason": "Pilot the self-assessment",  # the label the visitor clicks
    "name": "Ann Jones",
    "email": "ann.jones@example.org",
    "organisation": "Example Housing Trust",
    "message": "We commission a resettlement service and would like to try the self-assessment on it.",
}


@pytest.fixture
def page(db):
    return GetInvolvedPage.objects.live().get(locale__language_code="en")


@pytest.fixture
def welsh_page(db):
    return GetInvolvedPage.objects.live().get(locale__language_code="cy")


@pytest.fixture
def visitor():
    return Client(enforce_csrf_checks=True)  # as a browser: the token must come from the form


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def enquiry_form(soup):
    form = soup.find("input", attrs={"name": "csrfmiddlewaretoken"}).find_parent("form")
    assert form is not None and form.find("input", attrs={"name": "website"}) is not None
    return form


def fill_in(form, answers):
    """What the browser would post: every field of the form as rendered, with `answers` typed
    in (a radio chosen by its label; values are typed as they are, even if hostile)."""
    values = dict(answers)
    for radio in form.select("input[type=radio]"):
        label = form.find("label", attrs={"for": radio["id"]}).get_text(strip=True)
        if values.get(radio["name"]) == label:
            values[radio["name"]] = radio["value"]
    rendered = read_form(form)
    # A radio answer no label has, or a field the form does not show: tampered, sent as typed.
    tampered = {
        name
        for name, value in values.items()
        if name not in rendered.offered or (name in rendered.choices and value not in rendered.choices[name])
    }
    return {
        **rendered.filled(**{name: value for name, value in values.items() if name not in tampered}),
        **{name: [values[name]] for name in tampered},
    }


def send(visitor, url, answers, **extra):
    page = visitor.get(url)
    assert page.status_code == 200
    form = enquiry_form(html(page))
    action = form.get("action") or url
    return visitor.post(action, fill_in(form, answers), **extra)


def errors(response):
    return [item.get_text(strip=True) for item in html(response).select(".govuk-error-summary__list li")]


# --- the page ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_get_involved_is_a_page_editors_edit_in_both_languages(page, welsh_page):
    assert page.slug == "get-involved" and welsh_page.slug == "cymryd-rhan"
    assert welsh_page.translation_key == page.translation_key
    assert not StandardPage.objects.filter(translation_key=page.translation_key).exists()
    soup = html(Client().get(page.url))
    # The editors' words above the form: lead paragraph, body, text above the form.
    assert page.intro in soup.get_text() and "Come to a workshop" in soup.get_text()
    assert page.form_intro and page.form_intro in soup.get_text()
    form = enquiry_form(soup)
    radios = [
        form.find("label", attrs={"for": radio["id"]}).get_text(strip=True)
        for radio in form.select("input[type=radio][name=reason]")
    ]
    assert radios == [
        "Take part in a workshop",
        "Pilot the self-assessment",
        "Send us an evaluation or unpublished report",
        "Something else",
    ]
    assert form.find("input", attrs={"name": "email"})["type"] == "email"
    assert form.find("input", attrs={"name": "email"})["autocomplete"] == "email"
    assert form.find("input", attrs={"name": "name"})["autocomplete"] == "name"
    assert form.find("textarea", attrs={"name": "message"}) is not None
    assert form.find_parent("body").find("div", class_="app-honeypot")["aria-hidden"] == "true"


@pytest.mark.django_db
def test_the_form_page_is_never_cached(page):
    response = Client().get(page.url)
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "no-store" in Client().get(page.url).get("Cache-Control", "")


@pytest.mark.django_db
def test_a_post_without_the_forms_csrf_token_is_refused(page, visitor):
    response = visitor.post(page.url, {"reason": "pilot", "name": "A", "email": "a@example.org", "message": "Hi"})
    assert response.status_code == 403
    assert not Enquiry.objects.exists()


# --- sending an enquiry ----------------------------------------------------------------------


@pytest.mark.django_db
def test_an_enquiry_reaches_staff_in_the_admin_and_by_email(page, visitor):
    response = send(visitor, page.url, ANSWERS)
    assert response.status_code == 302 and response["Location"] == page.url + "sent/"
    confirmation = visitor.get(response["Location"])
    assert confirmation.status_code == 200
    assert html(confirmation).find("h1").get_text(strip=True) == "Message sent"
    assert "We have your message and will reply by email." in confirmation.content.decode()

    enquiry = Enquiry.objects.get()
    assert (enquiry.reason, enquiry.name, enquiry.email, enquiry.organisation) == (
        "pilot",
        "Ann Jones",
        "ann.jones@example.org",
        "Example Housing Trust",
    )
    assert enquiry.message == ANSWERS["message"]
    assert enquiry.status == "new" and enquiry.language == "en"

    # No PBR_ENQUIRIES_EMAIL: every active moderator with an address is told.
    moderators = list(
        get_user_model()
        .objects.filter(groups__name="Moderators", is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    assert moderators == ["moderator@example.org"]
    [message] = mail.outbox
    assert message.to == moderators
    assert message.reply_to == ["ann.jones@example.org"]
    assert message.subject == "Toolkit enquiry: Pilot the self-assessment, from Ann Jones"
    assert ANSWERS["message"] in message.body and "Example Housing Trust" in message.body
    assert reverse("wagtailsnippets_core_enquiry:edit", args=(enquiry.pk,)) in message.body


@pytest.mark.django_db
def test_the_configured_addresses_are_told_instead_of_the_moderators(page, visitor, settings):
    settings.PBR_ENQUIRIES_EMAIL = ["enquiries@clinks.example", "team@clinks.example"]
    assert send(visitor, page.url, ANSWERS).status_code == 302
    [message] = mail.outbox
    assert message.to == ["enquiries@clinks.example", "team@clinks.example"]


@pytest.mark.django_db
def test_inactive_moderators_are_not_told(page, visitor):
    get_user_model().objects.filter(username="moderator").update(is_active=False)
    assert send(visitor, page.url, ANSWERS).status_code == 302
    assert Enquiry.objects.count() == 1 and mail.outbox == []


@pytest.mark.django_db
def test_a_mail_server_that_is_down_loses_nothing_and_shows_no_error(page, visitor, settings, caplog):
    # Nothing listens on port 9 of this machine: the SMTP connection is refused.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 5},
        }
    }
    response = send(visitor, page.url, ANSWERS)
    assert response.status_code == 302
    assert visitor.get(response["Location"]).status_code == 200
    assert Enquiry.objects.get().name == "Ann Jones"
    assert "the e-mail to staff failed" in caplog.text


@pytest.mark.django_db
def test_the_pilot_banner_links_to_the_form_in_the_visitors_language(page, welsh_page):
    for url, target in (("/en/", page.url), ("/cy/", welsh_page.url), ("/en/about/", page.url)):
        banner = html(Client().get(url)).select_one(".govuk-phase-banner__text")
        link = banner.find("a")
        assert link["href"] == target + "#send-us-a-message", url
    assert "tell us what you think" in html(Client().get("/en/")).select_one(".govuk-phase-banner").get_text()
    assert html(Client().get(page.url)).find(id="send-us-a-message") is not None


# --- what is refused ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_errors_are_summarised_and_nothing_typed_is_lost(page, visitor):
    typed = {"name": "", "email": "not an address", "organisation": "Example Trust", "message": ""}
    response = send(visitor, page.url, typed)
    assert response.status_code == 200
    assert errors(response) == [
        "Select what you would like to do",
        "Enter your name",
        "Enter an email address in the correct format, like name@example.org",
        "Enter your message",
    ]
    soup = html(response)
    assert soup.title.get_text().startswith("Error:")
    # Each summary link leads to its field.
    for link in soup.select(".govuk-error-summary__list a"):
        assert soup.find(id=link["href"][1:]) is not None, link
    assert soup.find("input", attrs={"name": "email"})["value"] == "not an address"
    assert soup.find("input", attrs={"name": "organisation"})["value"] == "Example Trust"
    assert not Enquiry.objects.exists() and mail.outbox == []

    # The visitor corrects the form as it came back and sends it.
    form = enquiry_form(soup)
    corrected = fill_in(
        form,
        {
            "reason": "Something else",
            "name": "Ann",
            "email": "ann@example.org",
            "message": "A question about the review.",
        },
    )
    assert corrected["organisation"] == ["Example Trust"]
    assert visitor.post(page.url, corrected).status_code == 302
    assert Enquiry.objects.get().organisation == "Example Trust"


@pytest.mark.django_db
def test_an_email_address_is_required_so_staff_can_reply(page, visitor):
    response = send(visitor, page.url, {**ANSWERS, "email": ""})
    assert errors(response) == ["Enter your email address"]
    assert not Enquiry.objects.exists()


@pytest.mark.django_db
def test_invisible_input_counts_as_nothing(page, visitor):
    response = send(visitor, page.url, {**ANSWERS, "name": "\u200b \u202e\u2066 \ufeff", "message": "\x00\x07 \r\n\t"})
    assert errors(response) == ["Enter your name", "Enter your message"]
    assert not Enquiry.objects.exists()


@pytest.mark.django_db
def test_control_and_direction_characters_are_removed_before_storing(page, visitor):
    response = send(
        visitor,
        page.url,
        {
            **ANSWERS,
            "name": "Ann\x00 \u202eJones\n\nBcc: everyone@example.org",
            "organisation": "\u200b\u200b",
            "message": "Line one\x1b[31m\r\nLine two\x00",
        },
    )
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.name == "Ann Jones Bcc: everyone@example.org"  # one line: no header injection
    assert enquiry.organisation == ""
    assert enquiry.message == "Line one[31m\r\nLine two"
    [message] = mail.outbox
    assert "\n" not in message.subject and message.to == ["moderator@example.org"]


@pytest.mark.django_db
def test_oversized_input_is_refused_with_a_message(page, visitor):
    response = send(visitor, page.url, {**ANSWERS, "name": "x" * 201, "organisation": "o" * 201, "message": "m" * 3001})
    assert response.status_code == 200
    assert errors(response) == [
        "Your name must be 200 characters or fewer",
        "The name of your organisation must be 200 characters or fewer",
        "Your message must be 3,000 characters or fewer",
    ]
    assert html(response).find("textarea", attrs={"name": "message"}).get_text() == "m" * 3001
    assert not Enquiry.objects.exists()


@pytest.mark.django_db
def test_tampered_choices_and_extra_fields_are_refused_or_ignored(page, visitor):
    response = send(visitor, page.url, {**ANSWERS, "reason": "admin"})
    assert errors(response) == ["Select what you would like to do"]
    response = send(
        visitor,
        page.url,
        {**ANSWERS, "status": "closed", "language": "cy", "staff_notes": "x", "created_at": "2001-01-01"},
    )
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert (enquiry.status, enquiry.language, enquiry.staff_notes) == ("new", "en", "")
    assert enquiry.created_at.year > 2001


@pytest.mark.django_db
def test_the_honeypot_thanks_bots_and_keeps_nothing(page, visitor):
    response = send(visitor, page.url, {**ANSWERS, "website": "http://spam.example"})
    assert response.status_code == 302 and response["Location"].endswith("/sent/")
    assert not Enquiry.objects.exists() and mail.outbox == []


@pytest.mark.django_db
def test_too_many_enquiries_from_one_client_are_rate_limited(page, visitor):
    for number in range(views.ENQUIRIES_PER_HOUR):
        assert send(visitor, page.url, {**ANSWERS, "name": f"Sender {number}"}).status_code == 302
    response = send(visitor, page.url, {**ANSWERS, "name": "One too many"})
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert html(response).find("input", attrs={"name": "name"})["value"] == "One too many"  # nothing lost
    assert Enquiry.objects.count() == views.ENQUIRIES_PER_HOUR
    # Another client is not held back.
    other = send(Client(enforce_csrf_checks=True), page.url, ANSWERS, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


LIMIT_MESSAGE = "You have sent a lot of messages in the last hour"


@pytest.mark.django_db
def test_mistakes_do_not_use_up_the_limit(page, visitor):
    """Only enquiries accepted count: a visitor who got the form wrong four times may still
    send as many as anyone else, and is only then told they have sent a lot."""
    mistakes = [{"name": ""}, {"email": "not an address"}, {"message": ""}, {"reason": "admin"}]
    for mistake in mistakes:
        response = send(visitor, page.url, {**ANSWERS, **mistake})
        assert response.status_code == 200 and errors(response), mistake
        assert LIMIT_MESSAGE not in response.content.decode()
    assert not Enquiry.objects.exists()
    for number in range(views.ENQUIRIES_PER_HOUR):
        response = send(visitor, page.url, {**ANSWERS, "name": f"Sender {number}"})
        assert response.status_code == 302, (number, errors(response))
    assert Enquiry.objects.count() == views.ENQUIRIES_PER_HOUR
    response = send(visitor, page.url, {**ANSWERS, "name": "One too many"})
    assert response.status_code == 429
    assert LIMIT_MESSAGE in " ".join(errors(response))
    assert html(response).find("input", attrs={"name": "name"})["value"] == "One too many"  # nothing lost
    # Refused before anything else: a mistake now is refused the same way, and nothing is kept.
    assert send(visitor, page.url, {**ANSWERS, "name": ""}).status_code == 429
    assert Enquiry.objects.count() == views.ENQUIRIES_PER_HOUR


@pytest.mark.django_db
def test_bots_caught_by_the_honeypot_count_toward_the_limit(page, visitor):
    for _ in range(views.ENQUIRIES_PER_HOUR):
        assert send(visitor, page.url, {**ANSWERS, "website": "http://spam.example"}).status_code == 302
    assert send(visitor, page.url, {**ANSWERS, "website": "http://spam.example"}).status_code == 429
    assert not Enquiry.objects.exists() and mail.outbox == []


# --- Welsh ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_form_works_in_welsh(welsh_page, visitor):
    assert welsh_page.url == "/cy/cymryd-rhan/"
    soup = html(visitor.get(welsh_page.url))
    assert soup.find("html")["lang"] == "cy"
    form = enquiry_form(soup)
    assert form.find("legend").get_text(strip=True) == "Beth yr hoffech ei wneud?"
    assert form.find("label", attrs={"for": "id_name"}).get_text(strip=True) == "Eich enw"
    assert form.find("button").get_text(strip=True) == "Anfon neges"
    response = visitor.post(welsh_page.url, fill_in(form, {"name": ""}))
    assert errors(response)[:2] == ["Dewiswch beth yr hoffech ei wneud", "Rhowch eich enw"]

    response = send(visitor, welsh_page.url, {**ANSWERS, "reason": "Treialu'r hunanasesiad"})
    assert response.status_code == 302 and response["Location"] == "/cy/cymryd-rhan/sent/"
    confirmation = html(visitor.get(response["Location"]))
    assert confirmation.find("h1").get_text(strip=True) == "Neges wedi'i hanfon"
    enquiry = Enquiry.objects.get()
    assert enquiry.language == "cy" and enquiry.reason == "pilot"
    [message] = mail.outbox
    assert "They wrote in Welsh: please reply in Welsh." in message.body  # staff read English


# --- staff ------------------------------------------------------------------------------------


def staff(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def enquiries(page, welsh_page):
    sent = []
    for where, answers in (
        (page.url, ANSWERS),
        (
            page.url,
            {
                **ANSWERS,
                "reason": "Take part in a workshop",
                "name": "Bryn Evans",
                "email": "bryn@example.org",
                "organisation": "",
                "message": "Is there a workshop in Wales?",
            },
        ),
        (
            welsh_page.url,
            {
                **ANSWERS,
                "reason": "Rhywbeth arall",
                "name": "Carys Hughes",
                "email": "carys@example.org",
                "message": "Cwestiwn am y pecyn adnoddau.",
            },
        ),
    ):
        assert send(Client(enforce_csrf_checks=True), where, answers).status_code == 302
        sent.append(Enquiry.objects.latest("pk"))
    mail.outbox.clear()
    return sent


def listed_names(response):
    return [cell.get_text(strip=True) for cell in html(response).select("table.listing tbody td.title")]


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["editor", "moderator", "admin"])
def test_editors_and_moderators_see_the_enquiries(enquiries, username):
    client = staff(username)
    url = reverse("wagtailsnippets_core_enquiry:list")
    response = client.get(url)
    assert response.status_code == 200
    assert sorted(listed_names(response)) == ["Ann Jones", "Bryn Evans", "Carys Hughes"]
    assert listed_names(client.get(url, {"reason": "workshop"})) == ["Bryn Evans"]
    assert listed_names(client.get(url, {"language": "cy"})) == ["Carys Hughes"]
    assert listed_names(client.get(url, {"q": "Wales"})) == ["Bryn Evans"]
    # The dashboard counts the new ones and links to them.
    dashboard = html(client.get(reverse("wagtailadmin_home")))
    panel = dashboard.find(id="new-enquiries-section")
    assert panel is not None and "3 new enquiries waiting for a reply" in panel.get_text(" ", strip=True)
    new_link = dashboard.find(id="new-enquiries-content").find("a")["href"]
    assert sorted(listed_names(client.get(new_link))) == ["Ann Jones", "Bryn Evans", "Carys Hughes"]

    # Marking one replied, through the edit form as the admin renders it.
    enquiry = enquiries[0]
    edit_url = reverse("wagtailsnippets_core_enquiry:edit", args=(enquiry.pk,))
    edit = html(client.get(edit_url))
    assert "We commission a resettlement service" in edit.get_text()
    form = edit.find("form", attrs={"action": edit_url})
    data = form_data(form)
    assert set(data) >= {"status", "staff_notes"} and "message" not in data  # what they sent is read-only
    response = client.post(edit_url, form_data(form, status="replied", staff_notes="Sent the pilot pack."))
    assert response.status_code == 302, errors(response)
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.staff_notes, enquiry.name) == ("replied", "Sent the pilot pack.", "Ann Jones")
    assert listed_names(client.get(url, {"status": "replied"})) == ["Ann Jones"]
    panel = html(client.get(reverse("wagtailadmin_home"))).find(id="new-enquiries-section")
    assert "2 new enquiries waiting for a reply" in panel.get_text(" ", strip=True)


@pytest.mark.django_db
def test_only_moderators_may_delete_enquiries(enquiries):
    enquiry = enquiries[0]
    delete_url = reverse("wagtailsnippets_core_enquiry:delete", args=(enquiry.pk,))
    assert staff("editor").post(delete_url).status_code in (302, 403)
    assert Enquiry.objects.filter(pk=enquiry.pk).exists()
    assert staff("moderator").post(delete_url).status_code == 302
    assert not Enquiry.objects.filter(pk=enquiry.pk).exists()


@pytest.mark.django_db
def test_nobody_else_sees_enquiries(enquiries):
    other = get_user_model().objects.create_user("someone", "someone@example.org", "x")
    # Admin access alone (as a member of a group with no say over enquiries).
    group = Group.objects.create(name="Readers")
    group.permissions.add(*Group.objects.get(name="Editors").permissions.filter(codename="access_admin"))
    other.groups.add(group)
    client = Client()
    client.force_login(other)
    response = client.get(reverse("wagtailsnippets_core_enquiry:list"))
    assert response.status_code in (302, 403)
    assert "Ann Jones" not in response.content.decode()
    assert html(client.get(reverse("wagtailadmin_home"))).find(id="new-enquiries-section") is None
    anonymous = Client().get(reverse("wagtailsnippets_core_enquiry:list"))
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]


# --- a site made before the page type existed ---------------------------------------------------


@pytest.mark.django_db
def test_the_migration_turns_an_old_standard_get_involved_page_into_the_new_type(page, welsh_page):
    """0003 converts a site's StandardPage "get involved" page in place (and back)."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("pbr_site.core.migrations.0003_enquiries_for_staff_and_get_involved_page_type")
    schema_editor = types.SimpleNamespace(connection=connection, quote_name=connection.ops.quote_name)
    ids = {page.pk, welsh_page.pk}

    migration.to_standard_page(apps, schema_editor)
    old = [StandardPage.objects.get(pk=pk) for pk in ids]
    assert all(p.intro for p in old) and not GetInvolvedPage.objects.filter(pk__in=ids).exists()
    assert Client().get(page.url).status_code == 200
    assert html(Client().get(page.url)).find("input", attrs={"name": "website"}) is None  # no form then

    migration.to_get_involved_page(apps, schema_editor)
    for pk in ids:
        converted = GetInvolvedPage.objects.get(pk=pk)
        assert converted.body and converted.intro
        assert isinstance(converted.get_latest_revision_as_object(), GetInvolvedPage)
    assert not StandardPage.objects.filter(pk__in=ids).exists()
    assert enquiry_form(html(Client().get(page.url))) is not None
    assert enquiry_form(html(Client().get(welsh_page.url))) is not None
    edit = staff("admin").get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert edit.status_code == 200 and "form_intro" in edit.content.decode()


@pytest.mark.django_db
def test_site_search_still_finds_the_page(page, welsh_page):
    for search, target, query in (("/en/search/", page, "workshop"), ("/cy/search/", welsh_page, "gweithdai")):
        results = html(Client().get(search, {"q": query}))
        links = [a["href"] for a in results.select("main a[href]")]
        assert target.url in links, (query, links)
