"""Build pages/NNN_<slug>.txt and manifest.jsonl for the real-b devset.

Input: pages/_raw/*.jsonl, one JSON object per page with the fields
n, url, query, excerpt, where `excerpt` is the text the `search` tool
(corpus `pages`) returned for `url` when asked `query`, copied verbatim
from the tool's JSON answer. pages/ is git-ignored: page texts are never
committed, only this script, manifest.jsonl, gold.jsonl and README.md.

Usage: python build.py            # (re)write pages/*.txt and manifest.jsonl
       python build.py --check    # compare existing pages/*.txt with manifest
"""

import glob
import hashlib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "pages")
MANIFEST = os.path.join(HERE, "manifest.jsonl")


def url_key(u):
    u = re.sub(r"^https?://", "", u.strip().lower())
    u = re.sub(r"^www\.", "", u).rstrip("/")
    return hashlib.sha256(u.encode()).hexdigest()


def norm_text(t):
    """Whitespace/NFC-normalised text, for a rebuild check that tolerates
    invisible differences (NBSP vs space, runs of blank lines)."""
    t = unicodedata.normalize("NFC", t).replace("\u00a0", " ")
    t = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", t)
    return re.sub(r"\s+", " ", t).strip()


# n: (slug, title, outlet, kind, excerpt)
# excerpt=True: the tool's text stops at its length limit (about 2,000 UTF-8
# bytes, 1,914 when a ` date` header is present) or visibly mid-sentence, or
# the stored text starts in the middle of the article.
META = {
    1: (
        "india-vietnam-hydrography-pact",
        "India, Vietnam sign pact to share hydrographic data",
        "Hindustan Times",
        "article",
        True,
    ),
    2: (
        "india-vietnam-defence-shipbuilding-hansindia",
        "India and Vietnam discuss ways to enhance defence, shipbuilding cooperation",
        "The Hans India (IANS)",
        "article",
        True,
    ),
    3: (
        "india-vietnam-defence-shipbuilding-sentinel",
        "India and Vietnam discuss ways to enhance defence, shipbuilding cooperation",
        "The Sentinel Assam (IANS)",
        "copy",
        False,
    ),
    4: (
        "luong-cuong-sitharaman-talks",
        "Top Vietnamese army general holds talks with Nirmala Sitharaman to boost ties",
        "Financial Express",
        "article",
        False,
    ),
    5: (
        "vietnam-india-10th-defence-policy-dialogue",
        "Vietnam, India hold defence policy dialogue",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    6: (
        "vietnam-rok-cooperation-unceasing-development",
        "Vietnam-RoK defence cooperation enjoys unceasing development",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    7: (
        "vietnam-rok-cooperation-unceasing-development-beta",
        "Vietnam-RoK defence cooperation enjoys unceasing development",
        "VietnamPlus beta mirror (VNA)",
        "copy",
        False,
    ),
    8: (
        "rok-minister-receives-hoang-xuan-chien",
        "RoK defence minister receives Vietnamese officer",
        "VietnamPlus (VNA)",
        "article",
        True,
    ),
    9: (
        "korea-vietnam-defense-ministers-seoul",
        "S. Korea, Vietnam agree to strengthen defense cooperation",
        "The Korea Herald (Yonhap)",
        "article",
        False,
    ),
    10: (
        "vietnam-australia-7th-diplomacy-defence-dialogue",
        "Vietnam, Australia hold 7th diplomatic - defence strategic dialogue",
        "VietnamPlus (VNA)",
        "article",
        True,
    ),
    11: (
        "vietnam-australia-defense-policy-dialogue-diplomat",
        "Defense Policy Dialogue Highlights Vietnam-Australia Security Ties",
        "The Diplomat",
        "article",
        True,
    ),
    12: (
        "payne-visit-australian-embassy-release",
        "Australian Minister Reaffirms Defence Ties With Vietnam",
        "Australian Embassy Vietnam",
        "article",
        True,
    ),
    13: (
        "vietnam-france-3rd-strategy-dialogue-vovworld",
        "Vietnam, France hold defense strategy and cooperation dialogue",
        "VOVWorld",
        "article",
        True,
    ),
    14: (
        "vietnam-france-3rd-strategy-dialogue-qdnd",
        "Third Vietnam-France defense strategy and cooperation dialogue held in Paris",
        "People's Army Newspaper (QĐND) English",
        "article",
        True,
    ),
    15: (
        "vinh-earl-howe-uk-visit",
        "Vietnam, UK to bolster defense cooperation on par with strategic partnership",
        "People's Army Newspaper (QĐND) English",
        "article",
        True,
    ),
    16: (
        "raf-op-trenton-vietnamese-hospital",
        "Vietnamese Hospital Unit take over from RAF on Op Trenton",
        "Royal Air Force (UK MOD)",
        "article",
        True,
    ),
    17: (
        "hms-albion-visit-diplomat",
        "Warship Visit Highlights UK-Vietnam Defense Ties",
        "The Diplomat",
        "article",
        True,
    ),
    18: (
        "vietnam-indonesia-4th-defence-policy-dialogue",
        "Vietnam, Indonesia forge defence cooperation",
        "Nhân Dân English",
        "article",
        True,
    ),
    19: (
        "nhandan-tag-chien-sjafrie",
        "#implementation of bilateral initiatives (tag page)",
        "Nhân Dân English",
        "article",
        False,
    ),
    20: (
        "antara-ryacudu-lich-joint-vision",
        "Indonesia, Vietnam have important role in maintaining security, stability",
        "Antara News",
        "article",
        True,
    ),
    21: (
        "philippines-vietnam-boost-military-ties-reuters-yahoo",
        "Philippines, Vietnam boost military ties amid South China Sea tensions",
        "Yahoo News Australia (Reuters)",
        "article",
        True,
    ),
    22: (
        "philippines-vietnam-boost-military-ties-stabroek",
        "Philippines, Vietnam boost military ties amid South China Sea tensions",
        "Stabroek News (Reuters)",
        "copy",
        False,
    ),
    23: (
        "philippines-vietnam-deepen-defence-afp",
        "Philippines, Vietnam agree to deepen defence cooperation",
        "SpaceWar.com (AFP)",
        "article",
        True,
    ),
    24: (
        "philippine-vietnamese-navies-pugad-island",
        "[Philippine and Vietnamese navies meet on Pugad Island]",
        "The Manila Shimbun",
        "article",
        False,
    ),
    25: (
        "vietnam-thailand-4th-defence-dialogue",
        "Vietnam, Thailand hold 4th defence dialogue",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    26: (
        "vietnam-thailand-5th-defence-policy-dialogue-vns",
        "Việt Nam, Thailand to promote defence cooperation",
        "EIN Presswire (Viet Nam News)",
        "article",
        True,
    ),
    27: (
        "lich-ng-eng-hen-talks-singapore",
        "Vietnamese, Singaporean Defence Ministers hold talks",
        "Viet Nam News",
        "article",
        True,
    ),
    28: (
        "vietnam-singapore-11th-defence-policy-dialogue",
        "Vietnam, Singapore convene 11th defence policy dialogue",
        "VietnamPlus (VNA)",
        "article",
        True,
    ),
    29: (
        "vietnam-new-zealand-boost-defense-ties",
        "Vietnam, New Zealand boost defense ties",
        "SGGP English",
        "article",
        True,
    ),
    30: (
        "lich-ron-mark-wellington-mislabelled",
        "Vietnam, New Zealand looks towards closer defence ties (under a Vietnam-China economy URL)",
        "Nhân Dân English",
        "article",
        True,
    ),
    31: (
        "pham-binh-minh-sajjan-hanoi",
        "Vietnam, Canada forge defence cooperation",
        "VietnamPlus (VNA)",
        "article",
        True,
    ),
    32: (
        "vietnam-canada-3rd-defence-policy-dialogue",
        "Vietnam and Canada discuss defence cooperation in Hanoi",
        "VOV",
        "article",
        True,
    ),
    33: (
        "vietnam-italy-3rd-defence-policy-dialogue",
        "Vietnam, Italy convene third defence policy dialogue",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    34: (
        "vietnam-italy-3rd-defence-policy-dialogue-mirror",
        "Vietnam, Italy convene third defence policy dialogue",
        "ToTheThao (mirror of VNA)",
        "copy",
        False,
    ),
    35: (
        "petr-pavel-visit-vietnam-army-cz",
        "New prospects open up for closer cooperation between the Czech and Vietnamese armed forces",
        "Czech Ministry of Defence (army.cz)",
        "article",
        True,
    ),
    36: (
        "vietnam-czech-defence-potential-ambassador",
        "Vietnam, Czech Republic boast great defence cooperation potential: Diplomat",
        "VOV",
        "article",
        True,
    ),
    37: (
        "chien-receives-polish-ambassador",
        "Vietnam, Poland reinforce defence ties",
        "VietnamPlus (VNA)",
        "article",
        True,
    ),
    38: (
        "chien-receives-polish-ambassador-vns",
        "Việt Nam, Poland reinforce defence ties",
        "EIN Presswire (Viet Nam News)",
        "copy",
        True,
    ),
    39: (
        "vietnam-israel-sibat-diplomat",
        "Vietnam-Israel Military Ties in the Spotlight With Bilateral Meeting",
        "The Diplomat",
        "article",
        True,
    ),
    40: (
        "vinh-rudiger-wolf-hanoi",
        "Vietnam, Germany boost defence cooperation",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    41: (
        "lich-admm-retreat-bangkok",
        "Defence Minister attends ADMM Retreat, ADMM Plus in Thailand",
        "Vietnam Times",
        "article",
        False,
    ),
    42: (
        "giang-admm-retreat-phnom-penh",
        "Vietnam attends ADMM Retreat, ninth ADMM Plus",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    43: (
        "indian-tourists-to-vietnam-increase",
        "Indian tourists to Vietnam increase",
        "VietnamPlus (VNA)",
        "distractor",
        False,
    ),
    44: (
        "vietnam-airlines-direct-route-india",
        "Vietnam Airlines launches direct route to India",
        "VietnamPlus (VNA)",
        "distractor",
        False,
    ),
    45: (
        "asian-games-football-korea-vietnam",
        "Son and co. face Vietnam and 'Korean Hiddink' at Asian Games",
        "The Hamilton Spectator (AP)",
        "distractor",
        True,
    ),
    46: (
        "singapore-japan-defence-ties",
        "Singapore and Japan discuss defence ties",
        "The Straits Times",
        "distractor",
        False,
    ),
    47: (
        "ng-eng-hen-lloyd-austin",
        "[Ng Eng Hen meets U.S. Secretary of Defense Lloyd Austin]",
        "Sauress (SPA)",
        "distractor",
        False,
    ),
}


def load_raw():
    rows = {}
    for f in sorted(glob.glob(os.path.join(PAGES, "_raw", "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            lines = fh.readlines()
        for line in lines:
            if line.strip():
                d = json.loads(line)
                rows[d["n"]] = d
    return rows


def fname(n):
    return f"{n:03d}_{META[n][0]}.txt"


def build():
    rows = load_raw()
    assert sorted(rows) == sorted(META), (sorted(rows), sorted(META))
    out = []
    for n in sorted(rows):
        d = rows[n]
        _slug, title, outlet, kind, excerpt = META[n]
        data = d["excerpt"].encode("utf-8")
        path = os.path.join(PAGES, fname(n))
        with open(path, "wb") as fh:
            fh.write(data)
        out.append(
            {
                "file": fname(n),
                "url": d["url"],
                "url_key": url_key(d["url"]),
                "title": title,
                "outlet": outlet,
                "language": "en",
                "sha256": hashlib.sha256(data).hexdigest(),
                "chars": len(d["excerpt"]),
                "excerpt": excerpt,
                "kind": kind,
                "query": d["query"],
                "sha256_norm": hashlib.sha256(norm_text(d["excerpt"]).encode()).hexdigest(),
            }
        )
    with open(MANIFEST, "w", encoding="utf-8") as fh:
        for o in out:
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} pages and {MANIFEST}")


def check():
    bad = 0
    with open(MANIFEST, encoding="utf-8") as fh:
        manifest = fh.readlines()
    for line in manifest:
        m = json.loads(line)
        p = os.path.join(PAGES, m["file"])
        if not os.path.exists(p):
            print("MISSING", m["file"])
            bad += 1
            continue
        with open(p, "rb") as fh:
            data = fh.read()
        exact = hashlib.sha256(data).hexdigest() == m["sha256"]
        norm = hashlib.sha256(norm_text(data.decode("utf-8")).encode()).hexdigest() == m["sha256_norm"]
        status = "ok" if exact else ("NORMOK" if norm else "DIFF")
        print(f"{status:<6} {m['file']}")
        bad += not (exact or norm)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    check() if "--check" in sys.argv else build()
