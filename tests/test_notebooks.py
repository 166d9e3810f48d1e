"""Notebook hygiene: the stored notebooks are clean, ordered, portable and match their twins."""

import json
import re
from pathlib import Path

import jupytext
import nbformat
import pytest

from defcoop.app.workbook import EDITOR_METADATA, notebooks
from defcoop.paths import NOTEBOOKS_DIR, REPO_ROOT

NOTEBOOKS = notebooks()
IDS = [p.name for p in NOTEBOOKS]


def test_there_are_numbered_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "01-corpus.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_executed_top_to_bottom(path: Path):
    nb = nbformat.read(path, as_version=4)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_anatomy(path: Path):
    nb = nbformat.read(path, as_version=4)
    first_md = next(c for c in nb.cells if c.cell_type == "markdown")
    assert first_md.source.startswith("# "), "opens with an H1 title"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []), "first code cell is tagged 'parameters'"
    assert re.search(r'^CORPUS = "\.\./seeds"$', code[0].source, re.M)
    # literals only in the parameters cell, so papermill can replace them
    for line in code[0].source.splitlines():
        assert re.fullmatch(r"[A-Z_]+ = (\".*\"|'.*'|-?[\d.]+|True|False|None|\[.*\])", line), line
    assert not any(re.search(r"^\s*(def|class) ", c.source, re.M) for c in code), "no definitions in notebooks"
    sources = [c.source for c in nb.cells]
    for i, s in enumerate(sources):
        if "save_figure(" in s and nb.cells[i].cell_type == "code":
            nxt = nb.cells[i + 1]
            assert nxt.cell_type == "markdown" and "What this shows" in nxt.source, f"cell {i} needs a reading"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_are_portable(path: Path):
    text = json.dumps([c.get("outputs", []) for c in nbformat.read(path, as_version=4).cells])
    assert not re.search(r"/(?:root|home|tmp|work|Users)/", text), "absolute path in an output"
    assert not re.search(r" at 0x[0-9a-f]{6,}", text), "memory address in an output"
    assert "Traceback" not in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_editor_metadata(path: Path):
    nb = nbformat.read(path, as_version=4)
    for c in nb.cells:
        assert not set(c.metadata) & set(EDITOR_METADATA), c.metadata
    assert "papermill" not in nb.metadata


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_jupytext_twin_in_sync(path: Path):
    twin = path.with_suffix(".py")
    assert twin.exists(), f"{twin.name} is missing: run python -m defcoop.app.workbook twins"
    nb = nbformat.read(path, as_version=4)
    assert twin.read_text(encoding="utf-8") == jupytext.writes(nb, fmt="py:percent"), (
        f"{twin.name} is out of sync with {path.name}: run python -m defcoop.app.workbook twins"
    )


def test_readme_indexes_every_notebook():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in readme, f"README has no index line for {path.name}"
    assert NOTEBOOKS_DIR.name == "notebooks"
