"""defcoop.plots.topics: the four figures of notebook 02 draw exactly the tables they return, on the
seeds and on small corpora of known structure."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure

import defcoop
from defcoop.analysis import topics
from defcoop.plots import (
    palette,
    save_figure,
    topic_map_figure,
    topic_partners_figure,
    topic_terms_figure,
    topic_years_figure,
    use_style,
)
from defcoop.plots.layout import layout_problems
from tests.analysis.test_topics import MEDICAL, NAVAL

FIGURES = (topic_terms_figure, topic_map_figure, topic_partners_figure, topic_years_figure)


class Fitted:
    """Passages, vectors and both models of one corpus, as notebook 02 computes them."""

    def __init__(self, passages: pd.DataFrame, *, k: int, min_df: int | None = None) -> None:
        self.passages = passages
        self.vectors = topics.vectorise(passages, min_df=min_df, random_state=0)
        self.nmf = topics.fit_topics(self.vectors, k=k, model="nmf", random_state=0)
        self.km = topics.fit_topics(self.vectors, k=k, model="kmeans", random_state=0)
        self.models = [self.nmf, self.km]

    def draw(self, figure) -> tuple[Figure, pd.DataFrame]:
        if figure is topic_terms_figure:
            return figure(self.models, unit="paragraph", top_n=5, vectors=self.vectors)
        if figure is topic_map_figure:
            return figure(self.vectors, self.models, unit="paragraph", random_state=0)
        return figure(self.nmf, self.passages, unit="paragraph")


@pytest.fixture(scope="module")
def seeds_fit(seeds: defcoop.Corpus) -> Fitted:
    unit, _ = topics.choose_unit(seeds, unit="auto")
    assert unit == "paragraph"
    return Fitted(topics.units(seeds, unit=unit), k=6)


@pytest.fixture(scope="module")
def groups_fit() -> Fitted:
    """Twelve passages of two groups that share no content word, from four articles and two partners."""
    texts = NAVAL + MEDICAL
    doc = [f"naval{i // 3}" for i in range(6)] + [f"med{i // 3}" for i in range(6)]
    passages = pd.DataFrame(
        {
            "unit_id": [f"u{i:02d}" for i in range(12)],
            "doc_id": doc,
            "text": texts,
            "year": ["2019", "2019", "2019", "2021", "2021", "2021"] * 2,
            "partners": [["Belarus"]] * 3 + [["Belarus", "Russia"]] * 3 + [["Russia"]] * 3 + [[]] * 3,
        }
    )
    return Fitted(passages, k=2, min_df=1)


def _title(ax) -> str:
    """The axes' title wherever the style puts it (the workbook style puts it on the left)."""
    return "".join(ax.get_title(loc) for loc in ("left", "center", "right"))


def _drawn(fit: Fitted, figure) -> tuple[Figure, pd.DataFrame]:
    use_style()
    before = set(plt.get_fignums())
    fig, table = fit.draw(figure)
    assert isinstance(fig, Figure) and isinstance(table, pd.DataFrame)
    assert set(plt.get_fignums()) - before == {fig.number}, "exactly one new figure, the one returned"
    return fig, table


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.__name__)
def test_each_function_returns_one_figure_that_can_be_saved_and_closed(groups_fit, figure, tmp_path):
    fig, table = _drawn(groups_fit, figure)
    saved = save_figure(fig, "02-test-figure", data=table, directory=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(saved.files)
    assert len(pd.read_csv(tmp_path / "02-test-figure.csv")) == len(table)
    plt.close(fig)
    assert not plt.fignum_exists(fig.number)


# ------------------------------------------------------------------------------------ terms


@pytest.mark.parametrize("fit_name", ["groups_fit", "seeds_fit"])
def test_terms_figure_draws_one_bar_per_term_of_its_table(fit_name, request):
    fit: Fitted = request.getfixturevalue(fit_name)
    fig, table = _drawn(fit, topic_terms_figure)
    k = fit.nmf.k
    expected = pd.concat([topics.topic_terms(m, top_n=5) for m in fit.models], ignore_index=True)
    expected["weight"] = expected["weight"].round(4)
    pd.testing.assert_frame_equal(table[expected.columns.tolist()], expected)
    quality = pd.concat([topics.topic_quality(m, fit.vectors) for m in fit.models], ignore_index=True)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 2 * k
    for row, (m, name) in enumerate(((fit.nmf, "NMF"), (fit.km, "k-means"))):
        sizes = np.bincount(m.labels, minlength=k + 1)
        for t in range(1, k + 1):
            ax = panels[row * k + t - 1]
            tt = table[(table["model"] == m.model) & (table["topic"] == t)]
            q = quality[(quality["model"] == m.model) & (quality["topic"] == t)].iloc[0]
            head = f"{name} {t} · n = {sizes[t]}\nNPMI {q['npmi']:+.2f}" + (" · junk" if q["junk"] else "")
            assert _title(ax) == head
            assert [p.get_width() for p in ax.patches] == pytest.approx(tt["weight"].tolist())
            assert [text.get_text() for text in ax.texts] == tt["term"].tolist()
            assert ax.get_ylim()[0] > ax.get_ylim()[1], "the top term is at the top"
    n = len(fit.passages)
    assert fig.get_suptitle() == f"Top terms per topic: {n} paragraphs, k = {k} (bar length = weight in the topic)"
    plt.close(fig)


def test_terms_figure_on_two_groups_separates_their_words(groups_fit):
    fig, table = _drawn(groups_fit, topic_terms_figure)
    naval = set(" ".join(NAVAL).lower().replace(",", "").replace(".", "").split())
    for (_, _), g in table.groupby(["model", "topic"]):
        words = {w for term in g["term"] for w in term.split()}
        assert words <= naval or not words & naval, g["term"].tolist()
    assert sorted(np.bincount(groups_fit.nmf.labels)[1:].tolist()) == [6, 6]
    plt.close(fig)


def test_terms_figure_needs_models_with_one_k(groups_fit):
    other = topics.fit_topics(groups_fit.vectors, k=3, model="nmf", random_state=0)
    with pytest.raises(ValueError, match="different numbers of topics"):
        topic_terms_figure([groups_fit.nmf, other], unit="paragraph")
    with pytest.raises(ValueError, match="no model"):
        topic_terms_figure([], unit="paragraph")


# -------------------------------------------------------------------------------------- map


@pytest.mark.parametrize("fit_name", ["groups_fit", "seeds_fit"])
def test_map_figure_draws_every_passage_of_its_table_once_per_model(fit_name, request):
    fit: Fitted = request.getfixturevalue(fit_name)
    fig, table = _drawn(fit, topic_map_figure)
    expected = pd.concat(
        [topics.unit_map(fit.vectors, m, random_state=0).assign(model=m.model) for m in fit.models],
        ignore_index=True,
    )
    pd.testing.assert_frame_equal(table.drop(columns="junk"), expected)
    junk = set(zip(table.loc[table["junk"], "model"], table.loc[table["junk"], "topic"], strict=True))
    assert junk == set(_quality_junk(fit))
    assert len(table) == 2 * len(fit.passages)
    assert [_title(ax) for ax in fig.axes] == ["NMF", "k-means"]
    assert fig.axes[0].get_ylabel() == "SVD component 2"
    for ax, m in zip(fig.axes, fit.models, strict=True):
        mm = table[table["model"] == m.model]
        series = [c for c in ax.collections if isinstance(c, PathCollection)]
        assert len(series) == mm["topic"].nunique()
        for t, points in zip(sorted(mm["topic"].unique()), series, strict=True):
            rows = mm[mm["topic"] == t]
            np.testing.assert_allclose(points.get_offsets(), rows[["x", "y"]].to_numpy())
        legend = [text.get_text() for text in ax.get_legend().get_texts()]
        assert len(legend) == mm["topic"].nunique()
        for t, entry in zip(sorted(mm["topic"].unique()), legend, strict=True):
            assert entry == "no topic" if not t else entry.startswith(f"{t} · ")
    assert fig.get_suptitle() == f"{len(fit.passages):,} paragraphs by the words they use, coloured by topic"
    plt.close(fig)


# --------------------------------------------------------------------------------- heatmaps


def _cells(ax) -> np.ndarray:
    return np.asarray(ax.images[0].get_array())


def _counts(table: pd.DataFrame, by: str, value: str = "passages") -> np.ndarray:
    columns = table[by].drop_duplicates().tolist()
    rows = table["topic"].drop_duplicates().tolist()
    return np.array(
        [[table.loc[(table["topic"] == t) & (table[by] == c), value].item() for c in columns] for t in rows]
    )


@pytest.mark.parametrize("fit_name", ["groups_fit", "seeds_fit"])
@pytest.mark.parametrize(("figure", "by"), [(topic_partners_figure, "partner"), (topic_years_figure, "year")])
def test_heatmap_figures_draw_the_crosstab_they_return(fit_name, figure, by, request):
    fit: Fitted = request.getfixturevalue(fit_name)
    fig, table = _drawn(fit, figure)
    top = 12 if by == "partner" else None
    pd.testing.assert_frame_equal(table, topics.topic_crosstab(fit.nmf, fit.passages, by=by, top=top))
    ax = fig.axes[0]
    np.testing.assert_allclose(_cells(ax), _counts(table, by, "column_share"))
    counts = _counts(table, by)
    columns = table[by].drop_duplicates().tolist()
    totals = counts.sum(axis=0)
    assert [lab.get_text().split("\n")[0] for lab in ax.get_xticklabels()] == columns
    assert [lab.get_text().split("\n")[1] for lab in ax.get_xticklabels()] == [f"({n})" for n in totals]
    labels = table.drop_duplicates("topic")["label"].tolist()
    rows = table["topic"].drop_duplicates().tolist()
    for tick, t, lab in zip(ax.get_yticklabels(), rows, labels, strict=True):
        assert tick.get_text().rstrip("…").startswith(f"{t} · {lab}"[: len(tick.get_text().rstrip("…"))])
    assert [text.get_text() for text in ax.texts] == [str(v) for v in counts.ravel() if v]
    what = "partner" if by == "partner" else "year"
    assert fig.get_suptitle() == f"Passages per NMF topic and {what} ({len(fit.passages)} paragraphs)"
    plt.close(fig)


def test_heatmaps_on_two_groups_count_each_passage_once_per_partner(groups_fit):
    fig_p, by_partner = _drawn(groups_fit, topic_partners_figure)
    fig_y, by_year = _drawn(groups_fit, topic_years_figure)
    assert by_partner["partner"].drop_duplicates().tolist() == ["Belarus", "Russia", "(none)"]
    assert by_year["year"].drop_duplicates().tolist() == ["2019", "2021"]
    assert by_year["passages"].sum() == 12 == _counts(by_year, "year").sum()
    # three naval passages have two partners: they count for both
    assert by_partner["passages"].sum() == 15
    np.testing.assert_allclose(_cells(fig_p.axes[0]).sum(axis=0), 1.0)  # each column is a topic mix
    plt.close(fig_p)
    plt.close(fig_y)


def test_seeds_heatmaps_have_the_seeds_partners_and_years(seeds_fit):
    fig_p, _ = _drawn(seeds_fit, topic_partners_figure)
    fig_y, by_year = _drawn(seeds_fit, topic_years_figure)
    assert [t.get_text().split("\n")[0] for t in fig_p.axes[0].get_xticklabels()] == ["Belarus", "Russia"]
    assert [t.get_text().split("\n")[0] for t in fig_y.axes[0].get_xticklabels()] == ["2018", "2020", "2024"]
    assert _counts(by_year, "year").sum() == len(seeds_fit.passages)  # one year per article
    sizes = np.bincount(seeds_fit.nmf.labels, minlength=seeds_fit.nmf.k + 1)
    first = 0 if sizes[0] else 1
    assert _counts(by_year, "year").sum(axis=1).tolist() == sizes[first:].tolist()
    plt.close(fig_p)
    plt.close(fig_y)


def _many(n_values: int, *, by: str) -> Fitted:
    """Passages of two groups over ``n_values`` partners (or years), two passages each."""
    values = [f"Country {i:03d}" if by == "partner" else str(1700 + i) for i in range(n_values)]
    texts = [NAVAL[i % 6] if i % 2 else MEDICAL[i % 6] for i in range(2 * n_values)]
    passages = pd.DataFrame(
        {
            "unit_id": [f"u{i:04d}" for i in range(len(texts))],
            "doc_id": [f"d{i:04d}" for i in range(len(texts))],
            "text": texts,
            "year": [values[i // 2] if by == "year" else "2020" for i in range(len(texts))],
            "partners": [[values[i // 2]] if by == "partner" else ["Belarus"] for i in range(len(texts))],
        }
    )
    return Fitted(passages, k=2)


def test_three_hundred_partners_give_the_top_twelve_and_one_column_for_the_rest():
    fit = _many(300, by="partner")
    fig, table = _drawn(fit, topic_partners_figure)
    columns = table["partner"].drop_duplicates().tolist()
    assert len(columns) == 13 and columns[-1] == "288 more partners"
    assert columns[:12] == [f"Country {i:03d}" for i in range(12)]  # ties of two passages: by name
    assert table["passages"].sum() == len(fit.passages)  # one partner per passage: nothing lost
    assert layout_problems(fig) == []
    plt.close(fig)


def test_a_century_of_years_stays_legible():
    fit = _many(100, by="year")
    fig, table = _drawn(fit, topic_years_figure)
    assert table["year"].nunique() == 100
    assert len(fig.axes[0].texts) == 0, "cells too narrow for their counts: the colour bar reads them"
    assert fig.axes[1].get_ylabel() == "share of the year's\npassages"
    assert layout_problems(fig) == []
    plt.close(fig)


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.__name__)
def test_every_figure_fits_a_journal_page_with_no_layout_problem(seeds_fit, groups_fit, figure):
    for fit in (seeds_fit, groups_fit):
        fig, _ = _drawn(fit, figure)
        assert fig.get_figwidth() <= 7.2
        assert layout_problems(fig) == []
        plt.close(fig)


# ------------------------------------------------------------------------------ size, colour


def test_topics_keep_one_colour_in_every_figure_and_no_topic_is_grey(seeds_fit):
    assert (seeds_fit.nmf.labels == 0).any(), "the seeds' NMF leaves some paragraphs without a topic"
    k = seeds_fit.nmf.k
    fig, _ = _drawn(seeds_fit, topic_terms_figure)
    junk = set(_quality_junk(seeds_fit))
    panels = [ax for ax in fig.axes if ax.get_visible()]
    for i, ax in enumerate(panels):
        t, model = i % k + 1, seeds_fit.models[i // k].model
        colour = palette.OTHER if (model, t) in junk else palette.CATEGORICAL[t - 1]
        assert {p.get_facecolor()[:3] for p in ax.patches} == {matplotlib.colors.to_rgb(colour)}
    plt.close(fig)
    fig, table = _drawn(seeds_fit, topic_map_figure)
    for ax, m in zip(fig.axes, seeds_fit.models, strict=True):
        topics_drawn = sorted(table.loc[table["model"] == m.model, "topic"].unique())
        series = [c for c in ax.collections if isinstance(c, PathCollection)]
        for t, points in zip(topics_drawn, series, strict=True):
            if not t:  # hollow grey circles: told apart from every topic, junk ones included
                assert len(points.get_facecolor()) == 0 or points.get_facecolor()[0][3] == 0
                np.testing.assert_allclose(points.get_edgecolor()[0][:3], matplotlib.colors.to_rgb(palette.OTHER))
                continue
            colour = palette.OTHER if (m.model, t) in junk else palette.CATEGORICAL[t - 1]
            np.testing.assert_allclose(points.get_facecolor()[0][:3], matplotlib.colors.to_rgb(colour))
    plt.close(fig)


def _quality_junk(fit: Fitted) -> list[tuple[str, int]]:
    q = pd.concat([topics.topic_quality(m, fit.vectors) for m in fit.models], ignore_index=True)
    return list(zip(q.loc[q["junk"], "model"], q.loc[q["junk"], "topic"], strict=True))
