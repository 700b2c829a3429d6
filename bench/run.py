"""Benchmark the production stack on this machine: `make bench`.

Sets up (unless --skip-setup) a PostgreSQL database of its own (`pbr_bench`, dropped and made
afresh) with the demo content, 10,000 synthetic bibliography entries and 10,000 synthetic
self-assessment responses, collects the static files, empties its own Redis database
(redis://127.0.0.1:6379/3), then serves the site as `make serve` does, on 127.0.0.1 only:
gunicorn + whitenoise under the production settings, and Varnish (site/varnish/pbr.vcl) in
front. In that one run, side by side:

1. the static-file ceiling: the main stylesheet straight from gunicorn and whitenoise;
2. every page kind rendered, straight from gunicorn (no cache in front): latency, throughput,
   whether it came gzipped, and its SQL queries (counted in this process on the same database,
   the first time and again);
3. public pages through Varnish, served from its cache.

For each target it measures one connection (median and 95th percentile latency) and then
--concurrency connections (throughput), each run bounded by a number of requests and a number
of seconds. The load generator is this script: worker processes with http.client, loopback
only. Nothing here runs in `make test`.

    .venv/bin/python bench/run.py [--skip-setup] [--write docs/performance.md]
"""

import argparse
import datetime
import json
import multiprocessing
import os
import platform
import secrets
import shlex
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.servers, run as a script
from tests.servers import VARNISHD, varnish_vcl  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.with_name("gunicorn")
HOST = "127.0.0.1"  # loopback only, always

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/pbr_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/3"
MARK_START, MARK_END = "<!-- bench:start -->", "<!-- bench:end -->"
STATIC = "static file (ceiling)"
# The targets (#15).
CACHED_TIMES_STATIC = 5  # a page from Varnish: at least this many times the static file's requests/s
MOST_QUERIES = 15  # a page rendered with nothing cached
# One connection, median ms, from the last run before #15 (2026-12-01, page cache off, structure
# remembered): the 10,000-entry pack and the search must be no slower.
BEFORE = {"resource pack, filtered": 15.4, "search": 15.2}


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL))
    parser.add_argument("--skip-setup", action="store_true", help="reuse the database from the last run")
    parser.add_argument("--entries", type=int, default=10000)
    parser.add_argument("--responses", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (make serve's default)")
    parser.add_argument("--concurrency", type=int, default=4, help="connections for the throughput runs")
    parser.add_argument("--requests", type=int, default=40000, help="most requests per throughput run")
    parser.add_argument("--seconds", type=float, default=8.0, help="longest throughput run")
    parser.add_argument("--single-requests", type=int, default=300, help="most requests per one-connection run")
    parser.add_argument("--single-seconds", type=float, default=6.0, help="longest one-connection run")
    parser.add_argument(
        "--only",
        metavar="TEXT",
        help="only the pages whose name contains TEXT (comma-separated; the static file is always measured)",
    )
    parser.add_argument("--write", metavar="MARKDOWN", help="put the results into this file between the bench markers")
    return parser.parse_args()


# --- environment and set-up ------------------------------------------------------------------
def server_env(args, frontend_cache_url=""):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pbr_site.settings.production",
        "SECRET_KEY": BENCH_SECRET,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        "FRONTEND_CACHE_URL": frontend_cache_url,
        "TRUSTED_PROXY_COUNT": "1",
        # The benchmark is one client asking thousands of times: rate limits would answer 429.
        "SEARCH_RATE_LIMIT": "0",
        "LOG_LEVEL": "WARNING",
    }


BENCH_SECRET = "bench-only-" + secrets.token_urlsafe(40)


def manage(env, *command):
    print("  $ manage.py", shlex.join(command), flush=True)
    subprocess.run(
        [str(PYTHON), "manage.py", *command],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if command[0] == "collectstatic" else None,
    )


def set_up(args):
    import psycopg
    import redis

    url = psycopg.conninfo.conninfo_to_dict(args.database_url.replace("postgres://", "postgresql://", 1))
    name = url.pop("dbname")
    if not name.startswith("pbr_bench"):
        sys.exit(f"Refusing to drop {name!r}: the benchmark database's name must start with pbr_bench.")
    with psycopg.connect(**url, dbname="postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(args.redis_url).flushdb()
    env = server_env(args)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo_content", "-v", "0")
    manage(env, "generate_synthetic_entries", str(args.entries))
    manage(env, "generate_synthetic_responses", str(args.responses))
    manage(env, "collectstatic", "--noinput", "-v", "0")
    # Planner statistics for the freshly loaded tables, as autovacuum would gather in time.
    with psycopg.connect(**url, dbname=name, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def targets(args):
    """[(name, path, public)] read from the benchmark database: one of every page kind (public:
    Varnish may keep it), and the static file."""
    os.environ.update(server_env(args))
    import django

    django.setup()
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db import connections
    from pbr_site.core.models import StandardPage

    from literature.models import (
        BibliographyEntry,
        DigestPage,
        GlossaryPage,
        LiteratureIndexPage,
        ResourcePackPage,
        SectorTag,
        ThemeTag,
    )
    from toolkit.models import AssessmentResponse, SelfAssessmentPage

    english = {"locale__language_code": "en"}
    review = LiteratureIndexPage.objects.live().get(**english)
    digest = DigestPage.objects.live().filter(**english).order_by("path").first()
    glossary = GlossaryPage.objects.live().get(**english)
    standard = StandardPage.objects.live().filter(**english).order_by("path").first()
    pack = ResourcePackPage.objects.live().get(**english)
    entry = BibliographyEntry.objects.order_by("pk").first()
    sector, theme = SectorTag.objects.order_by("slug").first(), ThemeTag.objects.order_by("slug").first()
    assessment = SelfAssessmentPage.objects.live().get(**english)
    done = AssessmentResponse.objects.filter(page=assessment, is_synthetic=True, completed_at__isnull=False).first()
    # One response in progress, to ask its first section's questions.
    progress, _ = AssessmentResponse.objects.get_or_create(
        page=assessment,
        is_synthetic=True,
        completed_at=None,
        role="commissioner",
        defaults={"revision_id": assessment.live_revision_id, "language": "en"},
    )
    paths = [
        ("home", "/en/", True),
        ("standard page", standard.url, True),
        ("literature review", review.url, True),
        ("digest", digest.url, True),
        ("glossary", glossary.url, True),
        ("sector page", f"{review.url}sector/{sector.slug}/", True),
        ("resource pack", pack.url, True),
        ("resource pack, filtered", f"{pack.url}?sector={sector.slug}&theme={theme.slug}&sort=title", True),
        ("entry page", f"{pack.url}entry/{entry.pk}/", True),
        ("search", "/en/search/?q=gaming", False),
        ("self-assessment landing", assessment.url, True),
        ("assessment question page", f"{assessment.url}r/{progress.token}/section/1/", False),
        ("assessment result", f"{assessment.url}result/{done.share_token}/", False),
        (STATIC, staticfiles_storage.url("css/main.css"), False),
    ]
    connections.close_all()  # the load generator forks: no shared database connection
    return paths


def count_queries(pages):
    """{name: (queries with every cache emptied, queries again)} for each page, rendered in this
    process by Django's test client against the benchmark database, as
    tests/core/test_query_budgets.py counts them: after one request to each page (what a server
    process learns once and keeps, such as content types), every cache Django knows is emptied
    before the first count."""
    from django.core.cache import caches
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"host": HOST})
    rendered = [(name, path) for name, path, _public in pages if name != STATIC]
    for _name, path in rendered:
        client.get(path)
    counts = {}
    for name, path in rendered:
        for cache in caches.all():
            cache.clear()
        runs = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            runs.append(len(queries))
        counts[name] = tuple(runs)
    connections.close_all()  # the load generator forks: no shared database connection
    return counts


# --- the servers --------------------------------------------------------------------------------
def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_for(port, what, process, log_name, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} exited; see {log_name}")
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{what} did not answer within {seconds} seconds; see {log_name}")


class Stack:
    """gunicorn (its own port) with Varnish in front (another), as `make serve` runs them."""

    def __init__(self, args):
        self.port, self.front_port = free_port(), free_port()
        self.log = open(ROOT / "var" / "bench-servers.log", "w")  # noqa: SIM115
        self.processes = [
            subprocess.Popen(
                [str(GUNICORN), "pbr_site.wsgi", "--bind", f"{HOST}:{self.port}", "--workers", str(args.workers)],
                cwd=ROOT,
                env=server_env(args, f"http://{HOST}:{self.front_port}"),
                stdout=self.log,
                stderr=subprocess.STDOUT,
            )
        ]
        try:
            wait_for(self.port, "gunicorn", self.processes[0], self.log.name)
            workdir = ROOT / "var" / "bench-varnish"
            workdir.mkdir(exist_ok=True)
            vcl = workdir / "default.vcl"
            vcl.write_text(varnish_vcl([self.port]))
            self.processes.append(
                subprocess.Popen(
                    [
                        VARNISHD,
                        "-F",
                        "-j",
                        "none",
                        "-a",
                        f"{HOST}:{self.front_port}",
                        "-f",
                        str(vcl),
                        "-n",
                        str(workdir / "work"),
                        "-s",
                        "malloc,256m",
                    ],
                    stdout=self.log,
                    stderr=subprocess.STDOUT,
                )
            )
            wait_for(self.front_port, "varnishd", self.processes[1], self.log.name)
        except BaseException:
            self.stop()
            raise

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.log.close()


# --- the load generator -------------------------------------------------------------------------
class Connection:
    """One client connection, kept open for the next request while the server allows it.

    HTTP/1.1 by hand (a request line, three headers; a body by Content-Length, in chunks, or up
    to the close): http.client spends most of a cached page's time parsing headers, so with it
    the load generator, not Varnish, set the pace of the cached rows."""

    def __init__(self, port):
        self.socket = socket.create_connection((HOST, port), timeout=30)
        self.file = self.socket.makefile("rb")

    def get(self, request_bytes):
        """(status, headers, keep_open)."""
        self.socket.sendall(request_bytes)
        status_line = self.file.readline()
        if not status_line:
            raise ConnectionResetError("the server closed the connection")
        version, status = status_line.split(None, 2)[:2]
        headers = {}
        while (line := self.file.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().title()] = value.strip()
        closing = headers.get("Connection", "").lower()
        keep_open = closing != "close" if version == b"HTTP/1.1" else closing == "keep-alive"
        if "Content-Length" in headers:
            self.file.read(int(headers["Content-Length"]))
        elif headers.get("Transfer-Encoding", "").lower() == "chunked":
            while size := int(self.file.readline().split(b";")[0], 16):
                self.file.read(size + 2)
            while self.file.readline() not in (b"\r\n", b"\n", b""):  # trailers
                pass
        else:
            self.file.read()
            keep_open = False
        return int(status), headers, keep_open

    def close(self):
        self.file.close()
        self.socket.close()


def request(port, path, connection=None):
    """(status, seconds, headers, connection) of one GET, asking for gzip as browsers do. The
    connection is reused while the server keeps it open (Varnish does; gunicorn's sync workers
    close every one after its response), as a browser would; None when closed."""
    request_bytes = f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept-Encoding: gzip, br\r\n\r\n".encode()
    started = time.perf_counter()
    connection = connection or Connection(port)
    try:
        status, headers, keep_open = connection.get(request_bytes)
    except BaseException:
        connection.close()
        raise
    if not keep_open:
        connection.close()
        connection = None
    return status, time.perf_counter() - started, headers, connection


# Requests a worker takes from the shared budget at a time: one lock per request between the
# workers cost more than a cached page.
BUDGET_STEP = 20


def _worker(port, path, budget, deadline, results):
    latencies, statuses, connection, allowed = [], {}, None, 0
    while time.monotonic() < deadline:
        if not allowed:
            with budget.get_lock():
                allowed = min(BUDGET_STEP, budget.value)
                budget.value -= allowed
            if not allowed:
                break
        allowed -= 1
        try:
            status, seconds, _headers, connection = request(port, path, connection)
        except OSError:
            status, seconds, connection = "error", 0.0, None
        statuses[status] = statuses.get(status, 0) + 1
        latencies.append(seconds)
    if connection is not None:
        connection.close()
    results.put((latencies, statuses))


def load(port, path, connections, max_requests, max_seconds):
    """Run `connections` worker processes until max_requests are made or max_seconds pass."""
    budget = multiprocessing.Value("i", max_requests)
    results = multiprocessing.Queue()
    deadline = time.monotonic() + max_seconds
    started = time.perf_counter()
    workers = [
        multiprocessing.Process(target=_worker, args=(port, path, budget, deadline, results))
        for _ in range(connections)
    ]
    for worker in workers:
        worker.start()
    collected = [results.get(timeout=max_seconds + 60) for _ in workers]
    elapsed = time.perf_counter() - started
    for worker in workers:
        worker.join()
    latencies = sorted(seconds for part, _ in collected for seconds in part)
    statuses = {}
    for _, part in collected:
        for status, count in part.items():
            statuses[status] = statuses.get(status, 0) + count
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "per_second": len(latencies) / elapsed if elapsed else 0.0,
        "median_ms": statistics.median(latencies) * 1000 if latencies else None,
        "p95_ms": latencies[max(0, int(round(0.95 * len(latencies))) - 1)] * 1000 if latencies else None,
        "statuses": statuses,
    }


def measure(args, port, name, path, via):
    """One row: `via` is "gunicorn" (rendered, or whitenoise's file) or "Varnish"."""
    status, _seconds, headers, connection = request(port, path)  # stores the page when Varnish is in front
    if connection is not None:
        connection.close()
    row = {"name": name, "path": path, "via": via, "status": status, "encoding": headers.get("Content-Encoding", "")}
    if status == 404:
        return {**row, "missing": True}
    row["single"] = load(port, path, 1, args.single_requests, args.single_seconds)
    row["many"] = load(port, path, args.concurrency, args.requests, args.seconds)
    _status, _seconds, again, connection = request(port, path)
    if connection is not None:
        connection.close()
    row["x_cache"] = again.get("X-Cache", "")
    return row


# --- report ---------------------------------------------------------------------------------------
def machine():
    memory_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    return f"{os.cpu_count()} CPUs ({cpu}), {memory_kb / 1024 / 1024:.1f} GiB memory, {platform.platform()}"


def fmt(value, digits=1):
    return "–" if value is None else f"{value:.{digits}f}"


def table(rows, queries, args):
    lines = [
        f"| page | served by | status | gzip | SQL queries (caches emptied, again) | 1 connection: median ms | p95 ms "
        f"| {args.concurrency} connections: requests/s | median ms | p95 ms | requests | non-200 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        counted = queries.get(row["name"]) if row["via"] == "gunicorn" else None
        counted = "–" if counted is None else f"{counted[0]}, {counted[1]}"
        via = "Varnish (" + (row.get("x_cache") or "?").lower() + ")" if row["via"] == "Varnish" else row["via"]
        if row.get("missing"):
            lines.append(f"| {row['name']} | {via} | 404: missing | – | {counted} | – | – | – | – | – | – | – |")
            continue
        single, many = row["single"], row["many"]
        bad = sum(count for status, count in many["statuses"].items() if status != 200)
        bad += sum(count for status, count in single["statuses"].items() if status != 200)
        lines.append(
            f"| {row['name']} | {via} | {row['status']} | {'yes' if row['encoding'] == 'gzip' else 'no'} | {counted} "
            f"| {fmt(single['median_ms'])} | {fmt(single['p95_ms'])} "
            f"| {fmt(many['per_second'], 0)} | {fmt(many['median_ms'])} | {fmt(many['p95_ms'])} "
            f"| {many['requests'] + single['requests']} | {bad} |"
        )
    return "\n".join(lines)


def verdicts(rows, queries):
    """The issue's targets, judged from this run."""
    lines = []
    measured = [row for row in rows if not row.get("missing")]
    static = next((row for row in measured if row["name"] == STATIC), None)
    cached = [row for row in measured if row["via"] == "Varnish"]
    if static and cached:
        ceiling = static["many"]["per_second"]
        lines.append(
            f"- A page from Varnish at least {CACHED_TIMES_STATIC}× the static file's {ceiling:.0f} "
            f"requests/s through gunicorn and whitenoise ({CACHED_TIMES_STATIC * ceiling:.0f}):"
        )
        for row in cached:
            rate = row["many"]["per_second"]
            hit = row["x_cache"] == "HIT"
            lines.append(
                f"  - {row['name']}: {rate:.0f} requests/s = {rate / ceiling:.1f}× "
                f"{'' if hit else '(NOT served from the cache) '}"
                f"{'met' if hit and rate >= CACHED_TIMES_STATIC * ceiling else 'NOT met'}"
            )
    if queries:
        worst = max(queries.items(), key=lambda item: max(item[1]))
        over = sorted(name for name, counted in queries.items() if max(counted) > MOST_QUERIES)
        lines.append(
            f"- Every page rendered with nothing cached at most {MOST_QUERIES} SQL queries: "
            f"{'NOT met: ' + ', '.join(over) if over else 'met'} (most: {worst[0]}, {max(worst[1])})."
        )
    rendered = [row for row in measured if row["via"] == "gunicorn" and row["name"] != STATIC]
    if rendered:
        plain = [row["name"] for row in rendered if row["encoding"] != "gzip"]
        lines.append("- Rendered pages gzipped: " + (f"NOT met: {', '.join(plain)}" if plain else "met, every one."))
    if static and rendered:
        lines.append(
            f"- Rendered (no cache), one connection, median: the static file {static['single']['median_ms']:.1f} "
            "ms; " + "; ".join(f"{row['name']} {row['single']['median_ms']:.1f}" for row in rendered) + " ms."
        )
    for name, before in BEFORE.items():
        row = next((row for row in rendered if row["name"] == name), None)
        if row:
            median = row["single"]["median_ms"]
            lines.append(
                f"- {name} at 10,000 entries no slower than before #15 ({before} ms median): "
                f"{median:.1f} ms: {'met' if median <= before else 'NOT met'}"
            )
    missing = sorted({row["name"] for row in rows if row.get("missing")})
    if missing:
        lines.append(f"- Not measured (404, not built yet): {', '.join(missing)}")
    return "\n".join(lines)


def write(path, text):
    path = ROOT / path
    current = path.read_text() if path.exists() else f"{MARK_START}\n{MARK_END}\n"
    before, rest = current.split(MARK_START, 1)
    _old, after = rest.split(MARK_END, 1)
    path.write_text(f"{before}{MARK_START}\n{text}\n{MARK_END}{after}")


def main():
    args = arguments()
    (ROOT / "var").mkdir(exist_ok=True)
    if os.environ.get("MAKELEVEL"):  # run by `make bench [BENCH_ARGS=...]`
        extra = [arg for arg in sys.argv[1:] if arg not in {"--write", "docs/performance.md"}]
        command = "make bench" + (f" BENCH_ARGS={shlex.quote(shlex.join(extra))}" if extra else "")
    else:
        command = shlex.join([sys.argv[0], *sys.argv[1:]])
    began = datetime.datetime.now(datetime.UTC)
    if not args.skip_setup:
        print("Setting up the benchmark database, Redis and static files…", flush=True)
        set_up(args)
    import redis

    redis.Redis.from_url(args.redis_url).flushdb()
    pages = targets(args)
    if args.only:
        wanted = [text.strip() for text in args.only.split(",")]
        pages = [page for page in pages if page[0] == STATIC or any(text in page[0] for text in wanted)]
    print("Counting each page's SQL queries…", flush=True)
    queries = count_queries(pages)
    load_before = os.getloadavg()
    print(f"gunicorn with {args.workers} workers and Varnish in front, on {HOST}…", flush=True)
    stack = Stack(args)
    rows = []
    try:
        # The static file and every page straight from gunicorn (rendered each time), then the
        # public pages from Varnish's cache.
        plan = [(name, path, stack.port, "gunicorn") for name, path, _public in pages]
        plan += [
            (name, path, stack.front_port, "Varnish")
            for name, path, public in pages
            if public and (args.only or name in ("home", "digest", "resource pack, filtered"))
        ]
        for name, path, port, via in plan:
            row = measure(args, port, name, path, via)
            rows.append(row)
            summary = (
                "404 (missing)"
                if row.get("missing")
                else f"{row['single']['median_ms']:.1f} ms median alone, {row['many']['per_second']:.0f}/s"
            )
            print(f"  {name:28} {via:9} {summary}", flush=True)
    finally:
        stack.stop()
    text = "\n".join(
        [
            f"Run {began:%Y-%m-%d %H:%M} UTC with `{command}` on {machine()}.",
            f"gunicorn {args.workers} sync workers behind Varnish 7 (site/varnish/pbr.vcl, 256 MB); PostgreSQL "
            f"`{args.database_url.rsplit('/', 1)[-1]}`; Redis `{args.redis_url}`; {args.entries} synthetic entries, "
            f"{args.responses} synthetic responses. One connection: up to {args.single_requests} requests or "
            f"{args.single_seconds:g} s; {args.concurrency} connections: up to {args.requests} requests or "
            f"{args.seconds:g} s per row; a connection is reused while the server keeps it open (Varnish does, "
            "gunicorn's sync workers do not). SQL queries counted in process with every cache emptied first, "
            "as the query-budget tests do. "
            "The load generator (Python worker processes) shares the machine's CPUs with the servers. "
            f"Load average (1 min) before the measurements {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}: "
            "anything else running on the machine shows up in these figures.",
            "",
            table(rows, queries, args),
            "",
            verdicts(rows, queries),
        ]
    )
    print("\n" + text)
    (ROOT / "var" / "bench-results.json").write_text(
        json.dumps({"rows": rows, "queries": queries}, indent=1, default=str)
    )
    if args.write:
        write(args.write, text)
        print(f"\nWritten into {args.write}.")


if __name__ == "__main__":
    main()
