"""The JSON API's response shapes, for its OpenAPI schema. Rows mirror the store's query
columns; new columns the store adds pass through (``extra="allow"``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status code.")
    type: str = Field(description="invalid_request, not_found, unauthorized, too_large, unsupported_type, "
                                  "unreadable_input, database_error or internal_error.")
    message: str = Field(description="What went wrong and what to do, for a person.")
    details: list[dict[str, Any]] = Field(default_factory=list,
                                          description="Per-parameter problems: loc (where) and msg (what).")


class ErrorResponse(BaseModel):
    """The one shape of every API error."""

    error: ErrorBody


class ArticleRow(_Open):
    id: str
    published: str | None = None
    source: str | None = None
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    language: str | None = None
    n_events: int | None = None
    n_quotes: int | None = None
    n_actors: int | None = None


class EventRow(_Open):
    id: str
    date: str | None = None
    source_code: str | None = None
    source_name: str | None = None
    code: str | None = None
    label: str | None = None
    target_code: str | None = None
    target_name: str | None = None
    root: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    modality: str | None = None
    place: str | None = None
    place_country: str | None = None
    n_reports: int | None = None
    n_articles: int | None = None
    sentence: str | None = None


class EvidenceRow(_Open):
    event_id: str | None = None
    article_id: str
    idx: int
    published: str | None = None
    title: str | None = None
    sentence: str | None = None
    start_char: int | None = None
    end_char: int | None = None


class QuoteRow(_Open):
    article_id: str
    idx: int
    published: str | None = None
    speaker_name: str | None = None
    speaker_code: str | None = None
    text: str
    cue: str | None = None
    kind: str | None = None
    start_char: int | None = None
    end_char: int | None = None


class ActorRow(_Open):
    code: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    n_articles: int | None = None
    n_mentions: int | None = None
    role: str | None = None


class DyadRow(_Open):
    source: str
    target: str
    events: int
    reports: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None = None


class SeriesRow(_Open):
    period: str
    events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    cooperation: int
    conflict: int
    goldstein_sum: float | None = None
    goldstein_mean: float | None = None
    reports: int


class NetworkNode(BaseModel):
    id: str
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    weight: int = Field(description="Events from source to target.")
    reports: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None = None


class Network(BaseModel):
    level: str
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Overview(BaseModel):
    counts: dict[str, int] = Field(description="Rows per table.")
    latest_articles: list[ArticleRow]
    top_dyads: list[DyadRow]
    network: Network


class DyadEvent(EventRow):
    direction: str | None = None
    evidence: list[EvidenceRow] = Field(default_factory=list)


class DyadResponse(BaseModel):
    a: str
    b: str
    by: str
    since: str | None = None
    until: str | None = None
    period: str | None = Field(None, description="When set, only the events of this period are listed.")
    quads: dict[str, str]
    series: list[SeriesRow]
    n_events: int = Field(description="Events of the dyad (in the period); at most 100 are listed.")
    events: list[DyadEvent]


class EventDetail(BaseModel):
    event: EventRow
    evidence: list[EvidenceRow]


class _List(BaseModel):
    filters: dict[str, Any]
    limit: int
    count: int


class EventList(_List):
    events: list[EventRow]


class QuoteList(_List):
    quotes: list[QuoteRow]


class ArticleList(_List):
    articles: list[ArticleRow]


class ActorList(_List):
    actors: list[ActorRow]


class DyadList(BaseModel):
    dyads: list[DyadRow]


class ActorProfile(BaseModel):
    actor: str
    given: list[dict[str, Any]] = Field(description="Events it was the source of, by CAMEO root.")
    received: list[dict[str, Any]] = Field(description="Events it was the target of, by CAMEO root.")
    partners: list[dict[str, Any]] = Field(description="Most frequent counterparts.")
    quotes: list[QuoteRow]


class CodedReading(BaseModel):
    """A reading (docs/output-contract.md) of an article coded on the spot, not stored."""

    stored: bool = False
    reading: dict[str, Any]
