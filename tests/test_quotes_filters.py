"""Scare quotes, titles and the direct/partial distinction."""

from __future__ import annotations

import pytest
from test_quotes_support import quote_starting, read, speaker_name

from dyad.quotes import is_scare_quote, is_title


@pytest.mark.parametrize("text", [
    'The so-called "peace plan" was dismissed by Kyiv within hours.',  # the target, not Kyiv's words
    'The "reforms" have done little for pensioners so far.',
    'It was a "normal" week in the port until the sirens started.',
])
def test_filters_drop_scare_quotes_without_cue(nlp, text: str) -> None:
    assert read(nlp, text) == ()


@pytest.mark.parametrize(("text", "start", "speaker"), [
    ('Orban called the sanctions "a bomb."', "a bomb", "Orban"),
    ('Lula said the proposal was "unacceptable," according to aides.', "unacceptable", "Lula"),
    ('Macron told Putin that the referendums were "a sham."', "a sham", "Macron"),
])
def test_filters_keep_short_quotes_a_cue_governs(nlp, text: str, start: str, speaker: str) -> None:
    q = quote_starting(read(nlp, text), start)
    assert speaker in speaker_name(q)


@pytest.mark.parametrize("text", [
    'Blinken appeared on "Face the Nation" on Sunday to defend the deal.',
    'Sunak repeated his promise during an interview with "Good Morning Britain."',
    'The documentary "The Great Game" premiered in London.',
])
def test_filters_drop_titles(nlp, text: str) -> None:
    assert read(nlp, text) == ()


def test_filters_keep_a_nickname_a_naming_verb_governs(nlp) -> None:
    text = 'Trump repeatedly called his rival "Sleepy Joe" at the rally.'
    q = quote_starting(read(nlp, text), "Sleepy Joe")
    assert "Trump" in speaker_name(q)


def test_filters_scare_rule_is_about_two_words_and_support() -> None:
    assert is_scare_quote(2, supported=False)
    assert not is_scare_quote(2, supported=True)
    assert not is_scare_quote(3, supported=False)


def test_filters_title_rule_needs_capitals_and_a_partial_quote() -> None:
    assert is_title("Contract with America.", "partial")
    assert not is_title("Contract with America.", "direct")
    assert not is_title("a contract with America", "partial")
    assert not is_title("Why Not Now?", "partial")


@pytest.mark.parametrize(("text", "start", "kind"), [
    ('"The talks were useful," Wang Yi said.', "The talks were useful", "direct"),
    ('Wang Yi said: "The talks were useful."', "The talks were useful", "direct"),
    ('Wang Yi said, "The talks were useful."', "The talks were useful", "direct"),
    ('Wang Yi said the talks had been "useful and candid."', "useful and candid", "partial"),
    ('The ministry said the two sides "agreed to keep talking."', "agreed to keep talking", "partial"),
])
def test_filters_kind_direct_or_partial(nlp, text: str, start: str, kind: str) -> None:
    assert quote_starting(read(nlp, text), start).kind == kind


def test_filters_quote_text_is_the_text_between_the_marks(nlp) -> None:
    text = 'Scholz said the alliance would remain "united and determined," and left for Vilnius.'
    q = quote_starting(read(nlp, text), "united and determined")
    assert q.text == text[q.start:q.end] == "united and determined"
