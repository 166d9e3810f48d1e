"""``defcoop.load(path) -> Corpus``: the one entry point the notebooks use.

The work is done by :mod:`defcoop.engine.run`.  Results are also memoised in the process (the
last :data:`MEMO_SIZE` corpora; :func:`clear_memo` forgets them), so every notebook cell that
calls ``load`` on the same folder gets the same tables without recomputing them.  Each call
hands out tables of the caller's own: frames that share the memoised data copy-on-write
(pandas 3), with the list cells copied, so an edit in one cell never reaches the next ``load``.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

import pandas as pd

from defcoop.corpus import Corpus
from defcoop.engine.run import load_corpus
from defcoop.reading.files import MAX_BYTES_DEFAULT
from defcoop.reading.records import check_fields
from defcoop.schema import LIST_COLUMNS

__all__ = ["MEMO_SIZE", "clear_memo", "load"]


#: How many corpora (the most recently loaded) the process keeps for repeated ``load`` calls.
MEMO_SIZE = 4


_MEMO: OrderedDict[tuple, Corpus] = OrderedDict()


def clear_memo() -> int:
    """Forget the corpora kept in this process (the on-disk cache is untouched); return how many.

    >>> from defcoop.paths import SEEDS_DIR
    >>> _ = load(SEEDS_DIR)
    >>> clear_memo() >= 1, clear_memo()
    (True, 0)
    """
    n = len(_MEMO)
    _MEMO.clear()
    return n


class _Memo:
    """The process's memo as :func:`~defcoop.engine.run.load_corpus` uses it (least recently
    used corpora dropped first)."""

    def get(self, key: tuple) -> Corpus | None:
        if key not in _MEMO:
            return None
        _MEMO.move_to_end(key)
        return _MEMO[key]

    def knows(self, name: str) -> bool:
        return any(key[0] == name for key in _MEMO)

    def put(self, key: tuple, corpus: Corpus) -> None:
        _MEMO[key] = corpus
        _MEMO.move_to_end(key)
        while len(_MEMO) > MEMO_SIZE:
            _MEMO.popitem(last=False)


def _handout(corpus: Corpus) -> Corpus:
    """A :class:`Corpus` of the caller's own over the memoised one.

    The frames are shallow copies: with pandas' copy-on-write they share the data until either
    side writes, and then the writer gets its own copy, so adding, replacing or editing columns
    and cells stays in the caller's frames.  Python lists in the list columns are objects that
    copy-on-write cannot see, so they are copied (about 0.1 s at 100,000 articles).
    """
    docs = corpus.docs.copy(deep=False)
    for c in LIST_COLUMNS:
        if c in docs.columns:
            docs[c] = pd.Series([list(x) for x in docs[c].tolist()], index=docs.index, dtype=object, name=c)
    return replace(
        corpus,
        docs=docs,
        sentences=corpus.sentences.copy(deep=False),
        segments=corpus.segments.copy(deep=False),
        mentions=corpus.mentions.copy(deep=False),
        skipped=corpus.skipped.copy(deep=False),
        meetings=corpus.meetings.copy(deep=False),
    )


def load(
    path: str | Path,
    *,
    max_bytes: int = MAX_BYTES_DEFAULT,
    cache: bool | str | Path = True,
    workers: int | None = None,
    progress: bool | None = None,
    fields: dict[str, str] | None = None,
) -> Corpus:
    """Load every article under ``path`` (recursively) into a :class:`~defcoop.corpus.Corpus`.

    Parameters
    ----------
    path : the corpus folder (never written to).
    max_bytes : files larger than this are skipped with a reason, without being read.
    cache : ``True`` for the default on-disk cache (``$DEFCOOP_CACHE`` or ``~/.cache/defcoop``),
        a folder for a cache elsewhere, ``False`` for none.  Only files whose bytes changed are
        annotated again; a change to the code or a lexicon starts a fresh cache.  With ``False``,
        a run of ``SPILL_FROM`` files or more uses a temporary folder (``$TMPDIR``; about 23 KB
        per article) to keep its memory bounded, and deletes it before returning.
    workers : processes for annotation; default: all cores for 2,000 files or more, else one.
    progress : a progress bar; default: shown for 1,000 files or more at a terminal or in a
        notebook, never in tests or when output is redirected.
    fields : for JSON and CSV records, the names of your fields where they are not the usual
        ones (:data:`defcoop.reading.records.FIELDS`), e.g. ``{"text": "body", "date": "pubtime"}``.

    Formats, chosen by suffix (and, for ``.txt``, content): plain text; HTML pages (main text,
    title, date and URL by trafilatura); JSON lines or a JSON array, CSV and TSV with a header
    row (a record an article); WARC archives (an HTML response record an article).  Every record
    is loaded or listed in ``Corpus.skipped`` with its file, ``record`` (line, row or record
    number) and reason.

    Raises ``FileNotFoundError``/``NotADirectoryError`` naming the path when it is not a folder;
    any problem with a single file lands in ``Corpus.skipped`` instead.
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"corpus folder {str(path)!r} does not exist")
    if not root.is_dir():
        raise NotADirectoryError(f"corpus path {str(path)!r} is not a folder")
    corpus = load_corpus(
        root.resolve(),
        max_bytes=max_bytes,
        cache=cache,
        workers=workers,
        progress=progress,
        memo=_Memo(),
        fields=check_fields(fields),
    )
    return _handout(corpus)
