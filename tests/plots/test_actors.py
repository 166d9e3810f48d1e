"""The figures of notebook 03 (defcoop.plots.actors) on the seeds, and the count heatmap's options.

Each figure function returns the figure and the table behind it; these tests check that what is
drawn (bars, cells, lines, dots, labels) is that table, on the five seed articles, and that at
the scale of a large corpus (hundreds of officials, countries and pairs, built here) every figure
stays within the print width, says how much it leaves out, writes placeholders as what they mean
and passes :func:`defcoop.plots.layout.layout_problems`.
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
from defcoop.annotate.offices import NO_OFFICE, UNDATED, UNKNOWN, UNREGISTERED_TITLE
from defcoop.plots import actors_by_year, count_heatmap, meeting_network, palette, top_actors, use_style
from defcoop.plots.layout import PRINT_WIDTH_IN, layout_problems

PLACEHOLDERS = (NO_OFFICE, UNDATED, UNKNOWN, UNREGISTERED_TITLE)


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


def _all_text(fig) -> list[str]:
    """Every text of the figure as drawn: titles, notes, ticks, legends, annotations."""
    fig.draw_without_rendering()
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text()]


def _says_a_placeholder(fig) -> list[str]:
    """The texts that write a placeholder value raw (``(undated article)``, ``unknown`` ...)."""
    return [t for t in _all_text(fig) if any(p == t or p in t.split("\n") or f"({p})" in t for p in PLACEHOLDERS)]


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
    colours = [matplotlib.colors.to_hex(p.get_facecolor()).upper() for p in ax1.patches]
    assert colours == [palette.VIETNAM if v else palette.FOREIGN for v in vn] and any(vn) and not all(vn)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Vietnamese official", "foreign official"]
    assert fig.get_suptitle() == f"Officials named most often: top 4 of {len(by_actor)}, in 5 articles"
    more = len(by_actor) - 4
    assert fig.get_supxlabel() == (
        f"{more} more officials, named less often, are not drawn.\nSyndicated copies are counted once."
    )  # no † line: every seed official is in the registry
    assert fig.get_size_inches()[0] <= PRINT_WIDTH_IN and layout_problems(fig) == []


def test_top_actors_marks_officials_outside_the_registry(by_actor, mentions):
    marked = by_actor.assign(registered=[i != 1 for i in range(len(by_actor))])
    fig, table = top_actors(marked, mentions=mentions, top_n=3, include_copies=True)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert [lab.endswith(" †") for lab in labels] == [False, True, False]  # row 1, drawn in the middle
    assert fig.get_supxlabel().splitlines()[-1] == "† not in the registry: found through a title."
    assert "Syndicated copies included." in fig.get_supxlabel()
    assert len(table) == 3


def _many_officials(n: int) -> pd.DataFrame:
    """``n`` officials ranked by articles, a fifth of no known country, long names, some unregistered."""
    rng = np.random.RandomState(0)
    articles = np.sort(rng.randint(1, 2000, n))[::-1]
    return pd.DataFrame(
        {
            "actor": [f"Officialname Withaverylongfamilyname {i:03d}" for i in range(n)],
            "country": [["Vietnam", "Belarus", UNKNOWN, "Russia", "Vietnam"][i % 5] for i in range(n)],
            "registered": [i % 7 != 3 for i in range(n)],
            "articles": articles,
            "mentions": articles * rng.randint(1, 9, n),
        }
    )


def test_top_actors_at_scale_keeps_the_top_n_says_how_many_more_and_names_no_placeholder():
    by_actor = _many_officials(300)
    mentions = pd.DataFrame({"doc_id": [f"d{i}" for i in range(9000)]})
    fig, table = top_actors(by_actor, mentions=mentions, top_n=15)
    assert len(table) == 15 and len(fig.axes[0].patches) == 15
    assert fig.get_supxlabel().startswith("285 more officials, named less often, are not drawn.")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert any(lab.endswith("(country not known)") for lab in labels) and not _says_a_placeholder(fig)
    grey = [matplotlib.colors.to_hex(p.get_facecolor()).upper() == palette.OTHER for p in fig.axes[0].patches]
    assert grey == [lab.startswith("Officialname") and "(country not known)" in lab for lab in labels]
    assert [t.get_text() for t in fig.legends[0].get_texts()][-1] == "country not known"  # every colour in the legend
    assert fig.get_size_inches()[0] <= PRINT_WIDTH_IN
    assert layout_problems(fig) == []


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
        norm = ax.images[0].norm
        assert isinstance(norm, matplotlib.colors.LogNorm)  # the default scale
        assert (norm.vmin, norm.vmax) == (1, ax.images[0].get_array().max())
    assert fig.axes[0].get_title(loc="left") == "by country"
    assert fig.axes[1].get_title(loc="left") == "by office held on the article's date"
    assert fig.get_supxlabel() == "Cell: mentions (articles); colour: mentions, on a log scale; blank: none."
    assert fig.get_suptitle() == f"Mentions of officials per year: {len(mentions)} mentions in 5 articles"
    assert fig.get_size_inches()[0] <= PRINT_WIDTH_IN and layout_problems(fig) == []


def test_actors_by_year_keeps_the_top_groups_and_gives_colour_bars_when_cells_are_many(by_year, mentions):
    fig, _ = actors_by_year(by_year, mentions=mentions, top_n=2, max_labels=13)  # 2 rows x 7 years > 13
    heatmaps = [ax for ax in fig.axes if ax.images]
    assert len(heatmaps) == 2 and len(fig.axes) == 4  # a colour bar beside each panel
    for ax in heatmaps:
        assert len(ax.get_yticklabels()) == 2 and not ax.texts
    assert fig.axes[0].get_title(loc="left") == "by country: top 2 of 3 by mentions (1 more country in the CSV)"
    assert fig.axes[1].get_title(loc="left").endswith("by mentions (3 more offices in the CSV)")
    assert [ax.get_ylabel() for ax in fig.axes if not ax.images] == ["mentions (log scale)"] * 2
    assert fig.get_supxlabel().startswith("Colour: mentions, on a log scale")
    fig, _ = actors_by_year(by_year, mentions=mentions, top_n=2, max_labels=14)  # 2 x 7 = 14 fits
    assert len(fig.axes) == 2 and all(ax.texts for ax in fig.axes)


def _big_by_year() -> pd.DataFrame:
    """A real-corpus-like table: 41 countries and an unknown one, 17 years and undated, the undated
    Vietnamese cell 50 times any other, offices with every placeholder."""
    rng = np.random.RandomState(0)
    years = [str(y) for y in range(2010, 2027)]
    rows = []
    countries = ["Vietnam", UNKNOWN, *[f"Country{i:02d}" for i in range(40)]]
    for c in countries:
        for y in [*years, "undated"]:
            if rng.rand() < 0.5:
                n = int(rng.randint(1, 20))
                rows.append(("country", c, y, max(1, n // 3), n))
    rows += [("country", "Vietnam", "undated", 200, 5000), ("country", UNKNOWN, "2019", 30, 300)]
    for o in ["defence minister", "deputy defence minister", "head of general political department", NO_OFFICE]:
        for y in years:
            if rng.rand() < 0.6:
                n = int(rng.randint(1, 30))
                rows.append(("office", o, y, max(1, n // 3), n))
    rows += [("office", UNDATED, "undated", 200, 5200), ("office", UNREGISTERED_TITLE, "undated", 10, 41)]
    rows += [("office", UNREGISTERED_TITLE, "2017", 4, 12), ("office", "ambassador", "undated", 3, 11)]
    return pd.DataFrame(rows, columns=["dimension", "group", "year", "articles", "mentions"])


def test_actors_by_year_at_scale_shows_the_small_cells_and_keeps_undated_articles_out_of_the_offices():
    by_year = _big_by_year()
    mentions = pd.DataFrame({"doc_id": [f"d{i}" for i in range(155)]})
    fig, _ = actors_by_year(by_year, mentions=mentions, top_n=15)
    country, office = (ax for ax in fig.axes if ax.images)  # (then their colour bars)
    assert fig.get_size_inches()[0] <= PRINT_WIDTH_IN
    assert layout_problems(fig) == []
    assert country.get_title(loc="left") == "by country: top 15 of 42 by mentions (27 more countries in the CSV)"
    # the dominating cell does not wash the others out: a typical cell is well into the colour scale
    image = country.images[0]
    cells = image.get_array().compressed()
    assert cells.max() == 5000 and float(image.norm(np.median(cells))) > 0.25
    assert float(matplotlib.colors.Normalize(0, 5000)(np.median(cells))) < 0.01  # a linear scale would
    # placeholders: said as what they are, in grey, after the real groups; no office for undated articles
    countries = [t.get_text() for t in country.get_yticklabels()]
    offices = [t.get_text() for t in office.get_yticklabels()]
    assert countries[-1] == "(country not known)" and country.get_yticklabels()[-1].get_color() != "black"
    assert "(office not placed: article undated)" not in offices
    assert sorted(offices[-2:]) == ["(no office on record for the date)", "(unregistered: title names no office)"]
    assert not _says_a_placeholder(fig)
    assert office.images[0].get_array()[:, -1].mask.all()  # the undated column of the office panel is empty
    assert [t.get_text() for t in office.get_xticklabels()][-1] == "undated"
    left_out = by_year.loc[(by_year["dimension"] == "office") & (by_year["year"] == "undated"), "mentions"].sum()
    note = " ".join(fig.get_supxlabel().split())  # (wrapped to the canvas)
    assert f"the {left_out:,} mentions in undated articles (hatched) are left out" in note
    assert "(country not known): the official's nationality is not recorded." in note


def test_actors_by_year_panels_decide_together_whether_counts_are_written(by_year, mentions):
    rows = by_year.groupby("dimension")["group"].nunique()
    assert rows["country"] < rows["office"]
    fig, _ = actors_by_year(by_year, mentions=mentions, max_labels=7 * rows["country"])  # only the country panel fits
    assert len(fig.axes) == 4 and not any(ax.texts for ax in fig.axes)


# ---------------------------------------------------------------------------------------------
# 03-meeting-network
# ---------------------------------------------------------------------------------------------


def _title_lines(fig) -> list[str]:
    """The figure-level texts of the network (title, subtitle, note), whitespace squashed."""
    return [" ".join(t.get_text().split()) for t in fig.texts]


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
    colours = [matplotlib.colors.to_hex(c.get_facecolor()[0]).upper() for c in dots]
    sides = [graph.nodes[n]["side"] for n in sorted(graph)]
    assert colours == [palette.VIETNAM if s == "Vietnam" else palette.FOREIGN for s in sides]
    texts = _texts(ax)
    heavy = sorted(str(w) for _, _, w in graph.edges(data="weight") if w > 1)
    assert heavy == ["2"]
    assert len(texts) == 10 + 2 + len(heavy)  # a name per official, the two column headings, a count per heavy line
    assert sorted(t for t in texts if t.isdigit()) == heavy  # a line without a number is one story
    names = [d["name"] for _, d in graph.nodes(data=True)]
    assert sorted(t.split("\n")[0].split(" (")[0] for t in texts if "\n" in t) == sorted(names)
    dashed = [ln.get_linestyle() == "--" for ln in ax.lines]
    assert sum(dashed) == sum(online for _, _, online in graph.edges(data="online")) == 1
    assert max(ln.get_linewidth() for ln in ax.lines) == 4  # the heaviest line (2 stories)
    title, note = _title_lines(fig)  # no subtitle: nothing is left out
    assert title == "Who met whom: 6 pairs of officials in 5 stories"
    assert "(no number: one story)" in note and "dashed: online in at least one story" in note
    assert fig.get_size_inches()[0] <= PRINT_WIDTH_IN and layout_problems(fig) == []


def test_meeting_network_draws_only_the_kept_pairs_and_says_what_was_cut(meetings):
    met, edges = meetings
    drawn, cut = actors_stats.strongest_edges(edges, max_nodes=4, max_edges=4)
    assert cut
    graph = actors_stats.meeting_graph(drawn)
    fig, table = meeting_network(edges, graph, actors_stats.meeting_layout(graph), pairs=met, cut=cut)
    (ax,) = fig.axes
    assert len(ax.lines) == len(drawn) < len(edges)
    assert len(table) == len(edges)  # the CSV keeps every pair
    more = len(edges) - len(drawn)
    assert _title_lines(fig)[1].startswith(f"Drawn: {cut}; {more} more pair")
    assert _title_lines(fig)[1].endswith("not drawn (all in the CSV).")


def test_meeting_network_says_when_there_is_nothing_to_draw(meetings):
    met, edges = meetings
    empty = edges.iloc[:0]
    graph = actors_stats.meeting_graph(empty)
    fig, _ = meeting_network(empty, graph, actors_stats.meeting_layout(graph), pairs=met.iloc[:0])
    (ax,) = fig.axes
    assert not ax.lines and "no meeting sentences found" in _texts(ax)
    assert _title_lines(fig)[0] == "Who met whom: 0 pairs of officials in 0 stories"
    assert layout_problems(fig) == []


def _many_pairs(n: int) -> pd.DataFrame:
    """``n`` meeting pairs among 40 Vietnamese and 200 foreign officials, weights 1-25, a third of the
    offices placeholders, long names; the columns of :func:`defcoop.analysis.actors.meeting_edges`."""
    rng = np.random.RandomState(0)
    offices = ["defence minister", UNDATED, "deputy prime minister", NO_OFFICE, UNREGISTERED_TITLE, "president"]
    seen, rows = set(), []
    while len(rows) < n:
        v, f = int(rng.randint(40)), int(rng.randint(200))
        if (v, f) in seen:
            continue
        seen.add((v, f))
        stories = int(rng.choice([1, 1, 1, 2, 3, 19, 20, 21, 25]))
        rows.append(
            {
                "vn_actor_id": f"vn-{v:02d}",
                "vn_actor": f"Nguyễn Văn Người Thứ {v:02d}",
                "vn_office": offices[v % len(offices)],
                "foreign_actor_id": f"f-{f:03d}",
                "foreign_actor": f"Foreignofficial Longname {f:03d}",
                "foreign_country": ["Belarus", "Russia", "United Kingdom", "Papua New Guinea"][f % 4],
                "foreign_office": offices[f % len(offices)],
                "stories": stories,
                "articles": stories,
                "online": bool(rng.rand() < 0.2),
                "last_date": f"20{10 + v % 15}-01-01",
            }
        )
    edges = pd.DataFrame(rows)
    return edges.sort_values(
        ["stories", "articles", "vn_actor", "foreign_actor"], ascending=[False, False, True, True], ignore_index=True
    )


def test_meeting_network_at_300_pairs_draws_the_strongest_says_how_many_more_and_overlaps_nothing():
    edges = _many_pairs(300)
    pairs = pd.DataFrame({"story_id": [f"s{i}" for i in range(int(edges["stories"].sum()))]})
    drawn, cut = actors_stats.strongest_edges(edges, max_nodes=30, max_edges=30)
    graph = actors_stats.meeting_graph(drawn)
    fig, table = meeting_network(edges, graph, actors_stats.meeting_layout(graph), pairs=pairs, cut=cut)
    (ax,) = fig.axes
    assert len(table) == 300 and len(ax.lines) == len(drawn) <= 30 and graph.number_of_nodes() <= 30
    title, subtitle, _ = _title_lines(fig)
    assert title == f"Who met whom: 300 pairs of officials in {len(pairs):,} stories"
    assert f"; {300 - len(drawn)} more pairs and " in subtitle and "more officials not drawn" in subtitle
    counts = [t for t in _texts(ax) if t.isdigit()]
    assert sorted(counts) == sorted(str(w) for _, _, w in graph.edges(data="weight") if w > 1) and counts
    assert not _says_a_placeholder(fig)  # offices written as what they mean
    assert any("(office not placed: article undated)" in t for t in _texts(ax))
    assert fig.get_size_inches()[0] <= PRINT_WIDTH_IN
    assert layout_problems(fig) == []  # the story counts no longer pile up at one x


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


def test_count_heatmap_log_and_sqrt_scales_colour_small_counts_and_leave_empty_cells_blank():
    skewed = pd.DataFrame({"2018": [1, 0, 2], "2019": [3, 5000, 0]}, index=["a", "b", "c"])
    fig, ax = plt.subplots()
    assert count_heatmap(ax, skewed, scale="log", labelled=False, label="mentions (log scale)") is False
    image = ax.images[0]
    assert isinstance(image.norm, matplotlib.colors.LogNorm) and image.get_clim() == (1, 5000)
    assert image.get_array().mask.tolist() == [[False, False], [True, False], [False, True]]  # zeros: blank
    lightest = image.cmap(0.0)  # the colour of a single mention: visibly not white
    assert min(lightest[:3]) < 0.85
    assert fig.axes[1].get_ylabel() == "mentions (log scale)"
    _, ax = plt.subplots()
    count_heatmap(ax, skewed, scale="sqrt")
    assert isinstance(ax.images[0].norm, matplotlib.colors.PowerNorm) and ax.images[0].norm.gamma == 0.5
    # white text past 60% of the scale: 3 is dark on a log scale to 5, not on a linear one
    _, ax = plt.subplots()
    count_heatmap(ax, pd.DataFrame({"x": [1, 3, 5]}), scale="log")
    assert [t.get_color() for t in ax.texts] == ["black", "white", "white"]
    _, ax = plt.subplots()
    count_heatmap(ax, pd.DataFrame({"x": [1, 3, 5]}))
    assert [t.get_color() for t in ax.texts] == ["black", "black", "white"]
    assert ax.images[0].cmap.name == palette.SEQUENTIAL  # the default colour map, unchanged
    with pytest.raises(ValueError, match="scale must be"):
        count_heatmap(ax, WIDE, scale="cubic")


def test_actors_by_year_says_when_the_years_are_too_few_for_a_trend():
    one = pd.DataFrame(
        {
            "dimension": ["country", "office"],
            "group": ["Belarus", "minister"],
            "year": "2024",
            "articles": 1,
            "mentions": 3,
        }
    )
    fig, _ = actors_by_year(one, mentions=pd.DataFrame({"doc_id": ["d1"]}))
    assert fig.get_suptitle() == "Mentions of officials per year: 1 mention in 1 article"
    assert "Articles in 1 year only: a map of the sample, not a trend." in " ".join(fig.get_supxlabel().split())
    fig, _ = actors_by_year(one.assign(year=["2018", "2024"]), mentions=pd.DataFrame({"doc_id": ["d1", "d2"]}))
    assert "Articles in 2 years only" in " ".join(fig.get_supxlabel().split())
    fig, _ = actors_by_year(
        pd.concat([one.assign(year=y) for y in ("2018", "2020", "2024")]), mentions=pd.DataFrame({"doc_id": ["d"]})
    )
    assert "not a trend" not in fig.get_supxlabel()


def test_meeting_network_keeps_its_measured_layout_when_shown_in_jupyter(meetings):
    import io

    met, edges = meetings
    graph = actors_stats.meeting_graph(edges)
    fig, _ = meeting_network(edges, graph, actors_stats.meeting_layout(graph), pairs=met)
    (ax,) = fig.axes
    before = ax.get_position().bounds
    fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")  # as the inline backend shows a figure
    fig.savefig(io.BytesIO(), format="png")
    assert not isinstance(fig.get_layout_engine(), matplotlib.layout_engine.ConstrainedLayoutEngine)
    assert ax.get_position().bounds == before  # the counts placed by measuring stay where they were put


def test_actors_by_year_of_a_corpus_with_no_dated_article_draws_and_says_so(by_year, mentions):
    from defcoop.plots.layout import layout_problems

    undated = (
        by_year.assign(year="undated")
        .groupby(["dimension", "group", "year"], as_index=False)[["mentions", "articles"]]
        .sum()
    )
    fig, table = actors_by_year(undated, mentions=mentions)
    assert table is undated
    assert layout_problems(fig) == []
