"""The local default that `make run` uses: DEBUG on, SQLite unless DATABASE_URL is set."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "local-development-only-not-a-secret"  # noqa: S105 (never used in production)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# The demo loader creates demo editors and moderators only when this is true.
PBR_LOCAL_DEMO_USERS = True
# Two-factor sign-in is off locally so the demo accounts need only their password;
# `ADMIN_2FA=true make run` tries it out (set up a device at the first sign-in).
PBR_ADMIN_2FA_REQUIRED = os.environ.get("ADMIN_2FA", "false").lower() == "true"
