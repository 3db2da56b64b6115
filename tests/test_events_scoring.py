"""score_reading: recall, precision and misses of a reading against a hand-coded gold reading."""

from __future__ import annotations

from dyad.events import score_reading
from dyad.events.scoring import event_matches

GOLD = {
    "events": [
        {"source": "RUS", "target": "CHN", "code": "044", "accept": ["04", "040", "044"],
         "date": "2022-09-15", "symmetric": True, "required": True, "evidence": "met"},
        {"source": "USA", "target": "TWN", "code": "0332", "accept": ["033", "0332", "072"],
         "date": "2022-09-14", "symmetric": False, "required": True, "evidence": "aid"},
        {"source": "RUS", "target": "UKR", "code": "190", "accept": ["19"], "date": None,
         "symmetric": False, "required": False, "evidence": "offensive"},
    ],
    "quotes": [{"starts": "We condemn", "speaker": "Vladimir Putin", "required": True},
               {"starts": "stronger", "speaker": "Ebrahim Raisi", "required": True}],
    "actors": [{"name": "Vladimir Putin", "code": "RUSGOV"}, {"name": "Xi Jinping", "code": "CHNGOV"}],
    "dates": [{"text": "on Thursday", "resolved": "2022-09-15"}, {"text": "last month", "resolved": "2022-08"}],
    "places": [{"text": "Samarkand", "country": "UZB"}, {"text": "Taiwan Strait", "country": None}],
}


def _event(source, target, code, date=None, sentence="s"):  # noqa: ANN001, ANN202
    return {"source": {"name": source, "code": source + "GOV", "country": source},
            "target": {"name": target, "code": target, "country": target} if target else None,
            "code": code, "date": date, "sentence": sentence}


def test_events_scoring_symmetric_and_accepted_codes():
    gold = GOLD["events"][0]
    assert event_matches(gold, _event("CHN", "RUS", "040"))
    assert event_matches(gold, _event("RUS", "CHN", "046"))  # "04" accepts the root
    assert not event_matches(gold, _event("RUS", "CHN", "051"))
    assert not event_matches(GOLD["events"][1], _event("TWN", "USA", "0332"))  # not symmetric


def test_events_scoring_recall_dates_and_precision():
    reading = {"events": [
        _event("CHN", "RUS", "040", "2022-09-15"),
        _event("RUS", "CHN", "044", "2022-09-15"),
        _event("USA", "TWN", "0332", "2022-09-16"),     # found, but dated wrong
        _event("RUS", "UKR", "190"),                     # not required, still correct
        _event("USA", "UKR", "051", sentence="extra"),   # not in the gold reading
        _event("USA", "UKR", "051", sentence="again"),   # same triple as the line above
    ]}
    report = score_reading(GOLD, reading)
    events = report.part("events")
    assert (events.found, events.total) == (2, 2)
    assert (report.events_dated, report.events_required) == (1, 2)
    assert (events.correct, events.predicted) == (4, 5)
    assert events.extras == ("USA->UKR 051  extra",)
    assert any("date USA->TWN" in m for m in events.misses)


def test_events_scoring_misses_name_what_is_missing():
    report = score_reading(GOLD, {"events": [_event("RUS", "CHN", "040", "2022-09-15")]})
    events = report.part("events")
    assert events.recall == 0.5
    assert events.misses[0].startswith("USA->TWN 0332")


def test_events_scoring_other_parts():
    reading = {
        "quotes": [{"text": "We condemn the provocation", "speaker": {"name": "Vladimir Putin"}},
                   {"text": "stronger", "speaker": {"name": "Vladimir Putin"}},
                   {"text": "no-limits", "speaker": None}],
        "actors": [{"name": "Vladimir Putin", "code": "RUSGOV"}, {"name": "Xi Jinping", "code": "CHNMIL"}],
        "dates": [{"text": "Thursday", "resolved": "2022-09-15"}, {"text": "last month", "resolved": "2022-07"}],
        "places": [{"text": "Samarkand", "country": "UZB"}, {"text": "the Taiwan Strait", "country": None}],
    }
    report = score_reading(GOLD, reading)
    quotes = report.part("quotes")
    assert (quotes.found, quotes.total, quotes.correct, quotes.predicted) == (1, 2, 2, 3)
    assert "want Ebrahim Raisi" in quotes.misses[0]
    actors = report.part("actors")
    assert (actors.found, actors.total) == (1, 2) and "CHNMIL" in actors.misses[0]
    assert (report.part("dates").found, report.part("dates").precision) == (1, 0.5)
    assert report.part("places").recall == 1.0


def test_events_scoring_empty_reading_and_lists():
    report = score_reading(GOLD, [])
    assert report.part("events").found == 0
    assert report.part("events").precision == 1.0  # nothing claimed, nothing wrong
    assert report.to_dict()["parts"]["events"]["total"] == 2
    assert any(line.startswith("events") for line in report.lines())
