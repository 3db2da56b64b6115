"""The records every stage passes along: one typed, frozen dataclass per thing dyad reads.

``Reading.to_dict()`` emits exactly the JSON of docs/output-contract.md and
``Reading.from_dict()`` inverts it. Spans (``start``/``end``) are character offsets into
``Article.text``, end exclusive.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "embedded"]
Modality = Literal["asserted", "intended", "negated", "hypothetical"]
Precision = Literal["day", "month", "year"]
RelationKind = Literal["member_of", "left"]


def _plain(value: Any) -> Any:
    """Turn records (and tuples of them) into JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):  # noqa: ANN206 - each subclass returns itself
        return cls(**{f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data})


@dataclass(frozen=True, slots=True)
class Span(_Record):
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Embed(_Record):
    """Embedded content kept out of the body text (a tweet, a video caption)."""

    kind: str
    text: str
    author: str | None = None
    handle: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Related(_Record):
    title: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Article(_Record):
    id: str
    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    photo_credit: str | None = None
    language: str = "en"
    paragraphs: tuple[Span, ...] = ()
    embeds: tuple[Embed, ...] = ()
    related: tuple[Related, ...] = ()
    origin: str | None = None  # where it was read from: "file.jsonl:12", a WARC record id

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"],
            text=data["text"],
            title=data.get("title"),
            byline=data.get("byline"),
            published=data.get("published"),
            url=data.get("url"),
            source=data.get("source"),
            photo_credit=data.get("photo_credit"),
            language=data.get("language") or "en",
            paragraphs=tuple(Span.from_dict(p) for p in data.get("paragraphs") or ()),
            embeds=tuple(Embed.from_dict(e) for e in data.get("embeds") or ()),
            related=tuple(Related.from_dict(r) for r in data.get("related") or ()),
            origin=data.get("origin"),
        )


@dataclass(frozen=True, slots=True)
class Mention(_Record):
    """A stretch of article text that names something."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor(_Record):
    """An actor of the article: a person, body, organisation or country, coded as of its date."""

    id: str
    name: str
    code: str | None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: tuple[Mention, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"],
            name=data["name"],
            code=data.get("code"),
            country=data.get("country"),
            sector=data.get("sector"),
            role=data.get("role"),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions") or ()),
        )

    def ref(self, mention: Mention | None = None) -> ActorRef:
        return ActorRef(name=self.name, code=self.code, country=self.country, sector=self.sector,
                        id=self.id, mention=mention)


@dataclass(frozen=True, slots=True)
class ActorRef(_Record):
    """An actor as it takes part in a quote or an event, with the mention that names it there."""

    name: str
    code: str | None
    country: str | None = None
    sector: str | None = None
    id: str | None = None
    mention: Mention | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorRef:
        mention = data.get("mention")
        return cls(
            name=data["name"],
            code=data.get("code"),
            country=data.get("country"),
            sector=data.get("sector"),
            id=data.get("id"),
            mention=Mention.from_dict(mention) if mention else None,
        )


def _ref(data: dict[str, Any] | None) -> ActorRef | None:
    return ActorRef.from_dict(data) if data else None


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    text: str
    start: int
    end: int
    speaker: ActorRef | None
    cue: str | None = None
    kind: QuoteKind = "direct"
    addressee: ActorRef | None = None
    reported_by: ActorRef | None = None
    # set for a quote found in an embed (kind "embedded"): the index into Article.embeds, and
    # then start/end are offsets into that embed's text, not into Article.text
    embed: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            speaker=_ref(data.get("speaker")),
            cue=data.get("cue"),
            kind=data.get("kind") or "direct",
            addressee=_ref(data.get("addressee")),
            reported_by=_ref(data.get("reported_by")),
            embed=data.get("embed"),
        )


@dataclass(frozen=True, slots=True)
class Location(_Record):
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Event(_Record):
    source: ActorRef
    target: ActorRef | None
    code: str
    root: str
    label: str
    plover: str | None
    quad_class: int
    goldstein: float | None
    date: str | None
    location: Location | None
    modality: Modality
    sentence: str
    evidence: Span
    plover_mode: str | None = None
    date_precision: Precision | None = None
    trigger: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        loc = data.get("location")
        return cls(
            source=ActorRef.from_dict(data["source"]),
            target=_ref(data.get("target")),
            code=data["code"],
            root=data["root"],
            label=data["label"],
            plover=data.get("plover"),
            quad_class=data["quad_class"],
            goldstein=data.get("goldstein"),
            date=data.get("date"),
            location=Location.from_dict(loc) if loc else None,
            modality=data.get("modality") or "asserted",
            sentence=data["sentence"],
            evidence=Span.from_dict(data["evidence"]),
            plover_mode=data.get("plover_mode"),
            date_precision=data.get("date_precision"),
            trigger=data.get("trigger"),
        )


@dataclass(frozen=True, slots=True)
class DateRef(_Record):
    """A time expression and what it resolves to (``None`` when the text does not support a value)."""

    text: str
    start: int
    end: int
    resolved: str | None
    precision: Precision | None = None


@dataclass(frozen=True, slots=True)
class Place(_Record):
    """A place mention geocoded offline (``country`` is ISO 3166-1 alpha-3 or ``None``)."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country, city, region, sea, ocean, strait, admin1 ...


@dataclass(frozen=True, slots=True)
class StageFailure(_Record):
    """A stage that raised on one article: its records are empty in that reading, the other
    stages' records are kept, and a later version of dyad can recode the article."""

    stage: str
    error: str


@dataclass(frozen=True, slots=True)
class Relation(_Record):
    """A relation the text states between two actors: "The SCO -- made up of China, India ..." ->
    CHN member_of SCO; "Qatar left OPEC" -> QAT left OPEC (issue 17).

    ``subject`` is a state (ISO 3166-1 alpha-3), ``object`` a bloc id (``SCO``, ``NATO``) or an
    IGO abbreviation; ``confirmed`` says whether the bloc tables agree on ``date`` (the year the
    text gives, else the article's date): True, False, or None when they don't know the bloc.
    ``stated`` is False for a membership the text implies but does not state (a member state
    and its bloc named in one sentence: "France and the EU suspended aid"), kept only when the
    tables confirm it.
    """

    subject: str
    relation: RelationKind
    object: str
    evidence: Span
    subject_name: str | None = None
    object_name: str | None = None
    date: str | None = None
    confirmed: bool | None = None
    stated: bool = True

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        return cls(subject=data["subject"], relation=data["relation"], object=data["object"],
                   evidence=Span.from_dict(data["evidence"]), subject_name=data.get("subject_name"),
                   object_name=data.get("object_name"), date=data.get("date"), confirmed=data.get("confirmed"),
                   stated=data.get("stated", True))


@dataclass(frozen=True, slots=True)
class Reading(_Record):
    """All that dyad read in one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    dates: tuple[DateRef, ...] = ()
    places: tuple[Place, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    relations: tuple[Relation, ...] = ()  # issue 17: memberships the text states
    stage_failures: tuple[StageFailure, ...] = field(default=())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reading:
        return cls(
            article=Article.from_dict(data["article"]),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors") or ()),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes") or ()),
            events=tuple(Event.from_dict(e) for e in data.get("events") or ()),
            dates=tuple(DateRef.from_dict(d) for d in data.get("dates") or ()),
            places=tuple(Place.from_dict(p) for p in data.get("places") or ()),
            warnings=tuple(data.get("warnings") or ()),
            relations=tuple(Relation.from_dict(r) for r in data.get("relations") or ()),
            stage_failures=tuple(StageFailure.from_dict(f) for f in data.get("stage_failures") or ()),
        )
