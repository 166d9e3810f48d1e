"""Structural checks for the held-out gold set (python3 tests/heldout/check_heldout.py)."""

import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTS = HERE / "articles"
DATA = HERE.parent.parent / "lib" / "defcoop" / "data"
KEYS = ["corpus", "doc_id", "date", "date_precision", "date_source", "language", "partners", "actors",
        "unregistered", "themes", "duplicate_of", "on_topic", "traps", "notes"]
THEMES = ("training_education military_technical_arms defence_industry military_medicine military_history "
          "delegation_exchange multilateral_asean_un peacekeeping maritime_south_china_sea covid_health "
          "trade_economy security_crime science_technology culture_sport agreement_signed").split()
TRAPS = ("header_date_day header_date_month dateline_mdy_time dateline_ddmmyyyy dateline_dotted text_date "
         "yearless_inferred yearless_ambiguous today_widget diacritics no_diacritics family_first_patronymic "
         "initials transliteration rank_prefix short_second_mention title_only_mention photo_credit "
         "byline_reporter unregistered_official glued_sentences site_furniture soviet_history multilateral_list "
         "multiple_partners syndicated_copy spam_mirror non_english off_topic agreement_signed_vs_previous").split()
PREC_RE = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}", "none": r""}


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def main():
    errs, warns = [], []
    actors = {r["actor_id"]: r for r in csv.DictReader((DATA / "actors.csv").open(encoding="utf-8"))}
    offices = {}
    for r in csv.DictReader((DATA / "offices.csv").open(encoding="utf-8")):
        offices.setdefault(r["actor_id"], []).append((r["start"], r["end"] or "9999-12-31"))
    rows = [json.loads(l) for l in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    by_id = {r["doc_id"]: r for r in rows}
    if len(by_id) != len(rows):
        errs.append("duplicate doc_ids")
    files = {p.stem for p in ARTS.glob("*.txt")}
    if files != set(by_id):
        errs.append(f"file/doc_id mismatch: {sorted(files ^ set(by_id))}")
    cov = Counter()
    for r in rows:
        d = r["doc_id"]
        if list(r) != KEYS:
            errs.append(f"{d}: keys {list(r)}")
            continue
        text = (ARTS / f"{d}.txt").read_text(encoding="utf-8")
        first = text.split("\n", 1)[0]
        if r["corpus"] != "heldout" or not re.fullmatch(r"h\d\d_[a-z0-9_]+", d):
            errs.append(f"{d}: corpus/doc_id form")
        if r["date_precision"] not in PREC_RE or not re.fullmatch(PREC_RE[r["date_precision"]], r["date"]):
            errs.append(f"{d}: date {r['date']!r} vs precision {r['date_precision']}")
        if r["date_source"] not in ("header", "dateline", "text", "inferred", "none"):
            errs.append(f"{d}: date_source {r['date_source']}")
        if (r["date_precision"] == "none") != (r["date_source"] == "none"):
            errs.append(f"{d}: precision/source none mismatch")
        has_header = first.startswith(" date ")
        if has_header != (r["date_source"] == "header"):
            errs.append(f"{d}: header line vs date_source")
        if has_header and not first.startswith(f" date {r['date']} "):
            errs.append(f"{d}: header date differs")
        if r["language"] not in ("en", "vi", "ru"):
            errs.append(f"{d}: language")
        if r["language"] != "en" and (r["partners"] or r["actors"] or r["unregistered"] or r["themes"]):
            errs.append(f"{d}: non-English doc must have empty lists")
        if [t for t in r["themes"] if t not in THEMES] or r["themes"] != sorted(r["themes"], key=THEMES.index):
            errs.append(f"{d}: themes unknown or not in codebook order")
        if set(r["traps"]) - set(TRAPS):
            errs.append(f"{d}: bad traps {set(r['traps']) - set(TRAPS)}")
        if len(set(r["actors"])) != len(r["actors"]):
            errs.append(f"{d}: repeated actor")
        day = r["date"] + ("-15" if r["date_precision"] == "month" else "")
        for a in r["actors"]:
            if a not in actors:
                errs.append(f"{d}: unknown actor {a}")
            elif r["date_precision"] in ("day", "month") and not any(s <= day < e for s, e in offices.get(a, [])):
                errs.append(f"{d}: {a} not in office on {r['date']}")
            elif fold(actors[a]["family"]) not in fold(text) and not any(
                    fold(v.split()[-1]) in fold(text) for v in actors[a]["variants"].split(";") if v):
                warns.append(f"{d}: {a} name not in text (title-only?)")
        for u in r["unregistered"]:
            if u not in text:
                errs.append(f"{d}: unregistered {u!r} not written so in text")
        if not isinstance(r["on_topic"], bool):
            errs.append(f"{d}: on_topic not bool")
        if r["duplicate_of"]:
            o = by_id.get(r["duplicate_of"])
            if not o:
                errs.append(f"{d}: duplicate_of unknown")
            elif (o["date"], o["doc_id"]) >= (r["date"], d) or o["duplicate_of"]:
                errs.append(f"{d}: duplicate_of is not an earlier original")
        cov.update(set(r["traps"]))
    print(f"{len(rows)} rows; languages {dict(Counter(r['language'] for r in rows))}; "
          f"off-topic {sum(not r['on_topic'] for r in rows)}; duplicates {sum(bool(r['duplicate_of']) for r in rows)}")
    print("partners:", dict(Counter(p for r in rows for p in r["partners"])))
    print("traps:", ", ".join(f"{t}={cov[t]}" for t in TRAPS))
    print("\n".join("warning: " + w for w in warns))
    print("\n".join(errs) or "OK")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
