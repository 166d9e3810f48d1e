"""Countries, their names and demonyms (``data/countries.csv``), and blocking phrases.

A country is counted once per span: the matcher resolves overlaps leftmost-longest, so
"Russian Federation" is one Russia and "South China Sea" (a blocking phrase from
``data/country_blockers.csv``) is no China at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from defcoop.lexicons.datafiles import DataFileError, read_csv
from defcoop.lexicons.matcher import PhraseMatcher
from defcoop.paths import DATA_DIR
from defcoop.text import fold

__all__ = ["Country", "Geo", "geo"]

COUNTRY_COLUMNS = ("country", "iso2", "iso3", "kind", "names", "demonyms", "capitals")


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso2: str
    kind: str  # self | country | historical | organisation
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


# Matcher values: (country name, form) with form "name" | "demonym" | "capital" | "block".
GeoTag = tuple[str, str]


@dataclass(frozen=True)
class Geo:
    countries: dict[str, Country]
    matcher: PhraseMatcher[GeoTag]
    self_name: str

    demonyms: dict[str, str]  # folded demonym -> country
    names: dict[str, str]  # folded name -> country

    def demonym_country(self, word: str) -> str:
        """Country of a demonym (``"Belarusian"`` -> ``"Belarus"``), or ``""``."""
        return self.demonyms.get(fold(word), "")

    def name_country(self, word: str) -> str:
        """Country of a name (``"Viet Nam"`` -> ``"Vietnam"``), or ``""``."""
        return self.names.get(fold(word), "")


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


@lru_cache(maxsize=1)
def geo() -> Geo:
    path = DATA_DIR / "countries.csv"
    countries: dict[str, Country] = {}
    owner: dict[str, str] = {}
    phrases: list[tuple[str, GeoTag]] = []
    self_name = ""
    for i, r in enumerate(read_csv(path, COUNTRY_COLUMNS), start=1):
        if r["kind"] not in {"self", "country", "historical", "organisation"}:
            raise DataFileError(f"{path.name}: row {i}: unknown kind {r['kind']!r}")
        if r["country"] in countries:
            raise DataFileError(f"{path.name}: row {i}: {r['country']!r} listed twice")
        c = Country(
            r["country"], r["iso2"], r["kind"], _split(r["names"]), _split(r["demonyms"]), _split(r["capitals"])
        )
        countries[c.name] = c
        if c.kind == "self":
            self_name = c.name
        for form, values in (("name", c.names), ("demonym", c.demonyms), ("capital", c.capitals)):
            for v in values:
                key = fold(v)
                prev = owner.setdefault(key, c.name)
                if prev != c.name:
                    raise DataFileError(f"{path.name}: {v!r} names both {prev} and {c.name}")
                phrases.append((v, (c.name, form)))
    for r in read_csv(DATA_DIR / "country_blockers.csv", ("phrase", "reason")):
        phrases.append((r["phrase"], ("", "block")))
    if not self_name:
        raise DataFileError(f"{path.name}: no row of kind 'self' (the home country)")
    demonyms = {fold(d): c.name for c in countries.values() for d in c.demonyms}
    names = {fold(n): c.name for c in countries.values() for n in c.names}
    return Geo(countries, PhraseMatcher(phrases), self_name, demonyms, names)
