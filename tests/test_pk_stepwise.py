"""The stepwise-clearance path of the engine against the closed forms, the
ODE path and the steady-state formula, and bad input."""

import math

import numpy as np
import pytest

from tcibook import pk, poppk


def _patients(n=6, seed=3):
    _, m = poppk.sample_parameters(poppk.ANDREWS_2019, n, np.random.default_rng(seed))
    return m


def test_constant_clearance_reproduces_superposition():
    m = _patients()
    d = pk.dosing_table(12.0 * np.arange(20), np.linspace(2.0, 6.0, 20))
    t = np.array([0.0, 0.2, 0.5, 13.0, 48.0, 100.0, 216.0, 300.0])
    np.testing.assert_allclose(pk.concentration_stepwise(m, d, t),
                               pk.concentration(m, d, t), rtol=1e-10, atol=1e-12)


def test_infusions_with_a_step_match_the_ode():
    m = pk.TwoCompartment(cl_l_h=5.0, v1_l=20.0, q_l_h=3.0, v2_l=60.0)
    d = pk.dosing_table([0.0, 12.0, 24.0], [10.0, 20.0, 10.0], "iv_infusion",
                        infusion_h=2.0)
    t = np.array([0.5, 2.0, 13.0, 20.0, 25.0, 30.0])
    np.testing.assert_allclose(pk.concentration_stepwise(m, d, t),
                               pk.concentration(m, d, t), rtol=1e-9)
    change = pk.ClearanceChange(0.4, 13.0)
    np.testing.assert_allclose(pk.concentration_stepwise(m, d, t, [13.0], [1.0, 0.4]),
                               pk.concentration_ode(m, d, t, change), rtol=1e-7)


def test_one_compartment_bolus_by_hand():
    m = pk.OneCompartment(cl_l_h=10.0, v_l=100.0)
    d = pk.dosing_table([0.0, 15.0], 100.0, "iv_bolus")
    c = pk.concentration_stepwise(m, d, [5.0, 15.0, 25.0], [10.0], [1.0, 0.5])
    first = 1000 * math.exp(-1.0 - 0.05 * 5)             # 10 h at 0.1/h, 5 at 0.05/h
    assert c[0] == pytest.approx(1000 * math.exp(-0.5), rel=1e-12)
    assert c[1] == pytest.approx(first + 1000, rel=1e-12)  # the bolus at 15 h shows
    assert c[2] == pytest.approx((first + 1000) * math.exp(-0.5), rel=1e-12)


@pytest.mark.parametrize("fold, start, stop", [(0.5, 150.0, None), (2.0, 30.0, 200.0)])
def test_an_immediate_clearance_change_matches_the_ode(fold, start, stop):
    m = poppk.ANDREWS_2019.individual(np.array([0.3, -0.2, 0.1, 0.2]))
    d = pk.repeated_doses(4.0, 12.0, 28)
    t = np.array([48.0, 149.0, 151.0, 216.0, 300.0, 330.5])
    change = pk.ClearanceChange(fold, start, stop)
    steps = change.breakpoints
    factors = [1.0, fold] + ([1.0] if stop is not None else [])
    np.testing.assert_allclose(pk.concentration_stepwise(m, d, t, steps, factors),
                               pk.concentration_ode(m, d, t, change), rtol=1e-7)


def test_steady_state_history_is_the_steady_state_and_the_long_history():
    m = poppk.ANDREWS_2019.individual(np.zeros(4))
    ss = pk.SteadyStateHistory(4.0, 12.0)
    d = pk.repeated_doses(4.0, 12.0, 4, start_h=1000.0)
    t = np.array([1000.0, 1003.0, 1012.0, 1040.0])
    c = pk.concentration_stepwise(m, d, t, steady_state=ss)
    np.testing.assert_allclose(
        c, pk.steady_state_concentration(m, 4.0, 12.0, [0.0, 3.0, 0.0, 4.0]), rtol=1e-9)
    # 1,200 days spelled out; the table's first dose is the long history's 2401st
    long = pk.repeated_doses(4.0, 12.0, 2404)
    np.testing.assert_allclose(c, pk.concentration(m, long, t - 1000.0 + 2400 * 12.0),
                               rtol=1e-6)


def test_vector_factors_per_patient():
    m = _patients(3)
    d = pk.repeated_doses(4.0, 12.0, 10)
    fac = np.array([[1.0, 0.5], [1.0, 1.0], [1.0, 2.0]])
    c = pk.concentration_stepwise(m, d, [108.0], [50.0], fac)
    for i in range(3):
        one = poppk.ANDREWS_2019.individual(np.log([m.cl_l_h[i] / 23.0, m.v1_l[i] / 692.0,
                                                    m.q_l_h[i] / 11.6, m.v2_l[i] / 5340.0]))
        assert c[i] == pytest.approx(
            pk.concentration_stepwise(one, d, 108.0, [50.0], fac[i]), rel=1e-12)


@pytest.mark.parametrize("kwargs, name", [
    (dict(step_times_h=[50.0, 20.0], cl_factors=[1, 1, 1]), "step_times_h"),
    (dict(step_times_h=[50.0], cl_factors=[1.0, 0.0]), "cl_factors"),
    (dict(step_times_h=[50.0], cl_factors=[1.0, 1.0, 1.0]), "cl_factors"),
    (dict(step_times_h=[50.0], cl_factors=[1.0, float("nan")]), "cl_factors"),
    (dict(steady_state=(4.0, 12.0)), "steady_state"),
    (dict(times_h=[-1.0]), "times_h"),
])
def test_bad_input_names_the_parameter(kwargs, name):
    m = poppk.ANDREWS_2019.individual(np.zeros(4))
    d = pk.repeated_doses(4.0, 12.0, 10)
    args = dict(times_h=[60.0])
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        pk.concentration_stepwise(m, d, **args)


def test_bad_history_and_routes():
    with pytest.raises(ValueError, match="dose_mg"):
        pk.SteadyStateHistory(0.0, 12.0)
    with pytest.raises(ValueError, match="tau_h"):
        pk.SteadyStateHistory(4.0, -1.0)
    m = pk.OneCompartment(cl_l_h=10.0, v_l=100.0)
    inf = pk.dosing_table([0.0], 10.0, "iv_infusion", infusion_h=2.0)
    with pytest.raises(ValueError, match="steady_state"):
        pk.concentration_stepwise(m, inf, [5.0], steady_state=pk.SteadyStateHistory(1, 12))
    close = pk.OneCompartment(cl_l_h=10.0, v_l=100.0, ka_per_h=0.1)
    with pytest.raises(ValueError, match="ka_per_h"):
        pk.concentration_stepwise(close, pk.dosing_table([0.0], 1.0), [5.0])
