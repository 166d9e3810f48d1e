"""Figures of notebook 03: officials and meetings.  One function per figure; each returns the figure and
the tidy table it plots, for :func:`defcoop.plots.save_figure`."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from defcoop.plots.heatmap import count_heatmap
from defcoop.plots.style import MAX_CELL_LABELS

__all__: list[str] = ["actors_by_year", "meeting_network", "top_actors"]

#: Colour of Vietnamese officials, and of foreign officials where one colour stands for them all.
VIETNAM_COLOUR = "#c0392b"
FOREIGN_COLOUR = "#0f4c81"

#: Colours of the foreign officials' countries in the meeting network, in turn (alphabetical order
#: of the countries).
COUNTRY_COLOURS = ("#0f4c81", "#2e8b57", "#e69f00", "#6a3d9a", "#56b4e9", "#8c564b", "#999999")


def top_actors(
    by_actor: pd.DataFrame,
    *,
    mentions: pd.DataFrame,
    top_n: int = 15,
    include_copies: bool = False,
) -> tuple[Figure, pd.DataFrame]:
    """The officials named most often, in articles and in mentions, and the table drawn.

    Two panels of horizontal bars sharing one row per official (the first row of ``by_actor``
    on top): left, the articles naming the official; right, all their mentions.  Vietnamese
    officials are red, foreign officials blue; an official outside the registry is marked †,
    with a footnote saying so.

    Parameters
    ----------
    by_actor : pandas.DataFrame
        :func:`defcoop.analysis.actors.actor_frequencies` ``by="actor"``: one row per official,
        ranked, with ``actor, country, registered, articles, mentions``.
    mentions : pandas.DataFrame
        :func:`defcoop.analysis.actors.actor_mentions`, the mentions counted (for the title).
    top_n : int
        How many officials to draw.
    include_copies : bool
        Whether syndicated copies were counted (said in the title).

    Returns
    -------
    fig : matplotlib.figure.Figure
        The figure.
    table : pandas.DataFrame
        The rows drawn: the first ``top_n`` rows of ``by_actor``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> by_actor = pd.DataFrame({"actor": ["A", "B"], "country": ["Vietnam", "Belarus"],
    ...                          "registered": [True, False], "articles": [2, 1], "mentions": [5, 1]})
    >>> fig, table = top_actors(by_actor, mentions=pd.DataFrame({"doc_id": ["d1", "d2"]}), top_n=1)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()], len(table)
    (['A (Vietnam)'], 1)
    >>> plt.close(fig)
    """
    table = by_actor.head(top_n)
    top = table.iloc[::-1]
    home = top["country"] == "Vietnam"
    labels = [
        f"{a} ({c})" + ("" if r else " †")
        for a, c, r in zip(top["actor"], top["country"], top["registered"], strict=True)
    ]
    colours = np.where(home, VIETNAM_COLOUR, FOREIGN_COLOUR)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 0.32 * len(top) + 1.4), sharey=True)
    for ax, col, xlabel in (
        (ax1, "articles", "articles naming the official"),
        (ax2, "mentions", "mentions (all references)"),
    ):
        ax.barh(labels, top[col], color=colours)
        for y, v in enumerate(top[col]):
            ax.annotate(f"{v}", (v, y), xytext=(2, 0), textcoords="offset points", va="center", fontsize=7)
        ax.set_xlabel(xlabel)
        ax.set_xlim(0, max(1, top[col].max()) * 1.15)
        ax.xaxis.get_major_locator().set_params(integer=True)
    ax1.legend(
        handles=[plt.Rectangle((0, 0), 1, 1, color=VIETNAM_COLOUR), plt.Rectangle((0, 0), 1, 1, color=FOREIGN_COLOUR)],
        labels=["Vietnamese official", "foreign official"],
        loc="lower right",
    )
    fig.suptitle(
        f"Officials named most often: top {len(top)} of {len(by_actor)}, in {mentions['doc_id'].nunique()} articles"
        + (" (syndicated copies counted once)" if not include_copies else " (copies included)"),
        x=0.02,
        ha="left",
        fontweight="bold",
        fontsize=10,
    )
    if not top["registered"].all():
        fig.text(0.02, 0.005, "† not in the registry: found through a title", fontsize=7, color="#555555")
    return fig, table


def _year_columns(by_year: pd.DataFrame) -> list[str]:
    """Every year from the first dated one to the last, then ``undated`` if any row is."""
    dated = sorted(y for y in by_year["year"].unique() if y != "undated")
    span = [str(y) for y in range(int(dated[0]), int(dated[-1]) + 1)] if dated else []
    return span + (["undated"] if (by_year["year"] == "undated").any() else [])


def actors_by_year(
    by_year: pd.DataFrame,
    *,
    mentions: pd.DataFrame,
    top_n: int = 15,
    max_labels: int = MAX_CELL_LABELS,
) -> tuple[Figure, pd.DataFrame]:
    """Mentions of officials per year, by country and by office, and the table drawn.

    Two heatmaps (:func:`defcoop.plots.heatmap.count_heatmap`), one per ``dimension`` of
    ``by_year``: one row per group (the ``top_n`` groups with most mentions), one column per
    year of the span (every year between the first and the last, empty ones too, then
    ``undated``).  Each cell gives mentions and, in brackets, articles, while the larger panel
    has at most ``max_labels`` cells; above, both panels have a colour bar instead.

    Parameters
    ----------
    by_year : pandas.DataFrame
        One row per ``dimension`` (``country`` or ``office``), ``group`` and ``year``, with
        ``articles`` and ``mentions`` (``year`` is a string, or ``undated``).
    mentions : pandas.DataFrame
        :func:`defcoop.analysis.actors.actor_mentions`, the mentions counted (for the title).
    top_n : int
        Most groups (rows) per panel.
    max_labels : int
        Most cells per panel whose counts are written.

    Returns
    -------
    fig : matplotlib.figure.Figure
        The figure.
    table : pandas.DataFrame
        ``by_year``, every group of it (the CSV keeps the groups the panels leave out).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> by_year = pd.DataFrame({"dimension": ["country", "office"], "group": ["Belarus", "minister"],
    ...                         "year": ["2018", "2020"], "articles": [1, 1], "mentions": [3, 2]})
    >>> fig, table = actors_by_year(by_year, mentions=pd.DataFrame({"doc_id": ["d1", "d2"]}))
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()], [t.get_text() for t in fig.axes[0].texts]
    (['2018', '2019', '2020'], ['3 (1)'])
    >>> plt.close(fig)
    """
    years = _year_columns(by_year)
    panels = [
        (
            dim,
            by_year[by_year["dimension"] == dim].pivot(index="group", columns="year", values=["mentions", "articles"]),
        )
        for dim in ("country", "office")
    ]
    rows = [min(len(p), top_n) for _, p in panels]
    labelled = max(rows) * len(years) <= max_labels  # beyond that, a colour bar instead of a number per cell
    fig, axes = plt.subplots(
        1, 2, figsize=(min(12, max(7.5, 0.9 * len(years) + 3.5)), 0.38 * max(rows) + 1.6), width_ratios=[1, 1.2]
    )
    for ax, (dim, piv) in zip(axes, panels, strict=True):
        order = piv["mentions"].fillna(0).sum(axis=1).sort_values(ascending=False, kind="stable").index[:top_n]
        m = piv["mentions"].reindex(index=order, columns=years).fillna(0).astype(int)
        a = piv["articles"].reindex(index=order, columns=years).fillna(0).astype(int)
        count_heatmap(
            ax,
            m,
            ylabels=list(m.index),
            label="mentions",
            labelled=labelled,
            cell_text=m.astype(str) + " (" + a.astype(str) + ")",
            skip_zeros=True,
            vmax=max(1, int(m.to_numpy().max(initial=0))) * 1.25,
            fontsize=7.5,
            text_colour="#222222",
            xrotation=90 if len(years) > 12 else 0,
            cell_borders=True,
        )
        shown = f" (top {len(m)} of {len(piv)} by mentions)" if len(m) < len(piv) else ""
        ax.set_title((f"by {dim} held on the article's date" if dim == "office" else f"by {dim}") + shown, fontsize=9)
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
    fig.suptitle(
        f"Mentions of officials per year — {'cell: mentions (articles)' if labelled else 'colour: mentions'}; "
        f"{len(mentions):,} mentions in {mentions['doc_id'].nunique():,} articles",
        x=0.02,
        ha="left",
        fontweight="bold",
        fontsize=10,
    )
    return fig, by_year


def meeting_network(
    edges: pd.DataFrame,
    graph: nx.Graph,
    layout: dict[str, tuple[float, float]],
    *,
    pairs: pd.DataFrame,
    cut: str = "",
) -> tuple[Figure, pd.DataFrame]:
    """Who met whom: the meeting network in two columns, and the table behind it.

    One line per edge of ``graph`` between a Vietnamese official (left) and a foreign official
    (right), as wide as its stories and labelled with them near the foreign end, dashed when a
    story reports the meeting online; one dot per official, its area growing with the stories of
    its meetings, red for Vietnamese officials and one colour per foreign country, labelled with
    the official's name and office.  The graph and the layout are drawn as given, so the caller
    decides what is drawn (:func:`defcoop.analysis.actors.strongest_edges`).

    Parameters
    ----------
    edges : pandas.DataFrame
        :func:`defcoop.analysis.actors.meeting_edges`, every pair (the title counts them).
    graph : networkx.Graph
        :func:`defcoop.analysis.actors.meeting_graph` of the pairs to draw.
    layout : dict
        Position of every node of ``graph`` (:func:`defcoop.analysis.actors.meeting_layout`).
    pairs : pandas.DataFrame
        The meeting pairs behind ``edges``, with ``story_id`` (the title counts their stories).
    cut : str
        The sentence of :func:`defcoop.analysis.actors.strongest_edges` saying what was left
        out, written as a second title line; empty when nothing was.

    Returns
    -------
    fig : matplotlib.figure.Figure
        The figure.
    table : pandas.DataFrame
        ``edges``, every pair (also those not drawn).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> g = nx.Graph()
    >>> g.add_node("a", name="A", country="Vietnam", office="minister", side="Vietnam")
    >>> g.add_node("b", name="B", country="Belarus", office="minister", side="foreign")
    >>> g.add_edge("a", "b", weight=2, articles=2, online=False)
    >>> fig, table = meeting_network(pd.DataFrame({"stories": [2]}), g, {"a": (0.0, 0.0), "b": (1.0, 0.0)},
    ...                              pairs=pd.DataFrame({"story_id": ["s1", "s2"]}))
    >>> ax = fig.axes[0]
    >>> len(ax.lines), len(ax.collections), [t.get_text() for t in ax.texts][:2]
    (1, 2, ['2', 'A\\nminister'])
    >>> plt.close(fig)
    """
    weights = [d["weight"] for _, _, d in graph.edges(data=True)]
    line_scale = max(1.0, max(weights, default=1) / 2)  # the heaviest line is at most 4 points wide
    degrees = [graph.degree(n, weight="weight") for n in graph]
    node_scale = max(1.0, max(degrees, default=1) / 4)
    countries = sorted({d["country"] for _, d in graph.nodes(data=True) if d["side"] != "Vietnam"})
    palette = dict(zip(countries, itertools.cycle(COUNTRY_COLOURS)))
    height = max(3.0, 0.55 * max(1, len(layout)) / 2 + 1.5)
    fig, ax = plt.subplots(figsize=(8, height))
    for u, v, d in sorted(graph.edges(data=True)):
        (x0, y0), (x1, y1) = sorted([layout[u], layout[v]])  # Vietnamese end first
        ax.plot(
            [x0, x1],
            [y0, y1],
            color="#7f7f7f",
            lw=1 + 1.5 * d["weight"] / line_scale,
            ls="--" if d["online"] else "-",
            zorder=1,
            solid_capstyle="round",
        )
        ax.annotate(
            f"{d['weight']}",
            (x0 + 0.75 * (x1 - x0), y0 + 0.75 * (y1 - y0)),  # near the foreign end, where lines fan out
            ha="center",
            va="center",
            fontsize=7.5,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#bbbbbb", "lw": 0.5},
            zorder=3,
        )
    for n, d in sorted(graph.nodes(data=True)):
        x, y = layout[n]
        vn = d["side"] == "Vietnam"
        size = 60 + 40 * graph.degree(n, weight="weight") / node_scale
        ax.scatter([x], [y], s=size, color=VIETNAM_COLOUR if vn else palette[d["country"]], zorder=2, edgecolor="white")
        ax.annotate(
            f"{d['name']}\n{d['office']}" + ("" if vn else f", {d['country']}"),
            (x, y),
            xytext=((-1 if vn else 1) * (np.sqrt(size) / 2 + 5), 0),
            textcoords="offset points",
            ha="right" if vn else "left",
            va="center",
            fontsize=7.5,
        )
    if not len(graph):
        ax.text(0.5, 0.5, "no meeting sentences found", ha="center", va="center", transform=ax.transAxes)
    top_y = max([y for _, y in layout.values()], default=0)
    ax.set_xlim(-1.1, 2.1)
    ax.set_ylim(min([y for _, y in layout.values()], default=0) - 0.6, top_y + 1.0)
    ax.axis("off")
    ax.text(
        -0.04,
        top_y + 0.75,
        "Vietnamese officials",
        ha="right",
        va="center",
        fontsize=8.5,
        fontweight="bold",
        color=VIETNAM_COLOUR,
    )
    ax.text(
        1.04,
        top_y + 0.75,
        "foreign officials",
        ha="left",
        va="center",
        fontsize=8.5,
        fontweight="bold",
        color=FOREIGN_COLOUR,
    )
    ax.set_title(
        f"Who met whom: {len(edges):,} pairs in {pairs['story_id'].nunique():,} stories "
        "(line label: stories; dashed: online)"
        + (f"\ndrawn: {cut}; dashed: online in at least one story" if cut else ""),
    )
    return fig, edges
