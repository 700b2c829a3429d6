"""The search page: /en/search/?q=… and /cy/search/?q=…, a plain GET form that works without
JavaScript. Results are never cached (they depend on the query and on what was published a
moment ago)."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from pbr_site.core.ratelimit import count, over_limit
from pbr_site.core.templatetags.core_tags import home_for_language
from pbr_site.core.text import ascii_int
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale
from wagtail.search.utils import normalise_query_string

from literature.models import LiteratureIndexPage, SectorTag, ThemeTag

from . import engine, index, phrases
from .models import log_search
from .text import clean_query, is_ordinary_query, suggest

MAX_FILTER_VALUES = 20
# Queries the report has never seen are added at most this often per client: a script
# cannot fill the editors' report (a person rarely makes two new searches in a minute, and
# one that is not recorded still finds its results).
NEW_QUERIES_REPORTED = (1, 60)  # (queries, seconds)


def _page_number(raw):
    """The page asked for: ASCII digits only ('²' or '٣' are page 1, never a server error)."""
    return max(ascii_int(raw, default=1), 1)


def _may_report_new_query(request):
    limit, window = NEW_QUERIES_REPORTED
    return count(request, "search-report", window) <= limit


def _chosen(values, allowed=None):
    chosen = []
    for value in values[:MAX_FILTER_VALUES]:
        value = clean_query(value)[:100]
        if value and (allowed is None or value in allowed) and value not in chosen:
            chosen.append(value)
    return chosen


def _promotions(query, locale, request):
    """Editors' picks for this query, each page in the visitor's language where translated."""
    picks = []
    promotions = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
    for promotion in promotions.select_related("page").order_by("sort_order"):
        if promotion.page_id:
            page = promotion.page
            localized = page.get_translation_or_none(locale) if page.locale_id != locale.pk else page
            page = localized if localized is not None and localized.live else (page if page.live else None)
            if page is None:
                continue
            picks.append({"title": page.title, "url": page.get_url(request), "description": promotion.description})
        elif promotion.external_link_url:
            picks.append(
                {
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "url": promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return picks


def _browse_links(locale, request):
    """Every sector's page, to browse when nothing matched."""
    review = LiteratureIndexPage.for_locale(locale.pk)
    if review is None:
        return []
    review_url = review.get_url(request)
    return [
        {"label": tag.label, "url": LiteratureIndexPage.tag_path(review_url, tag)}
        for tag in sorted(SectorTag.objects.all(), key=lambda tag: tag.label.casefold())
    ]


def _vocabulary(locale):
    """Names a misspelt query may have meant: glossary terms and their other names, tags."""
    names = [name for term_names in phrases.glossary_names(locale.language_code) for name in term_names]
    return names + [tag.label for tag in [*SectorTag.objects.all(), *ThemeTag.objects.all()]]


@never_cache
def search(request):
    limit, window = getattr(settings, "SEARCH_RATE_LIMIT", (120, 60))
    if limit and over_limit(request, "search", limit, window):
        response = render(request, "search/too_many_searches.html", status=429)
        response["Retry-After"] = str(window)
        return response

    # The home page the header needs anyway (one look-up per request) tells us the locale.
    home = home_for_language(request, get_language())
    locale = home.locale if home else Locale.objects.get_for_language(get_language())
    query = clean_query(request.GET.get("q", ""))
    kinds = _chosen(request.GET.getlist("type"), allowed=engine.KINDS)
    sectors = _chosen(request.GET.getlist("sector"))
    page_number = _page_number(request.GET.get("page"))
    outcome = engine.search(query, locale, kinds=kinds, sectors=sectors, page_number=page_number, request=request)

    promotions, suggestions, browse = [], [], []
    if outcome.words and outcome.page.number == 1:
        # Count each search once: not again for a change of filter or for page 2.
        # Only ordinary queries reach the editors' report (search.text.is_ordinary_query).
        raw_query = request.GET.get("q", "")
        if not (kinds or sectors or request.GET.get("page")) and is_ordinary_query(raw_query):
            log_search(query, found_anything=bool(outcome.total), may_add=lambda: _may_report_new_query(request))
        promotions = _promotions(query, locale, request)
    if outcome.words and not outcome.total:
        suggestions = suggest(outcome.words, _vocabulary(locale))
    if not outcome.total:
        browse = _browse_links(locale, request)

    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "search/search_results.html",
        {
            "query": query,
            "outcome": outcome,
            "promotions": promotions,
            "suggestions": suggestions,
            "browse_links": browse,
            "chosen_kinds": kinds,
            "chosen_sectors": sectors,
            "query_without_page": params.urlencode(),
            "outcome_limit": f"{index.MAX_MATCHES:,}",
        },
    )
