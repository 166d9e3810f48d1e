"""Rule 2, the date: header, then dateline, then a full date in the lead, else an inferred year.

A year-less date (``on March 28``) gets a year from the tenures of the officials named in their
offices and from the dated events (``data/events.csv``) the article refers to (``in June last
year``): ``inferred`` only when exactly one year remains, ``text`` when a year the article
mentions picks one of several.  Every date found is recorded as a mention row.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from defcoop.annotate.document import ActorHit, Annotation, Doc
from defcoop.annotate.title_context import named_as_former
from defcoop.lexicons.actors import REGISTRY_CHECKED_YEAR, registry
from defcoop.lexicons.datafiles import DataFileError, read_csv
from defcoop.lexicons.geo import geo
from defcoop.paths import DATA_DIR
from defcoop.reading.dates import DateHit, DateValue, find_dates, find_years, make_date, parse_dateline
from defcoop.text import fold

__all__ = ["date_from_header_or_dateline", "date_from_metadata", "date_from_text", "date_period"]

#: The first year a year-less date may be given (the registry's tenures start after it).
EARLIEST_YEAR = 1990
#: Years to add to an event's year for a relative reference to it ("in June last year").
RELATIVE_YEAR_SHIFT = {"last year": 1, "next year": -1, "this year": 0}
#: Paragraphs that count as the lead, where a full date gives the article's date.
LEAD_PARAGRAPHS = 2
#: Candidate years shown in the warning about an undated article.
_SHOWN_YEARS = 6
#: The end of a span of days after a year-less date: "-11", "– 17", " to 17", " to April 17".
_DAY_RANGE = re.compile(r"\s*(?:[-–—]|to\b|until\b|through\b)\s*(?:[A-Z][a-z]+\.?\s+)?(\d{1,2})(?!\d|:)")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: An English weekday said of the event: "on Tuesday".
_ON_WEEKDAY = re.compile(rf"\bon ({'|'.join(_WEEKDAYS)})\b")
#: A story that opens on the week of its event ("This week, a British warship paid a visit to
#: Vietnam", "Last week, ..."): the page was written some day of that week or the next.
_WEEK_OF_WRITING = re.compile(r"\W*(This|Last) week\b(?!\s+in\b)")
#: A caption of an archive picture, whose date is not the story's.
_ARCHIVE_PHOTO = re.compile(r"\b(?:file|archives?|archival)\b|\bin this (?:\w+ )?photo\b", re.I)
#: The date of an archive picture that a crawl left in the prose ("In this Sept. 6, 2021 file photo,
#: Japan's Defense Minister ..."): "in this" just before the date, "photo" just after it.
_PHOTO_DATE_BEFORE = re.compile(r"\bin this\s+$", re.I)
_PHOTO_DATE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:photo|picture|image)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Anniversaries:
    relations: dict[str, int]  # country -> the year Vietnam's diplomatic relations with it began
    founding: list[tuple[str, int, str]]  # (folded phrase, first year, country), longest phrases first


@lru_cache(maxsize=1)
def _anniversaries() -> _Anniversaries:
    """``data/anniversaries.csv``, validated: the years of Vietnam's diplomatic relations with each
    country, and of the foundings that articles count anniversaries of."""
    path = DATA_DIR / "anniversaries.csv"
    countries = geo().countries
    relations: dict[str, int] = {}
    founding: list[tuple[str, int, str]] = []
    for n, r in enumerate(read_csv(path, ("kind", "country", "first_year", "phrases")), start=1):
        where = f"{path.name}: data row {n}"
        if not r["first_year"].isdigit() or not 1800 <= int(r["first_year"]) <= REGISTRY_CHECKED_YEAR:
            raise DataFileError(f"{where}: first_year {r['first_year']!r} is not a year")
        if r["country"] and r["country"] not in countries:
            raise DataFileError(f"{where}: country {r['country']!r} is not in countries.csv")
        year = int(r["first_year"])
        if r["kind"] == "relations":
            if not r["country"] or r["country"] in relations:
                raise DataFileError(f"{where}: a relations row needs a country, once")
            relations[r["country"]] = year
        elif r["kind"] == "founding":
            phrases = [p.strip() for p in r["phrases"].split(";") if p.strip()]
            if not phrases or any(fold(p) != p for p in phrases):
                raise DataFileError(f"{where}: phrases must be given, lower case, diacritics folded")
            founding += [(p, year, r["country"]) for p in phrases]
        else:
            raise DataFileError(f"{where}: kind {r['kind']!r} is not relations or founding")
    founding.sort(key=lambda x: -len(x[0]))
    return _Anniversaries(relations, founding)


#: "the 75th (founding) anniversary of ...", what follows read by a lookahead so that a second
#: anniversary in the same sentence ("... and the 30th All-People Defence Festival") is found too.
_NTH_OF = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:founding\s+)?anniversary\s+of\s+(?=(.{0,120}))")
#: "celebrating 45 years of diplomatic ties": counted like an anniversary, of relations only.
_YEARS_OF = re.compile(r"\b(\d{1,3})\s+years\s+of\s+(?=(.{0,120}))")
#: The word before "N years of" that makes the count approximate or a mere duration ("nearly 25
#: years of ties", "after 20 years of ...").
_NOT_A_JUBILEE = re.compile(r"\b(?:nearly|almost|over|than|about|around|some|to|after|for|past)\s+$")
#: "the 30th All-People Defence Festival" (first held in 1989).
_NTH_FESTIVAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+all-people\s+(?:national\s+)?defen[cs]e\s+(?:day|festival)")
#: "the VPA's 78th anniversary": the founding named by the words before the possessive.
_OWNER_NTH = re.compile(r"'s\s+(\d{1,3})(?:st|nd|rd|th)\s+(?:founding\s+)?anniversary\b")
_RELATIONS = re.compile(
    r"^(?:the\s+)?(?:(?:their|our)\s+)?(?:establishment\s+of\s+)?(?:the\s+)?"
    r"(?:(?:their|bilateral|the\s+two\s+countries'?)\s+)?(?:viet\s?nam-[a-z.]+\s+|[a-z.]+-viet\s?nam\s+)?"
    r"(?:(?:diplomatic|bilateral)\s+)?(?:relations|ties|relationship)\b"
)
#: The words that open the name of what was founded: "(the) foundation of (the) ...".
_FOUNDED_OF = re.compile(r"^(?:the\s+)?(?:(?:foundation|founding|establishment|creation)\s+of\s+(?:the\s+)?)?")
#: Where the name of what an anniversary counts ends.
_CLAUSE = re.compile(r"[,;(]|\s(?:and|on|in|at|with|while|as|which|who)\s")
#: The first and last years written after an anniversary: "(1973 - 2023)".
_YEAR_SPAN = re.compile(r"^[^()]{0,80}?\((\d{4})\s*[-–—]\s*(\d{4})\)")


@cache
def _owner_prefix(country: str) -> re.Pattern:
    """The words a founding's name may follow: the founding country's name or demonym, possessive
    or not, and "ruling" ("North Korea's ruling Workers' Party")."""
    geo_ = geo()
    words = sorted((w for w, c in (*geo_.names.items(), *geo_.demonyms.items()) if c == country and country), key=len)
    names = "|".join(re.escape(w) for w in reversed(words))
    owner = rf"(?:(?:{names})(?:'s)?\s+)?" if names else ""
    return re.compile(rf"{owner}(?:ruling\s+)?")


def _founding_year(what: str, data: _Anniversaries) -> int | None:
    """The first year of the founding that ``what`` (the words after "anniversary of") names."""
    whole = what[_FOUNDED_OF.match(what).end() :]
    cut = _CLAUSE.search(whole)
    # the whole rest first ("victory in the great patriotic war" holds a clause word), then the
    # words up to the clause's end (where a country's possessive may stand before the name)
    for w in (whole, whole[: cut.start()] if cut else whole):
        for phrase, year, country in data.founding:
            for at in {0, _owner_prefix(country).match(w).end()}:
                if w.startswith(phrase, at) and not _word_goes_on(w, at + len(phrase)):
                    return year
    return None


def _word_goes_on(text: str, i: int) -> bool:
    """Whether the word at ``text[i - 1]`` goes on at ``i`` (a letter, digit or hyphen: ``asean-us``)."""
    return i < len(text) and (text[i].isalnum() or text[i] == "-")


def _said(word: str, raw: str, folded: str) -> bool:
    """Whether a country's name or demonym (folded) is in a sentence: a short one ("US", "UN")
    only in capitals in the ``raw`` text ("us" is a pronoun), others in the ``folded`` text."""
    if len(word) <= 3:
        return re.search(rf"\b{re.escape(word.upper())}\b", raw) is not None
    return re.search(rf"\b{re.escape(word)}\b", folded) is not None


def anniversary_years(doc: Doc, hits: list[ActorHit]) -> set[int]:
    """The years that the anniversaries the body counts fall in (``the 75th anniversary of
    diplomatic ties``: the year relations began with the country named in the sentence, else
    with the one foreign country of the officials, plus 75; ``45 years of diplomatic ties
    (1975-2020)``: 2020; ``the VPA's 78th anniversary``: the founding's year plus 78).  Empty
    when none is found or they disagree (a report looking back at last year's jubilee)."""
    data = _anniversaries()
    geo_ = geo()
    actors = registry().actors
    foreign = {actors[h.actor_id].country for h in hits if h.actor_id in actors}
    foreign.discard(geo_.self_name)
    found: set[int] = set()

    def relations_year(n: int, s) -> int | None:
        raw, text = doc.text[s.start : s.end], doc.folded[s.start : s.end].lower()
        named = {c for w, c in geo_.names.items() if _said(w, raw, text)}
        named |= {c for w, c in geo_.demonyms.items() if _said(w, raw, text)}
        named.discard(geo_.self_name)
        named &= set(data.relations)
        country = named if named else (foreign & set(data.relations))
        return data.relations[next(iter(country))] + n if len(country) == 1 else None

    for s in doc.sents:
        if s.section != "body":
            continue
        text = doc.folded[s.start : s.end].lower()
        for pattern, relations_only in ((_NTH_OF, False), (_YEARS_OF, True)):
            for m in pattern.finditer(text):
                n, what = int(m.group(1)), m.group(2)
                relations = _RELATIONS.match(what)
                if relations_only and (not relations or _NOT_A_JUBILEE.search(text, max(0, m.start() - 8), m.start())):
                    continue
                span = _YEAR_SPAN.match(what)
                if span and int(span.group(2)) - int(span.group(1)) == n:
                    found.add(int(span.group(2)))
                    continue
                year = relations_year(n, s) if relations else None
                if not relations and (first := _founding_year(what, data)) is not None:
                    year = first + n
                if year is not None:
                    found.add(year)
        for m in _NTH_FESTIVAL.finditer(text):
            found |= {y + int(m.group(1)) for p, y, _c in data.founding if p.startswith("all-people defen")}
        for m in _OWNER_NTH.finditer(text):
            before = text[max(0, m.start() - 60) : m.start()]
            for phrase, year, country in data.founding:
                if before.endswith(phrase) and not before[-len(phrase) - 1 : -len(phrase)].isalnum():
                    prev = before[: -len(phrase)].split()[-1:]  # ("the Indian Navy's": not Vietnam's navy)
                    owner = (geo_.demonym_country(prev[0]) or geo_.name_country(prev[0])) if prev else None
                    if not owner or owner == country:
                        found.add(year + int(m.group(1)))
                    break
    found = {y for y in found if EARLIEST_YEAR <= y <= REGISTRY_CHECKED_YEAR}
    return found if len(found) == 1 else set()


@lru_cache(maxsize=1)
def _events() -> list[dict]:
    """The dated events of ``data/events.csv``, each with its ``start_date``."""
    rows = read_csv(DATA_DIR / "events.csv", ("event_id", "start", "end", "kind", "actor_id", "country"))
    for r in rows:
        r["start_date"] = dt.date.fromisoformat(r["start"])
    return rows


def date_period(date: DateValue | None) -> tuple[dt.date, dt.date] | None:
    """First and last day that a date at its precision covers (``None`` for no date).

    >>> from defcoop.reading.dates import make_date
    >>> date_period(make_date(2024, 2))
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    return None if date is None else date.span()


def date_from_header_or_dateline(doc: Doc, ann: Annotation) -> None:
    """Record the header and dateline dates; date ``ann`` by the header, else the dateline."""
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
        line = next(doc.text[b.start : b.end] for b in art.blocks if b.kind == "dateline")
        if _swapped_by_text(doc, art.dateline, line):
            ann.date = make_date(art.dateline.year)
            ann.warnings.append(
                f"dateline {art.dateline.iso} read day first, but the text dates the story to the month-first "
                "reading: only the year kept"
            )
    if ann.date is not None and ann.date.precision == "month":
        ann.date = _day_from_lead(doc, ann.date)


_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")


def _swapped_by_text(doc: Doc, date: DateValue, line: str) -> bool:
    """Whether a day-first number stamp (``03/05/2025``, read 3 May) is contradicted by the body:
    both readings are dates, the body names the month-first one (``3月5日``, ``March 5``) and never
    the day-first one.  A reader is then left with two possible days, and only the year is sure."""
    m = _NUMERIC_DATE.search(line)
    if m is None or date.day is None or date.day == date.month or date.day > 12:
        return False
    said = {
        (h.month, h.day)
        for s in doc.sents
        if s.section == "body"
        for h in find_dates(doc.text, s.start, s.end)
        if h.day and h.year in (None, date.year)
    }
    return (date.day, date.month) in said and (date.month, date.day) not in said


def _day_from_lead(doc: Doc, month: DateValue) -> DateValue:
    """A month-precision header or dateline with the day of the date the lead opens with.

    A lead that begins with its date (``Sáng 8.6, tại trụ sở ...``, ``On June 8, ...``) dates the
    report, as a dateline would; the day is taken when that date falls in the month (a year-less
    one, or one of the same year).  A date later in the sentence (``ont tenu leur 5e dialogue, mardi
    3 décembre``) is the event's, which the report may follow by days: the month is kept.

    >>> from defcoop.reading.parse import parse_article
    >>> def day(text):
    ...     art = parse_article(text)
    ...     return _day_from_lead(Doc("x", art), art.header).iso
    >>> day(" date 2022-06 Sáng 8.6, tại Hà Nội, hai Bộ trưởng đã tiến hành hội đàm về hợp tác quốc phòng.")
    '2022-06-08'
    >>> day(" date 2019-12 Les deux ministères ont tenu leur dialogue, mardi 3 décembre à Nha Trang, sur la défense.")
    '2019-12'
    """
    lead = [s for s in doc.sents if s.section == "body" and s.para_no == 1][:1]
    for s in lead:
        hits = find_dates(doc.text, s.start, s.end)
        if not hits or re.search(r"\w", doc.text[s.start : hits[0].start]):
            return month
        h = hits[0]
        if h.day and h.month == month.month and h.year in (None, month.year):
            return make_date(month.year, month.month, h.day) or month
    return month


#: How far apart (in days) a record's metadata date and the page's own date may be and still agree
#: (time zones and late-evening stories put them a day apart).
METADATA_TOLERANCE = dt.timedelta(days=1)


def date_from_metadata(doc: Doc, ann: Annotation, published: DateValue | None, crawled: DateValue | None) -> None:
    """Date ``ann`` by the record's metadata when the page states no date of its own.

    Metadata is evidence, not truth: a publication date later than the crawl that fetched the
    page is not used, and one that contradicts the page's own header or dateline (by more than
    :data:`METADATA_TOLERANCE`) loses to it, with a warning either way.  When the page's date
    and the metadata agree, the page's own date stands (it is what a reader sees).  The crawl
    date itself is never the publication date.
    """
    if published is None:
        return
    if crawled is not None and published.span()[0] > crawled.span()[1] + METADATA_TOLERANCE:
        ann.warnings.append(f"metadata date {published.iso} is after the crawl date {crawled.iso}; not used")
        return
    if ann.date is not None:
        first, last = ann.date.span()
        p_first, p_last = published.span()
        if p_first > last + METADATA_TOLERANCE or p_last < first - METADATA_TOLERANCE:
            page = f"the page's {ann.date_source} date {ann.date.iso}"
            ann.warnings.append(f"metadata date {published.iso} contradicts {page}; page date used")
        return
    doc.add("date", published.iso, -1, 0, 0, how="metadata")
    ann.date, ann.date_source = published, "metadata"


def date_from_text(doc: Doc, ann: Annotation, hits: list[ActorHit]) -> None:
    """Date ``ann`` from the body's dates, narrowing a year-less one by the officials named.

    Parameters
    ----------
    doc
        The article; every date of the body is recorded as a mention row.
    ann
        The annotation to date (left undated, with a warning, when no single year remains).
    hits
        The officials named in full, with the offices their titles name.
    """
    reg = registry()
    body = [(n, s) for n, s in enumerate(doc.sents) if s.section == "body"]
    all_hits: list[tuple[int, DateHit]] = []
    for n, s in body:
        for h in find_dates(doc.text, s.start, s.end):
            all_hits.append((n, h))
            doc.add("date", _partial_iso(h), n, h.start, h.end, how="text")
    # a full date (with its day: "in November 2017" is mostly an earlier event the story recalls)
    lead_full = [
        (n, h)
        for n, h in all_hits
        if h.year and h.month and h.day and doc.sents[n].para_no <= LEAD_PARAGRAPHS and not _photo_date(doc, h)
    ]
    if lead_full:
        n, h = lead_full[0]
        ann.date, ann.date_source = make_date(h.year, h.month, h.day), "text"
        return
    anchors = [(n, h) for n, h in all_hits if h.year is None and h.month and not h.relative]
    # no full date in the lead: a photo caption's ("Hanoi, Vietnam Monday, Oct. 19, 2020"), when
    # it is not an archive picture and agrees with the body's first year-less day, if any
    days = [h for _, h in anchors if h.day]  # ("in August" alone says nothing of the day)
    for n, s in enumerate(doc.sents):
        if s.section != "caption":
            continue
        line_end = doc.text.find("\n", s.end)  # (the credit after the caption: "(AP Photo/..., File)")
        if _ARCHIVE_PHOTO.search(doc.text, s.start, line_end if line_end >= 0 else len(doc.text)):
            continue
        full = [h for h in find_dates(doc.text, s.start, s.end) if h.year and h.month and h.day]
        if full and (not days or (days[0].month, days[0].day) == (full[0].month, full[0].day)):
            h = full[0]
            doc.add("date", _partial_iso(h), n, h.start, h.end, how="caption")
            ann.date, ann.date_source = make_date(h.year, h.month, h.day), "text"
            return
    jubilee = anniversary_years(doc, hits)
    if not anchors:
        # no year-less date: an anniversary the article counts dates it to the year, if the
        # officials named held their offices in that year
        if jubilee:
            (y,) = jubilee
            if all(_held_in(reg, h, y) for h in hits if not named_as_former(doc, h.sent_no, h.start)):
                doc.add("date", str(y), -1, 0, 0, how="anniversary")
                ann.date, ann.date_source = make_date(y), "inferred"
        return
    _n, anchor = anchors[0]
    years = set(range(EARLIEST_YEAR, REGISTRY_CHECKED_YEAR + 1))
    for h in hits:
        if named_as_former(
            doc, h.sent_no, h.start
        ):  # ("former President Dmitry Medvedev": his term says nothing of the date)
            continue
        terms = _terms(reg, h)
        ok = set()
        for y in years:
            d = make_date(y, anchor.month, anchor.day)
            if d and any(o.holds_on(d.first_day()) for o in terms):
                ok.add(y)
        years &= ok
    if jubilee and years & jubilee:
        years &= jubilee
    # the weekday the lead gives the event ("began on Thursday", a visit of August 14-17): the
    # years in which the date, or one day of the span, falls on it
    span = _DAY_RANGE.match(doc.text, anchor.end)
    weekday = _lead_weekday(doc)
    if weekday is not None and anchor.day is not None and len(years) > 1:
        last = int(span.group(1)) if span else anchor.day
        on_it = {y for y in years if _days_on(y, anchor.month, anchor.day, last, weekday)}
        if on_it:
            years = on_it
    # relative references to dated events ("his visit to Belarus in June last year")
    named = {h.actor_id for h in hits}
    for n, h in all_hits:
        if not h.relative:
            continue
        sent = doc.folded[doc.sents[n].start : doc.sents[n].end]
        shift = RELATIVE_YEAR_SHIFT[h.relative]
        for ev in _events():
            if ev["start_date"].month != h.month or ev["actor_id"] not in named:
                continue
            if ev["country"] and fold(ev["country"]) not in sent:
                continue
            years &= {ev["start_date"].year + shift}
    # a year written in the sentence of the year-less date ("on March 28 ... in 2019"), not
    # anywhere in the article (a year elsewhere is mostly a past event the story looks back on)
    sent = doc.sents[_n]
    mentioned = {y for _, _, y in find_years(doc.text[sent.start : sent.end])}
    # a span of days ("on December 7-11", "From April 11 to 17"): the report may be of any of them
    # or later, and only the month is sure, unless the lead names a weekday that one day of the
    # span has ("met ... on Tuesday", a visit "from November 18 to 20" of 2025: the 18th)
    day = anchor.day
    if span and anchor.day is not None:
        day = None
        if weekday is not None and (len(years) == 1 or len(years & mentioned) == 1):
            (y,) = years if len(years) == 1 else years & mentioned
            days = _days_on(y, anchor.month, anchor.day, int(span.group(1)), weekday)
            day = days[0] if len(days) == 1 else None
    # the one year left, or the one the sentence writes among several
    chosen = years if len(years) == 1 else years & mentioned
    written = _written_after(doc, min(chosen), anchor.month, day) if len(chosen) == 1 else None
    if len(chosen) == 1 and written is None:
        ann.warnings.append(
            f"year-less date {anchor.surface!r} in {min(chosen)}: no such day, or the page may be of "
            "the next year; left undated"
        )
    elif len(chosen) == 1:
        ann.date, ann.date_source = written, ("inferred" if len(years) == 1 else "text")
    else:
        shown = ", ".join(str(y) for y in sorted(years)[:_SHOWN_YEARS]) + ("…" if len(years) > _SHOWN_YEARS else "")
        ann.warnings.append(
            f"year-less date {anchor.surface!r}: {len(years)} candidate years ({shown or 'none'}); left undated"
        )


def _photo_date(doc: Doc, h: DateHit) -> bool:
    """Whether the date ``h`` is an archive picture's (``In this Sept. 6, 2021 file photo``)."""
    return bool(
        _PHOTO_DATE_BEFORE.search(doc.text, max(0, h.start - 12), h.start) and _PHOTO_DATE_AFTER.match(doc.text, h.end)
    )


def _written_after(doc: Doc, year: int, month: int, day: int | None) -> DateValue | None:
    """The page's date given its event's: the event's day (``None`` if there is no such day),
    unless the story's first sentence opens on ``This week`` or ``Last week`` (:data:`_WEEK_OF_WRITING`);
    then the month of the days the page may have been written on (from the event to that week's
    Sunday, or the whole week after), the year alone when those days run into the next month, and
    ``None`` when they run into the next year.

    >>> from defcoop.reading.parse import parse_article
    >>> doc = Doc("x", parse_article("This week, a British warship visited Vietnam."))
    >>> _written_after(doc, 2018, 9, 3).iso, _written_after(doc, 2018, 11, 30).iso  # (a Monday; a Friday)
    ('2018-09', '2018')
    >>> _written_after(doc, 2018, 12, 31), _written_after(doc, 2019, 2, 29)
    (None, None)
    """
    event = make_date(year, month, day)
    if event is None or day is None:
        return event
    opening = next((s for s in doc.sents if s.section == "body"), None)  # (the story's first sentence)
    m = _WEEK_OF_WRITING.match(doc.text, opening.start, opening.end) if opening is not None else None
    said = m.group(1).lower() if m else None
    if said is None:
        return event
    event = event.first_day()
    monday = event - dt.timedelta(days=event.weekday())
    first, last = (
        (event, monday + dt.timedelta(days=6))
        if said == "this"
        else (monday + dt.timedelta(days=7), monday + dt.timedelta(days=13))
    )
    if (first.year, first.month) == (last.year, last.month):
        return make_date(first.year, first.month)
    return make_date(year) if first.year == last.year == year else None


def _lead_weekday(doc: Doc) -> int | None:
    """The weekday (0 for Monday) that the lead says the event fell on (``on Tuesday``), when it
    names one weekday only; else ``None``."""
    lead = [s for s in doc.sents if s.section == "body" and s.para_no <= LEAD_PARAGRAPHS]
    said = {m.group(1) for s in lead for m in _ON_WEEKDAY.finditer(doc.text, s.start, s.end)}
    return _WEEKDAYS.index(said.pop()) if len(said) == 1 else None


def _days_on(year: int, month: int, first: int, last: int, weekday: int) -> list[int]:
    """The days from ``first`` to ``last`` of the month that fall on ``weekday`` (none past the
    month's end)."""
    out = []
    for d in range(first, last + 1):
        try:
            if dt.date(year, month, d).weekday() == weekday:
                out.append(d)
        except ValueError:
            break
    return out


def _terms(reg, h: ActorHit) -> list:
    """The terms of office of the official of ``h`` (of everyone the name may be) in the offices
    its title names, or all their terms when the title names none of them."""
    everyone = [o for aid in (h.alternatives or (h.actor_id,)) for o in reg.actors[aid].offices]
    return [o for o in everyone if not h.offices or o.office in h.offices] or everyone


def _held_in(reg, h: ActorHit, year: int) -> bool:
    """Whether the official of ``h`` held one of the offices its title names during ``year``."""
    return any(o.overlaps(dt.date(year, 1, 1), dt.date(year, 12, 31)) for o in _terms(reg, h))


def _partial_iso(h: DateHit) -> str:
    """A date hit as ISO text, as far as it goes (``--03-28`` for a year-less day).

    >>> from defcoop.reading.dates import find_dates
    >>> [_partial_iso(h) for h in find_dates("on March 28 and in May 2019", 0, 27)]
    ['--03-28', '2019-05']
    """
    if h.year and h.month and h.day:
        return f"{h.year:04d}-{h.month:02d}-{h.day:02d}"
    if h.year and h.month:
        return f"{h.year:04d}-{h.month:02d}"
    if h.month and h.day:
        return f"--{h.month:02d}-{h.day:02d}"
    return f"--{h.month:02d}" if h.month else ""
