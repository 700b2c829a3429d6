"""Settings for `make test`: fast and quiet, same apps and middleware as production."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-a-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tasks run as they are enqueued, inside the test: what a worker would do, without one.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
PBR_LOCAL_DEMO_USERS = True
# whitenoise warns when STATIC_ROOT is missing; tests serve static files through the finders.
STATIC_ROOT = BASE_DIR / "var" / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
# Admin tests sign in with force_login; the two-factor tests turn this on themselves
# (tests/core/test_admin_sign_in.py), and production keeps base.py's True.
PBR_ADMIN_2FA_REQUIRED = False
# Every task logs its start and end at INFO: thousands of lines in a test run.
LOGGING = {**LOGGING, "loggers": {name: {"level": "WARNING"} for name in ("django.tasks", "django_tasks")}}  # noqa: F405
