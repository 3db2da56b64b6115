"""Quotes inside embedded tweets (Article.embeds): kind "embedded", reported by the tweet's author."""

from __future__ import annotations

from test_quotes_support import read

from dyad.records import Embed, Quote


def test_embeds_quote_in_a_tweet(nlp) -> None:
    tweet = Embed(kind="tweet", author="Jane Doe", handle="@janedoe", date="2023-03-21",
                  text="Xi tells Putin that China “stands ready to work with Russia” on a political settlement.")
    text = "Xi Jinping and Vladimir Putin met in the Kremlin on Tuesday.\n\nThe talks lasted four hours."
    quotes = read(nlp, text, embeds=(tweet,))
    embedded = [q for q in quotes if q.kind == "embedded"]
    assert len(embedded) == 1
    q = embedded[0]
    assert q.embed == 0
    assert q.text == "stands ready to work with Russia" == tweet.text[q.start:q.end]
    assert q.speaker is not None and "Xi" in q.speaker.name
    assert q.addressee is not None and "Putin" in q.addressee.name
    assert q.reported_by is not None and q.reported_by.name == "Jane Doe"
    assert q.cue == "tells"


def test_embeds_tweet_without_quotes_gives_nothing(nlp) -> None:
    tweet = Embed(kind="tweet", author="Newsroom", handle="@newsroom", text="Breaking: talks have ended.")
    assert read(nlp, "The talks ended early.", embeds=(tweet,)) == ()


def test_embeds_field_round_trips() -> None:
    q = Quote(text="stands ready", start=13, end=25, speaker=None, kind="embedded", embed=2)
    assert Quote.from_dict(q.to_dict()) == q
    assert q.to_dict()["embed"] == 2
