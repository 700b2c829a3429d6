"""`make serve`'s stack with its HTTP cache: Debian's Varnish with site/varnish/pbr.vcl in front
of gunicorn (production settings, throw-away SQLite database with the demo content, a tasks
worker) and Wagtail's frontend cache purging through FRONTEND_CACHE_URL."""

import gzip
import http.client
import json
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import quote, urlsplit

import pytest

from tests.servers import ROOT, free_port, get, production_env, production_like_server, varnish, wait_for_tasks

pytestmark = pytest.mark.slow
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def stack(tmp_path_factory, request):
    """(Varnish's base URL, the servers' environment)."""
    tmp = tmp_path_factory.mktemp("varnish")
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    cache_dir = cache.mkdir("production-like-server") if cache else None
    front_port = free_port()
    extra = {"FRONTEND_CACHE_URL": f"http://127.0.0.1:{front_port}"}
    with production_like_server(tmp, cache_dir=cache_dir, extra_env=extra) as app_url:
        app_port = urlsplit(app_url).port
        with varnish(tmp / "varnish", [app_port], port=front_port) as front:
            wait_for_tasks({**production_env(tmp), **extra})
            yield front, {**production_env(tmp), **extra}


@pytest.fixture(scope="module")
def front(stack):
    return stack[0]


@pytest.fixture(scope="module")
def pages(front):
    """Every page path /sitemap.xml lists (its host is the Wagtail Site's, not ours)."""
    status, _, body = get(front + "/sitemap.xml")
    assert status == 200
    return [urlsplit(loc.text.strip()).path for loc in ET.fromstring(body).iterfind("sm:url/sm:loc", SITEMAP_NS)]


def shell(env, code):
    """Run Python in the server's Django (same database, same FRONTEND_CACHE_URL), as an
    editor's action in the admin would run in a server process; returns what it prints."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def fetch(url, **headers):
    """(X-Cache, status, headers, body) of a GET through Varnish."""
    status, response_headers, body = get(url, headers)
    return response_headers.get("X-Cache"), status, response_headers, body


def unique(path):
    """The path with a query of its own, so no other test has stored it yet."""
    return f"{path}?t={uuid.uuid4().hex}"


def test_a_public_page_is_stored_once_and_then_served_with_the_same_bytes(front):
    url = front + unique("/en/")
    first = fetch(url, **{"Accept-Encoding": "gzip"})
    second = fetch(url, **{"Accept-Encoding": "gzip"})
    assert (first[0], second[0]) == ("MISS", "HIT")
    assert first[1] == second[1] == 200
    assert first[3] == second[3]
    assert "s-maxage=" in second[2]["Cache-Control"]


def test_a_reader_with_a_session_is_never_served_from_the_cache(front):
    url = front + unique("/en/")
    fetch(url)
    assert fetch(url)[0] == "HIT"
    assert fetch(url, Cookie="sessionid=abc")[0] == "MISS"
    assert fetch(url, Cookie="csrftoken=abc; messages=xyz")[0] == "MISS"
    # Other cookies (CSRF, language) do not make the page the reader's own.
    assert fetch(url, Cookie="csrftoken=abc; django_language=cy")[0] == "HIT"


def test_the_self_assessment_journey_and_search_are_never_stored(stack, front):
    _, env = stack
    journey = shell(
        env,
        (
            "from toolkit.models import AssessmentResponse, SelfAssessmentPage\n"
            "page = SelfAssessmentPage.objects.live().get(locale__language_code='en')\n"
            "r = AssessmentResponse.objects.create(page=page, role='commissioner', language='en',\n"
            "                                      revision_id=page.live_revision_id)\n"
            "print(f'{page.url}r/{r.token}/')"
        ),
    )
    for path in (
        journey,
        journey + "section/1/",
        "/en/self-assessment/start/",
        "/en/search/?q=gaming",
        "/cy/search/?q=gaming",
    ):
        caches = [fetch(front + path)[0] for _ in range(3)]
        assert "HIT" not in caches, path


def test_repeated_parameters_in_another_order_are_another_page(front):
    a, b = f"a{uuid.uuid4().hex}", f"b{uuid.uuid4().hex}"
    assert fetch(f"{front}/en/?q={a}&q={b}")[0] == "MISS"
    # Django reads the last of a repeated parameter: this is not the page above.
    assert fetch(f"{front}/en/?q={b}&q={a}")[0] == "MISS"
    assert fetch(f"{front}/en/?q={a}&q={b}")[0] == "HIT"


def test_tracking_parameters_share_the_plain_pages_entry(front):
    plain = unique("/en/")
    fetch(front + plain)
    for tracked in (
        f"{plain}&utm_content={uuid.uuid4().hex}",
        f"{plain}&utm_source=x&gclid=y&fbclid=z",
        f"/en/?utm_medium={uuid.uuid4().hex}&{plain.split('?')[1]}",
    ):
        assert fetch(front + tracked)[0] == "HIT", tracked


def test_a_reader_refusing_gzip_gets_the_plain_page_from_the_same_entry(front):
    url = front + unique("/en/")
    cache, _, headers, body = fetch(url, **{"Accept-Encoding": "gzip"})
    assert cache == "MISS"
    assert headers.get("Content-Encoding") == "gzip"  # pages are gzipped by the application
    assert b"</html>" in gzip.decompress(body)
    for refusing in ("gzip;q=0", "identity", None):
        cache, _, headers, body = fetch(url, **({"Accept-Encoding": refusing} if refusing else {}))
        assert "Content-Encoding" not in headers, refusing
        assert b"</html>" in body, refusing


def test_a_welsh_address_in_welsh_letters_is_served_and_stored(stack, front):
    _, env = stack
    # A Welsh page given a slug with ŵ, published as an editor would.
    path = shell(
        env,
        (
            "from wagtail.models import Page\n"
            "page = Page.objects.live().filter(locale__language_code='cy', depth=3, numchild=0).last().specific\n"
            "page.slug = 'ŵyl-' + page.slug\n"
            "page.save_revision().publish()\n"
            "print(Page.objects.get(pk=page.pk).url)"
        ),
    )
    assert "%C5%B5" in path
    assert [fetch(front + path)[:2] for _ in range(2)][1] == ("HIT", 200)
    assert fetch(front + "/cy/" + quote("ŵyl-ddim-yn-bod") + "/")[1] == 404


def test_a_page_asked_for_by_another_spelling_of_its_address_is_served_but_never_stored(front, pages):
    """A purge names the page's address as Django writes it: a copy stored under another
    spelling (an ordinary letter percent-encoded, Welsh letters as raw bytes) would outlive
    every publish, so it is never kept."""
    path = next(p for p in pages if p.startswith("/en/literature-review/") and p.count("/") == 4)
    other_spelling = "/%65n/" + path.removeprefix("/en/")
    assert [fetch(front + other_spelling)[:2] for _ in range(3)] == [("MISS", 200)] * 3
    fetch(front + path)
    assert fetch(front + path)[:2] == ("HIT", 200)


def purge(front, path, source="127.0.0.1"):
    """A PURGE as Wagtail's HTTPBackend sends it: the Site's hostname in Host."""
    split = urlsplit(front)
    connection = http.client.HTTPConnection(split.hostname, split.port, timeout=10, source_address=(source, 0))
    try:
        connection.request("PURGE", path, headers={"Host": "localhost"})
        return connection.getresponse().status
    finally:
        connection.close()


def test_a_purge_drops_the_path_with_every_query_string(front, pages):
    path = next(p for p in pages if p.startswith("/en/resource-pack/entry/"))
    variants = [path, f"{path}?page=2", f"{path}?sort=title&x={uuid.uuid4().hex}"]
    other = unique("/en/")
    for url in [*variants, other]:
        fetch(front + url)
        assert fetch(front + url)[0] == "HIT"
    # From an address outside the ACL (127.0.0.2 is loopback too, but not listed): refused.
    assert purge(front, path, source="127.0.0.2") == 405
    assert fetch(front + path)[0] == "HIT"
    assert purge(front, path) == 200
    assert [fetch(front + url)[0] for url in variants] == ["MISS"] * 3
    assert fetch(front + other)[0] == "HIT"


def test_a_publish_is_visible_through_the_cache_at_once(stack, front, pages):
    _, env = stack
    path = next(p for p in pages if p.startswith("/en/literature-review/") and p.count("/") == 4)
    fetch(front + path)
    assert fetch(front + path)[0] == "HIT"
    title = f"Retitled {uuid.uuid4().hex[:8]}"
    shell(
        env,
        (
            "from wagtail.models import Page\n"
            f"page = Page.objects.get(url_path__endswith={json.dumps(path[3:])}, locale__language_code='en').specific\n"
            f"page.title = {json.dumps(title)}\n"
            "page.save_revision().publish()"
        ),
    )
    # Purged when the publish committed, by the process that published (site/core/purging.py),
    # not by the worker's repeat five seconds later: the very next request shows it.
    cache, _status, _headers, body = fetch(front + path)
    assert title.encode() in body, cache
