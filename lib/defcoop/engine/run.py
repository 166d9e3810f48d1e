"""Loading a corpus folder: find and hash the files, annotate what the cache lacks, assemble.

Per file the work is a pure function of its bytes (:func:`defcoop.engine.process.process_bytes`),
so it runs in chunks, in parallel processes for large corpora (:mod:`defcoop.engine.pool`), on
a Dask cluster (:mod:`defcoop.engine.distributed`), and is cached on disk by content
(:mod:`defcoop.engine.cache`): each chunk's results are written to the cache as they come, and
the tables are then assembled from the cache's memory-mapped parts
(:mod:`defcoop.engine.assemble`), so a large corpus never has all its results in memory twice.
The corpus-level pass (near-duplicate detection) runs once all files are read, from cached
MinHash signatures.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import os
import warnings
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import numpy as np
import pandas as pd

from defcoop.annotate import copies as dedup
from defcoop.annotate.meetings import meetings
from defcoop.corpus import Corpus
from defcoop.engine.pool import PARALLEL_THRESHOLD, progress_bar, run_chunks, start_pool
from defcoop.lexicons.datafiles import data_version
from defcoop.reading.files import _suffix, discover, read_bytes
from defcoop.reading.records import CONTAINERS, HTML_HEAD, container_format, scan, source_key, split_source
from defcoop.schema import MEETING_COLUMNS, SKIP_COLUMNS, frame


def _without_suffix(rel: str) -> tuple[str, str]:
    """``(Path(rel).stem, Path(rel).with_suffix("").as_posix())`` for a relative path as
    :func:`~defcoop.reading.files.discover` gives it (``/``-separated, no empty or ``.`` parts), with
    string operations (pathlib costs seconds for 100,000 files)."""
    folder, _, name = rel.rpartition("/")
    stem = name[: len(name) - len(_suffix(name))]
    return stem, (f"{folder}/{stem}" if folder else stem)


def _doc_ids(keys: list[str]) -> dict[str, str]:
    """File stem as doc_id; the relative path without suffix where two stems collide; the whole
    relative path where even those collide (``a/x.txt`` and ``a/x.md``).  A record of a file of
    many articles (a key of :func:`~defcoop.reading.records.source_key`) is ``<file's id>#<n>``,
    ``n`` its line, row or record number."""
    paths = list(dict.fromkeys(split_source(k)[0] for k in keys))
    stems = [_without_suffix(rel)[0] for rel in paths]
    counts = Counter(stems)
    if len(counts) == len(stems):
        by_path = dict(zip(paths, stems, strict=True))
    else:
        by_path = {
            rel: stem if counts[stem] == 1 else _without_suffix(rel)[1] for rel, stem in zip(paths, stems, strict=True)
        }
        seen = Counter(by_path.values())
        if len(seen) < len(by_path):
            by_path = {rel: rel if seen[doc_id] > 1 else doc_id for rel, doc_id in by_path.items()}

    def doc_id(key: str, name_of) -> str:  # "<file's name>" or "<file's name>#<record number>"
        path, label = split_source(key)
        return f"{name_of(path)}#{label.rsplit(' ', 1)[-1]}" if label else name_of(path)

    out = {key: doc_id(key, by_path.__getitem__) for key in keys}
    # a record's id may equal another file's stem ("news#2" of news.jsonl and news#2.txt): both
    # are then named by their relative path
    seen = Counter(out.values())
    if len(seen) < len(out):
        out = {key: doc_id(key, str) if seen[i] > 1 else i for key, i in out.items()}
    return out


def uncached(
    items: list[tuple[str, object, str]], ids: dict[str, str], have
) -> tuple[list[tuple[str, str, object]], dict[str, str]]:
    """Of ``(key, locator, sha256)`` items, the ``(doc_id, key, locator)`` to annotate: one per
    content not in ``have`` (of copies, the first); and key -> SHA-256 of those."""
    todo: list[tuple[str, str, object]] = []
    sha_of: dict[str, str] = {}
    queued: set[str] = set()
    for key, where, sha in items:
        if sha not in have and sha not in queued:
            queued.add(sha)
            sha_of[key] = sha
            todo.append((ids[key], key, where))
    return todo, sha_of


PART_DOCS = 10_000  # fresh results are written to the cache in parts of at least this many documents


#: Without a cache, a run annotating at least this many files still writes its parts to a temporary
#: folder and maps them back, so its memory stays that of a cached run (at 100,000 articles: 1.7
#: instead of 3.2 GB).  The folder is deleted before ``load`` returns; the tables keep the mapped
#: files alive until they are freed (POSIX; on Windows the folder is left to the temp cleaner).
SPILL_FROM = 20_000


def _cache_call(store, method: str, *args, **kwargs):
    """Use the cache, but never fail a load because of it (read-only or full disk, bad part).

    The first failure warns and the cache is not used again for this load.
    """
    if getattr(store, "broken", False):
        return None
    try:
        return getattr(store, method)(*args, **kwargs)
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) on a corrupt part
        store.broken = True
        warnings.warn(f"defcoop: cache {store.dir} not usable ({exc}); continuing without it", stacklevel=3)
        return None


def _stat_rows(stats: list[tuple[int, int, int, int, int] | None]) -> np.ndarray:
    """Stat keys as an int64 array (-1 for none; inode and device numbers as signed 64-bit)."""
    rows = [s if s is not None else (-1, -1, -1, -1, -1) for s in stats]
    try:
        return np.fromiter(itertools.chain.from_iterable(rows), np.int64, 5 * len(rows)).reshape(-1, 5)
    except OverflowError:  # an inode or device number of 2**63 or more
        wrap = [tuple(v - (1 << 64) if v >= 1 << 63 else v for v in r) for r in rows]
        return np.array(wrap, dtype=np.int64).reshape(-1, 5)


@contextmanager
def _gc_paused():
    """The cyclic garbage collector off for a while (creating 100,000s of tuples and lists
    otherwise triggers collections that cost more than creating them)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _duplicate_of(docs_df: pd.DataFrame, docs) -> list[str]:
    """``duplicate_of`` for every document, from the MinHash signatures of the parts; the bodies
    of candidate copies are read from the parts row by row (not the whole column)."""
    from defcoop.arrays import take_rows

    body = docs.column("body")
    out = dedup.duplicate_of(
        docs_df,
        signatures=_binary_views(docs.column("minhash")),
        anchors=_binary_views(docs.column("anchors")),
        sizes=docs.column("n_shingles").to_pylist(),
        bodies=lambda rows: take_rows(body, np.asarray(rows, np.int64)).to_pylist(),
    )
    return out.tolist()


def _binary_views(col) -> list[memoryview]:
    """The values of an Arrow binary column as views of its buffers (no copy of each value)."""
    out: list[memoryview] = []
    for chunk in col.chunks:
        if not len(chunk):
            continue
        offsets = np.frombuffer(chunk.buffers()[1], np.int32)[chunk.offset : chunk.offset + len(chunk) + 1].tolist()
        data = memoryview(chunk.buffers()[2])
        out.extend(data[a:b] for a, b in itertools.pairwise(offsets))
    return out


class _CachedDerived:
    """Results derived from the whole corpus (:class:`defcoop.engine.assemble.Derived`), kept in the
    cache; a failure to read or write them is a cache failure like any other."""

    saves = True

    def __init__(self, store) -> None:
        self.store = store

    def table(self, composition: str, name: str):
        return _cache_call(self.store, "read_derived", composition, name)

    def save_table(self, composition: str, name: str, table) -> None:
        _cache_call(self.store, "write_derived", composition, name, table)

    def array(self, composition: str, name: str):
        return _cache_call(self.store, "read_array", composition, name)

    def save_array(self, composition: str, name: str, array) -> None:
        _cache_call(self.store, "write_array", composition, name, array)


def _hash_files(
    found: list, known, max_bytes: int, fields: dict[str, str] | None = None
) -> tuple[list[tuple[str, object, str, str]], object, bool]:
    """``(key, locator, sha256, reason)`` for every article found, ``sha256`` empty when it
    cannot be read (``reason`` says why); the file index of this load; whether it differs from
    ``known``.

    A file that is one article has its relative path as key and its path as locator.  A file of
    many (JSON lines, CSV, WARC: :mod:`defcoop.reading.records`) is scanned in a stream: each
    record has a key of :func:`~defcoop.reading.records.source_key` and a locator from which a
    worker reads it again; a problem with the file as a whole is one more row.  An HTML file's
    payload is its bytes in an envelope that says "HTML".

    A file whose stat (size, times, inode, device) is the one recorded in ``known`` (the
    :class:`~defcoop.engine.cache.FileIndex` of an earlier load) is not read again: its recorded
    SHA-256 stands.  (Files of many records are scanned at every load.)
    """
    from defcoop.engine.cache import FileIndex

    readable = [f for f in found if not f.skip_reason and container_format(f.relpath) not in CONTAINERS]
    paths = [f.fspath.encode("utf-8", "surrogateescape") for f in readable]
    stats = _stat_rows([f.stat for f in readable])
    recorded = known.lookup(paths, stats) if known is not None else [""] * len(readable)
    files: list[tuple[str, object, str, str]] = []
    kept: list[int] = []
    shas: list[str] = []
    n_read = k = 0
    for f in found:
        if f.skip_reason:
            files.append((f.relpath, f.fspath, "", f.skip_reason))
            continue
        fmt = container_format(f.relpath)
        if fmt in CONTAINERS:
            n_read += 1
            scanned = scan(f.fspath, fmt, max_bytes=max_bytes, fields=fields)
            for item in scanned.items:
                key = source_key(f.relpath, item.label)
                sha = hashlib.sha256(item.payload).hexdigest() if not item.skip_reason else ""
                files.append((key, item.locator, sha, item.skip_reason))
            if scanned.problem or not scanned.items:
                files.append((f.relpath, f.fspath, "", scanned.problem or f"no records in this {fmt.upper()} file"))
            continue
        locator: object = f.fspath
        head = HTML_HEAD if fmt == "html" else b""
        sha = recorded[k]
        if not sha:
            data, why = read_bytes(f.fspath, max_bytes)
            if data is None:
                files.append((f.relpath, f.fspath, "", why))
                k += 1
                continue
            sha = hashlib.sha256(head + data).hexdigest()
            n_read += 1
        if head:
            locator = ("slice", f.fspath, 0, f.stat[0] if f.stat else max_bytes, head)
        if f.stat is not None:
            kept.append(k)
            shas.append(sha)
        files.append((f.relpath, locator, sha, ""))
        k += 1
    index = FileIndex([paths[i] for i in kept], stats[kept], shas)
    changed = n_read > 0 or known is None or index.paths != known.paths
    return files, index, changed


def _meetings(store, composition: str, docs: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """``Corpus.meetings`` (:func:`defcoop.annotate.meetings.meetings`), from the cache when this
    corpus composition was loaded before (a pure function of the articles and their copies)."""
    import pyarrow as pa

    cached = _cache_call(store, "read_derived", composition, "meetings") if store is not None else None
    if cached is not None and cached.column_names == MEETING_COLUMNS:
        return cached.to_pandas()
    table = meetings(docs, tables["mentions"], tables["sentences"])
    if store is not None:
        _cache_call(store, "write_derived", composition, "meetings", pa.Table.from_pandas(table, preserve_index=False))
    return table


class Memo(Protocol):
    """Where :func:`load_corpus` looks up and keeps corpora already loaded in this process."""

    def get(self, key: tuple) -> Corpus | None: ...

    def knows(self, name: str) -> bool:
        """Whether a corpus of a folder named ``name`` is kept (a hit is then possible)."""
        ...

    def put(self, key: tuple, corpus: Corpus) -> None: ...


def load_corpus(
    root: Path,
    *,
    max_bytes: int,
    cache: bool | str | Path,
    workers: int | None,
    progress: bool | None,
    memo: Memo | None = None,
    fields: dict[str, str] | None = None,
) -> Corpus:
    """Read, annotate (or take from the cache) and assemble every article under the folder
    ``root`` (resolved, known to exist); :func:`defcoop.load` documents the options.

    ``memo`` is consulted once the files are found and hashed (its key is the corpus's
    composition and the lexicons' version): a hit is returned as it is; a fresh corpus is put
    there unless a file changed while it was being read.
    """
    import pyarrow as pa

    from defcoop.engine.assemble import assemble, check_part, merge_parts

    with _gc_paused():  # (many small objects, no cycles: the collector would only slow this)
        found = discover(root, max_bytes=max_bytes)
        store = None
        if cache:
            from defcoop.engine.cache import Store, default_cache_dir

            store = Store(default_cache_dir() if cache is True else Path(cache), root, max_bytes=max_bytes)
        # Parts of the cache, memory-mapped; then the parts annotated now, each written to the
        # cache as it is complete and read back from it (a large run never holds its results).
        parts = (_cache_call(store, "read_parts", check_part) or []) if store is not None else []
        have = {sha for part in parts for sha in part["docs"].column("sha256").to_pylist()}
    # Many files not in the cache: start the worker processes now, while this one is small; but
    # not when the memo may already hold this folder (a memo hit would start them for nothing).
    n_new = sum(1 for f in found if not f.skip_reason) - len(have)
    want = workers if workers is not None else (os.cpu_count() or 1)
    parallel = want > 1 and n_new >= PARALLEL_THRESHOLD
    pool = start_pool(want) if parallel and not (memo is not None and memo.knows(root.name)) else None
    try:
        with _gc_paused():
            known = _cache_call(store, "read_file_index") if store is not None else None
            files, index, changed = _hash_files(found, known, max_bytes, fields)
            if store is not None and changed:
                _cache_call(store, "write_file_index", index)
            del known, index
            key = (root.name, tuple((rel, sha or why) for rel, _, sha, why in files), data_version(), max_bytes)
        hit = memo.get(key) if memo is not None else None
        if hit is not None:
            return hit
        if parallel and pool is None:
            pool = start_pool(want)

        with _gc_paused():
            loaded = [(rel, fspath, sha) for rel, fspath, sha, _ in files if sha]
            ids = _doc_ids([rel for rel, _, _ in loaded])
            todo, sha_of = uncached(loaded, ids, have)
        # where this run's parts go: the cache, a temporary folder (SPILL_FROM), or nowhere
        writer, spill = store, None
        if store is None and len(todo) >= SPILL_FROM:
            import tempfile

            from defcoop.engine.cache import Store

            # (an unexpected error below leaves the folder to its finaliser)
            spill = tempfile.TemporaryDirectory(prefix="defcoop-spill-", ignore_cleanup_errors=True)
            writer = Store(Path(spill.name), root, max_bytes=max_bytes)
        skip_by_sha: dict[str, str] = {}  # a file's bytes that did not decode into an article
        renewed: dict[str, str] = {}  # relpath -> SHA-256 of a file that changed since it was hashed
        pending: list[dict] = []

        def flush() -> None:
            part = merge_parts(pending)
            pending.clear()
            if not len(part["docs"]):  # every file of these chunks was skipped
                return
            name = _cache_call(writer, "write", part) if writer is not None else None
            mapped = _cache_call(writer, "read_part", name) if name else None
            parts.append(mapped if mapped is not None else part)
            pa.default_memory_pool().release_unused()

        bar = progress_bar(len(todo), progress)
        if workers is None:  # (a pool started above is used whatever the count turned out to be)
            workers = want if pool is not None or len(todo) >= PARALLEL_THRESHOLD else 1
        try:
            for res in run_chunks(todo, workers=workers, bar=bar, max_bytes=max_bytes, pool=pool):
                for rel, reason in res["skipped"]:
                    skip_by_sha[sha_of[rel]] = reason
                docs = res["part"]["docs"]
                keys = map(source_key, docs.column("path").to_pylist(), docs.column("record").to_pylist())
                for rel, sha in zip(keys, docs.column("sha256").to_pylist(), strict=True):
                    have.add(sha)
                    if sha != sha_of[rel]:
                        renewed[rel] = sha
                pending.append(res["part"])
                if sum(len(p["docs"]) for p in pending) >= PART_DOCS:
                    flush()
            if pending:
                flush()
        finally:
            bar.close()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    with _gc_paused():
        late: list[dict] = []  # files found unloadable only now
        final: list[tuple[str, str, str]] = []
        for rel, _, sha in loaded:
            sha = renewed.get(rel, sha)
            path, record = split_source(rel)
            if sha in skip_by_sha:
                late.append({"path": path, "record": record, "reason": skip_by_sha[sha]})
            elif sha in have:
                final.append((ids[rel], rel, sha))
            else:  # a copy of a file that changed while the load read it
                late.append(
                    {"path": path, "record": record, "reason": "file changed while it was being read; load again"}
                )
        asm = assemble(parts, final, derived=_CachedDerived(writer) if writer is not None else None)
        docs_df = asm.tables["docs"]
        # Notes about a file's name (not its bytes, so not cached) join the article's warnings.
        notes = {ids[f.relpath]: f.note for f in found if f.note and f.relpath in ids}
        if notes:
            docs_df["warnings"] = [
                "; ".join(x for x in (w, notes.get(d, "")) if x)
                for d, w in zip(docs_df["doc_id"], docs_df["warnings"], strict=True)
            ]
        # Near-duplicates depend on the whole corpus: reuse the cached answer when nothing changed.
        dup = _cache_call(store, "read_dedup", asm.composition) if store is not None else None
        if dup is None or len(dup) != len(docs_df):
            dup = _duplicate_of(docs_df, asm.docs)
            if store is not None:
                _cache_call(store, "write_dedup", asm.composition, dup)
        docs_df["duplicate_of"] = pd.Series(dup, index=docs_df.index, dtype="str")
        skipped_rows = [
            dict(zip(("path", "record"), split_source(rel), strict=True), reason=why)
            for rel, _, sha, why in files
            if not sha
        ]
        skipped = frame([*skipped_rows, *late], SKIP_COLUMNS)
        skipped = skipped.sort_values("path", kind="mergesort").reset_index(drop=True)
        corpus = Corpus(
            name=root.name,
            docs=docs_df,
            sentences=asm.tables["sentences"],
            segments=asm.tables["segments"],
            mentions=asm.tables["mentions"],
            skipped=skipped,
            meetings=_meetings(store, asm.composition, docs_df, asm.tables),
        )
        if store is not None and sum(len(p["docs"]) for p in parts) > 2 * len(files):
            # the cache holds mostly files no longer in the corpus: keep only the rows in use
            _cache_call(store, "compact", {sha for _, _, sha in final})
        if spill is not None:
            spill.cleanup()
    if not renewed and memo is not None:
        memo.put(key, corpus)
    return corpus
