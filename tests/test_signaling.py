import numpy as np
import pytest

from tcibook.binding import occupancy
from tcibook.signaling import (BLOCKED_FRACTIONS, ILLUSTRATIVE, STRONG_CALCIUM,
                               available_calcineurin, calcineurin_activation,
                               nfat_nuclear_fraction, nuclear_nfat_reduction)


@pytest.mark.parametrize(("calcium", "hill", "expected"), [
    (0.0, 3, 0.0),
    (1.0, 3, 0.5),            # c = 1: 1 / (1 + 1)
    (2.0, 3, 8 / 9),          # 2**3 = 8; 8 / (1 + 8)
    (0.5, 2, 0.2),            # 0.5**2 = 0.25; 0.25 / 1.25
    (3.0, 1, 0.75),           # n = 1 is plain occupancy: 3 / (1 + 3)
])
def test_calcineurin_activation_hand_values(calcium, hill, expected):
    assert calcineurin_activation(calcium, hill) == pytest.approx(expected)


def test_default_hill_coefficient_is_the_illustrative_one():
    # 2**3 / (1 + 2**3) with the default n = 3
    assert ILLUSTRATIVE["calcium_hill"] == 3.0
    assert calcineurin_activation(2.0) == pytest.approx(8 / 9)


def test_activation_vectorises_is_monotonic_and_survives_huge_calcium():
    c = np.logspace(-3, 3, 50)
    f = calcineurin_activation(c)
    assert f.shape == (50,) and np.all(np.diff(f) > 0)
    assert calcineurin_activation(1e300, 10) == pytest.approx(1.0)


def test_activation_with_n_one_equals_binding_occupancy():
    c = np.linspace(0, 5, 11)
    assert calcineurin_activation(c, 1) == pytest.approx(occupancy(c, 1.0))


@pytest.mark.parametrize(("calcium", "blocked", "expected"), [
    (1.0, 0.0, 0.5),          # 1 x 0.5
    (1.0, 0.6, 0.2),          # 0.4 x 0.5
    (2.0, 0.5, 4 / 9),        # 0.5 x 8/9
    (2.0, 1.0, 0.0),          # everything blocked
])
def test_available_calcineurin_hand_values(calcium, blocked, expected):
    assert available_calcineurin(calcium, blocked) == pytest.approx(expected)


@pytest.mark.parametrize(("active", "ratio", "expected"), [
    (0.0, 0.1, 0.0),
    (0.1, 0.1, 0.5),          # a = r
    (1.0, 0.1, 1 / 1.1),      # 1 / (0.1 + 1) = 0.90909
    (0.2, 0.1, 2 / 3),        # 0.2 / 0.3
    (0.5, 0.5, 0.5),
])
def test_nfat_nuclear_fraction_hand_values(active, ratio, expected):
    assert nfat_nuclear_fraction(active, ratio) == pytest.approx(expected)


def test_spare_calcineurin_in_the_illustrative_model():
    # Strong calcium, 80 % blocked: a = 0.2 -> 0.2 / (0.1 + 0.2) = 2/3,
    # against 1 / 1.1 = 0.909 with no drug.
    free = nfat_nuclear_fraction(available_calcineurin(1e6, 0.0))
    blocked = nfat_nuclear_fraction(available_calcineurin(1e6, 0.8))
    assert free == pytest.approx(1 / 1.1)
    assert blocked == pytest.approx(2 / 3)


@pytest.mark.parametrize(("ratio", "expected"), [
    # Full activation, 80 % blocked: N = 0.2 / (r + 0.2) against 1 / (r + 1).
    (0.1, 1 - (0.2 / 0.3) / (1 / 1.1)),     # 1 - 0.7333 = 0.2667
    (1.0, 1 - (0.2 / 1.2) / (1 / 2.0)),     # 1 - 1/3 = 0.6667
    (10.0, 1 - (0.2 / 10.2) / (1 / 11.0)),  # 1 - 0.2157 = 0.7843
])
def test_reduction_of_nuclear_nfat_depends_on_spare_calcineurin(ratio, expected):
    assert nuclear_nfat_reduction(0.8, 1e6, ratio) == pytest.approx(expected)


def test_reduction_at_the_strong_calcium_scenario():
    # c = 30: f_act = 27000/27001, so the reduction matches full activation
    # to 4 decimals: 0.2667 for r = 0.1 and 0.6667 for r = 1.
    assert STRONG_CALCIUM == 30.0
    assert nuclear_nfat_reduction(0.8) == pytest.approx(0.26667, abs=1e-4)
    assert nuclear_nfat_reduction(0.8, kinase_ratio=1.0) == pytest.approx(2 / 3, abs=1e-4)
    assert nuclear_nfat_reduction(0.0) == 0.0
    assert BLOCKED_FRACTIONS == (0.0, 0.5, 0.8)


@pytest.mark.parametrize(("call", "message"), [
    (lambda: nuclear_nfat_reduction(0.8, calcium=0.0), "calcium"),
    (lambda: nuclear_nfat_reduction(1.2), "blocked_fraction"),
    (lambda: nuclear_nfat_reduction(0.5, kinase_ratio=-1.0), "kinase_ratio"),
    (lambda: calcineurin_activation(-0.1),
     r"calcium\b.*0.*inf"),
    (lambda: calcineurin_activation([1.0, float("nan")]),
     r"calcium\b.*finite"),
    (lambda: calcineurin_activation(1.0, 0),
     r"hill_coefficient\b.*0.*10"),
    (lambda: calcineurin_activation(1.0, 11),
     r"hill_coefficient\b.*0.*10"),
    (lambda: available_calcineurin(1.0, 1.5),
     r"blocked_fraction\b.*0.*1"),
    (lambda: available_calcineurin(1.0, -0.1),
     r"blocked_fraction\b.*0.*1"),
    (lambda: nfat_nuclear_fraction(1.2),
     r"active_calcineurin\b.*0.*1"),
    (lambda: nfat_nuclear_fraction(0.5, 0.0),
     r"kinase_ratio\b.*0.*inf"),
    (lambda: nfat_nuclear_fraction(0.5, float("inf")),
     r"kinase_ratio\b.*finite"),
])
def test_signaling_refuses_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
