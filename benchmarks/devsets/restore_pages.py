"""Restore the git-ignored page texts of the devsets from saved `search` answers.

A fresh checkout has each devset's manifest and gold but no pages/ folder. To
get the pages back, run the `search` tool (corpus `pages`) with each distinct
`query` of a devset's manifest.jsonl and append the result objects of its
answer, one JSON object a line, exactly as the tool returned them (at least
`url` and `excerpt`), to `<devset>/pages/_restore/<anything>.jsonl`. Then

    python benchmarks/devsets/restore_pages.py [DEVSET ...]

writes `pages/<file>` for every manifest line whose url has a saved result
with the recorded sha256, and lists the lines still missing or only found in
another version (a different sha256, e.g. another stored crawl of the URL).
It never rewrites a manifest. Exit status 1 while any page is missing.
"""

import glob
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _saved(pages):
    """url -> list of distinct excerpts seen in pages/_restore/*.jsonl."""
    out = {}
    for f in sorted(glob.glob(os.path.join(pages, "_restore", "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    print(f"{os.path.relpath(f, HERE)}:{i}: not JSON ({e.msg}); line ignored")
                    continue
                url, text = row.get("url"), row.get("excerpt")
                if isinstance(url, str) and isinstance(text, str):
                    seen = out.setdefault(url, [])
                    if text not in seen:
                        seen.append(text)
    return out


def restore(devset):
    here = os.path.join(HERE, devset)
    pages = os.path.join(here, "pages")
    saved = _saved(pages)
    ok = missing = 0
    with open(os.path.join(here, "manifest.jsonl"), encoding="utf-8") as fh:
        manifest = [json.loads(line) for line in fh if line.strip()]
    for m in manifest:
        target = os.path.join(pages, m["file"])
        if os.path.exists(target):
            with open(target, "rb") as fh:
                data = fh.read()
            if hashlib.sha256(data).hexdigest() == m["sha256"]:
                ok += 1
                continue
        found = None
        versions = saved.get(m["url"], [])
        for text in versions:
            data = text.encode("utf-8")
            if hashlib.sha256(data).hexdigest() == m["sha256"]:
                found = data
                break
        if found is None:
            missing += 1
            why = f"{len(versions)} other version(s) saved" if versions else "no saved result"
            print(f"{devset}: MISSING {m['file']} ({why}; query: {m['query']!r})")
            continue
        os.makedirs(pages, exist_ok=True)
        with open(target, "wb") as out:
            out.write(found)
        ok += 1
    print(f"{devset}: {ok} of {len(manifest)} pages in place")
    return missing


def main(argv):
    names = argv or sorted(d for d in os.listdir(HERE) if os.path.isfile(os.path.join(HERE, d, "manifest.jsonl")))
    missing = sum(restore(d) for d in names)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
