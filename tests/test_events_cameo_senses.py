"""Hand rows for verb and noun senses that the lexicon missed or coded in another CAMEO class,
each written from the codebook's definition of its code ("back down" is 080 yield, not 051
support; a troop withdrawal is 0874; considering doing something is 014; finding someone guilty
is 116), and the narrowings that keep them from misfiring ("called for the withdrawal" is no
withdrawal; "is considered to be" is no policy option; a bid for office is no event).

Each case: a sentence written for this test in the style of news, the events it must yield as
"SOURCE CODE" (the source's country and a code prefix, whatever the target) or "SOURCE CODE
TARGET", and events it must not yield.
"""

from __future__ import annotations

import pytest
from test_events_coding import code, stages, triples  # noqa: F401 - fixtures

CASES = [
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
    # precision: a bid for office is no event (PETRARCH's START BID reads 160)
    ("A Nigerian senator launched a bid to become governor.", [], ["NGA 16"]),
]


def _found(events, spec: str) -> bool:  # noqa: ANN001
    """Whether an event fits "SRC CODE" (any target) or "SRC CODE TGT"; CODE is a prefix."""
    source, code_prefix, *target = spec.split()
    return any(s == source and c.startswith(code_prefix) and (not target or t == target[0])
               for s, c, t, _ in triples(events))


@pytest.mark.parametrize("text, wanted, unwanted", CASES,
                         ids=lambda x: x[:40] if isinstance(x, str) else None)
def test_events_cameo_senses(code, text, wanted, unwanted):  # noqa: F811 - the fixture
    events = code(text)
    got = sorted(triples(events))
    for spec in wanted:
        assert _found(events, spec), f"missing {spec} in {got}"
    for spec in unwanted:
        assert not _found(events, spec), f"unwanted {spec} in {got}"
