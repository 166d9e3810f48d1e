"""Files of other formats: HTML pages, JSON lines and arrays, CSV/TSV, WARC archives.

Every corpus here is written by the tests from text the team wrote; each checks the outcome of
every record (loaded, or skipped with its file, record and reason).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
from pathlib import Path

import pytest

import defcoop
from defcoop.app.cli import main as cli
from defcoop.engine.cache import Store
from defcoop.lexicons.outlets import outlet_of_host, outlets
from defcoop.reading.files import MAX_BYTES_DEFAULT
from defcoop.reading.records import FIELDS, check_fields, container_format

STORY = (
    "Hanoi (VNA) - Defence Minister General Phan Van Giang held talks with Belarusian Defence Minister "
    "Lieutenant General Viktor Khrenin in Hanoi on {day}.\n\n"
    "The two ministers agreed to expand cooperation in training, military medicine and the defence "
    "industry, and reviewed the plan for defence cooperation signed last year.\n\n"
    "General Giang said Vietnam values its traditional friendship with Belarus."
)


def story(day: str = "Tuesday") -> str:
    return STORY.format(day=day)


def outcome(corpus: defcoop.Corpus) -> dict[tuple[str, str], str]:
    """``{(path, record): "loaded" or the skip reason}`` for every input of the corpus."""
    out = {(p, r): "loaded" for p, r in zip(corpus.docs["path"], corpus.docs["record"], strict=True)}
    for p, r, why in zip(corpus.skipped["path"], corpus.skipped["record"], corpus.skipped["reason"], strict=True):
        out[(p, r)] = why
    return out


def jsonl(*rows) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


# -- formats by name ------------------------------------------------------------------------------


def test_formats_by_suffix():
    names = ["a.txt", "b.md", "c", "d.html", "e.HTM", "f.jsonl", "g.ndjson", "h.json", "i.csv", "j.tsv"]
    got = [container_format(n) for n in [*names, "k.warc", "l.warc.gz", "m.pdf", "n.gz", "o.docx"]]
    assert got == ["text"] * 3 + ["html"] * 2 + ["jsonl", "jsonl", "json", "csv", "tsv", "warc", "warc", "", "", ""]


def test_unknown_format_is_skipped_with_the_formats_read(write_corpus):
    c = defcoop.load(write_corpus({"a.txt": story(), "scan.pdf": b"%PDF-1.4"}), cache=False)
    reason = outcome(c)[("scan.pdf", "")]
    assert reason.startswith("not a format the workbook reads (suffix '.pdf'")
    assert ".jsonl" in reason and ".warc.gz" in reason


# -- JSON lines ------------------------------------------------------------------------------------


def test_jsonl_every_line_loaded_or_skipped_with_its_line_and_reason(write_corpus):
    root = write_corpus(
        {
            "crawl.jsonl": jsonl(
                {
                    "url": "https://example.org/a",
                    "title": "Giang meets Khrenin",
                    "maintext": story(),
                    "date_publish": "2024-12-17 09:00:00",
                },
                "",  # a blank line is no record
                {"url": "https://example.org/b", "maintext": ""},
                {"url": "https://example.org/c", "headline": "no text here"},
                '{"url": "https://example.org/d", "text": "cut off',
                '["a", "list"]',
                {"text": ["not", "a", "string"]},
                {"text": story("Monday"), "language": "en"},
            )
        }
    )
    c = defcoop.load(root, cache=False)
    got = outcome(c)
    assert got[("crawl.jsonl", "line 1")] == "loaded"
    assert got[("crawl.jsonl", "line 3")] == "empty text"
    assert got[("crawl.jsonl", "line 4")].startswith("no text field (looked for: maintext, text,")
    assert got[("crawl.jsonl", "line 5")].startswith("JSON line is not valid JSON (")
    assert got[("crawl.jsonl", "line 6")] == "JSON list, not an object"
    assert got[("crawl.jsonl", "line 7")] == "text field is a list, not a string"
    assert got[("crawl.jsonl", "line 8")] == "loaded"
    assert len(got) == 7  # the blank line is nothing
    d = c.docs.set_index("record").loc["line 1"]
    assert (d["doc_id"], d["url"], d["title"]) == ("crawl#1", "https://example.org/a", "Giang meets Khrenin")
    assert (d["date"], d["date_source"]) == ("2024-12-17", "metadata")
    assert d["partners"] == ["Belarus"] and "Viktor Khrenin" in d["actors"]
    assert c.docs.set_index("record").loc["line 8", "date_source"] != "metadata"


def test_record_annotations_equal_those_of_the_same_text_as_a_file(write_corpus):
    text = " date 2024-12-17 " + story()
    as_file = defcoop.load(write_corpus({"a.txt": text}, "files"), cache=False).docs.iloc[0]
    as_record = defcoop.load(write_corpus({"a.jsonl": jsonl({"text": text})}, "records"), cache=False).docs.iloc[0]
    for col in ("date", "date_source", "partners", "actors", "actor_ids", "themes", "on_topic", "body", "n_sentences"):
        assert as_record[col] == as_file[col], col


def test_user_field_names(write_corpus, tmp_path):
    root = write_corpus({"x.jsonl": jsonl({"story": story(), "when": "2019-06-18", "link": "https://example.org/x"})})
    c = defcoop.load(root, cache=False)
    assert c.docs.empty and "no text field" in c.skipped["reason"].iloc[0]
    c = defcoop.load(root, cache=False, fields={"text": "story", "date": "When"})
    assert (c.docs["date"].iloc[0], c.docs["date_source"].iloc[0]) == ("2019-06-18", "metadata")
    assert c.docs["url"].iloc[0] == "https://example.org/x"  # `link` is a known name of the URL
    with pytest.raises(ValueError, match="unknown field 'txt'"):
        defcoop.load(root, fields={"txt": "story"})
    out = tmp_path / "out.jsonl"
    assert cli(["annotate", str(root), "-o", str(out), "--no-cache", "--field", "text=story"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["record"] == "line 1"
    assert cli(["annotate", str(root), "-o", str(out), "--field", "text"]) == 2


def test_known_field_names_cover_the_usual_crawlers():
    for name in ("maintext", "text"):  # news-please, trafilatura/Media Cloud
        assert name in FIELDS["text"]
    for name in ("date_publish", "publish_date", "date"):
        assert name in FIELDS["date"]
    assert check_fields({"text": " Body "}) == {"text": "body"}


def test_crawl_date_is_kept_apart_and_bounds_the_publication_date(write_corpus):
    root = write_corpus(
        {
            "np.jsonl": jsonl(
                {"maintext": story(), "date_download": "2020-05-01 10:00:00"},
                {"maintext": story(), "date_publish": "2020-05-09", "date_download": "2020-05-01"},
                {"maintext": story(), "date_publish": "2020-04-30", "date_download": "2020-05-01"},
            )
        }
    )
    docs = defcoop.load(root, cache=False).docs.set_index("record")
    assert docs.loc["line 1", "crawl_date"] == "2020-05-01"
    assert docs.loc["line 1", "date_source"] != "metadata"  # a crawl date is never the date
    assert docs.loc["line 2", "date"] != "2020-05-09"
    assert "after the crawl date" in docs.loc["line 2", "warnings"]
    assert (docs.loc["line 3", "date"], docs.loc["line 3", "date_source"]) == ("2020-04-30", "metadata")


def test_metadata_date_against_the_pages_own_date(write_corpus):
    page = " date 2024-12-17 " + story()
    root = write_corpus({"m.jsonl": jsonl({"text": page, "date": "2024-12-18"}, {"text": page, "date": "2023-01-05"})})
    docs = defcoop.load(root, cache=False).docs.set_index("record")
    assert (docs.loc["line 1", "date"], docs.loc["line 1", "date_source"]) == ("2024-12-17", "header")
    assert docs.loc["line 1", "warnings"] == ""  # a day apart: they agree
    assert (docs.loc["line 2", "date"], docs.loc["line 2", "date_source"]) == ("2024-12-17", "header")
    assert "contradicts the page's header date 2024-12-17" in docs.loc["line 2", "warnings"]


def test_json_array_and_single_object(write_corpus):
    arr = json.dumps([{"text": story()}, "stray", {"text": story("Friday"), "url": "https://example.org/f"}])
    root = write_corpus({"arr.json": arr, "one.json": json.dumps({"text": story()}), "bad.json": "[{"})
    got = outcome(defcoop.load(root, cache=False))
    assert got[("arr.json", "element 1")] == got[("arr.json", "element 3")] == "loaded"
    assert got[("arr.json", "element 2")] == "not a JSON object"
    assert got[("one.json", "object 1")] == "loaded"
    assert got[("bad.json", "")].startswith("JSON file is not valid JSON")


def test_large_jsonl_is_streamed_and_each_record_limited(write_corpus):
    rows = [{"text": story(f"day {i}")} for i in range(40)] + [{"text": "x " * 6000}]
    root = write_corpus({"big.jsonl": jsonl(*rows)})
    size = (root / "big.jsonl").stat().st_size
    limit = 10_000
    assert size > limit  # the file is larger than the limit, its records are not (but one)
    got = outcome(defcoop.load(root, cache=False, max_bytes=limit))
    assert sum(v == "loaded" for v in got.values()) == 40
    assert got[("big.jsonl", "line 41")].startswith("record too large (12,")


# -- CSV and TSV -------------------------------------------------------------------------------------


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def test_csv_rows_quoted_line_breaks_ragged_and_unclosed(write_corpus):
    good = _csv(
        [
            ["stories_id", "url", "title", "publish_date", "text"],
            ["1", "https://example.org/1", 'Giang, "Khrenin" talk', "2024-12-17 08:00:00", story()],
            ["2", "https://example.org/2", "empty", "2024-12-18", ""],
            ["3", "https://example.org/3", "extra", "2024-12-18", story(), "surplus"],
        ]
    )
    broken = good + '4,https://example.org/4,"unclosed,2024-12-19,text\nthat never ends\n'
    root = write_corpus({"mc.csv": broken, "mc.tsv": _csv([["text", "url"], [story(), "https://e.org/t"]], "\t")})
    c = defcoop.load(root, cache=False)
    got = outcome(c)
    assert got[("mc.csv", "row 1")] == "loaded"
    assert got[("mc.csv", "row 2")] == "empty text"
    assert got[("mc.csv", "row 3")] == "6 fields in a row under a header of 5"
    assert got[("mc.csv", "row 4")].startswith("unclosed quote: the row starting at line")
    assert got[("mc.tsv", "row 1")] == "loaded"
    d = c.docs.set_index(["path", "record"]).loc[("mc.csv", "row 1")]
    assert d["title"] == 'Giang, "Khrenin" talk'
    assert d["doc_id"] == "mc.csv#1"  # (mc.csv and mc.tsv share a stem: the whole file name is the id)
    assert "\n\n" in d["text"]  # the quoted line breaks are the article's paragraphs


def test_csv_without_header_or_with_broken_header(write_corpus):
    got = outcome(defcoop.load(write_corpus({"e.csv": "\n\n", "h.csv": '"text\n'}), cache=False))
    assert got[("e.csv", "")] == "CSV file without a header row"
    assert got[("h.csv", "")].startswith("the header row (line 1) has an unclosed quote")


# -- HTML ---------------------------------------------------------------------------------------------


def page(text: str, *, title: str = "Giang, Khrenin hold talks", date: str = "", canonical: str = "") -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    nav = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>"
    head = f"<head><title>{title}</title>{meta}{link}</head>"
    body = f"<body>{nav}<article><h1>{title}</h1>{paras}</article><footer>All rights reserved</footer></body>"
    return f"<!DOCTYPE html><html>{head}{body}</html>"


def test_html_pages_by_name_and_by_content(write_corpus):
    root = write_corpus(
        {
            "p.html": page(story(), date="2024-12-17T10:00:00+07:00", canonical="https://example.org/p"),
            "saved.txt": page(story()),
            "empty.htm": "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
        }
    )
    c = defcoop.load(root, cache=False)
    got = outcome(c)
    assert got[("p.html", "")] == got[("saved.txt", "")] == "loaded"
    assert got[("empty.htm", "")] == "HTML page in which no article text was found"
    d = c.docs.set_index("path").loc["p.html"]
    assert (d["title"], d["date"], d["date_source"], d["url"]) == (
        "Giang, Khrenin hold talks",
        "2024-12-17",
        "metadata",
        "https://example.org/p",
    )
    assert "All rights reserved" not in d["text"] and "Home" not in d["body"]
    assert d["encoding"] == "html" and "Viktor Khrenin" in d["actors"]


# -- WARC ---------------------------------------------------------------------------------------------


def warc(records: list[tuple[str, str, str, bytes]], *, gz: bool = True) -> bytes:
    """A WARC of ``(type, uri, "[status|]content type", payload)`` records, warcio-written."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for kind, uri, ctype, payload in records:
        if kind == "response":
            status, _, ctype = ctype.rpartition("|")
            http = StatusAndHeaders(status or "200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http))
        elif kind == "request":
            http = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            w.write_record(w.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=http))
        else:
            w.write_record(w.create_warc_record(uri, kind, payload=io.BytesIO(payload)))
    return buf.getvalue()


RECORDS = [
    ("warcinfo", "", "", b"software: defcoop tests\r\n"),
    ("request", "https://example.org/a", "", b""),
    ("response", "https://example.org/a", "text/html; charset=utf-8", page(story(), date="2024-12-17").encode()),
    ("response", "https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("response", "https://example.org/gone", "404 Not Found|text/html", b"<html><body>gone</body></html>"),
    ("response", "https://example.org/b", "text/html", page(story("Friday")).encode()),
]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_every_record_loaded_or_skipped(write_corpus, gz):
    name = "crawl.warc.gz" if gz else "crawl.warc"
    c = defcoop.load(write_corpus({name: warc(RECORDS, gz=gz)}), cache=False)
    got = outcome(c)
    assert got == {
        (name, "record 1"): "WARC warcinfo record, not an HTML response",
        (name, "record 2 (https://example.org/a)"): "WARC request record, not an HTML response",
        (name, "record 3"): "loaded",
        (name, "record 4 (https://example.org/logo.png)"): "response of type image/png, not HTML",
        (name, "record 5 (https://example.org/gone)"): "HTTP status 404, not a page",
        (name, "record 6"): "loaded",
    }
    d = c.docs.set_index("record")
    assert d.loc["record 3", "url"] == "https://example.org/a"
    assert (d.loc["record 3", "date"], d.loc["record 3", "date_source"]) == ("2024-12-17", "metadata")
    assert d.loc["record 6", "crawl_date"] == d.loc["record 3", "crawl_date"] != ""
    assert d.loc["record 6", "date_source"] != "metadata"  # the WARC-Date is the crawl, not the story


def test_broken_warc_files(write_corpus):
    whole = gzip.compress(warc(RECORDS, gz=False))
    good = warc(RECORDS)
    root = write_corpus(
        {"whole.warc.gz": whole, "cut.warc.gz": good[:-40], "short.warc.gz": good[: len(good) // 2 + 7]}
    )
    got = outcome(defcoop.load(root, cache=False))
    assert got[("whole.warc.gz", "")].startswith("WARC gzip-compressed as one stream")
    assert got[("cut.warc.gz", "record 3")] == "loaded"
    assert got[("cut.warc.gz", "record 6 (https://example.org/b)")] == "record cut short (the file is truncated)"
    short = [k for k in got if k[0] == "short.warc.gz"]
    assert ("short.warc.gz", "") in short  # the file's problem is listed ...
    assert "truncated or corrupt" in got[("short.warc.gz", "")]
    assert got[("short.warc.gz", "record 3")] == "loaded"  # ... and the records before it still load


# -- outlets ---------------------------------------------------------------------------------------------


def test_outlets_file_is_valid_and_looked_up_by_longest_suffix():
    table = outlets()
    assert len(table) >= 100
    for domain, o in table.items():
        if "/" in domain:
            continue
        host = "news." + domain
        hit = outlet_of_host(host)
        longer = [d for d in table if (host == d or host.endswith("." + d)) and len(d) > len(domain)]
        assert hit is not None and (hit.domain == domain or longer), domain
        assert outlet_of_host(domain) is o
    assert outlet_of_host("example.invalid") is None


def test_outlet_from_url_else_the_host(write_corpus):
    known = next(d for d in outlets() if "/" not in d)
    root = write_corpus(
        {
            "o.jsonl": jsonl(
                {"text": story(), "url": f"https://www.{known}/2024/12/17/story.html"},
                {"text": story(), "url": "https://blog.example.net/post/1"},
                {"text": story(), "source": "Some Paper"},
            )
        }
    )
    docs = defcoop.load(root, cache=False).docs.set_index("record")
    o = outlets()[known]
    assert tuple(docs.loc["line 1", ["outlet", "outlet_country", "state_owned"]]) == (
        o.name,
        o.country or "unknown",
        o.state_owned,
    )
    assert tuple(docs.loc["line 2", ["outlet", "outlet_country", "state_owned"]]) == (
        "blog.example.net",
        "unknown",
        "unknown",
    )
    assert docs.loc["line 3", "outlet"] == "Some Paper"


# -- the engine: cache per record, workers, nothing written --------------------------------------------


def _cached_docs(cache: Path, root: Path) -> int:
    return len(Store(cache, root.resolve(), max_bytes=MAX_BYTES_DEFAULT).cached_shas())


def test_one_changed_record_is_the_only_one_annotated_again(write_corpus, tmp_path):
    rows = [{"text": story(f"the {i}th"), "url": f"https://example.org/{i}"} for i in range(30)]
    root = write_corpus({"c.jsonl": jsonl(*rows)})
    cache = tmp_path / "cache"
    first = defcoop.load(root, cache=cache)
    n_first = _cached_docs(cache, root)
    assert n_first == 30
    rows[7]["text"] = story("Sunday")
    (root / "c.jsonl").write_text(jsonl(*rows), encoding="utf-8")
    defcoop.clear_memo()
    again = defcoop.load(root, cache=cache)
    assert _cached_docs(cache, root) == 31  # one new record annotated, 29 taken from the cache
    changed = again.docs["doc_id"] == "c#8"
    assert "Sunday" in again.docs.loc[changed, "text"].iloc[0]
    assert (first.docs.loc[~changed.values, "sha256"].values == again.docs.loc[~changed, "sha256"].values).all()


def test_records_read_by_worker_processes_equal_those_read_in_process(write_corpus):
    rows = [{"text": story(f"the {i}th"), "url": f"https://example.org/{i}"} for i in range(1001)]
    root = write_corpus({"many.jsonl": jsonl(*rows), "w.warc.gz": warc(RECORDS), "p.html": page(story())})
    one = defcoop.load(root, cache=False, workers=1)
    defcoop.clear_memo()
    two = defcoop.load(root, cache=False, workers=2)
    cols = ["doc_id", "path", "record", "url", "date", "actors", "partners", "sha256", "text"]
    assert len(one.docs) == 1001 + 2 + 1
    assert one.docs[cols].equals(two.docs[cols])
    assert one.skipped.equals(two.skipped)


def test_a_mixed_corpus_folder_is_never_written(write_corpus):
    rows = [{"text": story(), "url": "https://example.org/1"}, "not json"]
    root = write_corpus(
        {
            "a.txt": story(),
            "b/c.jsonl": jsonl(*rows),
            "b/d.csv": _csv([["text"], [story()]]),
            "e.warc.gz": warc(RECORDS),
            "f.html": page(story()),
        }
    )

    def snapshot() -> dict[str, tuple]:
        out = {}
        for dirpath, dirnames, filenames in os.walk(root):
            for n in dirnames + filenames:
                p = Path(dirpath, n)
                st = p.stat()
                out[str(p.relative_to(root))] = (
                    st.st_mtime_ns,
                    hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "",
                )
        return out

    before = snapshot()
    c = defcoop.load(root)
    assert snapshot() == before
    assert len(c.docs) == 1 + 1 + 1 + 2 + 1 and c.docs["doc_id"].is_unique


def test_an_overlong_line_or_row_is_skipped_without_reading_it_whole(write_corpus):
    long_text = "word " * 5000  # 25,000 bytes, over the limit of 10,000
    root = write_corpus(
        {
            "l.jsonl": jsonl({"text": story()}, {"text": long_text}, {"text": story("Friday")}),
            "r.csv": _csv([["text"], [story()], [long_text + ' with "quotes" inside'], [story("Friday")]]),
        }
    )
    got = outcome(defcoop.load(root, cache=False, max_bytes=10_000))
    assert got[("l.jsonl", "line 2")].startswith("record too large (25,0")
    assert got[("l.jsonl", "line 1")] == got[("l.jsonl", "line 3")] == "loaded"
    assert got[("r.csv", "row 2")].startswith("record too large")
    assert got[("r.csv", "row 1")] == got[("r.csv", "row 3")] == "loaded"  # the quotes kept their balance


def test_csv_rows_with_inch_marks_big_fields_and_stray_carriage_returns(write_corpus):
    big = "long " * 40_000  # 200,000 characters in one field (over the csv module's default cap)
    line = story().replace("\n", " ")
    tsv = 'title\ttext\nA\tThe 5" screen is big, ' + line + '\nB\tAnother 12" record, ' + line + "\nC\t" + line + "\n"
    csv_text = "title,text\nT," + '"' + story() + " " + big + '"' + "\nU,hello\rworld and more words here\n"
    got = outcome(defcoop.load(write_corpus({"a.tsv": tsv, "b.csv": csv_text}), cache=False))
    assert [got[("a.tsv", f"row {n}")] for n in (1, 2, 3)] == ["loaded"] * 3  # inch marks open no field
    assert got[("b.csv", "row 1")] == "loaded"  # a field of 200,000 characters
    assert got[("b.csv", "row 2")] == "loaded"  # a stray carriage return in an unquoted field


def test_a_json_file_with_a_byte_order_mark(write_corpus):
    root = write_corpus({"bom.json": b"\xef\xbb\xbf" + json.dumps([{"text": story()}]).encode()})
    assert outcome(defcoop.load(root, cache=False)) == {("bom.json", "element 1"): "loaded"}


def test_record_ids_never_collide_with_file_stems(write_corpus):
    root = write_corpus(
        {"news.jsonl": jsonl({"text": story()}, {"text": story("Friday")}), "news#2.txt": story("Monday")}
    )
    docs = defcoop.load(root, cache=False).docs
    assert docs["doc_id"].is_unique and len(docs) == 3
