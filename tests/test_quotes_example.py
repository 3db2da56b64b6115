"""The bundled example article: every required quote of the golden reading, with its speaker."""

from __future__ import annotations

import json
import re

import pytest

from dyad.actors import find_actors, load_tables
from dyad.ingest import read_text
from dyad.quotes import find_quotes

# (start of the quote, speaker's surname or head word, addressee, reporter, kind)
EXPECTED = [
    ("China is willing to make efforts", "Xi", "Putin", None, "direct"),
    ("each other's core interests", "Xi", None, "CCTV", "partial"),
    ("Attempts to create a unipolar world", "Putin", None, None, "direct"),
    ("We highly appreciate the balanced position", "Putin", "Xi", None, "direct"),
    ("We adhere to the principle of one China", "Putin", None, None, "direct"),
    ("developing positively", "Putin", None, None, "partial"),
    ("stronger", "Raisi", "Putin", None, "partial"),
    ("The Americans think whichever country", "Raisi", None, None, "direct"),
    ("serious support in these difficult times", "Lukashenko", "Xi", "Belta", "partial"),
    ("share a vision for the world", "Price", None, None, "partial"),
    ("international peace, stability, democracy and freedom", "ministry", None, None, "partial"),
]


@pytest.fixture(scope="module")
def example_quotes(nlp, example_path):  # noqa: ANN001, ANN201
    article = read_text(example_path.read_text(encoding="utf-8"), origin=str(example_path))
    doc = nlp(article.text)
    return article, find_quotes(doc, article, find_actors(doc, article, load_tables()))


@pytest.mark.parametrize(("start", "speaker", "addressee", "reporter", "kind"), EXPECTED)
def test_example_quote(example_quotes, start, speaker, addressee, reporter, kind) -> None:  # noqa: ANN001
    article, quotes = example_quotes
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text[:30] for q in quotes]
    q = found[0]
    assert q.kind == kind
    assert q.speaker is not None and speaker in q.speaker.name.split()
    assert q.speaker.mention is not None
    assert article.text[q.speaker.mention.start:q.speaker.mention.end] == q.speaker.mention.text
    assert article.text[q.start:q.end] == q.text
    if addressee:
        assert q.addressee is not None and addressee in q.addressee.name
    if reporter:
        assert q.reported_by is not None and reporter in q.reported_by.name


def test_example_speakers_resolve_to_actor_codes(example_quotes) -> None:  # noqa: ANN001
    _, quotes = example_quotes
    codes = {q.text[:20]: q.speaker.code for q in quotes if q.speaker is not None}
    assert codes["Attempts to create a"] == "RUSGOV"
    assert codes["stronger."[:20]] == "IRNGOV"  # "the Iranian leader" -> Ebrahim Raisi


def test_example_embedded_tweet(example_quotes) -> None:  # noqa: ANN001
    article, quotes = example_quotes
    embedded = [q for q in quotes if q.kind == "embedded"]
    assert [q.text for q in embedded] == ["understands your questions and concerns"]
    q = embedded[0]
    assert article.embeds[q.embed].text[q.start:q.end] == q.text
    assert q.speaker is not None and "Putin" in q.speaker.name
    assert q.reported_by is not None and q.reported_by.name == "max seddon"


def test_example_scores_full_marks_with_the_golden_scorer(example_quotes, example_path) -> None:  # noqa: ANN001
    import importlib.util

    scorer = example_path.parent.parent.parent / "shared" / "tools" / "score_golden.py"
    golden = example_path.parent.parent.parent / "shared" / "golden" / "samarkand-2022-09-16.json"
    if not scorer.is_file() or not golden.is_file():
        pytest.skip("shared/ golden files not present")
    spec = importlib.util.spec_from_file_location("score_golden", scorer)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _, quotes = example_quotes
    found, speakers, required, lines = module.score_quotes(json.loads(golden.read_text()),
                                                           {"quotes": [q.to_dict() for q in quotes]})
    assert (found, speakers) == (required, required), "\n".join(lines)


def test_example_with_an_unrepaired_line_break(nlp, example_path) -> None:  # noqa: ANN001
    article = read_text(example_path.read_text(encoding="utf-8"), origin=str(example_path))
    # undo the reader's repair: "Xi told Putin" broken over two paragraphs again
    broken = re.sub(r'(turmoil," Xi) (told Putin)', r"\1\n\n\2", article.text)
    assert broken != article.text
    from test_quotes_support import article as make_article

    art = make_article(broken, published=article.published)
    doc = nlp(broken)
    quotes = find_quotes(doc, art, find_actors(doc, art, load_tables()))
    q = next(q for q in quotes if q.text.startswith("China is willing"))
    assert q.speaker is not None and "Xi" in q.speaker.name
    assert q.addressee is not None and "Putin" in q.addressee.name
