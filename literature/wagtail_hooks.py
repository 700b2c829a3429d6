"""Admin menus for the literature review's snippets: sectors, themes, entries, glossary."""

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import suggestion_views
from .duplicates import duplicates_of_suggestion
from .entry_admin import BibliographyEntryViewSet, drafts_panel
from .models import (
    GlossaryTerm,
    ResourceSuggestion,
    SectorTag,
    ThemeTag,
)
from .suggestion_mail import Outcome, what_to_send


class TagViewSet(SnippetViewSet):
    icon = "tag"
    list_display = ["name", "welsh_name", "slug"]
    search_fields = ["name", "welsh_name"]


class SectorTagViewSet(TagViewSet):
    model = SectorTag
    menu_label = _("Sectors")


class ThemeTagViewSet(TagViewSet):
    model = ThemeTag
    menu_label = _("Themes")


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    list_display = ["term", "short_definition", "locale"]
    search_fields = ["term", "short_definition"]


class SuggestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ResourceSuggestion.Status.choices,
        empty_label=_("Any status"),
        widget=forms.RadioSelect,
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)
    has_email = django_filters.BooleanFilter(label=_("Suggester left an email address"), method="filter_has_email")

    class Meta:
        model = ResourceSuggestion
        fields = ["status", "created_at"]

    def filter_has_email(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(email="") if value else queryset.filter(email="")


class PossibleDuplicatesColumn(Column):
    """Entries a new suggestion may duplicate (DOI, web address, title and year): a few
    queries a new suggestion on the page; decided ones are not checked."""

    cell_template_name = "literature/admin/duplicate_flag_cell.html"

    def get_value(self, instance):
        if instance.status != ResourceSuggestion.Status.NEW:
            return []
        return duplicates_of_suggestion(instance)


class SuggestionDecisionPanel(Panel):
    """At the top of a suggestion's page: where it stands (new, accepted, rejected, already in
    the pack), entries that may already be the same publication, whether the suggester has been
    told, and the buttons that decide it (each opens a page of its own: nothing is decided by
    saving the form below)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "literature/panels/suggestion_decision_panel.html"

        def is_shown(self):
            return self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            suggestion = self.instance
            user = self.request.user
            name = "wagtailsnippets_literature_resourcesuggestion:{}".format
            undecided = suggestion.status == suggestion.Status.NEW
            context.update(
                suggestion=suggestion,
                undecided=undecided,
                duplicates=duplicates_of_suggestion(suggestion) if undecided else [],
                mail=what_to_send(suggestion),
                Outcome=Outcome,
                can_decide=user.has_perm("literature.change_resourcesuggestion"),
                can_accept=user.has_perm("literature.change_resourcesuggestion")
                and user.has_perm("literature.add_bibliographyentry"),
                accept_url=reverse(name("accept"), args=(suggestion.pk,)),
                reject_url=reverse(name("reject"), args=(suggestion.pk,)),
                duplicate_url=reverse(name("duplicate"), args=(suggestion.pk,)),
                send_url=reverse(name("send_outcome"), args=(suggestion.pk,)),
            )
            return context


class ResourceSuggestionViewSet(SnippetViewSet):
    """The queue of suggestions from the public, for Editors and Moderators. Each is decided on
    a page of its own (suggestion_views): accepted (a draft entry), rejected with a reason, or
    already in the pack; the suggester is e-mailed the outcome once (suggestion_mail)."""

    model = ResourceSuggestion
    icon = "mail"
    menu_label = _("Suggestions")
    list_display = [
        "title",
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            sort_key="status",
            primary=lambda suggestion: suggestion.status == ResourceSuggestion.Status.NEW,
        ),
        PossibleDuplicatesColumn("possible_duplicates", label=_("Possible duplicates")),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]
    filterset_class = SuggestionFilterSet
    search_fields = ["title", "authors", "why"]
    ordering = ["-created_at"]
    panels = [
        SuggestionDecisionPanel(heading=_("Decision")),
        FieldPanel("title"),
        FieldPanel("authors"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("doi")]),
        FieldPanel("url"),
        FieldPanel("why"),
        FieldPanel("email"),
        FieldPanel("staff_notes"),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("accept/<int:pk>/", suggestion_views.AcceptView.as_view(), name="accept"),
            path("reject/<int:pk>/", suggestion_views.RejectView.as_view(), name="reject"),
            path("duplicate/<int:pk>/", suggestion_views.DuplicateView.as_view(), name="duplicate"),
            path("send-outcome/<int:pk>/", suggestion_views.SendOutcomeView.as_view(), name="send_outcome"),
        ]


class LiteratureViewSetGroup(SnippetViewSetGroup):
    items = (
        BibliographyEntryViewSet,
        ResourceSuggestionViewSet,
        GlossaryTermViewSet,
        SectorTagViewSet,
        ThemeTagViewSet,
    )
    menu_icon = "doc-full-inverse"
    menu_label = _("Literature")
    menu_name = "literature"


register_snippet(LiteratureViewSetGroup)


@hooks.register("register_admin_urls")
def register_literature_admin_urls():
    from .admin_views import import_bibliography, import_job, import_job_again

    return [
        path("import-bibliography/", import_bibliography, name="literature_import_bibliography"),
        path("import-bibliography/<int:pk>/", import_job, name="literature_import_job"),
        path("import-bibliography/<int:pk>/import/", import_job_again, name="literature_import_job_again"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("literature.add_bibliographyentry")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import bibliography"), reverse("literature_import_bibliography"), icon_name="upload", order=310
    )


@hooks.register("construct_homepage_panels")
def add_entry_drafts_panel(request, panels):
    """Drafts of bibliography entries nobody has submitted: an Editor's draft is never forgotten."""
    if request.user.has_perm("literature.change_bibliographyentry"):
        panels.append(drafts_panel())


# --- the suggestions queue: the dashboard's count, the history's words, the e-mail on publish ---


class NewSuggestionsPanel(Component):
    """On the admin's dashboard: how many suggestions from the public wait for a decision."""

    name = "new_suggestions"
    order = 60
    template_name = "literature/admin/new_suggestions_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        suggestions = reverse("wagtailsnippets_literature_resourcesuggestion:list")
        return {
            "count": self.count,
            "new_url": f"{suggestions}?status={ResourceSuggestion.Status.NEW}",
            "all_url": suggestions,
        }


@hooks.register("construct_homepage_panels")
def add_new_suggestions_panel(request, panels):
    if request.user.has_perm("literature.view_resourcesuggestion") or request.user.has_perm(
        "literature.change_resourcesuggestion"
    ):
        panels.append(
            NewSuggestionsPanel(ResourceSuggestion.objects.filter(status=ResourceSuggestion.Status.NEW).count())
        )


@hooks.register("register_log_actions")
def register_suggestion_log_actions(actions):
    actions.register_action("literature.suggestion.accepted", _("Accept"), _("Accepted: a draft entry was made"))
    actions.register_action("literature.suggestion.rejected", _("Reject"), _("Rejected"))
    actions.register_action(
        "literature.suggestion.duplicate", _("Already in the pack"), _("Marked as already in the pack")
    )
    actions.register_action("literature.suggestion.emailed", _("Email"), _("The suggester was emailed the outcome"))
