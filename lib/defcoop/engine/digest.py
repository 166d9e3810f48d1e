"""A fingerprint of a corpus's tables: did two runs, or two implementations, give the same output?

:func:`table_digests` reduces every table of a :class:`~defcoop.corpus.Corpus` to its number of
rows and a SHA-256 of its whole content, independent of how the table is held (categoricals or
strings, integers of any width, Arrow-backed or not, row order): each row is written as text in
a fixed column order, each value saying its type, rows are sorted, and the sorted text is hashed.
Two corpora have equal digests when every table holds the same rows, up to order (short of a
collision of SHA-256), so a change that should keep the output (the speed work of issue 19) is
checked on every row, not on a sample.  Floats are compared by their ``repr``.

>>> import pandas as pd
>>> from defcoop.corpus import Corpus
>>> t = pd.DataFrame({"doc_id": ["b", "a"], "n": [2, 1]})
>>> a = Corpus("x", t, t, t, t, t, t)
>>> b = Corpus("x", t.iloc[::-1], t, t, t, t, t)
>>> table_digests(a) == table_digests(b)  # (rows in another order)
True
>>> table_digests(a)["docs"]["rows"], table_digests(a)["docs"]["columns"]
(2, ['doc_id', 'n'])
"""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pandas as pd

from defcoop.corpus import Corpus

__all__ = ["TABLES", "differences", "table_digests"]

#: The tables fingerprinted, in this order.
TABLES = ("docs", "sentences", "segments", "mentions", "meetings", "skipped")


def _cell(v) -> str:
    """One value as text that says its type: strings quoted (with their separators escaped), lists
    and arrays item by item, bytes in hex, missing values as ``null``; integers of any width alike.

    >>> [_cell(x) for x in (["a", "b"], "[a|b]", None, "null", 3, np.int32(3), b"\\x01", True)]
    ['["a","b"]', '"[a|b]"', 'null', '"null"', '3', '3', 'b:01', 'true']
    """
    if isinstance(v, (list, tuple, np.ndarray)):
        return "[" + ",".join(_cell(x) for x in v) + "]"
    if isinstance(v, (bytes, bytearray, memoryview)):
        return "b:" + bytes(v).hex()
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return "null"
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return "f:" + repr(float(v))
    return json.dumps(str(v), ensure_ascii=False)


def _digest(df: pd.DataFrame) -> dict:
    columns = list(df.columns)
    cols = [[_cell(v) for v in df[c].tolist()] for c in columns]
    rows = sorted("\x1f".join(r) for r in zip(*cols, strict=True)) if columns else []
    h = hashlib.sha256()
    h.update("\x1e".join(columns).encode())
    for r in rows:
        h.update(b"\x1d")
        h.update(r.encode("utf-8", "surrogatepass"))
    return {"rows": len(df), "columns": columns, "sha256": h.hexdigest()}


def table_digests(corpus: Corpus) -> dict[str, dict]:
    """Rows, columns and the SHA-256 of the content of each table of ``corpus`` (:data:`TABLES`)."""
    return {name: _digest(getattr(corpus, name)) for name in TABLES}


def differences(got: dict[str, dict], want: dict[str, dict]) -> list[str]:
    """What differs between two :func:`table_digests`, one line a table, empty when nothing does.

    >>> differences({"docs": {"rows": 2, "columns": ["a"], "sha256": "x"}},
    ...             {"docs": {"rows": 3, "columns": ["a"], "sha256": "y"}})
    ['docs: 2 rows, expected 3; content differs']
    """
    out = []
    for name in sorted(set(got) | set(want)):
        g, w = got.get(name), want.get(name)
        if g is None or w is None:
            out.append(f"{name}: {'missing' if g is None else 'not expected'}")
            continue
        what = []
        if g["columns"] != w["columns"]:
            what.append(f"columns {g['columns']}, expected {w['columns']}")
        if g["rows"] != w["rows"]:
            what.append(f"{g['rows']} rows, expected {w['rows']}")
        if g["sha256"] != w["sha256"]:
            what.append("content differs")
        if what:
            out.append(f"{name}: " + "; ".join(what))
    return out
