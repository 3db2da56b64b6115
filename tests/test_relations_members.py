"""Memberships the text states, as relations checked against the bloc tables (issue 17)."""

from __future__ import annotations

import pytest

import dyad

GOLD_SCO = {("CHN", "member_of", "SCO"), ("IND", "member_of", "SCO"), ("PAK", "member_of", "SCO"),
            ("RUS", "member_of", "SCO"), ("KAZ", "member_of", "SCO"), ("KGZ", "member_of", "SCO"),
            ("TJK", "member_of", "SCO"), ("UZB", "member_of", "SCO")}


def _triples(reading):
    return {(r.subject, r.relation, r.object) for r in reading.relations}


def test_relations_example_has_the_eight_gold_memberships(example_reading):
    assert _triples(example_reading) == GOLD_SCO
    text = example_reading.article.text
    for relation in example_reading.relations:
        assert relation.confirmed is True and relation.stated is True and relation.date == "2022-09-16"
        evidence = text[relation.evidence.start:relation.evidence.end]
        assert evidence.startswith("The SCO") and relation.subject_name in evidence


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Finland joined NATO on Tuesday, doubling the alliance's border with Russia.", "2023-04-04",
     {("FIN", "member_of", "NATO", True)}),
    ("Sweden became the 32nd member of NATO on Thursday after a long wait.", "2024-03-07",
     {("SWE", "member_of", "NATO", True)}),
    ("NATO members Turkey and Hungary have delayed the ratification for months.", "2023-01-10",
     {("TUR", "member_of", "NATO", True), ("HUN", "member_of", "NATO", True)}),
    ("EU members France and Germany backed the plan on Monday.", "2022-03-01",
     {("FRA", "member_of", "EU", True), ("DEU", "member_of", "EU", True)}),
    ("BRICS, which groups Brazil, Russia, India, China and South Africa, met in Johannesburg.", "2023-08-22",
     {(s, "member_of", "BRICS", True) for s in ("BRA", "RUS", "IND", "CHN", "ZAF")}),
    ("Iran joined the Shanghai Cooperation Organization in 2023.", "2023-08-01",
     {("IRN", "member_of", "SCO", True)}),
    ("Britain left the European Union in 2020 after a referendum.", "2021-05-01", {("GBR", "left", "EU", True)}),
    ("Qatar quit OPEC in 2019 to focus on gas.", "2019-06-01", {("QAT", "left", "OPEC", True)}),
    # the text and the tables disagree: kept, flagged
    ("NATO members Sweden and Norway held drills in the Arctic.", "2022-06-01",
     {("SWE", "member_of", "NATO", False), ("NOR", "member_of", "NATO", True)}),
])
def test_relations_from_sentences(text, published, expected):
    reading = dyad.read(text, published=published)
    assert {(r.subject, r.relation, r.object, r.confirmed) for r in reading.relations if r.stated} == expected


@pytest.mark.parametrize("text", [
    "The talks in Brussels between France and Germany ended without a deal.",
    "Leaders of the ex-Soviet Central Asian nations of Kazakhstan and Uzbekistan met on Friday.",
    "Russia and China blocked the resolution at the United Nations Security Council.",
])
def test_relations_none_without_a_membership_statement(text):
    assert dyad.read(text, published="2022-03-01").relations == ()


def test_relations_outside_the_tables_are_unconfirmed():
    reading = dyad.read("Japan became a member of the World Trade Organization in 1995.", published="2023-01-01")
    assert {(r.subject, r.object, r.confirmed) for r in reading.relations} == {("JPN", "WTO", None)}


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Former colonial ruler France and the EU have suspended aid to Niger.", "2023-07-30", {("FRA", "EU")}),
    ("ECOWAS chairman Nigerian President Bola Tinubu said it was time for action.", "2023-07-30",
     {("NGA", "ECOWAS")}),
    # the tables say no: Britain had left the EU, Sweden was not yet in NATO, Iran not yet in the SCO
    ("Britain and the EU signed a new fisheries deal.", "2021-05-01", set()),
    ("Sweden hosted NATO officials in Stockholm.", "2022-06-01", set()),
    ("Iran sent its foreign minister to the SCO meeting.", "2022-09-16", set()),
    ("Iran sent its foreign minister to the SCO meeting.", "2023-09-16", {("IRN", "SCO")}),
])
def test_relations_implied_by_a_sentence_only_when_the_tables_agree(text, published, expected):
    reading = dyad.read(text, published=published)
    implied = {r for r in reading.relations if not r.stated}
    assert {(r.subject, r.object) for r in implied} == expected
    assert all(r.confirmed is True and r.relation == "member_of" for r in implied)
