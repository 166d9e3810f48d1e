"""Rule 7, themes: the codebook's themes (:mod:`defcoop.lexicons.themes`) with enough evidence.

A sentence is evidence for a theme when the codebook says so (include phrases, ``include_together``
groups, no exclude phrase); each piece of evidence is a ``theme`` mention row, and the article
carries a theme with at least its ``min_sentences`` evidence sentences.  Photo captions are no
evidence: they name who is in the picture, not what was agreed.
"""

from __future__ import annotations

from collections import defaultdict

from defcoop.annotate.document import Doc
from defcoop.lexicons.themes import Codebook, codebook

__all__ = ["find_themes"]


def find_themes(doc: Doc, cb: Codebook | None = None) -> list[str]:
    """The article's themes, in codebook order; their evidence is recorded as mention rows.

    ``cb`` is the codebook with the phrases of the article's language (by default English's)."""
    cb = codebook() if cb is None else cb
    count: dict[str, int] = defaultdict(int)
    for n, sent_hits in enumerate(doc.by_sentence(cb.matcher, overlapping=True)):
        if not sent_hits or doc.sents[n].section == "caption":
            continue
        for tid, hs in cb.evidence_from_hits(sent_hits).items():
            count[tid] += 1
            for h in hs:
                doc.add("theme", tid, n, h.start, h.end, how=h.values[0][1])
    return [t for t in cb.themes if count.get(t, 0) >= cb.themes[t].min_sentences]
