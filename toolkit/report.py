"""Figures for the staff report on one self-assessment (toolkit/admin_views.py shows them).

A report covers a page and all its translations: the Welsh page keeps the English page's
block ids, and factors are keyed by SuccessFactor.translation_key, so answers and verdicts
from both languages add up. Texts come from the source-language page's live revision (the
questionnaire as it is now); how each response's band maps to a verdict comes from the
revision that response was scored against (its own pinned questionnaire).

Cost: a fixed number of queries (8 for a report with responses), none per response. The
database counts the totals, the usefulness ratings and the responses per week, and extracts
and groups the band keys of the stored results (see `_json_values`); Python decodes only the
completed responses' answers (one query, read in chunks). Each distinct revision's pinned
questionnaire is built once per process (`questionnaire.pinned` keeps 32). For 10,000
responses (7,000 completed) the whole admin page takes 0.7-1.0 s on SQLite and PostgreSQL
on a loaded 2-CPU machine; reading the band keys out of ~5 kB results is the largest part.
"""

import datetime
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Func, JSONField, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KT
from django.db.models.functions import JSONArray, Substr, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from . import scoring
from .models.responses import AssessmentResponse, Role
from .questionnaire import pinned

VERDICTS = ("promising", "caution", "unsuitable", "none")  # "none": not enough information
WEEKS_SHOWN = 26
COMMENTS_SHOWN = 50
OVERALL = "overall"  # the key of the overall verdict among the factors
CHUNK = 2000  # responses read at a time


def verdict_labels():
    return {
        "promising": _("Promising"),
        "caution": _("Caution"),
        "unsuitable": _("Unsuitable"),
        "none": _("Not enough information"),
    }


@dataclass
class Totals:
    started: int = 0
    completed: int = 0
    answered_again: int = 0  # completed "answer again" responses, not in the other figures

    @property
    def completion_rate(self):
        """Completed as a percentage of started, to one decimal place (None when none started)."""
        return round(self.completed / self.started * 100, 1) if self.started else None


@dataclass
class Week:
    year: int
    week: int
    monday: datetime.date
    started: int
    completed: int

    @property
    def label(self):
        return f"{self.year}-W{self.week:02d}"


@dataclass
class OptionCount:
    label: str
    count: int
    percent: float | None  # of the responses that answered the question


@dataclass
class QuestionCount:
    number: int
    section: str
    text: str
    answered: int  # completed responses with an answer to it
    options: list


@dataclass
class RetiredCount:
    """An answer to a question or option that is not in the current questionnaire."""

    question: str
    option: str
    count: int


@dataclass
class VerdictRow:
    factor: str
    group: str  # the role or sector label
    counts: dict  # verdict -> count, every verdict in VERDICTS

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def ordered_counts(self):
        return [self.counts[verdict] for verdict in VERDICTS]


@dataclass
class Comment:
    date: datetime.datetime
    found_useful: bool | None
    role: str
    text: str


@dataclass
class Usefulness:
    yes: int = 0
    no: int = 0
    unrated: int = 0
    comments: list = field(default_factory=list)


@dataclass
class Report:
    page: object  # the source-language SelfAssessmentPage
    pages: list  # it and its translations
    totals: Totals
    weeks: list
    questions: list
    retired: list
    verdicts_by_role: list
    verdicts_by_sector: list
    usefulness: Usefulness

    @property
    def is_empty(self):
        return self.totals.started == 0


# --- which pages -----------------------------------------------------------------------
def translations(page):
    """`page`'s translation set with the source-language page first."""
    default_locale_id = Locale.get_default().pk
    pages = list(page.get_translations(inclusive=True).defer_streamfields().select_related("locale").order_by("path"))
    pages.sort(key=lambda p: p.locale_id != default_locale_id)
    return pages


# --- the report --------------------------------------------------------------------------
def build_report(page):
    pages = translations(page)
    source = pages[0]
    page_ids = [p.pk for p in pages]
    current = _current_questionnaire(source)
    every = AssessmentResponse.objects.filter(page_id__in=page_ids, is_synthetic=False).order_by()
    # One per assessment: "answer again" makes a response that points to the one it came from;
    # those are counted apart, so a reader who answers three times is not three people.
    responses = every.filter(previous__isnull=True)
    completed = responses.filter(completed_at__isnull=False)

    counts = responses.aggregate(
        started=Count("pk"),
        completed=Count("pk", filter=Q(completed_at__isnull=False)),
        yes=Count("pk", filter=Q(completed_at__isnull=False, found_useful=True)),
        no=Count("pk", filter=Q(completed_at__isnull=False, found_useful=False)),
        unrated=Count("pk", filter=Q(completed_at__isnull=False, found_useful__isnull=True)),
    )
    totals = Totals(
        started=counts["started"],
        completed=counts["completed"],
        answered_again=every.filter(previous__isnull=False, completed_at__isnull=False).count(),
    )
    usefulness = Usefulness(yes=counts["yes"], no=counts["no"], unrated=counts["unrated"])
    weeks = _weeks(_per_week(responses, "created_at"), _per_week(completed, "completed_at")) if totals.started else []

    # Each revision's questionnaire, for the verdicts of the responses scored on it and for
    # the labels of anything no longer asked (the source language's revisions first).
    older = _revision_order(dict(completed.values_list("revision_id", "page_id").distinct()), source.pk)
    verdicts = _VerdictCounter()
    verdicts.count(completed, {questionnaire.revision_id: questionnaire for questionnaire in older})

    answer_counts = Counter()  # (question id, option id) -> responses that chose it
    answered = Counter()  # question id -> responses that answered it
    for answers in completed.values_list("answers", flat=True).iterator(chunk_size=CHUNK):
        if not isinstance(answers, dict):
            continue
        for question_id, option_ids in answers.items():
            if not isinstance(option_ids, list) or not option_ids:
                continue
            answered[question_id] += 1
            for option_id in set(option_ids) if len(option_ids) > 1 else option_ids:
                answer_counts[question_id, option_id] += 1

    usefulness.comments = _latest_comments(page_ids) if totals.completed else []
    questions, retired = _distribution(current, answer_counts, answered, older)
    factor_names = _factor_names(current, older)
    return Report(
        page=source,
        pages=pages,
        totals=totals,
        weeks=weeks,
        questions=questions,
        retired=retired,
        verdicts_by_role=verdicts.rows("role", factor_names, _role_labels()),
        verdicts_by_sector=verdicts.rows("sector", factor_names, _sector_labels(verdicts)),
        usefulness=usefulness,
    )


def _current_questionnaire(page):
    revision_id = page.live_revision_id or page.latest_revision_id
    return pinned(revision_id) if revision_id else None


def _revision_order(revision_pages, source_page_id):
    """The pinned questionnaires of these revisions ({revision id: page id}), the source
    page's first, newest first."""
    ordered = sorted(revision_pages, key=lambda pk: (revision_pages[pk] != source_page_id, -pk))
    return [pinned(pk) for pk in ordered]


# --- counts over time ----------------------------------------------------------------------
def _per_week(responses, field_name):
    """{(ISO year, ISO week): responses}, weeks in the current time zone (the site's,
    Europe/London, unless the staff member chose another), counted by the database.

    SQLite has no date functions of its own (Django's TruncWeek calls back into Python for
    every row there), so on SQLite the database counts per UTC hour, read from the stored
    ISO text, and Python turns those few thousand hours into weeks (exact for time zones
    whose offsets are whole hours, like the UK's)."""
    counts = Counter()
    if connection.vendor == "sqlite":
        rows = responses.values(hour=Substr(field_name, 1, 13)).annotate(n=Count("pk")).values_list("hour", "n")
        tz = timezone.get_current_timezone()
        for hour, n in rows:
            moment = datetime.datetime.fromisoformat(f"{hour}:00+00:00")
            counts[moment.astimezone(tz).isocalendar()[:2]] += n
        return counts
    rows = (
        responses.annotate(week=TruncWeek(field_name, tzinfo=timezone.get_current_timezone()))
        .values("week")
        .annotate(n=Count("pk"))
        .values_list("week", "n")
    )
    for monday, n in rows:
        counts[timezone.localtime(monday).date().isocalendar()[:2]] += n
    return counts


def _weeks(started, completed):
    """The last WEEKS_SHOWN ISO weeks up to the latest week with any activity, every week
    shown (weeks without responses as 0), never before the first week with data."""
    keys = set(started) | set(completed)
    if not keys:
        return []
    first = datetime.date.fromisocalendar(*min(keys), 1)
    monday = datetime.date.fromisocalendar(*max(keys), 1)
    weeks = []
    while monday >= first and len(weeks) < WEEKS_SHOWN:
        year, week, _weekday = monday.isocalendar()
        weeks.append(Week(year, week, monday, started[year, week], completed[year, week]))
        monday -= datetime.timedelta(days=7)
    weeks.reverse()
    return weeks


# --- answer distribution -------------------------------------------------------------------
def _distribution(current, answer_counts, answered, older):
    questions = []
    known = set()
    if current is not None:
        for section in current.sections:
            for question in section.questions:
                total = answered[question.id]
                options = []
                for option in question.options:
                    known.add((question.id, option.id))
                    count = answer_counts[question.id, option.id]
                    options.append(OptionCount(option.label, count, _percent(count, total)))
                questions.append(QuestionCount(question.number, section.title, question.text, total, options))
    retired = []
    leftovers = sorted(key for key in answer_counts if key not in known)
    if leftovers:
        for question_id, option_id in leftovers:
            question_text, option_label = _old_labels(question_id, option_id, current, older)
            retired.append(RetiredCount(question_text, option_label, answer_counts[question_id, option_id]))
        retired.sort(key=lambda row: (row.question, row.option))
    return questions, retired


def _old_labels(question_id, option_id, current, older):
    question_text = option_label = None
    for questionnaire in ([current] if current else []) + older:
        question = questionnaire.questions.get(question_id)
        if question is None:
            continue
        question_text = question_text or question.text
        option = question.option(option_id)
        if option is not None:
            option_label = option.label
            break
    return question_text or question_id, option_label or option_id


def _percent(count, total):
    return round(count / total * 100, 1) if total else None


# --- verdicts by role and sector ---------------------------------------------------------------
class _VerdictCounter:
    """Counts (dimension, group, factor key, verdict), mapping each response's band keys to
    verdicts with the questionnaire of the revision it was scored against."""

    def __init__(self):
        self.counts = Counter()
        self.factor_order = {}  # factor key -> first position seen (for factors no longer asked)
        self.sectors = set()

    def count(self, completed, questionnaires):
        """Counts the verdicts of `completed` by role and by sector (see `verdicts_by_group`).
        `questionnaires`: revision id -> pinned questionnaire, for every revision involved."""
        for group, factor_key, verdict, n in verdicts_by_group(completed, questionnaires, ("role", "sector")):
            self.sectors.add(group["sector"])
            self.factor_order.setdefault(factor_key, len(self.factor_order))
            self.counts["role", group["role"], factor_key, verdict] += n
            self.counts["sector", group["sector"], factor_key, verdict] += n

    def rows(self, dimension, factor_names, group_labels):
        table = defaultdict(lambda: dict.fromkeys(VERDICTS, 0))
        for (dim, group, factor_key, verdict), count in self.counts.items():
            if dim == dimension:
                table[factor_key, group][verdict] += count
        factor_rank = {key: position for position, key in enumerate(factor_names)}
        group_rank = {key: position for position, key in enumerate(group_labels)}

        def order(item):
            (factor_key, group), _counts = item
            return (
                factor_rank.get(factor_key, len(factor_rank) + self.factor_order.get(factor_key, 0)),
                group_rank.get(group, len(group_rank)),
                str(group),
            )

        return [
            VerdictRow(
                factor_names.get(factor_key, _("Factor no longer in the questionnaire")),
                group_labels.get(group, group or _("Not given")),
                counts,
            )
            for (factor_key, group), counts in sorted(table.items(), key=order)
        ]


def verdict_mapping(questionnaire):
    """{(factor key, band key): verdict} for the overall verdict and each factor with bands
    (the result page shows no verdict for a factor without them); band key None is "none"."""
    mapping = {}
    if questionnaire.overall_bands:
        mapping[OVERALL, None] = "none"
        for key, band in questionnaire.overall_bands.items():
            mapping[OVERALL, key] = band.verdict
    for factor_key, info in questionnaire.factors.items():
        if info.bands:
            mapping[factor_key, None] = "none"
            for band_key, band in info.bands.items():
                mapping[factor_key, band_key] = band.verdict
    return mapping


def verdicts_by_group(completed, questionnaires, fields, **expressions):
    """(group, factor key, verdict, number of responses) for `completed` responses grouped by
    `fields` (columns of AssessmentResponse) and `expressions` (name -> expression), in one
    query; `group` is {name: value} for those fields and expressions.

    Reads only the band keys of each stored result (scoring.Result.to_dict(): "band" and
    "factors"[i]["key"/"band"]), which the database extracts and groups: decoding every
    result in Python (each holds its drivers too) would dominate the time. Each response's
    band maps to a verdict through the questionnaire of the revision it was scored against.
    `questionnaires`: revision id -> pinned questionnaire, for every revision involved (any
    other is built on demand). Results in a format this code does not read are left out."""
    if not questionnaires:
        return  # no completed responses
    width = max(len(questionnaire.engine.factors) for questionnaire in questionnaires.values())
    paths = [("version",), ("band",)]
    for index in range(width):
        paths += [("factors", index, "key"), ("factors", index, "band")]
    names = [*fields, *expressions]
    rows = completed.values("revision_id", *fields, **expressions, bands=_json_values("result", paths))
    mappings = {}
    for row in rows.annotate(n=Count("pk")):
        version, overall, *factors = _decode_json_values(row["bands"], len(paths))
        if str(version) != str(scoring.RESULT_FORMAT_VERSION):
            continue
        revision_id = row["revision_id"]
        if revision_id not in mappings:
            questionnaire = questionnaires.get(revision_id) or pinned(revision_id)
            mappings[revision_id] = verdict_mapping(questionnaire)
        mapping = mappings[revision_id]
        group = {name: row[name] for name in names}
        for factor_key, band_key in [(OVERALL, overall), *zip(factors[::2], factors[1::2], strict=True)]:
            if factor_key is None or (factor_key, None) not in mapping:
                continue
            yield group, factor_key, mapping.get((factor_key, band_key), "none"), row["n"]


class _JSONExtract(Func):
    """SQLite's json_extract with several paths: one parse of the document per row, giving
    a JSON array of the values (SQLite before 3.45 parses again for every `->>`)."""

    function = "JSON_EXTRACT"
    output_field = TextField()


def _json_values(field_name, paths):
    """An expression for the values at `paths` (tuples of keys and list indexes) of a JSON
    field of AssessmentResponse, as one JSON array, reading the stored document once per row.

    SQLite: json_extract with several paths (one parse; SQLite before 3.45 parses again
    for every `->>`). PostgreSQL: a stored result (~5 kB) is compressed in TOAST and every
    `->>` would decompress it again (2 s instead of 0.3 s for 7,000 results with 8 factors),
    so a sub-select makes one decompressed copy (`|| '{}'`, kept by OFFSET 0) and reads the
    paths from it. Elsewhere: Django's key transforms."""
    if connection.vendor == "sqlite":
        texts = ["$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path) for path in paths]
        return _JSONExtract(F(field_name), *(Value(text) for text in texts))
    if connection.vendor == "postgresql":
        column = (
            f"{connection.ops.quote_name(AssessmentResponse._meta.db_table)}.{connection.ops.quote_name(field_name)}"
        )
        # Names quoted by the backend from the model; the paths are query parameters.
        items = ", ".join(["document #>> %s"] * len(paths))
        sql = (
            f"(SELECT jsonb_build_array({items}) FROM (SELECT {column} || '{{}}'::jsonb AS document OFFSET 0)"  # noqa: S608
            " AS decompressed)"
        )
        return RawSQL(sql, [[str(part) for part in path] for path in paths], output_field=JSONField())  # noqa: S611
    return JSONArray(*(KT("__".join([field_name, *map(str, path)])) for path in paths))


def _decode_json_values(value, count):
    if isinstance(value, str):
        value = json.loads(value)
    if not isinstance(value, list) or len(value) != count:
        return [None] * count
    return value


def _factor_names(current, older):
    """factor key -> name, the overall verdict first, then the current questionnaire's
    factors in result-page order, then factors only older revisions had."""
    names = {OVERALL: _("Overall")}
    for questionnaire in ([current] if current else []) + older:
        for key, info in questionnaire.factors.items():
            names.setdefault(key, info.factor.name)
    return names


def _role_labels():
    return {value: str(label) for value, label in Role.choices}


def _sector_labels(verdicts):
    from literature.models.tags import SectorTag

    slugs = {sector for sector in verdicts.sectors if sector}
    names = dict(SectorTag.objects.filter(slug__in=slugs).values_list("slug", "name")) if slugs else {}
    labels = {slug: names.get(slug, slug) for slug in sorted(slugs, key=lambda s: names.get(s, s).lower())}
    labels[""] = _("Not given")
    return labels


# --- usefulness ----------------------------------------------------------------------------
def _latest_comments(page_ids):
    """The latest comments, newest first. A completed response is only saved again when its
    feedback is given, so `updated_at` is when the comment was left."""
    rows = (
        AssessmentResponse.objects.filter(page_id__in=page_ids, completed_at__isnull=False, is_synthetic=False)
        .exclude(useful_comment="")
        .order_by("-updated_at", "-pk")
        .values_list("updated_at", "found_useful", "role", "useful_comment")[:COMMENTS_SHOWN]
    )
    roles = _role_labels()
    return [Comment(date, useful, roles.get(role, role), text) for date, useful, role, text in rows]
