"""The benchmark script's own parts, lightly: its bounded load generator and its report.
(`make bench` itself needs PostgreSQL and Redis and takes minutes: it is not part of the tests.)"""

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


@pytest.fixture
def server(tmp_path):
    """Python's own file server on a free loopback port, in another process (the load
    generator forks, which a threaded server in this process would make unsafe)."""
    (tmp_path / "index.html").write_text("ok")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                               cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


def test_the_load_generator_stops_at_its_request_bound(bench, server):
    result = bench.load(server, "/", connections=2, max_requests=40, max_seconds=20)
    assert result["requests"] == 40 and result["statuses"] == {200: 40}
    assert result["per_second"] > 0 and 0 < result["median_ms"] <= result["p95_ms"]


def test_the_load_generator_stops_at_its_time_bound(bench, server):
    result = bench.load(server, "/missing", connections=1, max_requests=10**9, max_seconds=0.5)
    assert result["seconds"] < 5 and result["statuses"] == {404: result["requests"]}


def test_results_go_between_the_markers(bench, tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "ROOT", tmp_path)
    (tmp_path / "perf.md").write_text(f"# Notes\n\n{bench.MARK_START}\nold\n{bench.MARK_END}\n\nkept\n")
    bench.write("perf.md", "new figures")
    assert (tmp_path / "perf.md").read_text() == f"# Notes\n\n{bench.MARK_START}\nnew figures\n{bench.MARK_END}\n\nkept\n"
