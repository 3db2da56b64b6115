"""HTML, JSON Lines, WARC, folders, globs and stdin, on fixtures made for these tests."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from dyad.errors import InputError
from dyad.ingest import read_inputs
from dyad.records import Article

FIXTURES = Path(__file__).parent / "fixtures"


def _articles(items):
    return [i for i in items if isinstance(i, Article)]


def _errors(items):
    return [i for i in items if isinstance(i, InputError)]


def test_ingest_html_page():
    (article,) = list(read_inputs([FIXTURES / "sochi.html"]))
    assert isinstance(article, Article)
    assert article.title == "Erdogan and Putin hold talks in Sochi"
    assert article.published == "2021-09-29"
    assert article.byline == "Reuters"
    assert article.text.startswith("Turkish President Tayyip Erdogan and Russian President Vladimir Putin")
    assert "All rights reserved" not in article.text and "Home" not in article.text
    assert len(article.paragraphs) == 3


def test_ingest_jsonl_ids_and_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"id": "afp-001", "title": "Modi meets Sharif", "text": "Indian Prime Minister Narendra Modi met "
         "Pakistani Prime Minister Shehbaz Sharif on Tuesday.\n\nThey agreed to resume talks.",
         "published": "2023-05-02", "url": "https://www.reuters.com/world/asia/x"},
        {"title": "No id here", "text": "Kenya and Uganda signed a trade pact in Kampala.", "date": "2024-01-15T09:30:00Z"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = list(read_inputs([path]))
    assert first.id == "afp-001" and first.title == "Modi meets Sharif" and first.published == "2023-05-02"
    assert first.source == "Reuters" and len(first.paragraphs) == 2
    assert len(second.id) == 16 and second.published.startswith("2024-01-15")
    assert first.origin == f"{path}:1"


def test_ingest_jsonl_malformed_line_is_reported_and_rest_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Iran and Iraq signed a security pact in Baghdad."}\n'
                    '{"text": "broken\n'
                    '[1, 2]\n'
                    '{"title": "no text"}\n'
                    '{"text": "Japan protested to China over ships near the islands."}\n', encoding="utf-8")
    items = list(read_inputs([path]))
    assert len(_articles(items)) == 2
    errors = _errors(items)
    assert [e.line for e in errors] == [2, 3, 4]
    assert all(e.path == str(path) for e in errors)
    assert f"{path}:2: malformed JSON line" in str(errors[0])


@pytest.mark.parametrize("name", ["news.warc", "news.warc.gz"])
def test_ingest_warc_records(name):
    items = list(read_inputs([FIXTURES / name]))
    articles = _articles(items)
    assert [a.url for a in articles] == ["https://www.reuters.com/world/erdogan-putin-sochi-2021-09-29/",
                                         "https://www.japantimes.co.jp/news/2023/03/31/national/senkaku-protest/"]
    assert articles[1].published == "2023-03-31"
    assert articles[1].source == "The Japan Times"
    (error,) = _errors(items)  # the 404 page; the robots.txt (not HTML) is not an article
    assert "HTTP 404" in str(error)


def test_ingest_truncated_warc_gz_is_reported(tmp_path):
    data = (FIXTURES / "news.warc.gz").read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([path]))
    assert _errors(items) and "broken" in str(_errors(items)[-1])


def test_ingest_folder_glob_and_order(tmp_path):
    (tmp_path / "b").mkdir()
    shutil.copy(FIXTURES / "sochi.html", tmp_path / "b" / "page.html")
    (tmp_path / "a.txt").write_text("Chile and Peru agreed to reopen the border crossing on Monday.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    from_dir = _articles(read_inputs([tmp_path]))
    assert [Path(a.origin).name for a in from_dir] == ["a.txt", "page.html"]
    from_glob = _articles(read_inputs([str(tmp_path / "**" / "*.html")]))
    assert [Path(a.origin).name for a in from_glob] == ["page.html"]


def test_ingest_gzipped_text(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(b"Egypt hosted talks between Israeli and Hamas negotiators in Cairo."))
    (article,) = list(read_inputs([path]))
    assert article.text.startswith("Egypt hosted talks")


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x00\x01\x02PNG\x00" * 50, "binary file"),
    ("latin1.txt", "Caf\u00e9 talks in Bogot\u00e1 ended.".encode("latin-1"), "not valid UTF-8"),
    ("bad.txt.gz", gzip.compress(b"The talks ended in Doha on Sunday." * 20)[:30], "truncated or corrupt gzip"),
    ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
    ("missing.txt", None, "no such file"),
])
def test_ingest_bad_inputs_are_reported_and_batch_goes_on(tmp_path, name, content, message):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Brazil and Argentina signed a gas pipeline deal in Buenos Aires.", encoding="utf-8")
    items = list(read_inputs([bad, good]))
    (error,) = _errors(items)
    assert message in str(error) and str(bad) in str(error)
    assert len(_articles(items)) == 1


def test_ingest_jsonl_line_separators_inside_strings_are_not_line_breaks(tmp_path):
    """U+2028/U+2029/U+0085 are legal inside JSON strings: only \\n ends a JSON Lines record."""
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "x1", "text": "Chile and Peru met.\u2028Talks went on.\u0085Done."},
                               ensure_ascii=False) + "\r\n", encoding="utf-8")
    (article,) = list(read_inputs([path]))
    assert isinstance(article, Article) and article.id == "x1"
