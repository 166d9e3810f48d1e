"""Annotating files in chunks, in one process or a pool of forked worker processes, with a
progress bar for large corpora."""

from __future__ import annotations

import gc
import os

from defcoop.annotate import pipeline as annotate
from defcoop.engine.process import process_chunk
from defcoop.reading.files import read_bytes
from defcoop.reading.records import payload_of, source_key

PARALLEL_THRESHOLD = 2000  # below this many files, one process is faster than starting workers


CHUNK = 500


def warm_lexicons() -> None:
    """Load every lexicon before forking workers, so each worker inherits them."""
    from defcoop.lexicons.actors import registry, titles
    from defcoop.lexicons.geo import geo
    from defcoop.lexicons.themes import codebook
    from defcoop.lexicons.words import word_lists
    from defcoop.text import fold

    registry(), titles(), geo(), codebook(), word_lists(), fold("warm"), annotate.english_matchers()


def annotate_files(items: list[tuple[str, str, object]], max_bytes: int) -> dict:
    """Read and annotate ``(doc_id, key, locator)`` items (in a worker, for large corpora): a
    locator is a file's path, or where a record lies in a file of many
    (:func:`defcoop.reading.records.payload_of`).

    Returns the chunk as a compact part (:func:`defcoop.engine.assemble.encode_part`; much less to
    send back than the tables) and ``(relpath, reason)`` of the files that were not loaded.
    """
    from defcoop.engine.assemble import encode_part

    batch, unread = [], []
    for doc_id, rel, where in items:
        data, why = payload_of(where, max_bytes) if isinstance(where, tuple) else read_bytes(where, max_bytes)
        if data is None:
            unread.append((rel, why))
        else:
            batch.append((doc_id, rel, data))
    tables = process_chunk(batch)
    sk = tables["skipped"]
    keys = map(source_key, sk["path"], sk["record"])
    skipped = [*zip(keys, sk["reason"], strict=True), *unread]
    return {"part": encode_part(tables), "skipped": skipped}


def start_pool(workers: int):
    """A pool of ``workers`` processes, started now: forked while this process is still small
    and after the lexicons are loaded (so they share its pages)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    warm_lexicons()
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=gc.enable)
    pool.submit(int).result()  # the processes start with the first task
    return pool


def run_chunks(items: list[tuple[str, str, str]], *, workers: int, bar, max_bytes: int, pool=None):
    """Annotate ``items`` in chunks of ``CHUNK`` files; yield each chunk's result, in order.

    With ``workers`` > 1 the chunks go to a pool of processes (``pool``, or one started here),
    which read the files themselves: the main process never holds the corpus's bytes, and the
    results are consumed (written to the cache) as they arrive.
    """
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            res = annotate_files(chunk, max_bytes)
            bar.update(len(chunk))
            yield res
        return
    from functools import partial

    own = pool is None
    pool = pool or start_pool(workers)
    try:
        for chunk, res in zip(chunks, pool.map(partial(annotate_files, max_bytes=max_bytes), chunks), strict=True):
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


def progress_bar(total: int, enabled: bool | None):
    if enabled is None:
        # Shown for large corpora at a terminal or in a notebook; silent in tests, pipes and logs.
        import sys

        interactive = sys.stderr.isatty() or "ipykernel" in sys.modules
        enabled = interactive and total >= 1000 and "PYTEST_CURRENT_TEST" not in os.environ
    if not enabled or total == 0:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc="annotating", smoothing=0.1)
