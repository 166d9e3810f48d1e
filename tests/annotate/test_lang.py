"""Language identification: scripts first, then function words; fast paths equal the definitions."""

from __future__ import annotations

import pytest

from defcoop.annotate import language as lang
from defcoop.annotate.language import detect_language
from defcoop.text import fold

SAMPLES = [
    "",
    "viet nam's 2024 talks… co-operation",
    "talks… co-operation ² ½ ª",
    "Минск — Ханой • €100 © ✓",
    "x_y 3d ǅ ß ﬁ 😀 \U00020000 abc",
    "ĐẶNG Thị Ngọc Thịnh và Bộ trưởng",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_latin_words_equal_the_regular_expression(text: str) -> None:
    for t in (text, fold(text)):
        assert lang._latin_words(t) == lang._WORD.findall(t)


@pytest.mark.parametrize("text", SAMPLES)
def test_script_counts_count_code_points_per_block(text: str) -> None:
    expected = {
        name: sum(any(lo <= ord(ch) < hi for lo, hi in ranges) for ch in text) for name, ranges in lang._SCRIPTS
    }
    assert lang._script_counts(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Министр обороны Беларуси провёл переговоры с вьетнамской делегацией.", "ru"),
        ("Міністр оборони України провів переговори з в'єтнамською делегацією.", "uk"),
        ("Міністр абароны Беларусі правёў перамовы з в'етнамскай дэлегацыяй.", "be"),
        ("越南国防部长与白俄罗斯国防部长举行会谈并签署合作协议", "zh"),
        ("รัฐมนตรีกลาโหมเวียดนามพบกับรัฐมนตรีกลาโหมเบลารุส", "th"),
        ("The two defence ministers signed a number of cooperation agreements in Hà Nội.", "en"),
        ("Les deux ministres de la défense ont signé des accords pour la coopération dans le domaine.", "fr"),
        ("Bộ trưởng Quốc phòng Phan Văn Giang đã hội đàm với Bộ trưởng Quốc phòng Belarus.", "vi"),
        # Vietnamese without its tone marks: too few function words for the rules, and a short text,
        # so lingua's n-grams decide
        ("Bo truong Quoc phong Phan Van Giang da hoi dam voi Bo truong Quoc phong cua Belarus.", "vi"),
        ("Hà Nội", "und"),
        ("1234567890 !!! ???", "und"),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Vietnamese with none of the listed function words (a headline, a lead of ranks)
        ("Thượng tướng Hoàng Xuân Chiến tiếp Tùy viên Quốc phòng Nhật Bản", "vi"),
        ("Đại tướng Lương Cường dẫn đầu đoàn đại biểu quân sự cấp cao thăm Lào", "vi"),
        # level with English ("an" in "Ấn Độ") and Portuguese ("do")
        ("Đối thoại Quốc phòng với Ấn Độ lần thứ nhất", "vi"),
        # dense marks on capitalised names only: English names, not Vietnamese text
        ("General Nguyễn Tân Cương, Lieutenant General Phạm Trường Sơn, Trần Thanh Mẫn", "und"),
        ("The talks in Hà Nội were held with General Phan Văn Giang and his deputies.", "en"),
    ],
)
def test_vietnamese_from_dense_marks_alone(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # short texts (titles, captions, teasers) in each Latin-script language
        ("Vietnam, Belarus boost defence ties", "en"),
        ("Le Vietnam et la France renforcent leur coopération", "fr"),
        ("Vietnam y Cuba fortalecen cooperación en defensa", "es"),
        ("Đại tướng Phan Văn Giang tiếp Bộ trưởng Quốc phòng Lào", "vi"),
        # Vietnamese names with their marks do not make English text Vietnamese: only the words in
        # lower case are judged
        ("Nguyễn Phú Trọng meets Vladimir Putin in Hà Nội", "en"),
        ("Photo: Defence Minister Phan Văn Giang (right) and Viktor Khrenin. (Photo: QĐND)", "en"),
        # fewer than two words in lower case: the rules decide, and a list of names is undetermined
        ("General Nguyễn Tân Cương, Lieutenant General Phạm Trường Sơn, Colonel Lê Văn Hà", "und"),
    ],
)
def test_short_texts_are_told_apart(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_without_lingua_the_rules_decide_short_texts(monkeypatch) -> None:
    import sys

    short = "Vietnam y Cuba fortalecen cooperación en defensa"
    monkeypatch.setitem(sys.modules, "lingua", None)  # as if not installed: the import fails
    lang._short_text_detector.cache_clear()
    try:
        assert lang._short_text_detector() is None
        assert detect_language(short) == "und"  # 7 words: too few for the function-word rules
        assert detect_language(" ".join([short] * 3)) == "es"
    finally:
        lang._short_text_detector.cache_clear()
    monkeypatch.undo()
    assert detect_language(short) == "es"
