"""``load`` hands every caller tables of its own, and keeps a bounded memo (issue 13).

Notebook cells and analysts edit DataFrames all the time; an edit made to one loaded corpus
must never show up in the next ``defcoop.load`` of the same folder.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

import defcoop
from defcoop.load import MEMO_SIZE
from defcoop.paths import SEEDS_DIR

TABLES = ("docs", "sentences", "segments", "mentions", "skipped", "meetings")


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    root = tmp_path / "seeds-copy"
    shutil.copytree(SEEDS_DIR, root)
    return root


def _snapshot(corpus: defcoop.Corpus) -> dict[str, pd.DataFrame]:
    """Independent deep copies of every table (list cells included)."""
    return {t: pickle.loads(pickle.dumps(getattr(corpus, t))) for t in TABLES}


def _assert_tables(corpus: defcoop.Corpus, expected: dict[str, pd.DataFrame]) -> None:
    for t in TABLES:
        pdt.assert_frame_equal(getattr(corpus, t), expected[t], obj=t)


def test_edits_to_one_loaded_corpus_never_reach_the_next_load(corpus_dir: Path):
    first = defcoop.load(corpus_dir, cache=False)
    pristine = _snapshot(first)
    docs = first.docs
    docs["outlet"] = "EDITED"  # a column replaced
    docs.loc[docs.index[0], "title"] = "=HYPERLINK(edited)"  # a cell set in place
    docs["extra"] = 1  # a column added
    docs.iloc[0, docs.columns.get_loc("partners")].append("Atlantis")  # a list cell mutated
    del docs["text"]
    first.mentions.loc[first.mentions.index[0], "start"] = -1
    first.mentions["kind"] = first.mentions["kind"].cat.rename_categories(lambda c: c.upper())
    first.sentences["sentence"] = first.sentences["sentence"].str.upper()
    first.segments.loc[first.segments.index[0], "content"] = "edited"
    first.skipped["reason"] = "edited"

    again = defcoop.load(corpus_dir, cache=False)
    assert again is not first and again.docs is not first.docs
    _assert_tables(again, pristine)


def test_each_call_gets_its_own_tables_and_the_first_caller_too(corpus_dir: Path):
    a = defcoop.load(corpus_dir, cache=False)
    b = defcoop.load(corpus_dir, cache=False)
    pristine = _snapshot(b)
    a.docs.loc[a.docs.index[0], "n_words"] = -5
    a.docs["themes"].iloc[0].clear()
    _assert_tables(b, pristine)
    b.docs["duplicate_of"] = "x"
    assert (a.docs["duplicate_of"] != "x").all()


def test_the_memo_is_bounded_and_can_be_cleared(tmp_path: Path):
    defcoop.clear_memo()
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    for i in range(MEMO_SIZE + 2):
        root = tmp_path / f"c{i}"
        root.mkdir()
        shutil.copy(seeds[i % len(seeds)], root / f"a{i}.txt")
        defcoop.load(root, cache=False)
    assert defcoop.clear_memo() == MEMO_SIZE
    assert defcoop.clear_memo() == 0


def test_a_cleared_memo_loads_the_same_tables_again(corpus_dir: Path):
    pristine = _snapshot(defcoop.load(corpus_dir, cache=False))
    assert defcoop.clear_memo() >= 1
    _assert_tables(defcoop.load(corpus_dir, cache=False), pristine)


def test_a_memo_hit_starts_no_worker_processes(corpus_dir: Path, monkeypatch):
    from defcoop.engine import run as run_module

    monkeypatch.setattr(run_module, "PARALLEL_THRESHOLD", 2)  # the five seeds count as a large run
    started = []
    real = run_module.start_pool
    monkeypatch.setattr(run_module, "start_pool", lambda n: started.append(n) or real(n))
    defcoop.clear_memo()
    first = defcoop.load(corpus_dir, cache=False, workers=2)
    assert started == [2]
    again = defcoop.load(corpus_dir, cache=False, workers=2)
    assert started == [2], "a memo hit forked a pool"
    pdt.assert_frame_equal(again.docs, first.docs)
