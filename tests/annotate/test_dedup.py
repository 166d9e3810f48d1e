"""Near-duplicate detection: the fast paths give exactly what the plain definitions give."""

from __future__ import annotations

import itertools
import re
import zlib

import numpy as np
import pandas as pd
import pytest

from defcoop.annotate import copies as dedup
from defcoop.text import fold

TEXTS = [
    "",
    "   ",
    "one",
    "one two three",
    "one two three four five six",
    "Việt Nam and Belarus sign deals; S-300, 2024!",
    "ĐẶNG Thị Ngọc Thịnh met Минск officials — “quickly”… ✓ 中国 ½ ² x_y",
    "a\x00b\tc\nd\re\x1cf\x85g\u00a0h\u2009i\ufeffj 😀 k",
    "lone \ud800 surrogate and more words here for shingles",
    " ".join(f"w{i % 7} token{i % 11}" for i in range(300)),
]


_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"


def _reference_words(text: str) -> list[str]:
    """The definition of the words: ``[a-z0-9]+`` runs of a text that folds to ASCII; else
    runs of letters and digits of any script, each CJK character a word of its own."""
    folded = fold(text)
    if folded.isascii():
        return re.findall(r"[a-z0-9]+", folded)
    return re.findall(rf"[{_CJK}]|[^\W_{_CJK}]+", folded.lower())


def _reference_shingles(text: str, k: int = 5) -> np.ndarray:
    """The definition: CRC32 per word, polynomial over each window, splitmix64, low 32 bits."""
    words = _reference_words(text)
    if not words:
        return np.zeros(0, dtype=np.uint64)
    w = [zlib.crc32(x.encode()) for x in words]
    k = min(k, len(w))
    mask = (1 << 64) - 1
    out = set()
    for i in range(len(w) - k + 1):
        h = 0
        for x in w[i : i + k]:
            h = (h * 1_000_003 + x) & mask
        h ^= h >> 30
        h = (h * 0xBF58476D1CE4E5B9) & mask
        h ^= h >> 27
        h = (h * 0x94D049BB133111EB) & mask
        h ^= h >> 31
        out.add(h & 0xFFFFFFFF)
    return np.array(sorted(out), dtype=np.uint64)


@pytest.mark.parametrize("text", TEXTS)
def test_words_are_the_folded_alphanumeric_runs(text: str) -> None:
    assert [w.decode() for w in dedup._words(text)] == _reference_words(text)


@pytest.mark.parametrize("k", [1, 3, 5, 8])
@pytest.mark.parametrize("text", TEXTS)
def test_shingles_match_their_definition(text: str, k: int) -> None:
    got = dedup.shingles(text, k)
    assert got.dtype == np.uint64
    assert got.tolist() == _reference_shingles(text, k).tolist()


def test_signature_is_the_minimum_of_the_per_seed_mix() -> None:
    sh = dedup.shingles(TEXTS[-1])
    mask = (1 << 64) - 1
    expected = []
    for seed in dedup._SEEDS.tolist():
        best = mask
        for x in sh.tolist():
            v = (((x * 0x9E3779B97F4A7C15) & mask) ^ seed) * 0xD6E8FEB86659FD93 & mask
            best = min(best, v ^ (v >> 32))
        expected.append(best)
    sig, size, _anchors = dedup.signature(TEXTS[-1])
    assert np.frombuffer(sig, dtype=np.uint64).tolist() == expected
    assert size == sh.size
    empty, n_empty, no_anchors = dedup.signature("")
    assert no_anchors == b""
    assert n_empty == 0 and set(np.frombuffer(empty, dtype=np.uint64).tolist()) == {mask}


def _reference_candidates(sigs: np.ndarray, idx: np.ndarray) -> list[tuple[int, int]]:
    rows = dedup._N_PERM // dedup._BANDS
    out: set[tuple[int, int]] = set()
    for band in range(dedup._BANDS):
        buckets: dict[bytes, list[int]] = {}
        for i in idx.tolist():
            buckets.setdefault(sigs[i, band * rows : (band + 1) * rows].tobytes(), []).append(i)
        for m in buckets.values():
            out.update(((m[0], j) for j in m[1:]) if len(m) > 50 else itertools.combinations(m, 2))
    return sorted(out)


@pytest.mark.parametrize("trial", range(12))
def test_candidates_are_the_pairs_sharing_a_band(trial: int) -> None:
    rng = np.random.default_rng(trial)
    n = int(rng.integers(1, 300))
    # few distinct values: many shared bands; many: hardly any
    sigs = rng.integers(0, 4 if trial % 3 == 0 else 2**63, size=(n, dedup._N_PERM), dtype=np.uint64)
    if n > 60 and trial % 2:
        sigs[rng.integers(0, n, 70), :8] = 7  # a bucket of over 50 rows
    idx = np.flatnonzero(rng.random(n) < 0.9)
    got = [tuple(p) for p in dedup._candidates(sigs, idx, n).tolist()]
    assert got == _reference_candidates(sigs, idx)


def test_buckets_survive_a_key_collision() -> None:
    rng = np.random.default_rng(1)
    block = rng.integers(0, 2**63, size=(6, 2), dtype=np.uint64)
    # row 1 gets the sort key of row 0 without being equal to it
    block[1, 1] = dedup._mix(block[:1, 0].copy())[0] ^ block[0, 1] ^ dedup._mix(block[1:2, 0].copy())[0]
    block = np.vstack([block, block[2:3], block[0:1]])  # true copies: rows 2 and 6, 0 and 7
    order, starts, counts = dedup._buckets(block)
    got = sorted(sorted(order[s : s + c].tolist()) for s, c in zip(starts.tolist(), counts.tolist(), strict=True))
    assert got == [[0, 7], [2, 6]]


def test_duplicate_of_groups_copies_and_keeps_the_earliest() -> None:
    story = " ".join(f"sentence {i} about the defence talks in hanoi with the minister" for i in range(30))
    other = " ".join(f"another {i} report on naval training and exercises at sea" for i in range(30))
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e"],
            "date": ["2024-01-03", "2024-01-02", "", "2024-01-05", "2024-01-01"],
            "body": [story + " Share this.", story, other, "Related posts. " + story, "too short"],
        }
    )
    assert dedup.duplicate_of(docs).tolist() == ["b", "", "", "b", ""]
    sigs = [dedup.signature(b) for b in docs["body"]]
    given = {"signatures": [s[0] for s in sigs], "sizes": [s[1] for s in sigs], "anchors": [s[2] for s in sigs]}
    assert dedup.duplicate_of(docs, **given).tolist() == [
        "b",
        "",
        "",
        "b",
        "",
    ]


# Paragraphs written for these tests: one story of eight paragraphs, and a second report of the
# same meeting written apart that quotes one of its sentences.
_STORY = [
    "Defence Minister General Phan Van Giang held talks in Hanoi on Tuesday with Lieutenant General Viktor "
    "Khrenin, the Belarusian Minister of Defence, who is paying an official visit to Vietnam.",
    "The two ministers reviewed the results of the cooperation plan signed two years ago and agreed that "
    "training of officers at Belarusian military academies had made steady progress since then.",
    "General Giang proposed that the two sides expand exchanges of young officers and send more cadets to "
    "study engineering, air defence and logistics at each other's schools.",
    "Khrenin said his ministry was ready to share its experience in military medicine and to host a group "
    "of Vietnamese army doctors at the central military hospital in Minsk next spring.",
    "Both sides agreed to hold the next round of the defence policy dialogue in Minsk and to invite "
    "observers to the exercises each army holds in the autumn of the coming year.",
    "On the defence industry, the ministers discussed joint maintenance of radar systems and the training "
    "of technicians, and asked their staffs to draft a roadmap before the end of the year.",
    "The Belarusian minister also laid a wreath at the memorial to fallen soldiers and visited a military "
    "school on the outskirts of the capital, where he met teachers and students.",
    "The delegation will travel to Ho Chi Minh City on Thursday to visit a naval unit and a military "
    "hospital before returning home at the weekend, the ministry said in a statement.",
]


def _docs(bodies: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(bodies), "date": ["2024-12-17"] * len(bodies), "body": list(bodies.values())})


def test_a_teaser_or_an_excerpt_cut_elsewhere_is_a_copy_whatever_the_lengths():
    full = "\n\n".join(_STORY)
    teaser = _STORY[0] + " " + _STORY[1] + "\n\nRead full story"  # a quarter of the story
    late_excerpt = "\n\n".join(_STORY[4:]) + "\n\nShare this: Facebook Twitter"  # the story's other end
    middle = "Home | World | Politics\n\n" + "\n\n".join(_STORY[2:6])  # overlaps both halves
    docs = _docs({"a-full": full, "b-teaser": teaser, "c-late": late_excerpt, "d-middle": middle})
    assert dedup.duplicate_of(docs).tolist() == ["", "a-full", "a-full", "a-full"]


def test_two_reports_of_one_meeting_that_share_a_sentence_are_not_copies():
    other = (
        "Vietnam and Belarus will deepen their military ties, the two countries' defence chiefs said after "
        "a meeting in the Vietnamese capital. " + _STORY[4] + " Observers in Minsk said the visit showed that "
        "the relationship had regained momentum after the pandemic years, when most exchanges were held "
        "online. The two armies have cooperated in education since the early 2000s, and several hundred "
        "Vietnamese officers have studied in Belarus, a ministry spokesman said."
    )
    docs = _docs({"a-full": "\n\n".join(_STORY), "b-other": other})
    assert dedup.duplicate_of(docs).tolist() == ["", ""]


def test_a_digest_of_two_stories_joins_one_of_them_not_both_to_each_other():
    first = "\n\n".join(_STORY)
    second = " ".join(
        f"Sentence {i} of an unrelated report on flood relief in the central provinces, word{i} word{i + 1}."
        for i in range(40)
    )
    digest = " ".join(first.split()[:70]) + " ... " + " ".join(second.split()[:70])
    docs = _docs({"a-story": first, "b-other": second, "c-digest": digest})
    got = dedup.duplicate_of(docs).tolist()
    assert got[1] == ""  # the unrelated story is nobody's copy
    assert got[2] in ("a-story", "b-other")


def test_an_original_without_a_year_takes_its_copys_date_before_the_order():
    # the original (later doc_id) states only "le 23 novembre"; the copy is stamped 23/11/2023 and
    # cut short: with the year-less date agreeing, both are of 23 November 2023 and the tie-break
    # (doc_id) decides, instead of the copy winning as the only dated member
    story = (
        "Hanoï, le 23 novembre (VNA) - Le ministre de la Défense a reçu l'ambassadeur de France pour "
        "discuter de la coopération dans la formation, la médecine militaire et le maintien de la paix. "
        "Les deux parties ont salué les progrès de la coopération bilatérale en matière de défense."
    )
    docs = pd.DataFrame({"doc_id": ["a-original", "b-copy"], "date": ["", "2023-11-23"], "body": [story, story[:240]]})
    assert dedup.duplicate_of(docs, min_shared=5).tolist() == ["", "a-original"]
    other_day = docs.assign(body=[story.replace("23 novembre", "22 novembre"), story[:240]])
    assert dedup.duplicate_of(other_day, min_shared=5).tolist() == ["b-copy", ""]


def test_copies_are_linked_within_a_language_not_across():
    # A Vietnamese page that quotes the whole English story (here: its eight paragraphs after a
    # Vietnamese lead) contains it, but it is another side's report, not a copy; an English
    # teaser of the same story still is.  A page whose language could not be told ("und") is
    # linked to no page of a known language, so that it can never join two languages' stories.
    full = "\n\n".join(_STORY)
    docs = _docs(
        {
            "a-full": full,
            "b-vi": "Bộ trưởng Quốc phòng hội đàm với Bộ trưởng Quốc phòng Belarus.\n\n" + full,
            "c-teaser": _STORY[0] + " " + _STORY[1] + "\n\nRead full story",
            "d-und": _STORY[2] + " " + _STORY[3],
        }
    )
    docs["language"] = ["en", "vi", "en", "und"]
    assert dedup.duplicate_of(docs).tolist() == ["", "", "a-full", ""]
    # an "und" page dated first, contained in both the English and the Vietnamese story, joins
    # neither (it would otherwise become the original of one or both)
    docs.loc[3, "date"] = "2024-12-01"
    assert dedup.duplicate_of(docs).tolist() == ["", "", "a-full", ""]
    # the same pages without a language column: the Vietnamese page is taken for the longer copy
    assert dedup.duplicate_of(docs.drop(columns="language")).tolist()[1] != ""
