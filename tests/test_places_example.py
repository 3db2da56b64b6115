"""The example article's places, read from its body (see shared/golden)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.places import find_places, load_gazetteer
from dyad.records import Article

GOLDEN = Path(__file__).resolve().parents[2] / "shared" / "golden" / "samarkand-2022-09-16.json"


@pytest.fixture(scope="module")
def example_places(nlp, example_path):
    raw = example_path.read_text(encoding="utf-8")
    body = raw[raw.index("Russian President"):raw.index("Original url:")].strip()
    doc = nlp(body)
    return body, find_places(doc, Article(id="x", text=body, published="2022-09-16"), load_gazetteer())


@pytest.mark.skipif(not GOLDEN.is_file(), reason="shared/golden is not beside the checkout")
def test_places_example_golden(example_places):
    gold = json.loads(GOLDEN.read_text(encoding="utf-8"))
    _, found = example_places
    for want in gold["places"]:
        hits = [p for p in found if want["text"].lower() in p.text.lower()
                and (want["country"] is None or p.country == want["country"])]
        assert hits, want
        if "lat" in want:
            assert (hits[0].lat, hits[0].lon) == (want["lat"], want["lon"])


def test_places_example_spans_and_no_junk(example_places):
    body, found = example_places
    assert all(body[p.start:p.end] == p.text for p in found)
    texts = {p.text for p in found}
    assert {"Samarkand", "Uzbekistan", "Beijing", "Taiwan Strait", "Russia's far east", "Pacific"} <= texts
    assert not texts & {"Raisi", "ex-Soviet", "Silk Road", "Shanghai", "Erdogan", "Russia's far east."}
