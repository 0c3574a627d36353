"""tcibook.kinetics: hand-checked rate laws, the simulated fit, and bad input."""

import numpy as np
import pytest

from tcibook.kinetics import (DESIGN_SUBSTRATE_UM, ILLUSTRATIVE,
                              accessible_fraction, competitive_parameters,
                              competitive_rate, double_reciprocal,
                              double_reciprocal_line, fit_michaelis_menten,
                              michaelis_menten_rate, noisy_rates,
                              noncompetitive_parameters, noncompetitive_rate,
                              simulated_experiment)


# --- accessible fraction ----------------------------------------------------

@pytest.mark.parametrize(("inhibitor", "kd", "f_act", "expected"), [
    (0.0, 1.0, 1.0, 1.0),       # no inhibitor: everything accessible
    (1.0, 1.0, 1.0, 0.5),       # theta = 1/(1+1) = 0.5
    (3.0, 1.0, 0.8, 0.2),       # theta = 3/4; (1 - 0.75) x 0.8 = 0.2
    (9.0, 1.0, 0.5, 0.05),      # theta = 9/10; 0.1 x 0.5 = 0.05
    (5.0, 2.0, 0.0, 0.0),       # nothing activated, nothing accessible
])
def test_accessible_fraction_hand_values(inhibitor, kd, f_act, expected):
    assert accessible_fraction(inhibitor, kd, f_act) == pytest.approx(expected)


def test_accessible_fraction_vectorises_and_falls():
    f = accessible_fraction(np.array([0.0, 1.0, 3.0, 99.0]), 1.0)
    assert f == pytest.approx([1.0, 0.5, 0.25, 0.01])   # 1/(1 + I/Kd)
    assert isinstance(accessible_fraction(1.0, 1.0), float)


@pytest.mark.parametrize(("args", "message"), [
    ((-1.0, 1.0, 1.0), r"inhibitor_nM\b.*0.*inf"),
    ((float("nan"), 1.0, 1.0), r"inhibitor_nM\b.*finite"),
    ((1.0, 0.0, 1.0), r"kd_nM\b.*0.*inf"),
    ((1.0, -2.0, 1.0), r"kd_nM\b.*0.*inf"),
    ((1.0, 1.0, 1.5), r"activated_fraction\b.*0.*1"),
    ((1.0, 1.0, -0.1), r"activated_fraction\b.*0.*1"),
    ((1.0, 1.0, float("nan")), r"activated_fraction\b.*finite"),
])
def test_accessible_fraction_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        accessible_fraction(*args)


# --- rate laws ---------------------------------------------------------------

@pytest.mark.parametrize(("s", "vmax", "km", "expected"), [
    (0.0, 100.0, 5.0, 0.0),
    (5.0, 100.0, 5.0, 50.0),      # [S] = Km: Vmax/2
    (45.0, 100.0, 5.0, 90.0),     # 100 x 45/50
    (15.0, 80.0, 5.0, 60.0),      # 80 x 15/20
])
def test_michaelis_menten_hand_values(s, vmax, km, expected):
    assert michaelis_menten_rate(s, vmax, km) == pytest.approx(expected)


def test_noncompetitive_lowers_vmax_and_keeps_km():
    # [I] = 3 Ki: theta = 0.75, so Vmax_app = 100 x 0.25 = 25 and Km stays 5
    assert noncompetitive_parameters(100.0, 5.0, 3.0, 1.0) == pytest.approx((25.0, 5.0))
    # at [S] = Km the rate is half of Vmax_app: 25 / 2
    assert noncompetitive_rate(5.0, 100.0, 5.0, 3.0, 1.0) == pytest.approx(12.5)
    # equals Vmax / (1 + I/Ki) x S/(Km + S) = 100/4 x 10/15
    assert noncompetitive_rate(10.0, 100.0, 5.0, 3.0, 1.0) == pytest.approx(25 * 10 / 15)


def test_competitive_keeps_vmax_and_raises_km():
    # [I] = 3 Ki: Km_app = 5 x (1 + 3) = 20, Vmax unchanged
    assert competitive_parameters(100.0, 5.0, 3.0, 1.0) == pytest.approx((100.0, 20.0))
    assert competitive_rate(20.0, 100.0, 5.0, 3.0, 1.0) == pytest.approx(50.0)
    # enough substrate overcomes a competitive inhibitor, not a non-competitive one
    big = 1e6
    assert competitive_rate(big, 100.0, 5.0, 3.0, 1.0) == pytest.approx(100.0, rel=1e-4)
    assert noncompetitive_rate(big, 100.0, 5.0, 3.0, 1.0) == pytest.approx(25.0, rel=1e-4)


def test_no_inhibitor_gives_the_plain_rate_law():
    s = np.array(DESIGN_SUBSTRATE_UM)
    plain = michaelis_menten_rate(s, 100.0, 5.0)
    assert noncompetitive_rate(s, 100.0, 5.0, 0.0, 1.0) == pytest.approx(plain)
    assert competitive_rate(s, 100.0, 5.0, 0.0, 1.0) == pytest.approx(plain)


RATE_LAW_BAD_INPUT = [
    ((-1.0, 100.0, 5.0, 1.0, 1.0), r"substrate_uM\b.*0.*inf"),
    (([1.0, float("nan")], 100.0, 5.0, 1.0, 1.0), r"substrate_uM\b.*finite"),
    ((1.0, 0.0, 5.0, 1.0, 1.0), r"vmax\b.*0.*inf"),
    ((1.0, -10.0, 5.0, 1.0, 1.0), r"vmax\b.*0.*inf"),
    ((1.0, 100.0, 0.0, 1.0, 1.0), r"km_uM\b.*0.*inf"),
    ((1.0, 100.0, -5.0, 1.0, 1.0), r"km_uM\b.*0.*inf"),
    ((1.0, 100.0, float("nan"), 1.0, 1.0), r"km_uM\b.*finite"),
    ((1.0, 100.0, 5.0, -1.0, 1.0), r"inhibitor_nM\b.*0.*inf"),
    ((1.0, 100.0, 5.0, float("nan"), 1.0), r"inhibitor_nM\b.*finite"),
    ((1.0, 100.0, 5.0, 1.0, 0.0), r"ki_nM\b.*0.*inf"),
    ((1.0, 100.0, 5.0, 1.0, -1.0), r"ki_nM\b.*0.*inf"),
]


@pytest.mark.parametrize(("args", "message"), RATE_LAW_BAD_INPUT)
@pytest.mark.parametrize("rate_law", [noncompetitive_rate, competitive_rate])
def test_inhibited_rate_laws_refuse_bad_input(rate_law, args, message):
    with pytest.raises(ValueError, match=message):
        rate_law(*args)


@pytest.mark.parametrize(("args", "message"),
                         [(args[:3], message) for args, message in RATE_LAW_BAD_INPUT[:7]])
def test_michaelis_menten_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        michaelis_menten_rate(*args)


# --- double reciprocal ---------------------------------------------------------

def test_double_reciprocal_hand_values():
    x, y = double_reciprocal([2.0, 4.0], [50.0, 80.0])
    assert x == pytest.approx([0.5, 0.25]) and y == pytest.approx([0.02, 0.0125])


def test_double_reciprocal_line_intercepts():
    # 1/v = (Km/Vmax)(1/S) + 1/Vmax = 0.05 x + 0.01
    assert double_reciprocal_line(0.0, 100.0, 5.0) == pytest.approx(0.01)
    assert double_reciprocal_line(-0.2, 100.0, 5.0) == pytest.approx(0.0, abs=1e-15)
    assert double_reciprocal_line([1.0], 100.0, 5.0) == pytest.approx([0.06])
    # the line of a Michaelis-Menten enzyme passes through its data exactly
    s = np.array([1.0, 5.0, 20.0])
    x, y = double_reciprocal(s, michaelis_menten_rate(s, 100.0, 5.0))
    assert double_reciprocal_line(x, 100.0, 5.0) == pytest.approx(y)


@pytest.mark.parametrize(("s", "v", "message"), [
    ([0.0, 1.0], [1.0, 2.0], r"substrate_uM\b.*0.*inf"),
    ([1.0, 2.0], [1.0, -2.0], r"rates\b.*0.*inf"),
    ([1.0, 2.0], [1.0, 2.0, 3.0], r"must have the same shape; got \(2,\) and \(3,\)"),
])
def test_double_reciprocal_refuses_bad_input(s, v, message):
    with pytest.raises(ValueError, match=message):
        double_reciprocal(s, v)


def test_double_reciprocal_line_refuses_bad_input():
    with pytest.raises(ValueError, match=r"inverse_substrate_per_uM\b.*finite"):
        double_reciprocal_line(float("inf"), 100.0, 5.0)
    with pytest.raises(ValueError, match=r"km_uM\b.*0.*inf"):
        double_reciprocal_line(0.1, 100.0, 0.0)


# --- simulation and fit --------------------------------------------------------

def test_noisy_rates_are_reproducible_and_positive():
    v = np.full(1000, 10.0)
    a, b = noisy_rates(v, 0.05, seed=3), noisy_rates(v, 0.05, seed=3)
    assert np.array_equal(a, b) and np.all(a > 0)
    assert np.std(np.log(a)) == pytest.approx(0.05, rel=0.1)
    assert noisy_rates(v, 0.0, seed=3) == pytest.approx(v)


@pytest.mark.parametrize(("args", "message"), [
    (([1.0, -1.0], 0.05, 1), r"rates\b.*0.*inf"),
    (([1.0], 1.5, 1), r"relative_sd\b.*0.*1"),
    (([1.0], -0.1, 1), r"relative_sd\b.*0.*1"),
    (([1.0], 0.05, -1), "seed must be a non-negative integer; got -1"),
    (([1.0], 0.05, 1.5), "seed must be a non-negative integer; got 1.5"),
])
def test_noisy_rates_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        noisy_rates(*args)


def test_simulated_experiment_without_noise_is_the_rate_law():
    s, v = simulated_experiment([0.0, 1.0, 3.0], relative_sd=0.0)
    p = ILLUSTRATIVE
    assert s == pytest.approx(DESIGN_SUBSTRATE_UM) and v.shape == (3, 10)
    for row, i in zip(v, [0.0, 1.0, 3.0]):
        assert row == pytest.approx(noncompetitive_rate(s, p.vmax, p.km_uM, i, p.ki_nM))
    _, vc = simulated_experiment([1.0], "competitive", relative_sd=0.0)
    assert vc[0] == pytest.approx(competitive_rate(s, p.vmax, p.km_uM, 1.0, p.ki_nM))


def test_simulated_experiment_refuses_bad_input():
    with pytest.raises(ValueError, match=r"mode\b.*one of"):
        simulated_experiment([0.0], "uncompetitive")
    with pytest.raises(ValueError, match="inhibitor_levels_nM must have every element"):
        simulated_experiment([-1.0])
    with pytest.raises(ValueError, match=r"inhibitor_levels_nM\b.*dimensional"):
        simulated_experiment(1.0)


def test_fit_recovers_exact_parameters_from_clean_data():
    s = np.array(DESIGN_SUBSTRATE_UM)
    fit = fit_michaelis_menten(s, michaelis_menten_rate(s, 40.0, 8.0))
    assert fit.vmax == pytest.approx(40.0) and fit.km_uM == pytest.approx(8.0)
    assert fit.vmax_se == pytest.approx(0.0, abs=1e-6)


def test_fit_of_noisy_noncompetitive_data_keeps_km_and_cuts_vmax():
    p = ILLUSTRATIVE
    s, v = simulated_experiment([0.0, p.ki_nM, 3 * p.ki_nM])
    fits = [fit_michaelis_menten(s, row) for row in v]
    for fit, kept in zip(fits, [1.0, 0.5, 0.25]):       # 1 - theta
        # each estimate lies within 3 standard errors of the true value
        assert abs(fit.vmax - p.vmax * kept) < 3 * fit.vmax_se
        assert abs(fit.km_uM - p.km_uM) < 3 * fit.km_se
        assert fit.vmax_se > 0 and fit.km_se > 0


def test_fit_of_noisy_competitive_data_raises_km():
    p = ILLUSTRATIVE
    s, v = simulated_experiment([0.0, 3 * p.ki_nM], "competitive")
    free, inhibited = (fit_michaelis_menten(s, row) for row in v)
    assert inhibited.km_uM > free.km_uM + 3 * inhibited.km_se     # true: 20 vs 5
    assert abs(inhibited.vmax - free.vmax) < 3 * (inhibited.vmax_se + free.vmax_se)


@pytest.mark.parametrize(("s", "v", "message"), [
    ([1, 2, 3], [1, 2], r"substrate_uM and rates must have the same shape; got \(3,\) and \(2,\)"),
    ([[1, 2, 3]], [[1, 2, 3]], r"substrate_uM\b.*dimensional"),
    ([1, 2, 3], [[1, 2, 3]], r"rates\b.*dimensional"),
    ([1, -2, 3], [1, 2, 3], r"substrate_uM\b.*0.*inf"),
    ([1, 2, 3], [1, float("nan"), 3], r"rates\b.*finite"),
    ([1, 2, 3], [1, -2, 3], r"rates\b.*0.*inf"),
    ([1, 1, 2], [1, 1, 2], "at least 3 distinct concentrations"),
    ([1, 2, 3], [0, 0, 0], "at least one positive value"),
])
def test_fit_refuses_bad_input(s, v, message):
    with pytest.raises(ValueError, match=message):
        fit_michaelis_menten(s, v)
