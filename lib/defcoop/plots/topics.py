"""Figures of notebook 02: topic clustering.  One function per figure; each returns the figure and
the tidy table it plots, for :func:`defcoop.plots.save_figure`."""

from __future__ import annotations

__all__: list[str] = []
