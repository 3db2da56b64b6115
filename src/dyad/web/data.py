"""What each page shows, as plain JSON-ready data: the API returns it as it is and the pages
render it, so a page and its JSON twin always agree.

Every function reads the store through its public queries (and ``dyad.analysis``); DataFrames
become lists of dicts with ``None`` for missing values.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from dyad import analysis
from dyad.analysis import QUADS

if TYPE_CHECKING:
    import pandas as pd

    from dyad.store import Store

#: Latest articles listed on the overview.
OVERVIEW_ARTICLES = 10

#: Dyads listed on the overview.
OVERVIEW_DYADS = 12

#: Events of a dyad listed with their evidence on the dyad page: each needs one evidence query.
DYAD_EVENTS = 100


def plain(value: Any) -> Any:
    """A DataFrame cell as JSON: numpy scalars to Python, NaN / NA / NaT to ``None``."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """A DataFrame as a list of JSON-ready dicts."""
    if df is None or df.empty:
        return []
    columns = list(df.columns)
    return [{c: plain(v) for c, v in zip(columns, row, strict=True)} for row in df.itertuples(index=False)]


def _drop_none(filters: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in filters.items() if v is not None}


# -- overview ------------------------------------------------------------------------------------
#: As many dyads as any database has: "all of them" for ``top_dyads``.
ALL = 10_000_000


def _network_json(graph) -> dict[str, Any]:  # noqa: ANN001 - a networkx DiGraph
    nodes = [{"id": str(n), "events": int(d.get("events", 0))} for n, d in graph.nodes(data=True)]
    edges = [{"source": str(a), "target": str(b), "weight": int(d["weight"]), "reports": int(d["reports"]),
              "cooperation": int(d["cooperation"]), "conflict": int(d["conflict"]),
              "goldstein_mean": plain(d.get("goldstein_mean"))} for a, b, d in graph.edges(data=True)]
    nodes.sort(key=lambda n: (-n["events"], n["id"]))
    edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
    return {"nodes": nodes, "edges": edges}


def network(store: Store, *, level: str = "country", since: str | None = None, until: str | None = None,
            min_events: int = 1) -> dict[str, Any]:
    graph = analysis.actor_network(store, level=level, since=since, until=until, min_events=min_events)
    return {"level": level, **_network_json(graph)}


def _network_of(dyad_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The network ``actor_network`` draws, from ``top_dyads`` rows already fetched (the overview
    needs both; one pass over the events serves them)."""
    import networkx as nx

    graph = nx.DiGraph()
    for row in dyad_rows:
        graph.add_edge(row["source"], row["target"], weight=row["events"], reports=row["reports"],
                       cooperation=row["cooperation"], conflict=row["conflict"], goldstein_mean=row["goldstein_mean"])
    for node in graph.nodes:
        graph.nodes[node]["events"] = sum(d["weight"] for *_, d in graph.in_edges(node, data=True)) + \
            sum(d["weight"] for *_, d in graph.out_edges(node, data=True))
    return {"level": "country", **_network_json(graph)}


def latest_articles(store: Store, n: int = OVERVIEW_ARTICLES) -> list[dict[str, Any]]:
    """The ``n`` most recently published articles (undated ones last), newest first."""
    rows = records(store.articles())
    rows.sort(key=lambda r: (r.get("published") or "", r.get("ingested") or "", r["id"]), reverse=True)
    return rows[:n]


def dyads(store: Store, *, n: int = 20, level: str = "country", since: str | None = None,
          until: str | None = None, include_self: bool = False) -> list[dict[str, Any]]:
    return records(analysis.top_dyads(store, n=n, level=level, since=since, until=until, include_self=include_self))


def overview(store: Store) -> dict[str, Any]:
    every = dyads(store, n=ALL)
    return {"counts": store.counts(), "latest_articles": latest_articles(store),
            "top_dyads": every[:OVERVIEW_DYADS], "network": _network_of(every)}


# -- dyads ---------------------------------------------------------------------------------------
#: Characters of an ISO date each period needs (as in ``dyad.analysis``: a month-only date has no week).
_PERIOD_CHARS = {"day": 10, "week": 10, "month": 7, "year": 4}


def period_of(day: str | None, by: str) -> str | None:
    """The label of the period (as ``dyad.analysis`` writes them) that an ISO date falls in."""
    from datetime import date, timedelta

    if not day or len(day) < _PERIOD_CHARS[by]:
        return None
    if by != "week":
        return day[:_PERIOD_CHARS[by]]
    try:
        when = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return (when - timedelta(days=when.weekday())).isoformat()


def dyad(store: Store, a: str, b: str, *, by: str = "month", since: str | None = None, until: str | None = None,
         period: str | None = None, limit: int = DYAD_EVENTS) -> dict[str, Any]:
    """The series between ``a`` and ``b`` (both directions) and its events (of one ``period``
    when given), each with the reports that give its source sentences."""
    a, b = a.upper(), b.upper()
    from dyad.analysis.blocs import bloc_dyad_events  # issue 17: a side may be a bloc (/dyad/WEST/RUS)

    found = bloc_dyad_events(store, a, b, since=since, until=until)
    series = records(analysis.series_of(found, by=by))  # what dyad_series gives, from the same query
    events = records(found)
    if period:
        events = [e for e in events if period_of(e.get("date"), by) == period]
    events.sort(key=lambda e: (e.get("date") or "", e.get("id") or ""))
    total = len(events)
    shown = events[:limit]
    for event in shown:
        event["evidence"] = records(store.evidence(event_id=event["id"]))
    return {"a": a, "b": b, "by": by, "since": since, "until": until, "period": period,
            "quads": {str(k): v for k, v in QUADS.items()}, "series": series, "n_events": total, "events": shown}


# -- events, quotes, articles, actors -----------------------------------------------------------------
def events(store: Store, *, limit: int, **filters: Any) -> dict[str, Any]:
    filters = _drop_none(filters)
    rows = records(store.events(**filters, limit=limit))
    return {"filters": filters, "limit": limit, "count": len(rows), "events": rows}


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event and every report of it (None when there is no such event)."""
    evidence = records(store.evidence(event_id=event_id))
    if not evidence:
        return None
    # the store has no lookup by id: narrow the scan to the countries of the first report's actors
    first = evidence[0]
    narrow = {"source": (first.get("source_code") or "")[:3] or None,
              "target": (first.get("target_code") or "")[:3] or None}
    found = next((r for r in records(store.events(**_drop_none(narrow))) if r.get("id") == event_id), None)
    if found is None:  # the event's summary names other actors than this report
        found = next((r for r in store.iter_events() if r.get("id") == event_id), None)
        found = {k: plain(v) for k, v in found.items()} if found else None
    if found is None:
        return None
    return {"event": found, "evidence": evidence}


def quotes(store: Store, *, limit: int, **filters: Any) -> dict[str, Any]:
    filters = _drop_none(filters)
    rows = records(store.quotes(**filters, limit=limit))
    return {"filters": filters, "limit": limit, "count": len(rows), "quotes": rows}


def articles(store: Store, *, limit: int, **filters: Any) -> dict[str, Any]:
    filters = _drop_none(filters)
    rows = records(store.articles(**filters, limit=limit))
    return {"filters": filters, "limit": limit, "count": len(rows), "articles": rows}


def actors(store: Store, *, limit: int, **filters: Any) -> dict[str, Any]:
    filters = _drop_none(filters)
    rows = records(store.actors(**filters, limit=limit))
    return {"filters": filters, "limit": limit, "count": len(rows), "actors": rows}


def actor(store: Store, code: str) -> dict[str, Any]:
    profile = analysis.actor_profile(store, code)
    return {"actor": profile.actor, "given": records(profile.given), "received": records(profile.received),
            "partners": records(profile.partners), "quotes": records(profile.quotes)}
