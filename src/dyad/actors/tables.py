"""The actor tables: countries, IGOs, media, named bodies, people and the sector vocabulary.

Reads the TSV files of ``dyad/data/actors/`` (see its README.md), checks every row, and builds the
lookup indexes that ``resolve`` and ``find_actors`` share. A user's ``data_dir`` holds files of the
same names that add or override rows by key; a bad row there is skipped with a warning naming
file:line, while a bad row in dyad's own files raises ``DataError``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyad.actors.tsv import RowReport, read_rows, split_cell
from dyad.actors.names import fold, name_key, name_variants, slug, surname, translit_key, word_key
from dyad.errors import DataError
from dyad.records import Actor

#: dyad's own actor tables.
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

#: CAMEO 1.1b3 sector codes (plus IMG, CAMEO's international militarized groups): a row naming
#: another sector is a typo, not a new sector.
SECTOR_CODES = frozenset({
    "GOV", "MIL", "LEG", "JUD", "MED", "OPP", "BUS", "REB", "COP", "EDU", "CVL", "IGO", "SPY", "ELI",
    "PTY", "LAB", "REL", "HLH", "REF", "NGO", "MNC", "AGR", "ENV", "HRI", "CRM", "UAF", "IMG", "MOD", "RAD",
})

#: Sectors whose actors have no country: their code is the sector alone ("IGO").
STATELESS_SECTORS = frozenset({"IGO", "IMG", "NGO", "MNC"})

#: Sector given to a person at a date after all their known tenures ended: CAMEO's "elites"
#: (former officials), so a former president is not coded as the government.
FORMER_SECTOR = "ELI"

#: Open ends of a tenure, as comparable ISO strings.
OPEN_START = "0000-00-00"
OPEN_END = "9999-99-99"
#: The "date" used when an article has none: inside every open tenure, after every closed one.
CURRENT = "9999-00-00"

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_QID = re.compile(r"^Q\d+$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_WORD_RUN = re.compile(r"\w+")

COLUMNS = {
    "countries.tsv": ("iso3", "name", "aliases", "adjectives", "capital", "metonyms"),
    "igos.tsv": ("abbr", "name", "aliases", "metonyms"),
    "media.tsv": ("name", "aliases", "country", "state"),
    "organizations.tsv": ("name", "aliases", "country", "sector", "valid_from", "valid_to", "notes"),
    "sectors.tsv": ("phrase", "sector", "kind", "canonical", "leader"),
    "people": ("name", "aliases", "country", "sector", "role", "valid_from", "valid_to", "wikidata"),
}
PEOPLE_GLOB = "people-*.tsv"
#: ``places.tsv`` (generated from the Phoenix country synonyms): a city, province or region -> country.
PLACES_COLUMNS = ("phrase", "country", "source")
#: Tables converted from other systems' dictionaries (``dyad.actors.phoenix``): read before the
#: hand tables, so a hand row with the same key wins; their names match in any case as long as
#: the text capitalises them ("AL-ASSAD" in the source, "al-Assad" in news).
GENERATED_DIR = DATA_DIR / "phoenix"
#: Countries whose people carry two family names, the first used alone in news ("Oscar Arias
#: Sanchez" is "Oscar Arias").
TWO_SURNAMES = frozenset({"ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "ESP", "GTM", "HND", "MEX", "NIC",
                          "PAN", "PER", "PRI", "PRY", "SLV", "URY", "VEN", "GNQ"})
#: Generated names shorter than this are not indexed ("UN", "EU" come from the hand tables; a
#: dictionary's two-letter synonyms collide with words).
GENERATED_MIN_NAME = 4
_HORIZON = re.compile(r"^#\s*Horizon:\s*(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)
TERM_KINDS = ("person", "body", "modifier")


# ---------------------------------------------------------------------------------------- records

@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capital: str = ""
    metonyms: tuple[str, ...] = ()

    @property
    def adjective(self) -> str:
        return self.adjectives[0] if self.adjectives else self.name


@dataclass(frozen=True, slots=True)
class Term:
    """A role noun or body of the sector vocabulary ("foreign ministry" -> GOV, body)."""

    phrase: str
    sector: str | None
    kind: str          # person | body | modifier
    canonical: str
    leader: bool = False


@dataclass(frozen=True, slots=True)
class Tenure:
    """One role held from ``start`` (inclusive) to ``end`` (exclusive), as padded ISO strings."""

    country: str | None
    sector: str
    role: str
    start: str = OPEN_START
    end: str = OPEN_END
    canonical: str | None = None
    leader: bool = False
    where: str = ""
    #: ``end`` is the source's horizon, not the end of the role: after it the role is no evidence
    horizon: bool = False

    def __reduce__(self):  # noqa: ANN204 - pickle protocol: positional fields load fast
        return (Tenure, (self.country, self.sector, self.role, self.start, self.end, self.canonical, self.leader,
                         self.where, self.horizon))

    def covers(self, day: str) -> bool:
        return self.start <= day < self.end

    @property
    def code(self) -> str | None:
        return code_for(self.country, self.sector)


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    name: str
    aliases: tuple[str, ...]
    wikidata: str | None
    tenures: tuple[Tenure, ...]
    family: str | None = None
    generated: bool = False      # from a converted dictionary (see GENERATED_DIR)

    def __reduce__(self):  # noqa: ANN204 - pickle protocol: positional fields load fast
        return (Person, (self.key, self.name, self.aliases, self.wikidata, self.tenures, self.family, self.generated))

    @property
    def id(self) -> str:
        return self.wikidata or f"person:{self.key}"

    @property
    def country(self) -> str | None:
        return next((t.country for t in self.tenures if t.country), None)


@dataclass(frozen=True, slots=True)
class Body:
    """A named IGO, outlet or national body; ``tenures`` give its country and sector over time."""

    kind: str          # igo | media | org
    key: str
    name: str
    aliases: tuple[str, ...]
    tenures: tuple[Tenure, ...]

    def __reduce__(self):  # noqa: ANN204 - pickle protocol: positional fields load fast
        return (Body, (self.kind, self.key, self.name, self.aliases, self.tenures))

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.key}"

    def tenure_on(self, day: str) -> Tenure | None:
        hits = [t for t in self.tenures if t.covers(day)]
        if hits:
            return hits[-1]
        return self.tenures[-1] if day == CURRENT and self.tenures else None


@dataclass(frozen=True, slots=True)
class Entry:
    """What one name in the index points at: kind is person, country, adjective, people
    (a plural demonym), metonym, place (a city or region giving its country), igo, igo_metonym,
    media, org or term."""

    kind: str
    target: Country | Person | Body | Term

    def __reduce__(self):  # noqa: ANN204 - pickle protocol: positional fields load fast
        return (Entry, (self.kind, self.target))


def code_for(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style code: "RUS" + "GOV"; a stateless sector alone ("IGO"); the country alone."""
    if sector in STATELESS_SECTORS:
        return sector
    if not country:
        return None
    return country + (sector or "")


# ---------------------------------------------------------------------------------------- reading

def parse_date(text: str) -> tuple[str, str] | None:
    """"2012-05" -> ("2012-05-00", "2012-05-99"): the low and high padded forms, or None if invalid."""
    m = _DATE.match(text)
    if not m:
        return None
    year, month, day = m.groups()
    try:
        if day:
            _dt.date(int(year), int(month), int(day))
        elif month and not 1 <= int(month) <= 12:
            return None
    except ValueError:
        return None
    if day:
        return text, text
    if month:
        return f"{text}-00", f"{text}-99"
    return f"{text}-00-00", f"{text}-99-99"


@functools.lru_cache(maxsize=4096)
def day_of(date: str | None) -> str:
    """An article date (ISO date or datetime, maybe partial) as the comparable day string; no date = CURRENT."""
    if not date:
        return CURRENT
    text = str(date).strip()[:10]
    for size in (10, 7, 4):
        parsed = parse_date(text[:size])
        if parsed:
            low = parsed[0]
            return low.replace("-00", "-01")
    return CURRENT


@dataclass
class _Raw:
    """Rows as read, keyed for overriding, before indexes are built."""

    countries: dict[str, tuple[Country, str]] = field(default_factory=dict)
    igos: dict[str, tuple[Body, str]] = field(default_factory=dict)
    media: dict[str, tuple[Body, str, str]] = field(default_factory=dict)
    orgs: dict[tuple[str, str], tuple[dict[str, str], str]] = field(default_factory=dict)
    terms: dict[str, tuple[Term, str]] = field(default_factory=dict)
    people: dict[tuple[str, str, str], tuple[dict[str, str], str, bool]] = field(default_factory=dict)
    places: dict[str, tuple[str, str]] = field(default_factory=dict)
    generated_people: set[tuple[str, str, str]] = field(default_factory=set)
    generated_orgs: set[tuple[str, str]] = field(default_factory=set)
    horizons: dict[str, str] = field(default_factory=dict)   # generated people file -> horizon date
    qids_by_name: dict[str, set[str]] = field(default_factory=dict)


def _where(path: Path, line: int) -> str:
    return f"{path}:{line}"


def _read_countries(path: Path, raw: _Raw, report: RowReport) -> None:
    for line, row in read_rows(path, COLUMNS["countries.tsv"], report):
        iso3 = row["iso3"]
        if not _ISO3.match(iso3) or not row["name"]:
            report.bad(f"bad country row: iso3 {iso3!r} must be 3 capitals and name non-empty", path, line)
            continue
        raw.countries[iso3] = (Country(iso3, row["name"], split_cell(row["aliases"]), split_cell(row["adjectives"]),
                                       row["capital"], split_cell(row["metonyms"])), _where(path, line))


def _read_terms(path: Path, raw: _Raw, report: RowReport) -> None:
    for line, row in read_rows(path, COLUMNS["sectors.tsv"], report):
        sector, kind = row["sector"] or None, row["kind"]
        if not row["phrase"]:
            report.bad("empty phrase", path, line)
        elif kind not in TERM_KINDS:
            report.bad(f"bad kind {kind!r}: use one of {', '.join(TERM_KINDS)}", path, line)
        elif sector and sector not in SECTOR_CODES:
            report.bad(f"unknown sector {sector!r}: use one of {' '.join(sorted(SECTOR_CODES))}", path, line)
        elif row["leader"] not in ("", "yes", "no"):
            report.bad(f"leader must be yes, no or empty, not {row['leader']!r}", path, line)
        else:
            term = Term(row["phrase"], sector, kind, row["canonical"] or word_key(row["phrase"]),
                        row["leader"] == "yes")
            raw.terms[word_key(row["phrase"])] = (term, _where(path, line))


def _read_igos(path: Path, raw: _Raw, report: RowReport) -> None:
    for line, row in read_rows(path, COLUMNS["igos.tsv"], report):
        if not row["abbr"] or not row["name"]:
            report.bad("an IGO needs abbr and name", path, line)
            continue
        tenure = Tenure(None, "IGO", row["name"], where=_where(path, line))
        body = Body("igo", row["abbr"], row["name"], split_cell(row["aliases"]), (tenure,))
        raw.igos[row["abbr"]] = (body, row["metonyms"])


def _read_media(path: Path, raw: _Raw, report: RowReport) -> None:
    for line, row in read_rows(path, COLUMNS["media.tsv"], report):
        country = row["country"]
        if not row["name"]:
            report.bad("an outlet needs a name", path, line)
        elif country and country not in raw.countries:
            report.bad(f"unknown country code {country!r}", path, line)
        elif row["state"] not in ("", "yes", "no"):
            report.bad(f"state must be yes, no or empty, not {row['state']!r}", path, line)
        else:
            tenure = Tenure(country or None, "MED", "state media" if row["state"] == "yes" else "media",
                            where=_where(path, line))
            body = Body("media", row["name"], row["name"], split_cell(row["aliases"]), (tenure,))
            raw.media[word_key(row["name"])] = (body, row["state"], _where(path, line))


def _check_span(row: dict[str, str], path: Path, line: int, report: RowReport) -> tuple[str, str, str] | None:
    """Validate valid_from/valid_to; return (start, end_for_compare, end_low) or None."""
    start, end = OPEN_START, OPEN_END
    end_low = OPEN_END
    if row["valid_from"]:
        parsed = parse_date(row["valid_from"])
        if parsed is None:
            report.bad(f"bad valid_from {row['valid_from']!r}: use YYYY-MM-DD, YYYY-MM or YYYY", path, line)
            return None
        start = parsed[0]
    if row["valid_to"]:
        parsed = parse_date(row["valid_to"])
        if parsed is None:
            report.bad(f"bad valid_to {row['valid_to']!r}: use YYYY-MM-DD, YYYY-MM or YYYY", path, line)
            return None
        end_low, end = parsed
        if end_low < start:
            report.bad(f"valid_to {row['valid_to']} is before valid_from {row['valid_from']}", path, line)
            return None
    return start, end, end_low


def _read_places(path: Path, raw: _Raw, report: RowReport) -> None:
    for line, row in read_rows(path, PLACES_COLUMNS, report):
        if not row["phrase"] or row["country"] not in raw.countries:
            report.bad(f"a place needs a phrase and a known country code, not {row['country']!r}", path, line)
            continue
        raw.places[word_key(row["phrase"])] = (row["phrase"], row["country"])


def _read_orgs(path: Path, raw: _Raw, report: RowReport, generated: bool = False) -> None:
    for line, row in read_rows(path, COLUMNS["organizations.tsv"], report):
        country, sector = row["country"], row["sector"]
        if not row["name"]:
            report.bad("a body needs a name", path, line)
        elif country and country not in raw.countries:
            report.bad(f"unknown country code {country!r}", path, line)
        elif sector not in SECTOR_CODES:
            report.bad(f"unknown sector {sector!r}: use one of {' '.join(sorted(SECTOR_CODES))}", path, line)
        elif not country and sector not in STATELESS_SECTORS:
            report.bad(f"country is empty but sector {sector} needs one", path, line)
        elif _check_span(row, path, line, report) is not None:
            key = (word_key(row["name"]), row["valid_from"])
            raw.orgs[key] = (row, _where(path, line))
            if generated:
                raw.generated_orgs.add(key)
            else:
                raw.generated_orgs.discard(key)


def _read_people(path: Path, raw: _Raw, report: RowReport, shipped: bool, generated: bool = False) -> None:
    if generated:
        m = _HORIZON.search(path.read_text(encoding="utf-8")[:4000])
        if m:
            raw.horizons[str(path)] = m.group(1)
    for line, row in read_rows(path, COLUMNS["people"], report):
        country, sector = row["country"], row["sector"]
        if not row["name"] or not row["role"]:
            report.bad("a tenure needs a name and a role", path, line)
        elif country and country not in raw.countries:
            report.bad(f"unknown country code {country!r}", path, line)
        elif sector not in SECTOR_CODES:
            report.bad(f"unknown sector {sector!r}: use one of {' '.join(sorted(SECTOR_CODES))}", path, line)
        elif not country and sector not in STATELESS_SECTORS:
            report.bad(f"country is empty but sector {sector} needs one", path, line)
        elif row["wikidata"] and not _QID.match(row["wikidata"]):
            report.bad(f"bad wikidata id {row['wikidata']!r}: use a Q-id such as Q7747", path, line)
        elif _check_span(row, path, line, report) is not None:
            key = (word_key(row["name"]), word_key(row["role"]), row["valid_from"])
            old = raw.people.get(key)
            if old and old[2] and shipped and old[0] != row:
                # two of dyad's own files disagree about one tenure: a data bug to fix, not to hide
                report.bad(f"conflicts with {old[1]} (same person, role and valid_from)", path, line)
                continue
            raw.people[key] = (row, _where(path, line), shipped)
            if generated:
                raw.generated_people.add(key)
            else:
                raw.generated_people.discard(key)


# ---------------------------------------------------------------------------------------- tables

@dataclass(eq=False, repr=False)
class ActorTables:
    """Everything dyad knows about actors, indexed for lookups by name, role and date."""

    countries: dict[str, Country]
    people: tuple[Person, ...]
    bodies: dict[str, Body]
    terms: dict[str, Term]
    names: dict[str, tuple[Entry, ...]]
    names_lower: dict[str, tuple[Entry, ...]]
    surnames: dict[str, tuple[Person, ...]]
    holders: dict[tuple[str, str], tuple[tuple[Tenure, Person], ...]]
    leaders: dict[str, tuple[tuple[Tenure, Person], ...]]
    warnings: tuple[str, ...] = ()
    first_words: frozenset[str] = frozenset()
    term_first_words: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()         # every leading part of a name key: scans stop early
    term_prefixes: frozenset[str] = frozenset()
    ci_names: dict[str, tuple[Entry, ...]] = field(default_factory=dict)  # generated names, lower-case keys
    translit: dict[str, Person] = field(default_factory=dict)  # translit_key -> the one person with it
    ci_prefixes: frozenset[str] = frozenset()

    def __repr__(self) -> str:
        return (f"<ActorTables {len(self.countries)} countries, {len(self.people)} people, "
                f"{len(self.bodies)} bodies, {len(self.terms)} terms, {len(self.warnings)} warnings>")

    def resolve(self, text: str, date: str | None = None) -> Actor | None:
        """The actor a free string names on ``date`` ("the Pentagon", "Armenian Prime Minister"),
        or None when the tables don't support an answer."""
        from dyad.actors.resolve import resolve_text

        return resolve_text(self, text, date)

    def canonical_role(self, role: str) -> Term | None:
        """The person-kind term a role title contains: "Minister of Foreign Affairs" -> foreign minister."""
        return _canonical_role(self.terms, role)


def _canonical_role(terms: dict[str, Term], role: str) -> Term | None:
    words = word_key(role).replace(",", " ").split()
    for i in range(len(words)):
        for j in range(min(len(words), i + 6), i, -1):
            term = terms.get(" ".join(words[i:j]))
            if term and term.kind == "person":
                return term
    return None


@functools.lru_cache(maxsize=1 << 16)
def _first_word(key: str) -> str:
    """The scan's cheap pre-filter key: the first run of word characters, lower-cased
    (cached: the scan asks it of every word of every article, and news repeats its words)."""
    m = _WORD_RUN.match(key)
    return m.group(0).lower() if m else key[:1]


def _plural(adjective: str) -> str | None:
    """"Russian" -> "Russians", "Israeli" -> "Israelis", "Turk" -> "Turks"; None where English has no
    plural noun ("Chinese", "British", "US")."""
    if not adjective[-1:].islower() or " " in adjective or adjective.endswith(("ese", "sh", "ch", "s", "x")):
        return None
    return adjective + "s"


def _build(raw: _Raw, warnings: list[str], strict_report: RowReport) -> ActorTables:
    countries = {k: v[0] for k, v in raw.countries.items()}
    terms = {k: v[0] for k, v in raw.terms.items()}
    bodies: dict[str, Body] = {}
    names: dict[str, list[Entry]] = {}
    ci_names: dict[str, list[Entry]] = {}
    country_words = {word_key(t) for c in countries.values() for t in (c.name, *c.aliases, *c.adjectives)}

    def _readable(key: str) -> bool:
        """"us senate", "russian defence ministry": the grammar reads it from the hand tables."""
        words = key.split()
        return any(" ".join(words[:k]) in country_words and " ".join(words[k:]) in terms
                   for k in range(1, len(words)))

    def index(text: str, entry: Entry, generated: bool = False) -> None:
        key = name_key(text)
        if generated:
            key = key.lower().replace("'", "")
            if len(key) < GENERATED_MIN_NAME or key in terms or _readable(key):
                return
            bucket = ci_names.setdefault(key, [])
        elif key:
            bucket = names.setdefault(key, [])
        else:
            return
        if entry not in bucket:
            bucket.append(entry)

    for country in countries.values():
        for text in (country.name, *country.aliases):
            index(text, Entry("country", country))
        for adjective in country.adjectives:
            index(adjective, Entry("adjective", country))
            plural = _plural(adjective)
            if plural:
                index(plural, Entry("people", country))
        for metonym in country.metonyms:
            index(metonym, Entry("metonym", country))
    for body, metonyms in raw.igos.values():
        bodies[body.id] = body
        for text in (body.name, *body.aliases):
            index(text, Entry("igo", body))
        for metonym in split_cell(metonyms):
            index(metonym, Entry("igo_metonym", body))
    for body, _state, _where in raw.media.values():
        bodies[body.id] = body
        for text in (body.name, *body.aliases):
            index(text, Entry("media", body))
    org_rows: dict[str, list[tuple[dict[str, str], str]]] = {}
    for (key, _start), (row, where) in raw.orgs.items():
        org_rows.setdefault(key, []).append((row, where))
    for rows in org_rows.values():
        rows.sort(key=lambda r: r[0]["valid_from"])
        tenures = []
        generated = all((word_key(r["name"]), r["valid_from"]) in raw.generated_orgs for r, _ in rows)
        for row, where in rows:
            start = parse_date(row["valid_from"])[0] if row["valid_from"] else OPEN_START
            end = parse_date(row["valid_to"])[1] if row["valid_to"] else OPEN_END
            if row["valid_to"] and len(row["valid_to"]) == 10:
                end = row["valid_to"]
            tenures.append(Tenure(row["country"] or None, row["sector"], row["name"], start, end,
                                  where="" if generated else where))
        first = rows[-1][0]
        body = Body("org", first["name"], first["name"], split_cell(first["aliases"]), tuple(tenures))
        bodies[body.id] = body
        entry = Entry("org", body)   # one shared entry per target keeps the compiled cache small
        for text in (body.name, *body.aliases):
            index(text, entry, generated)
    place_entries = {iso3: Entry("place", country) for iso3, country in countries.items()}
    for iso3, country in countries.items():
        # a capital that is no seat of government in the table still gives its country ("Tórshavn police")
        if country.capital and name_key(country.capital) not in names and len(country.capital) > 3:
            index(country.capital, place_entries[iso3])
    for phrase, iso3 in raw.places.values():
        if iso3 in countries:
            index(phrase, place_entries[iso3], True)
    for term in terms.values():
        if term.phrase != term.phrase.lower():
            index(term.phrase, Entry("term", term))  # "PM", "MPs", "CEO": case decides

    people = _build_people(raw, terms, strict_report, warnings)
    surnames: dict[str, list[Person]] = {}
    holders: dict[tuple[str, str], list[tuple[Tenure, Person]]] = {}
    leaders: dict[str, list[tuple[Tenure, Person]]] = {}
    translit: dict[str, Person | None] = {}
    # words of people's longer names: a dictionary's one-word name that is also someone's given
    # name or surname ("Hussein", "Abdullah") would match that other person in running text
    name_words = {w for person in people for text in (person.name, *person.aliases)
                  for w in (fold(text).lower().split() if len(text.split()) >= 2 else ())}
    for person in people:
        country = person.country
        entry = Entry("person", person)
        # a dictionary's person known by one word alone (GOLLUM, SUHARTO): that word is the name
        mononym = person.generated and len(person.name.split()) == 1
        for text in (person.name, *person.aliases):
            tkey = translit_key(text)
            if len(tkey.split()) >= 2:
                translit[tkey] = person if translit.get(tkey, person) is person else None
        for text in (person.name, *person.aliases):
            if person.generated and len(text.split()) < 2 and not (
                    mononym and fold(text).lower() not in name_words and name_key(text) not in names
                    and fold(text).lower() not in ci_names):   # nor a place's ("Strathclyde")
                continue  # a dictionary's lone surname ("JOSIPOVIC_") would match any capitalised word
            variants = [text, fold(text), _INITIALS_CASED.sub("", fold(text))] if person.generated \
                else name_variants(text, country)
            words = fold(text).split()
            if person.generated and country in TWO_SURNAMES and len(words) == 3:
                variants.append(f"{words[0]} {words[1]}")   # "Oscar Arias Sanchez" -> "Oscar Arias"
            for variant in variants:
                index(variant, entry, person.generated)
        if person.generated:
            continue  # no surname index: thousands of ministers share family names
        families = {person.family, *(surname(alias, country) for alias in person.aliases)}
        for family in families:
            if family and len(family) > 1:
                bucket = surnames.setdefault(name_key(family), [])
                if person not in bucket:
                    bucket.append(person)
        for tenure in person.tenures:
            if tenure.country and tenure.canonical:
                holders.setdefault((tenure.country, tenure.canonical), []).append((tenure, person))
            if tenure.country and tenure.leader:
                leaders.setdefault(tenure.country, []).append((tenure, person))

    frozen = {k: tuple(v) for k, v in names.items()}
    lower: dict[str, list[Entry]] = {}
    for key, entries in frozen.items():
        bucket = lower.setdefault(key.lower(), [])
        bucket.extend(e for e in entries if e not in bucket)
    ci_frozen = {k: tuple(v) for k, v in ci_names.items() if k not in lower}
    return ActorTables(
        countries=countries,
        people=tuple(people),
        bodies=bodies,
        terms=terms,
        names=frozen,
        names_lower={k: tuple(v) for k, v in lower.items()},
        surnames={k: tuple(v) for k, v in surnames.items()},
        holders={k: tuple(v) for k, v in holders.items()},
        leaders={k: tuple(v) for k, v in leaders.items()},
        warnings=tuple(warnings),
        first_words=frozenset(_first_word(k) for k in (*frozen, *surnames, *ci_frozen)),
        term_first_words=frozenset(w for k in terms for w in (_first_word(k), _first_word(k) + "s")),
        prefixes=_prefixes([*frozen, *surnames]),
        term_prefixes=_prefixes(terms),
        ci_names=ci_frozen,
        translit={k: p for k, p in translit.items() if p is not None},
        ci_prefixes=_word_prefixes(ci_frozen),
    )


def _prefixes(keys) -> frozenset[str]:  # noqa: ANN001 - any iterable of str
    return frozenset(key[:n] for key in keys for n in range(1, len(key) + 1))


def _word_prefixes(keys) -> frozenset[str]:  # noqa: ANN001 - any iterable of str
    """The leading parts of keys that end where a token can end (before a space or punctuation,
    or at a letter/punctuation change): all the scan ever asks about, at a fraction of the size."""
    out = set()
    for key in keys:
        for n in range(1, len(key) + 1):
            if n == len(key) or not key[n].isalnum() or not key[n - 1].isalnum():
                out.add(key[:n])
    return frozenset(out)


def tenure_span(row: dict[str, str], horizon: str | None) -> tuple[str, str, str]:
    """(start, end, end_low) of a people row as padded comparable strings; an open end stops at
    ``horizon`` when the row comes from a converted dictionary."""
    start = parse_date(row["valid_from"])[0] if row["valid_from"] else OPEN_START
    if row["valid_to"]:
        end_low, end_high = parse_date(row["valid_to"])
        end = row["valid_to"] if len(row["valid_to"]) == 10 else end_high
    elif horizon:
        end_low = end = horizon
    else:
        end_low = end = OPEN_END
    return start, end, end_low


_INITIALS = re.compile(r"(?<=\w) [a-z]\.(?= \w)")


_INITIALS_CASED = re.compile(r"(?<=\w) [A-Za-z]\.(?= \w)")


def without_initials(key: str) -> str:
    """"robert b. zoellick" -> "robert zoellick": a dictionary lists one man with and without it."""
    return _INITIALS.sub("", key)


def match_hand_person(raw: _Raw) -> dict[str, tuple[str, frozenset[str]]]:
    """Name-variant key -> (group key, countries) of every hand person: how a dictionary's person
    is recognised as one the hand tables already know."""
    out: dict[str, tuple[str, set[str]]] = {}
    for key, (row, _where, _shipped) in raw.people.items():
        if key in raw.generated_people:
            continue
        group = person_group_key(raw, row)
        for text in (row["name"], *split_cell(row["aliases"])):
            for variant in name_variants(text, row["country"] or None):
                entry = out.setdefault(word_key(variant), (group, set()))
                if entry[0] == group and row["country"]:
                    entry[1].add(row["country"])
    return {k: (g, frozenset(c)) for k, (g, c) in out.items()}


def person_group_key(raw: _Raw, row: dict[str, str]) -> str:
    """The key that groups a person's rows: their Q-id, else their folded name."""
    name = word_key(row["name"])
    qid = row["wikidata"]
    if not qid:
        qids = raw.qids_by_name.get(name, ())
        if len(qids) == 1:
            qid = next(iter(qids))
    return qid or name


def _build_people(raw: _Raw, terms: dict[str, Term], strict: RowReport, warnings: list[str]) -> list[Person]:
    """Group tenure rows into people, check overlaps, and fill in canonical roles.

    A person is their Q-id when known, else their folded name; a name-only row joins the Q-id of
    the same name when exactly one such Q-id exists. A converted dictionary's person whom the
    hand tables know (same name, same country) lends only its tenures that are not ELI (dyad
    works "former" out itself), and of those only the years before the first hand tenure they
    reach: the hand tables win where they speak, the dictionary fills the years before (a
    senator before he was a minister, a chancellor before he was prime minister).
    """
    raw.qids_by_name = {}
    for row, _where, _shipped in raw.people.values():
        if row["wikidata"]:
            raw.qids_by_name.setdefault(word_key(row["name"]), set()).add(row["wikidata"])
    hand = match_hand_person(raw)
    groups: dict[str, list[tuple[dict[str, str], str, bool, bool]]] = {}
    for key, (row, where, shipped) in raw.people.items():
        if key not in raw.generated_people:
            groups.setdefault(person_group_key(raw, row), []).append((row, where, shipped, False))
            continue
        known = next((hand[word_key(t)] for t in (row["name"], *split_cell(row["aliases"])) if word_key(t) in hand), None)
        if known is None:
            groups.setdefault("gen:" + without_initials(word_key(row["name"])), []).append((row, where, shipped, True))
        elif row["sector"] != FORMER_SECTOR and (not row["country"] or row["country"] in known[1]):
            groups.setdefault(known[0], []).append((row, where, shipped, True))

    lenient = RowReport(False, warnings)
    people = []
    for group_key, rows in groups.items():
        generated = all(r[3] for r in rows)
        hand_spans = [tenure_span(r[0], None) for r in rows if not r[3]]
        rows.sort(key=lambda r: (r[0]["valid_from"] or "0000", r[1]))
        kept: list[tuple[dict[str, str], str, bool, Tenure, str]] = []
        for row, where, shipped, from_dictionary in rows:
            horizon = raw.horizons.get(where.rpartition(":")[0]) if from_dictionary else None
            start, end, end_low = tenure_span(row, horizon)
            cut = False   # ended where a hand tenure begins, not at the dictionary's horizon
            if from_dictionary:
                # the hand tables speak for their dates: the dictionary keeps the years before
                # ("GBRGOV from 2003" for a man the hand tables know as prime minister from 2007)
                first = min((h_start for h_start, h_end, _ in hand_spans if start < h_end and h_start < end),
                            default=None)
                if first is not None:
                    if first <= start:
                        continue
                    end = end_low = first
                    cut = True
            clash = next((k for k in kept if word_key(k[0]["role"]) == word_key(row["role"])
                          and start < k[4] and k[3].start < end_low), None)
            if clash is not None and from_dictionary:
                continue  # a dictionary listing one span twice: keep the first
            if clash is not None:
                path, _, line = where.rpartition(":")
                report = strict if (shipped and clash[2]) else lenient
                report.bad(f"tenure {row['valid_from']}..{row['valid_to'] or 'open'} as {row['role']!r} overlaps "
                           f"{clash[1]} ({clash[0]['valid_from']}..{clash[0]['valid_to'] or 'open'})",
                           Path(path), int(line))
                continue
            # a dictionary's code names a sector, not an office
            term = None if from_dictionary else _canonical_role(terms, row["role"])
            tenure = Tenure(row["country"] or None, row["sector"], row["role"], start, end,
                            term.canonical if term else word_key(row["role"]), bool(term and term.leader),
                            "" if from_dictionary else where, horizon=bool(horizon and not row["valid_to"] and not cut))
            kept.append((row, where, shipped, tenure, end_low))
        if not kept:
            continue
        named = [k for k in kept if not k[3].where == "" or generated] or kept
        latest = named[-1][0]
        aliases: list[str] = []
        for row, *_ in named:
            for alias in split_cell(row["aliases"]):
                if alias not in aliases and alias != latest["name"]:
                    aliases.append(alias)
            if row["name"] != latest["name"] and row["name"] not in aliases:
                aliases.append(row["name"])
        wikidata = next((r[0]["wikidata"] for r in kept if r[0]["wikidata"]), None)
        country = next((k[3].country for k in named if k[3].country), None)
        tenures = tuple(sorted((k[3] for k in kept), key=lambda t: t.start))
        people.append(Person(key=slug(latest["name"]), name=latest["name"], aliases=tuple(aliases),
                             wikidata=wikidata, tenures=tenures,
                             family=surname(latest["name"], country), generated=generated))
    return people


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of one of dyad's own TSV tables (``#`` lines, a header row); a bad file raises DataError."""
    return read_rows(path, columns, RowReport(True, []))


def read_people(hand_dir: Path = DATA_DIR, generated_dir: Path | None = None) -> _Raw:
    """The countries and people rows of ``hand_dir`` (and of ``generated_dir``, marked as
    generated), as read before people are built: for checks that compare the two."""
    raw = _Raw()
    report = RowReport(True, [])
    _read_countries(hand_dir / "countries.tsv", raw, report)
    if generated_dir is not None:
        for path in sorted(generated_dir.glob(PEOPLE_GLOB)):
            _read_people(path, raw, report, False, generated=True)
    for path in sorted(hand_dir.glob(PEOPLE_GLOB)):
        _read_people(path, raw, report, True)
    for row, _where, _shipped in raw.people.values():
        if row["wikidata"]:
            raw.qids_by_name.setdefault(word_key(row["name"]), set()).add(row["wikidata"])
    return raw


def _user_dirs(data_dir: Path) -> list[Path]:
    """A user's tables may sit in ``data_dir/actors/`` (like dyad's) or directly in ``data_dir``."""
    return [d for d in (data_dir / "actors", data_dir) if d.is_dir()]


def _load(data_dirs: tuple[Path, ...]) -> ActorTables:
    warnings: list[str] = []
    strict = RowReport(True, warnings)
    raw = _Raw()
    sources = [(DATA_DIR, strict, True)]
    for data_dir in data_dirs:
        sources += [(d, RowReport(False, warnings), False) for d in _user_dirs(data_dir)]
    generated = [(GENERATED_DIR, strict, True)] if GENERATED_DIR.is_dir() else []
    for data_dir in data_dirs:
        generated += [(d / "generated", RowReport(False, warnings), False) for d in _user_dirs(data_dir)
                      if (d / "generated").is_dir()]
    # countries first: every other table checks its country codes against them
    for folder, report, _shipped in sources:
        if (folder / "countries.tsv").is_file():
            _read_countries(folder / "countries.tsv", raw, report)
    if not raw.countries:
        raise DataError("no countries.tsv found: the actor tables are missing", path=str(DATA_DIR))
    for folder, report, _shipped in generated:
        for name, reader in (("sectors.tsv", _read_terms), ("places.tsv", _read_places)):
            if (folder / name).is_file():
                reader(folder / name, raw, report)
        if (folder / "organizations.tsv").is_file():
            _read_orgs(folder / "organizations.tsv", raw, report, generated=True)
        for path in sorted(folder.glob(PEOPLE_GLOB)):
            _read_people(path, raw, report, False, generated=True)
    for folder, report, shipped in sources:
        for name, reader in (("sectors.tsv", _read_terms), ("igos.tsv", _read_igos),
                             ("media.tsv", _read_media), ("organizations.tsv", _read_orgs)):
            if (folder / name).is_file():
                reader(folder / name, raw, report)
        for path in sorted(folder.glob(PEOPLE_GLOB)):
            _read_people(path, raw, report, shipped)
    return _build(raw, warnings, strict)


@functools.lru_cache(maxsize=8)
def _load_cached(data_dirs: tuple[Path, ...]) -> ActorTables:
    from dyad.actors.compiled import cached

    folders = [DATA_DIR, GENERATED_DIR, *(d for data_dir in data_dirs for d in _user_dirs(data_dir))]
    folders += [d / "generated" for d in folders[2:]]
    files = [p for folder in folders if folder.is_dir() for p in folder.glob("*.tsv")]
    return cached("actor-tables", files, lambda: _load(data_dirs))


def load_tables(data_dir: str | Path | None = None) -> ActorTables:
    """Load dyad's actor tables plus a user's ``data_dir`` overrides (cached per process).

    Raises ``DataError`` (file:line) for a bad row in dyad's own files; a user's bad rows are
    skipped and listed in ``ActorTables.warnings``.
    """
    dirs = (Path(data_dir).resolve(),) if data_dir else ()
    return _load_cached(dirs)


__all__ = ["ActorTables", "Body", "Country", "Entry", "Person", "Tenure", "Term", "code_for", "day_of",
           "load_tables"]
