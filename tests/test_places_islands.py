"""Islands and provinces that news names as places but GeoNames' city extract lacks (or names a
smaller namesake of): the hand-written regions table wins."""

from __future__ import annotations

import pytest

from dyad.places import load_gazetteer


@pytest.mark.parametrize("name, country", [("Bali", "IDN"), ("Sicily", "ITA"), ("Balochistan", "PAK"),
                                           ("Hokkaido", "JPN"), ("Catalonia", "ESP"), ("Punjab", None)])
def test_places_islands_and_provinces(name, country):
    entry = load_gazetteer().geocode(name)
    assert entry is not None and entry.country == country
