"""Shared code of the devsets' build.py scripts (real-b, real-c, real-d, lang-a, lang-b).

Each devset folder holds pages/_raw/*.jsonl, one JSON object per page with the
fields n, url, query, excerpt, where `excerpt` is the text the `search` tool
(corpus `pages`) returned for `url` when asked `query`, copied verbatim from
the tool's JSON answer. Its build.py writes pages/NNN_<slug>.txt and
manifest.jsonl from them, or checks existing pages against the manifest.
pages/ is git-ignored: page texts are never committed, only the build script,
manifest.jsonl, gold.jsonl and README.md.

A devset's build.py keeps only its META table, which maps n to
(slug, title, outlet, kind, excerpt) when every page has one language, or to
(slug, title, outlet, language, kind, excerpt) otherwise, plus any option of
its own, and calls `main`:

    python build.py            # (re)write pages/*.txt and manifest.jsonl
    python build.py --check    # compare existing pages/*.txt with manifest

excerpt=True in META: the tool's text stops at its length limit (about 2,000
UTF-8 bytes, 1,914 when a ` date` header is present) or visibly mid-sentence,
or the stored text starts in the middle of the article.
"""

import glob
import hashlib
import json
import os
import re
import sys
import unicodedata


def url_key(u):
    """sha256 hex of a URL lower-cased and stripped of its scheme, a leading
    `www.` and trailing slashes (the held-out and cross-devset key)."""
    u = re.sub(r"^https?://", "", u.strip().lower())
    u = re.sub(r"^www\.", "", u).rstrip("/")
    return hashlib.sha256(u.encode()).hexdigest()


def norm_text(t):
    """Whitespace/NFC-normalised text, for a rebuild check that tolerates
    invisible differences (NBSP vs space, runs of blank lines)."""
    t = unicodedata.normalize("NFC", t).replace("\u00a0", " ")
    t = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", t)
    return re.sub(r"\s+", " ", t).strip()


def load_raw(pages):
    """Rows of pages/_raw/*.jsonl (files in name order) keyed by their `n`;
    a later row with the same n replaces an earlier one."""
    rows = {}
    for f in sorted(glob.glob(os.path.join(pages, "_raw", "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            lines = fh.readlines()
        for line in lines:
            if line.strip():
                d = json.loads(line)
                rows[d["n"]] = d
    return rows


def fname(n, meta):
    """File name of page n: NNN_<slug>.txt."""
    return f"{n:03d}_{meta[n][0]}.txt"


def meta_fields(entry, language=None):
    """(title, outlet, language, kind, excerpt) of a META entry; `language`
    is the devset's one language when its entries carry none."""
    if language is None:
        _slug, title, outlet, language, kind, excerpt = entry
    else:
        _slug, title, outlet, kind, excerpt = entry
    return title, outlet, language, kind, excerpt


def build(here, meta, language=None):
    """Write pages/*.txt and manifest.jsonl in the folder `here` from its raw
    rows and META table (the raw rows' n must be exactly META's keys)."""
    pages = os.path.join(here, "pages")
    manifest = os.path.join(here, "manifest.jsonl")
    rows = load_raw(pages)
    assert sorted(rows) == sorted(meta), (sorted(rows), sorted(meta))
    out = []
    for n in sorted(rows):
        d = rows[n]
        title, outlet, lang, kind, excerpt = meta_fields(meta[n], language)
        data = d["excerpt"].encode("utf-8")
        path = os.path.join(pages, fname(n, meta))
        with open(path, "wb") as fh:
            fh.write(data)
        out.append(
            {
                "file": fname(n, meta),
                "url": d["url"],
                "url_key": url_key(d["url"]),
                "title": title,
                "outlet": outlet,
                "language": lang,
                "sha256": hashlib.sha256(data).hexdigest(),
                "chars": len(d["excerpt"]),
                "excerpt": excerpt,
                "kind": kind,
                "query": d["query"],
                "sha256_norm": hashlib.sha256(norm_text(d["excerpt"]).encode()).hexdigest(),
            }
        )
    with open(manifest, "w", encoding="utf-8") as fh:
        for o in out:
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} pages and {manifest}")


def check(here):
    """Compare the pages in `here` with its manifest, one line a page: ok
    (same bytes), NORMOK (same normalised text), DIFF or MISSING; exit 1 if
    any page is neither ok nor NORMOK, else 0."""
    pages = os.path.join(here, "pages")
    bad = 0
    with open(os.path.join(here, "manifest.jsonl"), encoding="utf-8") as fh:
        manifest = fh.readlines()
    for line in manifest:
        m = json.loads(line)
        p = os.path.join(pages, m["file"])
        if not os.path.exists(p):
            print("MISSING", m["file"])
            bad += 1
            continue
        with open(p, "rb") as fh:
            data = fh.read()
        exact = hashlib.sha256(data).hexdigest() == m["sha256"]
        norm = hashlib.sha256(norm_text(data.decode("utf-8")).encode()).hexdigest() == m["sha256_norm"]
        status = "ok" if exact else ("NORMOK" if norm else "DIFF")
        print(f"{status:<6} {m['file']}")
        bad += not (exact or norm)
    sys.exit(1 if bad else 0)


HELDOUT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "heldout-urls.sha256")


def screen(here):
    """Held-out and cross-devset screen of the devset in the folder `here`: each
    URL's key under EVALUATION.md's normalisation and under the literal
    `r"^www\\."` reading, for the URL as stored and its percent-decoded /
    percent-encoded forms (the held-out list is looked for beside the repository,
    in ../shared)."""
    from urllib.parse import quote, unquote

    def k_literal(u):
        u = re.sub(r"^https?://", "", u.strip().lower())
        u = re.sub(r"^www\\.", "", u).rstrip("/")
        return hashlib.sha256(u.encode()).hexdigest()

    def forms(u):
        return {u, unquote(u), quote(unquote(u), safe=":/?&=%#+,;@!$'()*~")}

    with open(HELDOUT) as fh:
        held = {line.strip() for line in fh if line.strip()}
    other = {}
    for f in glob.glob(os.path.join(here, "..", "*", "manifest.jsonl")):
        if os.path.abspath(os.path.dirname(f)) == os.path.abspath(here):
            continue
        with open(f, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        for row in rows:
            for v in forms(row["url"]):
                other[url_key(v)] = f
    bad = 0
    raw = load_raw(os.path.join(here, "pages"))
    for n, d in sorted(raw.items()):
        vs = forms(d["url"])
        if any(url_key(v) in held or k_literal(v) in held for v in vs):
            print("HELDOUT ", n, d["url"])
            bad += 1
        elif any(url_key(v) in other for v in vs):
            print("OTHERSET", n, d["url"])
            bad += 1
    print(f"screened {len(raw)} URLs, {bad} hits")
    sys.exit(1 if bad else 0)


def main(here, meta, language=None, options=None):
    """Command line of a build.py: `--check` runs `check`, else the first of
    `options` ({flag: function of no arguments}) found in sys.argv runs,
    else `build`."""
    if "--check" in sys.argv:
        check(here)
        return
    for flag, run in (options or {}).items():
        if flag in sys.argv:
            run()
            return
    build(here, meta, language)
