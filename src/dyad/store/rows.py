"""Readings <-> table rows. Pure functions: no database here."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from dyad.records import Article, Event, Reading
from dyad.store.dedup import block_key, date_precision

ARTICLE_COLUMNS = ("id", "content_hash", "title", "byline", "published", "url", "source", "language",
                   "origin", "text", "lead_end", "reading", "run_id", "ingested")
ACTOR_COLUMNS = ("article_id", "idx", "actor_id", "name", "code", "country", "sector", "role", "n_mentions")
MENTION_COLUMNS = ("article_id", "actor_idx", "idx", "text", "start_char", "end_char")
QUOTE_COLUMNS = ("article_id", "idx", "text", "start_char", "end_char", "kind", "cue", "speaker_name",
                 "speaker_code", "addressee_name", "addressee_code", "reporter_name", "reporter_code")
DATE_COLUMNS = ("article_id", "idx", "text", "resolved", "date_precision", "start_char", "end_char")
PLACE_COLUMNS = ("article_id", "idx", "text", "name", "country", "lat", "lon", "feature", "start_char",
                 "end_char")
EVIDENCE_COLUMNS = ("article_id", "idx", "block", "source_code", "source_name", "source_country",
                    "source_sector", "source_actor_id", "target_code", "target_name", "target_country",
                    "target_sector", "target_actor_id", "code", "root", "label", "plover", "plover_mode",
                    "quad_class", "goldstein", "modality", "date", "date_precision", "date_from", "place",
                    "place_country", "lat", "lon", "trigger_text", "sentence", "start_char", "end_char",
                    "in_lead")
EVENT_COLUMNS = ("id", "block", "date", "date_precision", "source_code", "source_name", "source_country",
                 "source_sector", "target_code", "target_name", "target_country", "target_sector", "code",
                 "root", "label", "plover", "plover_mode", "quad_class", "goldstein", "modality", "place",
                 "place_country", "lat", "lon", "n_reports", "n_articles", "n_sources", "is_root",
                 "first_article", "sentence", "first_ingested")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


_FIELDS: dict[type, tuple[str, ...]] = {}
_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """``Record.to_dict()``, without its per-call introspection: field names are looked up
    once per record class (storing a batch spends most of its time here otherwise)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(kind):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if kind is tuple or kind is list:
        return [plain(v) for v in value]
    return value


def content_hash(article: Article) -> str:
    """What "same content" means for re-ingesting: every field of the article but ``origin``
    (where it was read from, which changes when a file moves)."""
    data = plain(article)
    data.pop("origin", None)
    return hashlib.sha256(_json(data).encode("utf-8", "surrogatepass")).hexdigest()[:32]  # lone ones too


def reading_json(reading: Reading) -> str:
    """The reading as JSON, without the article text (the ``text`` column keeps it once)."""
    data = plain(reading)
    data["article"].pop("text", None)
    return _json(data)


def reading_from_row(text: str, reading: str) -> Reading:
    data = json.loads(reading)
    data["article"]["text"] = text
    return Reading.from_dict(data)


def lead_end(article: Article) -> int:
    """End of the lead paragraph: events reported before it are the story's root events."""
    if article.paragraphs:
        return article.paragraphs[0].end
    cut = article.text.find("\n\n")
    return cut if cut >= 0 else len(article.text)


def _day(value: str | None) -> str | None:
    """An ISO date or datetime -> its YYYY-MM-DD part, when it is one."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return value[:10]
    return None


@dataclass(slots=True)
class ReadingRows:
    """The rows one reading adds to each table."""

    article: tuple
    actors: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    dates: list[tuple] = field(default_factory=list)
    places: list[tuple] = field(default_factory=list)
    evidence: list[tuple] = field(default_factory=list)

    @property
    def blocks(self) -> set[str]:
        return {row[2] for row in self.evidence}


def evidence_row(article: Article, idx: int, e: Event, lead: int) -> tuple:
    src, tgt = e.source, e.target
    date, precision, date_from = e.date, date_precision(e.date, e.date_precision), "text"
    if not date:
        date = _day(article.published)
        precision, date_from = ("day", "published") if date else (None, "none")
    loc = e.location
    return (
        article.id, idx,
        block_key(src.code, src.name, tgt.code if tgt else None, tgt.name if tgt else None, e.root, e.modality,
                  code=e.code),
        src.code, src.name, src.country, src.sector, src.id,
        tgt.code if tgt else None, tgt.name if tgt else None, tgt.country if tgt else None,
        tgt.sector if tgt else None, tgt.id if tgt else None,
        e.code, e.root, e.label, e.plover, e.plover_mode, e.quad_class, e.goldstein, e.modality,
        date, precision, date_from,
        loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None,
        loc.lon if loc else None,
        e.trigger, e.sentence, e.evidence.start, e.evidence.end, int(e.evidence.start < lead),
    )


def reading_rows(reading: Reading, *, digest: str, run_id: str | None, ingested: str) -> ReadingRows:
    a = reading.article
    lead = lead_end(a)
    rows = ReadingRows(article=(a.id, digest, a.title, a.byline, a.published, a.url, a.source, a.language,
                                a.origin, a.text, lead, reading_json(reading), run_id, ingested))
    for i, actor in enumerate(reading.actors):
        rows.actors.append((a.id, i, actor.id, actor.name, actor.code, actor.country, actor.sector,
                            actor.role, len(actor.mentions)))
        rows.mentions.extend((a.id, i, j, m.text, m.start, m.end) for j, m in enumerate(actor.mentions))
    for i, q in enumerate(reading.quotes):
        rows.quotes.append((a.id, i, q.text, q.start, q.end, q.kind, q.cue,
                            q.speaker.name if q.speaker else None, q.speaker.code if q.speaker else None,
                            q.addressee.name if q.addressee else None, q.addressee.code if q.addressee else None,
                            q.reported_by.name if q.reported_by else None,
                            q.reported_by.code if q.reported_by else None))
    rows.dates.extend((a.id, i, d.text, d.resolved, date_precision(d.resolved, d.precision), d.start, d.end)
                      for i, d in enumerate(reading.dates))
    rows.places.extend((a.id, i, p.text, p.name, p.country, p.lat, p.lon, p.feature, p.start, p.end)
                       for i, p in enumerate(reading.places))
    rows.evidence.extend(evidence_row(a, i, e, lead) for i, e in enumerate(reading.events))
    return rows
