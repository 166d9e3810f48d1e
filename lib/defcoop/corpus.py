"""Reading a folder of crawled articles into a :class:`Corpus`.

Reading is in two steps, both pure functions of a file's bytes:

1. :func:`decode` turns bytes into text, or says why it cannot (empty, binary, HTML, ...).
2. :func:`parse_article` splits the text into blocks (header, title, dateline, captions,
   furniture, prose) and the prose into paragraphs and sentences, all as character offsets
   into the decoded text, so that every later count points at characters of the article.

:func:`load` walks a folder, applies both steps to every file, and returns the tables.  Every
file found ends up in ``Corpus.docs`` or in ``Corpus.skipped`` with a reason.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from defcoop.dates import DateValue, parse_dateline, parse_header
from defcoop.resources import furniture_rules
from defcoop.text import sentence_spans, word_count

__all__ = ["Article", "Block", "Decoded", "decode", "discover", "parse_article"]

MAX_BYTES_DEFAULT = 20 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})


# --------------------------------------------------------------------------- decoding


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str | None
    encoding: str
    warnings: tuple[str, ...] = ()
    skip_reason: str = ""


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(sample) > 0.05


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes; never raises.

    UTF-8 is expected.  A byte-order mark is honoured (UTF-8, UTF-16) and noted; text that is
    not valid UTF-8 is read as Windows-1252 (or, failing that, Latin-1) with a warning, because
    a loaded article with a note is more useful than a skipped one.

    >>> decode("Việt Nam".encode()).text
    'Việt Nam'
    >>> d = decode("\\ufeffHà Nội".encode("utf-8"))
    >>> d.text, d.warnings
    ('Hà Nội', ('UTF-8 byte-order mark removed',))
    >>> d = decode("Caf\\xe9 in Minsk".encode("cp1252"))
    >>> d.text, d.encoding
    ('Café in Minsk', 'cp1252')
    >>> decode(b"").skip_reason
    'empty file'
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR\\x00\\x00").skip_reason
    'binary file (NUL or control bytes), not text'
    """
    if not data:
        return Decoded(None, "", skip_reason="empty file")
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        encoding, payload = "utf-8", data[len(codecs.BOM_UTF8) :]
        warnings.append("UTF-8 byte-order mark removed")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return Decoded(None, "utf-16", skip_reason=f"UTF-16 byte-order mark but undecodable ({exc.reason})")
        return _finish(text, "utf-16", ["decoded as UTF-16 (byte-order mark)"])
    else:
        encoding, payload = "utf-8", data
    if b"\x00" in payload or _looks_binary(payload):
        # UTF-16 without a BOM: every other byte NUL in ASCII-heavy text, and the result reads as text.
        for enc, zeros in (("utf-16-le", payload[1::2]), ("utf-16-be", payload[0::2])):
            if len(payload) >= 4 and zeros.count(0) > 0.4 * len(payload) / 2:
                try:
                    text = payload.decode(enc)
                except UnicodeDecodeError:
                    continue
                if _reads_as_text(text):
                    return _finish(text, enc, [f"decoded as {enc.upper()} (no byte-order mark)"])
        return Decoded(None, "", skip_reason="binary file (NUL or control bytes), not text")
    try:
        return _finish(payload.decode(encoding), encoding, warnings)
    except UnicodeDecodeError as exc:
        where = exc.start
    for fallback in ("cp1252", "latin-1"):
        try:
            text = payload.decode(fallback)
        except UnicodeDecodeError:
            continue
        warnings.append(f"not valid UTF-8 (first bad byte at offset {where}); decoded as {fallback}")
        return _finish(text, fallback, warnings)
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _reads_as_text(text: str) -> bool:
    """Mostly letters, digits, punctuation and spaces: not binary decoded by accident."""
    sample = text[:4000]
    if not sample:
        return False
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\r\n\t")
    letters = sum(1 for ch in sample if ch.isalpha())
    return printable / len(sample) > 0.95 and letters / len(sample) > 0.4


_HTML_START = re.compile(r"\A\s*(?:<!DOCTYPE\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", re.I)


def _finish(text: str, encoding: str, warnings: list[str]) -> Decoded:
    if not text.strip():
        return Decoded(None, encoding, tuple(warnings), "only white space")
    if _HTML_START.match(text):
        return Decoded(None, encoding, tuple(warnings), "HTML page, not plain text (extract the article text first)")
    return Decoded(text, encoding, tuple(warnings))


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True, slots=True)
class Block:
    """One line-level piece of an article: prose, or something that is not prose."""

    kind: str  # header | title | dateline | widget | caption | boilerplate | lead | tail | body
    start: int
    end: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    para_no: int  # 0 for the title, 1.. for body paragraphs
    section: str  # title | body
    start: int
    end: int


@dataclass(slots=True)
class Article:
    """Everything :func:`parse_article` learns from one text."""

    text: str
    header: DateValue | None = None
    header_raw: str = ""
    title: str = ""
    outlet: str = ""
    credit: str = ""
    dateline: DateValue | None = None
    blocks: list[Block] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The prose paragraphs, white space collapsed, separated by blank lines."""
        return "\n\n".join(" ".join(self.text[a:b].split()) for a, b in self.paragraphs)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_TERMINAL_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_TITLE_MAX_WORDS = 25


def _lines(text: str, start: int) -> Iterable[tuple[int, int]]:
    """Content spans of the lines of ``text[start:]`` (white space, incl. NBSP, trimmed)."""
    for m in _LINE.finditer(text, start):
        if m.start() == m.end():
            break
        seg = m.group(0)
        content = seg.rstrip("\r\n")
        stripped = content.strip()
        if not stripped:
            continue
        lead = len(content) - len(content.lstrip())
        yield m.start() + lead, m.start() + lead + len(stripped)


def parse_article(text: str) -> Article:
    """Split an article into its blocks, paragraphs and sentences.

    >>> a = parse_article(" date 2020-07-03 Tin tức - VietNamNet\\nTalks held\\n\\n05/07/2020 00:30\\n\\n"
    ...                   "Minister A.V. Fomin met Giang.They agreed,\\n\\nduring the call, to meet./.VNA")
    >>> a.header.iso, a.title, a.dateline.iso, a.outlet, a.credit
    ('2020-07-03', 'Talks held', '2020-07-05', 'VietNamNet', 'VNA')
    >>> [a.text[s.start:s.end] for s in a.sentences]
    ['Talks held', 'Minister A.V. Fomin met Giang.', 'They agreed,\\n\\nduring the call, to meet.']
    """
    art = Article(text=text)
    rules = furniture_rules()
    line_rules = [r for r in rules if r.scope == "line"]
    credit_rules = [r for r in rules if r.scope == "credit"]
    start = 0
    header = parse_header(text)
    if header is not None:
        art.blocks.append(Block("header", header.start, header.end, "crawler date header"))
        art.header_raw = header.raw
        art.header = header.value
        if header.value is None:
            art.warnings.append(f"date header {header.raw!r} is not a valid date; ignored")
        start = header.end

    outlet_votes: list[tuple[int, str]] = []  # (priority, outlet); lower priority wins
    classified: list[Block] = []
    after_image = False
    for a, b in _lines(text, start):
        line = text[a:b]
        kind, reason = "body", ""
        for rule in line_rules:
            if rule.pattern.fullmatch(line):
                kind, reason = "boilerplate", rule.reason
                if rule.outlet:
                    outlet_votes.append((0, rule.outlet))
                break
        if kind == "body" and (dl := parse_dateline(line)) is not None:
            kind, reason = ("widget", "page's 'today' date") if dl.widget else ("dateline", dl.value.iso)
        if kind == "body":
            for rule in credit_rules:
                if rule.pattern.search(line):
                    kind, reason = "caption", rule.reason
                    break
        if kind == "body" and after_image and word_count(line) <= 20 and not _TERMINAL_END.search(line):
            kind, reason = "caption", "photo caption (follows image residue)"
        after_image = kind == "boilerplate" and "image residue" in reason
        classified.append(Block(kind, a, b, reason))

    # Title: the first prose line, if it comes before any other prose and reads like a headline.
    body_idx = [i for i, blk in enumerate(classified) if blk.kind == "body"]
    title_idx = -1
    if body_idx:
        first = classified[body_idx[0]]
        line = text[first.start : first.end]
        if word_count(line) <= _TITLE_MAX_WORDS and not re.search(r"[.!?:;,]$", line) and len(body_idx) > 1:
            title_idx = body_idx[0]
            classified[title_idx] = Block("title", first.start, first.end, "first short line without end punctuation")
            art.title = " ".join(line.split())
    # A page's "today" widget is not the article's date: a date line directly followed by the
    # site menu, or any date line followed by another one before the prose starts.
    first_prose = min([i for i, blk in enumerate(classified) if blk.kind in {"title", "body"}], default=len(classified))
    date_idx = [i for i, blk in enumerate(classified) if blk.kind == "dateline"]
    for i in date_idx:
        nxt = classified[i + 1] if i + 1 < len(classified) else None
        followed_by_menu = nxt is not None and nxt.kind == "boilerplate" and "menu" in nxt.reason
        another_before_prose = any(i < j < first_prose for j in date_idx)
        if followed_by_menu or another_before_prose:
            classified[i] = Block(
                "widget", classified[i].start, classified[i].end, "date line of the site's 'today' widget"
            )
    datelines = [blk for blk in classified if blk.kind == "dateline"]
    if datelines:
        art.dateline = parse_dateline(text[datelines[0].start : datelines[0].end]).value  # type: ignore[union-attr]

    # Lead and tail furniture on the first and last prose lines.
    prose = [i for i, blk in enumerate(classified) if blk.kind == "body"]
    extra: list[Block] = []
    if prose:
        i = prose[0]
        blk = classified[i]
        for rule in (r for r in rules if r.scope == "lead"):
            m = rule.pattern.match(text, blk.start, blk.end)
            if m and m.end() > m.start():
                extra.append(Block("lead", m.start(), m.end(), rule.reason))
                classified[i] = Block("body", m.end(), blk.end)
                if rule.outlet:
                    outlet_votes.append((1, rule.outlet))
                break
        i = prose[-1]
        changed = True
        while changed:
            changed = False
            blk = classified[i]
            for rule in (r for r in rules if r.scope == "tail"):
                m = rule.pattern.search(text, blk.start, blk.end)
                if m and m.end() == blk.end and m.start() > blk.start:
                    extra.append(Block("tail", m.start(), m.end(), rule.reason))
                    classified[i] = Block("body", blk.start, m.start())
                    if rule.outlet:
                        outlet_votes.append((2, rule.outlet))
                        art.credit = art.credit or rule.outlet
                    changed = True
                    break
    art.blocks.extend(classified)
    art.blocks.extend(extra)
    art.blocks.sort(key=lambda blk: (blk.start, blk.end))
    if outlet_votes:
        art.outlet = min(outlet_votes, key=lambda v: v[0])[1]

    # Paragraphs: consecutive prose lines are one paragraph when the first stops mid-sentence
    # and the next begins in lower case (a crawl that broke a sentence over two lines).
    paragraphs: list[list[int]] = []
    for blk in (blk for blk in art.blocks if blk.kind == "body" and blk.end > blk.start):
        if paragraphs:
            prev_end = paragraphs[-1][1]
            prev = text[paragraphs[-1][0] : prev_end]
            nxt = text[blk.start : blk.end]
            only_space_between = not any(b2.kind != "body" and prev_end <= b2.start < blk.start for b2 in art.blocks)
            if only_space_between and not _TERMINAL_END.search(prev.rstrip()) and nxt[:1].islower():
                paragraphs[-1][1] = blk.end
                continue
        paragraphs.append([blk.start, blk.end])
    art.paragraphs = [(a, b) for a, b in paragraphs]
    if title_idx >= 0:
        t = classified[title_idx]
        art.sentences.append(Sentence(0, "title", t.start, t.end))
    for n, (a, b) in enumerate(art.paragraphs, start=1):
        for span in sentence_spans(text, a, b):
            art.sentences.append(Sentence(n, "body", span.start, span.end))
    if not art.paragraphs:
        art.warnings.append("no prose found after removing furniture")
    return art


# --------------------------------------------------------------------------- discovery


@dataclass(frozen=True, slots=True)
class Found:
    path: Path  # absolute
    relpath: str  # relative to the corpus root, POSIX separators
    skip_reason: str = ""


def discover(root: Path, *, max_bytes: int = MAX_BYTES_DEFAULT) -> list[Found]:
    """Every entry under ``root`` that could be an article, sorted by relative path.

    Symbolic links to directories are not followed (no loops); hidden files and folders,
    FIFOs, sockets, devices, broken links and oversized files are returned with a reason.
    """
    found: list[Found] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(dirpath)
        keep_dirs = []
        for d in sorted(dirnames):
            p = base / d
            rel = p.relative_to(root).as_posix()
            if p.is_symlink():
                found.append(Found(p, rel, "symbolic link to a folder (not followed)"))
            elif d.startswith("."):
                found.append(Found(p, rel, "hidden folder (not read)"))
            else:
                keep_dirs.append(d)
        dirnames[:] = keep_dirs
        for name in sorted(filenames):
            p = base / name
            rel = p.relative_to(root).as_posix()
            found.append(Found(p, rel, _file_problem(p, name, max_bytes)))
    found.sort(key=lambda f: f.relpath)
    return found


def _file_problem(p: Path, name: str, max_bytes: int) -> str:
    if name.startswith("."):
        return "hidden file (not read)"
    try:
        st = p.stat()  # follows links
    except FileNotFoundError:
        return "broken symbolic link" if p.is_symlink() else "file vanished while reading the folder"
    except OSError as exc:
        return f"cannot stat: {exc.strerror or exc}"
    if stat.S_ISFIFO(st.st_mode):
        return "named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(st.st_mode):
        return "socket, not a regular file"
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        return "device, not a regular file"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if st.st_size > max_bytes:
        return f"file too large ({st.st_size:,} bytes > limit {max_bytes:,})"
    if p.suffix.lower() not in TEXT_SUFFIXES:
        return f"not a text article (suffix {p.suffix!r})"
    return ""


def read_bytes(path: Path, max_bytes: int) -> tuple[bytes | None, str]:
    """The file's bytes, or ``None`` and the reason it could not be read."""
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        return None, "permission denied"
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"
    if len(data) > max_bytes:
        return None, f"file too large (> limit {max_bytes:,} bytes)"
    return data, ""


def frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with exactly ``columns`` (also when there are no rows)."""
    return pd.DataFrame(rows, columns=columns)
