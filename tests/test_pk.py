"""The pharmacokinetic engine against closed forms computed by hand, the ODE
path against the closed-form path, the interaction time course, and bad input."""

import math

import numpy as np
import pytest

from tcibook import pk
from tcibook.pk import (ClearanceChange, OneCompartment, TwoCompartment,
                        concentration, concentration_ode, dosing_table,
                        repeated_doses)

# A one-compartment model with round numbers: k = CL/V = 0.1/h.
CL, V = 10.0, 100.0
K = CL / V
ONE = OneCompartment(cl_l_h=CL, v_l=V)
TWO = TwoCompartment(cl_l_h=23.0, v1_l=692.0, q_l_h=11.6, v2_l=5340.0,
                     ka_per_h=3.58, lag_h=0.38)


# --- hand-computed closed forms ------------------------------------------------

def test_single_bolus_is_dose_over_volume_decaying():
    d = dosing_table([0.0], 50.0, "iv_bolus")
    t = np.array([0.0, 5.0, 20.0])
    expected = 50.0 / V * np.exp(-K * t) * 1000       # ng/mL
    np.testing.assert_allclose(concentration(ONE, d, t), expected, rtol=1e-12)


def test_troughs_after_first_and_third_bolus():
    tau, dose = 12.0, 100.0
    d = repeated_doses(dose, tau, 4, route="iv_bolus")
    troughs = pk.trough_before_doses(ONE, d)     # before doses 2, 3, 4
    q = math.exp(-K * tau)
    first = dose / V * q * 1000
    third = dose / V * (q + q**2 + q**3) * 1000
    assert troughs[0] == pytest.approx(first, rel=1e-12)
    assert troughs[2] == pytest.approx(third, rel=1e-12)


def test_oral_trough_after_first_and_third_dose():
    ka, f, tau, dose = 1.2, 0.5, 12.0, 4.0
    m = OneCompartment(CL, V, ka_per_h=ka, bioavailability=f)
    d = repeated_doses(dose, tau, 4)
    got = pk.trough_before_doses(m, d, indices=[1, 3])

    def single(t):
        return f * dose * ka / (V * (ka - K)) * (math.exp(-K * t) - math.exp(-ka * t)) * 1000

    assert got[0] == pytest.approx(single(tau), rel=1e-10)
    assert got[1] == pytest.approx(single(tau) + single(2 * tau) + single(3 * tau),
                                   rel=1e-10)


def test_steady_state_trough_and_peak_of_repeated_boluses():
    tau, dose = 8.0, 100.0
    q = math.exp(-K * tau)
    peak = dose / V / (1 - q) * 1000
    trough = peak * q
    assert pk.steady_state_concentration(ONE, dose, tau, 0.0, "iv_bolus") == \
        pytest.approx(peak, rel=1e-12)
    # the end of the interval, approached from the left
    assert pk.steady_state_concentration(ONE, dose, tau, tau - 1e-9, "iv_bolus") == \
        pytest.approx(trough, rel=1e-8)
    # many doses converge to it
    d = repeated_doses(dose, tau, 200, route="iv_bolus")
    assert pk.trough_before_doses(ONE, d, indices=[199])[0] == pytest.approx(trough,
                                                                            rel=1e-9)


def test_oral_steady_state_matches_hand_formula_and_many_doses():
    ka, tau, dose = 0.8, 12.0, 5.0
    m = OneCompartment(CL, V, ka_per_h=ka)
    s = np.array([0.0, 1.0, 3.0, 11.0])
    hand = dose * ka / (V * (ka - K)) * (np.exp(-K * s) / (1 - math.exp(-K * tau))
                                         - np.exp(-ka * s) / (1 - math.exp(-ka * tau))) * 1000
    np.testing.assert_allclose(pk.steady_state_concentration(m, dose, tau, s), hand,
                               rtol=1e-12)
    d = repeated_doses(dose, tau, 300)
    np.testing.assert_allclose(concentration(m, d, 299 * tau + s), hand, rtol=1e-9)


def test_steady_state_peak_time_on_a_fine_grid():
    ka, tau = 0.8, 12.0
    m = OneCompartment(CL, V, ka_per_h=ka)
    tmax = math.log(ka * (1 - math.exp(-K * tau)) / (K * (1 - math.exp(-ka * tau)))) / (ka - K)
    grid = np.linspace(0, tau, 12001)[:-1]
    cmax, t_peak = pk.peak(grid, pk.steady_state_concentration(m, 5.0, tau, grid))
    assert t_peak == pytest.approx(tmax, abs=2e-3)
    assert cmax == pytest.approx(float(pk.steady_state_concentration(m, 5.0, tau, tmax)),
                                 rel=1e-6)


def test_accumulation_ratio_by_hand():
    k = math.log(2) / 12
    assert pk.accumulation_ratio(k, 12) == pytest.approx(2.0)
    assert pk.accumulation_ratio(k, 6) == pytest.approx(1 / (1 - 2 ** -0.5))
    # equals steady-state trough over first-dose trough
    d = repeated_doses(1.0, 6.0, 400, route="iv_bolus")
    m = OneCompartment(cl_l_h=k * 50, v_l=50.0)
    tr = pk.trough_before_doses(m, d, indices=[1, 399])
    assert tr[1] / tr[0] == pytest.approx(1 / (1 - 2 ** -0.5), rel=1e-9)


def test_time_to_90_percent_of_steady_state():
    half = 12.0
    k = math.log(2) / half
    t90 = pk.time_to_fraction_of_steady_state(0.9, k)
    assert t90 == pytest.approx(half * math.log2(10))          # 39.86 h
    # a long infusion reaches 90 % of R/CL at that time
    m = OneCompartment(cl_l_h=k * 100, v_l=100.0)
    d = dosing_table([0.0], 10_000.0, "iv_infusion", infusion_h=10_000.0)
    css = 1.0 / m.cl_l_h * 1000                               # rate 1 mg/h
    assert concentration(m, d, t90) == pytest.approx(0.9 * css, rel=1e-10)


def test_average_steady_state_and_auc_over_an_interval():
    ka, f, tau, dose = 1.5, 0.25, 12.0, 5.0
    m = OneCompartment(CL, V, ka_per_h=ka, bioavailability=f)
    assert pk.average_steady_state_concentration(dose, tau, CL, f) == \
        pytest.approx(f * dose / (CL * tau) * 1000)
    grid = np.linspace(0, tau, 4801)
    c = np.append(pk.steady_state_concentration(m, dose, tau, grid[:-1]),
                  pk.steady_state_concentration(m, dose, tau, 0.0))
    # AUC over one interval at steady state = F·D/CL
    assert pk.auc(grid, c) == pytest.approx(f * dose / CL * 1000, rel=1e-5)


def test_ka_equal_to_k_has_a_finite_limit():
    m = OneCompartment(CL, V, ka_per_h=K)
    d = dosing_table([0.0], 1.0)
    t = 10.0
    limit = K * t * math.exp(-K * t) / V * 1000        # ka·t·e^{−kt}/V
    assert concentration(m, d, t) == pytest.approx(limit, rel=1e-12)
    near = OneCompartment(CL, V, ka_per_h=K * (1 + 1e-7))
    assert concentration(near, d, t) == pytest.approx(limit, rel=1e-6)
    ss = pk.steady_state_concentration(m, 1.0, 12.0, [0.0, 4.0])
    many = concentration(m, repeated_doses(1.0, 12.0, 600), 599 * 12 + np.array([0, 4.0]))
    np.testing.assert_allclose(ss, many, rtol=1e-9)


def test_lag_time_delays_the_curve():
    lagged = OneCompartment(CL, V, ka_per_h=1.0, lag_h=2.0)
    plain = OneCompartment(CL, V, ka_per_h=1.0)
    d = dosing_table([0.0], 1.0)
    assert concentration(lagged, d, 1.5) == 0.0
    assert concentration(lagged, d, 7.0) == pytest.approx(concentration(plain, d, 5.0))


def test_doses_at_arbitrary_times_and_amounts_superpose():
    d = dosing_table([0.0, 5.0, 5.0, 17.5], [1.0, 2.0, 0.5, 3.0], "iv_bolus")
    t = 30.0
    hand = sum(a / V * math.exp(-K * (t - td)) for td, a in
               [(0, 1.0), (5, 2.0), (5, 0.5), (17.5, 3.0)]) * 1000
    assert concentration(ONE, d, t) == pytest.approx(hand, rel=1e-12)


def test_two_compartment_bolus_matches_hand_macro_constants():
    m = TwoCompartment(cl_l_h=5.0, v1_l=10.0, q_l_h=2.0, v2_l=20.0)
    k10, k12, k21 = 0.5, 0.2, 0.1
    s = k10 + k12 + k21
    alpha = (s + math.sqrt(s * s - 4 * k10 * k21)) / 2
    beta = (s - math.sqrt(s * s - 4 * k10 * k21)) / 2
    t = 3.0
    hand = (1 / 10.0) * ((alpha - k21) * math.exp(-alpha * t)
                         + (k21 - beta) * math.exp(-beta * t)) / (alpha - beta) * 1000
    assert concentration(m, dosing_table([0], 1.0, "iv_bolus"), t) == \
        pytest.approx(hand, rel=1e-12)


# --- ODE against closed form ---------------------------------------------------

CASES = [
    ("one, oral, lag", OneCompartment(CL, V, ka_per_h=1.3, lag_h=0.5, bioavailability=0.8),
     dict(route="oral")),
    ("one, bolus", ONE, dict(route="iv_bolus")),
    ("one, infusion", ONE, dict(route="iv_infusion", infusion_h=2.0)),
    ("two, oral, lag", TWO, dict(route="oral")),
    ("two, bolus", TWO, dict(route="iv_bolus")),
    ("two, infusion", TWO, dict(route="iv_infusion", infusion_h=1.5)),
    ("one, ka = k", OneCompartment(CL, V, ka_per_h=K), dict(route="oral")),
]


@pytest.mark.parametrize("name, model, kw", CASES, ids=[c[0] for c in CASES])
def test_ode_agrees_with_closed_form(name, model, kw):
    d = dosing_table([0.0, 12.0, 24.0, 30.0, 48.0], [5.0, 5.0, 2.5, 5.0, 5.0], **kw)
    t = np.linspace(1.0, 80.0, 160)
    closed = concentration(model, d, t)
    ode = concentration_ode(model, d, t)
    np.testing.assert_allclose(ode, closed, rtol=1e-6)


def test_ode_with_an_unchanging_clearance_change_is_the_closed_form():
    d = repeated_doses(5.0, 12.0, 6)
    t = np.linspace(1.0, 72.0, 50)
    c = ClearanceChange(fold=1.0, start_h=20.0)
    np.testing.assert_allclose(concentration_ode(TWO, d, t, c),
                               concentration(TWO, d, t), rtol=1e-6)


# --- interaction time course ---------------------------------------------------

def _infusion_model():
    # constant input of 1 mg/h from t = 0 (one very long infusion)
    return dosing_table([0.0], 10_000.0, "iv_infusion", infusion_h=10_000.0)


def test_inhibitor_start_approaches_new_level_with_the_new_half_life():
    fold, t0 = 0.5, 100.0
    d = _infusion_model()
    k_new = K * fold
    c0 = 1.0 / CL * (1 - math.exp(-K * t0)) * 1000
    c_new = 1.0 / (CL * fold) * 1000
    t = np.array([t0, t0 + 10, t0 + 50, t0 + 200])
    hand = c_new + (c0 - c_new) * np.exp(-k_new * (t - t0))
    got = concentration_ode(ONE, d, t, ClearanceChange(fold, t0))
    np.testing.assert_allclose(got, hand, rtol=1e-8)
    # 90 % of the change takes ln(10)/k_new: twice as long as before the inhibitor
    t90 = t0 + math.log(10) / k_new
    frac = (concentration_ode(ONE, d, t90, ClearanceChange(fold, t0)) - c0) / (c_new - c0)
    assert frac == pytest.approx(0.9, rel=1e-7)


def test_inhibitor_stop_returns_with_the_original_half_life():
    fold, t0, t1 = 0.5, 0.0, 400.0
    d = _infusion_model()
    change = ClearanceChange(fold, t0, stop_h=t1)
    c_stop = 1.0 / (CL * fold) * (1 - math.exp(-K * fold * t1)) * 1000
    c_old = 1.0 / CL * 1000
    t = t1 + np.array([5.0, 23.0, 60.0])
    hand = c_old + (c_stop - c_old) * np.exp(-K * (t - t1))
    np.testing.assert_allclose(concentration_ode(ONE, d, t, change), hand, rtol=1e-8)


def test_inducer_multiplier_follows_enzyme_turnover():
    c = ClearanceChange(fold=3.0, start_h=10.0, stop_h=130.0, turnover_half_life_h=30.0)
    k = math.log(2) / 30.0
    assert c.multiplier(5.0) == 1.0
    assert float(c.multiplier(40.0)) == pytest.approx(1 + 2 * 0.5)
    reached = 1 + 2 * (1 - math.exp(-k * 120))
    assert float(c.multiplier(130.0)) == pytest.approx(reached)
    assert float(c.multiplier(160.0)) == pytest.approx(1 + (reached - 1) * 0.5)


def test_inducer_lowers_the_level_gradually():
    d = _infusion_model()
    c = ClearanceChange(fold=2.0, start_h=200.0, turnover_half_life_h=48.0)
    t = np.array([200.0, 250.0, 400.0, 1200.0])
    got = concentration_ode(ONE, d, t, c)
    assert np.all(np.diff(got) < 0)
    assert got[-1] == pytest.approx(1.0 / (2 * CL) * 1000, rel=1e-3)


# --- vectorisation -------------------------------------------------------------

def test_parameter_arrays_give_one_row_per_patient():
    cls = np.array([15.0, 23.0, 40.0])
    many = TwoCompartment(cls, 692.0, 11.6, 5340.0, 3.58, 0.38)
    d = repeated_doses(5.0, 12.0, 10)
    t = np.linspace(0, 120, 241)
    out = concentration(many, d, t)
    assert out.shape == (3, 241)
    for row, cl in zip(out, cls):
        one = TwoCompartment(cl, 692.0, 11.6, 5340.0, 3.58, 0.38)
        np.testing.assert_allclose(row, concentration(one, d, t), rtol=1e-12)


def test_direct_and_running_sum_paths_agree():
    # an infusion takes the direct path; the same model as bolus takes the fast one
    m = TwoCompartment(np.array([20.0, 30.0]), 692.0, 11.6, 5340.0, 3.58, 0.38)
    d = repeated_doses(5.0, 12.0, 8)
    t = np.linspace(0.05, 100.0, 333)
    fast = pk._superpose(m, d, t)
    slow = np.zeros_like(fast)
    for td, amount in zip(d.times_h, d.amounts_mg):
        slow += amount * pk._unit_response(m, d.route, 0.0, (t - td)[None, None, :])[:, 0, :]
    np.testing.assert_allclose(fast, slow * 1000, rtol=1e-9, atol=1e-12)


# --- bad input -------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, name", [
    (dict(dose_mg=-1.0, tau_h=12, n_doses=3), "dose_mg"),
    (dict(dose_mg=0.0, tau_h=12, n_doses=3), "dose_mg"),
    (dict(dose_mg=1.0, tau_h=0.0, n_doses=3), "tau_h"),
    (dict(dose_mg=1.0, tau_h=-12, n_doses=3), "tau_h"),
    (dict(dose_mg=float("nan"), tau_h=12, n_doses=3), "dose_mg"),
    (dict(dose_mg=1.0, tau_h=float("inf"), n_doses=3), "tau_h"),
    (dict(dose_mg=True, tau_h=12, n_doses=3), "dose_mg"),
    (dict(dose_mg="5", tau_h=12, n_doses=3), "dose_mg"),
    (dict(dose_mg=1.0, tau_h=12, n_doses=0), "n_doses"),
])
def test_bad_regimen_names_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        repeated_doses(**kwargs)


@pytest.mark.parametrize("kwargs, name", [
    (dict(cl_l_h=0.0, v_l=100.0), "cl_l_h"),
    (dict(cl_l_h=-1.0, v_l=100.0), "cl_l_h"),
    (dict(cl_l_h=float("nan"), v_l=100.0), "cl_l_h"),
    (dict(cl_l_h=10.0, v_l=float("inf")), "v_l"),
    (dict(cl_l_h=10.0, v_l=100.0, ka_per_h=0.0), "ka_per_h"),
    (dict(cl_l_h=10.0, v_l=100.0, lag_h=-0.1), "lag_h"),
    (dict(cl_l_h=10.0, v_l=100.0, bioavailability=1.5), "bioavailability"),
    (dict(cl_l_h=np.array([1.0, 2.0]), v_l=np.array([1.0, 2.0, 3.0])), "length"),
])
def test_bad_model_parameters_name_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        OneCompartment(**kwargs)


def test_two_compartment_checks_its_parameters():
    with pytest.raises(ValueError, match="q_l_h"):
        TwoCompartment(10.0, 100.0, -1.0, 200.0)
    with pytest.raises(ValueError, match="v2_l"):
        TwoCompartment(10.0, 100.0, 1.0, 0.0)


def test_unsorted_events_and_negative_times_are_refused():
    with pytest.raises(ValueError, match="times_h.*sorted"):
        dosing_table([0.0, 24.0, 12.0], 1.0)
    with pytest.raises(ValueError, match="times_h"):
        dosing_table([-1.0, 12.0], 1.0)
    with pytest.raises(ValueError, match="amounts_mg"):
        dosing_table([0.0, 12.0], [1.0, -1.0])
    with pytest.raises(ValueError, match="amounts_mg"):
        dosing_table([0.0, 12.0], [1.0, 1.0, 1.0])
    with pytest.raises(ValueError, match="route"):
        dosing_table([0.0], 1.0, "transdermal")
    with pytest.raises(ValueError, match="infusion_h"):
        dosing_table([0.0], 1.0, "iv_infusion")
    with pytest.raises(ValueError, match="infusion_h"):
        dosing_table([0.0], 1.0, "oral", infusion_h=1.0)


def test_observation_before_the_first_dose_is_refused():
    d = dosing_table([8.0, 20.0], 1.0)
    for f in (concentration, concentration_ode):
        with pytest.raises(ValueError, match="times_h.*first dose"):
            f(ONE, d, [7.0, 9.0])
    with pytest.raises(ValueError, match="times_h"):
        concentration(ONE, d, [float("nan")])


def test_other_bad_arguments():
    d = repeated_doses(1.0, 12.0, 2)
    with pytest.raises(ValueError, match="model"):
        concentration("one", d, 1.0)
    with pytest.raises(ValueError, match="doses"):
        concentration(ONE, [0, 12], 1.0)
    with pytest.raises(ValueError, match="model"):
        concentration_ode(OneCompartment(np.array([1.0, 2.0]), 10.0), d, 1.0)
    with pytest.raises(ValueError, match="clearance_change"):
        concentration_ode(ONE, d, 1.0, clearance_change=0.5)
    with pytest.raises(ValueError, match="fold"):
        ClearanceChange(fold=0.0, start_h=1.0)
    with pytest.raises(ValueError, match="stop_h"):
        ClearanceChange(fold=2.0, start_h=10.0, stop_h=5.0)
    with pytest.raises(ValueError, match="time_in_interval_h"):
        pk.steady_state_concentration(ONE, 1.0, 12.0, 12.0)
    with pytest.raises(ValueError, match="tau_h"):
        pk.steady_state_concentration(ONE, 1.0, 0.0, 1.0)
    with pytest.raises(ValueError, match="fraction"):
        pk.time_to_fraction_of_steady_state(1.0, 0.1)
    with pytest.raises(ValueError, match="elimination_rate_per_h"):
        pk.accumulation_ratio(0.0, 12.0)
    with pytest.raises(ValueError, match="cl_l_h"):
        pk.average_steady_state_concentration(1.0, 12.0, -3.0)
    with pytest.raises(ValueError, match="indices"):
        pk.trough_before_doses(ONE, d, indices=[5])


# --- figures of the exposure chapter ---------------------------------------------

def test_time_course_figure_marks_the_model_troughs():
    from figs import pk_time_course
    t, c_pop, c_mean, t_tr, troughs, ss = pk_time_course.curves()
    fig = pk_time_course.draw()
    (ax,) = fig.axes
    marks = ax.lines[2]
    np.testing.assert_allclose(marks.get_xdata(), t_tr / 24)
    np.testing.assert_allclose(marks.get_ydata(), troughs)
    # the troughs climb toward, and stay below, the steady-state trough
    assert np.all(np.diff(troughs) > 0) and troughs[-1] < ss
    assert ax.lines[3].get_ydata()[0] == pytest.approx(ss)


def test_interaction_figure_times_follow_the_new_and_old_half_lives():
    from figs import interaction_course as ic
    doses, model, inhibitor, _ = ic.scenario()
    t, c = ic.trough_course(inhibitor, doses, model)
    k = model.cl_l_h / model.v_l
    start, stop = ic.START_DAY * 24.0, ic.STOP_DAY * 24.0
    on = t <= stop
    t90_on = ic.time_to_90_percent(t[on], c[on], start) - start
    t90_off = ic.time_to_90_percent(t, c, stop) - stop
    tau = doses.times_h[1] - doses.times_h[0]
    assert abs(t90_on - math.log(10) / (k * inhibitor.fold)) <= tau
    assert abs(t90_off - math.log(10) / k) <= tau
    # both plateaus are the oral steady-state troughs, by hand; the trough
    # rises by more than 1/fold because the interval's decline is slower too
    f, ka, lag, v = model.bioavailability, model.ka_per_h, model.lag_h, model.v_l

    def ss_trough(kk):
        s = tau - lag
        return (f * doses.amounts_mg[0] * ka / (v * (ka - kk))
                * (math.exp(-kk * s) / (1 - math.exp(-kk * tau))
                   - math.exp(-ka * s) / (1 - math.exp(-ka * tau))) * 1000)

    assert c[on][-1] == pytest.approx(ss_trough(k * inhibitor.fold), rel=1e-4)
    assert c[-1] == pytest.approx(ss_trough(k), rel=1e-4)
    assert c[on][-1] / c[-1] > 1 / inhibitor.fold
    fig = ic.draw()
    assert len(fig.axes) == 2


def test_scalar_and_vector_multipliers_agree():
    for c in (ClearanceChange(0.5, 10.0, 50.0), ClearanceChange(2.0, 10.0, 50.0, 24.0),
              ClearanceChange(2.0, 10.0, None, 24.0), ClearanceChange(0.3, 0.0)):
        t = np.array([0.0, 5.0, 10.0, 30.0, 50.0, 80.0])
        np.testing.assert_allclose([c.scalar_multiplier(x) for x in t], c.multiplier(t),
                                   rtol=1e-14)


def test_running_sum_slices_and_gather_agree():
    m = TwoCompartment(np.array([20.0, 30.0]), 692.0, 11.6, 5340.0, 3.58, 0.38)
    d = repeated_doses(5.0, 12.0, 8)
    many = np.linspace(0.0, 100.0, 401)                 # slice path
    few = many[[3, 50, 177, 390]]                       # gather path
    np.testing.assert_allclose(concentration(m, d, few), concentration(m, d, many)[:, [3, 50, 177, 390]],
                               rtol=1e-12)
