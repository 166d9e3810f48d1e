"""The on-disk cache, the parallel path and the in-process memo give the same tables as a cold run."""

import importlib
import shutil

import pandas as pd
import pandas.testing as pdt
import pytest

import defcoop
from defcoop.cache import Store
from defcoop.paths import SEEDS_DIR

load_module = importlib.import_module("defcoop.load")  # the module; defcoop.load is the function


def _tables(c):
    return {"docs": c.docs, "sentences": c.sentences, "segments": c.segments, "mentions": c.mentions}


def _assert_same(a, b):
    for name, left in _tables(a).items():
        pdt.assert_frame_equal(left, _tables(b)[name], check_dtype=True, obj=name)
    pdt.assert_frame_equal(a.skipped, b.skipped)


def _copy_seeds(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, root)
    return root


def _cold(root, **kw):
    load_module._MEMO.clear()
    return defcoop.load(root, **kw)


def test_cache_hit_gives_identical_tables_without_annotating(tmp_path, monkeypatch):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    first = _cold(root, cache=cache)
    calls = []
    real = load_module.process_bytes
    monkeypatch.setattr(load_module, "process_bytes", lambda *a: calls.append(a[1]) or real(*a))
    second = _cold(root, cache=cache)
    assert calls == []  # everything came from the cache
    _assert_same(first, second)
    _assert_same(first, _cold(root))  # and equals a run without any cache


def test_changing_one_file_reannotates_only_that_file(tmp_path, monkeypatch):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    _cold(root, cache=cache)
    target = root / "002_4f2acdd73294d25d.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("Tuesday", "Wednesday"), encoding="utf-8")
    calls = []
    real = load_module.process_bytes
    monkeypatch.setattr(load_module, "process_bytes", lambda *a: calls.append(a[1]) or real(*a))
    updated = _cold(root, cache=cache)
    assert calls == ["002_4f2acdd73294d25d.txt"]
    monkeypatch.setattr(load_module, "process_bytes", real)
    _assert_same(updated, _cold(root))


def test_renamed_and_copied_files_reuse_cached_rows_under_their_new_ids(tmp_path):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    _cold(root, cache=cache)
    (root / "000_792274446db92004.txt").rename(root / "renamed.txt")
    shutil.copy(root / "001_8730907d0d9a0f8e.txt", root / "copy_of_001.txt")
    cached = _cold(root, cache=cache)
    assert "renamed" in set(cached.docs["doc_id"]) and "copy_of_001" in set(cached.docs["doc_id"])
    assert set(cached.mentions["doc_id"]) >= {"renamed", "copy_of_001"}
    _assert_same(cached, _cold(root))
    assert cached.docs.set_index("doc_id").loc["copy_of_001", "duplicate_of"] == "001_8730907d0d9a0f8e"


def test_a_lexicon_change_starts_a_new_cache_version(tmp_path, monkeypatch):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    _cold(root, cache=cache)
    before = Store(cache, root, max_bytes=load_module.MAX_BYTES_DEFAULT).dir
    from defcoop import cache as cache_module

    monkeypatch.setattr(cache_module, "data_version", lambda: "a-changed-lexicon")
    cache_module.code_version.cache_clear()
    try:
        after = Store(cache, root, max_bytes=load_module.MAX_BYTES_DEFAULT).dir
        assert after != before and not after.exists()
    finally:
        cache_module.code_version.cache_clear()


def test_half_written_part_is_ignored(tmp_path):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    _cold(root, cache=cache)
    store = Store(cache, root, max_bytes=load_module.MAX_BYTES_DEFAULT)
    # an interrupted run: a part with docs but no mentions, and a temporary file
    docs_part = next((store.dir / "docs").glob("part-*.parquet"))
    shutil.copy(docs_part, store.dir / "docs" / "part-zzzz-interrupted.parquet")
    (store.dir / "mentions" / ".part-zzzz.tmp").write_bytes(b"half")
    assert len(store.parts()) == 1
    _assert_same(_cold(root, cache=cache), _cold(root))


def test_parallel_workers_give_the_same_tables(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    root.mkdir()
    gold = sorted((SEEDS_DIR.parent / "tests" / "gold" / "articles").glob("*.txt"))
    for p in [*sorted(SEEDS_DIR.iterdir()), *gold]:
        shutil.copy(p, root / p.name)
    monkeypatch.setattr(load_module, "CHUNK", 7)  # several chunks over two processes
    serial = _cold(root, workers=1)
    parallel = _cold(root, workers=2)
    _assert_same(serial, parallel)
    assert isinstance(parallel.docs, pd.DataFrame) and len(parallel.docs) == len(gold) + 5


def test_a_file_cached_twice_is_read_once(tmp_path):
    # two runs that annotated the same files (e.g. an interrupted run redone) leave two parts
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    _cold(root, cache=cache)
    store = Store(cache, root, max_bytes=load_module.MAX_BYTES_DEFAULT)
    (part,) = store.parts()
    for table in ("docs", "sentences", "segments", "mentions"):
        shutil.copy(store.dir / table / f"{part}.parquet", store.dir / table / "part-0000-second-run.parquet")
    assert len(store.parts()) == 2
    assert len(store.read()["docs"]) == 5
    _assert_same(_cold(root, cache=cache), _cold(root))


def test_an_unusable_cache_warns_and_loads_anyway(tmp_path):
    root = _copy_seeds(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with pytest.warns(UserWarning, match="not usable"):
        c = _cold(root, cache=blocker)
    _assert_same(c, _cold(root))
