"""The workbook's figure style (a matplotlib style sheet) and the size limits every figure obeys."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from defcoop.paths import STYLE_FILE

STYLE = str(STYLE_FILE)


#: Up to this many items a figure draws one labelled mark per item (a bar per article, a label
#: per story); above it, it draws an aggregate (histogram, counts per period) whose number of
#: artists does not grow with the corpus.  Constrained layout measures every text artist, so a
#: label per item costs minutes at 10,000 items.
MAX_MARKS = 40


#: A heatmap writes its count in every cell up to this many cells; above, a colour bar reads
#: the cells and the numbers are in the figure's CSV (hundreds of texts cost seconds per save).
MAX_CELL_LABELS = 120


def use_style() -> None:
    """Apply the workbook style sheet to matplotlib (notebooks call this once)."""
    plt.style.use(STYLE)


def nothing_to_draw(title: str, message: str) -> Figure:
    """A short figure that says why there is nothing to draw, under the figure's title."""
    fig, ax = plt.subplots(figsize=(7.2, 1.6))
    ax.axis("off")
    ax.text(0.0, 0.5, message, fontsize=9, transform=ax.transAxes)
    fig.suptitle(title, x=0.01, ha="left", fontsize=10, fontweight="bold")
    return fig
