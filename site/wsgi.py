"""WSGI entry point for gunicorn: `gunicorn pbr_site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pbr_site.settings.production")

django_application = get_wsgi_application()

# Pages in the anonymous readers' page cache are answered before Django handles the request
# (pbr_site/core/caching.py); everything else goes to Django.
from pbr_site.core.caching import PageCacheApplication  # noqa: E402 (needs Django set up)
from pbr_site.core.charset import ContentTypeCheck  # noqa: E402

# ContentTypeCheck answers a Content-Type header Django cannot parse with a 400 (core/charset.py);
# it sits inside the page cache, which would otherwise pass the request on to Django regardless.
application = PageCacheApplication(ContentTypeCheck(django_application))
