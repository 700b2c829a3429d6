"""The literature review's landing page (with tag pages) and the resource pack page."""

from urllib.parse import urlencode

from django.db import models
from django.db.models import Count, Prefetch, Window
from django.http import Http404
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from pbr_site.core.models import ContentPage, in_private_section
from pbr_site.core.templatetags.core_tags import linked_page
from pbr_site.core.text import ascii_int
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from .. import full_review, pack
from ..bibliography_io import WRITERS, export_records, export_response
from ..forms import SuggestionForm
from .bibliography import BibliographyEntry, EntryAuthor
from .digests import DigestPage
from .tags import SectorTag, ThemeTag

# The newest publications a sector's or theme's page lists; the resource pack has them all.
TAG_PAGE_ENTRIES = 20


class LiteratureIndexPage(RoutablePageMixin, ContentPage):
    """The literature review: introduction, scope and method, the full review to download and
    every digest once, A–Z, filterable by sector and theme (in a translation, then the digests
    still only in English).

    Tag pages live under it: /<lang>/literature-review/sector/<slug>/ and .../theme/<slug>/;
    the full review as a PDF at .../full-review-pdf/ (literature/full_review.py builds it).
    """

    full_review = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("full review"),
        help_text=_("The complete literature review as a document to download."),
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = ["literature.DigestPage", "literature.GlossaryPage", "core.StandardPage"]
    linked_from_other_pages = True  # from the pack and its entries (core_tags.linked_page)
    # The field stays as an optional override: without it, readers get the PDF built from the
    # published digests in the page's language (full_review.py). wagtail-localize copies the
    # English page's choice into translations; full_review_download() reads a translation's
    # copy of the English document as English.
    content_panels = [
        *ContentPage.content_panels,
        FieldPanel(
            "full_review",
            heading=_("Your own designed full review (optional)"),
            help_text=_(
                "Leave empty and the site offers a PDF of the full review, built from the digests "
                "published in this language and rebuilt whenever one is published or unpublished. "
                "Choose a document only to offer your own designed version instead."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("literature review")

    def get_cached_paths(self):
        """The review and every sector and theme page under it (purged with it when it is
        published). A path ending in "*" is one purge of everything under it: site/varnish/pbr.vcl."""
        return ["/", "sector/*", "theme/*"]

    def digests(self):
        return (
            DigestPage.objects.child_of(self)
            .live()
            .exclude(in_private_section())
            .defer_streamfields()
            .prefetch_related("theme_tags", "sector_tags")
            .order_by("title")
        )

    @path("")
    def index(self, request):
        """Every published digest once, A–Z, with its summary, strength of evidence and themes,
        filtered by sector and theme (a plain GET form); in a translation, the English digests
        not yet translated. The filter offers every sector and theme of every digest listed,
        in this language or only in English, and filters both lists."""
        english = self.english_review()
        digests, english_only = self.listed_digests(english)
        listed = digests + english_only
        sectors = _tags_of(listed, "sector_tags")
        themes = _tags_of(listed, "theme_tags")
        chosen = {"sector": request.GET.get("sector", ""), "theme": request.GET.get("theme", "")}
        chosen_sector = next((tag for tag in sectors if tag.slug == chosen["sector"]), None)
        chosen_theme = next((tag for tag in themes if tag.slug == chosen["theme"]), None)

        def matches(digest):
            return _tagged(digest, "sector_tags", chosen_sector) and _tagged(digest, "theme_tags", chosen_theme)

        shown = [digest for digest in digests if matches(digest)]
        english_only_shown = [digest for digest in english_only if matches(digest)]
        own_download = self.full_review_download(request, english, has_digests=bool(digests))
        english_download = None
        if english is not None and (english_only_shown or own_download is None):
            english_download = english.full_review_download(request, english)
        return self.render(
            request,
            context_overrides={
                "digests": shown,
                "digest_count": len(shown),
                "english_only": english_only_shown,
                "sectors": sectors,
                "themes": themes,
                "chosen_sector": chosen_sector,
                "chosen_theme": chosen_theme,
                "unknown_sector": bool(chosen["sector"]) and chosen_sector is None,
                "unknown_theme": bool(chosen["theme"]) and chosen_theme is None,
                "full_review": own_download,
                "english_full_review": english_download,
                "english_review": english,
                "has_own_digests": bool(digests),
                "literature_review": self,  # for {% tag_url %}
            },
        )

    @property
    def language_code(self):
        """This page's language (its locale is read once per page object)."""
        return self.locale.language_code

    def english_review(self):
        """The live English literature review when this page is a translation of it, else None."""
        from django.conf import settings

        if self.language_code == settings.LANGUAGE_CODE:
            return None
        return (
            LiteratureIndexPage.objects.live()
            .filter(translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE)
            .first()
        )

    def resource_pack(self, request=None, shown=None):
        """The live resource pack in this page's language, or None (the full review's references
        link to its entries: full_review.py). With the request and the page it shows (this one
        or a digest below it): read with the site chrome, no query of its own."""
        return linked_page(request, shown or self, ResourcePackPage)

    def listed_digests(self, english=None):
        """(this page's live digests, the live English digests with no live translation here),
        each A–Z with its tags: one query for the pages of both, one per kind of tag. The
        English ones only in a translation (`english` is english_review())."""
        own = DigestPage.objects.child_of(self).live().exclude(in_private_section())
        pages = own
        if english is not None:
            untranslated = (
                DigestPage.objects.child_of(english)
                .live()
                .exclude(in_private_section())
                .exclude(translation_key__in=own.values("translation_key"))
            )
            pages = own | untranslated
        pages = list(pages.defer_streamfields().prefetch_related("theme_tags", "sector_tags").order_by("title"))
        ours = [page for page in pages if page.path.startswith(self.path)]
        return ours, [page for page in pages if not page.path.startswith(self.path)]

    # --- the full review to download ---------------------------------------------------
    def own_full_review(self, english=None):
        """The document staff chose as this language's full review, or None. In a translation
        the English page's document (wagtail-localize copies the choice) is English, not ours."""
        from wagtail.documents import get_document_model

        if not self.full_review_id:
            return None
        if english is not None and english.pk != self.pk and english.full_review_id == self.full_review_id:
            return None
        return get_document_model().objects.filter(pk=self.full_review_id).first()

    def full_review_download(self, request, english=None, has_digests=True):
        """What this page offers as the full review in its own language: a dict (url, format,
        size, built_at, language), {"preparing": True} while the first PDF is being built,
        or None (no digests in this language)."""
        language = self.language_code
        document = self.own_full_review(english)
        if document is not None:
            is_pdf = document.file_extension.lower() == "pdf"
            return {
                "url": self.full_review_url(request) if is_pdf else document.url,
                "format": document.file_extension.upper(),
                "size": document.get_file_size(),
                "built_at": None,
                "language": language,
            }
        built = full_review.stored(language)
        if built is not None:
            return {
                "url": self.full_review_url(request),
                "format": "PDF",
                "size": built["size"],
                "built_at": parse_datetime(built["built_at"]),
                "language": language,
            }
        if not has_digests:
            return None
        # Reading a page asks for nothing (no writes on GET); the PDF's own address asks for
        # a build when someone follows the link (full_review_pdf).
        return {"preparing": True, "url": self.full_review_url(request), "language": language}

    def full_review_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("full_review_pdf")

    @path("full-review-pdf/", name="full_review_pdf")
    def full_review_pdf(self, request):
        """The full review in this page's language as a PDF, at an address that stays the same
        (Wagtail's page URLs cannot end in ".pdf"): staff's own designed PDF if they chose one,
        else the one built from the published digests. Until the first is built: a page that
        says it is being prepared (and asks for a build, once in five minutes)."""
        from django.http import FileResponse, HttpResponseRedirect
        from django.utils.cache import get_conditional_response
        from django.utils.http import http_date

        english = self.english_review()
        document = self.own_full_review(english)
        if document is not None and document.file_extension.lower() == "pdf":
            return HttpResponseRedirect(document.url)
        language = self.language_code
        built = full_review.stored(language)
        if built is None:
            if not self.digests().exists():
                raise Http404
            full_review.request_build(self)
            built = full_review.stored_now(language)  # built already if the tasks backend runs them at once
        if built is None:
            response = self.render(request, template="literature/full_review_preparing.html")
            response.status_code = 503
            response["Retry-After"] = "120"
            response["Cache-Control"] = "no-store"
            return response
        modified = int(parse_datetime(built["built_at"]).timestamp())  # HTTP dates have whole seconds
        etag = f'"{built["fingerprint"]}"'
        unchanged = get_conditional_response(request, etag=etag, last_modified=modified)
        if unchanged is not None:
            return unchanged
        response = FileResponse(
            full_review.open_pdf(built),
            content_type="application/pdf",
            as_attachment=True,
            filename=f"pbr-literature-review-{language}.pdf",
        )
        response["Last-Modified"] = http_date(modified)
        response["ETag"] = etag
        response["Content-Language"] = language
        response["Cache-Control"] = "public, max-age=300"
        return response

    @path("sector/<slug:slug>/", name="sector")
    def sector_page(self, request, slug):
        return self.render_tag_page(request, SectorTag, slug, "sector_items__tag")

    @path("theme/<slug:slug>/", name="theme")
    def theme_page(self, request, slug):
        return self.render_tag_page(request, ThemeTag, slug, "theme_items__tag")

    def render_tag_page(self, request, tag_model, slug, lookup):
        """A sector's or theme's page: its digests, and the newest publications with the tag
        (TAG_PAGE_ENTRIES of them, each linked to its page in the resource pack) with a link
        to the pack filtered by the tag for the rest: at 10,000 entries a tag can carry
        thousands, which the pack pages, filters and searches."""
        tag = tag_model.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404
        digests = list(self.digests().filter(**{lookup: tag}))
        entries = list(
            BibliographyEntry.objects.filter(live=True, **{lookup: tag})
            # How many carry the tag, counted before the cut, in the same query.
            .annotate(tagged_count=Window(Count("pk")))
            .prefetch_related(Prefetch("authors", queryset=EntryAuthor.objects.order_by("sort_order")))
            .order_by("-year", "title", "pk")[:TAG_PAGE_ENTRIES]
        )
        entry_count = entries[0].tagged_count if entries else 0
        pack = linked_page(request, self, ResourcePackPage)
        if pack is not None:
            for entry in entries:
                entry.url_in_pack = pack.entry_url(entry)
        filter_name = "sector" if tag_model is SectorTag else "theme"
        return self.render(
            request,
            template="literature/tag_page.html",
            context_overrides={
                "tag": tag,
                "tag_kind": tag_model._meta.verbose_name,
                "digests": digests,
                "entries": entries,
                "entry_count": entry_count,
                "pack_url": f"{pack.url}?{urlencode({filter_name: tag.slug})}" if pack is not None else "",
            },
        )

    def get_sitemap_urls(self, request=None):
        """The review itself, then a page per sector and theme that has digests here."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        digests = DigestPage.objects.child_of(self).live().exclude(in_private_section())
        for model, lookup in (
            (SectorTag, "digest_items__content_object__in"),
            (ThemeTag, "digest_items__content_object__in"),
        ):
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

    # Feeds every page names in its <head> for feed readers: (route, title) (core_tags.feed_links).
    feeds = (("digest_feed", _("New digests in the payment by results literature review")),)
    # The language switcher keeps the reader's place on these (core_tags.place_on_page): the
    # sectors and themes, and so their pages and filters, are the same in every language.
    routes_in_every_language = ("index", "sector", "theme")

    @path("feed/", name="digest_feed")
    def digest_feed(self, request):
        """An Atom feed of the newest digests in this page's language, its links at the origin
        the reader asked for (atom_response)."""
        from django.utils.translation import gettext

        base = request.build_absolute_uri(self.get_url(request))
        newest = (
            DigestPage.objects.child_of(self)
            .live()
            .exclude(in_private_section())
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )
        items = [
            {
                "title": digest.title,
                "link": request.build_absolute_uri(digest.get_url(request)),
                "description": digest.summary,
                "pubdate": digest.first_published_at,
                "updateddate": digest.last_published_at,
            }
            for digest in newest
        ]
        return atom_response(
            self,
            base,
            gettext("New digests in the payment by results literature review"),
            "digest_feed",
            items,
            author_name="Clinks",
        )


def _query_without(params, *names):
    """The current query string minus some parameters, for pagination and export links."""
    kept = params.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


def _tags_of(digests, relation):
    """The tags the digests carry (prefetched: no query), A–Z in the reader's language."""
    tags = {tag.pk: tag for digest in digests for tag in getattr(digest, relation).all()}
    return sorted(tags.values(), key=lambda tag: tag.label.lower())


def _tagged(digest, relation, tag):
    return tag is None or any(own.pk == tag.pk for own in getattr(digest, relation).all())


SUGGESTIONS_PER_HOUR = 5
EXPORT_LIMIT = 10000  # the whole pack today; a ceiling so one request cannot ask for millions
# Exports per client per window (number, seconds) unless settings.EXPORT_RATE_LIMIT says otherwise.
DEFAULT_EXPORT_RATE_LIMIT = (30, 300)
FEED_LENGTH = 50


class ResourcePackPage(RoutablePageMixin, ContentPage):
    """The resource pack: every study and evaluation of payment by results.

    Each published entry has its own page under it: /<lang>/resource-pack/entry/<id>/.
    """

    parent_page_types = ["core.HomePage"]
    subpage_types = ["core.StandardPage"]
    linked_from_other_pages = True  # from digests' references and results (core_tags.linked_page)
    # Feeds every page names in its <head> for feed readers: (route, title) (core_tags.feed_links).
    feeds = (("feed", _("New in the payment by results resource pack")),)
    # The language switcher keeps the reader's place on these (core_tags.place_on_page): an
    # entry and the filters are the same in every language.
    routes_in_every_language = ("index", "entry")

    class Meta:
        verbose_name = _("resource pack")

    def get_cached_paths(self):
        """What the HTTP cache in front may hold under this page: the pack and each entry page
        (Wagtail's frontend cache purges them all when the pack is published)."""
        # "entry/*": one purge for every entry page, however many (site/varnish/pbr.vcl).
        return ["/", "entry/*"]

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
        filters = pack.PackFilters.from_query(request.GET)
        facets = pack.facets(filters)
        page_of_results = pack.paginate(
            pack.results(filters), ascii_int(request.GET.get("page"), 1), count=facets["total"]
        )
        # Authors for this page of results only.
        entries = list(page_of_results.object_list)
        pack.add_details(entries)
        response = self.render(
            request,
            context_overrides={
                "filters": filters,
                "facets": facets,
                "results_page": page_of_results,
                "entries": entries,
                "sorts": [(key, label) for key, (label, _order) in pack.SORTS.items()],
                "query_without_page": _query_without(request.GET, "page"),
                "pack_url": self.get_url(request),
                "literature_review": linked_page(request, self, LiteratureIndexPage),
            },
        )
        if filters.query:
            # A search, like the site search: not stored by shared caches (any phrase makes a
            # new page). The filtered lists are a few links each, and stay cacheable.
            from django.utils.cache import add_never_cache_headers

            add_never_cache_headers(response)
        return response

    @path("export/<str:file_format>/", name="export")
    def export(self, request, file_format):
        """The current filtered list (the same query string as the listing) as a file, streamed
        (bibliography_io.export_response: a fixed number of queries however long the list)."""
        refused = self.refuse_too_many_exports(request)
        if refused:
            return refused
        filters = pack.PackFilters.from_query(request.GET)
        return export_response(export_records(pack.results(filters)[:EXPORT_LIMIT]), file_format, "resource-pack")

    @path("entry/<int:pk>/export/<str:file_format>/", name="entry_export")
    def entry_export(self, request, pk, file_format):
        refused = self.refuse_too_many_exports(request)
        if refused:
            return refused
        if file_format not in WRITERS:
            raise Http404
        # Read at once (four small queries), so an entry that is not there is a 404, not an empty file.
        records = list(export_records(BibliographyEntry.objects.filter(pk=pk, live=True)))
        if not records:
            raise Http404
        return export_response(records, file_format, f"entry-{pk}")

    def refuse_too_many_exports(self, request):
        """A 429 page in the visitor's language when this client has asked for more exports
        than settings.EXPORT_RATE_LIMIT (number, seconds) allows, else None. Every export
        counts, one entry or the whole pack: each costs a worker's time, and none needs more
        than a few a minute."""
        from django.conf import settings
        from django.utils.cache import add_never_cache_headers
        from pbr_site.core.ratelimit import over_limit

        limit, window = getattr(settings, "EXPORT_RATE_LIMIT", DEFAULT_EXPORT_RATE_LIMIT)
        if not limit or not over_limit(request, "export", limit, window):
            return None
        response = self.render(request, template="literature/too_many_exports.html")
        response.status_code = 429
        response["Retry-After"] = str(window)
        add_never_cache_headers(response)
        return response

    @path("feed/", name="feed")
    def feed(self, request):
        """An Atom feed of the newest entries, for anyone keeping up to date, in this page's
        language, its links at the origin the reader asked for (see atom_response)."""
        from django.utils.translation import gettext

        base = request.build_absolute_uri(self.get_url(request))
        newest = (
            BibliographyEntry.objects.filter(live=True)
            .prefetch_related(Prefetch("authors", queryset=EntryAuthor.objects.order_by("sort_order")))
            .order_by("-added_on", "-id")[:FEED_LENGTH]
        )
        items = [
            {
                "title": entry.title,
                "link": base + self.reverse_subpage("entry", kwargs={"pk": entry.pk}),
                "description": entry.localized_summary,
                "pubdate": entry.first_published_at,
                "updateddate": entry.last_published_at,
                "author_name": entry.author_list,
            }
            for entry in newest
        ]
        return atom_response(self, base, gettext("New in the payment by results resource pack"), "feed", items)

    @path("suggest/", name="suggest")
    def suggest(self, request):
        from django.contrib import messages
        from django.http import HttpResponseRedirect
        from django.utils.cache import add_never_cache_headers
        from django.utils.translation import gettext
        from pbr_site.core.ratelimit import count, limit_reached

        form = SuggestionForm(request.POST or None)
        limited = False
        if request.method == "POST":
            # Only what is accepted counts (a bot's post too), so mistakes never use up the limit.
            limited = limit_reached(request, "suggest", limit=SUGGESTIONS_PER_HOUR)
            if limited:
                form.add_error(
                    None,
                    gettext(
                        "You have sent a lot of suggestions in the last hour. Please try again later; "
                        "what you typed is still below."
                    ),
                )
            elif form.is_valid():
                if not form.is_bot():
                    suggestion = form.save(commit=False)
                    suggestion.language = self.locale.language_code
                    suggestion.save()
                count(request, "suggest", window_seconds=3600)
                messages.success(request, gettext("Thank you. Our staff will review your suggestion."))
                return HttpResponseRedirect(self.url + self.reverse_subpage("suggest"))
        response = self.render(
            request, template="literature/suggest.html", context_overrides={"form": form, "limited": limited}
        )
        if limited:
            response.status_code = 429
        add_never_cache_headers(response)
        return response

    # An entry has one address: its number without leading zeros (a publish purges that one;
    # /entry/007/ would be a copy the HTTP cache kept apart).
    @re_path(r"^entry/(?P<pk>[1-9][0-9]{0,17})/$", name="entry")
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
            DigestPage.objects.live()
            .exclude(in_private_section())
            .filter(locale_id=self.locale_id, references__entry=entry)
            .distinct()
            .defer_streamfields()
            .order_by("title")
        )
        review = linked_page(request, self, LiteratureIndexPage)
        return self.render(
            request,
            template="literature/bibliography_entry.html",
            context_overrides={"entry": entry, "citing_digests": list(citing), "literature_review": review},
        )


def atom_response(page, base, title, route, items, **feed_details):
    """An Atom feed of `items` (add_item's keyword arguments, each with its absolute link,
    which is also its id) as a response. `base` is the page's absolute URL at the origin of
    the request (request.build_absolute_uri: the Host Django accepted through ALLOWED_HOSTS,
    and the scheme the proxy reports through SECURE_PROXY_SSL_HEADER), not the Wagtail Site
    record's hostname. Shared caches key on the host too; our page cache keeps only HTML
    (caching.is_cacheable)."""
    from django.http import HttpResponse
    from django.utils.feedgenerator import Atom1Feed

    feed = Atom1Feed(
        title=title,
        link=base,
        description=page.intro,
        subtitle=page.intro,
        language=page.locale.language_code,
        feed_url=base + page.reverse_subpage(route),
        **feed_details,
    )
    for item in items:
        feed.add_item(unique_id=item["link"], **item)
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    response["Cache-Control"] = "public, max-age=900"
    return response
