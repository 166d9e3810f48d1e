"""Score the annotator on the real development corpora in ``benchmarks/devsets/`` (issue 15).

Each corpus is a folder with ``manifest.jsonl`` (the pages: URL, outlet, SHA-256 of the saved
text), ``gold.jsonl`` (facts written by a reader who did not see the annotator's code, in the
conventions of ``../shared/EVALUATION.md``) and ``pages/``, the page texts, which are never
committed (see each corpus's README for how to rebuild them).  For every corpus whose pages are
present, this runs ``defcoop annotate pages -o out.jsonl`` (the held-out set's interface) and
prints the held-out measures, per corpus and for all together::

    .venv/bin/python benchmarks/score_devsets.py [--errors] [NAME ...]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

import pandas as pd

from defcoop.app.cli import main as defcoop
from defcoop.app.pagescore import read_jsonl, score_pages

HERE = Path(__file__).resolve().parent / "devsets"


def _check_pages(folder: Path) -> list[str]:
    """Problems with the saved pages against the manifest (missing or changed files)."""
    problems = []
    for row in read_jsonl(folder / "manifest.jsonl"):
        path = folder / "pages" / row["file"]
        if not path.is_file():
            problems.append(f"{row['file']}: missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row["sha256"]:
            problems.append(f"{row['file']}: differs from the manifest's SHA-256")
    return problems


def _prefixed(rows: list[dict], name: str) -> list[dict]:
    """``rows`` with their ``doc_id`` and ``duplicate_of`` made ``NAME/ID``, so that the pages of
    several corpora can be scored together."""
    return [
        {**r, "doc_id": f"{name}/{r['doc_id']}"}
        | ({"duplicate_of": f"{name}/{r['duplicate_of']}"} if r.get("duplicate_of") else {})
        for r in rows
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="corpora to score (default: every one with pages)")
    ap.add_argument("--errors", action="store_true", help="list the pages that differ, per measure")
    args = ap.parse_args()
    folders = [HERE / n for n in args.names] if args.names else sorted(p for p in HERE.iterdir() if p.is_dir())
    all_pred, all_gold = [], []
    for folder in folders:
        if not (folder / "pages").is_dir():
            print(f"{folder.name}: no pages/ (rebuild them as its README says); not scored")
            continue
        problems = _check_pages(folder)
        if problems:
            print(f"{folder.name}: {len(problems)} page(s) do not match the manifest: {problems[:3]}")
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out.jsonl"
            if defcoop(["annotate", str(folder / "pages"), "-o", str(out), "--no-cache"]) != 0:
                return 1
            pred = read_jsonl(out)
        gold = read_jsonl(folder / "gold.jsonl")
        table, errors = score_pages(pred, gold)
        print(f"\n## {folder.name}: {len(gold)} pages")
        with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 120):
            print(table.to_string(index=False))
        if args.errors:
            for measure, errs in errors.items():
                for e in errs:
                    print(f"  {measure}: {e}")
        all_pred += _prefixed(pred, folder.name)
        all_gold += _prefixed(gold, folder.name)
    if len({g["doc_id"].split("/")[0] for g in all_gold}) > 1:
        table, _ = score_pages(all_pred, all_gold)
        print(f"\n## all: {len(all_gold)} pages")
        with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 120):
            print(table.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
