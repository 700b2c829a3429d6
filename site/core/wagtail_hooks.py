from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import (
    translation_moderation,  # noqa: F401 (translations go through moderation: its hooks register on import)
    two_factor_admin,
)
from .models import Enquiry


@hooks.register("register_account_menu_item")
def move_two_factor_to_a_new_app(request):
    """On the admin's account page: set up a new authenticator app (pbr_site.core.two_factor)."""
    if not getattr(settings, "PBR_ADMIN_2FA_REQUIRED", True):
        return None
    return {
        "url": reverse("pbr_2fa_setup"),
        "label": _("Set up a new authenticator app"),
        "help_text": _("For a new phone: the old app stops working once a code from the new one is accepted."),
    }


@hooks.register("register_admin_urls")
def two_factor_admin_urls():
    return two_factor_admin.urlpatterns()


@hooks.register("register_settings_menu_item")
def two_factor_menu_item():
    """Settings > Two-step sign-in (administrators): enrolment links for new staff and lost phones."""
    return AdminOnlyMenuItem(
        _("Two-step sign-in"), reverse("pbr_2fa_staff"), icon_name="key", name="two-step-sign-in", order=610
    )


# --- enquiries from the get involved page --------------------------------------------------
class EnquiryViewSet(SnippetViewSet):
    """Messages from the public. Editors and Moderators (a data migration grants them view and
    change; Moderators may also delete) and superusers see them; nobody else."""

    model = Enquiry
    icon = "mail"
    menu_label = _("Enquiries")
    add_to_admin_menu = True
    menu_order = 250
    copy_view_enabled = False
    list_display = [
        TitleColumn("name", label=_("Name"), url_name="wagtailsnippets_core_enquiry:edit", sort_key="name"),
        Column("reason", label=_("Reason"), accessor="get_reason_display", sort_key="reason"),
        "organisation",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("language", label=_("Language"), accessor="get_language_display"),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]
    list_filter = ["status", "reason", "language"]
    search_fields = ["name", "email", "organisation", "message"]
    ordering = ["-created_at"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("reason", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("organisation", read_only=True),
                FieldPanel("message", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("created_at", read_only=True),
            ],
            heading=_("What they sent"),
        ),
        FieldPanel("status"),
        FieldPanel("staff_notes"),
    ]


register_snippet(EnquiryViewSet)


class NewEnquiriesPanel(Component):
    """On the admin's dashboard: how many enquiries are waiting for a reply."""

    name = "new_enquiries"
    order = 50  # above Wagtail's own panels: a person is waiting
    template_name = "core/admin/new_enquiries_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {
            "count": self.count,
            "new_url": reverse("wagtailsnippets_core_enquiry:list") + f"?status={Enquiry.Status.NEW}",
            "all_url": reverse("wagtailsnippets_core_enquiry:list"),
        }


@hooks.register("construct_homepage_panels")
def add_new_enquiries_panel(request, panels):
    if request.user.has_perm("core.view_enquiry") or request.user.has_perm("core.change_enquiry"):
        panels.append(NewEnquiriesPanel(Enquiry.objects.filter(status=Enquiry.Status.NEW).count()))
