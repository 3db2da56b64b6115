"""Turn a Wikidata export of people and the positions they held into dyad people-table rows.

Reads the JSON a Wikidata Query Service SPARQL query returns (``{"results": {"bindings": ...}}``),
a JSON list of flat objects, or a CSV export, one row per (person, position held, start, end,
country). Column names are matched loosely (``personLabel`` or ``name``, ``startTime`` or
``start``...); see ``FIELDS``. Rows it can't use are skipped and logged with their line.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dyad.actors.names import name_key
from dyad.actors.tables import COLUMNS, ActorTables, load_tables, parse_date
from dyad.errors import DataError

log = logging.getLogger(__name__)

#: The export's column names dyad understands, per people-table field, first match wins.
FIELDS = {
    "wikidata": ("person", "item", "human", "personId", "qid", "wikidata"),
    "name": ("personLabel", "itemLabel", "humanLabel", "name", "label"),
    "aliases": ("personAltLabel", "itemAltLabel", "aliases", "altLabel"),
    "role": ("positionLabel", "position_heldLabel", "positionHeldLabel", "role", "position_held", "position"),
    "valid_from": ("start", "startTime", "start_time", "valid_from", "from"),
    "valid_to": ("end", "endTime", "end_time", "valid_to", "to"),
    "iso3": ("countryIso3", "iso3", "country_iso3", "countryCode"),
    "country": ("countryLabel", "country", "country_name"),
    "sector": ("sector",),
}
#: Sector of an imported role the vocabulary can't place ("Chairman of the Central Military
#: Commission" has no sector word): most positions in such exports are government posts.
DEFAULT_SECTOR = "GOV"
_QID = re.compile(r"(Q\d+)$")
_DAY = re.compile(r"^[+]?(\d{4}-\d{2}-\d{2})")

Row = dict[str, str]


def _value(raw: dict[str, Any], field: str) -> str:
    for name in FIELDS[field]:
        if name in raw and raw[name] not in (None, ""):
            value = raw[name]
            if isinstance(value, dict):  # SPARQL JSON: {"type": "literal", "value": ...}
                value = value.get("value", "")
            return str(value).strip()
    return ""


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"can't read Wikidata export: {exc}", path=str(path)) from exc
    if path.suffix.lower() == ".json" or text.lstrip()[:1] in "[{":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise DataError(f"not JSON: {exc}", path=str(path)) from exc
        if isinstance(data, dict):
            data = (data.get("results") or {}).get("bindings", data.get("rows", []))
        if not isinstance(data, list):
            raise DataError("expected a list of rows or SPARQL results", path=str(path))
        for number, row in enumerate(data, 1):
            if isinstance(row, dict):
                yield number, row
        return
    for number, row in enumerate(csv.DictReader(text.splitlines()), 2):
        yield number, row


def _day(value: str) -> str | None:
    """"2012-05-07T00:00:00Z" -> "2012-05-07"; "" -> ""; anything else -> None."""
    if not value:
        return ""
    m = _DAY.match(value)
    if m and parse_date(m.group(1)):
        return m.group(1)
    return value if parse_date(value) else None


def _country(raw: dict[str, Any], tables: ActorTables) -> str | None:
    iso3 = _value(raw, "iso3").upper()
    if iso3:
        return iso3 if iso3 in tables.countries else None
    label = _value(raw, "country")
    if not label:
        return ""
    if label.upper() in tables.countries:
        return label.upper()
    for entry in tables.names.get(name_key(label), ()):
        if entry.kind == "country":
            return entry.target.iso3  # type: ignore[union-attr]
    return None


def import_wikidata(path: str | Path, tables: ActorTables | None = None) -> list[Row]:
    """Read a Wikidata export at ``path`` and return people-table rows (dicts with the columns of
    ``people-*.tsv``), merged per person, role and start, sorted by country, role and start."""
    path = Path(path)
    tables = tables or load_tables()
    rows: dict[tuple[str, str, str], Row] = {}
    for number, raw in _records(path):
        where = f"{path}:{number}"
        qid_match = _QID.search(_value(raw, "wikidata"))
        name, role = _value(raw, "name"), _value(raw, "role")
        if not name or not role or _QID.fullmatch(role) or _QID.fullmatch(name):
            log.warning("%s: skipped: needs a person's name and a position's label", where)
            continue
        start, end = _day(_value(raw, "valid_from")), _day(_value(raw, "valid_to"))
        if start is None or end is None or (start and end and end < start):
            log.warning("%s: skipped: bad start/end dates %r..%r", where, _value(raw, "valid_from"),
                        _value(raw, "valid_to"))
            continue
        country = _country(raw, tables)
        if country is None:
            log.warning("%s: skipped: unknown country %r", where, _value(raw, "iso3") or _value(raw, "country"))
            continue
        sector = _value(raw, "sector").upper()
        if not sector:
            term = tables.canonical_role(role)
            sector = (term.sector if term and term.sector else None) or DEFAULT_SECTOR
        if not country and sector not in ("IGO", "IMG"):
            log.warning("%s: skipped: no country for a %s role", where, sector)
            continue
        qid = qid_match.group(1) if qid_match else ""
        key = (qid or name_key(name).lower(), role.lower(), start)
        aliases = [a.strip() for a in re.split(r"[|,]", _value(raw, "aliases")) if a.strip() and a.strip() != name]
        old = rows.get(key)
        if old is not None:
            known = [a for a in old["aliases"].split("|") if a]
            old["aliases"] = "|".join(known + [a for a in aliases if a not in known])
            old["valid_to"] = old["valid_to"] or end
            continue
        rows[key] = {"name": name, "aliases": "|".join(aliases), "country": country, "sector": sector,
                     "role": role, "valid_from": start, "valid_to": end, "wikidata": qid}
    return sorted(rows.values(), key=lambda r: (r["country"], r["role"], r["valid_from"], r["name"]))


def write_people(rows: Iterable[Row], path: str | Path, *, source: str = "Wikidata (CC0), position held (P39)",
                 current_to: str = "") -> Path:
    """Write rows as a people table (``people-<something>.tsv``) with dyad's header lines."""
    path = Path(path)
    columns = COLUMNS["people"]
    lines = [
        "# dyad people table imported from a Wikidata export",
        f"# Source: {source}",
        "# Licence: CC0 (Wikidata)",
        f"# Current to: {current_to or 'the date of the export'}",
        "# Format: version 1; one row per person per role tenure; valid_to empty = still in office",
        "\t".join(columns),
    ]
    for row in rows:
        lines.append("\t".join(str(row.get(c, "")).replace("\t", " ") for c in columns))
    try:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as exc:
        raise DataError(f"can't write people table: {exc}", path=str(path)) from exc
    return path
