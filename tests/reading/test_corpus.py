"""Reading files: decoding, furniture, titles, outlets, paragraphs, skipped files."""

import os

import pytest

import defcoop
from defcoop.reading.decode import decode
from defcoop.reading.parse import parse_article
from tests.conftest import doc


def test_seeds_repr(seeds):
    assert repr(seeds) == "Corpus(5 articles, 4 outlets, 2018-03..2024-12)"


@pytest.mark.parametrize(
    ("prefix", "outlet", "credit", "title"),
    [
        ("000", "VNA", "VNA", ""),  # first line after the header is a photo caption, not a title
        ("001", "VOV", "", "President wishes for stronger Vietnam-Belarus defense and security cooperation"),
        ("002", "Vietnam News", "Vietnam News", ""),
        ("003", "Vietnam News", "Vietnam News", "State President receives Belarusian defence minister"),
        ("004", "VietNamNet", "VNA", "Vietnam, Russia boost bilateral defence cooperation"),
    ],
)
def test_outlet_credit_and_title(seeds, prefix, outlet, credit, title):
    d = doc(seeds, prefix)
    assert (d["outlet"], d["credit"], d["title"]) == (outlet, credit, title)


def test_header_is_kept_apart_from_the_text(seeds):
    d = doc(seeds, "000")
    assert d["header_date"] == "2018-11-15"
    assert "date 2018" not in d["body"]
    assert not d["body"].startswith("Vice President Dang Thi Ngoc Thinh (right)")  # caption removed


def test_furniture_is_stripped_and_reported(seeds):
    seg = seeds.segments
    stripped = set(seg.loc[seg["kind"] != "body", "content"])
    assert "E-paper" in stripped
    assert "Mời quý độc giả theo dõi VOV.VN trên" in stripped
    assert "Vietnam, Russia boost bilateral defence cooperation hinh anh 1" in stripped
    assert "Tin tức, Đọc báo Online, Tin tức trong ngày 24h - VietNamNet" in stripped
    assert any(c.endswith("— VNA/VNS Photo Lâm Khánh") for c in stripped)
    for body in seeds.docs["body"]:
        for junk in ("E-paper", "hinh anh 1", "Lâm Khánh", "Mời quý", "(Photo: VNA)", "-VNA", "/.VNA"):
            assert junk not in body


def test_glued_sentences_are_split_and_initials_kept(seeds):
    sents = seeds.sentences
    s000 = sents[sents["doc_id"].str.startswith("000")]["sentence"].tolist()
    assert any(s.startswith("Vietnam is ready to act as a bridge") for s in s000)
    assert any(s.startswith("Appreciating the fruitful defence cooperation") for s in s000)
    s004 = " || ".join(sents[sents["doc_id"].str.startswith("004")]["sentence"])
    assert "Sen. Lieut. Gen. A.V. Fomin" in s004
    assert "Minister S.K.Shoigu will visit Vietnam" in s004


def test_sentence_broken_over_two_lines_is_joined(seeds):
    # 004: "...counterpart Sen. Lieut. Gen. A.V. Fomin,\n\nduring which they talked..."
    s = seeds.sentences
    hit = s[s["sentence"].str.contains("A.V. Fomin, during which they talked", regex=False)]
    assert len(hit) == 1


def test_sentence_offsets_point_into_the_original_text(seeds):
    texts = seeds.docs.set_index("doc_id")["text"]
    for row in seeds.sentences.itertuples():
        raw = texts[row.doc_id][row.start : row.end]
        assert " ".join(raw.split()) == row.sentence


def test_decode_fallbacks():
    assert decode("Hà Nội".encode("utf-16")).text == "Hà Nội"
    d = decode(b"Caf\xe9 \x93quoted\x94")
    assert d.text == "Café “quoted”" and d.encoding == "cp1252" and "not valid UTF-8" in d.warnings[0]
    assert decode(b"   \n\t ").skip_reason == "only white space"
    assert decode(b"<!DOCTYPE html><html><body>x</body></html>").skip_reason.startswith("HTML page")
    assert decode(b"\x00\x01\x02binary\x00").skip_reason.startswith("binary")


def test_crlf_and_lone_cr_line_endings():
    a = parse_article("Title line\r\n\r\nFirst sentence. Second one.\rThird line here.")
    assert a.title == "Title line"
    assert [a.text[s.start : s.end] for s in a.sentences][1:] == ["First sentence.", "Second one.", "Third line here."]


def test_today_widget_is_not_the_dateline():
    text = (
        "Monday, 23/11/2026\n\nHome | News | Politics | World\n\nThursday, 12/09/2023 09:15\n\nTitle here\n\nBody text."
    )
    a = parse_article(text)
    assert a.dateline.iso == "2023-09-12"
    kinds = [b.kind for b in a.blocks]
    assert kinds[:3] == ["widget", "boilerplate", "dateline"]


def test_every_file_is_loaded_or_skipped_with_a_reason(write_corpus, tmp_path):
    root = write_corpus(
        {
            "a.txt": " date 2020-01-02 Title\n\nVietnam and Belarus agreed.",
            "nested/b.txt": "Another article about Russia and Vietnam.",
            "empty.txt": "",
            "blank.txt": "  \n \n",
            "page.html": "<html></html>",
            "page.txt": "<!DOCTYPE html><html><body>x</body></html>",
            "bin.txt": b"\x00\x01\x02\x03" * 20,
            ".hidden.txt": "secret",
            "latin1.txt": "Caf\xe9 in Minsk, Vietnam and Belarus.".encode("latin-1"),
        }
    )
    os.symlink(root / "missing.txt", root / "broken.txt")
    os.mkfifo(root / "pipe.txt")
    (root / "big.txt").write_bytes(b"x" * 2000)
    c = defcoop.load(root, max_bytes=1000)
    reasons = dict(zip(c.skipped["path"], c.skipped["reason"], strict=True))
    assert sorted(c.docs["path"]) == ["a.txt", "latin1.txt", "nested/b.txt", "page.txt"]  # (a page: read as HTML)
    assert reasons == {
        ".hidden.txt": "hidden file (not read)",
        "big.txt": "file too large (2,000 bytes > limit 1,000)",
        "bin.txt": "binary file (NUL or control bytes), not text",
        "blank.txt": "only white space",
        "broken.txt": "broken symbolic link",
        "empty.txt": "empty file",
        "page.html": "HTML page in which no article text was found",
        "pipe.txt": "named pipe (FIFO), not a regular file",
    }
    assert len(c.docs) + len(c.skipped) == 12
    latin = c.docs[c.docs["path"] == "latin1.txt"].iloc[0]
    assert latin["encoding"] == "cp1252" and "not valid UTF-8" in latin["warnings"]


def test_missing_corpus_folder_names_the_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere"):
        defcoop.load(tmp_path / "nowhere")
