"""The shape of the package (issue 14), checked from the source.

* no import cycles between modules;
* data flows one way: a stage imports only from the stages before it (text utilities and the
  table schema, then lexicons, reading, annotation, the engine, analyses, figures, the public
  API and the applications);
* notebooks define no functions or classes (everything they need lives in the package);
* the public API is declared (``__all__``) and every name in it exists.
"""

from __future__ import annotations

import ast
import json

import pytest

import defcoop
from defcoop.engine.versioning import import_graph
from defcoop.paths import NOTEBOOKS_DIR, PACKAGE_DIR

#: Every module's stage, by its folder (or, for top-level modules, its name); a module may import
#: modules of its own stage or of a lower one.
STAGES = {
    "paths.py": 0,
    "errors.py": 0,
    "version.py": 0,
    "display.py": 0,
    "schema.py": 0,
    "export.py": 0,
    "text.py": 0,
    "arrays.py": 0,  # Arrow columns of the tables, read without copying them whole
    "corpus.py": 0,  # the tables' container and the definition of a story
    "lexicons": 1,
    "reading": 2,
    "annotate": 3,
    "engine": 5,
    "load.py": 6,
    "analysis": 7,
    "plots": 8,
    "__init__.py": 9,  # the public API; the applications build on it
    "app": 10,
    "__main__.py": 11,
}


def _stage(rel: str) -> int:
    return STAGES[rel.split("/")[0]]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module, or a module importing itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph.get(v, ()):
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a.py": {"b.py"}, "b.py": {"c.py"}, "c.py": {"a.py"}, "d.py": {"a.py"}}) == [
        ["a.py", "b.py", "c.py"]
    ]
    assert _cycles({"a.py": {"b.py"}, "b.py": set()}) == []


def test_no_import_cycles():
    graph = import_graph()
    assert len(graph) >= 40
    assert _cycles(graph) == []


def test_every_module_has_a_stage_and_imports_only_from_its_stage_or_below():
    graph = import_graph()
    unknown = sorted(rel for rel in graph if rel.split("/")[0] not in STAGES)
    assert not unknown, f"modules outside every stage: {unknown} (add them to STAGES)"
    upward = sorted(f"{rel} -> {dep}" for rel, deps in graph.items() for dep in deps if _stage(dep) > _stage(rel))
    assert not upward, "imports against the flow of data:\n" + "\n".join(upward)


def _notebook_code(nb_path) -> str:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("nb_path", sorted(NOTEBOOKS_DIR.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_define_no_functions_or_classes(nb_path):
    tree = ast.parse(_notebook_code(nb_path))
    defined = [
        f"{type(n).__name__} {n.name} (line {n.lineno})"
        for n in ast.walk(tree)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))
        and not isinstance(n, ast.Lambda)
    ]
    assert not defined, f"{nb_path.name} defines {defined}: move them into the package"


def test_the_public_api_is_declared_and_exists():
    assert "load" in defcoop.__all__ and "Corpus" in defcoop.__all__
    for name in defcoop.__all__:
        assert hasattr(defcoop, name), name
    for sub in ("plots",):
        mod = __import__(f"defcoop.{sub}", fromlist=["__all__"])
        assert all(hasattr(mod, n) for n in mod.__all__), sub


def test_subpackages_document_their_stage():
    for init in sorted(PACKAGE_DIR.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 60, f"{init.parent.name}/__init__.py says nothing of its stage"
