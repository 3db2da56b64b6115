"""Who does what to whom: sources and targets of a trigger, read from the dependency parse.

- source: the grammatical agent (``nsubj``, the ``by``-phrase of a passive, the controller of
  a to-infinitive or gerund: "Putin was set to hold talks", "X was quoted as thanking Y"); for
  a noun, its possessor or actor modifier ("Moscow's backing", "US-backed sanctions") or the
  subject of its light verb ("warships were on a joint patrol", "began a new round of talks",
  "sent a condolence message"), a demonym ("Iranian attacks"), an X-claimed modifier ("a
  Taliban-claimed bomb"); "held civilians as human shields": the verb's subject and object.
- target: the pattern's slots in order (direct object, "with", "at", ...).
- a noun phrase names one actor per conjunct ("the leaders of Kyrgyzstan and Turkmenistan");
  a generic head ("leaders", "provocation") is looked through ("of", possessive, and for people
  nouns the nationality: "Russian and Chinese warships").
- a role or group of no country ("Police arrested ...") is a side by its sector alone, ``---COP``
  (``DocActors.agent_at``), unless its phrase says whose it is ("African leaders") or it is people
  in general ("parents"); an unknown person titled with no country ("Gov. X") likewise.
- pronouns: "we/our" in a quote is its speaker; "who/which" is the noun it modifies; "the two
  countries/leaders" is the last pair of coordinated actors before it in the article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from dyad.actors import UNKNOWN_COUNTRY, agent_code
from dyad.events.lexicon import Lexicon
from dyad.events.match import Match
from dyad.events.petrarch import DEFAULT_TARGETS
from dyad.records import Actor, ActorRef, Mention, Place, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class DocActorsLike(Protocol):
    """What events needs of ``dyad.actors.DocActors`` (``.actors`` is read too, if present)."""

    def actor_at(self, start: int, end: int) -> Actor | None: ...

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Actor]]: ...


#: How many arcs down a generic noun phrase is looked through for the actor it names.
MAX_NP_DEPTH = 3
#: How many sentences back "the two countries" may find its pair.
MAX_ANAPHOR_SENTENCES = 8
#: How far up a non-finite clause looks for the subject that controls it.
MAX_CONTROL_STEPS = 6

FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
#: Possessive pronouns whose owner an event's side may be ("Berlin stressed its commitment").
POSSESSIVES = frozenset({"its", "their", "his", "her"})
#: Pronouns that, as the subject of a reported clause, stand for the one reporting it.
REPORTER_PRONOUNS = frozenset({"it", "they", "he", "she"})
#: Verbs of stance that, like reporting verbs, make a pronoun subject of their that-clause their own
#: subject ("Ethiopia indicated it would act", "Iran insisted it would not yield").
STANCE_VERBS = frozenset({"indicate", "insist", "signal", "hint", "vow", "pledge", "declare"})
#: Verbs whose object, not subject, does what their to-infinitive says ("urged Israel to ...").
OBJECT_CONTROL = frozenset({"urge", "ask", "invite", "persuade", "force", "order", "call", "press",
                            "encourage", "allow", "tell", "quote", "accuse", "thank", "blame"})
#: A verb in a reduced relative whose noun is its agent, by the verb's tag: the noun's arcs
#: where that holds. "Troops firing on protesters": a subject (a "-ing" clause on an object
#: or a preposition's noun often belongs to the main subject: "wrote to Blair demanding");
#: a past form only on the sentence's root, where the parser hung the main verb under its
#: subject ("The air force carried out strikes"). A participle ("strikes carried out by") is
#: passive.
ACTIVE_ACL_TAGS = {"VBG": ("nsubj", "nsubjpass", "ROOT"), "VBD": ("ROOT",)}
#: What a speaker says things in: "X said in a statement urging ...": the statement is X's.
SPEECH_NOUNS = frozenset({"statement", "interview", "speech", "letter", "address", "message",
                          "communique", "tweet", "post", "briefing", "broadcast", "report", "resolution"})
#: Nouns that only say what a body named before them is ("ECOWAS regional bloc", "the NATO alliance"),
#: or name the part of it that speaks and acts for it ("the Syrian army command", "the Hamas leadership").
DESCRIPTOR_NOUNS = frozenset({"bloc", "alliance", "organisation", "organization", "grouping", "coalition",
                              "body", "group", "movement", "union", "agency", "command", "leadership",
                              "headquarters"})
#: Verbs of a complaint's or lawsuit's charge: their object is whom it is against (`allege` slot).
ALLEGING_VERBS = frozenset({"allege", "accuse", "charge", "claim", "target", "challenge"})
#: Verbs whose object takes part in the meeting or talks they describe (the `include` slot).
MEMBERSHIP_VERBS = frozenset({"include", "involve", "bring", "gather", "group"})
CLAUSE_ARCS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj"})
#: Prepositions that say where something happened: a place under them is never a target.
LOCATIVE = frozenset({"in", "at", "near", "across", "inside", "around", "within", "throughout",
                      "outside", "off"})
TWO_WORDS = re.compile(r"\b(two|both)\b")
#: Prepositions under which the object's phrase is not searched for an imported row's unnamed
#: target: they say when, why or how the event happened, or what it was about.
NOT_TARGET_PREPOSITIONS = frozenset({"after", "before", "during", "since", "until", "despite", "because",
                                     "amid", "following", "as", "like", "than", "unlike", "except",
                                     "via", "by", "about", "regarding", "concerning"})
#: The one preposition of place under which an unnamed target may stand, when it is a body or a
#: person ("criticized the closure of guest houses IN the city council" names who it is against)
#: or a country foreign to the source ("criticized the closure of guest houses IN Bree"); "wants
#: fewer people IN the UK", said by the UK's own, only says where they are.
BODY_LOCATIVE = "in"
#: Roots of force (assault, fight, mass violence): a country whose things or people are hit is
#: the target when no actor is named (``Roles.struck_country``), and "at" names what force is
#: aimed at as well as where ("fired two artillery shells AT Seoul"); not 15 (a show of force
#: "in" a country is where, not against whom). A stated intent to use force is a threat
#: (``build``).
FORCE_ROOTS = ("18", "19", "20")
AIMED_LOCATIVE = frozenset({"at"})
#: Relative clauses on a noun ("nations WHICH TOOK ..."): what they name is not the phrase's
#: own place (a participle's is: "the decisions TAKEN at the meeting of Somalia's council").
CLAUSE_ON_NOUN = frozenset({"relcl"})
#: How many noun phrases down the verb phrase an unnamed target is looked for ("welcomed a
#: resumption OF ties WITH Osgiliath": two).
MAX_PHRASE_DEPTH = 3
#: Participles whose hyphenated actor did what the noun is ("a Taliban-claimed car bomb", a
#: "Saudi-led offensive", "Houthi-fired missiles"); not "Russian-backed", "Iranian-made": the
#: backer or maker is not the one acting.
AUTHOR_PARTICIPLES = frozenset({"claim", "lead", "fire", "launch", "plant", "run", "operate"})
#: Verbs that make their object into what an "as" noun says, done by their subject: "held
#: civilians as human shields", "took two soldiers as hostages" (not "described the raid as an
#: attack", "saw Iran as a threat": those say what someone thinks).
MAKE_AS_VERBS = frozenset({"use", "hold", "take", "keep", "employ"})
#: Nouns that count or pace the event noun after their "of" ("a new round of talks", "a wave of
#: attacks"): the light verb carrying them carries the event. Not "targets of attacks", "part
#: of the talks": those say who suffered or took part.
MEASURE_NOUNS = frozenset({"round", "wave", "series", "spate", "string", "flurry", "barrage", "volley",
                           "salvo", "day", "week", "hour", "month"})

#: Modifiers that make a group of no country one of several countries ("world leaders", "other
#: global leaders", "foreign troops"): not one unknown country's group.
MULTINATIONAL = frozenset({"world", "global", "international", "foreign", "regional", "multinational"})
#: Sectors of people in general (civilians, students, patients): a group of them of no country is
#: too unspecific a side ("people join police forces", "more women went to university").
PUBLIC_SECTORS = frozenset({"CVL", "EDU", "HLH"})
#: The id prefix of a person the actor tables don't know (``dyad.actors``: "name:jane-roe").
UNKNOWN_PERSON = "name:"
#: Entity types of a modifier that names whose a group is, even first in a sentence ("African leaders").
NAMED_ENTITIES = frozenset({"NORP", "GPE", "LOC", "ORG", "FAC", "PERSON"})


@dataclass(frozen=True, slots=True)
class Side:
    """An actor taking part in an event, and the token naming it (None if named elsewhere)."""

    ref: ActorRef
    token: Token | None

    @property
    def key(self) -> str:
        return self.ref.id or f"{self.ref.name}|{self.ref.code}"


def _dedupe(sides: Iterable[Side]) -> list[Side]:
    seen, out = set(), []
    for side in sides:
        if side.key not in seen:
            seen.add(side.key)
            out.append(side)
    return out


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the words coordinated with it ("China and Russia")."""
    out, frontier = [token], [token]
    while frontier:
        for child in frontier.pop().children:
            if child.dep_ == "conj":
                out.append(child)
                frontier.append(child)
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


class Roles:
    """Finds sides for one article; holds what the article-wide rules need (quotes, pairs)."""

    def __init__(self, doc: Doc, doc_actors: DocActorsLike, quotes: Iterable[Quote],
                 lexicon: Lexicon, places: Iterable[Place] = ()) -> None:
        self.doc = doc
        self.places = tuple(places)
        self.actors = doc_actors
        self.lexicon = lexicon
        # Embedded quotes (tweets) have offsets into their embed, not into the article's text.
        self.quotes = sorted((q for q in quotes if q.kind != "embedded"), key=lambda q: q.start)
        self._quote_starts = [q.start for q in self.quotes]
        self._agent_nouns = {w for (w, where) in lexicon.cues if where == "agent"}
        self._light_verbs = {w for (w, where) in lexicon.cues if where == "light"}
        self._pairs: list[tuple[int, int, list[Side]]] | None = None  # (token i, sentence start, sides)
        self._sent_index = {s.start: n for n, s in enumerate(doc.sents)}
        self._sent_chars = [s.start_char for s in doc.sents]
        self._owning: set[int] = set()  # possessive pronouns being resolved (see _np_one)

    # -- quotes ------------------------------------------------------------------------------
    def quote_at(self, offset: int) -> Quote | None:
        """The quote whose text contains character ``offset`` (quotes rarely nest: look at 3)."""
        last = bisect.bisect_right(self._quote_starts, offset) - 1
        for n in range(last, max(-1, last - 3), -1):
            quote = self.quotes[n]
            if quote.start <= offset < quote.end:
                return quote
        return None

    # -- one token -> its actor ----------------------------------------------------------------
    def _actor(self, token: Token) -> list[Side]:
        """The actor(s) of the mention covering ``token``: several when the mention names a
        group ("the leaders of Kyrgyzstan and Turkmenistan", "Russian and Chinese warships")."""
        start, end = token.idx, token.idx + len(token.text)
        actor = self.actors.actor_at(start, end)
        if actor is None:
            return []
        mention = next((m for m in actor.mentions if m.start < end and start < m.end), None)
        if mention is None:
            return [Side(_sector_coded(actor.ref(Mention(token.text, start, end)), token), token)]
        group = [(m, a) for m, a in self.actors.mentions_in(mention.start, mention.end)
                 if (m.start, m.end) == (mention.start, mention.end)]
        if len(group) <= 1:
            return [Side(_sector_coded(actor.ref(mention), token), token)]
        if TWO_WORDS.search(mention.text.lower()) and len(group) != 2:
            return []  # "both countries" resolved to four: not a pair we can trust
        return _dedupe(Side(_sector_coded(a.ref(m), token), token) for m, a in group)

    def _pronoun(self, token: Token) -> list[Side]:
        word = token.lower_
        if word in FIRST_PERSON:
            quote = self.quote_at(token.idx)
            if quote is not None and quote.speaker is not None:
                return [Side(quote.speaker, None)]
            return []
        if word in RELATIVE:
            clause = token.head  # "North Korea, which he said had ...": up through the report
            while clause.dep_ == "ccomp" and clause.head != clause:
                clause = clause.head
            if clause.dep_ == "relcl" and clause.head != clause:
                found = self.np_sides(clause.head)
                if not found and clause.head.lemma_.lower() in SPEECH_NOUNS:
                    # "issued a report that calls on ...": the report says what its issuer says
                    found = [s for t in self._noun_agent_tokens(clause.head, 0) for s in self.np_sides(t)]
                return found
        if word in REPORTER_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass"):
            return self._reporter(token) or self._speaking_person(token)
        if word in POSSESSIVES and token.dep_ == "poss":
            return self._owner(token)
        return []

    def _owner(self, pronoun: Token) -> list[Side]:
        """Whose "its"/"his" is: on an object, the clause's subject ("Berlin stressed its
        commitment"; a body's "its"/"their" only); on the subject of what someone told another,
        the one told ("Tokyo told the British minister that his plan was worrying")."""
        if pronoun.i in self._owning:
            return []  # "its forces ... their allies' plans": no owner of an owner loop
        self._owning.add(pronoun.i)
        try:
            return self._owner_of(pronoun)
        finally:
            self._owning.discard(pronoun.i)

    def _owner_of(self, pronoun: Token) -> list[Side]:
        noun = pronoun.head
        if noun.dep_ in ("nsubj", "nsubjpass"):
            clause = noun.head
            if clause.dep_ != "ccomp" or not self.lexicon.cue(clause.head.lemma_.lower(), "report"):
                return []
            report = clause.head  # "told the minister that his plan ...", else "Russia said its forces ..."
            told = [c for c in report.children if c.dep_ in ("dobj", "dative") and c.pos_ != "PRON"]
            if not told:  # the reporter, when the pronoun fits it: "Russia said its", "Raisi said his"
                person = pronoun.lower_ in ("his", "her")
                told = [c for c in report.children if c.dep_ == "nsubj" and c.pos_ != "PRON"
                        and pronoun.lower_ != "their" and (c.ent_type_ == "PERSON") == person]
            return [s for t in told for s in self.np_sides(t)]
        if pronoun.lower_ in ("his", "her"):
            return []  # "Davis welcomed his apology": a person's "his" is often someone else's
        node, steps = noun, 0
        while node.pos_ not in ("VERB", "AUX") and node.head != node and steps < 4:
            node, steps = node.head, steps + 1
        if node.pos_ not in ("VERB", "AUX"):
            return []
        subjects = [t for t in self._any_subject(node, 0) if t.pos_ != "PRON" and t.i != noun.i]
        return [s for t in subjects for s in self.np_sides(t)]

    def _speaking_person(self, pronoun: Token) -> list[Side]:
        """"he said", "she told reporters": the person named last before the pronoun, in its
        sentence or the one before, when the pronoun is the subject of a reporting verb."""
        if pronoun.lower_ not in ("he", "she") or not self.lexicon.cue(pronoun.head.lemma_.lower(), "report"):
            return []
        sent_no = self._sent_index.get(pronoun.sent.start, 0)
        first = self._sent_chars[max(0, sent_no - 1)]
        for mention, actor in reversed(self.actors.mentions_in(first, pronoun.idx)):
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and any(t.ent_type_ == "PERSON" for t in span) and actor.code:
                return [Side(actor.ref(mention), None)]
        return []

    def _reporter(self, pronoun: Token) -> list[Side]:
        """"Russia said it would expel ...", "the army says they killed ...": the subject of a
        that-clause is, when a pronoun, the one who reports it (the reporting verb's named
        subject; not another pronoun, not a quote's speaker: a quote says "we")."""
        clause = pronoun.head
        if clause.dep_ != "ccomp" or clause.head == clause:
            return []
        verb = clause.head
        if not self.lexicon.cue(verb.lemma_.lower(), "report") and verb.lemma_.lower() not in STANCE_VERBS:
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if len(subjects) != 1:
            return []
        return self.np_sides(subjects[0])

    # -- noun phrases ---------------------------------------------------------------------------
    def np_sides(self, head: Token) -> list[Side]:
        """Every actor the noun phrase headed by ``head`` names, one per conjunct."""
        sides: list[Side] = []
        for token in conjuncts(head):
            sides.extend(self._np_one(token, 0))
        return _dedupe(sides)

    def _np_one(self, token: Token, depth: int) -> list[Side]:
        if token.dep_ == "poss" and token.lower_ in POSSESSIVES:
            owner = self._owner(token)  # the syntax knows better than a guess of the nearest name
            if owner:
                return owner
        sides = self._actor(token)
        if not sides and token.pos_ == "PRON":
            return self._pronoun(token)
        if not sides:
            sides = (self._anaphor(token) or self._described(token)
                     or self.place_side(token, countries_only=True))
            if sides:
                return sides
        if sides:
            sides = self._titled(token, sides)
            return [*sides, *self._other_named(token, sides[0])]
        if depth >= MAX_NP_DEPTH:
            return []
        found: list[Side] = []
        people = token.lemma_.lower() in self._agent_nouns or token.lower_ in self._agent_nouns
        if self._event_noun(token) and not any(c.dep_ == "poss" for c in token.children):
            # "Iranian attacks", "Russian shelling of Kharkiv": the demonym on an event noun is
            # who did it, before any "of" phrase (what was shelled); not on a person ("a British
            # terror suspect") or a thing
            owners = [s for c in token.children if c.dep_ == "amod" and c.i < token.i for s in self._demonym_side(c)]
            if owners:
                return _dedupe(owners)
        for child in token.children:
            if child.dep_ == "poss" or child.dep_ == "appos":
                found.extend(s for c in conjuncts(child) for s in self._np_one(c, depth + 1))
            elif child.dep_ in ("prep", "agent") and (child.lower_ in ("of", "by") or people and child.lower_ == "from"):
                # "troops and aircraft from the United States": where people come from
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found.extend(s for c in conjuncts(pobj) for s in self._np_one(c, depth + 1))
            elif child.dep_ == "acl" and child.tag_ == "VBN":  # "missiles fired by the army"
                found.extend(s for agent in child.children if agent.dep_ == "agent"
                             for pobj in agent.children if pobj.dep_ == "pobj"
                             for c in conjuncts(pobj) for s in self._np_one(c, depth + 1))
            elif people and child.dep_ == "prep" and child.lower_ == "from":  # "soldiers from Gondor"
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found.extend(s for c in conjuncts(pobj) for s in self._np_one(c, depth + 1))
            elif people and child.dep_ in ("amod", "compound", "nmod", "npadvmod"):
                found.extend(s for c in conjuncts(child) for s in self._np_one(c, depth + 1))
            elif child.dep_ == "amod" and child.tag_ == "VBN" and child.i < token.i \
                    and child.lemma_.lower() in AUTHOR_PARTICIPLES:  # "a Taliban-claimed car bomb"
                found.extend(s for g in child.children if g.dep_ in ("npadvmod", "compound", "nmod")
                             for c in conjuncts(g) for s in self._np_one(c, depth + 1))
        return found or self._agent(token)

    def _agent(self, token: Token) -> list[Side]:
        """"Police arrested ...", "the rebels": a role or group of no country, by its sector
        alone (``DocActors.agent_at``: ``---COP``), when nothing in its phrase names whose it is."""
        lookup = getattr(self.actors, "agent_at", None)
        if lookup is None or token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("amod", "compound", "nmod"):
            return []  # "joint naval exercises": a modifier is no one
        if _names_whose(token):
            return []  # "African leaders", "Tobago's authorities": someone's, though not known to us
        ref = lookup(token.idx, token.idx + len(token.text))
        if ref is not None and ref.sector in PUBLIC_SECTORS:
            return []  # "people", "parents", "students" of no country: no one in particular
        return [Side(ref, token)] if ref is not None else []

    def _titled(self, head: Token, sides: list[Side]) -> list[Side]:
        """"Bree President Romendacil": a name the tables code by its country alone, under a title
        that names a body of that same country, is that body (BREGOV), as PETRARCH adds an
        agent's code to its actor's."""
        if len(sides) != 1 or sides[0].ref.sector or not sides[0].ref.country:
            return sides
        for child in head.children:
            if child.dep_ != "compound" or child.i > head.i:
                continue
            for side in self._actor(child):
                if side.ref.sector and side.ref.country == sides[0].ref.country:
                    return [side]
        return sides

    def _other_named(self, head: Token, side: Side) -> list[Side]:
        """Actors of another country inside a named phrase: a mis-parsed coordination
        ("with Raisi and Pakistani Prime Minister Shehbaz Sharif" parsed as one phrase)."""
        others = []
        for token in head.subtree:
            if token == head or token.dep_ in CLAUSE_ARCS or token.dep_ == "prep":
                continue
            if any(a.dep_ in CLAUSE_ARCS or a.dep_ == "prep" for a in _path_up(token, head)):
                continue
            found = self._actor(token)
            other = found[0] if len(found) == 1 else None
            if (other is not None and other.key != side.key and other.ref.country
                    and other.ref.country != side.ref.country and token.pos_ == "PROPN"):
                others.append(other)
        return others

    def _described(self, token: Token) -> list[Side]:
        """"the Economic Community of West African States (ECOWAS) regional bloc": a body named
        right before a noun that only says what it is (the parser often hangs the name elsewhere),
        or inside its phrase ("the Syrian army command")."""
        if token.lemma_.lower() not in DESCRIPTOR_NOUNS:
            return []
        inside = [c for c in token.children if c.dep_ in ("compound", "nmod") and c.i == token.i - 1]
        if inside:
            before = inside[0]
        elif token.left_edge.i == 0:
            return []
        else:
            before = self.doc[token.left_edge.i - 1]
        if before.text == ")" and before.i > 0:
            before = self.doc[before.i - 1]
        actor = self.actors.actor_at(before.idx, before.idx + len(before.text))
        if actor is None or not actor.code or not (actor.sector or actor.code == "IGO"):
            return []
        mention = next((m for m in actor.mentions if m.start <= before.idx < m.end), None)
        return [Side(actor.ref(mention), token)]

    # -- "the two countries" -----------------------------------------------------------------------
    def _anaphor(self, token: Token) -> list[Side]:
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        kids = {c.lower_: c.dep_ for c in token.children}
        if kids.get("two") != "nummod" or not ({"the", "these", "those"} & kids.keys()):
            return []
        sent_no = self._sent_index.get(token.sent.start, 0)
        for i, sent_start, sides in reversed(self.pairs()):
            if i >= token.i:
                continue
            if sent_no - self._sent_index.get(sent_start, 0) > MAX_ANAPHOR_SENTENCES:
                break
            return [Side(s.ref, token) for s in sides]
        return []

    def pairs(self) -> list[tuple[int, int, list[Side]]]:
        """Coordinations of exactly two actors in the article, in text order (computed once)."""
        if self._pairs is None:
            self._pairs = []
            for token in self.doc:
                if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
                    continue
                if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
                    continue
                sides = []
                for t in conjuncts(token):
                    sides.extend(self._np_one(t, MAX_NP_DEPTH - 1) if t.pos_ != "PRON" else [])
                sides = _dedupe(sides)
                if len(sides) == 2:
                    self._pairs.append((token.i, token.sent.start, sides))
        return self._pairs

    # -- subjects ------------------------------------------------------------------------------
    def subject_tokens(self, verb: Token, steps: int = 0) -> list[Token]:
        """The agent of ``verb``: its subject, its by-phrase if passive, else its controller."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if len(subjects) > 1:  # a misparse ("Straw noted embargoes applied to ..." with two
            return [min(subjects, key=lambda c: abs(verb.i - c.i))]  # subjects): the nearest
        if subjects:
            return subjects
        if is_passive(verb):
            return [g for c in verb.children if c.dep_ == "agent"
                    for g in c.children if g.dep_ == "pobj"]
        return self._controller(verb, steps)

    def _any_subject(self, verb: Token, steps: int) -> list[Token]:
        """Who a clause is about: subject, else passive subject, else its own controller."""
        for dep in ("nsubj", "nsubjpass", "csubj"):
            found = [c for c in verb.children if c.dep_ == dep]
            if found:
                return found
        return self._controller(verb, steps)

    def _controller(self, verb: Token, steps: int) -> list[Token]:
        head, dep = verb.head, verb.dep_
        if head == verb or steps >= MAX_CONTROL_STEPS:
            return []
        steps += 1
        if dep == "xcomp":
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects and head.lemma_.lower() in OBJECT_CONTROL:
                return objects
            return self._any_subject(head, steps)
        if dep == "conj":
            return self.subject_tokens(head, steps)
        if dep in ("advcl", "acomp", "attr", "oprd"):
            return self._any_subject(head, steps)
        if dep == "pcomp" and head.pos_ == "ADP":
            governor = head.head
            objects = [c for c in governor.children if c.dep_ == "dobj"]
            if objects and head.lower_ in ("of", "for", "as") and governor.pos_ == "VERB":
                return objects
            if governor.pos_ in ("NOUN", "PROPN"):
                return self._noun_agent_tokens(governor, steps)
            return self._any_subject(governor, steps)
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            if ((head.dep_ in ACTIVE_ACL_TAGS.get(verb.tag_, ()) or _main_verb_as_participle(verb))
                    and self.np_sides(head) and not any(c.dep_ == "auxpass" for c in verb.children)):
                return [head]  # "troops firing on protesters": the noun does what its clause says
            if verb.tag_ == "VBN":  # "embargoes applied to China": done by its by-agent, not by
                agents = [g for c in verb.children if c.dep_ == "agent"  # who mentions the noun
                          for g in c.children if g.dep_ == "pobj"]
                return agents or [c for c in head.children if c.dep_ == "poss"]
            return self._noun_agent_tokens(head, steps)
        return []

    def _noun_agent_tokens(self, noun: Token, steps: int) -> list[Token]:
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if owners:
            return owners
        if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            return self._any_subject(noun.head, steps + 1)
        if (noun.lemma_.lower() in SPEECH_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "in"
                and self.lexicon.cue(noun.head.head.lemma_.lower(), "report")):
            return self._any_subject(noun.head.head, steps + 1)  # "said in a statement joining calls"
        return []

    # -- the sides of a match ------------------------------------------------------------------
    def sources(self, match: Match) -> list[Side]:
        trigger = match.token
        if trigger.pos_ in ("VERB", "AUX"):
            tokens = self.subject_tokens(trigger)
            return _dedupe(s for t in tokens for s in self.np_sides(t))
        if trigger.pos_ == "ADJ" and trigger.dep_ == "acomp":
            # "officials were sceptical": the copula's subject, if it is someone (not "his
            # forecasts were too optimistic")
            tokens = [t for t in self._controller(trigger, 0)
                      if t.pos_ in ("PRON", "PROPN") or self.lexicon.cue(t.lemma_.lower(), "agent")]
            return _dedupe(s for t in tokens for s in self.np_sides(t))
        return self.noun_sources(trigger)

    def noun_sources(self, noun: Token) -> list[Side]:
        """The agent of an event noun: possessor, actor modifier, or its light verb's subject."""
        found: list[Side] = []
        for child in noun.children:
            if child.dep_ == "poss":
                found.extend(self.np_sides(child))
            elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
                if child.pos_ in ("VERB",) or child.tag_ == "VBN":  # "US-backed", "Russian-led"
                    for grand in child.children:
                        if grand.dep_ in ("npadvmod", "compound", "nmod"):
                            found.extend(self.np_sides(grand))
                else:
                    found.extend(self.np_sides(child) or self._demonym_side(child))
            elif child.dep_ in ("prep", "agent") and child.lower_ == "by":  # "the visit by US lawmakers"
                found.extend(side for pobj in child.children if pobj.dep_ == "pobj"
                             for side in self.np_sides(pobj))
            elif child.dep_ == "acl" and child.tag_ == "VBN":  # "sanctions imposed by Washington"
                found.extend(side for agent in child.children if agent.dep_ == "agent"
                             for pobj in agent.children if pobj.dep_ == "pobj"
                             for side in self.np_sides(pobj))
        if found:
            return _dedupe(found)
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            # "sent a condolence message": the message's owner or sender, not its other modifiers
            # ("the Cuba detention camp" is not held by Cuba)
            head = noun.head
            owners = [c for c in head.children if c.dep_ == "poss"]
            if owners:
                return _dedupe(s for t in owners for s in self.np_sides(t))
            return self._light_verb_sources(head)
        return self._light_verb_sources(noun)

    def _light_verb_sources(self, noun: Token) -> list[Side]:
        """The subject of the verb an event noun is the object of, when that verb only carries the
        noun ("staged a protest", "held civilians as human shields")."""
        verb = _make_as_verb(noun)
        if verb is not None:  # "militants held civilians as human shields"
            return _dedupe(s for t in self.subject_tokens(verb) for s in self.np_sides(t))
        measure = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if measure is not None and measure.lemma_.lower() in MEASURE_NOUNS \
                and measure.dep_ in ("dobj", "attr", "nsubjpass"):
            noun = measure  # "began a new round of talks", "launched a wave of attacks"
        if noun.dep_ in ("dobj", "attr", "nsubjpass"):
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ in ("on", "in", "into", "under", "for"):
            verb = noun.head.head
        if verb is None or verb.pos_ not in ("VERB", "AUX") or not (
                {verb.lemma_.lower(), verb.lower_} & self._light_verbs):
            return []
        tokens = self._any_subject(verb, 0) if noun.dep_ != "nsubjpass" else self.subject_tokens(verb)
        return _dedupe(s for t in tokens for s in self.np_sides(t))

    def targets(self, match: Match, sources: Iterable[Side]) -> list[Side]:
        """The actors in the pattern's target slots; a place stands for its country there
        ("shelled Kharkiv", "exercises in Russia's far east") when no actor is named. ``sources``
        (the event's own sides) are no target: an imported row whose slots name only them
        ("welcomed THEIR resumption of ties with Osgiliath") looks further down the phrase."""
        sources = list(sources)
        own = {s.key for s in sources}
        sides: list[Side] = []
        imported = match.pattern.tier > 0  # looser rows: only a country named as the slot itself
        slots: set[int] = set()
        for slot in match.pattern.targets:
            for token in self.slot_tokens(match, slot):
                slots.add(token.i)
                sides.extend(self.np_sides(token) or (imported and self._hung_name(token)) or self.place_side(
                    token, countries_only=imported, where=slot in LOCATIVE))
        named = [side for side in sides if (side.token is None or side.token.pos_ != "PRON")
                 and side.key not in own and not agent_only(side.ref)]
        if not named and imported and match.pattern.targets == DEFAULT_TARGETS:
            sides = self.phrase_target(match, sources) or sides
        elif not named and not imported and (match.pattern.code or "").startswith(FORCE_ROOTS):
            sides = self._struck_country(match, sources) or sides
        # a group of no country is a target only as the slot's own word ("arrested protesters"),
        # not from deeper in its phrase ("cooperation, with China sending hundreds of troops")
        return _dedupe(side for side in sides
                       if not agent_only(side.ref) or side.token is None or side.token.i in slots)

    def _struck_country(self, match: Match, sources: list[Side]) -> list[Side]:
        """Force used on things or people no actor names, as coders read it: the country a
        demonym gives what was hit ("attacked Iranian nuclear sites", "hit Russian bombers"),
        else the country of the place the verb says it hit ("struck nine sites in Pakistan");
        not the source's own country ("Nigerian troops attacked villages in Borno" names no
        other side)."""
        trigger = match.token
        if trigger.pos_ != "VERB":
            return []
        found = [s for obj in self.slot_tokens(match, "dobj") if obj.pos_ == "NOUN"
                 for c in obj.children if c.dep_ == "amod" and c.i < obj.i for s in self._demonym_side(c)]
        if not found:
            found = [s for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == BODY_LOCATIVE
                     for pobj in prep.children if pobj.dep_ == "pobj" for s in self._place_at(pobj)]
        return [side for side in found if _names_other_side(side, sources)]

    def _hung_name(self, noun: Token) -> list[Side]:
        """"ties with Libya almost crowds trashed ...": a country's one-word name that the parser
        hung on the slot's next noun as its modifier (``nmod``; not a compound: "the Ukraine war"
        is no side, nor a longer name: "the Indian Ocean tidal wave")."""
        return [side for child in noun.children if child.dep_ == "nmod" and child.pos_ == "PROPN"
                and child.i < noun.i and not any(c.dep_ in ("compound", "nmod") for c in child.children)
                for side in self._actor(child) if not side.ref.sector]

    def phrase_target(self, match: Match, sources: Iterable[Side]) -> list[Side]:
        """PETRARCH's rule for a pattern that names no target slot, as far as it holds on news:
        the first actor in the verb's object and the prepositional phrases under it ("welcomed
        a resumption of ties WITH Osgiliath", "broke relations WITH Libya", "welcomed the
        resumption of ties BETWEEN A and B"), not in another clause, nor under a preposition of
        circumstance or topic ("after", "about"), nor of place, but for a body or person IN, and
        a country IN that is foreign to every source (``_names_other_side``); and the subject of
        the verb's that-clause. Prepositions on the verb itself are its slots
        (``DEFAULT_TARGETS``): their own noun is looked at first (``targets``), the phrases under
        it here; and its own "in" ("arrived IN Gondor"). Not the sources themselves ("welcomed
        THEIR resumption of ties with Osgiliath")."""
        trigger = match.token
        if trigger.pos_ not in ("VERB", "AUX"):
            return []
        sources = list(sources)
        own = {s.key for s in sources}
        aimed = (match.pattern.code or "").startswith(FORCE_ROOTS)
        frontier = [(c, 1) for c in trigger.children
                    if c.dep_ in ("dobj", "obj", "dative", "attr", "oprd") and c.pos_ in ("NOUN", "PROPN")]
        # and the phrases of the row's own slots on the verb ("acted with respect TO Libya")
        frontier.extend((pobj, 1) for prep in trigger.children
                        if prep.dep_ == "prep" and prep.lower_ in match.pattern.targets
                        for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"))
        heads = [c for c, _ in frontier]
        # "allowed THAT Mordor isn't a pleasant place": the subject of the verb's that-clause is
        # the first actor after the verb (reporting verbs code the clause itself: see ``match``);
        # not of a clause without "that" ("wants Britain to use", "decide how Britain could")
        heads.extend(s for c in trigger.children if c.dep_ == "ccomp"
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                     for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ in ("NOUN", "PROPN"))
        where: set[int] = set()  # heads under "in" (or "at", aimed): a body, a person, a foreign country
        places: set[int] = set()  # heads of the verb's own "in": a foreign country only
        for prep in trigger.children:  # "arrived IN Gondor", "fired shells AT Seoul" (not "enlisted
            if prep.dep_ == "prep" and prep.i > trigger.i and (  # IN the navy": a body joined)
                    prep.lower_ == BODY_LOCATIVE or (aimed and prep.lower_ in AIMED_LOCATIVE)):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                        heads.append(pobj)
                        places.add(pobj.i)
        while frontier:
            node, depth = frontier.pop()
            if depth >= MAX_PHRASE_DEPTH:
                continue
            for child in node.children:
                placed = child.lower_ == BODY_LOCATIVE or (aimed and child.lower_ in AIMED_LOCATIVE)
                if child.dep_ != "prep" or child.pos_ != "ADP" or child.lower_ in NOT_TARGET_PREPOSITIONS \
                        or (child.lower_ in LOCATIVE and not placed):
                    continue
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                        heads.append(pobj)
                        frontier.append((pobj, depth + 1))
                        if child.lower_ in LOCATIVE:
                            where.add(pobj.i)
        for head in sorted(heads, key=lambda t: t.i):
            # "halted HIS march": a possessive pronoun is mostly the source itself
            found = [side for side in self.np_sides(head)
                     if (side.token is None or side.token.pos_ != "PRON") and side.key not in own]
            if head.i in where or head.i in places:
                found = [side for side in found or self._place_at(head)
                         if (side.ref.sector and head.i not in places)
                         or (_names_other_side(side, sources) and not (side.ref.sector and head.i in places))]
            if found:
                return found
        return []

    def _event_noun(self, token: Token) -> bool:
        """A noun our own lexicon rows code as an event ("attack", "offensive"), or the "-ing" noun
        of a verb they code ("shelling", "bombing"); "decision" or "suspect" is not."""
        if token.pos_ != "NOUN":
            return False
        lemma = token.lemma_.lower()
        entries = self.lexicon.index.get(lemma, ())
        if any(p.tier == 0 and ("noun" in poses or None in poses) for _, p, poses in entries):
            return True
        if not lemma.endswith("ing") or len(lemma) < 6:
            return False
        stem = lemma[:-3]
        verbs = (*self.lexicon.index.get(stem, ()), *self.lexicon.index.get(stem + "e", ()),
                 *self.lexicon.index.get(stem[:-1], ()))  # shell-ing, bomb-ing, strik(e)-ing, shoot-ing
        return any(p.tier == 0 for _, p, _poses in verbs)

    def _demonym_side(self, token: Token) -> list[Side]:
        """"Iranian attacks", "Russian shelling": a demonym on an event noun names its country."""
        lookup = getattr(self.actors, "country_adjective_at", None)
        iso3 = lookup(token.idx, token.idx + len(token.text)) if lookup is not None and token.dep_ == "amod" else None
        doc = token.doc
        if iso3 is None or any(0 <= k < len(doc) and doc[k].text == "-" for k in (token.i - 1, token.i + 1)):
            return []  # "Israeli-Egyptian cooperation" is between two: not one country's
        return [Side(self._country_ref(iso3, Mention(token.text, token.idx, token.idx + len(token.text))), token)]

    def _country_ref(self, iso3: str, mention: Mention) -> ActorRef:
        """The country ``iso3`` as an actor: the article's own country actor if it has one."""
        country = next((a for a in getattr(self.actors, "actors", ()) if a.country == iso3 and not a.sector), None)
        if country is not None:
            return country.ref(mention)
        return ActorRef(name=iso3, code=iso3, country=iso3, id=f"country:{iso3}", mention=mention)

    def place_side(self, token: Token, *, countries_only: bool, where: bool = False) -> list[Side]:
        """The country of the place named by the phrase headed at ``token``, as an actor
        (only a country itself if ``countries_only``: "a broadside at the United States"; not
        in a clause on the phrase: "criticised nations which took a spectator role to IRAQ's
        reconstruction" is not against Iraq)."""
        if countries_only:
            start, end = token.idx, token.idx + len(token.text)
        else:
            start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
            end = min((c.left_edge.idx for c in token.rights if c.dep_ in CLAUSE_ON_NOUN), default=end)
        for place in self.places:
            if countries_only and place.feature != "country":
                continue
            if not place.country or not (place.start < end and start < place.end):
                continue
            if not countries_only and self._where_only(token, place, where):
                continue  # "exercises in Alaska": a place that only says where is no target
            return [Side(self._country_ref(place.country, Mention(place.text, place.start, place.end)), token)]
        return []

    def _place_at(self, token: Token) -> list[Side]:
        """The country of the place named by ``token`` itself ("in Kyiv"), not by a word below
        it ("in the meeting taking place in London")."""
        for place in self.places:
            if place.country and place.start <= token.idx < place.end:
                return [Side(self._country_ref(place.country, Mention(place.text, place.start, place.end)), token)]
        return []

    def _where_only(self, head: Token, place: Place, where: bool) -> bool:
        """Whether ``place`` only says where: it is the very phrase of a locative slot ("held
        exercises in Alaska"), is no country ("the coup in Niger" is against Niger) and names
        no actor ("in Russia's far east" names Russia)."""
        if not where or place.feature == "country":
            return False
        if not (head.idx <= place.start < head.idx + len(head.text) or place.start <= head.idx < place.end):
            return False
        sent = head.sent  # a place whose country an actor of the sentence belongs to is a side
        named = self.actors.mentions_in(sent.start_char, sent.end_char)
        return not any(a.country == place.country for _, a in named)

    def slot_tokens(self, match: Match, slot: str) -> list[Token]:
        trigger = match.token
        if slot == "dobj":
            if trigger.pos_ in ("VERB", "AUX") and is_passive(trigger):
                return [c for c in trigger.children if c.dep_ == "nsubjpass"]
            found = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
            verb = _make_as_verb(trigger)
            if verb is not None and not found:  # "held civilians as human shields"
                found = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
            found = found or [c for t in match.required if t.pos_ == "VERB" and t.dep_ == "xcomp"
                              for c in t.children if c.dep_ in ("dobj", "obj")]
            return found or _shared_object(trigger)
        if slot == "dative":
            return [c for c in trigger.children
                    if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        if slot == "ccomp":
            return [s for c in trigger.children if c.dep_ in ("ccomp", "xcomp")
                    for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if slot == "subj":
            return []  # reported evaluations: see reported_targets
        if slot == "allege":  # "a complaint alleging Japan's unfair practices", "a suit accusing Google"
            return _clause_objects([trigger, *match.required], ("acl", "advcl", "relcl"), ALLEGING_VERBS)
        if slot == "include":  # "a new round of talks that will include Qatar and Egypt"
            nouns = [trigger, *match.required]
            nouns += [o for t in nouns for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"]  # "a round of talks that ..."
            return _clause_objects(nouns, ("relcl", "acl"), MEMBERSHIP_VERBS)
        found = []
        words = ("toward", "towards") if slot in ("toward", "towards") else (slot,)
        for holder in self._prep_holders(match):
            for prep in holder.children:
                if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ in words:
                    found.extend(c for c in prep.children if c.dep_ == "pobj")
                    if match.pattern.tier == 0:  # a hand row's "commitment to securing Iraq"
                        found.extend(o for c in prep.children if c.dep_ == "pcomp"
                                     for o in c.children if o.dep_ in ("dobj", "obj"))
        return found

    def _prep_holders(self, match: Match) -> list[Token]:
        """Tokens whose prepositions may carry the target: the trigger, the words its pattern
        required and the words between them, and a noun trigger's light verb."""
        holders = {match.token.i: match.token}
        for token in match.required:
            for t in _path_up(token, match.token):
                holders.setdefault(t.i, t)
        trigger = match.token
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "compound" \
                and trigger.head.pos_ in ("NOUN", "PROPN") and trigger.head.i > trigger.i:
            trigger = trigger.head  # "a condolence message to the king": the phrase's own noun
            holders.setdefault(trigger.i, trigger)
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "attr"):
            holders.setdefault(trigger.head.i, trigger.head)
        if trigger.pos_ in ("NOUN", "PROPN"):  # "sanctions imposed by Washington on Caracas"
            for child in trigger.children:
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    holders.setdefault(child.i, child)
        return list(holders.values())

    # -- reported speech -------------------------------------------------------------------------
    def speaker(self, token: Token) -> list[Side]:
        """Who says the clause ``token`` is in: a quote's speaker or a reporting verb's subject."""
        quote = self.quote_at(token.idx)
        if quote is not None and quote.speaker is not None:
            return [Side(quote.speaker, None)]
        node, steps = token, 0
        while node.head != node and steps < 12:
            head = node.head
            if node.dep_ in ("ccomp", "parataxis") and self.lexicon.cue(head.lemma_.lower(), "report"):
                tokens = self._any_subject(head, 0)
                return _dedupe(s for t in tokens for s in self.np_sides(t))
            node, steps = head, steps + 1
        return []

    def reported_targets(self, match: Match) -> list[Side]:
        """Who a reported evaluation is about: the nearest clause subject that names an actor,
        then (in a quote) any actor that is the subject of a clause of the quote."""
        sides = [s for slot in match.pattern.targets if slot != "subj"
                 for t in self.slot_tokens(match, slot) for s in self.np_sides(t)]
        if sides or "subj" not in match.pattern.targets:
            return _dedupe(sides)
        if match.token.pos_ == "ADJ" and not _predicative(match.token):
            return []  # "portraying migrants as dangerous", "its dangerous path": not the subject
        node, steps = match.token, 0
        while steps < 12:
            if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
                for subject in (c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")):
                    found = self.np_sides(subject)
                    if found:
                        return found
                if self.lexicon.cue(node.lemma_.lower(), "report") and node != match.token:
                    break
            if node.dep_ in ("ccomp",) and self.lexicon.cue(node.head.lemma_.lower(), "report"):
                break
            if node.head == node:
                break
            node, steps = node.head, steps + 1
        quote = self.quote_at(match.token.idx)
        if quote is None:
            return []
        found = []
        for token in self.doc.char_span(quote.start, quote.end, alignment_mode="expand") or ():
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ != "PRON":
                found.extend(self.np_sides(token))
        return _dedupe(found)


def _names_other_side(side: Side, sources: list[Side]) -> bool:
    """Whether a country (or a place's country) named under "in", or hit by force, is the
    event's other side: when it is foreign to every source ("Fornost's president appealed for
    peace IN Ithilen", "sought asylum IN Britain", "struck nine sites IN Pakistan"); a country's
    own actors acting in it only say where ("wants fewer people in the UK", "Nigerian troops
    attacked villages in Borno")."""
    country = side.ref.country
    return bool(country and sources) and all(
        s.ref.country and s.ref.country != country for s in sources)


def _sector_coded(ref: ActorRef, token: Token) -> ActorRef:
    """A person the tables don't know, whose title gives a sector but no country ("Gov. Phil
    Murphy", "Health Minister Katy Gallagher"): coded by the sector alone, as an agent of no
    country is ("---GOV", see ``DocActors.agent_at``); not when a possessor says whose title it
    is ("Gryffindor's head X"). Any other actor as it is."""
    if ref.code or ref.country or not ref.sector or ref.sector in PUBLIC_SECTORS \
            or not (ref.id or "").startswith(UNKNOWN_PERSON):
        return ref
    nouns = [token, token.head] if token.dep_ == "appos" else [token]
    if any(m.dep_ == "poss" and m.lower_ not in POSSESSIVES for n in nouns for m in n.subtree if m.i < n.i):
        return ref
    return replace(ref, code=agent_code(ref.sector))


def agent_only(ref: ActorRef) -> bool:
    """A role or group of no country ("police": ``---COP``, see ``DocActors.agent_at``)."""
    return ref.country is None and (ref.code or "").startswith(UNKNOWN_COUNTRY)


def _names_whose(noun: Token) -> bool:
    """Whether the phrase of ``noun`` says whose the group is, though not in a way we know: a
    name before it ("African leaders", "Rohingya Muslim insurgents", "the OWL standards
    committee"), a possessor ("Tobago's authorities"), a word of several countries ("world
    leaders"), an of/from-phrase ("the leaders of those countries") or a named place it is in
    ("officials in White House"); for coordinated nouns, what they share ("Danish media and
    government", "lawmakers and officials in Fornost"). Such a group has a country or several."""
    nouns = [noun, *(c for c in noun.children if c.dep_ == "conj")]
    if noun.dep_ == "conj":
        nouns.append(noun.head)
    return any(_modifier_names(m) for n in nouns for m in n.subtree if m.i < n.i) \
        or any(_phrase_names(p) for n in nouns for p in n.children if p.dep_ == "prep")


def _modifier_names(word: Token) -> bool:
    if word.dep_ == "poss":
        return word.lower_ not in POSSESSIVES
    return word.dep_ in ("amod", "compound", "nmod") and (
        word.text[:1].isupper() and not word.is_sent_start or word.ent_type_ in NAMED_ENTITIES
        or word.lower_ in MULTINATIONAL)


def _phrase_names(prep: Token) -> bool:
    if prep.lower_ in ("of", "from"):
        return True
    return prep.lower_ in ("in", "at") and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in prep.children)


def _shared_object(verb: Token) -> list[Token]:
    """The object a verb shares with the verb coordinated after it ("invaded and occupied
    Ukraine": Ukraine is what was invaded too), when that verb has no subject of its own."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        found = [c for c in conj.children if c.dep_ in ("dobj", "obj")]
        if found:
            return found
    return []


def _clause_objects(holders: list[Token], arcs: tuple[str, ...], verbs: frozenset[str]) -> list[Token]:
    """The objects of the clauses on ``holders`` (by ``arcs``) whose verb is one of ``verbs``."""
    return [o for t in holders for clause in t.children if clause.dep_ in arcs and clause.lemma_.lower() in verbs
            for o in clause.children if o.dep_ in ("dobj", "obj")]


def _make_as_verb(noun: Token) -> Token | None:
    """The verb of "held civilians as human shields" for the noun after "as" (MAKE_AS_VERBS)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj" or noun.head.lower_ != "as":
        return None
    edge = noun.left_edge
    if any(t.is_quote for t in noun.subtree) or (edge.i > 0 and edge.nbor(-1).is_quote):
        return None  # used her as a "human shield": a figure of speech
    verb = noun.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in MAKE_AS_VERBS:
        return None
    return verb


def _main_verb_as_participle(verb: Token) -> bool:
    """"The Iraqi air force carried out strikes" parsed with "carried" as a participle under its
    subject (the sentence's root): a participle with a direct object and no by-phrase, on the
    root noun, is the main verb ("strikes carried out by the army" has its agent)."""
    return (verb.tag_ == "VBN" and verb.head.dep_ == "ROOT"
            and any(c.dep_ in ("dobj", "obj") for c in verb.children)
            and not any(c.dep_ == "agent" for c in verb.children))


def _predicative(adjective: Token) -> bool:
    """"X is wrong", "X is a wrong one": the adjective says something of the clause's subject."""
    if adjective.dep_ in ("acomp", "attr", "ROOT"):
        return True
    return adjective.dep_ == "amod" and adjective.head.dep_ in ("attr", "acomp")


def _path_up(token: Token, top: Token) -> list[Token]:
    """Tokens from ``token`` up to (not including) ``top``; empty if ``top`` is not above it."""
    path, node = [], token
    while node != top:
        path.append(node)
        if node.head == node:
            return []
        node = node.head
    return path
