"""Ranked matches from the search index, across every kind of content at once.

Wagtail's database backends keep one index table for all models (`wagtailsearch_indexentry`,
filled on publish by Wagtail's signal handlers). Asking the backend model by model works, but
its SQLite backend scores each result with a correlated sub-query: with 10,000 bibliography
entries a common word took 11 seconds. So for the two databases we run, we read the same
index with one ranked query of our own (a few milliseconds), and let each content type's
queryset decide what is visible. Any other backend (OpenSearch, Elasticsearch) is asked
model by model through Wagtail's API, which is fast there.

PostgreSQL: English content is stemmed with the `english` configuration; Welsh has no
configuration in PostgreSQL, so Welsh content is indexed (see search/backends.py) and
queried with `simple`, which lower-cases without stemming.
"""

from dataclasses import dataclass

from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Or, PlainText

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
    # A prefix match stands in for the stemming SQLite's tokeniser does not do.
    return f'"{word}"*' if len(word) >= 3 else f'"{word}"'


def _postgres_term(word):
    return f"{word}:*" if len(word) >= 3 else word


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


# Scores are floats summed in an order no one promises: two documents that score the same
# may differ in the last bits, which would order them by chance. Compared to this many places.
RELEVANCE_PLACES = 9


def best_first(item):
    """Sort key: higher relevance first, then equal scores in a fixed order (by content type
    and id, both kept by a backup and its restore), never by the order the index returned
    them (a restore rebuilds the index, which changes that order)."""
    return (-round(item.relevance, RELEVANCE_PLACES), item.content_type_id, item.object_id)


def database_matches(phrases, language, content_type_ids):
    """[Match] for documents of those content types containing every word of any one phrase
    (a phrase: a list of words), best first."""
    if not phrases or not content_type_ids:
        return []
    types = ", ".join(str(int(pk)) for pk in content_type_ids)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            match = sqlite_match(phrases)
            # bm25 weights follow the FTS table's columns: autocomplete, body, title.
            cursor.execute(
                "SELECT ie.content_type_id, ie.object_id, "
                f"-bm25(wagtailsearch_indexentry_fts, 0.0, 1.0, {TITLE_WEIGHT}) AS relevance "
                "FROM wagtailsearch_indexentry_fts "
                "CROSS JOIN wagtailsearch_indexentry ie ON ie.id = wagtailsearch_indexentry_fts.rowid "
                f"WHERE wagtailsearch_indexentry_fts MATCH %s AND ie.content_type_id IN ({types}) "
                # Equal scores in a fixed order (best_first), also at the MAX_MATCHES cut.
                "ORDER BY relevance DESC, ie.content_type_id, ie.object_id LIMIT %s",
                [match, MAX_MATCHES],
            )
        else:
            query_sql, params = postgres_query_sql(phrases, language)
            # A document matches only if its title or its body holds one of the words: said
            # first, that lets PostgreSQL use the title and body GIN indexes (the concatenated
            # vector has none) instead of reading every entry: 14 ms -> 0.3 ms for a rare word
            # over 10,000 entries.
            any_sql, any_params = postgres_query_sql([[word] for words in phrases for word in words], language)
            cursor.execute(
                "SELECT ie.content_type_id, ie.object_id, "
                f"ts_rank(ie.title || ie.body, query.q) + {TITLE_WEIGHT} * ts_rank(ie.title, query.q) AS relevance "
                f"FROM wagtailsearch_indexentry ie, (SELECT {query_sql} AS q, {any_sql} AS any_word) AS query "
                "WHERE (ie.title @@ query.any_word OR ie.body @@ query.any_word) "
                f"AND (ie.title || ie.body) @@ query.q AND ie.content_type_id IN ({types}) "
                "ORDER BY relevance DESC, ie.content_type_id, ie.object_id LIMIT %s",
                [*params, *any_params, MAX_MATCHES],
            )
        rows = cursor.fetchall()
    # The index keeps ids as text; ours are all whole numbers (isdigit() alone takes '²').
    matches = [
        Match(ct, int(object_id), float(relevance)) for ct, object_id, relevance in rows
        if str(object_id).isascii() and str(object_id).isdigit()
    ]
    return sorted(matches, key=best_first)


def backend_matches(phrases, querysets_by_content_type):
    """The same through Wagtail's search API, one model at a time (for OpenSearch or
    Elasticsearch). `querysets_by_content_type`: {content type id: visible queryset}."""
    query = Or([PlainText(" ".join(words), operator="and") for words in phrases])
    backend = get_search_backend()
    # SQLite's bm25 scores are lower for better matches; every other backend's are higher.
    sign = -1 if type(backend).__name__ == "SQLiteSearchBackend" else 1
    matches = []
    for content_type_id, queryset in querysets_by_content_type.items():
        results = backend.search(query, queryset).annotate_score("_score")[:MAX_MATCHES]
        matches.extend(Match(content_type_id, obj.pk, sign * float(obj._score or 0)) for obj in results)
    return sorted(matches, key=best_first)
