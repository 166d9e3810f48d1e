"""What surrounds a title in the text, read by several rules.

The chain of titles and ranks that ends just before a name (``Deputy Defence Minister Sen.
Lieut. Gen.``), the country of a demonym just before it (``the Belarusian``), the country of an
``of <Country>`` / ``to <Country>`` phrase just after it, and the personal name in the noun phrase
it starts (``Ambassador to Vietnam Uladzimir Kazlou``).

The functions read English word lists unless given ``lex``, the lexicon of another language
(:class:`~defcoop.lexicons.languages.LanguageLexicon`): then its connectors, its words that are no
names and its country forms (``l'ambassadeur de France au Vietnam Olivier Brochet``).
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from defcoop.annotate.document import Doc
from defcoop.lexicons.geo import geo
from defcoop.lexicons.languages import LanguageLexicon
from defcoop.lexicons.matcher import Hit
from defcoop.lexicons.words import word_lists

__all__ = [
    "country_after",
    "country_in",
    "demonym_before",
    "name_after_title",
    "name_before_title",
    "named_as_former",
    "owner_country",
    "title_chain",
]

# "former", "ex-" or someone's "predecessor", then nothing but capitalised title words (of/of the
# between them) up to the name: "former Prime Minister", "former Minister of National Defence of
# Vietnam General", "Suga's predecessor" (not "Like his predecessor, Defence Minister ...").
_FORMER_BEFORE = re.compile(
    r"(?:\b(?:[Ff]ormer|[Ee]x-)|(?:\b(?:his|her|their)|['’]s)\s+predecessor)\s*"
    r"(?:[A-Z][\w.'’-]*\s+(?:of\s+(?:the\s+)?)?){0,8}$"
)
_FORMER_WINDOW = 100
# One or two capitalised words, possibly possessive, ending where the title starts.
_DEMONYM_BEFORE = re.compile(r"((?:[A-Z][\w-]+\s)?([A-Z][\w-]+))(?:['’]s)?\s+$")
# "of the Russian Federation", "to Vietnam": up to four capitalised words after of/to.
_OF_COUNTRY = re.compile(r"\s+(?:of|to)\s+(?:the\s+)?((?:[A-ZÀ-ỸĐ][\w’'-]*\s?){1,4})")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# One token of a noun phrase: a run of characters up to white space or punctuation that ends it.
_NP_TOKEN = re.compile(r"\s*([^\s,;:()\[\]\"“”]+)")
_CAP_WORD = r"[A-Z][\w’'.-]*[\w]"
# ", Name Name," after a title's phrase; the name ends the clause (a comma, a full stop, "and", a verb)
_COMMA_NAME = re.compile(
    rf"\s*,\s*((?:{_CAP_WORD}\s+){{1,4}}{_CAP_WORD})(?=\s*(?:[,.;:]|$)|\s+(?:and|who|said|says|told|stressed|noted|affirmed|highlighted|emphasised|emphasized|expressed|underlined|added)\b)"
)
# A possessive of up to three capitalised words ("Australia's", "South Korea's"), and the comma
# before one that sets off a title after a name (", Australia's deputy secretary").
_POSSESSIVE = r"(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s"
_OWNER = re.compile(rf",\s*(?:the\s+|a\s+|an\s+)?({_POSSESSIVE})\s")
# "Name Name, " right before a title, after the sentence start, a comma or a connector word
# (the words before the name include the verbs of reported speech: "said Nguyen Quoc Khanh, deputy
# chief of ..."; between the comma and the title, a country's possessive may stand: "Peter Tesch,
# Australia's deputy secretary")
_NAME_COMMA = re.compile(
    rf"(?:^|(?<=[,;:(–—])\s*|(?<=--)\s*|\b(?:and|with|by|met|meets|received|receives|between|from|said|says|stated|states|told|added|noted|according\s+to)\s+)((?:{_CAP_WORD}\s+){{1,4}}{_CAP_WORD}),\s*(?:the\s+|a\s+|an\s+)?(?P<owner>{_POSSESSIVE}\s+)?(?:[a-z]+[\s-]+){{0,2}}\Z"
)
# The acronym of an institution right after its name: the words before it name no person.
_ACRONYM_AFTER = re.compile(r"\s*\((?:[A-Z]{2,}|[A-Z][A-Za-z]*[A-Z][A-Za-z]*)\)")
# Another language's capitalised word (any script; the capital is checked in code), and French elision.
_ANY_WORD = r"[^\W\d_][\w’'.-]*\w"
_ELISION = re.compile(r"([dlDL])[’'](?=[^\W\d_])")
#: Countries an ``of``/``to`` phrase may name (not organisations or historical states).
_COUNTRY_KINDS = frozenset({"self", "country"})
#: Longest demonym/country text looked at before a title.
_DEMONYM_WINDOW = 40


def title_chain(doc: Doc, title_hits: list[Hit], pos: int) -> tuple[list[Hit], int]:
    """Title/rank hits that end just before ``pos`` (``Deputy Defence Minister Sen. Lieut. Gen.``).

    Parameters
    ----------
    doc
        The article.
    title_hits
        The title hits of the sentence, in text order.
    pos
        Where the chain must end (white space between allowed).

    Returns
    -------
    tuple
        The chain in text order, and where it starts (``pos`` when it is empty).
    """
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


def demonym_before(doc: Doc, pos: int) -> str:
    """Country of a demonym or possessive country name ending right before ``pos``, or ``""``."""
    before = doc.text[max(0, pos - _DEMONYM_WINDOW) : pos]
    m = _DEMONYM_BEFORE.search(before)
    if not m:
        return ""
    g = geo()
    for word in (m.group(1), m.group(2)):  # two-word names first ("North Korean"), then "Russian"
        c = g.demonym_country(word) or g.name_country(word)
        if c:
            return c
    return ""


def country_after(doc: Doc, pos: int, stop: int) -> str:
    """Country of an ``of <Country>`` / ``to <Country>`` phrase right after ``pos``, or ``""``."""
    m = _OF_COUNTRY.match(doc.text[pos:stop])
    if not m:
        return ""
    g = geo()
    words = m.group(1).split()
    for k in range(len(words), 0, -1):
        phrase = " ".join(words[:k])
        c = g.name_country(phrase) or g.demonym_country(phrase)
        if c and g.countries[c].kind in _COUNTRY_KINDS:
            return c
    return ""


@cache
def _comma_name(and_words: frozenset[str]) -> re.Pattern[str]:
    """Another language's ", Name Name," after a title's phrase (ended by punctuation or an and-word)."""
    ands = "|".join(sorted(map(re.escape, and_words))) or r"(?!x)x"
    return re.compile(rf"\s*,\s*((?:{_ANY_WORD}\s+){{1,4}}{_ANY_WORD})(?=\s*(?:[,.;:()|]|$)|\s+(?:{ands})(?!\w))")


_NAME_COMMA_ANY = re.compile(rf"(?:^|(?<=[,;:(–—])\s*)((?:{_ANY_WORD}\s+){{1,4}}{_ANY_WORD}),([^,;:()]*)\Z")


def country_in(lex: LanguageLexicon, text: str) -> str:
    """The first country that a name or demonym of ``lex`` names in ``text``, or ``""``."""
    g = lex.geo
    for h in g.matcher.find(text):
        for country, kind in h.values:
            if kind in ("name", "demonym") and country in g.countries and g.countries[country].kind in _COUNTRY_KINDS:
                return country
    return ""


def _lex_country(lex: LanguageLexicon, phrase: str) -> bool:
    """Whether ``phrase`` is, whole, a form of a country in ``lex``."""
    return any(h.start == 0 and h.end == len(phrase) for h in lex.geo.matcher.find(phrase))


def _not_name(word: str, lex: LanguageLexicon | None = None) -> bool:
    """Whether a capitalised word is no part of a personal name: a word of titles, places or
    institutions, a possessive, or a country's name or demonym (in ``lex``'s language if given:
    its ``not_name`` words, an abbreviation in capitals, a country form)."""
    if lex is not None:
        w = word.strip("’'")
        return (
            not w[:1].isupper()
            or w in lex.titles.not_name
            or (len(w) > 1 and w.isupper() and "." not in w)
            or _lex_country(lex, w)
        )
    g = geo()
    words = word_lists()
    w = word.strip("’'")
    return (
        w in words.not_name_words
        or w in words.institution_words
        or w.endswith(("’s", "'s"))
        or bool(g.demonym_country(w) or g.name_country(w))
    )


def name_after_title(
    doc: Doc, pos: int, stop: int, *, lex: LanguageLexicon | None = None
) -> tuple[int, int, list[str]] | None:
    """The personal name in the noun phrase that a title starts at ``pos``.

    The phrase runs on through capitalised words and the connectors of/to/for/under/the/and
    (``noun_phrase_connectors`` of :mod:`defcoop.lexicons.words`); within it, a run of two to
    five capitalised words that are not institution, place or country words is the name
    ("Ambassador to Vietnam Uladzimir Kazlou", "Director of the HCM City Department of Industry
    and Trade Nguyen Van Toan").

    Returns
    -------
    tuple or None
        The name's start and end offsets and its words; ``None`` when the phrase has no name.
    """
    g = geo()
    words = word_lists()
    connectors = words.noun_phrase_connectors if lex is None else lex.titles.connectors
    tokens: list[tuple[int, int, str]] = []
    cursor = pos
    while cursor < stop:
        m = _NP_TOKEN.match(doc.text, cursor, stop)
        if not m:
            break
        tok = m.group(1)
        if lex is not None and _ELISION.match(tok):  # "d'Espagne", "l'armée": the article, then the word
            tokens.append((m.start(1), m.start(1) + 1, tok[0].lower()))
            cursor = m.start(1) + 2
            continue
        bare = tok.rstrip(".’'") if not _INITIALS.fullmatch(tok) else tok
        if bare.endswith(("’s", "'s")) and len(bare) > 3:  # "President Rumen Radev's visit"
            bare = bare[:-2]
        # another language's connectors join only as written, in lower case ("Le Viet Duyen" is a name)
        connector = tok.lower() in connectors if lex is None else tok in connectors
        if lex is None and tok == "on" and tokens and tokens[-1][2] in words.institution_words | words.not_name_words:
            connector = True  # "the Federal Agency on Military Cooperation", not "the Ambassador on Christmas Eve"
        if (
            lex is None
            and tok in words.name_particles
            and tokens
            and tokens[-1][2][:1].isupper()
            and (nxt := _NP_TOKEN.match(doc.text, m.end(), stop))
            and nxt.group(1)[:1].isupper()
            and not _not_name(tokens[-1][2], lex)
            and not _not_name(nxt.group(1).rstrip(".’'"), lex)
        ):  # "Mohammed bin Salman": a particle inside the name, between two of its words
            tokens.append((m.start(1), m.end(1), tok))
            cursor = m.end()
            continue
        if connector or (tok[:1].isupper() and tok[:1].isalpha()):
            tokens.append((m.start(1), m.start(1) + len(bare), bare))
            cursor = m.end()
            if bare != tok:
                break  # a full stop or possessive ends the phrase
            continue
        break
    runs: list[list[tuple[int, int, str]]] = [[]]
    for tok in tokens:
        if (tok[2].lower() if lex is None else tok[2]) in connectors or (lex is None and tok[2] == "on"):
            runs.append([])  # (an "on" is in the phrase only after an institution's word)
        else:
            runs[-1].append(tok)

    def country_pair(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:  # "Viet Nam", "Sri Lanka"
        if lex is not None:
            return _lex_country(lex, f"{a[2]} {b[2]}")
        return bool(g.name_country(f"{a[2]} {b[2]}"))

    for run in runs:
        while run:  # leading words that are no name: titles' words, places, a two-word country
            if len(run) > 1 and country_pair(run[0], run[1]):
                run = run[2:]
            elif _not_name(run[0][2], lex):
                run = run[1:]
            else:
                break
        if (
            2 <= len(run) <= 5
            and not any(_not_name(t[2], lex) for t in run)
            and not any(country_pair(a, b) for a, b in itertools.pairwise(run))
            and not _ACRONYM_AFTER.match(doc.text, run[-1][1])  # "... del Sudeste Asiático (ASEAN)"
        ):
            return run[0][0], run[-1][1], [t[2] for t in run]
    # "<title>, <Name>," : the name set off by commas after the title's phrase
    m = (_COMMA_NAME if lex is None else _comma_name(lex.titles.and_words)).match(doc.text, cursor, stop)
    if m:
        toks = m.group(1).split()
        if not any(_not_name(t, lex) for t in toks):
            return m.start(1), m.end(1), toks
    return None


def _possessive_country(possessive: str) -> str:
    """The country a possessive names (``Australia's`` -> Australia), or ``""``."""
    return geo().name_country(possessive.strip()[:-2]) or ""


def owner_country(text: str) -> str:
    """The country of the possessive that ``text`` opens after a comma (``, Australia's deputy
    secretary``: the title set off after a name), or ``""``."""
    m = _OWNER.match(text)
    return _possessive_country(m.group(1)) if m else ""


def name_before_title(
    doc: Doc, pos: int, start: int, *, lex: LanguageLexicon | None = None
) -> tuple[int, int, list[str]] | None:
    """The name that a title at ``pos`` follows in apposition: "<Name>, <title> ..." (``Xu
    Qiliang, vice chairman of China's Central Military Commission``), two to five capitalised
    words after the sentence start or a connector, none of them an institution, place or country
    word.  ``start`` is the sentence's start.  In another language (``lex``) the name follows the
    sentence start or a comma, and at most two lower-case words come between its comma and the
    title (``Bertrand Lortholary, l'ambassadeur``)."""
    # (searched in the sentence's own text: ``^`` matches only where the string starts, not at
    # a ``pos`` given to ``search``, so a name opening any sentence but the text's first was missed)
    piece = doc.text[start:pos]
    if lex is None:
        m = _NAME_COMMA.search(piece)
    else:
        m = _NAME_COMMA_ANY.search(piece)
        gap = m.group(2).strip() if m else ""
        if m and (gap != gap.lower() or len(gap.split()) > 2):
            return None
    if m is None:
        return None
    if lex is None and m.group("owner") and not _possessive_country(m.group("owner")):
        return None  # only a country's possessive ("Australia's")
    toks = m.group(1).split()
    if any(_not_name(t, lex) for t in toks):
        return None
    return start + m.start(1), start + m.end(1), toks


def named_as_former(doc: Doc, sent_no: int, start: int) -> bool:
    """Whether the official named at ``start`` (in sentence ``sent_no``) is called a former holder
    (``former President Dmitry Medvedev``, ``ex-Defence Minister ...``, ``former Minister of
    National Defence of Vietnam General Ngo Xuan Lich``, ``his predecessor Shinzo Abe``): the
    words between ``former`` and the name are capitalised title words.  Not in a headline, which capitalises every word.

    >>> from defcoop.reading.parse import parse_article
    >>> d = Doc("x", parse_article("Li met former Prime Minister Shinzo Abe and President Putin."))
    >>> t = d.text
    >>> named_as_former(d, 0, t.index("Shinzo")), named_as_former(d, 0, t.index("Putin"))
    (True, False)
    """
    s = doc.sents[sent_no] if sent_no >= 0 else None
    if s is None or s.section == "title":  # ("Former US Secretary Meets ...")
        return False
    return _FORMER_BEFORE.search(doc.text, max(s.start, start - _FORMER_WINDOW), start) is not None
