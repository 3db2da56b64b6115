"""The fast path gives the same Docs and the same readings as the plain spaCy pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.ingest import read_inputs
from dyad.nlp import FastPipeline, TokenAttributes, parse
from dyad.nlp import fastpath as fastpath_module
from dyad.options import Options
from dyad.reader import Reader

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "polnear-dev-quotes.jsonl"
#: Every DEV_STEP-th dev article is compared here (20 of 84, ~20 s);
#: ``bench/profile_pipeline.py --check`` compares all of them.
DEV_STEP = 4

NEWS = [
    ("Russian President Vladimir Putin met Chinese leader Xi Jinping in Samarkand on Thursday, "
     "the Kremlin said, and the two men didn't hide their differences over Ukraine."),
    ("\"We ain't gonna back down,\" the senator told reporters in Washington. \"Let's be clear: "
     "it was I who called for the vote, and you'll see it passes.\"\n\nThere is no deal yet."),
    ("Iran's foreign ministry summoned the British ambassador on Sunday to protest against what it "
     "called interference, state media reported.  Tehran has done so twice this year."),
    ("Headline: Talks stall in Geneva\n\n\nDiplomats gotta wait, y'all -- c'mon, said one; "
     "the U.N. envoy's office declined to comment on whether talks would resume."),
    ("North Korea fired a ballistic missile into the sea off its east coast early on Wednesday, "
     "South Korea's military said, days after Pyongyang warned of \"stronger\" action."),
]


def _tokens(doc) -> list[tuple]:  # noqa: ANN001 - spacy Doc
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_,
             t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def fast(nlp) -> FastPipeline:  # noqa: ANN001 - spacy Language
    return FastPipeline.of(nlp)


def test_nlp_fastpath_replaces_ruler_and_lemmatizer(nlp, fast):
    assert fast.attributes.supports
    names = [name for name, _ in fast.steps()]
    assert "lemmatizer" not in names
    assert names == [n for n in nlp.pipe_names if n != "lemmatizer"]
    assert FastPipeline.of(nlp) is fast  # one per pipeline: the caches are kept


@pytest.mark.parametrize("text", NEWS)
def test_nlp_fastpath_same_doc_as_the_pipeline(nlp, fast, text):
    plain, quick = nlp(text), fast(text)
    assert _tokens(quick) == _tokens(plain)
    assert quick.to_bytes() == plain.to_bytes()


def test_nlp_fastpath_same_docs_in_batches(nlp, fast):
    texts = NEWS * 3 + ["", "   ", "\n\n", "Kenya."]
    plain = list(nlp.pipe(texts, batch_size=5))
    quick = list(fast.pipe(texts, batch_size=5))
    assert [d.to_bytes() for d in quick] == [d.to_bytes() for d in plain]


def test_nlp_fastpath_contractions_get_the_rulers_lemmas(fast):
    doc = fast("They ain't gonna stop, y'all.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be" and lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert lemmas["y'"] == "you"


def test_nlp_fastpath_bounded_caches_change_nothing(nlp, monkeypatch):
    monkeypatch.setattr(fastpath_module, "MAX_CACHED", 7)
    small = FastPipeline(nlp)
    for text in NEWS:
        assert small(text).to_bytes() == nlp(text).to_bytes()
    attributes = small.attributes
    assert 0 < len(attributes.entries) <= 7 and len(attributes.lemmas) <= 7


# -- a pipeline with rules of its own ------------------------------------------------------------
def _fresh_model():  # noqa: ANN202 - a spacy Language of its own, to add rules to
    import spacy

    return spacy.load(Options().model)


@pytest.fixture(scope="module")
def custom():
    """A fresh copy of the model whose ruler has extra rules of every kind the cache handles."""
    nlp = _fresh_model()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "prime"}, {"LOWER": "minister"}]], {"POS": "PROPN", "LEMMA": "Minister"}, index=-1)
    ruler.add([[{"LOWER": {"REGEX": "^kyi?v$"}, "TAG": {"IN": ["NNP", "NN"]}}]], {"LEMMA": "Kyiv"})
    ruler.add([[{"NORM": "'s"}, {"TAG": "NN"}]], {"MORPH": "Case=Gen"})
    ruler.add([[{"ORTH": "Sunday", "DEP": "npadvmod"}]], {"POS": "NOUN"})
    return nlp


CUSTOM_NEWS = [
    "The prime minister flew to Kyiv on Sunday, and Britain's prime minister followed.",
    "Ukraine's government in Kiev said the Prime Minister would speak Sunday.",
]


@pytest.mark.parametrize("text", CUSTOM_NEWS)
def test_nlp_fastpath_same_doc_with_custom_rules(custom, text):
    quick = TokenAttributes(custom)
    assert quick.supports and quick.sequences
    steps = FastPipeline(custom)
    plain = custom(text)
    assert _tokens(steps(text)) == _tokens(plain)
    assert steps(text).to_bytes() == plain.to_bytes()


def test_nlp_fastpath_custom_rules_take_effect(custom):
    doc = FastPipeline(custom)(CUSTOM_NEWS[0])
    assert [t.lemma_ for t in doc if t.lower_ == "minister"] == ["Minister", "Minister"]
    assert [t.pos_ for t in doc if t.lower_ == "minister"] == ["PROPN", "PROPN"]
    assert [t.lemma_ for t in doc if t.text == "Kyiv"] == ["Kyiv"]


def test_nlp_fastpath_falls_back_on_patterns_it_cannot_key():
    nlp = _fresh_model()
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"LEMMA": "VERY"})
    fast = FastPipeline(nlp)
    assert not fast.attributes.supports
    assert "lemmatizer" in [name for name, _ in fast.steps()]
    text = "It was a very very hard winter for Ukraine's farmers, the minister said."
    assert fast(text).to_bytes() == nlp(text).to_bytes()


# -- whole readings --------------------------------------------------------------------------------
def _readings(articles: list, *, fast: bool) -> list[str]:
    reader = Reader(Options(fast=fast))
    return [json.dumps(r.to_dict(), sort_keys=True, ensure_ascii=False) for r in reader.read_articles(articles)]


def test_nlp_fastpath_switch():
    assert Options().fast is True
    plain = Reader(Options(fast=False))
    assert plain._pipeline is plain.nlp  # noqa: SLF001 - the switch itself
    assert isinstance(Reader()._pipeline, FastPipeline)  # noqa: SLF001
    texts = NEWS[:2]
    quick = [d.to_bytes() for d in parse(texts)]
    assert quick == [d.to_bytes() for d in parse(texts, Options(fast=False))]


def test_nlp_fastpath_same_reading_of_the_example(example_path):
    articles = [a for a in read_inputs([str(example_path)]) if not isinstance(a, Exception)]
    assert len(articles) == 1
    quick, plain = _readings(articles, fast=True), _readings(articles, fast=False)
    assert quick == plain
    reading = json.loads(quick[0])
    assert reading["events"] and reading["quotes"] and reading["actors"]  # a reading worth comparing


@pytest.mark.skipif(not DEV.is_file(), reason=f"the quote dev set is not here ({DEV})")
def test_nlp_fastpath_same_readings_of_dev_articles():
    articles = [a for a in read_inputs([str(DEV)]) if not isinstance(a, Exception)][::DEV_STEP]
    assert len(articles) >= 20
    quick, plain = _readings(articles, fast=True), _readings(articles, fast=False)
    for q, p in zip(quick, plain, strict=True):
        assert q == p, json.loads(p)["article"]["id"]
