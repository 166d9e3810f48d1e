"""Actor frequencies and meeting pairs: who appears, how often, in what office, and who met whom.

Every function takes a :class:`~defcoop.load.Corpus` and returns a new tidy DataFrame, sorted
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

import datetime as dt
import re
from collections.abc import Sequence
from typing import Literal

import networkx as nx
import pandas as pd

from defcoop.actors import OFFICE_LEVEL, Actor, registry, titles
from defcoop.errors import InsufficientData
from defcoop.geo import geo
from defcoop.load import Corpus
from defcoop.text import fold, fold_preserving_length

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
    "unregistered_actors",
]

Grouping = Literal["actor", "country", "office", "level", "year"]
Evidence = Literal["sentence", "article"]
CueRole = Literal["object_is_guest", "object_is_host", "neutral"]

#: Meeting cues, in priority order (an earlier cue wins where two overlap).  The *object* of a
#: cue is the first official named after it; the role says whether that official is the guest
#: (``X received Y``), the host (``X was received by Y``) or neither (``X held talks with Y``).
MEETING_CUES: tuple[tuple[str, re.Pattern[str], CueRole], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE), role)
    for name, pattern, role in (
        (
            "received by",
            r"\b(?:was|were|been|being)\s+(?:warmly\s+)?(?:received|welcomed|hosted)\s+by\b",
            "object_is_host",
        ),
        (
            "courtesy call on",
            r"\bpa(?:id|ys?|ying)\s+(?:a\s+)?courtesy\s+(?:call|visit)s?\s+(?:on|to)\b",
            "object_is_host",
        ),
        ("reception for", r"\b(?:reception|banquet|welcome\s+ceremony|dinner)\b[^.;]{0,40}?\bfor\b", "object_is_guest"),
        ("received", r"\b(?:received|receives|hosted|hosts|welcomed|welcomes|greeted|greets)\b", "object_is_guest"),
        (
            "talks with",
            r"\b(?:talks|talked|discussion|discussions|discussed|discusses|conversation|call|meeting|meetings"
            r"|met|meets)\b[^.;]{0,80}?\bwith\b",
            "neutral",
        ),
        ("met", r"\b(?:met|meets)\b", "neutral"),
    )
)
ONLINE = re.compile(
    r"\b(?:online|virtual(?:ly)?|video[- ]?(?:conference|link|call)s?|videoconferenc\w*|teleconferenc\w*"
    r"|(?:tele)?phone)\b",
    re.IGNORECASE,
)
_DATELINE_TAIL = re.compile(r"^\s*(?:\(\w+\)\s*)?[—–-]")

MENTION_TABLE_COLUMNS = [
    "doc_id",
    "story_id",
    "date",
    "year",
    "actor_id",
    "actor",
    "country",
    "registered",
    "office",
    "level",
    "how",
    "surface",
    "sent_no",
    "start",
    "end",
    "sentence",
]
_KEYS: dict[str, list[str]] = {
    "actor": ["actor_id", "actor", "country", "registered"],
    "country": ["country"],
    "office": ["office", "level"],
    "level": ["level"],
    "year": ["year"],
}
PAIR_COLUMNS = [
    "doc_id",
    "story_id",
    "date",
    "vn_actor_id",
    "vn_actor",
    "vn_office",
    "foreign_actor_id",
    "foreign_actor",
    "foreign_country",
    "foreign_office",
    "evidence",
    "cue",
    "host",
    "guest",
    "host_basis",
    "place",
    "place_source",
    "online",
    "sent_no",
    "start",
    "end",
    "sentence",
]
EDGE_COLUMNS = [
    "vn_actor_id",
    "vn_actor",
    "vn_office",
    "foreign_actor_id",
    "foreign_actor",
    "foreign_country",
    "foreign_office",
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
NO_OFFICE = "(no office on record)"
UNDATED = "(undated article)"
UNKNOWN = "unknown"
UNREGISTERED_TITLE = "(unregistered, other title)"


def office_label(office: str) -> str:
    """Readable label of a registry office id.

    >>> office_label("deputy_defence_minister")
    'deputy defence minister'
    >>> office_label("")
    '(no office on record)'
    """
    return office.replace("_", " ") if office else NO_OFFICE


# --------------------------------------------------------------------------------------------
# Mentions and (doc, actor) rows
# --------------------------------------------------------------------------------------------


def _docs(corpus: Corpus, include_copies: bool) -> pd.DataFrame:
    docs = corpus.docs if include_copies else corpus.stories
    docs = docs.assign(
        story_id=[d or i for i, d in zip(docs["doc_id"], docs["duplicate_of"], strict=True)],
        year=docs["date"].str[:4].where(docs["date"] != "", "undated"),
    )
    return docs


def _period(date: str, precision: str) -> tuple[dt.date, dt.date] | None:
    if not date or precision == "none":
        return None
    if precision == "day":
        d = dt.date.fromisoformat(date)
        return d, d
    if precision == "month":
        y, m = int(date[:4]), int(date[5:7])
        first = dt.date(y, m, 1)
        last = (dt.date(y + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)
        return first, last
    y = int(date[:4])
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _offices_during(actor: Actor, period: tuple[dt.date, dt.date]) -> list[str]:
    """Offices (registry ids) ``actor`` held during ``period``, most senior first."""
    first, last = period
    held = [o.office for o in actor.offices if o.start <= last and (o.end is None or o.end >= first)]
    return list(dict.fromkeys(held))


def _title_before(text: str, sent_start: int, sent_end: int, pos: int, *, adjacent: bool = False) -> tuple[str, str]:
    """(title as written, office id) of the title chain introducing the name at ``pos``.

    With ``adjacent`` the chain must end right before the name (``Chief of the General Staff
    Sen. Lieut. Gen. Phan Văn Giang``); otherwise words may come between (``Ambassador to
    Vietnam Uladzimir Kazlou``).
    """
    seg = text[sent_start:sent_end]
    hits = [h for h in titles().matcher.find(seg, fold_preserving_length(seg)) if h.end + sent_start <= pos]
    if not hits or (adjacent and seg[hits[-1].end : pos - sent_start].strip() != ""):
        return "", ""
    chain = [hits[-1]]
    for h in reversed(hits[:-1]):
        if seg[h.end : chain[0].start].strip() == "":
            chain.insert(0, h)
        else:
            break
    written = " ".join(text[chain[0].start + sent_start : pos].split()).strip(" ,")
    office = next((o for h in chain for (o, kind) in h.values if kind == "office" and o), "")
    if not office:
        for h in reversed(chain):
            key = fold(seg[h.start : h.end]).replace(" ", "_").strip(".")
            if key in OFFICE_LEVEL:
                office = key
                break
    return written, office


def _office_in_doc(actor: Actor, doc: pd.Series, m: pd.DataFrame, texts: pd.Series, sents: pd.DataFrame) -> str:
    """The office ``actor`` held on the article's date; where they held several at once (a chief
    of general staff who is also deputy minister), the one the article's titles name, else the
    most senior."""
    period = _period(doc["date"], doc["date_precision"])
    if period is None:
        return UNDATED
    held = _offices_during(actor, period)
    if len(held) <= 1:
        return held[0] if held else ""
    named = m[(m["doc_id"] == doc.name) & (m["id"] == actor.actor_id) & (m["how"] == "name")]
    for r in named.sort_values("start").itertuples(index=False):
        s = sents.loc[(r.doc_id, r.sent_no)]
        office = _title_before(texts[r.doc_id], int(s["start"]), int(s["end"]), r.start, adjacent=True)[1]
        if office in held:
            return office
    return held[0]


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
    003_a96526d9f035a37c                    minister title defence minister
    003_a96526d9f035a37c                    minister title defence minister
    003_a96526d9f035a37c                     Khrenin short defence minister
    """
    docs = _docs(corpus, include_copies)
    if docs.empty:
        skipped = f" ({len(corpus.skipped)} files skipped, see the load report)" if len(corpus.skipped) else ""
        raise InsufficientData(
            f"actor frequencies need at least one article; the corpus {corpus.name!r} has none{skipped}"
        )
    m = corpus.mentions
    m = m[(m["kind"] == "actor") & m["doc_id"].isin(docs["doc_id"])]
    if m.empty:
        langs = ", ".join(f"{n} {lang}" for lang, n in sorted(docs["language"].value_counts().items()))
        raise InsufficientData(
            f"no official (registered or introduced by a title) was found in the {len(docs)} "
            f"article{'s' if len(docs) != 1 else ''} of {corpus.name!r} ({langs}); actors are only "
            "annotated in English text, so there is nothing to count"
        )
    reg = registry()
    info = docs.set_index("doc_id")
    texts = info["text"]
    sents = corpus.sentences.set_index(["doc_id", "sent_no"])
    unreg_office: dict[str, str] = {}
    for r in m[m["how"] == "unregistered"].sort_values(["doc_id", "start"]).itertuples(index=False):
        if r.id not in unreg_office:
            s = sents.loc[(r.doc_id, r.sent_no)]
            unreg_office[r.id] = _title_before(texts[r.doc_id], int(s["start"]), int(s["end"]), r.start)[1]
    office_cache: dict[tuple[str, str], str] = {}
    rows = []
    for r in m.itertuples(index=False):
        d = info.loc[r.doc_id]
        if r.id in reg.actors:
            a = reg.actors[r.id]
            name, country = a.name, a.country
            key = (r.id, r.doc_id)
            if key not in office_cache:
                office_cache[key] = _office_in_doc(a, d, m, texts, sents)
            office = office_cache[key]
        else:
            name, country = "", r.country
            office = unreg_office.get(r.id, "") or UNREGISTERED_TITLE
        rows.append(
            {
                "doc_id": r.doc_id,
                "story_id": d["story_id"],
                "date": d["date"],
                "year": d["year"],
                "actor_id": r.id,
                "actor": name,
                "country": country or UNKNOWN,
                "registered": bool(r.registered),
                "office": office,
                "how": r.how,
                "surface": r.surface,
                "sent_no": int(r.sent_no),
                "start": int(r.start),
                "end": int(r.end),
                "sentence": r.sentence,
            }
        )
    out = pd.DataFrame(rows)
    # display names of unregistered officials: the surface of their first full mention
    first_full = (
        out[out["how"] == "unregistered"]
        .sort_values(["doc_id", "start"])
        .drop_duplicates("actor_id")
        .set_index("actor_id")["surface"]
    )
    missing = out["actor"] == ""
    out.loc[missing, "actor"] = (
        out.loc[missing, "actor_id"]
        .map(first_full)
        .fillna(out.loc[missing, "actor_id"].str.removeprefix("unregistered:"))
    )
    out["level"] = [OFFICE_LEVEL.get(o, UNKNOWN) for o in out["office"]]
    out["office"] = [o if o.startswith("(") else office_label(o) for o in out["office"]]
    return out[MENTION_TABLE_COLUMNS].sort_values(["doc_id", "start", "end", "actor_id"], ignore_index=True)


def actor_documents(corpus: Corpus, *, include_copies: bool = False) -> pd.DataFrame:
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
    003_a96526d9f035a37c         5
    """
    m = actor_mentions(corpus, include_copies=include_copies)
    keys = ["doc_id", "story_id", "date", "year", "actor_id", "actor", "country", "registered", "office", "level"]
    out = m.groupby(keys, as_index=False, sort=False).agg(mentions=("start", "size"), first_start=("start", "min"))
    return out.sort_values(["doc_id", "first_start", "actor_id"], ignore_index=True)


def actor_frequencies(
    corpus: Corpus,
    *,
    by: Grouping | Sequence[Grouping] = "actor",
    include_copies: bool = False,
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
    0  Vietnam         5        27       6
    1  Belarus         4        12       3
    2   Russia         1         4       2
    >>> actor_frequencies(seeds, by="year")
       year  articles  mentions  actors
    0  2018         2        16       5
    1  2020         1         7       3
    2  2024         2        20       3
    """
    groups = [by] if isinstance(by, str) else list(by)
    unknown = [g for g in groups if g not in _KEYS]
    if not groups or unknown:
        raise ValueError(f"by must be some of {sorted(_KEYS)}; got {unknown or groups!r}")
    keys = list(dict.fromkeys(k for g in groups for k in _KEYS[g]))
    m = actor_mentions(corpus, include_copies=include_copies)
    agg = {"articles": ("doc_id", "nunique"), "mentions": ("start", "size")}
    if "actor" not in groups:
        agg["actors"] = ("actor_id", "nunique")
    out = m.groupby(keys, as_index=False, sort=False).agg(**agg)
    lead = ["year"] if "year" in keys else []  # years read in time order, not by size
    rest = [k for k in keys if k not in lead]
    order = [*lead, "articles", "mentions", *rest]
    return out.sort_values(order, ascending=[True] * len(lead) + [False, False] + [True] * len(rest), ignore_index=True)


def actor_surface_forms(corpus: Corpus, *, include_copies: bool = False) -> pd.DataFrame:
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
                       minister title         2         1
    Khrenin Viktor Gennadievich  name         1         1
    Viktor Gennadievich Khrenin  name         1         1
               defence minister title         1         1
    """
    m = actor_mentions(corpus, include_copies=include_copies)
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
) -> pd.DataFrame:
    """Keyword in context for actor mentions, within their sentence: the evidence behind every count.

    Parameters
    ----------
    actor_ids : only these actors, in this order (default: all, by actor id).
    width : characters of context on each side (whitespace squashed).

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
    m = actor_mentions(corpus, include_copies=include_copies)
    if actor_ids is not None:
        rank = {a: i for i, a in enumerate(actor_ids)}
        m = m[m["actor_id"].isin(rank)].assign(_rank=lambda x: x["actor_id"].map(rank))
    else:
        m = m.assign(_rank=0)
    texts = corpus.docs.set_index("doc_id")["text"]
    bounds = corpus.sentences.set_index(["doc_id", "sent_no"])[["start", "end"]]
    rows = []
    for r in m.sort_values(["_rank", "actor_id", "doc_id", "start"]).itertuples(index=False):
        t = texts[r.doc_id]
        s0, s1 = (int(x) for x in bounds.loc[(r.doc_id, r.sent_no)])
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


def unregistered_actors(corpus: Corpus, *, include_copies: bool = False) -> pd.DataFrame:
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
    m = actor_mentions(corpus, include_copies=include_copies)
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
    texts = corpus.docs.set_index("doc_id")["text"]
    sents = corpus.sentences.set_index(["doc_id", "sent_no"])
    rows = []
    for aid, g in m.groupby("actor_id", sort=True):
        firsts = g[g["how"] == "unregistered"].sort_values(["doc_id", "start"])
        first = (firsts if len(firsts) else g.sort_values(["doc_id", "start"])).iloc[0]
        s = sents.loc[(first["doc_id"], first["sent_no"])]
        title, _office = _title_before(texts[first["doc_id"]], int(s["start"]), int(s["end"]), int(first["start"]))
        rows.append(
            {
                "actor_id": aid,
                "name": first["actor"],
                "country": first["country"],
                "title": title,
                "office": first["office"],
                "articles": g["doc_id"].nunique(),
                "mentions": len(g),
                "doc_id": first["doc_id"],
                "sent_no": int(first["sent_no"]),
                "start": int(first["start"]),
                "end": int(first["end"]),
                "sentence": first["sentence"],
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["articles", "mentions", "actor_id"], ascending=[False, False, True], ignore_index=True)


# --------------------------------------------------------------------------------------------
# Who met whom
# --------------------------------------------------------------------------------------------


def _canonical_city(country: str, surface: str) -> str:
    key = fold(surface).replace(" ", "")
    for c in geo().countries[country].capitals:
        if fold(c).replace(" ", "") == key:
            return c
    return surface


def _cues(sentence: str) -> list[tuple[int, int, str, str]]:
    """Non-overlapping meeting cues in ``sentence``: (start, end, name, role), in text order."""
    chosen: list[tuple[int, int, str, str]] = []
    for _name, pattern, role in MEETING_CUES:
        for m in pattern.finditer(sentence):
            if not any(m.start() < e and s < m.end() for s, e, _, _ in chosen):
                words = m.group(0).split()
                label = " ".join(words) if len(words) <= 4 else f"{words[0]} … {words[-1]}"
                chosen.append((m.start(), m.end(), label, role))
    return sorted(chosen)


def _places(corpus: Corpus, doc_ids: set[str]) -> tuple[dict, dict, dict]:
    """Capitals per (doc, sentence), the dateline city per doc, the single capital per doc."""
    c = corpus.mentions
    c = c[(c["kind"] == "country") & (c["how"] == "capital") & c["doc_id"].isin(doc_ids)]
    by_sent: dict[tuple[str, int], tuple[str, str]] = {}
    by_doc: dict[str, set[tuple[str, str]]] = {}
    dateline: dict[str, tuple[str, str]] = {}
    sents = corpus.sentences.set_index(["doc_id", "sent_no"])
    texts = corpus.docs.set_index("doc_id")["text"]
    for r in c.sort_values(["doc_id", "start"]).itertuples(index=False):
        city = (_canonical_city(r.id, r.surface), r.id)
        by_sent.setdefault((r.doc_id, r.sent_no), city)
        by_doc.setdefault(r.doc_id, set()).add(city)
        s = sents.loc[(r.doc_id, r.sent_no)]
        lead = texts[r.doc_id][int(s["start"]) : r.start].strip(" \t\r\n–—-")
        after = texts[r.doc_id][r.end : r.end + 20]
        if (
            r.doc_id not in dateline
            and s["section"] == "body"
            and lead == ""
            and (r.surface.isupper() or _DATELINE_TAIL.match(after))
        ):
            dateline[r.doc_id] = city
    single = {d: next(iter(v)) for d, v in by_doc.items() if len(v) == 1}
    return by_sent, dateline, single


def meeting_pairs(
    corpus: Corpus,
    *,
    evidence: Evidence = "sentence",
    include_copies: bool = False,
) -> pd.DataFrame:
    """Vietnamese–foreign pairs of officials per article, with the evidence that they met.

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
    m = actor_mentions(corpus, include_copies=include_copies)
    home = geo().self_name
    m = m[m["country"] != UNKNOWN].assign(vn=lambda x: x["country"] == home)
    sents = corpus.sentences.set_index(["doc_id", "sent_no"])
    texts = corpus.docs.set_index("doc_id")["text"]
    by_sent, dateline, single = _places(corpus, set(m["doc_id"]))
    names = dict(zip(m["actor_id"], m["actor"], strict=False))
    found: dict[tuple[str, str, str], list[dict]] = {}
    for (doc_id, sent_no), g in m.groupby(["doc_id", "sent_no"], sort=True):
        if g["vn"].all() or not g["vn"].any():
            continue
        s = sents.loc[(doc_id, sent_no)]
        s0 = int(s["start"])
        seg = texts[doc_id][s0 : int(s["end"])]
        hits = sorted(zip(g["start"] - s0, g["actor_id"], g["vn"], strict=True))
        online = bool(ONLINE.search(seg))
        for c_start, c_end, cue, role in _cues(seg):
            after = [h for h in hits if h[0] >= c_end]
            before = [h for h in hits if h[0] < c_start]
            if after:
                obj = after[0]
                other = [h for h in reversed(before) if h[2] != obj[2]] + [h for h in after[1:] if h[2] != obj[2]]
                if not other:
                    continue
                partner = other[0]
            else:
                vns = [h for h in reversed(before) if h[2]]
                fos = [h for h in reversed(before) if not h[2]]
                if not vns or not fos:
                    continue
                obj, partner, role = vns[0], fos[0], "neutral"
            vn, fo = (obj, partner) if obj[2] else (partner, obj)
            host, basis = "", ""
            if role == "object_is_guest":
                host, basis = partner[1], f"cue: {cue}"
            elif role == "object_is_host":
                host, basis = obj[1], f"cue: {cue}"
            found.setdefault((doc_id, vn[1], fo[1]), []).append(
                {
                    "sent_no": int(sent_no),
                    "start": s0,
                    "end": int(s["end"]),
                    "sentence": s["sentence"],
                    "cue": cue,
                    "host": host,
                    "basis": basis,
                    "online": online,
                }
            )
    docs = _docs(corpus, include_copies).set_index("doc_id")
    first_office = m.drop_duplicates(["doc_id", "actor_id"]).set_index(["doc_id", "actor_id"])["office"]
    rows = []
    for doc_id, g in m.groupby("doc_id", sort=True):
        vns = sorted(set(g.loc[g["vn"], "actor_id"]))
        fos = sorted(set(g.loc[~g["vn"], "actor_id"]))
        for v in vns:
            for f in fos:
                ev = found.get((doc_id, v, f), [])
                if not ev and evidence == "sentence":
                    continue
                row = {
                    "doc_id": doc_id,
                    "story_id": docs.loc[doc_id, "story_id"],
                    "date": docs.loc[doc_id, "date"],
                    "vn_actor_id": v,
                    "vn_actor": names[v],
                    "vn_office": first_office[(doc_id, v)],
                    "foreign_actor_id": f,
                    "foreign_actor": names[f],
                    "foreign_country": g.loc[g["actor_id"] == f, "country"].iloc[0],
                    "foreign_office": first_office[(doc_id, f)],
                    "evidence": "meeting sentence" if ev else "same article",
                    "cue": "",
                    "host": "",
                    "guest": "",
                    "host_basis": "",
                    "place": "",
                    "place_source": "",
                    "online": False,
                    "sent_no": -1,
                    "start": -1,
                    "end": -1,
                    "sentence": "",
                }
                if ev:
                    e0 = ev[0]
                    row.update({k: e0[k] for k in ("cue", "sent_no", "start", "end", "sentence")})
                    row["online"] = any(e["online"] for e in ev)
                    if not row["online"]:
                        place = next(
                            (by_sent[(doc_id, e["sent_no"])] for e in ev if (doc_id, e["sent_no"]) in by_sent), None
                        )
                        source = "sentence"
                        if place is None and doc_id in dateline:
                            place, source = dateline[doc_id], "dateline"
                        if place is None and doc_id in single:
                            place, source = single[doc_id], "only capital in article"
                        if place is not None:
                            row["place"], row["place_source"] = place[0], source
                    by_cue = next((e for e in ev if e["host"]), None)
                    host_id = ""
                    if by_cue is not None:
                        host_id, row["host_basis"] = by_cue["host"], by_cue["basis"]
                    elif row["place"]:
                        country = place[1]
                        if country == home:
                            host_id = v
                        elif country == row["foreign_country"]:
                            host_id = f
                        if host_id:
                            row["host_basis"] = f"place: {row['place']}"
                    if host_id:
                        row["host"] = names[host_id]
                        row["guest"] = names[f if host_id == v else v]
                rows.append(row)
    out = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    out["online"] = out["online"].astype(bool)
    return out.sort_values(["doc_id", "sent_no", "vn_actor", "foreign_actor"], ignore_index=True)


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
    rows = []
    for (v, f), g in pairs.groupby(["vn_actor_id", "foreign_actor_id"], sort=True):
        g = g.sort_values(["date", "doc_id"])
        dates = sorted(d for d in set(g["date"]) if d)
        hosts = g.loc[g["host"] != "", "host"].value_counts()
        places = sorted(set(g.loc[g["place"] != "", "place"]) | ({"online"} if g["online"].any() else set()))
        rows.append(
            {
                "vn_actor_id": v,
                "vn_actor": g["vn_actor"].iloc[0],
                "vn_office": g["vn_office"].iloc[-1],
                "foreign_actor_id": f,
                "foreign_actor": g["foreign_actor"].iloc[0],
                "foreign_country": g["foreign_country"].iloc[0],
                "foreign_office": g["foreign_office"].iloc[-1],
                "stories": g["story_id"].nunique(),
                "articles": g["doc_id"].nunique(),
                "meeting_dates": len(dates),
                "first_date": dates[0] if dates else "",
                "last_date": dates[-1] if dates else "",
                "hosted_by": "; ".join(f"{h} ({n})" for h, n in sorted(hosts.items(), key=lambda x: (-x[1], x[0]))),
                "places": "; ".join(places),
                "online": bool(g["online"].any()),
                "doc_ids": "; ".join(sorted(set(g["doc_id"]))),
            }
        )
    out = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    return out.sort_values(
        ["stories", "articles", "vn_actor", "foreign_actor"], ascending=[False, False, True, True], ignore_index=True
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
