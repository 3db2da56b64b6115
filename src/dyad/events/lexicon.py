"""The event lexicon: CAMEO codes, PLOVER types, trigger patterns and modality cues, read from data.

Files (in ``dyad/data/events/``; a user's ``data_dir`` may hold files of the same names, in
``data_dir/events/`` or ``data_dir`` itself, whose rows add to or replace ours by key):

- ``cameo.tsv``             CAMEO code -> label, Goldstein score, root, quad class
- ``CAMEO2PLOVER-2021.txt`` CAMEO code -> PLOVER type, mode, context (CC BY-SA 4.0)
- ``verbs.tsv``             trigger patterns -> CAMEO code, where the target is, flags (hand rows)
- ``verbs-petrarch.tsv``    the same, converted from PETRARCH2's verb dictionary by
                            ``dyad.events.petrarch`` (``dyad lexicon import``); a hand row that
                            matches a word is used before any imported row
- ``intent.tsv``            code -> its intended (03x), threatened (13x), refused (12x) and
                            demanded (10x) codes
- ``cues.tsv``              modality cues (would, set to, refuse) and reporting verbs (say)
- ``discards.tsv``          phrases whose sentence (or whole story) is not coded: sports,
                            weather ("World Golf Championships", "typhoon"), as PETRARCH's
                            discard dictionary (``dyad.events.petrarch.convert_discards``);
                            we ship none, a user's data dir may hold one

Every bad row raises ``DataError`` naming file and line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from dyad.errors import DataError

#: Where a pattern may find its target (see the header of verbs.tsv).
TARGET_SLOTS = frozenset({
    "dobj", "dative", "subj", "ccomp", "include", "allege",
    "with", "at", "on", "to", "against", "for", "between", "of", "in", "into", "from", "over",
    "toward", "towards", "near", "along", "about", "upon", "behind",
})
FLAGS = frozenset({"sym", "reported", "notarget", "self", "venue", "dyadic"})
POS_TAGS = {"v": "verb", "n": "noun", "a": "adj"}
CUE_WHERE = frozenset({"aux", "neg", "governor", "mark", "report", "agent", "light", "struck"})
CUE_KINDS = frozenset({"intended", "negated", "hypothetical", "threatened", "refused", "demanded",
                       "report", "agent", "light", "struck"})
_CODE = re.compile(r"^\d{2,4}$")
#: The lexicon files, in order of priority: hand-written rows, then imported ones.
VERB_FILES = ("verbs.tsv", "verbs-petrarch.tsv")
#: A code cell that means "no event": a pattern that stops a less specific one from firing.
NULL_CODE = "---"


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    goldstein: float | None
    root: str
    quad: int


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None
    context: str | None


@dataclass(frozen=True, slots=True, eq=False)  # identity: patterns are hashed per token matched
class Pattern:
    """One row of verbs.tsv: a trigger word and what must (not) surround it."""

    key: str
    triggers: tuple[tuple[str, str | None], ...]  # (lemma, "verb" | "noun" | "adj" | None)
    requires: tuple[frozenset[str], ...]
    forbids: frozenset[str]
    governors: tuple[frozenset[str], ...]
    code: str | None  # None: a null pattern ("no event"), or only a reverse event
    targets: tuple[str, ...]
    flags: frozenset[str]
    intent: str | None = None
    solo: str | None = None
    person: str | None = None
    where: str = ""  # file:line, for messages
    before: tuple[frozenset[str], ...] = ()  # lemmas left of the trigger, in its phrase
    reverse: str | None = None  # the code of the target's event back to the source
    tier: int = 0  # 0 hand rows (ours and the user's verbs.tsv), 1 imported rows
    #: ``requires`` with each phrase ("golden_goblin_galleons") as its head word: a quick test
    heads: tuple[frozenset[str], ...] = ()
    #: for each of ``requires``, its phrases by head word ("galleons" -> ("golden", "goblin", "galleons"))
    phrases: tuple[dict[str, tuple[tuple[str, ...], ...]], ...] = ()

    @property
    def specificity(self) -> int:
        return len(self.requires) + len(self.governors) + len(self.before)

    @property
    def null(self) -> bool:
        """A row that codes nothing ("---"); with ``person=C`` it codes only a person as target."""
        return self.code is None and self.reverse is None and self.person is None

    @property
    def symmetric(self) -> bool:
        return "sym" in self.flags

    @property
    def reported(self) -> bool:
        return "reported" in self.flags


@dataclass(frozen=True, slots=True)
class Shift:
    intended: str | None
    threatened: str | None
    refused: str | None
    demanded: str | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything event coding reads from data. Build it with ``load_lexicon``."""

    codes: dict[str, CameoCode]
    plover: dict[str, Plover]
    patterns: tuple[Pattern, ...]
    shifts: dict[str, Shift]
    cues: dict[tuple[str, str], str]  # (word, where) -> kind
    by_lemma: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    #: lemma -> (rank, pattern, parts of speech the lemma may have there), best rank first:
    #: hand rows, then imported; within each, most requirements first, then file order.
    index: dict[str, tuple[tuple[int, Pattern, tuple[str | None, ...]], ...]] = field(default_factory=dict)
    #: Phrases (``discards.tsv``) whose sentence, or whose whole story, yields no event.
    discard_sentence: re.Pattern[str] | None = None
    discard_story: re.Pattern[str] | None = None

    def discarded(self, text: str, scope: str) -> bool:
        """Whether ``text`` holds a discard phrase of ``scope`` ("sentence" or "story")."""
        found = self.discard_story if scope == "story" else self.discard_sentence
        return found is not None and found.search(text) is not None

    def cameo(self, code: str) -> CameoCode:
        return self.codes[code]

    def plover_for(self, code: str) -> Plover | None:
        """The PLOVER row of ``code`` or of its nearest parent code (PLOVER has no 01/02)."""
        for size in range(len(code), 1, -1):
            row = self.plover.get(code[:size])
            if row is not None:
                return row
        return None

    def shifted(self, code: str, kind: str) -> str | None:
        """The code an event becomes when ``kind`` (intended/threatened/refused/demanded); None if none."""
        for size in range(len(code), 1, -1):
            shift = self.shifts.get(code[:size])
            if shift is not None:
                return getattr(shift, kind)
        return None

    def cue(self, word: str, where: str, pos: str | None = None) -> str | None:
        """The kind of cue ``word`` is at ``where``; ``pos`` (a spaCy POS) also tries ``word/n``."""
        short = {"NOUN": "n", "PROPN": "n", "VERB": "v", "AUX": "v", "ADJ": "a"}.get(pos or "")
        if short:
            kind = self.cues.get((f"{word}/{short}", where))
            if kind:
                return kind
        return self.cues.get((word, where))


# -- reading files -------------------------------------------------------------------------
def _data_files(name: str, data_dir: Path | None) -> list[tuple[str, str]]:
    """(path, text) of our file (if we ship one), then the user's if any."""
    ours = resources.files("dyad.data").joinpath("events", name)
    found = [(f"dyad/data/events/{name}", ours.read_text(encoding="utf-8"))] if ours.is_file() else []
    if data_dir is not None:
        for candidate in (Path(data_dir) / "events" / name, Path(data_dir) / name):
            if candidate.is_file():
                found.append((str(candidate), candidate.read_text(encoding="utf-8")))
                break
    return found


def _rows(path: str, text: str, columns: tuple[str, ...],
          optional: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV with `#` comments and a header line naming ``columns`` (in this order),
    then any of ``optional`` the header names after them (a row without one reads `-`)."""
    header_seen = False
    extra: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen:
            if tuple(cells[: len(columns)]) != columns:
                raise DataError(f"header should be {' | '.join(columns)}, got {' | '.join(cells)}",
                                path=path, line=number)
            header_seen = True
            extra = tuple(c for c in cells[len(columns):] if c in optional)
            continue
        if len(cells) < len(columns):
            raise DataError(f"expected {len(columns)} tab-separated columns, got {len(cells)}",
                            path=path, line=number)
        row = dict(zip(columns + extra, cells, strict=False))
        yield number, {**dict.fromkeys(optional, "-"), **row}


def _keyed(files: list[tuple[str, str]], columns: tuple[str, ...], key,  # noqa: ANN001
           optional: tuple[str, ...] = ()) -> dict:
    """Rows by key; a later file's row replaces an earlier file's; a repeated key in one file is an error."""
    merged: dict = {}
    for path, text in files:
        seen: set = set()
        for number, row in _rows(path, text, columns, optional):
            k = key(row)
            if k in seen:
                raise DataError(f"duplicate key {k!r}", path=path, line=number)
            seen.add(k)
            merged[k] = (path, number, row)
    return merged


def _check_code(code: str, codes: dict[str, CameoCode], path: str, line: int) -> str:
    if code not in codes:
        raise DataError(f"unknown CAMEO code {code!r} (see cameo.tsv)", path=path, line=line)
    return code


def _load_codes(data_dir: Path | None) -> dict[str, CameoCode]:
    columns = ("code", "label", "goldstein", "root", "quad")
    codes: dict[str, CameoCode] = {}
    for code, (path, line, row) in _keyed(_data_files("cameo.tsv", data_dir), columns,
                                          lambda r: r["code"]).items():
        if not _CODE.match(code) or row["root"] != code[:2]:
            raise DataError(f"bad CAMEO code {code!r} or root {row['root']!r}", path=path, line=line)
        try:
            goldstein = float(row["goldstein"]) if row["goldstein"] else None
            quad = int(row["quad"])
        except ValueError as exc:
            raise DataError(f"bad number: {exc}", path=path, line=line) from exc
        if quad not in (1, 2, 3, 4):
            raise DataError(f"quad must be 1-4, got {quad}", path=path, line=line)
        codes[code] = CameoCode(code, row["label"], goldstein, row["root"], quad)
    return codes


_PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([^#]*)")


def _load_plover(data_dir: Path | None) -> dict[str, Plover]:
    """CAMEO2PLOVER lines look like ``072: AID,   ,   military # Provide military aid``."""
    table: dict[str, Plover] = {}
    for path, text in _data_files("CAMEO2PLOVER-2021.txt", data_dir):
        ours: dict[str, Plover] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith(("#", "~")):
                continue
            match = _PLOVER_LINE.match(line)
            if not match:
                raise DataError("expected 'CODE: TYPE, mode, context # label'", path=path, line=number)
            parts = [p.strip() for p in match.group(2).split(",")]
            if not parts[0]:
                raise DataError("missing PLOVER type", path=path, line=number)
            mode = parts[1] if len(parts) > 1 and parts[1] else None
            context = ", ".join(p for p in parts[2:] if p) or None
            ours.setdefault(match.group(1), Plover(parts[0], mode, context))  # first row wins
        table.update(ours)
    return table


@functools.lru_cache(maxsize=None)
def _triggers(word: str) -> tuple[tuple[str, str | None], ...] | str:
    """The trigger alternatives of a pattern's first word, or an error message. Cached: an
    imported block's rows share one long trigger list."""
    triggers = []
    for alt in word.split("|"):
        lemma, _, pos = alt.partition("/")
        if pos and pos not in POS_TAGS:
            return f"part of speech must be /v, /n or /a, got /{pos}"
        if not lemma:
            return f"empty trigger in {word!r}"
        triggers.append((lemma.lower(), POS_TAGS.get(pos)))
    return tuple(triggers)


@functools.lru_cache(maxsize=None)
def _alternatives(word: str) -> frozenset[str]:
    return frozenset(w.lower() for w in word.split("|") if w)


def head_words(alternatives: frozenset[str]) -> frozenset[str]:
    """The alternatives with each phrase ("golden_goblin_galleons") as its head word ("galleons")."""
    return frozenset(a.rpartition("_")[2] for a in alternatives)


def phrases_by_head(alternatives: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases among the alternatives, as word tuples, by their head (last) word."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in alternatives:
        if "_" in phrase:
            words = tuple(phrase.split("_"))
            found.setdefault(words[-1], []).append(words)
    return {head: tuple(v) for head, v in found.items()}


def _parse_pattern(text: str, path: str, line: int) -> tuple:
    words = text.split()
    if not words:
        raise DataError("empty pattern", path=path, line=line)
    triggers = _triggers(words[0])
    if isinstance(triggers, str):
        raise DataError(triggers, path=path, line=line)
    requires, governors, forbids, before = [], [], set(), []
    for word in words[1:]:  # a phrase ("a_b") is looked for as a phrase only among requirements
        if word.startswith("!"):
            forbids.update(head_words(_alternatives(word[1:])))
        elif word.startswith("^"):
            governors.append(head_words(_alternatives(word[1:])))
        elif word.startswith("<"):
            before.append(head_words(_alternatives(word[1:])))
        else:
            requires.append(_alternatives(word))
    return triggers, tuple(requires), frozenset(forbids), tuple(governors), tuple(before)


def _code_cell(cell: str, codes: dict[str, CameoCode], path: str, line: int) -> tuple[str | None, str | None]:
    """(code, reverse) of a code cell: ``061``, ``042:043`` (an event and its reverse),
    ``:054`` (only the reverse) or ``---`` (no event)."""
    if cell == NULL_CODE:
        return None, None
    forward, _, back = cell.partition(":")
    code = _check_code(forward, codes, path, line) if forward else None
    reverse = _check_code(back, codes, path, line) if back else None
    if code is None and reverse is None:
        raise DataError(f"empty code {cell!r}", path=path, line=line)
    return code, reverse


def _load_patterns(data_dir: Path | None, codes: dict[str, CameoCode]) -> tuple[Pattern, ...]:
    patterns: list[Pattern] = []
    for tier, name in enumerate(VERB_FILES):
        patterns.extend(_load_pattern_file(name, tier, data_dir, codes))
    return tuple(patterns)


def _load_pattern_file(name: str, tier: int, data_dir: Path | None,
                       codes: dict[str, CameoCode]) -> list[Pattern]:
    columns = ("pattern", "code", "target", "flags", "example")
    patterns = []
    for key, (path, line, row) in _keyed(_data_files(name, data_dir), columns,
                                         lambda r: " ".join(r["pattern"].split())).items():
        if row["code"] == "-":
            continue  # a user's way to switch one of our patterns off
        code, reverse = _code_cell(row["code"], codes, path, line)
        triggers, requires, forbids, governors, before = _parse_pattern(key, path, line)
        targets = tuple(t for t in row["target"].split() if t != "-")
        bad = [t for t in targets if t not in TARGET_SLOTS]
        if bad:
            raise DataError(f"unknown target slot {bad[0]!r}; known: {', '.join(sorted(TARGET_SLOTS))}",
                            path=path, line=line)
        flags, intent, solo, person = set(), None, None, None
        for flag in (f.strip() for f in row["flags"].split(",") if f.strip() not in ("", "-")):
            name, _, value = flag.partition("=")
            if name == "intent":
                intent = _check_code(value, codes, path, line)
            elif name == "solo":
                solo = _check_code(value, codes, path, line)
            elif name == "person":
                person = _check_code(value, codes, path, line)
            elif name in FLAGS and not value:
                flags.add(name)
            else:
                raise DataError(f"unknown flag {flag!r}", path=path, line=line)
        patterns.append(Pattern(key, triggers, requires, forbids, governors, code, targets,
                                frozenset(flags), intent, solo, person, f"{path}:{line}",
                                before, reverse, tier, tuple(head_words(r) for r in requires),
                                tuple(phrases_by_head(r) for r in requires)))
    return patterns


def _load_shifts(data_dir: Path | None, codes: dict[str, CameoCode]) -> dict[str, Shift]:
    columns = ("code", "intended", "threatened", "refused")
    optional = ("demanded",)  # a column added later: older user files need not have it
    shifts = {}
    for code, (path, line, row) in _keyed(_data_files("intent.tsv", data_dir), columns,
                                          lambda r: r["code"], optional).items():
        _check_code(code, codes, path, line)
        values = [None if row[c] == "-" else _check_code(row[c], codes, path, line)
                  for c in columns[1:] + optional]
        shifts[code] = Shift(*values)
    return shifts


def _load_cues(data_dir: Path | None) -> dict[tuple[str, str], str]:
    columns = ("word", "where", "kind")
    cues = {}
    for (word, where), (path, line, row) in _keyed(_data_files("cues.tsv", data_dir), columns,
                                                   lambda r: (r["word"].lower(), r["where"])).items():
        if where not in CUE_WHERE or row["kind"] not in CUE_KINDS:
            raise DataError(f"bad cue: where must be one of {sorted(CUE_WHERE)}, kind one of "
                            f"{sorted(CUE_KINDS)}", path=path, line=line)
        cues[(word, where)] = row["kind"]
    return cues


DISCARD_SCOPES = frozenset({"sentence", "story"})


def _load_discards(data_dir: Path | None) -> dict[str, re.Pattern[str] | None]:
    """One case-blind regex per scope over the phrases of ``discards.tsv`` (whole words)."""
    columns = ("phrase", "scope")
    phrases: dict[str, list[str]] = {scope: [] for scope in DISCARD_SCOPES}
    for phrase, (path, line, row) in _keyed(_data_files("discards.tsv", data_dir), columns,
                                            lambda r: " ".join(r["phrase"].lower().split())).items():
        if row["scope"] not in DISCARD_SCOPES or not phrase:
            raise DataError(f"bad discard: a phrase and a scope ({' or '.join(sorted(DISCARD_SCOPES))})",
                            path=path, line=line)
        phrases[row["scope"]].append(r"\s+".join(re.escape(w) for w in phrase.split()))
    return {scope: re.compile(r"\b(?:" + "|".join(sorted(found, key=len, reverse=True)) + r")\b", re.I)
            if found else None for scope, found in phrases.items()}


def cameo_codes(data_dir: str | Path | None = None) -> frozenset[str]:
    """The CAMEO codes of cameo.tsv (ours and a user's): what a converted lexicon may use."""
    return frozenset(_load_codes(Path(data_dir) if data_dir is not None else None))


@functools.lru_cache(maxsize=8)
def load_lexicon(data_dir: str | Path | None = None) -> Lexicon:
    """Read (once per process and ``data_dir``) the event lexicon; user files add/override rows."""
    folder = Path(data_dir) if data_dir is not None else None
    codes = _load_codes(folder)
    patterns = _load_patterns(folder, codes)
    by_lemma: dict[str, list[Pattern]] = {}
    index: dict[str, list[tuple[int, Pattern, tuple[str | None, ...]]]] = {}
    ranked = sorted(range(len(patterns)), key=lambda n: (patterns[n].tier, -patterns[n].specificity, n))
    for rank, n in enumerate(ranked):
        pattern = patterns[n]
        poses: dict[str, list[str | None]] = {}
        for lemma, pos in pattern.triggers:
            poses.setdefault(lemma, []).append(pos)
        for lemma, found in poses.items():
            index.setdefault(lemma, []).append((rank, pattern, tuple(dict.fromkeys(found))))
    for pattern in patterns:
        for lemma in {lemma for lemma, _ in pattern.triggers}:
            by_lemma.setdefault(lemma, []).append(pattern)
    discards = _load_discards(folder)
    return Lexicon(codes=codes, plover=_load_plover(folder), patterns=patterns,
                   shifts=_load_shifts(folder, codes), cues=_load_cues(folder),
                   by_lemma={k: tuple(v) for k, v in by_lemma.items()},
                   index={k: tuple(v) for k, v in index.items()},
                   discard_sentence=discards["sentence"], discard_story=discards["story"])
