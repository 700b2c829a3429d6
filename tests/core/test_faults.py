"""Faults put into the running site, and the page a visitor gets for each: Redis down, Redis
hanging, the database refusing connections, no disk space for an upload. Every public page in
English and Welsh keeps working without Redis; without the database it says so (503) in the
visitor's language; a full disk says nothing was saved (507) and leaves nothing behind."""

import errno
import io
import logging
import socket
import threading

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from pbr_site.core import redis_cache
from pbr_site.core.storage import UploadStorage
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from literature.models import DigestPage, ResourcePackPage
from toolkit.models import SelfAssessmentPage

SEARCH_WORDS = {"en": "prison", "cy": "carchar"}


def public_pages(demo_page, language):
    """(what, address) of each public page a visitor reaches, in one language."""
    return [
        ("home", f"/{language}/"),
        ("a digest", demo_page(DigestPage, language).url),
        ("the pack", demo_page(ResourcePackPage, language).url),
        ("search", f"/{language}/search/?q={SEARCH_WORDS[language]}"),
        ("the self-assessment start", demo_page(SelfAssessmentPage, language).url),
        ("the sitemap", "/sitemap.xml"),
        ("robots.txt", "/robots.txt"),
    ]


def visitor(language):
    """A browser as a real server would answer it: an exception is the page the visitor gets,
    not a failed test."""
    return Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=language)


# --- Redis -------------------------------------------------------------------------------
def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


def redis_caches(port, **options):
    """The shared cache on a Redis at this port, with the real backend and production's options."""
    from pbr_site.settings.base import REDIS_OPTIONS

    return {
        "default": {
            "BACKEND": "pbr_site.core.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/9",
            "KEY_PREFIX": "pbr",
            "OPTIONS": {**REDIS_OPTIONS, **options},
        }
    }


@pytest.fixture(autouse=True)
def redis_not_paused():
    redis_cache._paused_until.clear()
    yield
    redis_cache._paused_until.clear()


class HangingRedis:
    """A server that accepts connections and never answers, as a Redis stuck on a full disk or
    a stopped process does. It lets go of them only when the test ends (or after a minute, so a
    client with no time-out fails the test instead of hanging it)."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.accepted = []
        self.released = threading.Event()
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        self.server.settimeout(0.1)
        while not self.released.is_set():
            try:
                conn, _ = self.server.accept()
            except OSError:
                continue
            self.accepted.append(conn)
        for conn in self.accepted:
            conn.close()
        self.server.close()

    def close(self):
        self.released.set()


@pytest.fixture
def hanging_redis():
    server = HangingRedis()
    threading.Timer(60, server.close).start()
    yield server
    server.close()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_with_redis_down_every_public_page_works(demo_page, language, caplog):
    pages = public_pages(demo_page, language)
    # retry_after=0: every request asks the dead Redis again, and must still be answered.
    with (
        override_settings(CACHES=redis_caches(closed_port(), retry_after=0)),
        caplog.at_level(logging.WARNING, logger="pbr_site.core.redis_cache"),
    ):
        browser = visitor(language)
        for what, url in pages:
            for attempt in ("first", "again"):
                response = browser.get(url)
                assert response.status_code == 200, f"{what} ({url}), {attempt}: {response.status_code}"
        start = browser.post(demo_page(SelfAssessmentPage, language).url + "start/")
    assert start.status_code == 302, "starting the self-assessment"
    assert "Redis unavailable" in caplog.text  # said, not silent


@pytest.mark.django_db
def test_with_redis_down_rate_limits_let_visitors_through(settings, demo_page):
    settings.SEARCH_RATE_LIMIT = (1, 60)
    browser = visitor("en")
    assert browser.get("/en/search/?q=prison").status_code == 200
    assert browser.get("/en/search/?q=prison").status_code == 429  # with the cache: limited
    with override_settings(CACHES=redis_caches(closed_port(), retry_after=0)):
        for _ in range(3):
            response = browser.get("/en/search/?q=prison")
            assert response.status_code == 200 and "prison" in response.content.decode().lower()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_with_redis_hanging_every_public_page_works_and_waits_once(demo_page, language, hanging_redis):
    pages = public_pages(demo_page, language)
    with override_settings(CACHES=redis_caches(hanging_redis.port, retry_after=60)):
        browser = visitor(language)
        for what, url in pages:
            response = browser.get(url)
            assert response.status_code == 200, f"{what} ({url}): {response.status_code}"
            assert response.has_header("Content-Language") or url.endswith((".xml", ".txt"))
    # Served while the hung Redis still held the connection: each call gave up at its time-out,
    # not when the server let go. And only the first call waited: after it, the process left
    # Redis alone (retry_after), so one connection was made for every page of the test.
    assert not hanging_redis.released.is_set()
    assert len(hanging_redis.accepted) == 1


def test_a_hanging_redis_is_given_up_on_even_without_options(hanging_redis):
    from pbr_site.core.redis_cache import RedisCache

    cache = RedisCache(f"redis://127.0.0.1:{hanging_redis.port}/9", {})
    assert cache.get("anything", "not found") == "not found"
    assert cache.add("key", 1) is False and cache.set("key", 1) is None and cache.get_many(["key"]) == {}
    with pytest.raises(ValueError):
        cache.incr("key")  # as for a missing key: the rate limit starts again at 1
    assert not hanging_redis.released.is_set()


def test_redis_is_asked_again_once_the_pause_is_over():
    from pbr_site.core.redis_cache import RedisCache

    port = closed_port()
    location = f"redis://127.0.0.1:{port}/9"
    cache = RedisCache(location, {"OPTIONS": {"retry_after": 60}})
    assert cache.get("key") is None
    assert redis_cache._paused_until[location]  # paused
    redis_cache._paused_until[location] = 0  # as if the minute had passed
    with socket.create_server(("127.0.0.1", port)) as server:
        server.settimeout(5)
        thread = threading.Thread(target=cache.get, args=("key",), daemon=True)
        thread.start()
        conn, _ = server.accept()  # it tried again
        conn.close()
        thread.join(5)


# --- the database -------------------------------------------------------------------------
class RefusedConnection:
    """Every query fails as a database that refuses connections makes it fail."""

    def __enter__(self):
        import sqlite3

        self.original = connection.create_cursor

        def refuse(name=None):
            if connection.vendor == "postgresql":
                import psycopg

                raise psycopg.OperationalError("connection refused: is the server running?")
            raise sqlite3.OperationalError("unable to open database file")

        connection.create_cursor = refuse
        return self

    def __exit__(self, *exc_info):
        connection.create_cursor = self.original


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "advice"),
    [
        ("en", "Sorry, the service is unavailable", "Try again in a few minutes."),
        ("cy", "Mae'n ddrwg gennym, nid yw'r gwasanaeth ar gael", "Rhowch gynnig arall arni ymhen ychydig funudau."),
    ],
)
def test_with_the_database_refusing_connections_visitors_get_a_503_in_their_language(
    demo_page, language, heading, advice
):
    pages = public_pages(demo_page, language)
    start_url = demo_page(SelfAssessmentPage, language).url + "start/"
    browser = visitor(language)
    with RefusedConnection():
        for what, url in pages:
            response = browser.get(url)
            text = response.content.decode().replace("&#x27;", "'")
            assert response.status_code == 503, f"{what} ({url}): {response.status_code}"
            assert heading in text and advice in text, what
            assert response["Retry-After"].isdigit()
            assert "no-store" in response["Cache-Control"]
            if url.startswith(f"/{language}/"):
                assert f'<html lang="{language}"' in text
        start = browser.post(start_url)
        assert start.status_code == 503 and heading in start.content.decode().replace("&#x27;", "'")
    # And once the database answers again, so does the site.
    assert browser.get(f"/{language}/").status_code == 200


@pytest.mark.django_db
def test_with_the_database_refusing_a_signed_in_visitor_gets_a_503(client, staff_member):
    client.force_login(staff_member)
    client.raise_request_exception = False
    with RefusedConnection():
        for url in ("/en/", "/admin/"):  # before any view: the site, the session and the user
            response = client.get(url)
            assert response.status_code == 503, url
            assert "Sorry, the service is unavailable" in response.content.decode()


# --- no space for uploads -------------------------------------------------------------------
def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


class NoSpaceLeft:
    """An open file on a disk that fills up: part of the first write goes through, then ENOSPC."""

    def __init__(self, file):
        self.file = file

    def write(self, data):
        self.file.write(data[: len(data) // 2 or 1])
        self.file.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.file, name)


@pytest.fixture
def full_disk(tmp_path):
    """Uploads stored as in production (UploadStorage, on disk under tmp_path), on a disk that
    fills up part-way through writing a file. Returns the storage's folder."""
    import os
    from unittest import mock

    from django.core.files.storage import default_storage

    original = os.fdopen

    def fdopen(fd, *args, **kwargs):
        file = original(fd, *args, **kwargs)
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(tmp_path)):
            return NoSpaceLeft(file)
        return file

    # In place of the tests' in-memory storage for this test only (changing STORAGES would
    # make a new, empty one for the tests after); put back before other fixtures tidy up.
    in_memory = default_storage._wrapped
    default_storage._wrapped = UploadStorage(location=tmp_path)
    try:
        with mock.patch.object(os, "fdopen", fdopen):
            yield tmp_path
    finally:
        default_storage._wrapped = in_memory


@pytest.fixture
def staff_member(django_user_model):
    return django_user_model.objects.create_superuser("fault-tester", "fault-tester@example.org", "not-a-demo-password")


def files_in(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "model", "name", "content", "content_type"),
    [
        ("wagtaildocs:add", Document, "report.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
        ("wagtailimages:add", Image, "photo.png", None, "image/png"),
    ],
)
def test_an_upload_to_a_full_disk_says_nothing_was_saved(
    staff_member, full_disk, url_name, model, name, content, content_type
):
    staff = Client(raise_request_exception=False)
    staff.force_login(staff_member)
    before = model.objects.count()
    response = staff.post(
        reverse(url_name),
        {
            "title": "A file for a full disk",
            "file": SimpleUploadedFile(name, content or png_bytes(), content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 507
    text = response.content.decode()
    assert "Sorry, there is no space to save that" in text and "what you sent was not saved" in text
    assert model.objects.count() == before  # no row pointing at a missing file...
    assert files_in(full_disk) == []  # ...and no half-written file


@pytest.mark.django_db
def test_a_welsh_speaker_is_told_in_welsh(staff_member, full_disk):
    staff = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="cy")
    staff.force_login(staff_member)
    response = staff.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Ffeil",
            "file": SimpleUploadedFile("adroddiad.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 507
    assert "Mae'n ddrwg gennym, nid oes lle i gadw hynny" in response.content.decode().replace("&#x27;", "'")


class FillsTheDisk(ContentFile):
    """A file whose writing runs out of space after its first chunk."""

    def chunks(self, chunk_size=None):
        yield b"the first part, written"
        raise OSError(errno.ENOSPC, "No space left on device")


def test_the_upload_storage_leaves_no_half_written_file(tmp_path):
    storage = UploadStorage(location=tmp_path)
    storage.save("documents/kept.pdf", ContentFile(b"an earlier upload"))
    with pytest.raises(OSError) as raised:
        storage.save("documents/report.pdf", FillsTheDisk(b"", name="report.pdf"))
    assert raised.value.errno == errno.ENOSPC
    assert sorted(p.name for p in (tmp_path / "documents").iterdir()) == ["kept.pdf"]
    # Under a name already taken, Django writes under another: only that one is removed.
    with pytest.raises(OSError):
        storage.save("documents/kept.pdf", FillsTheDisk(b"", name="kept.pdf"))
    assert sorted(p.name for p in (tmp_path / "documents").iterdir()) == ["kept.pdf"]
    assert (tmp_path / "documents" / "kept.pdf").read_bytes() == b"an earlier upload"
