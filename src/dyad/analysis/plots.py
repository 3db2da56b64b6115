"""Pictures of the analytics: a dyad's time series and the actor network (matplotlib, no screen)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    import networkx as nx

#: Colours of the four quad classes, cooperation in blues/greens and conflict in oranges/reds.
QUAD_COLOURS = {"verbal_coop": "#6baed6", "material_coop": "#2171b5",
                "verbal_conflict": "#fd8d3c", "material_conflict": "#cb181d"}

#: Edges of the network plot: at most this many (the strongest), so labels stay readable.
NETWORK_MAX_EDGES = 60


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_dyad_series(series: pd.DataFrame, path: str | Path, *, title: str) -> Path:
    """Stacked bars of events per period by quad class, with the Goldstein mean as a line."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 5), dpi=120)
    if series.empty:
        ax.text(0.5, 0.5, "no dated events for this dyad", ha="center", va="center", transform=ax.transAxes)
    else:
        x = range(len(series))
        bottom = [0] * len(series)
        for column, colour in QUAD_COLOURS.items():
            values = series[column].tolist()
            ax.bar(x, values, bottom=bottom, color=colour, label=column.replace("_", " "))
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_xticks(list(x))
        ax.set_xticklabels(series["period"].tolist(), rotation=45, ha="right")
        ax.set_ylabel("events")
        twin = ax.twinx()
        twin.plot(list(x), series["goldstein_mean"].astype(float).tolist(), color="black", marker="o",
                  label="Goldstein mean")
        twin.axhline(0, color="grey", linewidth=0.5)
        twin.set_ylim(-10, 10)
        twin.set_ylabel("Goldstein mean (-10 conflict ... +10 cooperation)")
        handles, labels = ax.get_legend_handles_labels()
        h2, l2 = twin.get_legend_handles_labels()
        ax.legend(handles + h2, labels + l2, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=5,
                  fontsize=8, frameon=False)
    ax.set_title(title)
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out)
    plt.close(fig)
    return out


def plot_network(graph: nx.DiGraph, path: str | Path, *, title: str = "Actor network") -> Path:
    """The actor network: edge width by events, colour by mean Goldstein (red conflict, blue coop)."""
    import networkx as nx

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 8), dpi=120)
    edges = sorted(graph.edges(data=True), key=lambda e: -e[2]["weight"])[:NETWORK_MAX_EDGES]
    sub = nx.DiGraph()
    sub.add_edges_from((u, v, d) for u, v, d in edges)
    if sub.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no events with both a source and a target", ha="center", va="center",
                transform=ax.transAxes)
    else:
        pos = nx.spring_layout(sub, seed=7, k=1.2 / max(1, sub.number_of_nodes()) ** 0.5)
        top = max(d["weight"] for *_, d in sub.edges(data=True))
        widths = [0.8 + 5 * d["weight"] / top for *_, d in sub.edges(data=True)]
        colours = [d["goldstein_mean"] if d["goldstein_mean"] is not None else 0 for *_, d in sub.edges(data=True)]
        sizes = [300 + 60 * graph.nodes[n].get("events", 1) for n in sub.nodes]
        nx.draw_networkx_nodes(sub, pos, ax=ax, node_size=sizes, node_color="#dddddd", edgecolors="#555555")
        drawn = nx.draw_networkx_edges(sub, pos, ax=ax, width=widths, edge_color=colours, edge_cmap=plt.cm.RdBu,
                                       edge_vmin=-10, edge_vmax=10, arrows=True, arrowsize=14,
                                       connectionstyle="arc3,rad=0.12")
        nx.draw_networkx_labels(sub, pos, ax=ax, font_size=10, font_weight="bold")
        if drawn:
            sm = plt.cm.ScalarMappable(cmap=plt.cm.RdBu, norm=plt.Normalize(-10, 10))
            fig.colorbar(sm, ax=ax, shrink=0.6, label="mean Goldstein score of the dyad")
    ax.set_title(f"{title} (edge width = events)")
    ax.axis("off")
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out)
    plt.close(fig)
    return out
