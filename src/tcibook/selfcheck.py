"""Self-checks for the exercise notebooks.

A self-check cell calls :func:`check` with the exercise's label and the *name*
of the variable that holds the student's answer. It says whether the answer
is within tolerance and, if not, what to revisit. It never prints the
expected value. A variable that does not exist yet (the solution cell has not
been written or run) is reported as "no answer yet", not as an error, so a
student notebook runs from top to bottom and stops only at its placeholders.

Expected answers live in ``tcibook.answers.<set>``, one module per problem
set: a dictionary ``ANSWERS`` mapping each question to an :class:`Expected`,
whose ``compute`` calls the book's own functions, so the expected value is
never written into a notebook.
"""

from __future__ import annotations

import importlib
import math
import numbers
import sys
from dataclasses import dataclass
from typing import Any, Callable

__all__ = ["Expected", "check", "expected_for", "is_correct"]


@dataclass(frozen=True)
class Expected:
    """How to check one answer.

    Attributes
    ----------
    compute : callable
        Returns the expected answer: a number, a sequence of numbers, or a
        string (compared without regard to case and surrounding space).
    revisit : str
        Where to look when the answer is off, e.g. a chapter and section.
    rel_tol : float
        Relative tolerance for numbers, in (0, 1); 1 % by default.
    abs_tol : float
        Absolute tolerance for numbers (for expected values near zero).
    """

    compute: Callable[[], Any]
    revisit: str
    rel_tol: float = 0.01
    abs_tol: float = 0.0


def expected_for(label: str) -> Expected:
    """Return the :class:`Expected` registered for ``label`` (``"set.question"``).

    Raises
    ------
    KeyError
        If the label is not of the form ``set.question`` or is not registered.
    """
    problem_set, _, question = label.partition(".")
    if not problem_set or not question:
        raise KeyError(f"self-check label {label!r} must look like 'set.question'")
    try:
        module = importlib.import_module(f"tcibook.answers.{problem_set}")
    except ModuleNotFoundError:
        raise KeyError(f"no answers registered for problem set {problem_set!r}") from None
    try:
        return module.ANSWERS[question]
    except KeyError:
        raise KeyError(f"no self-check registered for {label!r}") from None


def _close(value, expected, rule: Expected) -> bool:
    if isinstance(expected, str):
        return isinstance(value, str) and value.strip().lower() == expected.strip().lower()
    if isinstance(expected, bool) or isinstance(value, bool):
        return value is expected
    if isinstance(expected, numbers.Real):
        if isinstance(value, (str, bytes)):
            return False
        if not isinstance(value, numbers.Real):
            try:
                value = float(value)  # numpy scalars and 0-d arrays
            except (TypeError, ValueError):
                return False
        return math.isfinite(value) and math.isclose(
            value, expected, rel_tol=rule.rel_tol, abs_tol=rule.abs_tol)
    try:
        pairs = list(zip(list(value), list(expected), strict=True))
    except (TypeError, ValueError):
        return False
    return all(_close(v, e, rule) for v, e in pairs)


def is_correct(label: str, value) -> bool:
    """True when ``value`` matches the expected answer of ``label`` within tolerance."""
    rule = expected_for(label)
    return _close(value, rule.compute(), rule)


def _is_textual(expected) -> bool:
    if isinstance(expected, str):
        return True
    if isinstance(expected, (list, tuple)):
        return any(_is_textual(e) for e in expected)
    return False


def _verdict(rule: Expected, expected, ok: bool) -> str:
    if _is_textual(expected):
        return "matches the expected answer" if ok else "does not match the expected answer"
    within = f"within {rule.rel_tol:.0%} of the expected answer"
    return f"is {within}" if ok else f"is not {within}"


def check(label: str, name: str) -> None:
    """Print whether the variable ``name`` holds a correct answer to ``label``.

    Parameters
    ----------
    label : str
        The question, as ``"set.question"`` (e.g. ``"occupancy.q1"``).
    name : str
        Name of the variable, in the calling notebook, that holds the answer.

    Returns nothing, so a notebook cell shows only the printed verdict; use
    :func:`is_correct` to get the verdict as a value.
    """
    caller = sys._getframe(1).f_globals
    rule = expected_for(label)
    if name not in caller:
        print(f"… {label}: no answer yet. Write the solution cell so that it "
              f"defines `{name}`, run it, then run this check again.")
        return
    expected = rule.compute()
    if _close(caller[name], expected, rule):
        print(f"✓ {label}: `{name}` {_verdict(rule, expected, True)}.")
    else:
        print(f"✗ {label}: `{name}` {_verdict(rule, expected, False)}. "
              f"Revisit: {rule.revisit}")
