"""Measure actor accuracy on the shared dev material (a measurement, never a test fixture).

    python bench/dev_actors.py [--shared DIR] [--misses] [--spans-only | --golds-only]

Two figures:

1. **Golden readings** (``SHARED/golden/*.json``): the ``actors=`` figures of
   ``SHARED/tools/score_dev_golds.py`` (an actor is right when a predicted actor of the same
   name has the gold code or an accepted one), per file and summed. ``--misses`` also prints
   each wrong or missing actor, from ``score_golden.py``'s own listing.
2. **ConfliBERT spans** (``SHARED/dev/conflibert-cameo-train.jsonl``: the annotated ``source``
   and ``target`` strings, as an event coder's user would type them into ``dyad resolve``).
   There is no gold code, so the figure is defined by the words themselves: a span *names one
   country* when exactly one country of ``countries.tsv`` appears in it by name, alias,
   adjective, plural demonym or capital, matched as whole words (a plain word list, no
   grammar). The span is *right* when ``ActorTables.resolve(span)`` returns a code whose
   country is that one. This measures whether the phrase grammar keeps the country a span
   states ("two Chinese warplanes", "Russia's ambassador to Poland") instead of giving up; it
   says nothing about people the tables do not know, which figure 1 covers. Also printed: the
   share of all spans that resolve to anything (non-null).

``SHARED`` defaults to the first ``shared`` folder found next to a parent of this checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def find_shared() -> Path:
    for parent in ROOT.parents:
        if (parent / "shared" / "golden").is_dir():
            return parent / "shared"
    raise SystemExit("no shared/ folder found: pass --shared DIR")


def dyad_command() -> list[str]:
    exe = Path(sys.executable).with_name("dyad")
    env_cmd = ["env", f"PYTHONPATH={ROOT / 'src'}"]
    return [*env_cmd, str(exe)] if exe.exists() else [*env_cmd, sys.executable, "-m", "dyad"]


def golds(shared: Path, misses: bool) -> tuple[int, int]:
    """Run dyad once over every gold's article, score each with score_golden.py."""
    corpus = {}
    for dev in sorted((shared / "dev").glob("*.jsonl")):
        for line in dev.open(encoding="utf-8"):
            row = json.loads(line)
            if isinstance(row.get("text"), str) and "id" in row:
                corpus[row["id"]] = row
    example = shared / "examples" / "samarkand-2022-09-16.txt"
    if (ROOT / "examples" / example.name).exists():
        example = ROOT / "examples" / example.name
    total_ok = total_n = 0
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        items = []
        with inp.open("w", encoding="utf-8") as out:
            for path in sorted((shared / "golden").glob("*.json")):
                gold = json.loads(path.read_text(encoding="utf-8"))
                cid = gold.get("corpus_id")
                if cid and cid in corpus:
                    row = corpus[cid]
                    out.write(json.dumps({"id": cid, "title": row.get("title"), "text": row["text"],
                                          "published": gold["article"]["published"]}) + "\n")
                items.append((path, cid))
        cmd = dyad_command()
        batch = subprocess.run([*cmd, "code", str(inp), "--format", "jsonl"], capture_output=True, text=True)
        single = subprocess.run([*cmd, "code", str(example), "--format", "json"], capture_output=True, text=True)
        readings = {}
        for line in batch.stdout.splitlines():
            doc = json.loads(line)
            readings[str((doc.get("article") or {}).get("id"))] = doc
        ex = json.loads(single.stdout or "{}")
        ex = ex[0] if isinstance(ex, list) and ex else ex
        for path, cid in items:
            reading = readings.get(cid, {}) if cid else ex
            out_path = Path(tmp) / "o.json"
            out_path.write_text(json.dumps(reading), encoding="utf-8")
            text = subprocess.run([sys.executable, str(shared / "tools" / "score_golden.py"), str(path),
                                   str(out_path)], capture_output=True, text=True).stdout
            m = re.search(r"actors=(\d+)/(\d+)", text)
            ok, n = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
            total_ok, total_n = total_ok + ok, total_n + n
            print(f"{path.name:48} actors={ok}/{n}")
            if misses:
                section = text.split("actors (wrong or missing)\n", 1)[-1].split("TOTAL", 1)[0]
                for line in section.splitlines():
                    if line.strip():
                        print(f"    {line.strip()}")
    share = total_ok / total_n if total_n else 0.0
    print(f"GOLDS actors={total_ok}/{total_n} ({share:.1%})")
    return total_ok, total_n


_DETOK = [(re.compile(r"\s+([’']\s*s)\b"), r"’s"), (re.compile(r"\s+([,.;:)])"), r"\1"),
          (re.compile(r"\(\s+"), "("), (re.compile(r"\s+-\s+"), "-"), (re.compile(r"’\s+s\b"), "’s")]


def detokenize(span: str) -> str:
    """ConfliBERT spans are tokenised ("Japan ’ s right", "( ISRO )"): rebuild news spacing."""
    for pattern, repl in _DETOK:
        span = pattern.sub(repl, span)
    return span.strip()


def country_words(tables) -> list[tuple[re.Pattern[str], str]]:  # noqa: ANN001 - ActorTables
    """Whole-word patterns for every country's name, aliases, adjectives, plural demonyms, capital."""
    from dyad.actors.names import fold

    out = []
    for country in tables.countries.values():
        words = {country.name, *country.aliases, *country.adjectives, country.capital}
        words |= {a + "s" for a in country.adjectives if a[-1:].islower() and not a.endswith(("ese", "sh", "ch", "s"))}
        for word in words:
            if word and len(word) > 2:
                out.append((re.compile(r"(?<![\w-])" + re.escape(fold(word)) + r"(?![\w-])"), country.iso3))
    return out


def spans(shared: Path, misses: bool) -> tuple[int, int]:
    from dyad.actors import load_tables
    from dyad.actors.names import fold

    tables = load_tables()
    patterns = country_words(tables)
    all_spans = []
    for line in (shared / "dev" / "conflibert-cameo-train.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        for side in ("source", "target"):
            all_spans += [detokenize(s) for s in row.get(side) or []]
    named = right = non_null = 0
    wrong: list[str] = []
    for span in all_spans:
        actor = tables.resolve(span)
        non_null += actor is not None and actor.code is not None
        text = fold(span)
        countries = {iso for pattern, iso in patterns if pattern.search(text)}
        if len(countries) != 1:
            continue
        named += 1
        want = next(iter(countries))
        got = actor.country if actor else None
        if got == want or (actor and actor.code and actor.code[:3] == want):
            right += 1
        else:
            wrong.append(f"{span!r}: want {want}, got {actor.code if actor else None}")
    print(f"SPANS one-country right={right}/{named} ({right / max(named, 1):.1%}); "
          f"non-null={non_null}/{len(all_spans)} ({non_null / max(len(all_spans), 1):.1%})")
    if misses:
        for line in wrong:
            print(f"    {line}")
    return right, named


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--misses", action="store_true", help="list each wrong actor / span")
    parser.add_argument("--golds-only", action="store_true")
    parser.add_argument("--spans-only", action="store_true")
    args = parser.parse_args(argv)
    shared = args.shared or find_shared()
    os.environ.setdefault("PYTHONPATH", str(ROOT / "src"))
    if not args.spans_only:
        golds(shared, args.misses)
    if not args.golds_only:
        spans(shared, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
