import numpy as np
import pytest

from tcibook.binding import occupancy


@pytest.mark.parametrize(("conc", "kd", "expected"), [
    (0.0, 0.4, 0.0),
    (0.4, 0.4, 0.5),       # [L] = Kd
    (3.6, 0.4, 0.9),       # [L] = 9 Kd
    (39.6, 0.4, 0.99),     # [L] = 99 Kd
])
def test_occupancy_hand_values(conc, kd, expected):
    assert occupancy(conc, kd) == pytest.approx(expected)


def test_occupancy_vectorises_and_is_monotonic():
    theta = occupancy(np.logspace(-3, 3, 50), 0.4)
    assert theta.shape == (50,)
    assert np.all(np.diff(theta) > 0) and theta.max() < 1


@pytest.mark.parametrize(("conc", "kd", "message"), [
    (1.0, 0.0, r"kd_nM\b.*0.*inf"),
    (1.0, -1.0, r"kd_nM\b.*0.*inf"),
    (1.0, float("nan"), r"kd_nM\b.*finite"),
    (-0.1, 0.4, r"ligand_nM\b.*0.*inf"),
    ([1.0, float("nan")], 0.4, r"ligand_nM\b.*finite"),
])
def test_occupancy_refuses_bad_input(conc, kd, message):
    with pytest.raises(ValueError, match=message):
        occupancy(conc, kd)
