"""Places: find place mentions in an article and geocode them offline.

Reads: the spaCy ``Doc`` of ``Article.text`` (entities, POS tags, dependency parse).
Adds: ``Place`` records (name, ISO3 country, lat/lon, feature), and for the event layer the
place that governs an event trigger.

    gazetteer = load_gazetteer()                       # once per process
    places = find_places(doc, article, gazetteer)      # per article
    place_for(trigger_token, places, doc)              # per event
"""

from __future__ import annotations

from dyad.places.find import find_places
from dyad.places.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer
from dyad.places.govern import place_for

__all__ = ["Gazetteer", "GazetteerEntry", "find_places", "load_gazetteer", "place_for"]
