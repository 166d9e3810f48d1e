"""Near-duplicate detection: syndicated copies and mirror pages of the same story.

Each article's prose is reduced to word 5-gram *shingles* (diacritics folded, punctuation
dropped).  Two generators propose candidate pairs in near-linear time: MinHash signatures with
banded locality-sensitive hashing (pairs of similar size and text), and *anchors*, the shingles
whose hash is 0 modulo :data:`ANCHOR_EVERY` (a sample that depends on the text alone, so that a
short copy, a teaser or a truncated copy, shares its anchors with the long original whatever
their lengths: two shared anchors make a candidate).  Each candidate is then checked exactly:
two articles are copies when they share at least ``min_shared`` shingles and at least
``threshold`` of the smaller set (containment).  A copy that drops paragraphs, adds furniture,
or is cut at another place than the original (two excerpts of one story) is caught; two reports
of one event written apart share a sentence or two, far below that.  Copies form groups; the
earliest article of a group (by date, then ``doc_id``) is the story, and every other member
points to it with ``duplicate_of``.  A member without a date of its own whose text gives the
month and day of a dated member (``le 23 novembre`` beside a copy stamped ``23/11/2023``) takes
that date (inferred: it carries the same story) before the order is decided, so that an original
without a year does not sort after its copies.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable

import numpy as np
import pandas as pd

from defcoop.reading.dates import find_dates
from defcoop.text import fold

__all__ = ["ANCHOR_EVERY", "duplicate_of", "shingles"]

#: One shingle in this many (by hash) is an anchor (about 37 for an article of 300 shingles).
ANCHOR_EVERY = 8

_N_PERM = 128
_MIX = np.uint64(1_000_003)
_BANDS = 32  # 32 bands of 4 rows: a pair with Jaccard 0.6 is proposed with probability 0.986
_RNG = np.random.default_rng(20240517)
_SEEDS = _RNG.integers(0, np.iinfo(np.uint64).max, size=_N_PERM, dtype=np.uint64, endpoint=True)
_EMPTY_SIGNATURE = np.full(_N_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
# bytes.translate table keeping ``a-z`` and ``0-9`` and turning every other byte into a space, so
# that ``split()`` yields exactly the ``[a-z0-9]+`` runs.
_WORD_BYTES = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


#: Words of a text that is not all ASCII once folded: runs of letters and digits of any script,
#: and each CJK character on its own (Chinese and Japanese do not separate words by spaces).
_WORD_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[^\W_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")


def _words(text: str) -> list[bytes]:
    """The words of ``fold(text)``, lower case, as bytes, in order: the ``[a-z0-9]+`` runs of
    Latin text; in other scripts the runs of letters and digits (Cyrillic), or single CJK
    characters, as UTF-8.

    >>> _words("Việt Nam–Belarus: S-300, 2024 ✓")
    [b'viet', b'nam', b'belarus', b's', b'300', b'2024']
    >>> [w.decode() for w in _words("Шойгу и Фан Ван Зянг, 2024")]
    ['шойгу', 'и', 'фан', 'ван', 'зянг', '2024']
    >>> [w.decode() for w in _words("潘文江会见")]
    ['潘', '文', '江', '会', '见']
    """
    folded = fold(text)
    if folded.isascii():
        return folded.encode("ascii").translate(_WORD_BYTES).split()
    return [w.encode("utf-8") for w in _WORD_RE.findall(folded.lower())]


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


def signature(body: str) -> tuple[bytes, int, bytes]:
    """MinHash signature of ``body`` (as bytes, for storage), its number of shingles, and its
    anchors (the shingles whose hash is 0 modulo :data:`ANCHOR_EVERY`, as ``uint32`` bytes)."""
    sh = shingles(body)
    return _signature(sh).tobytes(), int(sh.size), _anchors(sh).tobytes()


def _anchors(sh: np.ndarray) -> np.ndarray:
    return sh[sh % np.uint32(ANCHOR_EVERY) == 0].astype(np.uint32)


def _anchor_candidates(anchors: list[bytes | memoryview], idx: np.ndarray, n: int, *, most: int = 50) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, of rows ``idx`` sharing two anchors or more.

    An anchor found in more than ``most`` articles (furniture or boilerplate every page of a
    site carries) proposes nothing.
    """
    if not len(idx):
        return np.zeros((0, 2), dtype=np.int64)
    arrs = [np.frombuffer(anchors[i], dtype=np.uint32) for i in idx.tolist()]
    owner = np.repeat(idx, [a.size for a in arrs])
    values = np.concatenate(arrs) if arrs else np.zeros(0, np.uint32)
    if not values.size:
        return np.zeros((0, 2), dtype=np.int64)
    order = np.lexsort((owner, values))
    values, owner = values[order], owner[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    counts = np.diff(np.r_[starts, values.size])
    # (a text's anchors are distinct, so each owner is once in its anchor's run, in order)
    two = starts[counts == 2]  # the usual run: one pair, without a loop
    codes: list[np.ndarray] = [owner[two] * n + owner[two + 1]]
    more = (counts > 2) & (counts <= most)
    for s, c in zip(starts[more].tolist(), counts[more].tolist(), strict=True):
        m = owner[s : s + c]
        a, b = np.triu_indices(c, 1)
        codes.append(m[a] * n + m[b])
    pair_codes, times = np.unique(np.concatenate(codes).astype(np.int64), return_counts=True)
    pair_codes = pair_codes[times >= 2]
    return np.stack([pair_codes // n, pair_codes % n], axis=1)


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
    anchors: list[bytes | memoryview] | None = None,
    threshold: float = 0.3,
    min_shared: int = 25,
    min_shingles: int = 8,
    bodies: Callable[[list[int]], list[str]] | None = None,
) -> pd.Series:
    """For each row of ``docs`` the ``doc_id`` of the first copy of its story, else ``""``.

    Uses the columns ``doc_id``, ``body`` and ``date``, and ``language`` when present (copies are
    linked within a language only).  ``signatures``/``sizes``/``anchors``
    (from :func:`signature`, e.g. cached) save recomputing them.  The thresholds were set on the
    real development corpora (``benchmarks/devsets``): every copy pair there shares at least 0.33
    of the smaller text, every other pair at most 0.15.  ``bodies`` gives the bodies of the
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

    if signatures is None or sizes is None or anchors is None:
        computed = [signature(b) for b in bodies(list(range(n)))]
        signatures, sizes, anchors = [c[0] for c in computed], [c[1] for c in computed], [c[2] for c in computed]
    sigs = np.frombuffer(b"".join(signatures), dtype=np.uint64).reshape(n, _N_PERM)
    size = np.asarray(sizes, dtype=np.float64)
    usable = np.flatnonzero(size >= min_shingles)
    pairs = _candidates(sigs, usable, n)
    if len(pairs):
        # The share of equal MinHash values estimates the Jaccard similarity J, and with the two
        # sizes the shared shingles: J / (1 + J) * (|A| + |B|).  Pairs whose estimate is far
        # below the test are dismissed without building their shingles.
        equal = np.concatenate(
            [
                np.count_nonzero(sigs[pairs[s : s + 4096, 0]] == sigs[pairs[s : s + 4096, 1]], axis=1)
                for s in range(0, len(pairs), 4096)
            ]
        )
        j = equal / _N_PERM
        shared = j / (1 + j) * (size[pairs[:, 0]] + size[pairs[:, 1]])
        pairs = pairs[shared >= 0.5 * threshold * np.minimum(size[pairs[:, 0]], size[pairs[:, 1]])]
    pairs = np.unique(np.concatenate([pairs, _anchor_candidates(anchors, usable, n)]).astype(np.int64), axis=0)
    if "language" in docs.columns and len(pairs):
        # Copies are linked within one language: a page in another language that shares text
        # with an article (its translation sharing names and figures, or a quotation of it) is
        # another story for an analyst comparing how each side reports a visit.  A page too
        # short to tell (``und``) is linked only to another such page: were it compatible with
        # every language it could join an English and a Vietnamese story into one group, and a
        # cut by language would then separate copies from their original.
        lang = docs["language"].fillna("und").to_numpy(dtype=object)
        pairs = pairs[lang[pairs[:, 0]] == lang[pairs[:, 1]]]
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

    # Each text is joined to its best match among the texts at least as long as itself, so that a
    # short page holding the leads of two stories (a digest, a related-news list) joins one of
    # them, not both to each other.  The choice depends on the pairs alone, not on their order.
    best: dict[int, tuple[float, int, int]] = {}  # shorter text -> (-containment, longer's size, longer)
    for i, j in pairs.tolist():
        a, b = sh(i), sh(j)
        inter = np.intersect1d(a, b, assume_unique=True).size
        if inter >= min(min_shared, a.size, b.size) and inter / min(a.size, b.size) >= threshold:
            short, long_ = (i, j) if (a.size, i) < (b.size, j) else (j, i)
            key = (-inter / min(a.size, b.size), -max(a.size, b.size), long_)
            if short not in best or key < best[short]:
                best[short] = key
    for short, (_c, _size, long_) in sorted(best.items()):
        parent[find(short)] = find(long_)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    dates = docs["date"].fillna("").tolist()
    out = [""] * n
    for members in groups.values():
        if len(members) < 2:
            continue
        when = _group_dates(members, dates, body_of)
        # undated articles sort after dated ones; ties broken by doc_id (the length of the text
        # was tried as a tie-break on the development corpora, and was right less often)
        first = min(members, key=lambda i: (when[i] == "", when[i], ids[i]))
        for i in members:
            if i != first:
                out[i] = ids[first]
    return pd.Series(out, index=docs.index, dtype="str")


def _group_dates(members: list[int], dates: list[str], body_of: dict[int, str]) -> dict[int, str]:
    """The dates of a copy group's members for ordering it: each member's own date; an undated
    member whose text names the month and day (without a year) of exactly one dated member's
    day-precision date takes that date, as a reader of the two pages would.

    >>> _group_dates([0, 1], ["", "2023-11-23"], {0: "Hanoï, le 23 novembre - Le ministre a reçu l'ambassadeur."})
    {0: '2023-11-23', 1: '2023-11-23'}
    >>> _group_dates([0, 1], ["", "2023-11-23"], {0: "Le 22 novembre, le ministre a reçu l'ambassadeur."})
    {0: '', 1: '2023-11-23'}
    """
    when = {i: dates[i] for i in members}
    dated = sorted({dates[i] for i in members if len(dates[i]) == len("YYYY-MM-DD")})
    for i in members:
        if dates[i] or not dated or i not in body_of:
            continue
        said = {(h.month, h.day) for h in find_dates(body_of[i]) if h.year is None and h.day}
        agree = [d for d in dated if (int(d[5:7]), int(d[8:10])) in said]
        if len(agree) == 1:
            when[i] = agree[0]
    return when
