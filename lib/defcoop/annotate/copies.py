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

import zlib
from collections.abc import Callable

import numpy as np
import pandas as pd

from defcoop.text import fold

__all__ = ["duplicate_of", "shingles"]

_N_PERM = 128
_MIX = np.uint64(1_000_003)
_BANDS = 32  # 32 bands of 4 rows: a pair with Jaccard 0.6 is proposed with probability 0.986
_RNG = np.random.default_rng(20240517)
_SEEDS = _RNG.integers(0, np.iinfo(np.uint64).max, size=_N_PERM, dtype=np.uint64, endpoint=True)
_EMPTY_SIGNATURE = np.full(_N_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
# bytes.translate table keeping ``a-z`` and ``0-9`` and turning every other byte into a space, so
# that ``split()`` yields exactly the ``[a-z0-9]+`` runs.
_WORD_BYTES = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def _words(text: str) -> list[bytes]:
    """The ``[a-z0-9]+`` runs of ``fold(text)``, as ASCII bytes, in order.

    A character still outside ASCII after folding (Cyrillic, CJK, symbols) becomes ``?`` and so
    separates words.

    >>> _words("Việt Nam–Belarus: S-300, 2024 ✓ Минск")
    [b'viet', b'nam', b'belarus', b's', b'300', b'2024']
    """
    return fold(text).encode("ascii", "replace").translate(_WORD_BYTES).split()


def shingles(text: str, k: int = 5) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word ``k``-grams of ``text`` (stable across runs).

    Words are the ``[a-z0-9]+`` runs of ``fold(text)``.  Each word is hashed with CRC32 and the
    ``k`` word hashes of a window are combined by a polynomial hash (wrapping ``uint64``
    arithmetic), mixed with splitmix64 and cut to 32 bits; a text of fewer than ``k`` words is
    one shingle.  Nothing depends on ``PYTHONHASHSEED`` or the process.

    >>> len(shingles("one two three four five six")) == 2
    True
    >>> a, b = shingles("Việt Nam and Belarus sign deals"), shingles("viet nam AND belarus, sign deals")
    >>> bool((a == b).all())
    True
    """
    words = _words(text)
    n = len(words)
    if not n:
        return np.zeros(0, dtype=np.uint64)
    w = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=n)
    k = min(k, n)
    m = n - k + 1
    # h = w[i]*MIX^(k-1) + w[i+1]*MIX^(k-2) + ... + w[i+k-1], Horner's rule on whole windows
    # (numpy integer arrays wrap silently on overflow)
    h = w[:m].copy()
    for i in range(1, k):
        h *= _MIX
        h += w[i : i + m]
    h = _mix(h)
    h &= np.uint64(0xFFFFFFFF)
    # np.unique, without its overhead on small arrays
    h.sort()
    keep = np.empty(m, dtype=bool)
    keep[0] = True
    np.not_equal(h[1:], h[:-1], out=keep[1:])
    return h[keep]


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a strong 64-bit mix (wrapping arithmetic), in place on ``h``."""
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return h


def _signature(sh: np.ndarray) -> np.ndarray:
    """MinHash: for each of the ``_N_PERM`` seeds, the minimum of mix(shingle XOR seed).

    (Linear permutations ``(a*x + b) mod p`` were tried first and underestimated the
    similarity of real copies badly on these hashes; a full mix per seed does not.)
    """
    if sh.size == 0:
        return _EMPTY_SIGNATURE.copy()
    # Shingle hashes are already mixed (see shingles); one multiply and xor-shift per seed
    # decorrelates the seeds at a third of the cost of a full mix.  One row per seed, so that
    # the minimum runs along contiguous memory; multiply and xor in place.
    v = np.bitwise_xor.outer(_SEEDS, sh * np.uint64(0x9E3779B97F4A7C15))
    v *= np.uint64(0xD6E8FEB86659FD93)
    v ^= v >> np.uint64(32)
    return v.min(axis=1)


def signature(body: str) -> tuple[bytes, int]:
    """MinHash signature of ``body`` (as bytes, for storage) and its number of shingles."""
    sh = shingles(body)
    return _signature(sh).tobytes(), int(sh.size)


def _buckets(block: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of ``block`` with equal values: ``(order, starts, counts)`` of every bucket of two
    rows or more, whose row numbers are ``order[start : start + count]`` (in no fixed order).

    Rows are sorted by one 64-bit key mixing all their values, so that equal rows are
    neighbours; a key shared by rows that differ (a collision, never seen in practice) makes
    the block grouped by exact comparison of whole rows instead.
    """
    key = block[:, 0].copy()
    for c in range(1, block.shape[1]):
        key = _mix(key)
        key ^= block[:, c]
    order = np.argsort(key)
    key = key[order]
    run = np.flatnonzero(key[1:] == key[:-1])  # order[i] and order[i + 1] share their key
    if run.size == 0:
        return order, run, run
    if not (block[order[run]] == block[order[run + 1]]).all():
        keys = np.ascontiguousarray(block).view(np.dtype((np.void, block.dtype.itemsize * block.shape[1])))
        _, inverse, counts = np.unique(keys.ravel(), return_inverse=True, return_counts=True)
        order = np.argsort(inverse.ravel(), kind="stable")
        starts = np.cumsum(counts) - counts
        return order, starts[counts > 1], counts[counts > 1]
    # runs of consecutive pairs sharing a key are the buckets
    first = np.ones(run.size, dtype=bool)
    first[1:] = run[1:] != run[:-1] + 1
    seg = np.flatnonzero(first)
    return order, run[seg], np.diff(np.append(seg, run.size)) + 1


def _candidates(sigs: np.ndarray, idx: np.ndarray, n: int) -> np.ndarray:
    """Sorted unique pairs ``(i, j)``, ``i < j``, of rows ``idx`` of ``sigs`` sharing a band.

    Banded LSH: the ``_N_PERM`` MinHash values are cut into ``_BANDS`` bands, and two rows
    whose values agree on a whole band share its bucket.  Every pair in a bucket is a
    candidate, except in a huge bucket (over 50 rows), whose rows are paired with its first
    (smallest) row only.
    """
    rows = _N_PERM // _BANDS
    codes: list[np.ndarray] = []  # candidate pairs as i * n + j
    for band in range(_BANDS):
        order, starts, counts = _buckets(sigs[idx, band * rows : (band + 1) * rows])
        members = idx[order]
        two = starts[counts == 2]
        a, b = members[two], members[two + 1]
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
        for g in np.flatnonzero(counts > 2):
            m = np.sort(members[starts[g] : starts[g] + counts[g]])
            if len(m) > 50:  # a huge bucket: link everything to its first member only
                codes.append(m[0] * n + m[1:])
            else:
                a, b = np.triu_indices(len(m), 1)
                codes.append(m[a] * n + m[b])
    if not codes:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.unique(np.concatenate(codes).astype(np.int64))
    return np.stack([pairs // n, pairs % n], axis=1)


def duplicate_of(
    docs: pd.DataFrame,
    *,
    signatures: list[bytes] | None = None,
    sizes: list[int] | None = None,
    threshold: float = 0.8,
    min_shingles: int = 8,
    bodies: Callable[[list[int]], list[str]] | None = None,
) -> pd.Series:
    """For each row of ``docs`` the ``doc_id`` of the first copy of its story, else ``""``.

    Uses the columns ``doc_id``, ``body`` and ``date``.  ``signatures``/``sizes`` (from
    :func:`signature`, e.g. cached) save recomputing them.  ``bodies`` gives the bodies of the
    rows at the positions asked (default: from ``docs["body"]``); with signatures given, only
    the bodies of candidate copies are asked for.  Articles with fewer than
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
    ids = docs["doc_id"].tolist()
    if bodies is None:

        def bodies(rows: list[int]) -> list[str]:
            return docs["body"].iloc[rows].tolist()

    if signatures is None or sizes is None:
        computed = [signature(b) for b in bodies(list(range(n)))]
        signatures, sizes = [c[0] for c in computed], [c[1] for c in computed]
    sigs = np.frombuffer(b"".join(signatures), dtype=np.uint64).reshape(n, _N_PERM)
    usable = np.asarray(sizes) >= min_shingles
    pairs = _candidates(sigs, np.flatnonzero(usable), n)
    if len(pairs):
        # The share of equal MinHash values estimates Jaccard similarity; copies that pass the
        # containment test have a Jaccard of at least ~0.5 (a copy missing a third of the text),
        # so pairs far below that are dismissed without building their shingles.
        equal = np.concatenate(
            [
                np.count_nonzero(sigs[pairs[s : s + 4096, 0]] == sigs[pairs[s : s + 4096, 1]], axis=1)
                for s in range(0, len(pairs), 4096)
            ]
        )
        pairs = pairs[equal / _N_PERM >= 0.35]
    # only the articles of the remaining pairs are read again, to build their shingles
    needed = np.unique(pairs).tolist()
    body_of = dict(zip(needed, bodies(needed), strict=True))
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cache: dict[int, np.ndarray] = {}

    def sh(i: int) -> np.ndarray:
        if i not in cache:
            cache[i] = shingles(body_of[i])
        return cache[i]

    # Whether a pair is joined depends on the pair alone, so the groups do not depend on the
    # order of the pairs; a pair already in one group is skipped without building shingles.
    for i, j in pairs.tolist():
        if find(i) == find(j):
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
