"""More than one machine, on one: two gunicorn application servers on one PostgreSQL database
and one Redis, a tasks worker, and one Varnish with both as backends (round robin), as the
README's "Running on more than one machine" lays out. Needs PostgreSQL on 127.0.0.1:5432 (user
postgres) and Redis on 127.0.0.1:6379; uses its own database (pbr_two_servers, made afresh) and
its own Redis database (7)."""

import json
import os
import re
import subprocess
import sys
import time
import uuid

import psycopg
import pytest
import redis

from tests.servers import (
    ROOT,
    application_servers,
    free_port,
    get,
    production_env,
    set_up_site,
    varnish,
    wait_for_tasks,
)

pytestmark = pytest.mark.slow
POSTGRES = os.environ.get("TWO_SERVERS_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
DATABASE = "pbr_two_servers"
REDIS_URL = "redis://127.0.0.1:6379/7"


@pytest.fixture(scope="module")
def layout(tmp_path_factory):
    """(Varnish's URL, [each application server's URL], the servers' environment)."""
    tmp = tmp_path_factory.mktemp("two-servers")
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    redis.Redis.from_url(REDIS_URL).flushdb()
    front_port, ports = free_port(), [free_port(), free_port()]
    env = {
        **production_env(tmp),
        "DATABASE_URL": f"{POSTGRES}/{DATABASE}".replace("postgresql://", "postgres://", 1),
        "REDIS_URL": REDIS_URL,
        "FRONTEND_CACHE_URL": f"http://127.0.0.1:{front_port}",
    }
    set_up_site(env)
    try:
        with (
            application_servers(env, ports, tmp / "gunicorn.log"),
            varnish(tmp / "varnish", ports, port=front_port) as front,
        ):
            wait_for_tasks(env)
            yield front, [f"http://127.0.0.1:{port}" for port in ports], env
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        redis.Redis.from_url(REDIS_URL).flushdb()


def title_of(body):
    return re.search(rb"<title>(.*?)</title>", body, re.S).group(1).decode()


def test_a_publish_on_one_server_is_visible_through_the_proxy_and_on_the_other_at_once(layout):
    front, (one, two), env = layout
    path = "/en/about/"
    for server in (front, one, two):
        status, _, body = get(server + path)
        assert status == 200 and "Renamed" not in title_of(body)
    # Stored in Varnish, whichever server rendered it.
    assert get(front + path)[1]["X-Cache"] == "HIT"

    title = f"Renamed {uuid.uuid4().hex[:8]}"
    # An editor's publish, in a process with the application servers' settings: it writes to
    # the shared database and Redis and queues Wagtail's purge for the tasks worker.
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from wagtail.models import Page\n"
            "page = Page.objects.get(url_path__endswith='/about/', locale__language_code='en').specific\n"
            f"page.title = {json.dumps(title)}\n"
            "page.save_revision().publish()",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    # Both application servers read the new title on their next request: nothing is kept per process.
    for server in (one, two):
        assert title in title_of(get(server + path)[2])
    # Varnish drops its copy when the worker sends Wagtail's PURGE (it polls every 0.2 s).
    deadline = time.monotonic() + 5
    while title not in title_of(body := get(front + path)[2]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert title in title_of(body)
