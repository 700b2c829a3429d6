"""Site-wide views: robots.txt, the bilingual sitemap, the error pages, and the get involved
page's enquiry form (served through GetInvolvedPage's routes)."""

from django.db.models import Q
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page, Site

from .enquiries import notify_staff
from .ratelimit import count, limit_reached

ENQUIRIES_PER_HOUR = 5


class BilingualSitemap(Sitemap):
    """Every live, public page of the site in every language.

    Wagtail's own Sitemap walks only the site's root page, which is the English home;
    the Welsh home is its translation, a sibling in the page tree, so we walk each
    translation of the root.
    """

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        in_any_root = Q()
        for root in roots:
            in_any_root |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_any_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


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


def server_error(request):
    """The 500 page, in the visitor's language (LocaleMiddleware has already chosen it).

    It uses a template that touches neither the database nor the cache, since either
    may be why we are here.
    """
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request": request}))


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
            form.add_error(None, gettext(
                "You have sent a lot of messages in the last hour. Please try again later; "
                "what you typed is still below."
            ))
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
