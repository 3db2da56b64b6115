"""The web dashboard: a FastAPI app with a JSON API and server-rendered pages over the event
database — overview, dyad time series, article reader with highlights, events and quotes
search, and a box that codes a pasted article on the spot.

Reads: a ``Store`` (through ``dyad.analysis`` and the store's queries). Adds: nothing; the
dashboard never writes to the database. Serve it with ``dyad serve``.
"""

from __future__ import annotations

from dyad.web.app import create_app

__all__ = ["create_app"]
