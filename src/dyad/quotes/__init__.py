"""Quotes: every direct and partial quote of an article, with speaker, cue, addressee and reporter.

Reads: ``Article.text`` (paragraphs) and ``Article.embeds``, the spaCy ``Doc`` of the text, and the
article's actors (``DocActors``). Adds: ``Quote`` records (see ``finder.py`` for the rules, and
``marks.py`` for how quotation marks are paired). Cue verbs are the data file
``dyad/data/quotes/cues.tsv``, which a user's ``data_dir/quotes/cues.tsv`` extends.
"""

from __future__ import annotations

from dyad.quotes.cues import Cue, CueLexicon, load_cues
from dyad.quotes.finder import find_quotes, is_scare_quote, is_title, starts_sentence
from dyad.quotes.marks import Piece, find_pieces, paragraph_spans

__all__ = ["Cue", "CueLexicon", "Piece", "find_pieces", "find_quotes", "is_scare_quote", "is_title",
           "load_cues", "paragraph_spans", "starts_sentence"]
