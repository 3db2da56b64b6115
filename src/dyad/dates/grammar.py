"""Time expressions as a small grammar over spaCy tokens.

``scan(doc)`` walks the tokens and, at each one, tries to read a time expression: a leading
preposition ("on", "in", "since" ...), modifiers ("last", "earlier", "early", "mid-"), then a
core (a weekday, a month with or without day and year, a year, a decade, "yesterday", "last
month", "two years ago"), or a range of two ("from May to July", "between 2014 and 2016").
Each hit is an :class:`Expr` saying *what* was written; resolving it against the dateline is
``resolve.py``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Kind = Literal["weekday", "date", "year", "decade", "relative", "ago", "vague", "range"]
Lean = Literal["past", "future"]

WEEKDAYS = {name: n for n, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
#: Month names that are also common words ("may", "march"): they count only next to a date
#: word or number, after a preposition, or inside a spaCy DATE entity.
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
#: Abbreviations count only with their dot ("Sept.") or before a day or year ("Dec 5").
ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                           "oct", "nov", "dec"})
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100}
VAGUE_NUMBERS = frozenset({"few", "several", "some", "many"})
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "weekend": "weekend",
         "month": "month", "months": "month", "year": "year", "years": "year",
         "decade": "decade", "decades": "decade"}
DEICTIC = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
#: "last Friday", "next month": the offset, and whether it excludes the dateline's own day.
SHIFTERS = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
PREPOSITIONS = frozenset({"on", "in", "since", "by", "until", "till", "from", "during",
                          "between", "before", "after", "through", "throughout", "as of",
                          "for", "over"})
#: Words before a core that say which side of the dateline it is on ("earlier Thursday").
LEANERS: dict[str, Lean] = {"earlier": "past", "later": "future"}
PARTS = frozenset({"early", "mid", "late"})
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
RANGE_JOINERS = frozenset({"to", "through", "until", "till", "-", "\u2013", "and"})

#: Entity labels whose tokens are names, not dates ("Sunday Times", "Good Friday Agreement").
NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "FAC",
                         "GPE", "NORP", "LOC"})

_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?$")
_YEAR = re.compile(r"\d{4}$")
_DECADE = re.compile(r"(\d{3})0s$")
_PART_WORD = re.compile(r"(?:early|mid|late)-(\w+)$")  # one token: "mid-2005", "mid-February"
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")
#: Years dyad reads as years; other four-digit numbers are counts ("3000 troops").
MIN_YEAR, MAX_YEAR = 1000, 2999
#: The words a core can start with when it holds no digit (``_Reader.core``, branch by branch):
#: a quick test that skips the grammar at most tokens.
_STARTERS = frozenset({*LEANERS, *PARTS, *SHIFTERS, *DEICTIC, *WEEKDAYS, *MONTHS, *NUMBERS, *VAGUE_NUMBERS,
                       "the", "a"})
_PART_PREFIXES = tuple(f"{part}-" for part in sorted(PARTS))


@dataclass(frozen=True, slots=True)
class Expr:
    """What a time expression says, before it is placed on the calendar."""

    kind: Kind
    weekday: int | None = None  # 0 = Monday
    month: int | None = None
    day: int | None = None
    year: int | None = None
    unit: str | None = None  # relative/ago: day, week, weekend, month, year, decade
    offset: int = 0  # relative: -1 last, 0 this, +1 next; ago: how many units back
    strict: bool = False  # "last Friday"/"next Friday": never the dateline's own day
    lean: Lean | None = None  # which side of the dateline the words themselves point to
    first: Expr | None = None  # range ends
    second: Expr | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """A time expression found at tokens [start, end)."""

    start: int
    end: int
    expr: Expr


def _word(token: Token) -> str:
    return token.lower_.rstrip(".")


class _Reader:
    """Reads expressions from a Doc; positions are token indices."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        # every token's text and word, read once: the grammar asks for them at each position
        self.texts: list[str] = []
        self.words: list[str] = []
        for token in doc:
            self.texts.append(token.text)
            self.words.append(_word(token))
        # whether a core can start at each token: every branch of ``core`` needs one of these
        self.may_start = [w in _STARTERS or w.startswith(_PART_PREFIXES) or any(c.isdigit() for c in w)
                          for w in self.words]
        self.blocked = [False] * self.n
        self.in_date = [False] * self.n
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                if ent.label_ in NAME_LABELS:
                    self.blocked[i] = True
                elif ent.label_ == "DATE":
                    self.in_date[i] = True

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    # -- cores ------------------------------------------------------------------------------
    def month_at(self, i: int) -> int | None:
        if i >= self.n or self.blocked[i]:
            return None
        text, word = self.texts[i], self.words[i]
        month = MONTHS.get(word)
        if month is None or not text[:1].isupper():
            return None
        dated = self.day_at(i + 1) is not None or self.year_at(i + 1) is not None
        if word in ABBREVIATIONS and not text.endswith(".") and not dated:
            return None  # "Mar", "Dec", "Jan" alone are names more often than months
        if word in AMBIGUOUS_MONTHS:
            token = self.doc[i]
            if token.tag_ == "MD" or token.tag_.startswith("VB"):
                return None
            if token.is_sent_start and not dated:
                return None  # "March organisers said ..."
            before = self.word(i - 1)
            if not (dated or self.in_date[i] or before in PREPOSITIONS or before in PARTS
                    or before in SHIFTERS or before in ("of", "-")):
                return None
        return month

    def day_at(self, i: int) -> int | None:
        if i >= self.n:
            return None
        match = _DAY.match(self.texts[i])
        if not match:
            return None
        day = int(match.group(1))
        return day if 1 <= day <= 39 else None  # 32-39 are kept to be reported impossible

    def year_at(self, i: int) -> int | None:
        if i >= self.n or not _YEAR.match(self.texts[i]):
            return None
        year = int(self.texts[i])
        return year if MIN_YEAR <= year <= MAX_YEAR else None

    def number_at(self, i: int) -> int | None:
        word = self.word(i)
        if word.isdecimal():  # not isdigit: "²" is a digit int() refuses
            return int(word)
        return NUMBERS.get(word)

    def core(self, i: int, *, prep: str = "") -> tuple[int, Expr] | None:
        """A core expression starting at token ``i``: (end, expr)."""
        if i >= self.n or self.blocked[i] or not self.may_start[i]:
            return None
        word = self.word(i)
        if word in LEANERS and i + 1 < self.n:
            inner = self.core(i + 1, prep=prep)
            if inner is not None:
                end, expr = inner
                return end, replace(expr, lean=expr.lean or LEANERS[word])
            if self.word(i + 1) == "on":  # "earlier on Thursday"
                inner = self.core(i + 2, prep="on")
                if inner is not None:
                    end, expr = inner
                    return end, replace(expr, lean=expr.lean or LEANERS[word])
            return None
        if word in PARTS:  # "early February", "mid-2023", "late last year"
            j = i + 2 if self.word(i + 1) == "-" else i + 1
            inner = self.core(j, prep=prep)
            if inner is not None and inner[1].kind in ("date", "year", "relative", "weekday"):
                return inner
            return None
        if word in SHIFTERS:
            return self._shifted(i, SHIFTERS[word])
        if word == "the" and self.word(i + 1) == "weekend":
            return i + 2, Expr("relative", unit="weekend", offset=0)
        part = _PART_WORD.match(word)
        if part:
            rest = part.group(1)
            if rest in MONTHS and len(rest) > 3:
                return i + 1, Expr("date", month=MONTHS[rest])
            if _YEAR.match(rest) and MIN_YEAR <= int(rest) <= MAX_YEAR:
                return i + 1, Expr("year", year=int(rest))
            return None
        if word in DEICTIC:
            return i + 1, Expr("relative", unit="day", offset=DEICTIC[word],
                               lean="past" if DEICTIC[word] < 0 else
                               "future" if DEICTIC[word] > 0 else None)
        if word in WEEKDAYS:
            return self._weekday(i)
        if self.month_at(i) is not None:
            return self._month_first(i)
        if self.day_at(i) is not None and self.month_at(i + 1) is not None:
            return self._day_first(i, i + 1)
        if word == "the" and self.day_at(i + 1) and self.word(i + 2) == "of" \
                and self.month_at(i + 3) is not None:
            return self._day_first(i + 1, i + 3)
        iso = _ISO.match(self.texts[i])
        if iso:
            return i + 1, Expr("date", year=int(iso.group(1)), month=int(iso.group(2)),
                               day=int(iso.group(3)))
        ago = self._ago(i)
        if ago is not None:
            return ago
        if word == "the" and _DECADE.match(self.word(i + 1)):
            return i + 2, Expr("decade", year=int(self.word(i + 1)[:4]))
        if _DECADE.match(word):
            return i + 1, Expr("decade", year=int(word[:4]))
        year = self.year_at(i)
        if year is not None and self._year_licensed(i, prep):
            return i + 1, Expr("year", year=year)
        return None

    def _year_licensed(self, i: int, prep: str) -> bool:
        """A bare four-digit number is a year after a preposition or inside a DATE entity,
        unless it counts a noun ("in 2001 troops" is a number)."""
        if self.doc[i].dep_ == "nummod" and self.doc[i].head.pos_ == "NOUN" \
                and self.doc[i].head.i > i:
            return False
        return bool(prep) or self.in_date[i] or self.word(i - 1) in PARTS \
            or self.word(i - 1) in ("-", "of")

    def _weekday(self, i: int) -> tuple[int, Expr]:
        weekday = WEEKDAYS[self.word(i)]
        end = i + 1
        # "Thursday, Sept. 15, 2022": the date, checked against the weekday later
        if self.word(end) == "," and self.month_at(end + 1) is not None:
            dated = self._month_first(end + 1)
            if dated[1].day is not None:
                return dated[0], replace(dated[1], weekday=weekday)
        if self.word(end) in DAY_PARTS:
            end += 1
        return end, Expr("weekday", weekday=weekday)

    def _month_first(self, i: int) -> tuple[int, Expr]:
        month = self.month_at(i)
        end = i + 1
        day = self.day_at(end)
        if day is not None and self.year_at(end) is None:
            end += 1
            last = self.day_at(end + 1) if self.word(end) in ("-", "\u2013") else None
            if last is not None and last > day:  # "Sept. 20-22": a range of days
                first = Expr("date", month=month, day=day)
                return end + 2, Expr("range", first=first,
                                     second=Expr("date", month=month, day=last))
            if self.word(end) == "," and self.year_at(end + 1) is not None:
                return end + 2, Expr("date", month=month, day=day, year=self.year_at(end + 1))
            if self.year_at(end) is not None:
                return end + 1, Expr("date", month=month, day=day, year=self.year_at(end))
            return end, Expr("date", month=month, day=day)
        if self.year_at(end) is not None:
            return end + 1, Expr("date", month=month, year=self.year_at(end))
        if self.word(end) == "of" and self.year_at(end + 1) is not None:
            return end + 2, Expr("date", month=month, year=self.year_at(end + 1))
        return end, Expr("date", month=month)

    def _day_first(self, d: int, m: int) -> tuple[int, Expr]:
        day, month = self.day_at(d), self.month_at(m)
        end = m + 1
        if self.word(end) == "," and self.year_at(end + 1) is not None:
            end += 1
        if self.year_at(end) is not None:
            return end + 1, Expr("date", month=month, day=day, year=self.year_at(end))
        return m + 1, Expr("date", month=month, day=day)

    def _shifted(self, i: int, offset: int) -> tuple[int, Expr] | None:
        """"last Friday", "next October", "this week", "last year"."""
        word = self.word(i + 1)
        lean: Lean | None = "past" if offset < 0 else "future" if offset > 0 else None
        if word in WEEKDAYS:
            end = i + 2 + (self.word(i + 2) in DAY_PARTS)
            return end, Expr("weekday", weekday=WEEKDAYS[word], strict=offset != 0, lean=lean)
        month = self.month_at(i + 1)
        if month is not None:
            return i + 2, Expr("date", month=month, strict=offset != 0, lean=lean)
        if word in ("week", "weekend", "month", "year"):
            return i + 2, Expr("relative", unit=word, offset=offset, lean=lean)
        return None

    def _ago(self, i: int) -> tuple[int, Expr] | None:
        """"two years ago", "a week ago", "several months ago" (vague: no value)."""
        word = self.word(i)
        count = self.number_at(i)
        j = i + 1
        if word in VAGUE_NUMBERS or (word == "a" and self.word(j) == "few"):
            j = i + 2 if word == "a" else i + 1
            if UNITS.get(self.word(j)) and self.word(j + 1) == "ago":
                return j + 2, Expr("vague", lean="past")
            return None
        if count is None or not UNITS.get(self.word(j)) or self.word(j + 1) != "ago":
            return None
        return j + 2, Expr("ago", unit=UNITS[self.word(j)], offset=count, lean="past")

    # -- whole expressions -----------------------------------------------------------------
    def expression(self, i: int) -> Hit | None:
        word = self.word(i)
        prep = ""
        start = i
        if word in LEANERS and self.word(i + 1) in PREPOSITIONS:
            core = self.core(i)
            return None if core is None else Hit(start, core[0], core[1])
        if word == "as" and self.word(i + 1) == "of":
            prep, i = "as of", i + 2
        elif word in PREPOSITIONS:
            prep, i = word, i + 1
        core = self.core(i, prep=prep)
        if core is None:
            return None
        end, expr = core
        if prep in ("from", "between") or (not prep and expr.kind in ("date", "year")):
            ranged = self._range(end, expr, prep)
            if ranged is not None:
                end, expr = ranged
        if prep == "since":
            expr = replace(expr, lean=expr.lean or "past")
        return Hit(start, end, expr)

    def _range(self, end: int, first: Expr, prep: str) -> tuple[int, Expr] | None:
        joiner = self.word(end)
        if joiner not in RANGE_JOINERS or (joiner == "and") != (prep == "between"):
            return None
        if not prep and joiner not in ("-", "\u2013"):
            return None  # "May to July" alone is too loose; "2014-2016" is a range
        core = self.core(end + 1, prep="to")
        if core is None or core[1].kind not in ("date", "year", "weekday", "decade"):
            return None
        return core[0], Expr("range", first=first, second=core[1])


def scan(doc: Doc) -> list[Hit]:
    """Every time expression the grammar reads in ``doc``, in text order, not overlapping."""
    reader = _Reader(doc)
    hits: list[Hit] = []
    i = 0
    while i < reader.n:
        hit = reader.expression(i)
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        i = hit.end
    return hits
