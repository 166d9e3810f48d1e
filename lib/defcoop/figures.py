"""Saving figures: the only code in the workbook that writes to ``figures/``.

:func:`save_figure` writes ``NAME.png``, ``NAME.svg`` and ``NAME.csv`` (the data behind the
figure) so that a figure in a report can be checked against its numbers.  Output is
byte-reproducible: no timestamps or software versions in the files, a fixed SVG hash salt,
and every file written to a temporary name and renamed, so an interrupted run never leaves a
half-written figure.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from defcoop.paths import FIGURES_DIR, STYLE_FILE

__all__ = ["STYLE", "SavedFigure", "count_heatmap", "save_figure", "use_style"]

STYLE = str(STYLE_FILE)
_NAME = re.compile(r"^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")


def use_style() -> None:
    """Apply the workbook style sheet to matplotlib (notebooks call this once)."""
    plt.style.use(STYLE)


@dataclass(frozen=True)
class SavedFigure:
    name: str
    files: tuple[str, ...]  # file names, relative to the figures folder

    def __repr__(self) -> str:
        return f"saved {self.name}: " + ", ".join(self.files)


def _atomic_write(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_figure(
    fig: Figure,
    name: str,
    *,
    data: pd.DataFrame,
    directory: str | Path | None = None,
) -> SavedFigure:
    """Write ``fig`` as PNG and SVG and ``data`` as CSV, byte-reproducibly.

    Parameters
    ----------
    fig : the matplotlib figure.
    name : ``NN-words-with-hyphens``, NN being the number of the notebook that makes it.
    data : the tidy table the figure plots (written as ``NAME.csv``, UTF-8, no index).
    directory : where to write; defaults to the repository's ``figures/``.

    Examples
    --------
    >>> import tempfile, matplotlib.pyplot as plt, pandas as pd
    >>> fig, ax = plt.subplots()
    >>> _ = ax.bar(["a", "b"], [1, 2])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     save_figure(fig, "01-example", data=pd.DataFrame({"x": ["a", "b"], "n": [1, 2]}), directory=d)
    saved 01-example: 01-example.png, 01-example.svg, 01-example.csv
    >>> plt.close(fig)
    >>> save_figure(fig, "Example", data=pd.DataFrame())
    Traceback (most recent call last):
    ...
    ValueError: figure name 'Example' must look like '03-actor-frequency' (NN-lowercase-words)
    """
    if not _NAME.match(name):
        raise ValueError(f"figure name {name!r} must look like '03-actor-frequency' (NN-lowercase-words)")
    if not isinstance(data, pd.DataFrame):
        raise TypeError("data must be the DataFrame the figure plots")
    out = Path(directory) if directory is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    png, svg, csv = (out / f"{name}.{ext}" for ext in ("png", "svg", "csv"))
    with mpl.rc_context({"svg.hashsalt": "defcoop", "svg.fonttype": "path"}):
        _atomic_write(png, lambda p: fig.savefig(p, format="png", metadata={"Software": None}))
        _atomic_write(svg, lambda p: fig.savefig(p, format="svg", metadata={"Date": None, "Creator": None}))
    _atomic_write(csv, lambda p: data.to_csv(p, index=False, lineterminator="\n", encoding="utf-8"))
    return SavedFigure(name, (png.name, svg.name, csv.name))


def count_heatmap(ax, wide: pd.DataFrame, *, ylabels: list[str] | None = None, xlabel: str = "") -> None:
    """Draw a table of counts as a heatmap with each count written in its cell.

    ``wide`` has one row per y category and one column per x category (already ordered).
    Counts on dark cells (above 60% of the maximum) are written in white.

    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> fig, ax = plt.subplots()
    >>> count_heatmap(ax, pd.DataFrame({"2018": [2, 0], "2024": [1, 3]}, index=["a", "b"]), xlabel="year")
    >>> [t.get_text() for t in ax.texts]
    ['2', '1', '0', '3']
    >>> plt.close(fig)
    """
    values = wide.to_numpy()
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    top = values.max() if values.size else 0
    for (i, j), v in np.ndenumerate(values):
        ax.annotate(f"{v}", (j, i), ha="center", va="center", fontsize=8, color="white" if v > 0.6 * top else "black")
    ax.set_xticks(range(wide.shape[1]), wide.columns)
    ax.set_yticks(range(wide.shape[0]), ylabels if ylabels is not None else list(wide.index))
    ax.set_xlabel(xlabel)
    ax.grid(False)
