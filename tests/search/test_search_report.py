"""The editors' search report keeps only ordinary queries: what a person types, capped in
length, with a visible character and no control or invisible format character, and each
client adds at most one query the report has never seen per minute. Every query is still
searched for: only the report is spared."""

import pytest
from django.core.cache import cache
from wagtail.contrib.search_promotions.models import Query

from search.models import QueryWithoutResults
from search.text import MAX_REPORTED_LENGTH, is_ordinary_query

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_counts_yet():
    cache.clear()


def reported():
    return set(Query.objects.values_list("query_string", flat=True))


HOSTILE = [
    "gaming" * 20,  # 120 characters
    "gaming\x00",
    "gaming\x1b[31m",
    "gam\u202eing",
    "gaming\u200b",
    "\ufeffgaming",
    "gaming\u2066x\u2069",
    "line\nbreak",
    "gaming\u2028",
    "\u200b\u200b",
    "\u00ad",
    " ",
    "\ue000private",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_queries_that_are_not_ordinary_are_searched_for_but_not_kept(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert reported() == set()
    assert not QueryWithoutResults.objects.exists()


def test_an_ordinary_query_is_kept_up_to_the_length_cap(client):
    query = ("payment by results " * 10)[:MAX_REPORTED_LENGTH]
    client.get("/en/search/", {"q": query})
    assert reported() == {query.lower().strip()}


def test_one_new_query_per_client_per_minute(client, monkeypatch):
    # The same rule over an hour: these searches must fall in one window however slow the
    # machine running them is (under a minute of slow searches the window would end early).
    monkeypatch.setattr("search.views.NEW_QUERIES_REPORTED", (1, 3600))
    client.get("/en/search/", {"q": "gaming"})
    client.get("/en/search/", {"q": "zzzqx"})  # new, from the same client within the minute: not kept
    client.get("/en/search/", {"q": "creaming"}, REMOTE_ADDR="192.0.2.9")  # another client: kept
    assert reported() == {"gaming", "creaming"}
    # A query already in the report is always counted, whatever the client's new-query count.
    client.get("/en/search/", {"q": "Gaming"})
    client.get("/en/search/", {"q": "creaming"})
    assert Query.objects.get(query_string="gaming").hits == 2
    assert Query.objects.get(query_string="creaming").hits == 2
    cache.clear()  # the window is over
    client.get("/en/search/", {"q": "zzzqx"})
    assert "zzzqx" in reported()
    assert QueryWithoutResults.objects.get(query__query_string="zzzqx").hits == 1


def test_a_script_of_hostile_strings_leaves_the_report_as_it_was(client):
    """The audit left 183 hostile strings in the report: now at most one a minute, and none
    that is not an ordinary query."""
    client.get("/en/search/", {"q": "gaming"})
    for number in range(50):
        client.get("/en/search/", {"q": f"probe {number} <script>"})
        client.get("/en/search/", {"q": f"' OR 1=1 -- {number}\x00"})
    assert reported() == {"gaming"}


@pytest.mark.parametrize(
    "text,ordinary",
    [
        ("cash flow", True),
        ("i'r gwasanaeth", True),
        ("ضمان", True),
        ("e\u0301valuation", True),
        ("🙂", True),
        ("", False),
        ("x" * 101, False),
        ("x" * 100, True),
        ("a\tb", False),
        ("a\u200db", False),
        ("\u0301", False),
        (None, False),
    ],
)
def test_what_counts_as_an_ordinary_query(text, ordinary):
    assert is_ordinary_query(text) is ordinary


def test_queries_left_by_a_script_before_can_be_removed(client):
    """`manage.py tidy_search_report` removes what was kept before the report was guarded,
    keeping ordinary queries and any query an editor promoted a page for."""
    from io import StringIO

    from django.core.management import call_command
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.models import Page

    from search.models import log_search

    # A control character PostgreSQL can store (it refuses NUL outright, so none was ever kept there).
    for query in ["gaming", "x" * 150, "gam\u202eing", "\u200b", "probe\x07", "promoted\u200b"]:
        log_search(query, found_anything=False)
    SearchPromotion.objects.create(
        query=Query.objects.get(query_string="promoted\u200b"), page=Page.objects.filter(depth=2).first(), sort_order=0
    )
    out = StringIO()
    call_command("tidy_search_report", "--dry-run", stdout=out)
    assert "Would remove 4 " in out.getvalue() and len(reported()) == 6
    call_command("tidy_search_report", stdout=StringIO())
    assert reported() == {"gaming", "promoted\u200b"}
    assert QueryWithoutResults.objects.count() == 2
