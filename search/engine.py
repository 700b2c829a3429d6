"""Site search: one query over digests, review and site pages, resource-pack entries,
glossary terms and the self-assessment, in the visitor's language.

1. The query's words (and, when it names a glossary term by any of its names in either
   language, that term's other names and its translation's: "cherry picking" also looks
   for "cream-skimming", "creaming" and "dewis y goreuon"; English words are matched on
   Welsh pages as on English ones, the publications being in English; and other
   spellings of compounds: "cashflow" also looks for "cash flow"), each matched with a crude
   stem as a prefix ("evaluations" finds "evaluation"): phrases.search_phrases, which the
   resource pack's search box uses too (phrases.matching).
2. Ranked matches from the index for every kind of content at once (search/index.py).
   When no document holds every word, we look again for any of them and say so.
3. Each kind's own rules decide what a visitor may see: live, public, in this language.
4. Counts per content type and per sector, the chosen filters, one page of results.
5. Only the ten results shown are loaded in full, to build their extracts.
The number of SQL queries does not grow with the number of matches.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Value
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from pbr_site.core.models import GetInvolvedPage, HomePage, StandardPage, in_private_section
from pbr_site.core.templatetags.core_tags import linked_page
from wagtail.models import Page

from literature.models import (
    BibliographyEntry,
    DigestPage,
    DigestSectorTag,
    EntrySectorTag,
    GlossaryPage,
    GlossaryTerm,
    LiteratureIndexPage,
    ResourcePackPage,
    SectorTag,
)
from literature.pack import FacetValue, paginate
from toolkit.models import SelfAssessmentPage

from . import index
from .phrases import search_phrases
from .text import highlight, query_words, title_holds

PER_PAGE = 10

# What a visitor may filter by, in the order the filters list them, with a small lift for
# the digests: they are the site's own answer to most questions.
KINDS = {
    "digest": {"label": _("Digest"), "plural": _("Digests"), "weight": 1.5},
    "page": {"label": _("Page"), "plural": _("Review and site pages"), "weight": 1.2},
    "toolkit": {"label": _("Self-assessment"), "plural": _("Self-assessment"), "weight": 1.2},
    "term": {"label": _("Glossary term"), "plural": _("Glossary terms"), "weight": 1.3},
    "entry": {"label": _("Resource pack entry"), "plural": _("Resource pack entries"), "weight": 1.0},
}
KIND_ORDER = {kind: position for position, kind in enumerate(KINDS)}
PAGE_KINDS = {
    DigestPage: "digest",
    LiteratureIndexPage: "page",
    GlossaryPage: "page",
    ResourcePackPage: "page",
    StandardPage: "page",
    GetInvolvedPage: "page",
    HomePage: "page",
    SelfAssessmentPage: "toolkit",
}
SNIPPET_KINDS = {GlossaryTerm: "term", BibliographyEntry: "entry"}


@dataclass
class Hit:
    kind: str
    pk: int
    relevance: float
    model: type = None
    term: object = None  # a glossary term, already loaded
    sectors: frozenset = frozenset()
    # Filled for the results on the page shown:
    title: str = ""
    url: str = ""
    extract: str = ""  # safe HTML (search.text.highlight)
    extract_language: str = ""  # set when the extract is not in the page's language
    detail: str = ""
    sector_tags: list = field(default_factory=list)

    @property
    def kind_label(self):
        return KINDS[self.kind]["label"]


@dataclass
class Outcome:
    query: str
    words: list
    page: object = None  # a Paginator page of Hits
    total: int = 0
    any_words: bool = False  # no result held every word: these hold some of them
    capped: bool = False  # more matches than index.MAX_MATCHES: counts are of the best ones
    synonyms: list = field(default_factory=list)  # names of glossary terms we also looked for
    kinds: list = field(default_factory=list)
    sectors: list = field(default_factory=list)


def content_types():
    """{content type id: (model, kind)} for everything the site search covers."""
    models = {**PAGE_KINDS, **SNIPPET_KINDS}
    by_model = ContentType.objects.get_for_models(*models)
    return {by_model[model].pk: (model, kind) for model, kind in models.items()}


def _visible(matches, types, locale):
    """The matches a visitor may see, as Hits with their sectors, best first."""
    by_kind_ids = {}
    for match in matches:
        model, kind = types[match.content_type_id]
        by_kind_ids.setdefault("pages" if model in PAGE_KINDS else kind, set()).add(match.object_id)
    visible = set()
    if by_kind_ids.get("pages"):
        visible |= {
            ("pages", pk)
            for pk in Page.objects.live()
            .exclude(in_private_section())  # .public(), without a query of its own
            .filter(locale=locale, pk__in=by_kind_ids["pages"])
            .values_list("pk", flat=True)
        }
    terms = {}
    if by_kind_ids.get("term"):  # few and small: loaded whole now, shown later without a query
        terms = {term.pk: term for term in GlossaryTerm.objects.filter(locale=locale, pk__in=by_kind_ids["term"])}
        visible |= {("term", pk) for pk in terms}

    # Which matching entries are live, and the sectors of the matching digests and entries,
    # in one query.
    sectors = {"digest": {}, "entry": {}}
    digest_ids = [m.object_id for m in matches if types[m.content_type_id][1] == "digest"]
    entry_ids = by_kind_ids.get("entry", set())
    no_tag = Value(None, output_field=IntegerField())
    rows = [
        through.objects.filter(content_object_id__in=ids)
        .annotate(kind=Value(kind))
        .values_list("kind", "content_object_id", "tag_id")
        for kind, through, ids in (("digest", DigestSectorTag, digest_ids), ("entry", EntrySectorTag, entry_ids))
        if ids
    ]
    if entry_ids:
        live = BibliographyEntry.objects.filter(live=True, pk__in=entry_ids).order_by()
        rows.append(live.annotate(kind=Value("live entry"), no_tag=no_tag).values_list("kind", "pk", "no_tag"))
    if rows:
        for kind, object_id, tag_id in rows[0].union(*rows[1:], all=True):
            if kind == "live entry":
                visible.add(("entry", object_id))
            else:  # an entry that is not live may have sectors too: it is not shown
                sectors[kind].setdefault(object_id, set()).add(tag_id)

    hits, seen = [], set()
    for match in matches:
        model, kind = types[match.content_type_id]
        group = "pages" if model in PAGE_KINDS else kind
        if (group, match.object_id) not in visible or (group, match.object_id) in seen:
            continue
        seen.add((group, match.object_id))
        hits.append(
            Hit(
                kind=kind,
                model=model,
                term=terms.get(match.object_id) if kind == "term" else None,
                pk=match.object_id,
                relevance=match.relevance * KINDS[kind]["weight"],
                sectors=frozenset(sectors.get(kind, {}).get(match.object_id, ())),
            )
        )
    # Equal scores in a fixed order, whatever order the index gave (index.best_first).
    hits.sort(key=lambda hit: (-round(hit.relevance, index.RELEVANCE_PLACES), KIND_ORDER[hit.kind], hit.pk))
    return hits


def _facets(hits, chosen_kinds, chosen_sectors, sector_tags):
    """Counts per kind (within the chosen sectors) and per sector (within the chosen kinds)."""
    sector_ids = {tag.pk for tag in sector_tags if tag.slug in chosen_sectors}

    def in_sectors(hit):
        return not sector_ids or bool(hit.sectors & sector_ids)

    def in_kinds(hit):
        return not chosen_kinds or hit.kind in chosen_kinds

    kind_counts, sector_counts = {}, {}
    for hit in hits:
        if in_sectors(hit):
            kind_counts[hit.kind] = kind_counts.get(hit.kind, 0) + 1
        if in_kinds(hit):
            for tag_id in hit.sectors:
                sector_counts[tag_id] = sector_counts.get(tag_id, 0) + 1
    kinds = [
        FacetValue(kind, str(meta["plural"]), kind_counts.get(kind, 0), kind in chosen_kinds)
        for kind, meta in KINDS.items()
        if kind_counts.get(kind) or kind in chosen_kinds
    ]
    sectors = [
        FacetValue(tag.slug, tag.label, sector_counts.get(tag.pk, 0), tag.slug in chosen_sectors)
        for tag in sorted(sector_tags, key=lambda tag: tag.label.casefold())
        if sector_counts.get(tag.pk) or tag.slug in chosen_sectors
    ]
    shown = [hit for hit in hits if in_sectors(hit) and in_kinds(hit)]
    return kinds, sectors, shown


def search(query, locale, *, kinds=(), sectors=(), page_number=1, request=None, find=None):
    """The Outcome of searching for `query` (already cleaned) in `locale`.

    `find` replaces the index look-up (tests use it to run the other backends' path)."""
    outcome = Outcome(query=query, words=query_words(query))
    if not outcome.words:
        return outcome
    phrases, outcome.synonyms = search_phrases(outcome.words, locale.language_code)
    words, others = phrases[0], phrases[1:]
    types = content_types()
    find = find or _find
    matches = find(phrases, locale, types)
    if len(words) > 1:
        # Documents holding only some of the words count too, below those holding them all
        # at equal strength: a strong title match on two of three words ("who pays while
        # results are awaited?" for "who pays while we wait for results") can still lead.
        some = find([[word] for word in words] + others, locale, types)
        outcome.any_words = not matches and bool(some)
        matches = _combine(matches, some)
    matches = _lift_titles(matches, phrases)
    outcome.capped = len(matches) >= index.MAX_MATCHES
    hits = _visible(matches, types, locale) if matches else []
    sector_tags = list(SectorTag.objects.all()) if hits else []
    outcome.kinds, outcome.sectors, shown = _facets(hits, set(kinds), set(sectors), sector_tags)
    outcome.total = len(shown)
    outcome.page = paginate(shown, page_number, per_page=PER_PAGE)
    _load(
        list(outcome.page.object_list), words + [w for phrase in others for w in phrase], locale, request, sector_tags
    )
    return outcome


ALL_WORDS_LIFT = 2.0
# A document whose title holds every word of the query or of one of its synonyms (the name of
# a publication, a term or a digest) leads documents that only mention the words often.
TITLE_HOLDS_ALL_LIFT = 3.0


def _lift_titles(matches, phrases):
    lifted = [
        index.Match(m.content_type_id, m.object_id, m.relevance * TITLE_HOLDS_ALL_LIFT, m.title)
        if m.relevance > 0 and title_holds(m.title, phrases)
        else m
        for m in matches
    ]
    return sorted(lifted, key=index.best_first)


def _combine(every_word, some_words):
    """One ranking: each document's score for any of the words, lifted when it holds all."""
    holds_all = {(m.content_type_id, m.object_id) for m in every_word}
    combined = [
        index.Match(
            m.content_type_id,
            m.object_id,
            m.relevance * (ALL_WORDS_LIFT if (m.content_type_id, m.object_id) in holds_all else 1),
            m.title,
        )
        for m in some_words
    ]
    return sorted(combined, key=index.best_first)


def _find(phrases, locale, types):
    if index.uses_database_index():
        return index.database_matches(phrases, locale.language_code, list(types))
    return index.backend_matches(phrases, backend_querysets(types, locale))


def backend_querysets(types, locale):
    """Each searchable model's visible objects, for backends searched model by model."""
    querysets = {}
    for content_type_id, (model, _kind) in types.items():
        if model in PAGE_KINDS:
            querysets[content_type_id] = model.objects.live().public().filter(locale=locale)
        elif model is GlossaryTerm:
            querysets[content_type_id] = model.objects.filter(locale=locale)
        else:
            querysets[content_type_id] = model.objects.filter(live=True)
    return querysets


def _linked(request, locale, model):
    # Read with the site chrome (no query of its own) when there is a request.
    return linked_page(request, None, model) if request is not None else model.for_locale(locale.pk)


def _load(hits, words, locale, request, sector_tags):
    """Titles, links, extracts and sector names for the results on this page only."""
    tags_by_id = {tag.pk: tag for tag in sector_tags}
    page_ids_by_model = {}
    for hit in hits:
        if hit.model in PAGE_KINDS:
            page_ids_by_model.setdefault(hit.model, []).append(hit.pk)
    pages = {
        page.pk: page
        for model, ids in page_ids_by_model.items()
        for page in model.objects.filter(pk__in=ids).defer_streamfields()
    }
    entry_ids = [hit.pk for hit in hits if hit.kind == "entry"]
    entries = (
        {entry.pk: entry for entry in BibliographyEntry.objects.filter(pk__in=entry_ids).prefetch_related("authors")}
        if entry_ids
        else {}
    )
    terms = any(hit.kind == "term" for hit in hits)
    pack = _linked(request, locale, ResourcePackPage) if entries else None
    glossary = _linked(request, locale, GlossaryPage) if terms else None
    for hit in hits:
        hit.sector_tags = sorted((tags_by_id[pk] for pk in hit.sectors if pk in tags_by_id), key=lambda t: t.label)
        if hit.kind in ("digest", "page", "toolkit"):
            page = pages[hit.pk]
            hit.title = page.title
            hit.url = page.get_url(request)
            text = getattr(page, "summary", "") or page.search_description or getattr(page, "intro", "")
            hit.extract = highlight(text, words)
        elif hit.kind == "entry":
            entry = entries[hit.pk]
            hit.title = entry.title
            hit.url = pack.entry_url(entry) if pack else ""
            hit.detail = entry.short_citation()
            hit.extract = highlight(entry.localized_summary, words)
            hit.extract_language = entry.summary_language
        else:
            term = hit.term
            hit.title = term.term
            hit.url = f"{glossary.url}#{term.slug}" if glossary else ""
            hit.detail = term.also_known_as
            hit.extract = highlight(f"{term.short_definition} {strip_tags(term.explanation)}", words)
