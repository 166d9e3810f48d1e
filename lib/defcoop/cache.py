"""The on-disk annotation cache: a partitioned Parquet dataset per corpus and code version.

Annotation is a pure function of a file's bytes and of the code and lexicons, so results are
keyed by the SHA-256 of each file under a *version* that digests the annotating modules' source
and every data file.  Rerunning on an unchanged corpus reads the dataset instead of
re-annotating; a changed file is re-annotated alone; a changed lexicon starts a new version.

Layout (outside the corpus folder; default ``~/.cache/defcoop``, or ``$DEFCOOP_CACHE``)::

    <root>/<version>/<corpus key>/docs/part-*.parquet
                                 /sentences/part-*.parquet
                                 /segments/part-*.parquet
                                 /mentions/part-*.parquet

Every part is written under a temporary name and renamed, and a part is only read once all
four of its tables exist, so an interrupted run never leaves a part that a later run trusts.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from defcoop.paths import PACKAGE_DIR
from defcoop.resources import data_version

__all__ = ["TABLES", "Store", "code_version", "default_cache_dir"]

TABLES = ("docs", "sentences", "segments", "mentions")
# Modules whose code decides what annotation produces; their source is part of the version.
_ANNOTATING_MODULES = (
    "corpus.py",
    "text.py",
    "dates.py",
    "lang.py",
    "annotate.py",
    "actors.py",
    "geo.py",
    "themes.py",
    "matcher.py",
    "dedup.py",
    "load.py",
    "cache.py",
)


def default_cache_dir() -> Path:
    """``$DEFCOOP_CACHE`` if set, else ``~/.cache/defcoop``."""
    env = os.environ.get("DEFCOOP_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "defcoop"


@lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of the annotating code and of every data file (16 hex digits)."""
    h = hashlib.sha256(data_version().encode())
    for name in _ANNOTATING_MODULES:
        h.update(name.encode())
        h.update((PACKAGE_DIR / name).read_bytes())
    return h.hexdigest()[:16]


class Store:
    """The cached tables of one corpus folder under the current code version."""

    def __init__(self, root: Path, corpus_root: Path, *, max_bytes: int) -> None:
        key = hashlib.sha256(f"{corpus_root.resolve()}\0{max_bytes}".encode()).hexdigest()[:16]
        self.dir = Path(root) / code_version() / key

    def parts(self) -> list[str]:
        """Complete parts (all four tables present), in name order."""
        names = None
        for table in TABLES:
            d = self.dir / table
            have = {p.stem for p in d.glob("part-*.parquet")} if d.is_dir() else set()
            names = have if names is None else names & have
        return sorted(names or ())

    def read(self) -> dict[str, pd.DataFrame] | None:
        """All complete parts concatenated per table, or ``None`` when nothing is cached."""
        parts = self.parts()
        if not parts:
            return None
        # A file annotated twice (two runs at once, an interrupted run redone) appears in two
        # parts: keep each content hash from the first part that has it, with only its rows.
        seen: set[str] = set()
        frames: dict[str, list[pd.DataFrame]] = {t: [] for t in TABLES}
        for part in parts:
            docs = pq.read_table(self.dir / "docs" / f"{part}.parquet").to_pandas()
            fresh = ~docs["sha256"].isin(seen) & ~docs["sha256"].duplicated()
            seen.update(docs.loc[fresh, "sha256"])
            keep = set(docs.loc[fresh, "doc_id"])
            frames["docs"].append(docs[fresh])
            for table in TABLES[1:]:
                df = pq.read_table(self.dir / table / f"{part}.parquet").to_pandas()
                frames[table].append(df if fresh.all() else df[df["doc_id"].isin(keep)])
        return {t: pd.concat(frames[t], ignore_index=True) for t in TABLES}

    def dedup_path(self, composition: str) -> Path:
        return self.dir / "dedup" / f"{composition}.parquet"

    def read_dedup(self, composition: str) -> list[str] | None:
        """``duplicate_of`` saved for exactly this corpus composition, if any."""
        path = self.dedup_path(composition)
        return pd.read_parquet(path)["duplicate_of"].astype("str").tolist() if path.exists() else None

    def write_dedup(self, composition: str, values: list[str]) -> None:
        path = self.dedup_path(composition)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        pd.DataFrame({"duplicate_of": values}).to_parquet(tmp, index=False)
        os.replace(tmp, path)

    def write(self, tables: dict[str, pd.DataFrame], *, replace: bool = False) -> str:
        """Write one part atomically; ``replace`` removes every other part afterwards."""
        name = f"part-{uuid.uuid4().hex}"
        for table in TABLES:
            d = self.dir / table
            d.mkdir(parents=True, exist_ok=True)
            tmp = d / f".{name}.tmp"
            tables[table].to_parquet(tmp, index=False)
            os.replace(tmp, d / f"{name}.parquet")
        if replace:
            for table in TABLES:
                for p in (self.dir / table).glob("part-*.parquet"):
                    if p.stem != name:
                        p.unlink(missing_ok=True)
        return name
