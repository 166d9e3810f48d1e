"""Actor frequencies and meeting pairs: who appears, how often, in what office, and who met whom.

Every function takes a :class:`~defcoop.corpus.Corpus` and returns a new tidy DataFrame, sorted
deterministically (counts descending, then names/ids as tie-breakers), so tables and figures
do not change between runs.  Each count can be traced back to rows of ``corpus.mentions``
(``doc_id``, ``start``, ``end``, ``sentence``).

Two counts, never mixed up:

* **articles** — the number of distinct articles in which an actor (or any actor of a group)
  appears at least once, however many times and under however many names;
* **mentions** — the number of resolved references: full names, short second mentions
  (``Giang``), title-only references (``the Belarusian defence minister``).

Syndicated and mirrored copies (``docs.duplicate_of`` set) are left out unless
``include_copies=True``: a story reprinted by three outlets counts once.

Every function that counts mentions starts from :func:`actor_mentions`; each takes its table
as ``mentions=`` (made with the same ``include_copies``), so that a notebook builds it once: on
100,000 articles it has over a million rows.

The office an actor is grouped under is the one the registry says they held **on the
article's date** (an article of 2018 counts Nguyễn Chí Vịnh as deputy defence minister even if
he later held another post).  Unregistered officials (found through a title, not in the
registry) take the office their title names, when it names one.

Meeting pairs pair a Vietnamese official with a foreign one.  The strong evidence is a
*meeting sentence*: both named in one sentence with a meeting cue (held talks with, received,
met, hosted, a reception for, an online discussion with).  The weak evidence is the same
article only.  Host and guest come from the cue (``X received Y``: X hosts) or else from the
place (a meeting in Hanoi is hosted by the Vietnamese side).  The cue table is the constant
``MEETING_CUES`` below.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import networkx as nx
import pandas as pd

from defcoop.annotate.meetings import MEETING_CUES
from defcoop.annotate.offices import (
    ArticleTexts,
    columns,
    office_label,
    official_mentions,
    sentence_bounds,
    title_before,
)
from defcoop.corpus import Corpus, story_ids, story_mask
from defcoop.errors import InsufficientData
from defcoop.lexicons.geo import geo
from defcoop.schema import PAIR_COLUMNS

__all__ = [
    "MEETING_CUES",
    "actor_documents",
    "actor_frequencies",
    "actor_kwic",
    "actor_mentions",
    "actor_surface_forms",
    "meeting_edges",
    "meeting_graph",
    "meeting_layout",
    "meeting_pairs",
    "office_label",
    "strongest_edges",
    "unregistered_actors",
]

Grouping = Literal["actor", "country", "office", "level", "year"]
Evidence = Literal["sentence", "article"]


_KEYS: dict[str, list[str]] = {
    "actor": ["actor_id", "actor", "country", "registered"],
    "country": ["country"],
    "office": ["office", "level"],
    "level": ["level"],
    "year": ["year"],
}
EDGE_COLUMNS = [
    *PAIR_COLUMNS,
    "stories",
    "articles",
    "meeting_dates",
    "first_date",
    "last_date",
    "hosted_by",
    "places",
    "online",
    "doc_ids",
]


# --------------------------------------------------------------------------------------------
# Mentions and (doc, actor) rows
# --------------------------------------------------------------------------------------------


def _docs(corpus: Corpus, include_copies: bool) -> pd.DataFrame:
    # the columns used here only: filtering the article texts too would copy them
    docs = corpus.docs[["doc_id", "duplicate_of", "date", "date_precision", "language"]]
    if not include_copies:
        docs = docs[story_mask(docs)]
    docs = docs.assign(story_id=story_ids(docs), year=docs["date"].str[:4].where(docs["date"] != "", "undated"))
    return docs


def _require_officials(corpus: Corpus, docs: pd.DataFrame) -> None:
    """Raise :class:`InsufficientData` with the reason when ``docs`` (:func:`_docs`) has no
    article or no official to count."""
    if docs.empty:
        skipped = f" ({len(corpus.skipped)} files skipped, see the load report)" if len(corpus.skipped) else ""
        raise InsufficientData(
            f"actor frequencies need at least one article; the corpus {corpus.name!r} has none{skipped}"
        )
    m = corpus.mentions
    if not ((m["kind"] == "actor") & m["doc_id"].isin(docs["doc_id"])).any():
        langs = ", ".join(f"{n} {lang}" for lang, n in sorted(docs["language"].value_counts().items()))
        raise InsufficientData(
            f"no official (registered or introduced by a title) was found in the {len(docs)} "
            f"article{'s' if len(docs) != 1 else ''} of {corpus.name!r} ({langs}); actors are only "
            "annotated in English text, so there is nothing to count"
        )


def actor_mentions(corpus: Corpus, *, include_copies: bool = False) -> pd.DataFrame:
    """One row per actor mention, with the article's date and the office held on that date.

    Parameters
    ----------
    corpus : a loaded corpus.
    include_copies : keep syndicated/mirrored copies (default: each story once).

    Returns
    -------
    DataFrame with columns ``doc_id, story_id, date, year, actor_id, actor, country,
    registered, office, level, how, surface, sent_no, start, end, sentence``, sorted by
    ``doc_id, start, end, actor_id``.  ``office`` is a readable label (``defence minister``);
    ``(no office on record)`` when the registry has no office for that date,
    ``(undated article)`` when the article has no date, and ``(unregistered, other title)`` for an
    unregistered official whose title names no office (a rank, a director of something).

    The other functions of this module start from this table; each takes it as ``mentions=``
    so that a notebook computes it once (on 100,000 articles it has millions of rows).

    Raises
    ------
    InsufficientData
        When the corpus has no articles, or no official is found in any of them.

    Examples
    --------
    >>> import defcoop
    >>> m = actor_mentions(defcoop.load(defcoop.paths.SEEDS_DIR))
    >>> print(m.loc[m["actor_id"] == "viktor-khrenin", ["doc_id", "surface", "how", "office"]].to_string(index=False))
                  doc_id                     surface   how           office
    002_4f2acdd73294d25d Viktor Gennadievich Khrenin  name defence minister
    002_4f2acdd73294d25d                     Khrenin short defence minister
    003_a96526d9f035a37c            defence minister title defence minister
    003_a96526d9f035a37c Khrenin Viktor Gennadievich  name defence minister
    003_a96526d9f035a37c Khrenin Viktor Gennadievich  name defence minister
    003_a96526d9f035a37c                    minister title defence minister
    003_a96526d9f035a37c                    minister title defence minister
    003_a96526d9f035a37c                     Khrenin short defence minister
    """
    docs = _docs(corpus, include_copies)
    _require_officials(corpus, docs)
    return official_mentions(corpus.docs, corpus.mentions, corpus.sentences, only=docs["doc_id"])


def actor_documents(
    corpus: Corpus, *, include_copies: bool = False, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per (article, actor): the article counts once for the actor, however named.

    Returns columns ``doc_id, story_id, date, year, actor_id, actor, country, registered,
    office, level, mentions, first_start``, sorted by ``doc_id, first_start``.

    Examples
    --------
    >>> import defcoop
    >>> d = actor_documents(defcoop.load(defcoop.paths.SEEDS_DIR))
    >>> print(d.loc[d["actor_id"] == "viktor-khrenin", ["doc_id", "mentions"]].to_string(index=False))
                  doc_id  mentions
    002_4f2acdd73294d25d         2
    003_a96526d9f035a37c         6
    """
    m = actor_mentions(corpus, include_copies=include_copies) if mentions is None else mentions
    keys = ["doc_id", "story_id", "date", "year", "actor_id", "actor", "country", "registered", "office", "level"]
    out = m.groupby(keys, as_index=False, sort=False).agg(mentions=("start", "size"), first_start=("start", "min"))
    return out.sort_values(["doc_id", "first_start", "actor_id"], ignore_index=True)


def actor_frequencies(
    corpus: Corpus,
    *,
    by: Grouping | Sequence[Grouping] = "actor",
    include_copies: bool = False,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Articles and mentions per actor, country, office, level or year (or a combination).

    Parameters
    ----------
    corpus : a loaded corpus.
    by : one grouping or a list (``["year", "country"]`` gives one row per year and country).
        ``actor`` adds the actor's name, country and whether the registry knows them;
        ``office`` adds the office's level.
    include_copies : count syndicated/mirrored copies as articles of their own.

    Returns
    -------
    DataFrame with the grouping columns, then ``articles`` (distinct articles in which the
    group appears), ``mentions`` (all references) and, unless grouped by actor, ``actors``
    (distinct officials).  Sorted by articles and mentions (descending), then the keys.

    Examples
    --------
    >>> import defcoop
    >>> seeds = defcoop.load(defcoop.paths.SEEDS_DIR)
    >>> actor_frequencies(seeds, by="country")
       country  articles  mentions  actors
    0  Vietnam         5        30       6
    1  Belarus         4        14       3
    2   Russia         1         4       2
    >>> actor_frequencies(seeds, by="year")
       year  articles  mentions  actors
    0  2018         2        18       5
    1  2020         1         8       3
    2  2024         2        22       3
    """
    groups = [by] if isinstance(by, str) else list(by)
    unknown = [g for g in groups if g not in _KEYS]
    if not groups or unknown:
        raise ValueError(f"by must be some of {sorted(_KEYS)}; got {unknown or groups!r}")
    keys = list(dict.fromkeys(k for g in groups for k in _KEYS[g]))
    m = actor_mentions(corpus, include_copies=include_copies) if mentions is None else mentions
    agg = {"articles": ("doc_id", "nunique"), "mentions": ("start", "size")}
    if "actor" not in groups:
        agg["actors"] = ("actor_id", "nunique")
    out = m.groupby(keys, as_index=False, sort=False).agg(**agg)
    lead = ["year"] if "year" in keys else []  # years read in time order, not by size
    rest = [k for k in keys if k not in lead]
    order = [*lead, "articles", "mentions", *rest]
    return out.sort_values(order, ascending=[True] * len(lead) + [False, False] + [True] * len(rest), ignore_index=True)


def actor_surface_forms(
    corpus: Corpus, *, include_copies: bool = False, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """How each actor is named: one row per (actor, how, surface) with its counts.

    Shows that ``Viktor Gennadievich Khrenin``, ``Khrenin Viktor Gennadievich`` and ``Khrenin``
    are one person, counted once per article.  Sorted by actor, then mentions (descending).

    Examples
    --------
    >>> import defcoop
    >>> f = actor_surface_forms(defcoop.load(defcoop.paths.SEEDS_DIR))
    >>> cols = ["surface", "how", "mentions", "articles"]
    >>> print(f.loc[f["actor_id"] == "viktor-khrenin", cols].to_string(index=False))
                        surface   how  mentions  articles
                        Khrenin short         2         2
    Khrenin Viktor Gennadievich  name         2         1
                       minister title         2         1
    Viktor Gennadievich Khrenin  name         1         1
               defence minister title         1         1
    """
    m = actor_mentions(corpus, include_copies=include_copies) if mentions is None else mentions
    out = m.groupby(["actor_id", "actor", "how", "surface"], as_index=False, sort=False).agg(
        mentions=("start", "size"), articles=("doc_id", "nunique")
    )
    return out.sort_values(
        ["actor_id", "mentions", "articles", "surface", "how"],
        ascending=[True, False, False, True, True],
        ignore_index=True,
    )


def actor_kwic(
    corpus: Corpus,
    *,
    actor_ids: Sequence[str] | None = None,
    width: int = 50,
    include_copies: bool = False,
    mentions: pd.DataFrame | None = None,
    per_actor: int | None = None,
) -> pd.DataFrame:
    """Keyword in context for actor mentions, within their sentence: the evidence behind every count.

    Parameters
    ----------
    actor_ids : only these actors, in this order (default: all, by actor id).
    width : characters of context on each side (whitespace squashed).
    per_actor : at most this many mentions of each actor, the first by article and offset
        (a minister can have tens of thousands on a large corpus); default all.

    Returns
    -------
    DataFrame ``actor_id, actor, doc_id, sent_no, start, end, how, left, match, right``;
    ``start``/``end`` index ``docs.text`` of ``doc_id``, so ``text[start:end] == match``.

    Examples
    --------
    >>> import defcoop
    >>> k = actor_kwic(defcoop.load(defcoop.paths.SEEDS_DIR), actor_ids=["sergei-shoigu"], width=25)
    >>> r = k.iloc[0]
    >>> print(r["doc_id"], r["start"], r["end"], repr(r["left"]), repr(r["match"]), repr(r["right"]))
    004_d34a69dbff5fb9f4 1096 1106 '…r the pandemic, Minister' 'S.K.Shoigu' 'will visit Vietnam and a…'
    """
    m = actor_mentions(corpus, include_copies=include_copies) if mentions is None else mentions
    if actor_ids is not None:
        rank = {a: i for i, a in enumerate(actor_ids)}
        m = m[m["actor_id"].isin(rank)].assign(_rank=lambda x: x["actor_id"].map(rank))
    else:
        m = m.assign(_rank=0)
    m = m.sort_values(["_rank", "actor_id", "doc_id", "start"])
    if per_actor is not None:
        m = m.groupby("actor_id", sort=False).head(per_actor)
    texts = ArticleTexts(corpus.docs)
    bounds = sentence_bounds(corpus.sentences, m[["doc_id", "sent_no"]], text=False)
    rows = []
    for r in m.itertuples(index=False):
        t = texts[r.doc_id]
        s0, s1 = bounds[(r.doc_id, int(r.sent_no))][:2]
        left = " ".join(t[s0 : r.start].split())
        right = " ".join(t[r.end : s1].split())
        rows.append(
            {
                "actor_id": r.actor_id,
                "actor": r.actor,
                "doc_id": r.doc_id,
                "sent_no": r.sent_no,
                "start": r.start,
                "end": r.end,
                "how": r.how,
                "left": left if len(left) <= width else "…" + left[-(width - 1) :],
                "match": t[r.start : r.end],
                "right": right if len(right) <= width else right[: width - 1] + "…",
            }
        )
    cols = ["actor_id", "actor", "doc_id", "sent_no", "start", "end", "how", "left", "match", "right"]
    return pd.DataFrame(rows, columns=cols)


def unregistered_actors(
    corpus: Corpus, *, include_copies: bool = False, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Officials found through a title but missing from the registry, for review.

    Returns one row per unregistered official: ``actor_id, name, country, title`` (as written
    before the name at first mention), ``office`` (when the title names one), ``articles``,
    ``mentions`` and the evidence of the first mention (``doc_id, sent_no, start, end,
    sentence``).  Sorted by articles, mentions (descending), then id.  Empty (with these
    columns) when every official found is registered.

    Examples
    --------
    >>> import defcoop
    >>> len(unregistered_actors(defcoop.load(defcoop.paths.SEEDS_DIR)))
    0
    """
    m = actor_mentions(corpus, include_copies=include_copies) if mentions is None else mentions
    m = m[~m["registered"]]
    cols = [
        "actor_id",
        "name",
        "country",
        "title",
        "office",
        "articles",
        "mentions",
        "doc_id",
        "sent_no",
        "start",
        "end",
        "sentence",
    ]
    if m.empty:
        return pd.DataFrame(columns=cols)
    # the first mention: the first full one (how == unregistered) if any, in (doc_id, start) order
    ordered = m.assign(_later=m["how"] != "unregistered").sort_values(
        ["actor_id", "_later", "doc_id", "start"], kind="stable"
    )
    first = ordered.drop_duplicates("actor_id").set_index("actor_id")
    counts = m.groupby("actor_id", sort=True).agg(articles=("doc_id", "nunique"), mentions=("start", "size"))
    first = first.loc[counts.index]
    texts = ArticleTexts(corpus.docs)
    bounds = sentence_bounds(corpus.sentences, first[["doc_id", "sent_no"]], text=False)
    titles_written = []
    for d, n, pos in zip(first["doc_id"], first["sent_no"], first["start"], strict=True):
        s0, s1 = bounds[(d, int(n))][:2]
        titles_written.append(title_before(texts[d], s0, s1, int(pos))[0])
    out = pd.DataFrame(
        {
            "actor_id": counts.index.to_numpy(),
            "name": first["actor"].to_numpy(),
            "country": first["country"].to_numpy(),
            "title": titles_written,
            "office": first["office"].to_numpy(),
            "articles": counts["articles"].to_numpy(),
            "mentions": counts["mentions"].to_numpy(),
            "doc_id": first["doc_id"].to_numpy(),
            "sent_no": first["sent_no"].astype(int).to_numpy(),
            "start": first["start"].astype(int).to_numpy(),
            "end": first["end"].astype(int).to_numpy(),
            "sentence": first["sentence"].to_numpy(),
        },
        columns=cols,
    )
    return out.sort_values(["articles", "mentions", "actor_id"], ascending=[False, False, True], ignore_index=True)


# --------------------------------------------------------------------------------------------
# Who met whom
# --------------------------------------------------------------------------------------------


def meeting_pairs(
    corpus: Corpus,
    *,
    evidence: Evidence = "sentence",
    include_copies: bool = False,
) -> pd.DataFrame:
    """Vietnamese–foreign pairs of officials per article, with the evidence that they met: the
    rows of ``corpus.meetings`` (:mod:`defcoop.annotate.meetings`, the one definition of a
    meeting, which notebook 04's timeline uses too) that the options keep.

    Parameters
    ----------
    corpus : a loaded corpus.
    evidence : ``"sentence"`` keeps pairs named together in a sentence with a meeting cue
        (``MEETING_CUES``); ``"article"`` keeps every pair named in the same article, marked
        ``same article`` when no meeting sentence supports it.
    include_copies : keep syndicated copies (``story_id`` then tells copies of one story apart).

    Returns
    -------
    One row per (article, Vietnamese official, foreign official) with the first meeting
    sentence (``sent_no, start, end, sentence``) and its ``cue``; ``host``/``guest`` (names,
    empty when the text does not say) and ``host_basis`` (``cue: received`` or
    ``place: Hanoi``); ``place`` (a capital city; ``place_source`` says whether it was named in
    the meeting sentence, in the dateline, or is the only capital in the article) and
    ``online``.  Officials of unknown nationality are not paired.  Sorted by ``doc_id``,
    ``sent_no``, names.

    Examples
    --------
    >>> import defcoop
    >>> p = meeting_pairs(defcoop.load(defcoop.paths.SEEDS_DIR))
    >>> print(p[["doc_id", "vn_actor", "foreign_actor", "cue", "host", "place", "online"]].to_string(index=False))
                  doc_id            vn_actor     foreign_actor                    cue                host place  online
    000_792274446db92004 Đặng Thị Ngọc Thịnh     Andrei Ravkov          reception for Đặng Thị Ngọc Thịnh Hanoi   False
    000_792274446db92004       Ngô Xuân Lịch     Andrei Ravkov       discussed … with       Ngô Xuân Lịch Hanoi   False
    001_8730907d0d9a0f8e      Trần Đại Quang Vladimir Semashko reception in Hanoi for      Trần Đại Quang Hanoi   False
    002_4f2acdd73294d25d      Phan Văn Giang    Viktor Khrenin             talks with      Phan Văn Giang Hanoi   False
    003_a96526d9f035a37c         Lương Cường    Viktor Khrenin               receives         Lương Cường Hanoi   False
    003_a96526d9f035a37c      Phan Văn Giang    Viktor Khrenin             talks with      Phan Văn Giang Hanoi   False
    004_d34a69dbff5fb9f4     Nguyễn Chí Vịnh   Alexander Fomin      discussion … with                              True
    """
    if evidence not in ("sentence", "article"):
        raise ValueError(f"evidence must be 'sentence' or 'article'; got {evidence!r}")
    _require_officials(corpus, _docs(corpus, include_copies))
    m = corpus.meetings
    keep = (m["evidence"] == "meeting sentence") if evidence == "sentence" else pd.Series(True, index=m.index)
    if not include_copies:
        keep &= m["doc_id"].isin(corpus.docs.loc[story_mask(corpus.docs), "doc_id"])
    return m[keep].reset_index(drop=True)


def meeting_edges(pairs: pd.DataFrame) -> pd.DataFrame:
    """Aggregate :func:`meeting_pairs` to one row per pair of officials (the network's edges).

    ``stories`` (the edge weight) counts distinct stories, so a syndicated copy never adds to
    it; ``articles`` counts the articles; ``meeting_dates`` the distinct article dates (two
    stories about one visit share a date); ``hosted_by`` lists ``name (n)`` per host found;
    the offices are those of the latest meeting.  Sorted by stories (descending), then names.

    Examples
    --------
    >>> import defcoop
    >>> e = meeting_edges(meeting_pairs(defcoop.load(defcoop.paths.SEEDS_DIR)))
    >>> print(e[["vn_actor", "foreign_actor", "stories", "meeting_dates", "hosted_by"]].head(2).to_string(index=False))
          vn_actor  foreign_actor  stories  meeting_dates          hosted_by
    Phan Văn Giang Viktor Khrenin        2              1 Phan Văn Giang (2)
       Lương Cường Viktor Khrenin        1              1    Lương Cường (1)
    """
    keys = ["vn_actor_id", "foreign_actor_id"]
    if pairs.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    s = pairs.sort_values([*keys, "date", "doc_id"], kind="stable")
    out = s.groupby(keys, sort=True).agg(
        vn_actor=("vn_actor", "first"),
        vn_office=("vn_office", "last"),
        foreign_actor=("foreign_actor", "first"),
        foreign_country=("foreign_country", "first"),
        foreign_office=("foreign_office", "last"),
        stories=("story_id", "nunique"),
        articles=("doc_id", "nunique"),
        online=("online", "any"),
    )
    dated = s[s["date"] != ""].groupby(keys)["date"].agg(["nunique", "min", "max"])
    out["meeting_dates"] = dated["nunique"].reindex(out.index).fillna(0).astype(int)
    out["first_date"] = dated["min"].reindex(out.index).fillna("")
    out["last_date"] = dated["max"].reindex(out.index).fillna("")
    hosts: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for (v, f, h), n in s[s["host"] != ""].groupby([*keys, "host"]).size().items():
        hosts.setdefault((v, f), []).append((-int(n), h))
    out["hosted_by"] = ["; ".join(f"{h} ({-n})" for n, h in sorted(hosts.get(k, []))) for k in out.index]
    places: dict[tuple[str, str], set[str]] = {}
    for v, f, place in columns(s.loc[s["place"] != "", [*keys, "place"]].drop_duplicates(), *keys, "place"):
        places.setdefault((v, f), set()).add(place)
    out["places"] = [
        "; ".join(sorted(places.get(k, set()) | ({"online"} if on else set())))
        for k, on in zip(out.index, out["online"], strict=True)
    ]
    docs: dict[tuple[str, str], set[str]] = {}
    for v, f, d in columns(s, *keys, "doc_id"):
        docs.setdefault((v, f), set()).add(d)
    out["doc_ids"] = ["; ".join(sorted(docs[k])) for k in out.index]
    out["online"] = out["online"].astype(bool)
    out = out.reset_index()[EDGE_COLUMNS]
    return out.sort_values(
        ["stories", "articles", "vn_actor", "foreign_actor"], ascending=[False, False, True, True], ignore_index=True
    )


def strongest_edges(edges: pd.DataFrame, *, max_nodes: int = 30, max_edges: int = 45) -> tuple[pd.DataFrame, str]:
    """The part of the meeting network that can be drawn legibly, and a sentence saying what was cut.

    Pairs are taken in the order of :func:`meeting_edges` (most stories first) and kept while
    their officials fit in ``max_nodes``, up to ``max_edges`` pairs: the strongest pairs, drawn
    with both their ends.  When nothing has to be cut the edges come back unchanged and the
    sentence is empty.

    Examples
    --------
    >>> e = pd.DataFrame({"vn_actor_id": ["a", "a", "b"], "vn_actor": ["A", "A", "B"],
    ...                   "foreign_actor_id": ["x", "y", "y"], "foreign_actor": ["X", "Y", "Y"],
    ...                   "stories": [5, 2, 1], "articles": [5, 2, 1]})
    >>> kept, cut = strongest_edges(e, max_nodes=3)
    >>> kept[["vn_actor", "foreign_actor"]].values.tolist(), cut
    ([['A', 'X'], ['A', 'Y']], 'the 2 pairs with most stories (of 3), among 3 officials (of 4)')
    >>> strongest_edges(e)[1]
    ''
    """
    officials = set(edges["vn_actor_id"]) | set(edges["foreign_actor_id"])
    if len(officials) <= max_nodes and len(edges) <= max_edges:
        return edges, ""
    nodes: set[str] = set()
    keep = []
    for i, (v, f) in enumerate(zip(edges["vn_actor_id"], edges["foreign_actor_id"], strict=True)):
        if len(keep) == max_edges:
            break
        if len(nodes | {v, f}) <= max_nodes:
            nodes |= {v, f}
            keep.append(i)
    kept = edges.iloc[keep].reset_index(drop=True)
    return kept, (
        f"the {len(kept)} pairs with most stories (of {len(edges):,}), among {len(nodes)} officials "
        f"(of {len(officials):,})"
    )


def meeting_graph(edges: pd.DataFrame) -> nx.Graph:
    """The meeting network: officials as nodes, ``weight`` = distinct stories.

    Nodes carry ``name``, ``country``, ``office`` (at their latest meeting) and ``side``
    (``Vietnam`` or ``foreign``); edges carry ``weight`` (stories), ``articles`` and ``online``.
    Nodes and edges are inserted in sorted order so that drawing is deterministic.

    Examples
    --------
    >>> import defcoop
    >>> g = meeting_graph(meeting_edges(meeting_pairs(defcoop.load(defcoop.paths.SEEDS_DIR))))
    >>> g.number_of_nodes(), g.number_of_edges(), g["phan-van-giang"]["viktor-khrenin"]["weight"]
    (10, 6, 2)
    """
    g = nx.Graph()
    home = geo().self_name
    nodes: dict[str, dict] = {}
    for r in edges.sort_values(["last_date", "vn_actor_id", "foreign_actor_id"]).itertuples(index=False):
        nodes[r.vn_actor_id] = {"name": r.vn_actor, "country": home, "office": r.vn_office, "side": "Vietnam"}
        nodes[r.foreign_actor_id] = {
            "name": r.foreign_actor,
            "country": r.foreign_country,
            "office": r.foreign_office,
            "side": "foreign",
        }
    for n in sorted(nodes):
        g.add_node(n, **nodes[n])
    for r in sorted(edges.itertuples(index=False), key=lambda r: (r.vn_actor_id, r.foreign_actor_id)):
        g.add_edge(
            r.vn_actor_id, r.foreign_actor_id, weight=int(r.stories), articles=int(r.articles), online=bool(r.online)
        )
    return g


def meeting_layout(graph: nx.Graph, *, gap: float = 1.0) -> dict[str, tuple[float, float]]:
    """Deterministic two-column positions: Vietnamese officials left, foreign officials right.

    Foreign officials are ordered by country, then name; each Vietnamese official is placed at
    the weighted mean height of their counterparts (ties by name), which keeps lines short and
    crossings few.  No randomness, so the drawing is the same on every run.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("a", name="A", country="Vietnam", side="Vietnam")
    >>> g.add_node("b", name="B", country="Belarus", side="foreign")
    >>> g.add_edge("a", "b", weight=1)
    >>> meeting_layout(g)
    {'a': (0.0, 0.0), 'b': (1.0, 0.0)}
    """
    foreign = sorted(
        (n for n, d in graph.nodes(data=True) if d["side"] != "Vietnam"),
        key=lambda n: (graph.nodes[n]["country"], graph.nodes[n]["name"], n),
    )
    fy = {n: -i * gap for i, n in enumerate(foreign)}

    def centre(n: str) -> float:
        nb = [(fy[m], graph[n][m].get("weight", 1)) for m in graph[n] if m in fy]
        total = sum(w for _, w in nb)
        return sum(y * w for y, w in nb) / total if total else 0.0

    home = sorted(
        (n for n, d in graph.nodes(data=True) if d["side"] == "Vietnam"),
        key=lambda n: (-centre(n), graph.nodes[n]["name"], n),
    )
    # spread both columns over the same height
    span = max(len(home), len(foreign), 1) - 1
    pos: dict[str, tuple[float, float]] = {}
    for col, ordered in ((0.0, home), (1.0, foreign)):
        step = span / (len(ordered) - 1) if len(ordered) > 1 else 0.0
        offset = 0.0 if len(ordered) > 1 else -span / 2
        for i, n in enumerate(ordered):
            pos[n] = (col, round(offset - i * step * gap, 6) + 0.0)
    return {n: pos[n] for n in sorted(pos)}
