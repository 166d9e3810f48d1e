"""Saving figures: the only code in the workbook that writes to ``figures/``.

:func:`save_figure` writes ``NAME.png``, ``NAME.svg`` (and ``NAME.pdf`` when asked) and
``NAME.csv`` (the data behind the figure), so that a figure in a report can be checked against
its numbers, and records the figure's caption and denominators in the folder's
``captions.csv``, one row per figure, for the report and for a user's paper.  Output is
byte-reproducible: no timestamps or software versions in the files, a fixed SVG hash salt,
and every file written to a temporary name and renamed, so an interrupted run never leaves a
half-written figure.

Before writing, the figure's text is checked (:func:`defcoop.plots.layout.layout_problems`:
clipped or overlapping text, type too small to print, a canvas wider than a journal page).
Problems are listed under the saved files; ``DEFCOOP_FIGURE_CHECK=error`` makes them an error
(the tests run the notebooks that way) and ``=off`` skips the check.  ``DEFCOOP_FIGURE_FORMATS``
(``png,svg,pdf``) chooses the image formats when the call does not.
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
from defcoop.plots.layout import layout_problems

__all__ = ["CAPTIONS_FILE", "FORMATS", "FigureLayoutError", "SavedFigure", "read_captions", "save_figure"]

_NAME = re.compile(r"^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")

#: Image formats save_figure can write, with the metadata that would make a file differ between runs.
FORMATS = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "Creator": None, "Producer": None},
}
DEFAULT_FORMATS = ("png", "svg")

#: One row per figure saved in a folder: figure, caption, denominators.
CAPTIONS_FILE = "captions.csv"
CAPTION_COLUMNS = ["figure", "caption", "denominators"]


class FigureLayoutError(ValueError):
    """A figure whose text is clipped, overlapping or too small, saved with the check set to ``error``."""


@dataclass(frozen=True)
class SavedFigure:
    name: str
    files: tuple[str, ...]  # file names, relative to the figures folder
    problems: tuple[str, ...] = ()  # what the layout check found (empty: none)

    def __repr__(self) -> str:
        lines = [f"saved {self.name}: " + ", ".join(self.files)]
        lines += [f"  layout: {p}" for p in self.problems]
        return "\n".join(lines)


def _formats(formats: tuple[str, ...] | None) -> tuple[str, ...]:
    if formats is None:
        env = os.environ.get("DEFCOOP_FIGURE_FORMATS", "")
        formats = tuple(f.strip() for f in env.split(",") if f.strip()) or DEFAULT_FORMATS
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown figure format(s) {', '.join(unknown)}: choose among {', '.join(FORMATS)}")
    return tuple(f for f in FORMATS if f in formats)  # a fixed order, whatever the order asked


def _check_mode() -> str:
    mode = os.environ.get("DEFCOOP_FIGURE_CHECK", "warn").strip() or "warn"
    if mode not in ("warn", "error", "off"):
        raise ValueError(f"DEFCOOP_FIGURE_CHECK={mode!r}: choose warn, error or off")
    return mode


def read_captions(directory: str | Path | None = None) -> pd.DataFrame:
    """The captions recorded in a figures folder (``figure, caption, denominators``), by figure."""
    path = (Path(directory) if directory is not None else FIGURES_DIR) / CAPTIONS_FILE
    if not path.is_file():
        return pd.DataFrame(columns=CAPTION_COLUMNS)
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return table[CAPTION_COLUMNS].sort_values("figure", ignore_index=True)


def _record_caption(directory: Path, name: str, caption: str, denominators: str) -> None:
    table = read_captions(directory)
    table = table[table["figure"] != name]
    if caption or denominators:
        row = pd.DataFrame([{"figure": name, "caption": caption, "denominators": denominators}])
        table = pd.concat([table, row], ignore_index=True)
    table = table.sort_values("figure", ignore_index=True)
    _atomic_write(directory / CAPTIONS_FILE, lambda p: write_csv(table, p))


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
    caption: str = "",
    denominators: str = "",
    directory: str | Path | None = None,
    formats: tuple[str, ...] | None = None,
) -> SavedFigure:
    """Write ``fig`` as PNG and SVG (and PDF) and ``data`` as CSV, byte-reproducibly.

    Parameters
    ----------
    fig : the matplotlib figure.
    name : ``NN-words-with-hyphens``, NN being the number of the notebook that makes it.
    data : the tidy table the figure plots (written as ``NAME.csv``, UTF-8, no index; text cells
        that a spreadsheet would take for a formula get a leading ``'``, see :mod:`defcoop.export`).
    caption : one or two sentences saying what the figure plots, for a report's caption.
    denominators : what the numbers are out of (``155 stories; 744 mentions``).  Both are
        recorded in the folder's ``captions.csv`` (:func:`read_captions`); a figure saved again
        replaces its row, or drops it when saved without either.
    directory : where to write; defaults to the repository's ``figures/``.
    formats : image formats among ``png``, ``svg``, ``pdf``; defaults to
        ``DEFCOOP_FIGURE_FORMATS`` or PNG and SVG.

    Examples
    --------
    >>> import tempfile, matplotlib.pyplot as plt, pandas as pd
    >>> fig, ax = plt.subplots()
    >>> _ = ax.bar(["a", "b"], [1, 2])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     save_figure(fig, "01-example", data=pd.DataFrame({"x": ["a", "b"], "n": [1, 2]}), directory=d)
    saved 01-example: 01-example.png, 01-example.svg, 01-example.csv
    >>> plt.close(fig)
    >>> fig, ax = plt.subplots(figsize=(3, 2), layout="constrained")
    >>> _ = ax.set_title("a title much too long for the canvas: it runs past the right edge of the figure")
    >>> with tempfile.TemporaryDirectory() as d:  # doctest: +ELLIPSIS
    ...     save_figure(fig, "01-example", data=pd.DataFrame(), directory=d, formats=("pdf",))
    saved 01-example: 01-example.pdf, 01-example.csv
      layout: clipped text: 'a title much too long for the canvas:...' reaches ... px outside the canvas
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
    kinds = _formats(formats)
    mode = _check_mode()
    problems = tuple(layout_problems(fig)) if mode != "off" else ()
    if problems and mode == "error":
        raise FigureLayoutError(f"figure {name}: " + "; ".join(problems))
    out = Path(directory) if directory is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    files = []
    with mpl.rc_context({"svg.hashsalt": "defcoop", "svg.fonttype": "path", "pdf.fonttype": 42}):
        for kind in kinds:
            path = out / f"{name}.{kind}"
            _atomic_write(path, lambda p, kind=kind: fig.savefig(p, format=kind, metadata=FORMATS[kind]))
            files.append(path.name)
    csv = out / f"{name}.csv"
    _atomic_write(csv, lambda p: write_csv(data, p))  # spreadsheet-safe (defcoop.export)
    if caption or denominators or (out / CAPTIONS_FILE).is_file():
        _record_caption(out, name, caption, denominators)  # saved again without one: its row is dropped
    return SavedFigure(name, (*files, csv.name), problems)
