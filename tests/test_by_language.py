"""Keeping languages apart: ``Corpus.in_languages``, ``Corpus.by_language`` and the notebooks'
``LANGUAGES`` parameter, on a small corpus in three languages written for these tests."""

from __future__ import annotations

import pytest

import defcoop
from defcoop.corpus import parse_languages

_EN = (
    " date 2024-12-17 Vietnam, Belarus defence ministers hold talks\n\n"
    "HANOI, December 17 (VNA) - Defence Minister General Phan Van Giang held talks in Hanoi on Tuesday with "
    "Lieutenant General Viktor Khrenin, the Minister of Defence of Belarus, who is on an official visit.\n\n"
    "The two ministers agreed to expand cooperation in military training and the defence industry, and to "
    "send more Vietnamese officers to study at Belarusian military academies next year.\n\n"
    "Khrenin said his ministry was ready to share its experience in military medicine."
)
_EN_COPY = _EN.replace(" date 2024-12-17", " date 2024-12-18") + "\n\nShare this."
_VI = (
    " date 2024-12-17 Bộ trưởng Quốc phòng Việt Nam hội đàm với Bộ trưởng Quốc phòng Belarus\n\n"
    "Ngày 17/12, tại Hà Nội, Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng, đã hội đàm với Trung tướng "
    "Viktor Khrenin, Bộ trưởng Quốc phòng Belarus, đang thăm chính thức Việt Nam.\n\n"
    "Hai bên nhất trí tăng cường hợp tác trong lĩnh vực đào tạo quân sự và công nghiệp quốc phòng, "
    "và sẽ cử thêm sĩ quan Việt Nam sang học tập tại các học viện quân sự của Belarus trong năm tới."
)
_RU = (
    " date 2024-12-17 Министр обороны Беларуси провел переговоры во Вьетнаме\n\n"
    "Министр обороны Беларуси генерал-лейтенант Виктор Хренин провел в Ханое переговоры с министром "
    "национальной обороны Вьетнама генералом армии Фан Ван Зянгом, сообщает пресс-служба ведомства.\n\n"
    "Стороны договорились расширить сотрудничество в области военного образования и оборонной "
    "промышленности, а также подготовки вьетнамских офицеров в военных академиях Беларуси."
)


@pytest.fixture
def mixed(write_corpus) -> defcoop.Corpus:
    root = write_corpus({"en.txt": _EN, "en-copy.txt": _EN_COPY, "vi.txt": _VI, "ru.txt": _RU}, name="mixed")
    return defcoop.load(root, cache=False)


def test_the_corpus_is_counted_by_language(mixed):
    assert sorted(zip(mixed.docs["path"], mixed.docs["language"], strict=True)) == [
        ("en-copy.txt", "en"),
        ("en.txt", "en"),
        ("ru.txt", "ru"),
        ("vi.txt", "vi"),
    ]
    table = mixed.by_language()
    assert table["language"].tolist() == ["en", "ru", "vi"]  # most articles first, then code
    en = table.iloc[0]
    assert (en["articles"], en["copies"], en["stories"], en["dated"]) == (2, 1, 1, 1)
    # every story names Giang and Khrenin, Belarus, and reads a theme (training) in its language
    assert table[["with_official", "with_partner", "with_theme"]].to_numpy().tolist() == [[1, 1, 1]] * 3
    assert table["articles"].sum() == len(mixed.docs)


def test_a_cut_by_language_keeps_every_table_consistent(mixed):
    vi_ru = mixed.in_languages("vi, ru")
    assert sorted(vi_ru.docs["language"]) == ["ru", "vi"]
    ids = set(vi_ru.docs["doc_id"])
    for name in ("sentences", "segments", "mentions", "meetings"):
        table = getattr(vi_ru, name)
        assert set(table["doc_id"]) <= ids, name
        whole = getattr(mixed, name)
        assert len(table) == int(whole["doc_id"].isin(ids).sum()), name
    assert len(vi_ru.mentions) > 0 and len(vi_ru.sentences) > 0
    english = mixed.in_languages(["en"])
    # the copy and its original stay together (copies are linked within a language only)
    assert sorted(english.docs["duplicate_of"].astype(bool).tolist()) == [False, True]
    assert mixed.in_languages("") is mixed and mixed.in_languages("all") is mixed


def test_a_misspelt_language_is_refused_with_the_reason(mixed):
    with pytest.raises(ValueError, match="'vn ru' is not a language code"):
        parse_languages("vn ru")
    with pytest.raises(ValueError, match="'all' stands alone"):
        parse_languages("vi,all")
    # a well-formed code that no article has and the loader never gives: refused, with what there is
    with pytest.raises(ValueError, match=r"vn is no language the loader identifies; this corpus has en, ru, vi"):
        mixed.in_languages("vn")
    assert parse_languages(None) == () and parse_languages(" EN ,en,vi") == ("en", "vi")
    # a known language the corpus lacks gives an empty cut that says so
    german = mixed.in_languages("de")
    assert len(german.docs) == 0 and "in de only" in repr(german)
    with pytest.raises(defcoop.InsufficientData, match=r"in de \(LANGUAGES\)"):
        german.require_articles("Counting")
    # a cut of a cut to a language outside it is empty, not the whole corpus again
    assert len(mixed.in_languages("vi").in_languages("ru").docs) == 0


def test_the_notebooks_run_on_the_languages_asked_for(write_corpus, tmp_path):
    import csv

    import nbformat

    from defcoop.app.workbook import run_on_corpus

    root = write_corpus({"en.txt": _EN, "en-copy.txt": _EN_COPY, "vi.txt": _VI, "ru.txt": _RU}, name="mixed")
    out = run_on_corpus(root, out_root=tmp_path, only=["01-corpus.ipynb", "03-actors.ipynb"], languages="vi, ru")
    assert out == tmp_path / "mixed-ru-vi"
    nb = nbformat.read(out / "01-corpus.ipynb", as_version=4)
    assert nb.metadata["papermill"]["parameters"]["LANGUAGES"] == "vi,ru"
    shown = "\n".join(
        o.get("data", {}).get("text/plain", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )
    assert "Corpus(2 articles" in shown and "in vi,ru only" in shown
    with open(out / "figures" / "01-articles-by-language-year.csv", encoding="utf-8") as fh:
        assert sorted(r["language"] for r in csv.DictReader(fh)) == ["ru", "vi"]
    # Giang and Khrenin are counted in the two stories of those languages, not in the English one
    with open(out / "figures" / "03-top-actors.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["articles"] for r in rows if "Giang" in r["actor"] or "Khrenin" in r["actor"]} == {"2"}
