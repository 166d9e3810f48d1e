"""Arrow columns of the corpus tables, read without copying them whole.

The tables of a corpus loaded from the cache hold their strings in Arrow chunks memory-mapped from
its parts, one chunk a part.  Arrow's ``take`` (under every pandas boolean cut or reordering of
such a column) first copies the whole chunked column into one array: on 100,000 articles, the
corpus's sentences for a cut of a few rows.  These helpers read only the rows asked for.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

__all__ = ["arrow_strings", "take_rows"]


def arrow_strings(col: pd.Series) -> pa.ChunkedArray:
    """The strings of ``col`` as Arrow ``large_string`` chunks: the column's own buffers when it
    is Arrow-backed (no copy), decoded when categorical, converted when of Python strings.

    >>> arrow_strings(pd.Series(["a", "b"], dtype="category")).to_pylist()
    ['a', 'b']
    """
    arr = col.array
    if hasattr(arr, "__arrow_array__"):
        a = arr.__arrow_array__()
    else:  # (missing values, NaN or None, become nulls)
        a = pa.array(col.tolist(), pa.large_string(), from_pandas=True)
    if isinstance(a, pa.Array):
        a = pa.chunked_array([a])
    return a if a.type == pa.large_string() else a.cast(pa.large_string())


def take_rows(col: pa.ChunkedArray, idx: np.ndarray) -> pa.Array:
    """``col.take(idx)`` taking from each chunk apart (Arrow's take of a chunked column of
    strings first copies the whole column into one array)."""
    idx = np.asarray(idx, np.int64)
    if col.num_chunks <= 1:
        return (col.chunk(0) if col.num_chunks else pa.array([], col.type)).take(pa.array(idx))
    lengths = np.array([len(c) for c in col.chunks], np.int64)
    ends = np.cumsum(lengths)
    chunk_of = np.searchsorted(ends, idx, side="right")
    order = np.argsort(chunk_of, kind="stable")
    by_chunk = chunk_of[order]
    ks = np.unique(by_chunk)
    lo, hi = np.searchsorted(by_chunk, ks, side="left"), np.searchsorted(by_chunk, ks, side="right")
    pieces = [
        col.chunk(k).take(pa.array(idx[order[a:b]] - (ends[k] - lengths[k])))
        for k, a, b in zip(ks.tolist(), lo.tolist(), hi.tolist(), strict=True)
    ]
    grouped = pa.concat_arrays(pieces) if pieces else pa.array([], col.type)
    del pieces
    if (np.diff(order) > 0).all():  # already in order
        return grouped
    back = np.empty_like(order)
    back[order] = np.arange(len(order))
    return grouped.take(pa.array(back))
