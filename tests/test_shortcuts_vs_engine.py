"""Every closed-form shortcut that predicts a concentration, held to the pk engine.

For each shortcut in ``tcibook.tdm``, ``tcibook.pk`` and
``tcibook.systemic_exposure`` this module checks, over a grid of scenarios
(half-lives, dosing intervals, absorption rates, clearance folds, times),
that it agrees with the engine where its docstring says it holds, and that
its error elsewhere has the size the docstring states. The engine is the
closed-form superposition (:func:`tcibook.pk.concentration`,
:func:`tcibook.pk.steady_state_concentration`) and, for a clearance that
changes with time, the numerical integration
(:func:`tcibook.pk.concentration_ode`).
"""

import math

import numpy as np
import pytest

from tcibook import pk, poppk, tdm
from tcibook import systemic_exposure as se

HALF_LIVES_H = (6.0, 12.0, 36.0)
TAUS_H = (12.0, 24.0)
KAS_PER_H = (0.7, 3.58)
FOLDS = (0.25, 0.5, 2.0, 3.0)


def _one(half_life_h, ka_per_h, v_l=70.0, bioavailability=0.25):
    cl = math.log(2) / half_life_h * v_l
    return pk.OneCompartment(cl_l_h=cl, v_l=v_l, ka_per_h=ka_per_h, lag_h=0.38,
                             bioavailability=bioavailability)


def _models():
    """One-compartment models over the grid, and the population model's
    typical (two-compartment) patient."""
    models = [(f"1cmt t½ {h:g} h ka {ka:g}", _one(h, ka))
              for h in HALF_LIVES_H for ka in KAS_PER_H]
    models.append(("2cmt Andrews typical", poppk.ANDREWS_2019.individual(np.zeros(4))))
    return models


MODELS = _models()
MEAN = poppk.review_one_compartment()


def _ss_average(model, dose_mg, tau_h, n=4001):
    """Average over an interval at steady state, by integrating the engine's
    steady-state course numerically (trapezoid rule)."""
    s = np.linspace(0.0, tau_h, n)
    c = pk.steady_state_concentration(model, dose_mg, tau_h, s[:-1])
    c = np.append(c, c[0])                       # periodic: C(τ) = C(0)
    return float(np.trapezoid(c, s)) / tau_h


def _trough(model, tau_h):
    return pk.steady_state_concentration(model, 1.0, tau_h, 0.0)


def _scaled(model, fold):
    return model.with_clearance(float(model.cl_l_h) * fold)


# --- Averages: exact in every linear model -------------------------------------

@pytest.mark.parametrize(("name", "model"), MODELS, ids=[m[0] for m in MODELS])
@pytest.mark.parametrize("tau", TAUS_H)
def test_average_formulas_agree_with_the_engine(name, model, tau):
    dose, weight = 4.0, 70.0
    engine = _ss_average(model, dose, tau)
    f = float(model.bioavailability)
    cl = float(model.cl_l_h)
    assert pk.average_steady_state_concentration(dose, tau, cl, f) == \
        pytest.approx(engine, rel=1e-4)
    per_kg_day = dose * 24.0 / tau / weight       # per kg, with a day as interval
    assert pk.average_steady_state_concentration(per_kg_day, 24.0, cl / weight, f) == \
        pytest.approx(engine, rel=1e-4)


@pytest.mark.parametrize(("name", "model"), MODELS, ids=[m[0] for m in MODELS])
@pytest.mark.parametrize("fold", FOLDS)
def test_average_after_a_clearance_change_is_exact_but_the_trough_moves_further(
        name, model, fold):
    tau = 12.0
    before, after = _ss_average(model, 1.0, tau), _ss_average(_scaled(model, fold), 1.0, tau)
    assert tdm.average_after_clearance_change(before, fold) == pytest.approx(after, rel=1e-4)
    # the dose for unchanged exposure keeps the average exactly
    kept = _ss_average(_scaled(model, fold), tdm.dose_for_unchanged_exposure(1.0, fold), tau)
    assert kept == pytest.approx(before, rel=1e-4)
    # the trough: engine ratio, which goes further than 1/fold
    ratio = _trough(_scaled(model, fold), tau) / _trough(model, tau)
    assert tdm.trough_after_clearance_change(1.0, fold, model, tau) == \
        pytest.approx(ratio, rel=1e-9)
    if fold < 1:
        assert ratio > 1.0 / fold
    else:
        assert ratio < 1.0 / fold


def test_the_trough_numbers_the_docstrings_state_for_the_mean_patient():
    # average x4 and x1/3; trough about x5.1 and x0.15 (practice 7: 41 and 1.2 from 8)
    assert tdm.trough_after_clearance_change(8.0, 0.25, MEAN) == pytest.approx(41.1, abs=0.05)
    assert tdm.trough_after_clearance_change(8.0, 3.0, MEAN) == pytest.approx(1.23, abs=0.01)
    assert tdm.average_after_clearance_change(8.0, 0.25) == 32.0
    # at the dose for unchanged exposure the trough is about 28 % above the old
    kept = tdm.trough_after_clearance_change(8.0, 0.25, MEAN) * 0.25
    assert kept / 8.0 == pytest.approx(1.28, abs=0.01)


# --- The time course after a clearance change: the ODE engine -----------------------

def _ode_course(model, fold, tau, times_after_h):
    """Troughs/levels after an immediate clearance change at a dose time,
    from a long run that reaches steady state first (numerical integration)."""
    k = float(model.cl_l_h) / float(model.v_l)
    n_before = math.ceil(25 * math.log(2) / (k * tau)) + 2     # 25 half-lives
    t0 = n_before * tau
    n_after = math.ceil(max(times_after_h) / tau) + 1
    doses = pk.repeated_doses(1.0, tau, n_before + n_after)
    change = pk.ClearanceChange(fold, t0)
    c = pk.concentration_ode(model, doses, t0 + np.asarray(times_after_h), change)
    return c / c[0]


@pytest.mark.parametrize("half_life", HALF_LIVES_H[:2])
@pytest.mark.parametrize("ka", KAS_PER_H)
@pytest.mark.parametrize("tau", TAUS_H)
@pytest.mark.parametrize("fold", (0.5, 3.0))
def test_course_after_a_clearance_change_agrees_with_the_ode(half_life, ka, tau, fold):
    model = _one(half_life, ka)
    times = [0.0, 5.0, tau, 2 * tau, 2 * tau + 1.5, 4 * tau, 48.0, 96.0]
    engine = _ode_course(model, fold, tau, times)
    got = tdm.concentration_after_clearance_change_over_time(times, 1.0, fold, model, tau)
    assert got == pytest.approx(engine, rel=1e-6)


def test_the_constant_input_formula_fails_for_troughs_by_the_stated_amount():
    # eq-exp-interaction / the old shortcut: C0/k + (C0 - C0/k) 2^{-t k / t½}
    half, fold = 12.0, 0.5
    constant_input = 1.0 / fold + (1.0 - 1.0 / fold) * 2 ** (-24.0 * fold / half)
    engine = _ode_course(MEAN, fold, 12.0, [0.0, 24.0])[1]
    assert constant_input == pytest.approx(1.50)
    assert engine == pytest.approx(1.68, abs=0.005)       # practice 7
    assert tdm.concentration_after_clearance_change_over_time(24.0, 1.0, fold, MEAN) == \
        pytest.approx(engine, rel=1e-6)


def test_the_constant_input_formula_holds_for_a_constant_input():
    # back-to-back infusions are a constant input: there eq-exp-interaction is exact
    model = pk.OneCompartment(cl_l_h=math.log(2) / 12 * 70, v_l=70.0)
    tau, fold, n_before = 12.0, 0.5, 40
    doses = pk.repeated_doses(1.0, tau, n_before + 10, route="iv_infusion", infusion_h=tau)
    t0 = n_before * tau
    times = t0 + np.array([0.0, 7.0, 24.0, 60.0])
    c = pk.concentration_ode(model, doses, times, pk.ClearanceChange(fold, t0))
    c0 = c[0]
    expected = c0 / fold + (c0 - c0 / fold) * 2 ** (-(times - t0) * fold / 12)
    assert c == pytest.approx(expected, rel=1e-6)


# --- Fraction of steady state and its inverse ----------------------------------------

@pytest.mark.parametrize("half_life", HALF_LIVES_H)
@pytest.mark.parametrize("tau", TAUS_H)
def test_fraction_of_steady_state_is_exact_for_bolus_troughs(half_life, tau):
    model = pk.OneCompartment(cl_l_h=math.log(2) / half_life * 50, v_l=50.0)
    doses = pk.repeated_doses(1.0, tau, 12, route="iv_bolus")
    troughs = pk.trough_before_doses(model, doses)
    ss = pk.steady_state_concentration(model, 1.0, tau, tau * (1 - 1e-12), "iv_bolus")
    times = doses.times_h[1:]
    assert troughs / ss == pytest.approx(tdm.fraction_of_steady_state(times, half_life),
                                         rel=1e-9)


def test_fraction_of_steady_state_for_the_oral_mean_patient():
    doses = pk.repeated_doses(1.0, 12.0, 20)
    troughs = pk.trough_before_doses(MEAN, doses)
    expected = tdm.fraction_of_steady_state(doses.times_h[1:], 12.0)
    assert np.max(np.abs(troughs / _trough(MEAN, 12.0) - expected)) < 1e-6


def test_fraction_of_steady_state_fails_for_two_compartments_as_stated():
    typical = poppk.ANDREWS_2019.individual(np.zeros(4))
    doses = pk.repeated_doses(1.0, 12.0, 29)                   # trough on day 14
    engine = pk.trough_before_doses(typical, doses)[-1] / _trough(typical, 12.0)
    _, lam = typical.disposition()
    fast, slow = (math.log(2) / x for x in lam[0])
    assert engine == pytest.approx(0.74, abs=0.01)
    assert fast == pytest.approx(14, abs=0.5) and slow / 24 == pytest.approx(20, abs=0.5)
    assert tdm.fraction_of_steady_state(336.0, fast) > 0.99
    assert tdm.fraction_of_steady_state(336.0, slow) == pytest.approx(0.38, abs=0.01)


@pytest.mark.parametrize("fraction", (0.5, 0.9, 0.99))
@pytest.mark.parametrize("half_life", HALF_LIVES_H)
def test_time_to_a_fraction_inverts_the_fraction(fraction, half_life):
    t = pk.time_to_fraction_of_steady_state(fraction, math.log(2) / half_life)
    assert tdm.fraction_of_steady_state(t, half_life) == pytest.approx(fraction)


def test_time_to_90_percent_fails_for_two_compartments_as_stated():
    # pk.time_to_fraction_of_steady_state: about 43 days for the typical
    # patient's troughs, about 2 days by the formula with the fast half-life
    typical = poppk.ANDREWS_2019.individual(np.zeros(4))
    doses = pk.repeated_doses(1.0, 12.0, 200)
    reached = pk.trough_before_doses(typical, doses) / _trough(typical, 12.0)
    first_90_d = doses.times_h[1:][np.argmax(reached >= 0.9)] / 24
    assert first_90_d == pytest.approx(43, abs=1)
    _, lam = typical.disposition()
    fast_k = float(np.max(lam[0]))
    assert pk.time_to_fraction_of_steady_state(0.9, fast_k) / 24 == \
        pytest.approx(2, abs=0.25)


# --- Proportional dose ------------------------------------------------------------

@pytest.mark.parametrize(("name", "model"), MODELS, ids=[m[0] for m in MODELS])
def test_proportional_dose_is_exact_at_steady_state(name, model):
    tau, dose, target = 12.0, 4.0, 7.5
    measured = pk.steady_state_concentration(model, dose, tau, 0.0)
    new = tdm.trough_adjusted_dose(dose, measured, target)
    assert pk.steady_state_concentration(model, new, tau, 0.0) == pytest.approx(target)


def test_proportional_dose_from_a_day_14_trough_overshoots_as_stated():
    typical = poppk.ANDREWS_2019.individual(np.zeros(4))
    dose, target = 4.0, 7.5
    day14 = pk.trough_before_doses(typical, pk.repeated_doses(dose, 12.0, 29))[-1]
    new = tdm.trough_adjusted_dose(dose, day14, target)
    landed = pk.steady_state_concentration(typical, new, 12.0, 0.0)
    assert landed / target == pytest.approx(1.35, abs=0.02)


# --- Early sample ---------------------------------------------------------------------

@pytest.mark.parametrize("early", (1.0, 3.0, 6.0, 9.0))
def test_early_sample_factor_after_absorption(early):
    engine = (pk.steady_state_concentration(MEAN, 1.0, 12.0, 12.0 - early)
              / _trough(MEAN, 12.0))
    assert tdm.early_sample_factor(early, 12.0) == pytest.approx(engine, rel=1e-4)


def test_early_sample_factor_fails_during_absorption_as_stated():
    engine = pk.steady_state_concentration(MEAN, 1.0, 12.0, 0.5) / _trough(MEAN, 12.0)
    assert engine == pytest.approx(1.31, abs=0.01)
    assert tdm.early_sample_factor(11.5, 12.0) == pytest.approx(1.94, abs=0.01)


# --- Accumulation ratio ------------------------------------------------------------------

@pytest.mark.parametrize("half_life", HALF_LIVES_H)
@pytest.mark.parametrize("tau", TAUS_H)
def test_accumulation_ratio_is_exact_for_a_bolus_at_every_time(half_life, tau):
    model = pk.OneCompartment(cl_l_h=math.log(2) / half_life * 50, v_l=50.0)
    s = np.array([0.0, 0.5, 0.3 * tau, 0.9 * tau])
    first = pk.concentration(model, pk.dosing_table([0.0], 1.0, "iv_bolus"), s)
    ss = pk.steady_state_concentration(model, 1.0, tau, s, "iv_bolus")
    k = math.log(2) / half_life
    assert ss / first == pytest.approx(pk.accumulation_ratio(k, tau), rel=1e-9)


@pytest.mark.parametrize("half_life", HALF_LIVES_H)
@pytest.mark.parametrize("ka", (3.58, 8.0))
def test_accumulation_ratio_for_oral_doses_holds_once_absorption_is_over(half_life, ka):
    model, tau = _one(half_life, ka), 12.0
    k = math.log(2) / half_life
    late = 0.38 + 25.0 / ka            # absorption over to e^-25
    s = np.array([late, 0.5 * (late + tau), tau * 0.99])
    first = pk.concentration(model, pk.dosing_table([0.0], 1.0), s)
    ss = pk.steady_state_concentration(model, 1.0, tau, s)
    assert ss / first == pytest.approx(pk.accumulation_ratio(k, tau), rel=1e-6)


def test_accumulation_ratio_fails_during_absorption_as_stated():
    first = pk.concentration(MEAN, pk.dosing_table([0.0], 1.0), 0.5)
    ratio = pk.steady_state_concentration(MEAN, 1.0, 12.0, 0.5) / first
    k = float(MEAN.cl_l_h) / float(MEAN.v_l)
    assert pk.accumulation_ratio(k, 12.0) == pytest.approx(2.0)
    assert ratio == pytest.approx(3.9, abs=0.01)
    two_h = (pk.steady_state_concentration(MEAN, 1.0, 12.0, 2.0)
             / pk.concentration(MEAN, pk.dosing_table([0.0], 1.0), 2.0))
    assert two_h == pytest.approx(2.0, abs=0.01)


# --- Skin to blood: constant input ------------------------------------------------------

@pytest.mark.parametrize("model", [se.systemic_tacrolimus_model(),
                                   pk.TwoCompartment(5.0, 30.0, 20.0, 300.0)],
                         ids=["1cmt", "2cmt"])
def test_steady_state_blood_level_is_the_engine_limit_of_a_constant_input(model):
    flux, area, step = 0.001, 4200.0, 12.0
    rate_mg_h = se.input_rate_mg_h(flux, area)
    n = 400
    doses = pk.repeated_doses(rate_mg_h * step, step, n, route="iv_infusion",
                              infusion_h=step)
    late = pk.concentration(model, doses, n * step - 1.0)
    assert late == pytest.approx(
        se.steady_state_blood_ng_ml(flux, area, float(model.cl_l_h)), rel=1e-6)


# --- The pace of an inducer (exposure-over-time) -------------------------------------

def test_inducer_pace_is_set_by_the_enzyme_and_by_the_drug_kinetics():
    from figs import interaction_course as ic

    doses, model, _, inducer = ic.scenario()
    start, stop = ic.START_DAY * 24.0, ic.STOP_DAY * 24.0
    at_once = pk.ClearanceChange(inducer.fold, inducer.start_h, inducer.stop_h)

    def days_to_90(change):
        t, c = ic.trough_course(change, doses, model)
        on = t <= stop
        return ((ic.time_to_90_percent(t[on], c[on], start) - start) / 24,
                (ic.time_to_90_percent(t, c, stop) - stop) / 24)

    once_on, once_off = days_to_90(at_once)
    slow_on, slow_off = days_to_90(inducer)
    enzyme_alone = inducer.turnover_half_life_h * math.log2(10) / 24
    # without the enzyme: the shorter induced half-life sets in, the old one wears off
    assert once_on < once_off
    # with it: the trough's fall is over before the multiplier's own 90 %,
    # its recovery after it
    assert once_on < slow_on < enzyme_alone < slow_off
