"""Annotation on the seeds, checked by hand, and on small fixtures for each rule."""

import pytest

import defcoop
from tests.conftest import doc


def actor_mentions(corpus, prefix):
    m = corpus.mentions
    m = m[(m["kind"] == "actor") & m["doc_id"].str.startswith(prefix)]
    return list(zip(m["id"], m["surface"], m["how"], strict=True))


@pytest.mark.parametrize(
    ("prefix", "actors"),
    [
        ("000", ["dang-thi-ngoc-thinh", "andrei-ravkov", "ngo-xuan-lich"]),
        ("001", ["tran-dai-quang", "vladimir-semashko"]),
        ("002", ["phan-van-giang", "viktor-khrenin"]),
        ("003", ["luong-cuong", "viktor-khrenin", "phan-van-giang"]),
        ("004", ["nguyen-chi-vinh", "alexander-fomin", "sergei-shoigu"]),
    ],
)
def test_seed_actors_in_order_of_first_mention(seeds, prefix, actors):
    assert doc(seeds, prefix)["actor_ids"] == actors


def test_khrenin_is_one_person_under_three_names(seeds):
    # 002 "Viktor Gennadievich Khrenin", then "Minister Khrenin"; 003 "Khrenin Viktor Gennadievich"
    # in the photo caption and in the lead, "Khrenin", the title-only "Belarusian defence minister"
    # in the headline, and "the Belarusian minister" twice (the one Belarusian official the
    # article names).
    m002 = [(s, h) for i, s, h in actor_mentions(seeds, "002") if i == "viktor-khrenin"]
    m003 = [(s, h) for i, s, h in actor_mentions(seeds, "003") if i == "viktor-khrenin"]
    assert m002 == [("Viktor Gennadievich Khrenin", "name"), ("Khrenin", "short")]
    assert m003 == [
        ("defence minister", "title"),
        ("Khrenin Viktor Gennadievich", "name"),  # (the caption)
        ("Khrenin Viktor Gennadievich", "name"),
        ("minister", "title"),
        ("minister", "title"),
        ("Khrenin", "short"),
    ]
    per_article = seeds.mentions.query("kind == 'actor' and id == 'viktor-khrenin'")["doc_id"].nunique()
    assert per_article == 2


def test_photo_credit_is_never_an_actor(seeds):
    assert not seeds.mentions["surface"].str.contains("Lâm Khánh").any()
    assert all("Lâm Khánh" not in a for actors in seeds.docs["actors"] for a in actors)


def test_short_mentions_and_initials_on_the_seeds(seeds):
    m001 = actor_mentions(seeds, "001")
    assert [s for i, s, h in m001 if h == "short"] == ["Quang", "Quang", "Quang", "Semashko", "Quang"]
    m004 = actor_mentions(seeds, "004")
    assert ("alexander-fomin", "A.V. Fomin", "name") in m004
    assert ("sergei-shoigu", "S.K.Shoigu", "name") in m004
    # "The Russian Deputy Defence Minister wished ..." is Fomin, resolved through his office
    assert ("alexander-fomin", "Deputy Defence Minister", "title") in m004


@pytest.mark.parametrize(
    ("prefix", "partners"),
    [("000", ["Belarus"]), ("001", ["Belarus"]), ("002", ["Belarus"]), ("003", ["Belarus"]), ("004", ["Russia"])],
)
def test_seed_partners(seeds, prefix, partners):
    assert doc(seeds, prefix)["partners"] == partners


def test_history_and_multilateral_mentions_are_not_partner_evidence(seeds):
    m = seeds.mentions.query("kind == 'country'")
    soviet = m[m["sentence"].str.contains("Soviet Union")]
    assert set(soviet.loc[soviet["id"] == "Belarus", "role"]) <= {"history"}
    texts = seeds.docs.set_index("doc_id")["text"]
    after_asean = [
        r.role for r in m.itertuples() if r.surface == "Russia" and texts[r.doc_id][r.start - 6 : r.start] == "ASEAN-"
    ]
    assert after_asean == ["multilateral"]


def test_every_mention_points_at_its_surface(seeds):
    texts = seeds.docs.set_index("doc_id")["text"]
    for r in seeds.mentions.itertuples():
        assert " ".join(texts[r.doc_id][r.start : r.end].split()) == r.surface


def test_seed_themes_by_sentence(seeds):
    t000 = doc(seeds, "000")["themes"]
    # "The two sides signed an agreement on cooperation in military science and a plan ..." -> signed
    assert "agreement_signed" in t000
    # "ensure the progress and quality of signed military commercial contracts" is arms, not a signing
    m = seeds.mentions.query("kind == 'theme' and id == 'agreement_signed'")
    assert not m["sentence"].str.contains("signed military commercial contracts").any()
    assert "covid_health" in doc(seeds, "004")["themes"]
    assert "maritime_south_china_sea" in doc(seeds, "002")["themes"]  # UNCLOS, DOC, COC


def test_unregistered_official_with_country(write_corpus):
    root = write_corpus(
        {
            "a.txt": "Talks\n\nDeputy Defence Minister Sen. Lieut. Gen. Hoang Xuan Chien received Belarusian "
            "Ambassador to Vietnam Ivan Petrovsky in Hanoi on 12 March 2023. Petrovsky said Belarus values "
            "defence cooperation with Vietnam. Colonel Nguyen Van Tam, Director of the Foreign Relations "
            "Department, attended.",
        }
    )
    d = defcoop.load(root).docs.iloc[0]
    assert d["actor_ids"] == ["hoang-xuan-chien", "unregistered:ivan-petrovsky", "unregistered:nguyen-van-tam"]
    m = defcoop.load(root).mentions.query("kind == 'actor' and registered == False")
    assert list(zip(m["surface"], m["country"], strict=True)) == [
        ("Ivan Petrovsky", "Belarus"),
        ("Petrovsky", "Belarus"),
        ("Nguyen Van Tam", "Vietnam"),
    ]
    assert d["partners"] == ["Belarus"]


def test_title_only_mention_resolved_by_holder_on_date(write_corpus):
    # Nobody is named: the Belarusian defence minister on 2019-06-01 was Andrei Ravkov.
    root = write_corpus(
        {
            "a.txt": " date 2019-06-01 Talks\n\nThe Belarusian Defence Minister arrived in Hanoi for "
            "talks on defence cooperation with Vietnam."
        }
    )
    d = defcoop.load(root).docs.iloc[0]
    assert d["actor_ids"] == ["andrei-ravkov"]


def test_vietnamese_article_gets_its_own_lexicons(write_corpus):
    root = write_corpus(
        {
            "vi.txt": " date 2024-12-17 Đại tướng Phan Văn Giang hội đàm với Bộ trưởng Quốc phòng Belarus\n\n"
            "Chiều 17-12, tại Hà Nội, Bộ trưởng Bộ Quốc phòng Việt Nam đã hội đàm với Bộ trưởng Bộ Quốc phòng "
            "Cộng hòa Belarus. Hai bên nhất trí tăng cường hợp tác quốc phòng và an ninh trong thời gian tới."
        }
    )
    d = defcoop.load(root).docs.iloc[0]
    assert d["language"] == "vi"
    # the registry's people named in full; Belarus is the counterpart (Bộ Quốc phòng Belarus), by
    # the Vietnamese country forms and partner words ("Bộ trưởng Quốc phòng Belarus" names nobody
    # the registry knows, no English title rule runs)
    assert (d["actors"], d["partners"]) == (["Phan Văn Giang"], ["Belarus"])
    assert d["on_topic"]  # Vietnamese defence keywords in two sentences
    assert d["date"] == "2024-12-17"


def test_syndicated_copy_points_to_the_first(write_corpus):
    story = (
        "Minister of National Defence Phan Van Giang held talks with Belarusian Defence Minister Viktor "
        "Khrenin in Hanoi. The two sides agreed to step up training cooperation and delegation exchanges. "
        "Khrenin invited Giang to visit Minsk. They signed a cooperation plan for next year."
    )
    root = write_corpus(
        {
            "a.txt": f" date 2024-12-17 Talks\n\n{story}\n\n-VNA",
            "b.txt": f" date 2024-12-18 Vietnam, Belarus hold talks\n\nShare this:\n\n{story}\n\nRelated posts",
            "c.txt": " date 2024-12-19 Other\n\nA different story about Russia and Vietnam cooperating in "
            "military medicine, with new training courses for doctors at the academy in Hanoi.",
        }
    )
    c = defcoop.load(root)
    assert dict(zip(c.docs["doc_id"], c.docs["duplicate_of"], strict=True)) == {"a": "", "b": "a", "c": ""}
    assert list(c.stories["doc_id"]) == ["a", "c"]
