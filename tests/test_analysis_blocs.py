"""Bloc analytics: a state's events count for a bloc only while it is a member (issue 17)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dyad.analysis.blocs import (bloc_dyad_events, bloc_dyad_series, bloc_events, bloc_members, bloc_partners,
                                 bloc_series, is_bloc)
from dyad.cli import main
from dyad.records import ActorRef as Ref
from dyad.records import Article, Event, Reading, Span
from dyad.store import open_store

FIN = Ref(name="Sauli Niinisto", code="FINGOV", country="FIN", sector="GOV")
GBR = Ref(name="Boris Johnson", code="GBRGOV", country="GBR", sector="GOV")
RUS = Ref(name="Vladimir Putin", code="RUSGOV", country="RUS", sector="GOV")
IRN = Ref(name="Ebrahim Raisi", code="IRNGOV", country="IRN", sector="GOV")
USA = Ref(name="Antony Blinken", code="USAGOV", country="USA", sector="GOV")
CHN = Ref(name="Xi Jinping", code="CHNGOV", country="CHN", sector="GOV")
WEST = Ref(name="the West", code="WST", id="bloc:WEST")
SCO = Ref(name="Shanghai Cooperation Organization", code="IGO", sector="IGO", id="igo:SCO")
CODES = {"044": ("04", "Meet at third location", 1, 4.0), "111": ("11", "Criticize or denounce", 3, -2.0),
         "163": ("16", "Impose embargo, boycott, or sanctions", 4, -8.0), "051": ("05", "Praise or endorse", 1, 3.4)}


def _event(src: Ref, tgt: Ref, code: str, date: str | None, sentence: str) -> Event:
    root, label, quad, gold = CODES[code]
    return Event(source=src, target=tgt, code=code, root=root, label=label, plover=None, quad_class=quad,
                 goldstein=gold, date=date, location=None, modality="asserted", sentence=sentence,
                 evidence=Span(0, len(sentence)))


def _reading(aid: str, published: str, *events: Event) -> Reading:
    return Reading(article=Article(id=aid, text=" ".join(e.sentence for e in events), published=published),
                   events=events)


@pytest.fixture()
def store(tmp_path):
    s = open_store(str(tmp_path / "blocs.db"))
    s.add(
        _reading("f1", "2023-04-03", _event(FIN, RUS, "111", "2023-04-03", "Finland criticised Russia.")),
        _reading("f2", "2023-04-05", _event(FIN, RUS, "163", "2023-04-04", "Finland imposed sanctions on Moscow.")),
        _reading("b1", "2020-01-31", _event(GBR, RUS, "163", "2020-01-31", "Britain imposed sanctions on Russia.")),
        _reading("b2", "2020-02-03", _event(GBR, CHN, "111", "2020-02-01", "Britain criticised Beijing."),
                 _event(GBR, Ref(name="Keir Starmer", code="GBROPP", country="GBR", sector="OPP"), "111",
                        "2020-02-01", "Johnson criticised Starmer.")),
        _reading("w1", "2022-03-01", _event(WEST, RUS, "163", None, "Western countries imposed sanctions on Russia."),
                 _event(RUS, WEST, "111", "2022-03-01", "Moscow denounced the West.")),
        _reading("i1", "2023-07-03", _event(IRN, USA, "111", "2023-07-03", "Raisi criticised Washington.")),
        _reading("i2", "2023-07-05", _event(IRN, USA, "111", "2023-07-05", "Raisi denounced US sanctions."),
                 _event(USA, SCO, "111", "2023-07-05", "Blinken criticised the SCO."),
                 _event(CHN, IRN, "051", "2023-07-05", "Xi praised Iran's accession.")),
    )
    yield s
    s.close()


def test_analysis_blocs_count_a_state_only_while_a_member(store):
    nato = bloc_dyad_events(store, "NATO", "RUS", both_directions=False)
    assert nato["sentence"].tolist() == ["Britain imposed sanctions on Russia.", "Finland imposed sanctions on Moscow."]
    eu = bloc_dyad_events(store, "EU", "RUS")
    assert eu["sentence"].tolist() == ["Britain imposed sanctions on Russia.", "Finland criticised Russia.",
                                       "Finland imposed sanctions on Moscow."]
    assert bloc_dyad_events(store, "EU", "CHN").empty  # Britain had left by 2020-02-01
    # a member's domestic events are no dealings between members
    assert "Johnson criticised Starmer." not in set(bloc_events(store, "NATO")["sentence"])
    assert bloc_dyad_events(store, "NATO", "GBR").empty


def test_analysis_blocs_the_west_counts_its_actor_and_its_members(store):
    west = bloc_dyad_events(store, "WEST", "RUS")
    assert set(west["direction"]) == {"WEST->RUS", "RUS->WEST"}
    # the bloc actor's undated event counts on its article's date; members' on their own dates
    assert len(west) == 5
    series = bloc_dyad_series(store, "WEST", "RUS", by="year")
    assert series["period"].tolist() == ["2020", "2022", "2023"] and series["events"].tolist() == [1, 2, 2]


def test_analysis_blocs_sco_with_the_united_states(store):
    sco = bloc_dyad_events(store, "SCO", "USA")
    assert sorted(sco["sentence"]) == ["Blinken criticised the SCO.", "Raisi denounced US sanctions."]
    assert bloc_dyad_series(store, "SCO", "USA")["events"].tolist() == [2]


def test_analysis_blocs_plain_codes_fall_back_to_dyads(store):
    assert not is_bloc("RUS") and is_bloc("WEST") and is_bloc("WST") and is_bloc("sco")
    assert bloc_dyad_events(store, "FIN", "RUS")["sentence"].tolist() == ["Finland criticised Russia.",
                                                                           "Finland imposed sanctions on Moscow."]


def test_analysis_blocs_series_scopes_and_partners(store):
    events = bloc_events(store, "SCO", since="2023-07")  # Raisi on 2023-07-03: Iran not yet in
    assert dict(zip(events["sentence"], events["scope"], strict=True)) == {
        "Raisi denounced US sanctions.": "outward", "Blinken criticised the SCO.": "inward",
        "Xi praised Iran's accession.": "internal"}
    series = bloc_series(store, "SCO", by="month", since="2023")
    assert series[["period", "events", "internal", "outward", "inward"]].values.tolist() == [["2023-04", 2, 0, 0, 2],
                                                                                             ["2023-07", 3, 1, 1, 1]]
    partners = bloc_partners(store, "SCO", since="2023-07")
    assert {"NATO", "WEST", "G7", "QUAD"} <= set(partners["bloc"])
    assert partners.set_index("bloc").loc["NATO", "events"] == 2


def test_analysis_blocs_members_over_time():
    nato = bloc_members("NATO")
    assert nato.iloc[0]["valid_from"] == "1949-08-24" and nato.iloc[-1]["member"] == "SWE"
    on = bloc_members("NATO", date="2023-04-04")
    assert "FIN" in set(on["member"]) and "SWE" not in set(on["member"])
    west = bloc_members("WEST", date="2022-09-16")
    assert {"NATO", "EU", "G7", "FVEY"} <= set(west["via"].dropna()) and "CHE" in set(west["member"])
    with pytest.raises(ValueError, match="unknown bloc"):
        bloc_members("NOPE")


def test_analysis_blocs_cli(store):
    url = store.url
    runner = CliRunner()
    result = runner.invoke(main, ["dyad", "WEST", "RUS", "--db", url, "--by", "year", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"period": "2022"' in result.output
    result = runner.invoke(main, ["bloc", "SCO", "--db", url, "--show", "events", "--format", "csv"])
    assert result.exit_code == 0 and "Xi praised Iran's accession." in result.output and "internal" in result.output
    result = runner.invoke(main, ["bloc", "NATO", "--show", "members", "--date", "2023-04-03", "--format", "csv"])
    assert result.exit_code == 0 and "FIN" not in result.output and "TUR" in result.output
    result = runner.invoke(main, ["bloc", "NOPE", "--db", url])
    assert result.exit_code == 2 and "is not a bloc" in result.output
    result = runner.invoke(main, ["blocs", "--date", "2005-01-01", "--format", "csv"])
    assert result.exit_code == 0 and "NATO,IGO,North Atlantic Treaty Organization,formal,26" in result.output
