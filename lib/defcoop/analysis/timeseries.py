"""Cooperation themes over time, with denominators a reader can check.

Every function here is pure: it takes tables (``Corpus.docs`` or ``Corpus.stories`` rows) and
returns a new tidy, long DataFrame sorted with tie-breakers, so a figure's CSV can be checked
row by row against the corpus.

Rules (the long form is in notebook 04):

**Stories, not copies.**  A syndicated copy (``duplicate_of`` set) is dropped, so a story
carried by three outlets counts once, under the outlet of its first copy.

**Periods.**  A period label is ``2019-05`` (month), ``2019-Q2`` (quarter) or ``2019`` (year);
labels of one kind sort in time order as strings.  A date enters a bin only at the precision it
has: ``2019-05-16`` and ``2019-05`` go to May 2019, Q2 2019 and 2019; ``2019`` goes to the year
bin only and is reported as *too coarse* for months and quarters -- never spread over the
months of the year, never guessed.  An article without a date is reported as *undated*.

**Shares.**  The share of a theme in a period is ``with_theme / stories`` where ``stories`` is
the number of stories placed in that period whose text was read for themes (English: the
annotator has no theme lexicon for other languages, :mod:`defcoop.annotate.pipeline`).  A period with
no stories has ``stories == 0`` and an *undefined* share (``NaN``), not a share of zero, and is
never filled in from its neighbours.  Each share carries a Wilson 95% interval, so one story
out of one shows as the wide interval it is.

**Partners and outlets.**  A story with two partners counts once in each partner's row, so rows
by partner do not add up to the total; a story with no partner found is grouped under
``(no partner found)``, one with no recognised outlet under ``(outlet not recognised)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from defcoop.corpus import story_mask
from defcoop.errors import InsufficientData
from defcoop.lexicons.datafiles import DataFileError, read_csv
from defcoop.lexicons.languages import theme_languages
from defcoop.lexicons.themes import codebook
from defcoop.paths import DATA_DIR
from defcoop.reading.dates import parse_iso

__all__ = [
    "CONTEXT_COLUMNS",
    "NO_OUTLET",
    "NO_PARTNER",
    "PERIODS",
    "RIGHT_LABELS_FROM",
    "THEME_LANGUAGES",
    "TIMELINE_COLUMNS",
    "Period",
    "PeriodChoice",
    "accounting",
    "choose_period",
    "context_overlapping",
    "context_periods",
    "period_bounds",
    "period_label",
    "period_options",
    "period_range",
    "placement",
    "select_stories",
    "size_key",
    "stack_labels",
    "theme_shares",
    "theme_totals",
    "timeline",
    "timeline_counts",
    "timeline_lanes",
    "timeline_marks",
    "timeline_table",
    "wilson_interval",
    "wilson_intervals",
]

Period = Literal["month", "quarter", "year"]
PeriodChoice = Literal["auto", "month", "quarter", "year"]
GroupBy = Literal["partner", "outlet"]

#: Finest first: ``choose_period`` takes the first that is dense enough.
PERIODS: tuple[Period, ...] = ("month", "quarter", "year")
#: Languages the annotator reads for themes (:func:`defcoop.annotate.pipeline.annotate_article`):
#: English and every language of ``data/theme_phrases.csv``.
THEME_LANGUAGES = theme_languages()
NO_PARTNER = "(no partner found)"
NO_OUTLET = "(outlet not recognised)"
CONTEXT_COLUMNS = ("period_id", "start", "end", "label", "source")
#: A label on a time axis whose mark lies past this fraction of the span ends at its mark (it
#: runs to the left), so that it stays inside the axis.
RIGHT_LABELS_FROM = 0.55

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_LABEL = re.compile(r"^(\d{4})(?:-(\d{2})|-Q([1-4]))?$")
_REQUIRED = ("doc_id", "date", "duplicate_of", "on_topic", "language", "themes", "partners", "outlet")


def _check_columns(docs: pd.DataFrame, needed: Iterable[str]) -> None:
    missing = [c for c in needed if c not in docs.columns]
    if missing:
        raise ValueError(f"the table has no column(s) {', '.join(missing)}; pass Corpus.docs or .stories")


def _parse_iso(date: str) -> tuple[int, int | None, int | None]:
    m = _ISO.match(date)
    if not m:
        raise ValueError(f"date {date!r} is not ISO at day, month or year precision")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    return year, int(month) if month else None, int(day) if day else None


def _precision(date: str) -> str:
    if not date:
        return "none"
    _, month, day = _parse_iso(date)
    return "day" if day else "month" if month else "year"


def period_label(date: str, period: Period) -> str:
    """The label of the ``period`` bin that ``date`` falls in, or ``""`` if it cannot be placed.

    A date is placed only at a period no finer than its own precision.

    >>> [period_label("2024-12-17", p) for p in ("month", "quarter", "year")]
    ['2024-12', '2024-Q4', '2024']
    >>> period_label("2019-05", "quarter"), period_label("2018", "year")
    ('2019-Q2', '2018')
    >>> period_label("2018", "month"), period_label("", "year")    # too coarse; undated
    ('', '')
    """
    if not date:
        return ""
    year, month, _ = _parse_iso(date)
    if period == "year":
        return f"{year:04d}"
    if month is None:
        return ""
    if period == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if period == "month":
        return f"{year:04d}-{month:02d}"
    raise ValueError(f"period must be one of {PERIODS}, not {period!r}")


def _kind(label: str) -> Period:
    m = _LABEL.match(label)
    if not m:
        raise ValueError(f"{label!r} is not a period label (2019-05, 2019-Q2 or 2019)")
    return "month" if m.group(2) else "quarter" if m.group(3) else "year"


def period_bounds(label: str) -> tuple[dt.date, dt.date]:
    """First day of the period and first day after it.

    >>> period_bounds("2019-Q4")
    (datetime.date(2019, 10, 1), datetime.date(2020, 1, 1))
    >>> period_bounds("2020-02"), period_bounds("2018")[1]
    ((datetime.date(2020, 2, 1), datetime.date(2020, 3, 1)), datetime.date(2019, 1, 1))
    """
    kind = _kind(label)
    year = int(label[:4])
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    first_month = int(label[5:]) if kind == "month" else 3 * (int(label[-1]) - 1) + 1
    n_months = 1 if kind == "month" else 3
    nxt = first_month + n_months
    return dt.date(year, first_month, 1), dt.date(year + (nxt - 1) // 12, (nxt - 1) % 12 + 1, 1)


def period_range(first: str, last: str) -> list[str]:
    """Every label from ``first`` to ``last`` inclusive, so empty periods get a row too.

    >>> period_range("2019-11", "2020-02")
    ['2019-11', '2019-12', '2020-01', '2020-02']
    >>> period_range("2019-Q3", "2020-Q1"), period_range("2018", "2020")
    (['2019-Q3', '2019-Q4', '2020-Q1'], ['2018', '2019', '2020'])
    """
    kind = _kind(first)
    if _kind(last) != kind:
        raise ValueError(f"{first!r} and {last!r} are not the same kind of period")
    out: list[str] = []
    label = first
    while label <= last:
        out.append(label)
        label = period_label(period_bounds(label)[1].isoformat(), kind)
    return out


def select_stories(docs: pd.DataFrame, *, include_copies: bool = False, on_topic_only: bool = True) -> pd.DataFrame:
    """The articles an analysis counts: copies dropped (unless asked), off-topic dropped (unless asked).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "duplicate_of": ["", "a", ""],
    ...                      "on_topic": [True, True, False]})
    >>> select_stories(docs)["doc_id"].tolist(), select_stories(docs, include_copies=True)["doc_id"].tolist()
    (['a'], ['a', 'b'])
    """
    _check_columns(docs, ("doc_id", "duplicate_of", "on_topic"))
    keep = pd.Series(True, index=docs.index)
    if not include_copies:
        keep &= story_mask(docs)
    if on_topic_only:
        keep &= docs["on_topic"].astype(bool)
    return docs[keep].sort_values("doc_id", ignore_index=True)


def placement(stories: pd.DataFrame, *, period: Period) -> pd.DataFrame:
    """Where each story goes at ``period``: its bin, or why it has none.

    ``status`` is ``placed``, ``undated`` or ``too coarse`` (a year-only date at month or
    quarter periods).

    >>> s = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2019-05-16", "2018", ""]})
    >>> placement(s, period="quarter")[["doc_id", "period", "status"]].values.tolist()
    [['a', '2019-Q2', 'placed'], ['b', '', 'too coarse'], ['c', '', 'undated']]
    """
    _check_columns(stories, ("doc_id", "date"))
    rows = []
    for doc_id, date in zip(stories["doc_id"], stories["date"].fillna(""), strict=True):
        label = period_label(date, period)
        status = "placed" if label else "undated" if not date else "too coarse"
        rows.append(
            {"doc_id": doc_id, "date": date, "date_precision": _precision(date), "period": label, "status": status}
        )
    out = pd.DataFrame(rows, columns=["doc_id", "date", "date_precision", "period", "status"])
    return out.sort_values("doc_id", ignore_index=True)


def period_options(stories: pd.DataFrame, *, min_per_period: float = 3.0, min_placed: float = 0.9) -> pd.DataFrame:
    """How dense each period would be: one row per candidate period, finest first.

    ``periods`` counts every bin from the first to the last placed story (empty ones too);
    ``per_period`` is ``placed / periods``.  A period is ``dense_enough`` when it has at least
    ``min_per_period`` stories per bin on average and places at least ``min_placed`` of the
    dated stories (year-only dates cannot be placed in months or quarters).

    >>> s = pd.DataFrame({"doc_id": list("abcd"), "date": ["2019-01-05", "2019-02", "2019-02-20", "2019"]})
    >>> period_options(s)[["period", "placed", "periods", "per_period", "dense_enough"]].values.tolist()
    [['month', 3, 2, 1.5, False], ['quarter', 3, 1, 3.0, False], ['year', 4, 1, 4.0, True]]
    """
    rows = []
    dated = int((stories["date"].fillna("") != "").sum())
    for period in PERIODS:
        labels = sorted(x for x in (period_label(d, period) for d in stories["date"].fillna("")) if x)
        bins = len(period_range(labels[0], labels[-1])) if labels else 0
        per = len(labels) / bins if bins else 0.0
        rows.append(
            {
                "period": period,
                "dated": dated,
                "placed": len(labels),
                "periods": bins,
                "per_period": round(per, 2),
                "dense_enough": bool(bins and per >= min_per_period and len(labels) >= min_placed * dated),
            }
        )
    return pd.DataFrame(rows)


def choose_period(
    stories: pd.DataFrame,
    *,
    period: PeriodChoice = "auto",
    min_per_period: float = 3.0,
    min_placed: float = 0.9,
) -> Period:
    """The period to bin by: ``period`` itself, or with ``"auto"`` the finest one dense enough.

    ``"auto"`` falls back to ``"year"`` when no period is dense enough (see
    :func:`period_options`).  Raises :class:`~defcoop.errors.InsufficientData` when no story
    has a date, whatever the choice, since nothing can be placed in time.

    >>> s = pd.DataFrame({"doc_id": list("abc"), "date": ["2019-01-05", "2021-03", ""]})
    >>> choose_period(s), choose_period(s, period="month")
    ('year', 'month')
    >>> choose_period(s.iloc[2:])
    Traceback (most recent call last):
    ...
    defcoop.errors.InsufficientData: themes over time need at least 1 dated story; found 0 ... among 1 stories
    """
    _check_columns(stories, ("doc_id", "date"))
    dated = int((stories["date"].fillna("") != "").sum())
    if dated == 0:
        raise InsufficientData(
            f"themes over time need at least 1 dated story; found 0 dated among {len(stories)} stories"
        )
    if period != "auto":
        if period not in PERIODS:
            raise ValueError(f"period must be 'auto' or one of {PERIODS}, not {period!r}")
        return period
    opts = period_options(stories, min_per_period=min_per_period, min_placed=min_placed)
    dense = opts.loc[opts["dense_enough"], "period"].tolist()
    return dense[0] if dense else "year"


def accounting(
    docs: pd.DataFrame,
    *,
    period: Period,
    include_copies: bool = False,
    on_topic_only: bool = True,
) -> pd.DataFrame:
    """Where every article of ``docs`` went, one row per step, so the denominators add up.

    Columns: ``step``, ``articles`` and ``note``.  After "stories counted" the stories are split
    by the precision of their date, then by whether they can be placed in a ``period`` bin, then
    by whether they were read for themes.

    >>> docs = pd.DataFrame({"doc_id": list("abcde"),
    ...     "date": ["2019-05-16", "2019-05-16", "2018", "", "2020-01"],
    ...     "duplicate_of": ["", "a", "", "", ""], "on_topic": [True, True, True, True, False],
    ...     "language": ["en", "en", "en", "de", "en"]})
    >>> accounting(docs, period="month")[["step", "articles"]].values.tolist()
    [['articles loaded', 5], ['syndicated copies (counted once, as their first copy)', 1],
     ['off topic', 1], ['stories counted', 3], ['  dated to the day', 1], ['  dated to the month', 0],
     ['  dated to the year only', 1], ['  undated', 1], ['placed in a month', 1],
     ['not placed: date coarser than a month', 1], ['not placed: undated', 1],
     ['read for themes (a language of the theme lexicons)', 2],
     ['not read for themes (no theme lexicon for the language)', 1]]
    """
    _check_columns(docs, ("doc_id", "date", "duplicate_of", "on_topic", "language"))
    copies = int((docs["duplicate_of"] != "").sum())
    docs = docs[["doc_id", "date", "duplicate_of", "on_topic", "language"]]  # copying the texts is slow
    pool = select_stories(docs, include_copies=include_copies, on_topic_only=False)
    off = int((~pool["on_topic"].astype(bool)).sum()) if on_topic_only else 0
    stories = select_stories(docs, include_copies=include_copies, on_topic_only=on_topic_only)
    placed = placement(stories, period=period)
    precision = placed["date_precision"].value_counts()
    status = placed["status"].value_counts()
    read = int(stories["language"].isin(THEME_LANGUAGES).sum())
    rows = [
        ("articles loaded", len(docs), ""),
        (
            "syndicated copies (counted once, as their first copy)",
            0 if include_copies else copies,
            "kept as separate articles: INCLUDE_COPIES is on" if include_copies else "",
        ),
        ("off topic", off, "" if on_topic_only else "kept: ON_TOPIC_ONLY is off"),
        ("stories counted", len(stories), ""),
        ("  dated to the day", int(precision.get("day", 0)), ""),
        ("  dated to the month", int(precision.get("month", 0)), ""),
        ("  dated to the year only", int(precision.get("year", 0)), ""),
        ("  undated", int(precision.get("none", 0)), ""),
        (f"placed in a {period}", int(status.get("placed", 0)), "the denominators over time"),
        (
            f"not placed: date coarser than a {period}",
            int(status.get("too coarse", 0)),
            "in the year totals, the totals by partner and outlet, and the timeline",
        ),
        ("not placed: undated", int(status.get("undated", 0)), "in the totals by partner and outlet"),
        ("read for themes (a language of the theme lexicons)", read, ""),
        (
            "not read for themes (no theme lexicon for the language)",
            len(stories) - read,
            "left out of every theme denominator",
        ),
    ]
    return pd.DataFrame(rows, columns=["step", "articles", "note"])


def wilson_interval(k: int, n: int, *, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for ``k`` successes in ``n`` trials (``NaN`` bounds when ``n == 0``).

    >>> [round(x, 3) for x in wilson_interval(1, 1)], [round(x, 3) for x in wilson_interval(5, 10)]
    ([0.207, 1.0], [0.237, 0.763])
    """
    lo, hi = wilson_intervals(np.array([k]), np.array([n]), z=z)
    return (float(lo[0]), float(hi[0]))


def _theme_order(themes: Sequence[str] | None) -> list[str]:
    ids = list(codebook().themes) if themes is None else list(themes)
    unknown = [t for t in ids if t not in codebook().themes]
    if unknown:
        raise ValueError(f"unknown theme id(s): {', '.join(unknown)}")
    return ids


def _groups(stories: pd.DataFrame, by: GroupBy | None) -> pd.DataFrame:
    """One row per (story, group): partners exploded, empty groups named."""
    if by is None:
        return stories.assign(_group="all")
    if by == "partner":
        out = stories.assign(_group=[list(p) if len(p) else [NO_PARTNER] for p in stories["partners"]])
        return out.explode("_group", ignore_index=True)
    if by == "outlet":
        return stories.assign(_group=stories["outlet"].fillna("").replace("", NO_OUTLET))
    raise ValueError(f"by must be None, 'partner' or 'outlet', not {by!r}")


def _prevalence(rows: pd.DataFrame, keys: list[str], grid: pd.DataFrame, theme_ids: list[str]) -> pd.DataFrame:
    """Count stories and stories with each theme per ``keys`` over every cell of ``grid``.

    Vectorised: a grid of 17 partners x 240 months x 15 themes is 61,200 rows.
    """
    labels = {t: codebook().themes[t].label for t in theme_ids}
    cols = [*keys, "theme", "theme_label", "stories", "with_theme", "share", "ci_low", "ci_high"]
    cells = grid[keys].reset_index(drop=True)
    cells = cells.loc[cells.index.repeat(len(theme_ids))].reset_index(drop=True)
    cells["theme"] = theme_ids * (len(cells) // len(theme_ids)) if theme_ids else []
    if cells.empty:
        return pd.DataFrame(columns=cols)
    n = rows.groupby(keys, sort=False)["doc_id"].nunique() if len(rows) else pd.Series(dtype="int64")
    hits = rows[["doc_id", *keys, "themes"]].explode("themes")
    hits = hits[hits["themes"].isin(theme_ids)]
    k = hits.groupby([*keys, "themes"], sort=False)["doc_id"].nunique() if len(hits) else pd.Series(dtype="int64")

    def lookup(counts: pd.Series, on: list[str]) -> np.ndarray:
        if counts.empty:
            return np.zeros(len(cells), dtype=np.int64)
        where = pd.MultiIndex.from_frame(cells[on]) if len(on) > 1 else pd.Index(cells[on[0]])
        counts = counts.copy()
        counts.index = counts.index.set_names(on) if len(on) > 1 else counts.index.rename(on[0])
        return counts.reindex(where).fillna(0).to_numpy(dtype=np.int64)

    stories = lookup(n, keys)
    with_theme = lookup(k, [*keys, "theme"])
    lo, hi = wilson_intervals(with_theme, stories)
    cells["theme_label"] = cells["theme"].map(labels)
    cells["stories"] = stories
    cells["with_theme"] = with_theme
    with np.errstate(invalid="ignore", divide="ignore"):
        cells["share"] = np.where(stories > 0, with_theme / np.maximum(stories, 1), np.nan)
    cells["ci_low"] = lo
    cells["ci_high"] = hi
    return cells[cols]


def wilson_intervals(k: np.ndarray, n: np.ndarray, *, z: float = 1.96) -> tuple[np.ndarray, np.ndarray]:
    """:func:`wilson_interval` over arrays (``NaN`` bounds where ``n == 0``).

    >>> lo, hi = wilson_intervals(np.array([1, 5, 0]), np.array([1, 10, 0]))
    >>> lo.round(3).tolist(), hi.round(3).tolist()
    ([0.207, 0.237, nan], [1.0, 0.763, nan])
    """
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denom = 1 + z * z / n
        centre = (p + z * z / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
        lo = np.maximum(0.0, centre - half)
        hi = np.minimum(1.0, centre + half)
    empty = n == 0
    lo[empty] = np.nan
    hi[empty] = np.nan
    return lo, hi


def _read_for_themes(stories: pd.DataFrame) -> pd.DataFrame:
    _check_columns(stories, _REQUIRED)
    return stories.loc[stories["language"].isin(THEME_LANGUAGES), list(_REQUIRED)]  # not the texts: slow to copy


def _group_order(rows: pd.DataFrame) -> list[str]:
    """Groups by stories (most first), then name; the catch-all groups last."""
    counts = rows.groupby("_group")["doc_id"].nunique()
    return sorted(counts.index, key=lambda g: (g in (NO_PARTNER, NO_OUTLET), -counts[g], g))


def theme_shares(
    stories: pd.DataFrame,
    *,
    period: Period,
    by: GroupBy | None = None,
    themes: Sequence[str] | None = None,
    span: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Share of stories carrying each theme, per period (and per partner or outlet).

    One row per (group, period, theme) for **every** period from the first to the last placed
    story (or over ``span``, two labels), so empty periods are rows with ``stories == 0`` and
    ``share`` NaN.  Only stories read for themes count (see the module docstring); placed means
    the date is at least as precise as ``period``.  Sorted by group (most stories first), period,
    then codebook order of themes.

    Columns: [``partner``/``outlet``], ``period``, ``start``, ``end`` (ISO, end exclusive),
    ``theme``, ``theme_label``, ``stories``, ``with_theme``, ``share``, ``ci_low``, ``ci_high``.

    >>> s = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2018-03-28", "2018", "2020-07-03"],
    ...     "duplicate_of": "", "on_topic": True, "language": "en", "outlet": "VNA",
    ...     "partners": [["Belarus"]] * 3, "themes": [["peacekeeping"], [], ["peacekeeping"]]})
    >>> theme_shares(s, period="year", themes=["peacekeeping"])[["period", "stories", "with_theme", "share"]]
      period  stories  with_theme  share
    0   2018        2           1    0.5
    1   2019        0           0    NaN
    2   2020        1           1    1.0
    """
    theme_ids = _theme_order(themes)
    read = _read_for_themes(stories)
    placed = read.assign(period=[period_label(d, period) for d in read["date"].fillna("")])
    placed = placed[placed["period"] != ""]
    if span is not None:
        labels = period_range(*span)
    elif len(placed):
        labels = period_range(placed["period"].min(), placed["period"].max())
    else:
        labels = []
    if span is not None and labels and _kind(labels[0]) != period:
        raise ValueError(f"span {span} is not in {period} periods")
    rows = _groups(placed, by)
    groups = _group_order(rows) if by is not None else ["all"]
    grid = pd.DataFrame([(g, p) for g in groups for p in labels], columns=["_group", "period"])
    out = _prevalence(rows, ["_group", "period"], grid, theme_ids)
    bounds = {p: period_bounds(p) for p in labels}
    out.insert(2, "start", [bounds[p][0].isoformat() for p in out["period"]])
    out.insert(3, "end", [bounds[p][1].isoformat() for p in out["period"]])
    if by is None:
        return out.drop(columns="_group")
    return out.rename(columns={"_group": by})


def theme_totals(
    stories: pd.DataFrame,
    *,
    by: GroupBy | None = None,
    themes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Share of stories carrying each theme over the whole corpus, per partner or outlet.

    Dates are not needed here, so undated stories count.  One row per (group, theme), groups
    ordered by stories (most first), then name, catch-all groups last.

    >>> s = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2018-03-28", "", "2020-07-03"],
    ...     "duplicate_of": "", "on_topic": True, "language": "en", "outlet": "VNA",
    ...     "partners": [["Belarus"], ["Belarus", "Russia"], []], "themes": [["peacekeeping"], [], []]})
    >>> theme_totals(s, by="partner", themes=["peacekeeping"])[["partner", "stories", "with_theme"]]
                  partner  stories  with_theme
    0             Belarus        2           1
    1              Russia        1           0
    2  (no partner found)        1           0
    """
    theme_ids = _theme_order(themes)
    rows = _groups(_read_for_themes(stories), by)
    groups = _group_order(rows) if by is not None else ["all"]
    grid = pd.DataFrame({"_group": groups})
    out = _prevalence(rows, ["_group"], grid, theme_ids)
    if by is None:
        return out.drop(columns="_group")
    return out.rename(columns={"_group": by})


#: Columns of :func:`timeline`.
TIMELINE_COLUMNS = (
    "partner",
    "doc_id",
    "date",
    "date_precision",
    "start",
    "end",
    "outlet",
    "actors",
    "title",
    "cue",
    "host",
    "place",
    "online",
    "sent_no",
    "sentence",
)


def timeline(stories: pd.DataFrame, meetings: pd.DataFrame) -> pd.DataFrame:
    """One row per (dated story, partner) of the stories that report a meeting with an official
    of that partner: the sequence of meetings, with who met whom.

    A meeting is a row of ``Corpus.meetings`` (:mod:`defcoop.annotate.meetings`, the definition
    notebook 03's network uses too) with a meeting sentence; the partner is the foreign
    official's country.  ``actors`` is ``host – guest`` of the story's first meeting sentence
    with that partner when the host is known (from the cue or the place), else ``Vietnamese –
    foreign``; ``cue``, ``host``, ``place``, ``online`` and ``sentence`` (with ``sent_no``)
    are that meeting's, so every mark can be traced to its sentence.  ``start``/``end`` are the
    first and last day the story's date can mean at its precision (a day, a month, a year), so a
    partial date is drawn as the interval it is.  Undated stories and stories that report no
    meeting are left out (count them against ``stories``).  Sorted by partner, start, doc_id.

    >>> s = pd.DataFrame({"doc_id": ["a", "b"], "date": ["2019-05", ""], "title": ["T", "U"], "outlet": "VNA"})
    >>> m = pd.DataFrame({"doc_id": ["a", "b"], "evidence": "meeting sentence", "foreign_country": "Russia",
    ...     "vn_actor": "Nguyễn Chí Vịnh", "foreign_actor": "Alexander Fomin", "host": "", "guest": "",
    ...     "cue": "talks with", "place": "", "online": True, "sent_no": 2, "sentence": "..."})
    >>> timeline(s, m)[["partner", "date", "start", "end", "actors", "online"]].values.tolist()
    [['Russia', '2019-05', '2019-05-01', '2019-05-31', 'Nguyễn Chí Vịnh – Alexander Fomin', True]]
    """
    _check_columns(stories, ["doc_id", "date", "title", "outlet"])
    dated = stories.loc[stories["date"] != "", ["doc_id", "date", "title", "outlet"]]
    met = meetings[(meetings["evidence"] == "meeting sentence") & meetings["doc_id"].isin(dated["doc_id"])]
    met = met.sort_values(["doc_id", "foreign_country", "sent_no"], kind="stable")
    met = met.drop_duplicates(["doc_id", "foreign_country"])
    out = met.merge(dated, on="doc_id", suffixes=("_meeting", ""))
    spans = {d: parse_iso(d).span() for d in out["date"].unique()}
    out = out.assign(
        partner=out["foreign_country"],
        date_precision=out["date"].map(_precision),
        start=out["date"].map(lambda d: spans[d][0].isoformat()),
        end=out["date"].map(lambda d: spans[d][1].isoformat()),
        actors=[
            f"{h} – {g}" if h else f"{v} – {f}"
            for h, g, v, f in zip(out["host"], out["guest"], out["vn_actor"], out["foreign_actor"], strict=True)
        ],
    )
    out = out[list(TIMELINE_COLUMNS)].astype({"online": bool, "sent_no": int})
    return out.sort_values(["partner", "start", "doc_id"], ignore_index=True)


def timeline_lanes(timeline: pd.DataFrame, max_lanes: int) -> tuple[list[str], pd.Series]:
    """The lanes of a :func:`timeline`, in order (most stories first, no partner last), and the
    lane of each row: past ``max_lanes`` the smaller partners share one "(N other partners)".

    >>> tl = pd.DataFrame({"partner": ["Laos", "Laos", "Cuba", "Peru"], "doc_id": ["a", "b", "c", "d"]})
    >>> order, lane = timeline_lanes(tl, 2)
    >>> order, lane.tolist()
    (['Laos', '(2 other partners)'], ['Laos', 'Laos', '(2 other partners)', '(2 other partners)'])
    """
    per_partner = timeline.groupby("partner")["doc_id"].nunique()
    order = sorted(per_partner.index, key=lambda p: (p == NO_PARTNER, -per_partner[p], p))
    if len(order) <= max_lanes:
        return order, timeline["partner"]
    pooled = order[max_lanes - 1 :]
    other = f"({len(pooled)} other partners)"
    return [*order[: max_lanes - 1], other], timeline["partner"].where(~timeline["partner"].isin(pooled), other)


def timeline_counts(timeline: pd.DataFrame, *, period: Period = "month", max_lanes: int = 12) -> pd.DataFrame:
    """The rows of :func:`timeline` counted per partner and period: the timeline of a large corpus.

    Stories dated to the day or the month go to their ``period`` bin; stories dated only to the
    year go to their year (``binned_by`` says which), never spread over months.  Partners are
    ordered by stories (most first, then name, ``(no partner found)`` last); beyond
    ``max_lanes`` lanes the smallest are pooled into one ``(N other partners)`` lane, so the
    figure has a bounded number of lanes.  ``actors`` is the most frequent label among the
    cell's stories (ties by label) and ``actors_stories`` how many stories carry it.

    Columns: ``partner, binned_by, period, start, end`` (ISO, end exclusive), ``stories,
    actors, actors_stories``; sorted by lane, then start, then ``binned_by``.

    >>> tl = pd.DataFrame({"partner": ["Laos", "Laos", "Laos", "Cuba"], "doc_id": list("abcd"),
    ...     "date": ["2019-05-02", "2019-05-20", "2019", "2019-06-01"],
    ...     "actors": ["A – B", "A – B", "C – D", "E – F"]})
    >>> print(timeline_counts(tl, period="month").drop(columns=["start", "end"]).to_string(index=False))
    partner binned_by  period  stories actors  actors_stories
       Laos      year    2019        1  C – D               1
       Laos     month 2019-05        2  A – B               2
       Cuba     month 2019-06        1  E – F               1
    >>> timeline_counts(tl, max_lanes=1)["partner"].unique().tolist()
    ['(2 other partners)']
    """
    cols = ["partner", "binned_by", "period", "start", "end", "stories", "actors", "actors_stories"]
    if timeline.empty:
        return pd.DataFrame(columns=cols)
    order, lane = timeline_lanes(timeline, max_lanes)
    labels = [period_label(d, period) or period_label(d, "year") for d in timeline["date"]]
    rows = pd.DataFrame(
        {
            "partner": lane.to_numpy(),
            "period": labels,
            "doc_id": timeline["doc_id"].to_numpy(),
            "actors": timeline["actors"].to_numpy(),
        }
    )
    rows["binned_by"] = [_kind(x) for x in rows["period"]]
    cells = rows.groupby(["partner", "binned_by", "period"], as_index=False).agg(stories=("doc_id", "nunique"))
    top = (
        rows.drop_duplicates(["partner", "binned_by", "period", "doc_id", "actors"])
        .groupby(["partner", "binned_by", "period", "actors"], as_index=False)
        .size()
        .sort_values(["partner", "binned_by", "period", "size", "actors"], ascending=[True, True, True, False, True])
        .drop_duplicates(["partner", "binned_by", "period"])
        .rename(columns={"size": "actors_stories"})
    )
    out = cells.merge(top, on=["partner", "binned_by", "period"], how="left")
    bounds = {x: period_bounds(x) for x in out["period"].unique()}
    out["start"] = [bounds[x][0].isoformat() for x in out["period"]]
    out["end"] = [bounds[x][1].isoformat() for x in out["period"]]
    out["_lane"] = out["partner"].map({p: i for i, p in enumerate(order)})
    out = out.sort_values(["_lane", "start", "binned_by"], ignore_index=True)
    return out[cols]


def timeline_marks(
    timeline: pd.DataFrame, *, span: tuple[str, str], chars_across: float = 110, gap: float = 20
) -> pd.DataFrame:
    """The rows of :func:`timeline` as labelled marks on an axis over ``span``: the timeline of a few dozen stories.

    Each row keeps its columns, with ``start`` and ``end`` as timestamps (``end`` exclusive: the
    day after the last day the date can mean), and gains ``text`` (the label: date and actors)
    and ``level``, the row of its label above its lane: labels of one lane (partner) on one
    level do not overlap, :func:`stack_labels` with ``gap`` days between them.  A label takes
    ``1 / chars_across`` of the span per character; past :data:`RIGHT_LABELS_FROM` of the span
    it ends at its mark instead of starting there.

    >>> tl = pd.DataFrame({"partner": "Laos", "doc_id": ["a", "b", "c"], "date": ["2019-05-02", "2019-05-20", "2019"],
    ...     "date_precision": ["day", "day", "year"], "start": ["2019-05-02", "2019-05-20", "2019-01-01"],
    ...     "end": ["2019-05-02", "2019-05-20", "2019-12-31"], "actors": "A – B"})
    >>> marks = timeline_marks(tl, span=("2018-01-01", "2021-01-01"))
    >>> marks[["doc_id", "start", "end", "level"]]
      doc_id      start        end  level
    0      a 2019-05-02 2019-05-03      1
    1      b 2019-05-20 2019-05-21      0
    2      c 2019-01-01 2020-01-01      0
    >>> marks["text"].tolist()
    ['2019-05-02  A – B', '2019-05-20  A – B', '2019  A – B']
    """
    x0, x1 = pd.Timestamp(span[0]), pd.Timestamp(span[1])
    days_per_char = (x1 - x0).days / chars_across
    out = timeline.assign(
        start=pd.to_datetime(timeline["start"]), end=pd.to_datetime(timeline["end"]) + pd.Timedelta(days=1)
    )
    out["text"] = out["date"] + "  " + out["actors"]
    right = out["start"] > x0 + (x1 - x0) * RIGHT_LABELS_FROM
    begins = [
        (s - x0).days - (len(t) * days_per_char if r else 0)
        for s, t, r in zip(out["start"], out["text"], right, strict=True)
    ]
    out["level"] = 0
    for lane in sorted(set(out["partner"])):
        rows = np.flatnonzero((out["partner"] == lane).to_numpy())
        out.loc[out.index[rows], "level"] = stack_labels(
            [begins[i] for i in rows], [len(t) * days_per_char for t in out["text"].iloc[rows]], gap=gap
        )
    return out


def timeline_table(
    timeline: pd.DataFrame,
    *,
    span: tuple[str, str],
    period: Period = "month",
    max_labels: int,
    max_lanes: int = 12,
) -> pd.DataFrame:
    """What the meetings timeline of notebook 04 draws, from the rows of :func:`timeline`.

    Up to ``max_labels`` rows, one labelled mark per row (:func:`timeline_marks` over ``span``);
    above, the rows counted per partner and ``period`` (:func:`timeline_counts`, at most
    ``max_lanes`` lanes), so that the figure has a bounded number of artists.  The first form
    has a ``level`` column, the second a ``binned_by`` column.

    >>> tl = pd.DataFrame({"partner": "Laos", "doc_id": ["a", "b"], "date": ["2019-05-02", "2019-05-20"],
    ...     "date_precision": "day", "start": ["2019-05-02", "2019-05-20"], "end": ["2019-05-02", "2019-05-20"],
    ...     "actors": "A – B"})
    >>> timeline_table(tl, span=("2019-01-01", "2020-01-01"), max_labels=2)["level"].tolist()
    [0, 1]
    >>> timeline_table(tl, span=("2019-01-01", "2020-01-01"), max_labels=1)[["period", "stories"]].values.tolist()
    [['2019-05', 2]]
    """
    if len(timeline) <= max_labels:
        return timeline_marks(timeline, span=span)
    return timeline_counts(timeline, period=period, max_lanes=max_lanes)


def size_key(largest: int) -> list[int]:
    """The counts a size legend shows for marks of 1 to ``largest``: 1, a round count between, ``largest``.

    The round count is the largest of 2, 5, 10, 20, 50, ... that is at most half of
    ``largest`` (none when that is below 2), so every key is a count the figure can draw and
    the largest key is the largest mark drawn.

    >>> size_key(38), size_key(5), size_key(3), size_key(2), size_key(1)
    ([1, 10, 38], [1, 2, 5], [1, 3], [1, 2], [1])
    >>> size_key(1200)
    [1, 500, 1200]
    """
    if largest < 1:
        raise ValueError(f"largest must be at least 1, not {largest}")
    rounds = [m * 10**e for e in range(len(str(largest)) + 1) for m in (1, 2, 5)]
    between = [r for r in rounds if 2 <= r <= largest / 2]
    return sorted({1, *between[-1:], largest})


def stack_labels(starts: Sequence[float], widths: Sequence[float], *, gap: float = 0.0) -> list[int]:
    """A level for each label so that labels on one level do not overlap (greedy, by start).

    ``starts`` and ``widths`` are in the same units (e.g. days); the levels come back in the
    order the labels were given.

    >>> stack_labels([0, 5, 12, 13], [10, 10, 3, 3])
    [0, 1, 0, 2]
    >>> stack_labels([12, 0], [3, 10])
    [0, 0]
    """
    order = sorted(range(len(starts)), key=lambda i: (starts[i], i))
    ends: list[float] = []
    levels = [0] * len(starts)
    for i in order:
        level = next((j for j, e in enumerate(ends) if e + gap <= starts[i]), len(ends))
        if level == len(ends):
            ends.append(0.0)
        ends[level] = starts[i] + widths[i]
        levels[i] = level
    return levels


def context_periods(path: str | Path | None = None) -> pd.DataFrame:
    """The dated context periods (``data/context_periods.csv``), validated, sorted by start then id.

    Raises :class:`~defcoop.lexicons.datafiles.DataFileError` naming the file and the row for a bad
    date, an end before the start, a duplicate id or an empty label or source.

    >>> ctx = context_periods()
    >>> ctx.loc[ctx["period_id"] == "covid19-pandemic", ["start", "end"]].values.tolist()
    [['2020-03-11', '2023-05-05']]
    """
    path = Path(path) if path is not None else DATA_DIR / "context_periods.csv"
    rows = read_csv(path, CONTEXT_COLUMNS)
    seen: set[str] = set()
    for n, row in enumerate(rows, start=1):
        where = f"{path.name}: data row {n} ({row['period_id'] or 'no id'})"
        if not row["period_id"]:
            raise DataFileError(f"{where}: empty period_id")
        if row["period_id"] in seen:
            raise DataFileError(f"{where}: duplicate period_id")
        seen.add(row["period_id"])
        dates = {}
        for col in ("start", "end"):
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[col]):
                    raise ValueError
                dates[col] = dt.date.fromisoformat(row[col])
            except ValueError:
                raise DataFileError(f"{where}: {col} {row[col]!r} is not a date YYYY-MM-DD") from None
        if dates["end"] < dates["start"]:
            raise DataFileError(f"{where}: end {row['end']} is before start {row['start']}")
        for col in ("label", "source"):
            if not row[col]:
                raise DataFileError(f"{where}: empty {col}")
    out = pd.DataFrame(rows, columns=list(CONTEXT_COLUMNS))
    return out.sort_values(["start", "period_id"], ignore_index=True)


def context_overlapping(context: pd.DataFrame, *, span: tuple[str, str]) -> pd.DataFrame:
    """The rows of :func:`context_periods` that overlap ``span`` (ISO dates, the end exclusive), index reset.

    >>> ctx = context_overlapping(context_periods(), span=("2020-01-01", "2021-01-01"))
    >>> "covid19-pandemic" in set(ctx["period_id"]), bool((ctx["end"] >= "2020-01-01").all())
    (True, True)
    """
    start, end = span
    return context[(context["end"] >= start) & (context["start"] < end)].reset_index(drop=True)
