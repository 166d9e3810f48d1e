"""``Corpus``: the tables of a loaded corpus (columns in :mod:`defcoop.schema`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import pandas as pd

from defcoop.errors import InsufficientData
from defcoop.schema import LANGUAGE_NAMES, MEETING_COLUMNS, frame
from defcoop.text import squash

__all__ = ["Corpus", "parse_languages", "story_ids", "story_mask"]


def parse_languages(languages: str | Iterable[str] | None) -> tuple[str, ...]:
    """The language codes asked for, in order and without repeats; ``()`` means every language.

    ``languages`` is ``None``, ``""`` or ``"all"`` (every language), a comma-separated string such
    as the notebooks' ``LANGUAGES`` parameter, or a list of codes (ISO 639-1, or ``und`` for "too
    little text to tell").  Anything else is refused with the reason; :meth:`Corpus.in_languages`
    also refuses a code that is neither known (:data:`~defcoop.schema.LANGUAGE_NAMES`) nor found
    in the corpus, since a misspelt code would otherwise select nothing without a word.

    >>> parse_languages("vi, ru,vi"), parse_languages(""), parse_languages(["EN"])
    (('vi', 'ru'), (), ('en',))
    >>> parse_languages("vn;ru")
    Traceback (most recent call last):
    ...
    ValueError: LANGUAGES: 'vn;ru' is not a language code; give ISO 639-1 codes separated by commas, e.g. "vi,ru"
    """
    if languages is None:
        return ()
    items = [str(i).strip() for i in (languages.split(",") if isinstance(languages, str) else list(languages))]
    items = [i for i in items if i]
    if [i.lower() for i in items] == ["all"]:
        return ()
    codes: list[str] = []
    for item in items:
        code = item.lower()
        if not re.fullmatch(r"[a-z]{2}|und", code):
            alone = " ('all' stands alone)" if code == "all" else ""
            raise ValueError(
                f"LANGUAGES: {item!r} is not a language code{alone}; "
                'give ISO 639-1 codes separated by commas, e.g. "vi,ru"'
            )
        if code not in codes:
            codes.append(code)
    return tuple(codes)


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
    languages : the languages the corpus was cut to by :meth:`in_languages` (empty: all)
    """

    name: str
    docs: pd.DataFrame
    sentences: pd.DataFrame
    segments: pd.DataFrame
    mentions: pd.DataFrame
    skipped: pd.DataFrame
    meetings: pd.DataFrame = field(default_factory=lambda: frame([], MEETING_COLUMNS))
    languages: tuple[str, ...] = ()

    @property
    def stories(self) -> pd.DataFrame:
        """Docs without syndicated/mirrored copies (``duplicate_of`` empty)."""
        return self.docs[story_mask(self.docs)]

    def in_languages(self, languages: str | Iterable[str] | None) -> Corpus:
        """The corpus cut to the articles in ``languages`` (see :func:`parse_languages`; empty:
        the corpus itself), every table with it.

        Copies are only ever linked within a language (a translation is not a copy), so a cut by
        language keeps each copy with its original; a copy whose original is not kept (from a
        table built otherwise) is counted as a story of its own.  ``skipped`` is kept whole: a
        file that was not read has no language.  A corpus already cut is cut further.
        """
        codes = parse_languages(languages)
        if not codes:
            return self
        if "language" not in self.docs.columns:
            raise ValueError("LANGUAGES: this corpus has no language column to cut by")
        present = set(self.docs["language"].dropna().unique().tolist())
        unknown = [c for c in codes if c not in LANGUAGE_NAMES and c not in present]
        if unknown:
            raise ValueError(
                f"LANGUAGES: {', '.join(unknown)} is no language the loader identifies; "
                f"this corpus has {', '.join(sorted(present)) or 'no article'}"
            )
        if self.languages:
            codes = tuple(c for c in codes if c in self.languages) or codes
        keep = self.docs["language"].isin(codes)
        ids = set(self.docs.loc[keep, "doc_id"].tolist())
        docs = self.docs[keep]
        dangling = (docs["duplicate_of"] != "") & ~docs["duplicate_of"].isin(ids)
        if dangling.any():
            docs = docs.assign(duplicate_of=docs["duplicate_of"].where(~dangling, ""))

        def cut(table: pd.DataFrame) -> pd.DataFrame:
            if "doc_id" not in table.columns:
                return table
            return table[table["doc_id"].isin(ids)]

        return replace(
            self,
            docs=docs,
            sentences=cut(self.sentences),
            segments=cut(self.segments),
            mentions=cut(self.mentions),
            meetings=cut(self.meetings),
            languages=codes,
        )

    def by_language(self) -> pd.DataFrame:
        """One row per language: articles, copies and stories, and how many stories got a date,
        were found on topic, and have at least one official, partner and theme.  Languages are
        ordered by articles (most first), then code; the counts are of this corpus's articles.

        A reader comparing languages sees here what each one can contribute: outside English
        fewer kinds of mention are read (README, "How good the annotations are").
        """
        columns = [
            "language",
            "articles",
            "copies",
            "stories",
            "dated",
            "on_topic",
            "with_official",
            "with_partner",
            "with_theme",
        ]
        if not len(self.docs):
            return frame([], columns)
        docs = self.docs
        story = story_mask(docs)

        def has(column: str) -> pd.Series:
            return docs[column].map(lambda v: isinstance(v, list | tuple) and len(v) > 0) & story

        table = pd.DataFrame(
            {
                "language": docs["language"].fillna("und").replace("", "und"),
                "articles": 1,
                "copies": (~story).astype(int),
                "stories": story.astype(int),
                "dated": ((docs["date"].fillna("") != "") & story).astype(int),
                "on_topic": ((docs["on_topic"].fillna(False) == True) & story).astype(int),  # noqa: E712
                "with_official": has("actor_ids").astype(int),
                "with_partner": has("partners").astype(int),
                "with_theme": has("themes").astype(int),
            }
        )
        out = table.groupby("language", sort=False).sum().reset_index()
        return out.sort_values(["articles", "language"], ascending=[False, True], kind="stable").reset_index(drop=True)[
            columns
        ]

    def __repr__(self) -> str:
        n = len(self.docs)
        outlets = self.docs.loc[self.docs["outlet"] != "", "outlet"].nunique() if n else 0
        dated = sorted(d[:7] for d in self.docs["date"] if d) if n else []
        span = f"{dated[0]}..{dated[-1]}" if dated else "undated"
        extra = f", {len(self.skipped)} skipped" if len(self.skipped) else ""
        if self.languages:
            extra += f", in {','.join(self.languages)} only"
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
            cut = f" in {','.join(self.languages)} (LANGUAGES)" if self.languages else ""
            raise InsufficientData(
                f"{what} needs at least {at_least} loaded article{'s' if at_least != 1 else ''}{cut}; "
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
