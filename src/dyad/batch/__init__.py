"""Batch runs: read a corpus into the event database, resumably.

Reads: paths (or ``Article`` records) and a ``Reader``. Adds: the readings to a ``Store``, one
transaction per batch, and a ``RunSummary`` of what was added, replaced, skipped and failed.
"""

from __future__ import annotations

from dyad.batch.runner import DEFAULT_BATCH_SIZE, RunSummary, estimate_total, ingest, ingest_items

__all__ = ["DEFAULT_BATCH_SIZE", "RunSummary", "estimate_total", "ingest", "ingest_items"]
