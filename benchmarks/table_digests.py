"""Record, or check, the fingerprint of the tables of generated corpora (issue 19).

The speed work must leave every table as it is.  ``tests/engine/test_table_identity.py`` loads the
same generated corpora (2,000 articles shaped like the seeds, 300 shaped like a crawl) and compares
the digests of their tables (:mod:`defcoop.engine.digest`: rows and a SHA-256 of every row) with
those recorded in ``tests/engine/table_digests.json``.

    .venv/bin/python benchmarks/table_digests.py            # check: print what differs
    .venv/bin/python benchmarks/table_digests.py --record   # after an intended change of output

Re-record only when the output is meant to change (a rule or a lexicon of the annotator, the
generator), and say so in the commit: a speed change that needs a new record changed the output.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (benchmarks/ is not a package)

import defcoop  # noqa: E402
from defcoop.engine.digest import differences, table_digests  # noqa: E402

RECORD = HERE.parent / "tests" / "engine" / "table_digests.json"
#: The corpora recorded: (articles, seed, make_corpus shape).  The second is shaped like a crawl
#: (news-please JSON lines, invented officials, truncated copies, undated and off-topic pages).
CORPORA = [(2000, 1, "seed"), (300, 1, "real")]


def digest_corpus(n: int, seed: int, shape: str, tmp: Path) -> dict:
    """The record of one generated corpus: its size, seed, shape, content hash and table digests."""
    root = tmp / f"{shape}-{n}-{seed}"
    info = make_corpus.write_corpus(n, root, seed=seed, jobs=1, shape=shape)
    t = time.perf_counter()
    corpus = defcoop.load(root, cache=False, workers=1, progress=False)
    print(f"loaded {len(corpus.docs):,} generated articles ({shape} shape) in {time.perf_counter() - t:.1f} s")
    return {
        "n": n,
        "seed": seed,
        "shape": shape,
        "content_sha256": info["content_sha256"],
        "tables": table_digests(corpus),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--record", action="store_true", help=f"write {RECORD.relative_to(HERE.parent)}")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        got = [digest_corpus(n, seed, shape, Path(tmp)) for n, seed, shape in CORPORA]
    if args.record:
        RECORD.write_text(json.dumps({"corpora": got}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {RECORD.relative_to(HERE.parent)}")
        return 0
    want = json.loads(RECORD.read_text(encoding="utf-8"))["corpora"]
    status = 0
    for g, w in zip(got, want, strict=True):
        name = f"{g['shape']} {g['n']}"
        if w["content_sha256"] != g["content_sha256"]:
            print(f"{name}: the generator writes another corpus than the one recorded: re-record with --record")
            status = 1
            continue
        diff = differences(g["tables"], w["tables"])
        print(f"{name}: " + ("; ".join(diff) if diff else "every table as recorded"))
        status |= bool(diff)
    return status


if __name__ == "__main__":
    sys.exit(main())
