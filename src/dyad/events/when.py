"""When and where an event happened.

Date, in order:
1. the time expression that governs the trigger (``dyad.dates.date_for`` when that stage has
   it, else the nearest one attached to the trigger's clause or to a clause above it: "met
   Thursday with Lukashenko, who was quoted as thanking Xi" dates the thanks too);
2. for a report in the past tense ("Putin said", "Xi told Putin"), the article's reference
   time: the last day-precise date a main clause set before it, if within
   ``REFERENCE_WINDOW_DAYS`` before publication ("met on Thursday ... Putin said ..." -> Thursday);
3. the article's date, for past, present and perfect reports alike (news reports what
   happened recently);
4. ``None`` when the article has no date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dyad import dates as dates_stage
from dyad import places as places_stage
from dyad.records import DateRef, Place, Precision

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: A main-clause date counts as the narrative's "now" only if it is this close before the
#: article's date: news of "Thursday" in a Friday paper, not "in 2014".
REFERENCE_WINDOW_DAYS = 7
#: How far up the parse a date is looked for.
MAX_STEPS = 12

_VERBS = frozenset({"VERB", "AUX"})
_NONFINITE_ARCS = frozenset({"xcomp", "advcl", "acl", "pcomp", "conj"})


def _is_bare(verb: Token) -> bool:
    """A verb without a subject of its own (to-infinitive, gerund, shared-subject conjunct)."""
    return not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def owner(token: Token, triggers: frozenset[int]) -> Token:
    """The clause (verb or event noun) a date or place token belongs to."""
    node, steps = token, 0
    while node.head != node and steps < MAX_STEPS:
        node, steps = node.head, steps + 1
        if node.i in triggers or node.pos_ in _VERBS:
            if node.pos_ in _VERBS and node.dep_ in _NONFINITE_ARCS and _is_bare(node) \
                    and node.dep_ != "conj" and node.head != node:
                continue  # "to take part ... last month": the date is the sending's
            return node
    return node


class Dater:
    """Dates events of one article (holds its dates and reference times)."""

    def __init__(self, doc: Doc, dates: Sequence[DateRef], published: str | None,
                 triggers: frozenset[int]) -> None:
        self.doc = doc
        self.dates = tuple(dates)
        self.triggers = triggers
        self.published = _parse_day(published)
        self._owned: dict[int, list[DateRef]] = {}
        self._references: list[tuple[int, DateRef]] = []
        for date in self.dates:
            if not date.resolved:
                continue
            span = doc.char_span(date.start, date.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = owner(span.root, triggers)
            self._owned.setdefault(head.i, []).append(date)
            if self._is_reference(date, head):
                self._references.append((date.start, date))

    def _is_reference(self, date: DateRef, head: Token) -> bool:
        day = _parse_day(date.resolved)
        if day is None or (date.precision not in (None, "day")) or self.published is None:
            return False
        if not (self.published - dt.timedelta(days=REFERENCE_WINDOW_DAYS) <= day <= self.published):
            return False
        return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")

    def governing(self, trigger: Token) -> DateRef | None:
        found = None
        date_for = getattr(dates_stage, "date_for", None)
        if date_for is not None:
            found = date_for(trigger, self.dates, self.doc)
            if found is not None and found.resolved:
                return found
        node, steps = trigger, 0
        while steps < MAX_STEPS:
            owned = self._owned.get(node.i)
            if owned:
                return min(owned, key=lambda d: abs(d.start - trigger.idx))
            if node.head == node:
                return None
            node, steps = node.head, steps + 1
        return None

    def date(self, trigger: Token, tense_token: Token) -> tuple[str | None, Precision | None]:
        """(ISO date, precision) of the event ``trigger`` carries; see the module docstring."""
        governing = self.governing(trigger)
        if governing is not None and governing.resolved:
            return governing.resolved, governing.precision or _precision(governing.resolved)
        if self.published is None:
            return None, None
        if _is_past(tense_token):
            reference = None
            for start, date in self._references:
                if start >= trigger.idx:
                    break
                reference = date
            if reference is not None:
                return reference.resolved, "day"
        return self.published.isoformat(), "day"


def place(trigger: Token, places: Sequence[Place], doc: Doc) -> Place | None:
    """The place governing ``trigger`` (``dyad.places.place_for``), if that stage is there."""
    place_for = getattr(places_stage, "place_for", None)
    if place_for is None or not places:
        return None
    return place_for(trigger, tuple(places), doc)


def _is_past(token: Token) -> bool:
    if token.tag_ == "VBD":
        return True
    aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("has", "have", "'ve", "'s") for a in aux):
        return False  # present perfect: up to now
    return any(a.tag_ == "VBD" for a in aux)


def _parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _precision(resolved: str) -> Precision:
    return {4: "year", 7: "month"}.get(len(resolved), "day")  # type: ignore[return-value]
