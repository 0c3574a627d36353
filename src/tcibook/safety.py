"""Excess risk of an adverse effect over vehicle, read from trial percentages.

A vehicle-controlled trial reports how many patients in each arm had an
adverse event, here skin burning at the application site. Part of what the
drug arm reports would have happened anyway: the vehicle arm shows that
background. The functions below separate the two:

* the *absolute risk difference* (ARD), in percentage points;
* the *number needed to harm* (NNH), ``100 / ARD``: how many patients must be
  treated with the drug instead of vehicle for one more of them to have the
  event;
* the *attributable fraction among the treated*, ``ARD / drug rate``: the
  share of the drug arm's events that the vehicle arm does not account for.

For a rare event counted in person-years (a lymphoma in a cohort study),
:func:`excess_rate` turns an incidence rate in the treated and a rate ratio
against a comparator into the comparator's rate, the excess rate and the
person-years of treatment per extra case.

They describe study populations. They are not a forecast for one patient and
not a reason to choose or avoid a product.

Explained in ``safety-in-practice``; practised in ``practice-10`` (chapters/).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .facts import fact
from .validation import check_integer, check_number

__all__ = [
    "ExcessRisk", "risk_difference_pct", "number_needed_to_harm",
    "excess_risk", "incidence_pct", "PROTOPIC_BURNING_ARMS",
    "protopic_burning_comparisons", "ExcessRate", "excess_rate",
    "rate_per_100k", "JOELLE_LYMPHOMA_TACROLIMUS", "joelle_lymphoma_excess",
]

#: Person-years in which incidence rates are usually quoted.
PER_100K = 100_000.0

#: Tolerance used when rounding an NNH up to whole patients, so that an NNH
#: of exactly 5 (computed as 5.000000000000001) is not reported as 6.
_WHOLE_PATIENT_TOLERANCE = 1e-9


def _check_pct(name, value):
    return check_number(name, value, low=0.0, high=100.0, unit="%")


@dataclass(frozen=True)
class ExcessRisk:
    """Excess of an adverse event in a drug arm over its vehicle arm.

    Attributes
    ----------
    drug_pct, vehicle_pct : float
        Percent of patients with the event in each arm, in [0, 100].
    risk_difference_pct : float
        ``drug_pct - vehicle_pct``, in percentage points (> 0).
    nnh : float
        Number needed to harm, ``100 / risk_difference_pct`` (patients).
    nnh_whole : int
        ``nnh`` rounded up to whole patients, the usual way to report it.
    attributable_fraction : float
        ``risk_difference_pct / drug_pct``, in (0, 1]: the share of the drug
        arm's events in excess of the vehicle arm.
    """

    drug_pct: float
    vehicle_pct: float
    risk_difference_pct: float
    nnh: float
    nnh_whole: int
    attributable_fraction: float


def risk_difference_pct(drug_pct, vehicle_pct):
    """Absolute risk difference between a drug arm and its vehicle arm.

    Parameters
    ----------
    drug_pct : float
        Percent of patients with the event on the drug, in [0, 100].
    vehicle_pct : float
        Percent of patients with the event on vehicle, in [0, 100].

    Returns
    -------
    float
        ``drug_pct - vehicle_pct`` in percentage points, in [-100, 100].
        Zero or negative when the drug arm had no more events than vehicle.

    Raises
    ------
    ValueError
        If either percentage is not a finite number in [0, 100].

    Examples
    --------
    >>> risk_difference_pct(58, 26)
    32.0
    """
    drug = _check_pct("drug_pct", drug_pct)
    vehicle = _check_pct("vehicle_pct", vehicle_pct)
    return drug - vehicle


def number_needed_to_harm(drug_pct, vehicle_pct):
    """Number of patients treated with the drug, rather than vehicle, per extra event.

    Parameters
    ----------
    drug_pct, vehicle_pct : float
        Percent of patients with the event in each arm, in [0, 100].

    Returns
    -------
    float
        ``100 / (drug_pct - vehicle_pct)``, in patients (>= 1).

    Raises
    ------
    ValueError
        If a percentage is outside [0, 100], or if ``drug_pct`` is not above
        ``vehicle_pct``: with no excess there is no number needed to harm.

    Examples
    --------
    >>> number_needed_to_harm(46, 26)
    5.0
    """
    ard = risk_difference_pct(drug_pct, vehicle_pct)
    if ard <= 0:
        raise ValueError(
            f"no number needed to harm: drug_pct ({float(drug_pct):g} %) is not "
            f"above vehicle_pct ({float(vehicle_pct):g} %), so the risk "
            f"difference is {ard:g} percentage points; NNH is defined only for "
            "a positive difference")
    return 100.0 / ard


def excess_risk(drug_pct, vehicle_pct):
    """Risk difference, number needed to harm and attributable fraction together.

    Parameters
    ----------
    drug_pct, vehicle_pct : float
        Percent of patients with the event in each arm, in [0, 100];
        ``drug_pct`` must be above ``vehicle_pct``.

    Returns
    -------
    ExcessRisk

    Raises
    ------
    ValueError
        As for :func:`number_needed_to_harm`.

    Examples
    --------
    >>> r = excess_risk(43, 29)
    >>> round(r.risk_difference_pct, 6), r.nnh_whole
    (14.0, 8)
    """
    nnh = number_needed_to_harm(drug_pct, vehicle_pct)
    drug = float(drug_pct)
    ard = drug - float(vehicle_pct)
    return ExcessRisk(
        drug_pct=drug,
        vehicle_pct=float(vehicle_pct),
        risk_difference_pct=ard,
        nnh=nnh,
        nnh_whole=math.ceil(nnh - _WHOLE_PATIENT_TOLERANCE),
        attributable_fraction=ard / drug,
    )


def incidence_pct(cases, patients):
    """Percent of patients with an event, from counts.

    Parameters
    ----------
    cases : int
        Patients with the event, a whole number in [0, ``patients``]; a float
        without a fractional part (``1.0``) counts as a whole number.
    patients : int
        Patients at risk, a whole number >= 1.

    Returns
    -------
    float
        ``100 * cases / patients``, in [0, 100].

    Raises
    ------
    ValueError
        If a count is not a whole number, ``patients`` < 1, ``cases`` < 0 or
        ``cases`` > ``patients``.

    Examples
    --------
    >>> round(incidence_pct(1, 8), 3)
    12.5
    """
    n = check_integer("patients", patients, low=1)
    k = check_integer("cases", cases, low=0, high=n)
    return 100.0 * k / n


#: The vehicle-controlled burning comparisons in the US Protopic label:
#: (population, strength fact key, drug-arm fact key, vehicle-arm fact key).
#: Children aged 2 to 15 had no 0.1 % arm: in the US they use 0.03 % only.
PROTOPIC_BURNING_ARMS = (
    ("Adults", "tacrolimus_ointment_low_strength",
     "protopic_burning_adult_low_pct", "protopic_burning_adult_vehicle_pct"),
    ("Adults", "tacrolimus_ointment_high_strength",
     "protopic_burning_adult_high_pct", "protopic_burning_adult_vehicle_pct"),
    ("Children", "tacrolimus_ointment_low_strength",
     "protopic_burning_child_low_pct", "protopic_burning_child_vehicle_pct"),
)


def protopic_burning_comparisons():
    """Excess burning over vehicle for each arm of :data:`PROTOPIC_BURNING_ARMS`.

    Returns
    -------
    list of tuple (str, float, ExcessRisk)
        Population, ointment strength in percent, and the excess risk,
        computed from the label percentages in :mod:`tcibook.facts`.
    """
    return [(population, fact(strength).value,
             excess_risk(fact(drug).value, fact(vehicle).value))
            for population, strength, drug, vehicle in PROTOPIC_BURNING_ARMS]


def rate_per_100k(cases, person_years):
    """Incidence rate per 100,000 person-years, from a count.

    Parameters
    ----------
    cases : int
        Events, a whole number >= 0.
    person_years : float
        Follow-up in person-years, > 0.

    Returns
    -------
    float
        ``100000 * cases / person_years``.

    Examples
    --------
    >>> round(rate_per_100k(6, 44629), 2)     # 600000 / 44629
    13.44
    """
    k = check_integer("cases", cases, low=0)
    py = check_number("person_years", person_years, low=0.0, low_open=True,
                      unit="person-years")
    return PER_100K * k / py


@dataclass(frozen=True)
class ExcessRate:
    """Excess incidence in a treated group over a comparator, per 100,000 person-years.

    Attributes
    ----------
    treated_rate : float
        Incidence in the treated, per 100,000 person-years.
    rate_ratio : float
        Treated rate divided by comparator rate.
    comparator_rate : float
        ``treated_rate / rate_ratio``, per 100,000 person-years.
    excess_rate : float
        ``treated_rate - comparator_rate``, per 100,000 person-years (0 or
        negative when the ratio is at most 1).
    person_years_per_extra_case : float or None
        ``100000 / excess_rate``: person-years of treatment for one case more
        than the comparator rate predicts; ``None`` when there is no excess.
    """

    treated_rate: float
    rate_ratio: float
    comparator_rate: float
    excess_rate: float
    person_years_per_extra_case: float | None


def excess_rate(treated_rate_per_100k, rate_ratio):
    """Comparator rate, excess rate and person-years per extra case.

    With the rate in the treated :math:`I_1` and the rate ratio
    :math:`\\mathrm{IRR}` against a comparator,

    .. math:: I_0 = I_1 / \\mathrm{IRR}, \\qquad
              \\Delta I = I_1 - I_0 = I_1\\,(1 - 1/\\mathrm{IRR}),

    and :math:`10^5 / \\Delta I` person-years of treatment go with one extra
    case. The same relation as :math:`\\Delta R = R_0(\\mathrm{RR} - 1)`,
    written from the treated side.

    Parameters
    ----------
    treated_rate_per_100k : float
        Incidence in the treated, per 100,000 person-years; >= 0.
    rate_ratio : float
        Incidence rate ratio, treated against comparator; > 0.

    Returns
    -------
    ExcessRate

    Raises
    ------
    ValueError
        If the rate is negative or not a finite number, or the ratio is not a
        positive finite number.

    Examples
    --------
    >>> e = excess_rate(10.0, 2.0)      # comparator 5, excess 5 per 100,000 PY
    >>> e.comparator_rate, e.excess_rate, e.person_years_per_extra_case
    (5.0, 5.0, 20000.0)
    """
    rate = check_number("treated_rate_per_100k", treated_rate_per_100k, low=0.0,
                        unit="per 100,000 person-years")
    ratio = check_number("rate_ratio", rate_ratio, low=0.0, low_open=True)
    comparator = rate / ratio
    excess = rate - comparator
    per_case = PER_100K / excess if excess > 0 else None
    return ExcessRate(rate, ratio, comparator, excess, per_case)


#: The JOELLE cohort's lymphoma results for topical tacrolimus against
#: moderate- to high-potency topical corticosteroids:
#: population -> (rate fact, rate-ratio fact, confidence-interval fact).
JOELLE_LYMPHOMA_TACROLIMUS = {
    "children": ("joelle2018_lymphoma_rate_children_tacrolimus",
                 "joelle2018_lymphoma_irr_children_tacrolimus",
                 "joelle2018_lymphoma_irr_children_tacrolimus_ci"),
    "adults": ("joelle2018_lymphoma_rate_adults_tacrolimus",
               "joelle2018_lymphoma_irr_adults_tacrolimus",
               "joelle2018_lymphoma_irr_adults_tacrolimus_ci"),
}


def joelle_lymphoma_excess():
    """Excess lymphoma rate on topical tacrolimus in the JOELLE cohort.

    For each population the excess is computed at the reported rate ratio
    and at each end of its 95 % confidence interval, holding the rate in the
    treated fixed (a simplification: it shows how wide the range of excess
    rates compatible with the study is, not a formal interval).

    Returns
    -------
    dict
        Population -> ``(point, at_lower, at_upper)``, each an
        :class:`ExcessRate`.
    """
    out = {}
    for population, (rate_key, ratio_key, ci_key) in JOELLE_LYMPHOMA_TACROLIMUS.items():
        rate = fact(rate_key).value
        lower, upper = fact(ci_key).value
        out[population] = (excess_rate(rate, fact(ratio_key).value),
                           excess_rate(rate, lower), excess_rate(rate, upper))
    return out
