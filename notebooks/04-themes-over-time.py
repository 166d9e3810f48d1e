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

# %% tags=["parameters"]
CORPUS = "../seeds"
FIGURES = "../figures"
PERIOD = "auto"  # "auto", "month", "quarter" or "year"
MIN_PER_PERIOD = 3.0  # "auto" takes the finest period with at least this many stories per period on average
INCLUDE_COPIES = False  # True counts every syndicated copy as a story of its own
ON_TOPIC_ONLY = True  # False also counts articles the annotator judged off topic
LOW_N = 3  # shares over fewer stories than this are drawn hollow
TOP_N = 20

# %%
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
ctx = context[context["drawn"]].reset_index(drop=True)
labels = {t: th.label for t, th in codebook().themes.items()}
themes = list(dict.fromkeys(shares["theme"]))
ncols, nrows = 3, -(-len(themes) // 3)
fig = plt.figure(figsize=(7.2, 2.1 + 0.12 * len(ctx) + 1.05 * nrows))
grid = fig.add_gridspec(nrows + 2, ncols, height_ratios=[0.3 + 0.2 * len(ctx), 1.0] + [1.0] * nrows)
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
ax_ctx.tick_params(labelbottom=False)
ax_ctx.grid(False)
ax_n.bar(bins["start"], bins["stories"], width=(bins["end"] - bins["start"]).dt.days * 0.9, align="edge",
         color="#0f4c81")
for r in bins.itertuples():
    ax_n.annotate(f"n={r.stories}", (r.mid, r.stories), xytext=(0, 2), textcoords="offset points",
                  ha="center", va="bottom", fontsize=6.5, color="#000000" if r.stories else "#999999")
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
    ax.set_title(labels[t], fontsize=7, fontweight="bold")
    ax.tick_params(labelbottom=j >= len(themes) - ncols, labelsize=6.5)
ax_ctx.set_xlim(bins["start"].min(), bins["end"].max())
ax_ctx.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
ax_ctx.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax_ctx.xaxis.get_major_locator()))
fig.legend(handles=[
    Line2D([], [], marker="o", ls="", color="#0f4c81", label=f"share, {LOW_N}+ stories"),
    Line2D([], [], marker="o", ls="", markerfacecolor="white", color="#0f4c81", label=f"share, fewer than {LOW_N}"),
    Line2D([], [], color="#9db7d5", lw=1.6, label="95% interval (Wilson)"),
    Patch(color="#eeeeee", label="no stories in the period"),
], loc="outside lower center", ncols=4, fontsize=6.5)
fig.suptitle(f"Share of stories carrying each theme, per {period} ({len(placed[placed['status'] == 'placed'])} "
             f"stories placed; labels: stories with the theme / stories)", x=0.01, ha="left", fontsize=8.5,
             fontweight="bold")
save_figure(fig, "04-theme-shares", data=shares, directory=FIGURES)
