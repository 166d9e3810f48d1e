"""Anniversaries and former office holders in the dating of a story, and the VietnamPlus headline
glued to its photo caption (issue 15, 2026-12-04 second round).

Every text is written for the test; each rule sits beside a control that lacks the one thing the
rule reads.
"""

from __future__ import annotations

import pytest

from defcoop.annotate.pipeline import annotate_article
from defcoop.reading.parse import parse_article


def _date(text: str) -> tuple[str | None, str]:
    ann = annotate_article("t", parse_article(text), "en")
    return (ann.date.iso if ann.date else None), ann.date_source


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        # the second of two anniversaries in one sentence is read too (1989 + 30)
        ("The event marked the 75th anniversary of the VPA and the 30th All-People Defence Festival.", "2019"),
        # ... and two that disagree date nothing (1944 + 75 against 1989 + 31)
        ("The event marked the 75th anniversary of the VPA and the 31st All-People Defence Festival.", None),
        # a span of years after the count gives the year at once (1975-2020 is 45 years)
        ("The two countries are celebrating 45 years of diplomatic ties (1975-2020).", "2020"),
        # ... but "N years of" counts relations only, not any span ("20 years of war")
        ("He recalled the 20 years of war (1955-1975) and the hardships of that time.", None),
        # "their establishment of diplomatic ties" and a compound "Vietnam-Israel" are relations
        (
            "Israel and Vietnam were commemorating the 25th anniversary of their establishment of diplomatic ties.",
            "2018",
        ),
        ("This marks the 25th founding anniversary of the Vietnam-Israel diplomatic relationship.", "2018"),
        # the founding named after "the foundation of" and its country's possessive (1945 + 80)
        ("The visit marked the 80th anniversary of the foundation of North Korea's ruling WPK.", "2025"),
        ("It marked the 75th anniversary of the Victory in the Great Patriotic War.", "2020"),  # ("in" inside)
        # a possessive before the count names the founding ("the VPA's 78th anniversary": 1944 + 78)
        ("Guests attended the celebration of the VPA's 78th anniversary in Caracas.", "2022"),
        # a foreign navy is not Vietnam's navy (1955): its anniversary dates nothing, in either form
        ("Guests attended the 70th anniversary of the Indian navy in Mumbai.", None),
        ("Guests attended the Indian Navy's 70th anniversary in Mumbai.", None),
        # another pair's relations are not Vietnam's, nor ASEAN's founding (1967)
        ("Officials marked the 45th anniversary of ASEAN-US relations.", None),
        # an approximate count is no anniversary (the control is the span-less count)
        ("Vietnam and Israel mark nearly 25 years of diplomatic ties.", None),
        ("Vietnam and Israel mark 25 years of diplomatic ties.", "2018"),
        # (the control: no anniversary at all)
        ("Guests attended a celebration in Caracas.", None),
    ],
)
def test_an_anniversary_the_story_counts_dates_it_to_the_year(sentence, iso):
    text = f"Israeli defence delegation visits Hanoi\n\nIsrael and Vietnam held defence talks in Hanoi.\n\n{sentence}\n"
    got, source = _date(text)
    assert got == iso
    if iso:
        assert source == "inferred"


def test_two_anniversaries_of_different_years_date_nothing():
    text = (
        "Ceremony held in Prague\n\nThe embassy marked the 80th founding anniversary of the Vietnam People's Army.\n\n"
        "The sides look to the 75th anniversary of diplomatic relations between Vietnam and the Czech Republic.\n"
    )
    assert _date(text)[0] is None
    assert _date(text.split("\n\nThe sides")[0] + "\n")[0] == "2024"  # (the control: one of them)


def test_a_former_holder_named_does_not_bound_the_year():
    text = (
        "Leaders gather in Pyongyang\n\nParty chief To Lam attended the 80th anniversary of the foundation of "
        "the Workers' Party of Korea.\n\nThe guests included {} Dmitry Medvedev.\n"
    )
    # Medvedev was president in 2008-2012: named as a former president, he leaves 2025 standing
    assert _date(text.format("former President")) == ("2025", "inferred")
    assert _date(text.format("President"))[0] is None  # (the control: named as president)


def test_a_headline_glued_to_its_photo_caption_is_split_at_the_alt_text():
    page = (
        "Vietnam, Mexico eye stronger cooperation hinh anh 1Deputy Foreign Minister Le Van A (Photo: VNA)\n\n"
        "Hanoi (VNA) - The deputy ministers held online talks on July 17 on cooperation between the two countries.\n"
    )
    art = parse_article(page)
    assert art.title == "Vietnam, Mexico eye stronger cooperation"
    kinds = [(b.kind, page[b.start : b.end]) for b in art.blocks[:3]]
    assert kinds[1] == ("boilerplate", "hinh anh 1")
    assert kinds[2] == ("caption", "Deputy Foreign Minister Le Van A (Photo: VNA)")
    # (the control: the residue alone on its line stays one furniture line)
    alone = parse_article(page.replace("hinh anh 1Deputy Foreign Minister Le Van A (Photo: VNA)", "hinh anh 1"))
    assert alone.blocks[0].kind == "boilerplate"
    assert page[alone.blocks[0].start : alone.blocks[0].end] == "Vietnam, Mexico eye stronger cooperation hinh anh 1"
