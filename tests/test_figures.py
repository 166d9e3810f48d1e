"""save_figure writes PNG, SVG and CSV that are identical byte for byte across runs."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from defcoop.figures import save_figure, use_style


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
