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
# # 03 · Actors: who appears, how often, in what office, and who met whom
#
# *Officials counted once per article however they are named, placed in the office they held on
# the article's date, and paired with the counterparts they are reported meeting.*
#
# **Question.** Which officials does the press put forward in Vietnam's defence diplomacy, from
# which countries and at which level (heads of state and government, ministers, deputies,
# military commanders)? How does that change over the years? Who is reported meeting whom, who
# hosted, where, and was it online? Which officials does the registry not know yet?
#
# **Input.** A folder of crawled articles (`CORPUS`, by default the five articles in `seeds/`),
# read and annotated by `defcoop.load`; the actor registry (`lib/defcoop/data/actors.csv`,
# `offices.csv`).
# `LANGUAGES` (e.g. `"vi,ru"`, ISO 639-1 codes) keeps only the articles in those languages; empty
# keeps all.
#
# **Figures written.** `03-top-actors` (articles and mentions per official),
# `03-actors-by-year` (mentions by country and by office, per year) and `03-meeting-network`
# (who met whom, weighted by stories), each as PNG, SVG and the CSV behind it.
#
# **Two counts, never mixed.** *Articles*: in how many articles an official appears at least
# once, however often and under however many names. *Mentions*: how many references there are
# in all — full names, short second mentions ("Giang"), title-only references ("the Belarusian
# defence minister"), names in photo captions (a caption repeating the lead's names counts them
# again). Syndicated copies of a story are counted once unless `INCLUDE_COPIES`.

# %% tags=["parameters"]
CORPUS = "../seeds"
FIGURES = "../figures"
LANGUAGES = ""
TOP_N = 15
INCLUDE_COPIES = False

# %%
import networkx as nx
import pandas as pd

import defcoop
from defcoop.analysis import actors as actors_stats
from defcoop.plots import actors_by_year, meeting_network, save_figure, top_actors, use_style

use_style()
pd.set_option("display.max_colwidth", 90)
pd.set_option("display.width", 200)

# %% [markdown]
# **How good are these counts?** Measured on 162 real English pages (the development corpora of
# `benchmarks/devsets`, gold written without reading the annotator): the share of the officials named
# in the pages that the annotator finds (recall) and of those it reports that are right (precision),
# the same for partner countries, and how often a page's date is right when the page states it or a
# reader can infer it. *first_contact* is the annotator before the round of work on real pages,
# *final* after it (`lib/defcoop/data/validity.csv`). Counts of officials are therefore about one in
# ten short, and a tenth of what is counted is wrong. These are English pages; the per-language
# figures (Vietnamese, Russian, French, Spanish, Chinese) are in the README.

# %%
from defcoop.analysis.validity import validity

validity(("officials", "partners", "stated date", "inferred date", "copies", "off-topic"))

# %% [markdown]
# ## What is counted
#
# The denominators first: articles loaded, syndicated copies set aside, and how many articles
# are in English (officials are read in English, Vietnamese, Russian, French, Spanish and Chinese;
# outside English only registered officials named in full or in a language's own name forms are
# found, so an article in another language can contribute fewer actors than its English twin).

# %%
corpus = defcoop.load(CORPUS).in_languages(LANGUAGES)
docs = corpus.docs[["duplicate_of", "language"]]  # (filtering every column would copy the texts)
counted = docs if INCLUDE_COPIES else docs[docs["duplicate_of"] == ""]
pd.DataFrame(
    {
        "articles loaded": [len(corpus.docs)],
        "copies set aside": [len(corpus.docs) - len(counted)],
        "articles counted": [len(counted)],
        "in English": [int((counted["language"] == "en").sum())],
    }
)

# %% [markdown]
# Every actor mention in the counted articles, with the article's date and the office the
# official held on that date. This is the table every count below is made from (it is computed
# once and passed to each function as `mentions=`); a corpus with no articles or no officials
# stops here with a sentence saying so.

# %%
mentions = actors_stats.actor_mentions(corpus, include_copies=INCLUDE_COPIES)
print(
    f"{len(mentions)} mentions of {mentions['actor_id'].nunique()} officials "
    f"({(~mentions.drop_duplicates('actor_id')['registered']).sum()} not in the registry) "
    f"in {mentions['doc_id'].nunique()} of {len(counted)} articles"
)
mentions[["doc_id", "date", "actor", "office", "how", "surface", "start", "end"]].head(TOP_N)

# %% [markdown]
# ## Who appears
#
# One row per official, ranked by the number of articles that name them, then by mentions.
# `registered` is False for officials found only through a title (listed for review below).

# %%
by_actor = actors_stats.actor_frequencies(corpus, by="actor", include_copies=INCLUDE_COPIES, mentions=mentions)
by_actor.head(TOP_N)

# %%
fig, table = top_actors(by_actor, mentions=mentions, top_n=TOP_N, include_copies=INCLUDE_COPIES)
save_figure(
    fig,
    "03-top-actors",
    data=table,
    caption=f"The {len(table)} officials named in most articles: articles naming each (left) and all "
    "references to them (right), Vietnamese and foreign officials in two colours.",
    denominators=f"{len(table)} of {len(by_actor):,} officials; {mentions['doc_id'].nunique():,} articles "
    f"with officials of {len(counted):,} counted; {len(mentions):,} mentions",
    directory=FIGURES,
)

# %% [markdown]
# ### What this shows
#
# Left, in how many articles each official appears; right, how many times they are referred
# to (Vietnamese officials in vermilion, foreign ones in blue, an official of no known country in
# grey). The figure draws the `TOP_N` officials named in most articles; the note under it says how
# many more there are (on a corpus of hundreds of articles, most officials are named once or
# twice and are not drawn; the table above has them all). The two rankings differ because an article's host is named again and again (Lương Cường
# seven times in one article) while a counterpart mentioned in passing is named once (Ngô Xuân
# Lịch in the 2018 Ravkov article). Read the left panel for "who is in the news", the right for
# "who the articles are about". On the seeds: Phan Văn Giang and Viktor Khrenin each appear in 2
# of the 5 articles (both about Khrenin's December 2024 visit); everyone else in one. Five
# articles say nothing about who matters most in Vietnam's defence diplomacy — these are counts
# of a sample, not a ranking of influence. Mentions depend on the resolver: title-only
# references ("the minister" without a country) that it cannot attach to a person are not
# counted, so mentions are a lower bound.

# %% [markdown]
# ## One person, many names
#
# The same official is written in many ways (given-first, family-first with patronymic,
# initials, without diacritics, a short second mention, a title). Each resolves to one registry
# id; this table shows the forms found for the top officials, so an analyst can check that the
# merging is right.

# %%
forms = actors_stats.actor_surface_forms(corpus, include_copies=INCLUDE_COPIES, mentions=mentions)
forms[forms["actor_id"].isin(by_actor["actor_id"].head(5))].head(3 * TOP_N)

# %% [markdown]
# ## By country, office and level
#
# The same two counts per group. An article counts once for a country however many of its
# officials it names. The office is the one the registry says the official held **on the
# article's date**; the level groups offices (head of state/government, deputy head of
# government, minister, deputy minister, military command, diplomat).

# %%
actors_stats.actor_frequencies(corpus, by="country", include_copies=INCLUDE_COPIES, mentions=mentions).head(TOP_N)

# %%
actors_stats.actor_frequencies(corpus, by="office", include_copies=INCLUDE_COPIES, mentions=mentions).head(TOP_N)

# %%
actors_stats.actor_frequencies(corpus, by="level", include_copies=INCLUDE_COPIES, mentions=mentions).head(TOP_N)

# %% [markdown]
# ## Over the years
#
# Mentions per year, by country and by office, in one figure; while the cells are few each gives
# mentions and, in brackets, articles. Every year of the span is shown, so a year without
# articles is visibly empty rather than missing. Undated articles have a column of their own in
# the country panel; in the office panel they cannot have one, since the office an official
# held is looked up by the article's date.

# %%
by_year = pd.concat(
    [
        actors_stats.actor_frequencies(corpus, by=["year", dim], include_copies=INCLUDE_COPIES, mentions=mentions)
        .rename(columns={dim: "group"})
        .assign(dimension=dim)[["dimension", "group", "year", "articles", "mentions", "actors"]]
        for dim in ("country", "office")
    ],
    ignore_index=True,
)
by_year.head(2 * TOP_N)

# %%
fig, table = actors_by_year(by_year, mentions=mentions, top_n=TOP_N)
undated_mentions = int((mentions["year"] == "undated").sum())
save_figure(
    fig,
    "03-actors-by-year",
    data=table,
    caption="Mentions of officials per year by country (top) and by the office held on the article's date "
    "(bottom), coloured on a log scale; the office panel counts dated articles only.",
    denominators=f"{len(mentions):,} mentions in {mentions['doc_id'].nunique():,} articles; "
    f"{undated_mentions:,} of them in undated articles (country panel only)",
    directory=FIGURES,
)

# %% [markdown]
# ### What this shows
#
# For each year, how often officials of each country (top) and of each office (bottom) are
# mentioned. The colour is on a **log scale** (1, 10, 100 mentions are evenly spaced; a blank cell
# has none): on a real corpus one cell, the Vietnamese officials of the undated articles, has
# hundreds of mentions, and on a linear scale every other cell would be near-white. While the
# cells are few (the seeds) each gives mentions and, in brackets, articles; past `MAX_CELL_LABELS`
# cells (120) colour bars read the cells and the numbers stay in the CSV. Each panel shows the
# `TOP_N` countries or offices with most mentions, and its title says how many more the CSV has.
#
# The office panel counts **dated articles only**: the office is the one the registry says the
# official held on the article's date, so an undated article cannot place it. Its `undated`
# column is hatched, and the note under the figure says how many mentions that leaves out (on a
# corpus of crawled pages, where many pages carry no date, it is a large share: read the office
# panel as a picture of the dated articles). Rows that are not a country or an office are written
# as what they are, in grey, after the others: `(country not known)` for officials whose
# nationality is not recorded, `(no office on record for the date)` for registered officials with
# no term covering it, `(unregistered: title names no office)` for officials outside the registry
# titled by rank or post.
#
# On the seeds there are articles in only three years (2018, 2020, 2024) and one or two per year,
# so the grid is a map of the sample, not a trend: the blank years 2019, 2021–2023 mean "no seed
# article", not "no diplomacy". The same person can move rows between years (a deputy minister
# who became minister). Mentions favour long articles and hosts; compare with the article counts
# before reading a colour as importance.

# %% [markdown]
# ## Who met whom
#
# A Vietnamese official and a foreign official are paired when an article names both. The
# stronger evidence is a *meeting sentence*: both named in one sentence with a meeting cue (held
# talks with, received, met, hosted, a reception for, an online discussion with — the cue table
# is `actors_stats.MEETING_CUES`). Pairs named in the same article without such a sentence are
# listed as `same article` and left out of the network. Host and guest come from the cue ("X
# received Y": X hosts) or else from the place (a meeting in Hanoi is hosted by the Vietnamese
# side). `place_source` says where the place was read: the meeting sentence, the dateline, or
# the only capital named in the article.

# %%
pairs = actors_stats.meeting_pairs(corpus, evidence="article", include_copies=INCLUDE_COPIES)
pairs[
    ["doc_id", "date", "vn_actor", "foreign_actor", "evidence", "cue", "host", "place", "place_source", "online"]
].head(2 * TOP_N)

# %% [markdown]
# The meeting sentence behind each pair, with its offsets into the article's text:

# %%
met = pairs[pairs["evidence"] == "meeting sentence"]
met[["doc_id", "sent_no", "start", "end", "sentence"]].head(2 * TOP_N)

# %% [markdown]
# One row per pair of officials: the edge weight is the number of distinct **stories** that
# report them meeting (a syndicated copy adds nothing); `meeting_dates` counts distinct article
# dates, so two stories about one visit are visible as one occasion.

# %%
edges = actors_stats.meeting_edges(met)
edges.drop(columns=["vn_actor_id", "foreign_actor_id"]).head(TOP_N)

# %%
drawn, cut = actors_stats.strongest_edges(edges, max_nodes=2 * TOP_N, max_edges=2 * TOP_N)
graph = actors_stats.meeting_graph(drawn)
pos = actors_stats.meeting_layout(graph)
fig, table = meeting_network(edges, graph, pos, pairs=met, cut=cut)
save_figure(
    fig,
    "03-meeting-network",
    data=table,
    caption="Who met whom: Vietnamese officials (left) and foreign officials (right) named together in a "
    "meeting sentence, one line per pair as wide as the stories reporting it; "
    + ("the pairs with most stories only." if cut else "every pair."),
    denominators=f"{graph.number_of_edges():,} of {len(edges):,} pairs drawn, among {graph.number_of_nodes():,} "
    f"officials; {met['story_id'].nunique():,} stories with a meeting sentence",
    directory=FIGURES,
)

# %% [markdown]
# ### What this shows
#
# Each line joins a Vietnamese official (left, vermilion) and a foreign official (right, blue)
# named together in a meeting sentence; its thickness gives the number of distinct stories
# reporting the meeting, written on lines of two stories or more (a line without a number is one
# story), each count placed along its line where it covers no other label. A dot's area grows
# with the stories of the official's meetings drawn. Offices are those held at the latest meeting;
# where none can be placed the label says why (`office not placed: article undated`, `no office on
# record for the date`). On the seeds: six pairs in five stories. Phan Văn Giang – Viktor Khrenin
# carries 2 because two stories report their December 2024 talks in Hanoi (one directly, one in
# President Lương Cường's reception of Khrenin), but it is one occasion (`meeting_dates` = 1). The
# Nguyễn Chí Vịnh – Alexander Fomin discussion of July 2020 was online (dashed). Sergei Shoigu is
# named in that article only as an expected future visitor, so he is a `same article` pair and
# not a line. Hosts come from the verb or the place: every seed meeting with a known place was in
# Hanoi and hosted by the Vietnamese side. Five articles cannot show a pattern of who meets whom;
# on a larger corpus read line weights as press attention to a relationship, not as the number of
# meetings.
#
# A network of hundreds of officials cannot be drawn legibly, so above `2 * TOP_N` officials or
# pairs the figure keeps the pairs with most stories while their officials fit in `2 * TOP_N`; its
# subtitle says how many pairs and officials that leaves out (on 10,000 generated articles, over
# 1,800 pairs among some 600 officials), and the table above and the CSV keep every pair. There a
# dashed line means that at least one of its stories reports an online meeting, not that they all
# do.

# %% [markdown]
# ## Officials the registry does not know
#
# Officials introduced by a title (Ambassador, Colonel, Director …) whose names are not in the
# registry, with the title as written and the sentence where they first appear. They are counted
# above with `registered` False; adding them to `lib/defcoop/data/actors.csv` and
# `offices.csv` gives them an office and merges their name variants.

# %%
unregistered = actors_stats.unregistered_actors(corpus, include_copies=INCLUDE_COPIES, mentions=mentions)
print(f"{len(unregistered)} unregistered officials in {len(counted)} articles")
unregistered.head(TOP_N)

# %% [markdown]
# ## Evidence: keyword in context
#
# Every mention of the top five officials within its sentence (on a large corpus, the first
# `3 * TOP_N` of each, by article and offset), with `doc_id` and character offsets into the
# article's text (`text[start:end]` is the match), so each count above can be checked against
# the articles.

# %%
top5 = by_actor.head(5)
kwic = actors_stats.actor_kwic(
    corpus, actor_ids=list(top5["actor_id"]), include_copies=INCLUDE_COPIES, mentions=mentions, per_actor=3 * TOP_N
)
if top5["mentions"].sum() > len(kwic):
    print(f"{top5['mentions'].sum():,} mentions of these five officials; the first {3 * TOP_N} of each are kept")
kwic[["actor", "doc_id", "sent_no", "start", "end", "how", "left", "match", "right"]].head(3 * TOP_N)

# %% [markdown]
# ## Conclusions
#
# * Officials are counted two ways — articles and mentions — and the two rankings differ:
#   hosts are mentioned many times per article, counterparts sometimes once.
# * Name variants (family-first with patronymic, initials, short mentions, title-only
#   references) merge into one registry id; a photo credit ("VNA/VNS Photo Lâm Khánh") is never
#   an actor.
# * Offices are those held on each article's date, so counts by office and level do not drift
#   with later careers.
# * Meeting pairs rest on meeting sentences, each traceable to its offsets; host, place and
#   online status are given only when the text says so.
# * On the seeds (five articles, three years) these are counts of a sample: nothing here is a
#   trend or a ranking of importance.
#
# Versions of the main packages, for the record:

# %%
import matplotlib

print(
    f"defcoop {defcoop.__version__}, pandas {pd.__version__}, matplotlib {matplotlib.__version__}, "
    f"networkx {nx.__version__}"
)
