"""The dashboard's pages, rendered on the server with Jinja2 (autoescape on: every value from the
database is escaped; the only markup not written in a template is the highlighted article text,
built piece by escaped piece in ``dyad.web.highlight``)."""

from __future__ import annotations

import functools
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from dyad.records import Reading
from dyad.store import Store
from dyad.web import charts, data
from dyad.web.app import get_store
from dyad.web.highlight import Mark, highlight, marks_of
from dyad.web.params import (DEFAULT_LIMIT, MAX_LIMIT, ActorPath, ArticleId, CodePrefix, Country, DateParam,
                             EventCode, EventId, Limit, MinReports, ModalityName, Offset, Period, Root, Text)
from dyad.web.upload import MAX_UPLOAD_BYTES

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

StoreDep = Annotated[Store, Depends(get_store)]
PeriodLabel = Annotated[str | None, Query(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]

#: Quad class names as the pages show them.
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


# -- templates -------------------------------------------------------------------------------------
def _pathseg(value: Any) -> str:
    """One path segment: every reserved character (``/``, ``?``, ``#``) percent-encoded."""
    return quote(str(value), safe="")


def _http_url(value: Any) -> str | None:
    """A stored URL fit for ``href`` (http or https only: never ``javascript:`` or ``data:``)."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def _qs(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied, empty values left out."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})


def _num(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return str(value)


def article_url(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """The article reader, focused on ``start:end`` when given."""
    url = f"/article/{_pathseg(article_id)}"
    if start is not None and end is not None:
        url += f"?start={int(start)}&end={int(end)}#focus"
    return url


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("dyad.web", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(pathseg=_pathseg, http_url=_http_url, num=_num)
    env.globals.update(qs=_qs, article_url=article_url, quad_names=QUAD_NAMES, max_limit=MAX_LIMIT)
    return env


def render(request: Request, template: str, context: dict[str, Any]) -> str:
    nav = request.url.path.split("/")[1] if request.url.path != "/" else ""
    values = {"json_url": None, "title": "dyad", **context}
    return environment().get_template(template).render(request_path=request.url.path, nav=nav, **values)


def page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(request, template, context))


# -- overview --------------------------------------------------------------------------------------
@router.get("/")
def overview_page(request: Request, store: StoreDep) -> HTMLResponse:
    found = data.overview(store)
    chart = charts.network_chart(found["network"]["nodes"], found["network"]["edges"])
    return page(request, "overview.html", title="Overview", data=found, network=chart, where=request.app.state.where,
                json_url="/api/overview")


# -- dyads -----------------------------------------------------------------------------------------
@router.get("/dyad/{a}/{b}")
def dyad_page(request: Request, store: StoreDep, a: ActorPath, b: ActorPath, by: Period = "month",
              since: DateParam = None, until: DateParam = None, period: PeriodLabel = None) -> HTMLResponse:
    found = data.dyad(store, a, b, by=by, since=since, until=until, period=period)
    chart = charts.series_chart(found["series"], by)
    params = {"by": by, "since": since, "until": until}
    return page(request, "dyad.html", title=f"{found['a']} – {found['b']}", data=found, chart=chart, params=params,
                json_url=f"/api/dyad/{_pathseg(found['a'])}/{_pathseg(found['b'])}?{_qs(params, period=period)}")


@router.get("/dyads")
def dyads_page(request: Request, store: StoreDep, n: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
               level: Annotated[str, Query(pattern="^(country|code)$")] = "country", since: DateParam = None,
               until: DateParam = None, include_self: bool = False) -> HTMLResponse:
    rows = data.dyads(store, n=n, level=level, since=since, until=until, include_self=include_self)
    params = {"n": n, "level": level, "since": since, "until": until, "include_self": include_self}
    return page(request, "dyads.html", title="Dyads", rows=rows, params=params, json_url=f"/api/dyads?{_qs(params)}")


# -- article reader ----------------------------------------------------------------------------------
def _reader_context(reading: Reading, *, start: int | None, end: int | None,
                    evidence: list[dict[str, Any]] | None) -> dict[str, Any]:
    text = reading.article.text
    marks = marks_of(reading)
    focus = None
    if start is not None and end is not None and start < end and start < len(text):
        focus = (start, min(end, len(text)))
        marks.append(Mark("focus", "focus", focus[0], focus[1], "the passage you followed a link to"))
    event_ids = {int(r["idx"]): r.get("event_id") for r in evidence or ()}
    counts = {"actors": len(reading.actors), "events": len(reading.events), "quotes": len(reading.quotes),
              "dates": len(reading.dates), "places": len(reading.places)}
    return {"reading": reading, "article": reading.article, "text_html": highlight(text, marks), "focus": focus,
            "event_ids": event_ids, "counts": counts}


@router.get("/article/{article_id:path}")
def article_page(request: Request, store: StoreDep, article_id: ArticleId, start: Offset = None,
                 end: Offset = None) -> HTMLResponse:
    reading = store.reading(article_id)
    if reading is None:
        raise HTTPException(404, "no article with this id")
    evidence = data.records(store.evidence(article_id=article_id))
    context = _reader_context(reading, start=start, end=end, evidence=evidence)
    return page(request, "article.html", title=reading.article.title or reading.article.id, stored=True,
                json_url=f"/api/articles/{_pathseg(article_id)}", **context)


# -- events, quotes, articles, actors -----------------------------------------------------------------
@router.get("/events")
def events_page(request: Request, store: StoreDep, source: CodePrefix = None, target: CodePrefix = None,
                root: Root = None, code: EventCode = None, since: DateParam = None, until: DateParam = None,
                actor: Text = None, country: Country = None, modality: ModalityName | None = None,
                min_reports: MinReports = None, limit: Limit = DEFAULT_LIMIT) -> HTMLResponse:
    found = data.events(store, limit=limit, source=source, target=target, root=root, code=code, since=since,
                        until=until, actor=actor, country=country, modality=modality, min_reports=min_reports)
    params = {**found["filters"], "limit": limit}
    return page(request, "events.html", title="Events", data=found, params=params,
                json_url=f"/api/events?{_qs(params)}")


@router.get("/event/{event_id}")
def event_page(request: Request, store: StoreDep, event_id: EventId) -> HTMLResponse:
    found = data.event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return page(request, "event.html", title=f"Event {found['event'].get('code')}", data=found,
                json_url=f"/api/events/{_pathseg(event_id)}")


@router.get("/quotes")
def quotes_page(request: Request, store: StoreDep, speaker: Text = None, contains: Text = None,
                since: DateParam = None, until: DateParam = None, limit: Limit = DEFAULT_LIMIT) -> HTMLResponse:
    found = data.quotes(store, limit=limit, speaker=speaker, contains=contains, since=since, until=until)
    params = {**found["filters"], "limit": limit}
    return page(request, "quotes.html", title="Quotes", data=found, params=params,
                json_url=f"/api/quotes?{_qs(params)}")


@router.get("/articles")
def articles_page(request: Request, store: StoreDep, source: Text = None, since: DateParam = None,
                  until: DateParam = None, contains: Text = None, limit: Limit = DEFAULT_LIMIT) -> HTMLResponse:
    found = data.articles(store, limit=limit, source=source, since=since, until=until, contains=contains)
    params = {**found["filters"], "limit": limit}
    return page(request, "articles.html", title="Articles", data=found, params=params,
                json_url=f"/api/articles?{_qs(params)}")


@router.get("/actors")
def actors_page(request: Request, store: StoreDep, country: Country = None, code: CodePrefix = None,
                name: Text = None, limit: Limit = DEFAULT_LIMIT) -> HTMLResponse:
    found = data.actors(store, limit=limit, country=country, code=code, name=name)
    params = {**found["filters"], "limit": limit}
    return page(request, "actors.html", title="Actors", data=found, params=params,
                json_url=f"/api/actors?{_qs(params)}")


@router.get("/actor/{code}")
def actor_page(request: Request, store: StoreDep, code: ActorPath) -> HTMLResponse:
    found = data.actor(store, code)
    return page(request, "actor.html", title=found["actor"], data=found, json_url=f"/api/actors/{_pathseg(code)}")


# -- the upload/paste box ------------------------------------------------------------------------------
@router.get("/code")
def code_form(request: Request) -> HTMLResponse:
    return page(request, "code.html", title="Code an article", max_kib=MAX_UPLOAD_BYTES // 1024, json_url=None)


@router.post("/code")
async def code_page(request: Request) -> HTMLResponse:
    from dyad.web.api import code_request

    reading = await code_request(request)
    context = _reader_context(reading, start=None, end=None, evidence=None)
    return page(request, "article.html", title=reading.article.title or "Coded article", stored=False,
                json_url=None, **context)


# -- the API, listed for people -------------------------------------------------------------------------
@router.get("/api")
def api_page(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get("description", "")}
                      for p in op.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "params": params})
    return page(request, "api.html", title="API", endpoints=endpoints, json_url="/openapi.json")
