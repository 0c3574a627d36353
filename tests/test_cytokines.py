"""tcibook.cytokines: the Hill transfer model, checked by hand and against bad input."""

import numpy as np
import pytest

from tcibook.cytokines import (ILLUSTRATIVE_K_HALF, accessible_fraction_for_output,
                               relative_cytokine_output)
from tcibook.kinetics import accessible_fraction


@pytest.mark.parametrize(("a", "k", "n", "expected"), [
    (1.0, 0.25, 2, 1.0),             # no inhibitor: full output for any K, n
    (0.0, 0.25, 2, 0.0),             # no accessible calcineurin: no output
    (0.25, 0.25, 1, 0.625),          # 0.25 x 1.25 / (0.25 + 0.25)
    (0.5, 0.25, 2, 0.85),            # a^2 = 0.25, K^2 = 0.0625: 0.25 x 1.0625 / 0.3125
    (0.5, 1.0, 1, 2 / 3),            # 0.5 x 2 / 1.5
])
def test_relative_output_hand_values(a, k, n, expected):
    assert relative_cytokine_output(a, k, n) == pytest.approx(expected)


def test_large_k_and_n_1_is_proportional():
    # K -> infinity, n = 1: R = a (K + 1)/(K + a) -> a
    a = np.linspace(0, 1, 11)
    assert relative_cytokine_output(a, 1e9, 1) == pytest.approx(a, abs=1e-8)


def test_reserve_keeps_output_above_proportional():
    a = np.linspace(0.05, 0.95, 19)
    out = relative_cytokine_output(a, ILLUSTRATIVE_K_HALF, 1)
    assert np.all(out > a) and np.all(np.diff(out) > 0)


@pytest.mark.parametrize("n", [1, 2, 4])
def test_inverse_round_trips(n):
    r = np.array([0.0, 0.1, 0.5, 0.9, 1.0])
    a = accessible_fraction_for_output(r, ILLUSTRATIVE_K_HALF, n)
    assert relative_cytokine_output(a, ILLUSTRATIVE_K_HALF, n) == pytest.approx(r)
    assert np.all((a >= 0) & (a <= 1))


def test_inverse_hand_value():
    # n = 1, K = 0.25, R = 0.5: a = 0.25 x 0.5 / (1.25 - 0.5) = 1/6
    assert accessible_fraction_for_output(0.5, 0.25, 1) == pytest.approx(1 / 6)


def test_chain_from_inhibitor_to_output():
    # [I] = 9 Kd: accessible = 0.1; n = 1, K = 0.25: 0.1 x 1.25 / 0.35
    a = accessible_fraction(9.0, 1.0)
    assert relative_cytokine_output(a, 0.25, 1) == pytest.approx(0.125 / 0.35)


@pytest.mark.parametrize(("args", "message"), [
    ((1.2, 0.25, 2), r"accessible\b.*0.*1"),
    ((-0.1, 0.25, 2), r"accessible\b.*0.*1"),
    ((float("nan"), 0.25, 2), r"accessible\b.*finite"),
    ((0.5, 0.0, 2), r"k_half\b.*0.*inf"),
    ((0.5, -1.0, 2), r"k_half\b.*0.*inf"),
    ((0.5, 0.25, 0), r"hill\b.*0.*inf"),
    ((0.5, 0.25, float("nan")), r"hill\b.*finite"),
])
def test_relative_output_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        relative_cytokine_output(*args)


@pytest.mark.parametrize(("args", "message"), [
    ((1.5, 0.25, 2), r"relative_output\b.*0.*1"),
    ((-0.5, 0.25, 2), r"relative_output\b.*0.*1"),
    ((0.5, 0.0, 2), r"k_half\b.*0.*inf"),
    ((0.5, 0.25, -2), r"hill\b.*0.*inf"),
])
def test_inverse_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        accessible_fraction_for_output(*args)
