"""Issue 16: one stage's failure is isolated (the other stages' records are kept, the failure is
named in the reading and recorded in the store), and ``dyad code --workers N`` reads in N
processes with the output in input order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyad import actors as actors_stage
from dyad import dates as dates_stage
from dyad import events as events_stage
from dyad import places as places_stage
from dyad import quotes as quotes_stage
from dyad.batch import ingest_items
from dyad.ingest import read_text
from dyad.reader import Reader
from dyad.records import Reading
from dyad.store import open_store

#: Written for this test: every stage has something to find.
STORY = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Samarkand on Thursday. "
         "\"We highly value the balanced position of our Chinese friends,\" Putin told Xi. "
         "Putin also criticised the United States on Thursday.")

STAGES = {  # stage -> (module whose finder is broken, finder name, what the reading keeps of it)
    "actors": (actors_stage, "find_actors", "actors"),
    "dates": (dates_stage, "find_dates", "dates"),
    "places": (places_stage, "find_places", "places"),
    "quotes": (quotes_stage, "find_quotes", "quotes"),
    "events": (events_stage, "find_events", "events"),
}


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader()


@pytest.fixture(scope="module")
def whole(reader) -> Reading:
    reading = reader.read_article(read_text(STORY, origin="story.txt", published="2022-09-16"))
    for field in ("actors", "dates", "places", "quotes", "events"):
        assert getattr(reading, field), f"the story should give {field}"
    assert reading.stage_failures == ()
    return reading


def _boom(*args, **kwargs):
    raise ZeroDivisionError("injected")


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_issue_16_a_failing_stage_keeps_the_others(stage, reader, whole, monkeypatch):
    module, finder, field = STAGES[stage]
    monkeypatch.setattr(module, finder, _boom)
    reading = reader.read_article(read_text(STORY, origin="story.txt", published="2022-09-16"))
    assert getattr(reading, field) == ()
    assert [(f.stage, f.error) for f in reading.stage_failures] == [(stage, "ZeroDivisionError: injected")]
    assert any(w.startswith(f"stage {stage} failed (ZeroDivisionError: injected)") for w in reading.warnings)
    # the stages that don't depend on the broken one are untouched
    independent = {"actors": ("dates", "places"), "dates": ("actors", "places", "quotes"),
                   "places": ("actors", "dates", "quotes"), "quotes": ("actors", "dates", "places"),
                   "events": ("actors", "dates", "places", "quotes")}[stage]
    for other in independent:
        assert getattr(reading, other) == getattr(whole, other), other
    assert Reading.from_dict(json.loads(json.dumps(reading.to_dict()))) == reading


@pytest.mark.parametrize("stage", ["quotes", "events"])
def test_issue_16_stage_failure_is_recorded_in_the_store(stage, reader, tmp_path, monkeypatch):
    module, finder, _ = STAGES[stage]
    monkeypatch.setattr(module, finder, _boom)
    articles = [read_text(STORY, origin="one.txt", published="2022-09-16"),
                read_text(STORY.replace("Thursday", "Friday"), origin="two.txt", published="2022-09-16")]
    with open_store(tmp_path / "s.db", create=True) as store:
        summary = ingest_items(articles, store, reader, progress=False)
        assert (summary.added, summary.failed, summary.stage_failures) == (2, 0, 2)
        failures = store.failures(summary.run_id)
        assert list(failures.stage) == [stage, stage]
        assert sorted(failures.input) == ["one.txt", "two.txt"]
        assert set(failures.reason) == {"ZeroDivisionError: injected"}
        stored = store.reading(articles[0].id)
        assert stored is not None and stored.actors and stored.stage_failures[0].stage == stage
        assert "stage %s failed" % stage in str(summary.failures[0])


def test_issue_16_code_with_two_workers_keeps_input_order(tmp_path):
    shared = Path(__file__).resolve().parents[2] / "shared" / "dev" / "bbc-news-2004-2005.jsonl"
    lines = [ln for ln in shared.read_text(encoding="utf-8").splitlines()[:500:50]] if shared.exists() else []
    if not lines:  # outside the project's checkout layout: stories of our own
        lines = [json.dumps({"id": f"s{i}", "text": STORY.replace("Thursday", day)})
                 for i, day in enumerate(["Monday", "Tuesday", "Wednesday", "Friday", "Saturday"] * 2)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines[:5] + ["{broken"] + lines[5:]) + "\n", encoding="utf-8")
    dyad = [sys.executable, "-m", "dyad"]
    one = subprocess.run(dyad + ["code", str(feed), "--format", "jsonl", "--published", "2005-01-01"],
                         capture_output=True, text=True, timeout=600)
    two = subprocess.run(dyad + ["code", str(feed), "--format", "jsonl", "--published", "2005-01-01",
                                 "--workers", "2", "--batch-size", "2"],
                         capture_output=True, text=True, timeout=600)
    assert one.returncode == two.returncode == 1  # the broken line is reported, not fatal
    assert one.stdout == two.stdout
    ids = [json.loads(line)["article"]["id"] for line in two.stdout.splitlines()]
    assert ids == [json.loads(line)["id"] for line in lines]
    assert "feed.jsonl:6: malformed JSON line" in two.stderr
    assert "2 workers, peak memory per worker:" in two.stderr
