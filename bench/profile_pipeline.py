"""Where dyad's time goes: CPU seconds per spaCy component and per dyad stage, and the check
that the fast path changes no reading.

    python bench/profile_pipeline.py [--corpus FILE.jsonl] [--limit N] [--repeat N] [--batch-size N]
    python bench/profile_pipeline.py --check [--corpus FILE.jsonl]

The profile loads, in one process, spaCy's full ``en_core_web_sm`` pipeline as ``spacy.load``
gives it (the baseline of ``bench/throughput.py``) and dyad's (``dyad.nlp.load_pipeline`` run
through ``dyad.nlp.FastPipeline``), then ``--repeat`` times, in turn: runs each component of the
baseline over all texts, then each step of dyad's over all texts, then dyad's stages (actors,
dates, places, quotes, events, JSON) over dyad's Docs. Times are CPU seconds of this process
(``time.process_time``): other processes on a shared machine slow them much less than they do
wall-clock times. The first round starts with cold caches (spaCy's tokenizer and lemmatizer
caches, dyad's) after a warm-up text of news length (without it the first pipeline to run pays
for the process's first allocations); later rounds are warm. It prints a
table of the first round and of the best round, and the CPU ratio dyad / spaCy of each.

``--check`` reads every article of the corpus and the bundled example with ``Options(fast=True)``
and ``Options(fast=False)`` and compares the readings' JSON; it prints the ids that differ and
exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_CORPUS = ROOT.parent / "shared" / "dev" / "polnear-dev-quotes.jsonl"
EXAMPLE = ROOT / "examples" / "samarkand-2022-09-16.txt"
STAGES = ("actors", "dates", "places", "quotes", "events", "json")
#: Read by both pipelines before any clock starts (written for this purpose, from no corpus).
WARM_UP = ("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday "
           "and said \"our region needs peace,\" according to a statement from his office.")
WARM_UP_TIMES = 30


def _articles(path: str, limit: int | None) -> list:
    from dyad.ingest import read_inputs

    articles = [a for a in read_inputs([path]) if not isinstance(a, Exception)]
    return articles[:limit] if limit else articles


def _components(steps, texts: list[str], make_doc, batch_size: int,  # noqa: ANN001 - spaCy's
                sizes: dict[str, int]) -> tuple[dict, list]:
    """CPU seconds of each step over all texts (one step at a time), and the Docs."""
    clock = time.process_time
    took: dict[str, float] = {}
    started = clock()
    docs = [make_doc(text) for text in texts]
    took["tokenizer"] = clock() - started
    for name, proc in steps:
        started = clock()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=sizes.get(name, batch_size)))
        else:
            docs = [proc(doc) for doc in docs]
        took[name] = clock() - started
    return took, docs


def _stages(reader, docs: list, articles: list) -> dict[str, float]:  # noqa: ANN001 - dyad Reader
    from dyad import actors, dates, events, places, quotes
    from dyad.records import Reading

    clock = time.process_time
    tables = reader.tables
    took = dict.fromkeys(STAGES, 0.0)
    for doc, raw in zip(docs, articles, strict=True):
        article, warnings = reader._prepare(raw)  # noqa: SLF001 - the Reader's own steps, one by one
        t0 = clock()
        doc_actors = actors.find_actors(doc, article, tables.actors)
        t1 = clock()
        found_dates = dates.find_dates(doc, article, warnings=warnings)
        t2 = clock()
        found_places = places.find_places(doc, article, tables.gazetteer)
        t3 = clock()
        found_quotes = quotes.find_quotes(doc, article, doc_actors, cues=tables.cues)
        t4 = clock()
        found_events = events.find_events(doc, article, doc_actors, found_dates, found_places, found_quotes,
                                          tables.lexicon)
        t5 = clock()
        reading = Reading(article=article, actors=tuple(doc_actors.actors), quotes=found_quotes,
                          events=found_events, dates=found_dates, places=found_places, warnings=tuple(warnings))
        json.dumps(reading.to_dict(), ensure_ascii=False)
        t6 = clock()
        for name, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True):
            took[name] += seconds
    return took


def profile(args: argparse.Namespace) -> dict:
    import spacy

    from dyad.ingest import read_text
    from dyad.nlp import FastPipeline, load_pipeline
    from dyad.nlp.fastpath import TOK2VEC_BATCH
    from dyad.options import Options
    from dyad.reader import Reader

    articles = _articles(args.corpus, args.limit)
    texts = [a.text for a in articles]
    baseline = spacy.load(args.model)
    reader = Reader(Options(model=args.model, batch_size=args.batch_size))
    fast = FastPipeline.of(load_pipeline(args.model))
    reader.tables  # noqa: B018 - loaded before any clock runs
    # the first calls allocate what the models keep (a fresh process does it once): warm up on a
    # text of news length, or the first pipeline to run pays for both
    warm_up = " ".join([WARM_UP] * WARM_UP_TIMES)
    list(baseline.pipe([warm_up] * 2))
    list(reader.read_articles([read_text(warm_up, published="2023-06-09")] * 2))
    rounds = []
    for _ in range(max(1, args.repeat)):
        spacy_took, _ = _components(baseline.pipeline, texts, baseline.make_doc, args.batch_size, {})
        dyad_took, docs = _components(fast.steps(), texts, fast.nlp.make_doc, args.batch_size,
                                      {"tok2vec": min(args.batch_size, TOK2VEC_BATCH)})
        dyad_took.update(_stages(reader, docs, articles))
        rounds.append({"spacy": spacy_took, "dyad": dyad_took})
    best = min(rounds, key=lambda r: sum(r["dyad"].values()) / sum(r["spacy"].values()))
    return {"articles": len(articles), "words": sum(len(t.split()) for t in texts), "first": rounds[0],
            "best": best, "rounds": len(rounds), "batch_size": args.batch_size}


def table(report: dict) -> str:
    out = [(f"{report['articles']} articles, {report['words']:,} words; CPU seconds of one process, "
            f"batch {report['batch_size']}; {report['rounds']} round(s)")]
    for title, key in (("first round (cold caches)", "first"), ("best round", "best")):
        spacy_took, dyad_took = report[key]["spacy"], report[key]["dyad"]
        out += ["", title, f"{'step':<30}{'spaCy':>8}{'dyad':>8}"]
        for name in dict.fromkeys([*spacy_took, *dyad_took]):
            s, d = spacy_took.get(name), dyad_took.get(name)
            label = "attribute_ruler (+lemmas)" if name == "attribute_ruler" else name
            out.append(f"{label:<30}{'' if s is None else f'{s:.2f}':>8}{'' if d is None else f'{d:.2f}':>8}")
        total_s, total_d = sum(spacy_took.values()), sum(dyad_took.values())
        stages = sum(dyad_took.get(name, 0.0) for name in STAGES)
        out.append(f"{'total':<30}{total_s:>8.2f}{total_d:>8.2f}   (dyad stages {stages:.2f})")
        out.append(f"CPU ratio dyad / spaCy: {total_d / total_s:.2f}")
    return "\n".join(out)


def check(args: argparse.Namespace) -> int:
    from dyad.ingest import read_inputs
    from dyad.options import Options
    from dyad.reader import Reader

    articles = _articles(args.corpus, args.limit)
    articles += [a for a in read_inputs([str(EXAMPLE)]) if not isinstance(a, Exception)]
    readings = {}
    for fast in (True, False):
        reader = Reader(Options(model=args.model, batch_size=args.batch_size, fast=fast))
        readings[fast] = [json.dumps(r.to_dict(), sort_keys=True, ensure_ascii=False)
                          for r in reader.read_articles(articles)]
    differ = [a.id for a, q, p in zip(articles, readings[True], readings[False], strict=True) if q != p]
    print(f"{len(articles)} articles read twice (fast path, full pipeline): "
          f"{len(articles) - len(differ)} readings identical, {len(differ)} different")
    for ident in differ:
        print(f"  differs: {ident}")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    from dyad.options import Options

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="JSON Lines with a 'text' per line")
    p.add_argument("--limit", type=int, help="only the first N articles")
    p.add_argument("--model", default=Options().model, help="spaCy model (default: dyad's)")
    p.add_argument("--batch-size", type=int, default=Options().batch_size, help="nlp.pipe batch size")
    p.add_argument("--repeat", type=int, default=2, help="rounds of measurement (default 2)")
    p.add_argument("--check", action="store_true", help="compare fast-path and full-pipeline readings")
    p.add_argument("--json", action="store_true", help="print the profile as JSON")
    args = p.parse_args(argv)
    if not Path(args.corpus).is_file():
        p.error(f"no corpus at {args.corpus}")
    if args.check:
        return check(args)
    report = profile(args)
    print(json.dumps(report, indent=1) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
