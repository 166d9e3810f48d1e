"""Tests for defcoop.analysis.actors: counts checked by hand on the seeds, and small corpora of our own.

The seed counts below were checked by reading the five articles (see the comments for why each
number is what it is).  ``articles`` = distinct articles naming the official at least once;
``mentions`` = all resolved references (full name, short second mention, title-only).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import defcoop
from defcoop.analysis import actors as actors_stats
from defcoop.errors import InsufficientData

# ---------------------------------------------------------------------------------------------
# Seeds, by hand
# ---------------------------------------------------------------------------------------------

# actor_id: (articles, mentions, why)
SEED_ACTORS = {
    # 002: "Minister of National Defence Phan Văn Giang" + "Giang" x4 (welcoming, asked, invitation
    # to Minister Giang, Minister Giang reiterated); 003: "defence minister Phan Văn Giang" once.
    "phan-van-giang": (2, 6),
    # Named three ways and counted once per article: 002 "Viktor Gennadievich Khrenin" + "Minister
    # Khrenin"; 003 headline "Belarusian defence minister" (title-only), "Khrenin Viktor
    # Gennadievich" in the photo caption and in the lead, "Khrenin confirmed", and "the Belarusian
    # minister" twice (the one Belarusian official named in the article).
    "viktor-khrenin": (2, 8),
    # 003: "State President" (headline), "The Vietnamese president" (standfirst), "Lương Cường"
    # (caption and lead), "Cường" x3, "the Vietnamese President".
    "luong-cuong": (1, 8),
    # 001: "President" (headline), "Tran Dai Quang", "Quang" x4 (President Quang, Quang suggested,
    # "…equipment,"Quang said", told Quang).
    "tran-dai-quang": (1, 6),
    # 000: "Dang Thi Ngoc Thinh" (the photo caption above the lead, and the lead), "Thinh" x2, "the
    # Vice President" (title-only).
    "dang-thi-ngoc-thinh": (1, 5),
    # 004: "A.V. Fomin" x2 and "The Russian Deputy Defence Minister".
    "alexander-fomin": (1, 3),
    # 004: "Nguyen Chi Vinh" x2, once more in the photo caption, and "Vinh congratulated".
    "nguyen-chi-vinh": (1, 4),
    # 001: "Vladimir Semashko", "the Belarusian Deputy PM", "Deputy Prime Minister Semashko".
    "vladimir-semashko": (1, 3),
    # 000: "Ravkov Andrei Alekseevich" twice (family-first with patronymic), and in the caption.
    "andrei-ravkov": (1, 3),
    # 000: "his Vietnamese counterpart Ngo Xuan Lich" once.
    "ngo-xuan-lich": (1, 1),
    # 004: "Minister S.K.Shoigu" once, as an expected visitor.
    "sergei-shoigu": (1, 1),
}


def test_seed_actor_counts_by_hand(seeds):
    freq = actors_stats.actor_frequencies(seeds, by="actor")
    got = {r.actor_id: (r.articles, r.mentions) for r in freq.itertuples()}
    assert got == SEED_ACTORS
    assert freq["registered"].all()
    # ranked by articles, then mentions, then id: the two officials of the 2024 visit first
    # (Khrenin 2 articles / 7 mentions before Giang 2 / 6)
    assert list(freq["actor_id"][:3]) == ["viktor-khrenin", "phan-van-giang", "luong-cuong"]


def test_khrenin_once_per_article_though_named_three_ways(seeds):
    m = actors_stats.actor_mentions(seeds)
    k = m[m["actor_id"] == "viktor-khrenin"]
    assert set(k["surface"]) == {
        "Viktor Gennadievich Khrenin",
        "Khrenin Viktor Gennadievich",
        "Khrenin",
        "defence minister",
        "minister",
    }
    docs = actors_stats.actor_documents(seeds)
    per_doc = docs.loc[docs["actor_id"] == "viktor-khrenin", ["doc_id", "mentions"]]
    assert per_doc.values.tolist() == [["002_4f2acdd73294d25d", 2], ["003_a96526d9f035a37c", 6]]
    # one row per (article, actor), never more
    assert not docs.duplicated(["doc_id", "actor_id"]).any()


def test_photographer_lam_khanh_is_never_an_actor(seeds):
    # "— VNA/VNS Photo Lâm Khánh" closes the caption of 003: a credit, not an official.
    m = actors_stats.actor_mentions(seeds)
    assert not m["surface"].str.contains("Khánh|Khanh").any()
    assert not m["actor_id"].str.contains("khanh").any()
    assert len(actors_stats.unregistered_actors(seeds)) == 0


def test_seed_counts_by_country_office_level_year(seeds):
    def table(by):
        return actors_stats.actor_frequencies(seeds, by=by).drop(columns="actors").values.tolist()

    # Vietnam: an official of Vietnam in every article (30 = 6+8+6+5+4+1); Belarus in 000-003
    # (14 = Khrenin 8 + Semashko 3 + Ravkov 3); Russia only in 004 (Fomin 3 + Shoigu 1).
    assert table("country") == [["Vietnam", 5, 30], ["Belarus", 4, 14], ["Russia", 1, 4]]
    # Offices on each article's date: Thịnh is vice president on 2018-11-15 (her acting presidency
    # ended 2018-10-23); Semashko deputy PM on 2018-03-28 (until 2018-08-18); Lịch, Ravkov, Giang,
    # Khrenin and Shoigu defence ministers (4 articles: 000, 002, 003, 004; 1+3+6+8+1 = 19).
    assert table("office") == [
        ["defence minister", "minister", 4, 19],
        ["president", "head of state/government", 2, 14],
        ["deputy defence minister", "deputy minister", 1, 7],
        ["vice president", "head of state/government", 1, 5],
        ["deputy prime minister", "deputy head of government", 1, 3],
    ]
    assert table("level") == [
        ["minister", 4, 19],
        ["head of state/government", 3, 19],
        ["deputy minister", 1, 7],
        ["deputy head of government", 1, 3],
    ]
    # Years in time order: 2018 = 000 + 001 (9 + 9 mentions), 2020 = 004, 2024 = 002 + 003 (7 + 15).
    assert table("year") == [["2018", 2, 18], ["2020", 1, 8], ["2024", 2, 22]]
    assert table(["year", "country"])[:3] == [
        ["2018", "Vietnam", 2, 12],
        ["2018", "Belarus", 2, 6],
        ["2020", "Russia", 1, 4],
    ]


def test_mentions_sum_to_the_same_total_whatever_the_grouping(seeds):
    total = len(actors_stats.actor_mentions(seeds))
    assert total == 48
    for by in ("actor", "country", "office", "level", "year"):
        assert actors_stats.actor_frequencies(seeds, by=by)["mentions"].sum() == total


def test_seed_meeting_pairs(seeds):
    pairs = actors_stats.meeting_pairs(seeds, evidence="article")
    got = {(r.doc_id[:3], r.vn_actor_id, r.foreign_actor_id): r.evidence for r in pairs.itertuples()}
    assert got == {
        # reception for Ravkov, hosted by the Vice President in Hanoi
        ("000", "dang-thi-ngoc-thinh", "andrei-ravkov"): "meeting sentence",
        # Ravkov "discussed and agreed … with his Vietnamese counterpart Ngo Xuan Lich"
        ("000", "ngo-xuan-lich", "andrei-ravkov"): "meeting sentence",
        ("001", "tran-dai-quang", "vladimir-semashko"): "meeting sentence",
        ("002", "phan-van-giang", "viktor-khrenin"): "meeting sentence",
        # headline "State President receives Belarusian defence minister"
        ("003", "luong-cuong", "viktor-khrenin"): "meeting sentence",
        # "the results of his talks with defence minister Phan Văn Giang, Khrenin confirmed": the
        # pair is Giang–Khrenin, not the President (also in the sentence) with Khrenin
        ("003", "phan-van-giang", "viktor-khrenin"): "meeting sentence",
        ("004", "nguyen-chi-vinh", "alexander-fomin"): "meeting sentence",
        # Shoigu is only hoped to visit: same article, no meeting
        ("004", "nguyen-chi-vinh", "sergei-shoigu"): "same article",
    }
    hosts = {(r.doc_id[:3], r.vn_actor_id): (r.host, r.place, r.online) for r in pairs.itertuples()}
    assert hosts[("000", "dang-thi-ngoc-thinh")] == ("Đặng Thị Ngọc Thịnh", "Hanoi", False)
    assert hosts[("001", "tran-dai-quang")] == ("Trần Đại Quang", "Hanoi", False)  # reception in Hanoi for …
    assert hosts[("003", "luong-cuong")] == ("Lương Cường", "Hanoi", False)  # received
    assert hosts[("002", "phan-van-giang")] == ("Phan Văn Giang", "Hanoi", False)  # HÀ NỘI dateline
    assert hosts[("004", "nguyen-chi-vinh")][1:] == ("", True)  # online discussion: no place
    # each meeting sentence is traceable: its offsets cut the sentence out of the article
    texts = seeds.docs.set_index("doc_id")["text"]
    for r in pairs[pairs["evidence"] == "meeting sentence"].itertuples():
        assert " ".join(texts[r.doc_id][r.start : r.end].split()) == r.sentence


def test_seed_meeting_edges_weight_is_distinct_stories(seeds):
    edges = actors_stats.meeting_edges(actors_stats.meeting_pairs(seeds))
    weights = {(r.vn_actor_id, r.foreign_actor_id): (r.stories, r.meeting_dates) for r in edges.itertuples()}
    # Giang–Khrenin: two stories (002 and 003) about one visit on 2024-12-17
    assert weights.pop(("phan-van-giang", "viktor-khrenin")) == (2, 1)
    assert set(weights.values()) == {(1, 1)} and len(weights) == 5
    g = actors_stats.meeting_graph(edges)
    assert (g.number_of_nodes(), g.number_of_edges()) == (10, 6)
    assert g["nguyen-chi-vinh"]["alexander-fomin"]["online"] is True


def test_kwic_offsets_point_at_the_match(seeds):
    k = actors_stats.actor_kwic(seeds, actor_ids=["viktor-khrenin", "phan-van-giang"])
    texts = seeds.docs.set_index("doc_id")["text"]
    assert len(k) == 8 + 6
    assert list(k["actor_id"].drop_duplicates()) == ["viktor-khrenin", "phan-van-giang"]
    for r in k.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.match


# ---------------------------------------------------------------------------------------------
# Small corpora of our own
# ---------------------------------------------------------------------------------------------


def article(header: str, *paragraphs: str) -> str:
    """An article as the crawler saves it: a ``date`` header line, then paragraphs."""
    return f" date {header} " + "\n\n".join(paragraphs) + "\n"


MINSK = article(
    "2023-05-17",
    "MINSK — Minister of National Defence General Phan Văn Giang held talks in Minsk on Wednesday with "
    "his Belarusian counterpart Viktor Khrenin, as part of his official visit to Belarus.",
    "Minister Khrenin said the visit was a good opportunity for the two defence ministries to review "
    "their cooperation in training and defence industry.",
    "Giang thanked the Belarusian side for training Vietnamese officers at Belarusian military academies "
    "over many years.",
    "The two ministers agreed to expand cooperation in military medicine and military history research. -VNA",
)
# the same story syndicated a day later by another outlet
MINSK_COPY = MINSK.replace(" date 2023-05-17", " date 2023-05-18").replace("-VNA", "— VNA/VNS")

RECEIVED = article(
    "2022-09-14",
    "HÀ NỘI — Deputy Minister of National Defence Sen. Lieut. Gen. Hoang Xuan Chien received Belarusian "
    "Ambassador to Vietnam Uladzimir Kazlou in Hanoi on September 14.",
    "Chien asked the ambassador to convey the regards of Minister Phan Văn Giang to Defence Minister "
    "Viktor Khrenin of Belarus, and thanked Belarus for training Vietnamese military officers over the years.",
    "For his part, Ambassador Kazlou pledged to do his best to contribute to the traditional friendship "
    "and defence cooperation between the two countries. -VNA",
)

ONLINE = article(
    "2020-10-14",
    "Hanoi (VNA) – Defence Minister Gen. Ngo Xuan Lich held online talks on October 14 with his Russian "
    "counterpart Sergei Shoigu, as the COVID-19 pandemic continues to disrupt direct exchanges of "
    "delegations between the two militaries.",
    "Lich thanked the Russian Defence Ministry for its support to Vietnamese military cadets studying in "
    "Russia during the pandemic.",
    "Lich said he hoped that Russian President Vladimir Putin would visit Vietnam next year to deepen "
    "defence cooperation. -VNA",
)

CGS = article(
    "2019-03-12",
    "HÀ NỘI — Chief of the General Staff of the Vietnam People's Army Sen. Lieut. Gen. Phan Văn Giang "
    "received Belarusian Defence Minister Andrei Ravkov in Hanoi on Tuesday.",
    "Giang said training remains the most effective area of defence cooperation between the two armies. -VNA",
)

PASSIVE = article(
    "2023-08-15",
    "MOSCOW — Deputy Defence Minister Sen. Lieut. Gen. Hoang Xuan Chien was received by Russian Defence "
    "Minister Sergei Shoigu on Tuesday during the International Military-Technical Forum Army-2023.",
    "Shoigu said military-technical cooperation with Vietnam is developing dynamically, and Chien thanked "
    "the Russian side for training Vietnamese officers. -VNA",
)

TRADE_FAIR = article(
    "2022-10-14",
    "HCM CITY — A trade fair of Belarusian goods opened in Ho Chi Minh City on Friday, showing tractors, "
    "trucks and dairy products from more than forty companies.",
    "Visitors tasted cheese and ice cream and looked at farm machines made in Belarus.",
    "The fair runs until Sunday and is open to the public free of charge. -VNA",
)


def load_fixture(write_corpus, files: dict[str, str], name: str = "corpus") -> defcoop.Corpus:
    return defcoop.load(write_corpus(files, name=name))


def test_syndicated_copy_counted_once_by_default(write_corpus):
    corpus = load_fixture(write_corpus, {"01_minsk.txt": MINSK, "02_copy.txt": MINSK_COPY})
    assert list(corpus.docs["duplicate_of"]) == ["", "01_minsk"]  # the loader sees the copy
    once = actors_stats.actor_frequencies(corpus, by="actor")
    # Giang: full name + "Giang thanked" = 2 mentions in the one story; Khrenin likewise
    assert once[["actor_id", "articles", "mentions"]].values.tolist() == [
        ["phan-van-giang", 1, 2],
        ["viktor-khrenin", 1, 2],
    ]
    both = actors_stats.actor_frequencies(corpus, by="actor", include_copies=True)
    assert both[["actor_id", "articles", "mentions"]].values.tolist() == [
        ["phan-van-giang", 2, 4],
        ["viktor-khrenin", 2, 4],
    ]
    # the network weight counts stories: the copy adds an article, never a story
    edges = actors_stats.meeting_edges(actors_stats.meeting_pairs(corpus, include_copies=True))
    assert edges[["stories", "articles"]].values.tolist() == [[1, 2]]
    edges = actors_stats.meeting_edges(actors_stats.meeting_pairs(corpus))
    assert edges[["stories", "articles"]].values.tolist() == [[1, 1]]


def test_meeting_abroad_is_hosted_by_the_foreign_side(write_corpus):
    corpus = load_fixture(write_corpus, {"01_minsk.txt": MINSK})
    (row,) = actors_stats.meeting_pairs(corpus).itertuples()
    # "held talks in Minsk … with": a neutral cue, so the place decides the host
    assert (row.vn_actor_id, row.foreign_actor_id, row.cue) == ("phan-van-giang", "viktor-khrenin", "talks … with")
    assert (row.host, row.guest, row.host_basis) == ("Viktor Khrenin", "Phan Văn Giang", "place: Minsk")
    assert (row.place, row.place_source, row.online) == ("Minsk", "sentence", False)


def test_received_makes_the_subject_host_and_passive_the_object(write_corpus):
    corpus = load_fixture(write_corpus, {"03_received.txt": RECEIVED, "05_passive.txt": PASSIVE})
    pairs = actors_stats.meeting_pairs(corpus, evidence="article")
    met = pairs[pairs["evidence"] == "meeting sentence"]
    assert met[["vn_actor_id", "foreign_actor_id", "host", "host_basis", "place"]].values.tolist() == [
        # "Chien received … Ambassador … Kazlou in Hanoi": Chien hosts
        ["hoang-xuan-chien", "unregistered:uladzimir-kazlou", "Hoàng Xuân Chiến", "cue: received", "Hanoi"],
        # "Chien was received by … Shoigu" (in Moscow): Shoigu hosts
        ["hoang-xuan-chien", "sergei-shoigu", "Sergei Shoigu", "cue: was received by", "Moscow"],
    ]
    # Giang and Khrenin are named in one sentence, but only as sender and addressee of regards
    same = pairs[pairs["evidence"] == "same article"]
    giang_khrenin = ("phan-van-giang", "viktor-khrenin")
    assert giang_khrenin in set(zip(same["vn_actor_id"], same["foreign_actor_id"], strict=True))
    assert giang_khrenin not in set(zip(met["vn_actor_id"], met["foreign_actor_id"], strict=True))


def test_online_talks_and_an_expected_visitor(write_corpus):
    corpus = load_fixture(write_corpus, {"04_online.txt": ONLINE})
    pairs = actors_stats.meeting_pairs(corpus, evidence="article")
    got = {r.foreign_actor_id: (r.evidence, r.online, r.place, r.host) for r in pairs.itertuples()}
    assert got == {
        # online: no place is given, even though the dateline says Hanoi
        "sergei-shoigu": ("meeting sentence", True, "", ""),
        # "hoped that … Putin would visit": not a meeting
        "vladimir-putin": ("same article", False, "", ""),
    }
    assert len(actors_stats.meeting_pairs(corpus)) == 1


def test_office_named_by_the_title_when_several_are_held(write_corpus):
    # In 2019 Giang was both Chief of the General Staff and a deputy minister; the article's title
    # says which hat he wore.
    corpus = load_fixture(write_corpus, {"01_cgs.txt": CGS})
    m = actors_stats.actor_mentions(corpus)
    assert set(m.loc[m["actor_id"] == "phan-van-giang", "office"]) == {"chief of general staff"}
    assert set(m.loc[m["actor_id"] == "phan-van-giang", "level"]) == {"military command"}
    assert set(m.loc[m["actor_id"] == "andrei-ravkov", "office"]) == {"defence minister"}


def test_unregistered_officials_listed_for_review(write_corpus):
    corpus = load_fixture(write_corpus, {"03_received.txt": RECEIVED})
    u = actors_stats.unregistered_actors(corpus)
    assert u[["actor_id", "name", "country", "title", "office", "articles", "mentions"]].values.tolist() == [
        # "Belarusian Ambassador to Vietnam Uladzimir Kazlou" + "Ambassador Kazlou"
        ["unregistered:uladzimir-kazlou", "Uladzimir Kazlou", "Belarus", "Ambassador to Vietnam", "ambassador", 1, 2],
    ]
    r = u.iloc[0]
    assert corpus.docs.set_index("doc_id").loc[r["doc_id"], "text"][r["start"] : r["end"]] == "Uladzimir Kazlou"
    freq = actors_stats.actor_frequencies(corpus, by="actor")
    assert freq.loc[freq["actor_id"] == "unregistered:uladzimir-kazlou", "registered"].tolist() == [False]
    levels = actors_stats.actor_frequencies(corpus, by="level")
    assert "diplomat" in set(levels["level"])


def test_empty_corpus_stops_with_a_sentence(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    corpus = defcoop.load(tmp_path / "empty")
    with pytest.raises(InsufficientData, match="has none"):
        actors_stats.actor_mentions(corpus)
    with pytest.raises(InsufficientData):
        actors_stats.meeting_pairs(corpus)


def test_corpus_without_officials_stops_with_a_sentence(write_corpus):
    corpus = load_fixture(write_corpus, {"01_trade.txt": TRADE_FAIR})
    with pytest.raises(InsufficientData, match=r"no official .* was found in the 1 article"):
        actors_stats.actor_frequencies(corpus)


def test_bad_grouping_is_refused(seeds):
    with pytest.raises(ValueError, match="by must be some of"):
        actors_stats.actor_frequencies(seeds, by="party")  # type: ignore[arg-type]


def test_outputs_are_sorted_and_repeatable(seeds):
    a = actors_stats.meeting_pairs(seeds, evidence="article")
    b = actors_stats.meeting_pairs(seeds, evidence="article")
    pd.testing.assert_frame_equal(a, b)
    freq = actors_stats.actor_frequencies(seeds, by="actor")
    keys = list(zip(-freq["articles"], -freq["mentions"], freq["actor_id"], strict=True))
    assert keys == sorted(keys)


def test_layout_puts_vietnamese_left_foreign_right_and_is_deterministic(seeds):
    edges = actors_stats.meeting_edges(actors_stats.meeting_pairs(seeds))
    g = actors_stats.meeting_graph(edges)
    pos = actors_stats.meeting_layout(g)
    assert pos == actors_stats.meeting_layout(actors_stats.meeting_graph(edges))
    for n, d in g.nodes(data=True):
        assert pos[n][0] == (0.0 if d["side"] == "Vietnam" else 1.0)
    # foreign officials grouped by country: the three Belarusians above the Russian
    foreign = sorted((n for n in g if pos[n][0] == 1.0), key=lambda n: -pos[n][1])
    assert [g.nodes[n]["country"] for n in foreign] == ["Belarus", "Belarus", "Belarus", "Russia"]
    assert isinstance(g, nx.Graph)


# ---------------------------------------------------------------------------------------------
# Scale: one mentions table for every function, and a bounded network drawing
# ---------------------------------------------------------------------------------------------


def test_functions_given_the_mentions_table_give_the_same_results(seeds):
    m = actors_stats.actor_mentions(seeds)
    for fn, kw in [
        (actors_stats.actor_frequencies, {"by": ["year", "office"]}),
        (actors_stats.actor_surface_forms, {}),
        (actors_stats.actor_documents, {}),
        (actors_stats.unregistered_actors, {}),
        (actors_stats.actor_kwic, {"actor_ids": ["viktor-khrenin", "phan-van-giang"]}),
    ]:
        pd.testing.assert_frame_equal(fn(seeds, **kw), fn(seeds, mentions=m, **kw))


def _edges(n_vn: int, n_foreign: int) -> pd.DataFrame:
    rows = []
    for v in range(n_vn):
        for f in range(n_foreign):
            if (v * 7 + f * 3) % 5 == 0:
                continue
            rows.append(
                {
                    "vn_actor_id": f"vn-{v:03d}",
                    "vn_actor": f"VN {v:03d}",
                    "foreign_actor_id": f"fo-{f:03d}",
                    "foreign_actor": f"Foreign {f:03d}",
                    "stories": 1 + (v * f) % 13,
                    "articles": 1 + (v * f) % 13,
                }
            )
    e = pd.DataFrame(rows)
    return e.sort_values(
        ["stories", "articles", "vn_actor", "foreign_actor"], ascending=[False, False, True, True], ignore_index=True
    )


def test_strongest_edges_bounds_the_network_above_the_cut():
    edges = _edges(60, 100)  # 4,800 pairs among 160 officials
    assert len(edges) >= 4000
    kept, cut = actors_stats.strongest_edges(edges, max_nodes=30, max_edges=45)
    nodes = set(kept["vn_actor_id"]) | set(kept["foreign_actor_id"])
    assert 0 < len(kept) <= 45 and len(nodes) <= 30
    assert cut == f"the {len(kept)} pairs with most stories (of {len(edges):,}), among {len(nodes)} officials (of 160)"
    # the strongest pair is kept, and a pair left out is no stronger than every pair kept after it
    assert kept.iloc[0].equals(edges.iloc[0])
    assert kept["stories"].is_monotonic_decreasing
    graph = actors_stats.meeting_graph(
        kept.assign(vn_office="", foreign_country="X", foreign_office="", last_date="", online=False)
    )
    assert graph.number_of_nodes() <= 30 and graph.number_of_edges() == len(kept)


def test_strongest_edges_leaves_a_small_network_alone(seeds):
    edges = actors_stats.meeting_edges(actors_stats.meeting_pairs(seeds))
    kept, cut = actors_stats.strongest_edges(edges)
    assert cut == ""
    pd.testing.assert_frame_equal(kept, edges)


def test_kwic_per_actor_keeps_the_first_mentions_of_each(seeds):
    full = actors_stats.actor_kwic(seeds, actor_ids=["viktor-khrenin", "phan-van-giang"])
    cut = actors_stats.actor_kwic(seeds, actor_ids=["viktor-khrenin", "phan-van-giang"], per_actor=2)
    assert cut["actor_id"].value_counts().to_dict() == {"viktor-khrenin": 2, "phan-van-giang": 2}
    want = full.groupby("actor_id", sort=False).head(2).reset_index(drop=True)
    pd.testing.assert_frame_equal(cut, want)


def test_cue_prefilter_never_hides_a_cue():
    from defcoop.annotate.meetings import CUE_WORDS, MEETING_CUES, meeting_cues

    assert set(CUE_WORDS) == {name for name, _, _ in MEETING_CUES}
    sentences = [
        "Minister Giang held talks with Minister Khrenin in Hanoi.",
        "President Cuong RECEIVES Khrenin; they MEETS often and Meet again.",
        "Khrenin was warmly welcomed by Giang at a banquet held in honour of the guests for the delegation.",
        "Vinh had an online discussion with Fomin, and paid a courtesy call on the minister.",
        "Giang meets Khrenin. A dinner for the delegation was hosted by the ministry.",
        "The two sides signed a memorandum on training.",
    ]
    for s in sentences:
        full = []
        for _name, pattern, role in MEETING_CUES:  # every expression on every sentence, as before the prefilter
            for m in pattern.finditer(s):
                if not any(m.start() < e and b < m.end() for b, e, _, _ in full):
                    words = m.group(0).split()
                    full.append(
                        (m.start(), m.end(), " ".join(words) if len(words) <= 4 else f"{words[0]} … {words[-1]}", role)
                    )
        assert meeting_cues(s) == sorted(full), s
