"""Issue 13: sides that name a role or group of no country, and events that need no target.

- A role or group that names no country ("police", "protesters", "rebels") is no actor of the
  article, but events code it as PETRARCH and ICEWS do, by its sector alone: ``---COP``
  (``DocActors.agent_at``); never when the phrase says whose it is and we only do not know it
  ("West African leaders", "world leaders"), never from a modifier ("naval exercises").
- A person the tables don't know, titled by a role of no country ("Gov. Jane Roe"): ``---GOV``.
- An imported (PETRARCH) row stands without a target only when the converter flagged it
  ``notarget`` (a phrase of a root that may stand alone): not "counting on", "hopes to announce
  a deal", nor an intent to cooperate (03).

Sentences written for these tests in the style of news, coded through the real parse.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline(coder):
    """text -> (DocActors, events): the shared coder of conftest.py, dated 2021-06-01 by default."""
    return lambda text, published="2021-06-01": coder(text, published)


def _coded(events) -> set[tuple[str, str, str]]:  # noqa: ANN001
    return {(e.source.code or "?", e.code[:2], e.target.code if e.target else "-") for e in events}


@pytest.mark.parametrize(("text", "wanted"), [
    ("Police arrested twelve protesters outside the parliament building on Saturday.", ("---COP", "17", "---OPP")),
    ("Rebels ambushed an army convoy on the main road, officials said.", ("---REB", "19", "-")),
    ("Protesters burned the national flag outside the parliament.", ("---OPP", "14", "-")),
    ("Gunmen killed five soldiers at a checkpoint late on Tuesday.", ("---UAF", "18", "---MIL")),
])
def test_events_roles_agents_group_of_no_country(pipeline, text, wanted):
    doc_actors, events = pipeline(text)
    assert wanted in _coded(events)
    assert not any(a.code and a.code.startswith("---") for a in doc_actors.actors)  # no actor of the article


def test_events_roles_agents_kept_apart_from_the_actors(pipeline):
    doc_actors, _ = pipeline("Riot police fired tear gas at the crowd in the capital.")
    start = "Riot police fired".index("police")
    ref = doc_actors.agent_at(start, start + len("police"))
    assert ref is not None and (ref.code, ref.country, ref.sector) == ("---COP", None, "COP")


def test_events_roles_agents_a_country_named_wins(pipeline):
    _, events = pipeline("Kenyan police arrested three opposition activists in Nairobi on Monday.")
    assert any(e.source.code == "KENCOP" for e in events)
    assert not any(e.source.code == "---COP" for e in events)


@pytest.mark.parametrize("text", [
    # the phrase says whose the group is, in a way the tables don't know: several countries
    "West African leaders gave the junta one week to cede power.",
    "World leaders condemned the attack on the embassy.",
    "Other global leaders sounded alarm about the deepening ties.",
    # not a clause of what happened: a role in general
    "Judges should think carefully before heading an inquiry into the affair.",
    "The new plans would allow police forces to detain suspects for longer.",
    "If these terrorists acquire such weapons, they will use them.",
])
def test_events_roles_agents_no_source_of_no_country(pipeline, text):
    _, events = pipeline(text)
    assert not any((e.source.code or "").startswith("---") for e in events)


def test_events_roles_agents_not_a_modifier(pipeline):
    # "naval" is a military word, but here it only says what the exercises are
    _, events = pipeline("India and France began a new round of joint naval exercises off Goa on Monday.")
    assert {("IND", "06", "FRA"), ("FRA", "06", "IND")} <= _coded(events)
    assert not any((e.source.code or "").startswith("---") for e in events)


def test_events_roles_agents_target_only_as_the_slot_itself(pipeline):
    # "troops" sit deep in the with-phrase: they are not whom the cooperation is with
    _, events = pipeline("Russia and China stepped up military cooperation, with China sending hundreds of "
                         "troops to the drills.", published="2022-09-16")
    assert not any(e.target is not None and (e.target.code or "").startswith("---") for e in events)


def test_events_roles_agents_titled_person_of_no_country(pipeline):
    _, events = pipeline("Health Minister Jane Roeburn rejected accusations that she misled lawmakers.")
    assert any(e.source.code == "---GOV" and e.code.startswith("01") for e in events)


@pytest.mark.parametrize("text", [
    # an imported (PETRARCH) row needs its target: alone, its phrases were mostly wrong on news
    "The Labour party is counting on the politics of fear, the Scottish minister said.",
    "The Kenyan finance minister hopes to announce a deal on debt relief later on Friday.",
])
def test_events_roles_agents_imported_phrase_alone_is_no_event(pipeline, text):
    _, events = pipeline(text)
    assert not any(e.target is None for e in events), _coded(events)


@pytest.mark.parametrize("text", [
    "China sent hundreds of troops to take part in the exercises.",  # an intent (03) is made to someone
    "Israel needed to listen to the world too, he said.",  # words further down, not the verb's object
])
def test_events_roles_agents_imported_row_without_target_is_no_event(pipeline, text):
    _, events = pipeline(text)
    assert not any(e.target is None and e.code[:2] in ("03", "05") for e in events)


@pytest.mark.parametrize(("text", "wanted"), [
    # "a state" read as the country's government: the source itself is no target
    ("President Salva Kiir lifted a state of emergency in the north of the country on Friday.", ("SSDGOV", "08", "-")),
    ("The Peruvian president declared a state of emergency in the capital on Friday.", ("PERGOV", "17", "-")),
])
def test_events_roles_agents_source_itself_is_no_target(pipeline, text, wanted):
    _, events = pipeline(text, published="2020-06-01")
    assert wanted in _coded(events)


def test_events_roles_agents_the_command_of_a_body(pipeline):
    # "command" names the part of the army that speaks for it; "it" is the command, so the army
    _, events = pipeline("The Syrian army command says it has ceased its military operations near Damascus.")
    assert any(e.source.code == "SYRMIL" and e.code.startswith("08") for e in events)


@pytest.mark.parametrize("text", [
    "More women than men went to university last year.",  # people in general: no one in particular
    "Parents can appeal against the decision of the school.",
])
def test_events_roles_agents_not_people_in_general(pipeline, text):
    _, events = pipeline(text)
    assert not any((e.source.code or "").startswith("---") for e in events)
    assert not any(e.target is not None and (e.target.code or "").startswith("---") for e in events)


def test_events_roles_agents_a_stated_intent_happened(pipeline):
    # the rebels said it (past): their intent is an event; "will not accept refugees" in general
    # is no event with refugees as its target, but Hungary's own still is
    _, events = pipeline("The rebels said on Thursday that they will release two hostages.")
    assert any(e.source.code == "---REB" for e in events)
    _, events = pipeline("Hungary says it will not accept refugees from the camps.")
    assert not any(e.target is not None and (e.target.code or "").startswith("---") for e in events)


def test_events_roles_agents_a_report_says_what_its_issuer_says(pipeline):
    _, events = pipeline("The Senate Intelligence Committee has issued a report that calls on the government to act.")
    assert any(e.source.code == "USALEG" and e.code.startswith("02") for e in events)


def test_events_roles_agents_an_intent_only_as_said(pipeline):
    # "police" in general intend many things; what police said they will do is theirs
    _, events = pipeline("Police are preparing to arrest the protest leaders.")
    assert not any((e.source.code or "").startswith("---") for e in events)
    _, events = pipeline("Police said they will arrest the protest leaders.")
    assert any(e.source.code == "---COP" and e.code.startswith("17") for e in events)
