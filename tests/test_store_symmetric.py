"""Symmetric events across stories: "Putin met Xi" in one story and "Xi held talks with Putin" in
another are one meeting, found from either side; a directed event (a criticism) keeps its direction."""

from __future__ import annotations

import pytest

from dyad.analysis import actor_profile, dyad_events, top_dyads
from dyad.records import ActorRef, Article, Event, Reading, Span
from dyad.store import open_store

PUTIN = ActorRef(name="Vladimir Putin", code="RUSGOV", country="RUS", sector="GOV", id="Q7747")
XI = ActorRef(name="Xi Jinping", code="CHNGOV", country="CHN", sector="GOV", id="Q15031")
CODES = {"044": ("Meet at third location", 1, 4.0), "046": ("Engage in negotiation", 1, 7.0),
         "111": ("Criticize or denounce", 3, -2.0)}


def _reading(aid: str, published: str, sentence: str, src: ActorRef, tgt: ActorRef, code: str) -> Reading:
    label, quad, gold = CODES[code]
    event = Event(source=src, target=tgt, code=code, root=code[:2], label=label, plover=None, quad_class=quad,
                  goldstein=gold, date=published, location=None, modality="asserted", sentence=sentence,
                  evidence=Span(0, len(sentence)))
    return Reading(article=Article(id=aid, text=sentence, published=published, source=aid.split("-")[0]),
                   events=(event,))


def stories() -> list[Reading]:
    return [
        _reading("tass-1", "2023-03-21", "Vladimir Putin met Xi Jinping in the Kremlin on Tuesday.", PUTIN, XI, "044"),
        _reading("xinhua-2", "2023-03-21", "Xi Jinping held a meeting with Vladimir Putin in Moscow.", XI, PUTIN,
                 "044"),
        _reading("wire-3", "2023-03-22", "Xi Jinping criticised Vladimir Putin over the grain deal.", XI, PUTIN,
                 "111"),
        _reading("daily-4", "2023-03-22", "Vladimir Putin criticised Xi Jinping over the pipeline.", PUTIN, XI,
                 "111"),
    ]


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "sym.db") as s:
        yield s


def test_store_symmetric_one_meeting_from_two_stories_found_either_way(store):
    store.write(stories())
    meetings = store.events(code="044")
    assert len(meetings) == 1
    meeting = meetings.iloc[0]
    assert (meeting.n_reports, meeting.n_articles, meeting.n_sources) == (2, 2, 2)
    # one report each way: the tie goes to the sorted actor codes, CHNGOV before RUSGOV
    assert (meeting.source_code, meeting.source_name, meeting.target_code, meeting.target_name) == \
        ("CHNGOV", "Xi Jinping", "RUSGOV", "Vladimir Putin")
    for source, target in (("RUS", "CHN"), ("CHN", "RUS"), ("RUSGOV", None), (None, "CHNGOV")):
        found = store.events(source=source, target=target, code="044")
        assert list(found.id) == [meeting.id], (source, target)
    assert sorted(store.evidence(event_id=meeting.id).article_id) == ["tass-1", "xinhua-2"]


def test_store_symmetric_majority_direction_is_the_summary(store):
    third = _reading("rt-5", "2023-03-21", "Putin met Xi for a second day of talks.", PUTIN, XI, "044")
    store.write([*stories(), third])
    (meeting,) = store.events(code="044").itertuples()
    assert (meeting.source_code, meeting.target_code, meeting.n_reports) == ("RUSGOV", "CHNGOV", 3)


def test_store_symmetric_a_directed_code_keeps_both_directions(store):
    store.write(stories())
    criticisms = store.events(code="111")
    assert sorted(zip(criticisms.source_code, criticisms.target_code, strict=True)) == \
        [("CHNGOV", "RUSGOV"), ("RUSGOV", "CHNGOV")]
    assert list(store.events(source="RUS", target="CHN", code="111").source_code) == ["RUSGOV"]
    assert list(store.events(source="CHN", target="RUS", code="111").source_code) == ["CHNGOV"]
    assert set(criticisms.n_reports) == {1}


def test_store_symmetric_reingest_and_order_are_stable(tmp_path):
    readings = stories()
    with open_store(tmp_path / "a.db") as a, open_store(tmp_path / "b.db") as b:
        a.write(readings)
        before = a.events()
        a.write(readings)  # the same stories again: replaced, the same events
        assert a.events().to_dict("records") == before.to_dict("records")
        assert a.counts()["event_evidence"] == 4
        for reading in reversed(readings):
            b.write([reading])
        columns = ["id", "source_code", "target_code", "code", "n_reports"]
        assert b.events()[columns].to_dict("records") == before[columns].to_dict("records")


def test_store_symmetric_rebuild_rekeys_an_old_database(store):
    store.write(stories())
    # a database written before the change: the meeting's reports in one block per direction
    store.db.execute("UPDATE event_evidence SET block = REPLACE(block, '<>', '>') WHERE code = '044'")
    store.db.execute("UPDATE event_evidence SET block = 'RUSGOV>CHNGOV|04|asserted' WHERE article_id = 'tass-1'")
    assert store.rebuild_events() == 3
    assert list(store.events(code="044").n_reports) == [2]


def test_store_symmetric_analysis_counts_the_meeting_once(store):
    store.write(stories())
    both = dyad_events(store, "RUS", "CHN")
    assert sorted(both.direction) == ["CHN->RUS", "RUS->CHN", "RUS<>CHN"]
    one_way = dyad_events(store, "RUS", "CHN", both_directions=False)
    assert sorted(one_way.direction) == ["RUS->CHN", "RUS<>CHN"]  # the meeting is between them either way
    top = top_dyads(store)
    assert int(top.events.sum()) == 3
    profile = actor_profile(store, "RUSGOV")
    assert profile.partners.values.tolist() == [["CHNGOV", 3]]
