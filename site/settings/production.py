"""Production: every secret and host comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS (comma-separated), DATABASE_URL.
Optional: REDIS_URL (shared cache; the database cache otherwise), CSRF_TRUSTED_ORIGINS,
SECURE_SSL_REDIRECT (default on), WAGTAILADMIN_BASE_URL, SMTP_* for moderation mail.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return value


def _list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = _list("ALLOWED_HOSTS") or _required("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _list("CSRF_TRUSTED_ORIGINS")
# The demo loader makes no demo accounts here; while one exists (made under other settings on
# this database), `check --deploy` fails and nobody can sign in (pbr_site.core.demo_accounts).
PBR_LOCAL_DEMO_USERS = False

# TLS ends at the proxy in front of gunicorn, which says so with X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# Moderation notifications go out by SMTP (a local relay unless SMTP_HOST says otherwise).
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ.get("SMTP_HOST", "localhost"),
            "port": int(os.environ.get("SMTP_PORT", "25")),
            "username": os.environ.get("SMTP_USER", ""),
            "password": os.environ.get("SMTP_PASSWORD", ""),
            "use_tls": os.environ.get("SMTP_USE_TLS", "false").lower() == "true",
            # A mail server that hangs must not hold a web worker (mail failures are logged, never lost).
            "timeout": 10,
        },
    }
}

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405

# Staff verify a one-time password after their password (base.py; repeated so no
# environment can switch it off in production).
PBR_ADMIN_2FA_REQUIRED = True
