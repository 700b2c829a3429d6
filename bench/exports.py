"""Time the resource pack's exports at the size issue #14 asks for: 10,000 entries.

Builds a throwaway database (a temporary SQLite file, deleted afterwards; or, with
--database-url, a PostgreSQL database whose name starts with pbr_bench, dropped and made
afresh), migrates it, loads the demo content and adds 10,000 synthetic entries (each with 1-3
authors, two sectors and two themes), then downloads every export through Django's test client
(the whole middleware stack, in this process): the whole pack, a filtered list and one entry,
in BibTeX, RIS and CSV. For each it reports the time to the first byte and to the last (the
body read to its end), the size, the number of entries and the number of SQL queries. Nothing
here runs in `make test`.

    .venv/bin/python bench/exports.py [--entries 10000] [--repeat 3]
    .venv/bin/python bench/exports.py --database-url postgres://postgres@127.0.0.1:5432/pbr_bench_exports
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("bibtex", "ris", "csv")


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10000, help="synthetic entries to add to the demo's")
    parser.add_argument("--repeat", type=int, default=3, help="downloads of each export (the median is shown)")
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL database to drop and make afresh (name pbr_bench...); default: a temporary SQLite file",
    )
    parser.add_argument("--skip-setup", action="store_true", help="with --database-url: reuse the last run's data")
    return parser.parse_args()


def make_postgres_database(url):
    import psycopg

    params = psycopg.conninfo.conninfo_to_dict(url.replace("postgres://", "postgresql://", 1))
    name = params.pop("dbname")
    if not name.startswith("pbr_bench"):
        sys.exit(f"Refusing to drop {name!r}: the benchmark database's name must start with pbr_bench.")
    with psycopg.connect(**params, dbname="postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def set_up(entries):
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    call_command("generate_synthetic_entries", entries, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # planner statistics, as autovacuum would gather in time
            cursor.execute("ANALYZE")
    print(f"Set up in {time.perf_counter() - started:.0f} s", flush=True)


def download(client, url, params=None):
    """(seconds to the first byte, seconds to the last, bytes, queries, body)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url, params or {})
        assert response.status_code == 200, (url, response.status_code)
        pieces = iter(response.streaming_content) if response.streaming else iter([response.content])
        first = next(pieces, b"")
        first_byte = time.perf_counter() - started
        body = first + b"".join(pieces)
        last_byte = time.perf_counter() - started
    return first_byte, last_byte, len(body), len(queries.captured_queries), body


def count_entries(body, file_format):
    from literature import formats

    text = body.decode("utf-8-sig")
    return len({"bibtex": formats.parse_bibtex, "ris": formats.parse_ris, "csv": formats.parse_csv}[file_format](text))


def main():
    args = arguments()
    temporary = None
    if args.database_url:
        if not args.skip_setup:
            make_postgres_database(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        temporary = tempfile.TemporaryDirectory(prefix="pbr-bench-exports-")
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(temporary.name) / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "pbr_site.settings.test"  # quiet; DATABASE_URL still applies
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from literature.models import BibliographyEntry, ResourcePackPage, SectorTag

    settings.EXPORT_RATE_LIMIT = (0, 60)  # one client asking many times: no limit for the run
    try:
        if not (args.database_url and args.skip_setup):
            set_up(args.entries)
        pack = ResourcePackPage.objects.live().get(locale__language_code="en")
        sector = SectorTag.objects.order_by("slug").first()
        entry = BibliographyEntry.objects.filter(live=True).order_by("pk").first()
        live = BibliographyEntry.objects.filter(live=True).count()
        client = Client()
        client.get(pack.url)  # the site's own look-ups remembered, as on a running server
        exports = [
            ("whole pack", f"{pack.url}export/{{}}/", None),
            (
                f"filtered (sector={sector.slug}, sort=author)",
                f"{pack.url}export/{{}}/",
                {"sector": sector.slug, "sort": "author"},
            ),
            ("one entry", f"{pack.url}entry/{entry.pk}/export/{{}}/", None),
        ]
        print(
            f"\n{connection.vendor}, {live:,} live entries; median of {args.repeat} downloads each "
            "(Django test client, in process)\n"
        )
        print(f"| {'export':<40} | format | first byte | whole file | size      | entries | queries |")
        print(f"|{'-' * 42}|--------|------------|------------|-----------|---------|---------|")
        for name, url, params in exports:
            for file_format in FORMATS:
                runs = [download(client, url.format(file_format), params) for _ in range(args.repeat)]
                first = statistics.median(run[0] for run in runs)
                whole = statistics.median(run[1] for run in runs)
                size, queries, body = runs[-1][2], runs[-1][3], runs[-1][4]
                print(
                    f"| {name:<40} | {file_format:<6} | {first * 1000:7.0f} ms | {whole:8.2f} s | "
                    f"{size / 1e6:6.2f} MB | {count_entries(body, file_format):7,} | {queries:7} |",
                    flush=True,
                )
    finally:
        connection.close()
        if temporary:
            temporary.cleanup()


if __name__ == "__main__":
    main()
