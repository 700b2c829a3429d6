"""Median and 95th-percentile time of site-search and resource-pack requests, in process
(Django's test client, no network), against the database DATABASE_URL names.

    .venv/bin/python manage.py generate_synthetic_entries 10000   # once
    .venv/bin/python scripts/bench_search.py

Each URL is requested once to warm up, then REPEAT times. ONLY=resource-pack keeps the
URLs containing that text; COLD=1 clears the cache before every request."""

import os
import statistics
import sys
import time

import django

REPEAT = int(os.environ.get("REPEAT", "30"))
URLS = [
    "/en/search/?q=gaming",
    "/en/search/?q=cherry+picking",
    "/en/search/?q=payment",
    "/en/search/?q=probation+housing+evaluation",
    "/en/search/?q=payment&type=entry&sector=probation",
    "/en/search/?q=zzzqx",
    "/cy/search/?q=prisio",
    "/en/resource-pack/?q=payment",
    "/en/resource-pack/?q=probation+housing",
    "/en/resource-pack/?q=payment&sector=probation&year_from=2010&sort=title",
    "/en/resource-pack/?sector=probation&theme=pricing&type=evaluation",
]


def main():
    sys.path.insert(0, os.getcwd())
    # Test settings: DEBUG off, plain static files, local-memory cache; the database is
    # still DATABASE_URL (db.sqlite3 by default).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pbr_site.settings.test")
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.DEBUG = False
    settings.SEARCH_RATE_LIMIT = (0, 60)
    from django.core.cache import cache

    from literature.models import BibliographyEntry

    cold = os.environ.get("COLD") == "1"
    client = Client(HTTP_HOST="127.0.0.1")
    print(
        f"{BibliographyEntry.objects.count()} bibliography entries, {connection.vendor}, {REPEAT} requests each"
        f"{', cache cleared before each' if cold else ''}; load average {os.getloadavg()[0]:.1f}"
    )
    print(f"{'median ms':>10} {'p95 ms':>8} {'queries':>8}  url")
    only = os.environ.get("ONLY", "")
    for url in [url for url in URLS if only in url]:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        times = []
        for _ in range(REPEAT):
            if cold:
                cache.clear()  # nothing remembered: the resource pack counts its filters afresh
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(f"{statistics.median(times):10.1f} {p95:8.1f} {len(queries):8d}  {url} ({status})")


if __name__ == "__main__":
    main()
