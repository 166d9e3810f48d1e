"""Shared fixtures: the seeds corpus (loaded once) and a helper to write small corpora."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

import defcoop
from defcoop.paths import SEEDS_DIR

# Tests (and the notebook kernels nbval starts, which inherit the environment) never write to the
# user's cache: every test session gets a fresh cache folder of its own.
os.environ["DEFCOOP_CACHE"] = tempfile.mkdtemp(prefix="defcoop-test-cache-")


@pytest.fixture(scope="session")
def seeds() -> defcoop.Corpus:
    return defcoop.load(SEEDS_DIR)


@pytest.fixture
def write_corpus(tmp_path: Path):
    """Write ``{relative path: text or bytes}`` under a fresh folder and return the folder."""

    def _write(files: dict[str, str | bytes], name: str = "corpus") -> Path:
        root = tmp_path / name
        root.mkdir()
        for rel, content in files.items():
            p = root / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                p.write_bytes(content)
            else:
                p.write_text(content, encoding="utf-8")
        return root

    return _write


def doc(corpus: defcoop.Corpus, prefix: str) -> dict:
    """The docs row whose doc_id starts with ``prefix``, as a dict."""
    rows = corpus.docs[corpus.docs["doc_id"].str.startswith(prefix)]
    assert len(rows) == 1, f"expected one doc starting with {prefix!r}, found {len(rows)}"
    return rows.iloc[0].to_dict()


@pytest.fixture(scope="session")
def make_corpus():
    """``benchmarks/make_corpus.py`` (the corpus generator) as a module; not part of the package."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("defcoop_bench_make_corpus", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # worker processes import it by this name
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)
