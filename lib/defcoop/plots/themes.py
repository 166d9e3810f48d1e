"""Figures of notebook 04: themes over time.  One function per figure; each returns the figure and
the tidy table it plots, for :func:`defcoop.plots.save_figure`.

The tables come from :mod:`defcoop.analysis.timeseries`; these functions only draw them.  What
each figure does when there is too much or too little:

* :func:`theme_shares_over_time`: up to :data:`MAX_DOT_PERIODS` periods a dot and an interval
  per period (the counts written up to 12 periods); beyond, a line and an interval band, so that
  240 months stay a trace rather than a blot.  When every period has fewer than ``low_n``
  stories, the title says that the panels inventory stories and show no trend.
* :func:`themes_by_partner`: the ``top_n`` partners with most stories, the others named by
  number under the heatmap ("not shown: 26 more partners with 1-2 stories each").
* :func:`meetings_timeline`: a labelled mark per story up to ``MAX_MARKS`` stories; beyond,
  dots per partner and period whose sizes a legend reads (its keys taken from the drawn counts,
  :func:`defcoop.analysis.timeseries.size_key`).
"""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from defcoop.analysis import timeseries as ts
from defcoop.plots.heatmap import count_heatmap
from defcoop.plots.palette import CATEGORICAL
from defcoop.plots.style import MAX_CELL_LABELS, nothing_to_draw

__all__ = ["MAX_DOT_PERIODS", "meetings_timeline", "theme_shares_over_time", "themes_by_partner"]

#: The colour of the marks of every figure here (Okabe-Ito blue); intervals are this colour, lighter.
INK = CATEGORICAL[0]
INTERVAL_ALPHA = 0.35
#: Dots of counts overlap in a busy lane: slightly transparent.
DOT_ALPHA = 0.75
#: Greys: context periods, periods without stories, the background of every other lane.
CONTEXT = "#999999"
EMPTY = "#eeeeee"
LANE_BAND = "#f2f2f2"
#: Up to this many periods each theme panel draws a dot and an interval per period; beyond, a
#: line through the shares and a band for the intervals (dots 0.03 in apart run into a blot).
MAX_DOT_PERIODS = 40
#: A context period shorter than this fraction of the axis (a three-day expo on a 17-year axis)
#: is drawn this wide, so that it shows.
MIN_CONTEXT_WIDTH = 0.004
#: Distance between the context rows above a timeline's lanes (6.5 pt labels need 9 pt).
CONTEXT_ROW_IN = 0.14
#: Characters of 6.5 pt text across the 6.4 in of a 7.2 in wide axis, to place a label beside its bar.
CHARS_ACROSS = 110


def _context_bars(
    ax: Axes, ctx: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp, rows: list[float], *, height: float
) -> None:
    """One grey bar per context period at ``rows[i]``, its label beside it, never on it.

    The label goes after the bar when it fits before ``x1``, else before the bar; a period
    shorter than :data:`MIN_CONTEXT_WIDTH` of the axis is drawn that wide.
    """
    days = (x1 - x0) / CHARS_ACROSS
    for i, c in ctx.iterrows():
        a = max(pd.Timestamp(c["start"]), x0)
        b = min(pd.Timestamp(c["end"]) + pd.Timedelta(days=1), x1)  # the end day is in the period
        b = max(b, a + (x1 - x0) * MIN_CONTEXT_WIDTH)
        ax.barh(rows[i], b - a, left=a, height=height, color=CONTEXT, lw=0)
        after = b + days * (len(c["label"]) + 1) <= x1 or a - days * (len(c["label"]) + 1) < x0
        ax.annotate(
            c["label"],
            (b if after else a, rows[i]),
            xytext=(3 if after else -3, 0),
            textcoords="offset points",
            ha="left" if after else "right",
            va="center",
            fontsize=6.5,
            color="#444444",
        )


def _context_strip(ax: Axes, ctx: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp) -> None:
    """The context periods in an axes of their own, one row each."""
    _context_bars(ax, ctx, x0, x1, list(range(len(ctx))), height=0.55)
    ax.set_ylim(max(len(ctx), 1) - 0.4, -0.6)
    ax.set_yticks([])
    ax.grid(False)
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.tick_params(labelbottom=False, bottom=False)
    ax.set_title(
        "Context (data/context_periods.csv)" + ("" if len(ctx) else ": no period overlaps these dates"),
        fontsize=7.5,
        fontweight="normal",
        color="#555555",
    )


def _context_rows(ax: Axes, ctx: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp, *, unit_in: float) -> float:
    """The context periods above the lanes of a timeline (lanes from y = 0 down, ``unit_in`` inches per unit).

    Rows are :data:`CONTEXT_ROW_IN` apart whatever the lanes' scale, so that labels never
    touch the next row's bar; a rule separates them from the lanes.  Returns the top of the
    rows, for the y limits.
    """
    if not len(ctx):
        return 0.0
    row = CONTEXT_ROW_IN / unit_in
    rows = [-row * (len(ctx) - i - 0.5) - 0.1 for i in range(len(ctx))]
    _context_bars(ax, ctx, x0, x1, rows, height=0.5 * row)
    ax.axhline(0, color="#cccccc", lw=0.6)
    return -row * len(ctx) - 0.15


def theme_shares_over_time(
    shares: pd.DataFrame,
    *,
    context: pd.DataFrame,
    period: ts.Period,
    low_n: int = 3,
    max_dot_periods: int = MAX_DOT_PERIODS,
) -> tuple[Figure, pd.DataFrame]:
    """Share of stories carrying each theme, per period: one panel per theme, the stories per period above.

    Parameters
    ----------
    shares : pandas.DataFrame
        :func:`defcoop.analysis.timeseries.theme_shares` without ``by``: one row per period
        and theme, every period of the span (empty ones with ``stories == 0``).
    context : pandas.DataFrame
        Context periods (``start``, ``end``, ``label``) drawn in a strip at the top, those
        that overlap the periods of ``shares``
        (:func:`defcoop.analysis.timeseries.context_overlapping`).
    period : {"month", "quarter", "year"}
        The period of ``shares``, for the titles.
    low_n : int
        Shares over fewer stories are drawn hollow.
    max_dot_periods : int
        Up to this many periods, a dot and an interval per period; beyond, a line and a band.

    Returns
    -------
    (matplotlib.figure.Figure, pandas.DataFrame)
        The figure and ``shares``, the table it draws.

    Notes
    -----
    Each panel has a dot per period with stories (the share), its Wilson interval, and up to
    12 periods the count ``with_theme/stories`` above it; past ``max_dot_periods`` periods a
    line joins the shares and a band holds the intervals, both broken at periods without
    stories, with hollow dots still marking shares over fewer than ``low_n`` stories.  Periods
    without stories are grey bands.  The stories per period are bars (their counts written up
    to 24 periods), beyond 24 periods one filled step outline.  The legend lists the kinds of
    mark drawn, and only those.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2018-03-28", "2018-05-01", "2020-07-03"],
    ...     "duplicate_of": "", "on_topic": True, "language": "en", "outlet": "VNA",
    ...     "partners": [["Belarus"]] * 3, "themes": [["peacekeeping"], [], ["training_education"]]})
    >>> shares = ts.theme_shares(s, period="year", themes=["peacekeeping", "training_education"])
    >>> fig, table = theme_shares_over_time(shares, context=ts.context_periods().iloc[:0], period="year")
    >>> len(fig.axes), table is shares  # context strip, stories per period, one panel per theme
    (4, True)
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['share, fewer than 3 stories', '95% interval (Wilson)', 'no stories in the year']
    >>> plt.close(fig)
    """
    if shares.empty:
        raise ValueError("no dated story to place in a period: theme shares over time need dated stories")
    ctx = context.reset_index(drop=True)
    bins = shares.drop_duplicates("period")[["period", "start", "end", "stories"]].reset_index(drop=True)
    bins[["start", "end"]] = bins[["start", "end"]].apply(pd.to_datetime)
    bins["mid"] = bins["start"] + (bins["end"] - bins["start"]) / 2
    x0, x1 = bins["start"].min(), bins["end"].max()
    labels = dict(zip(shares["theme"], shares["theme_label"], strict=True))
    themes = list(dict.fromkeys(shares["theme"]))
    dots = len(bins) <= max_dot_periods
    written = len(bins) <= 12  # the k/n counts above the dots
    ncols, nrows = 3, -(-len(themes) // 3)
    fig = plt.figure(figsize=(7.2, 2.1 + 0.12 * len(ctx) + 1.05 * nrows))
    grid = fig.add_gridspec(nrows + 2, ncols, height_ratios=[0.2 + 0.14 * len(ctx), 0.8] + [1.0] * nrows)
    ax_ctx = fig.add_subplot(grid[0, :])
    ax_n = fig.add_subplot(grid[1, :], sharex=ax_ctx)
    _context_strip(ax_ctx, ctx, x0, x1)
    if len(bins) <= 24:  # a bar per period; beyond, one filled step outline (hundreds of bars cost seconds to draw)
        ax_n.bar(
            bins["start"], bins["stories"], width=(bins["end"] - bins["start"]).dt.days * 0.9, align="edge", color=INK
        )
    else:
        ax_n.fill_between(
            [*bins["start"], bins["end"].iloc[-1]],
            [*bins["stories"], bins["stories"].iloc[-1]],
            step="post",
            color=INK,
            lw=0,
        )
    for r in bins.itertuples():  # with many periods, print the counts of the non-empty ones only; none past 24
        if len(bins) <= 24 and (r.stories or written):
            ax_n.annotate(
                f"n={r.stories}" if written else f"{r.stories}",
                (r.mid, r.stories),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=6.5,
                color="#000000" if r.stories else "#999999",
            )
        if not r.stories:
            ax_n.axvspan(r.start, r.end, color=EMPTY, lw=0)
    ax_n.set_ylim(0, max(1, bins["stories"].max()) * 1.35)
    ax_n.yaxis.get_major_locator().set_params(integer=True)
    ax_n.set_ylabel("stories")
    ax_n.set_title(f"Stories per {period} (the denominator of every share below)", fontsize=8.5)
    ax_n.tick_params(labelbottom=False)
    empty = bins[bins["stories"] == 0]
    drawn_solid = drawn_hollow = False
    for j, t in enumerate(themes):
        ax = fig.add_subplot(grid[2 + j // ncols, j % ncols], sharex=ax_ctx)
        for r in empty.itertuples():
            ax.axvspan(r.start, r.end, color=EMPTY, lw=0)
        full = shares[shares["theme"] == t].merge(bins[["period", "mid"]], on="period")
        sub = full[full["stories"] > 0]
        solid = sub["stories"] >= low_n
        if dots:
            ax.vlines(sub["mid"], sub["ci_low"], sub["ci_high"], color=INK, alpha=INTERVAL_ALPHA, lw=1.6)
            ax.scatter(sub.loc[solid, "mid"], sub.loc[solid, "share"], s=14, color=INK, zorder=3)
            size, width = 14, 1.0
        else:  # empty periods have NaN shares: the line and the band break there
            ax.fill_between(full["mid"], full["ci_low"], full["ci_high"], color=INK, alpha=INTERVAL_ALPHA, lw=0)
            ax.plot(full["mid"], full["share"], color=INK, lw=0.8)
            size, width = 7, 0.6
        ax.scatter(
            sub.loc[~solid, "mid"],
            sub.loc[~solid, "share"],
            s=size,
            facecolor="white",
            edgecolor=INK,
            linewidths=width,
            zorder=3,
        )
        drawn_solid |= bool(solid.any())
        drawn_hollow |= bool((~solid).any())
        if written:
            for r in sub.itertuples():
                ax.annotate(
                    f"{r.with_theme}/{r.stories}",
                    (r.mid, r.ci_high),
                    xytext=(0, 1.5),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=6,
                    color="#444444",
                )
        ax.set_ylim(-0.05, 1.3 if written else 1.08)
        ax.set_yticks([0, 0.5, 1], ["0%", "50%", "100%"] if j % ncols == 0 else [])
        ax.grid(axis="y", color="#eeeeee")
        ax.set_title(textwrap.fill(labels[t], 34), fontsize=7, fontweight="bold")
        ax.tick_params(labelbottom=j >= len(themes) - ncols, labelsize=6.5)
    ax_ctx.set_xlim(x0, x1)
    if len(bins) <= 12:  # few periods: a tick at each middle, labelled at most six times
        step = -(-len(bins) // 6)
        ax_ctx.set_xticks(bins["mid"], [p if i % step == 0 else "" for i, p in enumerate(bins["period"])])
    else:
        ax_ctx.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
        ax_ctx.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax_ctx.xaxis.get_major_locator()))
    handles: list = []  # the kinds of mark drawn, and only those
    few = f"share, fewer than {low_n} stories"
    if dots:
        if drawn_solid:
            handles.append(Line2D([], [], marker="o", ls="", color=INK, label=f"share, {low_n}+ stories"))
        if drawn_hollow:
            handles.append(Line2D([], [], marker="o", ls="", markerfacecolor="white", color=INK, label=few))
        handles.append(Line2D([], [], color=INK, alpha=INTERVAL_ALPHA, lw=1.6, label="95% interval (Wilson)"))
    else:
        handles.append(Line2D([], [], color=INK, lw=0.8, label="share"))
        if drawn_hollow:
            handles.append(Line2D([], [], marker="o", ms=3, ls="", markerfacecolor="white", color=INK, label=few))
        handles.append(Patch(color=INK, alpha=INTERVAL_ALPHA, lw=0, label="95% interval (Wilson)"))
    if len(empty):
        handles.append(Patch(color=EMPTY, label=f"no stories in the {period}"))
    if len(ctx):
        handles.append(Patch(color=CONTEXT, label="context period"))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=6.5)
    placed = bins.loc[bins["stories"] > 0, "stories"]
    notes = ["labels: stories with the theme / stories in the period"] if written else []
    if len(placed) and (placed < low_n).all():
        notes.append(f"every {period} has fewer than {low_n} stories: an inventory of stories, not a trend")
    fig.suptitle(
        f"Share of stories carrying each theme, per {period} ({bins['stories'].sum():,} stories placed and read "
        "for themes)" + "".join(f"\n{n}" for n in notes),
        x=0.01,
        ha="left",
        fontsize=8.5,
        fontweight="bold",
    )
    return fig, shares


def themes_by_partner(
    by_partner: pd.DataFrame,
    *,
    stories_read: int,
    top_n: int = 20,
    low_n: int = 3,
    max_labels: int = MAX_CELL_LABELS,
) -> tuple[Figure, pd.DataFrame]:
    """Themes by partner country over the whole corpus: a :func:`~defcoop.plots.heatmap.count_heatmap` of shares.

    Parameters
    ----------
    by_partner : pandas.DataFrame
        :func:`defcoop.analysis.timeseries.theme_totals` by ``"partner"``: one row per partner
        and theme, partners with most stories first.
    stories_read : int
        The stories read for themes, for the title (a story with two partners is in two rows).
    top_n : int
        Rows for at most this many partners, the first of ``by_partner``; the others are
        counted under the heatmap.  Partners tied with the first one left out are left out
        too (rather than keeping some of a tie by name), unless the tie is all of the rows.
    low_n : int
        Rows of partners with fewer stories are washed out and their labels grey.
    max_labels : int
        Above this many cells the counts are not written (the colour bar reads the shares).

    Returns
    -------
    (matplotlib.figure.Figure, pandas.DataFrame)
        The figure and ``by_partner``, the table it draws (every partner, shown or not).

    Notes
    -----
    A cell is coloured by the share of the partner's stories carrying the theme and labelled
    with the number of those stories.  The title counts partners without
    :data:`~defcoop.analysis.timeseries.NO_PARTNER`, which is not a country.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": "", "duplicate_of": "", "on_topic": True,
    ...     "language": "en", "outlet": "VNA", "partners": [["Belarus"], ["Belarus"], ["Russia"]],
    ...     "themes": [["peacekeeping"], [], ["peacekeeping"]]})
    >>> by_partner = ts.theme_totals(s, by="partner", themes=["peacekeeping", "training_education"])
    >>> fig, table = themes_by_partner(by_partner, stories_read=3, low_n=2)
    >>> [t.get_text() for t in fig.axes[0].texts], [t.get_text() for t in fig.axes[0].get_yticklabels()]
    (['1', '0', '1', '0'], ['Belarus  (n = 2)', 'Russia  (n = 1)'])
    >>> fig, _ = themes_by_partner(by_partner, stories_read=3, top_n=1)
    >>> fig.axes[0].get_xlabel()
    'not shown: 1 more partner with 1 story (every partner is in the CSV)'
    >>> plt.close("all")
    """
    themes = list(dict.fromkeys(by_partner["theme"]))
    labels = dict(zip(by_partner["theme"], by_partner["theme_label"], strict=True))
    all_partners = list(dict.fromkeys(by_partner["partner"]))
    n_partner = by_partner.drop_duplicates("partner").set_index("partner")["stories"]
    countries = [p for p in all_partners if p != ts.NO_PARTNER]  # stories with no partner are no row
    partners = countries[:top_n]  # the partners with most stories, not splitting a tie at the cut
    if len(countries) > top_n:
        kept = [p for p in partners if n_partner[p] > n_partner[countries[top_n]]]
        partners = kept or partners  # a cut inside one tie (all with one story): the first, by name
    if not partners:  # no story names a partner: say so rather than draw an empty grid
        return nothing_to_draw(
            "Themes by partner", f"No partner found in the {stories_read:,} stories read for themes."
        ), by_partner
    cells = by_partner.pivot(index="partner", columns="theme", values="share").loc[partners, themes]
    counts = by_partner.pivot(index="partner", columns="theme", values="with_theme").loc[partners, themes]
    fig, ax = plt.subplots(figsize=(7.2, 2.4 + 0.24 * len(partners)))
    labelled = count_heatmap(
        ax,
        cells.astype(float),
        cell_text=counts,
        max_labels=max_labels,
        vmax=1,
        dark_above=0.6,
        fontsize=7,
        text_colour="#333333",
        faint_rows=[n_partner[p] < low_n for p in partners],
        xlabels=[textwrap.fill(labels[t], 24) for t in themes],
        xtick_kw={"rotation": 60, "ha": "right", "rotation_mode": "anchor", "fontsize": 6.5},
        ylabels=[f"{p}  (n = {n_partner[p]:,})" for p in partners],
        label="share of the partner's stories",
        colorbar=True,
        colorbar_format="{x:.0%}",
    )
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.tick_params(length=0)
    hidden = countries[len(partners) :]
    cut = f"; the {len(partners)} of {len(countries)} partners with most stories" if hidden else ""
    fig.suptitle(
        f"Themes by partner ({stories_read:,} stories read for themes{cut})",
        x=0.01,
        ha="left",
        fontsize=9,
        fontweight="bold",
    )
    ax.set_title(
        ("number: stories with the theme; " if labelled else "")
        + f"colour: share of the partner's stories; washed out: fewer than {low_n} stories",
        fontsize=7,
        fontweight="normal",
        color="#555555",
    )
    notes = []
    if hidden:
        lo, hi = int(n_partner[hidden].min()), int(n_partner[hidden].max())
        plural = len(hidden) > 1
        each = f"{lo}–{hi} stories each" if lo != hi else f"{lo} stor{'y' if lo == 1 else 'ies'}" + " each" * plural
        notes.append(f"{len(hidden)} more partner{'s' * plural} with {each}")
    if ts.NO_PARTNER in all_partners:
        alone = int(n_partner[ts.NO_PARTNER])
        notes.append(f"{alone:,} stor{'y' if alone == 1 else 'ies'} with no partner found")
    if notes:
        ax.set_xlabel(f"not shown: {' and '.join(notes)} (every partner is in the CSV)", fontsize=7, color="#555555")
    return fig, by_partner


def _lane_bands(ax: Axes, edges: list[float]) -> list[str]:
    """Shade every other lane (lane ``i`` spans ``edges[i]`` to ``edges[i + 1]``); the background of each lane."""
    backgrounds = []
    for i in range(len(edges) - 1):
        backgrounds.append(LANE_BAND if i % 2 else "white")
        if i % 2:
            ax.axhspan(edges[i], edges[i + 1], color=LANE_BAND, lw=0, zorder=0)
    return backgrounds


def _lane_ticks(ax: Axes, ys: list[float], labels: list[str], context_top: float) -> None:
    """A tick label per lane, and a grey "context" beside the context rows when there are any (top < 0)."""
    if context_top < 0:
        ys, labels = [*ys, context_top / 2], [*labels, "context"]
    ax.set_yticks(ys, labels)
    if context_top < 0:
        ax.get_yticklabels()[-1].set_color("#777777")


def _time_axis(ax: Axes, x0: pd.Timestamp, x1: pd.Timestamp) -> None:
    ax.set_xlim(x0, x1)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=10))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.grid(True, axis="x")


def _dot_area(stories, biggest: int):
    """Scatter area (pt²) of a dot for ``stories``: grows with the count, the largest 82 pt²."""
    return 2 + 80 * np.asarray(stories, dtype=float) / biggest


def meetings_timeline(
    drawn: pd.DataFrame,
    *,
    context: pd.DataFrame,
    span: tuple[str, str],
    dated_stories: int,
    period: ts.Period = "month",
) -> tuple[Figure, pd.DataFrame]:
    """The sequence of meetings by partner, drawn from :func:`defcoop.analysis.timeseries.timeline_table`.

    Parameters
    ----------
    drawn : pandas.DataFrame
        :func:`~defcoop.analysis.timeseries.timeline_table` over ``span``: either one labelled
        mark per story and partner (:func:`~defcoop.analysis.timeseries.timeline_marks`, a
        ``level`` column), drawn as a dot for a day or a bar for a month or year, labels
        stacked on their levels; or the counts of
        :func:`~defcoop.analysis.timeseries.timeline_counts` at ``period``, drawn per lane as
        one dot per period with an area growing with its stories (a legend gives the sizes of
        counts that occur), a ring at mid-year for each year with stories dated only to the
        year (at months or quarters), and one label per lane, on its busiest period.
    context : pandas.DataFrame
        Context rows (``start``, ``end``, ``label``) drawn in a strip above the lanes, clipped
        to ``span``.
    span : (str, str)
        The start and end of the x axis (ISO dates, the end exclusive).
    dated_stories : int
        The dated stories behind ``drawn``, for the title (a story with two partners is in
        two lanes, so the lanes may add up to more).
    period : {"month", "quarter", "year"}
        The period the counts were made at (``timeline_table(..., period=...)``); counts
        binned at another period raise ``ValueError``.

    Returns
    -------
    (matplotlib.figure.Figure, pandas.DataFrame)
        The figure and ``drawn``, the table it draws.

    Examples
    --------
    >>> big = pd.DataFrame({"partner": [f"P{i % 30}" for i in range(5000)], "doc_id": [f"d{i}" for i in range(5000)],
    ...     "date": [f"{2010 + i % 10}-{1 + i % 12:02d}-01" for i in range(5000)], "actors": "A – B"})
    >>> big["date_precision"], big["start"], big["end"] = "day", big["date"], big["date"]
    >>> span = ("2010-01-01", "2020-01-01")
    >>> drawn = ts.timeline_table(big, span=span, max_labels=40)
    >>> fig, data = meetings_timeline(drawn, context=pd.DataFrame(columns=["start", "end", "label"]), span=span,
    ...                               dated_stories=5000)
    >>> len(fig.axes[0].texts), len(fig.axes[0].collections), data["partner"].nunique(), data is drawn
    (12, 12, 12, True)
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['1', '20', '84']
    >>> plt.close(fig)
    """
    ctx = context.reset_index(drop=True)
    x0, x1 = pd.Timestamp(span[0]), pd.Timestamp(span[1])
    if drawn.empty:  # dated stories, but no meeting sentence in any of them: say so
        return nothing_to_draw(
            "Meetings by partner", f"No meeting sentence found in the {dated_stories:,} dated stories."
        ), drawn
    if "level" in drawn.columns:
        return _timeline_marks(drawn, ctx, x0, x1, dated_stories=dated_stories)
    counts = drawn
    other = sorted(set(counts["binned_by"]) - {period, "year"})
    if other:
        raise ValueError(f"the counts are binned by {', '.join(other)}, not by {period}: pass period={other[0]!r}")
    lanes = list(dict.fromkeys(counts["partner"]))
    totals = counts.groupby("partner")["stories"].sum()  # a story is in one period of a lane
    start = pd.to_datetime(counts["start"])
    mid = start + (pd.to_datetime(counts["end"]) - start) / 2
    fine = counts["binned_by"] == period  # at period="year" every story is in its year: all dots
    biggest = max(1, int(counts["stories"].max())) if len(counts) else 1  # one scale for dots and rings
    unit_in = 0.34
    fig, ax = plt.subplots(figsize=(7.2, 1.45 + unit_in * len(lanes) + CONTEXT_ROW_IN * len(ctx)))
    context_top = _context_rows(ax, ctx, x0, x1, unit_in=unit_in)
    backgrounds = _lane_bands(ax, [y + 0.5 for y in range(len(lanes) + 1)])
    ink, clear = to_rgba(INK, DOT_ALPHA), (0.0, 0.0, 0.0, 0.0)
    for y, lane in enumerate(lanes, start=1):  # one scatter per lane: its dots, and its rings below them
        cell = (counts["partner"] == lane).to_numpy()
        dot = fine.to_numpy()[cell]  # stories dated only to the year, at months or quarters: a ring mid-year
        ax.scatter(
            mid[cell],
            np.where(dot, y, y + 0.3),
            s=_dot_area(counts.loc[cell, "stories"], biggest),
            facecolors=[ink if d else clear for d in dot],
            edgecolors=[clear if d else to_rgba(INK) for d in dot],
            linewidths=np.where(dot, 0.0, 0.7),
            zorder=3,
        )
    busiest = counts.assign(x=mid, y=counts["partner"].map({p: i for i, p in enumerate(lanes, start=1)}))
    busiest = busiest.sort_values(["stories", "start"], ascending=[False, True]).drop_duplicates("partner")
    for r in busiest.itertuples():
        ax.annotate(
            f"{r.period}: {r.stories} · {r.actors}",
            (r.x, r.y),
            xytext=(0, 6),
            textcoords="offset points",
            ha="left" if r.x < x0 + (x1 - x0) * ts.RIGHT_LABELS_FROM else "right",
            va="bottom",
            fontsize=6,
            bbox={"facecolor": backgrounds[r.y - 1], "edgecolor": "none", "pad": 0.3, "alpha": 0.85},
            zorder=4,
        )
    _lane_ticks(ax, list(range(1, len(lanes) + 1)), [f"{p} ({totals.get(p, 0):,})" for p in lanes], context_top)
    ax.set_ylim(len(lanes) + 0.5, context_top if len(ctx) else 0.5)
    _time_axis(ax, x0, x1)
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            ms=float(np.sqrt(_dot_area(k, biggest))),
            color=INK,
            alpha=DOT_ALPHA,
            label=f"{k}",
        )
        for k in ts.size_key(biggest)
    ]
    if (~fine).any():
        handles.append(
            Line2D([], [], marker="o", ls="", ms=6, markerfacecolor="none", color=INK, label="dated only to the year")
        )
    if len(ctx):
        handles.append(Patch(color=CONTEXT, label="context period (data/context_periods.csv)"))
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncols=len(handles),
        fontsize=6.5,
        title=f"stories in the {period} (dot area; largest {biggest:,})",
        title_fontsize=6.5,
    )
    fig.suptitle(
        f"Meetings by partner: {dated_stories:,} dated stories, counted per {period}",
        x=0.01,
        ha="left",
        fontsize=9,
        fontweight="bold",
    )
    ax.set_title(
        f"label: each partner's busiest {period}, its stories and the pair of officials most often named\n"
        "(n) after a partner: its dated stories"
        + (
            "; the partners with fewest stories pooled in the last lane"
            if lanes and lanes[-1].endswith(" other partners)")
            else ""
        ),
        fontsize=6.5,
        fontweight="normal",
        color="#555555",
        loc="left",
    )
    return fig, drawn


def _timeline_marks(
    marks: pd.DataFrame, ctx: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp, *, dated_stories: int
) -> tuple[Figure, pd.DataFrame]:
    """One labelled mark per (story, partner): the form for a few dozen stories."""
    partners = set(marks["partner"])
    lanes = sorted(partners - {ts.NO_PARTNER}) + ([ts.NO_PARTNER] if ts.NO_PARTNER in partners else [])
    right = marks["start"] > x0 + (x1 - x0) * ts.RIGHT_LABELS_FROM  # labels in the right part end at their mark
    levels = marks.groupby("partner")["level"].max().reindex(lanes).fillna(0)
    heights = levels * 0.5 + 1.0  # each lane: its label levels above, then its marks
    marker_y = heights.cumsum() - 0.2
    unit_in = 0.3
    fig, ax = plt.subplots(figsize=(7.2, 1.2 + unit_in * heights.sum() + CONTEXT_ROW_IN * len(ctx)))
    top = _context_rows(ax, ctx, x0, x1, unit_in=unit_in)
    # a lane runs from half-way between the previous lane's marks and its own top label to below its marks
    edges = [0.0, *(marker_y[lanes] + 0.25).tolist()]
    background = dict(zip(lanes, _lane_bands(ax, edges), strict=True))
    for r in marks.assign(right=right).itertuples():
        y0 = marker_y[r.partner]
        if r.date_precision == "day":
            ax.plot(r.start, y0, "o", ms=4, color=INK, zorder=3)
        else:
            ax.plot([r.start, r.end], [y0, y0], lw=4, color=INK, alpha=0.45, solid_capstyle="butt")
        y = y0 - 0.5 - r.level * 0.5
        ax.plot([r.start, r.start], [y0, y], lw=0.5, color="#aaaaaa", zorder=1)
        ax.annotate(
            r.text,
            (r.start, y),
            xytext=(-2 if r.right else 2, 0),
            textcoords="offset points",
            ha="right" if r.right else "left",
            va="center",
            fontsize=6.2,
            bbox={"facecolor": background[r.partner], "edgecolor": "none", "pad": 0.4, "alpha": 0.85},
        )
    _lane_ticks(ax, list(marker_y[lanes]), lanes, top)
    ax.set_ylim(edges[-1], top)
    _time_axis(ax, x0, x1)
    if (x1 - x0).days <= 366 * 20:  # a labelled tick every year while they fit
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    handles = []
    if (marks["date_precision"] == "day").any():
        handles.append(Line2D([], [], marker="o", ms=4, ls="", color=INK, label="dated to the day"))
    if (marks["date_precision"] != "day").any():
        handles.append(Line2D([], [], lw=4, color=INK, alpha=0.45, label="dated to the month or year: its span"))
    if len(ctx):
        handles.append(Patch(color=CONTEXT, label="context period (data/context_periods.csv)"))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=6.5)
    fig.suptitle(
        f"Meetings by partner: {dated_stories} dated stories", x=0.01, ha="left", fontsize=9, fontweight="bold"
    )
    ax.set_title(
        "one lane per partner; label: date, host – guest (or Vietnamese – partner if no host)",
        fontsize=7,
        fontweight="normal",
        color="#555555",
    )
    return fig, marks
