"""The on-disk annotation cache: Arrow parts per corpus and code version, read memory-mapped.

Annotation is a pure function of a file's bytes and of the code and lexicons, so results are
keyed by the SHA-256 of each file under a *version* that digests the source of every module
annotation runs and every data file (:mod:`defcoop.engine.versioning`).  Rerunning on an unchanged
corpus reads the parts instead of re-annotating; a changed file is re-annotated alone; a
changed lexicon or rule starts a new version.

Layout (outside the corpus folder; default ``~/.cache/defcoop``, or ``$DEFCOOP_CACHE``)::

    <root>/<version>/<corpus key>/docs/part-*.arrow
                                 /sentences/part-*.arrow
                                 /segments/part-*.arrow
                                 /mentions/part-*.arrow
                                 /files.arrow                 stat of each file -> SHA-256
                                 /derived/<composition>/*     per corpus composition

Parts are uncompressed Arrow IPC files, read by memory-mapping them: a reload costs no
decoding, and text columns are paged in from the OS page cache only when they are used.  Their
layout (one row per document in ``docs``, with the number of its rows in each other table,
whose rows are grouped by document in the same order) is written and read by
:mod:`defcoop.engine.assemble`.  Part names begin with the time they were written, so parts sort in the
order a run wrote them.

``files.arrow`` records the stat (size, mtime, ctime, inode, device) and SHA-256 of every file
read, so that a reload need not read and hash a file whose stat is unchanged (unless it changed
within ``RACY_NS`` of the record being written, when a later change could keep the same stat).

``derived/<composition>`` keeps what depends on the whole corpus, keyed by a digest of its
documents' ids, hashes and dates: the near-duplicate links and the assembled columns of numbers
and categoricals (``.npy`` arrays a reload maps copy-on-write: writable, read from disk when
used).  Only the newest few compositions are kept.

Every file is written under a temporary name and renamed, and a part is only read once all
four of its tables exist, so an interrupted run never leaves a part that a later run trusts.
Files are never written in place: a loaded corpus maps them, and changing a mapped file under
it (rather than replacing it) would change or break the corpus's tables.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from defcoop.engine.versioning import code_version

__all__ = [
    "ROWS",
    "TABLES",
    "FileIndex",
    "Store",
    "code_version",
    "default_cache_dir",
    "encode_dictionary",
    "ranges",
    "reencode_dictionaries",
    "single_array",
]

TABLES = ("docs", "sentences", "segments", "mentions")
# In a part's docs: how many rows of each other table belong to the document (those tables'
# rows are grouped by document, in the order of docs).
ROWS = {"sentences": "_sentence_rows", "segments": "_segment_rows", "mentions": "_mention_rows"}
SUFFIX = ".arrow"
# A file's recorded SHA-256 is trusted from its stat only when it was last changed at least this
# long before the record was written (a change within the file system's timestamp resolution of
# the hashing could otherwise go unseen: git's "racy" rule).
RACY_NS = 2_000_000_000


def default_cache_dir() -> Path:
    """``$DEFCOOP_CACHE`` if set, else ``~/.cache/defcoop``."""
    env = os.environ.get("DEFCOOP_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "defcoop"


def _write_arrow(
    path: Path, table: pa.Table | Iterable[pa.RecordBatch], metadata: dict[str, str] | None = None
) -> None:
    """Write ``table`` as one Arrow IPC file, atomically (temporary name, then rename).

    A table is written as one record batch; an iterable of record batches (of one schema, not
    all in memory at once), batch by batch.
    """
    if isinstance(table, pa.Table):
        if metadata:
            table = table.replace_schema_metadata(metadata)
        batches: Iterable[pa.RecordBatch] = table.unify_dictionaries().combine_chunks().to_batches()
        schema = table.schema
    else:
        batches = iter(table)
        head = next(batches)
        schema = head.schema
        batches = itertools.chain([head], batches)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class FileIndex:
    """Files' stat and the SHA-256 of their bytes: ``paths`` (file system encoding), ``stats``
    (one row per file: size, mtime_ns, ctime_ns, inode, device), ``shas``, and when the index
    was written (``written_ns``; 0 for an index not written yet)."""

    FIELDS = ("size", "mtime_ns", "ctime_ns", "ino", "dev")

    def __init__(self, paths: list[bytes], stats: np.ndarray, shas: list[str], written_ns: int = 0) -> None:
        self.paths, self.stats, self.shas, self.written_ns = paths, stats.reshape(-1, 5), shas, written_ns

    def __len__(self) -> int:
        return len(self.paths)

    def lookup(self, paths: list[bytes], stats: np.ndarray) -> list[str]:
        """For each file, its recorded SHA-256 if its stat is the recorded one and it had not
        changed for ``RACY_NS`` before the index was written (else ``""``: read it)."""
        if not len(self):
            return [""] * len(paths)
        settled = (self.stats[:, 1] < self.written_ns - RACY_NS) & (self.stats[:, 2] < self.written_ns - RACY_NS)
        if paths == self.paths:  # the usual case: the same files, in the same order
            rows = np.arange(len(paths))
        else:
            where = {p: i for i, p in enumerate(self.paths)}
            rows = np.fromiter((where.get(p, -1) for p in paths), np.int64, len(paths))
        found = rows >= 0
        ok = found & settled[rows] & (self.stats[rows] == stats).all(axis=1)
        shas = self.shas
        return [shas[r] if o else "" for r, o in zip(rows.tolist(), ok.tolist(), strict=True)]


def ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + n) for s, n in zip(starts, lengths)])``, vectorised."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, np.int64)
    before = np.cumsum(lengths) - lengths
    return np.repeat(starts - before, lengths) + np.arange(total)


def single_array(col: pa.ChunkedArray) -> pa.Array:
    """A chunked column as one array, without a copy when it has one chunk."""
    return col.chunk(0) if col.num_chunks == 1 else col.combine_chunks()


def encode_dictionary(values: pa.Array | pa.ChunkedArray) -> pa.DictionaryArray:
    """Dictionary-encoded ``values`` (its dictionary: the values that occur), with the smallest
    index type that holds them."""
    if isinstance(values, pa.ChunkedArray):
        values = single_array(values)
    enc = pc.dictionary_encode(values)
    n = len(enc.dictionary)
    index = pa.int8() if n <= 128 else pa.int16() if n <= 32768 else pa.int32()
    return enc.cast(pa.dictionary(index, values.type))


def _keep_docs(part: dict[str, pa.Table], rows: list[int]) -> dict[str, pa.Table]:
    """The part with only the documents ``rows`` (of its ``docs``); dictionaries re-encoded so
    that they hold only values still used."""
    docs = part["docs"]
    out = {"docs": docs.take(pa.array(rows, pa.int64()))}
    keep = np.asarray(rows, np.int64)
    for table, col in ROWS.items():
        counts = docs.column(col).to_numpy().astype(np.int64)
        starts = np.cumsum(counts) - counts
        out[table] = reencode_dictionaries(part[table].take(pa.array(ranges(starts[keep], counts[keep]))))
    return out


def reencode_dictionaries(t: pa.Table) -> pa.Table:
    """``t`` with every dictionary column encoded again: only the values it uses, in the
    smallest index type."""
    for i, f in enumerate(t.schema):
        if pa.types.is_dictionary(f.type):
            t = t.set_column(i, f.name, encode_dictionary(t.column(i).cast(f.type.value_type)))
    return t


def _read_arrow(path: Path) -> pa.Table:
    """An Arrow IPC file, memory-mapped (the table's buffers keep the mapping alive)."""
    with pa.memory_map(str(path), "r") as source:
        return pa.ipc.open_file(source).read_all()


class Store:
    """The cached tables of one corpus folder under the current code version."""

    def __init__(self, root: Path, corpus_root: Path, *, max_bytes: int) -> None:
        key = hashlib.sha256(f"{corpus_root.resolve()}\0{max_bytes}".encode()).hexdigest()[:16]
        self.dir = Path(root) / code_version() / key
        self.broken = False  # set by the loader after a failure: the cache is not used again

    # ------------------------------------------------------------------ parts

    def parts(self) -> list[str]:
        """Complete parts (all four tables present), in name order (the order they were written)."""
        names = None
        for table in TABLES:
            d = self.dir / table
            have = {p.stem for p in d.glob(f"part-*{SUFFIX}")} if d.is_dir() else set()
            names = have if names is None else names & have
        return sorted(names or ())

    def read_part(self, name: str) -> dict[str, pa.Table]:
        """The four tables of one part, memory-mapped."""
        return {table: _read_arrow(self.dir / table / f"{name}{SUFFIX}") for table in TABLES}

    def read_parts(self, check: Callable[[dict[str, pa.Table]], None] | None = None) -> list[dict[str, pa.Table]]:
        """Every complete part, in name order (memory-mapped: reading costs next to nothing).

        ``check`` raises ``ValueError`` for a part that is not laid out as the reader expects.
        """
        parts = [self.read_part(name) for name in self.parts()]
        if check is not None:
            for part in parts:
                check(part)
        return parts

    def read(self) -> dict[str, pa.Table] | None:
        """All complete parts concatenated per table, each content hash once; ``None`` if empty.

        A file annotated twice (two runs at once, an interrupted run redone) appears in two
        parts: only its rows from the first part that has it are kept.  (``load`` reads the
        parts with :meth:`read_parts` and picks rows itself; this is for inspection.)
        """
        parts = self.read_parts()
        if not parts:
            return None
        seen: set[str] = set()
        out: dict[str, list[pa.Table]] = {t: [] for t in TABLES}
        for part in parts:
            shas = part["docs"].column("sha256").to_pylist()
            rows = [i for i, sha in enumerate(shas) if sha not in seen and not seen.add(sha)]
            if len(rows) < len(shas):
                part = _keep_docs(part, rows)
            for table in TABLES:
                out[table].append(part[table])
        return {t: pa.concat_tables(out[t], promote_options="permissive") for t in TABLES}

    def cached_shas(self) -> set[str]:
        """Content hashes of every file with cached rows."""
        shas: set[str] = set()
        for name in self.parts():
            shas.update(_read_arrow(self.dir / "docs" / f"{name}{SUFFIX}").column("sha256").to_pylist())
        return shas

    def write(self, tables: dict[str, pa.Table]) -> str:
        """Write one part (the four tables as :mod:`defcoop.engine.process` lays them out); return its name."""
        return self._write_part(f"part-{time.time_ns():020d}-{uuid.uuid4().hex[:12]}", tables)

    def _write_part(self, name: str, tables: dict[str, pa.Table]) -> str:
        for table in TABLES:
            d = self.dir / table
            d.mkdir(parents=True, exist_ok=True)
            _write_arrow(d / f"{name}{SUFFIX}", tables[table])
        return name

    def _remove_part(self, name: str) -> None:
        for table in TABLES:  # docs first: a part missing a table is no longer read
            (self.dir / table / f"{name}{SUFFIX}").unlink(missing_ok=True)

    def compact(self, keep: set[str]) -> None:
        """Keep only the rows of the content hashes ``keep`` (each once); drop everything else.

        A part whose rows are all kept stays as it is; a part with some is rewritten under a
        name that sorts where the old one did (so the order of the rows is kept); a part with
        none is removed.
        """
        seen: set[str] = set()
        for name in self.parts():
            part = self.read_part(name)
            shas = part["docs"].column("sha256").to_pylist()
            rows = [i for i, sha in enumerate(shas) if sha in keep and sha not in seen and not seen.add(sha)]
            if len(rows) == len(shas):
                continue
            if rows:
                self._write_part(f"{name}-{uuid.uuid4().hex[:4]}", _keep_docs(part, rows))
            self._remove_part(name)

    # ------------------------------------------------------------------ file hashes

    def read_file_index(self) -> FileIndex | None:
        """The stat and SHA-256 of the files read by an earlier load, if any."""
        try:
            t = _read_arrow(self.dir / "files.arrow")
            written = int((t.schema.metadata or {}).get(b"written_ns", b"0"))
            return FileIndex(
                t.column("path").to_pylist(),
                np.stack([t.column(c).to_numpy() for c in FileIndex.FIELDS], axis=1),
                t.column("sha256").to_pylist(),
                written,
            )
        except (OSError, ValueError, KeyError, TypeError):  # none yet, or unreadable: files are read
            return None

    def write_file_index(self, index: FileIndex) -> None:
        """Record the stat and SHA-256 of the files of this load (replaces the previous index)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        table = pa.table(
            {
                "path": pa.array(index.paths, pa.binary()),
                **{c: pa.array(index.stats[:, k], pa.int64()) for k, c in enumerate(FileIndex.FIELDS)},
                "sha256": pa.array(index.shas, pa.string()),
            }
        )
        _write_arrow(self.dir / "files.arrow", table, {"written_ns": str(time.time_ns())})

    # ------------------------------------------------------------------ per composition

    def derived_dir(self, composition: str) -> Path:
        return self.dir / "derived" / composition

    def read_derived(self, composition: str, name: str) -> pa.Table | None:
        """A table saved for exactly this corpus composition, if any (memory-mapped)."""
        try:
            return _read_arrow(self.derived_dir(composition) / f"{name}{SUFFIX}")
        except (OSError, ValueError):  # none yet, or unreadable: computed again
            return None

    def write_derived(self, composition: str, name: str, table: pa.Table | Iterable[pa.RecordBatch]) -> None:
        """Save a table (or record batches) for this composition (results of older compositions
        are removed)."""
        _write_arrow(self._derived_path(composition, f"{name}{SUFFIX}"), table)

    def read_array(self, composition: str, name: str) -> np.ndarray | None:
        """An array saved for exactly this composition, if any: memory-mapped copy-on-write (a
        writable array whose pages are read from the file when used, and copied when written)."""
        path = self.derived_dir(composition) / f"{name}.npy"
        try:
            try:
                return np.asarray(np.load(path, mmap_mode="c", allow_pickle=False))  # (a plain ndarray view)
            except ValueError:  # an empty array cannot be mapped
                return np.load(path, allow_pickle=False)
        except (OSError, ValueError):  # none yet, or unreadable: computed again
            return None

    def write_array(self, composition: str, name: str, array: np.ndarray) -> None:
        path = self._derived_path(composition, f"{name}.npy")
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            with open(tmp, "wb") as fh:
                np.save(fh, np.ascontiguousarray(array), allow_pickle=False)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def _derived_path(self, composition: str, name: str, *, keep: int = 3) -> Path:
        """Where to save ``name`` for this composition; results of all but the ``keep`` newest
        compositions are removed."""
        d = self.derived_dir(composition)
        if not d.is_dir():
            d.mkdir(parents=True, exist_ok=True)
            others = sorted(
                (p for p in d.parent.iterdir() if p.is_dir() and p != d), key=lambda p: p.stat().st_mtime, reverse=True
            )
            for old in others[keep - 1 :]:
                shutil.rmtree(old, ignore_errors=True)
        return d / name

    def read_dedup(self, composition: str) -> list[str] | None:
        """``duplicate_of`` saved for exactly this corpus composition, if any."""
        t = self.read_derived(composition, "duplicate_of")
        return t.column("duplicate_of").to_pylist() if t is not None and "duplicate_of" in t.column_names else None

    def write_dedup(self, composition: str, values: list[str]) -> None:
        self.write_derived(composition, "duplicate_of", pa.table({"duplicate_of": pa.array(values, pa.string())}))
