"""``defcoop.load(path) -> Corpus``: the one entry point the notebooks use.

Per file the work is a pure function of its bytes (:func:`process_bytes`), so it runs in
chunks, in parallel processes for large corpora, on a Dask cluster (:mod:`defcoop.distributed`),
and is cached on disk by content (:mod:`defcoop.cache`).  The corpus-level pass (near-duplicate
detection) runs once all files are read, from cached MinHash signatures.  Results are also
memoised in the process, so every notebook that calls ``load`` on the same folder gets the same
tables without recomputing them.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from defcoop import annotate, dedup
from defcoop.corpus import MAX_BYTES_DEFAULT, decode, discover, frame, parse_article, read_bytes
from defcoop.errors import InsufficientData
from defcoop.lang import detect_language
from defcoop.resources import data_version
from defcoop.text import word_count

__all__ = ["DOC_COLUMNS", "MENTION_COLUMNS", "Corpus", "load", "process_bytes"]

DOC_COLUMNS = [
    "doc_id",
    "path",
    "outlet",
    "credit",
    "title",
    "date",
    "date_precision",
    "date_source",
    "header_date",
    "dateline_date",
    "language",
    "partners",
    "actors",
    "actor_ids",
    "themes",
    "duplicate_of",
    "on_topic",
    "n_paragraphs",
    "n_sentences",
    "n_words",
    "encoding",
    "sha256",
    "warnings",
    "body",
    "text",
]
SENTENCE_COLUMNS = ["doc_id", "sent_no", "para_no", "section", "start", "end", "sentence"]
SEGMENT_COLUMNS = ["doc_id", "kind", "start", "end", "content", "reason"]
MENTION_COLUMNS = annotate.MENTION_COLUMNS
SKIP_COLUMNS = ["path", "reason"]


@dataclass(slots=True)
class DocResult:
    """What one file contributes to the corpus tables."""

    doc: dict | None = None
    signature: bytes = b""
    n_shingles: int = 0
    sentences: list[dict] = field(default_factory=list)
    segments: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    skip_reason: str = ""


def _squash(s: str) -> str:
    return " ".join(s.split())


def process_bytes(doc_id: str, relpath: str, data: bytes) -> DocResult:
    """Read, parse and annotate one article given its bytes.  Pure: same bytes, same result."""
    decoded = decode(data)
    if decoded.text is None:
        return DocResult(skip_reason=decoded.skip_reason)
    text = decoded.text
    art = parse_article(text)
    warnings = [*decoded.warnings, *art.warnings]
    body = art.body
    language = detect_language(body) if body else "und"
    sentences = [
        {
            "doc_id": doc_id,
            "sent_no": n,
            "para_no": s.para_no,
            "section": s.section,
            "start": s.start,
            "end": s.end,
            "sentence": art.sentence_texts[n],
        }
        for n, s in enumerate(art.sentences)
    ]
    segments = [
        {
            "doc_id": doc_id,
            "kind": b.kind,
            "start": b.start,
            "end": b.end,
            "content": _squash(text[b.start : b.end]),
            "reason": b.reason,
        }
        for b in art.blocks
    ]
    ann = annotate.annotate_article(doc_id, art, language)
    warnings.extend(ann.warnings)
    doc = {
        "doc_id": doc_id,
        "path": relpath,
        "outlet": art.outlet,
        "credit": art.credit,
        "title": art.title,
        "date": ann.date.iso if ann.date else "",
        "date_precision": ann.date.precision if ann.date else "none",
        "date_source": ann.date_source,
        "header_date": art.header.iso if art.header else "",
        "dateline_date": art.dateline.iso if art.dateline else "",
        "language": language,
        "partners": ann.partners,
        "actors": ann.actors,
        "actor_ids": ann.actor_ids,
        "themes": ann.themes,
        "duplicate_of": "",
        "on_topic": ann.on_topic,
        "n_paragraphs": len(art.paragraphs),
        "n_sentences": sum(1 for s in art.sentences if s.section == "body"),
        "n_words": word_count(body),
        "encoding": decoded.encoding,
        "sha256": hashlib.sha256(data).hexdigest(),
        "warnings": "; ".join(warnings),
        "body": body,
        "text": text,
    }
    sig, n_sh = dedup.signature(body)
    return DocResult(doc, sig, n_sh, sentences, segments, ann.mentions)


def _doc_ids(relpaths: list[str]) -> dict[str, str]:
    """File stem as doc_id; the relative path without suffix where two stems collide."""
    stems: dict[str, int] = {}
    for rel in relpaths:
        stem = Path(rel).stem
        stems[stem] = stems.get(stem, 0) + 1
    out = {}
    for rel in relpaths:
        stem = Path(rel).stem
        out[rel] = stem if stems[stem] == 1 else str(Path(rel).with_suffix("").as_posix())
    return out


@dataclass(frozen=True)
class Corpus:
    """The tables of a corpus.  Offsets (``start``/``end``) index ``docs.text`` of the doc.

    Attributes
    ----------
    name : the corpus folder's name (never an absolute path, so outputs are portable)
    docs : one row per loaded article
    sentences : one row per sentence (title and body), with offsets
    segments : one row per block of the raw text, including everything stripped as furniture
    mentions : one row per annotation hit (actor, country, theme, date) with its sentence
    skipped : one row per file that was not loaded, with the reason
    """

    name: str
    docs: pd.DataFrame
    sentences: pd.DataFrame
    segments: pd.DataFrame
    mentions: pd.DataFrame
    skipped: pd.DataFrame

    @property
    def stories(self) -> pd.DataFrame:
        """Docs without syndicated/mirrored copies (``duplicate_of`` empty)."""
        return self.docs[self.docs["duplicate_of"] == ""]

    def __repr__(self) -> str:
        n = len(self.docs)
        outlets = self.docs.loc[self.docs["outlet"] != "", "outlet"].nunique() if n else 0
        dated = sorted(d[:7] for d in self.docs["date"] if d) if n else []
        span = f"{dated[0]}..{dated[-1]}" if dated else "undated"
        extra = f", {len(self.skipped)} skipped" if len(self.skipped) else ""
        return (
            f"Corpus({n} article{'s' if n != 1 else ''}, {outlets} outlet{'s' if outlets != 1 else ''}, {span}{extra})"
        )

    def require_articles(self, what: str, *, at_least: int = 1) -> None:
        """Raise :class:`~defcoop.errors.InsufficientData` unless ``at_least`` articles loaded.

        >>> Corpus("empty", *(pd.DataFrame() for _ in range(5))).require_articles("counting")
        Traceback (most recent call last):
        ...
        defcoop.errors.InsufficientData: counting needs at least 1 loaded article; 'empty' has 0 (0 skipped)
        """
        if len(self.docs) < at_least:
            raise InsufficientData(
                f"{what} needs at least {at_least} loaded article{'s' if at_least != 1 else ''}; "
                f"{self.name!r} has {len(self.docs)} ({len(self.skipped)} skipped)"
            )

    def kwic(self, kind: str, ident: str, *, width: int = 60) -> pd.DataFrame:
        """Keyword-in-context rows for every mention of ``ident`` (e.g. an actor id)."""
        m = self.mentions[(self.mentions["kind"] == kind) & (self.mentions["id"] == ident)]
        texts = self.docs.set_index("doc_id")["text"]
        rows = []
        for r in m.itertuples(index=False):
            t = texts[r.doc_id]
            rows.append(
                {
                    "doc_id": r.doc_id,
                    "start": r.start,
                    "end": r.end,
                    "left": _squash(t[max(0, r.start - width) : r.start])[-width:],
                    "match": t[r.start : r.end],
                    "right": _squash(t[r.end : r.end + width])[:width],
                }
            )
        return frame(rows, ["doc_id", "start", "end", "left", "match", "right"])


_MEMO: dict[tuple, Corpus] = {}
CACHE_DOC_COLUMNS = [*DOC_COLUMNS, "minhash", "n_shingles"]
TABLE_COLUMNS = {
    "docs": CACHE_DOC_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "segments": SEGMENT_COLUMNS,
    "mentions": MENTION_COLUMNS,
}
PARALLEL_THRESHOLD = 2000  # below this many files, one process is faster than starting workers
CHUNK = 500


def process_chunk(items: list[tuple[str, str, bytes]]) -> dict[str, pd.DataFrame]:
    """Process ``(doc_id, relpath, bytes)`` items into the cache tables plus ``skipped``."""
    docs, sentences, segments, mentions, skipped = [], [], [], [], []
    for doc_id, rel, data in items:
        res = process_bytes(doc_id, rel, data)
        if res.doc is None:
            skipped.append({"path": rel, "reason": res.skip_reason})
            continue
        docs.append({**res.doc, "minhash": res.signature, "n_shingles": res.n_shingles})
        sentences.extend(res.sentences)
        segments.extend(res.segments)
        mentions.extend(res.mentions)
    rows = {"docs": docs, "sentences": sentences, "segments": segments, "mentions": mentions}
    return {t: frame(rows[t], TABLE_COLUMNS[t]) for t in TABLE_COLUMNS} | {"skipped": frame(skipped, SKIP_COLUMNS)}


def _warm() -> None:
    """Load every lexicon before forking workers, so each worker inherits them."""
    from defcoop.actors import registry, titles
    from defcoop.geo import geo
    from defcoop.text import fold
    from defcoop.themes import codebook

    registry(), titles(), geo(), codebook(), fold("warm")


def _run_chunks(items: list[tuple[str, str, bytes]], *, workers: int, bar) -> list[dict[str, pd.DataFrame]]:
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    results: list[dict[str, pd.DataFrame]] = []
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            results.append(process_chunk(chunk))
            bar.update(len(chunk))
        return results
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    _warm()
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        for chunk, res in zip(chunks, pool.map(process_chunk, chunks), strict=True):
            results.append(res)
            bar.update(len(chunk))
    return results


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(total: int, enabled: bool | None):
    if enabled is None:
        # Shown for large corpora at a terminal or in a notebook; silent in tests, pipes and logs.
        import sys

        interactive = sys.stderr.isatty() or "ipykernel" in sys.modules
        enabled = interactive and total >= 1000 and "PYTEST_CURRENT_TEST" not in os.environ
    if not enabled or total == 0:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc="annotating", smoothing=0.1)


def _normalise(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Same dtypes and Python lists whether the rows came from the cache or were just computed."""
    docs = tables["docs"]
    for col in ("partners", "actors", "actor_ids", "themes"):
        docs[col] = [list(v) for v in docs[col]]
    docs["on_topic"] = docs["on_topic"].astype(bool)
    for col in ("n_paragraphs", "n_sentences", "n_words"):
        docs[col] = docs[col].astype("int64")
    for name, cols in (
        ("sentences", ("sent_no", "para_no", "start", "end")),
        ("segments", ("start", "end")),
        ("mentions", ("sent_no", "start", "end")),
    ):
        for col in cols:
            tables[name][col] = tables[name][col].astype("int64")
    tables["mentions"]["registered"] = tables["mentions"]["registered"].astype(bool)
    lists = {"partners", "actors", "actor_ids", "themes", "minhash"}
    for df in tables.values():
        for col in df.columns:
            if col not in lists and (df[col].dtype == object or pd.api.types.is_string_dtype(df[col])):
                df[col] = df[col].astype("str")
    return tables


# Mention columns with few distinct values (or, for ``sentence``, one value repeated for every
# hit in the sentence) are stored as categoricals: the same values, a fraction of the memory.
CATEGORICAL_MENTION_COLUMNS = ("doc_id", "kind", "id", "surface", "how", "country", "role", "sentence")


def _compact_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    out = mentions.reset_index(drop=True)
    for col in CATEGORICAL_MENTION_COLUMNS:
        out[col] = out[col].astype("category")
    return out


def _cache_call(store, method: str, *args, **kwargs):
    """Use the cache, but never fail a load because of it (read-only or full disk, bad part)."""
    try:
        return getattr(store, method)(*args, **kwargs)
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError) on a corrupt part
        warnings.warn(f"defcoop: cache {store.dir} not usable ({exc}); continuing without it", stacklevel=3)
        return None


def load(
    path: str | Path,
    *,
    max_bytes: int = MAX_BYTES_DEFAULT,
    cache: bool | str | Path = True,
    workers: int | None = None,
    progress: bool | None = None,
) -> Corpus:
    """Load every article under ``path`` (recursively) into a :class:`Corpus`.

    Parameters
    ----------
    path : the corpus folder (never written to).
    max_bytes : files larger than this are skipped with a reason, without being read.
    cache : ``True`` for the default on-disk cache (``$DEFCOOP_CACHE`` or ``~/.cache/defcoop``),
        a folder for a cache elsewhere, ``False`` for none.  Only files whose bytes changed are
        annotated again; a change to the code or a lexicon starts a fresh cache.
    workers : processes for annotation; default: all cores for 2,000 files or more, else one.
    progress : a progress bar; default: shown for 1,000 files or more at a terminal or in a
        notebook, never in tests or when output is redirected.

    Raises ``FileNotFoundError``/``NotADirectoryError`` naming the path when it is not a folder;
    any problem with a single file lands in ``Corpus.skipped`` instead.
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"corpus folder {str(path)!r} does not exist")
    if not root.is_dir():
        raise NotADirectoryError(f"corpus path {str(path)!r} is not a folder")
    root = root.resolve()
    found = discover(root, max_bytes=max_bytes)
    contents: list[tuple[str, bytes | None, str, str]] = []  # relpath, bytes, skip reason, sha256
    for f in found:
        if f.skip_reason:
            contents.append((f.relpath, None, f.skip_reason, ""))
            continue
        data, why = read_bytes(f.path, max_bytes)
        contents.append((f.relpath, data, why, hashlib.sha256(data).hexdigest() if data is not None else ""))
    key = (root.name, tuple((rel, sha or why) for rel, _, why, sha in contents), data_version(), max_bytes)
    if key in _MEMO:
        return _MEMO[key]

    ids = _doc_ids([rel for rel, data, _, _ in contents if data is not None])
    store = None
    if cache:
        from defcoop.cache import Store, default_cache_dir

        store = Store(default_cache_dir() if cache is True else Path(cache), root, max_bytes=max_bytes)
    cached = _cache_call(store, "read") if store is not None else None
    cached_by_sha: dict[str, str] = {}
    if cached is not None:
        for doc_id, sha in zip(cached["docs"]["doc_id"], cached["docs"]["sha256"], strict=True):
            cached_by_sha.setdefault(sha, doc_id)

    todo = [(ids[rel], rel, data) for rel, data, _, sha in contents if data is not None and sha not in cached_by_sha]
    bar = _progress_bar(len(todo), progress)
    if workers is None:
        workers = (os.cpu_count() or 1) if len(todo) >= PARALLEL_THRESHOLD else 1
    try:
        fresh = _run_chunks(todo, workers=workers, bar=bar)
    finally:
        bar.close()
    parts: dict[str, list[pd.DataFrame]] = {
        t: [r[t] for r in fresh] for t in ("docs", "sentences", "segments", "mentions")
    }
    decode_skips = pd.concat([r["skipped"] for r in fresh], ignore_index=True) if fresh else frame([], SKIP_COLUMNS)
    if store is not None and todo:
        new = {t: pd.concat(parts[t], ignore_index=True) for t in parts}
        stale = cached is not None and len(cached["docs"]) > 2 * len(contents)
        _cache_call(store, "write", new, replace=stale)

    if cached is not None:
        reuse = [
            (ids[rel], rel, cached_by_sha[sha])
            for rel, data, _, sha in contents
            if data is not None and sha in cached_by_sha
        ]
        # The usual rerun: a file keeps its name, so its cached rows are taken as they are;
        # only renamed or copied files need their rows re-keyed (a merge on the few of them).
        same = {new_id for new_id, _, old_id in reuse if new_id == old_id}
        moved = pd.DataFrame([r for r in reuse if r[0] not in same], columns=["new_id", "new_path", "doc_id"])
        cached_paths = dict(zip(cached["docs"]["doc_id"], cached["docs"]["path"], strict=True))
        paths_changed = any(cached_paths[i] != rel for i, rel, _ in reuse if i in same)
        for table in parts:
            kept = cached[table][cached[table]["doc_id"].isin(same)]
            if table == "docs" and paths_changed:
                kept = kept.assign(path=kept["doc_id"].map({i: rel for i, rel, _ in reuse}))
            parts[table].append(kept)
            if len(moved):
                got = cached[table].merge(moved, on="doc_id", how="inner", sort=False)
                got["doc_id"] = got.pop("new_id")
                if table == "docs":
                    got["path"] = got["new_path"]
                parts[table].append(got.drop(columns=["new_path"]))

    order = [ids[rel] for rel, data, _, _ in contents if data is not None]
    tables = {}
    for table, frames in parts.items():
        df = pd.concat(frames, ignore_index=True) if frames else frame([], TABLE_COLUMNS[table])
        # rows in corpus order (stable, so each document keeps its own row order)
        pos = pd.Categorical(df["doc_id"], categories=order).codes
        df = df.iloc[np.argsort(pos, kind="stable")].reset_index(drop=True)
        tables[table] = df
    tables = _normalise(tables)
    docs_df = tables["docs"]
    # Notes about a file's name (not its bytes, so not cached) join the article's warnings.
    notes = {ids[f.relpath]: f.note for f in found if f.note and f.relpath in ids}
    if notes:
        docs_df["warnings"] = [
            "; ".join(x for x in (w, notes.get(d, "")) if x)
            for d, w in zip(docs_df["doc_id"], docs_df["warnings"], strict=True)
        ]
    # Near-duplicates depend on the whole corpus: reuse the cached answer when nothing changed.
    composition = hashlib.sha256(
        "\n".join(
            f"{d}\t{h}\t{t}" for d, h, t in zip(docs_df["doc_id"], docs_df["sha256"], docs_df["date"], strict=True)
        ).encode()
    ).hexdigest()[:24]
    dup = _cache_call(store, "read_dedup", composition) if store is not None else None
    if dup is None or len(dup) != len(docs_df):
        dup = dedup.duplicate_of(
            docs_df, signatures=list(docs_df["minhash"]), sizes=[int(x) for x in docs_df["n_shingles"]]
        ).tolist()
        if store is not None:
            _cache_call(store, "write_dedup", composition, dup)
    docs_df["duplicate_of"] = pd.Series(dup, index=docs_df.index, dtype="str")
    skipped_rows = [{"path": rel, "reason": why} for rel, data, why, _ in contents if data is None]
    skipped = pd.concat([frame(skipped_rows, SKIP_COLUMNS), decode_skips], ignore_index=True)
    skipped = skipped.sort_values("path", kind="mergesort").reset_index(drop=True)
    corpus = Corpus(
        name=root.name,
        docs=docs_df.drop(columns=["minhash", "n_shingles"]).reset_index(drop=True),
        sentences=tables["sentences"][SENTENCE_COLUMNS],
        segments=tables["segments"][SEGMENT_COLUMNS],
        mentions=_compact_mentions(tables["mentions"][MENTION_COLUMNS]),
        skipped=skipped,
    )
    _MEMO[key] = corpus
    return corpus
