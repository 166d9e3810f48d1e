"""The word lists of the annotation rules (``data/annotation_words.csv``), validated.

One CSV holds every list, a row per word: ``list`` names the list, ``word`` is the word.  Each
list has a form its words must take (:data:`WORD_LISTS`), because each rule compares them in one
way: lower-case words with lower-cased text, folded titles with folded text, capitalised words
exactly.  A word in the wrong form would never match, so the loader refuses it, as it refuses an
unknown list, an empty list and a word listed twice.

>>> w = word_lists()
>>> "delegation" in w.counterpart_words, "nguyen" in w.vietnamese_family_names, "Ministry" in w.not_name_words
(True, True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from defcoop.lexicons.actors import OFFICE_LEVEL
from defcoop.lexicons.datafiles import DataFileError, read_csv
from defcoop.paths import DATA_DIR
from defcoop.text import fold

__all__ = ["WORD_LISTS", "WordLists", "load_word_lists", "word_lists"]

WORDS_FILE = "annotation_words.csv"

#: Every list of the file and the form its words take (a key of :data:`_FORMS`).
WORD_LISTS: dict[str, str] = {
    "generic_person_titles": "folded phrase",
    "defence_offices": "office",
    "counterpart_words": "lower-case word",
    "history_words": "lower-case word or prefix",
    "noun_phrase_connectors": "lower-case word",
    "vietnamese_family_names": "capitalised word",
    "not_name_words": "capitalised word",
    "institution_words": "capitalised word",
    "historical_figures": "folded phrase",
    "words_in_names": "lower-case word",
    "name_particles": "lower-case word",
}

_FORMS: dict[str, re.Pattern[str]] = {
    "folded phrase": re.compile(r"[a-z]+(?: [a-z]+)*"),
    "office": re.compile(r"[a-z]+(?:_[a-z]+)*"),
    "lower-case word": re.compile(r"[a-z]+"),
    "lower-case word or prefix": re.compile(r"[a-z]+\*?"),
    "capitalised word": re.compile(r"[^\W\d_][\w'’-]*"),
}


@dataclass(frozen=True, slots=True)
class WordLists:
    """The word lists, one field per list of :data:`WORD_LISTS`.

    ``vietnamese_family_names`` holds the folded names (``"nguyen"``), as the rule compares them;
    the other lists hold the words as written in the file.
    """

    generic_person_titles: frozenset[str]
    defence_offices: frozenset[str]
    counterpart_words: frozenset[str]
    history_words: frozenset[str]
    noun_phrase_connectors: frozenset[str]
    vietnamese_family_names: frozenset[str]
    not_name_words: frozenset[str]
    institution_words: frozenset[str]
    historical_figures: frozenset[str]
    words_in_names: frozenset[str]
    name_particles: frozenset[str]


def _check_word(path: Path, row_no: int, name: str, word: str) -> None:
    """Raise :class:`DataFileError` unless ``word`` has the form of list ``name``."""
    form = WORD_LISTS[name]
    if not _FORMS[form].fullmatch(word):
        raise DataFileError(f"{path.name}: row {row_no}: {word!r} in {name} is not a {form}")
    if form == "capitalised word" and not word[0].isupper():
        raise DataFileError(f"{path.name}: row {row_no}: {word!r} in {name} is not a {form}")
    if form == "office" and word not in OFFICE_LEVEL:
        raise DataFileError(f"{path.name}: row {row_no}: {word!r} in {name} is not an office of the registry")


def load_word_lists(path: Path | None = None) -> WordLists:
    """Read and validate the word lists (``data/annotation_words.csv`` unless ``path``).

    Parameters
    ----------
    path
        The CSV file to read, with columns ``list`` and ``word``.

    Returns
    -------
    WordLists
        Every list as a frozen set.

    Raises
    ------
    DataFileError
        Naming the file and the data row: an unknown list, a word not in its list's form, a word
        twice in a list (for family names: two names that fold alike); or a list with no word.

    Examples
    --------
    >>> import tempfile
    >>> bad = Path(tempfile.mkdtemp()) / "words.csv"
    >>> _ = bad.write_text("list,word\\ncounterpart_words,side\\ncounterpart_words,Side\\n", encoding="utf-8")
    >>> load_word_lists(bad)
    Traceback (most recent call last):
    ...
    defcoop.lexicons.datafiles.DataFileError: words.csv: row 2: 'Side' in counterpart_words is not a lower-case word
    >>> _ = bad.write_text("list,word\\ncounterpart_words,side\\ncounterpart_words,side\\n", encoding="utf-8")
    >>> load_word_lists(bad)
    Traceback (most recent call last):
    ...
    defcoop.lexicons.datafiles.DataFileError: words.csv: row 2: 'side' is listed twice in counterpart_words
    >>> _ = bad.write_text("list,word\\ncounterpart_words,side\\n", encoding="utf-8")
    >>> load_word_lists(bad)
    Traceback (most recent call last):
    ...
    defcoop.lexicons.datafiles.DataFileError: words.csv: no word in list(s) generic_person_titles, defence_offices, ...
    """
    path = path or DATA_DIR / WORDS_FILE
    lists: dict[str, dict[str, str]] = {name: {} for name in WORD_LISTS}  # list -> key -> word
    for row_no, row in enumerate(read_csv(path, ("list", "word")), start=1):
        name, word = row["list"], row["word"]
        if name not in WORD_LISTS:
            raise DataFileError(f"{path.name}: row {row_no}: unknown list {name!r}")
        _check_word(path, row_no, name, word)
        key = fold(word) if name == "vietnamese_family_names" else word
        if key in lists[name]:
            twin = lists[name][key]
            also = "" if twin == word else f" (as {twin!r})"
            raise DataFileError(f"{path.name}: row {row_no}: {word!r} is listed twice in {name}{also}")
        lists[name][key] = word
    empty = [name for name, words in lists.items() if not words]
    if empty:
        raise DataFileError(f"{path.name}: no word in list(s) {', '.join(empty)}")
    return WordLists(**{f.name: frozenset(lists[f.name]) for f in fields(WordLists)})


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    """The package's word lists (:func:`load_word_lists` of ``data/annotation_words.csv``), read once."""
    return load_word_lists()
