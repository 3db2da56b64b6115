"""Named bodies, parties and armed groups that news writes without a country word (issue 13).

The strings of ``fixtures/actors/strings-orgs.tsv`` are agencies ("ICE", "the Government
Accountability Office"), parties whose sector follows who governs on the date (the BJP is ``INDOPP``
in 2009 and ``INDGOV`` in 2019), armed groups and NGOs; "-" rows are names that are also common
words, places or many countries' parties and must give no actor on their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.actors import load_tables
from test_actors_world import read_strings

FIXTURE = Path(__file__).parent / "fixtures" / "actors" / "strings-orgs.tsv"


ROWS = read_strings(FIXTURE)


def test_actors_orgs_fixture_spans_countries_and_both_sides_of_tenures():
    assert len(ROWS) >= 60
    codes = {code for _t, _d, code in ROWS}
    assert len({c[:3] for c in codes if c not in ("IGO", "NGO", "IMG", "-")}) >= 30
    parties_both_ways = {t for t, _d, c in ROWS if c.endswith("GOV")} & {t for t, _d, c in ROWS if c.endswith("OPP")}
    assert len(parties_both_ways) >= 15


@pytest.mark.parametrize(("text", "date", "code"), ROWS, ids=[f"{t}@{d}" for t, d, _c in ROWS])
def test_actors_orgs_name_resolves_on_its_date(text, date, code):
    actor = load_tables().resolve(text, date)
    if code == "-":
        assert actor is None or actor.code is None, f"{text!r} on {date}: {actor.code} ({actor.name})"
        return
    assert actor is not None, f"{text!r} on {date}: null"
    assert actor.code == code, f"{text!r} on {date}: {actor.code} ({actor.name}, {actor.role})"
