"""Running the numbered notebooks: ``python -m defcoop.app.workbook run [--corpus PATH]``.

Without ``--corpus`` the notebooks in ``notebooks/`` are executed in place on ``seeds/`` and
write ``figures/``; the stored outputs are what nbval validates, so execution is made
deterministic here (fixed hash seed, no timing metadata, clean cell metadata) and each
notebook's jupytext percent-script twin is rewritten from it.

With ``--corpus`` the notebooks are run through papermill with ``CORPUS`` and ``FIGURES``
injected, into ``runs/<corpus-name>/`` — never over the validated notebooks or ``figures/``;
``--languages vi,ru`` adds ``LANGUAGES`` (the articles in those languages only) and writes to
``runs/<corpus-name>-ru-vi/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from defcoop.corpus import parse_languages
from defcoop.paths import NOTEBOOKS_DIR, REPO_ROOT

if TYPE_CHECKING:  # the notebook machinery is imported where it is used
    from collections.abc import Callable

    import nbformat

__all__ = ["clean_notebook", "notebooks", "run_in_place", "write_twin"]

KERNEL = "python3"
EDITOR_METADATA = ("collapsed", "scrolled", "execution", "ExecuteTime", "jupyter", "papermill", "vscode")


def notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks, in reading order."""
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))


def clean_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop editor and timing metadata that would make the stored notebook volatile."""
    for cell in nb.cells:
        for key in EDITOR_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            for out in cell.get("outputs", []):
                out.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    return nb


def write_twin(path: Path, nb: nbformat.NotebookNode | None = None) -> Path:
    """Write the jupytext percent-script twin ``NN-name.py`` of a notebook."""
    import jupytext
    import nbformat

    nb = nb if nb is not None else nbformat.read(path, as_version=4)
    twin = path.with_suffix(".py")
    tmp = twin.with_name(f".{twin.name}.tmp")
    tmp.write_text(jupytext.writes(nb, fmt="py:percent"), encoding="utf-8")
    os.replace(tmp, twin)
    return twin


def _kernel_config():
    """Kernel set-up for every notebook run: CurveZMQ encryption of the kernel's sockets.

    ipykernel's own kernelspec declares Curve support and pyzmq's wheels carry libsodium, so
    with ``transport_encryption = "auto"`` the kernel manager provisions keys and the kernel's
    TCP traffic on localhost is encrypted.  Without it every run printed ipykernel's warning
    "Kernel is running over TCP without encryption" once per notebook; "auto" falls back to
    plain TCP (and so to that warning) only where Curve is unavailable.
    """
    from traitlets.config import Config

    return Config({"KernelManager": {"transport_encryption": "auto"}})


def _deterministic_env() -> None:
    os.environ["PYTHONHASHSEED"] = "0"
    os.environ.pop("MPLBACKEND", None)  # Agg would remove inline figures from the outputs


def run_in_place(path: Path, *, timeout: int = 1800) -> float:
    """Execute ``path`` top to bottom in its own folder and store it with its outputs."""
    import nbformat
    from nbclient import NotebookClient

    _deterministic_env()
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    t0 = time.perf_counter()
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL,
        config=_kernel_config(),
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    clean_notebook(nb)
    tmp = path.with_name(f".{path.name}.tmp")
    nbformat.write(nb, tmp)
    os.replace(tmp, path)
    write_twin(path, nb)
    return time.perf_counter() - t0


def run_with_papermill(nb: Path, target: Path, *, corpus: Path, figures: Path, languages: str = "") -> None:
    """Execute ``nb`` into ``target`` with ``CORPUS`` and ``FIGURES`` injected (papermill), and
    ``LANGUAGES`` when ``languages`` is given.

    ``MPLBACKEND`` is removed while the kernel starts (Agg would drop inline figures) and put
    back afterwards.  A cell that fails raises ``papermill.PapermillExecutionError``; the
    executed notebook, with the error, is written all the same.
    """
    import papermill as pm

    backend = os.environ.pop("MPLBACKEND", None)
    try:
        pm.execute_notebook(
            str(nb),
            str(target),
            parameters={
                "CORPUS": str(corpus),
                "FIGURES": str(figures),
                **({"LANGUAGES": languages} if languages else {}),
            },
            cwd=str(nb.parent),
            kernel_name=KERNEL,
            progress_bar=False,
            config=_kernel_config(),
        )
    finally:
        if backend is not None:
            os.environ["MPLBACKEND"] = backend


def run_notebooks(
    corpus: Path,
    out: Path,
    *,
    before: Callable[[Path], None] | None = None,
    only: list[str] | None = None,
    languages: str = "",
) -> dict[str, str]:
    """Run every notebook (or those named in ``only``) on ``corpus`` with papermill into ``out``,
    on the articles in ``languages`` only when given (the notebooks' ``LANGUAGES``).

    Figures go to ``out/figures``.
    Returns each notebook's status: ``""`` when it ran through, else why it stopped (a notebook
    that cannot proceed on a corpus, too small or undated, stops with its own message; the
    others still run).  ``before(notebook)`` is called as each one starts.
    """
    import papermill as pm

    _deterministic_env()
    figs = out / "figures"
    figs.mkdir(parents=True, exist_ok=True)
    status: dict[str, str] = {}
    for nb in notebooks():
        if only and nb.name not in only:
            continue
        if before is not None:
            before(nb)
        target = out / nb.name
        shown = target.relative_to(REPO_ROOT) if target.is_relative_to(REPO_ROOT) else target
        print(f"running {nb.name} on {corpus.name} -> {shown}")
        try:
            run_with_papermill(nb, target, corpus=corpus, figures=figs, languages=languages)
            status[nb.name] = ""
        except pm.PapermillExecutionError as exc:
            status[nb.name] = f"{exc.ename}: {exc.evalue}"
            print(f"  {nb.name} stopped: {status[nb.name]}")
    return status


def run_folder(corpus: Path, languages: str = "", *, root: Path | None = None) -> Path:
    """Where a run on ``corpus`` goes: ``runs/<folder name>``, with ``-<code>`` per language when
    cut to some, in alphabetical order whatever the order asked (``runs/crawl-ru-vi``); a
    malformed ``languages`` raises ``ValueError``.

    >>> run_folder(Path("/data/crawl"), "vi, ru", root=Path("runs")).as_posix()
    'runs/crawl-ru-vi'
    """
    suffix = "".join(f"-{c}" for c in sorted(parse_languages(languages)))
    return (root or REPO_ROOT / "runs") / f"{Path(corpus).resolve().name}{suffix}"


def run_on_corpus(
    corpus: Path, *, out_root: Path | None = None, only: list[str] | None = None, languages: str = ""
) -> Path:
    """Run every notebook (or those named in ``only``) on ``corpus`` with papermill into
    ``runs/<name>/``, or, for the articles in some ``languages`` only, ``runs/<name>-<codes>/``
    (``runs/crawl-ru-vi/``), so that runs on one language at a time sit side by side."""
    corpus = corpus.resolve()
    if not corpus.is_dir():
        raise SystemExit(f"defcoop: corpus {corpus} is not a folder")
    try:
        out = run_folder(corpus, languages, root=out_root)
    except ValueError as exc:
        raise SystemExit(f"defcoop: --languages {exc}") from None
    status = run_notebooks(corpus, out, only=only, languages=",".join(parse_languages(languages)))
    stopped = [name for name, why in status.items() if why]
    if stopped:
        print(f"{len(stopped)} notebook(s) stopped early: {', '.join(stopped)} (see their last cell in {out})")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m defcoop.app.workbook", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="execute every notebook (on seeds/ in place, or on --corpus into runs/)")
    run.add_argument("--corpus", type=Path, help="a folder of articles; results go to runs/<folder name>/")
    run.add_argument(
        "--languages",
        default="",
        help='with --corpus: only articles in these languages, e.g. "vi,ru" (results in runs/<folder>-ru-vi/)',
    )
    run.add_argument("notebook", nargs="*", help="only these notebooks (file names)")
    sub.add_parser("twins", help="rewrite the jupytext twins from the notebooks")
    args = parser.parse_args(argv)
    if args.cmd == "twins":
        for nb in notebooks():
            write_twin(nb)
        return 0
    if args.corpus:
        out = run_on_corpus(args.corpus, only=args.notebook, languages=args.languages)
        print(f"done: notebooks and figures in {out}")
        return 0
    if args.languages:
        parser.error("--languages needs --corpus (the notebooks in notebooks/ keep the seeds' outputs)")
    chosen = [nb for nb in notebooks() if not args.notebook or nb.name in args.notebook]
    for nb in chosen:
        secs = run_in_place(nb)
        print(f"executed {nb.name} in {secs:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
