"""People table people-africa-asia.tsv: heads of state and government and ministers of
sub-Saharan African and smaller Asian states, resolved on dates from 2000 to 2025."""

from __future__ import annotations

import pytest

from dyad.actors import find_actors
from dyad.records import Article
from people_support import (  # noqa: F401 - tables is a fixture
    CHECK_DAYS, assert_head_and_foreign_minister, assert_resolves_to, rows_of, tables)

TABLE = "people-africa-asia.tsv"
COUNTRIES = ("AGO BDI BEN BWA CAF CIV CMR COG COM CPV DJI ERI GIN GMB GNB GNQ LSO MDG MRT MUS MWI "
             "NAM RWA SEN STP SWZ SYC TCD TGO TZA UGA ZMB ZWE BRN BTN KHM LAO MDV TLS").split()
HEAD_OF_STATE = ("President of", "King of", "Sultan of")
# Offices the table leaves out on a date rather than guess (an unknown holder, not a vacancy).
FOREIGN_MINISTER_UNKNOWN = {
    "2005-06-01": {"CAF", "GIN", "LSO", "MRT", "STP", "SWZ"},
    "2020-06-01": {"COM", "GNB", "MDG", "MWI", "STP", "SYC", "TCD"},
}


@pytest.mark.parametrize("text, date, expected", [
    # Angola
    ("the Angolan president", "2010-03-01", "José Eduardo dos Santos"),
    ("Angolan President Joao Lourenco", "2019-05-01", "AGOGOV"),
    ("João Lourenço", "2015-06-01", "AGOMIL"),
    ("Angola's foreign minister", "2012-01-01", "Georges Chikoti"),
    # Burundi
    ("Burundian President Pierre Nkurunziza", "2015-05-14", "BDIGOV"),
    ("the Burundian president", "2022-01-01", "Évariste Ndayishimiye"),
    ("Burundi's prime minister", "2023-03-01", "Gervais Ndirakobuca"),
    # Benin
    ("the Beninese president", "2008-01-01", "Thomas Boni Yayi"),
    ("Patrice Talon", "2021-04-11", "BENGOV"),
    ("Benin's foreign minister", "2019-01-01", "Aurélien Agbénonci"),
    # Botswana
    ("Botswana's president", "2012-01-01", "Ian Khama"),
    ("President Duma Boko", "2025-01-15", "BWAGOV"),
    ("Mokgweetsi Masisi", "2020-01-01", "BWAGOV"),
    # Central African Republic
    ("the Central African president", "2014-06-01", "Catherine Samba-Panza"),
    ("Francois Bozize", "2007-01-01", "CAFGOV"),
    ("Faustin-Archange Touadera", "2010-01-01", "CAFGOV"),
    # Côte d'Ivoire
    ("the Ivorian president", "2005-01-01", "Laurent Gbagbo"),
    ("Ivorian Prime Minister Guillaume Soro", "2009-06-01", "CIVGOV"),
    ("Alassane Ouattara", "2015-10-25", "CIVGOV"),
    ("the Ivorian prime minister", "2019-01-01", "Amadou Gon Coulibaly"),
    ("Hamed Bakayoko", "2014-01-01", "CIVGOV"),
    # Cameroon
    ("Cameroonian President Paul Biya", "2018-10-07", "CMRGOV"),
    ("Cameroon's prime minister", "2012-01-01", "Philémon Yang"),
    ("the Cameroonian defence minister", "2018-01-01", "Joseph Beti Assomo"),
    # Republic of the Congo
    ("Denis Sassou Nguesso", "2016-03-20", "COGGOV"),
    ("Congo-Brazzaville's foreign minister", "2018-01-01", "Jean-Claude Gakosso"),
    # Comoros
    ("the Comorian president", "2013-01-01", "Ikililou Dhoinine"),
    ("Azali Assoumani", "2019-03-24", "COMGOV"),
    # Cape Verde
    ("Cape Verdean Prime Minister Jose Maria Neves", "2010-01-01", "CPVGOV"),
    ("the Cape Verdean president", "2005-01-01", "Pedro Pires"),
    # Djibouti
    ("Ismail Omar Guelleh", "2011-04-08", "DJIGOV"),
    ("Djibouti's foreign minister", "2015-01-01", "Mahamoud Ali Youssouf"),
    # Eritrea
    ("Eritrean President Isaias Afwerki", "2018-07-09", "ERIGOV"),
    ("Eritrea's foreign minister", "2019-01-01", "Osman Saleh"),
    # Guinea
    ("the Guinean president", "2006-01-01", "Lansana Conté"),
    ("Alpha Conde", "2015-10-11", "GINGOV"),
    ("Guinean junta leader Mamady Doumbouya", "2022-01-01", "GINGOV"),
    # The Gambia
    ("Gambian President Yahya Jammeh", "2010-01-01", "GMBGOV"),
    ("the Gambian president", "2018-01-01", "Adama Barrow"),
    ("the Gambian foreign minister", "2005-01-01", "Sidi Moro Sanneh"),
    # Guinea-Bissau
    ("Bissau-Guinean president", "2007-01-01", "João Bernardo Vieira"),
    ("Umaro Sissoco Embalo", "2021-01-01", "GNBGOV"),
    ("Guinea-Bissau's prime minister", "2010-06-01", "Carlos Gomes Júnior"),
    # Equatorial Guinea
    ("Teodoro Obiang Nguema", "2016-04-24", "GNQGOV"),
    ("Equatorial Guinea's foreign minister", "2015-01-01", "Agapito Mba Mokuy"),
    # Lesotho
    ("Lesotho's prime minister", "2014-08-30", "Tom Thabane"),
    ("King Letsie III", "2010-01-01", "LSOGOV"),
    # Madagascar
    ("the Malagasy president", "2005-01-01", "Marc Ravalomanana"),
    ("Andry Rajoelina", "2020-01-01", "MDGGOV"),
    ("Madagascar's prime minister", "2019-01-01", "Christian Ntsay"),
    # Mauritania
    ("Mauritanian President Mohamed Ould Abdel Aziz", "2014-06-21", "MRTGOV"),
    ("the Mauritanian president", "2006-01-01", "Ely Ould Mohamed Vall"),
    ("Mauritania's prime minister", "2022-01-01", "Mohamed Ould Bilal"),
    # Mauritius
    ("the Mauritian prime minister", "2010-01-01", "Navin Ramgoolam"),
    ("Pravind Jugnauth", "2019-11-07", "MUSGOV"),
    ("Mauritius' foreign minister", "2012-01-01", "Arvin Boolell"),
    # Malawi
    ("the Malawian president", "2013-05-01", "Joyce Banda"),
    ("Malawian President Bingu wa Mutharika", "2009-05-19", "MWIGOV"),
    ("Lazarus Chakwera", "2021-01-01", "MWIGOV"),
    # Namibia
    ("the Namibian president", "2010-01-01", "Hifikepunye Pohamba"),
    ("Namibia's prime minister", "2016-01-01", "Saara Kuugongelwa-Amadhila"),
    ("Netumbo Nandi-Ndaitwah", "2025-04-01", "NAMGOV"),
    # Rwanda
    ("Rwandan President Paul Kagame", "2017-08-04", "RWAGOV"),
    ("Rwanda's foreign minister", "2015-01-01", "Louise Mushikiwabo"),
    ("the Rwandan defence minister", "2014-01-01", "James Kabarebe"),
    # Senegal
    ("Senegalese President Abdoulaye Wade", "2007-02-25", "SENGOV"),
    ("the Senegalese prime minister", "2024-06-01", "Ousmane Sonko"),
    ("Macky Sall", "2005-01-01", "SENGOV"),
    ("Senegal's foreign minister", "2005-01-01", "Cheikh Tidiane Gadio"),
    # Sao Tome and Principe
    ("Fradique de Menezes", "2006-07-30", "STPGOV"),
    ("Patrice Trovoada", "2016-01-01", "STPGOV"),
    # Eswatini
    ("King Mswati III", "2018-04-19", "SWZGOV"),
    ("Swazi prime minister", "2012-01-01", "Barnabas Sibusiso Dlamini"),
    # Seychelles
    ("Seychelles President James Michel", "2011-05-21", "SYCGOV"),
    ("the Seychellois president", "2021-01-01", "Wavel Ramkalawan"),
    ("Seychelles' foreign minister", "2008-01-01", "Patrick Pillay"),
    # Chad
    ("Chadian President Idriss Deby", "2008-02-02", "TCDGOV"),
    ("Mahamat Idriss Deby", "2022-01-01", "TCDGOV"),
    ("Moussa Faki", "2012-01-01", "TCDGOV"),
    ("the Chadian foreign minister", "2004-01-01", "Nagoum Yamassoum"),
    # Togo
    ("Togolese President Faure Gnassingbe", "2010-03-04", "TGOGOV"),
    ("the Togolese president", "2003-01-01", "Gnassingbé Eyadéma"),
    ("Togo's foreign minister", "2017-01-01", "Robert Dussey"),
    ("the Togolese head of government", "2025-06-01", "Faure Gnassingbé"),
    ("Togo's president", "2025-06-01", "Jean-Lucien Savi de Tové"),
    # Tanzania
    ("Tanzanian President Jakaya Kikwete", "2010-10-31", "TZAGOV"),
    ("the Tanzanian president", "2018-01-01", "John Magufuli"),
    ("Samia Suluhu Hassan", "2022-01-01", "TZAGOV"),
    ("Tanzania's foreign minister", "2010-01-01", "Bernard Membe"),
    # Uganda
    ("Ugandan President Yoweri Museveni", "2016-02-18", "UGAGOV"),
    ("Yoweri Kaguta Museveni", "2001-03-12", "UGAGOV"),
    ("the Ugandan prime minister", "2016-01-01", "Ruhakana Rugunda"),
    ("Uganda's foreign minister", "2010-01-01", "Sam Kutesa"),
    ("Crispus Kiyonga", "2010-01-01", "UGAMIL"),
    # Zambia
    ("Zambian President Levy Mwanawasa", "2006-09-28", "ZMBGOV"),
    ("the Zambian president", "2017-01-01", "Edgar Lungu"),
    ("Hakainde Hichilema", "2022-01-01", "ZMBGOV"),
    ("Zambia's defence minister", "2023-01-01", "Ambrose Lufuma"),
    ("the Zambian interior minister", "2019-01-01", "Stephen Kampyongo"),
    # Zimbabwe
    ("Zimbabwean President Robert Mugabe", "2008-03-29", "ZWEGOV"),
    ("Morgan Tsvangirai", "2010-01-01", "ZWEGOV"),
    ("the Zimbabwean president", "2019-01-01", "Emmerson Mnangagwa"),
    ("Emmerson Mnangagwa", "2011-01-01", "ZWEMIL"),
    # Brunei
    ("Sultan Hassanal Bolkiah", "2014-05-01", "BRNGOV"),
    ("Brunei's foreign minister", "2010-01-01", "Mohamed Bolkiah"),
    # Bhutan
    ("Bhutanese Prime Minister Tshering Tobgay", "2016-01-01", "BTNGOV"),
    ("the Bhutanese prime minister", "2020-01-01", "Lotay Tshering"),
    ("the King of Bhutan", "2003-01-01", "Jigme Singye Wangchuck"),
    # Cambodia
    ("Hun Sen", "2010-01-01", "KHMGOV"),
    ("Cambodian Prime Minister Hun Manet", "2024-01-01", "KHMGOV"),
    ("Cambodia's foreign minister", "2012-01-01", "Hor Namhong"),
    ("the Cambodian defence minister", "2015-01-01", "Tea Banh"),
    # Laos
    ("the Laotian president", "2010-01-01", "Choummaly Sayasone"),
    ("Thongloun Sisoulith", "2018-01-01", "LAOGOV"),
    ("Lao foreign minister", "2020-01-01", "Saleumxay Kommasith"),
    # Maldives
    ("Maldivian President Mohamed Nasheed", "2010-01-01", "MDVGOV"),
    ("the Maldivian president", "2016-01-01", "Abdulla Yameen"),
    ("Mohammed Muizzu", "2024-04-21", "MDVGOV"),
    # Timor-Leste
    ("East Timorese President Jose Ramos-Horta", "2008-02-11", "TLSGOV"),
    ("the Timorese prime minister", "2010-01-01", "Xanana Gusmão"),
    ("Xanana Gusmao", "2004-01-01", "TLSGOV"),
])
def test_actors_africa_asia_strings_resolve(tables, text, date, expected):
    assert_resolves_to(tables, text, date, expected)


def test_actors_africa_asia_rows_load_from_their_file(tables):
    rows = rows_of(tables, TABLE)
    assert len(rows) > 400
    assert {t.country for t in rows} == set(COUNTRIES)


@pytest.mark.parametrize("date", CHECK_DAYS)
@pytest.mark.parametrize("country", COUNTRIES)
def test_actors_africa_asia_head_of_state_and_foreign_minister_in_force(tables, country, date):
    assert_head_and_foreign_minister(tables, country, date, HEAD_OF_STATE, file=TABLE,
                                     foreign_minister_known=country not in FOREIGN_MINISTER_UNKNOWN[date])


ARTICLES = [
    ("2016-02-20",
     "KAMPALA, Feb 20 - Ugandan President Yoweri Museveni was declared the winner of Thursday's "
     "election on Saturday, extending his 30-year rule. Prime Minister Ruhakana Rugunda said the vote "
     "was peaceful. Foreign Minister Sam Kutesa rejected criticism from observers. Defence Minister "
     "Crispus Kiyonga said the army would remain neutral. Rwandan President Paul Kagame congratulated "
     "Museveni, while Tanzanian President John Magufuli called for calm.",
     {"Yoweri Museveni": "UGAGOV", "Ruhakana Rugunda": "UGAGOV", "Sam Kutesa": "UGAGOV",
      "Crispus Kiyonga": "UGAMIL", "Paul Kagame": "RWAGOV", "John Magufuli": "TZAGOV"}),
    ("2015-03-03",
     "PHNOM PENH, March 3 - Cambodian Prime Minister Hun Sen met his Lao counterpart Thongsing "
     "Thammavong on Tuesday to discuss border issues. Foreign Minister Hor Namhong said both sides "
     "agreed to speed up demarcation. Defence Minister Tea Banh and Interior Minister Sar Kheng also "
     "attended. Brunei's Sultan Hassanal Bolkiah sent a message welcoming the talks.",
     {"Hun Sen": "KHMGOV", "Thongsing Thammavong": "LAOGOV", "Hor Namhong": "KHMGOV",
      "Tea Banh": "KHMMIL", "Sar Kheng": "KHMGOV", "Hassanal Bolkiah": "BRNGOV"}),
    ("2019-06-10",
     "ABIDJAN, June 10 - Ivorian President Alassane Ouattara received Senegalese President Macky Sall "
     "on Monday. Prime Minister Amadou Gon Coulibaly said the two leaders discussed security in the "
     "Sahel. Foreign Minister Marcel Amon-Tanoh said Chadian President Idriss Deby and Togolese "
     "President Faure Gnassingbe would join a summit in July. Equatorial Guinea's Teodoro Obiang "
     "Nguema Mbasogo did not attend.",
     {"Alassane Ouattara": "CIVGOV", "Macky Sall": "SENGOV", "Amadou Gon Coulibaly": "CIVGOV",
      "Marcel Amon-Tanoh": "CIVGOV", "Idriss Déby": "TCDGOV", "Faure Gnassingbé": "TGOGOV",
      "Teodoro Obiang Nguema Mbasogo": "GNQGOV"}),
]


@pytest.mark.parametrize("date, text, expected", ARTICLES)
def test_actors_africa_asia_people_in_articles(nlp, tables, date, text, expected):
    found = find_actors(nlp(text), Article(id="t", text=text, published=date), tables)
    codes = {a.name: a.code for a in found.actors}
    assert {name: codes.get(name) for name in expected} == expected
