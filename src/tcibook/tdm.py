"""Therapeutic drug monitoring of systemic tacrolimus.

Tacrolimus is dosed against its whole-blood **trough**, the concentration
just before the next dose. This module holds

* the US Prograf label's trough ranges by organ, regimen and month after
  transplant (:func:`prograf_trough_range`; facts ``prograf_trough_*``);
* the steady-state relations that make trough-guided dosing work, under the
  assumption of linear, dose-proportional kinetics:
  :func:`average_steady_state_concentration`, :func:`trough_adjusted_dose`,
  :func:`fraction_of_steady_state`, :func:`time_to_steady_state_fraction` and
  :func:`early_sample_factor`;
* the effect of a CYP3A4 inhibitor or inducer, modelled as a multiplicative
  change in clearance whose size is an **illustrative** parameter, never a
  clinical magnitude (:func:`concentration_after_clearance_change`,
  :func:`dose_for_unchanged_exposure`).

Concentrations are whole-blood ng/mL, doses mg, times hours. For education
only: a calculation here is not a dose for a patient.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import numpy as np

from .facts import value
from .validation import check_array, check_fraction, check_number, scalar_or_array

__all__ = ["ORGAN_REGIMENS", "TroughTarget", "prograf_trough_range",
           "trough_adjusted_dose", "average_steady_state_concentration",
           "fraction_of_steady_state", "time_to_steady_state_fraction",
           "early_sample_factor", "concentration_after_clearance_change",
           "dose_for_unchanged_exposure"]

SOURCE = "US Prograf label"
_EARLY_LAST = value("prograf_trough_early_last_month")
_TABLE_LAST = value("prograf_trough_table_last_month")

#: (organ, regimen, first month, last month or None for open-ended, fact key)
_TROUGH_ROWS = (
    ("kidney", "azathioprine", 1, _EARLY_LAST, "prograf_trough_kidney_aza_early_ng_ml"),
    ("kidney", "azathioprine", _EARLY_LAST + 1, _TABLE_LAST,
     "prograf_trough_kidney_aza_late_ng_ml"),
    ("kidney", "mmf_il2ra", 1, _TABLE_LAST, "prograf_trough_kidney_mmf_ng_ml"),
    ("liver", "corticosteroids", 1, _TABLE_LAST, "prograf_trough_liver_ng_ml"),
    ("heart", "azathioprine_or_mmf", 1, _EARLY_LAST, "prograf_trough_heart_early_ng_ml"),
    ("heart", "azathioprine_or_mmf", _EARLY_LAST + 1, None,
     "prograf_trough_heart_late_ng_ml"),
)

#: The regimens the label's trough table names, by organ.
ORGAN_REGIMENS = {
    "kidney": ("azathioprine", "mmf_il2ra"),
    "liver": ("corticosteroids",),
    "heart": ("azathioprine_or_mmf",),
}

#: Milligrams per litre to nanograms per millilitre.
_NG_ML_PER_MG_L = 1000.0
_HOURS_PER_DAY = 24.0


@dataclass(frozen=True)
class TroughTarget:
    """A whole-blood trough range from the US Prograf label.

    Attributes
    ----------
    organ, regimen : str
        As named in :data:`ORGAN_REGIMENS`.
    low_ng_ml, high_ng_ml : float
        The range, whole-blood ng/mL.
    first_month, last_month : int, int or None
        Months after transplant the range covers (``None``: no end).
    fact_key : str
        The fact that holds the range.
    """

    organ: str
    regimen: str
    low_ng_ml: float
    high_ng_ml: float
    first_month: int
    last_month: int | None
    fact_key: str

    @property
    def midpoint_ng_ml(self):
        """Middle of the range, ng/mL."""
        return (self.low_ng_ml + self.high_ng_ml) / 2.0

    @property
    def months(self):
        """The months covered, in words (for example ``"months 4-12"``)."""
        if self.last_month is None:
            return f"month {self.first_month} on"
        return f"months {self.first_month}-{self.last_month}"

    def position(self, trough_ng_ml):
        """Say whether a trough is ``"below"``, ``"within"`` or ``"above"`` the range.

        The range includes its ends.
        """
        c = check_number("trough_ng_ml", trough_ng_ml, low=0.0, unit="ng/mL")
        if c < self.low_ng_ml:
            return "below"
        return "above" if c > self.high_ng_ml else "within"


def prograf_trough_range(organ, month, regimen=None):
    """Whole-blood trough range in the US Prograf label.

    =======  ===========================  =====================
    organ    regimen                      periods (months)
    =======  ===========================  =====================
    kidney   ``"azathioprine"``           1-3, then 4-12
    kidney   ``"mmf_il2ra"``              1-12
    liver    ``"corticosteroids"``        1-12
    heart    ``"azathioprine_or_mmf"``    1-3, then 4 onward
    =======  ===========================  =====================

    The ranges themselves are the facts ``prograf_trough_*``. They are the
    label's ranges, not KDIGO targets.

    Parameters
    ----------
    organ : {"kidney", "liver", "heart"}
        Transplanted organ.
    month : int
        Month after transplant as the label counts it: 1 for the first
        month, 2 for the second, and so on. A whole number >= 1.
    regimen : str, optional
        Companion immunosuppression, one of ``ORGAN_REGIMENS[organ]``.
        Required for the kidney (two regimens); may be omitted for the liver
        and the heart, where the label names one.

    Returns
    -------
    TroughTarget

    Raises
    ------
    ValueError
        For an unknown organ or regimen, a month that is not a whole number
        >= 1, or a month after the last one for which the label gives a range
        (month 12 for the kidney and the liver).

    Examples
    --------
    >>> t = prograf_trough_range("kidney", 3, "azathioprine")
    >>> t.low_ng_ml, t.high_ng_ml
    (7, 20)
    >>> prograf_trough_range("kidney", 4, "azathioprine").high_ng_ml
    15
    """
    if organ not in ORGAN_REGIMENS:
        raise ValueError(f"organ must be one of {tuple(ORGAN_REGIMENS)}; got {organ!r}")
    allowed = ORGAN_REGIMENS[organ]
    if regimen is None:
        if len(allowed) > 1:
            raise ValueError(f"regimen is required for the {organ}: one of {allowed}")
        regimen = allowed[0]
    elif regimen not in allowed:
        raise ValueError(f"regimen for the {organ} must be one of {allowed}; "
                         f"got {regimen!r}")
    if (isinstance(month, bool) or not isinstance(month, numbers.Integral)
            or month < 1):
        raise ValueError(f"month must be a whole month number >= 1 (1 = the first "
                         f"month after transplant); got {month!r}")
    for row_organ, row_regimen, first, last, key in _TROUGH_ROWS:
        if (row_organ, row_regimen) == (organ, regimen) and month >= first \
                and (last is None or month <= last):
            low, high = value(key)
            return TroughTarget(organ, regimen, low, high, first, last, key)
    raise ValueError(f"month must be at most {_TABLE_LAST} for the {organ}: the "
                     f"{SOURCE} gives no trough range after month {_TABLE_LAST}; "
                     f"got {month}")


def trough_adjusted_dose(dose_mg, measured_trough_ng_ml, target_trough_ng_ml):
    """Model-proportional dose: the dose a linear model maps to a target trough.

    .. math:: D_\\text{new} = D\\,\\frac{C_\\text{target}}{C_\\text{measured}}

    An illustration of the linear model, not a dosing instruction. The
    relation holds only if kinetics are linear (the trough is proportional to
    the dose), the measured trough is a true steady-state trough, and nothing
    else (interacting drugs, absorption, adherence) changes.

    Parameters
    ----------
    dose_mg : float
        Current dose (per administration or per day; the result is in the same
        unit), mg; > 0.
    measured_trough_ng_ml : float
        Measured steady-state trough, ng/mL; > 0.
    target_trough_ng_ml : float
        Target trough, ng/mL; > 0.

    Returns
    -------
    float
        The model-proportional dose, mg, not rounded to any capsule size.

    Raises
    ------
    ValueError
        If any argument is not a positive finite number.

    Examples
    --------
    >>> trough_adjusted_dose(4.0, 18.0, 7.5)    # 4 * 7.5 / 18
    1.6666666666666667
    """
    dose = check_number("dose_mg", dose_mg, low=0.0, low_open=True, unit="mg")
    measured = check_number("measured_trough_ng_ml", measured_trough_ng_ml,
                            low=0.0, low_open=True, unit="ng/mL")
    target = check_number("target_trough_ng_ml", target_trough_ng_ml, low=0.0,
                          low_open=True, unit="ng/mL")
    return dose * target / measured


def average_steady_state_concentration(dose_mg_per_kg_day, clearance_l_h_kg,
                                       bioavailability):
    """Average steady-state whole-blood concentration, ``F·dose rate / CL``.

    .. math:: \\bar C_{ss} = \\frac{F \\cdot D/\\tau}{CL}

    Parameters
    ----------
    dose_mg_per_kg_day : float
        Daily oral dose, mg/kg/day; > 0.
    clearance_l_h_kg : float
        Whole-blood clearance, L/h/kg; > 0.
    bioavailability : float
        Oral bioavailability as a fraction in (0, 1].

    Returns
    -------
    float
        Average concentration over a dosing interval, ng/mL.

    Examples
    --------
    >>> round(average_steady_state_concentration(0.1, 0.06, 0.25), 2)  # 0.025/1.44 mg/L
    17.36
    """
    rate = check_number("dose_mg_per_kg_day", dose_mg_per_kg_day, low=0.0,
                        low_open=True, unit="mg/kg/day")
    cl = check_number("clearance_l_h_kg", clearance_l_h_kg, low=0.0,
                      low_open=True, unit="L/h/kg")
    f = check_number("bioavailability", bioavailability, low=0.0, high=1.0,
                     low_open=True)
    return f * rate / (cl * _HOURS_PER_DAY) * _NG_ML_PER_MG_L


def fraction_of_steady_state(time_h, half_life_h):
    """Fraction of the final steady state reached after constant dosing for ``t``.

    .. math:: f(t) = 1 - 2^{-t/t_{1/2}}

    Parameters
    ----------
    time_h : float or array_like
        Time since dosing started (or since a dose change), h; >= 0.
    half_life_h : float
        Elimination half-life, h; > 0.

    Returns
    -------
    float or numpy.ndarray
        Fraction in [0, 1), with the shape of ``time_h``.

    Examples
    --------
    >>> fraction_of_steady_state(24, 12)     # two half-lives: 1 - 1/4
    0.75
    """
    t = check_array("time_h", time_h, low=0.0, unit="h")
    half = check_number("half_life_h", half_life_h, low=0.0, low_open=True, unit="h")
    f = 1.0 - np.exp2(-t / half)
    return scalar_or_array(f, time_h)


def time_to_steady_state_fraction(fraction, half_life_h):
    """Time to reach a fraction of steady state, ``t½·log2(1/(1 − f))``.

    Parameters
    ----------
    fraction : float
        Fraction of steady state, in [0, 1).
    half_life_h : float
        Elimination half-life, h; > 0.

    Returns
    -------
    float
        Time in hours.

    Examples
    --------
    >>> time_to_steady_state_fraction(0.75, 12)   # two half-lives
    24.0
    """
    f = check_fraction("fraction", fraction)
    if f == 1.0:
        raise ValueError("fraction must lie in [0, 1): steady state itself is "
                         "approached, never reached; got 1")
    half = check_number("half_life_h", half_life_h, low=0.0, low_open=True, unit="h")
    return half * math.log2(1.0 / (1.0 - f))


def early_sample_factor(hours_early, half_life_h):
    """How much too high a trough reads when drawn early in the decline.

    If the concentration falls mono-exponentially over the end of the dosing
    interval, a sample drawn ``Δt`` hours before the true trough time reads

    .. math:: 2^{\\Delta t / t_{1/2}}

    times the trough. Only valid for samples taken after absorption and
    distribution are over; a sample drawn near the peak reads far higher.

    Parameters
    ----------
    hours_early : float
        How long before the scheduled trough time the sample was drawn, h; >= 0.
    half_life_h : float
        Elimination half-life, h; > 0.

    Returns
    -------
    float
        Factor >= 1.

    Examples
    --------
    >>> early_sample_factor(12, 12)          # one half-life early: twice the trough
    2.0
    """
    dt = check_number("hours_early", hours_early, low=0.0, unit="h")
    half = check_number("half_life_h", half_life_h, low=0.0, low_open=True, unit="h")
    return 2.0 ** (dt / half)


def _fold(illustrative_clearance_fold):
    return check_number("illustrative_clearance_fold", illustrative_clearance_fold,
                        low=0.0, low_open=True)


def concentration_after_clearance_change(concentration_ng_ml,
                                         illustrative_clearance_fold):
    """Steady-state concentration after clearance changes by a factor.

    At an unchanged dose, every steady-state concentration scales with
    ``1/CL``. A CYP3A4 inhibitor lowers clearance (fold < 1), an inducer
    raises it (fold > 1). The fold is an **illustrative** parameter: the book
    prints no clinical magnitude for any interacting drug.

    Parameters
    ----------
    concentration_ng_ml : float or array_like
        Steady-state concentration before the change, ng/mL; >= 0.
    illustrative_clearance_fold : float
        New clearance divided by old clearance; > 0.

    Returns
    -------
    float or numpy.ndarray
        Concentration after the change, ng/mL.

    Examples
    --------
    >>> concentration_after_clearance_change(8.0, 0.5)   # clearance halved
    16.0
    """
    conc = check_array("concentration_ng_ml", concentration_ng_ml, low=0.0,
                       unit="ng/mL")
    out = conc / _fold(illustrative_clearance_fold)
    return scalar_or_array(out, concentration_ng_ml)


def dose_for_unchanged_exposure(dose_mg, illustrative_clearance_fold):
    """Dose that keeps steady-state exposure unchanged after clearance changes.

    .. math:: D_\\text{new} = D \\cdot \\frac{CL_\\text{new}}{CL_\\text{old}}

    Parameters
    ----------
    dose_mg : float
        Current dose, mg; > 0.
    illustrative_clearance_fold : float
        New clearance divided by old clearance (illustrative); > 0.

    Returns
    -------
    float
        Dose in mg, same basis as ``dose_mg``.

    Examples
    --------
    >>> dose_for_unchanged_exposure(4.0, 2.0)    # an inducer doubling clearance
    8.0
    """
    dose = check_number("dose_mg", dose_mg, low=0.0, low_open=True, unit="mg")
    return dose * _fold(illustrative_clearance_fold)
