"""Hand facts and computed numbers to myst-nb ``glue`` in a form prose can format.

numpy 2 scalars format as ``np.float64(...)`` inside ``{glue:text}``, so every
number is converted to a plain Python ``int`` or ``float`` first. A tuple fact
is glued as readable text (``"30, 60 and 100"``).
"""

from __future__ import annotations

import numbers

from .facts import fact

__all__ = ["plain", "glue_number", "glue_facts"]


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


def _spoken_list(values):
    words = [f"{plain(v):g}" for v in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def glue_number(name, x):
    """Glue the number ``x`` under ``name`` without displaying it."""
    from myst_nb import glue

    glue(name, plain(x), display=False)


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
