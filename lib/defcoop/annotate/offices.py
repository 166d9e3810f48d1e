"""The office each official held on the article's date: the one rule, for every analysis.

For every actor mention of the articles given, :func:`official_mentions` adds the official's
name, country and the office the registry says they held **on the article's date** (an article
of 2018 counts Nguyễn Chí Vịnh as deputy defence minister even if he later held another post).
Where an official held two offices at once (a chief of general staff who is also deputy
minister), the one the article's titles name wins, else the most senior.  Unregistered
officials (found through a title, not in the registry) take the office their title names, when
it names one.  Meetings (:mod:`defcoop.annotate.meetings`) and the actor analyses of notebook 03
both start from this table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection

import numpy as np
import pandas as pd

from defcoop.arrays import arrow_strings, take_rows
from defcoop.corpus import story_ids
from defcoop.lexicons.actors import OFFICE_LEVEL, Actor, registry, titles
from defcoop.reading.dates import parse_iso
from defcoop.schema import OFFICIAL_COLUMNS
from defcoop.text import fold, fold_preserving_length

__all__ = [
    "NO_OFFICE",
    "UNDATED",
    "UNKNOWN",
    "UNREGISTERED_TITLE",
    "columns",
    "office_label",
    "official_mentions",
    "plain",
    "sentence_bounds",
    "title_before",
]

NO_OFFICE = "(no office on record)"
UNDATED = "(undated article)"
UNKNOWN = "unknown"
UNREGISTERED_TITLE = "(unregistered, other title)"
_NON_STR = frozenset({"registered", "sent_no", "start", "end"})


def office_label(office: str) -> str:
    """Readable label of a registry office id.

    >>> office_label("deputy_defence_minister")
    'deputy defence minister'
    >>> office_label("")
    '(no office on record)'
    """
    return office.replace("_", " ") if office else NO_OFFICE


def _offices_during(actor: Actor, period: tuple[dt.date, dt.date]) -> list[str]:
    """Offices (registry ids) ``actor`` held during ``period``, most senior first."""
    first, last = period
    held = [o.office for o in actor.offices if o.start <= last and (o.end is None or o.end >= first)]
    return list(dict.fromkeys(held))


def title_before(text: str, sent_start: int, sent_end: int, pos: int, *, adjacent: bool = False) -> tuple[str, str]:
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


def _office_in_doc(
    actor: Actor,
    period: tuple[dt.date, dt.date] | None,
    named: list[tuple[int, int, int]],
    held_cache: dict,
    text: Callable[[], str],
) -> str:
    """The office ``actor`` held on the article's date; where they held several at once (a chief
    of general staff who is also deputy minister), the one the article's titles name, else the
    most senior.  ``named`` lists ``(sentence start, sentence end, name start)`` of the actor's
    full-name mentions in the article, in text order; ``text()`` gives the article's text (read
    only when the titles have to be)."""
    if period is None:
        return UNDATED
    key = (actor.actor_id, period)
    if key not in held_cache:
        held_cache[key] = _offices_during(actor, period)
    held = held_cache[key]
    if len(held) <= 1:
        return held[0] if held else ""
    for s0, s1, pos in named:
        office = title_before(text(), s0, s1, pos, adjacent=True)[1]
        if office in held:
            return office
    return held[0]


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Categorical columns (as ``Corpus.mentions`` may store them) as plain values."""
    cats = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    if not cats:
        return frame
    return frame.assign(**{c: frame[c].astype(frame[c].cat.categories.dtype) for c in cats})


def sentence_bounds(
    sentences: pd.DataFrame, keys: pd.DataFrame, *, text: bool = True
) -> dict[tuple[str, int], tuple[int, int, str, str]]:
    """``(doc_id, sent_no) -> (start, end, section, sentence)`` for the sentences named in ``keys``
    (``sentence`` empty without ``text``: the caller reads offsets only)."""
    if keys.empty:
        return {}
    # the rows first, from the columns of numbers and names; then the texts of those rows only
    # (a cut of the whole table would copy every sentence of the corpus)
    s = sentences[["doc_id", "sent_no", "start", "end", "section"]].assign(_row=np.arange(len(sentences)))
    s = s[s["doc_id"].isin(keys["doc_id"].unique())]
    s = s.merge(keys[["doc_id", "sent_no"]].drop_duplicates(), on=["doc_id", "sent_no"])
    cols = [s[c].tolist() for c in ("doc_id", "sent_no", "start", "end", "section")]
    rows = s["_row"].to_numpy()
    texts = take_rows(arrow_strings(sentences["sentence"]), rows).to_pylist() if text else [""] * len(rows)
    return {(d, int(n)): (int(a), int(b), sec, txt) for d, n, a, b, sec, txt in zip(*cols, texts, strict=True)}


class ArticleTexts:
    """``texts[doc_id]``: an article's text, read from ``docs`` when asked.

    Making every text a Python string at once (``dict(zip(doc_id, text.tolist()))``) costs the
    corpus's size again, twice for Vietnamese text (two bytes a character), and most rules need
    a few sentences of each article in turn: so each text is read when asked, and the last one
    is kept (callers go through the articles in order).

    >>> t = ArticleTexts(pd.DataFrame({"doc_id": ["a", "b"], "text": ["one", "two"]}))
    >>> t["b"], t["a"], t["b"]
    ('two', 'one', 'two')
    """

    def __init__(self, docs: pd.DataFrame) -> None:
        self._text = docs["text"]
        self._row = dict(zip(docs["doc_id"].tolist(), range(len(docs)), strict=True))
        self._last: tuple[str, str] | None = None

    def __getitem__(self, doc_id: str) -> str:
        if self._last is None or self._last[0] != doc_id:
            self._last = (doc_id, self._text.iloc[self._row[doc_id]])
        return self._last[1]


def columns(frame: pd.DataFrame, *cols: str) -> zip:
    """Rows of ``frame[cols]`` as tuples of Python values (iterating pandas string columns
    element by element costs about two microseconds each; ``tolist`` a twentieth of that)."""
    return zip(*(frame[c].tolist() for c in cols), strict=True)


def official_mentions(
    docs: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame, *, only: Collection[str] | None = None
) -> pd.DataFrame:
    """One row per actor mention of the articles in ``docs``, with the office held on their date.

    Parameters
    ----------
    docs : the articles (``doc_id, duplicate_of, date, date_precision, text`` are used).
    mentions, sentences : the corpus tables (rows of other articles are ignored).
    only : the ``doc_id`` of the articles to keep, if not all (``docs`` is not filtered, which
        would copy its text columns).

    Returns
    -------
    DataFrame with the columns :data:`defcoop.schema.OFFICIAL_COLUMNS`, sorted by ``doc_id,
    start, end, actor_id``.  ``office`` is a readable label (``defence minister``); ``(no
    office on record)`` when the registry has no office for that date, ``(undated article)``
    when the article has no date, and ``(unregistered, other title)`` for an unregistered
    official whose title names no office (a rank, a director of something).  Empty (with those
    columns) when no official is mentioned.
    """
    docs = docs.assign(story_id=story_ids(docs), year=docs["date"].str[:4].where(docs["date"] != "", "undated"))
    m = mentions
    m = m[(m["kind"] == "actor") & m["doc_id"].isin(docs["doc_id"] if only is None else only)]
    if m.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype=bool if c == "registered" else int if c in _NON_STR else str) for c in OFFICIAL_COLUMNS}
        )
    cols = ["doc_id", "id", "how", "registered", "country", "sent_no", "start", "end"]
    long_text = m[["surface", "sentence"]].reset_index(drop=True)  # converted once, at the end
    m = plain(m[cols]).reset_index(drop=True)
    m["surface"] = plain(long_text[["surface"]])["surface"]
    reg = registry()
    info = docs.set_index("doc_id")
    texts = ArticleTexts(docs)
    known = m["id"].isin(reg.actors.keys()).to_numpy()
    unreg = m["how"].eq("unregistered").to_numpy()

    # Sentence bounds only where a title has to be read: first full mentions of unregistered
    # officials, and full-name mentions of officials with two offices or more on record (looked
    # at only when two were held during the article's date).
    firsts = m[unreg].sort_values(["doc_id", "start"], kind="stable").drop_duplicates("id")
    several = {a for a in m.loc[known, "id"].unique() if len({o.office for o in reg.actors[a].offices}) > 1}
    named_rows = m[known & m["how"].eq("name").to_numpy() & m["id"].isin(several).to_numpy()]
    keys = pd.concat([firsts[["doc_id", "sent_no"]], named_rows[["doc_id", "sent_no"]]])
    bounds = sentence_bounds(sentences, keys, text=False)
    unreg_office: dict[str, str] = {}
    for d, i, n, pos in columns(firsts, "doc_id", "id", "sent_no", "start"):
        s0, s1, _, _ = bounds[(d, int(n))]
        unreg_office[i] = title_before(texts[d], s0, s1, int(pos))[1]

    # The office of each registered official, once per (official, article).
    named: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
    for d, i, n, pos in columns(named_rows.sort_values("start", kind="stable"), "doc_id", "id", "sent_no", "start"):
        s0, s1, _, _ = bounds[(d, int(n))]
        named.setdefault((d, i), []).append((s0, s1, int(pos)))
    pairs = m.loc[known, ["id", "doc_id"]].drop_duplicates(ignore_index=True)
    when = info.loc[pairs["doc_id"], ["date", "date_precision"]]
    periods: dict[tuple[str, str], tuple[dt.date, dt.date] | None] = {}
    held_cache: dict = {}
    offices = []
    rows = zip(columns(pairs, "id", "doc_id"), columns(when, "date", "date_precision"), strict=True)
    for (i, d), (date, precision) in rows:
        if (date, precision) not in periods:
            value = parse_iso(date) if precision != "none" else None
            periods[(date, precision)] = value.span() if value is not None else None
        spans = named.get((d, i), [])
        offices.append(
            _office_in_doc(reg.actors[i], periods[(date, precision)], spans, held_cache, lambda d=d: texts[d])
        )
    office_of = pd.Series(offices, index=pd.MultiIndex.from_frame(pairs), dtype=object)

    actor_name = {a: reg.actors[a].name for a in m.loc[known, "id"].unique()}
    actor_country = {a: reg.actors[a].country for a in actor_name}
    doc_rows = info.loc[m["doc_id"], ["story_id", "date", "year"]]
    out = pd.DataFrame(
        {
            "doc_id": m["doc_id"],
            "story_id": doc_rows["story_id"].to_numpy(),
            "date": doc_rows["date"].to_numpy(),
            "year": doc_rows["year"].to_numpy(),
            "actor_id": m["id"],
        }
    )
    out["actor"] = m["id"].map(actor_name).where(known, "")
    country = m["id"].map(actor_country).where(known, m["country"])
    out["country"] = country.fillna("").replace("", UNKNOWN)
    out["registered"] = m["registered"].astype(bool)
    office = pd.Series(
        office_of.reindex(pd.MultiIndex.from_arrays([m["id"], m["doc_id"]])).to_numpy(), index=m.index, dtype=object
    )
    unreg_labels = m["id"].map({i: unreg_office.get(i, "") or UNREGISTERED_TITLE for i in m["id"].unique()})
    out["office"] = office.where(known, unreg_labels)
    for c in ("how", "surface"):
        out[c] = m[c]
    out["sent_no"] = m["sent_no"].astype(int)
    out["start"] = m["start"].astype(int)
    out["end"] = m["end"].astype(int)
    out["sentence"] = long_text["sentence"]
    # display names of unregistered officials: the surface of their first full mention
    first_full = firsts.set_index("id")["surface"]
    missing = out["actor"] == ""
    out.loc[missing, "actor"] = (
        out.loc[missing, "actor_id"]
        .map(first_full)
        .fillna(out.loc[missing, "actor_id"].str.removeprefix("unregistered:"))
    )
    levels = {o: OFFICE_LEVEL.get(o, UNKNOWN) for o in out["office"].unique()}
    labels = {o: o if o.startswith("(") else office_label(o) for o in levels}
    out["level"] = out["office"].map(levels)
    out["office"] = out["office"].map(labels)
    # (the sentence stays categorical, as in Corpus.mentions: one string per sentence, not one per
    # mention, which at 100,000 articles is the difference of about a gigabyte)
    out = out.astype({c: "str" for c in OFFICIAL_COLUMNS if c not in _NON_STR and c != "sentence"})
    return out[OFFICIAL_COLUMNS].sort_values(["doc_id", "start", "end", "actor_id"], ignore_index=True)
