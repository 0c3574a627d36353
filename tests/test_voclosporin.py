"""The US Lupkynis label's rules, on every branch and exactly
at every boundary. Each expected decline is worked by hand in a comment:
decline = 100 * (baseline - current) / baseline."""

import dataclasses
import math

import numpy as np
import pytest

from tcibook.voclosporin import (AFTER_FIRST_YEAR_INTERVAL_WEEKS, CAPSULE_MG, START_DOSE_MG, Action, Baseline,
                                 CYP3A4Inhibitor, HepaticImpairment, Visit,
                                 assess_visit, decline_from_baseline_pct,
                                 egfr_check_weeks, starting_regimen)

START, ROUTINE = Visit.START, Visit.ROUTINE
AFTER_REDUCTION, AFTER_STOP = Visit.AFTER_REDUCTION, Visit.AFTER_STOP
OK_BP = (130, 80)


def routine(base, egfr, dose=23.7, bp=OK_BP, visit=ROUTINE, **kw):
    return assess_visit(Baseline(base), egfr, *bp, dose, visit=visit, **kw)


def test_constants_are_the_label_numbers():
    # The US label: 7.9 mg capsules; starting dose 23.7 mg (3 capsules) twice daily.
    assert CAPSULE_MG == 7.9
    assert START_DOSE_MG == 23.7
    assert round(START_DOSE_MG / CAPSULE_MG) == 3          # 23.7 / 7.9


# --- Baseline and decline -------------------------------------------------

@pytest.mark.parametrize(("base", "egfr", "expected"), [
    (90, 72, 20.0),        # 100 * 18 / 90: exactly 20 in decimal arithmetic
    (70, 49, 30.0),        # 100 * 21 / 70
    (100, 110, -10.0),     # a rise is a negative decline
    (75, 75, 0.0),
])
def test_decline_hand_values(base, egfr, expected):
    assert decline_from_baseline_pct(Baseline(base), egfr) == expected


@pytest.mark.parametrize(("egfr", "message"), [
    (0, r"baseline egfr.*\(0, inf\)"),
    (-5, r"baseline egfr.*\(0, inf\)"),
    (float("nan"), "baseline egfr"),
    (float("inf"), "baseline egfr"),
    ("70", "baseline egfr"),
    (True, "baseline egfr"),
])
def test_baseline_refuses_impossible_egfr(egfr, message):
    with pytest.raises(ValueError, match=message):
        Baseline(egfr)


def test_baseline_is_immutable():
    base = Baseline(80)
    with pytest.raises(dataclasses.FrozenInstanceError):
        base.egfr = 60


def test_missing_baseline_is_refused():
    with pytest.raises(ValueError, match="baseline is missing"):
        assess_visit(None, 50, *OK_BP, 23.7, visit=ROUTINE)
    with pytest.raises(ValueError, match="baseline is missing"):
        decline_from_baseline_pct(None, 50)


@pytest.mark.parametrize("bare", [70, 70.0, "70", {"egfr": 70}])
def test_bare_number_baseline_is_refused(bare):
    with pytest.raises(ValueError, match="baseline must be the Baseline"):
        assess_visit(bare, 50, *OK_BP, 23.7, visit=ROUTINE)


def test_decline_computed_against_the_previous_visit_is_refused():
    # Baseline 100, previous visit 80, today 70. From baseline: 100*30/100 = 30 %.
    # From the previous visit: 100*10/80 = 12.5 %, which must be refused.
    with pytest.raises(ValueError, match=r"reported_decline_pct.*baseline.*30\.0 %"):
        routine(100, 70, reported_decline_pct=12.5)


def test_reported_decline_that_agrees_within_rounding_is_accepted():
    # 100 * 19 / 75 = 25.33 %, reported rounded to 25 %
    d = routine(75, 56, reported_decline_pct=25)
    assert d.action is Action.REDUCE and d.decline_pct == pytest.approx(25.333333333)


@pytest.mark.parametrize("bad", [float("nan"), 100, 150, "25"])
def test_reported_decline_must_be_a_percentage_below_100(bad):
    with pytest.raises(ValueError, match="reported_decline_pct"):
        routine(75, 56, reported_decline_pct=bad)


# --- Input validation --------------------------------------------------------

@pytest.mark.parametrize(("egfr", "message"), [
    (0, r"current_egfr.*\(0, inf\)"),
    (-10, r"current_egfr.*\(0, inf\)"),
    (float("nan"), "current_egfr"),
    (None, "current_egfr"),
])
def test_current_egfr_must_be_positive_and_finite(egfr, message):
    with pytest.raises(ValueError, match=message):
        routine(70, egfr)


@pytest.mark.parametrize(("bp", "message"), [
    ((-120, 80), r"systolic_mmhg.*\(0, inf\)"),
    ((120, -80), r"diastolic_mmhg.*\(0, inf\)"),
    ((0, 0), r"systolic_mmhg.*\(0, inf\)"),
    ((float("nan"), 80), "systolic_mmhg"),
    ((80, 120), "systolic_mmhg.*diastolic_mmhg"),
])
def test_impossible_blood_pressure_is_refused(bp, message):
    with pytest.raises(ValueError, match=message):
        routine(70, 65, bp=bp)


@pytest.mark.parametrize(("dose", "message"), [
    (10, "dose_mg.*7.9 mg capsules.*15.8"),
    (31.6, r"dose_mg.*\[0, 23.7\]"),
    (-7.9, r"dose_mg.*\[0, 23.7\]"),
    ("23.7", "dose_mg"),
])
def test_dose_must_be_whole_capsules_up_to_the_start_dose(dose, message):
    with pytest.raises(ValueError, match=message):
        routine(70, 65, dose=dose)


@pytest.mark.parametrize("visit", [True, "begin", None, 0])
def test_visit_must_be_a_visit(visit):
    with pytest.raises(ValueError, match="visit.*'routine'"):
        assess_visit(Baseline(70), 70, *OK_BP, 0, visit=visit)


def test_visit_may_be_given_by_its_value():
    assert assess_visit(Baseline(70), 70, *OK_BP, 0, visit="start").dose_mg == 23.7
    assert routine(70, 52.5, visit=" Routine").action is Action.REDUCE


def test_dose_must_fit_the_visit():
    with pytest.raises(ValueError, match="dose_mg.*start visit"):
        assess_visit(Baseline(70), 70, *OK_BP, 23.7, visit=START)
    with pytest.raises(ValueError, match="dose_mg.*routine"):
        routine(70, 65, dose=0)
    with pytest.raises(ValueError, match="dose_mg.*after reduction"):
        routine(70, 65, dose=0, visit=AFTER_REDUCTION)
    with pytest.raises(ValueError, match="dose_mg.*after a stop"):
        routine(70, 65, dose=7.9, visit=AFTER_STOP)


@pytest.mark.parametrize(("start_dose", "message"), [
    (0, "start_dose_mg.*one capsule"),
    (10, "start_dose_mg.*7.9 mg capsules"),
    (31.6, r"start_dose_mg.*\[0, 23.7\]"),
    ("15.8", "start_dose_mg"),
])
def test_start_dose_must_be_one_to_three_capsules(start_dose, message):
    with pytest.raises(ValueError, match=message):
        routine(70, 65, dose=7.9, start_dose_mg=start_dose)


def test_dose_may_not_exceed_the_patients_starting_dose():
    with pytest.raises(ValueError, match=r"dose_mg.*\[0, 15.8\]"):
        routine(70, 65, dose=23.7, start_dose_mg=15.8)


def test_start_visit_egfr_is_the_baseline():
    with pytest.raises(ValueError, match="current_egfr.*baseline"):
        assess_visit(Baseline(70), 68, *OK_BP, 0, visit=START)


# --- Start visit -------------------------------------------------------------

def start(base, bp=OK_BP):
    return assess_visit(Baseline(base), base, *bp, 0, visit=START)


def test_start_with_normal_values():
    d = start(75)
    assert d.action is Action.START and d.dose_mg == 23.7
    assert d.reassess_within_weeks == 2 and d.decline_pct is None
    assert "Lupkynis label" in d.reason


@pytest.mark.parametrize(("bp", "action"), [
    ((165, 105), Action.START),          # exactly at the limit: not above it
    ((166, 105), Action.DO_NOT_START),
    ((165, 106), Action.DO_NOT_START),
    ((165.1, 80), Action.DO_NOT_START),
    ((140, 105.1), Action.DO_NOT_START),
])
def test_start_blood_pressure_boundary(bp, action):
    d = start(75, bp)
    assert d.action is action
    if action is Action.DO_NOT_START:
        assert d.dose_mg == 0 and "above 165/105 mmHg" in d.reason


@pytest.mark.parametrize(("base", "action"), [
    (45, Action.NOT_RECOMMENDED),         # "<= 45": exactly 45 is not recommended
    (44.9, Action.NOT_RECOMMENDED),
    (45.1, Action.START),
])
def test_start_baseline_egfr_boundary(base, action):
    d = start(base)
    assert d.action is action
    if action is Action.NOT_RECOMMENDED:
        assert d.dose_mg == 0 and "benefit outweighs the risk" in d.reason


def test_high_blood_pressure_wins_over_low_baseline():
    assert start(40, (170, 110)).action is Action.DO_NOT_START


def test_start_at_a_reduced_starting_dose():
    # Hepatic impairment: starting_regimen gives 15.8 mg twice daily.
    d = assess_visit(Baseline(75), 75, *OK_BP, 0, visit=START, start_dose_mg=15.8)
    assert d.action is Action.START and d.dose_mg == 15.8
    assert "15.8 mg twice daily" in d.reason


# --- Routine visit ----------------------------------------------------------

@pytest.mark.parametrize(("base", "egfr", "action", "dose"), [
    (70, 56, Action.CONTINUE, 23.7),     # 100*14/70 = 20.0 %: exactly 20 is no action
    (70, 55.93, Action.REDUCE, 15.8),    # 100*14.07/70 = 20.1 %
    (70, 49.07, Action.REDUCE, 15.8),    # 100*20.93/70 = 29.9 %
    (70, 49, Action.STOP, 0.0),          # 100*21/70 = 30.0 %: exactly 30 is a stop
    (70, 35, Action.STOP, 0.0),          # 50 %
    (100, 60, Action.CONTINUE, 23.7),    # 40 % down but eGFR exactly 60: not below 60
    (100, 59.9, Action.STOP, 0.0),       # 40.1 % and below 60
    (100, 75, Action.CONTINUE, 23.7),    # 25 % down but 75 >= 60
    (50, 55, Action.CONTINUE, 23.7),     # a rise: -10 %; already the starting dose
])
def test_routine_visit_boundaries(base, egfr, action, dose):
    d = routine(base, egfr)
    assert d.action is action and d.dose_mg == dose
    assert d.decline_pct == pytest.approx(100 * (base - egfr) / base)
    if action in (Action.REDUCE, Action.STOP):
        assert d.reassess_within_weeks == 2
    else:
        assert d.reassess_within_weeks is None


def test_continue_reasons_name_the_condition_that_failed():
    assert "not below 60" in routine(100, 60).reason
    assert "not more than 20 %" in routine(70, 56).reason
    assert "the starting dose" in routine(70, 56).reason


@pytest.mark.parametrize(("dose", "new"), [(23.7, 15.8), (15.8, 7.9), (7.9, 0.0)])
def test_each_reduction_removes_one_capsule(dose, new):
    d = routine(70, 52.5, dose=dose)      # 100*17.5/70 = 25 %
    assert d.action is Action.REDUCE and d.dose_mg == new
    assert ("leaves no dose" in " ".join(d.notes)) == (new == 0)


def test_high_blood_pressure_after_the_start_is_noted_not_acted_on():
    d = routine(70, 65, bp=(170, 100))
    assert d.action is Action.CONTINUE and d.dose_mg == 23.7
    (note,) = d.notes
    assert "170/100" in note and "for starting only" in note
    assert routine(70, 65, bp=(165, 105)).notes == ()


# --- Reassessment after a reduction --------------------------------------------

@pytest.mark.parametrize(("base", "egfr", "action", "dose"), [
    (90, 65, Action.REDUCE, 7.9),        # 100*25/90 = 27.8 %: still > 20 %, even at >= 60
    (90, 72, Action.CONSIDER_INCREASE, 23.7),  # 100*72/90 = 80.0 % of baseline:
                                               # not "still > 20 %", and >= 80 %
    (80, 56, Action.STOP, 0.0),          # 100*24/80 = 30.0 % and below 60
    (100, 65, Action.REDUCE, 7.9),       # 35 % but 65 >= 60: the stop rule needs < 60
])
def test_reassessment_after_reduction(base, egfr, action, dose):
    d = routine(base, egfr, dose=15.8, visit=AFTER_REDUCTION)
    assert d.action is action and d.dose_mg == dose
    if action is Action.REDUCE:
        assert "still more than 20 %" in d.reason


# --- Increase after a reduction for eGFR -------------------------------------

@pytest.mark.parametrize(("base", "egfr", "dose", "visit", "action", "new"), [
    (90, 72, 15.8, ROUTINE, Action.CONSIDER_INCREASE, 23.7),  # 100*72/90 = 80.0 %
    (90, 71.9, 15.8, ROUTINE, Action.CONTINUE, 15.8),  # 79.9 %; 20.1 % down but
                                                        # 71.9 >= 60: no reduction
    (70, 52.5, 15.8, ROUTINE, Action.REDUCE, 7.9),     # 75 %: below 60, 25 % down
    (100, 80, 7.9, ROUTINE, Action.CONSIDER_INCREASE, 15.8),  # one step, not two
    (100, 95, 7.9, AFTER_REDUCTION, Action.CONSIDER_INCREASE, 15.8),
    (100, 110, 15.8, ROUTINE, Action.CONSIDER_INCREASE, 23.7),  # a rise: 110 %
    (100, 80, 23.7, ROUTINE, Action.CONTINUE, 23.7),   # already the starting dose
])
def test_increase_boundaries(base, egfr, dose, visit, action, new):
    d = routine(base, egfr, dose=dose, visit=visit)
    assert d.action is action and d.dose_mg == new
    if action is Action.CONSIDER_INCREASE:
        assert d.reassess_within_weeks is None
        assert "never above the starting dose" in d.reason


def test_increase_never_goes_above_the_patients_starting_dose():
    # Started at 15.8 mg (hepatic impairment), reduced to 7.9, recovered: back to
    # 15.8; at 15.8 there is nothing to add.
    d = routine(100, 90, dose=7.9, start_dose_mg=15.8)
    assert d.action is Action.CONSIDER_INCREASE and d.dose_mg == 15.8
    d = routine(100, 90, dose=15.8, start_dose_mg=15.8)
    assert d.action is Action.CONTINUE and d.dose_mg == 15.8


def test_same_values_differ_between_routine_and_reassessment():
    # 27.8 % down at eGFR 65: no action at a routine visit, reduce again at the
    # reassessment after a reduction.
    assert routine(90, 65, dose=15.8).action is Action.CONTINUE
    assert routine(90, 65, dose=15.8, visit=AFTER_REDUCTION).action is Action.REDUCE


# --- After a stop -----------------------------------------------------------

@pytest.mark.parametrize(("egfr", "action", "dose"), [
    (80, Action.CONSIDER_RESTART, 7.9),  # 100*80/100 = 80 %: "at least 80 %"
    (79.9, Action.REMAIN_OFF, 0.0),
    (95, Action.CONSIDER_RESTART, 7.9),
])
def test_after_stop_restart_boundary(egfr, action, dose):
    d = routine(100, egfr, dose=0, visit=AFTER_STOP)
    assert d.action is action and d.dose_mg == dose


def test_after_stop_notes_high_blood_pressure():
    d = routine(100, 90, dose=0, visit=AFTER_STOP, bp=(180, 100))
    assert d.action is Action.CONSIDER_RESTART and len(d.notes) == 1


def test_decision_is_structured_and_frozen():
    d = routine(70, 49)
    assert isinstance(d.action, Action) and isinstance(d.reason, str)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.action = Action.CONTINUE


# --- Starting regimen ---------------------------------------------------------

@pytest.mark.parametrize(("kwargs", "morning", "evening", "contra"), [
    ({}, 23.7, 23.7, False),
    ({"severe_renal_impairment": True}, 15.8, 15.8, False),
    ({"hepatic_impairment": "mild"}, 15.8, 15.8, False),
    ({"hepatic_impairment": "moderate"}, 15.8, 15.8, False),
    ({"severe_renal_impairment": True, "hepatic_impairment": "mild"}, 15.8, 15.8, False),
    ({"cyp3a4_inhibitor": "moderate"}, 15.8, 7.9, False),
    ({"cyp3a4_inhibitor": "strong"}, 0.0, 0.0, True),
    ({"cyp3a4_inhibitor": "strong", "severe_renal_impairment": True}, 0.0, 0.0, True),
])
def test_starting_regimen_branches(kwargs, morning, evening, contra):
    r = starting_regimen(**kwargs)
    assert (r.morning_mg, r.evening_mg, r.contraindicated) == (morning, evening, contra)
    assert "Lupkynis label" in r.reason


def test_starting_regimen_takes_enum_members_or_values():
    a = starting_regimen(hepatic_impairment=HepaticImpairment.MILD,
                         cyp3a4_inhibitor=CYP3A4Inhibitor.NONE)
    b = starting_regimen(hepatic_impairment="Mild", cyp3a4_inhibitor="none")
    assert a == b and a.morning_mg == 15.8
    assert starting_regimen(severe_renal_impairment=np.bool_(False)).daily_mg == 47.4


def test_daily_totals():
    assert starting_regimen().daily_mg == 47.4                           # 2 * 23.7
    assert starting_regimen(cyp3a4_inhibitor="moderate").daily_mg == 23.7  # 15.8 + 7.9


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"hepatic_impairment": "severe"}, "hepatic_impairment.*'moderate'"),
    ({"cyp3a4_inhibitor": "weak"}, "cyp3a4_inhibitor.*'strong'"),
    ({"cyp3a4_inhibitor": 2}, "cyp3a4_inhibitor"),
    ({"severe_renal_impairment": 1}, "severe_renal_impairment.*True or False"),
    ({"cyp3a4_inhibitor": "moderate", "severe_renal_impairment": True},
     "cyp3a4_inhibitor.*no combined dose"),
    ({"cyp3a4_inhibitor": "moderate", "hepatic_impairment": "mild"},
     "cyp3a4_inhibitor.*no combined dose"),
])
def test_starting_regimen_refuses_what_it_does_not_cover(kwargs, message):
    with pytest.raises(ValueError, match=message):
        starting_regimen(**kwargs)


# --- Monitoring schedule --------------------------------------------------------

@pytest.mark.parametrize(("until", "weeks"), [
    (0, []), (1, []), (2, [2]), (4, [2, 4]), (7, [2, 4]), (8, [2, 4, 8]),
    (24, [2, 4, 8, 12, 16, 20, 24]),
    # every 4 weeks through the first year: 4 + 4 * 12 = 52 is the last
    (52, [2, 4] + list(range(8, 53, 4))),
    (64, [2, 4] + list(range(8, 53, 4))),
    # then every 3 months = 52 * 3 / 12 = 13 weeks: 65, 78, 91, 104
    (104, [2, 4] + list(range(8, 53, 4)) + [65, 78, 91, 104]),
])
def test_egfr_check_weeks(until, weeks):
    assert egfr_check_weeks(until) == weeks


def test_after_the_first_year_checks_are_three_months_apart():
    # The current label: every 3 months after the first year, 13 weeks here.
    assert AFTER_FIRST_YEAR_INTERVAL_WEEKS == 13
    weeks = egfr_check_weeks(156)                  # three years
    later = [w for w in weeks if w > 52]
    assert later == list(range(65, 157, 13))       # 65 ... 156
    assert len([w for w in weeks if w <= 52]) == 2 + 12   # weeks 2, 4, then 8..52


def test_start_decision_states_the_whole_schedule():
    d = assess_visit(Baseline(80), 80, *OK_BP, 0, visit=START)
    assert "every 2 weeks for the first month" in d.reason
    assert "every 4 weeks through the first year" in d.reason
    assert "then every 3 months" in d.reason


@pytest.mark.parametrize("until", [np.int64(8), 8.0])
def test_egfr_check_weeks_accepts_any_whole_number(until):
    assert egfr_check_weeks(until) == [2, 4, 8]


@pytest.mark.parametrize("bad", [-1, 2.5, True, "8", float("nan")])
def test_egfr_check_weeks_refuses_bad_input(bad):
    with pytest.raises(ValueError, match=r"until_week.*\[0, inf\)"):
        egfr_check_weeks(bad)


def test_no_nan_leaks_into_a_decision():
    d = routine(70, 52.5)
    assert all(math.isfinite(x) for x in (d.dose_mg, d.decline_pct))
