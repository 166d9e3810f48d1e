"""Rule 8, on topic: is the article about defence cooperation?

A partner, and either a defence official (``defence_offices`` of :mod:`defcoop.lexicons.words`)
or two sentences with defence keywords of the article's language (``data/topic_keywords.csv``).
A language read without partners (no lexicon in ``lexicons/languages.py``): the two sentences
alone.
"""

from __future__ import annotations

from defcoop.annotate.document import Doc, is_registered, topic_matchers
from defcoop.lexicons.actors import registry
from defcoop.lexicons.words import word_lists

__all__ = ["is_on_topic", "is_on_topic_other_language", "topic_sentences"]

#: Sentences with defence keywords that put an article on topic.
MIN_TOPIC_SENTENCES = 2


def topic_sentences(doc: Doc, language: str) -> int:
    """How many sentences hold a defence keyword of ``language`` (0 for a language without a list)."""
    m = topic_matchers().get(language)
    if m is None:
        return 0
    return sum(1 for hs in doc.by_sentence(m) if hs)


def is_on_topic(doc: Doc, partners: list[str], actor_ids: list[str], language: str = "en") -> bool:
    """Whether an article in ``language`` with these partners and actors is on topic (a defence
    meeting of two other countries, with no Vietnamese party, is not)."""
    reg = registry()
    defence_offices = word_lists().defence_offices
    defence_official = any(
        is_registered(i) and any(o.office in defence_offices for o in reg.actors[i].offices) for i in actor_ids
    )
    return bool(partners) and (defence_official or topic_sentences(doc, language) >= MIN_TOPIC_SENTENCES)


def is_on_topic_other_language(doc: Doc, language: str) -> bool:
    """Whether an article in ``language``, read without partners, is on topic by its keywords."""
    return topic_sentences(doc, language) >= MIN_TOPIC_SENTENCES
