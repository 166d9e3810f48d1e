"""Figures of notebook 03: officials and meetings.  One function per figure; each returns the figure and
the tidy table it plots, for :func:`defcoop.plots.save_figure`.

Every figure is at most :data:`~defcoop.plots.layout.PRINT_WIDTH_IN` wide and bounded at any
corpus size: the officials, countries and offices with most mentions, the meeting pairs with
most stories, each figure saying how many more there are.  Values that stand where a country or
an office should be (the country of an official is not known, an office cannot be placed for an
undated article) are written as what they are (:data:`PLACEHOLDER_LABELS`), in grey, after the
real ones.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.layout_engine import PlaceHolderLayoutEngine
from matplotlib.patches import Rectangle

from defcoop.annotate.offices import NO_OFFICE, UNDATED, UNKNOWN, UNREGISTERED_TITLE
from defcoop.plots.heatmap import Scale, count_heatmap
from defcoop.plots.layout import PRINT_WIDTH_IN
from defcoop.plots.palette import FOREIGN, OTHER, VIETNAM
from defcoop.plots.style import MAX_CELL_LABELS

__all__: list[str] = ["PLACEHOLDER_LABELS", "actors_by_year", "display_label", "meeting_network", "top_actors"]

#: How a value that is not a country or an office is written in a figure: as what it says.
PLACEHOLDER_LABELS = {
    UNKNOWN: "(country not known)",
    UNDATED: "(office not placed: article undated)",
    NO_OFFICE: "(no office on record for the date)",
    UNREGISTERED_TITLE: "(unregistered: title names no office)",
}

#: What each placeholder means, for the figures' notes.
_PLACEHOLDER_NOTES = {
    UNKNOWN: "(country not known): the official's nationality is not recorded",
    NO_OFFICE: "(no office on record for the date): a registered official with no term covering it",
    UNREGISTERED_TITLE: "(unregistered: title names no office): an official outside the registry, titled by rank",
}

#: Grey of notes and of the labels of placeholder rows.
_NOTE_GREY = "#555555"
_WRAP = 125  # characters of 7-point text in a line of the full print width


def display_label(value: str) -> str:
    """The label a figure writes for a country or an office: itself, or what a placeholder means.

    >>> display_label("defence minister"), display_label("(undated article)"), display_label("unknown")
    ('defence minister', '(office not placed: article undated)', '(country not known)')
    """
    return PLACEHOLDER_LABELS.get(value, value)


def _note(lines: list[str], width: int = _WRAP) -> str:
    return "\n".join(textwrap.fill(line, width) for line in lines if line)


def _n(count: int, noun: str, plural: str = "") -> str:
    """``1 article``, ``2 articles``, ``1,861 pairs``.

    >>> _n(1, "article"), _n(1861, "pair"), _n(2, "country", "countries")
    ('1 article', '1,861 pairs', '2 countries')
    """
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def _side_colour(country: str) -> str:
    return VIETNAM if country == "Vietnam" else OTHER if country == UNKNOWN else FOREIGN


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
    officials are :data:`~defcoop.plots.palette.VIETNAM`, foreign officials
    :data:`~defcoop.plots.palette.FOREIGN`, officials of no known country grey; an official
    outside the registry is marked †.  A note under the panels says how many officials are not
    drawn, and how copies were counted.

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
        Whether syndicated copies were counted (said in the note).

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
    >>> print(fig.get_supxlabel())
    1 more official, named less often, is not drawn. Syndicated
    copies are counted once.
    >>> plt.close(fig)
    """
    table = by_actor.head(top_n)
    top = table.iloc[::-1]
    labels = [
        f"{a} ({display_label(c).strip('()')})" + ("" if r else " †")
        for a, c, r in zip(top["actor"], top["country"], top["registered"], strict=True)
    ]
    colours = [_side_colour(c) for c in top["country"]]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(PRINT_WIDTH_IN, 0.26 * len(top) + 1.7), sharey=True)
    for ax, col, xlabel in (
        (ax1, "articles", "articles naming the official"),
        (ax2, "mentions", "mentions (all references)"),
    ):
        ax.barh(labels, top[col], color=colours)
        for y, v in enumerate(top[col]):
            ax.annotate(f"{v:,}", (v, y), xytext=(2, 0), textcoords="offset points", va="center", fontsize=7)
        ax.set_xlabel(xlabel, fontsize=8)
        ax.set_xlim(0, max(1, top[col].max()) * 1.18)
        ax.xaxis.get_major_locator().set_params(integer=True)
    sides = [(VIETNAM, "Vietnamese official"), (FOREIGN, "foreign official")]
    if (top["country"] == UNKNOWN).any():
        sides.append((OTHER, "country not known"))
    fig.legend(
        handles=[plt.Rectangle((0, 0), 1, 1, color=c) for c, _ in sides],
        labels=[s for _, s in sides],
        loc="outside lower right",
        ncols=len(sides),
        fontsize=7.5,
    )
    n_articles = mentions["doc_id"].nunique()
    fig.suptitle(
        f"Officials named most often: top {len(top)} of {len(by_actor):,}, in {_n(n_articles, 'article')}",
        x=0.01,
        ha="left",
        fontweight="bold",
        fontsize=10,
    )
    more = len(by_actor) - len(top)
    fig.supxlabel(
        _note(
            [
                (
                    f"{more:,} more official{'s' if more != 1 else ''}, named less often, "
                    f"{'are' if more != 1 else 'is'} not drawn. "
                    if more
                    else ""
                )
                + ("Syndicated copies are counted once." if not include_copies else "Syndicated copies included."),
                "" if top["registered"].all() else "† not in the registry: found through a title.",
            ],
            width=60,  # beside the legend
        ),
        x=0.01,
        ha="left",
        fontsize=7,
        color=_NOTE_GREY,
    )
    return fig, table


def _year_columns(by_year: pd.DataFrame) -> list[str]:
    """Every year from the first dated one to the last, then ``undated`` if any row is."""
    dated = sorted(y for y in by_year["year"].unique() if y != "undated")
    span = [str(y) for y in range(int(dated[0]), int(dated[-1]) + 1)] if dated else []
    return span + (["undated"] if (by_year["year"] == "undated").any() else [])


def _panel(by_year: pd.DataFrame, dim: str, years: list[str], top_n: int) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Mentions and articles of the ``top_n`` groups of ``dim`` (rows) per year (columns), the real
    groups by mentions (ties by name), then the placeholders; and how many groups there are.

    In the office panel the mentions of undated articles are left out (their column stays, empty),
    since an office is placed by the article's date."""
    rows = by_year[by_year["dimension"] == dim]
    if dim == "office":
        rows = rows[rows["year"] != "undated"]
    totals = rows.groupby("group")["mentions"].sum()
    totals = totals[totals > 0].sort_index()  # ties by name
    order = totals.sort_values(ascending=False, kind="stable").index[:top_n]
    order = [g for g in order if g not in PLACEHOLDER_LABELS] + [g for g in order if g in PLACEHOLDER_LABELS]
    if rows.empty:  # e.g. the office panel of a corpus with no dated article
        empty = pd.DataFrame(0, index=pd.Index(order, name="group"), columns=years, dtype=int)
        return empty, empty.copy(), len(totals)
    wide = rows.pivot(index="group", columns="year", values=["mentions", "articles"])
    m = wide["mentions"].reindex(index=order, columns=years).fillna(0).astype(int)
    a = wide["articles"].reindex(index=order, columns=years).fillna(0).astype(int)
    return m, a, len(totals)


def actors_by_year(
    by_year: pd.DataFrame,
    *,
    mentions: pd.DataFrame,
    top_n: int = 15,
    max_labels: int = MAX_CELL_LABELS,
    scale: Scale = "log",
) -> tuple[Figure, pd.DataFrame]:
    """Mentions of officials per year, by country and by office, and the table drawn.

    Two heatmaps (:func:`defcoop.plots.heatmap.count_heatmap`) one above the other, one per
    ``dimension`` of ``by_year``, sharing their columns: every year of the span (empty ones too),
    then ``undated``.  Each panel has the ``top_n`` groups with most mentions (ties by name), then
    the placeholder groups among them in grey (:data:`PLACEHOLDER_LABELS`); its title says how
    many more groups the CSV has.  The office panel counts dated articles only: an office is
    placed by the article's date, so its ``undated`` column is hatched and the note says how
    many mentions that leaves out.  The colour is on a ``scale`` (by default ``log``, so that one
    large cell, such as every undated article of Vietnamese officials, does not wash out the
    rest; empty cells are blank).  Each cell gives mentions and, in brackets, articles while the
    larger panel has at most ``max_labels`` cells; above, each panel has a colour bar instead.

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
    scale : {"log", "sqrt", "linear"}
        The colour scale (:func:`defcoop.plots.heatmap.scale_norm`), said in the note and on
        the colour bars.

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
    undated = "undated" in years
    panels = [(dim, *_panel(by_year, dim, years, top_n)) for dim in ("country", "office")]
    rows = [max(1, len(m)) for _, m, _, _ in panels]
    labelled = max(rows) * len(years) <= max_labels  # beyond that, a colour bar instead of a number per cell
    scale_name = {"log": "log scale", "sqrt": "square-root scale", "linear": "linear scale"}[scale]
    rotate = len(years) > 10
    fig, axes = plt.subplots(
        2,
        1,
        figsize=(PRINT_WIDTH_IN, 0.2 * sum(rows) + (2.6 if rotate else 2.2)),
        height_ratios=[r + 1.5 for r in rows],
    )
    placeholders: list[str] = []
    for ax, (dim, m, a, n_groups) in zip(axes, panels, strict=True):
        if m.empty:
            ax.axis("off")
            ax.text(0.5, 0.5, f"no {dim} to show", ha="center", va="center", transform=ax.transAxes, fontsize=8)
            continue
        count_heatmap(
            ax,
            m,
            ylabels=[display_label(g) for g in m.index],
            label=f"mentions ({scale_name})",
            labelled=labelled,
            cell_text=m.astype(str) + " (" + a.astype(str) + ")",
            skip_zeros=True,
            vmax=max(1, int(m.to_numpy().max(initial=0))) * (1.25 if scale == "linear" else 1),
            fontsize=7,
            text_colour="#222222",
            xrotation=90 if rotate else 0,
            cell_borders=True,
            scale=scale,
            colorbar_format="{x:,.0f}" if scale != "linear" else None,
        )
        for tick, g in zip(ax.get_yticklabels(), m.index, strict=True):
            if g in PLACEHOLDER_LABELS:
                tick.set_color(_NOTE_GREY)
                placeholders.append(g)
        if undated:
            ax.axvline(len(years) - 1.5, color="white", lw=4)  # the undated column stands apart
        if undated and dim == "office":
            ax.add_patch(
                Rectangle((len(years) - 1.5, -0.5), 1, len(m), fill=False, hatch="////", ec=OTHER, lw=0, zorder=2)
            )
            ax.get_xticklabels()[-1].set_color(_NOTE_GREY)
        what = "office held on the article's date" if dim == "office" else "country"
        more = n_groups - len(m)
        plural = {"country": "countr", "office": "office"}[dim] + (
            {"country": "ies", "office": "s"}[dim] if more != 1 else {"country": "y", "office": ""}[dim]
        )
        shown = f": top {len(m)} of {n_groups} by mentions ({more} more {plural} in the CSV)" if more else ""
        ax.set_title(f"by {what}{shown}", fontsize=9)
        ax.tick_params(length=0)
        ax.tick_params(axis="y", labelsize=7.5)
        ax.tick_params(axis="x", labelsize=7)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
    n_years = by_year.loc[by_year["year"] != "undated", "year"].nunique()
    n_undated = int(by_year.loc[(by_year["dimension"] == "office") & (by_year["year"] == "undated"), "mentions"].sum())
    fig.suptitle(
        f"Mentions of officials per year: {_n(len(mentions), 'mention')} "
        f"in {_n(mentions['doc_id'].nunique(), 'article')}",
        x=0.01,
        ha="left",
        fontweight="bold",
        fontsize=10,
    )
    fig.supxlabel(
        _note(
            [
                ("Cell: mentions (articles); colour" if labelled else "Colour")
                + f": mentions, on a {scale_name}"
                + ("; blank: none." if scale != "linear" else ".")
                + (
                    f" Articles in {_n(n_years, 'year')} only: a map of the sample, not a trend."
                    if 0 < n_years < 3
                    else ""
                ),
                (
                    f"Office panel: dated articles only. An office is placed by the article's date, so the "
                    f"{n_undated:,} mentions in undated articles (hatched) are left out; the country panel counts them."
                    if n_undated
                    else ""
                ),
                *[_PLACEHOLDER_NOTES[g] + "." for g in dict.fromkeys(placeholders) if g in _PLACEHOLDER_NOTES],
            ]
        ),
        x=0.01,
        ha="left",
        fontsize=7,
        color=_NOTE_GREY,
    )
    return fig, by_year


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _hits(box, boxes, pad: float) -> float:
    """Total area (px²) by which ``box`` (x0, y0, x1, y1), grown by ``pad``, overlaps ``boxes``."""
    x0, y0, x1, y1 = box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad
    return sum(max(0.0, min(x1, b[2]) - max(x0, b[0])) * max(0.0, min(y1, b[3]) - max(y0, b[1])) for b in boxes)


#: Where along a line (0: Vietnamese end, 1: foreign end) its story count may go, in order of
#: preference: near the foreign end, where lines fan out, then back towards the middle.
LABEL_POSITIONS = (0.8, 0.72, 0.64, 0.88, 0.56, 0.48, 0.4, 0.32, 0.24, 0.16)


def meeting_network(
    edges: pd.DataFrame,
    graph: nx.Graph,
    layout: dict[str, tuple[float, float]],
    *,
    pairs: pd.DataFrame,
    cut: str = "",
    max_chars: int = 30,
) -> tuple[Figure, pd.DataFrame]:
    """Who met whom: the meeting network in two columns, and the table behind it.

    One line per edge of ``graph`` between a Vietnamese official (left) and a foreign official
    (right), as wide as its stories, dashed when a story reports the meeting online; a line of
    two stories or more carries its count, placed along the line where it overlaps no other text
    (:data:`LABEL_POSITIONS`), and a line without a number is one story.  One dot per official,
    its area growing with the stories of its meetings, :data:`~defcoop.plots.palette.VIETNAM`
    or :data:`~defcoop.plots.palette.FOREIGN`, labelled with the name (and country) and the
    office at the latest meeting, or what stands for it (:func:`display_label`); names and offices
    longer than ``max_chars`` are shortened with "…".  The graph and the layout are drawn as
    given, so the caller decides what is drawn (:func:`defcoop.analysis.actors.strongest_edges`);
    the subtitle says how many pairs and officials are not drawn.  The canvas is the print
    width; its height grows with the longer column (at most ``max_nodes`` officials of
    :func:`~defcoop.analysis.actors.strongest_edges`).

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
        The sentence of :func:`defcoop.analysis.actors.strongest_edges` saying what was kept,
        written in the subtitle; empty when nothing was left out.
    max_chars : int
        Longest name or office line written in full.

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
    >>> g.add_node("b", name="B", country="Belarus", office="(undated article)", side="foreign")
    >>> g.add_edge("a", "b", weight=2, articles=2, online=False)
    >>> edges = pd.DataFrame({"vn_actor_id": ["a"], "foreign_actor_id": ["b"], "stories": [2]})
    >>> fig, table = meeting_network(edges, g, {"a": (0.0, 0.0), "b": (1.0, 0.0)},
    ...                              pairs=pd.DataFrame({"story_id": ["s1", "s2"]}))
    >>> ax = fig.axes[0]
    >>> len(ax.lines), len(ax.collections), [t.get_text() for t in ax.texts][::2]
    (1, 2, ['A\\nminister', 'Vietnamese officials', '2'])
    >>> ax.texts[1].get_text()
    'B (Belarus)\\n(office not placed: article undated)'
    >>> plt.close(fig)
    """
    home_nodes = [n for n, d in graph.nodes(data=True) if d["side"] == "Vietnam"]
    ys = [y for _, y in layout.values()] or [0.0]
    top_y, bottom_y = max(ys), min(ys)
    n_officials = len(set(edges["vn_actor_id"]) | set(edges["foreign_actor_id"])) if len(edges) else 0
    n_stories = pairs["story_id"].nunique()
    more_pairs = len(edges) - graph.number_of_edges()
    more_officials = n_officials - graph.number_of_nodes()
    subtitle = ""
    if more_pairs > 0 or cut:
        subtitle = (f"Drawn: {cut}" if cut else f"Drawn: {graph.number_of_edges()} of {len(edges):,} pairs") + (
            f"; {more_pairs:,} more pair{'s' if more_pairs != 1 else ''}"
            + (f" and {more_officials:,} more official{'s' if more_officials != 1 else ''}" if more_officials else "")
            + " not drawn (all in the CSV)."
            if more_pairs > 0
            else "."
        )
    subtitle = textwrap.fill(subtitle, 105)
    note = _note(
        [
            "Line: the pair is named in one meeting sentence; its width and number: the stories reporting it "
            "(no number: one story); dashed: online in at least one story. Dot area: the stories of the "
            "official's meetings drawn. Office: at the latest meeting.",
        ]
    )
    head_in = 0.32 + (0.16 * (1 + subtitle.count("\n")) if subtitle else 0.0) + 0.18
    foot_in = 0.14 * (1 + note.count("\n")) + 0.12
    row_in = 0.3
    height = max(3.0, row_in * (top_y - bottom_y + 1.6) + head_in + foot_in)
    fig = plt.figure(figsize=(PRINT_WIDTH_IN, height), layout="none")
    # The labels are placed by measuring them, so no layout engine may move the axes afterwards.  A
    # figure without an engine gets the style's constrained layout back from matplotlib when it is
    # saved with bbox_inches (as Jupyter shows figures); a placeholder engine, which does nothing, stays.
    fig.set_layout_engine(PlaceHolderLayoutEngine(adjust_compatible=True, colorbar_gridspec=True))
    ax = fig.add_axes((0, foot_in / height, 1, 1 - (head_in + foot_in) / height))
    ax.axis("off")
    ax.set_ylim(bottom_y - 0.6, top_y + 1.0)
    fig.text(
        0.01,
        1 - 0.08 / height,
        f"Who met whom: {_n(len(edges), 'pair')} of officials in {_n(n_stories, 'story', 'stories')}",
        ha="left",
        va="top",
        fontsize=10,
        fontweight="bold",
    )
    if subtitle:
        fig.text(0.01, 1 - 0.36 / height, subtitle, ha="left", va="top", fontsize=8)
    fig.text(0.01, 0.06 / height, note, ha="left", va="bottom", fontsize=7, color=_NOTE_GREY)
    renderer = fig.canvas.get_renderer()

    weights = [d["weight"] for _, _, d in graph.edges(data=True)]
    line_scale = max(1.0, max(weights, default=1) / 2)  # the heaviest line is at most 4 points wide
    degrees = [graph.degree(n, weight="weight") for n in graph]
    node_scale = max(1.0, max(degrees, default=1) / 4)
    size = {n: 60 + 40 * graph.degree(n, weight="weight") / node_scale for n in graph}
    # the labels first: their widths decide where the two columns stand
    labels = {}
    for n, d in sorted(graph.nodes(data=True)):
        vn = d["side"] == "Vietnam"
        name = _clip(d["name"], max_chars) + ("" if vn else f" ({display_label(d['country']).strip('()')})")
        labels[n] = ax.annotate(
            f"{name}\n{_clip(display_label(d['office']), max_chars + 8)}",
            layout[n],
            xytext=((-1 if vn else 1) * (np.sqrt(size[n]) / 2 + 4), 0),
            textcoords="offset points",
            ha="right" if vn else "left",
            va="center",
            fontsize=7,
        )
    width_px = fig.bbox.width
    pt = fig.dpi / 72
    left = max([labels[n].get_window_extent(renderer).width for n in home_nodes], default=0)
    right = max([t.get_window_extent(renderer).width for n, t in labels.items() if n not in home_nodes], default=0)
    left += (np.sqrt(max(size.values(), default=60)) / 2 + 4) * pt + 6
    right += (np.sqrt(max(size.values(), default=60)) / 2 + 4) * pt + 6
    unit = max(width_px - left - right, 1.6 * fig.dpi)  # pixels between the two columns
    ax.set_xlim(-left / unit, (width_px - left) / unit)

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
    for n in sorted(graph):
        vn = graph.nodes[n]["side"] == "Vietnam"
        ax.scatter(*([c] for c in layout[n]), s=size[n], color=VIETNAM if vn else FOREIGN, zorder=2, edgecolor="white")
    headings = [
        ax.annotate(
            text,
            (x, top_y),
            xytext=(0, 16),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8.5,
            fontweight="bold",
            color=colour,
        )
        for x, text, colour in ((0.0, "Vietnamese officials", VIETNAM), (1.0, "foreign officials", FOREIGN))
        if len(graph)
    ]
    taken = [tuple(t.get_window_extent(renderer).extents) for t in [*labels.values(), *headings]]
    # story counts, heaviest lines first, each where it overlaps no text already placed
    for u, v, d in sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], sorted(e[:2]))):
        if d["weight"] < 2:
            continue
        (x0, y0), (x1, y1) = sorted([layout[u], layout[v]])
        label = ax.annotate(
            f"{d['weight']:,}",
            (x0, y0),
            ha="center",
            va="center",
            fontsize=7,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#bbbbbb", "lw": 0.5},
            zorder=3,
        )
        best = None
        for t in LABEL_POSITIONS:
            label.xy = label.xyann = (x0 + t * (x1 - x0), y0 + t * (y1 - y0))
            box = tuple(label.get_window_extent(renderer).extents)
            clash = _hits(box, taken, pad=2.5)
            if best is None or clash < best[0]:
                best = (clash, label.xy, box)
            if clash == 0:
                break
        label.xy = label.xyann = best[1]
        taken.append(best[2])
    if not len(graph):
        ax.text(0.5, 0.5, "no meeting sentences found", ha="center", va="center", transform=ax.transAxes)
    return fig, edges
