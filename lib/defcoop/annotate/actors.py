"""The actors of an article: every rule's actor hits in text order, as mention rows.

Runs after rules 1, 2, 4 and 5 have found their hits.  Each hit becomes an ``actor`` mention row
(with the actor's country and whether the registry knows them); the article's actors are listed
in order of first mention.

An article's actors are named as the article writes them (:func:`written_name`), since a reader
checks a name against the page: the registry's name (with its diacritics) when the page writes
that name or less of it, the page's fuller form when it adds to it (``Leon E. Panetta``,
``Hishammuddin Tun Hussein``, ``Kim Jong Un`` for the registry's ``Kim Jong-un``), and the
family name alone when that is all the page gives (``Dutton``, placed by the office he held on
the date).  ``actor_ids`` keep the registry's identity, so counts never split a person.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from defcoop.annotate.document import (
    HOW_FAMILY_HOLDER,
    HOW_NAME,
    HOW_SHORT,
    HOW_TITLE_FAMILY,
    ActorHit,
    Doc,
    is_registered,
)
from defcoop.lexicons.actors import registry, titles
from defcoop.text import fold, same_name_token

__all__ = ["ActorInfo", "record_actors", "written_name"]

#: Hits that name the person by the family name alone (resolved through the article or the
#: registry's holder of a title on the date).
_FAMILY_ONLY = frozenset({HOW_SHORT, HOW_TITLE_FAMILY, HOW_FAMILY_HOLDER})
_TOKEN_SPLIT = re.compile(r"[\s\-‐‑]+")


def _tokens(name: str) -> list[str]:
    return [t for t in (w.strip(".,;:'\"()") for w in _TOKEN_SPLIT.split(fold(name))) if t]


def _adds_to(written: str, name: str) -> bool:
    """Whether ``written`` is ``name`` with more to it: every token of ``name`` in order among
    its tokens (hyphens split words; a long token may be one letter off, as the page misspelt or
    cut it), in more words than ``name`` has (white space separates
    words, so ``Kim Jong Un`` adds to ``Kim Jong-un`` by writing it in three words)."""
    left = iter(_tokens(written))
    in_order = all(any(same_name_token(t, w) for w in left) for t in _tokens(name))
    return in_order and len(written.split()) > len(name.split())


def _opens_with_title(written: str) -> bool:
    """Whether ``written`` starts with a title or rank (``Samdech Techo Hun Sen``), which is no
    part of the name."""
    return any(h.start == 0 for h in titles().matcher.find(written))


def written_name(name: str, full: list[str], family: list[str]) -> str:
    """How the article names a registered official called ``name`` in the registry, given the
    surfaces of its full-name hits (``full``) and of its family-name hits (``family``), in text
    order.

    >>> written_name("Leon Panetta", ["LEON PANETTA", "Leon E. Panetta"], ["Panetta"])
    'Leon E. Panetta'
    >>> written_name("Phan Văn Giang", ["Phan Van Giang", "Phan Van Giang"], ["Giang"])
    'Phan Văn Giang'
    >>> written_name("Kim Jong-un", ["Kim Jong Un"], [])
    'Kim Jong Un'
    >>> written_name("Viktor Khrenin", ["Khrenin Viktor Gennadievich"], [])  # another order: the registry's
    'Viktor Khrenin'
    >>> written_name("Hun Sen", ["Samdech Techo Hun Sen"], [])  # a title is no part of the name
    'Hun Sen'
    >>> written_name("Richard Marles", ["Richard Donald Marle"], [])  # (the page cut the last letter)
    'Richard Donald Marle'
    >>> written_name("Viktor Khrenin", ["Khrenin Viktor Gennadievich", "Viktor Gennadievich Khrenin"], [])
    'Viktor Gennadievich Khrenin'
    >>> written_name("Peter Dutton", [], ["DUTTON", "Dutton"]), written_name("Peter Dutton", [], [])
    ('Dutton', 'Peter Dutton')
    """
    if full:
        # the fullest of the page's forms that add to the registry's name in its order, not in
        # capitals (a headline, a speaker's label) nor opening on a title
        fuller = [w for w in full if not w.isupper() and _adds_to(w, name) and not _opens_with_title(w)]
        return max(fuller, key=lambda w: (len(w.split()), -full.index(w))) if fuller else name
    plain = [w for w in family if not w.isupper() and all(t.isalpha() for t in w.split())]
    return plain[0] if plain else name


class ActorInfo(NamedTuple):
    """How an actor of the article is shown: name, country and whether the registry knows them."""

    name: str  # the registry's name, or the page's for an official the registry does not know
    country: str
    registered: bool
    written: str = ""  # how the article names them (:func:`written_name`)


def record_actors(doc: Doc, hits: list[ActorHit], unregistered: dict[str, tuple[str, str]]) -> dict[str, ActorInfo]:
    """Record every actor hit as a mention row, in text order; the article's actors.

    Parameters
    ----------
    doc
        The article; one ``actor`` row is added per hit.
    hits
        The hits of every actor rule (sorted here, in place, by position).
    unregistered
        Name and country of each ``unregistered:`` id (:func:`~defcoop.annotate.unregistered.find_unregistered`).

    Returns
    -------
    dict
        Actor id -> :class:`ActorInfo`, in order of first mention.
    """
    reg = registry()
    hits.sort(key=lambda h: (h.start, h.end))
    actors: dict[str, ActorInfo] = {}
    for h in hits:
        info = actors.get(h.actor_id)
        if info is None:
            if is_registered(h.actor_id):
                a = reg.actors[h.actor_id]
                info = ActorInfo(a.name, a.country, True)
            else:
                name, country = unregistered[h.actor_id]
                info = ActorInfo(name, country, False)
            actors[h.actor_id] = info
        doc.add(
            "actor", h.actor_id, h.sent_no, h.start, h.end, how=h.how, registered=info.registered, country=info.country
        )
    full: dict[str, list[str]] = {}  # each actor's surfaces, in text order, by kind
    family: dict[str, list[str]] = {}
    for h in hits:
        if h.how == HOW_NAME or h.how in _FAMILY_ONLY:
            (full if h.how == HOW_NAME else family).setdefault(h.actor_id, []).append(doc.text[h.start : h.end])
    for aid, info in actors.items():
        written = written_name(info.name, full.get(aid, []), family.get(aid, [])) if info.registered else info.name
        actors[aid] = info._replace(written=written)
    return actors
