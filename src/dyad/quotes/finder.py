"""find_quotes: every quoted stretch of an article with its speaker, cue, addressee and reporter.

Steps (each a function below):

1. ``marks.find_pieces`` finds the stretches inside double quotation marks, paragraph by paragraph.
2. Each stretch gets a cue and a speaker. Candidates (the nearest cue to the quote wins, the
   parse's on a tie):
   a. *parse*: the nearest reporting verb (``cues.tsv``) that governs the stretch in the
      dependency parse, at most ``MAX_CUE_CLIMB`` heads up, and not through the verb's own
      subject: ``X said "..."``, ``"...," X said``, ``ties were "developing positively," he
      said``, ``X said the countries were inflicting harm on "..."``, ``Z quoted X as saying
      "..."`` (speaker X, reported by Z), ``X was quoted by Z as thanking ... "..."``, ``X, who
      ..., said``, ``"...," according to X``, ``X told Y "..."`` (addressee Y). The speaker is
      the verb's subject (never a word inside a quote), a passive verb's agent, the author of a
      document that speaks ("the council issued a statement calling ..."), or the noun a
      relative pronoun stands for;
   b. *after*: token order after the closing mark: ``"...," X said``, ``"...," said X``,
      ``"...," X, who ..., told Y``, ``"...," according to X``, ``"..." ― Name`` -- also across a
      paragraph break that splits a sentence (``Xi`` / ``told Putin at the talks``); not when
      the quote closed its sentence and the verb reports something else;
   c. *before*: token order before the opening mark: ``X said: "..."``, ``X told Y, "..."``,
      ``Said X: "..."``, ``According to X, "..."``, ``including X -- "..." --``;
   d. failing those, *parenthetical*: ``The rules, X added, were "..."``; and *naming*: a short
      quote under ``as`` hung on a verb (``rated the claim as "false"``: the verb's subject).
   The main clause comes first: a thought or naming cue reported under a speech verb gives way to
   it (``A spokesman said the minister expected "..."``, ``Y welcomed "...," X said``). A cue that
   governs the stretch but whose speaker can't be resolved still supports it.
3. A stretch still without a speaker takes one from its context:
   a. *sibling*: a quote in a list ("called him a "liar" who is "utterly amoral,"") takes the
      attribution of a quote of the same sentence whose cue governs it too;
   b. *chain*: the other paragraphs of the same multi-paragraph quote;
   c. *turn*: a stretch that starts a sentence takes the latest "voice" before it in its
      paragraph, or, if it starts its paragraph, in the paragraph before (unless that is a
      subheading): the latest attributed quote or reporting verb with a speaker-like subject;
      failing those, the latest speaker-like subject of a main clause (a paragraph that names
      the speaker), or the name of a label ending in a colon (``Jane Doe, a nurse from Ohio:``).
      Speaker-like: a person or organisation entity, a known actor, a noun of
      ``speaker-nouns.tsv``, or he/she/it. Cues reported under another cue are passed over (main
      clauses first). Its ``cue`` is ``None``.
4. Dropped:
   - scare quotes: a stretch of at most ``SCARE_MAX_WORDS`` (2) words -- words are
     whitespace-separated runs holding a letter or digit -- that got neither a cue nor a speaker
     from steps 2 and 3 ("the so-called "peace plan"", "an "alternative" to");
   - titles: a partial quote of at most ``TITLE_MAX_WORDS`` (6) words, every word capitalised
     except small words (of, the, and, ...), ending without ``! ?`` ("Fox News Sunday",
     "Contract with America."), unless a naming verb governs it ("called him "Sleepy Joe"") or
     the passage around it is itself in capitals or Title Case (a transcript, a headline).
   Every other quoted stretch is kept, with ``speaker=None`` when nothing names one.
5. Tweets and other embeds (``article.embeds``) are read with the same marks and token-order
   patterns, without a parse.

Embedded quotes: a quote found in ``article.embeds[k].text`` has ``kind="embedded"``,
``embed=k``, ``start``/``end`` into that embed's text (not into ``article.text``),
``reported_by`` the embed's author, and its speaker read from the embed's words
("Putin tells Xi Jinping that Russia “...”": speaker Putin, addressee Xi Jinping).

Quotes of several paragraphs are one ``Quote`` per paragraph (``text == article.text[start:end]``
always holds), each with the same speaker and cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dyad.quotes.attribution import Attribution, Attributor
from dyad.quotes.cues import Cue, CueLexicon, load_cues
from dyad.quotes.marks import DOUBLE_CLOSERS, SINGLE_CLOSERS, Piece, find_pieces, paragraph_spans
from dyad.quotes.speakers import DocActorsLike, SpeakerResolver
from dyad.records import Actor, ActorRef, Article, Embed, Quote, QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A quoted phrase of at most this many words with no cue and no speaker is a scare quote
# ("an "alternative" to", "so-called "experts"") -- real quotations that short almost always
# hang on a verb of saying ("make their relationship "stronger," he told Putin").
SCARE_MAX_WORDS = 2
# Title-case phrases of at most this many words inside a sentence are names of shows, books,
# slogans and laws ("Fox News Sunday", "Contract with America"), not speech.
TITLE_MAX_WORDS = 6
# Small words that stay lower case inside a title.
TITLE_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with vs v".split())
# A paragraph of at most this many words with no final punctuation is a subheading ("'Alternative'
# to West"); a turn of speech does not carry across it.
SUBHEADING_MAX_WORDS = 8
# what a verb that characterises through "as" ("rated the claim as "Mostly False"") counts as
NAMING_CUE = Cue(lemma="as", kind="speech", object="target", notes="a characterisation through 'as'")
# A passage whose longer words (more than TITLE_SMALL_WORD_LENGTH letters) are this capitalised,
# and at least this many, is written in Title Case or capitals: the title filter does not apply
# there (in ordinary prose under a third of the longer words are capitalised)
CAPITALISED_SHARE = 0.75
CAPITALISED_MIN_WORDS = 3
TITLE_SMALL_WORD_LENGTH = 3
SENTENCE_END = ".!?…"
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(slots=True)
class _Found:
    piece: Piece
    span: Span | None
    kind: QuoteKind
    words: int
    attribution: Attribution | None = None
    supported: bool = False  # a cue or a speaker came from the patterns of step 2 or a sibling


def find_quotes(doc: Doc, article: Article, doc_actors: DocActorsLike | None, *,
                cues: CueLexicon | None = None) -> tuple[Quote, ...]:
    """Find the quotes of ``article`` (see the module docstring for the rules).

    Reads: ``article.text`` and its paragraphs, ``article.embeds``, the parse ``doc`` (whose
    offsets are ``article.text``'s) and the article's actors (``doc_actors``: ``actor_at``,
    ``mentions_in``, ``actors``). Adds: ``Quote`` records in text order, embedded ones last.
    """
    cues = cues or load_cues()
    text = article.text
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or paragraph_spans(text)
    pieces = find_pieces(text, paragraphs, headings=_headings(article, paragraphs))
    in_quote = _token_mask(doc, pieces)
    attributor = Attributor(doc, cues, in_quote)
    resolver = SpeakerResolver(doc, doc_actors, cues, in_quote, text)

    found = [_attribute(attributor, resolver, doc, text, piece, paragraphs) for piece in pieces]
    _from_context(found, attributor, resolver, doc, text, paragraphs)
    quotes = []
    for item in found:
        if _dropped(item, text, cues, paragraphs):
            continue
        quotes.append(_quote(item, text, resolver))
    quotes.extend(_embedded_quotes(article, doc_actors, cues))
    return tuple(quotes)


def _headings(article: Article, paragraphs: list[tuple[int, int]]) -> frozenset[int]:
    """The paragraphs that repeat the article's title, or are subheadings (see ``is_subheading``)."""
    title = _bare(article.title or "")
    return frozenset(k for k, (lo, hi) in enumerate(paragraphs)
                     if (title and _bare(article.text[lo:hi]) == title) or is_subheading(article.text[lo:hi]))


def _bare(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# -- step 2: patterns ----------------------------------------------------------------------

def _attribute(attributor: Attributor, resolver: SpeakerResolver, doc: Doc, text: str, piece: Piece,
               paragraphs: list[tuple[int, int]]) -> _Found:
    span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
    kind: QuoteKind = "direct" if starts_sentence(text, piece, paragraphs[piece.paragraph][0]) else "partial"
    item = _Found(piece=piece, span=span, kind=kind, words=count_words(text[piece.start:piece.end]))
    if span is None or not len(span):
        return item
    candidates: list[Attribution] = []
    cue = attributor.governing_cue(span)
    if cue is not None:
        parsed = attributor.attribute(cue, "parse")
        if parsed.speaker is not None:
            candidates.append(parsed)
    if piece.close_at is not None and (kind == "direct" or _clause_final(text, piece)):
        after = attributor.after(piece.close_at)
        if after is not None:
            candidates.append(after)
    if piece.open_at is not None and (kind == "direct" or not candidates):
        before = attributor.before(piece.open_at)
        if before is not None:
            candidates.append(before)
    if not candidates and piece.open_at is not None:
        aside = attributor.parenthetical(span)
        if aside is not None:
            candidates.append(aside)
    if not candidates and cue is None:
        naming = attributor.naming(span)
        if naming is not None:
            candidates.append(naming)
    # a dateline or a date the parse took for a subject ("BRUSSELS, March 3 -- "...," diplomats said")
    candidates = [c for c in candidates if c.speaker is None or resolver.can_speak(c.speaker)]
    attribution = _nearest(candidates, span) if candidates else None
    if attribution is None and cue is not None:
        # a cue governs it but names no one we can resolve ("what they call a "no-limits" ...")
        attribution = Attribution(None, cue, None, None, "parse")
    if attribution is not None:
        item.attribution = attribution
        item.supported = True
    return item


def _nearest(candidates: list[Attribution], span: Span) -> Attribution:
    """The candidate whose cue stands nearest the quote (the parse's on a tie): for a direct quote
    the verb next to it ("footage of Trump saying, "..."") beats a far one the parse chose."""
    def distance(a: Attribution) -> int:
        if a.cue is None:
            return 0
        return min(abs(a.cue.i - span.start), abs(a.cue.i - (span.end - 1)))
    return min(candidates, key=distance)


def starts_sentence(text: str, piece: Piece, paragraph_start: int) -> bool:
    """Whether a quoted stretch stands as a sentence of its own (a direct quote) or inside one.

    Direct: the opening mark starts the paragraph or a line, or follows ``. ! ? : ;``, a closing mark or a
    dash; or it follows a comma and the quote starts with a capital (``Putin said, "We ..."``);
    or it follows a word and the quote starts with a capital and holds a sentence end
    (``X told Y "We adhere to the principle. We condemn ..."``). Otherwise partial.
    """
    if piece.open_at is None:
        return True
    j = piece.open_at - 1
    while j >= paragraph_start and text[j].isspace():
        if text[j] == "\n":
            return True  # a line of its own
        j -= 1
    if j < paragraph_start:
        return True
    before = text[j]
    inner = text[piece.start:piece.end]
    capital = inner[:1].isupper()
    if before in SENTENCE_END + ":;—–(" or before in DOUBLE_CLOSERS + SINGLE_CLOSERS + '"\'':
        return True
    if before == "-" and text[j - 1:j] == "-":
        return True  # "--", a typewriter dash
    if before == ",":
        return capital
    return capital and any(c in inner[:-1] for c in ".!?") and count_words(inner) > SCARE_MAX_WORDS


def _clause_final(text: str, piece: Piece) -> bool:
    """Whether a partial quote ends its clause (``The country "has made changes," McConnell said``)."""
    inner = text[piece.start:piece.end].rstrip()
    after = ""
    if piece.close_at is not None:
        after = text[piece.close_at + piece.close_len:piece.close_at + piece.close_len + 1]
    return inner[-1:] in ",.!?—" or after in (",", "—")


def count_words(text: str) -> int:
    return sum(1 for w in text.split() if _WORD.search(w))


def _token_mask(doc: Doc, pieces: list[Piece]) -> list[int]:
    mask = [-1] * len(doc)
    for n, piece in enumerate(pieces):
        span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            mask[i] = n
    return mask


# -- step 3: context -----------------------------------------------------------------------

def _from_siblings(found: list[_Found], resolver: SpeakerResolver) -> None:
    """A quote in a list of quotes takes the attribution of the one whose cue governs it too
    (``called Trump a "pathological liar" who is "utterly amoral," a "serial philanderer"``)."""
    for item in found:
        if item.attribution is not None or item.span is None or not len(item.span):
            continue
        sentence = resolver.sentence(item.span.start)
        ancestors = {a.i for t in item.span for a in t.ancestors}
        for other in found:
            a = other.attribution
            if other is item or a is None or a.cue is None or other.span is None or not len(other.span) \
                    or a.via not in ("parse", "after", "before", "according", "naming"):
                continue
            if resolver.sentence(other.span.start) == sentence and a.cue.i in ancestors:
                item.attribution = replace(a, via="sibling")
                item.supported = True
                break


def _from_context(found: list[_Found], attributor: Attributor, resolver: SpeakerResolver, doc: Doc,
                  text: str, paragraphs: list[tuple[int, int]]) -> None:
    _from_siblings(found, resolver)
    by_chain: dict[int, Attribution] = {}
    for item in found:
        if item.attribution is not None and item.piece.chain not in by_chain:
            by_chain[item.piece.chain] = item.attribution
    for n, item in enumerate(found):
        if item.attribution is None and item.piece.chain in by_chain:
            item.attribution = replace(by_chain[item.piece.chain], via="chain")
            continue
        if item.attribution is not None or item.kind != "direct":
            continue
        piece = item.piece
        p_start, p_end = paragraphs[piece.paragraph]
        mark = piece.open_at if piece.open_at is not None else piece.start
        voice = _last_voice(found[:n], attributor, resolver, doc, p_start, mark)
        if voice is None and not text[p_start:mark].strip() and piece.paragraph > 0:
            q_start, q_end = paragraphs[piece.paragraph - 1]
            if not is_subheading(text[q_start:q_end]):
                voice = _last_voice(found[:n], attributor, resolver, doc, q_start, q_end)
        if voice is not None:
            item.attribution = voice
            if item.piece.chain not in by_chain:
                by_chain[item.piece.chain] = voice


def _last_voice(earlier: list[_Found], attributor: Attributor, resolver: SpeakerResolver, doc: Doc,
                start: int, end: int) -> Attribution | None:
    """The latest speaker in text[start:end]: an attributed quote or a cue verb with a subject (not
    one reported under another cue); failing those, the latest speaker-like main-clause subject."""
    best: tuple[int, Attribution] | None = None
    for item in earlier:
        if item.attribution is not None and item.attribution.speaker is not None \
                and start <= item.piece.start < end:
            best = (item.piece.end, replace(item.attribution, via="turn"))
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return best[1] if best else None
    subject_voice: tuple[int, Token] | None = None
    for token in span:
        if attributor.in_quote[token.i] >= 0:
            continue
        if attributor.cue_of(token) is not None and token.idx < end \
                and not any(attributor.cue_of(a) is not None for a in token.ancestors):
            # main clauses first: "Lopez said the governor had argued ..." is Lopez's voice
            speaker = attributor.subject(token)
            if speaker is not None and resolver.is_speakerlike(speaker) and (best is None or token.idx > best[0]):
                best = (token.idx, Attribution(speaker, token, None, None, "turn"))
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" and resolver.is_speakerlike(token):
            subject_voice = (token.idx, token)
    if best is not None:
        return best[1]
    if subject_voice is not None:
        return Attribution(subject_voice[1], None, None, None, "context")
    return _label(span, resolver)


def _label(span: Span, resolver: SpeakerResolver) -> Attribution | None:
    """A label ending in a colon names the speaker of what follows: ``Jane Doe, a nurse from Ohio:``
    (the root of its last sentence, a name or a speaker noun)."""
    words = [t for t in span if not t.is_space]
    if not words or words[-1].text != ":":
        return None
    root = words[-1].sent.root if words[-1].sent.root.i >= span.start else None
    if root is not None and root.pos_ in ("PROPN", "NOUN") and resolver.is_speakerlike(root):
        return Attribution(root, None, None, None, "label")
    return None


def is_subheading(paragraph: str) -> bool:
    """A short paragraph without final punctuation ("'Alternative' to West"); one ending in a colon
    introduces what follows ("Caddell continued:") and is no subheading."""
    stripped = paragraph.strip()
    return count_words(stripped) <= SUBHEADING_MAX_WORDS and stripped[-1:] not in SENTENCE_END + "\"”’':"


# -- step 4: scare quotes and titles ---------------------------------------------------------

def is_capitalised(passage: str) -> bool:
    """Whether a passage is written in capitals or Title Case: at least ``CAPITALISED_MIN_WORDS``
    longer words, ``CAPITALISED_SHARE`` of them capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", passage) if len(w) > TITLE_SMALL_WORD_LENGTH]
    return len(words) >= CAPITALISED_MIN_WORDS and sum(w[0].isupper() for w in words) >= CAPITALISED_SHARE * len(words)


def is_scare_quote(words: int, supported: bool) -> bool:
    """A quoted phrase of at most ``SCARE_MAX_WORDS`` words with no cue or speaker from step 2/3."""
    return words <= SCARE_MAX_WORDS and not supported


def is_title(inner: str, kind: QuoteKind) -> bool:
    """A partial quote of at most ``TITLE_MAX_WORDS`` words, all capitalised but small words,
    without a sentence end (a final period aside): the name of a show, book, law or slogan
    ("Fox News Sunday", "Contract with America."). Kept anyway when a naming verb governs it
    (cue object ``target``: "called the pageant winner "Miss Piggy"")."""
    if kind != "partial":
        return False
    words = [w for w in inner.split() if _WORD.search(w)]
    inner = inner.rstrip()
    if inner.endswith(".") and not inner.endswith(".."):
        inner = inner[:-1]  # American punctuation puts the sentence's period inside the marks
    if not words or len(words) > TITLE_MAX_WORDS or inner[-1:] in SENTENCE_END:
        return False
    first = words[0].lstrip("‘'(")
    if not first[:1].isupper() and not first[:1].isdigit():
        return False
    return all(w.lstrip("‘'(")[:1].isupper() or w.lstrip("‘'(")[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS
               for w in words)


def _dropped(item: _Found, text: str, cues: CueLexicon, paragraphs: list[tuple[int, int]]) -> bool:
    inner = text[item.piece.start:item.piece.end]
    a = item.attribution
    named = a is not None and a.cue is not None and a.via not in ("turn", "context", "chain") \
        and (cues.cue(a.cue.lemma_) or cues.cue(a.cue.lower_) or NAMING_CUE).object == "target"
    lo, hi = paragraphs[item.piece.paragraph]
    around = text[lo:item.piece.open_at or item.piece.start] + " " + text[item.piece.end:hi]
    # "called the pageant winner "Miss Piggy"" is speech, and so is a capitalised quote in a passage
    # written all in capitals or Title Case (a transcript, a headline): there capitals tell nothing
    if is_title(inner, item.kind) and not named and not is_capitalised(around):
        return True
    supported = item.supported or (item.attribution is not None and item.attribution.speaker is not None)
    return is_scare_quote(item.words, supported)


# -- records --------------------------------------------------------------------------------

def _quote(item: _Found, text: str, resolver: SpeakerResolver) -> Quote:
    attribution = item.attribution
    speaker = addressee = reporter = None
    cue = None
    if attribution is not None:
        speaker = resolver.ref(attribution.speaker)
        addressee = resolver.ref(attribution.addressee, pronouns=False, names_only=True)
        reporter = resolver.ref(attribution.reporter, pronouns=False)
        if attribution.cue is not None and attribution.via not in ("turn", "context"):
            cue = "according to" if attribution.via == "according" else attribution.cue.text
        if speaker is not None and addressee is not None and addressee.name == speaker.name:
            addressee = None
    piece = item.piece
    return Quote(text=text[piece.start:piece.end], start=piece.start, end=piece.end, speaker=speaker,
                 cue=cue, kind=item.kind, addressee=addressee, reported_by=reporter)


# -- step 5: embeds ----------------------------------------------------------------------------

IRREGULAR_FORMS = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
                   "feel": ("felt",), "swear": ("swore", "sworn"), "read": (), "put": (), "hear": ("heard",)}
_NAME = r"(?:[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|de|van|von|bin|al-\w+))*)"


def _forms(lemma: str) -> set[str]:
    forms = {lemma, *IRREGULAR_FORMS.get(lemma, ())}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed"}
    else:
        forms |= {lemma + "s", lemma + "ed"}
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnpt]", lemma):
            forms.add(lemma + lemma[-1] + "ed")
    return forms


def _cue_regex(cues: CueLexicon) -> re.Pattern[str]:
    forms = sorted({f for lemma in cues.cues for f in _forms(lemma)}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, forms)) + r")\b")


def _embedded_quotes(article: Article, doc_actors: DocActorsLike | None, cues: CueLexicon) -> list[Quote]:
    quotes: list[Quote] = []
    if not article.embeds:
        return quotes
    cue_re = _cue_regex(cues)
    for k, embed in enumerate(article.embeds):
        if not embed.text:
            continue
        for piece in find_pieces(embed.text):
            quote = _embedded_quote(embed, k, piece, cue_re, cues, doc_actors)
            if quote is not None:
                quotes.append(quote)
    return quotes


def _embedded_quote(embed: Embed, k: int, piece: Piece, cue_re: re.Pattern[str], cues: CueLexicon,
                    doc_actors: DocActorsLike | None) -> Quote | None:
    text = embed.text
    inner = text[piece.start:piece.end]
    lead = text[:piece.open_at] if piece.open_at is not None else text[:piece.start]
    tail = text[piece.close_at + piece.close_len:] if piece.close_at is not None else ""
    speaker_name = addressee_name = cue = None
    matches = list(cue_re.finditer(lead))
    if matches:
        m = matches[-1]
        cue = m.group(1)
        who = re.search(_NAME + r"\s*$", lead[:m.start()].rstrip())
        speaker_name = who.group(0).strip() if who else None
        lemma = _lemma_of(cue, cues)
        entry = cues.cue(lemma) if lemma else None
        if entry is not None and entry.object == "addressee":
            whom = re.match(r"\s*(" + _NAME + ")", lead[m.end():])
            addressee_name = whom.group(1) if whom else None
    if speaker_name is None:
        post = re.match(r"[\s,—–-]*(?:(" + _NAME + r")\s+(\w+)|(\w+)\s+(" + _NAME + "))", tail)
        if post:
            if post.group(2) and cue_re.fullmatch(post.group(2)):
                speaker_name, cue = post.group(1), post.group(2)
            elif post.group(3) and cue_re.fullmatch(post.group(3)):
                speaker_name, cue = post.group(4), post.group(3)
    if speaker_name is None and count_words(inner) <= SCARE_MAX_WORDS:
        return None
    if is_title(inner, "partial" if lead.strip() else "direct"):
        return None
    author = embed.author or embed.handle
    return Quote(text=inner, start=piece.start, end=piece.end,
                 speaker=_by_name(speaker_name, doc_actors), cue=cue, kind="embedded",
                 addressee=_by_name(addressee_name, doc_actors),
                 reported_by=_by_name(author, doc_actors), embed=k)


def _lemma_of(form: str, cues: CueLexicon) -> str | None:
    for lemma in cues.cues:
        if form in _forms(lemma):
            return lemma
    return None


def _by_name(name: str | None, doc_actors: DocActorsLike | None) -> ActorRef | None:
    """The article's actor a bare name refers to (same name, a mention of it, or its last word)."""
    if not name:
        return None
    name = name.strip()
    if doc_actors is not None:
        actor = _actor_named(name, doc_actors.actors)
        if actor is not None:
            return actor.ref(None)
    return ActorRef(name=name, code=None)


def _actor_named(name: str, actors: object) -> Actor | None:
    lower = name.lower()
    last = lower.split()[-1]
    for actor in actors:  # type: ignore[attr-defined]
        if actor.name.lower() == lower or any(m.text.lower() == lower for m in actor.mentions):
            return actor
    for actor in actors:  # type: ignore[attr-defined]
        if actor.name.lower().split()[-1:] == [last] and len(last) > 2:
            return actor
    return None
