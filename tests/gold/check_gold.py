"""Sanity checks for the gold corpus (python3 tests/gold/check_gold.py)."""

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "seeds"
ARTS = HERE / "articles"
KEYS = [
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
]
THEMES = {
    "training_education",
    "military_technical_arms",
    "defence_industry",
    "military_medicine",
    "military_history",
    "delegation_exchange",
    "multilateral_asean_un",
    "peacekeeping",
    "maritime_south_china_sea",
    "covid_health",
    "trade_economy",
    "security_crime",
    "science_technology",
    "culture_sport",
    "agreement_signed",
}
ACTORS = {
    "phan-van-giang",
    "ngo-xuan-lich",
    "phung-quang-thanh",
    "nguyen-chi-vinh",
    "hoang-xuan-chien",
    "nguyen-tan-cuong",
    "luong-cuong",
    "tran-dai-quang",
    "dang-thi-ngoc-thinh",
    "nguyen-xuan-phuc",
    "vo-van-thuong",
    "to-lam",
    "pham-minh-chinh",
    "nguyen-phu-trong",
    "vo-thi-anh-xuan",
    "viktor-khrenin",
    "andrei-ravkov",
    "alexander-lukashenko",
    "vladimir-semashko",
    "roman-golovchenko",
    "sergei-shoigu",
    "andrei-belousov",
    "alexander-fomin",
    "vladimir-putin",
    "valery-gerasimov",
    "mikhail-mishustin",
    "lloyd-austin",
    "pete-hegseth",
    "rajnath-singh",
    "richard-marles",
    "dong-jun",
    "wei-fenghe",
    "minoru-kihara",
    "chansamone-chanyalath",
    "tea-banh",
    "tea-seiha",
    "prabowo-subianto",
    "sebastien-lecornu",
    "boris-pistorius",
    "gilberto-teodoro",
    "alvaro-lopez-miera",
    "john-healey",
}
TRAPS = [
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
]
PREC_RE = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}", "none": r""}


def main() -> int:
    errs = []
    lines = (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    ids = [r["doc_id"] for r in rows]
    if len(ids) != len(set(ids)):
        errs.append("duplicate doc_ids")
    by_id = {r["doc_id"]: r for r in rows}
    files = {p.stem: p for p in list(SEEDS.glob("*.txt")) + list(ARTS.glob("*.txt"))}
    if set(files) != set(ids):
        errs.append(f"doc_id/file mismatch: {sorted(set(files) ^ set(ids))}")
    cov = Counter()
    for r in rows:
        d = r["doc_id"]
        if list(r) != KEYS:
            errs.append(f"{d}: keys {list(r)}")
            continue
        folder = SEEDS if r["corpus"] == "seeds" else ARTS
        if r["corpus"] not in ("seeds", "synthetic") or not (folder / f"{d}.txt").exists():
            errs.append(f"{d}: corpus/file")
        if not re.fullmatch(PREC_RE[r["date_precision"]], r["date"]):
            errs.append(f"{d}: date {r['date']!r} vs precision {r['date_precision']}")
        if (r["date_precision"] == "none") != (r["date_source"] == "none"):
            errs.append(f"{d}: precision/source none mismatch")
        if r["date_source"] not in ("header", "dateline", "text", "inferred", "none"):
            errs.append(f"{d}: date_source")
        first = (folder / f"{d}.txt").read_text(encoding="utf-8").split("\n", 1)[0]
        has_header = first.startswith(" date ")
        if has_header != (r["date_source"] == "header"):
            errs.append(f"{d}: header line vs date_source")
        if has_header and not first.startswith(f" date {r['date']} "):
            errs.append(f"{d}: header date differs")
        if set(r["themes"]) - THEMES:
            errs.append(f"{d}: bad themes {set(r['themes']) - THEMES}")
        if set(r["actors"]) - ACTORS or len(set(r["actors"])) != len(r["actors"]):
            errs.append(f"{d}: bad actors")
        if set(r["traps"]) - set(TRAPS):
            errs.append(f"{d}: bad traps {set(r['traps']) - set(TRAPS)}")
        if r["language"] != "en" and (r["partners"] or r["actors"] or r["themes"] or r["unregistered"]):
            errs.append(f"{d}: non-English doc must have empty lists")
        if not isinstance(r["on_topic"], bool):
            errs.append(f"{d}: on_topic not bool")
        if r["duplicate_of"]:
            o = by_id.get(r["duplicate_of"])
            if not o:
                errs.append(f"{d}: duplicate_of unknown")
            elif (o["date"], o["doc_id"]) >= (r["date"], d) or o["duplicate_of"]:
                errs.append(f"{d}: duplicate_of is not an earlier original")
        cov.update(set(r["traps"]))
    for t in TRAPS:
        if cov[t] < 2:
            errs.append(f"trap {t} covered {cov[t]} times")
    syn = sum(r["corpus"] == "synthetic" for r in rows)
    print(f"{len(rows)} rows ({syn} synthetic); traps:", ", ".join(f"{t}={cov[t]}" for t in TRAPS))
    print("\n".join(errs) or "OK")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
