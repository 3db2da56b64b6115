"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "samarkand-2022-09-16.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from dyad.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_reading():
    """dyad's full reading of the bundled example article (computed once)."""
    import dyad

    return dyad.read(EXAMPLE)
