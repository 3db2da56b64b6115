"""Dates: find an article's time expressions and resolve them against its dateline.

Reads: the spaCy ``Doc`` of ``Article.text`` (tokens, DATE entities, morphology, parse) and
``Article.published``. Adds: ``DateRef`` records ("on Thursday" -> ``2022-09-15``, day
precision; "last month" -> ``2022-08``; "two years ago" -> ``2020``), and for the event layer
the time expression that governs an event trigger.

    dates = find_dates(doc, article, warnings=notes)   # per article
    date_for(trigger_token, dates, doc)                # per event
"""

from __future__ import annotations

from dyad.dates.find import find_dates, parse_published
from dyad.dates.govern import date_for

__all__ = ["date_for", "find_dates", "parse_published"]
