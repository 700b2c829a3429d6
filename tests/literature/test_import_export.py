"""Getting entries in (import command and admin upload) and out (BibTeX, RIS, CSV, Atom)."""

import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from literature import formats
from literature.models import BibliographyEntry, ResourcePackPage
from tests.forms import ADMIN_FORM, read_form

from . import factories

# A made-up record (10.5555 is Crossref's test prefix), so it is never one the demo pack holds.
CSV = """title,year,type,authors,journal,volume,issue,doi,summary,sectors
A test record for the importer: not a real publication,2015,research,"Battye, F.",Evaluation,21,2,10.5555/12345678,Reviews the evidence.,general
A local evaluation of a homelessness contract,2019,evaluation,Example Council,,,,,What happened locally.,homelessness
No year here,,research,"Someone, A.",,,,,Bad row.,general
Unknown sector,2018,research,"Someone, B.",,,,,Bad tags.,no-such-sector
"""


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "pack.csv"
    path.write_text(CSV)
    return path


def run_import(path, *args):
    from io import StringIO

    out = StringIO()
    call_command("import_bibliography", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_command_imports_drafts_unless_told_to_publish(csv_file):
    run_import(csv_file)
    entry = BibliographyEntry.objects.get(doi="10.5555/12345678")
    assert not entry.live and entry.latest_revision_id


@pytest.mark.django_db
def test_import_reports_every_row_and_a_bad_row_never_stops_the_rest(csv_file):
    output = run_import(csv_file, "--publish")
    assert "Row 2: created: A test record for the importer: not a real publication" in output
    assert "Row 3: created: A local evaluation of a homelessness contract" in output
    assert "Row 4:" in output and "year" in output
    assert "Row 5: unknown sector or theme: no-such-sector" in output
    assert output.strip().endswith("2 created, 2 rejected")
    entry = BibliographyEntry.objects.get(doi="10.5555/12345678")
    assert entry.live and entry.journal == "Evaluation" and entry.author_list == "Battye, F."
    assert [t.slug for t in entry.sector_tags.all()] == ["general"]


@pytest.mark.django_db
def test_reimporting_the_same_file_changes_nothing(csv_file):
    run_import(csv_file)
    before = {e.pk: (e.title, e.latest_revision_id) for e in BibliographyEntry.objects.all()}
    output = run_import(csv_file)
    assert "2 unchanged" in output and "created" not in output and "updated" not in output
    after = {e.pk: (e.title, e.latest_revision_id) for e in BibliographyEntry.objects.all()}
    assert before == after


@pytest.mark.django_db
def test_an_update_matched_by_doi_changes_only_what_the_file_gives(csv_file, tmp_path):
    run_import(csv_file, "--publish")
    entry = BibliographyEntry.objects.get(doi="10.5555/12345678")
    entry.summary_cy = "Crynodeb a ysgrifennwyd gan staff."
    entry.save()
    update = tmp_path / "update.csv"
    update.write_text(
        "title,year,doi,pages\nA test record for the importer: not a real publication,2015,"
        "https://doi.org/10.5555/12345678,184-200\n"
    )
    assert "Row 2: updated" in run_import(update, "--publish")
    entry.refresh_from_db()
    assert entry.pages == "184–200"
    assert entry.summary == "Reviews the evidence." and entry.summary_cy == "Crynodeb a ysgrifennwyd gan staff."
    assert entry.author_list == "Battye, F."  # not blanked by the missing column


@pytest.mark.django_db
def test_dry_run_saves_nothing(csv_file):
    output = run_import(csv_file, "--dry-run")
    assert output.startswith("Row 2: created") and "Dry run, nothing saved" in output
    assert not BibliographyEntry.objects.filter(doi="10.5555/12345678").exists()


@pytest.mark.django_db
def test_admin_upload_imports_and_refuses_wrong_files(admin_client):
    url = reverse("literature_import_bibliography")
    page = admin_client.get(url)
    assert page.status_code == 200
    form = read_form(page, ADMIN_FORM)
    fields, offered = form.fields, form.offered
    # Drafts by default: "publish" is offered to someone who may publish, never ticked.
    assert {"file", "dry_run", "publish", "on_duplicate"} <= offered and "publish" not in fields
    assert fields["dry_run"] == ["on"] and fields["on_duplicate"] == ["skip"]
    upload = SimpleUploadedFile(
        "pack.ris",
        b"TY  - RPRT\r\nTI  - Outcome-based payment schemes\r\nAU  - National Audit Office\r\n"
        b"PY  - 2015\r\nAB  - Found at least 15bn of PbR.\r\nER  - \r\n",
    )
    del fields["dry_run"]  # the administrator unticks "check only" and ticks "publish"
    response = admin_client.post(url, {**fields, "publish": "on", "file": upload}, follow=True)
    html = response.content.decode()
    assert "Record 1" in html and "Added and published" in html
    assert BibliographyEntry.objects.get(title="Outcome-based payment schemes", year=2015).live
    wrong = admin_client.post(url, {**fields, "file": SimpleUploadedFile("evil.exe", b"MZ")})
    assert "Upload a .csv, .bib, .ris or .txt file." in wrong.content.decode()
    big = admin_client.post(url, {**fields, "file": SimpleUploadedFile("big.csv", b"x" * (2 * 1024 * 1024 + 1))})
    assert "larger than 2 MB" in big.content.decode()


@pytest.mark.django_db
def test_editors_without_permission_cannot_import(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("reader", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("literature_import_bibliography"))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["bibtex", "ris", "csv"])
def test_exports_of_the_filtered_list_read_back_in(client, file_format):
    pack = ResourcePackPage.objects.get(locale__language_code="en")
    tag = factories.sector(slug="export-x", name="Export X")
    for title in ("First exported study", "Second exported study"):
        entry = factories.entry(title=title, journal="Probation Journal", volume="59", issue="4")
        entry.sector_tags.set([tag])
        entry.save()
    response = client.get(pack.url + f"export/{file_format}/", {"sector": "export-x"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="resource-pack.')
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # exports are streamed
    parse = {"bibtex": formats.parse_bibtex, "ris": formats.parse_ris, "csv": formats.parse_csv}[file_format]
    records = parse(text)
    assert sorted(r.title for r in records) == ["First exported study", "Second exported study"]
    assert all(r.journal == "Probation Journal" and r.volume == "59" for r in records)


@pytest.mark.django_db
def test_one_entry_exports_and_unknown_formats_are_not_found(client):
    pack = ResourcePackPage.objects.get(locale__language_code="en")
    entry = factories.entry(title="Single entry export")
    response = client.get(pack.url + f"entry/{entry.pk}/export/ris/")
    assert "Single entry export" in b"".join(response.streaming_content).decode()
    assert client.get(pack.url + f"entry/{entry.pk}/export/docx/").status_code == 404
    assert client.get(pack.url + "entry/999999/export/ris/").status_code == 404


@pytest.mark.django_db
def test_csv_export_cannot_smuggle_spreadsheet_formulas(client):
    pack = ResourcePackPage.objects.get(locale__language_code="en")
    factories.entry(title='=HYPERLINK("http://evil.example")', summary="@SUM(1+1)")
    response = client.get(pack.url + "export/csv/", {"q": "HYPERLINK"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM" in text


@pytest.mark.django_db
def test_atom_feed_of_new_entries(client):
    pack = ResourcePackPage.objects.get(locale__language_code="en")
    factories.entry(title="Brand new evaluation")
    response = client.get(pack.url + "feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.text for e in root.findall("a:entry/a:title", ns)]
    assert "Brand new evaluation" in titles and len(titles) <= 50
