"""The gold files themselves are well formed: every field, every id and every date checkable."""

import datetime as dt
import json
from pathlib import Path

import pytest

from defcoop.lexicons.actors import registry
from defcoop.lexicons.themes import THEME_IDS
from defcoop.paths import SEEDS_DIR

HERE = Path(__file__).parent
GOLD_FILES = [HERE / "gold" / "gold.jsonl", HERE / "heldout" / "gold.jsonl"]
KEYS = {
    "corpus",
    "doc_id",
    "date",
    "date_precision",
    "date_source",
    "language",
    "partners",
    "actors",
    "unregistered",
    "themes",
    "duplicate_of",
    "on_topic",
    "traps",
    "notes",
}
TRAPS = {
    "header_date_day",
    "header_date_month",
    "dateline_mdy_time",
    "dateline_ddmmyyyy",
    "dateline_dotted",
    "text_date",
    "yearless_inferred",
    "yearless_ambiguous",
    "today_widget",
    "diacritics",
    "no_diacritics",
    "family_first_patronymic",
    "initials",
    "transliteration",
    "rank_prefix",
    "short_second_mention",
    "title_only_mention",
    "photo_credit",
    "byline_reporter",
    "unregistered_official",
    "glued_sentences",
    "site_furniture",
    "soviet_history",
    "multilateral_list",
    "multiple_partners",
    "syndicated_copy",
    "spam_mirror",
    "non_english",
    "off_topic",
    "agreement_signed_vs_previous",
}


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("path", GOLD_FILES, ids=["dev", "heldout"])
def test_gold_file_is_well_formed(path):
    gold = rows(path)
    ids = [g["doc_id"] for g in gold]
    assert len(ids) == len(set(ids))
    reg = registry()
    for g in gold:
        where = f"{path.parent.name}/{g['doc_id']}"
        assert set(g) == KEYS, where
        folder = SEEDS_DIR if g["corpus"] == "seeds" else path.parent / "articles"
        assert (folder / f"{g['doc_id']}.txt").is_file(), where
        assert set(g["themes"]) <= set(THEME_IDS), where
        assert set(g["traps"]) <= TRAPS, where
        assert all(a in reg.actors for a in g["actors"]), where
        precision = g["date_precision"]
        expected_len = {"day": 10, "month": 7, "year": 4, "none": 0}[precision]
        assert len(g["date"]) == expected_len, where
        if precision == "day":
            day = dt.date.fromisoformat(g["date"])
            # every registered actor is in office on the article's day, as the guidelines require
            for a in g["actors"]:
                assert any(o.start <= day and (o.end is None or day <= o.end) for o in reg.actors[a].offices), (
                    f"{where}: {a} not in office on {day}"
                )
        if g["duplicate_of"]:
            assert g["duplicate_of"] in ids[: ids.index(g["doc_id"])], where


def test_every_trap_is_exercised_by_the_development_set():
    seen = {t for g in rows(GOLD_FILES[0]) for t in g["traps"]}
    assert seen == TRAPS
