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

They describe trial populations. They are not a forecast for one patient and
not a reason to choose or avoid a product.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

from .facts import fact
from .validation import check_number

__all__ = [
    "ExcessRisk", "risk_difference_pct", "number_needed_to_harm",
    "excess_risk", "incidence_pct", "PROTOPIC_BURNING_ARMS",
    "protopic_burning_comparisons",
]

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


def _check_count(name, value, *, minimum):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a whole number >= {minimum}; "
                         f"got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be a whole number >= {minimum}; "
                         f"got {value}")
    return int(value)


def incidence_pct(cases, patients):
    """Percent of patients with an event, from counts.

    Parameters
    ----------
    cases : int
        Patients with the event, a whole number in [0, ``patients``].
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
    n = _check_count("patients", patients, minimum=1)
    k = _check_count("cases", cases, minimum=0)
    if k > n:
        raise ValueError(f"cases ({k}) cannot exceed patients ({n})")
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
