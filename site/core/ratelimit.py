"""A per-client rate limit kept in the shared cache (Redis in production, the database
cache by default), so every server process sees the same counts. Clients are identified
by a keyed hash of their address: no raw IP address is stored."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The client's address: REMOTE_ADDR, or the header settings.CLIENT_IP_META_KEY names
    (one the proxy in front always overwrites). Also axes' AXES_CLIENT_IP_CALLABLE."""
    key = getattr(settings, "CLIENT_IP_META_KEY", "REMOTE_ADDR")
    address = request.META.get(key) or request.META.get("REMOTE_ADDR", "")
    # X-Forwarded-For style lists: the proxy appends the address it saw last.
    return address.split(",")[-1].strip()


def client_key(request, scope):
    address = client_address(request)
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def over_limit(request, scope, limit, window_seconds):
    """Count this request; True when the client has made more than `limit` in the window."""
    return count(request, scope, window_seconds) > limit


def count(request, scope, window_seconds):
    """Count one more for this client (the window starts at its first); the new count."""
    key = client_key(request, scope)
    # add() only sets a missing key, so the window starts at the first request.
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window_seconds)
        return 1


def limit_reached(request, scope, limit):
    """True when the client already has `limit` counted in the window; counts nothing. For
    forms that count only what they accept (see count()), so a visitor's mistakes are free."""
    return (cache.get(client_key(request, scope)) or 0) >= limit
