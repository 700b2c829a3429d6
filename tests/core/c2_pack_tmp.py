# Temporary (helper C2): checks the proposed pack.py facet change gives the same facets.
import sys

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

sys.path.insert(0, "/tmp/h/c2")


@pytest.mark.django_db
@pytest.mark.parametrize("query", [
    "", "sector=criminal-justice", "sector=criminal-justice&theme=attribution-and-external-factors&sort=title&q=payment",
    "q=zzzznothing", "type=report&country=UK", "sector=nope", "year_from=2010&theme=pricing", "q=payment",
])
@pytest.mark.parametrize("language", ["en", "cy"])
def test_same_facets(query, language):
    from django.utils import translation
    import pack_patch
    from literature import pack

    with translation.override(language):
        filters = pack.PackFilters.from_query(QueryDict(query))
        filters.phrases
        with CaptureQueriesContext(connection) as old_q:
            old = pack._count_facets(filters)
        with CaptureQueriesContext(connection) as new_q:
            new = pack_patch._count_facets(filters)
    assert old == new
    assert len(new_q) == len(old_q) - 2, (len(old_q), len(new_q))
    print(query, language, len(old_q), len(new_q), old["total"])
