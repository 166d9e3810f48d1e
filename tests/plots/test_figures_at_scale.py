"""Every figure of the workbook, drawn by the notebooks themselves, on the seeds and on a crawl-shaped
corpus of many outlets, partners and officials: no clipped or overlapping text, a caption for each.

The notebooks are run as ``make workbook CORPUS=...`` runs them (papermill, parameters injected)
with ``DEFCOOP_FIGURE_CHECK=error``, so that ``save_figure`` refuses a figure whose text runs off
the canvas or into other text (``defcoop.plots.layout``); a notebook that stops fails the test
with the figure and the problem in its message.  The stored outputs of the seed notebooks are
checked for the problems ``save_figure`` lists, since nbval compares those outputs as they are.
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from defcoop.app.workbook import notebooks, run_notebooks
from defcoop.paths import FIGURES_DIR
from defcoop.plots.save import read_captions

N_ARTICLES = 300


def _figure_names(nb_paths) -> list[str]:
    import re

    call = re.compile(r"""save_figure\(\s*\w+\s*,\s*["']([^"']+)["']""")
    return sorted({m for p in nb_paths for m in call.findall(p.read_text(encoding="utf-8"))})


@pytest.fixture(scope="module")
def crawl_run(tmp_path_factory, make_corpus):
    base = tmp_path_factory.mktemp("crawl-shaped")
    corpus = base / "crawl"
    make_corpus.write_corpus(N_ARTICLES, corpus, seed=7, shape="real", jobs=1)
    before = os.environ.get("DEFCOOP_FIGURE_CHECK")
    os.environ["DEFCOOP_FIGURE_CHECK"] = "error"  # inherited by the notebooks' kernels
    try:
        status = run_notebooks(corpus, base / "run")
    finally:
        if before is None:
            os.environ.pop("DEFCOOP_FIGURE_CHECK")
        else:
            os.environ["DEFCOOP_FIGURE_CHECK"] = before
    return corpus, base / "run", status


def test_the_corpus_is_shaped_like_a_crawl(crawl_run):
    import defcoop

    corpus = defcoop.load(crawl_run[0])
    assert len(corpus.docs) == N_ARTICLES and corpus.skipped.empty
    assert corpus.docs["outlet"].nunique() >= 60
    assert corpus.docs["actor_ids"].explode().dropna().nunique() >= 60
    assert corpus.docs["partners"].explode().dropna().nunique() >= 25
    assert (corpus.docs["date"] == "").sum() >= N_ARTICLES // 10


def test_every_notebook_draws_its_figures_without_layout_problems(crawl_run):
    _, _, status = crawl_run
    stopped = {name: why for name, why in status.items() if why}
    assert not stopped, stopped


def test_every_figure_is_written_with_its_caption_and_denominators(crawl_run):
    _, run, _ = crawl_run
    expected = _figure_names(p.with_suffix(".py") for p in notebooks())
    assert len(expected) >= 12
    for name in expected:
        for ext in ("png", "svg", "csv"):
            assert (run / "figures" / f"{name}.{ext}").is_file(), f"{name}.{ext}"
    captions = read_captions(run / "figures")
    assert sorted(captions["figure"]) == expected
    assert (captions["caption"] != "").all() and (captions["denominators"] != "").all()
    # denominators are the run's own numbers, not the seeds': every one differs
    seeds = read_captions(FIGURES_DIR).set_index("figure")["denominators"]
    same = [n for n in expected if captions.set_index("figure")["denominators"][n] == seeds.get(n)]
    assert not same, same


@pytest.mark.parametrize("path", notebooks(), ids=[p.stem for p in notebooks()])
def test_the_stored_seed_figures_have_no_layout_problems(path: Path):
    nb = nbformat.read(path, as_version=4)
    listed = [
        line
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        for line in (out.get("text") or out.get("data", {}).get("text/plain", "")).splitlines()
        if line.startswith("  layout: ")
    ]
    saved = sorted(
        line.split(":")[0].removeprefix("saved ")
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        for line in (out.get("text") or out.get("data", {}).get("text/plain", "")).splitlines()
        if line.startswith("saved ")
    )
    # every figure the notebook saves shows its "saved" line, so that a problem would be seen
    assert saved == _figure_names([path.with_suffix(".py")])
    assert not listed, listed
