"""Event rows written from CAMEO's code definitions for verb senses the imported dictionary
misses or codes in the wrong class, and the modality that turns "will not X" into a refusal.

Each case: a sentence written for this test in the style of news, the events it must yield
("SOURCE CODE TARGET", see test_events_coding), and events it must not yield.
"""

from __future__ import annotations

import pytest
from test_events_coding import code, has, stages, triples  # noqa: F401 - fixtures

CASES = [
    # 01: comments, denials, policy options
    ("Germany said it was sceptical of the rescue plan.", ["DEU 012 -"], []),
    ("Ukrainian officials were optimistic about the grain talks.", ["UKR 013 -"], []),
    ("The Indian government rejected allegations that its troops had shelled the village.",
     ["IND 016 -"], ["IND 12 -"]),
    ("Poland is considering sending aid to Moldova.", ["POL 014 -"], ["POL 1311 MDA"]),
    ("China expressed pessimism about the prospects of the talks.", ["CHN 012 -"], []),
    ("The Japanese government voiced hope that the talks would resume soon.", ["JPN 013 -"], []),
    ("The Kenyan cabinet is exploring the possibility of early elections.", ["KEN 014 -"], []),
    # 02: appeal
    ("Germany pushed for tougher sanctions on Iran.", ["DEU 020 IRN"], []),
    # 03: an agreement to stop fighting is an intention (PETRARCH: AGREE TO CEASEFIRE 0356)
    ("Armenia and Azerbaijan agreed to a ceasefire on Saturday.", ["ARM 0356 AZE"], ["ARM 0871 AZE"]),
    ("Sudan's rebels laid down their arms on Monday.", ["SDN 0873 -"], []),
    # 06-08: material cooperation
    ("The British army trained Ukrainian soldiers in Wiltshire.", ["GBR 062 UKR"], []),
    ("Japan provided $20 million to the World Food Programme.", ["JPN 070 IGO"], []),
    ("Canada accepted 25,000 Syrian refugees last year.", ["CAN 075 SYR"], ["CAN 0333 SYR"]),
    ("Saudi Arabia lifted its blockade of Qatar.", ["SAU 0872 QAT"], []),
    ("Germany returned the looted artefacts to Nigeria.", ["DEU 0842 NGA"], []),
    ("Kenya deployed peacekeepers to Somalia in March.", ["KEN 074 SOM"], ["KEN 154 SOM"]),
    ("Washington cut tariffs on Mexican steel.", ["USA 085 -"], []),
    # 08 refused -> 124x: "will not" is a refusal
    ("Israel will not release the Palestinian prisoners, its cabinet said.", ["ISR 1243 -"],
     ["ISR 0841 -"]),
    ("The European Union will not lift its sanctions on Russia.", ["IGO 1244 RUS"], ["IGO 085 RUS"]),
    ("Bangladesh will not accept more Rohingya refugees.", ["BGD 122 -"], ["BGD 075 -"]),
    ("Israel did not release the prisoners on Monday.", ["ISR 0841 -:negated"], ["ISR 1243 -"]),
    # 12, 16: rejections and reduced relations
    ("North Korea refused talks with the United States.", ["PRK 125 USA"], []),
    ("Washington reduced military aid to Egypt.", ["USA 1622 EGY"], []),
    ("Denmark announced a suspension of aid to Uganda.", ["DNK 162 UGA"], ["DNK 070 UGA"]),
    ("The Mexican president cancelled a planned visit to Washington.", ["MEX 160 USA"], []),
    ("Mali expelled the UN peacekeepers in June.", ["MLI 1661 IGO"], ["MLI 174 IGO"]),
    ("North Korea violated a UN ban on missile tests.", ["PRK 128 -"], []),
    ("Qatar suspended its mediation between Israel and Hamas.", ["QAT 165 ISR", "QAT 165 PSE"], []),
    # 14-17: protest, force posture, coercion
    ("Chilean workers stopped work in a strike over pay.", ["CHL 143 -"], ["CHL 082 -"]),
    ("Russia reinforced its troops in Crimea.", ["RUS 154 UKR"], []),
    ("Belarus banned the opposition leader from public office.", ["BLR 1722 ---"], []),  # of no country
    ("Russia launched a cyber attack on Estonia.", ["RUS 176 EST"], ["RUS 190 EST"]),
    # "must" in a clause someone else says: that speaker's demand (10x) on the clause's subject
    ("NATO said Russia must withdraw its troops from Ukraine.", ["IGO 106 RUS"], ["RUS 0874 -"]),
    ("The EU said Iran must release the French citizens.", ["IGO 1053 IRN"], []),
    ("Turkey must mediate between the two sides, the Qatari foreign minister said.", ["QAT 105 TUR"], []),
    ("Russia must not attack Ukraine, the French president said.", [], ["FRA 10 RUS"]),
    # precision: a news conference is not a meeting with anyone
    ("The Pakistani foreign minister held a news conference in Kabul.", [], ["PAK 04 AFG"]),
    # precision: imported PETRARCH rows that misfire on news (overridden in verbs.tsv)
    ("The Turkish president called the Swedish prime minister a coward.", [], ["TUR 041 SWE"]),
    ("The Russian president called Erdogan on Sunday.", ["RUS 041 TUR"], ["RUS 020 TUR"]),
    ("Germany called on China to use its influence.", ["DEU 020 CHN"], []),
    ("Poland leads Hungary by ten points in the survey.", [], ["POL 030 HUN"]),
    ("The Indian prime minister went to Washington for two days.", ["IND 042 USA"], ["IND 040 USA"]),
    ("The British prime minister went back on a pledge to the French president.", [],
     ["GBR 04 FRA"]),
    ("The British foreign secretary discussed the crisis with the Iranian foreign minister.",
     ["GBR 040 IRN"], ["GBR 0341 IRN"]),
]


#: Verb and noun senses the lexicon missed or coded in another class, each written from the
#: codebook's definition of its code ("back down" is 080 yield, not 051 support; a troop
#: withdrawal is 0874; considering doing something is 014; finding someone guilty is 116), and
#: the narrowings that keep them from misfiring ("called for the withdrawal" is no withdrawal;
#: "is considered to be" is no policy option; a bid for office is no event). "SRC CODE" alone
#: is an event of that source and code, whatever its target.
SENSES = [
    # 01: comments and policy options
    ("The Egyptian cabinet is considering raising fuel prices.", ["EGY 014"], []),
    ("The French foreign minister is considered to be a moderate.", [], ["FRA 014", "FRA 04"]),
    ("The scheme rewards what the US considers to be good governance.", [], ["USA 014"]),
    ("The Kenyan auditor said the Kenyan interior ministry should consider removing the officials.", [],
     ["KEN 014"]),
    ("The Kenyan president said he hoped the talks would succeed.", ["KEN 013"], []),
    ("The Kenyan president hopes to win a second term.", [], ["KEN 013"]),
    ('"I hope you will act quickly," the Kenyan president told the commissioner.', [], ["KEN 013"]),
    ("The Taliban claimed credit for the attack on the convoy.", ["AFG 015"], []),
    ("The Kenyan president expressed his deep respect to Ghana's president for the handover.", ["KEN 051 GHA"],
     ["KEN 110"]),
    # 06-07: material cooperation and aid
    ("Intelligence cooperation between Jordan and Egypt has deepened.", ["JOR 064 EGY", "EGY 064 JOR"],
     ["JOR 050 EGY"]),
    ("Germany flew ten tonnes of medicine into Afghanistan.", ["DEU 070 AFG"], ["DEU 154 AFG"]),
    ("Qatar airlifted medical supplies to Sudan.", ["QAT 070 SDN"], []),
    ("Turkey sent rescue teams to Morocco after the earthquake.", ["TUR 073 MAR"], []),
    ("Norway provided its annual donation to the Palestinians.", ["NOR 070"], []),
    ("The US president sent a letter to the WHO threatening to pull US funding.", [], ["USA 07"]),
    # 08: yield
    ("Ethiopia abandoned its policy of forced resettlement.", ["ETH 080"], ["ETH 100"]),
    ("The Somali opposition postponed its protest march by a week.", ["SOM 082"], ["SOM 17"]),
    ("Minsk announced the release of two Lithuanian citizens.", ["BLR 0841 LTU"], []),
    ("The Dutch prime minister welcomed the release of the two journalists.", [], ["NLD 0841"]),
    ("Italy returned the looted statues to Libya.", ["ITA 0842 LBY"], []),
    ("Ecuador lifted the state of emergency in three provinces.", ["ECU 0814"], []),
    ("Washington rolled back tariffs on Canadian lumber.", ["USA 085"], []),
    ("Sudan granted UN agencies access to Darfur for humanitarian aid.", ["SDN 0863"], []),
    ("Colombia declared a cessation of hostilities with the rebels.", ["COL 0871"], []),
    ("The UN called for a cessation of hostilities in Yemen.", [], ["IGO 0871"]),
    ("Armenia and Azerbaijan agreed to halt fighting in Karabakh.", ["ARM 0356 AZE"], ["ARM 138 AZE"]),
    ("Moscow announced the withdrawal of its troops from Kherson.", ["RUS 0874"], []),
    ("Britain called for the withdrawal of Syrian troops from Lebanon.", [], ["GBR 0874"]),
    # 19: attacking a thing force is used on is force (cues.tsv's struck nouns), not criticism
    ("Iraqi warplanes attacked an explosives factory inside Syria on Thursday.", ["IRQ 190 SYR"],
     ["IRQ 111"]),
    ("Israel's military has carried out several attacks on the Syrian army.", ["ISR 190 SYR"],
     ["ISR 062"]),
    ("The Saudi air force carried out airstrikes on Yemen's capital.", ["SAU 195 YEM"], []),
    # 04: a place left is not visited
    ("The Indian prime minister left Delhi for Tokyo.", ["IND 042 JPN"], ["IND 042 IND"]),
    # 10, 11, 14, 16: demands, legal findings, protests, expulsions
    ("Norway announced a freeze of its aid to Burundi.", ["NOR 162 BDI"], ["NOR 03", "NOR 07"]),
    ("Washington pressured Islamabad to hand over the suspects.", ["USA 100 PAK"], []),
    ("Washington said North Korea must disarm before it can receive aid.", ["USA 105 PRK"], []),
    ("The Kenyan opposition said the government's asylum plan was unworkable.", ["KEN 111 KEN"], []),
    ("Iran said Israel's strike on the consulate was illegal.", ["IRN 111 ISR"], []),
    ("The European Union put pressure on Serbia to arrest the general.", ["IGO 100 SRB"], []),
    ("A Kenyan court found the former Kenyan finance minister guilty of fraud.", ["KEN 116"], []),
    ("Thousands of Kenyans staged a protest against the government in Nairobi.", ["KEN 141"], []),
    ("Myanmar's junta forced humanitarian aid workers out of the province.", ["MMR 1663"], []),
    ("Pakistan opened its borders to displaced Afghans.", ["PAK 075"], ["PAK 050"]),
    # precision: a name given on a day is neither an appeal ("called on") nor a phone call
    ("The Turkish president on Tuesday called the Swedish prime minister a coward.", [],
     ["TUR 020", "TUR 041"]),
    # precision: senses of a trigger that are not its CAMEO event (null rows win over imports)
    ("China invested in Argentina's railways.", ["CHN 061 ARG"], []),
    ("The Kenyan government will continue to invest in public services.", [], ["KEN 06"]),
    ("Kenya's police cracked down on drug dealers in Mombasa.", [], ["KEN 17"]),
    ("The British education secretary announced a crackdown on truants in England.", [], ["GBR 17"]),
    ("China's crackdown on protesters in Tiananmen Square was condemned.", ["CHN 175"], []),
    ("The Catholic aid agency Cafod will host the Kenyan president's speech.", [], ["KEN 03", "KEN 04"]),
    ("Egypt will host the Israeli prime minister next week.", ["EGY 036 ISR"], []),
    ("The Kenyan finance minister said he had defied the pundits.", [], ["KEN 12"]),
    ("Iran seized a Greek tanker.", ["IRN 1711 GRC"], []),
    ("Libya's internationally recognised government announced a ceasefire on Friday.", ["LBY 0871"],
     ["LBY 054"]),
    ("Spain formally recognised Palestine as a state.", ["ESP 054 PSE"], []),
    ("Germany has reinforced its commitment to Syrian refugees.", ["DEU 030 SYR"], ["DEU 162"]),
    ("The Kenyan opposition seized the initiative in the debate.", [], ["KEN 17"]),
    # second round: comments, options, aid, peacekeeping, air links, bans from office
    ("The Kenyan president said there was deep concern in Kenya about the violence in Sudan.", ["KEN 012"],
     []),
    ("Poland is considering sending troops to Lithuania.", ["POL 014"], ["POL 04"]),
    ("The Kenyan cabinet is considering giving money to Somalia.", ["KEN 014"], []),
    ("The Kenyan government rejected claims of corruption in the ministry.", ["KEN 016"], ["KEN 120"]),
    ("Russia rejected Japan's claim to the islands.", ["RUS 120 JPN"], ["RUS 016"]),
    ("Germany handed over 30 ambulances to the Ethiopian health ministry.", ["DEU 070 ETH"], []),
    ("Ghana announced the deployment of 300 troops to Mali on a peacekeeping mission.", ["GHA 074 MLI"],
     ["GHA 154"]),
    ("The Japanese government agreed to provide Kenya with medical equipment.", ["JPN 033 KEN"],
     ["JPN 019"]),
    ("Washington returned the ancient statue to Egypt.", ["USA 0842 EGY"], []),
    ("Morocco suspended air links with Spain and Portugal.", ["MAR 160 ESP", "MAR 160 PRT"], []),
    ("Rabat announced a suspension of air links with Madrid.", ["MAR 160 ESP"], []),
    ("Turkey barred the opposition mayor from running for office.", ["TUR 1722"], []),
    ("The Taliban claimed that they had attacked the police station.", ["AFG 015"], ["AFG 190"]),
    ("Israel claimed that Hamas had attacked the crossing.", [], ["ISR 015", "PSE 015"]),
    ("Hungary said it would refuse to comply with the European Commission's ruling.", ["HUN 124"], []),
    ("Iran complied with the UN resolution.", ["IRN 080"], []),
    ("Japan gave financial support to Kenya.", ["JPN 071 KEN"], ["JPN 051"]),
    ("The European Union provided technical support to the Kenyan election commission.", ["IGO 070 KEN"],
     ["IGO 051"]),
    ("Japan offered financial support to Kenya.", ["JPN 0331 KEN"], ["JPN 071"]),
    ("Germany has made available ambulances and medical supplies to Sierra Leone.", ["DEU 070 SLE"], []),
    ("The Kenyan opposition gave its support to the plan.", ["KEN 051"], ["KEN 07"]),
    ("The Indian prime minister hosted a dinner for the Japanese prime minister.", ["IND 043 JPN"], []),
    ("The European Union gave Turkey a deadline to open its ports.", ["IGO 139 TUR"], []),
    ("Turkey opened its borders to Syrians and Iraqis.", ["TUR 075 SYR", "TUR 075 IRQ"], ["TUR 050"]),
    ("The Iranian foreign minister expressed pessimism about the nuclear talks.", ["IRN 012"], []),
    ("The Kenyan president expressed hope that the talks would succeed.", ["KEN 013"], []),
    ("The Kremlin declined to comment on the report.", ["RUS 011"], []),
    ("Turkey extradited a US citizen suspected of being a militant.", ["TUR 063"], []),
    ("The UAE removed trade and travel restrictions with Israel.", ["ARE 081 ISR"], []),
    ("The Kenyan opposition launched a hunger strike.", ["KEN 142"], ["KEN 190"]),
    ("The French president issued an ultimatum to Muslim leaders.", ["FRA 139"], []),
    ("NATO allies agreed to extend their peacekeeping mission in Bosnia.", ["IGO 0334 BIH"], []),
    ("Burma agreed to allow international aid into the cyclone zone.", ["MMR 0355"], []),
    ("The Iraqi prime minister agreed to resign after weeks of protests.", ["IRQ 0341"], []),
    ("The Iraqi prime minister declined to resign.", ["IRQ 124"], ["IRQ 0831"]),
    ("The United States and South Korea failed to reach agreement on a trade deal.",
     ["USA 120 KOR", "KOR 120 USA"], ["USA 057:asserted"]),
    ("The UN launched an appeal for $80 million in emergency aid for Somalia.", ["IGO 023"], []),
    ("The Kenyan opposition launched an appeal against the court ruling.", [], ["KEN 020", "KEN 023"]),
    ("The European Union set a deadline for Iran.", ["IGO 139 IRN"], []),
    ("The government set a deadline for the talks.", [], ["KEN 139", "GBR 139"]),
    ("Nigeria and Britain will undertake a joint military exercise next year.",
     ["NGA 0312 GBR", "GBR 0312 NGA"], []),
    ("The Myanmar president called for reform of the constitution.", ["MMR 024"], []),
    ("The Kenyan opposition urged the government to reform the police.", ["KEN 024 KEN"], []),
    ("The UN appealed for an end to the blockade.", ["IGO 020"], []),
    ("The Kenyan opposition appealed against the ruling.", [], ["KEN 020"]),
    ("A Danish court found the former official guilty of fraud.", ["DNK 116"], []),
    ("The Peruvian president resigned after a week of protests.", ["PER 0831"], []),
    ("Suharto resigned as president of Indonesia in May 1998.", ["IDN 0831"], []),
    ("The Kenyan president refused to resign.", ["KEN 124"], ["KEN 0831"]),
    ("The Kenyan president should resign, the opposition said.", [], ["KEN 0831:asserted"]),
    # precision: a bid for office is no event (PETRARCH's START BID reads 160)
    ("A Nigerian senator launched a bid to become governor.", [], ["NGA 16"]),
]


@pytest.mark.parametrize("text, wanted, unwanted", CASES + SENSES,
                         ids=lambda x: x[:40] if isinstance(x, str) else None)
def test_events_cameo_rows(code, text, wanted, unwanted):  # noqa: F811 - the fixture
    events = code(text)
    got = sorted(triples(events))
    for spec in wanted:
        assert has(events, spec), f"missing {spec} in {got}"
    for spec in unwanted:
        assert not has(events, spec), f"unexpected {spec} in {got}"
