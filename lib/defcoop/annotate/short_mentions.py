"""Rule 3, short second mentions: ``Giang``, ``President Cường``, ``Minister Khrenin``.

A short form (the given name of Vietnamese, Lao and Cambodian officials, the family name
otherwise) resolves to a person named in full in the same article; when it could be two of
them, to the nearest full mention before it.  A short form inside a longer capitalised name
(``Kien Giang``, ``Giang Province``) is no mention.  Of a person the article never names in full,
a title and family name (``Prime Minister Suga``) resolve to the registry's one holder of the
title's office on the article's date, and a bare family name written twice or more (``Suga and
Phuc signed ...``; a family name after the given name, not an English word, not also part of
another name in the article) to the one registered person of that name in office then, when the
article is dated to the day or the month.
"""

from __future__ import annotations

import datetime as dt
import re

from defcoop.annotate.document import (
    HOW_FAMILY_HOLDER,
    HOW_SHORT,
    HOW_TITLE_FAMILY,
    ActorHit,
    Doc,
    TitlesBySentence,
    short_matcher,
    starts_capitalised,
)
from defcoop.annotate.title_context import title_chain
from defcoop.lexicons.actors import registry
from defcoop.lexicons.words import word_lists

__all__ = ["find_short_mentions"]

_WORD_AFTER = re.compile(r"\s+([\w’']+)")
#: A bare short form (no title, no full name in the article) resolves through the registry only
#: when written this many times or more, in an article dated to this many days or fewer.
_BARE_MIN_MENTIONS = 2
_BARE_PERIOD_DAYS = 31
#: A bare family name: three letters or more, not a roman numeral or a suffix ("III", "Jr.").
_FAMILY_NAME = re.compile(r"(?![ivxlcdm]+$)[^\W\d_]{3,}(?:[-’'][^\W\d_]+)*", re.I)
#: Characters of a word besides letters and digits, looking back from a short form.
_WORD_CHARS = "_’'."


def _word_before(text: str, lo: int, pos: int) -> str:
    """The word (letters, digits, ``_``, ``.``, apostrophes) separated by white space from
    ``pos``, looking no further back than ``lo``; ``""`` when there is no space or no word.

    >>> _word_before("Kien Giang", 0, 5), _word_before("the  Giang", 0, 5), _word_before("x.Giang", 0, 2)
    ('Kien', 'the', '')
    """
    i = pos
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i == pos:
        return ""
    j = i
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in _WORD_CHARS):
        j -= 1
    return text[j:i]


def _holders(reg, ids, chain, period: tuple[dt.date, dt.date]) -> list[str]:
    """Of the actors ``ids``, those who held an office the title ``chain`` names at some time in
    ``period`` (none when the chain names no office)."""
    wanted = {v[0] for t in chain for v in t.values if v[0]}
    if not wanted:  # a rank or an honorific alone ("Mr Lee", "General Minh") names no office
        return []
    return [aid for aid in ids if any(o.office in wanted and o.overlaps(*period) for o in reg.actors[aid].offices)]


def find_short_mentions(
    doc: Doc,
    hits: list[ActorHit],
    titles_by_sent: TitlesBySentence,
    period: tuple[dt.date, dt.date] | None = None,
) -> None:
    """Add to ``hits`` the short mentions of the people ``hits`` names in full, and of those a
    title and family name name (``Prime Minister Suga``) or a bare family name written twice
    names (module docstring), when the registry has one such person in the article's ``period``.

    Parameters
    ----------
    doc
        The article, scanned.
    hits
        The full-name hits, their namesakes resolved; the short mentions are appended
        (``how = "short"``).
    titles_by_sent
        The title and rank hits of each sentence.
    period
        First and last day of the article's date, or ``None`` when it is undated (then only people
        named in full are resolved).
    """
    reg = registry()
    named = {h.actor_id for h in hits}
    full_spans = [(h.start, h.end) for h in hits]
    first_pos: dict[str, int] = {}
    for h in hits:
        first_pos.setdefault(h.actor_id, h.start)
    bare: dict[str, list[tuple[int, int, int]]] = {}  # short forms of no one named, untitled: where they stand
    in_longer: set[str] = set()  # short forms written as part of a longer name ("Harinder Singh")
    for n, short_hits in enumerate(doc.by_sentence(short_matcher())):
        s = doc.sents[n]
        for h in short_hits:
            a, b = h.start, h.end
            if not starts_capitalised(doc.text, a) or any(x < b and a < y for x, y in full_spans):
                continue
            # part of a longer capitalised name ("Kien Giang", "Giang Province")?
            chain, _ = title_chain(doc, titles_by_sent[n], a)
            if not chain and a != s.start and _word_before(doc.text, s.start, a)[:1].isupper():
                in_longer.add(h.key)
                continue
            # followed by a capitalised word (the pronoun "I" aside): part of a longer name
            nxt = _WORD_AFTER.match(doc.text[b : s.end])
            if nxt and nxt.group(1)[:1].isupper() and nxt.group(1) != "I":
                in_longer.add(h.key)
                continue
            cands = [c for c in reg.short.get(h.key, ()) if c in named]
            how = HOW_SHORT
            # (an abbreviation inside the sentence, "Sen. Lieut. Gen.", is no family name)
            abbreviation = doc.text[b : b + 1] == "." and doc.text[b + 1 : s.end].strip() != ""
            if not cands and not chain and period is not None and not abbreviation:
                bare.setdefault(h.key, []).append((a, b, n))
                continue
            if not cands and chain and period is not None and not abbreviation:
                # "Prime Minister Suga", "Defence Minister Onodera": a title and a family name, of a
                # person not named in full: the registry's one holder of the title's office during
                # the article's date
                cands = _holders(reg, reg.short.get(h.key, ()), chain, period)
                how = HOW_TITLE_FAMILY
                if len(cands) != 1:
                    continue
            if not cands:
                continue
            if len(cands) > 1:
                before = [c for c in cands if first_pos[c] < a]
                cands = sorted(before or cands, key=lambda c: -first_pos[c] if before else first_pos[c])
            hits.append(ActorHit(cands[0], a, b, n, how))
    if period is None or (period[1] - period[0]).days > _BARE_PERIOD_DAYS:
        return
    words_in_names = word_lists().words_in_names
    for key, found in bare.items():
        # "Suga and Phuc signed other agreements", in a story that never gives their full names:
        # a short form written twice or more resolves to the one registered person of that short
        # form in office during the article's (day or month) date
        if len(found) < _BARE_MIN_MENTIONS:
            continue
        # (only a family name that follows the given name: Korean and Chinese family names, and
        # Vietnamese given names, are shared by too many people; nor a word that is also English,
        # a name suffix, or a family name the article also gives to someone else: "Lieutenant
        # General Harinder Singh ... Singh said" is not Rajnath Singh)
        if key.lower() in words_in_names or key in in_longer or not _FAMILY_NAME.fullmatch(key):
            continue
        cands = [c for c in reg.short.get(key, ()) if any(o.overlaps(*period) for o in reg.actors[c].offices)]
        if len(cands) != 1 or reg.actors[cands[0]].name_order != "given_first":
            continue
        hits.extend(ActorHit(cands[0], a, b, n, HOW_FAMILY_HOLDER) for a, b, n in found)
