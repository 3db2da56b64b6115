"""Events: sentences -> CAMEO events with PLOVER type, Goldstein score, modality, date, place
and evidence.

Reads: the spaCy ``Doc`` of ``Article.text``, the article's actors (``DocActors``), dates,
places and quotes. Adds: ``Event`` records. The lexicon (trigger patterns, CAMEO and PLOVER
tables, modality cues) is data in ``dyad/data/events/``, extended by a user's ``data_dir``.

    lexicon = load_lexicon()                                            # once per process
    events = find_events(doc, article, doc_actors, dates, places, quotes, lexicon)

``score_reading`` (in ``scoring``) scores a reading against a hand-coded gold file.
"""

from __future__ import annotations

from dyad.events.build import find_events, merge, two_sided
from dyad.events.lexicon import CameoCode, Lexicon, Pattern, Plover, load_lexicon
from dyad.events.match import Match, match_sentence
from dyad.events.scoring import Report, score_reading

__all__ = ["CameoCode", "Lexicon", "Match", "Pattern", "Plover", "Report", "find_events",
           "load_lexicon", "match_sentence", "merge", "score_reading", "two_sided"]
