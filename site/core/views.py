"""Site-wide views: robots.txt, the bilingual sitemap, the error pages, and the get involved
page's enquiry form (served through GetInvolvedPage's routes)."""

import errno
import logging
import sys

from django.conf import settings
from django.db.models import Q
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page, Site

from .enquiries import notify_staff
from .ratelimit import count, limit_reached

logger = logging.getLogger(__name__)

ENQUIRIES_PER_HOUR = 5


class BilingualSitemap(Sitemap):
    """Every live, public page of the site in every language.

    Wagtail's own Sitemap walks only the site's root page, which is the English home;
    the Welsh home is its translation, a sibling in the page tree, so we walk each
    translation of the root. Delete when Wagtail's Sitemap lists every locale's pages.
    """

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        in_any_root = Q()
        for root in roots:
            in_any_root |= Q(path__startswith=root.path)
        return Page.objects.filter(in_any_root).live().public().order_by("path").defer_streamfields().specific()


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": BilingualSitemap(request)})


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {root}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# Disk full, or over a quota: the upload (or whatever was being written) could not be kept.
NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT})
DATABASE_RETRY_AFTER_SECONDS = 60


def server_error(request):
    """Django's handler500: what a visitor gets for an exception no view handled, raised by a
    view or by any middleware before it (the session, the site look-up). Django calls it
    inside its `except` block, so the exception is sys.exception().

    - The database unreachable or refusing connections: 503 with Retry-After, "try again".
    - No space left for an upload: 507, "nothing was saved" (the storage removed what it had
      written: see storage.py).
    - Anything else: 500.

    Each page is in the visitor's language, from the address (/cy/...) or their browser, and
    uses a template that touches neither the database nor the cache, since either may be why
    we are here.
    """
    exception = sys.exception()
    if isinstance(exception, (OperationalError, InterfaceError)):
        status, template_name = 503, "503.html"
        logger.warning("Database unavailable: answered 503 (%s: %s)", type(exception).__name__, exception)
    elif isinstance(exception, OSError) and exception.errno in NO_SPACE:
        status, template_name = 507, "507.html"
        logger.warning("No space left for %s: answered 507", request.path)
    else:
        status, template_name = 500, "500.html"
    with translation.override(_language(request)):
        response = HttpResponse(loader.get_template(template_name).render({"request": request}), status=status)
    if status == 503:
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _language(request):
    """LocaleMiddleware's choice when it ran; else the address's, the cookie's or the browser's
    (none of which needs the database)."""
    if getattr(request, "LANGUAGE_CODE", None):
        return request.LANGUAGE_CODE
    try:
        return translation.get_language_from_request(request, check_path=True)
    except Exception:  # a request too broken to read: English
        return settings.LANGUAGE_CODE


def enquiry_form(page, request):
    """The get involved page with its form. A valid enquiry is saved, staff are told by
    e-mail, and the visitor is sent to the confirmation (Post/Redirect/Get). Anything
    refused comes back with an error summary and everything typed still in the form.

    Only what is accepted counts toward the hourly limit (and a bot's post, which is
    thanked), so a visitor's mistakes never use it up."""
    from .forms import EnquiryForm

    form = EnquiryForm(request.POST if request.method == "POST" else None)
    limited = False
    if request.method == "POST":
        limited = limit_reached(request, "enquiry", limit=ENQUIRIES_PER_HOUR)
        if limited:
            form.add_error(
                None,
                gettext(
                    "You have sent a lot of messages in the last hour. Please try again later; "
                    "what you typed is still below."
                ),
            )
        elif form.is_valid():
            if not form.is_bot():  # a bot is thanked too, and nothing is kept
                enquiry = form.save(commit=False)
                enquiry.language = page.locale.language_code
                enquiry.save()
                notify_staff(enquiry)
            count(request, "enquiry", window_seconds=3600)
            return HttpResponseRedirect(page.sent_url())
    response = page.render(request, context_overrides={"form": form, "limited": limited})
    if limited:
        response.status_code = 429
    # It holds a CSRF token and, after a refused post, what the visitor typed.
    add_never_cache_headers(response)
    return response


def enquiry_sent(page, request):
    """The confirmation, the same for everyone (it shows nothing the visitor sent)."""
    return page.render(request, template="core/get_involved_sent.html")
