"""people-more-ministers.tsv: interior (home, security) and defence ministers the other people
tables lacked, and their missing foreign ministers, resolved by name and by title on a date."""

from __future__ import annotations

import pytest

from people_support import (  # noqa: F401 - tables is a fixture
    DEFENCE_MINISTER, FOREIGN_MINISTER, assert_defence_rows_are_mil, in_force, resolved, rows_of, tables)

PART = "people-more-ministers.tsv"


@pytest.mark.parametrize("text, date, name", [
    # Latin America
    ("the Peruvian defence minister", "2013-06-01", "Pedro Cateriano"),
    ("Peru's defense minister", "2020-03-01", "Walter Martos"),
    ("the Peruvian interior minister", "2014-10-01", "Daniel Urresti"),
    ("Peruvian Interior Minister Carlos Basombrio", "2017-03-01", "Carlos Basombrío"),
    ("Juan Jose Santivanez", "2024-12-01", "Juan José Santiváñez"),
    ("the Bolivian defence minister", "2018-01-01", "Javier Zavaleta"),
    ("Bolivia's defense minister", "2023-01-01", "Edmundo Novillo"),
    ("the Bolivian interior minister", "2011-03-01", "Sacha Llorenti"),
    ("the Bolivian interior minister", "2015-01-01", "Carlos Romero"),
    ("the Guatemalan interior minister", "2005-06-01", "Carlos Vielmann"),
    ("the Guatemalan interior minister", "2019-01-01", "Enrique Degenhart"),
    ("Guatemala's interior minister", "2024-06-01", "Francisco Jiménez"),
    ("the Guatemalan defense minister", "2022-01-01", "Henry Reyes Chigua"),
    ("Oscar Alvarez", "2010-06-01", "Óscar Álvarez"),
    ("the Honduran defence minister", "2012-01-01", "Marlon Pascua"),
    ("the Honduran defense minister", "2023-01-01", "José Manuel Zelaya"),
    ("the Honduran foreign minister", "2010-06-01", "Mario Canahuati"),
    ("the Salvadoran defense minister", "2006-01-01", "Otto Romero"),
    ("the Salvadoran defence minister", "2016-01-01", "David Munguía Payés"),
    ("Benito Lara", "2015-01-01", "Benito Lara"),
    ("the Dominican defense minister", "2014-01-01", "Sigfrido Pared Pérez"),
    ("the Dominican defense minister", "2022-01-01", "Carlos Luciano Díaz Morfa"),
    ("the Paraguayan interior minister", "2015-01-01", "Francisco de Vargas"),
    ("the Paraguayan defence minister", "2016-01-01", "Bernardino Soto Estigarribia"),
    ("the Haitian foreign minister", "2010-01-01", "Marie-Michèle Rey"),
    ("the Haitian foreign minister", "2019-01-01", "Bocchit Edmond"),
    ("Haiti's foreign minister", "2007-01-01", "Jean Renald Clérismé"),
    ("Dwight Nelson", "2010-05-25", "Dwight Nelson"),
    ("the Surinamese defence minister", "2022-01-01", "Krishna Mathoera"),
    ("the Grenadian foreign minister", "2005-06-01", "Elvin Nimrod"),
    ("Kareem Musa", "2022-01-01", "Kareem Musa"),
    # Middle East and the Caucasus
    ("the Jordanian interior minister", "2014-06-01", "Hussein Hazza' Majali"),
    ("Jordan's interior minister", "2022-01-01", "Mazen al-Faraya"),
    ("the Kuwaiti interior minister", "2008-01-01", "Jaber Al-Khalid Al-Sabah"),
    ("the Kuwaiti defence minister", "2005-01-01", "Jaber Al-Mubarak Al-Hamad Al-Sabah"),
    ("the Omani defence minister", "2015-01-01", "Badr bin Saud Al Busaidi"),
    ("the Omani interior minister", "2018-01-01", "Hamoud bin Faisal Al Busaidi"),
    ("the Palestinian interior minister", "2006-06-01", "Said Siam"),
    ("the Palestinian interior minister", "2011-01-01", "Said Abu Ali"),
    ("the Palestinian interior minister", "2025-01-01", "Ziad Hab al-Rih"),
    ("the Yemeni interior minister", "2005-01-01", "Rashad al-Alimi"),
    ("the Yemeni interior minister", "2013-01-01", "Abdul Qader Qahtan"),
    ("the Yemeni interior minister", "2022-01-01", "Ibrahim Haydan"),
    ("the Kuwaiti interior minister", "2015-06-30", "Mohammad Al-Khalid Al-Sabah"),
    ("the Kuwaiti defence minister", "2016-01-01", "Khalid Al-Jarrah Al-Sabah"),
    ("the Jordanian interior minister", "2010-06-01", "Nayef al-Qadi"),
    ("the Peruvian interior minister", "2009-06-05", "Mercedes Cabanillas"),
    ("the Bolivian defence minister", "2003-10-01", "Carlos Sánchez Berzaín"),
    ("the Yemeni defence minister", "2023-01-01", "Mohsen al-Daeri"),
    ("the Bahraini defence minister", "2021-01-01", "Abdullah bin Hassan Al Nuaimi"),
    # Europe
    ("the Latvian interior minister", "2015-01-01", "Rihards Kozlovskis"),
    ("the Latvian interior minister", "2010-01-01", "Linda Murniece"),
    ("Luxembourg's interior minister", "2008-01-01", "Jean-Marie Halsdorf"),
    ("the Luxembourg interior minister", "2020-01-01", "Taina Bofferding"),
    ("the Cypriot interior minister", "2021-01-01", "Nicos Nouris"),
    ("the Cypriot interior minister", "2009-01-01", "Neoklis Sylikiotis"),
    ("the Montenegrin interior minister", "2018-01-01", "Mevludin Nuhodzic"),
    ("Danilo Šaranović", "2024-01-01", "Danilo Saranovic"),
    ("Dragan Mektic", "2017-01-01", "Dragan Mektic"),
    # Africa
    ("the Ghanaian interior minister", "2019-01-01", "Ambrose Dery"),
    ("the Nigerien interior minister", "2018-01-01", "Mohamed Bazoum"),
    ("the Nigerien interior minister", "2022-01-01", "Hamadou Adamou Souley"),
    ("the Congolese interior minister", "2015-06-01", "Evariste Boshab"),
    ("Peter Kazadi", "2023-06-01", "Peter Kazadi"),
    ("the Liberian defence minister", "2012-01-01", "Brownie Samukai"),
    ("the Mozambican defence minister", "2010-01-01", "Filipe Nyusi"),
    ("the South Sudanese defence minister", "2016-01-01", "Kuol Manyang Juuk"),
    ("the Zimbabwean interior minister", "2016-01-01", "Ignatius Chombo"),
    ("the Zimbabwean interior minister", "2008-06-01", "Kembo Mohadi"),
    ("the Liberian minister of internal affairs", "2020-01-01", "Varney Sirleaf"),
    # Asia and the Pacific
    ("the Nepalese defence minister", "2019-01-01", "Ishwar Pokhrel"),
    ("Tiran Alles", "2023-06-01", "Tiran Alles"),
    ("Lionel Aingimea", "2020-06-01", "Lionel Aingimea"),
    ("the Mongolian defence minister", "2010-01-01", "Luvsanvandan Bold"),
    ("Daoud Aly Mohammedine", "2022-06-01", "Daoud Aly Mohammedine"),
    ("the Burkinabe defence minister", "2023-06-01", "Kassoum Coulibaly"),
    ("the Gabonese defence minister", "2005-01-01", "Ali Bongo Ondimba"),
    ("the Gabonese defence minister", "2020-01-01", "Rose Christiane Ossouka Raponda"),
    ("John Sandy", "2011-06-01", "John Sandy"),
    ("the Dominican interior minister", "2014-01-01", "José Ramón Fadul"),
])
def test_actors_more_ministers_title_or_name_names_the_holder(tables, text, date, name):
    assert resolved(tables, text, date).name == name


@pytest.mark.parametrize("text, date, code", [
    ("Walter Martos", "2020-03-01", "PERMIL"),
    ("Carlos Basombrio", "2017-01-01", "PERGOV"),
    ("David Munguia Payes", "2012-06-01", "SLVGOV"),
    ("David Munguia Payes", "2015-06-01", "SLVMIL"),
    ("Said Siam", "2006-10-01", "PSEGOV"),
    ("Filipe Nyusi", "2012-01-01", "MOZMIL"),
    ("Nasser Sabah al-Ahmad", "2018-06-01", "KWTMIL"),
    ("Rihards Kozlovskis", "2024-01-01", "LVAGOV"),
    ("Brownie Samukai", "2020-01-01", "LBRELI"),
])
def test_actors_more_ministers_name_codes_the_role(tables, text, date, code):
    assert resolved(tables, text, date).code == code


def test_actors_more_ministers_defence_rows_are_mil(tables):
    assert_defence_rows_are_mil(rows_of(tables, PART))


INTERIOR = ("Interior Minister of", "Security Minister of", "Justice and Security Minister of",
            "Public Security Minister of", "National Security Minister of", "Home Affairs Minister of",
            "Justice and Police Minister of", "Minister of Internal Affairs of")
# Offices this file fills on a date (one holder at a time, whichever table holds the row).
IN_FORCE = [
    ("2020-06-01", INTERIOR, "JOR KWT OMN PSE YEM LVA LUX CYP MNE GHA NER COD MOZ HND SLV PRY"),
    ("2005-06-01", INTERIOR, "KWT OMN PSE YEM LVA LUX GTM ZWE"),
    ("2020-06-01", DEFENCE_MINISTER, "PER BOL GTM HND SLV DOM OMN KWT LBR MOZ NPL SSD SUR BHR"),
    ("2005-06-01", DEFENCE_MINISTER, "KWT OMN SLV MOZ"),
    ("2005-06-01", FOREIGN_MINISTER, "GRD HTI"),
    ("2020-06-01", FOREIGN_MINISTER, "GRD NRU TON"),
]


@pytest.mark.parametrize("day, offices, country",
                         [(day, offices, c) for day, offices, cs in IN_FORCE for c in cs.split()])
def test_one_holder_in_force(tables, day, offices, country):
    assert len({name for name, _ in in_force(tables, country, day, offices)}) == 1, (country, day, offices)
