"""The spaCy backbone: loaded once, paragraph breaks end sentences."""

from __future__ import annotations

from dyad.nlp import load_pipeline, parse


def test_nlp_loaded_once():
    assert load_pipeline() is load_pipeline()


def test_nlp_paragraph_break_ends_a_sentence(nlp):
    text = ("Talks resume in Geneva\n\nIranian and US negotiators met on Tuesday without a deal\n\n"
            "Diplomats said a second round was likely.")
    doc = nlp(text)
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences == ["Talks resume in Geneva", "Iranian and US negotiators met on Tuesday without a deal",
                         "Diplomats said a second round was likely."]


def test_nlp_parse_keeps_order_and_offsets():
    texts = ["Kenya and Uganda signed a pact.", "Japan protested to China.", "Chile recalled its envoy."]
    docs = list(parse(texts))
    assert [d.text for d in docs] == texts
