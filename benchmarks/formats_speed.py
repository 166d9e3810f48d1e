"""Loading N generated articles from N ``.txt`` files against one JSON-lines file (issue 17).

Writes the corpus of ``benchmarks/make_corpus.py`` (seed 1) once as files and once as
``corpus.jsonl`` (``{"url", "text"}`` a line, the same texts), then times a cold
``defcoop.load(..., cache=False)`` of each (all cores) and a load with a warm cache, in fresh
processes, and prints the figures::

    .venv/bin/python benchmarks/formats_speed.py [N ...]      # default: 10000
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import write_corpus  # noqa: E402

RUN = """
import sys, time, resource, defcoop
t = time.perf_counter()
c = defcoop.load(sys.argv[1], cache=sys.argv[2] if sys.argv[2] != "-" else False)
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{len(c.docs)} {len(c.skipped)} {dt:.2f} {peak:.0f} {kids:.0f}")
"""


def _load(path: Path, cache: str) -> tuple[int, int, float, float, float]:
    out = subprocess.run([sys.executable, "-c", RUN, str(path), cache], capture_output=True, text=True, check=True)
    n, skipped, secs, peak, kids = out.stdout.split()
    return int(n), int(skipped), float(secs), float(peak), float(kids)


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            files = Path(tmp) / "files"
            write_corpus(n, files, seed=1)
            lines = Path(tmp) / "jsonl"
            lines.mkdir()
            texts = sorted(p for p in files.rglob("*.txt"))
            t = time.perf_counter()
            with (lines / "corpus.jsonl").open("w", encoding="utf-8") as fh:
                for p in texts:
                    rec = {"url": f"https://example.org/{p.stem}", "text": p.read_text(encoding="utf-8")}
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            size = (lines / "corpus.jsonl").stat().st_size / 1e6
            took = time.perf_counter() - t
            print(f"\n{n:,} articles ({len(texts):,} files; corpus.jsonl {size:.0f} MB, written in {took:.1f} s)")
            cols = ("articles", "skipped", "seconds", "art/s", "peak MB", "workers MB")
            print(f"{'':34s} " + " ".join(f"{c:>10s}" for c in cols))
            for name, where in (("txt files", files), ("one JSON-lines file", lines)):
                cache = str(Path(tmp) / f"cache-{name[:3]}")
                for label, c in (("cold, no cache", "-"), ("cold, into a cache", cache), ("warm cache", cache)):
                    docs, skipped, secs, peak, kids = _load(where, c)
                    row = (
                        f"{docs:,d}",
                        f"{skipped:,d}",
                        f"{secs:.2f}",
                        f"{docs / secs:.0f}",
                        f"{peak:.0f}",
                        f"{kids:.0f}",
                    )
                    print(f"{name + ', ' + label:34.34s} " + " ".join(f"{v:>10s}" for v in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
