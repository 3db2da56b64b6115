"""Trigger matching: find the tokens of a parsed sentence that carry an event, and their pattern.

A pattern's trigger is a lemma (with a part of speech); its requirements are lemmas that must
hang below the trigger in the same clause (objects, particles, prepositions, modifiers), or
``@arc`` for a word on that dependency arc right under the trigger ("called him [@oprd a
giant]"), its governors lemmas
above it. The most specific matching pattern wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.events.lexicon import Lexicon, Pattern

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: How far below the trigger a required word may sit ("send hundreds of troops": 3 arcs).
MAX_REQUIREMENT_DEPTH = 3
#: The longest phrase a requirement may be, in words ("arleigh_burke_class_destroyer" has 4).
MAX_PHRASE_WORDS = 6
#: Tokens looked at before a phrase's head per word of it: hyphens are tokens of their own
#: ("cease - fire") and are skipped.
TOKENS_PER_WORD = 2

#: Arcs a requirement may not be looked for across: they open another clause with its own event.
#: (A that-clause may hold one: "demanded that Russia withdraw" is a demand for withdrawal.)
CLAUSE_ARCS = frozenset({"relcl", "parataxis", "conj", "csubj", "csubjpass", "cc", "punct",
                         "mark", "advmod", "appos"})
#: Arcs below which a word that is already an event of its own is not looked for ("nsubj").
SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass", "expl", "agent"})

_POS = {"verb": frozenset({"VERB", "AUX"}), "noun": frozenset({"NOUN", "PROPN"}),
        "adj": frozenset({"ADJ"})}


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger token, its pattern, and the tokens that satisfied the pattern's requirements."""

    token: Token
    pattern: Pattern
    required: tuple[Token, ...]

    @property
    def tokens(self) -> tuple[Token, ...]:
        return (self.token, *self.required)


def lemma_forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _below(trigger: Token) -> list[tuple[Token, int, bool]]:
    """Tokens under ``trigger`` in its clause, with their depth (non-finite clauses included) and
    whether they sit inside a that-clause with a subject of its own: hand rows look there only at
    its verb ("demanded that Russia WITHDRAW", not "announced that Israel reached a CEASEFIRE");
    PETRARCH's patterns read the words after the verb whatever clause they are in."""
    found, frontier = [], [(trigger, 0, False)]
    while frontier:
        token, depth, walled = frontier.pop()
        if depth == MAX_REQUIREMENT_DEPTH:
            continue
        for child in token.children:
            if child.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN") and token != trigger:
                pass  # "suspended cooperation and aid": coordinated objects are objects too
            elif child.dep_ == "nsubjpass" and token == trigger and trigger.pos_ == "VERB":
                pass  # "sanctions were lifted": a passive verb's subject is its object
            elif child.dep_ == "nsubj" and _nonfinite_clause(token) and token.head == trigger:
                pass  # "accept [refugees] fleeing the war"
            elif child.dep_ in CLAUSE_ARCS or child.dep_ in SUBJECT_ARCS:
                continue
            if child.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                continue  # a finite adverbial clause has events of its own
            found.append((child, depth + 1, walled))
            closes = child.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            frontier.append((child, depth + 1, walled or closes))
    return found


def _nonfinite_clause(token: Token) -> bool:
    """A gerund clause straight under a verb ("accept refugees fleeing the war"): the parser
    makes the verb's object that clause's subject. (Not to-infinitives: "we need the Lords to
    act" has a subject of its own.)"""
    return token.dep_ in ("ccomp", "xcomp") and token.tag_ == "VBG"


def _governors(trigger: Token) -> set[str]:
    """Lemmas directly above the trigger: its head, and the head of its preposition or clause."""
    head = trigger.head
    if head == trigger:
        return set()
    lemmas = set(lemma_forms(head))
    if head.pos_ in ("ADP", "SCONJ") and head.head != head:
        lemmas.update(lemma_forms(head.head))
    return lemmas


#: Named-entity labels whose words are names, not events ("Shanghai Cooperation Organization").
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART",
                           "LAW", "PRODUCT"})


def _pos_ok(token: Token, pos: str | None) -> bool:
    if token.ent_type_ in NAME_ENTITIES:
        return False
    if pos is None:
        return True
    if pos == "verb" and token.dep_ == "amod":
        return False  # "US-backed sanctions": the participle is an adjective, the noun is the event
    return token.pos_ in _POS[pos]


def _before(trigger: Token) -> set[str]:
    """Lemmas and words left of the trigger in its own phrase: its subject, auxiliaries,
    negation and adverbs ("TROOPS moved", "will NOT budge")."""
    found: set[str] = set()
    for child in trigger.lefts:
        if child.dep_ in CLAUSE_ARCS and child.dep_ not in ("advmod", "mark"):
            continue
        for token in child.subtree:
            found.update(lemma_forms(token))
    return found


def _object_noun(token: Token) -> set[str]:
    """The noun a participle modifies is its object ("figures released by the office")."""
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return set(lemma_forms(token.head))
    return set()


#: How many that-clauses up an imported row's words before the verb may be looked for
#: ("Ethiopia INDICATED it WOULD act": the verb governing the trigger's clause, one up).
MAX_BEFORE_CLAUSES = 2


def _before_above(trigger: Token) -> set[str]:
    """The words of ``_before`` and, for PETRARCH's words before the verb, those of the verbs
    governing the trigger's clause that stand left of it ("INDICATED it would act")."""
    found = set(_before(trigger))
    node = trigger
    for _ in range(MAX_BEFORE_CLAUSES):
        if node.dep_ != "ccomp" or node.head == node or node.head.i > trigger.i:
            break
        node = node.head
        found.update(lemma_forms(node))
        for child in node.lefts:
            if child.dep_ in ("aux", "auxpass", "neg", "advmod"):
                found.update(lemma_forms(child))
    return found


def _phrase_at(token: Token, phrases: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether ``token`` ends one of ``phrases`` (by head word: "galleons" right after "golden
    goblin"; each word by its form or lemma); a hyphen between them is passed over: "cease_fire"
    is "cease-fire"."""
    candidates = phrases.get(token.lemma_.lower(), ()) + phrases.get(token.lower_, ())
    if not candidates:
        return False
    words = [t for t in token.doc[max(0, token.i - TOKENS_PER_WORD * MAX_PHRASE_WORDS): token.i + 1] if t.text != "-"]
    return any(len(phrase) <= len(words)
               and all(word in lemma_forms(t) for word, t in zip(phrase, words[-len(phrase):], strict=True))
               for phrase in candidates)


def _form_only(pattern: Pattern, form: str, lemma: str) -> bool:
    """Whether ``pattern`` is triggered by the word form ``form`` but not by its lemma."""
    words = {word for word, _ in pattern.triggers}
    return form in words and lemma not in words


def match_token(token: Token, lexicon: Lexicon) -> Match | None:
    """The best pattern for ``token``, or None: hand rows first (an imported row is tried only
    when no hand row fits the word), then the most requirements met, then the row written first.
    The lexicon's index lists a lemma's patterns in that order, so the first that fits wins."""
    lemma, lower = lemma_forms(token)
    entries = lexicon.index.get(lemma, ())
    if lower != lemma and lower in lexicon.index:
        merged = {rank: (rank, p, poses) for rank, p, poses in (*entries, *lexicon.index[lower])}
        # an imported row written for this very form and not its lemma (PETRARCH's "LEFT
        # [032:033]" beside "LEAVE [012]") is tried before the lemma's imported rows
        entries = tuple(merged[r] for r in sorted(merged, key=lambda r: (
            merged[r][1].tier, not _form_only(merged[r][1], lower, lemma), r)))
    if not entries:
        return None
    below: list[tuple[str, str, Token, int]] | None = None
    governors: set[str] | None = None
    before: set[str] | None = None
    before_above: set[str] | None = None
    pos_ok: dict[str | None, bool] = {}
    words: set[str] = set()
    after: list[tuple[str, str, Token, int]] = []
    words_after: set[str] = set()
    adverbs: list[tuple[str, str, Token, int]] = []
    words_adverbs: set[str] = set()
    # "embargoes applied to China": a participle modifying a noun names no agent of its own;
    # imported rows, which look for their source in the subject, skip it unless a by-phrase says.
    bare_participle = (token.dep_ == "acl" and token.tag_ == "VBN"
                       and not any(c.dep_ == "agent" for c in token.children))
    # "she said a government would bring reform": what is said is coded from its own clause,
    # so imported rows on a reporting verb that has a clause under it are not used
    reporting = (lexicon.cue(lemma, "report") is not None
                 and any(c.dep_ in ("ccomp", "parataxis") for c in token.children))
    for _, pattern, poses in entries:
        if (bare_participle or reporting) and pattern.tier > 0:
            continue
        for pos in poses:
            if pos not in pos_ok:
                pos_ok[pos] = _pos_ok(token, pos)
        if not any(pos_ok[pos] for pos in poses):
            continue
        if pattern.before and pattern.tier > 0:
            before_above = before_above if before_above is not None else _before_above(token)
            if not all(alts & before_above for alts in pattern.before):
                continue
        elif pattern.before:
            before = before if before is not None else _before(token)
            if not all(alts & before for alts in pattern.before):
                continue
        if pattern.governors:
            governors = governors if governors is not None else _governors(token)
            if not all(alts & governors for alts in pattern.governors):
                continue
        if below is None:
            # a word, and for the trigger's own dependents their arc ("@oprd")
            ranked = sorted(_below(token), key=lambda x: x[1])
            below = [form for t, depth, walled in ranked if not walled
                     for form in ((t.lemma_.lower(), t.lower_, t, depth),
                                  ("@" + t.dep_ if depth == 1 else "", "", t, depth))]
            words = {w for lem, low, _, _ in below for w in (lem, low)}
            # imported rows read PETRARCH's "words after the verb" literally ("under the
            # agreement, troops would retreat" is no retreat from an agreement)
            after = [(t.lemma_.lower(), t.lower_, t, depth) for t, depth, _walled in ranked if t.i > token.i]
            words_after = {w for lem, low, _, _ in after for w in (lem, low)}
            # and, for a template with words on both sides of the verb ("INDICATED WOULD * NOW"),
            # the verb's own one-word adverbs after it; not for other rows: "the message will hit
            # HOME" is no attack on homes
            adverbs = after + [(c.lemma_.lower(), c.lower_, c, 1) for c in token.children
                               if c.dep_ == "advmod" and c.i > token.i and not any(c.children)]
            words_adverbs = {w for lem, low, _, _ in adverbs for w in (lem, low)}
        if pattern.tier > 0:
            found, seen = (adverbs, words_adverbs) if pattern.before else (after, words_after)
        else:
            found, seen = below, words
        if not all(alts & seen for alts in pattern.heads):
            continue  # a quick test on sets (a phrase by its head word) before looking for the tokens
        required = []
        for alts, phrases in zip(pattern.requires, pattern.phrases, strict=True):
            hit = next((t for lem, low, t, _ in found
                        if lem in alts or low in alts or (phrases and _phrase_at(t, phrases))), None)
            if hit is None:
                break
            required.append(hit)
        else:
            if pattern.forbids and (any(lem in pattern.forbids or low in pattern.forbids
                                        for lem, low, _, depth in below if depth <= 2)
                                    or bool(_object_noun(token) & pattern.forbids)
                                    or any(c.lemma_.lower() in pattern.forbids for c in token.children
                                           if c.dep_ in ("advmod", "prt"))):
                continue  # also the trigger's own adverbs and particles ("went BACK on a pledge")
            return Match(token, pattern, tuple(required))
    return None


def match_sentence(sentence: Span | Iterable[Token], lexicon: Lexicon) -> list[Match]:
    """Every event trigger of a sentence, in text order; a word that another trigger's pattern
    required ("sanctions" in "impose sanctions on") is not an event of its own."""
    matches = [m for m in (match_token(t, lexicon) for t in sentence if not t.is_punct) if m]
    hand = {m.token.i for m in matches if m.pattern.tier == 0}
    # an imported row does not swallow a word that a hand row codes ("said he agreed with")
    matches = [m for m in matches if m.pattern.tier == 0 or not any(t.i in hand for t in m.required)]
    used = {t.i for m in matches for t in m.required}
    return [m for m in matches if m.token.i not in used and not m.pattern.null]
