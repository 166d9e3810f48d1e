"""The meetings timeline of notebook 04."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from defcoop.analysis import timeseries as ts
from defcoop.plots.style import MAX_MARKS


def _context_rows(ax, ctx: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp) -> None:
    for i, c in ctx.iterrows():  # context rows above the lanes, from the data file
        a, b = max(pd.Timestamp(c["start"]), x0), min(pd.Timestamp(c["end"]) + pd.Timedelta(days=1), x1)
        y = -0.3 - 0.3 * (len(ctx) - 1 - i)
        ax.barh(y, (b - a).days, left=a, height=0.16, color="#999999")
        right = a > x0 + (x1 - x0) * 0.55
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
    tl: pd.DataFrame,
    *,
    context: pd.DataFrame,
    span: tuple[str, str],
    period: ts.Period = "month",
    max_labels: int = MAX_MARKS,
    max_lanes: int = 12,
) -> tuple[Figure, pd.DataFrame]:
    """The sequence of meetings by partner (rows of :func:`defcoop.analysis.timeseries.timeline`), and the table drawn.

    Up to ``max_labels`` rows: one mark per story and partner (a dot for a day, a bar for a
    month or year), each labelled with its date and actors, labels stacked so they do not
    overlap.  Above: the counts of :func:`defcoop.analysis.timeseries.timeline_counts` — per lane
    (at most ``max_lanes`` partners), one dot per ``period`` with area proportional to its
    stories, a thin bar for each year with stories dated only to the year, and one label per
    lane, on its busiest period; the table is the counts.  ``context`` rows (start, end,
    label) are drawn above the lanes in both forms; ``span`` is the (start, end) of the x axis.

    >>> import matplotlib.pyplot as plt
    >>> big = pd.DataFrame({"partner": [f"P{i % 30}" for i in range(5000)], "doc_id": [f"d{i}" for i in range(5000)],
    ...     "date": [f"{2010 + i % 10}-{1 + i % 12:02d}-01" for i in range(5000)], "actors": "A – B"})
    >>> big["date_precision"], big["start"], big["end"] = "day", big["date"], big["date"]
    >>> fig, data = meetings_timeline(big, context=pd.DataFrame(columns=["start", "end", "label"]),
    ...                               span=("2010-01-01", "2020-01-01"))
    >>> len(fig.axes[0].texts), len(fig.axes[0].collections), data["partner"].nunique()
    (12, 12, 12)
    >>> plt.close(fig)
    """
    ctx = context.reset_index(drop=True)
    x0, x1 = pd.Timestamp(span[0]), pd.Timestamp(span[1])
    if len(tl) <= max_labels:
        return _timeline_marks(tl, ctx, x0, x1)
    counts = ts.timeline_counts(tl, period=period, max_lanes=max_lanes)
    lanes = list(dict.fromkeys(counts["partner"]))
    totals = tl.assign(partner=ts.timeline_lanes(tl, max_lanes)[1]).groupby("partner")["doc_id"].nunique()
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
            color="#0f4c81",
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
                color="#0f4c81",
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
            ha="left" if r.x < x0 + (x1 - x0) * 0.55 else "right",
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
        f"Meetings by partner: {tl['doc_id'].nunique():,} dated stories, counted per {period}",
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
    return fig, counts


def _timeline_marks(
    tl: pd.DataFrame, ctx: pd.DataFrame, x0: pd.Timestamp, x1: pd.Timestamp
) -> tuple[Figure, pd.DataFrame]:
    """One labelled mark per (story, partner): the form for a few dozen stories."""
    partners = set(tl["partner"])
    lanes = sorted(partners - {ts.NO_PARTNER}) + ([ts.NO_PARTNER] if ts.NO_PARTNER in partners else [])
    days_per_char = (x1 - x0).days / 110  # about 110 label characters fit across the axis at this size
    tl = tl.assign(start=pd.to_datetime(tl["start"]), end=pd.to_datetime(tl["end"]) + pd.Timedelta(days=1))
    tl["text"] = tl["date"] + "  " + tl["actors"]
    tl["right"] = tl["start"] > x0 + (x1 - x0) * 0.55  # labels in the right part end at their mark
    tl["from"] = [
        (s - x0).days - (len(t) * days_per_char if r else 0)
        for s, t, r in zip(tl["start"], tl["text"], tl["right"], strict=True)
    ]
    tl["level"] = 0
    for lane in lanes:
        rows = tl.index[tl["partner"] == lane]
        tl.loc[rows, "level"] = ts.stack_labels(
            tl.loc[rows, "from"].tolist(), [len(t) * days_per_char for t in tl.loc[rows, "text"]], gap=20
        )
    levels = tl.groupby("partner")["level"].max().reindex(lanes).fillna(0)
    marker_y = (levels * 0.5 + 1.0).cumsum() - 0.2  # each lane: its label levels above, then its marks
    fig, ax = plt.subplots(figsize=(7.2, 1.0 + 0.3 * (levels * 0.5 + 1.0).sum() + 0.12 * len(ctx)))
    _context_rows(ax, ctx, x0, x1)
    for r in tl.itertuples():
        y0 = marker_y[r.partner]
        if r.date_precision == "day":
            ax.plot(r.start, y0, "o", ms=4, color="#0f4c81", zorder=3)
        else:
            ax.plot([r.start, r.end], [y0, y0], lw=4, color="#0f4c81", alpha=0.45, solid_capstyle="butt")
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
        f"Meetings by partner: {tl['doc_id'].nunique()} dated stories", x=0.01, ha="left", fontsize=9, fontweight="bold"
    )
    ax.set_title(
        "dot: day known; bar: month or year only; labels: date, Vietnamese official – partner official",
        fontsize=7,
        fontweight="normal",
        color="#555555",
    )
    return fig, tl.drop(columns=["from", "right"])
