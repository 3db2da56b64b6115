"""Who is on each side: one-sided and domestic events, role linking, places that are no target.

Sentences written for these tests in the style of news; published dates chosen so the people
named hold the offices the sentences give them.
"""

from __future__ import annotations

import pytest

from dyad.events import two_sided


@pytest.fixture(scope="module")
def code(coder):
    """text -> events: the shared coder of conftest.py, dated 2023-03-10 by default."""
    return lambda text, published="2023-03-10": coder(text, published)[1]


def _triples(events) -> set[tuple[str, str, str]]:  # noqa: ANN001
    def side(ref) -> str:  # noqa: ANN001
        return "-" if ref is None else (ref.country or (ref.code or "?")[:3])

    return {(side(e.source), e.code[:3], side(e.target)) for e in events}


@pytest.mark.parametrize("text, wanted", [
    ("Russia invaded and occupied Ukraine.", {("RUS", "190", "UKR"), ("RUS", "192", "UKR")}),
    ("Ukraine was attacked by Russia on Monday.", {("RUS", "190", "UKR")}),
    ("Iran wants to attack Israel.", {("IRN", "138", "ISR")}),  # a stated wish to use force: a threat
    ("France signed an agreement with Germany on Tuesday.", {("FRA", "057", "DEU")}),
    ("Talks between Armenia and Azerbaijan resumed on Monday.", {("ARM", "044", "AZE")}),
])
def test_events_sides_role_linking(code, text, wanted):
    got = _triples(code(text))
    assert wanted <= {(s, c if not c.startswith("04") else "044", t) for s, c, t in got} | got


def test_events_sides_one_sided_event_is_kept_with_no_target(code):
    events = code("Hungary rejected the proposal on Monday.")
    assert any(e.target is None and e.code.startswith("12") for e in events)
    assert two_sided(events) == ()


def test_events_sides_require_dyad_keeps_two_sided_events(code):
    events = code("Protesters marched through Paris. Russia attacked Ukraine.")
    assert {(e.code, e.target.country) for e in two_sided(events)} == {("190", "UKR")}


def test_events_sides_domestic_events_between_two_people(code):
    got = _triples(code("Prime Minister Tony Blair criticised Michael Howard on Monday.",
                        published="2005-02-01"))
    assert ("GBR", "111", "GBR") in got


def test_events_sides_an_actor_on_itself_is_no_event(code):
    got = _triples(code("Russia praised Russia."))
    assert not any(s == t for s, _, t in got if t != "-")


def test_events_sides_a_place_that_only_says_where_is_no_target(code):
    got = _triples(code("Russian and Chinese troops held military exercises in Alaska."))
    assert ("RUS", "062", "CHN") in got
    assert not any(t == "USA" for _, _, t in got)


@pytest.mark.parametrize("text, wanted", [
    ("The IAEA inspection team accused Iran of hiding nuclear material.", ("IGO", "112", "IRN")),
    ("A NATO team met Ukrainian officials in Kyiv on Monday.", ("IGO", "042", "UKR")),
])
def test_events_sides_a_team_is_of_the_body_named_on_it(code, text, wanted):
    assert wanted in _triples(code(text))


def test_events_sides_a_country_where_it_happened_may_be_the_target(code):
    assert ("FRA", "111", "NER") in _triples(code("France condemned the coup in Niger."))


@pytest.mark.parametrize("text", [
    "Britain takes over the presidency of the EU from Luxembourg in July.",
    "Tory leader Michael Howard went on the offensive over the comments.",
    "She said a Conservative government would bring a radical reform of the courts.",
])
def test_events_sides_idioms_and_reported_clauses_are_no_event(code, text):
    assert not [e for e in code(text, published="2005-01-15") if e.code[:2] in ("17", "19", "08")]


def test_events_sides_reaching_a_deal_is_an_agreement(code):
    assert ("ARM", "057", "AZE") in _triples(code("Armenia and Azerbaijan reached an agreement on the border."))


@pytest.mark.parametrize("text, wanted", [
    ("Poland said it would expel three Belarusian diplomats.", ("POL", "BLR")),
    ("The Kenyan army says it has attacked al-Shabaab camps in Somalia.", ("KEN", "SOM")),
])
def test_events_sides_a_pronoun_reporting_on_itself_is_the_reporter(code, text, wanted):
    got = {(s, t) for s, _, t in _triples(code(text))}
    assert wanted in got


def test_events_sides_a_pronoun_is_not_the_reporter_of_anothers_clause(code):
    events = code("Poland said that Germany and France had agreed that it should attack Belarus.")
    assert not any(e.source.country == "POL" and e.code.startswith("19") for e in events)


@pytest.mark.parametrize("text, wanted", [
    ("Russian troops attacking Ukrainian villages were seen near Kharkiv on Monday.", ("RUS", "190", "UKR")),
    ("The leaders of France and Germany gathered for a meeting in Brussels.", ("FRA", "040", "DEU")),
])
def test_events_sides_agents_of_reduced_relatives_and_light_verbs(code, text, wanted):
    got = {(s, c if not c.startswith("04") else "040", t) for s, c, t in _triples(code(text))}
    assert wanted in got


def test_events_sides_a_thing_done_by_an_actor_names_that_actor(code):
    assert ("RUS", "190", "UKR") in _triples(code("Missiles fired by the Russian army attacked Ukrainian troops."))
    assert ("ISR", "182", "SYR") in _triples(code("Airstrikes carried out by Israel killed Syrian soldiers."))


def test_events_sides_coordinated_sources_agree_with_each_other(code):
    got = _triples(code("Jordan and Britain agreed on Monday to hold joint military exercises."))
    assert {("JOR", "050", "GBR"), ("GBR", "050", "JOR")} <= got
    assert not any(c.startswith("05") and s != "-" and t != "-" for s, c, t in
                   _triples(code("The United States and Britain backed the resolution.")))


@pytest.mark.parametrize("text, published, wanted", [
    # a use of force promised on a condition is a threat to whoever the condition is about
    ("“If Hezbollah breaks the truce, we will strike,” Netanyahu said.", "2024-11-26", ("ISR", "138", "LBN")),
    ("If Iran attacks Israel, the United States will strike back hard.", "2024-04-10", ("USA", "138", "IRN")),
    # a vow or commitment to use force is a threat, not an attack to come
    ("Pakistan vowed to crush the Taliban.", "2023-03-10", ("PAK", "138", "AFG")),
    ("Netanyahu said Israel remains committed to eliminating Hamas.", "2024-11-26", ("ISR", "138", "PSE")),
    # talks announced with the parties they will include
    ("Washington announced a new round of talks that will include Cairo and Doha.", "2024-11-26",
     ("USA", "036", "QAT")),
    # an evaluation said of someone: criticism (a reported adjective)
    ("The opposition leader, Michael Howard, said Tony Blair was naive.", "2004-11-05", ("GBR", "111", "GBR")),
    ("Jack Straw arrived in Tokyo on Monday. He said Japan was naive.", "2005-01-21", ("GBR", "111", "JPN")),
    ("Mr Straw spoke about North Korea, which he said had an appalling rights record.",
     "2005-01-21", ("GBR", "112", "PRK")),
    # a threat that names no one is made to whom the clause it answers is about
    ("Moscow threatened to take countermeasures after Sweden joined Nato.", "2024-03-10", ("RUS", "130", "SWE")),
    # "the two sides" agreeing to reopen talks: the pair named before, each way
    ("Kyiv and Moscow clashed over grain. Officials said the two sides had agreed to reopen talks.",
     "2023-03-10", ("UKR", "036", "RUS")),
    # an acronym the article defines in brackets; a body named before a noun saying what it is
    ("The Palestinian Authority (PA) asked for help. Israel shared information with the PA.",
     "2005-02-28", ("ISR", "064", "PSE")),
    ("The Southern African Development Community (SADC) regional bloc condemned Madagascar.",
     "2009-03-20", ("IGO", "111", "MDG")),
    # "said in a statement joining calls for the release of ...": the statement is the speaker's
    ("Germany said in a statement joining calls for the release of the sailors held by Iran.",
     "2023-03-10", ("DEU", "105", "IRN")),
    ("The Serbian government refused to accept Kosovo's explanation.", "2023-03-10", ("SRB", "120", "XKX")),
    # whose "its"/"his" is: the clause's subject, or the one told
    ("Berlin stressed its commitment to rebuilding Ukraine.", "2023-03-10", ("DEU", "030", "UKR")),
    ("Seoul told the Japanese minister that his plan was \"a worrying step\".", "2023-03-10", ("KOR", "012", "JPN")),
    ("Russia said its forces attacked Ukraine.", "2023-03-10", ("RUS", "190", "UKR")),
    # "held" a person is detention; holding talks, a stake or an election is not
    ("Nigerien soldiers have held President Mohamed Bazoum since Wednesday.", "2023-07-28", ("NER", "173", "NER")),
    # whom a complaint is against, and dropping it
    ("Canada filed a complaint alleging China's dumping of steel.", "2023-03-10", ("CAN", "114", "CHN")),
    ("Seoul dropped its complaint against Tokyo at the WTO.", "2023-03-18", ("KOR", "080", "JPN")),
])
def test_events_sides_threats_talks_and_evaluations(code, text, published, wanted):
    assert wanted in _triples(code(text, published))


def test_events_sides_asserted_attack_is_not_a_threat_and_crushing_no_one_is_no_event(code):
    assert ("RUS", "190", "UKR") in _triples(code("Russia attacked Ukraine on Monday."))
    assert not code("The government vowed to crush inflation.", "2023-03-10")


def test_events_sides_a_participle_is_not_done_by_who_mentions_it(code):
    """"Straw noted embargoes applied to China": Straw applies nothing to China."""
    events = code("Mr Straw noted arms embargoes applied to China and Burma.", "2005-01-21")
    assert not any(e.code.startswith("02") for e in events)
    events = code("Iran condemned sanctions imposed by Washington on Caracas.", "2023-03-10")
    assert ("USA", "163", "VEN") in _triples(events) or ("USA", "170", "VEN") in _triples(events)


def test_events_sides_their_is_not_the_single_speaker(code):
    """"Their perception is a wrong one," Raisi said: "their" is not Raisi."""
    events = code('"The Americans think they can stop any country. Their perception is a wrong one," '
                  "Iranian President Ebrahim Raisi said.", "2022-09-16")
    assert ("IRN", "111", "USA") in _triples(events)


def test_events_sides_holding_a_thing_is_no_detention(code):
    assert not any(e.code == "173" for e in code("Russia holds a stake in the pipeline company."))
    assert not any(e.code == "173" for e in code("Nigeria will hold an election in February.", "2022-10-01"))


def test_events_sides_attacking_a_plan_is_criticism_attacking_a_site_is_force(code):
    """A person= row's other code (111) is for things said or decided (cues.tsv `said` nouns)."""
    assert ("GBR", "111", "GBR") in _triples(code("The Conservatives attacked the government's plans.", "2005-01-15"))
    events = code("Russian troops attacked Ukrainian positions near Bakhmut.", "2023-03-10")
    assert any(e.code.startswith("19") for e in events) and not any(e.code == "111" for e in events)


def test_events_sides_what_a_clause_reports_is_coded_in_its_clause(code):
    """"Biden announced that Israel reached a ceasefire deal": Israel's deal, not Biden's ceasefire."""
    events = code("Joe Biden announced that Israel had reached a ceasefire deal with Hezbollah.", "2024-11-26")
    assert not any(e.source.country == "USA" for e in events)
    assert any(e.source.country == "ISR" and e.target is not None and e.target.country == "LBN" for e in events)


@pytest.mark.parametrize("text, wanted", [
    # force on things no actor names: the country a demonym gives them, or where the verb hit
    ("India struck nine sites in Pakistan, saying they were used by militants.", ("IND", "190", "PAK")),
    ("Israel attacked Iranian nuclear sites on Friday.", ("ISR", "190", "IRN")),
    ("Taliban fighters attacked Pakistani border posts overnight.", ("AFG", "190", "PAK")),
])
def test_events_sides_force_on_things_of_a_country(code, text, wanted):
    assert wanted in _triples(code(text, published="2025-06-13"))


def test_events_sides_force_in_the_sources_own_country_names_no_target(code):
    got = _triples(code("Nigerian troops attacked villages in Borno state.", published="2025-06-13"))
    assert ("NGA", "190", "-") in got and not any(t == "NGA" for _, c, t in got if c == "190")


def test_events_sides_a_place_in_a_relative_clause_is_not_the_targets(code):
    got = _triples(code("The Kenyan president criticised nations which ignored Somalia's famine.",
                        published="2023-03-10"))
    assert ("KEN", "111", "-") in got and ("KEN", "111", "SOM") not in got
