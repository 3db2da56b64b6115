"""kill -9 a real ``dyad ingest`` mid-run, rerun it, and every article is stored exactly once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

#: Articles in the generated feed: enough that the run is still going when the first batches
#: are committed, few enough to keep the test quick (~75 short articles/s on one core).
N_ARTICLES = 240
BATCH = 8

PLACES = ["Samarkand", "Ankara", "Beijing", "Tehran", "New Delhi", "Brussels"]


def _feed(path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(N_ARTICLES):
            place = PLACES[i % len(PLACES)]
            text = (f"Russian President Vladimir Putin met Chinese leader Xi Jinping in {place} on Thursday, "
                    f"the Kremlin said in its statement number {i}.\n\nThe two leaders discussed trade and "
                    f"energy, officials said.")
            handle.write(json.dumps({"id": f"feed-{i:04d}", "title": f"Talks in {place} ({i})",
                                     "published": "2022-09-16", "source": "Test Wire", "text": text}) + "\n")


def _count(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet, or its tables not yet


def _ingest(feed, db) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dyad", "ingest", str(feed), "--db", str(db),
                             "--batch-size", str(BATCH), "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_batch_kill_and_resume_stores_every_article_exactly_once(tmp_path):
    feed, db = tmp_path / "feed.jsonl", tmp_path / "events.db"
    _feed(feed)
    proc = _ingest(feed, db)
    deadline = time.monotonic() + 120
    try:
        while _count(db) < 2 * BATCH and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    stored = _count(db)
    assert 0 < stored < N_ARTICLES, "the kill must land mid-run"
    assert stored % BATCH == 0, "only whole batches are committed"

    rerun = subprocess.run([sys.executable, "-m", "dyad", "ingest", str(feed), "--db", str(db),
                            "--batch-size", str(BATCH), "--no-progress"],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N_ARTICLES - stored} added" in rerun.stderr and f"{stored} unchanged" in rerun.stderr

    conn = sqlite3.connect(db)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        assert ids == [f"feed-{i:04d}" for i in range(N_ARTICLES)]
        # each article's reading is stored once: one set of reports per article, none twice
        per_article = dict(conn.execute("SELECT article_id, COUNT(*) FROM event_evidence GROUP BY article_id"))
        assert len(set(per_article.values())) <= 1
        assert conn.execute("SELECT COUNT(*) FROM event_evidence WHERE event_id IS NULL").fetchone()[0] == 0
        reports = conn.execute("SELECT COUNT(*) FROM event_evidence").fetchone()[0]
        assert conn.execute("SELECT SUM(n_reports) FROM events").fetchone()[0] == reports
        # the run log adds up: what the killed run committed plus what the rerun added
        runs = conn.execute("SELECT status, articles_added, articles_unchanged FROM runs ORDER BY started").fetchall()
        assert [r[0] for r in runs] == ["running", "finished"]  # the killed run never finished
        assert sum(r[1] for r in runs) == N_ARTICLES
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
