"""dyad's exceptions. Every error says what went wrong, where, and what to do.

    DyadError
    ├── InputError   an input can't be read (carries path and line)
    ├── DataError    a data file (lexicon, actor table) has a bad row (path and line)
    ├── ModelError   a spaCy model can't be loaded (names the pip command)
    ├── StoreError   the database can't be opened or written (carries article_id)
    └── CodingError  an article was read but a stage failed on it (carries article_id)

Third-party exceptions are translated where they arise (``raise InputError(...) from exc``);
a batch catches ``DyadError`` per article, records the reason and goes on.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base class of every error dyad raises on purpose."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 article_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.article_id = article_id

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        if self.article_id and not where:
            where = f"article {self.article_id}"
        return f"{where}: {self.message}" if where else self.message


class InputError(DyadError):
    """An input file, record or stream can't be read as an article."""


class DataError(DyadError):
    """A data file (lexicon, actor table, gazetteer) has a bad row."""


class ModelError(DyadError):
    """A spaCy model can't be loaded."""


class StoreError(DyadError):
    """The event database can't be opened, migrated or written."""


class CodingError(DyadError):
    """An article was read but could not be coded (a bug in a stage: please report it)."""
