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
# # 02 · Topic clusters: what the meetings were about
#
# *Clusters of passages by the words they use, with the names of who was there taken out.*
#
# **Question.** Which subjects recur in the coverage — training, arms, history, trade, the
# sea…? How large is each, which passages carry it, how does it line up with the hand-written
# theme codebook, with partner countries and with years, and how much of it would survive a
# refit on slightly different data?
#
# **Input.** A folder of crawled articles (`CORPUS`, by default the five articles in `seeds/`).
# Syndicated copies (`duplicate_of`) are counted once.
# `LANGUAGES` (e.g. `"vi,ru"`, ISO 639-1 codes) keeps only the articles in those languages; empty
# keeps all.
#
# **Figures written.** `02-topic-terms` (top terms per topic, both models), `02-topic-map`
# (a 2-D map of the passages coloured by topic), `02-topic-partners` and `02-topic-years`
# (topic × partner country and topic × year heatmaps), each as PNG, SVG and the CSV behind it.

# %% tags=["parameters"]
CORPUS = "../seeds"
FIGURES = "../figures"
LANGUAGES = ""
UNIT = "auto"
RANDOM_STATE = 0
K_RANGE = [2, 8]
MIN_TOPIC_UNITS = 3
TOP_TERMS = 8
N_QUOTES = 3
TOP_N = 20
TOP_PARTNERS = 12

# %%
import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

import defcoop
from defcoop import head
from defcoop.analysis import topics
from defcoop.plots import (
    save_figure,
    topic_map_figure,
    topic_partners_figure,
    topic_terms_figure,
    topic_years_figure,
    use_style,
)

use_style()
pd.set_option("display.max_colwidth", 110)
pd.set_option("display.width", 180)
pd.set_option("display.precision", 3)

# %% [markdown]
# ## The unit of analysis
#
# Topic models need many units. A corpus of hundreds of articles can be clustered article by
# article; five articles cannot (two to eight clusters of five articles is no clustering at
# all). So with `UNIT = "auto"` the notebook clusters **paragraphs** below
# `topics.AUTO_ARTICLE_MIN` stories and **articles** above, and prints why. Syndicated copies
# count once; a corpus of a single story stops here with a message instead of a model.
#
# Topics are fitted on the stories of one language, since the term vectors of two languages
# share almost no words and would split by language before by topic: English by default, or the
# one language `LANGUAGES` names (its topic terms then keep the English stopword list only).

# %%
corpus = defcoop.load(CORPUS).in_languages(LANGUAGES)
TOPIC_LANGUAGE = corpus.languages[0] if len(corpus.languages) == 1 else "en"
unit, why = topics.choose_unit(corpus, unit=UNIT, language=TOPIC_LANGUAGE)
print(corpus)
print(f"stories in {TOPIC_LANGUAGE!r} are clustered")
print(why)

# %% [markdown]
# ## The passages
#
# One row per passage (headline excluded), with the offsets of its first and last sentence
# into the article's text, and the metadata the later tables use: partner countries, year and
# the codebook themes with evidence in its sentences.

# %%
passages = topics.units(corpus, unit=unit, language=TOPIC_LANGUAGE)
print(
    f"{len(passages)} {unit}s from {passages['doc_id'].nunique()} stories; "
    f"words per {unit}: median {passages['n_words'].median():.0f}, "
    f"range {passages['n_words'].min()}–{passages['n_words'].max()}"
)
passages[["unit_id", "sent_from", "sent_to", "start", "end", "n_words", "year", "partners", "text"]].head(TOP_N)

# %% [markdown]
# ## Vectorising
#
# TF-IDF over words and two-word phrases, computed once and kept sparse. So that clusters are
# about what was discussed, not who was there, these words are left out: scikit-learn's English
# list; the news furniture of `lib/defcoop/data/topic_stopwords.txt` (reporting verbs,
# diplomatic courtesy, titles and ranks, calendar words, wire credits, and the corpus's own
# subject — *defence*, *military*); every word of the names of countries, demonyms, capitals and
# registered officials (the registries); the words that say who met (`counterpart_words` of the
# annotation rules: *delegation*, *government*, *staff*); and the names of this corpus
# (`topics.name_words`): every word of its person and country mentions, registered or not, and
# every word it always writes capitalised inside a sentence (*Cam Ranh*, *Shangri-La*, the
# officials no registry holds), except the capitalised words the annotation rules and the theme
# codebook know are not names. A phrase is two adjacent words: a left-out word between two words
# breaks it (no *forces morning* from "Armed Forces this morning"), and *visit visit* is no
# phrase. Words in more than half of the passages are dropped as well.

# %%
names = topics.name_words(passages, mentions=corpus.mentions, random_state=RANDOM_STATE)
vectors = topics.vectorise(passages, random_state=RANDOM_STATE, names=names)
stop_sources = pd.DataFrame(
    {
        "list": [
            "scikit-learn English",
            "news furniture (topic_stopwords.txt)",
            "names (registries)",
            "who met (counterpart_words)",
            "names of this corpus (name_words)",
            "all, as used",
        ],
        "words": [
            len(topics.ENGLISH_STOP_WORDS),
            len(topics.furniture_stopwords()),
            len(topics.entity_stopwords()),
            len(topics.counterpart_stopwords()),
            len(names),
            len(set(topics.stop_words()) | set(names)),
        ],
    }
)
print(vectors)
stop_sources

# %% [markdown]
# ## How many topics
#
# Every k in `K_RANGE` is fitted with both models and scored: the mean cosine **silhouette**
# of the passages' topics (how much closer a passage is to its own topic than to the next; the
# criterion) and the UMass **coherence** of each topic's top ten terms (how often they occur
# together; shown for reference). A k is eligible only if every topic of both models holds at
# least `MIN_TOPIC_UNITS` passages; among those, the highest silhouette averaged over the two
# models wins, ties going to the smaller k. Above `topics.MODEL_SAMPLE` passages (2,000) the
# fourteen fits of this step run on a seeded sample of that many passages, and a line says so;
# the two models below are then fitted on every passage.

# %%
scores = topics.select_k(vectors, k_range=K_RANGE, random_state=RANDOM_STATE)
k, k_reason = topics.choose_k(scores, min_topic_units=MIN_TOPIC_UNITS)
if scores["passages"].max() < len(passages):
    print(f"k chosen on a seeded sample of {scores['passages'].max():,} of the {len(passages):,} {unit}s.")
print(k_reason)
scores.pivot(index="k", columns="model", values=["silhouette", "coherence", "smallest"]).round(3)

# %% [markdown]
# ## Two models side by side
#
# **NMF** (non-negative matrix factorisation, deterministic `nndsvd` start, iterations capped)
# gives each passage a weight on every topic; its topic is the largest. **k-means** (on the
# unit-length TF-IDF rows) puts each passage in exactly one cluster. Topics are numbered by
# size; the label is made of the top terms.

# %%
nmf = topics.fit_topics(vectors, k=k, model="nmf", random_state=RANDOM_STATE)
km = topics.fit_topics(vectors, k=k, model="kmeans", random_state=RANDOM_STATE)
print(nmf)
print(km)
summary = pd.concat([topics.topic_summary(m, passages, top_n=TOP_TERMS) for m in (nmf, km)], ignore_index=True)
summary.round(3)

# %% [markdown]
# How far the two models agree, passage by passage (rows: NMF topics, columns: k-means
# clusters; the adjusted Rand index is 1 for identical partitions and about 0 for chance).

# %%
print(f"adjusted Rand index, NMF vs k-means: {adjusted_rand_score(nmf.labels, km.labels):.3f}")
pd.crosstab(pd.Series(nmf.labels, name="NMF topic"), pd.Series(km.labels, name="k-means cluster"))

# %% [markdown]
# ## How well each topic reads
#
# Silhouette says how well the passages are separated, not whether a topic means anything. Two
# measures per topic, over the passages the models were fitted on (`topics.topic_quality`):
# **NPMI**, the mean normalised pointwise mutual information of the pairs of its ten top terms
# (1: they always occur together; 0: no more than chance; -1: never in one passage), the
# coherence measure closest to human judgements of topics; and **focus**, the share of the
# topic's term profile in those ten terms. A topic is flagged as **junk** when it holds at least
# twice its even share of the passages (2/k) and its focus is less than half the median of its
# model's other topics: a large cluster of generic, low-weight terms, where a model puts the
# passages it cannot place. A junk topic is listed here, drawn in grey in the figures and named
# "(junk)" in their labels; read its passages as unclustered, not as a subject.

# %%
quality = pd.concat([topics.topic_quality(m, vectors) for m in (nmf, km)], ignore_index=True)
junk = {m: set(quality.loc[(quality["model"] == m) & quality["junk"], "topic"]) for m in ("nmf", "kmeans")}
for r in quality[quality["junk"]].itertuples():
    print(f"junk: {r.model} topic {r.topic} ({r.label}): {r.why}")
if not quality["junk"].any():
    print("no junk topic")
quality.drop(columns="why").round(3)

# %% [markdown]
# ## Top terms per topic

# %%
fig, terms = topic_terms_figure([nmf, km], unit=unit, top_n=TOP_TERMS, vectors=vectors)
save_figure(
    fig,
    "02-topic-terms",
    data=terms,
    directory=FIGURES,
    caption=(
        f"The {TOP_TERMS} top terms of each of the {k} topics of NMF and k-means, each word shown once, bars as long "
        f"as the term's weight; each panel gives its topic's passages and NPMI coherence, junk topics in grey."
    ),
    denominators=(
        f"{len(passages):,} {unit}s of {passages['doc_id'].nunique():,} stories; "
        f"{vectors.X.shape[1]:,} terms; junk topics: {int(quality['junk'].sum())}"
    ),
)

# %% [markdown]
# ### What this shows
#
# Each panel is one topic: its top terms, each word once (a phrase that carries most of its
# words' weight stands for them: *free trade*, not *free*, *trade* and *free trade*), written
# over a bar as long as its weight; the title gives the topic's passages and its NPMI. Names of
# people, places and outlets are out of the vocabulary (see *Vectorising*), so no topic is a
# guest list; the same rule drops subject words that a corpus only ever writes inside a
# capitalised name (on the seeds *conduct*, *tropical*, *patriotic*, *victory*, from *Code of
# Conduct*, *Tropical Center*, *Great Patriotic War*). A grey panel marked *junk* is a large cluster of generic terms (see *How well each
# topic reads*): its passages are the ones the model could not place. Read a topic from its
# terms, then against the quoted passages below; a label summarises terms, it does not
# interpret them. Colours only separate topics within a model: NMF topic 2 and k-means cluster
# 2 are the same subject only if their terms agree (the cross-table above says which do).
#
# On the seeds (46 paragraphs, k = 6) no topic is junk: NMF finds an anniversary and ASEAN
# (11 paragraphs, ten of them from the one 2020 article), security, training and exchanges (9),
# international law and the region (8), party courtesy and wartime assistance (6), visits and
# the defence expo (5) and free trade (4); three paragraphs keep no weight on any topic. NPMI
# runs from -0.53 to +0.49: with 46 short paragraphs most pairs of top terms share no
# paragraph, so read NPMI to compare topics, not as a grade. On the real corpus (961 paragraphs
# of 222 articles, k = 7) k-means puts 557 paragraphs into one junk cluster (focus 0.14 against
# a median of 0.71); NMF's topics are more even, its largest (signing, training and memoranda
# of understanding, 240 paragraphs) the most coherent (+0.19). The verbs and logistics of
# any report (*took place*, *led*, *paid*, *day*, *including*) were topic terms on that corpus
# and at 100,000 articles; they are now in `data/topic_stopwords.txt`, since no statistic of
# 222 articles told them apart from subject words. On 10,000 generated articles
# (articles clustered, k = 8) the subjects come out cleanly (medicine, research, peacekeeping,
# arms industry, crime, training, collective security; NPMI +0.12 to +0.33) and both models
# flag the same large cluster of mixed articles (*war · south · asean*) as junk.

# %% [markdown]
# ## Representative passages
#
# The passages with the largest weight in each NMF topic, quoted by their most topical
# sentence, with the article, the sentence number and its character offsets into the article
# text, so that each can be checked in the source.

# %%
quotes = topics.representatives(nmf, passages, sentences=corpus.sentences, n=N_QUOTES)
quotes[["topic", "label", "rank", "doc_id", "sent_no", "start", "end", "weight", "quote"]].round(3).head(3 * TOP_N)

# %% [markdown]
# The same for k-means clusters (closest passages to each centroid).

# %%
km_quotes = topics.representatives(km, passages, sentences=corpus.sentences, n=N_QUOTES)
km_quotes[["topic", "label", "rank", "doc_id", "sent_no", "start", "end", "weight", "quote"]].round(3).head(3 * TOP_N)

# %% [markdown]
# ## Topics against the theme codebook
#
# For each NMF topic, the codebook themes its passages carry (a passage carries a theme when
# one of its sentences is evidence for it; notebook 01 and `themes.yml` give the rules). `share`
# is the share of the topic's passages with the theme; `lift` compares it with the share among
# all passages (above 1: the theme is concentrated in this topic). Where a topic has no theme
# with a clear lift, the clustering found something the codebook does not name — or noise.

# %%
overlap = topics.theme_overlap(nmf, passages)
head(overlap[overlap["passages"] >= 2][["topic", "label", "theme", "passages", "share", "lift"]].round(3), 3 * TOP_N)

# %% [markdown]
# ## Stability
#
# A topic worth reporting should come back when the model is refitted. Each model is refitted
# under four other seeds, three shuffled orders of the passages and three random 90 %
# subsamples; for each refit the table gives the adjusted Rand index of the passages' topics
# against the reference fit, and how many reference topics found a match with a term-profile
# cosine of at least 0.8 in every refit of that kind. NMF with the `nndsvd` start barely
# depends on the seed, so the subsamples are the real test. Above `topics.MODEL_SAMPLE`
# passages every refit works on a seeded sample of that many (the seed and order refits on one
# sample, the subsamples drawn from it) and is compared with the reference on those passages: a
# topic then survives only if it comes back from a corpus of that size, a stricter test than
# refitting on everything.

# %%
stab = pd.concat([topics.stability(vectors, m) for m in (nmf, km)], ignore_index=True)
stab_summary = topics.stability_summary(stab)
if stab["passages"].max() < len(passages):
    print(f"each refit on a seeded sample of {stab['passages'].max():,} of the {len(passages):,} {unit}s")
for r in stab_summary[stab_summary["kind"] == "all"].itertuples():
    print(
        f"{r.model}: mean ARI {r.ari_mean:.2f} (lowest {r.ari_min:.2f}) over {r.runs} refits; "
        f"{r.surviving} of {r.topics} topics survive every refit"
    )
stab_summary.round(3)

# %% [markdown]
# ### What this shows
#
# How much of the clustering is structure and how much is the luck of one fit. An ARI near 1
# and every topic surviving means the partition is a property of the data; an ARI of 0.5 means
# that many of the pairwise decisions would change on a slightly different corpus. On the seeds
# (46 paragraphs, k = 6), NMF does not depend on the seed or the order (mean ARI 1.00 for
# both) but does depend on the data: refitted on 90 % of the paragraphs, its mean ARI is 0.72
# (lowest 0.67) and only 2 of its 6 topics come back in every refit. k-means is unstable even
# under the seed alone (mean ARI 0.13 over seeds, 0.18 over all refits; 1 of 6 clusters
# survives). **Five articles
# are too few for stable topics**: read the topics above as a description of these five
# articles, not of the coverage, and rerun on a larger corpus before quoting any of them. The
# printed lines above give the numbers for whatever corpus the notebook was run on; on a large
# corpus they are refits on a sample (see above), so a low ARI there says the topics do not come
# back from that many articles, which is worth knowing before quoting a small topic.

# %% [markdown]
# ## A map of the passages
#
# Each passage placed by the first two components of a truncated SVD of its TF-IDF row (fixed
# seed; deterministic), coloured by its topic in each model. Passages close together use
# similar words; the map is a projection, so topics that overlap here may still be separated in
# the full space.

# %%
fig, maps = topic_map_figure(vectors, [nmf, km], unit=unit, random_state=RANDOM_STATE)
drawn = maps["unit_id"].nunique()
save_figure(
    fig,
    "02-topic-map",
    data=maps,
    directory=FIGURES,
    caption=(
        f"The {unit}s placed by the first two components of a truncated SVD of their TF-IDF, coloured by their "
        "NMF topic (left) and k-means cluster (right); hollow grey: no topic, filled grey: junk topics."
    ),
    denominators=f"{drawn:,} of {len(passages):,} {unit}s drawn; k = {k}",
)

# %% [markdown]
# ### What this shows
#
# Where the topics sit relative to one another. A topic whose points gather apart from the rest
# is lexically distinct; one spread across the map is held together by a few shared words. The
# axes are the directions of largest variation in word use and carry no meaning of their own.
# Passages with no topic are hollow grey circles; a junk topic is filled grey and named so in
# the legend. Above 5,000 passages a seeded sample of 5,000 is drawn (the title says so) and
# points shrink as they get more numerous. On the seeds the visit-and-expo paragraphs stand
# apart at the right and the rest crowd near the origin: with 46 short passages of 78 terms,
# most paragraphs share only a few words with any other, which is why the two models disagree
# on them. On the generated corpus the junk cluster sits in the middle of the cloud, as a
# cluster of everything else does.

# %% [markdown]
# ## Topics by partner country and by year
#
# Passages per NMF topic and partner country of their article (an article with two partners
# counts for both), and per topic and year of publication. These are counts of passages, not
# of articles: one long article on one visit can fill a cell on its own, and the `articles`
# column of the CSV says how many stories stand behind each cell. Each cell shows its count up
# to `MAX_CELL_LABELS` cells (120); a larger grid is read by its colour bar, with the counts in
# the CSV.

# %%
by_partner = topics.topic_crosstab(nmf, passages, by="partner", top=TOP_PARTNERS)
head(by_partner[by_partner["passages"] > 0], TOP_N)

# %%
fig, by_partner = topic_partners_figure(nmf, passages, unit=unit, top=TOP_PARTNERS, junk=junk["nmf"])
n_partners = len({p for ps in passages["partners"] for p in ps})
save_figure(
    fig,
    "02-topic-partners",
    data=by_partner,
    directory=FIGURES,
    caption=(
        f"Passages per NMF topic and partner country of their article, for the {min(TOP_PARTNERS, n_partners)} "
        "partners with the most passages"
        + (", the others in one column" if n_partners > TOP_PARTNERS else "")
        + "; colour: the topic's share of the column."
    ),
    denominators=(
        f"{len(passages):,} {unit}s; {n_partners} partner countries; a passage counts once per partner of its article"
        + (" and once in the column of the other partners" if n_partners > TOP_PARTNERS else "")
    ),
)

# %% [markdown]
# ### What this shows
#
# Which subjects come with which partner. The `TOP_PARTNERS` partners with the most passages
# have a column each, most first; the others share one column (*K more partners*, counting a
# passage once however many of them its article names), then articles with no partner. Each
# column label gives the column's passages. A cell's colour is the topic's share of the
# column's passages (the topic mix of that partner), so that a partner with a hundred passages
# does not wash out one with thirty; its text is the count (a passage of an article with two
# partners counts in both columns). On the seeds there are two partners: four of the five
# stories are about Belarus, and the one Russia story (2020, during the pandemic) owns the
# anniversary and ASEAN topic (10 of its 11 paragraphs). On the real corpus (53 partners) 12 columns are named and 41
# partners share the thirteenth; read the `articles` column of the CSV before comparing
# partners, since one long article can fill a cell. Nothing here is a comparison of partners
# on five articles.

# %%
fig, by_year = topic_years_figure(nmf, passages, unit=unit, junk=junk["nmf"])
save_figure(
    fig,
    "02-topic-years",
    data=by_year,
    directory=FIGURES,
    caption=(
        "Passages per NMF topic and year of publication of their article, undated articles last; colour: the "
        "topic's share of the year's passages, text: the count."
    ),
    denominators=(
        f"{len(passages):,} {unit}s; {int((passages['year'] == 'undated').sum()):,} of them undated; "
        f"{passages['year'].nunique()} columns"
    ),
)

# %% [markdown]
# ### What this shows
#
# The same passages by year, undated articles last. A cell's colour is the topic's share of
# the year's passages and its text the count, so the undated column (359 of the 961 paragraphs
# of the real corpus) no longer sets the colour scale; each column label gives the year's
# passages, which say how much a share rests on. Each year of the seeds is one or two articles
# (2018: two, 2020: one, 2024: two on the same visit), so a column is the content of those
# articles, not the state of the relationship that year. **Five articles do not make a
# trend.** Past 30 years, every n-th year is labelled; past about 20 columns the cells are too
# narrow for their counts and the colour bar reads them (the counts are in the CSV).

# %% [markdown]
# ## Conclusions
#
# * On small corpora the notebook clusters paragraphs and says why; on `AUTO_ARTICLE_MIN`
#   stories or more it clusters articles. Syndicated copies are counted once. A corpus of one
#   story stops at the first cell with a message, and no model.
# * The number of topics is chosen by the silhouette criterion printed above, not fixed; the
#   NMF and k-means partitions are compared passage by passage and each topic is quoted.
# * Topics are read from distinct terms with the names of people, places and outlets left out,
#   and scored per topic by NPMI coherence; a large cluster of generic terms is reported as
#   junk (in the table, the figures and their labels) rather than read as a subject. On the real
#   corpus k-means leaves half the paragraphs in such a cluster, NMF none.
# * On the seeds the topics read sensibly but are **not stable**: the stability section gives
#   the adjusted Rand indices and how many topics survive refits. Treat them as a map of five
#   articles.
# * Scale: on a generated corpus of 100,000 articles (93,045 stories, clustered as articles)
#   this notebook ran in about two minutes on a 2-core machine. Most of it is vectorising: the
#   vocabulary and IDF are learnt on a seeded sample of 20,000 articles and the others are
#   transformed, in two processes. Choosing k and the stability refits work on seeded samples
#   of `topics.MODEL_SAMPLE` (2,000) articles, with the mini-batch estimators the final models
#   use; the two final models are fitted on every article (MiniBatchNMF and MiniBatchKMeans
#   above 20,000 passages). On that corpus every silhouette was close to zero: articles built
#   from two to four subjects each do not fall into clean clusters, and the printed scores say
#   so. `benchmarks/topics_100k.py` times the same functions on a template-built corpus.
#
# Versions of the main packages, for the record:

# %%
import matplotlib
import sklearn

print(
    f"defcoop {defcoop.__version__}, pandas {pd.__version__}, numpy {np.__version__}, "
    f"matplotlib {matplotlib.__version__}, scikit-learn {sklearn.__version__}"
)
