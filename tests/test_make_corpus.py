"""The synthetic corpus generator of ``benchmarks/make_corpus.py``: deterministic and loadable."""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path

import pytest

import defcoop

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def make_corpus():
    path = ROOT / "benchmarks" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("defcoop_bench_make_corpus", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_and_loadable(make_corpus, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    info = make_corpus.write_corpus(50, a, seed=3, jobs=1)
    make_corpus.write_corpus(50, b, seed=3, jobs=1)
    files = _files(a)
    assert files == _files(b)
    assert len(files) == 50
    assert all(rel.startswith("000/") and rel.endswith(".txt") for rel in files)
    assert info["counts"]["syndicated"] + info["counts"]["mirror"] > 0

    kwargs = {"cache": False} if "cache" in inspect.signature(defcoop.load).parameters else {}
    corpus = defcoop.load(a, **kwargs)
    assert len(corpus.docs) == 50
    assert len(corpus.skipped) == 0
    assert (corpus.docs["duplicate_of"] != "").any()
    m = corpus.mentions
    registered = m[(m["kind"] == "actor") & (m["registered"] == True)]  # noqa: E712
    assert set(corpus.docs["doc_id"]) <= set(registered["doc_id"])


def test_other_seed_other_corpus(make_corpus, tmp_path):
    make_corpus.write_corpus(5, tmp_path / "a", seed=3, jobs=1)
    make_corpus.write_corpus(5, tmp_path / "b", seed=4, jobs=1)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_refuses_non_empty_folder(make_corpus, tmp_path):
    (tmp_path / "x.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        make_corpus.write_corpus(1, tmp_path, seed=1, jobs=1)
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "keep me"
