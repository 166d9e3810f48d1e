"""Score the annotator on the real development corpora in ``benchmarks/devsets/`` (issue 15).

Each corpus is a folder with ``manifest.jsonl`` (the pages: URL, outlet, SHA-256 of the saved
text), ``gold.jsonl`` (facts written by a reader who did not see the annotator's code, in the
conventions of ``../shared/EVALUATION.md``) and ``pages/``, the page texts, which are never
committed (see each corpus's README for how to rebuild them).  For every corpus whose pages are
present, this runs ``defcoop annotate pages -o out.jsonl`` (the held-out set's interface) and
prints the held-out measures, per corpus and for all together::

    .venv/bin/python benchmarks/score_devsets.py [--errors] [--save-pred DIR] [--pred DIR] [NAME ...]

Only the pages of the manifest are annotated (linked into a temporary folder), so that files a
corpus keeps beside them (the tool's raw answers, dropped candidates) play no part.  Pages of a
corpus in several languages are also scored per language.  ``--save-pred DIR`` keeps each
corpus's predictions as ``DIR/NAME.jsonl``; ``--pred DIR`` scores such saved predictions instead
of annotating (to score an older version of the annotator with today's scorer).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path

import pandas as pd

from defcoop.app.cli import main as defcoop
from defcoop.app.pagescore import read_jsonl, score_pages, theme_scores
from defcoop.text import fold

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


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(s or "").lower())


def _by_language(pred: list[dict], gold: list[dict], label: str) -> None:
    """The measures per language of the gold pages, when they are in more than one."""
    languages = sorted({g.get("language", "") for g in gold})
    if len(languages) < 2:
        return
    for lang in languages:
        ids = {g["doc_id"] for g in gold if g.get("language", "") == lang}
        sub, _ = score_pages([r for r in pred if r["doc_id"] in ids], [g for g in gold if g["doc_id"] in ids])
        print(f"\n### {label}, {lang}: {len(ids)} pages")
        with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 120):
            print(sub.to_string(index=False))


def title_scores(folder: Path, pred: list[dict]) -> dict[str, tuple[int, int]]:
    """Titles against the manifest's (as its builder read them off the page), in two measures:
    ``in text``, the pages whose title is written in the saved text (its first 1,500 characters),
    that get it (the same words, or eight in ten of them); ``all``, the pages that get their title
    or, when the saved text has none, no title rather than a wrong one.  A bracketed note of the
    builder's after the title (``(short URL)``) is left out."""
    by_id = {r["doc_id"]: r for r in pred}
    present = [0, 0]
    every = [0, 0]
    for m in read_jsonl(folder / "manifest.jsonl"):
        r = by_id.get(m["file"][: -len(".txt")], {})
        text = (folder / "pages" / m["file"]).read_text(encoding="utf-8")
        title = re.sub(r"\s*[\(\[][^\)\]]*[\)\]]$", "", m.get("title", "")).strip("[] ")
        gold, got = _words(title), _words(r.get("title", ""))
        shown = " ".join(gold) and " ".join(gold) in " ".join(_words(text[:1500]))
        right = bool(got) and (got == gold or len(set(got) & set(gold)) / len(set(got) | set(gold)) >= 0.8)
        every[1] += 1
        if shown:
            present[1] += 1
            present[0] += right
            every[0] += right
        else:
            every[0] += not got
    return {"in text": tuple(present), "all": tuple(every)}


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
    ap.add_argument("--save-pred", metavar="DIR", help="keep each corpus's predictions as DIR/NAME.jsonl")
    ap.add_argument("--pred", metavar="DIR", help="score the predictions saved in DIR instead of annotating")
    ap.add_argument(
        "--validity",
        metavar="CSV",
        help="write the measures of all corpora scored (per field, per theme, titles) to this CSV",
    )
    args = ap.parse_args()
    folders = [HERE / n for n in args.names] if args.names else sorted(p for p in HERE.iterdir() if p.is_dir())
    all_pred, all_gold = [], []
    title_totals = {"in text": [0, 0], "all": [0, 0]}
    for folder in folders:
        if not (folder / "pages").is_dir():
            print(f"{folder.name}: no pages/ (rebuild them as its README says); not scored")
            continue
        problems = _check_pages(folder)
        if problems:
            print(f"{folder.name}: {len(problems)} page(s) do not match the manifest: {problems[:3]}")
        if args.pred:
            pred = read_jsonl(Path(args.pred) / f"{folder.name}.jsonl")
        else:
            with tempfile.TemporaryDirectory() as tmp:
                pages = Path(tmp) / "pages"
                pages.mkdir()
                for row in read_jsonl(folder / "manifest.jsonl"):
                    (pages / row["file"]).symlink_to(folder / "pages" / row["file"])
                out = Path(tmp) / "out.jsonl"
                if defcoop(["annotate", str(pages), "-o", str(out), "--no-cache"]) != 0:
                    return 1
                pred = read_jsonl(out)
            if args.save_pred:
                Path(args.save_pred).mkdir(parents=True, exist_ok=True)
                with open(Path(args.save_pred) / f"{folder.name}.jsonl", "w", encoding="utf-8") as fh:
                    fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in pred)
        gold = read_jsonl(folder / "gold.jsonl")
        table, errors = score_pages(pred, gold)
        print(f"\n## {folder.name}: {len(gold)} pages")
        with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 120):
            print(table.to_string(index=False))
        titles = title_scores(folder, pred)
        for key, (ok, n) in titles.items():
            title_totals[key][0] += ok
            title_totals[key][1] += n
            print(f"titles ({key}): {ok}/{n} = {ok / n:.3f}" if n else f"titles ({key}): none")
        _by_language(pred, gold, folder.name)
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
        for key, (ok, n) in title_totals.items():
            print(f"titles ({key}): {ok}/{n} = {ok / n:.3f}" if n else f"titles ({key}): none")
        _by_language(all_pred, all_gold, "all")
    if args.validity and all_gold:
        table, _ = score_pages(all_pred, all_gold)
        rows = [
            {
                "measure": r["measure"],
                "value": r["value"],
                "precision": r["precision"],
                "recall": r["recall"],
                "n": r["n"],
            }
            for r in table.to_dict("records")
        ]
        rows += [
            {
                "measure": f"theme {r['theme']}",
                "value": r["f1"],
                "precision": r["precision"],
                "recall": r["recall"],
                "n": r["n"],
            }
            for r in theme_scores(all_pred, all_gold).to_dict("records")
        ]
        rows += [
            {"measure": f"titles ({key})", "value": ok / n, "precision": None, "recall": None, "n": n}
            for key, (ok, n) in title_totals.items()
            if n
        ]
        pd.DataFrame(rows).to_csv(args.validity, index=False, float_format="%.3f")
    return 0


if __name__ == "__main__":
    sys.exit(main())
