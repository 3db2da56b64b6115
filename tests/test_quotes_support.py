"""Helpers for the quote tests: read a passage through nlp -> actors -> quotes.

Other ``test_quotes_*`` files import ``read`` and ``EntityActors`` from here. ``EntityActors`` is
a tiny stand-in for ``dyad.actors.DocActors`` built from spaCy's PERSON/ORG entities, for tests
that check how the quote finder treats a speaker no actor table knows.
"""

from __future__ import annotations

import re

from dyad.records import Actor, Article, Mention, Quote, Span

_BLANK = re.compile(r"\n\s*\n")


class EntityActors:
    """One actor per PERSON/ORG name (people grouped by surname); code None."""

    def __init__(self, doc) -> None:  # noqa: ANN001 - a spaCy Doc
        groups: dict[str, list] = {}
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            if len(ent) > 1 and ent[-1].tag_ == "POS":
                ent = ent[:-1]
            key = ent[-1].lower_ if ent.label_ == "PERSON" else ent.text.lower()
            groups.setdefault(key, []).append(Mention(ent.text, ent.start_char, ent.end_char))
        self.actors = tuple(Actor(id=k, name=max((m.text for m in ms), key=len), code=None, mentions=tuple(ms))
                            for k, ms in groups.items())

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Actor]]:
        return sorted(((m, a) for a in self.actors for m in a.mentions if start <= m.start and m.end <= end),
                      key=lambda x: x[0].start)

    def actor_at(self, start: int, end: int) -> Actor | None:
        best, score = None, 0
        for a in self.actors:
            for m in a.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > score:
                    best, score = a, overlap
        return best


def article(text: str, **fields) -> Article:  # noqa: ANN003
    """An Article whose paragraphs are the blank-line separated blocks of ``text``."""
    spans, pos = [], 0
    for m in _BLANK.finditer(text):
        spans.append(Span(pos, m.start()))
        pos = m.end()
    spans.append(Span(pos, len(text)))
    return Article(id="test", text=text, paragraphs=tuple(spans), **fields)


def read(nlp, text: str, *, actors: str = "dyad", **fields) -> tuple[Quote, ...]:  # noqa: ANN001, ANN003
    """The quotes of ``text``; actors from dyad's actor layer ("dyad"), spaCy entities ("entities")
    or none ("none")."""
    from dyad.quotes import find_quotes

    art = article(text, **fields)
    doc = nlp(text)
    if actors == "dyad":
        from dyad.actors import find_actors, load_tables

        doc_actors = find_actors(doc, art, load_tables())
    elif actors == "entities":
        doc_actors = EntityActors(doc)
    else:
        doc_actors = None
    return find_quotes(doc, art, doc_actors)


def quote_starting(quotes: tuple[Quote, ...], start: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert found, f"no quote starts with {start!r}; found {[q.text[:40] for q in quotes]}"
    return found[0]


def speaker_name(q: Quote) -> str:
    return q.speaker.name if q.speaker is not None else ""


def test_entity_actors_group_a_person_by_surname(nlp) -> None:
    text = ("Chancellor Angela Merkel met French President Emmanuel Macron on Tuesday. "
            "Afterwards Merkel told reporters the talks had gone well.")
    doc = nlp(text)
    actors = EntityActors(doc)
    merkel = actors.actor_at(text.index("Merkel told"), text.index("Merkel told") + 6)
    assert merkel is not None and merkel.name.endswith("Merkel")
    assert len(merkel.mentions) == 2


def test_article_paragraphs_follow_blank_lines() -> None:
    art = article("One.\n\nTwo.\n\n  Three.")
    assert [art.text[p.start:p.end].strip() for p in art.paragraphs] == ["One.", "Two.", "Three."]
