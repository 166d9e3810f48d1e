"""Build (`python build.py`) or check (`--check`) pages/*.txt and manifest.jsonl of the lang-b devset,
or re-run its held-out and cross-devset URL screen (`--screen`); shared code: ../devset_build.py.

28 pages in French (11), Spanish (11) and Chinese (6).
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "pages")

# n: (slug, title, outlet, language, kind, excerpt)
# excerpt=True: see devset_build.py.
META = {
    1: (
        "lortholary-vinh-france-lecourrier",
        "Le Vietnam et la France renforcent leur coopération dans la défense",
        "Le Courrier du Vietnam (VNA/CVN)",
        "fr",
        "article",
        True,
    ),
    2: (
        "vietnam-russie-5e-dialogue-strategie-defense",
        "Le Vietnam et la Russie tiennent leur 5e dialogue sur la stratégie de défense",
        "VietnamPlus French (VNA)",
        "fr",
        "article",
        False,
    ),
    3: (
        "venezuela-presentation-politique-defense",
        "Présentation au Venezuela de la politique étrangère et de la politique de défense du Vietnam",
        "VietnamPlus French (VNA)",
        "fr",
        "article",
        False,
    ),
    4: (
        "venezuela-presentation-politique-defense-post",
        "Présentation au Venezuela de la politique étrangère et de la politique de défense du Vietnam",
        "VietnamPlus French (VNA), post- URL mirror",
        "fr",
        "copy",
        False,
    ),
    5: (
        "giang-brochet-france-vnanet",
        "Le Vietnam et la France renforcent la coopération dans la défense",
        "Vietnam Pictorial / vnanet French (VNA)",
        "fr",
        "article",
        False,
    ),
    6: (
        "giang-brochet-france-dangcongsan",
        "Le Vietnam et la France renforcent la coopération dans la défense",
        "Communist Party of Vietnam online, French (fr.dangcongsan.vn)",
        "fr",
        "copy",
        True,
    ),
    7: (
        "nhandan-tag-luang-prabang-laos-cambodge",
        "Luang Prabang (tag page): Le Vietnam renforce sa coopération de défense avec le Laos et le Cambodge",
        "Nhân Dân French",
        "fr",
        "article",
        False,
    ),
    8: (
        "meretmarine-kilo-cinquieme-sixieme",
        "Le Vietnam met en service ses cinquième et sixième sous-marins",
        "Mer et Marine",
        "fr",
        "article",
        False,
    ),
    9: (
        "blog-musique-marine-saint-petersbourg",
        "La musique de la marine vietnamienne (Russian Navy Day, St Petersburg)",
        "vn-lrds.blogspot.com (French defence blog)",
        "fr",
        "article",
        False,
    ),
    10: (
        "navantia-huu-duc-espagne",
        "Coopération dans la défense entre le Vietnam et l'Espagne",
        "VietnamPlus French (VNA)",
        "fr",
        "article",
        False,
    ),
    11: (
        "hanoi-destinations-google-tourisme",
        "Hanoï parmi les destinations vietnamiennes les plus recherchées sur Google",
        "Vietnam Pictorial / vnanet French (VNA)",
        "fr",
        "distractor",
        False,
    ),
    12: (
        "granma-vinh-honores-maceo",
        "Rinde honores a Maceo viceministro de Defensa de Vietnam",
        "Granma",
        "es",
        "article",
        True,
    ),
    13: (
        "vov-be-xuan-truong-cuba",
        "Vietnam y Cuba refuerzan cooperación en defensa",
        "VOVworld Spanish",
        "es",
        "article",
        False,
    ),
    14: (
        "hoang-xuan-chien-minfar-habana",
        "Vietnam y Cuba fortalecen cooperación en defensa",
        "VietnamPlus Spanish (VNA)",
        "es",
        "article",
        True,
    ),
    15: (
        "giang-lopez-miera-hanoi-vnanet",
        "Promueven Vietnam y Cuba cooperación en defensa",
        "Vietnam Pictorial / vnanet Spanish (VNA)",
        "es",
        "article",
        True,
    ),
    16: (
        "cuba-vietnam-plan-trienal-defensa-abc",
        "Cuba y Vietnam suscriben un plan trienal de cooperación en defensa",
        "ABC Color (EFE)",
        "es",
        "article",
        True,
    ),
    17: (
        "venezuela-quoc-khanh-heredia",
        "Vietnam y Venezuela fortalecen cooperación en defensa",
        "VietnamPlus Spanish (VNA)",
        "es",
        "article",
        True,
    ),
    18: (
        "rusia-cuarto-dialogo-estrategico",
        "Vietnam y Rusia realizan cuarto diálogo estratégico de defensa",
        "VietnamPlus Spanish (VNA)",
        "es",
        "article",
        True,
    ),
    19: (
        "giang-embajadora-espana-vietnamplus",
        "Ministro de Defensa de Vietnam recibe a embajadora de España",
        "VietnamPlus Spanish (VNA)",
        "es",
        "article",
        True,
    ),
    20: (
        "giang-embajadora-espana-nhandan",
        "Ministro de Defensa de Vietnam recibe a embajadora de España",
        "Nhân Dân Spanish",
        "es",
        "copy",
        True,
    ),
    21: (
        "cuba-inversiones-vietnamitas-abc",
        "Cuba busca propiciar un entorno cada vez más atractivo para las inversiones vietnamitas",
        "ABC Color (EFE)",
        "es",
        "distractor",
        True,
    ),
    22: (
        "cuba-rusia-lopez-miera-shoigu",
        "Cuba y Rusia ratifican sus sólidos lazos en la defensa",
        "Radio Caibarién (Prensa Latina)",
        "es",
        "distractor",
        False,
    ),
    23: (
        "xinhua-joint-statement-military-y3k9",
        "中越联合声明:深化两军合作 (Xinhua text on a mirror)",
        "y3k9.com mirror (Xinhua)",
        "zh",
        "article",
        False,
    ),
    24: (
        "sputnik-china-vietnam-military-cooperation",
        "中國呼籲同越南加強軍事合作",
        "Sputnik Chinese (big5)",
        "zh",
        "article",
        False,
    ),
    25: (
        "zaobao-li-shangfu-phan-van-giang",
        "李尚福与潘文江会面 (Li Shangfu meets Phan Van Giang)",
        "Lianhe Zaobao (yzaobao.com)",
        "zh",
        "article",
        False,
    ),
    26: (
        "nhandan-lao-defence-minister-visit",
        "老挝国防部长对越南进行正式访问",
        "Nhân Dân Chinese",
        "zh",
        "article",
        False,
    ),
    27: (
        "baochinhphu-border-defence-exchange-dong-jun",
        "越南中国合作建设和平友好稳定发展的边界",
        "Vietnam Government Portal, Chinese (cn.baochinhphu.vn)",
        "zh",
        "article",
        True,
    ),
    28: (
        "baochinhphu-laos-un-peacekeeping-force",
        "越南将协助老挝建立联合国维和力量",
        "Vietnam Government Portal, Chinese (cn.baochinhphu.vn), print view",
        "zh",
        "article",
        True,
    ),
}
"""Partners: Cuba, France, Russia, China, Laos, Cambodia, Venezuela and Spain, 2016-2025."""


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(HERE))
    import devset_build

    devset_build.main(HERE, META, options={"--screen": lambda: devset_build.screen(HERE)})
