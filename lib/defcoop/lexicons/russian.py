"""Russian case forms, generated from the nominative written in the data files.

Russian names change their ending with the case (``Россия``, ``России``, ``Россию``,
``Россией``; ``с Виктором Хрениным``), so a lexicon that lists the nominative only would miss
most mentions.  The forms are generated here from regular endings rather than taken from a
morphological dictionary: the words to decline are names (of countries, demonym adjectives,
people, many of them transliterated from Vietnamese or Lao) that a dictionary mostly does not
know, the regular endings cover them, and an extra form that Russian never uses (``Фана``) costs
nothing because the matcher only looks for it.  Generating every form once keeps matching one
automaton pass over the text.  Only the singular of nouns and names is generated, and all
numbers of the adjectives; a word written in capitals (``США``, ``КНР``) or ending in another
vowel (``Шойгу``, ``То``) does not decline.
"""

from __future__ import annotations

from itertools import product
from typing import Literal

__all__ = ["russian_forms", "russian_nominative"]

WordKind = Literal["noun", "adjective", "person"]

_ADJECTIVE_ENDINGS = (
    "ий", "ый", "ой", "ого", "его", "ому", "ему", "им", "ым", "ом", "ем",
    "ая", "яя", "ую", "юю", "ое", "ее", "ые", "ие", "ых", "их", "ыми", "ими", "ей",
)  # fmt: skip
_HARD_CONSONANT_ENDINGS = ("", "а", "у", "ом", "ем", "е", "ы", "и")  # Лаос, Лаоса, Лаосу, Лаосом, Лаосе
_SURNAME_ENDINGS = ("", "а", "у", "ым", "е")  # Хренин, Хренина, Хренину, Хрениным, Хренине
_SURNAME_SUFFIXES = ("ин", "ын", "ов", "ев", "ёв")


def _word_forms(word: str, kind: WordKind) -> set[str]:
    """The case forms of one word (the word itself included)."""
    if len(word) < 2 or word.isupper() or "." in word:
        return {word}
    low = word.lower()
    if kind == "adjective" or (kind == "noun" and low.endswith(("ская", "ский", "ской", "ный", "ная"))):
        if low.endswith(("ий", "ый", "ой", "ая", "яя", "ое", "ее")):
            stem = word[:-2]
            return {stem + e for e in _ADJECTIVE_ENDINGS}
        return {word}
    if low.endswith("ия"):  # Россия, России, Россию, Россией
        return {word[:-2] + e for e in ("ия", "ии", "ию", "ией")}
    if low.endswith("я"):  # Корея
        return {word[:-1] + e for e in ("я", "и", "е", "ю", "ей")}
    if low.endswith("а"):  # Куба, Кубы, Кубе, Кубу, Кубой; Камбоджа, Камбоджи, Камбоджей
        return {word[:-1] + e for e in ("а", "ы", "и", "е", "у", "ой", "ей")}
    if low.endswith("ы"):  # Филиппины, Филиппин, Филиппинам ...
        return {word[:-1] + e for e in ("ы", "", "ам", "ами", "ах")}
    if low.endswith("ь"):  # Беларусь, Беларуси, Беларусью; Игорь, Игоря, Игорю, Игорем
        return {word[:-1] + e for e in ("ь", "и", "ью", "я", "ю", "ем", "е")}
    if low.endswith("й"):  # Китай, Китая, Китаю, Китаем, Китае; Сергей, Сергея
        return {word[:-1] + e for e in ("й", "я", "ю", "ем", "е")}
    if low[-1] in "оеиуыэюё":  # Шойгу, Того, Кхамлианг Оутхайсоне
        return {word}
    if kind == "person" and low.endswith(_SURNAME_SUFFIXES):
        return {word + e for e in _SURNAME_ENDINGS} | {word + "ом"}
    return {word + e for e in _HARD_CONSONANT_ENDINGS}


def russian_forms(phrase: str, kind: WordKind) -> tuple[str, ...]:
    """Every case form of a Russian name or demonym, each word declined (sorted, no repeats).

    A hyphenated word declines in its last part (``Нур-Султан``, ``Нур-Султана``).

    >>> forms = russian_forms("Россия", "noun")
    >>> [f for f in ("Россия", "России", "Россию", "Россией") if f in forms]
    ['Россия', 'России', 'Россию', 'Россией']
    >>> "российской" in russian_forms("российский", "adjective")
    True
    >>> "Виктором Хрениным" in russian_forms("Виктор Хренин", "person")
    True
    >>> russian_forms("США", "noun"), russian_forms("Шойгу", "person")
    (('США',), ('Шойгу',))
    """
    per_word = []
    for word in phrase.split():
        head, sep, last = word.rpartition("-")
        per_word.append(sorted({head + sep + f for f in _word_forms(last, kind)}))
    return tuple(sorted({" ".join(p) for p in product(*per_word)}))


#: Case endings (instrumental, genitive) of a man's name read back to the nominative, longest
#: first (Дмитрием -> Дмитрий, Сергея -> Сергей, Хрениным -> Хренин, Виктором -> Виктор, Сенсука -> Сенсук).
_NOMINATIVE_ENDINGS = (
    ("ием", "ий"), ("ия", "ий"), ("ию", "ий"), ("ии", "ий"),
    ("еем", "ей"), ("ея", "ей"), ("ею", "ей"),
    ("ым", ""), ("ом", ""), ("а", ""),
)  # fmt: skip
_CONSONANTS = set("бвгджзклмнпрстфхцчшщ")


def russian_nominative(name: str) -> str:
    """A guess at the nominative of a man's name that a title puts in another case, word by word.

    Names that do not decline (``Чернышенко``, ``Онси``) and initials are kept; so is a word that
    would lose its last vowel after another vowel.  The guess is for display: a woman's name
    loses its ``-а`` (``Захарова`` -> ``Захаров``), one letter the scorer's edit allows.

    >>> russian_nominative("Дмитрием Чернышенко"), russian_nominative("Онси Сенсука")
    ('Дмитрий Чернышенко', 'Онси Сенсук')
    >>> russian_nominative("Виктором Хрениным"), russian_nominative("С.К. Шойгу")
    ('Виктор Хренин', 'С.К. Шойгу')
    """
    out = []
    for word in name.split():
        new = word
        if len(word) > 3 and "." not in word:
            for ending, nominative in _NOMINATIVE_ENDINGS:
                stem = word[: -len(ending)]
                if word.endswith(ending) and (nominative or stem[-1:].lower() in _CONSONANTS):
                    new = stem + nominative
                    break
        out.append(new)
    return " ".join(out)
