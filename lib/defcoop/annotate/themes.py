"""Rule 7, themes: the codebook's themes (:mod:`defcoop.lexicons.themes`) with enough evidence.

A sentence is evidence for a theme when the codebook says so (include phrases, ``include_together``
groups, no exclude phrase); each piece of evidence is a ``theme`` mention row, and the article
carries a theme with at least its ``min_sentences`` evidence sentences.  Photo captions are no
evidence: they name who is in the picture, not what was agreed.

A theme marked ``lists_alone: false`` in the codebook (the civilian fields: trade, science,
culture, health, multilateral forums) is not carried on one sentence that names it only as an
item of a list of four or more fields that names at most one theme that keeps its lists (the
defence fields, delegation exchanges, signings): ``bilateral ties are
growing across the pillars of economy, politics, defence-security, sci-tech, culture and
people-to-people exchanges`` is the catalogue of a relationship, not a report of cooperation on
each field.  The same list beside a second evidence sentence counts, and so does a list with two
such themes or more, the agenda of defence cooperation (``delegation exchanges, military
medical training, military history research, military communications and multilateral events``).
Defence fields keep their lists in any case (``the two sides would work together on search and
rescue, military medicine, cybersecurity, defence industry``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from defcoop.annotate.document import Doc
from defcoop.lexicons.matcher import Hit
from defcoop.lexicons.themes import Codebook, Tag, codebook

__all__ = ["find_themes", "in_list", "list_span"]

# Three or more short items (up to four words) each closed by a comma: the run of a list of fields.
_LIST_RUN = re.compile(r"(?:(?<![\w'’&/-])[\w'’&/-]+(?:\s[\w'’&/-]+){0,3},\s+){3,}")
# The words that join a list's last item, in the languages with a codebook of their own.
_AND = r"(?:and|or|và|hoặc|и|или|et|ou|y|o)"
# The last item after the run: the joining word within three words, then up to four words.
_LIST_TAIL = re.compile(rf"(?:[\w'’&/-]+\s+){{0,3}}?{_AND}\s+[\w'’&/-]+(?:\s+[\w'’&/-]+){{0,3}}")
# ... or the run's own last item ("..., sci-tech, and local-to-local cooperation, two years ...").
_LAST_ITEM_JOINED = re.compile(rf",\s+{_AND}\s+[^,]*,\s+$")
#: Commas a list of four fields needs.
_LIST_COMMAS = 3
#: Themes that keep their lists (``lists_alone``) that make a list the agenda of defence cooperation.
_AGENDA_THEMES = 2


def list_span(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The list of four or more fields that ``sentence[start:end]`` is an item of, as offsets into
    ``sentence``; ``None`` when it is in no such list.

    >>> s = "Ties grew in economy, politics, defence-security, sci-tech and culture."
    >>> first, last = s.index("economy"), s.index("culture")
    >>> list_span(s, first, first + 7) == list_span(s, last, last + 7)
    True
    >>> s[slice(*list_span(s, first, first + 7))]  # (an item is up to four words: the first takes the lead's)
    'Ties grew in economy, politics, defence-security, sci-tech and culture'
    >>> s = "They discussed economic cooperation, trade and investment."
    >>> list_span(s, s.index("trade"), s.index("trade") + 5) is None
    True
    """
    for a, b in _list_spans(sentence):
        if a <= start and end <= b:
            return a, b
    return None


def _list_spans(sentence: str) -> list[tuple[int, int]]:
    """Every list of four or more fields in ``sentence`` (none without three commas)."""
    if sentence.count(",") < _LIST_COMMAS:
        return []
    spans = []
    for m in _LIST_RUN.finditer(sentence):
        if _LAST_ITEM_JOINED.search(sentence, m.start(), m.end()):
            spans.append((m.start(), m.end()))
        elif tail := _LIST_TAIL.match(sentence, m.end()):
            spans.append((m.start(), tail.end()))
        # (else no last item is joined by "and": the commas of clauses, no list)
    return spans


def in_list(sentence: str, start: int, end: int) -> bool:
    """Whether ``sentence[start:end]`` is one item of a list of four or more fields."""
    return list_span(sentence, start, end) is not None


def _catalogue(
    cb: Codebook, evidence: dict[str, list[Hit[Tag]]], spans: list[tuple[int, int]], offset: int, hs: list[Hit[Tag]]
) -> bool:
    """Whether the hits ``hs`` of a civilian theme all stand in lists that name at most one theme
    that keeps its lists (``lists_alone``: the defence fields, delegation exchanges, signings): the
    catalogue of a relationship (``economy, politics, sci-tech, culture``), not an agenda of defence
    cooperation (``delegation exchanges, military medical training, military history research,
    military communications and multilateral events``).  ``spans`` are the sentence's lists
    (:func:`_list_spans`), ``offset`` where it starts in the text (the hits' offsets are the text's)."""
    for h in hs:
        span = next((sp for sp in spans if sp[0] <= h.start - offset and h.end - offset <= sp[1]), None)
        if span is None:
            return False
        defence = {
            tid
            for tid, others in evidence.items()
            if cb.themes[tid].lists_alone and any(span[0] <= o.start - offset < span[1] for o in others)
        }
        if len(defence) >= _AGENDA_THEMES:
            return False
    return True


def find_themes(doc: Doc, cb: Codebook | None = None) -> list[str]:
    """The article's themes, in codebook order; their evidence is recorded as mention rows.

    ``cb`` is the codebook with the phrases of the article's language (by default English's)."""
    cb = codebook() if cb is None else cb
    count: dict[str, int] = defaultdict(int)
    plain: dict[str, int] = defaultdict(int)  # evidence sentences that are not a list of fields
    for n, sent_hits in enumerate(doc.by_sentence(cb.matcher, overlapping=True)):
        s = doc.sents[n]
        if not sent_hits or s.section == "caption":
            continue
        evidence = cb.evidence_from_hits(sent_hits, doc.text[s.start : s.end], s.start)
        spans: list[tuple[int, int]] | None = None  # the sentence's lists, found when a theme asks
        for tid, hs in evidence.items():
            count[tid] += 1
            if cb.themes[tid].lists_alone:
                plain[tid] += 1
            else:
                if spans is None:
                    spans = _list_spans(doc.text[s.start : s.end])
                plain[tid] += not _catalogue(cb, evidence, spans, s.start, hs)
            for h in hs:  # (a phrase of several themes: the role it plays in this one)
                doc.add("theme", tid, n, h.start, h.end, how=next(r for t, r, _ in h.values if t == tid))
    return [
        t
        for t in cb.themes
        if count.get(t, 0) >= cb.themes[t].min_sentences and (plain.get(t, 0) or count.get(t, 0) >= 2)
    ]
