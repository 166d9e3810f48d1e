"""Every numbered notebook on an empty corpus and on a one-article corpus.

A notebook may run through, or stop at the first cell that cannot proceed, with an error that
tells the analyst why: :class:`defcoop.errors.InsufficientData`, or a ``FileNotFoundError`` /
``ValueError`` raised by defcoop (or by the notebook's own check) with a sentence.  It must not
stop with an error raised deep inside pandas, scikit-learn or matplotlib (``KeyError: "None of
[Index([...])] are in the [columns]"`` tells an analyst nothing).

Each run goes through papermill with ``CORPUS`` and ``FIGURES`` injected, as ``make workbook
CORPUS=...`` does, into a temporary folder (the stored notebooks and ``figures/`` are not touched).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from defcoop.app.workbook import notebooks, run_with_papermill
from defcoop.paths import SEEDS_DIR

CLEAR_ERRORS = {"InsufficientData", "FileNotFoundError", "NotADirectoryError", "ValueError"}
ONE_ARTICLE = "003_a96526d9f035a37c.txt"  # a seed: English, dated, Vietnam-Belarus, two officials
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_FRAME = re.compile(r"^(?:File (?P<file>\S+?):\d+|Cell In\[\d+\], line \d+)", re.M)


def innermost_frame(traceback: list[str]) -> str:
    """Where the error was raised: a file path, or ``"cell"`` for the notebook's own code."""
    text = _ANSI.sub("", "\n".join(traceback))
    frames = list(_FRAME.finditer(text))
    if not frames:
        return "cell"
    last = frames[-1]
    return last.group("file") or "cell"


def is_clear(ename: str, evalue: str, where: str) -> bool:
    """An error the analyst can act on: ours (or the notebook's own check), named, with a sentence."""
    ours = where == "cell" or "/defcoop/" in where.replace(os.sep, "/")
    return ename in CLEAR_ERRORS and ours and len(evalue.split()) >= 4


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("edge")
    empty = base / "empty-corpus"
    empty.mkdir()
    one = base / "one-article"
    one.mkdir()
    shutil.copyfile(SEEDS_DIR / ONE_ARTICLE, one / ONE_ARTICLE)
    return {"empty": empty, "one": one}


CASES = [(nb, which) for nb in notebooks() for which in ("empty", "one")]


@pytest.mark.parametrize(("nb", "which"), CASES, ids=[f"{nb.stem}-{which}" for nb, which in CASES])
def test_notebook_stops_clearly_or_runs(nb: Path, which: str, corpora, tmp_path):
    import papermill as pm

    corpus = corpora[which]
    before = sorted(p.name for p in corpus.iterdir())
    try:
        run_with_papermill(nb, tmp_path / nb.name, corpus=corpus, figures=tmp_path / "figures")
    except pm.PapermillExecutionError as exc:
        where = innermost_frame(exc.traceback)
        assert is_clear(exc.ename, exc.evalue, where), (
            f"{nb.name} on the {which} corpus stops at cell {exc.exec_count} with {exc.ename}: {exc.evalue[:200]} "
            f"raised in {where}; it should raise defcoop.errors.InsufficientData (or a defcoop "
            "FileNotFoundError/ValueError) saying what the analysis needs"
        )
    assert sorted(p.name for p in corpus.iterdir()) == before, "the corpus folder was written to"


def test_frame_parsing():
    tb = [
        "\x1b[31m---------\x1b[39m",
        "Cell \x1b[32mIn[3]\x1b[39m, line 1",
        "File \x1b[32m/x/.venv/lib/python3.11/site-packages/pandas/core/frame.py:4336\x1b[39m, in DataFrame.f()",
    ]
    assert innermost_frame(tb) == "/x/.venv/lib/python3.11/site-packages/pandas/core/frame.py"
    assert innermost_frame(tb[:2]) == "cell"
    assert is_clear("InsufficientData", "topic clustering needs at least 2 passages; the corpus has 1", "cell")
    assert not is_clear("KeyError", "None of [Index(['doc_id'])] are in the [columns]", tb[2])
    assert is_clear("InsufficientData", "needs at least two dated articles here", "/w/lib/defcoop/timeseries.py")
