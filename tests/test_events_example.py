"""The gate on the bundled example: events against its hand-coded reading (shared/golden).

Floors (issue 5): recall >= 20/21 required events, >= 19/21 dated right, precision >= 0.9 on
unique (source, target, code) triples. Raise them when dyad improves; never lower them silently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.events import score_reading

GOLDEN = Path(__file__).resolve().parents[2] / "shared" / "golden" / "samarkand-2022-09-16.json"
MIN_RECALLED = 20
MIN_DATED = 19
MIN_PRECISION = 0.9


@pytest.fixture(scope="module")
def report(example_reading):
    if not GOLDEN.exists():
        pytest.skip(f"no golden reading at {GOLDEN}")
    gold = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return score_reading(gold, example_reading.to_dict())


def test_events_example_recall(report):
    events = report.part("events")
    assert events.found >= MIN_RECALLED, "\n".join(report.lines())


def test_events_example_dates(report):
    assert report.events_dated >= MIN_DATED, "\n".join(report.lines())


def test_events_example_precision(report):
    assert report.part("events").precision >= MIN_PRECISION, "\n".join(report.lines())
