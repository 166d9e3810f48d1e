"""Names as the page writes them, former holders, clause-bound exclusions, related-news furniture,
pages written in the week of their event (issue 15, 2026-12-04 evening round).

Every text is written for the test.  Each rule is checked beside controls that do not have what
the rule reads, so that a test fails when the rule is gone and when it fires too widely.
"""

from __future__ import annotations

from defcoop.annotate.pipeline import annotate_article
from defcoop.reading.parse import parse_article

LEAD = "HANOI, May 5, 2022 - "


def _ann(text: str):
    return annotate_article("t", parse_article(text), "en")


def _body(text: str) -> str:
    art = parse_article(text)
    return " ".join(art.text[s.start : s.end] for s in art.sentences if s.section == "body")


# -- names as the page writes them ----------------------------------------------------------------


def test_an_official_is_named_as_the_page_writes_him():
    talk = (
        " met Deputy Minister of National Defence Hoang Xuan Chien in Hanoi on Thursday.\n\n"
        "{} said the two armies would train together.\n"
    )
    fuller = _ann(LEAD + "Belarusian Defence Minister Viktor Gennadievich Khrenin" + talk.format("Khrenin"))
    plain = _ann(LEAD + "Belarusian Defence Minister Viktor Khrenin" + talk.format("Khrenin"))
    # the page's fuller form (a patronymic) is the name shown; the registry's identity stays
    assert "Viktor Gennadievich Khrenin" in fuller.actors and "viktor-khrenin" in fuller.actor_ids
    assert "Viktor Khrenin" in plain.actors and plain.actor_ids == fuller.actor_ids
    # the registry's spelling (its diacritics) when the page writes the same name without them
    assert "Hoàng Xuân Chiến" in plain.actors
    # a title at the front of a longer form is no part of the name
    honour = _ann(
        "PHNOM PENH, May 5, 2022 - Prime Minister Samdech Techo Hun Sen received Vietnamese Defence Minister "
        "Phan Van Giang.\n\nThe two sides discussed training.\n"
    )
    assert "Hun Sen" in honour.actors


def test_an_official_named_only_by_family_name_keeps_that_name():
    # "Minister Khrenin" alone, placed by the office he held on the date: the page never gives his
    # first name, so neither does the list (the registry id still says who he is)
    ann = _ann(
        LEAD + "Defence Minister Khrenin of Belarus met Deputy Minister of National Defence Hoang Xuan Chien.\n\n"
        "The two sides agreed to expand training.\n"
    )
    assert "viktor-khrenin" in ann.actor_ids
    assert "Khrenin" in ann.actors and "Viktor Khrenin" not in ann.actors


def test_a_titles_holder_written_another_way_is_one_person():
    text = (
        "SINGAPORE, June 3, 2023 - Hoang Xuan Chien met Australian Deputy Prime Minister and Minister for "
        "Defence {} on the sidelines of the dialogue.\n\nThe two sides discussed training.\n"
    )
    cut = _ann(text.format("Richard Donald Marle"))  # (a middle name, the last letter cut)
    assert "richard-marles" in cut.actor_ids and not any(i.startswith("unregistered:") for i in cut.actor_ids)
    assert "Richard Donald Marle" in cut.actors  # (as the page writes him)
    other = _ann(text.format("Pat Conroy"))  # another first name: somebody else, unregistered
    assert "unregistered:pat-conroy" in other.actor_ids


def test_a_title_resolves_to_the_official_the_article_gave_it_and_initials_to_the_full_name():
    text = "HANOI, November 12, 2025 - India's Defence Secretary Rajesh Kumar Singh visited Hong Ha Shipyard.\n\n{}\n"
    # "Defence Secretary" is the registry's defence minister elsewhere; here the article gave the title
    # to Rajesh Kumar Singh, so "the Indian Defence Secretary" is him, not the minister Rajnath Singh
    title = _ann(text.format("The Indian Defence Secretary also opened the exercise."))
    assert "rajnath-singh" not in title.actor_ids and "rajesh-kumar-singh" in title.actor_ids
    # another title of the same office in the registry is still its holder on the date
    minister = _ann(text.format("The Indian Defence Minister later said the talks went well."))
    assert "rajnath-singh" in minister.actor_ids
    initials = _ann(text.format("Defence Secretary Shri R. K. Singh planted a tree at the pagoda."))
    assert initials.actor_ids == ["rajesh-kumar-singh"]  # (not a second, unregistered R. K. Singh)
    other = _ann(text.format("Defence Secretary Shri A. K. Singh planted a tree at the pagoda."))
    assert "unregistered:a-k-singh" in other.actor_ids  # (other initials: somebody else)


def test_words_glued_at_a_line_break_are_read_apart():
    glued = _ann(
        "HANOI, May 5, 2022 - Italian Under Secretary Angelo Tofalo met Deputy Defence MinisterPhan Van Giang.\n\n"
        "The Defence Minister also received Cuban AmbassadorLianys Torres Rivera.\n"
    )
    assert "phan-van-giang" in glued.actor_ids
    assert "unregistered:lianys-torres-rivera" in glued.actor_ids
    # the control: a name inside a longer lower-case word is no name ("Phanvan" is no Phan Van)
    inside = _ann("HANOI, May 5, 2022 - The minister met the deputyphan van giang delegation.\n")
    assert "phan-van-giang" not in inside.actor_ids
    # a company's or an outlet's name with a capital inside is no country ("PetroChina", "VietnamPlus")
    firms = _ann(
        "BEIJING, May 5, 2024 - Chinese Defence Minister Dong Jun held talks with Bangladeshi Army Chief "
        "General S M Shafiuddin Ahmed in Beijing, VietnamPlus reported, and PetroChina signed a deal.\n"
    )
    assert firms.partners == []  # (two foreign countries and no Vietnamese side: nobody's partner)


# -- former holders --------------------------------------------------------------------------------


def test_a_former_minister_out_of_office_is_no_official_of_the_story():
    text = (
        "{} - Lao Defence Minister General Chansamone Chanyalath visited former Minister of National Defence "
        "of Vietnam General Ngo Xuan Lich at his home.\n\nGeneral Lich thanked the Lao army for its support.\n"
    )
    after = _ann(text.format("HANOI, January 10, 2022"))  # Lich left the ministry in April 2021
    assert "ngo-xuan-lich" not in after.actor_ids and "chansamone-chanyalath" in after.actor_ids
    during = _ann(text.format("HANOI, January 10, 2019"))  # (a page's mistake, but he was minister then)
    assert "ngo-xuan-lich" in during.actor_ids
    headline = _ann("Lao minister visits General Ngo Xuan Lich\n\n" + text.format("HANOI, January 10, 2022"))
    assert "ngo-xuan-lich" not in headline.actor_ids  # (the body's first mention says "former")
    undated = _ann(text.format("HANOI"))  # no date: his offices cannot be checked
    assert "ngo-xuan-lich" in undated.actor_ids
    # named without "former": an official of the story whatever the date
    plain = _ann(text.format("HANOI, January 10, 2022").replace("former ", ""))
    assert "ngo-xuan-lich" in plain.actor_ids


def test_a_predecessor_is_a_former_holder_too():
    text = (
        "TOKYO, October 19, 2020 - Japanese Prime Minister Yoshihide Suga met Prime Minister Nguyen Xuan Phuc "
        "in Hanoi.\n\n{} Shinzo Abe also chose Vietnam for his first visit abroad.\n"
    )
    assert "shinzo-abe" not in _ann(text.format("Suga's predecessor")).actor_ids  # (PM until September 2020)
    assert "shinzo-abe" in _ann(text.format("Then")).actor_ids
    # a predecessor of someone else's, after a comma, is no title of the name that follows
    like = (
        "HANOI, October 19, 2020 - Like his predecessor, Defence Minister Ngo Xuan Lich visited Laos.\n\n"
        "Lich met the Lao minister.\n"
    )
    assert "ngo-xuan-lich" in _ann(like).actor_ids


# -- partners ----------------------------------------------------------------------------------


def test_a_partners_counterpart_from_a_third_country_is_no_partner():
    text = (
        LEAD + "Japanese Defence Minister Itsunori Onodera held talks with Vietnamese Defence Minister Phung Quang "
        "Thanh in Singapore.\n\nAlso in Singapore, Onodera {} French counterpart agreed to speed up talks on "
        "defence equipment.\n"
    )
    assert "France" not in _ann(text.format("and his")).partners
    # the control: the French delegation set beside the Vietnamese side is evidence
    vietnam = text.replace("Also in Singapore, Onodera {} French counterpart", "Thanh and the French delegation")
    assert "France" in _ann(vietnam).partners
    # side by side at an event is no meeting of the two: the counterpart stays a partner
    ceremony = (
        LEAD + "Deputy Minister Hoang Xuan Chien met Lao Defence Minister Chansamone Chanyalath in Hanoi.\n\n"
        "On Friday, Chansamone and his Cambodian counterpart {} at the border.\n"
    )
    assert "Cambodia" in _ann(ceremony.format("attended the ceremony")).partners
    assert "Cambodia" not in _ann(ceremony.format("agreed to open a crossing")).partners
    # a demonym of two words
    assert "South Korea" not in _ann(text.format("and his").replace("French", "South Korean")).partners


# -- themes ----------------------------------------------------------------------------------------


def test_war_consequences_are_military_history():
    for phrase in ("war consequence settlement", "war aftermath mitigation", "dealing with war consequences"):
        ann = _ann(LEAD + f"Deputy Minister Hoang Xuan Chien and the Canadian side agreed to cooperate in {phrase}.\n")
        assert "military_history" in ann.themes, phrase
    assert "military_history" not in _ann(LEAD + "Hoang Xuan Chien and the Canadian side agreed to cooperate.\n").themes
    # the consequences of a trade war, the aftermath of a war of today, are no war legacy
    for today in ("trade war consequences for the region", "the war aftermath in Ukraine"):
        ann = _ann(LEAD + f"Hoang Xuan Chien and the Canadian side discussed {today}.\n")
        assert "military_history" not in ann.themes, today
    # a war of today named beside a legacy takes nothing from it
    both = (
        LEAD + "They agreed on cooperation in agent orange remediation and demining, as well as the war in Ukraine.\n"
    )
    assert "military_history" in _ann(both).themes


def test_asean_countries_as_a_set_of_neighbours_are_no_multilateral_evidence():
    neighbours = LEAD + "Chien affirmed that cooperation with ASEAN countries, especially Singapore, is a priority.\n"
    assert "multilateral_asean_un" not in _ann(neighbours).themes
    # a forum of the sentence still counts, in another clause or in the same one
    forum = (
        LEAD
        + "Chien affirmed that cooperation with ASEAN countries matters, and thanked Singapore for its ADMM role.\n"
    )
    assert "multilateral_asean_un" in _ann(forum).themes
    same = LEAD + "Chien called on ASEAN member countries to strengthen cooperation within the ADMM-Plus framework.\n"
    assert "multilateral_asean_un" in _ann(same).themes
    # the grouping itself is evidence
    grouping = LEAD + "Chien welcomed closer defence collaboration between China and ASEAN.\n"
    assert "multilateral_asean_un" in _ann(grouping).themes


def test_a_future_signing_vetoes_only_its_own_clause():
    both = (
        "The two nations aimed to sign a defence deal by December, Chien said after he and the Philippine "
        "minister inked letters of intent.\n"
    )
    assert "agreement_signed" in _ann(LEAD + both).themes
    # one clause: the future signing and the letters in it are no signing reported
    one = "The two nations aimed to sign letters of intent by December.\n"
    assert "agreement_signed" not in _ann(LEAD + one).themes
    # a future signing in one clause, "signed" and a document word in others: no pair counts
    pair = "The ministers agreed to sign a plan for 2025, and reviewed the implementation of the documents signed.\n"
    assert "agreement_signed" not in _ann(LEAD + pair).themes
    # "in line with" frames the whole sentence (a reference to what was signed before)
    framed = "In line with the memorandum, the two sides reviewed the protocol they signed at the last dialogue.\n"
    assert "agreement_signed" not in _ann(LEAD + framed).themes
    # a time word still dates the whole sentence
    recent = "Recently, the two ministries signed a memorandum on training.\n"
    assert "agreement_signed" not in _ann(LEAD + recent).themes
    # letters concluded at the meeting are a signing
    concluded = "The two defence ministries concluded letters of understanding on cybersecurity.\n"
    assert "agreement_signed" in _ann(LEAD + concluded).themes


# -- furniture -------------------------------------------------------------------------------------


def test_a_related_link_glued_to_its_heading_and_a_ticker_are_furniture():
    story = LEAD + "Hoang Xuan Chien met the Turkish delegation.\n\n"
    related = parse_article(story + "RELATEDTRT Global - Turkish industry to build a micro satellite\n\nThey agreed.\n")
    assert "satellite" not in _body(related.text) and "They agreed." in _body(related.text)
    # the control: "Related" as a word of prose
    prose = story + "RELATED talks are planned for June.\n"
    assert "June" in _body(prose)
    ticker = (
        story + "Minister slams rival in the state poll | Leader congratulates the winner of the vote | "
        "Party secures a majority in the house | MP files notice to cancel a membership\n\nThey agreed.\n"
    )
    assert "majority" not in _body(ticker)
    three = story + "The ministers met in Hanoi | The delegation left on Friday | Talks resume in June\n"
    assert "Friday" in _body(three)  # (three pieces: no ticker)


def test_lines_that_start_with_the_pages_slug_are_related_news():
    link = "vietnam and venezuela step up defence ties Vietnam backs a defence link with Australia\n\n"
    teaser = "The Vietnamese government supports the Vietnamese and Australian defence ministries to strengthen\n"
    page = (
        "Vietnam and Venezuela step up defence ties\n\n"
        + LEAD
        + "Deputy Chief of the General Staff Ngo Minh Tien received the Venezuelan delegation.\n\n"
        + link
        + teaser
    )
    art = parse_article(page)
    # the link and its teaser, cut short at the end of the page, are another story's
    assert "Australia" not in _body(page) and "Venezuelan delegation" in _body(page)
    assert "Australia" not in _ann(page).partners and "Venezuela" in _ann(page).partners
    assert art.title == "Vietnam and Venezuela step up defence ties"
    # the article's own last paragraph after a link ends its sentence: it stays
    own = page.replace(teaser, "Tien said Vietnam would send officers to Caracas.\n")
    assert "Caracas" in _body(own)
    credit = page.replace(teaser, "Tien said Vietnam would send officers to Caracas (VNA)\n")
    assert "Caracas" in _body(credit)  # (a credit at the end is no teaser cut short)
    # a teaser cut short followed by another link goes; a paragraph that ends its sentence stays
    two = page.replace(teaser, teaser + "\n" + link + "Hanoi hosts talks.\n")
    assert "Australian" not in _body(two)
    whole = page.replace(
        teaser, teaser.replace("strengthen", "strengthen ties.") + "\n" + link + "Hanoi hosts talks.\n"
    )
    assert "Australian" in _body(whole)
    # the slug alone is an image's alt text: the caption after it stays
    alt = page.replace(
        link + teaser, "vietnam and venezuela step up defence ties\n\nThe delegations talked in Hanoi.\n"
    )
    assert "talked in Hanoi" in _body(alt)
    # the control: the headline repeated in its own capitals is no slug
    repeat = page.replace(
        "vietnam and venezuela step up defence ties Vietnam", "Vietnam and Venezuela step up defence ties. Vietnam"
    )
    assert "Australia" in _body(repeat)


# -- dates -----------------------------------------------------------------------------------------


def test_an_event_of_this_week_or_last_week_dates_the_page_to_its_month():
    text = (
        "{}Defence Minister Ngo Xuan Lich received the British ambassador in Hanoi on Monday, September 3.\n\n"
        "The two sides discussed training.\n"
    )
    plain = _ann(text.format(""))  # (Lich's years as minister and the Monday give 2018)
    assert plain.date is not None and plain.date.iso == "2018-09-03"
    this_week = _ann(text.format("This week, "))  # written on one of the 3rd to the 9th
    assert this_week.date.iso == "2018-09" and this_week.date_source == "inferred"
    last_week = _ann(text.format("Last week, "))  # written on one of the 10th to the 16th
    assert last_week.date.iso == "2018-09"
    late = _ann(text.replace("September 3", "September 24").format("Last week, "))  # Oct 1-7 2018
    assert late.date.iso == "2018-10"
    # the week of another event, or a phrase that is not the story's opening, changes nothing
    other = _ann(text.format("Following talks in Jakarta last week, "))
    assert other.date.iso == "2018-09-03"
    later = _ann(text.format("") + "\nLast week, Chinese vessels entered the area.\n")
    assert later.date.iso == "2018-09-03"
    # the week after a Monday, December 31: all of it in January 2019
    assert _ann(text.replace("September 3", "December 31").format("Last week, ")).date.iso == "2019-01"
    # that Monday's own week runs into the next year: the page may be of either, so it is left undated
    year_end = _ann(text.replace("September 3", "December 31").format("This week, "))
    assert year_end.date is None and year_end.date_source == "none"
    assert any("left undated" in w for w in year_end.warnings)
    # no such day in the one year left: undated with a warning, no error
    leap = _ann("HANOI - This week, Vietnam and Laos held talks on February 29 in Hanoi, first planned in 2019.\n")
    assert leap.date is None and any("February 29" in w for w in leap.warnings)


def test_the_date_of_an_archive_picture_left_in_the_prose_is_not_the_storys():
    text = (
        "ASIAN POWER {} Japan's Defense Minister Nobuo Kishi speaks to the media in Yokosuka.\n\n"
        "Kishi and Giang signed the deal in Hanoi on Saturday.\n"
    )
    archive = _ann(text.format("In this Sept. 6, 2021 file photo,"))
    assert archive.date is None
    # "picture" and "photo" in a sentence of the story's own are no archive picture
    prose = _ann(text.format("In this way, the two sides got a clearer picture at talks on Sept. 6, 2021, as"))
    assert prose.date is not None and prose.date.iso == "2021-09-06"
    lead = _ann(text.format("On Sept. 6, 2021,"))  # (the control: a date of the story's own lead)
    assert lead.date is not None and lead.date.iso == "2021-09-06"
