"""defcoop: a research workbook on defence diplomacy in the news.

The public API is what ``__all__`` names here, plus the stage packages a notebook uses by name:
:mod:`defcoop.analysis` (``actors``, ``timeseries``, ``topics``), :mod:`defcoop.plots` (one
function per figure, ``save_figure``), :mod:`defcoop.lexicons` (the registry and codebook) and
:mod:`defcoop.schema` (every table's columns).  Everything else is the machinery behind them.

>>> import defcoop
>>> corpus = defcoop.load(defcoop.paths.SEEDS_DIR)
>>> corpus
Corpus(5 articles, 4 outlets, 2018-03..2024-12)
"""

from defcoop import paths
from defcoop.corpus import Corpus
from defcoop.display import head
from defcoop.errors import InsufficientData
from defcoop.lexicons.datafiles import DataFileError
from defcoop.load import clear_memo, load
from defcoop.version import __version__

__all__ = ["Corpus", "DataFileError", "InsufficientData", "__version__", "clear_memo", "head", "load", "paths"]
