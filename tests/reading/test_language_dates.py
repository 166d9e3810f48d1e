"""Dates in the languages other than English (data/date_words.csv, data/date_patterns.csv): text
dates, datelines, day-first numbers, and the checks of the data files."""

from __future__ import annotations

import pytest

from defcoop.annotate.pipeline import annotate_article
from defcoop.lexicons.datafiles import DataFileError
from defcoop.reading import dates as dates_mod
from defcoop.reading.dates import find_dates, parse_dateline
from defcoop.reading.parse import parse_article
from defcoop.text import sentence_spans


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Hội đàm diễn ra ngày 17/12/2024 tại Hà Nội.", (2024, 12, 17)),
        ("Hội đàm diễn ra ngày 17 tháng 12 năm 2024 tại Hà Nội.", (2024, 12, 17)),
        ("Chiều 9/7, tại Hà Nội, Bộ trưởng đã tiếp đoàn.", (None, 7, 9)),
        ("Переговоры прошли 17 декабря 2024 г. в Ханое.", (2024, 12, 17)),
        ("Переговоры прошли 17.12.2024 в Ханое.", (2024, 12, 17)),
        ("Les entretiens ont eu lieu le 17 décembre 2024 à Hanoï.", (2024, 12, 17)),
        ("Les entretiens ont eu lieu le 1er mars à Hanoï.", (None, 3, 1)),
        ("Las conversaciones del 17 de diciembre de 2024 en Hanói.", (2024, 12, 17)),
        ("双方于2024年12月17日在河内举行会谈", (2024, 12, 17)),
        ("12月17日上午，双方举行会谈", (None, 12, 17)),
        ("Hai bên ký ngày 05/07/2020.", (2020, 7, 5)),  # day first, never month first
    ],
)
def test_dates_in_other_languages(text, found):
    hits = find_dates(text)
    assert [(h.year, h.month, h.day) for h in hits] == [found]


def test_no_date_in_a_decimal_number_or_a_lone_month_word():
    assert find_dates("Tăng trưởng đạt 8.6% trong năm, giá mars ou mai.") == []


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Thứ Ba, 17/12/2024 10:30", "2024-12-17"),
        ("Jeudi, 23/11/2023 21:30 (GMT+7)", "2023-11-23"),
        ("17 декабря 2024 г.", "2024-12-17"),
        ("Mardi 17 décembre 2024 - 10:30", "2024-12-17"),
        ("martes, 17 de diciembre de 2024", "2024-12-17"),
        ("2024年12月17日 10:30", "2024-12-17"),
        ("2016-03-29T18:21+0800", "2016-03-29"),
    ],
)
def test_datelines_of_other_languages(line, iso):
    assert parse_dateline(line).value.iso == iso


def test_chinese_sentences_end_at_full_width_stops():
    t = "越南国防部长会见老挝代表团。双方举行会谈！是否签署协议？双方签署了备忘录"
    assert [s.of(t) for s in sentence_spans(t)] == [
        "越南国防部长会见老挝代表团。",
        "双方举行会谈！",
        "是否签署协议？",
        "双方签署了备忘录",
    ]


def test_a_french_page_dated_by_its_stamp_line():
    text = (
        "Le ministre reçoit l'ambassadeur de France\n\nJeudi, 23/11/2023 21:30 (GMT+7)\n\n"
        "Hanoï (VNA) - Le ministre de la Défense a reçu l'ambassadeur de France pour discuter de la coopération."
    )
    ann = annotate_article("t", parse_article(text), "fr")
    assert (ann.date.iso, ann.date_source) == ("2023-11-23", "dateline")


def test_a_month_header_takes_the_day_the_lead_opens_with():
    text = " date 2022-06 Sáng 8.6, tại trụ sở Bộ Quốc phòng, Bộ trưởng đã chủ trì lễ đón đoàn đại biểu quân sự."
    ann = annotate_article("t", parse_article(text), "vi")
    assert (ann.date.iso, ann.date_source) == ("2022-06-08", "header")


def test_a_date_inside_the_lead_leaves_a_month_header_alone():
    text = " date 2019-12 Les deux ministères ont tenu leur dialogue, mardi 3 décembre, dans la ville de Nha Trang."
    assert annotate_article("t", parse_article(text), "fr").date.iso == "2019-12"


def test_a_day_first_stamp_the_text_contradicts_keeps_only_the_year():
    text = (
        "越南协助老挝建立维和力量\n\n03/05/2025 05:34\n\n"
        "老挝代表团于3月4日至6日对越南进行正式访问。3月5日上午，双方举行会谈。"
    )
    ann = annotate_article("t", parse_article(text), "zh")
    assert ann.date.iso == "2025"
    assert any("only the year kept" in w for w in ann.warnings)


def test_a_day_first_stamp_the_text_agrees_with_stands():
    text = "越南协助老挝建立维和力量\n\n03/05/2025 05:34\n\n5月3日上午，双方举行会谈。"
    assert annotate_article("t", parse_article(text), "zh").date.iso == "2025-05-03"


@pytest.mark.parametrize(
    ("words", "patterns", "reason"),
    [
        ("language,kind,word,value\nfr,month,janvier,13\n", None, "is not a month number"),
        ("language,kind,word,value\nfr,month,Janvier,1\n", None, "lower case"),
        ("language,kind,word,value\nfr,month,janvier,1\n", None, "no word for month"),
        ("language,kind,word,value\nfr,day,lundi,1\n", None, "kind 'day'"),
        (None, 'language,pattern,example,date\nfr,"(?P<day>\\d+) (?P<month>{month})",3 avril,--04-04\n', "reads"),
        (None, 'language,pattern,example,date\nxx,"(?P<day>\\d+) (?P<month>{month})",3 x,--04-03\n', "no 'xx' month"),
        (None, 'language,pattern,example,date\nfr,"(?P<day>\\d+",3,--04-03\n', "does not compile"),
    ],
)
def test_date_data_files_are_validated(tmp_path, monkeypatch, words, patterns, reason):
    real = dates_mod.DATA_DIR
    (tmp_path / "date_words.csv").write_text(words or (real / "date_words.csv").read_text("utf-8"), "utf-8")
    (tmp_path / "date_patterns.csv").write_text(patterns or (real / "date_patterns.csv").read_text("utf-8"), "utf-8")
    monkeypatch.setattr(dates_mod, "DATA_DIR", tmp_path)
    dates_mod.date_words.cache_clear()
    try:
        with pytest.raises(DataFileError, match=reason):
            dates_mod.date_words()
    finally:
        monkeypatch.undo()
        dates_mod.date_words.cache_clear()
