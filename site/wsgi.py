"""WSGI entry point for gunicorn: `gunicorn pbr_site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pbr_site.settings.production")

django_application = get_wsgi_application()

from pbr_site.core.charset import ContentTypeCheck  # noqa: E402 (needs Django set up)

# A Content-Type header Django cannot parse gets a 400 page, not a 500 (core/charset.py says why).
application = ContentTypeCheck(django_application)
