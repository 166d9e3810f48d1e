"""Scoring ``defcoop annotate`` output on real pages the way the held-out set is scored.

The held-out set (``../shared/EVALUATION.md``) is scored on the JSON lines of ``defcoop annotate
DIR -o out.jsonl`` against gold that names officials as the page writes them, not by registry
id.  This module scores a development set the same way, so that the team's own measurements on
real pages are comparable with the review's:

* **officials** (F1): a predicted name matches a gold name when, after folding diacritics and
  case, they have the same tokens in the same order, a token of five letters or more may
  differ by one edit (Sergei/Sergey), and the prediction may carry one extra token after the
  first (a patronymic or middle name).  A title inside the name (``Spokesperson Dana W.
  White``) or two glued words (``Nguyen PhuTrong``) do not match.  Spellings of one person on a
  page count once, on either side, and each gold official matches at most once.
* **partners**, **themes** (micro-F1 over (page, item) pairs);
* **stated date** and **inferred date** (share of pages whose gold date is stated in the page,
  or inferred by a reader, that get exactly the gold date and precision);
* **copies** (recall: a gold copy whose prediction points into the same story; precision, in the
  precision column: the predicted links that join a page to its own story);
* **off-topic** (share of gold off-topic pages flagged ``on_topic = false``), and **on-topic
  kept** (share of gold on-topic pages left ``on_topic = true``: an analysis that keeps only
  on-topic stories loses the others).

>>> name_matches("Sergey Shoigu", "Sergei Shoigu"), name_matches("Phan Văn Giang", "Phan Van Giang")
(True, True)
>>> name_matches("Viktor Gennadievich Khrenin", "Viktor Khrenin"), name_matches("Nguyen PhuTrong", "Nguyen Phu Trong")
(True, False)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from defcoop.text import fold, same_name_token

__all__ = ["name_matches", "read_jsonl", "score_pages"]

STATED = frozenset({"header", "stamp", "text"})


def read_jsonl(path: Path) -> list[dict]:
    """The JSON objects of a JSON-lines file; an error names the file and line."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{Path(path).name}: line {n} is not JSON: {exc.msg}") from None
    return rows


def _tokens(name: str) -> list[str]:
    return [t.strip(".,;:()'\"") for t in fold(name).split() if t.strip(".,;:()'\"")]


def _same_tokens(pred: Sequence[str], gold: Sequence[str]) -> bool:
    return len(pred) == len(gold) and all(same_name_token(p, g) for p, g in zip(pred, gold, strict=True))


def name_matches(pred: str, gold: str) -> bool:
    """Whether the predicted official's name matches the gold one (see the module docstring)."""
    p, g = _tokens(pred), _tokens(gold)
    if not g:
        return False
    if len(p) == len(g) + 1:  # an extra middle name or patronymic: never before the first token,
        # where it would be a title (``Spokesperson Dana W. White``)
        return any(_same_tokens(p[:i] + p[i + 1 :], g) for i in range(1, len(p)))
    return _same_tokens(p, g)


def _distinct(names: Iterable[str]) -> list[str]:
    """One name per official: a name that matches one kept before it (another spelling of the same
    person, "Phan Văn Giang" and "Phan Van Giang") is dropped, so a person counts once."""
    kept: list[str] = []
    for n in names:
        if n and not any(name_matches(n, k) or name_matches(k, n) for k in kept):
            kept.append(n)
    return kept


def _match_officials(pred: Sequence[str], gold: Sequence[str | tuple[str, ...]]) -> int:
    """How many gold officials the predicted names match, each used once: names of the same
    length first (``Nguyen Minh`` takes ``Nguyen Minh`` before ``Nguyen Van Minh`` can), so the
    count does not depend on the order of the lists.  A gold official may carry several spellings
    (the page's ``name`` and its ``name_en``, for pages not in English): any one matches."""
    left = list(pred)
    tp = 0
    todo = [(g,) if isinstance(g, str) else tuple(g) for g in gold]
    for same_length in (True, False):
        rest = []
        for alts in todo:
            hit = next(
                (
                    i
                    for i, p in enumerate(left)
                    if any((len(_tokens(p)) == len(_tokens(g))) == same_length and name_matches(p, g) for g in alts)
                ),
                None,
            )
            if hit is None:
                rest.append(alts)
            else:
                tp += 1
                left.pop(hit)
        todo = rest
    return tp


def _gold_officials(officials: Iterable) -> list[tuple[str, ...]]:
    """Each gold official once, with the spellings the gold gives (``name``, ``name_en``)."""
    kept: list[tuple[str, ...]] = []
    for o in officials:
        alts = tuple(n for n in ((o.get("name"), o.get("name_en")) if isinstance(o, dict) else (o,)) if n)
        if alts and not any(name_matches(a, k) or name_matches(k, a) for a in alts for ks in kept for k in ks):
            kept.append(alts)
    return kept


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if tp else 0.0 if (tp + fp + fn) else float("nan")
    return p, r, f


def theme_scores(pred: list[dict], gold: list[dict]) -> pd.DataFrame:
    """Precision, recall and F1 of each theme over the gold pages (``theme, precision, recall,
    f1, n``, ``n`` the gold pages that carry it), sorted by theme."""
    by_id = {r["doc_id"]: r for r in pred}
    counts: dict[str, list[int]] = {}
    for g in gold:
        ps, gs = set(by_id.get(g["doc_id"], {}).get("themes") or []), set(g.get("themes") or [])
        for t in ps | gs:
            c = counts.setdefault(t, [0, 0, 0])
            c[0] += t in ps and t in gs
            c[1] += t in ps and t not in gs
            c[2] += t in gs and t not in ps
    rows = []
    for t in sorted(counts):
        tp, fp, fn = counts[t]
        p, r, f = _f1(tp, fp, fn)
        rows.append({"theme": t, "precision": p, "recall": r, "f1": f, "n": tp + fn})
    return pd.DataFrame(rows, columns=["theme", "precision", "recall", "f1", "n"])


def score_pages(pred: list[dict], gold: list[dict]) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Score predicted rows (``defcoop annotate`` JSON lines) against gold rows (one per page).

    Returns one row per measure (``measure, value, precision, recall, n``) and, per measure,
    the pages that differ (``doc_id: predicted | gold``), for reading the errors.  A gold page
    with no prediction counts as a prediction of nothing.
    """
    by_id = {r["doc_id"]: r for r in pred}
    errors: dict[str, list[str]] = {
        k: [] for k in ("officials", "partners", "themes", "date", "copies", "off-topic", "on-topic")
    }
    counts = {k: [0, 0, 0] for k in ("officials", "partners", "themes")}
    stated = [0, 0]
    inferred = [0, 0]
    copies = [0, 0]
    linked = [0, 0]  # predicted links: right, all
    off = [0, 0]
    kept = [0, 0]
    story = {g["doc_id"]: g.get("duplicate_of") or g["doc_id"] for g in gold}
    for g in gold:
        p = by_id.get(g["doc_id"], {})
        gold_names = _gold_officials(g.get("officials") or [])
        pred_names = _distinct(p.get("actors") or [])
        tp = _match_officials(pred_names, gold_names)
        n_pred, n_gold = len(pred_names), len(gold_names)
        counts["officials"][0] += tp
        counts["officials"][1] += n_pred - tp
        counts["officials"][2] += n_gold - tp
        if tp != n_pred or tp != n_gold:
            shown = sorted(" / ".join(alts) for alts in gold_names)
            errors["officials"].append(f"{g['doc_id']}: {sorted(pred_names)} | {shown}")
        for key in ("partners", "themes"):
            ps, gs = set(p.get(key) or []), set(g.get(key) or [])
            counts[key][0] += len(ps & gs)
            counts[key][1] += len(ps - gs)
            counts[key][2] += len(gs - ps)
            if ps != gs:
                errors[key].append(f"{g['doc_id']}: {sorted(ps)} | {sorted(gs)}")
        basis = g.get("date_basis", "none")
        if g.get("date") and basis in STATED | {"inferred"}:
            bucket = stated if basis in STATED else inferred
            bucket[1] += 1
            if p.get("date", "") == g["date"]:
                bucket[0] += 1
            else:
                errors["date"].append(f"{g['doc_id']} ({basis}): {p.get('date', '')!r} | {g['date']!r}")
        if g.get("duplicate_of"):
            copies[1] += 1
            got = p.get("duplicate_of", "")
            if got and story.get(got, got) == story[g["doc_id"]]:
                copies[0] += 1
            else:
                errors["copies"].append(f"{g['doc_id']}: {got!r} | {g['duplicate_of']!r}")
        got = p.get("duplicate_of", "")
        if got:  # a link predicted: right when it joins the page to its own story
            linked[1] += 1
            if story.get(got, got) == story[g["doc_id"]]:
                linked[0] += 1
            elif not g.get("duplicate_of"):
                errors["copies"].append(f"{g['doc_id']}: {got!r} | '' (not a copy)")
        if isinstance(g.get("on_topic"), bool):  # off-topic pages flagged, on-topic pages kept
            bucket = kept if g["on_topic"] else off
            bucket[1] += 1
            if p.get("on_topic") is g["on_topic"]:
                bucket[0] += 1
            else:
                key = "on-topic" if g["on_topic"] else "off-topic"
                errors[key].append(f"{g['doc_id']}: flagged {'off' if g['on_topic'] else 'on'} topic")
    rows = []
    for key, (tp, fp, fn) in counts.items():
        prec, rec, f = _f1(tp, fp, fn)
        rows.append({"measure": f"{key} F1", "value": f, "precision": prec, "recall": rec, "n": tp + fn})
    for label, (ok, n) in (
        ("stated date", stated),
        ("inferred date", inferred),
        ("copies recall", copies),
        ("off-topic flagged", off),
        ("on-topic kept", kept),
    ):
        rows.append(
            {"measure": label, "value": ok / n if n else float("nan"), "precision": None, "recall": None, "n": n}
        )
    precision = linked[0] / linked[1] if linked[1] else float("nan")
    rows[[r["measure"] for r in rows].index("copies recall")]["precision"] = precision
    return pd.DataFrame(rows), errors
