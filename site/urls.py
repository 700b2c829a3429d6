from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from pbr_site.core import two_factor
from pbr_site.core import views as core_views
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

urlpatterns = [
    # Two-factor sign-in pages, before Wagtail's admin so they are not shadowed by it.
    path("admin/2fa/", include(two_factor)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language: /en/… and /cy/…; "/" redirects to the
# visitor's language (their choice, else their browser's, else English).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "pbr_site.core.views.server_error"
