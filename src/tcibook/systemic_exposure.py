"""From skin to blood: the permeation model as the input of a systemic model.

Drug that crosses the stratum corneum enters the blood at a rate equal to the
flux times the treated area,

.. math:: R_\\text{in}(t) = J(t)\\,A,

and the systemic model turns that input into a blood concentration. At
steady state (constant application, steady flux) the mass balance gives

.. math:: C_{ss} = \\frac{J_{ss}\\,A}{CL}.

This module connects :mod:`tcibook.permeation` (flux and its lag, with the
barrier states of :data:`~tcibook.permeation.BARRIER_SCENARIOS`) to
:mod:`tcibook.pk` (a one-compartment systemic model of tacrolimus built from
the mean clearance and half-life of the pharmacokinetic review, facts
``tacrolimus_clearance_l_h_kg`` and ``tacrolimus_half_life_h``). It also
bounds what the skin can deliver by what is applied
(:func:`applied_rate_ug_cm2_h`) and inverts the balance: which absorbed
fraction or which flux a measured blood level implies
(:func:`absorbed_fraction_for_level`, :func:`flux_for_level`).

Every permeation parameter is the **illustrative** one of
:mod:`tcibook.permeation`, and the body weight and body surface area below
are **illustrative** round numbers for an adult; none is a measured property
of a product or a patient. Units: flux µg/(cm²·h), area cm², rates mg/h,
clearance L/h, concentrations ng/mL (whole blood).

Explained in ``exposure-over-time``; practised in ``practice-11`` (chapters/).
"""

from __future__ import annotations

import math

import numpy as np

from . import permeation, pk
from .facts import value
from .validation import check_array, check_number, check_positive

__all__ = ["ILLUSTRATIVE_BODY_WEIGHT_KG", "ILLUSTRATIVE_BODY_SURFACE_CM2",
           "treated_area_cm2", "skin_flux_ug_cm2_h", "input_rate_mg_h",
           "systemic_tacrolimus_model", "steady_state_blood_ng_ml",
           "blood_course_ng_ml", "applied_rate_ug_cm2_h",
           "absorbed_fraction_for_level", "flux_for_level"]

#: An adult's body weight, kg (illustrative, not a fact).
ILLUSTRATIVE_BODY_WEIGHT_KG = 70.0
#: An adult's body surface area, cm² (1.8 m²; illustrative, not a fact).
ILLUSTRATIVE_BODY_SURFACE_CM2 = 18_000.0

_UG_PER_MG = 1000.0


def treated_area_cm2(percent_of_body_surface,
                     body_surface_cm2=ILLUSTRATIVE_BODY_SURFACE_CM2):
    """Treated area from a percentage of the body surface.

    Examples
    --------
    >>> treated_area_cm2(10)
    1800.0
    """
    pct = check_number("percent_of_body_surface", percent_of_body_surface,
                       low=0.0, high=100.0, low_open=True, unit="%")
    bsa = check_positive("body_surface_cm2", body_surface_cm2, "cm²")
    return pct / 100.0 * bsa


def skin_flux_ug_cm2_h(barrier="normal", donor_ug_cm3=None, relative_permeation=1.0):
    """Steady-state flux through the stratum corneum for a skin state.

    ``J = K·D·C_donor/h`` with the illustrative ``K``, ``D`` and ``h`` of
    :func:`tcibook.permeation.barrier_scenario`, multiplied by
    ``relative_permeation`` (for instance the measured in-vitro ratio of
    pimecrolimus to tacrolimus permeation).

    Parameters
    ----------
    barrier : str
        A key of :data:`tcibook.permeation.BARRIER_SCENARIOS`.
    donor_ug_cm3 : float, optional
        Drug concentration in the vehicle, µg/cm³; by default the
        illustrative :data:`tcibook.permeation.ILLUSTRATIVE_DONOR_UG_CM3`.
    relative_permeation : float
        Multiplier of the flux, > 0.

    Returns
    -------
    float
        µg/(cm²·h).

    Examples
    --------
    >>> round(skin_flux_ug_cm2_h("normal"), 4)      # 2 · 1e-7 · 1000 / 15e-4
    0.1333
    """
    k, d, h = permeation.barrier_scenario(barrier)
    donor = (permeation.ILLUSTRATIVE_DONOR_UG_CM3 if donor_ug_cm3 is None
             else donor_ug_cm3)
    rel = check_positive("relative_permeation", relative_permeation)
    return rel * permeation.steady_state_flux(k, d, donor, h)


def input_rate_mg_h(flux_ug_cm2_h, area_cm2):
    """Input rate into the blood, ``J·A``, mg/h.

    Examples
    --------
    >>> input_rate_mg_h(0.01, 2000)
    0.02
    """
    j = check_number("flux_ug_cm2_h", flux_ug_cm2_h, low=0.0, unit="µg/(cm²·h)")
    a = check_positive("area_cm2", area_cm2, "cm²")
    return j * a / _UG_PER_MG


def systemic_tacrolimus_model(body_weight_kg=ILLUSTRATIVE_BODY_WEIGHT_KG):
    """One-compartment systemic model of tacrolimus from the review's means.

    ``CL = 0.06 L/h/kg × weight`` (fact ``tacrolimus_clearance_l_h_kg``) and
    ``V = CL·t½/ln 2`` with the mean half-life (fact
    ``tacrolimus_half_life_h``). Drug absorbed through skin reaches the blood
    without passing gut wall and liver first, so the systemic clearance, not
    the apparent oral CL/F, is the right one.

    Examples
    --------
    >>> m = systemic_tacrolimus_model(70)
    >>> round(float(m.cl_l_h), 3), round(float(m.v_l), 1)
    (4.2, 72.7)
    """
    w = check_positive("body_weight_kg", body_weight_kg, "kg")
    cl = value("tacrolimus_clearance_l_h_kg") * w
    v = cl * value("tacrolimus_half_life_h") / math.log(2.0)
    return pk.OneCompartment(cl_l_h=cl, v_l=v)


def steady_state_blood_ng_ml(flux_ug_cm2_h, area_cm2, clearance_l_h):
    """Blood level at steady state for a constant flux, ``J·A/CL``, ng/mL.

    Exact, for any linear model (one or two compartments), as the limit that
    a constant input approaches; how long it takes depends on the model's
    slowest half-life and the permeation lag time
    (:func:`blood_course_ng_ml`), and before then the level is lower.

    Examples
    --------
    >>> steady_state_blood_ng_ml(0.001, 4200, 4.2)   # 4.2 µg/h / 4.2 L/h
    1.0
    """
    rate = input_rate_mg_h(flux_ug_cm2_h, area_cm2)
    cl = check_positive("clearance_l_h", clearance_l_h, "L/h")
    return rate / cl * pk.NG_ML_PER_MG_L


def blood_course_ng_ml(times_h, area_cm2, barrier="normal", *, model=None,
                       donor_ug_cm3=None, relative_permeation=1.0, step_h=0.5):
    """Blood concentration over time after continuous application starts at 0.

    The amount that crosses the skin in each step (from Crank's cumulative
    solution, :func:`tcibook.permeation.cumulative_permeated`, which carries
    the lag time) enters the systemic model as an infusion over that step.
    The vehicle is assumed never to run out (an "infinite dose").

    Parameters
    ----------
    times_h : array_like
        Output times, h; >= 0.
    area_cm2 : float
        Treated area, cm²; > 0.
    barrier, donor_ug_cm3, relative_permeation
        As for :func:`skin_flux_ug_cm2_h`.
    model : OneCompartment or TwoCompartment, optional
        Systemic model; by default :func:`systemic_tacrolimus_model`.
    step_h : float
        Width of the input steps, h; > 0.

    Returns
    -------
    numpy.ndarray
        ng/mL at ``times_h``.
    """
    t = check_array("times_h", times_h, low=0.0, unit="h", ndim=1)
    area = check_positive("area_cm2", area_cm2, "cm²")
    step = check_positive("step_h", step_h, "h")
    rel = check_positive("relative_permeation", relative_permeation)
    sys_model = systemic_tacrolimus_model() if model is None else model
    k, d, h = permeation.barrier_scenario(barrier)
    donor = (permeation.ILLUSTRATIVE_DONOR_UG_CM3 if donor_ug_cm3 is None
             else donor_ug_cm3)
    edges = np.arange(0.0, float(np.max(t)) + step, step)
    q = permeation.cumulative_permeated(edges, k, d, donor, h) * rel   # µg/cm²
    amounts = np.diff(q) * area / _UG_PER_MG                           # mg
    keep = amounts > 0
    if not np.any(keep):
        return np.zeros(t.shape)
    doses = pk.dosing_table(edges[:-1][keep], amounts[keep], "iv_infusion",
                            infusion_h=step)
    out = np.zeros(t.shape)
    later = t >= doses.first_h
    if np.any(later):
        out[later] = pk.concentration(sys_model, doses, t[later])
    return out


def applied_rate_ug_cm2_h(strength_pct, grams_per_application, cm2_per_application,
                          applications_per_day):
    """Drug applied per cm² of skin per hour, averaged over the day.

    Parameters
    ----------
    strength_pct : float
        Strength of the product, % w/w; in (0, 100].
    grams_per_application : float
        Product applied each time to ``cm2_per_application``, g; > 0.
    cm2_per_application : float
        The area it covers, cm²; > 0.
    applications_per_day : float
        Applications per day, > 0.

    Examples
    --------
    >>> round(applied_rate_ug_cm2_h(0.1, 0.5, 312, 2), 4)   # 500 µg/312 cm² × 2/24 h
    0.1335
    """
    s = check_number("strength_pct", strength_pct, low=0.0, high=100.0,
                     low_open=True, unit="%")
    g = check_positive("grams_per_application", grams_per_application, "g")
    a = check_positive("cm2_per_application", cm2_per_application, "cm²")
    n = check_positive("applications_per_day", applications_per_day, "1/day")
    ug_per_application = g * s / 100.0 * 1e6
    return ug_per_application / a * n / 24.0


def flux_for_level(level_ng_ml, area_cm2, clearance_l_h):
    """Steady flux that would hold a blood level, ``C·CL/A``, µg/(cm²·h).

    Examples
    --------
    >>> flux_for_level(1.0, 4200, 4.2)
    0.001
    """
    c = check_positive("level_ng_ml", level_ng_ml, "ng/mL")
    a = check_positive("area_cm2", area_cm2, "cm²")
    cl = check_positive("clearance_l_h", clearance_l_h, "L/h")
    return c / pk.NG_ML_PER_MG_L * cl * _UG_PER_MG / a


def absorbed_fraction_for_level(level_ng_ml, area_cm2, clearance_l_h,
                                applied_ug_cm2_h):
    """Fraction of the applied drug that must reach the blood to hold a level.

    ``f = (C·CL) / (applied rate per cm² × A)``, at steady state.

    Examples
    --------
    >>> absorbed_fraction_for_level(1.0, 4200, 4.2, 0.1)    # 4.2 / 420 µg/h
    0.01
    """
    rate = check_positive("applied_ug_cm2_h", applied_ug_cm2_h, "µg/(cm²·h)")
    return flux_for_level(level_ng_ml, area_cm2, clearance_l_h) / rate
