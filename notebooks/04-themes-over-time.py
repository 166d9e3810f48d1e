# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · Cooperation themes over time
#
# *What defence cooperation is about, period by period — with every denominator on the page.*
#
# **Question.** Which cooperation themes (training, arms, industry, visits, the South China Sea, …)
# do the stories carry in each period, for which partners and outlets, and in what sequence did the
# meetings happen? How many stories stand behind each share, and which could not be placed in time?
#
# **Input.** A folder of crawled articles (`CORPUS`, by default the five articles in `seeds/`), the
# theme codebook (`lib/defcoop/data/themes.yml`) and the dated context periods
# (`lib/defcoop/data/context_periods.csv`, each with its source).
# `LANGUAGES` (e.g. `"vi,ru"`, ISO 639-1 codes) keeps only the articles in those languages; empty
# keeps all.
#
# **Figures written.** `04-theme-shares` (share of stories per theme and period, one panel per
# theme, with the number of stories per period), `04-themes-by-partner` (themes by partner country
# over the whole corpus) and `04-meetings-timeline` (each dated story on a time axis by partner,
# labelled with its main actors), each as PNG, SVG and the CSV behind it.

# %% [markdown]
# **Parameters.** `PERIOD` is `"auto"`, `"month"`, `"quarter"` or `"year"`; with `"auto"` the
# finest period with at least `MIN_PER_PERIOD` stories per period on average is taken.
# `INCLUDE_COPIES = True` counts every syndicated copy as a story of its own; `ON_TOPIC_ONLY = False`
# also counts articles the annotator judged off topic. Shares over fewer than `LOW_N` stories are
# drawn hollow; tables show `TOP_N` rows.

# %% tags=["parameters"]
CORPUS = "../seeds"
FIGURES = "../figures"
LANGUAGES = ""
PERIOD = "auto"
MIN_PER_PERIOD = 3.0
INCLUDE_COPIES = False
ON_TOPIC_ONLY = True
LOW_N = 3
TOP_N = 20

# %%
import pandas as pd

import defcoop
from defcoop import head
from defcoop.analysis import timeseries as ts
from defcoop.plots import (
    MAX_MARKS,
    meetings_timeline,
    save_figure,
    theme_shares_over_time,
    themes_by_partner,
    use_style,
)

use_style()
pd.set_option("display.max_colwidth", 70)
pd.set_option("display.width", 160)
pd.set_option("display.precision", 2)

# %% [markdown]
# **How good are the theme counts?** Per theme, on 162 real English pages with gold written without
# reading the annotator (`benchmarks/devsets`; `lib/defcoop/data/validity.csv`): *precision* is the
# share of articles tagged with a theme that the reader tagged too, *recall* the share of the
# reader's that the annotator found, *n* the pages the reader tagged. Themes with low precision
# (trade and economy, science and technology, COVID and health, culture and sport) are
# over-counted: read their shares as an upper bound.

# %%
from defcoop.analysis.validity import validity

validity(("themes", "theme "))

# %% [markdown]
# ## Which articles count
#
# A *story* is an article that is not a syndicated copy of an earlier one (a wire story printed by
# three outlets counts once, under its first copy) and that the annotator judged on topic. The table
# follows every loaded article to where it went, so each denominator below can be checked against
# it: nothing leaves the count without a row saying why.

# %%
corpus = defcoop.load(CORPUS).in_languages(LANGUAGES)
stories = ts.select_stories(  # the texts are not needed here, and copying them is slow on a large corpus
    corpus.docs.drop(columns=["text", "body"]), include_copies=INCLUDE_COPIES, on_topic_only=ON_TOPIC_ONLY
)
corpus

# %% [markdown]
# ## Choosing the period
#
# A period must be fine enough to show change and coarse enough to hold several stories. With
# `PERIOD = "auto"` the workbook takes the finest of month, quarter and year that averages at least
# `MIN_PER_PERIOD` stories per period over the span and places at least 90% of the dated stories,
# and falls back to years. Partial dates are used at the precision they have: `2019-05` goes to
# May 2019, Q2 2019 and 2019; a date known only to the year (`2018`) goes to the year only and is
# counted as *not placed* at months and quarters — never spread over the months or guessed. A
# corpus with no dated story stops here with a message.

# %%
period = ts.choose_period(stories, period=PERIOD, min_per_period=MIN_PER_PERIOD)
print(f"PERIOD = {PERIOD!r} -> binning by {period}")
ts.period_options(stories, min_per_period=MIN_PER_PERIOD)

# %% [markdown]
# ## Where every article went
#
# The accounting at the chosen period: copies, off-topic articles, date precision, stories placed
# and not placed, and stories not read for themes (the annotator reads themes in English,
# Vietnamese, Russian, French, Spanish and Chinese; a story in another language is left out, since
# it would otherwise lower every share). Theme precision differs by language (README, "How good
# the annotations are"), so on a mixed corpus compare shares within a language before across.

# %%
ts.accounting(corpus.docs, period=period, include_copies=INCLUDE_COPIES, on_topic_only=ON_TOPIC_ONLY)

# %% [markdown]
# Stories that cannot be placed in a period, by name, so a reader can look them up (an empty table
# means every story has a date precise enough):

# %%
placed = ts.placement(stories, period=period)
head(placed[placed["status"] != "placed"].merge(stories[["doc_id", "outlet", "title"]], on="doc_id"), TOP_N)

# %% [markdown]
# ## Context periods
#
# Periods a reader needs to read the figures, taken from a data file with a source for each
# (`lib/defcoop/data/context_periods.csv`), not drawn by hand. Only those that overlap the corpus
# span are drawn.

# %%
context = ts.context_periods()
dated = stories.loc[stories["date"] != "", "date"]
span = (
    ts.period_bounds(ts.period_label(dated.min(), "year"))[0].isoformat(),
    ts.period_bounds(ts.period_label(dated.max(), "year"))[1].isoformat(),
)
context = context.assign(drawn=(context["end"] >= span[0]) & (context["start"] < span[1]))
context

# %% [markdown]
# ## Theme shares over time
#
# For each period and theme: the number of stories placed in the period (`stories`), how many carry
# the theme (`with_theme`), the share, and its Wilson 95% interval. Periods with no stories are rows
# too, with an undefined share (`NaN`) rather than a zero, so an empty period is never mistaken for
# a period where a theme was absent.

# %%
shares = ts.theme_shares(stories, period=period)
ctx = ts.context_overlapping(context, span=(shares["start"].min(), shares["end"].max()))  # drawn in both figures
head(shares[["period", "theme", "stories", "with_theme", "share", "ci_low", "ci_high"]], TOP_N)

# %%
fig, table = theme_shares_over_time(shares, context=ctx, period=period, low_n=LOW_N)
save_figure(
    fig,
    "04-theme-shares",
    data=table,
    caption=f"Share of the stories of each {period} carrying each of the {table['theme'].nunique()} themes of the "
    f"codebook, with Wilson 95% intervals, above the stories per {period} and the context periods.",
    denominators=f"{table.drop_duplicates('period')['stories'].sum():,} stories placed in "
    f"{table.loc[table['stories'] > 0, 'period'].nunique()} {period}s with stories (of "
    f"{table['period'].nunique()} in the span) and read for themes, of {len(stories):,} stories",
    directory=FIGURES,
)

# %% [markdown]
# ### What this shows
#
# One panel per theme of the codebook, in codebook order; in each, one dot per period with stories:
# the share of that period's stories carrying the theme, its 95% interval, and the count behind it
# (`stories with the theme / stories`; written up to 12 periods). The bars above give the
# denominators (their counts are written up to 24 periods, beyond that the axis reads them); grey bands are
# periods with no story at all, left empty rather than joined by a line, and hollow dots are shares
# over fewer than `LOW_N` stories. Past 40 periods (e.g. 191 months on a 10,000-story corpus) the
# dots would run into one blot, so each panel becomes a line through the shares over a band of
# intervals, broken at empty periods, with hollow dots still marking thin periods; the legend lists
# the kinds of mark drawn and only those. Short context periods (a three-day expo) are drawn at a
# minimum width so that they show; their labels sit beside their bars. On the seeds the corpus is five stories in three of the seven
# years 2018–2024 (two in 2018, one in 2020, two in 2024), so every share rests on one or two
# stories and every interval spans most of the axis: `1/1` in 2020 for COVID-19 and health is one
# article (the July 2020 Vinh–Fomin online talks), not a pandemic effect. The title says so when
# every period has fewer than `LOW_N` stories: read these panels as an
# inventory of which themes each story carries, not as trends. A theme is counted when the
# codebook's evidence rule holds in the story (see notebook 01 and `Corpus.mentions` for the
# sentences), so a share is "stories that mention the theme", not "stories about the theme".

# %% [markdown]
# ## Themes by partner country
#
# Over the whole corpus, for each partner: how many stories name it as a partner, and how many of
# those carry each theme. Dates are not needed here, so undated stories count too. A story with two
# partners counts once for each, so the rows do not add up to the number of stories.

# %%
by_partner = ts.theme_totals(stories, by="partner")
head(by_partner[["partner", "theme", "stories", "with_theme", "share"]], TOP_N)

# %%
fig, table = themes_by_partner(
    by_partner, stories_read=stories["language"].isin(ts.THEME_LANGUAGES).sum(), top_n=TOP_N, low_n=LOW_N
)
save_figure(
    fig,
    "04-themes-by-partner",
    data=table,
    caption=f"Share of each partner's stories carrying each theme over the whole corpus, for the (at most {TOP_N}) "
    "partners with most stories; the others are counted under the heatmap and listed in the CSV.",
    denominators=f"{stories['language'].isin(ts.THEME_LANGUAGES).sum():,} stories read for themes; "
    f"{table['partner'].nunique()} partner rows (a story with two partners counts in each)",
    directory=FIGURES,
)

# %% [markdown]
# ### What this shows
#
# Each row is a partner country, with the number of stories that name it as a partner; each cell
# is the number of those stories that carry the theme, coloured by the share. Rows over fewer than
# `LOW_N` stories are named in grey: a dark cell there is one story, not a pattern. On the seeds the
# rows are Belarus (four stories) and Russia (one), so the contrast between them is four stories
# against one: all four Belarus stories carry visits and delegations, three of four carry training,
# defence industry, and ASEAN and UN fora, two carry trade and military science; the single Russia story (July
# 2020) carries COVID-19, peacekeeping and commemoration, among others. That is a difference between articles, not
# between partnerships. On a larger corpus the rows are the `TOP_N` partners with most stories (the
# title says how many partners there are, `(no partner found)` not counted as one); a tie at the cut
# is left out whole rather than kept in part by name, and the line under the heatmap says how many
# partners are not shown and with how many stories each (every partner is in the CSV). Past
# `MAX_CELL_LABELS` cells (120) the counts are left out of the cells: the colour bar reads the share,
# and the CSV has every count. The "Visits and delegation exchanges" column is near 100% for every
# partner at every scale: the corpus is made of reports of visits and meetings, so that theme
# describes the corpus rather than telling partners apart.

# %% [markdown]
# ## Themes by outlet, and by partner over time
#
# The same shares by outlet: each story counts once, under the outlet of its first copy (syndicated
# copies are not counted again under the outlets that re-ran them). Below it, shares per partner and
# period, the table behind a per-partner version of the first figure; empty periods are rows with
# `stories = 0`.

# %%
by_outlet = ts.theme_totals(stories, by="outlet")
head(by_outlet[by_outlet["with_theme"] > 0][["outlet", "theme", "stories", "with_theme", "share"]], TOP_N)

# %%
partner_periods = ts.theme_shares(stories, period=period, by="partner")
head(
    partner_periods[partner_periods["theme"] == "delegation_exchange"][
        ["partner", "period", "theme", "stories", "with_theme", "share"]
    ],
    TOP_N,
)

# %% [markdown]
# ## The sequence of meetings
#
# Each dated story that reports a meeting as a mark on a time axis, one lane per partner, labelled
# with who met whom. A meeting is a row of `corpus.meetings`, the table notebook 03's network is
# drawn from: a Vietnamese and a foreign official named in one sentence with a meeting cue ("held
# talks with", "received", "met"). The label is host – guest when the cue or the place tells who
# hosted, else the Vietnamese official first; the lane is the foreign official's country. (Until
# this version the timeline took the first Vietnamese and first partner official *named* in each
# story, a second definition of a meeting that could disagree with notebook 03; stories that name
# officials but report no meeting sentence are now left out, and counted above the table.) A
# story dated to the day is a dot; one dated only to the month or the year is a
# bar over the whole month or year it may fall in, since the day is unknown. A story with two
# partners appears in both lanes. Undated stories cannot be placed and are counted in the
# accounting above. That is a label per story, readable up to `MAX_MARKS` (40) stories; a larger
# corpus is drawn as counts instead: in each partner's lane one dot per period (the period chosen
# above) with an area proportional to its stories, a ring just below the lane for stories dated
# only to the year (on the same size scale), and labels on the busiest periods only, with the pair of officials most
# often named in them. The CSV holds what is drawn: one row per story and partner (with the
# meeting's cue, host, place and sentence), or one row per lane and period.

# %%
tl = ts.timeline(stories, corpus.meetings)  # the meetings table notebook 03's network reads too
print(
    f"{tl['doc_id'].nunique()} of {(stories['date'] != '').sum()} dated stories report a meeting (a meeting sentence)"
)
drawn = ts.timeline_table(tl, span=span, period=period, max_labels=MAX_MARKS, max_lanes=TOP_N)  # marks or counts
head(tl[["partner", "date", "date_precision", "actors", "cue", "place", "online", "doc_id"]], TOP_N)

# %%
fig, table = meetings_timeline(drawn, context=ctx, span=span, dated_stories=tl["doc_id"].nunique(), period=period)
save_figure(
    fig,
    "04-meetings-timeline",
    data=table,
    caption=(
        "Each dated story reporting a meeting, on a time axis by partner, labelled with who met whom."
        if "level" in table
        else f"Dated stories reporting a meeting, counted per partner and {period} (dot area), "
        "labelled on each partner's busiest period."
    ),
    denominators=f"{tl['doc_id'].nunique():,} dated stories reporting a meeting, of {(stories['date'] != '').sum():,} "
    f"dated stories; {len(tl):,} story-partner rows",
    directory=FIGURES,
)

# %% [markdown]
# ### What this shows
#
# The order of the meetings the stories report, partner by partner, with who met whom. On the seeds:
# Belarus in March 2018 (President Trần Đại Quang and Deputy Prime Minister Vladimir Semashko; the
# year of that story is inferred from the officials' tenures, see notebook 01) and
# November 2018 (Vice President Đặng Thị Ngọc Thịnh and Defence Minister Andrei Ravkov), then two
# stories on Defence Minister Viktor Khrenin's December 2024 visit, two days before the Vietnam
# International Defence Expo 2024 opened; Russia once, in July 2020, an online meeting during the
# pandemic (Nguyễn Chí Vịnh and Alexander Fomin). The dates are the stories' dates (header,
# dateline or text; notebook 01 shows which), normally the day of publication, which can be a day
# after the meeting. Gaps between marks are gaps in this corpus, not in diplomatic contact. On a
# large corpus, where the figure counts instead of labelling, a big dot is a period of many stories
# with that partner — press attention, which one visit reported by many outlets can produce as
# well as many meetings; the label names the pair most often in those stories, not every pair, and
# the CSV gives each lane and period with its count. The legend's dot sizes are counts that occur
# (1, a round count, and the largest drawn); stories dated only to the year are rings below their
# lane when counting by month or quarter, and ordinary dots when counting by year (every story is
# then placed exactly). The number after each partner's name is its dated stories; lanes beyond
# `TOP_N` partners are pooled into one. Every other lane is shaded, so that each story label sits
# in the band of its partner; the context periods sit in rows of their own above the lanes.

# %% [markdown]
# ## Conclusions
#
# * Every story is accounted for: placed in a period, or listed as too coarsely dated or undated;
#   copies are counted once and off-topic articles are left out, each with its count.
# * Shares are shown with their denominators and intervals; empty periods are visibly empty, not
#   zero and not interpolated. The period is chosen from the corpus span and density (`PERIOD`).
# * Context periods come from a sourced data file, not from the figure code.
# * On the seeds (five stories, 2018–2024) no share rests on more than two stories: the figures
#   inventory the stories, they do not show trends. A corpus of a few hundred dated stories would
#   make quarterly shares readable.
#
# Versions of the main packages, for the record:

# %%
import matplotlib

print(f"defcoop {defcoop.__version__}, pandas {pd.__version__}, matplotlib {matplotlib.__version__}")
