"""Admin menus for the literature review's snippets: sectors, themes, entries, glossary."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BibliographyEntry, GlossaryTerm, SectorTag, ThemeTag


class SectorTagViewSet(SnippetViewSet):
    model = SectorTag
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["name", "welsh_name", "slug"]
    search_fields = ["name", "welsh_name"]


class ThemeTagViewSet(SnippetViewSet):
    model = ThemeTag
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "welsh_name", "slug"]
    search_fields = ["name", "welsh_name"]


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


class LiteratureViewSetGroup(SnippetViewSetGroup):
    items = (BibliographyEntryViewSet, GlossaryTermViewSet, SectorTagViewSet, ThemeTagViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Literature")
    menu_name = "literature"


register_snippet(LiteratureViewSetGroup)
