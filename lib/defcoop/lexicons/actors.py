"""The actor registry and name resolution.

The registry is data: ``data/actors.csv`` (one row per person) and ``data/offices.csv`` (one
row per term in an office, with start and end dates).  From each person's name parts this
module generates the surface forms the press uses, so the data files list only what cannot be
derived (transliteration variants):

* the display name and its ASCII folding (matching folds diacritics, ``Đ`` -> ``D``);
* both orders for given-first names, with and without the patronymic
  (``Khrenin Viktor Gennadievich`` = ``Viktor Gennadievich Khrenin`` = ``Viktor Khrenin``);
* initials (``A.V. Fomin``, ``A.V.Fomin``, ``S.K.Shoigu``, ``Fomin A.V.``, ``S. Shoigu``);
* the same for each transliteration variant (``Sergey Shoigu`` -> ``Shoigu Sergey Kuzhugetovich``).

Short second mentions (``Giang``, ``President Cường``, ``Minister Khrenin``) use the *short
form*: the given name for Vietnamese, Lao and Cambodian officials, the family name otherwise.
A short form resolves only to a person named in full in the same article.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from defcoop.lexicons.datafiles import DataFileError, read_csv
from defcoop.lexicons.matcher import PhraseMatcher
from defcoop.paths import DATA_DIR
from defcoop.text import fold

__all__ = ["Actor", "Office", "Registry", "registry"]

ACTOR_COLUMNS = (
    "actor_id",
    "name",
    "name_ascii",
    "country",
    "family",
    "middle",
    "given",
    "patronymic",
    "name_order",
    "variants",
    "note",
)
OFFICE_COLUMNS = ("actor_id", "office", "country", "start", "end", "source", "note")
OFFICE_LEVEL = {
    "president": "head of state/government",
    "vice_president": "head of state/government",
    "prime_minister": "head of state/government",
    "general_secretary": "head of state/government",
    "deputy_prime_minister": "deputy head of government",
    "defence_minister": "minister",
    "foreign_minister": "minister",
    "deputy_defence_minister": "deputy minister",
    "chief_of_general_staff": "military command",
    "head_of_general_political_department": "military command",
    "ambassador": "diplomat",
}
#: Incumbents (empty end date) are taken to hold office until the end of this year, the year
#: the registry was last checked; inferred dates therefore do not drift with the clock.
REGISTRY_CHECKED_YEAR = 2026
GIVEN_NAME_SHORT = frozenset({"Vietnam", "Laos", "Cambodia", "Thailand"})


@dataclass(frozen=True, slots=True)
class Office:
    actor_id: str
    office: str
    country: str
    start: dt.date
    end: dt.date | None  # None: in office when the registry was last checked

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the office was held on some day from ``first`` to ``last``."""
        return self.start <= last and (self.end is None or self.end >= first)

    def years(self, last: int) -> range:
        return range(self.start.year, (self.end.year if self.end else last) + 1)


@dataclass(frozen=True, slots=True)
class Actor:
    actor_id: str
    name: str
    name_ascii: str
    country: str
    family: str
    middle: str
    given: str
    patronymic: str
    name_order: str
    variants: tuple[str, ...]
    offices: tuple[Office, ...]

    @property
    def short(self) -> str:
        """The form of a short second mention (``Giang``, ``Khrenin``)."""
        return self.given if self.country in GIVEN_NAME_SHORT else self.family

    def office_on(self, day: dt.date | None) -> Office | None:
        """The most senior office held on ``day`` (first listed when several)."""
        if day is None:
            return None
        held = [o for o in self.offices if o.holds_on(day)]
        return held[0] if held else None


def _initials(*parts: str) -> list[str]:
    """Initial strings for given (+ patronymic): ``['A.V.', 'A. V.']`` or ``['S.']``."""
    letters = [p.strip()[0] for p in parts if p.strip()]
    if not letters:
        return []
    tight = "".join(f"{c}." for c in letters)
    spaced = " ".join(f"{c}." for c in letters)
    return sorted({tight, spaced})


def name_forms(actor: Actor) -> list[tuple[str, str]]:
    """Every surface form of ``actor``'s name with how it was made.

    >>> a = registry().actors["alexander-fomin"]
    >>> forms = dict(name_forms(a))
    >>> forms["A.V. Fomin"], forms["Fomin Alexander Vasilyevich"], forms["A.V.Fomin"]
    ('initials', 'family-first+patronymic', 'initials')
    >>> dict(name_forms(registry().actors["nguyen-phu-trong"]))["Nguyen PhuTrong"]
    'glued'
    """
    forms: dict[str, str] = {actor.name: "full", actor.name_ascii: "full"}
    pairs: list[tuple[str, str, str]] = [(actor.given, actor.family, "full")]
    for v in actor.variants:
        toks = v.split()
        forms.setdefault(v, "variant")
        if actor.name_order == "given_first" and len(toks) >= 2:
            pairs.append((toks[0], toks[-1], "variant"))
    if actor.name_order == "given_first":
        pat = actor.patronymic
        for given, family, _how in pairs:
            if not given or not family:
                continue
            forms.setdefault(f"{given} {family}", "variant")
            forms.setdefault(f"{family} {given}", "family-first")
            if pat:
                forms.setdefault(f"{given} {pat} {family}", "patronymic")
                forms.setdefault(f"{family} {given} {pat}", "family-first+patronymic")
                for ini in _initials(given, pat):
                    forms.setdefault(f"{ini} {family}", "initials")
                    forms.setdefault(f"{family} {ini}", "initials")
                    if " " not in ini:
                        forms.setdefault(f"{ini}{family}", "initials")
            for ini in _initials(given):
                forms.setdefault(f"{ini} {family}", "initials")
                forms.setdefault(f"{ini}{family}", "initials")
    # A crawl that drops a line break glues two words of a name ("Nguyen PhuTrong", "Nguyen
    # ChiVinh"): the full name with one space taken out, for names of three words or more.
    for full in {actor.name, actor.name_ascii}:
        toks = full.split()
        if len(toks) >= 3:
            for i in range(1, len(toks)):
                glued = " ".join([*toks[: i - 1], toks[i - 1] + toks[i], *toks[i + 1 :]])
                forms.setdefault(glued, "glued")
    return sorted(forms.items())


@dataclass(frozen=True)
class Registry:
    actors: dict[str, Actor]
    full: PhraseMatcher[str]  # full-name forms -> actor ids
    short: dict[str, tuple[str, ...]]  # folded short form -> actor ids
    last_year: int

    def holders(self, office: str, country: str, day: dt.date | None) -> list[str]:
        """Actor ids holding ``office`` of ``country`` on ``day`` (all holders when ``day`` is None)."""
        out = []
        for a in self.actors.values():
            for o in a.offices:
                if o.office == office and o.country == country and (day is None or o.holds_on(day)):
                    out.append(a.actor_id)
                    break
        return sorted(out)


def _parse_day(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DataFileError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def load_registry(actors_csv=None, offices_csv=None) -> Registry:
    """Read and validate the registry files (defaults: the package's data files).

    Raises :class:`~defcoop.lexicons.datafiles.DataFileError` for duplicate ids, unknown ids in offices,
    unparseable or inverted dates, overlapping terms in one office, and a name form shared by
    two people (which would make every such mention ambiguous).
    """
    actors_csv = actors_csv or DATA_DIR / "actors.csv"
    offices_csv = offices_csv or DATA_DIR / "offices.csv"
    arows = read_csv(actors_csv, ACTOR_COLUMNS)
    orows = read_csv(offices_csv, OFFICE_COLUMNS)
    offices: dict[str, list[Office]] = defaultdict(list)
    ids = set()
    for i, r in enumerate(arows, start=1):
        if r["actor_id"] in ids:
            raise DataFileError(f"{actors_csv.name}: row {i}: duplicate actor_id {r['actor_id']!r}")
        if r["name_order"] not in {"given_first", "family_first"}:
            raise DataFileError(f"{actors_csv.name}: row {i}: name_order must be given_first or family_first")
        if not r["family"]:
            raise DataFileError(f"{actors_csv.name}: row {i}: {r['actor_id']} has no family name")
        ids.add(r["actor_id"])
    for i, r in enumerate(orows, start=1):
        where = f"{offices_csv.name}: row {i} ({r['actor_id']})"
        if r["actor_id"] not in ids:
            raise DataFileError(f"{where}: unknown actor_id")
        start = _parse_day(r["start"], where)
        end = _parse_day(r["end"], where) if r["end"] else None
        if end is not None and end < start:
            raise DataFileError(f"{where}: ends before it starts")
        offices[r["actor_id"]].append(Office(r["actor_id"], r["office"], r["country"], start, end))
    for aid, terms in offices.items():
        by_office: dict[tuple[str, str], list[Office]] = defaultdict(list)
        for o in terms:
            by_office[(o.office, o.country)].append(o)
        for (office, _c), ts in by_office.items():
            ts.sort(key=lambda o: o.start)
            for a, b in pairwise(ts):
                if a.end is None or b.start < a.end:
                    raise DataFileError(f"{offices_csv.name}: {aid}: overlapping terms as {office}")
    seniority = list(OFFICE_LEVEL)
    actors: dict[str, Actor] = {}
    for r in arows:
        terms = sorted(
            offices.get(r["actor_id"], []),
            key=lambda o: (seniority.index(o.office) if o.office in seniority else 99, o.start),
        )
        actors[r["actor_id"]] = Actor(
            r["actor_id"],
            r["name"],
            r["name_ascii"],
            r["country"],
            r["family"],
            r["middle"],
            r["given"],
            r["patronymic"],
            r["name_order"],
            tuple(v.strip() for v in r["variants"].split(";") if v.strip()),
            tuple(terms),
        )
    owner: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for a in actors.values():
        for form, _how in name_forms(a):
            key = fold(form)
            other = owner.setdefault(key, a.actor_id)
            # The same form for two people is allowed only when their names fold to the same
            # string (two Nguyễn Văn Hiến); the resolver then picks by office.
            if other != a.actor_id and fold(a.name) != fold(actors[other].name):
                raise DataFileError(f"{actors_csv.name}: name form {form!r} of {a.actor_id} is also a form of {other}")
            phrases.append((form, a.actor_id))
    short: dict[str, set[str]] = defaultdict(set)
    for a in actors.values():
        short[fold(a.short)].add(a.actor_id)
        for v in a.variants:
            toks = v.split()
            if len(toks) >= 2:
                short[fold(toks[-1] if a.country not in GIVEN_NAME_SHORT else toks[0])].add(a.actor_id)
    last_year = max([o.end.year for a in actors.values() for o in a.offices if o.end] + [REGISTRY_CHECKED_YEAR])
    return Registry(
        actors=actors,
        full=PhraseMatcher(phrases, glued="start"),
        short={k: tuple(sorted(v)) for k, v in short.items()},
        last_year=last_year,
    )


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The package registry, loaded once per process."""
    return load_registry()


_TITLE_ROWS = ("title", "office", "kind")


@dataclass(frozen=True)
class Titles:
    matcher: PhraseMatcher[tuple[str, str]]  # title -> (office, kind)


@lru_cache(maxsize=1)
def titles() -> Titles:
    rows = read_csv(DATA_DIR / "titles.csv", _TITLE_ROWS)
    for i, r in enumerate(rows, start=1):
        if r["kind"] not in {"office", "rank"}:
            raise DataFileError(f"titles.csv: row {i}: kind must be office or rank")
    return Titles(PhraseMatcher(((r["title"], (r["office"], r["kind"])) for r in rows), glued="end"))
