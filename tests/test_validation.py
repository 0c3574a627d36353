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


# --- one check per kind: whole numbers, choices, flags ----------------------

from enum import Enum  # noqa: E402

from conftest import assert_rejects  # noqa: E402
from tcibook.validation import check_choice, check_flag, check_integer  # noqa: E402


@pytest.mark.parametrize("good", [0, 4, 4.0, np.int64(8), np.float64(3.0)])
def test_check_integer_accepts_whole_numbers_of_any_type(good):
    n = check_integer("cases", good, low=0)
    assert n == good and type(n) is int


@pytest.mark.parametrize("bad", [2.5, -1, True, np.bool_(False), "3", None, math.nan, math.inf])
def test_check_integer_refuses_fractions_negatives_bools_strings(bad):
    assert_rejects(lambda: check_integer("cases", bad, low=0), "cases", "0", "inf")


def test_check_integer_upper_bound():
    assert check_integer("week", 52, low=0, high=52) == 52
    assert_rejects(lambda: check_integer("week", 53, low=0, high=52), "week", "0", "52")


class Impairment(Enum):
    NONE = "none"
    MILD = "mild"


@pytest.mark.parametrize("given", [Impairment.MILD, "mild", " MILD "])
def test_check_choice_accepts_member_or_its_value(given):
    assert check_choice("hepatic_impairment", given, Impairment) is Impairment.MILD


@pytest.mark.parametrize("bad", ["severe", 1, None, True])
def test_check_choice_names_parameter_and_every_choice(bad):
    with pytest.raises(ValueError) as caught:
        check_choice("hepatic_impairment", bad, Impairment)
    message = str(caught.value)
    assert "hepatic_impairment" in message and "'none'" in message and "'mild'" in message


def test_check_flag_accepts_only_booleans():
    assert check_flag("severe", True) is True and check_flag("severe", np.bool_(False)) is False
    for bad in (0, 1, "yes", None):
        with pytest.raises(ValueError, match="severe"):
            check_flag("severe", bad)


@pytest.mark.parametrize("bad", [True, "4", [1.0, True], np.array([True, False]),
                                 np.array(["1", "2"]), [[1.0], ["x"]]])
def test_check_array_refuses_bools_and_strings(bad):
    assert_rejects(lambda: check_array("conc", bad, low=0), "conc", "0", "inf")


def test_numbers_and_arrays_of_any_numeric_type_pass():
    assert check_array("conc", np.array([1, 2], dtype=np.int32), low=0).tolist() == [1.0, 2.0]
    assert check_array("conc", [np.float32(0.5), 2], low=0).tolist() == [0.5, 2.0]


@pytest.mark.parametrize("bad", [True, "4", None])
def test_a_model_refuses_a_bool_or_string_for_a_number(bad):
    from tcibook.binding import occupancy

    assert_rejects(lambda: occupancy(bad, 1.0), "ligand_nM", "0", "inf")
    assert_rejects(lambda: occupancy(1.0, bad), "kd_nM", "0", "inf")
