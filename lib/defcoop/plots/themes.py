"""Figures of notebook 04: themes over time.  One function per figure; each returns the figure and
the tidy table it plots, for :func:`defcoop.plots.save_figure`.

The tables come from :mod:`defcoop.analysis.timeseries`; these functions only draw them.
"""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from defcoop.analysis import timeseries as ts
from defcoop.plots.heatmap import count_heatmap
from defcoop.plots.style import MAX_CELL_LABELS

__all__ = ["meetings_timeline", "theme_shares_over_time", "themes_by_partner"]

#: The colour of the marks of every figure here.
INK = "#0f4c81"


def theme_shares_over_time(
    shares: pd.DataFrame,
    *,
    context: pd.DataFrame,
    period: ts.Period,
    low_n: int = 3,
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

    Returns
    -------
    (matplotlib.figure.Figure, pandas.DataFrame)
        The figure and ``shares``, the table it draws.

    Notes
    -----
    Each panel has a dot per period with stories (the share), its Wilson interval, and up to
    12 periods the count ``with_theme/stories`` above it; periods without stories are grey
    bands.  The stories per period are bars (their counts written up to 24 periods), beyond
    24 periods one filled step outline.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2018-03-28", "2018-05-01", "2020-07-03"],
    ...     "duplicate_of": "", "on_topic": True, "language": "en", "outlet": "VNA",
    ...     "partners": [["Belarus"]] * 3, "themes": [["peacekeeping"], [], ["training_education"]]})
    >>> shares = ts.theme_shares(s, period="year", themes=["peacekeeping", "training_education"])
    >>> fig, table = theme_shares_over_time(shares, context=ts.context_periods().iloc[:0], period="year")
    >>> len(fig.axes), table is shares  # context strip, stories per period, one panel per theme
    (4, True)
    >>> plt.close(fig)
    """
    ctx = context.reset_index(drop=True)
    bins = shares.drop_duplicates("period")[["period", "start", "end", "stories"]].reset_index(drop=True)
    bins[["start", "end"]] = bins[["start", "end"]].apply(pd.to_datetime)
    bins["mid"] = bins["start"] + (bins["end"] - bins["start"]) / 2
    labels = dict(zip(shares["theme"], shares["theme_label"], strict=True))
    themes = list(dict.fromkeys(shares["theme"]))
    ncols, nrows = 3, -(-len(themes) // 3)
    fig = plt.figure(figsize=(7.2, 2.1 + 0.12 * len(ctx) + 1.05 * nrows))
    grid = fig.add_gridspec(nrows + 2, ncols, height_ratios=[0.2 + 0.14 * len(ctx), 0.8] + [1.0] * nrows)
    ax_ctx = fig.add_subplot(grid[0, :])
    ax_n = fig.add_subplot(grid[1, :], sharex=ax_ctx)
    for i, c in ctx.iterrows():  # context strip: one row per period from the data file
        a, b = max(pd.Timestamp(c["start"]), bins["start"].min()), min(pd.Timestamp(c["end"]), bins["end"].max())
        ax_ctx.barh(i, (b - a).days + 1, left=a, height=0.6, color="#999999")
        right = a > bins["start"].min() + (bins["end"].max() - bins["start"].min()) / 2
        ax_ctx.annotate(
            c["label"],
            (b if not right else a, i),
            xytext=(3 if not right else -3, 0),
            textcoords="offset points",
            ha="right" if right else "left",
            va="center",
            fontsize=6.5,
        )
    ax_ctx.set_ylim(len(ctx) - 0.4, -0.6)
    ax_ctx.set_yticks([])
    ax_ctx.set_title("Context (data/context_periods.csv)", fontsize=8, fontweight="normal", color="#555555")
    ax_ctx.tick_params(labelbottom=False, bottom=False)
    ax_ctx.grid(False)
    ax_ctx.spines[["left", "bottom"]].set_visible(False)
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
        if len(bins) <= 24 and (r.stories or len(bins) <= 12):
            ax_n.annotate(
                f"n={r.stories}" if len(bins) <= 12 else f"{r.stories}",
                (r.mid, r.stories),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=6.5,
                color="#000000" if r.stories else "#999999",
            )
        if not r.stories:
            ax_n.axvspan(r.start, r.end, color="#eeeeee", lw=0)
    ax_n.set_ylim(0, max(1, bins["stories"].max()) * 1.35)
    ax_n.yaxis.get_major_locator().set_params(integer=True)
    ax_n.set_ylabel("stories")
    ax_n.set_title(f"Stories per {period} (the denominator of every share below)", fontsize=8.5)
    ax_n.tick_params(labelbottom=False)
    empty = bins[bins["stories"] == 0]
    for j, t in enumerate(themes):
        ax = fig.add_subplot(grid[2 + j // ncols, j % ncols], sharex=ax_ctx)
        sub = shares[(shares["theme"] == t) & (shares["stories"] > 0)].merge(bins[["period", "mid"]], on="period")
        for r in empty.itertuples():
            ax.axvspan(r.start, r.end, color="#eeeeee", lw=0)
        ax.vlines(sub["mid"], sub["ci_low"], sub["ci_high"], color="#9db7d5", lw=1.6)
        solid = sub["stories"] >= low_n
        ax.scatter(sub.loc[solid, "mid"], sub.loc[solid, "share"], s=14, color=INK, zorder=3)
        ax.scatter(sub.loc[~solid, "mid"], sub.loc[~solid, "share"], s=14, facecolor="white", edgecolor=INK, zorder=3)
        if len(bins) <= 12:
            for r in sub.itertuples():
                ax.annotate(
                    f"{r.with_theme}/{r.stories}",
                    (r.mid, r.ci_high),
                    xytext=(0, 1.5),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=5.5,
                    color="#444444",
                )
        ax.set_ylim(-0.05, 1.3)
        ax.set_yticks([0, 0.5, 1], ["0%", "50%", "100%"] if j % ncols == 0 else [])
        ax.grid(axis="y", color="#eeeeee")
        ax.set_title(textwrap.fill(labels[t], 34), fontsize=7, fontweight="bold")
        ax.tick_params(labelbottom=j >= len(themes) - ncols, labelsize=6.5)
    ax_ctx.set_xlim(bins["start"].min(), bins["end"].max())
    if len(bins) <= 12:  # few periods: a tick at each middle, labelled at most six times
        step = -(-len(bins) // 6)
        ax_ctx.set_xticks(bins["mid"], [p if i % step == 0 else "" for i, p in enumerate(bins["period"])])
    else:
        ax_ctx.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
        ax_ctx.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax_ctx.xaxis.get_major_locator()))
    fig.legend(
        handles=[
            Line2D([], [], marker="o", ls="", color=INK, label=f"share, {low_n}+ stories"),
            Line2D([], [], marker="o", ls="", markerfacecolor="white", color=INK, label=f"share, fewer than {low_n}"),
            Line2D([], [], color="#9db7d5", lw=1.6, label="95% interval (Wilson)"),
            Patch(color="#eeeeee", label="no stories in the period"),
        ],
        loc="outside lower center",
        ncols=4,
        fontsize=6.5,
    )
    fig.suptitle(
        f"Share of stories carrying each theme, per {period} ({bins['stories'].sum()} stories placed and read "
        "for themes)\nlabels: stories with the theme / stories in the period",
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
        Rows for at most this many partners, the first of ``by_partner``.
    low_n : int
        Rows of partners with fewer stories are washed out and their labels grey.
    max_labels : int
        Above this many cells the counts are not written (the colour bar reads the shares).

    Returns
    -------
    (matplotlib.figure.Figure, pandas.DataFrame)
        The figure and ``by_partner``, the table it draws.

    Notes
    -----
    A cell is coloured by the share of the partner's stories carrying the theme and labelled
    with the number of those stories.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": "", "duplicate_of": "", "on_topic": True,
    ...     "language": "en", "outlet": "VNA", "partners": [["Belarus"], ["Belarus"], ["Russia"]],
    ...     "themes": [["peacekeeping"], [], ["peacekeeping"]]})
    >>> by_partner = ts.theme_totals(s, by="partner", themes=["peacekeeping", "training_education"])
    >>> fig, table = themes_by_partner(by_partner, stories_read=3, low_n=2)
    >>> [t.get_text() for t in fig.axes[0].texts], [t.get_text() for t in fig.axes[0].get_yticklabels()]
    (['1', '0', '1', '0'], ['Belarus  (n = 2)', 'Russia  (n = 1)'])
    >>> plt.close(fig)
    """
    themes = list(dict.fromkeys(by_partner["theme"]))
    labels = dict(zip(by_partner["theme"], by_partner["theme_label"], strict=True))
    all_partners = list(dict.fromkeys(by_partner["partner"]))
    partners = all_partners[:top_n]  # the partners with most stories
    n_partner = by_partner.drop_duplicates("partner").set_index("partner")["stories"]
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
        ylabels=[f"{p}  (n = {n_partner[p]})" for p in partners],
        label="share",
        colorbar=True,
        colorbar_format="{x:.0%}",
    )
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.tick_params(length=0)
    cut = (
        f"; the {len(partners)} of {len(all_partners)} partners with most stories"
        if len(partners) < len(all_partners)
        else ""
    )
    fig.suptitle(
        f"Themes by partner ({stories_read} stories read for themes{cut})",
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
    return fig, by_partner


def _context_rows(ax, ctx: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp) -> None:
    for i, c in ctx.iterrows():  # context rows above the lanes, from the data file
        a, b = max(pd.Timestamp(c["start"]), x0), min(pd.Timestamp(c["end"]) + pd.Timedelta(days=1), x1)
        y = -0.3 - 0.3 * (len(ctx) - 1 - i)
        ax.barh(y, (b - a).days, left=a, height=0.16, color="#999999")
        right = a > x0 + (x1 - x0) * ts.RIGHT_LABELS_FROM
        ax.annotate(
            c["label"],
            (a if right else b, y),
            xytext=(-3 if right else 3, 0),
            textcoords="offset points",
            ha="right" if right else "left",
            va="center",
            fontsize=6,
            color="#555555",
        )


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
        :func:`~defcoop.analysis.timeseries.timeline_counts`, drawn per lane as one dot per
        period with area proportional to its stories, a thin bar for each year with stories
        dated only to the year, and one label per lane, on its busiest period.
    context : pandas.DataFrame
        Context rows (``start``, ``end``, ``label``) drawn above the lanes, clipped to ``span``.
    span : (str, str)
        The start and end of the x axis (ISO dates, the end exclusive).
    dated_stories : int
        The dated stories behind ``drawn``, for the title (a story with two partners is in
        two lanes, so the lanes may add up to more).
    period : {"month", "quarter", "year"}
        The period of the counts, for the titles.

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
    >>> plt.close(fig)
    """
    ctx = context.reset_index(drop=True)
    x0, x1 = pd.Timestamp(span[0]), pd.Timestamp(span[1])
    if "level" in drawn.columns:
        return _timeline_marks(drawn, ctx, x0, x1, dated_stories=dated_stories)
    counts = drawn
    lanes = list(dict.fromkeys(counts["partner"]))
    totals = counts.groupby("partner")["stories"].sum()  # a story is in one period of a lane
    start = pd.to_datetime(counts["start"])
    mid = start + (pd.to_datetime(counts["end"]) - start) / 2
    fig, ax = plt.subplots(figsize=(7.2, 1.6 + 0.32 * len(lanes) + 0.12 * len(ctx)))
    _context_rows(ax, ctx, x0, x1)
    fine = counts["binned_by"] != "year"
    biggest = max(1, int(counts.loc[fine, "stories"].max())) if fine.any() else 1
    for y, lane in enumerate(lanes, start=1):
        cell = counts["partner"] == lane
        dots = cell & fine
        ax.scatter(
            mid[dots],
            [y] * int(dots.sum()),
            s=2 + 80 * counts.loc[dots, "stories"] / biggest,
            color=INK,
            alpha=0.6,
            lw=0,
            zorder=3,
        )
        years = cell & ~fine
        if years.any():
            ends = pd.to_datetime(counts.loc[years, "end"])
            ax.barh(
                [y + 0.28] * int(years.sum()),
                (ends - start[years]).dt.days,
                left=start[years],
                height=0.12,
                color=INK,
                alpha=0.3,
                lw=0,
            )
    busiest = counts.assign(x=mid, y=counts["partner"].map({p: i for i, p in enumerate(lanes, start=1)}))
    busiest = busiest.sort_values(["stories", "start"], ascending=[False, True]).drop_duplicates("partner")
    for r in busiest.itertuples():
        ax.annotate(
            f"{r.period}: {r.stories} · {r.actors}",
            (r.x, r.y),
            xytext=(0, 7),
            textcoords="offset points",
            ha="left" if r.x < x0 + (x1 - x0) * ts.RIGHT_LABELS_FROM else "right",
            va="bottom",
            fontsize=5.8,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.3, "alpha": 0.8},
            zorder=4,
        )
    ax.axhline(0, color="#cccccc", lw=0.6)
    ax.set_yticks(
        list(range(1, len(lanes) + 1)) + ([-0.15 - 0.15 * len(ctx)] if len(ctx) else []),
        [f"{p} ({totals.get(p, 0):,})" for p in lanes] + (["context"] if len(ctx) else []),
    )
    ax.set_ylim(len(lanes) + 0.6, -0.15 - 0.3 * len(ctx))
    ax.set_xlim(x0, x1)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=10))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.grid(True, axis="x")
    fig.suptitle(
        f"Meetings by partner: {dated_stories:,} dated stories, counted per {period}",
        x=0.01,
        ha="left",
        fontsize=9,
        fontweight="bold",
    )
    ax.set_title(
        f"dot area: stories in the {period} (largest: {biggest}); faint bar: stories dated only to the year\n"
        f"label: each partner's busiest {period}, its stories and the pair of officials most often named",
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
    marker_y = (levels * 0.5 + 1.0).cumsum() - 0.2  # each lane: its label levels above, then its marks
    fig, ax = plt.subplots(figsize=(7.2, 1.0 + 0.3 * (levels * 0.5 + 1.0).sum() + 0.12 * len(ctx)))
    _context_rows(ax, ctx, x0, x1)
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
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.4, "alpha": 0.85},
        )
    ax.axhline(0, color="#cccccc", lw=0.6)
    ax.set_yticks(
        list(marker_y[lanes]) + ([-0.15 - 0.15 * len(ctx)] if len(ctx) else []),
        lanes + (["context"] if len(ctx) else []),
    )
    ax.get_yticklabels()[-1].set_color("#777777" if len(ctx) else "#000000")
    ax.set_ylim(marker_y.max() + 0.4, -0.15 - 0.3 * len(ctx))
    ax.set_xlim(x0, x1)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    fig.suptitle(
        f"Meetings by partner: {dated_stories} dated stories", x=0.01, ha="left", fontsize=9, fontweight="bold"
    )
    ax.set_title(
        "dot: day known; bar: month or year only; labels: date, host – guest (or Vietnamese – partner if no host)",
        fontsize=7,
        fontweight="normal",
        color="#555555",
    )
    return fig, marks
