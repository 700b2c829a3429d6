"""Benchmark the production-like stack on this machine: `make bench`.

Sets up (unless --skip-setup) a PostgreSQL database of its own (`pbr_bench`, dropped and made
afresh) with the demo content, 10,000 synthetic bibliography entries and 10,000 synthetic
self-assessment responses, collects the static files, empties its own Redis database
(redis://127.0.0.1:6379/3), then serves the site with gunicorn + whitenoise under the
production settings on 127.0.0.1 only, twice:

1. page cache off (PAGE_CACHE_SECONDS=0): every request renders the page;
2. page cache on (the production default): public pages come from Redis after the first.

For each target it measures one connection (median and 95th percentile latency) and then
--concurrency connections (throughput), each run bounded by a number of requests and a number
of seconds. The load generator is this script: worker processes with http.client, loopback
only. Nothing here runs in `make test`.

    .venv/bin/python bench/run.py [--skip-setup] [--write docs/performance.md]
"""

import argparse
import datetime
import http.client
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

ROOT = Path(__file__).resolve().parents[1]
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.with_name("gunicorn")
HOST = "127.0.0.1"  # loopback only, always

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/pbr_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/3"
MARK_START, MARK_END = "<!-- bench:start -->", "<!-- bench:end -->"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL))
    parser.add_argument("--skip-setup", action="store_true", help="reuse the database from the last run")
    parser.add_argument("--entries", type=int, default=10000)
    parser.add_argument("--responses", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (make serve's default)")
    parser.add_argument("--concurrency", type=int, default=4, help="connections for the throughput runs")
    parser.add_argument("--requests", type=int, default=6000, help="most requests per throughput run")
    parser.add_argument("--seconds", type=float, default=8.0, help="longest throughput run")
    parser.add_argument("--single-requests", type=int, default=300, help="most requests per one-connection run")
    parser.add_argument("--single-seconds", type=float, default=6.0, help="longest one-connection run")
    parser.add_argument("--only", metavar="TEXT", help="only the pages whose name contains TEXT "
                        "(comma-separated; the static file is always measured)")
    parser.add_argument("--cache", choices=["off", "cold", "on", "all"], default="all",
                        help="measure with the page cache off, off with nothing remembered (cold), on, or all three")
    parser.add_argument("--write", metavar="MARKDOWN", help="put the results into this file between the bench markers")
    return parser.parse_args()


# --- environment and set-up ------------------------------------------------------------------
def server_env(args, cache_seconds, remember=True):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pbr_site.settings.production",
        "SECRET_KEY": BENCH_SECRET,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        "PAGE_CACHE_SECONDS": str(cache_seconds),
        "REMEMBER_SITE_STRUCTURE": "true" if remember else "false",
        # The benchmark is one client asking thousands of times: rate limits would answer 429.
        "SEARCH_RATE_LIMIT": "0",
        "LOG_LEVEL": "WARNING",
    }


BENCH_SECRET = "bench-only-" + secrets.token_urlsafe(40)


def manage(env, *command):
    print("  $ manage.py", shlex.join(command), flush=True)
    subprocess.run([str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL if command[0] == "collectstatic" else None)


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
    env = server_env(args, 0)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo_content", "-v", "0")
    manage(env, "generate_synthetic_entries", str(args.entries))
    manage(env, "generate_synthetic_responses", str(args.responses))
    manage(env, "collectstatic", "--noinput", "-v", "0")
    # Planner statistics for the freshly loaded tables, as autovacuum would gather in time.
    with psycopg.connect(**url, dbname=name, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def targets(args):
    """[(name, path, cacheable)] read from the benchmark database."""
    os.environ.update(server_env(args, 0))
    import django

    django.setup()
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db import connections

    from literature.models import DigestPage, ResourcePackPage, SectorTag, ThemeTag
    from toolkit.models import AssessmentResponse, SelfAssessmentPage

    digest = DigestPage.objects.live().filter(locale__language_code="en").order_by("path").first()
    pack = ResourcePackPage.objects.live().get(locale__language_code="en")
    sector, theme = SectorTag.objects.order_by("slug").first(), ThemeTag.objects.order_by("slug").first()
    assessment = SelfAssessmentPage.objects.live().get(locale__language_code="en")
    done = AssessmentResponse.objects.filter(page=assessment, is_synthetic=True, completed_at__isnull=False).first()
    # One response in progress, to ask its first section's questions.
    progress, _ = AssessmentResponse.objects.get_or_create(
        page=assessment, is_synthetic=True, completed_at=None, role="commissioner",
        defaults={"revision_id": assessment.live_revision_id, "language": "en"},
    )
    paths = [
        ("home", "/en/", True),
        ("digest", digest.url, True),
        ("resource pack, filtered", f"{pack.url}?sector={sector.slug}&theme={theme.slug}&sort=title", True),
        ("search", "/en/search/?q=gaming", True),
        ("assessment question page", f"{assessment.url}r/{progress.token}/section/1/", False),
        ("assessment result", f"{assessment.url}result/{done.share_token}/", False),
        ("static file (ceiling)", staticfiles_storage.url("css/main.css"), True),
    ]
    connections.close_all()  # the load generator forks: no shared database connection
    return paths


# --- the server ---------------------------------------------------------------------------------
def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, args, cache_seconds, remember=True):
        self.port = free_port()
        self.log = open(ROOT / "var" / f"bench-gunicorn-{cache_seconds}-{remember}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(GUNICORN), "pbr_site.wsgi", "--bind", f"{HOST}:{self.port}", "--workers", str(args.workers)],
            cwd=ROOT, env=server_env(args, cache_seconds, remember), stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {self.log.name}")
            try:
                if request(self.port, "/en/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise SystemExit(f"gunicorn did not answer within 60 seconds; see {self.log.name}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


# --- the load generator -------------------------------------------------------------------------
def request(port, path):
    """(status, seconds, headers) of one GET on a new connection (gunicorn's sync workers close
    every connection after its response)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip, br", "Host": HOST})
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started, dict(response.getheaders())
    finally:
        connection.close()


def _worker(port, path, budget, deadline, results):
    latencies, statuses = [], {}
    while time.monotonic() < deadline:
        with budget.get_lock():
            if budget.value <= 0:
                break
            budget.value -= 1
        try:
            status, seconds, _headers = request(port, path)
        except OSError:
            status, seconds = "error", 0.0
        statuses[status] = statuses.get(status, 0) + 1
        latencies.append(seconds)
    results.put((latencies, statuses))


def load(port, path, connections, max_requests, max_seconds):
    """Run `connections` worker processes until max_requests are made or max_seconds pass."""
    budget = multiprocessing.Value("i", max_requests)
    results = multiprocessing.Queue()
    deadline = time.monotonic() + max_seconds
    started = time.perf_counter()
    workers = [multiprocessing.Process(target=_worker, args=(port, path, budget, deadline, results))
               for _ in range(connections)]
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


def measure(args, server, name, path):
    status, _seconds, headers = request(server.port, path)  # warms the page cache when it is on
    if status == 404:
        return {"name": name, "path": path, "missing": True, "status": status}
    single = load(server.port, path, 1, args.single_requests, args.single_seconds)
    many = load(server.port, path, args.concurrency, args.requests, args.seconds)
    again = request(server.port, path)[2]
    return {"name": name, "path": path, "status": status, "single": single, "many": many,
            "page_cache": again.get("X-Page-Cache", "")}


# --- report ---------------------------------------------------------------------------------------
def machine():
    memory_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    return f"{os.cpu_count()} CPUs ({cpu}), {memory_kb / 1024 / 1024:.1f} GiB memory, {platform.platform()}"


PHASE_LABELS = {"off": "off", "cold": "off, nothing remembered", "on": "on"}


def fmt(value, digits=1):
    return "–" if value is None else f"{value:.{digits}f}"


def table(results, args):
    lines = [
        f"| page | cache | status | 1 connection: median ms | p95 ms | {args.concurrency} connections: requests/s "
        f"| median ms | p95 ms | requests | non-200 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for phase, rows in results.items():
        for row in rows:
            if row.get("missing"):
                lines.append(f"| {row['name']} | {phase} | 404: missing | – | – | – | – | – | – | – |")
                continue
            single, many = row["single"], row["many"]
            bad = sum(count for status, count in many["statuses"].items() if status != 200)
            bad += sum(count for status, count in single["statuses"].items() if status != 200)
            cache = PHASE_LABELS[phase] + (" (hit)" if row["page_cache"] == "hit" else "")
            lines.append(
                f"| {row['name']} | {cache} | {row['status']} | {fmt(single['median_ms'])} | {fmt(single['p95_ms'])} "
                f"| {fmt(many['per_second'], 0)} | {fmt(many['median_ms'])} | {fmt(many['p95_ms'])} "
                f"| {many['requests'] + single['requests']} | {bad} |"
            )
    return "\n".join(lines)


def verdicts(results):
    """The issue's targets, judged from this run."""
    cached = {row["name"]: row for row in results.get("on", []) if not row.get("missing")}
    lines = []
    if cached:
        ceiling = cached["static file (ceiling)"]["many"]["per_second"]
        lines.append(f"- Static-file ceiling: {ceiling:.0f} requests/s; a cached page meets the target at "
                     f"{ceiling / 1.5:.0f} requests/s or more.")
    for name, row in cached.items():
        if name.startswith("static") or row["page_cache"] != "hit":
            continue
        rate = row["many"]["per_second"]
        lines.append(f"  - {name} (cached): {rate:.0f} requests/s = ceiling / {ceiling / rate:.2f}: "
                     f"{'met' if rate * 1.5 >= ceiling else 'NOT met'}")
    for phase, heading in (
        ("off", "Every uncached public page under 25 ms median with one connection (page cache off):"),
        ("cold", "For information, the worst case: the same with nothing remembered either (as the first "
                 "request in each server process after a content change):"),
    ):
        rows = {row["name"]: row for row in results.get(phase, []) if not row.get("missing")}
        if rows:
            lines.append(f"- {heading}")
        for name, row in rows.items():
            if name.startswith("static"):
                continue
            median = row["single"]["median_ms"]
            lines.append(f"  - {name}: {median:.1f} ms: {'met' if median < 25 else 'NOT met'}")
    missing = [row["name"] for phase in results.values() for row in phase if row.get("missing")]
    if missing:
        lines.append(f"- Not measured (404, not built yet): {', '.join(sorted(set(missing)))}")
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
    pages = targets(args)
    if args.only:
        wanted = [text.strip() for text in args.only.split(",")]
        pages = [page for page in pages if page[0].startswith("static") or any(text in page[0] for text in wanted)]
    load_before = os.getloadavg()
    results = {}
    # off: every request renders its page (site structure remembered, as between two edits);
    # cold: the same with nothing remembered, as the first request after an edit;
    # on: the production default.
    for phase, cache_seconds, remember in (("off", 0, True), ("cold", 0, False), ("on", 600, True)):
        if args.cache not in ("all", phase):
            continue
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()
        print(f"Page cache {phase}: gunicorn with {args.workers} workers on {HOST}…", flush=True)
        server = Server(args, cache_seconds, remember)
        try:
            results[phase] = []
            for name, path, _cacheable in pages:
                row = measure(args, server, name, path)
                results[phase].append(row)
                summary = ("404 (missing)" if row.get("missing") else
                           f"{row['single']['median_ms']:.1f} ms median alone, {row['many']['per_second']:.0f}/s")
                print(f"  {name:28} {summary}", flush=True)
        finally:
            server.stop()
    text = "\n".join([
        f"Run {began:%Y-%m-%d %H:%M} UTC with `{command}` on {machine()}.",
        f"gunicorn {args.workers} sync workers; PostgreSQL `{args.database_url.rsplit('/', 1)[-1]}`; Redis "
        f"`{args.redis_url}`; {args.entries} synthetic entries, {args.responses} synthetic responses. "
        f"One connection: up to {args.single_requests} requests or {args.single_seconds:g} s; "
        f"{args.concurrency} connections: up to {args.requests} requests or {args.seconds:g} s per row. "
        "The load generator (Python worker processes) shares the machine's CPUs with the server. "
        f"Load average (1 min) before the measurements {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}: "
        "anything else running on the machine shows up in these figures.",
        "",
        table(results, args),
        "",
        verdicts(results),
    ])
    print("\n" + text)
    (ROOT / "var" / "bench-results.json").write_text(json.dumps(results, indent=1, default=str))
    if args.write:
        write(args.write, text)
        print(f"\nWritten into {args.write}.")


if __name__ == "__main__":
    main()
