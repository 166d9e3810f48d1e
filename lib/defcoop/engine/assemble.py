"""From per-file annotation results to the corpus tables, through compact Arrow *parts*.

:func:`encode_part` turns the tables of a chunk of files (:func:`defcoop.engine.process.process_chunk`)
into a part: Arrow tables with one row per document in ``docs``, which also says how many rows
of each other table belong to the document; those tables' rows are grouped by document, in the
order of ``docs``.  The part is lean:

* the strings of ``mentions`` are dictionary-encoded (they become categoricals), its
  ``doc_id`` is not stored (the grouping gives it) and neither is its ``sentence`` when every
  mention's sentence is the text of sentence ``sent_no`` of its document (it always is; a
  part where it is not keeps the column);
* offsets and numbers are 32-bit (they are 64-bit in the tables);
* text columns are plain Arrow strings, which pandas uses without copying.

Parts are what the on-disk cache (:mod:`defcoop.engine.cache`) stores, memory-mapped when read.
:func:`assemble` builds the corpus tables from any list of parts and the files of the corpus in
order: a file's rows are those of the first document with its content hash, under the file's
own ``doc_id`` and path (so renamed and copied files reuse cached rows).  In the usual case
(the parts read in the order they were written, few files renamed or copied) the rows come in
a few runs of the parts, which are sliced rather than copied: the columns of text stay in the
memory-mapped parts and are paged in from the OS page cache when used.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from defcoop.arrays import take_rows
from defcoop.engine.cache import ROWS, encode_dictionary, ranges, reencode_dictionaries, single_array
from defcoop.reading.records import split_source
from defcoop.schema import (
    CACHE_DOC_COLUMNS,
    CATEGORICAL_MENTION_COLUMNS,
    LIST_COLUMNS,
    MENTION_COLUMNS,
    SEGMENT_COLUMNS,
    SENTENCE_COLUMNS,
)

__all__ = [
    "PART_SCHEMAS",
    "assemble",
    "check_part",
    "encode_part",
    "merge_parts",
]

_INT64 = frozenset({"n_paragraphs", "n_sentences", "n_words", "n_shingles"})
_INT32 = frozenset({"sent_no", "para_no", "start", "end"})  # stored 32-bit, 64-bit in the tables
_BOOL = frozenset({"on_topic", "registered"})
_STR = pa.large_string()
_DICT = pa.dictionary(pa.int32(), _STR)  # (the index type of a part's dictionary: the smallest)
_DERIVED_MENTION_COLUMNS = ("doc_id", "sentence")  # not stored when they can be derived
MAX_SLICES = 2000  # reorder rows by slicing the parts (no copy) when it takes at most this many slices


def _type(table: str, col: str) -> pa.DataType:
    if col in _INT64:
        return pa.int64()
    if col in _INT32:
        return pa.int32()
    if col in _BOOL:
        return pa.bool_()
    if col in LIST_COLUMNS:
        return pa.list_(_STR)
    if col in ("minhash", "anchors"):
        return pa.binary()
    if table == "mentions" and col in CATEGORICAL_MENTION_COLUMNS:
        return _DICT
    return _STR


def _schema(table: str, columns: list[str]) -> pa.Schema:
    fields = [pa.field(c, _type(table, c)) for c in columns]
    if table == "docs":
        fields.extend(pa.field(c, pa.int32()) for c in ROWS.values())
    return pa.schema(fields)


PART_SCHEMAS = {
    "docs": _schema("docs", CACHE_DOC_COLUMNS),
    "sentences": _schema("sentences", SENTENCE_COLUMNS),
    "segments": _schema("segments", SEGMENT_COLUMNS),
    "mentions": _schema("mentions", [c for c in MENTION_COLUMNS if c not in _DERIVED_MENTION_COLUMNS]),
}


# --------------------------------------------------------------------------- encoding


def _arrow(series: pd.Series, typ: pa.DataType) -> pa.Array:
    if pa.types.is_dictionary(typ):
        return encode_dictionary(_arrow(series, _STR))
    if pa.types.is_integer(typ):
        return pa.array(series.to_numpy(dtype=np.int64), pa.int64()).cast(typ)  # (checked: no overflow)
    if pa.types.is_boolean(typ):
        return pa.array(series.to_numpy(dtype=bool), typ)
    if pa.types.is_list(typ):
        return pa.array([list(v) for v in series], typ)
    if len(series) == 0:
        return pa.array([], typ)
    return pa.array(series, typ, from_pandas=True)


def encode_part(tables: dict[str, pd.DataFrame]) -> dict[str, pa.Table]:
    """The part for one chunk's tables (``docs``, ``sentences``, ``segments``, ``mentions``)."""
    docs = tables["docs"]
    ids = pd.Index(docs["doc_id"].astype("str"))
    doc_of: dict[str, np.ndarray] = {}
    for table in ROWS:
        df = tables[table]
        pos = ids.get_indexer(df["doc_id"].astype("str")) if len(df) else np.zeros(0, np.int64)
        if (pos < 0).any():
            raise ValueError(f"{table} rows of a document that is not in the chunk's docs")
        if len(pos) and (np.diff(pos) < 0).any():  # rows grouped by document, in docs order
            order = np.argsort(pos, kind="stable")
            df, pos = df.iloc[order].reset_index(drop=True), pos[order]
        doc_of[table] = pos
        tables = {**tables, table: df}
    schema = PART_SCHEMAS["docs"]
    arrays = [_arrow(docs[f.name], f.type) for f in schema if f.name in CACHE_DOC_COLUMNS]
    arrays.extend(pa.array(np.bincount(doc_of[t], minlength=len(ids)), pa.int32()) for t in ROWS)
    out = {"docs": pa.Table.from_arrays(arrays, schema=schema)}
    for table in ROWS:
        df, schema = tables[table], PART_SCHEMAS[table]
        arrays = [_arrow(df[f.name], f.type) for f in schema]
        # (sentences come before mentions in ROWS: their text column is already converted)
        if table == "mentions" and not _sentences_derivable(tables, out["sentences"], doc_of, len(ids)):
            arrays.append(_arrow(df["sentence"], _DICT))
            schema = schema.append(pa.field("sentence", arrays[-1].type))
        out[table] = pa.Table.from_arrays(arrays, schema=_with_index_types(schema, arrays))
    return out


def _with_index_types(schema: pa.Schema, arrays: list[pa.Array]) -> pa.Schema:
    """``schema`` with each dictionary column's actual index type."""
    return pa.schema([pa.field(f.name, a.type) for f, a in zip(schema, arrays, strict=True)])


def _sentences_derivable(
    tables: dict[str, pd.DataFrame], sentences: pa.Table, doc_of: dict[str, np.ndarray], n_docs: int
) -> bool:
    """Whether every mention's ``sentence`` is the text of its document's sentence ``sent_no``
    (``""`` for a mention outside any sentence, ``sent_no`` -1); ``sentences``: the part's."""
    sents, ments = tables["sentences"], tables["mentions"]
    if not len(ments):
        return True
    spos, mpos = doc_of["sentences"], doc_of["mentions"]
    counts = np.bincount(spos, minlength=n_docs)
    first = np.cumsum(counts) - counts
    sent_no = sents["sent_no"].to_numpy(dtype=np.int64)
    if not np.array_equal(sent_no, np.arange(len(sents)) - first[spos]):
        return False  # sentences not numbered 0, 1, ... within each document
    m_no = ments["sent_no"].to_numpy(dtype=np.int64)
    inside = m_no >= 0
    if (m_no >= counts[mpos]).any():
        return False
    text = single_array(sentences.column("sentence"))
    expected = pc.if_else(
        pa.array(inside), text.take(pa.array(np.where(inside, first[mpos] + m_no, 0))), pa.scalar("", _STR)
    )
    return bool(pc.all(pc.equal(expected, _arrow(ments["sentence"], _STR))).as_py())


def _same_type(a: pa.DataType, b: pa.DataType) -> bool:
    """Equal types; for dictionaries, any integer index type."""
    if pa.types.is_dictionary(a) and pa.types.is_dictionary(b):
        return a.value_type == b.value_type and pa.types.is_integer(a.index_type)
    return a == b


def check_part(part: dict[str, pa.Table]) -> None:
    """Raise ``ValueError`` unless ``part`` is laid out as :func:`encode_part` makes parts."""
    for table, schema in PART_SCHEMAS.items():
        t = part[table]
        for f in schema:
            if f.name not in t.column_names or not _same_type(t.schema.field(f.name).type, f.type):
                raise ValueError(f"cached {table} lacks column {f.name} of type {f.type}")
    for table, col in ROWS.items():
        counts = part["docs"].column(col)
        if len(counts) and (pc.min(counts).as_py() < 0 or pc.sum(counts).as_py() != len(part[table])):
            raise ValueError(f"cached docs do not count the rows of {table}")


def _unify(tables: list[pa.Table]) -> pa.Table:
    """One table of one chunk from ``tables``: dictionaries unified, index types the smallest."""
    if any(pa.types.is_dictionary(f.type) for t in tables for f in t.schema):
        tables = [
            t.cast(pa.schema([pa.field(f.name, _DICT if pa.types.is_dictionary(f.type) else f.type) for f in t.schema]))
            for t in tables
        ]
    return reencode_dictionaries(pa.concat_tables(tables).unify_dictionaries().combine_chunks())


def merge_parts(parts: list[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """One part from several (in order); each table one chunk, dictionaries unified."""
    if len(parts) == 1:
        return parts[0]
    explicit = any("sentence" in p["mentions"].column_names for p in parts)
    out = {"docs": pa.concat_tables([p["docs"] for p in parts]).combine_chunks()}
    for table in ROWS:
        pieces = []
        for part in parts:
            t = part[table]
            if table == "mentions" and explicit and "sentence" not in t.column_names:
                t = t.append_column("sentence", _derived_sentences(part))
            pieces.append(t)
        out[table] = _unify(pieces)
    return out


def _derived_sentences(part: dict[str, pa.Table]) -> pa.Array:
    """The ``sentence`` of each mention of a part that does not store it."""
    docs, sents, ments = part["docs"], part["sentences"], part["mentions"]
    s_counts = _np(docs.column(ROWS["sentences"])).astype(np.int64)
    first = np.repeat(np.cumsum(s_counts) - s_counts, _np(docs.column(ROWS["mentions"])))
    m_no = _np(ments.column("sent_no")).astype(np.int64)
    inside = m_no >= 0
    rows = np.where(inside, first + m_no, 0)
    text = sents.column("sentence").take(pa.array(rows)) if len(sents) else pa.nulls(len(rows), _STR)
    return encode_dictionary(pc.if_else(pa.array(inside), text, pa.scalar("", _STR)))


# --------------------------------------------------------------------------- assembling


def _np(col: pa.ChunkedArray | pa.Array, dtype: type | None = None) -> np.ndarray:
    """A column as a new, writable numpy array (of ``dtype``, if given)."""
    chunks = col.chunks if isinstance(col, pa.ChunkedArray) else [col]
    arrays = [c.to_numpy(zero_copy_only=False) for c in chunks]
    if not arrays:
        return np.empty(0, dtype=dtype or col.type.to_pandas_dtype())
    return np.concatenate(arrays, dtype=dtype)


class _Runs:
    """Rows of a source table, in order, as runs ``(start, length)``.

    Usually one run over every row (the parts' rows are in corpus order already) and the
    source is used as it is; a few runs are taken as slices of the source (no copy of text);
    many, with a take.
    """

    def __init__(self, starts: np.ndarray, lengths: np.ndarray, n_source: int) -> None:
        keep = lengths > 0
        self.starts, self.lengths = starts[keep].astype(np.int64), lengths[keep].astype(np.int64)
        n_runs = len(self.starts)
        total = int(self.lengths.sum())
        self.whole = total == n_source and (n_runs == 0 or (n_runs == 1 and self.starts[0] == 0))
        self.few = n_runs <= MAX_SLICES

    def _spans(self) -> list[tuple[int, int]]:
        return list(zip(self.starts.tolist(), self.lengths.tolist(), strict=True))

    def table(self, t: pa.Table) -> pa.Table:
        if self.whole:
            return t
        if self.few:
            return pa.concat_tables([t.slice(0, 0), *(t.slice(s, n) for s, n in self._spans())])
        return pa.Table.from_arrays([self.column(c) for c in t.columns], schema=t.schema)

    def column(self, col: pa.ChunkedArray) -> pa.ChunkedArray:
        if self.whole:
            return col
        if self.few:
            return pa.chunked_array([c for s, n in self._spans() for c in col.slice(s, n).chunks], col.type)
        return pa.chunked_array([take_rows(col, ranges(self.starts, self.lengths))], col.type)


def _str_categorical(codes: np.ndarray, categories: pa.Array, *, unique: bool = False) -> pd.Categorical:
    """A categorical of ``str`` categories; ``unique`` when they are known to be distinct (skips
    pandas' check, which hashes every category)."""
    cats = pd.Index(categories.cast(_STR).to_pandas())
    dtype = None
    if unique:
        fast = getattr(pd.CategoricalDtype, "_from_fastpath", None)  # pandas-internal; fallback below
        if fast is not None:
            dtype = fast(cats, ordered=False)
    if dtype is None:
        dtype = pd.CategoricalDtype(cats, ordered=False)
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)


def _drop_unused(codes: np.ndarray, categories: pa.Array) -> tuple[np.ndarray, pa.Array]:
    """Only categories that some code uses (as ``astype('category')`` has), codes renumbered."""
    used = np.zeros(len(categories), bool)
    used[codes] = True
    if used.all():
        return codes, categories
    new = (np.cumsum(used) - 1).astype(_code_type(int(used.sum())))
    return new[codes], categories.filter(pa.array(used))


def _sorted_unique(values: pa.Array) -> pa.Array:
    u = pc.unique(values)
    return u.take(pc.array_sort_indices(u))


def _code_type(n: int) -> type:
    """The integer type pandas keeps the codes of ``n`` categories in."""
    return np.int8 if n < 127 else np.int16 if n < 32767 else np.int32


def _dictionary_column(chunks: list[pa.DictionaryArray], *, all_used: bool) -> pd.Categorical:
    """A categorical (categories sorted, only those used) from dictionary-encoded chunks.

    ``all_used``: every value of every chunk's dictionary occurs in the chunks (true of parts
    as written, when no row of them is left out).
    """
    if chunks:
        categories = _sorted_unique(pa.concat_arrays([c.dictionary.cast(_STR) for c in chunks]))
    else:
        categories = pa.array([], _STR)
    codes = np.empty(sum(len(c) for c in chunks), _code_type(len(categories)))
    mappings: dict[tuple, np.ndarray] = {}  # slices of one part's column share its dictionary
    at = 0
    for c in chunks:
        d = c.dictionary
        key = (*(b.address if b is not None else 0 for b in d.buffers()), d.offset, len(d))
        if key not in mappings:
            mapping = pc.index_in(d.cast(_STR), value_set=categories).to_numpy(zero_copy_only=False)
            mappings[key] = mapping.astype(codes.dtype)
        np.take(mappings[key], c.indices.to_numpy(zero_copy_only=False), out=codes[at : at + len(c)])
        at += len(c)
    if not all_used:
        codes, categories = _drop_unused(codes, categories)
    return _str_categorical(codes, categories, unique=True)


def _frame(columns: dict[str, object]) -> pd.DataFrame:
    data = {c: (v.to_pandas() if isinstance(v, pa.ChunkedArray | pa.Array) else v) for c, v in columns.items()}
    return pd.DataFrame(data, copy=False)


def _patched(col: pa.ChunkedArray, wrong: np.ndarray, right: Callable[[int, int], pa.Array]) -> pa.ChunkedArray:
    """``col`` with the stretches of rows where ``wrong`` is set replaced by ``right(start, stop)``
    (the rest stays as it is, not copied)."""
    if not wrong.any():
        return col
    edges = np.flatnonzero(np.diff(wrong.astype(np.int8))) + 1
    bounds = [0, *edges.tolist(), len(wrong)]
    chunks: list[pa.Array] = []
    for a, b in itertools.pairwise(bounds):
        chunks.extend([right(a, b)] if wrong[a] else col.slice(a, b - a).chunks)
    return pa.chunked_array(chunks, col.type)


def _lists(col: pa.ChunkedArray) -> list[list[str]]:
    """A list<string> column as Python lists, one per row, equal strings shared (the values are
    a small vocabulary: partners, actor ids, themes)."""
    out: list[list[str]] = []
    for chunk in col.chunks:
        offsets = chunk.offsets.to_numpy()  # into chunk.values, which a slice does not cut
        flat: list[str] = []
        if len(chunk.values):
            enc = pc.dictionary_encode(chunk.values)
            words = np.array(enc.dictionary.to_pylist(), dtype=object)
            flat = words[enc.indices.to_numpy(zero_copy_only=False)].tolist()
        out.extend(flat[a:b] for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True))
    return out


def composition_of(doc_ids: pa.Array, shas: pa.Array, dates: pa.ChunkedArray) -> str:
    """A digest of which documents, with which contents and dates, the corpus has, in order."""
    h = hashlib.sha256()
    for col in (doc_ids, shas, single_array(dates) if isinstance(dates, pa.ChunkedArray) else dates):
        col = col.cast(_STR)
        n, at = len(col), col.offset
        offsets = np.frombuffer(col.buffers()[1], np.int64)[at : at + n + 1] if n else np.zeros(1, np.int64)
        h.update(memoryview(col.buffers()[2] or b"")[offsets[0] : offsets[-1]] if n else b"")
        h.update((offsets - offsets[0]).tobytes())  # the values' lengths: the digest is unambiguous
    return h.hexdigest()[:24]


class Assembled:
    """The corpus tables (``docs`` still with ``minhash``/``n_shingles`` in Arrow) and the
    composition digest that keys results derived from the whole corpus."""

    def __init__(self, tables: dict[str, pd.DataFrame], docs: pa.Table, composition: str) -> None:
        self.tables, self.docs, self.composition = tables, docs, composition


def _column(parts: list[dict[str, pa.Table]], table: str, col: str) -> pa.ChunkedArray:
    """Column ``col`` of ``table`` over all parts (dictionary index types made one if they differ)."""
    chunks = [ch for p in parts for ch in p[table].column(col).chunks]
    types = {ch.type for ch in chunks}
    if len(types) > 1:
        chunks = [ch.cast(_DICT) for ch in chunks]
    typ = chunks[0].type if chunks else PART_SCHEMAS[table].field(col).type
    return pa.chunked_array(chunks, typ)


class Derived:
    """Where results that depend on the whole corpus are kept, by corpus composition: nowhere
    (this class); :func:`defcoop.engine.run.load_corpus` passes one backed by the on-disk cache."""

    saves = False  # whether saved results can be read back

    def table(self, composition: str, name: str) -> pa.Table | None:
        return None

    def save_table(self, composition: str, name: str, table: pa.Table) -> None:
        return None

    def array(self, composition: str, name: str) -> np.ndarray | None:
        return None

    def save_array(self, composition: str, name: str, array: np.ndarray) -> None:
        return None


# The columns of the tables that are numbers or categoricals: assembled once per composition of
# the corpus and saved (numbers and codes as arrays that a reload maps from disk, copy-on-write).
_SNAPSHOT = {
    "sentences": [c for c in SENTENCE_COLUMNS if c in _INT32],
    "segments": [c for c in SEGMENT_COLUMNS if c in _INT32],
    "mentions": [c for c in MENTION_COLUMNS if c in _INT32 or c in _BOOL or c in CATEGORICAL_MENTION_COLUMNS],
}


def _read_snapshot(derived: Derived, composition: str, n_rows: dict[str, int]) -> dict[tuple[str, str], object] | None:
    """The saved columns for this composition, or ``None`` unless every one is there."""
    out: dict[tuple[str, str], object] = {}
    for table, columns in _SNAPSHOT.items():
        for c in columns:
            if table == "mentions" and c in CATEGORICAL_MENTION_COLUMNS:
                codes = derived.array(composition, f"{table}.{c}.codes")
                cats = derived.table(composition, f"{table}.{c}.categories")
                if codes is None or cats is None or cats.column_names != ["categories"]:
                    return None
                if codes.ndim != 1 or len(codes) != n_rows[table] or codes.dtype != _code_type(len(cats)):
                    return None
                out[table, c] = _str_categorical(codes, cats.column("categories"), unique=True)
            else:
                a = derived.array(composition, f"{table}.{c}")
                want = bool if c in _BOOL else np.int64
                if a is None or a.ndim != 1 or len(a) != n_rows[table] or a.dtype != want:
                    return None
                out[table, c] = a
    return out


def _save_column(derived: Derived, composition: str, key: tuple[str, str], col: object) -> None:
    table, c = key
    if isinstance(col, _LazyCategories):
        derived.save_array(composition, f"{table}.{c}.codes", col.codes)
        derived.save_table(composition, f"{table}.{c}.categories", col.batches())
    elif isinstance(col, pd.Categorical):
        derived.save_array(composition, f"{table}.{c}.codes", col.codes)
        categories = pa.array(col.categories.array, _STR)
        derived.save_table(composition, f"{table}.{c}.categories", pa.table({"categories": categories}))
    else:
        derived.save_array(composition, f"{table}.{c}", col)


class _LazyCategories:
    """A categorical whose categories (many, long: the sentences) are ``values[rows]``, taken a
    batch at a time when they are saved rather than all at once."""

    def __init__(self, codes: np.ndarray, values: pa.ChunkedArray, rows: np.ndarray) -> None:
        self.codes, self.values, self.rows = codes, values, rows

    def batches(self, size: int = 1 << 17):
        for a in range(0, max(len(self.rows), 1), size):
            yield pa.record_batch([take_rows(self.values, self.rows[a : a + size]).cast(_STR)], names=["categories"])

    def categorical(self) -> pd.Categorical:
        return _str_categorical(self.codes, take_rows(self.values, self.rows), unique=True)


def assemble(
    parts: list[dict[str, pa.Table]],
    files: list[tuple[str, str, str]],
    *,
    derived: Derived | None = None,
) -> Assembled:
    """The tables for ``files`` (``(doc_id, relpath, sha256)`` in corpus order) from ``parts``.

    Every content hash of ``files`` must have a row in the parts' ``docs``; a file gets the
    rows of the first document with its hash, under its own ``doc_id`` and path.  The columns
    of numbers and categoricals, which take most of the work, come from ``derived`` when it has
    them for this composition of the corpus, and are saved there otherwise.
    """
    derived = derived or Derived()
    n = len(files)
    ids = [f[0] for f in files]
    ids_arr = pa.array(ids, _STR)
    docs_all = pa.concat_tables([p["docs"] for p in parts]) if parts else PART_SCHEMAS["docs"].empty_table()
    n_src = len(docs_all)
    shas = pa.array([f[2] for f in files], _STR)
    # each file's row: the first with its content hash
    rows = pc.index_in(shas, value_set=docs_all.column("sha256")).to_numpy(zero_copy_only=False).astype(np.int64)
    if n and (rows < 0).any():
        raise ValueError("a file's content hash has no row in the parts")
    # runs of documents whose source rows follow each other (one run in the usual case)
    run_out = np.concatenate([[0], np.flatnonzero(np.diff(rows) != 1) + 1]) if n else np.zeros(0, np.int64)
    run_len = np.diff(np.append(run_out, n))
    run_src = rows[run_out]
    every_source_used = n_src == 0 or bool(np.bincount(rows, minlength=n_src).all())

    docs_t = _Runs(run_src, run_len, n_src).table(docs_all)
    renamed = _np(pc.not_equal(docs_t.column("doc_id"), ids_arr), bool)
    if renamed.any():
        docs_t = docs_t.set_column(docs_t.schema.get_field_index("doc_id"), "doc_id", ids_arr)
    # each document's own path and record (the row may be another file's with the same bytes)
    where = [split_source(f[1]) for f in files]
    for i, col in enumerate(("path", "record")):
        values = pa.array([w[i] for w in where], _STR)
        if pc.all(pc.equal(docs_t.column(col), values)).as_py() not in (True, None):
            docs_t = docs_t.set_column(docs_t.schema.get_field_index(col), col, values)
    composition = composition_of(ids_arr, shas, docs_t.column("date"))

    # for each table: the runs of its rows (those of the documents' runs), and how many rows
    # each document has
    runs: dict[str, _Runs] = {}
    counts: dict[str, np.ndarray] = {}
    for table, col in ROWS.items():
        c = _np(docs_all.column(col), np.int64)
        starts = np.concatenate([[0], np.cumsum(c)])
        runs[table] = _Runs(starts[run_src], starts[run_src + run_len] - starts[run_src], int(starts[-1]))
        counts[table] = c[rows]
    n_rows = {t: int(c.sum()) for t, c in counts.items()}
    snapshot = _read_snapshot(derived, composition, n_rows)
    texts = {
        table: runs[table].table(
            pa.concat_tables([p[table] for p in parts]) if parts else PART_SCHEMAS[table].empty_table()
        )
        for table in ("sentences", "segments")
    }
    if snapshot is None:

        def columns():
            return _columns(parts, texts, runs, ids_arr, counts, every_source_used)

        if derived.saves:
            # each column saved as soon as it is made, then all used as saved (mapped from disk)
            for key, col in columns():
                _save_column(derived, composition, key, col)
                del col
            pa.default_memory_pool().release_unused()
            snapshot = _read_snapshot(derived, composition, n_rows)
        if snapshot is None:  # nowhere to save them (or saving failed): in memory
            snapshot = {k: v.categorical() if isinstance(v, _LazyCategories) else v for k, v in columns()}

    tables: dict[str, pd.DataFrame] = {}
    for table, columns in (("sentences", SENTENCE_COLUMNS), ("segments", SEGMENT_COLUMNS)):
        t = texts[table]
        cols: dict[str, object] = {}
        for c in columns:
            if c == "doc_id" and renamed.any():  # rows of renamed and copied files: their own doc_id
                owner = np.repeat(np.arange(n, dtype=np.int32), counts[table])
                cols[c] = _patched(t.column(c), renamed[owner], lambda a, b, o=owner: ids_arr.take(pa.array(o[a:b])))
            else:
                cols[c] = snapshot[table, c] if (table, c) in snapshot else t.column(c)
        tables[table] = _frame(cols)
    tables["mentions"] = _frame({c: snapshot["mentions", c] for c in MENTION_COLUMNS})

    docs_cols: dict[str, object] = {}
    for c in CACHE_DOC_COLUMNS:
        if c in ("minhash", "n_shingles", "anchors"):
            continue
        if c in LIST_COLUMNS:
            docs_cols[c] = pd.Series(_lists(docs_t.column(c)), dtype=object)
        elif c in _INT64 or c in _BOOL:
            docs_cols[c] = _np(docs_t.column(c))
        else:
            docs_cols[c] = docs_t.column(c)
    tables["docs"] = _frame(docs_cols)
    return Assembled(tables, docs_t, composition)


def _columns(
    parts: list[dict[str, pa.Table]],
    texts: dict[str, pa.Table],
    runs: dict[str, _Runs],
    ids_arr: pa.Array,
    counts: dict[str, np.ndarray],
    every_source_used: bool,
):
    """The columns of numbers and categoricals (``_SNAPSHOT``), one at a time: ``((table,
    column), array or categorical)``."""
    for table in ("sentences", "segments"):
        for c in _SNAPSHOT[table]:
            yield (table, c), _np(texts[table].column(c), np.int64)
    m_runs, m_counts = runs["mentions"], counts["mentions"]
    yield ("mentions", "doc_id"), _doc_id_column(ids_arr, m_counts)
    sent_no = _np(m_runs.column(_column(parts, "mentions", "sent_no")), np.int64)
    yield ("mentions", "sent_no"), sent_no
    explicit = None
    if any("sentence" in p["mentions"].column_names for p in parts):
        explicit = _explicit_sentences(parts, m_runs)
    sent_text = texts["sentences"].column("sentence")
    yield ("mentions", "sentence"), _mention_sentences(m_counts, sent_no, explicit, sent_text, counts["sentences"])
    del sent_no, explicit
    for c in MENTION_COLUMNS:
        if c in ("doc_id", "sent_no", "sentence"):
            continue
        col = m_runs.column(_column(parts, "mentions", c))
        if c in _INT32:
            yield ("mentions", c), _np(col, np.int64)
        elif c in _BOOL:
            yield ("mentions", c), _np(col)
        else:
            yield ("mentions", c), _dictionary_column(col.chunks, all_used=every_source_used)


def _doc_id_column(ids_arr: pa.Array, counts: np.ndarray) -> pd.Categorical:
    """The ``doc_id`` categorical of rows grouped by document: ``counts`` rows of each document
    of ``ids_arr``, in order."""
    categories = _sorted_unique(ids_arr)
    code_of = pc.index_in(ids_arr, value_set=categories).to_numpy(zero_copy_only=False).astype(np.int32)
    keep = np.zeros(len(categories), bool)
    keep[code_of[counts > 0]] = True
    if not keep.all():
        code_of = (np.cumsum(keep) - 1).astype(np.int32)[code_of]
        categories = categories.filter(pa.array(keep))
    return _str_categorical(np.repeat(code_of.astype(_code_type(len(categories))), counts), categories, unique=True)


def _explicit_sentences(parts: list[dict[str, pa.Table]], m_runs: _Runs) -> tuple[np.ndarray, list[pa.Array]]:
    """For parts that store ``sentence``: per mention, its index into the concatenation of their
    dictionaries (-1 where derived), and the dictionaries."""
    dicts: list[pa.Array] = []
    pieces: list[np.ndarray] = []
    base = 0
    for p in parts:
        t = p["mentions"]
        if "sentence" not in t.column_names:
            pieces.append(np.full(len(t), -1, np.int64))
            continue
        for ch in t.column("sentence").chunks:
            pieces.append(ch.indices.to_numpy(zero_copy_only=False).astype(np.int64) + base)
            dicts.append(ch.dictionary.cast(_STR))
            base += len(ch.dictionary)
    explicit = np.concatenate([np.zeros(0, np.int64), *pieces])
    if not m_runs.whole:
        explicit = explicit[ranges(m_runs.starts, m_runs.lengths)]
    return explicit, dicts


def _mention_sentences(
    m_counts: np.ndarray,
    sent_no: np.ndarray,
    explicit: tuple[np.ndarray, list[pa.Array]] | None,
    sent_text: pa.ChunkedArray,
    s_counts: np.ndarray,
) -> _LazyCategories:
    """The ``sentence`` categorical of ``mentions``: categories the distinct sentences, sorted.

    A mention's sentence is sentence ``sent_no`` of its document (``""`` outside sentences),
    unless stored explicitly.
    """
    # every distinct value: the sentences, "" and the explicit values, sorted; then only the used
    expl, expl_dicts = explicit if explicit is not None else (None, [])
    values = pa.chunked_array([*sent_text.chunks, pa.array([""], _STR), *expl_dicts], _STR)
    n_sent = len(sent_text)
    first = np.repeat((np.cumsum(s_counts) - s_counts).astype(np.int32), m_counts)  # of each mention's document
    n_of = np.repeat(s_counts.astype(np.int32), m_counts)
    inside = (sent_no >= 0) & (sent_no < n_of)
    del n_of
    first += sent_no.astype(np.int32)
    value_of = np.where(inside, first, np.int32(n_sent))  # the row of each mention's sentence in ``values``
    del first, inside
    if expl is not None:
        value_of[expl >= 0] = n_sent + 1 + expl[expl >= 0]
    group, rows = _sort_groups(values, value_of)
    return _LazyCategories(group[value_of], values, rows)


def _sort_groups(values: pa.ChunkedArray, used_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of ``values[used_rows]`` in sorted order, as one row of ``values``
    for each; and for each row of ``values`` the position of its value among them (-1 if no
    used row has its value).

    Arrow ranks the rows (equal values, equal rank; no hash table of every string, no copy of
    them).
    """
    rank = _np(pc.rank(values, sort_keys="ascending", tiebreaker="dense")).astype(np.int32)  # 1, 2, ...
    used = np.zeros(int(rank.max()) + 1 if len(rank) else 1, bool)
    used[rank[used_rows]] = True
    position = (np.cumsum(used) - 1).astype(np.int32)
    group = np.where(used[rank], position[rank], -1).astype(np.int32)
    first = np.full(int(used.sum()), -1, np.int64)
    rows = np.unique(used_rows)
    first[group[rows]] = rows
    return group, first
