"""Time expressions in real-style news sentences, resolved against a dateline."""

from __future__ import annotations

import pytest

from dyad.dates import find_dates
from dyad.records import Article


def dates_of(nlp, text: str, published: str | None, warnings: list[str] | None = None):
    doc = nlp(text)
    return find_dates(doc, Article(id="t", text=text, published=published), warnings=warnings)


def only(nlp, text: str, published: str | None):
    found = dates_of(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


# 2022-09-14 is a Wednesday, 2023-01-05 a Thursday, 2023-03-10 a Friday.
@pytest.mark.parametrize(("published", "sentence", "text", "resolved", "precision"), [
    # weekdays either side of the dateline, past and future verbs
    ("2022-09-14", "The foreign ministers met in Ankara on Friday to discuss grain exports.",
     "on Friday", "2022-09-09", "day"),
    ("2022-09-14", "The foreign ministers will meet in Ankara on Friday to discuss grain exports.",
     "on Friday", "2022-09-16", "day"),
    ("2022-09-14", "Biden is expected to travel to Kyiv on Monday.", "on Monday", "2022-09-19", "day"),
    ("2022-09-14", "Rescue teams reached the village on Monday after the floods.",
     "on Monday", "2022-09-12", "day"),
    ("2022-09-14", "Lawmakers are debating the budget on Wednesday.", "on Wednesday", "2022-09-14", "day"),
    ("2022-09-14", "Officials said the convoy was attacked Wednesday near the border.",
     "Wednesday", "2022-09-14", "day"),
    ("2022-09-14", "The two presidents spoke by phone last Wednesday.",
     "last Wednesday", "2022-09-07", "day"),
    ("2022-09-14", "The summit is scheduled for next Tuesday.", "for next Tuesday", "2022-09-20", "day"),
    ("2022-09-14", "The prime minister was due to address parliament Thursday.",
     "Thursday", "2022-09-15", "day"),
    ("2022-09-14", "Results are expected on Thursday morning.", "on Thursday morning", "2022-09-15", "day"),
    ("2022-09-14", "The envoy arrived in Tehran earlier Wednesday.", "earlier Wednesday", "2022-09-14", "day"),
    ("2022-09-14", "Protesters plan to march on Saturday, organisers said.", "on Saturday", "2022-09-17", "day"),
    # months, without and with a year
    ("2023-03-10", "Inflation slowed to 6 percent in February, the statistics office said.",
     "in February", "2023-02", "month"),
    ("2023-03-10", "Elections are planned for October.", "for October", "2023-10", "month"),
    ("2023-01-05", "The central bank raised rates in December.", "in December", "2022-12", "month"),
    ("2023-01-05", "Parliament will vote on the bill in December.", "in December", "2023-12", "month"),
    ("2023-01-05", "In late December, the government imposed new curbs.", "In late December", "2022-12", "month"),
    ("2023-01-05", "Ministers may meet again in May.", "in May", "2023-05", "month"),
    ("2023-01-05", "Russia annexed Crimea in March 2014.", "in March 2014", "2014-03", "month"),
    ("2023-01-05", "The agreement was signed on Sept. 15, 2022 in Geneva.",
     "on Sept. 15, 2022", "2022-09-15", "day"),
    ("2023-01-05", "He was arrested on 12 November in Paris.", "on 12 November", "2022-11-12", "day"),
    ("2023-01-05", "The talks were held on Thursday, Jan. 5, 2023.",
     "on Thursday, Jan. 5, 2023", "2023-01-05", "day"),
    # years, decades, relative periods
    ("2023-01-05", "The company was founded in 1998.", "in 1998", "1998", "year"),
    ("2023-01-05", "The firm was listed in mid-2005.", "in mid-2005", "2005", "year"),
    ("2023-01-05", "Since 2019, the group has carried out dozens of attacks.", "Since 2019", "2019", "year"),
    ("2023-01-05", "Unemployment peaked in the 1990s.", "in the 1990s", "1990/1999", "year"),
    ("2023-01-05", "The minister resigned earlier this month.", "earlier this month", "2023-01", "month"),
    ("2023-01-05", "Growth is expected to recover later this year.", "later this year", "2023", "year"),
    ("2023-01-05", "Exports fell sharply last year.", "last year", "2022", "year"),
    ("2023-01-05", "Troops took part in drills last month.", "last month", "2022-12", "month"),
    ("2023-01-05", "A new round of talks will open next month.", "next month", "2023-02", "month"),
    ("2023-01-05", "Talks collapsed last week, officials said.", "last week", "2022-12-26/2023-01-01", "day"),
    ("2023-01-05", "The delegation will return next week.", "next week", "2023-01-09/2023-01-15", "day"),
    ("2023-01-05", "Police said the attack happened over the weekend.",
     "over the weekend", "2022-12-31/2023-01-01", "day"),
    ("2023-01-05", "The rebels seized the town three days ago.", "three days ago", "2023-01-02", "day"),
    ("2023-01-05", "Two months ago, the army withdrew from the area.", "Two months ago", "2022-11", "month"),
    ("2023-01-05", "The coup took place two years ago.", "two years ago", "2021", "year"),
    ("2023-01-05", "The vote took place yesterday.", "yesterday", "2023-01-04", "day"),
    ("2023-01-05", "Voters rejected independence in a 2014 referendum.", "2014", "2014", "year"),
    ("2023-01-05", "Talks resume Monday in Doha, a diplomat said.", "Monday", "2023-01-09", "day"),
    ("2023-01-05", "Thousands joined the May 9 parade in Moscow.", "May 9", "2022-05-09", "day"),
    # ranges
    ("2023-01-05", "Talks are set for Sept. 20-22 in New York.", "for Sept. 20-22",
     "2023-09-20/2023-09-22", "day"),
    ("2023-01-05", "Fighting raged from May to July 2021 around the city.",
     "from May to July 2021", "2021-05/2021-07", "month"),
    ("2023-01-05", "The ceasefire held between 2014 and 2016.", "between 2014 and 2016", "2014/2016", "year"),
    ("2023-01-05", "The mission ran from 2003 to 2011.", "from 2003 to 2011", "2003/2011", "year"),
])
def test_dates_resolve_in_sentence(nlp, published, sentence, text, resolved, precision):
    found = [d for d in dates_of(nlp, sentence, published) if d.text == text]
    assert found, dates_of(nlp, sentence, published)
    assert found[0].resolved == resolved
    assert found[0].precision == precision
    assert sentence[found[0].start:found[0].end] == text


def test_dates_tomorrow_and_yesterday_in_one_sentence(nlp):
    found = dates_of(nlp, "The vote took place yesterday and results are due tomorrow.", "2023-01-05")
    assert [(d.text, d.resolved) for d in found] == [("yesterday", "2023-01-04"), ("tomorrow", "2023-01-06")]


@pytest.mark.parametrize("sentence", [
    "The plant produced 2001 tonnes of steel.",
    "May God bless the victims, the bishop said.",
    "Thousands march through Paris against the pension reform.",
    "The Sunday Times reported the leak.",
    "March organisers said 5,000 people took part.",
])
def test_dates_not_found_in_non_dates(nlp, sentence):
    assert [d.text for d in dates_of(nlp, sentence, "2023-01-05") if d.resolved] == []


def test_dates_vague_expressions_are_kept_without_value(nlp):
    found = dates_of(nlp, "China and Russia have drawn closer in recent years.", "2022-09-16")
    assert [(d.text, d.resolved) for d in found] == [("recent years", None)]


def test_dates_entity_trimmed_at_line_break(nlp):
    text = "September 16, 2022\n\n\n\nPool / TASS\n\nThe leaders met on Thursday."
    found = dates_of(nlp, text, "2022-09-16")
    assert ("September 16, 2022", "2022-09-16") in [(d.text, d.resolved) for d in found]
    assert all("\n" not in d.text for d in found)
