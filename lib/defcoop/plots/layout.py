"""Checking a figure's text before it goes into a report: nothing clipped, nothing overlapping.

:func:`layout_problems` draws a figure (without writing it) and measures every piece of text
that would be drawn, with matplotlib's own text extents: titles, axis and tick labels, legend
entries, annotations and colour bar labels.  It reports

* text that reaches outside the canvas (a title cut off at the right edge), or that is cut at
  the edge of the axes it is clipped to (a text wholly clipped away is not drawn, not counted);
* two texts whose glyph boxes overlap (tick labels run together, edge labels piled up);
  rotated labels are compared as rotated rectangles, not as their axis-aligned boxes;
* text smaller than :data:`MIN_FONT_PT`, which does not survive a journal's reduction;
* a canvas wider than :data:`PRINT_WIDTH_IN` (a two-column journal figure).

:func:`~defcoop.plots.save.save_figure` runs the check on every figure it writes and lists the
problems under the saved files; with ``DEFCOOP_FIGURE_CHECK=error`` in the environment it
refuses to write a figure with problems, which is how the tests run the notebooks.

What it does not see: text over data (a label on a bar or a dot), a legend over data, and
padding boxes around text; it measures text against text and against the canvas only.  It
reads the ticks to be drawn from matplotlib's ``Axis._update_ticks`` (private, stable since
matplotlib 3.1; ``tests/plots/test_layout.py`` fails if it stops answering).

>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots(figsize=(3, 2), layout="constrained")
>>> _ = ax.text(0.5, 0.5, "first label", transform=ax.transAxes)
>>> _ = ax.text(0.52, 0.5, "second label", transform=ax.transAxes)
>>> [p.split(":")[0] for p in layout_problems(fig)]
['overlapping text']
>>> plt.close(fig)
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

__all__ = ["MIN_FONT_PT", "PRINT_WIDTH_IN", "layout_problems"]

#: Smallest font a printed figure may carry, in points at the size the figure is saved.  Journals
#: ask for 5-7 pt after reduction; the workbook's figures are drawn at print width (see
#: :data:`PRINT_WIDTH_IN`), so no reduction happens and 6 pt is the floor.
MIN_FONT_PT = 6.0

#: Widest canvas, in inches: a two-column (full-width) figure of Nature and Science is 183 mm
#: (7.2 in); most A4 journals' text block is narrower than 6.7 in but scale a 7.2 in figure by
#: 0.93 at most, which keeps 7 pt text above 6.5 pt.
PRINT_WIDTH_IN = 7.2

_TOLERANCE_PX = 1.0  # overlaps and overhangs of a pixel or less are antialiasing, not collisions


def _drawn_texts(fig: Figure) -> list[Text]:
    """Every text artist that a draw of ``fig`` puts on the canvas, in artist order."""
    tick_labels: set[int] = set()
    drawn_ticks: set[int] = set()
    for ax in fig.findobj(Axes):
        for axis in ax._axis_map.values():  # x, y (and z): the axes' Axis objects
            for tick in [*axis.majorTicks, *axis.minorTicks]:
                tick_labels.update((id(tick.label1), id(tick.label2)))
            tick_labels.update((id(axis.label), id(axis.offsetText)))
            if ax.get_visible() and ax.axison and axis.get_visible():  # ax.axis("off") draws no axis
                for tick in axis._update_ticks():  # the ticks inside the view limits
                    drawn_ticks.update((id(tick.label1), id(tick.label2)))
                drawn_ticks.update((id(axis.label), id(axis.offsetText)))
    # text inside a hidden container (a legend, an axes, a subfigure set invisible) is not drawn
    hidden: set[int] = set()
    for container in fig.findobj(lambda a: not a.get_visible()):
        hidden.update(id(t) for t in container.findobj(Text))
    texts = []
    for t in fig.findobj(Text):
        if id(t) in hidden or not t.get_text().strip() or t.get_alpha() == 0:
            continue
        if id(t) in tick_labels and id(t) not in drawn_ticks:
            continue
        texts.append(t)
    return texts


def _visible_box(t: Text, renderer):
    """The part of ``t``'s box that is drawn: all of it, or its intersection with the box it is
    clipped to (a label of a point outside an axes' view is clipped away entirely: ``None``)."""
    box = t.get_window_extent(renderer)
    clip = t.get_clip_box() if t.get_clip_on() else None
    if clip is None:
        return box, False
    from matplotlib.transforms import Bbox

    cut = Bbox.intersection(box, clip)
    if cut is None or cut.width <= 0 or cut.height <= 0:
        return None, True
    return cut, (cut.width < box.width - _TOLERANCE_PX or cut.height < box.height - _TOLERANCE_PX)


def _corners_of(box) -> np.ndarray:
    return np.array([[box.x0, box.y0], [box.x1, box.y0], [box.x1, box.y1], [box.x0, box.y1]])


def _corners(t: Text, renderer, box) -> np.ndarray:
    """The four corners of ``t``'s glyph box in pixels, rotated as the text is."""
    angle = t.get_rotation() % 180
    if angle in (0, 90):
        return _corners_of(box)
    with_angle = t.get_rotation()
    t.set_rotation(0)
    try:
        flat = t.get_window_extent(renderer)
    finally:
        t.set_rotation(with_angle)
    w, h = flat.width / 2, flat.height / 2
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2  # a rotated box keeps its centre
    local = np.array([[-w, -h], [w, -h], [w, h], [-w, h]])
    return local @ np.array([[c, s], [-s, c]]) + [cx, cy]


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    """How far two convex quadrilaterals overlap along their least-overlapping axis (pixels)."""
    least = math.inf
    for quad in (a, b):
        edges = np.roll(quad, -1, axis=0) - quad
        for ex, ey in edges:
            norm = math.hypot(ex, ey)
            if norm == 0:
                continue
            axis = np.array([-ey, ex]) / norm
            pa, pb = a @ axis, b @ axis
            least = min(least, min(pa.max(), pb.max()) - max(pa.min(), pb.min()))
    return least


def _label(t: Text) -> str:
    s = " ".join(t.get_text().split())
    return repr(s if len(s) <= 40 else s[:37] + "...")


def layout_problems(
    fig: Figure, *, min_font_pt: float = MIN_FONT_PT, max_width_in: float = PRINT_WIDTH_IN
) -> list[str]:
    """What is wrong with the text of ``fig`` as drawn: one line per problem, empty if none.

    Each line starts with the kind of problem (``clipped text``, ``overlapping text``,
    ``text too small``, ``figure too wide``) and names the text.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(3, 2), layout="none")
    >>> _ = ax.set_title("a title far too long to fit inside a canvas three inches wide, surely")
    >>> layout_problems(fig)[0].split(":")[0]
    'clipped text'
    >>> plt.close(fig)
    """
    problems = []
    width = fig.get_size_inches()[0]
    if width > max_width_in + 1e-9:
        problems.append(f"figure too wide: {width:g} in (print width is {max_width_in:g} in)")
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    W, H = fig.bbox.width, fig.bbox.height
    texts = _drawn_texts(fig)
    quads, boxes = [], []
    shown = []
    for t in texts:
        box, cut = _visible_box(t, renderer)
        if box is None:
            continue
        if cut:
            problems.append(f"clipped text: {_label(t)} is cut at the edge of its axes")
        shown.append(t)
        boxes.append((box.x0, box.y0, box.x1, box.y1))
        quads.append(_corners(t, renderer, box) if not cut else _corners_of(box))
        if t.get_fontsize() < min_font_pt - 1e-9:
            problems.append(f"text too small: {_label(t)} is {t.get_fontsize():g} pt (at least {min_font_pt:g})")
        over = max(-box.x0, -box.y0, box.x1 - W, box.y1 - H)
        if over > _TOLERANCE_PX:
            problems.append(f"clipped text: {_label(t)} reaches {over:.0f} px outside the canvas")
    if len(boxes) > 1:
        b = np.array(boxes)
        # candidate pairs: axis-aligned boxes that intersect by more than the tolerance
        dx = np.minimum(b[:, None, 2], b[None, :, 2]) - np.maximum(b[:, None, 0], b[None, :, 0])
        dy = np.minimum(b[:, None, 3], b[None, :, 3]) - np.maximum(b[:, None, 1], b[None, :, 1])
        hit = np.triu((dx > _TOLERANCE_PX) & (dy > _TOLERANCE_PX), k=1)
        for i, j in zip(*np.nonzero(hit), strict=True):
            if _overlap(quads[i], quads[j]) > _TOLERANCE_PX:
                problems.append(f"overlapping text: {_label(shown[i])} and {_label(shown[j])}")
    return problems
