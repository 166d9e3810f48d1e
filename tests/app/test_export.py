"""Every CSV defcoop writes is safe to open in a spreadsheet (issue 13, "CSV injection").

A cell a spreadsheet would evaluate starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return; defcoop writes such text cells with a leading ``'`` and leaves numbers alone.  JSON lines
and Parquet keep the raw text.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from defcoop.app.cli import main
from defcoop.export import FORMULA_STARTS
from defcoop.paths import PACKAGE_DIR
from defcoop.plots.save import save_figure

HOSTILE_CELLS = ['=HYPERLINK("http://x.test","go")', "+1+2", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

TITLE = '=HYPERLINK("http://evil.test/x","Defence Minister Phan Van Giang meets Belarus counterpart")'
ARTICLE = f"""{TITLE}

Hanoi (VNA) - Defence Minister General Phan Van Giang held talks with Belarusian Defence Minister
Viktor Khrenin in Hanoi on December 17, 2024.
@SUM(1+1) The two sides agreed to expand cooperation in defence industry and training.
"""


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _assert_no_formula_cells(path: Path) -> None:
    bad = [
        (i, cell)
        for i, row in enumerate(_rows(path))
        for cell in row
        if cell.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(cell)
    ]
    assert not bad, f"{path.name}: cells a spreadsheet would evaluate: {bad[:5]}"


def test_figure_csv_quotes_formula_text_and_keeps_numbers(tmp_path: Path):
    data = pd.DataFrame(
        {
            "label": [*HOSTILE_CELLS, "-12", "Hanoi"],
            "x": [-0.361, 1.0, -2.5, 0.0, 3.0, 4.0, -7.25, 8.0],
            "n": [-3, 1, 2, 3, 4, 5, 6, 7],
            "flag": [True, False] * 4,
        }
    )
    fig, _ = plt.subplots()
    save_figure(fig, "04-meetings-timeline", data=data, directory=tmp_path)
    plt.close(fig)
    path = tmp_path / "04-meetings-timeline.csv"
    _assert_no_formula_cells(path)
    rows = _rows(path)
    assert [r[0] for r in rows[1:7]] == ["'" + c.replace("\r", "\n") for c in HOSTILE_CELLS]
    assert len(rows) == 1 + len(data)  # no cell broken over two rows
    assert rows[7] == ["-12", "-7.25", "6", "True"]  # a number, even when in a text column, stays one
    assert rows[1][1:3] == ["-0.361", "-3"]
    back = pd.read_csv(path)
    assert back["n"].tolist() == data["n"].tolist() and back["x"].tolist() == data["x"].tolist()


def test_annotate_csv_is_safe_while_jsonl_and_parquet_keep_the_raw_text(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    for name in ("a.csv", "a.jsonl", "a.parquet"):
        args = ["annotate", str(corpus), "-o", str(out / name), "--no-cache"]
        if name == "a.csv":
            args += ["--mentions", str(out / "m.csv")]
        assert main(args) == 0
    raw = json.loads((out / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert raw["title"] == TITLE  # the premise: the title really starts with a formula
    assert pd.read_parquet(out / "a.parquet")["title"].tolist() == [TITLE]
    articles = pd.read_csv(out / "a.csv", keep_default_na=False)
    assert articles["title"].tolist() == ["'" + TITLE]
    for path in (out / "a.csv", out / "m.csv"):
        _assert_no_formula_cells(path)
    mentions = pd.read_csv(out / "m.csv", keep_default_na=False)
    assert mentions["sentence"].str.startswith("'=HYPERLINK").any()  # evidence sentences too
    assert (mentions["start"] >= 0).all() and pd.api.types.is_integer_dtype(mentions["start"])


def test_csv_is_written_only_through_the_safe_writer():
    writers = sorted(
        p.relative_to(PACKAGE_DIR).as_posix()
        for p in PACKAGE_DIR.rglob("*.py")
        if p.name != "export.py" and re.search(r"\.to_csv\(|csv\.writer\(|csv\.DictWriter\(", p.read_text("utf-8"))
    )
    assert not writers, f"CSV written around defcoop.export.write_csv in {writers}"
