"""One count heatmap for every notebook: cells coloured by count, labelled while they are few."""

from __future__ import annotations

import numpy as np
import pandas as pd

from defcoop.plots.style import MAX_CELL_LABELS


def count_heatmap(
    ax,
    wide: pd.DataFrame,
    *,
    ylabels: list[str] | None = None,
    xlabel: str = "",
    max_labels: int = MAX_CELL_LABELS,
    label: str = "count",
) -> bool:
    """Draw a table of counts as a heatmap with each count written in its cell.

    ``wide`` has one row per y category and one column per x category (already ordered).
    Counts on dark cells (above 60% of the maximum) are written in white.  Above
    ``max_labels`` cells no count is written; a colour bar labelled ``label`` reads the cells.
    Returns whether the counts were written.

    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> fig, ax = plt.subplots()
    >>> count_heatmap(ax, pd.DataFrame({"2018": [2, 0], "2024": [1, 3]}, index=["a", "b"]), xlabel="year")
    True
    >>> [t.get_text() for t in ax.texts]
    ['2', '1', '0', '3']
    >>> plt.close(fig)
    """
    values = wide.to_numpy()
    im = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    top = values.max() if values.size else 0
    labelled = values.size <= max_labels
    if not labelled:
        ax.figure.colorbar(im, ax=ax, shrink=0.8, label=label)
    if labelled:
        for (i, j), v in np.ndenumerate(values):
            colour = "white" if v > 0.6 * top else "black"
            ax.annotate(f"{v}", (j, i), ha="center", va="center", fontsize=8, color=colour)
    ax.set_xticks(range(wide.shape[1]), wide.columns)
    ax.set_yticks(range(wide.shape[0]), ylabels if ylabels is not None else list(wide.index))
    ax.set_xlabel(xlabel)
    ax.grid(False)
    return labelled
