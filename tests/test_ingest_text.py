"""The scraped plain-text reader on the bundled example and on texts written for these tests."""

from __future__ import annotations

import pytest

from dyad.ingest import read_text
from dyad.ingest.article import article_id, needs_join, repair_paragraphs


@pytest.fixture(scope="module")
def example(example_path):
    return read_text(example_path.read_text(encoding="utf-8"), origin=str(example_path))


def test_ingest_header_fields(example):
    assert example.title == "Putin, Xi Hail 'Great Power' Ties at Talks Defying West"
    assert example.byline == "AFP"
    assert example.published == "2022-09-16"
    assert example.photo_credit == "Pool / TASS"
    assert example.url.startswith("https://www.themoscowtimes.com/2022/09/16/putin-xi-hail")
    assert example.source == "The Moscow Times"


def test_ingest_broken_paragraphs_are_repaired(example):
    text = example.text
    assert 'social turmoil," Xi told Putin at the talks.' in text
    assert "while the Iranian leader told Putin that US-backed sanctions" in text
    assert "with Erdogan and Indian Prime Minister Narendra Modi." in text


def test_ingest_headings_stay_apart(example):
    paras = [example.text[p.start:p.end] for p in example.paragraphs]
    assert "'Alternative' to West" in paras
    assert "'No-limits' relationship" in paras


def test_ingest_markup_stays_out_of_body(example):
    for junk in ("Original url:", "Embed:", "Related article:", "[AFP](#)", "pic.twitter.com", "max seddon"):
        assert junk not in example.text


def test_ingest_embedded_tweet(example):
    (tweet,) = example.embeds
    assert tweet.kind == "tweet"
    assert tweet.handle == "@maxseddon"
    assert tweet.author == "max seddon"
    assert tweet.date == "2022-09-15"
    assert tweet.text.startswith("Putin tells Xi Jinping that Russia")


def test_ingest_related_links(example):
    titles = [r.title for r in example.related]
    assert titles == ["\u2018Uneasy Allies\u2019: Putin and Xi Set to Meet for First Time Since Ukraine War",
                      "China, Russia Stage Pacific Navy Drills"]


def test_ingest_paragraph_spans_point_into_text(example):
    assert example.paragraphs[0].start == 0
    for span in example.paragraphs:
        para = example.text[span.start:span.end]
        assert para and para == para.strip() and "\n" not in para
    assert example.text.count("\n\n") == len(example.paragraphs) - 1


def test_ingest_id_is_content_hash(example):
    assert example.id == article_id(example.text)
    assert len(example.id) == 16
    assert article_id("a  b\n\nc") == article_id("a b c")


@pytest.mark.parametrize("before, after", [
    ('"We will not back down," the minister', "said on Tuesday."),           # lower-case continuation
    ("Talks will resume next week in Geneva, according to the", "foreign ministry."),
    ("Biden spoke by phone with German Chancellor Olaf", "Scholz."),         # name split in two
    ("The summit was attended by leaders of Brazil, India and", "South Africa, officials said."),
])
def test_ingest_joins_mid_sentence_breaks(before, after):
    assert needs_join(before, after)
    assert repair_paragraphs([before, after]) == [f"{before} {after}"]


@pytest.mark.parametrize("before, after", [
    ("Sanctions bite", "The rouble fell 4% on Monday as new measures took effect."),      # heading
    ("The talks ended without agreement.", "Diplomats said they would meet again."),
    ('"This is unacceptable," he said.', "the statement was later withdrawn."),           # ends a sentence
    ("Asked about the strikes, Shoigu said:", '"Our forces are acting precisely."'),
    ("What comes next?", "Analysts expect a second round of talks."),
    ("Background", "Kazakhstan joined the bloc in 2001."),
])
def test_ingest_keeps_real_paragraphs(before, after):
    assert not needs_join(before, after)
    assert repair_paragraphs([before, after]) == [before, after]


def test_ingest_body_only_text():
    article = read_text("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in "
                        "Nairobi on Monday.\n\nThe two leaders discussed regional security.")
    assert article.title is None and article.byline is None and article.published is None
    assert article.text.startswith("Kenyan President William Ruto")
    assert len(article.paragraphs) == 2


def test_ingest_published_fallback_and_header_date():
    raw = "Seoul protests missile launch\n\nBy Jane Doe\n\n3 March 2023\n\nSouth Korea condemned the launch."
    article = read_text(raw, published="2020-01-01")
    assert article.published == "2023-03-03"  # the article's own date wins
    assert article.byline == "Jane Doe"
    assert read_text("Seoul condemned the launch on Friday.", published="2023-03-03").published == "2023-03-03"
