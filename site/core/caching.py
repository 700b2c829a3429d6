"""Full-page caching of public Wagtail pages for anonymous readers, never stale after a publish.

How it stays fresh: every cached page is filed with the site-wide *content version* it was
rendered at, a random token kept in a shared cache (Redis in production, the database cache
otherwise: every server process sees the same one), and served only while that is still the
current version. Saving or deleting anything a public page can show (pages, snippets such as
bibliography entries, glossary terms, success factors and tags, documents, images, redirects,
sites) and Wagtail's publish, unpublish and move signals replace the token, so every page
cached before the change is rendered afresh on its next visit.

The token is replaced at once and again when the transaction commits: a page rendered between
the two from data not yet committed is filed under a version nobody asks for any more.

The rendered pages themselves live in the "pages" cache (Redis in production, this process's
memory otherwise; see settings.CACHES). A change made in another process still invalidates
them, because the version they are compared with comes from the shared cache. With Redis,
the version and the page come back in one round trip.

What is cached: a 200 text/html response of Wagtail's page view (`wagtail_serve`: pages and
their routable sub-pages such as tag, entry and filtered resource pack pages, keyed on the
full, normalised query string) to a GET without a session or messages cookie. Never cached:
anything for a signed-in user or a visitor with a session (previews and the admin live under
/admin/ and never reach here), any response that used a CSRF token (every form that posts),
set a cookie, read the session, or says `private` / `no-cache` / `no-store` (the
self-assessment journey and its results, the suggestion form), and non-GET.

The middleware runs first, so a page is stored with the headers all the other middleware
gave it (HSTS, CSP, frame, permissions and language headers; never a cookie), and under
gunicorn PageCacheApplication (pbr_site/wsgi.py) answers from the cache before Django handles
the request at all: a page from the cache costs about what a static file does. CSP nonces are never
replayed: a page is stored with its nonce replaced by a placeholder, and each response from
the cache gets a fresh nonce, the same in its body and its Content-Security-Policy header.
Pages are compressed when stored and sent gzipped to readers who accept it (see _gzipped).
"""

import hashlib
import logging
import re
import secrets
import struct
import time
import zlib
from http import HTTPStatus
from urllib.parse import parse_qsl, urlencode

import redis
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.csp import generate_nonce

from .memo import note_content_version, request_memo

logger = logging.getLogger(__name__)

VERSION_KEY = "pbr:content-version"
PAGE_CACHE_ALIAS = "pages"

# Models whose changes can alter what a public page shows: every model of these apps...
CONTENT_APPS = frozenset({
    "wagtailcore", "core", "literature", "toolkit", "wagtaildocs", "wagtailimages", "wagtailredirects",
    "taggit", "wagtailsettings",
})
# ...except these, which no public page shows, or which rendering a page creates (renditions;
# embeds are left out above for the same reason: they cache what a provider said).
NOT_CONTENT = frozenset({
    "toolkit.AssessmentResponse", "literature.ResourceSuggestion", "core.Enquiry", "wagtailcore.PageLogEntry",
    "wagtailcore.ModelLogEntry", "wagtailcore.Revision", "wagtailcore.WorkflowState", "wagtailcore.TaskState",
    "wagtailcore.Comment", "wagtailcore.CommentReply", "wagtailcore.PageSubscription", "wagtailcore.UploadedFile",
    "wagtailimages.Rendition",
})

# Paths that are never Wagtail pages: skip the cache look-up for them outright.
SKIP_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/django-admin/")
EDITORS_PREFIXES = ("/admin/", "/django-admin/")
MAX_QUERY_STRING = 512  # longer query strings are served, never cached


def page_cache():
    return caches[PAGE_CACHE_ALIAS] if PAGE_CACHE_ALIAS in settings.CACHES else caches["default"]


def version_cache():
    """A shared cache: the version must be the same in every server process. The pages'
    own cache when that is Redis (then one round trip fetches both), else "default"."""
    pages = page_cache()
    return pages if isinstance(pages, DjangoRedisCache) or pages is caches["default"] else caches["default"]


def cache_seconds():
    return getattr(settings, "PBR_PAGE_CACHE_SECONDS", 600)


# --- the content version ----------------------------------------------------------------
def content_version():
    """The current version, or None when the shared cache keeps nothing (Redis is down):
    then nothing is filed or remembered under a version (see memo.py)."""
    version = version_cache().get(VERSION_KEY)
    if version is None:
        version_cache().add(VERSION_KEY, secrets.token_hex(8), None)
        version = version_cache().get(VERSION_KEY)
    return version


def bump_content_version():
    version_cache().set(VERSION_KEY, secrets.token_hex(8), None)


def _bump_or_log():
    try:
        bump_content_version()
    except Exception:  # the cache is down: it cannot serve stale pages either, but say so
        logger.exception("Could not change the content version: cached pages may be stale for up to %s s",
                         cache_seconds())


def content_changed(**kwargs):
    """Signal receiver: a change that public pages may show."""
    _bump_or_log()
    transaction.on_commit(_bump_or_log)


def model_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if sender.__module__ == "__fake__":
        return  # a historical model in a migration: no page has been cached from this database yet
    if meta is not None and meta.app_label in CONTENT_APPS and meta.label not in NOT_CONTENT:
        content_changed()


def m2m_changed_receiver(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        model_changed(type(instance))


def connect_signals():
    """Called from CoreConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    post_save.connect(model_changed, dispatch_uid="pbr-page-cache-save")
    post_delete.connect(model_changed, dispatch_uid="pbr-page-cache-delete")
    m2m_changed.connect(m2m_changed_receiver, dispatch_uid="pbr-page-cache-m2m")
    # Publishing and moving also run queryset updates (url paths, live flags) that send no
    # post_save: Wagtail's own signals cover them.
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(content_changed, dispatch_uid=f"pbr-page-cache-{id(signal)}")


# --- keys and eligibility ---------------------------------------------------------------
def cache_key(request):
    """The scheme, the host as sent (a page is only ever stored from a response to a host
    Django accepted), the path and the query string in a stable order."""
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)))
    url = f"{request.scheme}://{request._get_raw_host()}{request.path}?{query}"
    return f"page:v3:{hashlib.sha256(url.encode()).hexdigest()}"  # v3: stored in parts with every header


def look_up(key):
    """(the current content version, the page stored under key if rendered at that version)."""
    pages, versions = page_cache(), version_cache()
    if pages is versions:
        found = pages.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or content_version()
        stored = found.get(key)
    else:
        version = content_version()
        stored = pages.get(key)
    if version and stored is not None and stored[0] == version:
        return version, stored[1]
    return version, None


def is_anonymous_reader(request):
    """A GET from someone with no session (so not signed in) and no pending messages."""
    if request.method != "GET" or request.path.startswith(SKIP_PREFIXES):
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and getattr(
        settings, "MESSAGE_COOKIE_NAME", "messages") not in cookies and "HTTP_AUTHORIZATION" not in request.META


def has_session(request):
    session = getattr(request, "session", None)
    return settings.SESSION_COOKIE_NAME in request.COOKIES or (session is not None and session.accessed)


def is_public_page_response(request, response):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


def is_cacheable(request, response):
    """May this response be replayed to every anonymous reader?"""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not is_public_page_response(request, response):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page holds a CSRF token: a form
    session = getattr(request, "session", None)
    if session is not None and session.accessed:
        return False  # the page depends on this visitor's session
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store", "max-age=0")):
        return False
    return True


def public_cache_headers(response):
    """What a proxy in front may do: keep it briefly, refresh in the background (a copy for
    each Accept-Encoding: pages from the cache are gzipped for readers who accept it)."""
    patch_vary_headers(response, ["Accept-Encoding"])
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=getattr(settings, "PBR_PAGE_S_MAXAGE", 60),
        stale_while_revalidate=getattr(settings, "PBR_PAGE_STALE_WHILE_REVALIDATE", 30),
    )


NONCE_PLACEHOLDER = "pbr-csp-nonce-placeholder"


def _frozen(request, response):
    """(status, headers, body parts, the same parts deflated) to keep. The body is split
    wherever this response's CSP nonce was (if the page used one), and the headers (all of
    them, Cache-Control and Vary included) have it replaced by a placeholder: every response
    from the cache puts a nonce of its own there."""
    nonce = getattr(request, "_csp_nonce", None)
    nonce = str(nonce) if nonce else None  # a LazyNonce is true only once the page has used it
    headers = [
        (name, value.replace(nonce, NONCE_PLACEHOLDER) if nonce else value)
        for name, value in response.items()
        if name.lower() not in {"set-cookie", "x-page-cache", "content-length", "content-encoding"}
    ]
    parts = response.content.split(nonce.encode()) if nonce else [response.content]
    return (response.status_code, headers, parts, _deflated(parts))


# --- gzip, compressed once ----------------------------------------------------------------------
# Compressing a page for every response would cost more than serving it (about 0.7 ms for
# 36 kB); sending it uncompressed costs every reader 3 to 5 times the bytes. So a page is
# compressed when it is stored, each stretch between nonces on its own (raw deflate, ended by
# a full flush so the next stretch starts afresh), and each response from the cache puts its
# nonce between them as an uncompressed "stored" deflate block, then the gzip trailer. The
# nonce itself is never compressed, so its length cannot leak through compression (BREACH).
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no time, unknown OS
ACCEPTS_GZIP = re.compile(r"\bgzip\b", re.IGNORECASE)  # what Django's GZipMiddleware looks for...
REFUSES_GZIP = re.compile(r"\bgzip\s*;\s*q\s*=\s*0(?:\.0{0,3})?\s*(?:,|$)", re.IGNORECASE)  # ...and "gzip;q=0", a no


def accepts_gzip(request):
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return bool(ACCEPTS_GZIP.search(accepted)) and not REFUSES_GZIP.search(accepted)


def _deflated(parts):
    deflated = []
    for index, part in enumerate(parts):
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        last = index == len(parts) - 1
        deflated.append(compressor.compress(part) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH))
    return deflated


def _gzipped(parts, deflated, nonce):
    """A gzip file of nonce.join(parts), from the parts compressed beforehand."""
    pieces, crc, size = [GZIP_HEADER], 0, 0
    for index, (part, compressed) in enumerate(zip(parts, deflated, strict=True)):
        if index:
            pieces.append(b"\x00" + struct.pack("<HH", len(nonce), len(nonce) ^ 0xFFFF) + nonce)
            crc, size = zlib.crc32(nonce, crc), size + len(nonce)
        pieces.append(compressed)
        crc, size = zlib.crc32(part, crc), size + len(part)
    pieces.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return b"".join(pieces)


def _thawed(frozen, request):
    """(status, headers, body) of a response from the cache, with a nonce of its own."""
    status, headers, parts, deflated = frozen
    nonce = generate_nonce()
    if accepts_gzip(request):
        body = _gzipped(parts, deflated, nonce.encode())
        extra = [("Content-Encoding", "gzip")]
    else:
        body = nonce.encode().join(parts)
        extra = []
    headers = [(name, value.replace(NONCE_PLACEHOLDER, nonce)) for name, value in headers]
    return status, [*headers, *extra, ("Content-Length", str(len(body))), ("X-Page-Cache", "hit")], body


def from_cache(request):
    """(status, headers, body) of this request's page from the cache, or None."""
    if cache_seconds() <= 0 or not is_anonymous_reader(request):
        return None
    version, frozen = look_up(cache_key(request))
    note_content_version(version or False)
    return _thawed(frozen, request) if frozen is not None else None


class AnonymousPageCacheMiddleware:
    """Serves and stores public pages for anonymous readers (see the module docstring).

    Place it first: a page from the cache then skips every other middleware, and is served
    with the headers they gave it when it was rendered (its CSP nonce replaced by a fresh
    one). On its way out it sees the finished response: any cookie set (a CSRF token, a
    session), a session read or a CSP nonce used is known by then. Under gunicorn,
    PageCacheApplication (pbr_site/wsgi.py) answers from the cache before Django starts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(EDITORS_PREFIXES):
            # Editors change content: within their requests every look-up reads the database.
            return self.respond(request)
        with request_memo():  # see memo.py: look-ups remembered per request and content version
            return self.respond(request)

    def respond(self, request):
        if cache_seconds() <= 0 or not is_anonymous_reader(request):
            response = self.get_response(request)
            if ("Cache-Control" not in response and is_public_page_response(request, response)
                    and has_session(request)):
                # Signed in, or a session: no shared cache may keep this copy.
                patch_cache_control(response, private=True, no_cache=True)
            return response

        try:
            key = cache_key(request)
            version, frozen = look_up(key)
            note_content_version(version or False)  # False: no version, remember nothing
        except Exception:  # the cache is down: serve the page as if there were none
            logger.exception("Page cache unavailable")
            return self.get_response(request)
        if frozen is not None:
            status, headers, body = _thawed(frozen, request)
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response[name] = value
            return response

        response = self.get_response(request)
        if version and is_cacheable(request, response):
            public_cache_headers(response)
            try:
                # Filed with the version read before rendering: a change made meanwhile
                # has a newer one, so this copy will not be served.
                page_cache().set(key, (version, _frozen(request, response)), cache_seconds())
            except Exception:
                logger.exception("Page cache unavailable")
            response["X-Page-Cache"] = "miss"
        return response


class PageCacheApplication:
    """The WSGI application in front of Django's (pbr_site/wsgi.py): a page in the cache is
    served from here, without Django's request handling and middleware (a third of what a
    page from the cache cost); anything else goes to Django. The same rules, keys and
    stored responses as AnonymousPageCacheMiddleware, which stores what this serves."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            # A copy: WSGIRequest rewrites PATH_INFO decoded, and Django's own handler must get
            # the environ as the server gave it (a non-Latin-1 path would fail to re-encode).
            found = from_cache(WSGIRequest(environ.copy()))
        except Exception:  # the cache is down, or a request Django would refuse: let Django answer
            logger.debug("Not served from the page cache", exc_info=True)
            found = None
        if found is None:
            return self.application(environ, start_response)
        status, headers, body = found
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [body]


# --- Redis ----------------------------------------------------------------------------------
class ReusingRedisCacheClient(RedisCacheClient):
    """Django makes a new redis.Redis object for every cache call, about 0.2 ms of Python
    each (it rebuilds a table of some 170 response callbacks): most of the time a page from
    the cache took. One per connection pool is enough: they are thread-safe. Delete this
    (and RedisCache below) when Django reuses its clients."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients_by_pool", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """Django's Redis cache backend (settings.CACHES), with ReusingRedisCacheClient, that fails
    open: the site must keep working when Redis is down or hangs.

    - Short socket timeouts unless OPTIONS say otherwise (redis-py's default is to wait as
      long as the operating system does: 15 to 20 s for a Redis that accepts and never answers).
    - A read or write that fails is logged as a warning and answered as an empty cache that
      keeps nothing would (Django's DummyCache): get() gives the default, add() and set() keep
      nothing, incr() raises ValueError as for a missing key. So a page is rendered afresh, and
      a rate limit counts 1 and lets the request through.
    - After a connection failure or a time-out, this process leaves that Redis alone for
      OPTIONS["retry_after"] seconds (5 by default), so requests meanwhile do not each wait
      for the time-out.
    clear() is left to fail loudly: only staff commands (restore_site) call it, and they must know.

    django-redis offers the fail-open part (DJANGO_REDIS_IGNORE_EXCEPTIONS) but not the pause
    after a failure, and would replace Django's own backend: this is smaller. Delete the
    fail-open part if Django's backend ever grows an equivalent.
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("retry_after", 5))
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusingRedisCacheClient

    def _or(self, fallback, operation, *args):
        """operation(*args), or fallback when Redis is unavailable (or paused after a failure)."""
        servers = tuple(self._servers)
        if _redis_paused_until.get(servers, 0) > time.monotonic():
            return fallback
        try:
            return operation(*args)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as error:
            _redis_paused_until[servers] = time.monotonic() + self.retry_after
            logger.warning("Redis unavailable (%s: %s): carrying on without the cache for %s s",
                           type(error).__name__, error, self.retry_after)
        except redis.exceptions.RedisError as error:  # say, out of memory or a read-only replica
            logger.warning("Redis refused a command (%s: %s): carrying on without the cache",
                           type(error).__name__, error)
        return fallback

    def get(self, key, default=None, version=None):
        return self._or(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._or({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._or(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._or(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(list(data), super().set_many, data, timeout, version)  # the keys not set

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._or(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._or(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        self._or(None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        result = self._or(_UNAVAILABLE, super().incr, key, delta, version)
        if result is _UNAVAILABLE:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")
        return result


_UNAVAILABLE = object()
# {servers: time.monotonic() until which this process leaves them alone}, shared by the
# threads and by every cache alias on the same servers ("default" and "pages").
_redis_paused_until = {}
