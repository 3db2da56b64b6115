"""From words to actors: the gazetteer scan, the noun-phrase chunks it builds, and what a chunk
names on a date. Shared by ``ActorTables.resolve`` (a free string) and ``find_actors`` (a Doc).

A chunk is a run of table hits such as ``[the] [Russian] [Defense Ministry]`` or
``[Chinese] [state broadcaster] [CCTV]``: modifiers (countries, demonyms, seats of government,
named bodies before a role), role and body nouns, at most one named head, and tails
(``of Belarus``, ``in Moscow``, ``(SCO)``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dyad.actors.names import PARTICLES, fold, name_key, slug, translit_key
from dyad.actors.tables import (
    FORMER_SECTOR,
    STATELESS_SECTORS as STATELESS,
    ActorTables,
    Body,
    Country,
    Entry,
    Person,
    Tenure,
    Term,
    _first_word,
    code_for,
    day_of,
)
from dyad.records import Actor, Mention

#: Longest name in tokens ("Office of the UN High Commissioner for Human Rights" is 10 with
#: spaCy's tokens); longer candidate spans are never looked up.
MAX_NAME_TOKENS = 12

#: Roles one person holds per country at a time: "the Armenian prime minister" names the holder
#: on the date even when the article never names them. Other roles ("minister", "official",
#: "leader") have many holders and name a person only through the article.
UNIQUE_ROLES = frozenset({
    "president", "vice president", "prime minister", "chancellor", "supreme leader", "monarch", "crown prince",
    "general secretary", "foreign minister", "defense minister", "interior minister", "finance minister",
})

#: Sectors a role takes from no one: a "Kremlin critic" is opposition, not government.
ADVERSARIAL_SECTORS = frozenset({"OPP", "REB"})

#: Sector of a nation's people named by a plural demonym ("Russians", "the Turks").
PEOPLE_SECTOR = "CVL"

#: Sector of a role whose phrase names none ("a US official", "a Chinese spokesman").
DEFAULT_ROLE_SECTOR = "GOV"

#: Tie-break among tenures held on one day: heads of state/government first, then this order.
SECTOR_RANK = {"GOV": 0, "MIL": 1, "LEG": 2, "JUD": 3, "IGO": 4}

#: Kinds of a named head, in the order a key's entries are preferred.
NAMED_KINDS = ("person", "org", "igo", "media", "metonym", "igo_metonym", "country", "people", "adjective", "place",
               "term")
HEAD_KINDS = frozenset({"person", "org", "igo", "media", "unknown", "orgname", "surname"})
COUNTRYISH = frozenset({"country", "adjective", "metonym", "people", "place"})
_INITIAL = re.compile(r"^[A-Z]\.$")
#: Words a generated (case-free) name may hold in lower case inside a capitalised run.
_NAME_GLUE = frozenset({"of", "the", "and", "for", "de", "del", "la", "le", "al", "el", "bin", "ibn", "du", "da",
                        "van", "von", "der", "des", "in", "on", "y", "e", "-", "&", "'s", "(", ")"})
DETERMINERS = frozenset({"the", "a", "an"})


@dataclass(slots=True)
class Hit:
    """A run of words the tables know: ``kind`` and ``entry`` (a name) or ``term`` (a vocabulary word)."""

    kind: str                 # an Entry kind, "term", "surname", "unknown" or "orgname"
    first: int                # word index, inclusive
    last: int                 # word index, exclusive
    entry: Entry | None = None
    term: Term | None = None
    plural: bool = False
    people: tuple[Person, ...] = ()   # surname candidates
    text: str = ""

    @property
    def country(self) -> Country | None:
        target = self.entry.target if self.entry else None
        return target if isinstance(target, Country) else None

    @property
    def body(self) -> Body | None:
        target = self.entry.target if self.entry else None
        return target if isinstance(target, Body) else None

    @property
    def person(self) -> Person | None:
        target = self.entry.target if self.entry else None
        return target if isinstance(target, Person) else None


@dataclass(slots=True)
class Chunk:
    hits: list[Hit]
    first: int                                  # word span, det and tails included
    last: int
    tails: list[Hit] = field(default_factory=list)   # countries after "of" / "in"
    compound: bool = False                      # "Russian and Chinese ..." modifiers

    @property
    def head(self) -> Hit | None:
        """The named thing the chunk is about: its last named hit when no role noun follows it."""
        core = self.hits
        if core and core[-1].kind in HEAD_KINDS and not self.owned:
            return core[-1]
        return None

    @property
    def owned(self) -> bool:
        """"a spokesman for Mr Blair": a role, then the person it works for."""
        if len(self.hits) < 2 or self.hits[-1].kind not in ("person", "surname"):
            return False
        before = [h for h in self.hits[:-1] if not (h.term is not None and h.term.kind == "modifier")]
        return bool(before) and all(h.kind == "term" and h.term is not None and h.term.kind == "person"
                                    for h in before) and before[-1].last < self.hits[-1].first - 1

    @property
    def terms(self) -> list[Hit]:
        return [h for h in self.hits if h.kind == "term" and h.term and h.term.kind != "modifier"]


@dataclass(frozen=True, slots=True)
class Spec:
    """One actor a chunk names (a compound chunk names several)."""

    id: str
    name: str
    code: str | None
    country: str | None
    sector: str | None
    role: str | None
    kind: str                    # person unknown country seat igo media org body title
    person: Person | None = None
    plural: bool = False

    def actor(self, mentions: tuple[Mention, ...] = ()) -> Actor:
        return Actor(id=self.id, name=self.name, code=self.code, country=self.country, sector=self.sector,
                     role=self.role, mentions=mentions)


# ------------------------------------------------------------------------------------------ scan

def scan(words: Sequence[str], spaced: Sequence[bool], tables: ActorTables) -> list[Hit]:
    """Longest table matches over ``words`` (folded, case kept), left to right, not overlapping.

    ``spaced[i]`` says whether whitespace follows word i, so keys rebuild the text's own spacing.
    A proper name must match with its case; a vocabulary phrase matches in any case.
    """
    hits: list[Hit] = []
    n = len(words)
    i = 0
    names, surnames, terms = tables.names, tables.surnames, tables.terms
    ci_names, ci_prefixes = tables.ci_names, tables.ci_prefixes
    while i < n:
        first = _first_word(words[i])
        if first not in tables.first_words and first not in tables.term_first_words:
            i += 1
            continue
        best: Hit | None = None
        key = ""
        prefixes, term_prefixes = tables.prefixes, tables.term_prefixes
        for j in range(i, min(n, i + MAX_NAME_TOKENS)):
            if j > i and j + 1 < n and _INITIAL.match(words[j]) and words[i][:1].isupper() \
                    and words[j + 1][:1].isupper() and key + " " + words[j] not in prefixes:
                continue  # "Vladimir V. Putin": a middle initial the tables don't carry
            key = key + (" " if j > i and spaced[j - 1] else "") + words[j]
            lower = key.lower()
            bare = lower.replace("'", "") if "'" in lower else lower
            if key not in prefixes and lower not in term_prefixes and lower[:-1] not in term_prefixes \
                    and bare not in ci_prefixes and not _glued_possessive(words, spaced, j):
                break
            entries = names.get(key)
            if entries:
                kind, entry = _pick(entries)
                if entry.kind == "term":
                    term = entry.target
                    best = Hit("term", i, j + 1, term=term, text=key)  # type: ignore[arg-type]
                else:
                    best = Hit(kind, i, j + 1, entry=entry, text=key)
                continue
            generated = ci_names.get(bare) if ci_names else None
            if generated and _capitalised(words, i, j + 1) and (best is None or best.last <= j):
                kind, entry = _pick(generated)
                best = Hit(kind, i, j + 1, entry=entry, text=key)
                continue
            term = terms.get(lower)
            plural = False
            if term is None and lower.endswith("s"):
                term = terms.get(lower[:-1])
                plural = term is not None and term.kind != "modifier"
            if term is not None and term.phrase == term.phrase.lower() and (best is None or best.last <= j):
                best = Hit("term", i, j + 1, term=term, plural=plural, text=key)
                continue
            people = surnames.get(key)
            if people and (best is None or best.last <= j) and key[:1].isupper():
                best = Hit("surname", i, j + 1, people=people, text=key)
        if best is None:
            i += 1
            continue
        hits.append(best)
        i = best.last
    return hits


def _glued_possessive(words: Sequence[str], spaced: Sequence[bool], j: int) -> bool:
    """Word ``j`` is followed by a glued "'s" or "'": a case-free name key drops the apostrophe
    ("new peoples army"), so "New People" is no prefix of it but "New People's" is."""
    return j + 1 < len(words) and not spaced[j] and words[j + 1] in ("'s", "'")


def _capitalised(words: Sequence[str], a: int, b: int) -> bool:
    """A run written as a name: each word capitalised, bar particles ("Bashar al-Assad",
    "Army of the Pure"); "army" or "shanghai" in running text is not a dictionary name."""
    for word in words[a:b]:
        if word[:1].isupper() or word[:1].isdigit() or word.lower() in _NAME_GLUE or not word[:1].isalpha():
            continue
        if "-" in word and word.split("-", 1)[1][:1].isupper():
            continue  # "al-Qaeda"
        return False
    return word_is_cap(words[a])


def word_is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _pick(entries: tuple[Entry, ...]) -> tuple[str, Entry]:
    for kind in NAMED_KINDS:
        for entry in entries:
            if entry.kind == kind:
                return kind, entry
    return entries[0].kind, entries[0]


# ---------------------------------------------------------------------------------------- chunks

def _gap(words: Sequence[str], a: int, b: int, skip: frozenset[int] = frozenset()) -> tuple[str, ...]:
    return tuple(words[k].lower() for k in range(a, b) if k not in skip)


def _named(hit: Hit) -> bool:
    return hit.kind in HEAD_KINDS


def chunks(words: Sequence[str], hits: Sequence[Hit], skip: frozenset[int] = frozenset(),
           attached: frozenset[int] = frozenset()) -> list[Chunk]:
    """Group hits into noun-phrase chunks (see the module docstring). Words in ``skip`` (numbers,
    unknown modifiers: "two Chinese warplanes", "EU trade commissioner") don't break a phrase.
    ``attached`` holds the word indices of "in"/"from" that the parse hangs on the noun before
    them: "protesters in Kosovo", "troops from the United States" (see ``_origin_tail``)."""
    out: list[Chunk] = []
    cur: Chunk | None = None
    for hit in hits:
        if cur is not None and _join(words, cur, hit, skip, attached):
            continue
        if cur is not None:
            out.extend(_close(words, cur))
        cur = Chunk([hit], hit.first, hit.last)
    if cur is not None:
        out.extend(_close(words, cur))
    return out


def _join(words: Sequence[str], cur: Chunk, hit: Hit, skip: frozenset[int] = frozenset(),
          attached: frozenset[int] = frozenset()) -> bool:
    """Add ``hit`` to ``cur`` when the words between them let one noun phrase go on."""
    gap = _gap(words, cur.last, hit.first, skip)
    last = cur.hits[-1]
    has_terms = bool(cur.terms)
    if cur.tails:
        # "leaders of Kyrgyzstan and Turkmenistan": more tail countries
        if gap in (("and",), (",",), (",", "and")) and hit.kind in ("country", "people", "place"):
            cur.tails.append(hit)
            cur.last = hit.last
            return True
        return False
    if last.kind in ("person", "unknown", "surname", "orgname"):
        if hit.kind == "term" and hit.term and hit.term.kind != "modifier" and last.kind != "orgname" \
                and (gap in POSSESSIVE_GAPS or (not gap and hit.term.kind == "body")):
            # "Tony Blair's spokesman", "the Obama administration": the person's side
            cur.hits.append(hit)
            cur.last = hit.last
            return True
        # a named person takes only an "of <country>" tail ("President Lukashenko of Belarus")
        if gap == ("of",) and hit.kind == "country" and has_terms:
            cur.tails.append(hit)
            cur.last = hit.last
            return True
        return False
    if not gap:
        if hit.kind in COUNTRYISH and (has_terms or _named(last)):
            return False  # "Senate committee Russia": a new phrase
        cur.hits.append(hit)
        cur.last = hit.last
        return True
    if gap in POSSESSIVE_GAPS and (last.kind in ("country", "metonym", "igo", "org")) and hit.kind != "country":
        cur.hits.append(hit)          # "Taiwan's foreign ministry", "Belarus's strongman leader"
        cur.last = hit.last
        return True
    if gap in (("and",), (",",), (",", "and")) and not has_terms and last.kind in ("adjective", "country") \
            and hit.kind in ("adjective", "country") and all(h.kind in ("adjective", "country") for h in cur.hits):
        cur.hits.append(hit)          # "Russian and Chinese warships" (split again if no noun follows)
        cur.compound = True
        cur.last = hit.last
        return True
    if gap == ("for",) and last.kind == "term" and last.term and last.term.kind == "person" \
            and (hit.kind in ("person", "surname") or hit.term is not None and hit.term.kind == "modifier") \
            and not cur.tails and len(cur.hits) == len(cur.terms):
        cur.hits.append(hit)          # "a spokesman for Mr Blair": the person's side
        cur.last = hit.last
        return True
    if gap == ("of",) and has_terms and not _named(last) and hit.kind in ("country", "igo", "place"):
        cur.tails.append(hit)         # "the leaders of Kyrgyzstan"
        cur.last = hit.last
        return True
    if gap == ("in",) and last.kind == "term" and last.term and last.term.kind == "body" \
            and hit.kind in ("metonym", "country", "place") and not _countries_of(cur):
        cur.tails.append(hit)         # "The Defense Ministry in Moscow"
        cur.last = hit.last
        return True
    if _origin_tail(cur, hit, gap, attached):
        cur.tails.append(hit)         # "protesters in Kosovo", "troops from the United States"
        cur.last = hit.last
        return True
    return False


#: Role words that "in COUNTRY" does not give a country to: a diplomat or an embassy "in
#: Moscow" is usually another country's, and so are soldiers "in Iraq" (see ``_origin_tail``).
_POSTED_ABROAD = re.compile(r"ambassador|envoy|diplomat|consul|embass|attach|legation")
#: Sectors whose people "in COUNTRY" are often foreign ("US soldiers in Iraq" said without "US").
_ABROAD_SECTORS = frozenset({"MIL", "IGO"})


def _origin_tail(cur: Chunk, hit: Hit, gap: tuple[str, ...], attached: frozenset[int]) -> bool:
    """"workers in Haiti", "Authorities in the U.S.", "troops from the United States": a group or
    role noun whose "in"/"from" phrase (hung on the noun by the parse: not "withdrew troops
    from Syria") names a country and nothing else in the phrase does. "from" gives the origin
    of anyone; "in" only of people at home (not diplomats, not soldiers)."""
    if not gap or gap[0] not in ("in", "from") or gap[1:] not in ((), ("the",)) or cur.last not in attached:
        return False
    last = cur.hits[-1]
    term = last.term
    if last.kind != "term" or term is None or term.kind == "modifier" or _named(last) or _countries_of(cur):
        return False
    if hit.kind not in ("country", "metonym", "place") or any(_named(h) for h in cur.hits):
        return False
    if gap[0] == "in" and (term.sector in _ABROAD_SECTORS or _POSTED_ABROAD.search(term.phrase.lower())):
        return False
    return True


POSSESSIVE_GAPS = frozenset({("'s",), ("'",)})


def _close(words: Sequence[str], cur: Chunk) -> list[Chunk]:
    """Finish a chunk: split modifier-only compounds, take a preceding article and an (ABBR)."""
    if cur.compound and not cur.terms and not any(_named(h) for h in cur.hits):
        return [_with_det(words, Chunk([h], h.first, h.last)) for h in cur.hits]
    return [_with_det(words, cur)]


def _with_det(words: Sequence[str], chunk: Chunk) -> Chunk:
    if chunk.first > 0 and words[chunk.first - 1].lower() in DETERMINERS:
        chunk.first -= 1
    return chunk


def absorb_parenthesis(words: Sequence[str], chunk: Chunk, following: Hit | None) -> bool:
    """"the Shanghai Cooperation Organization (SCO)": take "(SCO)" into the chunk; True if consumed."""
    head = chunk.head
    if head is None or head.kind not in ("igo", "org", "media") or following is None:
        return False
    if _gap(words, chunk.last, following.first) == ("(",) and following.last < len(words) \
            and words[following.last] == ")" and following.body is head.body:
        chunk.last = following.last + 1
        return True
    return False


# ---------------------------------------------------------------------------------- interpreting

def _countries_of(chunk: Chunk) -> list[Country]:
    """Countries a chunk's modifiers and tails name, in order, without repeats."""
    out: list[Country] = []
    modifiers = chunk.hits[:-1] if chunk.head else chunk.hits
    for hit in [*modifiers, *chunk.tails]:
        country = hit.country
        if country is not None and country not in out:
            out.append(country)
    return out


def _named_modifier(chunk: Chunk, day: str) -> Tenure | None:
    """A named body in front of a role ("State Department spokesman", "Kremlin aide")."""
    head = chunk.head
    for hit in chunk.hits:
        if hit is head:
            break
        if hit.kind in ("org", "igo", "media") and hit.body:
            return hit.body.tenure_on(day)
        if hit.kind == "metonym" and hit.country:
            return Tenure(hit.country.iso3, "GOV", hit.text)
    return None


def _sector(chunk: Chunk, day: str) -> str | None:
    """The sector a chunk's words give an unnamed or unknown actor (see the module constants)."""
    terms = chunk.terms
    for hit in terms:
        if hit.term and hit.term.sector in ADVERSARIAL_SECTORS:
            return hit.term.sector
    named = _named_modifier(chunk, day)
    seat = _seat_modifier(chunk)
    if named is not None and not seat:
        return named.sector
    for hit in reversed(terms):
        if hit.term and hit.term.sector:
            return hit.term.sector   # "Kyiv police": the role noun beats the capital's GOV
    if named is not None:
        return named.sector
    return DEFAULT_ROLE_SECTOR if terms else None


def _seat_modifier(chunk: Chunk) -> bool:
    """The chunk's named modifier is a capital or seat ("Kyiv police", "Kremlin aide")."""
    head = chunk.head
    for hit in chunk.hits:
        if hit is head:
            break
        if hit.kind in ("org", "igo", "media"):
            return False
        if hit.kind == "metonym":
            return True
    return False


def _role_text(chunk: Chunk) -> str | None:
    persons = [h for h in chunk.terms if h.term and h.term.kind == "person"]
    return persons[-1].text if persons else None


def person_spec(person: Person, day: str, plural: bool = False) -> Spec:
    """A known person coded by the role held on ``day`` (see FORMER_SECTOR for after it)."""
    covering = [t for t in person.tenures if t.covers(day)]
    if covering:
        tenure = min(covering, key=lambda t: (not t.leader, SECTOR_RANK.get(t.sector, 9), _neg(t.start)))
        country = tenure.country
        return Spec(person.id, person.name, tenure.code, country, tenure.sector, tenure.role, "person", person, plural)
    ended = [t for t in person.tenures if t.end <= day]
    if ended and max(ended, key=lambda t: t.end).horizon:
        # a dictionary's open-ended role, past its horizon: no evidence either way, the country alone
        country = max((t for t in ended if t.horizon), key=lambda t: t.end).country
        return Spec(person.id, person.name, country, country, None, None, "person", person, plural)
    if ended:
        tenure = max(ended, key=lambda t: t.end)
        return Spec(person.id, person.name, code_for(tenure.country, FORMER_SECTOR) if tenure.country else None,
                    tenure.country, FORMER_SECTOR if tenure.country else None, f"former {tenure.role}", "person",
                    person, plural)
    country = person.country
    return Spec(person.id, person.name, country, country, None, None, "person", person, plural)


def _neg(start: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in start)


def people_spec(country: Country, text: str) -> Spec:
    """"Russians", "the Turks": a nation's people, CAMEO's civilians."""
    return Spec(f"people:{country.iso3}", name_key(text), code_for(country.iso3, PEOPLE_SECTOR), country.iso3,
                PEOPLE_SECTOR, None, "body", plural=True)


def country_spec(country: Country) -> Spec:
    return Spec(f"country:{country.iso3}", country.name, country.iso3, country.iso3, None, None, "country")


def seat_spec(country: Country, text: str) -> Spec:
    name = name_key(text)
    return Spec(f"seat:{country.iso3}:{slug(name)}", name, f"{country.iso3}GOV", country.iso3, "GOV", None, "seat")


def body_spec(body: Body, day: str) -> Spec | None:
    tenure = body.tenure_on(day)
    if tenure is None:
        return None
    return Spec(body.id, body.name, tenure.code, tenure.country, tenure.sector, None, body.kind)


@dataclass
class Context:
    """What the surroundings know: the people an article names (for "the Russian leader")."""

    present: Callable[[str, str, str], Spec | None] | None = None


def holder(tables: ActorTables, country: str, canonical: str, day: str, context: Context,
           plural: bool = False) -> Spec | None:
    """The person holding a role in a country on ``day``: one named in the article first, then a
    unique holder in the tables for roles in UNIQUE_ROLES."""
    if context.present is not None:
        spec = context.present(country, canonical, day)
        if spec is not None:
            return spec
    if canonical not in UNIQUE_ROLES:
        return None
    found = [p for t, p in tables.holders.get((country, canonical), ()) if t.covers(day)]
    unique = {p.key: p for p in found}
    return person_spec(next(iter(unique.values())), day, plural) if len(unique) == 1 else None


def interpret(chunk: Chunk, words: Sequence[str], tables: ActorTables, day: str,
              context: Context | None = None) -> list[Spec]:
    """The actors a chunk names on ``day``: [] when it names none the tables support."""
    context = context or Context()
    head = chunk.head
    countries = _countries_of(chunk)
    if head is not None:
        return _named_head(chunk, head, countries, words, tables, day)
    terms = chunk.terms
    if terms:
        return _titled(chunk, terms, countries, words, tables, day, context)
    if len(chunk.hits) != 1:
        return []
    hit = chunk.hits[0]
    if hit.kind == "people" and hit.country:
        return [people_spec(hit.country, hit.text)]
    if hit.kind in ("country", "place") and hit.country:
        return [country_spec(hit.country)]
    if hit.kind == "metonym" and hit.country:
        return [seat_spec(hit.country, hit.text)]
    if hit.kind == "igo_metonym" and hit.body:
        spec = body_spec(hit.body, day)
        return [spec] if spec else []
    return []


def _named_head(chunk: Chunk, head: Hit, countries: list[Country], words: Sequence[str],
                tables: ActorTables, day: str) -> list[Spec]:
    if head.kind == "person" and head.person:
        spec = person_spec(head.person, day)
        if spec.sector not in (None, FORMER_SECTOR) or _former(chunk, words):
            return [spec]
        # the tables know no role of theirs on the day, the article gives one: "NATO
        # Secretary-General Jens Stoltenberg" when the tables stop at his Norwegian years
        titled = _unknown_head(chunk, head, countries, day)
        if titled.code and any(h.term and h.term.kind == "person" for h in chunk.terms):
            return [Spec(spec.id, spec.name, titled.code, titled.country, titled.sector, titled.role, "person",
                         spec.person)]
        return [spec]
    if head.kind in ("org", "igo", "media") and head.body:
        spec = body_spec(head.body, day)
        if spec is not None and head.kind == "org" and countries and spec.country \
                and countries[-1].iso3 != spec.country and spec.sector not in STATELESS:
            # "Chile's Defense Department" is Chile's, not the Pentagon: the possessive beats the alias
            country = countries[-1]
            name = _join_words(words, chunk.hits[0].first, head.last)
            return [Spec(f"body:{country.iso3}:{spec.sector}:{slug(head.text)}", name,
                         code_for(country.iso3, spec.sector), country.iso3, spec.sector, None, "body")]
        if spec is not None and head.kind == "igo" and countries:
            term = tables.terms.get(head.text.lower())
            if term is not None and term.sector:
                # "Russia's Security Council": a country's own body of that name, not the UN's
                country = countries[-1]
                name = _join_words(words, chunk.hits[0].first, head.last)
                return [Spec(f"body:{country.iso3}:{term.sector}:{slug(term.canonical)}", name,
                             code_for(country.iso3, term.sector), country.iso3, term.sector, None, "body")]
        return [spec] if spec else []
    if head.kind in ("unknown", "orgname", "surname"):
        return [_unknown_head(chunk, head, countries, day)]
    return []


def _unknown_head(chunk: Chunk, head: Hit, countries: list[Country], day: str) -> Spec:
    """A name the tables don't know, coded by the words around it ("Pakistani Interior Minister X")."""
    name = fold(head.text)
    sector = _sector(chunk, day)
    named = _named_modifier(chunk, day)
    country = countries[0].iso3 if countries else (named.country if named else None)
    if named is not None and named.sector == "IGO" and not countries:
        country = None
    kind = "unknown" if head.kind != "orgname" else "org"
    prefix = "name" if kind == "unknown" else "org"
    return Spec(f"{prefix}:{slug(name)}", name, code_for(country, sector), country, sector, _role_text(chunk), kind)


def _former(chunk: Chunk, words: Sequence[str]) -> bool:
    """"former President X", "ex-minister X": the title is not held on the day."""
    text = " ".join(words[chunk.first:chunk.last]).lower()
    return "former" in text or "ex-" in text or "then-" in text or "late " in text


def _titled(chunk: Chunk, terms: list[Hit], countries: list[Country], words: Sequence[str],
            tables: ActorTables, day: str, context: Context) -> list[Spec]:
    """A role or body without a name: "the Russian leader", "Taiwan's foreign ministry"."""
    last = terms[-1]
    term = last.term
    assert term is not None
    named = _named_modifier(chunk, day)
    sector = _sector(chunk, day)
    owner = next((h for h in chunk.hits if h.kind in ("person", "org", "igo", "media", "unknown")
                  and (h.first < last.first or chunk.owned)), None)
    if owner is not None and owner.kind in ("person", "unknown") and not countries:
        # "Tony Blair's spokesman", "the Obama administration": the person's country on the day
        spec = person_spec(owner.person, day) if owner.person else None
        if spec is None or not spec.country:
            return []
        sector = sector if sector and not (spec.sector == FORMER_SECTOR and term.kind == "body") else "GOV"
        name = _join_words(words, min(owner.first, last.first), max(owner.last, last.last))
        kind = "title" if term.kind == "person" else "body"
        return [Spec(f"{kind}:{spec.country}:{sector}:{slug(name)}", name, code_for(spec.country, sector),
                     spec.country, sector, last.text if term.kind == "person" else None, kind,
                     plural=last.plural or term.kind == "body")]
    if not countries and named is not None:
        if named.sector == "IGO" or named.country is None:
            # "UN chief": the organisation's own actor; "NATO foreign ministers", "World Bank
            # officials": its people, coded as it is
            body_hit = next((h for h in chunk.hits if h.body is not None), None)
            spec = body_spec(body_hit.body, day) if body_hit and body_hit.body else None
            if spec is not None and term.kind == "person" and (last.plural or last.text.lower().endswith("s")):
                name = _join_words(words, body_hit.first, chunk.hits[-1].last)
                return [Spec(f"title:{spec.id}:{slug(term.canonical)}", name, spec.code, spec.country, spec.sector,
                             last.text, "title", plural=True)]
            return [spec] if spec else []
        country_obj = tables.countries.get(named.country)
        countries = [country_obj] if country_obj else []
    if not countries:
        return []
    specs = []
    body_words = _body_words(chunk, words)
    for country in countries:
        if term.kind == "person":
            person = holder(tables, country.iso3, term.canonical, day, context, last.plural)
            if person is not None:
                specs.append(person)
                continue
            if term.canonical not in UNIQUE_ROLES and (term.leader or term.canonical == "leader"):
                specs.append(Spec(f"gov:{country.iso3}", f"{country.adjective} government", f"{country.iso3}GOV",
                                  country.iso3, "GOV", None, "title"))
                continue
            role = last.text
            specs.append(Spec(f"title:{country.iso3}:{sector or ''}:{slug(term.canonical)}",
                              f"{country.adjective} {body_words}", code_for(country.iso3, sector), country.iso3,
                              sector, role, "title", plural=last.plural))
        else:
            name = _body_name(chunk, words, country, body_words, len(countries))
            specs.append(Spec(f"body:{country.iso3}:{sector or ''}:{slug(term.canonical)}", name,
                              code_for(country.iso3, sector), country.iso3, sector, None, "body", plural=True))
    return specs


def _body_words(chunk: Chunk, words: Sequence[str]) -> str:
    """The words of a chunk from its first role/body/named-modifier hit to its last hit."""
    start = next((h.first for h in chunk.hits if h.kind in ("term", "org", "igo", "media") and
                  not (h.term and h.term.kind == "modifier")), chunk.hits[-1].first)
    return _join_words(words, start, chunk.hits[-1].last)


def _join_words(words: Sequence[str], a: int, b: int) -> str:
    return " ".join(words[a:b]).replace(" 's", "'s").replace(" - ", "-")


def _body_name(chunk: Chunk, words: Sequence[str], country: Country, body_words: str, n_countries: int) -> str:
    """"Taiwan's foreign ministry" as written when the country leads the phrase, else
    "Russian Defense Ministry" (demonym + body words)."""
    leads = chunk.hits[0].country is country and not chunk.tails and n_countries == 1
    if leads or (chunk.hits[0].kind in ("org", "media") and n_countries == 1 and not chunk.tails):
        # "Taiwan's foreign ministry", "the US Trade Representative's Office": as written
        return _join_words(words, chunk.hits[0].first, chunk.hits[-1].last)
    return f"{country.adjective} {body_words}"


# ------------------------------------------------------------------------------------ strings

_TOKEN = re.compile(r"'s\b|[A-Za-z](?:\.[A-Za-z])+\.?|\w+(?:-\w+|'(?!s\b)\w+)*\.?|[^\w\s]")
#: Words a free string may hold outside table hits and names.
_GLUE = frozenset({"the", "a", "an", "of", "in", "and", ",", "'s", "'", "(", ")"})


def tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Split a free string like spaCy would, closely enough for table keys ("U.S.", "Xi's")."""
    text = fold(text)
    words: list[str] = []
    spaced: list[bool] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if word.endswith(".") and len(word) > 2 and word.count(".") == 1 and not word[:-1].isupper():
            words.append(word[:-1])   # a sentence's full stop, not an abbreviation
            spaced.append(False)
            word = "."
        words.append(word)
        spaced.append(m.end() < len(text) and text[m.end()].isspace())
    return words, spaced


#: Words after which a country is a destination or origin, not the actor's own ("Russia's
#: ambassador to Poland", "a delegation from Japan" keeps the first country).
_DESTINATION = frozenset({"to", "for", "toward", "towards", "against", "with"})
_NUMBER = re.compile(r"^(?:\d[\d,.]*(?:st|nd|rd|th|s)?|one|two|three|four|five|six|seven|eight|nine|ten|dozens|"
                     r"hundreds|thousands|several|some|many|more|least|at|than)$", re.IGNORECASE)


def _fill(words: list[str], hits: list[Hit]) -> tuple[list[Hit], frozenset[int]]:
    """Hits plus capitalised unknown names in the gaps, and the words the grammar skips.

    Unknown lower-case words and numbers ("two Chinese warplanes", "18th Prime Minister") are
    skipped, as is an unknown capitalised word right before a known word (a modifier: "Syrian
    Kurdish leader"); a capitalised run elsewhere is an unknown name ("Pakistani Interior Minister
    X"). A country after "to"/"for" with a country before it is a destination, dropped."""
    out: list[Hit] = []
    skip: set[int] = set()
    hit_at = {h.first: h for h in hits}
    covered = [False] * len(words)
    for h in hits:
        covered[h.first:h.last] = [True] * (h.last - h.first)
    i = 0
    while i < len(words):
        if i in hit_at:
            hit = hit_at[i]
            prev = i - 1 if i > 0 else None
            if hit.kind in ("country", "place", "metonym") and prev is not None and words[prev].lower() in _DESTINATION \
                    and any(h.country for h in out):
                skip.update(range(prev, hit.last))
            else:
                out.append(hit)
            i = hit.last
            continue
        word = words[i]
        if word.lower() in _GLUE and not _NUMBER.match(word):
            i += 1
            continue
        if word == "." or not word[:1].isupper() or _NUMBER.match(word):
            skip.add(i)
            i += 1
            continue
        j = i
        while j < len(words) and not covered[j] and (words[j][:1].isupper() or words[j] == "-"):
            j += 1
        if j < len(words) and covered[j] and hit_at.get(j) is not None and hit_at[j].kind in ("term", "adjective"):
            skip.update(range(i, j))   # "Syrian Kurdish leader": an unknown modifier
        else:
            out.append(Hit("unknown", i, j, text=" ".join(words[i:j])))
        i = j
    return out, frozenset(skip)


def resolve_text(tables: ActorTables, text: str, date: str | None = None) -> Actor | None:
    """See ``ActorTables.resolve``."""
    return _resolve_cached(tables, text, day_of(date))


#: Words that may sit between an apposition's two sides ("Robert Zoellick, US Trade
#: Representative", "Brad Adams, from Human Rights Watch", "Issawi Frej, a member of parliament").
_APPOSITION = frozenset({",", "the", "a", "an", "from", "of", "-", "(", ")"})


@functools.lru_cache(maxsize=16384)
def _resolve_cached(tables: ActorTables, text: str, day: str) -> Actor | None:
    key = name_key(text)
    if not key:
        return None
    entries = tables.names.get(key) or tables.names_lower.get(key.lower()) \
        or tables.ci_names.get(key.lower().replace("'", ""))
    if entries:
        spec = _whole(entries, key, day)
        if spec is not None:
            return spec.actor()
    person = by_spelling(tables, key)
    if person is not None:
        return person_spec(person, day).actor()
    words, spaced = tokenize(text)
    hits = scan(words, spaced, tables)
    if not hits or all(h.kind == "term" for h in hits) and text == text.lower():
        lowered = [w.lower() for w in words]
        low_hits = scan(lowered, spaced, _lower_view(tables))
        if len(low_hits) > len(hits):
            words, hits = lowered, low_hits
    filled, skip = _fill(words, hits)
    filled = [_settle_surname(h, tables, day, words) for h in filled]
    groups = chunks(words, filled, skip)
    if len(groups) >= 2 and absorb_parenthesis(words, groups[0], groups[1].hits[0]):
        groups = [groups[0], *groups[2:]]
    found: list[tuple[Chunk, list[Spec]]] = []
    for chunk in groups:
        if any(h.kind == "unknown" for h in chunk.hits) and not (chunk.terms or _countries_of(chunk)) \
                and len(chunk.hits) == 1:
            found.append((chunk, []))   # a bare unknown name: maybe named by an apposition
            continue
        found.append((chunk, interpret(chunk, words, tables, day)))
    specs = _settle_phrases(found, words, skip)
    if not specs and skip and filled and all(h.kind == "adjective" for h in filled) \
            and len({h.country.iso3 for h in filled if h.country}) == 1 and filled[0].country is not None:
        # "Croatian experts", "Chinese goods": a head noun dyad doesn't know; the country it states
        specs = [country_spec(filled[0].country)]
    return specs[0].actor() if len(specs) == 1 else None


def _settle_phrases(found: list[tuple[Chunk, list[Spec]]], words: Sequence[str],
                    skip: frozenset[int]) -> list[Spec]:
    """One answer from a string's phrases: the one phrase that names something; a name and the
    title set beside it ("Robert Zoellick, US Trade Representative") merged; else, when every
    phrase agrees on one country, the most specific of them; else nothing."""
    named = [(c, s) for c, s in found if s]
    if len(found) == 1:
        return found[0][1]
    if len(found) == 2:
        (c1, s1), (c2, s2) = found
        if all(w in _APPOSITION for w in _gap(words, c1.last, c2.first, skip)):
            merged = _apposition(c1, s1, c2, s2) or _apposition(c2, s2, c1, s1)
            if merged is not None:
                return [merged]
    if len(named) == 1:
        return named[0][1]
    flat = [s for _c, specs in named for s in specs]
    countries = {s.country for s in flat}
    if flat and len(countries) == 1 and None not in countries:
        return [max(flat, key=lambda s: _SPECIFIC.get(s.kind, 0) + (s.sector is not None))]
    return []


#: How much a kind of answer says: a known person most, a country alone least.
_SPECIFIC = {"person": 6, "unknown": 5, "title": 4, "body": 3, "org": 3, "igo": 3, "media": 3, "seat": 2,
             "country": 1}


def _apposition(c1: Chunk, s1: list[Spec], c2: Chunk, s2: list[Spec]) -> Spec | None:
    """A name (known or not) beside a title or body: the name, coded by the title when the
    tables give the name no code of its own on the day."""
    head = c1.hits[-1] if len(c1.hits) == 1 else None
    if head is None or head.kind not in ("unknown", "person") or len(s2) != 1:
        return None
    title = s2[0]
    if not title.code:
        return None
    if s1 and s1[0].sector not in (None, FORMER_SECTOR):
        return s1[0]
    if s1 and s1[0].person is not None:
        base = s1[0]
        return Spec(base.id, base.name, title.code, title.country, title.sector, title.role, "person", base.person)
    name = fold(head.text)
    return Spec(f"name:{slug(name)}", name, title.code, title.country, title.sector, title.role, "unknown")


def by_spelling(tables: ActorTables, name: str) -> Person | None:
    """The one person whose name is ``name`` spelled another way ("Mohamed Morsy" = Mohamed
    Morsi, "Moammar Gadhafi" = Muammar Gaddafi): a name of 2-4 capitalised words only."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() or w.lower() in PARTICLES for w in words):
        return None
    return tables.translit.get(translit_key(name))


def _whole(entries: tuple[Entry, ...], key: str, day: str) -> Spec | None:
    """A string that is exactly one name."""
    kind, entry = _pick(entries)
    target = entry.target
    if kind == "person" and isinstance(target, Person):
        people = {e.target.key: e.target for e in entries if e.kind == "person"}  # type: ignore[union-attr]
        if len(people) > 1:
            return None
        return person_spec(target, day)
    if kind in ("org", "igo", "media", "igo_metonym") and isinstance(target, Body):
        return body_spec(target, day)
    if kind == "people" and isinstance(target, Country):
        return people_spec(target, key)
    if kind in ("country", "place") and isinstance(target, Country):
        return country_spec(target)
    if kind == "metonym" and isinstance(target, Country):
        return seat_spec(target, key)
    return None


def _settle_surname(hit: Hit, tables: ActorTables, day: str, words: Sequence[str] = ()) -> Hit:
    """A lone surname in a string: the one person of that name in office on the day, if unique,
    and not after another given name ("Jimmy Carter" is not Ash Carter)."""
    if hit.kind != "surname":
        return hit
    people = [p for p in hit.people if given_name_fits(p, words, hit.first)]
    person = unique_on(people, day) if people else None
    if person is None:
        return Hit("unknown", hit.first, hit.last, text=hit.text)
    return Hit("person", hit.first, hit.last, entry=Entry("person", person), text=hit.text)


#: Titles and honorifics that may stand before a surname in place of a given name.
_BEFORE_SURNAME = frozenset({"Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Dame", "Lord", "Lady",
                             "President", "Minister", "General", "Gen.", "Senator", "Sen.", "Premier", "Chancellor",
                             "King", "Queen", "Prince", "Sheikh", "Secretary", "Ambassador", "Governor", "Judge",
                             "Prime", "Foreign", "Defence", "Defense", "Interior", "Vice", "Speaker", "Colonel"})


#: Capitalised words before a surname that are no given name ("The Obama administration").
_NOT_GIVEN = frozenset({"the", "a", "an", "and", "but", "or", "former", "late", "then", "new", "with", "by", "of",
                        "for", "to", "as", "when", "after", "while", "if", "in", "on", "at"})


def given_name_fits(person: Person, words: Sequence[str], at: int) -> bool:
    """A surname after a capitalised word that is no title must follow one of the person's given
    names ("Jimmy Carter" is not Ash Carter; "Vladimir Putin", "President Putin" are Putin)."""
    if not words:
        return True
    after = words[at + 1] if at + 1 < len(words) else ""
    if after[:1].isupper() and after.isalpha() and after not in {fold(n).split()[-1] for n in (person.name,)}:
        return False   # "Salih Muslim": a given name before another family name
    if at == 0:
        return True
    before = words[at - 1]
    if not before[:1].isupper() or before in _BEFORE_SURNAME or before.endswith(".") \
            or before.lower() in _NOT_GIVEN:
        return True
    given = {fold(n).split()[0] for n in (person.name, *person.aliases) if len(n.split()) > 1}
    return before in given or not before.isalpha()


def unique_on(people: Sequence[Person], day: str) -> Person | None:
    """The one person among ``people`` holding some role on ``day`` (or the only candidate)."""
    distinct = {p.key: p for p in people}
    if len(distinct) == 1:
        return next(iter(distinct.values()))
    active = {p.key: p for p in distinct.values() if any(t.covers(day) for t in p.tenures)}
    return next(iter(active.values())) if len(active) == 1 else None


@functools.lru_cache(maxsize=4)
def _lower_view(tables: ActorTables) -> ActorTables:
    """The tables with case-insensitive names, for user queries typed in lower case."""
    from dataclasses import replace

    from dyad.actors.tables import _word_prefixes

    return replace(tables, names=tables.names_lower, surnames={},
                   first_words=frozenset(w.lower() for w in tables.first_words),
                   prefixes=_word_prefixes(tables.names_lower), ci_prefixes=tables.ci_prefixes)
