"""Issue 14: actors of the whole world on any date, from strings as news writes them.

The strings of ``fixtures/actors/strings-world.tsv`` cover 120+ countries and 1995-2025: roles, bodies
and numbers with each country's demonym, possessive or capital; leaders by name (middle initials,
transliterations); armed groups, parties, NGOs, places that give a country; appositions,
possessive owners, destinations ("ambassador to Poland"), plural demonyms.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.actors import load_tables

FIXTURE = Path(__file__).parent / "fixtures" / "actors" / "strings-world.tsv"


def read_strings(path: Path) -> list[tuple[str, str, str]]:
    """(text, date, code) rows of a fixture of actor strings (``-``: no actor)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("text\t"):
            continue
        text, date, code = line.split("\t")
        rows.append((text, date, code))
    return rows


ROWS = read_strings(FIXTURE)


def test_actors_world_fixture_covers_the_world_and_the_years():
    assert len(ROWS) >= 400
    countries = {code[:3] for _t, _d, code in ROWS if code not in ("IGO", "NGO", "IMG")}
    assert len(countries) >= 120
    years = {int(date[:4]) for _t, date, _c in ROWS}
    assert min(years) <= 1995 and max(years) >= 2025


@pytest.mark.parametrize(("text", "date", "code"), ROWS, ids=[f"{t}@{d}" for t, d, _c in ROWS])
def test_actors_world_string_resolves(text, date, code):
    actor = load_tables().resolve(text, date)
    assert actor is not None, f"{text!r} on {date}: null"
    assert actor.code == code, f"{text!r} on {date}: {actor.code} ({actor.name}, {actor.role})"
