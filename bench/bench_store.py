"""Benchmark the event database: articles/s and size per 1,000 articles, SQLite and PostgreSQL
side by side, plus the full pipeline (read + store) for reference.

The corpus is the 84 texts of ``shared/dev/polnear-dev-quotes.jsonl``, read once by the real
Reader; their readings are then copied under new article ids (copy k shifts every date by
``3 * k`` days, so copies are distinct events rather than one event reported N times) until
there are ``--articles`` of them. The storage rows time ``Store.write`` alone, in batches of
``--batch-size`` (one transaction each), dedup included; the pipeline row times
``dyad.batch.ingest_items`` over the 84 originals with the Reader's models already loaded.

    python bench/bench_store.py --articles 3000
    python bench/bench_store.py --pg postgresql://dyad:dyad@127.0.0.1/dyad_test   # or $DYAD_TEST_PG_URL
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from dyad.batch import ingest_items
from dyad.ingest import read_text
from dyad.reader import Reader
from dyad.records import Reading
from dyad.store import open_store

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "polnear-dev-quotes.jsonl"


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) < 10:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


def copy_reading(reading: Reading, k: int) -> Reading:
    days = 3 * k
    article = replace(reading.article, id=f"bench-{k:04d}-{reading.article.id}",
                      published=_shift(reading.article.published, days))
    events = tuple(replace(e, date=_shift(e.date, days)) for e in reading.events)
    return replace(reading, article=article, events=events)


def corpus(originals: list[Reading], n: int) -> list[Reading]:
    return [copy_reading(originals[i % len(originals)], i // len(originals)) for i in range(n)]


def bench_storage(url: str, readings: list[Reading], batch_size: int) -> dict:
    with open_store(url) as store:
        started = time.perf_counter()
        for i in range(0, len(readings), batch_size):
            store.write(readings[i:i + batch_size])
        seconds = time.perf_counter() - started
        counts = store.counts()
        if store.dialect == "sqlite":
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = os.path.getsize(url)
        else:
            size = int(store.db.scalar(
                "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"))
    return {"seconds": seconds, "size": size, "counts": counts}


def _pg_schema(url: str, schema: str, create: bool) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}" if create else f"DROP SCHEMA {schema} CASCADE")
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--pg", default=os.environ.get("DYAD_TEST_PG_URL"),
                        help="PostgreSQL URL (default $DYAD_TEST_PG_URL); a scratch schema is used and dropped")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args()

    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [read_text(r["text"], origin=r["id"], published=r.get("date"), title=r.get("title"))
                for r in rows]
    reader = Reader()
    list(reader.read_articles(articles[:1]))  # load the models before timing
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        originals = list(reader.read_articles(articles))
        read_seconds = time.perf_counter() - started
        with open_store(Path(tmp) / "pipeline.db") as store:
            started = time.perf_counter()
            summary = ingest_items(articles, store, reader, batch_size=args.batch_size, progress=False)
            pipeline_seconds = time.perf_counter() - started
        readings = corpus(originals, args.articles)
        results = {"sqlite": bench_storage(str(Path(tmp) / "bench.db"), readings, args.batch_size)}
        if args.pg:
            schema = f"dyad_bench_{uuid.uuid4().hex[:8]}"
            url = _pg_schema(args.pg, schema, create=True)
            try:
                results["postgresql"] = bench_storage(url, readings, args.batch_size)
            finally:
                _pg_schema(args.pg, schema, create=False)

    n = len(readings)
    reports = sum(len(r.events) for r in readings)
    print(f"corpus: {n} articles from {len(originals)} texts (mean {sum(len(a.text) for a in articles) // len(articles)} "
          f"chars), {reports} event reports, {sum(len(r.quotes) for r in readings)} quotes; "
          f"batch size {args.batch_size}")
    print(f"{'storage only':<14}{'articles':>9}{'seconds':>9}{'articles/s':>12}{'events':>8}{'MB':>8}{'MB/1000 art.':>14}")
    for backend, r in results.items():
        mb = r["size"] / 1e6
        print(f"{backend:<14}{n:>9}{r['seconds']:>9.1f}{n / r['seconds']:>12.0f}{r['counts']['events']:>8}"
              f"{mb:>8.1f}{mb * 1000 / n:>14.2f}")
    if "postgresql" not in results:
        print("postgresql    (skipped: no --pg URL and DYAD_TEST_PG_URL unset)")
    print(f"full pipeline (read + store, SQLite, models loaded): {summary.seen} articles in {pipeline_seconds:.1f} s "
          f"= {summary.seen / pipeline_seconds:.1f} articles/s (reading alone: {len(articles) / read_seconds:.1f} "
          f"articles/s)")
    if args.json:
        print(json.dumps({"articles": n, "pipeline_articles_per_s": summary.seen / pipeline_seconds,
                          **{k: {"articles_per_s": n / v["seconds"], "mb_per_1000": v["size"] / 1e3 / n}
                             for k, v in results.items()}}))


if __name__ == "__main__":
    sys.exit(main())
