"""Self-checks for the exercise notebooks, and the verdicts the grader uses.

A self-check cell calls :func:`check` with the exercise's label and the *name*
of the variable that holds the student's answer. It never prints the
expected value. A variable that does not exist yet (the solution cell has not
been written or run) is reported as "no answer yet", not as an error, so a
student notebook runs from top to bottom and stops only at its placeholders.

What a check can say depends on the edition of the package:

* **With the answers** (the book's repository, ``pip install -e .``): the
  expected answers live in ``tcibook.answers.<set>``, one module per problem
  set, a dictionary ``ANSWERS`` mapping each question to an
  :class:`Expected` whose ``compute`` calls the book's own functions. The
  check says whether the answer is right and, if not, which section to
  revisit.
* **Without the answers** (the course pack's wheel, which leaves
  ``tcibook.answers`` out): the check reads a *public specification* of each
  question (``tcibook/selfcheck_spec.json``, written into the wheel by
  ``tools/coursepack.py``) and says only whether the answer is defined, of the
  right kind (a number, a whole number, text, True/False, a sequence of a
  given length, a set that is not empty), finite, and inside a wide
  plausible range. It cannot say whether the answer is right: that is the
  grader's job.

:data:`DESCRIPTION` says this to students, in the same words on every
problem-set page, in every student notebook and in the README. No verdict
names a tolerance: the tolerances are the grader's, not published.

The same comparison, :func:`assess`, gives the grader its verdicts, so a
student and the grader never disagree about what "right" means.

Explained in ``practices``; practised in ``practice-*`` (chapters/).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import math
import numbers
import sys
from dataclasses import dataclass
from typing import Any, Callable

__all__ = ["DESCRIPTION", "Expected", "Verdict", "assess", "check", "diagnose", "expected_for",
           "answers_available", "is_correct", "is_order_free", "kind_of",
           "plausible_range", "public_spec"]

#: File of the public specification inside the package (course-pack wheel only).
SPEC_FILE = "selfcheck_spec.json"

#: What the self-check does, as every problem-set page, student notebook and
#: the README say it (tests compare them with this text).
DESCRIPTION = (
    "Each problem names the variable your answer should go in. Give each answer "
    "in the unit the problem names, and do not round it unless the problem says "
    "how. Write your code "
    "in the solution cell (in the student notebook it raises "
    "`NotImplementedError` until you do), run it, then run the self-check below "
    "it. The self-check never shows the expected answer. Where the answers are "
    "installed (the book's own repository), it says whether your answer is right "
    "and, if it is not, which section to revisit. In the course pack, which does "
    "not hold the answers, it says only whether your answer is defined, of the "
    "right kind and of a plausible order of magnitude; whether it is right is "
    "decided when your notebook is graded.")


@dataclass(frozen=True)
class Expected:
    """How to check one answer.

    Every field after ``revisit`` is optional; the defaults keep the answers
    modules short and are inferred from the expected value where they can be.

    Attributes
    ----------
    compute : callable
        Returns the expected answer: a number, a whole number, True/False, a
        string (compared without regard to case and surrounding space), or a
        sequence of these.
    revisit : str
        Where to look when the answer is off, e.g. a chapter and section.
    rel_tol : float
        Relative tolerance for numbers, in (0, 1); 1 % by default.
    abs_tol : float
        Absolute tolerance for numbers (for expected values near zero).
    points : float
        Points the answer is worth when graded; 1 by default.
    order_free : bool or None
        Whether a sequence may be given in any order (a set of strengths, say).
        ``None`` infers it: a sequence of distinct numbers in ascending order
        (one number included) is order-free, anything else keeps its order.
        An order-free answer's length is not told to students (it is part
        of the answer).
    plausible : (float, float) or None
        The range a student is told a numeric answer should lie in. ``None``
        infers a wide one from the expected value (:func:`plausible_range`).
    choices : tuple of str or None
        For text answers, the words the question allows (shown to students
        without the answers). ``None``: the student is told only "text".
    sections : tuple of str
        The labels (MyST ``(label)=`` targets of the chapters) of the
        sections ``revisit`` sends the student to; the tests resolve each
        and check that ``revisit`` names its title.
    may_be_empty : bool
        Whether an order-free sequence may be empty because the question
        allows "none" (say so in the statement). False by default: an empty
        tuple is refused as the wrong kind, without revealing anything else.
    """

    compute: Callable[[], Any]
    revisit: str
    rel_tol: float = 0.01
    abs_tol: float = 0.0
    points: float = 1.0
    order_free: bool | None = None
    plausible: tuple[float, float] | None = None
    choices: tuple[str, ...] | None = None
    sections: tuple[str, ...] = ()
    may_be_empty: bool = False


@dataclass(frozen=True)
class Verdict:
    """The outcome of comparing one answer.

    ``status`` is one of ``"correct"``, ``"wrong"`` (of the right kind but not
    right), ``"wrong-kind"`` (None, NaN, text for a number, an array for a
    single number, an empty set where one is asked...), ``"missing"`` (the variable is not
    defined), or, without the answers, ``"plausible"`` / ``"implausible"``.
    ``message`` is a sentence for the student that never states the expected
    value.
    """

    status: str
    message: str

    @property
    def ok(self) -> bool:
        return self.status in {"correct", "plausible"}


# --- the answers -----------------------------------------------------------

def answers_available() -> bool:
    """True when this installation carries ``tcibook.answers``."""
    return importlib.util.find_spec("tcibook.answers") is not None


def _split(label: str) -> tuple[str, str]:
    problem_set, _, question = label.partition(".")
    if not problem_set or not question:
        raise KeyError(f"self-check label {label!r} must look like 'set.question'")
    return problem_set, question


def expected_for(label: str) -> Expected:
    """Return the :class:`Expected` registered for ``label`` (``"set.question"``).

    Raises
    ------
    KeyError
        If the label is not of the form ``set.question`` or is not registered
        (or the answers are not installed).
    """
    problem_set, question = _split(label)
    try:
        module = importlib.import_module(f"tcibook.answers.{problem_set}")
    except ModuleNotFoundError:
        raise KeyError(f"no answers registered for problem set {problem_set!r}") from None
    try:
        return module.ANSWERS[question]
    except KeyError:
        raise KeyError(f"no self-check registered for {label!r}") from None


_SPEC_CACHE: dict | None = None


def _public_specs() -> dict:
    """The public specification shipped with a wheel without answers ({} if none)."""
    global _SPEC_CACHE
    if _SPEC_CACHE is None:
        from importlib import resources

        try:
            text = (resources.files("tcibook") / SPEC_FILE).read_text(encoding="utf-8")
            _SPEC_CACHE = json.loads(text)
        except (FileNotFoundError, OSError):
            _SPEC_CACHE = {}
    return _SPEC_CACHE


# --- kinds -------------------------------------------------------------------

def _is_text(x) -> bool:
    return isinstance(x, str)


def _is_flag(x) -> bool:
    return isinstance(x, bool) or (type(x).__module__ == "numpy"
                                   and type(x).__name__ in {"bool", "bool_"})


def _is_number(x) -> bool:
    return isinstance(x, numbers.Real) and not _is_flag(x)


def _is_sequence(x) -> bool:
    if isinstance(x, (str, bytes, dict)) or _is_number(x) or _is_flag(x):
        return False
    if getattr(x, "ndim", None) == 0:
        return False
    return hasattr(x, "__len__") and hasattr(x, "__iter__")


def kind_of(expected) -> dict:
    """The kind of an expected answer, as a small JSON-able description.

    >>> kind_of(3)
    {'kind': 'whole number'}
    >>> kind_of((0.03, 0.1))
    {'kind': 'sequence', 'length': 2, 'of': 'number'}
    """
    if _is_flag(expected):
        return {"kind": "True or False"}
    if _is_text(expected):
        return {"kind": "text"}
    if isinstance(expected, numbers.Integral):
        return {"kind": "whole number"}
    if _is_number(expected):
        return {"kind": "number"}
    if _is_sequence(expected):
        kinds = {kind_of(e)["kind"] for e in expected}
        kinds = {"number" if k == "whole number" else k for k in kinds}
        return {"kind": "sequence", "length": len(expected),
                "of": kinds.pop() if len(kinds) == 1 else "value"}
    return {"kind": type(expected).__name__}


def is_order_free(expected, rule: Expected | None = None) -> bool:
    """Whether a sequence answer may be given in any order.

    ``rule.order_free`` decides when it is set; otherwise a sequence of
    distinct numbers in ascending order (a set of strengths, say) is
    order-free and any other sequence keeps its order.
    """
    if rule is not None and rule.order_free is not None:
        return rule.order_free
    if not _is_sequence(expected):
        return False
    items = list(expected)
    if not items or not all(_is_number(e) for e in items):
        return False
    return all(float(a) < float(b) for a, b in zip(items, items[1:]))


def _describe(value) -> str:
    """A short description of what a student's variable holds (never its value)."""
    if value is None:
        return "None"
    if _is_flag(value):
        return "True/False"
    if _is_text(value):
        return "text"
    if _is_number(value):
        return "a number"
    if getattr(value, "ndim", None) == 0:
        return "a 0-d array"
    if _is_sequence(value):
        try:
            n = len(value)
        except TypeError:
            n = "?"
        name = "an array" if hasattr(value, "shape") else f"a {type(value).__name__}"
        return f"{name} of {n} value{'s' if n != 1 else ''}"
    return f"a {type(value).__name__}"


def _as_float(value):
    """float(value) for numbers and 0-d arrays, else None."""
    if _is_flag(value) or _is_text(value):
        return None
    if _is_number(value):
        return float(value)
    if getattr(value, "ndim", None) == 0:
        try:
            return float(value)
        except (TypeError, ValueError):
            return None
    return None


def diagnose(value, kind: dict) -> str | None:
    """Why ``value`` is not of the expected ``kind`` (see :func:`kind_of`), or None.

    The message names what the value is and what is wanted, never the
    expected value itself.
    """
    want = kind["kind"]
    if value is None:
        return ("is None: the solution cell did not store a result (a function "
                "without `return`, or the result of `print`?)")
    if want in {"number", "whole number"}:
        number = _as_float(value)
        if number is None:
            if _is_sequence(value):
                return (f"is {_describe(value)}, but the question asks for a single "
                        f"{want}: pick the element the question asks for")
            return f"is {_describe(value)}, not a {want}"
        if math.isnan(number):
            return "is NaN (not a number): an earlier step failed or divided 0 by 0"
        if math.isinf(number):
            return "is infinite: an earlier step divided by zero"
        if want == "whole number" and not number.is_integer():
            return "is not a whole number, but the question asks for a count"
        return None
    if want == "text":
        return None if _is_text(value) else (
            f"is {_describe(value)}, but the question asks for text (a word in quotes)")
    if want == "True or False":
        return None if _is_flag(value) else f"is {_describe(value)}, not True or False"
    if want == "sequence":
        if not _is_sequence(value):
            return (f"is {_describe(value)}, but the question asks for a tuple of "
                    f"{kind['of']}s")
        if kind.get("length") is not None and len(value) != kind["length"]:
            return (f"has {len(value)} values, but the question asks for "
                    f"{kind['length']}")
        if kind.get("nonempty") and len(value) == 0:
            return "is empty, but the question asks for at least one value"
        element = {"kind": kind["of"]} if kind["of"] in {"number", "text", "True or False"} else None
        if element:
            for i, item in enumerate(value):
                problem = diagnose(item, element)
                if problem:
                    return f"has an element (position {i + 1}) that {problem}"
        return None
    return None


# --- comparing ---------------------------------------------------------------

def _sort_key(x):
    number = _as_float(x)
    if number is not None:
        return (0, number, "")
    return (1, 0.0, str(x).strip().lower())


def _close(value, expected, rule: Expected) -> bool:
    if _is_text(expected):
        return _is_text(value) and value.strip().lower() == expected.strip().lower()
    if _is_flag(expected) or _is_flag(value):
        return _is_flag(value) and _is_flag(expected) and bool(value) == bool(expected)
    if _is_number(expected):
        number = _as_float(value)
        return number is not None and math.isfinite(number) and math.isclose(
            number, float(expected), rel_tol=rule.rel_tol, abs_tol=rule.abs_tol)
    if not _is_sequence(value) or not _is_sequence(expected):
        return False
    values, wanted = list(value), list(expected)
    if len(values) != len(wanted):
        return False
    if is_order_free(expected, rule):
        try:
            values, wanted = sorted(values, key=_sort_key), sorted(wanted, key=_sort_key)
        except TypeError:
            return False
    return all(_close(v, e, rule) for v, e in zip(values, wanted))


def is_correct(label: str, value) -> bool:
    """True when ``value`` is a right answer to ``label`` (as the grader judges it)."""
    rule = expected_for(label)
    return _close(value, rule.compute(), rule)


def _answer_kind(expected, rule: Expected | None) -> dict:
    """The kind a student is told: an order-free sequence's length is not
    told (it is part of the answer), but it may not be empty unless the
    question allows "none" (``rule.may_be_empty``)."""
    kind = kind_of(expected)
    if kind["kind"] == "sequence" and is_order_free(expected, rule):
        kind = {**kind, "length": None,
                "nonempty": not (rule is not None and rule.may_be_empty)}
    return kind


def assess(value, expected, rule: Expected, name: str = "answer") -> Verdict:
    """Compare a student's ``value`` with ``expected`` under ``rule``."""
    problem = diagnose(value, _answer_kind(expected, rule))
    if problem:
        return Verdict("wrong-kind", f"`{name}` {problem}. Revisit: {rule.revisit}")
    if _close(value, expected, rule):
        return Verdict("correct", f"`{name}` is right.")
    return Verdict("wrong", f"`{name}` is not right. Revisit: {rule.revisit}")


# --- the public specification (no answers) ------------------------------------

def _offset(label: str) -> int:
    return hashlib.sha256(label.encode()).digest()[0] % 2


def plausible_range(expected, label: str, rule: Expected | None = None):
    """A wide range a numeric answer should lie in, or None for non-numbers.

    It is built from powers of ten so that it reveals only the order of
    magnitude: for a positive answer whose leading decade is ``10**d`` the
    range is ``[10**(d-1-o), 10**(d+2-o))`` with ``o`` 0 or 1 (fixed per
    question), a factor of 1,000 that holds the answer at least one decade
    from either end. A slip of a factor of 1,000 (µg for ng, g for mg) always
    falls outside; a factor of 100 usually does. Zero answers give
    ``[0, 10**(2+o)]``; negative answers mirror positive ones. For a sequence
    the range covers every element.
    """
    if rule is not None and rule.plausible is not None:
        return tuple(float(x) for x in rule.plausible)
    items = list(expected) if _is_sequence(expected) else [expected]
    if not items or not all(_is_number(x) for x in items):
        return None
    floats = [float(x) for x in items]
    o = _offset(label)
    magnitudes = [abs(x) for x in floats if x != 0]
    if not magnitudes:
        return (0.0, 10.0 ** (2 + o))
    lo = 10.0 ** (math.floor(math.log10(min(magnitudes))) - 1 - o)
    hi = 10.0 ** (math.floor(math.log10(max(magnitudes))) + 2 - o)
    if all(x >= 0 for x in floats):
        return (0.0 if 0.0 in floats else lo, hi)
    if all(x <= 0 for x in floats):
        return (-hi, 0.0 if 0.0 in floats else -lo)
    return (-hi, hi)


def public_spec(label: str) -> dict:
    """What a student may be told about ``label`` without its answer.

    The kind of answer (with the length of an ordered sequence, which the
    question fixes), whether order matters, a wide plausible range for
    numbers, the allowed words for text answers when the answers module
    lists them, and the "revisit" hint. Never the value.
    """
    rule = expected_for(label)
    expected = rule.compute()
    kind = _answer_kind(expected, rule)
    order_free = is_order_free(expected, rule)
    spec = {"kind": kind, "order_free": order_free, "revisit": rule.revisit}
    spec["range"] = plausible_range(expected, label, rule)
    if rule.choices:
        spec["choices"] = list(rule.choices)
    return spec


def _fmt(x: float) -> str:
    return f"{x:,g}" if x else "0"


def assess_plausible(value, spec: dict, name: str = "answer") -> Verdict:
    """Check ``value`` against a public specification (no expected value)."""
    revisit = spec.get("revisit", "")
    problem = diagnose(value, spec["kind"])
    if problem:
        return Verdict("wrong-kind", f"`{name}` {problem}. Revisit: {revisit}")
    if spec.get("choices"):
        items = list(value) if _is_sequence(value) else [value]
        allowed = {c.strip().lower() for c in spec["choices"]}
        if any(_is_text(v) and v.strip().lower() not in allowed for v in items):
            words = ", ".join(f'"{c}"' for c in spec["choices"])
            return Verdict("implausible", f"`{name}` is not one of the words the "
                           f"question allows ({words}).")
    bounds = spec.get("range")
    if bounds:
        lo, hi = bounds
        items = list(value) if _is_sequence(value) else [value]
        numbers_ = [_as_float(v) for v in items if _as_float(v) is not None]
        if any(not (lo <= x <= hi) for x in numbers_):
            return Verdict("implausible", f"`{name}` is outside the plausible range "
                           f"{_fmt(lo)} to {_fmt(hi)}: check the units and the formula. "
                           f"Revisit: {revisit}")
        where = f", in the plausible range {_fmt(lo)} to {_fmt(hi)}"
    else:
        where = ""
    return Verdict("plausible", f"`{name}` is defined and of the right kind{where}; "
                   "whether it is right is decided when your notebook is graded.")


# --- what happened in the notebook ---------------------------------------------

#: Errors raised by notebook cells since this module was imported, as
#: (cell source, exception type name, message); recorded by an IPython hook.
CELL_ERRORS: list[tuple[str, str, str]] = []


def _record(result) -> None:
    error = getattr(result, "error_in_exec", None) or getattr(result, "error_before_exec", None)
    if error is not None:
        source = getattr(getattr(result, "info", None), "raw_cell", "") or ""
        CELL_ERRORS.append((source, type(error).__name__, str(error)[:200]))


def _install_hook() -> None:
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is None:
        return
    callbacks = shell.events.callbacks.get("post_run_cell", [])
    if not any(getattr(c, "__name__", "") == "_record" and getattr(c, "__module__", "") == __name__
               for c in callbacks):
        shell.events.register("post_run_cell", _record)


_install_hook()


def why_missing(name: str, errors=None) -> tuple[str, str]:
    """(status, sentence) for a variable that is not defined.

    ``"missing"`` when the solution cell still holds its placeholder (or no
    cell tried), ``"error"`` when a cell that assigns ``name`` raised.
    """
    import re

    errors = CELL_ERRORS if errors is None else errors
    assigns = re.compile(rf"(^|[\s,(]){re.escape(name)}\s*(=[^=]|,|\))", re.M)
    for source, ename, message in reversed(errors):
        if ename == "NotImplementedError" and "your solution goes here" in message:
            continue
        if assigns.search(source):
            return ("error", f"`{name}` is not defined because the cell that computes it "
                    f"raised {ename}: {message}. Fix that cell, run it, then check again.")
    return ("missing", f"no answer yet: write the solution cell so that it defines "
            f"`{name}`, run it, then run this check again.")


# --- the check a notebook calls --------------------------------------------------

def check(label: str, name: str) -> None:
    """Print whether the variable ``name`` holds a correct answer to ``label``.

    Parameters
    ----------
    label : str
        The question, as ``"set.question"`` (e.g. ``"p01.km_app"``).
    name : str
        Name of the variable, in the calling notebook, that holds the answer.

    Returns nothing, so a notebook cell shows only the printed verdict; use
    :func:`is_correct` to get the verdict as a value.
    """
    caller = sys._getframe(1).f_globals
    _split(label)
    try:
        rule = expected_for(label)
    except KeyError:
        if answers_available():
            raise                                  # an authoring error: say so
        rule = None
    if name not in caller:
        _, sentence = why_missing(name)
        print(f"… {label}: {sentence}")
        return
    spec = _public_specs().get(label)
    if rule is not None:
        verdict = assess(caller[name], rule.compute(), rule, name)
    elif spec is not None:
        verdict = assess_plausible(caller[name], spec, name)
    else:
        verdict = _bare(caller[name], name)
    mark = {"correct": "✓", "plausible": "•"}.get(verdict.status, "✗")
    print(f"{mark} {label}: {verdict.message}")


def _bare(value, name: str) -> Verdict:
    """The check of an installation with neither answers nor specification."""
    number = _as_float(value)
    if value is None or (number is not None and not math.isfinite(number)):
        return Verdict("wrong-kind", f"`{name}` {diagnose(value, {'kind': 'number'})}.")
    return Verdict("plausible", f"`{name}` is defined; this installation of tcibook has "
                   "neither the answers nor the course pack's self-check specification, "
                   "so nothing more can be checked here.")
