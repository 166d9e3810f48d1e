"""Rule 6, countries and partners: every country mention with its role; partners by evidence.

A country is a partner when the article gives evidence of cooperation with it: one of its
officials appears, it is joined to Vietnam (``Vietnam-Belarus``, ``Vietnam and Russia``,
``between Vietnam and Russia``), or its demonym qualifies a counterpart (``Belarusian
delegation``, ``the Russian side``; ``counterpart_words`` of :mod:`defcoop.lexicons.words`).
Mentions in history sentences (a historical country such as the Soviet Union with a word of
``history_words``) and hyphenated multilateral pairs (``ASEAN-Russia``) are no evidence, nor is a
country that a partner meets on its own (English only: a sentence with no Vietnamese side, not even
an implied one, in which an official of a country the story sets beside Vietnam elsewhere meets a
third country's: ``Onodera separately met with New Zealand Defense Minister ...``).  An
article in which officials of two or more other countries meet and Vietnam takes no part
(neither Vietnam, Vietnamese nor Hanoi, nor a Vietnamese official is named: Singapore's
minister meeting Japan's) has no partner at all.  With one foreign country only, the article
keeps it: a Vietnamese outlet often leaves its own side implicit ("the Military Region 5
command received a Lao delegation").
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from defcoop.annotate.document import Doc, starts_capitalised
from defcoop.lexicons.geo import geo
from defcoop.lexicons.languages import LanguageLexicon
from defcoop.lexicons.matcher import Hit
from defcoop.lexicons.words import word_lists

__all__ = ["find_partners", "history_pattern"]

# What may stand between two country names that are joined ("Vietnam-Belarus", "Vietnam and Russia").
_CONNECTORS = re.compile(r"^\s*(?:[-–—/]|and|&|with)\s*$", re.I)
_BETWEEN = re.compile(r"\bbetween\b", re.I)
# The word that joins the two members of a between phrase.
_AND = re.compile(r"\band\b|&", re.I)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# "ally" after the counterpart word: the phrase names another country by its alliance.
_ALLY_AFTER = re.compile(r"\s+(?:ally|allies)\b", re.I)
#: How far after a demonym its counterpart word is looked for.
_COUNTERPART_WINDOW = 30
#: Words by which a sentence says that its officials met each other ("Onodera and his French
#: counterpart", "met with"), not that they attended an event side by side.
_MEETS = re.compile(r"\b(?:met|meets?|meeting with|held talks|holds talks|talks with)\b", re.I)
#: ... or that one of them and his counterpart of another country dealt with each other
#: ("Onodera and his French counterpart ... confirmed that the two nations will ..."); not that
#: they stood side by side ("Chansamone and his Cambodian counterpart attended the ceremony").
_WITH_COUNTERPART = re.compile(r"\b(?:and|with)\s+(?:his|her|their)\s+(?:[A-Z][\w.-]*\s+){1,3}counterparts?\b")
_DEALT_WITH = re.compile(
    r"\b(?:agree[ds]?|confirm(?:s|ed)?|discuss(?:es|ed)?|sign(?:s|ed)?|exchanged views|pledged?|reviewed|talks)\b",
    re.I,
)
#: An implicit Vietnamese side: "his host", "the host minister", or a pronoun subject ("He held talks
#: with ..." after a Vietnamese minister's paragraph).
_IMPLIED_HOME = re.compile(r"\bhosts?\b|^\W*(?:He|She|They|The two)\b", re.I)
#: Longest text between a ``between`` word and the country that closes its phrase.
_BETWEEN_SPAN = 160
# Where the clause of a between phrase ends: a semicolon or colon, a comma before a lower-case word
# (", showing ..."; not the list "Vietnam, Laos and Cambodia"), a dash set off by spaces.
_CLAUSE_END = re.compile(r"[;:]|,\s+(?=[a-z])|\s[-–—]+\s")
#: Roles that are evidence of cooperation with the country.
EVIDENCE_ROLES = frozenset({"bilateral", "counterpart"})


@lru_cache(maxsize=1)
def history_pattern() -> re.Pattern[str]:
    """Any word of ``history_words`` as a whole word, case-insensitive (``word*``: a prefix).

    >>> bool(history_pattern().search("the colonialists")), bool(history_pattern().search("the pastry"))
    (True, False)
    """
    alternatives = (
        re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in sorted(word_lists().history_words)
    )
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b", re.I)


def _shift(h: Hit, offset: int) -> Hit:
    return type(h)(h.start + offset, h.end + offset, h.key, h.values)


def _counterpart(lex: LanguageLexicon, seg: str, h: Hit) -> bool:
    """Whether a counterpart word of ``lex`` stands just before or just after the country hit
    (``phía Nga``, ``la partie russe``, ``делегация России``, ``российская сторона``)."""
    return bool(
        lex.counterpart_before.search(seg[max(0, h.start - _COUNTERPART_WINDOW) : h.start])
        or lex.counterpart_after.match(seg[h.end : h.end + _COUNTERPART_WINDOW])
    )


def _between_home(
    between: re.Pattern[str],
    seg: str,
    hits: list[Hit],
    h: Hit,
    g,
    home_at: list[int],
    connectors: re.Pattern[str],
    conjunction: re.Pattern[str] | None,
) -> bool:
    """Whether ``h`` stands in a ``between ... and ...`` phrase that names Vietnam: ``between
    Vietnam and its neighbour China``, ``between Russia and the Vietnamese defence ministry``,
    ``giữa Việt Nam và Nga``; not ``a joint venture between India and Russia`` in a sentence that
    names Vietnam outside the phrase, nor a country after the phrase's clause has ended (``between
    the grouping and its partners, showing Vietnam's role``).  The phrase runs from the last
    ``between`` word before the country to the end of its clause (a semicolon or colon, a dash, a
    comma before a lower-case word), at most ``_BETWEEN_SPAN`` characters.  A Vietnamese official
    named in it (at a position of ``home_at``, relative to ``seg``) names Vietnam too: ``a meeting
    between Deputy Minister Nguyen Chi Vinh and State Secretary for Defence of Germany``.

    The phrase also ends at its second member: a country named after its ``conjunction`` (``and``)
    and before ``h`` closes it, unless ``h`` is joined to that country in a list (``between the
    Japanese and Vietnamese defense ministers in Hanoi coincided with a visit by China's foreign
    minister``: China is outside; ``between Vietnam, Laos and Cambodia`` keeps every member).
    ``conjunction`` is ``None`` for a language without one in the lexicon: the second member is
    not looked for."""
    start = -1
    for m in between.finditer(seg, 0, h.start):  # the last between word before the country
        start = m.end()
    if start < 0 or _CLAUSE_END.search(seg, start, h.start):
        return False
    end = _CLAUSE_END.search(seg, h.end)
    end = min(end.start() if end else len(seg), start + _BETWEEN_SPAN)
    if h.start >= end:
        return False
    if conjunction is not None:
        for a in conjunction.finditer(seg, start, h.start):
            if any(
                a.end() <= o.start and o.end <= h.start and not connectors.match(seg[o.end : h.start]) for o in hits
            ):
                return False
    return any(start <= o.start < end and g.countries[o.values[0][0]].kind == "self" for o in hits) or any(
        start <= p < end for p in home_at
    )


def find_partners(doc: Doc, actor_country: dict[str, str], *, lex: LanguageLexicon | None = None) -> list[str]:
    """Record every country mention with its role; the partners, most evidence first.

    Parameters
    ----------
    doc
        The article, scanned; one ``country`` row is added per mention, its ``role`` one of
        self, historical, organisation, history, multilateral, bilateral, counterpart, place,
        mention.
    actor_country
        The country of each actor of the article (each foreign official is evidence, unless every
        sentence naming them is one where a partner meets a third country).
    lex
        The lexicon of the article's language when it is not English: its country forms, words
        and history words take the place of the English ones.  A name or capital must still be
        capitalised (in a script with capitals), a demonym need not (``la partie russe``); a
        ``side`` form (``中方``) is a counterpart by itself, a ``pair`` form (``中越``) joins its
        country to Vietnam.

    Returns
    -------
    list of str
        The partner countries by decreasing evidence, then by name.
    """
    g = geo() if lex is None else lex.geo
    counterpart_words = word_lists().counterpart_words
    history = history_pattern() if lex is None else lex.history
    connectors = _CONNECTORS if lex is None else lex.connector
    between = _BETWEEN if lex is None else lex.between
    evidence: dict[str, int] = defaultdict(int)
    named_in: dict[str, set[int]] = defaultdict(set)  # foreign country -> sentences naming it
    home_named = g.self_name in actor_country.values()
    home_at: dict[int, list[int]] = defaultdict(list)  # sentence -> where a Vietnamese official is named in it
    actor_sents: dict[str, set[int]] = defaultdict(set)  # actor -> sentences naming them
    foreign_in: dict[int, set[str]] = defaultdict(set)  # sentence -> countries of the foreign officials in it
    for m in doc.mentions:
        if m[1] != "actor" or m[4] < 0:
            continue
        actor_sents[m[2]].add(m[4])
        if m[9] == g.self_name:
            home_at[m[4]].append(m[5] - doc.sents[m[4]].start)
        elif m[9]:
            foreign_in[m[4]].add(m[9])
    self_sents: set[int] = set()  # sentences naming Vietnam (its name, demonym, capital or a pair form)
    counterpart_in: dict[str, list[int]] = defaultdict(list)  # country -> sentence of each counterpart mention
    for n, sent_hits in enumerate(doc.by_sentence(g.matcher)):
        s = doc.sents[n]
        seg = doc.text[s.start : s.end]
        hits = [_shift(h, -s.start) for h in sent_hits if h.values[0][1] != "block"]
        hits = [
            h
            for h in hits
            if starts_capitalised(seg, h.start) or (lex is not None and h.values[0][1] not in ("name", "capital"))
        ]
        kinds = {g.countries[h.values[0][0]].kind for h in hits}
        history_sentence = "historical" in kinds and bool(history.search(seg))
        for i, h in enumerate(hits):
            cname, form = h.values[0]
            c = g.countries[cname]
            role = "mention"
            if c.kind == "self":
                role = "self"
                home_named = True
                self_sents.add(n)
            elif form == "pair":  # 中越: the country joined to Vietnam in one word
                role = "bilateral"
                home_named = True
                self_sents.add(n)
            elif c.kind in {"historical", "organisation"}:
                role = c.kind
            elif history_sentence:
                role = "history"
            else:
                joined = [
                    o
                    for o in (hits[i - 1] if i else None, hits[i + 1] if i + 1 < len(hits) else None)
                    if o is not None and connectors.match(seg[min(o.end, h.end) : max(o.start, h.start)] or "x")
                ]
                if any(g.countries[o.values[0][0]].kind == "organisation" for o in joined):
                    role = "multilateral"
                elif any(g.countries[o.values[0][0]].kind == "self" for o in joined) or _between_home(
                    between, seg, hits, h, g, home_at.get(n, []), connectors, _AND if lex is None else None
                ):
                    role = "bilateral"
                elif lex is not None:
                    if form == "side" or (form in ("name", "demonym") and _counterpart(lex, seg, h)):
                        role = "counterpart"
                    elif form == "capital":
                        role = "place"
                elif form in ("demonym", "name"):  # "the Russian side", "the US delegation"
                    nxt = _NEXT_WORD.match(seg[h.end : h.end + _COUNTERPART_WINDOW])
                    if (
                        nxt
                        and nxt.group(1).lower() in counterpart_words
                        and not _ALLY_AFTER.match(seg, h.end + nxt.end())
                    ):  # (not "U.S. defence ally the Philippines": a description of another country)
                        role = "counterpart"
                elif form == "capital":
                    role = "place"
            if role == "counterpart":
                counterpart_in[cname].append(n)
            elif role in EVIDENCE_ROLES:
                evidence[cname] += 1
            if role in ("mention", "counterpart", "bilateral"):
                named_in[cname].add(n)
            doc.add("country", cname, n, s.start + h.start, s.start + h.end, how=form, role=role)

    home_sents = self_sents | set(home_at)
    # the countries whose officials or counterparts the story sets beside Vietnam's side
    met_home = {c for n in home_sents for c in foreign_in.get(n, ())}
    met_home |= {c for c, sents in counterpart_in.items() if home_sents.intersection(sents)}

    def third_party(n: int, c: str, follows: bool = True) -> bool:
        # a sentence in which a partner the story sets beside Vietnam elsewhere meets a third
        # country: no Vietnamese side in it, and an official of that partner ("Onodera and his
        # French counterpart ..."), or no official at all right after such a sentence ("They
        # agreed to ... the New Zealand military").  Officials of two countries that the story
        # never sets beside Vietnam (a trilateral meeting that leaves its host implicit) are not
        # a third party to each other.
        if n in home_sents:
            return False
        s = doc.sents[n]
        if (foreign_in.get(n, set()) - {c}) & met_home:
            met = _MEETS.search(doc.text, s.start, s.end) or (
                _WITH_COUNTERPART.search(doc.text, s.start, s.end) and _DEALT_WITH.search(doc.text, s.start, s.end)
            )
            return bool(met) and not _IMPLIED_HOME.search(doc.text[s.start : s.end])
        # (the sentence before must name the country too)
        return follows and n not in foreign_in and n - 1 in named_in[c] and third_party(n - 1, c, follows=False)

    for c, sents in counterpart_in.items():
        if kept := sum(1 for n in sents if not third_party(n, c)):
            evidence[c] += kept
    for aid, c in actor_country.items():
        if c and c != g.self_name and g.countries.get(c) and g.countries[c].kind == "country":
            sents = actor_sents.get(aid, set())
            if not sents or not all(third_party(n, c) for n in sents):
                evidence[c] += 1
    foreign = {c for c in actor_country.values() if c and c != g.self_name}
    often = [c for c, sents in named_in.items() if len(sents) >= 2]  # (in two sentences or more)
    others = foreign | set(evidence) | set(often)
    if not home_named and len(others) >= 2:
        # two or more other countries and never Vietnam, Vietnamese, Hanoi or a Vietnamese official:
        # they meet each other (China and Bangladesh), nobody is Vietnam's partner here.  (One
        # country alone may be a Vietnamese outlet's guest, its own side left implicit.)
        return []
    if not evidence and home_named and len(often) == 1:
        # No direct evidence, but one foreign country the story keeps returning to (named in two
        # sentences or more, no other country so): the country the story is about.
        evidence[often[0]] = 1
    return sorted(evidence, key=lambda c: (-evidence[c], c))
