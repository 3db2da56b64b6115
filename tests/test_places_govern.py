"""place_for: the locative phrase that places an event trigger."""

from __future__ import annotations

import pytest

from dyad.places import find_places, load_gazetteer, place_for
from dyad.records import Article


def govern(nlp, text: str, trigger: str):
    doc = nlp(text)
    places = find_places(doc, Article(id="t", text=text), load_gazetteer())
    token = next(t for t in doc if t.text == trigger)
    return place_for(token, places, doc)


@pytest.mark.parametrize(("sentence", "trigger", "text"), [
    ("The two leaders met on the sidelines of a summit in ex-Soviet Uzbekistan.", "met", "Uzbekistan"),
    ("The Kremlin touted the summit in the ancient Silk Road city of Samarkand.", "touted", "Samarkand"),
    ("Russian and Chinese warships were on a joint patrol in the Pacific.", "patrol", "Pacific"),
    ("China sent troops to take part in military exercises last month in Russia's far east.",
     "take", "Russia's far east"),
    ("Putin saw Xi in early February for the Winter Olympic Games in Beijing.", "saw", "Beijing"),
    ("Police fired tear gas at protesters in Tbilisi on Sunday.", "fired", "Tbilisi"),
    ("Security forces clashed with militants near Kirkuk.", "clashed", "Kirkuk"),
    ("The foreign ministers signed the accord in Geneva after talks.", "signed", "Geneva"),
])
def test_places_place_for_trigger(nlp, sentence, trigger, text):
    found = govern(nlp, sentence, trigger)
    assert found is not None and found.text == text


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The leaders met for their first talks since the start of the conflict in Ukraine.", "met"),
    ("Putin took a clear broadside at the United States.", "took"),
    ("Putin reiterated Moscow's backing for China on Taiwan.", "reiterated"),
    ("Officials in Georgia said the vote was fair.", "said"),
    ("Washington imposed sanctions on Iran.", "imposed"),
])
def test_places_place_for_none(nlp, sentence, trigger):
    assert govern(nlp, sentence, trigger) is None
