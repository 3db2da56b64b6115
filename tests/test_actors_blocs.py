"""Bloc tables: memberships over time, loader checks, bloc actors found in text (issue 17)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dyad
from dyad.actors import load_blocs, load_tables
from dyad.errors import DataError
from dyad.records import Reading, Relation, Span


@pytest.fixture(scope="module")
def blocs():
    return load_blocs()


# a state, a bloc, the last day on one side of a join or exit and the first day on the other
JOINS_AND_EXITS = [
    ("FIN", "NATO", "2023-04-03", "2023-04-04", "joined"),
    ("SWE", "NATO", "2024-03-06", "2024-03-07", "joined"),
    ("GBR", "EU", "2020-01-31", "2020-02-01", "left"),
    ("IRN", "SCO", "2023-07-03", "2023-07-04", "joined"),
    ("BLR", "SCO", "2024-07-03", "2024-07-04", "joined"),
    ("RUS", "G8", "2014-03-23", "2014-03-24", "left"),
    ("HRV", "EU", "2013-06-30", "2013-07-01", "joined"),
    ("MKD", "NATO", "2020-03-26", "2020-03-27", "joined"),
    ("QAT", "OPEC", "2018-12-31", "2019-01-01", "left"),
    ("IDN", "BRICS", "2025-01-05", "2025-01-06", "joined"),
    ("SYR", "LAS", "2011-11-15", "2011-11-16", "left"),
    ("SYR", "LAS", "2023-05-06", "2023-05-07", "joined"),
]


@pytest.mark.parametrize(("state", "bloc", "before", "after", "change"), JOINS_AND_EXITS)
def test_blocs_membership_changes_on_its_date(blocs, state, bloc, before, after, change):
    assert blocs.is_member(state, bloc, before) is (change == "left")
    assert blocs.is_member(state, bloc, after) is (change == "joined")


def test_blocs_the_west_follows_its_parts(blocs):
    """The West is NATO | EU | G7 | Five Eyes (+ Switzerland) on the date: Finland and Sweden are
    Western before joining NATO (EU since 1995), Britain after Brexit (NATO, G7); North Macedonia
    becomes Western the day it joins NATO."""
    for state, before, after in (("FIN", "2023-04-03", "2023-04-04"), ("SWE", "2024-03-06", "2024-03-07"),
                                 ("GBR", "2020-01-31", "2020-02-01")):
        assert blocs.is_member(state, "WEST", before) and blocs.is_member(state, "WEST", after)
    assert not blocs.is_member("MKD", "WEST", "2020-03-26") and blocs.is_member("MKD", "WEST", "2020-03-27")


def test_blocs_members_on_a_date(blocs):
    assert blocs.members("SCO", "2022-09-16") == {"CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"}
    assert blocs.members("SCO", "2016-01-01") == {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"}
    assert len(blocs.members("NATO", "2024-03-07")) == 32
    assert len(blocs.members("EU", "2020-01-31")) == 28
    assert len(blocs.members("EU", "2020-02-01")) == 27
    assert blocs.members("G8", "2010-06-01") == {"CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA", "RUS"}
    assert blocs.members("G8", "2015-06-01") == frozenset()
    assert "RUS" not in blocs.members("WEST", "2022-09-16")
    assert {"USA", "GBR", "JPN", "AUS", "NZL", "CHE", "TUR"} <= blocs.members("WEST", "2022-09-16")


def test_blocs_coarse_dates_and_lookup_keys(blocs):
    # a coarse date is read as its first day: in April 2023 as a whole, Finland was not yet in
    assert blocs.is_member("FIN", "NATO", "2023-05") and not blocs.is_member("FIN", "NATO", "2023-04")
    assert blocs.is_member("FIN", "NATO", "2023-04-04T09:00:00+00:00")
    for key in ("WEST", "west", "WST", "the West"):
        assert blocs.find(key).id == "WEST"
    for key in ("SCO", "igo:SCO", "Shanghai Cooperation Organization"):
        assert blocs.find(key).id == "SCO"
    assert blocs.find("RUS") is None and blocs.members("nothing") == frozenset()


def test_blocs_of_a_state(blocs):
    assert set(blocs.blocs_of("GBR", "2020-01-31")) >= {"EU", "NATO", "G7", "WEST"}
    assert "EU" not in blocs.blocs_of("GBR", "2020-02-01")


def test_blocs_table_covers_the_issue_list_and_every_member_is_a_country(blocs):
    wanted = {"SCO", "NATO", "EU", "G7", "G20", "BRICS", "ASEAN", "AU", "LAS", "CSTO", "EAEU", "OPEC", "GCC",
              "QUAD", "AUKUS", "FVEY", "COMSEC", "WEST"}
    assert wanted <= set(blocs.blocs)
    countries = load_tables().countries
    for bloc, spells in blocs.spells.items():
        assert spells, bloc
        for spell in spells:
            assert spell.member in countries, spell.where
    igos = {b.igo for b in blocs.blocs.values() if b.igo}
    assert all(f"igo:{abbr}" == blocs.find(abbr).actor_id for abbr in igos)


def test_blocs_history_lists_dated_changes(blocs):
    changes = blocs.changes("NATO")
    assert ("2023-04-04", "FIN", "joined") in changes and ("2024-03-07", "SWE", "joined") in changes
    assert ("2020-02-01", "GBR", "left") in blocs.changes("EU")


def _write(folder, name, body):
    (folder / name).write_text(body, encoding="utf-8")


def test_blocs_user_rows_override_and_bad_rows_are_reported(tmp_path):
    mine = tmp_path / "blocs"
    mine.mkdir()
    _write(mine, "blocs.tsv", "id\tcode\tigo\tname\tkind\tphrases\tadjectives\tunion\tdefinition\n"
                              "NORDIC\tNRD\t\tthe Nordic countries\tinformal\tthe Nordic countries\tNordic\t\tNordic\n"
                              "bad id\tNRD\t\tx\tinformal\t\t\t\t\n")
    _write(mine, "members.tsv", "bloc\tmember\tvalid_from\tvalid_to\tnote\n"
                                "NORDIC\tNOR\t\t\t\nNORDIC\tSWE\t\t\t\nNATO\tFIN\t2023-04-05\t\tlater, mine\n"
                                "NORDIC\tXX\t\t\t\nNORDIC\tDNK\t2020-13-01\t\t\nNOPE\tDNK\t\t\t\n")
    tables = load_blocs(tmp_path)
    assert tables.members("NORDIC", "2022-01-01") == {"NOR", "SWE"}
    assert not tables.is_member("FIN", "NATO", "2023-04-04") and tables.is_member("FIN", "NATO", "2023-04-05")
    assert len(tables.warnings) == 4
    assert any("members.tsv:5" in w and "bad member" in w for w in tables.warnings)
    assert any("unknown bloc 'NOPE'" in w for w in tables.warnings)


def test_blocs_overlapping_spells_are_an_error(tmp_path):
    _write(tmp_path, "blocs.tsv", "id\tcode\tigo\tname\tkind\tphrases\tadjectives\tunion\tdefinition\n"
                                  "NORDIC\tNRD\t\tthe Nordic countries\tinformal\t\t\t\t\n")
    _write(tmp_path, "members.tsv", "bloc\tmember\tvalid_from\tvalid_to\tnote\n"
                                    "NORDIC\tNOR\t2000\t2010\t\nNORDIC\tNOR\t2009-06\t\t\n")
    tables = load_blocs(tmp_path)
    assert any("overlaps the spell at" in w and "members.tsv:3" in w for w in tables.warnings)
    assert tables.members("NORDIC", "2012-01-01") == frozenset()


def test_blocs_shipped_tables_raise_data_error_with_file_and_line(tmp_path, monkeypatch):
    import dyad.actors.blocs as blocs_module

    _write(tmp_path, "blocs.tsv", "id\tcode\tigo\tname\tkind\tphrases\tadjectives\tunion\tdefinition\n"
                                  "X\tIGO\t\tx\tsecret\t\t\t\t\n")
    monkeypatch.setattr(blocs_module, "DATA_DIR", tmp_path)
    blocs_module._load_cached.cache_clear()
    try:
        with pytest.raises(DataError, match=r"blocs.tsv:2"):
            blocs_module.load_blocs()
    finally:
        monkeypatch.undo()
        blocs_module._load_cached.cache_clear()


@pytest.mark.parametrize(("text", "published", "mention", "code"), [
    ("Western countries imposed new sanctions on Russia on Monday.", "2022-03-01", "Western countries", "WST"),
    ("The West accused Moscow of lying about its troop movements.", "2022-02-20", "The West", "WST"),
    ("Iran has long accused the West of meddling in its affairs.", "2022-10-01", "the West", "WST"),
    ("The ruling drew criticism from Western governments.", "2021-06-01", "Western governments", "WST"),
    ("Central Asian leaders met Chinese President Xi Jinping in Xian.", "2023-05-19", "Central Asian leaders", "CAS"),
    ("The Quad leaders met in Tokyo on Tuesday.", "2022-05-24", "The Quad", "IGO"),
])
def test_blocs_named_as_actors(text, published, mention, code):
    reading = dyad.read(text, published=published)
    found = {m.text: a for a in reading.actors for m in a.mentions}
    assert mention in found and found[mention].code == code


@pytest.mark.parametrize("text", [
    "Investors in the West are nervous about the war.",
    "He grew up in Western Australia and studied Western music.",
    "Fighting continued in western Ukraine overnight.",
    "Unemployment rose in the West Midlands and the West of England.",
    "The World Bank director for the West Bank and Gaza said aid had dried up.",
    "The show has been one of the West End's hottest tickets.",
    "She won gold at the Commonwealth Games in Melbourne.",
])
def test_blocs_places_and_other_words_are_not_bloc_actors(text):
    reading = dyad.read(text, published="2022-03-01")
    assert not [a for a in reading.actors if a.id.startswith("bloc:")]


def test_blocs_example_names_the_west_as_an_actor(example_reading):
    west = next(a for a in example_reading.actors if a.id == "bloc:WEST")
    assert west.code == "WST" and west.name == "the West"
    texts = [m.text for m in west.mentions]
    assert texts[0] == "the West" and {"Western efforts", "Western push", "Western leaders"} <= set(texts)
    text = example_reading.article.text
    assert all(text[m.start:m.end] == m.text for m in west.mentions)


@settings(max_examples=60, deadline=None)
@given(st.builds(Relation, subject=st.text(max_size=5), relation=st.sampled_from(["member_of", "left"]),
                 object=st.text(max_size=5), evidence=st.builds(Span, st.integers(0, 99), st.integers(0, 99)),
                 subject_name=st.none() | st.text(max_size=9), object_name=st.none() | st.text(max_size=9),
                 date=st.none() | st.text(max_size=10), confirmed=st.none() | st.booleans(),
                 stated=st.booleans()))
def test_blocs_relation_records_roundtrip(relation):
    data = json.loads(json.dumps(relation.to_dict()))
    assert Relation.from_dict(data) == relation
    reading = Reading.from_dict({"article": {"id": "x", "text": "t"}, "relations": [data]})
    assert reading.relations == (relation,)
