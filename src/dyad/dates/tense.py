"""Which side of the dateline a time expression points to, from the verb that governs it.

"met on Thursday" (past tense) looks back; "would meet Erdogan on Friday", "was set to hold
talks Friday", "talks are scheduled for Friday", "is to visit in October", and the present
tense of news ("talks resume Monday") look forward. A verbless context says nothing: the
nearest such day is taken then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Token

Orientation = Literal["past", "future", "unknown"]

#: Auxiliaries that put the governed verb after the time of reporting.
FUTURE_AUXILIARIES = frozenset({"will", "wo", "'ll", "\u2019ll", "shall", "would", "'d",
                                "could", "may", "might", "should", "must", "can", "ca"})
#: Verbs that announce an act to come, whatever their own tense ("was set to", "plans to",
#: "scheduled for", "expected to").
FUTURE_GOVERNORS = frozenset({"set", "schedule", "plan", "expect", "due", "intend", "aim",
                              "hope", "prepare", "go", "want", "seek", "propose", "agree",
                              "promise", "vow", "pledge", "threaten", "slate", "poise",
                              "announce", "vote", "decide", "wish", "try"})
#: Verbs that are future by their own meaning ("the talks are scheduled for Friday").
SCHEDULING_VERBS = frozenset({"schedule", "slate", "plan", "set", "due"})
#: Words just before the phrase that make it future ("ahead of a congress in October").
FUTURE_CUES = frozenset({"ahead", "upcoming", "forthcoming", "next"})
#: How far up the parse the governing verb is looked for.
MAX_STEPS = 10

_VERB_POS = frozenset({"VERB", "AUX"})


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause ``token`` is in, climbing through nouns and prepositions."""
    steps = 0
    while steps < MAX_STEPS:
        if token.pos_ in _VERB_POS and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
        steps += 1
    return None


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _is_past(token: Token) -> bool:
    return "Past" in token.morph.get("Tense") and token.tag_ != "VBN"


def orientation(root: Token) -> Orientation:
    """Past, future or unknown for a time expression whose head token is ``root``."""
    for ancestor in list(root.ancestors)[:4]:
        if ancestor.lower_ in FUTURE_CUES:
            return "future"
    verb = governing_verb(root.head if root.head.i != root.i else root)
    if verb is None:
        return "unknown"
    return verb_orientation(verb)


def verb_orientation(verb: Token) -> Orientation:
    """Past, future or unknown for the act of ``verb``.

    Some clauses take their orientation from the verb that governs them ("plans to visit",
    an ``-ing`` clause under its head); the walk up is a bounded loop over token indices,
    so no parse shape (a root that is its own head, a cycle of conjuncts) can make it loop.
    """
    seen: set[int] = set()
    for _ in range(MAX_STEPS):
        seen.add(verb.i)
        found, up = _own_orientation(verb)
        if up is None or up.i in seen:
            return found
        verb = up
    return "unknown"


def _own_orientation(verb: Token) -> tuple[Orientation, Token | None]:
    """``verb``'s orientation, or ("unknown", the verb to ask instead)."""
    auxes = _auxiliaries(verb)
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUXILIARIES:
        return "future", None
    if verb.lemma_ in SCHEDULING_VERBS and verb.tag_ == "VBN":
        return "future", None  # "talks are scheduled for Friday", "a vote set for May"
    if "to" in words:  # an infinitive: "(was set) to hold talks Friday", "plans to visit"
        governor = verb.head
        if governor.i != verb.i and (governor.lemma_ in FUTURE_GOVERNORS
                                     or governor.lemma_ == "be" or governor.pos_ == "NOUN"):
            return "future", None
        if governor.i != verb.i and governor.pos_ in _VERB_POS:
            if governor.lemma_ in ("say", "tell"):
                return "future", None
            return "unknown", governor
        return "future", None
    if verb.tag_ == "VBG":
        if any(_is_past(a) for a in auxes):
            return "past", None
        if any(a.lemma_ == "be" for a in auxes):
            return "future", None  # "is meeting Erdogan on Friday"
        return "unknown", _verb_head(verb)
    if verb.tag_ == "VBD" or any(_is_past(a) for a in auxes):
        return "past", None
    if verb.tag_ == "VBN":
        if any(a.lemma_ == "have" for a in auxes):
            return "past", None  # "has met", "have agreed"
        if not auxes:
            return ("unknown", _verb_head(verb)) if verb.dep_ in ("conj", "xcomp") else ("past", None)
        return "unknown", None  # "is expected" etc. reached without a scheduling verb
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and verb.tag_ == "VB":
        return "unknown", verb.head
    if verb.tag_ in ("VBZ", "VBP"):
        return "future", None  # news reports the past in the past: "talks resume Monday" is ahead
    return "unknown", None


def _verb_head(verb: Token) -> Token | None:
    """The verb governing ``verb``, if its head is one (not itself)."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in _VERB_POS:
        return None
    return head
