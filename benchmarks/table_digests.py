"""Record, or check, the fingerprint of the tables of 2,000 generated articles (issue 19).

The speed work must leave every table as it is.  ``tests/engine/test_table_identity.py`` loads the
same generated corpus and compares the digests of its tables (:mod:`defcoop.engine.digest`: rows
and a SHA-256 of every row) with those recorded in ``tests/engine/table_digests.json``.

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
N, SEED = 2000, 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--record", action="store_true", help=f"write {RECORD.relative_to(HERE.parent)}")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        info = make_corpus.write_corpus(N, Path(tmp) / "corpus", seed=SEED, jobs=1)
        t = time.perf_counter()
        corpus = defcoop.load(Path(tmp) / "corpus", cache=False, workers=1, progress=False)
        print(f"loaded {len(corpus.docs):,} generated articles in {time.perf_counter() - t:.1f} s")
    got = {"n": N, "seed": SEED, "content_sha256": info["content_sha256"], "tables": table_digests(corpus)}
    if args.record:
        RECORD.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {RECORD.relative_to(HERE.parent)}")
        return 0
    want = json.loads(RECORD.read_text(encoding="utf-8"))
    if want["content_sha256"] != got["content_sha256"]:
        print("the generator writes another corpus than the one recorded: re-record with --record")
        return 1
    diff = differences(got["tables"], want["tables"])
    print("\n".join(diff) if diff else "every table as recorded")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
