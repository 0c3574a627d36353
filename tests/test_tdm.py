"""Trough ranges from the US Prograf label, exactly at the
month boundaries, and the steady-state relations of trough-guided dosing,
checked against hand calculations."""

import math

import numpy as np
import pytest

from tcibook.facts import value
from tcibook.pk import (OneCompartment, TwoCompartment,
                        average_steady_state_concentration,
                        time_to_fraction_of_steady_state)
from tcibook.tdm import (ORGAN_REGIMENS, Organ, Population, Regimen, capsule_dose,
                         average_after_clearance_change,
                         concentration_after_clearance_change_over_time,
                         dose_for_unchanged_exposure, early_sample_factor,
                         fraction_of_steady_state, prograf_trough_range,
                         trough_adjusted_dose, trough_after_clearance_change)


# --- Trough ranges --------------------------------------------------------------

@pytest.mark.parametrize(("organ", "regimen", "month", "expected"), [
    ("kidney", "azathioprine", 1, (7, 20)),
    ("kidney", "azathioprine", 3, (7, 20)),     # last month of the early period
    ("kidney", "azathioprine", 4, (5, 15)),     # first month of the later period
    ("kidney", "azathioprine", 12, (5, 15)),
    ("kidney", "mmf_il2ra", 1, (4, 11)),
    ("kidney", "mmf_il2ra", 3, (4, 11)),        # no step at month 3/4 here
    ("kidney", "mmf_il2ra", 4, (4, 11)),
    ("kidney", "mmf_il2ra", 12, (4, 11)),
    ("liver", "corticosteroids", 1, (5, 20)),
    ("liver", None, 12, (5, 20)),
    ("heart", "azathioprine_or_mmf", 3, (10, 20)),
    ("heart", None, 4, (5, 15)),
    ("heart", None, 13, (5, 15)),               # open-ended from month 4
    ("heart", None, 120, (5, 15)),
])
def test_trough_ranges_at_every_boundary(organ, regimen, month, expected):
    t = prograf_trough_range(organ, month, regimen)
    assert (t.low_ng_ml, t.high_ng_ml) == expected
    assert value(t.fact_key) == expected


def test_ranges_are_the_label_facts():
    assert value("prograf_trough_kidney_aza_early_ng_ml") == (7, 20)
    assert prograf_trough_range("kidney", np.int64(2), "mmf_il2ra").high_ng_ml == 11


@pytest.mark.parametrize(("organ", "regimen"), [
    ("kidney", "azathioprine"), ("kidney", "mmf_il2ra"), ("liver", None),
])
def test_no_range_after_month_12_for_kidney_and_liver(organ, regimen):
    assert prograf_trough_range(organ, 12, regimen)
    with pytest.raises(ValueError, match="gives no trough range after month 12"):
        prograf_trough_range(organ, 13, regimen)


@pytest.mark.parametrize(("args", "message"), [
    (("pancreas", 2), "organ.*'lung'"),
    (("kidney", 2), "regimen.*adult kidney"),
    (("kidney", 2, "corticosteroids"), "regimen.*adult kidney.*mmf_il2ra"),
    (("liver", 2, "azathioprine"), "regimen.*adult liver.*corticosteroids"),
    (("heart", 0), r"month.*\[1, inf\)"),
    (("heart", -1), r"month.*\[1, inf\)"),
    (("heart", 3.5), r"month.*\[1, inf\)"),
    (("heart", True), "month"),
    (("heart", "3"), "month"),
])
def test_trough_range_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        prograf_trough_range(*args)


def test_every_regimen_has_a_range_in_month_one():
    for (population, organ), regimens in ORGAN_REGIMENS.items():
        week = 1 if (population, organ) == (Population.PEDIATRIC, Organ.LUNG) else None
        for regimen in regimens:
            t = prograf_trough_range(organ, 1, regimen, population=population,
                                     week=week)
            assert t.first_month == 1 and t.population is population


def test_month_may_be_any_whole_number():
    assert prograf_trough_range("heart", 3.0).low_ng_ml == 10
    assert prograf_trough_range(Organ.HEART, np.int64(3),
                                Regimen.AZATHIOPRINE_OR_MMF).low_ng_ml == 10


# --- Lung and paediatric rows of the current label --------------------------------

@pytest.mark.parametrize(("organ", "month", "kwargs", "expected"), [
    ("lung", 1, {}, (10, 15)),
    ("lung", 3, {}, (10, 15)),                  # last month of the early period
    ("lung", 4, {}, (8, 12)),                   # first month of the later period
    ("lung", 12, {"regimen": "azathioprine_or_mmf"}, (8, 12)),
    ("kidney", 1, {"population": "pediatric"}, (5, 20)),
    ("kidney", 12, {"population": Population.PEDIATRIC}, (5, 20)),
    ("liver", 6, {"population": "pediatric"}, (5, 20)),
    ("heart", 12, {"population": "pediatric"}, (5, 20)),
    ("lung", 1, {"population": "pediatric", "week": 1}, (10, 20)),
    ("lung", 1, {"population": "pediatric", "week": 2}, (10, 20)),  # week 2: first row
    ("lung", 1, {"population": "pediatric", "week": 3}, (10, 15)),
    ("lung", 2, {"population": "pediatric"}, (10, 15)),
    ("lung", 12, {"population": "pediatric"}, (10, 15)),
])
def test_lung_and_pediatric_ranges(organ, month, kwargs, expected):
    t = prograf_trough_range(organ, month, **kwargs)
    assert (t.low_ng_ml, t.high_ng_ml) == expected


def test_pediatric_lung_weeks_in_words():
    assert prograf_trough_range("lung", 1, population="pediatric",
                                week=2).months == "weeks 1-2"
    assert prograf_trough_range("lung", 1, population="pediatric",
                                week=4).months == "weeks 3-4"


@pytest.mark.parametrize(("organ", "kwargs"), [
    ("lung", {}), ("kidney", {"population": "pediatric"}),
    ("heart", {"population": "pediatric"}), ("lung", {"population": "pediatric"}),
])
def test_no_range_after_month_12_for_lung_and_children(organ, kwargs):
    with pytest.raises(ValueError, match="month.*12"):
        prograf_trough_range(organ, 13, **kwargs)


@pytest.mark.parametrize(("args", "kwargs", "message"), [
    (("lung", 1), {"population": "pediatric"}, r"week.*\[1, 4\]"),
    (("lung", 1), {"population": "pediatric", "week": 5}, r"week.*\[1, 4\]"),
    (("lung", 1), {"population": "pediatric", "week": 0}, r"week.*\[1, 4\]"),
    (("lung", 2), {"population": "pediatric", "week": 6}, "week.*month 1"),
    (("kidney", 1, "azathioprine"), {"week": 1}, "week.*pediatric lung"),
    (("kidney", 1), {"population": "child"}, "population.*'pediatric'"),
    (("kidney", 1, "azathioprine"), {"population": "pediatric"},
     "regimen for the pediatric kidney.*'not named'"),
    (("lung", 2, "corticosteroids"), {}, "regimen for the adult lung"),
    (("lung", 2, "tacrolimus"), {}, "regimen.*'azathioprine'"),
])
def test_lung_and_pediatric_refuse_bad_input(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        prograf_trough_range(*args, **kwargs)


def test_trough_target_helpers():
    t = prograf_trough_range("kidney", 6, "mmf_il2ra")
    assert t.midpoint_ng_ml == 7.5                        # (4 + 11) / 2
    assert t.months == "months 1-12"
    assert prograf_trough_range("heart", 5).months == "month 4 on"
    assert [t.position(c) for c in (3.9, 4, 7, 11, 11.1)] == [
        "below", "within", "within", "within", "above"]
    with pytest.raises(ValueError, match="trough_ng_ml"):
        t.position(-1)


def test_same_trough_changes_category_between_month_3_and_4():
    # 6 ng/mL is below 7-20 in month 3 but within 5-15 in month 4.
    assert prograf_trough_range("kidney", 3, "azathioprine").position(6) == "below"
    assert prograf_trough_range("kidney", 4, "azathioprine").position(6) == "within"


# --- Proportional dose adjustment ---------------------------------------------

@pytest.mark.parametrize(("dose", "measured", "target", "expected"), [
    (4.0, 18.0, 7.5, 4.0 * 7.5 / 18.0),   # = 1.667
    (3.0, 5.0, 10.0, 6.0),                # 3 * 10 / 5
    (2.0, 8.0, 8.0, 2.0),                 # on target: unchanged
])
def test_trough_adjusted_dose(dose, measured, target, expected):
    assert trough_adjusted_dose(dose, measured, target) == pytest.approx(expected)


@pytest.mark.parametrize(("args", "message"), [
    ((0, 5, 7), r"dose_mg.*\(0, inf\)"),
    ((-1, 5, 7), r"dose_mg.*\(0, inf\)"),
    ((2, 0, 7), r"measured_trough_ng_ml.*\(0, inf\)"),
    ((2, 5, float("nan")), "target_trough_ng_ml"),
    ((2, "5", 7), "measured_trough_ng_ml"),
])
def test_trough_adjusted_dose_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        trough_adjusted_dose(*args)


# --- Steady state ------------------------------------------------------------------

def test_average_steady_state_concentration_per_kg_hand_values():
    # the engine's relation with per-kg units and a day as the interval:
    # 0.25 * 0.1 mg/kg/day / (0.06 L/h/kg * 24 h/day) = 0.025 / 1.44 mg/L
    assert average_steady_state_concentration(0.1, 24, 0.06, 0.25) == pytest.approx(
        0.025 / 1.44 * 1000)                    # 17.36 ng/mL
    assert average_steady_state_concentration(0.2, 24, 0.06, 0.25) == pytest.approx(
        2 * 0.025 / 1.44 * 1000)                # linear in dose: 34.72 ng/mL


@pytest.mark.parametrize(("args", "message"), [
    ((0, 24, 0.06, 0.25), "dose_mg"),
    ((0.1, 24, 0, 0.25), "cl_l_h"),
    ((0.1, 24, 0.06, 0), r"bioavailability.*\(0, 1\]"),
    ((0.1, 24, 0.06, 1.5), r"bioavailability.*\(0, 1\]"),
    ((0.1, 24, 0.06, True), "bioavailability"),
])
def test_average_steady_state_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        average_steady_state_concentration(*args)


@pytest.mark.parametrize(("t", "half", "expected"), [
    (0, 12, 0.0), (12, 12, 0.5), (24, 12, 0.75), (36, 12, 0.875),
])
def test_fraction_of_steady_state(t, half, expected):
    assert fraction_of_steady_state(t, half) == pytest.approx(expected)


def test_fraction_of_steady_state_vectorises():
    f = fraction_of_steady_state([0, 12, 24], 12)
    assert f.shape == (3,) and f == pytest.approx([0, 0.5, 0.75])


@pytest.mark.parametrize(("fraction", "half", "expected"), [
    (0.5, 12, 12.0), (0.75, 12, 24.0),
    (0.9, 12, 12 * math.log2(10)),        # 39.86 h
])
def test_time_to_fraction_of_steady_state(fraction, half, expected):
    k = math.log(2) / half
    assert time_to_fraction_of_steady_state(fraction, k) == pytest.approx(expected)


def test_time_and_fraction_are_inverse():
    t = time_to_fraction_of_steady_state(0.9, math.log(2) / 48.4)
    assert fraction_of_steady_state(t, 48.4) == pytest.approx(0.9)


@pytest.mark.parametrize(("call", "message"), [
    (lambda: fraction_of_steady_state(-1, 12), "time_h must have every element"),
    (lambda: fraction_of_steady_state(1, 0), r"half_life_h.*\(0, inf\)"),
    (lambda: time_to_fraction_of_steady_state(1.0, 0.1), r"fraction.*\(0, 1\)"),
    (lambda: time_to_fraction_of_steady_state(0.0, 0.1), r"fraction.*\(0, 1\)"),
    (lambda: time_to_fraction_of_steady_state(-0.1, 0.1), r"fraction.*\[0, 1\]"),
    (lambda: time_to_fraction_of_steady_state(0.5, -0.1), "elimination_rate_per_h"),
    (lambda: early_sample_factor(-1, 12), r"hours_early.*\[0, inf\)"),
    (lambda: early_sample_factor(1, float("nan")), "half_life_h"),
])
def test_steady_state_functions_refuse_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(("early", "half", "expected"), [
    (0, 12, 1.0), (12, 12, 2.0), (6, 12, math.sqrt(2)),   # 2 ** (6/12)
    (2, 12, 2 ** (1 / 6)),                                 # 1.122
])
def test_early_sample_factor(early, half, expected):
    assert early_sample_factor(early, half) == pytest.approx(expected)


# --- Clearance change (illustrative folds) -----------------------------------------
# How these shortcuts compare with the pk engine: tests/test_shortcuts_vs_engine.py.

#: A bolus-like one-compartment model: k = ln 2 / 12 h, absorption 1000/h.
_FAST = OneCompartment(cl_l_h=math.log(2) / 12 * 100, v_l=100.0, ka_per_h=1000.0)


@pytest.mark.parametrize(("conc", "fold", "expected"), [
    (8.0, 0.5, 16.0),     # clearance halved: the average doubles
    (8.0, 2.0, 4.0),      # clearance doubled: the average halves
    (8.0, 1.0, 8.0),
])
def test_average_after_clearance_change(conc, fold, expected):
    assert average_after_clearance_change(conc, fold) == pytest.approx(expected)


def test_average_after_clearance_change_vectorises():
    out = average_after_clearance_change(np.array([2.0, 4.0]), 0.25)
    assert out == pytest.approx([8.0, 16.0])


@pytest.mark.parametrize(("fold", "expected"), [
    # bolus trough D/V/(e^{k tau} - 1): with k tau = ln 2 it is D/V; the ratio
    # new/old is (2 - 1)/(2^fold - 1)
    (0.5, 1.0 / (2 ** 0.5 - 1)),
    (0.25, 1.0 / (2 ** 0.25 - 1)),
    (3.0, 1.0 / 7.0),
    (1.0, 1.0),
])
def test_trough_after_clearance_change_by_hand(fold, expected):
    got = trough_after_clearance_change(8.0, fold, _FAST, 12.0)
    assert got == pytest.approx(8.0 * expected, rel=1e-3)


@pytest.mark.parametrize(("dose", "fold", "expected"), [
    (4.0, 2.0, 8.0), (4.0, 0.5, 2.0), (4.0, 1.0, 4.0),
])
def test_dose_for_unchanged_exposure(dose, fold, expected):
    assert dose_for_unchanged_exposure(dose, fold) == pytest.approx(expected)


def test_proportional_rule_undoes_a_clearance_change_of_the_average():
    # 4 mg gives an average of 8 ng/mL; clearance halves -> 16 ng/mL; the
    # proportional rule back to 8 ng/mL gives 4 * 8/16 = 2 mg, as 4 * 0.5 does.
    c_new = average_after_clearance_change(8.0, 0.5)
    assert trough_adjusted_dose(4.0, c_new, 8.0) == pytest.approx(
        dose_for_unchanged_exposure(4.0, 0.5))


@pytest.mark.parametrize(("call", "message"), [
    (lambda: average_after_clearance_change(8, 0),
     r"illustrative_clearance_fold.*\(0, inf\)"),
    (lambda: average_after_clearance_change(-8, 0.5),
     "average_ng_ml must have every element"),
    (lambda: dose_for_unchanged_exposure(4, -1),
     r"illustrative_clearance_fold.*\(0, inf\)"),
    (lambda: dose_for_unchanged_exposure(0, 2), r"dose_mg.*\(0, inf\)"),
    (lambda: trough_after_clearance_change(-1, 0.5, _FAST), r"trough_ng_ml.*\[0, inf\)"),
    (lambda: trough_after_clearance_change(8, float("nan"), _FAST),
     "illustrative_clearance_fold"),
    (lambda: trough_after_clearance_change(8, True, _FAST), "illustrative_clearance_fold"),
    (lambda: trough_after_clearance_change(8, 0.5, "mean patient"), "model must be"),
    (lambda: trough_after_clearance_change(8, 0.5, OneCompartment([1.0, 2.0], 10.0)),
     "scalar parameters"),
    (lambda: trough_after_clearance_change(8, 0.5, _FAST, 0), r"tau_h.*\(0, inf\)"),
])
def test_clearance_change_refuses_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --- The time course after clearance changes ----------------------------------------

def test_time_course_starts_at_the_trough_and_ends_at_the_new_steady_trough():
    got = concentration_after_clearance_change_over_time([0.0, 24.0 * 60], 8.0, 0.5,
                                                         _FAST, 12.0)
    assert got[0] == pytest.approx(8.0)
    assert got[1] == pytest.approx(trough_after_clearance_change(8.0, 0.5, _FAST, 12.0))


def test_troughs_approach_with_the_new_half_life_by_hand():
    # bolus-like: old trough 8 (D/V = 8), new trough 8/(2^0.5 - 1) = 19.31;
    # new half-life 24 h, so after 24 h half the gap is left
    t_new = 8.0 / (2 ** 0.5 - 1)
    got = concentration_after_clearance_change_over_time(24.0, 8.0, 0.5, _FAST, 12.0)
    assert got == pytest.approx(t_new - (t_new - 8.0) / 2, rel=1e-3)


@pytest.mark.parametrize(("args", "message"), [
    ((-1, 8, 0.5, _FAST), r"time_h.*\[0, inf\)"),
    ((1, -8, 0.5, _FAST), r"trough_ng_ml.*\[0, inf\)"),
    ((1, 8, 0, _FAST), r"illustrative_clearance_fold.*\(0, inf\)"),
    ((1, 8, 0.5, TwoCompartment(5.0, 50.0, 10.0, 500.0)), "OneCompartment"),
    ((1, 8, 0.5, _FAST, "12"), "tau_h"),
])
def test_time_course_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        concentration_after_clearance_change_over_time(*args)


# --- Capsule rounding ----------------------------------------------------------------

def test_capsule_strengths_are_the_label_numbers():
    # Prograf capsules: 0.5 mg, 1 mg and 5 mg.
    from tcibook.tdm import PROGRAF_CAPSULES_MG
    assert tuple(PROGRAF_CAPSULES_MG) == (0.5, 1, 5)


@pytest.mark.parametrize(("dose", "rounded", "counts"), [
    (3.6, 3.5, {5.0: 0, 1.0: 3, 0.5: 1}),     # 7.2 units of 0.5 -> 7
    (3.75, 4.0, {5.0: 0, 1.0: 4, 0.5: 0}),    # exactly halfway: up
    (3.74, 3.5, {5.0: 0, 1.0: 3, 0.5: 1}),
    (6.3, 6.5, {5.0: 1, 1.0: 1, 0.5: 1}),
    (10.0, 10.0, {5.0: 2, 1.0: 0, 0.5: 0}),
    (0.25, 0.5, {5.0: 0, 1.0: 0, 0.5: 1}),    # halfway to the smallest
])
def test_capsule_dose_hand_values(dose, rounded, counts):
    d = capsule_dose(dose)
    assert d.dose_mg == pytest.approx(rounded) and d.capsules == counts
    assert d.n_capsules == sum(counts.values())
    assert d.rounding_mg == pytest.approx(rounded - dose)


def test_capsule_dose_with_other_strengths():
    assert capsule_dose(7.0, [2, 1]).capsules == {2.0: 3, 1.0: 1}


@pytest.mark.parametrize(("args", "message"), [
    ((0,), r"dose_mg.*\(0, inf\)"), ((0.2,), "dose_mg.*half the smallest"),
    (("3",), "dose_mg"), ((3, [1, 0.75]), "strengths_mg.*multiples"),
    ((3, [0, 1]), r"strengths_mg.*\(0, inf\)"), ((3, []), "strengths_mg"),
])
def test_capsule_dose_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        capsule_dose(*args)
