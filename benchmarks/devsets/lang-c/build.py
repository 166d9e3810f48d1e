"""Build (`python build.py`) or check (`--check`) pages/*.txt and manifest.jsonl of the lang-c devset,
or re-run its held-out and cross-devset URL screen (`--screen`); shared code: ../devset_build.py.

20 pages in French (10) and Spanish (10).
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "pages")

# n: (slug, title, outlet, language, kind, excerpt)
# excerpt=True: see devset_build.py.
META = {
    1: (
        "austin-visite-annoncee-vietnamplus",
        "Le secrétaire américain à la Défense se rendra au Vietnam la semaine prochaine",
        "VietnamPlus French (VNA)",
        "fr",
        "article",
        False,
    ),
    2: (
        "inde-14e-dialogue-lettre-intention-lecourrier",
        "Vietnam et Inde signent une lettre d'intention de coopération en matière de formation de défense",
        "Le Courrier du Vietnam (VNA/CVN)",
        "fr",
        "article",
        True,
    ),
    3: (
        "inde-15e-dialogue-chien-singh-vnanet",
        "Le Vietnam et l'Inde renforcent leur coopération dans la défense",
        "Vietnam Pictorial / vnanet French (VNA)",
        "fr",
        "article",
        True,
    ),
    4: (
        "japon-cuong-kihara-tokyo",
        "Renforcement de la coopération entre le Vietnam et le Japon dans la défense",
        "VietnamPlus French (VNA)",
        "fr",
        "article",
        True,
    ),
    5: (
        "vov-siem-reap-tea-banh-wei-fenghe",
        "Phan Van Giang rencontre les ministres cambodgien et chinois de la Défense",
        "VOVworld French",
        "fr",
        "article",
        False,
    ),
    6: (
        "australie-premier-dialogue-strategique-canberra",
        "Dialogue stratégique Vietnam-Australie",
        "VietnamPlus French (VNA)",
        "fr",
        "article",
        True,
    ),
    7: (
        "coree-attaches-militaires-vinh",
        "Intensification de la coopération Vietnam-R. de Corée dans la défense",
        "VietnamPlus French (VNA)",
        "fr",
        "article",
        False,
    ),
    8: (
        "lphinfo-israel-imi-tran-dai-quang",
        "Renforcement des liens commerciaux et militaires entre Israël et le Vietnam",
        "LPH Info (lphinfo.com, French-language Israeli news site)",
        "fr",
        "article",
        False,
    ),
    9: (
        "blog-israel-sibat-pham-ngoc-minh",
        "Coopération israélienne en matière d'industrie de défense",
        "vn-lrds.blogspot.com (French defence blog)",
        "fr",
        "article",
        False,
    ),
    10: (
        "dangcongsan-japon-agriculture-investissements",
        "Les entreprises japonaises augmentent leurs investissements dans l'agriculture vietnamienne",
        "Communist Party of Vietnam online, French (fr.dangcongsan.vn)",
        "fr",
        "distractor",
        True,
    ),
    11: (
        "vov-lich-australia-nueva-zelanda",
        "Vietnam busca impulsar cooperación en defensa con Australia y Nueva Zelanda",
        "VOVworld Spanish",
        "es",
        "article",
        False,
    ),
    12: (
        "laos-giang-vientiane-vnanet",
        "Líderes laosianos destacan la amistad especial y la cooperación con Vietnam",
        "Vietnam Pictorial / vnanet Spanish (VNA)",
        "es",
        "article",
        True,
    ),
    13: (
        "oncuba-raul-castro-recibe-vinh",
        "Raúl Castro recibe al viceministro de Defensa de Vietnam Nguyen Chi Vinh",
        "OnCuba News, mirror (oncubanews.1eye.us)",
        "es",
        "article",
        False,
    ),
    14: (
        "india-lich-rajnath-singh-hidrografia",
        "Vietnam e India consolidan nexos en defensa",
        "VietnamPlus Spanish (VNA)",
        "es",
        "article",
        False,
    ),
    15: (
        "ultimahora-carter-thanh-memorando",
        "El secretario de Defensa de EEUU impulsa la cooperación bilateral con Vietnam",
        "Última Hora, Paraguay (EFE)",
        "es",
        "article",
        True,
    ),
    16: (
        "diariodominicano-dialogo-politico-seguridad-eeuu",
        "Diálogo Político, de Seguridad y Defensa entre Estados Unidos y Vietnam (nota de prensa del Departamento de Estado)",
        "Diario Dominicano (U.S. Department of State release)",
        "es",
        "article",
        False,
    ),
    17: (
        "camboya-vinh-tea-banh-phnom-penh",
        "Vietnam y Camboya profundizan cooperación militar",
        "VietnamPlus Spanish (VNA)",
        "es",
        "article",
        True,
    ),
    18: (
        "14ymedio-documental-cuba-vietnam",
        "Un documental exalta la cooperación militar entre Cuba y Vietnam",
        "14ymedio",
        "es",
        "article",
        True,
    ),
    19: (
        "noticiasdehoy-documental-cuba-vietnam",
        "Un documental exalta la cooperación militar entre Cuba y Vietnam",
        "noticiasdehoy.com.mx (mirror of 14ymedio)",
        "es",
        "copy",
        True,
    ),
    20: (
        "visiontunera-ho-quoc-dung-cuba",
        "Arriba a Cuba vice primer ministro de Vietnam",
        "Visión Tunera (ICRT, Las Tunas)",
        "es",
        "distractor",
        False,
    ),
}
"""Partners: the United States, India, Japan, Cambodia, China, Australia, New Zealand, South Korea,
Israel, Laos and Cuba, 2012-2025."""


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(HERE))
    import devset_build

    devset_build.main(HERE, META, options={"--screen": lambda: devset_build.screen(HERE)})
