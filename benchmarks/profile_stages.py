"""Where the annotation time of one process goes, stage by stage (issue 19: profile first).

    .venv/bin/python benchmarks/profile_stages.py [N] [--seed S] [--top K]

Generates N articles (default 2,000) with ``make_corpus.py``, annotates them once in this process
with :func:`defcoop.engine.process.process_chunk` (what a worker runs on its chunk: read, parse,
identify the language, annotate, sign for de-duplication, build the chunk's tables) to warm the
lexicons and measure the plain time, then again under cProfile.  It prints:

* the plain milliseconds per article (no profiler);
* each stage's share: the cumulative profiled time of the function that does it, per article,
  and as a share of the whole (the profiler slows small calls more than large ones, so shares
  are a guide, not a measurement);
* the functions with the most time of their own (``tottime``), where no stage dominates.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (benchmarks/ is not a package)

from defcoop.engine.process import process_chunk  # noqa: E402

#: (label, file suffix, function name) of each stage, in the order a worker runs them.
STAGES = [
    ("whole chunk", "engine/process.py", "process_chunk"),
    ("  read and decode the bytes", "engine/process.py", "_article_text"),
    ("  parse: furniture, title, datelines, sentences", "reading/parse.py", "parse_article"),
    ("  language", "annotate/language.py", "detect_language"),
    ("  annotate (rules 1-8)", "annotate/pipeline.py", "annotate_article"),
    ("    one automaton pass (every lexicon)", "annotate/document.py", "scan"),
    ("    1 full names", "annotate/names.py", "find_full_names"),
    ("    2 date from the text", "annotate/dates.py", "date_from_text"),
    ("    3 short mentions", "annotate/short_mentions.py", "find_short_mentions"),
    ("    4 title-only mentions", "annotate/titles.py", "find_title_only"),
    ("    5 unregistered officials", "annotate/unregistered.py", "find_unregistered"),
    ("    actors recorded", "annotate/actors.py", "record_actors"),
    ("    6 countries and partners", "annotate/partners.py", "find_partners"),
    ("    7 themes", "annotate/themes.py", "find_themes"),
    ("    8 on topic", "annotate/on_topic.py", "is_on_topic"),
    ("  MinHash signature", "annotate/copies.py", "signature"),
    ("  the chunk's tables", "engine/process.py", "_tuple_frame"),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        make_corpus.write_corpus(args.n, root, seed=args.seed, jobs=1)
        files = sorted(p for p in root.rglob("*.txt"))
        items = [(p.stem, os.path.relpath(p, root), p.read_bytes()) for p in files]
    process_chunk(items[:50])  # (lexicons and automata built once, as in a worker)
    t = time.perf_counter()
    process_chunk(items)
    plain = time.perf_counter() - t
    prof = cProfile.Profile()
    prof.enable()
    process_chunk(items)
    prof.disable()
    stats = pstats.Stats(prof)
    n = len(items)
    print(f"{n:,} generated articles (seed {args.seed}), one process")
    print(f"plain: {plain:.2f} s, {1000 * plain / n:.2f} ms per article, {n / plain:,.0f} articles/s\n")
    cum = {}
    for (file, _line, func), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():
        cum[(file.replace(os.sep, "/"), func)] = cum.get((file.replace(os.sep, "/"), func), 0.0) + ct
    whole = next((v for (f, fn), v in cum.items() if f.endswith("engine/process.py") and fn == "process_chunk"), 0.0)
    print(f"{'stage (cumulative, profiled)':52} {'ms/article':>10} {'share':>7}")
    for label, suffix, func in STAGES:
        v = sum(t for (f, fn), t in cum.items() if f.endswith(suffix) and fn == func)
        print(f"{label:52} {1000 * v / n:10.3f} {v / whole:7.1%}" if whole else label)
    print(f"\nthe {args.top} functions with the most time of their own (profiled):")
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[: args.top]
    print(f"{'tottime ms/art':>14} {'calls/art':>9}  function")
    for (file, line, func), (_cc, nc, tt, _ct, _callers) in rows:
        where = file.split("site-packages/")[-1].split("lib/defcoop/")[-1] if "/" in file else file
        print(f"{1000 * tt / n:14.3f} {nc / n:9.1f}  {where}:{line}({func})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
