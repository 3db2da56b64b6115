"""The dashboard over PostgreSQL answers exactly as over SQLite (needs ``DYAD_TEST_PG_URL``:
``export "$(bash scripts/ci-postgres.sh)"``). Each run works in a schema of its own."""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from dyad.store import open_store
from dyad.web import create_app
from test_web_api import READINGS

PG_URL = os.environ.get("DYAD_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="DYAD_TEST_PG_URL is not set: run "
                                                   "`export \"$(bash scripts/ci-postgres.sh)\"` to test PostgreSQL")

#: Fields that record when a row was written, so differ between two databases.
TIMES = {"ingested", "first_ingested", "run_id"}

PATHS = ["/api/counts", "/api/overview", "/api/events?limit=50", "/api/events?actor=lavrov",
         "/api/events?since=2022-10&until=2022-11-19", "/api/quotes?contains=GUIDING", "/api/articles",
         "/api/actors?country=RUS", "/api/actors/RUSGOV", "/api/dyads?level=code", "/api/dyad/RUS/CHN",
         "/api/dyad/RUS/UKR?by=week", "/api/network", "/api/articles/samarkand-talks",
         "/api/quotes?speaker=%27%20OR%201%3D1%20--"]


def _without_times(value):
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k not in TIMES}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


@pytest.fixture()
def pg_url():
    import psycopg

    schema = f"dyad_web_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{PG_URL}{'&' if '?' in PG_URL else '?'}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def test_web_postgres_answers_as_sqlite(pg_url, tmp_path):
    readings = [make() for make in READINGS]
    lite_path = str(tmp_path / "lite.db")
    for url in (lite_path, pg_url):
        with open_store(url) as store:
            store.add(*readings)
    with TestClient(create_app(lite_path), base_url="http://127.0.0.1") as lite, \
            TestClient(create_app(pg_url), base_url="http://127.0.0.1") as pg:
        for path in PATHS:
            a, b = lite.get(path), pg.get(path)
            assert a.status_code == b.status_code == 200, (path, b.text[:300])
            assert _without_times(a.json()) == _without_times(b.json()), path
        html = pg.get("/article/hostile-1").text
        assert "<script>window" not in html and "&lt;script&gt;" in html
