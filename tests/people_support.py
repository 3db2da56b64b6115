"""Checks shared by the people-table tests (``test_actors_people_*.py``).

Each of those files keeps only its own data (the strings it resolves, its countries, the offices
its table leaves out) and asks the same questions through these helpers: what does a string
resolve to on a date, which rows came from one file, who holds an office on a day, and are the
defence rows military. Import the ``tables`` fixture from here along with the helpers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.actors import load_tables
from dyad.actors.tables import ActorTables, Tenure
from dyad.records import Actor

#: The two days on which each people table must name a holder of its offices.
CHECK_DAYS = ("2005-06-01", "2020-06-01")
FOREIGN_MINISTER = ("Foreign Minister of",)
DEFENCE_MINISTER = ("Defence Minister of",)


@pytest.fixture(scope="module")
def tables() -> ActorTables:
    return load_tables()


def resolved(tables: ActorTables, text: str, date: str) -> Actor:
    """The actor ``text`` resolves to on ``date``; fails the test when there is none."""
    actor = tables.resolve(text, date)
    assert actor is not None, (text, date)
    return actor


def assert_resolves_to(tables: ActorTables, text: str, date: str, expected: str) -> None:
    """``text`` on ``date`` resolves to ``expected``: a CAMEO code when it is six capitals
    (``UGAGOV``), else the person's name."""
    actor = resolved(tables, text, date)
    got = actor.code if expected.isupper() and len(expected) == 6 else actor.name
    assert got == expected, (text, date, actor)


def rows_of(tables: ActorTables, file: str) -> list[Tenure]:
    """The tenures read from the people file named ``file`` (any folder)."""
    return [t for p in tables.people for t in p.tenures if Path(t.where.rsplit(":", 1)[0]).name == file]


def in_force(tables: ActorTables, country: str, day: str, offices: tuple[str, ...], *,
             file: str | None = None) -> list[tuple[str, str]]:
    """(name, role) of everyone holding a role that starts with one of ``offices`` in ``country``
    on ``day``, from every people table or only from ``file``."""
    return [(p.name, t.role) for p in tables.people for t in p.tenures
            if t.country == country and t.covers(day) and t.role.startswith(offices)
            and (file is None or Path(t.where.rsplit(":", 1)[0]).name == file)]


def assert_head_and_foreign_minister(tables: ActorTables, country: str, day: str, heads: tuple[str, ...], *,
                                     file: str | None = None, head_known: bool = True,
                                     foreign_minister_known: bool = True) -> None:
    """A head of state (a role starting with one of ``heads``) and a foreign minister of
    ``country`` are in force on ``day``, unless the caller says the table leaves that one out."""
    if head_known:
        assert in_force(tables, country, day, heads, file=file), (country, day, "head of state")
    if foreign_minister_known:
        assert in_force(tables, country, day, FOREIGN_MINISTER, file=file), (country, day, "foreign minister")


def assert_defence_rows_are_mil(rows: list[Tenure]) -> None:
    """There are rows; defence ministers are coded MIL, every other office in them GOV."""
    assert rows
    assert all(t.sector == "MIL" for t in rows if t.role.startswith("Defence Minister"))
    assert all(t.sector == "GOV" for t in rows if not t.role.startswith("Defence Minister"))
