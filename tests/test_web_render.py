"""Building the pages' pieces: highlighted article text (escaped piece by piece) and the SVG charts."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.web.charts import MAX_FILLED_PERIODS, fill_periods, network_chart, series_chart
from dyad.web.highlight import Mark, highlight, marks_of

TAG = re.compile(r"<[^>]*>")


def _visible(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


def test_web_highlight_wraps_each_record():
    text = "Turkish President Recep Tayyip Erdogan hosted Putin in Sochi on Friday."
    marks = [Mark("actor", "actor-0", 0, 38, "Erdogan (TURGOV)"), Mark("actor", "actor-1", 46, 51, "Putin"),
             Mark("event", "event-0", 18, 51, "043 Host a visit"), Mark("place", "place-0", 55, 60),
             Mark("date", "date-0", 61, 70)]
    out = str(highlight(text, marks))
    assert _visible(out) == text
    assert '<span class="anchor" id="event-0"></span>' in out
    assert re.search(r'<mark class="hl hl-actor hl-event" data-keys="actor-0 event-0" '
                     r'title="Erdogan \(TURGOV\)\n043 Host a visit">Recep Tayyip Erdogan</mark>', out)
    assert '<mark class="hl hl-place" data-keys="place-0" title="">Sochi</mark>' in out
    assert out.count('id="actor-1"') == 1


def test_web_highlight_escapes_text_and_titles():
    text = 'He wrote <script>alert("x")</script> & "left" \'quietly\'.'
    out = str(highlight(text, [Mark("quote", "quote-0", 9, 36, 'said "<b>hi</b>"')]))
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in out
    assert 'title="said &#34;&lt;b&gt;hi&lt;/b&gt;&#34;"' in out
    assert _visible(out) == text


def test_web_highlight_clips_bad_offsets():
    text = "Seoul and Tokyo agreed to talks."
    marks = [Mark("place", "place-0", -5, 5), Mark("place", "place-1", 10, 15), Mark("event", "event-0", 23, 999),
             Mark("date", "date-0", 12, 12), Mark("date", "date-1", 40, 50)]
    out = str(highlight(text, marks))
    assert _visible(out) == text
    assert ">Seoul</mark>" in out and ">Tokyo</mark>" in out and ">to talks.</mark>" in out
    assert "date-0" not in out and "date-1" not in out


def test_web_marks_of_a_reading(example_reading):
    marks = marks_of(example_reading)
    kinds = {m.kind for m in marks}
    assert {"actor", "event", "date", "place"} <= kinds
    text = example_reading.article.text
    for m in marks:
        assert 0 <= m.start < m.end <= len(text)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n/=é\u202e")), max_size=60),
       spans=st.lists(st.tuples(st.sampled_from(["actor", "event", "quote", "date", "place", "focus"]),
                                st.integers(-3, 70), st.integers(-3, 70)), max_size=8))
def test_web_highlight_keeps_text_and_adds_only_its_own_tags(text, spans):
    marks = [Mark(kind, f"{kind}-{i}", a, b, text[:10]) for i, (kind, a, b) in enumerate(spans)]
    out = str(highlight(text, marks))
    assert _visible(out) == text
    for tag in TAG.findall(out):
        assert re.fullmatch(r'<mark class="hl( hl-[a-z]+)+" data-keys="[a-z0-9 -]+" title="[^"<>]*">|</mark>|'
                            r'<span class="anchor" id="[a-z]+(-\d+)?">|</span>', tag), tag


def test_web_fill_periods():
    assert fill_periods(["2022-09", "2022-12"], "month") == ["2022-09", "2022-10", "2022-11", "2022-12"]
    assert fill_periods(["2022-12", "2023-01"], "month") == ["2022-12", "2023-01"]
    assert fill_periods(["2022-09-12", "2022-09-26"], "week") == ["2022-09-12", "2022-09-19", "2022-09-26"]
    assert fill_periods(["2021", "2023"], "year") == ["2021", "2022", "2023"]
    assert fill_periods(["1900-01-01", "2022-01-01"], "day") == ["1900-01-01", "2022-01-01"]  # too many to fill
    assert len(fill_periods(["2000-01", "2030-01"], "month")) <= MAX_FILLED_PERIODS
    assert fill_periods([], "month") == []


def test_web_series_chart_scales_bars():
    rows = [{"period": "2022-09", "cooperation": 4, "conflict": 0, "goldstein_mean": 3.0},
            {"period": "2022-11", "cooperation": 1, "conflict": 2, "goldstein_mean": -4.5}]
    chart = series_chart(rows, "month")
    assert [b.period for b in chart.bars] == ["2022-09", "2022-10", "2022-11"]
    sept, octo, nov = chart.bars
    assert sept.coop_h == pytest.approx(2 * nov.conf_h, abs=0.3)
    assert sept.coop_h == pytest.approx(4 * nov.coop_h, abs=0.3)
    assert sept.coop_h > 0
    assert octo.coop_h == octo.conf_h == 0
    assert sept.coop_y + sept.coop_h == chart.zero_y == nov.conf_y
    assert all(chart.left <= b.x and b.x + b.width <= chart.right for b in chart.bars)
    assert series_chart([], "month").empty


def test_web_network_chart_places_nodes_inside():
    nodes = [{"id": c, "events": n} for c, n in [("RUS", 9), ("CHN", 5), ("UKR", 4), ("USA", 3)]]
    edges = [{"source": "RUS", "target": "CHN", "weight": 3, "cooperation": 3, "conflict": 0},
             {"source": "CHN", "target": "RUS", "weight": 2, "cooperation": 2, "conflict": 0},
             {"source": "RUS", "target": "UKR", "weight": 4, "cooperation": 0, "conflict": 4},
             {"source": "USA", "target": "RUS", "weight": 1, "cooperation": 1, "conflict": 1}]
    chart = network_chart(nodes, edges)
    assert {n.id for n in chart.nodes} == {"RUS", "CHN", "UKR", "USA"}
    assert all(0 < n.x < chart.width and 0 < n.y < chart.height for n in chart.nodes)
    tones = {(e.source, e.target): e.tone for e in chart.edges}
    assert tones == {("RUS", "CHN"): "coop", ("CHN", "RUS"): "coop", ("RUS", "UKR"): "conflict",
                     ("USA", "RUS"): "mixed"}
    paths = {(e.source, e.target): e.path for e in chart.edges}
    assert paths[("RUS", "CHN")] != paths[("CHN", "RUS")]  # the two directions bend apart
    assert network_chart(nodes, edges) == chart  # seeded: the same picture each time
    assert network_chart([], []).nodes == []
