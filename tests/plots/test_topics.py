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
    save_figure,
    topic_map_figure,
    topic_partners_figure,
    topic_terms_figure,
    topic_years_figure,
    use_style,
)
from defcoop.plots.style import MAX_CELL_LABELS
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
            return figure(self.models, unit="paragraph", top_n=5)
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
    pd.testing.assert_frame_equal(table, expected)
    assert len(fig.axes) == 2 * k
    for row, (m, name) in enumerate(((fit.nmf, "NMF"), (fit.km, "k-means"))):
        sizes = np.bincount(m.labels, minlength=k + 1)
        for t in range(1, k + 1):
            ax = fig.axes[row * k + t - 1]
            tt = table[(table["model"] == m.model) & (table["topic"] == t)]
            assert _title(ax) == f"{name} {t} · n = {sizes[t]}"
            assert [p.get_width() for p in ax.patches] == pytest.approx(tt["weight"].tolist())
            assert [lab.get_text() for lab in ax.get_yticklabels()] == tt["term"].tolist()
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
    pd.testing.assert_frame_equal(table, expected)
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
        assert legend == [
            f"{t} · {mm.loc[mm['topic'] == t, 'label'].iloc[0]}" if t else "no topic"
            for t in sorted(mm["topic"].unique())
        ]
    assert fig.get_suptitle() == f"{len(fit.passages)} paragraphs by the words they use, coloured by topic"
    plt.close(fig)


# --------------------------------------------------------------------------------- heatmaps


def _cells(ax) -> np.ndarray:
    return np.asarray(ax.images[0].get_array())


@pytest.mark.parametrize("fit_name", ["groups_fit", "seeds_fit"])
@pytest.mark.parametrize(("figure", "by"), [(topic_partners_figure, "partner"), (topic_years_figure, "year")])
def test_heatmap_figures_draw_the_crosstab_they_return(fit_name, figure, by, request):
    fit: Fitted = request.getfixturevalue(fit_name)
    fig, table = _drawn(fit, figure)
    pd.testing.assert_frame_equal(table, topics.topic_crosstab(fit.nmf, fit.passages, by=by))
    ax = fig.axes[0]
    columns = table[by].drop_duplicates().tolist()
    rows = table["topic"].drop_duplicates().tolist()
    wide = np.array(
        [[table.loc[(table["topic"] == t) & (table[by] == c), "passages"].item() for c in columns] for t in rows]
    )
    np.testing.assert_array_equal(_cells(ax), wide)
    assert [lab.get_text() for lab in ax.get_xticklabels()] == columns
    labels = table.drop_duplicates("topic")["label"].tolist()
    assert [lab.get_text() for lab in ax.get_yticklabels()] == [
        f"{t} · {lab}" for t, lab in zip(rows, labels, strict=True)
    ]
    assert [text.get_text() for text in ax.texts] == [str(v) for v in wide.ravel()]
    what = "partner country" if by == "partner" else "year"
    assert fig.get_suptitle() == f"Passages per NMF topic and {what} ({len(fit.passages)} paragraphs)"
    plt.close(fig)


def test_heatmaps_on_two_groups_count_each_passage_once_per_partner(groups_fit):
    fig_p, by_partner = _drawn(groups_fit, topic_partners_figure)
    fig_y, by_year = _drawn(groups_fit, topic_years_figure)
    assert by_partner["partner"].drop_duplicates().tolist() == ["Belarus", "Russia", "(none)"]
    assert by_year["year"].drop_duplicates().tolist() == ["2019", "2021"]
    assert by_year["passages"].sum() == 12 == _cells(fig_y.axes[0]).sum()
    # three naval passages have two partners: they count for both
    assert by_partner["passages"].sum() == 15 == _cells(fig_p.axes[0]).sum()
    plt.close(fig_p)
    plt.close(fig_y)


def test_seeds_heatmaps_have_the_seeds_partners_and_years(seeds_fit):
    fig_p, _ = _drawn(seeds_fit, topic_partners_figure)
    fig_y, _ = _drawn(seeds_fit, topic_years_figure)
    assert [t.get_text() for t in fig_p.axes[0].get_xticklabels()] == ["Belarus", "Russia"]
    assert [t.get_text() for t in fig_y.axes[0].get_xticklabels()] == ["2018", "2020", "2024"]
    assert _cells(fig_y.axes[0]).sum() == len(seeds_fit.passages)  # one year per article
    sizes = np.bincount(seeds_fit.nmf.labels, minlength=seeds_fit.nmf.k + 1)
    first = 0 if sizes[0] else 1
    assert _cells(fig_y.axes[0]).sum(axis=1).tolist() == sizes[first:].tolist()
    plt.close(fig_p)
    plt.close(fig_y)


def test_a_large_heatmap_has_a_colour_bar_and_no_cell_texts():
    years = [str(1900 + i) for i in range(MAX_CELL_LABELS // 2 + 5)]
    texts = [NAVAL[i % 6] if i % 2 else MEDICAL[i % 6] for i in range(len(years) * 2)]
    passages = pd.DataFrame(
        {
            "unit_id": [f"u{i:03d}" for i in range(len(texts))],
            "doc_id": [f"d{i:03d}" for i in range(len(texts))],
            "text": texts,
            "year": [years[i // 2] for i in range(len(texts))],
            "partners": [["Belarus"]] * len(texts),
        }
    )
    fit = Fitted(passages, k=2)
    fig, table = _drawn(fit, topic_years_figure)
    assert table["year"].nunique() * fit.nmf.k > MAX_CELL_LABELS
    assert len(fig.axes[0].texts) == 0
    assert len(fig.axes) == 2 and fig.axes[1].get_ylabel() == "passages"  # the colour bar
    assert fig.get_figwidth() == 12
    plt.close(fig)


# ------------------------------------------------------------------------------ size, colour


def test_figure_sizes_follow_the_number_of_topics_and_columns(seeds_fit):
    k = seeds_fit.nmf.k
    sizes = {}
    for figure in FIGURES:
        fig, table = _drawn(seeds_fit, figure)
        sizes[figure.__name__] = (tuple(fig.get_size_inches()), table)
        plt.close(fig)
    assert sizes["topic_terms_figure"][0] == pytest.approx((min(2.1 * k + 0.6, 17), 5.4))
    assert sizes["topic_map_figure"][0] == pytest.approx((9, 4.2))
    partners = sizes["topic_partners_figure"][1]["partner"].nunique()
    years = sizes["topic_years_figure"][1]["year"].nunique()
    assert sizes["topic_partners_figure"][0] == pytest.approx((min(12, 0.9 * partners + 3.6), 0.45 * k + 1.4))
    assert sizes["topic_years_figure"][0] == pytest.approx((min(12, 0.9 * years + 3.2), 0.45 * k + 1.4))


def test_topics_keep_one_colour_in_every_figure_and_no_topic_is_grey(seeds_fit):
    assert (seeds_fit.nmf.labels == 0).any(), "the seeds' NMF leaves some paragraphs without a topic"
    k = seeds_fit.nmf.k
    fig, _ = _drawn(seeds_fit, topic_terms_figure)
    for i, ax in enumerate(fig.axes):
        t = i % k + 1
        assert {p.get_facecolor() for p in ax.patches} == {matplotlib.colors.to_rgba(f"C{(t - 1) % 8}")}
    plt.close(fig)
    fig, table = _drawn(seeds_fit, topic_map_figure)
    for ax, m in zip(fig.axes, seeds_fit.models, strict=True):
        topics_drawn = sorted(table.loc[table["model"] == m.model, "topic"].unique())
        series = [c for c in ax.collections if isinstance(c, PathCollection)]
        for t, points in zip(topics_drawn, series, strict=True):
            colour = f"C{(t - 1) % 8}" if t else "#999999"
            np.testing.assert_allclose(points.get_facecolor()[0][:3], matplotlib.colors.to_rgb(colour))
    plt.close(fig)
