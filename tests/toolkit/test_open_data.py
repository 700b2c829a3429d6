"""The self-assessment's open data: anonymised counts of verdicts per month, role and
sector, as a public page and CSV and JSON downloads, with small numbers hidden."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale

from literature.models import SectorTag
from toolkit import open_data, scoring
from toolkit.models import AssessmentResponse, SelfAssessmentPage
from toolkit.questionnaire import pinned

from .fixtures import bid, build_assessment

PROMISING = {
    "objectives": "one",
    "compared": "yes",
    "compared-how": "yes",
    "safeguards": ["upfront", "progress"],
    "reserves": "agree",
}
UNSUITABLE = {"objectives": "three", "compared": "no", "safeguards": ["none"], "reserves": "disagree"}
COUNTS = ["promising", "caution", "unsuitable", "not_enough_information"]


def last_month():
    """Noon on the 15th of the month before this one (UK time): a month the data publishes."""
    now = timezone.localtime()
    first = now.replace(day=1, hour=12, minute=0, second=0, microsecond=0)
    return (first - datetime.timedelta(days=16)).replace(day=15)


def responses(page, number, role="commissioner", sector="", answers=PROMISING, completed_at=..., **fields):
    """`number` completed responses to `page` with these answers, scored by the real engine
    and saved in one go (the journey itself is tested in test_journey.py)."""
    questionnaire = pinned(page.live_revision_id)
    chosen = {
        bid(reference): [bid(reference, code) for code in (codes if isinstance(codes, list) else [codes])]
        for reference, codes in answers.items()
    }
    result = scoring.score(questionnaire.engine, chosen).to_dict()
    completed_at = last_month() if completed_at is ... else completed_at
    values = {
        "page": page,
        "revision_id": page.live_revision_id,
        "language": page.locale.language_code,
        "role": role,
        "sector": sector,
        "answers": chosen,
        "result": result if completed_at else None,
        "created_at": (completed_at or last_month()) - datetime.timedelta(hours=1),
        "completed_at": completed_at,
        **fields,
    }
    return AssessmentResponse.objects.bulk_create([AssessmentResponse(**values) for _ in range(number)])


@pytest.fixture
def page(db):
    return build_assessment()


@pytest.fixture
def welsh_page(page):
    """The Welsh translation of the test page, with Welsh names for its factors."""
    welsh = Locale.objects.get(language_code="cy")
    for factor, name in (
        (page.factor_results[0].value["factor"], "Pwrpas prawf"),
        (page.factor_results[1].value["factor"], "Cyllid prawf"),
    ):
        translated = factor.copy_for_translation(welsh)
        translated.name = name
        translated.save()
    translation = page.copy_for_translation(welsh)
    translation.save_revision().publish()
    return SelfAssessmentPage.objects.get(pk=translation.pk)


def download(client, page, file_format):
    http = client.get(page.url + f"open-data/{file_format}/")
    assert http.status_code == 200
    return http


def json_rows(client, page):
    return json.loads(download(client, page, "json").content)["rows"]


def row(rows, breakdown="all", group="all", factor="overall"):
    found = [r for r in rows if (r["breakdown"], r["group"], r["factor"]) == (breakdown, group, factor)]
    assert len(found) == 1, (breakdown, group, factor, rows)
    return found[0]


def counts(found):
    return [found["responses"], *(found[name] for name in COUNTS)]


@pytest.mark.django_db
def test_a_count_under_five_is_hidden_and_five_is_shown(client, page):
    responses(page, 5, role="commissioner")
    responses(page, 4, role="provider")
    rows = json_rows(client, page)
    assert {r["month"] for r in rows} == {f"{last_month():%Y-%m}"}
    # All nine promising; the zeros are under five too, so hidden.
    assert counts(row(rows)) == [9, 9, None, None, None] and row(rows)["suppressed"] is True
    # Four providers: the whole row is hidden...
    assert counts(row(rows, "role", "provider")) == [None] * 5
    # ...and so are the commissioners' 5 responses and 5 promising, or 9 - 5 would give the providers'.
    assert counts(row(rows, "role", "commissioner")) == [None] * 5

    responses(page, 1, role="provider")
    cache.clear()
    rows = json_rows(client, page)
    assert counts(row(rows, "role", "provider")) == [5, 5, None, None, None]
    assert counts(row(rows, "role", "commissioner")) == [5, 5, None, None, None]
    assert counts(
        row(rows, "role", "commissioner", factor=str(page.factor_results[0].value["factor"].translation_key))
    ) == [5, 5, None, None, None]


@pytest.mark.django_db
def test_a_group_of_four_is_hidden_whole(client, page):
    responses(page, 4)
    rows = json_rows(client, page)
    assert rows and all(r["suppressed"] and counts(r) == [None] * 5 for r in rows)


def test_one_hidden_count_is_never_alone_in_a_row_or_a_column():
    # A row whose total is known: caution (3) alone would be 21 - 10 - 7 - 1... so another goes too.
    rows = {"commissioner": {"promising": 10, "caution": 3, "unsuitable": 6, "none": 7}}
    assert open_data._hidden(rows) == {"commissioner": {"caution", "unsuitable"}}
    # A column whose total is shown in the margin: one hidden group count would be the margin minus the others.
    rows = {
        "a": {"promising": 10, "caution": 10, "unsuitable": 10, "none": 10},
        "b": {"promising": 6, "caution": 7, "unsuitable": 8, "none": 9},
        "c": {"promising": 2, "caution": 1, "unsuitable": 3, "none": 1},
    }
    margin = {verdict: sum(counts[verdict] for counts in rows.values()) for verdict in rows["a"]}
    hidden = open_data._hidden(rows, margin)
    assert hidden["c"] == {"promising", "caution", "unsuitable", "none"}
    assert hidden["b"] == {"promising", "caution", "unsuitable", "none"}  # the smallest in each column
    assert hidden["a"] == set()


@pytest.mark.django_db
def test_synthetic_unfinished_and_this_months_responses_are_never_counted(client, page):
    responses(page, 5)
    responses(page, 7, is_synthetic=True)
    responses(page, 6, completed_at=timezone.now())  # this month: not yet published
    responses(page, 8, completed_at=None)  # unfinished
    rows = json_rows(client, page)
    assert counts(row(rows)) == [5, 5, None, None, None]
    assert {r["month"] for r in rows} == {f"{last_month():%Y-%m}"}


@pytest.mark.django_db
def test_months_whose_responses_may_already_be_deleted_are_not_published(client, page):
    old = last_month() - datetime.timedelta(days=250)
    responses(page, 5, completed_at=old)
    responses(page, 5)
    months = {r["month"] for r in json_rows(client, page)}
    assert months == {f"{last_month():%Y-%m}", f"{old:%Y-%m}"}
    SelfAssessmentPage.objects.filter(pk=page.pk).update(retention_days=90)
    cache.clear()
    assert {r["month"] for r in json_rows(client, page)} == {f"{last_month():%Y-%m}"}


@pytest.mark.django_db
def test_both_languages_count_once_each_in_one_table(client, page, welsh_page):
    responses(page, 3, role="provider")
    responses(welsh_page, 2, role="provider")
    english = json_rows(client, page)
    assert counts(row(english)) == [5, 5, None, None, None]
    assert counts(row(english, "role", "provider")) == [5, 5, None, None, None]
    welsh = json_rows(client, welsh_page)
    assert [counts(r) for r in welsh] == [counts(r) for r in english]
    factor_key = str(page.factor_results[0].value["factor"].translation_key)
    assert row(english, factor=factor_key)["factor_name"] == "Test purpose"
    assert row(welsh, factor=factor_key)["factor_name"] == "Pwrpas prawf"  # the same key, its Welsh name


@pytest.mark.django_db
def test_the_page_in_english_and_welsh(client, page, welsh_page):
    responses(page, 6)
    responses(page, 5, answers=UNSUITABLE)
    http = client.get(page.url + "open-data/")
    assert http.status_code == 200
    html = BeautifulSoup(http.content, "html.parser")
    assert html.h1.get_text(strip=True) == "Open data"
    text = " ".join(html.get_text().split())
    assert "You may use and re-use this data under the Open Government Licence v3.0" in text
    assert html.select_one('a[rel="license"]')["href"] == open_data.LICENCE_URL
    assert html.select_one(f'a[href="{page.url}open-data/csv/"]')
    assert html.select_one(f'a[href="{page.url}open-data/json/"]')
    assert html.select_one('a[href$="/export/csl-json/"]')  # the bibliography the same way
    summary = [
        [cell.get_text(strip=True) for cell in tr.find_all(["th", "td"])]
        for tr in html.select_one('table[data-open-data="summary"] tbody').find_all("tr")
    ]
    # The month's rows have hidden zeros, so no month is added up yet.
    assert summary[0] == ["Overall", "0", "–", "–", "–", "–"]
    fields = [tr.th.get_text(strip=True) for tr in html.select_one('table[data-open-data="fields"] tbody')("tr")]
    assert fields == list(open_data.FIELD_NAMES)
    generated = html.select_one('[data-open-data="generated"] time')["datetime"]
    assert generated.startswith(f"{timezone.now():%Y-%m-%d}")

    landing = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert landing.select_one('[data-open-data="link"] a')["href"] == page.url + "open-data/"

    welsh = client.get(welsh_page.url + "open-data/")
    assert welsh.status_code == 200
    html = BeautifulSoup(welsh.content, "html.parser")
    assert html.html["lang"] == "cy"
    assert html.h1.get_text(strip=True) == "Data agored"
    text = " ".join(html.get_text().split())
    assert "o dan y Drwydded Llywodraeth Agored v3.0" in text
    assert "Download" not in text
    landing = BeautifulSoup(client.get(welsh_page.url).content, "html.parser")
    assert landing.select_one('[data-open-data="link"] a')["href"] == welsh_page.url + "open-data/"


@pytest.mark.django_db
def test_the_summary_adds_up_only_months_shown_in_full(page):
    data = {
        "rows": [
            {
                "breakdown": "all",
                "factor": "overall",
                "factor_name": "Overall",
                "suppressed": False,
                "promising": 6,
                "caution": 0,
                "unsuitable": 6,
                "not_enough_information": 0,
            },
            {
                "breakdown": "all",
                "factor": "overall",
                "factor_name": "Overall",
                "suppressed": True,
                "promising": 9,
                "caution": None,
                "unsuitable": None,
                "not_enough_information": None,
            },
            {
                "breakdown": "role",
                "factor": "overall",
                "factor_name": "Overall",
                "suppressed": False,
                "promising": 6,
                "caution": 0,
                "unsuitable": 6,
                "not_enough_information": 0,
            },
        ]
    }
    assert open_data.summary(data) == [
        {"factor_name": "Overall", "responses": 12, "months": 1, "shares": [50, 0, 50, 0]}
    ]


@pytest.mark.django_db
def test_the_downloads_hold_the_documented_fields(client, page):
    tag = SectorTag.objects.create(name="=Formula sector", slug="formula-sector")
    responses(page, 5, sector=tag.slug)
    responses(page, 5, role="provider")
    as_json = download(client, page, "json")
    assert as_json["Content-Type"] == "application/json"
    assert as_json["Cache-Control"] == "public, max-age=300"
    document = json.loads(as_json.content)
    assert set(document) >= {"licence", "generated_at", "suppression", "fields", "rows"}
    assert document["licence"]["url"] == open_data.LICENCE_URL
    assert "Open Government Licence v3.0" in document["licence"]["statement"]
    assert document["suppression"]["threshold"] == 5
    assert [field["name"] for field in document["fields"]] == list(open_data.FIELD_NAMES)
    assert all(field["description"] and field["type"] for field in document["fields"])
    assert all(list(r) == list(open_data.FIELD_NAMES) for r in document["rows"])
    assert row(document["rows"], "sector", "formula-sector")["group_name"] == "=Formula sector"
    not_given = row(document["rows"], "sector", "not-given")
    assert counts(not_given) == [5, 5, None, None, None] and not_given["suppressed"] is True

    as_csv = download(client, page, "csv")
    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert as_csv["Content-Disposition"] == 'attachment; filename="test-assessment-open-data.csv"'
    assert as_csv.content.startswith("\ufeff".encode())
    table = list(csv.DictReader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert list(table[0]) == list(open_data.FIELD_NAMES)
    assert len(table) == len(document["rows"])
    hidden = next(r for r in table if (r["breakdown"], r["group"], r["factor"]) == ("role", "provider", "overall"))
    assert hidden["responses"] == "5" and hidden["promising"] == "5" and hidden["caution"] == ""
    assert hidden["suppressed"] == "true"
    sector_row = next(r for r in table if r["group"] == "formula-sector" and r["factor"] == "overall")
    assert sector_row["group_name"] == "'=Formula sector"  # not a formula in a spreadsheet
    assert sector_row["promising"] == "5" and sector_row["suppressed"] == "true"
    # Nothing per response: no tokens, answers or dates finer than the month.
    for response in AssessmentResponse.objects.all():
        for secret in (str(response.token), str(response.share_token), bid("objectives", "one")):
            assert secret not in as_csv.content.decode() and secret not in as_json.content.decode()


@pytest.mark.django_db
def test_a_page_without_data(client, page):
    html = BeautifulSoup(client.get(page.url + "open-data/").content, "html.parser")
    assert html.select_one('[data-open-data="empty"]')
    assert json.loads(download(client, page, "json").content)["rows"] == []
    assert download(client, page, "csv").content.decode("utf-8-sig").splitlines() == [",".join(open_data.FIELD_NAMES)]


@pytest.mark.django_db
def test_unknown_formats_and_methods(client, page):
    for url in ("open-data/xml/", "open-data/CSV/", "open-data/json.php/", "open-data/csv/extra/"):
        assert client.get(page.url + url).status_code == 404, url
    for url in ("open-data/", "open-data/csv/", "open-data/json/"):
        assert client.post(page.url + url).status_code == 405, url


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["open-data/", "open-data/csv/", "open-data/json/"])
def test_a_fixed_number_of_queries_for_3_responses_or_60(client, page, welsh_page, path, django_assert_max_num_queries):
    sector = SectorTag.objects.order_by("name").first()
    responses(page, 3, sector=sector.slug)
    client.get(page.url + path)  # questionnaires are built once per process, site look-ups remembered
    cache.clear()
    with django_assert_max_num_queries(20) as queries:
        assert client.get(page.url + path).status_code == 200
    few = len(queries.captured_queries)
    for role, answers in (("provider", UNSUITABLE), ("investor", PROMISING), ("other", UNSUITABLE)):
        responses(page, 10, role=role, answers=answers)
        responses(welsh_page, 9, role=role, answers=answers, sector=sector.slug)
    assert AssessmentResponse.objects.count() == 60
    cache.clear()
    with django_assert_max_num_queries(few):
        assert client.get(page.url + path).status_code == 200
    # From the shared cache: no counting at all.
    with django_assert_max_num_queries(few - 4):
        assert client.get(page.url + path).status_code == 200
