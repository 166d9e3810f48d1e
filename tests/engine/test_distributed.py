"""The Dask path: a local cluster of two workers fills the cache; load() then equals a local run."""

import shutil

import pandas.testing as pdt
from dask.distributed import Client, LocalCluster

import defcoop
from defcoop.engine import process as process_module
from defcoop.engine.distributed import annotate_with_dask
from defcoop.paths import REPO_ROOT, SEEDS_DIR


def test_dask_results_equal_the_single_process_path_row_for_row(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    for p in sorted(SEEDS_DIR.iterdir()):
        shutil.copy(p, root / "a" / p.name)
    for p in sorted((REPO_ROOT / "tests" / "gold" / "articles").glob("*.txt")):
        shutil.copy(p, root / "b" / p.name)
    (root / "b" / "empty.txt").write_text("")
    cache = tmp_path / "cache"
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        n = annotate_with_dask(root, client, cache=cache, partition_size=8)
    assert n == 39  # 5 seeds + 34 gold articles; the empty file is left for load() to report
    calls = []
    real = process_module.process_bytes
    monkeypatch.setattr(process_module, "process_bytes", lambda *a: calls.append(a[1]) or real(*a))
    defcoop.clear_memo()
    from_dask = defcoop.load(root, cache=cache)
    assert calls == ["b/empty.txt"]  # only the file Dask could not annotate is read again
    monkeypatch.setattr(process_module, "process_bytes", real)
    defcoop.clear_memo()
    local = defcoop.load(root, cache=False, workers=1)
    for name in ("docs", "sentences", "segments", "mentions", "skipped"):
        pdt.assert_frame_equal(getattr(from_dask, name), getattr(local, name), obj=name)
    assert list(from_dask.skipped["reason"]) == ["empty file"]
