"""Annotating one parsed article: actors, countries and partners, themes, date, on-topic flag.

Every hit becomes a row of ``Corpus.mentions`` with its sentence and character offsets into
the article's text, so that each count in each figure can be traced to its evidence.  Each rule
lives in a module of its own; :func:`annotate_article` runs them in order:

1. **Actors by name** (:mod:`~defcoop.annotate.names`).  Full name forms from the registry (any
   order, with or without diacritics, initials, transliterations); the name must start with a
   capital letter.
2. **Date** (:mod:`~defcoop.annotate.dates`).  Header, then dateline (both read first, for
   every language), then a full date in the lead; else a year-less date (``on March 28``) whose
   year is narrowed by the tenures of the officials named in their offices and by dated events
   the article refers to (``in June last year``): ``inferred`` only when exactly one year
   remains.  The date needs the names of step 1, and then decides between namesakes among them
   (two people of one name: the one in office on the date).
3. **Short second mentions** (:mod:`~defcoop.annotate.short_mentions`: ``Giang``, ``President
   Cường``) resolve to a person named in full in the same article; ambiguous ones to the nearest
   full mention before them.
4. **Title-only mentions** (:mod:`~defcoop.annotate.titles`: ``the Belarusian defence
   minister``) resolve to an official of that office already named in the article, else to the
   registry's unique holder on the date.
5. **Unregistered officials** (:mod:`~defcoop.annotate.unregistered`): a title or rank followed
   by a capitalised name that the registry does not know becomes an actor with
   ``registered = False``.  People the article introduces as former holders who held no office
   on its date are dropped (:func:`~defcoop.annotate.names.drop_former_holders`); the actors of
   steps 1-5 are then recorded in text order, each named as the page writes them
   (:mod:`~defcoop.annotate.actors`).
6. **Countries and partners** (:mod:`~defcoop.annotate.partners`).  A country is a partner when
   the article gives evidence of cooperation with it: one of its officials appears, it is joined
   to Vietnam (``Vietnam-Belarus``, ``Vietnam and Russia``), or its demonym qualifies a
   counterpart (``Belarusian delegation``, ``the Russian side``).  Mentions in history sentences
   (with the Soviet Union) and hyphenated multilateral pairs (``ASEAN-Russia``) are not evidence.
7. **Themes** (:mod:`~defcoop.annotate.themes`) from the codebook (:mod:`defcoop.lexicons.themes`).
8. **On topic** (:mod:`~defcoop.annotate.on_topic`): a partner and either a defence official or
   two sentences with defence words.

An article in a language of ``data/country_names.csv`` (Vietnamese, Russian, French, Spanish,
Chinese; :mod:`defcoop.lexicons.languages`) goes through the same steps with that language's
lexicons (:func:`_other_language`): (1) the registry's names and the language's name forms
(``Фан Ван Зянгом``, ``潘文江``), (2) the date from the text, (6) countries and partners by the
same rules with the language's forms and words (``phía Nga``, ``la partie russe``, ``中越``),
(7) themes from the language's phrases, (8) on topic with its keyword list; and steps 3 and 5
with the language's titles (``data/titles_i18n.csv``): title + family name of a registered
official (``le ministre de la Défense Giang``) and unregistered officials named after a title or
in apposition with one (``l'ambassadeur de France au Vietnam Olivier Brochet``, ``Thượng tướng Lê
Quang Minh``, ``вице-премьером Дмитрием Чернышенко``).  Step 4 (title-only mentions) is not run.
Other languages get a date (header or dateline) and an on-topic flag from two sentences with
keywords of their own list (``data/topic_keywords.csv``; none without one); those in Latin
script also get the registry's people named in full and their countries
(:func:`_registered_names_only`).

What the rules share (the article's working state, hit records,
the matchers) is in :mod:`~defcoop.annotate.document`, what surrounds a title in
:mod:`~defcoop.annotate.title_context`; their word lists are data
(:mod:`defcoop.lexicons.words`).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from defcoop.annotate.actors import record_actors
from defcoop.annotate.dates import date_from_header_or_dateline, date_from_metadata, date_from_text, date_period
from defcoop.annotate.document import ActorHit, Annotation, Doc, english_matchers
from defcoop.annotate.names import drop_former_holders, drop_people_of_history, find_full_names, resolve_same_names
from defcoop.annotate.on_topic import is_on_topic, is_on_topic_other_language
from defcoop.annotate.partners import find_partners
from defcoop.annotate.short_mentions import find_short_mentions
from defcoop.annotate.themes import find_themes
from defcoop.annotate.titles import find_title_only
from defcoop.annotate.unregistered import find_unregistered
from defcoop.lexicons.actors import registry, titles
from defcoop.lexicons.geo import geo
from defcoop.lexicons.languages import LanguageLexicon, language_lexicon
from defcoop.lexicons.matcher import MultiMatcher
from defcoop.reading.dates import DateValue
from defcoop.reading.parse import Article

__all__ = ["Annotation", "annotate_article", "english_matchers"]


#: Languages in Latin script whose articles name the registry's people as English ones do
#: (``Phan Văn Giang``, ``Viktor Khrenin``): their full names are found, and the foreign
#: officials' countries are the partners.  The rest of the English rules is not applied.
LATIN_SCRIPT_LANGUAGES = frozenset({"vi", "fr", "es", "pt", "it", "de", "id", "ms"})


def _record_officials(doc: Doc, ann: Annotation, hits: list[ActorHit], lex: LanguageLexicon | None = None) -> dict:
    """The officials of ``hits`` as of the article's date (same names resolved, people of history
    dropped), with, given the language's ``lex``, its short mentions (rule 3) and unregistered
    officials (rule 5), recorded on ``ann``; returns them by id."""
    period = date_period(ann.date)
    resolve_same_names(hits, period)
    drop_people_of_history(hits, period)
    unregistered: dict[str, tuple[str, str]] = {}
    if lex is not None:
        titles_by_sent = dict(enumerate(doc.by_sentence(lex.titles.matcher)))
        find_short_mentions(doc, hits, titles_by_sent, period)  # 3
        unregistered = find_unregistered(doc, hits, titles_by_sent, lex=lex)  # 5
    drop_former_holders(doc, hits, period)
    actors = record_actors(doc, hits, unregistered)
    ann.actor_ids = list(actors)
    ann.actors = [a.written for a in actors.values()]
    return actors


def _registered_names_only(doc: Doc, ann: Annotation) -> None:
    """Registered officials named in full, and the countries of the foreign ones as partners
    (an article in another language: titles, countries and themes are English lexicons)."""
    doc.scan(*english_matchers())
    actors = _record_officials(doc, ann, find_full_names(doc, defaultdict(list)))
    counts: dict[str, int] = defaultdict(int)
    for a in actors.values():
        if a.country and a.country != geo().self_name:
            counts[a.country] += 1
    ann.partners = sorted(counts, key=lambda c: (-counts[c], c))


@cache
def _language_matchers(language: str) -> tuple[tuple, MultiMatcher]:
    """The matchers of an article in ``language`` and all of them in one automaton."""
    lex = language_lexicon(language)
    assert lex is not None
    ms = [registry().full, lex.names, lex.geo.matcher, lex.codebook.matcher, lex.titles.matcher]
    return tuple(ms), MultiMatcher(ms)


def _drop_overlapped(hits: list[ActorHit]) -> list[ActorHit]:
    """The hits of two name lexicons without those inside a longer one (leftmost-longest)."""
    out: list[ActorHit] = []
    for h in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


def _other_language(doc: Doc, ann: Annotation, lex: LanguageLexicon) -> None:
    """Rules 1, 2, 3, 5, 6, 7 for an article in a language of its own lexicon (module docstring)."""
    doc.scan(*_language_matchers(lex.language))
    hits = _drop_overlapped(find_full_names(doc, {}) + find_full_names(doc, {}, matcher=lex.names))  # 1
    if ann.date is None:
        date_from_text(doc, ann, hits)  # 2
    actors = _record_officials(doc, ann, hits, lex)
    ann.partners = find_partners(doc, {i: a.country for i, a in actors.items()}, lex=lex)  # 6
    ann.themes = find_themes(doc, lex.codebook)  # 7


def annotate_article(
    doc_id: str,
    art: Article,
    language: str,
    *,
    published: DateValue | None = None,
    crawled: DateValue | None = None,
) -> Annotation:
    """Annotate one parsed article.

    The rules run in this order (the module docstring describes each): the header or dateline
    date; for English articles then (1) actors by name, (2) the date from the text when there is
    none yet, and the namesakes it decides, (3) short second mentions, (4) title-only mentions,
    (5) unregistered officials, the actors recorded in text order, (6) countries and partners,
    (7) themes, (8) on topic.  A language with a lexicon of its own (``lexicons.languages``) gets
    rules 1, 2, 3, 5, 6 and 7 from it; another Latin-script language gets registered officials named
    in full and their countries; every other language only the on-topic flag of its keywords.

    Parameters
    ----------
    doc_id
        The article's id, the first field of every mention row.
    art
        The parsed article.
    language
        Its language (``"en"`` for the English rules).
    published, crawled
        The publication and crawl dates of the record's metadata (JSON, CSV, WARC, HTML), if
        any: the publication date dates the article when the page states none and the check of
        :func:`~defcoop.annotate.dates.date_from_metadata` passes.

    Returns
    -------
    Annotation
        The article's date, actors, partners, themes, on-topic flag, mention rows and warnings.
    """
    doc = Doc(doc_id, art)
    ann = Annotation()
    date_from_header_or_dateline(doc, ann)
    date_from_metadata(doc, ann, published, crawled)
    if language != "en":
        lex = language_lexicon(language)
        if lex is not None:
            _other_language(doc, ann, lex)
            ann.on_topic = is_on_topic(doc, ann.partners, ann.actor_ids, language)
        else:
            ann.on_topic = is_on_topic_other_language(doc, language)
            if language in LATIN_SCRIPT_LANGUAGES:
                _registered_names_only(doc, ann)
        ann.mentions = doc.mentions
        return ann

    doc.scan(*english_matchers())
    titles_by_sent = dict(enumerate(doc.by_sentence(titles().matcher)))
    hits = find_full_names(doc, titles_by_sent)  # 1
    if ann.date is None:
        date_from_text(doc, ann, hits)  # 2
    period = date_period(ann.date)
    resolve_same_names(hits, period)
    drop_people_of_history(hits, period)
    find_short_mentions(doc, hits, titles_by_sent, period)  # 3
    find_title_only(doc, hits, titles_by_sent, period)  # 4
    unregistered = find_unregistered(doc, hits, titles_by_sent)  # 5
    drop_former_holders(doc, hits, period)
    actors = record_actors(doc, hits, unregistered)
    ann.actor_ids = list(actors)
    ann.actors = [a.written for a in actors.values()]
    ann.partners = find_partners(doc, {i: a.country for i, a in actors.items()})  # 6
    ann.themes = find_themes(doc)  # 7
    ann.on_topic = is_on_topic(doc, ann.partners, ann.actor_ids)  # 8
    ann.mentions = doc.mentions
    return ann
