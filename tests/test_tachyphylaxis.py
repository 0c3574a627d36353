import math

import numpy as np
import pytest

from tcibook.binding import occupancy
from tcibook.tachyphylaxis import (
    ILLUSTRATIVE_PARAMETERS, daily_peak, local_concentration, receptor_pool,
    receptor_relaxation, receptor_steady_state, simulate_dosing,
)

K6 = math.log(2) / 6          # elimination rate constant for a 6 h half-life
RATES = dict(k_syn=0.01, k_deg=0.01, k_int=0.02)


# --- local_concentration --------------------------------------------------

@pytest.mark.parametrize(("t", "expected"), [
    (0.0, 2.0),     # first dose, nothing eliminated yet
    (6.0, 1.0),     # one half-life: 2 / 2
    (11.0, 2.0 * 2 ** (-11 / 6)),
    (12.0, 2.5),    # second dose on top of 2 / 4 left: 2 + 0.5
    (18.0, 1.25),   # 2.5 / 2
    (24.0, 2.625),  # third dose on 2.5 / 4: 2 + 0.625
])
def test_local_concentration_hand_values(t, expected):
    assert local_concentration(t, 2.0, 12.0, K6) == pytest.approx(expected)


def test_local_concentration_approaches_the_accumulation_limit():
    # Peak at steady state: D / (1 - r) with r = 2**-2 = 0.25 -> 2 / 0.75
    t = 12.0 * 40
    assert local_concentration(t, 2.0, 12.0, K6) == pytest.approx(2 / 0.75)
    assert local_concentration([0.0, 6.0], 2.0, 12.0, K6).shape == (2,)


@pytest.mark.parametrize(("args", "message"), [
    ((-1.0, 2.0, 12.0, K6), r"t_h\b.*0.*inf"),
    ((1.0, -2.0, 12.0, K6), r"dose_nM\b.*0.*inf"),
    ((1.0, 2.0, 0.0, K6), r"interval_h\b.*0.*inf"),
    ((1.0, 2.0, 12.0, 0.0), r"k_el_per_h\b.*0.*inf"),
    ((1.0, float("nan"), 12.0, K6), r"dose_nM\b.*finite"),
    (([1.0, float("nan")], 2.0, 12.0, K6), r"t_h\b.*finite"),
])
def test_local_concentration_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        local_concentration(*args)


# --- receptor_steady_state and receptor_relaxation ------------------------

def test_receptor_steady_state_hand_values():
    assert receptor_steady_state(0.02, 0.01) == pytest.approx(2.0)       # 0.02 / 0.01
    # 0.01 / (0.01 + 0.02 * 0.5) = 0.01 / 0.02
    assert receptor_steady_state(0.01, 0.01, 0.02, 0.5) == pytest.approx(0.5)
    # full occupancy: 0.01 / (0.01 + 0.02) = 1/3
    assert receptor_steady_state(0.01, 0.01, 0.02, 1.0) == pytest.approx(1 / 3)


@pytest.mark.parametrize(("args", "message"), [
    ((0.0, 0.01), r"k_syn\b.*0.*inf"),
    ((0.01, -0.01), r"k_deg\b.*0.*inf"),
    ((0.01, 0.01, -0.1, 0.5), r"k_int\b.*0.*inf"),
    ((0.01, 0.01, 0.02, 1.5), r"theta\b.*0.*1"),
    ((0.01, float("nan")), r"k_deg\b.*finite"),
])
def test_receptor_steady_state_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        receptor_steady_state(*args)


def test_receptor_relaxation_hand_values():
    # theta 0.5: rate 0.01 + 0.02 * 0.5 = 0.02 /h, new level 0.5, start 1
    assert receptor_relaxation(0.0, 0.5, **RATES, r0=1.0) == pytest.approx(1.0)
    # one time constant (50 h): 0.5 + 0.5 / e = 0.683940
    assert receptor_relaxation(50.0, 0.5, **RATES, r0=1.0) == pytest.approx(
        0.5 + 0.5 * math.exp(-1))
    assert receptor_relaxation(5000.0, 0.5, **RATES, r0=1.0) == pytest.approx(0.5)


@pytest.mark.parametrize(("kwargs", "message"), [
    (dict(t_h=-1.0), r"t_h\b.*0.*inf"),
    (dict(r0=-1.0), r"r0\b.*0.*inf"),
    (dict(theta=-0.1), r"theta\b.*0.*1"),
    (dict(k_deg=0.0), r"k_deg\b.*0.*inf"),
    (dict(r0=float("nan")), r"r0\b.*finite"),
])
def test_receptor_relaxation_refuses_bad_input(kwargs, message):
    args = dict(t_h=1.0, theta=0.5, **RATES, r0=1.0) | kwargs
    with pytest.raises(ValueError, match=message):
        receptor_relaxation(**args)


# --- receptor_pool (numerical) against hand calculations ------------------

def test_without_agonist_the_pool_stays_at_ksyn_over_kdeg():
    t = np.linspace(0.0, 24.0 * 28, 200)
    r = receptor_pool(t, lambda _: 0.0, k_syn=0.03, k_deg=0.01, k_int=0.02)
    np.testing.assert_allclose(r, 3.0, rtol=1e-9)            # 0.03 / 0.01


@pytest.mark.parametrize("theta", [0.25, 0.5, 1.0])
def test_constant_agonist_relaxes_to_the_analytic_steady_state(theta):
    t = np.linspace(0.0, 600.0, 121)
    numeric = receptor_pool(t, lambda _: theta, **RATES)
    analytic = receptor_relaxation(t, theta, **RATES, r0=1.0)
    np.testing.assert_allclose(numeric, analytic, rtol=1e-7)
    # theta 0.5 ends at 0.01 / (0.01 + 0.01) = 0.5 (after 12 time constants)
    assert numeric[-1] == pytest.approx(receptor_steady_state(**RATES, theta=theta),
                                        rel=1e-4)


def test_breaks_restart_the_integrator_at_a_jump():
    # Occupancy 0 until 100 h, then 0.5: the pool is 1 until 100 h and then
    # follows the analytic relaxation from 1.
    t = np.linspace(0.0, 300.0, 301)
    r = receptor_pool(t, lambda s: 0.0 if s < 100 else 0.5, **RATES, breaks_h=[100.0])
    after = t >= 100
    np.testing.assert_allclose(r[~after], 1.0, rtol=1e-9)
    np.testing.assert_allclose(
        r[after], receptor_relaxation(t[after] - 100, 0.5, **RATES, r0=1.0), rtol=1e-7)


@pytest.mark.parametrize(("kwargs", "message"), [
    (dict(t_h=[0.0, 2.0, 1.0]), "t_h must hold at least two strictly increasing"),
    (dict(t_h=[[0.0, 1.0]]), r"t_h\b.*dimensional"),
    (dict(t_h=[-1.0, 1.0]), r"t_h\b.*0.*inf"),
    (dict(theta_of_t=0.5), "theta_of_t must be a callable"),
    (dict(theta_of_t=lambda _: 1.2), r"theta_of_t\(t_h\) must have every element in \[0, 1\]"),
    (dict(theta_of_t=lambda _: float("nan")), "theta_of_t\\(t_h\\) must contain only finite"),
    (dict(k_int=-0.02), r"k_int\b.*0.*inf"),
    (dict(k_syn=0.0), r"k_syn\b.*0.*inf"),
    (dict(r0=-1.0), r"r0\b.*0.*inf"),
    (dict(breaks_h=[-5.0]), r"breaks_h\b.*0.*inf"),
])
def test_receptor_pool_refuses_bad_input(kwargs, message):
    args = dict(t_h=[0.0, 1.0, 2.0], theta_of_t=lambda _: 0.5, **RATES) | kwargs
    with pytest.raises(ValueError, match=message):
        receptor_pool(**args)


# --- simulate_dosing -------------------------------------------------------

@pytest.fixture(scope="module")
def sim():
    return simulate_dosing(28, **ILLUSTRATIVE_PARAMETERS)


def test_no_dose_leaves_receptors_and_responses_at_baseline():
    s = simulate_dosing(3, 0.0, 12.0, 0.12, 1.0, **RATES)
    np.testing.assert_allclose(s.receptor, 1.0, rtol=1e-9)
    assert s.agonist_response.max() == 0 and s.inhibitor_response.max() == 0


def test_simulation_is_built_from_the_book_models(sim):
    p = ILLUSTRATIVE_PARAMETERS
    assert sim.t_h[0] == 0 and sim.t_h[-1] == 28 * 24 and len(sim.t_h) == 28 * 24 * 4 + 1
    conc = local_concentration(sim.t_h, p["dose_nM"], p["interval_h"], p["k_el_per_h"])
    np.testing.assert_allclose(sim.concentration_nM, conc)
    np.testing.assert_allclose(sim.occupancy, occupancy(conc, p["kd_nM"]))
    np.testing.assert_allclose(sim.inhibitor_response, sim.occupancy)
    np.testing.assert_allclose(sim.agonist_response, sim.occupancy * sim.receptor)


def test_first_dose_gives_the_hand_calculated_peak(sim):
    # t = 0: C = 2 nM, Kd = 1 nM -> theta = 2/3, receptor still 1
    assert sim.agonist_response[0] == pytest.approx(2 / 3)
    assert sim.inhibitor_response[0] == pytest.approx(2 / 3)


def test_agonist_response_fades_and_inhibitor_response_does_not(sim):
    ago = [daily_peak(sim.t_h, sim.agonist_response, d) for d in (1, 28)]
    inh = [daily_peak(sim.t_h, sim.inhibitor_response, d) for d in (1, 28)]
    assert ago[1] < 0.6 * ago[0]
    assert inh[1] >= inh[0]                      # accumulation, then steady
    # Day 27 and day 28 agree: both drugs are at their periodic steady state
    assert daily_peak(sim.t_h, sim.inhibitor_response, 27) == pytest.approx(inh[1])
    assert daily_peak(sim.t_h, sim.agonist_response, 27) == pytest.approx(ago[1], rel=1e-4)


def test_receptor_mass_balance_over_the_last_dosing_interval(sim):
    # At periodic steady state R returns to its value after one interval, so
    # the integral of dR/dt = k_syn - k_deg R - k_int theta R over it is zero:
    # mean(k_deg R + k_int theta R) = k_syn (pool relative to 1, k_syn = k_deg).
    # The last time point is a dosing time, where the stored occupancy already
    # includes the new dose; the interval ends just before it, so use the
    # occupancy of the concentration without that dose.
    p = ILLUSTRATIVE_PARAMETERS
    last = sim.t_h >= sim.t_h[-1] - p["interval_h"]
    theta = sim.occupancy[last].copy()
    theta[-1] = occupancy(sim.concentration_nM[-1] - p["dose_nM"], p["kd_nM"])
    receptor = sim.receptor[last]
    assert receptor[-1] == pytest.approx(receptor[0], rel=1e-6)     # periodic
    loss = p["k_deg"] * receptor + p["k_int"] * theta * receptor
    mean_loss = np.trapezoid(loss, sim.t_h[last]) / p["interval_h"]
    assert mean_loss == pytest.approx(p["k_syn"], rel=1e-4)


@pytest.mark.parametrize(("kwargs", "message"), [
    (dict(duration_days=0.0), r"duration_days\b.*0.*inf"),
    (dict(dose_nM=-1.0), r"dose_nM\b.*0.*inf"),
    (dict(interval_h=0.0), r"interval_h\b.*0.*inf"),
    (dict(k_el_per_h=-0.1), r"k_el_per_h\b.*0.*inf"),
    (dict(kd_nM=0.0), r"kd_nM\b.*0.*inf"),
    (dict(k_deg=0.0), r"k_deg\b.*0.*inf"),
    (dict(k_int=float("nan")), r"k_int\b.*finite"),
    (dict(points_per_hour=0.5), r"points_per_hour\b.*1.*inf"),
    (dict(points_per_hour=2.5), r"points_per_hour\b.*whole number"),
])
def test_simulate_dosing_refuses_bad_input(kwargs, message):
    args = dict(duration_days=1.0, **ILLUSTRATIVE_PARAMETERS) | kwargs
    with pytest.raises(ValueError, match=message):
        simulate_dosing(**args)


# --- daily_peak ------------------------------------------------------------

def test_daily_peak_uses_half_open_days():
    t = [0.0, 12.0, 24.0, 36.0]
    v = [0.2, 0.5, 0.9, 0.4]
    assert daily_peak(t, v, 1) == 0.5          # 24 h belongs to day 2
    assert daily_peak(t, v, 2) == 0.9


@pytest.mark.parametrize(("args", "message"), [
    (([0.0, 12.0], [0.1, 0.2], 0), r"day\b.*1.*inf"),
    (([0.0, 12.0], [0.1, 0.2], 1.5), r"day\b.*whole number"),
    (([0.0, 12.0], [0.1, 0.2], 3), r"day 3 lies outside the times given \(0 to 12 h\)"),
    (([0.0, 12.0], [0.1], 1), r"values must have the shape of t_h"),
    (([0.0, 12.0], [0.1, float("nan")], 1), r"values\b.*finite"),
])
def test_daily_peak_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        daily_peak(*args)
