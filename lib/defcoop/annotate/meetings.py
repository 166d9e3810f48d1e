"""Meetings: which Vietnamese official met which foreign one, where, who hosted — the one table.

A meeting pairs a Vietnamese official with a foreign one named in the same article.  The strong
evidence is a *meeting sentence*: both named in one sentence with a meeting cue (held talks
with, received, met, hosted, a reception for, an online discussion with); the weak evidence is
the same article only.  Host and guest come from the cue (``X received Y``: X hosts) or else
from the place (a meeting in Hanoi is hosted by the Vietnamese side).  The cue table is the
constant :data:`MEETING_CUES`.

:func:`meetings` runs once per corpus, when it is loaded (and is cached with it), and gives
``Corpus.meetings``; notebook 03's network and notebook 04's timeline both read that table, so
they cannot disagree on what a meeting is.
"""

from __future__ import annotations

import re
from typing import Literal

import pandas as pd

from defcoop.annotate.offices import UNKNOWN, ArticleTexts, columns, official_mentions, plain, sentence_bounds
from defcoop.corpus import story_ids
from defcoop.lexicons.geo import geo
from defcoop.schema import MEETING_COLUMNS
from defcoop.text import fold

__all__ = ["CUE_WORDS", "MEETING_CUES", "ONLINE", "meeting_cues", "meetings"]

_INT_COLUMNS = frozenset({"sent_no", "start", "end"})
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
#: Words one of which must be in a sentence (case-folded) for each cue of ``MEETING_CUES`` to
#: match it, so that a cue's regular expression runs only where it can match (a sentence of a
#: large corpus went through six expressions, a fifth of the time of the meeting pairs).
CUE_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "received by": (("received", "welcomed", "hosted"), ("by",)),
    "courtesy call on": (("courtesy",),),
    "reception for": (("reception", "banquet", "welcome", "dinner"), ("for",)),
    "received": (("receive", "host", "welcome", "greet"),),
    "talks with": (("talk", "discuss", "conversation", "call", "meeting", "met", "meet"), ("with",)),
    "met": (("met", "meet"),),
}
ONLINE = re.compile(
    r"\b(?:online|virtual(?:ly)?|video[- ]?(?:conference|link|call)s?|videoconferenc\w*|teleconferenc\w*"
    r"|(?:tele)?phone)\b",
    re.IGNORECASE,
)
_DATELINE_TAIL = re.compile(r"^\s*(?:\(\w+\)\s*)?[—–-]")


def _canonical_city(country: str, surface: str) -> str:
    key = fold(surface).replace(" ", "")
    for c in geo().countries[country].capitals:
        if fold(c).replace(" ", "") == key:
            return c
    return surface


def meeting_cues(sentence: str) -> list[tuple[int, int, str, str]]:
    """Non-overlapping meeting cues in ``sentence``: (start, end, name, role), in text order."""
    chosen: list[tuple[int, int, str, str]] = []
    folded = sentence.casefold()
    for name, pattern, role in MEETING_CUES:
        if not all(any(w in folded for w in words) for words in CUE_WORDS[name]):
            continue  # a word the cue needs is missing: it cannot match
        for m in pattern.finditer(sentence):
            if not any(m.start() < e and s < m.end() for s, e, _, _ in chosen):
                words = m.group(0).split()
                label = " ".join(words) if len(words) <= 4 else f"{words[0]} … {words[-1]}"
                chosen.append((m.start(), m.end(), label, role))
    return sorted(chosen)


def _places(
    mentions: pd.DataFrame, sentences: pd.DataFrame, doc_ids: set[str], texts: ArticleTexts
) -> tuple[dict, dict, dict]:
    """Capitals per (doc, sentence), the dateline city per doc, the single capital per doc."""
    c = mentions
    c = c[(c["kind"] == "country") & (c["how"] == "capital") & c["doc_id"].isin(doc_ids)]
    c = plain(c[["doc_id", "id", "surface", "sent_no", "start", "end"]]).sort_values(["doc_id", "start"], kind="stable")
    by_sent: dict[tuple[str, int], tuple[str, str]] = {}
    by_doc: dict[str, set[tuple[str, str]]] = {}
    dateline: dict[str, tuple[str, str]] = {}
    sents = sentence_bounds(sentences, c[["doc_id", "sent_no"]], text=False)
    canonical: dict[tuple[str, str], str] = {}
    for doc_id, country, surface, sent_no, start, end in columns(
        c, "doc_id", "id", "surface", "sent_no", "start", "end"
    ):
        if (country, surface) not in canonical:
            canonical[(country, surface)] = _canonical_city(country, surface)
        city = (canonical[(country, surface)], country)
        by_sent.setdefault((doc_id, sent_no), city)
        by_doc.setdefault(doc_id, set()).add(city)
        if doc_id in dateline:
            continue
        s0, _s1, section, _ = sents[(doc_id, int(sent_no))]
        text = texts[doc_id]
        lead = text[s0:start].strip(" \t\r\n–—-")
        after = text[end : end + 20]
        if section == "body" and lead == "" and (surface.isupper() or _DATELINE_TAIL.match(after)):
            dateline[doc_id] = city
    single = {d: next(iter(v)) for d, v in by_doc.items() if len(v) == 1}
    return by_sent, dateline, single


def meetings(
    docs: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame, *, officials: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every (article, Vietnamese official, foreign official) pair, with the evidence that they met.

    Parameters
    ----------
    docs : the articles (``doc_id, duplicate_of, date, date_precision, text`` are used).
    mentions, sentences : the corpus tables.
    officials : :func:`~defcoop.annotate.offices.official_mentions` of these tables, if already
        made (it is made here otherwise).

    Returns
    -------
    One row per pair (columns :data:`defcoop.schema.MEETING_COLUMNS`): ``evidence`` is
    ``meeting sentence`` with the first meeting sentence (``sent_no, start, end, sentence``) and
    its ``cue``, or ``same article`` (no meeting sentence; offsets -1); ``host``/``guest``
    (names, empty when the text does not say) and ``host_basis`` (``cue: received`` or
    ``place: Hanoi``); ``place`` (a capital city; ``place_source`` says whether it was named in
    the meeting sentence, in the dateline, or is the only capital in the article) and
    ``online``.  Officials of unknown nationality are not paired.  Copies are included
    (``story_id`` is the story they copy).  Sorted by ``doc_id``, ``sent_no``, names.
    """
    m = official_mentions(docs, mentions, sentences) if officials is None else officials
    home = geo().self_name
    m = m.loc[m["country"] != UNKNOWN, ["doc_id", "sent_no", "start", "actor_id", "actor", "country", "office"]]
    m = m.assign(vn=m["country"] == home)
    texts = ArticleTexts(docs)
    by_sent, dateline, single = _places(mentions, sentences, set(m["doc_id"].unique()), texts)
    # only sentences that name officials of both sides can be meeting sentences
    side = m.groupby(["doc_id", "sent_no"], sort=False)["vn"]
    both = m[side.transform("any") & ~side.transform("all")]
    both = both.sort_values(["doc_id", "sent_no"], kind="stable")
    sents = sentence_bounds(sentences, both[["doc_id", "sent_no"]])
    found: dict[tuple[str, str, str], list[dict]] = {}
    keys = list(columns(both, "doc_id", "sent_no"))
    cols = list(columns(both, "start", "actor_id", "vn"))
    i = 0
    while i < len(keys):
        j = i + 1
        while j < len(keys) and keys[j] == keys[i]:
            j += 1
        doc_id, sent_no = keys[i]
        s0, s1, _, sentence = sents[(doc_id, int(sent_no))]
        seg = texts[doc_id][s0:s1]
        hits = sorted((int(start) - s0, a, bool(v)) for start, a, v in cols[i:j])
        i = j
        online = bool(ONLINE.search(seg))
        for c_start, c_end, cue, role in meeting_cues(seg):
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
                    "end": s1,
                    "sentence": sentence,
                    "cue": cue,
                    "host": host,
                    "basis": basis,
                    "online": online,
                }
            )
    # every (article, Vietnamese official, foreign official), with the official's first mention
    info = docs[["doc_id", "date"]].assign(story_id=story_ids(docs)).set_index("doc_id")
    names = dict(zip(m["actor_id"].tolist(), m["actor"].tolist(), strict=True))
    firsts = m.drop_duplicates(["doc_id", "actor_id"])
    vn_side = firsts.loc[firsts["vn"], ["doc_id", "actor_id", "office"]].rename(
        columns={"actor_id": "vn_actor_id", "office": "vn_office"}
    )
    fo_side = firsts.loc[~firsts["vn"], ["doc_id", "actor_id", "country", "office"]].rename(
        columns={"actor_id": "foreign_actor_id", "country": "foreign_country", "office": "foreign_office"}
    )
    base = vn_side.merge(fo_side, on="doc_id").sort_values(
        ["doc_id", "vn_actor_id", "foreign_actor_id"], kind="stable", ignore_index=True
    )
    evs = [found.get(k, []) for k in columns(base, "doc_id", "vn_actor_id", "foreign_actor_id")]
    rows = []
    for (doc_id, v, f, fcountry), ev in zip(
        columns(base, "doc_id", "vn_actor_id", "foreign_actor_id", "foreign_country"), evs, strict=True
    ):
        row = {
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
                place = next((by_sent[(doc_id, e["sent_no"])] for e in ev if (doc_id, e["sent_no"]) in by_sent), None)
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
                elif country == fcountry:
                    host_id = f
                if host_id:
                    row["host_basis"] = f"place: {row['place']}"
            if host_id:
                row["host"] = names[host_id]
                row["guest"] = names[f if host_id == v else v]
        rows.append(row)
    detail = pd.DataFrame(rows, columns=MEETING_COLUMNS[10:])
    out = pd.DataFrame(
        {
            "doc_id": base["doc_id"],
            "story_id": info.loc[base["doc_id"], "story_id"].to_numpy(),
            "date": info.loc[base["doc_id"], "date"].to_numpy(),
            "vn_actor_id": base["vn_actor_id"],
            "vn_actor": base["vn_actor_id"].map(names),
            "vn_office": base["vn_office"],
            "foreign_actor_id": base["foreign_actor_id"],
            "foreign_actor": base["foreign_actor_id"].map(names),
            "foreign_country": base["foreign_country"],
            "foreign_office": base["foreign_office"],
        }
    )
    out = pd.concat([out, detail], axis=1)[MEETING_COLUMNS]
    out = out.astype({c: (bool if c == "online" else "int64" if c in _INT_COLUMNS else "str") for c in MEETING_COLUMNS})
    return out.sort_values(["doc_id", "sent_no", "vn_actor", "foreign_actor"], ignore_index=True)
