#!/usr/bin/env python3
"""The fuzz harnesses at scale: every reader (text, HTML, JSON Lines, WARC, gzip, random bytes
under any file name) and the whole ``dyad code`` pipeline on arbitrary Unicode, each run by
hypothesis for a time budget; then (``--worst``) the slowest inputs found so far, timed at full size.

    python bench/fuzz.py                     # 20 s per harness
    python bench/fuzz.py --long              # 300 s per harness, and --worst
    python bench/fuzz.py --seconds 60 --only pipeline
    python bench/fuzz.py --worst             # only the worst-case timings

The properties are the CI tests' (tests/test_ingest_fuzz.py, tests/test_reliability_fuzz.py):
a reader yields Articles or InputErrors, nothing else, with paragraph spans inside the text; a
reading raises nothing, every offset is inside the text and spells its record's text, and the
reading round-trips through JSON. For each harness it prints how many inputs it tried and how
many distinct crashes it found (each one's shrunk input is written to ``--out``). Exit status 1
when anything crashed.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the CI tests' strategies and property checks

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

#: Most examples per hypothesis round; rounds repeat with new seeds until the harness's time is
#: up, each sized to the time left (the first is small, to measure the harness's speed).
ROUND_EXAMPLES = 200
FIRST_ROUND = 10


@dataclass
class Harness:
    name: str
    strategy: st.SearchStrategy
    check: Callable[[object], None]
    tried: int = 0
    rounds: int = 0
    crashes: dict[str, str] = field(default_factory=dict)  # first line of the error -> input
    seconds: float = 0.0


def _ingest_harnesses(tmp: Path) -> list[Harness]:
    from test_ingest_fuzz import _check, nasty_text
    from test_reliability_fuzz import article_text

    from dyad.errors import InputError
    from dyad.ingest import read_inputs, read_text
    from dyad.ingest.jsonl import read_jsonl
    from dyad.ingest.warc import read_warc

    def text_reader(raw: str) -> None:
        try:
            _check([read_text(raw)])
        except InputError:
            pass

    counter = iter(range(10**12))

    def bytes_any_suffix(data: bytes) -> None:
        for suffix in (".txt", ".html", ".jsonl", ".json", ".warc", ".gz", ".warc.gz", ""):
            path = tmp / f"in-{next(counter)}{suffix}"
            path.write_bytes(data)
            try:
                _check(read_inputs([path]))
            finally:
                path.unlink()

    def html_file(page: str) -> None:
        path = tmp / f"page-{next(counter)}.html"
        path.write_text(page, encoding="utf-8", errors="surrogatepass")
        try:
            _check(read_inputs([path]))
        finally:
            path.unlink()

    def gzip_file(data: bytes) -> None:
        packed = gzip.compress(data)
        for blob in (packed, packed[: len(packed) // 2]):  # whole, and cut off mid-stream
            path = tmp / f"in-{next(counter)}.txt.gz"
            path.write_bytes(blob)
            try:
                _check(read_inputs([path]))
            finally:
                path.unlink()

    def warc_stream(records: list[tuple[str, bytes]]) -> None:
        buf = io.BytesIO()
        for kind, payload in records:
            body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload if kind == "response" else payload
            buf.write(b"WARC/1.0\r\nWARC-Type: " + kind.encode() + b"\r\nWARC-Target-URI: http://example.com/a\r\n"
                      b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Length: " + str(len(body)).encode()
                      + b"\r\n\r\n" + body + b"\r\n\r\n")
        _check(read_warc(io.BytesIO(buf.getvalue()), path="fuzz.warc"))
        _check(read_warc(io.BytesIO(buf.getvalue()[: max(1, len(buf.getvalue()) // 2)]), path="fuzz.warc"))

    any_char = st.characters(exclude_categories=())
    json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(any_char, max_size=80),
                              lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                           max_size=4), max_leaves=10)
    article_obj = st.fixed_dictionaries({}, optional={
        "id": json_value, "text": st.text(any_char, max_size=400) | json_value, "title": json_value,
        "published": json_value, "url": json_value, "author": json_value, "date": json_value})

    def jsonl_lines(objs: list) -> None:
        import json

        lines = []
        for obj in objs:
            lines.append(obj if isinstance(obj, str) else json.dumps(obj))
        _check(read_jsonl(lines, path="fuzz.jsonl"))

    tags = st.sampled_from(["div", "p", "article", "span", "script", "style", "h1", "table", "td", "a", "br",
                            "iframe", "noscript", "svg", "!--"])
    html_page = st.lists(st.tuples(tags, article_text), max_size=25).map(
        lambda parts: "<html><body>" + "".join(f"<{t}>{txt}" for t, txt in parts)
        + "".join(f"</{t}>" for t, _ in reversed(parts)) + "</body></html>")
    warc_records = st.lists(st.tuples(st.sampled_from(["response", "resource", "request", "metadata"]),
                                      st.binary(max_size=600) | html_page.map(lambda s: s.encode("utf-8", "replace"))),
                            max_size=5)
    return [
        Harness("text reader", nasty_text | article_text, text_reader),
        Harness("bytes, any file name", st.binary(max_size=3000), bytes_any_suffix),
        Harness("HTML pages", html_page, html_file),
        Harness("gzip (whole, cut)",
                st.binary(max_size=3000) | article_text.map(lambda s: s.encode("utf-8", "replace")), gzip_file),
        Harness("JSON Lines", st.lists(article_obj | st.text(any_char, max_size=120), max_size=12), jsonl_lines),
        Harness("WARC records", warc_records, warc_stream),
    ]


def _pipeline_harnesses() -> list[Harness]:
    from test_reliability_fuzz import NOISE, SENTENCES, _read_all_ways, article_text

    from dyad.options import Options
    from dyad.reader import Reader

    reader = Reader(Options(published="2022-09-16"))
    reader.nlp  # noqa: B018 - load now, not inside the first example's time
    reader.tables  # noqa: B018
    long_news = st.lists(st.sampled_from(SENTENCES) | st.sampled_from(NOISE), min_size=20, max_size=200).map(" ".join)
    return [Harness("pipeline (dyad code)", article_text, lambda raw: _read_all_ways(reader, raw)),
            Harness("pipeline, long articles", long_news, lambda raw: _read_all_ways(reader, raw))]


def run(harness: Harness, seconds: float, out: Path) -> None:
    """Rounds of ``ROUND_EXAMPLES`` hypothesis examples, new seed each, until ``seconds`` pass."""
    started = time.monotonic()

    def body(value: object) -> None:
        harness.tried += 1
        harness.check(value)

    examples = FIRST_ROUND
    while (left := seconds - (time.monotonic() - started)) > 0:
        if harness.tried:  # size the round to the time left, at the rate seen so far
            rate = harness.tried / (time.monotonic() - started)
            examples = max(1, min(ROUND_EXAMPLES, int(rate * left)))
        test = settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                        suppress_health_check=list(HealthCheck), print_blob=False)(given(harness.strategy)(body))
        test = seed(int.from_bytes(os.urandom(8), "big"))(test)
        harness.rounds += 1
        try:
            test()
        except Exception as exc:  # noqa: BLE001 - every failure is a finding: recorded, then go on
            key = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:200]
            if key not in harness.crashes:
                harness.crashes[key] = "".join(traceback.format_exception(exc))
                slug = "".join(c if c.isalnum() else "-" for c in harness.name)
                path = out / f"crash-{slug}-{len(harness.crashes)}.txt"
                path.write_text(harness.crashes[key], encoding="utf-8", errors="backslashreplace")
                print(f"  crash in {harness.name}: {key} (details: {path})", file=sys.stderr, flush=True)
    harness.seconds = time.monotonic() - started


# -- worst cases ---------------------------------------------------------------------------------
def worst_cases(max_chars: int) -> list[tuple[str, str]]:
    """Inputs that were slow once (or could be), at the size the reader accepts."""
    sentence = ("Turkish President Recep Tayyip Erdogan met Iranian President Ebrahim Raisi in Ankara on Monday. "
                '"We discussed trade," Raisi told reporters in Tehran on Tuesday.\n\n')
    cases = [
        ("10,000 straight quote marks", '"' * 10_000),
        ("10,000 curly quote marks", "\u201c" * 5_000 + "x" + "\u201d" * 5_000),
        ("1 MB single line of one word", "a" * 1_000_000),
        ("1 MB single line of words", "word " * 200_000),
        ("news sentences, full size", sentence * (max_chars // len(sentence) + 1)),
        ("punctuation only, full size", "!?.,;:-" * (max_chars // 7 + 1)),
        ("emoji and spaces, full size", "\U0001f600\U0001f1f7\U0001f1fa\U0001f44d\U0001f3fd " * (max_chars // 6 + 1)),
        ("one-letter words, full size", "a " * (max_chars // 2 + 1)),
        ("RTL and mixed scripts, full size", "\u202e\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 "
                                             "\u041f\u0443\u0442\u0438\u043d " * (max_chars // 20 + 1)),
        ("control characters, full size", "".join(chr(i) for i in range(32)) * (max_chars // 32 + 1)),
        ("quotes around words, full size", '"Hello," he said. ' * (max_chars // 18 + 1)),
        ("deeply nested parentheses", "(" * 50_000 + "Iran met Iraq." + ")" * 50_000),
        ("a token per character, full size", "\u00a0\"" * (max_chars // 2 + 1)),
    ]
    return cases


def time_worst(reader) -> list[tuple[str, int, float, int]]:  # noqa: ANN001 - a Reader
    from dyad.records import Article

    rows = []
    for name, text in worst_cases(reader.options.max_chars):
        started = time.perf_counter()
        reading = reader.read_article(Article(id="worst", text=text))
        took = time.perf_counter() - started
        doc_tokens = len(reader.nlp.make_doc(reading.article.text))
        rows.append((name, len(text), took, doc_tokens))
        print(f"  {name:34} {len(text):>9,} chars  {took:6.1f} s  ({len(reading.article.text) / took:,.0f} chars/s, "
              f"{doc_tokens:,} tokens)", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--long", action="store_true", help="300 s per harness, and the worst-case timings")
    parser.add_argument("--seconds", type=float, help="seconds per harness (default 20, or 300 with --long)")
    parser.add_argument("--only", choices=["ingest", "pipeline"], help="only these harnesses")
    parser.add_argument("--worst", action="store_true", help="time the worst-case inputs at full size "
                                                             "(alone unless --seconds or --long is given)")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "dyad-fuzz",
                        help="folder for crash reports (default: %(default)s)")
    args = parser.parse_args()
    seconds = args.seconds if args.seconds is not None else (300.0 if args.long else 20.0)
    fuzz = not args.worst or args.long or args.seconds is not None
    args.out.mkdir(parents=True, exist_ok=True)

    import logging

    logging.getLogger("dyad").setLevel(logging.ERROR)  # truncation warnings are expected here
    harnesses: list[Harness] = []
    crashed = 0
    with tempfile.TemporaryDirectory() as tmp:
        if fuzz:
            if args.only in (None, "ingest"):
                harnesses += _ingest_harnesses(Path(tmp))
            if args.only in (None, "pipeline"):
                harnesses += _pipeline_harnesses()
            print(f"fuzzing {len(harnesses)} harnesses, {seconds:g} s each ({os.cpu_count()} CPUs)", flush=True)
            for harness in harnesses:
                run(harness, seconds, args.out)
                print(f"  {harness.name:26} {harness.tried:>8,} inputs in {harness.seconds:5.0f} s "
                      f"({harness.rounds} rounds)  crashes: {len(harness.crashes)}", flush=True)
            crashed = sum(len(h.crashes) for h in harnesses)
            print(f"total: {sum(h.tried for h in harnesses):,} inputs, {crashed} crashes")
        if args.worst or args.long:
            from dyad.reader import Reader

            print("worst cases (one article each, models loaded):", flush=True)
            time_worst(Reader())
    sys.exit(1 if crashed else 0)


if __name__ == "__main__":
    main()
