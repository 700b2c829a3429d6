"""The staff report on self-assessment responses in the Wagtail admin: responses made
through the public views, then read back in the report page and its CSV."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from literature.models import SectorTag
from toolkit.models import AssessmentResponse, SelfAssessmentPage

from .fixtures import build_assessment
from .test_journey import answer, start

SECTION_ONE = {"objectives", "compared", "compared_how"}


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def take(client, page, role, sector="", finish=True, **answers):
    """Start, say who you are, answer both sections and (unless finish=False) submit."""
    response, about_url = start(client, page)
    assert client.post(about_url, {"role": role, "sector": sector}).status_code == 302
    base = page.url + f"r/{response.token}/"
    answer(client, base + "section/1/", response.revision_id, **{k: v for k, v in answers.items() if k in SECTION_ONE})
    if finish:
        answer(
            client,
            base + "section/2/",
            response.revision_id,
            **{k: v for k, v in answers.items() if k not in SECTION_ONE},
        )
        assert client.post(base + "check/").status_code == 302
    response.refresh_from_db()
    assert response.is_complete == finish
    return response


def feedback(client, page, response, useful, comment=""):
    client.post(page.url + f"result/{response.share_token}/feedback/", {"useful": useful, "comment": comment})


def report_url(page):
    return reverse("toolkit_report:page", args=[page.pk])


def welsh_report_url(page):
    return report_url(page)


def csv_url(page):
    return reverse("toolkit_report:csv", args=[page.pk])


def csv_rows(http):
    return list(csv.reader(io.StringIO(http.content.decode("utf-8-sig"))))


def csv_section(rows, title):
    """The rows of one section of the CSV: after its title and header row, up to the blank row."""
    start_at = rows.index([title]) + 2
    end = rows.index([], start_at) if [] in rows[start_at:] else len(rows)
    return rows[start_at:end]


def table_rows(html, name):
    table = html.select_one(f'table[data-report="{name}"]')
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")
    ]


@pytest.fixture
def user(db):
    return lambda username: get_user_model().objects.get(username=username)


@pytest.fixture
def sector(db):
    return SectorTag.objects.order_by("name").first()


@pytest.fixture
def responses(db, sector):
    """Four people: three in English, one in Welsh (a translation of the same page).

    A  commissioner, sector:  purpose 100% promising, finance 100% promising, overall promising
    B  provider, no sector:   purpose 25% unsuitable, finance 50% caution, overall 37.5% unsuitable
    C  provider, started but never finished
    D  provider (Welsh page), sector: purpose 66.7% caution, finance 50% caution, overall caution
    """
    page = build_assessment()
    welsh_home_locale = Locale.objects.get(language_code="cy")
    welsh = page.copy_for_translation(welsh_home_locale)
    welsh.save_revision().publish()
    welsh = SelfAssessmentPage.objects.get(pk=welsh.pk)
    client = Client()
    a = take(
        client,
        page,
        "commissioner",
        sector.slug,
        objectives="one",
        compared="yes",
        compared_how="yes",
        safeguards=["upfront", "progress"],
        reserves="agree",
    )
    feedback(client, page, a, "yes", "Clear and quick <b>thanks</b>")
    b = take(client, page, "provider", objectives="two", compared="no", safeguards=["upfront"], reserves="neither")
    feedback(client, page, b, "no", '=HYPERLINK("http://evil.example")')
    c = take(client, page, "provider", finish=False, objectives="three", compared="no")
    # C started two weeks before the others.
    AssessmentResponse.objects.filter(pk=c.pk).update(created_at=timezone.now() - datetime.timedelta(days=14))
    d = take(
        client,
        welsh,
        "provider",
        sector.slug,
        objectives="two",
        compared="yes",
        compared_how="no",
        safeguards=["upfront", "progress"],
        reserves="disagree",
    )
    assert d.language == "cy" and d.page_id == welsh.pk
    return page, welsh, {"a": a, "b": b, "c": c, "d": d}


@pytest.mark.django_db
def test_the_report_counts_responses_from_every_language(admin_client, responses, sector):
    page, welsh, _ = responses
    http = admin_client.get(report_url(page))
    assert http.status_code == 200
    assert "no-store" in http["Cache-Control"]
    html = soup_of(http)
    assert "Self-assessment report: Test self-assessment" in html.title.get_text()
    assert table_rows(html, "totals") == [["4", "3", "75.0%"]]

    this_week = timezone.localdate().isocalendar()
    weeks = table_rows(html, "weeks")
    assert len(weeks) == 3  # C's week, an empty week, this week
    assert [row[2:] for row in weeks] == [["1", "0"], ["0", "0"], ["3", "3"]]
    assert weeks[-1][0] == f"{this_week.year}-W{this_week.week:02d}"

    objectives = html.select_one('table[data-question-number="1"]')
    heading = " ".join(html.find(id=objectives["aria-labelledby"]).get_text().split())
    assert heading == "1. How many objectives does the scheme have? (Purpose; answered by 3 responses)"
    rows = [[c.get_text(" ", strip=True) for c in r.find_all(["th", "td"])] for r in objectives.tbody.find_all("tr")]
    assert rows == [["One", "1", "33.3%"], ["Two", "2", "66.7%"], ["Three or more", "0", "0.0%"]]
    safeguards = html.select_one('table[data-question-number="4"]')
    counts = {
        r.th.get_text(strip=True): r.find_all("td")[0].get_text(strip=True) for r in safeguards.tbody.find_all("tr")
    }
    assert counts == {"Up-front payment": "3", "Progress payments": "2", "None of these": "0"}
    assert not html.select('table[data-report="retired"]')

    # Verdict columns: promising, caution, unsuitable, not enough information, total.
    assert table_rows(html, "verdicts-role") == [
        ["Overall", "Commissioner", "1", "0", "0", "0", "1"],
        ["Overall", "Provider", "0", "1", "1", "0", "2"],
        ["Test purpose", "Commissioner", "1", "0", "0", "0", "1"],
        ["Test purpose", "Provider", "0", "1", "1", "0", "2"],
        ["Test finance", "Commissioner", "1", "0", "0", "0", "1"],
        ["Test finance", "Provider", "0", "2", "0", "0", "2"],
    ]
    by_sector = table_rows(html, "verdicts-sector")
    assert ["Test finance", sector.name, "1", "1", "0", "0", "2"] in by_sector
    assert ["Test finance", "Not given", "0", "1", "0", "0", "1"] in by_sector
    assert ["Test purpose", "Not given", "0", "0", "1", "0", "1"] in by_sector

    assert table_rows(html, "usefulness") == [["1", "1", "1"]]
    comments = table_rows(html, "comments")
    assert [row[1:] for row in comments] == [
        ["No", "Provider", '=HYPERLINK("http://evil.example")'],
        ["Yes", "Commissioner", "Clear and quick <b>thanks</b>"],  # shown as text, not markup
    ]
    assert b"<b>thanks</b>" not in http.content

    # The Welsh page's id shows the same report.
    again = soup_of(admin_client.get(report_url(welsh)))
    assert table_rows(again, "totals") == [["4", "3", "75.0%"]]


@pytest.mark.django_db
def test_the_csv_holds_every_section(admin_client, responses, sector):
    page, _, _ = responses
    http = admin_client.get(csv_url(page))
    assert http.status_code == 200
    assert http["Content-Type"] == "text/csv; charset=utf-8"
    assert http["Content-Disposition"].startswith('attachment; filename="test-assessment-report-')
    assert "no-store" in http["Cache-Control"]
    rows = csv_rows(http)
    assert rows[0] == ["Self-assessment report", "Test self-assessment"]
    assert csv_section(rows, "Totals") == [["4", "3", "75.0"]]
    weeks = csv_section(rows, "Responses per week")
    assert [row[2:] for row in weeks] == [["1", "0"], ["0", "0"], ["3", "3"]]
    answers = csv_section(rows, "Answer distribution (completed responses)")
    assert ["1", "Purpose", "How many objectives does the scheme have?", "Two", "2", "3", "66.7"] in answers
    assert ["1", "Purpose", "How many objectives does the scheme have?", "One", "1", "3", "33.3"] in answers
    assert ["4", "Money", "Which payments are in place?", "Progress payments", "2", "3", "66.7"] in answers
    by_role = csv_section(rows, "Verdicts by role (completed responses)")
    assert ["Test finance", "Provider", "0", "2", "0", "0", "2"] in by_role
    assert ["Overall", "Commissioner", "1", "0", "0", "0", "1"] in by_role
    by_sector = csv_section(rows, "Verdicts by sector (completed responses)")
    assert ["Test purpose", sector.name, "1", "1", "0", "0", "2"] in by_sector
    assert csv_section(rows, "Was this useful?") == [["1", "1", "1"]]
    comments = csv_section(rows, "Latest comments")
    assert [row[1:] for row in comments] == [
        ["No", "Provider", '\'=HYPERLINK("http://evil.example")'],  # not a formula in a spreadsheet
        ["Yes", "Commissioner", "Clear and quick <b>thanks</b>"],
    ]


@pytest.mark.django_db
def test_questions_and_options_since_removed_are_grouped_apart(admin_client, responses):
    page, _, people = responses
    # An editor renames an option and removes the follow-up question, and publishes.
    edited = page.get_latest_revision_as_object()
    questions = edited.questionnaire[0].value["questions"]
    questions[0].value["options"][1]["label"] = "Two aims"
    del questions[2]
    edited.save_revision().publish()
    html = soup_of(admin_client.get(report_url(page)))
    objectives = html.select_one('table[data-question-number="1"]')
    labels = [r.th.get_text(strip=True) for r in objectives.tbody.find_all("tr")]
    assert labels == ["One", "Two aims", "Three or more"]  # the questionnaire as it is now
    assert table_rows(html, "retired") == [
        ["Was the comparison costed?", "No", "1"],
        ["Was the comparison costed?", "Yes, costed", "1"],
    ]
    # Verdicts still come from the questionnaire each response was scored on.
    assert ["Test purpose", "Commissioner", "1", "0", "0", "0", "1"] in table_rows(html, "verdicts-role")
    rows = csv_rows(admin_client.get(csv_url(page)))
    answers = csv_section(rows, "Answer distribution (completed responses)")
    assert ["", "No longer in the questionnaire", "Was the comparison costed?", "No", "1", "", ""] in answers


@pytest.mark.django_db
def test_a_page_without_responses(admin_client):
    page = build_assessment(slug="quiet-assessment")
    html = soup_of(admin_client.get(report_url(page)))
    assert "No responses yet." in html.get_text()
    assert not html.select('table[data-report="totals"]')
    rows = csv_rows(admin_client.get(csv_url(page)))
    assert csv_section(rows, "Totals") == [["0", "0", ""]]
    assert csv_section(rows, "Latest comments") == []


@pytest.mark.django_db
def test_the_pages_to_choose_from(admin_client):
    page = build_assessment()
    english_demo = SelfAssessmentPage.objects.filter(locale__language_code="en").order_by("path").first()
    html = soup_of(admin_client.get(reverse("toolkit_report:index")))
    links = {a.get_text(strip=True): a["href"] for a in html.select('nav[aria-labelledby="report-choose-heading"] a')}
    assert links[page.title] == report_url(page)
    assert html.select_one("a[aria-current=page]").get_text(strip=True) == english_demo.title  # the first English one
    welsh_demo = SelfAssessmentPage.objects.get(locale__language_code="cy")
    assert welsh_report_url(welsh_demo) not in links.values()  # translations are reported with their source
    assert len(links) == SelfAssessmentPage.objects.filter(locale__language_code="en").count()


@pytest.mark.django_db
def test_unknown_pages_are_not_found(admin_client, home):
    # (Django's LocaleMiddleware first tries the path under /en/, which is not found either.)
    for url in (
        reverse("toolkit_report:page", args=[999999]),
        reverse("toolkit_report:csv", args=[999999]),
        reverse("toolkit_report:page", args=[home.pk]),
    ):  # the last: not a self-assessment
        assert admin_client.get(url, follow=True).status_code == 404, url


@pytest.mark.django_db
def test_only_staff_who_may_view_the_report_see_it(client, user):
    """Editors and Moderators may (tests/toolkit/test_report_access.py has the rest)."""
    page = build_assessment()
    moderator, editor = user("moderator"), user("editor")
    for person in (moderator, editor):
        assert person.has_perm("toolkit.view_assessment_report") and not person.is_superuser

    # Not logged in: the admin's login page.
    for url in (report_url(page), csv_url(page)):
        refused = client.get(url)
        assert refused.status_code == 302 and refused["Location"].startswith(reverse("wagtailadmin_login"))

    for person in (moderator, editor):
        client.force_login(person)
        assert client.get(report_url(page)).status_code == 200
        assert client.get(csv_url(page)).status_code == 200
        assert reverse("toolkit_report:index") in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_the_report_takes_a_bounded_number_of_queries(admin_client, responses, django_assert_max_num_queries):
    page, _, _ = responses
    admin_client.get(report_url(page))  # pinned questionnaires are built once per process
    with django_assert_max_num_queries(25) as queries:
        assert admin_client.get(report_url(page)).status_code == 200
    before = len(queries.captured_queries)
    # Ten more completed responses cost no more queries.
    client = Client()
    for _ in range(10):
        take(client, page, "commissioner", objectives="one", compared="no", safeguards=["none"])
    with django_assert_max_num_queries(before) as queries:
        assert admin_client.get(report_url(page)).status_code == 200
