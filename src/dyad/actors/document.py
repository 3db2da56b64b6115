"""Find an article's actors in its spaCy Doc and group their mentions.

Reads: the Doc (tokens, entities, parse) of ``article.text`` and the actor tables. Adds: a
``DocActors`` whose actors carry every mention (char offsets into ``article.text``): names and
surnames, titles ("the Russian leader"), bodies ("Taiwan's foreign ministry"), seats of
government ("the Kremlin"), countries, compounds ("Russian and Chinese warships"), plural
anaphors ("the two countries") and pronouns (he/she/they -> the latest fitting subject).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dyad.actors.names import fold, slug
from dyad.actors.resolve import (
    UNIQUE_ROLES,
    Chunk,
    Context,
    Hit,
    Spec,
    absorb_parenthesis,
    by_spelling,
    chunks,
    given_name_fits,
    interpret,
    person_spec,
    unique_on,
)
from dyad.actors.resolve import scan as scan_words
from dyad.actors.tables import STATELESS_SECTORS, ActorTables, Entry, Person, Term, day_of
from dyad.records import Actor, ActorRef, Article, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Prepositions after which a country or capital is a place, not an actor ("talks in Moscow").
LOCATIVE = frozenset({"in", "at", "inside", "within", "near", "across", "throughout", "outside", "around",
                      "into", "via"})
#: Extra prepositions that make a capital or seat a place ("flew from Moscow", "arrived at the Kremlin").
SEAT_LOCATIVE = frozenset({"from", "to"})

#: A pronoun looks back this many sentences for its antecedent; further back it stays unresolved
#: rather than guess (news paragraphs are 1-3 sentences and pronouns rarely cross two).
PRONOUN_WINDOW = 3
#: "the two countries" looks back this many sentences for the pair it names.
GROUP_WINDOW = 6

SINGULAR_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "hers", "their", "theirs"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: "the two leaders", "both countries": a pair named just before.
_GROUP = re.compile(r"^(?:the )?(?:two|both|the two) (leaders|presidents|ministers|men|women|countries|nations|"
                    r"sides|governments|neighbours|neighbors|allies|capitals|powers)$")
_PERSON_GROUPS = frozenset({"leaders", "presidents", "ministers", "men", "women"})
_MONTHS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"})
#: spaCy labels that may hold an unknown outlet or body named right after its noun ("news agency Tasnim").
_ORG_LABELS = frozenset({"ORG", "PERSON", "GPE", "PRODUCT", "WORK_OF_ART", "NORP"})


@dataclass(frozen=True, slots=True)
class DocActors:
    """An article's actors with their mentions, and lookups by character span."""

    actors: tuple[Actor, ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False)
    _index: tuple[tuple[int, int, int, int], ...] = field(default=(), repr=False)  # start, end, actor, mention
    _longest: int = field(default=0, repr=False)  # the longest mention, in characters
    #: Demonyms that name no actor of their own ("Iranian attacks", "Russian shelling"): (start,
    #: end, ISO3). Not actors ("Russian gas" names no one); events read them for an event noun.
    adjectives: tuple[tuple[int, int, str], ...] = ()
    #: Role and group phrases of no country ("police", "protesters", "the rebels"): (start, end,
    #: sector, text). Not actors of the article (no one can say whose they are); events code
    #: them as PETRARCH and ICEWS do, by their sector alone (`agent_at`).
    agents: tuple[tuple[int, int, str, str], ...] = ()

    @classmethod
    def build(cls, actors: Sequence[Actor], adjectives: Sequence[tuple[int, int, str]] = (),
              agents: Sequence[tuple[int, int, str, str]] = ()) -> DocActors:
        rows = sorted((m.start, m.end, a, k) for a, actor in enumerate(actors) for k, m in enumerate(actor.mentions))
        longest = max((end - start for start, end, _, _ in rows), default=0)
        return cls(tuple(actors), tuple(r[0] for r in rows), tuple(rows), longest, tuple(adjectives),
                   tuple(agents))

    def country_adjective_at(self, start: int, end: int) -> str | None:
        """The country of a demonym that names no actor, lying inside ``[start, end)``."""
        return next((iso3 for a, b, iso3 in self.adjectives if start <= a and b <= end), None)

    def agent_at(self, start: int, end: int) -> ActorRef | None:
        """The phrase of no country covering ``[start, end)`` ("police", "Protesters"), as an
        actor of its sector alone: code ``---COP`` (PETRARCH's unknown country), no country."""
        for a, b, sector, text in self.agents:
            if a <= start and end <= b:
                return ActorRef(name=text, code=agent_code(sector), country=None, sector=sector,
                                id=f"agent:{sector}", mention=Mention(text, a, b))
        return None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor one of whose mentions overlaps ``[start, end)`` most (ties: the shorter mention)."""
        best: tuple[int, int, int] | None = None
        stop = bisect.bisect_left(self._starts, end)
        # a mention starting more than the longest mention's length before ``start`` ends before
        # it: looking only from there keeps a long article's lookups from being quadratic
        first = bisect.bisect_left(self._starts, start - self._longest, 0, stop)
        for m_start, m_end, a, _k in self._index[first:stop]:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap <= 0:
                continue
            score = (overlap, -(m_end - m_start), -a)
            if best is None or score > best:
                best = score
        return self.actors[-best[2]] if best is not None else None

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Actor]]:
        """Mentions lying inside ``[start, end)``, in text order."""
        lo = bisect.bisect_left(self._starts, start)
        out = []
        for m_start, m_end, a, k in self._index[lo:]:
            if m_start >= end:
                break
            if m_end <= end:
                out.append((self.actors[a].mentions[k], self.actors[a]))
        return out


@dataclass(slots=True)
class _Found:
    """One interpreted chunk: where it is, what it names, and its role in the sentence."""

    chunk: Chunk
    specs: list[Spec]
    sent: int
    subject: bool
    root: int                      # word index of the chunk's syntactic head
    quoted: bool = False


@dataclass(slots=True)
class _Words:
    """The Doc's non-space tokens as folded words, with maps back to tokens."""

    tokens: list[Token]
    words: list[str]
    spaced: list[bool]
    of_token: dict[int, int]       # token.i -> word index
    sent: list[int]                # sentence number of each word
    quoted: list[bool]             # inside quotation marks


def _words(doc: Doc, text: str) -> _Words:
    tokens = [t for t in doc if not t.is_space]
    words = [fold(t.text) or t.text for t in tokens]
    spaced = []
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        spaced.append(bool(tok.whitespace_) or (nxt is not None and nxt.i != tok.i + 1))
    of_token = {t.i: k for k, t in enumerate(tokens)}
    sent_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        sent_of[sent.start:sent.end] = [n] * (sent.end - sent.start)
    sents = [sent_of[t.i] for t in tokens]
    quoted, inside, prev = [], False, None
    for k, tok in enumerate(tokens):
        if prev is not None and "\n" in text[prev.idx + len(prev):tok.idx]:
            inside = False  # a paragraph break closes any open quotation
        if words[k] == '"':
            inside = not inside
            quoted.append(True)
        else:
            quoted.append(inside)
        prev = tok
    return _Words(tokens, words, spaced, of_token, sents, quoted)


def _span_of(w: _Words, first: int, last: int) -> tuple[int, int]:
    start = w.tokens[first].idx
    end_tok = w.tokens[last - 1]
    return start, end_tok.idx + len(end_tok.text)


def _ent_words(w: _Words, ent: Span) -> tuple[int, int] | None:
    inside = [w.of_token[t.i] for t in ent if t.i in w.of_token]
    return (inside[0], inside[-1] + 1) if inside else None


def _hits(doc: Doc, w: _Words, tables: ActorTables, day: str) -> list[Hit]:
    """Table hits, then surnames settled, then spaCy's unknown persons and unknown outlets."""
    hits = scan_words(w.words, w.spaced, tables)
    persons_ents = [r for r in (_ent_words(w, e) for e in doc.ents if e.label_ == "PERSON") if r]

    person_starts = [a for a, _ in persons_ents]  # doc.ents are sorted and never overlap

    def inside_person(h: Hit) -> bool:
        k = bisect.bisect_right(person_starts, h.first) - 1
        if k < 0:
            return False
        a, b = persons_ents[k]
        return h.last <= b and (b - a) > (h.last - h.first)

    # "George Washington", "Jordan Bardella": a place name inside a longer person name is the person
    hits = [h for h in hits if not (h.kind in ("country", "metonym", "adjective", "people", "place")
                                    and inside_person(h))]
    present = {h.person.key: h.person for h in hits if h.kind == "person" and h.person}
    settled: list[Hit] = []
    for h in hits:
        if h.kind != "surname":
            settled.append(h)
            continue
        title = settled[-1].term if settled and settled[-1].kind == "term" and settled[-1].last == h.first else None
        person = _settle(h, w, present, day) or _titled_surname(h, title)
        if person is not None:
            settled.append(Hit("person", h.first, h.last, entry=Entry("person", person), text=h.text))
            present.setdefault(person.key, person)
        elif inside_person(h) or w.tokens[h.first].ent_type_ == "PERSON":
            k = bisect.bisect_right(person_starts, h.first) - 1
            a, b = persons_ents[k] if k >= 0 and persons_ents[k][1] >= h.last else (h.first, h.last)
            if settled and settled[-1].last > a:
                a = h.first   # the entity's start is already taken by another hit
            # "Maria Delgado" is an unknown person, not an unknown "Delgado"
            settled.append(Hit("unknown", a, b, text=" ".join(w.words[a:b])))
    hits = settled
    covered = _covered(hits, len(w.words))
    hits.extend(_acronyms(w, hits, covered))
    for a, b in persons_ents:
        if any(covered[a:b]):
            continue
        text = " ".join(w.words[a:b])
        if not _plausible_name(text):
            continue
        person = by_spelling(tables, text)
        if person is not None:   # "Mohamed Morsy": a known person spelled another way
            hits.append(Hit("person", a, b, entry=Entry("person", person), text=text))
        else:
            hits.append(Hit("unknown", a, b, text=text))
        covered[a:b] = [True] * (b - a)
    hits.extend(_unknown_surnames(w, hits, covered))
    hits.extend(_unknown_outlets(doc, w, hits, covered))
    hits.sort(key=lambda h: h.first)
    return hits


def _settle(h: Hit, w: _Words, present: dict[str, Person], day: str) -> Person | None:
    """Who a lone surname is: a person the article names in full, else the one in office on the day."""
    tok = w.tokens[h.first]
    if tok.ent_type_ in ("DATE", "TIME", "MONEY") or (h.text in _MONTHS and tok.ent_type_ != "PERSON"):
        return None  # "in May" is not Theresa May
    if h.first > 0 and w.words[h.first - 1] == "-":
        return None  # "Kilroy-Silk" is not a Silk
    named = [p for p in h.people if p.key in present]
    if named:
        return named[0]
    if h.first > 0 and w.tokens[h.first - 1].pos_ == "PROPN" \
            and not any(given_name_fits(p, w.words, h.first) for p in h.people):
        return None   # "Jimmy Carter" is not Ash Carter
    if tok.pos_ != "PROPN":
        return None
    return unique_on([p for p in h.people if any(t.covers(day) for t in p.tenures)] or [], day)


def _titled_surname(h: Hit, title: Term | None) -> Person | None:
    """"President Obama" in an article dated after his term: the only bearer of the surname who
    ever held the title (coded then by their role on the day: ``ELI`` once it ended). Only for
    roles one person holds at a time ("President Bush" has two: no one)."""
    if title is None or title.kind != "person" or title.canonical not in UNIQUE_ROLES or h.first == 0:
        return None
    held = [p for p in h.people if any(t.canonical == title.canonical for t in p.tenures)]
    return held[0] if len(held) == 1 else None


def _plausible_name(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and text[:1].isupper() and not text.isupper() and len(text.split()) <= 5 \
        and not any(c.isdigit() for c in text)


def _covered(hits: Sequence[Hit], n: int) -> list[bool]:
    covered = [False] * n
    for h in hits:
        covered[h.first:h.last] = [True] * (h.last - h.first)
    return covered


#: Kinds of named bodies whose "(ACRONYM)" stands for them later in the article.
_ACRONYM_KINDS = frozenset({"org", "igo", "media"})


def _acronyms(w: _Words, hits: Sequence[Hit], covered: list[bool]) -> list[Hit]:
    """"the Palestinian Authority (PA) ... with the PA": an acronym the article defines in brackets
    after a body it names stands for that body wherever it appears (the tables need not know it)."""
    defined: dict[str, Hit] = {}
    for h in hits:
        k = h.last
        if h.kind in _ACRONYM_KINDS and h.entry is not None and k + 2 < len(w.words) \
                and w.words[k] == "(" and w.words[k + 2] == ")" and not covered[k + 1]:
            word = w.words[k + 1]
            if 2 <= len(word) <= 6 and word.isalpha() and word.isupper():
                defined.setdefault(word, h)
    out = []
    for k, word in enumerate(w.words):
        h = defined.get(word)
        if h is not None and not covered[k]:
            out.append(Hit(h.kind, k, k + 1, entry=h.entry, text=word))
            covered[k] = True
    return out


def _unknown_surnames(w: _Words, hits: Sequence[Hit], covered: list[bool]) -> list[Hit]:
    """Later "Price" after "Ned Price" when spaCy missed it."""
    families = {h.text.split()[-1]: h.text for h in hits if h.kind == "unknown" and len(h.text.split()) > 1}
    out = []
    for k, word in enumerate(w.words):
        if not covered[k] and word in families and w.tokens[k].pos_ == "PROPN":
            out.append(Hit("unknown", k, k + 1, text=word))
            covered[k] = True
    return out


def _unknown_outlets(doc: Doc, w: _Words, hits: Sequence[Hit], covered: list[bool]) -> list[Hit]:
    """An unknown name right after a body noun: "news agency Tasnim", "state broadcaster KRT"."""
    starts = {}
    for ent in doc.ents:
        if ent.label_ in _ORG_LABELS:
            span = _ent_words(w, ent)
            if span:
                starts[span[0]] = span
    out = []
    for h in hits:
        if h.kind == "term" and h.term and h.term.kind == "body" and h.last in starts:
            a, b = starts[h.last]
            if not any(covered[a:b]) and w.words[a][:1].isupper():
                out.append(Hit("orgname", a, b, text=" ".join(w.words[a:b])))
                covered[a:b] = [True] * (b - a)
    return out


def _own_article(w: _Words, chunk: Chunk) -> None:
    """Keep a leading "the"/"a" only when it belongs to the chunk: not in "the SCO summit"."""
    if chunk.hits and chunk.first < chunk.hits[0].first:
        det = w.tokens[chunk.first]
        inside = {w.tokens[k].i for k in range(chunk.first + 1, chunk.last)}
        if det.head.i not in inside:
            chunk.first += 1


def _root(w: _Words, first: int, last: int) -> int:
    """Word index of the chunk's syntactic head: its token whose head lies outside the chunk."""
    inside = {w.tokens[k].i for k in range(first, last)}
    for k in range(last - 1, first - 1, -1):
        if w.tokens[k].head.i not in inside or w.tokens[k].head.i == w.tokens[k].i:
            return k
    return last - 1


def _is_subject(tok: Token) -> bool:
    if tok.dep_ in SUBJECT_DEPS:
        return True
    if tok.dep_ in ("conj", "appos") and tok.head.dep_ in SUBJECT_DEPS:
        return True
    return tok.dep_ == "appos" and tok.head.dep_ == "conj" and tok.head.head.dep_ in SUBJECT_DEPS


def _locative(w: _Words, chunk: Chunk, kind: str) -> bool:
    """A country or seat named as a place ("in Ukraine", "at the Kremlin") rather than as an actor."""
    before = w.words[chunk.first - 1].lower() if chunk.first > 0 else ""
    preps = LOCATIVE | (SEAT_LOCATIVE if kind in ("metonym", "igo_metonym") else frozenset())
    if before in preps:
        return True
    root = w.tokens[_root(w, chunk.first, chunk.last)]
    return root.dep_ == "pobj" and root.head.lower_ in preps


class _Article:
    """The state of one find_actors run: what has been found so far, in text order."""

    def __init__(self, doc: Doc, text: str, tables: ActorTables, day: str) -> None:
        self.doc = doc
        self.text = text
        self.tables = tables
        self.day = day
        self.w = _words(doc, text)
        self.found: list[_Found] = []
        self.people: list[tuple[int, Person]] = []     # (word index, person) of named persons
        self.titled: list[tuple[int, Spec, Term]] = []  # unknown persons with a title ("Iranian President X")
        self.mentions: dict[str, list[tuple[int, int]]] = {}
        self.specs: dict[str, Spec] = {}
        self.order: list[str] = []

    # -- lookups for "the Russian leader"
    def present(self, country: str, canonical: str, day: str, before: int = 0) -> Spec | None:
        """The person the article names who holds ``canonical`` (any head role for "leader") in
        ``country`` on the day: the latest one named before ``before``, else the first after.
        Persons missing from the tables count through the title the article gives them."""
        def fits(person: Person) -> bool:
            return any(t.country == country and t.covers(day)
                       and (canonical == "leader" and t.leader or t.canonical == canonical) for t in person.tenures)

        known = [(k, person_spec(p, day)) for k, p in self.people if fits(p)]
        titled = [(k, spec) for k, spec, term in self.titled
                  if spec.country == country and (canonical == "leader" and term.leader or term.canonical == canonical)]
        candidates = sorted(known + titled, key=lambda c: c[0])
        earlier = [spec for k, spec in candidates if k < before]
        if earlier:
            return earlier[-1]
        later = [spec for k, spec in candidates if k >= before]
        return later[0] if later else None

    def add(self, spec: Spec, span: tuple[int, int]) -> None:
        key = spec.id
        if key not in self.specs:
            self.specs[key] = spec
            self.order.append(key)
        if span not in self.mentions.setdefault(key, []):
            self.mentions[key].append(span)


def _unknown_ids(found: list[_Found]) -> dict[str, str]:
    """Map "name:price" to "name:ned-price" when the article names the unknown person in full."""
    full: dict[str, str] = {}
    for f in found:
        for s in f.specs:
            if s.kind == "unknown" and len(s.name.split()) > 1:
                full.setdefault(s.name.split()[-1], s.id)
    return {f"name:{slug(last)}": ident for last, ident in full.items()}


def find_actors(doc: Doc, article: Article, tables: ActorTables) -> DocActors:
    """Find and group the actors of ``article`` (whose text ``doc`` was parsed from).

    Reads the Doc's tokens, entities and parse; codes each actor as of ``article.published``
    (tables' current roles when it is None). Returns a ``DocActors``.
    """
    day = day_of(article.published)
    state = _Article(doc, _text(doc, article), tables, day)
    w = state.w
    hits = _hits(doc, w, tables, day)
    state.people = [(h.first, h.person) for h in hits if h.kind == "person" and h.person]
    groups = chunks(w.words, hits, _modifiers(w, hits), _attached_preps(w))
    merged: list[Chunk] = []
    empty: list[_Found] = []     # role or body phrases with no country of their own
    adjectives: list[tuple[int, int, str]] = []   # demonyms alone: "Iranian attacks"
    for chunk in groups:
        _own_article(w, chunk)
        if merged and len(chunk.hits) == 1 and absorb_parenthesis(w.words, merged[-1], chunk.hits[0]):
            continue
        merged.append(chunk)

    for chunk in merged:
        context = Context(present=lambda c, r, d, _b=chunk.first: state.present(c, r, d, _b))
        specs = interpret(chunk, w.words, tables, day, context)
        head = chunk.hits[0]
        if len(chunk.hits) == 1 and head.kind == "place":
            continue  # "Herat", "Kano": a place alone in running text is where, not who
        if not specs and len(chunk.hits) == 1 and head.kind == "adjective" and head.country is not None:
            adjectives.append((*_span_of(w, head.first, head.last), head.country.iso3))
            continue
        if len(chunk.hits) == 1 and head.kind in ("country", "metonym", "igo_metonym", "people") \
                and _locative(w, chunk, head.kind):
            continue
        root = _root(w, chunk.first, chunk.last)
        found = _Found(chunk, specs, w.sent[chunk.first], _is_subject(w.tokens[root]), root,
                       w.quoted[chunk.first])
        if not specs:
            specs = found.specs = _anaphoric_title(state, chunk)
        if specs:
            state.found.append(found)
            titles = [h.term for h in chunk.terms if h.term and h.term.kind == "person"]
            if titles and len(specs) == 1 and specs[0].kind == "unknown" and specs[0].country:
                state.titled.append((chunk.first, specs[0], titles[-1]))
        elif chunk.terms and chunk.head is None and not chunk.tails:
            empty.append(found)
    _story_country(state, empty, [(w.sent[h.first], h.country.iso3) for h in hits if h.country is not None])
    agents = _agents(state, [f for f in empty if not f.specs])   # the ones no story country took
    _appositions(state)

    rename = _unknown_ids(state.found)
    for f in state.found:
        f.specs = [_renamed(s, rename, state) for s in f.specs]
        span = _span_of(w, f.chunk.first, f.chunk.last)
        for spec in f.specs:
            state.add(spec, span)
    _group_phrases(state)
    _pronouns(state)
    return DocActors.build(_actors(state), adjectives, agents)


#: What stands for the country of a role or group whose country no one can tell (PETRARCH's
#: "---GOV", "---REB"): the code is this and the sector.
UNKNOWN_COUNTRY = "---"


def agent_code(sector: str) -> str:
    """The code of a role or group of no country: "---COP"."""
    return UNKNOWN_COUNTRY + sector


def _agents(state: _Article, left: list[_Found]) -> list[tuple[int, int, str, str]]:
    """Role and group phrases of no country that stayed so ("police", "the rebels", "critics"):
    their spans and the sector of their head noun (a modifier or a role that takes its sector
    from someone, "a spokesman", gives none)."""
    out = []
    for f in left:
        head = f.chunk.terms[-1].term
        if head is None or not head.sector or head.kind == "modifier" or head.sector in STATELESS_SECTORS:
            continue
        start, end = _span_of(state.w, f.chunk.first, f.chunk.last)
        out.append((start, end, head.sector, state.text[start:end]))
    return out


#: Dependency labels of a word that modifies the noun after it inside one noun phrase.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "quantmod"})


def _modifiers(w: _Words, hits: Sequence[Hit]) -> frozenset[int]:
    """Words no table knows that only modify a known noun after them ("EU trade commissioner",
    "two Chinese warplanes"): the phrase goes on across them."""
    covered = _covered(hits, len(w.words))
    out: set[int] = set()
    for k in range(len(w.tokens) - 1, -1, -1):   # right to left: "foreign affairs spokesman"
        tok = w.tokens[k]
        if covered[k] or tok.dep_ not in _MODIFIER_DEPS or tok.head.i <= tok.i:
            continue
        head = w.of_token.get(tok.head.i)
        if head is not None and (covered[head] or head in out) and (w.words[k][:1].islower() or tok.like_num):
            out.add(k)
    return frozenset(out)


def _attached_preps(w: _Words) -> frozenset[int]:
    """Word indices of "in"/"from" whose phrase modifies the noun right before it ("protesters
    in Kosovo"), not the verb ("withdrew troops from Syria", "arrested workers in Haiti" are
    read the same way by the parser only when the phrase hangs on the noun)."""
    out = set()
    for k, tok in enumerate(w.tokens):
        if k == 0 or tok.lower_ not in ("in", "from") or tok.dep_ != "prep":
            continue
        before = w.tokens[k - 1]
        if tok.head.i == before.i and before.pos_ in ("NOUN", "PROPN"):
            out.add(k)
    return frozenset(out)


#: Sectors of the state, which a story about one country means when it says "the government",
#: "the army", "a member of parliament"; civilians, refugees or protesters may be anyone's.
STORY_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
#: Of those, the ones a story about several countries means by "the military" or "the police":
#: the forces of where the story happens. Not "the government" or "parliament": a British story
#: about Iraq says "the government" for its own, which it need not name.
FORCE_SECTORS = frozenset({"MIL", "COP"})


def _story_country(state: _Article, empty: list[_Found], named: list[tuple[int, str]]) -> None:
    """"the government", "his Cabinet", "a member of parliament": a role or body with no country
    of its own takes the owner a possessive pronoun points to, else the story's country: in a
    story about one country (the only country the article names, as actor or place), that
    country; in a story about several, for the military or the police, the country the article
    names most, in a sentence that names no other ("Nigerien President Bazoum has been held by
    the military" in a story naming Niger more than any other country; not "the US condemned the
    coup in which the military seized power")."""
    if not empty:
        return
    countries = {c for _, c in named} | {s.country for f in state.found for s in f.specs if s.country}
    if len(countries) == 1:
        story, main = state.tables.countries.get(next(iter(countries))), None
    else:
        story, main = None, _most_named(named)
    w = state.w
    for f in empty:
        chunk = f.chunk
        before = w.words[chunk.first - 1].lower() if chunk.first > 0 else ""
        here = story
        if here is None and main is not None and _sentence_countries(state, named, f.sent) == {main} \
                and all(h.term is None or h.term.sector in FORCE_SECTORS and h.term.kind == "body"
                        for h in chunk.terms):
            here = state.tables.countries.get(main)
        country = None
        if before in POSSESSIVE_PRONOUNS and w.tokens[chunk.first - 1].pos_ == "PRON":
            owners = _antecedent(state, chunk.first - 1, before)
            owned = {s.country for s in owners if s.country}
            if len(owned) == 1:
                country = state.tables.countries.get(next(iter(owned)))
        elif here is not None and not any(h.kind in ("org", "igo", "media") for h in chunk.hits) \
                and w.words[chunk.first].lower() in ("the", "a", "an") \
                and all(h.term is None or h.term.sector in STORY_SECTORS or h.term.sector is None for h in chunk.terms) \
                and any(h.term is not None and h.term.sector in STORY_SECTORS for h in chunk.terms):
            country = here   # "the government", "a member of parliament"; not "civilians"
        if country is None:
            continue
        tail = Hit("country", chunk.last, chunk.last, entry=Entry("country", country), text=country.name)
        probe = Chunk(list(chunk.hits), chunk.first, chunk.last, [tail])
        specs = interpret(probe, w.words, state.tables, state.day,
                          Context(present=lambda c, r, d, _b=chunk.first: state.present(c, r, d, _b)))
        if specs:
            f.specs = specs
            state.found.append(f)
    state.found.sort(key=lambda x: x.chunk.first)


def _sentence_countries(state: _Article, named: list[tuple[int, str]], sent: int) -> set[str]:
    """The countries sentence ``sent`` names, as countries, places or actors' countries."""
    return {c for k, c in named if k == sent} | {s.country for f in state.found if f.sent == sent
                                                  for s in f.specs if s.country}


def _most_named(named: list[tuple[int, str]]) -> str | None:
    """The country (ISO3) the article names more often than any other, if one does."""
    counts = Counter(c for _, c in named).most_common(2)
    if not counts or len(counts) > 1 and counts[0][1] == counts[1][1]:
        return None
    return counts[0][0]


#: Words between the two sides of an apposition ("Brad Adams, from Human Rights Watch").
_APPOSITION_GAP = frozenset({",", "the", "a", "an", "from", "of", "-", "--", "(", ")", "who", "is"})


def _appositions(state: _Article) -> None:
    """A name the tables don't know beside a title or body that has a code ("Brad Adams, from the
    UK's Human Rights Watch", "An EU spokesman, Anthony Gooch"): the name takes that code."""
    found = state.found
    w = state.w
    for a, b in zip(found, found[1:], strict=False):
        if a.sent != b.sent or len(a.specs) != 1 or len(b.specs) != 1:
            continue
        gap = [x.lower() for x in w.words[a.chunk.last:b.chunk.first]]
        if not gap or gap[0] != "," or any(x not in _APPOSITION_GAP for x in gap):
            continue
        for name_side, title_side in ((a, b), (b, a)):
            spec, title = name_side.specs[0], title_side.specs[0]
            if spec.kind == "unknown" and spec.code is None and title.code and \
                    title.kind in ("title", "body", "org", "igo", "media"):
                name_side.specs = [Spec(spec.id, spec.name, title.code, title.country, title.sector,
                                        title.role if title.kind == "title" else spec.role, "unknown")]
                break


def _text(doc: Doc, article: Article) -> str:
    """The text the Doc was parsed from: ``article.text`` (``Doc.text`` is rebuilt on every access)."""
    if len(doc) == 0:
        return article.text
    last = doc[-1]
    if last.idx + len(last.text_with_ws) == len(article.text):
        return article.text
    return doc.text


def _anaphoric_title(state: _Article, chunk: Chunk) -> list[Spec]:
    """"the president said", "the ministry added": the latest actor of that kind named just before.

    Only a definite, singular title with no country of its own, and only within GROUP_WINDOW
    sentences; a person title needs the person's role on the day to match it."""
    w = state.w
    terms = chunk.terms
    if not terms or chunk.head is not None or chunk.tails or terms[-1].plural or len(chunk.hits) != len(terms) \
            or w.words[chunk.first].lower() != "the":
        return []
    term = terms[-1].term
    assert term is not None
    sent = w.sent[chunk.first]
    for f in reversed(state.found):
        if sent - f.sent > GROUP_WINDOW:
            break
        if len(f.specs) != 1 or f.quoted:
            continue
        spec = f.specs[0]
        if term.kind == "person" and spec.kind in ("person", "unknown") and spec.role:
            role = state.tables.canonical_role(spec.role)
            if role and (role.canonical == term.canonical or term.canonical == "leader" and role.leader):
                return [spec]
        if term.kind == "body" and spec.kind == "body" and spec.id.endswith(slug(term.canonical)):
            return [spec]
        if term.kind == "body" and spec.kind == "body" and spec.name.lower().endswith(terms[-1].text.lower()):
            return [spec]
    return []


def _renamed(spec: Spec, rename: dict[str, str], state: _Article) -> Spec:
    target = rename.get(spec.id)
    if target is None or target == spec.id:
        return spec
    for f in state.found:
        for s in f.specs:
            if s.id == target:
                return s
    return spec


def _actors(state: _Article) -> list[Actor]:
    text = state.text
    out = []
    for key in sorted(state.order, key=lambda k: min(state.mentions[k])):
        spans = sorted(state.mentions[key])
        mentions = tuple(Mention(text[a:b], a, b) for a, b in spans)
        out.append(state.specs[key].actor(mentions))
    return out


# ------------------------------------------------------------------------- plurals and pronouns

def _groups_before(state: _Article, word: int, persons: bool | None) -> list[tuple[int, bool, list[Spec]]]:
    """Pairs and lists named together ("Putin and Xi", "China and Russia") before ``word``, latest
    first, as (sentence, named as a subject, specs)."""
    found = [f for f in state.found if f.chunk.last <= word and not f.quoted]
    groups: list[tuple[int, int, bool, list[Spec]]] = []
    run: list[_Found] = []
    for f in found:
        if run and w_between(state, run[-1], f) in (("and",), (",",), (",", "and")):
            run.append(f)
        else:
            run = [f]
        if len(run) < 2:
            continue
        specs = [s for member in run for s in member.specs]
        if persons is True and not all(s.kind in ("person", "unknown") for s in specs):
            continue
        if persons is False and not all(s.kind in ("country", "seat") for s in specs):
            continue
        groups.append((f.chunk.last, run[0].sent, run[0].subject, specs))
    if persons is None:
        for f in found:
            if len(f.specs) > 1:  # a compound chunk: "Russian and Chinese warships"
                groups.append((f.chunk.last, f.sent, f.subject, f.specs))
    groups.sort(key=lambda g: g[0], reverse=True)
    return [(g[1], g[2], g[3]) for g in groups]


def w_between(state: _Article, a: _Found, b: _Found) -> tuple[str, ...]:
    return tuple(x.lower() for x in state.w.words[a.chunk.last:b.chunk.first])


def _pair(state: _Article, word: int, persons: bool) -> list[Spec]:
    sent = state.w.sent[word]
    for group_sent, _subject, group in _groups_before(state, word, persons):
        if sent - group_sent > GROUP_WINDOW:
            break
        if len({s.id for s in group}) >= 2:
            return list({s.id: s for s in group}.values())
    return []


def _group_phrases(state: _Article) -> None:
    """"the two countries" / "both nations": no table word, matched on the words themselves."""
    words = [x.lower() for x in state.w.words]
    taken = {k for f in state.found for k in range(f.chunk.first, f.chunk.last)}
    for k in range(len(words) - 1):
        if words[k] not in ("the", "two", "both"):
            continue
        for size in (3, 2):
            text = " ".join(words[k:k + size])
            m = _GROUP.match(text)
            if not m or any(j in taken for j in range(k, k + size)):
                continue
            specs = _pair(state, k, persons=m.group(1) in _PERSON_GROUPS)
            span = _span_of(state.w, k, k + size)
            for spec in specs:
                state.add(spec, span)
            if specs:
                root = _root(state.w, k, k + size)
                chunk = Chunk([], k, k + size)
                state.found.append(_Found(chunk, specs, state.w.sent[k], _is_subject(state.w.tokens[root]), root))
                taken.update(range(k, k + size))
            break
    state.found.sort(key=lambda f: f.chunk.first)


def _pronouns(state: _Article) -> None:
    """he/she/his -> the latest person subject (a possessive prefers its own sentence's subject);
    they/their -> the latest pair or compound named as a subject. Quoted speech is left alone."""
    w = state.w
    for k, word in enumerate(w.words):
        lower = word.lower()
        if w.quoted[k] or (lower not in SINGULAR_PRONOUNS and lower not in PLURAL_PRONOUNS):
            continue
        if w.tokens[k].pos_ != "PRON":
            continue
        specs = _antecedent(state, k, lower)
        span = _span_of(w, k, k + 1)
        for spec in specs:
            state.add(spec, span)


def _antecedent(state: _Article, k: int, pronoun: str) -> list[Spec]:
    w = state.w
    sent = w.sent[k]
    before = [f for f in state.found if f.chunk.last <= k and not f.quoted and sent - f.sent <= PRONOUN_WINDOW]
    if pronoun in PLURAL_PRONOUNS:
        for group_sent, subject, group in _groups_before(state, k, None):
            if sent - group_sent > PRONOUN_WINDOW:
                break
            if subject:
                return list({s.id: s for s in group}.values())
        plural = [f for f in before if f.subject and (len(f.specs) > 1 or any(s.plural for s in f.specs))]
        return plural[-1].specs if plural else []
    persons = [f for f in before if len(f.specs) == 1 and f.specs[0].kind in ("person", "unknown")]
    if not persons:
        return []
    same = [f for f in persons if f.sent == sent]
    subjects = [f for f in persons if f.subject]
    if pronoun in POSSESSIVE_PRONOUNS:
        same_subjects = [f for f in same if f.subject]
        if same_subjects:
            return same_subjects[-1].specs
        if same:
            return same[-1].specs
    if pronoun in ("him", "himself", "her", "herself") and pronoun not in POSSESSIVE_PRONOUNS:
        own = {s.id for f in same if f.subject for s in f.specs}
        others = [f for f in same if not f.subject and f.specs[0].id not in own]
        if others:
            return others[-1].specs
        subjects = [f for f in subjects if f.specs[0].id not in own]
    return subjects[-1].specs if subjects else []
