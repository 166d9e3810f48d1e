"""The loader against a hostile corpus (see tests/hostile.py): every file gets an explicit outcome.

The loader and ``defcoop annotate`` run in a subprocess, for two reasons:

* a hang (a FIFO opened for reading, /dev/zero read to the end) becomes a timeout failure
  instead of a stuck test run;
* "a file that cannot be read" must mean something when the tests run as root, who reads
  everything.  Before touching the corpus the subprocess gives up the capabilities that let root
  read past permissions (:mod:`tests.unprivileged`), so the ``chmod 000`` file and folder are
  really unreadable to it, and it checks that on a probe file of its own.  It keeps its uid, so
  it imports the package and its dependencies from wherever they live, a checkout inside a
  ``chmod 700`` home folder included (``make test-private`` runs this file from such a clone).
  Run as an ordinary user, it keeps that user, for whom ``chmod 000`` already works.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from defcoop.engine.process import process_bytes
from defcoop.reading.files import MAX_BYTES_DEFAULT
from tests.hostile import GLUED_SENTENCES, Expected, make_hostile_corpus, remove_hostile_corpus

TIMEOUT = 300  # seconds; the load itself takes a few, a hang must fail rather than block CI

RUNNER = r"""
import json, os, sys, time
sys.path.insert(0, REPO)
from tests.unprivileged import drop_read_override, reader_status
how = drop_read_override()  # first: everything below, imports included, runs without the override
status = reader_status()
import defcoop
import defcoop.app.cli
from defcoop.engine import pool, run
mode, corpus, *rest = sys.argv[1:]
if mode == "annotate":
    sys.exit(defcoop.app.cli.main(["annotate", corpus, *rest]))
calls = []
real = run.read_bytes
def spy(path, max_bytes):
    calls.append(os.path.relpath(path, corpus))
    return real(path, max_bytes)
run.read_bytes = pool.read_bytes = spy  # read to hash (engine.run) and to annotate (engine.pool)
t0 = time.perf_counter()
c = defcoop.load(corpus)
secs = time.perf_counter() - t0
docs = c.docs[["doc_id", "path", "encoding", "warnings", "duplicate_of", "n_sentences"]].to_dict("records")
json.dump({"how": how, **status, "seconds": secs, "read": calls, "docs": docs,
           "skipped": c.skipped.to_dict("records")}, sys.stdout)
""".replace("REPO", repr(str(Path(__file__).resolve().parents[1])))


def run_as_reader(*args: str) -> subprocess.CompletedProcess:
    """Run the loader (``load DIR``) or the CLI (``annotate DIR -o OUT``) as a reader that cannot
    read past file permissions."""
    cache = _private_dir("defcoop-hostile-cache-")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "DEFCOOP_CACHE": str(cache)}
    env.pop("MPLBACKEND", None)
    try:
        return subprocess.run(
            [sys.executable, "-c", RUNNER, *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
            env=env,
        )
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def snapshot(root: Path) -> dict[str, tuple]:
    """Listing, types, modes, sizes, mtimes, link targets and SHA-256 of everything under ``root``."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        out[dirpath] = ("dir", os.lstat(dirpath).st_mtime_ns)
        for name in sorted(dirnames + filenames):
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            entry: tuple = (stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode), st.st_size, st.st_mtime_ns)
            if stat.S_ISLNK(st.st_mode):
                entry += (os.readlink(p),)
            elif stat.S_ISREG(st.st_mode) and os.access(p, os.R_OK):
                h = hashlib.sha256()
                with open(p, "rb") as fh:
                    for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                        h.update(block)
                entry += (h.hexdigest(),)
            out[p] = entry
    return out


def _private_dir(prefix: str) -> Path:
    """A fresh folder only its owner may enter (``mkdtemp`` makes it 0700), as a home folder is:
    the reader keeps the tests' uid, so it must work in one."""
    return Path(tempfile.mkdtemp(prefix=prefix))


@pytest.fixture(scope="module")
def hostile() -> Iterator[tuple[Path, dict[str, Expected], dict[str, tuple]]]:
    base = _private_dir("defcoop-hostile-")
    root = base / "hostile corpus"
    expected = make_hostile_corpus(root)
    try:
        yield root, expected, snapshot(root)
    finally:
        remove_hostile_corpus(base)


@pytest.fixture(scope="module")
def loaded(hostile) -> dict:
    root, _, _ = hostile
    proc = run_as_reader("load", str(root))
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_at_least_twenty_kinds_of_bad_input(hostile):
    _, expected, _ = hostile
    assert len({e.kind for e in expected.values()}) >= 20


def test_reader_cannot_read_a_chmod_000_file_or_list_a_chmod_000_folder(loaded):
    # checked on a probe of the reader's own, independently of the loader's verdicts below
    assert not loaded["file_readable"], f"the reader ({loaded['how']}) reads a chmod 000 file"
    assert not loaded["folder_listable"], f"the reader ({loaded['how']}) lists a chmod 000 folder"


def test_every_file_is_loaded_or_skipped_with_the_expected_outcome(hostile, loaded):
    _, expected, _ = hostile
    docs = {d["path"]: d for d in loaded["docs"]}
    skipped = {s["path"]: s["reason"] for s in loaded["skipped"]}
    assert not set(docs) & set(skipped), "a file is both loaded and skipped"
    assert len(docs) + len(skipped) == len(expected), "inputs != loaded + skipped"
    assert set(docs) | set(skipped) == set(expected)
    wrong = []
    for rel, e in sorted(expected.items()):
        if e.outcome == "loaded":
            if rel not in docs:
                wrong.append(f"{rel!r} ({e.kind}): expected loaded, skipped: {skipped.get(rel)}")
            elif e.detail and e.detail not in docs[rel]["warnings"]:
                wrong.append(f"{rel!r} ({e.kind}): no note {e.detail!r} in {docs[rel]['warnings']!r}")
        elif rel not in skipped:
            wrong.append(f"{rel!r} ({e.kind}): expected skipped ({e.detail}), but it was loaded")
        elif not any(alt in skipped[rel] for alt in e.detail.split("|")):
            wrong.append(f"{rel!r} ({e.kind}): reason {skipped[rel]!r} lacks {e.detail!r}")
    assert not wrong, "\n".join(wrong)
    for reason in skipped.values():
        assert reason and "Errno" not in reason and "Traceback" not in reason, reason


def test_copies_point_to_one_original(hostile, loaded):
    _, expected, _ = hostile
    docs = {d["path"]: d for d in loaded["docs"]}
    group = [rel for rel, e in expected.items() if e.copy_group == "plain"]
    originals = [rel for rel in group if docs[rel]["duplicate_of"] == ""]
    assert len(originals) == 1
    first = docs[originals[0]]["doc_id"]
    assert all(docs[rel]["duplicate_of"] == first for rel in group if rel != originals[0])


def test_repairs_keep_the_text(loaded):
    docs = {d["path"]: d for d in loaded["docs"]}
    assert docs["windows-1252.txt"]["encoding"] == "cp1252"
    assert docs["invalid-utf8.txt"]["encoding"] == "utf-8"  # Vietnamese letters not garbled by a cp1252 fallback
    assert docs["caf\\xe9-latin1-name.txt"]["doc_id"] == "caf\\xe9-latin1-name"


def test_line_ends_do_not_change_the_reading(hostile):
    root, _, _ = hostile
    lf = (root / "crlf.txt").read_bytes().replace(b"\r\n", b"\n")
    ref = process_bytes("ref", "ref.txt", lf).doc
    for rel, data in (("crlf.txt", (root / "crlf.txt").read_bytes()), ("cr", lf.replace(b"\n", b"\r"))):
        got = process_bytes("x", rel, data).doc
        assert (got["title"], got["n_sentences"], got["actor_ids"], got["date"]) == (
            ref["title"],
            ref["n_sentences"],
            ref["actor_ids"],
            ref["date"],
        ), rel


def test_special_and_oversized_files_are_never_opened(hostile, loaded):
    read = set(loaded["read"])
    for rel in ("fifo.txt", "socket.txt", "dev-zero-link.txt", "big-50mb.txt", "broken-link.txt", "loop-a.txt"):
        assert rel not in read, f"{rel} was opened"
    root, _, _ = hostile
    assert (root / "big-50mb.txt").stat().st_size > MAX_BYTES_DEFAULT


def test_glued_sentences_load_in_reasonable_time(hostile):
    root, _, _ = hostile
    data = (root / "glued-10000-sentences.txt").read_bytes()
    t0 = time.perf_counter()
    doc = process_bytes("glued", "glued-10000-sentences.txt", data).doc
    secs = time.perf_counter() - t0
    assert doc is not None and doc["n_sentences"] == GLUED_SENTENCES
    assert secs < 10, f"{GLUED_SENTENCES:,} glued sentences took {secs:.1f} s"


def test_whole_hostile_load_is_quick(loaded):
    assert loaded["seconds"] < 60, loaded["seconds"]


def test_corpus_folder_is_never_written(hostile, loaded):
    root, _, before = hostile
    assert loaded  # the loader has run on it
    assert snapshot(root) == before


def test_annotate_exits_0_and_summarises_skipped_files(hostile, tmp_path):
    root, expected, before = hostile
    out = _private_dir("defcoop-out-")
    try:
        proc = run_as_reader("annotate", str(root), "-o", str(out / "articles.csv"))
        assert "Traceback" not in proc.stderr, proc.stderr
        assert proc.returncode == 0, proc.stderr
        n_skipped = sum(e.outcome == "skipped" for e in expected.values())
        assert f"{n_skipped} of {len(expected)} files or records skipped" in proc.stderr
        for reason in ("permission denied", "named pipe", "file too large", "cannot list folder"):
            assert reason in proc.stderr
        import pandas as pd

        table = pd.read_csv(out / "articles.csv", keep_default_na=False)
        assert len(table) == len(expected) - n_skipped
    finally:
        remove_hostile_corpus(out)
    assert snapshot(root) == before


def test_annotate_exits_1_when_nothing_loads(tmp_path):
    base = _private_dir("defcoop-nothing-")
    root = base / "nothing"
    try:
        root.mkdir()
        root.chmod(0o755)
        (root / "empty.txt").write_bytes(b"")
        (root / "blank.txt").write_bytes(b"  \n")
        (root / "date-only.txt").write_bytes(b" date 2020-07-03\n")
        (root / "page.txt").write_bytes(b"<!DOCTYPE html><html><body><script>x()</script></body></html>")
        (root / "bin.txt").write_bytes(bytes(range(256)))
        os.mkfifo(root / "pipe.txt")
        os.symlink("missing.txt", root / "broken.txt")
        locked = root / "locked.txt"
        locked.write_text("Vietnam and Belarus held defence talks in Hanoi.", encoding="utf-8")
        locked.chmod(0o000)
        for p in root.iterdir():
            if p.name != "locked.txt" and not p.is_symlink():
                p.chmod(0o644)
        proc = run_as_reader("annotate", str(root), "-o", str(base / "out.csv"))
        assert "Traceback" not in proc.stderr, proc.stderr
        assert proc.returncode == 1, proc.stderr
        assert "nothing could be loaded" in proc.stderr and "8 files found" in proc.stderr
        assert "permission denied" in proc.stderr and "only a date header" in proc.stderr
        assert not (base / "out.csv").exists()
    finally:
        remove_hostile_corpus(base)
