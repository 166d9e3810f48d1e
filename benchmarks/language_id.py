"""Language identification on the dev pages and on short pieces of them (issue 16).

Scores ``defcoop.annotate.language.detect_language`` (the script-and-function-word rules) and
each candidate library that is importable, on the 222 pages of ``benchmarks/devsets/*/`` (gold
language from each ``gold.jsonl``) and on pieces cut from each page::

    python benchmarks/language_id.py [--errors] [--repeat N]

Pieces (all from the text the annotator reads, ``parse_article(page).body``, except the title):

- ``page``: the body's first 3,000 characters (what ``detect_language`` itself looks at);
- ``title``: the manifest's title, when it is written in the page's first 1,500 characters
  (a bracketed note of the builder's, or a title only in the URL, is left out);
- ``sentence``: the body's first sentence of 25 characters or more that is not the title;
- ``100 chars``: the body's first 100 characters;
- ``mixed``: an English sentence (the lead sentence of an English dev page, in turn, the next
  one no longer than the ``sentence`` piece) followed by the ``sentence`` piece, scored against
  the page's language; not cut from English pages.

A piece is right when the method returns the gold code; ``und`` (no decision) counts as wrong
and is also counted apart.  Libraries, when installed: ``lingua-language-detector`` restricted
to the six languages (high and low accuracy modes), ``langid`` (langid.py) with
``set_languages`` and ``langdetect`` with only the six profiles loaded and seed 0.  fastText
lid.176 needs a downloaded model and is not run.  A library that is not installed is reported
as such.  Times are per page on the ``page`` piece, the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from defcoop.annotate.language import detect_language
from defcoop.app.pagescore import read_jsonl
from defcoop.reading.parse import parse_article
from defcoop.text import fold

HERE = Path(__file__).resolve().parent / "devsets"
LANGS = ("vi", "ru", "fr", "es", "zh", "en")
PIECES = ("page", "title", "sentence", "100 chars", "mixed")


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(s or "").lower())


def _title_in_text(title: str, text: str) -> str:
    """The manifest title, without a trailing bracketed note, if the page's start has it."""
    title = re.sub(r"\s*[\(\[][^\)\]]*[\)\]]$", "", title or "").strip()
    if title.startswith("[") or not title:
        return ""
    words = " ".join(_words(title))
    if not words or words not in " ".join(_words(text[:1500])):
        # Chinese titles fold to no ASCII words; look for the title itself
        return title if not words and title in text[:1500] else ""
    return title


def load_pages() -> list[dict]:
    """One row per dev page with pages present: corpus, file, gold language and the pieces."""
    rows = []
    for folder in sorted(p for p in HERE.iterdir() if p.is_dir()):
        if not (folder / "pages").is_dir():
            print(f"{folder.name}: no pages/ (rebuild them as its README says); not scored")
            continue
        gold = {g["doc_id"]: g.get("language", "") for g in read_jsonl(folder / "gold.jsonl")}
        for m in read_jsonl(folder / "manifest.jsonl"):
            text = (folder / "pages" / m["file"]).read_text(encoding="utf-8")
            art = parse_article(text)
            body = art.body
            title = _title_in_text(m.get("title", ""), text)
            sentence = next(
                (s for s in art.sentence_texts if len(s) >= 25 and _words(s) != _words(title) and s != title), ""
            )
            pieces = {"page": body[:3000], "title": title, "sentence": sentence, "100 chars": body[:100]}
            rows.append({"corpus": folder.name, "file": m["file"], "lang": gold[m["file"][: -len(".txt")]]} | pieces)
    # the mixed pieces: English lead sentences taken in turn, the next one no longer than the
    # page's own sentence (so that the page's language is the larger part)
    english = [r["sentence"] for r in rows if r["lang"] == "en" and len(r["sentence"]) >= 40]
    k = 0
    for r in rows:
        r["mixed"] = ""
        if r["lang"] == "en" or not r["sentence"]:
            continue
        for j in range(len(english)):
            lead = english[(k + j) % len(english)]
            if len(lead) <= len(r["sentence"]):
                r["mixed"] = lead + " " + r["sentence"]
                k += j + 1
                break
    return rows


def methods() -> tuple[dict[str, Callable[[str], str]], dict[str, str], dict[str, float]]:
    """The detectors that can run here, the ones that cannot (and why), and load times (s)."""
    found: dict[str, Callable[[str], str]] = {"defcoop rules": detect_language}
    missing: dict[str, str] = {}
    loaded: dict[str, float] = {"defcoop rules": 0.0}

    t0 = time.perf_counter()
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        missing["lingua"] = "not installed (pip install lingua-language-detector)"
    else:
        six = [
            Language.VIETNAMESE,
            Language.RUSSIAN,
            Language.FRENCH,
            Language.SPANISH,
            Language.CHINESE,
            Language.ENGLISH,
        ]
        for name, low in (("lingua", False), ("lingua low", True)):
            t0 = time.perf_counter()
            builder = LanguageDetectorBuilder.from_languages(*six).with_preloaded_language_models()
            detector = (builder.with_low_accuracy_mode() if low else builder).build()

            def lingua_detect(text: str, d=detector) -> str:
                lang = d.detect_language_of(text)
                return lang.iso_code_639_1.name.lower() if lang is not None else "und"

            lingua_detect("warm up")
            found[name] = lingua_detect
            loaded[name] = time.perf_counter() - t0

    t0 = time.perf_counter()
    try:
        from langid.langid import LanguageIdentifier, model
    except ImportError:
        missing["langid"] = "not installed (pip install langid)"
    else:
        identifier = LanguageIdentifier.from_modelstring(model, norm_probs=False)
        identifier.set_languages(list(LANGS))
        found["langid"] = lambda text: identifier.classify(text)[0] if text.strip() else "und"
        loaded["langid"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    try:
        import langdetect
        from langdetect.detector_factory import DetectorFactory
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:
        missing["langdetect"] = "not installed (pip install langdetect)"
    else:
        profiles = Path(langdetect.__file__).parent / "profiles"
        factory = DetectorFactory()
        factory.load_json_profile(
            [(profiles / p).read_text(encoding="utf-8") for p in ("vi", "ru", "fr", "es", "zh-cn", "zh-tw", "en")]
        )
        factory.set_seed(0)

        def langdetect_detect(text: str) -> str:
            detector = factory.create()
            detector.append(text)
            try:
                return detector.detect().split("-")[0]
            except LangDetectException:
                return "und"

        found["langdetect"] = langdetect_detect
        loaded["langdetect"] = time.perf_counter() - t0
    missing["fasttext lid.176"] = "needs a downloaded model; not run"
    return found, missing, loaded


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--errors", action="store_true", help="list the pieces each method gets wrong")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per method (best is kept)")
    args = ap.parse_args()
    rows = load_pages()
    if not rows:
        print("no dev pages found")
        return 1
    found, missing, loaded = methods()
    # right[method][piece][lang] = [right, und, n]
    right: dict[str, dict[str, dict[str, list[int]]]] = {}
    errors: dict[str, list[str]] = defaultdict(list)
    for name, detect in found.items():
        tally: dict[str, dict[str, list[int]]] = {p: defaultdict(lambda: [0, 0, 0]) for p in PIECES}
        for r in rows:
            for piece in PIECES:
                if not r[piece]:
                    continue
                got = detect(r[piece])
                cell = tally[piece][r["lang"]]
                cell[0] += got == r["lang"]
                cell[1] += got == "und"
                cell[2] += 1
                if got != r["lang"] and args.errors:
                    errors[name].append(f"{piece:9} {r['lang']}->{got:3} {r['corpus']}/{r['file']}: {r[piece][:110]!r}")
        right[name] = tally

    names = list(found)
    print(f"\n{len(rows)} pages: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r["lang"] for r in rows).items())))
    print("Accuracy per piece kind and gold language (und, no decision, counts as wrong; in brackets)\n")
    head = f"| {'piece':9} | {'lang':4} | {'n':>3} | " + " | ".join(f"{n:>14}" for n in names) + " |"
    print(head)
    print("| " + " | ".join(["-" * 9, "-" * 4, "-" * 3] + ["-" * 14] * len(names)) + " |")
    for piece in PIECES:
        for lang in (*LANGS, "all"):
            cells = []
            for name in names:
                t = right[name][piece]
                ok, und, n = [sum(c[i] for c in t.values()) for i in range(3)] if lang == "all" else t[lang]
                cells.append(f"{ok / n:.3f} ({und:>2})" if n else "-")
            t = right[names[0]][piece]
            n = sum(c[2] for c in t.values()) if lang == "all" else t[lang][2]
            if n:
                print(f"| {piece:9} | {lang:4} | {n:>3} | " + " | ".join(f"{c:>14}" for c in cells) + " |")
    print("\nTime per page (the page piece: up to 3,000 characters), best of", args.repeat, "runs; load time")
    pages = [r["page"] for r in rows if r["page"]]
    for name, detect in found.items():
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for p in pages:
                detect(p)
            best = min(best, time.perf_counter() - t0)
        print(f"  {name:14} {1000 * best / len(pages):7.3f} ms/page   load {loaded[name]:.2f} s")
    for name, why in missing.items():
        print(f"  {name:14} {why}")
    if args.errors:
        for name, errs in errors.items():
            print(f"\n## {name}: {len(errs)} wrong pieces")
            for e in errs:
                print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
