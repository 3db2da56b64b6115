"""Time the places and dates stages: gazetteer load, per-mention geocoding, per-article cost.

    python bench/bench_places.py [FILE ...]     # defaults to examples/*.txt

Prints the gazetteer's cold load time (a fresh interpreter, as a batch worker sees it), the
cost of one exact-name lookup, and find_places/find_dates per article next to the baseline
of parsing the same text with spaCy alone. Targets (issue 4): load < 2 s, lookup < 100 us.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

COLD_LOAD = """
import time
t0 = time.perf_counter()
from dyad.places import load_gazetteer
t1, c1 = time.perf_counter(), time.process_time()
load_gazetteer()
t2, c2 = time.perf_counter(), time.process_time()
print(t1 - t0, t2 - t1, c2 - c1)
"""
#: Cold loads are repeated this many times and the median is reported (the machine is shared).
COLD_RUNS = 3
#: Each lookup is repeated this many times so the timer's resolution doesn't matter.
LOOKUP_REPEATS = 2000
#: Per-article stage timings are repeated this many times.
ARTICLE_REPEATS = 5


def cold_load() -> tuple[float, float, float]:
    """Median (import s, load wall s, load CPU s) of loads in fresh interpreters."""
    runs = []
    env = {"PYTHONPATH": str(ROOT / "src")}
    for _ in range(COLD_RUNS):
        out = subprocess.run([sys.executable, "-c", COLD_LOAD], capture_output=True, text=True,
                             check=True, env=env).stdout.split()
        runs.append(tuple(float(x) for x in out))
    return tuple(statistics.median(r[k] for r in runs) for k in range(3))  # type: ignore[return-value]


def best_of(repeats: int, fn) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str]) -> int:
    from dyad.dates import find_dates
    from dyad.nlp import load_pipeline
    from dyad.places import find_places, load_gazetteer
    from dyad.records import Article

    files = [Path(a) for a in argv[1:]] or sorted((ROOT / "examples").glob("*.txt"))
    import_s, load_s, load_cpu = cold_load()
    print(f"gazetteer cold load: {load_s:.3f} s wall, {load_cpu:.3f} s CPU "
          f"(+ {import_s:.3f} s import), target < 2 s")

    gazetteer = load_gazetteer()
    nlp = load_pipeline()
    texts = [f.read_text(encoding="utf-8") for f in files]
    docs = [nlp(t) for t in texts]
    mentions = [e.text for d in docs for e in d.ents if e.label_ in ("GPE", "LOC", "FAC")]
    mentions += ["Samarkand", "Georgia", "Paris", "Cambridge", "the Taiwan Strait",
                 "Russia's far east", "Kiev", "Peking", "Atlantis", "U.S."]
    per_lookup = best_of(3, lambda: [gazetteer.geocode(m) for m in mentions
                                     for _ in range(LOOKUP_REPEATS // 10)])
    per_lookup /= len(mentions) * (LOOKUP_REPEATS // 10)
    print(f"geocode one mention: {per_lookup * 1e6:.1f} us over {len(mentions)} distinct "
          "mentions, target < 100 us")

    words = sum(len(d) for d in docs)
    parse_s = sum(best_of(ARTICLE_REPEATS, lambda t=t: nlp(t)) for t in texts)
    articles = [Article(id=str(n), text=t, published="2022-09-16") for n, t in enumerate(texts)]
    places_s = sum(best_of(ARTICLE_REPEATS, lambda d=d, a=a: find_places(d, a, gazetteer))
                   for d, a in zip(docs, articles))
    dates_s = sum(best_of(ARTICLE_REPEATS, lambda d=d, a=a: find_dates(d, a))
                  for d, a in zip(docs, articles))
    found = sum(len(find_places(d, a, gazetteer)) for d, a in zip(docs, articles))
    n = len(texts)
    print(f"{n} article(s), {words} tokens, {found} places found")
    print(f"spaCy parse (baseline): {parse_s / n * 1000:8.2f} ms/article")
    print(f"find_places:            {places_s / n * 1000:8.2f} ms/article "
          f"({places_s / parse_s:.1%} of parse, {places_s / max(found, 1) * 1e6:.0f} us/place)")
    print(f"find_dates:             {dates_s / n * 1000:8.2f} ms/article "
          f"({dates_s / parse_s:.1%} of parse)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
