"""``Corpus.meetings``: one table of who met whom, made once per corpus and cached (issue 14)."""

from __future__ import annotations

import shutil

import pandas as pd
import pandas.testing as pdt

import defcoop
from defcoop.engine import run as run_module
from defcoop.paths import SEEDS_DIR
from defcoop.schema import MEETING_COLUMNS

RECEIVED = """Defence minister receives Belarusian counterpart

Hanoi (VNA) - Defence Minister General Phan Van Giang received Belarusian Defence Minister Viktor Khrenin
in Hanoi on December 17, 2024. The two ministers discussed defence industry cooperation.
"""
ONLINE = (  # (the meeting sentence on one line: a line break inside it would end the paragraph)
    "Vietnam, Russia hold online defence talks\n\n"
    "Hanoi (VNA) - Deputy Defence Minister Nguyen Chi Vinh held online talks with Russian Deputy Defence "
    "Minister Alexander Fomin on May 20, 2020.\n"
)
SAME_ARTICLE = """Belarus and Vietnam review ties

Minsk (VNA) - Belarusian Defence Minister Viktor Khrenin spoke about the army's plans on July 3, 2021.
Separately, Vietnamese Defence Minister General Phan Van Giang addressed a conference on training.
"""


def test_seed_meetings_are_the_meeting_sentences_with_host_place_and_offsets():
    corpus = defcoop.load(SEEDS_DIR)
    m = corpus.meetings
    assert list(m.columns) == MEETING_COLUMNS
    strong = m[m["evidence"] == "meeting sentence"]
    got = strong[["doc_id", "vn_actor", "foreign_actor", "host", "place", "online"]].values.tolist()
    assert got == [
        ["000_792274446db92004", "Đặng Thị Ngọc Thịnh", "Andrei Ravkov", "Đặng Thị Ngọc Thịnh", "Hanoi", False],
        ["000_792274446db92004", "Ngô Xuân Lịch", "Andrei Ravkov", "Ngô Xuân Lịch", "Hanoi", False],
        ["001_8730907d0d9a0f8e", "Trần Đại Quang", "Vladimir Semashko", "Trần Đại Quang", "Hanoi", False],
        ["002_4f2acdd73294d25d", "Phan Văn Giang", "Viktor Khrenin", "Phan Văn Giang", "Hanoi", False],
        ["003_a96526d9f035a37c", "Lương Cường", "Viktor Khrenin", "Lương Cường", "Hanoi", False],
        ["003_a96526d9f035a37c", "Phan Văn Giang", "Viktor Khrenin", "Phan Văn Giang", "Hanoi", False],
        ["004_d34a69dbff5fb9f4", "Nguyễn Chí Vịnh", "Alexander Fomin", "", "", True],
    ]
    # every meeting sentence is the text at its offsets
    texts = corpus.docs.set_index("doc_id")["text"]
    for r in strong.itertuples(index=False):
        assert " ".join(texts[r.doc_id][r.start : r.end].split()) == " ".join(r.sentence.split())


def test_host_online_and_weak_evidence_on_written_articles(write_corpus):
    root = write_corpus({"received.txt": RECEIVED, "online.txt": ONLINE, "same.txt": SAME_ARTICLE})
    m = defcoop.load(root, cache=False).meetings.set_index("doc_id")
    r = m.loc["received"]
    assert (r["vn_actor"], r["foreign_actor"], r["evidence"], r["cue"]) == (
        "Phan Văn Giang",
        "Viktor Khrenin",
        "meeting sentence",
        "received",
    )
    assert (r["host"], r["guest"], r["host_basis"], r["place"], r["online"]) == (
        "Phan Văn Giang",
        "Viktor Khrenin",
        "cue: received",
        "Hanoi",
        False,
    )
    o = m.loc["online"]
    assert o["online"] and o["place"] == "" and o["evidence"] == "meeting sentence"
    s = m.loc["same"]
    assert s["evidence"] == "same article" and s["sent_no"] == -1 and s["sentence"] == "" and s["host"] == ""


def test_copies_carry_the_story_they_copy(write_corpus):
    root = write_corpus({"a-first.txt": RECEIVED, "b-copy.txt": RECEIVED + "\nShare this:\n"})
    corpus = defcoop.load(root, cache=False)
    m = corpus.meetings.set_index("doc_id")
    assert corpus.docs.set_index("doc_id").loc["b-copy", "duplicate_of"] == "a-first"
    assert m.loc["a-first", "story_id"] == "a-first" and m.loc["b-copy", "story_id"] == "a-first"


def test_meetings_are_cached_with_the_corpus(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, root)
    cache = tmp_path / "cache"
    first = defcoop.load(root, cache=cache)
    calls = []
    real = run_module.meetings
    monkeypatch.setattr(run_module, "meetings", lambda *a, **k: calls.append(1) or real(*a, **k))
    defcoop.clear_memo()
    again = defcoop.load(root, cache=cache)
    assert calls == []  # read from the cache, not computed again
    pdt.assert_frame_equal(again.meetings, first.meetings)
    defcoop.clear_memo()
    fresh = defcoop.load(root, cache=False)
    assert calls == [1]
    pdt.assert_frame_equal(fresh.meetings, first.meetings)
    assert pd.api.types.is_bool_dtype(fresh.meetings["online"])


def test_the_timeline_and_the_network_read_the_same_meetings():
    from defcoop.analysis import actors, timeseries

    corpus = defcoop.load(SEEDS_DIR)
    stories = timeseries.select_stories(corpus.docs)
    tl = timeseries.timeline(stories, corpus.meetings)
    pairs = actors.meeting_pairs(corpus, evidence="sentence")
    net = set(zip(pairs["doc_id"], pairs["foreign_country"], strict=True))
    assert set(zip(tl["doc_id"], tl["partner"], strict=True)) == net  # the seeds are all dated
    first = pairs.sort_values(["doc_id", "foreign_country", "sent_no"], kind="stable").drop_duplicates("doc_id")
    assert tl.set_index("doc_id").loc[first["doc_id"], "sentence"].tolist() == first["sentence"].tolist()
