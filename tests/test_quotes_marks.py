"""Pairing quotation marks: no spaCy, just text (dyad.quotes.marks)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.quotes import find_pieces, paragraph_spans


def texts(text: str) -> list[str]:
    return [text[p.start:p.end] for p in find_pieces(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ('"We will not be intimidated," the minister said.', ["We will not be intimidated"]),
    ("“We will not be intimidated,” the minister said.", ["We will not be intimidated"]),
    # a straight mark after "said," opens, the one after "." closes
    ('Merkel said, "Europe must stand together." Then she left.', ["Europe must stand together."]),
    # curly marks used the wrong way round still pair by their context
    ("”Europe must stand together,” she said.", ["Europe must stand together"]),
])
def test_marks_pair_straight_and_curly(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_marks_keep_nested_single_quotes_inside() -> None:
    text = "“He told me ‘the door is open,’ and I believed him,” the envoy said."
    assert texts(text) == ["He told me ‘the door is open,’ and I believed him"]


def test_marks_nest_other_shapes_inside_a_quote() -> None:
    text = '"The pollster asked: “Do you trust the government?” Most said no," she said.'
    assert texts(text) == ["The pollster asked: “Do you trust the government?” Most said no"]


def test_marks_ignore_apostrophes() -> None:
    text = "The leaders’ talks in Ankara, Erdogan’s idea, were “frank and useful,” officials said."
    assert texts(text) == ["frank and useful"]


def test_marks_restart_when_a_quote_is_never_closed() -> None:
    text = '"We reject the ultimatum, the spokesman said. "Our position has not changed."'
    assert texts(text) == ["We reject the ultimatum, the spokesman said.", "Our position has not changed."]


def test_marks_continue_a_quote_over_paragraphs() -> None:
    text = ("“The sanctions have failed. They hurt ordinary people.\n\n"
            "“We will find other partners,” the minister said.\n\nThe talks resume Monday.")
    pieces = find_pieces(text)
    assert [text[p.start:p.end] for p in pieces] == [
        "The sanctions have failed. They hurt ordinary people.", "We will find other partners"]
    assert pieces[0].chain == pieces[1].chain
    assert pieces[0].close_at is None and pieces[1].open_at is not None


def test_marks_carry_a_quote_over_a_broken_paragraph() -> None:
    text = 'The minister said the deal was "a victory for\n\ncommon sense," and left the room.'
    assert texts(text) == ["a victory for", "common sense"]
    first, second = find_pieces(text)
    assert first.chain == second.chain


def test_marks_stop_an_unclosed_quote_at_its_paragraph() -> None:
    text = 'He called the plan "reckless and dangerous.\n\nThe vote is on Friday. Nobody expects surprises.'
    pieces = find_pieces(text)
    assert [text[p.start:p.end] for p in pieces] == ["reckless and dangerous."]
    assert pieces[0].end <= text.index("\n\n")


def test_marks_read_single_quotes_in_an_article_without_double_ones() -> None:
    text = "Johnson said the plan was ‘dead in the water’. The Treasury’s view was different."
    assert texts(text) == ["dead in the water"]


def test_marks_split_paragraphs_at_blank_lines() -> None:
    text = "First para.\n\n  Second para.\n \nThird."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["First para.", "Second para.", "Third."]


MARKY = st.text(alphabet=st.sampled_from(list('ab ,.\n"“”‘’\'')), max_size=120)


@settings(max_examples=300, deadline=None)
@given(MARKY)
def test_marks_never_crash_and_stay_inside_paragraph_plus_one(text: str) -> None:
    paragraphs = paragraph_spans(text)
    pieces = find_pieces(text, paragraphs)
    for piece in pieces:
        lo, hi = paragraphs[piece.paragraph]
        assert lo <= piece.start < piece.end <= hi  # a piece never leaves its paragraph
        assert text[piece.start:piece.end] == text[piece.start:piece.end].strip()
        if piece.open_at is None and piece.paragraph > 0:
            # a piece carried over from the paragraph before: only ever from the one just before
            before = [p for p in pieces if p.chain == piece.chain and p.paragraph < piece.paragraph]
            assert before and before[-1].paragraph == piece.paragraph - 1
