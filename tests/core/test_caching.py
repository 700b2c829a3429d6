"""Whole-page caching for anonymous readers (pbr_site/core/caching.py): used, and never stale,
never personal, never a form."""

import gzip
import re

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import ResolverMatch
from pbr_site.core import caching
from pbr_site.core.models import StandardPage

from literature.models import BibliographyEntry, DigestPage, GlossaryTerm, ResourcePackPage, SectorTag
from tests.literature import factories
from toolkit.models import SelfAssessmentPage, SuccessFactor


def cached(response):
    return response.get("X-Page-Cache") == "hit"


def without_nonces(response):
    return re.sub(r'nonce="[^"]*"', "", response.content.decode())


@pytest.mark.django_db
def test_a_second_anonymous_visit_is_served_from_the_cache(client, demo_page, django_assert_num_queries):
    page = demo_page(DigestPage, "cy")
    first = client.get(page.url)
    assert first.status_code == 200 and not cached(first)
    with django_assert_num_queries(0):
        second = client.get(page.url)
    assert cached(second)
    assert without_nonces(second) == without_nonces(first)
    cache_control = second["Cache-Control"]
    assert "public" in cache_control and "s-maxage=" in cache_control and "stale-while-revalidate=" in cache_control
    # The cached copy is served with every header the rendered one had.
    assert second["Content-Security-Policy"] and second["X-Frame-Options"] == "DENY"
    assert second["Content-Language"] == "cy"
    assert set(first.headers) <= set(second.headers)
    assert not second.cookies


@pytest.mark.django_db
def test_publishing_a_change_shows_at_once(client, demo_page):
    page = demo_page(StandardPage, "en")
    client.get(page.url)
    assert cached(client.get(page.url))
    page.intro = "A freshly published lead paragraph."
    page.save_revision().publish()
    response = client.get(page.url)
    assert not cached(response)
    assert "A freshly published lead paragraph." in response.content.decode()


@pytest.mark.django_db
def test_a_draft_is_not_shown_and_unpublishing_removes_the_page(client, demo_page):
    page = demo_page(StandardPage, "en")
    client.get(page.url)
    page.intro = "Only a draft so far."
    page.save_revision()
    assert "Only a draft so far." not in client.get(page.url).content.decode()
    page.unpublish()
    assert client.get(page.url).status_code == 404


@pytest.mark.django_db
def test_editing_an_entry_shown_on_a_digest_shows_at_once(client):
    entry = factories.entry(title="The original title of the study")
    digest = factories.digest(references=[(entry, "Webster 2015")])
    assert "The original title of the study" in client.get(digest.url).content.decode()
    assert cached(client.get(digest.url))
    entry = BibliographyEntry.objects.get(pk=entry.pk)
    entry.title = "The corrected title of the study"
    entry.save_revision().publish()
    text = client.get(digest.url).content.decode()
    assert "The corrected title of the study" in text and "The original title" not in text


@pytest.mark.django_db
def test_query_strings_are_keyed_in_full_and_in_any_order(client, demo_page):
    pack = demo_page(ResourcePackPage, "en")
    sectors = list(SectorTag.objects.order_by("slug")[:2])
    one = client.get(pack.url, {"sector": sectors[0].slug, "sort": "title"})
    other = client.get(pack.url, {"sector": sectors[1].slug, "sort": "title"})
    assert not cached(one) and not cached(other) and one.content != other.content
    same = client.get(f"{pack.url}?sort=title&sector={sectors[0].slug}")
    assert cached(same) and without_nonces(same) == without_nonces(one)


@pytest.mark.django_db
def test_a_signed_in_editor_never_gets_or_leaves_a_cached_page(client, admin_client, demo_page):
    page = demo_page(StandardPage, "en")
    client.get(page.url)
    assert cached(client.get(page.url))
    for _ in range(2):
        response = admin_client.get(page.url)
        assert response.status_code == 200 and not response.get("X-Page-Cache")
        assert "private" in response["Cache-Control"]
    # Nor is a page rendered for the editor stored for anyone else.
    page.intro = "Edited while an editor was reading."
    page.save_revision().publish()
    admin_client.get(page.url)
    anonymous = client.get(page.url)
    assert not cached(anonymous)


@pytest.mark.django_db
def test_pages_with_forms_are_never_cached(client, demo_page, django_assert_max_num_queries):
    landing = demo_page(SelfAssessmentPage, "en")
    suggest = demo_page(ResourcePackPage, "en").url + "suggest/"
    for url in (landing.url, suggest):
        client.get(url)
        response = client.get(url)
        assert response.status_code == 200 and 'name="csrfmiddlewaretoken"' in response.content.decode()
        assert not response.get("X-Page-Cache")
        assert "no-store" in response["Cache-Control"]


def test_a_response_that_used_a_csrf_token_is_never_stored():
    """Whatever its headers say: the token alone keeps it out of the cache."""
    calls = []

    def view(request):
        calls.append(1)
        return HttpResponse(f"<form><input value='{get_token(request)}'></form>", content_type="text/html")

    middleware = caching.AnonymousPageCacheMiddleware(view)
    for _ in range(2):
        request = RequestFactory().get("/en/a-page-with-a-form/")
        request.resolver_match = ResolverMatch(view, (), {}, url_name="wagtail_serve")
        response = middleware(request)
        assert not response.get("X-Page-Cache")
    assert len(calls) == 2


@pytest.mark.django_db
def test_visitors_with_a_session_or_messages_are_not_served_from_the_cache(client, demo_page):
    page = demo_page(StandardPage, "en")
    client.get(page.url)
    assert cached(client.get(page.url))
    client.cookies["messages"] = "anything"
    assert not cached(client.get(page.url))
    del client.cookies["messages"]
    client.cookies["sessionid"] = "anything"
    assert not cached(client.get(page.url))


@pytest.mark.django_db
def test_a_cached_page_never_replays_another_responses_nonce(client, demo_page):
    page = demo_page(StandardPage, "en")
    responses = [client.get(page.url) for _ in range(3)]
    assert [cached(r) for r in responses] == [False, True, True]
    body_nonces = [re.findall(r'nonce="([^"]+)"', r.content.decode()) for r in responses]
    header_nonces = [re.findall(r"'nonce-([^']+)'", r["Content-Security-Policy"]) for r in responses]
    for found, header in zip(body_nonces, header_nonces, strict=True):
        assert set(found) <= set(header)  # every nonce in the page is this response's own
    if body_nonces[0]:
        assert len({nonces[0] for nonces in body_nonces}) == 3
    assert caching.NONCE_PLACEHOLDER not in responses[1].content.decode() + responses[1]["Content-Security-Policy"]


@pytest.mark.django_db
def test_readers_who_accept_gzip_get_the_cached_page_compressed_with_a_nonce_of_its_own(client, demo_page):
    page = demo_page(DigestPage, "cy")
    plain = client.get(page.url)  # rendered and stored
    compressed = [client.get(page.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br") for _ in range(2)]
    seen = set()
    for response in compressed:
        assert cached(response) and response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        body = gzip.decompress(response.content).decode()  # checks the CRC and length too
        assert int(response["Content-Length"]) == len(response.content) < len(body) / 3
        in_body = re.findall(r'nonce="([^"]+)"', body)
        in_header = re.findall(r"'nonce-([^']+)'", response["Content-Security-Policy"])
        assert in_body and set(in_body) == set(in_header)
        seen.add(in_body[0])
        assert re.sub(r'nonce="[^"]*"', "", body) == without_nonces(plain)
    assert len(seen) == 2
    again = client.get(page.url)  # a reader who does not accept gzip: plain, from the cache
    assert cached(again) and "Content-Encoding" not in again and "Accept-Encoding" in again["Vary"]
    assert without_nonces(again) == without_nonces(plain)


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["glossary term", "success factor", "sector tag", "move", "delete"])
def test_changes_to_anything_pages_show_change_the_content_version(demo_page, change):
    before = caching.content_version()
    if change == "glossary term":
        term = GlossaryTerm.objects.first()
        term.short_definition += " (revised)"
        term.save()
    elif change == "success factor":
        factor = SuccessFactor.objects.first()
        factor.name += " (revised)"
        factor.save()
    elif change == "sector tag":
        tag = SectorTag.objects.first()
        tag.welsh_name += " (diwygiedig)"
        tag.save()
    elif change == "move":
        page = demo_page(StandardPage, "en")
        page.move(demo_page(ResourcePackPage, "en"), pos="last-child")
    else:
        demo_page(StandardPage, "en").delete()
    assert caching.content_version() != before


@pytest.mark.django_db
def test_answers_to_the_self_assessment_do_not_empty_the_cache(client, demo_page):
    page = demo_page(SelfAssessmentPage, "en")
    before = caching.content_version()
    client.post(page.url + "start/")
    assert caching.content_version() == before


def redis_url():
    import redis

    url = "redis://127.0.0.1:6379/4"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    return url


@pytest.mark.django_db
def test_with_redis_the_version_and_the_page_come_back_together(client, demo_page, settings,
                                                                django_assert_num_queries):
    import secrets

    from django.core.cache import caches

    backend = {"BACKEND": "pbr_site.core.caching.RedisCache", "LOCATION": redis_url(),
               "KEY_PREFIX": f"test-{secrets.token_hex(4)}", "TIMEOUT": 60}
    settings.CACHES = {**settings.CACHES, "pages": backend}
    caches["pages"].__dict__.pop("_cache", None)
    pages = caches["pages"]
    assert caching.version_cache() is pages
    assert pages._cache.get_client() is pages._cache.get_client()  # one client, reused
    page = demo_page(StandardPage, "en")
    client.get(page.url)
    with django_assert_num_queries(0):
        assert cached(client.get(page.url))
    page.intro = "Published while Redis held the old page."
    page.save_revision().publish()
    response = client.get(page.url)
    assert not cached(response) and "Published while Redis held the old page." in response.content.decode()


class Recorder:
    """A stand-in for Django's WSGI application: records what reaches it."""

    def __init__(self):
        self.paths = []

    def __call__(self, environ, start_response):
        self.paths.append(environ["PATH_INFO"])
        start_response("599 Reached Django", [("Content-Type", "text/plain")])
        return [b"Django"]


def call(application, request):
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=dict(headers))

    body = b"".join(application(request.environ, start_response))
    return started["status"], started["headers"], body


@pytest.mark.django_db
def test_the_wsgi_front_answers_stored_pages_before_django(client, demo_page):
    from pbr_site.core.caching import PageCacheApplication

    page = demo_page(DigestPage, "en")
    rendered = client.get(page.url)  # through Django: rendered and stored
    django = Recorder()
    front = PageCacheApplication(django)
    factory = RequestFactory()
    status, headers, body = call(front, factory.get(page.url, HTTP_ACCEPT_ENCODING="gzip, br"))
    assert django.paths == [] and status == "200 OK" and headers["X-Page-Cache"] == "hit"
    assert headers["Content-Encoding"] == "gzip" and int(headers["Content-Length"]) == len(body)
    html = gzip.decompress(body).decode()
    nonce = re.search(r"'nonce-([^']+)'", headers["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in html
    assert re.sub(r'nonce="[^"]*"', "", html) == without_nonces(rendered)
    # Every header the rendered page had, bar the cache's own.
    assert {name for name in rendered.headers if name != "X-Page-Cache"} <= set(headers)
    assert headers["Cache-Control"] == rendered["Cache-Control"] and "Accept-Encoding" in headers["Vary"]

    # Anything else goes to Django: a visitor with a session, a POST, a page not stored yet.
    session = factory.get(page.url)
    session.environ["HTTP_COOKIE"] = "sessionid=abc"
    for request in (session, factory.post(page.url), factory.get(page.url + "?page=2"), factory.get("/en/")):
        assert call(front, request)[0] == "599 Reached Django"
    assert len(django.paths) == 4


@pytest.mark.django_db
def test_the_wsgi_front_leaves_everything_to_django_when_the_cache_is_down(client, demo_page, monkeypatch):
    from pbr_site.core.caching import PageCacheApplication

    page = demo_page(StandardPage, "en")
    client.get(page.url)

    def broken(key):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(caching, "look_up", broken)
    django = Recorder()
    assert call(PageCacheApplication(django), RequestFactory().get(page.url))[0] == "599 Reached Django"
    assert client.get(page.url).status_code == 200  # and Django serves it without the cache


@pytest.mark.django_db
def test_the_wsgi_front_hands_django_the_environ_as_the_server_gave_it():
    from django.core.handlers.wsgi import get_path_info
    from pbr_site.core.caching import PageCacheApplication

    seen = []

    def django(environ, start_response):
        seen.append(get_path_info(environ))  # fails if the front had decoded PATH_INFO in place
        start_response("404 Not Found", [])
        return [b""]

    request = RequestFactory().get("/")
    request.environ["PATH_INFO"] = "/cy/ŵyl/".encode().decode("latin-1")  # as a WSGI server passes it
    assert call(PageCacheApplication(django), request)[0] == "404 Not Found"
    assert seen == ["/cy/ŵyl/"]


@pytest.mark.parametrize(("accept_encoding", "gzipped"), [
    ("gzip, deflate, br", True), ("br;q=1.0, gzip;q=0.8", True), ("GZIP", True), ("x-gzip", True),
    ("", False), ("identity", False), ("br", False), ("gzip;q=0", False), ("gzip; q=0.000, br", False),
    ("deflate, gzip;q=0.0", False),
])
def test_gzip_only_for_readers_who_accept_it(accept_encoding, gzipped):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept_encoding)
    assert caching.accepts_gzip(request) is gzipped
