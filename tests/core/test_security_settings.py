"""Production settings and the headers real responses carry."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="pbr_site.settings.production",
        SECRET_KEY="x" * 20 + "a-long-random-production-secret-for-the-test-only",
        ALLOWED_HOSTS="pbr.example.org",
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="pbr_site.settings.production",
        SECRET_KEY="",
        ALLOWED_HOSTS="pbr.example.org",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_public_pages_forbid_inline_script(client):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def script_src(response):
    policy = directives(response["Content-Security-Policy"])
    return policy["script-src"]


def public_page_kinds(all_demo_pages):
    """Every live page, and the routable sub-pages and views readers reach from them."""
    from literature.models import BibliographyEntry, LiteratureIndexPage, ResourcePackPage, SectorTag

    urls = [page.url for page in all_demo_pages]
    entry = BibliographyEntry.objects.filter(live=True).order_by("pk").first()
    sector = SectorTag.objects.order_by("slug").first()
    for pack in ResourcePackPage.objects.live():
        urls += [
            pack.url + pack.reverse_subpage("entry", kwargs={"pk": entry.pk}),
            pack.url + "suggest/",
            f"{pack.url}?sector={sector.slug}",
        ]
    for review in LiteratureIndexPage.objects.live():
        urls.append(review.url + review.reverse_subpage("sector", kwargs={"slug": sector.slug}))
    return [*urls, "/en/search/?q=prison", "/cy/search/?q=carchar"]


@pytest.mark.django_db
def test_public_pages_run_only_same_origin_script_files_and_carry_no_nonce(client, all_demo_pages):
    """script-src 'self' and nothing else: every <script> on every kind of public page is a
    file from this site or JSON-LD data (never run), no inline event handler, no nonce."""
    urls = public_page_kinds(all_demo_pages)
    assert len(urls) > 20
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert script_src(response) == ["'self'"], url
        html = response.content.decode()
        assert "nonce" not in response["Content-Security-Policy"] and not re.search(r"\bnonce=", html), url
        for tag in re.findall(r"<script\b[^>]*>", html):
            src = re.search(r"""\ssrc=["']([^"']+)""", tag)
            if src:
                assert src.group(1).startswith("/") and not src.group(1).startswith("//"), (url, tag)
            else:
                assert 'type="application/ld+json"' in tag, (url, tag)
        handlers = re.findall(r"<[a-z][^>]*\son[a-z]+\s*=", html, flags=re.IGNORECASE)
        assert not handlers, (url, handlers)


@pytest.mark.django_db
def test_admin_gets_the_policy_wagtail_needs(admin_client):
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy


# --- Headers read from real responses: gunicorn under production settings ------------------

import gzip  # noqa: E402
import re  # noqa: E402
import urllib.request  # noqa: E402
from http.cookies import SimpleCookie  # noqa: E402

from tests.servers import get, production_like_server  # noqa: E402

HTTPS = {"X-Forwarded-Proto": "https"}  # as the TLS-terminating proxy says


@pytest.fixture(scope="module")
def served(tmp_path_factory, request):
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    cache_dir = cache.mkdir("production-like-server") if cache else None
    with production_like_server(tmp_path_factory.mktemp("headers"), cache_dir=cache_dir) as base_url:
        yield base_url


def directives(policy):
    """'a x y; b z' -> {"a": ["x", "y"], "b": ["z"]}"""
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def set_cookies(headers_list):
    cookies = SimpleCookie()
    for value in headers_list:
        cookies.load(value)
    return cookies


def raw_get(url, headers=None, data=None):
    """(status, headers as an email.message.Message (repeated Set-Cookie kept), body)."""
    request = urllib.request.Request(url, headers=headers or {}, data=data)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.slow
@pytest.mark.parametrize("accept_encoding", ["identity", "gzip"])
def test_public_page_headers_under_production_settings(served, accept_encoding):
    status, headers, body = get(served + "/en/", {**HTTPS, "Accept-Encoding": accept_encoding})
    assert status == 200
    if accept_encoding == "gzip":
        assert headers["Content-Encoding"] == "gzip"  # rendered pages too, not only cached ones
        body = gzip.decompress(body)
    else:
        assert "Content-Encoding" not in headers
    hsts = headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts and "preload" in hsts
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in permissions
    cache_control = {word.strip() for word in headers["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=0", "s-maxage=600", "stale-while-revalidate=30"}
    assert "Set-Cookie" not in headers

    csp = directives(headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no inline script, no nonce
    assert "'unsafe-inline'" not in csp["style-src"]
    scripts = re.findall(rb"<script\b[^>]*>", body)
    assert any(b" src=" in tag for tag in scripts), "the page loads its script"
    assert not re.search(rb"\bnonce=", body)


@pytest.mark.slow
def test_a_public_page_is_the_same_bytes_for_every_reader_under_production_settings(served):
    """What lets the HTTP cache in front give one copy to everyone: no per-response nonce,
    token or cookie, gzipped or not."""
    pages = [get(served + "/cy/", {**HTTPS, "Accept-Encoding": encoding}) for encoding in ("gzip", "gzip", "identity")]
    assert [status for status, _, _ in pages] == [200, 200, 200]
    bodies = [
        gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body for _, headers, body in pages
    ]
    assert bodies[0] == bodies[1] == bodies[2]
    assert len({headers["Content-Security-Policy"] for _, headers, _ in pages}) == 1


@pytest.mark.slow
def test_cookies_are_secure_and_http_only(served):
    # A form page sets the CSRF cookie ...
    status, headers, body = raw_get(served + "/en/self-assessment/", HTTPS)
    assert status == 200
    cookies = set_cookies(headers.get_all("Set-Cookie") or [])
    csrf = cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()

    # ... and starting a self-assessment starts a session.
    host = served.split("://", 1)[1]
    status, headers, _ = raw_get(
        served + "/en/self-assessment/start/",
        {
            **HTTPS,
            "Cookie": f"csrftoken={csrf.value}",
            "Origin": f"https://{host}",
            "Referer": f"https://{host}/en/self-assessment/",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        data=f"csrfmiddlewaretoken={token}".encode(),
    )
    assert status == 302, status
    session = set_cookies(headers.get_all("Set-Cookie") or [])["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert "no-store" in headers["Cache-Control"]


@pytest.mark.slow
def test_admin_sign_in_page_headers_under_production_settings(served):
    status, headers, body = get(served + "/admin/login/", HTTPS)
    assert status == 200
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in headers["Permissions-Policy"]
    csp = directives(headers["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'self'"]  # Wagtail's previews frame the admin
    assert csp["object-src"] == ["'none'"]
    assert "no-store" in headers["Cache-Control"] or "private" in headers["Cache-Control"]


@pytest.mark.slow
def test_plain_http_is_redirected_to_https_in_production(tmp_path):
    """The helper's server turns SSL redirects off (no TLS on loopback); check the production
    setting itself redirects, through Django's middleware, in a subprocess."""
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/en/', HTTP_HOST='pbr.example.org');"
        "print(r.status_code, r['Location'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "pbr_site.settings.production",
            "SECRET_KEY": "s" * 60,
            "ALLOWED_HOSTS": "pbr.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
            "SECURE_SSL_REDIRECT": "true",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["301", "https://pbr.example.org/en/"]


def test_two_factor_is_required_under_production_settings():
    result = run_manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.PBR_ADMIN_2FA_REQUIRED, "
        "settings.MIDDLEWARE.index('pbr_site.core.two_factor.AdminTwoFactorMiddleware') > "
        "settings.MIDDLEWARE.index('django_otp.middleware.OTPMiddleware'), settings.AXES_FAILURE_LIMIT)",
        DJANGO_SETTINGS_MODULE="pbr_site.settings.production",
        SECRET_KEY="s" * 60,
        ALLOWED_HOSTS="pbr.example.org",
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "5"]
