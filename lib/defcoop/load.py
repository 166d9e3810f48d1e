"""``defcoop.load(path) -> Corpus``: the one entry point the notebooks use.

Per file the work is a pure function of its bytes (:func:`process_bytes`); the corpus-level
passes (near-duplicate detection) run once all files are read.  Results are memoised in the
process by the content of the files and the version of the data files, so every notebook
that calls ``load`` on the same folder gets the same tables without recomputing them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from defcoop import annotate, dedup
from defcoop.corpus import MAX_BYTES_DEFAULT, decode, discover, frame, parse_article, read_bytes
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
            "sentence": _squash(text[s.start : s.end]),
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
    return DocResult(doc, sentences, segments, ann.mentions)


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


def load(path: str | Path, *, max_bytes: int = MAX_BYTES_DEFAULT) -> Corpus:
    """Load every article under ``path`` (recursively) into a :class:`Corpus`.

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
    contents: list[tuple[str, bytes | None, str]] = []
    for f in found:
        if f.skip_reason:
            contents.append((f.relpath, None, f.skip_reason))
            continue
        data, why = read_bytes(f.path, max_bytes)
        contents.append((f.relpath, data, why))
    key = (
        root.name,
        tuple((rel, hashlib.sha256(data).hexdigest() if data is not None else why) for rel, data, why in contents),
        data_version(),
        max_bytes,
    )
    if key in _MEMO:
        return _MEMO[key]

    ids = _doc_ids([rel for rel, data, _ in contents if data is not None])
    docs, sentences, segments, mentions, skipped = [], [], [], [], []
    for rel, data, why in contents:
        if data is None:
            skipped.append({"path": rel, "reason": why})
            continue
        res = process_bytes(ids[rel], rel, data)
        if res.doc is None:
            skipped.append({"path": rel, "reason": res.skip_reason})
            continue
        docs.append(res.doc)
        sentences.extend(res.sentences)
        segments.extend(res.segments)
        mentions.extend(res.mentions)
    docs_df = frame(docs, DOC_COLUMNS)
    docs_df["duplicate_of"] = dedup.duplicate_of(docs_df)
    corpus = Corpus(
        name=root.name,
        docs=docs_df,
        sentences=frame(sentences, SENTENCE_COLUMNS),
        segments=frame(segments, SEGMENT_COLUMNS),
        mentions=frame(mentions, MENTION_COLUMNS),
        skipped=frame(skipped, SKIP_COLUMNS),
    )
    _MEMO[key] = corpus
    return corpus
