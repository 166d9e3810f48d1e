"""Site furniture in the languages the workbook reads: related-story blocks, share and follow
widgets, agency leads, and what a page prints after the agency's closing signature.  The
pages are written for these tests in the shape of the real ones."""

from __future__ import annotations

import pytest

import defcoop
from defcoop.reading.parse import parse_article


def _kinds(text: str) -> dict[str, str]:
    """Each block's text (white space squashed) -> its kind, from the parser."""
    art = parse_article(text)
    return {" ".join(text[b.start : b.end].split()): b.kind for b in art.blocks}


_PAGES = {
    "ru": (
        "Министр обороны Беларуси провел переговоры с вьетнамским коллегой в Ханое.\n\n"
        "Стороны обсудили подготовку военных кадров и сотрудничество в оборонной промышленности.\n\n"
        "Читайте также:\n\nШойгу встретился с министром обороны Лаоса\n\nПоделиться"
    ),
    "vi": (
        "Bộ trưởng Quốc phòng Phan Văn Giang đã hội đàm với Bộ trưởng Quốc phòng Belarus tại Hà Nội.\n\n"
        "Hai bên nhất trí tăng cường hợp tác đào tạo và công nghiệp quốc phòng.\n\n"
        "Tin liên quan\n\nĐại tướng Lương Cường tiếp Đại sứ Hoa Kỳ\n\nChia sẻ"
    ),
    "fr": (
        "Le ministre vietnamien de la Défense a reçu son homologue bélarusse à Hanoï.\n\n"
        "Les deux parties ont discuté de la formation des officiers et de l'industrie de défense.\n\n"
        "Lire aussi : Le président reçoit l'ambassadeur des États-Unis\n\nPartager"
    ),
    "es": (
        "El ministro de Defensa de Vietnam recibió a su homólogo de Belarús en Hanói.\n\n"
        "Ambas partes abordaron la formación de oficiales y la industria de defensa.\n\n"
        "Noticias relacionadas\n\nEl presidente recibe al embajador de Estados Unidos\n\nCompartir"
    ),
    "zh": (
        "越南国防部长潘文江在河内会见白俄罗斯国防部长赫列宁。\n\n"
        "双方讨论了军官培训和国防工业合作。\n\n"
        "相关新闻\n\n美国大使会见越南国家主席\n\n责任编辑：王明"
    ),
}


@pytest.mark.parametrize("language", sorted(_PAGES))
def test_related_stories_and_widgets_are_furniture_in_every_language(language):
    text = _PAGES[language]
    kinds = _kinds(text)
    paragraphs = text.split("\n\n")
    assert kinds[paragraphs[0]] == "body" and kinds[paragraphs[1]] == "body"
    # the heading, the related story's headline under it, and the widget
    for furniture in paragraphs[2:]:
        assert kinds[furniture] == "boilerplate", (language, furniture)


@pytest.mark.parametrize(
    ("line", "outlet", "rest"),
    [
        ("МОСКВА, 17 декабря. /ТАСС/. Министр обороны России", "TASS", "Министр обороны России"),
        ("МОСКВА, 17 дек — РИА Новости. Министр обороны России", "RIA Novosti", "Министр обороны России"),
        ("МИНСК, 17 декабря (БЕЛТА) - Министр обороны Беларуси", "BelTA", "Министр обороны Беларуси"),
    ],
    ids=["TASS", "RIA", "BelTA"],
)
def test_russian_agency_leads_are_cut_and_name_the_outlet(line, outlet, rest):
    text = line + " провел переговоры с вьетнамской делегацией в рамках официального визита."
    art = parse_article(text)
    lead = [b for b in art.blocks if b.kind == "lead"]
    assert len(lead) == 1 and art.outlet == outlet
    assert art.sentence_texts[0].startswith(rest)


def test_what_follows_the_closing_signature_is_another_story(write_corpus):
    # A wire story signed "-VNA", then the site's teaser of another story: its people and its
    # country are not the article's.  A line of prose that merely ends in "(VNA)" without
    # closing a sentence ("Hanoi (VNA)") does not end the article.
    page = (
        "Hanoi (VNA)\n\n"
        "Le ministre de la Défense Phan Van Giang a reçu l'ambassadeur de Cuba Orlando Hernández Guillén "
        "à Hanoï, et les deux parties ont salué la coopération dans la formation des officiers. -VNA\n\n"
        "Le président vietnamien Luong Cuong reçoit l'ambassadeur des États-Unis Marc Knapper\n\n"
        "Le président Luong Cuong a salué les contributions de l'ambassadeur Marc Knapper aux relations "
        "bilatérales entre le Vietnam et les États-Unis."
    )
    kinds = _kinds(page)
    paragraphs = page.split("\n\n")
    assert kinds[paragraphs[1].removesuffix(" -VNA")] == "body" and kinds["-VNA"] == "tail"
    assert [kinds[p] for p in paragraphs[2:]] == ["boilerplate", "boilerplate"]
    corpus = defcoop.load(write_corpus({"vna-fr.txt": page}), cache=False)
    doc = corpus.docs.iloc[0]
    assert doc["language"] == "fr"
    assert "United States" not in doc["partners"] and "Cuba" in doc["partners"]
    assert not any("Knapper" in a or "Cuong" in a for a in doc["actors"])
    stripped = corpus.segments[corpus.segments["reason"] == "after the agency's closing signature"]
    assert len(stripped) == 2  # listed as stripped, not lost


@pytest.mark.parametrize(
    "line",
    [
        "Стороны, по данным агентства — РИА Новости, обсудили военное сотрудничество и подготовку кадров.",
        "Министр обороны, как передает /ТАСС/, провел переговоры с вьетнамской делегацией в Москве.",
        "В Минске, по сообщению (БЕЛТА), прошли переговоры министров обороны Беларуси и Вьетнама.",
    ],
    ids=["RIA", "TASS", "BelTA"],
)
def test_an_agency_named_inside_a_sentence_is_no_lead(line):
    art = parse_article(line + "\n\nСтороны договорились продолжить сотрудничество в области образования.")
    assert not [b for b in art.blocks if b.kind == "lead"] and art.outlet == ""
    assert art.sentence_texts[0] == line


_STORY = (
    "Defence Minister Phan Van Giang held talks with his Lao counterpart in Hanoi on Tuesday, and the two "
    "sides agreed to expand training and the exchange of delegations in the coming years.\n\n"
    "The two ministers also reviewed cooperation in military medicine and the search for soldiers' remains, "
    "and asked their staffs to prepare the next round of the defence policy dialogue.\n\n"
    "The Lao minister laid a wreath at the memorial to fallen soldiers before leaving for Ho Chi Minh City."
)


@pytest.mark.parametrize(
    "page",
    [
        # a caption above the story, signed by the agency, is the page's first prose line
        "Minister Phan Van Giang and his Lao counterpart at the talks in Hanoi on Tuesday. — VNA/VNS\n\n" + _STORY,
        # a quotation signed by a radio inside the story, with most of the story after it
        _STORY.split("\n\n")[0]
        + "\n\n“Our cooperation has grown in all fields and will keep growing,” the minister said. — VOV\n\n"
        + "\n\n".join(_STORY.split("\n\n")[1:] * 2),
    ],
    ids=["signed caption first", "signed quotation"],
)
def test_a_signature_that_does_not_close_the_story_strips_nothing(page):
    art = parse_article(page)
    assert not [b for b in art.blocks if b.reason == "after the agency's closing signature"]
    assert any("memorial to fallen soldiers" in s for s in art.sentence_texts)


def test_chinese_prose_after_a_related_news_heading_is_prose_again():
    page = (
        "越南国防部长潘文江会见老挝国防部长。\n\n相关新闻：越老两军加强合作\n\n"
        "双方同意加强培训合作。\n\n两国国防部将继续举行防务政策对话。"
    )
    kinds = _kinds(page)
    assert kinds["相关新闻：越老两军加强合作"] == "boilerplate"
    assert kinds["双方同意加强培训合作。"] == kinds["两国国防部将继续举行防务政策对话。"] == "body"
