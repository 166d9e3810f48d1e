"""Figures of notebook 01: what is in the corpus."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from defcoop.plots.style import MAX_MARKS


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
