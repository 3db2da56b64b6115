#!/usr/bin/env python3
"""The dashboard under load while ``dyad ingest`` writes to its database, then at rest.

    python bench/load_ingest.py [--articles 2000] [--requests 80] [--concurrency 8] [--pg URL]

Writes a feed of short generated news stories (tests/test_reliability_support.py; one line in
23 is broken on purpose), ingests its first 40 lines, starts ``dyad serve`` on a free loopback
port, then runs ``dyad ingest`` over the whole feed and, at the same time, ``bench/load_web.py``
(its own process, 127.0.0.1 only) against the dashboard. It prints the load table under
writing, the ingest's summary, and the same load with the database at rest. Everything runs in
a temporary folder (or, with ``--pg``, in a temporary schema that is dropped afterwards).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_reliability_concurrency import dashboard  # noqa: E402
from test_reliability_support import write_feed  # noqa: E402

SEED_LINES = 40


def _load(base: str, requests: int, concurrency: int, out: Path) -> list[dict]:
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "load_web.py"), "--url", base, "--requests",
                           str(requests), "--concurrency", str(concurrency), "--max-seconds", "600", "--dyad", "TUR",
                           "IRN", "--json", str(out)], capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise SystemExit(f"load_web.py failed: {proc.stderr[-2000:]}")
    return json.loads(out.read_text())


def _table(title: str, rows: list[dict]) -> None:
    print(title)
    print(f"  {'endpoint':18} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7}  errors")
    for r in rows:
        print(f"  {r['endpoint']:18} {r['req_per_s']:>7} {r['p50_ms']:>7} {r['p99_ms']:>7}  {r['errors'] or '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="lines in the generated feed (default 2000)")
    parser.add_argument("--requests", type=int, default=80, help="requests per endpoint (default 80)")
    parser.add_argument("--concurrency", type=int, default=8, help="connections at once (default 8)")
    parser.add_argument("--batch-size", type=int, default=8, help="articles per ingest transaction (default 8)")
    parser.add_argument("--pg", help="a PostgreSQL URL to use instead of SQLite (a temporary schema in it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        schema = None
        if args.pg:
            import psycopg

            schema = f"dyad_load_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"CREATE SCHEMA {schema}")
            db = f"{args.pg}{'&' if '?' in args.pg else '?'}options={quote(f'-csearch_path={schema}')}"
        else:
            db = str(tmp / "events.db")
        try:
            feed = write_feed(tmp / "feed.jsonl", args.articles)
            seed = tmp / "seed.jsonl"
            seed.write_text("".join(feed.path.read_text(encoding="utf-8").splitlines(True)[:SEED_LINES]),
                            encoding="utf-8")
            ingest = [sys.executable, "-m", "dyad", "ingest", "--db", db, "--no-progress", "--batch-size",
                      str(args.batch_size)]
            subprocess.run([*ingest, str(seed)], capture_output=True, text=True, timeout=900)
            with dashboard(db, tmp / "serve.log") as (base, _port):
                writer = subprocess.Popen([*ingest, str(feed.path)], stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE, text=True)
                time.sleep(5)  # past the ingest's model loading: the load meets the commits
                busy = _load(base, args.requests, args.concurrency, tmp / "busy.json")
                still = writer.poll() is None
                _, err = writer.communicate(timeout=3600)
                rest = _load(base, args.requests, args.concurrency, tmp / "rest.json")
            summary = next((line for line in err.splitlines() if " read: " in line), err[-500:])
            print(f"{args.requests} requests per endpoint, {args.concurrency} at a time, {os.cpu_count()} CPUs "
                  f"({'PostgreSQL' if args.pg else 'SQLite'})")
            _table("while `dyad ingest` writes" + ("" if still else " (it finished before the load did)"), busy)
            print(f"ingest: {summary.removeprefix('dyad: ')}")
            _table("at rest", rest)
        finally:
            if schema:
                import psycopg

                with psycopg.connect(args.pg, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
