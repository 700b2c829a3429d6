"""The resource pack's filtered listing: filters, free-text search, sorting, counts per
filter value and pagination, all from the query string so every view has a shareable URL.

The number of SQL queries is fixed whatever the filters: one page of results, their
authors, and (unless the shared cache has them) one grouped count per facet and one for
each (small) tag table; the number of results is the sum of the type counts.
"""

import hashlib
import random
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.db.models.functions import Lower
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from pbr_site.core.text import ascii_int, without_control_characters

from .models import (
    BibliographyEntry,
    EntryAuthor,
    EntrySectorTag,
    EntryThemeTag,
    PublicationType,
    SectorTag,
    ThemeTag,
)

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
MIN_YEAR, MAX_YEAR = 1900, 2100
SORTS = {
    "added": (_("Newest added"), ["-added_on", "-id"]),
    "year": (_("Year (newest first)"), ["-year", "title"]),
    "title": (_("Title (A to Z)"), ["title", "id"]),
    "author": (_("Author (A to Z)"), ["first_author", "title"]),
}


@dataclass
class PackFilters:
    query: str = ""
    sectors: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    types: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "added"
    problems: list = field(default_factory=list)  # what we ignored, in words for the visitor

    @classmethod
    def from_query(cls, params):
        """Read the GET parameters, dropping (and reporting) anything that makes no sense."""
        filters = cls()
        filters.query = " ".join(_printable(params.get("q", "")).split())[:MAX_QUERY_LENGTH]
        filters.sectors = _slugs(params.getlist("sector"))
        filters.themes = _slugs(params.getlist("theme"))
        filters.types = [t for t in params.getlist("type") if t in PublicationType.values][:10]
        filters.countries = [_printable(c).strip()[:100] for c in params.getlist("country") if _printable(c).strip()][:10]
        for name in ("year_from", "year_to"):
            raw = params.get(name, "").strip()
            if not raw:
                continue
            year = ascii_int(raw)  # not isdigit(): it takes "²", which int() refuses
            if year is not None and MIN_YEAR <= year <= MAX_YEAR:
                setattr(filters, name, year)
            else:
                filters.problems.append(
                    _("“%(value)s” is not a year between %(min)s and %(max)s, so it was ignored.")
                    % {"value": raw[:20], "min": MIN_YEAR, "max": MAX_YEAR}
                )
        if filters.year_from and filters.year_to and filters.year_from > filters.year_to:
            filters.year_from, filters.year_to = filters.year_to, filters.year_from
        sort = params.get("sort", "added")
        filters.sort = sort if sort in SORTS else "added"
        return filters

    @property
    def is_filtered(self):
        return self.is_filtered_except(None)

    def is_filtered_except(self, skip):
        return bool(
            self.query or self.year_from or self.year_to
            or (self.sectors and skip != "sector") or (self.themes and skip != "theme")
            or (self.types and skip != "type") or (self.countries and skip != "country")
        )


def _printable(text):
    """Drop control characters: PostgreSQL refuses NUL bytes in text, and none belong in a search."""
    return without_control_characters(text)


def _slugs(values):
    values = [_printable(value).strip()[:100] for value in values]
    return [value for value in values if value][:20]


def _filtered(filters, *, skip=None):
    """Live entries matching every filter except `skip` (for that facet's own counts)."""
    entries = BibliographyEntry.objects.filter(live=True)
    for word in filters.query.split():
        entries = entries.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(summary_cy__icontains=word)
            | Q(publisher__icontains=word)
            | Q(journal__icontains=word)
            | Q(doi__icontains=word)
            | Q(pk__in=EntryAuthor.objects.filter(name__icontains=word).values("entry_id"))
        )
    # Tags through subqueries rather than joins: no duplicate rows, so no DISTINCT needed.
    if filters.sectors and skip != "sector":
        entries = entries.filter(
            pk__in=EntrySectorTag.objects.filter(tag__slug__in=filters.sectors).values("content_object_id")
        )
    if filters.themes and skip != "theme":
        entries = entries.filter(
            pk__in=EntryThemeTag.objects.filter(tag__slug__in=filters.themes).values("content_object_id")
        )
    if filters.types and skip != "type":
        entries = entries.filter(publication_type__in=filters.types)
    if filters.countries and skip != "country":
        entries = entries.filter(country__in=filters.countries)
    if filters.year_from:
        entries = entries.filter(year__gte=filters.year_from)
    if filters.year_to:
        entries = entries.filter(year__lte=filters.year_to)
    return entries


def results(filters):
    """All matching entries, sorted (not yet paginated). Only the fields the list shows."""
    entries = _filtered(filters).only(
        "id", "title", "year", "publication_type", "journal", "summary", "summary_cy", "added_on"
    )
    if filters.sort == "author":
        first_author = EntryAuthor.objects.filter(entry=OuterRef("pk")).order_by("sort_order").values("name")[:1]
        entries = entries.annotate(first_author=Subquery(first_author))
    return entries.order_by(*SORTS[filters.sort][1])


def add_details(entries):
    """Fetches the authors of these entries (one page of results) in one query: the list
    shows each entry's short citation. (Not their tags: the list does not show them, and
    prefetching through taggit's managers builds a query per entry even when it is not run.)"""
    prefetch_related_objects(entries, Prefetch("authors", queryset=EntryAuthor.objects.order_by("sort_order")))


def paginate(queryset, number, per_page=PER_PAGE, count=None):
    """That page of the list; the first for nonsense, the last for a number past the end.
    `count`: the list's length when it is known already (it saves counting it again)."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # Paginator.count is a cached_property: this is its value
    try:
        return paginator.page(max(number, 1) if isinstance(number, int) else number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    chosen: bool


def _tag_counts(through, filters, skip):
    """{tag id: number of matching entries} from the tag table itself: one grouped query."""
    if filters.is_filtered_except(skip):
        rows = through.objects.filter(content_object__in=_filtered(filters, skip=skip).values("pk"))
    else:  # the common, unfiltered case needs no subquery
        rows = through.objects.filter(content_object__live=True)
    return dict(rows.values_list("tag_id").annotate(n=Count("id")))


FACET_CACHE_SECONDS = 600


def facets(filters):
    """Counts per value of each filter, from the shared cache when nothing in the pack has
    changed since they were counted (see `pack_version`), else counted afresh."""
    digest = hashlib.sha256(repr((
        filters.query, sorted(filters.sectors), sorted(filters.themes), sorted(filters.types),
        sorted(filters.countries), filters.year_from, filters.year_to)).encode()).hexdigest()[:24]
    key = f"pack-facets:v2:{pack_version()}:{get_language()}:{digest}"
    found = cache.get(key)
    if found is None:
        found = _count_facets(filters)
        cache.set(key, found, FACET_CACHE_SECONDS)
    return found


PACK_VERSION_KEY = "pack-version"


def pack_version():
    """A number that changes whenever an entry or tag changes (signals in literature/apps.py),
    so cached counts are never stale."""
    version = cache.get(PACK_VERSION_KEY)
    if version is None:
        version = int(time.time() * 1000)
        cache.add(PACK_VERSION_KEY, version, None)
    return version


def bump_pack_version(**kwargs):
    cache.set(PACK_VERSION_KEY, int(time.time() * 1000) + random.randint(1, 999), None)


def _count_facets(filters):
    """One grouped query per filter plus one for each (small) tag table."""
    sector_counts = _tag_counts(EntrySectorTag, filters, "sector")
    theme_counts = _tag_counts(EntryThemeTag, filters, "theme")
    type_counts = dict(_filtered(filters, skip="type").values_list("publication_type").annotate(n=Count("pk")))
    country_counts = (
        _filtered(filters, skip="country").exclude(country="").values_list("country").annotate(n=Count("pk"))
        .order_by("country")
    )
    sectors = [tag for tag in SectorTag.objects.order_by(Lower("name")) if tag.pk in sector_counts]
    themes = [tag for tag in ThemeTag.objects.order_by(Lower("name")) if tag.pk in theme_counts]
    return {
        # Every entry has one publication type, so the type counts (all filters but the type)
        # add up to the number of results: the listing need not count them again.
        "total": sum(type_counts.get(t, 0) for t in filters.types) if filters.types else sum(type_counts.values()),
        "sector": [FacetValue(t.slug, t.label, sector_counts[t.pk], t.slug in filters.sectors) for t in sectors],
        "theme": [FacetValue(t.slug, t.label, theme_counts[t.pk], t.slug in filters.themes) for t in themes],
        "type": [
            FacetValue(value, str(label), type_counts.get(value, 0), value in filters.types)
            for value, label in PublicationType.choices
            if type_counts.get(value) or value in filters.types
        ],
        "country": [FacetValue(c, c, n, c in filters.countries) for c, n in country_counts],
    }
