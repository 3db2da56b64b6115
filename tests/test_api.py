"""The public API is small and pinned; the package layering holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dyad

ROOT = Path(__file__).resolve().parent.parent


def test_api_exported_members_are_pinned():
    assert sorted(dyad.__all__) == sorted([
        "Actor", "ActorRef", "Article", "CodingError", "DataError", "DateRef", "DyadError", "Embed",
        "Event", "InputError", "Location", "Mention", "ModelError", "Options", "Place", "Quote",
        "Reader", "Reading", "Related", "Relation", "Span", "StoreError", "__version__", "open_store", "read",
    ])
    for name in dyad.__all__:
        assert hasattr(dyad, name)


def test_api_read_text_and_path(example_path):
    reading = dyad.read("Mexican President Claudia Sheinbaum spoke with Canadian Prime Minister "
                        "Mark Carney on Tuesday.", published="2025-06-10")
    assert reading.article.published == "2025-06-10"
    assert reading.article.text.startswith("Mexican President")
    from_path = dyad.read(example_path)
    assert from_path.article.title.startswith("Putin, Xi Hail")


def test_api_missing_model_names_the_fix():
    from dyad.errors import ModelError
    from dyad.nlp import load_pipeline

    try:
        load_pipeline("no_such_model_xyz")
    except ModelError as exc:
        assert "no_such_model_xyz" in str(exc) and "Fix:" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a missing model must raise ModelError")


def test_architecture_layers_hold():
    run = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--config",
                          str(ROOT / "pyproject.toml")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
