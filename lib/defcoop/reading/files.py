"""Finding the files of a corpus folder and reading their bytes, safely.

Every file found is an input: :func:`discover` lists it with the reason it cannot be read
(hidden, special, too large, a link loop, an unreadable folder, a format it does not read ...)
or none.  Files of many articles (JSON lines, CSV, WARC) have no size limit: they are streamed,
and the limit applies to each record; :func:`read_bytes`
reads a regular file without following it into FIFOs or devices.  Nothing is ever written.
"""

from __future__ import annotations

import errno
import operator
import os
import stat
from pathlib import Path
from typing import NamedTuple

from defcoop.reading.records import CONTAINERS, container_format

_name = operator.attrgetter("name")


MAX_BYTES_DEFAULT = 20 * 1024 * 1024


#: What the workbook reads, for messages (:func:`defcoop.reading.records.container_format` decides).
READ_SUFFIXES = ".txt/.text/.md (or none), .html/.htm, .jsonl/.ndjson/.json, .csv/.tsv, .warc/.warc.gz"


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
            fmt = container_format(name)
            if st is not None and stat.S_ISREG(st.st_mode) and fmt and (st.st_size <= max_bytes or fmt in CONTAINERS):
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
    fmt = container_format(name)
    if not fmt:
        return f"not a format the workbook reads (suffix {_suffix(name)!r}; it reads {READ_SUFFIXES})"
    if st.st_size > max_bytes and fmt not in CONTAINERS:
        return f"file too large ({st.st_size:,} bytes > limit {max_bytes:,})"
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
