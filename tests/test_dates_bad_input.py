"""Bad dates and bad datelines give no value and a warning, never a crash or today's date."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.dates import find_dates, parse_published
from dyad.records import Article

TEXT = ("Putin met Xi on Thursday and will meet Erdogan next week. "
        "The SCO was founded on June 15, 2001.")


def read(nlp, text: str, published):
    warnings: list[str] = []
    found = find_dates(nlp(text), Article(id="t", text=text, published=published), warnings=warnings)
    return {d.text: d.resolved for d in found}, warnings


@pytest.mark.parametrize("published", [None, "", "   "])
def test_dates_no_published_leaves_relative_unresolved(nlp, published):
    values, warnings = read(nlp, TEXT, published)
    assert values == {"on Thursday": None, "next week": None, "on June 15, 2001": "2001-06-15"}
    assert len(warnings) == 1 and "no publication date" in warnings[0]


@pytest.mark.parametrize("published", ["yesterday", "not a date", "0000-00-00", "2022-13-45",
                                       "16/09/2022", "0001-01-01", 12345])
def test_dates_garbage_published_warns(nlp, published):
    values, warnings = read(nlp, TEXT, published)
    assert values["on Thursday"] is None and values["next week"] is None
    assert values["on June 15, 2001"] == "2001-06-15"
    assert warnings and "not an ISO 8601 date" in warnings[0]


def test_dates_never_fall_back_to_today(nlp):
    values, _ = read(nlp, "The talks ended yesterday.", None)
    assert values == {"yesterday": None}
    assert dt.date.today().isoformat() not in values.values()


@pytest.mark.parametrize("published", ["2022-09-16", "2022-09-16T08:30:00Z",
                                       "2022-09-16 08:30:00+03:00", "20220916"])
def test_dates_iso_datetimes_are_datelines(nlp, published):
    values, warnings = read(nlp, TEXT, published)
    assert values["on Thursday"] == "2022-09-15"
    assert values["next week"] == "2022-09-19/2022-09-25"
    assert warnings == []


@pytest.mark.parametrize(("sentence", "why"), [
    ("The treaty was signed on Feb. 30, 2021.", "not a date"),
    ("The decree was published on February 30.", "not a date"),
    ("The bridge reopened on April 31.", "not a date"),
    ("The law took effect on March 3, 2031.", "more than two years after"),
    ("The war ended in 2931, the museum said.", "absurdly far"),
])
def test_dates_impossible_or_absurd_dates_warn(nlp, sentence, why):
    warnings: list[str] = []
    found = find_dates(nlp(sentence), Article(id="t", text=sentence, published="2023-01-05"),
                       warnings=warnings)
    assert found and all(d.resolved is None for d in found)
    assert any(why in w for w in warnings), warnings


def test_dates_future_plans_far_ahead_are_kept(nlp):
    text = "The government will phase out coal by 2040."
    values, warnings = read(nlp, text, "2023-01-05")
    assert values == {"by 2040": "2040"} and warnings == []


def test_dates_warnings_are_optional(nlp):
    text = "The decree was published on February 30."
    found = find_dates(nlp(text), Article(id="t", text=text, published="2023-01-05"))
    assert found[0].resolved is None


def test_dates_parse_published():
    assert parse_published("2022-09-16") == (dt.date(2022, 9, 16), None)
    assert parse_published(None)[0] is None
    assert parse_published("garbage")[1]
