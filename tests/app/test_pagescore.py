"""Held-out-style scoring of real pages (``defcoop score-pages``): the matching rules of
``../shared/EVALUATION.md`` and each measure, on hand-written rows."""

from __future__ import annotations

import json
import math

import pytest

from defcoop.app.cli import main
from defcoop.app.pagescore import name_matches, score_pages


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("Phan Văn Giang", "Phan Van Giang", True),  # diacritics folded
        ("Sergey Shoigu", "Sergei Shoigu", True),  # one edit in a token of five letters or more
        ("Viktor Gennadievich Khrenin", "Viktor Khrenin", True),  # an extra patronymic
        ("Lee Jae-myung", "Lee Jae-myung", True),
        ("Spokesperson Dana W. White", "Dana W. White", False),  # a title in the name
        ("Nguyen PhuTrong", "Nguyen Phu Trong", False),  # glued words
        ("Phung Quang", "Phung Quang Thanh", False),  # a name broken over a line
        ("Ivan Petrov", "Iván Petrof", True),
        ("Le Duc", "Le Duk", False),  # one edit is allowed only in tokens of five letters or more
        ("Khrenin Viktor", "Viktor Khrenin", False),  # token by token, in order
    ],
)
def test_name_matching_follows_the_held_out_rules(pred, gold, ok):
    assert name_matches(pred, gold) is ok


GOLD = [
    {
        "doc_id": "a",
        "date": "2024-12-17",
        "date_basis": "stamp",
        "partners": ["Belarus"],
        "themes": ["defence_industry"],
        "officials": [{"name": "Phan Van Giang"}, {"name": "Viktor Khrenin"}],
        "duplicate_of": "",
        "on_topic": True,
    },
    {
        "doc_id": "b",
        "date": "2024-12-17",
        "date_basis": "text",
        "partners": ["Belarus"],
        "themes": [],
        "officials": [{"name": "Phan Van Giang"}],
        "duplicate_of": "a",
        "on_topic": True,
    },
    {
        "doc_id": "c",
        "date": "2018-03-28",
        "date_basis": "inferred",
        "partners": [],
        "themes": [],
        "officials": [],
        "duplicate_of": "",
        "on_topic": False,
    },
    {
        "doc_id": "d",
        "date": "",
        "date_basis": "none",
        "partners": [],
        "themes": [],
        "officials": [],
        "duplicate_of": "",
        "on_topic": False,
    },
]
PRED = [
    {
        "doc_id": "a",
        "date": "2024-12-17",
        "partners": ["Belarus", "Russia"],
        "themes": ["defence_industry", "trade_economy"],
        "actors": ["Phan Văn Giang", "Viktor Gennadievich Khrenin", "Minister Khrenin"],
        "duplicate_of": "",
        "on_topic": True,
    },
    {
        "doc_id": "b",
        "date": "2024-12",
        "partners": ["Belarus"],
        "themes": [],
        "actors": ["Phan Văn Giang"],
        "duplicate_of": "a",
        "on_topic": True,
    },
    {"doc_id": "c", "date": "", "partners": [], "themes": [], "actors": [], "duplicate_of": "", "on_topic": False},
]


def test_each_measure_counts_what_it_says():
    table, errors = score_pages(PRED, GOLD)
    m = table.set_index("measure")
    # officials: 3 of 3 gold found; "Minister Khrenin" is a false positive (a title in the name)
    assert (m.loc["officials F1", "precision"], m.loc["officials F1", "recall"]) == (0.75, 1.0)
    assert m.loc["partners F1", "precision"] == pytest.approx(2 / 3) and m.loc["partners F1", "recall"] == 1.0
    assert m.loc["themes F1", "value"] == pytest.approx(2 / 3)
    assert (m.loc["stated date", "value"], m.loc["stated date", "n"]) == (0.5, 2)  # b is at the wrong precision
    assert (m.loc["inferred date", "value"], m.loc["inferred date", "n"]) == (0.0, 1)
    assert (m.loc["copies recall", "value"], m.loc["off-topic flagged", "value"]) == (1.0, 0.5)  # d: no prediction
    assert errors["date"] == ["b (text): '2024-12' | '2024-12-17'", "c (inferred): '' | '2018-03-28'"]
    assert errors["off-topic"] == ["d: flagged on topic"]


def test_on_topic_pages_left_on_topic_are_counted_apart_from_off_topic_ones():
    gold = [{**GOLD[0], "doc_id": f"g{i}", "on_topic": True} for i in range(3)]
    pred = [{**PRED[0], "doc_id": "g0", "on_topic": True}, {**PRED[0], "doc_id": "g1", "on_topic": False}]
    table, errors = score_pages(pred, gold)  # g2 has no prediction: not kept
    m = table.set_index("measure")
    assert (m.loc["on-topic kept", "value"], m.loc["on-topic kept", "n"]) == (pytest.approx(1 / 3), 3)
    assert math.isnan(m.loc["off-topic flagged", "value"])
    assert errors["on-topic"] == ["g1: flagged off topic", "g2: flagged off topic"] and errors["off-topic"] == []


def test_a_copy_pointing_to_another_copy_of_the_same_story_counts():
    gold = [{**GOLD[0]}, {**GOLD[1]}, {**GOLD[1], "doc_id": "e"}]
    pred = [{**PRED[0]}, {**PRED[1]}, {**PRED[1], "doc_id": "e", "duplicate_of": "b"}]
    table, _ = score_pages(pred, gold)
    assert table.set_index("measure").loc["copies recall", "value"] == 1.0
    pred[2]["duplicate_of"] = ""
    table, _ = score_pages(pred, gold)
    assert table.set_index("measure").loc["copies recall", "value"] == 0.5


def test_measures_without_pages_are_not_numbers():
    table, _ = score_pages([], [GOLD[3]])
    m = table.set_index("measure")
    assert math.isnan(m.loc["stated date", "value"]) and math.isnan(m.loc["officials F1", "value"])


def test_the_command_prints_the_table_and_the_errors(tmp_path, capsys):
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text("".join(json.dumps(p) + "\n" for p in PRED), encoding="utf-8")
    assert main(["score-pages", str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl"), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "officials F1" in out and "stated date" in out and "d: flagged on topic" in out


def test_spellings_of_one_person_count_once_and_order_does_not_matter():
    gold = [
        {"doc_id": "a", "officials": [{"name": "Nguyen Minh"}, {"name": "Nguyen Van Minh"}, {"name": "Phan Van Giang"}]}
    ]
    for actors in (["Nguyen Van Minh", "Nguyen Minh"], ["Nguyen Minh", "Nguyen Van Minh"]):
        pred = [{"doc_id": "a", "actors": [*actors, "Phan Văn Giang", "Phan Van Giang"]}]
        m = score_pages(pred, gold)[0].set_index("measure").loc["officials F1"]
        assert (m["precision"], m["recall"]) == (1.0, 1.0), actors
    assert score_pages([{"doc_id": "a", "actors": None, "partners": None}], gold)[0].loc[0, "recall"] == 0.0
