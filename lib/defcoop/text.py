"""Text normalisation and sentence segmentation with offsets into the original text.

Everything here is a pure function of its input.  Offsets returned by the segmenters are
character offsets into the string they were given, never into a normalised copy, so that a
count can always be traced back to the exact characters of the article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

__all__ = [
    "Span",
    "fold",
    "fold_preserving_length",
    "nfc",
    "one_edit",
    "same_name_token",
    "sentence_spans",
    "squash",
    "word_count",
]

# Letters that NFD does not decompose into a base letter plus a combining mark.
_EXTRA_FOLDS = str.maketrans(
    {
        "Đ": "D",
        "đ": "d",
        "Ð": "D",
        "ð": "d",
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "ı": "i",
        "ß": "s",  # ß folds to one letter so that offsets keep their length
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\ufeff": " ",
    }
)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normal form C.

    >>> nfc("Vie\u0302\u0323t") == "Việt"
    True
    """
    return unicodedata.normalize("NFC", text)


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one character added, dropped or changed
    (``Sergei``/``Sergey``, ``Marle``/``Marles``).

    >>> one_edit("sergei", "sergey"), one_edit("marle", "marles"), one_edit("li", "lu"), one_edit("ab", "ba")
    (True, True, True, False)
    """
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


#: Letters a token of a name needs before one letter may differ (Marle/Marles; not Li/Le).
NAME_EDIT_MIN_LETTERS = 5


def same_name_token(a: str, b: str) -> bool:
    """Whether two folded tokens are one word of a name as pages spell it: equal, or one letter off
    when both have five letters or more (``sergei``/``sergey``; not ``li``/``le``).

    >>> same_name_token("sergei", "sergey"), same_name_token("li", "le")
    (True, False)
    """
    return a == b or (min(len(a), len(b)) >= NAME_EDIT_MIN_LETTERS and one_edit(a, b))


def fold(text: str) -> str:
    """Lower-case ASCII-ish key for matching: diacritics removed, Đ→d, quotes and dashes plain.

    >>> fold("Phan Văn Giang")
    'phan van giang'
    >>> fold("ĐẶNG Thị Ngọc Thịnh")
    'dang thi ngoc thinh'
    >>> fold("Việt Nam’s")
    "viet nam's"
    """
    return fold_preserving_length(text)


def fold_preserving_length(text: str) -> str:
    """Fold like :func:`fold` but guarantee ``len(result) == len(text)``.

    Each input character maps to exactly one output character, so an offset found in the
    folded string is the same offset in the original.  That is what lets the matchers run on
    folded text and still report spans of the original article.

    >>> s = "Lương Cường, Hà Nội"
    >>> f = fold_preserving_length(s)
    >>> (f, len(f) == len(s))
    ('luong cuong, ha noi', True)
    """
    if text.isascii():  # the common case: ASCII folds by lower-casing alone
        return text.lower()
    if len(text) < 64:  # short strings: the dict lookup beats the array round trip
        return text.translate(_fold_table())
    # One vectorised lookup per character: UTF-32 code points index a fold array.
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    folded = _fold_array()[np.minimum(codes, 0xFFFF)]
    folded = np.where(codes > 0xFFFF, codes, folded)
    return folded.tobytes().decode("utf-32-le", "surrogatepass")


def _fold_char(ch: str) -> str:
    """The one-character fold of ``ch`` (see :func:`fold_preserving_length`)."""
    ch = ch.translate(_EXTRA_FOLDS)
    if ord(ch) < 128:
        return ch.lower()
    base = unicodedata.normalize("NFD", ch)[0]
    if ord(base) < 128:
        return base.lower()
    if unicodedata.category(ch).startswith("Z"):
        return " "
    low = ch.lower()
    return low if len(low) == 1 else ch


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """``str.translate`` table for every character of the Basic Multilingual Plane that folds.

    Built once (about 50 ms); folding a text is then a single C-level ``translate`` call.
    Characters outside the BMP (emoji, rare CJK) are left as they are.
    """
    table: dict[int, str] = {}
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch:
            table[code] = folded
    return table


@lru_cache(maxsize=1)
def _fold_array() -> np.ndarray:
    """The fold table as an array: ``_fold_array()[ord(ch)]`` is the code point ``ch`` folds to."""
    arr = np.arange(0x10000, dtype=np.uint32)
    for code, folded in _fold_table().items():
        arr[code] = ord(folded)
    return arr


_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def squash(text: str) -> str:
    """``text`` with every run of white space made one space, stripped at both ends.

    >>> squash("  Hanoi,\\n  December 17 ")
    'Hanoi, December 17'
    """
    return " ".join(text.split())


def word_count(text: str) -> int:
    """Count words (letters/digits, hyphenated or apostrophised compounds count once).

    >>> word_count("Viet Nam-Belarus ties, the minister's visit.")
    6
    """
    return len(_WORD.findall(text))


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open ``[start, end)`` slice of some text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


# Tokens before a period that do not end a sentence.  Compared case-sensitively after
# stripping the period, so "Gen." (rank) is protected but "gen." is not.
ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Sr",
        "Jr",
        "St",
        "Mt",
        "No",
        "Nos",
        "Vol",
        "Art",
        "Fig",
        "Ref",
        "Dept",
        "Univ",
        "Assn",
        "Bros",
        "Inc",
        "Ltd",
        "Co",
        "Corp",
        "Gen",
        "Lt",
        "Lieut",
        "Col",
        "Maj",
        "Capt",
        "Cpt",
        "Cmdr",
        "Cdr",
        "Adm",
        "Brig",
        "Sgt",
        "Cpl",
        "Pvt",
        "Sen",
        "Rep",
        "Gov",
        "Pres",
        "Amb",
        "Hon",
        "Rev",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Mon",
        "Tue",
        "Tues",
        "Wed",
        "Thu",
        "Thur",
        "Thurs",
        "Fri",
        "Sat",
        "Sun",
        "vs",
        "etc",
        "approx",
        "est",
        "Ave",
        "Blvd",
        "Rd",
    ]
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets.  The full-width
# stops of Chinese and Japanese (``。！？``) end a sentence whatever follows them (those scripts
# put no space after them and have no capital letters).
_TERMINAL = re.compile(r"[.!?…。！？]+[\"'”’)\]」』）]*")
_CLOSERS = "\"'”’)]」』）"
_FULL_WIDTH_STOPS = "。！？"
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def _token_before(text: str, pos: int) -> str:
    """The run of non-space characters that ends at ``pos`` (exclusive)."""
    i = pos
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:pos]


def _is_protected(text: str, dot: int) -> bool:
    """True when the period at ``dot`` belongs to an initial, abbreviation or number."""
    token = _token_before(text, dot).lstrip("(\"'“‘[")
    if not token:
        return False
    last = token.rsplit(".", 1)[-1]
    if last in ABBREVIATIONS:
        return True
    # A single capital letter ("A." in "A.V. Fomin", "K" in "S.K.Shoigu") is an initial.
    if len(last) == 1 and last.isalpha() and last.isupper():
        return True
    # Dotted acronyms: "U.S", "U.N", "a.m", "p.m"
    if _DOTTED_ACRONYM.fullmatch(token):
        return True
    # Decimal numbers and dotted dates: "2.5", "26.04.2016"
    nxt = text[dot + 1] if dot + 1 < len(text) else ""
    return bool(last[-1:].isdigit() and nxt.isdigit())


def _next_nonspace(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0\u2009\u202f":
        pos += 1
    return pos


def _starts_sentence(text: str, pos: int) -> bool:
    if pos >= len(text):
        return True
    ch = text[pos]
    if ch in "\"'“‘(":
        pos += 1
        ch = text[pos] if pos < len(text) else ""
    return bool(ch) and (ch.isupper() or ch.isdigit())


def _boundaries(text: str) -> Iterator[int]:
    """Yield offsets where a new sentence begins (exclusive of 0)."""
    for m in _TERMINAL.finditer(text):
        end = m.end()
        punct = m.group(0)
        if punct[0] in _FULL_WIDTH_STOPS:
            nxt = _next_nonspace(text, end)
            if nxt < len(text):
                yield nxt
            continue
        dot = m.start() + len(punct.rstrip(_CLOSERS)) - 1
        if punct.startswith(".") and len(punct.rstrip(_CLOSERS)) == 1 and _is_protected(text, dot):
            continue
        if end >= len(text):
            continue
        nxt = _next_nonspace(text, end)
        if nxt > end:
            if _starts_sentence(text, nxt):
                yield nxt
            continue
        # No space after the punctuation: a glued sentence ("with Belarus.Vietnam is") only
        # when a lower-case word ends here and a capitalised word begins.  Domains such as
        # "VOV.VN" or "VietnamPlus.vn" and initials ("S.K.Shoigu") do not qualify.
        left = text[m.start() - 1] if m.start() > 0 else ""
        right = text[end : end + 2]
        # An acronym or a closing bracket can end a sentence too ("UNCLOS.He", "(COC).General").
        acronym = left.isupper() and len(_token_before(text, m.start()).lstrip("(\"'“‘[")) >= 2
        if (
            punct[0] in ".!?"
            and (left.islower() or left.isdigit() or left in ")]" or acronym)
            and len(right) == 2
            and right[0].isupper()
            and (right[1].islower() or right[1] in " ,")
            and not _is_protected(text, dot)
        ):
            yield end


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentences; return spans into ``text``.

    Spans are trimmed of surrounding white space.  Glued sentences are split; initials,
    ranks and dotted acronyms are not.

    >>> t = "It is ready to help Belarus.Vietnam is ready. Sen. Lieut. Gen. A.V. Fomin met S.K.Shoigu."
    >>> [s.of(t) for s in sentence_spans(t)]
    ['It is ready to help Belarus.', 'Vietnam is ready.', 'Sen. Lieut. Gen. A.V. Fomin met S.K.Shoigu.']
    >>> t = "It follows UNCLOS.He also backs the (COC).General Wei agreed."
    >>> [s.of(t) for s in sentence_spans(t)]
    ['It follows UNCLOS.', 'He also backs the (COC).', 'General Wei agreed.']
    >>> t = "The U.S. and the U.K. agreed. Talks ended on 26.04.2016 in Minsk."
    >>> [s.of(t) for s in sentence_spans(t)]
    ['The U.S. and the U.K. agreed.', 'Talks ended on 26.04.2016 in Minsk.']
    >>> t = "双方举行会谈。他说：“很好！”是吗？是的"
    >>> [s.of(t) for s in sentence_spans(t)]
    ['双方举行会谈。', '他说：“很好！”', '是吗？', '是的']
    """
    stop = len(text) if end is None else end
    piece = text[start:stop]
    cuts = [0, *(b for b in _boundaries(piece)), len(piece)]
    spans: list[Span] = []
    for a, b in pairwise(cuts):
        seg = piece[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if seg.strip():
            spans.append(Span(start + a + lead, start + b - trail))
    return spans
