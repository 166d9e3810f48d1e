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
import pandas as pd
from matplotlib.figure import Figure

from defcoop.export import write_csv
from defcoop.paths import FIGURES_DIR

_NAME = re.compile(r"^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")


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
    data : the tidy table the figure plots (written as ``NAME.csv``, UTF-8, no index; text cells
        that a spreadsheet would take for a formula get a leading ``'``, see :mod:`defcoop.export`).
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
    _atomic_write(csv, lambda p: write_csv(data, p))  # spreadsheet-safe (defcoop.export)
    return SavedFigure(name, (png.name, svg.name, csv.name))
