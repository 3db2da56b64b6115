"""Crash safety of ``dyad ingest``: SIGKILL and SIGTERM at random (seeded) points, a full disk,
a reader process dying. After each, the database passes SQLite's integrity check, every
stored article is stored whole, and a rerun of the same command completes the rest exactly
once, listing every unreadable input in ``failures``.

``DYAD_RELIABILITY_KILLS=N`` runs N kills instead of the CI's 3 (``bench/fuzz.py`` does not
cover this; see docs/reliability.md for the long run).
"""

from __future__ import annotations

import os
import random
import resource
import signal
import sqlite3
import time

import pytest

from test_reliability_support import (check_database, dyad_ingest, failed_lines, runs, stop, stored_count, wait_for,
                                      write_feed)

BATCH = 8
SEED = 20220916
KILLS = int(os.environ.get("DYAD_RELIABILITY_KILLS", "3"))
#: Lines in the feed: long enough that every kill lands mid-run (each lets 1-3 batches commit).
N_LINES = max(240, 30 * KILLS)


def _finish(feed, db, *extra: str) -> str:
    """Rerun to the end; the feed's broken lines make the exit status 1."""
    proc = dyad_ingest(feed.path, db, "--batch-size", str(BATCH), *extra)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    return err


def _complete(feed, db) -> None:
    """Every good article is stored once, whole; the last run lists every broken line."""
    assert check_database(db, allowed=feed.ids) == set(feed.ids)
    run_id, status = runs(db)[-1]
    assert status == "finished"
    assert failed_lines(db, run_id, feed.path) == list(feed.bad_lines)


def test_reliability_kill_and_term_at_random_points_then_resume(tmp_path):
    feed, db = write_feed(tmp_path / "feed.jsonl", N_LINES), tmp_path / "events.db"
    rng = random.Random(SEED)
    signals = [signal.SIGTERM if k % 2 == 0 else signal.SIGKILL for k in range(KILLS)]  # TERM, KILL, TERM ...
    landed, stored_at = 0, []
    for sig in signals:
        before = stored_count(db)
        if before >= len(feed.ids) - 3 * BATCH:
            break  # too close to the end for another kill to land mid-run
        proc = dyad_ingest(feed.path, db, "--batch-size", str(BATCH))
        # a random number of committed batches, then a random moment inside the next one
        wait_for(proc, db, before + rng.randint(1, 3) * (BATCH - 1))
        if proc.poll() is None:
            time.sleep(rng.uniform(0.0, 0.3))
        _, err = stop(proc, sig)
        if proc.returncode == 1 and "finished" in [s for _, s in runs(db)]:
            break  # the run ended before the signal: nothing to test any more
        landed += 1
        assert "Traceback" not in err
        if sig == signal.SIGKILL:
            assert proc.returncode == -signal.SIGKILL
            assert runs(db)[-1][1] == "running"  # a killed run never gets to say so
        else:
            assert proc.returncode == 128 + signal.SIGTERM, err
            assert "terminated (SIGTERM)" in err and "again to resume" in err, err
            assert runs(db)[-1][1] == "interrupted"
        stored = check_database(db, allowed=feed.ids)
        assert len(stored) >= before
        stored_at.append(f"{signal.Signals(sig).name}@{len(stored)}")
    assert landed >= 2, "the kills must land mid-run"
    before = stored_count(db)
    err = _finish(feed, db)
    _complete(feed, db)
    assert f"{len(feed.ids) - before} added" in err and f"{before} unchanged" in err, err
    statuses = [s for _, s in runs(db)]
    assert statuses[-1] == "finished" and set(statuses[:-1]) <= {"running", "interrupted"}
    print(f"{landed} kills landed (signal@articles stored after it: {' '.join(stored_at)}); the rerun added "
          f"{len(feed.ids) - before}: {len(feed.ids)} articles stored once, {len(feed.bad_lines)} broken lines listed")


def _limit_file_size(limit: int):  # noqa: ANN202 - a preexec function
    def apply() -> None:
        # without this the kernel kills the writer with SIGXFSZ; ignored, write() fails with EFBIG
        # and SQLite reports an I/O error, as it does on a full disk (ENOSPC)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


#: The file size limit of the disk-full run: the schema and a few batches fit, the feed doesn't.
DISK_LIMIT = 1_200_000


def test_reliability_disk_full_is_a_clear_error_and_resumes(tmp_path):
    feed, db = write_feed(tmp_path / "feed.jsonl", 120), tmp_path / "events.db"
    proc = dyad_ingest(feed.path, db, "--batch-size", str(BATCH), preexec_fn=_limit_file_size(DISK_LIMIT))
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert "disk is full" in err and "run the same command again to resume" in err, err
    stored = check_database(db, allowed=feed.ids)
    assert 0 < len(stored) < len(feed.ids), "the limit must be hit mid-run"
    assert runs(db)[-1][1] == "failed"

    _finish(feed, db)
    _complete(feed, db)


def _workers_of(pid: int) -> list[int]:
    """The reader processes of a ``--workers`` run: children running multiprocessing's spawn."""
    found = []
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            children = [int(c) for c in handle.read().split()]
    except OSError:
        return []
    for child in children:
        try:
            with open(f"/proc/{child}/cmdline", "rb") as handle:
                cmdline = handle.read().replace(b"\0", b" ")
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            found.append(child)
    return found


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc to find the worker")
def test_reliability_a_dying_reader_process_leaves_the_database_consistent(tmp_path):
    feed, db = write_feed(tmp_path / "feed.jsonl", 100), tmp_path / "events.db"
    proc = dyad_ingest(feed.path, db, "--batch-size", "4", "--workers", "2")
    try:
        assert wait_for(proc, db, 8, timeout=300) >= 8, "the workers never committed anything"
        workers = _workers_of(proc.pid)
        assert len(workers) == 2, workers
        os.kill(workers[0], signal.SIGKILL)  # as the kernel's OOM killer would
        _, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 1, err
    assert "a worker process died" in err and "Traceback" not in err
    stored = check_database(db, allowed=feed.ids)
    assert 0 < len(stored) < len(feed.ids)
    assert runs(db)[-1][1] == "failed"

    _finish(feed, db)  # in one process: the same database, resumed
    _complete(feed, db)


def test_reliability_sigterm_handler_is_scoped_to_the_ingest():
    """The handler is installed only while an ingest runs, so it never outlives the command."""
    from dyad.cli.store import _interrupt_on_sigterm, _Terminated

    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(_Terminated), _interrupt_on_sigterm():
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(1000):  # the handler runs at the next bytecode; wait a second at most
            time.sleep(0.001)
    assert signal.getsignal(signal.SIGTERM) == before
    assert issubclass(_Terminated, KeyboardInterrupt)  # the runner marks the run interrupted


RUN_ROW = "INSERT INTO runs (id, coder_version, started, status) VALUES ('r', 'x', 'now', 'running')"


def test_reliability_interrupt_mid_transaction_rolls_back(tmp_path):
    """A KeyboardInterrupt (what SIGTERM becomes) inside a write leaves nothing of the batch."""
    from dyad.store import open_store

    db = tmp_path / "t.db"
    with open_store(str(db)) as store:
        with pytest.raises(KeyboardInterrupt), store.db.transaction():
            store.db.execute(RUN_ROW)
            raise KeyboardInterrupt
        assert store.db.scalar("SELECT COUNT(*) FROM runs") == 0
        with store.db.transaction():  # the connection is usable again: no transaction left open
            store.db.execute(RUN_ROW)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 1
    conn.close()
