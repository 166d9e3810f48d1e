"""What it costs that every ``defcoop.load`` call hands out tables of the caller's own (issue 13).

Run from the repository root on a generated corpus (``benchmarks/make_corpus.py``)::

    .venv/bin/python benchmarks/memo_handout.py /tmp/corpus-100k --cache /tmp/defcoop-bench-cache

It loads the corpus once (filling or reading the cache), then times repeated ``load`` calls
that hit the in-process memo (each one a shallow, copy-on-write copy of every table plus a copy
of the list cells), and prints the process's resident memory before and after holding them.
Finally it edits one column of a handed-out corpus and times the copy that the edit triggers.
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
from pathlib import Path

import defcoop


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--cache", type=Path, default=None, help="cache folder (default: defcoop's)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    cache = args.cache if args.cache is not None else True

    t0 = time.perf_counter()
    first = defcoop.load(args.corpus, cache=cache)
    print(
        f"first load: {time.perf_counter() - t0:.2f} s, {len(first.docs):,} articles, {len(first.mentions):,} mentions"
    )
    gc.collect()
    base = _rss_mb()
    held, times = [first], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        held.append(defcoop.load(args.corpus, cache=cache))
        times.append(time.perf_counter() - t0)
    gc.collect()
    per = (_rss_mb() - base) / args.repeat
    times.sort()
    print(
        f"memo hit (own tables): median {times[len(times) // 2] * 1000:.0f} ms, "
        f"min {times[0] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms over {args.repeat} calls"
    )
    print(f"resident memory per extra corpus held: {per:.1f} MB (process {_rss_mb():.0f} MB)")
    from defcoop.load import _MEMO, _handout

    memo = next(reversed(_MEMO.values()))
    parts = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        _handout(memo)
        parts.append(time.perf_counter() - t0)
    parts.sort()
    print(
        f"  of which the copies themselves: median {parts[len(parts) // 2] * 1000:.0f} ms "
        "(the rest is finding and stat-ing the files to build the memo key)"
    )
    c = held[-1]
    t0 = time.perf_counter()
    c.docs.loc[c.docs.index[0], "outlet"] = "EDITED"
    print(f"first in-place edit of a docs column (copies that column): {(time.perf_counter() - t0) * 1000:.0f} ms")
    assert held[0].docs["outlet"].iloc[0] != "EDITED"


if __name__ == "__main__":
    main()
