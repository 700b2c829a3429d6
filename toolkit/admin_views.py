"""The staff report on self-assessment responses, in the Wagtail admin.

URLs (registered in wagtail_hooks.py, under the admin's own login and access check):

    /admin/self-assessment-report/                 the first self-assessment (English where it exists)
    /admin/self-assessment-report/<page id>/       that self-assessment and its translations
    /admin/self-assessment-report/<page id>/csv/   the same figures as one CSV file, in sections
                                                   (totals, weekly counts, answer distribution,
                                                   verdicts by role, verdicts by sector, usefulness)

Only users with the "toolkit.view_assessment_report" permission see them: the Editors and
Moderators groups have it (migration 0006), superusers have every permission, and an
administrator can tick it for any other group (Settings > Groups, "Can view the
self-assessment report"). Anyone else in the admin is sent to the dashboard with "permission
denied" (Wagtail's handling of PermissionDenied). Nothing is cached.
"""

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale

from . import report as reports
from .models import SelfAssessmentPage

PERMISSION = "toolkit.view_assessment_report"


def can_view_report(user):
    return user.is_active and user.has_perm(PERMISSION)


def source_pages():
    """The self-assessments to choose from: one per translation set, in the default
    language where it exists (else whichever comes first)."""
    default_locale_id = Locale.get_default().pk
    chosen = {}
    for page in SelfAssessmentPage.objects.order_by("path").defer_streamfields().select_related("locale"):
        current = chosen.get(page.translation_key)
        if current is None or (page.locale_id == default_locale_id and current.locale_id != default_locale_id):
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.path)


class ReportPermissionMixin:
    """Refuse users without the permission (superusers have every permission)."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page(self, choices=None):
        """The chosen self-assessment (any language: its translations are reported with it),
        or the first of `choices` when none is chosen; None when there are none at all."""
        page_id = self.kwargs.get("page_id")
        if page_id is None:
            choices = source_pages() if choices is None else choices
            return choices[0] if choices else None
        return get_object_or_404(SelfAssessmentPage.objects.defer_streamfields(), pk=page_id)


@method_decorator(never_cache, name="dispatch")
class ReportView(ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "toolkit/admin/report.html"
    page_title = gettext_lazy("Self-assessment report")
    header_icon = "table"

    def get(self, request, *args, **kwargs):
        self.choices = source_pages()
        self.page = self.get_page(self.choices)
        self.report = reports.build_report(self.page) if self.page else None
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.report.page.title if self.report else ""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": None, "label": self.page_title}]

    def get_header_buttons(self):
        if not self.report:
            return []
        return [
            HeaderButton(
                _("Download CSV"), url=reverse("toolkit_report:csv", args=[self.report.page.pk]), icon_name="download"
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "report": self.report,
                "choices": [
                    {
                        "page": page,
                        "url": reverse("toolkit_report:page", args=[page.pk]),
                        "current": self.report is not None and page.translation_key == self.report.page.translation_key,
                    }
                    for page in self.choices
                ],
                "verdict_tables": [
                    {
                        "name": "verdicts-role",
                        "title": _("By role"),
                        "group_heading": _("Role"),
                        "rows": self.report.verdicts_by_role if self.report else [],
                    },
                    {
                        "name": "verdicts-sector",
                        "title": _("By sector"),
                        "group_heading": _("Sector"),
                        "rows": self.report.verdicts_by_sector if self.report else [],
                    },
                ],
                "verdict_labels": [reports.verdict_labels()[verdict] for verdict in reports.VERDICTS],
                "weeks_shown": reports.WEEKS_SHOWN,
                "comments_shown": reports.COMMENTS_SHOWN,
            }
        )
        return context


@method_decorator(never_cache, name="dispatch")
class ReportCSVView(ReportPermissionMixin, View):
    def get(self, request, page_id):
        page = self.get_page()
        if page is None:
            raise Http404
        report = reports.build_report(page)
        http = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = slugify(f"{report.page.slug}-report-{timezone.localdate():%Y-%m-%d}") or "report"
        http["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        http.write("\ufeff")  # so Excel reads the file as UTF-8
        write_csv(csv.writer(http), report)
        return http


def write_csv(writer, report):
    """Every section of the report, each headed by its name and separated by a blank row."""
    labels = reports.verdict_labels()
    verdict_headers = [labels[verdict] for verdict in reports.VERDICTS]
    languages = ", ".join(str(page.locale.get_display_name() or page.locale.language_code) for page in report.pages)

    writer.writerow([_("Self-assessment report"), report.page.title])
    writer.writerow([_("Languages"), languages])
    writer.writerow([_("Generated"), timezone.localtime().strftime("%Y-%m-%d %H:%M")])
    writer.writerow([])

    writer.writerow([_("Totals")])
    writer.writerow([_("Started"), _("Completed"), _("Completion rate (%)")])
    rate = report.totals.completion_rate
    writer.writerow([report.totals.started, report.totals.completed, "" if rate is None else rate])
    writer.writerow([])

    writer.writerow([_("Responses per week")])
    writer.writerow([_("ISO week"), _("Week beginning"), _("Started"), _("Completed")])
    for week in report.weeks:
        writer.writerow([week.label, week.monday.isoformat(), week.started, week.completed])
    writer.writerow([])

    writer.writerow([_("Answer distribution (completed responses)")])
    writer.writerow(
        [
            _("Number"),
            _("Section"),
            _("Question"),
            _("Answer"),
            _("Chosen by"),
            _("Answered the question"),
            _("Share (%)"),
        ]
    )
    for question in report.questions:
        for option in question.options:
            writer.writerow(
                [
                    question.number,
                    question.section,
                    question.text,
                    option.label,
                    option.count,
                    question.answered,
                    "" if option.percent is None else option.percent,
                ]
            )
    for row in report.retired:
        writer.writerow(["", _("No longer in the questionnaire"), row.question, row.option, row.count, "", ""])
    writer.writerow([])

    for title, group_header, rows in (
        (_("Verdicts by role (completed responses)"), _("Role"), report.verdicts_by_role),
        (_("Verdicts by sector (completed responses)"), _("Sector"), report.verdicts_by_sector),
    ):
        writer.writerow([title])
        writer.writerow([_("Factor"), group_header, *verdict_headers, _("Total")])
        for row in rows:
            writer.writerow([row.factor, row.group, *row.ordered_counts, row.total])
        writer.writerow([])

    useful = report.usefulness
    writer.writerow([_("Was this useful?")])
    writer.writerow([_("Yes"), _("No"), _("Not rated")])
    writer.writerow([useful.yes, useful.no, useful.unrated])
    writer.writerow([])
    writer.writerow([_("Latest comments")])
    writer.writerow([_("Date"), _("Useful"), _("Role"), _("Comment")])
    for comment in useful.comments:
        writer.writerow(
            [
                timezone.localtime(comment.date).strftime("%Y-%m-%d"),
                {True: _("Yes"), False: _("No")}.get(comment.found_useful, ""),
                comment.role,
                safe_cell(comment.text),
            ]
        )


def safe_cell(text):
    """Free text typed by the public, made inert for spreadsheets: a cell starting with
    = + - @ (or a tab/carriage return) would otherwise run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
