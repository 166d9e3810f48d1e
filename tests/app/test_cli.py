"""defcoop annotate: formats, mentions, skipped summary, exit codes."""

import json
import subprocess
import sys

import pandas as pd

from defcoop.app.cli import main
from defcoop.paths import SEEDS_DIR


def test_annotate_writes_csv_jsonl_parquet(tmp_path, capsys):
    for ext in ("csv", "jsonl", "parquet"):
        assert main(["annotate", str(SEEDS_DIR), "-o", str(tmp_path / f"a.{ext}")]) == 0
    csv = pd.read_csv(tmp_path / "a.csv", keep_default_na=False)
    assert (
        csv.loc[csv["doc_id"] == "003_a96526d9f035a37c", "actors"].item() == "Lương Cường;Viktor Khrenin;Phan Văn Giang"
    )
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows[4]["partners"] == ["Russia"] and rows[1]["date"] == "2018-03-28"
    pq = pd.read_parquet(tmp_path / "a.parquet")
    assert list(pq["actor_ids"].iloc[2]) == ["phan-van-giang", "viktor-khrenin"]
    assert "5 articles annotated" in capsys.readouterr().err


def test_mentions_and_skipped_summary(write_corpus, tmp_path, capsys):
    root = write_corpus({"a.txt": "Vietnam and Russia held defence talks in Hanoi.", "b.txt": "", "c.bin": b"\x00\x01"})
    assert main(["annotate", str(root), "-o", str(tmp_path / "a.csv"), "--mentions", str(tmp_path / "m.csv")]) == 0
    err = capsys.readouterr().err
    assert "2 of 3 files or records skipped" in err and "empty file" in err
    m = pd.read_csv(tmp_path / "m.csv")
    assert set(m["id"]) >= {"Vietnam", "Russia"}


def test_exit_codes(write_corpus, tmp_path, capsys):
    empty = write_corpus({"x.txt": ""}, name="empty")
    assert main(["annotate", str(empty), "-o", str(tmp_path / "a.csv")]) == 1
    assert "nothing could be loaded" in capsys.readouterr().err
    assert main(["annotate", str(tmp_path / "missing"), "-o", str(tmp_path / "a.csv")]) == 2
    assert not (tmp_path / "a.csv").exists()


def test_python_dash_m_works(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "defcoop", "annotate", str(SEEDS_DIR), "-o", str(tmp_path / "a.jsonl")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 5
