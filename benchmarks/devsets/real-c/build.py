"""Build (`python build.py`) or check (`--check`) pages/*.txt and manifest.jsonl of the real-c devset;
the shared code is in ../devset_build.py.

36 English pages, mostly on partners that real-a and real-b lack (Myanmar, Malaysia, Brunei,
Bangladesh, Pakistan, Sri Lanka, Mongolia, Turkey, Iran, the UAE, Egypt, Algeria).
"""

import os
import sys

# n: (slug, title, outlet, kind, excerpt); every page is in English.
# excerpt=True: see devset_build.py.
META = {
    1: (
        "vietnam-myanmar-lich-min-aung-hlaing-talks",
        "Vietnam, Myanmar enhance defence collaboration",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    2: (
        "myanmar-vietnam-defence-cooperation-mizzima",
        "Defence cooperation between Myanmar and Vietnam to increase",
        "Mizzima (relaying VietNamNet)",
        "copy",
        False,
    ),
    3: (
        "vietnam-myanmar-vinh-than-htut-thein-mou",
        "Vietnam, Myanmar boost realisation of defence cooperation MoU",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    4: (
        "vietnam-myanmar-vinh-than-htut-thein-mou-vtv",
        "Vietnam, Myanmar boost realisation of defence cooperation MoU",
        "VTV English",
        "copy",
        True,
    ),
    5: (
        "malaysian-defence-minister-working-visit-mymilitarytimes",
        "Malaysian Defence Minister Enhances Defence Cooperation on Official Trip to Vietnam",
        "MyMilitaryTimes (Malaysia)",
        "article",
        True,
    ),
    6: (
        "hishammuddin-phung-quang-thanh-talks",
        "Vietnam, Malaysia enhance defense cooperation",
        "VOVWorld",
        "article",
        False,
    ),
    7: (
        "nguyen-tan-cuong-rbaf-commander-talks",
        "Việt Nam, Brunei bolster defence ties",
        "Viet Nam News",
        "article",
        True,
    ),
    8: (
        "vietnam-singapore-12th-defence-policy-dialogue",
        "Việt Nam, Singapore hold 12th defence policy dialogue",
        "TalkVietnam (VNS)",
        "article",
        False,
    ),
    9: (
        "giang-receives-bangladeshi-ambassador",
        "Vietnam keen on boosting defense ties with Bangladesh",
        "People's Army Newspaper (QĐND) English",
        "article",
        True,
    ),
    10: (
        "vinh-receives-pakistani-ambassador-blog",
        "Pakistan hopes for defence cooperation with Vietnam",
        "vietnamrss.blogspot.com (PANO feed)",
        "article",
        False,
    ),
    11: (
        "vietnam-sri-lanka-joint-statement-defence",
        "Vietnam and Sri Lanka Reaffirm Defence and Security Cooperation",
        "Lanka News Web",
        "article",
        False,
    ),
    12: (
        "lich-enkhbold-talks-agreement",
        "Vietnamese, Mongolian Defence Ministers hold talks in Hanoi",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    13: (
        "mongolia-vietnam-joint-statement-defense-2010",
        "Mongolia-Vietnam joint statement in defense sector",
        "mongoliaeconomy.blogspot.com (Montsame)",
        "article",
        True,
    ),
    14: (
        "turkiye-vietnam-defense-protocol-idef-anews",
        "Türkiye, Vietnam ink defense deal",
        "A News (Anadolu)",
        "article",
        False,
    ),
    15: (
        "turkiye-vietnam-defence-deal-trtworld",
        "Türkiye, Vietnam sign defence cooperation deal",
        "TRT World (AA)",
        "copy",
        True,
    ),
    16: (
        "turkiye-vietnam-defence-deal-trt-afrika",
        "Türkiye, Vietnam sign defence cooperation deal",
        "TRT Afrika English (AA)",
        "copy",
        True,
    ),
    17: (
        "iran-radan-to-lam-police-cooperation",
        "Vietnam's public security minister praises Iran's progresses",
        "Pars Today",
        "article",
        True,
    ),
    18: (
        "vietnam-uae-letter-of-intent-defense",
        "Viet Nam, UAE sign Letter of Intent on defense cooperation",
        "Vietnam Government Portal (VGP) English",
        "article",
        True,
    ),
    19: (
        "chien-dubai-airshow-2025-vns",
        "Vietnamese Ministry of Defence attends Dubai Airshow 2025",
        "Viet Nam News",
        "article",
        True,
    ),
    20: (
        "chien-dubai-airshow-2025-sggp",
        "Vietnamese Ministry of Defense attends Dubai Airshow 2025",
        "SGGP English (VNA)",
        "copy",
        True,
    ),
    21: (
        "chien-receives-egyptian-ambassador-japanese-attaches",
        "Vietnam fosters defence cooperation with Egypt, Japan",
        "VietnamPlus (VNA)",
        "article",
        True,
    ),
    22: (
        "chien-receives-egyptian-ambassador-japanese-attaches-vns",
        "Việt Nam fosters defence cooperation with Egypt, Japan",
        "EIN Presswire (Viet Nam News)",
        "copy",
        True,
    ),
    23: (
        "vpa-anniversary-algiers",
        "Founding anniversary of Vietnam People's Army marked in Algeria",
        "VNA (vietnam.vnanet.vn)",
        "article",
        False,
    ),
    24: (
        "lich-visits-cambodia-tea-banh-scs-blog",
        "South China Sea issue should be resolved via negotiations by parties concerned: Cambodian defense minister",
        "Khmerization blog (Xinhua)",
        "article",
        False,
    ),
    25: (
        "chansamone-visits-former-minister-lich",
        "Vietnam, Laos beef up defence cooperation",
        "Bao Binh Thuan English (Nhan Dan)",
        "article",
        True,
    ),
    26: (
        "son-la-xiengkhouang-military-commands",
        "Laos and Vietnam's provinces beef up defence ties",
        "Lao People's Army Newspaper (kongthap.gov.la)",
        "article",
        False,
    ),
    27: (
        "xu-qiliang-meets-lich-xiangshan",
        "[Xu Qiliang meets Vietnamese Defense Minister Ngo Xuan Lich]",
        "China Military Online (Xinhua)",
        "article",
        False,
    ),
    28: (
        "phung-quang-thanh-china-visit-preview",
        "Vietnamese defense minister's visit to China to boost military ties",
        "China Daily (Xinhua)",
        "article",
        False,
    ),
    29: (
        "vietnam-russia-military-technique-committee-blog",
        "Vietnam, Russia further boost military cooperation",
        "asitimes.blogspot.com (Xinhua)",
        "article",
        False,
    ),
    30: (
        "rajnath-singh-giang-new-delhi-indiablooms",
        "Rajnath Singh, Minister of National Defence of Vietnam hold talks in New Delhi to carry forward bilateral defence cooperation",
        "India Blooms",
        "article",
        True,
    ),
    31: (
        "us-warships-cam-ranh-voa",
        "US Warships Make Landmark Visit to Strategic Vietnam Port",
        "Voice of America (Reuters)",
        "article",
        False,
    ),
    32: (
        "kazakhstan-vietnam-think-tank-memorandum",
        "Kazakhstan, Vietnam to cooperate in expert and analytical field",
        "Silk Way TV (Kazakhstan)",
        "distractor",
        True,
    ),
    33: (
        "uzbekistan-vietnam-foreign-ministries-programme",
        "[Uzbekistan, Vietnam foreign ministries sign cooperation program]",
        "Trend News Agency",
        "distractor",
        False,
    ),
    34: (
        "wei-fenghe-bangladesh-army-chief",
        "Courtesy call between Chinese Defense Minister and Bangladesh Army Chief",
        "comparemela (mirror)",
        "distractor",
        False,
    ),
    35: (
        "pm-chinh-uae-qatar-saudi-visits-preview",
        "Prime Minister's visits to lift Vietnam's relations with UAE, Qatar, Saudi Arabia to new heights",
        "People's Army Newspaper (QĐND) English",
        "distractor",
        True,
    ),
    36: (
        "aff-cup-final-fans-malaysia",
        "Fans roar their Vietnam support as AFF final gets underway",
        "VnExpress International",
        "distractor",
        False,
    ),
}
"""Partners: Myanmar, Malaysia, Brunei, Singapore, Bangladesh, Pakistan, Sri Lanka, Mongolia, Turkey,
Iran, the UAE, Egypt and Algeria; eight pages on frequent partners, from outlets new to the devsets."""

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.dirname(here))
    import devset_build

    devset_build.main(here, META, language="en")
