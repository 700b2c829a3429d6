"""Settings > Two-step sign-in, for administrators (superusers): every account that can use the
admin, whether its authenticator app is set up, and a button that issues an enrolment link
(two_factor.py) for someone without one, or resets a lost phone's and issues one. The link is
shown once, to copy and send to that person."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import TwoFactorEnrolmentLink
from .two_factor import issue_enrolment_link


def staff_accounts():
    """Active accounts that can use the admin, with `has_authenticator` and `pending_link`."""
    access_admin = {"codename": "access_admin", "content_type__app_label": "wagtailadmin"}
    can_use_admin = (
        Q(is_superuser=True)
        | Q(**{f"groups__permissions__{k}": v for k, v in access_admin.items()})
        | Q(**{f"user_permissions__{k}": v for k, v in access_admin.items()})
    )
    pending = TwoFactorEnrolmentLink.objects.filter(
        user=OuterRef("pk"), used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(can_use_admin)
        .distinct()
        .annotate(has_authenticator=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
        .annotate(pending_link=Exists(pending))
        .order_by("username")
    )


class SuperusersOnly:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StaffTwoFactorView(SuperusersOnly, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Two-step sign-in")
    header_icon = "key"
    template_name = "core/admin/two_factor_staff.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        accounts = list(staff_accounts())
        expiries = dict(
            TwoFactorEnrolmentLink.objects.filter(
                user__in=[a.pk for a in accounts if a.pending_link],
                used_at__isnull=True,
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
            ).values_list("user_id", "expires_at")
        )
        for account in accounts:
            account.link_expires_at = expiries.get(account.pk)
        context["accounts"] = accounts
        return context


@never_cache
@require_POST
def issue_link(request, user_id):
    """Issue an enrolment link for an account without an authenticator (with reset=1, first
    remove the authenticator of one who lost their phone) and show it, once."""
    if not request.user.is_superuser:
        raise PermissionDenied
    account = staff_accounts().filter(pk=user_id).first()
    if account is None:
        # Deleted meanwhile, or a made-up address (a 404 under /admin/ is sent on to the public site).
        messages.error(request, _("That account does not exist or cannot use the admin."))
        return redirect("pbr_2fa_staff")
    resetting = request.POST.get("reset") == "1"
    if account.has_authenticator and not resetting:
        # The button was for someone else's state (the page was out of date): show it again.
        return redirect("pbr_2fa_staff")
    with transaction.atomic():
        if resetting:
            TOTPDevice.objects.filter(user=account).delete()
        link, url = issue_enrolment_link(account, issued_by=request.user)
    view = StaffTwoFactorView()
    view.setup(request)
    return view.render_to_response(
        {
            **view.get_context_data(),
            "issued": {"account": account, "url": url, "expires_at": link.expires_at, "reset": resetting},
        }
    )


def urlpatterns():
    return [
        path("two-step-sign-in/", never_cache(StaffTwoFactorView.as_view()), name="pbr_2fa_staff"),
        path("two-step-sign-in/<int:user_id>/link/", issue_link, name="pbr_2fa_issue_link"),
    ]
