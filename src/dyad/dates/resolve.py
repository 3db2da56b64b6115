"""Place a time expression on the calendar relative to the article's dateline.

Values are ISO 8601 at the precision the text supports: a day ``2022-09-15``, a month
``2022-08``, a year ``2020``; a week, a weekend, a decade or a range of two is an ISO 8601
interval ``start/end`` of such values (``2022-09-05/2022-09-11``, ``2014/2016``) whose
precision is that of its ends. Nothing is ever placed relative to the machine's clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dyad.dates.grammar import Expr
from dyad.dates.tense import Orientation
from dyad.records import Precision

#: A past-tense event placed more than this many days after the dateline is a misreading
#: (or a typo in the text): no value. Two years leaves room for "by 2024" style slips.
MAX_PAST_AFTER_DATELINE_DAYS = 2 * 366
#: Years this far after the dateline are absurd in news whatever the tense.
MAX_YEARS_AHEAD = 100

_ORDER: dict[Precision, int] = {"day": 0, "month": 1, "year": 2}
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


class Unresolvable(ValueError):
    """The expression can't be given a value; the message says why (for the warnings)."""


@dataclass(frozen=True, slots=True)
class Value:
    text: str
    precision: Precision
    first: dt.date  # the earliest day the value covers, for sanity checks


def _day(d: dt.date) -> Value:
    return Value(d.isoformat(), "day", d)


def _month(year: int, month: int) -> Value:
    return Value(f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1))


def _year(year: int) -> Value:
    return Value(f"{year:04d}", "year", dt.date(year, 1, 1))


def _interval(a: Value, b: Value) -> Value:
    coarser = a.precision if _ORDER[a.precision] >= _ORDER[b.precision] else b.precision
    return Value(f"{a.text}/{b.text}", coarser, a.first)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + by
    return total // 12, total % 12 + 1


def _pick(back: int, forward: int, orientation: Orientation, strict: bool, cycle: int) -> int:
    """Signed distance to the chosen occurrence of a cyclic thing (weekday: cycle 7, month:
    12) that lies ``back`` steps before and ``forward`` steps after the dateline (0 = the
    dateline's own); ``strict`` ("last Friday") excludes the dateline's own."""
    if strict:
        back = back or None  # "last Friday" on a Friday is a week ago
        forward = forward or None
    if orientation == "past":
        return -(back if back is not None else cycle)
    if orientation == "future":
        return forward if forward is not None else cycle
    if back is None:
        return forward
    if forward is None:
        return -back
    return -back if back <= forward else forward


def resolve(expr: Expr, anchor: dt.date | None, orientation: Orientation) -> Value | None:
    """The calendar value of ``expr``; ``None`` when it is vague by nature ("recent years").

    Raises :class:`Unresolvable` when a value was meant but can't be had: an impossible date,
    a relative expression without a usable dateline, an absurd result.
    """
    if expr.lean is not None:
        orientation = expr.lean
    value = _resolve(expr, anchor, orientation)
    if value is not None and anchor is not None:
        if value.first.year > anchor.year + MAX_YEARS_AHEAD:
            raise Unresolvable(f"{value.text} is absurdly far after the dateline {anchor}")
        if orientation == "past" and (value.first - anchor).days > MAX_PAST_AFTER_DATELINE_DAYS:
            raise Unresolvable(f"{value.text} is more than two years after the dateline "
                               f"{anchor} for a past event")
    return value


def _need(anchor: dt.date | None) -> dt.date:
    if anchor is None:
        raise Unresolvable("relative to a publication date the article lacks")
    return anchor


def _resolve(expr: Expr, anchor: dt.date | None, orientation: Orientation) -> Value | None:
    kind = expr.kind
    if kind == "vague":
        return None
    if kind == "year":
        return _year(expr.year)
    if kind == "decade":
        return _interval(_year(expr.year), _year(expr.year + 9))
    if kind == "range":
        return _range(expr, anchor, orientation)
    if kind == "date":
        return _date(expr, anchor, orientation)
    if kind == "weekday":
        a = _need(anchor)
        back = (a.weekday() - expr.weekday) % 7
        forward = (expr.weekday - a.weekday()) % 7
        return _day(a + dt.timedelta(days=_pick(back, forward, orientation, expr.strict, 7)))
    if kind == "relative":
        return _relative(expr.unit, expr.offset, _need(anchor), orientation)
    if kind == "ago":
        return _ago(expr.unit, expr.offset, _need(anchor))
    raise Unresolvable(f"unknown kind of expression {kind!r}")


def _date(expr: Expr, anchor: dt.date | None, orientation: Orientation) -> Value:
    month, day, year = expr.month, expr.day, expr.year
    if day is not None and not _possible(month, day):
        raise Unresolvable(f"{_MONTH_NAMES[month - 1]} {day} is not a date")
    if year is not None:
        if day is None:
            return _month(year, month)
        try:
            value = dt.date(year, month, day)
        except ValueError:
            raise Unresolvable(f"{_MONTH_NAMES[month - 1]} {day}, {year} is not a date") from None
        if expr.weekday is not None and value.weekday() != expr.weekday:
            raise Unresolvable(f"{value} is not the weekday the text names")
        return _day(value)
    a = _need(anchor)
    if day is None:
        back = (a.month - month) % 12
        forward = (month - a.month) % 12
        steps = _pick(back, forward, orientation, expr.strict, 12)
        return _month(*_shift_month(a.year, a.month, steps))
    past = _occurrence(month, day, a, -1)
    future = _occurrence(month, day, a, +1)
    if orientation == "past" or future is None:
        return _day(past)
    if orientation == "future" or past is None:
        return _day(future)
    return _day(past if (a - past) <= (future - a) else future)


def _occurrence(month: int, day: int, a: dt.date, step: int) -> dt.date | None:
    """The nearest month/day on or before (step -1) or on or after (+1) ``a``; February 29
    may be up to four years away."""
    for k in range(5):
        try:
            value = dt.date(a.year + step * k, month, day)
        except ValueError:
            continue
        if (value - a).days * step >= 0:
            return value
    return None


def _possible(month: int, day: int) -> bool:
    return day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _week(monday: dt.date) -> Value:
    return _interval(_day(monday), _day(monday + dt.timedelta(days=6)))


def _relative(unit: str | None, offset: int, a: dt.date, orientation: Orientation) -> Value:
    if unit == "day":
        return _day(a + dt.timedelta(days=offset))
    if unit == "week":
        return _week(a - dt.timedelta(days=a.weekday()) + dt.timedelta(weeks=offset))
    if unit == "weekend":
        saturday = a - dt.timedelta(days=a.weekday()) + dt.timedelta(days=5, weeks=offset)
        if offset == 0 and orientation == "past" and a.weekday() < 5:
            saturday -= dt.timedelta(weeks=1)  # "over the weekend" in a Tuesday story
        return _interval(_day(saturday), _day(saturday + dt.timedelta(days=1)))
    if unit == "month":
        return _month(*_shift_month(a.year, a.month, offset))
    if unit == "year":
        return _year(a.year + offset)
    raise Unresolvable(f"no calendar unit {unit!r}")


def _ago(unit: str | None, count: int, a: dt.date) -> Value:
    if unit == "day":
        return _day(a - dt.timedelta(days=count))
    if unit in ("week", "weekend"):
        day = a - dt.timedelta(weeks=count)
        return _week(day - dt.timedelta(days=day.weekday()))
    if unit == "month":
        return _month(*_shift_month(a.year, a.month, -count))
    if unit == "year":
        return _year(a.year - count)
    if unit == "decade":
        return _year(a.year - 10 * count)
    raise Unresolvable(f"no calendar unit {unit!r}")


def _range(expr: Expr, anchor: dt.date | None, orientation: Orientation) -> Value:
    first, second = expr.first, expr.second
    assert first is not None and second is not None
    # "from May to July 2021": an end without a year borrows the other's
    if first.kind == "date" and first.year is None and second.year is not None:
        first = Expr("date", month=first.month, day=first.day, year=second.year)
    if second.kind == "date" and second.year is None and first.year is not None:
        second = Expr("date", month=second.month, day=second.day, year=first.year)
    a = _resolve(first, anchor, orientation)
    b = _resolve(second, anchor, orientation)
    if a is None or b is None:
        raise Unresolvable("one end of the range has no value")
    if b.first < a.first and second.kind == "date" and second.year is None:
        b = _resolve(Expr("date", month=second.month, day=second.day,
                          year=a.first.year + 1), anchor, orientation)
    if b is None or b.first < a.first:
        raise Unresolvable("the range ends before it starts")
    return _interval(a, b)
