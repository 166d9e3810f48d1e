"""Figures of notebook 02: topic clustering.  One function per figure; each returns the figure and
the tidy table it plots, for :func:`defcoop.plots.save_figure`.

Every function takes fitted :class:`~defcoop.analysis.topics.TopicModel` objects (and the
passages or vectors they were fitted on), computes its table with the functions of
:mod:`defcoop.analysis.topics` and draws it; the table returned is exactly what is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from defcoop.analysis import topics
from defcoop.plots.heatmap import count_heatmap

__all__ = ["topic_map_figure", "topic_partners_figure", "topic_terms_figure", "topic_years_figure"]

#: How each model is named in titles and panel headings.
MODEL_NAMES: dict[str, str] = {"nmf": "NMF", "kmeans": "k-means"}

#: Colour of the passages with no topic (NMF passages whose weights are all zero).
_NO_TOPIC_COLOUR = "#999999"


def _colour(topic: int) -> str:
    """The colour of a topic: the style's cycle, 1 -> C0 ... 8 -> C7, then again."""
    return f"C{(topic - 1) % 8}"


def _suptitle(fig: Figure, text: str) -> None:
    fig.suptitle(text, x=0.01, ha="left", fontweight="bold", fontsize=10)


def _same_k(models: Sequence[topics.TopicModel]) -> int:
    if not models:
        raise ValueError("no model to draw")
    ks = {m.k for m in models}
    if len(ks) != 1:
        raise ValueError(f"the models have different numbers of topics: {sorted(ks)}")
    return ks.pop()


def topic_terms_figure(
    models: Sequence[topics.TopicModel], *, unit: str, top_n: int = 8
) -> tuple[Figure, pd.DataFrame]:
    """Top terms per topic, one row of panels per model and one panel per topic.

    Parameters
    ----------
    models : fitted models with the same ``k`` (the notebook passes NMF, then k-means).
    unit : what a passage is (``"paragraph"``, ``"article"``...), for the title.
    top_n : terms per topic.

    Returns
    -------
    fig : a grid of ``len(models) x k`` horizontal bar charts, bar length = term weight,
        each panel titled with its topic's number of passages.
    table : the terms drawn, :func:`defcoop.analysis.topics.topic_terms` of every model
        (``model, topic, rank, term, weight``), weights rounded to 4 decimals as drawn.

    Examples
    --------
    >>> texts = ["frigate sonar torpedo navy"] * 3 + ["hospital surgeon vaccine medicine"] * 3
    >>> u = pd.DataFrame({"unit_id": list("abcdef"), "text": texts})
    >>> v = topics.vectorise(u, ngrams=1, max_df=1.0)
    >>> fig, table = topic_terms_figure([topics.fit_topics(v, k=2)], unit="paragraph", top_n=2)
    >>> [next(t for loc in ("center", "left", "right") if (t := ax.get_title(loc))) for ax in fig.axes]
    ['NMF 1 · n = 3', 'NMF 2 · n = 3']
    >>> table["term"].tolist()
    ['frigate', 'navy', 'hospital', 'medicine']
    >>> plt.close(fig)
    """
    k = _same_k(models)
    terms = pd.concat([topics.topic_terms(m, top_n=top_n) for m in models], ignore_index=True)
    terms["weight"] = terms["weight"].round(4)
    fig, axes = plt.subplots(len(models), k, figsize=(min(2.1 * k + 0.6, 17), 5.4), sharex="row", squeeze=False)
    for row, m in enumerate(models):
        name = MODEL_NAMES.get(m.model, m.model)
        sizes = np.bincount(m.labels, minlength=k + 1)
        for t in range(1, k + 1):
            ax = axes[row, t - 1]
            tt = terms[(terms["model"] == m.model) & (terms["topic"] == t)]
            ax.barh(tt["term"], tt["weight"], color=_colour(t))
            ax.invert_yaxis()
            ax.set_title(f"{name} {t} · n = {sizes[t]}", fontsize=7.5)
            ax.tick_params(axis="y", labelsize=7)
            ax.tick_params(axis="x", labelsize=6)
            ax.set_xticks([])
    _suptitle(
        fig,
        f"Top terms per topic: {len(models[0].labels)} {unit}s, k = {k} (bar length = weight in the topic)",
    )
    return fig, terms


def topic_map_figure(
    vectors: topics.Vectors,
    models: Sequence[topics.TopicModel],
    *,
    unit: str,
    random_state: int = 0,
) -> tuple[Figure, pd.DataFrame]:
    """The passages on a 2-D map (truncated SVD of their TF-IDF), one panel per model, coloured by topic.

    Parameters
    ----------
    vectors : the TF-IDF the models were fitted on.
    models : fitted models (the notebook passes NMF, then k-means); axes are shared.
    unit : what a passage is, for the title.
    random_state : seed of the SVD (:func:`defcoop.analysis.topics.unit_map`).

    Returns
    -------
    fig : one scatter panel per model, one point series (and legend entry) per topic, topic 0
        ("no topic") in grey.
    table : :func:`defcoop.analysis.topics.unit_map` of every model with a ``model`` column
        (``unit_id, x, y, topic, label, model``): the points drawn.
    """
    maps = pd.concat(
        [topics.unit_map(vectors, m, random_state=random_state).assign(model=m.model) for m in models],
        ignore_index=True,
    )
    fig, axes = plt.subplots(1, len(models), figsize=(9, 4.2), sharex=True, sharey=True, squeeze=False)
    for ax, m in zip(axes[0], models, strict=True):
        mm = maps[maps["model"] == m.model]
        for t in sorted(mm["topic"].unique()):
            pts = mm[mm["topic"] == t]
            ax.scatter(
                pts["x"],
                pts["y"],
                s=22,
                color=_colour(t) if t else _NO_TOPIC_COLOUR,
                label=f"{t} · {pts['label'].iloc[0]}" if t else "no topic",
                alpha=0.85,
                edgecolor="white",
                linewidth=0.4,
            )
        ax.set_title(MODEL_NAMES.get(m.model, m.model))
        ax.set_xlabel("SVD component 1")
        ax.grid(True, axis="both")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), fontsize=7, ncol=1)
    axes[0, 0].set_ylabel("SVD component 2")
    _suptitle(fig, f"{vectors.X.shape[0]} {unit}s by the words they use, coloured by topic")
    return fig, maps


def _crosstab_figure(
    model: topics.TopicModel,
    units: pd.DataFrame,
    *,
    by: topics.By,
    unit: str,
    width: float,
    xlabel: str,
    what: str,
) -> tuple[Figure, pd.DataFrame]:
    """A :func:`count_heatmap` of :func:`defcoop.analysis.topics.topic_crosstab`: topics x ``by``.

    The figure is ``min(12, 0.9 * columns + width)`` wide; columns keep the table's order.
    """
    table = topics.topic_crosstab(model, units, by=by)
    labels = table.drop_duplicates("topic").set_index("topic")["label"]
    wide = table.pivot(index="topic", columns=by, values="passages")[table[by].drop_duplicates().tolist()]
    fig, ax = plt.subplots(figsize=(min(12, 0.9 * wide.shape[1] + width), 0.45 * model.k + 1.4))
    count_heatmap(ax, wide, ylabels=[f"{t} · {lab}" for t, lab in labels.items()], xlabel=xlabel, label="passages")
    _suptitle(fig, f"Passages per {MODEL_NAMES.get(model.model, model.model)} topic and {what} ({len(units)} {unit}s)")
    return fig, table


def topic_partners_figure(model: topics.TopicModel, units: pd.DataFrame, *, unit: str) -> tuple[Figure, pd.DataFrame]:
    """Passages per topic and partner country of their article, as a count heatmap.

    Parameters
    ----------
    model : the fitted model (the notebook passes NMF).
    units : the passages it was fitted on (:func:`defcoop.analysis.topics.units`).
    unit : what a passage is, for the title.

    Returns
    -------
    fig : one row per topic (labelled ``N · label``), one column per partner in the table's
        order ("(none)" last); counts written in the cells while they fit.
    table : :func:`defcoop.analysis.topics.topic_crosstab` by partner, every cell of the heatmap.
    """
    return _crosstab_figure(
        model,
        units,
        by="partner",
        unit=unit,
        width=3.6,
        xlabel="partner country of the article",
        what="partner country",
    )


def topic_years_figure(model: topics.TopicModel, units: pd.DataFrame, *, unit: str) -> tuple[Figure, pd.DataFrame]:
    """Passages per topic and year of publication of their article, as a count heatmap.

    Parameters
    ----------
    model : the fitted model (the notebook passes NMF).
    units : the passages it was fitted on (:func:`defcoop.analysis.topics.units`).
    unit : what a passage is, for the title.

    Returns
    -------
    fig : one row per topic (labelled ``N · label``), one column per year in order
        ("undated" last); counts written in the cells while they fit.
    table : :func:`defcoop.analysis.topics.topic_crosstab` by year, every cell of the heatmap.
    """
    return _crosstab_figure(model, units, by="year", unit=unit, width=3.2, xlabel="year of publication", what="year")
