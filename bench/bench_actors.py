"""Time the actor stage: table load, per-lookup cost of ``resolve``, per-article ``find_actors``.

    python bench/bench_actors.py [FILE ...]     # defaults to examples/*.txt

Prints the tables' cold load time (a fresh interpreter, as a batch worker sees it), the cost
of one ``ActorTables.resolve`` over a few thousand distinct queries (uncached: every string is
new) and repeated ones (cached), and ``find_actors`` per article next to the baseline of
parsing the same text with spaCy alone. Targets (issues 3 and 14): load < 1 s, lookup < 50 us.

With the converted Phoenix dictionaries (``dyad.actors.phoenix``) the tables hold ~20,000 people
and ~7,500 bodies; a process loads the compiled copy (``dyad.actors.compiled``), built once
from the TSV files. The first line also prints that one-off build time.
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
from dyad.actors import load_tables
t1 = time.perf_counter()
tables = load_tables()
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, len(tables.people))
"""
#: Cold loads are repeated this many times and the median reported (the machine is shared).
COLD_RUNS = 3
#: Per-article timings are repeated this many times.
ARTICLE_REPEATS = 5
#: Query shapes: names, titles, bodies, metonyms, IGOs and misses, as news writes them.
SEEDS = [
    "Putin", "Vladimir Putin", "the Kremlin", "Moscow", "Great Britain", "Republic of China",
    "Armenian Prime Minister", "Kassym-Jomart Tokayev", "Northern Fleet", "the Pentagon", "Hamas",
    "The Defense Ministry in Moscow", "Taiwan's foreign ministry", "a US Senate committee",
    "Chinese state broadcaster CCTV", "state news agency Belta", "the Shanghai Cooperation Organization",
    "NATO", "the UN nuclear watchdog", "Russian troops", "Iranian foreign ministry", "the village baker",
    "Pakistani Prime Minister Shehbaz Sharif", "Emirati officials", "Xi Jinping", "the Russian leader",
    "Yoweri Museveni", "Kano State government", "two Chinese warplanes", "Russia's ambassador to Poland",
    "Vladimir V. Putin", "Jimmy Carter", "Boko Haram", "the Obama administration", "Kyiv police",
    "Robert Zoellick, US Trade Representative", "18th Prime Minister of Estonia", "the Turks",
]
DATES = [None, "2010-06-01", "2016-03-01", "2022-09-16", "2024-12-31"]


def cold_load() -> tuple[float, float, int]:
    runs = []
    env = {"PYTHONPATH": str(ROOT / "src")}
    for _ in range(COLD_RUNS):
        out = subprocess.run([sys.executable, "-c", COLD_LOAD], capture_output=True, text=True, env=env,
                             check=True).stdout.split()
        runs.append((float(out[0]), float(out[1]), int(out[2])))
    runs.sort(key=lambda r: r[1])
    return runs[len(runs) // 2]


def lookups(tables) -> tuple[float, float, int]:  # noqa: ANN001 - ActorTables
    from dyad.actors import resolve as resolve_module

    # distinct strings (spacing and case vary, as in real text): no cache hit
    queries = []
    for n in range(4000):
        seed = SEEDS[n % len(SEEDS)]
        pad = " " * (n // len(SEEDS) % 7)
        queries.append((seed + pad if n % 2 else pad + seed, DATES[n % len(DATES)]))
    resolve_module._resolve_cached.cache_clear()
    start = time.perf_counter()
    for text, date in queries:
        tables.resolve(text, date)
    cold = (time.perf_counter() - start) / len(queries) * 1e6
    start = time.perf_counter()
    for text, date in queries:
        tables.resolve(text, date)
    warm = (time.perf_counter() - start) / len(queries) * 1e6
    return cold, warm, len(queries)


def articles(paths: list[Path], tables) -> list[tuple[str, int, int, float, float]]:  # noqa: ANN001
    from dyad.actors import find_actors
    from dyad.ingest import read_text
    from dyad.nlp import load_pipeline

    nlp = load_pipeline()
    rows = []
    for path in paths:
        article = read_text(path.read_text(encoding="utf-8"))
        spacy_times, actor_times = [], []
        for _ in range(ARTICLE_REPEATS):
            t0 = time.perf_counter()
            doc = nlp(article.text)
            t1 = time.perf_counter()
            found = find_actors(doc, article, tables)
            t2 = time.perf_counter()
            spacy_times.append(t1 - t0)
            actor_times.append(t2 - t1)
        mentions = sum(len(a.mentions) for a in found.actors)
        rows.append((path.name, len(found.actors), mentions, statistics.median(spacy_times),
                     statistics.median(actor_times)))
    return rows


def build_time() -> float:
    """The one-off build from the TSV files (no compiled copy), in a fresh interpreter."""
    env = {"PYTHONPATH": str(ROOT / "src"), "DYAD_NO_CACHE": "1"}
    out = subprocess.run([sys.executable, "-c", COLD_LOAD], capture_output=True, text=True, env=env,
                         check=True).stdout.split()
    return float(out[1])


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted((ROOT / "examples").glob("*.txt"))
    print(f"tables: one-off build from the TSV files {build_time() * 1000:.0f} ms (then compiled to the cache)")
    imported, loaded, people = cold_load()
    print(f"tables: import {imported * 1000:.0f} ms, load {loaded * 1000:.0f} ms cold "
          f"({people} people; target < 1000 ms)")
    from dyad.actors import load_tables

    tables = load_tables()
    cold, warm, n = lookups(tables)
    print(f"resolve: {cold:.1f} us per lookup uncached, {warm:.1f} us cached, over {n} queries (target < 50 us)")
    print(f"{'article':40} {'actors':>6} {'mentions':>8} {'spaCy ms':>9} {'actors ms':>9} {'ratio':>6}")
    for name, n_actors, n_mentions, spacy_s, actor_s in articles(paths, tables):
        print(f"{name[:40]:40} {n_actors:6d} {n_mentions:8d} {spacy_s * 1000:9.1f} {actor_s * 1000:9.1f} "
              f"{actor_s / spacy_s:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
