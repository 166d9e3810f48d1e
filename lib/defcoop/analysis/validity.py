"""How good the annotator's counts are: its measured precision and recall on real pages.

``data/validity.csv`` holds the measures of ``benchmarks/score_devsets.py --validity`` on the
real development corpora (``benchmarks/devsets``, gold written blind), at first contact and now;
the notebooks show the rows behind their figures, so that a report citing a count can cite how
good such counts are.
"""

from __future__ import annotations

import pandas as pd

from defcoop.paths import DATA_DIR

__all__ = ["validity"]


def validity(prefixes: tuple[str, ...] = ()) -> pd.DataFrame:
    """The measures whose names start with one of ``prefixes`` (all when empty), in file order.

    >>> validity(("officials",)).columns.tolist()
    ['measure', 'first_contact', 'final', 'precision', 'recall', 'n']
    """
    table = pd.read_csv(DATA_DIR / "validity.csv", comment="#")
    if prefixes:
        table = table[table["measure"].str.startswith(prefixes)]
    return table.reset_index(drop=True)
