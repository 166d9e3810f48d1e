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
PERIOD = "auto"
MIN_PER_PERIOD = 3.0
INCLUDE_COPIES = False
ON_TOPIC_ONLY = True
LOW_N = 3
TOP_N = 20

# %%
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

import defcoop
from defcoop import head
from defcoop.analysis import timeseries as ts
from defcoop.lexicons import codebook
from defcoop.plots import MAX_CELL_LABELS, MAX_MARKS, meetings_timeline, save_figure, use_style

use_style()
pd.set_option("display.max_colwidth", 70)
pd.set_option("display.width", 160)
pd.set_option("display.precision", 2)

# %% [markdown]
# ## Which articles count
#
# A *story* is an article that is not a syndicated copy of an earlier one (a wire story printed by
# three outlets counts once, under its first copy) and that the annotator judged on topic. The table
# follows every loaded article to where it went, so each denominator below can be checked against
# it: nothing leaves the count without a row saying why.

# %%
corpus = defcoop.load(CORPUS)
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
# and not placed, and stories not read for themes (the annotator has theme lexicons for English
# only, so a story in another language would otherwise lower every share).

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
head(shares[["period", "theme", "stories", "with_theme", "share", "ci_low", "ci_high"]], TOP_N)

# %%
bins = shares.drop_duplicates("period")[["period", "start", "end", "stories"]].reset_index(drop=True)
bins[["start", "end"]] = bins[["start", "end"]].apply(pd.to_datetime)
bins["mid"] = bins["start"] + (bins["end"] - bins["start"]) / 2
ctx = context[(context["end"] >= str(bins["start"].min().date())) & (context["start"] < str(bins["end"].max().date()))]
ctx = ctx.reset_index(drop=True)
labels = {t: th.label for t, th in codebook().themes.items()}
themes = list(dict.fromkeys(shares["theme"]))
ncols, nrows = 3, -(-len(themes) // 3)
fig = plt.figure(figsize=(7.2, 2.1 + 0.12 * len(ctx) + 1.05 * nrows))
grid = fig.add_gridspec(nrows + 2, ncols, height_ratios=[0.2 + 0.14 * len(ctx), 0.8] + [1.0] * nrows)
ax_ctx = fig.add_subplot(grid[0, :])
ax_n = fig.add_subplot(grid[1, :], sharex=ax_ctx)
for i, c in ctx.iterrows():  # context strip: one row per period from the data file
    a, b = max(pd.Timestamp(c["start"]), bins["start"].min()), min(pd.Timestamp(c["end"]), bins["end"].max())
    ax_ctx.barh(i, (b - a).days + 1, left=a, height=0.6, color="#999999")
    right = a > bins["start"].min() + (bins["end"].max() - bins["start"].min()) / 2
    ax_ctx.annotate(
        c["label"],
        (b if not right else a, i),
        xytext=(3 if not right else -3, 0),
        textcoords="offset points",
        ha="right" if right else "left",
        va="center",
        fontsize=6.5,
    )
ax_ctx.set_ylim(len(ctx) - 0.4, -0.6)
ax_ctx.set_yticks([])
ax_ctx.set_title("Context (data/context_periods.csv)", fontsize=8, fontweight="normal", color="#555555")
ax_ctx.tick_params(labelbottom=False, bottom=False)
ax_ctx.grid(False)
ax_ctx.spines[["left", "bottom"]].set_visible(False)
if len(bins) <= 24:  # a bar per period; beyond, one filled step outline (hundreds of bars cost seconds to draw)
    ax_n.bar(
        bins["start"], bins["stories"], width=(bins["end"] - bins["start"]).dt.days * 0.9, align="edge", color="#0f4c81"
    )
else:
    ax_n.fill_between(
        [*bins["start"], bins["end"].iloc[-1]],
        [*bins["stories"], bins["stories"].iloc[-1]],
        step="post",
        color="#0f4c81",
        lw=0,
    )
for r in bins.itertuples():  # with many periods, print the counts of the non-empty ones only; none past 24
    if len(bins) <= 24 and (r.stories or len(bins) <= 12):
        ax_n.annotate(
            f"n={r.stories}" if len(bins) <= 12 else f"{r.stories}",
            (r.mid, r.stories),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=6.5,
            color="#000000" if r.stories else "#999999",
        )
    if not r.stories:
        ax_n.axvspan(r.start, r.end, color="#eeeeee", lw=0)
ax_n.set_ylim(0, max(1, bins["stories"].max()) * 1.35)
ax_n.yaxis.get_major_locator().set_params(integer=True)
ax_n.set_ylabel("stories")
ax_n.set_title(f"Stories per {period} (the denominator of every share below)", fontsize=8.5)
ax_n.tick_params(labelbottom=False)
empty = bins[bins["stories"] == 0]
for j, t in enumerate(themes):
    ax = fig.add_subplot(grid[2 + j // ncols, j % ncols], sharex=ax_ctx)
    sub = shares[(shares["theme"] == t) & (shares["stories"] > 0)].merge(bins[["period", "mid"]], on="period")
    for r in empty.itertuples():
        ax.axvspan(r.start, r.end, color="#eeeeee", lw=0)
    ax.vlines(sub["mid"], sub["ci_low"], sub["ci_high"], color="#9db7d5", lw=1.6)
    solid = sub["stories"] >= LOW_N
    ax.scatter(sub.loc[solid, "mid"], sub.loc[solid, "share"], s=14, color="#0f4c81", zorder=3)
    ax.scatter(sub.loc[~solid, "mid"], sub.loc[~solid, "share"], s=14, facecolor="white", edgecolor="#0f4c81", zorder=3)
    if len(bins) <= 12:
        for r in sub.itertuples():
            ax.annotate(
                f"{r.with_theme}/{r.stories}",
                (r.mid, r.ci_high),
                xytext=(0, 1.5),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=5.5,
                color="#444444",
            )
    ax.set_ylim(-0.05, 1.3)
    ax.set_yticks([0, 0.5, 1], ["0%", "50%", "100%"] if j % ncols == 0 else [])
    ax.grid(axis="y", color="#eeeeee")
    ax.set_title(textwrap.fill(labels[t], 34), fontsize=7, fontweight="bold")
    ax.tick_params(labelbottom=j >= len(themes) - ncols, labelsize=6.5)
ax_ctx.set_xlim(bins["start"].min(), bins["end"].max())
if len(bins) <= 12:  # few periods: a tick at each middle, labelled at most six times
    step = -(-len(bins) // 6)
    ax_ctx.set_xticks(bins["mid"], [p if i % step == 0 else "" for i, p in enumerate(bins["period"])])
else:
    ax_ctx.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
    ax_ctx.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax_ctx.xaxis.get_major_locator()))
fig.legend(
    handles=[
        Line2D([], [], marker="o", ls="", color="#0f4c81", label=f"share, {LOW_N}+ stories"),
        Line2D([], [], marker="o", ls="", markerfacecolor="white", color="#0f4c81", label=f"share, fewer than {LOW_N}"),
        Line2D([], [], color="#9db7d5", lw=1.6, label="95% interval (Wilson)"),
        Patch(color="#eeeeee", label="no stories in the period"),
    ],
    loc="outside lower center",
    ncols=4,
    fontsize=6.5,
)
fig.suptitle(
    f"Share of stories carrying each theme, per {period} ({bins['stories'].sum()} stories placed and read "
    "for themes)\nlabels: stories with the theme / stories in the period",
    x=0.01,
    ha="left",
    fontsize=8.5,
    fontweight="bold",
)
save_figure(fig, "04-theme-shares", data=shares, directory=FIGURES)

# %% [markdown]
# ### What this shows
#
# One panel per theme of the codebook, in codebook order; in each, one dot per period with stories:
# the share of that period's stories carrying the theme, its 95% interval, and the count behind it
# (`stories with the theme / stories`; written up to 12 periods). The bars above give the
# denominators (their counts are written up to 24 periods, beyond that the axis reads them); grey bands are
# periods with no story at all, left empty rather than joined by a line, and hollow dots are shares
# over fewer than `LOW_N` stories. On the seeds the corpus is five stories in three of the seven
# years 2018–2024 (two in 2018, one in 2020, two in 2024), so every share rests on one or two
# stories and every interval spans most of the axis: `1/1` in 2020 for COVID-19 and health is one
# article (the July 2020 Vinh–Fomin online talks), not a pandemic effect. Read these panels as an
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
all_partners = list(dict.fromkeys(by_partner["partner"]))
partners = all_partners[:TOP_N]  # the partners with most stories
labelled = len(partners) * len(themes) <= MAX_CELL_LABELS  # beyond that, the colour bar reads the cells
n_partner = by_partner.drop_duplicates("partner").set_index("partner")["stories"]
cells = by_partner.pivot(index="partner", columns="theme", values="share").loc[partners, themes]
counts = by_partner.pivot(index="partner", columns="theme", values="with_theme").loc[partners, themes]
fig, ax = plt.subplots(figsize=(7.2, 2.4 + 0.24 * len(partners)))
im = ax.imshow(cells.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
cell_counts = pd.DataFrame(counts.to_numpy()).stack().items() if labelled else ()
for (i, j), k in cell_counts:
    ax.annotate(
        f"{k}",
        (j, i),
        ha="center",
        va="center",
        fontsize=7,
        color="white" if cells.iat[i, j] > 0.6 and n_partner.iloc[i] >= LOW_N else "#333333",
    )
ax.set_xticks(
    range(len(themes)),
    [textwrap.fill(labels[t], 24) for t in themes],
    rotation=60,
    ha="right",
    rotation_mode="anchor",
    fontsize=6.5,
)
ax.set_yticks(range(len(partners)), [f"{p}  (n = {n_partner[p]})" for p in partners])
for i, (tick, p) in enumerate(zip(ax.get_yticklabels(), partners, strict=True)):
    tick.set_color("#888888" if n_partner[p] < LOW_N else "#000000")
    if n_partner[p] < LOW_N:  # wash out rows over too few stories to read as shares
        ax.axhspan(i - 0.5, i + 0.5, color="white", alpha=0.55, lw=0)
ax.grid(False)
ax.spines[["left", "bottom"]].set_visible(False)
ax.tick_params(length=0)
fig.colorbar(im, ax=ax, shrink=0.8, label="share", format=lambda x, _: f"{x:.0%}")
cut = (
    f"; the {len(partners)} of {len(all_partners)} partners with most stories"
    if len(partners) < len(all_partners)
    else ""
)
fig.suptitle(
    f"Themes by partner ({stories['language'].isin(ts.THEME_LANGUAGES).sum()} stories read for themes{cut})",
    x=0.01,
    ha="left",
    fontsize=9,
    fontweight="bold",
)
ax.set_title(
    ("number: stories with the theme; " if labelled else "")
    + f"colour: share of the partner's stories; washed out: fewer than {LOW_N} stories",
    fontsize=7,
    fontweight="normal",
    color="#555555",
)
save_figure(fig, "04-themes-by-partner", data=by_partner, directory=FIGURES)

# %% [markdown]
# ### What this shows
#
# Each row is a partner country, with the number of stories that name it as a partner; each cell
# is the number of those stories that carry the theme, coloured by the share. Rows over fewer than
# `LOW_N` stories are named in grey: a dark cell there is one story, not a pattern. On the seeds the
# rows are Belarus (four stories) and Russia (one), so the contrast between them is four stories
# against one: all four Belarus stories carry visits and delegations, three of four carry training,
# defence industry, ASEAN and UN fora, trade, and military science; the single Russia story (July
# 2020) carries COVID-19, peacekeeping and commemoration, among others. That is a difference between articles, not
# between partnerships. On a larger corpus the rows are the `TOP_N` partners with most stories (the
# title says how many there are), and past `MAX_CELL_LABELS` cells (120) the counts are left out
# of the cells: the colour is the share, and the CSV has every count.

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
# Each dated story as a mark on a time axis, one lane per partner, labelled with its main actors:
# the first Vietnamese official and the first official of the partner named in the story (usually
# host and guest). A story dated to the day is a dot; one dated only to the month or the year is a
# bar over the whole month or year it may fall in, since the day is unknown. A story with two
# partners appears in both lanes. Undated stories cannot be placed and are counted in the
# accounting above. That is a label per story, readable up to `MAX_MARKS` (40) stories; a larger
# corpus is drawn as counts instead: in each partner's lane one dot per period (the period chosen
# above) with an area proportional to its stories, a faint bar for each year with stories dated
# only to the year, and labels on the busiest periods only, with the pair of officials most
# often named in them. The CSV holds what is drawn: one row per story and partner, or one row per
# lane and period.

# %%
tl = ts.timeline(stories, mentions=corpus.mentions)
head(tl[["partner", "date", "date_precision", "actors", "outlet", "doc_id"]], TOP_N)

# %%
fig, drawn = meetings_timeline(tl, context=ctx, span=span, period=period, max_labels=MAX_MARKS, max_lanes=TOP_N)
save_figure(fig, "04-meetings-timeline", data=drawn, directory=FIGURES)

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
# the CSV gives each lane and period with its count. The number after each partner's name is its
# dated stories; lanes beyond `TOP_N` partners are pooled into one.

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
