"""Admin menus for the literature review's snippets: sectors, themes, entries, glossary."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    BibliographyEntry,
    EntryAuthor,
    GlossaryTerm,
    PublicationType,
    ResourceSuggestion,
    SectorTag,
    ThemeTag,
)
from .panels import MakeEntryPanel


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


class BibliographyEntryViewSet(SnippetViewSet):
    model = BibliographyEntry
    icon = "doc-full"
    menu_label = _("Bibliography")
    list_display = ["title", "author_list", "year", "publication_type", "live"]
    list_filter = ["publication_type", "year", "live"]
    search_fields = ["title", "summary"]
    ordering = ["-year", "title"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    list_display = ["term", "short_definition", "locale"]
    search_fields = ["term", "short_definition"]


class ResourceSuggestionViewSet(SnippetViewSet):
    """Suggestions from the public: only staff ever see them."""

    model = ResourceSuggestion
    icon = "mail"
    menu_label = _("Suggestions")
    list_display = ["title", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "why"]
    ordering = ["-created_at"]
    panels = [
        MakeEntryPanel(heading=_("Add it to the resource pack")),
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("why"),
        FieldPanel("email"),
        FieldPanel("status"),
        FieldPanel("staff_notes"),
        FieldPanel("entry", read_only=True),
    ]


class LiteratureViewSetGroup(SnippetViewSetGroup):
    items = (BibliographyEntryViewSet, ResourceSuggestionViewSet, GlossaryTermViewSet, SectorTagViewSet,
             ThemeTagViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Literature")
    menu_name = "literature"


register_snippet(LiteratureViewSetGroup)


@require_POST
def make_entry_from_suggestion(request, pk):
    """Turn a suggestion into a draft entry (unpublished) and open it for a moderator to
    complete: authors, year, type, tags. Nothing is public until they publish it."""
    if not request.user.has_perm("literature.publish_bibliographyentry"):  # moderators
        raise PermissionDenied
    with transaction.atomic():
        suggestion = get_object_or_404(ResourceSuggestion.objects.select_for_update(), pk=pk)
        if suggestion.entry_id is None:
            entry = BibliographyEntry(
                title=suggestion.title,
                url=suggestion.url,
                year=datetime.date.today().year,
                publication_type=PublicationType.GREY,
                summary=suggestion.why,
                live=False,
            )
            entry.authors = [EntryAuthor(name="Unknown", is_organisation=True, sort_order=0)]
            entry.save()
            entry.save_revision(user=request.user)
            suggestion.entry = entry
            suggestion.status = ResourceSuggestion.Status.ACCEPTED
            suggestion.save(update_fields=["entry", "status"])
            messages.success(request, _("A draft entry was made from the suggestion. Complete it, then publish it."))
    return redirect(reverse("wagtailsnippets_literature_bibliographyentry:edit", args=(suggestion.entry_id,)))


@hooks.register("register_admin_urls")
def register_literature_admin_urls():
    from .admin_views import import_bibliography

    return [
        path(
            "resource-suggestions/<int:pk>/make-entry/",
            make_entry_from_suggestion,
            name="literature_make_entry_from_suggestion",
        ),
        path("import-bibliography/", import_bibliography, name="literature_import_bibliography"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("literature.add_bibliographyentry")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import bibliography"), reverse("literature_import_bibliography"), icon_name="upload",
                          order=310)
