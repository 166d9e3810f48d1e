"""CSV that is safe to open in a spreadsheet: the one way defcoop writes CSV files.

Article text is untrusted input.  A cell whose text begins with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return, which spreadsheets skip before looking for those) is evaluated
as a formula by Excel and LibreOffice Calc when the CSV is opened: ``=HYPERLINK(...)`` in a
crawled title becomes a live link, and worse is possible ("CSV injection", OWASP).

The technique, OWASP's: such a text cell is written with a single quote in front
(``'=HYPERLINK(...)``), which both programs show as the text itself, never as a formula.
Only text cells are touched: numbers (an offset, a count, a coordinate of ``-0.36``) are
written as numbers, and a text cell that is just a number (``-12``, ``+3.5``) is left as it is,
since a spreadsheet reading it as that number does nothing harmful.  The price is that a
program reading the CSV back sees the quote; JSON lines and Parquet exports keep every value
raw, so use those to process the tables further.

>>> spreadsheet_safe(pd.DataFrame({"t": ["=1+1", "-12", "@SUM(A1)", "ok"], "n": [-1, 2, 3, 4]}))
           t  n
0      '=1+1 -1
1        -12  2
2  '@SUM(A1)  3
3         ok  4
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from pandas.api.types import is_bool_dtype, is_numeric_dtype

__all__ = ["FORMULA_STARTS", "safe_cell", "spreadsheet_safe", "write_csv"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP's list; a line break
#: leads there too once a cell is split at it, so a cell that starts with one is quoted as well).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_BLANKS = " \u00a0\u2007\u202f\ufeff"
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: object) -> object:
    """``value`` with a leading ``'`` if it is text a spreadsheet would take for a formula.

    A carriage return inside text becomes a line feed: the CSV writer quotes a cell holding a
    line feed, but not one holding a lone carriage return, which a spreadsheet would then take
    for the end of the row (and the text after it for a new cell, formula or not).

    >>> [safe_cell(v) for v in ("=HYPERLINK(x)", "\\t=1", "-1.5e3", "Hanoi", 7, None)]
    ["'=HYPERLINK(x)", "'\\t=1", '-1.5e3', 'Hanoi', 7, None]
    >>> safe_cell("\\r=1+1"), safe_cell("a\\r\\n=b\\rc"), safe_cell("\\n=1"), safe_cell(" =1+1")
    ("'\\n=1+1", 'a\\n=b\\nc', "'\\n=1", "' =1+1")
    """
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.startswith("\n"):
        return "'" + value
    # (some importers trim leading blanks, a no-break space or a byte-order mark before reading)
    bare = value.lstrip(_BLANKS)
    if bare.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(bare):
        return "'" + value
    return value


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells are :func:`safe_cell`; numeric and boolean columns as they are."""
    out = df.copy(deep=False)
    for name in out.columns:
        col = out[name]
        if is_numeric_dtype(col.dtype) or is_bool_dtype(col.dtype):
            continue
        if isinstance(col.dtype, pd.CategoricalDtype):
            col = col.astype(object)
        mapped = col.map(safe_cell)
        if not mapped.equals(col):
            out[name] = mapped
    return out


def write_csv(df: pd.DataFrame, path: str | Path) -> None:
    """Write ``df`` to ``path`` as UTF-8 CSV with ``\\n`` line ends and no index, spreadsheet-safe."""
    spreadsheet_safe(df).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
