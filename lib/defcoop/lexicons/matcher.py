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
from typing import Generic, NamedTuple, TypeVar

import ahocorasick

from defcoop.text import fold_preserving_length

__all__ = ["Hit", "MultiMatcher", "PhraseMatcher", "normalise_phrase"]

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


class Hit(NamedTuple, Generic[T]):
    """One phrase found in a text: ``text[start:end]`` folds to ``key`` (or, for a prefix
    phrase, starts with it).  A named tuple, because matching creates many of them."""

    start: int
    end: int
    key: str
    values: tuple[T, ...]


def _is_word(ch: str) -> bool:
    """Whether a phrase starting or ending with ``ch`` must stop at a word boundary: letters and
    digits, except the ideographs of Chinese and Japanese, whose text does not separate words."""
    return ch.isalnum() and not _is_ideograph(ch)


def _is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3040" <= ch <= "\u30ff"


class PhraseMatcher(Generic[T]):
    """Match many phrases at once.  Each phrase carries one or more values.

    >>> m = PhraseMatcher([("Russia", "RU"), ("Russian Federation", "RU"), ("train*", "T")])
    >>> [(h.start, h.end, h.values) for h in m.find("The Russian Federation trains; Russia.")]
    [(4, 22, ('RU',)), (23, 29, ('T',)), (31, 37, ('RU',))]
    >>> len(m)
    3
    """

    def __init__(self, phrases: Iterable[tuple[str, T]], *, glued: str = "") -> None:
        # "start": a hit may begin where a lower-case letter meets its capital (a name glued to the
        # title before it: "MinisterPhan Van Giang"); "end": a hit may end there (a title glued to
        # the name after it: "AmbassadorLianys"); "": word boundaries only ("VietnamPlus" is no Vietnam)
        if glued not in ("", "start", "end"):
            raise ValueError(f"glued must be '', 'start' or 'end', not {glued!r}")
        self._glued = glued
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
        self._entries = {key: tuple(entries) for key, entries in merged.items()}
        for key, entries in self._entries.items():
            self._automaton.add_word(key, _payload(key, tuple((0, prefix, vals) for prefix, vals in entries)))
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
        return _scan(self._automaton, f, 1, text, (self._glued,))[0]

    def find(self, text: str, folded: str | None = None) -> list[Hit[T]]:
        """Non-overlapping hits, leftmost-longest."""
        return leftmost_longest(self.candidates(text, folded))


class MultiMatcher:
    """Several :class:`PhraseMatcher` lexicons in one automaton: one pass over a text gives
    every lexicon's candidates, exactly as each matcher's own :meth:`~PhraseMatcher.candidates`.

    Scanning the text is the fixed cost of matching (it does not depend on the number of
    phrases), so an article read once instead of once per lexicon is matched several times faster.

    >>> a = PhraseMatcher([("Russia", "RU"), ("Russian Federation", "RU")])
    >>> b = PhraseMatcher([("federation", "F"), ("train*", "T")])
    >>> text = "The Russian Federation trains."
    >>> both = MultiMatcher([a, b]).candidates(text)
    >>> both == [a.candidates(text), b.candidates(text)]
    True
    >>> [(h.start, h.end, h.values) for h in both[1]]
    [(12, 22, ('F',)), (23, 29, ('T',))]
    """

    def __init__(self, matchers: Sequence[PhraseMatcher]) -> None:
        self._n = len(matchers)
        self._glued = tuple(m._glued for m in matchers)
        merged: dict[str, list] = {}
        for i, m in enumerate(matchers):
            for key, entries in m._entries.items():
                merged.setdefault(key, []).extend((i, prefix, vals) for prefix, vals in entries)
        self._automaton = ahocorasick.Automaton()
        for key, entries in merged.items():
            self._automaton.add_word(key, _payload(key, tuple(entries)))
        if merged:
            self._automaton.make_automaton()
        self._empty = not merged

    def candidates(self, text: str, folded: str | None = None) -> list[list[Hit]]:
        """Per matcher, in the order given, all boundary-respecting hits in text order."""
        if self._empty:
            return [[] for _ in range(self._n)]
        f = fold_preserving_length(text) if folded is None else folded
        return _scan(self._automaton, f, self._n, text, self._glued)


def _payload(key: str, entries: tuple) -> tuple:
    """What the automaton stores for a key: the key, its length, whether its first and last
    characters are word characters (only then must the neighbours be checked), and its entries
    as flat ``(matcher index, prefix, values)`` triples."""
    return (key, len(key), _is_word(key[0]), _is_word(key[-1]), entries)


def _scan(automaton, f: str, n_matchers: int, text: str, glued: tuple[str, ...]) -> list[list[Hit]]:
    """Run ``automaton`` over folded text ``f`` (of ``text``); hits per matcher, sorted
    leftmost-longest first.  For the matchers whose ``glued`` is ``"start"`` (or ``"end"``), a
    lower-case letter followed by a capital is a word boundary at a hit's start (or end) too:
    words a crawl glued at a line break (``Deputy Defence MinisterPhan Van Giang``)."""
    n = len(f)
    outs: list[list[Hit]] = [[] for _ in range(n_matchers)]
    any_glued = any(glued)
    for end_idx, (key, size, word_first, word_last, entries) in automaton.iter(f):
        start = end_idx - size + 1
        end = end_idx + 1
        inside_end = word_last and end < n and f[end].isalnum()
        if word_first and start > 0 and f[start - 1].isalnum():
            # inside a longer word, unless glued there ("MinisterPhan"): then for "start" matchers only
            if any_glued and not inside_end and text[start].isupper() and text[start - 1].islower():
                for i, _, vals in entries:
                    if glued[i] == "start":
                        outs[i].append(Hit(start, end, key, vals))
            continue
        if inside_end:
            glued_end = any_glued and text[end].isupper() and text[end - 1].islower()
            for i, prefix, vals in entries:
                if glued_end and glued[i] == "end":  # ("AmbassadorLianys")
                    outs[i].append(Hit(start, end, key, vals))
                elif prefix:
                    # inside a longer word: only prefix phrases (``train*``) match, up to the word's end
                    stop = end
                    while stop < n and f[stop].isalnum():
                        stop += 1
                    outs[i].append(Hit(start, stop, key, vals))
        else:
            for i, _, vals in entries:
                outs[i].append(Hit(start, end, key, vals))
    for out in outs:
        out.sort(key=_order)
    return outs


def _order(h: Hit) -> tuple[int, int, str]:
    return (h.start, h.start - h.end, h.key)


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
