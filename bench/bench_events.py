"""How much event coding adds to spaCy's own time, on the PolNeAR dev texts.

    python bench/bench_events.py [--limit N] [--jsonl PATH]

Parses every text once with spaCy (timed: the baseline), runs the stages above events
(actors, dates, places, quotes; not timed), then times ``find_events`` alone on the same docs.
Prints sentences/s and articles/s for both, the ratio coding/spaCy (target: under 0.20),
events found, and peak memory. Event coding is pure Python on the parse, so the ratio is the
number to watch.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "polnear-dev-quotes.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jsonl", type=Path, default=DEV)
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=3, help="time event coding this many times (best)")
    args = parser.parse_args(argv)

    from dyad import actors, dates, places, quotes
    from dyad.events import find_events, load_lexicon
    from dyad.ingest import read_text
    from dyad.nlp import load_pipeline

    rows = [json.loads(line) for line in args.jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    articles = [read_text(r["text"], published=(r.get("published") or r.get("date") or "2016-11-01")[:10])
                for r in rows]
    nlp = load_pipeline()
    nlp("warm up")
    start = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    spacy_seconds = time.perf_counter() - start
    sentences = sum(1 for d in docs for _ in d.sents)

    tables, gazetteer, lexicon = actors.load_tables(), places.load_gazetteer(), load_lexicon()
    inputs = []
    for article, doc in zip(articles, docs, strict=True):
        doc_actors = actors.find_actors(doc, article, tables)
        inputs.append((doc, article, doc_actors, dates.find_dates(doc, article),
                       places.find_places(doc, article, gazetteer), quotes.find_quotes(doc, article, doc_actors)))

    best, found = float("inf"), 0
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        found = sum(len(find_events(doc, article, da, ds, ps, qs, lexicon))
                    for doc, article, da, ds, ps, qs in inputs)
        best = min(best, time.perf_counter() - start)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(docs)} articles, {sentences} sentences ({args.jsonl.name})")
    print(f"spaCy parse:   {spacy_seconds:7.2f} s  {sentences / spacy_seconds:8.0f} sentences/s  "
          f"{len(docs) / spacy_seconds:6.1f} articles/s")
    print(f"event coding:  {best:7.2f} s  {sentences / best:8.0f} sentences/s  "
          f"{len(docs) / best:6.1f} articles/s  ({found} events)")
    print(f"coding / spaCy: {best / spacy_seconds:.3f}  (target < 0.20)")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
