"""Placing expressions on the calendar, without spaCy."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyad.dates.grammar import Expr
from dyad.dates.resolve import Unresolvable, resolve

FRIDAY = dt.date(2022, 9, 16)
datelines = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@pytest.mark.parametrize(("weekday", "orientation", "expected"), [
    (3, "past", "2022-09-15"), (3, "future", "2022-09-22"), (3, "unknown", "2022-09-15"),
    (4, "past", "2022-09-16"), (4, "future", "2022-09-16"), (4, "unknown", "2022-09-16"),
    (0, "unknown", "2022-09-19"), (1, "unknown", "2022-09-13"), (6, "future", "2022-09-18"),
])
def test_dates_weekday_sides(weekday, orientation, expected):
    assert resolve(Expr("weekday", weekday=weekday), FRIDAY, orientation).text == expected


def test_dates_last_and_next_weekday_skip_the_dateline():
    assert resolve(Expr("weekday", weekday=4, strict=True, lean="past"), FRIDAY, "unknown").text == "2022-09-09"
    assert resolve(Expr("weekday", weekday=4, strict=True, lean="future"), FRIDAY, "unknown").text == "2022-09-23"


@pytest.mark.parametrize(("month", "orientation", "expected"), [
    (2, "past", "2022-02"), (2, "future", "2023-02"), (10, "future", "2022-10"),
    (10, "unknown", "2022-10"), (10, "past", "2021-10"), (9, "past", "2022-09"), (3, "unknown", "2022-03"),
])
def test_dates_month_sides(month, orientation, expected):
    value = resolve(Expr("date", month=month), FRIDAY, orientation)
    assert (value.text, value.precision) == (expected, "month")


def test_dates_february_29_outside_leap_years():
    assert resolve(Expr("date", month=2, day=29), dt.date(2023, 3, 10), "past").text == "2020-02-29"
    assert resolve(Expr("date", month=2, day=29), dt.date(2023, 3, 10), "future").text == "2024-02-29"
    with pytest.raises(Unresolvable):
        resolve(Expr("date", month=2, day=29, year=2023), FRIDAY, "past")


@given(datelines, st.integers(0, 6))
def test_dates_past_weekday_is_within_the_week_before(dateline, weekday):
    day = dt.date.fromisoformat(resolve(Expr("weekday", weekday=weekday), dateline, "past").text)
    assert day.weekday() == weekday and 0 <= (dateline - day).days <= 6


@given(datelines, st.integers(0, 6))
def test_dates_future_weekday_is_within_the_week_after(dateline, weekday):
    day = dt.date.fromisoformat(resolve(Expr("weekday", weekday=weekday), dateline, "future").text)
    assert day.weekday() == weekday and 0 <= (day - dateline).days <= 6


@given(datelines, st.integers(1, 12), st.sampled_from(["past", "future", "unknown"]))
def test_dates_month_is_within_a_year_of_the_dateline(dateline, month, orientation):
    value = resolve(Expr("date", month=month), dateline, orientation)
    year, got = map(int, value.text.split("-"))
    assert got == month and abs((year * 12 + got) - (dateline.year * 12 + dateline.month)) <= 11


@given(datelines, st.integers(-1, 1))
def test_dates_weeks_are_monday_to_sunday(dateline, offset):
    start, end = resolve(Expr("relative", unit="week", offset=offset), dateline, "unknown").text.split("/")
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    assert first.weekday() == 0 and (last - first).days == 6
    assert (first - (dateline - dt.timedelta(days=dateline.weekday()))).days == 7 * offset


def test_dates_relative_needs_a_dateline():
    with pytest.raises(Unresolvable):
        resolve(Expr("relative", unit="month", offset=-1), None, "past")
    assert resolve(Expr("year", year=2001), None, "past").text == "2001"


@pytest.mark.parametrize(("orientation", "expected"), [
    ("past", "2022-09-15"), ("future", "2023-09-15"), ("unknown", "2022-09-15")])
def test_dates_month_day_sides(orientation, expected):
    assert resolve(Expr("date", month=9, day=15), FRIDAY, orientation).text == expected


def test_dates_ranges_borrow_a_year_and_refuse_backwards():
    value = resolve(Expr("range", first=Expr("date", month=5), second=Expr("date", month=7, year=2021)),
                    FRIDAY, "past")
    assert value.text == "2021-05/2021-07"
    with pytest.raises(Unresolvable):
        resolve(Expr("range", first=Expr("year", year=2016), second=Expr("year", year=2014)), FRIDAY, "past")
