"""Who said it: cue patterns, speaker, addressee and reporter on real-style news passages."""

from __future__ import annotations

import pytest
from test_quotes_support import quote_starting, read, speaker_name


@pytest.mark.parametrize(("text", "start", "speaker", "cue"), [
    # "...," X said
    ('"We will not accept any preconditions for the talks," Erdogan said on Tuesday.',
     "We will not accept", "Erdogan", "said"),
    # X said: "..."
    ('Speaking in Kyiv, Zelensky said: "Every inch of our land will be returned."',
     "Every inch", "Zelensky", "said"),
    # "...," said X (inverted, with a title)
    ('"The door to dialogue remains open," said German Chancellor Olaf Scholz.',
     "The door to dialogue", "Scholz", "said"),
    # X, who ..., said
    ('"This is a dangerous escalation," Josep Borrell, who heads EU foreign policy, said in Brussels.',
     "This is a dangerous escalation", "Borrell", "said"),
    # a quote of several sentences before the cue
    ('"We have no plans to send troops. That is not on the table," Biden told reporters at the White House.',
     "We have no plans", "Biden", "told"),
    # a later verb of saying: "added", "warned"
    ('"Our patience is not unlimited," Iranian Foreign Minister Hossein Amir-Abdollahian warned.',
     "Our patience", "Amir-Abdollahian", "warned"),
])
def test_attribution_cue_patterns(nlp, text: str, start: str, speaker: str, cue: str) -> None:
    q = quote_starting(read(nlp, text), start)
    assert speaker in speaker_name(q)
    assert q.cue == cue
    assert q.kind == "direct"


def test_attribution_told_names_the_addressee(nlp) -> None:
    text = ('Modi told Sharif during a phone call "terrorism and talks cannot go together," '
            "according to an Indian readout.")
    q = quote_starting(read(nlp, text), "terrorism and talks")
    assert "Modi" in speaker_name(q)
    assert q.addressee is not None and "Sharif" in q.addressee.name


def test_attribution_survives_a_line_broken_before_the_verb(nlp) -> None:
    # the reader repairs most such breaks; the quote finder must not depend on it
    text = ('"Turkey will never accept a terror corridor on its border," Erdogan\n\n'
            "told Putin at the start of their meeting in Sochi.")
    q = quote_starting(read(nlp, text), "Turkey will never accept")
    assert "Erdogan" in speaker_name(q)
    assert q.cue == "told"
    assert q.addressee is not None and "Putin" in q.addressee.name


def test_attribution_according_to(nlp) -> None:
    text = '"The ceasefire is holding in most areas," according to Antonio Guterres.'
    q = quote_starting(read(nlp, text), "The ceasefire is holding")
    assert "Guterres" in speaker_name(q)
    assert q.cue == "according to"


def test_attribution_was_quoted_by_as_saying(nlp) -> None:
    text = ("Lavrov was quoted by the RIA Novosti news agency as saying Moscow had "
            '"no intention of attacking anyone."')
    q = quote_starting(read(nlp, text), "no intention of attacking")
    assert "Lavrov" in speaker_name(q)
    assert q.reported_by is not None and "RIA" in q.reported_by.name
    assert q.kind == "partial"


def test_attribution_quoted_as_saying(nlp) -> None:
    text = ('The Yonhap news agency quoted Yoon Suk Yeol as saying the North would face '
            '"an overwhelming response."')
    q = quote_starting(read(nlp, text), "an overwhelming response")
    assert "Yoon" in speaker_name(q)
    assert q.reported_by is not None and "Yonhap" in q.reported_by.name


def test_attribution_partial_quote_after_that_clause(nlp) -> None:
    text = ('French President Emmanuel Macron said Berlin and Paris "stand shoulder to shoulder '
            'on the defence of Europe."')
    q = quote_starting(read(nlp, text), "stand shoulder to shoulder")
    assert "Macron" in speaker_name(q)
    assert q.kind == "partial"


def test_attribution_a_body_can_speak(nlp) -> None:
    text = ("Japan's defence ministry said the Chinese vessels had been operating in a way that "
            'posed "a serious threat to regional security."')
    q = quote_starting(read(nlp, text), "a serious threat")
    assert "ministry" in speaker_name(q).lower()
    assert q.kind == "partial"


def test_attribution_pronoun_takes_the_last_named_speaker(nlp) -> None:
    text = ("Kishida held talks with Yoon in Seoul on Sunday.\n\n"
            'He said relations were "on a new trajectory," but gave few details.')
    q = quote_starting(read(nlp, text), "on a new trajectory")
    assert "Kishida" in speaker_name(q)
    assert q.speaker is not None and q.speaker.mention is not None and q.speaker.mention.text == "He"


def test_attribution_continues_the_previous_speakers_turn(nlp) -> None:
    text = ('"The grain deal is dead," Peskov told reporters on Monday.\n\n'
            '"Moscow will return to it only when its own demands are met."\n\n'
            "Ukraine rejected the claim.")
    quotes = read(nlp, text)
    assert "Peskov" in speaker_name(quote_starting(quotes, "The grain deal is dead"))
    follow = quote_starting(quotes, "Moscow will return")
    assert "Peskov" in speaker_name(follow)
    assert follow.cue is None  # the speaker came from the turn, not from a verb


def test_attribution_quote_after_a_paragraph_that_names_the_speaker(nlp) -> None:
    text = ("Finnish President Sauli Niinisto was blunt about the reasons for joining the alliance.\n\n"
            '"You caused this. Look in the mirror."')
    q = quote_starting(read(nlp, text), "You caused this")
    assert "Niinisto" in speaker_name(q)


def test_attribution_a_quote_of_several_paragraphs(nlp) -> None:
    text = ("“We are not going to stand by while our neighbours are threatened.\n\n"
            "“We will do whatever it takes,” Polish Prime Minister Mateusz Morawiecki said.")
    quotes = read(nlp, text)
    first = quote_starting(quotes, "We are not going to stand by")
    second = quote_starting(quotes, "We will do whatever it takes")
    assert "Morawiecki" in speaker_name(first) and "Morawiecki" in speaker_name(second)


def test_attribution_second_quote_in_a_paragraph(nlp) -> None:
    text = ('"Sanctions are not a solution," Lula said. "Brazil wants peace, not sides."')
    q = quote_starting(read(nlp, text), "Brazil wants peace")
    assert "Lula" in speaker_name(q)


def test_attribution_sign_off_with_a_dash(nlp) -> None:
    text = "“Democracy dies in silence.” ― Maria Ressa\n“Truth is the first casualty.” ― Aeschylus"
    q = quote_starting(read(nlp, text, actors="entities"), "Democracy dies in silence")
    assert "Ressa" in speaker_name(q)


def test_attribution_unknown_speaker_is_named_by_its_phrase(nlp) -> None:
    text = ('"The harvest is lost," a farmer in the Kherson region told the BBC.')
    q = quote_starting(read(nlp, text, actors="none"), "The harvest is lost")
    assert q.speaker is not None and q.speaker.code is None
    assert "farmer" in q.speaker.name
    mention = q.speaker.mention
    assert mention is not None and text[mention.start:mention.end] == mention.text


def test_attribution_speaker_never_inside_the_quote(nlp) -> None:
    text = ('"He would be a great envoy. Not good, great. One of the sharpest minds in the whole party," '
            "Senator Tammy Duckworth said in an interview.")
    q = quote_starting(read(nlp, text), "He would be a great envoy")
    assert "Duckworth" in speaker_name(q)


def test_attribution_quoted_by_as_a_participle(nlp) -> None:
    text = ('The talks ended with Tokayev, quoted by the Kazinform agency as saying his country would '
            '"never recognise the referendums."')
    q = quote_starting(read(nlp, text), "never recognise the referendums")
    assert "Tokayev" in speaker_name(q)
    assert q.reported_by is not None and "Kazinform" in q.reported_by.name


def test_attribution_a_named_thing_is_not_the_speaker(nlp) -> None:
    text = 'Biden said the senator, nicknamed "Uncle Joe" by colleagues, would lead the delegation.'
    quotes = read(nlp, text)
    assert all("senator" not in speaker_name(q) for q in quotes)


def test_attribution_a_statement_speaks_for_its_author(nlp) -> None:
    text = ('The Arab League issued a statement calling the strikes "a flagrant violation of '
            'international law."')
    q = quote_starting(read(nlp, text), "a flagrant violation")
    assert "Arab League" in speaker_name(q)


def test_attribution_a_closed_sentence_does_not_take_the_next_ones_verb(nlp) -> None:
    text = ('Seoul accused Pyongyang of "reckless provocation." Tokyo said the launch was '
            '"unacceptable."')
    q = quote_starting(read(nlp, text), "reckless provocation")
    assert "Seoul" in speaker_name(q)
