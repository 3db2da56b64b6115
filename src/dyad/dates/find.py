"""Find an article's time expressions and resolve them against its dateline."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import TYPE_CHECKING

from dyad.dates.grammar import AMBIGUOUS_MONTHS, Expr, Hit, scan
from dyad.dates.resolve import Unresolvable, resolve
from dyad.dates.tense import orientation
from dyad.nlp import doc_text
from dyad.records import Article, DateRef

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: Publication dates outside these years are garbage (a zero date, a parsing slip).
MIN_PUBLISHED_YEAR, MAX_PUBLISHED_YEAR = 1800, 2200
#: Words spaCy puts at the edges of DATE entities that belong to the sentence, not the date.
_EDGE_WORDS = frozenset({"the", "a", "an", "and", "or", "of", ",", "-", "."})
_HAS_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def parse_published(value: str | None) -> tuple[dt.date | None, str | None]:
    """The dateline of an ISO 8601 date or datetime string, and a warning when there is none."""
    if value is None or not str(value).strip():
        return None, "no publication date: relative dates are left unresolved"
    text = str(value).strip()
    parsed: dt.date | None = None
    try:
        parsed = dt.datetime.fromisoformat(text).date()
    except ValueError:
        try:
            parsed = dt.date.fromisoformat(text[:10])
        except ValueError:
            parsed = None
    if parsed is None or not MIN_PUBLISHED_YEAR <= parsed.year <= MAX_PUBLISHED_YEAR:
        return None, (f"publication date {text[:40]!r} is not an ISO 8601 date: relative "
                      "dates are left unresolved")
    return parsed, None


def find_dates(doc: Doc, article: Article, *, warnings: list[str] | None = None,
               ) -> tuple[DateRef, ...]:
    """Time expressions of ``doc`` (parsed from ``article.text``), resolved against
    ``article.published``, in text order.

    Reads: the Doc's tokens, DATE entities, morphology and dependency parse. Each DateRef's
    ``text`` includes a leading preposition ("on Thursday", "in early February"); its
    ``resolved`` value is ISO 8601 at the precision the text supports (see resolve.py), or
    ``None`` when the text gives no value or the value would be impossible or absurd.
    Reasons for missing values are appended to ``warnings`` when a list is passed.
    """
    anchor, problem = parse_published(article.published)
    notes: list[str] = []
    source = doc_text(doc, article.text)  # Doc.text joins every token on each access
    hits = scan(doc)
    found: list[DateRef] = []
    unanchored = 0
    for hit in hits:
        start, end = doc[hit.start].idx, doc[hit.end - 1].idx + len(doc[hit.end - 1])
        text = source[start:end]
        lean = orientation(doc[hit.start:hit.end].root)
        try:
            value = resolve(hit.expr, anchor, lean)
        except Unresolvable as exc:
            if anchor is None and _relative(hit.expr):
                unanchored += 1
            else:
                notes.append(f"date {text!r} at {start}: {exc}")
            value = None
        found.append(DateRef(text=text, start=start, end=end,
                             resolved=None if value is None else value.text,
                             precision=None if value is None else value.precision))
    found.extend(_entity_dates(doc, source, hits))
    if unanchored and problem:
        notes.append(f"{problem} ({unanchored} left)")
    for note in notes:
        log.debug("article %s: %s", article.id, note)
    if warnings is not None:
        warnings.extend(notes)
    found.sort(key=lambda d: d.start)
    return tuple(found)


def _relative(expr: Expr) -> bool:
    """Does ``expr`` need a dateline ("on Thursday", "in October", "last month")?"""
    if expr.kind == "range":
        return _relative(expr.first) or _relative(expr.second)
    return expr.kind in ("weekday", "relative", "ago") or (expr.kind == "date"
                                                           and expr.year is None)


def _entity_dates(doc: Doc, source: str, hits: list[Hit]) -> list[DateRef]:
    """spaCy DATE entities the grammar did not read ("recent years", "the past eight decades",
    "the summer of 2020"), trimmed at line breaks; a lone year in one is its value."""
    covered = set()
    for hit in hits:
        covered.update(range(hit.start, hit.end))
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(i in covered for i in range(ent.start, ent.end)):
            continue
        start, end = ent.start, ent.end
        for i in range(start, end):
            if "\n" in doc[i].text:
                end = i
                break
        while start < end and (doc[start].is_space or doc[start].lower_ in _EDGE_WORDS):
            start += 1
        while end > start and (doc[end - 1].is_space or doc[end - 1].lower_ in _EDGE_WORDS):
            end -= 1
        if start >= end or _counts_a_noun(doc[start:end]):
            continue
        if end - start == 1 and doc[start].lower_ in AMBIGUOUS_MONTHS:
            continue  # "March organisers said": the grammar already turned this word down
        begin, stop = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        text = source[begin:stop]
        years = _FOUR_DIGITS.findall(text)
        resolved = years[0] if len(years) == 1 and _HAS_DIGIT.search(text) else None
        if resolved is not None and not 1000 <= int(resolved) <= 2999:
            resolved = None
        found.append(DateRef(text=text, start=begin, end=stop, resolved=resolved,
                             precision="year" if resolved else None))
    return found


def _counts_a_noun(span) -> bool:  # noqa: ANN001 - a spaCy Span
    """"2001 tonnes": a lone number the model took for a year but that counts a noun ("a 2014
    referendum", "the 2001 attacks" name a year: a determiner comes first)."""
    if len(span) != 1:
        return False
    token = span[0]
    determined = token.i > 0 and token.doc[token.i - 1].tag_ in ("DT", "PRP$", "POS")
    return (token.dep_ == "nummod" and token.head.i > token.i and token.head.pos_ == "NOUN"
            and not determined)
