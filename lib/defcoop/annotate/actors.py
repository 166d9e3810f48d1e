"""The actors of an article: every rule's actor hits in text order, as mention rows.

Runs after rules 1, 2, 4 and 5 have found their hits.  Each hit becomes an ``actor`` mention row
(with the actor's country and whether the registry knows them); the article's actors are listed
in order of first mention.
"""

from __future__ import annotations

from typing import NamedTuple

from defcoop.annotate.document import ActorHit, Doc, is_registered
from defcoop.lexicons.actors import registry

__all__ = ["ActorInfo", "record_actors"]


class ActorInfo(NamedTuple):
    """How an actor of the article is shown: name, country and whether the registry knows them."""

    name: str
    country: str
    registered: bool


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
    return actors
