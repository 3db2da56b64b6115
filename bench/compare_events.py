"""Compare two runs' events, for a precision check by eye: what one checkout adds and removes.

    dyad code corpus.jsonl --format jsonl > new.jsonl       # in each checkout
    python bench/compare_events.py old.jsonl new.jsonl [--sample 40] [--seed 0]

Events are compared per article as (source code, CAMEO code, target code, trigger, sentence).
Prints how many events each run has, how many the second adds and removes, and a random sample
of the added ones to read (``--sample``; the same ``--seed`` draws the same sample).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path


def events_by_article(path: Path) -> dict[str, set[tuple]]:
    out: dict[str, set[tuple]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        reading = json.loads(line)
        out[reading["article"].get("id") or ""] = {
            ((e["source"] or {}).get("code"), e["code"], (e["target"] or {}).get("code"), e.get("trigger"),
             (e.get("sentence") or "")[:150])
            for e in reading.get("events") or ()}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--sample", type=int, default=40, help="how many added events to list")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    old, new = events_by_article(args.old), events_by_article(args.new)
    added = [(k, e) for k in sorted(new) for e in sorted(new[k] - old.get(k, set()), key=str)]
    removed = [(k, e) for k in sorted(old) for e in sorted(old[k] - new.get(k, set()), key=str)]
    print(f"events: {sum(map(len, old.values()))} -> {sum(map(len, new.values()))}; "
          f"added {len(added)}, removed {len(removed)}")
    for article, (source, code, target, trigger, sentence) in random.Random(args.seed).sample(
            added, min(args.sample, len(added))):
        print(f"+ {article}  {source} {code} {target or '-'}  [{trigger}]  {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
