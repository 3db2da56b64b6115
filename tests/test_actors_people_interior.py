"""people-interior-and-gaps.tsv: interior ministers of the countries of the people tables, and
the foreign and defence ministers those tables lacked, resolved by name and by title on a date."""

from __future__ import annotations

import pytest

from people_support import (  # noqa: F401 - tables is a fixture
    assert_defence_rows_are_mil, in_force, resolved, rows_of, tables)

PART = "people-interior-and-gaps.tsv"


@pytest.mark.parametrize("text, date, name", [
    # G20 and the permanent members of the Security Council
    ("Michael Chertoff", "2007-03-01", "Michael Chertoff"),
    ("Kirstjen Nielsen", "2018-06-01", "Kirstjen Nielsen"),
    ("Zhao Kezhi", "2019-01-01", "Zhao Kezhi"),
    ("the Russian interior minister", "2008-05-01", "Rashid Nurgaliyev"),
    ("Russian Interior Minister Vladimir Kolokoltsev", "2023-03-01", "Vladimir Kolokoltsev"),
    ("the British home secretary", "2003-02-01", "David Blunkett"),
    ("Home Secretary Priti Patel", "2021-01-01", "Priti Patel"),
    ("the Home Secretary of Britain", "2022-10-21", "Grant Shapps"),
    ("the French interior minister", "2003-06-01", "Nicolas Sarkozy"),
    ("the French interior minister", "2015-11-14", "Bernard Cazeneuve"),
    ("French Interior Minister Gerald Darmanin", "2023-07-01", "Gérald Darmanin"),
    ("the German interior minister", "2016-12-20", "Thomas de Maiziere"),
    ("Germany's interior minister", "2023-01-10", "Nancy Faeser"),
    ("the Indian home minister", "2010-01-01", "P. Chidambaram"),
    ("Home Minister Amit Shah", "2022-01-01", "Amit Shah"),
    ("the Italian interior minister", "2018-07-01", "Matteo Salvini"),
    ("Italy's interior minister", "2023-03-01", "Matteo Piantedosi"),
    ("the Japanese minister of internal affairs", "2015-06-01", "Sanae Takaichi"),
    ("Mexico's interior minister", "2014-09-30", "Miguel Ángel Osorio Chong"),
    ("the Mexican interior minister", "2001-06-01", "Santiago Creel"),
    ("the Indonesian interior minister", "2021-01-01", "Tito Karnavian"),
    ("the Turkish interior minister", "2017-04-01", "Süleyman Soylu"),
    ("Turkish Interior Minister Ali Yerlikaya", "2024-02-01", "Ali Yerlikaya"),
    ("the Saudi interior minister", "2015-01-01", "Muhammad bin Nayef"),
    ("Saudi Interior Minister Prince Abdulaziz bin Saud", "2020-01-01", "Abdulaziz bin Saud bin Nayef"),
    ("the Argentine interior minister", "2017-01-01", "Rogelio Frigerio"),
    ("Aaron Motsoaledi", "2021-01-01", "Aaron Motsoaledi"),
    ("Ralph Goodale", "2017-01-01", "Ralph Goodale"),
    ("Peter Dutton", "2019-01-01", "Peter Dutton"),
    ("the South Korean interior minister", "2023-01-01", "Lee Sang-min"),
    # rotating members of the Security Council
    ("the Pakistani interior minister", "2015-01-01", "Chaudhry Nisar Ali Khan"),
    ("Pakistan's interior minister Mohsin Naqvi", "2024-06-01", "Mohsin Naqvi"),
    ("the Algerian interior minister", "2005-01-01", "Noureddine Yazid Zerhouni"),
    ("the Swiss interior minister", "2016-01-01", "Alain Berset"),
    ("the Greek interior minister", "2007-01-01", "Prokopis Pavlopoulos"),
    ("the Slovenian interior minister", "2021-01-01", "Ales Hojs"),
    ("the Maltese interior minister", "2022-01-01", "Byron Camilleri"),
    # Europe
    ("the Spanish interior minister", "2017-10-01", "Juan Ignacio Zoido"),
    ("Spain's interior minister", "2021-01-01", "Fernando Grande-Marlaska"),
    ("the Ukrainian interior minister", "2015-01-01", "Arsen Avakov"),
    ("Ukraine's interior minister Ihor Klymenko", "2024-01-01", "Ihor Klymenko"),
    ("the Austrian interior minister", "2018-09-01", "Herbert Kickl"),
    ("the Belgian interior minister", "2016-03-22", "Jan Jambon"),
    ("the Bulgarian interior minister", "2011-01-01", "Tsvetan Tsvetanov"),
    ("the Czech interior minister", "2022-06-01", "Vít Rakušan"),
    ("the Estonian interior minister", "2020-01-01", "Mart Helme"),
    ("the Finnish interior minister", "2012-01-01", "Päivi Räsänen"),
    ("the Hungarian interior minister", "2015-09-01", "Sándor Pintér"),
    ("the Croatian interior minister", "2020-01-01", "Davor Bozinovic"),
    ("the Lithuanian interior minister", "2022-01-01", "Agnė Bilotaitė"),
    ("the Dutch interior minister", "2019-01-01", "Kajsa Ollongren"),
    ("the Polish interior minister", "2021-08-01", "Mariusz Kamiński"),
    ("the Portuguese interior minister", "2019-01-01", "Eduardo Cabrita"),
    ("the Romanian interior minister", "2022-01-01", "Lucian Bode"),
    ("the Slovak interior minister", "2015-01-01", "Robert Kalinak"),
    ("the Serbian interior minister", "2016-01-01", "Nebojsa Stefanovic"),
    ("the Belarusian interior minister", "2021-01-01", "Ivan Kubrakov"),
    ("the Georgian interior minister", "2010-01-01", "Vano Merabishvili"),
    ("the Azerbaijani interior minister", "2010-01-01", "Ramil Usubov"),
    # Middle East and North Africa
    ("the Israeli interior minister", "2010-01-01", "Eli Yishai"),
    ("Israel's interior minister Ayelet Shaked", "2022-01-01", "Ayelet Shaked"),
    ("the Iranian interior minister", "2017-06-01", "Abdolreza Rahmani Fazli"),
    ("Iran's interior minister", "2022-09-20", "Ahmad Vahidi"),
    ("the Iraqi interior minister", "2008-01-01", "Jawad al-Bulani"),
    ("the Egyptian interior minister", "2005-01-01", "Habib el-Adly"),
    ("the Egyptian interior minister", "2014-01-01", "Mohamed Ibrahim"),
    ("the Syrian interior minister", "2012-07-18", "Mohammad al-Shaar"),
    ("the Lebanese interior minister", "2016-01-01", "Nohad Machnouk"),
    ("the Emirati interior minister", "2015-01-01", "Saif bin Zayed Al Nahyan"),
    ("the Qatari interior minister", "2024-01-01", "Khalifa bin Hamad bin Khalifa Al Thani"),
    ("the Bahraini interior minister", "2011-03-01", "Rashid bin Abdullah Al Khalifa"),
    ("the Tunisian interior minister", "2012-06-01", "Ali Laarayedh"),
    ("the Libyan interior minister", "2019-06-01", "Fathi Bashagha"),
    ("the Moroccan interior minister", "2019-01-01", "Abdelouafi Laftit"),
    # Asia
    ("the Afghan interior minister", "2009-06-01", "Mohammad Hanif Atmar"),
    ("the Taiwanese interior minister", "2019-01-01", "Hsu Kuo-yung"),
    ("To Lam", "2020-01-01", "To Lam"),
    ("the Malaysian home minister", "2016-01-01", "Ahmad Zahid Hamidi"),
    ("the Singaporean home minister", "2020-01-01", "K. Shanmugam"),
    ("the Philippine interior minister", "2013-11-08", "Mar Roxas"),
    ("the Thai interior minister", "2018-01-01", "Anupong Paochinda"),
    ("the Myanmar interior minister", "2014-01-01", "Ko Ko"),
    ("the Kazakh interior minister", "2015-01-01", "Kalmukhanbet Kassymov"),
    ("the Bangladeshi home minister", "2020-01-01", "Asaduzzaman Khan Kamal"),
    ("the Bangladeshi defence minister", "2004-01-01", "Khaleda Zia"),
    # Latin America
    ("the Chilean interior minister", "2019-11-01", "Gonzalo Blumel"),
    ("the Bolivian interior minister", "2022-06-01", "Eduardo del Castillo"),
    ("the Ecuadorian defence minister", "2024-06-01", "Gian Carlo Loffredo"),
    ("the Ecuadorian interior minister", "2024-06-01", "Mónica Palencia"),
    ("the Colombian interior minister", "2023-01-01", "Alfonso Prada"),
    ("the Venezuelan interior minister", "2018-01-01", "Néstor Reverol"),
    ("the Cuban interior minister", "2010-01-01", "Abelardo Colomé Ibarra"),
    ("the Guyanese interior minister", "2017-01-01", "Khemraj Ramjattan"),
    # Africa
    ("the Nigerian interior minister", "2021-01-01", "Rauf Aregbesola"),
    ("the Kenyan interior minister", "2019-01-01", "Fred Matiang'i"),
    ("the Ghanaian defence minister", "2020-01-01", "Dominic Nitiwul"),
    ("the Ethiopian defence minister", "2022-06-01", "Abraham Belay"),
    ("the Algerian defence minister", "2021-01-01", "Abdelmadjid Tebboune"),
    ("the Liberian foreign minister", "2021-06-01", "Dee-Maxwell Saah Kemayah"),
    ("the Tunisian defence minister", "2016-01-01", "Farhat Horchani"),
    ("the Jordanian defence minister", "2014-01-01", "Abdullah Ensour"),
    ("the Somali foreign minister", "2023-01-01", "Abshir Omar Huruse"),
    ("the Somali interior minister", "2023-06-01", "Ahmed Moalim Fiqi"),
    ("the Burkinabe foreign minister", "2023-01-01", "Olivia Rouamba"),
    ("the Nepalese home minister", "2007-01-01", "Krishna Prasad Sitaula"),
    ("the Tajik interior minister", "2016-01-01", "Ramazon Rahimzoda"),
    ("the Uzbek interior minister", "2005-05-13", "Zakir Almatov"),
    ("the Yemeni defence minister", "2012-01-01", "Mohammed Nasser Ahmed"),
    ("the South Korean interior minister", "2011-06-01", "Maeng Hyung-kyu"),
    ("the Argentine interior minister", "2002-03-01", "Rodolfo Gabrielli"),
    ("the Cuban interior minister", "2018-01-01", "Julio César Gandarilla"),
    ("the Moldovan interior minister", "2024-01-01", "Adrian Efros"),
    ("the Tunisian interior minister", "2024-09-01", "Khaled Nouri"),
    ("the Georgian interior minister", "2025-06-01", "Gela Geladze"),
    ("the Myanmar interior minister", "2021-03-01", "Soe Htut"),
    ("the Congolese defence minister Jean-Pierre Bemba", "2023-06-01", "Jean-Pierre Bemba"),
    ("the Sierra Leonean foreign minister", "2024-01-01", "Timothy Musa Kabba"),
    ("the Macedonian interior minister", "2012-01-01", "Gordana Jankuloska"),
    ("the Albanian interior minister", "2015-01-01", "Saimir Tahiri"),
    ("the Moldovan interior minister", "2022-06-01", "Ana Revenco"),
    ("the Israeli interior minister", "2000-10-01", "Haim Ramon"),
])
def test_actors_interior_title_or_name_names_the_holder(tables, text, date, name):
    assert resolved(tables, text, date).name == name


@pytest.mark.parametrize("text, date, code", [
    ("Alejandro Mayorkas", "2022-01-01", "USAGOV"),
    ("Zhou Yongkang", "2005-01-01", "CHNGOV"),
    ("Boris Gryzlov", "2002-01-01", "RUSGOV"),
    ("Yvette Cooper", "2025-01-01", "GBRGOV"),
    ("Otto Schily", "2002-01-01", "DEUGOV"),
    ("Rashid Nurgaliev", "2010-01-01", "RUSGOV"),
    ("Habib al-Adly", "2008-01-01", "EGYGOV"),
    ("Rehman Malik", "2010-01-01", "PAKGOV"),
    ("Yuri Lutsenko", "2009-01-01", "UKRGOV"),
    ("Abdelaziz Bouteflika", "2010-01-01", "DZAGOV"),
])
def test_actors_interior_name_codes_the_role(tables, text, date, code):
    assert resolved(tables, text, date).code == code


def test_actors_interior_defence_rows_are_mil(tables):
    assert_defence_rows_are_mil(rows_of(tables, PART))


# Countries whose interior office this file covers on both dates (one holder at a time).
IN_FORCE_2005_AND_2020 = (
    "USA CHN RUS GBR FRA DEU IND ITA MEX IDN TUR SAU ARG ZAF JPN CAN PAK DZA CHE GRC SVN MLT ESP UKR ISR "
    "IRN IRQ EGY AUT BEL BGR CZE EST FIN HUN NLD POL PRT ROU SVK SRB BLR GEO AZE SYR LBN ARE BHR TUN MAR "
    "AFG TWN VNM MYS SGP MMR CHL VEN CUB"
).split()
IN_FORCE_2020 = IN_FORCE_2005_AND_2020 + "AUS KOR COL LTU HRV KAZ PHL THA TJK BGD GUY NGA KEN MKD ALB".split()
INTERIOR = ("Interior Minister of", "Home Secretary of", "Home Minister of", "Minister of Public Security of",
            "Secretary of Homeland Security of", "Minister of Internal Affairs of")


def _interior_holders(tables, country, day):
    return {name for name, role in in_force(tables, country, day, INTERIOR) if "Taliban" not in role}


@pytest.mark.parametrize("country", IN_FORCE_2020)
def test_one_interior_minister_in_force(tables, country):
    days = ["2020-06-01"] + (["2005-06-01"] if country in IN_FORCE_2005_AND_2020 else [])
    for day in days:
        assert len(_interior_holders(tables, country, day)) == 1, (country, day)
