"""Rule 4, title-only mentions: ``the Belarusian defence minister``, ``the Russian minister``.

A title of an office that no name follows resolves to an official of that office (and of the
country its demonym or ``of <Country>`` names) already named in the article, else to the
registry's one holder of the office on the article's date.  A generic title
(``generic_person_titles`` of :mod:`defcoop.lexicons.words`: ``minister``, ``general`` ...)
resolves only through a demonym, to the one official of that country the article names.
"""

from __future__ import annotations

import datetime as dt
import re

from defcoop.annotate.document import (
    HOW_NAME,
    HOW_TITLE,
    HOW_TITLE_HOLDER,
    ActorHit,
    Doc,
    TitlesBySentence,
    is_registered,
)
from defcoop.annotate.title_context import country_after, demonym_before, name_after_title
from defcoop.lexicons.actors import registry
from defcoop.lexicons.words import word_lists
from defcoop.text import fold

__all__ = ["find_title_only"]

_NEXT_CHAR = re.compile(r"\s+(\S)")


#: What may stand between a title of a name's chain and the name: ranks and more titles, no
#: punctuation that ends the phrase.
_CHAIN_GAP = 60
_CHAIN_BREAK = re.compile(r"[,;:()]|\.\s")


def find_title_only(
    doc: Doc, hits: list[ActorHit], titles_by_sent: TitlesBySentence, period: tuple[dt.date, dt.date] | None
) -> None:
    """Add to ``hits`` the titles that stand for an official without a name.

    Parameters
    ----------
    doc
        The article, scanned.
    hits
        The actor hits so far; a title-only mention is appended (``how = "title"``, or
        ``"title (holder on date)"`` when the registry's holder on the date decides).
    titles_by_sent
        The title and rank hits of each sentence.
    period
        First and last day of the article's date, or ``None`` when it is undated.
    """
    reg = registry()
    generic_titles = word_lists().generic_person_titles
    taken = [(h.start, h.end) for h in hits]
    named = {h.actor_id for h in hits}
    # the titles (their words) that this article's title chains give each named official ("India's
    # Defence Secretary Rajesh Kumar Singh"): the title as the article uses it, whatever office the
    # registry records for it
    titled: dict[str, set[str]] = {}
    for h in hits:
        if h.how != HOW_NAME:
            continue
        for t in titles_by_sent.get(h.sent_no, ()):
            between = doc.text[t.end : h.start]
            if t.end <= h.start and len(between) <= _CHAIN_GAP and not _CHAIN_BREAK.search(between):
                titled.setdefault(h.actor_id, set()).add(fold(doc.text[t.start : t.end]))
    for n, ths in titles_by_sent.items():
        for i, t in enumerate(ths):
            offices = [o for (o, kind) in t.values if kind == "office" and o]
            generic = not offices and fold(doc.text[t.start : t.end]) in generic_titles
            if not offices and not generic:
                continue
            # followed by another title, a name, or a capitalised word: not title-only
            rest = doc.text[t.end : doc.sents[n].end]
            if i + 1 < len(ths) and doc.text[t.end : ths[i + 1].start].strip() == "":
                continue
            if any(a >= t.end and doc.text[t.end : a].strip() == "" for a, _ in taken):
                continue
            m = _NEXT_CHAR.match(rest)
            if m and m.group(1).isupper() and not country_after(doc, t.end, doc.sents[n].end):
                continue
            if rest[:1].isalnum():
                continue
            country = demonym_before(doc, t.start) or country_after(doc, t.end, doc.sents[n].end)
            if generic:
                if name_after_title(doc, t.end, doc.sents[n].end) is not None:
                    continue  # "Ambassador to Vietnam Uladzimir Kazlou": a name follows after all
                # "the Belarusian minister": the one official of that country named in the article
                same_country = sorted({a for a in named if is_registered(a) and reg.actors[a].country == country})
                if country and len(same_country) == 1:
                    hits.append(ActorHit(same_country[0], t.start, t.end, n, HOW_TITLE))
                    taken.append((t.start, t.end))
                continue
            office = offices[0]
            wording = fold(doc.text[t.start : t.end])
            cands = sorted(
                a
                for a in named
                if is_registered(a)
                and wording in titled.get(a, ())
                and (not country or reg.actors[a].country == country)
            )
            if len(cands) != 1:  # (else: the official named in the article with this title)
                cands = [
                    a
                    for a in named
                    if is_registered(a)
                    and any(o.office == office and (not country or o.country == country) for o in reg.actors[a].offices)
                ]
            how = HOW_TITLE
            if not cands and country and period is not None:
                # the holder on the article's date; for a month or a year, only if one person held it throughout
                first, last = (reg.holders(office, country, d) for d in period)
                cands = first if first == last else []
                how = HOW_TITLE_HOLDER
            if len(cands) != 1:
                continue
            hits.append(ActorHit(cands[0], t.start, t.end, n, how))
            taken.append((t.start, t.end))
