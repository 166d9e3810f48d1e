"""Dates with their precision and their source.

Three places give an article its date, tried in this order:

``header``
    The crawler's first-line prefix `` date YYYY-MM-DD`` (or `` date YYYY-MM``).
``dateline``
    A publication line near the top: ``December 17, 2024 - 17:01``, ``05/07/2020 00:30 GMT+7``
    (day first, as Vietnamese outlets write it), ``26.04.2016``, ``Published: 2022-03-04``.
    A date line printed *above* the title is the site's "today" widget and is ignored.
``text``
    A full date in the body (``on March 12, 2019``), or a month and day (``on November 15``)
    whose year the article gives elsewhere.

The other languages' month and weekday words (``data/date_words.csv``) and date expressions
(``data/date_patterns.csv``: ``17 tháng 12 năm 2024``, ``17 декабря 2024 г.``, ``le 23 novembre``,
``17 de diciembre de 2024``, ``2024年12月17日``) are data, read for every text whatever its language
(their words do not occur in English).  Numbers are read day first in every language.

When none of these gives a year, :mod:`defcoop.annotate.dates` narrows the year with the tenures of
the officials named (``inferred``).  Everything here is pure parsing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from defcoop.lexicons.datafiles import DataFileError, read_csv
from defcoop.paths import DATA_DIR

Precision = Literal["day", "month", "year", "none"]
Source = Literal["header", "dateline", "text", "inferred", "none"]

MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY_RE = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Thứ\s+\w+|Chủ\s+nhật)"
#: How many values each kind of word of ``date_words.csv`` has.
DATE_WORD_KINDS = {"month": 12, "weekday": 7}

HEADER_RE = re.compile(r"\A\ufeff?[ \t]?date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?(?=[ \t\r\n]|\Z)[ \t]*")


@dataclass(frozen=True, slots=True)
class DatePattern:
    """One row of ``date_patterns.csv``: a date expression of a language, compiled."""

    language: str
    regex: re.Pattern[str]
    months: dict[str, int]  # the language's month words (empty: the month is a number)

    def parts(self, m: re.Match[str]) -> tuple[int | None, int, int] | None:
        """``(year, month, day)`` of a match, the year ``None`` when the match has none."""
        raw = m.group("month").lower()
        month = self.months.get(raw) if self.months else int(raw)
        if month is None:
            return None
        day = int(re.sub(r"\D", "", m.group("day")))
        year = m.groupdict().get("year")
        return (int(year) if year else None), month, day


@dataclass(frozen=True, slots=True)
class DateWords:
    """The month and weekday words and the date patterns of the languages other than English."""

    months: dict[str, dict[str, int]]  # language -> word -> month
    weekdays: tuple[str, ...]  # every weekday word of every language
    patterns: tuple[DatePattern, ...]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    """``data/date_words.csv`` and ``data/date_patterns.csv``, validated: known kinds and values,
    lower-case words, no word twice or for two months of a language, all twelve months of a
    language that has month words; patterns that compile, with the groups ``day`` and ``month``,
    whose ``{month}`` has words to stand for, and which read their example as its date.

    >>> sorted(date_words().months["fr"].items())[:2]
    [('aout', 8), ('août', 8)]
    >>> [p.language for p in date_words().patterns][:2]
    ['vi', 'vi']
    """
    path = DATA_DIR / "date_words.csv"
    months: dict[str, dict[str, int]] = {}
    weekdays: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for n, r in enumerate(read_csv(path, ("language", "kind", "word", "value")), start=1):
        where = f"{path.name}: data row {n}"
        if r["kind"] not in DATE_WORD_KINDS:
            raise DataFileError(f"{where}: kind {r['kind']!r} is not one of {', '.join(DATE_WORD_KINDS)}")
        if not r["value"].isdigit() or not 1 <= int(r["value"]) <= DATE_WORD_KINDS[r["kind"]]:
            raise DataFileError(f"{where}: value {r['value']!r} is not a {r['kind']} number")
        if not r["language"] or not r["word"] or r["word"] != r["word"].lower():
            raise DataFileError(f"{where}: the language and the word must be given, the word in lower case")
        key = (r["language"], r["kind"], r["word"])
        if key in seen:
            raise DataFileError(f"{where}: repeats {r['language']} {r['kind']} {r['word']!r}")
        seen.add(key)
        if r["kind"] == "month":
            months.setdefault(r["language"], {})[r["word"]] = int(r["value"])
        else:
            weekdays.append(r["word"])
    for language, words in months.items():
        missing = sorted(set(range(1, 13)) - set(words.values()))
        if missing:
            raise DataFileError(f"{path.name}: {language} has no word for month(s) {missing}")
    path = DATA_DIR / "date_patterns.csv"
    patterns: list[DatePattern] = []
    for n, r in enumerate(read_csv(path, ("language", "pattern", "example", "date")), start=1):
        where = f"{path.name}: data row {n}"
        source = r["pattern"]
        words = months.get(r["language"], {}) if "{month}" in source else {}
        if "{month}" in source and not words:
            raise DataFileError(f"{where}: {{month}} but date_words.csv has no {r['language']!r} month words")
        try:
            rx = re.compile(source.replace("{month}", f"(?:{_alternation(list(words))})"), re.I)
        except re.error as e:
            raise DataFileError(f"{where}: the pattern does not compile ({e})") from None
        if not {"day", "month"} <= set(rx.groupindex):
            raise DataFileError(f"{where}: the pattern needs the named groups day and month")
        pattern = DatePattern(r["language"], rx, words)
        m = rx.search(r["example"])
        got = pattern.parts(m) if m else None
        iso = "" if got is None else (f"{got[0]:04d}" if got[0] else "-") + f"-{got[1]:02d}-{got[2]:02d}"
        if iso != r["date"]:
            raise DataFileError(f"{where}: the pattern reads {r['example']!r} as {iso or 'nothing'}, not {r['date']}")
        patterns.append(pattern)
    return DateWords(months, tuple(weekdays), tuple(patterns))


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date known to some precision; ``iso`` is written at that precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def iso(self) -> str:
        """ISO 8601 at the value's precision.

        >>> DateValue(2019, 5).iso, DateValue(2024, 12, 17).iso, DateValue(2018).iso
        ('2019-05', '2024-12-17', '2018')
        """
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last day the date covers at its precision (the one rule for this).

        >>> DateValue(2024, 2).span()
        (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
        >>> DateValue(2019).span()[1], DateValue(2020, 7, 5).span()[0]
        (datetime.date(2019, 12, 31), datetime.date(2020, 7, 5))
        """
        first = self.first_day()
        if self.day is not None:
            return first, first
        if self.month is not None:
            after = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return first, after - dt.timedelta(days=1)
        return first, dt.date(self.year, 12, 31)


def parse_iso(iso: str) -> DateValue | None:
    """A ``docs.date`` value (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or empty) as a :class:`DateValue`.

    >>> parse_iso("2019-05").span()[1], parse_iso("") is None
    (datetime.date(2019, 5, 31), True)
    """
    if not iso:
        return None
    parts = [int(x) for x in iso.split("-")]
    return make_date(*parts)


def make_date(year: int, month: int | None = None, day: int | None = None) -> DateValue | None:
    """A :class:`DateValue` if the parts form a real calendar date, else ``None``.

    >>> make_date(2020, 2, 30) is None, make_date(2020, 2, 29).iso
    (True, '2020-02-29')
    """
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return DateValue(year)
    if not 1 <= month <= 12:
        return None
    if day is None:
        return DateValue(year, month)
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return DateValue(year, month, day)


@dataclass(frozen=True, slots=True)
class Header:
    start: int
    end: int
    value: DateValue | None
    raw: str


def parse_header(text: str) -> Header | None:
    """Find the crawler's `` date YYYY-MM[-DD]`` prefix at the start of ``text``.

    >>> h = parse_header(" date 2018-11-15 Vice President Dang Thi Ngoc Thinh")
    >>> (h.value.iso, h.end)
    ('2018-11-15', 17)
    >>> parse_header(" date 2019-05 Title").value.precision
    'month'
    >>> parse_header(" date 2019-13-01 Title").value is None   # kept as header, flagged invalid
    True
    >>> parse_header("President wishes for stronger ties") is None
    True
    """
    m = HEADER_RE.match(text)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else None
    return Header(m.start(), m.end(), make_date(year, month, day), m.group(0).strip())


_TIME = (
    r"(?:\s*[-–|,]?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?))?"  # 17:01, at 09:15 am
    r"(?:\s*\(?(?:GMT|UTC|ICT|IST|JST|KST|MSK|CET|CEST|EST|EDT|PST|PDT|BST|WIB|AEST|AEDT)\s*[+-]?\s*\d{0,2}\)?)?)?"
)  # GMT+7, (IST)
_ISO_TIME = r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"  # 2016-03-29T18:21+0800


@lru_cache(maxsize=1)
def _dateline_res() -> tuple[tuple[re.Pattern[str], str, DatePattern | None], ...]:
    """The forms of a whole date line: the English ones, day-first numbers, ISO, and each pattern
    of ``date_patterns.csv``; a weekday of any language may stand before them."""
    weekday = f"(?:{_WEEKDAY_RE}|{_alternation(list(date_words().weekdays))})"
    lead = rf"(?:{weekday},?\s*)?"
    forms: list[tuple[re.Pattern[str], str, DatePattern | None]] = [
        (re.compile(rf"{lead}({_MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}}){_TIME}", re.I), "mdy", None),
        (re.compile(rf"{lead}(\d{{1,2}})\s+({_MONTH_RE}),?\s+(\d{{4}}){_TIME}", re.I), "dmy_name", None),
        (re.compile(rf"{lead}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}){_TIME}", re.I), "dmy", None),
        (re.compile(rf"{lead}(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}}){_TIME}", re.I), "dmy", None),
        (re.compile(rf"(\d{{4}})-(\d{{2}})-(\d{{2}}){_ISO_TIME}{_TIME}", re.I), "ymd", None),
    ]
    for p in date_words().patterns:
        forms.append((re.compile(rf"{lead}(?:{p.regex.pattern}),?{_TIME}", re.I), "pattern", p))
    return tuple(forms)


_DATELINE_PREFIX = re.compile(
    r"^(?:(?:Published|Updated|Posted|Last updated|Date|Ngày đăng|Cập nhật)\s*(?:on|at)?\s*:?\s*)", re.I
)
_WIDGET_PREFIX = re.compile(r"^(?:Today|Hôm nay)\s*(?:is)?\s*[:,]?\s*", re.I)
_PUBLISHED = re.compile(r"^(?:Published|Posted|Ngày đăng)\b", re.I)
_LABELLED_STAMP = re.compile(
    r"\b(Published|Posted|Updated|Last updated)\s*(?:on|at)?\s*:?\s*([^|]{6,40}?)\s*(?=\||$)", re.I
)
_CLOCK_FIRST = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s+")


def _value_from(kind: str, groups: tuple[str, ...]) -> DateValue | None:
    if kind == "mdy":
        return make_date(int(groups[2]), MONTHS[groups[0].lower().rstrip(".")], int(groups[1]))
    if kind == "dmy_name":
        return make_date(int(groups[2]), MONTHS[groups[1].lower().rstrip(".")], int(groups[0]))
    if kind == "dmy":
        return make_date(int(groups[2]), int(groups[1]), int(groups[0]))
    return make_date(int(groups[0]), int(groups[1]), int(groups[2]))


@dataclass(frozen=True, slots=True)
class Dateline:
    value: DateValue
    widget: bool  # "Today: ..." style line that is the page's date, not the article's
    labelled: bool = False  # "Published: ...", "Posted ..." in a line of the page's byline


def parse_dateline(line: str) -> Dateline | None:
    """Parse a line that consists of a publication date and nothing else.

    Slash and dot dates are read day first (``05/07/2020`` is 5 July), as the Vietnamese
    outlets in this corpus write them.

    >>> parse_dateline("December 17, 2024 - 17:01").value.iso
    '2024-12-17'
    >>> parse_dateline("05/07/2020 \u00a0 00:30 GMT+7").value.iso
    '2020-07-05'
    >>> parse_dateline("26.04.2016").value.iso
    '2016-04-26'
    >>> parse_dateline("Thursday, 12/09/2023 09:15").value.iso
    '2023-09-12'
    >>> parse_dateline("Today: Monday, 23/11/2026").widget
    True
    >>> parse_dateline("The talks were held on December 17, 2024.") is None
    True
    >>> d = parse_dateline("Published: 2022-09-16 14:24:08 | Written : B. Sophavady | Hits: 2540")
    >>> d.value.iso, d.labelled
    ('2022-09-16', True)
    >>> parse_dateline("(Xinhua) Updated: 2014-10-16 17:15").value.iso
    '2014-10-16'
    >>> parse_dateline("Text: MTI | Photo: MTI |  12:12 January 22, 2024").value.iso
    '2024-01-22'
    >>> parse_dateline("| @indiablooms | Jun 19, 2023, at 11:59 pm").value.iso
    '2023-06-19'
    >>> parse_dateline("February 14, 2026 05:04 am (IST)").value.iso
    '2026-02-14'
    """
    s = " ".join(line.replace("\u00a0", " ").split())
    widget = bool(_WIDGET_PREFIX.match(s))
    s = _WIDGET_PREFIX.sub("", s)
    labelled = bool(_PUBLISHED.match(s))
    s = _DATELINE_PREFIX.sub("", s)
    value = _whole_date(s)
    if value is not None:
        return Dateline(value, widget, labelled)
    # a byline or stamp line: "(Xinhua) Updated: 2014-10-16 17:15", "Published: 2022-09-16 14:24 |
    # Written: ...", "Text: MTI | Photo: MTI | 12:12 January 22, 2024"
    m = _LABELLED_STAMP.search(s)
    if m:
        value = _whole_date(m.group(2))
        if value is not None:
            return Dateline(value, False, m.group(1).lower().startswith(("publish", "post")))
    if "|" in s:
        for part in s.split("|"):
            value = _whole_date(part.strip())
            if value is not None:
                return Dateline(value, False, labelled)
    return None


def _whole_date(s: str) -> DateValue | None:
    """The date that ``s`` is (with a clock before or after it), or ``None``."""
    s = _CLOCK_FIRST.sub("", s)
    for rx, kind, pattern in _dateline_res():
        m = rx.fullmatch(s)
        if m and pattern is not None:
            parts = pattern.parts(m)
            if parts is not None and parts[0] is not None:
                return make_date(*parts)
        elif m:
            return _value_from(kind, m.groups())
    return None


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date expression found in running text; missing parts are ``None``."""

    start: int
    end: int
    surface: str
    year: int | None
    month: int | None
    day: int | None
    relative: str = ""  # "last year", "next year", "this year" when the text says so


_TEXT_RES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b(?!:)"), "md(y)"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})(?:,?\s+(\d{{4}}))?\b"), "dm(y)"),
    (
        re.compile(
            rf"\b(?:in|since|from|until|by|of|early|late|mid-?)\s+({_MONTH_RE})(?:\s+(last|next|this)\s+year|,?\s+(\d{{4}}))?\b"
        ),
        "m(y)",
    ),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "dmy"),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy"),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateHit]:
    """Date expressions in ``text[start:end]``, with offsets into ``text``, in text order.

    >>> [(h.surface, h.year, h.month, h.day) for h in find_dates("at a March 28 reception in Hanoi")]
    [('March 28', None, 3, 28)]
    >>> [(h.surface, h.year, h.month, h.day) for h in find_dates("on 12 March 2019 and 05/07/2020")]
    [('12 March 2019', 2019, 3, 12), ('05/07/2020', 2020, 7, 5)]
    >>> [(h.surface, h.relative) for h in find_dates("his official visit to Belarus in June last year")]
    [('in June last year', 'last year')]
    """
    stop = len(text) if end is None else end
    piece = text[start:stop]
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    forms = [(rx, kind, None) for rx, kind in _TEXT_RES] + [(p.regex, "pattern", p) for p in date_words().patterns]
    for rx, kind, pattern in forms:
        for m in rx.finditer(piece):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            g = m.groups()
            year = month = day = None
            relative = ""
            if pattern is not None:
                parts = pattern.parts(m)
                if parts is None:
                    continue
                year, month, day = parts
            elif kind == "md(y)":
                month, day = MONTHS[g[0].lower().rstrip(".")], int(g[1])
                year = int(g[2]) if g[2] else None
            elif kind == "dm(y)":
                day, month = int(g[0]), MONTHS[g[1].lower().rstrip(".")]
                year = int(g[2]) if g[2] else None
            elif kind == "m(y)":
                month = MONTHS[g[0].lower().rstrip(".")]
                relative = f"{g[1]} year" if g[1] else ""
                year = int(g[2]) if g[2] else None
            elif kind == "dmy":
                day, month, year = int(g[0]), int(g[1]), int(g[2])
            else:
                year, month, day = int(g[0]), int(g[1]), int(g[2])
            if day is not None and not 1 <= day <= 31:
                continue
            if month is not None and not 1 <= month <= 12:
                continue
            taken.append((a, b))
            hits.append(DateHit(start + a, start + b, m.group(0), year, month, day, relative))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d])")


def find_years(text: str) -> list[tuple[int, int, int]]:
    """Four-digit years 1900-2099 as ``(start, end, year)``.

    >>> find_years("for 2020-2021 and the 1982 Convention")
    [(4, 8, 2020), (9, 13, 2021), (22, 26, 1982)]
    """
    return [(m.start(), m.end(), int(m.group(1))) for m in _YEAR_RE.finditer(text)]
