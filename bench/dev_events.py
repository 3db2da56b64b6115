"""The event dev loop: how dyad's events fare on real sentences and articles.

    python bench/dev_events.py conflibert [--limit N] [--misses FILE]
    python bench/dev_events.py golds
    python bench/dev_events.py bbc [--limit N]
    python bench/dev_events.py all --limit 200

- conflibert: ``../shared/dev/conflibert-cameo-train.jsonl`` (real news sentences with a
  five-way CAMEO class, and for most annotated source/target spans). Prints the share of
  sentences with an event of the right class, the share whose event's source actor sits in the
  annotated source span (of those with a source span), and for the sentences missed, why: no
  trigger of that class in the lexicon ("lexicon"), or a trigger matched but no event came out
  ("roles/actors": the side was not linked or not resolved).
- golds: every file of ``../shared/golden/`` through ``../shared/tools/score_dev_golds.py``.
- bbc: events per article over ``../shared/dev/bbc-news-2004-2005.jsonl`` by category (the
  first N articles of each category with ``--limit``), and the share that are one-sided.

``--shared DIR`` names the shared folder (default: ``../shared`` next to the checkout, else
``/work/shared``). ``--data-dir`` codes with a user's data files.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The ConfliBERT five-way classes, by the first two digits of the CAMEO code.
PENTACLASS = {**dict.fromkeys(("01", "02"), 0), **dict.fromkeys(("03", "04", "05"), 1),
              **dict.fromkeys(("06", "07", "08"), 2),
              **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
              **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4)}


def _shared(given: str | None) -> Path:
    for candidate in (given, ROOT.parent / "shared", "/work/shared"):
        if candidate and Path(candidate, "dev").is_dir():
            return Path(candidate)
    raise SystemExit("no shared folder found: pass --shared DIR")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class Coder:
    """The stages up to events, run by hand so the bench sees the parse and the trigger matches."""

    def __init__(self, data_dir: str | None) -> None:
        from dyad import actors, dates, places, quotes
        from dyad.events import load_lexicon
        from dyad.nlp import load_pipeline

        self.stages = (actors, dates, places, quotes)
        self.nlp = load_pipeline()
        started = time.perf_counter()
        self.lexicon = load_lexicon(data_dir)
        self.load_seconds = time.perf_counter() - started
        self.tables = (actors.load_tables(data_dir), places.load_gazetteer(data_dir), quotes.load_cues(data_dir))

    def code(self, texts: list[str], published: list[str]):  # noqa: ANN201 - yields (doc, events)
        from dyad.events import find_events
        from dyad.ingest import read_text

        actors, dates, places, quotes = self.stages
        tables, gazetteer, cues = self.tables
        articles = [read_text(t, published=p) for t, p in zip(texts, published, strict=True)]
        for article, doc in zip(articles, self.nlp.pipe([a.text for a in articles], batch_size=32),
                                strict=True):
            doc_actors = actors.find_actors(doc, article, tables)
            qs = quotes.find_quotes(doc, article, doc_actors, cues=cues)
            events = find_events(doc, article, doc_actors, dates.find_dates(doc, article),
                                 places.find_places(doc, article, gazetteer), qs, self.lexicon)
            yield doc, events


def _overlaps(mention, start: int, end: int) -> bool:  # noqa: ANN001 - Mention | None
    return mention is not None and mention.start < end and start < mention.end


def conflibert(args: argparse.Namespace, shared: Path) -> None:
    from dyad.events import match_sentence

    rows = _rows(shared / "dev" / "conflibert-cameo-train.jsonl")
    if args.limit:
        rows = rows[: args.limit]
    coder = Coder(args.data_dir)
    started = time.perf_counter()
    right = any_event = spans = spans_coded = source_ok = 0
    causes: Counter[str] = Counter()
    by_class: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    texts = [r["text"] for r in rows]
    for row, (doc, events) in zip(rows, coder.code(texts, ["2020-01-01"] * len(rows)), strict=True):
        want = row["pentaclass"]
        good = [e for e in events if PENTACLASS.get(e.code[:2]) == want]
        any_event += bool(events)
        right += bool(good)
        by_class[want][0] += bool(good)
        by_class[want][1] += 1
        if row.get("source"):
            spans += 1
            text = row["text"]
            places = [(text.find(s), text.find(s) + len(s)) for s in row["source"] if text.find(s) >= 0]
            spans_coded += bool(good)
            if any(_overlaps(e.source.mention, a, b) for e in good for a, b in places):
                source_ok += 1
        if not good:
            matched = [m for s in doc.sents for m in match_sentence(s, coder.lexicon)
                       if m.pattern.code and PENTACLASS.get(m.pattern.code[:2]) == want]
            cause = "roles/actors" if matched else ("wrong class" if events else "lexicon")
            causes[cause] += 1
            misses.append({"id": row["id"], "want": want, "cause": cause, "text": row["text"],
                           "got": [f"{e.source.code}->{e.target.code if e.target else '-'} {e.code}"
                                   for e in events],
                           "matched": [f"{m.token.text}:{m.pattern.code}" for m in matched]})
    seconds = time.perf_counter() - started
    n = len(rows)
    print(f"conflibert: {n} sentences, lexicon load {coder.load_seconds:.2f} s, coded in {seconds:.0f} s")
    print(f"  right class: {right}/{n} = {right / n:.1%}   any event: {any_event / n:.1%}")
    print(f"  source match: {source_ok}/{spans_coded} = {source_ok / max(1, spans_coded):.1%} of the "
          f"right-class events with an annotated source span ({source_ok / max(1, spans):.1%} of all {spans})")
    print("  by class: " + "  ".join(f"{k}={v[0]}/{v[1]}" for k, v in sorted(by_class.items())))
    print("  misses by cause: " + "  ".join(f"{k}={v}" for k, v in causes.most_common()))
    if args.misses:
        Path(args.misses).write_text("".join(json.dumps(m) + "\n" for m in misses), encoding="utf-8")


def golds(args: argparse.Namespace, shared: Path) -> None:
    dyad = f"env PYTHONPATH={ROOT / 'src'} {sys.executable} -m dyad"
    if args.data_dir:
        print("golds: --data-dir is not passed to score_dev_golds.py", file=sys.stderr)
    out = subprocess.run([sys.executable, str(shared / "tools" / "score_dev_golds.py"), "--dyad", dyad],
                         capture_output=True, text=True, cwd=ROOT, check=False).stdout
    print(out.rstrip())


def bbc(args: argparse.Namespace, shared: Path) -> None:
    rows = _rows(shared / "dev" / "bbc-news-2004-2005.jsonl")
    by_category: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        category = row.get("category") or row["id"].split("-")[1]
        if not args.limit or len(by_category[category]) < args.limit:
            by_category[category].append(row)
    coder = Coder(args.data_dir)
    total = articles = one_sided = 0
    for category, items in sorted(by_category.items()):
        found = Counter()
        for _, events in coder.code([r["text"] for r in items], ["2005-01-01"] * len(items)):
            found["events"] += len(events)
            found["one-sided"] += sum(e.target is None for e in events)
        total += found["events"]
        one_sided += found["one-sided"]
        articles += len(items)
        print(f"bbc {category:14s} {len(items):4d} articles  {found['events'] / len(items):5.2f} events/article"
              f"  ({found['one-sided']} one-sided)")
    print(f"bbc all            {articles:4d} articles  {total / max(1, articles):5.2f} events/article"
          f"  ({one_sided} one-sided)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("conflibert", "golds", "bbc", "all"))
    parser.add_argument("--limit", type=int, default=0, help="conflibert: first N sentences; bbc: N per category")
    parser.add_argument("--shared", default=os.environ.get("DYAD_SHARED"))
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--misses", default=None, help="conflibert: write the missed sentences here (JSONL)")
    args = parser.parse_args(argv)
    shared = _shared(args.shared)
    if args.what in ("conflibert", "all"):
        conflibert(args, shared)
    if args.what in ("golds", "all"):
        golds(args, shared)
    if args.what in ("bbc", "all"):
        bbc(args, shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
