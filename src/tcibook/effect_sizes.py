"""Effect sizes from trial reports: risk ratios, their confidence intervals, NNT.

Reviews print a risk ratio with a 95 % confidence interval; trials print the
proportion of patients who responded in each arm. The functions here turn
those printed numbers into the quantities a reader needs to compare them:
the standard error of the log risk ratio recovered from the interval, the z
statistic, and for two response percentages the risk ratio and the number
needed to treat (the risk difference itself is computed once, in
:mod:`tcibook.safety`).

From the raw counts of a 2×2 table (:class:`TwoByTwo`) the same functions
give the odds ratio, the risk difference with its Wald confidence interval
and the confidence interval of the number needed to treat; an odds ratio is
turned into a risk ratio for a known control risk (:func:`or_to_rr`), and a
relative risk into an absolute one (:func:`absolute_risk_from_relative`).

The Cochrane 2015 risk ratios the book uses are collected by
:func:`cochrane2015_tacrolimus` from :mod:`tcibook.facts`, each with the
outcome it counts, because the review does not define them all the same way.

Explained in ``atopic-dermatitis-treatment``, ``nonsteroidal-topicals``,
``systemic-calcineurin-inhibitors``; practised in ``practice-08``,
``practice-10``, ``practice-14`` (chapters/).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from .facts import value
from .safety import risk_difference_pct
from .validation import check_fraction, check_integer, check_number

__all__ = [
    "CI_LEVEL", "RiskRatio", "cochrane2015_tacrolimus", "z_critical", "log_rr_se",
    "ci_geometric_midpoint", "rr_z", "two_sided_p", "risk_ratio",
    "number_needed_to_treat", "odds_ratio", "TwoByTwo", "NNTInterval",
    "nnt_interval", "or_to_rr", "absolute_risk_from_relative",
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


def odds_ratio(treated_pct, control_pct):
    """Odds ratio of two response percentages.

    .. math:: \\mathrm{OR} = \\frac{p_1/(1-p_1)}{p_0/(1-p_0)}

    A crude odds ratio: a trial that reports an adjusted one from its own
    statistical model will not be reproduced exactly.

    Parameters
    ----------
    treated_pct : float
        Percent who responded on treatment, in [0, 100).
    control_pct : float
        Percent who responded in the control arm, in (0, 100).

    Returns
    -------
    float

    Examples
    --------
    >>> odds_ratio(50, 25)        # (1/1) / (1/3)
    3.0
    """
    p1 = check_number("treated_pct", treated_pct, low=0.0, high=100.0,
                      high_open=True, unit="%") / 100.0
    p0 = check_number("control_pct", control_pct, low=0.0, high=100.0,
                      low_open=True, high_open=True, unit="%") / 100.0
    return (p1 / (1.0 - p1)) / (p0 / (1.0 - p0))


@dataclass(frozen=True)
class TwoByTwo:
    """Raw counts of a two-arm trial with a yes/no outcome.

    Attributes
    ----------
    events_treated, n_treated : int
        Patients with the event, and patients randomised, on treatment.
    events_control, n_control : int
        The same in the control arm.

    Counts are whole numbers (a float without a fractional part is
    accepted), ``n >= 1`` and ``0 <= events <= n``; otherwise construction
    raises :class:`ValueError` naming the count.
    """

    events_treated: int
    n_treated: int
    events_control: int
    n_control: int

    def __post_init__(self):
        for arm in ("treated", "control"):
            n = check_integer(f"n_{arm}", getattr(self, f"n_{arm}"), low=1)
            k = check_integer(f"events_{arm}", getattr(self, f"events_{arm}"),
                              low=0, high=n)
            object.__setattr__(self, f"n_{arm}", n)
            object.__setattr__(self, f"events_{arm}", k)

    @classmethod
    def from_percentages(cls, treated_pct, n_treated, control_pct, n_control):
        """Counts rebuilt from printed response percentages and arm sizes.

        Each count is ``percent / 100 * n`` rounded to the nearest whole
        patient. A report that prints a rounded or model-imputed percentage
        gives counts within a patient or two of the true ones, so an interval
        computed from them agrees with the report's own only to about a
        percentage point.

        Parameters
        ----------
        treated_pct, control_pct : float
            Percent of each arm with the event, in [0, 100].
        n_treated, n_control : int
            Patients in each arm, at least 1.

        Returns
        -------
        TwoByTwo

        Raises
        ------
        ValueError
            If a percentage is outside [0, 100] or an arm size is not a whole
            number of at least 1.

        Examples
        --------
        >>> TwoByTwo.from_percentages(20, 325, 10, 162)
        TwoByTwo(events_treated=65, n_treated=325, events_control=16, n_control=162)
        """
        counts = []
        for arm, pct, n in (("treated", treated_pct, n_treated),
                            ("control", control_pct, n_control)):
            pct = check_number(f"{arm}_pct", pct, low=0.0, high=100.0, unit="%")
            n = check_integer(f"n_{arm}", n, low=1)
            counts += [round(pct / 100.0 * n), n]
        return cls(*counts)

    @property
    def risk_treated(self):
        """Proportion with the event on treatment, in [0, 1]."""
        return self.events_treated / self.n_treated

    @property
    def risk_control(self):
        """Proportion with the event in the control arm, in [0, 1]."""
        return self.events_control / self.n_control

    @property
    def risk_difference(self):
        """``risk_treated - risk_control`` (a proportion, not percentage points)."""
        return self.risk_treated - self.risk_control

    @property
    def risk_ratio(self):
        """``risk_treated / risk_control``; refuses a control arm without events."""
        if self.events_control == 0:
            raise ValueError("events_control must be above 0 for a risk ratio; "
                             "got 0")
        return self.risk_treated / self.risk_control

    @property
    def odds_ratio(self):
        """Crude odds ratio ``(a d) / (b c)``; refuses a zero cell."""
        a, c = self.events_treated, self.events_control
        b, d = self.n_treated - a, self.n_control - c
        if 0 in (a, b, c, d):
            raise ValueError("every cell of the 2x2 table must be above 0 for an "
                             f"odds ratio; got events_treated={a}, "
                             f"non-events treated={b}, events_control={c}, "
                             f"non-events control={d}")
        return (a * d) / (b * c)

    def risk_difference_se(self):
        """Wald standard error of the risk difference.

        .. math:: \\mathrm{SE} = \\sqrt{\\frac{p_1(1-p_1)}{n_1} + \\frac{p_0(1-p_0)}{n_0}}
        """
        p1, p0 = self.risk_treated, self.risk_control
        return math.sqrt(p1 * (1 - p1) / self.n_treated
                         + p0 * (1 - p0) / self.n_control)


@dataclass(frozen=True)
class NNTInterval:
    """A number needed to treat with the confidence interval of its risk difference.

    Attributes
    ----------
    risk_difference, rd_lower, rd_upper : float
        Risk difference (treated minus control, a proportion) and its Wald
        confidence limits.
    nnt : float or None
        ``1 / risk_difference``; ``None`` when the difference is 0.
    nnt_lower, nnt_upper : float or None
        When the whole interval of the difference lies above 0: the number
        needed to treat at its upper and lower limit (``1 / rd_upper`` and
        ``1 / rd_lower``). ``None`` when the interval includes 0: then the
        interval of the NNT runs through infinity and is reported as the
        number needed to treat for benefit at one end and the number needed
        to harm at the other (:attr:`nntb_limit`, :attr:`nnth_limit`).
    nntb_limit, nnth_limit : float or None
        For an interval that includes 0: ``1 / rd_upper`` (benefit) and
        ``1 / |rd_lower|`` (harm); ``None`` otherwise.
    level : float
        Confidence level.
    """

    risk_difference: float
    rd_lower: float
    rd_upper: float
    nnt: float | None
    nnt_lower: float | None
    nnt_upper: float | None
    nntb_limit: float | None
    nnth_limit: float | None
    level: float

    @property
    def includes_no_effect(self):
        """True when the interval of the risk difference includes 0."""
        return self.rd_lower <= 0 <= self.rd_upper


def nnt_interval(table, level=CI_LEVEL):
    """Number needed to treat and its confidence interval from a 2×2 table.

    The interval of the risk difference is the Wald interval
    :math:`\\mathrm{RD} \\pm z\\,\\mathrm{SE}`; the interval of the NNT is its
    reciprocal. When the interval of the difference includes 0, the NNT
    interval is not a finite range: it goes from the number needed to treat
    for benefit at one limit, through infinity, to the number needed to harm
    at the other (Altman's convention).

    Parameters
    ----------
    table : TwoByTwo
        The raw counts; events are the outcome the treatment is meant to
        bring about (responders).
    level : float, optional
        Confidence level in (0, 1); 0.95 by default.

    Returns
    -------
    NNTInterval

    Raises
    ------
    ValueError
        If ``table`` is not a :class:`TwoByTwo` or ``level`` is outside (0, 1).

    Examples
    --------
    >>> r = nnt_interval(TwoByTwo(40, 100, 20, 100))   # RD 0.2, SE sqrt(0.004)
    >>> round(r.nnt, 2), round(r.nnt_lower, 2), round(r.nnt_upper, 2)
    (5.0, 3.09, 13.15)
    """
    if not isinstance(table, TwoByTwo):
        raise ValueError(f"table must be a TwoByTwo of raw counts; got {table!r}")
    z = z_critical(level)
    rd = table.risk_difference
    se = table.risk_difference_se()
    lo, hi = rd - z * se, rd + z * se
    nnt = 1.0 / rd if rd != 0 else None
    if lo > 0:
        return NNTInterval(rd, lo, hi, nnt, 1.0 / hi, 1.0 / lo, None, None,
                           float(level))
    if hi < 0:
        # Treatment worse throughout: report the numbers needed to harm.
        return NNTInterval(rd, lo, hi, nnt, 1.0 / hi, 1.0 / lo, None, None,
                           float(level))
    nntb = 1.0 / hi if hi > 0 else None
    nnth = 1.0 / -lo if lo < 0 else None
    return NNTInterval(rd, lo, hi, nnt, None, None, nntb, nnth, float(level))


def or_to_rr(odds_ratio_value, control_risk):
    """Risk ratio that corresponds to an odds ratio at a given control risk.

    .. math:: \\mathrm{RR} = \\frac{\\mathrm{OR}}{1 - p_0 + p_0\\,\\mathrm{OR}}

    (Zhang and Yu's conversion). The two agree only when the event is rare
    (:math:`p_0` small); for a common outcome an odds ratio exaggerates the
    risk ratio.

    Parameters
    ----------
    odds_ratio_value : float
        Odds ratio, > 0.
    control_risk : float
        Risk in the control arm as a fraction, in [0, 1].

    Returns
    -------
    float

    Examples
    --------
    >>> or_to_rr(3.0, 0.25)      # 3 / (0.75 + 0.75)
    2.0
    >>> or_to_rr(3.0, 0.0)       # a rare event: RR = OR
    3.0
    """
    orv = check_number("odds_ratio_value", odds_ratio_value, low=0.0, low_open=True)
    p0 = check_fraction("control_risk", control_risk)
    return orv / (1.0 - p0 + p0 * orv)


def absolute_risk_from_relative(baseline_risk, relative_risk):
    """Risk in the treated, and the excess, from a baseline risk and a relative risk.

    .. math:: R_1 = R_0 \\cdot \\mathrm{RR}, \\qquad \\Delta R = R_0(\\mathrm{RR} - 1)

    Parameters
    ----------
    baseline_risk : float
        Risk without treatment, as a fraction in [0, 1] (over a stated time).
    relative_risk : float
        Relative risk, > 0; the product ``baseline_risk * relative_risk``
        must not exceed 1.

    Returns
    -------
    tuple of float
        ``(treated_risk, excess_risk)``, fractions; the excess is negative
        for a relative risk below 1.

    Raises
    ------
    ValueError
        For a baseline risk outside [0, 1], a relative risk that is not a
        positive finite number, or a treated risk above 1.

    Examples
    --------
    >>> absolute_risk_from_relative(0.02, 1.5)     # 0.03 treated, 0.01 more
    (0.03, 0.01)
    """
    r0 = check_fraction("baseline_risk", baseline_risk)
    rr = check_number("relative_risk", relative_risk, low=0.0, low_open=True)
    r1 = r0 * rr
    if r1 > 1.0:
        raise ValueError(f"relative_risk {rr:g} times baseline_risk {r0:g} gives a "
                         f"risk of {r1:g}, above 1; relative_risk must lie in "
                         f"(0, {1 / r0:g}] for this baseline")
    return round(r1, 15), round(r0 * (rr - 1.0), 15)
