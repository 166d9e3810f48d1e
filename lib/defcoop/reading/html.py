"""HTML pages to article text, with trafilatura: the main text without the site's furniture,
and the title, publication date, site name and URL the page's markup gives.

The page's own markup is all that is read: trafilatura's date search is kept to metadata and
structural markup (no guessing from the text, which the workbook's date rules read themselves),
and its upper bound is fixed (:data:`LATEST`) instead of today's date, so that the same page
gives the same result on every day it is read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

__all__ = ["LATEST", "Page", "extract_page"]

#: The latest publication date accepted from a page's markup (a fixed bound, for reproducibility).
LATEST = "2100-12-31"

_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": LATEST}


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str = ""
    date: str = ""  # YYYY-MM-DD from the page's metadata or markup, or ""
    sitename: str = ""
    url: str = ""  # the canonical URL the page declares, or ""


def _quiet() -> None:
    # trafilatura and htmldate log every page they find little in; the workbook reports those
    # pages in Corpus.skipped itself.
    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def extract_page(html: bytes | str, url: str = "") -> Page | None:
    """The article in an HTML page, or ``None`` when trafilatura finds no main text."""
    import trafilatura

    _quiet()
    doc = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if doc is None or not (doc.text or "").strip():
        return None
    return Page(
        text=doc.text,
        title=(doc.title or "").strip(),
        date=(doc.date or "").strip(),
        sitename=(doc.sitename or "").strip(),
        url=(doc.url or "").strip(),
    )
