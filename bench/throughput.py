"""Throughput: dyad end to end against spaCy's full pipeline on the same articles (issue 9).

    python bench/throughput.py [--corpus FILE.jsonl] [--workers 1,2] [--limit N] [--repeat N]
                               [--commands code,ingest] [--json]

The corpus is JSON Lines with a ``text`` per line (default: the 84 real articles of
``../shared/dev/polnear-dev-quotes.jsonl``, about 68k words). Each measurement runs in a fresh
process that loads its models, warms up on an article of its own, waits until every process
of the measurement is ready, and only then starts its clock:

- ``spaCy``: the baseline, the full ``en_core_web_sm`` pipeline (``spacy.load`` with every
  default component) over the article texts with ``nlp.pipe``: the parse floor;
- ``dyad, N workers``: ingest (the JSON Lines file) -> ``Reader`` -> ``json.dumps`` of every
  reading, in N processes that each take a share of the articles (balanced by length).

- ``dyad code --workers N`` and ``dyad ingest --workers N``: the real commands, end to end
  (start-up and model loading included), over the whole corpus (issue 16: 2 workers should
  give >= 1.85x one worker on a corpus long enough to amortise the start-up).

Every run reports CPU seconds beside wall seconds: on a machine shared with other jobs, wall
time alone misleads (CPU seconds far below wall seconds x processes means the run waited).
It prints seconds, articles/s, words/s, sentences/s (sentences as spaCy's parser splits the
texts), the peak RSS of a process (``resource.getrusage``: the largest worker's), the ratio
dyad time / spaCy time with one worker each (target: <= 1.0), the same ratio of CPU seconds,
and the 1 -> N worker scaling.
Both sides parse with the same batch size (``--batch-size``, dyad's default). On a shared
machine, ``--repeat 3`` measures every run three times (in rounds, each round taking every run
in turn, in the reverse order of the round before) and reports the median.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_CORPUS = ROOT.parent / "shared" / "dev" / "polnear-dev-quotes.jsonl"

#: Read once by each process before its clock starts, so lazily loaded tables and code paths
#: are warm; written for this purpose, not taken from any corpus.
WARM_UP = ("Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda in Kyiv on Thursday "
           "and thanked Warsaw for its support, his office said. \"We will not give up,\" Zelensky told "
           "reporters, adding that Russian forces had shelled Kharkiv overnight.")

#: Seconds a worker may take to load its models before the run is abandoned.
READY_TIMEOUT = 600


# -- inside a measuring process ----------------------------------------------------------------------
def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def _articles(path: str):
    from dyad.ingest import read_inputs

    return [a for a in read_inputs([path]) if not isinstance(a, Exception)]


def _child(kind: str, shard: str, model: str, batch_size: int) -> None:
    """Load, warm up, say "ready", wait for "go", time the work, print one JSON result line."""
    from dyad.options import Options

    options = Options(model=model, batch_size=batch_size)
    if kind == "spacy":
        import spacy

        nlp = spacy.load(model)
        nlp(WARM_UP)
        texts = [a.text for a in _articles(shard)]
    else:
        from dyad.ingest import read_inputs, read_text
        from dyad.reader import Reader

        reader = Reader(options)
        json.dumps(reader.read_article(read_text(WARM_UP, published="2023-06-09")).to_dict())
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    result: dict = {"start": time.time()}
    started = time.perf_counter()
    cpu_started = time.process_time()
    if kind == "spacy":
        sentences = 0
        for doc in nlp.pipe(texts, batch_size=batch_size):
            sentences += sum(1 for _ in doc.sents)
        result.update(articles=len(texts), sentences=sentences, words=sum(len(t.split()) for t in texts),
                      components=list(nlp.pipe_names))
    else:
        articles = failed = chars = 0
        for item in reader.read_stream(read_inputs([shard], options)):
            if isinstance(item, Exception):
                failed += 1
                continue
            chars += len(json.dumps(item.to_dict(), ensure_ascii=False))
            articles += 1
        result.update(articles=articles, failed=failed, json_chars=chars)
    result.update(seconds=time.perf_counter() - started, cpu_seconds=time.process_time() - cpu_started,
                  end=time.time(), peak_rss_mb=_peak_rss_mb())
    print(json.dumps(result), flush=True)


# -- the driver ------------------------------------------------------------------------------------
def _shards(lines: list[str], n: int) -> list[list[str]]:
    """Split JSON lines into ``n`` shards of about equal text length (longest first, greedy)."""
    if n == 1:
        return [lines]
    shards: list[list[str]] = [[] for _ in range(n)]
    sizes = [0] * n
    for line in sorted(lines, key=len, reverse=True):
        i = sizes.index(min(sizes))
        shards[i].append(line)
        sizes[i] += len(line)
    return shards


def _measure(kind: str, shards: list[Path], args: argparse.Namespace) -> dict:
    """Run one measurement: a process per shard, started together once all are warm."""
    procs = [subprocess.Popen([sys.executable, __file__, "--child", kind, "--shard", str(shard),
                               "--model", args.model, "--batch-size", str(args.batch_size)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for shard in shards]
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        for proc in procs:
            line = proc.stdout.readline().strip()
            if line != "ready" or time.monotonic() > deadline:
                raise RuntimeError(f"a {kind} worker failed to start (said {line!r}); see its stderr above")
        for proc in procs:
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = []
        for proc in procs:
            out, _ = proc.communicate()
            if proc.returncode != 0 or not out.strip():
                raise RuntimeError(f"a {kind} worker failed (exit {proc.returncode}); see its stderr above")
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    wall = max(r["end"] for r in results) - min(r["start"] for r in results)
    merged = {"seconds": wall, "workers": len(results), "articles": sum(r["articles"] for r in results),
              "cpu_seconds": sum(r["cpu_seconds"] for r in results),
              "peak_rss_mb": max(r["peak_rss_mb"] for r in results)}
    for key in ("sentences", "words", "failed"):
        if key in results[0]:
            merged[key] = sum(r[key] for r in results)
    if "components" in results[0]:
        merged["components"] = results[0]["components"]
    return merged


def _measure_command(kind: str, workers: int, corpus: Path, tmp: str, args: argparse.Namespace) -> dict:
    """Time a real ``dyad code`` or ``dyad ingest`` over the corpus with ``--workers N``, end to
    end (start-up and model loading included), with the CPU seconds of it and its workers."""
    cmd = [sys.executable, "-m", "dyad", kind, str(corpus), "--workers", str(workers), "--no-progress",
           "--batch-size", str(args.batch_size), "--model", args.model, "--published", "2005-01-01"]
    if kind == "code":
        cmd += ["--format", "jsonl"]
    else:
        cmd += ["--db", str(Path(tmp) / f"ingest-{workers}-{time.time_ns()}.db")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"dyad {kind} --workers {workers} failed: {proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "workers": workers}


def _median(runs: list[dict]) -> dict:
    """The run of median time, with every repeat's time (the machine may be shared)."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    return {**ordered[len(ordered) // 2], "repeats": [round(r["seconds"], 2) for r in runs]}


def _rates(run: dict, corpus: dict) -> dict:
    secs = run["seconds"]
    return {**run, "articles_per_s": corpus["articles"] / secs, "words_per_s": corpus["words"] / secs,
            "sentences_per_s": corpus["sentences"] / secs}


def _machine() -> dict:
    import spacy

    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    return {"cores": os.cpu_count(), "platform": platform.platform(), "processor": platform.machine(),
            "python": platform.python_version(), "spacy": spacy.__version__, "load_avg_1min": load}


def run(args: argparse.Namespace) -> dict:
    machine = _machine()  # the load average before this run adds its own
    lines = [line for line in Path(args.corpus).read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        lines = lines[: args.limit]
    workers = sorted({int(w) for w in args.workers.split(",")})
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as tmp:
        def write_shards(n: int) -> list[Path]:
            paths = []
            for i, shard in enumerate(_shards(lines, n)):
                path = Path(tmp) / f"w{n}-{i}.jsonl"
                path.write_text("\n".join(shard) + "\n", encoding="utf-8")
                paths.append(path)
            return paths

        plan = [("spacy", "spacy", write_shards(1))] + [(f"dyad_{n}", "dyad", write_shards(n)) for n in workers]
        measured: dict[str, list[dict]] = {key: [] for key, _, _ in plan}
        commands = [(kind, n) for kind in args.commands.split(",") if kind for n in workers]
        timed: dict[str, list[dict]] = {f"{kind}_{n}": [] for kind, n in commands}
        whole = write_shards(1)[0]
        # Rounds take every run in turn (and each round reverses the order of the one before), so
        # a burst of load from elsewhere, or a slow start, hits every run alike.
        for round_ in range(max(1, args.repeat)):
            order = plan if round_ % 2 == 0 else plan[::-1]
            for key, kind, shards in order:
                measured[key].append(_measure(kind, shards, args))
            for kind, n in (commands if round_ % 2 == 0 else commands[::-1]):
                timed[f"{kind}_{n}"].append(_measure_command(kind, n, whole, tmp, args))
    baseline = _median(measured["spacy"])
    corpus = {"path": str(args.corpus), "articles": baseline["articles"], "words": baseline["words"],
              "sentences": baseline["sentences"]}
    runs = {key: _rates(_median(found), corpus) for key, found in measured.items()}
    one = runs.get("dyad_1")
    cmds = {key: _median(found) for key, found in timed.items()}
    report = {"corpus": corpus, "machine": machine, "model": args.model, "batch_size": args.batch_size,
              "runs": runs, "commands": cmds,
              "command_scaling": {f"{kind} 1->{n}": cmds[f"{kind}_1"]["seconds"] / cmds[f"{kind}_{n}"]["seconds"]
                                  for kind, n in commands if n > 1 and f"{kind}_1" in cmds},
              "ratio_dyad_over_spacy": one["seconds"] / baseline["seconds"] if one else None,
              "cpu_ratio_dyad_over_spacy": one["cpu_seconds"] / baseline["cpu_seconds"] if one else None,
              "scaling": {f"1->{n}": one["seconds"] / runs[f"dyad_{n}"]["seconds"]
                          for n in workers if one and n > 1}}
    return report


def table(report: dict) -> str:
    c, m = report["corpus"], report["machine"]
    out = [f"corpus   {c['path']}: {c['articles']} articles, {c['words']:,} words, {c['sentences']:,} sentences",
           f"machine  {m['cores']} cores, {m['platform']}, Python {m['python']}, spaCy {m['spacy']}, "
           f"model {report['model']}, batch {report['batch_size']}, load average before {m['load_avg_1min']:.1f}",
           "",
           f"{'run':<22}{'seconds':>9}{'CPU s':>8}{'articles/s':>12}{'words/s':>10}{'sentences/s':>13}{'peak RSS MB':>13}"]
    for key, r in report["runs"].items():
        plural = "s" if r["workers"] > 1 else ""
        name = "spaCy full pipeline" if key == "spacy" else f"dyad, {r['workers']} worker{plural}"
        out.append(f"{name:<22}{r['seconds']:>9.1f}{r['cpu_seconds']:>8.1f}{r['articles_per_s']:>12.2f}{r['words_per_s']:>10,.0f}"
                   f"{r['sentences_per_s']:>13.1f}{r['peak_rss_mb']:>13,.0f}")
    out.append("")
    if report["ratio_dyad_over_spacy"] is not None:
        out.append(f"ratio dyad / spaCy time (1 worker each): {report['ratio_dyad_over_spacy']:.2f}  (target <= 1.0)")
        out.append(f"ratio of their CPU seconds: {report['cpu_ratio_dyad_over_spacy']:.2f}  "
                   "(time on a CPU: less moved by other jobs on the machine than wall time)")
    for step, factor in report["scaling"].items():
        out.append(f"dyad scaling {step} workers: {factor:.2f}x")
    if report["commands"]:
        out += ["", f"{'command (end to end)':<30}{'seconds':>9}{'CPU s':>8}  repeats"]
        for key, r in report["commands"].items():
            kind, n = key.rsplit("_", 1)
            out.append(f"{'dyad ' + kind + ' --workers ' + n:<30}{r['seconds']:>9.1f}{r['cpu_seconds']:>8.1f}  {r['repeats']}")
        for step, factor in report["command_scaling"].items():
            out.append(f"dyad {step} workers: {factor:.2f}x  (target >= 1.85 for 2)")
    out.append(f"spaCy components: {', '.join(report['runs']['spacy']['components'])}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from dyad.options import Options

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="JSON Lines with a 'text' per line")
    p.add_argument("--workers", default="1,2", help="dyad worker counts to measure (default: 1,2)")
    p.add_argument("--limit", type=int, help="only the first N articles (a quick run)")
    p.add_argument("--model", default=Options().model, help="spaCy model (default: dyad's)")
    p.add_argument("--batch-size", type=int, default=Options().batch_size, help="nlp.pipe batch size, both sides")
    p.add_argument("--repeat", type=int, default=1, help="measure each run N times, report the median")
    p.add_argument("--commands", default="code,ingest",
                   help="real commands to time end to end at each worker count ('' for none; default: code,ingest)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--child", choices=("spacy", "dyad"), help=argparse.SUPPRESS)
    p.add_argument("--shard", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        _child(args.child, args.shard, args.model, args.batch_size)
        return 0
    if not Path(args.corpus).is_file():
        p.error(f"no corpus at {args.corpus}")
    if "1" not in args.workers.split(","):
        p.error("--workers must include 1 (the ratio and the scaling are against one worker)")
    report = run(args)
    print(json.dumps(report, indent=1) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
