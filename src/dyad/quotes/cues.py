"""The cue-verb lexicon: which verbs introduce reported speech, and what their object is.

Two tab-separated files in ``dyad/data/quotes/`` (``#`` lines are comments, the first other
line names the columns):

- ``cues.tsv``: ``lemma  kind  object  notes`` with kind ``speech | thought | writing`` and
  object ``addressee`` ("told Putin"), ``target`` ("called the move ...") or ``-``.
- ``speaker-nouns.tsv``: ``noun  kind`` with kind ``person | group | document``: the nouns that
  head a speaker phrase ("the Iranian leader", "the ministry"), used to find a pronoun's
  antecedent; a ``document`` ("the statement said") speaks for its author when the sentence
  names one ("the council issued a statement calling ...").

A user's ``data_dir/quotes/`` may hold files of the same names: their rows add to ours or
replace ours by key (lemma, noun); a kind of ``-`` removes the key.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dyad.errors import DataError

CueKind = Literal["speech", "thought", "writing"]
CueObject = Literal["addressee", "target", "-"]

DATA = Path(__file__).resolve().parent.parent / "data" / "quotes"
CUE_KINDS = ("speech", "thought", "writing")
CUE_OBJECTS = ("addressee", "target", "-")
NOUN_KINDS = ("person", "group", "document")
REMOVE = "-"


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    kind: CueKind
    object: CueObject = "-"
    notes: str = ""


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Cue verbs by lemma, and speaker-heading nouns by kind (``person`` or ``group``)."""

    cues: dict[str, Cue]
    speaker_nouns: dict[str, str]

    def cue(self, lemma: str) -> Cue | None:
        return self.cues.get(lemma.lower())

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and lemma.lower() in self.cues

    def noun_kind(self, noun: str) -> str | None:
        return self.speaker_nouns.get(noun.lower())


def _rows(path: Path, columns: tuple[str, ...], required: int) -> list[tuple[int, list[str]]]:
    """The data rows of a TSV file as (line number, fields), checking the column header."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"can't read the data file: {exc}", path=str(path)) from exc
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            header_seen = True
            if tuple(fields[: len(columns)]) != columns[: len(fields)] or len(fields) < required:
                raise DataError(f"the header row must name the columns {' '.join(columns)}; got {line!r}",
                                path=str(path), line=number)
            continue
        if len(fields) > len(columns):
            raise DataError(f"too many columns ({len(fields)}; expected at most {len(columns)})",
                            path=str(path), line=number)
        if len(fields) < required or not all(fields[:required]):
            raise DataError(f"a row needs {' and '.join(columns[:required])}; got {line!r}",
                            path=str(path), line=number)
        rows.append((number, fields + [""] * (len(columns) - len(fields))))
    return rows


def _read_cues(path: Path, table: dict[str, Cue]) -> None:
    for number, (lemma, kind, obj, notes) in _rows(path, ("lemma", "kind", "object", "notes"), 2):
        lemma = lemma.lower()
        if kind == REMOVE:
            table.pop(lemma, None)
            continue
        if kind not in CUE_KINDS:
            raise DataError(f"unknown cue kind {kind!r} (use {', '.join(CUE_KINDS)}, or - to remove)",
                            path=str(path), line=number)
        obj = obj or "-"
        if obj not in CUE_OBJECTS:
            raise DataError(f"unknown object {obj!r} (use {', '.join(CUE_OBJECTS)})",
                            path=str(path), line=number)
        table[lemma] = Cue(lemma=lemma, kind=kind, object=obj, notes=notes)  # type: ignore[arg-type]


def _read_nouns(path: Path, table: dict[str, str]) -> None:
    for number, (noun, kind) in _rows(path, ("noun", "kind"), 2):
        noun = noun.lower()
        if kind == REMOVE:
            table.pop(noun, None)
            continue
        if kind not in NOUN_KINDS:
            raise DataError(f"unknown noun kind {kind!r} (use {', '.join(NOUN_KINDS)}, or - to remove)",
                            path=str(path), line=number)
        table[noun] = kind


@functools.lru_cache(maxsize=8)
def load_cues(data_dir: Path | str | None = None) -> CueLexicon:
    """Load the cue lexicon once per process (and per ``data_dir``), user rows overriding ours."""
    cues: dict[str, Cue] = {}
    nouns: dict[str, str] = {}
    _read_cues(DATA / "cues.tsv", cues)
    _read_nouns(DATA / "speaker-nouns.tsv", nouns)
    if data_dir is not None:
        user = Path(data_dir) / "quotes"
        if (user / "cues.tsv").is_file():
            _read_cues(user / "cues.tsv", cues)
        if (user / "speaker-nouns.tsv").is_file():
            _read_nouns(user / "speaker-nouns.tsv", nouns)
    return CueLexicon(cues=cues, speaker_nouns=nouns)
