"""Where an uncached page's time goes: times and profiles one URL in process, through the WSGI
handler with the production settings (no HTTP cache in front), against the benchmark database.

    make bench                                              # once: creates pbr_bench
    .venv/bin/python scripts/profile_page.py /en/ [N]       # median of N requests, SQL time
    PROFILE=1 .venv/bin/python scripts/profile_page.py /en/ # plus the top of a cProfile

DATABASE_URL and REDIS_URL default to the benchmark's own (see bench/run.py)."""

import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "pbr_site.settings.production",
        "SECRET_KEY": "profile-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SEARCH_RATE_LIMIT": "0",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
    }
)
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pbr_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/3")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/en/"
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    from django.core.wsgi import get_wsgi_application
    from django.db import connection, reset_queries

    application = get_wsgi_application()
    path_info, _, query = path.partition("?")

    def environ():
        return {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path_info,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_ACCEPT_ENCODING": "gzip, br",
        }

    def get():
        statuses = []
        body = b"".join(application(environ(), lambda status, headers: statuses.append(status)))
        return statuses[0], body

    status, body = get()
    print(f"{path}: {status}, {len(body)} bytes")
    if not status.startswith("200"):
        sys.exit(body.decode(errors="replace")[:2000])
    for _ in range(5):
        get()
    times, in_database = [], []

    def timed(execute, sql, params, many, context):  # time spent waiting on the database
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            in_database[-1] += time.perf_counter() - start

    for _ in range(repeat):
        in_database.append(0.0)
        with connection.execute_wrapper(timed):
            start = time.perf_counter()
            get()
            times.append((time.perf_counter() - start) * 1000)
    connection.force_debug_cursor = True
    reset_queries()
    get()
    print(
        f"median {statistics.median(times):.1f} ms, p95 {sorted(times)[int(len(times) * 0.95)]:.1f} ms; "
        f"{len(connection.queries)} queries, median {statistics.median(in_database) * 1000:.1f} ms of it "
        f"executing them (sending, waiting, fetching rows; not building them)"
    )
    if os.environ.get("QUERIES"):
        for q in connection.queries:
            print(f"  {float(q['time']) * 1000:5.2f} {q['sql'][:300]}")
    connection.force_debug_cursor = False
    if os.environ.get("PROFILE"):
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(50):
            get()
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative"))
        stats.print_stats(int(os.environ.get("TOP", "45")))
        if os.environ.get("CALLERS"):  # CALLERS=gettext: who calls the functions matching it
            stats.print_callers(os.environ["CALLERS"])
        if os.environ.get("CALLEES"):  # CALLEES=_load: what the functions matching it spend their time on
            stats.print_callees(os.environ["CALLEES"])


if __name__ == "__main__":
    main()
