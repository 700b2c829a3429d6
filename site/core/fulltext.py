"""Full-text look-ups in Wagtail's database search index, shared by site search (search/) and
the resource pack's own search box (literature/pack.py).

Wagtail's database backends keep one index table for every indexed model, filled on save and
publish. Reading it with SQL of our own is far faster than the backend's model-by-model API on
SQLite (see search/index.py), and lets the resource pack filter by it in a sub-query.

Words must already be plain letters and digits (search.text.query_words): they are quoted
for SQLite's MATCH and are lexemes for PostgreSQL's to_tsquery, never free syntax.
"""

import re

from django.db import connection
from wagtail.search.backends import get_search_backend

# PostgreSQL has no Welsh configuration: Welsh is indexed and queried unstemmed.
TEXT_SEARCH_CONFIG = {"cy": "simple"}  # every other language: english


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


def plain_words(text, limit=12):
    """A query's distinct lower-case words: letters and digits only."""
    words = []
    for word in re.findall(r"[^\W_]+", str(text).casefold()):
        if word not in words:
            words.append(word)
    return words[:limit]


def object_ids_sql(words, language, content_type_id):
    """(sql, params) selecting the ids of that content type's indexed objects holding every
    word, for `pk__in=RawSQL(sql, params)`."""
    if connection.vendor == "sqlite":
        return (
            "SELECT CAST(ie.object_id AS INTEGER) FROM wagtailsearch_indexentry_fts "
            "JOIN wagtailsearch_indexentry ie ON ie.id = wagtailsearch_indexentry_fts.rowid "
            "WHERE wagtailsearch_indexentry_fts MATCH %s AND ie.content_type_id = %s",
            [sqlite_match([words]), content_type_id],
        )
    query_sql, params = postgres_query_sql([words], language)
    return (
        "SELECT CAST(ie.object_id AS bigint) FROM wagtailsearch_indexentry ie "
        f"WHERE (ie.title || ie.body) @@ {query_sql} AND ie.content_type_id = %s",
        [*params, content_type_id],
    )
