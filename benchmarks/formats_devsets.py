"""The real development corpora written out in the crawlers' formats, loaded, and compared (issue 17).

For each corpus in ``benchmarks/devsets/`` whose pages are present, this writes into a temporary
folder

* ``NAME.jsonl``: one JSON object a page, ``{"url", "text"}``, the text exactly as the ``.txt``;
* ``NAME.warc.gz``: one HTML response record a page (its target URI the page's URL), a simple
  page built from the text: ``<title>`` from the manifest, the crawler's ``date`` header as
  ``article:published_time``, each paragraph a ``<p>``, wrapped in navigation and a footer;

loads each with :func:`defcoop.load` and compares the annotations with those of the ``.txt``
files, page by page (matched by URL): the share of pages whose date, partners, actors, themes
and on-topic flag are the same.  It also reports how often the outlet read from the URL
(``data/outlets.csv``) names the outlet the manifest gives (the manifest's outlet was written by
the corpus's builder from the page; names are compared after folding, by their significant
words, and every disagreement is printed for reading)::

    .venv/bin/python benchmarks/formats_devsets.py [NAME ...]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
import sys
import tempfile
from pathlib import Path

import defcoop
from defcoop.app.pagescore import read_jsonl
from defcoop.text import fold

HERE = Path(__file__).resolve().parent / "devsets"
FIELDS = ("date", "partners", "actor_ids", "themes", "on_topic")
_HEADER = re.compile(r"\A ?date (\d{4}-\d{2}-\d{2}) ?")


def _page_html(text: str, title: str) -> str:
    date = ""
    m = _HEADER.match(text)
    if m:
        date, text = m.group(1), text[m.end() :]
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    nav = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/politics'>Politics</a></li></ul></nav>"
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>{meta}</head>"
        f"<body>{nav}<article><h1>{html.escape(title)}</h1>{body}</article><footer>Contact us</footer></body></html>"
    )


def _write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, page in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(page.encode("utf-8")), http_headers=http)
            w.write_record(rec)


_STOP = {"the", "of", "and", "news", "online", "daily", "via", "com", "www", "english", "edition", "net", "org", "vn"}
_STOP |= {"print", "view", "from", "updated", "version", "aggregator", "blog", "repost", "page", "search", "results"}


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", fold(name).lower())


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", fold(name).lower()) if w not in _STOP and len(w) > 2}


def _same_outlet(ours: str, theirs: str) -> bool:
    """Whether two outlet names name the same outlet: a significant word of either is found in
    the other, spaces ignored (``VOVWorld`` and ``VOV World``, ``greetingvietnam.com`` and
    ``Greeting Vietnam``).  Agency credits in brackets (``(VNA)``, ``(VNS)``) are left out."""
    a, b = re.sub(r"\(.*?\)", "", ours), re.sub(r"\(.*?\)", "", theirs)
    sa, sb = _squash(a), _squash(b)
    return any(w in sb for w in _words(a)) or any(w in sa for w in _words(b))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="corpora (default: every one with pages)")
    args = ap.parse_args()
    folders = [HERE / n for n in args.names] if args.names else sorted(p for p in HERE.iterdir() if p.is_dir())
    totals = {"jsonl": [0, 0], "warc": [0, 0]}
    per_field = {k: {f: 0 for f in FIELDS} for k in totals}
    outlet_all = 0
    tally: dict[str, int] = {}
    wrong: list[str] = []
    for folder in folders:
        if not (folder / "pages").is_dir():
            continue
        manifest = read_jsonl(folder / "manifest.jsonl")
        with tempfile.TemporaryDirectory() as tmp:
            txt, js, wa = (Path(tmp) / n for n in ("txt", "jsonl", "warc"))
            for d in (txt, js, wa):
                d.mkdir()
            pages = []
            with (js / f"{folder.name}.jsonl").open("w", encoding="utf-8") as fh:
                for m in manifest:
                    text = (folder / "pages" / m["file"]).read_text(encoding="utf-8")
                    (txt / m["file"]).write_text(text, encoding="utf-8")
                    fh.write(json.dumps({"url": m["url"], "text": text}, ensure_ascii=False) + "\n")
                    pages.append((m["url"], _page_html(text, m.get("title", ""))))
            _write_warc(wa / f"{folder.name}.warc.gz", pages)
            by_file = defcoop.load(txt, cache=False).docs.set_index("path")
            url_of = {m["file"]: m["url"] for m in manifest}
            base = {url_of[p]: row for p, row in by_file.iterrows()}
            for kind, where in (("jsonl", js), ("warc", wa)):
                c = defcoop.load(where, cache=False)
                got = {row["url"]: row for _, row in c.docs.iterrows()}
                for url, row in base.items():
                    other = got.get(url)
                    totals[kind][1] += 1
                    if other is None:
                        continue
                    same = [f for f in FIELDS if _norm(row[f]) == _norm(other[f])]
                    for f in same:
                        per_field[kind][f] += 1
                    totals[kind][0] += len(same) == len(FIELDS)
                if kind == "jsonl":
                    for m in manifest:
                        row = got.get(m["url"])
                        if row is None:
                            continue
                        outlet_all += 1
                        listed = row["outlet_country"] != "unknown" or row["state_owned"] != "unknown"
                        same = _same_outlet(row["outlet"], m.get("outlet", ""))
                        kind = ("listed" if listed else "host") + (" same" if same else " differs")
                        tally[kind] = tally.get(kind, 0) + 1
                        if not same or not listed:
                            page = f"{folder.name}/{m['file'][:40]}"
                            wrong.append(f"{kind:13s} {page}: {row['outlet']!r} | manifest {m.get('outlet')!r}")
    print("pages whose annotations equal those of the .txt (date, partners, actors, themes, on-topic):")
    for kind, (same, n) in totals.items():
        fields = ", ".join(f"{f} {per_field[kind][f] / n:.3f}" for f in FIELDS) if n else ""
        print(f"  {kind:6s} {same}/{n} = {same / n:.3f}   ({fields})" if n else f"  {kind}: no pages")
    if outlet_all:
        print(f"\noutlets of {outlet_all} pages, from the URL (listed: the domain is in data/outlets.csv;")
        print("host: it is not,", end=" ")
        print("and the host name stands for the outlet), against the manifest's outlet:")
        for kind in sorted(tally):
            print(f"  {kind:15s} {tally[kind]:4d}  {tally[kind] / outlet_all:.3f}")
        for w in sorted(wrong):
            print("  " + w)
    return 0


def _norm(v):
    if isinstance(v, (list, tuple)) or hasattr(v, "tolist"):
        return tuple(sorted(list(v)))
    return v


if __name__ == "__main__":
    sys.exit(main())
