"""Two-factor sign-in to the Wagtail admin with django-otp time-based one-time passwords.

wagtail-2fa does not start on Wagtail 8, so this is the small part of it we need (delete this
module and use wagtail-2fa again once a release supports Wagtail 8): after
Wagtail's own password sign-in (rate-limited by axes), AdminTwoFactorMiddleware sends anyone
under /admin/ whose session has not passed a one-time password to

- /admin/2fa/verify/ to type the 6-digit code from their authenticator app, or
- /admin/2fa/setup/ when they have none yet, which shows a new secret (QR code, otpauth://
  link and the key to type in) and turns it on once a code from it checks out.

A first authenticator needs more than the password: a single-use enrolment link, valid for 24
hours, that an administrator issues (Settings > Two-step sign-in in the admin, or
`manage.py two_factor_enrolment_link USERNAME`). Opening /admin/2fa/enrol/<token>/ keeps the
link in the session; the setup page then works for that account only, and the link is used up
when the new device is confirmed. Without one, the setup page says to ask an administrator.

A verified user can come back to /admin/2fa/setup/ to move to a new phone (no link: they have
passed their code); the old device is removed when the new one is confirmed. Someone who has
lost their phone asks an administrator to reset it (the same admin page, or
`manage.py reset_two_factor USERNAME`), which also issues a link. settings.PBR_ADMIN_2FA_REQUIRED
turns the code requirement off (local development and most tests).

Under production settings nobody may sign in while a demo account exists (demo_accounts.py):
the middleware answers the sign-in page with the reason instead.
"""

import base64
import io

from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import demo_accounts
from .addresses import public_url
from .models import TwoFactorEnrolmentLink

DEVICE_NAME = "Authenticator app"
# The enrolment link's token, kept in the session from opening the link until the device it
# sets up is confirmed (so the QR page and its form work after signing in).
ENROLMENT_SESSION_KEY = "pbr_2fa_enrolment_token"


def required_for(user):
    """Does this signed-in user have to verify a one-time password to use the admin?"""
    return (
        getattr(settings, "PBR_ADMIN_2FA_REQUIRED", True)
        and user.is_authenticated
        and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


class AdminTwoFactorMiddleware:
    """Runs after django_otp's OTPMiddleware, which sets request.user.is_verified()."""

    def __init__(self, get_response):
        self.get_response = get_response

    def exempt_paths(self):
        # Signing in and out, resetting a password, the 2FA pages themselves (all under
        # /admin/2fa/, the enrolment links included) and what they load: the admin's
        # translated-strings script and its icon sprite (redirected, the 2FA page itself was
        # drawn into the icon placeholder: the form twice, no icons).
        return tuple(
            reverse(name)
            for name in (
                "wagtailadmin_login",
                "wagtailadmin_logout",
                "wagtailadmin_password_reset",
                "wagtailadmin_javascript_catalog",
                "wagtailadmin_sprite",
            )
        ) + ("/admin/password_reset/", reverse("pbr_2fa_verify").removesuffix("verify/"))

    def __call__(self, request):
        if request.path.startswith("/admin/") and not demo_accounts.allowed_here():
            refused = self.refuse_while_demo_accounts_exist(request)
            if refused is not None:
                return refused
        if (
            request.path.startswith("/admin/")
            and not request.path.startswith(self.exempt_paths())
            and required_for(request.user)
            and not request.user.is_verified()
        ):
            target = "pbr_2fa_verify" if user_has_device(request.user) else "pbr_2fa_setup"
            return HttpResponseRedirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def refuse_while_demo_accounts_exist(self, request):
        """Production settings: the sign-in page says why nobody can sign in while a demo
        account exists (and signs nobody in); a demo account's own session is ended."""
        if demo_accounts.is_demo_account(request.user):
            logout(request)
            return HttpResponseRedirect(reverse("wagtailadmin_login"))
        if request.path == reverse("wagtailadmin_login"):
            names = list(demo_accounts.demo_accounts().values_list("username", flat=True))
            if names:
                return render(request, "core/admin/sign_in_refused.html", {"usernames": names}, status=503)
        return None


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        min_length=6,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*", "autofocus": True}
        ),
        error_messages={"required": _("Enter the 6-digit code from your authenticator app")},
    )

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"].replace(" ", "")
        if not (token.isascii() and token.isdigit()):  # not '٣' or '²'
            raise forms.ValidationError(_("The code is 6 digits, like 123456"))
        return token


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _admin_only(view):
    """Signed in (else Wagtail's sign-in page) and allowed into the admin."""

    @login_required(login_url="wagtailadmin_login")
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_superuser or request.user.has_perm("wagtailadmin.access_admin")):
            return HttpResponseRedirect(reverse("wagtailadmin_login"))
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return never_cache(sensitive_post_parameters("otp_token")(wrapper))


@_admin_only
def verify(request):
    """Second step of signing in: a code from the device set up earlier."""
    if not user_has_device(request.user):
        return HttpResponseRedirect(f"{reverse('pbr_2fa_setup')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # match_token checks every confirmed device and is throttled per device by django-otp
        # (each failure doubles the wait before the next try).
        device = match_token(request.user, form.cleaned_data["otp_token"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(_next_url(request))
        form.add_error(
            "otp_token", _("That code is not right. Check the time on your phone is correct and use the newest code.")
        )
    return render(request, "core/admin/two_factor_verify.html", {"form": form, "next": _next_url(request)})


def qr_code_svg(data):
    """An inline SVG QR code (rendered here, no network)."""
    import qrcode
    import qrcode.image.svg

    out = io.BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage).save(out)
    svg = out.getvalue().decode()
    # Safe: an SVG the qrcode library drew here from our own enrolment link (no visitor text).
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 (drop the XML declaration)


class EnrolmentLinkProblem(Exception):
    """Why the setup page cannot offer a first authenticator: one of PROBLEMS' keys."""


def _enrolment_link(request):
    """The valid, unused enrolment link kept in this session for the signed-in user, or
    EnrolmentLinkProblem saying why there is none."""
    token = request.session.get(ENROLMENT_SESSION_KEY)
    if not token:
        raise EnrolmentLinkProblem("no-link")
    link = TwoFactorEnrolmentLink.find(token)
    if link is None:
        raise EnrolmentLinkProblem("not-valid")
    if link.user_id != request.user.pk:
        raise EnrolmentLinkProblem("other-account")
    problem = link.problem()
    if problem:
        raise EnrolmentLinkProblem(problem)
    return link


def _enrolment_needed(request, problem):
    """The page that says an enrolment link is needed (and what is wrong with this one)."""
    if problem not in ("no-link", "other-account"):
        request.session.pop(ENROLMENT_SESSION_KEY, None)
    return render(
        request,
        "core/admin/two_factor_enrolment_needed.html",
        {
            "problem": problem,
            "signed_in": request.user.is_authenticated,
        },
        status=403,
    )


@never_cache
def enrol(request, token):
    """An administrator's enrolment link: kept in the session, then on to the setup page (by
    way of the sign-in page when not signed in yet). Nothing is used up until the new
    authenticator is confirmed."""
    link = TwoFactorEnrolmentLink.find(token)
    problem = "not-valid" if link is None else link.problem()
    if not problem and request.user.is_authenticated and request.user.pk != link.user_id:
        # Say so now, not after offering this account's own "move to a new phone" page.
        problem = "other-account"
    if problem:
        return _enrolment_needed(request, problem)
    request.session[ENROLMENT_SESSION_KEY] = token
    return HttpResponseRedirect(reverse("pbr_2fa_setup"))


@_admin_only
def setup(request):
    """Set up an authenticator app: the first one (with an enrolment link), or (verified) a
    move to a new phone."""
    user = request.user
    first = not user_has_device(user)
    link = None
    if first:
        try:
            link = _enrolment_link(request)
        except EnrolmentLinkProblem as problem:
            return _enrolment_needed(request, problem.args[0])
        # Only a device made under this link: one made before it (say, by someone holding
        # only the password before links were needed) has a secret this person never saw.
        TOTPDevice.objects.filter(user=user, confirmed=False).exclude(created_at__gte=link.created_at).delete()
    elif not user.is_verified():
        # A password alone must never be enough to add a device to an account that has one.
        return HttpResponseRedirect(f"{reverse('pbr_2fa_verify')}?{urlencode({'next': request.get_full_path()})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"]):
            with transaction.atomic():
                if link is not None and not link.claim():
                    # Used, revoked or expired since the page was shown.
                    transaction.set_rollback(True)
                    link.refresh_from_db()
                    return _enrolment_needed(request, link.problem() or "used")
                TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            request.session.pop(ENROLMENT_SESSION_KEY, None)
            otp_login(request, device)
            return HttpResponseRedirect(_next_url(request))
        form.add_error(
            "otp_token", _("That code is not right. Check the time on your phone is correct and use the newest code.")
        )
    config_url = device.config_url
    return render(
        request,
        "core/admin/two_factor_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "config_url": config_url,
            "secret": base64.b32encode(device.bin_key).decode(),
            "qr_code": qr_code_svg(config_url),
            "replacing": not first,
        },
    )


def issue_enrolment_link(user, issued_by=None):
    """(link, full address) of a new enrolment link for `user` (older ones revoked)."""
    link, token = TwoFactorEnrolmentLink.issue(user, issued_by=issued_by)
    return link, public_url(reverse("pbr_2fa_enrol", args=[token]))


def locked_out(request, original_response=None, credentials=None):
    """axes' AXES_LOCKOUT_CALLABLE: the admin's sign-in page style, saying what happened and
    for how long, with HTTP 429."""
    from axes.helpers import get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    return render(
        request,
        "core/admin/locked_out.html",
        {
            "failure_limit": get_failure_limit(request, credentials),
            "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
        },
        status=429,
    )


urlpatterns = [
    path("verify/", verify, name="pbr_2fa_verify"),
    path("setup/", setup, name="pbr_2fa_setup"),
    path("enrol/<str:token>/", enrol, name="pbr_2fa_enrol"),
]
