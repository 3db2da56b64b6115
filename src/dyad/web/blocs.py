"""The bloc pages (``/blocs``, ``/bloc/{id}``) and their JSON twins (``/api/blocs``,
``/api/blocs/{id}``): members over time, the events of the members as of each date, and the
other blocs they dealt with (issue 17)."""

from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import AfterValidator

from dyad.actors import BlocTables, load_blocs
from dyad.analysis.blocs import bloc_events, bloc_members, bloc_partners, bloc_series
from dyad.store import Store
from dyad.web import charts
from dyad.web.app import get_store
from dyad.web.data import records
from dyad.web.params import Period, iso_date

router = APIRouter()

StoreDep = Annotated[Store, Depends(get_store)]


def _date_or_none(value: str | None) -> str | None:
    """A date parameter; an empty one (a form's blank field) is no date."""
    return iso_date(value) if value else None


DateParam = Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive); "
                                                                   "empty = none."), AfterValidator(_date_or_none)]
BlocPath = Annotated[str, Path(pattern=r"^[A-Za-z][A-Za-z0-9_]{1,11}$", description="Bloc id (WEST, SCO, NATO).")]

#: Events listed on a bloc page, newest first: the series and the partners count them all.
BLOC_EVENTS = 100
#: The timeline of members starts this many years before the first dated entry, or at
#: TIMELINE_START when no spell has a date (the post-war world).
TIMELINE_MARGIN, TIMELINE_START = 2, 1945
TIMELINE_WIDTH, ROW_HEIGHT, LABEL_WIDTH = 860, 14, 70


def _tables() -> BlocTables:
    return load_blocs()


def blocs_list(on: str | None = None) -> list[dict[str, Any]]:
    tables = _tables()
    return [{"id": b.id, "code": b.code, "name": b.name, "kind": b.kind, "union": list(b.union),
             "members": len(tables.members(b.id, on)), "definition": b.definition} for b in tables.blocs.values()]


def _timeline(members: list[dict[str, Any]], today: str) -> dict[str, Any]:
    """Bars of membership spells on a year axis (SVG coordinates computed here, drawn by the template)."""
    years = [int(m["valid_from"][:4]) for m in members if m["valid_from"]]
    first = min(years) - TIMELINE_MARGIN if years else TIMELINE_START
    last = int(today[:4]) + 1
    span = max(1, last - first)

    def x(day: str | None, default: float) -> float:
        if not day:
            return default
        year = min(last, int(day[:4]) + (int(day[5:7]) - 1) / 12)
        return round(LABEL_WIDTH + (TIMELINE_WIDTH - LABEL_WIDTH) * (year - first) / span, 1)

    bars = []
    for i, m in enumerate(members):
        x0 = x(m["valid_from"], LABEL_WIDTH)
        x1 = x(m["valid_to"], TIMELINE_WIDTH)
        bars.append({**m, "y": i * ROW_HEIGHT + 4, "x": x0, "width": max(1.0, round(x1 - x0, 1))})
    ticks = [(x(f"{y}-01-01", 0), str(y)) for y in range(first - first % 10 + 10, last, 10)]
    return {"width": TIMELINE_WIDTH, "height": len(members) * ROW_HEIGHT + 24, "label_width": LABEL_WIDTH,
            "bars": bars, "ticks": ticks, "axis_y": len(members) * ROW_HEIGHT + 8}


def bloc_view(store: Store, bloc: str, *, by: str = "month", on: str | None = None, since: str | None = None,
              until: str | None = None) -> dict[str, Any] | None:
    tables = _tables()
    found = tables.find(bloc)
    if found is None:
        return None
    today = Date.today().isoformat()
    members = records(bloc_members(found.id, tables=tables))
    current = sorted(tables.members(found.id, on or today))
    events = records(bloc_events(store, found.id, since=since, until=until, tables=tables))
    events.sort(key=lambda e: (e.get("date") or "", e.get("id") or ""), reverse=True)
    return {"id": found.id, "code": found.code, "name": found.name, "kind": found.kind, "igo": found.igo,
            "union": list(found.union), "definition": found.definition, "by": by, "on": on or today,
            "since": since, "until": until, "members": members, "members_on": current,
            "changes": [{"date": d, "member": m, "change": c} for d, m, c in tables.changes(found.id)],
            "series": records(bloc_series(store, found.id, by=by, since=since, until=until, tables=tables)),
            "partners": records(bloc_partners(store, found.id, since=since, until=until, tables=tables)),
            "n_events": len(events), "events": events[:BLOC_EVENTS]}


# -- pages ----------------------------------------------------------------------------------------------
@router.get("/blocs", include_in_schema=False, response_class=HTMLResponse)
def blocs_page(request: Request, on: DateParam = None) -> HTMLResponse:
    from dyad.web.pages import page

    return page(request, "blocs.html", title="Blocs", blocs=blocs_list(on), on=on,
                json_url="/api/blocs" + (f"?on={on}" if on else ""))


@router.get("/bloc/{bloc}", include_in_schema=False, response_class=HTMLResponse)
def bloc_page(request: Request, store: StoreDep, bloc: BlocPath, by: Period = "month", on: DateParam = None,
              since: DateParam = None, until: DateParam = None) -> HTMLResponse:
    from dyad.web.pages import page

    found = bloc_view(store, bloc, by=by, on=on, since=since, until=until)
    if found is None:
        raise HTTPException(404, f"no bloc {bloc}")
    params = {"by": by, "on": on, "since": since, "until": until}
    query = "&".join(f"{k}={v}" for k, v in params.items() if v)
    return page(request, "bloc.html", title=found["name"], data=found, params=params,
                chart=charts.series_chart(found["series"], by),
                timeline=_timeline(found["members"], Date.today().isoformat()),
                json_url=f"/api/blocs/{found['id']}?{query}")


# -- the JSON twins -------------------------------------------------------------------------------------
@router.get("/api/blocs", tags=["api"], summary="The blocs dyad knows, with their members on a date")
def blocs_api(on: DateParam = None) -> list[dict[str, Any]]:
    """Every bloc: id, actor code, name, kind (formal/informal), the blocs it is the union of,
    how many members it had on ``on`` (default today) and its definition."""
    return blocs_list(on)


@router.get("/api/blocs/{bloc}", tags=["api"], summary="One bloc: members over time, events, partner blocs")
def bloc_api(store: StoreDep, bloc: BlocPath, by: Period = "month", on: DateParam = None, since: DateParam = None,
             until: DateParam = None) -> dict[str, Any]:
    """What the bloc page shows: membership spells and dated changes, the members on ``on``, the
    series of the members' events as of each date (internal, outward, inward), the other blocs
    they dealt with, and the latest events."""
    found = bloc_view(store, bloc, by=by, on=on, since=since, until=until)
    if found is None:
        raise HTTPException(404, f"no bloc {bloc}")
    return found
