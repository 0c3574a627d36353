"""Input checks shared by the model functions.

Every model in the book refuses input it cannot handle, with a
:class:`ValueError` whose message names the parameter, the value received
and the valid range, instead of returning a wrong number.
"""

from __future__ import annotations

import math
import numbers
from enum import Enum  # noqa: F401 (the doctest of check_choice defines an Enum)

import numpy as np

__all__ = ["check_number", "check_positive", "check_fraction", "check_array",
           "check_integer", "check_choice", "check_flag", "scalar_or_array"]


def _describe_range(low, high, low_open, high_open):
    left = "(" if low_open or low is None else "["
    right = ")" if high_open or high is None else "]"
    lo = "-inf" if low is None else f"{low:g}"
    hi = "inf" if high is None else f"{high:g}"
    return f"{left}{lo}, {hi}{right}"


def check_number(name, value, *, low=None, high=None, low_open=False,
                 high_open=False, unit=""):
    """Return ``value`` as a float after checking that it is a finite number in range.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    value : object
        The value to check. Booleans and strings are refused.
    low, high : float or None
        Bounds of the valid range; ``None`` means unbounded.
    low_open, high_open : bool
        Whether the corresponding bound is excluded.
    unit : str
        Unit appended to the range in the error message.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``value`` is not a real number, is NaN or infinite, or lies outside
        the range. The message names ``name`` and the valid range.
    """
    suffix = f" {unit}" if unit else ""
    valid = _describe_range(low, high, low_open, high_open) + suffix
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a real number in {valid}; got {value!r}")
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"{name} must be a finite number in {valid}; got {x}")
    too_low = low is not None and (x <= low if low_open else x < low)
    too_high = high is not None and (x >= high if high_open else x > high)
    if too_low or too_high:
        raise ValueError(f"{name} must lie in {valid}; got {x:g}")
    return x


def check_positive(name, value, unit=""):
    """Return ``value`` as a float after checking it is a finite number > 0.

    >>> check_positive("k_el", 0.5, "1/h")
    0.5
    """
    return check_number(name, value, low=0.0, low_open=True, unit=unit)


def check_fraction(name, value):
    """Return ``value`` as a float after checking it is a fraction in [0, 1]."""
    return check_number(name, value, low=0.0, high=1.0)


def _all_real(values):
    """True when ``values`` (a number, or nested lists or arrays of them) holds
    only real numbers: booleans and strings are not numbers here."""
    if isinstance(values, (list, tuple)):
        return all(_all_real(v) for v in values)
    if isinstance(values, np.ndarray):
        if values.dtype == object:
            return all(_all_real(v) for v in values.ravel())
        return values.dtype.kind in "iuf"
    return isinstance(values, numbers.Real) and not isinstance(values, (bool, np.bool_))


def check_array(name, values, *, low=None, high=None, low_open=False,
                high_open=False, unit="", ndim=None):
    """Return ``values`` as a float array after checking every element.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    values : array_like
        Scalar or array of real numbers.
    low, high, low_open, high_open, unit
        As for :func:`check_number`, applied to every element.
    ndim : int or None
        Required number of dimensions, or ``None`` to accept any shape.

    Returns
    -------
    numpy.ndarray of float

    Raises
    ------
    ValueError
        If the input is not numeric, has the wrong number of dimensions, or
        holds a NaN, an infinity or an element out of range.
    """
    suffix = f" {unit}" if unit else ""
    valid = _describe_range(low, high, low_open, high_open) + suffix
    if not _all_real(values):
        raise ValueError(f"{name} must be numeric with elements in {valid}; "
                         f"got {values!r}")
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numeric with elements in {valid}; "
                         f"got {values!r}") from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be a {ndim}-dimensional array; "
                         f"got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite numbers in {valid}; "
                         "found NaN or infinity")
    bad = np.zeros(arr.shape, dtype=bool)
    if low is not None:
        bad |= (arr <= low) if low_open else (arr < low)
    if high is not None:
        bad |= (arr >= high) if high_open else (arr > high)
    if np.any(bad):
        first = arr[bad].flat[0]
        raise ValueError(f"{name} must have every element in {valid}; "
                         f"got {first:g}")
    return arr


def check_integer(name, value, *, low=None, high=None, unit=""):
    """Return ``value`` as an ``int`` after checking it is a whole number in range.

    Integers of any kind (``int``, numpy integers) are accepted; so is a float
    with no fractional part (``4.0``), since a count read from a table or
    computed by division often arrives as one. Booleans, strings, NaN and
    fractional values are refused.

    >>> check_integer("cases", 4.0, low=0)
    4
    >>> check_integer("cases", 2.5, low=0)
    Traceback (most recent call last):
    ...
    ValueError: cases must be a whole number in [0, inf); got 2.5
    """
    suffix = f" {unit}" if unit else ""
    valid = _describe_range(low, high, False, False) + suffix
    if (isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real)
            or not math.isfinite(float(value)) or float(value) != int(value)):
        raise ValueError(f"{name} must be a whole number in {valid}; got {value!r}")
    n = int(value)
    if (low is not None and n < low) or (high is not None and n > high):
        raise ValueError(f"{name} must be a whole number in {valid}; got {n}")
    return n


def check_choice(name, value, choices, among=None):
    """Return the member of the Enum ``choices`` that ``value`` names.

    ``value`` may be a member of ``choices`` or its value (for a string
    value, in any letter case and with surrounding spaces). ``among``, if
    given, is the subset of members that is accepted, and the error message
    lists only those.

    >>> class Severity(Enum):
    ...     NONE = "none"
    ...     MILD = "mild"
    ...     SEVERE = "severe"
    >>> check_choice("severity", " Mild", Severity)
    <Severity.MILD: 'mild'>
    >>> check_choice("severity", "severe", Severity, among=(Severity.NONE, Severity.MILD))
    Traceback (most recent call last):
    ...
    ValueError: severity must be one of 'none', 'mild'; got 'severe'
    """
    allowed = tuple(choices) if among is None else tuple(among)
    member = _member_named(value, choices)
    if member is not None and member in allowed:
        return member
    listed = ", ".join(repr(m.value) for m in allowed)
    raise ValueError(f"{name} must be one of {listed}; got {value!r}")


def _member_named(value, choices):
    """The member of ``choices`` that is or names ``value``, or ``None``."""
    if isinstance(value, choices):
        return value
    for member in choices:
        if isinstance(value, str) and isinstance(member.value, str):
            if value.strip().lower() == member.value.lower():
                return member
        elif (not isinstance(value, (bool, np.bool_)) and type(value) is type(member.value)
              and value == member.value):
            return member
    return None


def check_flag(name, value):
    """Return ``value`` as a ``bool`` after checking that it is one.

    Only ``True``, ``False`` and numpy booleans are accepted: ``0``, ``1``,
    ``"yes"`` and ``None`` are refused rather than guessed at.

    >>> check_flag("severe_renal_impairment", False)
    False
    """
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False; got {value!r}")
    return bool(value)


def scalar_or_array(result, like):
    """Return ``result`` as a plain float when ``like`` was a scalar, else unchanged.

    Model functions accept a scalar or an array and answer in kind: this is
    the one place that decides which.

    >>> scalar_or_array(np.array(0.5), 2.0)
    0.5
    >>> scalar_or_array(np.array([0.5, 1.0]), [1, 2]).tolist()
    [0.5, 1.0]
    """
    return float(result) if np.ndim(like) == 0 else result
