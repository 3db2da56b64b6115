"""The JSON API (``/api/...``): the data of every dashboard page, typed and validated.

The schema is served at ``/openapi.json`` and listed for people at ``/api``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from dyad.store import Store
from dyad.web import data, schemas
from dyad.web.app import get_store
from dyad.web.params import (DEFAULT_LIMIT, ActorPath, ArticleId, CodePrefix, Country, DateParam, EventCode,
                             EventId, Level, Limit, MinReports, ModalityName, Period, Root, Text)
from dyad.web.upload import read_upload

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": schemas.ErrorResponse, "description": what}
    for code, what in ((401, "The token is missing or wrong (when the server has one)."),
                       (404, "No such record."), (422, "A parameter is invalid."),
                       (503, "The database failed."))}

router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)

StoreDep = Annotated[Store, Depends(get_store)]
PeriodLabel = Annotated[str | None, Query(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
                                          description="Only the events of this period (a label of the series).")]


@router.get("/overview", response_model=schemas.Overview, summary="Counts, latest articles, top dyads, network")
def overview(store: StoreDep) -> dict[str, Any]:
    """What the overview page shows."""
    return data.overview(store)


@router.get("/counts", response_model=dict[str, int], summary="Rows per table")
def counts(store: StoreDep) -> dict[str, int]:
    return store.counts()


@router.get("/events", response_model=schemas.EventList, summary="Deduplicated events (dyad events)")
def events(store: StoreDep, source: CodePrefix = None, target: CodePrefix = None, root: Root = None,
           code: EventCode = None, since: DateParam = None, until: DateParam = None, actor: Text = None,
           country: Country = None, modality: ModalityName | None = None, min_reports: MinReports = None,
           limit: Limit = DEFAULT_LIMIT) -> dict[str, Any]:
    """Events, oldest first, with the filters of `dyad events`: actor code prefixes, CAMEO root
    and code prefix, dates (inclusive, any precision), an actor's name or code, the country
    where it happened, modality and a minimum number of reports."""
    return data.events(store, limit=limit, source=source, target=target, root=root, code=code, since=since,
                       until=until, actor=actor, country=country, modality=modality, min_reports=min_reports)


@router.get("/events/{event_id}", response_model=schemas.EventDetail, summary="One event and its reports")
def event(store: StoreDep, event_id: EventId) -> dict[str, Any]:
    """The event and every report of it: article, sentence and the evidence's character offsets."""
    found = data.event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


@router.get("/quotes", response_model=schemas.QuoteList, summary="Quotes (dyad quotes)")
def quotes(store: StoreDep, speaker: Text = None, contains: Text = None, since: DateParam = None,
           until: DateParam = None, limit: Limit = DEFAULT_LIMIT) -> dict[str, Any]:
    """Quotes, oldest article first: the speaker's name (part of it) or exact code, words the
    quote contains, and the articles' publication dates."""
    return data.quotes(store, limit=limit, speaker=speaker, contains=contains, since=since, until=until)


@router.get("/articles", response_model=schemas.ArticleList, summary="Stored articles (dyad articles)")
def articles(store: StoreDep, source: Text = None, since: DateParam = None, until: DateParam = None,
             contains: Text = None, limit: Limit = DEFAULT_LIMIT) -> dict[str, Any]:
    """Articles, oldest first, with how many events, quotes and actors each gave."""
    return data.articles(store, limit=limit, source=source, since=since, until=until, contains=contains)


@router.get("/articles/{article_id:path}", response_model=dict[str, Any], summary="One article's reading")
def article(store: StoreDep, article_id: ArticleId) -> dict[str, Any]:
    """The stored reading of one article, exactly as docs/output-contract.md describes it (what
    the article reader page highlights)."""
    reading = store.reading(article_id)
    if reading is None:
        raise HTTPException(404, "no article with this id")
    return reading.to_dict()


@router.get("/actors", response_model=schemas.ActorList, summary="Actors (dyad actors)")
def actors(store: StoreDep, country: Country = None, code: CodePrefix = None, name: Text = None,
           limit: Limit = DEFAULT_LIMIT) -> dict[str, Any]:
    """Actors across all articles, the most widely reported first."""
    return data.actors(store, limit=limit, country=country, code=code, name=name)


@router.get("/actors/{code}", response_model=schemas.ActorProfile, summary="An actor's profile")
def actor(store: StoreDep, code: ActorPath) -> dict[str, Any]:
    """Events an actor (code prefix) gave and received by CAMEO root, its partners and quotes."""
    return data.actor(store, code)


@router.get("/dyads", response_model=schemas.DyadList, summary="Most active dyads (dyad dyads)")
def dyads(store: StoreDep, n: Annotated[int, Query(ge=1, le=1000)] = 20, level: Level = "country",
          since: DateParam = None, until: DateParam = None, include_self: bool = False) -> dict[str, Any]:
    """Directed dyads by number of events: reports, cooperation vs conflict, mean Goldstein."""
    return {"dyads": data.dyads(store, n=n, level=level, since=since, until=until, include_self=include_self)}


@router.get("/dyad/{a}/{b}", response_model=schemas.DyadResponse, summary="A dyad's series and events")
def dyad(store: StoreDep, a: ActorPath, b: ActorPath, by: Period = "month", since: DateParam = None,
         until: DateParam = None, period: PeriodLabel = None) -> dict[str, Any]:
    """Events between two actors (code prefixes, both directions) per period: by quad class,
    cooperation vs conflict, Goldstein; and the events (of one period) with their reports."""
    return data.dyad(store, a, b, by=by, since=since, until=until, period=period)


@router.get("/network", response_model=schemas.Network, summary="The actor network")
def network(store: StoreDep, level: Level = "country", since: DateParam = None, until: DateParam = None,
            min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> dict[str, Any]:
    """Directed, weighted edges between actors: events, reports, cooperation, conflict."""
    return data.network(store, level=level, since=since, until=until, min_events=min_events)


@router.post("/code", response_model=schemas.CodedReading, summary="Code an article on the spot",
             responses={400: {"model": schemas.ErrorResponse, "description": "Empty or unreadable article."},
                        413: {"model": schemas.ErrorResponse, "description": "Larger than 1 MiB."},
                        415: {"model": schemas.ErrorResponse, "description": "Not text/plain or text/html."}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "text/plain": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}},
                 "multipart/form-data": {"schema": {"type": "object", "properties": {
                     "file": {"type": "string", "format": "binary"}, "text": {"type": "string"},
                     "type": {"type": "string", "enum": ["text/plain", "text/html"]},
                     "published": {"type": "string", "format": "date"}}}}}}})
async def code(request: Request) -> dict[str, Any]:
    """Read one article (at most 1 MiB of plain text or HTML: a raw body, or a form with a
    `file` or pasted `text`) and return its reading. Nothing is stored: run `dyad ingest` for
    that. `published` (query or form field) dates an article that carries no date."""
    reading = await code_request(request)
    return {"stored": False, "reading": reading.to_dict()}


async def code_request(request: Request):  # noqa: ANN201 - a Reading
    """Read the upload and code it, one article at a time, off the event loop."""
    from dyad.web.upload import code_upload

    upload = await read_upload(request)
    coder = request.app.state.coder

    def run():  # noqa: ANN202
        with coder.lock:
            return code_upload(upload, coder.reader)

    return await run_in_threadpool(run)
