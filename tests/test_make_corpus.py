"""The synthetic corpus generator of ``benchmarks/make_corpus.py``: deterministic and loadable."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest

import defcoop

ROOT = Path(__file__).resolve().parents[1]


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_and_loadable(make_corpus, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    info = make_corpus.write_corpus(50, a, seed=3, jobs=1)
    make_corpus.write_corpus(50, b, seed=3, jobs=1)
    files = _files(a)
    assert files == _files(b)
    assert len(files) == 50
    assert all(rel.startswith("000/") and rel.endswith(".txt") for rel in files)
    assert info["counts"]["syndicated"] + info["counts"]["mirror"] > 0

    kwargs = {"cache": False} if "cache" in inspect.signature(defcoop.load).parameters else {}
    corpus = defcoop.load(a, **kwargs)
    assert len(corpus.docs) == 50
    assert len(corpus.skipped) == 0
    assert (corpus.docs["duplicate_of"] != "").any()
    m = corpus.mentions
    registered = m[(m["kind"] == "actor") & (m["registered"] == True)]  # noqa: E712
    assert set(corpus.docs["doc_id"]) <= set(registered["doc_id"])


def test_other_seed_other_corpus(make_corpus, tmp_path):
    make_corpus.write_corpus(5, tmp_path / "a", seed=3, jobs=1)
    make_corpus.write_corpus(5, tmp_path / "b", seed=4, jobs=1)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_refuses_non_empty_folder(make_corpus, tmp_path):
    (tmp_path / "x.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        make_corpus.write_corpus(1, tmp_path, seed=1, jobs=1)
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "keep me"


# -- the real shape: many outlets, partners and officials, in JSON lines and .txt files -------------


def _sha(root: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    for rel, data in sorted(_files(root).items()):
        digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def real_300(make_corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("real") / "c"
    info = make_corpus.write_corpus(300, root, seed=1, jobs=1, shape="real")
    return root, info


@pytest.fixture(scope="module")
def real_300_loaded(real_300):
    root, _info = real_300
    kwargs = {"cache": False} if "cache" in inspect.signature(defcoop.load).parameters else {}
    return defcoop.load(root, **kwargs)


def _records(root: Path) -> list[dict]:
    import json

    return [json.loads(line) for p in sorted(root.glob("*.jsonl")) for line in p.read_text("utf-8").splitlines()]


def test_real_shape_is_deterministic(make_corpus, real_300, tmp_path):
    root, info = real_300
    again = make_corpus.write_corpus(300, tmp_path / "b", seed=1, jobs=2, shape="real")
    assert _files(root) == _files(tmp_path / "b")
    assert info["content_sha256"] == again["content_sha256"] == _sha(root)
    other = make_corpus.write_corpus(20, tmp_path / "c", seed=2, jobs=1, shape="real")
    assert (
        other["content_sha256"] != make_corpus.write_corpus(20, tmp_path / "d", seed=1, shape="real")["content_sha256"]
    )


def test_real_shape_does_not_depend_on_the_hash_seed(tmp_path):
    import os
    import subprocess

    shas = []
    for hash_seed in ("1", "2"):
        out = tmp_path / hash_seed
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        cmd = [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "40", str(out), "--seed", "5"]
        subprocess.run([*cmd, "--shape", "real", "--jobs", "1"], check=True, env=env, capture_output=True)
        shas.append(_sha(out))
    assert shas[0] == shas[1]


def test_real_shape_files_and_fields(make_corpus, real_300):
    from defcoop.lexicons.outlets import outlet_of_host, url_parts
    from defcoop.reading.records import FIELDS

    root, info = real_300
    recs = _records(root)
    txts = sorted(root.glob("*/*.txt"))
    assert [p.name for p in sorted(root.glob("*.jsonl"))] == ["000.jsonl"]
    assert len(recs) + len(txts) == 300
    assert 10 <= len(txts) <= 60  # about a tenth
    assert info["files"]["records"] == len(recs) and info["files"]["txt"] == len(txts)
    for r in recs:
        assert set(r) <= {"url", "title", "date_publish", "language", "maintext"}
        assert r["maintext"].strip() and r["url"].startswith("https://")
    # the loader's own field names
    assert {"maintext", "url", "title", "date_publish", "language"} <= {n for names in FIELDS.values() for n in names}
    dated = [r for r in recs if "date_publish" in r]
    assert 0.35 <= len(dated) / len(recs) <= 0.65
    assert all(2000 <= int(r["date_publish"][:4]) <= 2025 for r in dated)
    assert 0.03 <= sum(1 for r in recs if not r.get("title")) / len(recs) <= 0.2
    hosts = [url_parts(r["url"])[0] for r in recs]
    unknown = [h for h in hosts if outlet_of_host(h) is None]
    assert len(set(hosts)) >= 60
    assert 0.04 <= len(unknown) / len(hosts) <= 0.2
    assert 0.1 <= info["files"]["undated"] / 300 <= 0.4
    assert info["counts"]["syndicated"] > 5 and info["counts"]["distractor"] > 3


def test_real_shape_loads_with_many_outlets_partners_and_officials(real_300_loaded):
    corpus = real_300_loaded
    docs, m = corpus.docs, corpus.mentions
    assert len(docs) == 300
    assert len(corpus.skipped) == 0
    assert docs.loc[docs["outlet"] != "", "outlet"].nunique() >= 60
    assert (docs["outlet"] != "").mean() >= 0.95
    assert (docs["outlet_country"] != "unknown").mean() >= 0.6  # most hosts are in outlets.csv
    assert (docs["outlet_country"] == "unknown").sum() >= 10  # some are not
    partners = {p for ps in docs["partners"] for p in ps}
    assert len(partners) >= 25
    assert (docs["date"] == "").any() and (docs["date"] != "").mean() >= 0.5
    assert (docs["duplicate_of"] != "").sum() >= 5
    actors = m[m["kind"] == "actor"]
    assert (actors["registered"] == False).any()  # noqa: E712  (officials the registry does not know)
    on_topic = docs[docs["on_topic"] == True]  # noqa: E712
    assert len(on_topic) >= 150
    assert on_topic["doc_id"].isin(set(actors["doc_id"])).mean() >= 0.9
    # the distractors name no one
    assert set(actors["doc_id"]) != set(docs["doc_id"])
