"""The theme codebook (``data/themes.yml``) and its matching rule.

A sentence is *evidence* for a theme when it contains an ``include`` phrase, or a phrase from
every group of ``include_together``, and none of the theme's ``exclude`` phrases.  An article
carries a theme when at least ``min_sentences`` of its sentences are evidence; for a theme with
``lists_alone: false``, not when its only evidence names it as one item of a list of fields.  An
``exclude_clause`` phrase vetoes the ``include`` phrases of its own clause only (clauses end at
commas, semicolons, colons, dashes and brackets), and every ``include_together`` pair of the
sentence: in ``The two nations aimed to sign a deal before the end of the year, Teodoro said after
he and Giang inked letters of intent`` the future signing does not hide the signing reported,
while ``recently`` (an ``exclude`` phrase) dates the whole sentence.  A ``mask`` phrase takes away
only the phrases it overlaps (``ASEAN countries`` hides its ``ASEAN``).  Every phrase
of every theme sits in one compiled matcher, so a sentence is scanned once for all themes.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from defcoop.lexicons.datafiles import DataFileError
from defcoop.lexicons.matcher import Hit, PhraseMatcher, normalise_phrase
from defcoop.paths import DATA_DIR

__all__ = ["THEME_IDS", "Codebook", "Theme", "clause_cuts", "codebook", "load_codebook"]

THEME_IDS = (
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
)


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    definition: str
    include: tuple[str, ...]
    include_together: tuple[tuple[str, ...], ...]
    exclude: tuple[str, ...]
    min_sentences: int
    #: Whether a sentence that names the theme only as one item of a list of fields (``economy,
    #: politics, defence-security, sci-tech, culture``) is enough evidence alone.  When false, such
    #: list sentences count only beside another evidence sentence of the theme.
    lists_alone: bool = True
    #: Phrases that veto the include phrases of their own clause (:func:`clause_cuts`) and the
    #: sentence's ``include_together`` pairs.
    exclude_clause: tuple[str, ...] = ()
    #: Phrases whose hits take away the include and group phrases they overlap, nothing else
    #: (``ASEAN countries`` hides its ``ASEAN``; the ``ADMM-Plus`` of the same clause stays).
    mask: tuple[str, ...] = ()


#: What ends a clause for the ``exclude_clause`` phrases.
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[-–—]\s|[()]")


def clause_cuts(sentence: str, offset: int = 0) -> list[int]:
    """Where the clauses of ``sentence`` end, as offsets (plus ``offset``), for
    :meth:`Codebook.evidence_from_hits`.

    >>> s = "They aimed to sign a deal, he said after they inked letters of intent."
    >>> cuts = clause_cuts(s)
    >>> s[: cuts[0]]
    'They aimed to sign a deal'
    """
    return [m.start() + offset for m in _CLAUSE_END.finditer(sentence)]


# A matcher value: (theme id, role, group index); role is "include", "group", "exclude" or
# "exclude_clause" or "mask".
Tag = tuple[str, str, int]


@dataclass(frozen=True)
class Codebook:
    themes: dict[str, Theme]
    matcher: PhraseMatcher[Tag]

    def evidence(self, sentence: str, folded: str | None = None) -> dict[str, list[Hit[Tag]]]:
        """Themes this sentence is evidence for, with the hits that make it so.

        >>> cb = codebook()
        >>> ev = cb.evidence("The two sides signed an agreement on cooperation in military science.")
        >>> sorted(ev)
        ['agreement_signed', 'science_technology']
        >>> sorted(cb.evidence("Belarus should ensure the quality of signed military commercial contracts."))
        ['military_technical_arms']
        """
        return self.evidence_from_hits(self.matcher.candidates(sentence, folded), sentence)

    def evidence_from_hits(
        self, hits: list[Hit[Tag]], sentence: str = "", offset: int = 0
    ) -> dict[str, list[Hit[Tag]]]:
        """:meth:`evidence` from the codebook matcher's overlapping hits in one sentence, the text
        ``sentence`` starting at ``offset`` in the hits' offsets (its clauses are found only when an
        ``exclude_clause`` phrase is among the hits)."""
        cuts: list[int] | None = None
        per: dict[str, dict[str, list]] = defaultdict(
            lambda: {"include": [], "exclude": [], "group": [], "exclude_clause": [], "mask": []}
        )
        for h in hits:
            for theme_id, role, group in h.values:
                per[theme_id][role].append((h, group))
        out: dict[str, list[Hit[Tag]]] = {}
        for theme_id, roles in per.items():
            theme = self.themes[theme_id]
            if roles["exclude"]:
                continue
            if roles["mask"]:
                masked = [(h.start, h.end) for h, _ in roles["mask"]]
                roles = {
                    role: [(h, g) for h, g in found if not any(a < h.end and h.start < b for a, b in masked)]
                    for role, found in roles.items()
                }
            if roles["exclude_clause"]:
                # only the include phrases of the other clauses stand ("inked letters of intent");
                # the phrases that count only together ("signed" + "protocol") may come from
                # different clauses, one of them the vetoed one's subject, so they count for nothing
                if cuts is None:
                    cuts = clause_cuts(sentence, offset)
                vetoed = {bisect.bisect(cuts, h.start) for h, _ in roles["exclude_clause"]}
                roles = {
                    "include": [(h, g) for h, g in roles["include"] if bisect.bisect(cuts, h.start) not in vetoed],
                    "group": [],
                }
            chosen = [h for h, _ in roles["include"]]
            if theme.include_together:
                groups_hit = {g for _, g in roles["group"]}
                if groups_hit >= set(range(len(theme.include_together))):
                    chosen += [h for h, _ in roles["group"]]
            if chosen:
                out[theme_id] = _longest_non_overlapping(chosen)
        return dict(sorted(out.items()))


def _longest_non_overlapping(hits: list[Hit[Tag]]) -> list[Hit[Tag]]:
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit[Tag]] = []
    for h in hits:
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


def _phrases(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"{where}: must be a list of non-empty phrases")
    return tuple(value)


def load_codebook(path: Path | None = None) -> Codebook:
    """Read and validate a codebook; errors name the file, the theme and the reason."""
    path = path or DATA_DIR / "themes.yml"
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(items, list):
        raise DataFileError(f"{path.name}: must be a list of themes")
    themes: dict[str, Theme] = {}
    phrases: list[tuple[str, Tag]] = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not item.get("id"):
            raise DataFileError(f"{path.name}: item {n} has no id")
        tid = item["id"]
        where = f"{path.name}: theme {tid!r}"
        if tid in themes:
            raise DataFileError(f"{where}: duplicate id")
        for key in ("label", "definition", "include"):
            if not item.get(key):
                raise DataFileError(f"{where}: missing {key}")
        include = _phrases(item.get("include"), f"{where}.include")
        exclude = _phrases(item.get("exclude"), f"{where}.exclude")
        groups = tuple(_phrases(g, f"{where}.include_together") for g in item.get("include_together") or ())
        seen: set[tuple[str, bool]] = set()
        for p in include:
            key = normalise_phrase(p)
            if key in seen:
                raise DataFileError(f"{where}: phrase {p!r} listed twice")
            seen.add(key)
        min_sentences = int(item.get("min_sentences", 1))
        if min_sentences < 1:
            raise DataFileError(f"{where}: min_sentences must be >= 1")
        lists_alone = item.get("lists_alone", True)
        if not isinstance(lists_alone, bool):
            raise DataFileError(f"{where}: lists_alone must be true or false")
        exclude_clause = _phrases(item.get("exclude_clause"), f"{where}.exclude_clause")
        mask = _phrases(item.get("mask"), f"{where}.mask")
        themes[tid] = Theme(
            tid,
            item["label"],
            " ".join(item["definition"].split()),
            include,
            groups,
            exclude,
            min_sentences,
            lists_alone,
            exclude_clause,
            mask,
        )
        phrases += [(p, (tid, "include", -1)) for p in include]
        phrases += [(p, (tid, "exclude", -1)) for p in exclude]
        phrases += [(p, (tid, "exclude_clause", -1)) for p in exclude_clause]
        phrases += [(p, (tid, "mask", -1)) for p in mask]
        phrases += [(p, (tid, "group", g)) for g, grp in enumerate(groups) for p in grp]
    unknown = sorted(set(themes) - set(THEME_IDS))
    missing = [t for t in THEME_IDS if t not in themes]
    if path == DATA_DIR / "themes.yml" and (unknown or missing):
        raise DataFileError(f"{path.name}: theme ids differ from the contract (unknown {unknown}, missing {missing})")
    return Codebook(themes, PhraseMatcher(phrases))


@lru_cache(maxsize=1)
def codebook() -> Codebook:
    return load_codebook()
