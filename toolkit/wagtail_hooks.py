"""Admin: the success factors as snippets; the staff report on responses."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import PERMISSION, ReportCSVView, ReportView, can_view_report
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


# --- the staff report on responses (toolkit/admin_views.py) ---------------------------------
class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("", ReportView.as_view(), name="index"),
        path("<int:page_id>/", ReportView.as_view(), name="page"),
        path("<int:page_id>/csv/", ReportCSVView.as_view(), name="csv"),
    ]
    return [path("self-assessment-report/", include((urls, "toolkit_report"), namespace="toolkit_report"))]


@hooks.register("register_permissions")
def register_report_permission():
    """So that an administrator can grant the report to a group (Settings > Groups)."""
    app_label, codename = PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Self-assessment report"),
        reverse("toolkit_report:index"),
        name="self-assessment-report",
        icon_name="table",
        order=310,
    )
