"""Near-duplicate detection: syndicated copies and mirror pages of the same story.

Each article's prose is reduced to word 5-gram *shingles* (diacritics folded, punctuation
dropped).  MinHash signatures with banded locality-sensitive hashing propose candidate pairs
in near-linear time; each candidate is then checked exactly: two articles are copies when
their shingle sets overlap by at least ``threshold`` of the smaller set (containment), which
also catches a copy that drops a paragraph or adds furniture.  Copies form groups; the
earliest article of a group (by date, then ``doc_id``) is the story, and every other member
points to it with ``duplicate_of``.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
import pandas as pd

from defcoop.text import fold

__all__ = ["duplicate_of", "shingles"]

_TOKEN = re.compile(r"[a-z0-9]+")
_N_PERM = 128
_MIX = np.uint64(1_000_003)
_BANDS = 32  # 32 bands of 4 rows: a pair with Jaccard 0.6 is proposed with probability 0.986
_RNG = np.random.default_rng(20240517)
_SEEDS = _RNG.integers(0, np.iinfo(np.uint64).max, size=_N_PERM, dtype=np.uint64, endpoint=True)


def shingles(text: str, k: int = 5) -> np.ndarray:
    """Sorted unique CRC32 hashes of the word ``k``-grams of ``text`` (stable across runs).

    >>> len(shingles("one two three four five six")) == 2
    True
    >>> a, b = shingles("Việt Nam and Belarus sign deals"), shingles("viet nam AND belarus, sign deals")
    >>> bool((a == b).all())
    True
    """
    words = _TOKEN.findall(fold(text))
    if not words:
        return np.zeros(0, dtype=np.uint64)
    # CRC32 of each word, combined over each window of k words by a polynomial hash computed
    # with numpy (wrapping uint64 arithmetic), then folded to 32 bits: stable across runs and
    # machines, and without building a string per shingle.
    w = np.fromiter((zlib.crc32(x.encode()) for x in words), dtype=np.uint64, count=len(words))
    k = min(k, len(w))
    h = np.zeros(len(w) - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            h = h * _MIX + w[i : i + len(h)]
    return np.unique(_mix(h) & np.uint64(0xFFFFFFFF))


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a strong 64-bit mix (wrapping arithmetic)."""
    with np.errstate(over="ignore"):
        h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return h ^ (h >> np.uint64(31))


def _signature(sh: np.ndarray) -> np.ndarray:
    """MinHash: for each of the ``_N_PERM`` seeds, the minimum of mix(shingle XOR seed).

    (Linear permutations ``(a*x + b) mod p`` were tried first and underestimated the
    similarity of real copies badly on these hashes; a full mix per seed does not.)
    """
    if sh.size == 0:
        return np.full(_N_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    # Shingle hashes are already mixed (see shingles); one multiply and xor-shift per seed
    # decorrelates the seeds at a third of the cost of a full mix.
    with np.errstate(over="ignore"):
        v = np.bitwise_xor.outer(sh * np.uint64(0x9E3779B97F4A7C15), _SEEDS) * np.uint64(0xD6E8FEB86659FD93)
        v ^= v >> np.uint64(32)
    return v.min(axis=0)


def signature(body: str) -> tuple[bytes, int]:
    """MinHash signature of ``body`` (as bytes, for storage) and its number of shingles."""
    sh = shingles(body)
    return _signature(sh).tobytes(), int(sh.size)


def duplicate_of(
    docs: pd.DataFrame,
    *,
    signatures: list[bytes] | None = None,
    sizes: list[int] | None = None,
    threshold: float = 0.8,
    min_shingles: int = 8,
) -> pd.Series:
    """For each row of ``docs`` the ``doc_id`` of the first copy of its story, else ``""``.

    Uses the columns ``doc_id``, ``body`` and ``date``.  ``signatures``/``sizes`` (from
    :func:`signature`, e.g. cached) save recomputing them.  Articles with fewer than
    ``min_shingles`` shingles are too short to judge and are never marked.

    >>> story = "Minister Giang held talks with Minister Khrenin on training and military medicine in Hanoi."
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2024-12-18", "2024-12-17", ""],
    ...                      "body": [story + " Share this.", story, "A different story about the navy."]})
    >>> duplicate_of(docs).tolist()
    ['b', '', '']
    """
    n = len(docs)
    if n == 0:
        return pd.Series([], dtype="str", index=docs.index)
    bodies = docs["body"].tolist()
    ids = docs["doc_id"].tolist()
    if signatures is None or sizes is None:
        pairs = [signature(b) for b in bodies]
        signatures, sizes = [p[0] for p in pairs], [p[1] for p in pairs]
    sigs = np.frombuffer(b"".join(signatures), dtype=np.uint64).reshape(n, _N_PERM)
    usable = np.asarray(sizes) >= min_shingles
    rows = _N_PERM // _BANDS
    candidates: set[tuple[int, int]] = set()
    idx = np.flatnonzero(usable)
    for band in range(_BANDS):
        block = np.ascontiguousarray(sigs[idx, band * rows : (band + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        for g in np.flatnonzero(counts > 1):
            members = idx[inverse == g].tolist()
            if len(members) > 50:  # a huge bucket: link everything to its first member only
                candidates.update((members[0], m) for m in members[1:])
            else:
                candidates.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cache: dict[int, np.ndarray] = {}

    def sh(i: int) -> np.ndarray:
        if i not in cache:
            cache[i] = shingles(bodies[i])
        return cache[i]

    for i, j in sorted(candidates):
        if find(i) == find(j):
            continue
        # The share of equal MinHash values estimates Jaccard similarity; copies that pass the
        # containment test have a Jaccard of at least ~0.5 (a copy missing a third of the text),
        # so pairs far below that are dismissed without building their shingles.
        if float(np.mean(sigs[i] == sigs[j])) < 0.35:
            continue
        a, b = sh(i), sh(j)
        inter = np.intersect1d(a, b, assume_unique=True).size
        if inter / min(a.size, b.size) >= threshold:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    dates = docs["date"].fillna("").tolist()
    out = [""] * n
    for members in groups.values():
        if len(members) < 2:
            continue
        # undated articles sort after dated ones; ties broken by doc_id
        first = min(members, key=lambda i: (dates[i] == "", dates[i], ids[i]))
        for i in members:
            if i != first:
                out[i] = ids[first]
    return pd.Series(out, index=docs.index, dtype="str")
