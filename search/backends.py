"""The search backend: Wagtail's database backend, chosen by the database in use (SQLite's
FTS5 or PostgreSQL's full-text search), with one change for Welsh on PostgreSQL.

PostgreSQL has no Welsh text-search configuration, and its `english` one would stem Welsh
words as if they were English ("gwasanaethau" -> "gwasanaethau", but "ydy" -> "ydi"). So
Welsh text is indexed with `simple` (lower-cased, never stemmed): every object in the Welsh
locale, and the Welsh fields of shared objects (fields named `*_cy` or `welsh_*`, such as a
bibliography entry's `summary_cy`). English text keeps the `english` configuration.
search/index.py queries with the matching configuration for the visitor's language.

Settings: WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}. For an
OpenSearch or Elasticsearch cluster, see the README ("Search"): site search then asks that
backend model by model and nothing here is used.
"""

from functools import cache

from django.db import connection


def _is_welsh_field(field_name):
    return field_name.endswith("_cy") or field_name.startswith("welsh_")


@cache  # once: it replaces the module's indexer class, which must not be wrapped again
def _postgres_backend_class():
    from django.contrib.postgres.search import SearchVector
    from django.db.models import TextField, Value
    from modelsearch.backends.database.postgres import postgres
    from modelsearch.index import SearchField

    class LanguageAwareObjectIndexer(postgres.ObjectIndexer):
        """Indexes Welsh text with `simple` and everything else with the backend's config."""

        WELSH_CONFIG = "simple"

        def __init__(self, obj, backend):
            super().__init__(obj, backend)
            locale = getattr(obj, "locale", None)
            self.is_welsh = bool(locale and getattr(locale, "language_code", "") == "cy")
            if self.is_welsh:
                self.config = self.WELSH_CONFIG

        def _texts(self, want_title):
            for search_field in self.search_fields:
                for current, weight, value in self.prepare_field(self.obj, search_field):
                    if isinstance(current, SearchField) and (current.field_name == "title") == want_title:
                        welsh = self.is_welsh or _is_welsh_field(current.field_name)
                        yield value.strip(), weight, self.WELSH_CONFIG if welsh else self.config

        def _vector(self, texts):
            vectors = [
                SearchVector(Value(text, output_field=TextField()), weight=weight, config=config)
                for text, weight, config in texts
                if text
            ]
            return postgres.ADD(vectors) if vectors else postgres.EMPTY_VECTOR

        @property
        def title(self):
            return self._vector(self._texts(want_title=True))

        @property
        def body(self):
            return self._vector(self._texts(want_title=False))

    # PostgresIndex.add_items builds indexers through the module's own name for the class
    # and offers no hook to choose another, so we point that name at ours. Delete this
    # (and search by a per-object config upstream) if modelsearch gains such a hook.
    postgres.ObjectIndexer = LanguageAwareObjectIndexer
    return postgres.PostgresSearchBackend


def SearchBackend(params):  # noqa: N802 - Wagtail looks a backend up by this name
    if connection.vendor == "postgresql":
        return _postgres_backend_class()({**params, "SEARCH_CONFIG": params.get("SEARCH_CONFIG", "english")})
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

    return DatabaseSearchBackend(params)
