"""Opening the database: migrations, SQLite settings, and the bad cases (newer schema, locked,
not a database), each a clear ``StoreError`` with nothing written."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from dyad.errors import StoreError
from dyad.store import SCHEMA_VERSION, open_store
from dyad.store.db import migrations, redact, split_statements
from test_store_dedup import meeting_readings


def test_store_schema_has_every_table_and_version(tmp_path):
    with open_store(tmp_path / "x.db") as store:
        assert set(store.counts()) == {"articles", "actors", "mentions", "events", "event_evidence", "quotes",
                                       "dates", "places", "runs", "failures"}
        assert store.db.schema_version() == SCHEMA_VERSION == migrations("sqlite")[-1][0]
        assert store.db.scalar("PRAGMA journal_mode") == "wal"
        assert store.db.scalar("PRAGMA foreign_keys") == 1


def test_store_reopening_does_not_migrate_twice(tmp_path):
    path = tmp_path / "x.db"
    open_store(path).close()
    with open_store(path) as store:
        assert store.db.scalar("SELECT COUNT(*) FROM schema_version") == SCHEMA_VERSION


def test_store_default_db_comes_from_env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DYAD_DB", raising=False)
    open_store().close()
    assert (tmp_path / "dyad.db").exists()
    monkeypatch.setenv("DYAD_DB", str(tmp_path / "other.db"))
    open_store().close()
    assert (tmp_path / "other.db").exists()


def test_store_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "new.db"
    with open_store(path) as store:
        store.write(meeting_readings()[:1])
        store.db.execute("INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)",
                         (SCHEMA_VERSION + 1, "future", "2031-01-01"))
    with pytest.raises(StoreError, match="newer than this dyad") as info:
        open_store(path)
    assert "pip install -U dyad-events" in str(info.value)
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1  # untouched
    raw.close()


def test_store_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a dyad"):
        open_store(path)


def test_store_missing_folder_and_missing_file(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "dir" / "x.db")
    with pytest.raises(StoreError, match="dyad ingest"):
        open_store(tmp_path / "absent.db", create=False)


def test_store_locked_database_is_a_clear_error_and_writes_nothing(tmp_path, monkeypatch):
    import dyad.store.db as db

    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT", 0.2)
    path = tmp_path / "locked.db"
    open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        with open_store(path) as store:
            with pytest.raises(StoreError, match="locked by another process") as info:
                store.write(meeting_readings())
            assert info.value.transient  # the database, not the data: a batch run stops here
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_store(path) as store:
        assert store.counts()["articles"] == 0


def test_store_a_failed_batch_leaves_no_partial_rows(tmp_path, monkeypatch):
    from dyad.store.store import Store

    with open_store(tmp_path / "x.db") as store:
        store.write(meeting_readings()[:2])
        before = store.counts()

        def explode(self, blocks):
            raise StoreError("disk on fire")

        monkeypatch.setattr(Store, "_rebuild", explode)
        with pytest.raises(StoreError, match="disk on fire"):
            store.write(meeting_readings()[2:])
        assert store.counts() == before


def test_store_concurrent_writers_serialise(tmp_path):
    path = tmp_path / "x.db"
    open_store(path).close()
    readings = meeting_readings()
    errors: list[Exception] = []

    def write(part):
        try:
            with open_store(path) as store:
                for r in part:
                    store.write([r])
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(readings[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(path) as store:
        assert store.counts()["articles"] == len(readings)
        assert int(store.events().n_reports.sum()) == store.counts()["event_evidence"]


def test_store_helpers():
    assert redact("postgresql://dyad:s3cret@db:5432/x") == "postgresql://dyad:***@db:5432/x"
    assert redact("events.db") == "events.db"
    assert split_statements("-- c\nCREATE TABLE a (x TEXT);\n\nCREATE INDEX i ON a (x);\n") == [
        "CREATE TABLE a (x TEXT)", "CREATE INDEX i ON a (x)"]


def test_store_open_without_migrating(tmp_path):
    path = tmp_path / "ro.db"
    with pytest.raises(StoreError, match="no dyad tables"):
        open_store(path, migrate=False)
    open_store(path).close()
    with open_store(path, migrate=False) as store:
        assert store.events().empty
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO schema_version VALUES (?, 'future', '2031-01-01')", (SCHEMA_VERSION + 1,))
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="newer than this dyad"):
        open_store(path, migrate=False)
