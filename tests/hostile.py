"""A hostile corpus: every kind of bad input a crawl folder has shown us, with its expected outcome.

``make_hostile_corpus(root)`` fills an empty folder and returns ``{relative path: Expected}``:
the path as the loader reports it (``Corpus.docs.path`` / ``Corpus.skipped.path``) and whether
the file must be loaded (``detail`` then is a substring of its warnings, if a repair is due)
or skipped (``detail`` is a substring of the reason).  Every file in it is readable by its
owner except the two entries made unreadable on purpose (``chmod 000``); the tests run the
loader as a reader that cannot read past permissions (:mod:`tests.unprivileged`), since
``root`` with its usual capabilities reads everything, which would make them meaningless.

The articles are the English gold articles, re-encoded and damaged in the ways crawls damage
them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

GOLD = Path(__file__).resolve().parent / "gold" / "articles"
BIG_BYTES = 50 * 1024 * 1024
GLUED_SENTENCES = 10_000
# The file whose bytes are not valid UTF-8 in its *name* (PEP 383 surrogate on reading).
BAD_NAME = b"caf\xe9-latin1-name.txt"
BAD_NAME_SHOWN = "caf\\xe9-latin1-name.txt"


@dataclass(frozen=True)
class Expected:
    kind: str  # what bad input this is, for the report table
    outcome: Literal["loaded", "skipped"]
    detail: str = ""  # substring of the warnings (loaded) or of the reason (skipped); "a|b": either
    copy_group: str = ""  # files with the same group are copies: one original, the rest point to it


def _gold(name: str) -> str:
    return (GOLD / name).read_text(encoding="utf-8")


def _ascii_article(source: str) -> str:
    """A gold article with only ASCII letters (so it survives Latin-1 and cp1252)."""
    import unicodedata

    text = _gold(source)
    text = text.translate({0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x2013: "-", 0x2014: "-"})
    text = text.replace("Đ", "D").replace("đ", "d")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _write(root: Path, rel: str | bytes, data: bytes) -> Path:
    p = Path(os.fsdecode(os.path.join(os.fsencode(root), rel if isinstance(rel, bytes) else os.fsencode(rel))))
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


def _glued(n: int) -> str:
    partners = ["Belarus", "Russia", "India", "Japan", "Laos", "Cambodia", "France", "Cuba"]
    parts = [" date 2021-06-15\nVietnam defence cooperation, item by item\n\n"]
    for i in range(n):
        p = partners[i % len(partners)]
        parts.append(f"Vietnam and {p} reviewed cooperation item {i + 1} on military training in Hanoi.")
    return "".join(parts) + "\n"


def make_hostile_corpus(root: Path) -> dict[str, Expected]:
    """Write the hostile corpus into the empty folder ``root``; return the expected outcomes."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)
    exp: dict[str, Expected] = {}

    def add(rel: str, data: bytes, expected: Expected) -> Path:
        exp[rel] = expected
        return _write(root, rel, data)

    plain = _gold("g10_giang-belousov-hanoi.txt")
    add("plain-utf8.txt", plain.encode(), Expected("a clean UTF-8 article (control)", "loaded", copy_group="plain"))
    # -- encodings
    broken = _gold("g01_giang-khrenin-minsk.txt").encode()
    cut = broken.index(b" ", len(broken) // 2)
    add(
        "invalid-utf8.txt",
        broken[:cut] + b"\xff\xe1\xbb" + broken[cut:],
        Expected("UTF-8 with invalid bytes (a stray 0xFF, a truncated character)", "loaded", "U+FFFD"),
    )
    latin = (
        _ascii_article("g05_giang-singh-hanoi.txt")
        + "\nThe delegation later visited the Musée de l'Armée in Paris (±2 °C).\n"
    )
    add("latin-1.txt", latin.encode("latin-1"), Expected("Latin-1 text", "loaded", "decoded as cp1252"))
    cp = _ascii_article("g14_chinh-austin-hanoi.txt").replace("\n\n", "\n\n– ", 1)
    cp = "“" + cp + "” The budget: €2 million.\n"
    add("windows-1252.txt", cp.encode("cp1252"), Expected("Windows-1252 text (curly quotes, €)", "loaded", "cp1252"))
    add(
        "latin-1-undefined-in-cp1252.txt",
        _ascii_article("g26_giang-lecornu-hanoi.txt").encode("latin-1") + b"\x81\x8d more text.\n",
        Expected("Latin-1 bytes undefined in cp1252 (0x81, 0x8D)", "loaded", "decoded as latin-1"),
    )
    add(
        "utf8-bom.txt",
        b"\xef\xbb\xbf" + _gold("g07_vinh-fomin-hanoi.txt").encode(),
        Expected("UTF-8 with a byte-order mark", "loaded", "byte-order mark removed"),
    )
    add(
        "utf16-le-bom.txt",
        _gold("g08_cuong-gerasimov-moscow.txt").encode("utf-16"),
        Expected("UTF-16 (little-endian, BOM)", "loaded", "decoded as UTF-16"),
    )
    add(
        "utf16-be-bom.txt",
        b"\xfe\xff" + _gold("g29_belta-ravkov-vinh-minsk.txt").encode("utf-16-be"),
        Expected("UTF-16 (big-endian, BOM)", "loaded", "decoded as UTF-16"),
    )
    add(
        "utf16-no-bom.txt",
        _gold("g12_trilateral-vn-laos-cambodia.txt").encode("utf-16-le"),
        Expected("UTF-16 without a byte-order mark", "loaded", "no byte-order mark"),
    )
    add(
        "utf32-bom.txt",
        _gold("g15_giang-dongjun-border.txt").encode("utf-32"),
        Expected("UTF-32 with a byte-order mark", "loaded", "decoded as UTF-32"),
    )
    add(
        "utf16-odd-length.txt",
        b"\xff\xfe" + "Vietnam".encode("utf-16-le") + b"\x00\xd8",
        Expected("UTF-16 byte-order mark, then undecodable bytes", "skipped", "byte-order mark but undecodable"),
    )
    # -- line ends and control characters
    crlf = _gold("g27_xuan-chansamone-hanoi.txt")
    add("crlf.txt", crlf.replace("\n", "\r\n").encode(), Expected("CRLF line ends", "loaded"))
    add(
        "lone-cr.txt",
        _gold("g28_phuc-wei-fenghe-hanoi.txt").replace("\n", "\r").encode(),
        Expected("CR-only", "loaded"),
    )
    nul = _gold("g23_chien-indian-defence-attache.txt").encode()
    mid = nul.index(b" ", len(nul) // 3)
    add(
        "nul-bytes.txt",
        nul[:mid] + b"\x00" + nul[mid:] + b"\x00" * 512,
        Expected("NUL bytes (one inside, 512 as trailing padding)", "loaded", "trailing NUL bytes removed"),
    )
    esc = _gold("g24_giang-lopez-miera-hanoi.txt")
    cut = esc.index(" ", len(esc) // 2)
    esc = esc[:cut] + " \x1b[1mbold\x1b[0m" + esc[cut:]
    add("terminal-escapes.txt", esc.encode(), Expected("ANSI escape codes", "loaded", "control characters removed"))
    # -- not articles
    add("empty.txt", b"", Expected("an empty file", "skipped", "empty file"))
    add(
        "whitespace-only.txt",
        " \t\n\r\n\u00a0\u3000\n".encode(),
        Expected("white space only", "skipped", "only white space"),
    )
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    add("binary.txt", png, Expected("a binary file (PNG bytes) named .txt", "skipped", "binary file"))
    add("photo.png", png, Expected("an image with its own suffix", "skipped", "not a format the workbook reads"))
    page = "<!DOCTYPE html>\n<html><head><title>Vietnam</title></head><body><p>" + plain[:400] + "</p></body></html>\n"
    add("saved-page.txt", page.encode(), Expected("an HTML page named .txt (read as HTML)", "loaded"))
    fragment = "".join(f'<div class="row"><p><a href="/n/{i}">Story {i}</a></p></div>\n' for i in range(40))
    add(
        "html-fragment.txt",
        (" date 2022-01-01\n" + fragment).encode(),
        Expected("an HTML fragment without <html> (after a date header, which is kept)", "loaded"),
    )
    add("saved-page.html", page.encode(), Expected("an .html file", "loaded"))
    add(
        "date-only.txt",
        b" date 2020-07-03\n",
        Expected("only the crawler's date line", "skipped", "only a date header"),
    )
    big = _write(root, "big-50mb.txt", b"")
    with big.open("wb") as fh:
        line = (plain.replace("\n", " ") + "\n").encode()
        while fh.tell() < BIG_BYTES:
            fh.write(line)
    exp["big-50mb.txt"] = Expected("a 50 MB text file (limit 20 MB)", "skipped", "file too large")
    # -- glued sentences
    add(
        "glued-10000-sentences.txt",
        _glued(GLUED_SENTENCES).encode(),
        Expected(f"{GLUED_SENTENCES:,} sentences glued without spaces", "loaded"),
    )
    # -- copies
    add(
        "duplicate.txt",
        plain.encode(),
        Expected("a byte-identical copy of another file", "loaded", copy_group="plain"),
    )
    os.symlink("plain-utf8.txt", root / "link-to-article.txt")
    exp["link-to-article.txt"] = Expected("a symbolic link to an article", "loaded", copy_group="plain")
    # -- names
    # Every loaded file is a different article (none of the gold mirrors), so that copies are only
    # where a copy is meant.
    names = {
        "name with  spaces.txt": ("spaces in the name", "g04_thuong-kihara-hanoi.txt"),
        "Hà Nội – tin tức.txt": ("non-ASCII name", "g06_tass-shoigu-lich-moscow.txt"),
        "Ha\u0300 No\u0323\u0302i-nfd.txt": (
            "non-ASCII name in NFD (decomposed) form",
            "g09_chien-belarus-ambassador.txt",
        ),
        "-leading-dash.txt": ("name beginning with a dash", "g11_tass-pacific-fleet-camranh.txt"),
        "new\nline.txt": ("newline in the name", "g13_admm-jakarta-indonesia-philippines.txt"),
        "tab\tand 'quotes\".txt": ("tab and quotes in the name", "g16_oped-chien-vietnam-laos.txt"),
        "UPPER.TXT": ("upper-case suffix", "g20_belarus-trade-fair-hcmc.txt"),
        "no-suffix": ("no suffix", "g21_army-flood-relief-quang-binh.txt"),
    }
    for name, (kind, source) in names.items():
        add(name, _gold(source).encode(), Expected(kind, "loaded"))
    _write(root, BAD_NAME, _gold("g22_the-cong-viettel-derby.txt").encode())
    exp[BAD_NAME_SHOWN] = Expected("name not valid UTF-8 (Latin-1 byte)", "loaded")
    # -- folders
    add(
        "nested/2024/12/deep/article.txt",
        _gold("g34_belarus-academy-graduates.txt").encode(),
        Expected("nested four folders deep", "loaded"),
    )
    add(".hidden.txt", plain.encode(), Expected("a hidden file", "skipped", "hidden file"))
    _write(root, ".git/objects/pack.txt", plain.encode())
    exp[".git"] = Expected("a hidden folder (e.g. .git)", "skipped", "hidden folder")
    os.symlink("nested", root / "link-to-folder")
    exp["link-to-folder"] = Expected("a symbolic link to a folder", "skipped", "symbolic link to a folder")
    os.symlink(".", root / "nested" / "2024" / "loop-to-self")
    exp["nested/2024/loop-to-self"] = Expected("a link to its own folder (walk loop)", "skipped", "not followed")
    # -- links and special files
    os.symlink("does-not-exist.txt", root / "broken-link.txt")
    exp["broken-link.txt"] = Expected("a broken symbolic link", "skipped", "broken symbolic link")
    os.symlink("loop-b.txt", root / "loop-a.txt")
    os.symlink("loop-a.txt", root / "loop-b.txt")
    os.symlink("loop-self.txt", root / "loop-self.txt")
    for rel in ("loop-a.txt", "loop-b.txt", "loop-self.txt"):
        exp[rel] = Expected("a symbolic link loop", "skipped", "symbolic link loop")
    os.mkfifo(root / "fifo.txt")
    exp["fifo.txt"] = Expected("a named pipe (FIFO) with no writer", "skipped", "named pipe")
    _make_socket(root, "socket.txt")
    exp["socket.txt"] = Expected("a Unix socket", "skipped", "socket")
    os.symlink("/dev/zero", root / "dev-zero-link.txt")
    exp["dev-zero-link.txt"] = Expected("a link to /dev/zero (endless device)", "skipped", "device")
    # A "regular file" of size 0 whose read() fails with EIO even for root.
    os.symlink("/proc/self/mem", root / "proc-self-mem.txt")
    exp["proc-self-mem.txt"] = Expected(
        "a link to /proc/self/mem (a 'regular file' whose read fails: EIO for root, EACCES otherwise)",
        "skipped",
        "cannot read|permission denied",
    )
    # -- unreadable (meaningful only for a user other than root; see the module docstring)
    locked = add("unreadable.txt", _gold("g02_belta-lukashenko-giang.txt").encode(), Expected("", "skipped"))
    locked.chmod(0o000)
    exp["unreadable.txt"] = Expected("a file without read permission (chmod 000)", "skipped", "permission denied")
    folder = root / "locked-folder"
    _write(root, "locked-folder/inside.txt", _gold("g03_lich-khrenin-online.txt").encode())
    folder.chmod(0o000)
    exp["locked-folder"] = Expected("a folder without permissions (chmod 000)", "skipped", "cannot list folder")
    for dirpath, dirnames, _ in os.walk(root):
        for d in dirnames:
            p = Path(dirpath) / d
            if not p.is_symlink() and p != folder:
                p.chmod(0o755)
    return exp


def _make_socket(root: Path, name: str) -> None:
    """Bind a Unix socket at ``root/name`` (relative bind: socket paths are limited to ~107 bytes)."""
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.bind(name)
    finally:
        os.chdir(cwd)


def remove_hostile_corpus(root: Path) -> None:
    """Undo the permission traps so the folder can be deleted."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: None):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            with contextlib.suppress(OSError):
                if not os.path.islink(p):
                    os.chmod(p, stat.S_IRWXU)
    with contextlib.suppress(OSError):
        os.chmod(root / "locked-folder", stat.S_IRWXU)
    shutil.rmtree(root, ignore_errors=True)
