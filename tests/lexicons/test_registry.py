"""The actor registry: validation of the data files, coverage of the offices the issue requires."""

import datetime as dt
import shutil

import pytest

from defcoop.lexicons.actors import load_registry, name_forms, registry
from defcoop.lexicons.datafiles import DataFileError
from defcoop.paths import DATA_DIR
from defcoop.text import fold


@pytest.fixture
def registry_copy(tmp_path):
    a, o = tmp_path / "actors.csv", tmp_path / "offices.csv"
    shutil.copy(DATA_DIR / "actors.csv", a)
    shutil.copy(DATA_DIR / "offices.csv", o)
    return a, o


def test_package_registry_is_valid():
    reg = registry()
    assert len(reg.actors) > 150
    assert all(a.offices for a in reg.actors.values()), "every registered person holds an office"


def test_duplicate_id_is_rejected(registry_copy):
    a, o = registry_copy
    lines = a.read_text(encoding="utf-8").splitlines()
    a.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate actor_id"):
        load_registry(a, o)


def test_unparseable_office_date_is_rejected(registry_copy):
    a, o = registry_copy
    o.write_text(o.read_text(encoding="utf-8") + "viktor-khrenin,president,Belarus,2020-13-01,,x,\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not YYYY-MM-DD"):
        load_registry(a, o)


def test_overlapping_terms_are_rejected(registry_copy):
    a, o = registry_copy
    o.write_text(
        o.read_text(encoding="utf-8") + "viktor-khrenin,defence_minister,Belarus,2021-01-01,2022-01-01,x,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="overlapping terms"):
        load_registry(a, o)


def test_variant_shared_by_two_people_is_rejected(registry_copy):
    a, o = registry_copy
    text = a.read_text(encoding="utf-8")
    # give Andrei Ravkov a variant that is Viktor Khrenin's name
    lines = [
        line.replace(",given_first,", ",given_first,Viktor Khrenin;", 1) if line.startswith("andrei-ravkov,") else line
        for line in text.splitlines()
    ]
    assert lines != text.splitlines()
    a.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="also a form of"):
        load_registry(a, o)


def test_name_forms_cover_order_patronymic_initials_and_transliteration():
    reg = registry()
    forms = {fold(f) for f, _ in name_forms(reg.actors["viktor-khrenin"])}
    assert {"viktor khrenin", "khrenin viktor gennadievich", "viktor gennadievich khrenin", "v.g. khrenin"} <= forms
    shoigu = {fold(f) for f, _ in name_forms(reg.actors["sergei-shoigu"])}
    assert {"s.k.shoigu", "sergey shoigu", "shoigu sergey kuzhugetovich", "s. shoigu"} <= shoigu
    assert reg.actors["luong-cuong"].short == "Cường" and reg.actors["viktor-khrenin"].short == "Khrenin"


# Offices the annotation issue requires, 2010-01-01 to 2026-06-30: at every date someone holds them.
REQUIRED = [
    ("Vietnam", "president"),
    ("Vietnam", "vice_president"),
    ("Vietnam", "prime_minister"),
    ("Vietnam", "general_secretary"),
    ("Vietnam", "defence_minister"),
    ("Vietnam", "chief_of_general_staff"),
    ("Belarus", "president"),
    ("Belarus", "prime_minister"),
    ("Belarus", "defence_minister"),
    ("Belarus", "chief_of_general_staff"),
    ("Russia", "president"),
    ("Russia", "prime_minister"),
    ("Russia", "defence_minister"),
    ("Russia", "chief_of_general_staff"),
    *[
        (c, "defence_minister")
        for c in (
            "India",
            "Japan",
            "United States",
            "Australia",
            "France",
            "United Kingdom",
            "Germany",
            "South Korea",
            "China",
            "Laos",
            "Cambodia",
            "Israel",
            "Indonesia",
            "Philippines",
            "Cuba",
        )
    ],
]


# Windows where no registered person holds the office, each with the reason it is not a data hole.
KNOWN_VACANCIES = {
    ("China", "defence_minister"): [
        (dt.date(2023, 10, 24), dt.date(2023, 12, 29), "post vacant: Li Shangfu removed, Dong Jun appointed later"),
    ],
    ("South Korea", "defence_minister"): [
        (dt.date(2024, 12, 5), dt.date(2025, 7, 25), "vice minister Kim Seon-ho acting; acting holders not registered"),
    ],
    ("Cuba", "defence_minister"): [
        (dt.date(2011, 9, 3), dt.date(2011, 11, 1), "Casas Regueiro died in office; successor's start month only"),
    ],
    ("Belarus", "chief_of_general_staff"): [
        (dt.date(2019, 9, 1), dt.date(2020, 1, 20), "Belokonev's end date known to the month only"),
        (dt.date(2021, 1, 26), dt.date(2021, 3, 1), "Gulevich's start known to the month only"),
        (dt.date(2024, 5, 10), dt.date(2024, 5, 23), "two weeks between Gulevich and Muraveiko"),
    ],
}


@pytest.mark.parametrize(("country", "office"), REQUIRED)
def test_required_offices_are_covered_without_gaps(country, office):
    reg = registry()
    terms = sorted(
        (o for a in reg.actors.values() for o in a.offices if o.country == country and o.office == office),
        key=lambda o: o.start,
    )
    assert terms, f"no holder of {office} of {country}"
    day, end = dt.date(2010, 1, 1), dt.date(2026, 6, 30)
    gaps = []
    while day <= end:
        known = any(a <= day <= b for a, b, _ in KNOWN_VACANCIES.get((country, office), []))
        if not known and not any(o.holds_on(day) for o in terms):
            gaps.append(day)
        day += dt.timedelta(days=7)
    # a vacancy of a few weeks between a dismissal and an appointment is real; months are a data hole
    assert len(gaps) <= 4, f"{office} of {country} has no holder on {gaps[:3]}..."
