#!/usr/bin/env python3
"""A bounded load test of the dashboard: a fixed number of requests, a few at a time, from this
process to a ``dyad serve`` on 127.0.0.1 (started here, or one of yours with ``--url``).

Usage (from the repository root):

    .venv/bin/python bench/load_web.py --db dyad.db [--requests 300] [--concurrency 8]
    .venv/bin/python bench/load_web.py --url http://127.0.0.1:8000 [--token TOKEN]

For each main endpoint it sends ``--requests`` GETs over ``--concurrency`` keep-alive
connections and reports requests/s and the 50th/99th percentile latency (and any non-200
answer). Loopback only: any other address is refused, and the whole run stops after
``--max-seconds`` whatever is left.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

#: Hosts the load may be sent to: this machine only.
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass
class Result:
    name: str
    path: str
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def row(self) -> dict[str, object]:
        done = len(self.latencies)
        ordered = sorted(self.latencies)

        def pct(p: float) -> float:
            return round(1000 * ordered[min(done - 1, int(p * done))], 1) if done else float("nan")

        rate = round(done / self.seconds, 1) if self.seconds else 0.0
        mean = round(1000 * statistics.fmean(ordered), 1) if done else float("nan")
        return {"endpoint": self.name, "requests": done, "req_per_s": rate, "p50_ms": pct(0.50),
                "p99_ms": pct(0.99), "mean_ms": mean, "errors": dict(self.errors)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: str) -> Iterator[str]:
    """``dyad serve --db DB`` on a free loopback port, in its own process."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DYAD_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "dyad", "serve", "--db", db, "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"dyad serve did not start (exit status {proc.poll()})") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def _get(conn: http.client.HTTPConnection, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def hammer(base: str, path: str, *, requests: int, concurrency: int, headers: dict[str, str],
           stop_at: float, name: str) -> Result:
    """``requests`` GETs of ``path`` from ``concurrency`` threads, each on its own connection."""
    parts = urlsplit(base)
    result = Result(name, path)
    lock = threading.Lock()
    left = [requests]

    def worker() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            while time.monotonic() < stop_at:
                with lock:
                    if left[0] <= 0:
                        return
                    left[0] -= 1
                started = time.perf_counter()
                try:
                    status, _ = _get(conn, path, headers)
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                    status = type(exc).__name__
                took = time.perf_counter() - started
                with lock:
                    if status == 200:
                        result.latencies.append(took)
                    else:
                        result.errors[str(status)] = result.errors.get(str(status), 0) + 1
        finally:
            conn.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - started
    return result


def endpoints(base: str, headers: dict[str, str], dyad: tuple[str, str]) -> list[tuple[str, str]]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    status, body = _get(conn, "/api/articles?limit=1", headers)
    conn.close()
    if status != 200:
        raise SystemExit(f"{base}/api/articles answered {status}: {body[:200]!r}")
    rows = json.loads(body)["articles"]
    article = quote(rows[0]["id"], safe="") if rows else "none"
    a, b = dyad
    return [("counts", "/api/counts"), ("overview", "/api/overview"), ("events", "/api/events?limit=100"),
            ("events filtered", f"/api/events?source={a}&limit=100"), ("quotes", "/api/quotes?limit=100"),
            ("quote search", "/api/quotes?contains=said&limit=50"), ("dyad", f"/api/dyad/{a}/{b}"),
            ("network", "/api/network"), ("article", f"/api/articles/{article}"),
            ("page: overview", "/"), ("page: dyad", f"/dyad/{a}/{b}"), ("page: article", f"/article/{article}")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="start `dyad serve` on this database (SQLite file or postgresql:// URL)")
    where.add_argument("--url", help="a running dashboard on this machine (http://127.0.0.1:PORT)")
    parser.add_argument("--token", default=os.environ.get("DYAD_TOKEN"), help="its token, if it has one")
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint (default 300)")
    parser.add_argument("--concurrency", type=int, default=8, help="connections at once (default 8)")
    parser.add_argument("--max-seconds", type=float, default=300, help="stop the whole run after this long")
    parser.add_argument("--dyad", nargs=2, default=("RUS", "CHN"), metavar=("A", "B"))
    parser.add_argument("--json", type=Path, help="also write the results here as JSON")
    args = parser.parse_args()
    if not 1 <= args.requests <= 100_000 or not 1 <= args.concurrency <= 64:
        parser.error("--requests must be 1-100000 and --concurrency 1-64")
    if args.url and urlsplit(args.url).hostname not in LOOPBACK:
        parser.error("--url must be on this machine (127.0.0.1, localhost or [::1]): load goes nowhere else")
    headers = {"Authorization": f"Bearer {args.token}"} if args.token else {}
    with (serve(args.db) if args.db else _given(args.url)) as base:
        stop_at = time.monotonic() + args.max_seconds
        results = []
        for name, path in endpoints(base, headers, tuple(args.dyad)):
            hammer(base, path, requests=min(20, args.requests), concurrency=2, headers=headers, stop_at=stop_at,
                   name=name)  # warm up
            results.append(hammer(base, path, requests=args.requests, concurrency=args.concurrency, headers=headers,
                                  stop_at=stop_at, name=name).row())
    print(f"{args.requests} requests per endpoint, {args.concurrency} at a time, against {base} "
          f"({os.cpu_count()} CPUs shared with the server)")
    print(f"{'endpoint':18} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}  errors")
    for r in results:
        print(f"{r['endpoint']:18} {r['req_per_s']:>8} {r['p50_ms']:>8} {r['p99_ms']:>8}  {r['errors'] or '-'}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url.rstrip("/")


if __name__ == "__main__":
    main()
