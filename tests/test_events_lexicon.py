"""The event lexicon as data: it loads, it is complete, users extend it, bad rows are refused."""

from __future__ import annotations

import pytest

from dyad.errors import DataError
from dyad.events import find_events, load_lexicon
from dyad.events.lexicon import _load_patterns
from dyad.ingest import read_text


def test_events_lexicon_loads_every_table():
    lexicon = load_lexicon()
    assert len(lexicon.codes) > 300
    assert len(lexicon.patterns) > 150
    assert lexicon.cameo("0332").label.startswith("Express intent to provide military aid")
    assert load_lexicon() is lexicon  # cached


def test_events_lexicon_covers_all_twenty_roots():
    roots = {p.code[:2] for p in load_lexicon().patterns if p.code}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_events_lexicon_never_codes_plain_statements():
    """Old coders' flaw: an unknown verb became 010. No pattern here yields 010."""
    assert all(p.code != "010" for p in load_lexicon().patterns)


@pytest.mark.parametrize("code, quad", [("010", 1), ("057", 1), ("062", 2), ("0874", 2), ("090", 3),
                                        ("1312", 3), ("141", 4), ("163", 4), ("175", 4), ("2042", 4)])
def test_events_quad_classes_follow_the_roots(code, quad):
    assert load_lexicon().cameo(code).quad == quad


@pytest.mark.parametrize("code, plover, mode", [("0332", "AGREE", None), ("163", "COERCE", "restrict"),
                                                ("044", "CONSULT", "third-party"), ("1823", "ASSAULT", None),
                                                ("0871", "RETREAT", "ceasefire")])
def test_events_plover_types_and_modes(code, plover, mode):
    row = load_lexicon().plover_for(code)
    assert (row.type, row.mode) == (plover, mode)


def test_events_plover_has_no_statements_or_appeals():
    assert load_lexicon().plover_for("011") is None


def test_events_goldstein_scores():
    lexicon = load_lexicon()
    assert lexicon.cameo("0332").goldstein == 5.2
    assert lexicon.cameo("190").goldstein == -10.0
    assert lexicon.cameo("1213").goldstein == -4.0  # not in GDELT: the ICEWS score
    assert lexicon.cameo("176").goldstein is None


@pytest.mark.parametrize("code, kind, shifted", [("044", "intended", "036"), ("072", "intended", "0332"),
                                                 ("0841", "intended", "0353"), ("163", "threatened", "1312"),
                                                 ("190", "threatened", "1384"), ("040", "refused", "125"),
                                                 ("163", "intended", None)])
def test_events_code_shifts(code, kind, shifted):
    assert load_lexicon().shifted(code, kind) == shifted


def test_events_cameo_and_plover_files_keep_their_attribution():
    from importlib import resources

    folder = resources.files("dyad.data").joinpath("events")
    plover = folder.joinpath("CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in plover and "Philip Schrodt" in plover
    for name in ("cameo.tsv", "verbs.tsv", "intent.tsv", "cues.tsv"):
        head = folder.joinpath(name).read_text(encoding="utf-8").splitlines()[:6]
        assert any(line.startswith("# source:") for line in head), name


HEADER = "pattern\tcode\ttarget\tflags\texample\n"


def _user_dir(tmp_path, rows: str):
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "verbs.tsv").write_text("# my additions\n" + HEADER + rows, encoding="utf-8")
    return tmp_path


def _code_with(nlp, lexicon, text):
    from dyad import actors

    article = read_text(text, published="2023-03-10")
    doc = nlp(article.text)
    doc_actors = actors.find_actors(doc, article, actors.load_tables())
    return {(e.source.country, e.code, e.target.country if e.target else None)
            for e in find_events(doc, article, doc_actors, (), (), (), lexicon)}


def test_events_user_patterns_add_and_disable_rows(nlp, tmp_path):
    data_dir = _user_dir(tmp_path, "ghost/v\t111\tdobj\t-\tPutin ghosted Biden.\n"
                                   "meet/v sideline|margin\t-\t-\t-\tswitched off\n")
    lexicon = load_lexicon(data_dir)
    assert ("RUS", "111", "USA") in _code_with(nlp, lexicon, "Russia ghosted the United States.")
    assert _code_with(nlp, load_lexicon(), "Russia ghosted the United States.") == set()
    assert all(p.key != "meet/v sideline|margin" for p in lexicon.patterns)
    assert any(p.key == "meet/v sideline|margin" for p in load_lexicon().patterns)


@pytest.mark.parametrize("row, message", [
    ("snub/v\t999\tdobj\t-\tx\n", "unknown CAMEO code"),
    ("snub/v\t111\tbeside\t-\tx\n", "unknown target slot"),
    ("snub/v\t111\tdobj\tloud\tx\n", "unknown flag"),
    ("snub/x\t111\tdobj\t-\tx\n", "part of speech"),
    ("snub/v\t111\n", "columns"),
    ("snub/v\t111\tdobj\t-\tx\nsnub/v\t112\tdobj\t-\ty\n", "duplicate key"),
])
def test_events_bad_rows_name_file_and_line(tmp_path, row, message):
    data_dir = _user_dir(tmp_path, row)
    codes = load_lexicon().codes
    with pytest.raises(DataError, match=message) as info:
        _load_patterns(data_dir, codes)
    assert info.value.path.endswith("verbs.tsv")
    assert info.value.line in (3, 4)


def test_events_bad_header_is_refused(tmp_path):
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "verbs.tsv").write_text("trigger\tcode\n", encoding="utf-8")
    with pytest.raises(DataError, match="header"):
        _load_patterns(tmp_path, load_lexicon().codes)
