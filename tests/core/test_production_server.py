"""`make serve`'s stack for real: gunicorn, production settings, whitenoise's compressed,
hashed static files. Runs against its own throw-away SQLite database on loopback."""

import re

import pytest

from tests.servers import get, production_like_server


@pytest.fixture(scope="module")
def production_server(tmp_path_factory, request):
    tmp = tmp_path_factory.mktemp("serve")
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    cache_dir = cache.mkdir("production-like-server") if cache else None
    with production_like_server(tmp, cache_dir=cache_dir) as base_url:
        yield base_url, tmp / "static"


@pytest.mark.slow
def test_gunicorn_serves_a_page(production_server):
    base, _ = production_server
    status, headers, body = get(base + "/en/", {"X-Forwarded-Proto": "https"})
    assert status == 200
    assert b"Is payment by results right for your service?" in body
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert "Content-Security-Policy" in headers


@pytest.mark.slow
def test_whitenoise_serves_hashed_compressed_static_files(production_server):
    base, static_root = production_server
    status, _, body = get(base + "/en/", {"X-Forwarded-Proto": "https"})
    css_url = re.search(rb'href="(/static/css/main\.[0-9a-f]{12}\.css)"', body)
    assert css_url, "the page must link the content-hashed stylesheet"
    status, headers, css = get(base + css_url.group(1).decode(), {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert list((static_root / "css").glob("main.*.css.gz"))


@pytest.mark.slow
def test_an_address_in_welsh_letters_is_answered_not_failed(production_server):
    base, _ = production_server
    status, _, _ = get(base + "/cy/%C5%B5yl-ddim-yn-bod/", {"X-Forwarded-Proto": "https"})  # /cy/ŵyl-ddim-yn-bod/
    assert status == 404


@pytest.mark.slow
def test_a_content_type_header_django_cannot_read_is_a_400_not_a_500(production_server):
    """pbr_site.wsgi wraps Django's application in ContentTypeCheck (core/charset.py)."""
    import urllib.error
    import urllib.request

    base, _ = production_server
    request = urllib.request.Request(
        base + "/en/search/",
        data=b"q=x",
        method="POST",
        headers={"X-Forwarded-Proto": "https", "Content-Type": "application/x-www-form-urlencoded; charset*=bogus''x"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 400
    assert b"Sorry, we could not read what was sent" in refused.value.read()
