"""A compiled multi-phrase matcher (Aho-Corasick) over diacritic-folded text.

One automaton holds every phrase of a lexicon, so matching costs one pass over the text
whatever the number of phrases.  Text and phrases are folded with
:func:`defcoop.text.fold_preserving_length`, which keeps offsets, so a hit's ``start``/``end``
index the original text.  Hits respect word boundaries; a phrase ending in ``*`` also matches
longer words (``train*`` matches "training").  Overlapping hits are resolved leftmost-longest,
so "Russian Federation" is one hit, not also "Russia".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from defcoop.text import fold_preserving_length

__all__ = ["Hit", "PhraseMatcher", "normalise_phrase"]

T = TypeVar("T")
_SPACES = re.compile(r"\s+")


def normalise_phrase(phrase: str) -> tuple[str, bool]:
    """Folded key of a phrase and whether it is a prefix (``*``) phrase.

    >>> normalise_phrase("  Việt  Nam ")
    ('viet nam', False)
    >>> normalise_phrase("train*")
    ('train', True)
    """
    p = _SPACES.sub(" ", phrase.strip())
    prefix = p.endswith("*")
    if prefix:
        p = p[:-1].rstrip()
    return fold_preserving_length(p), prefix


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    start: int
    end: int
    key: str
    values: tuple[T, ...]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


class PhraseMatcher(Generic[T]):
    """Match many phrases at once.  Each phrase carries one or more values.

    >>> m = PhraseMatcher([("Russia", "RU"), ("Russian Federation", "RU"), ("train*", "T")])
    >>> [(h.start, h.end, h.values) for h in m.find("The Russian Federation trains; Russia.")]
    [(4, 22, ('RU',)), (23, 29, ('T',)), (31, 37, ('RU',))]
    >>> len(m)
    3
    """

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        table: dict[tuple[str, bool], list[T]] = {}
        for phrase, value in phrases:
            key = normalise_phrase(phrase)
            if not key[0]:
                continue
            vals = table.setdefault(key, [])
            if value not in vals:
                vals.append(value)
        self._automaton = ahocorasick.Automaton()
        # One automaton entry per folded key; exact and prefix versions share it.
        merged: dict[str, list[tuple[bool, tuple[T, ...]]]] = {}
        for (key, prefix), vals in table.items():
            merged.setdefault(key, []).append((prefix, tuple(vals)))
        for key, entries in merged.items():
            self._automaton.add_word(key, (key, tuple(entries)))
        self._size = len(table)
        if self._size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._size

    def candidates(self, text: str, folded: str | None = None) -> list[Hit[T]]:
        """All boundary-respecting hits, overlapping ones included, in text order."""
        if not self._size:
            return []
        f = fold_preserving_length(text) if folded is None else folded
        n = len(f)
        out: list[Hit[T]] = []
        for end_idx, (key, entries) in self._automaton.iter(f):
            start = end_idx - len(key) + 1
            end = end_idx + 1
            if start > 0 and _is_word(f[start - 1]) and _is_word(key[0]):
                continue
            after_is_word = end < n and _is_word(f[end]) and _is_word(key[-1])
            for prefix, vals in entries:
                if not after_is_word:
                    out.append(Hit(start, end, key, vals))
                elif prefix:
                    stop = end
                    while stop < n and _is_word(f[stop]):
                        stop += 1
                    out.append(Hit(start, stop, key, vals))
        out.sort(key=lambda h: (h.start, -(h.end - h.start), h.key))
        return out

    def find(self, text: str, folded: str | None = None) -> list[Hit[T]]:
        """Non-overlapping hits, leftmost-longest."""
        return leftmost_longest(self.candidates(text, folded))


def leftmost_longest(hits: Sequence[Hit[T]]) -> list[Hit[T]]:
    """Keep non-overlapping hits, preferring the leftmost and then the longest.

    ``hits`` must be sorted as :meth:`PhraseMatcher.candidates` returns them.
    """
    chosen: list[Hit[T]] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            chosen.append(h)
            last_end = h.end
    return chosen
