"""Attribution: the cue verb of a quoted stretch and the phrases that name speaker, addressee, reporter.

Works on the spaCy parse of the article (token heads, dependency labels, lemmas) and, where
the parse fails (a line broken between the speaker and the verb, a colon that split the
sentence), on the plain order of the tokens. Returns token-level answers; ``speakers.py``
turns them into actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.quotes.cues import Cue, CueLexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Climbing from a quote's tokens to the verb that governs them: a partial quote sits at most a
# few clauses below its cue ("quoted Xi as saying China was willing to work with Russia to
# support "..."" is 5 heads up); further up, the verb is about something else.
MAX_CUE_CLIMB = 7
# Reading the tokens that follow a quote for "..., X said": speaker phrases longer than this
# ("Victor Cha, who served as Asia director for the National Security Council under President
# George W. Bush, said") are rare; past it the verb belongs to another clause.
MAX_SPEAKER_TOKENS = 30
# Reading the tokens before a quote for "X told reporters on Tuesday: "..."".
MAX_LEAD_TOKENS = 14

# Verbs whose "as" gives a role, not a characterisation ("served as "acting director"", "known as
# the "Patriot Act""): a quote under them names a thing and nobody says it.
ROLE_VERBS = ("serve", "act", "work", "function", "run", "join", "remain", "stand", "know", "double", "pose",
              "rank", "qualify", "count", "emerge", "return", "come", "begin", "start", "appear", "live")

# Inflected forms the tagger sometimes gets wrong (a "says" tagged as a plural noun), mapped
# to their lemma; only forms that are verbs in news prose whatever their tag.
CUE_FORMS = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "added": "add",
             "adds": "add", "asked": "ask", "wrote": "write", "tweeted": "tweet", "quipped": "quip"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# prepositions that list speakers ("including Jane Doe -- "..." --")
LISTING = ("including", "among", "like", "from")
RELATIVE_PRONOUNS = ("who", "which", "that", "whom")
# the dependency edges by which a speaker phrase hangs on its verb: a quote inside the speaker
# phrase ("Pence, who appeared on "Fox News Sunday," said") is not what the verb reports
SPEAKER_SIDE_DEPS = ("nsubj", "csubj", "agent", "expl")
NOMINAL_POS = ("PROPN", "NOUN", "PRON", "NUM")
# what may stand inside a speaker phrase read token by token ("U.S. State Department spokesman
# Ned Price", "Belarus's strongman leader Lukashenko", "the ministry's spokeswoman")
PHRASE_POS = ("PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON", "PART", "ADP", "CCONJ", "PUNCT", "X")
ADVERB_POS = ("ADV",)
# what may stand in a subject phrase right before its verb ("Belarus's strongman leader Lukashenko")
NOUN_PHRASE_POS = ("PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON", "PART")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quoted stretch is attributed to, as tokens of the parse (``None`` = not found)."""

    speaker: Token | None
    cue: Token | None
    addressee: Token | None = None
    reporter: Token | None = None
    via: str = ""  # how it was found: parse, after, before, according, ...


class Attributor:
    """Finds cue verbs and speaker tokens for quoted stretches of one parsed article."""

    def __init__(self, doc: Doc, cues: CueLexicon, in_quote: list[int]) -> None:
        self.doc = doc
        self.cues = cues
        self.in_quote = in_quote  # per token: index of the quote piece it is in, or -1

    # -- cue verbs -----------------------------------------------------------------------

    def cue_of(self, token: Token) -> Cue | None:
        """The cue entry of ``token`` when it is a reporting verb outside any quote."""
        if self.in_quote[token.i] >= 0:
            return None
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            cue = self.cues.cue(token.lemma_)
            if cue is not None:
                return cue
        form = CUE_FORMS.get(token.lower_)
        return self.cues.cue(form) if form else None

    def governing_cue(self, span: Span) -> Token | None:
        """The nearest cue verb that governs the quote in the parse (an ancestor of its tokens)."""
        lo, hi = span.start, span.end
        best: tuple[int, Token] | None = None
        for token in span:
            head = token.head
            if lo <= head.i < hi and head.i != token.i:
                continue
            node, child, steps = head, token, 0
            while steps < MAX_CUE_CLIMB and node.i != child.i:
                if lo <= node.i < hi or self.in_quote[node.i] >= 0:
                    break
                cue = self.cue_of(node)
                if cue is not None:
                    if child.dep_ in SPEAKER_SIDE_DEPS:
                        break  # the quote is inside the speaker phrase, not what is reported
                    if child.dep_ == "nsubjpass" and cue.object == "target":
                        break  # 'the "peace plan" was dismissed by Kyiv': the target, not Kyiv's words
                    distance = min(abs(node.i - lo), abs(node.i - hi))
                    if best is None or distance < best[0]:
                        best = (distance, node)
                    break
                child, node = node, node.head
                steps += 1
        return self.main_cue(best[1]) if best else None

    def main_cue(self, cue_token: Token) -> Token:
        """The speech verb a thought or naming cue is reported under: in ``A spokesman said the
        minister expected "..."`` and ``Washington welcomed "...," Blinken said`` the words are the
        spokesman's and Blinken's (main-clause cues first). A speech or writing verb under another
        keeps its quote (``X said Y told him "..."``), and so does a cue whose subject is a pronoun
        (``adding it expected "..."``: the pronoun stands for the outer speaker)."""
        cue = self.cue_of(cue_token)
        if cue is None or (cue.kind != "thought" and cue.object != "target"):
            return cue_token
        subject = self._child_outside(cue_token, SUBJECT_DEPS)
        if subject is not None and subject.pos_ == "PRON":
            return cue_token  # "adding it expected "..."": the pronoun is the outer speaker anyway
        node, steps = cue_token, 0
        while node.dep_ in ("ccomp", "conj", "advcl", "xcomp") and node.head.i != node.i and steps < MAX_CUE_CLIMB:
            node, steps = node.head, steps + 1
            outer = self.cue_of(node)
            if outer is not None:
                return node if outer.kind == "speech" and outer.object != "target" else cue_token
        return cue_token

    # -- speaker of a cue ------------------------------------------------------------------

    def attribute(self, cue_token: Token, via: str) -> Attribution:
        """Speaker, addressee and reporter of a cue verb, read from the parse."""
        quoting = self._quoting_verb(cue_token)
        if quoting is not None:
            passive = _child(quoting, ("nsubjpass",))
            if passive is None and quoting.tag_ == "VBN":
                # "Lukashenko, quoted by Belta as saying": the noun the participle follows
                passive = quoting.head if quoting.dep_ == "acl" else self._phrase_before(quoting, comma=True)
            if passive is not None:  # X was quoted by Z as saying
                speaker = self._antecedent(passive)
                agent = _child(quoting, ("agent",))
                reporter = _child(agent, ("pobj",)) if agent is not None else None
            else:  # Z quoted X as saying
                speaker = _child(quoting, ("dobj",))
                reporter = self.subject(quoting)
            addressee = self._addressee(cue_token) if cue_token.i != quoting.i else None
            return Attribution(speaker, quoting, addressee, reporter, via)
        if cue_token.lower_ == "according":
            to = _child(cue_token, ("prep",))
            speaker = _child(to, ("pobj",)) if to is not None else None
            return Attribution(speaker, cue_token, None, None, "according")
        speaker = self.subject(cue_token)
        if speaker is None and self._inverted(cue_token):
            speaker = self._noun_after(cue_token)
        return Attribution(speaker, cue_token, self._addressee(cue_token), None, via)

    def _inverted(self, verb: Token) -> bool:
        """Whether ``verb`` follows a closing quote mark (and comma): ``"...," said X``."""
        i = verb.i - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].text in ",—–"):
            i -= 1
        return i >= 0 and self.doc[i].is_quote

    def subject(self, verb: Token) -> Token | None:
        """The subject of ``verb``, climbing through coordinated and participial verbs.

        A subject inside a quote is never the speaker (``"..., one of the brightest members of
        Congress," Cummings said`` parses "One" as the subject); a passive verb's speaker is its
        agent (``was written by Springsteen``); a participle right after a name is that name's
        (``footage of Hillary Clinton asking, "..."``).
        """
        node = verb
        for _ in range(4):
            agent = _child(node, ("agent",))
            if agent is not None and node.lemma_ not in ("quote", "cite"):
                by = _child(agent, ("pobj",))
                if by is not None and self.in_quote[by.i] < 0:
                    return by
            subject = self._child_outside(node, SUBJECT_DEPS)
            if subject is not None:
                return self._antecedent(subject)
            if node.tag_ == "VBG":
                named = self._name_before(node)
                if named is not None:
                    return named
            if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in NOMINAL_POS \
                    and self.in_quote[node.head.i] < 0:
                return self.author(node.head)  # "officials speaking ...", "a statement calling ..."
            if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
                node = node.head  # "met Xi and said", "wanted to say", "..., saying"
                continue
            if node.dep_ == "ccomp" and node.i > 0 and self.doc[node.i - 1].lower_ in ("and", "but") \
                    and node.head.i != node.i:
                node = node.head  # "said that ... but said "..."": a coordination parsed as a clause
                continue
            if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
                node = node.head.head  # "sings to Clinton before asking her"
                continue
            return None
        return None

    def _child_outside(self, token: Token, deps: tuple[str, ...]) -> Token | None:
        """The first child with one of ``deps`` that is a word outside any quote."""
        for child in token.children:
            if child.dep_ in deps and self.in_quote[child.i] < 0 and any(c.isalnum() for c in child.text):
                return child
        return None

    def _name_before(self, verb: Token) -> Token | None:
        """The person named just before a participle (``footage of Trump saying``); not across a
        comma, where the participle belongs to the clause (``attacked Clinton over Libya, saying``)."""
        i = verb.i - 1
        if i >= 0 and self.doc[i].ent_type_ == "PERSON" and self.in_quote[i] < 0:
            return self.doc[i]
        return None

    def _antecedent(self, token: Token) -> Token:
        """The noun a relative pronoun stands for ("Lukashenko, who was quoted ..."), and the
        author of a document that "says" something ("the ministry's statement said", "the
        council issued a statement calling ...")."""
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return token.head.head
        return self.author(token)

    def author(self, token: Token) -> Token:
        if token.pos_ != "NOUN" or self.cues.noun_kind(token.lemma_) != "document":
            return token
        owner = _child(token, ("poss",))
        if owner is not None and owner.pos_ in ("PROPN", "NOUN") and owner.ent_type_ not in ("DATE", "TIME"):
            return owner  # the ministry's statement; not "Sunday's statement"
        issuer = self._issuer(token)
        if issuer is not None:
            return issuer
        if token.dep_ in ("dobj", "pobj"):
            verb = token.head if token.dep_ == "dobj" else token.head.head
            subject = self._child_outside(verb, SUBJECT_DEPS) if verb.pos_ in ("VERB", "AUX") else None
            if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
                return subject
        return token

    def _issuer(self, document: Token) -> Token | None:
        """Who issued a document: ``a statement from X``, ``a statement by X``, ``a statement issued
        by X`` / ``issued on behalf of X``."""
        heads = [document] + [c for c in document.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        for node in heads:
            for prep in node.children:
                if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ in ("from", "by")):
                    who = _child(prep, ("pobj",))
                    if who is not None and who.pos_ in ("PROPN", "NOUN") and self.in_quote[who.i] < 0:
                        return who
                if prep.dep_ == "prep" and prep.lower_ == "on":  # on behalf of X
                    behalf = _child(prep, ("pobj",))
                    of = _child(behalf, ("prep",)) if behalf is not None and behalf.lower_ == "behalf" else None
                    who = _child(of, ("pobj",)) if of is not None else None
                    if who is not None and who.pos_ in ("PROPN", "NOUN") and self.in_quote[who.i] < 0:
                        return who
        return None

    def _quoting_verb(self, token: Token) -> Token | None:
        """``quote``/``cite`` when ``token`` is it or the ``as saying`` under it."""
        if token.lemma_ in ("quote", "cite"):
            return token
        head = token.head
        if token.dep_ in ("pcomp", "advcl", "xcomp", "pobj") and head.lower_ == "as" \
                and head.head.lemma_ in ("quote", "cite"):
            return head.head
        return None

    def _addressee(self, verb: Token) -> Token | None:
        cue = self.cue_of(verb)
        if cue is not None and cue.object == "addressee":
            obj = _child(verb, ("dobj", "dative"))
            if obj is not None:
                return obj
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                obj = _child(prep, ("pobj",))
                if obj is not None:
                    return obj
        return None

    def _noun_after(self, verb: Token) -> Token | None:
        """The speaker of an inverted cue (``"...," said Russian Foreign Minister Sergei Lavrov``)."""
        doc = self.doc
        for i in range(verb.i + 1, min(len(doc), verb.i + MAX_LEAD_TOKENS)):
            token = doc[i]
            if self.in_quote[i] >= 0 or token.is_quote or token.text in ".!?;:":
                return None
            if token.ent_type_ in ("DATE", "TIME"):
                continue  # "said Thursday morning Lavrov"
            if token.pos_ in ("PROPN", "NOUN", "PRON"):
                # the last token of the name run: "Sergei Lavrov" -> Lavrov
                j = i
                while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j].pos_ in ("PROPN", "NOUN"):
                    j += 1
                return doc[j]
        return None

    # -- token-order patterns, for when the parse does not connect quote and cue ---------

    def after(self, close_at: int) -> Attribution | None:
        """``"...," X said`` / ``"...," said X`` / ``"...," X, who ..., told Y`` read token by token.

        The tokens after the closing mark may cross a paragraph break when the paragraph ends
        without punctuation and the next one starts in lower case (a broken line: ``Xi`` /
        ``told Putin at the talks``). A dash and a name closing the line is a sign-off
        (``"..." ― Sonya Herridge``).
        """
        doc = self.doc
        start = _token_at(doc, close_at)
        if start is None:
            return None
        i = start.i + 1
        phrase: list[Token] = []
        skipping_clause = False
        dashed = any(c in start.text for c in "—―–")  # a tokenizer may glue '”―' into one token
        previous = doc[start.i - 1] if start.i > 0 else None
        sentence_closed = previous is not None and previous.text in (".", "...", "…")
        while i < len(doc) and i <= start.i + MAX_SPEAKER_TOKENS:
            token = doc[i]
            if token.is_space:
                if not _bridges(doc, i):
                    return self._signoff(phrase, dashed)
                i += 1
                continue
            if self.in_quote[i] >= 0 or token.is_quote:
                return self._signoff(phrase, dashed)
            if token.lower_ == "according" and not phrase and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
                speaker = self._phrase_head(i + 2)
                return Attribution(speaker, token, None, None, "according") if speaker is not None else None
            if skipping_clause:
                if token.text == ",":
                    skipping_clause = False
                elif token.text in ".!?;":
                    return None
                i += 1
                continue
            if self.cue_of(token) is not None and not (phrase and phrase[-1].lower_ in RELATIVE_PRONOUNS):
                if sentence_closed and self._has_complement(token):
                    return None  # '..."end." X said it was ...' starts a sentence of its own
                return self._cue_after(token, phrase)
            if _is_dash(token) and not phrase:
                dashed = True
                i += 1
                continue
            if token.text == "," and not phrase:
                i += 1
                continue
            if token.text == "," and phrase:
                nxt = _next_word(doc, i)
                if nxt is not None and (nxt.lower_ in RELATIVE_PRONOUNS or nxt.pos_ in ("DET", "ADJ", "PROPN", "NOUN")):
                    skipping_clause = True  # ", who ...," or an appositive ", the ministry's spokesman,"
                    i += 1
                    continue
                return None
            if token.pos_ in ADVERB_POS and phrase:
                i += 1  # "Putin also said", "he later told"
                continue
            if token.text in ".!?;" or _is_dash(token):
                return self._signoff(phrase, dashed)
            if token.pos_ in PHRASE_POS:
                phrase.append(token)
                i += 1
                continue
            return None
        return self._signoff(phrase, dashed) if i >= len(doc) else None

    def _has_complement(self, verb: Token) -> bool:
        """Whether ``verb`` reports something of its own (a clause or object outside quotes)."""
        return any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children)

    def _cue_after(self, token: Token, phrase: list[Token]) -> Attribution | None:
        parsed = self.attribute(token, "after")
        if phrase:
            speaker = _phrase_head_of(phrase)
            if speaker is None:
                return None
            if parsed.speaker is not None and parsed.speaker.i in {t.i for t in phrase}:
                speaker = parsed.speaker
            addressee = parsed.addressee or self._object_after(token)
            return Attribution(speaker, token, addressee, parsed.reporter, "after")
        speaker = parsed.speaker if parsed.speaker is not None and parsed.speaker.i > token.i \
            else self._noun_after(token)
        if speaker is None:
            return None
        return Attribution(speaker, token, parsed.addressee, parsed.reporter, "after")

    def _signoff(self, phrase: list[Token], dashed: bool) -> Attribution | None:
        """``"..." ― Name`` at the end of a line or sentence: the name is the speaker."""
        if not dashed or not phrase or not all(t.pos_ in ("PROPN", "PUNCT", "ADJ", "NOUN") for t in phrase):
            return None
        names = [t for t in phrase if t.pos_ == "PROPN"]
        return Attribution(names[-1], None, None, None, "signoff") if names else None

    def before(self, open_at: int) -> Attribution | None:
        """``X said: "..."`` / ``X told Y, "..."`` / ``X said "..."`` read token by token."""
        doc = self.doc
        mark = _token_at(doc, open_at)
        if mark is None:
            return None
        i = mark.i - 1
        seen = 0
        dashed = self._dash_name(i)
        if dashed is not None:
            return dashed
        while i >= 0 and seen < MAX_LEAD_TOKENS:
            token = doc[i]
            if token.is_space and "\n" in token.text:
                return None
            if token.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
                speaker = self._phrase_head(i + 2)  # "According to X, "...""
                return Attribution(speaker, token, None, None, "according") if speaker is not None else None
            if self.in_quote[i] >= 0 or token.is_quote or token.text in ".!?;":
                return None
            if self.cue_of(token) is not None:
                parsed = self.attribute(token, "before")
                adjacent = self._phrase_before(token)
                speaker = parsed.speaker
                if adjacent is not None and adjacent.pos_ == "PROPN" and adjacent.ent_type_ not in ("DATE", "TIME") \
                        and (speaker is None or speaker.i < adjacent.i - MAX_LEAD_TOKENS // 2 or speaker.i > token.i):
                    speaker = adjacent  # the name right before the verb beats a far-off parse subject
                if speaker is None and _sentence_initial(token):
                    speaker = self._phrase_head(token.i + 1)  # "Said Ellis: "...""
                if speaker is None:
                    speaker = adjacent
                if speaker is None:
                    return None
                return Attribution(speaker, token, parsed.addressee, parsed.reporter, "before")
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound"):
                return None  # another verb stands between: the cue does not lead into the quote
            i -= 1
            seen += 1
        return None

    def parenthetical(self, span: Span) -> Attribution | None:
        """``The rules, the minister added, were "..."``: a cue set off by commas earlier in the
        quote's sentence, with its subject right before it, and no clause of its own."""
        doc = self.doc
        i = span.start - 1
        seen = 0
        while i > 0 and seen < MAX_SPEAKER_TOKENS:
            token = doc[i]
            if token.text in ".!?;" or (token.is_space and "\n" in token.text) or self.in_quote[i] >= 0:
                return None
            if self.cue_of(token) is not None and i + 1 < len(doc) and doc[i + 1].text == "," \
                    and not self._has_complement(token):
                speaker = self._phrase_before(token)
                if speaker is not None:
                    first = speaker.left_edge.i
                    if first > 0 and doc[first - 1].text == ",":
                        return Attribution(self._antecedent(speaker), token, None, None, "parenthetical")
            i -= 1
            seen += 1
        return None

    def naming(self, span: Span) -> Attribution | None:
        """A short quote that characterises someone through ``as`` under a verb (``admires Putin as a
        "strong leader"``, ``rated the claims as "false"``): the verb's subject said it."""
        for token in span:
            node = token.head
            if span.start <= node.i < span.end or node.i == token.i:
                continue
            if node.lower_ != "as" or node.dep_ != "prep":
                return None
            verb = node.head
            if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
                verb = verb.head  # "admires Putin as a "strong leader"": the "as" hangs on the object
            if verb.pos_ != "VERB" or verb.lemma_ in ROLE_VERBS or self.in_quote[verb.i] >= 0:
                return None
            speaker = self.subject(verb)
            return Attribution(speaker, verb, None, None, "naming") if speaker is not None else None
        return None

    def _dash_name(self, i: int) -> Attribution | None:
        """``..., including Jane Doe -- "..." --``: a person named right before a dash that opens
        the quote speaks it."""
        doc = self.doc
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 1 or not _is_dash(doc[i]) and doc[i].text != "--":
            return None
        j = i - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j >= 0 and doc[j].ent_type_ == "PERSON" and self.in_quote[j] < 0:
            head = doc[j]
            while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                head = head.head
            if head.dep_ in ("dobj", "dative", "poss") or (head.dep_ == "pobj" and head.head.lower_ not in LISTING):
                return None  # "attacked Jane Doe -- "..."", "supportive of Jane Doe -- "...""
            return Attribution(doc[j], None, None, None, "dash")
        return None

    def _phrase_before(self, verb: Token, *, comma: bool = False) -> Token | None:
        """The head of the noun phrase right before ``verb`` (its subject in plain order), or
        before ``, verb`` when ``comma``."""
        doc = self.doc
        phrase: list[Token] = []
        i = verb.i - 1
        if comma:
            if i < 0 or doc[i].text != ",":
                return None
            i -= 1
        while i >= 0 and len(phrase) < MAX_LEAD_TOKENS:
            token = doc[i]
            if token.pos_ in ADVERB_POS and not phrase:
                i -= 1
                continue
            if token.is_space or token.is_quote or token.pos_ not in NOUN_PHRASE_POS or token.text in ",.!?;:" \
                    or self.in_quote[i] >= 0:
                break
            phrase.insert(0, token)
            i -= 1
        return _phrase_head_of(phrase)

    def _phrase_head(self, i: int) -> Token | None:
        doc = self.doc
        phrase: list[Token] = []
        while i < len(doc) and len(phrase) < MAX_LEAD_TOKENS:
            token = doc[i]
            if token.is_space or token.is_quote or token.pos_ not in PHRASE_POS or token.text in ",.!?;:":
                break
            phrase.append(token)
            i += 1
        return _phrase_head_of(phrase)

    def _object_after(self, verb: Token) -> Token | None:
        """The addressee right after a verb like ``told`` when the parse gave none."""
        cue = self.cue_of(verb)
        if cue is None or cue.object != "addressee":
            return None
        doc = self.doc
        i = verb.i + 1
        phrase: list[Token] = []
        while i < len(doc) and doc[i].pos_ in ("PROPN", "DET", "ADJ", "NOUN") and len(phrase) < 6:
            phrase.append(doc[i])
            i += 1
        return _phrase_head_of(phrase)


def _sentence_initial(token: Token) -> bool:
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return i < 0 or token.doc[i].text in ".!?:;" or token.is_sent_start


def _is_dash(token: Token) -> bool:
    """A dash between words (``— Name``), not a hyphen inside one (``D-Md.``)."""
    if token.text in ("—", "―", "–", "--"):
        return True
    if token.text == "-":
        before = token.doc[token.i - 1] if token.i > 0 else None
        return bool(token.whitespace_) and (before is None or bool(before.whitespace_))
    return False


def _child(token: Token | None, deps: tuple[str, ...]) -> Token | None:
    if token is None:
        return None
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _next_word(doc: Doc, i: int) -> Token | None:
    for j in range(i + 1, min(len(doc), i + 4)):
        if not doc[j].is_space:
            return doc[j]
    return None


def _bridges(doc: Doc, i: int) -> bool:
    """Whether the whitespace token ``doc[i]`` is a paragraph break inside a broken sentence."""
    if "\n" not in doc[i].text:
        return True
    before = doc[i - 1] if i > 0 else None
    after = _next_word(doc, i)
    return (before is not None and after is not None and before.text[-1:] not in ".!?:;\"”’'"
            and after.text[:1].islower())


def _phrase_head_of(phrase: list[Token]) -> Token | None:
    """The head noun of a speaker phrase read token by token: the last noun before any preposition.

    "U.S. State Department spokesman Ned Price" -> Price; "a spokesman for the ministry" -> spokesman.
    """
    head = None
    for token in phrase:
        if token.pos_ == "ADP" and head is not None:
            break
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            head = token
    return head
