"""Find the memberships an article states, sentence by sentence, from its actors' mentions.

Three shapes, each read between mentions the actor stage found (so "Russia" is a state and
"the SCO" a bloc before anything here looks at them):

- composition: a bloc, then "made up of" / "comprising" / "which groups" ..., then the states
  up to the end of that phrase ("The SCO -- made up of China, India ... -- was set up");
- apposition: a bloc, a member noun, then the states right after it ("NATO members Turkey and
  Hungary", "fellow EU member states France and Germany");
- a verb between a state and a bloc: "Finland joined NATO", "Sweden became the 32nd member of
  NATO", "Britain left the EU", "Qatar quit OPEC" (the year after the bloc, when given, dates it).

Only formal blocs and IGOs take members here: "the Central Asian nations of Kazakhstan ..." is
geography, and "the West" is what its table row defines.

Then, implied memberships (``stated=False``): a state, or a body or person of a state, named in
one sentence with a bloc the tables say it belongs to on the article's date ("Former colonial
ruler France and the EU suspended aid", "ECOWAS chairman Nigerian President Bola Tinubu").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from dyad.actors import BlocTables, DocActors
from dyad.records import Actor, Article, Mention, Relation, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_COMPOSITION = re.compile(
    r"^[\s,\u2014\u2013-]*(?:(?:which|that|whose members?)\s+(?:is\s+|are\s+|was\s+|were\s+)?)?"
    r"(?:made up of|comprising|comprises|comprised of|composed of|consisting of|consists of|grouping|groups|"
    r"includes|including|include|brings together|bringing together)\s", re.IGNORECASE)
#: Where the list of a composition ends: a closing dash, a bracket, a semicolon, a finite verb.
_LIST_END = re.compile(r"\s[\u2014\u2013]\s|\s--\s|[;)]|\.\s|, (?:was|is|were|are|has|have|which|who)\b|"
                       r"\s(?:was|were|is|are|has|have|had|will|would|said|says)\s")
_MEMBER_NOUN = re.compile(r"^\s*(?:full\s+)?(?:member states|member countries|member nations|members|member|"
                          r"allies|ally|partners|countries|nations|states)\s+(?:such as\s+|including\s+|like\s+)?$",
                          re.IGNORECASE)
#: A bloc's mention that ends in its member noun ("NATO members", "EU member states").
_MEMBER_TAIL = re.compile(r"\b(?:member states|member countries|member nations|members|allies|partners)$",
                          re.IGNORECASE)
_BARE_GAP = re.compile(r"^\s*(?:,\s*)?(?:such as\s+|including\s+|like\s+)?$", re.IGNORECASE)
#: Between two states of one list: a comma, "and", "or", "as well as".
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|,?\s*as well as|&)\s*$")
_JOINED = re.compile(
    r"^\s*(?:has\s+|had\s+|have\s+|will\s+|formally\s+|officially\s+|finally\s+)*"
    r"(?:joined|joins|join|entered|enters|acceded to|accedes to|was admitted to|were admitted to|"
    r"became\s+(?:the\s+\w+|a|an)\s+(?:full\s+)?member\s+of|is\s+(?:a|an)\s+(?:full\s+)?member\s+of|"
    r"are\s+(?:full\s+)?members\s+of|, (?:a|an) (?:full\s+)?member of,?|'s accession to|'s membership of|"
    r"'s membership in)\s*(?:the\s+)?$", re.IGNORECASE)
_LEFT = re.compile(
    r"^\s*(?:has\s+|had\s+|have\s+|will\s+|formally\s+|officially\s+|finally\s+)*"
    r"(?:left|leaves|quit|quits|withdrew from|withdraws from|pulled out of|pulls out of|"
    r"was suspended from|were suspended from|was expelled from|'s exit from|'s withdrawal from|"
    r"'s departure from)\s*(?:the\s+)?$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"^\s*(?:in|on|back in)\s+(?:\w+\s+){0,2}?(\d{4})\b")


def _state(actor: Actor) -> str | None:
    """The state an actor is when it is a state itself (not its government or a person)."""
    if actor.id.startswith("country:") and actor.country:
        return actor.country
    return None


def _bloc_key(actor: Actor, tables: BlocTables) -> tuple[str, str] | None:
    """(bloc id or IGO abbreviation, name) for a formal bloc or IGO actor; None otherwise."""
    bloc = tables.find(actor.id)
    if bloc is not None:
        return (bloc.id, bloc.name) if bloc.kind == "formal" else None
    if actor.id.startswith("igo:"):
        return actor.id[4:], actor.name
    members = re.match(r"title:igo:([^:]+):member$", actor.id)  # "NATO members" as one actor
    if members:
        bloc = tables.find(f"igo:{members[1]}")
        return (bloc.id, bloc.name) if bloc is not None and bloc.kind == "formal" else (members[1], members[1])
    return None


def _sentences(doc: Doc | None, text: str) -> Iterator[tuple[int, int]]:
    if doc is not None and doc.has_annotation("SENT_START"):
        for sent in doc.sents:
            yield sent.start_char, sent.end_char
        return
    start = 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z\"'])|\n\n", text):
        yield start, m.end()
        start = m.end()
    yield start, len(text)


def find_relations(doc: Doc | None, article: Article, doc_actors: DocActors,
                   tables: BlocTables) -> tuple[Relation, ...]:
    """The memberships ``article`` states, one ``Relation`` per state and bloc.

    Reads the sentences of ``doc`` (or of the text), the actors' mentions and the bloc tables.
    Each is checked against the tables on its date (``confirmed``); the first statement of a
    pair is kept.
    """
    text = article.text
    found: dict[tuple[str, str, str], Relation] = {}
    implied: dict[tuple[str, str, str], Relation] = {}
    for start, end in _sentences(doc, text):
        mentions = [(m, a) for m, a in doc_actors.mentions_in(start, end)]
        for relation in _in_sentence(text, mentions, tables, article.published, end):
            found.setdefault((relation.subject, relation.relation, relation.object), relation)
        for relation in _implied(mentions, tables, article.published):
            implied.setdefault((relation.subject, relation.relation, relation.object), relation)
    for key, relation in implied.items():
        if key not in found and (key[0], "left", key[2]) not in found:
            found[key] = relation
    return tuple(found.values())


def _implied(mentions: list[tuple[Mention, Actor]], tables: BlocTables, published: str | None) -> Iterator[Relation]:
    """Member states named in one sentence with their bloc, as the tables have it on the date."""
    date = published[:10] if published else None
    blocs = [(m, a, tables.find(a.id)) for m, a in mentions]
    blocs = [(m, b) for m, _a, b in blocs if b is not None and b.kind == "formal"]
    if not blocs:
        return
    for mention, actor in mentions:
        state = actor.country if actor.sector != "IGO" else None
        if not state:
            continue
        for bloc_mention, bloc in blocs:
            if tables.is_member(state, bloc.id, date):
                start, end = min(mention.start, bloc_mention.start), max(mention.end, bloc_mention.end)
                yield Relation(subject=state, relation="member_of", object=bloc.id, evidence=Span(start, end),
                               subject_name=mention.text, object_name=bloc.name, date=date, confirmed=True,
                               stated=False)


def _in_sentence(text: str, mentions: list[tuple[Mention, Actor]], tables: BlocTables,
                 published: str | None, sent_end: int) -> Iterator[Relation]:
    states = [(m, s) for m, a in mentions if (s := _state(a))]
    for mention, actor in mentions:
        key = _bloc_key(actor, tables)
        if key is None:
            continue
        after = text[mention.end:sent_end]
        # composition: "The SCO -- made up of A, B and C --"
        cue = _COMPOSITION.match(after)
        if cue:
            begin = mention.end + cue.end()
            stop = _LIST_END.search(text, begin, sent_end)
            finish = stop.start() if stop else sent_end
            for m, state in states:
                if begin <= m.start and m.end <= finish:
                    yield _relation(state, "member_of", key, m, mention, published, None, tables)
            continue
        # apposition: "NATO members Turkey and Hungary"
        listed = _listed_after(text, mention.end, states, bool(_MEMBER_TAIL.search(mention.text)))
        for m, state in listed:
            yield _relation(state, "member_of", key, m, mention, published, None, tables)
        # a verb between a state before the bloc and the bloc: "Finland joined NATO in 2023"
        year = _YEAR_AFTER.match(after)
        for m, state in states:
            if m.end > mention.start or mention.start - m.end > 60:
                continue
            gap = text[m.end:mention.start]
            kind = "member_of" if _JOINED.match(gap) else "left" if _LEFT.match(gap) else None
            if kind:
                yield _relation(state, kind, key, m, mention, published, year[1] if year else None, tables)


def _listed_after(text: str, end: int, states: list[tuple[Mention, str]],
                  noun_in_mention: bool = False) -> list[tuple[Mention, str]]:
    """The states listed right after a bloc's member noun ("... members X, Y and Z"); the noun
    may be part of the bloc's own mention ("NATO members" as one actor, ``noun_in_mention``)."""
    out: list[tuple[Mention, str]] = []
    position, first = end, True
    for m, state in states:
        if m.start < position:
            continue
        gap = text[position:m.start]
        if first and not (_MEMBER_NOUN.match(gap) or noun_in_mention and _BARE_GAP.match(gap)):
            break
        if not first and not _LIST_GAP.match(gap):
            break
        out.append((m, state))
        position, first = m.end, False
    return out


def _relation(state: str, kind: str, key: tuple[str, str], subject: Mention, obj: Mention,
              published: str | None, year: str | None, tables: BlocTables) -> Relation:
    bloc_id, name = key
    date = year or (published[:10] if published else None)
    confirmed: bool | None = None
    if tables.find(bloc_id) is not None:
        on = date if not year else f"{year}-12-31"
        member = tables.is_member(state, bloc_id, on)
        if kind == "left" and year:
            member = tables.is_member(state, bloc_id, f"{int(year) - 1}-01-01") and not member
            confirmed = member
        else:
            confirmed = member if kind == "member_of" else not member
    start, end = min(subject.start, obj.start), max(subject.end, obj.end)
    return Relation(subject=state, relation=kind, object=bloc_id, evidence=Span(start, end),
                    subject_name=subject.text, object_name=name, date=date,
                    confirmed=confirmed)
