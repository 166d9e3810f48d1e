"""Bytes to text: UTF-8 with noted fallbacks, or the reason the bytes are no article
(empty, binary, HTML, only a date header)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from defcoop.reading.dates import parse_header


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
