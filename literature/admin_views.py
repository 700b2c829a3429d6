"""Admin: upload a CSV, BibTeX or RIS file of entries; it is imported in the background and its
page shows the progress, then what happened to every row.

Imports make drafts. Only someone who may publish entries (Moderators) is offered "publish at
once", and the task checks that permission again whatever the job says.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .bibliography_io import MAX_UPLOAD_BYTES, OUTCOMES
from .formats import DEFAULT_TYPE, FORMATS_HELP, TYPE_LABELS, decode_upload
from .models import ImportJob, SectorTag, ThemeTag
from .tasks import run_import

ALLOWED_EXTENSIONS = (".csv", ".bib", ".bibtex", ".ris", ".txt")
PUBLISH_PERMISSION = "literature.publish_bibliographyentry"
REPORT_PAGE_SIZE = 200
RECENT_IMPORTS = 15
# A job waiting this long (seconds) with nobody picking it up suggests no worker is running.
WORKER_SILENT_AFTER = 60


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"), help_text=FORMATS_HELP)
    on_duplicate = forms.ChoiceField(
        label=gettext_lazy("When an entry is already in the pack"),
        choices=ImportJob.OnDuplicate.choices,
        initial=ImportJob.OnDuplicate.SKIP,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "An entry is already in the pack when it has the same DOI, the same web address, or the same "
            "title and year. A row repeating an earlier row of the same file is always skipped."
        ),
    )
    dry_run = forms.BooleanField(
        required=False, initial=True, label=gettext_lazy("Check only: show what would happen, change nothing")
    )
    publish = forms.BooleanField(
        required=False,
        initial=False,
        label=gettext_lazy("Publish new and changed entries at once, without moderation"),
        help_text=gettext_lazy("Moderators only. Leave it unticked to import drafts that go through moderation."),
    )

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_publish:
            # Not offered, so not read: a forged "publish" in the post changes nothing.
            del self.fields["publish"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(ALLOWED_EXTENSIONS):
            raise forms.ValidationError(_("Upload a .csv, .bib, .ris or .txt file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB. Split it into smaller files."))
        return upload


def _may_import(user):
    return user.has_perm("literature.add_bibliographyentry") and user.has_perm("literature.add_importjob")


def _visible_jobs(user):
    jobs = ImportJob.objects.select_related("created_by").defer("text", "report")
    return jobs if user.has_perm("literature.view_importjob") else jobs.filter(created_by=user)


def _start(job):
    """The job is saved (and committed: admin requests are not wrapped in a transaction) before
    the task is queued, so the worker always finds it."""
    run_import.enqueue(job.pk)
    return redirect("literature_import_job", job.pk)


@never_cache
def import_bibliography(request):
    if not _may_import(request.user):
        raise PermissionDenied
    can_publish = request.user.has_perm(PUBLISH_PERMISSION)
    form = ImportForm(request.POST or None, request.FILES or None, can_publish=can_publish)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = ImportJob.objects.create(
            created_by=request.user,
            filename=upload.name[:255],
            text=decode_upload(upload.read()),
            dry_run=form.cleaned_data["dry_run"],
            publish=can_publish and form.cleaned_data.get("publish", False),
            on_duplicate=form.cleaned_data["on_duplicate"],
        )
        return _start(job)
    return TemplateResponse(
        request,
        "literature/admin/import.html",
        {
            "form": form,
            "can_publish": can_publish,
            "jobs": _visible_jobs(request.user)[:RECENT_IMPORTS],
            "types": TYPE_LABELS,
            "default_type": TYPE_LABELS[DEFAULT_TYPE],
            "sectors": SectorTag.objects.order_by("name"),
            "themes": ThemeTag.objects.order_by("name"),
            "page_title": _("Import bibliography"),
            "header_title": _("Import bibliography"),
            "header_icon": "upload",
        },
    )


def _job_for(request, pk):
    job = get_object_or_404(ImportJob.objects.select_related("created_by"), pk=pk)
    if not request.user.has_perm("literature.add_bibliographyentry"):
        raise PermissionDenied
    if job.created_by_id != request.user.pk and not request.user.has_perm("literature.view_importjob"):
        raise PermissionDenied
    return job


def outcome_label(outcome, published=False, dry_run=False):
    if dry_run:
        return {
            "created": _("Would be added as a new entry"),
            "updated": _("Would update the entry already in the pack"),
            "unchanged": _("Already in the pack, nothing to change"),
            "skipped": _("Duplicate, would be skipped"),
            "rejected": _("Cannot be imported"),
        }[outcome]
    return {
        "created": _("Added and published") if published else _("Added as a draft"),
        "updated": _("Updated and published") if published else _("Updated as a draft"),
        "unchanged": _("Already in the pack, nothing to change"),
        "skipped": _("Duplicate, skipped"),
        "rejected": _("Not imported"),
    }[outcome]


@never_cache
def import_job(request, pk):
    job = _job_for(request, pk)
    show = request.GET.get("show", "")
    rows = job.report if job.status == ImportJob.Status.DONE else []
    if show == "needs_summary":
        rows = [row for row in rows if row["needs_summary"] and row["outcome"] != "rejected"]
    elif show in OUTCOMES:
        rows = [row for row in rows if row["outcome"] == show]
    else:
        show = ""
    page = Paginator(rows, REPORT_PAGE_SIZE).get_page(request.GET.get("page"))
    for row in page.object_list:
        row["label"] = outcome_label(row["outcome"], row["published"], job.dry_run)
    counts = job.counts or {}
    filters = [("", _("All rows"), job.total_rows)]
    filters += [
        (outcome, outcome_label(outcome, job.publish, job.dry_run), counts.get(outcome, 0))
        for outcome in OUTCOMES
        if counts.get(outcome)
    ]
    if counts.get("needs_summary"):
        filters.append(("needs_summary", _("Needs a summary"), counts["needs_summary"]))
    waited = (timezone.now() - (job.updated_at or job.created_at)).total_seconds()
    return TemplateResponse(
        request,
        "literature/admin/import_job.html",
        {
            "job": job,
            "page": page,
            "show": show,
            "filters": filters,
            "refresh": not job.is_finished,
            "drafts_made": not job.dry_run and not job.publish and bool(counts.get("created") or counts.get("updated")),
            "worker_silent": not job.is_finished and waited > WORKER_SILENT_AFTER,
            "may_import": _may_import(request.user) and job.created_by_id == request.user.pk,
            "drafts_url": reverse("wagtailsnippets_literature_bibliographyentry:list") + "?status=draft",
            "page_title": _("Import of %(file)s") % {"file": job.filename},
            "header_title": _("Import of %(file)s") % {"file": job.filename},
            "header_icon": "upload",
        },
    )


@require_POST
def import_job_again(request, pk):
    """After a check only, import the same file with the same choices, without uploading it again."""
    job = _job_for(request, pk)
    if not _may_import(request.user) or job.created_by_id != request.user.pk or not job.dry_run:
        raise PermissionDenied
    again = ImportJob.objects.create(
        created_by=request.user,
        filename=job.filename,
        text=job.text,
        dry_run=False,
        publish=job.publish and request.user.has_perm(PUBLISH_PERMISSION),
        on_duplicate=job.on_duplicate,
    )
    return _start(again)
