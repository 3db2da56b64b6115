"""The Wikidata importer: export rows -> people-table rows that load back."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dyad.actors import import_wikidata, write_people
from dyad.actors import tables as tables_module
from dyad.errors import DataError

FIXTURE = Path(__file__).parent / "fixtures" / "actors"


def test_actors_wikidata_sparql_json(caplog):
    with caplog.at_level(logging.WARNING, logger="dyad.actors.wikidata"):
        rows = import_wikidata(FIXTURE / "wikidata-positions.json")
    assert rows == [
        {"name": "Vladimir Putin", "aliases": "Putin|Vladimir Vladimirovich Putin|V. V. Putin", "country": "RUS",
         "sector": "GOV", "role": "President of Russia", "valid_from": "2012-05-07", "valid_to": "",
         "wikidata": "Q7747"},
        {"name": "Vladimir Putin", "aliases": "", "country": "RUS", "sector": "GOV",
         "role": "Prime Minister of Russia", "valid_from": "2008-05-08", "valid_to": "2012-05-07",
         "wikidata": "Q7747"},
        {"name": "Donald Trump", "aliases": "", "country": "USA", "sector": "GOV",
         "role": "President of the United States", "valid_from": "2017-01-20", "valid_to": "2021-01-20",
         "wikidata": "Q22686"},
    ]
    skipped = [r.getMessage() for r in caplog.records]
    assert len(skipped) == 3
    assert any(":5: skipped" in m and "label" in m for m in skipped)
    assert any(":6: skipped" in m and "dates" in m for m in skipped)
    assert any(":7: skipped" in m and "Atlantis" in m for m in skipped)


def test_actors_wikidata_csv_sector_from_the_role():
    rows = import_wikidata(FIXTURE / "wikidata-positions.csv")
    assert [(r["name"], r["country"], r["sector"], r["wikidata"]) for r in rows] == [
        ("Narendra Modi", "IND", "GOV", "Q1058"),
        ("Sergei Shoigu", "RUS", "MIL", ""),
    ]


def test_actors_wikidata_written_table_loads_and_resolves(tmp_path):
    user = tmp_path / "mine" / "actors"
    user.mkdir(parents=True)
    rows = import_wikidata(FIXTURE / "wikidata-positions.json") + import_wikidata(FIXTURE / "wikidata-positions.csv")
    path = write_people(rows, user / "people-wikidata.tsv", current_to="2026-11")
    assert path.read_text(encoding="utf-8").startswith("# dyad people table imported from a Wikidata export\n")
    tables = tables_module._load((tmp_path / "mine",))
    shoigu = next(p for p in tables.people if p.name == "Sergei Shoigu")
    assert any(t.role == "Minister of Defence" and t.sector == "MIL" and t.where.startswith(str(path))
               for t in shoigu.tenures)
    assert tables.resolve("Donald Trump", "2019-01-01").code == "USAGOV"


def test_actors_wikidata_unreadable_export_raises(tmp_path):
    bad = tmp_path / "export.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="not JSON"):
        import_wikidata(bad)
    with pytest.raises(DataError):
        import_wikidata(tmp_path / "missing.json")
