"""Fresh sentences: dyad's events on news-style sentences the lexicon was not written from.

    python bench/fresh_events.py [--file bench/fresh_events.tsv] [--show]

Each line of the file names the events a coder would want (see its header). Prints how many
wanted events came out (a side is matched by its country, or IGO; the code by its root) and how
many events came out that no wanted event accounts for (an upper bound on wrong ones: a
sentence may hold more events than the line lists). ``--show`` lists every sentence's events.
Run it on two checkouts to compare; nothing in dyad may be written from these sentences.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _wanted(cell: str) -> list[tuple[str, frozenset[str], str | None, bool]]:
    out = []
    for item in cell.split(";"):
        sym = "~" in item
        source, roots, target = item.split("~" if sym else ">")
        out.append((source, frozenset(roots.split("|")), None if target == "-" else target, sym))
    return out


def _side(ref) -> str | None:  # noqa: ANN001 - ActorRef | None
    if ref is None:
        return None
    return ref.country or (ref.code or "")[:3] or None


def _fits(want: tuple, event) -> bool:  # noqa: ANN001 - Event
    source, roots, target, sym = want
    pair = (_side(event.source), _side(event.target))
    if event.code[:2] not in roots:
        return False
    return pair == (source, target) or (sym and pair == (target, source))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default=str(ROOT / "bench" / "fresh_events.tsv"))
    parser.add_argument("--show", action="store_true", help="list every sentence's events")
    args = parser.parse_args(argv)
    from dyad import Reader

    reader = Reader()
    wanted_n = found = events_n = unaccounted = 0
    for line in Path(args.file).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        published, cell, sentence = line.split("\t")
        wants = _wanted(cell)
        events = reader.read(sentence, published=published).events
        hits = [any(_fits(w, e) for e in events) for w in wants]
        wanted_n += len(wants)
        found += sum(hits)
        events_n += len(events)
        extra = [e for e in events if not any(_fits(w, e) for w in wants)]
        unaccounted += len(extra)
        if args.show or not all(hits):
            mark = "ok  " if all(hits) else "MISS"
            got = ", ".join(f"{_side(e.source)}>{e.code}>{_side(e.target) or '-'}" for e in events) or "nothing"
            print(f"{mark} want {cell:18s} got {got:40s} | {sentence[:90]}")
    print(f"fresh sentences: wanted events found {found}/{wanted_n} = {found / max(1, wanted_n):.0%}; "
          f"events {events_n}, of which {unaccounted} match no wanted event")
    return 0


if __name__ == "__main__":
    sys.exit(main())
