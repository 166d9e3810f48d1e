"""One file's work: read, parse and annotate an article from its bytes, a pure function.

:func:`process_bytes` gives one article's rows; :func:`process_chunk` a chunk's tables in the
cache's column order (:mod:`defcoop.schema`).  Same bytes, same result, so the results can be
cached by content and computed in any process.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pandas as pd

from defcoop.annotate import copies as dedup
from defcoop.annotate import pipeline as annotate
from defcoop.annotate.language import detect_language
from defcoop.reading.decode import decode
from defcoop.reading.parse import parse_article
from defcoop.schema import CACHE_DOC_COLUMNS, MENTION_COLUMNS, SEGMENT_COLUMNS, SENTENCE_COLUMNS, SKIP_COLUMNS, frame
from defcoop.text import squash, word_count


@dataclass(slots=True)
class DocResult:
    """What one file contributes to the corpus tables."""

    doc: dict | None = None
    signature: bytes = b""
    n_shingles: int = 0
    sentences: list[tuple] = field(default_factory=list)  # rows in SENTENCE_COLUMNS order
    segments: list[tuple] = field(default_factory=list)  # rows in SEGMENT_COLUMNS order
    mentions: list[tuple] = field(default_factory=list)  # rows in MENTION_COLUMNS order
    skip_reason: str = ""


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
    # Rows as tuples in SENTENCE_COLUMNS / SEGMENT_COLUMNS order (a dict per row costs more
    # than the annotation of the row).
    sentences = [
        (doc_id, n, s.para_no, s.section, s.start, s.end, art.sentence_texts[n]) for n, s in enumerate(art.sentences)
    ]
    segments = [(doc_id, b.kind, b.start, b.end, squash(text[b.start : b.end]), b.reason) for b in art.blocks]
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
    tables = {
        "docs": frame(docs, CACHE_DOC_COLUMNS),
        "sentences": _tuple_frame(sentences, SENTENCE_COLUMNS),
        "segments": _tuple_frame(segments, SEGMENT_COLUMNS),
        "mentions": _tuple_frame(mentions, MENTION_COLUMNS),
    }
    return tables | {"skipped": frame(skipped, SKIP_COLUMNS)}


def _tuple_frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A DataFrame from row tuples, built column by column (faster than row-wise construction)."""
    if not rows:
        return frame([], columns)
    return pd.DataFrame({c: list(v) for c, v in zip(columns, zip(*rows, strict=True), strict=True)})
