"""The Bibliography list in the admin: each entry's editorial status (draft, in moderation,
live, live + draft), whether it still needs a summary, and filters for both, so an Editor's
drafts are never lost from sight. The dashboard lists drafts nobody has submitted yet.

Entries go through the "Moderators approval" workflow (WorkflowMixin): Wagtail's own edit
view gives Editors "Submit to Moderators approval" and Moderators "Publish" and "Approve".
"""

import django_filters
from django import forms
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import StatusFlagColumn, StatusTagColumn
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.models import WorkflowState
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BibliographyEntry

DRAFT, IN_MODERATION, LIVE, LIVE_DRAFT = "draft", "in_moderation", "live", "live_draft"


def with_editorial_status(queryset):
    """Annotates `in_moderation`: a workflow is in progress on the entry (one sub-query for the
    whole list, not one query per row)."""
    states = WorkflowState.objects.filter(
        base_content_type=BibliographyEntry.get_base_content_type(),
        object_id=Cast(OuterRef("pk"), models.CharField(max_length=255)),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return queryset.annotate(in_moderation=Exists(states))


def editorial_status(entry):
    """Wagtail's words for it ("draft", "in moderation", "live + draft"...)."""
    in_moderation = getattr(entry, "in_moderation", None)
    if in_moderation is None:  # not annotated (a search result, say): ask Wagtail
        in_moderation = entry.workflow_in_progress
    if entry.live:
        if in_moderation:
            return gettext("live + in moderation")
        return gettext("live + draft") if entry.has_unpublished_changes else gettext("live")
    if in_moderation:
        return gettext("in moderation")
    return gettext("expired") if entry.expired else gettext("draft")


class BibliographyEntryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (DRAFT, _("Drafts not yet submitted for moderation")),
            (IN_MODERATION, _("In moderation")),
            (LIVE_DRAFT, _("Live, with draft changes not yet submitted")),
            (LIVE, _("Live, no draft changes")),
        ],
        method="filter_status",
        empty_label=_("Any status"),
        widget=forms.RadioSelect,
    )
    needs_summary = django_filters.BooleanFilter(
        label=_("Needs a summary"), method="filter_needs_summary", widget=BooleanRadioSelect
    )

    class Meta:
        model = BibliographyEntry
        fields = ["status", "needs_summary", "publication_type", "year"]

    def filter_status(self, queryset, name, value):
        if "in_moderation" not in queryset.query.annotations:
            queryset = with_editorial_status(queryset)
        return {
            DRAFT: queryset.filter(live=False, in_moderation=False),
            IN_MODERATION: queryset.filter(in_moderation=True),
            LIVE_DRAFT: queryset.filter(live=True, has_unpublished_changes=True, in_moderation=False),
            LIVE: queryset.filter(live=True, has_unpublished_changes=False, in_moderation=False),
        }.get(value, queryset)

    def filter_needs_summary(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(summary="") if value else queryset.exclude(summary="")


class BibliographyEntryViewSet(SnippetViewSet):
    model = BibliographyEntry
    icon = "doc-full"
    menu_label = _("Bibliography")
    list_display = [
        "title",
        "author_list",
        "year",
        "publication_type",
        StatusTagColumn(
            "status", label=_("Status"), accessor=editorial_status, sort_key="live", primary=lambda entry: entry.live
        ),
        StatusFlagColumn(
            "needs_summary",
            label=_("Summary"),
            accessor=lambda entry: not entry.summary,
            true_label=_("Needs a summary"),
        ),
    ]
    filterset_class = BibliographyEntryFilterSet
    # Searched in the database, not through the search index: the index cannot apply the
    # status filter (a sub-query) to its results, and the SQLite index has no "summary" column
    # to restrict a search to. A few thousand entries are quick to search either way.
    search_backend_name = None
    search_fields = ["title", "summary"]
    ordering = ["-year", "title"]

    def get_queryset(self, request):
        return with_editorial_status(BibliographyEntry.objects.all()).prefetch_related("authors")


class EntryDraftsPanel(Component):
    """On the dashboard: entries saved as drafts that nobody has submitted for moderation."""

    name = "bibliography_drafts"
    order = 65
    template_name = "literature/admin/entry_drafts_panel.html"

    def __init__(self, count, drafts):
        self.count = count
        self.drafts = drafts

    def get_context_data(self, parent_context):
        return {
            "count": self.count,
            "drafts": self.drafts,
            "list_url": reverse("wagtailsnippets_literature_bibliographyentry:list") + f"?status={DRAFT}",
        }


def drafts_panel(limit=8):
    drafts = with_editorial_status(BibliographyEntry.objects.filter(live=False)).filter(in_moderation=False)
    newest = drafts.select_related("latest_revision__user").order_by("-latest_revision__created_at", "-pk")
    return EntryDraftsPanel(drafts.count(), list(newest[:limit]))
