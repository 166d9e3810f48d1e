"""Issue 16: partners, officials and themes of articles in Vietnamese, Russian, French, Spanish, Chinese.

Every text here is written for the test; each rule is checked on a sentence of its own.
"""

from __future__ import annotations

import pytest

from defcoop.annotate.pipeline import annotate_article
from defcoop.lexicons.languages import language_lexicon
from defcoop.lexicons.matcher import PhraseMatcher
from defcoop.lexicons.russian import russian_forms
from defcoop.reading.parse import parse_article


def _annotate(text: str, language: str):
    return annotate_article("t", parse_article(text), language)


def test_russian_case_forms_of_countries_demonyms_and_people():
    assert {"России", "Россию", "Россией"} <= set(russian_forms("Россия", "noun"))
    assert {"Китая", "Китаю", "Китаем", "Китае"} <= set(russian_forms("Китай", "noun"))
    assert {"Беларуси", "Беларусью"} <= set(russian_forms("Беларусь", "noun"))
    assert {"российская", "российской", "российскую", "российских"} <= set(russian_forms("российский", "adjective"))
    assert "Виктором Хрениным" in russian_forms("Виктор Хренин", "person")
    assert "Фан Ван Зянгом" in russian_forms("Фан Ван Зянг", "person")
    assert russian_forms("КНДР", "noun") == ("КНДР",)


def test_ideographs_match_inside_chinese_text_without_spaces():
    m = PhraseMatcher([("中国", "CN"), ("Lao", "LA")])
    assert [h.values for h in m.find("越南与中国加强合作")] == [("CN",)]
    assert m.find("Laos") == []  # a Latin phrase still stops at a word boundary


def test_russian_partner_in_any_case_and_official_in_instrumental():
    ann = _annotate(
        "Министр обороны Вьетнама Фан Ван Зянгом встретился с делегацией Белоруссии.\n\n"
        "Генерал провёл переговоры с Виктором Хрениным о военном сотрудничестве.",
        "ru",
    )
    assert ann.actor_ids == ["phan-van-giang", "viktor-khrenin"]
    assert ann.partners == ["Belarus"]


def test_russian_compound_adjective_joins_the_two_countries():
    ann = _annotate("Состоялись российско-вьетнамские консультации по вопросам обороны.", "ru")
    assert ann.partners == ["Russia"]


def test_lower_case_demonym_after_a_counterpart_word_in_french_and_spanish():
    fr = _annotate("Le Vietnam a reçu la délégation russe à Hanoï pour des entretiens.", "fr")
    es = _annotate("Vietnam recibió a la delegación rusa en Hanói para conversaciones.", "es")
    assert fr.partners == es.partners == ["Russia"]


def test_vietnamese_side_word_before_the_country():
    ann = _annotate("Việt Nam cảm ơn phía Lào đã hỗ trợ. Hai nước thống nhất tăng cường hợp tác.", "vi")
    assert ann.partners == ["Laos"]


def test_countries_meeting_without_vietnam_are_no_partners_in_another_language():
    ann = _annotate("Министр обороны Китая посетил Камбоджу.\n\nКитай и Камбоджа обсудили учения.", "ru")
    assert ann.partners == []


def test_chinese_names_and_pair_word():
    ann = _annotate("越南国防部长潘文江会见董军。\n\n中越两军加强合作。", "zh")
    assert ann.actor_ids == ["phan-van-giang", "dong-jun"]
    assert ann.partners == ["China"]


def test_sea_named_after_a_country_is_no_country():
    ann = _annotate("Les deux parties ont évoqué la mer de Chine méridionale avec le Vietnam.", "fr")
    assert ann.partners == []


@pytest.mark.parametrize("language", ["vi", "ru", "fr", "es", "zh"])
def test_every_language_has_its_lexicon(language):
    lex = language_lexicon(language)
    assert lex is not None and len(lex.geo.matcher) > 0


def test_themes_from_each_languages_phrases_with_the_exclude_rule():
    ru = _annotate("Стороны обсудили подготовку кадров и обучение курсантов с делегацией России.", "ru")
    assert "training_education" in ru.themes
    es = _annotate("Vietnam y Rusia firmaron un acuerdo de cooperación.", "es")
    planned = _annotate("Vietnam y Rusia firmarán un acuerdo de cooperación.", "es")
    assert "agreement_signed" in es.themes and "agreement_signed" not in planned.themes
    zh = _annotate("越南与中国在维和领域加强合作。", "zh")
    assert "peacekeeping" in zh.themes


def test_a_star_inside_a_theme_phrase_is_refused(monkeypatch, tmp_path):
    """A * matches longer words only at the end of a phrase; inside one it would be a literal *
    that no text carries, so the loader refuses it (``подготовк* кадров`` matched nothing)."""
    from defcoop.lexicons import languages
    from defcoop.lexicons.datafiles import DataFileError

    (tmp_path / "theme_phrases.csv").write_text(
        "theme,language,role,phrase\ntraining_education,ru,include,подготовк* кадров\n", encoding="utf-8"
    )
    monkeypatch.setattr(languages, "DATA_DIR", tmp_path)
    languages._theme_rows.cache_clear()
    try:
        with pytest.raises(DataFileError, match="a \\* ends the phrase"):
            languages._theme_rows()
    finally:
        monkeypatch.undo()
        languages._theme_rows.cache_clear()


def test_general_theme_vocabulary_in_each_language():
    ru = _annotate(
        "Стороны договорились расширять подготовку кадров и сотрудничество в оборонной промышленности.", "ru"
    )
    assert {"training_education", "defence_industry"} <= set(ru.themes)
    tanker = _annotate("Фрегат и большой морской танкер прибыли в порт Дананг.", "ru")
    assert "military_technical_arms" not in tanker.themes
    border = _annotate("两军在边境管理和保护等方面合作取得许多成果。", "zh")
    assert "security_crime" not in border.themes
    trad = _annotate("雙方將加強人員培訓和兩國海軍北部灣聯合巡邏。", "zh")
    assert {"training_education", "maritime_south_china_sea"} <= set(trad.themes)
    ties = _annotate("Les deux pays célèbrent le 50e anniversaire des relations diplomatiques.", "fr")
    navy = _annotate("La délégation a assisté au 322e anniversaire de la marine russe.", "fr")
    assert "military_history" not in ties.themes and "military_history" in navy.themes
    un = _annotate("Hai bên hợp tác trong lĩnh vực gìn giữ hòa bình Liên hợp quốc.", "vi")
    assert "peacekeeping" in un.themes and "multilateral_asean_un" not in un.themes


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le Vietnam a reçu la délégation militaire russe à Hanoï pour des entretiens sur la défense.\n\n"
            "Les deux armées ont convenu de renforcer la coopération en matière de sécurité.",
        ),
        (
            "es",
            "Vietnam recibió a la delegación militar rusa en Hanói para conversaciones sobre defensa.\n\n"
            "Ambas fuerzas armadas acordaron ampliar la cooperación en materia de seguridad.",
        ),
        ("zh", "越南国防部长潘文江会见董军。\n\n中越两军加强安全合作。"),
    ],
)
def test_a_defence_story_in_each_language_is_on_topic(language, text):
    # (before the French, Spanish and Chinese keyword lists, no article in these languages was)
    ann = _annotate(text, language)
    assert ann.partners and ann.on_topic


def test_a_defence_meeting_without_a_vietnamese_party_is_off_topic_in_another_language():
    ann = _annotate(
        "Министр обороны Китая посетил Камбоджу.\n\nКитай и Камбоджа обсудили военные учения и безопасность.", "ru"
    )
    assert ann.partners == [] and ann.on_topic is False
