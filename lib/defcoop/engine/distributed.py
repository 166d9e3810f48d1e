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

import hashlib
from pathlib import Path

from defcoop.engine.cache import Store, default_cache_dir
from defcoop.reading.files import MAX_BYTES_DEFAULT, discover, read_bytes

__all__ = ["annotate_partition", "annotate_with_dask"]


def annotate_partition(root: str, relpaths: list[str], store_root: str, max_bytes: int, cached: frozenset[str]) -> int:
    """Annotate the files ``relpaths`` under ``root`` not already cached; write one cache part.

    Runs on a worker.  Returns the number of articles annotated (files that cannot be decoded
    are left for ``load`` to report as skipped).
    """
    from defcoop.engine.assemble import encode_part
    from defcoop.engine.process import process_chunk

    items = []
    for rel in relpaths:
        data, _why = read_bytes(Path(root) / rel, max_bytes)
        if data is None or hashlib.sha256(data).hexdigest() in cached:
            continue  # unreadable files are reported by load(); cached ones need no work
        items.append((Path(rel).with_suffix("").as_posix(), rel, data))
    if not items:
        return 0
    tables = process_chunk(items)
    if len(tables["docs"]):
        Store(Path(store_root), Path(root), max_bytes=max_bytes).write(encode_part(tables))
    return len(tables["docs"])


def annotate_with_dask(
    path: str | Path,
    client,
    *,
    cache: str | Path | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
    partition_size: int = 1000,
) -> int:
    """Annotate every uncached file under ``path`` on the Dask ``client``; return how many.

    Results land in the cache folder ``cache`` (default: the local default cache), where
    ``defcoop.load(path, cache=cache)`` reads them.
    """
    root = Path(path).resolve()
    if not root.is_dir():
        raise NotADirectoryError(f"corpus path {str(path)!r} is not a folder")
    store_root = Path(cache) if cache is not None else default_cache_dir()
    cached = frozenset(Store(store_root, root, max_bytes=max_bytes).cached_shas())
    relpaths = [f.relpath for f in discover(root, max_bytes=max_bytes) if not f.skip_reason]
    partitions = [relpaths[i : i + partition_size] for i in range(0, len(relpaths), partition_size)]
    futures = client.map(
        annotate_partition,
        [str(root)] * len(partitions),
        partitions,
        [str(store_root)] * len(partitions),
        [max_bytes] * len(partitions),
        [cached] * len(partitions),
        pure=False,
    )
    return sum(client.gather(futures))
