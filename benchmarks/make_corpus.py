"""Write a synthetic corpus of crawled defence-diplomacy articles shaped like ``seeds/``.

Not part of the package: a load generator for ``benchmarks/annotate.py`` (and a fixture for
``tests/test_make_corpus.py``).  Run from the repository root::

    .venv/bin/python benchmarks/make_corpus.py 10000 /tmp/corpus-10k --seed 1

Each article is one meeting between a Vietnamese official and a partner's official who both
hold the office on the article's date (from the registry, ``defcoop.lexicons.actors.registry()``), named
on first mention in one of the registry's own name forms (``defcoop.lexicons.actors.name_forms``:
full, without diacritics, family-first with patronymic, initials, transliterations) and later
by short forms (``Minister Khrenin``, ``Giang``, ``the Belarusian minister``).  Sentences are
put together from interchangeable parts, with the codebook's include phrases
(``defcoop.lexicons.themes.codebook()``) as their subjects, so that two stories share few word 5-grams,
as real articles do.  The outlet of each article decides its furniture, as in the seeds:

* VNA: crawler header `` date YYYY-MM-DD `` glued to a photo caption ``(Photo: VNA)``,
  sentences glued without a space after the full stop, ``-VNA`` / ``/.VNA`` credits;
* VOV: title, ``VOV.VN -`` lead, ``Mời quý độc giả theo dõi VOV.VN trên`` footer;
* Vietnam News: diacritics (``Việt Nam``, ``Phan Văn Giang``), ``December 17, 2024 - 17:01``
  datelines, captions with ``— VNA/VNS Photo <name>`` credits, ``— VNA/VNS``, ``E-paper``;
* VietNamNet: ``Tin tức, ... - VietNamNet`` site title, ``05/07/2020    00:30 GMT+7``
  datelines, ``... hinh anh 1`` image residue followed by a caption, lines broken mid-sentence;
* Nhan Dan: site name, ``Thursday, 29/07/2021 18:30`` datelines, ``NDO –`` lead.

About 5 % of the articles are syndicated copies of an earlier story (another outlet's
furniture, last paragraph dropped) and 2 % spam mirrors (``Share this:``, ``Related posts``
and other junk around the full text).

Deterministic: article ``i`` depends only on ``(seed, i)`` (its own ``random.Random``), every
lexicon is iterated in sorted order, and nothing depends on ``PYTHONHASHSEED``.  Files are
``DIR/NNN/NNNNNN_<hex>.txt``, 1000 per folder.

``--shape real`` writes instead what an analyst's own crawl looks like, for testing figures on
many outlets, partners and officials::

    .venv/bin/python benchmarks/make_corpus.py 10000 /tmp/gen-real-10k --seed 1 --shape real

news-please JSON lines (``DIR/NNN.jsonl``, about 500 records each: ``url``, ``title``,
``date_publish``, ``language``, ``maintext``) and about 10 % seed-like ``.txt`` files
(``DIR/NNN/NNNNNN_<hex>.txt``); URL hosts from ``data/outlets.csv`` with a Zipf-like skew, 10 %
invented hosts; partners from every country of the registry (skewed), 1-3 meetings an article,
15 % with an invented official in apposition to a title; dates over 2000-2025 on a rising
trend, 25 % undated, some dated only to a day without the year, a month or a year; 8 %
syndicated copies (truncated, at another outlet's URL), 5 % off-topic distractors (sport,
weather, markets), 10 % without a title.  See the section "the real shape" below.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import multiprocessing as mp
import os
import random
import re
import sys
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from defcoop.lexicons.actors import name_forms, registry
from defcoop.lexicons.datafiles import read_csv
from defcoop.lexicons.geo import geo
from defcoop.lexicons.themes import codebook
from defcoop.paths import DATA_DIR
from defcoop.text import fold

__all__ = ["GENERATOR_VERSION", "Lexicon", "article", "lexicon", "write_corpus"]

GENERATOR_VERSION = "1"
FIRST_DAY = dt.date(2010, 1, 1)
LAST_DAY = dt.date(2025, 10, 31)
PER_FOLDER = 1000
P_SYNDICATED = 0.05
P_MIRROR = 0.02
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PHOTOGRAPHERS = ["Lâm Khánh", "Trọng Đức", "Văn Điệp", "Thống Nhất", "Dương Giang", "An Đăng", "Nhan Sáng", "Trần Hải"]
# Officials the registry does not know (defence attachés, commanders); filtered against it below.
UNREGISTERED = [
    "Alexei Merkulov",
    "Igor Petrovsky",
    "Dmitry Zhuravlev",
    "Sergei Volkonsky",
    "Andrei Ryabtsev",
    "Pavel Lisovsky",
    "Mikhail Orlovsky",
    "Thomas Whitfield",
    "Marcus Holloway",
    "Jean-Luc Moreau",
    "Kenji Watanuki",
    "Rahul Menon",
]
MIRROR_JUNK_HEADLINES = [
    "Best VPN deals this week: save up to 80%",
    "Top 10 beaches in Southeast Asia you must visit",
    "Gold price today: buyers return as dollar weakens",
    "Five gadgets every traveller needs this summer",
    "Crypto markets slide for a third day",
    "How to renew your passport online in 2024",
]


# --------------------------------------------------------------------------- lexicon from defcoop


@dataclass(frozen=True)
class Person:
    actor_id: str
    country: str
    short: str  # with diacritics, as the registry has it
    short_ascii: str
    forms: tuple[str, ...]  # every form from defcoop.lexicons.actors.name_forms
    full: str  # the registry's name without diacritics
    full_marks: str  # the registry's name with diacritics
    offices: tuple[tuple[str, dt.date, dt.date], ...]  # (office, start, end clipped to LAST_DAY)


@dataclass(frozen=True)
class Lexicon:
    people: tuple[Person, ...]
    partners: tuple[int, ...]  # indices of non-Vietnamese people who hold an office in range
    vn_offices: dict[str, tuple[tuple[dt.date, dt.date, int], ...]]
    titles: dict[str, tuple[str, ...]]  # office -> titles from titles.csv
    countries: dict[str, tuple[str, str, str]]  # country -> (name, demonym, capital)
    other_countries: tuple[str, ...]
    themes: dict[str, tuple[str, ...]]  # theme id -> concrete include phrases
    theme_ids: tuple[str, ...]
    unregistered: tuple[str, ...]


def _pick(rng: random.Random, seq):
    """``rng.choice(seq)``, a few times faster (the generator makes ~150 choices an article)."""
    return seq[int(rng.random() * len(seq))]


def ascii_fold(s: str) -> str:
    """Diacritics removed, case kept: ``Việt Nam`` -> ``Viet Nam``."""
    s = s.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


_COMPLETIONS = {  # endings of the codebook's ``stem*`` phrases that are not words by themselves
    "technolog": ("y", "ies"),
    "compan": ("y", "ies"),
    "econom": ("y",),
    "agricultur": ("e",),
    "terroris": ("m",),
    "extremis": ("m",),
    "separatis": ("m",),
    "universit": ("y", "ies"),
    "cemeter": ("y", "ies"),
    "pharmac": ("y", "ies"),
    "medic": ("ine", "al"),
    "quarantin": ("e",),
    "vaccin": ("e", "es", "ation"),
    "peacekeep": ("ing", "ers"),
    "peace-keep": ("ing", "ers"),
    "smuggl": ("ing",),
    "retrain": ("ing",),
    "covid": ("-19",),
    "spratly": (" Islands",),
    "paracel": (" Islands",),
    "olympic": ("s",),
}
_UPPER = {
    "asean",
    "admm",
    "admm+",
    "un",
    "unsc",
    "hadr",
    "uav",
    "uavs",
    "unclos",
    "eez",
    "nato",
    "milex",
    "ncov",
    "doc",
}
_UPPER |= {"wwii", "unmiss", "fta", "fdi", "rok", "ai", "it", "ict", "gdp"}
_TITLE = {
    "spratly",
    "paracel",
    "east",
    "sea",
    "south",
    "china",
    "truong",
    "hoang",
    "sa",
    "bien",
    "dong",
    "olympic",
    "nazi",
}
_TITLE |= {"dien", "phu", "soviet", "union", "great", "patriotic", "war"}
_VERBISH = re.compile(
    r"\b(?:signed|signing|sign|inked|ink|visited|trained|educated|educate|educating|teaching|co-produce\w*|"
    r"witness\w*|traded|hosted|held|studying)\b|\b(?:of|to|the|a|an|in|on)$"
)


def _concrete(phrase: str) -> list[str]:
    """Surface strings for a codebook phrase (``train*`` -> ``trains``), or none if it is no noun phrase."""
    if _VERBISH.search(phrase.rstrip("*")):
        return []
    out = []
    if phrase.endswith("*"):
        stem = phrase[:-1].rstrip()
        last = stem.split()[-1]
        ends = next((v for k, v in _COMPLETIONS.items() if last.endswith(k)), None)
        if ends is None:
            ends = ("", "es") if stem.endswith(("s", "sh", "ch", "x")) else ("", "s")
        out = [stem + e for e in ends]
    else:
        out = [phrase]
    fixed = []
    for o in out:
        words = [w.upper() if w in _UPPER else w.capitalize() if w in _TITLE else w for w in o.split(" ")]
        fixed.append(" ".join(words).replace("Covid", "COVID"))
    return fixed


def lexicon(first_day: dt.date = FIRST_DAY) -> Lexicon:
    """Everything the generator takes from defcoop's data, in a fixed order (terms of office
    clipped to ``first_day`` .. ``LAST_DAY``)."""
    reg = registry()
    known_short = set(reg.short)
    people: list[Person] = []
    for aid in sorted(reg.actors):
        a = reg.actors[aid]
        offices = []
        for o in a.offices:
            end = min(o.end or LAST_DAY, LAST_DAY)
            start = max(o.start, first_day)
            if start <= end:
                offices.append((o.office, start, end))
        if not offices:
            continue
        forms = tuple(f for f, _how in name_forms(a))
        people.append(Person(aid, a.country, a.short, ascii_fold(a.short), forms, a.name_ascii, a.name, tuple(offices)))
    vn: dict[str, list[tuple[dt.date, dt.date, int]]] = {}
    partners = []
    for i, p in enumerate(people):
        if p.country == "Vietnam":
            for office, start, end in p.offices:
                vn.setdefault(office, []).append((start, end, i))
        else:
            partners.append(i)
    titles: dict[str, list[str]] = {}
    for r in read_csv(DATA_DIR / "titles.csv", ("title", "office", "kind")):
        if r["kind"] == "office" and r["office"]:
            titles.setdefault(r["office"], []).append(r["title"])
    g = geo()
    countries = {}
    for name in sorted(g.countries):
        c = g.countries[name]
        if c.kind in {"self", "country"} and c.names and c.demonyms:
            countries[name] = (c.names[0], c.demonyms[0], c.capitals[0] if c.capitals else c.names[0])
    cb = codebook()
    themes = {}
    for tid in sorted(cb.themes):
        forms: list[str] = []
        for p in cb.themes[tid].include:
            forms.extend(_concrete(p))
        themes[tid] = tuple(forms)
    unregistered = tuple(
        n for n in UNREGISTERED if fold(n.split()[-1]) not in known_short and fold(n.split()[0]) not in known_short
    )
    return Lexicon(
        people=tuple(people),
        partners=tuple(partners),
        vn_offices={k: tuple(sorted(v)) for k, v in sorted(vn.items())},
        titles={k: tuple(v) for k, v in sorted(titles.items())},
        countries=countries,
        other_countries=tuple(n for n in countries if n != "Vietnam"),
        themes=themes,
        theme_ids=tuple(sorted(themes)),
        unregistered=unregistered,
    )


# --------------------------------------------------------------------------- stories


@dataclass
class Story:
    style: str
    event: dt.date
    published: dt.date
    title: str
    caption: str
    paragraphs: list[list[str]] = field(default_factory=list)


@dataclass
class _Ctx:
    rng: random.Random
    lex: Lexicon
    diacritics: bool
    vn_name: str
    hanoi: str
    partner: str  # country
    p_name: str
    p_demonym: str
    p_capital: str
    vn_later: list[str]
    p_later: list[str]
    both: list[str]
    phrases: list[str]
    others: list[str]


_SAY = [
    "affirmed",
    "stressed",
    "noted",
    "emphasised",
    "said",
    "highlighted",
    "underlined",
    "reiterated",
    "expressed his belief",
    "held",
    "told reporters",
    "pointed out",
]
_PROPOSE = ["proposed", "suggested", "asked", "recommended", "urged", "called on"]
_ACT = [
    "continue to",
    "further",
    "work closely to",
    "coordinate to",
    "step up efforts to",
    "make greater efforts to",
    "",
    "jointly",
]
_VERB = ["promote", "enhance", "deepen", "expand", "boost", "strengthen", "effectively implement", "intensify"]
_ADJ = [
    "effective",
    "substantive",
    "practical",
    "long-standing",
    "traditional",
    "comprehensive",
    "fruitful",
    "result-oriented",
    "sustainable",
    "trust-based",
    "reliable",
    "close",
]
_TAIL = [
    "in the coming time",
    "in the time ahead",
    "in line with the agreements signed",
    "for the benefit of the two peoples",
    "contributing to peace, stability and development in the region and the world",
    "on the basis of mutual respect and mutual benefit",
    "in the spirit of the traditional friendship",
    "in accordance with each side's demand and capacity",
    "despite the geographical distance",
    "under the cooperation plan for {year}",
    "in the {year}-{year2} period",
    "as agreed during the previous round of talks",
    "through both bilateral and multilateral channels",
    "",
    "",
]
_REL = [
    "comprehensive strategic partnership",
    "traditional friendship",
    "strategic partnership",
    "comprehensive partnership",
    "friendship and multifaceted cooperation",
    "long-standing ties",
]
_DOC = [
    "a memorandum of understanding",
    "an agreement",
    "a plan",
    "a protocol",
    "a letter of intent",
    "a cooperation roadmap",
]


def _phrase(c: _Ctx) -> str:
    return _pick(c.rng, c.phrases)


def _tail(c: _Ctx) -> str:
    t = _pick(c.rng, _TAIL)
    if not t:
        return ""
    year = c.rng.randint(2010, 2026)
    return " " + t.format(year=year, year2=year + c.rng.randint(1, 5))


def _subj(c: _Ctx) -> str:
    r = c.rng.random()
    pool = c.vn_later if r < 0.4 else c.p_later if r < 0.8 else c.both
    return _pick(c.rng, pool)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _s_statement(c: _Ctx) -> str:
    r = c.rng
    return _cap(
        f"{_subj(c)} {_pick(r, _SAY)} that the {_pick(r, _ADJ)} cooperation in {_phrase(c)} and {_phrase(c)} "
        f"has {_pick(r, ['contributed', 'added', 'given'])} "
        f"{_pick(r, ['new impetus', 'momentum', 'substance', 'depth'])} "
        f"to the {c.vn_name}-{c.p_name} {_pick(r, _REL)}{_tail(c)}."
    )


def _s_propose(c: _Ctx) -> str:
    r = c.rng
    act = _pick(r, _ACT)
    return _cap(
        f"{_subj(c)} {_pick(r, _PROPOSE)} that the two sides {act + ' ' if act else ''}{_pick(r, _VERB)} "
        f"{_pick(r, ['cooperation', 'collaboration', 'links', 'exchanges'])} in {_phrase(c)}, "
        f"{_phrase(c)} and {_phrase(c)}{_tail(c)}."
    )


def _s_appreciate(c: _Ctx) -> str:
    r = c.rng
    return _cap(
        f"{_pick(r, ['Appreciating', 'Highlighting', 'Reviewing', 'Praising', 'Speaking highly of'])} the "
        f"{_pick(r, _ADJ)} results of {_pick(r, ['the', 'their', 'bilateral'])} cooperation in {_phrase(c)} "
        f"{_pick(r, ['over the past time', 'in recent years', 'since ' + str(r.randint(2000, 2020)), 'so far'])}, "
        f"{_subj(c)} {_pick(r, _SAY)} that {c.vn_name} {_pick(r, ['always', 'consistently', ''])} "
        f"{_pick(r, ['regards', 'considers', 'values'])} {c.p_name} "
        f"as a {_pick(r, ['leading', 'reliable', 'important', 'priority'])} "
        f"partner in {_phrase(c)}."
    ).replace("  ", " ")


_STRUGGLE = [
    "struggle for national liberation",
    "past struggle for independence",
    "national reunification",
    "post-war reconstruction",
]


def _s_history(c: _Ctx) -> str:
    r = c.rng
    if c.partner in {"Russia", "Belarus"}:
        helper = f"the Soviet Union, including {c.p_name},"
    else:
        helper = f"the people of {c.p_name}"
    return _cap(
        f"{_pick(r, c.vn_later)} {_pick(r, ['recalled', 'thanked ' + c.p_name + ' for', 'spoke of'])} the "
        f"{_pick(r, ['great', 'valuable', 'sincere', 'wholehearted'])} support that {helper} gave "
        f"{c.vn_name} in its {_pick(r, _STRUGGLE)}, "
        f"{_pick(r, ['saying', 'adding', 'noting'])} that the {c.vn_name}ese people "
        f"{_pick(r, ['always remember', 'will never forget', 'treasure'])} it."
    ).replace(f"{c.vn_name}ese", "Vietnamese")


def _s_multilateral(c: _Ctx) -> str:
    r = c.rng
    fora = ["ASEAN", "the ADMM+", "the United Nations", "the ASEAN Regional Forum", "the Shangri-La Dialogue"]
    a, b = r.sample(fora, 2)
    return _cap(
        f"{_pick(r, c.both)} agreed to {_pick(r, ['maintain', 'continue', 'enhance'])} "
        f"{_pick(r, ['close', 'regular', 'effective'])} "
        f"coordination at {_pick(r, ['multilateral', 'regional', 'international'])} "
        f"forums such as {a} and {b}, {_pick(r, ['especially', 'particularly', 'including'])} on {_phrase(c)}."
    )


def _s_sign(c: _Ctx) -> str:
    r = c.rng
    verb = _pick(r, ["signed", "witnessed the signing of", "exchanged", "inked", "agreed on"])
    return _cap(
        f"{_pick(r, ['On this occasion', 'After the talks', 'Following the meeting', 'Also at the event'])}, "
        f"{_pick(r, c.both)} {verb} {_pick(r, _DOC)} on {_phrase(c)} "
        f"{_pick(r, ['for', 'covering'])} "
        f"{r.randint(2025, 2030) if r.random() < 0.5 else 'the ' + str(r.randint(2, 5)) + '-year period'}"
        f"{_tail(c)}."
    )


def _s_sea(c: _Ctx) -> str:
    r = c.rng
    sea = _pick(r, ["East Sea", "South China Sea", "East Sea (South China Sea)"])
    return _cap(
        f"{_pick(r, ['Mentioning', 'Discussing', 'Touching on'])} regional and global issues of mutual concern, "
        f"{_pick(r, c.vn_later)} reiterated {c.vn_name}'s {_pick(r, ['consistent', 'clear', 'principled'])} stance "
        f"on settling disputes in the {sea} "
        f"by peaceful means, {_pick(r, ['based on', 'in line with', 'in accordance with'])} "
        f"international law, including the 1982 UNCLOS."
    )


def _s_invite(c: _Ctx) -> str:
    r = c.rng
    return _cap(
        f"{_pick(r, c.p_later)} {_pick(r, ['invited', 'extended an invitation to'])} "
        f"{_pick(r, c.vn_later).replace('The', 'the')} "
        f"to {_pick(r, ['pay an official visit to', 'visit', 'attend events in'])} {c.p_name} "
        f"{_pick(r, ['at a convenient time', 'next year', 'in ' + _pick(r, MONTHS)])}, and the invitation was "
        f"{_pick(r, ['accepted with pleasure', 'accepted', 'welcomed'])}."
    )


def _s_numbers(c: _Ctx) -> str:
    r = c.rng
    return _cap(
        f"{_pick(r, ['Since', 'From', 'As of'])} {r.randint(1995, 2022)}, {c.p_name} has "
        f"{_pick(r, ['trained', 'hosted', 'received', 'sent'])} {r.randint(12, 2400)} "
        f"{_pick(r, ['officers', 'cadets', 'specialists', 'experts', 'students'])} under programmes on "
        f"{_phrase(c)}, {_pick(r, ['according to', 'said', 'as reported by'])} "
        f"{_pick(r, ['the ministry', 'the embassy', 'officials', 'the two sides'])}."
    )


def _s_other(c: _Ctx) -> str:
    r = c.rng
    other = _pick(r, c.others)
    return _cap(
        f"{_subj(c)} also {_pick(r, ['briefed', 'informed'])} the {_pick(r, ['guest', 'host', 'delegation'])} on "
        f"{_pick(r, ['talks', 'consultations', 'exchanges'])} with {other} on {_phrase(c)} and "
        f"{_pick(r, ['plans', 'preparations', 'the agenda'])} "
        f"for {_pick(r, ['the ADMM', 'a joint exercise', 'the coming year', 'next month'])}."
    )


def _s_attache(c: _Ctx) -> str:
    r = c.rng
    name = _pick(r, c.lex.unregistered)
    rank = _pick(r, ["Colonel", "Major General", "Captain 1st Rank", "Senior Colonel"])
    return (
        f"Attending the {_pick(r, ['talks', 'reception', 'meeting'])} were {rank} {name}, "
        f"{_pick(r, ['Defence Attaché', 'Military Attaché'])} of {c.p_name} to {c.vn_name}, and "
        f"leaders of {_pick(r, ['several', 'relevant', 'some'])} agencies under the two ministries."
    )


_SENTENCES = [
    (_s_statement, 5),
    (_s_propose, 5),
    (_s_appreciate, 3),
    (_s_history, 1),
    (_s_multilateral, 1),
    (_s_sign, 1),
    (_s_sea, 1),
    (_s_invite, 1),
    (_s_numbers, 1),
    (_s_other, 1),
    (_s_attache, 1),
]
_SENT_FUNCS = [f for f, _ in _SENTENCES]
_SENT_CUM = []
_acc = 0
for _f, _w in _SENTENCES:
    _acc += _w
    _SENT_CUM.append(_acc)

_RANKS = {
    "defence_minister": ["General", "Army General", ""],
    "deputy_defence_minister": [
        "Sen. Lieut. Gen.",
        "Senior Lieutenant General",
        "Lieutenant General",
        "Colonel General",
    ],
    "chief_of_general_staff": ["Sen. Lieut. Gen.", "General", "Colonel General"],
    "head_of_general_political_department": ["General", "Senior Lieutenant General"],
}
_OFFICE_WORD = {  # office -> (title before a short name, noun after "the Belarusian ...")
    "defence_minister": ("Minister", "minister"),
    "deputy_defence_minister": ("Deputy Minister", "deputy minister"),
    "chief_of_general_staff": ("General", "chief of the general staff"),
    "head_of_general_political_department": ("General", "general"),
    "president": ("President", "president"),
    "vice_president": ("Vice President", "vice president"),
    "prime_minister": ("PM", "prime minister"),
    "deputy_prime_minister": ("Deputy PM", "deputy prime minister"),
    "general_secretary": ("General Secretary", "party leader"),
    "foreign_minister": ("Foreign Minister", "foreign minister"),
    "ambassador": ("Ambassador", "ambassador"),
}


def _holder(lex: Lexicon, rng: random.Random, offices: list[str], day: dt.date) -> tuple[int, str] | None:
    for office in offices:
        held = [i for s, e, i in lex.vn_offices.get(office, ()) if s <= day <= e]
        if held:
            return _pick(rng, held), office
    return None


_COUNTRY_TITLE_WORDS = {  # title words only some countries use
    "Secretary": {"United States", "United Kingdom"},
    "Armed Forces": {"France", "United Kingdom"},
    "Revolutionary": {"Cuba"},
    "War": {"United States"},
    "Premier": {"China"},
    "Vice Premier": {"China"},
    "Party": {"Vietnam", "China", "Laos"},
}


_TITLES_FOR: dict[tuple[str, str], tuple[str, ...]] = {}


def _title(lex: Lexicon, rng: random.Random, office: str, country: str) -> str:
    titles = _TITLES_FOR.get((office, country))
    if titles is None:
        titles = tuple(
            t
            for t in lex.titles[office]
            if all(country in who for word, who in _COUNTRY_TITLE_WORDS.items() if word in t)
            and (country == "Vietnam" or "Vietnam" not in t)
        ) or tuple(lex.titles[office])
        _TITLES_FOR[(office, country)] = titles
    t = _pick(rng, titles)
    ranks = _RANKS.get(office)
    rank = _pick(rng, ranks) if ranks and rng.random() < 0.5 else ""
    return f"{t} {rank}".strip()


def _first_form(p: Person, rng: random.Random, diacritics: bool) -> str:
    if rng.random() < 0.55:  # the canonical form most outlets print
        return p.full_marks if diacritics else p.full
    return _pick(rng, p.forms)


def _date_phrase(rng: random.Random, day: dt.date, diacritics: bool) -> str:
    r = rng.random()
    if diacritics and r < 0.6:
        return f"on {WEEKDAYS[day.weekday()]}"
    if r < 0.85:
        return f"on {MONTHS[day.month - 1]} {day.day}"
    return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"


STYLES = ("vna", "vov", "vns", "vietnamnet", "ndo")
_STYLE_CUM = [(0.3, "vna"), (0.5, "vov"), (0.75, "vns"), (0.9, "vietnamnet"), (1.0, "ndo")]


def make_story(lex: Lexicon, rng: random.Random) -> Story:
    x = rng.random()
    style = next(s for p, s in _STYLE_CUM if x < p)
    diacritics = style == "vns"
    # The partner official and a day of their term; then Vietnam's counterpart on that day.
    while True:
        partner = lex.people[_pick(rng, lex.partners)]
        p_office, start, end = _pick(rng, partner.offices)
        event = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        counterpart = (
            ["defence_minister", "deputy_defence_minister"]
            if p_office in _RANKS
            else [p_office, "president", "prime_minister"]
        )
        if rng.random() < 0.25:
            counterpart = ["president", "prime_minister", "defence_minister"]
        found = _holder(lex, rng, counterpart, event)
        if found and partner.country in lex.countries:
            break
    vn_i, vn_office = found
    vn = lex.people[vn_i]
    published = event + dt.timedelta(days=_pick(rng, [0, 0, 0, 1, 1, 2]))
    vn_name = "Việt Nam" if diacritics else _pick(rng, ["Vietnam", "Vietnam", "Vietnam", "Viet Nam"])
    hanoi = "Hà Nội" if diacritics else _pick(rng, ["Hanoi", "Hanoi", "Ha Noi"])
    p_name, p_demonym, p_capital = lex.countries[partner.country]
    if p_name.startswith(("United ", "Philippines", "Netherlands")):
        p_name = "the " + p_name
    vn_short = vn.short if diacritics else vn.short_ascii
    vn_title, vn_word = _OFFICE_WORD[vn_office]
    p_title, p_word = _OFFICE_WORD[p_office]
    n_themes = rng.randint(2, 4)
    themes = rng.sample(lex.theme_ids, n_themes)
    phrases = [p for t in themes for p in rng.sample(lex.themes[t], min(4, len(lex.themes[t])))]
    c = _Ctx(
        rng=rng,
        lex=lex,
        diacritics=diacritics,
        vn_name=vn_name,
        hanoi=hanoi,
        partner=partner.country,
        p_name=p_name,
        p_demonym=p_demonym,
        p_capital=p_capital,
        vn_later=[
            vn_short,
            f"{vn_title} {vn_short}",
            f"the Vietnamese {vn_word}",
            "the host",
        ],
        p_later=[
            partner.short,
            f"{p_title} {partner.short}",
            f"the {p_demonym} {p_word}",
            "the guest",
        ],
        both=["the two sides", "both sides", "the two officials", "the two delegations"],
        phrases=phrases,
        others=rng.sample(lex.other_countries, 3),
    )
    place = _pick(rng, [hanoi, hanoi, p_capital, "an online meeting"])
    where = f"in {place}" if place != "an online meeting" else "via videoconference"
    vn_first = f"{_title(lex, rng, vn_office, 'Vietnam')} {_first_form(vn, rng, diacritics)}"
    p_first = f"{p_demonym} {_title(lex, rng, p_office, partner.country)} {_first_form(partner, rng, diacritics)}"
    verb = _pick(rng, ["held talks with", "received", "had a meeting with", "hosted a reception for", "met with"])
    lead = (
        f"{vn_first} {verb} {p_first} {where} {_date_phrase(rng, event, diacritics)}, "
        f"{_pick(rng, ['discussing', 'agreeing on', 'reviewing'])} measures to {_pick(rng, _VERB)} "
        f"{_pick(rng, ['bilateral', 'the two countries’', 'defence'])} cooperation in {_phrase(c)}."
    )
    n_par = rng.randint(6, 14)
    n_sent = rng.randint(max(10, n_par), 20)
    body = [lead]
    words = len(lead.split())
    cum = _SENT_CUM
    total = cum[-1]
    while len(body) < n_sent or words < 250:
        x = rng.random() * total
        k = 0
        while cum[k] <= x:
            k += 1
        s = _SENT_FUNCS[k](c)
        if words + len(s.split()) > 600 and len(body) >= 10:
            break
        body.append(s)
        words += len(s.split())
        if len(body) >= 20:
            break
    n_par = min(n_par, len(body))
    cuts = sorted(rng.sample(range(1, len(body)), n_par - 1))
    paragraphs = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    title = _pick(
        rng,
        [
            f"{vn_name}, {p_name} boost defence cooperation",
            f"{vn_name}, {p_name} {_pick(rng, ['vow', 'agree'])} to deepen {_pick(rng, ['defence', 'military'])} ties",
            f"{vn_title} receives {p_demonym} {p_word}",
            f"{vn_name}-{p_name} defence cooperation {_pick(rng, ['flourishes', 'expands', 'gains momentum'])}",
            f"Defence ministers of {vn_name} and {p_name} hold talks in {place}",
        ],
    )
    caption = f"{vn_first} (right) and {p_first} {_pick(rng, ['at the talks', 'in ' + hanoi, 'at the reception'])}."
    return Story(style, event, published, title, caption, paragraphs)


# --------------------------------------------------------------------------- rendering


def _dateline(style: str, rng: random.Random, day: dt.date) -> str:
    hh, mm = rng.randrange(24), rng.randrange(60)
    if style == "vns":
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year} - {hh:02d}:{mm:02d}"
    if style == "vietnamnet":
        return f"{day.day:02d}/{day.month:02d}/{day.year}    {hh:02d}:{mm:02d} GMT+7"
    if style == "ndo":
        return f"{WEEKDAYS[day.weekday()]}, {day.day:02d}/{day.month:02d}/{day.year} {hh:02d}:{mm:02d}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def render(
    story: Story,
    style: str,
    rng: random.Random,
    *,
    drop_last: bool = False,
    mirror: bool = False,
    dateless: bool = False,
) -> str:
    """The article text of ``story`` with ``style``'s furniture (``dateless``: without the
    crawler's date header and the outlet's dateline, for the undated articles of ``--shape real``)."""
    paras = story.paragraphs[:-1] if drop_last and len(story.paragraphs) > 1 else story.paragraphs
    glue = style == "vna" and rng.random() < 0.8  # the crawl lost the spaces after full stops
    texts = [("" if glue else " ").join(p) for p in paras]
    header = f" date {story.published.isoformat()} " if rng.random() < (0.8 if style in {"vna", "vns"} else 0.4) else ""
    if dateless:
        header = ""
    lines: list[str] = []
    if mirror:
        lines += [
            header + story.title,
            "",
            f"Home » World News » Asia » {story.title}",
            "",
            f"Posted by {_pick(rng, ['admin', 'editor', 'newsbot'])} | {rng.randrange(5)} comments",
            "",
            "ADVERTISEMENT",
            "",
            _dateline("vns", rng, story.published),
            "",
            "Hanoi (VNA) – " + texts[0],
            "",
        ]
        lines += [t for x in texts[1:] for t in (x, "")]
        lines[-2] += "-VNA"
        junk = rng.sample(MIRROR_JUNK_HEADLINES, 2)
        lines += [
            "Share this:",
            "Click to share on Facebook (Opens in new window)",
            "Click to share on Twitter (Opens in new window)",
            "Click to print (Opens in new window)",
            "",
            "Like this:",
            "Like Loading...",
            "",
            "Related posts",
            "",
            *junk,
            "",
            "Leave a Reply Cancel reply",
            "",
            "Your email address will not be published. Required fields are marked *",
            "",
        ]
        return "\n".join(lines)
    if style == "vna":
        first = story.caption[:-1] + ". (Photo: VNA)" if rng.random() < 0.6 else story.title
        lines += [header + first, ""]
        lead = _pick(rng, ["– ", f"{_pick(rng, ['Hanoi', 'HANOI'])} (VNA) – ", ""])
        body = [lead + texts[0], *texts[1:]]
        body[-1] += _pick(rng, ["-VNA", "/.VNA", " -VNA"])
        lines += [t for x in body for t in (x, "")]
    elif style == "vov":
        lines += [header + story.title, ""]
        body = ["VOV.VN - " + texts[0], *texts[1:]]
        lines += [t for x in body for t in (x, "")]
        lines.append(_pick(rng, ["Mời quý độc giả theo dõi VOV.VN trên", "Moi quy doc gia theo doi VOV.VN tren"]))
    elif style == "vns":
        lines += [header + story.title, "", "" if dateless else _dateline(style, rng, story.published)]
        lines.append(story.paragraphs[0][0] + " ")  # the sapo repeats the lead
        lines.append(f"{story.caption} — VNA/VNS Photo {_pick(rng, PHOTOGRAPHERS)}")
        lines.append("")
        body = [f"{story_place_caps(rng)} — " + texts[0], *texts[1:]]
        body[-1] += " — VNA/VNS"
        lines += [t for x in body for t in (x, "")]
        lines.append("E-paper")
    elif style == "vietnamnet":
        site = "Tin tức, Đọc báo Online, Tin tức trong ngày 24h - VietNamNet"
        dateline = "" if dateless else _dateline(style, rng, story.published)
        lines += [header + site if header else site, story.title, "", dateline, ""]
        first = texts[0]
        cut = first.find(", ", len(first) // 2)
        if cut > 0 and rng.random() < 0.6:  # a sentence broken over two lines by the crawl
            lines += [first[: cut + 1] + " ", "", first[cut + 2 :], ""]
        else:
            lines += [first, ""]
        lines += [f"{story.title} hinh anh 1", "", story.caption.rsplit(" (right)", 1)[0] + " ", ""]
        rest = list(texts[1:])
        rest[-1] += "/.VNA"
        lines += [t for x in rest for t in (x, "")]
        lines += [" ", "\u00a0", ""]
    else:  # ndo
        dateline = "" if dateless else _dateline(style, rng, story.published)
        lines += ["Nhan Dan Online", "", dateline, "", story.title, ""]
        body = ["NDO – " + texts[0], story.caption[:-1] + ". (Photo: VNA)", *texts[1:]]
        lines += [t for x in body for t in (x, "")]
    return "\n".join(lines)


def story_place_caps(rng: random.Random) -> str:
    return _pick(rng, ["HÀ NỘI", "HÀ NỘI", "HCM CITY", "MOSCOW", "MINSK"])


# --------------------------------------------------------------------------- the corpus


def _rng(seed: int, i: int) -> random.Random:
    return random.Random((seed << 32) ^ i)


def _kind(seed: int, i: int) -> str:
    if i == 0:
        return "original"
    x = _rng(seed, i).random()
    return "syndicated" if x < P_SYNDICATED else "mirror" if x < P_SYNDICATED + P_MIRROR else "original"


def _story(lex: Lexicon, seed: int, i: int) -> tuple[Story, random.Random]:
    rng = _rng(seed, i)
    rng.random()  # the kind draw
    return make_story(lex, rng), rng


def article(lex: Lexicon, seed: int, i: int) -> tuple[str, str, str]:
    """``(text, kind, source)`` of article ``i``: source is the index of the copied story, or ``""``."""
    kind = _kind(seed, i)
    if kind == "original":
        story, rng = _story(lex, seed, i)
        return render(story, story.style, rng), kind, ""
    rng = _rng(seed, i)
    rng.random()
    j = i - 1 - rng.randrange(min(i, 300))
    while _kind(seed, j) != "original":
        j -= 1
    story, _ = _story(lex, seed, j)
    if kind == "mirror":
        return render(story, "mirror", rng, mirror=True), kind, str(j)
    style = _pick(rng, [s for s in STYLES if s != story.style])
    return render(story, style, rng, drop_last=True), kind, str(j)


def path_for(i: int, n: int, rng_hex: str) -> str:
    width = max(6, len(str(max(n - 1, 0))))
    folder = max(3, len(str(max(n - 1, 0) // PER_FOLDER)))
    return f"{i // PER_FOLDER:0{folder}d}/{i:0{width}d}_{rng_hex}.txt"


_LEX: Lexicon | None = None


def _write_folder(args: tuple[Path, int, int, int, int]) -> list[tuple[str, str, bytes]]:
    """Write articles ``lo..hi-1`` (one folder); ``(kind, relpath, sha256)`` of each."""
    out, seed, n, lo, hi = args
    lex = _LEX if _LEX is not None else lexicon()
    rows = []
    folder_made = False
    for i in range(lo, hi):
        text, kind, _src = article(lex, seed, i)
        data = text.encode("utf-8")
        digest = hashlib.sha256(data)
        rel = path_for(i, n, digest.hexdigest()[:16])
        if not folder_made:
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            folder_made = True
        with open(out / rel, "wb") as fh:
            fh.write(data)
        rows.append((kind, rel, digest.digest()))
    return rows


# --------------------------------------------------------------------------- the "real" shape
#
# ``--shape real``: what an analyst's own crawl looks like, for testing figures on many outlets,
# partners and officials.  News-please JSON lines (``DIR/NNN.jsonl``) with about a tenth of the
# articles as seed-like ``.txt`` files beside them (``DIR/NNN/NNNNNN_<hex>.txt``); outlets from
# ``data/outlets.csv`` with a Zipf-like skew plus invented hosts; partners from every country of
# the registry, skewed; 1-3 meetings an article; officials the registry does not know; dates over
# 2000-2025 with a rising trend, a quarter undated; syndicated copies, off-topic distractors and
# missing titles.  Every draw of article ``i`` comes from ``random.Random`` streams seeded by
# strings of ``(seed, i)`` (seeded through SHA-512, so independent of ``PYTHONHASHSEED``).

REAL_FIRST_DAY = dt.date(2000, 1, 1)
REAL_PER_FILE = 550  # article numbers a JSON-lines file covers (about 500 records, the rest .txt)
P_REAL_SYNDICATED = 0.08
P_REAL_DISTRACTOR = 0.05
P_REAL_TXT = 0.10
P_REAL_UNKNOWN_HOST = 0.10
P_REAL_UNKNOWN_OFFICIAL = 0.15
P_REAL_NO_TITLE = 0.10
#: How an article states its date: (share, mode).  ``none``: no date in the text nor a date
#: field; ``full``: a full date in the lead (and a header or dateline in the .txt files);
#: ``day``: a year-less day (``on March 3``); ``month`` / ``year``: only ``in March 2015`` / ``in 2015``.
REAL_DATE_MODES = ((0.25, "none"), (0.70, "full"), (0.82, "day"), (0.92, "month"), (1.0, "year"))
#: Share of the dated articles with a ``date_publish`` field (so about half of all records).
P_REAL_DATE_FIELD = 2 / 3
#: Meetings an article reports: cumulative shares of 1, 2 and 3.
REAL_MEETINGS = ((0.5, 1), (0.85, 2), (1.0, 3))
#: The outlets of the seeds, first in the ranking, and the furniture their articles carry.
REAL_SEED_HOSTS = {
    "en.vietnamplus.vn": "vna",
    "english.vov.vn": "vov",
    "vietnamnews.vn": "vns",
    "english.vietnamnet.vn": "vietnamnet",
    "en.nhandan.vn": "ndo",
}
#: The partners that dominate Vietnam's defence news, first in the ranking; the other countries
#: of the registry follow in a fixed shuffled order.
REAL_TOP_PARTNERS = (
    "Laos",
    "Cambodia",
    "Russia",
    "China",
    "United States",
    "Japan",
    "India",
    "South Korea",
    "Australia",
    "Belarus",
)
_VN_ANY_OFFICE = (
    "defence_minister",
    "deputy_defence_minister",
    "president",
    "prime_minister",
    "deputy_prime_minister",
    "foreign_minister",
    "chief_of_general_staff",
    "head_of_general_political_department",
    "vice_president",
    "general_secretary",
)
# Invented officials: given names and surname syllables that make no public figure's name
# (every name made is also checked against the registry's short names).
_INVENTED_GIVEN = (
    "Arvel",
    "Corvan",
    "Tavrel",
    "Idrena",
    "Maelis",
    "Orsenne",
    "Veldric",
    "Kasimor",
    "Lioren",
    "Brannoc",
    "Thessaly",
    "Quorin",
    "Ysolde",
    "Darvin",
    "Melkior",
    "Sorrel",
    "Ondrej",
    "Halvard",
    "Ilvane",
    "Perrin",
    "Zoltren",
    "Aurelio",
    "Kestra",
    "Bodhan",
)
_SYL_A = ("Mel", "Vor", "Kess", "Drav", "Ost", "Quen", "Brel", "Tarn", "Zev", "Holm", "Rask", "Ulv", "Pell", "Grev")
_SYL_B = ("tra", "en", "ki", "vo", "ran", "de", "li", "mo", "ste", "ba", "gu", "sa")
_SYL_C = ("sek", "brau", "dorn", "vik", "lenko", "quist", "mar", "zic", "worth", "nard", "ello", "tov")
_APPOSITION = (  # a title phrase in apposition, then the name ({c}: country, {d}: demonym)
    "Director General of the Defence Cooperation Department of {c} {name}",
    "Director of the International Cooperation Department of the {d} Ministry of Defence, Major General {name},",
    "Major General {name}, Director of the Foreign Relations Department of the {d} armed forces,",
    "Deputy Director of the Defence Policy Department of {c} {name}",
    "Senior Colonel {name}, Deputy Director of the {d} Military Technical Cooperation Agency,",
    "Rear Admiral {name}, Commander of the {d} naval task group,",
)
_INVENTED_HOST_A = (
    "asia",
    "mekong",
    "pacific",
    "indochina",
    "region",
    "defence",
    "security",
    "strategic",
    "eastsea",
    "capital",
    "global",
    "daily",
    "world",
    "frontier",
    "lotus",
    "harbour",
)
_INVENTED_HOST_B = (
    "wire",
    "digest",
    "monitor",
    "observer",
    "dispatch",
    "ledger",
    "bulletin",
    "review",
    "briefing",
    "report",
    "chronicle",
    "courier",
)
_INVENTED_TLDS = ("com", "net", "org", "info", "news", "asia", "co")
_SECTIONS = ("politics", "world", "national", "defence", "news", "diplomacy", "society", "en/politics")


@dataclass(frozen=True)
class RealLexicon:
    lex: Lexicon  # terms of office from REAL_FIRST_DAY
    hosts: tuple[tuple[str, str, str], ...]  # (host, path prefix, style) by rank
    host_cum: tuple[float, ...]
    invented: tuple[str, ...]  # hosts outlets.csv does not know, by rank
    invented_cum: tuple[float, ...]
    partners: tuple[str, ...]  # partner countries by rank
    partner_cum: tuple[float, ...]
    by_country: dict[str, tuple[tuple[dt.date, dt.date, int, str], ...]]  # (start, end, person, office)
    by_year: dict[int, tuple[tuple[dt.date, dt.date, int, str], ...]]
    years: tuple[int, ...]
    year_cum: tuple[float, ...]
    known_short: frozenset[str]


def _cumulative(weights) -> tuple[float, ...]:
    out, acc = [], 0.0
    for w in weights:
        acc += w
        out.append(acc)
    return tuple(x / acc for x in out)


def _draw(rng: random.Random, cum: tuple[float, ...]) -> int:
    """An index drawn with the weights of a cumulative table (binary search)."""
    x = rng.random()
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def real_lexicon() -> RealLexicon:
    """What ``--shape real`` takes from defcoop's data, in a fixed order."""
    from defcoop.lexicons.outlets import outlet_of_host, outlets

    lex = lexicon(REAL_FIRST_DAY)
    table = outlets()
    seed_hosts = [h for h in REAL_SEED_HOSTS if h in table]
    vietnamese = sorted(d for d, o in table.items() if o.country == "Vietnam" and d not in REAL_SEED_HOSTS)
    others = sorted(d for d, o in table.items() if o.country != "Vietnam")
    order = random.Random("make_corpus/real/outlets")
    order.shuffle(vietnamese)
    order.shuffle(others)
    # a few Vietnamese outlets near the top, then everyone mixed
    head, rest = vietnamese[:6], vietnamese[6:] + others
    order.shuffle(rest)
    hosts = []
    for domain in [*seed_hosts, *head, *rest]:
        host, _, prefix = domain.partition("/")
        hosts.append((host, "/" + prefix if prefix else "", REAL_SEED_HOSTS.get(domain, "plain")))
    host_cum = _cumulative(1 / (r + 1) ** 1.2 for r in range(len(hosts)))
    invented = sorted(
        {
            f"{a}{b}.{t}"
            for a in _INVENTED_HOST_A
            for b in _INVENTED_HOST_B
            for t in _INVENTED_TLDS[: 2 + (len(a) + len(b)) % 3]
            if outlet_of_host(f"{a}{b}.{t}") is None
        }
    )
    invented = random.Random("make_corpus/real/invented").sample(invented, len(invented))
    invented_cum = _cumulative(1 / (r + 3) ** 0.8 for r in range(len(invented)))
    by_country: dict[str, list[tuple[dt.date, dt.date, int, str]]] = {}
    for i in lex.partners:
        p = lex.people[i]
        if p.country not in lex.countries:
            continue
        for office, start, end in p.offices:
            if office in _OFFICE_WORD:
                by_country.setdefault(p.country, []).append((start, end, i, office))
    countries = sorted(by_country)
    tail = [c for c in countries if c not in REAL_TOP_PARTNERS]
    random.Random("make_corpus/real/partners").shuffle(tail)
    partners = tuple(c for c in REAL_TOP_PARTNERS if c in by_country) + tuple(tail)
    by_year: dict[int, list] = {}
    for c in countries:
        for row in by_country[c]:
            for y in range(row[0].year, row[1].year + 1):
                by_year.setdefault(y, []).append(row)
    years = tuple(range(REAL_FIRST_DAY.year, LAST_DAY.year + 1))
    reg = registry()
    return RealLexicon(
        lex=lex,
        hosts=tuple(hosts),
        host_cum=host_cum,
        invented=tuple(invented),
        invented_cum=invented_cum,
        partners=partners,
        partner_cum=_cumulative(1 / (r + 1) for r in range(len(partners))),
        by_country={c: tuple(sorted(v)) for c, v in sorted(by_country.items())},
        by_year={y: tuple(sorted(v)) for y, v in sorted(by_year.items())},
        years=years,
        year_cum=_cumulative((y - years[0] + 1) ** 1.5 for y in years),
        known_short=frozenset(fold(s) for s in reg.short),
    )


def _real_rng(seed: int, i: int, what: str) -> random.Random:
    return random.Random(f"make_corpus/real/{what}/{seed}/{i}")


def _real_kind(seed: int, i: int) -> str:
    if i == 0:
        return "original"
    x = _real_rng(seed, i, "kind").random()
    if x < P_REAL_SYNDICATED:
        return "syndicated"
    return "distractor" if x < P_REAL_SYNDICATED + P_REAL_DISTRACTOR else "original"


@dataclass(frozen=True)
class _Place:
    fmt: str  # "jsonl" or "txt"
    host: str  # (jsonl) the URL's host
    prefix: str  # (jsonl) a path the outlet's domain is listed with
    style: str  # furniture: one of STYLES, or "plain"


def _real_place(rl: RealLexicon, seed: int, i: int, avoid: str = "") -> _Place:
    """Where article ``i`` is published: its file format, host and furniture."""
    rng = _real_rng(seed, i, "place")
    if rng.random() < P_REAL_TXT:
        x = rng.random()
        return _Place("txt", "", "", next(s for p, s in _STYLE_CUM if x < p))
    while True:
        if rng.random() < P_REAL_UNKNOWN_HOST:
            host, prefix, style = rl.invented[_draw(rng, rl.invented_cum)], "", "plain"
        else:
            host, prefix, style = rl.hosts[_draw(rng, rl.host_cum)]
        if host != avoid:
            return _Place("jsonl", host, prefix, style)


def _invented_name(rl: RealLexicon, rng: random.Random) -> str:
    while True:
        family = _pick(rng, _SYL_A) + _pick(rng, _SYL_B) + _pick(rng, _SYL_C)
        given = _pick(rng, _INVENTED_GIVEN)
        if fold(family) not in rl.known_short and fold(given) not in rl.known_short:
            return f"{given} {family}"


_UNDATED_WORDS = ("recently", "this week", "", "", "at the weekend")


def _real_date_phrase(rng: random.Random, mode: str, day: dt.date) -> str:
    if mode == "full":
        return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"
    if mode == "day":
        return f"on {MONTHS[day.month - 1]} {day.day}"
    if mode == "month":
        return f"in {MONTHS[day.month - 1]} {day.year}"
    if mode == "year":
        return f"in {day.year}"
    return _pick(rng, _UNDATED_WORDS)


def _meeting_ctx(
    lex: Lexicon, rng: random.Random, vn: Person, vn_office: str, partner: Person, p_office: str, diacritics: bool
) -> tuple[_Ctx, str, str]:
    """The sentence context of one meeting, and the two officials' first mentions."""
    vn_name = "Việt Nam" if diacritics else _pick(rng, ["Vietnam", "Vietnam", "Vietnam", "Viet Nam"])
    hanoi = "Hà Nội" if diacritics else _pick(rng, ["Hanoi", "Hanoi", "Ha Noi"])
    p_name, p_demonym, p_capital = lex.countries[partner.country]
    if p_name.startswith(("United ", "Philippines", "Netherlands")):
        p_name = "the " + p_name
    vn_short = vn.short if diacritics else vn.short_ascii
    vn_title, vn_word = _OFFICE_WORD[vn_office]
    p_title, p_word = _OFFICE_WORD[p_office]
    themes = rng.sample(lex.theme_ids, rng.randint(2, 4))
    phrases = [p for t in themes for p in rng.sample(lex.themes[t], min(4, len(lex.themes[t])))]
    c = _Ctx(
        rng=rng,
        lex=lex,
        diacritics=diacritics,
        vn_name=vn_name,
        hanoi=hanoi,
        partner=partner.country,
        p_name=p_name,
        p_demonym=p_demonym,
        p_capital=p_capital,
        vn_later=[vn_short, f"{vn_title} {vn_short}", f"the Vietnamese {vn_word}", "the host"],
        p_later=[partner.short, f"{p_title} {partner.short}", f"the {p_demonym} {p_word}", "the guest"],
        both=["the two sides", "both sides", "the two officials", "the two delegations"],
        phrases=phrases,
        others=rng.sample(lex.other_countries, 3),
    )
    vn_first = f"{_title(lex, rng, vn_office, 'Vietnam')} {_first_form(vn, rng, diacritics)}"
    p_first = f"{p_demonym} {_title(lex, rng, p_office, partner.country)} {_first_form(partner, rng, diacritics)}"
    return c, vn_first, p_first


def _sentences(c: _Ctx, n: int, max_words: int, months: bool) -> list[str]:
    """``n`` body sentences (fewer past ``max_words``); ``months=False`` leaves out the ones that
    name a month (a year-less date the loader would date the article by)."""
    out: list[str] = []
    words = 0
    total = _SENT_CUM[-1]
    while len(out) < n:
        x = c.rng.random() * total
        k = 0
        while _SENT_CUM[k] <= x:
            k += 1
        f = _SENT_FUNCS[k]
        if f is _s_invite and not months:
            continue
        s = f(c)
        words += len(s.split())
        out.append(s)
        if words > max_words:
            break
    return out


def _meetings(rl: RealLexicon, rng: random.Random) -> tuple[dt.date, list[tuple[int, str, int, str]]]:
    """A day on the rising trend and 1-3 meetings on it: ``(vn person, office, partner, office)``."""
    lex = rl.lex
    x = rng.random()
    n_meet = next(k for p, k in REAL_MEETINGS if x < p)
    while True:
        year = rl.years[_draw(rng, rl.year_cum)]
        first = dt.date(year, 1, 1)
        last = min(dt.date(year, 12, 31), LAST_DAY)
        event = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
        meetings: list[tuple[int, str, int, str]] = []
        for _ in range(n_meet):
            held = []
            for _try in range(8):  # a skewed draw of the country, if it has someone in office
                country = rl.partners[_draw(rng, rl.partner_cum)]
                held = [(i, o) for s, e, i, o in rl.by_country[country] if s <= event <= e]
                if held:
                    break
            if not held:
                held = [(i, o) for s, e, i, o in rl.by_year.get(year, ()) if s <= event <= e]
            held = [h for h in held if all(h[0] != m[2] for m in meetings)]
            if not held:
                break
            p_i, p_office = _pick(rng, held)
            if p_office in _RANKS:
                counterpart = ["defence_minister", "deputy_defence_minister"]
            else:
                counterpart = [p_office, "president", "prime_minister"]
            if rng.random() < 0.25:
                counterpart = ["president", "prime_minister", "defence_minister"]
            found = _holder(lex, rng, [*counterpart, *_VN_ANY_OFFICE], event)
            if found is None:
                break
            meetings.append((found[0], found[1], p_i, p_office))
        if meetings:
            return event, meetings


_GROWS = ["flourishes", "expands", "gains momentum"]
_MEETING_VERBS = ["held talks with", "received", "had a meeting with", "hosted a reception for", "met with"]
_LATER_MEETING = [
    "Earlier the same day",
    "Later in the day",
    "On the same occasion",
    "Also during the visit",
    "On the sidelines of the event",
    "In a separate meeting",
]


def real_story(rl: RealLexicon, seed: int, i: int, diacritics: bool) -> tuple[Story, str]:
    """The on-topic story of article ``i`` and how it states its date (a mode of REAL_DATE_MODES)."""
    lex = rl.lex
    rng = _real_rng(seed, i, "story")
    x = rng.random()
    mode = next(m for p, m in REAL_DATE_MODES if x < p)
    event, meetings = _meetings(rl, rng)
    published = min(event + dt.timedelta(days=_pick(rng, [0, 0, 0, 1, 1, 2])), LAST_DAY)
    paragraphs: list[list[str]] = []
    months = mode in ("full", "day")
    title = caption = ""
    first_ctx = None
    for k, (vn_i, vn_office, p_i, p_office) in enumerate(meetings):
        vn, partner = lex.people[vn_i], lex.people[p_i]
        c, vn_first, p_first = _meeting_ctx(lex, rng, vn, vn_office, partner, p_office, diacritics)
        place = _pick(rng, [c.hanoi, c.hanoi, c.p_capital, "an online meeting"])
        where = f"in {place}" if place != "an online meeting" else "via videoconference"
        verb = _pick(rng, _MEETING_VERBS)
        measures = (
            f"{_pick(rng, ['discussing', 'agreeing on', 'reviewing'])} measures to {_pick(rng, _VERB)} "
            f"{_pick(rng, ['bilateral', 'the two countries’', 'defence'])} cooperation in {_phrase(c)}."
        )
        if k == 0:
            first_ctx = c
            when = _real_date_phrase(rng, mode, event)
            lead = f"{vn_first} {verb} {p_first} {where}{' ' + when if when else ''}, {measures}"
            body = [lead, *_sentences(c, rng.randint(9, 16), 520, months)]
            n_par = min(rng.randint(5, 10), len(body))
            title = _pick(
                rng,
                [
                    f"{c.vn_name}, {c.p_name} boost defence cooperation",
                    f"{c.vn_name}, {c.p_name} {_pick(rng, ['vow', 'agree'])} to deepen defence ties",
                    f"{_OFFICE_WORD[vn_office][0]} {c.vn_later[0]} receives {c.p_demonym} {_OFFICE_WORD[p_office][1]}",
                    f"{c.vn_name}-{c.p_name} defence cooperation {_pick(rng, _GROWS)}",
                    f"{c.vn_name}, {c.p_name} discuss {_phrase(c)}",
                ],
            )
            caption = (
                f"{vn_first} (right) and {p_first} {_pick(rng, ['at the talks', 'in ' + c.hanoi, 'at the reception'])}."
            )
        else:
            lead = f"{_pick(rng, _LATER_MEETING)}, {vn_first} {verb} {p_first} {where}, {measures}"
            body = [lead, *_sentences(c, rng.randint(2, 6), 180, months)]
            n_par = min(rng.randint(1, 3), len(body))
        cuts = sorted(rng.sample(range(1, len(body)), n_par - 1)) if n_par > 1 else []
        paragraphs += [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    if rng.random() < P_REAL_UNKNOWN_OFFICIAL and first_ctx is not None:
        c = first_ctx
        name = _invented_name(rl, rng)
        who = _pick(rng, _APPOSITION).format(c=c.p_name, d=c.p_demonym, name=name)
        said = f"{_pick(rng, ['Attending the talks', 'Present at the meeting', 'Joining the delegation'])} was {who}"
        said = (
            said.rstrip(",")
            + f", who {_pick(rng, _SAY)} that the two sides would {_pick(rng, _VERB)} exchanges in {_phrase(c)}."
        )
        later = (
            f"{name.split()[-1]} {_pick(rng, ['added', 'noted', 'said'])} that {_phrase(c)} "
            f"would be a priority{_tail(c)}."
        )
        at = rng.randrange(1, len(paragraphs) + 1)
        paragraphs.insert(at, [said, later] if rng.random() < 0.6 else [said])
    style = "vns" if diacritics else "vna"
    return Story(style, event, published, title, caption, paragraphs), mode


_TEAMS = (
    "Red River FC",
    "Lotus City FC",
    "Harbour United",
    "Highland Stars",
    "Coastal Rangers",
    "Delta Wanderers",
    "Northern Eagles",
    "Port Athletic",
    "Valley Rovers",
    "Southern Tigers",
)
_COMPETITIONS = ("the national football league", "the national cup", "the regional futsal championship")


def _distractor_sport(rng: random.Random, when: str) -> tuple[str, list[list[str]]]:
    a, b = rng.sample(_TEAMS, 2)
    ga, gb = rng.randint(1, 4), rng.randint(0, 3)
    comp = _pick(rng, _COMPETITIONS)
    verb = "beat" if ga > gb else "were held by" if ga == gb else "lost to"
    gb = min(gb, ga) if verb == "beat" else gb
    title = f"{a} {verb} {b} in {comp}"
    paras = [
        [
            f"{a} {verb} {b} {ga}-{gb}{' ' + when if when else ''} in round {rng.randint(2, 26)} of {comp}, "
            f"{_pick(rng, ['lifting', 'keeping', 'leaving'])} the {_pick(rng, ['hosts', 'visitors'])} "
            f"{_pick(rng, ['in the top four', 'mid-table', 'near the bottom of the table'])}."
        ],
        [
            f"The opening goal came in the {rng.randint(5, 44)}th minute from a "
            f"{_pick(rng, ['corner', 'free kick', 'counter-attack', 'long-range shot'])}, and the second half "
            f"brought {_pick(rng, ['few chances', 'a flurry of chances', 'two yellow cards and a penalty appeal'])}.",
            f"A crowd of {rng.randint(3, 28) * 1000:,} watched the match at the riverside stadium.",
        ],
        [
            f"The result leaves the table {_pick(rng, ['wide open', 'tight at the top', 'unchanged at the top'])} "
            f"with {rng.randint(3, 12)} rounds to play.",
            f"Both clubs return to training on {_pick(rng, WEEKDAYS)} ahead of the next fixtures.",
        ],
    ]
    return title, paras


_ADVICE = ["avoid travel on mountain roads", "keep children indoors", "protect crops and livestock"]


def _distractor_weather(rng: random.Random, when: str) -> tuple[str, list[list[str]]]:
    region = _pick(rng, ["northern", "central", "southern", "mountainous northern", "coastal central"])
    title = (
        f"{_pick(rng, ['Heavy rain', 'Cold spell', 'Heatwave', 'Tropical depression'])} forecast for {region} provinces"
    )
    paras = [
        [
            f"The national weather centre{' ' + when if when else ''} forecast "
            f"{_pick(rng, ['heavy rain', 'a cold spell', 'a heatwave', 'thunderstorms'])} for the {region} provinces, "
            f"with rainfall of {rng.randint(50, 300)} mm in places."
        ],
        [
            f"Temperatures are expected to range from {rng.randint(8, 22)} to {rng.randint(23, 39)} degrees Celsius.",
            f"Residents were advised to {_pick(rng, _ADVICE)}.",
        ],
        [
            f"Flash floods and landslides are possible in {rng.randint(3, 12)} provinces, "
            f"and the weather is expected to ease within {rng.randint(2, 6)} days."
        ],
    ]
    return title, paras


def _distractor_markets(rng: random.Random, when: str) -> tuple[str, list[list[str]]]:
    up = rng.random() < 0.5
    pct = f"{rng.randint(1, 30) / 10:.1f}"
    why = _pick(rng, ["investors return", "banks lead", "oil slips"])
    title = f"Shares {'rise' if up else 'fall'} {pct} percent as {why}"
    paras = [
        [
            f"The benchmark stock index {'rose' if up else 'fell'} {pct} percent to {rng.randint(900, 1400)} points"
            f"{' ' + when if when else ''}, with turnover of {rng.randint(8, 30)} trillion dong."
        ],
        [
            f"Banking and real estate shares {_pick(rng, ['led the gains', 'weighed on the market', 'were mixed'])}, "
            f"while {_pick(rng, ['steel', 'retail', 'securities'])} stocks "
            f"{_pick(rng, ['edged up', 'slipped', 'held steady'])}.",
            f"Gold was quoted at {rng.randint(60, 120)} million dong a tael, and the dollar "
            f"{_pick(rng, ['firmed', 'eased', 'was flat'])} against the dong.",
        ],
        [f"Analysts expect {_pick(rng, ['volatility', 'cautious trading', 'a recovery'])} in the coming sessions."],
    ]
    return title, paras


def distractor_story(rl: RealLexicon, seed: int, i: int) -> tuple[Story, str]:
    """An off-topic article (sport, weather, markets) that names no official."""
    rng = _real_rng(seed, i, "story")
    x = rng.random()
    mode = next(m for p, m in REAL_DATE_MODES if x < p)
    year = rl.years[_draw(rng, rl.year_cum)]
    first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), LAST_DAY)
    day = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
    make = _pick(rng, [_distractor_sport, _distractor_weather, _distractor_markets])
    title, paras = make(rng, _real_date_phrase(rng, mode, day))
    return Story("vna", day, day, title, title + ".", paras), mode


def _slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", ascii_fold(title).lower()))[:80].strip("-")


def _plain_text(story: Story, style: str, rng: random.Random, mode: str, drop_last: int) -> str:
    """``maintext`` of a record: the paragraphs, with some of the outlet's furniture."""
    paras = story.paragraphs[: len(story.paragraphs) - drop_last] or story.paragraphs[:1]
    texts = [" ".join(p) for p in paras]
    lead = {
        "vna": _pick(rng, ["Hanoi (VNA) – ", "HANOI (VNA) – ", ""]),
        "vov": "VOV.VN - ",
        "vns": "HÀ NỘI — ",
        "ndo": "NDO – ",
    }.get(style, _pick(rng, ["", "", "HANOI – ", "Hanoi – "]))
    credit = {"vna": "-VNA", "vns": " — VNA/VNS", "vietnamnet": "/.VNA"}.get(style, "")
    texts[0] = lead + texts[0]
    texts[-1] += credit
    lines = []
    if mode == "full" and style in ("vns", "vietnamnet", "ndo") and rng.random() < 0.5:
        lines.append(_dateline(style, rng, story.published))
    lines += texts
    return "\n".join(lines)


def real_article(rl: RealLexicon, seed: int, i: int) -> tuple[_Place, bytes, str, bool]:
    """``(place, bytes, kind, undated)`` of article ``i``: a JSON line (no newline) or a .txt file."""
    kind = _real_kind(seed, i)
    rng = _real_rng(seed, i, "render")
    if kind == "syndicated":
        j = i - 1 - rng.randrange(min(i, 300))
        while _real_kind(seed, j) != "original":
            j -= 1
        source = _real_place(rl, seed, j)
        place = _real_place(rl, seed, i, avoid=source.host)
        story, mode = real_story(rl, seed, j, source.style == "vns")
        drop = 2 if len(story.paragraphs) > 3 and rng.random() < 0.3 else 1
        story.published = min(story.published + dt.timedelta(days=rng.randrange(4)), LAST_DAY)
    else:
        place = _real_place(rl, seed, i)
        drop = 0
        if kind == "distractor":
            story, mode = distractor_story(rl, seed, i)
        else:
            story, mode = real_story(rl, seed, i, place.style == "vns")
    undated = mode == "none"
    if place.fmt == "txt":
        style = place.style if place.style in STYLES else "vna"
        text = render(story, style, rng, drop_last=drop > 0, dateless=mode != "full")
        return place, text.encode("utf-8"), kind, undated
    record: dict[str, str] = {}
    www = "www." if place.host.count(".") == 1 and rng.random() < 0.6 else ""
    section = _pick(rng, _SECTIONS)
    slug = _slug(story.title) or "article"
    record["url"] = f"https://{www}{place.host}{place.prefix}/{section}/{slug}-{rng.randrange(10**5, 10**7)}.html"
    x = rng.random()
    if x >= P_REAL_NO_TITLE:
        record["title"] = story.title
    elif x < P_REAL_NO_TITLE / 2:
        record["title"] = ""
    if not undated and rng.random() < P_REAL_DATE_FIELD:
        hh, mm = rng.randrange(24), rng.randrange(60)
        record["date_publish"] = f"{story.published.isoformat()} {hh:02d}:{mm:02d}:00"
    record["language"] = "en"
    record["maintext"] = _plain_text(story, place.style, rng, mode, drop)
    return place, json.dumps(record, ensure_ascii=False).encode("utf-8"), kind, undated


_REAL_LEX: RealLexicon | None = None


def _write_real_file(args: tuple[Path, int, int, int, int]) -> list[tuple[str, str, bytes, int, int]]:
    """Write articles ``lo..hi-1``: ``NNN.jsonl`` and ``NNN/*.txt``; per file
    ``(kind or "records", relpath, sha256, records, undated)``."""
    out, seed, n, lo, hi = args
    rl = _REAL_LEX if _REAL_LEX is not None else real_lexicon()
    width = max(6, len(str(max(n - 1, 0))))
    stem = f"{lo // REAL_PER_FILE:0{max(3, len(str(max(n - 1, 0) // REAL_PER_FILE)))}d}"
    lines: list[bytes] = []
    rows = []
    kinds = {"original": 0, "syndicated": 0, "distractor": 0}
    undated_lines = 0
    for i in range(lo, hi):
        place, data, kind, undated = real_article(rl, seed, i)
        kinds[kind] += 1
        if place.fmt == "jsonl":
            lines.append(data)
            undated_lines += undated
            continue
        digest = hashlib.sha256(data)
        rel = f"{stem}/{i:0{width}d}_{digest.hexdigest()[:16]}.txt"
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
        rows.append(("txt", rel, digest.digest(), 1, int(undated)))
    if lines:
        data = b"\n".join(lines) + b"\n"
        (out / f"{stem}.jsonl").write_bytes(data)
        rows.append(("jsonl", f"{stem}.jsonl", hashlib.sha256(data).digest(), len(lines), undated_lines))
    rows.append(("kinds", json.dumps(kinds), b"", 0, 0))
    return rows


def _write_real(out: Path, n: int, seed: int, jobs: int | None) -> tuple[dict, str, dict]:
    """Write the real-shaped corpus; ``(counts by kind, content sha256, counts of files)``."""
    global _REAL_LEX
    _REAL_LEX = real_lexicon()  # before forking, so the workers share it
    tasks = [(out, seed, n, lo, min(lo + REAL_PER_FILE, n)) for lo in range(0, n, REAL_PER_FILE)]
    jobs = min(jobs or os.cpu_count() or 1, len(tasks)) or 1
    if jobs == 1 or "fork" not in mp.get_all_start_methods():
        results = [_write_real_file(t) for t in tasks]
    else:
        with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as ex:
            results = list(ex.map(_write_real_file, tasks))
    counts = {"original": 0, "syndicated": 0, "distractor": 0}
    files = {"jsonl": 0, "records": 0, "txt": 0, "undated": 0}
    entries = []
    for rows in results:
        for what, rel, d, records, undated in rows:
            if what == "kinds":
                for k, v in json.loads(rel).items():
                    counts[k] += v
                continue
            if what == "jsonl":
                files["jsonl"] += 1
                files["records"] += records
            else:
                files["txt"] += 1
            files["undated"] += undated
            entries.append((rel, d))
    digest = hashlib.sha256()
    for rel, d in sorted(entries):
        digest.update(rel.encode() + b"\0" + d)
    return counts, digest.hexdigest(), files


SHAPES = ("seed", "real")


def write_corpus(
    n: int,
    out: Path,
    *,
    seed: int = 0,
    manifest: Path | None = None,
    jobs: int | None = None,
    shape: str = "seed",
) -> dict:
    """Write ``n`` articles under ``out`` (which must be empty or absent); return the manifest.

    ``shape``: ``"seed"`` (the default) for ``.txt`` files shaped like ``seeds/``; ``"real"``
    for a crawl of many outlets in JSON lines with some ``.txt`` files (see the section "the
    real shape").  ``jobs`` processes write whole folders (or JSON-lines files) in parallel
    (default: the number of CPUs); the output does not depend on it.
    """
    global _LEX
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {', '.join(SHAPES)}, got {shape!r}")
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty; give an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    extra: dict = {}
    if shape == "real":
        counts, content, extra = _write_real(out, n, seed, jobs)
    else:
        _LEX = lexicon()  # before forking, so the workers share it
        tasks = [(out, seed, n, lo, min(lo + PER_FOLDER, n)) for lo in range(0, n, PER_FOLDER)]
        jobs = min(jobs or os.cpu_count() or 1, len(tasks)) or 1
        if jobs == 1 or "fork" not in mp.get_all_start_methods():
            results = [_write_folder(t) for t in tasks]
        else:
            with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as ex:
                results = list(ex.map(_write_folder, tasks))
        counts = {"original": 0, "syndicated": 0, "mirror": 0}
        digest = hashlib.sha256()
        for rows in results:
            for kind, rel, d in rows:
                counts[kind] += 1
                digest.update(rel.encode() + b"\0" + d)
        content = digest.hexdigest()
    info = {
        "generator": "benchmarks/make_corpus.py",
        "generator_version": GENERATOR_VERSION,
        "generator_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "n": n,
        "seed": seed,
        **({"shape": shape, "files": extra} if shape != "seed" else {}),
        "counts": counts,
        "content_sha256": content,
        "seconds": round(time.perf_counter() - t0, 2),
    }
    if manifest is not None:
        Path(manifest).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("dir", type=Path, help="output folder (created; must be empty)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--manifest", type=Path, help="also write the manifest JSON here (outside DIR)")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: CPUs); output is the same")
    ap.add_argument(
        "--shape",
        choices=SHAPES,
        default="seed",
        help="seed: .txt files like seeds/ (default); real: a news-please crawl of many outlets (JSON lines + .txt)",
    )
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("n must be >= 0")
    if args.manifest is not None and args.dir.resolve() in args.manifest.resolve().parents:
        ap.error("the manifest must be outside DIR (defcoop.load would list it as skipped)")
    try:
        info = write_corpus(args.n, args.dir, seed=args.seed, manifest=args.manifest, jobs=args.jobs, shape=args.shape)
    except FileExistsError as exc:
        print(f"make_corpus: {exc}", file=sys.stderr)
        return 2
    rate = info["n"] / info["seconds"] if info["seconds"] else float("inf")
    print(
        f"wrote {info['n']:,} articles to {args.dir} in {info['seconds']:.1f} s ({rate:,.0f}/s); "
        f"{info['counts']}{'; ' + str(info['files']) if 'files' in info else ''}; "
        f"content sha256 {info['content_sha256'][:16]}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
