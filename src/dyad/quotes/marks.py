"""Find the stretches of text inside quotation marks, paragraph by paragraph. No spaCy here.

Marks: straight ``"``, curly ``“ ”``, low ``„`` and guillemets ``« »``. Single quotes
(``‘ ’ '``) are left alone inside a double-quoted stretch (they are nested quotes or
apostrophes); an article that has no double quotation marks at all is read with curly single
quotes ``‘ ’`` as its quotation marks (British style).

Whether a mark opens or closes is read from its context first (space or start before it and a
letter after it opens; a letter or punctuation before it and space, punctuation or the end
after it closes) and from its shape second, so ``”Mr. Trump`` opens and a straight ``"`` after
``said,`` opens. Pairing, per paragraph, with a stack:

- an opening mark of the same shape as the still-open top-level one means the earlier quote
  was never closed: it ends before the new mark (``"Yes, he said. "No."``);
- an opening mark of a different shape inside an open quote is a nested quote;
- a closing mark closes the innermost open quote of its shape (or the innermost, if none);
- a closing mark with nothing open is a stray: when the previous paragraph ended inside a quote,
  the stretch from this paragraph's start up to the stray mark continues it (a paragraph broken
  inside a quote), else it is ignored;
- a quote still open at its paragraph's end stops there. When the next paragraph starts with an
  opening mark, that paragraph's first quote continues it (the newspaper convention for quotes of
  several paragraphs: no closing mark at the end of every paragraph but the last).

So no stretch ever runs past its paragraph's end, and a quote carried on by a stray closing
mark never runs past the end of the following paragraph. Each stretch is one ``Piece``; the
pieces of one multi-paragraph quote share a ``chain`` number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["open", "close", "either"]

DOUBLE_OPENERS = "“„«‟"
DOUBLE_CLOSERS = "”»"
STRAIGHT = '"'
SINGLE_OPENERS = "‘"
SINGLE_CLOSERS = "’"
# characters after which a mark is at the start of a word (so it opens)
_OPEN_LEFT = set("([{—–-/") | set(DOUBLE_OPENERS) | set(SINGLE_OPENERS)
# characters before which a mark is at the end of a word (so it closes)
_CLOSE_RIGHT = set(",.;:!?)]}—–-/…") | set(DOUBLE_CLOSERS) | set(SINGLE_CLOSERS) | {"'", STRAIGHT}

# punctuation at the very end of a quote that belongs to the surrounding sentence
TRAILING_PUNCTUATION = ",;"
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text inside quotation marks, within one paragraph.

    ``start``/``end`` are the offsets of the text inside the marks (whitespace trimmed);
    A comma or semicolon just inside the closing mark (``"...," he said``) is left out.
    ``open_at``/``close_at`` the offsets of the marks (``None`` when the stretch has no mark on
    that side: a quote left open at its paragraph's end, or continued from the one before).
    """

    start: int
    end: int
    paragraph: int
    chain: int
    open_at: int | None
    close_at: int | None


@dataclass(slots=True)
class _Open:
    at: int
    shape: str  # "straight" | "curly" (any non-straight double mark) | "single"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end) offsets: stretches separated by blank lines, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _BLANK_LINE.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _shape(char: str) -> str:
    if char == STRAIGHT:
        return "straight"
    if char in SINGLE_OPENERS or char in SINGLE_CLOSERS or char == "'":
        return "single"
    return "curly"


def _role(text: str, i: int, lo: int, hi: int) -> Role | None:
    """Whether the mark at ``text[i]`` opens or closes, from its context within [lo, hi)."""
    char = text[i]
    before = text[i - 1] if i > lo else None
    after = text[i + 1] if i + 1 < hi else None
    left_open = before is None or before.isspace() or before in _OPEN_LEFT
    right_closed = after is None or after.isspace() or after in _CLOSE_RIGHT
    if (char in SINGLE_CLOSERS or char == "'") and before is not None and after is not None \
            and before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word (Xi’s, don't) is no mark
    if left_open and not right_closed:
        return "open"
    if right_closed and not left_open:
        return "close"
    if char in DOUBLE_OPENERS or char in SINGLE_OPENERS:
        return "open"
    if char in DOUBLE_CLOSERS or char in SINGLE_CLOSERS:
        return "close"
    return "either"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def uses_double_marks(text: str) -> bool:
    return any(c in text for c in DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT)


def find_pieces(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Piece]:
    """All top-level quoted stretches of ``text``, in order (see the module docstring)."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    marks = (DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT) if uses_double_marks(text) \
        else (SINGLE_OPENERS + SINGLE_CLOSERS)
    pieces: list[Piece] = []
    chains = 0
    carried: int | None = None  # chain of a quote left open at the previous paragraph's end
    for number, (lo, hi) in enumerate(paragraphs):
        stack: list[_Open] = []
        chain: int | None = None  # chain of the quote open at top level
        first = True
        for i in range(lo, hi):
            if text[i] not in marks:
                continue
            role = _role(text, i, lo, hi)
            if role is None:
                continue
            shape = _shape(text[i])
            if first and carried is not None and role in ("close", "either") and i > lo:
                # a paragraph broken inside a quote: the stretch up to this stray mark continues it
                first = False
                start, end = _trimmed(text, lo, i)
                while end > start and text[end - 1] in TRAILING_PUNCTUATION:
                    end -= 1
                if end > start and _has_word(text, start, end):
                    pieces.append(Piece(start, end, number, carried, None, i))
                continue
            first = False
            if role == "either":
                role = "close" if stack and stack[-1].shape == "straight" else "open"
            if role == "open":
                if len(stack) == 1 and stack[0].shape == shape:
                    # the same shape again at top level: the earlier quote was never closed
                    _emit(pieces, text, stack[0].at, i, number, chain, close_at=None)
                    stack.clear()
                if not stack:
                    if i == lo and carried is not None:
                        chain = carried  # continues the quote of the previous paragraph
                    else:
                        chain = chains
                        chains += 1
                stack.append(_Open(i, shape))
                continue
            if not stack:
                continue  # a stray closing mark
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].shape == shape),
                         len(stack) - 1)
            if depth == 0:
                _emit(pieces, text, stack[0].at, i, number, chain, close_at=i)
                stack.clear()
            else:
                del stack[depth:]
        carried = None
        if stack and _emit(pieces, text, stack[0].at, hi, number, chain, close_at=None):
            carried = chain  # still open at the paragraph's end: the next paragraph may continue it
    return _renumber(pieces)


def _has_word(text: str, start: int, end: int) -> bool:
    return any(c.isalnum() for c in text[start:end])


def _emit(pieces: list[Piece], text: str, open_at: int, end: int, paragraph: int,
          chain: int | None, *, close_at: int | None) -> bool:
    """Add the piece inside the marks at ``open_at`` .. ``end``; whether there was one (words)."""
    start, stop = _trimmed(text, open_at + 1, end)
    while stop > start and text[stop - 1] in TRAILING_PUNCTUATION:
        stop -= 1  # the comma of '"...," he said' belongs to the sentence, not the quote
    start, stop = _trimmed(text, start, stop)
    if stop > start and _has_word(text, start, stop):
        pieces.append(Piece(start, stop, paragraph, chain if chain is not None else -1,
                            open_at, close_at))
        return True
    return False


def _renumber(pieces: list[Piece]) -> list[Piece]:
    """Chain numbers 0, 1, 2 ... in order of first appearance."""
    numbers: dict[int, int] = {}
    out = []
    for p in pieces:
        n = numbers.setdefault(p.chain, len(numbers))
        out.append(Piece(p.start, p.end, p.paragraph, n, p.open_at, p.close_at))
    return out
