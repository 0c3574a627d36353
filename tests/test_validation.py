import math

import numpy as np
import pytest

from tcibook.validation import check_array, check_fraction, check_number


def test_check_number_returns_float_in_range():
    assert check_number("x", 3, low=0) == 3.0
    assert isinstance(check_number("x", np.float64(0.5), low=0, high=1), float)


@pytest.mark.parametrize("bad", [float("nan"), math.inf, -math.inf])
def test_check_number_refuses_non_finite(bad):
    with pytest.raises(ValueError, match=r"dose must be a finite number in \[0, inf\) mg"):
        check_number("dose", bad, low=0, unit="mg")


@pytest.mark.parametrize("bad", ["1", None, True, [1.0]])
def test_check_number_refuses_non_numbers(bad):
    with pytest.raises(ValueError, match="dose must be a real number"):
        check_number("dose", bad, low=0)


def test_check_number_open_and_closed_bounds():
    assert check_number("k", 0, low=0) == 0.0
    with pytest.raises(ValueError, match=r"k must lie in \(0, inf\); got 0"):
        check_number("k", 0, low=0, low_open=True)
    assert check_number("f", 1, high=1) == 1.0
    with pytest.raises(ValueError, match=r"f must lie in \(-inf, 1\); got 1"):
        check_number("f", 1, high=1, high_open=True)


def test_check_fraction():
    assert check_fraction("theta", 0.25) == 0.25
    for bad in (-0.01, 1.01):
        with pytest.raises(ValueError, match=r"theta must lie in \[0, 1\]"):
            check_fraction("theta", bad)


def test_check_array_accepts_and_returns_floats():
    out = check_array("conc", [0, 1, 2], low=0)
    assert out.dtype == float and out.tolist() == [0.0, 1.0, 2.0]


def test_check_array_errors_name_the_parameter():
    with pytest.raises(ValueError, match=r"conc must have every element in \[0, inf\) nM; got -1"):
        check_array("conc", [1, -1], low=0, unit="nM")
    with pytest.raises(ValueError, match="conc must contain only finite numbers"):
        check_array("conc", [1, np.nan])
    with pytest.raises(ValueError, match=r"conc must be a 1-dimensional array; got shape \(2, 2\)"):
        check_array("conc", [[1, 2], [3, 4]], ndim=1)
    with pytest.raises(ValueError, match="conc must be numeric"):
        check_array("conc", ["a", "b"])


def test_check_positive_refuses_zero_and_names_the_range():
    from tcibook.validation import check_positive

    assert check_positive("k_el", 0.25, "1/h") == 0.25
    with pytest.raises(ValueError, match=r"k_el must lie in \(0, inf\) 1/h; got 0"):
        check_positive("k_el", 0, "1/h")
