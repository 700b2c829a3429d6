"""Admin: the success factors as snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SuccessFactor


class SuccessFactorViewSet(SnippetViewSet):
    model = SuccessFactor
    icon = "success"
    menu_label = _("Success factors")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "sort_order", "locale"]
    ordering = ["sort_order", "name"]


register_snippet(SuccessFactorViewSet)
