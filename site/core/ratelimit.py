"""A per-client rate limit kept in the shared cache (Redis in production, the database
cache by default), so every server process sees the same counts. Clients are identified
by a keyed hash of their address: no raw IP address is stored.

When the cache is unavailable, counts start again at 1: the request is let through (see
redis_cache.RedisCache, which fails open) rather than refused or answered with an error."""

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.core.cache import cache


def _valid(address):
    """The address in its usual written form, or None if it is not an IP address."""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request):
    """The client's address (also axes' AXES_CLIENT_IP_CALLABLE).

    With settings.TRUSTED_PROXY_COUNT = 0 (the default): REMOTE_ADDR, the address that
    connected to us. With N proxies of our own in front (N > 0), each appends the address it
    saw to X-Forwarded-For, so the last N items are theirs and the N-th from the right is the
    one the outermost of them saw: the client. Anything further left came from the client and
    is never read. A header with fewer than N items, or an item that is not an IP address,
    means the request did not come through our proxies as expected: REMOTE_ADDR then."""
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or ""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [item for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
    if len(forwarded) < proxies:
        return remote
    return _valid(forwarded[-proxies]) or remote


def _hashed(text):
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()[:32]


def client_key(request, scope):
    return f"ratelimit:{scope}:{_hashed(client_address(request))}"


def name_key(scope, name):
    """A key for counting by something other than the client's address (say, a username
    across every address), hashed like addresses are."""
    return f"ratelimit:{scope}:name:{_hashed(name)}"


def over_limit(request, scope, limit, window_seconds):
    """Count this request; True when the client has made more than `limit` in the window."""
    return count(request, scope, window_seconds) > limit


def count(request, scope, window_seconds):
    """Count one more for this client (the window starts at its first); the new count."""
    return count_key(client_key(request, scope), window_seconds)


def count_key(key, window_seconds):
    """Count one more under key (from client_key or name_key); the new count."""
    # add() only sets a missing key, so the window starts at the first request.
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr(), or the cache keeps nothing (down)
        cache.add(key, 1, timeout=window_seconds)
        return 1


def limit_reached(request, scope, limit):
    """True when the client already has `limit` counted in the window; counts nothing. For
    forms that count only what they accept (see count()), so a visitor's mistakes are free."""
    return key_limit_reached(client_key(request, scope), limit)


def key_limit_reached(key, limit):
    return (cache.get(key) or 0) >= limit
