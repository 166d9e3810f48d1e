"""The version that keys the annotation cache: a digest of what annotation actually runs.

Cached annotations are valid only for the code and data that produced them.  Rather than a
hand-kept list of "annotating modules" (which drifts: a module added to annotation and not to
the list would let a cached ``load`` return stale results), the modules are found from the
source: every module of the package that the annotating entry points import, directly or
through other modules, with imports inside functions counted too (the loader imports some
lazily).  Every data file is part of the digest as well.

The entry points (:data:`ROOTS`) are the engine's modules, whose code runs per file and writes
or reads the cached parts: ``process`` (``process_bytes``, ``process_chunk``), ``pool`` and
``run``, ``cache`` and ``assemble`` (the part format) and ``distributed`` (the Dask path writes
the same parts).  A module that only analyses or draws the tables (``analysis/``, ``plots/``,
``app/``) is not reached from them, so changing it does not throw the cache away.

>>> mods = annotating_modules()
>>> "lexicons/datafiles.py" in mods and "annotate/pipeline.py" in mods and "reading/parse.py" in mods
True
>>> any(m.startswith(("plots/", "analysis/", "app/")) for m in mods)
False
"""

from __future__ import annotations

import ast
import hashlib
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

from defcoop.lexicons.datafiles import NOT_ANNOTATION_INPUTS, data_digest
from defcoop.paths import PACKAGE_DIR

__all__ = ["ROOTS", "annotating_modules", "code_version", "import_graph", "module_imports", "version_of"]

PACKAGE = "defcoop"
#: Modules whose code decides what the cache holds; everything they import is covered too.
ROOTS = (
    "engine/process.py",
    "engine/pool.py",
    "engine/run.py",
    "engine/cache.py",
    "engine/assemble.py",
    "engine/distributed.py",
)


def _module_file(package_dir: Path, dotted: str) -> str | None:
    """``a/b.py`` or ``a/b/__init__.py`` (relative to ``package_dir``) for ``defcoop.a.b``."""
    parts = dotted.split(".")[1:]
    if not parts:
        return "__init__.py"
    base = Path(*parts)
    for rel in (base.with_suffix(".py"), base / "__init__.py"):
        if (package_dir / rel).is_file():
            return rel.as_posix()
    return None


def _with_parents(rel: str) -> list[str]:
    """A module and the ``__init__.py`` of every package above it (importing it runs them)."""
    parts = Path(rel).parts
    out = ["__init__.py"]
    for i in range(1, len(parts)):
        out.append(Path(*parts[:i], "__init__.py").as_posix())
    out.append(rel)
    return out


def module_imports(package_dir: Path, rel: str) -> set[str]:
    """The package's modules that module ``rel`` imports directly, anywhere in its source
    (inside functions too), as paths relative to ``package_dir``.

    ``from defcoop.a import b`` is an import of the module ``a/b.py`` when there is one, else of
    ``a`` (its ``__init__.py``, or ``a.py``); the packages above a module, which Python runs
    first, are not counted here (:func:`annotating_modules` adds them).
    """
    tree = ast.parse((package_dir / rel).read_text(encoding="utf-8"), filename=rel)
    # the package a relative import starts from: a package's own for its __init__.py
    package = [PACKAGE, *Path(rel).parent.parts]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.split(".")[0] == PACKAGE)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: ``level`` 1 is the module's own package
                base = package[: len(package) - node.level + 1]
                mod = ".".join([*base, *([node.module] if node.module else [])])
            elif node.module and node.module.split(".")[0] == PACKAGE:
                mod = node.module
            else:
                continue
            for a in node.names:
                sub = f"{mod}.{a.name}"
                names.add(sub if a.name != "*" and _module_file(package_dir, sub) is not None else mod)
    return {found for dotted in names if (found := _module_file(package_dir, dotted)) is not None}


def import_graph(package_dir: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports directly."""
    mods = sorted(p.relative_to(package_dir).as_posix() for p in package_dir.rglob("*.py"))
    return {rel: module_imports(package_dir, rel) for rel in mods}


def annotating_modules(package_dir: Path = PACKAGE_DIR) -> tuple[str, ...]:
    """Every module (path relative to the package) reachable by imports from :data:`ROOTS`."""
    seen: set[str] = set()
    todo = [m for root in ROOTS for m in _with_parents(root)]
    while todo:
        rel = todo.pop()
        if rel in seen or not (package_dir / rel).is_file():
            continue
        seen.add(rel)
        todo.extend({m for imp in module_imports(package_dir, rel) for m in _with_parents(imp)} - seen)
    return tuple(sorted(seen))


#: Distributions whose behaviour shapes what annotation produces (matching, folding, tables,
#: the codebook's YAML, the language of short texts); their versions, and Python's (its Unicode
#: tables fold the text), are in the version too ("?" when one is not installed, so a cache built
#: without lingua is not reused with it).
DEPENDENCIES = ("pyahocorasick", "numpy", "pandas", "pyarrow", "PyYAML", "lingua-language-detector")


def _dependency_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for dist in DEPENDENCIES:
        try:
            found.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            found.append(f"{dist}=?")
    return f"python={sys.version_info[:3]};unicode={unicodedata.unidata_version};" + ";".join(found)


def version_of(package_dir: Path) -> str:
    """Digest (16 hex digits) of the annotating modules' source, of every data file that
    annotation may read (all but :data:`~defcoop.lexicons.datafiles.NOT_ANNOTATION_INPUTS`) and of
    the versions of Python and of :data:`DEPENDENCIES`."""
    h = hashlib.sha256(data_digest(package_dir / "data", skip=NOT_ANNOTATION_INPUTS).encode())
    h.update(_dependency_versions().encode())
    for rel in annotating_modules(package_dir):
        h.update(rel.encode() + b"\0")
        h.update((package_dir / rel).read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def code_version() -> str:
    """:func:`version_of` the installed package (computed once per process)."""
    return version_of(PACKAGE_DIR)
