"""Reading dyad's TSV data files: ``#`` header lines, one header row, one fact per row.

Shared by the actor tables and the bloc tables. Bad rows in dyad's own files raise
``DataError`` (file:line); in a user's ``--data-dir`` files they are skipped with a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dyad.errors import DataError


class RowReport:
    """Where bad rows go: raised for dyad's own files, collected as warnings for a user's."""

    def __init__(self, strict: bool, warnings: list[str]) -> None:
        self.strict = strict
        self.warnings = warnings

    def bad(self, message: str, path: Path, line: int) -> None:
        error = DataError(message, path=str(path), line=line)
        if self.strict:
            raise error
        self.warnings.append(f"{error} (row skipped)")


def read_rows(path: Path, columns: tuple[str, ...], report: RowReport) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) of a TSV file with ``#`` comment lines and one header row."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"can't read data table: {exc}", path=str(path)) from exc
    header: list[str] | None = None
    for number, raw in enumerate(lines, 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if header is None:
            header = cells
            unknown = [c for c in header if c not in columns]
            missing = [c for c in columns if c not in header]
            if unknown or missing:
                expected = "\t".join(columns)
                report.bad(f"bad header: unknown columns {unknown}, missing {missing}; expected {expected!r}; "
                           "whole file", path, number)
                return
            continue
        if len(cells) > len(header):
            report.bad(f"{len(cells)} fields, the header has {len(header)}", path, number)
            continue
        cells += [""] * (len(header) - len(cells))
        yield number, dict(zip(header, cells, strict=True))


def split_cell(cell: str) -> tuple[str, ...]:
    """A ``|``-separated list cell."""
    return tuple(x.strip() for x in cell.split("|") if x.strip())
