"""defcoop.analysis.topics on fixtures with known structure: two separable groups, shuffled order, one
article, syndicated copies, the stop-word file."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from sklearn.metrics import adjusted_rand_score

import defcoop
from defcoop.analysis import topics
from defcoop.arrays import arrow_strings, take_rows
from defcoop.errors import InsufficientData
from defcoop.lexicons.datafiles import DataFileError

# Two groups of passages that share no content word: naval training and military medicine.
# Each passage also carries the furniture every defence-diplomacy item has (names, titles,
# courtesy), which the stop words must remove for the groups to come apart.
NAVAL = [
    "Sailors trained on the frigate with sonar operators and torpedo crews during the naval exercise.",
    "The frigate crews practised sonar tracking and torpedo drills in the naval exercise at sea.",
    "Naval officers observed sonar training aboard the frigate and a torpedo firing drill.",
    "Torpedo crews and sonar teams from the frigate completed the naval exercise.",
    "The naval exercise tested frigate sonar systems and torpedo launch crews.",
    "A joint naval exercise brought frigate sailors, sonar specialists and torpedo crews together.",
]
MEDICAL = [
    "Surgeons at the field hospital shared vaccine research and trauma medicine with army doctors.",
    "Army doctors and surgeons discussed vaccine supplies for the hospital and trauma medicine.",
    "The hospital received vaccine shipments and surgeons trained in trauma medicine.",
    "Military medicine: surgeons, vaccine stocks and a new trauma hospital were discussed.",
    "Doctors from the hospital presented vaccine trials and trauma medicine to visiting surgeons.",
    "Trauma medicine courses for surgeons and a vaccine programme at the hospital were agreed.",
]
FURNITURE = "Minister Phan Van Giang told his Belarusian counterpart in Hanoi that cooperation was fruitful."


def _article(title: str, paragraphs: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(f"{p} {FURNITURE}" for p in paragraphs) + "\n"


@pytest.fixture
def two_groups(write_corpus) -> defcoop.Corpus:
    """Four articles: two naval, two medical, three paragraphs each."""
    root = write_corpus(
        {
            "naval1.txt": _article("Navies train together", NAVAL[:3]),
            "naval2.txt": _article("Frigate drill held", NAVAL[3:]),
            "med1.txt": _article("Military doctors meet", MEDICAL[:3]),
            "med2.txt": _article("Hospital cooperation", MEDICAL[3:]),
        }
    )
    return defcoop.load(root)


def _truth(u: pd.DataFrame) -> np.ndarray:
    return np.array([0 if d.startswith("naval") else 1 for d in u["doc_id"]])


@pytest.mark.parametrize("model", ["nmf", "kmeans"])
def test_two_separable_groups_are_separated(two_groups, model):
    u = topics.units(two_groups, unit="paragraph")
    assert len(u) == 12
    v = topics.vectorise(u)
    m = topics.fit_topics(v, k=2, model=model)
    assert adjusted_rand_score(_truth(u), m.labels) == 1.0
    top = topics.topic_terms(m, top_n=3).groupby("topic")["term"].apply(set)
    assert {"frigate", "sonar", "torpedo"} & top[1] or {"frigate", "sonar", "torpedo"} & top[2]
    # names, titles and courtesy words never make a topic
    all_terms = set(topics.topic_terms(m, top_n=20)["term"])
    assert not all_terms & {"giang", "belarusian", "hanoi", "minister", "counterpart", "cooperation"}


def test_k_is_chosen_by_the_criterion_and_finds_two(two_groups):
    v = topics.vectorise(topics.units(two_groups, unit="paragraph"))
    scores = topics.select_k(v, k_range=(2, 5))
    assert set(scores["model"]) == {"nmf", "kmeans"} and set(scores["k"]) == {2, 3, 4, 5}
    k, why = topics.choose_k(scores)
    assert k == 2 and "silhouette" in why


@pytest.mark.parametrize("model", ["nmf", "kmeans"])
def test_shuffled_input_gives_the_same_topics(two_groups, model):
    u = topics.units(two_groups, unit="paragraph")
    shuffled = u.sample(frac=1, random_state=7).reset_index(drop=True)
    assert shuffled["unit_id"].tolist() != u["unit_id"].tolist()
    a = topics.fit_topics(topics.vectorise(u), k=2, model=model)
    b = topics.fit_topics(topics.vectorise(shuffled), k=2, model=model)
    ta, tb = topics.topic_terms(a, top_n=5), topics.topic_terms(b, top_n=5)
    pd.testing.assert_frame_equal(ta.drop(columns="weight"), tb.drop(columns="weight"))
    np.testing.assert_allclose(ta["weight"], tb["weight"], rtol=1e-4)
    la = dict(zip(a.unit_ids, a.labels, strict=True))
    lb = dict(zip(b.unit_ids, b.labels, strict=True))
    assert la == lb  # same numbering too: topics are numbered by size, then top term


def test_refits_of_separable_groups_are_stable(two_groups):
    v = topics.vectorise(topics.units(two_groups, unit="paragraph"))
    ref = topics.fit_topics(v, k=2, model="nmf")
    table = topics.stability(v, ref, seeds=(1, 2), orders=2, subsamples=2)
    assert set(table["kind"]) == {"seed", "order", "subsample"}
    summary = topics.stability_summary(table)
    everything = summary[summary["kind"] == "all"].iloc[0]
    assert everything["ari_min"] == 1.0 and everything["surviving"] == 2


def test_one_article_is_insufficient_with_a_clear_message(write_corpus):
    corpus = defcoop.load(write_corpus({"only.txt": _article("One story", NAVAL + MEDICAL)}))
    with pytest.raises(InsufficientData, match=r"at least 2 stories.*has 1"):
        topics.choose_unit(corpus)
    with pytest.raises(InsufficientData):
        topics.units(corpus, unit="paragraph")


def test_syndicated_copies_are_counted_once(write_corpus):
    files = {
        "naval1.txt": _article("Navies train together", NAVAL[:3]),
        "med1.txt": _article("Military doctors meet", MEDICAL[:3]),
    }
    corpus = defcoop.load(write_corpus({**files, "copy_of_naval1.txt": files["naval1.txt"]}))
    assert (corpus.docs["duplicate_of"] != "").sum() == 1
    unit, why = topics.choose_unit(corpus)
    assert unit == "paragraph" and "2 stories (1 syndicated copies counted once)" in why
    u = topics.units(corpus, unit="paragraph")
    assert len(u) == 6 and u["doc_id"].nunique() == 2
    assert not set(u["doc_id"]) & set(corpus.docs.loc[corpus.docs["duplicate_of"] != "", "doc_id"])


def test_units_carry_offsets_into_the_text_and_their_themes(seeds):
    for unit in ("paragraph", "sentence"):
        u = topics.units(seeds, unit=unit)
        texts = seeds.docs.set_index("doc_id")["text"]
        first = u.iloc[0]
        assert texts[first["doc_id"]][first["start"] : first["end"]].split()[:3] == first["text"].split()[:3]
        assert u["unit_id"].is_unique
    with pytest.raises(InsufficientData, match="5 stories give 5 article"):
        topics.units(seeds, unit="article")  # five articles are too few passages to cluster
    s = topics.units(seeds, unit="sentence")
    assert any("covid_health" in t for t in s["themes"])


def test_auto_unit_switches_to_articles_on_large_corpora(seeds):
    assert topics.choose_unit(seeds)[0] == "paragraph"
    assert topics.choose_unit(seeds, article_min=5)[0] == "article"


def test_representatives_quote_a_sentence_with_its_offsets(seeds):
    u = topics.units(seeds, unit="paragraph")
    m = topics.fit_topics(topics.vectorise(u), k=3)
    q = topics.representatives(m, u, sentences=seeds.sentences, n=2)
    texts = seeds.docs.set_index("doc_id")["text"]
    for r in q.itertuples():
        assert " ".join(texts[r.doc_id][r.start : r.end].split())[:40] == r.quote[:40]
    assert q.groupby("topic").size().max() <= 2


def test_tables_are_tidy_and_complete(seeds):
    u = topics.units(seeds, unit="paragraph")
    v = topics.vectorise(u)
    m = topics.fit_topics(v, k=3, model="kmeans")
    part = topics.topic_crosstab(m, u, by="partner")
    assert part["passages"].sum() == sum(len(p) or 1 for p in u["partners"])
    year = topics.topic_crosstab(m, u, by="year")
    assert year["passages"].sum() == len(u)
    assert len(year) == 3 * u["year"].nunique()  # every (topic, year), zeros included
    over = topics.theme_overlap(m, u)
    assert (over["share"] <= 1).all() and (over["passages"] > 0).all()
    mp = topics.unit_map(v, m)
    assert len(mp) == len(u) and mp["unit_id"].is_monotonic_increasing


def test_same_input_gives_identical_tables(seeds):
    u = topics.units(seeds, unit="paragraph")
    a = topics.fit_topics(topics.vectorise(u), k=4)
    b = topics.fit_topics(topics.vectorise(u), k=4)
    pd.testing.assert_frame_equal(topics.topic_terms(a), topics.topic_terms(b))
    pd.testing.assert_frame_equal(topics.unit_map(topics.vectorise(u), a), topics.unit_map(topics.vectorise(u), b))


def test_stopword_file_is_validated(tmp_path):
    bad = tmp_path / "stop.txt"
    bad.write_text("# comment\nsaid\nSaid\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"stop.txt: line 3"):
        topics.furniture_stopwords(bad)
    bad.write_text("said\nsaid\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"already listed on line 1"):
        topics.furniture_stopwords(bad)
    words = topics.furniture_stopwords()
    assert list(words) == sorted(set(words))


def test_stop_words_cover_names_but_keep_organisations():
    sw = set(topics.stop_words())
    assert {"belarus", "russian", "moscow", "shoigu", "giang", "said", "minister"} <= sw
    assert not {"asean", "hospital", "training", "sea", "peacekeeping"} & sw


# --------------------------------------------------------------------------- scale


def test_strip_accents_matches_scikit_learn():
    import random

    from sklearn.feature_extraction.text import strip_accents_unicode

    rnd = random.Random(3)
    alphabet = "aăâđeêioôơuưy ĐÀẢÃÁẠ" + "".join(chr(c) for c in range(0x300, 0x370)) + "\u0489\u20dd\u1dc0ǄΩß."
    for _ in range(2000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20)))
        assert topics.strip_accents(s) == strip_accents_unicode(s), repr(s)


def test_vocabulary_sample_gives_the_rows_of_fit_then_transform(two_groups):
    u = topics.units(two_groups, unit="sentence")
    got = topics.vectorise(u, vocab_sample=len(u) // 2, min_df=1)
    # the reference: learn on the same sample, then transform every passage
    idx = np.sort(np.random.default_rng(0).choice(len(u), size=len(u) // 2, replace=False))
    ref = got.vectorizer.__class__(**got.vectorizer.get_params()).fit(u["text"].iloc[idx])
    want = ref.transform(u["text"])
    assert list(got.terms) == list(ref.get_feature_names_out())
    assert (want != got.X).nnz == 0


def test_k_and_stability_on_a_sample_above_the_threshold(two_groups):
    u = topics.units(two_groups, unit="sentence")
    v = topics.vectorise(u, min_df=1)
    n = v.X.shape[0]
    scores = topics.select_k(v, k_range=(2, 3), sample=n - 4)
    assert set(scores["passages"]) == {n - 4}
    assert set(topics.select_k(v, k_range=(2, 3), sample=None)["passages"]) == {n}
    ref = topics.fit_topics(v, k=2)
    table = topics.stability(v, ref, seeds=(1,), orders=1, subsamples=1, sample=n - 4)
    assert table.groupby("kind")["passages"].max().to_dict() == {
        "seed": n - 4,
        "order": n - 4,
        "subsample": round(0.9 * (n - 4)),
    }
    full = topics.stability(v, ref, seeds=(1,), orders=1, subsamples=1, sample=None)
    assert full.groupby("kind")["passages"].max().to_dict()["seed"] == n


def test_transforming_in_processes_gives_the_same_matrix(two_groups, monkeypatch):
    monkeypatch.setattr(topics, "TRANSFORM_BATCH", 3)  # many batches, in both processes
    u = topics.units(two_groups, unit="sentence")
    one = topics.vectorise(u, vocab_sample=8, min_df=1, n_jobs=1)
    two = topics.vectorise(u, vocab_sample=8, min_df=1, n_jobs=2)
    assert list(one.terms) == list(two.terms)
    assert (one.X != two.X).nnz == 0 and one.X.shape == (len(u), len(one.terms))


def _chunked(col: pd.Series, ends: list[int]) -> pd.Series:
    """``col`` as an Arrow ``str`` column in chunks ending at the rows ``ends``, as the cache's
    parts give it (one chunk a part)."""
    values = [None if v is None else str(v) for v in col.tolist()]
    bounds = [0, *ends, len(values)]
    chunks = [pa.array(values[a:b], pa.large_string()) for a, b in itertools.pairwise(bounds) if b > a]
    arr = pd.arrays.ArrowExtensionArray(pa.chunked_array(chunks, pa.large_string()))
    return pd.Series(arr, index=col.index).astype(col.dtype)


def _doc_ends(sentences: pd.DataFrame, every: int) -> list[int]:
    """The rows where a chunk of ``every`` documents' sentences ends."""
    starts = np.flatnonzero(np.r_[True, sentences["doc_id"].to_numpy()[1:] != sentences["doc_id"].to_numpy()[:-1]])
    return starts[every::every].tolist()


@pytest.mark.parametrize("cut", ["documents", "rows"])
def test_passages_are_the_same_from_a_sentence_column_in_many_chunks(seeds, cut):
    # the passages' texts are taken and joined chunk by chunk: the same passages, of the same
    # dtypes, whatever the chunks; chunks cut at documents (as the cache's parts are) are read one
    # by one, chunks that cut a paragraph are made one first
    sents = seeds.sentences
    ends = _doc_ends(sents, 2) if cut == "documents" else list(range(7, len(sents), 7))
    chunked = dataclasses.replace(seeds, sentences=sents.assign(sentence=_chunked(sents["sentence"], ends)))
    for unit in ("paragraph", "sentence"):
        a, b = topics.units(seeds, unit=unit), topics.units(chunked, unit=unit)
        assert a.columns.tolist() == b.columns.tolist() and a.dtypes.tolist() == b.dtypes.tolist()
        for c in a.columns:
            assert a[c].tolist() == b[c].tolist(), (unit, c)
        if cut == "documents" and unit == "paragraph":
            assert arrow_strings(b["text"]).num_chunks > 1  # (read chunk by chunk, not made one)
    # the quotes read the sentences of the chunked column too
    u = topics.units(seeds, unit="paragraph")
    model = topics.fit_topics(topics.vectorise(u, min_df=1), k=2, model="nmf")
    quotes = [topics.representatives(model, u, sentences=c.sentences)["quote"].tolist() for c in (seeds, chunked)]
    assert quotes[0] == quotes[1]


def test_a_column_of_python_strings_with_missing_values_is_read():
    assert arrow_strings(pd.Series(["a", None, np.nan], dtype=object)).to_pylist() == ["a", None, None]
    assert arrow_strings(pd.Series(["a", None], dtype="category")).to_pylist() == ["a", None]
    col = pa.chunked_array([pa.array(["a", "b"], pa.large_string()), pa.array(["c"], pa.large_string())])
    assert take_rows(col, np.array([2, 0, 1, 2])).to_pylist() == ["c", "a", "b", "c"]


def test_strings_of_groups_are_joined_across_chunks_in_any_order():
    texts = pa.chunked_array([pa.array(["a", "b", "c"], pa.large_string()), pa.array(["d", "e"], pa.large_string())])
    # groups in the order asked, not the chunks' order
    assert topics._take_join(texts, np.array([3, 4, 0, 2]), np.array([0, 2])).to_pylist() == ["d e", "a c"]
    # a group whose strings lie in two chunks
    assert topics._take_join(texts, np.array([2, 3, 1]), np.array([0, 2])).to_pylist() == ["c d", "b"]
    # groups of the two chunks taking turns (folders per outlet: doc ids not in the parts' order)
    src, first = np.array([0, 3, 1, 4, 2]), np.array([0, 1, 2, 3, 4])
    assert topics._take_join(texts, src, first).to_pylist() == ["a", "d", "b", "e", "c"]
    assert topics._take_join(texts, np.array([], dtype=np.int64), np.array([], dtype=np.int64)).to_pylist() == []


def test_sampled_fits_use_the_estimator_of_the_full_fit(two_groups, monkeypatch):
    u = topics.units(two_groups, unit="sentence")
    v = topics.vectorise(u, min_df=1)
    ref = topics.fit_topics(v, k=2, minibatch=True)
    assert ref.estimator == "MiniBatchNMF"
    seen = []
    real = topics.fit_topics

    def spy(*args, **kwargs):
        seen.append(kwargs.get("minibatch"))
        return real(*args, **kwargs)

    monkeypatch.setattr(topics, "fit_topics", spy)
    topics.stability(v, ref, seeds=(1,), orders=1, subsamples=1, sample=len(u) - 2)
    assert seen and all(mb is True for mb in seen)
    seen.clear()
    monkeypatch.setattr(topics, "MINIBATCH_FROM", len(u))  # the full fit would be mini-batch here
    topics.select_k(v, k_range=(2, 2), sample=len(u) - 2)
    assert seen == [True, True]


# --------------------------------------------------------------------------- reading the topics

PLACE = "The frigate docked at Cam Ranh Bay, where Colonel Bogdan Zapryanov met the crews."


def test_no_name_of_a_person_or_place_is_a_topic_term(write_corpus):
    """Zapryanov is in no registry and Cam Ranh in no lexicon: the corpus's own capitals find them."""
    naval = [f"{p} {PLACE}" for p in NAVAL]
    root = write_corpus(
        {
            "naval1.txt": _article("Navies train together", naval[:3]),
            "naval2.txt": _article("Frigate drill held", naval[3:]),
            "med1.txt": _article("Military doctors meet", MEDICAL[:3]),
            "med2.txt": _article("Hospital cooperation", MEDICAL[3:]),
        }
    )
    corpus = defcoop.load(root)
    u = topics.units(corpus, unit="paragraph")
    names = topics.name_words(u, mentions=corpus.mentions)
    assert {"cam", "ranh", "bogdan", "zapryanov", "giang"} <= set(names)
    assert not {"frigate", "bay", "crews", "hospital"} & set(names)
    v = topics.vectorise(u, names=names)
    words = {w for t in v.terms for w in t.split()}
    assert not words & {"cam", "ranh", "bogdan", "zapryanov", "colonel"}
    shown = set(topics.topic_terms(topics.fit_topics(v, k=2), top_n=20)["term"])
    assert shown & {"sonar", "torpedo", "crews", "naval exercise"} and shown & {"doctors", "vaccine", "trauma"}


def test_a_topic_shows_each_word_once_and_no_word_twice_in_a_phrase():
    texts = ["memorandum understanding signed memorandum", "understanding memorandum understanding signed"] * 3
    texts += ["visit visit port hospital", "hospital port visit"] * 3
    v = topics.vectorise(pd.DataFrame({"unit_id": [f"u{i}" for i in range(12)], "text": texts}), max_df=1.0)
    assert "visit visit" not in set(v.terms)
    assert {"memorandum understanding", "understanding memorandum", "memorandum"} <= set(v.terms)
    terms = topics.topic_terms(topics.fit_topics(v, k=2), top_n=10)
    for _, g in terms.groupby("topic"):
        words = [w for t in g["term"] for w in t.split()]
        assert len(words) == len(set(words)), g["term"].tolist()
    first = terms[terms["topic"] == terms.loc[terms["term"].str.contains("memorandum"), "topic"].iloc[0]]
    assert "memorandum understanding" in set(first["term"]) or "understanding memorandum" in set(first["term"])


def test_a_large_cluster_of_generic_passages_is_junk_and_separable_groups_are_coherent(two_groups):
    v = topics.vectorise(topics.units(two_groups, unit="paragraph"))
    q = topics.topic_quality(topics.fit_topics(v, k=2), v, top_n=3)
    assert not q["junk"].any() and (q["npmi"] > 0.5).all()
    words = ["tank", "rifle", "drone", "radar", "missile", "helmet", "cannon", "mortar", "jeep", "boat"]
    chain = [f"{a} {b}" for a, b in zip(words, words[1:] + words[:1], strict=True)]
    texts = ["frigate sonar torpedo"] * 3 + ["hospital surgeon vaccine"] * 3 + chain
    v = topics.vectorise(pd.DataFrame({"unit_id": [f"u{i}" for i in range(16)], "text": texts}), ngrams=1, min_df=1)
    q = topics.topic_quality(topics.fit_topics(v, k=3, model="kmeans"), v, top_n=3, junk_share=1.5)
    junk = q[q["junk"]]
    assert junk["passages"].tolist() == [10] and "generic, low-weight terms" in junk["why"].iloc[0]
    assert junk["npmi"].iloc[0] < q.loc[~q["junk"], "npmi"].min()


def test_the_partners_beyond_the_top_share_one_column_and_count_each_passage_once():
    texts = ["frigate sonar"] * 4 + ["hospital vaccine"] * 4
    partners = [["A"], ["A", "B"], ["C", "D"], ["C", "D", "E"], ["A"], [], ["E"], ["B"]]
    u = pd.DataFrame({"unit_id": list("abcdefgh"), "doc_id": list("abcdefgh"), "text": texts, "partners": partners})
    m = topics.fit_topics(topics.vectorise(u, max_df=1.0), k=2)
    t = topics.topic_crosstab(m, u, by="partner", top=2)
    assert t["partner"].drop_duplicates().tolist() == ["A", "B", "3 more partners", "(none)"]
    rest = t[t["partner"] == "3 more partners"]
    assert rest["passages"].sum() == 3  # passages c, d, g: d has two of the three, counts once
    assert rest["articles"].sum() == 3
    for _, g in t.groupby("partner"):
        assert g["column_share"].sum() == pytest.approx(1.0 if g["passages"].sum() else 0.0)
