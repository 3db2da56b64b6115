"""Find place mentions in a parsed article and geocode them with the article as context.

Mentions come from two sources: spaCy's GPE/LOC/FAC entities, and a scan of the text for
gazetteer names the model tags as something else or misses ("ex-Soviet Uzbekistan" comes out
NORP, "Belarus's strongman leader" ORG, "Russia's far east" as GPE "Russia"). Longer matches
win. Ambiguous names are then settled per article (one sense per name): a candidate gains from
places of its country named elsewhere in the article or in the same sentence, from the
country's demonym ("Georgian"), from cities of its US state, and most from an explicit
qualifier ("Paris, Texas", "Cambridge, England").
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.nlp import doc_text
from dyad.places.gazetteer import Gazetteer, GazetteerEntry, first_word, name_key
from dyad.records import Article, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: spaCy entity labels whose text is looked up whole, alternate names included.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels a gazetteer name may lie inside only when it is the entity's whole text
#: ("Belarus" tagged ORG); a name inside a longer one ("Shanghai Cooperation Organization",
#: "Xi Jinping") is part of that name.
NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"})
#: A city the model did not tag as a place is only taken when it is this big: smaller towns
#: are too often named like people and things ("Reading", "Surprise", "Independence").
RAW_CITY_MIN_POPULATION = 100_000

# -- context weights (added to GazetteerEntry.prior, which is in orders of magnitude) --------
#: Per doubling of the other places of the candidate's country named in the article.
ARTICLE_WEIGHT = 1.0
#: When a place of the candidate's country is named in the same sentence.
SENTENCE_WEIGHT = 1.0
#: When another place of the same US state is named ("Atlanta" makes "Georgia" the state).
ADMIN1_WEIGHT = 2.0
#: An explicit qualifier ("Paris, Texas") settles it.
QUALIFIER_WEIGHT = 6.0

#: Coordinates are reported to 0.01 degree (about 1 km): finer would claim a precision a
#: city-level geocode doesn't have.
COORD_DECIMALS = 2

#: "eastern Ukraine", "Syria's north": a part of a country (spaCy splits hyphenated words, so
#: "south-eastern" isn't one of these tokens).
DIRECTION_ADJECTIVES = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern"})
DIRECTION_NOUNS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                             "southeast", "southwest", "far east", "far north", "far west",
                             "far south"})
_DETERMINERS = frozenset({"the", "The"})
_POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})


@dataclass(slots=True)
class _Mention:
    start: int  # token indices
    end: int
    key: str
    entries: tuple[GazetteerEntry, ...]
    from_entity: bool
    sentence: int
    qualifier: GazetteerEntry | None = None
    direction: str | None = None  # "eastern" / "far east": a part of a country
    chosen: GazetteerEntry | None = None


def find_places(doc: Doc, article: Article, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Places named in ``doc`` (parsed from ``article.text``), geocoded, in text order.

    Reads: the Doc's entities, POS tags and sentences. Country names are places too
    (feature "country"); which places are actors is the event layer's call.
    """
    text = doc_text(doc, article.text)  # the Doc's offsets are the article's
    sentences = _sentence_index(doc)
    mentions = _merge(_entity_mentions(doc, text, sentences, gazetteer)
                      + _scanned_mentions(doc, text, sentences, gazetteer))
    _find_qualifiers(doc, mentions)
    _find_directions(doc, mentions)
    _disambiguate(doc, sentences, mentions, gazetteer)
    return tuple(_place(doc, text, m) for m in mentions if m.chosen is not None)


# -- finding mentions ------------------------------------------------------------------------
def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", a trailing possessive or punctuation, and anything from a line
    break on (the small model glues lines together)."""
    for i in range(start, end):
        if "\n" in doc[i].text:
            end = i
            break
    while start < end and (doc[start].text in _DETERMINERS or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVES or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    if doc.has_annotation("SENT_START"):
        for n, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                index[i] = n
    return index


def _entity_mentions(doc: Doc, source: str, sentences: list[int],
                     gazetteer: Gazetteer) -> list[_Mention]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        text = source[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])]
        entries, _ = gazetteer.candidates_by_key(name_key(text), upper=_upper(text))
        if entries:
            found.append(_Mention(start, end, name_key(text), entries, True, sentences[start]))
    return found


def _upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _entity_of(doc: Doc) -> list[Span | None]:
    owner: list[Span | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            owner[i] = ent
    return owner


def _scanned_mentions(doc: Doc, source: str, sentences: list[int],
                      gazetteer: Gazetteer) -> list[_Mention]:
    """Gazetteer names in the text, longest first at each token, that the entity check lets
    through."""
    owner = _entity_of(doc)
    found = []
    i, n = 0, len(doc)
    while i < n:
        token = doc[i]
        if not token.text[:1].isupper() \
                or first_word(name_key(token.text)) not in gazetteer.first_words:
            i += 1
            continue
        match = None
        for j in range(min(n, i + gazetteer.max_words), i, -1):
            last = doc[j - 1]
            if last.is_punct or last.is_space:
                continue
            text = source[token.idx:last.idx + len(last)]
            if "\n" in text:
                continue
            key = name_key(text)
            entries, _ = gazetteer.candidates_by_key(key, upper=_upper(text), alternates=False)
            if entries and _acceptable(doc, i, j, entries, owner, key in gazetteer.curated_keys):
                match = _Mention(i, j, key, entries, False, sentences[i])
                break
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match.end
    return found


def _acceptable(doc: Doc, start: int, end: int, entries: tuple[GazetteerEntry, ...],
                owner: list[Span | None], curated: bool) -> bool:
    """May the scanned name at tokens [start, end) be a place, given the model's entities?

    Inside a longer name ("Shanghai Cooperation Organization", "Xi Jinping") never. As the
    whole of a name entity: a hand-written name always ("Sahel" tagged PERSON), a country or
    state when tagged ORG ("Belarus's strongman leader") or after a preposition or "the"
    ("in Jordan", not "Jordan said"), a city never ("Washington said" is a man or a metonym
    the model already got right as GPE elsewhere).
    """
    ents = {owner[i] for i in range(start, end)} - {None}
    cities_only = all(e.feature == "city" for e in entries)
    for ent in ents:
        if ent.label_ in NAME_LABELS:
            if _trim(doc, ent.start, ent.end) != (start, end):
                return False
            if curated:
                continue
            before = doc[start - 1] if start > 0 else None
            introduced = before is not None and (before.pos_ == "ADP" or before.lower_ == "the")
            if cities_only or not (ent.label_ == "ORG" or introduced):
                return False
    if not cities_only:
        return True
    if any(ent.label_ in PLACE_LABELS for ent in ents):
        return True
    # A city the model missed: big, written as a proper noun, and not part of a longer name.
    if max(e.population for e in entries) < RAW_CITY_MIN_POPULATION:
        return False
    if any(doc[k].pos_ != "PROPN" for k in range(start, end)):
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return not any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper()
                   for t in (before, after))


def _merge(mentions: list[_Mention]) -> list[_Mention]:
    """Keep the longest of overlapping mentions (entity mentions win ties), in text order."""
    mentions.sort(key=lambda m: (-(m.end - m.start), not m.from_entity, m.start))
    taken: set[int] = set()
    kept = []
    for m in mentions:
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        taken |= span
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _find_qualifiers(doc: Doc, mentions: list[_Mention]) -> None:
    """"Paris, Texas": a place followed by a comma and a state or country that contains one of
    its candidates is qualified by it."""
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        if m.end + 1 >= len(doc) or doc[m.end].text != ",":
            continue
        nxt = by_start.get(m.end + 1)
        if nxt is None:
            continue
        for qual in nxt.entries:
            if qual.feature not in ("country", "admin1", "region") or not qual.country:
                continue
            if any(_inside(c, qual) for c in m.entries if c is not qual):
                m.qualifier = qual
                break


def _inside(entry: GazetteerEntry, area: GazetteerEntry) -> bool:
    if entry.country != area.country or entry.feature in ("country", "continent"):
        return False
    return area.feature != "admin1" or entry.admin1 == area.admin1


def _find_directions(doc: Doc, mentions: list[_Mention]) -> None:
    """"eastern Ukraine", "Syria's north": a part of a country is one mention."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if not any(e.feature == "country" for e in m.entries):
            continue
        before = m.start - 1
        if before >= 0 and doc[before].lower_ in DIRECTION_ADJECTIVES and before not in taken:
            m.direction = doc[m.start - 1].lower_
            m.start -= 1
            continue
        if m.end + 1 < len(doc) and doc[m.end].text in _POSSESSIVES:
            for width in (2, 1):
                stop = m.end + 1 + width
                if stop > len(doc) or any(k in taken for k in range(m.end, stop)):
                    continue
                words = " ".join(t.lower_ for t in doc[m.end + 1:stop])
                if words in DIRECTION_NOUNS:
                    m.direction = words
                    m.end = stop
                    break


# -- choosing among candidates ----------------------------------------------------------------
def _disambiguate(doc: Doc, sentences: list[int], mentions: list[_Mention],
                  gazetteer: Gazetteer) -> None:
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    demonyms = _demonym_mentions(doc, sentences, gazetteer)

    # Names with one candidate are settled; then, most confident first, each ambiguous name
    # is settled with the settled ones as its context ("Boston" before "Cambridge").
    chosen = {key: ms[0].entries[0] for key, ms in groups.items() if len(ms[0].entries) == 1}
    pending = [key for key in groups if key not in chosen]
    while pending:
        best_key, best_entry, best_margin = pending[0], None, -1.0
        for key in pending:
            ranked = sorted(((_score(e, key, groups[key], chosen, groups, demonyms), n, e)
                             for n, e in enumerate(groups[key][0].entries)), reverse=True)
            margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else float("inf")
            if margin > best_margin:
                best_key, best_entry, best_margin = key, ranked[0][2], margin
        chosen[best_key] = best_entry
        pending.remove(best_key)
    for key, ms in groups.items():
        for m in ms:
            m.chosen = chosen[key]


def _demonym_mentions(doc: Doc, sentences: list[int],
                      gazetteer: Gazetteer) -> list[tuple[str, int]]:
    """(country, sentence) of each demonym ("Georgian", "Texan" isn't one) in the text."""
    found = []
    for token in doc:
        if token.text[:1].isupper() and token.ent_type_ in ("NORP", "") and not token.is_sent_start:
            iso = gazetteer.demonym_country(token.text)
            if iso:
                found.append((iso, sentences[token.i]))
    return found


def _score(entry: GazetteerEntry, key: str, ms: list[_Mention],
           chosen: dict[str, GazetteerEntry], groups: dict[str, list[_Mention]],
           demonyms: list[tuple[str, int]]) -> float:
    """How well ``entry`` fits the name ``key`` given the names settled so far."""
    value = entry.prior
    qualifiers = [m.qualifier for m in ms if m.qualifier is not None]
    value += QUALIFIER_WEIGHT * any(_inside(entry, q) for q in qualifiers)
    if entry.country is None:
        return value
    own_sentences = {m.sentence for m in ms}
    in_country = in_sentence = in_state = 0
    for other, settled in chosen.items():
        if other == key or settled.country != entry.country:
            continue
        in_country += 1
        in_sentence += any(m.sentence in own_sentences for m in groups[other])
        in_state += (entry.country == "USA" and entry.admin1 is not None
                     and entry.feature != "country" and settled.admin1 == entry.admin1)
    for iso, sentence in demonyms:
        if iso == entry.country:
            in_country += 1
            in_sentence += sentence in own_sentences
    value += ARTICLE_WEIGHT * math.log2(1 + in_country)
    value += SENTENCE_WEIGHT * (in_sentence > 0)
    value += ADMIN1_WEIGHT * (in_state > 0)
    return value


def _place(doc: Doc, source: str, m: _Mention) -> Place:
    entry = m.chosen
    assert entry is not None
    start = doc[m.start].idx
    end = doc[m.end - 1].idx + len(doc[m.end - 1])
    name, feature, lat, lon = entry.name, entry.feature, entry.lat, entry.lon
    if m.direction and entry.feature == "country":
        # A part of a country: its name, no point (the country's centre would mislead).
        name = (f"{m.direction} {entry.name}" if m.direction in DIRECTION_ADJECTIVES
                else f"{entry.name}'s {m.direction}")
        feature, lat, lon = "region", None, None
    return Place(text=source[start:end], start=start, end=end, name=name,
                 country=entry.country, feature=feature,
                 lat=None if lat is None else round(lat, COORD_DECIMALS),
                 lon=None if lon is None else round(lon, COORD_DECIMALS))

