"""Errors that carry a message meant for the analyst, not a traceback from deep inside a library."""

from __future__ import annotations

__all__ = ["InsufficientData"]


class InsufficientData(ValueError):
    """The corpus (or the slice of it asked for) is too small for this analysis.

    Raised with a sentence saying what was needed and what was found, e.g.
    ``InsufficientData("topic clustering needs at least 2 passages; the corpus has 1")``.
    """
