"""The lexicons of the languages other than English: countries, partner words, people, themes.

Each is data (``data/country_names.csv``, ``data/partner_words.csv``, ``data/actor_names.csv``,
``data/theme_phrases.csv``, and for the title rules ``data/titles_i18n.csv`` and
``data/name_words_i18n.csv``), validated when loaded: required columns, known countries, actors,
themes, kinds and lists, no row twice, no form that names two countries.  A language's
:class:`LanguageLexicon` holds one matcher per job, built once per process; the English forms
of ``countries.csv`` and the registry's Latin name forms are part of every language's lexicon.
Russian forms are declined (:func:`defcoop.lexicons.russian.russian_forms`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from defcoop.lexicons.actors import OFFICE_LEVEL, registry
from defcoop.lexicons.datafiles import DataFileError, read_csv
from defcoop.lexicons.geo import Geo, GeoTag, geo
from defcoop.lexicons.matcher import PhraseMatcher
from defcoop.lexicons.russian import russian_forms
from defcoop.lexicons.themes import Codebook, Tag, codebook
from defcoop.paths import DATA_DIR
from defcoop.text import fold

__all__ = ["LanguageLexicon", "TitleLexicon", "language_lexicon", "lexicon_languages", "theme_languages"]

COUNTRY_KINDS = frozenset({"name", "demonym", "capital", "side", "pair", "block"})
PARTNER_LISTS = ("connector", "between", "counterpart_before", "qualifier", "counterpart_after", "history")
THEME_ROLES = frozenset({"include", "exclude"})
TITLE_KINDS = frozenset({"office", "rank"})
NAME_WORD_LISTS = ("connector", "and", "not_name", "family_name")


@dataclass(frozen=True)
class TitleLexicon:
    """What the title rules read in one language (``titles_i18n.csv``, ``name_words_i18n.csv``).

    ``matcher`` carries ``(office, kind)`` like the English :func:`defcoop.lexicons.actors.titles`,
    so that the English rules' functions read either.
    """

    language: str
    matcher: PhraseMatcher[tuple[str, str]]  # title -> (office or "", "office" | "rank")
    connectors: frozenset[str]  # lower-case words joining a title's noun phrase
    and_words: frozenset[str]  # words that may end a name set off by a comma
    not_name: frozenset[str]  # capitalised words that are no part of a personal name
    family_names: frozenset[str]  # folded family names that make a Vietnamese-spelt name a name


@dataclass(frozen=True)
class LanguageLexicon:
    """Everything the rules match in one language other than English."""

    language: str
    geo: Geo  # countries of countries.csv, matcher of this language's forms and the English ones
    names: PhraseMatcher[str]  # this language's name forms of registered people -> actor ids
    codebook: Codebook  # the codebook's themes with this language's phrases
    connector: re.Pattern[str]  # the whole gap between two joined countries
    between: re.Pattern[str]  # a "between" word before a country
    counterpart_before: re.Pattern[str]  # the word before the country (and up to 3 qualifiers) ends the gap
    counterpart_after: re.Pattern[str]  # the word just after the country starts the gap
    history: re.Pattern[str]  # any history word
    titles: TitleLexicon  # titles, ranks and name words of the title rules


def _alternatives(words: list[str]) -> str:
    alts = sorted({re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words}, reverse=True)
    return "|".join(alts) if alts else r"(?!x)x"


def _check_unique(path_name: str, rows: list[dict[str, str]], columns: tuple[str, ...]) -> None:
    seen: set[tuple[str, ...]] = set()
    for n, r in enumerate(rows, start=1):
        key = tuple(fold(r[c]) if c in ("form", "phrase") else r[c] for c in columns)
        if key in seen:
            raise DataFileError(f"{path_name}: data row {n} repeats {', '.join(r[c] for c in columns)}")
        seen.add(key)


@lru_cache(maxsize=1)
def _country_rows() -> dict[str, list[dict[str, str]]]:
    path = DATA_DIR / "country_names.csv"
    rows = read_csv(path, ("country", "language", "kind", "form"))
    _check_unique(path.name, rows, ("country", "language", "kind", "form"))
    known = geo().countries
    by_lang: dict[str, list[dict[str, str]]] = defaultdict(list)
    for n, r in enumerate(rows, start=1):
        if r["kind"] not in COUNTRY_KINDS:
            raise DataFileError(f"{path.name}: data row {n}: unknown kind {r['kind']!r}")
        if (r["kind"] == "block") != (r["country"] == ""):
            raise DataFileError(f"{path.name}: data row {n}: a block row has no country, every other row one")
        if r["country"] and r["country"] not in known:
            raise DataFileError(f"{path.name}: data row {n}: {r['country']!r} is not a country of countries.csv")
        if not r["form"] or not r["language"]:
            raise DataFileError(f"{path.name}: data row {n}: empty language or form")
        by_lang[r["language"]].append(r)
    return dict(by_lang)


def lexicon_languages() -> frozenset[str]:
    """The languages ``country_names.csv`` gives forms for (those annotated in full)."""
    return frozenset(_country_rows())


def _forms(language: str, kind: str, form: str) -> tuple[str, ...]:
    if language != "ru" or kind in ("block", "side", "pair"):
        return (form,)
    return russian_forms(form, "adjective" if kind == "demonym" else "noun")


def _language_geo(language: str) -> Geo:
    base = geo()
    owner: dict[str, str] = {}
    phrases: list[tuple[str, GeoTag]] = []
    for c in base.countries.values():  # the English forms, as in geo()
        for form, values in (("name", c.names), ("demonym", c.demonyms), ("capital", c.capitals)):
            phrases += [(v, (c.name, form)) for v in values]
            owner.update({fold(v): c.name for v in values})
    for r in read_csv(DATA_DIR / "country_blockers.csv", ("phrase", "reason")):
        phrases.append((r["phrase"], ("", "block")))
    for r in _country_rows().get(language, []):
        for f in _forms(language, r["kind"], r["form"]):
            if r["kind"] != "block":
                prev = owner.setdefault(fold(f), r["country"])
                if prev != r["country"]:
                    raise DataFileError(f"country_names.csv: {language} {f!r} names both {prev} and {r['country']}")
            phrases.append((f, (r["country"], r["kind"])))
    return Geo(base.countries, PhraseMatcher(phrases), base.self_name, base.demonyms, base.names)


def _word_lists(file_name: str, lists: tuple[str, ...], problem) -> dict[str, dict[str, list[str]]]:
    """``{language: {list: [word, ...]}}`` of a ``language,list,word`` data file, validated: unique
    rows, known lists, and no word for which ``problem(list, word)`` gives a reason."""
    path = DATA_DIR / file_name
    rows = read_csv(path, ("language", "list", "word"))
    _check_unique(path.name, rows, ("language", "list", "word"))
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: {k: [] for k in lists})
    for n, r in enumerate(rows, start=1):
        if r["list"] not in lists:
            raise DataFileError(f"{path.name}: data row {n}: unknown list {r['list']!r}")
        why = problem(r["list"], r["word"])
        if why:
            raise DataFileError(f"{path.name}: data row {n}: {r['word']!r} must be {why}")
        out[r["language"]][r["list"]].append(r["word"])
    return dict(out)


@lru_cache(maxsize=1)
def _partner_words() -> dict[str, dict[str, list[str]]]:
    def problem(_list: str, word: str) -> str:
        return "lower case and not empty" if word != word.lower() or not word else ""

    return _word_lists("partner_words.csv", PARTNER_LISTS, problem)


@lru_cache(maxsize=1)
def _actor_name_rows() -> list[dict[str, str]]:
    path = DATA_DIR / "actor_names.csv"
    rows = read_csv(path, ("actor_id", "language", "form"))
    _check_unique(path.name, rows, ("actor_id", "language", "form"))
    actors = registry().actors
    for n, r in enumerate(rows, start=1):
        if r["actor_id"] not in actors:
            raise DataFileError(f"{path.name}: data row {n}: {r['actor_id']!r} is not in actors.csv")
        if not r["form"] or not r["language"]:
            raise DataFileError(f"{path.name}: data row {n}: empty language or form")
    return rows


@lru_cache(maxsize=1)
def _theme_rows() -> list[dict[str, str]]:
    path = DATA_DIR / "theme_phrases.csv"
    rows = read_csv(path, ("theme", "language", "role", "phrase"))
    _check_unique(path.name, rows, ("theme", "language", "role", "phrase"))
    themes = codebook().themes
    for n, r in enumerate(rows, start=1):
        if r["theme"] not in themes:
            raise DataFileError(f"{path.name}: data row {n}: unknown theme {r['theme']!r}")
        if r["role"] not in THEME_ROLES:
            raise DataFileError(f"{path.name}: data row {n}: unknown role {r['role']!r}")
        if not r["phrase"] or not r["language"]:
            raise DataFileError(f"{path.name}: data row {n}: empty language or phrase")
        if "*" in r["phrase"].rstrip("*"):
            raise DataFileError(f"{path.name}: data row {n}: {r['phrase']!r}: a * ends the phrase or nothing")
    return rows


@lru_cache(maxsize=1)
def _title_rows() -> dict[str, list[dict[str, str]]]:
    path = DATA_DIR / "titles_i18n.csv"
    rows = read_csv(path, ("language", "title", "office", "kind"))
    _check_unique(path.name, [{**r, "form": r["title"]} for r in rows], ("language", "form"))
    offices = set(OFFICE_LEVEL) | {o.office for a in registry().actors.values() for o in a.offices}
    languages = lexicon_languages()
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for n, r in enumerate(rows, start=1):
        if r["language"] not in languages:
            raise DataFileError(f"{path.name}: data row {n}: {r['language']!r} is no language of country_names.csv")
        if r["kind"] not in TITLE_KINDS:
            raise DataFileError(f"{path.name}: data row {n}: kind must be office or rank, not {r['kind']!r}")
        if (r["kind"] == "office") != bool(r["office"]):
            raise DataFileError(f"{path.name}: data row {n}: an office title names an office, a rank none")
        if r["office"] and r["office"] not in offices:
            raise DataFileError(f"{path.name}: data row {n}: {r['office']!r} is no office of offices.csv")
        if not r["title"]:
            raise DataFileError(f"{path.name}: data row {n}: empty title")
        out[r["language"]].append(r)
    return dict(out)


@lru_cache(maxsize=1)
def _name_word_rows() -> dict[str, dict[str, list[str]]]:
    def problem(kind: str, word: str) -> str:
        lower_list = kind in ("connector", "and")
        if not word or (word != word.lower() if lower_list else not word[:1].isupper()):
            return "lower case" if lower_list else "capitalised"
        return ""

    return _word_lists("name_words_i18n.csv", NAME_WORD_LISTS, problem)


def _title_lexicon(language: str) -> TitleLexicon:
    phrases: list[tuple[str, tuple[str, str]]] = []
    for r in _title_rows().get(language, []):
        forms = russian_forms(r["title"], "noun") if language == "ru" else (r["title"],)
        phrases += [(f, (r["office"], r["kind"])) for f in forms]
    words = _name_word_rows().get(language, {k: [] for k in NAME_WORD_LISTS})
    # a demonym in lower case joins the phrase after a title too, and gives its country
    # ("l'attaché militaire sud-coréen au Vietnam Chung Yeon Chang", "sus homólogos australianos")
    demonyms = [
        r["form"]
        for r in _country_rows().get(language, [])
        if r["kind"] == "demonym" and r["form"] == r["form"].lower() and r["form"][:1].isalpha()
    ]
    return TitleLexicon(
        language=language,
        matcher=PhraseMatcher(phrases),
        connectors=frozenset(words["connector"]) | frozenset(demonyms if language in ("fr", "es") else ()),
        and_words=frozenset(words["and"]),
        not_name=frozenset(words["not_name"]),
        family_names=frozenset(fold(w) for w in words["family_name"]),
    )


def _language_codebook(language: str) -> Codebook:
    phrases: list[tuple[str, Tag]] = []
    for r in _theme_rows():
        if r["language"] == language:
            forms = (r["phrase"],)
            phrases += [(f, (r["theme"], r["role"], -1)) for f in forms]
    return Codebook(codebook().themes, PhraseMatcher(phrases))


@cache
def language_lexicon(language: str) -> LanguageLexicon | None:
    """The lexicon of ``language``, or ``None`` when ``country_names.csv`` has no form for it.

    >>> lex = language_lexicon("ru")
    >>> [h.values[0] for h in lex.geo.matcher.find("Делегация России прибыла в Ханой.")]
    [('Russia', 'name'), ('Vietnam', 'capital')]
    >>> language_lexicon("xx") is None
    True
    """
    if language not in lexicon_languages():
        return None
    words = _partner_words().get(language, {k: [] for k in PARTNER_LISTS})
    names: list[tuple[str, str]] = []
    for r in _actor_name_rows():
        if r["language"] == language:
            forms = russian_forms(r["form"], "person") if language == "ru" else (r["form"],)
            names += [(f, r["actor_id"]) for f in forms]
    connectors = _alternatives(["and", "&", "with", *words["connector"]])
    return LanguageLexicon(
        language=language,
        geo=_language_geo(language),
        names=PhraseMatcher(names),
        codebook=_language_codebook(language),
        connector=re.compile(rf"^\s*(?:[-–—/]|{connectors})\s*$", re.I),
        between=re.compile(rf"(?<!\w)(?:between|{_alternatives(words['between'])})(?!\w)", re.I),
        counterpart_before=re.compile(
            rf"(?<!\w)(?:{_alternatives(words['counterpart_before'])})"
            rf"(?:\s+(?:{_alternatives(words['qualifier'])})){{0,3}}\s*$",
            re.I,
        ),
        counterpart_after=re.compile(rf"^\s*(?:{_alternatives(words['counterpart_after'])})(?!\w)", re.I),
        history=re.compile(rf"(?<!\w)(?:{_alternatives(words['history'])})(?!\w)", re.I),
        titles=_title_lexicon(language),
    )


def theme_languages() -> frozenset[str]:
    """The languages whose articles are read for themes: English and those of ``theme_phrases.csv``.

    >>> sorted(theme_languages())[:2]
    ['en', 'es']
    """
    return frozenset({"en"}) | frozenset(r["language"] for r in _theme_rows())
