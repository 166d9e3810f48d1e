"""Articles inside other files: HTML pages, JSON lines and arrays, CSV/TSV exports, WARC archives.

A file of one of these formats holds one article (an HTML page) or many (a record each).  Every
record becomes an *item*: the bytes that stand for it (its **payload**) and where to find them
again.  The payload of a record is an envelope, ``MAGIC`` + a JSON header line + the record's own
bytes, so that

* the cache keys a record by the SHA-256 of its payload: a record changes its key when its bytes
  or the way they are read (format, header row, field names) change, and only then;
* :func:`defcoop.engine.process.process_bytes` stays a pure function of bytes: it opens the
  envelope (:func:`open_payload`) and reads the record (:func:`read_record`);
* a worker process rebuilds the payload from a small *locator* (the file, an offset, a length)
  instead of being sent the bytes, so a 5 GB JSON-lines file is never held in memory.

Scanning (:func:`scan`) streams the file once in the main process, to hash every record and to
list what cannot be an article (a line that is too long, an unclosed quote, a WARC record that is
not an HTML response) with its line or record number.  A record whose bytes are malformed (not
JSON, no text field) is found out when it is read, and listed the same way.

Field names: :data:`FIELDS` lists, for each field the workbook uses, the names that news-please,
trafilatura, Media Cloud and common scrapers give it; ``fields={"text": "body"}`` names others.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

__all__ = [
    "CRAWL_DATE_FIELDS",
    "FIELDS",
    "HTML_HEAD",
    "Item",
    "check_fields",
    "container_format",
    "envelope",
    "open_payload",
    "payload_of",
    "read_record",
    "scan",
    "source_key",
    "split_source",
]

MAGIC = b"\x00defcoop-record\x00"

# A text field may be as long as an article (the csv module's default cap is 128 KB).
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

#: Joins a file's relative path and a record's label into one key while the corpus is read
#: (the ASCII unit separator, which no file name holds in practice).
SOURCE_SEP = "\x1f"


def source_key(path: str, label: str) -> str:
    """The key of a record (``path`` alone for a file that is one article)."""
    return f"{path}{SOURCE_SEP}{label}" if label else path


def split_source(key: str) -> tuple[str, str]:
    """``(path, record label)`` of a key of :func:`source_key`."""
    path, _, label = key.partition(SOURCE_SEP)
    return path, label


#: The fields a record can give, each with the names looked up in order (case-insensitive, the
#: first present and non-empty wins).  ``date`` is the *publication* date only.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": (
        "maintext",  # news-please
        "text",  # trafilatura, Media Cloud exports with text
        "raw_text",
        "content",
        "body",
        "article_text",
        "full_text",
        "story_text",
        "article",
    ),
    "html": ("html", "raw_html", "content_html", "page_html"),
    "url": ("url", "canonical_url", "source_url", "original_url", "link", "uri", "target_uri"),
    "title": ("title", "headline", "title_page", "title_rss"),
    "date": (
        "date_publish",  # news-please
        "publish_date",  # Media Cloud
        "date_published",
        "datepublished",
        "published",
        "published_at",
        "publication_date",
        "pub_date",
        "pubdate",
        "date",  # trafilatura
    ),
    "outlet": ("outlet", "source", "media_name", "sitename", "site_name", "publisher", "source_name"),
    "domain": ("source_domain", "hostname", "domain", "media_url"),
    "language": ("language", "lang", "language_code"),
}

#: Names of crawl (download) dates: kept as ``crawl_date``, never taken for the publication date.
CRAWL_DATE_FIELDS = ("date_download", "crawl_date", "date_crawled", "crawled_at", "fetched_at", "collect_date")

_NAMES = {**FIELDS, "crawl_date": CRAWL_DATE_FIELDS}


def _names(key: str, fields: Mapping[str, str]) -> tuple[str, ...]:
    """The names looked up for the field ``key``: the user's, else the usual ones."""
    return (fields[key],) if key in fields else _NAMES[key]


def check_fields(fields: Mapping[str, str] | None) -> dict[str, str]:
    """The user's field names, checked: ``{workbook field: the name in the user's records}``.

    >>> check_fields({"text": "Body"})
    {'text': 'body'}
    >>> check_fields({"txt": "body"})
    Traceback (most recent call last):
    ...
    ValueError: unknown field 'txt' in fields= (known: crawl_date, date, domain, html, language, outlet, text, ...)
    """
    known = sorted(_NAMES)
    out: dict[str, str] = {}
    for key, name in (fields or {}).items():
        if key not in known:
            raise ValueError(f"unknown field {key!r} in fields= (known: {', '.join(known)})")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"field {key!r} must name a column or key, got {name!r}")
        out[key] = name.strip().lower()
    return out


# -- formats ---------------------------------------------------------------------------------------

#: suffix (lower case) -> format of the articles in the file
SUFFIX_FORMAT = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".warc": "warc",
    ".warc.gz": "warc",
}

#: formats whose files hold many records (read in a stream, with no size limit on the file)
CONTAINERS = frozenset({"jsonl", "json", "csv", "tsv", "warc"})


def container_format(name: str) -> str:
    """The format of a file by its name: ``"text"`` for plain text, else a key of
    :data:`SUFFIX_FORMAT`'s values, or ``""`` when the workbook does not read it.

    >>> [container_format(n) for n in ("a.txt", "b", "c.HTML", "d.warc.gz", "e.jsonl", "f.pdf", "g.gz")]
    ['text', 'text', 'html', 'warc', 'jsonl', '', '']
    """
    low = name.lower()
    if low.endswith(".warc.gz"):
        return "warc"
    i = low.rfind(".")
    suffix = low[i:] if 0 < i < len(low) - 1 else ""
    if suffix in ("", ".txt", ".text", ".md"):
        return "text"
    return SUFFIX_FORMAT.get(suffix, "")


# -- envelopes ---------------------------------------------------------------------------------------


def envelope(fmt: str, head: Mapping, body: bytes) -> bytes:
    """The payload of a record: ``MAGIC``, a one-line JSON header (format and how to read the
    body), then the record's bytes."""
    line = json.dumps({"format": fmt, **head}, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return MAGIC + line.encode("ascii") + b"\n" + body


#: The envelope of an HTML file: its bytes, read as a page whatever they look like.
HTML_HEAD = envelope("html", {}, b"")


def open_payload(data: bytes) -> tuple[dict, bytes] | None:
    """``(header, body)`` of an envelope, or ``None`` for the bytes of a plain file."""
    if not data.startswith(MAGIC):
        return None
    line, _, body = data[len(MAGIC) :].partition(b"\n")
    return json.loads(line), body


# -- scanning ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """One record found in a file: its number and label, and its payload or why it has none.

    ``locator`` tells a worker how to rebuild the payload (:func:`payload_of`): ``("slice", path,
    offset, length, head)`` for a record that is a byte range of the file, ``("warc", path,
    offset, head)`` for a WARC record, ``("bytes", payload)`` for one kept in memory.
    """

    number: int  # 1-based: line of a JSON-lines file, data row of a CSV, element, WARC record
    label: str  # "line 12", "row 3", "element 4", "record 7"
    payload: bytes = b""
    locator: tuple = ()
    skip_reason: str = ""


@dataclass(slots=True)
class Scan:
    """What :func:`scan` found in a file: its records, and a problem with the file as a whole."""

    items: list[Item] = field(default_factory=list)
    problem: str = ""  # the file could not be (wholly) read: why


def _lines(f, limit: int) -> Iterator[tuple[int, bytes, int, int]]:
    """``(offset, line, length, quotes)`` of a binary file's lines, in bounded memory: a line
    longer than ``limit`` bytes comes cut to ``limit + 1`` bytes (its rest is read in pieces and
    dropped), with its full ``length`` and the double quotes (``quotes``) in all of it."""
    offset = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        length, quotes = len(line), line.count(b'"')
        if len(line) > limit and not line.endswith(b"\n"):
            while more := f.readline(1 << 20):
                length += len(more)
                quotes += more.count(b'"')
                if more.endswith(b"\n"):
                    break
        yield offset, line, length, quotes
        offset += length


def scan(path: str, fmt: str, *, max_bytes: int, fields: Mapping[str, str] | None = None) -> Scan:
    """Every record of the file ``path`` (format ``fmt``, one of :data:`CONTAINERS`), streamed."""
    fields = dict(fields or {})
    try:
        with open(path, "rb") as f:
            if fmt == "jsonl":
                return _scan_jsonl(f, path, max_bytes, fields)
            if fmt == "json":
                return _scan_json(f, path, max_bytes, fields)
            if fmt in ("csv", "tsv"):
                return _scan_csv(f, path, fmt, max_bytes, fields)
            return _scan_warc(f, path, max_bytes)
    except OSError as exc:
        return Scan(problem=f"cannot read: {exc.strerror or exc}")


def _scan_jsonl(f, path: str, max_bytes: int, fields: dict) -> Scan:
    out = Scan()
    head = {"fields": fields}
    head_bytes = envelope("jsonl", head, b"")
    for n, (offset, line, length, _quotes) in enumerate(_lines(f, max_bytes), start=1):
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):  # a byte-order mark
            offset, line, length = offset + 3, line[3:], length - 3
        if not line.strip():
            continue
        label = f"line {n}"
        if length > max_bytes:
            out.items.append(Item(n, label, skip_reason=f"record too large ({length:,} bytes > limit {max_bytes:,})"))
            continue
        body = line.rstrip(b"\r\n")
        out.items.append(Item(n, label, head_bytes + body, ("slice", path, offset, len(body), head_bytes)))
    return out


def _scan_json(f, path: str, max_bytes: int, fields: dict) -> Scan:
    """A JSON file: an array of records (read whole, so limited to ``max_bytes``), one record
    object, or JSON lines under a ``.json`` name."""
    first = f.read(max_bytes + 1)
    start = first.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if start == b"{":
        # one object per line, or one object in the whole file
        f.seek(0)
        try:
            obj = json.loads(first.decode("utf-8-sig")) if len(first) <= max_bytes else None
        except (UnicodeDecodeError, ValueError):
            obj = None
        if isinstance(obj, dict):
            return Scan([_object_item(1, "object 1", obj, fields)])
        return _scan_jsonl(f, path, max_bytes, fields)
    if start != b"[":
        return Scan(problem="JSON file that is neither an array nor objects (expected '[' or '{' first)")
    if len(first) > max_bytes:
        return Scan(problem=f"JSON array too large to read whole (> {max_bytes:,} bytes): write it as JSON lines")
    data, why = _json(first, "utf-8-sig")
    if why:
        return Scan(problem=f"JSON file {why}")
    out = Scan()
    for n, obj in enumerate(data, start=1):
        label = f"element {n}"
        if not isinstance(obj, dict):
            out.items.append(Item(n, label, skip_reason="not a JSON object"))
            continue
        out.items.append(_object_item(n, label, obj, fields))
    return out


def _object_item(n: int, label: str, obj: dict, fields: dict) -> Item:
    """The item of a JSON object read from a file read whole (its payload kept in memory)."""
    payload = envelope("jsonl", {"fields": fields}, json.dumps(obj, ensure_ascii=False).encode())
    return Item(n, label, payload, ("bytes", payload))


def _inside_quotes(line: bytes, inside: bool, delimiter: int) -> bool:
    """Whether a CSV record is still inside a quoted field at the end of ``line``, given whether
    it was at its start (RFC 4180: a field is quoted when it starts with a quote; ``""`` inside
    is a quote; a quote anywhere else is an ordinary character)."""
    if b'"' not in line:
        return inside
    at_start = not inside
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if inside:
            if c == 34:  # "
                if i + 1 < n and line[i + 1] == 34:
                    i += 1
                else:
                    inside = False
        elif c == 34 and at_start:
            inside, at_start = True, False
        else:
            at_start = c in (delimiter, 10, 13)
        i += 1
    return inside


def _csv_rows(f, max_bytes: int, delimiter: int = 44) -> Iterator[tuple[int, int, bytes | None, int]]:
    """``(offset, length, bytes, first line number)`` of each CSV record: physical lines joined
    while a quoted field is open (:func:`_inside_quotes`; a quoted field may hold line breaks).
    A record still open at the end of the file has a negative line number (an unclosed quote).
    The bytes of a record longer than ``max_bytes`` are not kept (``None``): memory stays bounded."""
    buf: list[bytes] = []
    size = quotes = 0
    start = 0
    first_line = 1
    inside = False
    for n, (offset, line, length, q) in enumerate(_lines(f, max_bytes), start=1):
        if size == 0:
            start, first_line = offset, n
        size += length
        quotes += q
        if size <= max_bytes:
            buf.append(line)
        # a quote opens a quoted field only at the start of a field; elsewhere it is a character
        # (an inch mark in a TSV); for a line cut short, the parity of its quotes decides
        inside = _inside_quotes(line, inside, delimiter) if length == len(line) else quotes % 2 == 1
        if not inside:
            yield start, size, (b"".join(buf) if size <= max_bytes else None), first_line
            buf, size, quotes = [], 0, 0
    if size:
        yield start, size, (b"".join(buf) if size <= max_bytes else None), -first_line  # negative: unclosed


def _decode_row(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


class CsvRowError(ValueError):
    """A CSV record that the ``csv`` module cannot read, or that holds more than one row."""


def parse_csv_row(data: bytes, delimiter: str) -> list[str]:
    """The fields of one CSV record; :class:`CsvRowError` names what is wrong with it."""
    # (a carriage return alone, left by a bad export, is white space: csv refuses it unquoted)
    text = _decode_row(data).lstrip("\ufeff").replace("\r\n", "\n").replace("\r", " ")
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=False))
    except csv.Error as exc:
        raise CsvRowError(f"not a CSV row ({exc})") from None
    rows = [r for r in rows if r]
    if len(rows) > 1:
        raise CsvRowError(f"{len(rows)} rows where one was expected (a stray quote or line break?)")
    return rows[0] if rows else []


def _scan_csv(f, path: str, fmt: str, max_bytes: int, fields: dict) -> Scan:
    """A CSV or TSV file with a header row; each further row is a record (``row N``, counted
    from the first row under the header; a quoted field may span lines)."""
    delimiter = "\t" if fmt == "tsv" else ","
    out = Scan()
    header: list[str] | None = None
    n = 0
    for offset, length, data, line in _csv_rows(f, max_bytes, ord(delimiter)):
        if data is not None and not data.strip():
            continue
        if line < 0:
            if header is None:
                return Scan(problem=f"the header row (line {-line}) has an unclosed quote")
            n += 1
            reason = f"unclosed quote: the row starting at line {-line} runs to the end of the file"
            out.items.append(Item(n, f"row {n}", skip_reason=reason))
            break
        if header is None:
            if data is None:
                return Scan(problem=f"the header row is larger than the limit ({length:,} bytes)")
            try:
                header = [h.strip().lower() for h in parse_csv_row(data, delimiter)]
            except CsvRowError as exc:
                return Scan(problem=f"the header row (line {line}) is {exc}")
            head_bytes = envelope(fmt, {"fields": fields, "header": header}, b"")
            continue
        n += 1
        if length > max_bytes:
            reason = f"record too large ({length:,} bytes > limit {max_bytes:,}; starts at line {line})"
            out.items.append(Item(n, f"row {n}", skip_reason=reason))
            continue
        out.items.append(Item(n, f"row {n}", head_bytes + data, ("slice", path, offset, length, head_bytes)))
    if header is None:
        return Scan(problem="CSV file without a header row")
    return out


_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _warc_head(record) -> dict:
    headers = record.rec_headers
    http = record.http_headers
    return {
        "url": headers.get_header("WARC-Target-URI") or "",
        "crawl_date": headers.get_header("WARC-Date") or "",
        "content_type": (http.get_header("Content-Type") or "") if http is not None else "",
    }


def _scan_warc(f, path: str, max_bytes: int) -> Scan:
    """A WARC file (plain, or gzip-compressed a record a member, as WARC writers do): every HTML
    response record is an article; every other record is listed as skipped.  A truncated file
    is told by a record cut short or bytes left over after the last complete record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    out = Scan()
    n = end = 0
    it = ArchiveIterator(f, arc2warc=True)
    try:
        for record in it:
            n += 1
            label = f"record {n}"
            head = _warc_head(record)
            uri = f" ({head['url']})" if head["url"] else ""
            body = b""
            reason = ""
            if record.rec_type != "response" or record.http_headers is None:
                reason = f"WARC {record.rec_type} record, not an HTML response"
            else:
                ctype = head["content_type"].split(";")[0].strip().lower()
                status = record.http_headers.get_statuscode() or ""
                if ctype not in _HTML_TYPES:
                    reason = f"response of type {ctype or 'unknown'}, not HTML"
                elif not status.startswith("2"):
                    reason = f"HTTP status {status}, not a page"
                else:
                    body = record.content_stream().read(max_bytes + 1)
                    if len(body) > max_bytes:
                        reason = f"record too large (> limit {max_bytes:,} bytes)"
            if not reason and getattr(record.raw_stream, "limit", 0):
                reason = "record cut short (the file is truncated)"
            offset = it.get_record_offset()  # (reads the rest of the record: after its content)
            if reason:
                out.items.append(Item(n, label + uri, skip_reason=reason))
            else:
                head_bytes = envelope("warc", head, b"")
                out.items.append(Item(n, label, head_bytes + body, ("warc", path, offset, head_bytes)))
            end = offset + it.get_record_length()
    except ArchiveLoadFailed as exc:
        if "non-chunked gzip" in str(exc):
            return Scan(
                problem="WARC gzip-compressed as one stream, not a record a member: run `warcio recompress` on it"
            )
        out.problem = f"archive unreadable after record {n}: {' '.join(str(exc).split())}"
        return out
    except Exception as exc:
        out.problem = f"archive unreadable after record {n} (truncated or corrupt?): {type(exc).__name__}: {exc}"
        return out
    f.seek(end)
    rest = f.read(4096)
    if rest.strip():  # (an uncompressed WARC ends with the blank lines after its last record)
        size = os.fstat(f.fileno()).st_size
        out.problem = (
            f"{size - end:,} bytes after record {n} are not a complete WARC record (truncated or corrupt file)"
        )
    return out


# -- rebuilding a payload in a worker --------------------------------------------------------------------


def payload_of(locator: tuple, max_bytes: int) -> tuple[bytes | None, str]:
    """The payload a locator of :class:`Item` stands for, or ``None`` and why not."""
    kind = locator[0]
    if kind == "bytes":
        return locator[1], ""
    try:
        with open(locator[1], "rb") as f:
            f.seek(locator[2])
            if kind == "slice":
                _, _, _, length, head = locator
                data = f.read(length)
                if len(data) != length:
                    return None, "file changed while it was being read; load again"
                return head + data, ""
            from warcio.archiveiterator import ArchiveIterator

            record = next(iter(ArchiveIterator(f, arc2warc=True)))
            return locator[3] + record.content_stream().read(max_bytes + 1), ""
    except (OSError, StopIteration, ValueError) as exc:
        return None, f"cannot read record: {exc}"


# -- reading a record ----------------------------------------------------------------------------------


@dataclass(slots=True)
class RecordText:
    """A record read: its text (or HTML) and what its metadata says."""

    text: str = ""
    html: bytes | str = b""
    meta: dict = field(default_factory=dict)  # url, title, date, crawl_date, outlet, domain, language
    skip_reason: str = ""


def _lookup(row: Mapping[str, object], key: str, fields: Mapping[str, str]) -> str:
    for name in _names(key, fields):
        value = row.get(name)
        if value is None:
            continue
        if isinstance(value, list):  # e.g. several authors or sources: the first
            value = value[0] if value else ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _from_row(row: Mapping[str, object], fields: Mapping[str, str]) -> RecordText:
    keys = ("url", "title", "date", "crawl_date", "outlet", "domain", "language")
    meta = {k: v for k in keys if (v := _lookup(row, k, fields))}
    raw = next((row.get(n) for n in _names("text", fields) if row.get(n) is not None), None)
    if raw is not None and not isinstance(raw, str):
        return RecordText(meta=meta, skip_reason=f"text field is a {type(raw).__name__}, not a string")
    if isinstance(raw, str) and raw.strip():
        return RecordText(text=raw, meta=meta)
    html = _lookup(row, "html", fields)
    if html:
        return RecordText(html=html, meta=meta)
    if raw is not None:
        return RecordText(meta=meta, skip_reason="empty text")
    looked = fields.get("text") or ", ".join(FIELDS["text"])
    return RecordText(meta=meta, skip_reason=f"no text field (looked for: {looked}; name yours with fields=)")


def _json(data: bytes, encoding: str) -> tuple[object, str]:
    """``(value, "")`` of JSON bytes, or ``(None, why not)``."""
    try:
        return json.loads(data.decode(encoding)), ""
    except UnicodeDecodeError:
        return None, "is not UTF-8"
    except ValueError as exc:
        return None, f"is not valid JSON ({exc})"


def read_record(head: dict, body: bytes) -> RecordText:
    """The text and metadata of an envelope's record (``head`` from :func:`open_payload`)."""
    fmt = head["format"]
    fields = head.get("fields") or {}
    if fmt == "html":
        return RecordText(html=body)
    if fmt == "warc":
        meta = {k: head[k] for k in ("url", "crawl_date") if head.get(k)}
        return RecordText(html=body, meta=meta)
    if fmt == "jsonl":
        row, why = _json(body, "utf-8")
        if why:
            return RecordText(skip_reason=f"JSON line {why}")
        if not isinstance(row, dict):
            return RecordText(skip_reason=f"JSON {type(row).__name__}, not an object")
        return _from_row({str(k).lower(): v for k, v in row.items()}, fields)
    if fmt in ("csv", "tsv"):
        header = head["header"]
        try:
            values = parse_csv_row(body, "\t" if fmt == "tsv" else ",")
        except CsvRowError as exc:
            return RecordText(skip_reason=str(exc))
        if len(values) > len(header):
            return RecordText(skip_reason=f"{len(values)} fields in a row under a header of {len(header)}")
        return _from_row(dict(zip(header, values, strict=False)), fields)
    return RecordText(skip_reason=f"unknown record format {fmt!r}")
