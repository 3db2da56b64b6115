"""dyad: political event data from news articles, offline, fast and transparent.

>>> import dyad
>>> reading = dyad.read("examples/samarkand-2022-09-16.txt")   # doctest: +SKIP
>>> [e.code for e in reading.events][:3]                          # doctest: +SKIP
"""

from __future__ import annotations

from dyad.errors import CodingError, DataError, DyadError, InputError, ModelError, StoreError
from dyad.options import Options
from dyad.reader import Reader, read
from dyad.records import (Actor, ActorRef, Article, DateRef, Embed, Event, Location, Mention, Place,
                          Quote, Reading, Related, Relation, Span)

__version__ = "0.1.0"


def open_store(url: str | None = None, *, create: bool = True, migrate: bool = True):  # noqa: ANN201 - a Store
    """Open the event database: a SQLite path (default ``dyad.db`` or ``$DYAD_DB``) or a
    ``postgresql://`` URL. Queries return pandas DataFrames: ``open_store("dyad.db").events(source="RUS")``.
    """
    from dyad.store import open_store as _open_store  # pandas loads only when a store is used

    return _open_store(url, create=create, migrate=migrate)

__all__ = [
    "Actor", "ActorRef", "Article", "CodingError", "DataError", "DateRef", "DyadError", "Embed",
    "Event", "InputError", "Location", "Mention", "ModelError", "Options", "Place", "Quote",
    "Reader", "Reading", "Related", "Relation", "Span", "StoreError", "__version__", "open_store", "read",
]
