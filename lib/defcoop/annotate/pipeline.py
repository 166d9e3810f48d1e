"""Annotating one parsed article: actors, countries and partners, themes, date, on-topic flag.

Every hit becomes a row of ``Corpus.mentions`` with its sentence and character offsets into
the article's text, so that each count in each figure can be traced to its evidence.

Rules, in the order they run (see README "How articles are annotated" for the long form):

1. **Actors by name.**  Full name forms from the registry (any order, with or without
   diacritics, initials, transliterations); the name must start with a capital letter.
2. **Short second mentions** (``Giang``, ``President Cường``) resolve to a person named in full
   in the same article; ambiguous ones to the nearest full mention before them.
3. **Date.**  Header, then dateline, then a full date in the lead; else a year-less date
   (``on March 28``) whose year is narrowed by the tenures of the officials named in their
   offices and by dated events the article refers to (``in June last year``): ``inferred``
   only when exactly one year remains.
4. **Title-only mentions** (``the Belarusian defence minister``) resolve to an official of that
   office already named in the article, else to the registry's unique holder on the date.
5. **Unregistered officials**: a title or rank followed by a capitalised name that the registry
   does not know becomes an actor with ``registered = False``.
6. **Countries and partners.**  A country is a partner when the article gives evidence of
   cooperation with it: one of its officials appears, it is joined to Vietnam
   (``Vietnam-Belarus``, ``Vietnam and Russia``), or its demonym qualifies a counterpart
   (``Belarusian delegation``, ``the Russian side``).  Mentions in history sentences (with the
   Soviet Union) and hyphenated multilateral pairs (``ASEAN-Russia``) are not evidence.
7. **Themes** from the codebook (:mod:`defcoop.lexicons.themes`).
8. **On topic**: a partner and either a defence official or two sentences with defence words.

Non-English articles get a date and an on-topic flag from their own keyword list, and no
English lexicons.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from defcoop.lexicons.actors import REGISTRY_CHECKED_YEAR, registry, titles
from defcoop.lexicons.datafiles import read_csv
from defcoop.lexicons.geo import geo
from defcoop.lexicons.matcher import MultiMatcher, PhraseMatcher, leftmost_longest
from defcoop.lexicons.themes import codebook
from defcoop.paths import DATA_DIR
from defcoop.reading.dates import DateHit, DateValue, find_dates, find_years, make_date, parse_dateline
from defcoop.reading.parse import Article
from defcoop.text import fold, fold_preserving_length

__all__ = ["Annotation", "annotate_article"]

# Titles that name no particular office but refer to one person when a demonym precedes them.
GENERIC_PERSON_TITLES = frozenset({"minister", "deputy minister", "general", "ambassador"})
DEFENCE_OFFICES = frozenset(
    {"defence_minister", "deputy_defence_minister", "chief_of_general_staff", "head_of_general_political_department"}
)
COUNTERPART_WORDS = frozenset(
    [
        "counterpart",
        "counterparts",
        "delegation",
        "delegations",
        "side",
        "guest",
        "guests",
        "host",
        "hosts",
        "army",
        "armies",
        "military",
        "militaries",
        "armed",
        "defence",
        "defense",
        "ministry",
        "ministries",
        "minister",
        "ministers",
        "officials",
        "official",
        "navy",
        "troops",
        "soldiers",
        "officers",
        "partner",
        "partners",
        "leader",
        "leaders",
        "president",
        "prime",
        "deputy",
        "chief",
        "government",
        "general",
        "staff",
        "embassy",
        "ambassador",
    ]
)
CONNECTORS = re.compile(r"^\s*(?:[-–—/]|and|&|with)\s*$", re.I)
HISTORY_WORDS = re.compile(
    r"\b(?:struggle|wartime|war|liberation|reunification|fascism|facism|resistance|colonial\w*|"
    r"past|history|historical|veterans?)\b",
    re.I,
)
VIETNAMESE_FAMILY = frozenset(
    fold(x)
    for x in [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Trương",
        "Đinh",
        "Lương",
        "Tô",
        "Trịnh",
        "Đào",
        "Mai",
        "Cao",
        "Lâm",
        "Hà",
        "Thái",
        "Tạ",
        "Chu",
        "Vương",
        "Đoàn",
        "Lại",
        "Kiều",
        "Quách",
    ]
)
NOT_NAME_WORDS = frozenset(
    [
        "Department",
        "Ministry",
        "Academy",
        "Army",
        "Staff",
        "Command",
        "Office",
        "Committee",
        "Party",
        "State",
        "University",
        "Institute",
        "Centre",
        "Center",
        "People",
        "People's",
        "Republic",
        "Federation",
        "Union",
        "Navy",
        "Force",
        "Forces",
        "Guard",
        "Region",
        "Military",
        "Defence",
        "Defense",
        "National",
        "International",
        "Expo",
        "Council",
        "Assembly",
        "Government",
        "Embassy",
        "Agency",
        "Bureau",
        "Division",
        "Corps",
        "Brigade",
        "Regiment",
        "Zone",
        "Province",
        "City",
        "District",
        "Commune",
        "Hospital",
        "School",
        "College",
        "Association",
        "Club",
        "Company",
        "Corporation",
        "Group",
        "Conference",
        "Forum",
        "Summit",
        "Meeting",
        "Exhibition",
        "Sea",
        "Day",
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "Of",
        "And",
        "Vietnam",
        "Viet",
        "Nam",
        "Việt",
        "Hà",
        "Nội",
        "Hanoi",
        "Moscow",
        "Minsk",
        "General",
        "Political",
        "Logistics",
        "Technical",
        "Intelligence",
        "Border",
        "Coast",
        "Police",
        "Security",
        "Public",
        "Affairs",
        "Foreign",
        "External",
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
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Secretariat",
        "Politburo",
        "Central",
    ]
)


@dataclass
class Annotation:
    date: DateValue | None = None
    date_source: str = "none"
    partners: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    actor_ids: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    on_topic: bool = False
    mentions: list[tuple] = field(default_factory=list)  # rows in MENTION_COLUMNS order
    warnings: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _short_matcher() -> PhraseMatcher[str]:
    return PhraseMatcher((k, k) for k in registry().short)


@lru_cache(maxsize=1)
def _english_matchers() -> tuple[tuple[PhraseMatcher, ...], MultiMatcher]:
    """Every lexicon an English article is matched against, and all of them in one automaton."""
    ms = [titles().matcher, registry().full, _short_matcher(), geo().matcher, codebook().matcher]
    if "en" in _topic_matchers():
        ms.append(_topic_matchers()["en"])
    return tuple(ms), MultiMatcher(ms)


@lru_cache(maxsize=1)
def _topic_matchers() -> dict[str, PhraseMatcher[str]]:
    by_lang: dict[str, list[str]] = defaultdict(list)
    for r in read_csv(DATA_DIR / "topic_keywords.csv", ("language", "phrase")):
        by_lang[r["language"]].append(r["phrase"])
    return {lang: PhraseMatcher((p, p) for p in ps) for lang, ps in by_lang.items()}


@lru_cache(maxsize=1)
def _events() -> list[dict]:
    rows = read_csv(DATA_DIR / "events.csv", ("event_id", "start", "end", "kind", "actor_id", "country"))
    for r in rows:
        r["start_date"] = dt.date.fromisoformat(r["start"])
    return rows


@dataclass(slots=True)
class _ActorHit:
    actor_id: str  # registry id, or "unregistered:<slug>"
    start: int
    end: int
    sent_no: int
    how: str  # name | short | title | unregistered
    offices: tuple[str, ...] = ()  # offices named by the title chain before the name
    alternatives: tuple[str, ...] = ()  # everyone the name could be, when it is shared


class _Doc:
    """Per-article working state: text, folded text and sentence lookup."""

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

    def by_sentence(self, matcher: PhraseMatcher, *, overlapping: bool = False) -> list[list]:
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


def _title_chain(doc: _Doc, title_hits: list, pos: int) -> tuple[list, int]:
    """Title/rank hits that end just before ``pos`` (``Deputy Defence Minister Sen. Lieut. Gen.``)."""
    chain = []
    cursor = pos
    for h in reversed(title_hits):
        if h.end > cursor:
            continue
        gap = doc.text[h.end : cursor]
        if gap.strip() == "":
            chain.append(h)
            cursor = h.start
        else:
            break
    chain.reverse()
    return chain, cursor


def _demonym_before(doc: _Doc, pos: int) -> str:
    """Country of a demonym or possessive country name ending right before ``pos``."""
    before = doc.text[max(0, pos - 40) : pos]
    m = _DEMONYM_BEFORE.search(before)
    if not m:
        return ""
    g = geo()
    for word in (m.group(2), m.group(1)):  # "Russian", then two-word names ("South Korean")
        c = g.demonym_country(word) or g.name_country(word)
        if c:
            return c
    return ""


def _is_cap(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isupper()


def annotate_article(doc_id: str, art: Article, language: str) -> Annotation:
    """Annotate one parsed article (see the module docstring for the rules)."""
    doc = _Doc(doc_id, art)
    ann = Annotation()
    _date_from_header_or_dateline(doc, ann)
    if language != "en":
        _on_topic_other_language(doc, ann, language)
        ann.mentions = doc.mentions
        return ann

    reg = registry()
    doc.scan(*_english_matchers())
    title_hits_by_sent = dict(enumerate(doc.by_sentence(titles().matcher)))
    hits: list[_ActorHit] = []
    # 1. full names
    for n, name_hits in enumerate(doc.by_sentence(reg.full)):
        for h in name_hits:
            a, b = h.start, h.end
            if not _is_cap(doc.text, a):
                continue
            chain, _ = _title_chain(doc, title_hits_by_sent[n], a)
            offices = tuple(o for t in chain for (o, kind) in t.values if kind == "office" and o)
            # Two people may share a name form (two Nguyễn Văn Hiến): keep both until the date decides.
            hits.append(_ActorHit(h.values[0], a, b, n, "name", offices, alternatives=tuple(h.values)))
    # 2. date (needs the officials named: their tenures narrow a year-less date)
    if ann.date is None:
        _date_from_text(doc, ann, hits)
    period = _period(ann.date)
    _resolve_same_names(hits, period)
    # 3. short mentions of people named in full
    _short_mentions(doc, hits, {h.actor_id for h in hits}, title_hits_by_sent)
    # 4. title-only mentions
    _title_only(doc, hits, title_hits_by_sent, period, ann)
    # 5. unregistered officials
    unreg = _unregistered(doc, hits, title_hits_by_sent)
    hits.sort(key=lambda h: (h.start, h.end))
    order: list[str] = []
    names: dict[str, tuple[str, str, bool]] = {}  # id -> (display, country, registered)
    for h in hits:
        if h.actor_id.startswith("unregistered:"):
            display, country = unreg[h.actor_id]
            names[h.actor_id] = (display, country, False)
        else:
            a = reg.actors[h.actor_id]
            names[h.actor_id] = (a.name, a.country, True)
        display, country, registered = names[h.actor_id]
        doc.add("actor", h.actor_id, h.sent_no, h.start, h.end, how=h.how, registered=registered, country=country)
        if h.actor_id not in order:
            order.append(h.actor_id)
    ann.actor_ids = order
    ann.actors = [names[i][0] for i in order]
    # 6. countries and partners
    partners = _countries(doc, {i: names[i][1] for i in order})
    ann.partners = partners
    # 7. themes
    ann.themes = _themes(doc)
    # 8. on topic
    defence_official = any(
        not i.startswith("unregistered:") and any(o.office in DEFENCE_OFFICES for o in reg.actors[i].offices)
        for i in order
    )
    ann.on_topic = bool(partners) and (defence_official or _topic_sentences(doc, "en") >= 2)
    ann.mentions = doc.mentions
    return ann


def _shift(h, offset: int):
    return type(h)(h.start + offset, h.end + offset, h.key, h.values)


def _period(date: DateValue | None) -> tuple[dt.date, dt.date] | None:
    """First and last day that a date at its precision covers."""
    if date is None:
        return None
    first = date.first_day()
    if date.precision == "day":
        return first, first
    if date.precision == "month":
        nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return first, dt.date(first.year, 12, 31)


def _resolve_same_names(hits: list[_ActorHit], period: tuple[dt.date, dt.date] | None) -> None:
    """Pick, for a name shared by several people, the one whose office fits the title and date."""
    reg = registry()
    for h in hits:
        if len(h.alternatives) < 2:
            continue

        def fit(aid: str, named_offices: tuple[str, ...] = h.offices) -> tuple[int, int, str]:
            terms = reg.actors[aid].offices
            by_title = any(o.office in named_offices for o in terms)
            on_date = period is not None and any(o.holds_on(period[0]) or o.holds_on(period[1]) for o in terms)
            return (-int(on_date), -int(by_title), aid)

        h.actor_id = min(h.alternatives, key=fit)


def _word_before(text: str, lo: int, pos: int) -> str:
    """The word (letters, digits, ``_``, ``.``, apostrophes) separated by white space from
    ``pos``, looking no further back than ``lo``; ``""`` when there is no space or no word.

    >>> _word_before("Kien Giang", 0, 5), _word_before("the  Giang", 0, 5), _word_before("x.Giang", 0, 2)
    ('Kien', 'the', '')
    """
    i = pos
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i == pos:
        return ""
    j = i
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in "_’'."):
        j -= 1
    return text[j:i]


def _short_mentions(doc: _Doc, hits: list[_ActorHit], named: set[str], titles_by_sent: dict) -> None:
    reg = registry()
    full_spans = [(h.start, h.end) for h in hits]
    first_pos = {}
    for h in hits:
        first_pos.setdefault(h.actor_id, h.start)
    for n, short_hits in enumerate(doc.by_sentence(_short_matcher())):
        s = doc.sents[n]
        for h in short_hits:
            a, b = h.start, h.end
            if not _is_cap(doc.text, a) or any(x < b and a < y for x, y in full_spans):
                continue
            # part of a longer capitalised name ("Kien Giang", "Giang Province")?
            chain, _ = _title_chain(doc, titles_by_sent[n], a)
            if not chain and a != s.start and _word_before(doc.text, s.start, a)[:1].isupper():
                continue
            nxt = _WORD_AFTER.match(doc.text[b : s.end])
            if nxt and nxt.group(1)[:1].isupper() and nxt.group(1) not in {"I"}:
                continue
            cands = [c for c in reg.short.get(h.key, ()) if c in named]
            if not cands:
                continue
            if len(cands) > 1:
                before = [c for c in cands if first_pos[c] < a]
                cands = sorted(before or cands, key=lambda c: -first_pos[c] if before else first_pos[c])
            hits.append(_ActorHit(cands[0], a, b, n, "short"))


def _title_only(
    doc: _Doc, hits: list[_ActorHit], titles_by_sent: dict, period: tuple[dt.date, dt.date] | None, ann: Annotation
) -> None:
    reg = registry()
    taken = [(h.start, h.end) for h in hits]
    named = {h.actor_id for h in hits}
    for n, ths in titles_by_sent.items():
        for i, t in enumerate(ths):
            offices = [o for (o, kind) in t.values if kind == "office" and o]
            generic = not offices and fold(doc.text[t.start : t.end]) in GENERIC_PERSON_TITLES
            if not offices and not generic:
                continue
            # followed by another title, a name, or a capitalised word: not title-only
            rest = doc.text[t.end : doc.sents[n].end]
            if i + 1 < len(ths) and doc.text[t.end : ths[i + 1].start].strip() == "":
                continue
            if any(a >= t.end and doc.text[t.end : a].strip() == "" for a, _ in taken):
                continue
            m = _NEXT_CHAR.match(rest)
            if m and m.group(1).isupper() and not _country_after(doc, t.end, doc.sents[n].end):
                continue
            if rest[:1].isalnum():
                continue
            country = _demonym_before(doc, t.start) or _country_after(doc, t.end, doc.sents[n].end)
            if generic:
                if _name_after_title(doc, t.end, doc.sents[n].end) is not None:
                    continue  # "Ambassador to Vietnam Uladzimir Kazlou": a name follows after all
                # "the Belarusian minister": the one official of that country named in the article
                same_country = sorted(
                    {a for a in named if not a.startswith("unregistered:") and reg.actors[a].country == country}
                )
                if country and len(same_country) == 1:
                    hits.append(_ActorHit(same_country[0], t.start, t.end, n, "title"))
                    taken.append((t.start, t.end))
                continue
            office = offices[0]
            cands = [
                a
                for a in named
                if not a.startswith("unregistered:")
                and any(o.office == office and (not country or o.country == country) for o in reg.actors[a].offices)
            ]
            how = "title"
            if not cands and country and period is not None:
                # the holder on the article's date; for a month or a year, only if one person held it throughout
                first, last = (reg.holders(office, country, d) for d in period)
                cands = first if first == last else []
                how = "title (holder on date)"
            if len(cands) != 1:
                continue
            hits.append(_ActorHit(cands[0], t.start, t.end, n, how))
            taken.append((t.start, t.end))


# Patterns used once per hit, compiled once.
_DEMONYM_BEFORE = re.compile(r"((?:[A-Z][\w-]+\s)?([A-Z][\w-]+))(?:['’]s)?\s+$")
_WORD_AFTER = re.compile(r"\s+([\w’']+)")
_NEXT_CHAR = re.compile(r"\s+(\S)")
_OF_COUNTRY = re.compile(r"\s+(?:of|to)\s+(?:the\s+)?((?:[A-ZÀ-ỸĐ][\w’'-]*\s?){1,4})")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_BETWEEN = re.compile(r"\bbetween\b", re.I)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_NP_TOKEN = re.compile(r"\s*([^\s,;:()\[\]\"“”]+)")
_NP_CONNECTORS = frozenset({"of", "to", "for", "under", "the", "and", "in", "at"})


def _country_after(doc: _Doc, pos: int, stop: int) -> str:
    """Country of an ``of <Country>`` / ``to <Country>`` phrase right after ``pos``."""
    m = _OF_COUNTRY.match(doc.text[pos:stop])
    if not m:
        return ""
    g = geo()
    words = m.group(1).split()
    for k in range(len(words), 0, -1):
        phrase = " ".join(words[:k])
        c = g.name_country(phrase) or g.demonym_country(phrase)
        if c and g.countries[c].kind in {"self", "country"}:
            return c
    return ""


def _name_after_title(doc: _Doc, pos: int, stop: int) -> tuple[int, int, list[str]] | None:
    """The personal name in the noun phrase that a title starts at ``pos``.

    The phrase runs on through capitalised words and the connectors of/to/for/under/the/and;
    within it, a run of two to five capitalised words that are not institution, place or
    country words is the name ("Ambassador to Vietnam Uladzimir Kazlou", "Director of the HCM
    City Department of Industry and Trade Nguyen Van Toan").
    """
    g = geo()
    tokens: list[tuple[int, int, str]] = []
    cursor = pos
    while cursor < stop:
        m = _NP_TOKEN.match(doc.text, cursor, stop)
        if not m:
            break
        tok = m.group(1)
        bare = tok.rstrip(".’'") if not _INITIALS.fullmatch(tok) else tok
        if tok.lower() in _NP_CONNECTORS or (tok[:1].isupper() and tok[:1].isalpha()):
            tokens.append((m.start(1), m.start(1) + len(bare), bare))
            cursor = m.end()
            if bare != tok or tok.endswith(("’s", "'s")):
                break  # a full stop or possessive ends the phrase
            continue
        break
    runs: list[list[tuple[int, int, str]]] = [[]]
    for tok in tokens:
        if tok[2].lower() in _NP_CONNECTORS:
            runs.append([])
        else:
            runs[-1].append(tok)

    def not_name(word: str) -> bool:
        w = word.strip("’'")
        return (
            w in NOT_NAME_WORDS
            or w in INSTITUTION_WORDS
            or w.endswith(("’s", "'s"))
            or bool(g.demonym_country(w) or g.name_country(w))
        )

    for run in runs:
        while run and not_name(run[0][2]):
            run = run[1:]
        if 2 <= len(run) <= 5 and not any(not_name(t[2]) for t in run):
            return run[0][0], run[-1][1], [t[2] for t in run]
    return None


INSTITUTION_WORDS = frozenset(
    [
        "Trade",
        "Industry",
        "Commerce",
        "Investment",
        "Finance",
        "Planning",
        "Education",
        "Training",
        "Health",
        "Culture",
        "Sports",
        "Tourism",
        "Information",
        "Communications",
        "Justice",
        "Interior",
        "Labour",
        "Labor",
        "Transport",
        "Construction",
        "Agriculture",
        "Science",
        "Technology",
        "Fleet",
        "Flotilla",
        "Forces",
        "Diverse",
        "Primorye",
        "Pacific",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Joint",
        "Operations",
        "Operational",
        "Strategic",
        "Studies",
        "Research",
        "Relations",
        "Cooperation",
        "Economic",
        "Development",
        "HCM",
        "Vientiane",
        "Jakarta",
        "Manila",
        "Beijing",
        "Tokyo",
        "Delhi",
        "Paris",
        "Berlin",
        "London",
        "Canberra",
        "Havana",
        "Administration",
        "Directorate",
        "Service",
        "Services",
    ]
)


def _unregistered(doc: _Doc, hits: list[_ActorHit], titles_by_sent: dict) -> dict[str, tuple[str, str]]:
    """Officials introduced by a title whose names the registry does not know."""
    out: dict[str, tuple[str, str]] = {}
    taken = [(h.start, h.end) for h in hits]
    found: list[tuple[str, str, str]] = []
    for n, ths in titles_by_sent.items():
        s = doc.sents[n]
        for i, t in enumerate(ths):
            if i + 1 < len(ths) and doc.text[t.end : ths[i + 1].start].strip() == "":
                continue  # not the last title of a chain
            hit = _name_after_title(doc, t.end, s.end)
            if hit is None:
                continue
            a, b, name_toks = hit
            if any(x < b and a < y for x, y in taken):
                continue
            if any(x < b and a < y for th in ths for x, y in [(th.start, th.end)]):
                continue
            _chain, chain_start = _title_chain(doc, ths, t.end)
            country = _demonym_before(doc, chain_start) or _country_after(doc, t.end, s.end)
            if not country and fold(name_toks[0]) in VIETNAMESE_FAMILY:
                country = "Vietnam"
            name = " ".join(name_toks)
            ident = "unregistered:" + _NON_SLUG.sub("-", fold(name)).strip("-")
            out.setdefault(ident, (name, country))
            hits.append(_ActorHit(ident, a, b, n, "unregistered"))
            taken.append((a, b))
            found.append((ident, name_toks[-1], name))
    # short second mentions of unregistered officials (their last name token)
    for ident, last, _name in found:
        for n, s in enumerate(doc.sents):
            for m in re.finditer(rf"(?<![\w’'.-]){re.escape(last)}(?![\w’'-])", doc.text[s.start : s.end]):
                a, b = m.start() + s.start, m.end() + s.start
                if any(x < b and a < y for x, y in taken):
                    continue
                hits.append(_ActorHit(ident, a, b, n, "short"))
                taken.append((a, b))
    return out


def _date_from_header_or_dateline(doc: _Doc, ann: Annotation) -> None:
    art = doc.art
    for b in art.blocks:
        if b.kind == "header" and art.header is not None:
            doc.add("date", art.header.iso, -1, b.start, b.end, how="header")
        elif b.kind == "dateline":
            dl = parse_dateline(doc.text[b.start : b.end])
            if dl:
                doc.add("date", dl.value.iso, -1, b.start, b.end, how="dateline")
    if art.header is not None:
        ann.date, ann.date_source = art.header, "header"
        if art.dateline is not None and art.dateline.iso != art.header.iso:
            ann.warnings.append(f"header date {art.header.iso} differs from dateline {art.dateline.iso}; header used")
    elif art.dateline is not None:
        ann.date, ann.date_source = art.dateline, "dateline"


def _date_from_text(doc: _Doc, ann: Annotation, hits: list[_ActorHit]) -> None:
    reg = registry()
    body = [(n, s) for n, s in enumerate(doc.sents) if s.section == "body"]
    all_hits: list[tuple[int, DateHit]] = []
    for n, s in body:
        for h in find_dates(doc.text, s.start, s.end):
            all_hits.append((n, h))
            doc.add("date", _partial_iso(h), n, h.start, h.end, how="text")
    lead_full = [(n, h) for n, h in all_hits if h.year and h.month and doc.sents[n].para_no <= 2]
    if lead_full:
        n, h = lead_full[0]
        ann.date, ann.date_source = make_date(h.year, h.month, h.day), "text"
        return
    anchors = [(n, h) for n, h in all_hits if h.year is None and h.month and not h.relative]
    if not anchors:
        return
    _n, anchor = anchors[0]
    years = set(range(1990, REGISTRY_CHECKED_YEAR + 1))
    for h in hits:
        everyone = [o for aid in (h.alternatives or (h.actor_id,)) for o in reg.actors[aid].offices]
        terms = [o for o in everyone if not h.offices or o.office in h.offices] or everyone
        ok = set()
        for y in years:
            d = make_date(y, anchor.month, anchor.day)
            if d and any(o.holds_on(d.first_day()) for o in terms):
                ok.add(y)
        years &= ok
    # relative references to dated events ("his visit to Belarus in June last year")
    named = {h.actor_id for h in hits}
    for n, h in all_hits:
        if not h.relative:
            continue
        sent = doc.folded[doc.sents[n].start : doc.sents[n].end]
        shift = {"last year": 1, "next year": -1, "this year": 0}[h.relative]
        for ev in _events():
            if ev["start_date"].month != h.month or ev["actor_id"] not in named:
                continue
            if ev["country"] and fold(ev["country"]) not in sent:
                continue
            years &= {ev["start_date"].year + shift}
    mentioned = {y for _, _, y in find_years(doc.text)}
    if len(years) > 1 and len(years & mentioned) == 1:
        (y,) = years & mentioned
        ann.date, ann.date_source = make_date(y, anchor.month, anchor.day), "text"
    elif len(years) == 1:
        (y,) = years
        ann.date, ann.date_source = make_date(y, anchor.month, anchor.day), "inferred"
    else:
        shown = ", ".join(str(y) for y in sorted(years)[:6]) + ("…" if len(years) > 6 else "")
        ann.warnings.append(
            f"year-less date {anchor.surface!r}: {len(years)} candidate years ({shown or 'none'}); left undated"
        )


def _partial_iso(h: DateHit) -> str:
    if h.year and h.month and h.day:
        return f"{h.year:04d}-{h.month:02d}-{h.day:02d}"
    if h.year and h.month:
        return f"{h.year:04d}-{h.month:02d}"
    if h.month and h.day:
        return f"--{h.month:02d}-{h.day:02d}"
    return f"--{h.month:02d}" if h.month else ""


def _countries(doc: _Doc, actor_country: dict[str, str]) -> list[str]:
    g = geo()
    evidence: dict[str, int] = defaultdict(int)
    for c in actor_country.values():
        if c and c != g.self_name and g.countries.get(c) and g.countries[c].kind == "country":
            evidence[c] += 1
    for n, sent_hits in enumerate(doc.by_sentence(g.matcher)):
        s = doc.sents[n]
        seg = doc.text[s.start : s.end]
        hits = [_shift(h, -s.start) for h in sent_hits if h.values[0][1] != "block"]
        hits = [h for h in hits if _is_cap(seg, h.start)]
        kinds = {g.countries[h.values[0][0]].kind for h in hits}
        history = "historical" in kinds and bool(HISTORY_WORDS.search(seg))
        for i, h in enumerate(hits):
            cname, form = h.values[0]
            c = g.countries[cname]
            role = "mention"
            if c.kind == "self":
                role = "self"
            elif c.kind in {"historical", "organisation"}:
                role = c.kind
            elif history:
                role = "history"
            else:
                joined = [
                    o
                    for o in (hits[i - 1] if i else None, hits[i + 1] if i + 1 < len(hits) else None)
                    if o is not None and CONNECTORS.match(seg[min(o.end, h.end) : max(o.start, h.start)] or "x")
                ]
                if any(g.countries[o.values[0][0]].kind == "organisation" for o in joined):
                    role = "multilateral"
                elif any(g.countries[o.values[0][0]].kind == "self" for o in joined) or (
                    _BETWEEN.search(seg[: h.start]) and any(g.countries[o.values[0][0]].kind == "self" for o in hits)
                ):
                    role = "bilateral"
                elif form == "demonym":
                    nxt = _NEXT_WORD.match(seg[h.end : h.end + 30])
                    if nxt and nxt.group(1).lower() in COUNTERPART_WORDS:
                        role = "counterpart"
                elif form == "capital":
                    role = "place"
            if role in {"bilateral", "counterpart"}:
                evidence[cname] += 1
            doc.add("country", cname, n, s.start + h.start, s.start + h.end, how=form, role=role)
    return sorted(evidence, key=lambda c: (-evidence[c], c))


def _themes(doc: _Doc) -> list[str]:
    cb = codebook()
    count: dict[str, int] = defaultdict(int)
    for n, sent_hits in enumerate(doc.by_sentence(cb.matcher, overlapping=True)):
        if not sent_hits:
            continue
        for tid, hs in cb.evidence_from_hits(sent_hits).items():
            count[tid] += 1
            for h in hs:
                doc.add("theme", tid, n, h.start, h.end, how=h.values[0][1])
    return [t for t in cb.themes if count.get(t, 0) >= cb.themes[t].min_sentences]


def _topic_sentences(doc: _Doc, language: str) -> int:
    m = _topic_matchers().get(language)
    if m is None:
        return 0
    return sum(1 for hs in doc.by_sentence(m) if hs)


def _on_topic_other_language(doc: _Doc, ann: Annotation, language: str) -> None:
    ann.on_topic = _topic_sentences(doc, language) >= 2
