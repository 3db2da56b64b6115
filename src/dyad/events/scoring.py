"""Score a reading against a hand-coded gold reading (the format of ``shared/golden/*.json``).

Pure functions on plain dicts (the JSON of docs/output-contract.md), so ``dyad eval`` and the
tests can score any reading, dyad's or another coder's.

Gold format, per part (only ``events`` needs all its fields):

- events:  {source, target (ISO3 country codes), code, accept (codes that also count; a
  2-digit entry accepts the whole root), date (ISO prefix or null), symmetric, required}
- quotes:  {starts (the quote's first words), speaker (a name), required}
- actors:  {name, code}
- dates:   {text, resolved}
- places:  {text, country (ISO3 or null)}

Recall counts required gold items found; precision counts predicted items that match any
gold item (required or not). Events' precision is over unique (source country, target
country, 3-digit code) triples, as a coder would count distinct facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


@dataclass(frozen=True, slots=True)
class PartScore:
    """How one part of a reading compares with the gold reading."""

    name: str
    found: int
    total: int
    correct: int
    predicted: int
    misses: tuple[str, ...] = ()
    extras: tuple[str, ...] = ()

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    def line(self) -> str:
        return (f"{self.name:<8} recall {self.found}/{self.total} ({self.recall:.2f})  "
                f"precision {self.correct}/{self.predicted} ({self.precision:.2f})")


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of every part, plus how many required events were dated right."""

    parts: tuple[PartScore, ...]
    events_dated: int = 0
    events_required: int = 0
    notes: tuple[str, ...] = field(default=())

    def part(self, name: str) -> PartScore:
        return next(p for p in self.parts if p.name == name)

    def lines(self, *, misses: bool = True) -> list[str]:
        out = []
        for part in self.parts:
            out.append(part.line())
            if part.name == "events":
                out.append(f"{'':<8} dated {self.events_dated}/{self.events_required}")
            if misses:
                out.extend(f"  MISSED {m}" for m in part.misses)
                out.extend(f"  EXTRA  {x}" for x in part.extras)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"parts": {p.name: {"found": p.found, "total": p.total, "recall": round(p.recall, 4),
                                   "correct": p.correct, "predicted": p.predicted,
                                   "precision": round(p.precision, 4), "misses": list(p.misses),
                                   "extras": list(p.extras)} for p in self.parts},
                "events_dated": self.events_dated, "events_required": self.events_required}


def normalise(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").translate(_QUOTES)).strip().lower()


def _name(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return " ".join(str(value.get(k) or "") for k in ("name", "text", "code"))


def country(value: Any) -> str | None:
    """The ISO3 country of an actor reference (its ``country``, else its code's first 3 letters)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value[:3].upper() or None
    found = value.get("country") or (value.get("code") or "")[:3]
    return found.upper() or None


def same_person(gold_name: str, predicted: Any) -> bool:
    said = normalise(_name(predicted))
    gold = normalise(gold_name)
    if not said or not gold:
        return False
    return gold.split()[-1] in said.split() or gold in said


# -- events --------------------------------------------------------------------------------
def event_matches(gold: dict[str, Any], event: dict[str, Any]) -> bool:
    """Does a predicted event count for a gold event (sides, either way if symmetric; code)?"""
    pair = (country(event.get("source")), country(event.get("target")))
    wanted = (gold["source"], gold["target"])
    if pair != wanted and not (gold.get("symmetric") and pair == wanted[::-1]):
        return False
    code = str(event.get("code") or "")
    accept = gold.get("accept") or [gold["code"]]
    return any(code.startswith(a) if len(a) == 2 else code[: len(a)] == a for a in accept)


def _score_events(gold: list[dict], predicted: list[dict]) -> tuple[PartScore, int, int]:
    required = [g for g in gold if g.get("required", True)]
    found = dated = 0
    misses = []
    for g in required:
        hits = [e for e in predicted if event_matches(g, e)]
        if not hits:
            misses.append(f"{g['source']}->{g['target']} {g['code']}  {g.get('evidence', '')[:60]}")
            continue
        found += 1
        if g.get("date") is None or any(str(e.get("date") or "").startswith(g["date"]) for e in hits):
            dated += 1
        else:
            misses.append(f"date {g['source']}->{g['target']} {g['code']}: want {g['date']}, got "
                          f"{sorted({str(e.get('date')) for e in hits})}")
    triples: dict[tuple, dict] = {}
    for event in predicted:
        key = (country(event.get("source")), country(event.get("target")), str(event.get("code") or "")[:3])
        triples.setdefault(key, event)
    correct = 0
    extras = []
    for key, event in triples.items():
        if any(event_matches(g, event) for g in gold):
            correct += 1
        else:
            extras.append(f"{key[0]}->{key[1]} {key[2]}  {normalise(event.get('sentence'))[:70]}")
    part = PartScore("events", found, len(required), correct, len(triples), tuple(misses), tuple(extras))
    return part, dated, len(required)


# -- quotes, actors, dates, places -----------------------------------------------------------
def _score_quotes(gold: list[dict], predicted: list[dict]) -> PartScore:
    required = [g for g in gold if g.get("required", True)]
    found, misses = 0, []
    for g in required:
        hit = next((q for q in predicted if normalise(g["starts"]) in normalise(q.get("text"))), None)
        if hit is None:
            misses.append(f"{g['starts'][:50]!r} ({g.get('speaker')})")
        elif not same_person(g.get("speaker") or "", hit.get("speaker")):
            misses.append(f"speaker of {g['starts'][:40]!r}: want {g.get('speaker')}, got "
                          f"{_name(hit.get('speaker')).strip() or None}")
        else:
            found += 1
    matched = [q for q in predicted
               if any(normalise(g["starts"]) in normalise(q.get("text")) for g in gold)]
    extras = tuple(repr(normalise(q.get("text"))[:50]) for q in predicted if q not in matched)
    return PartScore("quotes", found, len(required), len(matched), len(predicted), tuple(misses), extras)


def _score_actors(gold: list[dict], predicted: list[dict]) -> PartScore:
    found, misses = 0, []
    for g in gold:
        hits = [a for a in predicted
                if same_person(g["name"], a) or normalise(g["name"]) == normalise(a.get("name"))]
        if any(str(a.get("code") or "") == g["code"] for a in hits):
            found += 1
        else:
            misses.append(f"{g['name']}: want {g['code']}, got {hits[0].get('code') if hits else 'nothing'}")
    correct = sum(any(same_person(g["name"], a) for g in gold) for a in predicted)
    return PartScore("actors", found, len(gold), correct, len(predicted), tuple(misses))


def _date_hit(g: dict, d: dict) -> bool:
    if not str(d.get("resolved") or "").startswith(g["resolved"]):
        return False
    gold_text, text = normalise(g["text"]), normalise(d.get("text"))
    return bool(text) and (gold_text.endswith(text) or text.endswith(gold_text.split(" ", 1)[-1]))


def _score_dates(gold: list[dict], predicted: list[dict]) -> PartScore:
    misses = tuple(f"{g['text']!r} = {g['resolved']}" for g in gold
                   if not any(_date_hit(g, d) for d in predicted))
    correct = sum(any(_date_hit(g, d) for g in gold) for d in predicted)
    return PartScore("dates", len(gold) - len(misses), len(gold), correct, len(predicted), misses)


def _place_hit(g: dict, p: dict) -> bool:
    return (normalise(g["text"]) in normalise(p.get("text"))
            and (g.get("country") is None or country(p) == g["country"]))


def _score_places(gold: list[dict], predicted: list[dict]) -> PartScore:
    misses = tuple(f"{g['text']!r} ({g.get('country')})" for g in gold
                   if not any(_place_hit(g, p) for p in predicted))
    correct = sum(any(_place_hit(g, p) for g in gold) for p in predicted)
    return PartScore("places", len(gold) - len(misses), len(gold), correct, len(predicted), misses)


def score_reading(gold: dict[str, Any], reading: dict[str, Any]) -> Report:
    """Compare ``reading`` (output-contract JSON) with ``gold`` (golden-file JSON)."""
    if isinstance(reading, list):
        reading = reading[0] if reading else {}
    events, dated, required = _score_events(gold.get("events") or [], reading.get("events") or [])
    parts = (
        events,
        _score_quotes(gold.get("quotes") or [], reading.get("quotes") or []),
        _score_actors(gold.get("actors") or [], reading.get("actors") or []),
        _score_dates(gold.get("dates") or [], reading.get("dates") or []),
        _score_places(gold.get("places") or [], reading.get("places") or []),
    )
    return Report(parts=parts, events_dated=dated, events_required=required)
