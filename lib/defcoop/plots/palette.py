"""The workbook's colours, chosen to stay apart for readers with colour-vision deficiency.

* :data:`CATEGORICAL`: the eight colours of Okabe and Ito (2008), for topics, outlets, partners;
  a figure that needs more shows the first seven and puts the rest together under :data:`OTHER`.
* :data:`OTHER`: the grey of "other", "no topic", "not recognised"; never used for a category.
* :data:`VIETNAM` and :data:`FOREIGN`: the two sides of a meeting (vermilion and blue).
* :data:`SEQUENTIAL`: the colour map of counts and shares (one hue, light to dark, which reads
  the same with every kind of colour blindness and in greyscale).

:func:`min_distance` measures a palette as a reader with protanopia, deuteranopia or
tritanopia sees it (the simulation matrices of Machado, Oliveira and Fernandes 2009, severity
1), as the smallest CIE 1976 colour difference between two of its colours.  The tests hold the
workbook's palette to :data:`MIN_DISTANCE`; the red/green palette it replaced scored 6.1 for
deuteranopia.

>>> round(min_distance([*CATEGORICAL, OTHER]), 1)
14.6
>>> min_distance(["#2e8b57", "#8c564b"]) < MIN_DISTANCE  # a green and a brown: one colour to many
True
"""

from __future__ import annotations

import itertools

import numpy as np

__all__ = [
    "CATEGORICAL",
    "FOREIGN",
    "MIN_DISTANCE",
    "OTHER",
    "SEQUENTIAL",
    "VIETNAM",
    "categorical",
    "distances",
    "min_distance",
]

#: Okabe-Ito: blue, orange, bluish green, vermilion, sky blue, reddish purple, yellow, black.
CATEGORICAL = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
OTHER = "#BBBBBB"
VIETNAM = "#D55E00"
FOREIGN = "#0072B2"
SEQUENTIAL = "Blues"

#: Smallest colour difference (CIE76) between two colours of a palette under any simulated
#: colour-vision deficiency: about the difference of two neighbouring colours of a legend that
#: a reader still tells apart at a glance.
MIN_DISTANCE = 12.0

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
_SIMULATIONS = {
    "normal vision": np.eye(3),
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    "tritanopia": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
    ),
}
_SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
_WHITE = np.array([0.95047, 1.0, 1.08883])  # D65


def categorical(n: int) -> list[str]:
    """``n`` colours for ``n`` categories: the palette in order, :data:`OTHER` past its end.

    >>> categorical(3)
    ['#0072B2', '#E69F00', '#009E73']
    >>> categorical(9)[-1] == OTHER
    True
    """
    return [CATEGORICAL[i] if i < len(CATEGORICAL) else OTHER for i in range(n)]


def _linear(colour: str) -> np.ndarray:
    c = np.array([int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    t = (_SRGB_TO_XYZ @ linear_rgb) / _WHITE
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def distances(colours: list[str] | tuple[str, ...]) -> dict[str, tuple[float, str, str]]:
    """Per kind of vision, the smallest colour difference in ``colours`` and the pair that has it."""
    out = {}
    for vision, matrix in _SIMULATIONS.items():
        lab = [_lab(np.clip(matrix @ _linear(c), 0, 1)) for c in colours]
        d, i, j = min(
            (float(np.linalg.norm(a - b)), i, j) for (i, a), (j, b) in itertools.combinations(enumerate(lab), 2)
        )
        out[vision] = (d, colours[i], colours[j])
    return out


def min_distance(colours: list[str] | tuple[str, ...]) -> float:
    """The smallest colour difference between two of ``colours`` under any kind of vision simulated."""
    return min(d for d, _, _ in distances(colours).values())
