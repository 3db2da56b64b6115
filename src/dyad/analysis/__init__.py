"""Analysis: what the stored events add up to — dyad time series, top dyads, the actor network,
actor profiles, quote streams and blocs (members counted as of each event's date) — as pandas
DataFrames, networkx graphs and matplotlib images.

Reads: a ``Store``. Adds: nothing (pure functions).
"""

from __future__ import annotations

from dyad.analysis.dyads import (QUADS, SERIES_COLUMNS, ActorProfile, actor_network, actor_profile,
                                 dyad_events, dyad_series, quote_stream, series_of, top_dyads)
from dyad.analysis.blocs import (bloc_dyad_events, bloc_dyad_series, bloc_events, bloc_members,  # issue 17
                                 bloc_partners, bloc_series)
from dyad.analysis.plots import plot_dyad_series, plot_network

__all__ = ["QUADS", "SERIES_COLUMNS", "ActorProfile", "actor_network", "actor_profile", "bloc_dyad_events",
           "bloc_dyad_series", "bloc_events", "bloc_members", "bloc_partners", "bloc_series", "dyad_events",
           "dyad_series", "plot_dyad_series", "plot_network", "quote_stream", "series_of", "top_dyads"]
