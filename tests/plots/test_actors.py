"""The figures of notebook 03 (defcoop.plots.actors) on the seeds, and the count heatmap's options.

Each figure function returns the figure and the table behind it; these tests check that what is
drawn (bars, cells, lines, dots, labels) is that table, on the five seed articles.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colorbar import Colorbar

from defcoop.analysis import actors as actors_stats
from defcoop.plots import actors_by_year, count_heatmap, meeting_network, top_actors, use_style


@pytest.fixture(scope="module")
def mentions(seeds) -> pd.DataFrame:
    return actors_stats.actor_mentions(seeds)


@pytest.fixture(scope="module")
def by_actor(seeds, mentions) -> pd.DataFrame:
    return actors_stats.actor_frequencies(seeds, by="actor", mentions=mentions)


@pytest.fixture(scope="module")
def by_year(seeds, mentions) -> pd.DataFrame:
    """The table of the notebook's "Over the years" cell."""
    return pd.concat(
        [
            actors_stats.actor_frequencies(seeds, by=["year", dim], mentions=mentions)
            .rename(columns={dim: "group"})
            .assign(dimension=dim)[["dimension", "group", "year", "articles", "mentions", "actors"]]
            for dim in ("country", "office")
        ],
        ignore_index=True,
    )


@pytest.fixture(scope="module")
def meetings(seeds, mentions):
    pairs = actors_stats.meeting_pairs(seeds, evidence="article")
    met = pairs[pairs["evidence"] == "meeting sentence"]
    return met, actors_stats.meeting_edges(met)


@pytest.fixture(autouse=True)
def _style_and_close():
    use_style()
    yield
    plt.close("all")


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


# ---------------------------------------------------------------------------------------------
# 03-top-actors
# ---------------------------------------------------------------------------------------------


def test_top_actors_draws_one_bar_per_official_of_the_table(by_actor, mentions):
    fig, table = top_actors(by_actor, mentions=mentions, top_n=4)
    pd.testing.assert_frame_equal(table, by_actor.head(4))
    ax1, ax2 = fig.axes
    for ax, col in ((ax1, "articles"), (ax2, "mentions")):
        assert [p.get_width() for p in ax.patches] == table[col].iloc[::-1].tolist()  # first row on top
        assert _texts(ax) == [str(v) for v in table[col].iloc[::-1]]  # one count per bar
    assert [t.get_text() for t in ax1.get_yticklabels()] == [
        f"{a} ({c})" for a, c in zip(table["actor"].iloc[::-1], table["country"].iloc[::-1], strict=True)
    ]
    vn = (table["country"].iloc[::-1] == "Vietnam").tolist()
    red = [p.get_facecolor()[:3] == matplotlib.colors.to_rgb("#c0392b") for p in ax1.patches]
    assert red == vn and any(vn) and not all(vn)
    assert [t.get_text() for t in ax1.get_legend().get_texts()] == ["Vietnamese official", "foreign official"]
    assert fig.get_suptitle().startswith(f"Officials named most often: top 4 of {len(by_actor)}, in 5 articles")
    assert fig.get_suptitle().endswith("(syndicated copies counted once)")
    assert len(fig.texts) == 1  # the title only: every seed official is in the registry


def test_top_actors_marks_officials_outside_the_registry(by_actor, mentions):
    marked = by_actor.assign(registered=[i != 1 for i in range(len(by_actor))])
    fig, table = top_actors(marked, mentions=mentions, top_n=3, include_copies=True)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert [lab.endswith(" †") for lab in labels] == [False, True, False]  # row 1, drawn in the middle
    assert [t.get_text() for t in fig.texts][1:] == ["† not in the registry: found through a title"]
    assert fig.get_suptitle().endswith("(copies included)")
    assert len(table) == 3


# ---------------------------------------------------------------------------------------------
# 03-actors-by-year
# ---------------------------------------------------------------------------------------------


def _cells(ax) -> dict[tuple[str, str], str]:
    """{(row label, column label): text} of the cells written in a heatmap."""
    rows = [t.get_text() for t in ax.get_yticklabels()]
    cols = [t.get_text() for t in ax.get_xticklabels()]
    return {(rows[round(t.xy[1])], cols[round(t.xy[0])]): t.get_text() for t in ax.texts}


def test_actors_by_year_writes_every_row_of_the_table_in_its_cell(by_year, mentions):
    fig, table = actors_by_year(by_year, mentions=mentions)
    assert table is by_year
    assert len(fig.axes) == 2  # no colour bars: the counts are written
    years = [str(y) for y in range(2018, 2025)]  # every year of the span, 2019 and 2021-2023 empty
    for ax, dim in zip(fig.axes, ("country", "office"), strict=True):
        assert [t.get_text() for t in ax.get_xticklabels()] == years
        rows = by_year[by_year["dimension"] == dim]
        expected = {(r.group, r.year): f"{r.mentions} ({r.articles})" for r in rows.itertuples()}
        assert _cells(ax) == expected  # one text per non-empty cell, none for empty ones
        totals = rows.groupby("group")["mentions"].sum()
        drawn = [t.get_text() for t in ax.get_yticklabels()]
        assert sorted(drawn) == sorted(totals.index)
        assert totals[drawn].is_monotonic_decreasing  # most mentions first
        assert ax.images[0].get_clim() == (0, 1.25 * ax.images[0].get_array().max())
    assert fig.axes[0].get_title(loc="left") == "by country"
    assert fig.axes[1].get_title(loc="left") == "by office held on the article's date"
    assert "cell: mentions (articles)" in fig.get_suptitle()
    assert f"{len(mentions)} mentions in 5 articles" in fig.get_suptitle()


def test_actors_by_year_keeps_the_top_groups_and_gives_colour_bars_when_cells_are_many(by_year, mentions):
    fig, _ = actors_by_year(by_year, mentions=mentions, top_n=2, max_labels=13)  # 2 rows x 7 years > 13
    heatmaps = [ax for ax in fig.axes if ax.images]
    assert len(heatmaps) == 2 and len(fig.axes) == 4  # a colour bar beside each panel
    for ax in heatmaps:
        assert len(ax.get_yticklabels()) == 2 and not ax.texts
        assert "(top 2 of " in ax.get_title(loc="left")
    assert "colour: mentions" in fig.get_suptitle()
    fig, _ = actors_by_year(by_year, mentions=mentions, top_n=2, max_labels=14)  # 2 x 7 = 14 fits
    assert len(fig.axes) == 2 and all(ax.texts for ax in fig.axes)


def test_actors_by_year_panels_decide_together_whether_counts_are_written(by_year, mentions):
    rows = by_year.groupby("dimension")["group"].nunique()
    assert rows["country"] < rows["office"]
    fig, _ = actors_by_year(by_year, mentions=mentions, max_labels=7 * rows["country"])  # only the country panel fits
    assert len(fig.axes) == 4 and not any(ax.texts for ax in fig.axes)


# ---------------------------------------------------------------------------------------------
# 03-meeting-network
# ---------------------------------------------------------------------------------------------


def test_meeting_network_draws_the_graph_it_is_given(meetings):
    met, edges = meetings
    graph = actors_stats.meeting_graph(edges)
    fig, table = meeting_network(edges, graph, actors_stats.meeting_layout(graph), pairs=met)
    assert table is edges
    (ax,) = fig.axes
    assert graph.number_of_edges() == len(ax.lines) == 6
    dots = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert graph.number_of_nodes() == len(dots) == 10
    degree = {n: graph.degree(n, weight="weight") for n in graph}
    assert [c.get_sizes()[0] for c in dots] == [
        60 + 40 * degree[n] for n in sorted(graph)
    ]  # area grows with stories (no seed official has over 4)
    texts = _texts(ax)
    assert len(texts) == 6 + 10 + 2  # a weight per line, a name per official, the two column headings
    assert sorted(t for t in texts if t.isdigit()) == sorted(str(w) for _, _, w in graph.edges(data="weight"))
    names = [d["name"] for _, d in graph.nodes(data=True)]
    assert sorted(t.split("\n")[0] for t in texts if "\n" in t) == sorted(names)
    dashed = [ln.get_linestyle() == "--" for ln in ax.lines]
    assert sum(dashed) == sum(online for _, _, online in graph.edges(data="online")) == 1
    assert max(ln.get_linewidth() for ln in ax.lines) == 4  # the heaviest line (2 stories)
    assert ax.get_title(loc="left") == "Who met whom: 6 pairs in 5 stories (line label: stories; dashed: online)"


def test_meeting_network_draws_only_the_kept_pairs_and_says_what_was_cut(meetings):
    met, edges = meetings
    drawn, cut = actors_stats.strongest_edges(edges, max_nodes=4, max_edges=4)
    assert cut
    graph = actors_stats.meeting_graph(drawn)
    fig, table = meeting_network(edges, graph, actors_stats.meeting_layout(graph), pairs=met, cut=cut)
    (ax,) = fig.axes
    assert len(ax.lines) == len(drawn) < len(edges)
    assert len(table) == len(edges)  # the CSV keeps every pair
    assert ax.get_title(loc="left").endswith(f"\ndrawn: {cut}; dashed: online in at least one story")


def test_meeting_network_says_when_there_is_nothing_to_draw(meetings):
    met, edges = meetings
    empty = edges.iloc[:0]
    graph = actors_stats.meeting_graph(empty)
    fig, _ = meeting_network(empty, graph, actors_stats.meeting_layout(graph), pairs=met.iloc[:0])
    (ax,) = fig.axes
    assert not ax.lines and "no meeting sentences found" in _texts(ax)
    assert ax.get_title(loc="left").startswith("Who met whom: 0 pairs in 0 stories")


# ---------------------------------------------------------------------------------------------
# count_heatmap's options
# ---------------------------------------------------------------------------------------------

WIDE = pd.DataFrame({"2018": [2, 0, 5], "2019": [0, 1, 3]}, index=["a", "b", "c"])


def _colorbars(fig) -> int:
    return sum(isinstance(getattr(ax, "_colorbar", None), Colorbar) for ax in fig.axes)


def test_count_heatmap_defaults_write_every_count_on_a_scale_to_the_largest():
    _, ax = plt.subplots()
    assert count_heatmap(ax, WIDE) is True
    assert _texts(ax) == ["2", "0", "0", "1", "5", "3"]
    assert [t.get_color() for t in ax.texts] == ["black"] * 4 + ["white", "black"]  # 5 > 0.6 x 5 only
    assert ax.images[0].get_clim() == (0, 5)
    assert ax.xaxis.get_minorticklocs().size == 0
    assert ax.get_xticklabels()[0].get_rotation() == 0


def test_count_heatmap_options_change_what_is_drawn():
    _, ax = plt.subplots()
    brackets = WIDE.astype(str) + " (" + (WIDE + 10).astype(str) + ")"
    count_heatmap(
        ax,
        WIDE,
        cell_text=brackets,
        skip_zeros=True,
        vmax=8,
        fontsize=6,
        text_colour="#222222",
        xrotation=90,
        cell_borders=True,
    )
    assert _texts(ax) == ["2 (12)", "1 (11)", "5 (15)", "3 (13)"]  # zeros left blank
    assert [t.get_color() for t in ax.texts] == ["#222222"] * 2 + ["white", "#222222"]
    assert {t.get_fontsize() for t in ax.texts} == {6}
    assert ax.images[0].get_clim() == (0, 8)
    assert {t.get_rotation() for t in ax.get_xticklabels()} == {90}
    assert ax.xaxis.get_minorticklocs().tolist() == [-0.5, 0.5, 1.5]  # white lines between the cells
    assert ax.yaxis.get_minorticklocs().tolist() == [-0.5, 0.5, 1.5, 2.5]


def test_count_heatmap_labelled_overrides_the_cell_limit():
    fig, ax = plt.subplots()
    assert count_heatmap(ax, WIDE, labelled=False, label="mentions") is False
    assert not ax.texts and _colorbars(fig) == 1 and fig.axes[1].get_ylabel() == "mentions"
    big = pd.DataFrame(np.ones((20, 10), dtype=int))
    fig, ax = plt.subplots()
    assert count_heatmap(ax, big, max_labels=10, labelled=True) is True
    assert len(ax.texts) == 200 and _colorbars(fig) == 0
