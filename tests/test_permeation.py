import math

import numpy as np
import pytest

from tcibook.permeation import (BARRIER_SCENARIOS, ILLUSTRATIVE_DIFFUSIVITY_CM2_H,
                                ILLUSTRATIVE_DONOR_UG_CM3, ILLUSTRATIVE_PARTITION,
                                ILLUSTRATIVE_THICKNESS_CM, BarrierChange,
                                barrier_scenario, cumulative_permeated,
                                depot_release_rate, lag_time,
                                permeability_coefficient, reservoir_model,
                                reservoir_rates, scale_barrier,
                                stratum_corneum_content, steady_state_flux)

# The illustrative membrane, used for hand calculations below.
K, D, DC, H = 2.0, 1e-7, 1000.0, 15e-4


# --- Fick's law and lag time ------------------------------------------------

@pytest.mark.parametrize(("k", "d", "dc", "h", "expected"), [
    (10, 0.001, 5, 0.01, 5.0),        # 10 * 0.001 * 5 / 0.01
    (1, 1e-6, 100, 1e-3, 0.1),        # 1 * 1e-6 * 100 / 1e-3
    (2, 1e-7, 1000, 15e-4, 2 / 15),   # 2e-4 / 1.5e-3 = 0.1333
    (2, 1e-7, 0, 15e-4, 0.0),         # no concentration difference, no flux
])
def test_flux_hand_values(k, d, dc, h, expected):
    assert steady_state_flux(k, d, dc, h) == pytest.approx(expected)


def test_permeability_coefficient_is_flux_per_concentration():
    # k_p = 10 * 0.001 / 0.01 = 1 cm/h; J = k_p * 5 = 5
    assert permeability_coefficient(10, 0.001, 0.01) == pytest.approx(1.0)


@pytest.mark.parametrize(("h", "d", "expected"), [
    (0.006, 1e-6, 6.0),      # 3.6e-5 / 6e-6
    (15e-4, 1e-7, 3.75),     # 2.25e-6 / 6e-7
    (1e-3, 1e-6, 1 / 6),     # 1e-6 / 6e-6
])
def test_lag_time_hand_values(h, d, expected):
    assert lag_time(h, d) == pytest.approx(expected)


def test_doubling_thickness_halves_flux_and_quadruples_lag():
    assert steady_state_flux(K, D, DC, 2 * H) == pytest.approx(
        steady_state_flux(K, D, DC, H) / 2)
    assert lag_time(2 * H, D) == pytest.approx(4 * lag_time(H, D))


def test_partition_and_diffusivity_scale_flux_linearly():
    base = steady_state_flux(K, D, DC, H)
    assert steady_state_flux(3 * K, D, DC, H) == pytest.approx(3 * base)
    assert steady_state_flux(K, 3 * D, DC, H) == pytest.approx(3 * base)
    assert lag_time(H, 3 * D) == pytest.approx(lag_time(H, D) / 3)


# --- Crank's series ---------------------------------------------------------

def test_cumulative_amount_starts_at_zero_and_rises():
    t = np.linspace(0, 30, 301)
    q = cumulative_permeated(t, K, D, DC, H)
    assert q.shape == t.shape
    assert q[0] == 0.0
    assert np.all(np.diff(q) >= 0)


def test_cumulative_amount_approaches_the_steady_state_line():
    # By t = 10 lag times the transient term is exp(-10 pi²/6) ≈ 7e-8 of h·K·ΔC.
    lag = lag_time(H, D)                      # 3.75 h
    flux = steady_state_flux(K, D, DC, H)     # 0.1333 µg/(cm²·h)
    t = 10 * lag                              # 37.5 h
    assert cumulative_permeated(t, K, D, DC, H) == pytest.approx(
        flux * (t - lag), rel=1e-6)           # 0.1333 * 33.75 = 4.5 µg/cm²
    assert flux * (t - lag) == pytest.approx(4.5)


def test_cumulative_amount_at_the_lag_time_hand_value():
    # At t = lag, D t / h² = 1/6, so Q = h K ΔC (2/pi²) [e^{-pi²/6} - e^{-4 pi²/6}/4 + ...]
    #   = 3 µg/cm² * 0.20264 * (0.19301 - 0.00035) = 0.1171 µg/cm²,
    # above the steady-state line (which is zero there) but far below J * lag = 0.5.
    q = cumulative_permeated(lag_time(H, D), K, D, DC, H)
    assert q == pytest.approx(0.1171, abs=2e-4)


def test_cumulative_amount_keeps_scalar_and_array_shapes():
    assert isinstance(cumulative_permeated(5.0, K, D, DC, H), float)
    assert cumulative_permeated([[1.0, 2.0]], K, D, DC, H).shape == (1, 2)


# --- Depot content and release ----------------------------------------------

def test_stratum_corneum_content_hand_value():
    # 2 * 1000 µg/cm³ * 0.0015 cm / 2 = 1.5 µg/cm²
    assert stratum_corneum_content(K, DC, H) == pytest.approx(1.5)


def test_content_over_flux_is_three_lag_times():
    # M / J = (K ΔC h / 2) / (K D ΔC / h) = h² / (2D) = 3 · h²/(6D)
    ratio = stratum_corneum_content(K, DC, H) / steady_state_flux(K, D, DC, H)
    assert ratio == pytest.approx(3 * lag_time(H, D))   # 11.25 h


def test_depot_release_rate_hand_value():
    # pi² * 1e-7 / (4 * 2.25e-6) = 9.8696e-7 / 9e-6 = 0.10966 per h
    assert depot_release_rate(D, H) == pytest.approx(math.pi**2 / 90)
    assert depot_release_rate(D, 2 * H) == pytest.approx(depot_release_rate(D, H) / 4)


# --- Barrier changes ----------------------------------------------------------

def test_scale_barrier_multiplies_each_parameter():
    change = BarrierChange(thickness=3, partition=0.5, diffusivity=4)
    assert scale_barrier(K, D, H, change) == pytest.approx((1.0, 4e-7, 45e-4))


def test_scenarios_move_the_intended_parameter():
    base = (ILLUSTRATIVE_PARTITION, ILLUSTRATIVE_DIFFUSIVITY_CM2_H,
            ILLUSTRATIVE_THICKNESS_CM)
    assert barrier_scenario("normal") == pytest.approx(base)
    k, d, h = barrier_scenario("hyperkeratotic")
    assert h == pytest.approx(3 * base[2]) and d == base[1]
    k, d, h = barrier_scenario("damaged")
    assert d == pytest.approx(4 * base[1]) and h == base[2]
    assert set(BARRIER_SCENARIOS) == {"normal", "damaged", "hyperkeratotic",
                                      "occluded", "descaled"}
    assert all(s.description for s in BARRIER_SCENARIOS.values())


def test_hyperkeratosis_cuts_flux_threefold_and_lengthens_lag_ninefold():
    k0, d0, h0 = barrier_scenario("normal")
    k1, d1, h1 = barrier_scenario("hyperkeratotic")
    assert steady_state_flux(k1, d1, ILLUSTRATIVE_DONOR_UG_CM3, h1) == pytest.approx(
        steady_state_flux(k0, d0, ILLUSTRATIVE_DONOR_UG_CM3, h0) / 3)
    assert lag_time(h1, d1) == pytest.approx(9 * lag_time(h0, d0))


# --- Reservoir model ----------------------------------------------------------

def test_reservoir_rates_conserve_drug():
    rates = reservoir_rates([0.7, 0.2, 0.05, 0.05], 0.3, 0.1, 1.0)
    # [-0.21, 0.21 - 0.02, 0.02 - 0.05, 0.05]
    assert rates == pytest.approx([-0.21, 0.19, -0.03, 0.05])
    assert rates.sum() == pytest.approx(0.0)


RUN_KW = dict(dose_ug_cm2=2.0, wipe_h=12.0, end_h=48.0, k_in_per_h=0.02,
              k_out_per_h=0.1, k_el_per_h=1.0)


@pytest.fixture(scope="module")
def run():
    return reservoir_model(**RUN_KW)


def test_reservoir_conserves_total_drug(run):
    assert run.total() == pytest.approx(np.full_like(run.t_h, 2.0), rel=1e-8)


def test_surface_is_zero_from_wipe_off(run):
    after = np.flatnonzero(run.t_h >= run.wipe_h)
    first_after = after[1]      # wipe_h appears twice: before, then after
    assert run.t_h[after[0]] == run.t_h[first_after] == 12.0
    assert run.surface[after[0]] > 0
    assert np.all(run.surface[first_after:] == 0.0)
    # What was wiped is what sat on the surface: 2 * exp(-0.02 * 12) = 1.5733
    assert run.wiped[-1] == pytest.approx(2 * math.exp(-0.24), rel=1e-7)
    assert np.all(run.wiped[:after[0] + 1] == 0.0)


def test_depot_at_wipe_off_matches_bateman_equation(run):
    # A_sc(t) = dose k_in/(k_out - k_in) (e^{-k_in t} - e^{-k_out t})
    #         = 2 * 0.02/0.08 * (e^-0.24 - e^-1.2) = 0.5 * (0.78663 - 0.30119) = 0.24272
    expected = 0.5 * (math.exp(-0.24) - math.exp(-1.2))
    at_wipe = run.depot[run.t_h == 12.0]
    assert at_wipe == pytest.approx([expected, expected], rel=1e-7)
    assert expected == pytest.approx(0.24272, abs=1e-5)


def test_depot_fills_during_application_and_decays_after(run):
    on = run.t_h < run.wipe_h
    assert np.all(np.diff(run.depot[on]) > 0)
    assert run.depot[run.t_h == 12.0][0] > run.depot[on][-1]
    off = run.t_h >= run.wipe_h
    depot_off, t_off = run.depot[off][1:], run.t_h[off][1:]
    assert np.all(np.diff(depot_off) < 0)
    # First-order release: A_sc(t) = A_sc(12) e^{-0.1 (t - 12)}
    assert depot_off == pytest.approx(depot_off[0] * np.exp(-0.1 * (t_off - 12.0)),
                                      rel=1e-7)


def test_absorption_continues_after_wipe_off(run):
    at_wipe = run.absorbed[run.t_h == 12.0][0]
    assert run.absorbed[-1] > 1.5 * at_wipe
    assert np.all(np.diff(run.absorbed) >= -1e-15)


def test_default_release_rate_comes_from_the_illustrative_membrane():
    a = reservoir_model()
    b = reservoir_model(k_out_per_h=depot_release_rate(
        ILLUSTRATIVE_DIFFUSIVITY_CM2_H, ILLUSTRATIVE_THICKNESS_CM))
    assert np.array_equal(a.depot, b.depot)
    assert a.total()[0] == pytest.approx(1.0)


# --- Bad input ----------------------------------------------------------------

@pytest.mark.parametrize(("call", "message"), [
    (lambda: steady_state_flux(0, D, DC, H), r"partition\b.*0.*inf"),
    (lambda: steady_state_flux(K, -1e-7, DC, H),
     r"diffusivity_cm2_h\b.*0.*inf"),
    (lambda: steady_state_flux(K, D, -1, H), r"delta_c_ug_cm3\b.*0.*inf"),
    (lambda: steady_state_flux(K, D, DC, float("nan")), r"thickness_cm\b.*finite"),
    (lambda: lag_time(0, D), r"thickness_cm\b.*0.*inf"),
    (lambda: lag_time(H, "fast"), r"diffusivity_cm2_h\b.*real number"),
    (lambda: cumulative_permeated(-1, K, D, DC, H), r"t_h\b.*0.*inf"),
    (lambda: cumulative_permeated([1, np.inf], K, D, DC, H), r"t_h\b.*finite"),
    (lambda: cumulative_permeated(1, K, D, DC, H, n_terms=2.5), r"n_terms\b.*whole number"),
    (lambda: stratum_corneum_content(K, DC, -H), "thickness_cm must lie in"),
    (lambda: depot_release_rate(0, H), "diffusivity_cm2_h must lie in"),
    (lambda: scale_barrier(K, D, H, BarrierChange(thickness=0)),
     r"change.thickness must lie in \(0, inf\)"),
    (lambda: scale_barrier(K, D, H, 3.0), "change must be a BarrierChange"),
    (lambda: barrier_scenario("sunburnt"), r"name\b.*one of"),
    (lambda: reservoir_model(wipe_h=48, end_h=24), r"wipe_h must be < end_h \(24 h\)"),
    (lambda: reservoir_model(dose_ug_cm2=0), r"dose_ug_cm2\b.*0.*inf"),
    (lambda: reservoir_model(k_in_per_h=-0.1), "k_in_per_h must lie in"),
    (lambda: reservoir_model(k_out_per_h=0), "k_out_per_h must lie in"),
    (lambda: reservoir_model(k_el_per_h=float("nan")), r"k_el_per_h\b.*finite"),
    (lambda: reservoir_model(step_h=0), "step_h must lie in"),
])
def test_bad_input_is_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_barrier_relative_changes_by_hand():
    # flux ~ K D / h and lag ~ h^2 / D: damaged D x4 -> flux x4, lag /4;
    # hyperkeratotic h x3 -> flux /3, lag x9; occluded D x2; descaled h x1.2.
    from tcibook.permeation import barrier_relative_changes
    names, flux, lag = barrier_relative_changes()
    assert names[0] == "normal"
    assert flux == pytest.approx([1, 4, 1 / 3, 2, 1 / 1.2])
    assert lag == pytest.approx([1, 0.25, 9, 0.5, 1.44])
