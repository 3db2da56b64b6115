"""date_for: the time expression that dates an event trigger."""

from __future__ import annotations

import pytest

from dyad.dates import date_for, find_dates
from dyad.records import Article


def govern(nlp, text: str, trigger: str, published: str = "2022-09-16"):
    doc = nlp(text)
    dates = find_dates(doc, Article(id="t", text=text, published=published))
    token = next(t for t in doc if t.text == trigger)
    return date_for(token, dates, doc)


@pytest.mark.parametrize(("sentence", "trigger", "text", "resolved"), [
    ("The two leaders met on the sidelines of the summit on Thursday.", "met", "on Thursday", "2022-09-15"),
    ("Putin met the leaders of Kyrgyzstan and Turkmenistan earlier Thursday.", "met",
     "earlier Thursday", "2022-09-15"),
    ("It was their first meeting since Putin saw Xi in early February in Beijing.", "saw",
     "in early February", "2022-02"),
    ("China sent troops to take part in military exercises last month in Russia's far east.",
     "exercises", "last month", "2022-08"),
    ("The premier was set to hold talks Friday with the Turkish president.", "talks", "Friday", "2022-09-16"),
    ("State media said Xi would also meet Erdogan on Friday.", "meet", "on Friday", "2022-09-16"),
    ("Ministers signed the accord in Geneva on Tuesday and flew home.", "signed", "on Tuesday", "2022-09-13"),
    ("The army shelled the town on Monday and seized the bridge.", "seized", "on Monday", "2022-09-12"),
    ("Their first talks since the war began took place in Ankara on Wednesday.", "took",
     "on Wednesday", "2022-09-14"),
])
def test_dates_date_for_trigger(nlp, sentence, trigger, text, resolved):
    found = govern(nlp, sentence, trigger)
    assert found is not None and (found.text, found.resolved) == (text, resolved)


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Putin took a clear broadside at the United States.", "took"),
    ("The ministers met on Monday, and officials say the talks went well.", "went"),
    ("September 16, 2022\n\nPool / TASS\n\nThe leaders met for talks.", "met"),
])
def test_dates_date_for_none_when_no_date_governs(nlp, sentence, trigger):
    assert govern(nlp, sentence, trigger) is None


def test_dates_date_for_picks_own_clause(nlp):
    text = "Ministers met on Monday, and the presidents will sign the deal on Friday."
    assert govern(nlp, text, "met").text == "on Monday"
    assert govern(nlp, text, "sign").text == "on Friday"
