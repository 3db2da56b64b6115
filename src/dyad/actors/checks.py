"""Where the hand people tables and a converted dictionary disagree on who held an office when.

    python -m dyad.actors.phoenix --check      # prints one line per disagreement

For every person of the hand tables (``people-*.tsv``) whom the generated dictionary tables also
list (same name or alias, same country; see ``tables.match_hand_person``), over the years both
cover (``CHECK_FROM`` to the dictionary's horizon, at most ``CHECK_TO``):

- **dictionary has them in no office**: the hand tables give them a role in a country (their
  roles there joined) on days when the dictionary, which dates their career there, has them in
  none (no code but ELI covers those days);
- **dictionary has them out of office**: the dictionary codes them ELI (not in office) on days
  the hand tables give them a role.

The dictionaries list every minister of every portfolio while the hand tables list the offices
they track (heads of state and government, foreign, defence, interior ...), so a dictionary
office with no hand office around it is *not* a disagreement: it is what the dictionary adds.

Gaps shorter than ``TOLERANCE_DAYS`` are not disagreements (the dictionaries round many dates to
a month). A disagreement is resolved by fixing the hand row, or, when the hand row is right,
by a row in ``reviewed-disagreements.tsv`` (name, from, to, verdict, reason) that says so.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from dyad.actors.names import word_key
from dyad.actors.tables import (
    DATA_DIR,
    FORMER_SECTOR,
    GENERATED_DIR,
    match_hand_person,
    person_group_key,
    read_people,
    read_table,
    split_cell,
    tenure_span,
)

#: The years the hand tables and the Phoenix dictionaries both date: CountryInfo dates most
#: ministers from 2003 (earlier spans start at a round 2003-01-01 or are missing).
CHECK_FROM = "2003-01-01"
#: CountryInfo.140130, the source of the people, was current to the end of January 2014.
CHECK_TO = "2014-01-31"
#: Gaps up to a season are rounding: CountryInfo dates many changes to the month or the year.
TOLERANCE_DAYS = 92
#: The dictionaries date executive offices (CountryInfo: heads of state and government, ministers);
#: opposition leaders, legislators and judges in the hand tables have nothing to compare with.
EXECUTIVE_SECTORS = frozenset({"GOV", "MIL"})
OVERRIDES = DATA_DIR / "reviewed-disagreements.tsv"
OVERRIDE_COLUMNS = ("name", "valid_from", "valid_to", "verdict", "reason")
VERDICTS = ("hand", "dictionary")


@dataclass(frozen=True, slots=True)
class Disagreement:
    name: str
    country: str
    kind: str          # "dictionary only" | "hand only"
    start: str
    end: str
    hand: str          # the hand roles around, for the reader
    dictionary: str

    @property
    def days(self) -> int:
        return (_day(self.end) - _day(self.start)).days


def _day(text: str) -> _dt.date:
    text = text.replace("-99", "-28").replace("-00", "-01")
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        return _dt.date(9999, 12, 31) if text.startswith("9999") else _dt.date(1, 1, 1)


def _uncovered(span: tuple[str, str], cover: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Parts of ``span`` (start, end) that no interval of ``cover`` covers."""
    parts = [span]
    for c_start, c_end in cover:
        nxt = []
        for start, end in parts:
            if c_end <= start or end <= c_start:
                nxt.append((start, end))
                continue
            if start < c_start:
                nxt.append((start, c_start))
            if c_end < end:
                nxt.append((c_end, end))
        parts = nxt
    return parts


def load_overrides(path: Path = OVERRIDES) -> dict[tuple[str, str], tuple[str, str]]:
    """(name key, valid_from) -> (verdict, reason) of reviewed disagreements."""
    if not path.is_file():
        return {}
    out = {}
    for _line, row in read_table(path, OVERRIDE_COLUMNS):
        out[(word_key(row["name"]), row["valid_from"])] = (row["verdict"], row["reason"])
    return out


def disagreements(data_dir: Path = DATA_DIR, generated_dir: Path = GENERATED_DIR,
                  include_reviewed: bool = False) -> list[Disagreement]:
    """Every disagreement between the hand people tables and the generated ones (see module doc)."""
    raw = read_people(data_dir, generated_dir)
    hand = match_hand_person(raw)
    hand_rows: dict[str, list[dict[str, str]]] = {}
    dict_rows: dict[str, list[tuple[dict[str, str], str]]] = {}
    for key, (row, where, _shipped) in raw.people.items():
        if key not in raw.generated_people:
            hand_rows.setdefault(person_group_key(raw, row), []).append(row)
            continue
        known = next((hand[word_key(t)] for t in (row["name"], *split_cell(row["aliases"])) if word_key(t) in hand), None)
        if known is not None and (not row["country"] or row["country"] in known[1]):
            dict_rows.setdefault(known[0], []).append((row, raw.horizons.get(where.rpartition(":")[0], CHECK_TO)))
    reviewed = {} if include_reviewed else load_overrides()
    out: list[Disagreement] = []
    for group, rows in dict_rows.items():
        hands = hand_rows.get(group, [])
        if hands:
            out.extend(_compare(hands, rows))
    out = [d for d in out if (word_key(d.name), d.start) not in reviewed]
    out.sort(key=lambda d: (d.country, d.name, d.start))
    return out


def _merge(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Union of (start, end) spans, joining those less than TOLERANCE_DAYS apart."""
    out: list[list[str]] = []
    for start, end in sorted(spans):
        if out and (_day(start) - _day(out[-1][1])).days <= TOLERANCE_DAYS:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _compare(hands: list[dict[str, str]], rows: list[tuple[dict[str, str], str]]) -> list[Disagreement]:
    """One person's disagreements: where an office the hand tables date starts or ends at another
    time in the dictionary (same country, both dates inside the window), or the dictionary has
    them out of office (ELI) for a stretch the hand tables give them an office."""
    name = hands[0]["name"]
    hand_text = "; ".join(f"{r['role']} {r['valid_from'] or '...'}..{r['valid_to'] or 'open'}" for r in hands)
    dict_text = "; ".join(f"{r['country']}{r['sector']} {r['valid_from'] or '...'}..{r['valid_to'] or 'open'}"
                          for r, _ in rows)
    found: list[Disagreement] = []

    def inside(day: str, end: str) -> bool:
        return CHECK_FROM <= day <= min(CHECK_TO, end)

    for country in sorted({r["country"] for r in hands if r["country"]}):
        hand_spans = _merge([tenure_span(r, None)[:2] for r in hands if r["country"] == country
                             and r["sector"] in EXECUTIVE_SECTORS])
        offices = _merge([tenure_span(r, h)[:2] for r, h in rows if r["country"] == country and r["sector"] != FORMER_SECTOR])
        horizon = min((h for _, h in rows), default=CHECK_TO)
        out_of_office = [tenure_span(r, h)[:2] for r, h in rows if r["country"] == country and r["sector"] == FORMER_SECTOR]
        for h_start, h_end in hand_spans:
            # the hand tables give an office; the dictionary, which dates this person's career in
            # this country, has them in none for a stretch of it
            span = (max(h_start, CHECK_FROM), min(h_end, CHECK_TO, horizon))
            for a, b in _uncovered(span, offices) if offices and span[0] < span[1] else []:
                if (_day(b) - _day(a)).days > TOLERANCE_DAYS:
                    found.append(Disagreement(name, country, "dictionary has them in no office", a[:10], b[:10],
                                              hand_text, dict_text))
            for e_start, e_end in out_of_office:
                start, end = max(h_start, e_start, CHECK_FROM), min(h_end, e_end, CHECK_TO, horizon)
                if start < end and (_day(end) - _day(start)).days > TOLERANCE_DAYS:
                    found.append(Disagreement(name, country, "dictionary has them out of office", start[:10],
                                              end[:10], hand_text, dict_text))
    return found


def format_disagreement(item: Disagreement) -> str:
    return (f"{item.country}\t{item.name}\t{item.kind}\t{item.start}..{item.end} ({item.days} days)\t"
            f"hand: {item.hand}\tdictionary: {item.dictionary}")
