"""`make serve`'s stack for real: gunicorn, production settings, whitenoise's compressed,
hashed static files. Runs against its own throw-away SQLite database on loopback."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pbr_site.settings.production",
        "SECRET_KEY": "production-server-test-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, "manage.py"]
    for args in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["load_demo_content", "-v0"],
                 ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([*manage, *args], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [str(GUNICORN), "pbr_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                get(base + "/robots.txt")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start:\n" + server.stdout.read1().decode())
        yield base, tmp / "static"
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


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
    assert (static_root / "css").glob("main.*.css.gz")
