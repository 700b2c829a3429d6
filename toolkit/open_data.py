"""Open data: anonymised counts of the self-assessment's verdicts, as a public page and as
CSV and JSON downloads (routes on SelfAssessmentPage: open-data/ and open-data/<format>/).

What is counted: completed responses to a self-assessment and its translations (the same
translation_key: English and Welsh responses add up), never synthetic ones; per calendar
month of completion (UK time), the verdicts per factor and overall, for all responses and
broken down by role and by sector. Nothing per response is published: no answers, tokens,
free text or dates finer than the month.

Why whole months only, and only recent ones:
- The month in progress is left out, so a month's figures are fixed once published:
  comparing two downloads never shows how the people who finished in between answered.
- A month is published only while none of its responses can have been deleted by
  `delete_old_responses` (the page's retention period), and counts only responses started
  at most GRACE_DAYS before it: older ones could be deleted while the month is shown, and
  the figures would change. So a month's figures never change at all.
- There are no running totals across months: the difference between two of them would
  give back a month's counts before suppression.

Suppression (see `_hidden`): within each month, breakdown and factor, any count under
THRESHOLD is hidden (null in JSON, empty in CSV, with `suppressed` true), every count of a
row of fewer than THRESHOLD responses is hidden, and more counts are hidden where one
hidden count could be found by subtracting the others from the row's or the column's total.

Cost: a fixed number of queries whatever the number of responses (the page's translations,
the revisions involved, one grouped count, the factor and sector names; building a pinned
questionnaire the first time a process sees a revision). The result is kept in the shared
cache for CACHE_SECONDS per page and language (the cache only saves work: without it every
request counts afresh), so a busy download link costs the database almost nothing. The
downloads say `Cache-Control: public, max-age=300`; the page is cached like every public page
(by the HTTP cache in front: site/varnish/pbr.vcl). The data changes once a month, so a few minutes' delay is harmless.
"""

import csv
import datetime
import io
import json
from collections import defaultdict
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import Case, CharField, Q, Value, When
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from literature.models.pages import ResourcePackPage
from literature.models.tags import SectorTag

from . import report
from .models.factors import SuccessFactor
from .models.responses import AssessmentResponse, Role
from .questionnaire import pinned

THRESHOLD = 5  # counts (and rows of responses) below this are hidden
GRACE_DAYS = 31  # a month counts responses started at most this long before it began
MAX_MONTHS = 24
CACHE_SECONDS = 3600
DOWNLOAD_MAX_AGE = 300
FORMATS = ("csv", "json")
PUBLISHER = "Clinks"
LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
NOT_GIVEN = "not-given"
ALL = "all"
TOTAL = "responses"  # among the hidden: the row's number of responses
BREAKDOWNS = ("all", "role", "sector")
# report.VERDICTS in the same order, as field names ("none": not enough information).
COUNT_FIELDS = {
    "promising": "promising",
    "caution": "caution",
    "unsuitable": "unsuitable",
    "none": "not_enough_information",
}

FIELDS = (
    ("month", "string", gettext_lazy("The calendar month the responses were completed in (UK time), as YYYY-MM.")),
    (
        "breakdown",
        "string",
        gettext_lazy("How the month's responses are grouped: “all” (every response), “role” or “sector”."),
    ),
    (
        "group",
        "string",
        gettext_lazy(
            "The group's stable key: “all”, the role (commissioner, provider, investor, service-user, other) "
            "or the sector's slug; “not-given” when the person did not say."
        ),
    ),
    ("group_name", "string", gettext_lazy("The group's name in the language of the page.")),
    (
        "factor",
        "string",
        gettext_lazy(
            "The success factor's stable key (the same in English and Welsh), or “overall” for the overall verdict."
        ),
    ),
    ("factor_name", "string", gettext_lazy("The factor's name in the language of the page.")),
    (
        "responses",
        "integer or null",
        gettext_lazy(
            "Completed responses in the group that were given a verdict on this factor; null when the whole "
            "row is hidden."
        ),
    ),
    ("promising", "integer or null", gettext_lazy("Responses whose verdict was “promising”; null when hidden.")),
    (
        "caution",
        "integer or null",
        gettext_lazy("Responses whose verdict was “proceed with caution”; null when hidden."),
    ),
    ("unsuitable", "integer or null", gettext_lazy("Responses whose verdict was “unsuitable”; null when hidden.")),
    (
        "not_enough_information",
        "integer or null",
        gettext_lazy("Responses with too few answers on this factor for a verdict; null when hidden."),
    ),
    ("suppressed", "boolean", gettext_lazy("True when any number in the row is hidden.")),
)
FIELD_NAMES = tuple(name for name, _type, _meaning in FIELDS)


def licence_statement():
    return _("Published by %(publisher)s. You may use and re-use this data under the %(licence)s.") % {
        "publisher": PUBLISHER,
        "licence": LICENCE_NAME,
    }


def suppression_rules():
    return _(
        "To protect the people who answered, any count under %(threshold)s is hidden, and so is every count "
        "of a row with fewer than %(threshold)s responses. Where one hidden count could be worked out by "
        "subtracting the others from a total, further counts are hidden too. Only whole months are "
        "published, and a month's figures do not change once published."
    ) % {"threshold": THRESHOLD}


# --- the views ---------------------------------------------------------------------------------
def open_data_page(request, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    data = dataset(page)
    base = page.url + page.reverse_subpage("open_data")
    return page.render(
        request,
        template="toolkit/open_data.html",
        context_overrides={
            "data": data,
            "fields": [{"name": name, "type": kind, "meaning": meaning} for name, kind, meaning in FIELDS],
            "summary": summary(data),
            "threshold": THRESHOLD,
            "licence_statement": licence_statement(),
            "licence_url": LICENCE_URL,
            "suppression_rules": suppression_rules(),
            "downloads": {file_format: base + f"{file_format}/" for file_format in FORMATS},
            "open_data_url": base,
            "pack": _resource_pack(page),
        },
    )


def open_data_download(request, page, file_format):
    if file_format not in FORMATS:
        raise Http404
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    data = dataset(page)
    filename = f"{page.slug}-open-data"
    if file_format == "csv":
        response = HttpResponse(to_csv(data), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    else:
        response = HttpResponse(to_json(data), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    patch_cache_control(response, public=True, max_age=DOWNLOAD_MAX_AGE)
    # Public data with no credentials involved: any web page may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _resource_pack(page):
    return ResourcePackPage.objects.live().filter(locale_id=page.locale_id).first()


# --- the files -----------------------------------------------------------------------------------
def to_json(data):
    document = {
        "title": data["title"],
        "publisher": PUBLISHER,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL, "statement": licence_statement()},
        "generated_at": data["generated_at"],
        "months": data["months"],
        "suppression": {"threshold": THRESHOLD, "rules": suppression_rules()},
        "fields": [{"name": name, "type": kind, "description": str(meaning)} for name, kind, meaning in FIELDS],
        "rows": data["rows"],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def to_csv(data):
    """The rows, with a byte-order mark so Excel reads UTF-8, and no cell a spreadsheet would
    run as a formula (group and factor names are typed by editors)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIELD_NAMES)
    for row in data["rows"]:
        cells = []
        for name in FIELD_NAMES:
            value = row[name]
            if value is None:
                value = ""
            elif isinstance(value, bool):
                value = "true" if value else "false"
            elif isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                value = "'" + value
            cells.append(value)
        writer.writerow(cells)
    return out.getvalue()


# --- the data --------------------------------------------------------------------------------------
def published_months(now, retention_days):
    """[(label, start, end)] of the months to publish, oldest first: whole months before the
    current one (UK time) whose responses cannot have been deleted yet (see the module
    docstring)."""
    tz = timezone.get_current_timezone()
    local = timezone.localtime(now, tz)
    end = datetime.datetime(local.year, local.month, 1, tzinfo=tz)
    oldest_allowed = now - datetime.timedelta(days=retention_days) + datetime.timedelta(days=GRACE_DAYS)
    months = []
    while len(months) < MAX_MONTHS:
        previous = end - datetime.timedelta(days=1)
        start = datetime.datetime(previous.year, previous.month, 1, tzinfo=tz)
        if start < oldest_allowed:
            break
        months.append((f"{start:%Y-%m}", start, end))
        end = start
    months.reverse()
    return months


def dataset(page):
    """The open data of `page` and its translations, in the active language, from the shared
    cache when it was counted in the last hour (and in the same month)."""
    now = timezone.now()
    key = f"open-data:v1:{page.translation_key}:{get_language()}:{timezone.localtime(now):%Y-%m}"
    data = cache.get(key)
    if data is None:
        data = build(page, now)
        cache.set(key, data, CACHE_SECONDS)
    return data


def build(page, now=None):
    now = now or timezone.now()
    pages = report.translations(page)
    source = pages[0]
    reader_page = next((p for p in pages if p.pk == page.pk), source)
    months = published_months(now, min(p.retention_days for p in pages))
    data = {
        "title": reader_page.title,
        "generated_at": now.astimezone(datetime.UTC).replace(microsecond=0).isoformat(),
        "months": [label for label, _start, _end in months],
        "rows": [],
    }
    if not months:
        return data
    grace = datetime.timedelta(days=GRACE_DAYS)
    in_months = reduce(
        or_,
        (
            Q(completed_at__gte=start, completed_at__lt=end, created_at__gte=start - grace)
            for _label, start, end in months
        ),
    )
    # previous is null: each assessment counts once, with its first result ("answer again"
    # results are left out, so a later one never changes a month already published).
    completed = AssessmentResponse.objects.filter(
        in_months,
        page_id__in=[p.pk for p in pages],
        is_synthetic=False,
        completed_at__isnull=False,
        previous__isnull=True,
    ).order_by()
    month = Case(
        *(When(completed_at__gte=start, completed_at__lt=end, then=Value(label)) for label, start, end in months),
        default=Value(""),
        output_field=CharField(),
    )

    revisions = dict(completed.values_list("revision_id", "page_id").distinct())
    if not revisions:
        return data
    questionnaires = {pk: pinned(pk) for pk in revisions}

    counts = defaultdict(lambda: dict.fromkeys(report.VERDICTS, 0))  # (month, breakdown, group, factor)
    factor_order = {}
    for group, factor_key, verdict, n in report.verdicts_by_group(
        completed, questionnaires, ("role", "sector"), month=month
    ):
        factor_order.setdefault(factor_key, len(factor_order))
        for breakdown, value in ((ALL, ALL), ("role", group["role"]), ("sector", group["sector"])):
            counts[group["month"], breakdown, value or NOT_GIVEN, factor_key][verdict] += n

    factor_names = _factor_names(reader_page, source, questionnaires, factor_order)
    group_names = _group_names({key[2] for key in counts if key[1] == "sector"})
    factor_rank = {key: position for position, key in enumerate(factor_names)}
    group_rank = {key: position for position, key in enumerate(group_names)}

    tables = defaultdict(dict)  # (month, breakdown, factor) -> {group: counts}
    for (month_label, breakdown, group, factor_key), verdicts in counts.items():
        tables[month_label, breakdown, factor_key][group] = verdicts
    for (month_label, breakdown, factor_key), rows in sorted(
        tables.items(),
        key=lambda item: (item[0][0], BREAKDOWNS.index(item[0][1]), factor_rank.get(item[0][2], len(factor_rank))),
    ):
        margin = tables[month_label, ALL, factor_key][ALL]
        hidden = _hidden(rows, None if breakdown == ALL else margin)
        for group in sorted(rows, key=lambda g: (group_rank.get(g, len(group_rank)), g)):
            verdicts = rows[group]
            row = {
                "month": month_label,
                "breakdown": breakdown,
                "group": group,
                "group_name": group_names.get(group, group),
                "factor": factor_key,
                "factor_name": factor_names.get(factor_key, _("Factor no longer in the questionnaire")),
                "responses": None if TOTAL in hidden[group] else sum(verdicts.values()),
            }
            for verdict, name in COUNT_FIELDS.items():
                row[name] = None if verdict in hidden[group] else verdicts[verdict]
            row["suppressed"] = bool(hidden[group])
            data["rows"].append(row)
    return data


def _hidden(rows, margin=None):
    """{group: what is hidden} for one table (one month, breakdown and factor): the verdicts
    whose counts are hidden, and TOTAL when the row's number of responses is. `rows`
    {group: {verdict: count}}; `margin` the counts of every response of the month (the "all"
    row), which the groups add up to, or None for the "all" table itself.

    Hidden first: counts under THRESHOLD, and whole rows of fewer than THRESHOLD responses.
    A column whose total is shown in the margin must not have exactly one hidden count among
    the groups (it would be the margin minus the others), so the smallest shown count in it
    is hidden too: first for the numbers of responses (which then stay the same in every
    factor's table of the month and breakdown), then, until nothing changes, for the
    verdicts, together with the rule for rows: a row whose total is known (shown, or given by
    another factor's row of the same group) must not have exactly one hidden count either."""
    verdicts = report.VERDICTS
    totals = {group: sum(counts.values()) for group, counts in rows.items()}
    hidden = {}
    for group, counts in rows.items():
        if totals[group] < THRESHOLD:
            hidden[group] = {*verdicts, TOTAL}
        else:
            hidden[group] = {verdict for verdict in verdicts if counts[verdict] < THRESHOLD}
    margin_hidden = _hidden({ALL: margin})[ALL] if margin is not None else {*verdicts, TOTAL}

    def one_alone(column, value):
        """Hide one more in `column` if exactly one group's is hidden; True if it did."""
        if column in margin_hidden or sum(1 for group in rows if column in hidden[group]) != 1:
            return False
        shown = [group for group in rows if column not in hidden[group]]
        if not shown:
            return False
        hidden[min(shown, key=lambda group: (value(group), str(group)))].add(column)
        return True

    one_alone(TOTAL, totals.get)
    changed = True
    while changed:
        changed = False
        for group, counts in rows.items():
            if len(hidden[group] - {TOTAL}) == 1:
                shown = [verdict for verdict in verdicts if verdict not in hidden[group]]
                hidden[group].add(min(shown, key=lambda verdict: (counts[verdict], verdicts.index(verdict))))
                changed = True
        for verdict in verdicts:
            changed |= one_alone(verdict, lambda group, verdict=verdict: rows[group][verdict])
    return hidden


def _factor_names(reader_page, source, questionnaires, factor_order):
    """factor key -> name in the reader's language (the factor's translation, else its name
    in the questionnaire), the overall verdict first, then the current questionnaire's order,
    then factors only older revisions had."""
    current = None
    revision_id = source.live_revision_id or source.latest_revision_id
    if revision_id:
        current = questionnaires.get(revision_id) or pinned(revision_id)
    names = {report.OVERALL: _("Overall")}
    for questionnaire in ([current] if current else []) + list(questionnaires.values()):
        for key, info in questionnaire.factors.items():
            names.setdefault(key, info.factor.name)
    for key in sorted(factor_order, key=factor_order.get):
        names.setdefault(key, key)
    translated = {}
    for key, locale_id, name in SuccessFactor.objects.filter(
        translation_key__in=[key for key in names if key != report.OVERALL]
    ).values_list("translation_key", "locale_id", "name"):
        if locale_id == reader_page.locale_id:
            translated[str(key)] = name
    return {key: translated.get(key, name) for key, name in names.items()}


def _group_names(sector_slugs):
    """group key -> name in the active language: "all", the roles, the sectors (A to Z)."""
    names = {ALL: _("All responses")}
    names.update({value: str(label) for value, label in Role.choices})
    slugs = {slug for slug in sector_slugs if slug != NOT_GIVEN}
    tags = sorted(SectorTag.objects.filter(slug__in=slugs), key=lambda tag: tag.label.lower()) if slugs else []
    names.update({tag.slug: tag.label for tag in tags})
    names[NOT_GIVEN] = _("Not given")
    return names


# --- the page's summary ------------------------------------------------------------------------------
def summary(data):
    """Per factor, the share of each verdict over every published month, all roles and
    sectors together. Only months whose row for the factor is shown in full are added up,
    so the summary holds nothing the downloads do not (a total over months that included
    hidden counts would give them away)."""
    totals = {}
    names = {}
    months = defaultdict(int)
    for row in data["rows"]:
        if row["breakdown"] != ALL:
            continue
        names.setdefault(row["factor"], row["factor_name"])
        if row["suppressed"]:
            continue
        counts = totals.setdefault(row["factor"], dict.fromkeys(COUNT_FIELDS.values(), 0))
        for name in COUNT_FIELDS.values():
            counts[name] += row[name]
        months[row["factor"]] += 1
    lines = []
    for factor_key, name in names.items():
        counts = totals.get(factor_key)
        responses = sum(counts.values()) if counts else 0
        lines.append(
            {
                "factor_name": name,
                "responses": responses,
                "months": months[factor_key],
                "shares": [
                    round(counts[field] / responses * 100) if responses else None for field in COUNT_FIELDS.values()
                ],
            }
        )
    return lines
