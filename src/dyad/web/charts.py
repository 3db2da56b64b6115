"""Charts drawn on the server as SVG: the geometry is computed here, the templates write it out
(autoescaped, so labels taken from the data are inert). No JavaScript, nothing to download.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

#: The series chart's size in SVG units (it scales to the page width).
SERIES_WIDTH, SERIES_HEIGHT = 900, 280
SERIES_MARGIN = {"left": 44, "right": 12, "top": 16, "bottom": 42}

#: Longest run of empty periods filled in between the first and last one: beyond this the
#: chart shows only the periods that have events rather than thousands of empty slots.
MAX_FILLED_PERIODS = 400

#: Most x-axis labels drawn; the others are skipped evenly so labels never overlap.
MAX_X_LABELS = 14

#: The network view's size and its most nodes (the busiest actors): a denser graph is unreadable.
NETWORK_WIDTH, NETWORK_HEIGHT = 900, 520
MAX_NETWORK_NODES = 30
NETWORK_PAD = 60

#: Seed of the force-directed layout, so the same data draws the same picture.
LAYOUT_SEED = 7


@dataclass(frozen=True, slots=True)
class Bar:
    period: str
    x: float
    width: float
    coop_y: float
    coop_h: float
    conf_y: float
    conf_h: float
    cooperation: int
    conflict: int
    goldstein_mean: float | None


@dataclass(frozen=True, slots=True)
class SeriesChart:
    width: int
    height: int
    zero_y: float
    left: float
    right: float
    top: float
    bottom: float
    bars: list[Bar]
    y_ticks: list[tuple[float, str]]
    x_labels: list[tuple[float, str]]
    empty: bool = False


def _next_period(label: str, by: str) -> str:
    if by == "year":
        return f"{int(label) + 1:04d}"
    if by == "month":
        year, month = int(label[:4]), int(label[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    step = 7 if by == "week" else 1
    return (date.fromisoformat(label) + timedelta(days=step)).isoformat()


def fill_periods(labels: Sequence[str], by: str) -> list[str]:
    """Every period from the first label to the last (so gaps show as gaps), or just the labels
    when that would be more than ``MAX_FILLED_PERIODS``."""
    if not labels:
        return []
    ordered = sorted(labels)
    out = [ordered[0]]
    try:
        while out[-1] < ordered[-1]:
            out.append(_next_period(out[-1], by))
            if len(out) > MAX_FILLED_PERIODS:
                return ordered
    except ValueError:
        return ordered
    return out


def series_chart(rows: Sequence[dict[str, Any]], by: str) -> SeriesChart:
    """Diverging bars: cooperation (quad classes 1-2) up, conflict (3-4) down, one per period."""
    m = SERIES_MARGIN
    left, right = m["left"], SERIES_WIDTH - m["right"]
    top, bottom = m["top"], SERIES_HEIGHT - m["bottom"]
    by_period = {r["period"]: r for r in rows}
    periods = fill_periods(list(by_period), by)
    if not periods:
        mid = (top + bottom) / 2
        return SeriesChart(SERIES_WIDTH, SERIES_HEIGHT, mid, left, right, top, bottom, [], [], [], empty=True)
    high = max((int(r.get("cooperation") or 0) for r in rows), default=0)
    low = max((int(r.get("conflict") or 0) for r in rows), default=0)
    ticks = _ticks(max(high, low, 1))
    scale_max = ticks[-1]
    half = (bottom - top) / 2
    zero = top + half
    step = (right - left) / len(periods)
    width = max(1.0, min(step * 0.7, 40.0))
    bars = []
    for i, period in enumerate(periods):
        r = by_period.get(period, {})
        coop, conf = int(r.get("cooperation") or 0), int(r.get("conflict") or 0)
        coop_h, conf_h = half * coop / scale_max, half * conf / scale_max
        x = left + i * step + (step - width) / 2
        bars.append(Bar(period, round(x, 1), round(width, 1), round(zero - coop_h, 1), round(coop_h, 1),
                        round(zero, 1), round(conf_h, 1), coop, conf, r.get("goldstein_mean")))
    y_ticks = [(round(zero - half * t / scale_max, 1), str(t)) for t in ticks]
    y_ticks += [(round(zero + half * t / scale_max, 1), str(t)) for t in ticks if t]
    every = max(1, math.ceil(len(periods) / MAX_X_LABELS))
    x_labels = [(round(left + i * step + step / 2, 1), p) for i, p in enumerate(periods) if i % every == 0]
    return SeriesChart(SERIES_WIDTH, SERIES_HEIGHT, round(zero, 1), left, right, top, bottom, bars, y_ticks,
                       x_labels)


def _ticks(top: int) -> list[int]:
    """Round tick values from 0 to at least ``top`` (about four steps), the last one the scale's top."""
    raw = max(top, 1) / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = int(next(s * magnitude for s in (1, 2, 5, 10) if s * magnitude >= raw))
    return [i * step for i in range(math.ceil(max(top, 1) / step) + 1)]


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    x: float
    y: float
    r: float
    events: int


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    path: str
    width: float
    tone: str  # "coop" | "conflict" | "mixed"
    weight: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None


@dataclass(frozen=True, slots=True)
class NetworkChart:
    width: int
    height: int
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    hidden_nodes: int = 0


def network_chart(nodes: Sequence[dict[str, Any]], edges: Sequence[dict[str, Any]]) -> NetworkChart:
    """Place the busiest ``MAX_NETWORK_NODES`` actors with a seeded force-directed layout and draw
    each directed edge as a curve (so A->B and B->A stay apart), wider for more events."""
    import networkx as nx

    ranked = sorted(nodes, key=lambda n: (-int(n["events"]), n["id"]))
    shown = {n["id"]: n for n in ranked[:MAX_NETWORK_NODES]}
    kept = [e for e in edges if e["source"] in shown and e["target"] in shown]
    if not shown:
        return NetworkChart(NETWORK_WIDTH, NETWORK_HEIGHT)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(shown))
    for e in kept:
        graph.add_edge(e["source"], e["target"])
    if len(shown) == 1:
        pos = {next(iter(shown)): (0.0, 0.0)}
    else:
        pos = nx.spring_layout(graph, seed=LAYOUT_SEED, k=1.6 / math.sqrt(len(shown)))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def place(node: str) -> tuple[float, float]:
        px, py = pos[node]
        x = NETWORK_PAD + (px - min(xs)) / span_x * (NETWORK_WIDTH - 2 * NETWORK_PAD)
        y = NETWORK_PAD + (py - min(ys)) / span_y * (NETWORK_HEIGHT - 2 * NETWORK_PAD)
        return round(x, 1), round(y, 1)

    most = max(int(n["events"]) for n in shown.values()) or 1
    placed = {}
    for name, n in shown.items():
        x, y = place(name)
        placed[name] = Node(name, x, y, round(6 + 14 * math.sqrt(int(n["events"]) / most), 1), int(n["events"]))
    heaviest = max((int(e["weight"]) for e in kept), default=1) or 1
    drawn = []
    for e in sorted(kept, key=lambda e: (int(e["weight"]), e["source"], e["target"])):
        a, b = placed[e["source"]], placed[e["target"]]
        coop, conf = int(e.get("cooperation") or 0), int(e.get("conflict") or 0)
        tone = "coop" if coop > conf else "conflict" if conf > coop else "mixed"
        drawn.append(Edge(a.id, b.id, _curve(a, b), round(1 + 5 * math.sqrt(int(e["weight"]) / heaviest), 1),
                          tone, int(e["weight"]), coop, conf, e.get("goldstein_mean")))
    return NetworkChart(NETWORK_WIDTH, NETWORK_HEIGHT, list(placed.values()), drawn,
                        hidden_nodes=max(0, len(nodes) - len(shown)))


def _curve(a: Node, b: Node) -> str:
    """A quadratic curve from the rim of ``a`` to the rim of ``b``, bent to its left."""
    dx, dy = b.x - a.x, b.y - a.y
    dist = math.hypot(dx, dy) or 1.0
    ux, uy = dx / dist, dy / dist
    sx, sy = a.x + ux * a.r, a.y + uy * a.r
    ex, ey = b.x - ux * (b.r + 4), b.y - uy * (b.r + 4)
    bend = min(40.0, dist * 0.15)
    cx, cy = (sx + ex) / 2 - uy * bend, (sy + ey) / 2 + ux * bend
    return f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"
