"""The NLP backbone: builds the one spaCy pipeline of a process and runs it over articles.

Reads: ``Article.text``. Adds: a spaCy ``Doc`` per article whose character offsets are the
article's, so every later stage's spans point into ``Article.text``.
"""

from __future__ import annotations

from dyad.nlp.fastpath import FastPipeline, TokenAttributes
from dyad.nlp.pipeline import doc_text, fast_pipeline, load_pipeline, parse, parse_one

__all__ = ["FastPipeline", "TokenAttributes", "doc_text", "fast_pipeline", "load_pipeline", "parse", "parse_one"]
