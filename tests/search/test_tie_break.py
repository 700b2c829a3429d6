"""Results with equal scores come in a fixed order (kind, then id), whatever order the index
returns them in: a restore rebuilds the index, which changes that order."""

import pytest

from search import engine, index

pytestmark = pytest.mark.django_db


def shown(outcome):
    return [(hit.kind, hit.pk) for hit in outcome.page.object_list]


def test_equal_scores_keep_their_order_whatever_the_index_returns(english):
    types = engine.content_types()
    all_matches = index.database_matches([["payment"]], "en", list(types))
    assert len(all_matches) > 3
    # Every match scores the same, as many do after a rebuild of the index.
    tied = [index.Match(m.content_type_id, m.object_id, 1.0) for m in all_matches]

    def find_in(order):
        return lambda phrases, locale, content_types: list(order)

    forwards = engine.search("payment", english, find=find_in(tied))
    backwards = engine.search("payment", english, find=find_in(reversed(tied)))
    assert forwards.total == backwards.total > 3
    assert shown(forwards) == shown(backwards)
    ranks = [(list(engine.KINDS).index(kind), pk) for kind, pk in shown(forwards)]
    assert ranks == sorted(ranks)


def test_scores_that_differ_only_in_the_last_bits_count_as_equal():
    a = index.Match(1, 2, 0.1 + 0.2)
    b = index.Match(1, 1, 0.3)
    assert sorted([a, b], key=index.best_first) == [b, a]
    assert sorted([b, a], key=index.best_first) == [b, a]


def test_the_order_survives_a_rebuilt_index(client):
    """Two entries that score the same, indexed again in the other order, as a restore's
    rebuild of the index may: the page lists them in the same order as before."""
    from bs4 import BeautifulSoup
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from tests.literature import factories

    twins = [factories.entry(title="Quokkas and outcome payments", summary="Quokkas.") for _ in range(2)]

    def results():
        html = BeautifulSoup(client.get("/en/search/", {"q": "quokkas"}).content, "html.parser")
        return [link["href"] for link in html.select(".app-search-result__title a")]

    from django.contrib.contenttypes.models import ContentType

    entry_type = ContentType.objects.get_for_model(twins[0])
    backend = get_search_backend()
    for order in (twins, list(reversed(twins))):
        IndexEntry.objects.filter(content_type=entry_type, object_id__in=[str(twin.pk) for twin in twins]).delete()
        for twin in order:
            backend.add(twin)
        found = results()
        assert len(found) == 2
        assert found == sorted(found, key=lambda href: int(href.rstrip("/").rsplit("/", 1)[-1])), order
