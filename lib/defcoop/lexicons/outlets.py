"""News outlets by web domain (``data/outlets.csv``): who publishes at a URL.

An article's outlet is read from its URL when it has one (JSON, CSV and WARC records, HTML pages
that declare their canonical URL): the longest listed domain that the URL's host ends with
(``en.vietnamplus.vn`` before ``vietnamplus.vn``; ``www.`` and ports never count).  A host the
file does not list keeps its own name as the outlet, with country and ownership ``unknown``,
rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from defcoop.lexicons.datafiles import DataFileError, read_csv
from defcoop.paths import DATA_DIR

__all__ = ["KINDS", "Outlet", "outlet_of_host", "outlets", "url_parts"]

COLUMNS = ("domain", "outlet", "country", "state_owned", "language", "kind", "parent")
KINDS = frozenset(
    {
        "agency",
        "newspaper",
        "broadcaster",
        "magazine",
        "government",
        "military",
        "think_tank",
        "aggregator",
        "blog",
        "other",
    }
)
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}(?:/[a-z0-9._-]+)?$")


@dataclass(frozen=True, slots=True)
class Outlet:
    domain: str
    name: str
    country: str
    state_owned: str  # yes | no | unknown
    language: str
    kind: str
    parent: str = ""


@lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    """The outlets file, validated: ``{domain: Outlet}``."""
    from defcoop.lexicons.geo import geo

    path = DATA_DIR / "outlets.csv"
    countries = set(geo().countries)
    out: dict[str, Outlet] = {}
    for n, row in enumerate(read_csv(path, COLUMNS), start=1):
        domain = row["domain"].lower()
        where = f"{path.name}: data row {n} ({domain or 'no domain'})"
        if not _DOMAIN.match(domain) or domain.startswith("www."):
            raise DataFileError(f"{where}: not a domain (lower case, no scheme, no leading www.)")
        if domain in out:
            raise DataFileError(f"{where}: domain listed twice")
        if row["state_owned"] not in ("yes", "no", "unknown"):
            raise DataFileError(f"{where}: state_owned must be yes, no or unknown")
        if row["kind"] not in KINDS:
            raise DataFileError(f"{where}: kind {row['kind']!r} is not one of {', '.join(sorted(KINDS))}")
        if not row["outlet"]:
            raise DataFileError(f"{where}: no outlet name")
        if row["country"] and row["country"] not in countries:
            raise DataFileError(f"{where}: country {row['country']!r} is not in countries.csv")
        out[domain] = Outlet(
            domain, row["outlet"], row["country"], row["state_owned"], row["language"], row["kind"], row["parent"]
        )
    return out


def url_parts(url: str) -> tuple[str, str]:
    """``(host, path)`` of a URL (or a bare domain): the host lower case, without ``www.`` and
    port; ``("", "")`` when there is none.

    >>> url_parts("https://WWW.Example.com:8080/en/a?b")
    ('example.com', '/en/a')
    >>> url_parts("en.vietnamplus.vn/x")
    ('en.vietnamplus.vn', '/x')
    """
    from urllib.parse import urlsplit

    s = url.strip()
    if not s:
        return "", ""
    try:
        parts = urlsplit(s if "//" in s else "//" + s)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return "", ""
    return (host[4:] if host.startswith("www.") else host), parts.path


def outlet_of_host(host: str, path: str = "") -> Outlet | None:
    """The outlet of a host (lower case, no ``www.``), by the longest listed domain it ends with;
    a domain listed with a path (``example.com/en``) matches URLs under that path only.

    >>> outlet_of_host("en.vietnamplus.vn").name.startswith("VietnamPlus")
    True
    >>> outlet_of_host("example.invalid") is None
    True
    """
    table = outlets()
    parts = host.split(".")
    first = path.strip("/").split("/", 1)[0].lower() if path else ""
    for i in range(len(parts) - 1):
        suffix = ".".join(parts[i:])
        if first and (hit := table.get(f"{suffix}/{first}")):
            return hit
        if hit := table.get(suffix):
            return hit
    return None
