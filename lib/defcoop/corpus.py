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
import errno
import operator
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

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


BINARY_REASON = "binary file (NUL or control bytes), not text"
# C0 control characters that never belong in an article (tab, LF, FF and CR do).
_STRAY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_STRAY_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Text with a few stray control bytes (a NUL from a bad copy, an ESC) is repaired; more than
# this share of the bytes, and the file is treated as binary.
_MAX_STRAY_SHARE = 0.02
_BOMS_32 = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"))
_BOMS_16 = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes; never raises.

    UTF-8 is expected.  A byte-order mark is honoured (UTF-8, UTF-16, UTF-32) and noted; text
    that is mostly UTF-8 with a few broken bytes keeps its UTF-8 reading with U+FFFD in their
    place; other text that is not valid UTF-8 is read as Windows-1252 (or, failing that,
    Latin-1).  Trailing NUL padding and a few stray control bytes are removed.  Every repair
    is named in ``warnings``, because a loaded article with a note is more useful than a
    skipped one; files that are not articles get a ``skip_reason`` instead.

    >>> decode("Việt Nam".encode()).text
    'Việt Nam'
    >>> d = decode("\\ufeffHà Nội".encode("utf-8"))
    >>> d.text, d.warnings
    ('Hà Nội', ('UTF-8 byte-order mark removed',))
    >>> d = decode("Caf\\xe9 in Minsk".encode("cp1252"))
    >>> d.text, d.encoding
    ('Café in Minsk', 'cp1252')
    >>> d = decode("Hà Nội and Minsk".encode() + b"\\xff" + " agreed.".encode())
    >>> d.text, d.encoding, d.warnings[0][:40]
    ('Hà Nội and Minsk\\ufffd agreed.', 'utf-8', 'not valid UTF-8 (1 bad byte sequence, fi')
    >>> decode(b"Talks in Hanoi.\\x00\\x00\\x00").warnings
    ('3 trailing NUL bytes removed',)
    >>> decode(b"").skip_reason
    'empty file'
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR\\x00\\x00").skip_reason
    'binary file (NUL or control bytes), not text'
    """
    if not data:
        return Decoded(None, "", skip_reason="empty file")
    for bom, enc in (*_BOMS_32, *_BOMS_16):  # UTF-32 first: its LE mark begins with UTF-16's
        if data.startswith(bom):
            name = enc[:6].upper()
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                return Decoded(None, enc, skip_reason=f"{name} byte-order mark but undecodable ({exc.reason})")
            return _finish(text, enc[:6], [f"decoded as {name} (byte-order mark)"])
    warnings: list[str] = []
    payload = data
    if data.startswith(codecs.BOM_UTF8):
        payload = data[len(codecs.BOM_UTF8) :]
        warnings.append("UTF-8 byte-order mark removed")
    if _STRAY_BYTES.search(payload):
        if b"\x00" in payload:
            # UTF-16 without a BOM: every other byte NUL in ASCII-heavy text, and the result reads as text.
            for enc, zeros in (("utf-16-le", payload[1::2]), ("utf-16-be", payload[0::2])):
                if len(payload) >= 4 and zeros.count(0) > 0.4 * len(payload) / 2:
                    try:
                        text = payload.decode(enc)
                    except UnicodeDecodeError:
                        continue
                    if _reads_as_text(text):
                        return _finish(text, enc, [*warnings, f"decoded as {enc.upper()} (no byte-order mark)"])
        core = payload.rstrip(b"\x00")
        stray = len(_STRAY_BYTES.findall(core))
        if not core or stray > _MAX_STRAY_SHARE * len(core):
            return Decoded(None, "", skip_reason=BINARY_REASON)
        if not _reads_as_text(_STRAY_BYTES.sub(b"", core[:16384]).decode("utf-8", "replace")):
            return Decoded(None, "", skip_reason=BINARY_REASON)
        if len(core) < len(payload):
            warnings.append(f"{len(payload) - len(core):,} trailing NUL bytes removed")
        payload = core  # the remaining stray control characters are removed (and counted) by _finish
    try:
        return _finish(payload.decode("utf-8"), "utf-8", warnings)
    except UnicodeDecodeError as exc:
        where = exc.start
    # Mostly UTF-8 with a few broken bytes (a truncated character, a stray cp1252 quote): reading
    # the whole text as cp1252 would garble every Vietnamese letter, so keep UTF-8 and mark the
    # bad bytes.  Latin-1/cp1252 text almost never contains valid multi-byte UTF-8 sequences.
    replaced = payload.decode("utf-8", "replace")
    bad = replaced.count("\ufffd") - payload.count("\ufffd".encode())
    multibyte = sum(1 for ch in replaced if ord(ch) > 0x7F) - replaced.count("\ufffd")
    if multibyte >= 2 * bad:
        warnings.append(
            f"not valid UTF-8 ({bad} bad byte sequence{'s' if bad != 1 else ''}, first at offset {where}); "
            "decoded as UTF-8 with U+FFFD in their place"
        )
        return _finish(replaced, "utf-8", warnings)
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


_HTML_START = re.compile(r"\A\s*(?:<!DOCTYPE\s+html|<html\b|<\?xml[^>]*>\s*<html\b|<head\b|<body\b)", re.I)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|li|ul|ol|table|tr|td|th|script|style|meta|link|br|img|h[1-6]|nav|header|"
    r"footer|section|article|form|input|button|iframe)\b[^<>]{0,2000}>",
    re.I,
)
HTML_REASON = "HTML page, not plain text (extract the article text first)"
# A text whose characters are more than this share HTML tags is a saved page, not an article
# (an article that merely quotes a tag or two is still an article).
_MAX_TAG_SHARE = 0.2
_MIN_TAGS = 10


def _finish(text: str, encoding: str, warnings: list[str]) -> Decoded:
    if not text.strip():
        return Decoded(None, encoding, tuple(warnings), "only white space")
    if _HTML_START.match(text):
        return Decoded(None, encoding, tuple(warnings), HTML_REASON)
    tags = _HTML_TAG.findall(text, 0, 200_000)
    if len(tags) >= _MIN_TAGS and sum(map(len, tags)) > _MAX_TAG_SHARE * len("".join(text[:200_000].split())):
        return Decoded(None, encoding, tuple(warnings), HTML_REASON)
    header = parse_header(text)
    if header is not None and not text[header.end :].strip():
        return Decoded(None, encoding, tuple(warnings), "only a date header, no article text")
    stray = _STRAY_CHARS.findall(text)
    if stray:
        kinds = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(stray))[:4])
        text = _STRAY_CHARS.sub("", text)
        warnings = [*warnings, f"{len(stray):,} control character{'s' if len(stray) != 1 else ''} removed ({kinds})"]
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
    sentence_texts: list[str] = field(default_factory=list)  # each sentence, white space collapsed

    @property
    def body(self) -> str:
        """The prose paragraphs, white space collapsed, separated by blank lines."""
        return "\n\n".join(" ".join(self.text[a:b].split()) for a, b in self.paragraphs)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_TERMINAL_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_TITLE_MAX_WORDS = 25
# A line in a related-news list: a bulleted line, or a headline without end punctuation.
_HEADLINE_ITEM = re.compile(r"^(?:[-–—•·*>]\s*\S.*|[^.!?…]{3,200})$")


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


@lru_cache(maxsize=1)
def _line_rules() -> tuple[list, re.Pattern[str]]:
    """Whole-line furniture rules, and one alternation of all of them (one regex call per line).

    The alternation tries the rules in file order, so the first rule that matches the whole
    line wins, as a loop over the rules would.
    """
    rules = [r for r in furniture_rules() if r.scope == "line"]
    combined = "|".join(f"(?P<r{i}>{r.pattern.pattern})" for i, r in enumerate(rules))
    return rules, re.compile(combined, re.IGNORECASE)


@lru_cache(maxsize=1)
def _credit_rules() -> tuple[list, re.Pattern[str]]:
    """Photo-credit rules, and one alternation that says whether any of them occurs in a line
    (most lines have no credit, so the rules are tried one by one only when it does)."""
    rules = [r for r in furniture_rules() if r.scope == "credit"]
    return rules, re.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules) or "(?!)", re.IGNORECASE)


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
    line_rules, line_regex = _line_rules()
    credit_rules, any_credit = _credit_rules()
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
    after_image = in_related = False
    for a, b in _lines(text, start):
        line = text[a:b]
        kind, reason = "body", ""
        m = line_regex.fullmatch(line)
        if m is not None:
            rule = line_rules[int(m.lastgroup[1:])]
            kind, reason = "boilerplate", rule.reason
            if rule.outlet:
                outlet_votes.append((0, rule.outlet))
        if kind == "body" and (dl := parse_dateline(line)) is not None:
            kind, reason = ("widget", "page's 'today' date") if dl.widget else ("dateline", dl.value.iso)
        if kind == "body" and any_credit.search(line):
            for rule in credit_rules:
                if rule.pattern.search(line):
                    kind, reason = "caption", rule.reason
                    break
        if kind == "body" and after_image and word_count(line) <= 20 and not _TERMINAL_END.search(line):
            kind, reason = "caption", "photo caption (follows image residue)"
        if kind == "body" and in_related and _HEADLINE_ITEM.match(line):
            kind, reason = "boilerplate", "related-news link (headline of another story)"
        after_image = kind == "boilerplate" and "image residue" in reason
        if kind == "boilerplate" and "related-news" in reason:
            in_related = True
        elif kind == "body":
            in_related = False
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
    # A page's "today" widget is not the article's date.  With several date lines, the
    # article's is the first one after the title, else the last one before the prose; a lone
    # date line directly followed by the site menu is the widget too.
    first_prose = min([i for i, blk in enumerate(classified) if blk.kind in {"title", "body"}], default=len(classified))
    date_idx = [i for i, blk in enumerate(classified) if blk.kind == "dateline"]
    after_title = [i for i in date_idx if i > title_idx >= 0]
    before_prose = [i for i in date_idx if i < first_prose]
    keep = after_title[0] if after_title else (before_prose[-1] if before_prose else (date_idx[0] if date_idx else -1))
    for i in date_idx:
        nxt = classified[i + 1] if i + 1 < len(classified) else None
        followed_by_menu = nxt is not None and nxt.kind == "boilerplate" and "menu" in nxt.reason
        if i != keep or (len(date_idx) == 1 and followed_by_menu):
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
    art.sentence_texts = [" ".join(text[s.start : s.end].split()) for s in art.sentences]
    if not art.paragraphs:
        art.warnings.append("no prose found after removing furniture")
    return art


# --------------------------------------------------------------------------- discovery


class Found(NamedTuple):
    """One entry found under the corpus root (a named tuple: 100,000 of them are made per load)."""

    fspath: str  # absolute path as the OS names it (a str: cheaper than a Path)
    relpath: str  # relative to the corpus root, POSIX separators, always valid UTF-8
    skip_reason: str = ""
    note: str = ""  # a repair made while finding the file (e.g. an undecodable file name)
    # (size, mtime_ns, ctime_ns, inode, device) of a readable file (links followed) when found
    stat: tuple[int, int, int, int, int] | None = None


def _shown(rel: str) -> tuple[str, str]:
    """A file name that can be printed and written to CSV/Parquet, and a note if it had to change.

    Names that are not valid UTF-8 reach Python with lone surrogates (PEP 383); those bytes are
    shown as ``\\xNN`` escapes instead, so the name is kept readable and the file is still opened
    by its real ``path``.
    """
    if rel.isascii():
        return rel, ""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(rel).decode("utf-8", "backslashreplace")
        return shown, "file name is not valid UTF-8; shown with \\x escapes"
    return rel, ""


_name = operator.attrgetter("name")


def discover(root: Path, *, max_bytes: int = MAX_BYTES_DEFAULT) -> list[Found]:
    """Every entry under ``root`` that could be an article, sorted by relative path.

    Symbolic links to directories are not followed (no loops); hidden files and folders,
    FIFOs, sockets, devices, broken or looping links, folders that cannot be listed and
    oversized files are returned with a reason.  Nothing is opened here, only ``stat``-ed.

    The walk is ``os.walk``'s (top-down, links to folders not entered, a folder that cannot be
    listed reported once), done with ``os.scandir`` entries and plain strings, so that each
    file costs one ``stat`` and no path objects.
    """
    top = os.fspath(Path(root))
    cut = len(top) if top.endswith(os.sep) else len(top) + 1  # path[cut:] is the relative path
    found: list[Found] = []

    def rel_of(path: str) -> str:
        rel = path[cut:]
        return rel if os.sep == "/" else rel.replace(os.sep, "/")

    def unlistable(exc: OSError) -> None:
        path = os.fspath(exc.filename) if exc.filename else top
        shown, note = _shown(rel_of(path) if path != top else ".")
        found.append(Found(path, shown, f"cannot list folder: {exc.strerror or exc}", note))

    pending = [top]
    while pending:
        dirpath = pending.pop()
        dirs: list[os.DirEntry] = []
        files: list[os.DirEntry] = []
        try:
            with os.scandir(dirpath) as it:
                for entry in it:
                    try:
                        is_dir = entry.is_dir()  # follows links, as os.walk does
                    except OSError:
                        is_dir = False
                    (dirs if is_dir else files).append(entry)
        except OSError as exc:  # the folder cannot be listed (or stopped listing half-way)
            unlistable(exc)
            continue
        keep: list[str] = []
        for entry in sorted(dirs, key=_name):
            shown, note = _shown(rel_of(entry.path))
            if entry.is_symlink():
                found.append(Found(entry.path, shown, "symbolic link to a folder (not followed)", note))
            elif entry.name.startswith("."):
                found.append(Found(entry.path, shown, "hidden folder (not read)", note))
            else:
                keep.append(entry.path)
        for entry in sorted(files, key=_name):
            path, name = entry.path, entry.name
            shown, note = _shown(rel_of(path))
            try:
                st = entry.stat() if name[:1] != "." else None  # follows links
            except OSError:
                st = None
            # The usual case inline (a regular file of acceptable size with a text suffix);
            # anything else gets its reason from _file_problem.
            if (
                st is not None
                and stat.S_ISREG(st.st_mode)
                and st.st_size <= max_bytes
                and _suffix(name).lower() in TEXT_SUFFIXES
            ):
                found.append(
                    Found(path, shown, "", note, (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev))
                )
            else:
                found.append(Found(path, shown, _file_problem(entry, name, max_bytes), note))
        pending.extend(reversed(keep))  # depth first, in name order, like os.walk
    found.sort(key=lambda f: f.relpath)
    return found


def _suffix(name: str) -> str:
    """``Path(name).suffix``: from the last dot, unless the dot leads or ends the name."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _file_problem(p: os.DirEntry, name: str, max_bytes: int) -> str:
    """Why the file ``p`` (a directory entry named ``name``) is not read, or ``""``."""
    if name.startswith("."):
        return "hidden file (not read)"
    try:
        st = p.stat()  # follows links
    except FileNotFoundError:
        return "broken symbolic link" if p.is_symlink() else "file vanished while reading the folder"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
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
    suffix = _suffix(name)
    if suffix.lower() not in TEXT_SUFFIXES:
        return f"not a text article (suffix {suffix!r})"
    return ""


def read_bytes(path: Path, max_bytes: int) -> tuple[bytes | None, str]:
    """The file's bytes, or ``None`` and the reason it could not be read.

    Opened non-blocking and checked again after opening, so a file that was replaced by a
    named pipe or grew past the limit since :func:`discover` saw it can neither hang the
    loader nor be read whole.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        return None, "permission denied"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "symbolic link loop"
        return None, f"cannot read: {exc.strerror or exc}"
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None, "not a regular file"
        if st.st_size > max_bytes:
            return None, f"file too large ({st.st_size:,} bytes > limit {max_bytes:,})"
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"
    finally:
        os.close(fd)
    if size > max_bytes:
        return None, f"file too large (> limit {max_bytes:,} bytes)"
    return b"".join(chunks), ""


def frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with exactly ``columns`` (also when there are no rows)."""
    return pd.DataFrame(rows, columns=columns)
