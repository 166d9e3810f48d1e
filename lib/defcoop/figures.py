"""Saving figures: the only code in the workbook that writes to ``figures/``.

:func:`save_figure` writes ``NAME.png``, ``NAME.svg`` and ``NAME.csv`` (the data behind the
figure) so that a figure in a report can be checked against its numbers.  Output is
byte-reproducible: no timestamps or software versions in the files, a fixed SVG hash salt,
and every file written to a temporary name and renamed, so an interrupted run never leaves a
half-written figure.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from defcoop import timeseries as ts
from defcoop.export import write_csv
from defcoop.paths import FIGURES_DIR, STYLE_FILE

__all__ = [
    "MAX_CELL_LABELS",
    "MAX_MARKS",
    "STYLE",
    "SavedFigure",
    "article_lengths",
    "count_heatmap",
    "histogram_table",
    "meetings_timeline",
    "save_figure",
    "use_style",
]

STYLE = str(STYLE_FILE)
_NAME = re.compile(r"^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Up to this many items a figure draws one labelled mark per item (a bar per article, a label
#: per story); above it, it draws an aggregate (histogram, counts per period) whose number of
#: artists does not grow with the corpus.  Constrained layout measures every text artist, so a
#: label per item costs minutes at 10,000 items.
MAX_MARKS = 40
#: A heatmap writes its count in every cell up to this many cells; above, a colour bar reads
#: the cells and the numbers are in the figure's CSV (hundreds of texts cost seconds per save).
MAX_CELL_LABELS = 120


def use_style() -> None:
    """Apply the workbook style sheet to matplotlib (notebooks call this once)."""
    plt.style.use(STYLE)


@dataclass(frozen=True)
class SavedFigure:
    name: str
    files: tuple[str, ...]  # file names, relative to the figures folder

    def __repr__(self) -> str:
        return f"saved {self.name}: " + ", ".join(self.files)


def _atomic_write(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_figure(
    fig: Figure,
    name: str,
    *,
    data: pd.DataFrame,
    directory: str | Path | None = None,
) -> SavedFigure:
    """Write ``fig`` as PNG and SVG and ``data`` as CSV, byte-reproducibly.

    Parameters
    ----------
    fig : the matplotlib figure.
    name : ``NN-words-with-hyphens``, NN being the number of the notebook that makes it.
    data : the tidy table the figure plots (written as ``NAME.csv``, UTF-8, no index; text cells
        that a spreadsheet would take for a formula get a leading ``'``, see :mod:`defcoop.export`).
    directory : where to write; defaults to the repository's ``figures/``.

    Examples
    --------
    >>> import tempfile, matplotlib.pyplot as plt, pandas as pd
    >>> fig, ax = plt.subplots()
    >>> _ = ax.bar(["a", "b"], [1, 2])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     save_figure(fig, "01-example", data=pd.DataFrame({"x": ["a", "b"], "n": [1, 2]}), directory=d)
    saved 01-example: 01-example.png, 01-example.svg, 01-example.csv
    >>> plt.close(fig)
    >>> save_figure(fig, "Example", data=pd.DataFrame())
    Traceback (most recent call last):
    ...
    ValueError: figure name 'Example' must look like '03-actor-frequency' (NN-lowercase-words)
    """
    if not _NAME.match(name):
        raise ValueError(f"figure name {name!r} must look like '03-actor-frequency' (NN-lowercase-words)")
    if not isinstance(data, pd.DataFrame):
        raise TypeError("data must be the DataFrame the figure plots")
    out = Path(directory) if directory is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    png, svg, csv = (out / f"{name}.{ext}" for ext in ("png", "svg", "csv"))
    with mpl.rc_context({"svg.hashsalt": "defcoop", "svg.fonttype": "path"}):
        _atomic_write(png, lambda p: fig.savefig(p, format="png", metadata={"Software": None}))
        _atomic_write(svg, lambda p: fig.savefig(p, format="svg", metadata={"Date": None, "Creator": None}))
    _atomic_write(csv, lambda p: write_csv(data, p))  # spreadsheet-safe (defcoop.export)
    return SavedFigure(name, (png.name, svg.name, csv.name))


def count_heatmap(
    ax,
    wide: pd.DataFrame,
    *,
    ylabels: list[str] | None = None,
    xlabel: str = "",
    max_labels: int = MAX_CELL_LABELS,
    label: str = "count",
) -> bool:
    """Draw a table of counts as a heatmap with each count written in its cell.

    ``wide`` has one row per y category and one column per x category (already ordered).
    Counts on dark cells (above 60% of the maximum) are written in white.  Above
    ``max_labels`` cells no count is written; a colour bar labelled ``label`` reads the cells.
    Returns whether the counts were written.

    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> fig, ax = plt.subplots()
    >>> count_heatmap(ax, pd.DataFrame({"2018": [2, 0], "2024": [1, 3]}, index=["a", "b"]), xlabel="year")
    True
    >>> [t.get_text() for t in ax.texts]
    ['2', '1', '0', '3']
    >>> plt.close(fig)
    """
    values = wide.to_numpy()
    im = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    top = values.max() if values.size else 0
    labelled = values.size <= max_labels
    if not labelled:
        ax.figure.colorbar(im, ax=ax, shrink=0.8, label=label)
    if labelled:
        for (i, j), v in np.ndenumerate(values):
            colour = "white" if v > 0.6 * top else "black"
            ax.annotate(f"{v}", (j, i), ha="center", va="center", fontsize=8, color=colour)
    ax.set_xticks(range(wide.shape[1]), wide.columns)
    ax.set_yticks(range(wide.shape[0]), ylabels if ylabels is not None else list(wide.index))
    ax.set_xlabel(xlabel)
    ax.grid(False)
    return labelled


def histogram_table(values: pd.Series, *, bins: int = 30, measure: str = "") -> pd.DataFrame:
    """Counts of integer ``values`` in at most ``bins`` equal-width bins of whole numbers.

    One row per bin: ``measure, bin_start`` (inclusive), ``bin_end`` (exclusive), ``count``.
    Every bin from the smallest value to the largest is listed, empty ones too.

    >>> histogram_table(pd.Series([3, 4, 4, 9]), bins=3, measure="words").values.tolist()
    [['words', 3, 6, 3], ['words', 6, 9, 0], ['words', 9, 12, 1]]
    """
    v = np.asarray(values, dtype=np.int64)
    if not v.size:
        return pd.DataFrame(columns=["measure", "bin_start", "bin_end", "count"])
    lo, hi = int(v.min()), int(v.max())
    width = max(1, -(-(hi - lo + 1) // bins))
    edges = lo + width * np.arange((hi - lo) // width + 2)
    counts = np.bincount((v - lo) // width, minlength=len(edges) - 1)
    return pd.DataFrame(
        {"measure": measure, "bin_start": edges[:-1], "bin_end": edges[1:], "count": counts[: len(edges) - 1]}
    )


def article_lengths(lengths: pd.DataFrame, *, max_bars: int = MAX_MARKS, bins: int = 30) -> tuple[Figure, pd.DataFrame]:
    """Words and sentences per article (``doc_id, n_words, n_sentences``), and the table drawn.

    Up to ``max_bars`` articles: one labelled bar per article, and the table is ``lengths``.
    Above: a histogram of each measure with its median, and the table is one row per bin
    (:func:`histogram_table`, ``count`` = articles), so the figure has the same few artists
    for 50 articles or 100,000.

    >>> import matplotlib.pyplot as plt
    >>> big = pd.DataFrame({"doc_id": [f"d{i}" for i in range(500)], "n_words": range(500),
    ...                     "n_sentences": [i % 20 for i in range(500)]})
    >>> fig, data = article_lengths(big)
    >>> len(fig.axes[0].patches), sorted(set(data["measure"]))
    (1, ['sentences', 'words'])
    >>> plt.close(fig)
    """
    if len(lengths) <= max_bars:
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(7, 3), sharey=True)
        ax1.barh(lengths["doc_id"], lengths["n_words"])
        ax1.set_xlabel("words")
        ax1.invert_yaxis()
        ax2.barh(lengths["doc_id"], lengths["n_sentences"], color="#c0392b")
        ax2.set_xlabel("sentences")
        for ax, col in ((ax1, "n_words"), (ax2, "n_sentences")):
            for y, v in enumerate(lengths[col]):
                ax.annotate(f"{v}", (v, y), xytext=(2, 0), textcoords="offset points", va="center", fontsize=7)
        fig.suptitle("Article length after stripping furniture", x=0.02, ha="left", fontweight="bold", fontsize=10)
        return fig, lengths
    fig, axes = plt.subplots(1, 2, figsize=(7, 3))
    tables = []
    for ax, col, label, colour in (
        (axes[0], "n_words", "words", "#0f4c81"),
        (axes[1], "n_sentences", "sentences", "#c0392b"),
    ):
        t = histogram_table(lengths[col], bins=bins, measure=label).rename(columns={"count": "articles"})
        ax.stairs(t["articles"], [*t["bin_start"], t["bin_end"].iloc[-1]], fill=True, color=colour)
        median = float(lengths[col].median())
        ax.axvline(median, color="#333333", lw=0.8, ls="--")
        ax.set_xlabel(f"{label} per article (dashed line: median {median:g})")
        ax.yaxis.get_major_locator().set_params(integer=True)
        tables.append(t)
    axes[0].set_ylabel("articles")
    fig.suptitle(
        f"Article length after stripping furniture: {len(lengths):,} articles",
        x=0.02,
        ha="left",
        fontweight="bold",
        fontsize=10,
    )
    return fig, pd.concat(tables, ignore_index=True)


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
    """The sequence of meetings by partner (rows of :func:`defcoop.timeseries.timeline`), and the table drawn.

    Up to ``max_labels`` rows: one mark per story and partner (a dot for a day, a bar for a
    month or year), each labelled with its date and actors, labels stacked so they do not
    overlap.  Above: the counts of :func:`defcoop.timeseries.timeline_counts` — per lane
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
