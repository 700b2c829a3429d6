"""Bibliography imports as background jobs, driven through the admin's own import form.

Each test reads the rendered form and posts back what it holds, changing only what a person
would (the file, "check only", the duplicates choice). Test settings run tasks at once
(ImmediateBackend), so the post returns once the job has run; the production-like browser
test (tests/browser/test_bibliography_moderation.py) runs the same job in a real db_worker.
"""

import csv
import io
import re
import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from literature.models import BibliographyEntry, ImportJob, ResourcePackPage
from literature.tasks import run_import
from tests.forms import ADMIN_FORM, form_data, read_form

from . import factories

IMPORT_URL = "/admin/import-bibliography/"
COLUMNS = ["title", "year", "type", "authors", "doi", "url", "summary"]


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def editor(client, db):
    client.force_login(user("editor"))
    return client


@pytest.fixture
def moderator(client, db):
    client.force_login(user("moderator"))
    return client


def csv_file(rows, name="pack.csv"):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row.get(column, "") for column in COLUMNS])
    return SimpleUploadedFile(name, out.getvalue().encode())


def upload(client, file, check_only=False, on_duplicate=None, extra=None):
    """Fill in the import form as rendered and send it; the job the import made."""
    fields = form_data(client.get(IMPORT_URL), ADMIN_FORM)
    if not check_only:
        fields.pop("dry_run", None)
    if on_duplicate:
        fields["on_duplicate"] = on_duplicate
    before = set(ImportJob.objects.values_list("pk", flat=True))
    response = client.post(IMPORT_URL, {**fields, **(extra or {}), "file": file})
    assert response.status_code == 302, response.content.decode()[:2000]
    job = ImportJob.objects.exclude(pk__in=before).get()
    assert response["Location"] == reverse("literature_import_job", args=(job.pk,))
    return job


def report(job):
    return {row["position"]: row for row in job.report}


def entry_page(entry):
    return ResourcePackPage.objects.get(locale__language_code="en").url + f"entry/{entry.pk}/"


# --- drafts, and who may publish -----------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_imports_drafts_and_a_forged_publish_changes_nothing(editor, client):
    assert "publish" not in read_form(editor.get(IMPORT_URL), ADMIN_FORM).offered  # Editors are never offered it
    rows = [
        {"title": "A draft with an abstract", "year": "2019", "authors": "Webster, Russell", "summary": "It found X."},
        # A Zotero-style entry: no abstract, no type. Accepted, and flagged.
        {"title": "A draft without an abstract", "year": "2020", "authors": "National Audit Office"},
        {"title": "No author at all", "year": "2020"},
    ]
    job = upload(editor, csv_file(rows), extra={"publish": "on"})
    assert job.status == "done" and not job.publish
    assert job.counts == {"created": 2, "updated": 0, "unchanged": 0, "skipped": 0, "rejected": 1, "needs_summary": 1}
    rows = report(job)
    assert rows["Row 2"]["outcome"] == "created" and not rows["Row 2"]["needs_summary"]
    assert rows["Row 3"]["outcome"] == "created" and rows["Row 3"]["needs_summary"]
    assert rows["Row 4"]["outcome"] == "rejected" and "no author" in rows["Row 4"]["message"]
    for title in ("A draft with an abstract", "A draft without an abstract"):
        entry = BibliographyEntry.objects.get(title=title)
        assert not entry.live and entry.has_unpublished_changes and entry.latest_revision.user.username == "editor"
        assert entry.publication_type == "research"  # the file gave no type
        client.logout()
        assert client.get(entry_page(entry)).status_code == 404  # readers cannot see it
        client.force_login(user("editor"))

    # The job's page says what happened, flags the missing summary and points to the drafts.
    page = editor.get(reverse("literature_import_job", args=(job.pk,))).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert "Added as a draft" in page and "Needs a summary" in page and "Not imported" in page
    assert "?status=draft" in page


@pytest.mark.django_db
def test_a_moderator_may_choose_to_publish_on_import(moderator, client):
    form = read_form(moderator.get(IMPORT_URL), ADMIN_FORM)
    assert "publish" in form.offered and "publish" not in form.fields  # offered, never pre-ticked
    job = upload(
        moderator,
        csv_file([{"title": "Published at once", "year": "2018", "authors": "Fox, Chris"}]),
        extra={"publish": "on"},
    )
    entry = BibliographyEntry.objects.get(title="Published at once")
    assert job.publish and entry.live and not entry.has_unpublished_changes
    assert report(job)["Row 2"]["published"]
    client.logout()
    assert client.get(entry_page(entry)).status_code == 200


# --- duplicates --------------------------------------------------------------------------


@pytest.mark.django_db
def test_duplicates_are_reported_per_row_against_the_pack_and_the_file(editor):
    factories.entry(
        title="A test report: the council's use of outcome payments",
        year=2015,
        doi="10.1000/test.2015",
        url="https://www.example.org/report/test-outcome-payments/",
    )
    rows = [
        {"title": "Something new", "year": "2021", "authors": "Someone, A.", "doi": "10.1000/new.1"},
        # The same DOI written as a link, the same web address without www. and the slash,
        # and the same title in other case and punctuation: all the entry above.
        {
            "title": "A different title",
            "year": "2015",
            "authors": "Test Council",
            "doi": "https://doi.org/10.1000/TEST.2015",
        },
        {
            "title": "Another title",
            "year": "2015",
            "authors": "Test Council",
            "url": "http://example.org/report/test-outcome-payments",
        },
        {"title": "A TEST REPORT -- the council's use of outcome payments", "year": "2015", "authors": "Test Council"},
        # The same title in another year is another publication.
        {"title": "A test report: the council's use of outcome payments", "year": "2016", "authors": "Test Council"},
        # Row 7 repeats row 2 of this file.
        {"title": "Something new (again)", "year": "2021", "authors": "Someone, A.", "doi": "10.1000/NEW.1"},
    ]
    job = upload(editor, csv_file(rows))
    rows = report(job)
    assert rows["Row 2"]["outcome"] == "created" and rows["Row 6"]["outcome"] == "created"
    for position, same in (("Row 3", "DOI"), ("Row 4", "web address"), ("Row 5", "title and year")):
        assert rows[position]["outcome"] == "skipped", rows[position]
        assert rows[position]["duplicate_of"] == "entry" and f"same {same}" in rows[position]["message"]
    assert rows["Row 7"]["outcome"] == "skipped" and rows["Row 7"]["duplicate_of"] == "Row 2"
    assert "Same DOI as Row 2 of this file" in rows["Row 7"]["message"]
    assert BibliographyEntry.objects.filter(year=2015, title__startswith="A test report").count() == 1
    assert not BibliographyEntry.objects.filter(title="Something new (again)").exists()


@pytest.mark.django_db
def test_update_of_a_live_entry_is_a_draft_for_moderation_and_the_live_version_stays(editor, moderator, client):
    entry = factories.entry(
        title="Payment by results and the voluntary sector", year=2014, pages="1–10", doi="10.1000/vcs.2014"
    )
    entry.save_revision().publish()
    row = {
        "title": "Payment by results and the voluntary sector",
        "year": "2014",
        "doi": "10.1000/vcs.2014",
        "authors": "Webster, Russell",
        "summary": "A new summary from the file.",
    }

    client.force_login(user("editor"))
    skipped = upload(client, csv_file([row]), on_duplicate="skip")
    assert report(skipped)["Row 2"]["outcome"] == "skipped"
    entry.refresh_from_db()
    assert not entry.has_unpublished_changes

    updated = upload(client, csv_file([row]), on_duplicate="update", extra={"publish": "on"})
    assert report(updated)["Row 2"]["outcome"] == "updated" and not report(updated)["Row 2"]["published"]
    entry.refresh_from_db()
    assert entry.live and entry.has_unpublished_changes  # live + draft
    assert entry.summary == "What the study found, in plain English."  # what readers see is unchanged
    assert entry.get_latest_revision_as_object().summary == "A new summary from the file."
    client.logout()
    assert "A new summary from the file." not in client.get(entry_page(entry)).content.decode()

    # The same file again changes nothing: it is compared with the draft.
    client.force_login(user("editor"))
    again = upload(client, csv_file([row]), on_duplicate="update")
    assert report(again)["Row 2"]["outcome"] == "unchanged"

    # A Moderator who chooses to publish publishes the change.
    client.force_login(user("moderator"))
    upload(
        client,
        csv_file([{**row, "summary": "The moderator's summary."}]),
        on_duplicate="update",
        extra={"publish": "on"},
    )
    entry.refresh_from_db()
    assert entry.live and not entry.has_unpublished_changes and entry.summary == "The moderator's summary."


# --- check only, progress, permissions ------------------------------------------------------


@pytest.mark.django_db
def test_check_only_saves_nothing_then_imports_the_same_file_without_uploading_it_again(editor):
    file = csv_file([{"title": "Checked first", "year": "2017", "authors": "Fox, Chris"}])
    job = upload(editor, file, check_only=True)
    assert job.dry_run and job.status == "done" and job.counts["created"] == 1
    assert not BibliographyEntry.objects.filter(title="Checked first").exists()
    page = editor.get(reverse("literature_import_job", args=(job.pk,)))
    assert "Would be added as a new entry" in page.content.decode()
    fields = form_data(page, "main form[action$='/import/']")
    response = editor.post(reverse("literature_import_job_again", args=(job.pk,)), fields)
    assert response.status_code == 302
    again = ImportJob.objects.exclude(pk=job.pk).latest("created_at")
    assert not again.dry_run and again.counts["created"] == 1
    assert not BibliographyEntry.objects.get(title="Checked first").live


@pytest.mark.django_db
def test_the_job_page_refreshes_itself_until_the_job_is_done(editor):
    # A job as the upload stores it, before a worker has picked it up.
    job = ImportJob.objects.create(
        created_by=user("editor"),
        filename="waiting.csv",
        text='title,year,authors\nWaiting for the worker,2016,"Fox, Chris"\n',
    )
    url = reverse("literature_import_job", args=(job.pk,))
    waiting = editor.get(url).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in waiting and "Waiting to start" in waiting
    run_import.enqueue(job.pk)
    job.refresh_from_db()
    assert job.status == "done" and job.rows_done == job.total_rows == 1
    done = editor.get(url).content.decode()
    assert 'http-equiv="refresh"' not in done and "Waiting for the worker" in done
    # The recent imports on the form's page link to it.
    assert url in editor.get(IMPORT_URL).content.decode()


@pytest.mark.django_db
def test_only_staff_who_may_add_entries_see_imports(client, editor):
    job = upload(editor, csv_file([{"title": "Somebody's import", "year": "2016", "authors": "Fox, Chris"}]))
    reader = get_user_model().objects.create_user("reader", password="x" * 12)
    from django.contrib.auth.models import Permission

    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    assert client.get(reverse("literature_import_job", args=(job.pk,))).status_code in (302, 403)
    assert client.post(reverse("literature_import_job_again", args=(job.pk,))).status_code in (302, 403)


# --- the Bibliography list and the dashboard -----------------------------------------------


@pytest.mark.django_db
def test_the_bibliography_list_shows_status_and_needs_a_summary_and_filters_them(editor):
    upload(editor, csv_file([{"title": "An imported draft with no summary", "year": "2022", "authors": "Fox, Chris"}]))
    draft = BibliographyEntry.objects.get(title="An imported draft with no summary")
    submitted = factories.entry(title="An entry in moderation", live=False)
    submitted.save_revision(user=user("editor"))
    submitted.get_workflow().start(submitted, user("editor"))
    list_url = reverse("wagtailsnippets_literature_bibliographyentry:list")

    def listed(**params):
        html = BeautifulSoup(editor.get(list_url, params).content, "html.parser")
        return {
            row.select_one("td a").get_text(strip=True): " ".join(row.get_text(" ").split())
            for row in html.select("table.listing tbody tr")
            if row.select_one("td a")
        }

    drafts = listed(status="draft")
    assert "An imported draft with no summary" in drafts and "An entry in moderation" not in drafts
    assert "draft" in drafts["An imported draft with no summary"]
    assert "Needs a summary" in drafts["An imported draft with no summary"]
    in_moderation = listed(status="in_moderation")
    assert (
        list(in_moderation) == ["An entry in moderation"] and "in moderation" in in_moderation["An entry in moderation"]
    )
    assert "An imported draft with no summary" in listed(needs_summary="true")
    assert all("Needs a summary" not in text for text in listed(needs_summary="false").values())
    assert "An imported draft with no summary" not in listed(status="live")
    # Searching keeps the filters.
    assert list(listed(status="draft", q="imported draft")) == ["An imported draft with no summary"]
    assert not listed(status="in_moderation", q="imported draft")

    # The Editor's dashboard names the draft nobody has submitted, not the one in moderation.
    dashboard = BeautifulSoup(editor.get(reverse("wagtailadmin_home")).content, "html.parser")
    heading = dashboard.find(string=re.compile("Bibliography drafts not yet submitted"))
    panel = str(heading.find_parent("section"))
    assert reverse("wagtailsnippets_literature_bibliographyentry:edit", args=(draft.pk,)) in panel
    assert reverse("wagtailsnippets_literature_bibliographyentry:edit", args=(submitted.pk,)) not in panel


@pytest.mark.django_db
def test_editors_submit_entries_for_moderation_and_moderators_publish(client):
    entry = factories.entry(title="An entry to moderate", live=False)
    entry.save_revision()
    edit_url = reverse("wagtailsnippets_literature_bibliographyentry:edit", args=(entry.pk,))
    client.force_login(user("editor"))
    page = client.get(edit_url).content.decode()
    assert "Submit to Moderators approval" in page and 'name="action-publish"' not in page
    client.force_login(user("moderator"))
    page = client.get(edit_url).content.decode()
    assert 'name="action-publish"' in page


# --- 5,000 rows ---------------------------------------------------------------------------

ROWS = 5_000
# A new draft costs about ten queries (its share of the batch's inserts, its history line, its
# references, its search index entry); the look-up of duplicates costs none per row. Raise
# this only knowing why.
QUERIES_PER_ROW = 15


class QueryCounter:
    """Counts every query (CaptureQueriesContext keeps only the last 9,000) and keeps those
    that read the keys of every entry at once."""

    def __init__(self):
        self.count = 0
        self.key_reads = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        if (
            re.match(
                r'SELECT "literature_bibliographyentry"."id"[^,]*, "literature_bibliographyentry"."doi"[^,]*, '
                r'"literature_bibliographyentry"."url"',
                sql,
            )
            and " WHERE " not in sql
        ):
            self.key_reads += 1
        return execute(sql, params, many, context)


def big_file(existing):
    """5,000 rows: every tenth without an abstract, 100 repeating an earlier row, 50 of an
    entry already in the pack (by DOI), 10 with no year."""
    rows = []
    for number in range(1, ROWS + 1):
        row = {
            "title": f"Synthetic import test study {number}",
            "year": str(1990 + number % 30),
            "authors": f"Tester, Number {number}; Example Organisation",
            "type": "evaluation",
            "doi": f"10.5555/import.{number}",
            "summary": "" if number % 10 == 0 else f"Summary {number}.",
        }
        if number > ROWS - 100:  # repeats of rows 2 to 101 of the file (entries 1 to 100)
            row = {**rows[number - ROWS + 99], "summary": "Repeated."}
        elif number > ROWS - 150:
            row = {**row, "doi": existing.doi.upper()}
        elif number > ROWS - 160:
            row = {**row, "year": ""}
        rows.append(row)
    return rows


@pytest.mark.django_db
def test_five_thousand_rows_in_one_job(editor):
    existing = factories.entry(title="Already in the pack before the import", doi="10.5555/already")
    file = csv_file(big_file(existing), name="five-thousand.csv")
    started = time.monotonic()
    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        job = upload(editor, file)
    seconds = time.monotonic() - started
    print(
        f"\n{ROWS} rows: {seconds:.1f}s under test settings (tasks run at once, in-memory SQLite), "
        f"{queries.count} queries ({queries.count / ROWS:.1f} a row)"
    )
    assert job.status == "done" and job.total_rows == job.rows_done == ROWS
    assert job.counts == {
        "created": ROWS - 160,
        "updated": 0,
        "unchanged": 0,
        "skipped": 150,
        "rejected": 10,
        "needs_summary": len([n for n in range(1, ROWS - 159) if n % 10 == 0]),
    }
    assert queries.count <= QUERIES_PER_ROW * ROWS
    assert queries.key_reads == 1  # duplicates were looked up once, not per row
    rows = report(job)
    assert rows["Row 4902"]["duplicate_of"] == "Row 2" and rows["Row 4852"]["duplicate_of"] == "entry"
    assert BibliographyEntry.objects.filter(title__startswith="Synthetic import test study").count() == ROWS - 160
    assert not BibliographyEntry.objects.filter(title__startswith="Synthetic import test study", live=True).exists()
