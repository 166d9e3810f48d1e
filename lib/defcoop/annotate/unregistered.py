"""Rule 5, unregistered officials: a title or rank followed by a name the registry does not know.

The name (:func:`~defcoop.annotate.title_context.name_after_title`) becomes an actor
``unregistered:<slug>`` with ``registered = False``; its country comes from a demonym before the
title chain or an ``of <Country>`` after the title, else the home country of ``countries.csv``
(Vietnam) for a Vietnamese family name (``vietnamese_family_names`` of
:mod:`defcoop.lexicons.words`).  People of history (``historical_figures``: "President Ho Chi
Minh") are no officials.  Later bare mentions of the last word of the name are short
mentions of the same official.

In another language (``lex``, :func:`defcoop.lexicons.languages.language_lexicon`) the titles are
that language's (``data/titles_i18n.csv``), the noun phrase reads its connectors, and the name
must look like a person's name in it (:func:`_looks_like_name`): Latin capitalised words in
French and Spanish, capitalised Cyrillic words or initials in Russian (shown in the nominative),
and in Vietnamese a Vietnamese family name first or a name without Vietnamese letters (``Tea
Banh``, ``Hironori Kanazawa``).  The country is the first one named between the title and the name
(``l'ambassadeur de France au Vietnam Olivier Brochet``), else that of a title set off after the
name (``M. Alfonso Tena, ambassadeur d'Espagne``), else Vietnam for a Vietnamese family name.
"""

from __future__ import annotations

import re

from defcoop.annotate.document import (
    HOW_NAME,
    HOW_SHORT,
    HOW_TITLE,
    HOW_TITLE_HOLDER,
    UNREGISTERED,
    ActorHit,
    Doc,
    TitlesBySentence,
)
from defcoop.annotate.title_context import (
    country_after,
    country_in,
    demonym_before,
    name_after_title,
    name_before_title,
    owner_country,
    title_chain,
)
from defcoop.lexicons.actors import registry
from defcoop.lexicons.geo import geo
from defcoop.lexicons.languages import LanguageLexicon
from defcoop.lexicons.russian import russian_nominative
from defcoop.lexicons.words import word_lists
from defcoop.text import fold, same_name_token

__all__ = ["find_unregistered"]

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NON_SLUG_ANY = re.compile(r"[\W_]+")  # another script's letters stay (Cyrillic)
_CYRILLIC_NAME_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|(?:[А-ЯЁ]\.)+")
_LATIN_NAME_WORD = re.compile(r"(?:[^\W\d_]\.)+|(?=[A-ZÀ-ÖØ-ÞĀ-ỹ])[^\W\d_]+(?:[-’'][^\W\d_]+)*")
#: Letters that only Vietnamese spelling uses (a name with none is spelt as in its own language).
_VIETNAMESE_LETTERS = frozenset("ăâđêôơưĂÂĐÊÔƠƯ") | {chr(c) for c in range(0x1EA0, 0x1EFA)}
#: A title in the plural (counterparts, homologues, homólogos, ministros), and the word that joins
#: the second of the two names after it.
_PLURAL_TITLE = re.compile(r"(?:s|es)\W*$", re.I)
_AND_NEXT = re.compile(r"\s+(?:and|et|y|và)\s+")
#: Longest text after a name where a title in apposition gives its country.
_APPOSITION_WINDOW = 60


def _looks_like_name(tokens: list[str], lex: LanguageLexicon) -> bool:
    """Whether ``tokens`` look like a person's name in ``lex``'s language (module docstring)."""
    if lex.language == "ru":
        return all(_CYRILLIC_NAME_WORD.fullmatch(t) for t in tokens) and not all("." in t for t in tokens)
    if not all(_LATIN_NAME_WORD.fullmatch(t) and t[:1].isupper() for t in tokens):
        return False
    if lex.language == "vi":
        first = fold(tokens[0])
        family = first in word_lists().vietnamese_family_names or first in lex.titles.family_names
        return family or not any(ch in _VIETNAMESE_LETTERS for t in tokens for ch in t)
    return True


_WORD = re.compile(r"[^\W\d_][\w’'-]*")
#: Words a headline in title case leaves in lower case.
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "vs", "with"]
)


def _title_case(sentence: str) -> bool:
    """Whether ``sentence`` is in title case: four capitalised words or more, and no word in lower
    case but the small ones (``of``, ``to``, ``the`` ...).  There a title's next words are
    capitalised whatever they are.

    >>> _title_case("Former Immigration Chief Pleads Guilty to Contempt Over Visa Deal")
    True
    >>> _title_case("Deputy Minister Hoang Xuan Chien received the ambassador.")
    False
    """
    words = 0
    for m in _WORD.finditer(sentence):
        w = m.group()
        if not w[0].isupper():
            if w not in _SMALL_WORDS:
                return False
        elif w.lower() not in _SMALL_WORDS:
            words += 1
    return words >= 4


def _in_prose(doc: Doc, name: str, n: int, headline: dict[int, bool]) -> bool:
    """Whether ``name``, whole, stands in a sentence other than ``n`` that is no headline in title
    case (``headline`` keeps each sentence's answer of :func:`_headline`)."""
    bare = _bare_word(name)
    return any(
        k != n and bare.search(doc.text, s.start, s.end) and not _headline(doc, k, headline)
        for k, s in enumerate(doc.sents)
    )


def _headline(doc: Doc, n: int, seen: dict[int, bool]) -> bool:
    """Whether sentence ``n`` is a headline: in title case, without a full stop at its end (a line
    of a name and a title, "Major General X, Deputy Chief of the General Staff.", is none); the
    answer is kept in ``seen``."""
    if n not in seen:
        s = doc.sents[n]
        text = doc.text[s.start : s.end].rstrip()
        seen[n] = not text.endswith((".", "!", "?", "。")) and _title_case(text)
    return seen[n]


def _bare_word(word: str) -> re.Pattern[str]:
    """``word`` standing alone: not inside a longer word, a dotted name or a hyphenated one."""
    return re.compile(rf"(?<![\w’'.-]){re.escape(word)}(?![\w’'-])")


def _country_of(doc: Doc, lex: LanguageLexicon, ths: list, chain_start: int, a: int, b: int, stop: int) -> str:
    """The country of an official named at ``a``-``b`` by a title chain starting at
    ``chain_start``, in another language (module docstring)."""
    if chain_start < a and (country := country_in(lex, doc.text[chain_start:a])):
        return country
    after = doc.text[b : min(stop, b + _APPOSITION_WINDOW)]
    m = re.match(r"\s*,\s*", after)
    if m and any(th.start == b + m.end() for th in ths):  # "Name, <title> of <Country>"
        return country_in(lex, after)
    return ""


_TITLE_HOWS = frozenset({HOW_TITLE, HOW_TITLE_HOLDER})


def _holder_named(hits: list[ActorHit], chain_start: int, chain_end: int, name_toks: list[str]) -> str | None:
    """The registered person that the title chain ``[chain_start, chain_end)`` was resolved to
    (:func:`~defcoop.annotate.titles.find_title_only`) when the name after it is that person's,
    written another way: the same first name and a family name at most one letter off
    (``Richard Donald Marle`` for the Deputy Prime Minister Richard Marles), a middle name
    allowed; else ``None``.

    >>> hs = [ActorHit("richard-marles", 0, 21, 0, "title (holder on date)")]
    >>> _holder_named(hs, 0, 21, ["Richard", "Donald", "Marle"]), _holder_named(hs, 0, 21, ["Pat", "Conroy"])
    ('richard-marles', None)
    """
    reg = registry()
    for h in hits:
        if h.how in _TITLE_HOWS and chain_start <= h.start < chain_end and h.actor_id in reg.actors:
            want = fold(reg.actors[h.actor_id].name).split()
            got = [fold(t) for t in name_toks]
            if len(want) < 2 or len(got) < 2 or got[0] != want[0]:
                return None
            last, family = got[-1], want[-1]
            if same_name_token(last, family):
                return h.actor_id
            return None
    return None


_INITIAL = re.compile(r"(?:[A-Z]\.?){1,3}")


def _initials_of(hits: list[ActorHit], name_toks: list[str]) -> str | None:
    """The registered person named in full in the article (``Rajesh Kumar Singh``) whom a name of
    initials and the same family name stands for (``R. K. Singh``, ``R.K. Singh``: the initials of
    every given name, in order); else ``None`` (also when two people of the article would fit).

    >>> hs = [ActorHit("rajesh-kumar-singh", 0, 18, 0, "name"), ActorHit("rajnath-singh", 30, 43, 1, "name")]
    >>> _initials_of(hs, ["R.", "K.", "Singh"]), _initials_of(hs, ["R.", "Singh"]), _initials_of(hs, ["S.", "Singh"])
    ('rajesh-kumar-singh', 'rajnath-singh', None)
    """
    if len(name_toks) < 2 or not all(_INITIAL.fullmatch(t) for t in name_toks[:-1]):
        return None
    letters = "".join(c for t in name_toks[:-1] for c in t if c.isalpha()).lower()
    family = fold(name_toks[-1])
    reg = registry()
    fits = set()
    for h in hits:
        a = reg.actors.get(h.actor_id)
        if a is not None and h.how == HOW_NAME:
            toks = fold(a.name).split()
            if len(toks) >= 2 and toks[-1] == family and "".join(t[0] for t in toks[:-1]) == letters:
                fits.add(h.actor_id)
    return fits.pop() if len(fits) == 1 else None


def find_unregistered(
    doc: Doc, hits: list[ActorHit], titles_by_sent: TitlesBySentence, *, lex: LanguageLexicon | None = None
) -> dict[str, tuple[str, str]]:
    """Officials introduced by a title whose names the registry does not know.

    Parameters
    ----------
    doc
        The article, scanned.
    hits
        The actor hits so far; each unregistered official's mentions are appended
        (``how = "unregistered"``, then ``"short"`` for the later bare last names).
    titles_by_sent
        The title and rank hits of each sentence.
    lex
        The lexicon of the article's language, when it is not English.

    Returns
    -------
    dict
        ``unregistered:<slug>`` -> (name as written, country or ``""``), in order of discovery.
    """
    family_names = word_lists().vietnamese_family_names
    historical = word_lists().historical_figures
    out: dict[str, tuple[str, str]] = {}
    taken = [(h.start, h.end) for h in hits]
    found: list[tuple[str, str, str]] = []
    headline: dict[int, bool] = {}  # sentence -> whether it is a headline in title case
    for n, ths in titles_by_sent.items():
        s = doc.sents[n]
        for i, t in enumerate(ths):
            if i + 1 < len(ths) and doc.text[t.end : ths[i + 1].start].strip() == "":
                continue  # not the last title of a chain
            _chain, chain_start = title_chain(doc, ths, t.end)
            hit = name_after_title(doc, t.end, s.end, lex=lex) or name_before_title(doc, chain_start, s.start, lex=lex)
            if hit is None:
                continue
            a, b, name_toks = hit
            if lex is not None and not _looks_like_name(name_toks, lex):
                continue
            if fold(" ".join(name_toks)) in historical:
                continue  # a figure of history, not an official of the article's time
            if (
                lex is None
                and s.section != "caption"  # (a caption of names and titles is capitalised throughout)
                and _headline(doc, n, headline)
                and not _in_prose(doc, " ".join(name_toks), n, headline)
            ):
                continue  # "Former Immigration Chief Pleads Guilty ...": a headline's words, no name
            if any(x < b and a < y for x, y in taken):
                continue
            if any(th.start < b and a < th.end for th in ths):
                continue
            if lex is None:
                country = demonym_before(doc, chain_start) or country_after(doc, t.end, s.end)
                if not country and b <= chain_start:  # "Peter Tesch, Australia's deputy secretary"
                    country = owner_country(doc.text[b:chain_start])
            else:
                country = _country_of(doc, lex, ths, chain_start, a, b, s.end)
            if not country and fold(name_toks[0]) in family_names:
                country = geo().self_name
            names = [(a, b, name_toks)]
            if _PLURAL_TITLE.search(fold(doc.text[t.start : t.end])):
                # "leurs homologues australiens Gillian Bird et Peter Jennings": two people
                joined = _AND_NEXT.match(doc.text, b, s.end)
                second = name_after_title(doc, joined.end(), s.end, lex=lex) if joined else None
                if (
                    second is not None
                    and second[0] == joined.end()
                    and len(second[2]) >= 2
                    and (lex is None or _looks_like_name(second[2], lex))
                ):
                    names.append(second)
            for a, b, name_toks in names:
                if any(x < b and a < y for x, y in taken):
                    continue
                holder = _holder_named(hits, chain_start, t.end, name_toks) or _initials_of(hits, name_toks)
                if holder is not None:
                    # "Deputy Prime Minister Richard Donald Marle": the title's holder, misspelt or
                    # cut short, not a second person
                    hits.append(ActorHit(holder, a, b, n, HOW_NAME))
                    taken.append((a, b))
                    continue
                name = " ".join(name_toks)
                if lex is not None and lex.language == "ru":
                    name = russian_nominative(name)
                ident = UNREGISTERED + (_NON_SLUG if lex is None else _NON_SLUG_ANY).sub("-", fold(name)).strip("-")
                out.setdefault(ident, (name, country))
                hits.append(ActorHit(ident, a, b, n, "unregistered"))
                taken.append((a, b))
                found.append((ident, name_toks[-1], name))
    # short second mentions of unregistered officials (their last name token)
    for ident, last, _name in found:
        bare = _bare_word(last)
        for n, s in enumerate(doc.sents):
            for m in bare.finditer(doc.text[s.start : s.end]):
                a, b = m.start() + s.start, m.end() + s.start
                if any(x < b and a < y for x, y in taken):
                    continue
                hits.append(ActorHit(ident, a, b, n, HOW_SHORT))
                taken.append((a, b))
    return out
