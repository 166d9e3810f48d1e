"""Topic clustering of news passages: what was discussed, not who was there.

The pipeline, one pure function per step (notebook 02 calls them in this order)::

    choose_unit(corpus)          -> ("paragraph", why)       article | paragraph | sentence
    units(corpus, unit=...)      -> one row per passage, copies counted once, with its metadata
    vectorise(units)             -> Vectors: sparse TF-IDF, stop words = English + news furniture
                                    (data/topic_stopwords.txt) + every country and official name
    select_k(vectors)            -> silhouette and coherence per model and k; choose_k picks k
    fit_topics(vectors, k=...)   -> TopicModel (NMF with nndsvd init, or k-means)
    topic_terms / topic_summary / representatives / theme_overlap / topic_crosstab / unit_map
    stability(vectors, ref)      -> agreement of refits under other seeds, orders and subsamples

Every table is tidy (one row per topic and term, per topic and passage, ...) and sorted with
tie-breakers, so the same input gives the same rows.  Topics are numbered 1..k by size
(largest first, ties by top term); 0 is "no topic" (an NMF passage with all weights zero).

Memory stays bounded on large corpora: the TF-IDF matrix is sparse (float32), the vocabulary
is capped (``max_features``) and learnt on a sample when there are more than ``vocab_sample``
passages; no dense passages x vocabulary array is ever built.  Above ``MINIBATCH_FROM``
passages the mini-batch variants of NMF and k-means are used.  Every fit runs with BLAS and
OpenMP limited to one thread and a fixed ``random_state``, so reruns are bit-identical.
"""

from __future__ import annotations

import math
import re
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.decomposition import NMF, MiniBatchNMF, TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, silhouette_score
from threadpoolctl import threadpool_limits

from defcoop.arrays import arrow_strings, take_rows
from defcoop.corpus import story_mask
from defcoop.errors import InsufficientData
from defcoop.lexicons.datafiles import DataFileError
from defcoop.paths import DATA_DIR

__all__ = [
    "AUTO_ARTICLE_MIN",
    "JUNK_FOCUS",
    "JUNK_SHARE",
    "MINIBATCH_FROM",
    "MIN_STORIES",
    "MIN_UNITS",
    "MODEL_SAMPLE",
    "Analyzer",
    "TopicModel",
    "Vectors",
    "choose_k",
    "choose_unit",
    "counterpart_stopwords",
    "entity_stopwords",
    "fit_topics",
    "furniture_stopwords",
    "name_words",
    "representatives",
    "sample_vectors",
    "select_k",
    "stability",
    "stability_summary",
    "stop_words",
    "strip_accents",
    "theme_overlap",
    "topic_crosstab",
    "topic_quality",
    "topic_summary",
    "topic_terms",
    "unit_map",
    "units",
    "vectorise",
]

Unit = Literal["article", "paragraph", "sentence"]
UnitChoice = Literal["auto", "article", "paragraph", "sentence"]
Model = Literal["nmf", "kmeans"]
By = Literal["partner", "year", "outlet"]

#: With at least this many stories (copies counted once), ``unit="auto"`` clusters articles;
#: below it, paragraphs.  200 articles over 2-8 topics leave 25+ articles per topic.
AUTO_ARTICLE_MIN = 200
#: Topic clustering compares passages across articles: fewer stories than this is no corpus.
MIN_STORIES = 2
#: Fewer passages than this cannot hold two topics of three passages each.
MIN_UNITS = 6
#: From this many passages on, MiniBatchNMF and MiniBatchKMeans replace NMF and KMeans.
MINIBATCH_FROM = 20_000
#: A refitted topic "survives" when its term profile has this cosine with the reference topic.
SURVIVAL_COSINE = 0.8
#: Silhouette is computed on at most this many passages (pairwise distances are quadratic).
SILHOUETTE_SAMPLE = 3_000
#: Above this many passages, k is chosen and stability is measured on a seeded sample of this
#: size; the reported models are still fitted on every passage.  Choosing k fits 14 models and
#: the stability check 20: on 10,000 passages that took over three minutes on two cores.
MODEL_SAMPLE = 2_000
#: A topic is junk when it holds at least this many times its even share of the passages
#: (2 / k)...
JUNK_SHARE = 2.0
#: ... and its top terms carry less than this share of the median topic's focus (see
#: :func:`topic_quality`).
JUNK_FOCUS = 0.5
#: Token rule: words of three or more letters (no digits, no underscores).
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{3,}\b"
_TOKEN = re.compile(TOKEN_PATTERN)
MAX_QUOTE = 300
_WORD = re.compile(r"^[a-z]+$")


# --------------------------------------------------------------------------- stop words


#: Combining marks U+0300-U+036F except U+034F, the grapheme joiner (combining class 0, kept).
_COMMON_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")


def strip_accents(s: str) -> str:
    """scikit-learn's ``strip_accents_unicode``, with the same output, several times faster.

    NFKD, then every combining mark removed.  scikit-learn tests each character of the text in
    Python, which was half the time of vectorising; here the common marks go in one regular
    expression, then only the distinct characters left are tested.

    >>> strip_accents("Phan Văn Giang, Đà Nẵng, naïve")
    'Phan Van Giang, Đa Nang, naive'
    >>> from sklearn.feature_extraction.text import strip_accents_unicode
    >>> s = "ẩm thực, ʻokina, a\u0489b, Ω\u20dd, Ǆ, \u034f"  # marks outside U+0300-U+036F too
    >>> strip_accents(s) == strip_accents_unicode(s)
    True
    """
    if s.isascii():
        return s
    out = _COMMON_MARKS.sub("", unicodedata.normalize("NFKD", s))  # the accents of Vietnamese and most Latin
    if out.isascii():
        return out
    for ch in {c for c in set(out) if c > "\x7f" and unicodedata.combining(c)}:
        out = out.replace(ch, "")
    return out


def _analyzer_parts() -> tuple:
    """The vectoriser's own preprocessing and tokenising, so stop words match what it sees."""
    v = TfidfVectorizer(lowercase=True, strip_accents=strip_accents, token_pattern=TOKEN_PATTERN)
    return v.build_preprocessor(), v.build_tokenizer()


def _tokens(phrases: Iterable[str]) -> set[str]:
    pre, tok = _analyzer_parts()
    return {t for p in phrases for t in tok(pre(p))}


def furniture_stopwords(path: Path | None = None) -> tuple[str, ...]:
    """The news-furniture stop words of ``data/topic_stopwords.txt``, validated.

    One lowercase word (letters only) per line, ``#`` starts a comment line, no duplicates.

    Examples
    --------
    >>> words = furniture_stopwords()
    >>> "said" in words and "cooperation" in words and "hospital" not in words
    True
    """
    path = path or DATA_DIR / "topic_stopwords.txt"
    seen: dict[str, int] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not _WORD.match(line):
            raise DataFileError(f"{path.name}: line {n}: {line!r} is not one lowercase word of letters a-z")
        if line in seen:
            raise DataFileError(f"{path.name}: line {n}: {line!r} already listed on line {seen[line]}")
        seen[line] = n
    if not seen:
        raise DataFileError(f"{path.name}: no stop words")
    return tuple(sorted(seen))


@lru_cache(maxsize=1)
def entity_stopwords() -> tuple[str, ...]:
    """Every word of the names of registered officials, countries, demonyms and capitals.

    Derived from ``data/actors.csv`` and ``data/countries.csv`` (international organisations
    are kept: ASEAN or the United Nations are part of what was discussed; so are the common
    English words that are also names, ``words_in_names`` of ``data/annotation_words.csv``),
    through the same
    folding and tokenising as the vectoriser.

    Examples
    --------
    >>> words = entity_stopwords()
    >>> all(w in words for w in ("belarus", "belarusian", "minsk", "shoigu", "vietnamese"))
    True
    >>> "asean" in words, "work" in words  # (Bob Work is registered, but "work" is a word)
    (False, False)
    """
    from defcoop.lexicons.actors import name_forms, registry
    from defcoop.lexicons.geo import geo
    from defcoop.lexicons.words import word_lists

    phrases: list[str] = []
    for actor in registry().actors.values():
        phrases += [form for form, _ in name_forms(actor)]
        phrases += [actor.family, actor.middle, actor.given, actor.patronymic, *actor.variants]
    for country in geo().countries.values():
        if country.kind != "organisation":
            phrases += [*country.names, *country.demonyms, *country.capitals]
    return tuple(sorted(_tokens(p for p in phrases if p) - word_lists().words_in_names))


@lru_cache(maxsize=1)
def counterpart_stopwords() -> tuple[str, ...]:
    """The words that say who was there (``counterpart_words`` of ``data/annotation_words.csv``).

    *delegation*, *government*, *staff*, *army*, *officials*...: the annotation rules use them to
    find the two sides of a meeting; in a topic they say who met, not what was discussed.

    >>> {"delegation", "government", "staff"} <= set(counterpart_stopwords())
    True
    """
    from defcoop.lexicons.words import word_lists

    return tuple(sorted(_tokens(word_lists().counterpart_words)))


@lru_cache(maxsize=1)
def stop_words() -> tuple[str, ...]:
    """scikit-learn's English list + :func:`furniture_stopwords` + :func:`entity_stopwords`
    + :func:`counterpart_stopwords`.

    >>> len(stop_words()) > 500
    True
    """
    words = _tokens(ENGLISH_STOP_WORDS) | set(furniture_stopwords()) | set(entity_stopwords())
    return tuple(sorted(words | set(counterpart_stopwords())))


#: A word is a name of the corpus when it occurs at least this often inside sentences, always
#: capitalised (``Ranh``, ``Shangri``): see :func:`name_words`.
NAME_MIN_COUNT = 2
_WORD_IN_TEXT = re.compile(r"\b[^\W\d_]{3,}\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”()\[\]]\s*|\n)$")


def name_words(
    units: pd.DataFrame,
    *,
    mentions: pd.DataFrame | None = None,
    sample: int | None = 20_000,
    random_state: int = 0,
) -> tuple[str, ...]:
    """The words of the names of people and places of this corpus, registered or not.

    Two sources, both folded and tokenised as the vectoriser does:

    * every word of the surfaces of the corpus's ``mentions`` of kind ``actor`` (registered
      officials and the unregistered ones the annotation found) and ``country`` (countries,
      demonyms, capitals);
    * every word written capitalised (``Ranh``, not ``RANH`` nor ``ranh``) in each of its at
      least :data:`NAME_MIN_COUNT` occurrences inside a sentence (a word after a full stop,
      colon, quote or bracket is not counted): the names no lexicon holds, *Cam Ranh*,
      *Shangri-La*, *Xinhua*.  Words the annotation rules know are capitalised without being
      names (``not_name_words`` and ``institution_words`` of ``data/annotation_words.csv``:
      *Bay*, *Council*, *Army*) are not taken from this source;
    * every word of an outlet's name (``data/outlets.csv``) that the corpus never writes in
      lower case (*Xinhua*, *XINHUA*; not *news* or *army*).

    The common English words that are also names (``words_in_names``: *work*, *long*) are kept.
    On more than ``sample`` passages the capitalisation is read on a seeded sample of that size.

    Examples
    --------
    >>> u = pd.DataFrame({"text": ["The fleet sailed to Cam Ranh with Le Quy Don.",
    ...                            "Cam Ranh hosted the fleet; Don led it. The ship docked.",
    ...                            "Fleet drills near Cam Ranh. Ship crews trained."]})
    >>> name_words(u)
    ('cam', 'ranh')
    >>> m = pd.DataFrame({"kind": ["actor", "theme"], "surface": ["Le Quy Don", "fleet"]})
    >>> name_words(u, mentions=m)
    ('cam', 'quy', 'ranh')
    """
    from defcoop.lexicons.geo import geo
    from defcoop.lexicons.words import word_lists

    wl = word_lists()
    texts = units["text"]
    if sample is not None and len(texts) > sample:
        texts = texts.iloc[_seeded_sample(len(texts), sample, random_state)]
    capital: dict[str, int] = {}
    other: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for m in _WORD_IN_TEXT.finditer(text):
            w = m.group()
            low = w.lower()
            if w[0].isupper() and w[1:].islower():
                if not _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]):
                    capital[low] = capital.get(low, 0) + 1
            else:
                other.add(low)
                if w == low:
                    lower.add(low)
    known = {w.lower() for w in (*wl.not_name_words, *wl.institution_words)} | _subject_words()
    found = {w for w, n in capital.items() if n >= NAME_MIN_COUNT and w not in other and w not in known}
    seen = set(capital) | other
    found |= {w for w in _outlet_words() if w in seen and w not in lower and w not in known}
    if mentions is not None and len(mentions):
        organisations = {c.name for c in geo().countries.values() if c.kind == "organisation"}
        ids = mentions["id"] if "id" in mentions else pd.Series("", index=mentions.index)
        keep = (mentions["kind"] == "actor") | ((mentions["kind"] == "country") & ~ids.isin(organisations))
        # (the surfaces alone: a cut of the whole table would copy its every column)
        found |= set(mentions.loc[keep, "surface"].drop_duplicates().str.lower())  # phrases: tokenised below
    return tuple(sorted(_tokens(found) - wl.words_in_names))


@lru_cache(maxsize=1)
def _outlet_words() -> frozenset[str]:
    """Every word of the outlets' names (``data/outlets.csv``), folded: *Xinhua*, *Sputnik*."""
    from defcoop.lexicons.outlets import outlets

    return frozenset(_tokens({o.name for o in outlets().values()}))


@lru_cache(maxsize=1)
def _subject_words() -> frozenset[str]:
    """The one-word evidence phrases of the theme codebook (``themes.yml``) and the one-word
    defence keywords (``topic_keywords.csv``): words of what was discussed, never taken for a
    name because a corpus writes them capitalised (*Peacekeeping*).  Longer phrases are left
    out: they hold places too (*Cam Ranh*)."""
    from defcoop.lexicons.datafiles import read_csv
    from defcoop.lexicons.themes import codebook

    phrases = [p.rstrip("*") for t in codebook().themes.values() for p in t.include]
    phrases += [r["phrase"] for r in read_csv(DATA_DIR / "topic_keywords.csv", ("language", "phrase"))]
    return frozenset(_tokens(p for p in phrases if " " not in p.strip()))


@dataclass(frozen=True)
class Analyzer:
    """Folds, tokenises and drops stop words, then forms phrases of adjacent words only.

    A stop word or a name between two words breaks the phrase (*Armed Forces this morning*
    gives no *forces morning*); a phrase of one word twice (*visit visit*) is dropped.  Words of
    fewer than three letters and punctuation are not tokens, so they do not break a phrase:
    *memorandum of understanding* gives *memorandum understanding*, and two words either side of
    a full stop can pair (a known leak, rare in topic terms since such pairs seldom recur).
    A picklable callable, so that transforming can run in other processes.

    >>> Analyzer(stop=frozenset({"the", "this"}), ngrams=2)("The frigate drill, this visit visit")
    ['frigate', 'drill', 'visit', 'visit', 'frigate drill']
    """

    stop: frozenset[str]
    ngrams: int = 2

    def __call__(self, doc: str) -> list[str]:
        words = _TOKEN.findall(strip_accents(doc.lower()))  # the preprocessing of scikit-learn's
        kept = [w for w in words if w not in self.stop]
        if self.ngrams < 2:
            return kept
        pairs = [f"{a} {b}" for a, b in pairwise(words) if a != b and a not in self.stop and b not in self.stop]
        return kept + pairs


# --------------------------------------------------------------------------- units


def _stories(corpus, language: str | None, columns: Sequence[str] = ("doc_id",)) -> pd.DataFrame:
    """The stories of ``corpus`` in ``language``, with ``columns`` only: filtering the article
    texts too would copy them (1.7 GB at 100,000 articles)."""
    docs = corpus.docs
    keep = story_mask(docs)
    if language is not None:
        keep &= docs["language"] == language
    return docs.loc[keep, list(columns)]


def choose_unit(
    corpus, *, unit: UnitChoice = "auto", article_min: int = AUTO_ARTICLE_MIN, language: str | None = "en"
) -> tuple[Unit, str]:
    """The unit of analysis, and a sentence saying why.

    ``"auto"`` clusters articles when there are at least ``article_min`` stories (syndicated
    copies counted once), paragraphs otherwise.  Raises :class:`InsufficientData` when there
    are fewer than ``MIN_STORIES`` stories.

    Examples
    --------
    >>> import defcoop
    >>> unit, why = choose_unit(defcoop.load(defcoop.paths.SEEDS_DIR))
    >>> unit
    'paragraph'
    >>> why[:60]
    'The corpus has 5 stories (0 syndicated copies counted once);'
    """
    stories = _stories(corpus, language)
    n, copies = len(stories), int((corpus.docs["duplicate_of"] != "").sum())
    lang = f" in language {language!r}" if language else ""
    if n < MIN_STORIES:
        raise InsufficientData(
            f"Topic clustering compares passages across articles and needs at least {MIN_STORIES} "
            f"stories{lang}; the corpus has {n} ({len(corpus.docs)} article(s), {copies} syndicated "
            f"copies counted once). No model is fitted."
        )
    head = f"The corpus has {n} stories ({copies} syndicated copies counted once); "
    if unit != "auto":
        return unit, head + f"the unit was set to {unit!r} by the UNIT parameter."
    if n >= article_min:
        return "article", head + f"with at least {article_min}, articles are clustered."
    return "paragraph", head + (
        f"fewer than {article_min} articles would leave a handful per topic, so paragraphs are "
        "clustered instead (each paragraph is one passage on one subject more often than an article is)."
    )


def units(corpus, *, unit: Unit, language: str | None = "en") -> pd.DataFrame:
    """One row per passage of the stories (syndicated copies counted once), with its metadata.

    Columns: ``unit_id, doc_id, para_no, sent_from, sent_to, start, end, n_words, text,
    outlet, year, partners, themes``.  ``start``/``end`` index ``docs.text``; ``sent_from``
    and ``sent_to`` are the first and last ``sent_no`` (-1 when the corpus has no sentence
    table).  Titles are left out: a headline is a summary, not a passage.  ``themes`` are the
    codebook themes the passage carries: for articles, the article's themes; for paragraphs
    and sentences, every theme with evidence in one of its sentences.  Sorted by doc, offset.

    Examples
    --------
    >>> import defcoop
    >>> u = units(defcoop.load(defcoop.paths.SEEDS_DIR), unit="paragraph")
    >>> len(u), u["doc_id"].nunique()
    (46, 5)
    >>> print(*u.loc[0, ["unit_id", "start", "end"]])
    000_792274446db92004:p01 133 2264
    """
    choose_unit(corpus, unit=unit, language=language)  # raises on too few stories
    stories = _stories(corpus, language, ["doc_id", "outlet", "date", "partners", "themes"])
    meta = stories.set_index("doc_id")
    sents = corpus.sentences
    keep = ((sents["section"] == "body") & sents["doc_id"].isin(meta.index)).to_numpy()
    rows = np.flatnonzero(keep)
    # the texts stay Arrow strings, taken once in the order they are used (a boolean cut of the
    # table with its sentence column would copy every sentence, twice the corpus's text)
    texts = arrow_strings(sents["sentence"])
    sents = sents.loc[keep, ["doc_id", "sent_no", "para_no", "start", "end"]]
    if unit == "sentence":
        out = sents.assign(
            unit_id=[f"{d}:s{n:03d}" for d, n in zip(sents["doc_id"], sents["sent_no"], strict=True)],
            sent_from=sents["sent_no"],
            sent_to=sents["sent_no"],
            text=_string_series(take_rows(texts, rows), sents.index, like=corpus.sentences["sentence"].dtype),
        )
    else:
        keys = ["doc_id", "para_no"] if unit == "paragraph" else ["doc_id"]
        out = _join_sentences(sents, keys, texts, rows)
        if unit == "article":
            missing = meta.index.difference(out["doc_id"])  # corpora given without a sentence table
            bodies = (
                _stories(corpus, language, ["doc_id", "body"]).set_index("doc_id")["body"].loc[missing].tolist()
                if len(missing)
                else []
            )
            extra = pd.DataFrame(
                {
                    "doc_id": missing,
                    "sent_from": -1,
                    "sent_to": -1,
                    "start": 0,
                    "end": [len(b) for b in bodies],
                    "text": bodies,
                }
            )
            out = pd.concat([out, extra], ignore_index=True) if len(extra) else out
            out["para_no"] = -1
            out["unit_id"] = out["doc_id"]
        else:
            out["unit_id"] = [f"{d}:p{p:02d}" for d, p in zip(out["doc_id"], out["para_no"], strict=True)]
    # blank passages out, then sorted; the text column is cut and reordered only when needed, and
    # chunk by chunk (a boolean cut or reordering of an Arrow column in many chunks copies it whole)
    out = out.reset_index(drop=True)
    blank = pc.equal(pc.utf8_trim_whitespace(arrow_strings(out["text"])), "").fill_null(False)
    if pc.any(blank).as_py():
        out = _take(out, np.flatnonzero(~blank.to_numpy()), "text").reset_index(drop=True)
    order = out[["doc_id", "start", "unit_id"]].sort_values(["doc_id", "start", "unit_id"]).index.to_numpy()
    if (order != np.arange(len(out))).any():
        out = _take(out, order, "text").reset_index(drop=True)
    m = meta.loc[out["doc_id"]]
    out["n_words"] = np.array([len(t.split()) for t in out["text"]], dtype=int)
    out["outlet"] = m["outlet"].to_numpy()
    out["year"] = [d[:4] if d else "undated" for d in m["date"]]
    out["partners"] = [list(p) for p in m["partners"]]
    if unit == "article":
        out["themes"] = [sorted(t) for t in m["themes"]]
    else:
        out["themes"] = _unit_themes(out, corpus.mentions)
    cols = [
        "unit_id",
        "doc_id",
        "para_no",
        "sent_from",
        "sent_to",
        "start",
        "end",
        "n_words",
        "text",
        "outlet",
        "year",
        "partners",
        "themes",
    ]
    out = out[cols]
    if len(out) < MIN_UNITS:
        raise InsufficientData(
            f"Topic clustering needs at least {MIN_UNITS} passages; the {len(stories)} stories give "
            f"{len(out)} {unit}(s). No model is fitted."
        )
    return out


def _string_series(values: pa.ChunkedArray | pa.Array, index: pd.Index | None = None, like=None) -> pd.Series:
    """``values`` as a pandas column of the dtype ``like`` (that of the column they were taken
    from); ``str`` without it (Arrow-backed, as a column made of Python strings is)."""
    series = pd.Series(pd.arrays.ArrowExtensionArray(values), index=index)
    if isinstance(like, pd.ArrowDtype) and like.pyarrow_dtype == values.type:
        return series
    return series.astype("str" if like is None else like)


def _take(table: pd.DataFrame, rows: np.ndarray, text: str) -> pd.DataFrame:
    """``table.iloc[rows]``, its ``text`` column taken chunk by chunk and of the same dtype (a cut
    or reordering of an Arrow column in many chunks would first copy it whole)."""
    out = table.drop(columns=text).iloc[rows]
    out[text] = _string_series(take_rows(arrow_strings(table[text]), rows), out.index, like=table[text].dtype)
    return out[list(table.columns)]


def _join_sentences(sents: pd.DataFrame, keys: list[str], texts: pa.ChunkedArray, rows: np.ndarray) -> pd.DataFrame:
    """One row per ``keys`` group (sorted): first and last ``sent_no``, offsets, and the
    sentences joined by a space in table order.  ``texts[rows[i]]`` is the sentence of row ``i`` of
    ``sents``.  Integer codes and ``reduceat`` instead of a groupby with a Python aggregate,
    which cost 70 microseconds a group (seven seconds on 100,000 articles), and the join in
    Arrow: no Python string per sentence."""
    codes, docs = pd.factorize(sents["doc_id"], sort=True)
    para = sents["para_no"].to_numpy() if "para_no" in keys else np.zeros(len(sents), dtype=np.int64)
    order = np.lexsort((para, codes))  # stable: by doc, then paragraph, then table order
    c, p = codes[order], para[order]
    first = np.flatnonzero(np.r_[True, (c[1:] != c[:-1]) | (p[1:] != p[:-1])]) if len(order) else order
    out = pd.DataFrame({"doc_id": docs.take(c[first])})
    if "para_no" in keys:
        out["para_no"] = p[first]
    for col, name, reduce in (
        ("sent_no", "sent_from", np.minimum),
        ("sent_no", "sent_to", np.maximum),
        ("start", "start", np.minimum),
        ("end", "end", np.maximum),
    ):
        values = sents[col].to_numpy()[order]
        out[name] = reduce.reduceat(values, first) if len(order) else values
    out["text"] = _string_series(_take_join(texts, rows[order], first))
    return out


def _take_join(texts: pa.ChunkedArray, src: np.ndarray, first: np.ndarray) -> pa.ChunkedArray:
    """For each group ``g``, the strings ``texts[src[first[g]:first[g + 1]]]`` joined by a space.

    Taken and joined chunk by chunk, all the groups of a chunk at once: a take over the whole
    chunked array would first copy every chunk into one array (with the cache's memory-mapped
    parts, the whole corpus's sentences).  The joined groups come back in their own order (one
    take of the joined texts when the chunks' order is not theirs).  A group whose strings lie in
    two chunks (not from the cache, where a document's rows are in one part) makes the chunks one
    first."""
    sep = pa.scalar(" ", pa.large_string())
    if not len(src):
        return pa.chunked_array([], pa.large_string())
    ends = np.append(first, len(src))
    n = len(first)
    bounds = np.cumsum([0, *(len(ch) for ch in texts.chunks)])
    chunk = np.searchsorted(bounds, src, side="right") - 1
    group_chunk = chunk[first]
    if (chunk != np.repeat(group_chunk, np.diff(ends))).any():
        texts, bounds = pa.chunked_array([texts.combine_chunks()]), np.array([0, len(texts)])
        group_chunk = np.zeros(n, dtype=np.int64)
    order = np.argsort(group_chunk, kind="stable")  # the groups chunk by chunk, in their order within one
    by_chunk = group_chunk[order]
    runs = [*np.flatnonzero(np.r_[True, by_chunk[1:] != by_chunk[:-1]]).tolist(), n]
    pieces = []
    for a, b in pairwise(runs):
        groups = order[a:b]
        k = int(group_chunk[groups[0]])
        lengths = ends[groups + 1] - ends[groups]
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        rows = np.repeat(ends[groups] - offsets[:-1], lengths) + np.arange(offsets[-1])
        values = texts.chunk(k).take(pa.array(src[rows] - bounds[k]))
        pieces.append(pc.binary_join(pa.LargeListArray.from_arrays(pa.array(offsets, pa.int64()), values), sep))
    joined = pa.chunked_array(pieces, pa.large_string())
    if (np.diff(order) > 0).all():  # the chunks' order is the groups'
        return joined
    back = np.empty_like(order)
    back[order] = np.arange(n)
    return pa.chunked_array([take_rows(joined, back)])


def _unit_themes(u: pd.DataFrame, mentions: pd.DataFrame) -> list[list[str]]:
    th = mentions.loc[mentions["kind"] == "theme", ["doc_id", "sent_no", "id"]].drop_duplicates()
    by_sent: dict[tuple[str, int], set[str]] = {}
    for d, n, t in th.itertuples(index=False):
        by_sent.setdefault((d, n), set()).add(t)
    out = []
    for d, a, b in zip(u["doc_id"], u["sent_from"], u["sent_to"], strict=True):
        found: set[str] = set()
        for n in range(a, b + 1):
            found |= by_sent.get((d, n), set())
        out.append(sorted(found))
    return out


# --------------------------------------------------------------------------- vectors


@dataclass(frozen=True)
class Vectors:
    """The TF-IDF matrix of the passages (sparse, rows L2-normalised) and its vocabulary."""

    X: sp.csr_matrix
    terms: np.ndarray
    unit_ids: np.ndarray
    vectorizer: TfidfVectorizer

    def __repr__(self) -> str:
        n, v = self.X.shape
        return f"Vectors({n} passages x {v} terms, {self.X.nnz} non-zero, sparse)"


def vectorise(
    units: pd.DataFrame,
    *,
    ngrams: Literal[1, 2] = 2,
    min_df: int | None = None,
    max_df: float = 0.5,
    max_features: int = 20_000,
    vocab_sample: int = 20_000,
    random_state: int = 0,
    n_jobs: int | None = None,
    names: Iterable[str] = (),
) -> Vectors:
    """TF-IDF of ``units["text"]`` with the topic stop words, as a sparse float32 matrix.

    ``names`` are more words to leave out (the notebook passes :func:`name_words` of the
    corpus).  Phrases are two adjacent words that are neither stop words nor names
    (:class:`Analyzer`): "Belarusian defence minister" gives no n-gram at all, "memorandum of
    understanding" only its two words.  ``min_df`` defaults to 2 passages below 1000 passages, 5 above; terms in
    more than ``max_df`` of the passages say nothing about any one topic and are dropped.
    With more than ``vocab_sample`` passages the vocabulary and IDF are learnt on a seeded
    sample of that size, then the other passages are transformed (bounded memory), in
    ``n_jobs`` processes (default 1: in this process; on two cores, 73,000 passages of 100,000
    articles took 27.0 s in one process and 19.5 s in two, whose workers cost 730 MB more at the
    peak, and memory is what bounds a large corpus).  Each row depends only on its passage, so the
    matrix is the same however it is split.

    Examples
    --------
    >>> u = pd.DataFrame({"unit_id": ["a", "b", "c"], "text": [
    ...     "Sailors of the frigate trained on sonar.", "The frigate tested its sonar.", "A field hospital."]})
    >>> v = vectorise(u, min_df=1, max_df=1.0)
    >>> v
    Vectors(3 passages x 9 terms, 11 non-zero, sparse)
    >>> [t for t in v.terms if " " not in t]  # "field" is news furniture (topic_stopwords.txt)
    ['frigate', 'hospital', 'sailors', 'sonar', 'tested', 'trained']
    """
    n = len(units)
    vec = TfidfVectorizer(
        analyzer=Analyzer(stop=frozenset(stop_words()) | frozenset(names), ngrams=ngrams),
        min_df=min_df if min_df is not None else (2 if n < 1000 else 5),
        max_df=max_df,
        max_features=max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )
    texts = units["text"]
    if n > vocab_sample:
        sample = _seeded_sample(n, vocab_sample, random_state)
        rest = np.setdiff1d(np.arange(n), sample)
        # each passage is analysed once: the sample's rows come from fitting, the others from
        # transforming (the same rows as transforming every passage after the fit)
        X = sp.vstack([vec.fit_transform(texts.iloc[sample]), _transform(vec, texts.iloc[rest], n_jobs)]).tocsr()
        X = X[np.argsort(np.concatenate([sample, rest]), kind="stable")]
    else:
        X = vec.fit_transform(texts)
    return Vectors(X.tocsr(), vec.get_feature_names_out(), units["unit_id"].to_numpy(), vec)


def _seeded_sample(n: int, size: int, seed: int) -> np.ndarray:
    """Positions of ``size`` of ``n`` rows drawn without replacement under ``seed``, in order."""
    return np.sort(np.random.default_rng(seed).choice(n, size=size, replace=False))


#: Passages sent to a worker process at a time by :func:`vectorise`.
TRANSFORM_BATCH = 4_000


def _transform(vec: TfidfVectorizer, texts: pd.Series, n_jobs: int | None) -> sp.csr_matrix:
    """``vec.transform(texts)``, split over ``n_jobs`` processes when asked for."""
    if n_jobs is None or n_jobs <= 1 or len(texts) < 2 * n_jobs:
        return vec.transform(texts)
    from joblib import Parallel, delayed

    # batches of TRANSFORM_BATCH passages, made only as the workers take them: the texts sent to
    # the workers at any time are a few batches, not the corpus
    starts = range(0, len(texts), TRANSFORM_BATCH)
    parts = Parallel(n_jobs=n_jobs, backend="loky", pre_dispatch="2*n_jobs")(
        delayed(vec.transform)(texts.iloc[a : a + TRANSFORM_BATCH].tolist()) for a in starts
    )
    return sp.vstack(parts).tocsr()


# --------------------------------------------------------------------------- models


@dataclass(frozen=True)
class TopicModel:
    """A fitted model, topics renumbered 1..k by size.

    ``weights`` (passages x k): NMF document-topic weights with each topic's term vector scaled
    to unit length; for k-means, the cosine of each passage with each centroid.  ``components``
    (k x terms, dense, non-negative): the topic term profiles.  ``labels``: the topic of each
    passage (largest weight; 0 when every NMF weight is zero).
    """

    model: Model
    k: int
    unit_ids: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    components: np.ndarray
    terms: np.ndarray
    estimator: str
    n_iter: int
    max_iter: int
    random_state: int
    vectorizer: TfidfVectorizer

    @property
    def converged(self) -> bool:
        """False when the fit stopped at the iteration cap rather than at the tolerance."""
        return self.n_iter < self.max_iter

    def __repr__(self) -> str:
        sizes = np.bincount(self.labels, minlength=self.k + 1)[1:]
        cap = "" if self.converged else ", stopped at the cap"
        return (
            f"TopicModel({self.model}, k={self.k}, {len(self.labels)} passages, sizes {sizes.tolist()}, "
            f"{self.estimator}, {self.n_iter} iterations{cap})"
        )


@contextmanager
def _one_thread():
    """BLAS and OpenMP on one thread: floating-point sums then do not depend on scheduling."""
    with threadpool_limits(limits=1):
        yield


def _fit_matrix(
    X: sp.csr_matrix, *, k: int, model: Model, random_state: int, max_iter: int, minibatch: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, str, int]:
    """Weights, unit-length topic profiles, raw labels (-1: no topic), estimator name, iterations."""
    with _one_thread(), warnings.catch_warnings():
        # the iteration cap is deliberate; whether it was reached is reported as ``converged``
        warnings.simplefilter("ignore", ConvergenceWarning)
        if model == "nmf":
            if minibatch:
                est = MiniBatchNMF(
                    n_components=k,
                    init="nndsvd",
                    batch_size=4096,
                    max_iter=max_iter,
                    random_state=random_state,
                    tol=1e-4,
                )
            else:
                est = NMF(n_components=k, init="nndsvd", max_iter=max_iter, random_state=random_state, tol=1e-4)
            W = est.fit_transform(X)
            H = est.components_
            norms = np.linalg.norm(H, axis=1)
            norms[norms == 0] = 1.0
            W = (W * norms).astype(np.float64)
            raw = np.where(W.max(axis=1) > 0, W.argmax(axis=1), -1)
            return W, (H / norms[:, None]).astype(np.float64), raw, type(est).__name__, int(est.n_iter_)
        if minibatch:
            est = MiniBatchKMeans(n_clusters=k, batch_size=4096, n_init=3, max_iter=max_iter, random_state=random_state)
        else:
            est = KMeans(n_clusters=k, n_init=10, max_iter=max_iter, random_state=random_state)
        est.fit(X)
        C = np.asarray(est.cluster_centers_, dtype=np.float64)
        C = np.clip(C, 0, None)
        norms = np.linalg.norm(C, axis=1)
        norms[norms == 0] = 1.0
        C = C / norms[:, None]
        W = np.asarray(X @ C.T, dtype=np.float64)
        return W, C, np.asarray(est.labels_, dtype=np.int64), type(est).__name__, int(est.n_iter_)


def _canonical(
    W: np.ndarray, H: np.ndarray, raw: np.ndarray, terms: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Renumber topics by size (desc), then top term; labels 1..k, 0 for no topic (raw -1)."""
    sizes = np.bincount(raw[raw >= 0], minlength=W.shape[1])
    top = [terms[int(np.argmax(h))] if h.max() > 0 else "" for h in H]
    order = sorted(range(W.shape[1]), key=lambda t: (-sizes[t], top[t], t))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(1, len(order) + 1)
    labels = np.where(raw >= 0, rank[np.clip(raw, 0, None)], 0)
    return W[:, order], H[order], labels


def fit_topics(
    vectors: Vectors,
    *,
    k: int,
    model: Model = "nmf",
    random_state: int = 0,
    max_iter: int | None = None,
    minibatch: bool | None = None,
) -> TopicModel:
    """Fit NMF (``init="nndsvd"``, deterministic) or k-means with ``k`` topics.

    ``max_iter`` caps the iterations (NMF 1000, MiniBatchNMF 50 passes, k-means 300, mini-batch
    k-means 100).  ``minibatch`` defaults to ``True`` from ``MINIBATCH_FROM`` passages on.
    k-means runs on the L2-normalised TF-IDF rows (spherical k-means in effect).

    Examples
    --------
    >>> texts = ["frigate sonar torpedo navy"] * 3 + ["hospital surgeon vaccine medicine"] * 3
    >>> v = vectorise(pd.DataFrame({"unit_id": list("abcdef"), "text": texts}), max_df=1.0)
    >>> m = fit_topics(v, k=2, model="nmf")
    >>> m.labels.tolist()
    [1, 1, 1, 2, 2, 2]
    >>> fit_topics(v, k=2, model="kmeans").labels.tolist()
    [1, 1, 1, 2, 2, 2]
    """
    n = vectors.X.shape[0]
    if not 1 <= k <= n:
        raise InsufficientData(f"{k} topics cannot be fitted on {n} passages")
    mb = n >= MINIBATCH_FROM if minibatch is None else minibatch
    if max_iter is None:
        max_iter = {("nmf", False): 1000, ("nmf", True): 50, ("kmeans", False): 300, ("kmeans", True): 100}[(model, mb)]
    W, H, raw, name, n_iter = _fit_matrix(
        vectors.X, k=k, model=model, random_state=random_state, max_iter=max_iter, minibatch=mb
    )
    W, H, labels = _canonical(W, H, raw, vectors.terms)
    return TopicModel(
        model,
        k,
        vectors.unit_ids,
        labels,
        W,
        H,
        vectors.terms,
        name,
        n_iter,
        max_iter,
        random_state,
        vectors.vectorizer,
    )


# --------------------------------------------------------------------------- choosing k


def _umass(X: sp.csr_matrix, H: np.ndarray, *, top_n: int = 10) -> float:
    """Mean UMass coherence of the topics' top terms over passage co-occurrence (higher is better)."""
    B = (X > 0).astype(np.float32).tocsc()
    scores = []
    for h in H:
        idx = [int(i) for i in np.argsort(-h, kind="stable")[:top_n] if h[i] > 0]
        if len(idx) < 2:
            continue
        sub = B[:, idx]
        co = np.asarray((sub.T @ sub).todense())
        df = np.diag(co)
        s = [math.log((co[i, j] + 1.0) / df[j]) for i in range(1, len(idx)) for j in range(i) if df[j] > 0]
        scores.append(float(np.mean(s)) if s else 0.0)
    return float(np.mean(scores)) if scores else float("nan")


def _silhouette(X: sp.csr_matrix, labels: np.ndarray, random_state: int) -> float:
    keep = labels > 0
    lab = labels[keep]
    n_lab = len(np.unique(lab))
    if n_lab < 2 or n_lab >= len(lab):
        return float("nan")
    size = SILHOUETTE_SAMPLE if len(lab) > SILHOUETTE_SAMPLE else None
    with _one_thread():
        return float(silhouette_score(X[keep], lab, metric="cosine", sample_size=size, random_state=random_state))


def sample_vectors(vectors: Vectors, size: int | None, *, random_state: int = 0) -> Vectors:
    """A seeded sample of ``size`` passages (rows in their original order), or ``vectors`` itself
    when there are no more than ``size`` (or ``size`` is None).

    >>> v = vectorise(pd.DataFrame({"unit_id": list("abcdef"), "text": ["frigate sonar"] * 6}), max_df=1.0)
    >>> sample_vectors(v, 4).unit_ids.tolist(), sample_vectors(v, 10) is v
    (['b', 'c', 'd', 'e'], True)
    """
    n = vectors.X.shape[0]
    if size is None or n <= size:
        return vectors
    idx = _seeded_sample(n, size, random_state)
    return Vectors(vectors.X[idx], vectors.terms, vectors.unit_ids[idx], vectors.vectorizer)


def select_k(
    vectors: Vectors,
    *,
    k_range: Sequence[int] = (2, 8),
    models: Sequence[Model] = ("nmf", "kmeans"),
    random_state: int = 0,
    sample: int | None = MODEL_SAMPLE,
) -> pd.DataFrame:
    """Fit every model for every k in ``k_range`` (inclusive) and score the partitions.

    Columns: ``model, k, silhouette`` (mean cosine silhouette of the passages' topics, on at
    most ``SILHOUETTE_SAMPLE`` passages), ``coherence`` (mean UMass coherence of the top ten
    terms), ``smallest`` (passages in the smallest topic), ``passages`` (the passages the models
    were fitted on: all, or a seeded sample of ``sample`` when there are more; see
    :func:`sample_vectors`).  k stops at passages - 1.  The models are those
    :func:`fit_topics` will use on all the passages (mini-batch from ``MINIBATCH_FROM``), even
    when they are fitted on a sample.

    Examples
    --------
    >>> texts = ["frigate sonar torpedo navy"] * 3 + ["hospital surgeon vaccine medicine"] * 3
    >>> v = vectorise(pd.DataFrame({"unit_id": list("abcdef"), "text": texts}), max_df=1.0)
    >>> select_k(v, k_range=(2, 2)).round(3)
        model  k  silhouette  coherence  smallest  passages
    0  kmeans  2         1.0      0.288         3         6
    1     nmf  2         1.0      0.288         3         6
    """
    minibatch = vectors.X.shape[0] >= MINIBATCH_FROM  # the estimator the final models will use
    vectors = sample_vectors(vectors, sample, random_state=random_state)
    lo, hi = int(k_range[0]), int(k_range[-1])
    n = vectors.X.shape[0]
    hi = min(hi, n - 1)
    if hi < lo:
        raise InsufficientData(f"choosing k in {lo}..{int(k_range[-1])} needs more than {lo} passages; there are {n}")
    rows = []
    for model in models:
        for k in range(lo, hi + 1):
            m = fit_topics(vectors, k=k, model=model, random_state=random_state, minibatch=minibatch)
            sizes = np.bincount(m.labels, minlength=k + 1)[1:]
            rows.append(
                {
                    "model": model,
                    "k": k,
                    "silhouette": _silhouette(vectors.X, m.labels, random_state),
                    "coherence": _umass(vectors.X, m.components),
                    "smallest": int(sizes.min()),
                    "passages": n,
                }
            )
    return pd.DataFrame(rows).sort_values(["model", "k"], ignore_index=True)


def choose_k(scores: pd.DataFrame, *, min_topic_units: int = 3) -> tuple[int, str]:
    """The k with the highest silhouette averaged over the models, and a sentence saying so.

    Only k where every topic of every model holds at least ``min_topic_units`` passages is
    eligible (else the smallest k); silhouettes are compared at 3 decimals, ties go to the
    smaller k.

    Examples
    --------
    >>> s = pd.DataFrame({"model": ["nmf", "nmf", "kmeans", "kmeans"], "k": [2, 3, 2, 3],
    ...                   "silhouette": [0.10, 0.20, 0.12, 0.18], "coherence": 0.0, "smallest": [5, 4, 5, 2]})
    >>> choose_k(s)[0]
    2
    """
    by_k = scores.groupby("k").agg(silhouette=("silhouette", "mean"), smallest=("smallest", "min"))
    ok = by_k[(by_k["smallest"] >= min_topic_units) & by_k["silhouette"].notna()]
    models = " and ".join(sorted(scores["model"].unique()))
    span = f"{int(by_k.index.min())}..{int(by_k.index.max())}"
    if ok.empty:
        k = int(by_k.index.min())
        return k, (
            f"No k in {span} gives every topic at least {min_topic_units} passages in both models; "
            f"the smallest, k = {k}, is used."
        )
    best = ok["silhouette"].round(3)
    k = int(best[best == best.max()].index.min())
    return k, (
        f"k = {k}: the highest mean cosine silhouette of the {models} partitions "
        f"({best[k]:.3f}) among k in {span} where every topic holds at least {min_topic_units} passages."
    )


# --------------------------------------------------------------------------- reading the topics


def _label(terms: list[str], n: int = 3) -> str:
    """Three top terms, skipping a word already shown inside a chosen phrase (and vice versa)."""
    chosen: list[str] = []
    for t in terms:
        words = set(t.split())
        shown = {w for c in chosen for w in c.split()}
        if words <= shown:
            continue
        if " " in t:
            chosen = [c for c in chosen if not (" " not in c and c in words)]
        chosen.append(t)
        if len(chosen) == n:
            break
    return " · ".join(chosen)


def _distinct(terms: Sequence[str], weights: Sequence[float], limit: int | None = None) -> list[int]:
    """Positions of the terms to show, each word once.

    Walking the terms by weight: a single word is skipped when it is shown already; a phrase
    is skipped when one of its words is in a phrase already chosen, replaces the single words
    of it chosen so far when it weighs at least half as much as the heaviest of them (the word
    occurs mostly inside the phrase), and is skipped otherwise (the word stands on its own).
    Stops when ``limit`` terms are chosen.

    >>> t = ["understanding", "memorandum", "training", "memorandum understanding", "memorandum training"]
    >>> [t[i] for i in _distinct(t, [0.5, 0.5, 0.4, 0.4, 0.1])]
    ['training', 'memorandum understanding']
    >>> t = ["visit", "ship", "working visit", "port"]
    >>> [t[i] for i in _distinct(t, [0.9, 0.3, 0.2, 0.1], limit=3)]
    ['visit', 'ship', 'port']
    """
    chosen: list[int] = []
    for i, term in enumerate(terms):
        words = term.split()
        in_phrases = {w for c in chosen if " " in terms[c] for w in terms[c].split()}
        if len(words) == 1:
            if term in in_phrases or any(terms[c] == term for c in chosen):
                continue
        else:
            if in_phrases & set(words):
                continue
            parts = [c for c in chosen if terms[c] in words]
            if parts and weights[i] < 0.5 * max(weights[c] for c in parts):
                continue
            chosen = [c for c in chosen if c not in parts]
        chosen.append(i)
        if limit is not None and len(chosen) >= limit:
            break
    return sorted(chosen)


def topic_terms(model: TopicModel, *, top_n: int = 10, distinct: bool = True) -> pd.DataFrame:
    """Top terms per topic: ``model, topic, rank, term, weight`` (by weight, ties by term).

    With ``distinct`` (the default), a word is shown once per topic: a phrase among the top
    terms replaces its single words (*memorandum*, *understanding* and *memorandum
    understanding* give the phrase alone) and a term whose words are all shown already is
    skipped; the next terms fill the ``top_n`` places.

    >>> texts = ["frigate sonar torpedo navy"] * 3 + ["hospital surgeon vaccine medicine"] * 3
    >>> v = vectorise(pd.DataFrame({"unit_id": list("abcdef"), "text": texts}), ngrams=1, max_df=1.0)
    >>> topic_terms(fit_topics(v, k=2), top_n=2)[["topic", "rank", "term"]]
       topic  rank      term
    0      1     1   frigate
    1      1     2     sonar
    2      2     1  hospital
    3      2     2  medicine
    >>> v = vectorise(pd.DataFrame({"unit_id": list("abcd"), "text": ["memorandum understanding"] * 2
    ...                             + ["hospital"] * 2}), max_df=1.0)
    >>> topic_terms(fit_topics(v, k=2), top_n=3)["term"].tolist()
    ['hospital', 'memorandum understanding']
    """
    rows = []
    for t, h in enumerate(model.components, start=1):
        candidates = np.flatnonzero(h > 0)
        if not distinct and len(candidates) > top_n:  # only terms that can rank in the top_n at 9 decimals
            kth = np.partition(h[candidates], len(candidates) - top_n)[len(candidates) - top_n]
            candidates = candidates[h[candidates] >= kth - 1e-9]
        order = sorted(candidates, key=lambda i: (-round(float(h[i]), 9), model.terms[i]))
        if distinct:
            terms = [str(model.terms[i]) for i in order]
            order = [order[i] for i in _distinct(terms, [float(h[i]) for i in order], limit=top_n)]
        for rank, i in enumerate(order[:top_n], start=1):
            rows.append(
                {"model": model.model, "topic": t, "rank": rank, "term": str(model.terms[i]), "weight": float(h[i])}
            )
    return pd.DataFrame(rows, columns=["model", "topic", "rank", "term", "weight"])


def _labels(model: TopicModel) -> dict[int, str]:
    tt = topic_terms(model, top_n=10)
    out = {t: _label(g["term"].tolist()) for t, g in tt.groupby("topic")}
    out[0] = "(no topic)"
    return {t: out.get(t, "") for t in range(model.k + 1)}


def _npmi(B: sp.csc_matrix, idx: Sequence[int]) -> float:
    """Mean normalised pointwise mutual information of the pairs of columns ``idx`` of the binary
    passages x terms matrix ``B``: 1 when two terms always occur together, 0 when independent,
    -1 when never in one passage."""
    if len(idx) < 2:
        return float("nan")
    n = B.shape[0]
    sub = B[:, list(idx)]
    co = np.asarray((sub.T @ sub).todense(), dtype=np.float64) / n
    p = np.diag(co)
    out = []
    for i in range(1, len(idx)):
        for j in range(i):
            pij = co[i, j]
            if pij <= 0:
                out.append(-1.0)
            elif pij >= 1:
                out.append(1.0)
            else:
                out.append(math.log(pij / (p[i] * p[j])) / -math.log(pij))
    return float(np.mean(out))


def topic_quality(
    model: TopicModel,
    vectors: Vectors,
    *,
    top_n: int = 10,
    junk_share: float = JUNK_SHARE,
    junk_focus: float = JUNK_FOCUS,
) -> pd.DataFrame:
    """How well each topic reads, one row per topic: ``model, topic, label, passages, share,
    npmi, focus, junk, why``.

    * ``npmi``: the topic's coherence, the mean normalised pointwise mutual information of
      the pairs of its ``top_n`` distinct terms (:func:`topic_terms`) over the passages the
      model was fitted on (Bouma 2009; Röder et al. 2015 found it the single measure closest to
      human judgements).  0 means its terms occur together no more than chance would have it,
      -1 that they never share a passage; a topic above about 0.1 has terms that go together.
    * ``focus``: the share of the topic's term profile (sum of squares of the unit-length
      profile) in those ``top_n`` terms.  A topic made of a few words has a high focus; a
      cluster held together by nothing in particular spreads its weight over hundreds of
      words, each of them low.
    * ``junk``: the topic holds at least ``junk_share`` times its even share of the passages
      (``junk_share / k``) and its focus is below ``junk_focus`` times the median focus of the
      model's other topics: a large cluster of generic, low-weight terms, the passages the
      model could not place.  ``why`` says so in words (empty for the other topics).

    Examples
    --------
    >>> words = ["tank", "rifle", "drone", "radar", "missile", "helmet", "cannon", "mortar"]
    >>> texts = (["frigate sonar torpedo"] * 4 + ["hospital surgeon vaccine"] * 4
    ...          + [f"{a} {b}" for a, b in zip(words, words[1:] + words[:1])])  # a chain of eight words
    >>> v = vectorise(pd.DataFrame({"unit_id": [f"u{i}" for i in range(16)], "text": texts}),
    ...               ngrams=1, min_df=1, max_df=1.0)
    >>> q = topic_quality(fit_topics(v, k=3, model="kmeans"), v, top_n=3, junk_share=1.5)
    >>> q[["topic", "passages", "npmi", "focus", "junk"]].round(2)
       topic  passages  npmi  focus   junk
    0      1         8  -0.5   0.37   True
    1      2         4   1.0   1.00  False
    2      3         4   1.0   1.00  False
    """
    labels = _labels(model)
    tt = topic_terms(model, top_n=top_n)
    col = {t: i for i, t in enumerate(model.terms)}
    B = (vectors.X > 0).astype(np.float32).tocsc()
    sizes = np.bincount(model.labels, minlength=model.k + 1)
    rows = []
    for t in range(1, model.k + 1):
        idx = [col[w] for w in tt.loc[tt["topic"] == t, "term"]]
        h = model.components[t - 1]
        rows.append(
            {
                "model": model.model,
                "topic": t,
                "label": labels[t],
                "passages": int(sizes[t]),
                "share": float(sizes[t] / len(model.labels)),
                "npmi": _npmi(B, idx),
                "focus": float(np.sum(h[idx] ** 2)) if idx else 0.0,
            }
        )
    out = pd.DataFrame(rows)
    junk, why = [], []
    for r in out.itertuples():
        others = out.loc[out["topic"] != r.topic, "focus"]
        median = float(others.median()) if len(others) else float("nan")
        big = r.share >= junk_share / model.k
        flat = bool(r.focus < junk_focus * median)
        junk.append(bool(big and flat))
        why.append(
            f"{r.passages} of {len(model.labels)} passages ({r.share:.0%}, {r.share * model.k:.1f} times an even "
            f"share) on generic, low-weight terms: focus {r.focus:.2f} against a median of {median:.2f}"
            if big and flat
            else ""
        )
    out["junk"] = junk
    out["why"] = why
    return out


def topic_summary(model: TopicModel, units: pd.DataFrame, *, top_n: int = 8) -> pd.DataFrame:
    """One row per topic: ``model, topic, label, passages, articles, share, top_terms``.

    ``share`` is the topic's share of the passages; ``articles`` counts the distinct stories
    its passages come from.  Topic 0 (no topic) appears only when a passage has it.
    """
    labels = _labels(model)
    tt = topic_terms(model, top_n=top_n)
    terms = tt.groupby("topic")["term"].agg(", ".join)
    df = pd.DataFrame({"topic": model.labels, "doc_id": units["doc_id"].to_numpy()})
    g = df.groupby("topic").agg(passages=("doc_id", "size"), articles=("doc_id", "nunique"))
    g = g.reindex(range(0 if (model.labels == 0).any() else 1, model.k + 1), fill_value=0)
    return pd.DataFrame(
        {
            "model": model.model,
            "topic": g.index,
            "label": [labels[t] for t in g.index],
            "passages": g["passages"].to_numpy(),
            "articles": g["articles"].to_numpy(),
            "share": g["passages"].to_numpy() / len(model.labels),
            "top_terms": [terms.get(t, "") for t in g.index],
        }
    ).reset_index(drop=True)


def representatives(
    model: TopicModel, units: pd.DataFrame, *, sentences: pd.DataFrame | None = None, n: int = 3
) -> pd.DataFrame:
    """The ``n`` passages with the largest weight in each topic, quoted.

    Columns: ``model, topic, label, rank, unit_id, doc_id, sent_no, start, end, weight, quote``.
    With the corpus's ``sentences``, the quote is the passage's sentence closest to the topic
    (its TF-IDF against the topic's terms), and ``sent_no``/``start``/``end`` are that
    sentence's, offsets into ``docs.text``; without, the passage itself (cut at 300 characters).
    """
    labels = _labels(model)
    chosen = {}
    for t in range(1, model.k + 1):
        members = np.flatnonzero(model.labels == t)
        chosen[t] = sorted(members, key=lambda i: (-round(float(model.weights[i, t - 1]), 9), model.unit_ids[i]))[:n]
    by_doc = None
    if sentences is not None:  # only the sentences of the quoted articles (the table can have millions)
        docs = {units["doc_id"].iloc[i] for c in chosen.values() for i in c}
        keep = (sentences["section"] == "body") & sentences["doc_id"].isin(docs)
        by_doc = _take(sentences, np.flatnonzero(keep.to_numpy()), "sentence").set_index(["doc_id", "sent_no"])
    rows = []
    for t in range(1, model.k + 1):
        for rank, i in enumerate(chosen[t], start=1):
            u = units.iloc[i]
            sent_no, start, end, quote = -1, int(u["start"]), int(u["end"]), str(u["text"])
            if by_doc is not None and u["sent_from"] >= 0:
                cand = by_doc.loc[
                    [
                        (u["doc_id"], s)
                        for s in range(u["sent_from"], u["sent_to"] + 1)
                        if (u["doc_id"], s) in by_doc.index
                    ]
                ]
                if len(cand):
                    score = np.asarray(model.vectorizer.transform(cand["sentence"]) @ model.components[t - 1])
                    best = int(np.argmax(np.round(score, 9)))
                    row = cand.iloc[best]
                    sent_no, start, end, quote = (
                        int(cand.index[best][1]),
                        int(row["start"]),
                        int(row["end"]),
                        str(row["sentence"]),
                    )
            if len(quote) > MAX_QUOTE:
                quote = quote[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"
            rows.append(
                {
                    "model": model.model,
                    "topic": t,
                    "label": labels[t],
                    "rank": rank,
                    "unit_id": u["unit_id"],
                    "doc_id": u["doc_id"],
                    "sent_no": sent_no,
                    "start": start,
                    "end": end,
                    "weight": float(model.weights[i, t - 1]),
                    "quote": quote,
                }
            )
    cols = ["model", "topic", "label", "rank", "unit_id", "doc_id", "sent_no", "start", "end", "weight", "quote"]
    return pd.DataFrame(rows, columns=cols)


def theme_overlap(model: TopicModel, units: pd.DataFrame) -> pd.DataFrame:
    """Which codebook themes each topic's passages carry.

    One row per (topic, theme) with at least one passage: ``model, topic, label, theme,
    theme_label, passages`` (of the topic carrying the theme), ``share`` (of the topic's
    passages) and ``lift`` (share in the topic / share in all passages; above 1 the theme is
    over-represented in the topic).  Sorted by topic, passages (desc), theme.
    """
    from defcoop.lexicons.themes import codebook

    cb = codebook().themes
    labels = _labels(model)
    df = pd.DataFrame({"topic": model.labels, "themes": units["themes"].to_numpy()}).explode("themes")
    df = df.dropna(subset=["themes"]).rename(columns={"themes": "theme"})
    size = pd.Series(model.labels).value_counts()
    overall = df.groupby("theme").size() / len(model.labels)
    g = df.groupby(["topic", "theme"], as_index=False).size().rename(columns={"size": "passages"})
    g["share"] = g["passages"] / g["topic"].map(size)
    g["lift"] = g["share"] / g["theme"].map(overall)
    g.insert(0, "model", model.model)
    g.insert(2, "label", g["topic"].map(labels))
    g.insert(4, "theme_label", g["theme"].map(lambda t: cb[t].label if t in cb else t))
    return g.sort_values(["topic", "passages", "theme"], ascending=[True, False, True], ignore_index=True)


def topic_crosstab(model: TopicModel, units: pd.DataFrame, *, by: By, top: int | None = None) -> pd.DataFrame:
    """Passages and articles per (topic, partner | year | outlet), every combination listed.

    Columns: ``model, topic, label, <by>, passages, articles, share`` (of the topic's passages)
    and ``column_share`` (of the column's passages: the topic mix of one partner or year).  A
    passage of an article with two partners counts once for each; an article with none is
    listed under ``"(none)"``; undated articles under ``"undated"``.  Years (and outlets) are
    in order, partners by their number of passages (most first, ties by name); "(none)" and
    "undated" last.

    With ``top``, only the ``top`` largest values (by passages, ties by name) keep a column of
    their own; the others are put together in one column ``"K more partners"`` (``years``,
    ``outlets``), just before "(none)"/"undated", which counts each passage once however
    many of those partners its article has.

    >>> texts = ["frigate sonar"] * 3 + ["hospital vaccine"] * 3
    >>> u = pd.DataFrame({"unit_id": list("abcdef"), "doc_id": list("abcdef"), "text": texts,
    ...                   "partners": [["Laos"], ["Laos", "Cuba"], ["Peru", "Chad"], ["Laos"], [], ["Cuba"]]})
    >>> m = fit_topics(vectorise(u, max_df=1.0), k=2)
    >>> t = topic_crosstab(m, u, by="partner", top=2)
    >>> t[t["topic"] == 1][["partner", "passages", "column_share"]]
              partner  passages  column_share
    0            Laos         2      0.666667
    1            Cuba         1      0.500000
    2  2 more partners        1      1.000000
    3          (none)         0      0.000000
    """
    labels = _labels(model)
    col = {"partner": "partners", "year": "year", "outlet": "outlet"}[by]
    df = pd.DataFrame(
        {
            "row": np.arange(len(model.labels)),
            "topic": model.labels,
            "doc_id": units["doc_id"].to_numpy(),
            by: units[col].to_numpy(),
        }
    )
    if by == "partner":
        df[by] = [p if len(p) else ["(none)"] for p in df[by]]
        df = df.explode(by)
    df[by] = df[by].replace("", "(none)")
    special = {"(none)", "undated"}
    totals = df.groupby(by).size()
    named = [v for v in totals.index if v not in special]
    named = sorted(named, key=lambda v: (-int(totals[v]), v)) if by == "partner" else sorted(named)
    if top is not None and len(named) > top:
        keep = sorted(named, key=lambda v: (-int(totals[v]), v))[:top]
        rest = f"{len(named) - top} more {by}" + ("s" if len(named) - top != 1 else "")
        named = [v for v in named if v in set(keep)] + [rest]
        df[by] = [v if v in set(keep) or v in special else rest for v in df[by]]
        df = df.drop_duplicates(["row", by])  # a passage counts once in the lumped column
    values = named + sorted(v for v in special if v in set(df[by]))
    g = df.groupby(["topic", by]).agg(passages=("doc_id", "size"), articles=("doc_id", "nunique"))
    topics = range(0 if (model.labels == 0).any() else 1, model.k + 1)
    g = g.reindex(pd.MultiIndex.from_product([topics, values], names=["topic", by]), fill_value=0).reset_index()
    size = pd.Series(model.labels).value_counts()
    g["share"] = g["passages"] / g["topic"].map(size).fillna(1)
    column = g.groupby(by)["passages"].transform("sum")
    g["column_share"] = (g["passages"] / column.where(column > 0, 1)).astype(float)
    g.insert(0, "model", model.model)
    g.insert(2, "label", g["topic"].map(labels))
    return g


def unit_map(vectors: Vectors, model: TopicModel, *, random_state: int = 0, max_points: int = 5_000) -> pd.DataFrame:
    """A deterministic 2-D map of the passages: truncated SVD of the TF-IDF, fixed seed.

    Columns: ``unit_id, x, y, topic, label`` (coordinates rounded to 4 decimals, each axis
    signed so that its largest term loading is positive).  Above ``max_points`` passages, a
    seeded sample of that size is returned.  Sorted by ``unit_id``.
    """
    with _one_thread():
        svd = TruncatedSVD(n_components=2, random_state=random_state, n_iter=10)
        xy = svd.fit_transform(vectors.X)
    for j, comp in enumerate(svd.components_):
        if comp[np.argmax(np.abs(comp))] < 0:
            xy[:, j] = -xy[:, j]
    labels = _labels(model)
    df = pd.DataFrame(
        {"unit_id": vectors.unit_ids, "x": np.round(xy[:, 0], 4), "y": np.round(xy[:, 1], 4), "topic": model.labels}
    )
    df["label"] = df["topic"].map(labels)
    if len(df) > max_points:
        df = df.sample(n=max_points, random_state=random_state)
    return df.sort_values("unit_id", ignore_index=True)


# --------------------------------------------------------------------------- stability


def _match(ref: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Best one-to-one cosine between reference topics and refitted topics (per reference topic)."""
    sim = ref @ other.T  # rows are unit vectors
    r, c = linear_sum_assignment(-sim)
    best = np.zeros(len(ref))
    best[r] = sim[r, c]
    return best


def stability(
    vectors: Vectors,
    reference: TopicModel,
    *,
    seeds: Sequence[int] = (1, 2, 3, 4),
    orders: int = 3,
    subsamples: int = 3,
    subsample_share: float = 0.9,
    sample: int | None = MODEL_SAMPLE,
) -> pd.DataFrame:
    """Refit ``reference``'s model under perturbations and compare with it.

    Perturbations: other ``seeds``; ``orders`` shuffled passage orders (same seed); and
    ``subsamples`` refits on a random ``subsample_share`` of the passages (same seed) — the
    seeds alone barely move NMF with ``nndsvd`` initialisation, the data move it.  One row per
    (run, reference topic): ``model, kind, run, ari`` (adjusted Rand index of the passages'
    topics against the reference, on the passages both saw), ``topic, cosine`` (of the topic's
    term profile with its best one-to-one match in the refit) and ``survived`` (cosine >=
    ``SURVIVAL_COSINE``) and ``passages`` (the refit's passages).

    With more than ``sample`` passages every refit works on a seeded sample of ``sample``
    passages (the seed and order refits on one sample, the subsamples drawn from it), compared
    with the reference on those passages: a topic then survives only if it comes back from a
    corpus of that size, a stricter test than a refit on everything.  Refits use the
    reference's estimator (mini-batch or not).
    """
    X, n = vectors.X, vectors.X.shape[0]
    base = reference.random_state
    minibatch = reference.estimator.startswith("MiniBatch")  # refit with the reference's estimator
    pool = np.arange(n)
    if sample is not None and n > sample:
        pool = _seeded_sample(n, sample, base + 1)
    m_pool = len(pool)
    runs: list[tuple[str, int, np.ndarray, int]] = [("seed", s, pool, s) for s in seeds]
    rng = np.random.default_rng(base)
    runs += [("order", i, pool[rng.permutation(m_pool)], base) for i in range(1, orders + 1)]
    size = max(reference.k + 1, round(subsample_share * m_pool))
    runs += [
        ("subsample", i, pool[np.sort(rng.choice(m_pool, size=size, replace=False))], base)
        for i in range(1, subsamples + 1)
    ]
    rows = []
    for kind, run, idx, seed in runs:
        sub = Vectors(X[idx], vectors.terms, vectors.unit_ids[idx], vectors.vectorizer)
        m = fit_topics(sub, k=reference.k, model=reference.model, random_state=seed, minibatch=minibatch)
        ari = float(adjusted_rand_score(reference.labels[idx], m.labels))
        cos = _match(reference.components, m.components)
        for t in range(1, reference.k + 1):
            rows.append(
                {
                    "model": reference.model,
                    "kind": kind,
                    "run": run,
                    "ari": ari,
                    "topic": t,
                    "cosine": float(cos[t - 1]),
                    "survived": bool(cos[t - 1] >= SURVIVAL_COSINE),
                    "passages": len(idx),
                }
            )
    return pd.DataFrame(rows)


def stability_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per model and perturbation: ``runs, ari_mean, ari_min, topics, surviving`` (topics whose
    match survived in every run of that kind), and an ``all`` row over every run.

    >>> t = pd.DataFrame({"model": "nmf", "kind": ["seed"] * 2 + ["order"] * 2, "run": [1, 1, 1, 1],
    ...                   "ari": [1.0, 1.0, 0.5, 0.5], "topic": [1, 2, 1, 2], "cosine": [1, 1, 0.9, 0.1],
    ...                   "survived": [True, True, True, False]})
    >>> stability_summary(t)[["model", "kind", "runs", "ari_mean", "surviving"]]
      model   kind  runs  ari_mean  surviving
    0   nmf   seed     1      1.00          2
    1   nmf  order     1      0.50          1
    2   nmf    all     2      0.75          1
    """
    kinds = ["seed", "order", "subsample", "all"]
    out = []
    for model, g in table.groupby("model", sort=True):
        for kind in kinds:
            sub = g if kind == "all" else g[g["kind"] == kind]
            if sub.empty:
                continue
            per_run = sub.drop_duplicates(["kind", "run"])
            surv = sub.groupby("topic")["survived"].all()
            out.append(
                {
                    "model": model,
                    "kind": kind,
                    "runs": len(per_run),
                    "ari_mean": float(per_run["ari"].mean()),
                    "ari_min": float(per_run["ari"].min()),
                    "topics": len(surv),
                    "surviving": int(surv.sum()),
                }
            )
    return pd.DataFrame(out)
