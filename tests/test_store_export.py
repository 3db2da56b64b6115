"""Every export format, read back by a real parser (csv module, json, pyarrow)."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from dyad.store import open_store
from dyad.store.export import GDELT_COLUMNS
from dyad.store.store import EVENT_VIEW
from test_store_dedup import meeting_readings
from test_store_queries import sochi_reading


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with open_store(tmp_path_factory.mktemp("export") / "e.db") as s:
        s.write([*meeting_readings(), sochi_reading()])
        yield s


def test_store_export_gdelt_has_the_61_columns(store, tmp_path):
    path = tmp_path / "events.tsv"
    assert store.export("gdelt", path) == 4  # the Bali meeting is one event
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(GDELT_COLUMNS) == 61 and {len(r) for r in rows} == {61}
    records = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]
    sochi = next(r for r in records if r["Actor1Code"] == "RUSGOV")
    assert sochi["SQLDATE"] == "20220805" and sochi["MonthYear"] == "202208" and sochi["Year"] == "2022"
    assert sochi["Actor1Name"] == "VLADIMIR PUTIN" and sochi["Actor2CountryCode"] == "TUR"
    assert (sochi["EventCode"], sochi["EventBaseCode"], sochi["EventRootCode"]) == ("043", "043", "04")
    assert sochi["QuadClass"] == "1" and float(sochi["GoldsteinScale"]) == 2.8
    assert sochi["ActionGeo_FullName"] == "Sochi, Russia" and sochi["ActionGeo_CountryCode"] == "RS"  # FIPS
    assert float(sochi["ActionGeo_Lat"]) == 43.6 and sochi["ActionGeo_Type"] == "4"
    bali = next(r for r in records if r["Actor1Code"] == "USAGOV" and r["NumMentions"] == "7")
    assert (bali["NumArticles"], bali["NumSources"], bali["IsRootEvent"]) == ("5", "5", "1")
    assert bali["SOURCEURL"].startswith("https://news.example/")
    assert len(bali["DATEADDED"]) == 14 and bali["DATEADDED"].isdigit()
    assert len({r["GLOBALEVENTID"] for r in records}) == 4 and all(r["GLOBALEVENTID"].isdigit() for r in records)


def test_store_export_csv(store, tmp_path):
    path = tmp_path / "events.csv"
    assert store.export("csv", path, source="USA") == 3
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == EVENT_VIEW
    assert [r["source_code"] for r in rows] == ["USAGOV"] * 3
    assert sorted(int(r["n_reports"]) for r in rows) == [1, 1, 7]


def test_store_export_jsonl_carries_evidence(store, tmp_path):
    path = tmp_path / "events.jsonl"
    assert store.export("jsonl", path) == 4
    events = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for ev in events:
        assert len(ev["evidence"]) == ev["n_reports"]
        for report in ev["evidence"]:
            assert report["sentence"] and report["end_char"] > report["start_char"]
    assert sum(ev["n_reports"] for ev in events) == store.counts()["event_evidence"]


def test_store_export_plover(store, tmp_path):
    path = tmp_path / "events.json"
    assert store.export("plover", path, since="2022-08", until="2022-08") == 1
    [record] = json.loads(path.read_text(encoding="utf-8"))
    assert record["event"] == "CONSULT" and record["cameo"] == "043" and record["date"] == "2022-08-05"
    assert record["source"] == [{"actorText": "Vladimir Putin", "code": "RUSGOV", "country": "RUS", "sector": "GOV"}]
    assert record["target"][0]["code"] == "TURGOV"
    assert record["eventLoc"]["placeName"] == "Sochi" and record["articles"] == ["sochi-1"]
    assert store.export("plover", tmp_path / "none.json", since="2030") == 0
    assert json.loads((tmp_path / "none.json").read_text()) == []


def test_store_export_parquet(store, tmp_path):
    path = tmp_path / "events.parquet"
    assert store.export("parquet", path) == 4
    table = pq.read_table(path)
    assert table.num_rows == 4 and tuple(table.column_names) == EVENT_VIEW
    assert str(table.schema.field("n_reports").type) == "int64"
    assert str(table.schema.field("lat").type) == "double"
    assert sorted(table.column("n_reports").to_pylist()) == [1, 1, 1, 7]


def test_store_export_bad_requests(store, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        store.export("xml", tmp_path / "x.xml")
    with pytest.raises(ValueError, match="parquet is binary"):
        store.export("parquet", "-")
