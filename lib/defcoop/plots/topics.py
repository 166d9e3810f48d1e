"""Figures of notebook 02: topic clustering.  One function per figure; each returns the figure and
the tidy table it plots, for :func:`defcoop.plots.save_figure`.

Every function takes fitted :class:`~defcoop.analysis.topics.TopicModel` objects (and the
passages or vectors they were fitted on), computes its table with the functions of
:mod:`defcoop.analysis.topics` and draws it; the table returned is exactly what is drawn.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from defcoop.analysis import topics
from defcoop.plots import palette
from defcoop.plots.heatmap import count_heatmap

__all__ = ["topic_map_figure", "topic_partners_figure", "topic_terms_figure", "topic_years_figure"]

#: How each model is named in titles and panel headings.
MODEL_NAMES: dict[str, str] = {"nmf": "NMF", "kmeans": "k-means"}

#: Width of every figure of the notebook: a two-column journal page (see :mod:`defcoop.plots.layout`).
WIDTH = 7.2
#: Panels per row in the terms figure.
TERM_COLUMNS = 4
#: Partners with a column of their own in the partners figure; the others share one column.
TOP_PARTNERS = 12
#: Most labelled columns in a heatmap (7 pt labels turned upright need about 10 pt each).
MAX_COLUMN_LABELS = 30
#: Longest topic label in a tick label or legend entry (characters), cut with an ellipsis.
MAX_LABEL = 42


def _colour(topic: int, junk: bool = False) -> str:
    """The colour of a topic: Okabe-Ito in order (1 -> blue ... 8 -> black); grey for a junk topic."""
    if junk or topic < 1:
        return palette.OTHER
    return palette.categorical(topic)[topic - 1]


def _short(text: str, n: int = MAX_LABEL) -> str:
    """``text`` cut at a word to at most ``n`` characters, with an ellipsis when cut.

    >>> _short("signed · training · memorandum understanding", 30)
    'signed · training…'
    """
    if len(text) <= n:
        return text
    return text[: n - 1].rsplit(" ", 1)[0].rstrip(" ·") + "…"


def _suptitle(fig, text: str) -> None:
    fig.suptitle(text, x=0.01, ha="left", fontweight="bold", fontsize=9)


def _same_k(models: Sequence[topics.TopicModel]) -> int:
    if not models:
        raise ValueError("no model to draw")
    ks = {m.k for m in models}
    if len(ks) != 1:
        raise ValueError(f"the models have different numbers of topics: {sorted(ks)}")
    return ks.pop()


def _quality(models: Sequence[topics.TopicModel], vectors: topics.Vectors | None) -> pd.DataFrame | None:
    if vectors is None:
        return None
    return pd.concat([topics.topic_quality(m, vectors) for m in models], ignore_index=True)


def topic_terms_figure(
    models: Sequence[topics.TopicModel],
    *,
    unit: str,
    top_n: int = 8,
    vectors: topics.Vectors | None = None,
) -> tuple[Figure, pd.DataFrame]:
    """Top terms per topic: one block of panels per model, one panel per topic.

    Parameters
    ----------
    models : fitted models with the same ``k`` (the notebook passes NMF, then k-means).
    unit : what a passage is (``"paragraph"``, ``"article"``...), for the title.
    top_n : terms per topic (distinct: :func:`defcoop.analysis.topics.topic_terms`).
    vectors : the TF-IDF the models were fitted on; with it, each panel says its topic's
        coherence (NPMI) and a junk topic (:func:`defcoop.analysis.topics.topic_quality`) is
        drawn in grey and titled so.

    Returns
    -------
    fig : 7.2 in wide; each model a block of up to four panels a row, titled with its topic's
        number of passages (and NPMI); each term written over a bar as long as its weight
        (the axis is shared within a model).
    table : the terms drawn (``model, topic, rank, term, weight``, weights rounded to 4
        decimals), with ``passages`` and, with ``vectors``, ``npmi`` and ``junk``.

    Examples
    --------
    >>> texts = ["frigate sonar torpedo navy"] * 3 + ["hospital surgeon vaccine medicine"] * 3
    >>> u = pd.DataFrame({"unit_id": list("abcdef"), "text": texts})
    >>> v = topics.vectorise(u, ngrams=1, max_df=1.0)
    >>> fig, table = topic_terms_figure([topics.fit_topics(v, k=2)], unit="paragraph", top_n=2)
    >>> [ax.get_title(loc="left") for ax in fig.axes]
    ['NMF 1 · n = 3', 'NMF 2 · n = 3']
    >>> table["term"].tolist()
    ['frigate', 'sonar', 'hospital', 'medicine']
    >>> plt.close(fig)
    """
    k = _same_k(models)
    terms = pd.concat([topics.topic_terms(m, top_n=top_n) for m in models], ignore_index=True)
    terms["weight"] = terms["weight"].round(4)
    sizes = {m.model: np.bincount(m.labels, minlength=k + 1) for m in models}
    terms["passages"] = [int(sizes[m][t]) for m, t in zip(terms["model"], terms["topic"], strict=True)]
    quality = _quality(models, vectors)
    if quality is not None:
        terms = terms.merge(quality[["model", "topic", "npmi", "junk"]], on=["model", "topic"], how="left")
        terms["npmi"] = terms["npmi"].round(3)
    ncols = min(k, TERM_COLUMNS)
    nrows = -(-k // ncols)
    row_h = 0.15 * top_n + 0.55
    fig = plt.figure(figsize=(WIDTH, len(models) * (nrows * row_h + 0.3) + 0.3))
    subfigs = np.atleast_1d(fig.subfigures(len(models), 1))
    for sub, m in zip(subfigs, models, strict=True):
        name = MODEL_NAMES.get(m.model, m.model)
        axes = np.atleast_1d(sub.subplots(nrows, ncols, sharex=True, squeeze=False)).ravel()
        mt = terms[terms["model"] == m.model]
        top = float(mt["weight"].max()) if len(mt) else 1.0
        for t in range(1, k + 1):
            ax = axes[t - 1]
            tt = mt[mt["topic"] == t]
            junk = bool(tt["junk"].iloc[0]) if "junk" in tt and len(tt) else False
            y = np.arange(len(tt))
            ax.barh(y, tt["weight"], color=_colour(t, junk), alpha=0.45, height=0.8)
            for yi, term in zip(y, tt["term"], strict=True):
                ax.text(0.02 * top, yi, term, va="center", ha="left", fontsize=7)
            ax.set_ylim(top_n - 0.5, -0.5)
            ax.set_xlim(0, top * 1.02)
            ax.set_xticks([])
            ax.set_yticks([])
            ax.grid(False)
            ax.spines["left"].set_visible(False)
            title = f"{name} {t} · n = {sizes[m.model][t]}"
            if quality is not None and len(tt):
                title += f"\nNPMI {tt['npmi'].iloc[0]:+.2f}" + (" · junk" if junk else "")
            ax.set_title(title, loc="left", fontsize=7, linespacing=1.1)
        for ax in axes[k:]:
            ax.set_visible(False)
        sub.suptitle(name, x=0.01, ha="left", fontsize=8.5, fontweight="bold")
    _suptitle(
        fig, f"Top terms per topic: {len(models[0].labels):,} {unit}s, k = {k} (bar length = weight in the topic)"
    )
    return fig, terms


def topic_map_figure(
    vectors: topics.Vectors,
    models: Sequence[topics.TopicModel],
    *,
    unit: str,
    random_state: int = 0,
    max_points: int = 5_000,
) -> tuple[Figure, pd.DataFrame]:
    """The passages on a 2-D map (truncated SVD of their TF-IDF), one panel per model, coloured by topic.

    Parameters
    ----------
    vectors : the TF-IDF the models were fitted on.
    models : fitted models (the notebook passes NMF, then k-means); axes are shared.
    unit : what a passage is, for the title.
    random_state : seed of the SVD and of the sample (:func:`defcoop.analysis.topics.unit_map`).
    max_points : above this many passages a seeded sample of this many is drawn (the title
        says so); points shrink as they get more numerous.

    Returns
    -------
    fig : 7.2 in wide, one scatter panel per model, one point series (and legend entry) per
        topic in the Okabe-Ito colours, junk topics in grey (their legend entry says so) and
        "no topic" as hollow grey circles.
    table : :func:`defcoop.analysis.topics.unit_map` of every model with ``model`` and ``junk``
        columns (``unit_id, x, y, topic, label, model, junk``): the points drawn.
    """
    quality = _quality(models, vectors)
    maps = pd.concat(
        [
            topics.unit_map(vectors, m, random_state=random_state, max_points=max_points).assign(model=m.model)
            for m in models
        ],
        ignore_index=True,
    )
    junk = set(zip(quality.loc[quality["junk"], "model"], quality.loc[quality["junk"], "topic"], strict=True))
    maps["junk"] = [(m, t) in junk for m, t in zip(maps["model"], maps["topic"], strict=True)]
    n = vectors.X.shape[0]
    drawn = len(maps) // max(len(models), 1)
    size = float(np.clip(3000 / max(drawn, 1), 2, 18))
    k = max(m.k for m in models)
    fig, axes = plt.subplots(
        1, len(models), figsize=(WIDTH, 3.0 + 0.16 * (k + 1)), sharex=True, sharey=True, squeeze=False
    )
    for ax, m in zip(axes[0], models, strict=True):
        mm = maps[maps["model"] == m.model]
        for t in sorted(mm["topic"].unique()):
            pts = mm[mm["topic"] == t]
            is_junk = bool(pts["junk"].iloc[0])
            label = _short(f"{t} · {pts['label'].iloc[0]}") + (" (junk)" if is_junk else "") if t else "no topic"
            style = (
                {"facecolors": "none", "edgecolors": palette.OTHER, "linewidths": 0.6}
                if not t
                else {"color": _colour(t, is_junk), "edgecolor": "white", "linewidth": 0.2}
            )
            ax.scatter(pts["x"], pts["y"], s=size, label=label, alpha=0.8, **style)
        ax.set_title(MODEL_NAMES.get(m.model, m.model), fontsize=9)
        ax.set_xlabel("SVD component 1", fontsize=8)
        ax.grid(True, axis="both")
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.16), fontsize=6.5, ncol=1, markerscale=max(1, 12 / size))
    axes[0, 0].set_ylabel("SVD component 2", fontsize=8)
    sampled = f" (a seeded sample of {drawn:,})" if drawn < n else ""
    _suptitle(fig, f"{n:,} {unit}s{sampled} by the words they use, coloured by topic")
    return fig, maps


def _crosstab_figure(
    model: topics.TopicModel,
    units: pd.DataFrame,
    *,
    by: topics.By,
    unit: str,
    xlabel: str,
    what: str,
    top: int | None = None,
    junk: Collection[int] = (),
) -> tuple[Figure, pd.DataFrame]:
    """A :func:`count_heatmap` of :func:`defcoop.analysis.topics.topic_crosstab`: topics x ``by``.

    Cells are coloured by the topic's share of the column's passages (so that a large column,
    "undated" or one partner, does not take the whole colour scale) and carry the count of
    passages while a cell is wide enough for three digits; the column's total is under its
    label (above ``MAX_COLUMN_LABELS`` columns, every n-th column is labelled, and the last).
    7.2 in wide.
    """
    table = topics.topic_crosstab(model, units, by=by, top=top)
    labels = table.drop_duplicates("topic").set_index("topic")["label"]
    columns = table[by].drop_duplicates().tolist()
    counts = table.pivot(index="topic", columns=by, values="passages")[columns]
    shares = table.pivot(index="topic", columns=by, values="column_share")[columns]
    totals = counts.sum(axis=0)
    ncols = len(columns)
    fig, ax = plt.subplots(figsize=(WIDTH, max(3.2, 0.32 * len(labels) + 1.9)))
    font = 7 if ncols <= 12 else 6
    cell_pt = 72 * (WIDTH - 2.8) / max(ncols, 1)  # about the width of one cell
    stride = max(1, -(-ncols // MAX_COLUMN_LABELS))  # beyond, every n-th column is labelled
    count_heatmap(
        ax,
        shares,
        ylabels=[_short(f"{t} · {lab}", MAX_LABEL - 7) + (" (junk)" if t in junk else "") for t, lab in labels.items()],
        xlabels=[
            ("" if i % stride and i < ncols - 1 else f"{c}\n({totals[c]})" if ncols <= 12 else f"{c} ({totals[c]})")
            for i, c in enumerate(columns)
        ],
        xlabel=xlabel,
        label=f"share of the {what}'s\npassages",
        labelled=cell_pt >= 14,  # room for three digits at 6 pt
        cell_text=counts,
        skip_zeros=True,
        fontsize=font,
        colorbar=True,
        colorbar_format="{x:.0%}",
        xrotation=0 if ncols <= 8 else 90,
    )
    ax.tick_params(axis="both", labelsize=7)
    _suptitle(
        fig, f"Passages per {MODEL_NAMES.get(model.model, model.model)} topic and {what} ({len(units):,} {unit}s)"
    )
    return fig, table


def topic_partners_figure(
    model: topics.TopicModel,
    units: pd.DataFrame,
    *,
    unit: str,
    top: int = TOP_PARTNERS,
    junk: Collection[int] = (),
) -> tuple[Figure, pd.DataFrame]:
    """Passages per topic and partner country of their article, as a heatmap.

    Parameters
    ----------
    model : the fitted model (the notebook passes NMF).
    units : the passages it was fitted on (:func:`defcoop.analysis.topics.units`).
    unit : what a passage is, for the title.
    top : partners with a column of their own (most passages first); the others share one
        column, "K more partners".
    junk : topics to label "(junk)" (:func:`defcoop.analysis.topics.topic_quality`).

    Returns
    -------
    fig : one row per topic (labelled ``N · label``), one column per partner, then "K more
        partners" and "(none)", each labelled with its number of passages; a cell's colour is
        the topic's share of the column's passages, its text the count of passages.
    table : :func:`defcoop.analysis.topics.topic_crosstab` by partner with ``top``, every cell.
    """
    return _crosstab_figure(
        model,
        units,
        by="partner",
        unit=unit,
        xlabel="partner country of the article",
        what="partner",
        top=top,
        junk=junk,
    )


def topic_years_figure(
    model: topics.TopicModel, units: pd.DataFrame, *, unit: str, junk: Collection[int] = ()
) -> tuple[Figure, pd.DataFrame]:
    """Passages per topic and year of publication of their article, as a heatmap.

    Parameters
    ----------
    model : the fitted model (the notebook passes NMF).
    units : the passages it was fitted on (:func:`defcoop.analysis.topics.units`).
    unit : what a passage is, for the title.
    junk : topics to label "(junk)" (:func:`defcoop.analysis.topics.topic_quality`).

    Returns
    -------
    fig : one row per topic (labelled ``N · label``), one column per year in order
        ("undated" last), each labelled with its number of passages; a cell's colour is the
        topic's share of the year's passages (the undated column no longer sets the scale),
        its text the count.
    table : :func:`defcoop.analysis.topics.topic_crosstab` by year, every cell of the heatmap.
    """
    return _crosstab_figure(model, units, by="year", unit=unit, xlabel="year of publication", what="year", junk=junk)
