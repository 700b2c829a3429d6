"""Ranked matches from the search index, across every kind of content at once.

Wagtail's database backends keep one index table for all models (`wagtailsearch_indexentry`,
filled on publish by Wagtail's signal handlers). Asking the backend model by model works, but
its SQLite backend scores each result with a correlated sub-query: with 10,000 bibliography
entries a common word took 11 seconds. So for the two databases we run, we read the same
index with one ranked query of our own (a few milliseconds), and let each content type's
queryset decide what is visible. Any other backend (OpenSearch, Elasticsearch) is asked
model by model through Wagtail's API, which is fast there.

This reads Wagtail's own index tables (wagtailsearch_indexentry and, on SQLite, its FTS
table), which are not a documented API: tests/search cover the columns it uses, and each
Wagtail upgrade is checked against them. Delete the database branch (and ask every backend
through Wagtail's API) when Wagtail's SQLite backend ranks a common word over 10,000 entries
in well under a second.

PostgreSQL: English content is stemmed with the `english` configuration; Welsh has no
configuration in PostgreSQL, so Welsh content is indexed (see search/backends.py) and
queried with `simple`, which lower-cases without stemming.
"""

from dataclasses import dataclass

from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, PlainText

from .text import stem

# The best this many matches are ranked, counted and filtered: beyond them a query is too
# broad to read through, and the page says so (Outcome.capped).
MAX_MATCHES = 1000
# PostgreSQL has no Welsh configuration: Welsh is indexed and queried unstemmed.
TEXT_SEARCH_CONFIG = {"cy": "simple"}  # every other language: english
TITLE_WEIGHT = 4.0


def uses_database_index():
    """True when the search backend is Wagtail's database one on SQLite or PostgreSQL."""
    module = type(get_search_backend()).__module__
    return connection.vendor in ("sqlite", "postgresql") and module.startswith(
        ("modelsearch.backends.database", "wagtail.search.backends.database")
    )


def _sqlite_term(word):
    # A prefix match on a crude stem (text.stem) stands in for the stemming SQLite's
    # tokeniser does not do.
    return f'"{stem(word)}"*' if len(word) >= 3 else f'"{word}"'


def _postgres_term(word):
    # The word and its crude stem (text.stem), each through PostgreSQL's own stemming:
    # never fewer matches than the word alone, and the same word families as on SQLite.
    if len(word) < 3:
        return word
    stemmed = stem(word)
    return f"{word}:*" if stemmed == word else f"({word}:* | {stemmed}:*)"


def expression(phrases, term, and_, or_):
    groups = []
    for words in phrases:
        terms = [term(word) for word in words if word.isalnum()]
        if terms:
            groups.append("(" + f" {and_} ".join(terms) + ")")
    return f" {or_} ".join(groups)


def sqlite_match(phrases):
    """An FTS5 MATCH string over the title and body columns: any phrase, all its words."""
    return "{title body} : (" + expression(phrases, _sqlite_term, "AND", "OR") + ")"


def postgres_tsquery(phrases):
    return expression(phrases, _postgres_term, "&", "|")


def postgres_query_sql(phrases, language):
    """(sql, params) of a tsquery. Welsh text is indexed unstemmed, but titles and English
    fields are stemmed, so a Welsh visitor's words are looked for both ways."""
    text = postgres_tsquery(phrases)
    if TEXT_SEARCH_CONFIG.get(language, "english") == "simple":
        return "(to_tsquery('simple', %s) || to_tsquery('english', %s))", [text, text]
    return "to_tsquery('english', %s)", [text]


@dataclass(frozen=True)
class Match:
    content_type_id: int
    object_id: int
    relevance: float  # higher is better, comparable across content types
    title: str = ""  # as indexed: the caller may rank on it (engine.search)


# Scores are floats summed in an order no one promises: two documents that score the same
# may differ in the last bits, which would order them by chance. Compared to this many places.
RELEVANCE_PLACES = 9


def best_first(item):
    """Sort key: higher relevance first, then equal scores in a fixed order (by content type
    and id, both kept by a backup and its restore), never by the order the index returned
    them (a restore rebuilds the index, which changes that order)."""
    return (-round(item.relevance, RELEVANCE_PLACES), item.content_type_id, item.object_id)


def _has_terms(phrases):
    return any(word.isalnum() for words in phrases for word in words)


def _from_where(phrases, language, types):
    """(sql, params): the FROM and WHERE clauses finding the index entries of those content
    types (`types`: their ids, comma-separated) that hold every word of any one phrase.
    The index entry is `ie`; on PostgreSQL, `query.q` is the query (for ranking)."""
    if connection.vendor == "sqlite":
        return (
            "FROM wagtailsearch_indexentry_fts "
            "CROSS JOIN wagtailsearch_indexentry ie ON ie.id = wagtailsearch_indexentry_fts.rowid "
            f"WHERE wagtailsearch_indexentry_fts MATCH %s AND ie.content_type_id IN ({types})",
            [sqlite_match(phrases)],
        )
    query_sql, params = postgres_query_sql(phrases, language)
    # A document matches only if its title or its body holds one of the words: said first,
    # that lets PostgreSQL use the title and body GIN indexes (the concatenated vector has
    # none) instead of reading every entry: 14 ms -> 0.3 ms for a rare word over 10,000 entries.
    any_sql, any_params = postgres_query_sql([[word] for words in phrases for word in words], language)
    return (
        f"FROM wagtailsearch_indexentry ie, (SELECT {query_sql} AS q, {any_sql} AS any_word) AS query "
        "WHERE (ie.title @@ query.any_word OR ie.body @@ query.any_word) "
        f"AND (ie.title || ie.body) @@ query.q AND ie.content_type_id IN ({types})",
        [*params, *any_params],
    )


def matching_ids_sql(phrases, language, content_type_id):
    """(sql, params) of a sub-query giving the ids of the objects of one content type that
    site search would find for these phrases (every word of any one phrase), all of them,
    unranked: for a list filtered by words, such as the resource pack's. None when the
    phrases hold no word to look for. Only with uses_database_index()."""
    if not _has_terms(phrases):
        return None
    from_where, params = _from_where(phrases, language, str(int(content_type_id)))
    # The index keeps ids as text; this content type's are its whole-number primary keys.
    return f"SELECT CAST(ie.object_id AS INTEGER) {from_where}", params


def database_matches(phrases, language, content_type_ids):
    """[Match] for documents of those content types containing every word of any one phrase
    (a phrase: a list of words), best first."""
    if not phrases or not content_type_ids:
        return []
    if not _has_terms(phrases):
        return []
    types = ", ".join(str(int(pk)) for pk in content_type_ids)
    from_where, params = _from_where(phrases, language, types)
    relevance_params = []
    if connection.vendor == "sqlite":
        # bm25 weights follow the FTS table's columns: autocomplete, body, title.
        relevance = f"-bm25(wagtailsearch_indexentry_fts, 0.0, 1.0, {TITLE_WEIGHT})"
    else:
        relevance = f"ts_rank(ie.title || ie.body, query.q) + {TITLE_WEIGHT} * ts_rank(ie.title, query.q)"
        if len(phrases) > 1 and _has_terms(phrases[:1]):
            # ts_rank scores a document against the whole query, so every synonym added to the
            # reader's own words (the first phrase) lowers the score of a document that holds
            # exactly those words. Score the reader's own words too.
            own_sql, relevance_params = postgres_query_sql(phrases[:1], language)
            relevance += f" + ts_rank(ie.title || ie.body, {own_sql}) + {TITLE_WEIGHT} * ts_rank(ie.title, {own_sql})"
            relevance_params = relevance_params * 2
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ie.content_type_id, ie.object_id, {relevance} AS relevance, ie.title {from_where} "
            # Equal scores in a fixed order (best_first), also at the MAX_MATCHES cut.
            "ORDER BY relevance DESC, ie.content_type_id, ie.object_id LIMIT %s",
            [*relevance_params, *params, MAX_MATCHES],
        )
        rows = cursor.fetchall()
    # The index keeps ids as text; ours are all whole numbers (isdigit() alone takes '²').
    matches = [
        Match(ct, int(object_id), float(relevance), title or "")
        for ct, object_id, relevance, title in rows
        if str(object_id).isascii() and str(object_id).isdigit()
    ]
    return sorted(matches, key=best_first)


def backend_matches(phrases, querysets_by_content_type, limit=None):
    """The same through Wagtail's search API, one model at a time (for OpenSearch or
    Elasticsearch). `querysets_by_content_type`: {content type id: visible queryset}.
    `limit`: the most matches per content type (MAX_MATCHES unless given)."""
    query = Or([PlainText(" ".join(words), operator="and") for words in phrases])
    backend = get_search_backend()
    # SQLite's bm25 scores are lower for better matches; every other backend's are higher.
    sign = -1 if type(backend).__name__ == "SQLiteSearchBackend" else 1
    matches = []
    for content_type_id, queryset in querysets_by_content_type.items():
        results = backend.search(query, queryset).annotate_score("_score")[: limit or MAX_MATCHES]
        matches.extend(Match(content_type_id, obj.pk, sign * float(obj._score or 0), _title_of(obj)) for obj in results)
    return sorted(matches, key=best_first)


def _title_of(obj):
    # Pages and publications have a title; a glossary term is named by its term.
    return getattr(obj, "title", None) or getattr(obj, "term", "")
