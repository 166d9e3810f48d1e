"""`make workbook CORPUS=...`: every notebook runs on another corpus into runs/<name>/, leaving the
repository (validated notebooks, figures/) untouched."""

import hashlib
import shutil
import subprocess
import sys

from defcoop.app.workbook import notebooks
from defcoop.paths import FIGURES_DIR, NOTEBOOKS_DIR, REPO_ROOT


def _digest_tree(*folders):
    out = {}
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                out[str(p.relative_to(REPO_ROOT))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def test_own_corpus_run_writes_only_to_runs(tmp_path):
    corpus = tmp_path / "my-crawl"
    corpus.mkdir()
    gold = REPO_ROOT / "tests" / "gold" / "articles"
    for p in sorted(gold.glob("*.txt"))[:12]:
        shutil.copy(p, corpus / p.name)
    out = REPO_ROOT / "runs" / "my-crawl"
    shutil.rmtree(out, ignore_errors=True)
    before = _digest_tree(NOTEBOOKS_DIR, FIGURES_DIR)
    git_before = subprocess.run(["git", "status", "--porcelain"], cwd=REPO_ROOT, capture_output=True, text=True)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "defcoop.app.workbook", "run", "--corpus", str(corpus)],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        assert "WARNING" not in done.stderr, done.stderr[-3000:]  # no kernel noise (issue 13)
        assert sorted(p.name for p in out.glob("*.ipynb")) == [p.name for p in notebooks()]
        figs = sorted(p.name for p in (out / "figures").iterdir())
        assert any(f.startswith("01-") and f.endswith(".png") for f in figs)
        assert all(f.rsplit(".", 1)[0] + ".csv" in figs for f in figs if f.endswith(".png"))
        assert _digest_tree(NOTEBOOKS_DIR, FIGURES_DIR) == before
        git_after = subprocess.run(["git", "status", "--porcelain"], cwd=REPO_ROOT, capture_output=True, text=True)
        assert git_after.stdout == git_before.stdout  # runs/ is ignored; nothing else changed
    finally:
        shutil.rmtree(out, ignore_errors=True)


TINY_RUN = r"""
import sys
from pathlib import Path
import nbformat
from defcoop.app.workbook import run_in_place
nb = nbformat.v4.new_notebook()
nb.cells = [nbformat.v4.new_code_cell("1 + 1")]
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
path = Path(sys.argv[1]) / "tiny.ipynb"
nbformat.write(nb, path)
run_in_place(path)
print(nbformat.read(path, as_version=4).cells[0].outputs[0]["data"]["text/plain"])
"""


def test_running_a_notebook_prints_no_kernel_warning(tmp_path):
    # `make workbook` on the seeds goes through run_in_place; the kernel's own stderr is ours
    done = subprocess.run(
        [sys.executable, "-c", TINY_RUN, str(tmp_path)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "2"
    assert "without encryption" not in done.stderr and "WARNING" not in done.stderr, done.stderr
