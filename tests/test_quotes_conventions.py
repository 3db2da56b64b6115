"""Every quotation-mark convention (issue 15): marks paired in plain text, then whole passages read
through the parse, in one convention each and mixed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_quotes_support import quote_starting, read, speaker_name

from dyad.quotes import find_pieces, paragraph_spans
from dyad.quotes.marks import is_headline


def texts(text: str) -> list[str]:
    return [text[p.start:p.end] for p in find_pieces(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # the NYT archive / LexisNexis form: two apostrophes open and close
    ("''The vote is a test of our resolve,'' Ms. Alvarez said. She called it ''overdue.''",
     ["The vote is a test of our resolve", "overdue."]),
    # Penn Treebank text: two backticks open, two apostrophes close
    ("``We are ready to talk,'' the envoy told reporters in Cairo.", ["We are ready to talk"]),
    # an apostrophe ending a word just before the closing pair stays inside the quote
    ("''Nobody listens to the farmers''' he said.", ["Nobody listens to the farmers'"]),
    # guillemets with curly marks nested inside: the outer quote is kept whole
    ("« Nous refusons cet “ultimatum” de Paris », a déclaré le porte-parole.",
     ["Nous refusons cet “ultimatum” de Paris"]),
    # guillemets the other way round (German, Danish)
    ("»Wir bleiben«, sagte die Ministerin.", ["Wir bleiben"]),
    # low-high German marks
    ("„Wir verhandeln nicht“, sagte er.", ["Wir verhandeln nicht"]),
])
def test_conventions_pair_double_marks(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # British style, straight single marks as the quotation marks
    ("'We will not bow to pressure,' the chancellor said. 'Never.'", ["We will not bow to pressure", "Never."]),
    # curly single marks with a double quote nested inside
    ("‘The minister called the report “a whitewash”,’ a union official said.",
     ["The minister called the report “a whitewash”"]),
    # a possessive apostrophe inside single-marked speech does not close it
    ("'The growers' union will strike on Monday,' its leader said.", ["The growers' union will strike on Monday"]),
    # an elided century is no mark
    ("‘Prices have not been this high since the ’70s,’ she said.",
     ["Prices have not been this high since the ’70s"]),
])
def test_conventions_read_single_marks_as_primary(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_conventions_choose_the_primary_marks_per_paragraph() -> None:
    # one paragraph in double marks with a nested single quote, the next in British style: the
    # nested “...” of the first must not switch the single-marked speech of the second off
    text = ("“They told us ‘wait’ for a year,” the mayor said.\n\n"
            "'We have waited long enough,' her deputy added.")
    assert texts(text) == ["They told us ‘wait’ for a year", "We have waited long enough"]


def test_conventions_carry_a_single_marked_quote_over_paragraphs() -> None:
    text = "‘The harvest failed twice.\n\n‘We need help now,’ the farmer said.\n\nTalks resume on Monday."
    pieces = find_pieces(text)
    assert [text[p.start:p.end] for p in pieces] == ["The harvest failed twice.", "We need help now"]
    assert pieces[0].chain == pieces[1].chain


def test_conventions_keep_a_headline_to_double_marks() -> None:
    # a US headline puts single marks around a word; the article quotes with double marks
    text = ("Senator Says Tariffs Are ‘Madness’ for Farmers\n\n"
            "“Tariffs hurt the people who grow our food,” the senator said.")
    assert texts(text) == ["Tariffs hurt the people who grow our food"]
    assert is_headline("Senator Says Tariffs Are ‘Madness’ for Farmers")
    assert not is_headline("The senator said the tariffs were ‘madness’ and walked out of the hearing.")


def test_conventions_two_apostrophes_give_speakers_through_the_parse(nlp) -> None:
    text = ("''We will cut the deficit in half,'' Gov. Laura Whitfield said on Tuesday. "
            "Her rival called the plan ''a fantasy.''\n\n"
            "''The numbers do not add up,'' said Representative Omar Haddad.")
    quotes = read(nlp, text, actors="entities")
    assert speaker_name(quote_starting(quotes, "We will cut")).endswith("Whitfield")
    assert quote_starting(quotes, "We will cut").cue == "said"
    assert speaker_name(quote_starting(quotes, "The numbers do not add up")).endswith("Haddad")
    assert quote_starting(quotes, "a fantasy").kind == "partial"


def test_conventions_treebank_marks_give_speakers(nlp) -> None:
    text = "``Our troops will stay until the job is done,'' Defense Minister Ana Ruiz told parliament."
    quote = quote_starting(read(nlp, text, actors="entities"), "Our troops will stay")
    assert speaker_name(quote).endswith("Ruiz")


def test_conventions_british_marks_give_speakers(nlp) -> None:
    text = ("'The railway strike will go ahead,' the union leader Mick Dolan said.\n\n"
            "Ministers said the strike was 'unjustified and reckless'.")
    quotes = read(nlp, text, actors="entities")
    assert speaker_name(quote_starting(quotes, "The railway strike")).endswith("Dolan")
    assert quote_starting(quotes, "unjustified and reckless").kind == "partial"


def test_conventions_html_entities_in_json_lines_are_quotes(nlp) -> None:
    import json

    from dyad.actors import find_actors, load_tables
    from dyad.ingest.jsonl import read_jsonl
    from dyad.quotes import find_quotes

    line = json.dumps({"id": "e1", "text": "&ldquo;We will not negotiate,&rdquo; Prime Minister Jan Novak said. "
                                           "The opposition&#8217;s leader called it &quot;a mistake.&quot;"})
    (article,) = list(read_jsonl([line], path="entities.jsonl"))
    assert article.text.startswith("“We will not negotiate,” Prime Minister Jan Novak said.")
    assert "opposition’s" in article.text and '"a mistake."' in article.text
    doc = nlp(article.text)
    quotes = find_quotes(doc, article, find_actors(doc, article, load_tables()))
    assert speaker_name(quote_starting(quotes, "We will not negotiate")).endswith("Novak")
    assert any(q.text.startswith("a mistake") for q in quotes)


def test_conventions_html_entities_leave_ampersands_alone() -> None:
    from dyad.ingest.article import decode_entities

    assert decode_entities("AT&T and R&D; &amp; &#x201C;yes&#x201D; &bogus;") == "AT&T and R&D; & “yes” &bogus;"


def test_conventions_capitalised_passages_keep_title_case_speech(nlp) -> None:
    # in a transcript written in capitals the title filter can't tell a title from speech
    text = ('MODERATOR: SENATOR, ARE YOU CALLING THE BUDGET "DEAD ON ARRIVAL"?\n\n'
            'He spoke on "Meet the Press" about the budget.')
    quotes = read(nlp, text, actors="entities")
    assert any(q.text == "DEAD ON ARRIVAL" for q in quotes)
    assert not any(q.text == "Meet the Press" for q in quotes)  # a show's name in ordinary prose


EVERY_MARK = st.lists(st.sampled_from(list("ab s9 ,.\n") + ['"', "“", "”", "‘", "’", "'", "''", "``", "`",
                                                           "«", "»", "„", "\n\n"]), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(EVERY_MARK)
def test_conventions_any_mix_of_marks_stays_in_its_paragraph(text: str) -> None:
    paragraphs = paragraph_spans(text)
    pieces = find_pieces(text, paragraphs)
    for piece in pieces:
        lo, hi = paragraphs[piece.paragraph]
        assert lo <= piece.start < piece.end <= hi
        assert text[piece.start:piece.end] == text[piece.start:piece.end].strip()
        if piece.open_at is not None:
            assert piece.open_at + piece.open_len <= piece.start
        if piece.close_at is not None:
            assert piece.end <= piece.close_at < hi
    for a, b in zip(pieces, pieces[1:]):
        assert a.end <= b.start  # top-level quotes never overlap
