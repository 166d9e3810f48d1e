"""``Corpus``: the tables of a loaded corpus (columns in :mod:`defcoop.schema`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from defcoop.errors import InsufficientData
from defcoop.schema import MEETING_COLUMNS, frame
from defcoop.text import squash

__all__ = ["Corpus", "story_ids", "story_mask"]


def story_mask(docs: pd.DataFrame) -> pd.Series:
    """Which rows of ``docs`` are *stories*: articles that are not a copy of an earlier one (the
    one definition; analyses count stories so that a syndicated story counts once).

    >>> story_mask(pd.DataFrame({"duplicate_of": ["", "a", ""]})).tolist()
    [True, False, True]
    """
    return docs["duplicate_of"] == ""


def story_ids(docs: pd.DataFrame) -> list[str]:
    """The story each row of ``docs`` tells: its own ``doc_id``, or that of the article it copies.

    >>> story_ids(pd.DataFrame({"doc_id": ["a", "b"], "duplicate_of": ["", "a"]}))
    ['a', 'a']
    """
    return [d or i for i, d in zip(docs["doc_id"].tolist(), docs["duplicate_of"].tolist(), strict=True)]


@dataclass(frozen=True)
class Corpus:
    """The tables of a corpus.  Offsets (``start``/``end``) index ``docs.text`` of the doc.

    Attributes
    ----------
    name : the corpus folder's name (never an absolute path, so outputs are portable)
    docs : one row per loaded article
    sentences : one row per sentence (title and body), with offsets
    segments : one row per block of the raw text, including everything stripped as furniture
    mentions : one row per annotation hit (actor, country, theme, date) with its sentence
    skipped : one row per file that was not loaded, with the reason
    meetings : one row per (article, Vietnamese official, foreign official) pair, with the
        evidence that they met (:mod:`defcoop.annotate.meetings`); notebooks 03 and 04 both use it
    """

    name: str
    docs: pd.DataFrame
    sentences: pd.DataFrame
    segments: pd.DataFrame
    mentions: pd.DataFrame
    skipped: pd.DataFrame
    meetings: pd.DataFrame = field(default_factory=lambda: frame([], MEETING_COLUMNS))

    @property
    def stories(self) -> pd.DataFrame:
        """Docs without syndicated/mirrored copies (``duplicate_of`` empty)."""
        return self.docs[story_mask(self.docs)]

    def __repr__(self) -> str:
        n = len(self.docs)
        outlets = self.docs.loc[self.docs["outlet"] != "", "outlet"].nunique() if n else 0
        dated = sorted(d[:7] for d in self.docs["date"] if d) if n else []
        span = f"{dated[0]}..{dated[-1]}" if dated else "undated"
        extra = f", {len(self.skipped)} skipped" if len(self.skipped) else ""
        return (
            f"Corpus({n} article{'s' if n != 1 else ''}, {outlets} outlet{'s' if outlets != 1 else ''}, {span}{extra})"
        )

    def require_articles(self, what: str, *, at_least: int = 1) -> None:
        """Raise :class:`~defcoop.errors.InsufficientData` unless ``at_least`` articles loaded.

        >>> Corpus("empty", *(pd.DataFrame() for _ in range(5))).require_articles("counting")
        Traceback (most recent call last):
        ...
        defcoop.errors.InsufficientData: counting needs at least 1 loaded article; 'empty' has 0 (0 skipped)
        """
        if len(self.docs) < at_least:
            raise InsufficientData(
                f"{what} needs at least {at_least} loaded article{'s' if at_least != 1 else ''}; "
                f"{self.name!r} has {len(self.docs)} ({len(self.skipped)} skipped)"
            )

    def kwic(self, kind: str, ident: str, *, width: int = 60) -> pd.DataFrame:
        """Keyword-in-context rows for every mention of ``ident`` (e.g. an actor id)."""
        m = self.mentions[(self.mentions["kind"] == kind) & (self.mentions["id"] == ident)]
        texts = self.docs.set_index("doc_id")["text"]
        rows = []
        for r in m.itertuples(index=False):
            t = texts[r.doc_id]
            rows.append(
                {
                    "doc_id": r.doc_id,
                    "start": r.start,
                    "end": r.end,
                    "left": squash(t[max(0, r.start - width) : r.start])[-width:],
                    "match": t[r.start : r.end],
                    "right": squash(t[r.end : r.end + width])[:width],
                }
            )
        return frame(rows, ["doc_id", "start", "end", "left", "match", "right"])
