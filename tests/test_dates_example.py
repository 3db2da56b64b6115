"""The example article's dates, read from its body with its dateline (see shared/golden)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.dates import find_dates
from dyad.records import Article


@pytest.fixture(scope="module")
def example_dates(nlp, example_path):
    raw = example_path.read_text(encoding="utf-8")
    body = raw[raw.index("Russian President"):raw.index("Original url:")].strip()
    warnings: list[str] = []
    found = find_dates(nlp(body), Article(id="x", text=body, published="2022-09-16"), warnings=warnings)
    return body, found, warnings


GOLDEN = Path(__file__).resolve().parents[2] / "shared" / "golden" / "samarkand-2022-09-16.json"


@pytest.mark.skipif(not GOLDEN.is_file(), reason="shared/golden is not beside the checkout")
def test_dates_example_golden(example_dates):
    gold = json.loads(GOLDEN.read_text(encoding="utf-8"))
    _, found, _ = example_dates
    pairs = {(d.text, d.resolved) for d in found}
    for want in gold["dates"]:
        assert any(want["text"].endswith(text) and (resolved or "").startswith(want["resolved"])
                   for text, resolved in pairs), want


def test_dates_example_spans_point_into_text(example_dates):
    body, found, warnings = example_dates
    assert found and warnings == []
    for d in found:
        assert body[d.start:d.end] == d.text


def test_dates_example_set_to_hold_talks_friday(example_dates):
    _, found, _ = example_dates
    assert ("Friday", "2022-09-16") in {(d.text, d.resolved) for d in found}
    assert ("in 2001", "2001") in {(d.text, d.resolved) for d in found}
