"""The figures of notebook 04 (defcoop.plots.themes) and the tables they draw.

Each figure function returns the figure and the table behind it; these tests check that what is
drawn (dots, bars, cells, marks, lanes, labels) is that table, on the five seed articles and on
small corpora written here, and that the timeline's table comes from
``defcoop.analysis.timeseries`` alone (the drawing takes it as it is).
"""

from __future__ import annotations

import ast
import json
import textwrap

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_hex
from matplotlib.patches import Rectangle

from defcoop.analysis import timeseries as ts
from defcoop.paths import NOTEBOOKS_DIR
from defcoop.plots import (
    MAX_MARKS,
    count_heatmap,
    meetings_timeline,
    theme_shares_over_time,
    themes_by_partner,
)
from defcoop.plots.layout import layout_problems
from defcoop.plots.style import STYLE
from defcoop.plots.themes import INK, MAX_DOT_PERIODS
from tests.analysis.test_timeseries import BELARUS_2021, RUSSIA_2019, RUSSIA_MONTH, load_fixture_corpus

NOTEBOOK = NOTEBOOKS_DIR / "04-themes-over-time.ipynb"


@pytest.fixture(autouse=True)
def _style():
    with plt.style.context(STYLE):  # the notebooks' style, not left behind for other tests
        yield
    plt.close("all")


@pytest.fixture(scope="module")
def stories(seeds) -> pd.DataFrame:
    return ts.select_stories(seeds.docs.drop(columns=["text", "body"]))


def _span(stories: pd.DataFrame) -> tuple[str, str]:
    """The notebook's time axis: whole years from the first to the last dated story."""
    dated = stories.loc[stories["date"] != "", "date"]
    return (
        ts.period_bounds(ts.period_label(dated.min(), "year"))[0].isoformat(),
        ts.period_bounds(ts.period_label(dated.max(), "year"))[1].isoformat(),
    )


def _colour(artist) -> str:
    return to_hex(artist.get_color())


# --- theme shares over time -------------------------------------------------------------------


def test_theme_shares_draw_one_dot_per_period_with_stories_and_its_count(stories):
    shares = ts.theme_shares(stories, period="year")
    ctx = ts.context_overlapping(ts.context_periods(), span=(shares["start"].min(), shares["end"].max()))
    fig, table = theme_shares_over_time(shares, context=ctx, period="year", low_n=2)
    assert table is shares
    themes = list(dict.fromkeys(shares["theme"]))
    ax_ctx, ax_n, *panels = fig.axes
    assert len(panels) == len(themes) == 15
    per_period = shares.drop_duplicates("period")
    assert per_period["stories"].tolist() == [2, 0, 1, 0, 0, 0, 2]  # 2018-2024 on the seeds
    # the denominators: a bar per period, its count written, a grey band where there is none
    bars = [p for p in ax_n.patches if isinstance(p, Rectangle) and to_hex(p.get_facecolor()) == INK.lower()]
    assert [b.get_height() for b in bars] == per_period["stories"].tolist()
    assert [t.get_text() for t in ax_n.texts] == [f"n={k}" for k in per_period["stories"]]
    assert len(ax_n.patches) - len(bars) == (per_period["stories"] == 0).sum()
    # the context strip: one bar and one label per context period
    assert len(ax_ctx.patches) == len(ctx) > 0
    assert [t.get_text() for t in ax_ctx.texts] == ctx["label"].tolist()
    for ax, theme in zip(panels, themes, strict=True):
        rows = shares[(shares["theme"] == theme) & (shares["stories"] > 0)]
        solid, hollow = (c for c in ax.collections if isinstance(c, PathCollection))
        assert len(solid.get_offsets()) == (rows["stories"] >= 2).sum()
        assert len(hollow.get_offsets()) == (rows["stories"] < 2).sum()
        drawn = sorted(np.concatenate([solid.get_offsets()[:, 1], hollow.get_offsets()[:, 1]]).tolist())
        assert drawn == pytest.approx(sorted(rows["share"]))
        (intervals,) = (c for c in ax.collections if isinstance(c, LineCollection))
        assert len(intervals.get_segments()) == len(rows)
        assert [t.get_text() for t in ax.texts] == [f"{r.with_theme}/{r.stories}" for r in rows.itertuples()]
        assert ax.get_title(loc="left") == textwrap.fill(rows["theme_label"].iloc[0], 34)


def test_theme_shares_beyond_24_periods_are_one_outline_without_counts():
    s = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(30)],
            "date": [f"{2018 + i // 12}-{1 + i % 12:02d}-15" for i in range(30)],
            "duplicate_of": "",
            "on_topic": True,
            "language": "en",
            "outlet": "VNA",
            "partners": [["Laos"]] * 30,
            "themes": [["peacekeeping"] if i % 3 else [] for i in range(30)],
        }
    )
    shares = ts.theme_shares(s, period="month", themes=["peacekeeping"])
    fig, table = theme_shares_over_time(shares, context=ts.context_periods().iloc[:0], period="month")
    _, ax_n, panel = fig.axes
    assert len(table) == 30
    assert len(ax_n.collections) == 1 and not ax_n.patches and not ax_n.texts  # one filled step outline
    assert len(panel.texts) == 0  # no k/n labels past 12 periods
    points = sum(len(c.get_offsets()) for c in panel.collections if isinstance(c, PathCollection))
    assert points == 30


def _monthly_stories(n_months: int, *, per_month: int = 4, first_year: int = 1995) -> pd.DataFrame:
    rows = [
        (f"d{m}-{k}", f"{first_year + m // 12}-{1 + m % 12:02d}-{10 + k:02d}")
        for m in range(n_months)
        for k in range(per_month)
    ]
    rows = [r for i, r in enumerate(rows) if i // per_month % 7 != 3 or i % per_month == 0]  # every 7th month: 1 story
    return pd.DataFrame(
        {
            "doc_id": [r[0] for r in rows],
            "date": [r[1] for r in rows],
            "duplicate_of": "",
            "on_topic": True,
            "language": "en",
            "outlet": "VNA",
            "partners": [["Laos"]] * len(rows),
            "themes": [["peacekeeping"] if i % 2 else [] for i in range(len(rows))],
        }
    )


def _legend(fig) -> list[str]:
    return [t.get_text() for t in fig.legends[0].get_texts()]


def test_theme_shares_past_the_dot_limit_are_a_line_and_a_band_broken_at_empty_periods():
    s = _monthly_stories(360)  # 30 years of months
    s = s[~s["date"].str.startswith("2001-")]  # a year without stories
    shares = ts.theme_shares(s, period="month", themes=["peacekeeping", "training_education"])
    assert shares["period"].nunique() == 360 > MAX_DOT_PERIODS
    fig, _ = theme_shares_over_time(shares, context=ts.context_periods().iloc[:0], period="month", low_n=3)
    for panel, theme in zip(fig.axes[2:], ["peacekeeping", "training_education"], strict=True):
        rows = shares[shares["theme"] == theme]
        (line,) = panel.lines
        y = np.asarray(line.get_ydata(), dtype=float)
        assert len(y) == 360 and np.isnan(y).sum() == 12  # the empty year breaks the line
        np.testing.assert_allclose(y, rows["share"].to_numpy())
        assert not [c for c in panel.collections if isinstance(c, LineCollection)]  # no interval per period
        (hollow,) = [c for c in panel.collections if isinstance(c, PathCollection)]
        assert len(hollow.get_offsets()) == ((rows["stories"] > 0) & (rows["stories"] < 3)).sum() > 0
        assert len(panel.texts) == 0
    assert _legend(fig) == ["share", "share, fewer than 3 stories", "95% interval (Wilson)", "no stories in the month"]
    assert not layout_problems(fig)


def test_theme_shares_legend_lists_every_kind_of_mark_drawn_and_no_other(stories):
    shares = ts.theme_shares(stories, period="year")
    ctx = ts.context_overlapping(ts.context_periods(), span=(shares["start"].min(), shares["end"].max()))
    fig, _ = theme_shares_over_time(shares, context=ctx, period="year", low_n=3)
    # the seeds: at most two stories a year, so every dot is hollow and there is no "3+" entry
    assert _legend(fig) == [
        "share, fewer than 3 stories",
        "95% interval (Wilson)",
        "no stories in the year",
        "context period",
    ]
    assert "every year has fewer than 3 stories: an inventory of stories, not a trend" in fig.get_suptitle()
    fig, _ = theme_shares_over_time(shares, context=ctx.iloc[:0], period="year", low_n=1)
    assert _legend(fig) == ["share, 1+ stories", "95% interval (Wilson)", "no stories in the year"]
    assert "not a trend" not in fig.get_suptitle()
    assert fig.axes[0].get_title(loc="left").endswith("no period overlaps these dates")


def test_context_strip_shows_short_periods_and_keeps_labels_off_the_bars(stories, seeds):
    span = ("2010-01-01", "2027-01-01")  # 17 years: the three-day expos would be a hairline
    ctx = ts.context_overlapping(ts.context_periods(), span=span)
    shares = ts.theme_shares(stories, period="year", span=("2010", "2026"))
    tl = ts.timeline(stories, seeds.meetings)
    drawn = ts.timeline_table(tl, span=span, max_labels=MAX_MARKS)
    figures = [
        theme_shares_over_time(shares, context=ctx, period="year")[0],
        meetings_timeline(drawn, context=ctx, span=span, dated_stories=5)[0],
    ]
    for fig in figures:
        ax = fig.axes[0]
        fig.canvas.draw()
        bars = [p for p in ax.patches if isinstance(p, Rectangle) and to_hex(p.get_facecolor()) == "#999999"]
        labels = [t for t in ax.texts if t.get_text() in set(ctx["label"])]
        assert len(bars) == len(labels) == len(ctx)
        width = ax.get_window_extent().width
        assert min(b.get_window_extent().width for b in bars) >= 0.004 * width - 0.5
        renderer = fig.canvas.get_renderer()
        for t in labels:
            box = t.get_window_extent(renderer)
            assert not [b for b in bars if box.overlaps(b.get_window_extent(renderer))], t.get_text()


# --- themes by partner: the shared count heatmap ------------------------------------------------


def test_themes_by_partner_colours_shares_and_writes_counts(stories):
    by_partner = ts.theme_totals(stories, by="partner")
    read = int(stories["language"].isin(ts.THEME_LANGUAGES).sum())
    fig, table = themes_by_partner(by_partner, stories_read=read, low_n=3)
    assert table is by_partner
    ax, bar = fig.axes
    partners = list(dict.fromkeys(by_partner["partner"]))
    assert partners == ["Belarus", "Russia"]
    themes = list(dict.fromkeys(by_partner["theme"]))
    shares = by_partner.pivot(index="partner", columns="theme", values="share").loc[partners, themes]
    counts = by_partner.pivot(index="partner", columns="theme", values="with_theme").loc[partners, themes]
    np.testing.assert_array_equal(ax.images[0].get_array(), shares.to_numpy())
    assert ax.images[0].get_clim() == (0, 1)
    assert [t.get_text() for t in ax.texts] == [str(k) for k in counts.to_numpy().ravel()]
    n = by_partner.drop_duplicates("partner").set_index("partner")["stories"]
    white = [(s > 0.6 and n[p] >= 3) for p in partners for s in shares.loc[p]]
    assert [_colour(t) == "#ffffff" for t in ax.texts] == white
    assert any(white)  # Belarus: four stories, most themes in three or four of them
    # Russia (one story) is washed out and named in grey
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Belarus  (n = 4)", "Russia  (n = 1)"]
    assert [_colour(t) for t in ax.get_yticklabels()] == ["#000000", "#888888"]
    labels = by_partner["theme_label"][: len(themes)]
    (veil,) = ax.patches  # over the Russia row
    assert (veil.get_y(), veil.get_height(), veil.get_alpha()) == (0.5, 1.0, 0.55)
    assert [t.get_text() for t in ax.get_xticklabels()] == [textwrap.fill(x, 24) for x in labels]
    assert bar.get_ylabel() == "share of the partner's stories"
    assert bar.yaxis.get_major_formatter()(0.5, 0) == "50%"
    assert fig.get_suptitle() == f"Themes by partner ({read} stories read for themes)"
    assert ax.get_title(loc="left").startswith("number: stories with the theme; ")


def test_themes_by_partner_past_the_label_limit_has_one_colour_bar_and_no_counts(stories):
    by_partner = ts.theme_totals(stories, by="partner")
    fig, _ = themes_by_partner(by_partner, stories_read=5, max_labels=10, top_n=1)
    ax, bar = fig.axes  # one colour bar, not a second one for the unwritten counts
    assert len(ax.texts) == 0 and bar.get_ylabel() == "share of the partner's stories"
    assert ax.images[0].get_array().shape == (1, 15)
    assert "the 1 of 2 partners with most stories" in fig.get_suptitle()
    assert ax.get_title(loc="left").startswith("colour: share")


def test_count_heatmap_options_for_shares_keep_the_default_unchanged():
    wide = pd.DataFrame({"x": [0.9, 0.7], "y": [0.1, 0.65]}, index=["a", "b"])
    fig, ax = plt.subplots()
    assert count_heatmap(ax, wide) is True  # the default: white above 60% of the largest, no colour bar
    assert [_colour(t) for t in ax.texts] == ["#ffffff", "#000000", "#ffffff", "#ffffff"]
    assert len(fig.axes) == 1 and not ax.patches
    fig, ax = plt.subplots()
    count_heatmap(
        ax,
        wide,
        cell_text=pd.DataFrame({"x": [9, 7], "y": [1, 6]}),
        dark_above=0.66,
        faint_rows=[False, True],
        text_colour="#333333",
        xlabels=["first", "second"],
        xtick_kw={"ha": "right", "rotation_mode": "anchor"},
        colorbar=True,
        colorbar_format="{x:.0%}",
        label="share",
    )
    assert [t.get_text() for t in ax.texts] == ["9", "1", "7", "6"]
    # above 0.66 and not in a faint row: only the 0.9
    assert [_colour(t) for t in ax.texts] == ["#ffffff", "#333333", "#333333", "#333333"]
    assert [_colour(t) for t in ax.get_yticklabels()] == ["#000000", "#888888"]
    (veil,) = ax.patches
    assert veil.get_alpha() == 0.55 and veil.get_y() == pytest.approx(0.5)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["first", "second"]
    assert {t.get_ha() for t in ax.get_xticklabels()} == {"right"}
    assert len(fig.axes) == 2 and fig.axes[1].get_ylabel() == "share"
    fig, ax = plt.subplots()
    assert count_heatmap(ax, pd.DataFrame(np.ones((20, 20))), colorbar=False) is False
    assert len(fig.axes) == 1 and not ax.texts


def _peacekeeping_stories(partners: list[list[str]]) -> pd.DataFrame:
    """Undated English stories, one per entry of ``partners``, each carrying the peacekeeping theme."""
    return pd.DataFrame(
        {
            "doc_id": [f"d{i:02d}" for i in range(len(partners))],
            "date": "",
            "duplicate_of": "",
            "on_topic": True,
            "language": "en",
            "outlet": "VNA",
            "partners": partners,
            "themes": [["peacekeeping"]] * len(partners),
        }
    )


def test_themes_by_partner_says_what_it_leaves_out_and_does_not_split_a_tie():
    partners = [["A"]] * 4 + [["B"]] * 2 + [["C"]] * 2 + [["D"]] * 2 + [["E"]] + [[]] * 3
    s = _peacekeeping_stories(partners)
    by_partner = ts.theme_totals(s, by="partner", themes=["peacekeeping"])
    assert list(dict.fromkeys(by_partner["partner"])) == ["A", "B", "C", "D", "E", ts.NO_PARTNER]
    fig, table = themes_by_partner(by_partner, stories_read=len(s), top_n=3)
    ax = fig.axes[0]
    # B, C and D tie on two stories: keeping B and C by name would hide D for its name; all three go
    assert [t.get_text().split("  ")[0] for t in ax.get_yticklabels()] == ["A"]
    assert "the 1 of 5 partners with most stories" in fig.get_suptitle()  # (no partner found) is not a partner
    assert ax.get_xlabel() == (
        "not shown: 4 more partners with 1–2 stories each and 3 stories with no partner found"
        " (every partner is in the CSV)"
    )
    assert table is by_partner  # the CSV: every partner
    fig, _ = themes_by_partner(by_partner, stories_read=len(s), top_n=6)
    # every partner drawn: only the stories with no partner, never a row, are said to be left out
    assert fig.axes[0].get_xlabel() == "not shown: 3 stories with no partner found (every partner is in the CSV)"
    assert "partners with most" not in fig.get_suptitle()
    single = by_partner[by_partner["partner"].isin(["E", "D"])]
    fig, _ = themes_by_partner(single.assign(stories=1), stories_read=2, top_n=1)  # a cut inside one tie
    assert len(fig.axes[0].get_yticklabels()) == 1
    assert fig.axes[0].get_xlabel().startswith("not shown: 1 more partner with 1 story (")


# --- the meetings timeline: a table from timeseries, then its drawing ---------------------------


def test_timeline_marks_keep_every_row_and_stack_close_labels():
    tl = pd.DataFrame(
        {
            "partner": ["Laos", "Laos", "Laos", "Cuba"],
            "doc_id": ["a", "b", "c", "d"],
            "date": ["2019-05-02", "2019-05-20", "2023-01-10", "2019-05-03"],
            "date_precision": "day",
            "start": ["2019-05-02", "2019-05-20", "2023-01-10", "2019-05-03"],
            "end": ["2019-05-02", "2019-05-20", "2023-01-10", "2019-05-03"],
            "actors": "A – B",
        }
    )
    marks = ts.timeline_marks(tl, span=("2018-01-01", "2025-01-01"))
    assert marks[list(tl.columns.drop(["start", "end"]))].equals(tl.drop(columns=["start", "end"]))
    assert marks["end"].dt.strftime("%Y-%m-%d").tolist() == ["2019-05-03", "2019-05-21", "2023-01-11", "2019-05-04"]
    assert marks["text"].tolist()[0] == "2019-05-02  A – B"
    # b's label would overlap a's: a level up; c is years later and d in another lane: level 0
    assert marks["level"].tolist() == [0, 1, 0, 0]
    # on an axis of one season the labels are short in days: without a gap the two May labels fit on one level
    assert ts.timeline_marks(tl, span=("2019-04-01", "2019-07-01"), gap=0)["level"].tolist() == [0, 0, 0, 0]
    # ... but not with the default 20 days between labels on a level (a's label ends four days before b)
    assert ts.timeline_marks(tl, span=("2019-04-01", "2019-07-01"))["level"].tolist() == [0, 1, 0, 0]


def test_timeline_table_is_marks_up_to_the_limit_then_counts(stories, seeds):
    tl = ts.timeline(stories, seeds.meetings)
    span = _span(stories)
    marks = ts.timeline_table(tl, span=span, max_labels=len(tl))
    assert "level" in marks and len(marks) == len(tl) == 5
    counts = ts.timeline_table(tl, span=span, period="year", max_labels=len(tl) - 1, max_lanes=3)
    pd.testing.assert_frame_equal(counts, ts.timeline_counts(tl, period="year", max_lanes=3))


def test_context_overlapping_keeps_periods_touching_the_span():
    ctx = pd.DataFrame(
        {
            "period_id": ["before", "ends-on-start", "inside", "starts-on-end"],
            "start": ["2010-01-01", "2015-01-01", "2020-03-01", "2025-01-01"],
            "end": ["2019-12-31", "2020-01-01", "2020-04-01", "2026-01-01"],
            "label": "x",
        }
    )
    got = ts.context_overlapping(ctx, span=("2020-01-01", "2025-01-01"))
    assert got["period_id"].tolist() == ["ends-on-start", "inside"]
    assert got.index.tolist() == [0, 1]


def test_meetings_timeline_draws_a_mark_and_a_label_per_row_on_the_seeds(stories, seeds):
    tl = ts.timeline(stories, seeds.meetings)
    span = _span(stories)
    ctx = ts.context_overlapping(ts.context_periods(), span=span)
    drawn = ts.timeline_table(tl, span=span, max_labels=MAX_MARKS)
    fig, table = meetings_timeline(drawn, context=ctx, span=span, dated_stories=tl["doc_id"].nunique())
    assert table is drawn
    (ax,) = fig.axes
    lines = [ln for ln in ax.lines if ln.get_linewidth() != 0.6]  # not the rule under the context rows
    dots = [ln for ln in lines if ln.get_marker() == "o"]
    bars = [ln for ln in lines if ln.get_linewidth() == 4]
    assert len(dots) == (drawn["date_precision"] == "day").sum()
    assert len(bars) == (drawn["date_precision"] != "day").sum()
    assert len(lines) - len(dots) - len(bars) == len(drawn)  # one connector per label
    assert [t.get_text() for t in ax.texts] == ctx["label"].tolist() + drawn["text"].tolist()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Belarus", "Russia", "context"]
    assert fig.get_suptitle() == "Meetings by partner: 5 dated stories"
    # a dot sits on its story's date
    assert sorted(d.get_xdata()[0] for d in dots) == sorted(drawn.loc[drawn["date_precision"] == "day", "start"])


def test_meetings_timeline_counts_lanes_from_the_table_it_is_given(stories, seeds):
    tl = ts.timeline(stories, seeds.meetings)
    span = _span(stories)
    drawn = ts.timeline_table(tl, span=span, period="month", max_labels=0)
    fig, table = meetings_timeline(
        drawn, context=ts.context_periods().iloc[:0], span=span, dated_stories=5, period="month"
    )
    assert table is drawn
    (ax,) = fig.axes
    lanes = list(dict.fromkeys(drawn["partner"]))
    assert len(ax.collections) == len(lanes) == 2  # one scatter per lane
    months = drawn[drawn["binned_by"] == "month"]
    assert len(months) == len(drawn) == 4  # the seeds are dated to the day: Belarus in three months, Russia in one
    assert [len(c.get_offsets()) for c in ax.collections] == months.groupby("partner", sort=False).size().tolist()
    areas = np.concatenate([c.get_sizes() for c in ax.collections])
    assert areas.tolist() == pytest.approx((2 + 80 * months["stories"] / months["stories"].max()).tolist())
    per_lane = tl.groupby("partner")["doc_id"].nunique()
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"{p} ({per_lane[p]})" for p in lanes]
    assert len(ax.texts) == len(lanes)  # one label per lane, on its busiest year
    assert ax.texts[0].get_text().startswith("2024-12: 2 · ")
    assert fig.get_suptitle() == "Meetings by partner: 5 dated stories, counted per month"


def test_meetings_timeline_of_a_small_corpus(tmp_path):
    corpus = load_fixture_corpus(
        tmp_path / "fixture",
        {"r1": ("2019-05-16", RUSSIA_2019), "r2": ("2019-05", RUSSIA_MONTH), "b1": ("2021-02-10", BELARUS_2021)},
    )
    stories = ts.select_stories(corpus.docs)
    tl = ts.timeline(stories, corpus.meetings)
    assert tl["partner"].tolist() == ["Belarus", "Russia", "Russia"]
    span = _span(stories)
    assert span == ("2019-01-01", "2022-01-01")
    drawn = ts.timeline_table(tl, span=span, max_labels=MAX_MARKS)
    fig, table = meetings_timeline(drawn, context=ts.context_periods().iloc[:0], span=span, dated_stories=3)
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.texts] == table["text"].tolist() and len(table) == 3
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Belarus", "Russia"]
    # the May 2019 story (a bar over the month) and the 16 May one overlap: Russia has two levels
    assert table.groupby("partner")["level"].max().to_dict() == {"Belarus": 0, "Russia": 1}
    (month,) = [ln for ln in ax.lines if ln.get_linewidth() == 4]
    assert [pd.Timestamp(x) for x in month.get_xdata()] == [pd.Timestamp("2019-05-01"), pd.Timestamp("2019-06-01")]
    shares = ts.theme_shares(stories, period="year")
    fig, table = theme_shares_over_time(shares, context=ts.context_periods().iloc[:0], period="year")
    assert [t.get_text() for t in fig.axes[1].texts] == ["n=2", "n=0", "n=1"]
    peacekeeping = fig.axes[2 + list(dict.fromkeys(shares["theme"])).index("peacekeeping")]
    assert [t.get_text() for t in peacekeeping.texts] == ["1/2", "0/1"]


def _counts_fixture(dates: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "partner": ["Laos" if i % 3 else "Cuba" for i in range(len(dates))],
            "doc_id": [f"d{i:03d}" for i in range(len(dates))],
            "date": dates,
            "actors": "A – B",
        }
    )


def test_meetings_timeline_counted_per_year_draws_a_dot_per_year_and_a_legend_of_the_counts_drawn():
    # the issue: a corpus counted per year drew no dots, only faint year bars, and "largest: 1"
    dates = [f"{2015 + i % 5}-0{1 + i % 9}-1{i % 10}" for i in range(60)] + ["2016"] * 3
    tl = _counts_fixture(dates)
    span = ("2015-01-01", "2020-01-01")
    counts = ts.timeline_table(tl, span=span, period="year", max_labels=MAX_MARKS)
    assert "binned_by" in counts and set(counts["binned_by"]) == {"year"}
    fig, _ = meetings_timeline(
        counts, context=ts.context_periods().iloc[:0], span=span, dated_stories=63, period="year"
    )
    (ax,) = fig.axes
    dots = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert sum(len(c.get_offsets()) for c in dots) == len(counts)  # every cell is a dot, the year-only stories too
    biggest = int(counts["stories"].max())
    assert biggest > 1
    assert np.concatenate([c.get_sizes() for c in dots]).max() == pytest.approx(
        82
    )  # the largest dot: the largest count
    assert _legend(fig) == [str(k) for k in ts.size_key(biggest)]
    handles = fig.legends[0].legend_handles
    sizes = [h.get_markersize() ** 2 for h in handles]  # a key's area is the area of a dot of that count
    assert sizes == pytest.approx([2 + 80 * k / biggest for k in ts.size_key(biggest)])
    assert f"largest {biggest}" in fig.legends[0].get_title().get_text()
    assert not layout_problems(fig)


def test_meetings_timeline_counted_per_month_rings_the_year_only_stories_on_the_same_scale():
    dates = [f"2019-0{1 + i % 6}-01" for i in range(50)] + ["2018"] * 4
    tl = _counts_fixture(dates)
    span = ("2018-01-01", "2020-01-01")
    counts = ts.timeline_table(tl, span=span, period="month", max_labels=MAX_MARKS)
    fig, _ = meetings_timeline(
        counts, context=ts.context_periods().iloc[:0], span=span, dated_stories=54, period="month"
    )
    (ax,) = fig.axes
    (lane,) = [c for c in ax.collections if len(c.get_offsets()) == (counts["partner"] == "Laos").sum()]
    ring = lane.get_facecolors()[:, 3] == 0  # a ring: no fill, an outline
    year_only = counts[counts["binned_by"] == "year"]
    assert sum((c.get_facecolors()[:, 3] == 0).sum() for c in ax.collections) == len(year_only) == 2  # both lanes
    biggest = int(counts["stories"].max())
    laos = counts[counts["partner"] == "Laos"]
    assert lane.get_sizes()[ring].tolist() == pytest.approx(
        (2 + 80 * laos.loc[laos["binned_by"] == "year", "stories"] / biggest).tolist()
    )
    assert (lane.get_offsets()[ring, 1] > lane.get_offsets()[~ring, 1].max()).all()  # below the dots of the lane
    assert _legend(fig)[-1] == "dated only to the year"
    with pytest.raises(ValueError, match="binned by month, not by quarter"):
        meetings_timeline(counts, context=ts.context_periods().iloc[:0], span=span, dated_stories=54, period="quarter")


def test_meetings_timeline_lanes_alternate_and_hold_their_labels(stories, seeds):
    tl = ts.timeline(stories, seeds.meetings)
    span = _span(stories)
    drawn = ts.timeline_table(tl, span=span, max_labels=MAX_MARKS)
    fig, _ = meetings_timeline(drawn, context=ts.context_periods().iloc[:0], span=span, dated_stories=5)
    (ax,) = fig.axes
    (band,) = [p for p in ax.patches if to_hex(p.get_facecolor()) == "#f2f2f2"]  # Russia, the second lane
    lo, hi = sorted((band.get_y(), band.get_y() + band.get_height()))
    russia = [t for t in ax.texts if "Fomin" in t.get_text()]
    assert russia and all(lo < t.xy[1] < hi for t in russia)
    assert lo < ax.get_yticks()[1] < hi and not lo < ax.get_yticks()[0] < hi
    assert all(not lo < t.xy[1] < hi for t in ax.texts if "Fomin" not in t.get_text())
    assert _legend(fig) == ["dated to the day"]


def test_the_three_figures_pass_the_layout_check_on_the_seeds(stories, seeds):
    shares = ts.theme_shares(stories, period="year")
    span = _span(stories)
    ctx = ts.context_overlapping(ts.context_periods(), span=span)
    tl = ts.timeline(stories, seeds.meetings)
    figures = [
        theme_shares_over_time(shares, context=ctx, period="year")[0],  # 45 labels at 5.5 pt before
        themes_by_partner(ts.theme_totals(stories, by="partner"), stories_read=5)[0],
        meetings_timeline(
            ts.timeline_table(tl, span=span, max_labels=MAX_MARKS), context=ctx, span=span, dated_stories=5
        )[0],
        meetings_timeline(ts.timeline_table(tl, span=span, max_labels=0), context=ctx, span=span, dated_stories=5)[0],
    ]
    assert [layout_problems(f) for f in figures] == [[], [], [], []]


# --- the notebook draws nothing itself ----------------------------------------------------------


def test_notebook_04_draws_nothing_itself():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [("".join(c["source"])) for c in nb["cells"] if c["cell_type"] == "code"]
    tree = ast.parse("\n\n".join(code))
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {m for m in imported if m.startswith("matplotlib.")}  # only `import matplotlib`, for its version
    calls = [n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    assert not {"subplots", "figure", "annotate", "imshow", "scatter", "barh", "colorbar"} & set(calls)
    figure_cells = [c for c in code if "save_figure(" in c]
    assert len(figure_cells) == 3
    for cell in figure_cells:
        statements = ast.parse(cell).body
        assert len(statements) == 2, cell  # the figure function, then save_figure


def test_partners_are_cut_among_partners_not_against_the_stories_with_no_partner():
    from defcoop.plots.themes import themes_by_partner

    partners = [["Belarus"]] * 5 + [["Russia"]] * 4 + [["Laos"]] * 3 + [[]] * 4
    s = _peacekeeping_stories(partners)
    by_partner = ts.theme_totals(s, by="partner", themes=["peacekeeping"])
    fig, _ = themes_by_partner(by_partner, stories_read=len(s), top_n=3)
    rows = [t.get_text().split("  (")[0] for t in fig.axes[0].get_yticklabels()]
    assert rows == ["Belarus", "Russia", "Laos"]
    assert fig.axes[0].get_xlabel().startswith("not shown: 4 stories with no partner found")
    fig, _ = themes_by_partner(by_partner, stories_read=len(s), top_n=2)
    assert [t.get_text().split("  (")[0] for t in fig.axes[0].get_yticklabels()] == ["Belarus", "Russia"]
    plt.close("all")


def test_a_timeline_with_no_meeting_says_so():
    from defcoop.plots.themes import meetings_timeline

    fig, data = meetings_timeline(
        pd.DataFrame(columns=["partner", "date", "level"]),
        context=pd.DataFrame(columns=["start", "end", "label"]),
        span=("2010-01-01", "2020-01-01"),
        dated_stories=7,
    )
    assert data.empty and "No meeting sentence found in the 7 dated stories." in [
        t.get_text() for t in fig.axes[0].texts
    ]
    assert layout_problems(fig) == []
    plt.close(fig)
