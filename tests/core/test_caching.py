"""Standard HTTP caching (core/middleware.py): public pages say a shared cache may keep them
and are the same bytes for every anonymous reader; nothing personal, no form, no search is
ever public; pages are gzipped for readers who accept it. Nothing in Django keeps a rendered
page, so a publish shows at once (the cache in front is purged: core/purging.py)."""

import gzip

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import Client, RequestFactory
from django.urls import ResolverMatch
from pbr_site.core.middleware import PublicPageCacheHeadersMiddleware
from pbr_site.core.models import GetInvolvedPage, HomePage, StandardPage

from literature.models import BibliographyEntry, DigestPage, ResourcePackPage, SectorTag
from tests.literature import factories
from tests.toolkit.fixtures import build_assessment
from tests.toolkit.test_journey import take
from toolkit.models import SelfAssessmentPage

PUBLIC = {"public", "max-age=0", "s-maxage=600", "stale-while-revalidate=30"}


def cache_control(response):
    return {word.strip() for word in response.get("Cache-Control", "").split(",") if word.strip()}


def body(response):
    """The page as the reader's browser sees it, gunzipped if need be."""
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(response.content)
    return response.content


def is_public(response):
    words = cache_control(response)
    return "public" in words or any(word.startswith("s-maxage") for word in words)


def public_page_urls(demo_page):
    pack = demo_page(ResourcePackPage, "en")
    entry = BibliographyEntry.objects.filter(live=True).order_by("pk").first()
    sector = SectorTag.objects.order_by("slug").first()
    return {
        "the English home page": demo_page(HomePage, "en").url,
        "a Welsh digest": demo_page(DigestPage, "cy").url,
        "the Welsh pack": demo_page(ResourcePackPage, "cy").url,
        "a pack entry page (a routable sub-page)": pack.url + pack.reverse_subpage("entry", kwargs={"pk": entry.pk}),
        "the pack filtered by sector": f"{pack.url}?sector={sector.slug}",
    }


@pytest.mark.django_db
def test_public_pages_may_be_kept_by_a_shared_cache_and_are_the_same_for_every_reader(demo_page):
    for what, url in public_page_urls(demo_page).items():
        readers = [Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br"), Client()]
        first, second = (reader.get(url) for reader in readers)
        assert first.status_code == second.status_code == 200, what
        assert cache_control(first) == cache_control(second) == PUBLIC, (what, first.get("Cache-Control"))
        assert body(first) == body(second), f"{what}: not the same bytes for two anonymous readers"
        assert not first.cookies and not second.cookies, what
        assert "cookie" not in first.get("Vary", "").lower(), what
        assert first["Content-Security-Policy"] == second["Content-Security-Policy"], what


@pytest.mark.django_db
def test_a_page_asked_for_by_another_spelling_of_its_address_is_not_kept(client, demo_page):
    """A purge names the page's address as Django writes it; a copy stored under another
    spelling would never be purged, so only the address as written (hex in either case, as
    the cache in front compares) is marked for keeping. RAW_URI: the request line as gunicorn
    received it."""
    welsh = demo_page(DigestPage, "cy")
    welsh.slug = "ŵyl-y-dystiolaeth"
    welsh.save_revision().publish()
    canonical = welsh.url.replace("ŵ", "%C5%B5")
    english = demo_page(DigestPage, "en").url
    spelt = {
        english: True,
        english + "?sort=title": True,
        english.replace("/en/", "/%65n/"): False,  # an "e" percent-encoded
        canonical: True,
        canonical.replace("%C5%B5", "%c5%b5"): True,  # the cache in front ignores case
        welsh.url.encode().decode("latin-1"): False,  # its Welsh letters as raw UTF-8 bytes
        "http://localhost" + english: True,  # the absolute form of a request line
    }
    for sent, kept in spelt.items():
        path = welsh.url if "yl-y" in sent else english
        response = client.get(path, RAW_URI=sent)
        assert response.status_code == 200, sent
        assert is_public(response) is kept, sent


@pytest.mark.django_db
def test_an_entry_page_has_one_address(client, demo_page):
    """A publish purges an entry's page by its number as written (entry/7/): the same number
    with a leading zero is no address of it, so no copy of it can outlive a publish."""
    pack = demo_page(ResourcePackPage, "en")
    entry = BibliographyEntry.objects.filter(live=True).order_by("pk").first()
    address = pack.url + pack.reverse_subpage("entry", kwargs={"pk": entry.pk})
    assert address.endswith(f"/entry/{entry.pk}/") and client.get(address).status_code == 200
    assert client.get(address.replace(f"/entry/{entry.pk}/", f"/entry/0{entry.pk}/")).status_code == 404
    assert client.get(address.replace(f"/entry/{entry.pk}/", "/entry/٣/")).status_code == 404


@pytest.mark.django_db
def test_the_shared_cache_lifetimes_come_from_the_settings(client, demo_page, settings):
    settings.PBR_PAGE_S_MAXAGE = 120
    settings.PBR_PAGE_STALE_WHILE_REVALIDATE = 15
    response = client.get(demo_page(StandardPage, "en").url)
    assert cache_control(response) == {"public", "max-age=0", "s-maxage=120", "stale-while-revalidate=15"}


@pytest.mark.django_db
def test_a_head_request_gets_the_same_headers_and_no_body(client, demo_page):
    url = demo_page(DigestPage, "cy").url
    head, get = client.head(url), client.get(url)
    assert head.status_code == 200 and head.content == b""
    assert cache_control(head) == cache_control(get) == PUBLIC
    assert head["Content-Type"] == get["Content-Type"] and head["Content-Language"] == "cy"


@pytest.mark.django_db
def test_a_signed_in_user_or_a_visitor_with_a_session_never_gets_a_public_page(client, admin_client, editor, demo_page):
    url = demo_page(StandardPage, "en").url
    assert is_public(client.get(url))  # the same page, anonymous
    editor_client = Client()
    editor_client.force_login(editor)
    for who, browser in (("a superuser", admin_client), ("an editor", editor_client)):
        response = browser.get(url)
        assert response.status_code == 200 and not is_public(response), (who, response.get("Cache-Control"))
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"
    assert not is_public(with_session.get(url))


@pytest.mark.django_db
def test_forms_the_self_assessment_results_and_searches_are_never_public(demo_page):
    pack = demo_page(ResourcePackPage, "en")
    assessment = demo_page(SelfAssessmentPage, "en")
    visitor = Client()
    started = visitor.post(assessment.url + "start/")
    assert started.status_code == 302
    urls = {
        "the self-assessment landing page": (Client(), assessment.url),
        "the self-assessment journey": (visitor, started["Location"]),
        "the suggestion form": (Client(), pack.url + "suggest/"),
        "the get involved form": (Client(), demo_page(GetInvolvedPage, "en").url),
        "the site search": (Client(), "/en/search/?q=prison"),
        "the Welsh site search": (Client(), "/cy/search/?q=carchar"),
        "a search of the pack": (Client(), pack.url + "?q=prison"),
    }
    for what, (browser, url) in urls.items():
        response = browser.get(url)
        assert response.status_code == 200, what
        assert not is_public(response) and "no-store" in cache_control(response), (what, response["Cache-Control"])


@pytest.mark.django_db
def test_a_self_assessment_result_is_never_public():
    assessment = build_assessment()
    response, _done = take(Client(), assessment, objectives="one", compared="no", safeguards=["none"])
    # Opened from its link by someone else, without the session that took it.
    result = Client().get(assessment.url + f"result/{response.share_token}/")
    assert result.status_code == 200
    assert not is_public(result) and "no-store" in cache_control(result)


@pytest.mark.django_db
def test_other_answers_are_left_as_they_are(client):
    missing = client.get("/en/no-such-page/")
    assert missing.status_code == 404 and not is_public(missing)
    assert cache_control(client.get("/robots.txt")) == {"max-age=3600", "public"}  # its own header, untouched


def through_middleware(view):
    """A response to an anonymous GET of a Wagtail page from `view`, through the session and
    CSRF middleware and PublicPageCacheHeadersMiddleware above them, as settings.MIDDLEWARE
    places them."""
    request = RequestFactory().get("/en/a-page/")
    request.resolver_match = ResolverMatch(view, (), {}, url_name="wagtail_serve")
    return PublicPageCacheHeadersMiddleware(SessionMiddleware(CsrfViewMiddleware(view)))(request)


def test_a_page_that_used_a_csrf_token_or_read_the_session_is_never_public():
    def plain(request):
        return HttpResponse("<p>The same for everyone</p>", content_type="text/html")

    def with_form(request):
        return HttpResponse(f"<form><input value='{get_token(request)}'></form>", content_type="text/html")

    def reads_the_session(request):
        return HttpResponse(f"<p>{request.session.get('name', 'Welcome')}</p>", content_type="text/html")

    def sets_a_cookie(request):
        response = HttpResponse("<p>Hello</p>", content_type="text/html")
        response.set_cookie("seen", "1")
        return response

    assert cache_control(through_middleware(plain)) == PUBLIC
    for view in (with_form, reads_the_session, sets_a_cookie):
        assert not is_public(through_middleware(view)), view.__name__


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_encoding", "gzipped"),
    [
        ("gzip", True),
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.8", True),
        ("", False),
        ("identity", False),
        ("br", False),
        ("gzip;q=0", False),
        ("gzip; q=0.000, br", False),
        ("deflate, gzip;q=0.0", False),
    ],
)
def test_rendered_pages_are_gzipped_only_for_readers_who_accept_it(client, demo_page, accept_encoding, gzipped):
    url = demo_page(DigestPage, "cy").url
    plain = client.get(url)
    response = client.get(url, HTTP_ACCEPT_ENCODING=accept_encoding)
    assert response.status_code == 200
    assert "Accept-Encoding" in response["Vary"]
    assert (response.get("Content-Encoding") == "gzip") is gzipped
    if gzipped:
        assert len(response.content) < len(plain.content) / 3
    assert body(response) == plain.content


# --- never stale: nothing in Django keeps a page ---------------------------------------------
@pytest.mark.django_db
def test_publishing_a_change_shows_at_once(client, demo_page):
    page = demo_page(StandardPage, "en")
    client.get(page.url)
    page.intro = "A freshly published lead paragraph."
    page.save_revision().publish()
    assert "A freshly published lead paragraph." in client.get(page.url).content.decode()


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
    entry = BibliographyEntry.objects.get(pk=entry.pk)
    entry.title = "The corrected title of the study"
    entry.save_revision().publish()
    text = client.get(digest.url).content.decode()
    assert "The corrected title of the study" in text and "The original title" not in text
