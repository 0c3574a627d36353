import numpy as np
import pytest

from tcibook.blood import (ILLUSTRATIVE_HAEMATOCRIT, blood_plasma_ratio,
                           erythrocyte_fraction, erythrocyte_partition,
                           plasma_concentration, plasma_shortfall)
from tcibook.facts import value


@pytest.mark.parametrize(("cb", "ratio", "expected"), [
    (3.0, 15, 0.2),        # 3 / 15
    (0.5, 15, 1 / 30),     # 0.5 / 15 = 0.0333
    (2.0, 1, 2.0),         # no red-cell binding
    (0.0, 15, 0.0),
])
def test_plasma_concentration_hand_values(cb, ratio, expected):
    assert plasma_concentration(cb, ratio) == pytest.approx(expected)


def test_plasma_concentration_vectorises():
    cp = plasma_concentration(np.array([1.5, 3.0, 7.5]), 15)
    assert cp == pytest.approx([0.1, 0.2, 0.5])


def test_fold_underestimate_of_the_tacrolimus_ratio():
    ratio = value("tacrolimus_blood_plasma_ratio")       # 15
    assert 1.0 / plasma_concentration(1.0, ratio) == pytest.approx(15)
    assert plasma_shortfall(ratio) == pytest.approx(14 / 15)   # 1 - 1/15
    assert plasma_shortfall(1) == 0.0


def test_whole_blood_that_still_reads_below_loq_in_plasma():
    # C_p < LOQ  <=>  C_b < R * LOQ = 15 * 0.5 = 7.5 ng/mL
    ratio, loq = value("tacrolimus_blood_plasma_ratio"), value("elidel_child_loq_ng_ml")
    assert plasma_concentration(ratio * loq, ratio) == pytest.approx(loq)
    assert plasma_concentration(value("staab2005_max_ng_ml"), ratio) < loq


@pytest.mark.parametrize(("hct", "k_rbc", "ratio"), [
    (0.5, 29, 15.0),        # 0.5 * 29 + 0.5
    (0.4, 1, 1.0),          # same concentration in cells and plasma
    (0.4, 0, 0.6),          # excluded from cells: R = 1 - H
])
def test_ratio_from_haematocrit_and_partition(hct, k_rbc, ratio):
    assert blood_plasma_ratio(hct, k_rbc) == pytest.approx(ratio)
    assert erythrocyte_partition(ratio, hct) == pytest.approx(k_rbc)


def test_partition_round_trip_at_the_illustrative_haematocrit():
    # (15 - 1 + 0.45) / 0.45 = 32.111
    k_rbc = erythrocyte_partition(15, ILLUSTRATIVE_HAEMATOCRIT)
    assert k_rbc == pytest.approx(14.45 / 0.45)
    assert blood_plasma_ratio(ILLUSTRATIVE_HAEMATOCRIT, k_rbc) == pytest.approx(15)


def test_erythrocyte_fraction_hand_values():
    assert erythrocyte_fraction(0.5, 29) == pytest.approx(14.5 / 15)
    assert erythrocyte_fraction(0.4, 1) == pytest.approx(0.4)
    f = erythrocyte_fraction(np.array([0.3, 0.45]), 32)
    assert f.shape == (2,) and np.all(np.diff(f) > 0)


def test_lower_haematocrit_lowers_the_ratio():
    r = blood_plasma_ratio(np.linspace(0.2, 0.6, 5), 30)
    assert np.all(np.diff(r) > 0)


@pytest.mark.parametrize(("call", "message"), [
    (lambda: plasma_concentration(-1, 15), r"whole_blood_ng_ml\b.*0.*inf"),
    (lambda: plasma_concentration(1, 0), r"blood_plasma_ratio\b.*0.*inf"),
    (lambda: plasma_concentration([1, np.nan], 15), r"whole_blood_ng_ml\b.*finite"),
    (lambda: plasma_shortfall(-2), r"blood_plasma_ratio\b.*0.*inf"),
    (lambda: blood_plasma_ratio(1.0, 30), r"haematocrit\b.*0.*1"),
    (lambda: blood_plasma_ratio(0.45, -1), r"erythrocyte_plasma_partition\b.*0.*inf"),
    (lambda: erythrocyte_partition(0.3, 0.45), r"blood_plasma_ratio\b.*0\.55.*inf"),
    (lambda: erythrocyte_partition(15, 0), r"haematocrit\b.*0.*1"),
    (lambda: erythrocyte_fraction(0.45, float("inf")), r"erythrocyte_plasma_partition\b.*finite"),
])
def test_bad_input_is_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()
