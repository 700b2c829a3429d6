"""Django's Redis cache backend (settings.CACHES), failing open: a cache that is down or hangs
never gives a visitor an error (tests/core/test_faults.py).

What the shared cache holds (rate-limit counts, facet counts, Wagtail's site root paths...) can all be worked out
again, so when Redis is unavailable each call is answered as an empty cache that keeps nothing
would answer it (Django's DummyCache): get() gives the default, add() and set() keep nothing,
incr() raises ValueError as for a missing key (a rate limit then counts 1 and lets the request
through). Three things on top of Django's backend, all through its public cache methods:

- Short socket time-outs unless OPTIONS say otherwise (redis-py's default is to wait as long
  as the operating system does: 15 to 20 s for a Redis that accepts and never answers).
- A call that fails is logged as a warning and answered as above.
- After a connection failure or a time-out, this process leaves that Redis alone for
  OPTIONS["retry_after"] seconds (5 by default), so requests meanwhile do not each wait for
  the time-out.

clear() is left to fail loudly: only staff commands (restore_site) call it, and they must know.
django-redis offers the fail-open part (DJANGO_REDIS_IGNORE_EXCEPTIONS) but not the pause after
a failure, and would replace Django's own backend: this is smaller. Delete it if Django's
backend ever grows an equivalent.
"""

import logging
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

logger = logging.getLogger(__name__)

_UNAVAILABLE = object()
# {LOCATION: time.monotonic() until which this process leaves that Redis alone}, shared by
# the threads (each has its own cache object) and by every cache alias on the same LOCATION.
_paused_until = {}


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("retry_after", 5))  # ours: redis-py must not see it
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self.location = server if isinstance(server, str) else ",".join(server)

    def _or(self, fallback, operation, *args):
        """operation(*args), or fallback when Redis is unavailable (or paused after a failure)."""
        if _paused_until.get(self.location, 0) > time.monotonic():
            return fallback
        try:
            return operation(*args)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as error:
            _paused_until[self.location] = time.monotonic() + self.retry_after
            logger.warning(
                "Redis unavailable (%s: %s): carrying on without the cache for %s s",
                type(error).__name__,
                error,
                self.retry_after,
            )
        except redis.exceptions.RedisError as error:  # say, out of memory or a read-only replica
            logger.warning(
                "Redis refused a command (%s: %s): carrying on without the cache", type(error).__name__, error
            )
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
