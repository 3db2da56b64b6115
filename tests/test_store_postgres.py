"""PostgreSQL: the same results as SQLite on the same input, and the bad cases (a newer schema,
a lost connection) as clear errors with nothing written.

Needs a server: ``export "$(bash scripts/ci-postgres.sh)"`` sets ``DYAD_TEST_PG_URL``. Each test
works in a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote, urlsplit

import pandas as pd
import pytest

from dyad.errors import StoreError
from dyad.store import SCHEMA_VERSION, open_store
from test_store_dedup import meeting_readings
from test_store_queries import sochi_reading

PG_URL = os.environ.get("DYAD_TEST_PG_URL")
needs_pg = pytest.mark.skipif(not PG_URL, reason="DYAD_TEST_PG_URL is not set: run "
                                                 "`export \"$(bash scripts/ci-postgres.sh)\"` to test PostgreSQL")

#: Columns that record when a row was written, so differ between two databases.
TIMES = ("ingested", "first_ingested", "run_id")


def _with_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture()
def pg_url():
    import psycopg

    schema = f"dyad_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_schema(PG_URL, schema)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    drop = [c for c in TIMES if c in a.columns]
    pd.testing.assert_frame_equal(a.drop(columns=drop), b.drop(columns=drop), check_dtype=False)


@needs_pg
def test_store_postgres_and_sqlite_give_the_same_results(pg_url, tmp_path):
    readings = [*meeting_readings(), sochi_reading()]
    with open_store(tmp_path / "lite.db") as lite, open_store(pg_url) as pg:
        assert pg.dialect == "postgresql" and lite.dialect == "sqlite"
        for store in (lite, pg):
            store.write(readings[:4])
            store.write(readings[4:])
            store.write(readings[2:3])  # replace one
        assert lite.counts() == pg.counts()
        queries = [("events", {}), ("events", {"source": "USA", "since": "2022-11", "until": "2022-11"}),
                   ("events", {"actor": "xi"}), ("events", {"root": "04", "min_reports": 2}),
                   ("evidence", {}), ("quotes", {}), ("quotes", {"speaker": "putin"}),
                   ("quotes", {"contains": "sanctions"}), ("actors", {}), ("actors", {"country": "USA"}),
                   ("articles", {}), ("articles", {"contains": "bali"})]
        for name, kwargs in queries:
            _same(getattr(lite, name)(**kwargs), getattr(pg, name)(**kwargs))
        for reading in readings:
            assert lite.reading(reading.article.id) == pg.reading(reading.article.id) == reading
        lite_gdelt, pg_gdelt = tmp_path / "lite.tsv", tmp_path / "pg.tsv"
        lite.export("gdelt", lite_gdelt)
        pg.export("gdelt", pg_gdelt)

        def strip_added(path):
            return [line.split("\t")[:-2] + line.split("\t")[-1:] for line in path.read_text().splitlines()]

        assert strip_added(lite_gdelt) == strip_added(pg_gdelt)


@needs_pg
def test_store_postgres_text_with_nul_is_stored(pg_url):
    reading = sochi_reading()
    from dataclasses import replace

    odd = replace(reading, article=replace(reading.article, title="Putin\x00hosts Erdogan"))
    with open_store(pg_url) as pg:
        pg.write([odd])
        assert pg.articles().title[0] == "Putin\ufffdhosts Erdogan"


@needs_pg
def test_store_postgres_refuses_a_newer_schema(pg_url):
    with open_store(pg_url) as pg:
        pg.db.execute("INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)",
                      (SCHEMA_VERSION + 5, "future", "2031-01-01"))
    with pytest.raises(StoreError, match="newer than this dyad"):
        open_store(pg_url)


@needs_pg
def test_store_postgres_lost_connection_writes_nothing(pg_url, monkeypatch):
    import psycopg

    from dyad.store.store import Store

    with open_store(pg_url) as pg:
        pg.write(meeting_readings()[:2])
        before = pg.counts()
        pid = pg.db._conn.info.backend_pid
        original = Store._rebuild

        def cut_then_rebuild(self, blocks):
            with psycopg.connect(PG_URL, autocommit=True) as admin:  # the server goes away mid-batch
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            original(self, blocks)

        monkeypatch.setattr(Store, "_rebuild", cut_then_rebuild)
        with pytest.raises(StoreError, match="lost the connection to PostgreSQL") as info:
            pg.write(meeting_readings()[2:])
        password = urlsplit(PG_URL).password
        assert not password or f":{password}@" not in str(info.value)
        assert "rerun" in str(info.value).lower() and info.value.transient
    monkeypatch.undo()
    with open_store(pg_url) as again:
        assert again.counts() == before


def test_store_postgres_unreachable_is_a_clear_error():
    with pytest.raises(StoreError, match="can't connect to PostgreSQL") as info:
        open_store("postgresql://dyad:hunter2@127.0.0.1:1/nowhere")
    assert "hunter2" not in str(info.value)
