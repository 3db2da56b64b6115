"""Helpers of the reliability tests (no tests here): a generated JSON Lines feed, a real
``dyad ingest`` subprocess, and a check that an event database is whole and consistent."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

LEADERS = [("Turkish President Recep Tayyip Erdogan", "Iranian President Ebrahim Raisi"),
           ("Japanese Prime Minister Fumio Kishida", "South Korean President Yoon Suk-yeol"),
           ("German Chancellor Olaf Scholz", "French President Emmanuel Macron"),
           ("Indian Prime Minister Narendra Modi", "Chinese President Xi Jinping")]
PLACES = ["Ankara", "Tokyo", "Berlin", "New Delhi", "Brussels", "Jakarta"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

#: Every ``BAD_EVERY``-th line of the feed can't be read (malformed JSON, no text, not an
#: object): such inputs must end up in ``failures``, never silently dropped.
BAD_EVERY = 23
BAD_LINES = ('{"id": "broken", "text": "unterminated', '{"id": "no-text", "title": "Only a title"}', '[1, 2, 3]')


@dataclass(frozen=True)
class Feed:
    path: Path
    ids: tuple[str, ...]       # articles that must end up stored, once each
    bad_lines: tuple[int, ...]  # line numbers that must end up in failures


def write_feed(path: Path, n: int) -> Feed:
    """``n`` lines of short news stories (events, a quote, a date, a place), a few of them broken."""
    ids, bad = [], []
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            line = i + 1
            if line % BAD_EVERY == 0:
                handle.write(BAD_LINES[(line // BAD_EVERY) % len(BAD_LINES)] + "\n")
                bad.append(line)
                continue
            a, b = LEADERS[i % len(LEADERS)]
            place, day = PLACES[i % len(PLACES)], DAYS[i % len(DAYS)]
            text = (f"{a} met {b} in {place} on {day}, officials said in statement number {i}.\n\n"
                    f'"We agreed to expand trade," {b.split()[-1]} told reporters after the talks.')
            ident = f"feed-{i:04d}"
            ids.append(ident)
            handle.write(json.dumps({"id": ident, "title": f"Talks in {place} ({i})", "published": "2023-03-10",
                                     "source": "Test Wire", "text": text}) + "\n")
    return Feed(path, tuple(ids), tuple(bad))


def dyad_ingest(feed: Path, db: Path, *extra: str, preexec_fn: Callable[[], None] | None = None,
                env: dict[str, str] | None = None) -> subprocess.Popen:
    """A real ``dyad ingest`` in its own process (output captured)."""
    environment = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", **(env or {}))
    return subprocess.Popen([sys.executable, "-m", "dyad", "ingest", str(feed), "--db", str(db), "--no-progress",
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=preexec_fn, env=environment)


def stored_count(db: Path) -> int:
    """Articles committed so far (0 while the database or its tables don't exist yet)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=2)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def wait_for(proc: subprocess.Popen, db: Path, at_least: int, timeout: float = 180) -> int:
    """Wait until ``at_least`` articles are committed (or the process ends); returns the count."""
    deadline = time.monotonic() + timeout
    count = stored_count(db)
    while count < at_least and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        count = stored_count(db)
    return count


def stop(proc: subprocess.Popen, sig: int, timeout: float = 120) -> tuple[str, str]:
    """Send ``sig`` (if the process still runs) and collect its output."""
    if proc.poll() is None:
        os.kill(proc.pid, sig)
    try:
        return proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"dyad ingest did not stop within {timeout} s of {signal.Signals(sig).name}: "
                             f"{err[-2000:]}") from None


def check_database(db: Path, *, allowed: Sequence[str] | None = None) -> set[str]:
    """The database is whole (integrity and foreign keys) and every stored article is stored
    completely and once: each table holds exactly the rows its stored reading implies, every
    report belongs to one event and the events' report counts add up. Returns the stored ids."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids))
        if allowed is not None:
            assert set(ids) <= set(allowed), set(ids) - set(allowed)
        per_table = {}
        for table in ("actors", "mentions", "quotes", "dates", "places", "event_evidence"):
            per_table[table] = dict(conn.execute(f"SELECT article_id, COUNT(*) FROM {table} GROUP BY article_id"))
            assert set(per_table[table]) <= set(ids), f"{table} rows of an article that isn't stored"
        for ident, reading in conn.execute("SELECT id, reading FROM articles"):
            data = json.loads(reading)
            expected = {"actors": len(data["actors"]), "mentions": sum(len(a["mentions"]) for a in data["actors"]),
                        "quotes": len(data["quotes"]), "dates": len(data["dates"]), "places": len(data["places"]),
                        "event_evidence": len(data["events"])}
            found = {table: per_table[table].get(ident, 0) for table in expected}
            assert found == expected, (ident, found, expected)
        assert conn.execute("SELECT COUNT(*) FROM event_evidence WHERE event_id IS NULL").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM event_evidence v LEFT JOIN events e ON e.id = v.event_id "
                            "WHERE e.id IS NULL").fetchone()[0] == 0
        reports = conn.execute("SELECT COUNT(*) FROM event_evidence").fetchone()[0]
        assert (conn.execute("SELECT COALESCE(SUM(n_reports), 0) FROM events").fetchone()[0]) == reports
        assert conn.execute("SELECT COUNT(*) FROM events e WHERE NOT EXISTS "
                            "(SELECT 1 FROM event_evidence v WHERE v.event_id = e.id)").fetchone()[0] == 0
        # what the runs say they added is what is stored: nothing was added twice
        added = conn.execute("SELECT COALESCE(SUM(articles_added), 0) FROM runs").fetchone()[0]
        assert added == len(ids), (added, len(ids))
        return set(ids)
    finally:
        conn.close()


def runs(db: Path) -> list[tuple[str, str]]:
    """(id, status) of every run, oldest first."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id, status FROM runs ORDER BY started, rowid").fetchall()
    finally:
        conn.close()


def failed_lines(db: Path, run_id: str, feed: Path) -> list[int]:
    """The feed's line numbers a run lists as failures."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT input, line FROM failures WHERE run_id = ? ORDER BY seq", (run_id,)).fetchall()
    finally:
        conn.close()
    assert all(inp == str(feed) for inp, _ in rows), rows
    return [line for _, line in rows]
