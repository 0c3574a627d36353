"""Hand facts and computed numbers to myst-nb ``glue`` in a form prose can format.

numpy 2 scalars format as ``np.float64(...)`` inside ``{glue:text}``, so every
number is converted to a plain Python ``int`` or ``float`` first. A tuple fact
is glued as readable text (``"30, 60 and 100"``).

Computed numbers are rounded to :data:`SIGNIFICANT_DIGITS` significant digits
before they are glued (:func:`rounded`). A reader needs three or four; the
last bits of a floating-point result differ from one CPU, BLAS kernel or
thread count to another, and what is glued is stored in the committed
notebooks that the tests compare, so it must not carry them.
"""

from __future__ import annotations

import math
import numbers

from .facts import fact

__all__ = ["SIGNIFICANT_DIGITS", "plain", "rounded", "glue_number", "glue_facts"]

#: Significant digits kept in every glued computed number.
SIGNIFICANT_DIGITS = 6


def plain(x):
    """Return ``x`` as a plain ``int`` or ``float`` (numpy scalars included).

    Raises
    ------
    TypeError
        If ``x`` is not a real number.
    """
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"expected a real number, got {type(x).__name__}: {x!r}")
    if isinstance(x, numbers.Integral):
        return int(x)
    return float(x)


def rounded(x, digits=SIGNIFICANT_DIGITS):
    """Return the real number ``x`` rounded to ``digits`` significant digits.

    Integers are returned unchanged; floats as plain ``float``.

    >>> rounded(0.7098817661234)
    0.709882
    >>> rounded(4438.532280917)
    4438.53
    >>> rounded(3)
    3
    """
    x = plain(x)
    if isinstance(x, int) or x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.{digits}g}")


def _spoken_list(values):
    words = [f"{plain(v):g}" for v in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def glue_number(name, x):
    """Glue the number ``x`` under ``name``, rounded by :func:`rounded`,
    without displaying it."""
    from myst_nb import glue

    glue(name, rounded(x), display=False)


def glue_facts(*keys):
    """Glue each named fact under its own key, without displaying it.

    Scalar facts are glued as numbers, so prose can format them
    (``{glue:text}`pimecrolimus_mw:.2f```); tuple facts as text.
    """
    from myst_nb import glue

    for key in keys:
        v = fact(key).value
        glue(key, _spoken_list(v) if isinstance(v, tuple) else plain(v),
             display=False)
