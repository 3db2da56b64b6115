"""An article's text with its records highlighted from their character offsets.

The text is cut at every offset where a record starts or ends; each piece is escaped on its own
and wrapped in a ``<mark>`` naming the records that cover it. Stored text is never inserted raw:
the only markup in the result is the tags written here, and every attribute value and piece of
text passes through ``markupsafe.escape``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from dyad.records import ActorRef, Reading

#: What a mark can stand for, in the order their classes are written (later ones draw on top).
KINDS = ("actor", "place", "date", "quote", "event", "focus")


@dataclass(frozen=True, slots=True)
class Mark:
    """One stretch of text to highlight: ``key`` names the side-panel record it belongs to."""

    kind: str
    key: str
    start: int
    end: int
    title: str = ""


def _who(ref: ActorRef | None) -> str:
    if ref is None:
        return "?"
    return f"{ref.name} ({ref.code})" if ref.code else ref.name


def marks_of(reading: Reading) -> list[Mark]:
    """A mark per actor mention, quote, event evidence, date and place of ``reading``.

    Quotes found inside an embed (a tweet) have offsets into that embed, not into the text,
    and are left out here (the side panel lists them).
    """
    marks: list[Mark] = []
    for i, actor in enumerate(reading.actors):
        title = f"actor: {actor.name}" + (f" ({actor.code})" if actor.code else "")
        marks.extend(Mark("actor", f"actor-{i}", m.start, m.end, title) for m in actor.mentions)
    for i, quote in enumerate(reading.quotes):
        if quote.embed is None:
            marks.append(Mark("quote", f"quote-{i}", quote.start, quote.end, f"quote: {_who(quote.speaker)}"))
    for i, event in enumerate(reading.events):
        title = f"event {event.code} {event.label}: {_who(event.source)} -> {_who(event.target)}"
        marks.append(Mark("event", f"event-{i}", event.evidence.start, event.evidence.end, title))
    for i, ref in enumerate(reading.dates):
        marks.append(Mark("date", f"date-{i}", ref.start, ref.end, f"date: {ref.resolved or 'unresolved'}"))
    for i, place in enumerate(reading.places):
        where = place.name + (f", {place.country}" if place.country else "")
        marks.append(Mark("place", f"place-{i}", place.start, place.end, f"place: {where}"))
    return marks


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` as HTML, each stretch covered by marks wrapped in ``<mark>``.

    Marks outside the text are clipped to it; empty ones are dropped. The first stretch of each
    key also gets an anchor (``id="event-3"``) so a link can point at it.
    """
    size = len(text)
    kept = []
    for m in marks:
        start, end = max(0, min(m.start, size)), max(0, min(m.end, size))
        if start < end:
            kept.append(Mark(m.kind, m.key, start, end, m.title))
    starting: dict[int, list[Mark]] = defaultdict(list)
    for m in kept:
        starting[m.start].append(m)
    bounds = sorted({0, size, *(m.start for m in kept), *(m.end for m in kept)})
    anchored: set[str] = set()
    active: list[Mark] = []
    out: list[Markup] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m.end > left] + starting.get(left, [])
        for m in starting.get(left, ()):
            if m.key not in anchored:
                anchored.add(m.key)
                out.append(Markup('<span class="anchor" id="{}"></span>').format(m.key))
        piece = text[left:right]
        if not active:
            out.append(escape(piece))
            continue
        kinds = sorted({m.kind for m in active}, key=KINDS.index)
        keys = " ".join(dict.fromkeys(m.key for m in active))
        title = "\n".join(dict.fromkeys(m.title for m in active if m.title))
        classes = " ".join(f"hl-{k}" for k in kinds)
        out.append(Markup('<mark class="hl {}" data-keys="{}" title="{}">{}</mark>').format(
            classes, keys, title, piece))
    return Markup("").join(out)
