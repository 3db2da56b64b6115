"""PETRARCH/TABARI verb dictionaries converted into dyad's lexicon, and coding with them."""

from __future__ import annotations

from importlib import resources

import pytest
from click.testing import CliRunner

from dyad.events import find_events, load_lexicon
from dyad.events.lexicon import cameo_codes
from dyad.events.petrarch import convert
from dyad.ingest import read_text

#: A small dictionary in PETRARCH's format, written for these tests.
EXCERPT = """\
####### SYNONYM SETS #######

&MILITARY
+TROOP
+SOLDIER

####### VERB PATTERNS #######

---  BLOCKADE   [191]  ---
BLOCKADE
OBSTRUCT
- * AID                                       [1621]        # BLOCKADE
- * HIGHWAY                                   [---]         # BLOCKADE

---  MOVE   [---]  ---
MOVE
SHIFT {SHIFTS SHIFTED SHIFTING}
DISBAND [160]
+SET_UP {+SETS_UP +SETTING_UP}
- &MILITARY * (INTO +)                        [192]         # MOVE
- * CLOSER (TO +)                             [0331:0331]   # MOVE
- * RECOGNITION (FROM) +                      [:054]        # MOVE
- * BASE                                      [1999]        # SET_UP
"""


def _rows():
    return {r.pattern: r for r in convert(EXCERPT, "excerpt.txt", known=cameo_codes())}


def test_events_petrarch_block_default_goes_to_the_named_verb():
    rows = _rows()
    assert rows["blockade/v"].code == "191"
    assert not any(p.startswith("obstruct/v") and p.endswith("/v") for p in rows)


def test_events_petrarch_null_paired_and_reverse_codes():
    rows = _rows()
    assert rows["blockade/v|obstruct/v highway|highways"].code == "---"
    assert rows["move/v|shift/v|shifts/v|shifted/v|shifting/v|disband/v closer|closers to"].code == "0331:0331"
    assert rows["move/v|shift/v|shifts/v|shifted/v|shifting/v|disband/v recognition|recognitions from"].code == ":054"


def test_events_petrarch_words_before_the_verb_prepositions_and_synonyms():
    row = _rows()["move/v|shift/v|shifts/v|shifted/v|shifting/v|disband/v <troop|troops|soldier|soldiers into"]
    assert (row.code, row.target) == ("192", "into")


def test_events_petrarch_multiword_verbs_and_unknown_codes_to_parent():
    rows = _rows()
    assert rows["set/v|sets/v|setting/v up base|bases"].code == "190"  # no 1999 in CAMEO: its root
    assert rows["disband/v"].code == "160"


def test_events_petrarch_data_file_names_source_commit_and_licence():
    head = resources.files("dyad.data").joinpath("events", "verbs-petrarch.tsv").read_text(
        encoding="utf-8").splitlines()[:8]
    text = "\n".join(head)
    assert "# source: PETRARCH2" in text and "676801cd" in text and "MIT" in text


def test_events_petrarch_lexicon_is_large():
    """The imported dictionary is loaded with the hand rows (its load time is printed by
    bench/dev_events.py and bench/bench_events.py, not timed here)."""
    load_lexicon.cache_clear()
    lexicon = load_lexicon()
    assert sum(p.tier == 1 for p in lexicon.patterns) > 4000
    assert not any(p.code == "010" for p in lexicon.patterns)


def _code(nlp, text, lexicon=None):
    from dyad import actors

    article = read_text(text, published="2023-03-10")
    doc = nlp(article.text)
    doc_actors = actors.find_actors(doc, article, actors.load_tables())
    return {(e.source.country, e.code, e.target.country if e.target else None)
            for e in find_events(doc, article, doc_actors, (), (), (), lexicon or load_lexicon())}


@pytest.mark.parametrize("text, wanted", [
    ("Russia condemned Ukraine on Friday.", ("RUS", "111", "UKR")),  # a hand row
    ("Iran accused Israel of sabotage at its nuclear site.", ("IRN", "112", "ISR")),
    ("China rebuked Japan over the visit to the shrine.", ("CHN", "111", "JPN")),
])
def test_events_petrarch_and_hand_rows_code_news(nlp, text, wanted):
    assert wanted in _code(nlp, text)


def test_events_lexicon_import_command_writes_a_data_dir(nlp, tmp_path):
    from dyad.cli import main

    source = tmp_path / "my.verbs.txt"
    source.write_text("####### VERB PATTERNS #######\n\n---  GHOST   [111]  ---\nGHOST\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lexicon", "import", str(source), "--data-dir", str(tmp_path / "d"),
                                       "--licence", "MIT"])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "d" / "events" / "verbs-petrarch.tsv").read_text(encoding="utf-8")
    assert "# licence: MIT" in written and "ghost/v\t111" in written
    assert ("RUS", "111", "USA") in _code(nlp, "Russia ghosted the United States.",
                                          load_lexicon(tmp_path / "d"))


def test_events_petrarch_discards_convert_by_scope():
    from dyad.events.petrarch import convert_discards

    text = "# sport and weather\n+WORLD_CUP   # story\nFRIENDLY MATCH ;old comment\n+TYPHOON\n"
    assert convert_discards(text) == [("world cup", "story"), ("friendly match", "sentence"),
                                      ("typhoon", "story")]


def _data_dir(tmp_path, verbs: str, discards: str | None = None):
    from dyad.events.petrarch import convert_discards, render, render_discards

    events = tmp_path / "events"
    events.mkdir(parents=True)
    (events / "verbs-petrarch.tsv").write_text(
        render(convert(verbs, "t.verbs.txt", known=cameo_codes()), source="t", commit="-", licence="MIT",
               date="2026"), encoding="utf-8")
    if discards is not None:
        (events / "discards.tsv").write_text(
            render_discards(convert_discards(discards), source="t", commit="-", licence="MIT", date="2026"),
            encoding="utf-8")
    load_lexicon.cache_clear()
    return load_lexicon(tmp_path)


GHOST = "####### VERB PATTERNS #######\n\n---  GHOST   [111]  ---\nGHOST\n- % *  [030:030]\n"


def test_events_petrarch_discards_stop_a_sentence_or_a_story(nlp, tmp_path):
    lexicon = _data_dir(tmp_path, GHOST, "FRIENDLY MATCH\n+WORLD CUP\n")
    assert ("RUS", "111", "USA") in _code(nlp, "Russia ghosted the United States on Friday.", lexicon)
    assert not _code(nlp, "Russia ghosted the United States in a friendly match on Friday.", lexicon)
    assert not _code(nlp, "The World Cup draw was held. Russia ghosted the United States on Friday.", lexicon)


def test_events_petrarch_compound_source_is_each_with_each(nlp, tmp_path):
    row = next(r for r in convert(GHOST, "t", known=cameo_codes()) if r.code == "030:030")
    assert row.pattern == "ghost/v <and" and row.flags == "sym"
    got = _code(nlp, "Russia and China ghosted on Friday.", _data_dir(tmp_path, GHOST))
    assert {("RUS", "030", "CHN"), ("CHN", "030", "RUS")} <= got


def test_events_petrarch_unnamed_target_is_the_first_actor_of_the_verb_phrase(nlp, tmp_path):
    lexicon = _data_dir(tmp_path, GHOST)
    assert ("RUS", "111", "USA") in _code(
        nlp, "Russia ghosted the resumption of arms talks with the United States.", lexicon)
    # a place the event happened in is no target; a clause of circumstance is not looked into
    assert ("RUS", "111", "SYR") not in _code(nlp, "Russia ghosted in Syria on Friday.", lexicon)
    assert ("RUS", "111", "FRA") not in _code(
        nlp, "Russia ghosted the talks after France left.", lexicon)


def test_events_petrarch_unnamed_target_in_a_that_clause_or_a_body_in_the_phrase(nlp, tmp_path):
    lexicon = _data_dir(tmp_path, GHOST)
    # the subject of the verb's that-clause is the first actor after the verb, as PETRARCH reads it
    assert ("RUS", "111", "UKR") in _code(nlp, "Russia ghosted that Ukraine had broken the ceasefire.", lexicon)
    assert not _code(nlp, "Russia ghosted how Ukraine could be defended.", lexicon)
    # under "in", a body is the target (a country there: see the test after this one)
    assert ("RUS", "111", "UKR") in _code(nlp, "Russia ghosted the vote of deputies in the Ukrainian parliament.",
                                          lexicon)


def _reader(tmp_path, verbs: str):
    """A function giving the (source country, code, target country) of a text read by a Reader
    (with places) whose data dir holds ``verbs`` converted."""
    import dyad

    _data_dir(tmp_path, verbs)
    reader = dyad.Reader(dyad.Options(data_dir=tmp_path))

    def read(text: str) -> set[tuple]:
        reading = reader.read(text, published="2023-03-10")
        return {(e.source.country, e.code, e.target.country if e.target else None) for e in reading.events}

    return read


def test_events_petrarch_unnamed_target_a_country_in_the_phrase_foreign_to_the_source(nlp, tmp_path):
    read = _reader(tmp_path, GHOST)
    # a country (or a place's country) under "in" is the target when it is not the source's own
    assert ("RUS", "111", "UKR") in read("Russia ghosted the closure of embassies in Ukraine.")
    assert ("RUS", "111", "UKR") in read("Russia ghosted the closure of embassies in Kyiv.")
    assert not any(target is not None for _, _, target in read("Russia ghosted the closure of embassies in Moscow."))
    # the verb's own "in": a foreign country, never a body joined there
    assert ("JPN", "111", "IND") in read("The Japanese foreign minister ghosted in India on Monday.")
    assert not {e for e in read("Smith ghosted in the Royal Navy in 1942.") if e[2]}


FERRY = """####### SYNONYM SETS #######

&AIRCRAFT
+CARGO_PLANE
+CEASE_FIRE

####### VERB PATTERNS #######

---  FERRY   [070]  ---
FERRY
- * &AIRCRAFT                                 [072]

---  LOB   [190]  ---
LOB
"""


def test_events_petrarch_synonym_phrases_are_looked_for_as_phrases(nlp, tmp_path):
    rows = {r.pattern: r.code for r in convert(FERRY, "t", known=cameo_codes())}
    assert rows["ferry/v cargo_plane|cargo_planes|cease_fire|cease_fires"] == "072"
    lexicon = _data_dir(tmp_path, FERRY)
    assert ("JPN", "072", "KEN") in _code(nlp, "Japan ferried two cargo planes to Kenya.", lexicon)
    # the head word alone is not the phrase: the block's default
    got = _code(nlp, "Japan ferried two planes to Kenya.", lexicon)
    assert ("JPN", "070", "KEN") in got and ("JPN", "072", "KEN") not in got
    # a hyphen inside the phrase is passed over
    assert ("JPN", "072", "KEN") in _code(nlp, "Japan ferried a cease-fire to Kenya.", lexicon)


def test_events_petrarch_force_aimed_at_a_place(nlp, tmp_path):
    read = _reader(tmp_path, FERRY)
    # "at" names what force is aimed at: a city there stands for its country
    assert ("PRK", "190", "KOR") in read("North Korea lobbed two shells at Seoul on Thursday.")
    # "at" of an event that is no use of force only says where
    assert not {e for e in read("Japan ferried two planes at Seoul on Thursday.") if e[2] == "KOR"}


RECEIVE = """\
####### VERB PATTERNS #######

---  RECEIVE   [033]  ---
RECEIVE
- + * MONEY $                                 [071]
- + BEEN * BY $ WITH AID                      [070]

---  BREAK   [171]  ---
BREAK {BROKE BROKEN}
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN}
- * TREATY                                    [161]
"""


def test_events_petrarch_subject_as_target_and_multiword_verbs_after_patterns():
    rows = convert(RECEIVE, "t", known=cameo_codes())
    by_pattern = {r.pattern: r for r in rows}
    # "+ * MONEY $": the event goes from the one after the verb back to its subject
    assert by_pattern["receive/v money|moneys"].code == ":071"
    # a passive's BY $ is read by the parse itself: the code stays as written
    assert by_pattern["receive/v <been|beens by with aid|aids"].code == "070"
    # at a tie a block's pattern wins over its multiword verb: it is written first
    order = [r.pattern for r in rows]
    assert order.index("break/v|broke/v|broken/v treaty|treaties") < order.index(
        next(p for p in order if p.endswith(" down")))


def test_events_petrarch_paired_code_keeps_each_sides_modality(nlp, tmp_path):
    """A vow to use force is a threat made now (138, asserted); the reverse of a paired row is
    still only intended."""
    from dyad import actors

    lexicon = _data_dir(tmp_path, "####### VERB PATTERNS #######\n\n---  GHOST   [138:043]  ---\nGHOST\n")
    article = read_text("Russia wants to ghost Ukraine.", published="2023-03-10")
    doc = nlp(article.text)
    events = find_events(doc, article, actors.find_actors(doc, article, actors.load_tables()), (), (), (), lexicon)
    got = {(e.source.country, e.code, e.target.country if e.target else None, e.modality) for e in events}
    assert got == {("RUS", "138", "UKR", "asserted"), ("UKR", "036", "RUS", "intended")}  # 043 intended: 036


TEMPLATE = """\
####### VERB PATTERNS #######

---  GHOST   [111]  ---
GHOST
- INDICATED WOULD * NOW                       [112]
- * HOMES                                     [190]
"""


def test_events_petrarch_a_template_reads_the_verbs_adverbs_and_a_form_its_own_rows(nlp, tmp_path):
    lexicon = _data_dir(tmp_path, TEMPLATE)
    # words on both sides of the verb: its adverb after it is one of the words
    assert ("RUS", "112", "UKR") in _code(nlp, "Russia indicated it would ghost Ukraine now.", lexicon)
    assert ("RUS", "111", "UKR") in _code(nlp, "Russia ghosted Ukraine on Monday.", lexicon)
    # an adverb is not the noun of a row with words after the verb only
    assert not any(code == "190" for _, code, _ in _code(nlp, "Russia hoped the message would ghost home.", lexicon))
    # a block written for a form of a verb ("LEFT") is tried before its lemma's ("LEAVE")
    forms = "---  WRITE  [012] ---\nWRITE\n\n---  WROTE  [111]  ---\nWROTE\n"
    assert {r.pattern: r.code for r in convert(forms, "t", known=cameo_codes())} == {"write/v": "012", "wrote/v": "111"}
    got = _code(nlp, "Russia wrote to Ukraine on Monday.", _data_dir(tmp_path / "forms", forms))
    assert ("RUS", "111", "UKR") in got and ("RUS", "012", "UKR") not in got
