"""Any text and any dateline: find_dates and find_places return records, never raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.dates import date_for, find_dates
from dyad.places import find_places, load_gazetteer, place_for
from dyad.records import Article

WORDS = st.sampled_from([
    "on", "in", "Thursday", "May", "March", "2022", "2014-2016", "last", "next", "week", "ago",
    "two", "years", "from", "to", "between", "and", "Sept.", "30", "February", "31", "early",
    "mid-", "the", "1990s", "Georgia", "Paris", ",", "Texas", "Russia", "'s", "far", "east",
    "met", "will", "meet", "said", ".", "\n\n", "U.S.", "earlier", "later", "yesterday",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=1, max_size=25),
       st.one_of(st.none(), st.text(max_size=12), st.dates().map(str)))
def test_dates_and_places_never_raise(nlp, words, published):
    text = " ".join(words)
    doc = nlp(text)
    article = Article(id="t", text=text, published=published)
    warnings: list[str] = []
    dates = find_dates(doc, article, warnings=warnings)
    places = find_places(doc, article, load_gazetteer())
    for found in (*dates, *places):
        assert text[found.start:found.end] == found.text
    for token in doc:
        date_for(token, dates, doc)
        place_for(token, places, doc)
