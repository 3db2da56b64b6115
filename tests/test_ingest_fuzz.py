"""Property tests: whatever bytes or text come in, the readers return Articles or InputErrors.

These are the short CI runs; `bench/fuzz.py --long` runs the same properties at scale.
"""

from __future__ import annotations

import gzip
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.errors import InputError
from dyad.ingest import read_inputs, read_text
from dyad.ingest.jsonl import read_jsonl
from dyad.ingest.warc import read_warc
from dyad.records import Article

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

nasty_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400) | \
    st.sampled_from(["\u202e\u202dRTL\u200f marks\u200e", '"' * 10_000, "\u201c" * 5000 + "x",
                     "a" * 1_000_000, "\x00\x01\x02", "\n" * 5000, "Embed:\n\n" * 300,
                     "Related article: [x](#)\n\n" * 200, "By [A](#)\n\nMay 5, 2022\n\n"])


def _check(items) -> None:
    for item in items:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            for span in item.paragraphs:
                assert 0 <= span.start <= span.end <= len(item.text)


@FUZZ
@given(nasty_text)
def test_ingest_fuzz_text_reader(text):
    try:
        article = read_text(text)
    except InputError:
        return
    _check([article])


@FUZZ
@given(st.binary(max_size=2000))
def test_ingest_fuzz_random_bytes_any_suffix(tmp_path_factory, data):
    for suffix in (".txt", ".html", ".jsonl", ".json", ".warc", ".gz", ""):
        path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
        path.write_bytes(data)
        _check(read_inputs([path]))


@FUZZ
@given(st.lists(st.text(max_size=200) | st.just('{"text": "Iran and Iraq met."}'), max_size=20))
def test_ingest_fuzz_jsonl_lines(lines):
    _check(read_jsonl(lines, path="fuzz.jsonl"))


@FUZZ
@given(st.binary(max_size=3000))
def test_ingest_fuzz_warc_stream(data):
    _check(read_warc(io.BytesIO(b"WARC/1.0\r\n" + data), path="fuzz.warc"))


def test_ingest_deeply_nested_html_is_bounded(tmp_path):
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * 20_000 + "Putin met Xi in Samarkand. " * 10
                    + "</div>" * 20_000 + "</body></html>", encoding="utf-8")
    _check(read_inputs([path]))


def test_ingest_gzip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as fh:
        chunk = b"A" * (1 << 20)
        for _ in range(80):  # 80 MB of 'A' in about 80 kB
            fh.write(chunk)
    path.write_bytes(buf.getvalue())
    (error,) = list(read_inputs([path]))
    assert isinstance(error, InputError) and "gzip bomb" in str(error)
