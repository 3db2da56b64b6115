"""Convert PETRARCH/TABARI actor and agent dictionaries (the Phoenix set) into dyad's own tables.

    python -m dyad.actors.phoenix [SOURCE_DIR] [--out DIR] [--check]

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt`` (or any files of the same formats
passed with ``--actors`` / ``--agents``, e.g. a user's own TABARI dictionaries) and writes, in
dyad's table formats (see ``dyad/data/actors/README.md``):

- ``people-phoenix.tsv``: people with dated codes, one row per code span;
- ``organizations.tsv``: named bodies, IGOs, NGOs, companies and armed groups;
- ``places.tsv``: a country's other names in the dictionaries (cities, provinces, regions), each
  giving its country when it modifies a role ("Kano State government", "Shanghai police");
- ``sectors.tsv``: agent nouns -> sector, with their irregular plurals and substitutions.

Every file is headed by the source, the commit, the licence and the conversion date. The
generated folder is read *before* dyad's hand tables, so a hand row with the same key wins, and a
generated person whose name a hand person carries is dropped whole (see ``tables``).

``--check`` prints every disagreement between the hand people tables and the Phoenix people on
who held an office when (see ``dyad.actors.checks``) instead of converting.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyad.actors.names import PARTICLES, fold, word_key
from dyad.errors import DataError

#: Where the generated tables live: read before the hand tables, which win on a shared key.
GENERATED_DIR = Path(__file__).resolve().parent.parent / "data" / "actors" / "phoenix"

#: The Phoenix dictionaries were last revised around January 2014 to mid-2015; an open-ended
#: role (``>YYMMDD`` or an undated code) was current then and says nothing about later dates.
#: The converter writes this as the file's ``# Horizon:`` line; the loader ends such roles there
#: and, after it, codes the person by country alone (not as a former official: we don't know).
PHOENIX_HORIZON = "2015-07-01"

SOURCE = "openeventdata/petrarch2 @ 676801cd (Phoenix dictionaries: CountryInfo.140130 and later edits)"
LICENCE = "MIT (c) 2014 Open Event Data Alliance; converted by dyad.actors.phoenix, do not edit by hand"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"

#: Phoenix country codes that are not ISO 3166-1 alpha-3 -> dyad's code (successor states for the
#: USSR, Yugoslavia, Czechoslovakia and the GDR, as dyad codes them).
COUNTRY_CODES = {"KSV": "XKX", "TMP": "TLS", "CFR": "CAF", "SCG": "SRB", "YUG": "SRB", "FRY": "SRB", "USR": "RUS",
                 "SUN": "RUS", "CSK": "CZE", "DDR": "DEU", "ROM": "ROU", "ZAR": "COD", "BUR": "MMR"}

#: Religion codes of CAMEO's third level: dyad codes them all as the religious sector.
RELIGION_CODES = frozenset({"MUS", "CHR", "JEW", "HIN", "BUD", "CTH", "PRO", "ORT", "SHI", "SUN", "SIK",
                            "JAN", "TAO", "CON", "BAH", "ZRO", "ALE", "ITH", "DRZ", "MOS", "ANG"})

#: CAMEO sector codes dyad knows (kept here, not imported, so the converter runs without the tables).
SECTORS = frozenset({
    "GOV", "MIL", "LEG", "JUD", "MED", "OPP", "BUS", "REB", "COP", "EDU", "CVL", "IGO", "SPY", "ELI",
    "PTY", "LAB", "REL", "HLH", "REF", "NGO", "MNC", "AGR", "ENV", "HRI", "CRM", "UAF", "IMG", "MOD", "RAD",
})
STATELESS = frozenset({"IGO", "IMG", "NGO", "MNC"})
#: Branches a ``GOV...`` code narrows to: "USAGOVLEG" (a legislator) is coded LEG, as dyad does.
NARROWER_THAN_GOV = frozenset({"LEG", "JUD", "MIL", "SPY", "COP"})
#: How a person's role reads when a dictionary gives only its sector code.
SECTOR_NAMES = {"GOV": "government official", "MIL": "military official", "LEG": "legislator", "JUD": "judge",
                "ELI": "elite", "OPP": "opposition figure", "REB": "rebel leader", "SPY": "intelligence official",
                "COP": "police official", "IGO": "international official", "MED": "journalist",
                "BUS": "business figure", "PTY": "party official", "REL": "religious leader", "NGO": "NGO official",
                "HRI": "human rights activist", "LAB": "labour leader", "EDU": "academic", "CVL": "civilian"}

#: Last words that make an agent phrase a body (an institution) rather than a person's role.
BODY_NOUNS = frozenset({
    "ministry", "ministries", "department", "council", "committee", "commission", "army", "navy", "police",
    "force", "forces", "party", "government", "court", "parliament", "agency", "union", "association",
    "assembly", "congress", "senate", "cabinet", "administration", "authority", "authorities", "office",
    "bureau", "service", "services", "guard", "militia", "regime", "junta", "board", "company", "firm",
    "bank", "university", "school", "church", "mosque", "press", "media", "newspaper", "legislature",
    "tribunal", "judiciary", "embassy", "consulate", "group", "movement", "front", "brigade", "battalion",
    "unit", "corps", "directorate", "secretariat", "federation", "organization", "organisation",
    "coalition", "alliance", "opposition", "military", "gendarmerie", "gendarmery", "fleet", "troops",
})

#: A synonym starting with one of these is a title plus a name ("PRESIDENT_PUTIN_"): dyad's grammar
#: reads titles itself, so such synonyms are not indexed as names.
TITLE_WORDS = frozenset({
    "president", "prime", "premier", "minister", "foreign", "defense", "defence", "interior", "finance",
    "secretary", "general", "gen.", "gen", "col.", "colonel", "king", "queen", "prince", "sheikh", "emir",
    "chancellor", "ambassador", "senator", "sen.", "rep.", "governor", "gov.", "mayor", "chief", "leader",
    "deputy", "vice", "former", "ex", "mr.", "mr", "mrs.", "ms.", "dr.", "dr", "pm", "un", "u.n.",
    "commander", "spokesman", "envoy", "head", "chairman", "sultan", "speaker", "lt.", "maj.", "admiral",
})

_CODE = re.compile(r"\[([^\]]*)\]")
_ABBR = re.compile(r"^(.*?)\s*\(([A-Za-z0-9.\-&']{2,12})\)\s*$")
_DATE6 = re.compile(r"^\d{6}$")
_DATE8 = re.compile(r"^\d{8}$")
_TOKEN_SUB = re.compile(r"!(\w+)!")
_TRAILING = frozenset({"to", "of", "for", "from", "in", "on", "at", "the", "and", "with"})
#: A province or state is named without its suffix too ("Rakhine State" -> "Rakhine").
_PLACE_SUFFIXES = (" State", " Province", " Region", " Governorate", " Oblast", " District", " Prefecture")


@dataclass(slots=True)
class Code:
    """One ``[CODE restriction]`` of a dictionary entry, dates as ISO strings ("" = open)."""

    code: str
    start: str = ""
    end: str = ""
    dated: bool = False


@dataclass(slots=True)
class Entry:
    """One actor of a dictionary: its primary phrases, synonyms and codes, and where it starts."""

    names: list[str]
    synonyms: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    comment: str = ""
    path: str = ""
    line: int = 0


# ---------------------------------------------------------------------------------- parsing

def tabari_date(text: str, path: str = "", line: int = 0) -> str:
    """"080507" -> "2008-05-07", "19270101" -> "1927-01-01"; YY 00-30 is 20YY, else 19YY (as
    KEDS, TABARI and PETRARCH read them). Raises DataError on anything else."""
    text = text.strip()
    if _DATE6.match(text):
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    elif _DATE8.match(text):
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        raise DataError(f"bad TABARI date {text!r}: use YYMMDD or YYYYMMDD", path=path, line=line)
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError as exc:
        raise DataError(f"bad TABARI date {text!r}: {exc}", path=path, line=line) from exc


def parse_code(text: str, path: str = "", line: int = 0) -> Code | None:
    """"RUSGOV >080508" -> Code("RUSGOV", start="2008-05-08"); "---" (no code) -> None."""
    parts = text.split()
    if not parts or parts[0].startswith("---"):
        return None
    code = parts[0]
    rest = "".join(parts[1:])
    if not rest:
        return Code(code)
    if rest.startswith(">"):
        return Code(code, start=tabari_date(rest[1:], path, line), dated=True)
    if rest.startswith("<"):
        return Code(code, end=tabari_date(rest[1:], path, line), dated=True)
    first, sep, last = rest.partition("-")
    if not sep:
        raise DataError(f"bad code restriction {text!r}", path=path, line=line)
    return Code(code, tabari_date(first, path, line), tabari_date(last, path, line), dated=True)


def phrase_text(raw: str) -> str:
    """"VLADIMIR_V._PUTIN_" -> "VLADIMIR V. PUTIN" (the dictionaries' word joints and stops removed)."""
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()


def read_actors(path: Path, warnings: list[str]) -> list[Entry]:
    """Parse a TABARI/PETRARCH ``.actors`` file into entries.

    Primary lines start in column 0 (several uncoded primaries in a row share the codes that follow
    them), ``+`` lines are synonyms, indented ``[CODE date]`` lines (or codes on the primary line)
    give codes. A bad date skips that code with a warning naming file:line.
    """
    entries: list[Entry] = []
    pending: list[Entry] = []   # primaries waiting for their code lines

    def flush() -> None:
        entries.extend(pending)
        pending.clear()

    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DataError(f"can't read actor dictionary: {exc}", path=str(path)) from exc
    for number, raw in enumerate(lines, 1):
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        codes = []
        for m in _CODE.finditer(body):
            try:
                code = parse_code(m.group(1), str(path), number)
            except DataError as exc:
                warnings.append(f"{exc} (code skipped)")
                continue
            if code is not None:
                codes.append(code)
        text = _CODE.sub(" ", body)
        if raw[:1] in (" ", "\t") or not text.strip():
            # a code line: uncoded primaries written one after another are one actor's names
            if len(pending) > 1 and not any(e.codes or e.synonyms for e in pending[:-1]):
                first = pending[0]
                for other in pending[1:]:
                    first.synonyms.extend([*other.names, *other.synonyms])
                del pending[1:]
            target = pending[-1] if pending else (entries[-1] if entries else None)
            if target is not None:
                target.codes.extend(codes)
            continue
        if text.lstrip().startswith("+"):
            target = pending[-1] if pending else (entries[-1] if entries else None)
            if target is not None:
                target.synonyms.append(phrase_text(text.lstrip()[1:]))
            continue
        # a new primary: a pending actor that already has codes or synonyms is complete
        if pending and (pending[-1].codes or pending[-1].synonyms):
            flush()
        entry = Entry([phrase_text(text)], codes=codes, comment=comment.strip(), path=str(path), line=number)
        pending.append(entry)
        if codes:
            flush()
    flush()
    return entries


@dataclass(frozen=True, slots=True)
class Agent:
    """One agent noun: phrase (lower case), sector, kind person/body."""

    phrase: str
    sector: str
    kind: str


def read_agents(path: Path, warnings: list[str]) -> list[Agent]:
    """Parse a PETRARCH agents file: ``PHRASE {plurals} [~SEC]`` with ``!NAME! = A, B`` substitutions."""
    subs: dict[str, list[str]] = {}
    out: dict[str, Agent] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DataError(f"can't read agent dictionary: {exc}", path=str(path)) from exc
    for number, raw in enumerate(lines, 1):
        body = raw.partition("#")[0].strip()
        if not body:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", body)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        code_m = _CODE.search(body)
        if not code_m:
            warnings.append(f"{path}:{number}: agent without a [code] (skipped)")
            continue
        sector = agent_sector(code_m.group(1))
        if sector is None:
            warnings.append(f"{path}:{number}: agent code {code_m.group(1)!r} has no dyad sector (skipped)")
            continue
        phrase_part = body[:code_m.start()]
        plurals = re.findall(r"\{([^}]*)\}", phrase_part)
        phrase_part = re.sub(r"\{[^}]*\}", " ", phrase_part)
        phrases = [phrase_part.strip(), *(p.strip() for p in plurals if p.strip())]
        for phrase in phrases:
            for expanded in _expand(phrase, subs):
                text = phrase_text(expanded).lower()
                if not text or len(text) < 3 or text.split()[-1] in _TRAILING:
                    continue  # "AMBASSADOR_TO": a pattern's start, not a noun phrase
                words = text.split()
                head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]  # "department of X"
                kind = "body" if head in BODY_NOUNS or head.rstrip("s") in BODY_NOUNS else "person"
                out.setdefault(text, Agent(text, sector, kind))
    return list(out.values())


def _expand(phrase: str, subs: dict[str, list[str]]) -> Iterator[str]:
    m = _TOKEN_SUB.search(phrase)
    if not m:
        yield phrase
        return
    for word in subs.get(m.group(1), [m.group(1)]):
        yield from _expand(phrase[:m.start()] + word.lower() + phrase[m.end():], subs)


def agent_sector(code: str) -> str | None:
    """"~GOVMED" -> GOV, "~MUSRAD" -> REL, "IGO~" -> IGO; None when no part is a dyad sector."""
    code = code.replace("~", "").strip()
    for k in range(0, len(code) - 2, 3):
        part = code[k:k + 3]
        if part in SECTORS:
            return part
        if part in RELIGION_CODES:
            return "REL"
    return None


# ------------------------------------------------------------------------------ interpreting

def split_code(code: str, countries: set[str]) -> tuple[str | None, str | None] | None:
    """"RUSGOV" -> ("RUS", "GOV"); "IGOUNOKID" -> (None, "IGO"); "USAGOVBUS" -> ("USA", "GOV");
    "RUS" -> ("RUS", None); "USAASM" -> ("ASM", None) (a territory); None when dyad can't code it."""
    code = code.strip().upper()
    head = code[:3]
    if head in STATELESS:
        return None, head
    if head == "INT":
        return None, "IMG"   # CAMEO's "international" armed group
    country = COUNTRY_CODES.get(head, head)
    if country not in countries:
        if head in SECTORS:
            return None, None if head not in STATELESS else head
        return None
    rest = [code[k:k + 3] for k in range(3, len(code), 3)]
    if rest and rest[0] in countries and rest[0] not in SECTORS:
        return rest[0], next((p for p in rest[1:] if p in SECTORS), None)  # a territory: USAASM -> ASM
    sectors = [p for p in rest if p in SECTORS]
    if sectors:
        # "GOVLEG", "GOVMIL": a government body of a narrower branch is that branch
        narrower = [p for p in sectors[1:] if p in NARROWER_THAN_GOV]
        return country, narrower[-1] if sectors[0] == "GOV" and narrower else sectors[0]
    if any(p in RELIGION_CODES for p in rest):
        return country, "REL"
    return country, None


#: Small words a display name keeps in lower case ("Army of the Pure").
_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "at", "to"})


def display_name(text: str) -> str:
    """"VLADIMIR V. PUTIN" -> "Vladimir V. Putin", "BASHAR AL-ASSAD" -> "Bashar al-Assad"."""
    words = []
    for k, word in enumerate(text.split()):
        if not word.isupper() and not word.isdigit():
            words.append(word)      # already mixed case ("PEOPLE's" stays as written)
            continue
        parts = []
        for n, part in enumerate(word.split("-")):
            low = part.lower()
            if k > 0 and low in _SMALL and "-" not in word:
                parts.append(low)
            elif len(text.split()) == 1 and part.isalpha() and (len(part) <= 3 or _acronym(part)):
                parts.append(part)      # a lone short word is an acronym: "PLA", "ANSF"
            elif (k > 0 or n > 0) and low in PARTICLES and n < len(word.split("-")) - 1 or (k > 0 and low in PARTICLES
                                                                                          and "-" not in word):
                parts.append(low)
            elif low.startswith("mc") and len(low) > 3:
                parts.append("Mc" + low[2:].capitalize())
            elif "'" in low and len(low) > 2 and low[1] == "'":
                parts.append(low[0].upper() + "'" + low[2:].capitalize())
            elif len(part) <= 4 and "." not in part and k > 0 and part.isalpha() and _acronym(part):
                parts.append(part)
            else:
                parts.append(low.capitalize())
        words.append("-".join(parts))
    return " ".join(words)


def _acronym(word: str) -> bool:
    """A short all-capital word without vowels reads as an acronym ("PKK", "FDLR")."""
    return not any(c in "AEIOUY" for c in word.upper())


def _clean(name: str) -> tuple[str, list[str]]:
    """A display name and the extra aliases in it: "ISLAMIC ARMY OF ADEN (IAA)" -> name + "IAA"."""
    name = display_name(name).strip(" ,;")
    m = _ABBR.match(name)
    if m and m.group(1):
        return m.group(1).strip(), [m.group(2).upper()]
    return name, []


#: How many different dated roles make a one-word, uncommented entry a person: one dated role
#: is as often a body's span of existence (a parliament of a state that ended) as a person's.
MIN_ROLES_OF_ONE_WORD_PERSON = 2


def _is_person(entry: Entry) -> bool:
    """CountryInfo people carry a source comment or dated codes; bodies carry neither."""
    if "countryinfo" in entry.comment.lower() or "rulers" in entry.comment.lower():
        return True
    if not any(c.dated for c in entry.codes):
        return False
    words = phrase_text(entry.names[0]).lower().split()
    if len(words) == 1:
        # a one-word name is a person when its dated codes give it roles that change over time
        # (GOLLUM [HOBGOV 950601-990815] [HOBREB >990816]); a country's dated codes change its
        # country (ARMENIA [USRARM <900823] [ARM >911221]), a body's keep one role (VOLKSKAMMER)
        roles = {c.code.upper()[3:6] for c in entry.codes if c.dated} & SECTORS
        return len(roles) >= MIN_ROLES_OF_ONE_WORD_PERSON
    return 2 <= len(words) <= 5 and not any(w in BODY_NOUNS for w in words)


def _good_alias(alias: str) -> bool:
    words = alias.lower().split()
    return bool(words) and words[0] not in TITLE_WORDS and "," not in alias and len(alias) > 2 \
        and not any(c.isdigit() for c in alias)


# ---------------------------------------------------------------------------------- writing

@dataclass
class Converted:
    """What a conversion produced, as rows of dyad's table formats."""

    people: list[dict[str, str]] = field(default_factory=list)
    orgs: list[dict[str, str]] = field(default_factory=list)
    places: list[dict[str, str]] = field(default_factory=list)
    sectors: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    ambiguous_places: set[str] = field(default_factory=set)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


def _hand_countries() -> tuple[set[str], set[str]]:
    """dyad's country codes and every name/adjective it already indexes (lower case)."""
    from dyad.actors.tables import COLUMNS, DATA_DIR, read_table, split_cell

    codes: set[str] = set()
    known: set[str] = set()
    for _line, row in read_table(DATA_DIR / "countries.tsv", COLUMNS["countries.tsv"]):
        codes.add(row["iso3"])
        for text in (row["name"], *split_cell(row["aliases"]), *split_cell(row["adjectives"]),
                     *split_cell(row["metonyms"])):
            known.add(word_key(text))
    return codes, known


def convert(actor_files: Iterable[Path], agent_files: Iterable[Path]) -> Converted:
    """Read dictionaries, return rows for dyad's people, organizations, places and sectors tables."""
    out = Converted()
    countries, known_names = _hand_countries()
    seen_people: set[tuple[str, str, str]] = set()
    seen_orgs: set[str] = set()
    seen_places: set[str] = set()
    for path in actor_files:
        for entry in read_actors(path, out.warnings):
            _convert_entry(entry, countries, known_names, out, seen_people, seen_orgs, seen_places)
    seen_agents: set[str] = set()
    for path in agent_files:
        for agent in read_agents(path, out.warnings):
            if agent.phrase in seen_agents:
                continue
            seen_agents.add(agent.phrase)
            out.sectors.append({"phrase": agent.phrase, "sector": agent.sector, "kind": agent.kind,
                                "canonical": agent.phrase, "leader": ""})
    out.places = [p for p in out.places if word_key(p["phrase"]) not in out.ambiguous_places]
    return out


def _convert_entry(entry: Entry, countries: set[str], known_names: set[str], out: Converted,
                   seen_people: set[tuple[str, str, str]], seen_orgs: set[str], seen_places: set[str]) -> None:
    raw_names = [n for n in entry.names if n]
    if not raw_names:
        return
    name, extra = _clean(raw_names[0])
    aliases = [*extra]
    for text in [*raw_names[1:], *entry.synonyms]:
        alias, more = _clean(text)
        for a in (alias, *more):
            if _good_alias(a) and a != name and a not in aliases:
                aliases.append(a)
    if not entry.codes:
        out.skip("no code")
        return
    coded = [(c, split_code(c.code, countries)) for c in entry.codes]
    usable = [(c, s) for c, s in coded if s is not None and (s[0] or s[1])]
    if not usable:
        out.skip("code dyad can't map (region or unknown country)")
        return
    # a country entry: a bare country code (maybe with dated others: the USSR years), its synonyms are places
    bare = [s for c, s in usable if s[1] is None and s[0] and not c.dated]
    if bare and not _is_person(entry):
        iso = bare[0][0]
        stems = [t[:-len(suffix)] for t in [name, *aliases] for suffix in _PLACE_SUFFIXES
                 if t.endswith(suffix) and len(t) - len(suffix) >= 4]
        for text in [name, *aliases, *stems]:
            key = word_key(text)
            if key in known_names or len(key) < 3:
                continue
            if key in seen_places:
                out.ambiguous_places.add(key)   # "Korea" under both Koreas: no country
                continue
            seen_places.add(key)
            out.places.append({"phrase": text, "country": iso, "source": f"{Path(entry.path).name}:{entry.line}"})
        return
    if _is_person(entry):
        _person_rows(entry, name, aliases, usable, out, seen_people)
        return
    key = word_key(name)
    if key in seen_orgs:
        out.skip("duplicate body")
        return
    seen_orgs.add(key)
    code, (country, sector) = next(((c, s) for c, s in usable if not c.dated), usable[-1])
    if sector is None:
        sector = "GOV" if country else None
    if sector is None or (not country and sector not in STATELESS):
        out.skip("body without a sector")
        return
    out.orgs.append({"name": name, "aliases": "|".join(aliases), "country": country or "",
                     "sector": sector, "valid_from": "", "valid_to": "",
                     "notes": f"Phoenix {code.code} ({Path(entry.path).name}:{entry.line})"})


def _person_rows(entry: Entry, name: str, aliases: list[str], usable: list, out: Converted,
                 seen: set[tuple[str, str, str]]) -> None:
    """One people row per dated code span; overlapping spans of one code are merged; an undated
    code is kept only when the entry has no dated one (then it is open at both ends)."""
    dated = [(c, s) for c, s in usable if c.dated and s[1] is not None]
    spans: dict[tuple[str | None, str], list[list[str]]] = {}
    for code, (country, sector) in dated:
        spans.setdefault((country, sector), []).append([code.start, code.end])
    if not dated:
        undated = [(c, s) for c, s in usable if s[1] is not None]
        if not undated:
            out.skip("person without a sector")
            return
        code, (country, sector) = undated[0]
        spans[(country, sector)] = [["", ""]]
    for (country, sector), ranges in spans.items():
        ranges.sort(key=lambda r: r[0] or "0000")
        merged: list[list[str]] = []
        for start, end in ranges:
            if merged and (merged[-1][1] == "" or (start or "0000") <= merged[-1][1]):
                last = merged[-1]
                last[1] = "" if (last[1] == "" or end == "") else max(last[1], end)
                continue
            merged.append([start, end])
        for start, end in merged:
            if end and start and end < start:
                continue
            key = (word_key(name), f"{country}{sector}", start)
            if key in seen:
                continue
            seen.add(key)
            role = f"{SECTOR_NAMES.get(sector, sector)} (Phoenix {country or ''}{sector})"
            out.people.append({"name": name, "aliases": "|".join(aliases), "country": country or "",
                               "sector": sector, "role": role, "valid_from": start, "valid_to": end, "wikidata": ""})


def header(kind: str, fmt: str, horizon: str | None) -> str:
    lines = [f"# dyad actor table ({kind}), generated from PETRARCH/TABARI dictionaries by dyad.actors.phoenix",
             f"# Source: {SOURCE}", f"# Licence: {LICENCE}",
             f"# Converted: {_dt.date.today().isoformat()}; current to: about 2014-2015 (the dictionaries' last edits)",
             f"# Format: version 1; {fmt}"]
    if horizon:
        lines.append(f"# Horizon: {horizon}")
    return "\n".join(lines) + "\n"


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]], head: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(head)
        f.write("\t".join(columns) + "\n")
        for row in rows:
            f.write("\t".join(row.get(c, "").replace("\t", " ") for c in columns) + "\n")


def write(converted: Converted, out_dir: Path, horizon: str = PHOENIX_HORIZON) -> list[Path]:
    """Write the converted rows as dyad tables into ``out_dir``; returns the files written."""
    from dyad.actors.tables import COLUMNS, PLACES_COLUMNS

    out_dir.mkdir(parents=True, exist_ok=True)
    files = [
        (out_dir / "people-phoenix.tsv", COLUMNS["people"], converted.people,
         header("people", "one row per person per code span; valid_to empty = open-ended in the source, "
                          "read as ending at the Horizon date", horizon)),
        (out_dir / "organizations.tsv", COLUMNS["organizations.tsv"], converted.orgs,
         header("named bodies and groups", "one body per row; notes name the Phoenix code and source line", None)),
        (out_dir / "places.tsv", PLACES_COLUMNS, converted.places,
         header("places", "a city, province or region -> its country; a place gives a role its country", None)),
        (out_dir / "sectors.tsv", COLUMNS["sectors.tsv"], converted.sectors,
         header("agent nouns", "one phrase per row; hand sectors.tsv rows win on the same phrase", None)),
    ]
    for path, columns, rows, head in files:
        _write(path, columns, rows, head)
    return [f[0] for f in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dyad.actors.phoenix", description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, help="folder holding the Phoenix dictionaries")
    parser.add_argument("--actors", type=Path, nargs="*", default=None, help="actor dictionaries (TABARI format)")
    parser.add_argument("--agents", type=Path, nargs="*", default=None, help="agent dictionaries")
    parser.add_argument("--out", type=Path, default=GENERATED_DIR, help=f"output folder (default {GENERATED_DIR})")
    parser.add_argument("--horizon", default=PHOENIX_HORIZON, help="date after which open-ended roles are no evidence")
    parser.add_argument("--check", action="store_true",
                        help="print disagreements between the hand people tables and the Phoenix people")
    args = parser.parse_args(argv)
    if args.check:
        from dyad.actors.checks import disagreements, format_disagreement

        found = disagreements()
        for item in found:
            print(format_disagreement(item))
        print(f"{len(found)} disagreement(s)", file=sys.stderr)
        return 1 if found else 0
    if args.source is None and args.actors is None:
        parser.error("give the folder of the Phoenix dictionaries, or --actors/--agents files")
    actors = args.actors if args.actors is not None else [args.source / n for n in ACTOR_FILES]
    agents = args.agents if args.agents is not None else ([args.source / AGENT_FILE] if args.source else [])
    try:
        converted = convert(actors, agents)
    except DataError as exc:
        print(f"dyad: {exc}", file=sys.stderr)
        return 1
    for path in write(converted, args.out, args.horizon):
        print(f"wrote {path}", file=sys.stderr)
    print(f"{len(converted.people)} people rows, {len(converted.orgs)} bodies, {len(converted.places)} places, "
          f"{len(converted.sectors)} agent nouns; skipped {converted.skipped}; {len(converted.warnings)} warnings",
          file=sys.stderr)
    for warning in converted.warnings[:20]:
        print(f"dyad: {warning}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
