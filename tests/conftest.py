"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "samarkand-2022-09-16.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from dyad.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_reading():
    """dyad's full reading of the bundled example article (computed once)."""
    import dyad

    return dyad.read(EXAMPLE)


@pytest.fixture(scope="session")
def coder(nlp):
    """text -> (DocActors, events), through the real stages above events (loaded once)."""
    from dyad import actors, dates, places, quotes
    from dyad.events import find_events, load_lexicon
    from dyad.ingest import read_text

    tables, gazetteer, lexicon = actors.load_tables(), places.load_gazetteer(), load_lexicon()

    def run(text: str, published: str):
        article = read_text(text, published=published)
        doc = nlp(article.text)
        doc_actors = actors.find_actors(doc, article, tables)
        events = find_events(doc, article, doc_actors, dates.find_dates(doc, article),
                             places.find_places(doc, article, gazetteer),
                             quotes.find_quotes(doc, article, doc_actors), lexicon)
        return doc_actors, events

    return run
