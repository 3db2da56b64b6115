"""Real-news sweep (issue 16): the whole pipeline over real articles, reporting what broke.

    python bench/sweep.py [--sets bbc,polnear,conflibert] [--limit N] [--every K] [--slowest 10] [--json]

Reads, one article at a time (so each is timed alone), every article of
``../shared/dev/bbc-news-2004-2005.jsonl`` (2,224 BBC stories), ``polnear-dev-quotes.jsonl``
(84 US political stories) and each sentence of ``conflibert-cameo-train.jsonl`` (1,349 news
sentences) as an article of its own, and prints per set:

- failed articles (a ``DyadError`` in place of the reading: unreadable, unparseable), with the reason;
- stage warnings (a stage that raised and left its records empty: ``Reading.stage_failures``);
- the slowest articles per token (milliseconds per 100 tokens): where a quadratic step would show;
- articles, tokens, seconds and articles/s.

Exit status 1 when any article failed or any stage warned, so it can gate a release.
``--every K`` takes every K-th article of each set (a sample), ``--limit N`` at most N per set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

DEV = ROOT.parent / "shared" / "dev"
SETS = {"bbc": "bbc-news-2004-2005.jsonl", "polnear": "polnear-dev-quotes.jsonl",
        "conflibert": "conflibert-cameo-train.jsonl"}
#: BBC stories carry no date; a date in their years keeps the date stage honest.
DEFAULT_PUBLISHED = "2005-01-01"


@dataclass
class SetReport:
    name: str
    articles: int = 0
    tokens: int = 0
    seconds: float = 0.0
    failed: list[tuple[str, str]] = field(default_factory=list)
    stage_warnings: list[tuple[str, str, str]] = field(default_factory=list)
    timings: list[tuple[float, str, int]] = field(default_factory=list)  # ms per 100 tokens, id, tokens

    def as_dict(self, slowest: int) -> dict:
        return {"set": self.name, "articles": self.articles, "tokens": self.tokens,
                "seconds": round(self.seconds, 1),
                "articles_per_s": round(self.articles / self.seconds, 2) if self.seconds else None,
                "failed": [{"id": i, "reason": r} for i, r in self.failed],
                "stage_warnings": [{"id": i, "stage": s, "error": e} for i, s, e in self.stage_warnings],
                "slowest_ms_per_100_tokens": [{"id": i, "ms_per_100_tokens": round(ms, 1), "tokens": n}
                                              for ms, i, n in sorted(self.timings, reverse=True)[:slowest]]}


def articles_of(name: str, every: int, limit: int | None):
    from dyad.ingest import with_published
    from dyad.ingest.jsonl import article_from_object

    path = DEV / SETS[name]
    n = 0
    with open(path, encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k % every:
                continue
            article = article_from_object(json.loads(line), origin=f"{path.name}:{k + 1}", path=str(path),
                                          line=k + 1)
            yield with_published(article, DEFAULT_PUBLISHED)
            n += 1
            if limit is not None and n >= limit:
                return


def sweep(name: str, reader, every: int, limit: int | None) -> SetReport:
    from dyad.errors import DyadError

    report = SetReport(name)
    nlp_tokens = reader.nlp.tokenizer
    for article in articles_of(name, every, limit):
        started = time.perf_counter()
        result = next(reader.read_stream([article]))
        took = time.perf_counter() - started
        tokens = len(nlp_tokens(article.text))
        report.articles += 1
        report.tokens += tokens
        report.seconds += took
        report.timings.append((1e5 * took / max(tokens, 1), article.id, tokens))
        if isinstance(result, DyadError):
            report.failed.append((article.id, str(result)))
            continue
        for failure in result.stage_failures:
            report.stage_warnings.append((article.id, failure.stage, failure.error))
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", default="bbc,polnear,conflibert", help="comma-separated: bbc, polnear, conflibert")
    ap.add_argument("--every", type=int, default=1, help="take every K-th article (default: all)")
    ap.add_argument("--limit", type=int, default=None, help="at most N articles per set")
    ap.add_argument("--slowest", type=int, default=10, help="how many of the slowest articles to list")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    a = ap.parse_args()
    from dyad.reader import Reader

    reader = Reader()
    from dyad.ingest import read_text

    # load the tables and warm the code paths before any article is timed
    reader.read_article(read_text("Chinese President Xi Jinping met Vladimir Putin in Moscow on Monday.",
                                  published=DEFAULT_PUBLISHED))
    reports = []
    for name in a.sets.split(","):
        if not (DEV / SETS[name]).exists():
            print(f"sweep: {DEV / SETS[name]} is missing; skipped", file=sys.stderr)
            continue
        reports.append(sweep(name, reader, a.every, a.limit))
    if a.json:
        print(json.dumps([r.as_dict(a.slowest) for r in reports], indent=1))
    else:
        for r in reports:
            d = r.as_dict(a.slowest)
            print(f"== {r.name}: {r.articles} articles, {r.tokens} tokens, {d['seconds']} s "
                  f"({d['articles_per_s']} articles/s): {len(r.failed)} failed, "
                  f"{len(r.stage_warnings)} stage warnings")
            for i, reason in r.failed:
                print(f"   failed  {i}: {reason}")
            for i, stage, error in r.stage_warnings:
                print(f"   stage   {i}: {stage}: {error}")
            print("   slowest (ms per 100 tokens): " + ", ".join(
                f"{s['id']} {s['ms_per_100_tokens']} ({s['tokens']} tok)" for s in d["slowest_ms_per_100_tokens"]))
    bad = sum(len(r.failed) + len(r.stage_warnings) for r in reports)
    print(f"TOTAL articles={sum(r.articles for r in reports)} failed={sum(len(r.failed) for r in reports)} "
          f"stage_warnings={sum(len(r.stage_warnings) for r in reports)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
