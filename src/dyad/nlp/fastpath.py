"""The fast path: the same Docs as the full spaCy pipeline, in less time.

spaCy's ``attribute_ruler`` and rule ``lemmatizer`` are written mostly in Python. The ruler
tries its ~180 Matcher patterns at every token (their ``IN`` and ``REGEX`` predicates are Python
calls); the lemmatizer asks ``form in index`` of lists of up to 57,000 words. On news text the
two cost about a quarter of the whole pipeline, yet what they give a token depends only on a few
of its own attributes, and news repeats its words. ``TokenAttributes`` does their work exactly,
with per-process caches keyed on what they read:

- a token's *key* is its ORTH (which fixes LOWER, IS_SPACE and every other lexical attribute)
  plus the token attributes the ruler's patterns name (TAG and DEP in en_core_web_sm); what the
  ruler and the lemmatizer do to a token is computed once per key;
- to compute it, each token spec of the ruler is tested on the token: a spec of plain values
  (``{"LOWER": "has", "TAG": "VBZ"}``) through an index from values to specs; a spec with a
  predicate or a flag by a spaCy ``Matcher`` on the one-token span, once the token passes the
  spec's cheap necessary conditions (a value of its ``IN`` list, its ``REGEX``);
- a pattern of several tokens (``gon na``, ``let 's``) matches where each of its specs matches
  the token at its place; its rule then applies to the token its index names;
- the rules that hit a token are applied in rule order, as the ruler does (a later rule wins),
  with spaCy's own ``set_token_attrs``;
- a token left without a lemma gets the lemmatizer's first lemma, from a twin of the lemmatizer
  whose index lists are sets (same answers), cached by (ORTH, POS, MORPH): the key of spaCy's
  own cache, and all that the ``rule`` and ``lookup`` modes read.

Anything the cache can't account for (a pattern with an operator or an attribute outside
``_KEY_ATTRS``/``_BY_ORTH``, a rule that sets a lexeme's attribute, a lemmatizer of another kind,
a Doc that already has POS, MORPH or lemmas) makes the pipeline run the components themselves.
``FastPipeline`` runs a whole pipeline that way. ``tests/test_nlp_fastpath.py`` checks that it
gives the same Docs and the same readings as the plain pipeline; ``bench/profile_pipeline.py
--check`` does it on the whole dev set.
"""

from __future__ import annotations

import functools
import operator
import re
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc, Token

#: What a token's cache key holds for each attribute a pattern may name: the token attribute
#: that decides it. Lexical attributes are fixed by the token's ORTH (LOWER and IS_SPACE are read
#: as such, so "The" and "the" share a key); the rest are the token's own.
_KEY_ATTRS = {"ORTH": "orth", "TEXT": "orth", "LOWER": "lower", "IS_SPACE": "is_space", "TAG": "tag",
              "DEP": "dep", "POS": "pos", "LEMMA": "lemma", "NORM": "norm"}
_BY_ORTH = frozenset({"SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER",
                      "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_STOP", "IS_CURRENCY", "IS_BRACKET", "IS_QUOTE",
                      "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"})
#: Attributes whose token value is the hash of the string a pattern names.
_HASHED = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "LEMMA"})
_TEXTS = frozenset({"ORTH", "TEXT", "LOWER", "NORM"})
#: Names of the components the fast path stands in for.
RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
#: Documents per batch for a shared ``tok2vec``: its CNN runs ~15% faster on 8 news articles at
#: a time than on 16 or more (their arrays stay in the CPU's caches), and each Doc's vectors are
#: the same bit for bit whatever the batch (a row of a matrix product doesn't depend on the others).
TOK2VEC_BATCH = 8
#: Most keys a cache holds before it starts again (about 50 MB): a month of news has some
#: 30,000 distinct (word, tag, dependency) triples, a decade of it millions (names, typos).
MAX_CACHED = 100_000
_LEMMA_ID = 73  # spacy.attrs.LEMMA (checked in _supported)
#: What the fast path lets a ruler rule set: token attributes, nothing of the shared lexemes.
_SETTABLE = frozenset({"POS", "MORPH", "LEMMA", "TAG", "DEP"})


def _key_of(attrs: Iterable[str]) -> Callable[[Token], object]:
    """A function from a token to the values that decide every pattern naming only ``attrs``."""
    names = sorted({_KEY_ATTRS.get(a, "orth") for a in attrs})
    if not names:  # a pattern {} matches every token
        return lambda token: None
    return operator.attrgetter(*names)


class _Equals:
    """Token specs that name the same attributes, each with a plain value (``{"LOWER": "has",
    "TAG": "VBZ"}``): the Matcher's test is then that every value equals the token's, so an index
    from values to specs answers at once."""

    def __init__(self, attrs: tuple[str, ...]) -> None:
        self.attrs = attrs
        self.get = operator.attrgetter(*(_KEY_ATTRS[a] for a in attrs))
        self.index: dict[object, tuple[int, ...]] = {}

    def add(self, spec: dict, spec_id: int, strings) -> None:  # noqa: ANN001 - spacy StringStore
        values = tuple(strings.add(spec[a]) for a in self.attrs)
        key = values if len(values) > 1 else values[0]
        self.index[key] = self.index.get(key, ()) + (spec_id,)

    def match(self, token: Token) -> tuple[int, ...]:
        return self.index.get(self.get(token), ())


class _Predicates:
    """Token specs with a predicate (``IN``, ``REGEX``, ...) or a flag: a spaCy Matcher decides, on
    the one-token span, cached by the values of the attributes the specs name. Most tokens can't
    match any of them: a spec is only put to the Matcher when the token passes the spec's cheap
    necessary conditions (see ``_conditions``)."""

    def __init__(self, vocab) -> None:  # noqa: ANN001 - spacy Vocab
        from spacy.matcher import Matcher

        self.vocab = vocab
        self.matcher = Matcher(vocab, validate=False)
        self.names: set[str] = set()
        self.conditions: list[list[Callable[[Token], bool]]] = []
        self.key: Callable[[Token], object] = lambda token: None
        self.hits: dict[object, tuple[int, ...]] = {}

    def add(self, spec: dict, spec_id: int) -> None:
        self.matcher.add(str(spec_id), [[spec]])
        self.names.update(spec)
        self.key = _key_of(self.names)
        self.conditions.append(_conditions(spec, self.vocab.strings))

    def match(self, token: Token) -> tuple[int, ...]:
        for tests in self.conditions:
            for test in tests:
                if not test(token):
                    break
            else:  # a spec this token may match: ask the Matcher
                break
        else:
            return ()
        key = self.key(token)
        hits = self.hits.get(key)
        if hits is None:
            if len(self.hits) >= MAX_CACHED:
                self.hits.clear()
            doc = token.doc
            found = self.matcher(doc[token.i:token.i + 1], allow_missing=True, as_spans=False)
            hits = self.hits[key] = tuple(int(doc.vocab.strings[m]) for m, _, _ in found)
        return hits


def _conditions(spec: dict, strings) -> list[Callable[[Token], bool]]:  # noqa: ANN001 - StringStore
    """Tests a token must pass for ``spec`` to match it (the Matcher has the last word): a plain
    value or an ``IN`` list of a hashed attribute, a ``REGEX`` on a text attribute, a flag's value.
    Parts of the spec of any other kind add no test."""
    from spacy.tokens import Token as SpacyToken

    tests: list[Callable[[Token], bool]] = []
    for attr, value in spec.items():
        name = _KEY_ATTRS.get(attr)
        if attr in _HASHED and isinstance(value, str):
            tests.append(functools.partial(_equals, operator.attrgetter(name), strings.add(value)))
        elif attr in _HASHED and isinstance(value, dict) and set(value) == {"IN"} \
                and all(isinstance(v, str) for v in value["IN"]):
            tests.append(functools.partial(_within, operator.attrgetter(name),
                                           frozenset(strings.add(v) for v in value["IN"])))
        elif attr in _TEXTS and isinstance(value, dict) and set(value) == {"REGEX"}:
            tests.append(functools.partial(_searches, operator.attrgetter(name + "_"), re.compile(value["REGEX"])))
        elif attr.startswith(("IS_", "LIKE_")) and isinstance(value, bool) and hasattr(SpacyToken, attr.lower()):
            tests.append(functools.partial(_equals, operator.attrgetter(attr.lower()), value))
    tests.sort(key=lambda test: test.func is _searches)  # the cheap tests first
    return tests


def _equals(get: Callable, value: object, token: Token) -> bool:
    return get(token) == value


def _within(get: Callable, values: frozenset, token: Token) -> bool:
    return get(token) in values


def _searches(get: Callable, pattern: re.Pattern, token: Token) -> bool:
    return pattern.search(get(token)) is not None


@dataclass(frozen=True, slots=True)
class _Sequence:
    """A ruler pattern of several tokens: its rule, the index of the token it sets, and the id
    of each token's spec (a one-token pattern of its own)."""

    rule: int
    index: int
    specs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    """What the ruler and the lemmatizer do to a token with a given key.

    rules: the single-token rules that hit it; attrs: what those rules and then the lemmatizer
    set; specs: the token specs of longer patterns it matches; starts: the longer patterns
    (indices into ``TokenAttributes.sequences``) whose first spec it matches.
    """

    rules: tuple[int, ...]
    attrs: dict
    specs: frozenset[int]
    starts: tuple[int, ...]


class TokenAttributes:
    """``attribute_ruler`` followed by ``lemmatizer``, exactly, with per-process caches.

    Callable on a Doc (and with ``pipe`` on a stream of them) like a spaCy component.
    """

    def __init__(self, nlp: Language) -> None:
        self.supports = _supported(nlp)
        self.vocab = nlp.vocab
        self.ruler = nlp.get_pipe(RULER) if RULER in nlp.pipe_names else None
        self.lemmatizer = nlp.get_pipe(LEMMATIZER) if LEMMATIZER in nlp.pipe_names else None
        self.twin = _quick_lemmatizer(self.lemmatizer) if self.supports else None
        self.sequences: list[_Sequence] = []
        self.equals: dict[tuple[str, ...], _Equals] = {}
        self.predicates = _Predicates(nlp.vocab)
        self.entries: dict[object, _Entry] = {}  # a token's key -> what happens to it
        self.lemmas: dict[tuple[int, int, int], str] = {}  # (ORTH, POS, MORPH) -> lemma
        self.n_rules = len(self.ruler.attrs) if self.supports else 0
        if not self.supports:
            return
        names: set[str] = set()

        def add(spec: dict, spec_id: int) -> None:
            names.update(spec)
            attrs = tuple(sorted(spec))
            if attrs and all(a in _HASHED and isinstance(v, str) for a, v in spec.items()):
                self.equals.setdefault(attrs, _Equals(attrs)).add(spec, spec_id, nlp.vocab.strings)
            else:
                self.predicates.add(spec, spec_id)

        next_id = self.n_rules  # the specs of longer patterns get ids past the rules'
        for rule in range(self.n_rules):
            _, patterns = self.ruler.matcher.get(str(rule))
            for pattern in patterns:
                if len(pattern) == 1:
                    add(pattern[0], rule)
                    continue
                specs = tuple(range(next_id, next_id + len(pattern)))
                next_id += len(pattern)
                for spec, spec_id in zip(pattern, specs, strict=True):
                    add(spec, spec_id)
                self.sequences.append(_Sequence(rule, self.ruler.indices[rule], specs))
        self.first_specs: dict[int, list[int]] = {}
        for n, sequence in enumerate(self.sequences):
            self.first_specs.setdefault(sequence.specs[0], []).append(n)
        # the key: ORTH fixes every lexical attribute; the others are read from the token
        self.key = operator.attrgetter("orth", *sorted({_KEY_ATTRS.get(a, "orth") for a in names}
                                                         - {"orth", "lower", "is_space"}))

    # -- what happens to one token -----------------------------------------------------------
    def _entry(self, token: Token) -> _Entry:
        hits = sorted({h for group in self.equals.values() for h in group.match(token)}
                      | set(self.predicates.match(token)))
        rules = tuple(h for h in hits if h < self.n_rules)
        specs = frozenset(h for h in hits if h >= self.n_rules)
        starts = tuple(n for h in hits if h in self.first_specs for n in self.first_specs[h])
        return _Entry(rules, self._attrs(token, rules), specs, starts)

    def _attrs(self, token: Token, rules: Iterable[int]) -> dict:
        """The attributes the ruler's ``rules`` and then the lemmatizer give ``token``.

        The lemmatizer reads the token, so the rules are applied to it for the while, then undone.
        """
        from spacy.tokens._retokenize import set_token_attrs

        attrs: dict = {}
        for rule in sorted(rules):  # in rule order: a later rule overrides an earlier one
            attrs.update(self.ruler.attrs[rule])
        lemmatizer = self.lemmatizer
        if not lemmatizer.overwrite and attrs.get(_LEMMA_ID, 0):
            return attrs
        tag, dep = token.tag, token.dep
        set_token_attrs(token, attrs)
        try:
            if not token.pos:
                return attrs  # untagged: lemmatized (with spaCy's warning) token by token
            key = (token.orth, token.pos, token.morph.key)
            lemma = self.lemmas.get(key)
            if lemma is None:
                if len(self.lemmas) >= MAX_CACHED:
                    self.lemmas.clear()
                    self.twin.cache.clear()  # spaCy's own cache, in front of which ours stands
                lemma = self.lemmas[key] = self.twin.lemmatize(token)[0]
        finally:  # back to how the tagger and parser left it (no POS, MORPH or LEMMA yet)
            token.tag, token.dep, token.pos, token.lemma = tag, dep, 0, 0
            token.set_morph(None)
        return {**attrs, _LEMMA_ID: self.vocab.strings.add(lemma)}

    # -- a Doc ---------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        if not self.supports or any(doc.has_annotation(a) for a in ("POS", "MORPH", "LEMMA")):
            return self.lemmatizer(self.ruler(doc))  # not what the cache was built for
        key_of, entries, make = self.key, self.entries, self._entry
        tokens = list(doc)
        found = []
        for token in tokens:
            key = key_of(token)
            entry = entries.get(key)
            if entry is None:
                if len(entries) >= MAX_CACHED:
                    entries.clear()
                entry = entries[key] = make(token)
            found.append(entry)
        extra = self._sequences(found) if self.sequences else {}
        lemmatizer = self.lemmatizer
        for token, entry in zip(tokens, found, strict=True):
            if token.i in extra:
                attrs = self._attrs(token, set(entry.rules) | extra[token.i])
            else:
                attrs = entry.attrs
            set_token_attrs(token, attrs)
            if not token.pos and (lemmatizer.overwrite or token.lemma == 0):
                token.lemma_ = lemmatizer.lemmatize(token)[0]
        return doc

    def _sequences(self, found: list[_Entry]) -> dict[int, set[int]]:
        """Token index -> the rules of longer patterns that set it."""
        extra: dict[int, set[int]] = {}
        n = len(found)
        for i, entry in enumerate(found):
            for k in entry.starts:
                sequence = self.sequences[k]
                end = i + len(sequence.specs)
                if end <= n and all(spec in found[i + j].specs for j, spec in enumerate(sequence.specs)):
                    target = (i if sequence.index >= 0 else end) + sequence.index
                    if not i <= target < end:
                        raise ValueError(f"attribute_ruler: index {sequence.index} outside a match of "
                                         f"{len(sequence.specs)} tokens (rule {sequence.rule})")
                    extra.setdefault(target, set()).add(sequence.rule)
        return extra

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 0) -> Iterator[Doc]:  # noqa: ARG002
        for doc in docs:
            yield self(doc)


def _supported(nlp: Language) -> bool:
    """Whether the ruler and lemmatizer of ``nlp`` are the kinds ``TokenAttributes`` reproduces."""
    from spacy.attrs import LEMMA
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler, Lemmatizer

    if LEMMA != _LEMMA_ID:
        return False
    names = list(nlp.pipe_names)
    if RULER not in names or LEMMATIZER not in names or names.index(LEMMATIZER) != names.index(RULER) + 1:
        return False
    ruler, lemmatizer = nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER)
    # other lemmatizers (of other languages, or a user's) may read more than ORTH, POS and MORPH
    if type(ruler) is not AttributeRuler or type(lemmatizer) not in (Lemmatizer, EnglishLemmatizer) \
            or lemmatizer.mode not in ("rule", "lookup"):
        return False
    required, _ = lemmatizer.get_lookups_config(lemmatizer.mode)
    if not all(lemmatizer.lookups.has_table(table) for table in required):
        return False  # the lemmatizer itself reports its missing tables
    if any(set(p["attrs"]) - _SETTABLE for p in ruler.patterns):
        return False
    for n in range(len(ruler.attrs)):
        _, patterns = ruler.matcher.get(str(n))
        for pattern in patterns:
            for spec in pattern:
                if any(k not in _KEY_ATTRS and k not in _BY_ORTH for k in spec):
                    return False  # an operator ("OP") or an attribute the key doesn't hold
    return True


class FastPipeline:
    """A loaded spaCy pipeline run with ``TokenAttributes`` in place of its ruler and lemmatizer.

    Every Doc it makes equals the one ``nlp`` makes (same tokens, tags, parse, entities, POS,
    morphology and lemmas); it only takes less time.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.attributes = TokenAttributes(nlp)

    @classmethod
    def of(cls, nlp: Language) -> FastPipeline:
        """The one ``FastPipeline`` of ``nlp`` in this process (its caches fill as it reads)."""
        fast = _BY_PIPELINE.get(nlp)
        if fast is None:
            fast = _BY_PIPELINE[nlp] = cls(nlp)
        return fast

    def steps(self) -> list[tuple[str, Callable]]:
        """The components to run, in order: the pipeline's, with the two replaced when supported."""
        steps: list[tuple[str, Callable]] = []
        for name, proc in self.nlp.pipeline:
            if self.attributes.supports and name == LEMMATIZER:
                continue
            steps.append((name, self.attributes if self.attributes.supports and name == RULER else proc))
        return steps

    def pipe(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Doc]:
        """Like ``nlp.pipe(texts, batch_size=batch_size)`` in one process."""
        from spacy.pipeline import Tok2Vec

        docs: Iterable[Doc] = (self.nlp.make_doc(text) for text in texts)
        for name, proc in self.steps():
            size = min(batch_size, TOK2VEC_BATCH) if isinstance(proc, Tok2Vec) else batch_size
            docs = _run(name, proc, docs, size)
        yield from docs

    def __call__(self, text: str) -> Doc:
        """Like ``nlp(text)``."""
        doc = self.nlp.make_doc(text)
        for _, proc in self.steps():
            doc = proc(doc)
        return doc


def _quick_lemmatizer(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A twin of ``lemmatizer`` whose ``lemma_index`` lists are sets: its rule mode asks
    ``form in index`` for every candidate form, a scan of up to 57,000 words in a list (300 us a
    word); a set gives the same answer at once. The other tables are shared."""
    from spacy.lookups import Lookups

    twin = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode=lemmatizer.mode,
                            overwrite=lemmatizer.overwrite)
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            table = lookups.add_table(name, {key: frozenset(forms) if isinstance(forms, list) else forms
                                             for key, forms in table.items()})
        lookups.set_table(name, table)
    twin.lookups = lookups
    return twin


_BY_PIPELINE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _run(name: str, proc: Callable, docs: Iterable[Doc], batch_size: int) -> Iterator[Doc]:
    """One component over a stream of Docs, as ``Language.pipe`` runs it."""
    if hasattr(proc, "pipe"):
        yield from proc.pipe(docs, batch_size=batch_size)
        return
    handler = proc.get_error_handler() if hasattr(proc, "get_error_handler") else None
    for doc in docs:
        try:
            yield proc(doc)
        except Exception as exc:
            if handler is None:
                raise
            handler(name, proc, [doc], exc)
