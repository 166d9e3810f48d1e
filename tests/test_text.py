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
