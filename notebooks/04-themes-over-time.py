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
from defcoop import timeseries as ts
from defcoop.figures import save_figure, use_style
from defcoop.themes import codebook

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
stories = ts.select_stories(corpus.docs, include_copies=INCLUDE_COPIES, on_topic_only=ON_TOPIC_ONLY)
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
placed[placed["status"] != "placed"].merge(stories[["doc_id", "outlet", "title"]], on="doc_id").head(TOP_N)

# %% [markdown]
# ## Context periods
#
# Periods a reader needs to read the figures, taken from a data file with a source for each
# (`lib/defcoop/data/context_periods.csv`), not drawn by hand. Only those that overlap the corpus
# span are drawn.

# %%
context = ts.context_periods()
dated = stories.loc[stories["date"] != "", "date"]
span = (ts.period_bounds(ts.period_label(dated.min(), "year"))[0].isoformat(),
        ts.period_bounds(ts.period_label(dated.max(), "year"))[1].isoformat())
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
shares[["period", "theme", "stories", "with_theme", "share", "ci_low", "ci_high"]].head(TOP_N)

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
    ax_ctx.annotate(c["label"], (b if not right else a, i), xytext=(3 if not right else -3, 0),
                    textcoords="offset points", ha="right" if right else "left", va="center", fontsize=6.5)
ax_ctx.set_ylim(len(ctx) - 0.4, -0.6)
ax_ctx.set_yticks([])
ax_ctx.set_title("Context (data/context_periods.csv)", fontsize=8, fontweight="normal", color="#555555")
ax_ctx.tick_params(labelbottom=False, bottom=False)
ax_ctx.grid(False)
ax_ctx.spines[["left", "bottom"]].set_visible(False)
ax_n.bar(bins["start"], bins["stories"], width=(bins["end"] - bins["start"]).dt.days * 0.9, align="edge",
         color="#0f4c81")
for r in bins.itertuples():  # with many periods, print the counts of the non-empty ones only
    if r.stories or len(bins) <= 12:
        ax_n.annotate(f"n={r.stories}" if len(bins) <= 12 else f"{r.stories}", (r.mid, r.stories), xytext=(0, 2),
                      textcoords="offset points", ha="center", va="bottom", fontsize=6.5 if len(bins) <= 24 else 5,
                      color="#000000" if r.stories else "#999999")
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
    ax.scatter(sub.loc[~solid, "mid"], sub.loc[~solid, "share"], s=14, facecolor="white",
               edgecolor="#0f4c81", zorder=3)
    if len(bins) <= 12:
        for r in sub.itertuples():
            ax.annotate(f"{r.with_theme}/{r.stories}", (r.mid, r.ci_high), xytext=(0, 1.5),
                        textcoords="offset points", ha="center", va="bottom", fontsize=5.5, color="#444444")
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
fig.legend(handles=[
    Line2D([], [], marker="o", ls="", color="#0f4c81", label=f"share, {LOW_N}+ stories"),
    Line2D([], [], marker="o", ls="", markerfacecolor="white", color="#0f4c81", label=f"share, fewer than {LOW_N}"),
    Line2D([], [], color="#9db7d5", lw=1.6, label="95% interval (Wilson)"),
    Patch(color="#eeeeee", label="no stories in the period"),
], loc="outside lower center", ncols=4, fontsize=6.5)
fig.suptitle(f"Share of stories carrying each theme, per {period} ({bins['stories'].sum()} stories placed and read "
             "for themes)\nlabels: stories with the theme / stories in the period", x=0.01, ha="left", fontsize=8.5,
             fontweight="bold")
save_figure(fig, "04-theme-shares", data=shares, directory=FIGURES)

# %% [markdown]
# ### What this shows
#
# One panel per theme of the codebook, in codebook order; in each, one dot per period with stories:
# the share of that period's stories carrying the theme, its 95% interval, and the count behind it
# (`stories with the theme / stories`). The bars above give the denominators; grey bands are
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
by_partner[["partner", "theme", "stories", "with_theme", "share"]].head(TOP_N)

# %%
partners = list(dict.fromkeys(by_partner["partner"]))
n_partner = by_partner.drop_duplicates("partner").set_index("partner")["stories"]
cells = by_partner.pivot(index="partner", columns="theme", values="share").loc[partners, themes]
counts = by_partner.pivot(index="partner", columns="theme", values="with_theme").loc[partners, themes]
fig, ax = plt.subplots(figsize=(7.2, 2.4 + 0.24 * len(partners)))
im = ax.imshow(cells.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
for (i, j), k in pd.DataFrame(counts.to_numpy()).stack().items():
    ax.annotate(f"{k}", (j, i), ha="center", va="center", fontsize=7,
                color="white" if cells.iat[i, j] > 0.6 and n_partner.iloc[i] >= LOW_N else "#333333")
ax.set_xticks(range(len(themes)), [textwrap.fill(labels[t], 24) for t in themes], rotation=60, ha="right",
              rotation_mode="anchor", fontsize=6.5)
ax.set_yticks(range(len(partners)), [f"{p}  (n = {n_partner[p]})" for p in partners])
for i, (tick, p) in enumerate(zip(ax.get_yticklabels(), partners, strict=True)):
    tick.set_color("#888888" if n_partner[p] < LOW_N else "#000000")
    if n_partner[p] < LOW_N:  # wash out rows over too few stories to read as shares
        ax.axhspan(i - 0.5, i + 0.5, color="white", alpha=0.55, lw=0)
ax.grid(False)
ax.spines[["left", "bottom"]].set_visible(False)
ax.tick_params(length=0)
fig.colorbar(im, ax=ax, shrink=0.8, label="share", format=lambda x, _: f"{x:.0%}")
fig.suptitle(f"Themes by partner ({stories['language'].isin(ts.THEME_LANGUAGES).sum()} stories read for themes)", x=0.01, ha="left", fontsize=9, fontweight="bold")
ax.set_title(f"number: stories with the theme; colour: share of the partner's stories; washed out: fewer than "
             f"{LOW_N} stories", fontsize=7, fontweight="normal", color="#555555")
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
# between partnerships.

# %% [markdown]
# ## Themes by outlet, and by partner over time
#
# The same shares by outlet: each story counts once, under the outlet of its first copy (syndicated
# copies are not counted again under the outlets that re-ran them). Below it, shares per partner and
# period, the table behind a per-partner version of the first figure; empty periods are rows with
# `stories = 0`.

# %%
by_outlet = ts.theme_totals(stories, by="outlet")
by_outlet[by_outlet["with_theme"] > 0][["outlet", "theme", "stories", "with_theme", "share"]].head(TOP_N)

# %%
partner_periods = ts.theme_shares(stories, period=period, by="partner")
partner_periods[partner_periods["theme"] == "delegation_exchange"][
    ["partner", "period", "theme", "stories", "with_theme", "share"]
].head(TOP_N)

# %% [markdown]
# ## The sequence of meetings
#
# Each dated story as a mark on a time axis, one lane per partner, labelled with its main actors:
# the first Vietnamese official and the first official of the partner named in the story (usually
# host and guest). A story dated to the day is a dot; one dated only to the month or the year is a
# bar over the whole month or year it may fall in, since the day is unknown. A story with two
# partners appears in both lanes. Undated stories cannot be placed and are counted in the
# accounting above.

# %%
tl = ts.timeline(stories, mentions=corpus.mentions)
tl[["partner", "date", "date_precision", "actors", "outlet", "doc_id"]].head(TOP_N)

# %%
lanes = sorted(set(tl["partner"]) - {ts.NO_PARTNER}) + ([ts.NO_PARTNER] if ts.NO_PARTNER in set(tl["partner"]) else [])
x0, x1 = pd.Timestamp(span[0]), pd.Timestamp(span[1])
days_per_char = (x1 - x0).days / 110  # about 110 label characters fit across the axis at this size
tl = tl.assign(start=pd.to_datetime(tl["start"]), end=pd.to_datetime(tl["end"]) + pd.Timedelta(days=1))
tl["text"] = tl["date"] + "  " + tl["actors"]
tl["right"] = tl["start"] > x0 + (x1 - x0) * 0.55  # labels in the right part end at their mark
tl["from"] = [(s - x0).days - (len(t) * days_per_char if r else 0) for s, t, r in zip(tl["start"], tl["text"], tl["right"], strict=True)]
tl["level"] = 0
for lane in lanes:
    rows = tl.index[tl["partner"] == lane]
    tl.loc[rows, "level"] = ts.stack_labels(tl.loc[rows, "from"].tolist(), [len(t) * days_per_char for t in tl.loc[rows, "text"]], gap=20)
levels = tl.groupby("partner")["level"].max().reindex(lanes).fillna(0)
marker_y = (levels * 0.5 + 1.0).cumsum() - 0.2  # each lane: its label levels above, then its marks
fig, ax = plt.subplots(figsize=(7.2, 1.0 + 0.3 * (levels * 0.5 + 1.0).sum() + 0.12 * len(ctx)))
for i, c in ctx.iterrows():  # context rows above the lanes, from the data file
    a, b = max(pd.Timestamp(c["start"]), x0), min(pd.Timestamp(c["end"]) + pd.Timedelta(days=1), x1)
    y = -0.3 - 0.3 * (len(ctx) - 1 - i)
    ax.barh(y, (b - a).days, left=a, height=0.16, color="#999999")
    right = a > x0 + (x1 - x0) * 0.55
    ax.annotate(c["label"], (a if right else b, y), xytext=(-3 if right else 3, 0), textcoords="offset points",
                ha="right" if right else "left", va="center", fontsize=6, color="#555555")
for r in tl.itertuples():
    y0 = marker_y[r.partner]
    if r.date_precision == "day":
        ax.plot(r.start, y0, "o", ms=4, color="#0f4c81", zorder=3)
    else:
        ax.plot([r.start, r.end], [y0, y0], lw=4, color="#0f4c81", alpha=0.45, solid_capstyle="butt")
    y = y0 - 0.5 - r.level * 0.5
    ax.plot([r.start, r.start], [y0, y], lw=0.5, color="#aaaaaa", zorder=1)
    ax.annotate(r.text, (r.start, y), xytext=(-2 if r.right else 2, 0), textcoords="offset points",
                ha="right" if r.right else "left", va="center", fontsize=6.2,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.4, "alpha": 0.85})
ax.axhline(0, color="#cccccc", lw=0.6)
ax.set_yticks(list(marker_y[lanes]) + ([-0.15 - 0.15 * len(ctx)] if len(ctx) else []),
              lanes + (["context"] if len(ctx) else []))
ax.get_yticklabels()[-1].set_color("#777777" if len(ctx) else "#000000")
ax.set_ylim(marker_y.max() + 0.4, -0.15 - 0.3 * len(ctx))
ax.set_xlim(x0, x1)
ax.xaxis.set_major_locator(mdates.YearLocator())
ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
ax.spines["left"].set_visible(False)
ax.tick_params(axis="y", length=0)
fig.suptitle(f"Meetings by partner: {tl['doc_id'].nunique()} dated stories", x=0.01, ha="left", fontsize=9,
             fontweight="bold")
ax.set_title("dot: day known; bar: month or year only; labels: date, Vietnamese official – partner official",
             fontsize=7, fontweight="normal", color="#555555")
save_figure(fig, "04-meetings-timeline", data=tl.drop(columns=["from", "right"]), directory=FIGURES)

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
# after the meeting. Gaps between marks are gaps in this corpus, not in diplomatic contact.

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
