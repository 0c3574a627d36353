import numpy as np
import pytest

from tcibook.binding import occupancy
from tcibook.immunophilin import drug_for_occupancy


@pytest.mark.parametrize(("theta", "kd", "sites", "expected"), [
    (0.0, 0.4, 0.0, 0.0),
    (0.5, 0.4, 0.0, 0.4),             # 0.4 x 0.5 / 0.5
    (0.9, 0.4, 0.0, 3.6),             # 0.4 x 0.9 / 0.1
    (0.99, 0.4, 0.0, 39.6),           # 0.4 x 0.99 / 0.01
    (0.5, 1.0, 100.0, 51.0),          # 1 + 0.5 x 100
    (0.9, 1.0, 100.0, 99.0),          # 9 + 0.9 x 100
    (0.9, 1.0, 1000.0, 909.0),        # 9 + 0.9 x 1000
])
def test_drug_for_occupancy_hand_values(theta, kd, sites, expected):
    assert drug_for_occupancy(theta, kd, sites) == pytest.approx(expected)


def test_without_binding_sites_it_inverts_occupancy():
    theta = np.linspace(0, 0.999, 40)
    free = drug_for_occupancy(theta, 0.4)
    assert free.shape == (40,)
    assert occupancy(free, 0.4) == pytest.approx(theta)


def test_bound_plus_free_adds_up():
    # With sites present, free drug is still Kd·θ/(1-θ) and bound is θ·P_T.
    theta, kd, sites = 0.75, 0.4, 50.0
    free = drug_for_occupancy(theta, kd)            # 0.4 x 3 = 1.2
    total = drug_for_occupancy(theta, kd, sites)    # 1.2 + 37.5 = 38.7
    assert free == pytest.approx(1.2)
    assert total == pytest.approx(38.7)


@pytest.mark.parametrize(("call", "message"), [
    (lambda: drug_for_occupancy(1.0, 0.4),
     r"occupancy\b.*0.*1"),
    (lambda: drug_for_occupancy(-0.1, 0.4),
     r"occupancy\b.*0.*1"),
    (lambda: drug_for_occupancy(0.5, 0.0),
     r"kd_nM\b.*0.*inf"),
    (lambda: drug_for_occupancy(0.5, 0.4, -1.0),
     r"binding_sites_nM\b.*0.*inf"),
    (lambda: drug_for_occupancy([0.5, float("nan")], 0.4),
     r"occupancy\b.*finite"),
])
def test_drug_for_occupancy_refuses_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
