"""The queue of suggestions from the public, as Editors and Moderators work through it in the
admin: the dashboard count, the list and its filters, possible duplicates, and the three
decisions (accept into a draft entry, reject with a reason, already in the pack) with the
one e-mail the suggester gets. Every form is the one the admin renders, posted back as a
browser would (form_data); the suggestions themselves come in through the public form."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from literature.duplicates import find_duplicates, normalise_doi, normalise_title, normalise_url
from literature.models import BibliographyEntry, ResourcePackPage, ResourceSuggestion
from tests.forms import POST_FORM, form_data, read_form

from .factories import entry as make_entry

LIST = "wagtailsnippets_literature_resourcesuggestion:list"
EDIT = "wagtailsnippets_literature_resourcesuggestion:edit"
ENTRY_EDIT = "wagtailsnippets_literature_bibliographyentry:edit"


class FailingMailer(BaseEmailBackend):
    """A mailer whose server is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def outbox():
    """sent_to(address) -> the e-mails sent to that address (Wagtail also mails the
    Moderators when something is submitted to them)."""
    mail.outbox = []

    def sent_to(address):
        return [message for message in mail.outbox if address in message.to]

    return sent_to


# --- acting through the rendered screens -------------------------------------------------


def submit(client, address, /, selector=POST_FORM, button=None, **fill):
    """Open the page at `address`, fill in its form and send it, as a person would."""
    page = client.get(address)
    assert page.status_code == 200, f"{address} answered {page.status_code}"
    form = read_form(page, selector, button)
    return client.post(form.action, form.filled(**fill))


def texts(response, selector):
    return [
        " ".join(tag.get_text(" ").split()) for tag in BeautifulSoup(response.content, "html.parser").select(selector)
    ]


def messages_shown(client, response):
    """The admin's messages on the page a redirect leads to."""
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return " ".join(texts(page, ".messages li"))


def suggest(client, language="en", **fields):
    """Send a suggestion through the public form in that language; the stored suggestion."""
    pack = ResourcePackPage.objects.get(locale__language_code=language)
    url = pack.url + "suggest/"
    values = {
        "title": "Evaluation of a local resettlement contract",
        "why": "It shows what happened when payments were made only on reoffending.",
        "email": "",
        **fields,
    }
    response = submit(client, url, **values)
    assert response.status_code == 302, texts(response, ".govuk-error-summary li")
    return ResourceSuggestion.objects.order_by("-pk").first()


def decision_page(suggestion, action):
    """The link on the suggestion's page that opens a decision (accept, reject, duplicate)."""
    return reverse(f"wagtailsnippets_literature_resourcesuggestion:{action}", args=(suggestion.pk,))


def suggestion_page(client, suggestion):
    page = client.get(reverse(EDIT, args=(suggestion.pk,)))
    assert page.status_code == 200
    return page


def follow_link(client, page, text):
    """Click the link (or link styled as a button) whose text is `text`."""
    html = BeautifulSoup(page.content, "html.parser")
    links = [a for a in html.select("a[href]") if " ".join(a.get_text().split()) == text]
    assert links, f"no link {text!r}"
    return links[0]["href"]


# --- duplicates: the shared rule -----------------------------------------------------------


def test_dois_are_compared_without_resolver_prefix_or_case():
    assert normalise_doi("https://doi.org/10.1177/ABC.12") == "10.1177/abc.12"
    assert normalise_doi(" http://dx.doi.org/10.1177/abc.12 ") == "10.1177/abc.12"
    assert normalise_doi("doi: 10.1177/Abc.12") == "10.1177/abc.12"
    assert normalise_doi("https://doi.org/10.1177%2Fabc.12") == "10.1177/abc.12"
    assert normalise_doi("") == ""


def test_web_addresses_are_compared_without_scheme_www_or_trailing_slash():
    same = {
        normalise_url("https://www.example.org/reports/evaluation/"),
        normalise_url("http://example.org/reports/evaluation"),
        normalise_url("HTTPS://WWW.Example.ORG:443/reports/evaluation#summary"),
        normalise_url("example.org/reports/evaluation/"),
    }
    assert same == {"example.org/reports/evaluation"}
    assert normalise_url("https://example.org/Reports") != normalise_url("https://example.org/reports")
    assert normalise_url("https://example.org/a?page=2") != normalise_url("https://example.org/a?page=3")
    assert normalise_url("https://example.org:8443/a") == "example.org:8443/a"


def test_titles_are_compared_without_case_punctuation_or_spacing():
    assert normalise_title("Payment-by-Results:  what WORKS?") == "payment by results what works"
    assert normalise_title("What’s next\tfor PbR") == normalise_title("whats next for pbr")
    assert normalise_title("Outcome payments") != normalise_title("Outcome payment")


@pytest.mark.django_db
def test_find_duplicates_matches_doi_then_web_address_then_title_and_year():
    by_doi = make_entry(title="One", year=2011, doi="10.9999/PBR.2011.1")
    by_url = make_entry(title="Two", year=2012, url="https://www.example.org/two/")
    by_title = make_entry(title="The Peterborough Social Impact Bond: final report", year=2014)
    other_year = make_entry(title="The Peterborough Social Impact Bond: final report", year=2017)

    assert [(d.entry, d.reasons) for d in find_duplicates(doi="https://doi.org/10.9999/pbr.2011.1")] == [
        (by_doi, ("doi",))
    ]
    assert [d.entry for d in find_duplicates(url="http://example.org/two")] == [by_url]
    matches = find_duplicates(title="the peterborough social impact bond — final report", year=2014)
    assert [(d.entry, d.reasons) for d in matches] == [(by_title, ("title_year",))]
    no_year = find_duplicates(title="The Peterborough social impact bond: final report")
    assert {d.entry for d in no_year} == {by_title, other_year} and no_year[0].reasons == ("title",)
    # Strongest first, each entry once with every reason.
    both = find_duplicates(doi="10.9999/pbr.2011.1", url="https://example.org/two", title="One", year=2011)
    assert [(d.entry, d.reasons) for d in both] == [(by_doi, ("doi", "title_year")), (by_url, ("url",))]
    assert find_duplicates(title="Something else entirely", year=2014) == []
    assert find_duplicates() == []


# --- the public form's new fields ----------------------------------------------------------


@pytest.mark.django_db
def test_the_public_form_takes_authors_year_and_doi(client):
    suggestion = suggest(
        client,
        authors="  Webster,  Russell; National Audit Office ",
        year=" 2019 ",
        doi="https://doi.org/10.1177/1356389015577464",
        email="someone@example.org",
    )
    assert suggestion.authors == "Webster, Russell; National Audit Office"
    assert suggestion.year == 2019
    assert suggestion.doi == "10.1177/1356389015577464"
    assert suggestion.status == "new"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("²⁰¹⁹", "Enter the year as 4 digits, like 2019"),
        ("①②", "Enter the year as 4 digits, like 2019"),
        ("٢٠١٩", "Enter the year as 4 digits, like 2019"),  # Arabic-Indic digits, which int() reads
        ("2019.0", "Enter the year as 4 digits, like 2019"),
        ("nineteen", "Enter the year as 4 digits, like 2019"),
        ("1899", "The year must be between 1900 and {next_year}"),
        ("{later}", "The year must be between 1900 and {next_year}"),
        ("9" * 30, "Enter the year as 4 digits, like 2019"),
    ],
)
def test_a_year_that_is_not_a_whole_year_in_range_gets_a_clear_error(client, typed, error):
    next_year = datetime.date.today().year + 1
    typed = typed.format(later=next_year + 1)
    pack = ResourcePackPage.objects.get(locale__language_code="en")
    page = client.get(pack.url + "suggest/")
    response = client.post(pack.url + "suggest/", form_data(page, title="A report", why="Because.", year=typed))
    assert response.status_code == 200
    assert texts(response, ".govuk-error-summary a") == [error.format(next_year=next_year)]
    assert texts(response, "#id_year-error") == ["Error: " + error.format(next_year=next_year)]
    assert BeautifulSoup(response.content, "html.parser").select_one("#id_year")["value"] == typed
    assert not ResourceSuggestion.objects.filter(title="A report").exists()


@pytest.mark.django_db
def test_a_doi_in_the_wrong_format_gets_a_clear_error(client):
    pack = ResourcePackPage.objects.get(locale__language_code="en")
    page = client.get(pack.url + "suggest/")
    response = client.post(pack.url + "suggest/", form_data(page, title="A report", why="Because.", doi="not a doi"))
    assert texts(response, ".govuk-error-summary a") == [
        "Enter a DOI in the correct format, like 10.1177/1356389015577464"
    ]


@pytest.mark.django_db
def test_the_welsh_form_explains_the_new_fields_and_errors_in_welsh(client):
    pack = ResourcePackPage.objects.get(locale__language_code="cy")
    page = client.get(pack.url + "suggest/")
    labels = texts(page, "label.govuk-label")
    assert "Awduron neu sefydliad (dewisol)" in labels
    assert "Blwyddyn cyhoeddi (dewisol)" in labels
    assert "DOI (dewisol)" in labels
    response = client.post(
        pack.url + "suggest/", form_data(page, title="Adroddiad", why="Am fod.", year="①", doi="dim")
    )
    assert texts(response, ".govuk-error-summary a") == [
        "Rhowch y flwyddyn fel 4 digid, er enghraifft 2019",
        "Rhowch DOI yn y fformat cywir, fel 10.1177/1356389015577464",
    ]


# --- the queue ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_editors_find_the_queue_in_the_menu_and_the_count_on_the_dashboard(client, editor):
    already_new = ResourceSuggestion.objects.filter(status="new").count()
    suggest(client, title="First new suggestion")
    suggest(client, title="Second new suggestion")
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    sidebar = json.loads(BeautifulSoup(dashboard.content, "html.parser").select_one("#wagtail-sidebar-props").string)
    assert reverse(LIST) in json.dumps(sidebar)  # Literature → Suggestions
    panel = " ".join(texts(dashboard, "#new-suggestions-section"))
    assert f"{already_new + 2} new suggestions to review" in panel
    assert (
        follow_link(client, dashboard, f"{already_new + 2} new suggestions to review") == reverse(LIST) + "?status=new"
    )


@pytest.mark.django_db
def test_the_dashboard_panel_is_only_for_staff_who_work_on_suggestions(client):
    somebody = get_user_model().objects.create_user("reader", password="x")
    from django.contrib.auth.models import Permission

    somebody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(somebody)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200 and not texts(dashboard, "#new-suggestions-section")
    assert client.get(reverse(LIST)).status_code in (302, 403)


@pytest.mark.django_db
def test_the_list_filters_by_status_and_flags_possible_duplicates(client, editor):
    make_entry(title="Paying for outcomes in probation", year=2016, doi="10.9999/probation.2016")
    flagged = suggest(client, title="Paying for outcomes in probation", doi="https://doi.org/10.9999/PROBATION.2016")
    plain = suggest(client, title="A brand new local evaluation")
    rejected = suggest(client, title="Something we turned down")
    ResourceSuggestion.objects.filter(pk=rejected.pk).update(status="rejected", reason="Out of scope.")
    client.force_login(editor)

    listing = client.get(reverse(LIST), {"status": "new"})
    rows = {
        row.select_one("td a").get_text(strip=True): " ".join(row.get_text(" ").split())
        for row in BeautifulSoup(listing.content, "html.parser").select("tbody tr")
    }
    assert flagged.title in rows and plain.title in rows and rejected.title not in rows
    assert "possible duplicate" in rows[flagged.title] and "same DOI" in rows[flagged.title]
    assert "possible duplicate" not in rows[plain.title]

    only_rejected = client.get(reverse(LIST), {"status": "rejected"})
    titles = texts(only_rejected, "tbody tr td a[href*='/edit/']")
    assert rejected.title in titles and flagged.title not in titles

    page = suggestion_page(client, flagged)
    warning = " ".join(texts(page, ".help-warning"))
    assert "This may already be in the pack" in warning and "Paying for outcomes in probation" in warning


# --- accepting: a draft entry, published only by a Moderator ------------------------------


@pytest.mark.django_db
def test_an_editor_accepts_into_a_draft_and_the_suggester_hears_once_a_moderator_publishes(
    client, editor, moderator, outbox, django_capture_on_commit_callbacks
):
    suggestion = suggest(
        client,
        title="Outcomes-based commissioning in youth justice",
        authors="Hedderman, Carol; Youth Justice Board",
        year="2018",
        url="https://www.example.org/youth-justice.pdf",
        email="suggester@example.org",
    )
    client.force_login(editor)
    page = suggestion_page(client, suggestion)
    accept_url = follow_link(client, page, "Accept: make a draft entry")
    response = submit(client, accept_url)
    assert response.status_code == 302
    suggestion.refresh_from_db()
    entry = suggestion.entry
    assert response["Location"] == reverse(ENTRY_EDIT, args=(entry.pk,))
    assert "draft entry was made" in messages_shown(client, response)
    assert suggestion.status == "accepted" and suggestion.decided_by == editor and suggestion.decided_at
    assert (entry.title, entry.year, entry.url, entry.publication_type) == (
        suggestion.title,
        2018,
        suggestion.url,
        "grey",
    )
    assert [(a.name, a.is_organisation) for a in entry.authors.order_by("sort_order")] == [
        ("Hedderman, Carol", False),
        ("Youth Justice Board", True),
    ]
    assert not entry.live and entry.has_unpublished_changes and entry.summary == ""
    assert outbox("suggester@example.org") == []  # nothing to link to yet
    assert "when the entry is published" in " ".join(texts(suggestion_page(client, suggestion), ".suggestion-decision"))

    # Not public.
    pack = ResourcePackPage.objects.get(locale__language_code="en")
    assert client.get(pack.url + f"entry/{entry.pk}/").status_code == 404
    client.logout()
    assert suggestion.title not in client.get(pack.url, {"q": "youth justice"}).content.decode()

    # The editor cannot publish it; they submit it to the Moderators.
    client.force_login(editor)
    edit_url = reverse(ENTRY_EDIT, args=(entry.pk,))
    assert b'name="action-publish"' not in client.get(edit_url).content
    response = submit(
        client,
        edit_url,
        "form[data-edit-form]",
        button="action-submit",
        summary="Found that outcome payments changed little in youth justice.",
    )
    assert response.status_code == 302, texts(response, ".error-message")
    entry.refresh_from_db()
    assert not entry.live and entry.current_workflow_state is not None
    assert outbox("suggester@example.org") == []

    # A Moderator publishes it: the suggester is told, once, with the link.
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, edit_url, "form[data-edit-form]", button="action-publish")
    assert response.status_code == 302, texts(response, ".error-message")
    entry.refresh_from_db()
    assert entry.live
    [message] = outbox("suggester@example.org")
    assert message.subject == "Your suggestion is now in the resource pack"
    entry_url = settings.WAGTAILADMIN_BASE_URL + pack.url + f"entry/{entry.pk}/"  # the public address
    assert entry_url in message.body and "Outcomes-based commissioning in youth justice" in message.body
    client.logout()
    assert client.get(pack.url + f"entry/{entry.pk}/").status_code == 200
    suggestion.refresh_from_db()
    assert suggestion.outcome_emailed_at

    # Publishing again tells nobody again.
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, edit_url, "form[data-edit-form]", button="action-publish", summary="Revised summary.")
    assert len(outbox("suggester@example.org")) == 1


@pytest.mark.django_db
def test_accepting_asks_for_the_year_when_the_suggester_gave_none(client, editor):
    suggestion = suggest(client, title="An undated local report")
    client.force_login(editor)
    response = submit(client, decision_page(suggestion, "accept"))
    assert response.status_code == 200
    assert "This field is required." in " ".join(texts(response, ".error-message"))
    suggestion.refresh_from_db()
    assert suggestion.status == "new" and suggestion.entry is None
    response = submit(client, decision_page(suggestion, "accept"), year="2020", publication_type="evaluation")
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert (suggestion.entry.year, suggestion.entry.publication_type) == (2020, "evaluation")
    assert list(suggestion.entry.authors.all()) == []  # none given: the editor adds them


@pytest.mark.django_db
def test_a_suggestion_is_decided_once(client, editor, moderator, outbox):
    suggestion = suggest(client, title="Decided twice?", year="2015", email="twice@example.org")
    client.force_login(editor)
    accept_page = client.get(decision_page(suggestion, "accept"))
    client.force_login(moderator)
    reject_page = client.get(decision_page(suggestion, "reject"))
    # The moderator rejects first; the editor's accept, from the page already open, is refused.
    client.post(decision_page(suggestion, "reject"), form_data(reject_page, reason="Out of scope for the pack."))
    client.force_login(editor)
    response = client.post(decision_page(suggestion, "accept"), form_data(accept_page))
    assert "already been decided" in messages_shown(client, response)
    suggestion.refresh_from_db()
    assert suggestion.status == "rejected" and suggestion.entry is None
    assert not BibliographyEntry.objects.filter(title="Decided twice?").exists()
    assert len(outbox("twice@example.org")) == 1


# --- rejecting, with a reason, in the suggester's language --------------------------------


@pytest.mark.django_db
def test_a_rejection_needs_a_reason_and_is_emailed_in_the_suggesters_language(client, editor, outbox):
    suggestion = suggest(client, language="cy", title="Gwerthusiad lleol", email="awgrymwr@example.org")
    assert suggestion.language == "cy"
    client.force_login(editor)
    page = suggestion_page(client, suggestion)
    reject_url = follow_link(client, page, "Reject")
    form = client.get(reject_url)
    assert "write the reason in Welsh" in form.content.decode()
    response = client.post(reject_url, form_data(form, reason="   "))
    assert response.status_code == 200
    assert (
        "Give the reason. It is kept with the suggestion, and sent to the suggester if they left an email address."
        in " ".join(texts(response, ".error-message"))
    )
    suggestion.refresh_from_db()
    assert suggestion.status == "new" and outbox("awgrymwr@example.org") == []

    reason = "Nid yw'n ymwneud â thalu yn ôl canlyniadau."
    response = client.post(reject_url, form_data(form, reason=reason))
    assert response.status_code == 302
    assert "has been emailed" in messages_shown(client, response)
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.reason, suggestion.decided_by) == ("rejected", reason, editor)
    assert suggestion.outcome_emailed_at
    [message] = outbox("awgrymwr@example.org")
    assert message.subject == "Eich awgrym ar gyfer y pecyn adnoddau"
    assert reason in message.body and "Gwerthusiad lleol" in message.body
    assert "Diolch am awgrymu" in message.body and "Thank you" not in message.body

    page = suggestion_page(client, suggestion)
    assert "emailed the outcome" in " ".join(texts(page, ".suggestion-decision"))
    assert not texts(page, f"a[href='{reject_url}']")  # decided: no more decisions


@pytest.mark.django_db
def test_a_suggester_without_an_email_address_is_not_mailed(client, editor, outbox):
    suggestion = suggest(client, title="No address left")
    client.force_login(editor)
    form = client.get(decision_page(suggestion, "reject"))
    assert "left no email address" in form.content.decode()
    client.post(decision_page(suggestion, "reject"), form_data(form, reason="Not about payment by results."))
    suggestion.refresh_from_db()
    assert suggestion.status == "rejected" and mail.outbox == [] and suggestion.outcome_emailed_at is None


@pytest.mark.django_db
def test_a_mail_failure_keeps_the_decision_and_can_be_sent_again(client, editor, outbox, settings):
    suggestion = suggest(client, title="Mailer down", email="patient@example.org")
    client.force_login(editor)
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.FailingMailer"}}
    form = client.get(decision_page(suggestion, "reject"))
    response = client.post(decision_page(suggestion, "reject"), form_data(form, reason="Already covered elsewhere."))
    assert response.status_code == 302
    assert "could not be sent" in messages_shown(client, response)
    suggestion.refresh_from_db()
    assert suggestion.status == "rejected" and suggestion.outcome_emailed_at is None

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    page = suggestion_page(client, suggestion)
    assert "sending failed" in " ".join(texts(page, ".suggestion-decision"))
    send_url = follow_link(client, page, "Email the suggester")
    preview = client.get(send_url)
    assert "Already covered elsewhere." in preview.content.decode()
    response = submit(client, send_url)
    assert response.status_code == 302 and len(outbox("patient@example.org")) == 1
    # Once: the page no longer offers it, and the URL sends nothing more.
    assert client.get(send_url).status_code == 302
    client.post(send_url, form_data(preview))
    assert len(outbox("patient@example.org")) == 1


# --- already in the pack ------------------------------------------------------------------


@pytest.mark.django_db
def test_already_in_the_pack_points_the_suggester_at_the_live_entry(client, editor, outbox):
    existing = make_entry(
        title="Payment by results in drug recovery", year=2013, url="https://www.example.gov.uk/drug-recovery-pbr"
    )
    suggestion = suggest(
        client,
        language="cy",
        title="Payment by results in drug recovery",
        year="2013",
        url="http://example.gov.uk/drug-recovery-pbr/",
        email="eisoes@example.org",
    )
    client.force_login(editor)
    page = suggestion_page(client, suggestion)
    duplicate_url = follow_link(client, page, "Already in the pack")
    form = client.get(duplicate_url)
    # The strongest possible duplicate is already chosen in the entry chooser.
    assert form_data(form)["entry"] == [str(existing.pk)]
    response = submit(client, duplicate_url)
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == "duplicate" and suggestion.duplicate_of == existing
    [message] = outbox("eisoes@example.org")
    welsh_pack = ResourcePackPage.objects.get(locale__language_code="cy")
    assert settings.WAGTAILADMIN_BASE_URL + welsh_pack.url + f"entry/{existing.pk}/" in message.body
    assert message.subject == "Mae eich awgrym eisoes yn y pecyn adnoddau"


@pytest.mark.django_db
def test_already_in_the_pack_as_a_draft_waits_for_it_to_be_published(
    client, editor, moderator, outbox, django_capture_on_commit_callbacks
):
    draft = make_entry(title="A draft still with the Moderators", year=2021, live=False)
    draft.save_revision()
    suggestion = suggest(client, title="A draft still with the Moderators", year="2021", email="wait@example.org")
    client.force_login(editor)
    response = submit(client, decision_page(suggestion, "duplicate"))
    assert response.status_code == 302 and outbox("wait@example.org") == []
    assert "when the entry is published" in messages_shown(client, response)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, reverse(ENTRY_EDIT, args=(draft.pk,)), "form[data-edit-form]", button="action-publish")
    [message] = outbox("wait@example.org")
    assert re.search(rf"/entry/{draft.pk}/\s", message.body)


@pytest.mark.django_db
def test_only_staff_with_the_permission_decide(client, editor):
    suggestion = suggest(client, title="Who may decide")
    for action in ("accept", "reject", "duplicate"):
        assert client.get(decision_page(suggestion, action)).status_code == 302  # to sign in
    somebody = get_user_model().objects.create_user("viewer", password="x")
    from django.contrib.auth.models import Permission

    somebody.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_resourcesuggestion"]))
    client.force_login(somebody)
    assert client.get(reverse(EDIT, args=(suggestion.pk,))).status_code in (302, 403)
    assert client.get(reverse(LIST)).status_code == 200
    for action in ("accept", "reject", "duplicate"):
        refused = client.post(decision_page(suggestion, action), {"reason": "x", "year": "2020"})
        assert refused.status_code in (302, 403)
    suggestion.refresh_from_db()
    assert suggestion.status == "new"
