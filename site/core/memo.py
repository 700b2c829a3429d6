"""Remembering look-ups: for the rest of one request, or until the content changes.

Nearly every public page needs the same site-wide facts: which Site a host name means, each
language's home page, the main navigation, the footer's accessibility statement, which
sections are private, the resource pack and the glossary's terms in each language. Reading
them from the database on every request was about half of a page's queries. They change only
when content changes, and every content change replaces the *content version* (see
caching.py: signals on save, delete, publish, unpublish and move, in every process through the
shared cache). So each thread keeps them, built once per content version:

    navigation = per_content_version(("navigation", home.pk), lambda: list(...))

The version is read once per request (one cache round trip; none when the page cache has
already read it). A thread's values are dropped the first time it sees a new version, so an
editor's publish shows on the next request, in every process. Outside a request (management
commands, the shell) nothing is kept: build() runs every time.

settings.PBR_REMEMBER_SITE_STRUCTURE = False (env REMEMBER_SITE_STRUCTURE=false) turns this off:
each request then reads everything once, as the first one after a change does (`make bench`
measures both).

What is kept must not depend on the visitor (no user, session or query string) and must be
treated as read-only by its callers: the objects are shared by the requests a thread serves.

Without a content version (the cache is down) or with remembering turned off, values are
kept for the rest of one request only.
"""

import contextvars
import logging
import threading

logger = logging.getLogger(__name__)

_request = contextvars.ContextVar("pbr_request_memo", default=None)
_thread = threading.local()


class request_memo:
    """`with request_memo():` around a request (AnonymousPageCacheMiddleware does it) lets the
    helpers below remember what they read."""

    def __enter__(self):
        self.token = _request.set({})
        return self

    def __exit__(self, *exc_info):
        _request.reset(self.token)


def _per_request(memo, key, build):
    key = ("request", key)
    if key not in memo:
        memo[key] = build()
    return memo[key]


def note_content_version(version):
    """The page cache read the version already: no need to ask the cache again."""
    memo = _request.get()
    if memo is not None:
        memo["content_version"] = version


def _current_version(memo):
    version = memo.get("content_version")
    if version is None:
        from .caching import content_version

        try:
            version = content_version()
        except Exception:  # the cache is down: remember nothing rather than risk staleness
            logger.exception("Content version unavailable: site look-ups not remembered")
            version = memo["content_version"] = False
        else:
            memo["content_version"] = version
    return version


def per_content_version(key, build, keep=None):
    """build(), once per content version in this thread (every time outside a request).
    keep(value) false: that value is not remembered (say, a look-up that found nothing, when
    anyone can ask for anything)."""
    memo = _request.get()
    if memo is None:
        return build()
    if not _remembering():
        return _per_request(memo, key, build)
    version = _current_version(memo)
    if not version:
        return _per_request(memo, key, build)
    if getattr(_thread, "version", None) != version:
        _thread.version, _thread.values = version, {}
    values = _thread.values
    if key in values:
        return values[key]
    value = build()
    if keep is None or keep(value):
        values[key] = value
    return value


def _remembering():
    from django.conf import settings

    return getattr(settings, "PBR_REMEMBER_SITE_STRUCTURE", True)


def forget():
    """Drop this thread's remembered values (tests)."""
    _thread.__dict__.clear()
