"""Small middleware of our own: public pages' cache headers, gzip that honours "gzip;q=0",
the admin's Content-Security-Policy, Permissions-Policy and the paused sign-in page."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.encoding import escape_uri_path
from django.views.decorators.csp import csp_override


class PublicPageCacheHeadersMiddleware:
    """Lets a shared cache (Varnish in front, site/varnish/) keep a public page briefly and
    serve it to every anonymous reader: `public, max-age=0, s-maxage=..., stale-while-revalidate=...`
    (settings.PBR_PAGE_S_MAXAGE, PBR_PAGE_STALE_WHILE_REVALIDATE). Browsers always ask again
    (max-age=0); publishing purges the shared cache (core/purging.py).

    Only on a GET or HEAD answered 200 with HTML by Wagtail's page view (pages and their
    routable sub-pages), for a visitor without a session, when the view said nothing about
    caching itself (forms, the self-assessment journey and searches send never_cache headers)
    and the response neither sets a cookie nor varies on Cookie, and only when it was asked for by
    the address a purge names (`asked_by_its_own_address`). Django's session and CSRF
    middleware add `Vary: Cookie` when the page read the session or used a CSRF token, and
    set their cookie when they change it: placed above both, this sees all of that.
    Everything else is left as the view made it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_public_page(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=getattr(settings, "PBR_PAGE_S_MAXAGE", 600),
                stale_while_revalidate=getattr(settings, "PBR_PAGE_STALE_WHILE_REVALIDATE", 30),
            )
        return response


def is_public_page(request, response):
    """May this response be kept by a shared cache and given to every anonymous reader?"""
    match = getattr(request, "resolver_match", None)
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",")}
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and match is not None
        and match.url_name == "wagtail_serve"
        and response.get("Content-Type", "").startswith("text/html")
        and not response.has_header("Cache-Control")
        and not response.cookies
        and "cookie" not in vary
        and settings.SESSION_COOKIE_NAME not in request.COOKIES  # signed in, or a journey under way
        and asked_by_its_own_address(request)
    )


PERCENT_ESCAPE = re.compile(r"%[0-9a-f]{2}", re.IGNORECASE)


def asked_by_its_own_address(request):
    """Was the page asked for by the address a purge names? Wagtail purges a page by its address
    as Django writes it (percent-encoded UTF-8), and the cache in front drops only the copy
    stored under that spelling (ignoring case). The same page asked for another way, such as
    /en/%61bout/ or with its Welsh letters as raw bytes, would be kept apart and never purged,
    so it is served but not marked for keeping. The address as sent comes from the WSGI server
    (gunicorn's RAW_URI; REQUEST_URI under uWSGI or mod_wsgi); without it there is nothing to
    compare, and no cache in front (make run)."""
    sent = request.META.get("RAW_URI") or request.META.get("REQUEST_URI")
    if not sent:
        return True
    path = urlsplit(sent).path if "://" in sent.partition("?")[0] else sent.partition("?")[0]
    return PERCENT_ESCAPE.sub(lambda escape: escape[0].upper(), path) == escape_uri_path(request.path)


# "gzip;q=0" (or q=0.0, 0.00, 0.000): the reader refuses gzip.
REFUSES_GZIP = re.compile(r"\bgzip\s*;\s*q\s*=\s*0(?:\.0{0,3})?\s*(?:,|$)", re.IGNORECASE)


class GZipUnlessRefusedMiddleware(GZipMiddleware):
    """Django's GZipMiddleware looks for the word "gzip" in Accept-Encoding, so it compresses
    for "gzip;q=0" too, which means "never gzip" (RFC 9110, 12.5.3). Delete this (and use
    django.middleware.gzip.GZipMiddleware) when Django honours q=0."""

    def process_response(self, request, response):
        if REFUSES_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            patch_vary_headers(response, ("Accept-Encoding",))  # as Django would for a reader without gzip
            return response
        return super().process_response(request, response)


class AdminContentSecurityPolicyMiddleware:
    """The public site gets Django's strict SECURE_CSP (no inline script). Wagtail's admin
    still relies on inline scripts and styles, so under /admin/ we hand Django's CSP
    middleware the looser settings.ADMIN_CSP instead. Delete this when Wagtail's admin
    runs under a strict policy."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix):
            # Django's own per-view override, applied to every admin response (read at each
            # request, as settings may change); django.middleware.csp reads it on the way out.
            return csp_override(settings.ADMIN_CSP)(self.get_response)(request)
        return self.get_response(request)


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
