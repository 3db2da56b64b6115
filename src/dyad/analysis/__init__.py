"""Analysis: what the stored events add up to — dyad time series, top dyads, the actor network,
actor profiles and quote streams — as pandas DataFrames, networkx graphs and matplotlib images.

Reads: a ``Store``. Adds: nothing (pure functions).
"""

from __future__ import annotations

from dyad.analysis.dyads import (QUADS, SERIES_COLUMNS, ActorProfile, actor_network, actor_profile,
                                 dyad_events, dyad_series, quote_stream, series_of, top_dyads)
from dyad.analysis.plots import plot_dyad_series, plot_network

__all__ = ["QUADS", "SERIES_COLUMNS", "ActorProfile", "actor_network", "actor_profile", "dyad_events",
           "dyad_series", "plot_dyad_series", "plot_network", "quote_stream", "series_of", "top_dyads"]
