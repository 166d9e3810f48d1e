"""Rule 5, unregistered officials: a title or rank followed by a name the registry does not know.

The name (:func:`~defcoop.annotate.title_context.name_after_title`) becomes an actor
``unregistered:<slug>`` with ``registered = False``; its country comes from a demonym before the
title chain or an ``of <Country>`` after the title, else the home country of ``countries.csv``
(Vietnam) for a Vietnamese family name (``vietnamese_family_names`` of
:mod:`defcoop.lexicons.words`).  People of history (``historical_figures``: "President Ho Chi
Minh") are no officials.  Later bare mentions of the last word of the name are short
mentions of the same official.
"""

from __future__ import annotations

import re

from defcoop.annotate.document import UNREGISTERED, ActorHit, Doc, TitlesBySentence
from defcoop.annotate.title_context import (
    country_after,
    demonym_before,
    name_after_title,
    name_before_title,
    title_chain,
)
from defcoop.lexicons.geo import geo
from defcoop.lexicons.words import word_lists
from defcoop.text import fold

__all__ = ["find_unregistered"]

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def _bare_word(word: str) -> re.Pattern[str]:
    """``word`` standing alone: not inside a longer word, a dotted name or a hyphenated one."""
    return re.compile(rf"(?<![\w’'.-]){re.escape(word)}(?![\w’'-])")


def find_unregistered(doc: Doc, hits: list[ActorHit], titles_by_sent: TitlesBySentence) -> dict[str, tuple[str, str]]:
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
    for n, ths in titles_by_sent.items():
        s = doc.sents[n]
        for i, t in enumerate(ths):
            if i + 1 < len(ths) and doc.text[t.end : ths[i + 1].start].strip() == "":
                continue  # not the last title of a chain
            _chain, chain_start = title_chain(doc, ths, t.end)
            hit = name_after_title(doc, t.end, s.end) or name_before_title(doc, chain_start, s.start)
            if hit is None:
                continue
            a, b, name_toks = hit
            if fold(" ".join(name_toks)) in historical:
                continue  # a figure of history, not an official of the article's time
            if any(x < b and a < y for x, y in taken):
                continue
            if any(th.start < b and a < th.end for th in ths):
                continue
            country = demonym_before(doc, chain_start) or country_after(doc, t.end, s.end)
            if not country and fold(name_toks[0]) in family_names:
                country = geo().self_name
            name = " ".join(name_toks)
            ident = UNREGISTERED + _NON_SLUG.sub("-", fold(name)).strip("-")
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
                hits.append(ActorHit(ident, a, b, n, "short"))
                taken.append((a, b))
    return out
