"""Issue 17's "Done when": ``dyad dyad WEST RUS`` and ``dyad dyad SCO USA`` over a store built
from the example and BBC articles of 2004-2005 return the events of the blocs' members, each
state counted as of the event's own date."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DYAD_SHARED", ROOT.parent / "shared"))
BBC = SHARED / "dev" / "bbc-news-2004-2005.jsonl"
#: BBC politics articles ingested beside the example: enough for Western and Russian actors,
#: few enough for a test (the full sample is the README's figure).
BBC_ARTICLES = 40

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not BBC.is_file(), reason=f"no {BBC}")]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    from dyad.batch import ingest
    from dyad.options import Options
    from dyad.reader import Reader
    from dyad.store import open_store

    folder = tmp_path_factory.mktemp("blocs-corpus")
    lines = [line for line in BBC.read_text(encoding="utf-8").splitlines() if '"bbc-politics-' in line]
    (folder / "bbc.jsonl").write_text("\n".join(lines[:BBC_ARTICLES]) + "\n", encoding="utf-8")
    path = folder / "blocs.db"
    with open_store(path) as store:
        ingest([str(ROOT / "examples" / "samarkand-2022-09-16.txt")], store, Reader(), progress=False)
        summary = ingest([str(folder / "bbc.jsonl")], store, Reader(Options(published="2005-01-01")), progress=False)
        assert summary.failed == 0
    return str(path)


def _rows(db: str, a: str, b: str) -> list[dict]:
    from dyad.cli import main

    result = CliRunner().invoke(main, ["bloc", a, "--with", b, "--show", "events", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize(("bloc", "other"), [("WEST", "RUS"), ("SCO", "USA")])
def test_analysis_blocs_corpus_members_on_each_date(db, bloc, other):
    from dyad.actors import load_blocs
    from dyad.cli import main

    tables = load_blocs()
    rows = _rows(db, bloc, other)
    assert rows, f"no {bloc} <-> {other} events"
    for row in rows:
        side = "source" if row["direction"].startswith(bloc) else "target"
        state = row[f"{side}_country"] or row[f"{side}_code"][:3]
        day = row["day"]
        assert state in tables.members(bloc, day) or row[f"{side}_code"] in ("WST", "IGO"), row
        assert (row["target_code"] if side == "source" else row["source_code"]).startswith(other)
    series = CliRunner().invoke(main, ["dyad", bloc, other, "--db", db, "--by", "year", "--format", "json"])
    assert series.exit_code == 0
    years = {r["period"]: r["events"] for r in json.loads(series.output)}
    assert years.get("2022", 0) >= 3  # the example: Putin and Price, sanctions
    assert sum(years.values()) == len([r for r in rows if r["date"]])


def test_analysis_blocs_corpus_sco_usa_has_the_example_events(db):
    rows = _rows(db, "SCO", "USA")
    said = {(r["direction"], r["source_name"], r["code"], r["date"]) for r in rows}
    assert ("SCO->USA", "Vladimir Putin", "111", "2022-09-15") in said
    assert ("USA->SCO", "Ned Price", "111", "2022-09-15") in said
