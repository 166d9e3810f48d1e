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


def lexicon() -> Lexicon:
    """Everything the generator takes from defcoop's data, in a fixed order."""
    reg = registry()
    known_short = set(reg.short)
    people: list[Person] = []
    for aid in sorted(reg.actors):
        a = reg.actors[aid]
        offices = []
        for o in a.offices:
            end = min(o.end or LAST_DAY, LAST_DAY)
            start = max(o.start, FIRST_DAY)
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


def render(story: Story, style: str, rng: random.Random, *, drop_last: bool = False, mirror: bool = False) -> str:
    """The article text of ``story`` with ``style``'s furniture."""
    paras = story.paragraphs[:-1] if drop_last and len(story.paragraphs) > 1 else story.paragraphs
    glue = style == "vna" and rng.random() < 0.8  # the crawl lost the spaces after full stops
    texts = [("" if glue else " ").join(p) for p in paras]
    header = f" date {story.published.isoformat()} " if rng.random() < (0.8 if style in {"vna", "vns"} else 0.4) else ""
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
        lines += [header + story.title, "", _dateline(style, rng, story.published)]
        lines.append(story.paragraphs[0][0] + " ")  # the sapo repeats the lead
        lines.append(f"{story.caption} — VNA/VNS Photo {_pick(rng, PHOTOGRAPHERS)}")
        lines.append("")
        body = [f"{story_place_caps(rng)} — " + texts[0], *texts[1:]]
        body[-1] += " — VNA/VNS"
        lines += [t for x in body for t in (x, "")]
        lines.append("E-paper")
    elif style == "vietnamnet":
        site = "Tin tức, Đọc báo Online, Tin tức trong ngày 24h - VietNamNet"
        lines += [header + site if header else site, story.title, "", _dateline(style, rng, story.published), ""]
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
        lines += ["Nhan Dan Online", "", _dateline(style, rng, story.published), "", story.title, ""]
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


def write_corpus(n: int, out: Path, *, seed: int = 0, manifest: Path | None = None, jobs: int | None = None) -> dict:
    """Write ``n`` articles under ``out`` (which must be empty or absent); return the manifest.

    ``jobs`` processes write whole folders in parallel (default: the number of CPUs); the
    output does not depend on it.
    """
    global _LEX
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty; give an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
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
    info = {
        "generator": "benchmarks/make_corpus.py",
        "generator_version": GENERATOR_VERSION,
        "generator_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "n": n,
        "seed": seed,
        "counts": counts,
        "content_sha256": digest.hexdigest(),
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
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("n must be >= 0")
    if args.manifest is not None and args.dir.resolve() in args.manifest.resolve().parents:
        ap.error("the manifest must be outside DIR (defcoop.load would list it as skipped)")
    try:
        info = write_corpus(args.n, args.dir, seed=args.seed, manifest=args.manifest, jobs=args.jobs)
    except FileExistsError as exc:
        print(f"make_corpus: {exc}", file=sys.stderr)
        return 2
    rate = info["n"] / info["seconds"] if info["seconds"] else float("inf")
    print(
        f"wrote {info['n']:,} articles to {args.dir} in {info['seconds']:.1f} s ({rate:,.0f}/s); "
        f"{info['counts']}; content sha256 {info['content_sha256'][:16]}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
