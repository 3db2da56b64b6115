"""People table part D (people-americas-pacific.tsv): heads of state and government and ministers
of the Caribbean, Central and South American states not elsewhere, the European microstates, the
Pacific island states, and Hong Kong, Macau, Puerto Rico and Greenland, resolved on dates from
2000 to 2025."""

from __future__ import annotations

import pytest

from people_support import (  # noqa: F401 - tables is a fixture
    CHECK_DAYS, assert_head_and_foreign_minister, assert_resolves_to, tables)

PART_D = "people-americas-pacific.tsv"
COUNTRIES = ("ATG BHS BLZ BRB CRI DMA DOM GRD GTM HND HTI JAM KNA LCA PRY SLV SUR TTO URY VCT "
             "AND LIE MCO SMR FJI FSM KIR MHL NRU PLW PNG SLB TON TUV VUT WSM").split()
TERRITORIES = ("HKG", "MAC", "PRI", "GRL")
# The office that heads each state or territory in this table (for Commonwealth realms the
# Governor-General; for the territories the Chief Executive, the Governor or the Premier).
HEAD_OF_STATE = ("President of", "Governor-General of", "King of", "Prince of", "Co-Prince of",
                 "Captain Regent of", "Head of State of", "Chief Executive of", "Governor of",
                 "Premier of")
# Offices the table leaves out on a date rather than guess (an unknown holder, not a vacancy).
FOREIGN_MINISTER_UNKNOWN = {
    "2005-06-01": {"DMA", "GRD", "HTI", "KNA", "MCO", "TUV", "VUT"},
    "2020-06-01": {"GRD", "NRU", "TON"},
}
HEAD_OF_STATE_UNKNOWN = {
    "2005-06-01": {"HKG"},  # an acting Chief Executive between Tung and Tsang, March-June 2005
    "2020-06-01": set(),
}


@pytest.mark.parametrize("text, date, expected", [
    # Antigua and Barbuda
    ("the Antiguan prime minister", "2010-01-01", "Baldwin Spencer"),
    ("Gaston Browne", "2020-06-01", "ATGGOV"),
    ("Antigua and Barbuda's foreign minister", "2021-01-01", "Chet Greene"),
    # Bahamas
    ("the Bahamian prime minister", "2003-01-01", "Perry Christie"),
    ("Prime Minister Hubert Minnis", "2019-09-01", "BHSGOV"),
    ("Bahamas Foreign Minister Fred Mitchell", "2023-02-01", "BHSGOV"),
    ("Philip Brave Davis", "2022-05-01", "Philip Davis"),
    ("Wayne Munroe", "2022-06-01", "BHSGOV"),
    # Belize
    ("Belizean Prime Minister Dean Barrow", "2012-01-01", "BLZGOV"),
    ("the Belizean prime minister", "2005-06-01", "Said Musa"),
    ("Belize's foreign minister", "2015-01-01", "Wilfred Elrington"),
    # Barbados
    ("Mia Mottley", "2022-11-01", "BRBGOV"),
    ("the Barbadian prime minister", "2009-06-01", "David Thompson"),
    ("the Barbadian president", "2023-06-01", "Sandra Mason"),
    ("Barbados foreign minister", "2004-01-01", "Billie Miller"),
    # Costa Rica
    ("the Costa Rican president", "2008-03-01", "Óscar Arias"),
    ("Costa Rican President Laura Chinchilla", "2012-09-01", "CRIGOV"),
    ("Rodrigo Chaves", "2023-04-01", "CRIGOV"),
    ("Costa Rica's foreign minister", "2016-01-01", "Manuel González Sanz"),
    # Dominica
    ("Dominica's prime minister", "2015-01-01", "Roosevelt Skerrit"),
    ("the president of Dominica", "2020-06-01", "Charles Savarin"),
    ("Dominica's foreign minister", "2017-01-01", "Francine Baron"),
    # Dominican Republic
    ("the Dominican president", "2002-01-01", "Hipólito Mejía"),
    ("Dominican President Luis Abinader", "2021-03-01", "DOMGOV"),
    ("Danilo Medina", "2016-01-01", "DOMGOV"),
    ("the Dominican foreign minister", "2008-01-01", "Carlos Morales Troncoso"),
    # Grenada
    ("Grenadian Prime Minister Keith Mitchell", "2005-06-01", "GRDGOV"),
    ("the Grenadian prime minister", "2010-01-01", "Tillman Thomas"),
    ("Dickon Mitchell", "2023-01-01", "GRDGOV"),
    # Guatemala
    ("Guatemalan President Otto Perez Molina", "2013-06-01", "GTMGOV"),
    ("the Guatemalan president", "2017-01-01", "Jimmy Morales"),
    ("Bernardo Arévalo", "2024-06-01", "GTMGOV"),
    ("Guatemala's foreign minister", "2010-01-01", "Haroldo Rodas"),
    # Honduras
    ("the Honduran president", "2008-01-01", "Manuel Zelaya"),
    ("Honduran President Juan Orlando Hernandez", "2018-01-01", "HNDGOV"),
    ("Xiomara Castro", "2024-01-01", "HNDGOV"),
    ("Honduras's foreign minister", "2023-01-01", "Eduardo Enrique Reina"),
    # Haiti
    ("the Haitian president", "2012-01-01", "Michel Martelly"),
    ("Haitian Prime Minister Ariel Henry", "2022-10-01", "HTIGOV"),
    ("Jovenel Moise", "2019-02-01", "HTIGOV"),
    ("the Haitian prime minister", "2005-06-01", "Gérard Latortue"),
    # Jamaica
    ("the Jamaican prime minister", "2003-01-01", "P. J. Patterson"),
    ("Portia Simpson Miller", "2013-01-01", "JAMGOV"),
    ("Jamaica's foreign minister", "2018-01-01", "Kamina Johnson Smith"),
    ("Sir Patrick Allen", "2015-01-01", "JAMGOV"),
    ("Horace Chang", "2020-01-01", "JAMGOV"),
    # Saint Kitts and Nevis
    ("Denzil Douglas", "2010-01-01", "KNAGOV"),
    ("the prime minister of Saint Kitts and Nevis", "2023-01-01", "Terrance Drew"),
    # Saint Lucia
    ("Saint Lucia's prime minister", "2018-01-01", "Allen Chastanet"),
    ("Kenny Anthony", "2003-01-01", "LCAGOV"),
    ("Saint Lucia's foreign minister", "2023-01-01", "Alva Baptiste"),
    # Paraguay
    ("the Paraguayan president", "2010-01-01", "Fernando Lugo"),
    ("Paraguayan President Horacio Cartes", "2015-01-01", "PRYGOV"),
    ("Santiago Peña", "2024-01-01", "PRYGOV"),
    ("Enrique Riera", "2024-01-01", "PRYGOV"),
    ("Paraguay's foreign minister", "2005-06-01", "Leila Rachid"),
    # El Salvador
    ("Salvadoran President Nayib Bukele", "2022-01-01", "SLVGOV"),
    ("the Salvadoran president", "2011-01-01", "Mauricio Funes"),
    ("Antonio Saca", "2006-01-01", "SLVGOV"),
    ("El Salvador's defence minister", "2021-01-01", "René Merino Monroy"),
    ("Rene Merino Monroy", "2020-01-01", "SLVMIL"),
    # Suriname
    ("Surinamese President Desi Bouterse", "2015-01-01", "SURGOV"),
    ("the Surinamese president", "2005-06-01", "Ronald Venetiaan"),
    ("Chan Santokhi", "2021-01-01", "SURGOV"),
    # Trinidad and Tobago
    ("the Trinidadian prime minister", "2008-01-01", "Patrick Manning"),
    ("Keith Rowley", "2020-06-01", "TTOGOV"),
    ("Trinidad and Tobago's prime minister", "2025-06-01", "Kamla Persad-Bissessar"),
    ("the Trinidadian president", "2015-01-01", "Anthony Carmona"),
    # Uruguay
    ("the Uruguayan president", "2012-01-01", "José Mujica"),
    ("Uruguayan President Tabare Vazquez", "2017-01-01", "URYGOV"),
    ("Luis Lacalle Pou", "2022-01-01", "URYGOV"),
    ("Uruguay's foreign minister", "2012-01-01", "Luis Almagro"),
    ("the Uruguayan defence minister", "2022-01-01", "Javier García"),
    ("Uruguay's interior minister", "2015-01-01", "Eduardo Bonomi"),
    # Saint Vincent and the Grenadines
    ("Ralph Gonsalves", "2015-01-01", "VCTGOV"),
    ("the prime minister of Saint Vincent and the Grenadines", "2008-01-01", "Ralph Gonsalves"),
    # Andorra
    ("Andorra's head of government", "2015-01-01", "Antoni Martí"),
    ("Xavier Espot", "2020-06-01", "ANDGOV"),
    # Liechtenstein
    ("the Liechtenstein prime minister", "2015-01-01", "Adrian Hasler"),
    ("Prince Hans-Adam II", "2010-01-01", "LIEGOV"),
    ("Liechtenstein's foreign minister", "2012-01-01", "Aurelia Frick"),
    # Monaco
    ("Prince Albert II", "2015-01-01", "MCOGOV"),
    ("Prince Rainier III", "2001-01-01", "MCOGOV"),
    ("Monaco's foreign minister", "2020-06-01", "Laurent Anselmi"),
    # San Marino
    ("Paolo Rondelli", "2022-06-01", "SMRGOV"),
    ("San Marino's foreign minister", "2022-01-01", "Luca Beccari"),
    # Fiji
    ("the Fijian prime minister", "2015-01-01", "Frank Bainimarama"),
    ("Fijian Prime Minister Sitiveni Rabuka", "2023-06-01", "FJIGOV"),
    ("Laisenia Qarase", "2004-01-01", "FJIGOV"),
    # Micronesia
    ("the Micronesian president", "2021-01-01", "David Panuelo"),
    ("Manny Mori", "2010-01-01", "FSMGOV"),
    # Kiribati
    ("Kiribati President Anote Tong", "2012-01-01", "KIRGOV"),
    ("the president of Kiribati", "2022-01-01", "Taneti Maamau"),
    # Marshall Islands
    ("the Marshallese president", "2017-01-01", "Hilda Heine"),
    ("Tony deBrum", "2015-01-01", "MHLGOV"),
    # Nauru
    ("the Nauruan president", "2015-01-01", "Baron Waqa"),
    ("David Adeang", "2024-01-01", "NRUGOV"),
    # Palau
    ("Palauan President Tommy Remengesau", "2016-01-01", "PLWGOV"),
    ("the president of Palau", "2022-01-01", "Surangel Whipps Jr."),
    # Papua New Guinea
    ("the Papua New Guinean prime minister", "2005-06-01", "Michael Somare"),
    ("Peter O'Neill", "2015-01-01", "PNGGOV"),
    ("James Marape", "2021-01-01", "PNGGOV"),
    # Solomon Islands
    ("the Solomon Islands prime minister", "2022-01-01", "Manasseh Sogavare"),
    ("Jeremiah Manele", "2024-06-01", "SLBGOV"),
    ("Gordon Darcy Lilo", "2013-01-01", "SLBGOV"),
    # Tonga
    ("the Tongan king", "2008-01-01", "George Tupou V"),
    ("King Tupou VI", "2015-01-01", "TONGOV"),
    ("the Tongan prime minister", "2017-01-01", "'Akilisi Pohiva"),
    # Tuvalu
    ("the Tuvaluan prime minister", "2016-01-01", "Enele Sopoaga"),
    ("Kausea Natano", "2021-01-01", "TUVGOV"),
    ("Tuvalu's foreign minister", "2022-01-01", "Simon Kofe"),
    # Vanuatu
    ("the Ni-Vanuatu prime minister", "2006-01-01", "Ham Lini"),
    ("Charlot Salwai", "2018-01-01", "VUTGOV"),
    ("the president of Vanuatu", "2012-01-01", "Iolu Abil"),
    # Samoa
    ("the Samoan prime minister", "2010-01-01", "Tuilaepa Sailele Malielegaoi"),
    ("Fiame Naomi Mataafa", "2022-01-01", "WSMGOV"),
    ("Samoa's foreign minister", "2015-01-01", "Tuilaepa Sailele Malielegaoi"),
    # Hong Kong
    ("Hong Kong Chief Executive Carrie Lam", "2019-08-01", "HKGGOV"),
    ("Leung Chun-ying", "2014-10-01", "HKGGOV"),
    ("John Lee", "2023-01-01", "HKGGOV"),
    ("Donald Tsang", "2008-01-01", "HKGGOV"),
    ("Chris Tang", "2023-01-01", "HKGGOV"),
    ("Regina Ip", "2002-01-01", "HKGGOV"),
    # Macau
    ("Ho Iat-seng", "2021-01-01", "MACGOV"),
    ("Edmund Ho", "2005-06-01", "MACGOV"),
    # Puerto Rico
    ("Puerto Rico Governor Ricardo Rossello", "2018-01-01", "PRIGOV"),
    ("Jenniffer González-Colón", "2025-03-01", "PRIGOV"),
    # Greenland
    ("the Greenlandic premier", "2022-01-01", "Múte B. Egede"),
    ("Kim Kielsen", "2018-01-01", "GRLGOV"),
    ("Greenland's premier", "2025-05-01", "Jens-Frederik Nielsen"),
])
def test_part_d_resolves(tables, text, date, expected):
    assert_resolves_to(tables, text, date, expected)


@pytest.mark.parametrize("day", CHECK_DAYS)
@pytest.mark.parametrize("country", COUNTRIES + list(TERRITORIES))
def test_part_d_head_of_state_and_foreign_minister_in_force(tables, country, day):
    assert_head_and_foreign_minister(
        tables, country, day, HEAD_OF_STATE, file=PART_D, head_known=country not in HEAD_OF_STATE_UNKNOWN[day],
        foreign_minister_known=country not in TERRITORIES and country not in FOREIGN_MINISTER_UNKNOWN[day])
