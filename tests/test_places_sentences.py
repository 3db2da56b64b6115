"""Place mentions in real-style news sentences, geocoded with the article as context."""

from __future__ import annotations

import pytest

from dyad.places import find_places, load_gazetteer
from dyad.records import Article


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def places_of(nlp, gazetteer, text: str):
    found = find_places(nlp(text), Article(id="t", text=text), gazetteer)
    for place in found:
        assert text[place.start:place.end] == place.text
    return found


def where(nlp, gazetteer, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.text: (p.country, p.feature) for p in places_of(nlp, gazetteer, text)}


@pytest.mark.parametrize(("sentence", "text", "country", "feature"), [
    # ambiguous names settled by context
    ("Thousands rallied in Tbilisi on Sunday as Georgia's parliament debated the bill.",
     "Georgia", "GEO", "country"),
    ("Georgia's ruling party won the election, and officials in Tbilisi celebrated.",
     "Georgia", "GEO", "country"),
    ("Georgian police detained protesters outside parliament in Georgia.", "Georgia", "GEO", "country"),
    ("Voters in Georgia lined up for hours in Atlanta and Savannah.", "Georgia", "USA", "admin1"),
    ("Georgia, Armenia and Azerbaijan signed the declaration.", "Georgia", "GEO", "country"),
    ("A tornado tore through Paris, Texas, on Monday.", "Paris", "USA", "city"),
    ("Protesters filled the streets of Paris on Saturday.", "Paris", "FRA", "city"),
    ("She taught in Cambridge, Massachusetts, before moving to London.", "Cambridge", "USA", "city"),
    ("Researchers in Cambridge and London published the study, the British government said.",
     "Cambridge", "GBR", "city"),
    ("Harvard is in Cambridge, near Boston.", "Cambridge", "USA", "city"),
    ("Clashes erupted in Tripoli, Lebanon's second city, near Beirut.", "Tripoli", "LBN", "city"),
    ("Militias clashed in Tripoli as the Libyan government called for calm.", "Tripoli", "LBY", "city"),
    ("He was born in Springfield, Illinois.", "Springfield", "USA", "city"),
    ("Talks in Washington ended without a deal.", "Washington", "USA", "city"),
    # seas, straits, regions, possessive and directional regions
    ("Chinese warships sailed through the Taiwan Strait and into the South China Sea.",
     "Taiwan Strait", None, "strait"),
    ("Chinese warships sailed through the Taiwan Strait and into the South China Sea.",
     "South China Sea", None, "sea"),
    ("Ukraine struck Russian positions in Crimea and on the Black Sea coast.", "Crimea", "UKR", "peninsula"),
    ("Ukraine struck Russian positions in Crimea and on the Black Sea coast.", "Black Sea", None, "sea"),
    ("The tanker was seized in the Strait of Hormuz, near the Persian Gulf.", "Strait of Hormuz", None, "strait"),
    ("Israeli strikes hit the Gaza Strip and raids continued in the West Bank.", "West Bank", "PSE", "region"),
    ("Fighting intensified in the Donbas region of eastern Ukraine.", "Donbas", "UKR", "region"),
    ("Fighting intensified in the Donbas region of eastern Ukraine.", "eastern Ukraine", "UKR", "region"),
    ("Turkish forces shelled targets in Syria's north.", "Syria's north", "SYR", "region"),
    ("Troops were deployed to Russia's Far East and Siberia.", "Russia's Far East", "RUS", "region"),
    ("Bombers flew over the Sea of Japan and the Pacific.", "Pacific", None, "ocean"),
    ("The Sahel and the Horn of Africa face drought, the UN said.", "Sahel", None, "region"),
    ("Officials in Kashmir said militants attacked a checkpoint.", "Kashmir", None, "region"),
    # names the model tags as something else
    ("The leaders met at a summit in ex-Soviet Uzbekistan.", "Uzbekistan", "UZB", "country"),
    ("Xi also met Belarus's strongman leader Alexander Lukashenko.", "Belarus", "BLR", "country"),
    ("Michael Jordan visited Kiev in the 1990s.", "Kiev", "UKR", "city"),
    ("The U.S. and the UK imposed sanctions on Iran.", "U.S.", "USA", "country"),
    ("The U.S. and the UK imposed sanctions on Iran.", "UK", "GBR", "country"),
])
def test_places_found_and_geocoded(nlp, gazetteer, sentence, text, country, feature):
    found = where(nlp, gazetteer, sentence)
    assert found.get(text) == (country, feature), found


@pytest.mark.parametrize(("sentence", "absent"), [
    ("Let us hope the talks succeed.", "us"),
    ("Reading the statement, the spokesman said Nice weather helped.", "Reading"),
    ("Leaders gathered for the Shanghai Cooperation Organization summit.", "Shanghai"),
    ("Xi Jinping spoke by phone with the Turkish president.", "Jinping"),
    ("Jordan said on Monday it would reopen the border.", "Jordan"),
    ("The ancient Silk Road city drew tourists.", "Silk Road"),
])
def test_places_not_places(nlp, gazetteer, sentence, absent):
    assert absent not in where(nlp, gazetteer, sentence)


def test_places_one_sense_per_article(nlp, gazetteer):
    text = ("A tornado tore through Paris, Texas, on Monday. "
            "Residents of Paris said the storm destroyed dozens of homes.")
    assert {p.country for p in places_of(nlp, gazetteer, text) if p.text == "Paris"} == {"USA"}


def test_places_possessive_region_is_one_place(nlp, gazetteer):
    text = "China sent troops to take part in military exercises last month in Russia's far east."
    found = places_of(nlp, gazetteer, text)
    assert [(p.text, p.name, p.country) for p in found if "Russia" in p.text] == [
        ("Russia's far east", "Russian Far East", "RUS")]


def test_places_coordinates(nlp, gazetteer):
    text = "Security was tight in Samarkand, with armored vehicles parked downtown."
    (place,) = places_of(nlp, gazetteer, text)
    assert (place.name, place.country, place.lat, place.lon, place.feature) == (
        "Samarkand", "UZB", 39.65, 66.96, "city")
