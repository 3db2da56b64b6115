"""Assembling ``Event`` records: sides x code x modality x date x place, then merging duplicates.

Per trigger: the sources and targets (``roles``), the modality and code shift (``modality``),
the date and place (``when``); then one event per (source, target) pair, both ways for a
symmetric event between coordinated sides ("Putin and Xi met"). Within an article, events
with the same source, target, code and date are one event: the first one found is kept with
its evidence (the earliest sentence that reports it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.events.lexicon import Lexicon, Pattern
from dyad.events.match import Match, match_sentence
from dyad.events.modality import Reading, modality_of
from dyad.events.roles import FORCE_ROOTS, DocActorsLike, Roles, Side, agent_only
from dyad.events.when import Dater, place
from dyad.records import Article, DateRef, Event, Location, Place, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Meeting codes that the place refines: 042 visit (met in the target's country), 043 host
#: (in the source's), 044 third location.
MEETING_CODE = "040"
_VERBS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True, slots=True)
class _Pair:
    source: Side
    target: Side | None


def find_events(doc: Doc, article: Article, doc_actors: DocActorsLike, dates: Sequence[DateRef],
                places: Sequence[Place], quotes: Sequence[Quote], lexicon: Lexicon) -> tuple[Event, ...]:
    """Code the events of one article.

    Reads: the spaCy ``Doc`` of ``article.text``, the article's actors (``doc_actors``), its
    dates, places and quotes, and the event lexicon. Returns: ``Event`` records in text order,
    duplicates (same source, target, code and date) merged into the first; none from a
    sentence (or a story) holding a discard phrase of the lexicon.
    """
    if lexicon.discarded(article.text, "story"):
        return ()  # a story about sport or weather (discards.tsv)
    roles = Roles(doc, doc_actors, quotes, lexicon, places)
    matches = [m for sent in doc.sents if not lexicon.discarded(sent.text, "sentence")
               for m in match_sentence(sent, lexicon)]
    triggers = frozenset(m.token.i for m in matches)
    dater = Dater(doc, dates, article.published, triggers)
    events: list[Event] = []
    for match in matches:
        events.extend(_events_of(match, roles, dater, places, doc, lexicon))
    return merge(events)


def merge(events: Iterable[Event]) -> tuple[Event, ...]:
    """One event per (source, target, code, date); the first keeps its evidence."""
    kept: dict[tuple, Event] = {}
    for event in events:
        key = (_actor_key(event.source), _actor_key(event.target), event.code, event.date)
        kept.setdefault(key, event)
    return tuple(kept.values())


def two_sided(events: Iterable[Event]) -> tuple[Event, ...]:
    """The events with both a source and a target (``Options.require_dyad``, ``--require-dyad``)."""
    return tuple(e for e in events if e.target is not None)


def _actor_key(ref) -> tuple | None:  # noqa: ANN001 - ActorRef | None
    if ref is None:
        return None
    return (ref.id or ref.name, ref.code)


#: Codes that coordinated sources do with each other when no one else is named: "Jordan and
#: Britain agreed to hold exercises", "France and Germany signed a treaty".
#: (Not support, aid or payment: "the US and UK backed the resolution" is not between them;
#: only sides named there, not a pair found for "the two leaders".)
JOINT_CODES = ("050", "057")


def _pairs(match: Match, roles: Roles) -> list[_Pair]:
    pattern = match.pattern
    if pattern.reported:
        sources = roles.speaker(match.token)
        targets = roles.reported_targets(match) if sources else []
    else:
        sources = roles.sources(match)
        targets = roles.targets(match, sources)
    # "X and Y hailed their ties": they are not its target, nor is a name of the source itself
    # ("Kiir lifted a state of emergency" with "state" read as South Sudan's government): the
    # event may then stand without a target
    targets = [t for t in targets if (t.ref.code or t.ref.country) and not any(_same_side(s, t) for s in sources)]
    pairs: list[_Pair] = []
    named = len({s.token.i for s in sources if s.token is not None}) >= 2  # not "the two leaders"
    joint = pattern.symmetric or (named and (pattern.code or "").startswith(JOINT_CODES))
    if joint and not targets and len(sources) >= 2:
        for a in sources:
            pairs.extend(_Pair(a, b) for b in sources if b.key != a.key)
        return pairs
    if pattern.symmetric and not sources and len(targets) >= 2:  # "a meeting between A and B"
        for a in targets:
            pairs.extend(_Pair(a, b) for b in targets if b.key != a.key)
        return pairs
    for source in sources:
        if targets:
            pairs.extend(_Pair(source, t) for t in targets)
        else:
            pairs.append(_Pair(source, None))
    return pairs


#: Flags of rows whose event needs two sides: a meeting with no one, a reported evaluation of
#: no one, a rival "crushed" with no one named (`dyadic`), is no event.
TWO_SIDED_FLAGS = frozenset({"reported", "venue", "dyadic"})
#: CAMEO roots whose events may stand without a target: yielding (08: "resigned", "declared a
#: ceasefire"), investigating, demanding, and the conflict roots (11-20: "rejected the plan",
#: protests, shows of force, arrests, killings whose victims are no actor of ours). Statements,
#: appeals and cooperation (01-07) are made to or with someone: without that side they are
#: talk ("he pledged an extra 105m", "we agreed that ..."), no event.
ONE_SIDED_ROOTS = frozenset({f"{n:02d}" for n in range(8, 21)}) - {"13"}  # a threat is made to someone
#: Roots that always need a counterpart: consulting (04) is with someone, a threat (13) is made
#: to someone.
TWO_SIDED_ROOTS = frozenset({"04", "13"})


def _one_sided_ok(pattern: Pattern) -> bool:
    """Whether a match with a source but no target is an event (``target: null``, as GDELT and
    PLOVER allow). Rows flagged ``notarget`` always; other hand rows when their root may stand
    alone, or when they are a specific phrase (a verb with its object, an event noun) of any
    root but consulting and threatening; an imported row of PETRARCH's only when the converter
    flagged it ``notarget`` (a phrase of a root that may stand alone: 08-20, less 13)."""
    if "notarget" in pattern.flags:
        return True
    code = pattern.code or ""
    if pattern.flags & TWO_SIDED_FLAGS or code[:2] in TWO_SIDED_ROOTS:
        return False
    if pattern.tier > 0:
        # no other imported row: tried for a verb with its own object noun ("voiced pessimism"),
        # most of what it added on BBC politics was wrong ("counting on", "hopes to announce a
        # deal", "need more money"; README, Events)
        return False
    # a specific phrase ("expressed condolences", "launched an appeal") is an event of its own
    specific = bool(pattern.requires) or all(pos in ("noun", "adj") for _, pos in pattern.triggers)
    return code[:2] in ONE_SIDED_ROOTS or specific


def _allowed(pair: _Pair, no_target_ok: bool) -> bool:
    source, target = pair.source.ref, pair.target.ref if pair.target else None
    if not (source.code or source.country):
        return False  # an unidentified speaker or agent: no event data without a side
    if target is None:
        return no_target_ok
    return bool(target.code or target.country) and not _same_side(pair.source, pair.target)


def _same_side(source: Side, target: Side) -> bool:
    """Whether two sides are one actor for an event between them. Domestic events are CAMEO
    events too (USAGOV -> USALEG; one politician attacking another, GBRGOV -> GBRGOV), but not
    between two names of one body ("Moscow" and "the Kremlin") or a country and itself."""
    if source.key == target.key:
        return True
    if _is_person(source) and _is_person(target):
        return False  # two different people (the keys differ): a domestic event
    a, b = source.ref, target.ref
    if a.code and a.code == b.code:
        return True
    return bool(a.country) and a.country == b.country and not (a.sector or b.sector)


#: Marks of a condition on a future act: "if Hezbollah breaks the deal, we will attack" is a threat.
CONDITION_MARKS = frozenset({"if", "unless"})
#: Marks of the clause a threat answers, whose subject it is made to.
THREAT_MARKS = CONDITION_MARKS | {"after", "because", "once", "since"}
FUTURE_AUX = frozenset({"will", "would", "'ll", "shall"})


def _code_for(match: Match, shift: str | None, lexicon: Lexicon, code: str) -> str:
    if shift == "intended":
        # a stated intent to use force is a threat (137, 138, 1385), not an attack to come
        vowed = lexicon.shifted(code, "threatened") if code.startswith(FORCE_ROOTS) else None
        return match.pattern.intent or lexicon.shifted(code, "intended") or vowed or code
    if shift == "threatened":
        return lexicon.shifted(code, shift) or "130"
    if shift == "refused":
        return lexicon.shifted(code, shift) or code  # no rejection code: a negated event
    return code


def _demands(match: Match, roles: Roles, lexicon: Lexicon) -> list[_Pair]:
    """"Russia must withdraw its troops, NATO said": NATO demands (10x) of Russia what the clause
    says; only when someone else says it and intent.tsv has a demand for the code."""
    if match.pattern.reported or not lexicon.shifted(match.pattern.code or "", "demanded"):
        return []
    speakers = roles.speaker(match.token)
    subjects = roles.sources(match)
    return [_Pair(s, t) for s in speakers for t in subjects if s.key != t.key]


def _marked_clause(trigger: Token, marks: frozenset[str]) -> Token | None:
    """The verb of an adverbial clause on the trigger (or on its to-infinitive) opened by one of
    ``marks``: "if Hezbollah breaks the deal", "(to take countermeasures) after Finland joined"."""
    for verb in (trigger, *(c for c in trigger.children if c.dep_ == "xcomp")):
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children):
                return clause
    return None


def _made_to(pairs: list[_Pair], clause: Token | None, roles: Roles) -> list[_Pair]:
    """Each source's pair with every actor the subject of ``clause`` names (but itself)."""
    if clause is None:
        return []
    targets = [t for s in clause.children if s.dep_ in ("nsubj", "nsubjpass") for t in roles.np_sides(s)]
    return [_Pair(p.source, t) for p in pairs for t in targets if t.key != p.source.key]


def _conditional_threat(match: Match, pairs: list[_Pair], roles: Roles, lexicon: Lexicon) -> list[_Pair] | None:
    """A use of force promised on a condition ("if Hezbollah breaks the deal, we will attack") is a
    threat (CAMEO 13) to whoever the condition is about, when the act itself names no target:
    the pairs to code as threats, or None when the match is no such promise."""
    code = match.pattern.code or ""
    if not code.startswith(FORCE_ROOTS) or lexicon.shifted(code, "threatened") is None:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in match.token.children):
        return None
    clause = _marked_clause(match.token, CONDITION_MARKS)
    if clause is None:
        return None
    if any(p.target is not None for p in pairs):
        return pairs
    return _made_to(pairs, clause, roles) or None


def _threatened(pairs: list[_Pair], match: Match, roles: Roles) -> list[_Pair]:
    """A threat that names no one is made to whom the clause it answers is about: "Russia threatened
    countermeasures after Finland joined Nato" (to Finland)."""
    if any(p.target is not None for p in pairs):
        return pairs
    return _made_to(pairs, _marked_clause(match.token, THREAT_MARKS), roles) or pairs


def _venue(code: str, source: Side, target: Side | None, where: Place | None) -> str:
    if code != MEETING_CODE or target is None or where is None or not where.country:
        return code
    if where.country == target.ref.country:
        return "042"
    if where.country == source.ref.country:
        return "043"
    if source.ref.country and target.ref.country:
        return "044"
    return code


def _tense_token(trigger: Token, roles: Roles) -> Token:
    """The verb whose tense dates the report: the trigger's clause, or the verb reporting it."""
    node, steps = trigger, 0
    while node.pos_ not in _VERBS and node.head != node and steps < 8:
        node, steps = node.head, steps + 1
    while node.dep_ in ("xcomp", "advcl", "pcomp", "acl", "conj", "acomp") and node.head != node \
            and steps < 12:
        node, steps = node.head, steps + 1
        while node.pos_ not in _VERBS and node.head != node and steps < 12:
            node, steps = node.head, steps + 1
    if node.dep_ in ("ccomp", "parataxis") and roles.lexicon.cue(node.head.lemma_.lower(), "report"):
        return node.head
    for child in node.children:
        if child.dep_ in ("parataxis", "ccomp") and roles.lexicon.cue(child.lemma_.lower(), "report"):
            return child
    quote = roles.quote_at(trigger.idx)
    if quote is not None and quote.cue:
        last = roles.doc[-1]  # the Doc's length in characters, without joining its text
        window = roles.doc.char_span(max(0, quote.start - 80), min(last.idx + len(last.text_with_ws), quote.end + 80),
                                     alignment_mode="expand")
        for token in window or ():
            if token.lower_ == quote.cue.lower() and not (quote.start <= token.idx < quote.end):
                return token
    return node


#: A statement (01: "says it is sceptical", "voices concern") is made as it is reported: present
#: tense is no role in general there.
STATEMENT_ROOT = "01"
#: Auxiliaries of a clause that tells what happened or is happening ("has attacked", "are
#: investigating"), not what may, must or will ("should think", "would allow").
FACT_AUX = frozenset({"have", "be"})   # lemmas: "has", "'re", "being" too


def _happened(verb: Token) -> bool:
    """Whether the clause of ``verb`` reports a past or ongoing act: a past tense, or a perfect or
    progressive without a modal ("Police arrested", "rebels have seized", "police are
    investigating"); not a present generic ("judges jail parents"), a modal or an infinitive.
    A role of no country ("police", ``agent_only``) is a side only in such a clause: in others it
    is mostly the role in general."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ in ("VBN", "VBG") and any(a.lemma_.lower() in FACT_AUX for a in auxes)


def _is_person(side: Side) -> bool:
    token = side.token
    return token is not None and (token.ent_type_ == "PERSON" or token.lower_ in ("he", "she", "him", "her"))


def _has_object(match: Match, lexicon: Lexicon) -> bool:
    """Whether the trigger's object is a thing said, done or decided ("attacked Tory plans",
    "attacked the government's failure"), not a thing force is used on ("attacked Iranian nuclear
    sites": cues.tsv's `struck` nouns)."""
    return any(c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and not lexicon.cue(c.lemma_.lower(), "struck")
               and not lexicon.cue(c.lower_, "struck") for c in match.token.children)


def _evidence(match: Match, pair: _Pair) -> Span:
    sent = match.token.sent
    tokens = [*match.tokens]
    for side in (pair.source, pair.target):
        if side is not None and side.token is not None and side.token.sent.start == sent.start:
            tokens.append(side.token)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Span(start, end)


def _trigger_text(match: Match) -> str:
    return " ".join(t.text for t in sorted(match.tokens, key=lambda t: t.i))


def _events_of(match: Match, roles: Roles, dater: Dater, places: Sequence[Place], doc: Doc,
               lexicon: Lexicon) -> list[Event]:
    pattern = match.pattern
    reading = modality_of(match.token, lexicon)
    demands = _demands(match, roles, lexicon) if reading.shift == "demanded" else []
    if demands:
        reading = Reading("asserted", None)
        pairs = demands
        coded: list[tuple[_Pair, str]] = [(p, lexicon.shifted(pattern.code or "", "demanded") or "")
                                          for p in pairs]
    else:
        pairs = _pairs(match, roles)
        if not pairs:
            return []
        threat = (_conditional_threat(match, pairs, roles, lexicon)
                  if reading.shift in (None, "intended") else None)
        if threat is not None:
            pairs, reading = threat, Reading("asserted", "threatened")
        if reading.shift == "threatened" or (pattern.code or "").startswith("13"):
            pairs = _threatened(pairs, match, roles)
        # A paired code ([042:043]) adds the target's event back to the source.
        coded = [(p, pattern.code) for p in pairs if pattern.code]
        if not pattern.code and pattern.person:  # a row that is an event only with a person as target
            coded = [(p, pattern.person) for p in pairs if p.target is not None and _is_person(p.target)]
        if pattern.reverse:
            coded.extend((_Pair(p.target, p.source), pattern.reverse) for p in pairs if p.target is not None)
    modality = reading.modality
    if reading.shift == "refused" and lexicon.shifted(pattern.code or pattern.reverse or "", "refused") is None:
        modality = "negated"
    tense = _tense_token(match.token, roles)
    date, precision = dater.date(match.token, tense)
    # a role of no country is a side only in a clause of what happened (or was said), and of an
    # intent only as said ("the rebels said that they will release"; not "MPs are preparing to
    # debate")
    stated = modality == "intended" and lexicon.cue(tense.lemma_.lower(), "report") is not None
    done = (modality == "asserted" or stated) and (_happened(tense) or (pattern.code or "").startswith(STATEMENT_ROOT))
    where = place(match.token, places, doc)
    location = Location(where.name, where.country, where.lat, where.lon) if where else None
    sentence = match.token.sent.text.strip()
    single = len({p.source.key for p in pairs}) == 1
    events = []
    for pair, base in coded:
        pair_code = _code_for(match, reading.shift, lexicon, base)
        # a vow to use force is a threat made now (this pair's code only: a paired row's reverse
        # may be no threat)
        said = "asserted" if modality == "intended" and pair_code.startswith("13") else modality
        no_target_ok = _one_sided_ok(pattern)
        if not done and pair.target is not None and agent_only(pair.target.ref):
            pair = _Pair(pair.source, None)  # "will not accept refugees": refugees in general
        if not done and agent_only(pair.source.ref):
            continue  # "judges should think before ...", "the court must pass": a role in general
        if pair.target is None and pattern.solo and single:
            pair_code, no_target_ok = pattern.solo, True
        if not _allowed(pair, no_target_ok):
            continue
        if pattern.person and not demands and (_has_object(match, lexicon)
                                               or pair.target is not None and _is_person(pair.target)):
            pair_code = pattern.person  # "attacked the decision": no force on a thing said
        if "venue" in pattern.flags and said == "asserted" and not demands:
            pair_code = _venue(pair_code, pair.source, pair.target, where)
        info = lexicon.cameo(pair_code)
        plover = lexicon.plover_for(pair_code)
        events.append(Event(
            source=pair.source.ref, target=pair.target.ref if pair.target else None,
            code=pair_code, root=info.root, label=info.label,
            plover=plover.type if plover else None, quad_class=info.quad, goldstein=info.goldstein,
            date=date, location=location, modality=said, sentence=sentence,
            evidence=_evidence(match, pair), plover_mode=plover.mode if plover else None,
            date_precision=precision, trigger=_trigger_text(match)))
    return events
