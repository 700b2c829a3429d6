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
import hashlib
import importlib.metadata
import os
import shutil
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


# `manage.py migrate && manage.py createcachetable && manage.py load_demo_content`, in one process
# (which saves two Django start-ups). With SAVE_MIGRATED_DATABASE set, the freshly migrated,
# still empty database is copied there before the demo content goes in.
SET_UP_DATABASE = """
import os, shutil
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.db import connection
call_command("migrate", interactive=False, verbosity=0)
save_to = os.environ.get("SAVE_MIGRATED_DATABASE")
if save_to:
    connection.close()
    partial = f"{save_to}.{os.getpid()}.partial"
    shutil.copyfile(settings.DATABASES["default"]["NAME"], partial)
    os.replace(partial, save_to)
call_command("createcachetable", verbosity=0)
call_command("load_demo_content", verbosity=0)
save_loaded_to = os.environ.get("SAVE_LOADED_DATABASE")
if save_loaded_to:
    connection.close()
    partial = f"{save_loaded_to}.{os.getpid()}.partial"
    shutil.copyfile(settings.DATABASES["default"]["NAME"], partial)
    os.replace(partial, save_loaded_to)
"""


def migrations_key():
    """Changes whenever the migrations that `migrate` would apply may have: the project's
    migration files and settings, and the installed packages (Wagtail's migrations, ...)."""
    digest = hashlib.sha256(sys.version.encode())
    files = sorted(
        {*ROOT.glob("*/migrations/*.py"), *ROOT.glob("*/*/migrations/*.py"), *ROOT.glob("site/settings/*.py")}
    )
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    for dist in sorted({f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()}):
        digest.update(dist.encode())
    return digest.hexdigest()[:16]


def demo_content_key():
    """Changes whenever what `load_demo_content` writes may have: the migrations key and every
    source file of the project's apps (the loaders, the demo content, the models and blocks)."""
    digest = hashlib.sha256(migrations_key().encode())
    for folder in ("site", "literature", "toolkit", "search"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _start(command, env):
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _finish(process, what):
    """Wait for a set-up command; its output is shown only if it fails."""
    output, _ = process.communicate()
    if process.returncode:
        raise ServerDidNotStart(f"{what} exited with {process.returncode}:\n" + output.decode(errors="replace"))


@contextlib.contextmanager
def production_like_server(tmp_path, *, cache_dir=None, workers=2, start_timeout=30, extra_env=None):
    """Migrate a fresh SQLite database in tmp_path, load the demo content, collect static
    files, then serve `pbr_site.wsgi` with gunicorn (its output goes to tmp_path/gunicorn.log).
    Yields the base URL (`http://127.0.0.1:PORT`, no trailing slash); stops gunicorn on exit.
    extra_env is added to the servers' environment (e.g. FRONTEND_CACHE_URL).

    Running Wagtail's and the project's 200-odd migrations takes most of the set-up time. Given
    cache_dir (e.g. `request.config.cache.mkdir(...)`, inside .pytest_cache), the migrated empty
    database is kept there under a key of the migrations, settings and installed packages, and
    later runs start from a copy of it (`migrate` still runs, and finds nothing to do)."""
    tmp_path = Path(tmp_path)
    env = {**production_env(tmp_path), **(extra_env or {})}
    loaded = None
    if cache_dir is not None:
        template = Path(cache_dir) / f"migrated-{migrations_key()}.sqlite3"
        # The database with the demo content loaded as well: a test run's first server makes
        # it, every later one starts from a copy (loading the demo takes most of a start-up).
        loaded = Path(cache_dir) / f"loaded-{demo_content_key()}.sqlite3"
        if loaded.exists():
            shutil.copyfile(loaded, tmp_path / "db.sqlite3")
        else:
            for stale in Path(cache_dir).glob("loaded-*.sqlite3"):
                stale.unlink(missing_ok=True)
            env["SAVE_LOADED_DATABASE"] = str(loaded)
            if template.exists():
                shutil.copyfile(template, tmp_path / "db.sqlite3")
            else:
                for stale in Path(cache_dir).glob("migrated-*.sqlite3"):
                    stale.unlink(missing_ok=True)
                env["SAVE_MIGRATED_DATABASE"] = str(template)
    collected = Path(cache_dir) / f"static-{static_files_key()}" if cache_dir is not None else None
    set_up_site(env, load=("SAVE_LOADED_DATABASE" in env or loaded is None), collected=collected)
    env.pop("SAVE_LOADED_DATABASE", None)
    env.pop("SAVE_MIGRATED_DATABASE", None)
    port = free_port()
    with application_servers(env, [port], tmp_path / "gunicorn.log", workers=workers, start_timeout=start_timeout):
        yield f"http://127.0.0.1:{port}"


def static_files_key():
    """Changes whenever collectstatic's output may have: the settings and installed packages
    (migrations_key) and the project's own static files."""
    digest = hashlib.sha256(migrations_key().encode())
    for path in sorted((ROOT / "site" / "static").rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def set_up_site(env, *, load=True, collected=None):
    """collectstatic, and (if load) migrate + createcachetable + load_demo_content, for env's
    DATABASE_URL and STATIC_ROOT. collectstatic needs no database, so it runs while the (slow)
    migrations do; the other three share one process, which saves two Django start-ups.
    `collected`: a folder keeping collectstatic's output (its compressed, hashed files take
    a dozen CPU-seconds to make) for the next server, which copies it instead.

    Without FRONTEND_CACHE_URL: no HTTP cache runs yet, and the loader's publishes would queue
    repeat purges that the worker then sends while the tests run, emptying Varnish under them."""
    env = {**env, "FRONTEND_CACHE_URL": ""}
    static_root = Path(env["STATIC_ROOT"])
    collectstatic = None
    if collected is not None and collected.is_dir():
        shutil.copytree(collected, static_root, dirs_exist_ok=True)
    else:
        collectstatic = _start([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    try:
        if load:
            _finish(
                _start([sys.executable, "-c", SET_UP_DATABASE], env), "migrate, createcachetable and load_demo_content"
            )
    finally:
        if collectstatic is not None:
            _finish(collectstatic, "collectstatic")
            if collected is not None:
                for stale in collected.parent.glob("static-*"):
                    shutil.rmtree(stale, ignore_errors=True)
                partial = collected.with_name(f"{collected.name}.{os.getpid()}.partial")
                shutil.copytree(static_root, partial)
                partial.rename(collected)


@contextlib.contextmanager
def application_servers(env, ports, log_path, *, workers=2, start_timeout=30):
    """`make serve`'s application side: one gunicorn per port (each its own server, as on
    separate machines) and one tasks worker, all on env's database, their output in log_path.
    Returns once every gunicorn answers; stops them all on exit."""
    log_path = Path(log_path)
    # A file, not a pipe: nobody reads a pipe while tests run, and a full one blocks gunicorn.
    log = log_path.open("ab")
    processes = []
    try:
        servers = [
            subprocess.Popen(
                [str(GUNICORN), "pbr_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            for port in ports
        ]
        processes.extend(servers)
        # The background worker `make serve` starts beside gunicorn (imports, the review PDFs,
        # Wagtail's own deferred tasks such as cache purges), with its output in the same log.
        processes.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        for server, port in zip(servers, ports, strict=True):
            deadline = time.monotonic() + start_timeout
            while True:
                if server.poll() is not None:
                    raise ServerDidNotStart("gunicorn exited:\n" + log_path.read_text(errors="replace"))
                try:
                    get(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise ServerDidNotStart(
                            f"gunicorn did not answer within {start_timeout}s:\n" + log_path.read_text(errors="replace")
                        ) from None
                    time.sleep(0.2)
        yield
    finally:
        _stop(processes)
        log.close()


WAIT_FOR_TASKS = """import django
django.setup()
import sys, time
from django_tasks_db.models import DBTaskResult

deadline = time.monotonic() + float(sys.argv[1])
while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
    if time.monotonic() > deadline:
        sys.exit("the tasks worker did not finish the set-up's tasks in time")
    time.sleep(0.2)
"""


def wait_for_tasks(env, timeout=300):
    """Wait until the tasks worker has done every queued task (the set-up's index updates and
    review PDFs): a purge the worker sends when one finishes would otherwise empty Varnish
    while a test reads it."""
    subprocess.run([sys.executable, "-c", WAIT_FOR_TASKS, str(timeout)], cwd=ROOT, env=env, check=True)


def _stop(processes):
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- Varnish in front (site/varnish/pbr.vcl) ---------------------------------------------------
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VARNISH_VCL = ROOT / "site" / "varnish" / "pbr.vcl"


def varnish_vcl(backend_ports, host="127.0.0.1"):
    """The top VCL for application servers on these ports: what `make serve` writes for one
    (a default backend), or a round-robin director over several. The rules are pbr.vcl's."""
    lines = ["vcl 4.1;"]
    if len(backend_ports) == 1:
        lines.append(f'backend default {{ .host = "{host}"; .port = "{backend_ports[0]}"; }}')
    else:
        lines.append("import directors;")
        lines += [f'backend app{n} {{ .host = "{host}"; .port = "{port}"; }}' for n, port in enumerate(backend_ports)]
        lines.append("sub vcl_init {\n    new apps = directors.round_robin();")
        lines += [f"    apps.add_backend(app{n});" for n in range(len(backend_ports))]
        lines.append("}")
        # Runs before pbr.vcl's vcl_recv (Varnish joins subroutines of the same name in order).
        lines.append("sub vcl_recv {\n    set req.backend_hint = apps.backend();\n}")
    lines.append(f'include "{VARNISH_VCL}";')
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def varnish(workdir, backend_ports, *, port=None, storage="64m", start_timeout=20):
    """Debian's varnishd in the foreground with the repository's VCL in front of the given
    application servers, on `port` (a free one unless given). Its working directory and log
    are in workdir. Yields the base URL; stops Varnish on exit.

    `-j none`: Varnish runs as whoever starts it (also root, as in CI), so it can read the
    VCL wherever the checkout and workdir are."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    vcl = workdir / "default.vcl"
    vcl.write_text(varnish_vcl(backend_ports))
    log_path = workdir / "varnish.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        [
            VARNISHD,
            "-F",
            "-j",
            "none",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-n",
            str(workdir / "varnish"),
            "-s",
            f"malloc,{storage}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if process.poll() is not None:
                raise ServerDidNotStart("varnishd exited:\n" + log_path.read_text(errors="replace"))
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise ServerDidNotStart(
                        f"varnishd did not listen within {start_timeout}s:\n" + log_path.read_text(errors="replace")
                    ) from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop([process])
        log.close()
