"""Admin: upload a CSV, BibTeX or RIS file of entries and see, row by row, what happened."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from .bibliography_io import MAX_UPLOAD_BYTES, Importer
from .formats import FORMATS_HELP, decode_upload

ALLOWED_EXTENSIONS = (".csv", ".bib", ".bibtex", ".ris", ".txt")


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"), help_text=FORMATS_HELP)
    dry_run = forms.BooleanField(
        required=False, initial=True, label=gettext_lazy("Check only: show what would happen, change nothing")
    )
    publish = forms.BooleanField(required=False, initial=True, label=gettext_lazy("Publish new and changed entries"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(ALLOWED_EXTENSIONS):
            raise forms.ValidationError(_("Upload a .csv, .bib, .ris or .txt file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB. Split it into smaller files."))
        return upload


@never_cache
def import_bibliography(request):
    if not request.user.has_perm("literature.add_bibliographyentry"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    rows = None
    totals = {}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        text = decode_upload(upload.read())
        importer = Importer(publish=form.cleaned_data["publish"], dry_run=form.cleaned_data["dry_run"])
        rows = importer.import_text(text, upload.name)
        for row in rows:
            totals[row.outcome] = totals.get(row.outcome, 0) + 1
    return TemplateResponse(request, "literature/admin/import.html", {
        "form": form,
        "rows": rows,
        "totals": sorted(totals.items()),
        "dry_run": form.cleaned_data.get("dry_run") if form.is_bound and form.is_valid() else None,
        "page_title": _("Import bibliography"),
        "header_title": _("Import bibliography"),
        "header_icon": "upload",
    })
