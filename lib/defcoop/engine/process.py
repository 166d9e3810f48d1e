"""One file's work: read, parse and annotate an article from its bytes, a pure function.

:func:`process_bytes` gives one article's rows; :func:`process_chunk` a chunk's tables in the
cache's column order (:mod:`defcoop.schema`).  Same bytes, same result, so the results can be
cached by content and computed in any process.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import pandas as pd

from defcoop.annotate import copies as dedup
from defcoop.annotate import pipeline as annotate
from defcoop.annotate.language import detect_language
from defcoop.lexicons.outlets import outlet_of_host, url_parts
from defcoop.reading import records
from defcoop.reading.dates import parse_iso
from defcoop.reading.decode import HTML_REASON, decode
from defcoop.reading.html import extract_page
from defcoop.reading.parse import parse_article
from defcoop.schema import CACHE_DOC_COLUMNS, MENTION_COLUMNS, SEGMENT_COLUMNS, SENTENCE_COLUMNS, SKIP_COLUMNS, frame
from defcoop.text import squash, word_count


@dataclass(slots=True)
class DocResult:
    """What one file contributes to the corpus tables."""

    doc: dict | None = None
    signature: bytes = b""
    n_shingles: int = 0
    anchors: bytes = b""
    sentences: list[tuple] = field(default_factory=list)  # rows in SENTENCE_COLUMNS order
    segments: list[tuple] = field(default_factory=list)  # rows in SEGMENT_COLUMNS order
    mentions: list[tuple] = field(default_factory=list)  # rows in MENTION_COLUMNS order
    skip_reason: str = ""


_HEADER_BYTES = re.compile(rb"\A(?:\xef\xbb\xbf)?[ \t]?date[ \t]+\d{4}-\d{2}(?:-\d{2})?[ \t]*(?:\r?\n)?")


def _article_text(data: bytes) -> tuple[str | None, str, dict, list[str], str]:
    """``(text, encoding, metadata, warnings, skip_reason)`` of a file's or record's bytes.

    Plain text is decoded (:func:`~defcoop.reading.decode.decode`); an HTML page (by its name or,
    in a text file, by its content) is extracted with trafilatura; a record of a JSON-lines,
    CSV or WARC file gives its text field or page and its metadata
    (:mod:`defcoop.reading.records`).
    """
    opened = records.open_payload(data)
    prefix = ""  # a crawler's date header kept before the text of a page saved in a text file
    if opened is None:
        decoded = decode(data)
        if decoded.text is not None:
            return decoded.text, decoded.encoding, {}, list(decoded.warnings), ""
        if decoded.skip_reason != HTML_REASON:
            return None, decoded.encoding, {}, list(decoded.warnings), decoded.skip_reason
        # a saved page in a text file: read as HTML
        head = _HEADER_BYTES.match(data)
        if head:
            prefix = head.group(0).decode("ascii").rstrip() + "\n"
        rec = records.RecordText(html=data[head.end() :] if head else data)
    else:
        rec = records.read_record(*opened)
        if rec.skip_reason:
            return None, "html" if rec.html else "utf-8", {}, [], rec.skip_reason
    meta = dict(rec.meta)
    if not rec.html:
        return rec.text, "utf-8", meta, [], ""
    page = extract_page(rec.html, meta.get("url", ""))
    if page is None:
        return None, "html", meta, [], "HTML page in which no article text was found"
    if not prefix:  # (what the page's markup says; a text file's own header already dates it)
        for key, value in (("title", page.title), ("date", page.date), ("url", page.url), ("outlet", page.sitename)):
            if value and not meta.get(key):
                meta[key] = value
    return prefix + page.text, "html", meta, [], ""


def _outlet(meta: dict, parsed: str) -> tuple[str, str, str]:
    """``(outlet, its country, state-owned)``: from the URL's domain through ``outlets.csv``,
    else the record's own outlet field or the host, else what the text's credit line says."""
    host, path = url_parts(meta.get("url", ""))
    if not host:
        host, path = url_parts(meta.get("domain", ""))
    if host and (known := outlet_of_host(host, path)) is not None:
        return known.name, known.country or "unknown", known.state_owned
    name = meta.get("outlet") or host or parsed
    return name, "unknown", "unknown"


def process_bytes(doc_id: str, relpath: str, data: bytes) -> DocResult:
    """Read, parse and annotate one article given its bytes.  Pure: same bytes, same result."""
    text, encoding, meta, warnings, skip = _article_text(data)
    if text is None:
        return DocResult(skip_reason=skip)
    art = parse_article(text)
    warnings.extend(art.warnings)
    body = art.body
    language = detect_language(body) if body else "und"
    # Rows as tuples in SENTENCE_COLUMNS / SEGMENT_COLUMNS order (a dict per row costs more
    # than the annotation of the row).
    sentences = [
        (doc_id, n, s.para_no, s.section, s.start, s.end, art.sentence_texts[n]) for n, s in enumerate(art.sentences)
    ]
    segments = [(doc_id, b.kind, b.start, b.end, squash(text[b.start : b.end]), b.reason) for b in art.blocks]
    published = parse_iso(meta["date"][:10]) if meta.get("date") else None
    crawled = parse_iso(meta["crawl_date"][:10]) if meta.get("crawl_date") else None
    if meta.get("date") and published is None:
        warnings.append(f"metadata date {meta['date']!r} not understood; not used")
    ann = annotate.annotate_article(doc_id, art, language, published=published, crawled=crawled)
    warnings.extend(ann.warnings)
    path, record = records.split_source(relpath)
    outlet, outlet_country, state_owned = _outlet(meta, art.outlet)
    doc = {
        "doc_id": doc_id,
        "path": path,
        "record": record,
        "url": meta.get("url", ""),
        "outlet": outlet,
        "outlet_country": outlet_country,
        "state_owned": state_owned,
        "credit": art.credit,
        "title": squash(meta["title"]) if meta.get("title") else art.title,
        "date": ann.date.iso if ann.date else "",
        "date_precision": ann.date.precision if ann.date else "none",
        "date_source": ann.date_source,
        "header_date": art.header.iso if art.header else "",
        "dateline_date": art.dateline.iso if art.dateline else "",
        "crawl_date": crawled.iso if crawled else "",
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
        "encoding": encoding,
        "sha256": hashlib.sha256(data).hexdigest(),
        "warnings": "; ".join(warnings),
        "body": body,
        "text": text,
    }
    sig, n_sh, anchors = dedup.signature(body)
    return DocResult(doc, sig, n_sh, anchors, sentences, segments, ann.mentions)


def process_chunk(items: list[tuple[str, str, bytes]]) -> dict[str, pd.DataFrame]:
    """Process ``(doc_id, relpath, bytes)`` items into the cache tables plus ``skipped``."""
    docs, sentences, segments, mentions, skipped = [], [], [], [], []
    for doc_id, rel, data in items:
        res = process_bytes(doc_id, rel, data)
        if res.doc is None:
            path, record = records.split_source(rel)
            skipped.append({"path": path, "record": record, "reason": res.skip_reason})
            continue
        docs.append({**res.doc, "minhash": res.signature, "n_shingles": res.n_shingles, "anchors": res.anchors})
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
