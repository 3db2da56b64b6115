"""The batch runner: idempotent re-ingest, replacement of changed articles, failures recorded and
never fatal, run bookkeeping, progress on stderr."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace

import pytest

from dyad.batch import estimate_total, ingest, ingest_items
from dyad.errors import CodingError, DyadError, InputError
from dyad.options import Options
from dyad.records import Article, Reading
from dyad.store import open_store
from test_store_dedup import meeting_readings


class StubReader:
    """Gives the hand-made reading of a known article (with the article as given), an empty
    reading otherwise, and a ``CodingError`` for a text containing "BOOM"."""

    def __init__(self, readings: list[Reading]) -> None:
        self.options = Options()
        self.known = {r.article.id: r for r in readings}
        self.read_ids: list[str] = []

    def read_stream(self, items: Iterable[Article | DyadError]) -> Iterator[Reading | DyadError]:
        for item in items:
            if not isinstance(item, Article):
                yield item
                continue
            self.read_ids.append(item.id)
            if "BOOM" in item.text:
                yield CodingError("stage failed", path=item.origin, article_id=item.id)
            elif "POISON" in item.text:  # a reading the database refuses (a required field missing)
                yield replace(self.known["bali-wire-1"], article=item, actors=(
                    replace(self.known["bali-wire-1"].actors[0], name=None),))
            elif item.id in self.known:
                yield replace(self.known[item.id], article=item)
            else:
                yield Reading(article=item)


@pytest.fixture()
def readings():
    return meeting_readings()


def test_batch_reingest_is_idempotent(tmp_path, readings):
    articles = [r.article for r in readings]
    with open_store(tmp_path / "b.db") as store:
        first = ingest_items(articles, store, StubReader(readings), batch_size=3, progress=False)
        assert (first.seen, first.added, first.unchanged, first.failed) == (7, 7, 0, 0)
        assert first.events == 3 and first.status == "finished"  # the Bali meeting, both ways round: one event
        counts = store.counts()
        reader = StubReader(readings)
        second = ingest_items(articles, store, reader, batch_size=3, progress=False)
        assert (second.added, second.replaced, second.unchanged) == (0, 0, 7)
        assert reader.read_ids == []  # unchanged articles aren't even read
        assert {k: v for k, v in store.counts().items() if k != "runs"} == \
               {k: v for k, v in counts.items() if k != "runs"}
        forced = ingest_items(articles, store, StubReader(readings), progress=False, force=True)
        assert (forced.added, forced.replaced, forced.unchanged) == (0, 7, 0)
        assert store.counts()["events"] == counts["events"]


def test_batch_changed_article_replaces_its_reading(tmp_path, readings):
    articles = [r.article for r in readings]
    with open_store(tmp_path / "b.db") as store:
        ingest_items(articles, store, StubReader(readings), progress=False)
        edited = replace(articles[0], title="Biden and Xi meet in Bali (updated)")
        summary = ingest_items([edited, *articles[1:]], store, StubReader(readings), progress=False)
        assert (summary.added, summary.replaced, summary.unchanged) == (0, 1, 6)
        assert store.reading(edited.id).article.title.endswith("(updated)")
        assert store.counts()["articles"] == 7


def test_batch_failures_are_recorded_and_not_fatal(tmp_path, readings):
    items = [readings[0].article, InputError("malformed JSON line", path="feed.jsonl", line=3),
             Article(id="boom-1", text="BOOM goes the parser.", origin="feed.jsonl:4"), readings[1].article]
    with open_store(tmp_path / "b.db") as store:
        summary = ingest_items(items, store, StubReader(readings), batch_size=2, progress=False)
        assert (summary.added, summary.failed) == (2, 2)
        assert [str(f) for f in summary.failures] == ["feed.jsonl:3: malformed JSON line",
                                                      "feed.jsonl:4: stage failed"]
        failures = store.failures(summary.run_id)
        assert list(failures.line) == [3, None] or list(failures.line.fillna(-1)) == [3, -1]
        assert list(failures.article_id.fillna("")) == ["", "boom-1"]
        run = store.runs().iloc[-1]
        assert run.status == "finished" and run.finished
        assert (run.articles_seen, run.articles_added, run.articles_failed) == (4, 2, 2)
        assert json.loads(run.options)["batch_size"] == 2 and run.coder_version
        assert run.lexicon_version and run.actor_table_version


def test_batch_same_id_twice_in_one_batch_keeps_the_last(tmp_path, readings):
    a = readings[0].article
    b = replace(a, title="second version")
    with open_store(tmp_path / "b.db") as store:
        summary = ingest_items([a, b], store, StubReader(readings), progress=False)
        assert (summary.added, summary.unchanged) == (1, 1)
        assert store.reading(a.id).article.title == "second version"


def test_batch_progress_goes_to_stderr(tmp_path, readings, capsys):
    with open_store(tmp_path / "b.db") as store:
        ingest_items([r.article for r in readings], store, StubReader(readings), progress=True, total=7)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "7/7" in captured.err and "article/s" in captured.err


def test_batch_estimate_total(tmp_path):
    (tmp_path / "feed.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text("A story.", encoding="utf-8")
    assert estimate_total([tmp_path]) == 3
    assert estimate_total([tmp_path / "feed.jsonl", "-"]) is None


def test_batch_ingest_real_files_with_the_real_reader(tmp_path):
    from dyad.reader import default_reader

    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"wire-{i}", "title": f"Talks, day {i}", "published": "2022-09-16",
                         "text": f"Russian President Vladimir Putin met Chinese leader Xi Jinping in Samarkand "
                                 f"on Thursday, officials said in statement number {i}."})
             for i in range(6)]
    lines.insert(3, "{this line is broken")
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "story.txt").write_text(
        "Kremlin hosts talks\n\nRussian Foreign Minister Sergei Lavrov met his Turkish counterpart in Moscow "
        "on Tuesday.", encoding="utf-8")
    with open_store(tmp_path / "real.db") as store:
        reader = default_reader()
        summary = ingest([feed, tmp_path / "more"], store, reader, batch_size=4, progress=False)
        assert (summary.seen, summary.added, summary.failed) == (8, 7, 1)
        assert str(summary.failures[0]).startswith(f"{feed}:4: malformed JSON")
        counts = store.counts()
        again = ingest([feed, tmp_path / "more"], store, reader, batch_size=4, progress=False)
        assert (again.added, again.unchanged, again.failed) == (0, 7, 1)
        assert {k: v for k, v in store.counts().items() if k not in ("runs", "failures")} == \
               {k: v for k, v in counts.items() if k not in ("runs", "failures")}
        assert set(store.articles().id) >= {f"wire-{i}" for i in range(6)}


def test_batch_workers_give_the_same_store(tmp_path):
    from dyad.reader import default_reader

    articles = [Article(id=f"w-{i}", published="2022-09-16", origin=f"mem:{i}",
                        text=f"Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in "
                             f"Sochi on Friday, statement {i} said.")
                for i in range(6)]
    frames = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.db") as store:
            summary = ingest_items(articles, store, default_reader(), batch_size=2, progress=False, workers=workers)
            assert (summary.added, summary.failed) == (6, 0)
            frames.append(store.events().drop(columns=["first_ingested"]))
    assert frames[0].equals(frames[1]) and len(frames[0]) >= 1


def test_batch_an_unstorable_reading_is_a_failure_not_the_end(tmp_path, readings):
    poison = Article(id="poison-1", text="POISON in the data.", origin="feed.jsonl:2")
    items = [readings[0].article, poison, readings[1].article]
    with open_store(tmp_path / "b.db") as store:
        summary = ingest_items(items, store, StubReader(readings), batch_size=3, progress=False)
        assert (summary.added, summary.failed) == (2, 1)
        assert summary.failures[0].article_id == "poison-1"
        assert "could not be stored" in summary.failures[0].reason
        assert set(store.articles().id) == {readings[0].article.id, readings[1].article.id}
        run = store.runs().iloc[-1]
        assert (run.articles_seen, run.articles_added, run.articles_failed) == (3, 2, 1)
