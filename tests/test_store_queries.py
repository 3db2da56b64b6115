"""Queries return pandas DataFrames with the rows a user asks for; write-then-read is identity."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.records import Reading
from dyad.store import open_store
from dyad.store.store import until_bound
from test_store_dedup import meeting_readings

PUTIN = {"name": "Vladimir Putin", "code": "RUSGOV", "country": "RUS", "sector": "GOV", "id": "Q7747"}
ERDOGAN = {"name": "Recep Tayyip Erdogan", "code": "TURGOV", "country": "TUR", "sector": "GOV", "id": "local-erdogan"}


def sochi_reading() -> Reading:
    """A story with quotes, dates and places (the Putin-Erdogan talks in Sochi, 5 Aug 2022)."""
    text = ("Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in Sochi on Friday.\n\n"
            "\"We will discuss the grain deal and the situation in Syria,\" Putin said at the start of the talks.\n\n"
            "Erdogan told reporters that \"sanctions are not the way\" to end the war.")
    q1 = "We will discuss the grain deal and the situation in Syria,"
    q2 = "sanctions are not the way"
    s1 = text.split("\n\n")[0]
    return Reading.from_dict({
        "article": {"id": "sochi-1", "title": "Putin hosts Erdogan in Sochi", "published": "2022-08-05",
                    "source": "Black Sea Wire", "text": text},
        "actors": [{**PUTIN, "role": "President of Russia",
                    "mentions": [{"text": "Vladimir Putin", "start": text.index("Vladimir Putin"),
                                  "end": text.index("Vladimir Putin") + 14}]},
                   {**ERDOGAN, "role": "President of Turkey",
                    "mentions": [{"text": "Erdogan", "start": text.index("Erdogan"),
                                  "end": text.index("Erdogan") + 7}]}],
        "quotes": [{"text": q1, "start": text.index(q1), "end": text.index(q1) + len(q1), "cue": "said",
                    "kind": "direct", "speaker": {"name": "Vladimir Putin", "code": "RUSGOV"}},
                   {"text": q2, "start": text.index(q2), "end": text.index(q2) + len(q2), "cue": "told",
                    "kind": "partial", "speaker": {"name": "Recep Tayyip Erdogan", "code": "TURGOV"},
                    "addressee": {"name": "reporters", "code": None}}],
        "events": [{"source": PUTIN, "target": ERDOGAN, "code": "043", "root": "04", "label": "Host a visit",
                    "plover": "CONSULT", "quad_class": 1, "goldstein": 2.8, "date": "2022-08-05",
                    "location": {"name": "Sochi", "country": "RUS", "lat": 43.6, "lon": 39.73},
                    "modality": "asserted", "sentence": s1, "evidence": {"start": 0, "end": len(s1)}}],
        "dates": [{"text": "on Friday", "start": text.index("on Friday"), "end": text.index("on Friday") + 9,
                   "resolved": "2022-08-05", "precision": "day"}],
        "places": [{"text": "Sochi", "start": text.index("Sochi"), "end": text.index("Sochi") + 5, "name": "Sochi",
                    "country": "RUS", "lat": 43.6, "lon": 39.73, "feature": "city"}],
    })


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "q.db") as s:
        s.write([*meeting_readings(), sochi_reading()])
        yield s


def test_store_events_filters(store):
    assert isinstance(store.events(), pd.DataFrame)
    assert len(store.events()) == 4  # the Bali meeting, reported both ways round, is one event
    assert set(store.events(source="RUS").target_code) == {"TURGOV"}
    assert set(store.events(source="usa", target="CHN").source_code) == {"USAGOV"}
    # a meeting has no direction: CHN -> USA finds it too, stored as most reports give it
    assert set(store.events(source="CHN", target="USA").id) == set(store.events(source="USA", target="CHN").id)
    assert len(store.events(root="04")) == 4 and store.events(root="19").empty
    assert list(store.events(code="043").code) == ["043"]
    assert list(store.events(since="2023").date) == ["2023-11-15"]
    assert list(store.events(until="2022-08").date) == ["2022-08-05"]
    assert len(store.events(since="2022-11", until="2022-11")) == 2
    assert set(store.events(actor="erdogan").id) == set(store.events(target="TUR").id)
    assert len(store.events(actor="Xi")) == 3 and len(store.events(actor="RUSGOV")) == 1
    assert list(store.events(min_reports=4).n_reports) == [7]
    assert set(store.events(country="IDN").place) == {"Bali"}
    assert len(store.events(limit=2)) == 2


def test_store_like_wildcards_are_literal(store):
    assert store.events(actor="%").empty and store.quotes(contains="_").empty


def test_store_bad_dates_are_rejected(store):
    with pytest.raises(ValueError, match="YYYY"):
        store.events(since="last week")
    assert until_bound("2022") == "2023" and until_bound("2022-12") == "2023-01"
    assert until_bound("2022-02-28") == "2022-03-01"


def test_store_quotes(store):
    putin = store.quotes(speaker="putin")
    assert list(putin.text) == ["We will discuss the grain deal and the situation in Syria,"]
    assert list(store.quotes(contains="SANCTIONS").speaker_code) == ["TURGOV"]
    assert list(store.quotes(speaker="TURGOV").addressee_name) == ["reporters"]
    assert store.quotes(since="2022-09").empty


def test_store_actors_and_articles(store):
    actors = store.actors()
    assert list(actors.name[:2]) == ["Joe Biden", "Xi Jinping"]  # most articles first
    russia = store.actors(country="rus")
    assert russia.to_dict("records") == [{"code": "RUSGOV", "name": "Vladimir Putin", "country": "RUS",
                                          "sector": "GOV", "n_articles": 1, "n_mentions": 1,
                                          "role": "President of Russia"}]
    assert list(store.actors(name="tayyip").code) == ["TURGOV"]
    articles = store.articles(source="black sea")
    assert list(articles.id) == ["sochi-1"] and list(articles.n_quotes) == [2]
    assert list(store.articles(contains="nusa dua").id) == ["bali-asia-3", "bali-daily-2"]  # same day: by id
    assert len(store.articles(since="2022-11", until="2022-11")) == 5


def test_store_reading_roundtrip(store):
    original = sochi_reading()
    assert store.reading("sochi-1") == original
    assert store.reading("no-such-article") is None
    assert [r.article.id for r in store.readings()][:2] == ["bali-asia-3", "bali-brief-4"]


def test_store_rebuild_events_is_stable(store):
    before = store.events()
    assert store.rebuild_events() == len(before)
    pd.testing.assert_frame_equal(store.events(), before)


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_name = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20)
_ref = st.fixed_dictionaries({"name": _name, "code": st.none() | st.sampled_from(["RUSGOV", "USA", "CHNMIL"])})


@st.composite
def readings(draw) -> Reading:
    text = draw(st.text(min_size=1, max_size=200))
    n = len(text)
    span = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    events = []
    for _ in range(draw(st.integers(0, 3))):
        start, end = draw(span)
        code = draw(st.sampled_from(["010", "040", "042", "0431", "190"]))
        events.append({"source": draw(_ref), "target": draw(st.none() | _ref), "code": code, "root": code[:2],
                       "label": draw(_text), "plover": draw(st.none() | st.just("CONSULT")),
                       "quad_class": draw(st.integers(1, 4)),
                       "goldstein": draw(st.none() | st.floats(-10, 10, allow_nan=False)),
                       "date": draw(st.none() | st.sampled_from(["2022-09-15", "2022-09", "2021"])),
                       "location": draw(st.none() | st.fixed_dictionaries(
                           {"name": _name, "country": st.none() | st.just("UZB"),
                            "lat": st.none() | st.floats(-90, 90), "lon": st.none() | st.floats(-180, 180)})),
                       "modality": draw(st.sampled_from(["asserted", "negated", "intended"])),
                       "sentence": text[start:end], "evidence": {"start": start, "end": end}})
    quotes = []
    for _ in range(draw(st.integers(0, 2))):
        start, end = draw(span)
        quotes.append({"text": text[start:end], "start": start, "end": end, "speaker": draw(st.none() | _ref),
                       "cue": draw(st.none() | st.just("said")), "kind": "direct"})
    return Reading.from_dict({
        "article": {"id": draw(st.text("abcdef0123456789", min_size=1, max_size=16)), "text": text,
                    "title": draw(st.none() | _text), "published": draw(st.none() | st.just("2022-09-16")),
                    "source": draw(st.none() | _text)},
        "events": events, "quotes": quotes, "warnings": draw(st.lists(_text, max_size=2)),
    })


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(readings())
def test_store_write_then_read_is_identity(reading):
    with open_store("sqlite:///:memory:") as store:
        store.write([reading])
        assert store.reading(reading.article.id) == reading
        assert store.counts()["event_evidence"] == len(reading.events)
        assert int(store.events().n_reports.sum() if len(store.events()) else 0) == len(reading.events)


def test_store_fast_serialiser_matches_to_dict():
    from dyad.store.rows import plain

    for reading in [*meeting_readings(), sochi_reading()]:
        assert plain(reading) == reading.to_dict()
