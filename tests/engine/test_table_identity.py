"""The tables of generated corpora are the ones recorded (issue 19: speed without change).

``tests/engine/table_digests.json`` holds the rows and a SHA-256 of every row of each table
(:mod:`defcoop.engine.digest`) for the corpora that ``benchmarks/make_corpus.py`` writes with the
recorded sizes, seeds and shapes: 2,000 articles shaped like the seeds and 300 shaped like a crawl
(news-please JSON lines, invented officials, truncated copies).  A change of the annotator's
output, intended or not, fails here until it is recorded again with ``benchmarks/table_digests.py
--record``: work on speed or memory must pass without a new record.  The generator draws its
theme phrases from the codebook, so a change of ``themes.yml``'s include phrases changes the
corpus too, and the first assertion asks for a record.
"""

from __future__ import annotations

import json
from pathlib import Path

import defcoop
from defcoop.engine.digest import differences, table_digests

RECORD = Path(__file__).with_name("table_digests.json")


def _check(make_corpus, tmp_path, want: dict, **load):
    root = tmp_path / f"{want['shape']}-{want['n']}"
    if not root.exists():
        info = make_corpus.write_corpus(want["n"], root, seed=want["seed"], jobs=1, shape=want["shape"])
        assert info["content_sha256"] == want["content_sha256"], (
            "benchmarks/make_corpus.py now writes another corpus than the recorded one: "
            "record it again with benchmarks/table_digests.py --record"
        )
    corpus = defcoop.load(root, progress=False, **load)
    return differences(table_digests(corpus), want["tables"])


def test_the_tables_of_the_generated_corpora_are_the_recorded_ones(make_corpus, tmp_path):
    seeds_like, crawl_like = json.loads(RECORD.read_text(encoding="utf-8"))["corpora"]
    for want in (seeds_like, crawl_like):
        diff = _check(make_corpus, tmp_path, want, cache=False, workers=1)
        assert not diff, (
            f"the tables of the {want['shape']}-shaped corpus differ from the recorded ones "
            "(benchmarks/table_digests.py --record, only if the change of output is intended):\n" + "\n".join(diff)
        )
    # the path users take: two worker processes filling the cache, then a reload from it
    for run in ("filling the cache", "reloaded from the cache"):
        assert not _check(make_corpus, tmp_path, seeds_like, cache=tmp_path / "cache", workers=2), run


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
