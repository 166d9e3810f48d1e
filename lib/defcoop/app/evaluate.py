"""Scoring the annotator against a gold file: ``defcoop score [GOLD.jsonl]``.

The gold file holds one JSON object per article (see ``tests/gold/README.md``).  Each article
belongs to a corpus: ``seeds`` is the repository's ``seeds/``; any other corpus name is a
folder beside the gold file (``synthetic`` -> ``articles/``).  For list fields the score is
micro-averaged over (article, item) pairs; for single-valued fields a prediction counts when
it is non-empty, and is correct when it equals the gold value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from defcoop.app.pagescore import read_jsonl
from defcoop.load import load
from defcoop.paths import SEEDS_DIR
from defcoop.text import fold

__all__ = ["LIST_FIELDS", "SCALAR_FIELDS", "Score", "predictions", "score"]

LIST_FIELDS = ("actors", "unregistered", "partners", "themes")
SCALAR_FIELDS = ("date", "date_precision", "date_source", "language", "duplicate_of", "on_topic")


def corpus_dir(gold_path: Path, corpus: str) -> Path:
    """``seeds`` is the repository's seeds/; any other corpus lives in ``articles/`` beside the gold file."""
    return SEEDS_DIR if corpus == "seeds" else gold_path.parent / "articles"


def predictions(gold_path: Path, gold: list[dict]) -> dict[tuple[str, str], dict]:
    """What the annotator says for every gold article, keyed by (corpus, doc_id)."""
    out = {}
    for corpus in sorted({g["corpus"] for g in gold}):
        c = load(corpus_dir(gold_path, corpus))
        for row in c.docs.to_dict("records"):
            ids = list(row["actor_ids"])
            names = dict(zip(ids, row["actors"], strict=True))
            out[(corpus, row["doc_id"])] = {
                "actors": [i for i in ids if not i.startswith("unregistered:")],
                "unregistered": [names[i] for i in ids if i.startswith("unregistered:")],
                "partners": list(row["partners"]),
                "themes": list(row["themes"]),
                "date": row["date"],
                "date_precision": row["date_precision"],
                "date_source": row["date_source"],
                "language": row["language"],
                "duplicate_of": row["duplicate_of"],
                "on_topic": bool(row["on_topic"]),
            }
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _norm(field_name: str, items: Iterable) -> set[str]:
    if field_name == "unregistered":
        return {fold(str(x)).replace(".", "") for x in items}
    return {str(x) for x in items}


def score(gold_path: Path, *, corpora: Iterable[str] | None = None) -> tuple[pd.DataFrame, dict]:
    """Precision, recall and F1 per corpus and field, and the errors behind them."""
    gold = read_jsonl(gold_path)
    if corpora is not None:
        gold = [g for g in gold if g["corpus"] in set(corpora)]
    pred = predictions(gold_path, gold)
    scores: dict[tuple[str, str], Score] = {}
    for g in gold:
        key = (g["corpus"], g["doc_id"])
        p = pred.get(key)
        for group in (g["corpus"], "all"):
            for f in (*LIST_FIELDS, *SCALAR_FIELDS):
                s = scores.setdefault((group, f), Score())
                if p is None:
                    s.fn += 1
                    if group == "all":
                        s.errors.append(f"{g['doc_id']}: not loaded")
                    continue
                if f in LIST_FIELDS:
                    gs, ps = _norm(f, g.get(f, [])), _norm(f, p[f])
                    s.tp += len(gs & ps)
                    s.fp += len(ps - gs)
                    s.fn += len(gs - ps)
                    if gs != ps and group == "all":
                        s.errors.append(f"{g['doc_id']}: missing {sorted(gs - ps)} extra {sorted(ps - gs)}")
                else:
                    gv, pv = g.get(f), p[f]
                    if f == "on_topic":
                        s.tp += int(gv and pv)
                        s.fp += int(pv and not gv)
                        s.fn += int(gv and not pv)
                    else:
                        empty = {"", "none", None}
                        if pv == gv and gv not in empty:
                            s.tp += 1
                        else:
                            s.fp += int(pv not in empty)
                            s.fn += int(gv not in empty)
                    if gv != pv and group == "all":
                        s.errors.append(f"{g['doc_id']}: gold {gv!r} predicted {pv!r}")
    table = pd.DataFrame(
        [
            {
                "corpus": c,
                "field": f,
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }
            for (c, f), s in scores.items()
        ]
    )
    errors = {f: scores[("all", f)].errors for f in (*LIST_FIELDS, *SCALAR_FIELDS) if ("all", f) in scores}
    return table, errors
