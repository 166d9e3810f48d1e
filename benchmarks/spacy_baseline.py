"""Baseline for ``benchmarks/annotate.py``: the same lexicon matched with spaCy's PhraseMatcher.

Run with the separate spaCy venv (spaCy is not a dependency of defcoop)::

    /tmp/spacyenv/bin/python benchmarks/spacy_baseline.py DIR --lexicon LEXICON.json

``LEXICON.json`` is written by ``benchmarks/annotate.py`` from defcoop's data (registry name
forms, country names and demonyms, theme include phrases), so this script needs only spaCy
and the standard library.  For every ``*.txt`` file under ``DIR`` (sorted) it reads the bytes,
decodes UTF-8, drops the crawler's `` date YYYY-MM-DD`` header, tokenises with
``nlp.make_doc`` of a blank English pipeline and runs a ``PhraseMatcher(attr="LOWER")``.
That is less than defcoop does (no furniture, sentences, diacritic folding, resolution,
dates or duplicates), so the comparison flatters the baseline.

Prints one JSON object: seconds (reading + tokenising + matching, after building the
matcher), articles_per_s, peak_rss_mb, matches, articles, build_seconds.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

HEADER = re.compile(r"\A\ufeff?[ \t]?date[ \t]+\d{4}-\d{2}(?:-\d{2})?[ \t]*")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="spaCy PhraseMatcher baseline")
    ap.add_argument("dir", type=Path)
    ap.add_argument("--lexicon", type=Path, required=True, help="JSON written by benchmarks/annotate.py")
    args = ap.parse_args(argv)

    import spacy
    from spacy.matcher import PhraseMatcher

    t0 = time.perf_counter()
    lex = json.loads(args.lexicon.read_text(encoding="utf-8"))
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    n_patterns = 0
    for label in sorted(lex):
        phrases = sorted(set(lex[label]))
        matcher.add(label, list(nlp.tokenizer.pipe(phrases)))
        n_patterns += len(phrases)
    build = time.perf_counter() - t0

    files = sorted(p for p in args.dir.rglob("*.txt") if p.is_file())
    t1 = time.perf_counter()
    matches = 0
    for p in files:
        text = HEADER.sub("", p.read_bytes().decode("utf-8", errors="replace"), count=1)
        doc = nlp.make_doc(text)
        matches += len(matcher(doc))
    seconds = time.perf_counter() - t1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "tool": f"spaCy {spacy.__version__} PhraseMatcher(attr=LOWER) on nlp.make_doc",
        "articles": len(files),
        "patterns": n_patterns,
        "build_seconds": round(build, 3),
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(files) / seconds, 1) if seconds else None,
        "peak_rss_mb": round(rss_mb, 1),
        "matches": matches,
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
