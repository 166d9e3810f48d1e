"""Figures: the style, ``save_figure`` (the only writer of figure files) and one function per
figure, so that a notebook draws by calling one of them.

>>> from defcoop.plots import save_figure, use_style
"""

from defcoop.plots import actors as _actors
from defcoop.plots import themes as _themes
from defcoop.plots import topics as _topics
from defcoop.plots.actors import *  # noqa: F403  (each figure module declares its own __all__)
from defcoop.plots.corpus import (
    article_lengths,
    articles_by_outlet_year,
    articles_by_year,
    histogram_table,
    language_year_table,
    outlet_year_table,
    year_table,
)
from defcoop.plots.heatmap import count_heatmap
from defcoop.plots.save import SavedFigure, save_figure
from defcoop.plots.style import MAX_CELL_LABELS, MAX_MARKS, STYLE, nothing_to_draw, use_style
from defcoop.plots.themes import *  # noqa: F403
from defcoop.plots.topics import *  # noqa: F403

__all__ = [
    "MAX_CELL_LABELS",
    "MAX_MARKS",
    "STYLE",
    "SavedFigure",
    "article_lengths",
    "articles_by_outlet_year",
    "articles_by_year",
    "count_heatmap",
    "histogram_table",
    "language_year_table",
    "nothing_to_draw",
    "outlet_year_table",
    "save_figure",
    "use_style",
    "year_table",
    *_actors.__all__,
    *_themes.__all__,
    *_topics.__all__,
]
