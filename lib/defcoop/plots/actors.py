"""Figures of notebook 03: officials and meetings.  One function per figure; each returns the figure and
the tidy table it plots, for :func:`defcoop.plots.save_figure`."""

from __future__ import annotations

__all__: list[str] = []
