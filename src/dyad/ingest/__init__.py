"""Ingest: text, HTML, JSON Lines and WARC inputs -> ``Article`` records. No spaCy here.

Reads: paths, directories, globs, ``-`` (stdin), raw strings. Adds: ``Article`` (title, byline,
published, url, source, photo_credit, text with repaired paragraphs, embeds, related).
An unreadable input becomes an ``InputError`` naming the file (and line), never a crash.
"""

from __future__ import annotations

from dyad.ingest.article import article_id, parse_published, with_published
from dyad.ingest.html import read_html
from dyad.ingest.jsonl import read_jsonl
from dyad.ingest.sources import expand, read_inputs, read_path
from dyad.ingest.text import read_text

__all__ = ["article_id", "expand", "parse_published", "read_html", "read_inputs", "read_jsonl",
           "read_path", "read_text", "with_published"]
