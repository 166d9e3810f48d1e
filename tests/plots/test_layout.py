"""The layout check finds clipped, overlapping and unprintable text, and nothing in clean figures."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from defcoop.plots.layout import layout_problems
from defcoop.plots.palette import CATEGORICAL, MIN_DISTANCE, OTHER, distances, min_distance
from defcoop.plots.save import FigureLayoutError, read_captions, save_figure
from defcoop.plots.style import use_style


@pytest.fixture(autouse=True)
def _style():
    use_style()
    yield
    plt.close("all")


def _kinds(fig):
    return sorted({p.split(":")[0] for p in layout_problems(fig)})


def test_a_clean_figure_has_no_problems():
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.bar(["2018", "2019", "2020"], [1, 3, 2])
    ax.set_title("three years")
    ax.set_ylabel("articles")
    assert layout_problems(fig) == []


def test_tick_labels_that_run_together_are_found():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar([f"Partner country {i}" for i in range(12)], range(12))
    problems = layout_problems(fig)
    assert problems and all(p.startswith("overlapping text") for p in problems)
    assert "'Partner country 0' and 'Partner country 1'" in problems[0]


def test_rotated_labels_are_compared_as_rotated_boxes():
    # 45-degree labels whose axis-aligned boxes overlap but whose glyphs do not
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.bar([f"label {i:02d}" for i in range(10)], range(10))
    ax.tick_params(axis="x", rotation=45)
    for t in ax.get_xticklabels():
        t.set_ha("right")
        t.set_rotation_mode("anchor")
    assert layout_problems(fig) == []
    # the same labels, crowded: the rotated boxes do meet
    fig, ax = plt.subplots(figsize=(1.5, 3))
    ax.bar([f"label {i:02d}" for i in range(10)], range(10))
    ax.tick_params(axis="x", rotation=45)
    assert "overlapping text" in _kinds(fig)


def test_text_past_the_edge_is_clipped():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_title("a title much longer than the three inches of the canvas it is drawn on")
    assert _kinds(fig) == ["clipped text"]
    fig, ax = plt.subplots(figsize=(3, 2))
    fig.text(0.95, 0.5, "a note at the right edge")  # figure text: layout does not move it
    assert _kinds(fig) == ["clipped text"]


def test_labels_piled_at_one_place_overlap():
    fig, ax = plt.subplots(figsize=(4, 3))
    for y in (0.50, 0.51, 0.52):
        ax.text(0.5, y, "1", transform=ax.transAxes, bbox={"boxstyle": "round"})
    assert _kinds(fig) == ["overlapping text"]


def test_hidden_axes_and_invisible_text_do_not_count():
    fig, ax = plt.subplots(figsize=(2, 1.5))
    ax.plot(range(100), range(100))
    ax.set_xticks(range(0, 100, 2))  # 50 tick labels in 2 inches: they would overlap
    ax.axis("off")
    t = ax.text(0.5, 0.5, "hidden", transform=ax.transAxes)
    ax.text(0.5, 0.5, "hidden too", transform=ax.transAxes, visible=False)
    t.set_visible(False)
    assert layout_problems(fig) == []


def test_print_size_is_checked():
    fig, ax = plt.subplots(figsize=(9, 3))
    ax.set_title("small print", fontsize=5)
    assert _kinds(fig) == ["figure too wide", "text too small"]


def test_save_figure_lists_problems_or_refuses_them(tmp_path, monkeypatch):
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_title("a title much longer than the three inches of the canvas it is drawn on")
    saved = save_figure(fig, "99-bad", data=pd.DataFrame(), directory=tmp_path / "warn")
    assert saved.problems and "layout: clipped text" in repr(saved)
    monkeypatch.setenv("DEFCOOP_FIGURE_CHECK", "error")
    with pytest.raises(FigureLayoutError, match="99-bad: clipped text"):
        save_figure(fig, "99-bad", data=pd.DataFrame(), directory=tmp_path / "error")
    assert not (tmp_path / "error").exists()  # nothing written
    monkeypatch.setenv("DEFCOOP_FIGURE_CHECK", "off")
    assert save_figure(fig, "99-bad", data=pd.DataFrame(), directory=tmp_path / "off").problems == ()


def test_pdf_is_byte_reproducible_and_formats_are_checked(tmp_path, monkeypatch):
    out = []
    for run in ("one", "two"):
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.barh(["Phan Văn Giang", "Viktor Khrenin"], [2, 1])
        saved = save_figure(
            fig, "99-pdf", data=pd.DataFrame({"n": [2, 1]}), directory=tmp_path / run, formats=("pdf", "png")
        )
        assert saved.files == ("99-pdf.png", "99-pdf.pdf", "99-pdf.csv")
        out.append((tmp_path / run / "99-pdf.pdf").read_bytes())
        plt.close(fig)
    assert out[0] == out[1] and out[0].startswith(b"%PDF")
    assert b"CreationDate" not in out[0] and b"Matplotlib v" not in out[0]
    monkeypatch.setenv("DEFCOOP_FIGURE_FORMATS", "svg,pdf")
    fig, ax = plt.subplots()
    assert save_figure(fig, "99-env", data=pd.DataFrame(), directory=tmp_path).files == (
        "99-env.svg",
        "99-env.pdf",
        "99-env.csv",
    )
    with pytest.raises(ValueError, match="unknown figure format"):
        save_figure(fig, "99-env", data=pd.DataFrame(), directory=tmp_path, formats=("jpeg",))


def test_captions_are_recorded_once_per_figure(tmp_path):
    for name, n in (("02-b", 3), ("01-a", 5), ("02-b", 4)):
        fig, _ = plt.subplots()
        save_figure(
            fig,
            name,
            data=pd.DataFrame(),
            caption=f"what {name} plots",
            denominators=f"{n} stories",
            directory=tmp_path,
        )
        plt.close(fig)
    table = read_captions(tmp_path)
    assert table.values.tolist() == [["01-a", "what 01-a plots", "5 stories"], ["02-b", "what 02-b plots", "4 stories"]]
    fig, _ = plt.subplots()
    save_figure(fig, "02-b", data=pd.DataFrame(), directory=tmp_path)  # saved again, with no caption
    assert read_captions(tmp_path)["figure"].tolist() == ["01-a"]


def test_the_palette_stays_apart_for_colour_blind_readers():
    palette = [*CATEGORICAL, OTHER]
    assert len(set(palette)) == len(palette)
    worst = distances(palette)
    assert set(worst) == {"normal vision", "protanopia", "deuteranopia", "tritanopia"}
    assert min_distance(palette) >= MIN_DISTANCE, worst
    # the measure does tell colours apart that a deuteranope confuses: red and green of equal lightness
    assert (
        distances(["#c0392b", "#2e8b57"])["normal vision"][0] > 3 * distances(["#c0392b", "#2e8b57"])["deuteranopia"][0]
    )


def test_text_in_a_hidden_legend_or_clipped_away_is_not_counted():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [0, 1], label="a line")
    ax.plot([0, 1], [1, 0], label="another line")
    leg = ax.legend(loc="center")
    ax.text(0.5, 0.5, "a note in the middle", transform=ax.transAxes)
    assert "overlapping text" in _kinds(fig)  # the legend sits on the note
    leg.set_visible(False)
    assert layout_problems(fig) == []
    # a label of a point far outside the view, clipped to the axes: not drawn, not a problem
    ax.text(50, 50, "far away", clip_on=True)
    assert layout_problems(fig) == []
    # one that straddles the edge of the axes is cut there, and said so
    ax.set_xlim(0, 1)
    ax.text(0.95, 0.5, "straddling the right edge", clip_on=True)
    assert any("cut at the edge of its axes" in p for p in layout_problems(fig))


def test_the_private_tick_api_the_check_relies_on_still_answers():
    _, ax = plt.subplots()
    ax.set_xticks(range(0, 21, 5))
    ax.set_xlim(0, 10)  # 15 and 20 are outside the view
    ticks = ax.xaxis._update_ticks()
    assert [t.get_loc() for t in ticks] == [0, 5, 10]
    assert set(ax._axis_map) >= {"x", "y"}
