"""Dyad analytics count only events with both sides; one-sided events are stored but no dyad."""

from __future__ import annotations

from dyad.analysis import actor_profile, top_dyads
from dyad.records import ActorRef, Article, Event, Reading, Span
from dyad.store import open_store

RUS = ActorRef(name="Russia", code="RUS", country="RUS")
UKR = ActorRef(name="Ukraine", code="UKR", country="UKR")


def _event(target: ActorRef | None, code: str, root: str, label: str, sentence: str) -> Event:
    return Event(source=RUS, target=target, code=code, root=root, label=label, plover=None, quad_class=4,
                 goldstein=-9.0, date="2023-03-10", location=None, modality="asserted", sentence=sentence,
                 evidence=Span(0, len(sentence)))


def test_events_analytics_count_only_two_sided_events(tmp_path):
    store = open_store(str(tmp_path / "a.db"))
    attack = _event(UKR, "190", "19", "Use conventional military force", "Russia attacked Ukraine.")
    drill = _event(None, "150", "15", "Demonstrate military or police power", "Russia staged drills.")
    text = f"{attack.sentence} {drill.sentence}"
    store.add(Reading(article=Article(id="a1", text=text, published="2023-03-10"), events=(attack, drill)))
    assert len(store.events()) == 2  # the one-sided event is stored
    dyads = top_dyads(store)
    assert dyads["events"].sum() == 1
    assert actor_profile(store, "RUS").given["root"].tolist() == ["19"]
    store.close()
