"""save_figure writes PNG, SVG and CSV that are identical byte for byte across runs."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from defcoop.plots.save import save_figure
from defcoop.plots.style import use_style


def _draw():
    use_style()
    data = pd.DataFrame({"actor": ["Phan Văn Giang", "Viktor Khrenin", "Lương Cường"], "articles": [2, 2, 1]})
    fig, ax = plt.subplots()
    ax.barh(data["actor"], data["articles"])
    ax.set_title("Việt Nam – Belarus")
    return fig, data


def test_figure_files_are_byte_reproducible(tmp_path):
    outputs = []
    for run in ("one", "two"):
        fig, data = _draw()
        save_figure(fig, "99-test-figure", data=data, directory=tmp_path / run)
        plt.close(fig)
        outputs.append({ext: (tmp_path / run / f"99-test-figure.{ext}").read_bytes() for ext in ("png", "svg", "csv")})
    assert outputs[0] == outputs[1]
    svg = outputs[0]["svg"].decode()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in outputs[0]["png"]
    assert outputs[0]["csv"].decode().splitlines()[1] == "Phan Văn Giang,2"


def test_no_temporary_files_are_left(tmp_path):
    fig, data = _draw()
    save_figure(fig, "99-test-figure", data=data, directory=tmp_path)
    plt.close(fig)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "99-test-figure.csv",
        "99-test-figure.png",
        "99-test-figure.svg",
    ]


def test_name_and_data_are_checked(tmp_path):
    fig, data = _draw()
    with pytest.raises(ValueError, match="NN-lowercase-words"):
        save_figure(fig, "figure one", data=data, directory=tmp_path)
    with pytest.raises(TypeError, match="DataFrame"):
        save_figure(fig, "99-x", data=[1, 2], directory=tmp_path)
    plt.close(fig)


# ---------------------------------------------------------------------------------------------
# Above a size threshold, figures switch to an aggregate form with a bounded number of artists
# ---------------------------------------------------------------------------------------------


def _texts(fig):
    return sum(len(ax.texts) for ax in fig.axes)


def _lengths(n):
    return pd.DataFrame(
        {
            "doc_id": [f"d{i:05d}" for i in range(n)],
            "n_words": [200 + (i * 37) % 500 for i in range(n)],
            "n_sentences": [8 + i % 15 for i in range(n)],
        }
    )


def test_article_lengths_draws_a_labelled_bar_per_article_when_few():
    from defcoop.plots.corpus import article_lengths

    use_style()
    fig, data = article_lengths(_lengths(12))
    assert [len(ax.patches) for ax in fig.axes] == [12, 12]
    assert _texts(fig) == 24  # one count per bar
    assert len(data) == 12
    plt.close(fig)


def test_article_lengths_is_a_histogram_above_the_threshold():
    from defcoop.plots.corpus import article_lengths
    from defcoop.plots.style import MAX_MARKS

    use_style()
    lengths = _lengths(5000)
    fig, data = article_lengths(lengths, bins=30)
    assert len(lengths) > MAX_MARKS
    assert [len(ax.patches) for ax in fig.axes] == [1, 1]  # one stairs patch per measure
    assert _texts(fig) == 0
    assert sum(len(ax.lines) for ax in fig.axes) == 2  # the medians
    assert set(data["measure"]) == {"words", "sentences"}
    assert data.groupby("measure")["articles"].sum().tolist() == [5000, 5000]
    assert data.groupby("measure").size().max() <= 31
    plt.close(fig)


def test_histogram_table_counts_every_value_once():
    from defcoop.plots.corpus import histogram_table

    values = pd.Series([0, 1, 1, 2, 99, 100])
    t = histogram_table(values, bins=10)
    assert t["count"].sum() == len(values)
    assert t["bin_start"].iloc[0] == 0 and t["bin_end"].iloc[-1] > 100
    assert (t["bin_end"] - t["bin_start"]).nunique() == 1
    assert histogram_table(pd.Series([], dtype=int)).empty


def test_count_heatmap_writes_counts_only_when_they_fit():
    import numpy as np

    from defcoop.plots.heatmap import count_heatmap
    from defcoop.plots.style import MAX_CELL_LABELS

    use_style()
    small = pd.DataFrame(np.arange(12).reshape(3, 4))
    fig, ax = plt.subplots()
    assert count_heatmap(ax, small) is True
    assert len(ax.texts) == 12 and len(fig.axes) == 1
    plt.close(fig)
    big = pd.DataFrame(np.arange(20 * 30).reshape(20, 30))
    assert big.size > MAX_CELL_LABELS
    fig, ax = plt.subplots()
    assert count_heatmap(ax, big, label="passages") is False
    assert len(ax.texts) == 0
    assert len(fig.axes) == 2 and fig.axes[1].get_ylabel() == "passages"  # the colour bar
    plt.close(fig)


def _timeline(n, partners=30):
    days = pd.date_range("2010-01-01", "2019-12-31", periods=n).strftime("%Y-%m-%d")
    tl = pd.DataFrame(
        {
            "partner": [f"Partner {i % partners:02d}" for i in range(n)],
            "doc_id": [f"d{i:05d}" for i in range(n)],
            "date": [d if i % 10 else d[:4] for i, d in enumerate(days)],  # a tenth dated to the year only
            "actors": [f"Official {i % 7} – Guest {i % 5}" for i in range(n)],
            "outlet": "VNA",
            "title": "t",
        }
    )
    tl["date_precision"] = ["day" if len(d) == 10 else "year" for d in tl["date"]]
    tl["start"] = [d if len(d) == 10 else f"{d}-01-01" for d in tl["date"]]
    tl["end"] = [d if len(d) == 10 else f"{d}-12-31" for d in tl["date"]]
    return tl


CONTEXT = pd.DataFrame({"start": ["2012-01-01"], "end": ["2013-06-30"], "label": ["a context period"]})


SPAN = ("2010-01-01", "2020-01-01")


def test_meetings_timeline_labels_every_story_when_few():
    from defcoop.analysis import timeseries as ts
    from defcoop.plots.style import MAX_MARKS
    from defcoop.plots.themes import meetings_timeline

    use_style()
    tl = _timeline(12, partners=3)
    drawn = ts.timeline_table(tl, span=SPAN, max_labels=MAX_MARKS)
    fig, data = meetings_timeline(drawn, context=CONTEXT, span=SPAN, dated_stories=tl["doc_id"].nunique())
    ax = fig.axes[0]
    assert len(ax.texts) == 12 + len(CONTEXT)  # a label per story, one per context period
    assert len(data) == 12 and "level" in data.columns
    plt.close(fig)


def test_meetings_timeline_counts_above_the_threshold():
    from defcoop.analysis import timeseries as ts
    from defcoop.plots.style import MAX_MARKS
    from defcoop.plots.themes import meetings_timeline

    use_style()
    tl = _timeline(5000)
    drawn = ts.timeline_table(tl, span=SPAN, period="month", max_labels=MAX_MARKS, max_lanes=12)
    fig, data = meetings_timeline(drawn, context=CONTEXT, span=SPAN, dated_stories=5000, period="month")
    ax = fig.axes[0]
    assert len(ax.texts) == 12 + len(CONTEXT)  # one label per lane, on its busiest month
    assert len(ax.collections) == 12  # one scatter per lane
    assert len(ax.patches) <= 12 * 10 + len(CONTEXT)  # year-only bars: at most one per lane and year
    assert data["partner"].nunique() == 12
    assert data["stories"].sum() == 5000  # each story in exactly one lane and bin
    assert set(data["binned_by"]) == {"month", "year"}
    plt.close(fig)
