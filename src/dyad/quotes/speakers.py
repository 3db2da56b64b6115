"""Speakers: turn the token that heads a speaker phrase into an ``ActorRef`` with its mention.

The phrase around the head token ("Chinese state broadcaster CCTV", "the Iranian leader",
"Taiwan's foreign ministry") is asked of the actor layer (``DocActors``): the actor one of whose
mentions covers the head word is the speaker, and that mention is the ``mention`` of the
``ActorRef``. A phrase whose head word no actor covers ("Taiwan's foreign ministry" when only
"Taiwan" is an actor) is a speaker of its own: name = the phrase, code ``None``.

A pronoun the actor layer does not resolve (he, she, it) stands for the nearest earlier speaker-like
phrase: the subject of one of the previous sentences (at most ``MAX_ANTECEDENT_SENTENCES``
back) that names a person (for he/she: a PERSON entity, a proper noun with no entity type, or a
noun of kind ``person`` in ``speaker-nouns.tsv``) or a body (for it: an ORG/GPE/NORP entity or
a noun of kind ``group``).
The ``ActorRef`` then carries the pronoun as its mention. "They", "we", "I" and "you" are left
unresolved (the speaker is ``None``): their antecedents are too often a group no actor names.
Main clauses first: a sentence's main-clause subject is tried before the subjects of clauses
embedded in it ("Stoltenberg noted that Putin had cited ..., "...," he said" -> Stoltenberg). A
pronoun that is itself the main-clause subject of an earlier sentence passes its own antecedent
on, so a chain of "he said ... he added ... he argued" reaches back to the sentence that names
him, however long (each link at most ``MAX_ANTECEDENT_SENTENCES`` back). The pronoun is resolved
this way before the actor layer's own reading of it is asked.

A definite description ("the bloc said") no actor covers speaks as the actor of the nearest
earlier phrase with the same head noun ("the ECOWAS regional bloc"). A phrase whose head is a
description with an apposed person name ("the head of the league,
Jane Doe, warned") speaks as that name. A date, a time or an amount is never a speaker, nor is
a dateline ("WASHINGTON —").
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Protocol

from dyad.quotes.cues import CueLexicon
from dyad.records import Actor, ActorRef, Mention

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

# How far back a pronoun's antecedent may be: news prose names the speaker again within a
# paragraph or two; past three sentences "he" is more often someone new.
MAX_ANTECEDENT_SENTENCES = 3
# Speaker phrases longer than this are clauses mis-read as phrases; keep the name short.
MAX_PHRASE_TOKENS = 12
PERSON_PRONOUNS = ("he", "she", "him", "her")
BODY_PRONOUNS = ("it",)
PERSON_ENTS = ("PERSON",)
BODY_ENTS = ("ORG", "GPE", "NORP", "FAC")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# How many pronoun-to-pronoun links a chain may follow (each link looks back at most
# MAX_ANTECEDENT_SENTENCES): long interviews run "he said ... he added ..." for a dozen sentences.
MAX_CHAIN_LINKS = 12
# How far back a definite description ("the bloc") may name its actor again: about two paragraphs.
DESCRIPTION_LOOKBACK = 150
# and how many words before that earlier head may hold the name it describes ("the Economic
# Community of West African States (ECOWAS) regional bloc")
DESCRIPTION_MODIFIERS = 6
# entity types that never speak ("Thursday", "two hours", "$5 million")
NOT_SPEAKER_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")
# tokens a speaker phrase may carry to the left of its head ("the", "Chinese", "state broadcaster")
LEFT_DEPS = ("det", "amod", "compound", "poss", "case", "nummod", "nmod", "quantmod", "punct", "npadvmod",
             "predet", "advmod")
# and to the right ("a spokesman for the ministry", "Sergei Lavrov Jr.")
RIGHT_DEPS = ("prep", "pobj", "compound", "flat", "nummod", "case")
LEADING_WORDS = ("the", "a", "an")


class DocActorsLike(Protocol):
    """What the quote finder needs of ``dyad.actors.DocActors``."""

    @property
    def actors(self) -> Sequence[Actor]: ...

    def actor_at(self, start: int, end: int) -> Actor | None: ...

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Actor]]: ...


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``head`` (without clauses or appositives)."""
    doc = head.doc
    left = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in LEFT_DEPS or child.is_quote or child.is_space:
            break
        left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ not in RIGHT_DEPS or child.is_space:
            break
        right = max(right, child.right_edge.i)
    if right - left + 1 > MAX_PHRASE_TOKENS:
        left, right = max(left, head.i - MAX_PHRASE_TOKENS + 1), head.i
    while left < head.i and (doc[left].is_punct or doc[left].is_space or doc[left].is_quote):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


class SpeakerResolver:
    """Resolves speaker, addressee and reporter tokens of one article to ``ActorRef`` records."""

    def __init__(self, doc: Doc, doc_actors: DocActorsLike | None, cues: CueLexicon,
                 in_quote: list[int], text: str, sentence_starts: list[int] | None = None) -> None:
        self.doc = doc
        self.text = text  # the article's text (Doc.text is rebuilt on every access)
        self.actors = doc_actors
        self.cues = cues
        self.in_quote = in_quote
        # Token.sent walks the whole Doc on every call: find sentence bounds once
        self.starts = sentence_starts if sentence_starts is not None else [s.start for s in doc.sents]

    def sentence(self, i: int) -> tuple[int, int]:
        """The (start, end) token bounds of the sentence holding token ``i``."""
        k = bisect.bisect_right(self.starts, i) - 1
        start = self.starts[k] if k >= 0 else 0
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc)
        return start, end

    def ref(self, head: Token | None, *, pronouns: bool = True, names_only: bool = False) -> ActorRef | None:
        """The actor that the phrase headed by ``head`` names (or a name-only ref), or ``None``."""
        if head is None or not self.can_speak(head):
            return None
        start, end = phrase_bounds(head)
        if head.pos_ == "PRON" and pronouns:
            antecedent = self.antecedent(head)
            found = self.ref(antecedent, pronouns=False) if antecedent is not None else None
            if found is not None:
                return ActorRef(name=found.name, code=found.code, country=found.country, sector=found.sector,
                                id=found.id, mention=Mention(head.text, head.idx, head.idx + len(head)))
        named = self._apposed_name(head)
        if named is not None:  # "Argentina's President, Nestor Kirchner,": the name, not the office
            return self.ref(named, pronouns=False, names_only=names_only)
        actor, mention = self._actor_for(head, start, end)
        if actor is not None:
            return actor.ref(mention)
        if head.pos_ == "PRON":
            return None
        earlier = self._described_before(head)
        if earlier is not None:
            return ActorRef(name=earlier.name, code=earlier.code, country=earlier.country, sector=earlier.sector,
                            id=earlier.id, mention=Mention(self.text[start:end], start, end))
        if names_only and head.pos_ != "PROPN":
            return None
        text = self.text[start:end]
        name = _display_name(text)
        return ActorRef(name=name, code=None, mention=Mention(text, start, end)) if name else None

    def can_speak(self, head: Token) -> bool:
        """Not a date, time or amount, and not a dateline (``WASHINGTON —`` opening a paragraph)."""
        if head.ent_type_ in NOT_SPEAKER_ENTS:
            return False
        if head.is_upper and len(head) > 1 and head.pos_ == "PROPN":
            first = head.i
            while first > 0 and head.doc[first - 1].is_upper and head.doc[first - 1].pos_ == "PROPN":
                first -= 1
            before = head.doc[first - 1] if first > 0 else None
            after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
            at_start = before is None or "\n" in before.text or before.text in ".!?"
            if at_start and after is not None and (after.text in ("—", "–", "--", "-", "(", ",") or after.is_space):
                return False
        return True

    def _described_before(self, head: Token) -> Actor | None:
        """The actor a definite description (a noun of ``speaker-nouns.tsv``, no name of its own)
        names again: "the bloc" after "the ECOWAS regional bloc", "the ministry" after "Russia's
        foreign ministry" (the nearest earlier phrase with the same head noun that the actor
        layer resolves, or that names an actor before its head, at most ``DESCRIPTION_LOOKBACK``
        tokens back)."""
        if self.actors is None or head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ \
                or self.cues.noun_kind(head.lower_) is None or not any(c.lower_ == "the" for c in head.lefts) \
                or any(c.pos_ == "PROPN" or c.dep_ in ("compound", "poss") for c in head.lefts):
            return None  # "the Kok report" names its own author
        for i in range(head.i - 1, max(-1, head.i - DESCRIPTION_LOOKBACK), -1):
            token = self.doc[i]
            if token.lower_ != head.lower_ or token.pos_ not in ("NOUN", "PROPN") or self.in_quote[i] >= 0:
                continue
            actor, _ = self._actor_for(token, *phrase_bounds(token))
            if actor is not None:
                return actor
            # "the ECOWAS regional bloc": a name among the few words before the head (in its sentence)
            sentence_start = self.sentence(i)[0]
            near = self.doc[max(sentence_start, i - DESCRIPTION_MODIFIERS)].idx
            named = [(m, a) for m, a in self.actors.mentions_in(self.doc[sentence_start].idx, token.idx)
                     if m.end >= near and self._modifies(m.end, token)]
            if named:
                return named[-1][1]
        return None

    def _modifies(self, end: int, head: Token) -> bool:
        """Whether only modifiers stand between a name ending at ``end`` and ``head`` ("ECOWAS)
        regional bloc"), no article, preposition or verb."""
        span = self.doc.char_span(end, head.idx, alignment_mode="contract") if end < head.idx else None
        between = [t for t in span if t.i != head.i] if span is not None else []
        return all(t.pos_ in ("ADJ", "PROPN", "NOUN", "PUNCT", "SPACE") and t.lower_ not in ("the", "a", "an")
                   for t in between)

    def _apposed_name(self, head: Token) -> Token | None:
        """The person name apposed to a descriptive head ("the leader of the league, Jane Doe,")."""
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in PERSON_ENTS + BODY_ENTS:
            return None
        # the apposition may hang on the head or on the last noun of its phrase ("the head of the
        # federation, Jane Doe,": the parser often attaches "Doe" to "federation")
        for token in head.subtree:
            if token.dep_ == "appos" and token.pos_ == "PROPN" and self.in_quote[token.i] < 0 \
                    and token.ent_type_ not in BODY_ENTS + NOT_SPEAKER_ENTS and token.i > head.i \
                    and self.doc[token.left_edge.i - 1].text == ",":
                return token
        return None

    def _actor_for(self, head: Token, start: int, end: int) -> tuple[Actor | None, Mention | None]:
        """The actor with a mention covering the head word; the mention itself."""
        if self.actors is None:
            return None, None
        h_start, h_end = head.idx, head.idx + len(head)
        for mention, actor in self.actors.mentions_in(start, end):
            if mention.start <= h_start and h_end <= mention.end:
                return actor, mention
        for child in head.children:  # an appositive name: "his spokesman, Dmitry Peskov,"
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                c_start, c_end = phrase_bounds(child)
                for mention, actor in self.actors.mentions_in(c_start, c_end):
                    if mention.start <= child.idx < mention.end:
                        return actor, mention
        actor = self.actors.actor_at(h_start, h_end)
        if actor is None:
            return None, None
        covering = [m for m in actor.mentions if m.start <= h_start and h_end <= m.end]
        if covering:
            return actor, covering[0]
        overlapping = [m for m in actor.mentions if m.start < h_end and h_start < m.end]
        if overlapping:
            return actor, overlapping[0]
        return None, None

    def antecedent(self, pronoun: Token, links: int = 0) -> Token | None:
        """The subject of a recent sentence that a speaker pronoun stands for (see module doc)."""
        lower = pronoun.lower_
        if lower in PERSON_PRONOUNS:
            wanted = "person"
        elif lower in BODY_PRONOUNS:
            wanted = "group"
        else:
            return None
        doc = self.doc
        own_start, _ = self.sentence(pronoun.i)
        start = own_start
        sentences = []
        while start > 0 and len(sentences) < MAX_ANTECEDENT_SENTENCES:
            p_start, p_end = self.sentence(start - 1)
            if not doc[p_start:p_end].text.strip():
                start = p_start
                continue
            sentences.append(doc[p_start:p_end])
            start = p_start
        # the part of the pronoun's own sentence before it counts first ("Putin met Xi and he said")
        own = [t for t in doc[own_start:pronoun.i] if t.dep_ in SUBJECT_DEPS and self.in_quote[t.i] < 0]
        own.sort(key=lambda t: (_clause_depth(t), -t.i))  # main clause first, then the nearest
        for candidate in own:
            if self._fits(candidate, wanted):
                return candidate
        for previous in sentences:
            subjects = [t for t in previous if t.dep_ in SUBJECT_DEPS and self.in_quote[t.i] < 0]
            subjects.sort(key=lambda t: (_clause_depth(t), -t.i))
            for candidate in subjects:
                if candidate.pos_ == "PRON" and _same_pronoun(candidate, pronoun) and _clause_depth(candidate) == 0:
                    # "He said ..." earlier: the chain goes on from there
                    if links >= MAX_CHAIN_LINKS:
                        return None
                    return self.antecedent(candidate, links + 1)
                if self._fits(candidate, wanted):
                    return candidate
        return None

    def _fits(self, token: Token, wanted: str) -> bool:
        if token.pos_ == "PRON":
            return False
        if wanted == "person":
            if token.ent_type_ in PERSON_ENTS:
                return True
            if token.pos_ == "PROPN" and not token.ent_type_:
                return True  # a surname the entity recogniser missed ("Kishida held talks")
            return token.pos_ == "NOUN" and self.cues.noun_kind(token.lemma_) == "person"
        if token.ent_type_ in BODY_ENTS:
            return True
        return token.pos_ in ("NOUN", "PROPN") and self.cues.noun_kind(token.lemma_) == "group"

    def is_speakerlike(self, token: Token) -> bool:
        """Whether ``token`` heads a phrase that can speak: a person, a body, or a known actor."""
        if token.pos_ == "PRON":
            return token.lower_ in PERSON_PRONOUNS + BODY_PRONOUNS
        if token.ent_type_ in PERSON_ENTS + ("ORG",):
            return True
        if token.pos_ == "NOUN" and self.cues.noun_kind(token.lemma_) is not None:
            return True
        if self.actors is not None:
            actor, _ = self._actor_for(token, *phrase_bounds(token))
            return actor is not None
        return False


def _clause_depth(token: Token) -> int:
    """0 for the subject of a sentence's main verb (or of a verb coordinated with it), more for
    subjects of clauses embedded deeper ("Stoltenberg noted that Putin had cited": 0, 1)."""
    depth = 0
    node = token.head
    while node.dep_ != "ROOT" and node.head.i != node.i and depth < MAX_PHRASE_TOKENS:
        if node.dep_ not in ("conj",):
            depth += 1
        node = node.head
    return depth


def _same_pronoun(a: Token, b: Token) -> bool:
    """he/him, she/her and it stand for the same kind of speaker."""
    groups = (("he", "him"), ("she", "her"), ("it",))
    return any(a.lower_ in g and b.lower_ in g for g in groups)


def _display_name(text: str) -> str:
    """A phrase as a name: whitespace collapsed, leading article and trailing punctuation gone."""
    words = text.split()
    if len(words) > 1 and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    name = " ".join(words).strip(" ,;:—–-")
    return name
