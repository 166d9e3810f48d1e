"""``defcoop.load(path) -> Corpus``: the one entry point the notebooks use.

Per file the work is a pure function of its bytes (:func:`process_bytes`), so it runs in
chunks, in parallel processes for large corpora, on a Dask cluster (:mod:`defcoop.distributed`),
and is cached on disk by content (:mod:`defcoop.cache`): each chunk's results are written to the
cache as they come, and the tables are then assembled from the cache's memory-mapped parts
(:mod:`defcoop.assemble`), so a large corpus never has all its results in memory twice.  The
corpus-level pass (near-duplicate detection) runs once all files are read, from cached MinHash
signatures.  Results are also memoised in the process (the last :data:`MEMO_SIZE` corpora;
:func:`clear_memo` forgets them), so every notebook cell that calls ``load`` on the same folder
gets the same tables without recomputing them.  Each call hands out tables of the caller's own:
frames that share the memoised data copy-on-write (pandas 3), with the list cells copied, so
an edit in one cell never reaches the next ``load``.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import os
import warnings
from collections import Counter, OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from defcoop import annotate, dedup
from defcoop.corpus import MAX_BYTES_DEFAULT, _suffix, decode, discover, frame, parse_article, read_bytes
from defcoop.errors import InsufficientData
from defcoop.lang import detect_language
from defcoop.resources import data_version
from defcoop.text import word_count

__all__ = [
    "DOC_COLUMNS",
    "LIST_COLUMNS",
    "MEMO_SIZE",
    "MENTION_COLUMNS",
    "Corpus",
    "clear_memo",
    "load",
    "process_bytes",
]

DOC_COLUMNS = [
    "doc_id",
    "path",
    "outlet",
    "credit",
    "title",
    "date",
    "date_precision",
    "date_source",
    "header_date",
    "dateline_date",
    "language",
    "partners",
    "actors",
    "actor_ids",
    "themes",
    "duplicate_of",
    "on_topic",
    "n_paragraphs",
    "n_sentences",
    "n_words",
    "encoding",
    "sha256",
    "warnings",
    "body",
    "text",
]
#: The docs columns whose cells are lists of strings (``;``-joined in CSV, arrays in JSONL).
LIST_COLUMNS = ("partners", "actors", "actor_ids", "themes")
SENTENCE_COLUMNS = ["doc_id", "sent_no", "para_no", "section", "start", "end", "sentence"]
SEGMENT_COLUMNS = ["doc_id", "kind", "start", "end", "content", "reason"]
MENTION_COLUMNS = annotate.MENTION_COLUMNS
SKIP_COLUMNS = ["path", "reason"]


@dataclass(slots=True)
class DocResult:
    """What one file contributes to the corpus tables."""

    doc: dict | None = None
    signature: bytes = b""
    n_shingles: int = 0
    sentences: list[tuple] = field(default_factory=list)  # rows in SENTENCE_COLUMNS order
    segments: list[tuple] = field(default_factory=list)  # rows in SEGMENT_COLUMNS order
    mentions: list[tuple] = field(default_factory=list)  # rows in MENTION_COLUMNS order
    skip_reason: str = ""


def _squash(s: str) -> str:
    return " ".join(s.split())


def process_bytes(doc_id: str, relpath: str, data: bytes) -> DocResult:
    """Read, parse and annotate one article given its bytes.  Pure: same bytes, same result."""
    decoded = decode(data)
    if decoded.text is None:
        return DocResult(skip_reason=decoded.skip_reason)
    text = decoded.text
    art = parse_article(text)
    warnings = [*decoded.warnings, *art.warnings]
    body = art.body
    language = detect_language(body) if body else "und"
    # Rows as tuples in SENTENCE_COLUMNS / SEGMENT_COLUMNS order (a dict per row costs more
    # than the annotation of the row).
    sentences = [
        (doc_id, n, s.para_no, s.section, s.start, s.end, art.sentence_texts[n]) for n, s in enumerate(art.sentences)
    ]
    segments = [(doc_id, b.kind, b.start, b.end, _squash(text[b.start : b.end]), b.reason) for b in art.blocks]
    ann = annotate.annotate_article(doc_id, art, language)
    warnings.extend(ann.warnings)
    doc = {
        "doc_id": doc_id,
        "path": relpath,
        "outlet": art.outlet,
        "credit": art.credit,
        "title": art.title,
        "date": ann.date.iso if ann.date else "",
        "date_precision": ann.date.precision if ann.date else "none",
        "date_source": ann.date_source,
        "header_date": art.header.iso if art.header else "",
        "dateline_date": art.dateline.iso if art.dateline else "",
        "language": language,
        "partners": ann.partners,
        "actors": ann.actors,
        "actor_ids": ann.actor_ids,
        "themes": ann.themes,
        "duplicate_of": "",
        "on_topic": ann.on_topic,
        "n_paragraphs": len(art.paragraphs),
        "n_sentences": sum(1 for s in art.sentences if s.section == "body"),
        "n_words": word_count(body),
        "encoding": decoded.encoding,
        "sha256": hashlib.sha256(data).hexdigest(),
        "warnings": "; ".join(warnings),
        "body": body,
        "text": text,
    }
    sig, n_sh = dedup.signature(body)
    return DocResult(doc, sig, n_sh, sentences, segments, ann.mentions)


def _without_suffix(rel: str) -> tuple[str, str]:
    """``(Path(rel).stem, Path(rel).with_suffix("").as_posix())`` for a relative path as
    :func:`~defcoop.corpus.discover` gives it (``/``-separated, no empty or ``.`` parts), with
    string operations (pathlib costs seconds for 100,000 files)."""
    folder, _, name = rel.rpartition("/")
    stem = name[: len(name) - len(_suffix(name))]
    return stem, (f"{folder}/{stem}" if folder else stem)


def _doc_ids(relpaths: list[str]) -> dict[str, str]:
    """File stem as doc_id; the relative path without suffix where two stems collide; the whole
    relative path where even those collide (``a/x.txt`` and ``a/x.md``)."""
    stems = [_without_suffix(rel)[0] for rel in relpaths]
    counts = Counter(stems)
    if len(counts) == len(stems):
        return dict(zip(relpaths, stems, strict=True))
    out = {
        rel: stem if counts[stem] == 1 else _without_suffix(rel)[1] for rel, stem in zip(relpaths, stems, strict=True)
    }
    seen = Counter(out.values())
    if len(seen) < len(out):
        out = {rel: rel if seen[doc_id] > 1 else doc_id for rel, doc_id in out.items()}
    return out


@dataclass(frozen=True)
class Corpus:
    """The tables of a corpus.  Offsets (``start``/``end``) index ``docs.text`` of the doc.

    Attributes
    ----------
    name : the corpus folder's name (never an absolute path, so outputs are portable)
    docs : one row per loaded article
    sentences : one row per sentence (title and body), with offsets
    segments : one row per block of the raw text, including everything stripped as furniture
    mentions : one row per annotation hit (actor, country, theme, date) with its sentence
    skipped : one row per file that was not loaded, with the reason
    """

    name: str
    docs: pd.DataFrame
    sentences: pd.DataFrame
    segments: pd.DataFrame
    mentions: pd.DataFrame
    skipped: pd.DataFrame

    @property
    def stories(self) -> pd.DataFrame:
        """Docs without syndicated/mirrored copies (``duplicate_of`` empty)."""
        return self.docs[self.docs["duplicate_of"] == ""]

    def __repr__(self) -> str:
        n = len(self.docs)
        outlets = self.docs.loc[self.docs["outlet"] != "", "outlet"].nunique() if n else 0
        dated = sorted(d[:7] for d in self.docs["date"] if d) if n else []
        span = f"{dated[0]}..{dated[-1]}" if dated else "undated"
        extra = f", {len(self.skipped)} skipped" if len(self.skipped) else ""
        return (
            f"Corpus({n} article{'s' if n != 1 else ''}, {outlets} outlet{'s' if outlets != 1 else ''}, {span}{extra})"
        )

    def require_articles(self, what: str, *, at_least: int = 1) -> None:
        """Raise :class:`~defcoop.errors.InsufficientData` unless ``at_least`` articles loaded.

        >>> Corpus("empty", *(pd.DataFrame() for _ in range(5))).require_articles("counting")
        Traceback (most recent call last):
        ...
        defcoop.errors.InsufficientData: counting needs at least 1 loaded article; 'empty' has 0 (0 skipped)
        """
        if len(self.docs) < at_least:
            raise InsufficientData(
                f"{what} needs at least {at_least} loaded article{'s' if at_least != 1 else ''}; "
                f"{self.name!r} has {len(self.docs)} ({len(self.skipped)} skipped)"
            )

    def kwic(self, kind: str, ident: str, *, width: int = 60) -> pd.DataFrame:
        """Keyword-in-context rows for every mention of ``ident`` (e.g. an actor id)."""
        m = self.mentions[(self.mentions["kind"] == kind) & (self.mentions["id"] == ident)]
        texts = self.docs.set_index("doc_id")["text"]
        rows = []
        for r in m.itertuples(index=False):
            t = texts[r.doc_id]
            rows.append(
                {
                    "doc_id": r.doc_id,
                    "start": r.start,
                    "end": r.end,
                    "left": _squash(t[max(0, r.start - width) : r.start])[-width:],
                    "match": t[r.start : r.end],
                    "right": _squash(t[r.end : r.end + width])[:width],
                }
            )
        return frame(rows, ["doc_id", "start", "end", "left", "match", "right"])


#: How many corpora (the most recently loaded) the process keeps for repeated ``load`` calls.
MEMO_SIZE = 4
_MEMO: OrderedDict[tuple, Corpus] = OrderedDict()


def clear_memo() -> int:
    """Forget the corpora kept in this process (the on-disk cache is untouched); return how many.

    >>> from defcoop.paths import SEEDS_DIR
    >>> _ = load(SEEDS_DIR)
    >>> clear_memo() >= 1, clear_memo()
    (True, 0)
    """
    n = len(_MEMO)
    _MEMO.clear()
    return n


def _remember(key: tuple, corpus: Corpus) -> None:
    _MEMO[key] = corpus
    _MEMO.move_to_end(key)
    while len(_MEMO) > MEMO_SIZE:
        _MEMO.popitem(last=False)


def _handout(corpus: Corpus) -> Corpus:
    """A :class:`Corpus` of the caller's own over the memoised one.

    The frames are shallow copies: with pandas' copy-on-write they share the data until either
    side writes, and then the writer gets its own copy, so adding, replacing or editing columns
    and cells stays in the caller's frames.  Python lists in the list columns are objects that
    copy-on-write cannot see, so they are copied (about 0.1 s at 100,000 articles).
    """
    docs = corpus.docs.copy(deep=False)
    for c in LIST_COLUMNS:
        if c in docs.columns:
            docs[c] = pd.Series([list(x) for x in docs[c].tolist()], index=docs.index, dtype=object, name=c)
    return replace(
        corpus,
        docs=docs,
        sentences=corpus.sentences.copy(deep=False),
        segments=corpus.segments.copy(deep=False),
        mentions=corpus.mentions.copy(deep=False),
        skipped=corpus.skipped.copy(deep=False),
    )


CACHE_DOC_COLUMNS = [*DOC_COLUMNS, "minhash", "n_shingles"]
PARALLEL_THRESHOLD = 2000  # below this many files, one process is faster than starting workers
CHUNK = 500


def process_chunk(items: list[tuple[str, str, bytes]]) -> dict[str, pd.DataFrame]:
    """Process ``(doc_id, relpath, bytes)`` items into the cache tables plus ``skipped``."""
    docs, sentences, segments, mentions, skipped = [], [], [], [], []
    for doc_id, rel, data in items:
        res = process_bytes(doc_id, rel, data)
        if res.doc is None:
            skipped.append({"path": rel, "reason": res.skip_reason})
            continue
        docs.append({**res.doc, "minhash": res.signature, "n_shingles": res.n_shingles})
        sentences.extend(res.sentences)
        segments.extend(res.segments)
        mentions.extend(res.mentions)
    tables = {
        "docs": frame(docs, CACHE_DOC_COLUMNS),
        "sentences": _tuple_frame(sentences, SENTENCE_COLUMNS),
        "segments": _tuple_frame(segments, SEGMENT_COLUMNS),
        "mentions": _tuple_frame(mentions, MENTION_COLUMNS),
    }
    return tables | {"skipped": frame(skipped, SKIP_COLUMNS)}


def _tuple_frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A DataFrame from row tuples, built column by column (faster than row-wise construction)."""
    if not rows:
        return frame([], columns)
    return pd.DataFrame({c: list(v) for c, v in zip(columns, zip(*rows, strict=True), strict=True)})


def _warm() -> None:
    """Load every lexicon before forking workers, so each worker inherits them."""
    from defcoop.actors import registry, titles
    from defcoop.geo import geo
    from defcoop.text import fold
    from defcoop.themes import codebook

    registry(), titles(), geo(), codebook(), fold("warm"), annotate._english_matchers()


def _annotate_files(items: list[tuple[str, str, str]], max_bytes: int) -> dict:
    """Read and annotate ``(doc_id, relpath, path)`` items (in a worker, for large corpora).

    Returns the chunk as a compact part (:func:`defcoop.assemble.encode_part`; much less to
    send back than the tables) and ``(relpath, reason)`` of the files that were not loaded.
    """
    from defcoop.assemble import encode_part

    batch, unread = [], []
    for doc_id, rel, path in items:
        data, why = read_bytes(path, max_bytes)
        if data is None:
            unread.append((rel, why))
        else:
            batch.append((doc_id, rel, data))
    tables = process_chunk(batch)
    skipped = [*zip(tables["skipped"]["path"], tables["skipped"]["reason"], strict=True), *unread]
    return {"part": encode_part(tables), "skipped": skipped}


def _start_pool(workers: int):
    """A pool of ``workers`` processes, started now: forked while this process is still small
    and after the lexicons are loaded (so they share its pages)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    _warm()
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=gc.enable)
    pool.submit(int).result()  # the processes start with the first task
    return pool


def _run_chunks(items: list[tuple[str, str, str]], *, workers: int, bar, max_bytes: int, pool=None):
    """Annotate ``items`` in chunks of ``CHUNK`` files; yield each chunk's result, in order.

    With ``workers`` > 1 the chunks go to a pool of processes (``pool``, or one started here),
    which read the files themselves: the main process never holds the corpus's bytes, and the
    results are consumed (written to the cache) as they arrive.
    """
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            res = _annotate_files(chunk, max_bytes)
            bar.update(len(chunk))
            yield res
        return
    from functools import partial

    own = pool is None
    pool = pool or _start_pool(workers)
    try:
        for chunk, res in zip(chunks, pool.map(partial(_annotate_files, max_bytes=max_bytes), chunks), strict=True):
            bar.update(len(chunk))
            yield res
    finally:
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(total: int, enabled: bool | None):
    if enabled is None:
        # Shown for large corpora at a terminal or in a notebook; silent in tests, pipes and logs.
        import sys

        interactive = sys.stderr.isatty() or "ipykernel" in sys.modules
        enabled = interactive and total >= 1000 and "PYTEST_CURRENT_TEST" not in os.environ
    if not enabled or total == 0:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc="annotating", smoothing=0.1)


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
    from defcoop.assemble import take_rows

    body = docs.column("body")
    out = dedup.duplicate_of(
        docs_df,
        signatures=_binary_views(docs.column("minhash")),
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
    """Results derived from the whole corpus (:class:`defcoop.assemble.Derived`), kept in the
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


def _hash_files(found: list, known, max_bytes: int) -> tuple[list[tuple[str, str, str, str]], object, bool]:
    """``(relpath, path, sha256, reason)`` for every file found, ``sha256`` empty when the file
    cannot be read (``reason`` says why); the file index of this load; whether it differs from
    ``known``.

    A file whose stat (size, times, inode, device) is the one recorded in ``known`` (the
    :class:`~defcoop.cache.FileIndex` of an earlier load) is not read again: its recorded
    SHA-256 stands.
    """
    from defcoop.cache import FileIndex

    readable = [f for f in found if not f.skip_reason]
    paths = [f.fspath.encode("utf-8", "surrogateescape") for f in readable]
    stats = _stat_rows([f.stat for f in readable])
    recorded = known.lookup(paths, stats) if known is not None else [""] * len(readable)
    files: list[tuple[str, str, str, str]] = []
    kept: list[int] = []
    shas: list[str] = []
    n_read = k = 0
    for f in found:
        if f.skip_reason:
            files.append((f.relpath, f.fspath, "", f.skip_reason))
            continue
        sha = recorded[k]
        if not sha:
            data, why = read_bytes(f.fspath, max_bytes)
            if data is None:
                files.append((f.relpath, f.fspath, "", why))
                k += 1
                continue
            sha = hashlib.sha256(data).hexdigest()
            n_read += 1
        if f.stat is not None:
            kept.append(k)
            shas.append(sha)
        files.append((f.relpath, f.fspath, sha, ""))
        k += 1
    index = FileIndex([paths[i] for i in kept], stats[kept], shas)
    changed = n_read > 0 or known is None or index.paths != known.paths
    return files, index, changed


def load(
    path: str | Path,
    *,
    max_bytes: int = MAX_BYTES_DEFAULT,
    cache: bool | str | Path = True,
    workers: int | None = None,
    progress: bool | None = None,
) -> Corpus:
    """Load every article under ``path`` (recursively) into a :class:`Corpus`.

    Parameters
    ----------
    path : the corpus folder (never written to).
    max_bytes : files larger than this are skipped with a reason, without being read.
    cache : ``True`` for the default on-disk cache (``$DEFCOOP_CACHE`` or ``~/.cache/defcoop``),
        a folder for a cache elsewhere, ``False`` for none.  Only files whose bytes changed are
        annotated again; a change to the code or a lexicon starts a fresh cache.  With ``False``,
        a run of ``SPILL_FROM`` files or more uses a temporary folder (``$TMPDIR``; about 23 KB
        per article) to keep its memory bounded, and deletes it before returning.
    workers : processes for annotation; default: all cores for 2,000 files or more, else one.
    progress : a progress bar; default: shown for 1,000 files or more at a terminal or in a
        notebook, never in tests or when output is redirected.

    Raises ``FileNotFoundError``/``NotADirectoryError`` naming the path when it is not a folder;
    any problem with a single file lands in ``Corpus.skipped`` instead.
    """
    import pyarrow as pa

    from defcoop.assemble import assemble, check_part, merge_parts

    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"corpus folder {str(path)!r} does not exist")
    if not root.is_dir():
        raise NotADirectoryError(f"corpus path {str(path)!r} is not a folder")
    root = root.resolve()
    with _gc_paused():  # (many small objects, no cycles: the collector would only slow this)
        found = discover(root, max_bytes=max_bytes)
        store = None
        if cache:
            from defcoop.cache import Store, default_cache_dir

            store = Store(default_cache_dir() if cache is True else Path(cache), root, max_bytes=max_bytes)
        # Parts of the cache, memory-mapped; then the parts annotated now, each written to the
        # cache as it is complete and read back from it (a large run never holds its results).
        parts = (_cache_call(store, "read_parts", check_part) or []) if store is not None else []
        have = {sha for part in parts for sha in part["docs"].column("sha256").to_pylist()}
    # Many files not in the cache: start the worker processes now, while this one is small.
    n_new = sum(1 for f in found if not f.skip_reason) - len(have)
    want = workers if workers is not None else (os.cpu_count() or 1)
    pool = _start_pool(want) if want > 1 and n_new >= PARALLEL_THRESHOLD else None
    try:
        with _gc_paused():
            known = _cache_call(store, "read_file_index") if store is not None else None
            files, index, changed = _hash_files(found, known, max_bytes)
            if store is not None and changed:
                _cache_call(store, "write_file_index", index)
            del known, index
            key = (root.name, tuple((rel, sha or why) for rel, _, sha, why in files), data_version(), max_bytes)
        if key in _MEMO:
            _MEMO.move_to_end(key)
            return _handout(_MEMO[key])

        with _gc_paused():
            loaded = [(rel, fspath, sha) for rel, fspath, sha, _ in files if sha]
            ids = _doc_ids([rel for rel, _, _ in loaded])
            todo: list[tuple[str, str, str]] = []  # one file per content not cached (copies: the first)
            sha_of: dict[str, str] = {}  # relpath -> SHA-256, for the files annotated now
            queued: set[str] = set()
            for rel, fspath, sha in loaded:
                if sha not in have and sha not in queued:
                    queued.add(sha)
                    sha_of[rel] = sha
                    todo.append((ids[rel], rel, fspath))
        # where this run's parts go: the cache, a temporary folder (SPILL_FROM), or nowhere
        writer, spill = store, None
        if store is None and len(todo) >= SPILL_FROM:
            import tempfile

            from defcoop.cache import Store

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

        bar = _progress_bar(len(todo), progress)
        if workers is None:  # (a pool started above is used whatever the count turned out to be)
            workers = want if pool is not None or len(todo) >= PARALLEL_THRESHOLD else 1
        try:
            for res in _run_chunks(todo, workers=workers, bar=bar, max_bytes=max_bytes, pool=pool):
                for rel, reason in res["skipped"]:
                    skip_by_sha[sha_of[rel]] = reason
                docs = res["part"]["docs"]
                for rel, sha in zip(docs.column("path").to_pylist(), docs.column("sha256").to_pylist(), strict=True):
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
            if sha in skip_by_sha:
                late.append({"path": rel, "reason": skip_by_sha[sha]})
            elif sha in have:
                final.append((ids[rel], rel, sha))
            else:  # a copy of a file that changed while the load read it
                late.append({"path": rel, "reason": "file changed while it was being read; load again"})
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
        skipped_rows = [{"path": rel, "reason": why} for rel, _, sha, why in files if not sha]
        skipped = frame([*skipped_rows, *late], SKIP_COLUMNS)
        skipped = skipped.sort_values("path", kind="mergesort").reset_index(drop=True)
        corpus = Corpus(
            name=root.name,
            docs=docs_df,
            sentences=asm.tables["sentences"],
            segments=asm.tables["segments"],
            mentions=asm.tables["mentions"],
            skipped=skipped,
        )
        if store is not None and sum(len(p["docs"]) for p in parts) > 2 * len(files):
            # the cache holds mostly files no longer in the corpus: keep only the rows in use
            _cache_call(store, "compact", {sha for _, _, sha in final})
        if spill is not None:
            spill.cleanup()
    if not renewed:
        _remember(key, corpus)
    return _handout(corpus)
