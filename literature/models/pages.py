"""The literature review's landing page (with tag pages) and the resource pack page."""

from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from pbr_site.core.models import ContentPage
from pbr_site.core.routing import public
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .bibliography import BibliographyEntry, EntryAuthor
from .digests import DigestPage
from .tags import SectorTag, ThemeTag


class LiteratureIndexPage(RoutablePageMixin, ContentPage):
    """The literature review: introduction, scope and method, the digests grouped by theme
    (filterable by sector) and the full review to download.

    Tag pages live under it: /<lang>/literature-review/sector/<slug>/ and .../theme/<slug>/.
    """

    full_review = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("full review"), help_text=_("The complete literature review as a document to download."),
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = ["literature.DigestPage", "literature.GlossaryPage", "core.StandardPage"]
    content_panels = [*ContentPage.content_panels, FieldPanel("full_review")]

    class Meta:
        verbose_name = _("literature review")

    def digests(self):
        return (
            public(DigestPage.objects.child_of(self).live())
            .defer_streamfields()
            .prefetch_related("theme_tags", "sector_tags")
            .order_by("title")
        )

    @path("")
    def index(self, request):
        sectors = list(SectorTag.objects.filter(digest_items__content_object__in=self.digests()).distinct())
        chosen = request.GET.get("sector", "")
        chosen_sector = next((sector for sector in sectors if sector.slug == chosen), None)
        digests = list(self.digests())
        if chosen_sector is not None:
            digests = [d for d in digests if any(tag.pk == chosen_sector.pk for tag in d.sector_tags.all())]
        return self.render(
            request,
            context_overrides={
                "digests_by_theme": group_by_theme(digests),
                "digest_count": len(digests),
                "sectors": sectors,
                "chosen_sector": chosen_sector,
                "unknown_sector": bool(chosen) and chosen_sector is None,
            },
        )

    @path("sector/<slug:slug>/", name="sector")
    def sector_page(self, request, slug):
        return self.render_tag_page(request, SectorTag, slug, "sector_items__tag")

    @path("theme/<slug:slug>/", name="theme")
    def theme_page(self, request, slug):
        return self.render_tag_page(request, ThemeTag, slug, "theme_items__tag")

    def render_tag_page(self, request, tag_model, slug, lookup):
        tag = tag_model.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404
        digests = list(self.digests().filter(**{lookup: tag}))
        entries = list(
            BibliographyEntry.objects.filter(live=True, **{lookup: tag})
            .prefetch_related(Prefetch("authors", queryset=EntryAuthor.objects.order_by("sort_order")))
            .order_by("-year", "title")
        )
        return self.render(
            request,
            template="literature/tag_page.html",
            context_overrides={"tag": tag, "tag_kind": tag_model._meta.verbose_name, "digests": digests,
                               "entries": entries},
        )

    def get_sitemap_urls(self, request=None):
        """The review itself, then a page per sector and theme that has digests here."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        digests = DigestPage.objects.child_of(self).live().public()
        for model, lookup in ((SectorTag, "digest_items__content_object__in"), (ThemeTag, "digest_items__content_object__in")):
            for tag in model.objects.filter(**{lookup: digests}).distinct():
                urls.append({"location": self.tag_path(base, tag), "lastmod": urls[0].get("lastmod")})
        return urls

    def tag_url(self, tag):
        return self.tag_path(self.url, tag)

    @classmethod
    def tag_path(cls, review_url, tag):
        """A tag page's URL, given the literature review's URL (see render_tag_page)."""
        kind = "sector" if isinstance(tag, SectorTag) else "theme"
        return f"{review_url.rstrip('/')}/{kind}/{tag.slug}/"


def _query_without(params, *names):
    """The current query string minus some parameters, for pagination and export links."""
    kept = params.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


def group_by_theme(digests):
    """[(theme or None, [digests])], themes A–Z, a digest under each of its themes."""
    groups = {}
    for digest in digests:
        themes = list(digest.theme_tags.all()) or [None]
        for theme in themes:
            groups.setdefault(theme, []).append(digest)
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0].label if item[0] else ""))


SUGGESTIONS_PER_HOUR = 5
EXPORT_LIMIT = 10000  # the whole pack today; a ceiling so one request cannot ask for millions
FEED_LENGTH = 50


class ResourcePackPage(RoutablePageMixin, ContentPage):
    """The resource pack: every study and evaluation of payment by results.

    Each published entry has its own page under it: /<lang>/resource-pack/entry/<id>/.
    """

    parent_page_types = ["core.HomePage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("resource pack")

    def entry_url(self, entry):
        return self.url + self.reverse_subpage("entry", kwargs={"pk": entry.pk})

    def get_sitemap_urls(self, request=None):
        """The pack, then each published entry's page."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request).rstrip("/")
        for pk, changed in BibliographyEntry.objects.filter(live=True).values_list("pk", "last_published_at"):
            urls.append({"location": f"{base}/entry/{pk}/", "lastmod": changed})
        return urls

    @path("")
    def index(self, request):
        from .. import pack  # pack imports these models

        filters = pack.PackFilters.from_query(request.GET)
        facets = pack.facets(filters)
        page_of_results = pack.paginate(pack.results(filters), request.GET.get("page"), count=facets["total"])
        # Authors for this page of results only.
        entries = list(page_of_results.object_list)
        pack.add_details(entries)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "facets": facets,
                "results_page": page_of_results,
                "entries": entries,
                "sorts": [(key, label) for key, (label, _order) in pack.SORTS.items()],
                "query_without_page": _query_without(request.GET, "page"),
                "pack_url": self.get_url(request),
                "literature_review": LiteratureIndexPage.for_locale(self.locale_id),
            },
        )

    @path("export/<str:file_format>/", name="export")
    def export(self, request, file_format):
        """The current filtered list (the same query string as the listing) as a file."""
        from .. import pack
        from ..bibliography_io import entries_for_export, export_response

        filters = pack.PackFilters.from_query(request.GET)
        entries = entries_for_export(pack.results(filters)[:EXPORT_LIMIT])
        return export_response(entries, file_format, "resource-pack")

    @path("entry/<int:pk>/export/<str:file_format>/", name="entry_export")
    def entry_export(self, request, pk, file_format):
        from ..bibliography_io import entries_for_export, export_response

        entries = entries_for_export(BibliographyEntry.objects.filter(pk=pk, live=True))
        if not entries:
            raise Http404
        return export_response(entries, file_format, f"entry-{pk}")

    @path("feed/", name="feed")
    def feed(self, request):
        """An Atom feed of the newest entries, for anyone keeping up to date."""
        from django.http import HttpResponse
        from django.utils.feedgenerator import Atom1Feed
        from django.utils.translation import gettext

        base = self.get_full_url(request).rstrip("/")
        feed = Atom1Feed(
            title=gettext("New in the payment by results resource pack"),
            link=base + "/",
            description=self.intro,
            language=self.locale.language_code,
            feed_url=base + "/feed/",
        )
        newest = (
            BibliographyEntry.objects.filter(live=True)
            .prefetch_related(Prefetch("authors", queryset=EntryAuthor.objects.order_by("sort_order")))
            .order_by("-added_on", "-id")[:FEED_LENGTH]
        )
        for entry in newest:
            feed.add_item(
                title=entry.title,
                link=f"{base}/entry/{entry.pk}/",
                description=entry.localized_summary,
                unique_id=f"{base}/entry/{entry.pk}/",
                pubdate=entry.first_published_at,
                updateddate=entry.last_published_at,
                author_name=entry.author_list,
            )
        response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
        feed.write(response, "utf-8")
        response["Cache-Control"] = "public, max-age=900"
        return response

    @path("suggest/", name="suggest")
    def suggest(self, request):
        from django.contrib import messages
        from django.http import HttpResponseRedirect
        from django.utils.cache import add_never_cache_headers
        from django.utils.translation import gettext
        from pbr_site.core.ratelimit import over_limit

        from ..forms import SuggestionForm

        form = SuggestionForm(request.POST or None)
        limited = False
        if request.method == "POST":
            limited = over_limit(request, "suggest", limit=SUGGESTIONS_PER_HOUR, window_seconds=3600)
            if limited:
                form.add_error(None, gettext(
                    "You have sent a lot of suggestions in the last hour. Please try again later; "
                    "what you typed is still below."
                ))
            elif form.is_valid():
                if not form.is_bot():
                    suggestion = form.save(commit=False)
                    suggestion.language = self.locale.language_code
                    suggestion.save()
                messages.success(request, gettext("Thank you. Our staff will review your suggestion."))
                return HttpResponseRedirect(self.url + self.reverse_subpage("suggest"))
        response = self.render(
            request, template="literature/suggest.html", context_overrides={"form": form, "limited": limited}
        )
        if limited:
            response.status_code = 429
        add_never_cache_headers(response)
        return response

    @path("entry/<int:pk>/", name="entry")
    def entry_page(self, request, pk):
        entry = (
            BibliographyEntry.objects.filter(pk=pk, live=True)
            .prefetch_related(
                Prefetch("authors", queryset=EntryAuthor.objects.order_by("sort_order")),
                "sector_tags",
                "theme_tags",
            )
            .first()
        )
        if entry is None:
            raise Http404
        citing = (
            public(DigestPage.objects.live())
            .filter(locale_id=self.locale_id, references__entry=entry)
            .distinct()
            .defer_streamfields()
            .order_by("title")
        )
        review = LiteratureIndexPage.for_locale(self.locale_id)
        return self.render(
            request,
            template="literature/bibliography_entry.html",
            context_overrides={"entry": entry, "citing_digests": list(citing), "literature_review": review},
        )
