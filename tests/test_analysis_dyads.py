"""Dyad analytics on a store filled with readings of known events."""

from __future__ import annotations

import pytest

from dyad.analysis import actor_network, actor_profile, dyad_series, plot_dyad_series, plot_network, top_dyads
from dyad.records import Article, Event, Reading, Span
from dyad.records import ActorRef as Ref
from dyad.store import open_store

RUS = Ref(name="Vladimir Putin", code="RUSGOV", country="RUS", sector="GOV")
CHN = Ref(name="Xi Jinping", code="CHNGOV", country="CHN", sector="GOV")
USA = Ref(name="Antony Blinken", code="USAGOV", country="USA", sector="GOV")
CODES = {"044": ("04", "Meet at third location", 1, 4.0), "062": ("06", "Cooperate militarily", 2, 7.0),
         "111": ("11", "Criticize or denounce", 3, -2.0), "163": ("16", "Impose embargo, boycott, or sanctions", 4, -8.0)}


def _event(src: Ref, tgt: Ref, code: str, date: str, sentence: str) -> Event:
    root, label, quad, gold = CODES[code]
    return Event(source=src, target=tgt, code=code, root=root, label=label, plover=None, quad_class=quad,
                 goldstein=gold, date=date, location=None, modality="asserted", sentence=sentence,
                 evidence=Span(0, len(sentence)))


def _reading(aid: str, published: str, *events: Event) -> Reading:
    text = " ".join(e.sentence for e in events)
    return Reading(article=Article(id=aid, text=text, published=published), events=events)


@pytest.fixture()
def store(tmp_path):
    s = open_store(str(tmp_path / "a.db"))
    s.add(
        _reading("a1", "2022-02-05", _event(RUS, CHN, "044", "2022-02-04", "Putin met Xi in Beijing."),
                 _event(USA, RUS, "163", "2022-02-04", "Washington imposed sanctions on Moscow.")),
        _reading("a2", "2022-09-16", _event(RUS, CHN, "044", "2022-09-15", "Putin met Xi in Samarkand."),
                 _event(CHN, RUS, "062", "2022-09-10", "Chinese troops joined Russian drills."),
                 _event(USA, CHN, "111", "2022-09-15", "Blinken criticised Beijing.")),
        _reading("a3", "2022-09-20", _event(USA, CHN, "111", "2022-09", "Washington denounced China's stance.")),
    )
    yield s
    s.close()


def test_analysis_dyad_series_by_month(store):
    series = dyad_series(store, "RUS", "CHN", by="month")
    assert series["period"].tolist() == ["2022-02", "2022-09"]
    assert series["events"].tolist() == [1, 2]
    assert series["verbal_coop"].tolist() == [1, 1] and series["material_coop"].tolist() == [0, 1]
    assert series["goldstein_sum"].tolist() == [4.0, 11.0]
    assert series["conflict"].sum() == 0


def test_analysis_dyad_series_one_direction_and_weeks(store):
    # one way keeps directed events one way (no CHN -> USA criticism) but a meeting or joint drills
    # have no direction: the Putin-Xi meetings are between CHN and RUS whichever way they are stored
    assert dyad_series(store, "CHN", "USA", by="month", both_directions=False).empty
    assert dyad_series(store, "CHN", "RUS", by="month", both_directions=False)["events"].tolist() == [1, 2]
    weekly = dyad_series(store, "USA", "CHN", by="week")
    assert weekly["period"].tolist() == ["2022-09-12"]  # the month-only event can't be placed in a week
    assert weekly["verbal_conflict"].tolist() == [1]


def test_analysis_top_dyads_and_network(store):
    top = top_dyads(store, n=3)
    assert top.iloc[0][["source", "target", "events"]].tolist() == ["RUS", "CHN", 2]
    assert set(map(tuple, top[["source", "target"]].values)) == {("RUS", "CHN"), ("USA", "CHN"), ("CHN", "RUS")}
    graph = actor_network(store)
    # the two reports of Washington criticising Beijing in September 2022 are one event (dedup)
    assert graph["USA"]["CHN"]["weight"] == 1 and graph["USA"]["CHN"]["reports"] == 2
    assert graph["USA"]["CHN"]["conflict"] == 1
    assert graph["RUS"]["CHN"]["goldstein_mean"] == 4.0


def test_analysis_actor_profile(store):
    profile = actor_profile(store, "RUSGOV")
    # meetings (04) and joint drills (06) have no direction: given and received alike
    assert profile.given["root"].tolist() == ["04", "06"]
    assert set(profile.received["root"]) == {"04", "06", "16"}
    assert profile.partners.values.tolist() == [["CHNGOV", 3], ["USAGOV", 1]]  # each event once


def test_analysis_plots_write_images(store, tmp_path):
    png = plot_dyad_series(dyad_series(store, "RUS", "CHN"), tmp_path / "d.png", title="RUS-CHN")
    net = plot_network(actor_network(store), tmp_path / "n.png")
    for path in (png, net):
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def test_analysis_a_role_of_no_country_is_no_dyad_side(tmp_path):
    police = Ref(name="police", code="---COP", country=None, sector="COP")
    s = open_store(str(tmp_path / "b.db"))
    try:
        s.add(_reading("b1", "2022-09-20", _event(police, CHN, "111", "2022-09-19", "Police criticised Beijing."),
                       _event(USA, CHN, "111", "2022-09-19", "Washington criticised Beijing.")))
        top = top_dyads(s, n=5)
        assert set(map(tuple, top[["source", "target"]].values)) == {("USA", "CHN")}
        assert "---" not in actor_network(s)
    finally:
        s.close()
