"""The tables of 2,000 generated articles are the ones recorded (issue 19: speed without change).

``tests/engine/table_digests.json`` holds the rows and a SHA-256 of every row of each table
(:mod:`defcoop.engine.digest`) for the corpus that ``benchmarks/make_corpus.py`` writes with the
recorded size and seed.  A change of the annotator's output, intended or not, fails here until it
is recorded again with ``benchmarks/table_digests.py --record``: work on speed or memory must
pass without a new record.  The generator draws its theme phrases from the codebook, so a change of
``themes.yml``'s include phrases changes the corpus too, and the first assertion asks for a record.
"""

from __future__ import annotations

import json
from pathlib import Path

import defcoop
from defcoop.engine.digest import differences, table_digests

RECORD = Path(__file__).with_name("table_digests.json")


def test_the_tables_of_the_generated_corpus_are_the_recorded_ones(make_corpus, tmp_path):
    want = json.loads(RECORD.read_text(encoding="utf-8"))
    info = make_corpus.write_corpus(want["n"], tmp_path / "corpus", seed=want["seed"], jobs=1)
    assert info["content_sha256"] == want["content_sha256"], (
        "benchmarks/make_corpus.py now writes another corpus than the recorded one: "
        "record it again with benchmarks/table_digests.py --record"
    )
    corpus = defcoop.load(tmp_path / "corpus", cache=False, workers=1, progress=False)
    diff = differences(table_digests(corpus), want["tables"])
    assert not diff, (
        "the tables differ from the recorded ones (benchmarks/table_digests.py --record, only if the "
        "change of output is intended):\n" + "\n".join(diff)
    )
    # the path users take: two worker processes filling the cache, then a reload from it
    for run in ("filling the cache", "reloaded from the cache"):
        corpus = defcoop.load(tmp_path / "corpus", cache=tmp_path / "cache", workers=2, progress=False)
        assert not differences(table_digests(corpus), want["tables"]), run


def test_the_digest_sees_one_changed_cell(make_corpus, tmp_path):
    # the fingerprint is of every row: one value changed in one row of 300 articles changes it
    make_corpus.write_corpus(300, tmp_path / "small", seed=2, jobs=1)
    corpus = defcoop.load(tmp_path / "small", cache=False, workers=1, progress=False)
    before = table_digests(corpus)
    m = corpus.mentions.copy()
    m["start"] = m["start"].to_numpy().copy()
    m.iloc[len(m) // 2, m.columns.get_loc("start")] += 1
    after = table_digests(type(corpus)(**{**corpus.__dict__, "mentions": m}))
    assert differences(after, before) == ["mentions: content differs"]
