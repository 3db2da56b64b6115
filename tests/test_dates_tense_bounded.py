"""Issue 16: walks over a parse are bounded and compare tokens by index, never by identity.

spaCy hands out a fresh ``Token`` object on every access, so ``head is token`` is never true;
the old tense walk recursed without end on a root ``-ing`` verb (a live-blog headline)."""

import pytest
from spacy.tokens import Doc

from dyad.dates.govern import _clause_path
from dyad.dates.tense import governing_verb, orientation, verb_orientation
from dyad.places.govern import clause_head


def _doc(nlp, words, tags, pos, heads, deps):
    return Doc(nlp.vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps)


def test_issue_16_root_gerund_is_its_own_head(nlp):
    doc = _doc(nlp, ["Meeting", "today"], ["VBG", "NN"], ["VERB", "NOUN"], [0, 0], ["ROOT", "npadvmod"])
    assert verb_orientation(doc[0]) == "unknown"
    assert orientation(doc[1]) == "unknown"
    assert governing_verb(doc[1]).i == 0
    assert [t.i for t in _clause_path(doc[1])] == [1, 0]
    assert clause_head(doc[1]).i == 0


def test_issue_16_chain_of_verbs_is_walked_up(nlp):
    # "plans to keep meeting": a to-infinitive under a future governor is future
    doc = _doc(nlp, ["He", "plans", "to", "keep", "meeting"], ["PRP", "VBZ", "TO", "VB", "VBG"],
               ["PRON", "VERB", "PART", "VERB", "VERB"], [1, 1, 3, 1, 3],
               ["nsubj", "ROOT", "aux", "xcomp", "xcomp"])
    assert verb_orientation(doc[3]) == "future"
    assert verb_orientation(doc[4]) == "future"  # the -ing verb asks its head


@pytest.mark.parametrize("text", [
    "The Latest: Trump meeting with lawmakers Thursday",
    "Updating: talks continuing on Monday in Geneva",
])
def test_issue_16_live_blog_headlines_read(text):
    import dyad
    reading = dyad.read(text, published="2016-05-12")
    assert reading.article.text.startswith(text[:10])
    assert reading.dates  # "Thursday"/"Monday" resolved, not lost to a crash
