"""Figures of notebook 01: what is in the corpus."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from defcoop.annotate.language import language_name
from defcoop.plots.palette import CATEGORICAL, OTHER
from defcoop.plots.style import MAX_MARKS, nothing_to_draw

__all__ = [
    "NOT_RECOGNISED",
    "TOP_OUTLETS",
    "article_lengths",
    "articles_by_outlet_year",
    "articles_by_year",
    "histogram_table",
    "language_year_table",
    "outlet_year_table",
    "year_table",
]


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
        ax1.barh(lengths["doc_id"], lengths["n_words"], color=CATEGORICAL[0])
        ax1.set_xlabel("words")
        ax1.invert_yaxis()
        ax2.barh(lengths["doc_id"], lengths["n_sentences"], color=CATEGORICAL[1])
        ax2.set_xlabel("sentences")
        for ax, col in ((ax1, "n_words"), (ax2, "n_sentences")):
            for y, v in enumerate(lengths[col]):
                ax.annotate(f"{v}", (v, y), xytext=(2, 0), textcoords="offset points", va="center", fontsize=7)
        fig.suptitle("Article length after stripping furniture", x=0.02, ha="left", fontweight="bold", fontsize=10)
        return fig, lengths
    fig, axes = plt.subplots(1, 2, figsize=(7, 3))
    tables = []
    for ax, col, label, colour in (
        (axes[0], "n_words", "words", CATEGORICAL[0]),
        (axes[1], "n_sentences", "sentences", CATEGORICAL[1]),
    ):
        t = histogram_table(lengths[col], bins=bins, measure=label).rename(columns={"count": "articles"})
        ax.stairs(t["articles"], [*t["bin_start"], t["bin_end"].iloc[-1]], fill=True, color=colour)
        median = float(lengths[col].median())
        ax.axvline(median, color="#333333", lw=0.8, ls="--", label=f"median {median:,.4g}")
        ax.set_xlabel(f"{label} per article")
        ax.legend(loc="best", fontsize=7)
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


#: Outlets drawn in their own colour in ``01-articles-by-outlet-year``; the rest share one grey.
TOP_OUTLETS = 7
NOT_RECOGNISED = "outlet not recognised"
_MAX_TOTALS = 24  # up to this many bars each carries its total; above, the totals are in the CSV only


#: For each column a year table can be grouped by: the value of an article not recognised, its
#: label, and the nouns of the legend.
_GROUPINGS = {
    "outlet": ("", NOT_RECOGNISED, "outlet", "outlets"),
    "language": ("und", "language not determined", "language", "languages"),
}


def outlet_year_table(docs: pd.DataFrame, *, top: int = TOP_OUTLETS) -> pd.DataFrame:
    """Articles per year and outlet, with the group each outlet is drawn in.

    One row per (year, outlet): ``year`` (``undated`` for an article with no date), ``outlet``
    (empty when not recognised), ``articles`` and ``drawn_as``: the outlet itself for the
    ``top`` outlets with most articles (ties by name; at most the palette's eight colours),
    ``K other outlets`` for the rest and
    :data:`NOT_RECOGNISED` for articles whose outlet was not recognised.  Sorted by year, then
    outlet.

    >>> docs = pd.DataFrame({"date": ["2020-01-02", "2020-05-01", "", "2021-03"],
    ...                      "outlet": ["VNA", "VOV", "VNA", ""]})
    >>> outlet_year_table(docs, top=1)
          year outlet  articles               drawn_as
    0     2020    VNA         1                    VNA
    1     2020    VOV         1         1 other outlet
    2     2021                1  outlet not recognised
    3  undated    VNA         1                    VNA
    """
    return year_table(docs, "outlet", top=top)


def language_year_table(docs: pd.DataFrame, *, top: int = TOP_OUTLETS) -> pd.DataFrame:
    """Articles per year and language, as :func:`outlet_year_table` is per outlet: ``drawn_as``
    is the language's name (``Vietnamese (vi)``), ``K other languages`` past the ``top``, and
    ``language not determined`` for pages with too little text to tell (``und``).

    >>> docs = pd.DataFrame({"date": ["2020-01-02", "2020-05-01", ""], "language": ["vi", "en", "und"]})
    >>> language_year_table(docs)[["year", "language", "drawn_as"]].values.tolist()
    [['2020', 'en', 'English (en)'], ['2020', 'vi', 'Vietnamese (vi)'], ['undated', 'und', 'language not determined']]
    """
    return year_table(docs, "language", top=top)


def year_table(docs: pd.DataFrame, by: str, *, top: int = TOP_OUTLETS) -> pd.DataFrame:
    """Articles per year and value of ``by`` (``outlet`` or ``language``): see
    :func:`outlet_year_table` and :func:`language_year_table`."""
    unknown, unknown_label, noun, nouns = _GROUPINGS[by]
    years = docs["date"].fillna("").str[:4].replace("", "undated")
    values = docs[by].fillna(unknown)
    table = (
        pd.DataFrame({"year": years, by: values})
        .groupby(["year", by], as_index=False)
        .size()
        .rename(columns={"size": "articles"})
        .sort_values(["year", by], ignore_index=True)
    )
    per_value = table[table[by] != unknown].groupby(by)["articles"].sum()
    ranked = sorted(per_value.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = {name for name, _ in ranked[: min(top, len(CATEGORICAL))]}  # one palette colour each, at most
    rest = len(ranked) - len(shown)
    other = f"{rest} other {noun if rest == 1 else nouns}"
    label = language_name if by == "language" else str
    table["drawn_as"] = [
        unknown_label if v == unknown else (label(v) if v in shown else other) for v in table[by].tolist()
    ]
    return table


def articles_by_year(table: pd.DataFrame) -> Figure:
    """Stacked bars of articles per year, coloured by outlet group (``outlet_year_table``), or
    by language (a ``language_year_table``: the table's columns say which).

    Every year of the span gets a bar (an empty year shows as empty), undated articles a bar of
    their own after a gap; the named outlets take the palette's colours in order of size, the
    other outlets one grey and unrecognised outlets a hatched light grey, all in the legend with
    their article counts.  Year labels turn upright when there are many; the total over each
    bar is written while there are at most 24 bars.
    """

    by = "language" if "language" in table.columns else "outlet"
    _, unknown_label, noun, nouns = _GROUPINGS[by]
    if not len(table) or int(table["articles"].sum()) == 0:
        return nothing_to_draw(
            f"Articles by year and {noun}", "No article to count in this corpus (or in the languages kept)."
        )
    others = (f"other {noun}", f"other {nouns}")
    dated = sorted(y for y in set(table["year"]) if y != "undated")
    years = [str(y) for y in range(int(dated[0]), int(dated[-1]) + 1)] if dated else []
    undated = "undated" in set(table["year"])
    groups = table.groupby("drawn_as")["articles"].sum()
    named = [g for g in sorted(groups.index, key=lambda g: (-groups[g], g)) if g != unknown_label]
    named = [g for g in named if not g.endswith(others)] + [g for g in named if g.endswith(others)]
    order = named + ([unknown_label] if unknown_label in groups.index else [])
    wide = table.pivot_table(index="year", columns="drawn_as", values="articles", aggfunc="sum", fill_value=0)
    positions = {y: i for i, y in enumerate(years)}
    if undated:
        positions["undated"] = len(years) + (0.6 if years else 0)
    x = np.array([positions[y] for y in [*years, *(["undated"] if undated else [])]])
    labels = [*years, *(["undated"] if undated else [])]
    wide = wide.reindex(labels, fill_value=0)
    fig, ax = plt.subplots(figsize=(7, 3.4))
    bottom = np.zeros(len(labels))
    colours = iter(CATEGORICAL)
    for group in order:
        values = wide[group].to_numpy() if group in wide.columns else np.zeros(len(labels))
        style = {"color": OTHER}
        if group == unknown_label:
            style = {"facecolor": "#eeeeee", "edgecolor": "#999999", "hatch": "////", "linewidth": 0.5}
        elif not group.endswith(others):
            style = {"color": next(colours)}
        ax.bar(x, values, bottom=bottom, width=0.8, label=f"{group} ({int(groups[group]):,})", **style)
        bottom = bottom + values
    if len(labels) <= _MAX_TOTALS:
        for xi, total in zip(x, bottom, strict=True):
            ax.annotate(
                f"{int(total):,}",
                (xi, total),
                xytext=(0, 1),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=7,
            )
    ax.set_xticks(x, labels, rotation=90 if len(labels) > 12 else 0)
    ax.set_xlim(x.min() - 0.7, x.max() + 0.7) if len(x) else None
    ax.set_ylabel("articles")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(0, max(1, bottom.max(initial=0)) * 1.18)
    ax.grid(axis="x", visible=False)
    n = int(table["articles"].sum())
    n_undated = int(table.loc[table["year"] == "undated", "articles"].sum())
    ax.set_title(f"Articles by year and {noun} (n = {n:,}; {n_undated:,} undated)")
    ax.legend(title=f"{noun} (articles)", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, title_fontsize=8)
    return fig


#: The figure's earlier name (it drew outlets only), kept for notebooks that use it.
articles_by_outlet_year = articles_by_year
