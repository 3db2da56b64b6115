"""The event database: SQLite (default) or PostgreSQL, versioned migrations, idempotent writes,
cross-story deduplication, queries as pandas DataFrames and exports in the field's formats.

Reads: ``Reading`` records. Adds: rows in ``articles``, ``actors``, ``mentions``, ``quotes``,
``dates``, ``places``, ``event_evidence`` (one per event an article reports) and ``events`` (one
per real-world event, its reports merged by the rule in ``dyad.store.dedup``).

>>> from dyad.store import open_store
>>> store = open_store("sqlite:///:memory:")
>>> store.counts()["events"]
0
"""

from __future__ import annotations

from dyad.store.db import DB_ENV, DEFAULT_DB, SCHEMA_VERSION, resolve_url
from dyad.store.export import FORMATS as EXPORT_FORMATS
from dyad.store.store import Failure, Store, WriteResult, open_store

__all__ = ["DB_ENV", "DEFAULT_DB", "EXPORT_FORMATS", "SCHEMA_VERSION", "Failure", "Store", "WriteResult",
           "open_store", "resolve_url"]
