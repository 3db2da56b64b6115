"""Role words the people tables use that the sector vocabulary must know, so a title alone
("the Honduran security minister") names the holder on the date, as the people rows do."""

import pytest

from dyad.actors import load_tables


@pytest.fixture(scope="module")
def tables():
    return load_tables()


@pytest.mark.parametrize("text, date, name, code", [
    ("Tanzania's minister of home affairs", "2016-03-01", None, "TZAGOV"),
    ("the Honduran minister of security", "2020-06-01", None, "HNDGOV"),
    ("Homeland Security Secretary Alejandro Mayorkas", "2022-05-01", "Alejandro Mayorkas", "USAGOV"),
    ("China's minister of public security", "2005-01-01", "Zhou Yongkang", "CHNGOV"),
    ("the Jamaican minister of national security", "2010-06-01", "Dwight Nelson", "JAMGOV"),
    ("Hong Kong's secretary for security", "2020-01-01", "John Lee Ka-chiu", "HKGGOV"),
    ("Captain Regent Paolo Rondelli", "2022-06-01", "Paolo Rondelli", "SMRGOV"),
    ("Governor General Patrick Allen", "2015-01-01", "Patrick Allen", "JAMGOV"),
    ("the Jamaican governor-general", "2015-01-01", None, "JAMGOV"),
])
def test_actors_role_words_resolve(tables, text, date, name, code):
    actor = tables.resolve(text, date)
    assert actor is not None and actor.code == code
    if name is not None:
        assert actor.name == name
