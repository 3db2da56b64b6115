"""Reader: loads the models and tables once, then runs the stages over articles in order.

    Article -> nlp (Doc) -> actors -> dates, places -> quotes -> events -> Reading

One ``Reader`` serves a whole batch; ``dyad.read`` keeps one per process for one-off calls.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from dyad import actors as actors_stage
from dyad import dates as dates_stage
from dyad import events as events_stage
from dyad import places as places_stage
from dyad import quotes as quotes_stage
from dyad import relations as relations_stage  # issue 17: memberships the text states
from dyad.errors import CodingError, DyadError, InputError
from dyad.ingest import read_inputs, read_text, with_published
from dyad.nlp import FastPipeline, load_pipeline
from dyad.options import Options
from dyad.records import Article, Reading, StageFailure

log = logging.getLogger(__name__)

#: A string shorter than this without a line break that names an existing file is read as a path.
MAX_PATH_CHARS = 4096

# Lone surrogates (broken UTF-16, e.g. "\ud800" in a JSON string) can't be encoded as UTF-8,
# which spaCy does; they become U+FFFD, one character for one, so offsets stay valid.
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class StageTables:
    """The loaded data of every stage (each loader caches per process and per data dir)."""

    actors: actors_stage.ActorTables
    gazetteer: places_stage.Gazetteer
    cues: quotes_stage.CueLexicon
    lexicon: events_stage.Lexicon
    blocs: actors_stage.BlocTables


class Reader:
    """Reads articles into ``Reading`` records; loads every model and table once, lazily."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()

    # -- what the stages need, loaded once -------------------------------------------------
    @functools.cached_property
    def nlp(self):  # noqa: ANN201 - spacy.Language
        return load_pipeline(self.options.model)

    @property
    def _pipeline(self):  # noqa: ANN202 - spacy.Language or dyad.nlp.FastPipeline: both pipe and call
        """What parses: ``nlp`` itself, or through the fast path (``options.fast``), the same Docs."""
        return FastPipeline.of(self.nlp) if self.options.fast else self.nlp

    @functools.cached_property
    def tables(self) -> StageTables:
        """Every table the stages use (actors, gazetteer, quote cues, event lexicon), loaded once."""
        data_dir = self.options.data_dir
        tables = StageTables(actors=actors_stage.load_tables(data_dir),
                             gazetteer=places_stage.load_gazetteer(data_dir),
                             cues=quotes_stage.load_cues(data_dir),
                             lexicon=events_stage.load_lexicon(data_dir),
                             blocs=actors_stage.load_blocs(data_dir))
        for warning in tables.actors.warnings:
            log.warning("%s", warning)  # bad rows in a user's data files: reported once, skipped
        return tables

    # -- public entry points ----------------------------------------------------------------
    def read(self, source: str | Path, *, published: str | None = None) -> Reading:
        """Read one article from a path or from the text itself.

        ``published`` (ISO date) fills in the date of an article that carries none.
        """
        if isinstance(source, Path) or _names_a_file(source):
            for item in read_inputs([str(source)], self.options):
                if isinstance(item, InputError):
                    raise item
                return self.read_article(with_published(item, published))
            raise InputError("no article found", path=str(source))
        if not source.strip():
            raise InputError("empty text")
        return self.read_article(read_text(source, origin="<text>", published=published))

    def read_article(self, article: Article) -> Reading:
        return next(self.read_articles([article]))

    def read_articles(self, articles: Iterable[Article]) -> Iterator[Reading]:
        """Read articles in order, parsing them in batches (``options.batch_size``)."""
        for item in self.read_stream(articles):
            if isinstance(item, DyadError):
                raise item
            yield item

    def read_paths(self, paths: Iterable[str | Path]) -> Iterator[Reading | DyadError]:
        """Read every article under ``paths``; an unreadable input or an article that can't be
        coded yields a ``DyadError`` in its place, so a batch reports it and goes on."""
        yield from self.read_stream(read_inputs(paths, self.options))

    def read_stream(self, items: Iterable[Article | DyadError]) -> Iterator[Reading | DyadError]:
        """Articles (and errors, passed through) -> Readings (and errors), in input order."""
        iterator = iter(items)
        size = max(1, self.options.batch_size)
        while batch := list(islice(iterator, size)):
            articles = [self._prepare(a) for a in batch if isinstance(a, Article)]
            docs = iter(self._parse([a.text for a, _ in articles], size))
            prepared = iter(articles)
            for item in batch:
                if not isinstance(item, Article):
                    yield item
                    continue
                article, warnings = next(prepared)
                doc = next(docs)
                if isinstance(doc, Exception):
                    yield CodingError(f"could not be parsed ({type(doc).__name__}: {doc}); please report it",
                                      path=article.origin, article_id=article.id)
                    continue
                try:
                    yield self._code(doc, article, warnings)
                except DyadError as exc:
                    yield exc
                except Exception as exc:  # noqa: BLE001 - one bad article must not end a batch
                    log.debug("coding failed for %s", article.origin or article.id, exc_info=True)
                    yield CodingError(f"could not be coded ({type(exc).__name__}: {exc}); please report it",
                                      path=article.origin, article_id=article.id)

    # -- the stages --------------------------------------------------------------------------
    def _parse(self, texts: list[str], size: int) -> list:
        """One spaCy Doc per text; when spaCy fails on the batch, the texts are parsed one by one
        and the one it fails on gets its exception in its place, so the others go on."""
        try:
            return list(self._pipeline.pipe(texts, batch_size=size))
        except Exception:  # noqa: BLE001 - spaCy may raise anything on a strange text
            log.debug("parsing a batch failed; parsing its articles one by one", exc_info=True)
        docs: list = []
        for text in texts:
            try:
                docs.append(self._pipeline(text))
            except Exception as exc:  # noqa: BLE001 - reported as that article's CodingError
                docs.append(exc)
        return docs

    def _prepare(self, article: Article) -> tuple[Article, list[str]]:
        warnings: list[str] = []
        article = with_published(article, self.options.published)
        if _SURROGATES.search(article.text):
            warnings.append("lone surrogate characters (broken UTF-16) replaced by U+FFFD")
            article = replace(article, text=_SURROGATES.sub("\ufffd", article.text))
        if len(article.text) > self.options.max_chars:
            warnings.append(f"text truncated from {len(article.text)} to {self.options.max_chars} characters")
            article = replace(article, text=article.text[: self.options.max_chars],
                              paragraphs=tuple(p for p in article.paragraphs if p.end <= self.options.max_chars))
        return article, warnings

    def _code(self, doc, article: Article, warnings: list[str]) -> Reading:  # noqa: ANN001 - spacy Doc
        """Run the stages over one parsed article. A stage that raises leaves its own records
        empty (and the later stages see it as having found nothing); the reading keeps the
        other stages' records, a warning naming the stage, and a ``StageFailure``."""
        tables = self.tables
        run = _StageRunner(article, warnings)
        doc_actors = run("actors", lambda: actors_stage.find_actors(doc, article, tables.actors),
                         actors_stage.DocActors())
        found = doc_actors  # issue 17: blocs as actors ("the West", "NATO allies")
        doc_actors = run("blocs", lambda: actors_stage.find_blocs(doc, article, found, tables.blocs), found)
        dates = run("dates", lambda: tuple(dates_stage.find_dates(doc, article, warnings=warnings)), ())
        places = run("places", lambda: tuple(places_stage.find_places(doc, article, tables.gazetteer)), ())
        quotes = run("quotes", lambda: tuple(quotes_stage.find_quotes(doc, article, doc_actors, cues=tables.cues)),
                     ())
        events = run("events", lambda: tuple(events_stage.find_events(doc, article, doc_actors, dates, places,
                                                                      quotes, tables.lexicon)), ())
        if self.options.require_dyad:  # --require-dyad: only events with both sides
            events = tuple(events_stage.two_sided(events))
        relations = run("relations", lambda: tuple(relations_stage.find_relations(doc, article, doc_actors,
                                                                                  tables.blocs)), ())
        return Reading(article=article, actors=tuple(doc_actors.actors), quotes=quotes, events=events,
                       dates=dates, places=places, warnings=tuple(warnings), relations=relations,
                       stage_failures=tuple(run.failures))


class _StageRunner:
    """Calls one stage of one article; an exception becomes that stage's failure, not the article's."""

    def __init__(self, article: Article, warnings: list[str]) -> None:
        self.article = article
        self.warnings = warnings
        self.failures: list[StageFailure] = []

    def __call__(self, stage: str, find, empty):  # noqa: ANN001, ANN204 - a stage's finder and its empty result
        try:
            return find()
        except Exception as exc:  # noqa: BLE001 - one stage's bug must not cost the other stages' records
            log.debug("stage %s failed on %s", stage, self.article.origin or self.article.id, exc_info=True)
            error = f"{type(exc).__name__}: {exc}"
            self.failures.append(StageFailure(stage=stage, error=error))
            self.warnings.append(f"stage {stage} failed ({error}); its records are empty for this article "
                                 "(please report it)")
            return empty


def _names_a_file(source: str) -> bool:
    return (len(source) < MAX_PATH_CHARS and "\n" not in source
            and (source == "-" or os.path.isfile(source)))


@functools.lru_cache(maxsize=4)
def default_reader(options: Options | None = None) -> Reader:
    """One Reader per process (and per Options) for one-off ``dyad.read`` calls."""
    return Reader(options)


def read(source: str | Path, *, published: str | None = None, options: Options | None = None) -> Reading:
    """Read one article (a path or the text itself) into a ``Reading``.

    >>> reading = read("Russian President Vladimir Putin met Chinese leader Xi Jinping on Thursday.",
    ...                published="2022-09-16")
    >>> reading.article.published
    '2022-09-16'
    """
    return default_reader(options).read(source, published=published)
