"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import * from here and override.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .storage import media_sources, storages_from_environment

# /work/main/site/settings/base.py -> project root is three levels up.
PROJECT_DIR = Path(__file__).resolve().parent.parent  # the site/ folder
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    # Our apps first so their templates and static files win.
    "pbr_site.core",
    "literature",
    "toolkit",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales; never list both
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",  # editors' picks for a query, and the query log
    "wagtail.contrib.sitemaps",
    # Purges the HTTP cache in front (Varnish) when content changes: see WAGTAILFRONTENDCACHE.
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Admin sign-in: axes limits password guessing; django-otp (TOTP) is the second factor
    # that AdminTwoFactorMiddleware asks staff for (wagtail-2fa does not start on Wagtail 8).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Background work (bibliography imports, the review PDFs) through Django's tasks framework,
    # stored in the database and run by `manage.py db_worker` (make run and make serve start one).
    "django_tasks_db",
]
# Wagtail's database search backend uses PostgreSQL's full-text fields there, which need
# django.contrib.postgres installed (harmless, and unused, on SQLite).
if os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql")):
    INSTALLED_APPS.append("django.contrib.postgres")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files answered here, already compressed (whitenoise wants to come straight after
    # SecurityMiddleware): nothing below runs for them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's GZipMiddleware, honouring "gzip;q=0" (core/middleware.py). Above everything
    # that reads or changes the body, as Django's documentation asks: it compresses last.
    "pbr_site.core.middleware.GZipUnlessRefusedMiddleware",
    # Public pages may be kept by the HTTP cache in front (Cache-Control s-maxage). Above the
    # session and CSRF middleware, so it sees their cookies and Vary: Cookie.
    "pbr_site.core.middleware.PublicPageCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A form post declaring a charset other than UTF-8 gets a 400 page, not a 500 (core/charset.py).
    "pbr_site.core.charset.FormCharsetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session passed a one-time password?
    "django_otp.middleware.OTPMiddleware",
    # Staff reach /admin/ only after verifying a TOTP device (set up on first sign-in).
    "pbr_site.core.two_factor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "pbr_site.core.middleware.AdminContentSecurityPolicyMiddleware",
    # Django has no setting for Permissions-Policy: a tiny middleware adds it.
    "pbr_site.core.middleware.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Says so when sign_in_limits paused an account (too many failures from every address together).
    "pbr_site.core.middleware.SignInPausedMiddleware",
    # Last, as axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# axes first: it refuses a locked-out username + address before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Then a limit per username from every address together (pbr_site/core/sign_in_limits.py).
    "pbr_site.core.sign_in_limits.UsernameFailureLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "pbr_site.urls"
WSGI_APPLICATION = "pbr_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite by default so a fresh clone needs nothing running; PostgreSQL (or anything
# dj-database-url understands) when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # make run serves and runs the tasks worker as two processes on one SQLite file: WAL lets
    # readers go on while one writes, and IMMEDIATE transactions wait for the lock (up to
    # `timeout` seconds) instead of failing with "database is locked" part-way through.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiler costs up to 600 ms to save microseconds on this site's small
    # queries whenever its estimates run high (a fresh or not yet analysed database): off.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
    # Prepared statements (Django's own options for psycopg 3): a query a connection has run
    # five times keeps its plan, instead of PostgreSQL planning it again on every render. The
    # routing and site-chrome queries are small to run but costly to plan: measured 36 -> 29 ms
    # for the filtered pack at 10,000 entries (scripts/profile_page.py). Behind a connection
    # pooler in transaction mode (PgBouncer without max_prepared_statements), set
    # DATABASE_PREPARED_STATEMENTS=off.
    if os.environ.get("DATABASE_PREPARED_STATEMENTS", "on").strip().lower() not in ("off", "0", "false", "no"):
        DATABASES["default"]["OPTIONS"].update({"server_side_binding": True, "prepare_threshold": 5})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("cy", _("Welsh")),
]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Language names shown in the switcher are always written in that language itself.
LANGUAGE_NATIVE_NAMES = {"en": "English", "cy": "Cymraeg"}

# --- Static and media ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))  # uploaded documents and images
# Uploaded files on the local disk, or on S3-compatible storage when configured (storage.py).
STORAGES = storages_from_environment(os.environ)

# --- Cache -----------------------------------------------------------------------
# Shared cache: Redis when REDIS_URL is set, otherwise the database cache table, so
# several processes (gunicorn workers) see the same values. Never per-process memory
# for anything that must be shared (rate limits, sessions).
# The Redis backend (pbr_site/core/redis_cache.py: Django's) fails open: with Redis down or
# hanging, each call gives up after these time-outs (seconds), is logged and answered as a
# cache miss, and the process leaves Redis alone for retry_after seconds. Rate limits then
# let requests through.
REDIS_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5, "retry_after": 5}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "pbr_site.core.redis_cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "pbr",
            "OPTIONS": REDIS_OPTIONS,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "pbr_cache",
        }
    }

# --- HTTP cache in front (Varnish) ---------------------------------------------
# How long the HTTP cache in front may keep a public page (seconds): Cache-Control s-maxage
# and stale-while-revalidate, set by core/middleware.py PublicPageCacheHeadersMiddleware.
# Browsers always ask again (max-age=0); a publish purges the cache in front at once.
PBR_PAGE_S_MAXAGE = 600
PBR_PAGE_STALE_WHILE_REVALIDATE = 30
# Where Wagtail's frontend cache sends its PURGE requests: the Varnish in front of the
# application servers (site/varnish/; make serve starts one), or several, separated by commas or
# spaces: every purge goes to each. Unset (make run): nothing to purge.
WAGTAILFRONTENDCACHE = {
    f"varnish{number + 1}" if number else "varnish": {
        "BACKEND": "pbr_site.core.purging.HTTPBackendWithTimeout",
        "LOCATION": location,
    }
    for number, location in enumerate(os.environ.get("FRONTEND_CACHE_URL", "").replace(",", " ").split())
}
# Wagtail would purge each URL once per language by swapping its /en/ or /cy/ prefix, but a
# translation has its own slugs (/cy/adolygu/...): translations are purged as pages of their own.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# The self-assessment's limits per client address and hour (toolkit/views.py rate_limited):
# room for a workshop of about 40 people on one council or prison network (one address seen
# from outside; each assessment is a start and about 15 saves), a wall for a script filling
# the database. Making joint-assessment invitations has a limit of its own, so a commissioner
# setting up several from one office is not stopped by the start limit.
PBR_ASSESSMENT_STARTS_PER_HOUR = 150
PBR_ASSESSMENT_ANSWERS_PER_HOUR = 2000
PBR_ASSESSMENT_FEEDBACK_PER_HOUR = 100
PBR_JOINT_INVITATIONS_PER_HOUR = 60

# --- Wagtail ---------------------------------------------------------------------
WAGTAIL_SITE_NAME = "PbR Toolkit"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend for whichever database is in use (SQLite FTS5 or PostgreSQL
# full-text search), with Welsh text left unstemmed on PostgreSQL: see search/backends.py.
# Index updates happen on publish. For OpenSearch or Elasticsearch, see the README.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
# Searches per client per window (seconds), counted in the shared cache. 0 turns it off.
SEARCH_RATE_LIMIT = (int(os.environ.get("SEARCH_RATE_LIMIT", "120")), 60)
# Resource-pack downloads per client per five minutes (literature exports). 0 turns it off.
EXPORT_RATE_LIMIT = (int(os.environ.get("EXPORT_RATE_LIMIT", "30")), 300)
# Uploads: only the types staff need, and a size cap, each refused with a clear message by
# Wagtail's own upload forms (no SVG: it can carry script).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "csv", "txt", "rtf", "pptx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Django's tasks framework (django.tasks) and the backport Wagtail 8 still enqueues its own
# tasks through (django_tasks) both read TASKS. The database backend keeps every task in the
# database until a worker runs it, so a request never waits for slow work and nothing is lost
# when a worker restarts. Tests run tasks at once (settings/test.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Editors translate through wagtail-localize; its "synced" mode keeps block ids.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Wagtail's page editor posts every StreamField block as several fields: the self-assessment
# page's form holds a few thousand (README, "Editing the questionnaire"), past Django's
# default of 1,000. 10,000 is what Wagtail's own project template sets for the same reason;
# tests/browser/test_admin_questionnaire.py counts the fields a 3x questionnaire posts and
# keeps them under this with room to spare. Public forms post a few dozen fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Wagtail autosaves the whole edit form after each pause in typing (default 0.5 s): for the
# self-assessment that is thousands of fields a post, and a save still in flight when the
# editor clicks "Save draft" made the admin report "a newer version in another window".
WAGTAIL_AUTOSAVE_INTERVAL = 5_000
# Staff avatars without sending their e-mail hashes to Gravatar (the admin's CSP blocks it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security (tightened further in production.py) -------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Read by PermissionsPolicyMiddleware: nothing here needs these browser features.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
# The address a client is counted under (rate limits, axes; pbr_site/core/ratelimit.py):
# how many proxies of our own stand in front of the application server, each appending the
# address it saw to X-Forwarded-For. 0: the connecting address (REMOTE_ADDR). 1: one proxy
# (nginx in front of gunicorn): the last X-Forwarded-For item. Never more than there are:
# items further left are whatever the client wrote.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# --- Admin sign-in -----------------------------------------------------------------
# axes: 5 failed passwords for one username from one address lock that pair out for 30
# minutes (`manage.py axes_reset_username NAME` lifts it sooner). Attempts are kept in the
# database, which every server process shares.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "pbr_site.core.two_factor.locked_out"  # the page and the wait, HTTP 429
AXES_CLIENT_IP_CALLABLE = "pbr_site.core.ratelimit.client_address"
# And across addresses: 30 failures for one username within 15 minutes (from the first) pause
# signing in to it, from everywhere, until those 15 minutes end (pbr_site/core/sign_in_limits.py:
# higher and shorter than axes' lock, so nobody can keep staff out with a few wrong passwords).
USERNAME_FAILURE_LIMIT = 30
USERNAME_FAILURE_WINDOW = 15 * 60
AXES_DISABLE_ACCESS_LOG = True  # keep failures (for lockouts), not a log of every sign-in
AXES_VERBOSE = False
# Two-factor sign-in for everyone who can use the admin. On by default (so in production);
# dev.py and test.py turn it off so the demo accounts sign in with a password alone.
PBR_ADMIN_2FA_REQUIRED = True
OTP_TOTP_ISSUER = "PbR Toolkit"

# Django 6's built-in Content-Security-Policy for the public site: no inline script
# anywhere (GOV.UK's "js-enabled" snippet lives in static/js/init.mjs instead), and no nonce,
# so a public page is the same bytes for every reader and a shared cache can serve it.
# The Wagtail admin needs inline styles and scripts, so AdminContentSecurityPolicyMiddleware
# swaps in ADMIN_CSP for /admin/ only.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *media_sources(os.environ)],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *media_sources(os.environ)],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Django 6.1 deprecates EMAIL_BACKEND in favour of MAILERS. Nothing here sends mail to
# visitors yet; Wagtail's moderation notifications go to the console locally.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "pbr-toolkit@localhost")
# Who is told of each enquiry sent from the get involved page (comma-separated); when empty,
# every active member of the Moderators group with an e-mail address (core/enquiries.py).
PBR_ENQUIRIES_EMAIL = [a.strip() for a in os.environ.get("PBR_ENQUIRIES_EMAIL", "").split(",") if a.strip()]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Translations go through moderation (wagtail-localize)
# "Translate this page" makes draft translations (wagtail-localize's default publishes them when
# the source is live). The rest, for Editors who may not publish: site/core/translation_moderation.py.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
