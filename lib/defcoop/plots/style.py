"""The workbook's figure style (a matplotlib style sheet) and the size limits every figure obeys."""

from __future__ import annotations

import matplotlib.pyplot as plt

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
