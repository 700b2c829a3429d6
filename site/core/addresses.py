"""The site's public address, for links that leave it without a request: e-mails and the
review PDFs.

One setting names where the site is served: WAGTAILADMIN_BASE_URL (Wagtail's own, which its
moderation e-mails already use). Pages give the path. The Site record's hostname is not used
for this: it only routes requests, and in the demo it says localhost.
"""

from django.conf import settings


def site_address():
    """'https://pbr.example.org', without a trailing slash."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def public_url(path):
    """The absolute address of a path on this site ('/en/...'); '' for ''."""
    if not path:
        return ""
    if path.startswith(("http://", "https://")):  # more than one Wagtail site: already absolute
        return path
    return site_address() + path
