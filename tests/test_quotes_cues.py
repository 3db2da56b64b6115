"""The cue-verb lexicon and its user overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_quotes_support import quote_starting

from dyad.errors import DataError
from dyad.quotes import find_quotes, load_cues
from dyad.quotes.cues import DATA


def test_cues_ship_the_common_verbs() -> None:
    cues = load_cues()
    assert cues.cue("say").kind == "speech"
    assert cues.cue("tell").object == "addressee"
    assert cues.cue("tweet").kind == "writing"
    assert "believe" in cues
    assert cues.noun_kind("spokesman") == "person"


def test_cues_data_file_has_source_header() -> None:
    head = (DATA / "cues.tsv").read_text(encoding="utf-8").splitlines()[:6]
    assert any(line.startswith("# Source") for line in head)
    assert any("Licence" in line for line in head)


def _user_dir(tmp_path: Path, body: str, name: str = "cues.tsv") -> Path:
    (tmp_path / "quotes").mkdir()
    (tmp_path / "quotes" / name).write_text(body, encoding="utf-8")
    return tmp_path


def test_cues_user_file_adds_and_removes(tmp_path: Path) -> None:
    user = _user_dir(tmp_path, "# mine\nlemma\tkind\tobject\tnotes\nopine\tspeech\t-\tmy cue\nsay\t-\n")
    cues = load_cues(user)
    assert cues.cue("opine").notes == "my cue"
    assert "say" not in cues
    assert "tell" in cues


def test_cues_user_cue_is_used(nlp, tmp_path: Path) -> None:
    from test_quotes_support import article

    text = '"The bill is dead on arrival," Schumer opined.'
    doc = nlp(text)
    baseline = quote_starting(find_quotes(doc, article(text), None), "The bill is dead")
    assert baseline.cue is None  # "opine" is not one of dyad's own cues
    cues = load_cues(_user_dir(tmp_path, "lemma\tkind\nopine\tspeech\n"))
    quotes = find_quotes(doc, article(text), None, cues=cues)
    q = quote_starting(quotes, "The bill is dead")
    assert q.cue == "opined"
    assert q.speaker is not None and "Schumer" in q.speaker.name


@pytest.mark.parametrize(("body", "line"), [
    ("lemma\tkind\nmumble\tnoise\n", 2),
    ("lemma\tkind\tobject\nmumble\tspeech\twhom\n", 2),
    ("lemma\tkind\n\nmumble\n", 3),
    ("verb\tkind\nmumble\tspeech\n", 1),
])
def test_cues_bad_rows_name_file_and_line(tmp_path: Path, body: str, line: int) -> None:
    with pytest.raises(DataError) as caught:
        load_cues(_user_dir(tmp_path, body))
    assert caught.value.line == line
    assert caught.value.path is not None and caught.value.path.endswith("cues.tsv")
