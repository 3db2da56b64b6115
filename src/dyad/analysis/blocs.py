"""Bloc analytics: the events of a bloc's members as of each event's date.

A side of an event counts for a bloc when its state (the actor's country, else the first three
letters of its code) was a member on the event's date (the article's date when the event has
none; a coarse date is read as its first day), or when the actor is the bloc itself ("the West"
coded ``WST``; the SCO as an ``IGO`` of that name). So Finland's events count for NATO from
2023-04-04 on and not before; Britain's count for the EU until 2020-01-31.

Every function is pure over a ``Store`` and the bloc tables (``dyad.actors.load_blocs``), and
returns a pandas DataFrame like ``dyad.analysis.dyads``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dyad.actors import UNKNOWN_COUNTRY, BlocTables, load_blocs
from dyad.actors.blocs import day_of
from dyad.analysis.dyads import QUADS, SERIES_COLUMNS, Period, dyad_events, is_symmetric, series_of

if TYPE_CHECKING:
    from dyad.store import Store

BLOC_SERIES_COLUMNS = [*SERIES_COLUMNS, "internal", "outward", "inward"]
MEMBER_COLUMNS = ["member", "valid_from", "valid_to", "via", "note"]
PARTNER_COLUMNS = ["bloc", "name", "events", "outward", "inward", *QUADS.values(), "cooperation", "conflict",
                   "goldstein_mean"]


class _Sides:
    """Membership tests of event sides, cached per (bloc, day): a store has few distinct dates."""

    def __init__(self, tables: BlocTables) -> None:
        self.tables = tables
        self._members: dict[tuple[str, str], frozenset[str]] = {}

    def members(self, bloc: str, day: str) -> frozenset[str]:
        key = (bloc, day)
        if key not in self._members:
            self._members[key] = self.tables.members(bloc, day)
        return self._members[key]

    def bloc_of_actor(self, code: str | None, name: str | None) -> str | None:
        """The bloc an event side *is* (not a member of): ``WST``, or an IGO the tables know by name."""
        if not code:
            return None
        if code == "IGO":
            bloc = self.tables.find(name)
            return bloc.id if bloc is not None and bloc.code == "IGO" else None
        bloc = self.tables.find(code)
        return bloc.id if bloc is not None and bloc.code == code else None

    def state(self, code: str | None, country: str | None) -> str | None:
        return _state(code, country)

    def side_in(self, bloc: str, code: str | None, country: str | None, name: str | None, day: str | None) -> bool:
        if self.bloc_of_actor(code, name) == bloc:
            return True
        state = self.state(code, country)
        return bool(state and day) and state in self.members(bloc, day)


def _with_days(store: Store, events: pd.DataFrame) -> pd.DataFrame:
    """Events with a ``day`` column: the ISO day of the event's date, else its article's date."""
    if events.empty:
        return events.assign(day=pd.Series(dtype=object))
    days = events["date"].map(lambda d: day_of(d) if isinstance(d, str) else None)
    if days.isna().any() and "first_article" in events:
        articles = store.articles()
        published = dict(zip(articles["id"], articles["published"], strict=False)) if not articles.empty else {}
        fallback = events["first_article"].map(lambda a: day_of(published.get(a)))
        days = days.where(days.notna(), fallback)
    return events.assign(day=days)


def _resolve_tables(tables: BlocTables | None) -> BlocTables:
    return tables if tables is not None else load_blocs()


def is_bloc(key: str, tables: BlocTables | None = None) -> bool:
    """Whether ``key`` names a bloc (``WEST``, ``SCO``, ``WST``) rather than an actor code prefix."""
    return _resolve_tables(tables).find(key) is not None


def _side_mask(events: pd.DataFrame, key: str, side: str, sides: _Sides) -> pd.Series:
    bloc = sides.tables.find(key)
    if bloc is None:  # an actor code prefix, as in dyad_events
        return events[f"{side}_code"].fillna("").str.upper().str.startswith(key.upper())
    rows = zip(events[f"{side}_code"], events[f"{side}_country"], events[f"{side}_name"], events["day"],
               strict=True)
    return pd.Series([sides.side_in(bloc.id, _text(c), _text(k), _text(n), _text(d)) for c, k, n, d in rows],
                     index=events.index, dtype=bool)


def _text(value: object) -> str | None:
    """A cell as a string, or None for SQL NULL / pandas NaN."""
    return value if isinstance(value, str) and value else None


def _candidates(store: Store, a: str, b: str, sides: _Sides, since: str | None, until: str | None) -> pd.DataFrame:
    """Events that may fall between ``a`` and ``b``: filtered in SQL by the one that is a code prefix."""
    prefix = next((k for k in (a, b) if sides.tables.find(k) is None), None)
    if prefix is None:
        frame = store.events(since=since, until=until)
    else:
        frames = [store.events(source=prefix, since=since, until=until),
                  store.events(target=prefix, since=since, until=until)]
        frames = [f for f in frames if not f.empty]
        frame = pd.concat(frames, ignore_index=True).drop_duplicates("id") if frames else pd.DataFrame()
    if frame.empty:
        return frame
    frame = frame[frame["source_code"].notna()]
    # a state's domestic events (BLR -> BLR, a minister criticising his prime minister) are no
    # dealings between members: left out, as top_dyads leaves them out by default
    states = [(_state(c, k), _state(t, u)) for c, k, t, u in zip(frame["source_code"], frame["source_country"],
                                                                 frame["target_code"], frame["target_country"],
                                                                 strict=True)]
    domestic = pd.Series([a is not None and a == b for a, b in states], index=frame.index, dtype=bool)
    return _with_days(store, frame[~domestic].reset_index(drop=True))


def _state(code: object, country: object) -> str | None:
    code, country = _text(code), _text(country)
    return country or (code[:3] if code and code[:3] not in _STATELESS else None)


#: Codes of actors without a state: an IGO, a bloc, an international militant group.
_STATELESS = frozenset({"IGO", "IMG", "NGO", "MNC", UNKNOWN_COUNTRY})  # "---COP": a role of no country


def bloc_dyad_events(store: Store, a: str, b: str, *, both_directions: bool = True, since: str | None = None,
                     until: str | None = None, tables: BlocTables | None = None) -> pd.DataFrame:
    """The events between ``a`` and ``b``, each a bloc (``WEST``, ``SCO``) or an actor code prefix
    (``RUS``), members counted as of each event's date; a ``direction`` column as ``dyad_events``."""
    sides = _Sides(_resolve_tables(tables))
    if sides.tables.find(a) is None and sides.tables.find(b) is None:
        return dyad_events(store, a, b, both_directions=both_directions, since=since, until=until)
    events = _candidates(store, a, b, sides, since, until)
    if events.empty:
        return pd.DataFrame(columns=["direction"])
    forward = _side_mask(events, a, "source", sides) & _side_mask(events, b, "target", sides)
    back = _side_mask(events, b, "source", sides) & _side_mask(events, a, "target", sides) & ~forward
    sym = is_symmetric(events)  # a meeting is between A and B whichever way it is stored
    if not (both_directions and a.upper() != b.upper()):
        forward, back = forward | (back & sym), back & False
    label = f"{a.upper()}<>{b.upper()}"
    frames = [events[forward].assign(direction=sym[forward].map({True: label, False: f"{a.upper()}->{b.upper()}"})),
              events[back].assign(direction=sym[back].map({True: label, False: f"{b.upper()}->{a.upper()}"}))]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=["direction"])
    return pd.concat(frames, ignore_index=True)


def bloc_dyad_series(store: Store, a: str, b: str, *, by: Period = "month", both_directions: bool = True,
                     since: str | None = None, until: str | None = None,
                     tables: BlocTables | None = None) -> pd.DataFrame:
    """``dyad_series`` where either side may be a bloc: ``bloc_dyad_series(store, "WEST", "RUS")``."""
    events = bloc_dyad_events(store, a, b, both_directions=both_directions, since=since, until=until,
                              tables=tables)
    return series_of(events, by=by)


def bloc_events(store: Store, bloc: str, *, since: str | None = None, until: str | None = None,
                tables: BlocTables | None = None) -> pd.DataFrame:
    """Every event with a side in ``bloc`` on its date, with ``scope``: internal (member to
    member), outward (member to outsider) or inward (outsider to member)."""
    sides = _Sides(_resolve_tables(tables))
    found = sides.tables.find(bloc)
    if found is None:
        raise ValueError(f"unknown bloc {bloc!r}: see dyad/data/blocs/blocs.tsv")
    events = _candidates(store, found.id, found.id, sides, since, until)
    if events.empty:
        return pd.DataFrame(columns=["scope"])
    source = _side_mask(events, found.id, "source", sides)
    target = _side_mask(events, found.id, "target", sides) & events["target_code"].notna()
    scope = pd.Series(None, index=events.index, dtype=object)
    scope[source & target] = "internal"
    scope[source & ~target] = "outward"
    scope[~source & target] = "inward"
    return events.assign(scope=scope)[scope.notna()].reset_index(drop=True)


def bloc_series(store: Store, bloc: str, *, by: Period = "month", since: str | None = None,
                until: str | None = None, tables: BlocTables | None = None) -> pd.DataFrame:
    """Per period, the events of ``bloc``'s members as of each date (``series_of`` columns) and
    how many were internal, outward and inward."""
    events = bloc_events(store, bloc, since=since, until=until, tables=tables)
    series = series_of(events, by=by)
    if series.empty:
        return pd.DataFrame(columns=BLOC_SERIES_COLUMNS)
    for scope in ("internal", "outward", "inward"):
        part = series_of(events[events["scope"] == scope], by=by)
        counts = dict(zip(part["period"], part["events"], strict=True))
        series[scope] = series["period"].map(lambda p, c=counts: int(c.get(p, 0)))
    return series[BLOC_SERIES_COLUMNS]


def bloc_members(bloc: str, *, date: str | None = None, tables: BlocTables | None = None) -> pd.DataFrame:
    """The membership spells of ``bloc`` (a union's parts marked in ``via``), by date; only
    those covering ``date`` when given."""
    tables = _resolve_tables(tables)
    found = tables.find(bloc)
    if found is None:
        raise ValueError(f"unknown bloc {bloc!r}: see dyad/data/blocs/blocs.tsv")
    rows = [(s.member, s.valid_from or None, s.valid_to or None, None, s.note) for s in tables.history(found.id)]
    for part in found.union:
        rows += [(s.member, s.valid_from or None, s.valid_to or None, part, s.note) for s in tables.history(part)]
    df = pd.DataFrame(rows, columns=MEMBER_COLUMNS)
    if date and not df.empty:
        day = day_of(date)
        df = df[df["member"].isin(tables.members(found.id, day))]
        started = df["valid_from"].isna() | (df["valid_from"] <= day)
        df = df[started & (df["valid_to"].isna() | (df["valid_to"] > day))]
    return df.sort_values(["valid_from", "member"], na_position="first").reset_index(drop=True)


def bloc_partners(store: Store, bloc: str, *, since: str | None = None, until: str | None = None,
                  tables: BlocTables | None = None) -> pd.DataFrame:
    """The other blocs ``bloc``'s members dealt with: for each outward or inward event, every
    bloc the outsider belonged to on the date (or was), with counts by quad class."""
    sides = _Sides(_resolve_tables(tables))
    found = sides.tables.find(bloc)
    events = bloc_events(store, bloc, since=since, until=until, tables=sides.tables)
    events = events[events["scope"] != "internal"] if not events.empty else events
    rows = []
    for event in events.itertuples(index=False):
        side = "target" if event.scope == "outward" else "source"
        code, country, name = (_text(getattr(event, f"{side}_{k}")) for k in ("code", "country", "name"))
        state, day = sides.state(code, country), _text(event.day)
        others = set(sides.tables.blocs_of(state, day)) if state and day else set()
        own = sides.bloc_of_actor(code, name)
        if own:
            others.add(own)
        for other in others - {found.id}:
            rows.append((other, event.scope, event.quad_class, event.goldstein))
    if not rows:
        return pd.DataFrame(columns=PARTNER_COLUMNS)
    df = pd.DataFrame(rows, columns=["bloc", "scope", "quad_class", "goldstein"])
    out = []
    for other, group in df.groupby("bloc"):
        quads = group["quad_class"].value_counts()
        row = {"bloc": other, "name": sides.tables.blocs[other].name, "events": len(group),
               "outward": int((group["scope"] == "outward").sum()), "inward": int((group["scope"] == "inward").sum())}
        row.update({label: int(quads.get(q, 0)) for q, label in QUADS.items()})
        row["cooperation"] = row["verbal_coop"] + row["material_coop"]
        row["conflict"] = row["verbal_conflict"] + row["material_conflict"]
        gold = pd.to_numeric(group["goldstein"], errors="coerce")
        row["goldstein_mean"] = round(float(gold.mean()), 2) if gold.notna().any() else None
        out.append(row)
    return (pd.DataFrame(out, columns=PARTNER_COLUMNS).sort_values(["events", "bloc"], ascending=[False, True])
            .reset_index(drop=True))
