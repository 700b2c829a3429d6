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

from pbr_site.core import fulltext

# The best this many matches are ranked, counted and filtered: beyond them a query is too
# broad to read through, and the page says so (Outcome.capped).
MAX_MATCHES = 1000
TITLE_WEIGHT = 4.0


@dataclass(frozen=True)
class Match:
    content_type_id: int
    object_id: int
    relevance: float  # higher is better, comparable across content types


def database_matches(phrases, language, content_type_ids):
    """[Match] for documents of those content types containing every word of any one phrase
    (a phrase: a list of words), best first."""
    if not phrases or not content_type_ids:
        return []
    types = ", ".join(str(int(pk)) for pk in content_type_ids)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            match = fulltext.sqlite_match(phrases)
            # bm25 weights follow the FTS table's columns: autocomplete, body, title.
            cursor.execute(
                "SELECT ie.content_type_id, ie.object_id, "
                f"-bm25(wagtailsearch_indexentry_fts, 0.0, 1.0, {TITLE_WEIGHT}) AS relevance "
                "FROM wagtailsearch_indexentry_fts "
                "JOIN wagtailsearch_indexentry ie ON ie.id = wagtailsearch_indexentry_fts.rowid "
                f"WHERE wagtailsearch_indexentry_fts MATCH %s AND ie.content_type_id IN ({types}) "
                "ORDER BY relevance DESC LIMIT %s",
                [match, MAX_MATCHES],
            )
        else:
            query_sql, params = fulltext.postgres_query_sql(phrases, language)
            cursor.execute(
                "SELECT ie.content_type_id, ie.object_id, "
                f"ts_rank(ie.title || ie.body, q) + {TITLE_WEIGHT} * ts_rank(ie.title, q) AS relevance "
                f"FROM wagtailsearch_indexentry ie, {query_sql} q "
                f"WHERE (ie.title || ie.body) @@ q AND ie.content_type_id IN ({types}) "
                "ORDER BY relevance DESC LIMIT %s",
                [*params, MAX_MATCHES],
            )
        rows = cursor.fetchall()
    return [Match(ct, int(object_id), float(relevance)) for ct, object_id, relevance in rows if str(object_id).isdigit()]


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
    return sorted(matches, key=lambda match: -match.relevance)
