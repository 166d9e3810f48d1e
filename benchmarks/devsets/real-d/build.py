"""Build (`python build.py`) or check (`--check`) pages/*.txt and manifest.jsonl of the real-d devset;
the shared code is in ../devset_build.py.

39 English pages; most cover partners new to the devsets: Bulgaria, Slovakia, Hungary,
Spain, the Netherlands, Ukraine, Brazil, Chile, Argentina, Venezuela, South Africa, North Korea.
"""

import os
import sys

# n: (slug, title, outlet, kind, excerpt); every page is in English.
# excerpt=True: see devset_build.py.
META = {
    1: (
        "bulgaria-nguyet-zapryanov-vns",
        "Viet Nam serves as bridge for Bulgaria to strengthen ties with ASEAN",
        "Viet Nam News (VNS)",
        "article",
        True,
    ),
    2: (
        "bulgaria-nguyet-zapryanov-spam-mirror",
        "Vietnam serves as bridge for Bulgaria to strengthen ties with ASEAN",
        "ufabetindo777.site (spam mirror of VNA)",
        "copy",
        True,
    ),
    3: (
        "bulgaria-zapryanov-giang-sofia-bnt",
        "Ministers of Defence of Bulgaria and Vietnam discuss partnership in the field of defence",
        "BNT News (Bulgarian National Television)",
        "article",
        False,
    ),
    4: (
        "bulgaria-plevneliev-phung-quang-thanh",
        "A joint Declaration for strategic partnership between Bulgaria and Vietnam is expected to be signed in October",
        "President of the Republic of Bulgaria (president.bg)",
        "article",
        True,
    ),
    5: (
        "spain-vinh-arguelles-madrid-embassy",
        "Strengthen defense cooperation Vietnam-Spain",
        "Embassy of Vietnam in Spain (mofa.gov.vn)",
        "article",
        True,
    ),
    6: (
        "netherlands-vinh-dutch-attache-vovworld-search",
        "Vietnam, the Netherlands foster defense alliance",
        "VOVWorld (search-results page)",
        "article",
        True,
    ),
    7: (
        "netherlands-vietnam-economic-ties-vcci",
        "Staying Close for Mutual Development",
        "VCCI News",
        "distractor",
        True,
    ),
    8: (
        "hungary-szalay-bobrovniczky-pham-minh-chinh-ludovika",
        "Peace is in our common interest",
        "defence.hu (Hungarian Ministry of Defence)",
        "article",
        True,
    ),
    9: (
        "hungary-vietnam-economic-relations-kormany",
        "Hungarian-Vietnamese economic relations could expand further",
        "Government of Hungary (kormany.hu)",
        "distractor",
        False,
    ),
    10: (
        "slovakia-kalinak-giang-hanoi-vns",
        "Viet Nam, Slovakia enhance defence cooperation",
        "Viet Nam News (VNS)",
        "article",
        True,
    ),
    11: (
        "slovakia-kalinak-giang-hanoi-sggp",
        "Vietnam, Slovakia step up defense cooperation",
        "SGGP English",
        "article",
        True,
    ),
    12: (
        "belgium-vietnam-50-years-ties-vns",
        "Viet Nam, Belgium enjoy fruitful 50 years of ties: diplomats",
        "Viet Nam News (VNS)",
        "distractor",
        True,
    ),
    13: (
        "ukraine-chien-receives-ukrainian-attaches-qdnd",
        "Deputy Defense Minister receives Ukrainian defense attaches",
        "People's Army Newspaper (QĐND) English",
        "article",
        True,
    ),
    14: (
        "brazil-chinh-lula-strategic-partnership-saigontimes",
        "Vietnam, Brazil agree to upgrade bilateral relations to strategic partnership",
        "The Saigon Times (VNA)",
        "article",
        True,
    ),
    15: (
        "brazil-pham-binh-minh-vieira-talks",
        "Vietnam, Brazil enhance comprehensive cooperation",
        "VietnamPlus (VNA)",
        "distractor",
        True,
    ),
    16: (
        "brazil-pham-binh-minh-vieira-talks-post-url",
        "Vietnam, Brazil enhance comprehensive cooperation",
        "VietnamPlus (VNA), second URL form",
        "copy",
        True,
    ),
    17: (
        "chile-phung-si-tan-montero-peacekeeping-vns",
        "Promoting Viet Nam-Chile defense cooperation in United Nations peacekeeping",
        "Viet Nam News (VNS)",
        "article",
        True,
    ),
    18: (
        "chile-chien-receives-ambassador-narea",
        "Vietnam treasures comprehensive partnership with Chile: officer",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    19: (
        "venezuela-ngo-minh-tien-montes-meza-baoquocte",
        "Vietnam, Venezuela step up defence ties",
        "The World and Vietnam Report (baoquocte.vn)",
        "article",
        True,
    ),
    20: (
        "venezuela-vpa-78th-anniversary-unefa-qdnd",
        "78th anniversary of Vietnam People's Army marked in Venezuela",
        "People's Army Newspaper (QĐND) English (VNA)",
        "article",
        True,
    ),
    21: (
        "mexico-bui-thanh-son-ventura-online-talks",
        "Vietnam, Mexico eye stronger multi-faceted cooperation",
        "VietnamPlus (VNA)",
        "distractor",
        True,
    ),
    22: (
        "south-africa-lich-mapisa-nqakula-talks",
        "Vietnam, South Africa agree to maintain defence policy dialogue",
        "VietnamPlus (VNA)",
        "article",
        True,
    ),
    23: (
        "south-africa-military-ties-diplomat",
        "What's Next for Vietnam-South Africa Military Ties?",
        "The Diplomat",
        "article",
        True,
    ),
    24: (
        "north-korea-chien-kim-min-sop-nknews",
        "Vietnamese military officials visit North Korea for deputy ministerial talks",
        "NK News",
        "article",
        False,
    ),
    25: (
        "north-korea-chien-receives-dprk-attache-ein",
        "Vietnam, DPRK enhance defence cooperation",
        "EIN Presswire (VNS)",
        "article",
        True,
    ),
    26: (
        "north-korea-vietnam-agreements-kcna-reuters-dunya",
        "North Korea, Vietnam agree to cooperate on defence, other fields, KCNA says",
        "Dunya News (Reuters)",
        "article",
        False,
    ),
    27: (
        "japan-kishi-giang-transfer-deal-ap-newsbreak",
        "Japan, Vietnam sign defense transfer deal amid China worries",
        "NewsBreak (AP via KEYT)",
        "article",
        False,
    ),
    28: (
        "japan-kishi-giang-transfer-deal-ap-sggp",
        "Japan, Vietnam sign defense transfer deal",
        "SGGP (dttc.sggp.org.vn, AP)",
        "copy",
        True,
    ),
    29: (
        "japan-suga-phuc-defense-ties-ap-dayton",
        "Japan, Vietnam agree to boost defense ties, resume flights",
        "Dayton Daily News (AP)",
        "article",
        True,
    ),
    30: (
        "japan-suga-phuc-defense-ties-ap-dayton-update",
        "Japan, Vietnam agree to boost defense, economic, energy ties",
        "Dayton Daily News (AP), updated version",
        "copy",
        True,
    ),
    31: (
        "cuba-chien-lopez-miera-havana-beta",
        "Vietnam, Cuba's defence leaders hold talks",
        "VietnamPlus beta mirror (VNA)",
        "article",
        True,
    ),
    32: (
        "laos-4th-defence-policy-dialogue-dien-bien",
        "Vietnam, Laos bolster defence cooperation",
        "VietnamPlus (VNA)",
        "article",
        False,
    ),
    33: (
        "laos-4th-defence-policy-dialogue-dien-bien-vns",
        "Viet Nam, Laos bolster defence cooperation",
        "Viet Nam News (VNS)",
        "copy",
        False,
    ),
    34: (
        "shangri-la-20th-chien-li-shangfu-marles-ein",
        "Viet Nam attends 20th Shangri-La Dialogue in Singapore",
        "EIN Presswire (VNS)",
        "article",
        True,
    ),
    35: (
        "peacekeeping-level2-field-hospital-rotation6-vnanet",
        "Vietnam prepares to deploy Level-2 Field Hospital Rotation 6 to South Sudan",
        "VNA (vietnam.vnanet.vn)",
        "article",
        False,
    ),
    36: (
        "australia-giang-dutton-online-talks-vtv",
        "Vietnamese, Australian defence ministers hold talks",
        "VTV (NDO/VNA)",
        "article",
        True,
    ),
    37: (
        "australia-giang-dutton-online-talks-sggpnews",
        "Vietnamese, Australian defence ministers hold talks",
        "SGGP News (VNA)",
        "copy",
        True,
    ),
    38: (
        "south-africa-ramaphosa-mozambique-samim-defenceweb",
        "Ramaphosa to visit SAMIM troops on Mozambique trip",
        "defenceWeb",
        "distractor",
        True,
    ),
    39: (
        "argentina-political-consultation-vnanet",
        "Vietnam, Argentina committed to closer ties",
        "VNA (vietnam.vnanet.vn)",
        "article",
        True,
    ),
}
"""New partners: Bulgaria, Slovakia, Hungary, Spain, the Netherlands, Ukraine (before 2022), Brazil,
Chile, Argentina, Venezuela, South Africa, North Korea; a quarter on frequent partners."""

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.dirname(here))
    import devset_build

    devset_build.main(here, META, language="en")
