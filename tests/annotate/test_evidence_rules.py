"""Partners, themes and officials that need evidence (issue 15, 2026-12-04 round).

Every text is written for the test.  Each rule is checked beside a control that differs from it
in the one thing the rule reads, so that a test fails when the rule is gone and when it fires
too widely.
"""

from __future__ import annotations

import pytest

from defcoop.annotate.pipeline import annotate_article
from defcoop.lexicons.datafiles import DataFileError
from defcoop.lexicons.themes import load_codebook
from defcoop.reading.parse import parse_article

#: A Vietnamese defence official and a second defence sentence: an article with a partner is on
#: topic with them.  They name no other country and no theme of those tested here.
LEAD = (
    "HANOI, March 4, 2019 - Deputy Minister of National Defence Nguyen Chi Vinh received the delegation in Hanoi.\n\n"
)


def _ann(text: str):
    return annotate_article("t", parse_article(text), "en")


def _rows(ann, kind: str) -> list[tuple]:
    return [m for m in ann.mentions if m[1] == kind]


# -- partners -------------------------------------------------------------------------------------


def test_a_between_phrase_joins_only_the_countries_inside_it():
    # "between India and Russia" in a sentence that names Vietnam elsewhere joins India and Russia,
    # not Russia and Vietnam
    venture = _ann(
        LEAD + "Vinh and Indian Defence Secretary Ajay Kumar discussed training.\n\n"
        "Vietnam is said to want the BrahMos missile, a joint venture between India and Russia, for its navy.\n"
    )
    assert "India" in venture.partners and "Russia" not in venture.partners
    # Vietnam inside the phrase: a bilateral mention
    ties = _ann(LEAD + "The talks between Vietnam and its neighbour Laos were held in Hanoi on Monday.\n")
    roles = {(m[2], m[10]) for m in _rows(ties, "country")}
    assert ("Laos", "bilateral") in roles and ties.partners == ["Laos"]
    # a Vietnamese official inside the phrase stands for Vietnam
    official = _ann(
        "HANOI, March 4, 2019 - This was stated at a meeting between Deputy Minister of National Defence "
        "Nguyen Chi Vinh and State Secretary for Defence of Germany in Hanoi.\n\n"
        "The two sides discussed defence cooperation.\n"
    )
    assert ("Germany", "bilateral") in {(m[2], m[10]) for m in _rows(official, "country")}
    # a country after the phrase's clause has ended is no part of it, though the sentence names Vietnam
    clause = "It promotes cooperation between the grouping and its partners{} showing Cambodia's ties with Vietnam.\n"
    roles = {(m[2], m[10]) for m in _rows(_ann(LEAD + clause.format(",")), "country")}
    assert ("Cambodia", "bilateral") not in roles
    roles = {(m[2], m[10]) for m in _rows(_ann(LEAD + clause.format("")), "country")}
    assert ("Cambodia", "bilateral") in roles  # (the control: one clause)
    # the country before Vietnam in the phrase, an acronym and a list inside it
    for text, countries in (
        ("The talks were held between Russia and the Vietnamese defence ministry.", {"Russia"}),
        ("Ties between the Vietnam People's Army (VPA) and the Lao People's Army grew.", {"Laos"}),
        ("Cooperation between Vietnam, Laos and Cambodia grew.", {"Laos", "Cambodia"}),
    ):
        roles = {(m[2], m[10]) for m in _rows(_ann(LEAD + text + "\n"), "country")}
        assert {(c, "bilateral") for c in countries} <= roles, text


def test_a_between_phrase_ends_at_its_second_member():
    # "between the Japanese and Vietnamese ministers" is closed by "Vietnamese": China, named later in
    # the same clause, is no part of it
    text = "The meeting between the Japanese and Vietnamese defence ministers in Hanoi coincided with a visit by {}."
    roles = {(m[2], m[10]) for m in _rows(_ann(LEAD + text.format("China's foreign minister") + "\n"), "country")}
    assert ("Japan", "bilateral") in roles and ("China", "bilateral") not in roles
    # the control: the same sentence with China as the phrase's second member
    control = "The meeting between the Vietnamese and Chinese defence ministers in Hanoi coincided with a visit."
    roles = {(m[2], m[10]) for m in _rows(_ann(LEAD + control + "\n"), "country")}
    assert ("China", "bilateral") in roles
    # a list after the conjunction keeps its members: Cambodia is joined to Laos
    listed = "Cooperation between Vietnam and Laos and Cambodia grew."
    roles = {(m[2], m[10]) for m in _rows(_ann(LEAD + listed + "\n"), "country")}
    assert {("Laos", "bilateral"), ("Cambodia", "bilateral")} <= roles


def test_a_country_named_as_another_ones_ally_is_no_counterpart():
    text = LEAD + "Vinh met the Philippine delegation amid tension with China and {} the Philippines.\n"
    ally = _ann(text.format("U.S. defence ally"))
    assert ("United States", "counterpart") not in {(m[2], m[10]) for m in _rows(ally, "country")}
    assert ally.partners == ["Philippines"]
    control = _ann(text.format("the U.S. defence ministry and"))  # (a counterpart word alone)
    assert ("United States", "counterpart") in {(m[2], m[10]) for m in _rows(control, "country")}


def test_a_partner_meeting_a_third_country_makes_that_country_no_partner():
    story = (
        "SINGAPORE, June 1, 2014 - Japanese Defense Minister Itsunori Onodera and his Vietnamese counterpart "
        "Phung Quang Thanh agreed on Sunday to strengthen defense cooperation.\n\n"
        "Later on Sunday, Onodera {met} French Defence Minister Jean-Yves Le Drian.\n\n"
        "They agreed to deepen cooperation with the French military on equipment.\n"
    )
    third = _ann(story.format(met="met"))
    assert third.partners == ["Japan"]
    assert "France" in {m[2] for m in _rows(third, "country")}  # (still recorded, with its role)
    # (the controls: a Vietnamese official in the sentence, or the official meeting nobody else)
    with_home = _ann(story.format(met="and Thanh met"))
    assert set(with_home.partners) == {"France", "Japan"}
    # officials side by side at an event are no meeting of theirs, and two countries the story never
    # sets beside Vietnam are no third party to each other (a trilateral story that leaves its host
    # implicit)
    side_by_side = _ann(story.format(met="and").replace("They agreed", "The ministers agreed"))
    assert set(side_by_side.partners) == {"France", "Japan"}
    attended = _ann(story.format(met="and his counterpart").replace(" Le Drian.", " Le Drian attended a dinner."))
    assert set(attended.partners) == {"France", "Japan"}
    host = _ann(story.format(met="and his host met"))
    assert set(host.partners) == {"France", "Japan"}
    # the official-less sentence after the meeting counts only for the country the meeting named
    after = _ann(story.format(met="met").replace("the French military", "the Indian navy"))
    assert set(after.partners) == {"India", "Japan"}
    trilateral = _ann(
        "HANOI, December 20, 2019 - Vietnam hosted the border ceremony.\n\n"
        "Lao Defence Minister Chansamone Chanyalath met Cambodian Defence Minister Tea Banh there.\n"
    )
    assert set(trilateral.partners) == {"Cambodia", "Laos"}


def test_a_two_word_demonym_before_a_title_gives_the_official_its_country():
    ann = _ann(
        LEAD + "Vietnamese Deputy Defence Minister Hoang Xuan Chien met his North Korean counterpart Kim Min Sop "
        "in Pyongyang.\n"
    )
    countries = {m[3]: m[9] for m in _rows(ann, "actor")}
    assert countries["Kim Min Sop"] == "North Korea"
    assert ann.partners == ["North Korea"]


# -- themes ---------------------------------------------------------------------------------------


def test_a_list_of_fields_alone_is_no_evidence_of_a_civilian_theme():
    pillars = LEAD + (
        "Vinh and the Japanese delegation agreed that ties grow across the pillars of politics, economy, "
        "national defence, sci-tech, culture and people-to-people exchanges.\n"
    )
    ann = _ann(pillars)
    assert ann.on_topic
    evidence = {m[2] for m in _rows(ann, "theme")}
    assert {"trade_economy", "culture_sport"} <= evidence  # the phrases are recorded ...
    assert "trade_economy" not in ann.themes and "culture_sport" not in ann.themes  # ... but carry nothing
    # beside a second sentence of evidence, the list counts
    more = _ann(pillars + "The two sides discussed trade and investment between the two militaries' firms.\n")
    assert "trade_economy" in more.themes
    # the same theme named outside a list carries it
    plain = _ann(LEAD + "Vinh and the Japanese delegation discussed economic cooperation.\n")
    assert "trade_economy" in plain.themes


def test_a_list_of_defence_fields_is_the_agenda_and_carries_its_themes():
    ann = _ann(
        LEAD + "Vinh and the Philippine delegation would work together on search and rescue, military medicine, "
        "cybersecurity, defence industry and training.\n"
    )
    assert {"military_medicine", "defence_industry", "training_education"} <= set(ann.themes)


def test_in_list_reads_the_items_of_a_list_and_nothing_else():
    from defcoop.annotate.themes import in_list

    s = "Ties grew in economy, politics, defence-security, sci-tech and culture."
    for word in ("economy", "politics", "sci-tech", "culture"):
        i = s.index(word)
        assert in_list(s, i, i + len(word)), word
    s = "They discussed economic cooperation, trade and investment."  # two commas: no list of four
    assert not in_list(s, s.index("trade"), s.index("trade") + 5)
    s = "Ties grew in economy, politics, defence and culture. Trade rose."  # the list ended with its clause
    assert not in_list(s, s.index("Trade"), s.index("Trade") + 5)


def test_lists_alone_must_be_true_or_false(tmp_path):
    bad = tmp_path / "themes.yml"
    bad.write_text(
        "- id: trade_economy\n  label: Trade\n  definition: Trade.\n  include: [trade]\n  lists_alone: sometimes\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="lists_alone must be true or false"):
        load_codebook(bad)


@pytest.mark.parametrize(
    ("context", "control", "theme"),
    [
        (
            "Cooperation kept its momentum despite impacts caused by the COVID-19 pandemic.",
            "Cooperation kept its momentum in fighting the COVID-19 pandemic.",
            "covid_health",
        ),
        (
            "The hospital will replace the rotation in the United Nations Mission in South Sudan.",
            "The hospital will replace the rotation at the United Nations in South Sudan.",
            "multilateral_asean_un",
        ),
    ],
)
def test_context_phrases_are_no_evidence(context, control, theme):
    def evidence(sentence: str) -> set[str]:
        ann = _ann(LEAD + "Vinh and the Indian delegation discussed defence cooperation. " + sentence + "\n")
        return {m[2] for m in _rows(ann, "theme")}

    assert theme not in evidence(context)
    assert theme in evidence(control)


def test_the_pandemic_as_the_time_of_cooperation_is_evidence():
    # (only the pandemic as the circumstance of something else is context)
    ann = _ann(LEAD + "During the COVID-19 pandemic, the two armies exchanged medical supplies and vaccines.\n")
    assert "covid_health" in {m[2] for m in _rows(ann, "theme")}


# -- officials ------------------------------------------------------------------------------------


def _officials(text: str) -> dict[str, str]:
    """Each official's name as written -> country."""
    return {m[3]: m[9] for m in _rows(_ann(LEAD + text + "\n"), "actor")}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # "said <Name>, <title>": a verb of reported speech before the name
        (
            '"We are friends," said Nguyen Quoc Khanh, deputy chief of the Vietnamese embassy in Havana.',
            "Nguyen Quoc Khanh",
            "Vietnam",
        ),
        # a country's possessive between the comma and the title gives the country
        (
            "The dialogue was chaired by Peter Tesch, Australia's deputy secretary for strategic policy.",
            "Peter Tesch",
            "Australia",
        ),
        # "on" inside an institution's name
        (
            "It was co-chaired by Deputy Director of the Federal Agency on Military Cooperation V.K. Dzirkaln.",
            "V.K. Dzirkaln",
            "",
        ),
        # a particle inside the name (its country is not read through "Crown Prince and")
        (
            "He met Saudi Arabia's Crown Prince and Prime Minister Mohammed bin Salman in Riyadh.",
            "Mohammed bin Salman",
            "",
        ),
        # honorifics before the name are no part of it
        (
            "He met a delegation led by Major General Dato Paduka Seri Haji Muhammad Haszaimi Bin Bol Hassan.",
            "Muhammad Haszaimi Bin Bol Hassan",
            "",
        ),
        ("On 29 May 2018, Ministerial Commissioner István Joó welcomed the delegation.", "István Joó", ""),
    ],
)
def test_titles_in_apposition_name_unregistered_officials(text, name, country):
    officials = _officials(text)
    assert officials.get(name) == country, officials


def test_a_particle_needs_a_name_on_both_sides():
    # "van" before a lower-case word, or before a place, joins nothing
    for text in (
        "Ambassador Hendrik Berger van der tweede divisie spoke.",
        "Ambassador Hendrik Berger van Hanoi spoke.",
    ):
        assert "Hendrik Berger" in _officials(text), text
    assert "Hendrik van Berger" in _officials("Ambassador Hendrik van Berger spoke.")  # (the control)
    # "de" is no particle in English text: it joins institutions' names
    assert _officials("He received the Director of Institut de Recherche Stratégique.") == {
        "Nguyen Chi Vinh": "Vietnam"
    }


def test_a_headline_in_title_case_names_nobody_unless_the_prose_does():
    assert _officials("Former Immigration Chief Pleads Guilty to Contempt Over Visa Deal") == {
        "Nguyen Chi Vinh": "Vietnam"
    }
    # the same words in a caption (names and titles, capitalised throughout) still name the official
    captioned = _ann(
        "Deputy Minister Hoang Xuan Chien (R) and Polish Ambassador to Vietnam Aleksander Surdej (Photo: VNA) "
        "Hanoi (VNA) – Deputy Minister of National Defence Hoang Xuan Chien received the ambassador on "
        "April 17, 2024.\n"
    )
    assert "Aleksander Surdej" in captioned.actors
    # a title-case headline whose name the prose repeats in full keeps it; the last word alone is no repeat
    headline = "Minister Receives Ambassador Olaf Berg In Hanoi\n\n{}"
    assert "Olaf Berg" in _officials(headline.format("Vinh thanked Olaf Berg for his work."))
    assert "Olaf Berg" not in _officials(headline.format("Vinh visited Berg in the afternoon."))
    # a line of a name and its title, with its full stop, is no headline
    line = "Major General Rafael Hernandez Lopez, Deputy Chief of the General Staff of the Armed Forces."
    assert "Rafael Hernandez Lopez" in _officials(line)


# -- dates ----------------------------------------------------------------------------------------


def test_a_caption_dates_a_story_whose_lead_has_no_full_date():
    story = (
        "TOKYO (AP) - Japan's prime minister met Vietnam's leader on Monday to discuss defence ties.\n\n"
        "The two leaders agreed to expand cooperation.\n\n"
        "{caption} (AP Photo/Minh Hoang)\n"
    )
    ann = _ann(story.format(caption="Leaders wave to children in Hanoi, Vietnam Monday, Oct. 19, 2020."))
    assert (ann.date.iso, ann.date_source) == ("2020-10-19", "text")
    archive = _ann(story.format(caption="In this Sept. 6, 2021 file photo, the minister speaks to the media."))
    assert archive.date is None


@pytest.mark.parametrize(
    ("text", "iso", "source"),
    [
        (
            "The Defence Minister of Mongolia visited Vietnam on December 7-11, 2010 at the invitation of {v}.",
            "2010-12",
            "text",
        ),
        (
            "The 75th anniversary of diplomatic relations between China and Vietnam is marked. From April 11 to 17, "
            "General Phan Van Giang and his Chinese guests hold joint medical consultations.",
            "2025-04",
            "inferred",
        ),
        # a weekday in the lead that one day of the span has: that day (18 November 2025 was a Tuesday)
        (
            "Slovak Defence Minister Robert Kalinak met General Phan Van Giang on Tuesday.\n\n"
            "Kalinak is on a visit to Vietnam from November 18 to 20, marking the 75th anniversary of "
            "diplomatic relations between Vietnam and Slovakia (1950-2025).",
            "2025-11-18",
            "inferred",
        ),
        (
            "Slovak Defence Minister Robert Kalinak met General Phan Van Giang on Friday.\n\n"
            "Kalinak is on a visit to Vietnam from November 18 to 20, marking the 75th anniversary of "
            "diplomatic relations between Vietnam and Slovakia (1950-2025).",
            "2025-11",
            "inferred",
        ),
        # (the control: one day)
        (
            "The Defence Minister of Mongolia visited Vietnam on December 7, 2010 at the invitation of {v}.",
            "2010-12-07",
            "text",
        ),
    ],
)
def test_a_span_of_days_dates_the_story_to_its_month(text, iso, source):
    ann = _ann(text.format(v="Defence Minister Phung Quang Thanh") + "\n")
    assert (ann.date.iso if ann.date else None, ann.date_source) == (iso, source)


@pytest.mark.parametrize(
    ("weekday", "iso"),
    [
        ("Thursday", "2023-08-17"),  # the one 17 August on a Thursday in Chien's time as deputy minister
        ("Friday", None),  # none is a Friday then: the weekday decides nothing, and the year stays open
        ("", None),  # (the control: no weekday)
    ],
)
def test_the_weekday_of_the_event_narrows_the_year_of_a_year_less_date(weekday, iso):
    text = "VIETNAM, August 17 - Deputy Minister of National Defence Hoang Xuan Chien received the attache{}.\n"
    ann = _ann(text.format(f" on {weekday}" if weekday else ""))
    assert (ann.date.iso if ann.date else None) == iso


def test_of_two_date_lines_the_one_the_story_confirms_dates_it():
    page = (
        "February 14, 2026 05:04 am (IST)\n"
        "Follow us:\n"
        "facebook-white sharing button\n"
        "Ministers hold talks in New Delhi on defence ties\n"
        "Rajnath Singh Twitter page\n"
        "| @indiablooms | Jun 19, 2023, at 11:59 pm\n"
        "New Delhi: Indian Defence Minister Rajnath Singh held talks with Vietnam's defence minister in "
        "New Delhi on June 19, 2023.\n"
    )
    art = parse_article(page)
    assert art.dateline.iso == "2023-06-19"
    kinds = {page[b.start : b.end]: b.kind for b in art.blocks}
    assert kinds["February 14, 2026 05:04 am (IST)"] == "widget"
    assert kinds["facebook-white sharing button"] == kinds["Follow us:"] == "boilerplate"
    # the story confirms the other line: that one
    assert parse_article(page.replace("June 19, 2023.", "February 14, 2026.")).dateline.iso == "2026-02-14"
    # with no confirmation, the rule of position stands (the first date line after the title)
    assert parse_article(page.replace(" on June 19, 2023", "")).dateline.iso == "2023-06-19"


# -- bare family names ----------------------------------------------------------------------------

SUGA = "Hanoi, October 19, 2020 - {a} and Phuc signed agreements on Monday. {b} promised support for workers."


def test_a_bare_family_name_written_twice_resolves_to_the_one_holder_in_office():
    ann = _ann(SUGA.format(a="Suga", b="Suga"))
    assert "yoshihide-suga" in ann.actor_ids  # Japan's prime minister in October 2020


@pytest.mark.parametrize(
    "text",
    [
        SUGA.format(a="Suga", b="He"),  # written once
        SUGA.format(a="Suga", b="Suga").replace("Hanoi, October 19, 2020 - ", ""),  # undated
        SUGA.format(a="Suga", b="Suga").replace("October 19, 2020", "2020"),  # dated to a year only
    ],
)
def test_a_bare_family_name_needs_two_mentions_and_a_precise_date(text):
    assert "yoshihide-suga" not in _ann(text).actor_ids


def test_a_bare_family_name_shared_by_many_is_no_mention():
    # a family name written first (Chinese, Korean) is shared by millions: "Wang" is not Wang Yi,
    # though he was the one Wang of the registry in office in May 2019
    ann = _ann("Beijing, May 3, 2019 - Wang met the delegation. Wang said ties grew.")
    assert ann.actor_ids == []
    # a family name the article gives to another person is his
    singh = _ann(
        "New Delhi, June 19, 2023 - Lieutenant General Harinder Singh met the delegation. Singh said ties grew. "
        "Singh also praised the navy."
    )
    assert "rajnath-singh" not in singh.actor_ids


def test_an_institution_named_for_trade_is_no_trade_cooperation():
    # the codebook's mask phrases: naming Australia's Department of Foreign Affairs and Trade or
    # the APEC leaders' meeting reports no cooperation on trade; the same words as the subject do
    text = LEAD + "Vinh co-chaired the dialogue with Australia's Deputy Secretary of the {} Richard Maude.\n"
    named = _ann(text.format("Department of Foreign Affairs and Trade"))
    assert "trade_economy" not in named.themes
    assert "trade_economy" in _ann(text.format("department for defence and trade talks")).themes
    summit = _ann(LEAD + "He recalled Trudeau's attendance at the APEC Economic Leaders' Meeting in Da Nang.\n")
    assert "trade_economy" not in summit.themes
    control = _ann(LEAD + "He recalled that the two leaders discussed economic cooperation in Da Nang.\n")
    assert "trade_economy" in control.themes
