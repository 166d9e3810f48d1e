"""Period arithmetic of ``defcoop.analysis.timeseries`` on fixtures written here.

Two kinds of fixtures: small corpora written into ``tmp_path`` as article files and read with
``defcoop.load`` (so copies, header dates at day and month precision and undated articles come
from the real loader), and tidy tables built by hand where the loader cannot produce the case
(a date known only to the year, an article in another language).
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import defcoop
from defcoop.analysis import timeseries as ts
from defcoop.errors import InsufficientData
from defcoop.lexicons.datafiles import DataFileError

RUSSIA_2019 = """Vietnam, Russia discuss defence cooperation

HANOI — Deputy Defence Minister Nguyen Chi Vinh held talks with Russian Deputy Defence Minister Alexander \
Fomin in Hanoi on Thursday. The two sides agreed to expand the training of military officers at Russian \
academies. They also discussed cooperation in UN peacekeeping and the exchange of delegations between the two \
armies.

Vinh said defence cooperation is a pillar of the comprehensive strategic partnership between Vietnam and Russia.
"""

RUSSIA_MONTH = """Russian deputy minister visits Vietnam

HANOI — Deputy Defence Minister Nguyen Chi Vinh received Russian Deputy Defence Minister Alexander Fomin, who \
led a delegation of the Russian Ministry of Defence on an official visit to Vietnam. The two sides reviewed the \
results of defence cooperation and agreed to promote the exchange of delegations at all levels.
"""

BELARUS_2021 = """Vietnam, Belarus hold online defence talks

HANOI — Deputy Defence Minister Nguyen Chi Vinh held online talks with Belarusian Defence Minister Viktor \
Khrenin. The two sides agreed to step up cooperation in military training and the exchange of delegations \
between the two armies. Defence cooperation is a pillar of the relations between Vietnam and Belarus.
"""

BELARUS_UNDATED = """Vietnam, Belarus defence ministers meet

Deputy Defence Minister Nguyen Chi Vinh received Belarusian Defence Minister Andrei Ravkov in Hanoi. The two \
sides agreed to expand military training cooperation and the exchange of delegations between the two armies. \
Defence cooperation is a pillar of the ties between Vietnam and Belarus.
"""


def load_fixture_corpus(folder: Path, articles: dict[str, tuple[str, str]]) -> defcoop.Corpus:
    """Write ``{name: (header date or "", text)}`` as files and load them."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (date, text) in articles.items():
        head = f" date {date} " if date else ""
        (folder / f"{name}.txt").write_text(head + text, encoding="utf-8")
    return defcoop.load(folder)


@pytest.fixture
def corpus(tmp_path: Path) -> defcoop.Corpus:
    """A story and its copy in May 2019, a month-dated story (2019-05), one in Feb 2021, one undated."""
    c = load_fixture_corpus(
        tmp_path / "fixture",
        {
            "r1": ("2019-05-16", RUSSIA_2019),
            "r1_copy": ("2019-05-17", RUSSIA_2019),
            "r2": ("2019-05", RUSSIA_MONTH),
            "b1": ("2021-02-10", BELARUS_2021),
            "b2": ("", BELARUS_UNDATED),
        },
    )
    docs = c.docs.set_index("doc_id")
    # What the fixture relies on from the loader and the annotator; a failure here is not a timeseries bug.
    assert docs.loc["r1_copy", "duplicate_of"] == "r1"
    assert docs["on_topic"].all()
    assert docs.loc[["r1", "r2", "b1", "b2"], "date"].tolist() == ["2019-05-16", "2019-05", "2021-02-10", ""]
    assert "peacekeeping" in docs.loc["r1", "themes"] and "peacekeeping" not in docs.loc["r2", "themes"]
    assert all("delegation_exchange" in t for t in docs["themes"])
    return c


def meetings_of(stories: pd.DataFrame) -> pd.DataFrame:
    """A ``Corpus.meetings`` table for hand-written stories: one meeting sentence per story and
    partner, between the story's first two actors (or "A" and "B")."""
    rows = []
    for r in stories.itertuples(index=False):
        names = [*r.actors, "A", "B"]
        for partner in r.partners:
            rows.append(
                {
                    "doc_id": r.doc_id,
                    "evidence": "meeting sentence",
                    "foreign_country": partner,
                    "vn_actor": names[0],
                    "foreign_actor": names[1],
                    "host": "",
                    "guest": "",
                    "cue": "met",
                    "place": "",
                    "online": False,
                    "sent_no": 0,
                    "sentence": f"{names[0]} met {names[1]}.",
                }
            )
    return pd.DataFrame(rows)


def table(rows: list[dict]) -> pd.DataFrame:
    """A stories table from hand-written rows, with defaults for the columns not under test."""
    base = {
        "date": "",
        "duplicate_of": "",
        "on_topic": True,
        "language": "en",
        "outlet": "VNA",
        "partners": ["Russia"],
        "themes": [],
        "title": "",
        "actors": [],
        "actor_ids": [],
    }
    return pd.DataFrame([{**base, **r} for r in rows])


# --- period labels ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "month", "quarter", "year"),
    [
        ("2024-12-17", "2024-12", "2024-Q4", "2024"),
        ("2019-05", "2019-05", "2019-Q2", "2019"),
        ("2019-01-01", "2019-01", "2019-Q1", "2019"),
        ("2018", "", "", "2018"),  # a year-only date is never placed in a month or quarter
        ("", "", "", ""),
    ],
)
def test_period_label_uses_the_precision_the_date_has(date, month, quarter, year):
    assert [ts.period_label(date, p) for p in ("month", "quarter", "year")] == [month, quarter, year]


def test_period_label_rejects_what_is_not_an_iso_date():
    with pytest.raises(ValueError, match="not ISO"):
        ts.period_label("17/12/2024", "month")


def test_period_range_crosses_year_ends_and_bounds_are_half_open():
    assert ts.period_range("2019-11", "2020-02") == ["2019-11", "2019-12", "2020-01", "2020-02"]
    assert ts.period_range("2019-Q4", "2020-Q2") == ["2019-Q4", "2020-Q1", "2020-Q2"]
    assert ts.period_range("2020", "2020") == ["2020"]
    assert ts.period_bounds("2019-12")[1].isoformat() == "2020-01-01"
    assert ts.period_bounds("2020-Q1")[1].isoformat() == "2020-04-01"
    with pytest.raises(ValueError, match="same kind"):
        ts.period_range("2019", "2020-Q1")


# --- shares and denominators on a loaded corpus -------------------------------------------------


def test_shares_have_their_denominators_and_copies_count_once(corpus):
    stories = ts.select_stories(corpus.docs)
    assert sorted(stories["doc_id"]) == ["b1", "b2", "r1", "r2"]
    shares = ts.theme_shares(stories, period="quarter").set_index(["period", "theme"])
    q2 = shares.loc[("2019-Q2", "peacekeeping")]
    # r1 (day) and r2 (month precision) are both in Q2 2019; the copy of r1 is not counted again
    assert (q2["stories"], q2["with_theme"], q2["share"]) == (2, 1, 0.5)
    assert q2["ci_low"] < 0.5 < q2["ci_high"]
    assert shares.loc[("2019-Q2", "delegation_exchange"), "share"] == 1.0
    with_copies = ts.theme_shares(ts.select_stories(corpus.docs, include_copies=True), period="quarter")
    row = with_copies.set_index(["period", "theme"]).loc[("2019-Q2", "peacekeeping")]
    assert (row["stories"], row["with_theme"]) == (3, 2)


def test_empty_periods_are_rows_with_no_stories_and_no_share(corpus):
    shares = ts.theme_shares(ts.select_stories(corpus.docs), period="quarter")
    periods = list(dict.fromkeys(shares["period"]))
    assert periods == ["2019-Q2", "2019-Q3", "2019-Q4", "2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4", "2021-Q1"]
    assert len(shares) == len(periods) * len(defcoop.lexicons.themes.codebook().themes)
    empty = shares[shares["period"].isin(periods[1:-1])]
    assert (empty["stories"] == 0).all() and (empty["with_theme"] == 0).all()
    # undefined, not zero, and not filled in from the neighbours
    assert empty["share"].isna().all() and empty["ci_low"].isna().all()
    per_period = shares.drop_duplicates("period").set_index("period")["stories"]
    assert per_period.to_dict() == {p: (2 if p == "2019-Q2" else 1 if p == "2021-Q1" else 0) for p in periods}


def test_month_precision_date_is_placed_in_its_month(corpus):
    placed = ts.placement(ts.select_stories(corpus.docs), period="month").set_index("doc_id")
    assert placed.loc["r2", ["period", "status", "date_precision"]].tolist() == ["2019-05", "placed", "month"]
    assert placed.loc["b2", ["period", "status"]].tolist() == ["", "undated"]


def test_undated_articles_are_counted_and_reported_not_dropped(corpus):
    acc = ts.accounting(corpus.docs, period="month").set_index("step")["articles"]
    assert acc["articles loaded"] == 5
    assert acc["syndicated copies (counted once, as their first copy)"] == 1
    assert acc["stories counted"] == 4
    assert acc["  undated"] == 1 and acc["not placed: undated"] == 1
    assert acc["placed in a month"] + acc["not placed: date coarser than a month"] + acc["not placed: undated"] == 4
    # the undated story still counts where no date is needed
    totals = ts.theme_totals(ts.select_stories(corpus.docs), by="partner").set_index(["partner", "theme"])
    assert totals.loc[("Belarus", "delegation_exchange"), "stories"] == 2
    assert totals.loc[("Russia", "peacekeeping"), ["stories", "with_theme"]].tolist() == [2, 1]


def test_timeline_has_one_mark_per_dated_story_with_its_actors(corpus):
    tl = ts.timeline(ts.select_stories(corpus.docs), corpus.meetings)
    assert tl["doc_id"].tolist() == ["b1", "r2", "r1"]  # by partner, then start; undated b2 left out
    b1 = tl.set_index("doc_id").loc["b1"]
    assert (b1["online"], b1["host"], b1["cue"]) == (True, "", "talks with")  # an online meeting: no host
    assert tl.set_index("doc_id").loc["r2", "host"] == "Nguyễn Chí Vịnh"  # "received": the receiver hosts
    r1 = tl.set_index("doc_id").loc["r1"]
    assert (r1["start"], r1["end"], r1["actors"]) == ("2019-05-16", "2019-05-16", "Nguyễn Chí Vịnh – Alexander Fomin")
    r2 = tl.set_index("doc_id").loc["r2"]
    assert (r2["start"], r2["end"], r2["date_precision"]) == ("2019-05-01", "2019-05-31", "month")


def test_empty_corpus_and_undated_corpus_stop_with_a_clear_message(tmp_path):
    (tmp_path / "empty").mkdir()
    empty = defcoop.load(tmp_path / "empty")
    stories = ts.select_stories(empty.docs)
    assert ts.accounting(empty.docs, period="year")["articles"].sum() == 0
    with pytest.raises(InsufficientData, match="at least 1 dated story; found 0 dated among 0 stories"):
        ts.choose_period(stories)
    undated = load_fixture_corpus(tmp_path / "undated", {"b2": ("", BELARUS_UNDATED)})
    with pytest.raises(InsufficientData, match="among 1 stories"):
        ts.choose_period(ts.select_stories(undated.docs), period="month")


# --- hand-built tables: year-only dates, other languages, groups -------------------------------------


def test_year_only_date_goes_to_the_year_bin_only():
    s = table(
        [
            {"doc_id": "a", "date": "2018", "themes": ["peacekeeping"]},
            {"doc_id": "b", "date": "2018-03-05", "themes": []},
        ]
    )
    by_year = ts.theme_shares(s, period="year", themes=["peacekeeping"])
    assert by_year[["period", "stories", "with_theme", "share"]].values.tolist() == [["2018", 2, 1, 0.5]]
    by_month = ts.theme_shares(s, period="month", themes=["peacekeeping"])
    # not spread over the twelve months, not put in January: only the day-dated story is in March
    assert by_month[["period", "stories", "with_theme"]].values.tolist() == [["2018-03", 1, 0]]
    assert ts.placement(s, period="quarter").set_index("doc_id").loc["a", "status"] == "too coarse"
    acc = ts.accounting(s, period="quarter").set_index("step")["articles"]
    assert acc["  dated to the year only"] == 1 and acc["not placed: date coarser than a quarter"] == 1
    assert ts.accounting(s, period="year").set_index("step")["articles"]["placed in a year"] == 2
    tl = ts.timeline(s, meetings_of(s)).set_index("doc_id")
    assert (tl.loc["a", "start"], tl.loc["a", "end"]) == ("2018-01-01", "2018-12-31")


def test_stories_not_read_for_themes_are_outside_the_denominator():
    s = table(
        [
            {"doc_id": "a", "date": "2020-01-02", "themes": ["peacekeeping"]},
            {"doc_id": "b", "date": "2020-01-03", "language": "de"},  # no theme lexicon in German
        ]
    )
    assert "de" not in ts.THEME_LANGUAGES and "vi" in ts.THEME_LANGUAGES
    row = ts.theme_shares(s, period="month", themes=["peacekeeping"]).iloc[0]
    assert (row["stories"], row["with_theme"], row["share"]) == (1, 1, 1.0)
    acc = ts.accounting(s, period="month").set_index("step")["articles"]
    assert acc["not read for themes (no theme lexicon for the language)"] == 1


def test_partner_and_outlet_splits():
    s = table(
        [
            {"doc_id": "a", "date": "2020-01-02", "partners": ["Cambodia", "Laos"], "themes": ["peacekeeping"]},
            {"doc_id": "b", "date": "2020-02-03", "partners": ["Laos"], "outlet": ""},
            {"doc_id": "c", "date": "2020-02-04", "partners": [], "outlet": "VOV"},
            {
                "doc_id": "d",
                "date": "2020-02-04",
                "partners": ["Laos"],
                "outlet": "VOV",
                "duplicate_of": "b",
                "themes": ["peacekeeping"],
            },
        ]
    )
    stories = ts.select_stories(s)
    by_partner = ts.theme_totals(stories, by="partner", themes=["peacekeeping"])
    # a story with two partners counts for each; no partner found gets its own row, last
    assert by_partner[["partner", "stories", "with_theme"]].values.tolist() == [
        ["Laos", 2, 1],
        ["Cambodia", 1, 1],
        [ts.NO_PARTNER, 1, 0],
    ]
    by_outlet = ts.theme_totals(stories, by="outlet", themes=["peacekeeping"])
    # the copy d (VOV) is not counted again: VOV has only c
    assert by_outlet[["outlet", "stories", "with_theme"]].values.tolist() == [
        ["VNA", 1, 1],
        ["VOV", 1, 0],
        [ts.NO_OUTLET, 1, 0],
    ]
    over_time = ts.theme_shares(stories, period="month", by="partner", themes=["peacekeeping"])
    cambodia = over_time[over_time["partner"] == "Cambodia"]
    assert cambodia[["period", "stories"]].values.tolist() == [["2020-01", 1], ["2020-02", 0]]
    assert math.isnan(cambodia["share"].iloc[1])


def test_output_is_sorted_and_independent_of_input_order():
    s = table(
        [
            {"doc_id": d, "date": f"2020-0{m}-01", "themes": t}
            for d, m, t in [("a", 1, ["peacekeeping"]), ("b", 3, []), ("c", 1, ["training_education"])]
        ]
    )
    first = ts.theme_shares(s, period="month")
    again = ts.theme_shares(s.sample(frac=1, random_state=1), period="month")
    pd.testing.assert_frame_equal(first, again)
    assert first["period"].is_monotonic_increasing
    assert first["theme"].tolist()[: len(defcoop.lexicons.themes.codebook().themes)] == list(
        defcoop.lexicons.themes.codebook().themes
    )


# --- choosing the period ----------------------------------------------------------------------------


def test_auto_period_takes_the_finest_dense_enough():
    monthly = table([{"doc_id": f"m{i}", "date": f"2020-0{1 + i % 3}-1{i % 9}"} for i in range(12)])
    assert ts.choose_period(monthly) == "month"  # 12 stories over 3 months
    quarterly = table([{"doc_id": f"q{i}", "date": f"2020-{1 + i:02d}-01"} for i in range(12)])
    assert ts.choose_period(quarterly) == "quarter"  # one a month: 1 per month, 3 per quarter
    sparse = table([{"doc_id": "a", "date": "2016-01-01"}, {"doc_id": "b", "date": "2024-01-01"}])
    assert ts.choose_period(sparse) == "year"  # nothing dense enough: years
    assert ts.choose_period(sparse, period="month") == "month"
    # year-only dates cannot be placed in months: months are not dense enough when most are lost
    coarse = table([{"doc_id": f"y{i}", "date": "2020" if i < 8 else "2020-01-05"} for i in range(12)])
    assert ts.choose_period(coarse) == "year"
    with pytest.raises(ValueError, match="period must be"):
        ts.choose_period(sparse, period="week")


# --- context periods and helpers --------------------------------------------------------------------


def test_context_periods_file_is_valid_and_sourced():
    ctx = ts.context_periods()
    assert ctx["period_id"].is_unique and (ctx["source"] != "").all()
    assert (ctx["start"] <= ctx["end"]).all()
    covid = ctx.set_index("period_id").loc["covid19-pandemic"]
    assert (covid["start"], covid["end"]) == ("2020-03-11", "2023-05-05")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x,2020-01-01,2019-12-31,Label,Source", "end 2019-12-31 is before start"),
        ("x,2020-13-01,2020-12-31,Label,Source", "start '2020-13-01' is not a date"),
        ("x,2020,2020-12-31,Label,Source", "start '2020' is not a date"),
        ("x,2020-01-01,2020-12-31,Label,", "empty source"),
        ("x,2020-01-01,2020-12-31,Label,Source\nx,2021-01-01,2021-12-31,Other,Source", "duplicate period_id"),
    ],
)
def test_context_periods_bad_rows_name_the_file_and_row(tmp_path, row, message):
    path = tmp_path / "periods.csv"
    path.write_text("# comment\nperiod_id,start,end,label,source\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"periods\.csv: data row \d \(x\): {message}"):
        ts.context_periods(path)


def test_wilson_interval_is_wide_for_one_of_one_and_undefined_for_none():
    lo, hi = ts.wilson_interval(1, 1)
    assert 0.2 < lo < 0.21 and hi == 1.0
    assert all(math.isnan(x) for x in ts.wilson_interval(0, 0))
    lo, hi = ts.wilson_interval(50, 100)
    assert 0.40 < lo < 0.41 and 0.59 < hi < 0.60


def test_stack_labels_never_overlaps_on_a_level():
    starts, widths = [0, 3, 6, 30, 31, 2], [10, 10, 10, 5, 5, 1]
    levels = ts.stack_labels(starts, widths)
    for i in range(len(starts)):
        for j in range(i + 1, len(starts)):
            if levels[i] == levels[j]:
                assert starts[i] + widths[i] <= starts[j] or starts[j] + widths[j] <= starts[i]


def _synthetic_stories(n: int) -> pd.DataFrame:
    import random

    rnd = random.Random(7)
    themes = list(ts.codebook().themes)
    partners = ["Belarus", "Russia", "Laos", "Cuba", "Japan"]
    rows = []
    for i in range(n):
        y, m, d = rnd.randint(2015, 2020), rnd.randint(1, 12), rnd.randint(1, 28)
        date = rnd.choice([f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}", f"{y}", ""])
        rows.append(
            {
                "doc_id": f"d{i:05d}",
                "date": date,
                "duplicate_of": "",
                "on_topic": True,
                "language": rnd.choice(["en", "en", "en", "vi"]),
                "outlet": rnd.choice(["VNA", "VOV", ""]),
                "partners": rnd.sample(partners, rnd.randint(0, 2)),
                "themes": rnd.sample(themes, rnd.randint(0, 4)),
            }
        )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("by", [None, "partner", "outlet"])
def test_vectorised_shares_match_a_story_by_story_count(by):
    stories = _synthetic_stories(600)
    got = ts.theme_shares(stories, period="quarter", by=by)
    read = stories[stories["language"].isin(ts.THEME_LANGUAGES)]
    for r in got.sample(n=60, random_state=1).itertuples(index=False):
        in_period = read[[ts.period_label(d, "quarter") == r.period for d in read["date"]]]
        if by == "partner":
            group = r.partner
            in_group = in_period[[group in p or (group == ts.NO_PARTNER and not p) for p in in_period["partners"]]]
        elif by == "outlet":
            group = r.outlet
            in_group = in_period[in_period["outlet"].replace("", ts.NO_OUTLET) == group]
        else:
            in_group = in_period
        k = sum(r.theme in t for t in in_group["themes"])
        assert (r.stories, r.with_theme) == (len(in_group), k)
        if len(in_group):
            assert r.share == pytest.approx(k / len(in_group))
            assert (r.ci_low, r.ci_high) == pytest.approx(ts.wilson_interval(k, len(in_group)))
        else:
            assert math.isnan(r.share) and math.isnan(r.ci_low)


def test_timeline_counts_pools_lanes_and_keeps_every_story():
    stories = _synthetic_stories(3000).assign(title="t", actors=[["A", "B"]] * 3000, actor_ids=[["a", "b"]] * 3000)
    tl = ts.timeline(stories, meetings_of(stories))
    counts = ts.timeline_counts(tl, period="month", max_lanes=3)
    lanes = list(dict.fromkeys(counts["partner"]))
    assert len(lanes) == 3 and lanes[-1].endswith("other partners)")
    # every (story, partner) row lands in exactly one cell; a story in two pooled partners counts once there
    per_lane = tl.assign(lane=tl["partner"].where(tl["partner"].isin(lanes[:2]), lanes[-1]))
    assert counts["stories"].sum() == per_lane.drop_duplicates(["lane", "doc_id"]).shape[0]
    year_only = counts[counts["binned_by"] == "year"]
    assert (year_only["period"].str.len() == 4).all()
    assert (
        year_only["stories"].sum() == per_lane[tl["date"].str.len() == 4].drop_duplicates(["lane", "doc_id"]).shape[0]
    )
    assert len(ts.timeline_counts(tl, period="month", max_lanes=50)["partner"].unique()) == tl["partner"].nunique()


def test_size_key_gives_counts_that_occur_ending_at_the_largest():
    for largest in range(1, 3000):
        key = ts.size_key(largest)
        assert key[0] == 1 and key[-1] == largest and key == sorted(set(key))
        assert len(key) <= 3
        if len(key) == 3:  # the middle key is a round count at most half the largest
            assert 2 <= key[1] <= largest / 2 and str(key[1]).strip("0") in {"1", "2", "5"}
    assert ts.size_key(38) == [1, 10, 38]
    with pytest.raises(ValueError, match="at least 1"):
        ts.size_key(0)
