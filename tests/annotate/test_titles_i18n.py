"""Titles in the languages other than English (issue 16): unregistered officials named after a
title or in apposition with one, title + family name of a registered official, and the guards
that keep organisations, places and non-names out.  Every text here is written for the test."""

from __future__ import annotations

import pytest

from defcoop.annotate.pipeline import annotate_article
from defcoop.lexicons.datafiles import DataFileError
from defcoop.lexicons.languages import _title_rows, language_lexicon
from defcoop.lexicons.russian import russian_nominative
from defcoop.reading.dates import DateValue
from defcoop.reading.parse import parse_article


def _annotate(text: str, language: str, published: DateValue | None = None):
    return annotate_article("t", parse_article(text), language, published=published)


def _unregistered(ann) -> dict[str, str]:
    """Name -> country of the article's unregistered officials (from the mention rows)."""
    return {m[3]: m[9] for m in ann.mentions if m[1] == "actor" and m[7] == "unregistered" and not m[8]}


def test_french_title_then_name_gives_an_unregistered_official_with_the_titles_country():
    ann = _annotate("Le ministre a reçu l’ambassadeur d'Australie au Vietnam Kjell Hansen à Hanoi.", "fr")
    assert "Kjell Hansen" in ann.actors
    assert _unregistered(ann) == {"Kjell Hansen": "Australia"}


def test_french_name_in_apposition_after_the_title_and_before_it():
    ann = _annotate(
        "L’ambassadrice du Japon au Vietnam, Marie Dubois, a salué la coopération.\n\n"
        "Le vice-ministre a reçu M. Paul Girard, ambassadeur d'Italie au Vietnam.",
        "fr",
    )
    assert {"Marie Dubois", "Paul Girard"} <= set(ann.actors)
    assert _unregistered(ann)["Paul Girard"] == "Italy"


def test_vietnamese_family_name_written_as_a_french_article_is_still_a_name():
    ann = _annotate("L'ambassadeur Le Van Thanh a souligné l'amitié entre les deux pays.", "fr")
    assert ann.actors == ["Le Van Thanh"]


def test_spanish_rank_and_title_with_comma_apposition():
    ann = _annotate(
        "El general de brigada Pedro Gómez Ruiz visitó Hanoi.\n\n"
        "La embajadora de Chile en Hanoi, Ana María Soto, y el coronel Luis Vera asistieron.",
        "es",
    )
    assert {"Pedro Gómez Ruiz", "Ana María Soto", "Luis Vera"} <= set(ann.actors)


def test_institution_words_after_a_title_are_no_name():
    ann = _annotate("El ministro de Comercio Exterior e Inversión Extranjera firmó el acuerdo.", "es")
    assert ann.actors == []
    ann = _annotate("Le ministre de la Défense de la République Populaire a parlé.", "fr")
    assert ann.actors == []


def test_vietnamese_rank_then_name_and_a_foreign_name_after_the_country():
    ann = _annotate(
        "Thượng tướng Trần Văn Hùng, Phó Tổng Tham mưu trưởng, đón đoàn.\n\n"
        "Thứ trưởng Bộ Quốc phòng Nhật Bản Taro Yamada phát biểu tại Hà Nội.",
        "vi",
    )
    assert {"Trần Văn Hùng", "Taro Yamada"} <= set(ann.actors)
    assert _unregistered(ann) == {"Trần Văn Hùng": "Vietnam", "Taro Yamada": "Japan"}


def test_vietnamese_institution_after_a_title_is_no_name():
    ann = _annotate("Bộ trưởng Bộ Quốc phòng Học Viện Quốc Phòng tham dự buổi lễ.", "vi")
    assert ann.actors == []


def test_russian_title_then_declined_name_in_the_nominative():
    ann = _annotate("Делегация встретилась с генерал-лейтенантом Иваном Петровым в Ханое.", "ru")
    assert ann.actors == ["Иван Петров"]
    assert russian_nominative("Дмитрием Чернышенко") == "Дмитрий Чернышенко"


def test_russian_lower_case_words_after_a_title_are_no_name():
    ann = _annotate("Министр обороны провёл встречу в Министерстве обороны.", "ru")
    assert ann.actors == []


def test_title_and_family_name_resolve_to_the_holder_on_the_date():
    ann = _annotate(
        "Le ministre de la Défense Giang a reçu une délégation à Hanoi.", "fr", published=DateValue(2023, 11, 23)
    )
    assert ann.actor_ids == ["phan-van-giang"]


def test_every_title_row_names_a_known_office_and_kind():
    rows = [r for rs in _title_rows().values() for r in rs]
    assert rows and all(r["kind"] in ("office", "rank") for r in rows)
    assert language_lexicon("fr").titles.matcher.find("le général de brigade")


def test_a_title_row_with_an_unknown_office_is_refused(tmp_path, monkeypatch):
    import defcoop.lexicons.languages as languages

    (tmp_path / "titles_i18n.csv").write_text("language,title,office,kind\nfr,roi,king,office\n", encoding="utf-8")
    monkeypatch.setattr(languages, "DATA_DIR", tmp_path)
    _title_rows.cache_clear()
    try:
        with pytest.raises(DataFileError, match="king"):
            _title_rows()
    finally:
        _title_rows.cache_clear()
