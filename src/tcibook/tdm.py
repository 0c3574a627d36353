"""Therapeutic drug monitoring of systemic tacrolimus.

Tacrolimus is dosed against its whole-blood **trough**, the concentration
just before the next dose. This module holds

* the US Prograf label's trough ranges by population (adult or paediatric),
  organ (kidney, liver, heart, lung), companion regimen and time after
  transplant (:func:`prograf_trough_range`; facts ``prograf_trough_*``);
* the steady-state relations that make trough-guided dosing work, under the
  assumption of linear, dose-proportional kinetics:
  :func:`trough_adjusted_dose`, :func:`fraction_of_steady_state` and
  :func:`early_sample_factor` (the average concentration and the time to a
  fraction of steady state live in the engine:
  :func:`tcibook.pk.average_steady_state_concentration`,
  :func:`tcibook.pk.time_to_fraction_of_steady_state`);
* the effect of a CYP3A4 inhibitor or inducer, modelled as a multiplicative
  change in clearance whose size is an **illustrative** parameter, never a
  clinical magnitude: on the average concentration
  (:func:`average_after_clearance_change`, :func:`dose_for_unchanged_exposure`),
  on the trough (:func:`trough_after_clearance_change`, computed with the pk
  engine), and over time after the interacting drug starts
  (:func:`concentration_after_clearance_change_over_time`);
* the rounding of a weight-based dose to what the capsule strengths can
  make up (:func:`capsule_dose`).

Concentrations are whole-blood ng/mL, doses mg, times hours. For education
only: a calculation here is not a dose for a patient.

Explained in ``systemic-calcineurin-inhibitors``; practised in ``practice-07``
(chapters/).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from enum import Enum

import numpy as np

from . import pk
from .facts import value
from .validation import (check_array, check_choice, check_fraction, check_integer,
                         check_number, scalar_or_array)

__all__ = ["Organ", "Regimen", "Population", "ORGAN_REGIMENS", "TroughTarget",
           "prograf_trough_range", "trough_adjusted_dose",
           "fraction_of_steady_state", "early_sample_factor",
           "average_after_clearance_change", "trough_after_clearance_change",
           "dose_for_unchanged_exposure",
           "concentration_after_clearance_change_over_time", "CapsuleDose", "capsule_dose",
           "PROGRAF_CAPSULES_MG"]

SOURCE = "US Prograf label"
_EARLY_LAST = value("prograf_trough_early_last_month")
_TABLE_LAST = value("prograf_trough_table_last_month")
_PED_LUNG_EARLY_LAST_WEEK = value("prograf_pediatric_lung_early_last_week")
#: Strengths of Prograf capsules, mg.
PROGRAF_CAPSULES_MG = value("prograf_capsule_strengths_mg")
#: Weeks the book counts in month 1 when it splits the paediatric lung range.
_WEEKS_IN_FIRST_MONTH = 4


class Organ(Enum):
    """Transplanted organ; the member or its value (``"kidney"``) is accepted."""

    KIDNEY = "kidney"
    LIVER = "liver"
    HEART = "heart"
    LUNG = "lung"


class Regimen(Enum):
    """Companion immunosuppression named in the label's trough table.

    ``NOT_NAMED`` is used for the paediatric rows, where the table names no
    companion drug.
    """

    AZATHIOPRINE = "azathioprine"
    MMF_IL2RA = "mmf_il2ra"
    CORTICOSTEROIDS = "corticosteroids"
    AZATHIOPRINE_OR_MMF = "azathioprine_or_mmf"
    NOT_NAMED = "not named"


class Population(Enum):
    """The two halves of the label's trough table."""

    ADULT = "adult"
    PEDIATRIC = "pediatric"


_A, _P = Population.ADULT, Population.PEDIATRIC
_K, _L, _H, _LU = Organ.KIDNEY, Organ.LIVER, Organ.HEART, Organ.LUNG

#: (population, organ, regimen, first month, last month or None, fact key).
#: The paediatric lung rows split month 1 by week; see _pediatric_lung.
_TROUGH_ROWS = (
    (_A, _K, Regimen.AZATHIOPRINE, 1, _EARLY_LAST,
     "prograf_trough_kidney_aza_early_ng_ml"),
    (_A, _K, Regimen.AZATHIOPRINE, _EARLY_LAST + 1, _TABLE_LAST,
     "prograf_trough_kidney_aza_late_ng_ml"),
    (_A, _K, Regimen.MMF_IL2RA, 1, _TABLE_LAST, "prograf_trough_kidney_mmf_ng_ml"),
    (_A, _L, Regimen.CORTICOSTEROIDS, 1, _TABLE_LAST, "prograf_trough_liver_ng_ml"),
    (_A, _H, Regimen.AZATHIOPRINE_OR_MMF, 1, _EARLY_LAST,
     "prograf_trough_heart_early_ng_ml"),
    (_A, _H, Regimen.AZATHIOPRINE_OR_MMF, _EARLY_LAST + 1, None,
     "prograf_trough_heart_late_ng_ml"),
    (_A, _LU, Regimen.AZATHIOPRINE_OR_MMF, 1, _EARLY_LAST,
     "prograf_trough_lung_early_ng_ml"),
    (_A, _LU, Regimen.AZATHIOPRINE_OR_MMF, _EARLY_LAST + 1, _TABLE_LAST,
     "prograf_trough_lung_late_ng_ml"),
    (_P, _K, Regimen.NOT_NAMED, 1, _TABLE_LAST,
     "prograf_trough_pediatric_kidney_ng_ml"),
    (_P, _L, Regimen.NOT_NAMED, 1, _TABLE_LAST,
     "prograf_trough_pediatric_liver_ng_ml"),
    (_P, _H, Regimen.NOT_NAMED, 1, _TABLE_LAST,
     "prograf_trough_pediatric_heart_ng_ml"),
    (_P, _LU, Regimen.NOT_NAMED, 1, _TABLE_LAST,
     "prograf_trough_pediatric_lung_late_ng_ml"),
)

#: The regimens the label's trough table names, by population and organ.
ORGAN_REGIMENS = {
    (_A, _K): (Regimen.AZATHIOPRINE, Regimen.MMF_IL2RA),
    (_A, _L): (Regimen.CORTICOSTEROIDS,),
    (_A, _H): (Regimen.AZATHIOPRINE_OR_MMF,),
    (_A, _LU): (Regimen.AZATHIOPRINE_OR_MMF,),
    (_P, _K): (Regimen.NOT_NAMED,),
    (_P, _L): (Regimen.NOT_NAMED,),
    (_P, _H): (Regimen.NOT_NAMED,),
    (_P, _LU): (Regimen.NOT_NAMED,),
}

#: The Prograf dosing interval, h (fact ``prograf_dosing_interval_h``).
_DOSING_INTERVAL_H = float(value("prograf_dosing_interval_h"))


@dataclass(frozen=True)
class TroughTarget:
    """A whole-blood trough range from the US Prograf label.

    Attributes
    ----------
    organ : Organ
    regimen : Regimen
    low_ng_ml, high_ng_ml : float
        The range, whole-blood ng/mL.
    first_month, last_month : int, int or None
        Months after transplant the range covers (``None``: no end).
    fact_key : str
        The fact that holds the range.
    population : Population
    weeks : tuple of int or None
        For the paediatric lung rows of month 1, the weeks covered
        (``(1, 2)`` or ``(3, 4)``); ``None`` otherwise.
    """

    organ: Organ
    regimen: Regimen
    low_ng_ml: float
    high_ng_ml: float
    first_month: int
    last_month: int | None
    fact_key: str
    population: Population = Population.ADULT
    weeks: tuple | None = None

    @property
    def midpoint_ng_ml(self):
        """Middle of the range, ng/mL."""
        return (self.low_ng_ml + self.high_ng_ml) / 2.0

    @property
    def months(self):
        """The time covered, in words (for example ``"months 4-12"``)."""
        if self.weeks is not None:
            return f"weeks {self.weeks[0]}-{self.weeks[1]}"
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


def _pediatric_lung_month_one(week):
    """The paediatric lung range for a week of month 1 (weeks 1 to 4)."""
    w = check_integer("week", week, low=1, high=_WEEKS_IN_FIRST_MONTH)
    early = w <= _PED_LUNG_EARLY_LAST_WEEK
    key = ("prograf_trough_pediatric_lung_early_ng_ml" if early
           else "prograf_trough_pediatric_lung_late_ng_ml")
    weeks = ((1, _PED_LUNG_EARLY_LAST_WEEK) if early
             else (_PED_LUNG_EARLY_LAST_WEEK + 1, _WEEKS_IN_FIRST_MONTH))
    low, high = value(key)
    return TroughTarget(Organ.LUNG, Regimen.NOT_NAMED, low, high, 1, 1, key,
                        Population.PEDIATRIC, weeks)


def prograf_trough_range(organ, month, regimen=None, *,
                         population=Population.ADULT, week=None):
    """Whole-blood trough range in the US Prograf label.

    ==========  =======  ============================  ==========================
    population  organ    regimen                       periods
    ==========  =======  ============================  ==========================
    adult       kidney   ``AZATHIOPRINE``              months 1-3, then 4-12
    adult       kidney   ``MMF_IL2RA``                 months 1-12
    adult       liver    ``CORTICOSTEROIDS``           months 1-12
    adult       heart    ``AZATHIOPRINE_OR_MMF``       months 1-3, then 4 onward
    adult       lung     ``AZATHIOPRINE_OR_MMF``       months 1-3, then 4-12
    pediatric   kidney   (none named)                  months 1-12
    pediatric   liver    (none named)                  months 1-12
    pediatric   heart    (none named)                  months 1-12
    pediatric   lung     (none named)                  weeks 1-2, then to month 12
    ==========  =======  ============================  ==========================

    The ranges themselves are the facts ``prograf_trough_*``. They are the
    label's ranges, not KDIGO targets.

    Parameters
    ----------
    organ : Organ or str
        Transplanted organ, a member or its value (``"kidney"``).
    month : int
        Month after transplant as the label counts it: 1 for the first
        month, 2 for the second, and so on. A whole number >= 1.
    regimen : Regimen or str, optional
        Companion immunosuppression, one of ``ORGAN_REGIMENS[(population,
        organ)]``. Required for the adult kidney (two regimens); may be
        omitted where the label names one or none.
    population : Population or str, optional
        ``"adult"`` (default) or ``"pediatric"`` (keyword only).
    week : int, optional
        Week after transplant, 1 to 4; needed (and allowed) only for the
        paediatric lung in month 1, where the label's range changes after
        week 2 (keyword only).

    Returns
    -------
    TroughTarget

    Raises
    ------
    ValueError
        For an unknown organ, population or regimen, a month that is not a
        whole number >= 1, a month after the last one for which the label
        gives a range (month 12 except for the adult heart), or a missing or
        unneeded ``week``.

    Examples
    --------
    >>> t = prograf_trough_range(Organ.KIDNEY, 3, Regimen.AZATHIOPRINE)
    >>> t.low_ng_ml, t.high_ng_ml
    (7, 20)
    >>> prograf_trough_range("kidney", 4, "azathioprine").high_ng_ml
    15
    >>> prograf_trough_range("lung", 4).low_ng_ml
    8
    >>> prograf_trough_range("lung", 1, population="pediatric", week=2).high_ng_ml
    20
    """
    organ = check_choice("organ", organ, Organ)
    population = check_choice("population", population, Population)
    allowed = ORGAN_REGIMENS[(population, organ)]
    if regimen is None:
        if len(allowed) > 1:
            names = ", ".join(repr(r.value) for r in allowed)
            raise ValueError(f"regimen is required for the {population.value} "
                             f"{organ.value}: one of {names}")
        regimen = allowed[0]
    else:
        regimen = check_choice("regimen", regimen, Regimen)
        if regimen not in allowed:
            names = ", ".join(repr(r.value) for r in allowed)
            raise ValueError(f"regimen for the {population.value} {organ.value} "
                             f"must be one of {names}; got {regimen.value!r}")
    m = check_integer("month", month, low=1, unit="(1 = the first month after "
                      "transplant)")
    ped_lung = (population, organ) == (Population.PEDIATRIC, Organ.LUNG)
    if week is not None and not (ped_lung and m == 1):
        raise ValueError("week applies only to the pediatric lung in month 1, "
                         f"where the label splits the range by week; got {week!r}")
    if ped_lung and m == 1:
        if week is None:
            raise ValueError("week is required for the pediatric lung in month 1: "
                             "a whole number in [1, 4] (the label's range changes "
                             f"after week {_PED_LUNG_EARLY_LAST_WEEK})")
        return _pediatric_lung_month_one(week)
    for row_pop, row_organ, row_regimen, first, last, key in _TROUGH_ROWS:
        if (row_pop, row_organ, row_regimen) == (population, organ, regimen) \
                and m >= first and (last is None or m <= last):
            low, high = value(key)
            return TroughTarget(organ, regimen, low, high, first, last, key,
                                population)
    raise ValueError(f"month must be at most {_TABLE_LAST} for the "
                     f"{population.value} {organ.value}: the {SOURCE} gives no "
                     f"trough range after month {_TABLE_LAST}; got {m}")


def trough_adjusted_dose(dose_mg, measured_trough_ng_ml, target_trough_ng_ml):
    """Model-proportional dose: the dose a linear model maps to a target trough.

    .. math:: D_\\text{new} = D\\,\\frac{C_\\text{target}}{C_\\text{measured}}

    An illustration of the linear model, not a dosing instruction. The
    relation holds only if kinetics are linear (the trough is proportional to
    the dose), the measured trough is a true steady-state trough, and nothing
    else (interacting drugs, absorption, adherence) changes.

    Where it holds, and where it does not
        Exact for the steady-state trough of any linear model, one or two
        compartments. Fed a trough drawn before steady state, at a fraction
        :math:`f` of the steady-state trough, it overshoots: the new dose's
        steady-state trough is the target divided by :math:`f`. For the
        typical patient of the population model (:data:`tcibook.poppk.ANDREWS_2019`)
        the day-14 trough is about 74 % of steady state, so the steady-state
        trough lands about 1.35 times the target.

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


def fraction_of_steady_state(time_h, half_life_h):
    """Fraction of the final steady state reached after constant dosing for ``t``.

    .. math:: f(t) = 1 - 2^{-t/t_{1/2}}

    Where it holds, and where it does not
        Exact for the troughs of a one-compartment drug given by bolus, at
        the dose times; with first-order absorption the error is of the order
        of :math:`e^{-k_a t}`, below 1e-6 for the one-compartment mean
        patient (:func:`tcibook.poppk.review_one_compartment`) from the first
        trough on. It fails for a two-compartment drug, which has no single
        half-life: the typical patient of :data:`tcibook.poppk.ANDREWS_2019`
        has reached about 74 % of its steady-state trough on day 14, where
        the formula gives almost 100 % with the fast half-life (about 14 h)
        and about 38 % with the slow one (about 20 days).

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



def early_sample_factor(hours_early, half_life_h):
    """How much too high a trough reads when drawn early in the decline.

    If the concentration falls mono-exponentially over the end of the dosing
    interval, a sample drawn ``Δt`` hours before the true trough time reads

    .. math:: 2^{\\Delta t / t_{1/2}}

    times the trough. Only valid for samples taken after absorption and
    distribution are over. For the one-compartment mean patient
    (:func:`tcibook.poppk.review_one_compartment`, dosed every 12 h) it agrees
    with the engine's steady-state course to 1e-4 for a sample up to 9 h
    early; a sample 11.5 h early, half an hour after the dose and during
    absorption, reads about 1.31 times the trough, not the formula's 1.94.

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


def _one_patient(model, *, one_compartment=False):
    """Check that ``model`` is one patient's pk model (scalar parameters)."""
    kinds = (pk.OneCompartment,) if one_compartment else (pk.OneCompartment,
                                                          pk.TwoCompartment)
    names = " or ".join(k.__name__ for k in kinds)
    if not isinstance(model, kinds):
        raise ValueError(f"model must be a tcibook.pk.{names}; got {model!r}")
    if any(np.ndim(getattr(model, f.name)) != 0 for f in fields(model)):
        raise ValueError("model must have scalar parameters (one patient); got "
                         "arrays of parameter sets")
    return model


def _ss_trough_per_mg(model, tau_h):
    """Steady-state trough of ``model`` per mg of each oral dose, ng/mL."""
    return pk.steady_state_concentration(model, 1.0, tau_h, 0.0)


def average_after_clearance_change(average_ng_ml, illustrative_clearance_fold):
    """Steady-state **average** concentration after clearance changes by a factor.

    .. math:: \\bar C_{ss}' = \\frac{\\bar C_{ss}}{k}

    The average over a dosing interval, :math:`F\\,D/(CL\\,\\tau)`, scales
    with :math:`1/CL` at an unchanged dose. A CYP3A4 inhibitor lowers
    clearance (fold :math:`k < 1`), an inducer raises it (:math:`k > 1`). The
    fold is an **illustrative** parameter: the book prints no clinical
    magnitude for any interacting drug.

    Where it holds, and where it does not
        Exact for the interval average (and the AUC over an interval) of any
        linear model, one or two compartments, any absorption rate, as long
        as only the clearance changes (not the bioavailability, not the
        dose). It is **not** the trough: with the volume unchanged, a lower
        clearance also flattens the decline over each interval, so the
        trough moves further than the average. For the one-compartment mean
        patient (:func:`tcibook.poppk.review_one_compartment`, 12 h
        half-life, dosed every 12 h) the trough is multiplied by about 5.1
        for a fold of 0.25 (the average by 4) and by about 0.15 for a fold of
        3 (the average by 0.33). Use :func:`trough_after_clearance_change`
        for the trough.

    Parameters
    ----------
    average_ng_ml : float or array_like
        Steady-state average concentration before the change, ng/mL; >= 0.
    illustrative_clearance_fold : float
        New clearance divided by old clearance; > 0.

    Returns
    -------
    float or numpy.ndarray
        Average concentration after the change, ng/mL.

    Examples
    --------
    >>> average_after_clearance_change(8.0, 0.5)   # clearance halved
    16.0
    """
    conc = check_array("average_ng_ml", average_ng_ml, low=0.0, unit="ng/mL")
    out = conc / _fold(illustrative_clearance_fold)
    return scalar_or_array(out, average_ng_ml)


def trough_after_clearance_change(trough_ng_ml, illustrative_clearance_fold, model,
                                  tau_h=_DOSING_INTERVAL_H):
    """Steady-state **trough** after clearance changes, computed by the pk engine.

    The model's steady-state trough (:func:`tcibook.pk.steady_state_concentration`
    at the end of the interval) is computed with the old and with the new
    clearance, other parameters unchanged; the measured trough is scaled by
    their ratio. Because the model is linear, the dose and the patient's own
    scale (bioavailability, say) cancel in the ratio; the ratio depends on the
    model's volumes, absorption and interval, which set how much the
    concentration falls over an interval.

    Parameters
    ----------
    trough_ng_ml : float
        Steady-state trough before the change, ng/mL; >= 0.
    illustrative_clearance_fold : float
        New clearance divided by old clearance; > 0.
    model : tcibook.pk.OneCompartment or tcibook.pk.TwoCompartment
        The patient's model (scalar parameters), oral doses.
    tau_h : float
        Dosing interval, h; > 0 and longer than the model's lag time; the
        Prograf interval (fact ``prograf_dosing_interval_h``) by default.

    Returns
    -------
    float
        Steady-state trough at the same dose after the change, ng/mL.

    Examples
    --------
    >>> from tcibook.pk import OneCompartment
    >>> fast = OneCompartment(cl_l_h=4.2, v_l=72.7, ka_per_h=3.58, lag_h=0.38,
    ...                       bioavailability=0.25)   # a 12 h half-life
    >>> round(trough_after_clearance_change(8.0, 0.25, fast), 1)   # not 32
    41.1
    """
    trough = check_number("trough_ng_ml", trough_ng_ml, low=0.0, unit="ng/mL")
    fold = _fold(illustrative_clearance_fold)
    m = _one_patient(model)
    tau = check_number("tau_h", tau_h, low=0.0, low_open=True, unit="h")
    changed = m.with_clearance(float(m.cl_l_h) * fold)
    return trough * _ss_trough_per_mg(changed, tau) / _ss_trough_per_mg(m, tau)


def dose_for_unchanged_exposure(dose_mg, illustrative_clearance_fold):
    """Dose that keeps the steady-state **average** (the AUC) unchanged.

    .. math:: D_\\text{new} = D \\cdot \\frac{CL_\\text{new}}{CL_\\text{old}}

    Exact for the average concentration and the AUC over an interval of any
    linear model when only the clearance changes. It does not keep the
    trough: at the new dose the trough is
    ``trough_after_clearance_change(trough, fold, model) * fold``, above the
    old trough after an inhibitor and below it after an inducer (for the
    one-compartment mean patient, about 28 % above with a fold of 0.25).

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


def concentration_after_clearance_change_over_time(
        time_h, trough_ng_ml, illustrative_clearance_fold, model,
        tau_h=_DOSING_INTERVAL_H):
    """Concentration ``t`` hours after clearance changes, at an unchanged dose.

    The patient is at steady state on oral doses every ``tau_h`` hours; the
    clearance changes at once, to ``fold`` times its value, at a dose time
    (just after the trough ``trough_ng_ml`` was drawn). In a one-compartment
    model with first-order absorption the gut does not depend on the
    clearance, so the only departure from the new steady state is in the
    body, and it decays with the **new** rate constant :math:`k' = k\\,\\text{fold}`:

    .. math:: C(t) = C'_{ss}(t \\bmod \\tau) + \\big(C_{ss}(0) - C'_{ss}(0)\\big)
              \\,e^{-k' t}

    with :math:`C_{ss}` and :math:`C'_{ss}` the old and new steady-state
    courses of the engine (:func:`tcibook.pk.steady_state_concentration`),
    scaled so that :math:`C_{ss}(0)` is the measured trough. At whole
    numbers of intervals (:math:`t = n\\tau`) this is the trough before the
    next dose: the troughs move from the old trough toward the new
    steady-state **trough** (not toward :math:`C_0/\\text{fold}`, which is
    the new *average*) with the new half-life :math:`t_{1/2}/\\text{fold}`.
    The tests hold it to the engine's numerical integration
    (:func:`tcibook.pk.concentration_ode` with a
    :class:`tcibook.pk.ClearanceChange`).

    Parameters
    ----------
    time_h : float or array_like
        Time since the change, h; >= 0.
    trough_ng_ml : float
        Steady-state trough before the change, ng/mL; >= 0.
    illustrative_clearance_fold : float
        New clearance divided by old clearance; > 0.
    model : tcibook.pk.OneCompartment
        The patient's one-compartment model (scalar parameters); the formula
        does not hold for two compartments.
    tau_h : float
        Dosing interval, h; > 0 and longer than the lag time; the Prograf
        interval by default.

    Returns
    -------
    float or numpy.ndarray
        Whole-blood concentration, ng/mL, with the shape of ``time_h``.

    Examples
    --------
    >>> from tcibook.pk import OneCompartment
    >>> fast = OneCompartment(cl_l_h=4.2, v_l=72.7, ka_per_h=3.58, lag_h=0.38,
    ...                       bioavailability=0.25)
    >>> c = concentration_after_clearance_change_over_time([0, 24], 8.0, 0.5, fast)
    >>> [round(float(x), 2) for x in c]      # trough x 1.68 after 24 h, not x 1.5
    [8.0, 13.47]
    """
    t = check_array("time_h", time_h, low=0.0, unit="h")
    trough = check_number("trough_ng_ml", trough_ng_ml, low=0.0, unit="ng/mL")
    fold = _fold(illustrative_clearance_fold)
    m = _one_patient(model, one_compartment=True)
    tau = check_number("tau_h", tau_h, low=0.0, low_open=True, unit="h")
    changed = m.with_clearance(float(m.cl_l_h) * fold)
    k_new = float(changed.cl_l_h) / float(changed.v_l)
    old_trough = _ss_trough_per_mg(m, tau)
    gap = old_trough - _ss_trough_per_mg(changed, tau)
    phase = np.mod(t, tau)
    course = pk.steady_state_concentration(changed, 1.0, tau, phase.ravel())
    per_mg = np.reshape(course, t.shape) + gap * np.exp(-k_new * t)
    return scalar_or_array(trough / old_trough * per_mg, time_h)


@dataclass(frozen=True)
class CapsuleDose:
    """A dose made up of whole capsules.

    Attributes
    ----------
    requested_mg : float
        The dose asked for, mg.
    dose_mg : float
        The nearest dose the capsules can make up, mg (a multiple of the
        smallest strength; a requested dose exactly halfway rounds up).
    capsules : dict
        Strength in mg -> number of capsules, fewest capsules first (largest
        strengths used as far as they go).
    """

    requested_mg: float
    dose_mg: float
    capsules: dict

    @property
    def n_capsules(self):
        """Total number of capsules."""
        return sum(self.capsules.values())

    @property
    def rounding_mg(self):
        """``dose_mg - requested_mg``: positive when rounded up."""
        return self.dose_mg - self.requested_mg


def capsule_dose(dose_mg, strengths_mg=None):
    """Round a dose to whole capsules and say which capsules make it up.

    The dose is rounded to the nearest multiple of the smallest strength
    (half-way rounds up), then made up with as many of the largest capsules as
    fit, then the next, and so on. Strengths must be multiples of the
    smallest, as the Prograf capsules (0.5, 1 and 5 mg) are. A model of the
    arithmetic, not a dispensing rule.

    Parameters
    ----------
    dose_mg : float
        Dose wanted for one administration, mg; > 0.
    strengths_mg : sequence of float, optional
        Capsule strengths in mg, each > 0; the Prograf capsule strengths by
        default.

    Returns
    -------
    CapsuleDose

    Raises
    ------
    ValueError
        For a dose that is not a positive finite number, a dose that rounds
        to zero capsules, or strengths that are empty, not positive or not
        multiples of the smallest.

    Examples
    --------
    >>> d = capsule_dose(3.6)           # 0.1 mg/kg/day x 72 kg, in two doses
    >>> d.dose_mg, d.capsules
    (3.5, {5.0: 0, 1.0: 3, 0.5: 1})
    >>> capsule_dose(6.3).capsules      # 6.5 mg: one 5, one 1, one 0.5
    {5.0: 1, 1.0: 1, 0.5: 1}
    """
    dose = check_number("dose_mg", dose_mg, low=0.0, low_open=True, unit="mg")
    strengths = PROGRAF_CAPSULES_MG if strengths_mg is None else strengths_mg
    sizes = sorted((float(x) for x in check_array(
        "strengths_mg", strengths, low=0.0, low_open=True, unit="mg", ndim=1)),
        reverse=True)
    if not sizes:
        raise ValueError("strengths_mg must hold at least one strength in (0, inf) mg")
    step = sizes[-1]
    for size in sizes:
        if abs(size / step - round(size / step)) > 1e-9:
            raise ValueError(f"strengths_mg must be multiples of the smallest "
                             f"strength ({step:g} mg); got {size:g}")
    units = math.floor(dose / step + 0.5 + 1e-9)
    if units == 0:
        raise ValueError(f"dose_mg must be at least half the smallest strength "
                         f"({step / 2:g} mg) to round to one capsule; got {dose:g}")
    remaining, counts = units, {}
    for size in sizes:
        per = round(size / step)
        counts[size] = remaining // per
        remaining -= counts[size] * per
    return CapsuleDose(dose, round(units * step, 9), counts)
