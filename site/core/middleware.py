"""Content-Security-Policy for the Wagtail admin.

The public site gets Django's strict SECURE_CSP (no inline script). Wagtail's admin
still relies on inline scripts and styles, so under /admin/ we hand Django's CSP
middleware the looser settings.ADMIN_CSP instead. Delete this when Wagtail's admin
runs under a nonce-based policy.
"""

from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            # Read by django.middleware.csp, which runs after us on the way out.
            response._csp_config = settings.ADMIN_CSP
        return response


class PermissionsPolicyMiddleware:
    """Adds a Permissions-Policy header from settings.PERMISSIONS_POLICY ({feature: [origins]},
    an empty list turning the feature off). Django has no setting for this header."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in getattr(settings, "PERMISSIONS_POLICY", {}).items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class SignInPausedMiddleware:
    """Turns a sign-in refused by sign_in_limits.UsernameFailureLimitBackend (too many failures
    for that username from every address together) into a page saying so, HTTP 429. Placed
    just before axes' middleware, so axes' own lockout page wins when both apply."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "pbr_sign_in_paused", False) and not getattr(request, "axes_locked_out", False):
            from django.shortcuts import render

            from .sign_in_limits import paused_minutes

            return render(request, "core/admin/sign_in_paused.html", {"minutes": paused_minutes()}, status=429)
        return response
