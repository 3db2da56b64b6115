"""Unbalanced and odd quotation marks: never crash, never run past the paragraph end plus one."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_quotes_support import article, read


@pytest.mark.parametrize("text", [
    'The minister said "we will respond.\n\nThe opposition called it a bluff. Markets were calm.\n\nNo more.',
    '"\n\n"\n\n"',
    'He said ” and then “ and then " again.\n\nNext "paragraph.',
    '“Broken quote one, he said. “Broken quote two, she said. “Three.',
    "“”“”",
    'A stray closing mark” at the start.\n\n"A real quote," the envoy said.',
])
def test_unbalanced_marks_stay_in_bounds(nlp, text: str) -> None:
    quotes = read(nlp, text, actors="entities")
    paragraphs = article(text).paragraphs
    for q in quotes:
        assert q.text == text[q.start:q.end]
        inside = [k for k, p in enumerate(paragraphs) if p.start <= q.start < p.end]
        assert inside, q
        k = inside[0]
        limit = paragraphs[min(k + 1, len(paragraphs) - 1)].end
        assert q.end <= limit


def test_unbalanced_unclosed_quote_stops_at_its_paragraph(nlp) -> None:
    text = ('Kadyrov said the operation was "going to plan.\n\n'
            'Ukraine\'s military said it had retaken two villages. "We advance every day," a commander said.')
    quotes = read(nlp, text)
    first = [q for q in quotes if q.text.startswith("going to plan")]
    assert first and first[0].end <= text.index("\n\n")
    assert any(q.text.startswith("We advance every day") for q in quotes)


def test_unbalanced_empty_text(nlp) -> None:
    assert read(nlp, "", actors="none") == ()


FRAGMENTS = ['"', "“", "”", "‘", "’", "'", " said Putin", " Xi told Putin", ",", ".", "\n\n", " the ministry said",
             " according to Reuters", " We will win", " he", " was quoted by Tass as saying", " ― Ann Lee"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25))
def test_unbalanced_random_marks_never_crash(nlp, parts: list[str]) -> None:
    text = "".join(parts)
    paragraphs = article(text).paragraphs
    for q in read(nlp, text, actors="entities"):
        assert q.text == text[q.start:q.end] and q.text
        k = next(i for i, p in enumerate(paragraphs) if p.start <= q.start < p.end)
        assert q.end <= paragraphs[min(k + 1, len(paragraphs) - 1)].end
