"""Showing tables in notebooks: bounded, and saying what they leave out."""

from __future__ import annotations

import pandas as pd

__all__ = ["head"]


def head(table: pd.DataFrame, n: int, *, what: str = "rows") -> pd.DataFrame:
    """The first ``n`` rows of ``table``, for display; when rows are cut, print how many there are.

    Notebooks show tables through this so that a table is bounded on any corpus and says what
    it leaves out.  Nothing is printed when the whole table fits.

    >>> import pandas as pd
    >>> head(pd.DataFrame({"x": range(3)}), 5)["x"].tolist()
    [0, 1, 2]
    >>> head(pd.DataFrame({"x": range(1500)}), 2, what="articles")["x"].tolist()
    1,500 articles; the first 2 are shown
    [0, 1]
    """
    if len(table) > n:
        print(f"{len(table):,} {what}; the first {n} are shown")
    return table.head(n)
