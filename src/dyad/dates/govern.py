"""Which time expression dates an event: the one in its trigger's clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyad.records import DateRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: How far up the parse a time expression is followed to its clause's verb.
MAX_STEPS = 10
_VERB_POS = frozenset({"VERB", "AUX"})


def _clause_path(token: Token) -> list[Token]:
    """``token`` and its heads up to (and with) the first verb that isn't an auxiliary."""
    path = [token]
    steps = 0
    while steps < MAX_STEPS:
        if token.pos_ in _VERB_POS and token.dep_ not in ("aux", "auxpass"):
            break
        if token.head.i == token.i:
            break
        token = token.head
        path.append(token)
        steps += 1
    return path


def date_for(token: Token, dates: tuple[DateRef, ...], doc: Doc) -> DateRef | None:
    """The time expression governing the event trigger ``token``, else ``None``.

    A date governs when it hangs under the trigger ("met ... on Thursday", "the meeting on
    Thursday") or under a word of the trigger's clause ("met the leaders ... earlier
    Thursday", "took part in military exercises last month" for the trigger "exercises").
    A verb joined to another by "and" shares that verb's date when it has none of its own.
    The event layer falls back to the dateline when this returns ``None``.
    """
    candidates = []
    sent = token.sent
    for date in dates:
        if date.end <= sent.start_char or date.start >= sent.end_char:
            continue  # another sentence: skipped before the costly char_span (long articles)
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is None or not len(span) or span.sent.start != token.sent.start \
                or _crosses_line(doc, span.root.i, token.i):
            continue
        candidates.append((span.root, date))
    if not candidates:
        return None
    clause = _clause_path(token)[-1]
    seen = set()
    while clause is not None and clause.i not in seen:
        seen.add(clause.i)
        best: tuple[int, DateRef] | None = None
        for root, date in candidates:
            path = _clause_path(root.head if root.head.i != root.i else root)
            if token not in path and path[-1] != clause:
                continue
            distance = 0 if token in path else abs(root.i - token.i)
            if best is None or distance < best[0]:
                best = (distance, date)
        if best is not None:
            return best[1]
        clause = clause.head if clause.dep_ == "conj" and clause.head.i != clause.i else None
    return None


def _crosses_line(doc: Doc, a: int, b: int) -> bool:
    """Is there a line break between tokens ``a`` and ``b``? (The small model's sentences
    can run across a headline or a photo credit into the body.)"""
    low, high = min(a, b), max(a, b)
    return any(t.is_space and "\n" in t.text for t in doc[low:high])
