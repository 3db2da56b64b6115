"""The offline gazetteer: exact names, aliases, regions, user overrides, bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import DataError
from dyad.places import load_gazetteer
from dyad.places.gazetteer import name_key


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_places_gazetteer_is_cached(gazetteer):
    assert load_gazetteer() is gazetteer
    assert len(gazetteer) > 30_000


def test_places_samarkand_is_the_city_not_an_alternate_name(gazetteer):
    (entry,) = gazetteer.candidates("Samarkand")
    assert (entry.name, entry.country, entry.feature) == ("Samarkand", "UZB", "city")
    assert (round(entry.lat, 2), round(entry.lon, 2)) == (39.65, 66.96)


@pytest.mark.parametrize(("text", "name", "country", "feature"), [
    ("Uzbekistan", "Uzbekistan", "UZB", "country"),
    ("the Russian Federation", "Russia", "RUS", "country"),
    ("U.S.", "United States", "USA", "country"),
    ("Britain", "United Kingdom", "GBR", "country"),
    ("Burma", "Myanmar", "MMR", "country"),
    ("Peking", "Beijing", "CHN", "city"),
    ("Kiev", "Kyiv", "UKR", "city"),
    ("Gdańsk", "Gdańsk", "POL", "city"),
    ("Gdansk", "Gdańsk", "POL", "city"),
    ("the Taiwan Strait", "Taiwan Strait", None, "strait"),
    ("Taiwan Straits", "Taiwan Strait", None, "strait"),
    ("Russia's far east", "Russian Far East", "RUS", "region"),
    ("Russia\u2019s Far East", "Russian Far East", "RUS", "region"),
    ("the Pacific", "Pacific Ocean", None, "ocean"),
    ("Nagorno Karabakh", "Nagorno-Karabakh", "AZE", "region"),
    ("Europe", "Europe", None, "continent"),
    ("Texas", "Texas", "USA", "admin1"),
])
def test_places_geocode_names(gazetteer, text, name, country, feature):
    entry = gazetteer.geocode(text)
    assert entry is not None and (entry.name, entry.country, entry.feature) == (name, country, feature)


def test_places_priors_settle_bare_names(gazetteer):
    assert gazetteer.geocode("Georgia").country == "GEO"
    assert gazetteer.geocode("Paris").country == "FRA"
    assert gazetteer.geocode("Washington").admin1 == "DC"
    assert gazetteer.geocode("Odessa").country == "UKR"
    assert gazetteer.geocode("Paris", countries=("USA",)).admin1 == "TX"


def test_places_capital_codes_match_only_capitals(gazetteer):
    assert gazetteer.candidates("US")[0].country == "USA"
    assert gazetteer.candidates("us") == ()
    assert gazetteer.candidates("Us") == ()


def test_places_not_places(gazetteer):
    for text in ("Silk Road", "the West", "Raisi", "ex-Soviet", ""):
        assert gazetteer.candidates(text) == ()


def test_places_name_key_folds_spelling():
    assert name_key("The  Gaza\u2013Strip") == name_key("gaza strip") == "gaza strip"
    assert name_key("U.S.") == "us"
    assert name_key("São Tomé") == "sao tome"


def test_places_demonyms(gazetteer):
    assert gazetteer.demonym_country("Georgian") == "GEO"
    assert gazetteer.demonym_country("Chinese") == "CHN"
    assert gazetteer.demonym_country("Tuesday") is None


def _write(folder: Path, name: str, text: str) -> Path:
    places = folder / "places"
    places.mkdir(exist_ok=True)
    path = places / name
    path.write_text(text, encoding="utf-8")
    return path


def test_places_data_dir_adds_and_overrides(tmp_path):
    _write(tmp_path, "regions.tsv",
           "# test\nname\talternates\tfeature\tcountry\tlat\tlon\n"
           "Zaporizhzhia Nuclear Power Plant\tZNPP\tregion\tUKR\t47.5\t34.6\n"
           "Kashmir\t\tregion\tIND\t34.0\t76.0\n")
    _write(tmp_path, "aliases.tsv", "alias\ttarget\nBlighty\tGBR\n")
    gazetteer = load_gazetteer(tmp_path)
    assert gazetteer.geocode("Zaporizhzhia Nuclear Power Plant").country == "UKR"
    assert gazetteer.geocode("ZNPP").lat == 47.5
    assert gazetteer.geocode("Kashmir").country == "IND"  # ours has no country
    assert gazetteer.geocode("Blighty").country == "GBR"
    assert load_gazetteer().geocode("Kashmir").country is None


@pytest.mark.parametrize(("name", "text", "line", "message"), [
    ("regions.tsv", "name\talternates\tfeature\tcountry\tlat\tlon\nAtlantis\t\tcity-state\t\t1\t2\n",
     2, "unknown feature"),
    ("regions.tsv", "# a comment\nname\talternates\tfeature\tcountry\tlat\tlon\nAtlantis\t\tregion\t\t95\t2\n",
     3, "outside"),
    ("regions.tsv", "name\talternates\tfeature\tcountry\tlat\tlon\nAtlantis\t\tregion\tAtl\t1\t2\n",
     2, "ISO 3166-1"),
    ("regions.tsv", "name\tfeature\tcountry\nAtlantis\tregion\t\n", 1, "expected the columns"),
    ("regions.tsv", "name\talternates\tfeature\tcountry\tlat\tlon\nAtlantis\tregion\n", 2, "cells"),
    ("aliases.tsv", "alias\ttarget\nAtlantis\tATL\n", 2, "lacks"),
    ("aliases.tsv", "alias\ttarget\nAtlantis\tnowhere\n", 2, "neither"),
    ("gazetteer.tsv", "id\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tn_alternates\tcapital"
     "\talternates\tdemonyms\n99\tAtlantis\tcity\tATL\t\t1\tx\t5\t0\t0\t\t\n", 2, "lon"),
])
def test_places_bad_rows_name_file_and_line(tmp_path, name, text, line, message):
    path = _write(tmp_path, name, text)
    with pytest.raises(DataError) as caught:
        load_gazetteer(tmp_path)
    assert caught.value.path == str(path) and caught.value.line == line
    assert message in str(caught.value)
    assert f"{path}:{line}" in str(caught.value)
