"""Command line: ``defcoop annotate DIR -o OUT`` and ``defcoop score [GOLD]``.

``python -m defcoop ...`` works the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from defcoop.export import write_csv
from defcoop.schema import ARTICLE_COLUMNS, LIST_COLUMNS

__all__ = ["main"]


def _write_table(df: pd.DataFrame, out: Path, *, list_columns: tuple[str, ...] = ()) -> None:
    """Write ``df`` in the format named by ``out``'s extension (.csv, .jsonl, .parquet)."""
    suffix = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    if suffix == ".csv":
        flat = df.copy()
        for c in list_columns:
            flat[c] = flat[c].map(lambda xs: ";".join(xs))
        write_csv(flat, tmp)  # text cells that would start a formula get a leading ' (defcoop.export)
    elif suffix == ".jsonl":
        with tmp.open("w", encoding="utf-8") as fh:
            for row in df.to_dict("records"):
                clean = {k: (list(v) if k in list_columns else v) for k, v in row.items()}
                fh.write(json.dumps(clean, ensure_ascii=False, default=str) + "\n")
    elif suffix == ".parquet":
        df.to_parquet(tmp, index=False)
    else:
        raise SystemExit(f"defcoop: cannot write {out.name}: use a .csv, .jsonl or .parquet file name")
    tmp.replace(out)


def _annotate(args: argparse.Namespace) -> int:
    from defcoop.load import load

    cache = False if args.no_cache else (args.cache or True)
    try:
        fields = dict(_field_arg(f) for f in args.field or [])
    except ValueError as exc:
        print(f"defcoop: {exc}", file=sys.stderr)
        return 2
    if args.dask:
        try:
            from dask.distributed import Client
        except ImportError:
            print("defcoop: --dask needs the dask extra: pip install 'defcoop[dask]'", file=sys.stderr)
            return 2
        from defcoop.engine.distributed import annotate_with_dask

        with Client(args.dask) as client:
            n = annotate_with_dask(args.corpus, client, cache=None if cache is True else cache or None, fields=fields)
        print(f"defcoop: {n} files annotated on {args.dask}", file=sys.stderr)
        cache = cache or True
    try:
        corpus = load(args.corpus, cache=cache, workers=args.workers, fields=fields)
    except (FileNotFoundError, NotADirectoryError, ValueError) as exc:
        print(f"defcoop: {exc}", file=sys.stderr)
        return 2
    n_found = len(corpus.docs) + len(corpus.skipped)
    if len(corpus.skipped):
        print(f"defcoop: {len(corpus.skipped)} of {n_found} files or records skipped:", file=sys.stderr)
        for reason, group in corpus.skipped.groupby("reason", sort=True):
            print(f"  {len(group):>6}  {reason}", file=sys.stderr)
            for path, record in zip(group["path"].head(5), group["record"].head(5), strict=True):
                print(f"          {path!r}" + (f" {record}" if record else ""), file=sys.stderr)
    if corpus.docs.empty:
        print(f"defcoop: nothing could be loaded from {args.corpus} ({n_found} files found)", file=sys.stderr)
        return 1
    _write_table(corpus.docs[ARTICLE_COLUMNS], args.output, list_columns=LIST_COLUMNS)
    if args.mentions:
        _write_table(corpus.mentions, args.mentions)
    print(f"defcoop: {len(corpus.docs)} articles annotated -> {args.output}", file=sys.stderr)
    return 0


def _field_arg(text: str) -> tuple[str, str]:
    """``FIELD=NAME`` of ``--field``."""
    field, sep, name = text.partition("=")
    if not sep or not field.strip() or not name.strip():
        raise ValueError(f"--field {text!r}: write it as FIELD=NAME, e.g. --field text=body")
    return field.strip(), name.strip()


def _print_errors(errors: dict[str, list[str]], what: str) -> None:
    for field, errs in errors.items():
        if errs:
            print(f"\n{field}: {len(errs)} {what}")
            for e in errs:
                print(f"  {e}")


def _score(args: argparse.Namespace) -> int:
    from defcoop.app.evaluate import score

    table, errors = score(args.gold)
    with pd.option_context("display.width", 120, "display.max_rows", 200):
        print(table.to_string(index=False))
    if args.errors:
        _print_errors(errors, "article(s) differ")
    return 0


def _score_pages(args: argparse.Namespace) -> int:
    from defcoop.app.pagescore import read_jsonl, score_pages

    table, errors = score_pages(read_jsonl(args.predicted), read_jsonl(args.gold))
    with pd.option_context("display.width", 120, "display.float_format", "{:.3f}".format):
        print(table.to_string(index=False))
    if args.errors:
        _print_errors(errors, "page(s) differ (predicted | gold)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="defcoop", description="Defence-diplomacy news workbook tools.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("annotate", help="annotate a folder of articles; one row per article")
    a.add_argument("corpus", type=Path, help="folder of article files (read recursively, never written)")
    a.add_argument("-o", "--output", type=Path, required=True, help="articles table: .csv, .jsonl or .parquet")
    a.add_argument("--mentions", type=Path, help="also write the mentions (evidence) table here")
    a.add_argument("--cache", type=Path, help="cache folder (default $DEFCOOP_CACHE or ~/.cache/defcoop)")
    a.add_argument("--no-cache", action="store_true", help="annotate everything again, write no cache")
    a.add_argument("--workers", type=int, help="processes to annotate with (default: all cores for big corpora)")
    a.add_argument("--dask", metavar="SCHEDULER", help="annotate on this Dask scheduler (e.g. tcp://host:8786)")
    a.add_argument(
        "--field",
        action="append",
        metavar="FIELD=NAME",
        help="the name of a field in your JSON/CSV records (text, url, title, date, crawl_date, outlet, language);"
        " repeat for several",
    )
    a.set_defaults(func=_annotate)
    s = sub.add_parser("score", help="score the annotator against a gold file")
    s.add_argument("gold", type=Path, nargs="?", default=Path("tests/gold/gold.jsonl"))
    s.add_argument("--errors", action="store_true", help="list every article that differs from gold")
    s.set_defaults(func=_score)
    sp = sub.add_parser("score-pages", help="score annotate's JSON lines on real pages against gold, held-out style")
    sp.add_argument("gold", type=Path, help="gold JSON lines: doc_id, date, date_basis, partners, officials, ...")
    sp.add_argument("predicted", type=Path, help="the JSON lines of `defcoop annotate DIR -o out.jsonl`")
    sp.add_argument("--errors", action="store_true", help="list every page that differs, per measure")
    sp.set_defaults(func=_score_pages)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
