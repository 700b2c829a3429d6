from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


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
