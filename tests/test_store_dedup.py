"""Cross-story deduplication: differently-worded reports of one meeting become one event.

The readings are built by hand (``Reading.from_dict``), as the coder would give them, so the
rule is tested apart from the coder; ``test_store_pipeline.py`` runs the real pipeline.
``meeting_readings()`` is shared with the other store tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from dyad.records import Reading
from dyad.store import open_store
from dyad.store.dedup import Report, block_key, cluster, code_family

BIDEN = {"name": "Joe Biden", "code": "USAGOV", "country": "USA", "sector": "GOV", "id": "Q6279"}
XI = {"name": "Xi Jinping", "code": "CHNGOV", "country": "CHN", "sector": "GOV", "id": "Q15031"}
BALI = {"name": "Bali", "country": "IDN", "lat": -8.34, "lon": 115.09}
NUSA_DUA = {"name": "Nusa Dua", "country": "IDN", "lat": -8.80, "lon": 115.23}
INDONESIA = {"name": "Indonesia", "country": "IDN", "lat": -2.5, "lon": 118.0}
WOODSIDE = {"name": "Woodside", "country": "USA", "lat": 37.43, "lon": -122.25}
LABELS = {"040": "Consult, not specified", "044": "Meet at third location", "046": "Engage in negotiation"}


def event(sentence: str, text: str, source: dict, target: dict | None, code: str, date: str | None,
          place: dict | None, *, modality: str = "asserted", precision: str | None = None) -> dict[str, Any]:
    start = text.index(sentence)
    return {"source": source, "target": target, "code": code, "root": code[:2], "label": LABELS[code],
            "plover": "CONSULT", "quad_class": 1, "goldstein": 1.0 if code == "040" else 2.8, "date": date,
            "date_precision": precision or ("day" if date and len(date) == 10 else None),
            "location": place, "modality": modality, "sentence": sentence,
            "evidence": {"start": start, "end": start + len(sentence)}}


def article(ident: str, source: str, published: str, title: str, paragraphs: list[str],
            events: list[tuple]) -> Reading:
    text = "\n\n".join(paragraphs)
    spans, at = [], 0
    for p in paragraphs:
        spans.append({"start": at, "end": at + len(p)})
        at += len(p) + 2
    actors = []
    for who in (BIDEN, XI):
        mentions = []
        for name in (who["name"], who["name"].split()[-1]):
            at = text.find(name)
            if at >= 0:
                mentions.append({"text": name, "start": at, "end": at + len(name)})
        if mentions:
            actors.append({**who, "role": None, "mentions": mentions})
    return Reading.from_dict({
        "article": {"id": ident, "title": title, "published": published, "source": source,
                    "url": f"https://news.example/{ident}", "text": text, "paragraphs": spans},
        "actors": actors,
        "events": [event(s, text, *rest[:5], **(rest[5] if len(rest) > 5 else {})) for s, *rest in events],
    })


def meeting_readings() -> list[Reading]:
    """Five stories about the Biden-Xi meeting in Bali (14 Nov 2022), worded and dated
    differently, and three stories about other happenings between the same two men."""
    a1 = ("U.S. President Joe Biden met Chinese President Xi Jinping in Bali on Monday, their first "
          "face-to-face meeting since Biden took office.")
    a2 = ("Xi Jinping and Joe Biden sat down together on the Indonesian island of Bali yesterday, "
          "pledging to keep lines of communication open.")
    a3 = ("Chinese leader Xi Jinping held a meeting with U.S. President Joe Biden in Nusa Dua, the "
          "two sides said on Tuesday.")
    a4 = "President Joe Biden met Xi Jinping in Indonesia as the Group of 20 gathered."
    a5 = "In November, Biden and Xi consulted on Taiwan and Ukraine in Bali."
    d1 = "Biden will meet Xi at the G20 in Bali next week, the White House said."
    d2 = "Biden met Xi at an estate south of San Francisco on Wednesday."
    return [
        article("bali-wire-1", "Wire A", "2022-11-14", "Biden and Xi meet in Bali",
                [a1, "The two leaders shook hands at a hotel before talks that lasted about three hours."],
                [(a1, BIDEN, XI, "044", "2022-11-14", BALI), (a1, XI, BIDEN, "044", "2022-11-14", BALI)]),
        article("bali-daily-2", "Daily B", "2022-11-15", "Xi, Biden pledge to keep talking",
                ["Nusa Dua, Indonesia.", a2],
                [(a2, XI, BIDEN, "044", "2022-11-14", BALI), (a2, BIDEN, XI, "044", "2022-11-14", BALI)]),
        article("bali-asia-3", "Asia C", "2022-11-15", "Leaders meet on the eve of the G20",
                [a3], [(a3, XI, BIDEN, "044", "2022-11-15", NUSA_DUA)]),
        article("bali-brief-4", "Brief D", "2022-11-14", "Biden meets Xi in Indonesia",
                [a4], [(a4, BIDEN, XI, "044", None, INDONESIA)]),
        article("bali-month-5", "Monthly E", "2022-12-01", "The month in diplomacy",
                ["A look back at November.", a5], [(a5, BIDEN, XI, "040", "2022-11", BALI)]),
        article("bali-intent-6", "Wire A", "2022-11-10", "Biden to meet Xi",
                [d1], [(d1, BIDEN, XI, "044", "2022-11-14", BALI, {"modality": "intended"})]),
        article("woodside-7", "Wire A", "2023-11-15", "Biden and Xi meet again",
                [d2], [(d2, BIDEN, XI, "044", "2023-11-15", WOODSIDE)]),
    ]


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "dedup.db") as s:
        yield s


def _by_key(df) -> dict[tuple, int]:
    return {(r.source_code, r.target_code, r.modality, r.date): r.n_reports for r in df.itertuples()}


def test_store_dedup_merges_the_stories_of_one_meeting(store):
    store.write(meeting_readings())
    events = store.events()
    assert _by_key(events) == {
        # a meeting has no direction: one event, given as USA -> CHN as most of its reports
        # (1, 2, 4, 5 against 1, 2, 3) give it; stories 1 and 2 give both directions (two reports each)
        ("USAGOV", "CHNGOV", "asserted", "2022-11-14"): 7,   # stories 1-4 and the month-dated 5
        ("USAGOV", "CHNGOV", "intended", "2022-11-14"): 1,   # "will meet": another claim
        ("USAGOV", "CHNGOV", "asserted", "2023-11-15"): 1,   # a year later, in California
    }
    bali = events[(events.source_code == "USAGOV") & (events.date == "2022-11-14")
                  & (events.modality == "asserted")].iloc[0]
    assert bali.n_articles == 5 and bali.n_sources == 5
    assert (bali.source_name, bali.target_name) == ("Joe Biden", "Xi Jinping")
    assert bali.code == "044" and bali.place == "Bali" and bali.is_root == 1
    evidence = store.evidence(event_id=bali.id)
    assert sorted(set(evidence.article_id)) == ["bali-asia-3", "bali-brief-4", "bali-daily-2", "bali-month-5",
                                                "bali-wire-1"]
    assert len(evidence) == 7
    assert store.counts()["event_evidence"] == 9


def test_store_dedup_does_not_depend_on_ingest_order(tmp_path):
    readings = meeting_readings()
    with open_store(tmp_path / "a.db") as a, open_store(tmp_path / "b.db") as b:
        a.write(readings)
        for r in reversed(readings):  # one article per batch, newest first
            b.write([r])
        columns = ["id", "date", "source_code", "target_code", "code", "n_reports", "place"]
        assert a.events()[columns].to_dict("records") == b.events()[columns].to_dict("records")


def test_store_dedup_a_changed_story_moves_its_report(store):
    readings = meeting_readings()
    store.write(readings)
    moved = ("Chinese leader Xi Jinping held a meeting with U.S. President Joe Biden in Nusa Dua, the "
             "two sides said on Sunday.")
    changed = article("bali-asia-3", "Asia C", "2022-11-15", "Leaders meet on the eve of the G20 (corrected)",
                      [moved], [(moved, XI, BIDEN, "044", "2022-11-20", NUSA_DUA)])
    result = store.write([changed])
    assert (result.added, result.replaced) == (0, 1)
    counts = _by_key(store.events(source="CHN", since="2022-11", until="2022-11"))
    assert counts == {("USAGOV", "CHNGOV", "asserted", "2022-11-14"): 5,   # the meeting: stories 1, 2, 4
                      ("USAGOV", "CHNGOV", "asserted", "2022-11"): 1,      # "in November": now two candidates
                      ("USAGOV", "CHNGOV", "intended", "2022-11-14"): 1,
                      ("CHNGOV", "USAGOV", "asserted", "2022-11-20"): 1}  # story 3, now a week later
    assert store.delete(["bali-asia-3"]) == 1
    assert _by_key(store.events(source="CHN", since="2022-11", until="2022-11")) == {
        ("USAGOV", "CHNGOV", "asserted", "2022-11-14"): 6, ("USAGOV", "CHNGOV", "intended", "2022-11-14"): 1}


def _report(i: int, **kw: Any) -> Report:
    base = {"article_id": f"a{i}", "idx": 0, "block": "X", "code": "044", "date": "2022-11-14",
            "date_precision": "day"}
    return Report(**{**base, **kw})


@pytest.mark.parametrize(("a", "b", "same"), [
    ({}, {"date": "2022-11-15"}, True),                                   # a day apart
    ({}, {"date": "2022-11-16"}, False),                                  # two days apart
    ({}, {"code": "046"}, False),                                         # met vs negotiated
    ({}, {"code": "040"}, True),                                          # unspecified consult fits
    ({}, {"code": "0441"}, True),                                         # a 4-digit code of the family
    ({"source_actor_id": "Q111"}, {"source_actor_id": "Q222"}, False),     # two people, one code
    ({"source_actor_id": "Q111"}, {"source_actor_id": "local-7"}, True),  # local ids don't decide
    ({"place": "Bali", "place_country": "IDN"}, {"place": "Paris", "place_country": "FRA"}, False),
    ({"place": "Bali", "place_country": "IDN", "lat": -8.34, "lon": 115.09},
     {"place": "Jakarta", "place_country": "IDN", "lat": -6.2, "lon": 106.8}, False),  # ~950 km
    ({"place": "Jakarta", "place_country": "IDN"}, {"place": "Indonesia", "place_country": "IDN"}, True),
    ({"place": "Bali", "place_country": "IDN"}, {}, True),                # no place: compatible
    ({}, {"date": "2022-11", "date_precision": "month"}, True),           # the only event that month
    ({}, {"date": None, "date_precision": None}, False),                  # undated: never merged
])
def test_store_dedup_rule(a, b, same):
    groups = cluster([_report(1, **a), _report(2, **b)])
    assert (len(groups) == 1) is same


def test_store_dedup_a_vague_date_between_two_events_stays_apart():
    reports = [_report(1, date="2022-11-03"), _report(2, date="2022-11-20"),
               _report(3, date="2022-11", date_precision="month")]
    assert sorted(len(g) for g in cluster(reports)) == [1, 1, 1]


def test_store_dedup_day_window_is_complete_linkage():
    # 14, 15, 16: each a day from the next, but the event spans at most one day
    groups = cluster([_report(i, date=f"2022-11-{d}") for i, d in enumerate((14, 15, 16))])
    assert [len(g) for g in groups] == [2, 1]


def test_store_dedup_keys():
    assert code_family("044") == "044" and code_family("0441") == "044"
    assert code_family("040") is None and code_family("04") is None
    assert block_key("usagov", "Joe Biden", None, None, "04", "asserted") == "USAGOV>|04|asserted"
    assert block_key(None, "The  Rebels", "SDN", None, "19", "asserted") == "~the rebels>SDN|19|asserted"
