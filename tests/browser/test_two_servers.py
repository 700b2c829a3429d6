"""More than one machine, on one: two gunicorn application servers on one PostgreSQL database
and one Redis, a tasks worker, and one Varnish with both as backends (round robin), as the
README's "Running on more than one machine" lays out. A Moderator publishes in the admin of one
server, in Chromium; the page is new through the proxy and on the other server at once. Needs
PostgreSQL on 127.0.0.1:5432 (user postgres) and Redis on 127.0.0.1:6379; uses its own database
(pbr_two_servers, made afresh) and its own Redis database (7)."""

import json
import os
import re
import secrets
import uuid

import psycopg
import pytest
import redis
from playwright.sync_api import expect

from tests.servers import (
    application_servers,
    free_port,
    get,
    production_env,
    set_up_site,
    varnish,
    wait_for_tasks,
)

from .conftest import MAKE_EDITOR_AND_MODERATOR, enrol_and_sign_in, enrolment_link, run_on_server

pytestmark = [pytest.mark.slow, pytest.mark.browser]
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


ABOUT_PAGE = """
import json
import django
django.setup()
from wagtail.models import Page
page = Page.objects.get(url_path__endswith="/about/", locale__language_code="en")
print(json.dumps({"id": page.pk, "path": page.url}))
"""


def test_a_publish_on_one_server_is_visible_through_the_proxy_and_on_the_other_at_once(browser, layout):
    front, (one, two), env = layout
    password = secrets.token_urlsafe(16)
    run_on_server(
        env, "-c", MAKE_EDITOR_AND_MODERATOR, extra_env={"PASSWORD_EDITOR": password, "PASSWORD_MODERATOR": password}
    )
    about = json.loads(run_on_server(env, "-c", ABOUT_PAGE).strip().splitlines()[-1])
    path = about["path"]
    for server in (front, one, two):
        status, _, body = get(server + path)
        assert status == 200 and "Renamed" not in title_of(body)
    # Stored in Varnish, whichever server rendered it.
    assert get(front + path)[1]["X-Cache"] == "HIT"

    # The Moderator signs in on the first server's admin and publishes a new title there.
    title = f"Renamed {uuid.uuid4().hex[:8]}"
    context, moderator = enrol_and_sign_in(
        browser, one, enrolment_link(env, "moderator"), "moderator", password, timeout=60_000
    )
    try:
        moderator.goto(f"/admin/pages/{about['id']}/edit/")
        moderator.get_by_label(re.compile(r"^Title\*?$")).fill(title)
        footer = moderator.get_by_role("navigation", name="Actions (footer)")
        footer.get_by_role("button", name="More actions").click()
        with moderator.expect_navigation():
            footer.get_by_role("button", name="Publish").click()
        expect(moderator.locator(".messages li").first).to_contain_text("has been published")
    finally:
        context.close()

    # At once, with no waiting: the first server purged Varnish when the publish committed, and
    # neither server keeps pages of its own.
    assert title in title_of(get(two + path)[2])
    assert title in title_of(get(one + path)[2])
    assert title in title_of(get(front + path)[2])
