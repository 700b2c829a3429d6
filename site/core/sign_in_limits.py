"""A limit on failed admin sign-ins per username, from every address together.

axes locks a username *and address* pair (AXES_LOCKOUT_PARAMETERS): someone guessing one
account's password from many addresses was not slowed at all. axes 8 has one failure limit
for every lockout parameter, and a username-only lock at axes' 5 failures for 30 minutes
would let anyone keep a member of staff out with 5 wrong passwords every half hour. So this
counts on its own, with a higher count and a shorter, fixed window:

USERNAME_FAILURE_LIMIT failed sign-ins for one username within USERNAME_FAILURE_WINDOW
seconds (from its first failure) pause signing in to that account, from everywhere, until
that window ends. The window never grows while paused, so a pause lasts at most the window;
keeping an account paused takes a steady stream of attempts, and caps guessing at about
USERNAME_FAILURE_LIMIT passwords a window whatever the number of addresses. The counts live
in the shared cache, hashed (no username stored); with the cache down nothing is paused and
axes' per-address lockout still holds.

The failure counter is a signal receiver in this module: Django imports the module (through
AUTHENTICATION_BACKENDS) before any sign-in can fail, so it is always connected in time.
"""

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from .ratelimit import count_key, key_limit_reached, name_key

SCOPE = "sign-in-username"


def _limit():
    return getattr(settings, "USERNAME_FAILURE_LIMIT", 30)


def _window():
    return getattr(settings, "USERNAME_FAILURE_WINDOW", 15 * 60)


def _username(credentials):
    username = (credentials or {}).get("username")
    return username if isinstance(username, str) and username else None


class UsernameFailureLimitBackend:
    """Authentication backend placed after axes' and before ModelBackend: refuses a username
    whose failures reached the limit (request.pbr_sign_in_paused tells
    middleware.SignInPausedMiddleware to say so). Authenticates no one itself."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        name = _username({"username": username})
        if request is None or name is None or _limit() <= 0:
            return None
        if key_limit_reached(name_key(SCOPE, name), _limit()):
            request.pbr_sign_in_paused = True
            raise PermissionDenied("Too many failed sign-ins for this username")
        return None

    # No get_user(): like axes' backend, this one never signs anyone in (and Django's
    # test client's force_login() picks the first backend that has one).


@receiver(user_login_failed, dispatch_uid="pbr-count-username-failures")
def count_username_failure(sender, credentials, request=None, **kwargs):
    name = _username(credentials)
    if name is not None and _limit() > 0 and not getattr(request, "pbr_sign_in_paused", False):
        count_key(name_key(SCOPE, name), _window())


def paused_minutes():
    return max(1, _window() // 60)
