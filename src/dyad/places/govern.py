"""Which place an event happened at: the locative phrase that governs its trigger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyad.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Prepositions that put something at a place ("met in Samarkand", "a patrol off Taiwan").
#: Not "on" ("backing for China on Taiwan" is a topic), "over" ("a row over Crimea"), "to" and
#: "from" (a destination or origin). "at" a country is a target ("a broadside at the United
#: States"), so it counts only for other places ("at Camp David").
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout",
                                   "around", "off", "within", "along"})
#: Prepositions a locative phrase may hang under on its way up to the verb: "on the sidelines
#: of a summit in Uzbekistan", "saw Xi for the Games in Beijing", "clashed with militants near
#: Kirkuk". Others ("since the start of the conflict in Ukraine", "protests against the war in
#: Ukraine") cut the link.
PATH_PREPOSITIONS = frozenset({"of", "in", "at", "on", "near", "during", "for", "with", "inside",
                               "outside", "off", "within", "along", "across", "around"})
#: Nouns that name a place by apposition with "of": "the city of Samarkand".
PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "region", "province", "port",
                         "district", "state", "country", "island", "republic", "area", "oblast",
                         "county", "enclave", "territory", "peninsula", "resort"})
#: How far up the parse a phrase is followed; deeper links are too loose to trust.
MAX_STEPS = 10

_CLAUSE_POS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def clause_head(token: Token) -> Token:
    """The verb whose clause ``token`` is in (the token itself for a verb)."""
    steps = 0
    while token.pos_ not in _CLAUSE_POS and token.head.i != token.i and steps < MAX_STEPS:
        token = token.head
        steps += 1
    return token


def _locative_attachment(root: Token, place: Place) -> Token | None:
    """The token a place's locative phrase attaches to ("met" for "met in Samarkand"), or
    ``None`` when the place isn't in a locative phrase."""
    prep = root.head
    if root.dep_ != "pobj" or prep.i == root.i:
        return None
    word = prep.lower_
    if word == "of" and prep.head.lower_ in PLACE_NOUNS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in the ancient city of Samarkand"
        word = prep.lower_
    if word not in LOCATIVE_PREPOSITIONS or prep.head.i == prep.i:
        return None
    if word == "at" and place.feature == "country":
        return None
    return prep.head


def _path_to_clause(token: Token) -> list[Token] | None:
    """The tokens from ``token`` up to its clause's verb, or ``None`` when the way passes
    through a preposition that doesn't carry location (since, against, with ...) or through
    the subject ("officials in Georgia said": where the speakers are from, not where they
    spoke)."""
    path = [token]
    steps = 0
    while token.pos_ not in _CLAUSE_POS and token.head.i != token.i and steps < MAX_STEPS:
        if token.dep_ == "pobj" and token.head.lower_ not in PATH_PREPOSITIONS:
            return None
        if token.dep_ in _SUBJECTS:
            return None
        token = token.head
        path.append(token)
        steps += 1
    return path


def place_for(token: Token, places: tuple[Place, ...], doc: Doc) -> Place | None:
    """The place whose locative phrase governs the event trigger ``token``, else ``None``.

    A place counts when its phrase ("in Samarkand", "in the Pacific", "in Russia's far east")
    attaches to the trigger, or to a word of the trigger's clause by a chain of nouns and
    location-carrying prepositions ("met on the sidelines of a summit ... in Uzbekistan").
    The nearest such place wins.
    """
    trigger_clause = clause_head(token)
    best: tuple[int, Place] | None = None
    sent = token.sent
    for place in places:
        if place.end <= sent.start_char or place.start >= sent.end_char:
            continue  # another sentence: skipped before the costly char_span (long articles)
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or not len(span) or span.sent.start != token.sent.start \
                or _crosses_line(doc, span.root.i, token.i):
            continue
        attached = _locative_attachment(span.root, place)
        if attached is None:
            continue
        path = _path_to_clause(attached)
        if path is None:
            continue
        if token not in path and path[-1] != trigger_clause:
            continue
        distance = 0 if token in path else abs(span.root.i - token.i)
        if best is None or distance < best[0]:
            best = (distance, place)
    return None if best is None else best[1]


def _crosses_line(doc: Doc, a: int, b: int) -> bool:
    """Is there a line break between tokens ``a`` and ``b``? (The small model's sentences
    can run across a headline or a photo credit into the body.)"""
    low, high = min(a, b), max(a, b)
    return any(t.is_space and "\n" in t.text for t in doc[low:high])
