"""Blocs: alliances, unions and groups of states, their memberships over time, and bloc actors.

Loads once: ``load_blocs(data_dir=None) -> BlocTables`` (``dyad/data/blocs/``: ``blocs.tsv``,
``members.tsv``, ``heads.tsv``; see its README.md). ``BlocTables.members(bloc, date)`` is who
belonged on a date ("the West" is the union its row names, plus its own rows).
Per article: ``find_blocs(doc, article, doc_actors, tables) -> DocActors`` adds the blocs the
text names as actors ("the West", "Western countries", "NATO allies", "Central Asian nations")
to the actors ``find_actors`` found, coded as the bloc's table row says (``WST``, ``CAS``,
``IGO``), leaving every mention another actor already holds alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from dyad.actors.document import DocActors
from dyad.actors.tsv import RowReport, read_rows, split_cell
from dyad.records import Actor, Article, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "blocs"

BlocKind = Literal["formal", "informal"]

BLOC_COLUMNS = ("id", "code", "igo", "name", "kind", "phrases", "adjectives", "union", "definition")
MEMBER_COLUMNS = ("bloc", "member", "valid_from", "valid_to", "note")
HEAD_COLUMNS = ("noun", "kind")

#: Words before a bloc phrase that make it a place, not an actor ("investors in the West").
LOCATIVE = frozenset({"in", "into", "across", "throughout", "to", "from", "within", "inside", "around"})

_ID = re.compile(r"^[A-Z][A-Z0-9_]{1,11}$")
_CODE = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_LAST_DAY = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


@dataclass(frozen=True, slots=True)
class Bloc:
    """One bloc: its id (``WEST``, ``SCO``), the code of the bloc as an actor, how text names it."""

    id: str
    code: str
    name: str
    kind: BlocKind
    igo: str | None = None           # its row in actors/igos.tsv: that IGO actor *is* this bloc
    phrases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    union: tuple[str, ...] = ()
    definition: str = ""

    @property
    def actor_id(self) -> str:
        """The id of the bloc's actor in a reading: the IGO's own id when it has one."""
        return f"igo:{self.igo}" if self.igo else f"bloc:{self.id}"


@dataclass(frozen=True, slots=True)
class Spell:
    """One state's membership of one bloc: ``valid_from`` inclusive, ``valid_to`` exclusive (first
    day not a member), both ISO days after reading; empty = open."""

    bloc: str
    member: str
    valid_from: str = ""
    valid_to: str = ""
    note: str = ""
    where: str = ""

    def covers(self, day: str) -> bool:
        return (not self.valid_from or self.valid_from <= day) and (not self.valid_to or day < self.valid_to)


def _day(text: str, *, end: bool = False) -> str | None:
    """An ISO date at any precision -> the ISO day it starts (or, ``end``, the first day after it)."""
    m = _DATE.match(text)
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if month > 12 or day > _LAST_DAY.get(month, 31) or (m[2] and month == 0) or (m[3] and day == 0):
        return None
    if not end or day:
        return f"{year:04d}-{month or 1:02d}-{day or 1:02d}"
    if not month:
        return f"{year + 1:04d}-01-01"
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}-01"


def day_of(date: str | None) -> str | None:
    """The ISO day a (possibly coarse) date or datetime starts on; None when there is none."""
    return _day(date[:10]) if date else None


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: caches key on the loaded tables
class BlocTables:
    """Every bloc, its membership spells, and the head nouns that make "Western X" an actor."""

    blocs: dict[str, Bloc]
    spells: dict[str, tuple[Spell, ...]]
    heads: dict[str, str]
    warnings: tuple[str, ...] = ()
    _keys: dict[str, str] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        return f"<BlocTables {len(self.blocs)} blocs, {sum(map(len, self.spells.values()))} spells>"

    def find(self, key: str | None) -> Bloc | None:
        """The bloc a key names: its id ("WEST"), its own code ("WST"), its IGO's abbreviation
        or actor id ("igo:SCO"), or its name (any case)."""
        if not isinstance(key, str) or not key:
            return None
        bloc_id = self._keys.get(key.strip().casefold())
        return self.blocs.get(bloc_id) if bloc_id else None

    def members(self, bloc: str, date: str | None = None) -> frozenset[str]:
        """The states (ISO alpha-3) that belonged to ``bloc`` on ``date`` (today's when None)."""
        found = self.find(bloc)
        if found is None:
            return frozenset()
        return self._members(found.id, day_of(date) or _today(), frozenset())

    def _members(self, bloc_id: str, day: str, seen: frozenset[str]) -> frozenset[str]:
        out = {s.member for s in self.spells.get(bloc_id, ()) if s.covers(day)}
        for part in self.blocs[bloc_id].union:
            if part not in seen:
                out |= self._members(part, day, seen | {bloc_id})
        return frozenset(out)

    def is_member(self, state: str | None, bloc: str, date: str | None = None) -> bool:
        return bool(state) and state.upper() in self.members(bloc, date)

    def blocs_of(self, state: str, date: str | None = None) -> tuple[str, ...]:
        """The ids of the blocs ``state`` belonged to on ``date``, in table order."""
        day = day_of(date) or _today()
        return tuple(b for b in self.blocs if state.upper() in self._members(b, day, frozenset()))

    def history(self, bloc: str) -> tuple[Spell, ...]:
        """Every membership spell of ``bloc`` (its own rows; a union's parts are their own), by date."""
        found = self.find(bloc)
        if found is None:
            return ()
        return tuple(sorted(self.spells.get(found.id, ()), key=lambda s: (s.valid_from, s.member)))

    def changes(self, bloc: str) -> tuple[tuple[str, str, str], ...]:
        """(day, member, "joined" | "left") for every dated entry and exit of ``bloc``'s own rows."""
        out = []
        for s in self.history(bloc):
            if s.valid_from:
                out.append((s.valid_from, s.member, "joined"))
            if s.valid_to:
                out.append((s.valid_to, s.member, "left"))
        return tuple(sorted(out))


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


# ---------------------------------------------------------------------------------------- loading

def _read_blocs(path: Path, blocs: dict[str, Bloc], report: RowReport) -> None:
    for line, row in read_rows(path, BLOC_COLUMNS, report):
        if not _ID.match(row["id"]):
            report.bad(f"bad bloc id {row['id']!r} (upper-case letters, digits, _)", path, line)
        elif row["code"] != "IGO" and not _CODE.match(row["code"]):
            report.bad(f"bad code {row['code']!r}: IGO or a three-letter region code", path, line)
        elif row["kind"] not in ("formal", "informal"):
            report.bad(f"bad kind {row['kind']!r}: formal or informal", path, line)
        elif not row["name"]:
            report.bad("a bloc needs a name", path, line)
        else:
            blocs[row["id"]] = Bloc(id=row["id"], code=row["code"], name=row["name"], kind=row["kind"],
                                    igo=row["igo"] or None, phrases=split_cell(row["phrases"]),
                                    adjectives=split_cell(row["adjectives"]), union=split_cell(row["union"]),
                                    definition=row["definition"])


def _read_members(path: Path, blocs: dict[str, Bloc], spells: dict[tuple[str, str], list[Spell]],
                  report: RowReport) -> None:
    mine: dict[tuple[str, str], list[Spell]] = {}
    for line, row in read_rows(path, MEMBER_COLUMNS, report):
        where = f"{path}:{line}"
        start = _day(row["valid_from"]) if row["valid_from"] else ""
        stop = _day(row["valid_to"], end=True) if row["valid_to"] else ""
        if row["bloc"] not in blocs:
            report.bad(f"unknown bloc {row['bloc']!r} (not in blocs.tsv)", path, line)
        elif not _CODE.match(row["member"]):
            report.bad(f"bad member {row['member']!r}: an ISO 3166-1 alpha-3 code", path, line)
        elif start is None or stop is None:
            report.bad(f"bad date {row['valid_from']!r} or {row['valid_to']!r}: YYYY, YYYY-MM or YYYY-MM-DD",
                       path, line)
        elif start and stop and stop <= start:
            report.bad(f"valid_to {row['valid_to']} is not after valid_from {row['valid_from']}", path, line)
        else:
            spell = Spell(row["bloc"], row["member"], start, stop, row["note"], where)
            clash = next((s for s in mine.get((spell.bloc, spell.member), ()) if _overlap(s, spell)), None)
            if clash:
                report.bad(f"{spell.member} in {spell.bloc} overlaps the spell at {clash.where}", path, line)
                continue
            mine.setdefault((spell.bloc, spell.member), []).append(spell)
    spells.update(mine)  # a user's rows for a (bloc, member) replace all of ours for that pair


def _overlap(a: Spell, b: Spell) -> bool:
    return (not a.valid_to or not b.valid_from or b.valid_from < a.valid_to) and \
           (not b.valid_to or not a.valid_from or a.valid_from < b.valid_to)


def _read_heads(path: Path, heads: dict[str, str], report: RowReport) -> None:
    for line, row in read_rows(path, HEAD_COLUMNS, report):
        if row["kind"] not in ("group", "act") or not row["noun"]:
            report.bad(f"bad head row {row['noun']!r} {row['kind']!r}: a noun and group or act", path, line)
        else:
            heads[row["noun"].lower()] = row["kind"]


def _check_unions(blocs: dict[str, Bloc], report: RowReport, path: Path) -> None:
    for bloc in list(blocs.values()):
        unknown = [p for p in bloc.union if p not in blocs]
        if unknown:
            report.bad(f"bloc {bloc.id}: union names unknown blocs {unknown}", path, 0)
            blocs[bloc.id] = replace(bloc, union=tuple(p for p in bloc.union if p in blocs))


def load_blocs(data_dir: str | Path | None = None) -> BlocTables:
    """Load dyad's bloc tables plus a user's ``data_dir`` overrides (cached per process).

    A user's files live in ``DATA_DIR/blocs/`` (or ``DATA_DIR/``) under the same names: a bloc
    row replaces ours by id; member rows replace ours for that bloc and member. Raises
    ``DataError`` (file:line) for a bad row in dyad's own files; a user's bad rows are skipped and
    listed in ``BlocTables.warnings``.
    """
    return _load_cached(str(Path(data_dir).resolve()) if data_dir else None)


@functools.lru_cache(maxsize=8)
def _load_cached(data_dir: str | None) -> BlocTables:
    warnings: list[str] = []
    sources = [(DATA_DIR, RowReport(True, warnings))]
    if data_dir:
        user = Path(data_dir)
        sources.append((user / "blocs" if (user / "blocs").is_dir() else user, RowReport(False, warnings)))
    blocs: dict[str, Bloc] = {}
    spells: dict[tuple[str, str], list[Spell]] = {}
    heads: dict[str, str] = {}
    for folder, report in sources:
        if (folder / "blocs.tsv").is_file():
            _read_blocs(folder / "blocs.tsv", blocs, report)
            _check_unions(blocs, report, folder / "blocs.tsv")
    for folder, report in sources:
        if (folder / "members.tsv").is_file():
            _read_members(folder / "members.tsv", blocs, spells, report)
        if (folder / "heads.tsv").is_file():
            _read_heads(folder / "heads.tsv", heads, report)
    by_bloc: dict[str, list[Spell]] = {}
    for (bloc, _member), rows in spells.items():
        by_bloc.setdefault(bloc, []).extend(rows)
    keys: dict[str, str] = {}
    for bloc in blocs.values():
        for key in (bloc.name, bloc.id, bloc.actor_id, bloc.igo or "", "" if bloc.code == "IGO" else bloc.code):
            if key:
                keys.setdefault(key.casefold(), bloc.id)
    return BlocTables(blocs=blocs, spells={b: tuple(rows) for b, rows in by_bloc.items()}, heads=heads,
                      warnings=tuple(warnings), _keys=keys)


# ---------------------------------------------------------------------------------------- finding

@functools.lru_cache(maxsize=8)
def _patterns(tables: BlocTables) -> tuple[tuple[re.Pattern[str], str], ...]:
    """One regex per bloc: its whole phrases, and each adjective followed by a head noun."""
    heads = sorted(tables.heads, key=len, reverse=True)
    nouns = "|".join(re.escape(h) for h in heads if not h.startswith("-"))
    joined = "|".join(re.escape(h) for h in heads if h.startswith("-"))
    out = []
    for bloc in tables.blocs.values():
        parts = [_phrase_pattern(p) for p in sorted(bloc.phrases, key=len, reverse=True)]
        for adjective in bloc.adjectives:
            if nouns:
                parts.append(rf"{re.escape(adjective)}(?: [a-z]+)? (?:{nouns})")
            if joined:
                parts.append(rf"{re.escape(adjective)}(?:{joined})")
        if parts:
            out.append((re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])"), bloc.id))
    return tuple(out)


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: its "the" may open a sentence ("The West accused Moscow"); a phrase
    ending in a name is not the start of a longer name ("the West Midlands", "the West Bank",
    "the West End", "the West of England", "the Quad Cities")."""
    pattern = ("[Tt]he " + re.escape(phrase[4:])) if phrase.startswith("the ") else re.escape(phrase)
    if phrase.split()[-1][:1].isupper():
        pattern += r"(?!\s+(?:of\s+)?[A-Z][a-z])"
    return pattern


def _bloc_mentions(text: str, tables: BlocTables) -> list[tuple[int, int, str]]:
    """(start, end, bloc id) of every bloc phrase, longest first where two overlap."""
    found = []
    for pattern, bloc_id in _patterns(tables):
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 12):m.start()].split()
            if before and before[-1].lower() in LOCATIVE and m[0].lower().startswith("the "):
                continue  # "in the West", "across the Western world": a place
            found.append((m.start(), m.end(), bloc_id))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, bloc_id in found:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, bloc_id))
    return kept


def find_blocs(doc: Doc | None, article: Article, doc_actors: DocActors, tables: BlocTables) -> DocActors:
    """Add the blocs ``article`` names as actors to ``doc_actors`` (from ``find_actors``).

    Reads the article text and the bloc tables; a phrase that overlaps a mention another actor
    already holds is left to that actor. Returns a new ``DocActors``; the Doc is not needed today
    (phrases are whole strings) but is taken so the stage reads like the others.
    """
    del doc
    text = article.text
    actors = list(doc_actors.actors)
    by_id = {a.id: i for i, a in enumerate(actors)}
    added = False
    for start, end, bloc_id in _bloc_mentions(text, tables):
        if doc_actors.actor_at(start, end) is not None:  # another actor holds (part of) the phrase
            continue
        bloc = tables.blocs[bloc_id]
        mention = Mention(text=text[start:end], start=start, end=end)
        index = by_id.get(bloc.actor_id)
        if index is None:
            by_id[bloc.actor_id] = len(actors)
            actors.append(Actor(id=bloc.actor_id, name=bloc.name, code=bloc.code,
                                sector="IGO" if bloc.code == "IGO" else None, mentions=(mention,)))
        else:
            old = actors[index]
            actors[index] = replace(old, mentions=tuple(sorted((*old.mentions, mention), key=lambda m: m.start)))
        added = True
    return DocActors.build(actors, doc_actors.adjectives, doc_actors.agents) if added else doc_actors


__all__ = ["Bloc", "BlocTables", "Spell", "day_of", "find_blocs", "load_blocs"]
