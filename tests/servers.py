"""A production-like server for tests that need a real one: `make serve`'s stack (gunicorn,
production settings, whitenoise's compressed, content-hashed static files) on a free loopback
port, against its own throw-away SQLite database holding the demo content.

It never touches the pytest-django test database (unlike `live_server`, which flushes it), so
the demo content the other tests rely on stays put.

    with production_like_server(tmp_path) as base_url:
        urllib.request.urlopen(base_url + "/en/")

Static files are collected into `tmp_path / "static"`.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")


class ServerDidNotStart(RuntimeError):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, headers=None, timeout=10):
    """(status, headers, body) of a GET; HTTP errors are returned, not raised."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def production_env(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pbr_site.settings.production",
        "SECRET_KEY": "production-like-server-test-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{Path(tmp_path) / 'db.sqlite3'}",
        "STATIC_ROOT": str(Path(tmp_path) / "static"),
        # Keep the demo loader's and migrations' INFO chatter out of the output.
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
    }
    env.pop("REDIS_URL", None)
    return env


# `manage.py migrate && manage.py createcachetable && manage.py load_demo_content`, in one process.
SET_UP_DATABASE = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("createcachetable", verbosity=0)
call_command("load_demo_content", verbosity=0)
"""


def _start(command, env):
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _finish(process):
    """Wait for a set-up command; its output is shown only if it fails."""
    output, _ = process.communicate()
    if process.returncode:
        raise ServerDidNotStart(
            f"{' '.join(map(str, process.args[1:]))} exited with {process.returncode}:\n"
            + output.decode(errors="replace")
        )


@contextlib.contextmanager
def production_like_server(tmp_path, workers=2, start_timeout=30):
    """Migrate a fresh SQLite database in tmp_path, load the demo content, collect static
    files, then serve `pbr_site.wsgi` with gunicorn (its output goes to tmp_path/gunicorn.log).
    Yields the base URL (`http://127.0.0.1:PORT`, no trailing slash); stops gunicorn on exit."""
    tmp_path = Path(tmp_path)
    env = production_env(tmp_path)
    # collectstatic needs no database, so it runs while the (slow) migrations do; migrate,
    # createcachetable and load_demo_content share one process, which saves two Django start-ups.
    collectstatic = _start([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    try:
        _finish(_start([sys.executable, "-c", SET_UP_DATABASE], env))
    finally:
        _finish(collectstatic)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    # A file, not a pipe: nobody reads a pipe while tests run, and a full one blocks gunicorn.
    log_path = tmp_path / "gunicorn.log"
    log = log_path.open("wb")
    server = subprocess.Popen(
        [str(GUNICORN), "pbr_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if server.poll() is not None:
                raise ServerDidNotStart("gunicorn exited:\n" + log_path.read_text(errors="replace"))
            try:
                get(base_url + "/robots.txt", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise ServerDidNotStart(
                        f"gunicorn did not answer within {start_timeout}s:\n" + log_path.read_text(errors="replace")
                    ) from None
                time.sleep(0.2)
        yield base_url
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()
