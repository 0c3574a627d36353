"""Effect sizes from trial reports: risk ratios, their confidence intervals, NNT.

Reviews print a risk ratio with a 95 % confidence interval; trials print the
proportion of patients who responded in each arm. The functions here turn
those printed numbers into the quantities a reader needs to compare them:
the standard error of the log risk ratio recovered from the interval, the z
statistic, and for two response percentages the risk ratio and the number
needed to treat (the risk difference itself is computed once, in
:mod:`tcibook.safety`).

The Cochrane 2015 risk ratios the book uses are collected by
:func:`cochrane2015_tacrolimus` from :mod:`tcibook.facts`, each with the
outcome it counts, because the review does not define them all the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from .facts import value
from .safety import risk_difference_pct
from .validation import check_number

__all__ = [
    "CI_LEVEL", "RiskRatio", "cochrane2015_tacrolimus", "z_critical", "log_rr_se",
    "ci_geometric_midpoint", "rr_z", "two_sided_p", "risk_ratio",
    "number_needed_to_treat",
]


#: Confidence level of the intervals the reviews print.
CI_LEVEL = 0.95


@dataclass(frozen=True)
class RiskRatio:
    """A risk ratio as a review prints it.

    Attributes
    ----------
    comparison : str
        "first vs second", the first-named arm in the numerator.
    ratio, lower, upper : float
        Point estimate and 95 % confidence limits.
    n_studies, n_participants : int
        Size of the evidence behind the estimate.
    counts_improvement : bool
        True when the ratio counts patients who improved (values above 1
        favour the first-named arm); False when it counts patients who did
        NOT improve (values below 1 favour the first-named arm).
    source : str
        Key of the source record in ``references.bib``.
    """

    comparison: str
    ratio: float
    lower: float
    upper: float
    n_studies: int
    n_participants: int
    counts_improvement: bool
    source: str

    @property
    def favours_first(self) -> bool:
        """True when the whole interval lies on the side that favours the first arm."""
        if self.counts_improvement:
            return self.lower > 1
        return self.upper < 1

    @property
    def outcome(self) -> str:
        """What the ratio counts, in words."""
        return "improved" if self.counts_improvement else "did not improve"


#: (comparison, fact-key stem, counts_improvement) for the rows the book uses.
_COCHRANE_ROWS = (
    ("tacrolimus 0.1 % vs pimecrolimus 1 %", "cochrane2015_tac01_vs_pime", True),
    ("tacrolimus 0.1 % vs tacrolimus 0.03 %", "cochrane2015_tac01_vs_tac003", False),
    ("tacrolimus 0.1 % vs low-potency TCS", "cochrane2015_tac01_vs_low_tcs", True),
    ("tacrolimus 0.03 % vs mild TCS", "cochrane2015_tac003_vs_mild_tcs", True),
)


def cochrane2015_tacrolimus():
    """Risk ratios from the 2015 Cochrane review of topical tacrolimus.

    Returns
    -------
    tuple of RiskRatio
        Physician's-assessment risk ratios, read from :mod:`tcibook.facts`.
        The 0.1 % vs 0.03 % ratio counts patients who did not improve.

    Examples
    --------
    >>> rows = cochrane2015_tacrolimus()
    >>> [(r.ratio, r.counts_improvement) for r in rows[:2]]
    [(1.8, True), (0.82, False)]
    """
    return tuple(
        RiskRatio(comparison=label,
                  ratio=value(f"{stem}_rr"),
                  lower=value(f"{stem}_rr_lo"),
                  upper=value(f"{stem}_rr_hi"),
                  n_studies=value(f"{stem}_n_studies"),
                  n_participants=value(f"{stem}_n"),
                  counts_improvement=improvement,
                  source="curymartins2015cochrane")
        for label, stem, improvement in _COCHRANE_ROWS)


def z_critical(level=CI_LEVEL):
    """Two-sided critical value of the standard normal for a confidence level.

    Parameters
    ----------
    level : float
        Confidence level in (0, 1).

    Returns
    -------
    float

    Examples
    --------
    >>> round(z_critical(0.95), 4)
    1.96
    """
    level = check_number("level", level, low=0.0, high=1.0, low_open=True,
                         high_open=True)
    return NormalDist().inv_cdf(0.5 + level / 2)


def _check_ci(lower, upper):
    lo = check_number("lower", lower, low=0.0, low_open=True)
    hi = check_number("upper", upper, low=0.0, low_open=True)
    if hi <= lo:
        raise ValueError(f"upper must be greater than lower; got lower={lo:g}, "
                         f"upper={hi:g}")
    return lo, hi


def log_rr_se(lower, upper, level=CI_LEVEL):
    """Standard error of ln(RR) recovered from a confidence interval.

    A ratio's interval is symmetric on the log scale, so
    ``SE = (ln upper - ln lower) / (2 z)`` with ``z`` the critical value.

    Parameters
    ----------
    lower, upper : float
        Confidence limits of the ratio, ``0 < lower < upper``.
    level : float
        Confidence level of the interval, in (0, 1); 0.95 by default.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If a limit is not positive or ``upper <= lower``.

    Examples
    --------
    >>> round(log_rr_se(1.34, 2.42), 4)
    0.1508
    """
    lo, hi = _check_ci(lower, upper)
    return (math.log(hi) - math.log(lo)) / (2 * z_critical(level))


def ci_geometric_midpoint(lower, upper):
    """Geometric mean of the confidence limits, ``sqrt(lower * upper)``.

    For an interval computed on the log scale this equals the point estimate
    up to rounding, which makes it a check on a printed result.

    Examples
    --------
    >>> round(ci_geometric_midpoint(1.34, 2.42), 3)
    1.801
    """
    lo, hi = _check_ci(lower, upper)
    return math.sqrt(lo * hi)


def rr_z(ratio, lower, upper, level=CI_LEVEL):
    """z statistic of ln(RR) against the null value RR = 1.

    Parameters
    ----------
    ratio : float
        Point estimate, > 0.
    lower, upper : float
        Confidence limits, ``0 < lower < upper``.
    level : float
        Confidence level of the interval.

    Returns
    -------
    float
        Positive when the ratio is above 1.

    Examples
    --------
    >>> round(rr_z(1.80, 1.34, 2.42), 2)
    3.9
    """
    rr = check_number("ratio", ratio, low=0.0, low_open=True)
    return math.log(rr) / log_rr_se(lower, upper, level)


def two_sided_p(z):
    """Two-sided p value of a standard normal statistic.

    Examples
    --------
    >>> round(two_sided_p(1.959963985), 3)
    0.05
    """
    z = check_number("z", z)
    return 2 * (1 - NormalDist().cdf(abs(z)))


def risk_ratio(treated_pct, control_pct):
    """Ratio of two response percentages, ``treated_pct / control_pct``.

    Parameters
    ----------
    treated_pct : float
        Percent of patients who responded on treatment, in [0, 100].
    control_pct : float
        Percent who responded in the control arm, in (0, 100].

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If a percentage is outside its range or not a finite number.

    Examples
    --------
    >>> round(risk_ratio(36.8, 6.6), 2)
    5.58
    """
    treated = check_number("treated_pct", treated_pct, low=0.0, high=100.0,
                           unit="%")
    control = check_number("control_pct", control_pct, low=0.0, high=100.0,
                           low_open=True, unit="%")
    return treated / control


def number_needed_to_treat(treated_pct, control_pct):
    """Patients to treat for one more responder, ``100 / (treated_pct - control_pct)``.

    The mirror image of the number needed to harm in :mod:`tcibook.safety`,
    whose :func:`~tcibook.safety.risk_difference_pct` computes the
    difference in percentage points.

    Parameters
    ----------
    treated_pct, control_pct : float
        Percent of patients who responded in each arm, in [0, 100]; the
        treated arm must respond more often, otherwise no number needed to
        treat exists.

    Returns
    -------
    float
        Not rounded; round up for a whole number of patients.

    Raises
    ------
    ValueError
        If a percentage lies outside [0, 100] or ``treated_pct <= control_pct``.

    Examples
    --------
    >>> round(number_needed_to_treat(36.8, 6.6), 2)
    3.31
    """
    treated = check_number("treated_pct", treated_pct, low=0.0, high=100.0,
                           unit="%")
    control = check_number("control_pct", control_pct, low=0.0, high=100.0,
                           unit="%")
    difference = risk_difference_pct(treated, control)
    if difference <= 0:
        raise ValueError("treated_pct must exceed control_pct for a number "
                         "needed to treat; got a risk difference of "
                         f"{difference:g} percentage points")
    return 100.0 / difference
