"""CYP3A5 genotype: the CPIC starting-dose rule and its bridge to the
population model, by hand and against the PK engine."""

import math

import pytest

from tcibook import pk
from tcibook.pharmacogenetics import (CPIC_MAX_START_MG_KG_DAY, CPIC_START_MULTIPLIER,
                                      average_exposure_dose_ratio,
                                      cpic_starting_dose_mg_kg_day, expresser_status,
                                      trough_dose_ratio)
from tcibook.poppk import CYP3A5, andrews2019


def test_constants_are_the_guideline_numbers():
    assert CPIC_START_MULTIPLIER == (1.5, 2)
    assert CPIC_MAX_START_MG_KG_DAY == 0.3


@pytest.mark.parametrize(("diplotype", "status"), [
    ("*1/*1", CYP3A5.EXPRESSER), ("*1/*3", CYP3A5.EXPRESSER),
    ("*3/*1", CYP3A5.EXPRESSER), ("*1/*7", CYP3A5.EXPRESSER),
    ("*3/*3", CYP3A5.NON_EXPRESSER), ("*3/*6", CYP3A5.NON_EXPRESSER),
    ("*6/*7", CYP3A5.NON_EXPRESSER), (" *1 / *6 ", CYP3A5.EXPRESSER),
])
def test_expresser_status(diplotype, status):
    assert expresser_status(diplotype) is status


@pytest.mark.parametrize("bad", ["*1", "*1/*2", "*1/*3/*3", "", 13, None, True])
def test_expresser_status_refuses_unknown_diplotypes(bad):
    with pytest.raises(ValueError, match="diplotype"):
        expresser_status(bad)


@pytest.mark.parametrize(("standard", "status", "expected"), [
    (0.1, "expresser", (0.15, 0.2)),          # 0.1 x 1.5, 0.1 x 2
    (0.15, "expresser", (0.225, 0.3)),        # 0.3 exactly at the ceiling
    (0.2, "expresser", (0.3, 0.3)),           # 0.3 and 0.4, both capped at 0.3
    (0.1, "non_expresser", (0.1, 0.1)),
    (0.2, CYP3A5.NON_EXPRESSER, (0.2, 0.2)),
])
def test_cpic_starting_dose_by_hand(standard, status, expected):
    assert cpic_starting_dose_mg_kg_day(standard, status) == pytest.approx(expected)


@pytest.mark.parametrize(("standard", "status", "message"), [
    (0, "expresser", r"standard_mg_kg_day.*\(0, 0.3\]"),
    (-0.1, "expresser", "standard_mg_kg_day"),
    (0.31, "expresser", "standard_mg_kg_day"),
    (float("nan"), "expresser", "standard_mg_kg_day"),
    ("0.1", "expresser", "standard_mg_kg_day"),
    (True, "expresser", "standard_mg_kg_day"),
    (0.1, "fast", "cyp3a5"),
])
def test_cpic_starting_dose_refuses_bad_input(standard, status, message):
    with pytest.raises(ValueError, match=message):
        cpic_starting_dose_mg_kg_day(standard, status)


def test_average_exposure_ratio_is_the_clearance_ratio():
    # Andrews 2019: CL/F 23.0 L/h, times 1.63 for expressers.
    assert average_exposure_dose_ratio() == pytest.approx(1.63)
    # The engine: equal average levels over an interval at steady state.
    ne = andrews2019().individual([0.0] * 4)
    ex = andrews2019("expresser").individual([0.0] * 4)
    avg_ne = pk.average_steady_state_concentration(5.0, 12.0, ne.cl_l_h)
    avg_ex = pk.average_steady_state_concentration(5.0 * 1.63, 12.0, ex.cl_l_h)
    assert avg_ex == pytest.approx(avg_ne, rel=1e-9)


def test_trough_ratio_from_the_engine_lies_in_the_cpic_range():
    ratio = trough_dose_ratio(8.0)
    assert ratio > average_exposure_dose_ratio()      # steeper fall at higher CL
    assert CPIC_START_MULTIPLIER[0] <= ratio <= CPIC_START_MULTIPLIER[1]
    assert ratio == pytest.approx(1.83, abs=0.01)
    # Linear model: the target does not matter.
    assert trough_dose_ratio(15.0) == pytest.approx(ratio, rel=1e-6)
    # The dosed expresser's trough is the target, by the engine.
    ex = andrews2019("expresser").individual([0.0] * 4)
    ne = andrews2019().individual([0.0] * 4)
    d_ne = 3.0
    c_ne = pk.steady_state_concentration(ne, d_ne, 12.0, 0.0)
    c_ex = pk.steady_state_concentration(ex, d_ne * ratio, 12.0, 0.0)
    assert c_ex == pytest.approx(c_ne, rel=1e-3)
    assert math.isfinite(c_ex)


@pytest.mark.parametrize(("target", "tau", "message"), [
    (0, 12, "target_trough_ng_ml"), (-1, 12, "target_trough_ng_ml"),
    (float("nan"), 12, "target_trough_ng_ml"), (8, 0, "tau_h"), (8, "12", "tau_h"),
])
def test_trough_ratio_refuses_bad_input(target, tau, message):
    with pytest.raises(ValueError, match=message):
        trough_dose_ratio(target, tau)
