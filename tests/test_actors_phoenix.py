"""The PETRARCH/TABARI dictionary converter, on small excerpts written in the dictionaries' format,
and the check of the hand people tables against the converted Phoenix people."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyad.actors import phoenix
from dyad.actors.checks import disagreements
from dyad.actors.tables import DATA_DIR, load_tables
from dyad.errors import DataError

ACTORS = """\
# a user's own TABARI actors file
ARNOR_  [ARN]
+ARNORIAN_
+FORNOST_
VLADIMIR_PUTIN_  # CountryInfo.txt
+VLADIMIR_V._PUTIN
+PRESIDENT_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV 990809-000507]
\t[RUSGOV >080508]
OKELLO_ODONGO_KATABAZI_  # CountryInfo.txt
\t[UGAGOV 030101-091231]
\t[UGAMIL >100101]
IVO_JOSIPOVIC_
PRESIDENT_JOSIPOVIC_
\t[HRVGOV >20100218]
UGANDA_PEOPLES_DEFENCE_FORCE_(UPDF)_ [UGAMIL]
LORDS_RESISTANCE_ARMY_ [UGAREB] # kkl
+LRA_
KAMPALA_CAPITAL_CITY_AUTHORITY
\t[UGAGOVBUS]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
COFFEE_GROWER [~AGR]
FISHER!PERSON! [~AGR]
RIOT_POLICE {} [~COP]
DEFENSE_MINISTRY {DEFENSE_MINISTRIES} [~GOVMIL]
IMAM [~MUS]
"""


@pytest.fixture
def dictionaries(tmp_path: Path) -> tuple[Path, Path]:
    actors = tmp_path / "mine.actors.txt"
    agents = tmp_path / "mine.agents.txt"
    actors.write_text(ACTORS.replace("ARN]", "UGA]").replace("ARNOR_", "UGANDA_"), encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


@pytest.mark.parametrize(("text", "iso"), [
    ("080507", "2008-05-07"), ("991231", "1999-12-31"), ("300101", "2030-01-01"), ("310101", "1931-01-01"),
    ("19270101", "1927-01-01"), ("20121204", "2012-12-04"),
])
def test_actors_phoenix_two_digit_years_pivot_at_30(text, iso):
    assert phoenix.tabari_date(text) == iso


@pytest.mark.parametrize("text", ["2004017", "9008223", "201005011", "991331"])
def test_actors_phoenix_bad_dates_raise_data_error_with_place(text):
    with pytest.raises(DataError) as err:
        phoenix.tabari_date(text, "x.txt", 12)
    assert "x.txt" in str(err.value) and "12" in str(err.value)


@pytest.mark.parametrize(("code", "parts"), [
    ("RUSGOV", ("RUS", "GOV")), ("IGOUNOKID", (None, "IGO")), ("USAGOVLEG", ("USA", "LEG")),
    ("USAGOVBUS", ("USA", "GOV")), ("RUS", ("RUS", None)), ("KSVGOV", ("XKX", "GOV")),
    ("USAASM", ("ASM", None)), ("NGOHRI", (None, "NGO")), ("AFRREB", None),
])
def test_actors_phoenix_codes_split_into_country_and_sector(code, parts):
    countries = set(load_tables().countries)
    assert phoenix.split_code(code, countries) == parts


def test_actors_phoenix_reads_entries_synonyms_and_dated_codes(dictionaries):
    warnings: list[str] = []
    entries = phoenix.read_actors(dictionaries[0], warnings)
    by_name = {e.names[0]: e for e in entries}
    putin = by_name["VLADIMIR PUTIN"]
    assert [c.code for c in putin.codes] == ["RUSELI", "RUSGOV", "RUSGOV"]
    assert putin.codes[2].start == "2008-05-08" and putin.codes[2].end == ""
    assert "VLADIMIR V. PUTIN" in putin.synonyms
    # uncoded primaries written one after another are one actor's names
    assert "PRESIDENT JOSIPOVIC" in by_name["IVO JOSIPOVIC"].synonyms
    assert warnings == []


def test_actors_phoenix_converts_into_dyads_tables(dictionaries):
    converted = phoenix.convert([dictionaries[0]], [dictionaries[1]])
    people = {(r["name"], r["sector"], r["valid_from"]): r for r in converted.people}
    assert ("Okello Odongo Katabazi", "MIL", "2010-01-01") in people
    assert people[("Okello Odongo Katabazi", "MIL", "2010-01-01")]["valid_to"] == ""   # open: horizon applies
    orgs = {r["name"]: r for r in converted.orgs}
    assert orgs["Uganda Peoples Defence Force"]["sector"] == "MIL" and "UPDF" in orgs["Uganda Peoples Defence Force"][
        "aliases"]
    assert orgs["Lords Resistance Army"]["country"] == "UGA" and orgs["Lords Resistance Army"]["sector"] == "REB"
    places = {r["phrase"]: r["country"] for r in converted.places}
    assert places.get("Fornost") == "UGA"
    sectors = {r["phrase"]: r for r in converted.sectors}
    assert sectors["coffee grower"]["sector"] == "AGR" and sectors["fisherwomen"]["sector"] == "AGR"
    assert sectors["defense ministries"]["kind"] == "body" and sectors["imam"]["sector"] == "REL"


def test_actors_phoenix_users_files_load_through_data_dir(dictionaries, tmp_path):
    converted = phoenix.convert([dictionaries[0]], [dictionaries[1]])
    data_dir = tmp_path / "mydata"
    phoenix.write(converted, data_dir / "actors" / "generated", horizon="2015-07-01")
    head = (data_dir / "actors" / "generated" / "people-phoenix.tsv").read_text(encoding="utf-8").splitlines()[:6]
    assert any(line.startswith("# Source:") for line in head) and any("MIT" in line for line in head)
    tables = load_tables(data_dir)
    assert tables.warnings == ()
    actor = tables.resolve("Okello Odongo Katabazi", "2012-05-01")
    assert (actor.code, actor.country) == ("UGAMIL", "UGA")
    # an open-ended dictionary role past the horizon is no evidence: the country alone
    later = tables.resolve("Okello Odongo Katabazi", "2019-05-01")
    assert (later.code, later.sector) == ("UGA", None)
    assert tables.resolve("Fornost police", "2012-05-01").code == "UGACOP"
    assert tables.resolve("Lords Resistance Army", "2012-05-01").code == "UGAREB"


def test_actors_phoenix_hand_tables_win_and_dictionary_fills_gaps():
    tables = load_tables()
    # Putin's hand tenures speak for 2000 on; the dictionary adds nothing that contradicts them
    assert tables.resolve("Vladimir Putin", "2010-06-01").role == "Prime Minister of Russia"
    # John Kerry: the hand tables start in 2013, the dictionary knows the senator before
    assert tables.resolve("John Kerry", "2004-11-05").code == "USALEG"
    assert tables.resolve("John Kerry", "2014-11-05").code == "USAGOV"
    # a dictionary tenure that runs into a hand one keeps its years before it: Gordon Brown in
    # government (chancellor) from 2003 in the dictionary, prime minister from 2007 in the hand tables
    assert tables.resolve("Gordon Brown", "2005-03-01").code == "GBRGOV"
    assert tables.resolve("Gordon Brown", "2008-03-01").role == "Prime Minister of the United Kingdom"


def test_actors_phoenix_generated_tables_are_current():
    """The shipped generated tables are what the converter makes of the shipped dictionaries."""
    source = Path(__file__).resolve().parents[2] / "shared" / "data" / "petrarch2"
    if not source.is_dir():
        source = Path("/work/shared/data/petrarch2")
    if not source.is_dir():
        pytest.skip("Phoenix dictionaries not available")
    converted = phoenix.convert([source / n for n in phoenix.ACTOR_FILES], [source / phoenix.AGENT_FILE])
    shipped = (phoenix.GENERATED_DIR / "people-phoenix.tsv").read_text(encoding="utf-8").count("\n")
    assert abs(shipped - (len(converted.people) + 8)) <= 1


def test_actors_phoenix_check_lists_no_unreviewed_disagreement():
    """Every disagreement between hand people and the Phoenix people is fixed or reviewed
    (``reviewed-disagreements.tsv``); rerun ``python -m dyad.actors.phoenix --check`` to list them."""
    found = disagreements()
    assert found == [], "\n".join(f"{d.country} {d.name} {d.kind} {d.start}..{d.end}" for d in found[:20])


def test_actors_phoenix_check_finds_a_planted_disagreement(tmp_path):
    data = tmp_path / "actors"
    data.mkdir()
    shutil.copy(DATA_DIR / "countries.tsv", data / "countries.tsv")
    header = "name\taliases\tcountry\tsector\trole\tvalid_from\tvalid_to\twikidata\n"
    (data / "people-test.tsv").write_text(
        "# test\n" + header + "Okello Odongo Katabazi\t\tUGA\tGOV\tForeign Minister of Uganda\t2005-01-01\t2012-01-01\t\n",
        encoding="utf-8")
    generated = tmp_path / "generated"
    generated.mkdir()
    (generated / "people-phoenix.tsv").write_text(
        "# Horizon: 2015-07-01\n" + header +
        "Okello Odongo Katabazi\t\tUGA\tGOV\tgovernment official (Phoenix UGAGOV)\t2005-01-01\t2007-01-01\t\n"
        "Okello Odongo Katabazi\t\tUGA\tELI\telite (Phoenix UGAELI)\t2007-01-01\t2013-01-01\t\n",
        encoding="utf-8")
    found = disagreements(data, generated)
    kinds = {d.kind for d in found}
    assert kinds == {"dictionary has them in no office", "dictionary has them out of office"}
    assert all(d.start == "2007-01-01" and d.end == "2012-01-01" for d in found)


MONONYMS = """\
WALUKAMBA_
+SSEMOGERERE_
\t[UGA <950601]
\t[UGAGOV 19950601 - 19990815]
\t[UGAREB >990816]
ODONGO_
\t[UGAGOV 19950601 - 19990815]
\t[UGAMIL >990816]
NATIONAL_RESISTANCE_COUNCIL_
\t[UGAGOVLEG 19860126-19960101]
"""


def test_actors_phoenix_one_word_person_with_changing_roles(dictionaries, tmp_path):
    """A one-word entry whose dated codes give it roles that change over time is a person (known
    by that one word, as TABARI dictionaries write mononyms), found in text by it unless the word
    is part of another person's longer name ("Odongo" of Okello Odongo Katabazi)."""
    mononyms = tmp_path / "mononyms.actors.txt"
    mononyms.write_text(MONONYMS, encoding="utf-8")
    converted = phoenix.convert([dictionaries[0], mononyms], [dictionaries[1]])
    people = {(r["name"], r["sector"], r["valid_from"]) for r in converted.people}
    assert {("Walukamba", "GOV", "1995-06-01"), ("Walukamba", "REB", "1999-08-16")} <= people
    assert ("Odongo", "MIL", "1999-08-16") in people
    data_dir = tmp_path / "mydata"
    phoenix.write(converted, data_dir / "actors" / "generated", horizon="2015-07-01")
    tables = load_tables(data_dir)
    assert tables.resolve("Walukamba", "1992-01-02").code == "UGA"      # before any role: the country
    assert tables.resolve("Ssemogerere", "1997-03-01").code == "UGAGOV"
    assert tables.resolve("Walukamba", "2003-03-01").code == "UGAREB"
    found = tables.resolve("Odongo", "2003-03-01")
    assert found is None or found.code != "UGAMIL"   # a word of another person's name: not indexed alone
