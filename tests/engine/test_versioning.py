"""The cache version covers everything annotation runs (issue 13): no stale cached results.

The version is derived from the import graph of the source (:mod:`defcoop.engine.versioning`).  These
tests check it from two sides: every package module that is really imported while files are
annotated (observed in a fresh interpreter) is covered, and changing any covered module or any
data file changes the version, while a module that only draws figures does not.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from defcoop.engine.versioning import annotating_modules, code_version, version_of
from defcoop.lexicons.datafiles import NOT_ANNOTATION_INPUTS
from defcoop.paths import PACKAGE_DIR, REPO_ROOT

# Annotates every seed, gold and held-out article, a non-English text and badly encoded bytes in
# a fresh interpreter, through both the single-file path and a cached, parallel `load`, then
# lists the package modules that were imported.
OBSERVER = r"""
import json, os, sys, tempfile
from pathlib import Path
import defcoop
from defcoop.load import load
from defcoop.engine.process import process_bytes
repo = Path(sys.argv[1])
files = sorted([*(repo / "seeds").glob("*.txt"), *(repo / "tests").glob("*/articles/*.txt")])
for i, f in enumerate(files):
    process_bytes(f"d{i}", f.name, f.read_bytes())
process_bytes("vi", "vi.txt", "Bộ trưởng Quốc phòng Phan Văn Giang tiếp Đại sứ Nga tại Hà Nội.".encode())
process_bytes("ru", "ru.txt", "Министр обороны Белоруссии Виктор Хренин посетил Ханой.".encode())
process_bytes("cp", "cp.txt", "Caf\xe9 talks in Hanoi on defence".encode("cp1252"))
with tempfile.TemporaryDirectory() as cache:
    load(repo / "seeds", cache=cache, workers=2)
    load(repo / "seeds", cache=cache)  # the cached path
pkg = Path(defcoop.__file__).resolve().parent
used = sorted(
    Path(m.__file__).resolve().relative_to(pkg).as_posix()
    for name, m in list(sys.modules.items())
    if (name == "defcoop" or name.startswith("defcoop.")) and getattr(m, "__file__", None)
)
json.dump(used, sys.stdout)
"""


def test_every_module_imported_while_annotating_is_in_the_version():
    proc = subprocess.run(
        [sys.executable, "-c", OBSERVER, str(REPO_ROOT)], capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr
    used = set(json.loads(proc.stdout))
    assert {"annotate/pipeline.py", "lexicons/datafiles.py", "reading/parse.py"} <= used  # the observation itself works
    missing = sorted(used - set(annotating_modules()))
    assert not missing, f"imported while annotating but not in the cache version: {missing}"


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "defcoop"
    shutil.copytree(PACKAGE_DIR, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _touch(path: Path) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\n# changed\n" if path.suffix == ".py" else "\n")


def test_changing_any_annotating_module_or_data_file_changes_the_version(package_copy: Path):
    base = version_of(package_copy)
    assert base == code_version()  # a faithful copy has the installed package's version
    covered = [package_copy / rel for rel in annotating_modules(package_copy)]
    data_dir = package_copy / "data"
    data = sorted(
        p
        for p in data_dir.rglob("*")
        if p.is_file() and p.relative_to(data_dir).as_posix() not in NOT_ANNOTATION_INPUTS
    )
    assert len(covered) >= 15 and len(data) >= 10
    unchanged = []
    for path in [*covered, *data]:
        original = path.read_bytes()
        _touch(path)
        if version_of(package_copy) == base:
            unchanged.append(path.relative_to(package_copy).as_posix())
        path.write_bytes(original)
    assert not unchanged, f"changing these left the cache version unchanged: {unchanged}"
    assert version_of(package_copy) == base


def test_the_validity_measures_do_not_change_the_version(package_copy: Path):
    # recording new validity measures (read by notebooks, never by a rule) must not make every
    # cached corpus be annotated again
    base = version_of(package_copy)
    assert {"validity.csv"} == NOT_ANNOTATION_INPUTS
    _touch(package_copy / "data" / "validity.csv")
    assert version_of(package_copy) == base


def test_a_module_only_drawing_figures_does_not_change_the_version(package_copy: Path):
    base = version_of(package_copy)
    assert "plots/save.py" not in annotating_modules(package_copy)
    _touch(package_copy / "plots" / "save.py")
    assert version_of(package_copy) == base


def test_a_new_module_imported_lazily_by_a_rule_joins_the_version(package_copy: Path):
    (package_copy / "newrule.py").write_text("RULE = 1\n", encoding="utf-8")
    annotate = package_copy / "annotate" / "pipeline.py"
    annotate.write_text(
        annotate.read_text(encoding="utf-8") + "\n\ndef _uses_new_rule():\n    from defcoop import newrule\n",
        encoding="utf-8",
    )
    assert "newrule.py" in annotating_modules(package_copy)
    before = version_of(package_copy)
    (package_copy / "newrule.py").write_text("RULE = 2\n", encoding="utf-8")
    assert version_of(package_copy) != before


def test_relative_imports_in_subpackages_are_followed(package_copy: Path):
    sub = package_copy / "rules"
    sub.mkdir()
    (sub / "__init__.py").write_text("from .first import X\n", encoding="utf-8")
    (sub / "first.py").write_text("from . import second\nX = 1\n", encoding="utf-8")
    (sub / "second.py").write_text("from ..reading.text import fold\n", encoding="utf-8")
    annotate = package_copy / "annotate" / "pipeline.py"
    annotate.write_text(annotate.read_text(encoding="utf-8") + "\nfrom defcoop.rules import X\n", encoding="utf-8")
    mods = annotating_modules(package_copy)
    assert {"rules/__init__.py", "rules/first.py", "rules/second.py", "text.py"} <= set(mods)
