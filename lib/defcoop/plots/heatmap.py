"""One count heatmap for every notebook: cells coloured by count, labelled while they are few."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.colors import Colormap, LinearSegmentedColormap, LogNorm, Normalize, PowerNorm

from defcoop.plots.palette import SEQUENTIAL
from defcoop.plots.style import MAX_CELL_LABELS

__all__ = ["count_heatmap", "scale_norm"]

Scale = Literal["linear", "sqrt", "log"]

#: Where the colour map starts on a ``sqrt`` or ``log`` scale: the lightest shade of
#: :data:`~defcoop.plots.palette.SEQUENTIAL` is almost white, and there the smallest count
#: (one mention) must stay visibly apart from an empty cell, which is left blank.
SCALE_FLOOR = 0.18


def scale_norm(scale: Scale, vmax: float) -> Normalize:
    """The colour normalisation of a ``scale`` from 0 (or 1, on a log scale) to ``vmax``.

    ``linear`` spreads the counts evenly; ``sqrt`` and ``log`` give the small counts more of the
    colour map, so that one large cell (every undated article in one row) does not wash the
    others out.  On a log scale a count of 1 is the light end; 0 has no colour (blank).

    >>> float(scale_norm("linear", 10)(5))
    0.5
    >>> round(float(scale_norm("sqrt", 100)(25)), 2), round(float(scale_norm("log", 100)(10)), 2)
    (0.5, 0.5)
    >>> scale_norm("cubic", 1)
    Traceback (most recent call last):
    ...
    ValueError: scale must be 'linear', 'sqrt' or 'log'; got 'cubic'
    """
    top = max(float(vmax), 1.0)
    if scale == "linear":
        return Normalize(vmin=0, vmax=vmax)
    if scale == "sqrt":
        return PowerNorm(0.5, vmin=0, vmax=top)
    if scale == "log":
        return LogNorm(vmin=1, vmax=max(top, 1.0 + 1e-9))
    raise ValueError(f"scale must be 'linear', 'sqrt' or 'log'; got {scale!r}")


def _floored(cmap: str | Colormap, floor: float) -> Colormap:
    base = mpl.colormaps[cmap] if isinstance(cmap, str) else cmap
    return LinearSegmentedColormap.from_list(f"{base.name}_from_{floor:g}", base(np.linspace(floor, 1, 256)))


def count_heatmap(
    ax,
    wide: pd.DataFrame,
    *,
    ylabels: list[str] | None = None,
    xlabel: str = "",
    max_labels: int = MAX_CELL_LABELS,
    label: str = "count",
    labelled: bool | None = None,
    cell_text: pd.DataFrame | None = None,
    skip_zeros: bool = False,
    vmax: float | None = None,
    fontsize: float = 8,
    text_colour: str = "black",
    xrotation: float | None = None,
    cell_borders: bool = False,
    dark_above: float | None = None,
    faint_rows: Sequence[bool] | None = None,
    xlabels: list[str] | None = None,
    xtick_kw: Mapping[str, Any] | None = None,
    colorbar: bool | None = None,
    colorbar_format: str | None = None,
    scale: Scale = "linear",
    cmap: str | Colormap = SEQUENTIAL,
) -> bool:
    """Draw a table of counts as a heatmap with each count written in its cell.

    ``wide`` has one row per y category and one column per x category (already ordered).
    Counts on dark cells (above 60% of the colour scale) are written in white.  Above
    ``max_labels`` cells no count is written; a colour bar labelled ``label`` reads the cells.
    Returns whether the counts were written.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw in.
    wide : pandas.DataFrame
        The counts, one row per y category and one column per x category.
    ylabels : list of str, optional
        Tick labels of the rows (default: the index of ``wide``).
    xlabel : str
        Label of the x axis.
    max_labels : int
        Most cells whose counts are written; above, a colour bar instead.
    label : str
        Label of the colour bar.
    labelled : bool, optional
        Whether to write the counts, overriding ``max_labels`` (so that the panels of one
        figure can decide together); by default, whether ``wide`` has at most ``max_labels``
        cells.
    cell_text : pandas.DataFrame, optional
        The text written in each cell, of the shape of ``wide`` (default: the count).  The
        colour of the text still follows the count.
    skip_zeros : bool
        Write nothing in cells whose count is 0.
    vmax : float, optional
        Count at the dark end of the colour scale (default: the largest count).
    fontsize : float
        Size of the cell texts.
    text_colour : str
        Colour of the texts on light cells.
    xrotation : float, optional
        Rotation of the x tick labels, in degrees (default: matplotlib's).
    cell_borders : bool
        Separate the cells with white lines.
    dark_above : float, optional
        Value of ``wide`` above which a cell is dark and its text white (default: 60% of the
        largest value).
    faint_rows : sequence of bool, optional
        Rows to wash out (e.g. over too few items to read): their texts in ``text_colour``
        even on dark cells, their tick label grey, the row under a white veil; the other
        tick labels black.
    xlabels : list of str, optional
        Tick labels of the columns (default: the columns of ``wide``).
    xtick_kw : mapping, optional
        Text properties of the column tick labels (e.g. ``ha``, ``rotation_mode``), over
        ``xrotation``.
    colorbar : bool, optional
        Draw a colour bar labelled ``label``: by default only when the counts are not written.
    colorbar_format : str, optional
        Format of the colour bar's tick labels (e.g. ``"{x:.0%}"``).
    scale : {"linear", "sqrt", "log"}
        The colour scale (:func:`scale_norm`): ``linear`` (the default) from 0 to ``vmax``;
        ``sqrt`` or ``log`` to show the small counts beside a few large ones.  On those two the
        colour map starts at :data:`SCALE_FLOOR`, so that the smallest count is visibly coloured,
        and empty cells (0) are left blank; say the scale in ``label``.
    cmap : str or Colormap
        The colour map (default :data:`defcoop.plots.palette.SEQUENTIAL`).

    Returns
    -------
    bool
        Whether the counts were written in their cells.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> fig, ax = plt.subplots()
    >>> count_heatmap(ax, pd.DataFrame({"2018": [2, 0], "2024": [1, 3]}, index=["a", "b"]), xlabel="year")
    True
    >>> [t.get_text() for t in ax.texts]
    ['2', '1', '0', '3']
    >>> plt.close(fig)
    >>> fig, ax = plt.subplots()
    >>> wide = pd.DataFrame({"2018": [2, 0], "2024": [1, 3]}, index=["a", "b"])
    >>> count_heatmap(ax, wide, cell_text=wide.astype(str) + "!", skip_zeros=True)
    True
    >>> [t.get_text() for t in ax.texts]
    ['2!', '1!', '3!']
    >>> plt.close(fig)

    On a log scale an empty cell has no colour and the texts turn white by the colour scale:

    >>> fig, ax = plt.subplots()
    >>> count_heatmap(ax, pd.DataFrame({"2018": [1, 0], "2024": [10, 100]}), scale="log")
    True
    >>> [t.get_color() for t in ax.texts], bool(ax.images[0].get_array().mask[1, 0])
    (['black', 'black', 'black', 'white'], True)
    >>> plt.close(fig)
    """
    values = wide.to_numpy()
    top = values.max() if values.size else 0
    if scale == "linear":
        im = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0, vmax=vmax)
        shade = None
    else:
        norm = scale_norm(scale, top if vmax is None else vmax)
        shown = np.ma.masked_less_equal(values.astype(float), 0)  # empty cells: blank
        im = ax.imshow(shown, cmap=_floored(cmap, SCALE_FLOOR), norm=norm, aspect="auto")
        shade = norm
    if labelled is None:
        labelled = values.size <= max_labels
    if (not labelled) if colorbar is None else colorbar:
        ax.figure.colorbar(im, ax=ax, shrink=0.8, label=label, format=colorbar_format)
    if dark_above is not None:
        dark = dark_above
    elif shade is None:
        dark = 0.6 * top
    else:  # the count whose colour is 60% along the scale
        dark = float(shade.inverse(0.6))
    faint = [False] * values.shape[0] if faint_rows is None else list(faint_rows)
    if labelled:
        texts = cell_text.to_numpy() if cell_text is not None else values
        for (i, j), v in np.ndenumerate(values):
            if skip_zeros and not v:
                continue
            colour = "white" if v > dark and not faint[i] else text_colour
            ax.annotate(f"{texts[i, j]}", (j, i), ha="center", va="center", fontsize=fontsize, color=colour)
    rotation = {} if xrotation is None else {"rotation": xrotation}
    xtick = {**rotation, **(xtick_kw or {})}
    ax.set_xticks(range(wide.shape[1]), xlabels if xlabels is not None else wide.columns, **xtick)
    ax.set_yticks(range(wide.shape[0]), ylabels if ylabels is not None else list(wide.index))
    if faint_rows is not None:
        for i, tick in enumerate(ax.get_yticklabels()):
            tick.set_color("#888888" if faint[i] else "#000000")
            if faint[i]:
                ax.axhspan(i - 0.5, i + 0.5, color="white", alpha=0.55, lw=0)
    ax.set_xlabel(xlabel)
    ax.grid(False)
    if cell_borders:
        ax.set_xticks(np.arange(-0.5, wide.shape[1]), minor=True)
        ax.set_yticks(np.arange(-0.5, wide.shape[0]), minor=True)
        ax.grid(which="minor", color="white", linewidth=1.5)
        ax.tick_params(which="minor", length=0)
    return labelled
