"""Cross-story dedup of symmetric events: a meeting reported either way round is one event."""

from __future__ import annotations

from dyad.store.dedup import Report, block_key, cluster


def _block(source: str, target: str, code: str) -> str:
    return block_key(source, None, target, None, code[:2], "asserted", code=code)


def test_events_dedup_symmetric_codes_share_a_block_both_ways():
    assert _block("RUSGOV", "CHNGOV", "040") == _block("CHNGOV", "RUSGOV", "040")
    assert _block("FRA", "DEU", "057") == _block("DEU", "FRA", "057")


def test_events_dedup_directed_codes_keep_their_direction():
    assert _block("RUS", "UKR", "190") != _block("UKR", "RUS", "190")
    assert _block("USA", "CHN", "042") != _block("CHN", "USA", "042")
    assert block_key("RUS", None, "UKR", None, "19", "asserted") == "RUS>UKR|19|asserted"


def test_events_dedup_putin_met_xi_and_xi_met_putin_are_one_meeting():
    block = _block("RUSGOV", "CHNGOV", "040")
    one = Report("a1", 0, block, "040", "2022-09-15", "day", "Q7747", "Q15031")
    two = Report("a2", 3, block, "040", "2022-09-15", "day", "Q15031", "Q7747")
    assert len(cluster([one, two])) == 1


def test_events_dedup_different_people_of_a_symmetric_block_stay_apart():
    block = _block("RUSGOV", "CHNGOV", "040")
    putin_xi = Report("a1", 0, block, "040", "2022-09-15", "day", "Q7747", "Q15031")
    lavrov_wang = Report("a2", 1, block, "040", "2022-09-15", "day", "Q172373", "Q1197636")
    assert len(cluster([putin_xi, lavrov_wang])) == 2
