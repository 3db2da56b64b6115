"""Dyad analytics over the store: time series, top dyads, the actor network, actor profiles.

Every function is pure over a ``Store``: it queries the deduplicated events and returns a
pandas DataFrame (or a networkx graph). Actors are matched by code prefix, so ``RUS`` covers
RUSGOV, RUSMIL and plain RUS; ``level="country"`` groups by the first three letters of the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pandas as pd

from dyad.actors import UNKNOWN_COUNTRY
from dyad.store.dedup import symmetric

if TYPE_CHECKING:
    import networkx as nx

    from dyad.store import Store

Period = Literal["day", "week", "month", "year"]
Level = Literal["country", "code"]

#: Quad classes (CAMEO root -> quad): the four columns of every time series.
QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}

#: Date precision each period needs: an event dated only to a month can't be put in a week.
_NEEDS = {"day": 10, "week": 10, "month": 7, "year": 4}

SERIES_COLUMNS = ["period", "events", *QUADS.values(), "cooperation", "conflict", "goldstein_sum",
                  "goldstein_mean", "reports"]


def _period(dates: pd.Series, by: Period) -> pd.Series:
    """Each ISO date (any precision) -> its period label, or NA when too coarse for ``by``."""
    ok = dates.fillna("").str.len() >= _NEEDS[by]
    out = pd.Series(pd.NA, index=dates.index, dtype="object")
    if by == "year":
        out[ok] = dates[ok].str[:4]
    elif by == "month":
        out[ok] = dates[ok].str[:7]
    elif by == "day":
        out[ok] = dates[ok].str[:10]
    else:
        days = pd.to_datetime(dates[ok].str[:10], errors="coerce")
        out[ok] = (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.strftime("%Y-%m-%d")
    return out


def _events(store: Store, **filters) -> pd.DataFrame:
    """The stored events matching ``filters`` that have both sides: dyad analytics count only
    two-sided events (a one-sided event, ``target: null``, is no dyad; nor is a side that is a
    role of no country, ``---COP``)."""
    df = store.events(**filters)
    if df.empty:
        return df
    known = ~(df["source_code"].fillna("").str.startswith(UNKNOWN_COUNTRY)
              | df["target_code"].fillna("").str.startswith(UNKNOWN_COUNTRY))
    return df[df["source_code"].notna() & df["target_code"].notna() & known]


def is_symmetric(events: pd.DataFrame) -> pd.Series:
    """Which events have no direction (a meeting, talks: ``dyad.store.dedup.SYMMETRIC_CODES``)."""
    return events["code"].map(symmetric).astype(bool)


def dyad_events(store: Store, a: str, b: str, *, both_directions: bool = True,
                since: str | None = None, until: str | None = None) -> pd.DataFrame:
    """The events between actors ``a`` and ``b`` (code prefixes), with a ``direction`` column:
    ``A->B``, ``B->A``, or ``A<>B`` for a symmetric event (a meeting, stored once whichever
    way its reports put it; ``one way`` keeps it too: it is between A and B)."""
    frames = []
    for src, tgt in ((a, b), (b, a)) if both_directions and a.upper() != b.upper() else ((a, b),):
        found = _events(store, source=src, target=tgt, since=since, until=until)
        if not found.empty:
            way = is_symmetric(found).map({True: f"{a}<>{b}", False: f"{src}->{tgt}"})
            frames.append(found.assign(direction=way))
    if not frames:
        return pd.DataFrame(columns=["direction"])
    return pd.concat(frames, ignore_index=True).drop_duplicates("id", ignore_index=True)


def dyad_series(store: Store, a: str, b: str, *, by: Period = "month", both_directions: bool = True,
                since: str | None = None, until: str | None = None) -> pd.DataFrame:
    """Counts per period of the events between ``a`` and ``b``: by quad class, cooperation
    (quads 1-2) vs conflict (3-4), Goldstein sum and mean, and number of reports.

    Events dated more coarsely than ``by`` (a month-only date in a weekly series) are left out.
    """
    events = dyad_events(store, a, b, both_directions=both_directions, since=since, until=until)
    return series_of(events, by=by)


def series_of(events: pd.DataFrame, *, by: Period = "month") -> pd.DataFrame:
    """The time series of any events frame (as ``Store.events`` returns)."""
    if events.empty or "date" not in events:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    df = events.assign(period=_period(events["date"], by)).dropna(subset=["period"])
    if df.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    rows = []
    for period, group in df.groupby("period", sort=True):
        quads = group["quad_class"].value_counts()
        row = {"period": period, "events": len(group)}
        row.update({name: int(quads.get(q, 0)) for q, name in QUADS.items()})
        row["cooperation"] = row["verbal_coop"] + row["material_coop"]
        row["conflict"] = row["verbal_conflict"] + row["material_conflict"]
        gold = pd.to_numeric(group["goldstein"], errors="coerce")
        row["goldstein_sum"] = round(float(gold.sum()), 2)
        row["goldstein_mean"] = round(float(gold.mean()), 2) if gold.notna().any() else None
        row["reports"] = int(group["n_reports"].sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=SERIES_COLUMNS)


def _side(df: pd.DataFrame, side: str, level: Level) -> pd.Series:
    code = df[f"{side}_code"].fillna("")
    return code.str[:3] if level == "country" else code


def top_dyads(store: Store, *, n: int = 20, level: Level = "country", since: str | None = None,
              until: str | None = None, include_self: bool = False) -> pd.DataFrame:
    """The ``n`` most active directed dyads: events, reports, cooperation vs conflict, mean
    Goldstein. ``include_self`` keeps domestic dyads (BLR->BLR)."""
    columns = ["source", "target", "events", "reports", "cooperation", "conflict", "goldstein_mean"]
    df = _events(store, since=since, until=until)
    if df.empty:
        return pd.DataFrame(columns=columns)
    df = df[df["target_code"].notna()].assign(source=lambda d: _side(d, "source", level),
                                              target=lambda d: _side(d, "target", level))
    if not include_self:
        df = df[df["source"] != df["target"]]
    if df.empty:
        return pd.DataFrame(columns=columns)
    df = df.assign(coop=df["quad_class"].isin([1, 2]).astype(int), confl=df["quad_class"].isin([3, 4]).astype(int),
                   gold=pd.to_numeric(df["goldstein"], errors="coerce"))
    out = (df.groupby(["source", "target"], as_index=False)
             .agg(events=("code", "size"), reports=("n_reports", "sum"), cooperation=("coop", "sum"),
                  conflict=("confl", "sum"), goldstein_mean=("gold", "mean")))
    out["goldstein_mean"] = out["goldstein_mean"].round(2)
    out = out.sort_values(["events", "reports", "source", "target"], ascending=[False, False, True, True])
    return out.head(n).reset_index(drop=True)[columns]


def actor_network(store: Store, *, level: Level = "country", since: str | None = None,
                  until: str | None = None, min_events: int = 1) -> nx.DiGraph:
    """A weighted directed graph: nodes are actors, an edge source->target carries ``weight``
    (events), ``reports``, ``cooperation``, ``conflict`` and ``goldstein_mean``."""
    import networkx as nx

    graph = nx.DiGraph()
    dyads = top_dyads(store, n=1_000_000, level=level, since=since, until=until)
    for row in dyads.itertuples(index=False):
        if row.events < min_events:
            continue
        graph.add_edge(row.source, row.target, weight=int(row.events), reports=int(row.reports),
                       cooperation=int(row.cooperation), conflict=int(row.conflict),
                       goldstein_mean=None if pd.isna(row.goldstein_mean) else float(row.goldstein_mean))
    for node in graph.nodes:
        graph.nodes[node]["events"] = int(sum(d["weight"] for *_, d in graph.in_edges(node, data=True))
                                          + sum(d["weight"] for *_, d in graph.out_edges(node, data=True)))
    return graph


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """What one actor did and had done to it, and said."""

    actor: str
    given: pd.DataFrame      # events it was the source of, by CAMEO root
    received: pd.DataFrame   # events it was the target of, by CAMEO root
    partners: pd.DataFrame   # most frequent counterparts, both directions
    quotes: pd.DataFrame     # its quotes, newest last


def _by_root(df: pd.DataFrame) -> pd.DataFrame:
    if df.empty:
        return pd.DataFrame(columns=["root", "label", "events"])
    labels = df.groupby("root")["label"].first()
    counts = df.groupby("root").size().rename("events")
    out = pd.concat([labels, counts], axis=1).reset_index()
    return out.sort_values(["events", "root"], ascending=[False, True]).reset_index(drop=True)


def actor_profile(store: Store, actor: str, *, partners: int = 10) -> ActorProfile:
    """Profile of ``actor`` (a code prefix such as ``RUSGOV`` or ``RUS``)."""
    given = _events(store, source=actor)  # a symmetric event (a meeting) is given and received
    received = _events(store, target=actor)
    both = pd.concat([f for f in (given, received) if not f.empty] or [pd.DataFrame(columns=["id"])])
    both = both.drop_duplicates("id")
    if both.empty:
        counterpart = pd.Series(dtype=object)
    else:  # the other side of each event, once per event
        mine = both["source_code"].fillna("").str.upper().str.startswith(actor.upper())
        counterpart = both["target_code"].where(mine, both["source_code"]).dropna()
    partner_df = (counterpart.value_counts().rename_axis("partner").reset_index(name="events").head(partners)
                  if not counterpart.empty else pd.DataFrame(columns=["partner", "events"]))
    quotes = store.quotes(speaker=actor)
    return ActorProfile(actor=actor.upper(), given=_by_root(given), received=_by_root(received),
                        partners=partner_df, quotes=quotes)


def quote_stream(store: Store, speaker: str, *, contains: str | None = None) -> pd.DataFrame:
    """Everything ``speaker`` (a name part or an exact actor code) was quoted saying, oldest first."""
    return store.quotes(speaker=speaker, contains=contains)
