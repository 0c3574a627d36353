"""A teaching model: from calcineurin occupancy to NFAT-dependent cytokine output.

How much interleukin a T cell makes is not proportional to how much
calcineurin it has free. Cells usually hold more calcineurin than a maximal
response needs, and NFAT-driven transcription responds steeply to the
signal. The book captures both features with a normalised Hill transfer
function of the accessible calcineurin fraction ``a``:

.. math:: R(a) = \\frac{a^n\\,(K^n + 1)}{K^n + a^n}

``R(1) = 1`` (no inhibitor: full output) and ``R(0) = 0``. ``K`` is the
accessible fraction that gives half of the maximal response of the transfer
function; a small ``K`` means a large reserve. ``n`` is the Hill coefficient
(steepness).

This is a model for reasoning, not a fitted description of any cell: the
values of ``K`` and ``n`` used in the book are illustrative.

Explained in ``atopic-dermatitis-mechanisms``; practised in no problem set
(chapters/).
"""

from __future__ import annotations

import numpy as np

from .binding import occupancy
from .validation import check_array, check_number, scalar_or_array

__all__ = ["ILLUSTRATIVE_K_HALF", "ILLUSTRATIVE_HILL_COEFFICIENTS",
           "relative_cytokine_output",
           "accessible_fraction_for_output"]

#: Illustrative reserve: the transfer function reaches half of its maximal
#: response when a quarter of calcineurin is accessible. Not a measured value.
ILLUSTRATIVE_K_HALF = 0.25

#: Illustrative steepness of the NFAT-to-cytokine switch: the three Hill
#: coefficients the chapter and its figure compare. Not measured values.
ILLUSTRATIVE_HILL_COEFFICIENTS = (1, 2, 4)


def _check_transfer(k_half, hill):
    k = check_number("k_half", k_half, low=0.0, low_open=True)
    n = check_number("hill", hill, low=0.0, low_open=True)
    return k, n


def relative_cytokine_output(accessible, k_half, hill):
    """Cytokine output relative to the uninhibited cell (model).

    Parameters
    ----------
    accessible : float or array_like
        Accessible calcineurin fraction (see
        :func:`tcibook.kinetics.accessible_fraction`), every element in
        [0, 1].
    k_half : float
        Accessible fraction at half-maximal response of the transfer
        function, > 0 (dimensionless).
    hill : float
        Hill coefficient, > 0 (dimensionless).

    Returns
    -------
    float or numpy.ndarray
        Output in [0, 1] (1 = output without inhibitor), shaped like
        ``accessible``.

    Raises
    ------
    ValueError
        If ``accessible`` has an element outside [0, 1] or not finite, or
        ``k_half`` or ``hill`` is not a positive finite number.

    Examples
    --------
    >>> relative_cytokine_output(1.0, 0.25, 2)     # no inhibitor
    1.0
    >>> relative_cytokine_output(0.25, 0.25, 1)    # 0.25 x 1.25 / 0.5
    0.625
    """
    a = check_array("accessible", accessible, low=0.0, high=1.0)
    k, n = _check_transfer(k_half, hill)
    # A Hill curve is the occupancy hyperbola in a**n with K**n in place of Kd;
    # dividing by its value at a = 1 makes the uninhibited output exactly 1.
    out = occupancy(a ** n, k ** n) / occupancy(1.0, k ** n)
    return scalar_or_array(out, out)


def accessible_fraction_for_output(relative_output, k_half, hill):
    """Accessible calcineurin fraction at which the model gives an output.

    Inverts :func:`relative_cytokine_output`:

    .. math:: a = K \\left(\\frac{R}{K^n + 1 - R}\\right)^{1/n}

    Parameters
    ----------
    relative_output : float or array_like
        Target output relative to the uninhibited cell, in [0, 1].
    k_half, hill : float
        As for :func:`relative_cytokine_output`.

    Returns
    -------
    float or numpy.ndarray
        Accessible fraction in [0, 1]. With fully activated calcineurin the
        inhibitor occupancy needed is one minus this value.

    Examples
    --------
    >>> accessible_fraction_for_output(0.625, 0.25, 1)
    0.25
    >>> round(accessible_fraction_for_output(1.0, 0.25, 3), 12)   # full output
    1.0
    """
    r = check_array("relative_output", relative_output, low=0.0, high=1.0)
    k, n = _check_transfer(k_half, hill)
    kn = k ** n
    a = k * (r / (kn + 1.0 - r)) ** (1.0 / n)
    a = np.minimum(a, 1.0)   # rounding at r = 1 must not leave [0, 1]
    return scalar_or_array(a, a)
