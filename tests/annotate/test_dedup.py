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


def _reference_shingles(text: str, k: int = 5) -> np.ndarray:
    """The definition: CRC32 per word, polynomial over each window, splitmix64, low 32 bits."""
    words = re.findall(r"[a-z0-9]+", fold(text))
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
    assert [w.decode() for w in dedup._words(text)] == re.findall(r"[a-z0-9]+", fold(text))


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
    sig, size = dedup.signature(TEXTS[-1])
    assert np.frombuffer(sig, dtype=np.uint64).tolist() == expected
    assert size == sh.size
    empty, n_empty = dedup.signature("")
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
    assert dedup.duplicate_of(docs, signatures=[s[0] for s in sigs], sizes=[s[1] for s in sigs]).tolist() == [
        "b",
        "",
        "",
        "b",
        "",
    ]
