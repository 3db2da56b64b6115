"""Converting a PETRARCH/TABARI verb dictionary into rows of dyad's event lexicon.

PETRARCH2's ``CAMEO.2.0.txt`` (Open Event Data Alliance, MIT) holds synonym sets (``&NAME``
then ``+WORD`` lines) and verb blocks::

    ---  CONSTRUCT   [---]  ---                 block; its code is the verbs' default
    +SET_UP {+SETS_UP +SETTING_UP }             a multiword verb (verb + particle) and its forms
    BUILD {BUILDS BUILDING BUILT }              a verb and its irregular forms
    DISBAND [160]                               a verb with its own default code
    - * ALLIANCE                 [050]  # FORGE a pattern: words after the verb (*) ...
    - TROOP * (INTO +)           [192]          ... before it, a prepositional phrase with the target
    - * DEAL                     [061:061]      a paired code: the event, and the target's back
    - * RUN-OFF                  [---]          a null pattern: "no event"

Each becomes a row of dyad's lexicon (the format of ``data/events/verbs.tsv``): the block's
verbs are the trigger alternatives, the words after the verb requirements (``&SET`` expands to
its words; a phrase of a set, ``+CEASE_FIRE``, to the phrase ``cease_fire``), words before it
``<word`` requirements, the preposition holding ``+`` the target
slot; ``$``/``%``/``^`` markers are dropped (the source is the verb's agent). Rows are written
in dyad's own format and never edited by hand; ``dyad lexicon import`` runs this converter on a
user's file.

    rows = convert(Path("CAMEO.2.0.txt").read_text())
    Path("verbs-petrarch.tsv").write_text(render(rows, source="...", commit="...", licence="MIT"))
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

#: Prepositions that may hold a target in a PETRARCH pattern, and that dyad knows as slots.
PREPOSITIONS = frozenset({"with", "at", "on", "to", "against", "for", "between", "of", "in", "into",
                          "from", "over", "toward", "towards", "near", "along", "about", "upon",
                          "behind", "by", "under", "through", "across", "after", "as", "within",
                          "without", "among", "around", "off", "out", "up", "down"})
TARGET_PREPOSITIONS = frozenset({"with", "at", "on", "to", "against", "for", "between", "of", "in",
                                 "into", "from", "over", "toward", "towards", "near", "along",
                                 "about", "upon", "behind"})
#: Where an imported row looks for its target when the pattern does not say: the object, the
#: indirect object, and the prepositions that name the other side of an interaction ("met with",
#: "talks to", "fired at", "sanctions against"). "in", "near" and "at" are left out: they name
#: places far more often than actors ("exercises in Alaska").
DEFAULT_TARGETS = ("dobj", "dative", "with", "to", "against", "on", "toward", "towards", "into",
                   "upon", "for", "from", "over")
#: CAMEO roots whose events may stand without a target when the pattern names what was done
#: ("rejected the PLAN", "declared a CEASEFIRE", "staged a PROTEST"): yielding, investigating,
#: demanding and the conflict roots (see dyad.events.build.ONE_SIDED_ROOTS).
ONE_SIDED_ROOTS = frozenset({f"{n:02d}" for n in range(8, 21)}) - {"13"}
#: Codes dyad never gives from a verb alone: PETRARCH's 010 ("make a statement") marks verbs
#: of saying, which dyad codes through quotes and reported clauses; a 010 row becomes a null row
#: (it still stops a less specific row from firing).
NULL_CODES = frozenset({"010"})
#: What PETRARCH's compound marker before the verb (``% *``, ``% HAVE *``: "Gondor AND Osgiliath
#: agree") becomes: a conjunction among the words before the verb; the row is flagged ``sym``
#: (each side does the event with the other).
COMPOUND_SOURCE = "<and"
#: Words of a pattern that say nothing dyad can look for (markers and filler).
MARKERS = frozenset({"$", "+", "%", "^", "*", "-"})

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([0-9]*|---)[A-Z]?(?::([0-9]*))?!?\]")  # "[075A]", "[080!]": TABARI marks
_FORMS = re.compile(r"\{([^}]*)\}")


@dataclass(frozen=True, slots=True)
class Row:
    """One row of dyad's lexicon (``verbs.tsv`` columns) and where it came from."""

    pattern: str
    code: str
    target: str
    flags: str
    example: str


@dataclass(slots=True)
class _Verb:
    words: tuple[str, ...]  # ("set", "up") for +SET_UP
    forms: tuple[str, ...]  # irregular forms of the first word
    code: str | None


def _strip_comment(line: str) -> tuple[str, str]:
    text, _, comment = line.partition("#")
    text = text.split(";")[0]  # "SCRAP {...};shan 8/30/93": an old TABARI comment
    return text.strip(), comment.strip()


def _word(raw: str) -> str:
    return raw.strip("_").lower()


def _synonyms(lines: list[tuple[int, str]]) -> dict[str, tuple[str, ...]]:
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for _, line in lines:
        if line.lstrip().startswith("#"):
            continue
        text, _ = _strip_comment(line)
        if text.startswith("&"):
            current = text.split()[0]
            sets[current] = []
        elif text.startswith("+") and current is not None:
            # "+GOLDEN_GOBLIN_GALLEONS": a phrase, written with "_" in dyad's pattern language (its
            # last word, the head, then the words right before it in the text)
            words = [w for w in re.split(r"[_\s-]+", text[1:]) if w]
            if words and not words[-1].isdigit():
                sets[current].append("_".join(words).lower())
        elif not text:
            current = None
    return {k: tuple(dict.fromkeys(v)) for k, v in sets.items() if v}


def _variants(word: str) -> list[str]:
    """A word and its other number: PETRARCH's words are written singular or plural at will
    (of a phrase "a_b", its last word)."""
    if "_" in word:
        first, _, last = word.rpartition("_")
        return [f"{first}_{v}" for v in _variants(last)]
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.append(word[:-1])
    elif word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
        out.append(word[:-1] + "ies")
    elif word.isalpha() and len(word) > 2:
        out.append(word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s"))
    return out


def _alternatives(token: str, synsets: dict[str, tuple[str, ...]]) -> list[str]:
    if token.startswith("&"):
        found = synsets.get(token) or synsets.get(token + "_") or synsets.get(token.rstrip("_"))
        if found is None:  # a set the file names but never defines: its name is its word
            found = (_word(token[1:]),)
        return [v for w in found for v in _variants(w)]
    return _variants(_word(token))


def _tokens(text: str) -> list[str]:
    """A pattern's words, with `(`, `)`, `{`, `}` and `*` as tokens of their own."""
    return [t for t in re.split(r"(\s+|[(){}*])", text) if t and not t.isspace()]


def _parse_pattern(text: str, synsets: dict[str, tuple[str, ...]]) -> tuple[list[str], str | None] | None:
    """Requirements (dyad syntax) and the target slot of one pattern's words; None if dyad can't
    express it (a pattern with no verb marker)."""
    tokens = _tokens(text)
    if "*" not in tokens:
        return None
    star = tokens.index("*")
    requires: list[str] = []
    if "%" in tokens[:star]:
        requires.append(COMPOUND_SOURCE)  # "% * [030:030]": the coordinated source, each with each
    for raw in tokens[:star]:
        if raw in MARKERS or raw in "(){}":
            continue
        for piece in re.split(r"[_-]+", raw):
            if piece and piece not in MARKERS:
                requires.append("<" + "|".join(dict.fromkeys(_alternatives(piece, synsets))))
    slot, last_prep = None, None
    for raw in tokens[star + 1:]:
        if raw == "(":
            last_prep = None
            continue
        if raw in "){}" or raw in ("$", "%", "^"):
            continue
        if raw == "+":
            if slot is None and last_prep is None:
                slot = "dobj"
            elif slot is None and last_prep in TARGET_PREPOSITIONS:
                slot = last_prep
            continue
        for piece in (p for p in re.split(r"[_-]+", raw) if p):
            word = _word(piece)
            if word in PREPOSITIONS:
                last_prep = word
                requires.append(word)
            else:
                last_prep = None
                requires.append("|".join(dict.fromkeys(_alternatives(piece, synsets))))
    return requires, slot


def _subject_is_target(words: str) -> bool:
    """"+ * MONEY $" ("Eriador received money from Osgiliath": 071 from Osgiliath to Eriador):
    the target (``+``) before the verb and the source (``$``) after it, the reverse of the
    grammatical roles; not "+ BEEN * BY $", a passive, whose agent dyad's parse already reads."""
    tokens = _tokens(words)
    if "*" not in tokens:
        return False
    star = tokens.index("*")
    after = [t for t in tokens[star + 1:] if t not in "()"]
    if "+" not in tokens[:star] or "$" not in after:
        return False
    where = after.index("$")
    return not (where > 0 and after[where - 1].strip("_").upper() == "BY")


def _code_cell(raw: str) -> str:
    """PETRARCH's code field as dyad's code cell: ``061``, ``042:043``, ``:054`` or ``---``."""
    match = _CODE.fullmatch(raw.strip())
    if not match:
        return ""
    forward, back = match.group(1), match.group(2)
    if forward == "---":
        return "---"
    if back:
        return f"{forward}:{back}"
    return forward


def _blocks(text: str) -> Iterator[tuple[int, str, str, list[tuple[int, str]]]]:
    """(line, name, code, body lines) of each verb block."""
    current: tuple[int, str, str, list[tuple[int, str]]] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("~") or line.startswith("####### TRANS") or line.startswith("######## TRANS"):
            break
        match = _BLOCK.match(line)
        if match:
            if current is not None:
                yield current
            code = _code_cell(f"[{match.group(2)}]") or "---"  # "[+++]": no CAMEO code
            current = (number, match.group(1), code, [])
        elif current is not None:
            current[3].append((number, line))
    if current is not None:
        yield current


def _verb(text: str) -> _Verb:
    forms_match = _FORMS.search(text)
    forms = tuple(f for f in forms_match.group(1).split()) if forms_match else ()
    rest = _FORMS.sub(" ", text)
    code_match = _CODE.search(rest)
    code = _code_cell(code_match.group(0)) if code_match else None
    head = _CODE.sub(" ", rest).split()[0]
    words = tuple(w.lower() for w in re.split(r"_+", head.lstrip("+")) if w)
    first_forms = tuple(dict.fromkeys(f.lstrip("+").split("_")[0].lower() for f in forms))
    return _Verb(words, tuple(f for f in first_forms if f != words[0]), code)


def _trigger(verbs: Iterable[_Verb]) -> str:
    alternatives = []
    for verb in verbs:
        alternatives.extend(f"{w}/v" for w in (verb.words[0], *verb.forms))
    return "|".join(dict.fromkeys(alternatives))


def _row(trigger: str, requires: list[str], code: str, slot: str | None, one_sided: bool,
         example: str) -> Row:
    pattern = " ".join([trigger, *requires])
    targets = slot if slot else " ".join(DEFAULT_TARGETS)
    root = code.split(":")[0][:2]
    content = [r for r in requires if not set(r.lstrip("<").split("|")) <= PREPOSITIONS]
    flags = "notarget" if one_sided and root in ONE_SIDED_ROOTS and content else "-"
    if COMPOUND_SOURCE in requires:
        flags = "sym"
    return Row(pattern, code, targets, flags, example)


def _known(cell: str, known: Collection[str] | None) -> str:
    """``cell`` with each code that ``known`` (cameo.tsv) lacks replaced by its nearest parent
    (TABARI's ``1723`` -> ``172``); empty when no parent is known either."""
    if cell == "---":
        return cell
    out = []
    for code in cell.split(":"):
        if code in NULL_CODES:
            code = ""
        if known is None:
            out.append(code)
            continue
        while code and code not in known:
            if len(code) == 3 and code[:2] + "0" in known and code[2] != "0":
                code = code[:2] + "0"  # "199" -> the root's general code "190"
            else:
                code = code[:-1] if len(code) > 3 else ""
        out.append(code)
    return (":".join(out) if out[0] else ":" + out[1]) if any(out) else "---"


def convert(text: str, path: str = "<verbs>", known: Collection[str] | None = None) -> list[Row]:
    """Every row of dyad's lexicon that ``text`` (a PETRARCH verb dictionary) yields, in file
    order; a pattern repeated (same words) keeps its first code. ``known``: the CAMEO codes
    dyad knows; others become their nearest known parent."""
    lines = list(enumerate(text.splitlines(), start=1))
    verbs_at = next((n for n, line in lines if "VERB PATTERNS" in line), None)
    synsets = _synonyms([(n, line) for n, line in lines if verbs_at is None or n < verbs_at])
    rows: dict[str, Row] = {}

    def add(row: Row) -> None:
        code = _known(row.code, known)
        if code:
            rows.setdefault(row.pattern, Row(row.pattern, code, row.target, row.flags, row.example))

    for _, name, block_code, body in _blocks(text):
        verbs: list[_Verb] = []
        patterns: list[tuple[int, str, str, str]] = []  # line, words, code, comment
        in_set = False  # a synonym set defined between blocks ("&REVOLT" then "+REVOLUTION")
        for number, line in body:
            stripped, comment = _strip_comment(line)
            if not stripped:
                in_set = False
                continue
            if stripped.startswith("&"):
                in_set = True
                continue
            if in_set:
                continue
            if stripped.startswith("-"):
                code_match = list(_CODE.finditer(stripped))
                if not code_match:
                    continue  # "[def]", "[+++]": codes of the validation suite's own, no CAMEO
                code = _code_cell(code_match[-1].group(0))
                words = stripped[1: code_match[-1].start()].strip()
                patterns.append((number, words, code, comment))
            elif stripped[0].isalpha() or stripped[0] == "+":
                verbs.append(_verb(stripped))
        single = [v for v in verbs if len(v.words) == 1]
        multi = [v for v in verbs if len(v.words) > 1]
        label = f"PETRARCH {name}"
        # the bare verbs: their own code, else the block's; a null code makes no row
        for verb in single:
            code = verb.code or block_code
            if code and code != "---" and verb.code:
                add(_row(_trigger([verb]), [], code, None, False, f"{label}: {verb.words[0].upper()}"))
        # A block's default code goes to the verb the block is named for: its other verbs are
        # synonyms added in bulk (mostly from WordNet: "face" under MEET, "engage" under FIGHT)
        # that code the block's patterns well but its bare default badly.
        plain = [v for v in single if not v.code and v.words[0] == name.split("_")[0].lower()]
        if plain and block_code != "---":
            add(_row(_trigger(plain), [], block_code, None, False, f"{label} (block default)"))
        for number, words, code, comment in patterns:
            if not code:
                continue
            parsed = _parse_pattern(words, synsets)
            if parsed is None:
                continue
            requires, slot = parsed
            one_sided = "+" not in words
            if _subject_is_target(words) and ":" not in code and code != "---":
                code = ":" + code   # "- + * MONEY $ [071]": the event goes from the $ back to the subject
            named = {c.strip().lower() for c in comment.split(",")}
            groups = [single] if single else []
            groups.extend([v] for v in multi if "_".join(v.words) in named)
            for group in groups:
                extra = list(group[0].words[1:]) if len(group[0].words) > 1 else []
                add(_row(_trigger(group), extra + requires, code, slot, one_sided,
                         f"{label}: - {' '.join(words.split())} [{code}]"))
        # a multiword verb after the patterns: at a tie the pattern wins ("broke down a TREATY"
        # is the block's treaty pattern, as PETRARCH matches the block's patterns on every verb)
        for verb in multi:
            code = verb.code or block_code
            if code != "---":
                add(_row(_trigger([verb]), list(verb.words[1:]), code, None, False,
                         f"{label}: {'_'.join(verb.words).upper()}"))
    return list(rows.values())


HEADER = """\
# dyad event lexicon, converted from a PETRARCH/TABARI verb dictionary by dyad.events.petrarch
# (`dyad lexicon import`). Do not edit by hand: rerun the converter; hand rows live in verbs.tsv
# and win over these (a hand row that matches a word is used before any imported row).
# source: {source}
# commit: {commit}
# licence: {licence}
# date: {date}.  format: 1 (the columns of verbs.tsv; code may be `---`: no event, or
#   `A:B`: the event A from source to target and B from target back to source)
"""


def render(rows: Iterable[Row], *, source: str, commit: str, licence: str, date: str) -> str:
    """The TSV text of ``rows`` with its header lines."""
    out = [HEADER.format(source=source, commit=commit, licence=licence, date=date),
           "pattern\tcode\ttarget\tflags\texample\n"]
    out.extend(f"{r.pattern}\t{r.code}\t{r.target}\t{r.flags}\t{r.example}\n" for r in rows)
    return "".join(out)


def convert_discards(text: str) -> list[tuple[str, str]]:
    """(phrase, scope) of each line of a PETRARCH/TABARI discard dictionary: ``+PHRASE`` discards
    the story, ``PHRASE`` the sentence; ``_`` joins words; comments (``#``, ``;``) are dropped."""
    rows: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        body, _ = _strip_comment(line)
        if not body or body.startswith(("<", "~")):
            continue
        scope = "story" if body.startswith("+") else "sentence"
        phrase = " ".join(body.lstrip("+").replace("_", " ").lower().split())
        if phrase:
            rows.setdefault(phrase, (phrase, scope))
    return list(rows.values())


DISCARD_HEADER = """\
# dyad event discards, converted from a PETRARCH/TABARI discard dictionary by
# dyad.events.petrarch.convert_discards. Do not edit by hand: rerun the converter.
# A sentence holding a phrase of scope `sentence` yields no event; a story holding one of
# scope `story` yields none at all (sport, weather).
# source: {source}
# commit: {commit}
# licence: {licence}
# date: {date}.  format: 1
"""


def render_discards(rows: Iterable[tuple[str, str]], *, source: str, commit: str, licence: str,
                    date: str) -> str:
    """The TSV text (``discards.tsv``) of ``rows`` with its header lines."""
    out = [DISCARD_HEADER.format(source=source, commit=commit, licence=licence, date=date), "phrase\tscope\n"]
    out.extend(f"{phrase}\t{scope}\n" for phrase, scope in rows)
    return "".join(out)
