"""The local default that `make run` uses: DEBUG on, SQLite unless DATABASE_URL is set."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "local-development-only-not-a-secret"  # noqa: S105 (never used in production)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# The demo loader creates the demo accounts (admin, editor, moderator) only when this is true;
# production settings refuse to run beside them (pbr_site.core.demo_accounts).
PBR_LOCAL_DEMO_USERS = True
# Two-factor sign-in is off locally so the demo accounts need only their password;
# `ADMIN_2FA=true make run` tries it out (`manage.py two_factor_enrolment_link admin` prints the
# link to set up a device with).
PBR_ADMIN_2FA_REQUIRED = os.environ.get("ADMIN_2FA", "false").lower() == "true"
