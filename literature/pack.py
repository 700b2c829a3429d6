"""The resource pack's filtered listing: filters, free-text search, sorting, counts per
filter value and pagination, all from the query string so every view has a shareable URL.
The search box finds what site search finds for the same words (search.phrases: stems,
glossary synonyms, compounds), from the same index.

The number of SQL queries is fixed whatever the filters: one page of results, their
authors, and (unless the shared cache has them) one grouped count per facet, a tag facet's
read with its (small) tag table; the number of results is the sum of the type counts.
"""

import hashlib
import random
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.db.models.functions import Lower
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from pbr_site.core.text import ascii_int

from search.phrases import matching, names, search_phrases
from search.text import clean_query, query_words

from .models.bibliography import BibliographyEntry, EntryAuthor, EntrySectorTag, EntryThemeTag, PublicationType
from .models.tags import SectorTag, ThemeTag

PER_PAGE = 20
# With a search backend other than the database's (search.phrases.matching): the most
# entries a search may find. The whole pack today.
MAX_SEARCH_MATCHES = 10000
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
    _phrases: list | None = field(default=None, repr=False, compare=False)
    _words_filter: Q | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_query(cls, params):
        """Read the GET parameters, dropping (and reporting) anything that makes no sense."""
        filters = cls()
        # Cleaned as site search cleans its query and filters (search.text.clean_query), so
        # the same words find the same entries and the box shows back what was searched for.
        filters.query = clean_query(params.get("q", ""))
        filters.sectors = _chosen(params.getlist("sector"), 20)
        filters.themes = _chosen(params.getlist("theme"), 20)
        filters.types = [t for t in params.getlist("type") if t in PublicationType.values][:10]
        filters.countries = _chosen(params.getlist("country"), 10)
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
    def phrases(self):
        """What the search box looks for, as site search does (search.phrases.search_phrases):
        the query's words, the other names of a glossary term it names, other spellings of
        its compounds. Each phrase is a list of words to be found whole."""
        if self._phrases is None:
            words = query_words(self.query)
            # The glossary's names are read whether or not the reader searched: every view of
            # the pack costs the same number of queries.
            known = names()
            self._phrases = search_phrases(words, get_language(), known)[0] if words else []
        return self._phrases

    def words_filter(self):
        """A Q keeping the entries the search box finds: those site search finds for the same
        words (a sub-query of its index), or whose DOI is the query."""
        if self._words_filter is None:
            found = (
                matching(BibliographyEntry, self.phrases, get_language(), limit=MAX_SEARCH_MATCHES)
                if self.phrases
                else Q(pk__in=[])
            )
            doi = self.query.removeprefix("https://doi.org/")
            self._words_filter = found | Q(doi__iexact=doi) if "/" in doi else found
        return self._words_filter

    @property
    def has_filters(self):
        """Any filter chosen besides the search words."""
        return bool(self.sectors or self.themes or self.types or self.countries or self.year_from or self.year_to)

    @property
    def is_filtered(self):
        return self.is_filtered_except(None)

    def is_filtered_except(self, skip):
        return bool(
            self.query
            or self.year_from
            or self.year_to
            or (self.sectors and skip != "sector")
            or (self.themes and skip != "theme")
            or (self.types and skip != "type")
            or (self.countries and skip != "country")
        )


def _chosen(values, most):
    """At most `most` filter values (tag slugs, countries), each cleaned and at most 100
    characters; empty ones dropped."""
    values = [clean_query(value)[:100] for value in values]
    return [value for value in values if value][:most]


def _filtered(filters, *, skip=None):
    """Live entries matching every filter except `skip` (for that facet's own counts)."""
    entries = BibliographyEntry.objects.filter(live=True)
    if filters.query:
        entries = entries.filter(filters.words_filter())
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


def _tags_with_counts(tag_model, filters, skip):
    """Every tag, A–Z, each with `n`: the number of matching entries tagged with it (every
    filter but its own). One grouped query: the tag table and its counts together."""
    if filters.is_filtered_except(skip):
        matching = Q(entry_items__content_object__in=_filtered(filters, skip=skip).values("pk"))
    else:  # the common, unfiltered case needs no subquery
        matching = Q(entry_items__content_object__live=True)
    return tag_model.objects.annotate(n=Count("entry_items", filter=matching)).order_by(Lower("name"))


FACET_CACHE_SECONDS = 600


def facets(filters):
    """Counts per value of each filter, from the shared cache when nothing in the pack has
    changed since they were counted (see `pack_version`), else counted afresh."""
    # The phrases looked for, not the query: they change with the glossary (synonyms).
    digest = hashlib.sha256(
        repr(
            (
                filters.query,
                filters.phrases,
                sorted(filters.sectors),
                sorted(filters.themes),
                sorted(filters.types),
                sorted(filters.countries),
                filters.year_from,
                filters.year_to,
            )
        ).encode()
    ).hexdigest()[:24]
    key = f"pack-facets:v3:{pack_version()}:{get_language()}:{digest}"
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
    _new_pack_version()
    # Again once the change commits: a reader between the save and the commit still saw the
    # old rows, and kept its counts under the version set above.
    transaction.on_commit(_new_pack_version, robust=True)


def _new_pack_version():
    # Not a secret: the random part only keeps two bumps in one millisecond apart.
    cache.set(PACK_VERSION_KEY, int(time.time() * 1000) + random.randint(1, 999), None)  # noqa: S311


def _count_facets(filters):
    """One grouped query per filter, a tag filter's read with the tag table itself.

    Each filter lists the values some result has, and those chosen. When nothing matches,
    it lists every value (most counted 0), so the reader still has every filter to widen
    the search from, and the same query count."""
    type_counts = dict(_filtered(filters, skip="type").values_list("publication_type").annotate(n=Count("pk")))
    # Every entry has one publication type, so the type counts (all filters but the type)
    # add up to the number of results: the listing need not count them again.
    total = sum(type_counts.get(t, 0) for t in filters.types) if filters.types else sum(type_counts.values())
    if total:
        country_counts = _filtered(filters, skip="country").values_list("country").annotate(n=Count("pk"))
    else:  # every country, each with its count (the same query count as above)
        in_filter = Q(pk__in=_filtered(filters, skip="country").values("pk"))
        country_counts = (
            BibliographyEntry.objects.filter(live=True).values_list("country").annotate(n=Count("pk", filter=in_filter))
        )
    country_counts = list(country_counts.exclude(country="").order_by("country"))
    counted_countries = {country for country, _n in country_counts}

    def shown(count, chosen):
        return count or chosen or not total

    sectors = [
        tag for tag in _tags_with_counts(SectorTag, filters, "sector") if shown(tag.n, tag.slug in filters.sectors)
    ]
    themes = [tag for tag in _tags_with_counts(ThemeTag, filters, "theme") if shown(tag.n, tag.slug in filters.themes)]
    return {
        "total": total,
        "sector": [FacetValue(t.slug, t.label, t.n, t.slug in filters.sectors) for t in sectors],
        "theme": [FacetValue(t.slug, t.label, t.n, t.slug in filters.themes) for t in themes],
        "type": [
            FacetValue(value, str(label), type_counts.get(value, 0), value in filters.types)
            for value, label in PublicationType.choices
            if shown(type_counts.get(value), value in filters.types)
        ],
        "country": [FacetValue(c, c, n, c in filters.countries) for c, n in country_counts]
        + [FacetValue(c, c, 0, True) for c in filters.countries if c not in counted_countries],
    }
