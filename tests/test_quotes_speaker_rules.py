"""Speaker rules of issue 15: pronoun chains, apposed names, labels, parenthetical cues, main clauses
first, and phrases that can't speak. Each case in words of its own (not the issue's examples)."""

from __future__ import annotations

import pytest
from test_quotes_support import quote_starting, read, speaker_name


def test_speaker_rules_follow_a_pronoun_chain_back_to_the_name(nlp) -> None:
    text = ("Mayor Helen Okafor spent the morning touring the flooded districts. She met families in "
            "the shelters. She then visited the pumping station. She spoke briefly with engineers there. "
            "She looked tired when the cameras arrived.\n\n"
            "“We will rebuild every street,” she said.")
    quote = quote_starting(read(nlp, text, actors="entities"), "We will rebuild")
    assert speaker_name(quote).endswith("Okafor")
    assert quote.speaker.mention.text == "she"


# The quote's speaker is the person named, by surname: (passage, how the quote starts, surname).
NAMED_SPEAKERS = [
    pytest.param(
        "Foreign Minister Paulo Mendes arrived in Lisbon late on Sunday.\n\n"
        "He said the talks had been hard. He said both sides had given ground. Europe, he said, "
        "had to be patient.\n\n"
        "“Nobody leaves this table with everything,” he argued.",
        "Nobody leaves this table", "Mendes", id="a_chain_of_said_sentences_keeps_its_speaker"),
    pytest.param(
        "Readers told us how the strike affected them.\n\n"
        "Tomas Varga, a bus driver from Debrecen:\n\n"
        "“I have not been paid for two months and my landlord does not care.”",
        "I have not been paid", "Varga", id="a_label_paragraph_names_the_next_quote"),
    pytest.param(
        "Senator Ruth Calloway lashed out at the Pentagon in a string of posts on Friday:\n\n"
        "“Billions for contractors, nothing for the families of soldiers.”",
        "Billions for contractors", "Calloway", id="a_sentence_ending_in_a_colon_names_the_next_quote"),
    pytest.param(
        "Ottawa praised “the courage of the rescue crews in the north,” Prime Minister "
        "Claire Dubois said in a statement.",
        "the courage of the rescue crews", "Dubois", id="main_clause_cue_beats_a_reported_welcome"),
    pytest.param(
        "Councillor Amira Haddad said on Monday that Mayor Tom Reyes had claimed the towers were safe.\n\n"
        "“Nobody inspected those towers in ten years.”",
        "Nobody inspected", "Haddad", id="previous_paragraph_main_clause_first"),
    pytest.param(
        "“The border will reopen on Monday at dawn,” a statement released on behalf of "
        "Interior Minister Samir Toure said.",
        "The border will reopen", "Toure", id="a_document_issued_on_behalf_of_someone"),
    pytest.param(
        "Several governors objected, including Governor Dana Whitaker -- ''This law punishes "
        "the states that followed the rules'' -- and two of her neighbours.",
        "This law punishes", "Whitaker", id="a_name_and_a_dash_before_the_quote"),
    pytest.param(
        "Police Chief Maria Santos said on Friday that she believes the footage should be public "
        "but said “the timing is not ours to choose.”",
        "the timing is not ours", "Santos", id="and_said_shares_the_subject"),
    pytest.param(
        "Director Ana Ruiz said the Second Amendment was worth a film because “nobody reads it "
        "closely,” she said.",
        "nobody reads it", "Ruiz", id="own_sentence_main_clause_first"),
]


@pytest.mark.parametrize("text, start, surname", NAMED_SPEAKERS)
def test_speaker_rules_name_the_speaker(nlp, text: str, start: str, surname: str) -> None:
    quote = quote_starting(read(nlp, text, actors="entities"), start)
    assert speaker_name(quote).endswith(surname)


@pytest.mark.parametrize("actors", ["entities", "dyad"])
def test_speaker_rules_the_main_clause_subject_is_the_antecedent(nlp, actors: str) -> None:
    text = ("Ms. Karlsson had earlier pointed out that Mr. Ivanov had promised a ceasefire twice. "
            "“He keeps promising and nothing changes,” she said.")
    quote = quote_starting(read(nlp, text, actors=actors), "He keeps promising")
    assert speaker_name(quote).endswith("Karlsson")


@pytest.mark.parametrize("actors", ["entities", "dyad"])
def test_speaker_rules_prefer_the_apposed_name_to_the_description(nlp, actors: str) -> None:
    text = ("The head of the Federation of Dairy Farmers, Niamh Brennan, warned that the quotas "
            "would ruin small farms. “Half of us will be gone in five years,” she said.\n\n"
            "The chair of the Lakeside Tenants Association, Omar Siddiqui, told reporters: “Rents doubled.”")
    quotes = read(nlp, text, actors=actors)
    brennan = speaker_name(quote_starting(quotes, "Half of us"))
    siddiqui = speaker_name(quote_starting(quotes, "Rents doubled"))
    assert brennan.endswith("Brennan") and "Federation" not in brennan  # the name, not the description
    assert siddiqui.endswith("Siddiqui") and "Tenants" not in siddiqui


def test_speaker_rules_link_a_parenthetical_cue(nlp) -> None:
    text = "The new tariffs, the trade commissioner added, were “a gift to smugglers and nobody else.”"
    quote = quote_starting(read(nlp, text, actors="entities"), "a gift to smugglers")
    assert quote.speaker is not None and "commissioner" in quote.speaker.name
    assert quote.cue == "added"


def test_speaker_rules_main_clause_cue_beats_a_reported_thought(nlp) -> None:
    text = ("An aide to Chancellor Weber said the chancellor expected the summit to produce "
            "“a common and binding plan for the border.”")
    quote = quote_starting(read(nlp, text, actors="entities"), "a common and binding plan")
    assert quote.speaker is not None and "aide" in quote.speaker.name.lower()


def test_speaker_rules_a_dateline_does_not_speak(nlp) -> None:
    text = ("NAIROBI, May 4 — “The road is gone, we walked the last ten kilometres,” rescue workers "
            "said on Thursday.\n\n"
            "NAIROBI — Rescue teams reached the village after two days of rain.\n\n"
            "“Nobody has eaten since Monday.”")
    quotes = read(nlp, text, actors="entities")
    first = quote_starting(quotes, "The road is gone")
    assert "workers" in speaker_name(first)
    assert "NAIROBI" not in speaker_name(quote_starting(quotes, "Nobody has eaten"))


def test_speaker_rules_a_date_does_not_speak(nlp) -> None:
    text = "“Our patience has limits,” Sunday's statement said."
    quote = quote_starting(read(nlp, text, actors="entities"), "Our patience has limits")
    assert speaker_name(quote) not in ("Sunday", "Sunday's")  # the statement speaks, not its day


def test_speaker_rules_according_to_before_the_quote(nlp) -> None:
    text = "According to the economist Lena Fischer, “the recession is already here, we just don't see it.”"
    quote = quote_starting(read(nlp, text, actors="entities"), "the recession is already here")
    assert speaker_name(quote).endswith("Fischer")
    assert quote.cue == "according to"


def test_speaker_rules_short_quotes_under_naming_verbs_are_kept(nlp) -> None:
    text = ("The senator referred to the pipeline deal as “a trap” in a radio interview. "
            "The watchdog rated the claim as “misleading” on Friday.")
    quotes = read(nlp, text, actors="entities")
    assert quote_starting(quotes, "a trap").speaker is not None
    assert speaker_name(quote_starting(quotes, "misleading")) != ""


def test_speaker_rules_a_role_through_as_is_no_quote(nlp) -> None:
    text = "She served as “acting director” for a year before the board replaced her."
    assert not any(q.text == "acting director" for q in read(nlp, text, actors="entities"))


def test_speaker_rules_a_definite_description_names_its_earlier_actor(nlp) -> None:
    text = ("In Harare on Monday, the Southern African Development Community (SADC) regional bloc "
            "demanded a recount. Later the bloc said it would send observers to the vote.\n\n"
            "“We will not accept a result that was stolen,” it said in a statement.")
    quote = quote_starting(read(nlp, text, actors="entities"), "We will not accept")
    assert quote.speaker is not None and "Southern African Development Community" in quote.speaker.name


def test_speaker_rules_a_description_with_its_own_name_is_not_a_repeat(nlp) -> None:
    text = ("Growth was slow, according to the Sapir report. "
            "“Europe has lost a decade,” the Kok report said.")
    quote = quote_starting(read(nlp, text, actors="entities"), "Europe has lost a decade")
    assert quote.speaker is not None and "Sapir" not in quote.speaker.name


def test_speaker_rules_a_dash_after_an_object_is_not_a_speaker(nlp) -> None:
    text = ("Mr. Hale, Mr. Stone said, has lately seemed supportive of Senator Reed -- "
            "''a completely different Hale to me.''")
    quote = quote_starting(read(nlp, text, actors="entities"), "a completely different Hale")
    assert "Reed" not in speaker_name(quote)
