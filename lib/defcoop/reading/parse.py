"""Parsing an article's text into blocks (header, title, dateline, captions, furniture, prose),
paragraphs and sentences, all as character offsets into the decoded text, so that every later
count points at characters of the article."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from defcoop.lexicons.datafiles import furniture_rules
from defcoop.reading.dates import DateValue, find_dates, parse_dateline, parse_header
from defcoop.text import fold, sentence_spans, word_count


@dataclass(frozen=True, slots=True)
class Block:
    """One line-level piece of an article: prose, or something that is not prose."""

    kind: str  # header | title | dateline | widget | caption | boilerplate | lead | tail | body
    start: int
    end: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    para_no: int  # 0 for the title and captions, 1.. for body paragraphs
    section: str  # title | body | caption
    start: int
    end: int


@dataclass(slots=True)
class Article:
    """Everything :func:`parse_article` learns from one text."""

    text: str
    header: DateValue | None = None
    header_raw: str = ""
    title: str = ""
    outlet: str = ""
    credit: str = ""
    dateline: DateValue | None = None
    blocks: list[Block] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sentence_texts: list[str] = field(default_factory=list)  # each sentence, white space collapsed

    @property
    def body(self) -> str:
        """The prose paragraphs, white space collapsed, separated by blank lines."""
        return "\n\n".join(" ".join(self.text[a:b].split()) for a, b in self.paragraphs)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")


_TERMINAL_END = re.compile(r"[.!?…。！？][\"'”’)\]」』]*$")


_TITLE_MAX_WORDS = 25
_TITLE_MIN_WORDS = 4  # after navigation lines ("Lao People's Army", a section, is no headline)
_TITLE_SEARCH_LINES = 6  # short lines looked at before the prose starts
_DOMAIN_IN_LINE = re.compile(
    r"\b[\w-]+\.(?:com|net|org|gov|info|vn|ru|cn|in|kr|jp|uk|au|ph|id|my|sg|th|la|kh|by)\b", re.I
)
_TIME_IN_LINE = re.compile(r"\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b.*\b(?:am|pm|gmt|utc|ist|ict)\b", re.I)


def _is_prose(line: str) -> bool:
    """A line of the story itself: long, or a sentence with its full stop."""
    n = word_count(line)
    return n > _TITLE_MAX_WORDS or (n >= 8 and bool(_TERMINAL_END.search(line)))


def _is_headline(line: str, *, first: bool = False) -> bool:
    """Whether a short line before the prose reads like a headline: no end punctuation (a question
    or exclamation mark aside), not a dateline's lead (``Hanoi (VNA) -``), not all capitals, no
    web address, clock time or menu bar in it; two words or more as the first line, four or more
    after other short lines (which are then the site's navigation).

    >>> [_is_headline(s) for s in ("Vietnam, Laos boost defence ties", "National", "Talks held",
    ...  "Hanoi (VNA) -", "SpaceWar.com - Your World At War", "February 14, 2026 05:04 am (IST)",
    ...  "DUNYA NEWS TODAY LIVE", "Home | World | Politics | Business")]
    [True, False, False, False, False, False, False, False]
    >>> _is_headline("Talks held", first=True)
    True
    """
    words = word_count(line)
    least = 2 if first else _TITLE_MIN_WORDS
    if not least <= words <= _TITLE_MAX_WORDS or re.search(r"[.:;,\-–—]$", line.rstrip()):
        return False
    letters = [c for c in line if c.isalpha()]
    if not letters or all(c.isupper() for c in letters):
        return False
    if _DOMAIN_IN_LINE.search(line) or _TIME_IN_LINE.search(line) or line.count("|") >= 2:
        return False
    return _name_key(line) not in _outlet_names()  # a site's name is no headline


def _name_key(name: str) -> str:
    return " ".join(re.findall(r"\w+", fold(name)))


@lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    """The outlets' names (``data/outlets.csv``), with and without a bracketed part."""
    from defcoop.lexicons.outlets import outlets

    names = set()
    for o in outlets().values():
        names |= {_name_key(o.name), _name_key(re.sub(r"\s*\(.*?\)", "", o.name))}
    return frozenset(n for n in names if n)


# A line in a related-news list: a bulleted line, or a headline without end punctuation.
_HEADLINE_ITEM = re.compile(r"^(?:[-–—•·*>]\s*\S.*|[^.!?…。！？]{3,200})$")


#: The end of a teaser cut short: a lower-case word and no punctuation after it.
_CUT_SHORT = re.compile(r"(?<![\w.])[a-z][\w'’-]*$")
#: Words a title needs before its lower-case slug is looked for on other lines (fewer could be prose).
_SLUG_MIN_WORDS = 4


def _mark_slug_lines(text: str, classified: list[Block], title: str) -> None:
    """Mark, in place, the lines that start with the page's own title in lower case without its
    punctuation (the slug of its URL: ``defence minister attends admm retreat admm plus in
    thailand Vietnam, US seek to expand defence cooperation``): a related-news link, or an image's
    alt text when nothing follows the slug.  A link's teaser paragraph goes with it when it is cut
    short (it stops on a lower-case word, with no full stop: ``... to strengthen practical and
    cont``) and ends the page or another such line follows it: it is another story's lead.  The
    article's own last paragraph, which ends its sentence (or on a credit, ``Caracas (VNA)``), stays."""
    slug = _name_key(title).split()
    if len(slug) < _SLUG_MIN_WORDS or " ".join(slug) == title:
        return
    linked = []
    for i, blk in enumerate(classified):
        if blk.kind not in {"body", "caption"}:
            continue
        line = text[blk.start : blk.end].strip()
        words = line.split()
        if line[:1].islower() and _name_key(" ".join(words[: len(slug)])).split() == slug:
            more = len(words) > len(slug)
            why = (
                "related-news link (the page's slug before another story's headline)"
                if more
                else "image alt text (the page's slug)"
            )
            classified[i] = Block("boilerplate", blk.start, blk.end, why)
            if more:
                linked.append(i)
    for i in linked:
        body = (j for j in range(i + 1, len(classified)) if classified[j].kind == "body")
        j, after = next(body, None), next(body, None)  # the teaser, and the prose after it
        if j is None or _CUT_SHORT.search(text[classified[j].start : classified[j].end].rstrip()) is None:
            continue
        if after is None or any(k in linked for k in range(j + 1, after)):
            classified[j] = Block(
                "boilerplate", classified[j].start, classified[j].end, "related-news teaser (after its link)"
            )


#: A photo's alt text on VietnamPlus pages with more of the line after it.
_ALT_TEXT_GLUED = re.compile(r"\b(hinh anh \d{1,2})[ \t]*(?=\S)")


def _lines(text: str, start: int) -> Iterable[tuple[int, int]]:
    """Content spans of the lines of ``text[start:]`` (white space, incl. NBSP, trimmed)."""
    for m in _LINE.finditer(text, start):
        if m.start() == m.end():
            break
        seg = m.group(0)
        content = seg.rstrip("\r\n")
        stripped = content.strip()
        if not stripped:
            continue
        lead = len(content) - len(content.lstrip())
        a, b = m.start() + lead, m.start() + lead + len(stripped)
        # VietnamPlus pages glue the photo's caption to the headline at the image's alt text
        # ("Title hinh anh 1Caption (Photo: VNA)"): three lines, the headline, the residue
        # (furniture) and the caption
        glued = _ALT_TEXT_GLUED.search(text, a, b)
        if glued is not None:
            head = text[a : glued.start()].rstrip()
            if head:
                yield a, a + len(head)
            yield glued.start(1), glued.end(1)
            a = glued.end()
        yield a, b


@lru_cache(maxsize=1)
def _line_rules() -> tuple[list, re.Pattern[str]]:
    """Whole-line furniture rules, and one alternation of all of them (one regex call per line).

    The alternation tries the rules in file order, so the first rule that matches the whole
    line wins, as a loop over the rules would.
    """
    rules = [r for r in furniture_rules() if r.scope == "line"]
    combined = "|".join(f"(?P<r{i}>{r.pattern.pattern})" for i, r in enumerate(rules))
    return rules, re.compile(combined, re.IGNORECASE)


@lru_cache(maxsize=1)
def _tail_rules() -> tuple[list, re.Pattern[str]]:
    """The ``tail`` rules (agency signatures at the end of the last prose line), and one
    alternation that says whether any of them ends a piece of text."""
    rules = [r for r in furniture_rules() if r.scope == "tail"]
    return rules, re.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules) or "(?!)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _credit_rules() -> tuple[list, re.Pattern[str]]:
    """Photo-credit rules, and one alternation that says whether any of them occurs in a line
    (most lines have no credit, so the rules are tried one by one only when it does)."""
    rules = [r for r in furniture_rules() if r.scope == "credit"]
    return rules, re.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules) or "(?!)", re.IGNORECASE)


#: Words of prose after a photo credit on the same line that make it the lead paragraph, not
#: more of the caption ("... Surdej (Photo: VNA) Hanoi (VNA) - Deputy Minister ... lauded ...").
_LEAD_AFTER_CAPTION_WORDS = 12
_SIGNED_MIN_WORDS = 8  # a signed line is a paragraph of prose, not a "Hanoi (VNA)" dateline
_SIGNATURE_CHARS = 40  # the end of a line in which an agency's signature is looked for


def _drop_after_signature(text: str, classified: list[Block]) -> None:
    """Prose after an agency's closing signature is another story: mark it as furniture.

    A wire story ends with the agency's mark after its last sentence (``... the two countries.
    -VNA``, ``... Chanyalath. — VNS``, ``... hợp tác./.``); what a page prints after that line is
    the site's related-story teasers, whose people, dates and countries are not the article's.
    The signature is a ``tail`` rule of ``furniture.csv`` that follows the end of a sentence on a
    line of prose.  Only a signature that closes the larger part of the page's prose ends the
    article: not one on the first prose line (a caption or a teaser above the story, signed
    too), and not one with more prose after it than before (a quotation signed by a radio, a
    teaser of another story placed first).
    """
    tails, any_tail = _tail_rules()
    body = [i for i, blk in enumerate(classified) if blk.kind == "body"]
    words: dict[int, int] = {}

    def prose(ks: range) -> int:  # words of the body lines ks, each counted once
        for k in ks:
            if k not in words:
                words[k] = word_count(text[classified[body[k]].start : classified[body[k]].end])
        return sum(words[k] for k in ks)

    for k in range(1, len(body) - 1):
        blk = classified[body[k]]
        # signatures are short: the line's last characters say whether one may end it
        if not any_tail.search(text, max(blk.start, blk.end - _SIGNATURE_CHARS), blk.end):
            continue
        line = text[blk.start : blk.end]
        if prose(range(k, k + 1)) < _SIGNED_MIN_WORDS or prose(range(k + 1)) <= prose(range(k + 1, len(body))):
            continue
        for rule in tails:
            m = rule.pattern.search(line)
            if m and m.end() == len(line) and m.start() > 0 and _TERMINAL_END.search(line[: m.start()].rstrip()):
                for j in body[k + 1 :]:
                    b = classified[j]
                    classified[j] = Block("boilerplate", b.start, b.end, "after the agency's closing signature")
                return


def _line_date(text: str, blk: Block) -> tuple[int | None, int | None, int | None]:
    """The (year, month, day) of a date line's block."""
    v = parse_dateline(text[blk.start : blk.end]).value  # type: ignore[union-attr]
    return v.year, v.month, v.day


#: Prose lines after a date line that may confirm it.
_CONFIRMING_LINES = 2


def _said_after(text: str, classified: list[Block], i: int) -> set[tuple[int, int, int]]:
    """The full dates (year, month, day) in the first prose lines after block ``i``."""
    lines = (blk for blk in classified[i + 1 :] if blk.kind == "body" and _is_prose(text[blk.start : blk.end]))
    return {
        (h.year, h.month, h.day)
        for blk in itertools.islice(lines, _CONFIRMING_LINES)
        for h in find_dates(text, blk.start, blk.end)
        if h.year and h.day
    }


def parse_article(text: str) -> Article:
    """Split an article into its blocks, paragraphs and sentences.

    >>> a = parse_article(" date 2020-07-03 Tin tức - VietNamNet\\nTalks held\\n\\n05/07/2020 00:30\\n\\n"
    ...                   "Minister A.V. Fomin met Giang.They agreed,\\n\\nduring the call, to meet./.VNA")
    >>> a.header.iso, a.title, a.dateline.iso, a.outlet, a.credit
    ('2020-07-03', 'Talks held', '2020-07-05', 'VietNamNet', 'VNA')
    >>> [a.text[s.start:s.end] for s in a.sentences]
    ['Talks held', 'Minister A.V. Fomin met Giang.', 'They agreed,\\n\\nduring the call, to meet.']
    """
    art = Article(text=text)
    rules = furniture_rules()
    line_rules, line_regex = _line_rules()
    credit_rules, any_credit = _credit_rules()
    start = 0
    header = parse_header(text)
    if header is not None:
        art.blocks.append(Block("header", header.start, header.end, "crawler date header"))
        art.header_raw = header.raw
        art.header = header.value
        if header.value is None:
            art.warnings.append(f"date header {header.raw!r} is not a valid date; ignored")
        start = header.end

    outlet_votes: list[tuple[int, str]] = []  # (priority, outlet); lower priority wins
    classified: list[Block] = []
    after_image = in_related = False
    for a, b in _lines(text, start):
        line = text[a:b]
        kind, reason = "body", ""
        m = line_regex.fullmatch(line)
        if m is not None:
            rule = line_rules[int(m.lastgroup[1:])]
            kind, reason = "boilerplate", rule.reason
            if rule.outlet:
                outlet_votes.append((0, rule.outlet))
        byline = kind == "boilerplate" and "byline" in reason  # (a byline may end with the stamp)
        if (kind == "body" or byline) and (dl := parse_dateline(line)) is not None:
            if dl.widget:
                kind, reason = "widget", "page's 'today' date"
            else:
                kind, reason = "dateline", ("labelled " if dl.labelled else "") + dl.value.iso
        if kind == "body" and any_credit.search(line):
            for rule in credit_rules:
                if m := rule.pattern.search(line):
                    kind, reason = "caption", rule.reason
                    rest = line[m.end() :]
                    if word_count(rest) >= _LEAD_AFTER_CAPTION_WORDS:
                        # a crawl that glued the photo's caption to the lead paragraph: the
                        # caption ends at its credit, the prose after it is the article's
                        cut = a + m.end() + len(rest) - len(rest.lstrip())
                        classified.append(Block("caption", a, a + m.end(), rule.reason))
                        a, line, kind, reason = cut, text[cut:b], "body", ""
                    break
        if kind == "body" and after_image and word_count(line) <= 20 and not _TERMINAL_END.search(line):
            kind, reason = "caption", "photo caption (follows image residue)"
        if kind == "body" and in_related and _HEADLINE_ITEM.match(line):
            kind, reason = "boilerplate", "related-news link (headline of another story)"
        after_image = kind == "boilerplate" and "image residue" in reason
        if kind == "boilerplate" and "related-news" in reason:
            in_related = True
        elif kind == "body":
            in_related = False
        classified.append(Block(kind, a, b, reason))

    _drop_after_signature(text, classified)

    # Title: the first line before the prose that reads like a headline; the short lines before it
    # (a site's section names, menus, "You are here") are navigation.
    body_idx = [i for i, blk in enumerate(classified) if blk.kind == "body"]
    title_idx = -1
    for k, i in enumerate(body_idx[: _TITLE_SEARCH_LINES + 1]):
        line = text[classified[i].start : classified[i].end]
        if k == len(body_idx) - 1 or _is_prose(line):
            break
        if _is_headline(line, first=k == 0):
            title_idx = i
            blk = classified[i]
            classified[i] = Block("title", blk.start, blk.end, "first headline-like line before the prose")
            art.title = " ".join(line.split())
            for j in body_idx[:k]:
                b = classified[j]
                classified[j] = Block("boilerplate", b.start, b.end, "navigation before the title")
            break
    if art.title:
        _mark_slug_lines(text, classified, art.title)
    # A page's "today" widget is not the article's date.  With several date lines, the
    # article's is the first one after the title, else the last one before the prose; a lone
    # date line directly followed by the site menu is the widget too.
    first_prose = min([i for i, blk in enumerate(classified) if blk.kind in {"title", "body"}], default=len(classified))
    date_idx = [i for i, blk in enumerate(classified) if blk.kind == "dateline"]
    after_title = [i for i in date_idx if i > title_idx >= 0]
    before_prose = [i for i in date_idx if i < first_prose]
    keep = after_title[0] if after_title else (before_prose[-1] if before_prose else (date_idx[0] if date_idx else -1))
    line_dates = {i: _line_date(text, classified[i]) for i in date_idx} if len(date_idx) > 1 else {}
    if len(set(line_dates.values())) > 1:
        # the one date line that the story's first lines after it confirm ("... in New Delhi on
        # June 19, 2023" under the byline's "Jun 19, 2023", not the crawl day's clock above; a
        # date in a related-news list below the story confirms nothing)
        confirmed = [i for i, d in line_dates.items() if d in _said_after(text, classified, i)]
        if len(confirmed) == 1:
            keep = confirmed[0]
    labelled = [i for i in date_idx if classified[i].reason.startswith("labelled")]
    if labelled:  # "Published: ..." says what it is, wherever it stands
        keep = labelled[0]
    for i in date_idx:
        nxt = classified[i + 1] if i + 1 < len(classified) else None
        followed_by_menu = nxt is not None and nxt.kind == "boilerplate" and "menu" in nxt.reason
        if i != keep or (len(date_idx) == 1 and followed_by_menu):
            classified[i] = Block(
                "widget", classified[i].start, classified[i].end, "date line of the site's 'today' widget"
            )
    datelines = [blk for blk in classified if blk.kind == "dateline"]
    if datelines:
        art.dateline = parse_dateline(text[datelines[0].start : datelines[0].end]).value  # type: ignore[union-attr]

    # Lead and tail furniture on the first and last prose lines.
    prose = [i for i, blk in enumerate(classified) if blk.kind == "body"]
    extra: list[Block] = []
    if prose:
        i = prose[0]
        blk = classified[i]
        for rule in (r for r in rules if r.scope == "lead"):
            m = rule.pattern.match(text, blk.start, blk.end)
            if m and m.end() > m.start():
                extra.append(Block("lead", m.start(), m.end(), rule.reason))
                classified[i] = Block("body", m.end(), blk.end)
                if rule.outlet:
                    outlet_votes.append((1, rule.outlet))
                break
        i = prose[-1]
        changed = True
        while changed:
            changed = False
            blk = classified[i]
            for rule in _tail_rules()[0]:
                m = rule.pattern.search(text, blk.start, blk.end)
                if m and m.end() == blk.end and m.start() > blk.start:
                    extra.append(Block("tail", m.start(), m.end(), rule.reason))
                    classified[i] = Block("body", blk.start, m.start())
                    if rule.outlet:
                        outlet_votes.append((2, rule.outlet))
                        art.credit = art.credit or rule.outlet
                    changed = True
                    break
    art.blocks.extend(classified)
    art.blocks.extend(extra)
    art.blocks.sort(key=lambda blk: (blk.start, blk.end))
    if outlet_votes:
        art.outlet = min(outlet_votes, key=lambda v: v[0])[1]

    # Paragraphs: consecutive prose lines are one paragraph when the first stops mid-sentence
    # and the next begins in lower case (a crawl that broke a sentence over two lines).
    paragraphs: list[list[int]] = []
    for blk in (blk for blk in art.blocks if blk.kind == "body" and blk.end > blk.start):
        if paragraphs:
            prev_end = paragraphs[-1][1]
            prev = text[paragraphs[-1][0] : prev_end]
            nxt = text[blk.start : blk.end]
            only_space_between = not any(b2.kind != "body" and prev_end <= b2.start < blk.start for b2 in art.blocks)
            if only_space_between and not _TERMINAL_END.search(prev.rstrip()) and nxt[:1].islower():
                paragraphs[-1][1] = blk.end
                continue
        paragraphs.append([blk.start, blk.end])
    art.paragraphs = [(a, b) for a, b in paragraphs]
    if title_idx >= 0:
        t = classified[title_idx]
        art.sentences.append(Sentence(0, "title", t.start, t.end))
    for n, (a, b) in enumerate(art.paragraphs, start=1):
        for span in sentence_spans(text, a, b):
            art.sentences.append(Sentence(n, "body", span.start, span.end))
    # A photo caption names who is in the picture (officials, their countries): it is read as a
    # sentence of its own, apart from the prose (dates, topics and counts of sentences read the
    # body only).  Sentences stay in text order.
    # The credit ("(Photo: VNA)", "— VNA/VNS Photo Lâm Khánh") is left out: a photographer is no
    # actor.
    captions = []
    for blk in art.blocks:
        if blk.kind != "caption":
            continue
        end = blk.end
        for rule in credit_rules:
            m = rule.pattern.search(text, blk.start, end)
            if m and m.start() > blk.start:
                end = m.start()
        end = blk.start + len(text[blk.start : end].rstrip(" \t-–—.,;:"))
        if word_count(text[blk.start : end]) >= 2:
            captions.append(Sentence(0, "caption", blk.start, end))
    if captions:
        art.sentences = sorted(art.sentences + captions, key=lambda s: (s.start, s.end))
    art.sentence_texts = [" ".join(text[s.start : s.end].split()) for s in art.sentences]
    if not art.paragraphs:
        art.warnings.append("no prose found after removing furniture")
    return art
