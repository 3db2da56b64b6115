"""Modality: is the event done, intended, denied or hypothetical — and does that change its code?

Read from the trigger's auxiliaries ("would meet"), negations ("did not meet"), governing words
("set to hold talks", "willing to work with", "refused to meet", "threatened to impose") and
subordinators ("if Russia attacks"), all listed in cues.tsv. "threatened" and "refused" are
not modalities of their own: they turn the event into a threat (13x) or a rejection (12x);
so does an intention denied ("will not release", "won't lift"): a refusal. "must" makes
the event a demand by whoever says it (10x) on the clause's subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.events.lexicon import Lexicon
from dyad.records import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Arcs through which a governing word rules the trigger ("set [xcomp] to hold", "a step
#: towards [prep/pobj] providing", "willing [xcomp] to work").
GOVERNED_ARCS = frozenset({"xcomp", "acl", "pcomp", "pobj", "prep", "acomp", "dobj", "advcl", "attr"})
#: How many words up a governing cue may sit ("is willing to make efforts": 2).
MAX_GOVERNOR_STEPS = 3

#: When several cues apply, the strongest wins: a refusal to meet is a rejection even if "would".
STRENGTH = {"refused": 6, "threatened": 5, "negated": 4, "demanded": 3, "hypothetical": 2, "intended": 1}


@dataclass(frozen=True, slots=True)
class Reading:
    modality: Modality
    shift: str | None  # "intended" | "threatened" | "refused" | "demanded": see intent.tsv


def _local_cues(token: Token, lexicon: Lexicon) -> list[str]:
    kinds = []
    will = False
    for child in token.children:
        word = child.lower_
        if child.dep_ == "neg":
            kinds.append(lexicon.cue(word, "neg") or "negated")
        elif child.dep_ == "aux" and child.tag_ == "MD":
            kind = lexicon.cue(word, "aux")
            if kind:
                kinds.append(kind)
                will = will or kind == "intended"
        elif child.dep_ == "mark":
            kind = lexicon.cue(word, "mark")
            if kind:
                kinds.append(kind)
        elif child.dep_ == "det" and word == "no" and token.pos_ == "NOUN":
            kinds.append("negated")
    if will and "negated" in kinds:
        # "Israel will not release the prisoners", "won't lift the ban": an intention not to
        # act is a refusal (CAMEO 12: "refuse to release", "refuse to ease sanctions")
        kinds = [k for k in kinds if k not in ("negated", "intended")] + ["refused"]
    return kinds


def modality_of(trigger: Token, lexicon: Lexicon) -> Reading:
    """The modality of the event ``trigger`` carries (see the module docstring)."""
    kinds = _local_cues(trigger, lexicon)
    node, steps = trigger, 0
    while steps < MAX_GOVERNOR_STEPS and node.dep_ in GOVERNED_ARCS and node.head != node:
        node, steps = node.head, steps + 1
        if node.pos_ in ("ADP", "PART"):
            continue
        kind = (lexicon.cue(node.lemma_.lower(), "governor", node.pos_)
                or lexicon.cue(node.lower_, "governor", node.pos_))
        if kind:
            kinds.append(kind)
        kinds.extend(k for k in _local_cues(node, lexicon))
        if kind and node.pos_ == "VERB" and not any(c.dep_ in ("xcomp", "ccomp") for c in node.children):
            break
    if not kinds:
        return Reading("asserted", None)
    strongest = max(kinds, key=lambda k: STRENGTH.get(k, 0))
    if strongest in ("refused", "threatened"):
        if "negated" in kinds:  # "did not refuse to meet", "has not threatened": leave it out
            return Reading("negated", None)
        return Reading("asserted", strongest)
    if strongest == "intended":
        return Reading("intended", "intended")
    if strongest == "demanded":  # "Russia must withdraw", X said: X's demand, if someone says it
        return Reading("hypothetical", "demanded")
    return Reading(strongest, None)  # negated | hypothetical
