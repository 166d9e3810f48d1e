"""Annotating on a Dask cluster: the same per-file function, writing into the same cache.

Annotation is a pure function of a file's bytes, so a corpus can be split into partitions of
files, each annotated by a Dask worker that writes its results as one part of the on-disk
cache (:mod:`defcoop.engine.cache`).  ``defcoop.load(path, cache=...)`` then finds every file cached
and reads the dataset, so the notebooks work exactly as after a local run.  Workers must see
the corpus folder and the cache folder at the same paths (a local cluster, or a shared file
system).  Dask is an optional extra: ``pip install 'defcoop[dask]'``.

Python::

    from dask.distributed import Client
    from defcoop.engine.distributed import annotate_with_dask
    annotate_with_dask("path/to/articles", Client("tcp://scheduler:8786"))

Shell: ``defcoop annotate DIR -o out.parquet --dask tcp://scheduler:8786``.
"""

from __future__ import annotations

from pathlib import Path

from defcoop.engine.cache import Store, default_cache_dir
from defcoop.reading.files import MAX_BYTES_DEFAULT, discover
from defcoop.reading.records import check_fields

__all__ = ["annotate_partition", "annotate_with_dask"]


def annotate_partition(root: str, items: list[tuple[str, str, object]], store_root: str, max_bytes: int) -> int:
    """Annotate ``(doc_id, key, locator)`` items (files, or records of files of many articles,
    as :func:`defcoop.engine.run._hash_files` finds them) under ``root``; write one cache part.

    Runs on a worker.  Returns the number of articles annotated (items that cannot be read or
    decoded are left for ``load`` to report as skipped).
    """
    from defcoop.engine.pool import annotate_files

    if not items:
        return 0
    part = annotate_files(items, max_bytes)["part"]  # (read as a local worker reads them)
    if len(part["docs"]):
        Store(Path(store_root), Path(root), max_bytes=max_bytes).write(part)
    return len(part["docs"])


def annotate_with_dask(
    path: str | Path,
    client,
    *,
    cache: str | Path | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
    partition_size: int = 1000,
    fields: dict[str, str] | None = None,
) -> int:
    """Annotate every uncached article under ``path`` on the Dask ``client``; return how many.

    The files are found and hashed here (a file of many articles is scanned into its records);
    each worker reads its items again from the shared paths.  Results land in the cache folder
    ``cache`` (default: the local default cache), where ``defcoop.load(path, cache=cache)``
    reads them.
    """
    from defcoop.engine.run import _doc_ids, _hash_files, uncached

    root = Path(path).resolve()
    if not root.is_dir():
        raise NotADirectoryError(f"corpus path {str(path)!r} is not a folder")
    store_root = Path(cache) if cache is not None else default_cache_dir()
    cached = frozenset(Store(store_root, root, max_bytes=max_bytes).cached_shas())
    files, _index, _changed = _hash_files(discover(root, max_bytes=max_bytes), None, max_bytes, check_fields(fields))
    wanted = [(key, where, sha) for key, where, sha, _ in files if sha]
    todo, _sha_of = uncached(wanted, _doc_ids([key for key, _, _ in wanted]), cached)
    partitions = [todo[i : i + partition_size] for i in range(0, len(todo), partition_size)]
    futures = client.map(
        annotate_partition,
        [str(root)] * len(partitions),
        partitions,
        [str(store_root)] * len(partitions),
        [max_bytes] * len(partitions),
        pure=False,
    )
    return sum(client.gather(futures))
