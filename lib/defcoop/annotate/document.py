"""What every annotation rule shares: the article's working state, hit records, the result.

:class:`Doc` holds one article's text, its folded twin and the sentence lookup; it scans the
lexicons once and records each hit as a mention row.  :class:`ActorHit` is one actor found by a
rule, :class:`Annotation` what :func:`defcoop.annotate.pipeline.annotate_article` returns.  The
matchers the rules share are built here, once per process.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from defcoop.lexicons.actors import registry, titles
from defcoop.lexicons.datafiles import read_csv
from defcoop.lexicons.geo import geo
from defcoop.lexicons.matcher import Hit, MultiMatcher, PhraseMatcher, leftmost_longest
from defcoop.lexicons.themes import codebook
from defcoop.paths import DATA_DIR
from defcoop.reading.dates import DateValue
from defcoop.reading.parse import Article
from defcoop.text import fold_preserving_length

__all__ = [
    "HOW_FAMILY_HOLDER",
    "HOW_NAME",
    "HOW_SHORT",
    "HOW_TITLE",
    "HOW_TITLE_FAMILY",
    "HOW_TITLE_HOLDER",
    "UNREGISTERED",
    "ActorHit",
    "Annotation",
    "Doc",
    "TitlesBySentence",
    "english_matchers",
    "is_registered",
    "short_matcher",
    "starts_capitalised",
    "topic_matchers",
]

#: The title and rank hits of each sentence, by sentence number.
TitlesBySentence = dict[int, list[Hit]]

#: Prefix of the id of an official the registry does not know (``unregistered:<slug>``).
UNREGISTERED = "unregistered:"
#: How a hit names its person by the family name alone (:attr:`ActorHit.how`): a short second
#: mention of someone named in full, a title and family name, a family name placed by the office
#: its registered holder held on the date.
HOW_SHORT = "short"
#: A full name of the registry (or, after a title resolved to its holder, the holder's name as the
#: page writes it), and a title resolved to an official named in the article or to its holder.
HOW_NAME = "name"
HOW_TITLE = "title"
HOW_TITLE_HOLDER = "title (holder on date)"
HOW_TITLE_FAMILY = "title + family name"
HOW_FAMILY_HOLDER = "family name (holder on date)"


@dataclass
class Annotation:
    """What annotation finds in one article; ``mentions`` are its evidence rows."""

    date: DateValue | None = None
    date_source: str = "none"
    partners: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    actor_ids: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    on_topic: bool = False
    mentions: list[tuple] = field(default_factory=list)  # rows in MENTION_COLUMNS order
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ActorHit:
    """One actor found by a rule, at ``text[start:end]`` in sentence ``sent_no``."""

    actor_id: str  # registry id, or "unregistered:<slug>"
    start: int
    end: int
    sent_no: int
    # name | short | title + family name | family name (holder on date) | title | title (holder on
    # date) | unregistered
    how: str
    offices: tuple[str, ...] = ()  # offices named by the title chain before the name
    alternatives: tuple[str, ...] = ()  # everyone the name could be, when it is shared


def is_registered(actor_id: str) -> bool:
    """Whether ``actor_id`` is a registry id (not an ``unregistered:`` one).

    >>> is_registered("phan-van-giang"), is_registered("unregistered:nguyen-van-toan")
    (True, False)
    """
    return not actor_id.startswith(UNREGISTERED)


def starts_capitalised(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` is an upper-case letter, or a letter of a script without
    capitals (Chinese: ``潘文江``); ``False`` past the end.

    >>> starts_capitalised("the Russian side", 4), starts_capitalised("the russian side", 4)
    (True, False)
    >>> starts_capitalised("越南国防部长潘文江", 6)
    True
    """
    if pos >= len(text):
        return False
    ch = text[pos]
    return ch.isupper() or (ch.isalpha() and not ch.islower() and ch.lower() == ch.upper())


@lru_cache(maxsize=1)
def short_matcher() -> PhraseMatcher[str]:
    """The registry's short forms (``Giang``, ``Khrenin``), each carrying itself."""
    return PhraseMatcher((k, k) for k in registry().short)


@lru_cache(maxsize=1)
def topic_matchers() -> dict[str, PhraseMatcher[str]]:
    """The defence keywords of ``data/topic_keywords.csv``, one matcher per language."""
    by_lang: dict[str, list[str]] = defaultdict(list)
    for r in read_csv(DATA_DIR / "topic_keywords.csv", ("language", "phrase")):
        by_lang[r["language"]].append(r["phrase"])
    return {lang: PhraseMatcher((p, p) for p in ps) for lang, ps in by_lang.items()}


@lru_cache(maxsize=1)
def english_matchers() -> tuple[tuple[PhraseMatcher, ...], MultiMatcher]:
    """Every lexicon an English article is matched against, and all of them in one automaton."""
    ms = [titles().matcher, registry().full, short_matcher(), geo().matcher, codebook().matcher]
    if "en" in topic_matchers():
        ms.append(topic_matchers()["en"])
    return tuple(ms), MultiMatcher(ms)


class Doc:
    """Per-article working state: text, folded text, sentence lookup and the mention rows.

    Parameters
    ----------
    doc_id
        The article's id, the first field of every mention row.
    art
        The parsed article.
    """

    def __init__(self, doc_id: str, art: Article) -> None:
        self.doc_id = doc_id
        self.art = art
        self.text = art.text
        self.folded = fold_preserving_length(art.text)
        self.sents = art.sentences
        self.starts = [s.start for s in art.sentences]
        self.mentions: list[tuple] = []
        self._candidates: dict[int, list] = {}  # id(matcher) -> its candidates, from one scan

    def scan(self, matchers: tuple[PhraseMatcher, ...], combined: MultiMatcher) -> None:
        """Match all ``matchers`` in one pass (``combined`` holds the same lexicons)."""
        for m, hits in zip(matchers, combined.candidates(self.text, self.folded), strict=True):
            self._candidates[id(m)] = hits

    def by_sentence(self, matcher: PhraseMatcher, *, overlapping: bool = False) -> list[list[Hit]]:
        """Hits of ``matcher`` per sentence, with offsets into the text (one automaton pass).

        Hits outside sentences (furniture) or across a sentence boundary are dropped; unless
        ``overlapping``, each sentence keeps its leftmost-longest non-overlapping hits.
        """
        out: list[list] = [[] for _ in self.sents]
        if not self.sents:
            return out
        hits = self._candidates.get(id(matcher))
        for h in matcher.candidates(self.text, self.folded) if hits is None else hits:
            i = bisect_right(self.starts, h.start) - 1
            if i >= 0 and h.end <= self.sents[i].end:
                out[i].append(h)
        return out if overlapping else [leftmost_longest(hs) for hs in out]

    def add(
        self,
        kind: str,
        ident: str,
        n: int,
        start: int,
        end: int,
        *,
        how: str = "",
        registered: bool = True,
        country: str = "",
        role: str = "",
    ) -> None:
        """Record one hit as a mention row: a tuple in :data:`MENTION_COLUMNS` order."""
        surface = " ".join(self.text[start:end].split())
        sentence = self.art.sentence_texts[n] if n >= 0 else ""
        self.mentions.append(
            (self.doc_id, kind, ident, surface, n, start, end, how, registered, country, role, sentence)
        )
