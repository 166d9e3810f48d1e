"""defcoop: a research workbook on defence diplomacy in the news.

>>> import defcoop
>>> corpus = defcoop.load(defcoop.paths.SEEDS_DIR)
>>> corpus
Corpus(5 articles, 4 outlets, 2018-03..2024-12)
"""

from defcoop import paths
from defcoop.load import Corpus, clear_memo, load

__all__ = ["Corpus", "clear_memo", "load", "paths"]
__version__ = "0.1.0"
