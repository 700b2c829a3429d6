"""The local demo accounts (admin, editor, moderator; one password kept in var/), and keeping
them off any server that runs production settings.

The demo loader makes them only under settings with PBR_LOCAL_DEMO_USERS (dev, test) and keeps
each in the "Local demo accounts" group, which is how they are recognised everywhere else
(migration core 0004 put the ones an older loader made there too). Under production settings
(PBR_LOCAL_DEMO_USERS False), while any of them exists:

- `manage.py check --deploy` fails (checks.py), and `make serve` runs it before gunicorn;
- the admin's sign-in page says sign-in is switched off and why, and signs nobody in
  (two_factor.AdminTwoFactorMiddleware); a demo account's session is ended.

`manage.py remove_demo_accounts` deletes them.
"""

from django.conf import settings
from django.contrib.auth import get_user_model

GROUP_NAME = "Local demo accounts"
# The loader's usernames: a cheap first test before asking the database about a signed-in user.
USERNAMES = ("admin", "editor", "moderator")


def demo_accounts():
    """Every account in the demo accounts group, by username."""
    return get_user_model().objects.filter(groups__name=GROUP_NAME).order_by("username").distinct()


def allowed_here():
    """Demo accounts belong on this server (the dev and test settings)."""
    return getattr(settings, "PBR_LOCAL_DEMO_USERS", False)


def sign_in_refused():
    """Production settings and a demo account in the database: nobody may sign in."""
    return not allowed_here() and demo_accounts().exists()


def is_demo_account(user):
    return user.is_authenticated and user.get_username() in USERNAMES and user.groups.filter(name=GROUP_NAME).exists()


def remedy():
    return "Remove them with `python manage.py remove_demo_accounts`."
