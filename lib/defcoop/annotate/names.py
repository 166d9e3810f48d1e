"""Rule 1, actors by name: the registry's full name forms, and which of two namesakes is meant.

A name form (any order, with or without diacritics, initials, transliterations;
:mod:`defcoop.lexicons.actors`) counts when it starts with a capital letter.  The offices named by
the titles just before it are kept with the hit: with the article's date they decide between
two people who share a name (:func:`resolve_same_names`).
"""

from __future__ import annotations

import datetime as dt

from defcoop.annotate.document import HOW_NAME, ActorHit, Doc, TitlesBySentence, starts_capitalised
from defcoop.annotate.title_context import named_as_former, title_chain
from defcoop.lexicons.actors import registry
from defcoop.lexicons.matcher import PhraseMatcher
from defcoop.text import fold

__all__ = ["drop_former_holders", "drop_people_of_history", "find_full_names", "resolve_same_names"]


def find_full_names(
    doc: Doc, titles_by_sent: TitlesBySentence, *, matcher: PhraseMatcher[str] | None = None
) -> list[ActorHit]:
    """Every capitalised full name form of a registered person, in text order.

    Parameters
    ----------
    doc
        The article, scanned.
    titles_by_sent
        The title and rank hits of each sentence.
    matcher
        The name forms to look for, by default the registry's (another language's:
        :attr:`~defcoop.lexicons.languages.LanguageLexicon.names`).

    Returns
    -------
    list of ActorHit
        One hit per name (``how = "name"``), with the offices its title chain names and, when
        several people share the name form, all of them as ``alternatives``.
    """
    hits: list[ActorHit] = []
    for n, name_hits in enumerate(doc.by_sentence(registry().full if matcher is None else matcher)):
        for h in name_hits:
            a, b = h.start, h.end
            if not starts_capitalised(doc.text, a):
                continue
            chain, _ = title_chain(doc, titles_by_sent.get(n, []), a)
            offices = tuple(o for t in chain for (o, kind) in t.values if kind == "office" and o)
            # Two people may share a name form (two Nguyễn Văn Hiến): keep both until the date decides.
            hits.append(ActorHit(h.values[0], a, b, n, HOW_NAME, offices, alternatives=tuple(h.values)))
    return hits


def resolve_same_names(hits: list[ActorHit], period: tuple[dt.date, dt.date] | None) -> None:
    """Pick, for a name shared by several people, the one whose office fits the date and title.

    The person in office during ``period`` (the article's date) wins, then the one holding an
    office the title names, then the first id; ``hits`` are changed in place.
    """
    reg = registry()
    for h in hits:
        if len(h.alternatives) < 2:
            continue

        def fit(aid: str, named_offices: tuple[str, ...] = h.offices) -> tuple[int, int, str]:
            terms = reg.actors[aid].offices
            by_title = any(o.office in named_offices for o in terms)
            on_date = period is not None and any(o.holds_on(period[0]) or o.holds_on(period[1]) for o in terms)
            return (-int(on_date), -int(by_title), aid)

        h.actor_id = min(h.alternatives, key=fit)


def drop_people_of_history(hits: list[ActorHit], period: tuple[dt.date, dt.date] | None) -> None:
    """Remove, in place, the hits of registered people who are also people of history
    (``historical_figures`` of :mod:`defcoop.lexicons.words`: Fidel Castro) in an article dated
    after their last office ended, or undated: there they are history, not the article's officials."""
    from defcoop.lexicons.words import word_lists

    historical = word_lists().historical_figures
    reg = registry()

    def of_history(aid: str) -> bool:
        a = reg.actors.get(aid)
        if a is None or fold(a.name) not in historical:
            return False
        return period is None or (bool(a.offices) and not any(o.overlaps(period[0], dt.date.max) for o in a.offices))

    hits[:] = [h for h in hits if not of_history(h.actor_id)]


def drop_former_holders(doc: Doc, hits: list[ActorHit], period: tuple[dt.date, dt.date] | None) -> None:
    """Remove, in place, the hits of registered people whom the article introduces as former
    holders (their first mention after the headline: ``former Prime Minister Shinzo Abe``, ``Suga's predecessor
    Shinzo Abe``; :func:`~defcoop.annotate.title_context.named_as_former`) and who held no office
    of the registry on its date: a former minister is no official of the story, however often
    ``General Lich`` comes back.  One who holds another office then stays (``former President
    Dmitry Medvedev``, deputy chairman of the Security Council); so does everyone in an undated
    article, whose offices cannot be checked."""
    if period is None:
        return
    reg = registry()
    first: dict[str, ActorHit] = {}  # each person's first mention outside the headline
    for h in sorted(hits, key=lambda h: (h.start, h.end)):
        if h.actor_id in reg.actors and h.sent_no >= 0 and doc.sents[h.sent_no].section != "title":
            first.setdefault(h.actor_id, h)
    gone = {
        aid
        for aid, h in first.items()
        if named_as_former(doc, h.sent_no, h.start) and not any(o.overlaps(*period) for o in reg.actors[aid].offices)
    }
    if gone:
        hits[:] = [h for h in hits if h.actor_id not in gone]
