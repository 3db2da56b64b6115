"""Find the stretches of text inside quotation marks, paragraph by paragraph. No spaCy here.

Mark conventions read (each a *shape*; marks of one shape pair with each other):

- double marks: straight ``"``; curly ``“ ”`` and low ``„ ‟``; guillemets ``« »`` (either way
  round); two apostrophes ``''...''`` (the NYT archive form, LexisNexis); two backticks closed by two
  apostrophes ````...''`` (Penn Treebank text);
- single marks: curly ``‘ ’``, straight ``'`` and a backtick opening (```...'``).

The *primary* family of a paragraph (double or single) is chosen by counting the pairs each
family forms there: single marks are the quotation marks of a paragraph whose double marks form
no pair, or whose first single pair encloses its first double pair (British style: ``‘He called it
“absurd”,’ she said``); otherwise single marks are nested quotes or apostrophes and are left
alone. A quote carried on from the paragraph before keeps its family. A headline
(``is_headline``, or a paragraph the caller names as a heading) in an article that holds double
marks keeps to double marks (US headlines put single marks around speech). Marks of the other
family never open or close anything.

Whether a mark opens or closes is read from its context first (space or start before it and a
letter after it opens; a letter or punctuation before it and space, punctuation or the end
after it closes) and from its shape second, so ``”Mr. Trump`` opens and a straight ``"`` after
``said,`` opens. An apostrophe between letters (``Xi’s``, ``don't``) is no mark, and neither is a
single closing mark after ``s`` that the next single mark shows to be a possessive (``the
players' union``), nor one before a digit (``the ’90s``). Pairing, per paragraph, with a stack:

- an opening mark of the same shape as the still-open top-level one means the earlier quote
  was never closed: it ends before the new mark (``"Yes, he said. "No."``);
- an opening mark of a different shape inside an open quote is a nested quote (``« ... “...” ... »``);
- a closing mark closes the innermost open quote of its shape (or the innermost, if none);
- a closing mark with nothing open is a stray: when the previous paragraph ended inside a quote,
  the stretch from this paragraph's start up to the stray mark continues it (a paragraph broken
  inside a quote), else it is ignored;
- a quote still open at its paragraph's end stops there. When the next paragraph starts with an
  opening mark, that paragraph's first quote continues it (the newspaper convention for quotes of
  several paragraphs: no closing mark at the end of every paragraph but the last). A single mark
  left open is a quote only when the next paragraph continues it (else it was an apostrophe:
  ``the ’90s``).

So no stretch ever runs past its paragraph's end, and a quote carried on by a stray closing
mark never runs past the end of the following paragraph. Each stretch is one ``Piece``; the
pieces of one multi-paragraph quote share a ``chain`` number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["open", "close", "either"]
Family = Literal["double", "single"]

DOUBLE_OPENERS = "“„«‟"
DOUBLE_CLOSERS = "”»"
STRAIGHT = '"'
SINGLE_OPENERS = "‘`"
SINGLE_CLOSERS = "’"
APOSTROPHE = "'"
# every mark, longest first: two backticks or two apostrophes are one double mark
_MARK = re.compile(r"``|''|[\"“”„‟«»‘’'`]")
# the shape of each mark (marks pair only within a shape; see the module docstring)
_SHAPES = {'"': "straight", "“": "curly", "”": "curly", "„": "curly", "‟": "curly", "«": "guillemet",
           "»": "guillemet", "``": "apostrophes", "''": "apostrophes", "‘": "single", "’": "single",
           "'": "single", "`": "single"}
# marks that can only open whatever stands around them
_ALWAYS_OPEN = ("``", "`")
# characters after which a mark is at the start of a word (so it opens)
_OPEN_LEFT = set("([{—–-/") | set(DOUBLE_OPENERS) | set(SINGLE_OPENERS)
# characters before which a mark is at the end of a word (so it closes)
_CLOSE_RIGHT = set(",.;:!?)]}—–-/…") | set(DOUBLE_CLOSERS) | set(SINGLE_CLOSERS) | {APOSTROPHE, STRAIGHT}
# letters after which a single closing mark may be a possessive apostrophe (the players' union)
_POSSESSIVE_BEFORE = "sSzZ"

# A paragraph of at most this many words with this share of its longer words capitalised is a
# headline ("Trump Was ‘Mocking’ Clinton Camp."): headlines use single marks where the body of the
# same article uses double ones, so there single marks stay primary only when the paragraph holds no
# double marks and the article none either.
HEADLINE_MAX_WORDS = 30
HEADLINE_CAPITALISED = 0.75
# words this short (of, to, a, in) are left lower case in a headline and are not counted
HEADLINE_SMALL_WORD = 3
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")

# punctuation at the very end of a quote that belongs to the surrounding sentence
TRAILING_PUNCTUATION = ",;"
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text inside quotation marks, within one paragraph.

    ``start``/``end`` are the offsets of the text inside the marks (whitespace trimmed);
    A comma or semicolon just inside the closing mark (``"...," he said``) is left out.
    ``open_at``/``close_at`` the offsets of the marks (``None`` when the stretch has no mark on
    that side: a quote left open at its paragraph's end, or continued from the one before);
    ``open_len``/``close_len`` their lengths (2 for ``''`` and ``````).
    """

    start: int
    end: int
    paragraph: int
    chain: int
    open_at: int | None
    close_at: int | None
    open_len: int = 1
    close_len: int = 1


@dataclass(frozen=True, slots=True)
class Mark:
    """One quotation mark of a paragraph: offsets, family, shape and its role from context."""

    at: int
    end: int
    family: Family
    shape: str
    role: Role


@dataclass(slots=True)
class _Open:
    at: int
    end: int
    shape: str


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


def marks_in(text: str, lo: int, hi: int) -> list[Mark]:
    """Every quotation mark of ``text[lo:hi]`` with its role (apostrophes inside words left out)."""
    out: list[Mark] = []
    pos = lo
    while True:
        match = _MARK.search(text, pos, hi)
        if match is None:
            return out
        at, end = match.start(), match.end()
        if match.group() == "''" and end < hi and text[end] == APOSTROPHE and at > lo and text[at - 1].isalnum():
            end = at + 1  # "the voters'''": the first apostrophe ends the word, the other two close
        pos = end
        mark = text[at:end]
        role = _role(text, at, end, lo, hi)
        if role is None:
            continue
        family: Family = "single" if _SHAPES[mark] == "single" else "double"
        out.append(Mark(at, end, family, _SHAPES[mark], role))


def _role(text: str, at: int, end: int, lo: int, hi: int) -> Role | None:
    """Whether the mark ``text[at:end]`` opens or closes, from its context within [lo, hi)."""
    mark = text[at:end]
    before = text[at - 1] if at > lo else None
    after = text[end] if end < hi else None
    if mark in (SINGLE_CLOSERS, APOSTROPHE) and before is not None and after is not None \
            and before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word (Xi’s, don't) is no mark
    if mark in (SINGLE_CLOSERS, APOSTROPHE) and after is not None and after.isdigit():
        return None  # an elided century (the ’90s, class of '08)
    if mark in _ALWAYS_OPEN:
        return "open"
    left_open = before is None or before.isspace() or before in _OPEN_LEFT
    right_closed = after is None or after.isspace() or after in _CLOSE_RIGHT
    if left_open and not right_closed:
        return "open"
    if right_closed and not left_open:
        return "close"
    if mark in DOUBLE_OPENERS or mark in SINGLE_OPENERS:
        return "open"
    if mark in DOUBLE_CLOSERS or mark in SINGLE_CLOSERS:
        return "close"
    return "either"


def _without_possessives(text: str, singles: list[Mark], hi: int) -> list[Mark]:
    """Single marks less the closing ones that are possessive apostrophes: after ``s`` and before
    a word, when the next single mark closes too (``‘The players’ union is strong,’ he said``)."""
    out = []
    for k, mark in enumerate(singles):
        nxt = singles[k + 1] if k + 1 < len(singles) else None
        if mark.role == "close" and text[mark.at - 1] in _POSSESSIVE_BEFORE and mark.end + 1 < hi \
                and text[mark.end] == " " and text[mark.end + 1].isalnum() \
                and nxt is not None and nxt.role in ("close", "either"):
            continue
        out.append(mark)
    return out


def _pairs(marks: list[Mark]) -> list[tuple[int, int]]:
    """(open, close) offsets of the pairs the marks form read left to right, nesting aside."""
    pairs = []
    open_at: int | None = None
    for mark in marks:
        if mark.role == "open" or (mark.role == "either" and open_at is None):
            if open_at is None:
                open_at = mark.at
        elif open_at is not None:
            pairs.append((open_at, mark.at))
            open_at = None
    return pairs


def primary_family(doubles: list[Mark], singles: list[Mark], *, continues_single: bool = False,
                   continued_single: bool = False) -> Family:
    """The family of marks that quotes a paragraph's speech (see the module docstring).

    ``continues_single``: the paragraph starts with a single mark and carries on a single-marked
    quote of the paragraph before; ``continued_single``: the next paragraph starts with an opening
    single mark (so an opening single mark left unclosed here is a quote of several paragraphs).
    """
    if continues_single and singles and singles[0].role == "open":
        return "single"
    single_pairs = _pairs(singles)
    if not single_pairs:
        unclosed = bool(singles) and singles[0].role == "open" and all(m.role == "open" for m in singles)
        return "single" if unclosed and continued_single and not _pairs(doubles) else "double"
    double_pairs = _pairs(doubles)
    if not double_pairs:
        return "single"
    (s_open, s_close), (d_open, d_close) = single_pairs[0], double_pairs[0]
    return "single" if s_open < d_open and d_close < s_close else "double"


def is_headline(text: str) -> bool:
    """Whether a paragraph reads as a headline: short, its longer words capitalised (see
    ``HEADLINE_CAPITALISED``)."""
    words = _WORDS.findall(text)
    if not words or len(words) > HEADLINE_MAX_WORDS:
        return False
    longer = [w for w in words if len(w) > HEADLINE_SMALL_WORD] or words
    return sum(w[0].isupper() for w in longer) >= HEADLINE_CAPITALISED * len(longer)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_pieces(text: str, paragraphs: list[tuple[int, int]] | None = None, *,
                headings: frozenset[int] = frozenset()) -> list[Piece]:
    """All top-level quoted stretches of ``text``, in order (see the module docstring).

    ``headings``: numbers of paragraphs known to be headings (the article's title repeated in its
    text), read like headlines.
    """
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    pieces: list[Piece] = []
    chains = 0
    carried: int | None = None  # chain of a quote left open at the previous paragraph's end
    carried_family: Family | None = None
    marks_of = [marks_in(text, lo, hi) for lo, hi in paragraphs]
    article_doubles = any(m.family == "double" for marks in marks_of for m in marks)
    for number, (lo, hi) in enumerate(paragraphs):
        doubles = [m for m in marks_of[number] if m.family == "double"]
        singles = _without_possessives(text, [m for m in marks_of[number] if m.family == "single"], hi)
        family = primary_family(doubles, singles,
                                continues_single=carried_family == "single" and bool(singles) and singles[0].at == lo,
                                continued_single=_opens_paragraph(marks_of, number + 1, paragraphs))
        if family == "single" and article_doubles and (number in headings or is_headline(text[lo:hi])):
            family = "double"  # a headline's single marks in an article quoted with double ones
        stack: list[_Open] = []
        chain: int | None = None  # chain of the quote open at top level
        first = True
        for mark in doubles if family == "double" else singles:
            role, shape, i = mark.role, mark.shape, mark.at
            if first and carried is not None and role in ("close", "either") and i > lo:
                # a paragraph broken inside a quote: the stretch up to this stray mark continues it
                first = False
                start, end = _trimmed(text, lo, i)
                while end > start and text[end - 1] in TRAILING_PUNCTUATION:
                    end -= 1
                if end > start and _has_word(text, start, end):
                    pieces.append(Piece(start, end, number, carried, None, i, close_len=mark.end - i))
                continue
            first = False
            if role == "either":
                role = "close" if stack and stack[-1].shape == shape else "open"
            if role == "open":
                if len(stack) == 1 and stack[0].shape == shape:
                    # the same shape again at top level: the earlier quote was never closed
                    _emit(pieces, text, stack[0], i, number, chain, None)
                    stack.clear()
                if not stack:
                    if i == lo and carried is not None:
                        chain = carried  # continues the quote of the previous paragraph
                    else:
                        chain = chains
                        chains += 1
                stack.append(_Open(i, mark.end, shape))
                continue
            if not stack:
                continue  # a stray closing mark
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].shape == shape),
                         len(stack) - 1)
            if depth == 0:
                _emit(pieces, text, stack[0], i, number, chain, mark)
                stack.clear()
            else:
                del stack[depth:]
        carried, carried_family = None, None
        if stack and (family == "double" or _opens_paragraph(marks_of, number + 1, paragraphs)) \
                and _emit(pieces, text, stack[0], hi, number, chain, None):
            # still open at the paragraph's end: the next paragraph may continue it
            carried, carried_family = chain, family
    return _renumber(pieces)


def _opens_paragraph(marks_of: list[list[Mark]], number: int, paragraphs: list[tuple[int, int]]) -> bool:
    """Whether paragraph ``number`` starts with an opening single mark (continuing a quote)."""
    if number >= len(paragraphs) or not marks_of[number]:
        return False
    mark = marks_of[number][0]
    return mark.at == paragraphs[number][0] and mark.family == "single" and mark.role == "open"


def _has_word(text: str, start: int, end: int) -> bool:
    return any(c.isalnum() for c in text[start:end])


def _emit(pieces: list[Piece], text: str, opened: _Open, end: int, paragraph: int,
          chain: int | None, closing: Mark | None) -> bool:
    """Add the piece between the mark ``opened`` and ``end`` (the closing mark's offset, or the
    paragraph's end when ``closing`` is ``None``); whether there was one (words)."""
    start, stop = _trimmed(text, opened.end, end)
    while stop > start and text[stop - 1] in TRAILING_PUNCTUATION:
        stop -= 1  # the comma of '"...," he said' belongs to the sentence, not the quote
    start, stop = _trimmed(text, start, stop)
    if stop > start and _has_word(text, start, stop):
        pieces.append(Piece(start, stop, paragraph, chain if chain is not None else -1, opened.at,
                            closing.at if closing is not None else None, opened.end - opened.at,
                            closing.end - closing.at if closing is not None else 1))
        return True
    return False


def _renumber(pieces: list[Piece]) -> list[Piece]:
    """Chain numbers 0, 1, 2 ... in order of first appearance."""
    numbers: dict[int, int] = {}
    out = []
    for p in pieces:
        n = numbers.setdefault(p.chain, len(numbers))
        out.append(Piece(p.start, p.end, p.paragraph, n, p.open_at, p.close_at, p.open_len, p.close_len))
    return out
