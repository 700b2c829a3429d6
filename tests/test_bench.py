"""The benchmark script's own parts, lightly: its bounded load generator and its report.
(`make bench` itself needs PostgreSQL, Redis and Varnish and takes minutes: it is not part of the tests.)"""

import importlib.util
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def file_server(tmp_path, protocol):
    """Python's own file server on a free loopback port, in another process (the load
    generator forks, which a threaded server in this process would make unsafe)."""
    (tmp_path / "index.html").write_text("ok")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--protocol", protocol],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def server(tmp_path):
    """Closes every connection after its response, as gunicorn's sync workers do."""
    yield from file_server(tmp_path, "HTTP/1.0")


@pytest.fixture
def keep_alive_server(tmp_path):
    """Keeps connections open, as Varnish does."""
    yield from file_server(tmp_path, "HTTP/1.1")


def test_the_load_generator_stops_at_its_request_bound(bench, server):
    result = bench.load(server, "/", connections=2, max_requests=40, max_seconds=20)
    assert result["requests"] == 40 and result["statuses"] == {200: 40}
    assert result["per_second"] > 0 and 0 < result["median_ms"] <= result["p95_ms"]


def test_the_load_generator_stops_at_its_time_bound(bench, server):
    result = bench.load(server, "/missing", connections=1, max_requests=10**9, max_seconds=0.5)
    assert result["seconds"] < 5 and result["statuses"] == {404: result["requests"]}


def test_a_connection_is_reused_only_while_the_server_keeps_it_open(bench, server, keep_alive_server):
    status, _seconds, _headers, connection = bench.request(keep_alive_server, "/")
    assert status == 200 and connection is not None
    assert bench.request(keep_alive_server, "/", connection)[3] is connection
    connection.close()
    status, _seconds, _headers, connection = bench.request(server, "/")
    assert status == 200 and connection is None
    result = bench.load(keep_alive_server, "/", connections=2, max_requests=40, max_seconds=20)
    assert result["statuses"] == {200: 40}


def row(name, via, per_second, median_ms=10.0, encoding="gzip", x_cache=""):
    run = {
        "per_second": per_second,
        "median_ms": median_ms,
        "p95_ms": median_ms * 2,
        "requests": 10,
        "statuses": {200: 10},
    }
    return {
        "name": name,
        "path": "/",
        "via": via,
        "status": 200,
        "encoding": encoding,
        "x_cache": x_cache,
        "single": run,
        "many": run,
    }


def test_the_verdicts_judge_the_issues_targets(bench):
    rows = [
        row(bench.STATIC, "gunicorn", 1000, median_ms=1.0, encoding=""),
        row("home", "gunicorn", 300),
        row("search", "gunicorn", 100, median_ms=20.0, encoding=""),
        row("home", "Varnish", 6000, x_cache="HIT"),
        row("digest", "Varnish", 4000, x_cache="HIT"),
        row("resource pack, filtered", "Varnish", 9000, x_cache="MISS"),  # fast, but not from the cache
    ]
    text = bench.verdicts(rows, {"home": (9, 2), "search": (16, 12)})
    assert "  - home: 6000 requests/s = 6.0× met" in text
    assert "  - digest: 4000 requests/s = 4.0× NOT met" in text
    assert "resource pack, filtered: 9000 requests/s = 9.0× (NOT served from the cache) NOT met" in text
    assert "at most 15 SQL queries: NOT met: search (most: search, 16)" in text
    assert "Rendered pages gzipped: NOT met: search" in text
    assert (
        f"search at 10,000 entries no slower than before #15 ({bench.BEFORE['search']} ms median): 20.0 ms: NOT met"
        in text
    )
    table = bench.table(rows, {"home": (9, 2)}, argparse_namespace(concurrency=4))
    assert "| home | gunicorn | 200 | yes | 9, 2 |" in table
    assert "| home | Varnish (hit) | 200 | yes | – |" in table


def argparse_namespace(**values):
    import argparse

    return argparse.Namespace(**values)


def test_results_go_between_the_markers(bench, tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "ROOT", tmp_path)
    (tmp_path / "perf.md").write_text(f"# Notes\n\n{bench.MARK_START}\nold\n{bench.MARK_END}\n\nkept\n")
    bench.write("perf.md", "new figures")
    assert (
        tmp_path / "perf.md"
    ).read_text() == f"# Notes\n\n{bench.MARK_START}\nnew figures\n{bench.MARK_END}\n\nkept\n"
