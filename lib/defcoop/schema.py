"""The table contract: every table's columns, defined once and imported wherever used.

A leaf module (it imports nothing from the package), so that readers, annotators, the engine,
analyses and exports can all depend on it.  ``Corpus`` holds these tables:

* ``docs`` (:data:`DOC_COLUMNS`): one row per article; :data:`LIST_COLUMNS` hold lists;
* ``sentences`` (:data:`SENTENCE_COLUMNS`) and ``segments`` (:data:`SEGMENT_COLUMNS`), with
  character offsets into ``docs.text``;
* ``mentions`` (:data:`MENTION_COLUMNS`): one row per annotation hit, with offsets and sentence;
* ``meetings`` (:data:`MEETING_COLUMNS`): one row per pair of officials named in an article,
  with the evidence that they met;
* ``skipped`` (:data:`SKIP_COLUMNS`): one row per input not loaded, with the reason.

>>> frame([], SKIP_COLUMNS).columns.tolist()
['path', 'record', 'reason']
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "ARTICLE_COLUMNS",
    "CACHE_DOC_COLUMNS",
    "CATEGORICAL_MENTION_COLUMNS",
    "DOC_COLUMNS",
    "LANGUAGE_NAMES",
    "LIST_COLUMNS",
    "MEETING_COLUMNS",
    "MENTION_COLUMNS",
    "OFFICIAL_COLUMNS",
    "PAIR_COLUMNS",
    "SEGMENT_COLUMNS",
    "SENTENCE_COLUMNS",
    "SKIP_COLUMNS",
    "frame",
]


def frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with exactly ``columns`` (also when there are no rows)."""
    return pd.DataFrame(rows, columns=columns)


DOC_COLUMNS = [
    "doc_id",
    "path",
    "record",  # where in a file of many articles ("line 12", "record 3"); "" for a file of one
    "url",  # from the record's metadata or the page's canonical link, else ""
    "outlet",
    "outlet_country",  # from data/outlets.csv by the URL's domain, else "unknown"
    "state_owned",  # yes | no | unknown (data/outlets.csv)
    "credit",
    "title",
    "date",
    "date_precision",
    "date_source",
    "header_date",
    "dateline_date",
    "crawl_date",  # when a crawler fetched the page (WARC-Date, date_download): never the date
    "language",
    "partners",
    "actors",
    "actor_ids",
    "themes",
    "duplicate_of",
    "on_topic",
    "n_paragraphs",
    "n_sentences",
    "n_words",
    "encoding",
    "sha256",
    "warnings",
    "body",
    "text",
]


#: The docs columns whose cells are lists of strings (``;``-joined in CSV, arrays in JSONL).
LIST_COLUMNS = ("partners", "actors", "actor_ids", "themes")
#: The docs columns that ``defcoop annotate`` writes: all but the full texts (the mentions table
#: carries the evidence sentences).
ARTICLE_COLUMNS = [c for c in DOC_COLUMNS if c not in ("body", "text")]


SENTENCE_COLUMNS = ["doc_id", "sent_no", "para_no", "section", "start", "end", "sentence"]


SEGMENT_COLUMNS = ["doc_id", "kind", "start", "end", "content", "reason"]


MENTION_COLUMNS = [
    "doc_id",
    "kind",
    "id",
    "surface",
    "sent_no",
    "start",
    "end",
    "how",
    "registered",
    "country",
    "role",
    "sentence",
]
#: Mention columns held as categoricals (few distinct values, many rows).
CATEGORICAL_MENTION_COLUMNS = ("doc_id", "kind", "id", "surface", "how", "country", "role", "sentence")


#: The codes the ``language`` column takes (those :func:`defcoop.annotate.language.detect_language`
#: returns; ``und``: too little text to tell), with their English names for tables and legends.
LANGUAGE_NAMES = {
    "ar": "Arabic",
    "be": "Belarusian",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "he": "Hebrew",
    "id": "Indonesian",
    "it": "Italian",
    "km": "Khmer",
    "lo": "Lao",
    "pt": "Portuguese",
    "ru": "Russian",
    "th": "Thai",
    "uk": "Ukrainian",
    "und": "undetermined",
    "vi": "Vietnamese",
    "zh": "Chinese",
}


SKIP_COLUMNS = ["path", "record", "reason"]


#: The two officials of a meeting: columns of ``Corpus.meetings`` and of the network's edges.
PAIR_COLUMNS = [
    "vn_actor_id",
    "vn_actor",
    "vn_office",
    "foreign_actor_id",
    "foreign_actor",
    "foreign_country",
    "foreign_office",
]
#: ``Corpus.meetings``: one row per (article, Vietnamese official, foreign official) pair
#: (:func:`defcoop.annotate.meetings.meetings`).
MEETING_COLUMNS = [
    "doc_id",
    "story_id",
    "date",
    *PAIR_COLUMNS,
    "evidence",
    "cue",
    "host",
    "guest",
    "host_basis",
    "place",
    "place_source",
    "online",
    "sent_no",
    "start",
    "end",
    "sentence",
]
#: An actor mention with the official's name, country and office on the article's date
#: (:func:`defcoop.annotate.offices.official_mentions`).
OFFICIAL_COLUMNS = [
    "doc_id",
    "story_id",
    "date",
    "year",
    "actor_id",
    "actor",
    "country",
    "registered",
    "office",
    "level",
    "how",
    "surface",
    "sent_no",
    "start",
    "end",
    "sentence",
]
#: docs columns as cached: the MinHash signature and shingle count feed the corpus-wide copy pass.
CACHE_DOC_COLUMNS = [*DOC_COLUMNS, "minhash", "n_shingles", "anchors"]
