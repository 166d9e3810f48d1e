"""Language identification that is small, deterministic and explainable.

Scripts decide first (Cyrillic, CJK, Thai, ...).  Latin-script text of a paragraph or more is
scored by the share of its words that are frequent function words of each language in
``data/language_profiles.csv``; Vietnamese is recognised by its function words after diacritic
folding plus its tone marks.  A short Latin-script text (a title, a teaser, a caption, a record
of one sentence), where function words are too few to count, goes to lingua's n-gram models in
low-accuracy mode, restricted to the same languages, on its words in lower case
(``benchmarks/language_id.py`` on pieces of the development pages: titles .894 with it against
.490 for the rules alone, first sentences .937 against .919, whole pages 1.000 for both; 18 MB
of models, loaded on first use).  Without lingua installed the rules decide everything.  Text
that gives too little evidence is ``"und"`` (undetermined) rather than a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import numpy as np

from defcoop.lexicons.datafiles import language_profiles
from defcoop.schema import LANGUAGE_NAMES
from defcoop.text import fold

__all__ = ["detect_language", "language_name"]

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Letters that occur in Vietnamese and almost nowhere else (checked on NFC text).
_VI_LETTERS = set("ăắằẳẵặơớờởỡợưứừửữựđạảấầẩẫậẹẻẽếềểễệỉịọỏốồổỗộụủỹỷỵ")
_VI_MARKS = re.compile("[" + "".join(sorted(_VI_LETTERS)) + "]")
_VI_DENSE = 0.10  # share of Vietnamese-only letters above which they outweigh a tie with English
_BE_LETTERS = set("ўі")
_UK_LETTERS = set("їєґ")


# Unicode blocks per script, as half-open code point ranges.
_SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("latin", ((0x41, 0x5B), (0x61, 0x7B), (0xC0, 0x250), (0x1E00, 0x1F00))),
    ("cyrillic", ((0x400, 0x500),)),
    ("cjk", ((0x3040, 0x3100), (0x3400, 0x4DC0), (0x4E00, 0xA000), (0xAC00, 0xD7B0))),
    ("thai", ((0xE00, 0xE80),)),
    ("lao", ((0xE80, 0xF00),)),
    ("khmer", ((0x1780, 0x1800),)),
    ("arabic", ((0x600, 0x700),)),
    ("hebrew", ((0x590, 0x600),)),
)


def language_name(code: str) -> str:
    """``"Vietnamese (vi)"`` for ``"vi"``; a code without a name is shown as itself.

    >>> language_name("vi"), language_name("und"), language_name("xx")
    ('Vietnamese (vi)', 'undetermined (und)', 'xx')
    """
    name = LANGUAGE_NAMES.get(code)
    return f"{name} ({code})" if name else code


def _script_counts(text: str) -> dict[str, int]:
    """Letters per script, counted by Unicode block (vectorised over UTF-16 code units).

    >>> _script_counts("Hà Nội, Минск")["cyrillic"]
    5
    """
    # UTF-16 code units: every block lies in the Basic Multilingual Plane, and the surrogates
    # that encode the other planes are in none of them
    units = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
    counts = np.bincount(_script_table().take(units), minlength=len(_SCRIPTS) + 1)
    return {name: int(counts[i]) for i, (name, _) in enumerate(_SCRIPTS, start=1)}


@lru_cache(maxsize=1)
def _script_table() -> np.ndarray:
    """For each BMP code point, 1 + the index of its script in ``_SCRIPTS``, else 0."""
    table = np.zeros(0x10000, dtype=np.intp)
    for i, (_, ranges) in enumerate(_SCRIPTS, start=1):
        for lo, hi in ranges:
            if hi > 0xD800 or table[lo:hi].any():
                raise ValueError(f"script block {lo:#x}-{hi:#x} overlaps another or reaches the surrogates")
            table[lo:hi] = i
    return table


# str.translate table for ASCII text: letters kept, everything else a space (see _latin_words)
_ASCII_LETTERS = "".join(chr(c) if 65 <= c <= 90 or 97 <= c <= 122 else " " for c in range(128))


def _latin_words(folded: str) -> list[str]:
    """``_WORD.findall(folded)``, faster when every letter of ``folded`` is ASCII.

    In ASCII, ``_WORD`` matches exactly the runs of ``A-Z``/``a-z``; characters beyond ASCII
    that ``_WORD`` does not match (dashes, ellipses, bullets) only separate words, so they are
    turned into spaces first.

    >>> _latin_words("viet nam's 2024 talks… co-operation ²")
    ['viet', 'nam', 's', 'talks', 'co', 'operation', '²']
    """
    if not folded.isascii():
        others = {ch for ch in set(folded) if ord(ch) > 127}
        if any(_WORD.match(ch) for ch in others):
            return _WORD.findall(folded)
        folded = folded.translate(dict.fromkeys(map(ord, others), " "))
    return folded.translate(_ASCII_LETTERS).split()


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in language_profiles().items()}


@lru_cache(maxsize=1)
def _profile_index() -> dict[str, tuple[str, ...]]:
    """Each function word of any profile and the languages whose profile lists it."""
    index: dict[str, list[str]] = {}
    for lang, vocab in _profiles().items():
        for word in vocab:
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


def _vi_common_words(text: str) -> int:
    """Words of ``text`` in lower case (not names) that have a Vietnamese-only letter.

    >>> _vi_common_words("Bộ trưởng Quốc phòng Campuchia thăm Trung Quốc")
    2
    """
    return sum(1 for w in _WORD.findall(text) if w[0].islower() and not _VI_LETTERS.isdisjoint(w))


#: Latin-script text of fewer words than this goes to lingua (when installed): on whole pages the
#: function-word rules make no error on the development sets, on a sentence or a title they do.
SHORT_WORDS = 40


@lru_cache(maxsize=1)
def _short_text_detector():
    """lingua's detector over the languages of ``language_profiles.csv`` (low-accuracy mode:
    trigram models of 18 MB, built once per process), or ``None`` when lingua is not installed."""
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:
        return None
    codes = [getattr(IsoCode639_1, code.upper()) for code in sorted(_profiles())]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word that starts with a letter


def _detect_short(text: str) -> str | None:
    """lingua's language for a short Latin-script ``text`` (``und`` when it cannot tell), or
    ``None`` when lingua is not installed or the text has too few words to judge.

    Names are not evidence of a language: an English caption of Vietnamese names with their
    tone marks reads as Vietnamese to n-gram models.  So only the words that begin in lower case
    are judged (``meets ... in`` of ``Nguyễn Phú Trọng meets Vladimir Putin in Hà Nội``), and a
    text with fewer than two of them (a list of names and ranks, a title in title case) is left
    to the rules (``None``), which call most such text ``und``.
    """
    detector = _short_text_detector()
    if detector is None:
        return None
    lower = [w for w in _LETTER_WORD.findall(text) if w[0].islower()]
    if len(lower) < 2:
        return None
    found = detector.detect_language_of(" ".join(lower))
    return found.iso_code_639_1.name.lower() if found is not None else "und"


def detect_language(text: str, *, min_words: int = 8) -> str:
    """ISO 639-1 code of ``text``, or ``"und"`` when the evidence is too thin.

    ``min_words`` is the fewest Latin words the function-word rules decide on; a text shorter
    than :data:`SHORT_WORDS` that lingua can judge (two words in lower case or more) is decided
    by lingua whatever its length.

    >>> detect_language("The two defence ministers signed a number of cooperation agreements in Hà Nội.")
    'en'
    >>> detect_language("Bộ trưởng Quốc phòng Phan Văn Giang đã hội đàm với Bộ trưởng Quốc phòng Belarus.")
    'vi'
    >>> detect_language("Министр обороны Беларуси провёл переговоры с вьетнамской делегацией.")
    'ru'
    >>> detect_language("Hà Nội")
    'und'
    """
    # 3,000 characters (several paragraphs) decide as well as the whole text, at a tenth of the cost
    sample = unicodedata.normalize("NFC", text[:3000])
    scripts = _script_counts(sample)
    letters = sum(scripts.values())
    if letters < 10:
        return "und"
    top = max(scripts, key=lambda k: (scripts[k], k))
    if top == "cyrillic":
        low = sample.lower()
        if not _UK_LETTERS.isdisjoint(low):
            return "uk"
        if not _BE_LETTERS.isdisjoint(low):
            return "be"
        return "ru"
    if top != "latin":
        return {"cjk": "zh", "thai": "th", "lao": "lo", "khmer": "km", "arabic": "ar", "hebrew": "he"}[top]
    words = _latin_words(fold(sample))
    n_words = len(words)
    if n_words < SHORT_WORDS and (short := _detect_short(sample)) is not None:
        return short
    if n_words < min_words:
        return "und"
    # occurrences of each language's function words: only the words found in some profile
    # are counted, then credited to every language listing them
    index = _profile_index()
    hits = dict.fromkeys(_profiles(), 0)
    for word, count in Counter(filter(index.__contains__, words)).items():
        for lang in index[word]:
            hits[lang] += count
    scores = {lang: hit / n_words for lang, hit in hits.items()}
    # Vietnamese names and places in English text carry tone marks too; demand both the marks
    # and the function words before calling a text Vietnamese.  Where the marks are dense (one
    # letter in ten; English text full of Vietnamese names stays under one in fifteen) and are
    # not only on capitalised names, a tie with English, or no function word at all (a title, a
    # lead of names and ranks), is enough.
    marks = len(_VI_MARKS.findall(sample.lower())) / letters
    vi, en = scores.get("vi", 0), scores.get("en", 0)
    if marks > 0.04 and (vi > en or (marks >= _VI_DENSE and vi >= en and _vi_common_words(sample) >= 2)):
        return "vi"
    scores.pop("vi", None)
    best = max(scores, key=lambda k: (scores[k], k))
    return best if scores[best] >= 0.08 else "und"
