"""people-africa-asia-ministers.tsv: the defence, interior and missing foreign ministers of the
sub-Saharan and smaller Asian states of people-africa-asia.tsv, resolved by name and by title on a date."""

from __future__ import annotations

import pytest

from people_support import (  # noqa: F401 - tables is a fixture
    CHECK_DAYS, assert_defence_rows_are_mil, assert_head_and_foreign_minister, assert_resolves_to, rows_of,
    tables)
from test_actors_people_africa_asia import COUNTRIES, HEAD_OF_STATE

PART = "people-africa-asia-ministers.tsv"
# Foreign ministers still unknown on a date across all people tables (left out rather than guessed).
FOREIGN_MINISTER_UNKNOWN = {
    "2005-06-01": {"CAF", "GIN", "MRT", "STP", "SWZ"},
    "2020-06-01": {"STP"},
}


@pytest.mark.parametrize("text, date, expected", [
    # Uganda
    ("the Ugandan defence minister", "2000-06-01", "Yoweri Museveni"),
    ("Eriya Kategaya", "2002-06-01", "UGAGOV"),
    ("the Ugandan interior minister", "2002-06-01", "Eriya Kategaya"),
    # Tanzania
    ("the Tanzanian defence minister", "2003-01-01", "Philemon Sarungi"),
    ("Juma Kapuya", "2007-01-01", "TZAMIL"),
    ("Tanzania's defence minister", "2025-01-01", "Stergomena Tax"),
    ("the Tanzanian interior minister", "2009-01-01", "Lawrence Masha"),
    ("Hamad Masauni", "2023-01-01", "TZAGOV"),
    ("Innocent Bashungwa", "2025-03-01", "TZAGOV"),
    ("Innocent Bashungwa", "2023-01-01", "TZAMIL"),
    # Rwanda
    ("the Rwandan defence minister", "2000-06-01", "Paul Kagame"),
    ("Sheikh Musa Fazil Harerimana", "2010-01-01", "RWAGOV"),
    ("the Rwandan interior minister", "2012-01-01", "Musa Fazil Harerimana"),
    # Zimbabwe
    ("the Zimbabwean defence minister", "2000-06-01", "Moven Mahachi"),
    ("Moven Mahachi", "2000-06-01", "ZWEMIL"),
    ("the Zimbabwean interior minister", "2005-01-01", "Kembo Mohadi"),
    ("Giles Mutsekwa", "2009-06-01", "ZWEGOV"),
    ("Theresa Makone", "2012-01-01", "ZWEGOV"),
    ("Zimbabwe's interior minister", "2016-06-01", "Ignatius Chombo"),
    ("Obert Mpofu", "2018-01-01", "ZWEGOV"),
    ("Kazembe Kazembe", "2022-01-01", "ZWEGOV"),
    # Zambia
    ("Zambian Foreign Minister Ronnie Shikapwasha", "2006-01-01", "Ronnie Shikapwasha"),
    ("Katele Kalumba", "2002-06-01", "ZMBGOV"),
    ("the Zambian defence minister", "2008-01-01", "George Mpombo"),
    ("Geoffrey Mwamba", "2012-06-01", "ZMBMIL"),
    ("Edgar Lungu", "2014-06-01", "ZMBMIL"),
    ("Edgar Lungu", "2013-01-01", "ZMBGOV"),
    ("Davies Chama", "2019-01-01", "ZMBMIL"),
    ("the Zambian interior minister", "2014-06-01", "Ngosa Simbyakula"),
    # Senegal
    ("Becaye Diop", "2005-01-01", "SENMIL"),
    ("Augustin Tine", "2015-01-01", "SENMIL"),
    ("the Senegalese defence minister", "2024-01-01", "Oumar Youm"),
    ("Senegal's interior minister", "2011-06-23", "Ousmane Ngom"),
    ("the Senegalese interior minister", "2003-12-01", "Macky Sall"),
    # Côte d'Ivoire
    ("the Ivorian defence minister", "2001-06-01", "Moïse Lida Kouassi"),
    ("Rene Amani", "2005-01-01", "CIVMIL"),
    ("the Ivorian defence minister", "2006-06-01", "René Aphing Kouassi"),
    ("the Ivorian interior minister", "2006-06-01", "Joseph Dja Blé"),
    ("Michel Amani N'Guessan", "2008-01-01", "CIVMIL"),
    ("the Ivorian interior minister", "2001-06-01", "Émile Boga Doudou"),
    ("Desire Tagro", "2009-01-01", "CIVGOV"),
    # Cameroon
    ("the Cameroonian defence minister", "2002-06-01", "Laurent Esso"),
    ("Amadou Ali", "2000-06-01", "CMRMIL"),
    # Angola
    ("the Angolan defence minister", "2022-01-01", "João Ernesto dos Santos"),
    ("Angola's interior minister", "2016-01-01", "Ângelo da Veiga Tavares"),
    ("Eugenio Laborinho", "2021-01-01", "AGOGOV"),
    ("Manuel Homem", "2025-01-01", "AGOGOV"),
    # Laos
    ("Choummaly Sayasone", "2000-06-01", "LAOMIL"),
    ("the Lao interior minister", "2018-01-01", "Somkeo Silavong"),
    ("Vilay Lakhamphong", "2022-01-01", "LAOGOV"),
    # Namibia
    ("the Namibian defence minister", "2005-01-01", "Erkki Nghimtina"),
    ("Rosalia Nghidinwa", "2008-01-01", "NAMGOV"),
    ("Pendukeni Iivula-Ithana", "2015-01-01", "NAMGOV"),
    ("Frans Kapofi", "2019-01-01", "NAMGOV"),
    ("Frans Kapofi", "2023-01-01", "NAMMIL"),
    ("Albert Kawana", "2023-01-01", "NAMGOV"),
    # Burundi, Congo, Botswana
    ("Germain Niyoyankana", "2008-01-01", "BDIMIL"),
    ("the Burundian defence minister", "2013-01-01", "Pontien Gaciyubwenge"),
    ("Raymond Mboulou", "2015-01-01", "COGGOV"),
    ("Shaw Kgathi", "2017-01-01", "BWAMIL"),
    ("the Botswana defence minister", "2021-01-01", "Kagiso Mmusi"),
    # Malawi, Madagascar, Comoros, Guinea-Bissau, Seychelles, Chad, Lesotho
    ("the Malawian foreign minister", "2002-01-01", "Lilian Patel"),
    ("Francis Kasaila", "2020-01-01", "MWIGOV"),
    ("the Malagasy foreign minister", "2020-01-01", "Djacoba Tehindrazanarivelo"),
    ("Dhoihir Dhoulkamal", "2022-01-01", "COMGOV"),
    ("Suzi Barbosa", "2021-01-01", "GNBGOV"),
    ("Cherif Mahamat Zene", "2019-01-01", "TCDGOV"),
    ("the Lesotho foreign minister", "2005-06-01", "Monyane Moleleki"),
    ("Tlohang Sekhamane", "2016-01-01", "LSOGOV"),
    # the Gambia, Togo
    ("the Gambian interior minister", "2010-01-01", "Ousman Sonko"),
    ("Ebrima Mballow", "2018-06-01", "GMBGOV"),
    ("the Gambian interior minister", "2023-01-01", "Seyaka Sonko"),
    ("Sheikh Omar Faye", "2021-01-01", "GMBMIL"),
    ("Kpatcha Gnassingbe", "2006-01-01", "TGOMIL"),
    # Mauritius (the prime minister holds defence and home affairs), Timor-Leste, Maldives, Brunei, Bhutan
    ("the Mauritian defence minister", "2020-01-01", "Pravind Jugnauth"),
    ("the Mauritian interior minister", "2010-01-01", "Navin Ramgoolam"),
    ("the East Timorese defence minister", "2016-01-01", "Cirilo Cristóvão"),
    ("the Timorese defence minister", "2010-01-01", "Xanana Gusmão"),
    ("the Maldivian interior minister", "2014-06-01", "Umar Naseer"),
    ("Adam Shareef", "2017-01-01", "MDVMIL"),
    ("Ali Ihusaan", "2024-06-01", "MDVGOV"),
    ("the Bruneian interior minister", "2015-01-01", "Badaruddin Othman"),
    ("Abu Bakar Apong", "2020-01-01", "BRNGOV"),
    ("Minjur Dorji", "2010-01-01", "BTNGOV"),
    ("Youba Sambou", "2001-06-01", "SENMIL"),
    ("Patrick Nyamvumba", "2020-01-01", "RWAGOV"),
    # Tanzania's home affairs office before 2008, Chad's foreign office after 2020, Malawi
    ("Omar Mapuri", "2004-01-01", "TZAGOV"),
    ("the Tanzanian interior minister", "2007-06-01", "Joseph Mungai"),
    ("Amine Abba Sidick", "2021-01-01", "TCDGOV"),
    ("the Chadian foreign minister", "2023-01-01", "Mahamat Saleh Annadif"),
    ("Abderaman Koulamallah", "2024-09-01", "TCDGOV"),
    ("the Malawian defence minister", "2024-01-01", "Harry Mkandawire"),
    ("Richard Chimwendo Banda", "2021-01-01", "MWIGOV"),
    ("the Malawian interior minister", "2024-01-01", "Ken Zikhale Ng'oma"),
    ("the Guinean defence minister", "2013-01-01", "Alpha Condé"),
    ("Mohamed Diane", "2019-01-01", "GINMIL"),
    ("Alfred Gasana", "2023-01-01", "RWAGOV"),
    ("the Rwandan interior minister", "2025-01-01", "Vincent Biruta"),
    ("Filomeno Paixao", "2020-01-01", "TLSMIL"),
    ("the Timorese defence minister", "2024-06-01", "Donaciano Gomes"),
    ("Makhtar Cissé", "2024-03-20", "SENGOV"),
    ("the Beninese defence minister", "2009-01-01", "Issifou Kogui N'Douro"),
    ("Alain Nouatin", "2022-07-11", "BENMIL"),
    ("Francis Bozize", "2010-01-01", "CAFMIL"),
    ("the Central African defence minister", "2019-01-01", "Marie-Noëlle Koyara"),
    ("Ndelu Seretse", "2013-09-02", "BWAMIL"),
    ("the Chadian defence minister", "2020-01-01", "Daoud Yaya Brahim"),
    ("Issakha Malloua Djamous", "2024-09-01", "TCDMIL"),
    ("the Mauritanian defence minister", "2019-01-01", "Mohamed Ould Ghazouani"),
    ("Damantang Albert Camara", "2020-06-01", "GINGOV"),
    ("Marguerite Gnakade", "2021-06-01", "TGOMIL"),
    ("Faure Gnassingbe", "2015-01-01", "TGOGOV"),
])
def test_actors_africa_asia_ministers_resolve(tables, text, date, expected):
    assert_resolves_to(tables, text, date, expected)


def test_actors_africa_asia_ministers_rows_load_with_sectors(tables):
    rows = rows_of(tables, PART)
    assert len(rows) > 60
    assert {t.country for t in rows} <= set(COUNTRIES)
    assert_defence_rows_are_mil(rows)


@pytest.mark.parametrize("date", CHECK_DAYS)
@pytest.mark.parametrize("country", COUNTRIES)
def test_actors_africa_asia_ministers_head_of_state_and_foreign_minister_in_force(tables, country, date):
    """Across all the people tables, not only this file."""
    assert_head_and_foreign_minister(tables, country, date, HEAD_OF_STATE,
                                     foreign_minister_known=country not in FOREIGN_MINISTER_UNKNOWN[date])
