"""Site-wide views: robots.txt, the bilingual sitemap and the error pages."""

from django.db.models import Q
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page, Site


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
