"""Sentence segmentation and folding: the traps of crawled text."""

import pytest

from defcoop.text import fold, fold_preserving_length, sentence_spans


def sentences(text: str) -> list[str]:
    return [s.of(text) for s in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # glued sentences from the seeds
        (
            "to enhance ties with Belarus.Vietnam is ready to act as a bridge.",
            ["to enhance ties with Belarus.", "Vietnam is ready to act as a bridge."],
        ),
        (
            "for 2020-2021.Appreciating the fruitful cooperation.",
            ["for 2020-2021.", "Appreciating the fruitful cooperation."],
        ),
        # initials and ranks stay whole
        (
            "Sen. Lieut. Gen. A.V. Fomin spoke. Minister S.K.Shoigu will visit Vietnam.",
            ["Sen. Lieut. Gen. A.V. Fomin spoke.", "Minister S.K.Shoigu will visit Vietnam."],
        ),
        (
            "The U.S. and Viet Nam agreed. Maj. Gen. Tran Van B attended.",
            ["The U.S. and Viet Nam agreed.", "Maj. Gen. Tran Van B attended."],
        ),
        # domains and dotted dates are not boundaries
        (
            "Follow VOV.VN for news. Signed on 26.04.2016 in Minsk.",
            ["Follow VOV.VN for news.", "Signed on 26.04.2016 in Minsk."],
        ),
        # quotes close a sentence
        ('"We welcome investors," Quang said. He left.', ['"We welcome investors," Quang said.', "He left."]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_spans_index_the_original_text():
    text = "  First one.Second one!  Third?"
    spans = sentence_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["First one.", "Second one!", "Third?"]


def test_fold_removes_diacritics_and_keeps_length():
    s = "Đặng Thị Ngọc Thịnh — Lương Cường’s"
    f = fold_preserving_length(s)
    assert len(f) == len(s)
    assert f == "dang thi ngoc thinh - luong cuong's"
    assert fold("Phan Văn Giang") == fold("Phan Van Giang") == "phan van giang"


def test_fast_fold_equals_the_per_character_fold():
    """The vectorised fold (long non-ASCII texts) and the ASCII shortcut give exactly what
    folding one character at a time gives, on texts mixing every kind of character."""
    import random

    from defcoop.text import _fold_char

    rng = random.Random(7)
    pools = [
        (0x20, 0x7F),  # ASCII
        (0xC0, 0x250),  # Latin-1 and Latin Extended (Đ, ł, ß ...)
        (0x1EA0, 0x1EFA),  # Vietnamese precomposed letters
        (0x0300, 0x0370),  # combining marks
        (0x0400, 0x0460),  # Cyrillic
        (0x2000, 0x2070),  # spaces, dashes and quotes
        (0xD800, 0xE000),  # lone surrogates (undecodable file names reach text this way)
        (0x1F300, 0x1F600),  # astral: left as they are
    ]
    texts = ["", "Phan Văn Giang", "A" * 200, "Lương Cường, Hà Nội " * 10]
    for _ in range(300):
        n = rng.choice([1, 10, 63, 64, 65, 300])
        texts.append("".join(chr(rng.randrange(*rng.choice(pools))) for _ in range(n)))
    for text in texts:
        expected = "".join(_fold_char(ch) if ord(ch) < 0xD800 or 0xDFFF < ord(ch) < 0x10000 else ch for ch in text)
        got = fold_preserving_length(text)
        assert got == expected, repr(text)
        assert len(got) == len(text)


def test_one_scan_for_many_lexicons_equals_one_scan_each():
    """``MultiMatcher`` over the annotator's real lexicons finds, per lexicon, exactly what
    that lexicon's own matcher finds, on the seeds and the gold articles."""
    from defcoop.annotate.document import english_matchers
    from defcoop.paths import REPO_ROOT
    from defcoop.reading.decode import decode
    from defcoop.reading.parse import parse_article

    matchers, combined = english_matchers()
    root = REPO_ROOT
    files = sorted((root / "seeds").iterdir()) + sorted((root / "tests" / "gold" / "articles").iterdir())
    assert len(files) >= 30
    hits = 0
    for f in files:
        text = parse_article(decode(f.read_bytes()).text).text
        together = combined.candidates(text)
        assert together == [m.candidates(text) for m in matchers], f.name
        hits += sum(map(len, together))
    assert hits > 1000
