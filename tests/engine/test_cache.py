"""The on-disk cache, the parallel path and the in-process memo give the same tables as a cold run."""

import hashlib
import os
import shutil
import tempfile
import warnings

import pandas as pd
import pandas.testing as pdt
import pytest

import defcoop
from defcoop.engine import pool as pool_module
from defcoop.engine import process as process_module
from defcoop.engine import run as run_module
from defcoop.engine.cache import Store
from defcoop.paths import SEEDS_DIR
from defcoop.reading.files import MAX_BYTES_DEFAULT


def _tables(c):
    return {
        "docs": c.docs,
        "sentences": c.sentences,
        "segments": c.segments,
        "mentions": c.mentions,
        "meetings": c.meetings,
    }


def _assert_same(a, b):
    for name, left in _tables(a).items():
        pdt.assert_frame_equal(left, _tables(b)[name], check_dtype=True, obj=name)
    pdt.assert_frame_equal(a.skipped, b.skipped)


def _copy_seeds(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, root)
    return root


def _cold(root, **kw):
    defcoop.clear_memo()
    return defcoop.load(root, **kw)


def test_cache_hit_gives_identical_tables_without_annotating(tmp_path, monkeypatch):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    first = _cold(root, cache=cache)
    calls = []
    real = process_module.process_bytes
    monkeypatch.setattr(process_module, "process_bytes", lambda *a: calls.append(a[1]) or real(*a))
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
    real = process_module.process_bytes
    monkeypatch.setattr(process_module, "process_bytes", lambda *a: calls.append(a[1]) or real(*a))
    updated = _cold(root, cache=cache)
    assert calls == ["002_4f2acdd73294d25d.txt"]
    monkeypatch.setattr(process_module, "process_bytes", real)
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
    before = Store(cache, root, max_bytes=MAX_BYTES_DEFAULT).dir
    from defcoop.engine import versioning

    monkeypatch.setattr(versioning, "data_digest", lambda data_dir, skip=frozenset(): "a-changed-lexicon")
    versioning.code_version.cache_clear()
    try:
        after = Store(cache, root, max_bytes=MAX_BYTES_DEFAULT).dir
        assert after != before and not after.exists()
    finally:
        versioning.code_version.cache_clear()


def test_half_written_part_is_ignored(tmp_path):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    _cold(root, cache=cache)
    store = Store(cache, root, max_bytes=MAX_BYTES_DEFAULT)
    # an interrupted run: a part with docs but no mentions, and a temporary file
    docs_part = next((store.dir / "docs").glob("part-*.arrow"))
    shutil.copy(docs_part, store.dir / "docs" / "part-zzzz-interrupted.arrow")
    (store.dir / "mentions" / ".part-zzzz.tmp").write_bytes(b"half")
    assert len(store.parts()) == 1
    _assert_same(_cold(root, cache=cache), _cold(root))


def test_parallel_workers_give_the_same_tables(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    root.mkdir()
    gold = sorted((SEEDS_DIR.parent / "tests" / "gold" / "articles").glob("*.txt"))
    for p in [*sorted(SEEDS_DIR.iterdir()), *gold]:
        shutil.copy(p, root / p.name)
    monkeypatch.setattr(pool_module, "CHUNK", 7)  # several chunks over two processes
    serial = _cold(root, workers=1)
    parallel = _cold(root, workers=2)
    _assert_same(serial, parallel)
    assert isinstance(parallel.docs, pd.DataFrame) and len(parallel.docs) == len(gold) + 5


def test_a_file_cached_twice_is_read_once(tmp_path):
    # two runs that annotated the same files (e.g. an interrupted run redone) leave two parts
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    _cold(root, cache=cache)
    store = Store(cache, root, max_bytes=MAX_BYTES_DEFAULT)
    (part,) = store.parts()
    for table in ("docs", "sentences", "segments", "mentions"):
        shutil.copy(store.dir / table / f"{part}.arrow", store.dir / table / "part-0000-second-run.arrow")
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


def _spy_reads(monkeypatch):
    calls = []
    real = run_module.read_bytes

    def spy(path, mb):
        calls.append(os.path.basename(path))
        return real(path, mb)

    # files are read to hash them (engine.run) and to annotate them (engine.pool)
    monkeypatch.setattr(run_module, "read_bytes", spy)
    monkeypatch.setattr(pool_module, "read_bytes", spy)
    return calls


def test_a_reload_reads_no_file_whose_stat_is_unchanged(tmp_path, monkeypatch):
    from defcoop.engine import cache as cache_module

    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # files just copied count as settled
    first = _cold(root, cache=cache)
    calls = _spy_reads(monkeypatch)
    _assert_same(_cold(root, cache=cache), first)
    assert calls == []  # every file's hash came from its stat
    target = root / "002_4f2acdd73294d25d.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("Tuesday", "Wednesday"), encoding="utf-8")
    updated = _cold(root, cache=cache)
    assert calls == ["002_4f2acdd73294d25d.txt", "002_4f2acdd73294d25d.txt"]  # hashed, then annotated
    _assert_same(updated, _cold(root))


def test_a_recent_file_is_read_again_whatever_its_stat(tmp_path, monkeypatch):
    from defcoop.engine import cache as cache_module

    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    _cold(root, cache=cache)
    monkeypatch.setattr(cache_module, "RACY_NS", 10**18)  # changed too close to the index being written
    calls = _spy_reads(monkeypatch)
    _cold(root, cache=cache)
    assert sorted(calls) == sorted(p.name for p in root.iterdir())


def test_results_are_written_in_parts_as_they_arrive(tmp_path, monkeypatch):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    monkeypatch.setattr(pool_module, "CHUNK", 1)
    monkeypatch.setattr(run_module, "PART_DOCS", 2)
    streamed = _cold(root, cache=cache)
    store = Store(cache, root, max_bytes=MAX_BYTES_DEFAULT)
    assert [len(p["docs"]) for p in store.read_parts()] == [2, 2, 1]
    _assert_same(streamed, _cold(root))
    _assert_same(_cold(root, cache=cache), streamed)


def test_a_large_run_without_a_cache_spills_to_a_temporary_folder_it_removes(tmp_path, monkeypatch):
    root, spill_root = _copy_seeds(tmp_path), tmp_path / "tmp"
    spill_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill_root))
    monkeypatch.setattr(pool_module, "CHUNK", 1)
    monkeypatch.setattr(run_module, "PART_DOCS", 2)
    monkeypatch.setattr(run_module, "SPILL_FROM", 5)  # the five seeds are a "large" run
    written = []
    real_write = Store.write
    monkeypatch.setattr(Store, "write", lambda self, tables: written.append(self.dir) or real_write(self, tables))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        spilled = _cold(root, cache=False)
    # removed by load itself, not left to the temporary folder's finaliser (which warns)
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert len(written) == 3 and all(spill_root in d.parents for d in written)  # parts of 2, 2 and 1
    assert list(spill_root.iterdir()) == []  # removed before load returned
    monkeypatch.setattr(run_module, "SPILL_FROM", 6)  # one file short: everything stays in memory
    written.clear()
    in_memory = _cold(root, cache=False)
    assert written == []
    _assert_same(spilled, in_memory)  # every column still readable from the removed files


def test_a_cache_mostly_of_removed_files_is_compacted(tmp_path, monkeypatch):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    monkeypatch.setattr(pool_module, "CHUNK", 1)
    monkeypatch.setattr(run_module, "PART_DOCS", 2)
    _cold(root, cache=cache)  # three parts: 2 + 2 + 1 documents
    kept = "002_4f2acdd73294d25d.txt"
    for p in root.iterdir():
        if p.name != kept:
            p.unlink()
    text = (SEEDS_DIR / "000_792274446db92004.txt").read_text(encoding="utf-8")
    (root / "new.txt").write_text(text + "\nA sentence added later.\n", encoding="utf-8")
    first = _cold(root, cache=cache)  # 5 cached + 1 new > 2 x 2 files: only the rows in use are kept
    store = Store(cache, root, max_bytes=MAX_BYTES_DEFAULT)
    assert sorted(store.read()["docs"]["path"].to_pylist()) == ["002_4f2acdd73294d25d.txt", "new.txt"]
    calls = []
    real = process_module.process_bytes
    monkeypatch.setattr(process_module, "process_bytes", lambda *a: calls.append(a[1]) or real(*a))
    _assert_same(_cold(root, cache=cache), first)
    assert calls == []
    monkeypatch.setattr(process_module, "process_bytes", real)
    _assert_same(first, _cold(root))


def test_results_for_the_whole_corpus_are_recomputed_when_missing(tmp_path):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    first = _cold(root, cache=cache)
    store = Store(cache, root, max_bytes=MAX_BYTES_DEFAULT)
    derived = list((store.dir / "derived").iterdir())
    assert derived
    # (replaced, not written over: the loaded corpus maps these files, as a later one would)
    for name, garbage in (("mentions.sentence.codes.npy", b"not an array"), ("mentions.kind.categories.arrow", b"x")):
        (tmp_path / "garbage").write_bytes(garbage)
        os.replace(tmp_path / "garbage", derived[0] / name)
    _assert_same(_cold(root, cache=cache), first)
    again = _cold(root, cache=cache)  # from the saved columns, mapped from disk copy-on-write
    again.mentions.loc[0, "start"] = -1
    again.sentences.loc[0, "end"] = -1
    _assert_same(_cold(root, cache=cache), first)  # the cache is not written through
    shutil.rmtree(store.dir / "derived")
    _assert_same(_cold(root, cache=cache), first)


def test_a_corrupt_part_warns_and_loads_anyway(tmp_path):
    root, cache = _copy_seeds(tmp_path), tmp_path / "cache"
    _cold(root, cache=cache)
    store = Store(cache, root, max_bytes=MAX_BYTES_DEFAULT)
    (part,) = store.parts()
    (store.dir / "mentions" / f"{part}.arrow").write_bytes(b"garbage")
    with pytest.warns(UserWarning, match="not usable"):
        c = _cold(root, cache=cache)
    _assert_same(c, _cold(root))


def test_mention_sentences_that_cannot_be_derived_are_stored(tmp_path):
    from defcoop.engine.assemble import assemble, encode_part, merge_parts

    root = _copy_seeds(tmp_path)
    items = [(p.stem, p.name, p.read_bytes()) for p in sorted(root.iterdir())]
    plain = encode_part(process_module.process_chunk(items[:2]))
    assert "sentence" not in plain["mentions"].column_names  # the usual case: derived on reading
    tables = process_module.process_chunk(items[2:])
    odd = tables["mentions"]["sentence"].astype(object)
    odd.iloc[3] = "a sentence of its own"
    tables["mentions"]["sentence"] = odd.astype("str")
    stored = encode_part(tables)
    assert "sentence" in stored["mentions"].column_names
    files = [(doc_id, rel, hashlib.sha256(data).hexdigest()) for doc_id, rel, data in items]
    for parts in ([plain, stored], [merge_parts([plain, stored])], [stored, plain]):
        got = assemble(parts, files).tables["mentions"]
        want = pd.concat([process_module.process_chunk(items[:2])["mentions"], tables["mentions"]], ignore_index=True)
        assert got["sentence"].astype(object).tolist() == want["sentence"].tolist()
        assert got["doc_id"].astype(object).tolist() == want["doc_id"].tolist()


def test_doc_ids_without_pathlib_match_pathlib():
    from pathlib import Path

    for rel in ["a.txt", "x/y.TXT", "name.", "dir.v2/file", "a/b..txt", "a/...txt", "no-suffix", "a.b.c", "t\tq'.md"]:
        assert run_module._without_suffix(rel) == (Path(rel).stem, Path(rel).with_suffix("").as_posix())


def test_files_differing_only_in_suffix_get_distinct_doc_ids(tmp_path):
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    shutil.copy(SEEDS_DIR / "000_792274446db92004.txt", root / "a" / "x.txt")
    shutil.copy(SEEDS_DIR / "001_8730907d0d9a0f8e.txt", root / "a" / "x.md")
    shutil.copy(SEEDS_DIR / "002_4f2acdd73294d25d.txt", root / "x.txt")
    c = _cold(root, cache=tmp_path / "cache")
    assert c.docs["doc_id"].tolist() == ["a/x.md", "a/x.txt", "x"]
    assert c.mentions["doc_id"].nunique() == 3
    _assert_same(c, _cold(root))
