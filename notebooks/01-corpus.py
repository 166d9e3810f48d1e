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
# # 01 · The corpus: what is in it, and how it was read
#
# *Before counting anything, check what was read and what was thrown away.*
#
# **Question.** Which articles does the corpus hold — from which outlets, from when, how long — and did
# the loader read them faithfully: which files were skipped and why, what was stripped as site
# furniture, how each article got its date, and how the prose was cut into sentences?
#
# **Input.** A folder of crawled articles (`CORPUS`, by default the five articles in `seeds/`).
# `LANGUAGES` (e.g. `"vi,ru"`, ISO 639-1 codes) keeps only the articles in those languages; empty
# keeps all.
#
# **Figures written.** `01-articles-by-outlet-year` (articles per year and outlet),
# `01-articles-by-language-year` (articles per year and language) and `01-article-lengths` (words
# and sentences per article), each as PNG, SVG and the CSV behind it.

# %% tags=["parameters"]
CORPUS = "../seeds"
FIGURES = "../figures"
LANGUAGES = ""
TOP_N = 20
TOP_OUTLETS = 7

# %%
import pandas as pd

import defcoop
from defcoop import head
from defcoop.annotate.language import language_name
from defcoop.plots import (
    MAX_MARKS,
    article_lengths,
    articles_by_year,
    language_year_table,
    outlet_year_table,
    save_figure,
    use_style,
)

use_style()
pd.set_option("display.max_colwidth", 90)
pd.set_option("display.width", 160)

# %% [markdown]
# ## Loading
#
# `defcoop.load` reads every file under the folder. Each file ends up either as an article or as a
# row of the load report with the reason it was not read; nothing is dropped silently. With
# `LANGUAGES` set, the rest of this notebook (and each notebook given the same parameter) keeps
# only the articles in those languages; the load report and the table of languages below still
# count everything that was read.

# %%
loaded = defcoop.load(CORPUS)
corpus = loaded.in_languages(LANGUAGES)
corpus

# %% [markdown]
# ## The load report
#
# Files that were not loaded, with the reason, followed by articles that were loaded with a repair
# or a caveat worth knowing (an encoding fallback, a header date that disagrees with the dateline).

# %%
report = pd.DataFrame(
    {
        "files found": [len(loaded.docs) + len(loaded.skipped)],
        "loaded": [len(loaded.docs)],
        "skipped": [len(loaded.skipped)],
        "loaded with warnings": [int((loaded.docs["warnings"] != "").sum())],
        "kept for LANGUAGES": [len(corpus.docs)],
    }
)
report

# %%
loaded.skipped.head(TOP_N)

# %%
loaded.docs.loc[loaded.docs["warnings"] != "", ["doc_id", "encoding", "warnings"]].head(TOP_N)

# %% [markdown]
# ## Languages
#
# The language of each article as the loader identified it: its script, then function words for
# a page of prose and lingua's n-gram models for a short one (`und`: too little text to tell).
# For each language: its articles, how many are copies of
# another article (copies are linked within a language only, so a translation is never a copy),
# and of its stories how many got a date, were found on topic, and name at least one official,
# partner country and theme. Outside English fewer kinds of mention are read (README, "How good
# the annotations are"), so a language's share of officials or themes is not its share of
# diplomacy. Compare how two sides report the same visits with `LANGUAGES` set to one language at
# a time.

# %%
languages = loaded.by_language()
languages.insert(1, "name", [language_name(c) for c in languages["language"]])
languages["kept"] = languages["language"].isin(corpus.languages or languages["language"])
head(languages, TOP_N)

# %%
by_language = language_year_table(corpus.docs, top=TOP_OUTLETS)
fig = articles_by_year(by_language)
n_languages = by_language.loc[by_language["language"] != "und", "language"].nunique()
save_figure(
    fig,
    "01-articles-by-language-year",
    data=by_language,
    caption=(
        "Articles per year of publication, stacked by the language the loader identified: the languages "
        "with most articles in their own colour, the others in grey, pages too short to tell hatched; "
        "undated articles in a bar of their own. Syndicated copies are included."
    ),
    denominators=f"{len(corpus.docs):,} articles in {n_languages:,} identified language{'s' if n_languages != 1 else ''}",
    directory=FIGURES,
)

# %% [markdown]
# ### What this shows
#
# How the corpus divides between languages, year by year. On the seeds every article is in
# English, so there is one colour. On a crawl that mixes Vietnamese, Russian and English
# outlets, a year in which one language dominates is a year whose counts in later notebooks
# mostly reflect that side's press; a sudden change of mix usually means the crawl changed (a new
# outlet or edition), not the diplomacy. Language identification reads whole pages reliably; a
# page of a title and a caption can be called `und` or misread (one short title in ten on the
# development pages, `benchmarks/language_id.py`).

# %% [markdown]
# ## The articles
#
# One row per article: where it came from, its date with the precision and the source of that
# date, its language and its size. `credit` is the wire service credited at the end of the text
# when it differs from the outlet that published it.

# %%
corpus.require_articles("The rest of this notebook")
corpus.docs[
    [
        "doc_id",
        "outlet",
        "credit",
        "date",
        "date_precision",
        "date_source",
        "language",
        "n_paragraphs",
        "n_sentences",
        "n_words",
        "title",
    ]
].sort_values("doc_id").head(TOP_N)

# %% [markdown]
# ## Articles by outlet and year
#
# Counts of articles (all copies included here; syndicated copies are marked in `duplicate_of`,
# and later notebooks count stories, not copies). Undated articles get their own bar. The
# `TOP_OUTLETS` outlets with most articles get a colour each; the rest are summed into one grey
# "other outlets" group, so the legend names every colour whatever the number of outlets
# (`drawn_as` in the table says where each outlet went).

# %%
by_year = outlet_year_table(corpus.docs, top=TOP_OUTLETS)
head(by_year, TOP_N)

# %%
fig = articles_by_year(by_year)
n_undated = int(by_year.loc[by_year["year"] == "undated", "articles"].sum())
n_outlets = by_year.loc[by_year["outlet"] != "", "outlet"].nunique()
save_figure(
    fig,
    "01-articles-by-outlet-year",
    data=by_year,
    caption=(
        "Articles per year of publication, stacked by outlet: the outlets with most articles in their own "
        "colour, the others in grey, articles whose outlet was not recognised hatched; undated articles in "
        "a bar of their own. Syndicated copies are included."
    ),
    denominators=f"{len(corpus.docs):,} articles ({n_undated:,} undated) from {n_outlets:,} recognised outlets",
    directory=FIGURES,
)

# %% [markdown]
# ### What this shows
#
# How many articles each outlet contributes in each year, with empty years shown as empty and
# undated articles apart. On the seeds: five articles from four outlets (VNA, VOV, Vietnam News,
# VietNamNet) in three years (2018, 2020, 2024), two of them on the same December 2024 visit. This
# is a sample, not a series: five articles say nothing about how often the press covers the
# subject, and nothing in later notebooks should be read as a trend on this corpus.
#
# Caveats that grow with the corpus. The outlet is read from the record's URL when the crawl has
# one (`data/outlets.csv`), else from the text (site titles, lead and tail credits); an article whose
# outlet cannot be recognised is hatched, not guessed, and a folder of bare text pages can be
# mostly hatched. A tall undated bar means the years above undercount: the shares of later
# notebooks are computed over dated stories only. Copies are counted here, so an outlet that
# republishes wire copy looks larger than its own reporting.

# %% [markdown]
# ## Lengths and sentences
#
# Word counts are of the prose after furniture was stripped; sentences are body sentences (the
# title is not counted). Up to `MAX_MARKS` articles (40) each gets a labelled bar; a larger
# corpus gets a histogram of each measure with its median, since a bar per article would be
# unreadable (and took over ten minutes to lay out at 10,000 articles). The CSV holds what is
# drawn: one row per article, or one row per bin.

# %%
lengths = corpus.docs[["doc_id", "outlet", "n_words", "n_sentences"]].sort_values("doc_id", ignore_index=True)
fig, drawn = article_lengths(lengths, max_bars=MAX_MARKS)  # a bar per article, or histograms above MAX_MARKS
save_figure(
    fig,
    "01-article-lengths",
    data=drawn,
    caption=(
        "Words and sentences per article after site furniture is stripped: a bar per article for a small "
        "corpus, a histogram with its median above that."
    ),
    denominators=f"{len(lengths):,} articles; {int(lengths['n_sentences'].sum()):,} body sentences",
    directory=FIGURES,
)

# %% [markdown]
# ### What this shows
#
# The seeds are short news items: a few hundred words and a dozen or so sentences each. On a
# larger corpus the histograms show the spread instead: look for a second hump or a long tail
# (index pages, galleries or truncated crawls that survived the loader), and compare the median
# with the seeds'. Length matters for every later count: an actor named five times in a long article and once in a short
# one is not five times as important, which is why notebook 03 reports articles as well as
# mentions. Sentence counts depend on the segmenter; the next sections show how it treats glued
# sentences and abbreviations, so a reader can judge it.

# %% [markdown]
# ## What was stripped
#
# Everything that is not prose, with the rule that matched it: the crawler's date header, titles,
# datelines, photo captions and their credits, site furniture, and agency credits at the ends of
# articles. Photo credits such as "VNA/VNS Photo Lâm Khánh" live only here, so a photographer is
# never counted as an actor.

# %%
stripped = corpus.segments.loc[corpus.segments["kind"] != "body", ["doc_id", "kind", "content", "reason"]]
head(stripped, 3 * TOP_N)

# %% [markdown]
# ## How each article got its date
#
# The date comes from the crawler's header when there is one, else from the dateline, else from
# the text; a date with no year is placed only when the tenures of the officials named and the
# dated events the article mentions leave exactly one year (`inferred`). The table lists every
# date expression found, so a disagreement (header against dateline) is visible.

# %%
date_evidence = corpus.mentions.loc[corpus.mentions["kind"] == "date", ["doc_id", "how", "id", "surface"]]
head(date_evidence.rename(columns={"how": "found in", "id": "value"}), 3 * TOP_N)

# %%
corpus.docs.groupby(["date_source", "date_precision"], as_index=False).size().rename(columns={"size": "articles"})

# %% [markdown]
# ## Sentences
#
# Sentences carry character offsets into the original text, so every later count can be traced
# back to them. Crawled text glues sentences together ("…with Belarus.Vietnam is ready…"); the
# segmenter splits those while keeping initials and ranks whole ("A.V. Fomin", "S.K.Shoigu",
# "Sen. Lieut. Gen."). The table shows the sentences that were split at a boundary with no space,
# so the repair can be checked by eye.

# %%
# a sentence split from a glued boundary starts exactly where the one before it ends
previous_end = corpus.sentences.groupby("doc_id", sort=False, observed=True)["end"].shift()
glued = corpus.sentences[corpus.sentences["start"].eq(previous_end)]
print(f"{len(corpus.sentences)} sentences, {len(glued)} of them split from a glued boundary")
glued[["doc_id", "sent_no", "start", "end", "sentence"]].head(TOP_N)

# %%
per_article = (
    corpus.sentences.assign(chars=corpus.sentences["sentence"].str.len())
    .groupby("doc_id", as_index=False)
    .agg(sentences=("sent_no", "size"), mean_chars=("chars", "mean"))
    .round({"mean_chars": 1})
)
head(per_article, TOP_N, what="articles")

# %% [markdown]
# ## Conclusions
#
# * Every file in the folder is accounted for: loaded, or listed in the load report with its reason.
# * Furniture is removed by rules that are data (`lib/defcoop/data/furniture.csv`) and shown above,
#   so a reader can check that no prose was lost and no furniture survived.
# * Dates carry their precision and source; a conflict between header and dateline is reported,
#   not hidden.
# * On the seeds the corpus is five articles: enough to test the pipeline, far too few for
#   statements about coverage over time.
#
# Versions of the main packages, for the record:

# %%
import matplotlib
import sklearn

print(
    f"defcoop {defcoop.__version__}, pandas {pd.__version__}, matplotlib {matplotlib.__version__}, "
    f"scikit-learn {sklearn.__version__}"
)
