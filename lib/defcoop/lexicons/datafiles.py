"""Loading and validating the package's data files (lexicons, registries, patterns).

Every data file lives in ``defcoop/data``.  Each loader validates what it reads and raises
:class:`DataFileError` naming the file, the row and the reason; results are cached for the
life of the process because the files do not change while it runs.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from defcoop.paths import DATA_DIR

__all__ = [
    "NOT_ANNOTATION_INPUTS",
    "DataFileError",
    "FurnitureRule",
    "data_digest",
    "data_version",
    "furniture_rules",
    "language_profiles",
    "read_csv",
]


class DataFileError(ValueError):
    """A data file is malformed; the message names the file and the reason."""


def read_csv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV data file; lines starting with ``#`` are comments.

    Raises :class:`DataFileError` if a required column is missing or a row is ragged.
    """
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    reader = csv.DictReader(lines)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise DataFileError(f"{path.name}: missing column(s) {', '.join(missing)}")
    rows = []
    for n, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DataFileError(f"{path.name}: data row {n - 1} has the wrong number of fields")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    kind: str  # boilerplate | lead | tail | caption
    scope: str  # line | lead | tail | credit
    pattern: re.Pattern[str]
    outlet: str
    reason: str


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[FurnitureRule, ...]:
    """Site-furniture patterns from ``furniture.csv``, compiled."""
    path = DATA_DIR / "furniture.csv"
    rules = []
    for i, row in enumerate(read_csv(path, ("kind", "scope", "pattern", "outlet", "reason")), start=1):
        if row["scope"] not in {"line", "lead", "tail", "credit"}:
            raise DataFileError(f"{path.name}: row {i}: unknown scope {row['scope']!r}")
        try:
            rx = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(f"{path.name}: row {i}: bad pattern {row['pattern']!r}: {exc}") from None
        rules.append(FurnitureRule(row["kind"], row["scope"], rx, row["outlet"], row["reason"]))
    return tuple(rules)


@lru_cache(maxsize=1)
def language_profiles() -> dict[str, tuple[str, ...]]:
    """Function-word lists per language from ``language_profiles.csv``."""
    path = DATA_DIR / "language_profiles.csv"
    out: dict[str, tuple[str, ...]] = {}
    for row in read_csv(path, ("language", "words")):
        if row["language"] in out:
            raise DataFileError(f"{path.name}: language {row['language']!r} listed twice")
        out[row["language"]] = tuple(row["words"].split())
    return out


@lru_cache(maxsize=1)
def data_version() -> str:
    """A short digest of every data file of the package: changes whenever a lexicon or registry
    changes (computed once per process)."""
    return data_digest(DATA_DIR)


#: Files of ``data/`` that no annotation rule reads: the validity measures the notebooks show
#: (``analysis/validity.py``).  They are left out of the cache's version, so that recording new
#: measures does not make every cached corpus be annotated again.
NOT_ANNOTATION_INPUTS = frozenset({"validity.csv"})


def data_digest(data_dir: Path, *, skip: frozenset[str] = frozenset()) -> str:
    """A short digest of every file under ``data_dir``, subfolders included, with its path; the
    files whose path (relative to ``data_dir``) is in ``skip`` left out."""
    h = hashlib.sha256()
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path.relative_to(data_dir).as_posix() not in skip:
            h.update(path.relative_to(data_dir).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]
