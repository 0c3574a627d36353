"""Expected answers of problem set 8 (voclosporin clinic visits)."""

from ..effect_sizes import TwoByTwo, nnt_interval, or_to_rr
from ..facts import value
from ..selfcheck import Expected
from ..voclosporin import (CAPSULE_MG, START_DOSE_MG, Action, Baseline, HepaticImpairment,
                           Visit, assess_visit, decline_from_baseline_pct, follow_course,
                           egfr_check_weeks, starting_regimen)

_REVISIT_START = ("'The systemic calcineurin inhibitors', section 'The label's "
                  "rules': do not start if either pressure is ABOVE its limit; not "
                  "recommended if baseline eGFR is AT OR BELOW the limit.")
_SECTIONS_START = ('sec-sys-the-label-s-rules',)
_REVISIT_ROUTINE = ("'The systemic calcineurin inhibitors', section 'The label's "
                    "rules': act only when eGFR is BELOW the limit; reduce for a fall "
                    "of MORE THAN the lower threshold, stop AT OR ABOVE the upper.")
_SECTIONS_ROUTINE = ('sec-sys-the-label-s-rules',)
_REVISIT_COURSE = ("'The systemic calcineurin inhibitors', section 'The rules as a "
                   "function': use the right Visit type, carry each dose forward, "
                   "measure every fall from the one Baseline, and remember that a "
                   "dose reduced for eGFR may go back up.")
_SECTIONS_COURSE = ('sec-sys-the-rules-as-a-function',)
_REVISIT_INCREASE = ("'The systemic calcineurin inhibitors', section 'The label's "
                     "rules': a reduced dose may rise one capsule when eGFR is AT "
                     "LEAST the recovery threshold, never above the patient's own "
                     "starting dose (starting_regimen; assess_visit start_dose_mg).")
_SECTIONS_INCREASE = ('sec-sys-the-label-s-rules',)
_REVISIT_BASE = ("'The systemic calcineurin inhibitors', section 'The rules as a "
                 "function': the fall is measured from the baseline, never from the "
                 "previous visit.")
_SECTIONS_BASE = ('sec-sys-the-rules-as-a-function',)

_REVISIT_AURORA = ("'The systemic calcineurin inhibitors', section 'What AURORA 1 "
                   "showed': responders = percentage x arm size, rounded; "
                   "effect_sizes.nnt_interval on the TwoByTwo; or_to_rr at the "
                   "placebo rate.")
_SECTIONS_AURORA = ('sec-sys-what-aurora-1-showed',)

_REVISIT_CALENDAR = ("'The systemic calcineurin inhibitors', section 'The label's "
                     "rules': every 2 weeks to week 4, every 4 weeks to week 52, "
                     "then every 3 months (13 weeks); egfr_check_weeks lists them.")
_SECTIONS_CALENDAR = ('sec-sys-the-label-s-rules',)

_START = ((80, 166, 100), (80, 165, 105), (80, 150, 106), (45, 130, 80))
_ROUTINE = ((70, 56), (70, 49), (80, 60), (80, 59))
_COURSE = ((Visit.START, 84, 140, 90), (Visit.ROUTINE, 80, 138, 88),
           (Visit.ROUTINE, 59, 142, 90), (Visit.AFTER_REDUCTION, 66, 140, 86),
           (Visit.AFTER_REDUCTION, 70, 170, 100), (Visit.ROUTINE, 58.8, 136, 84),
           (Visit.AFTER_STOP, 62, 130, 80), (Visit.AFTER_STOP, 67.2, 128, 80))


def _start():
    return [assess_visit(Baseline(e), e, s, d, 0, visit=Visit.START)
            for e, s, d in _START]


def _routine():
    return [assess_visit(Baseline(b), e, 128, 82, START_DOSE_MG,
                         visit=Visit.ROUTINE)
            for b, e in _ROUTINE]


def _course():
    return follow_course(Baseline(84), _COURSE)


def _increase():
    start = starting_regimen(hepatic_impairment=HepaticImpairment.MILD).morning_mg
    return follow_course(Baseline(90), [(Visit.ROUTINE, e, 126, 80) for e in (72, 74)],
                         dose_mg=7.9, start_dose_mg=start)


def _table():
    n_voc, n_pla = value("aurora1_n_voclosporin"), value("aurora1_n_placebo")
    return TwoByTwo(round(value("aurora1_crr_voclosporin") / 100 * n_voc), n_voc,
                    round(value("aurora1_crr_placebo") / 100 * n_pla), n_pla)


def _today():
    return assess_visit(Baseline(95), 58, 132, 84, 2 * CAPSULE_MG,
                        visit=Visit.ROUTINE)


#: The words a visit's action may take.
_ACTIONS = tuple(a.value for a in Action)

ANSWERS = {
    "start_actions": Expected(lambda: tuple(d.action.value for d in _start()),
                              _REVISIT_START, sections=_SECTIONS_START, choices=_ACTIONS),
    "start_doses": Expected(lambda: tuple(d.dose_mg for d in _start()),
                            _REVISIT_START, sections=_SECTIONS_START, abs_tol=1e-9),
    "routine_actions": Expected(lambda: tuple(d.action.value for d in _routine()),
                                _REVISIT_ROUTINE, sections=_SECTIONS_ROUTINE, choices=_ACTIONS),
    "routine_doses": Expected(lambda: tuple(d.dose_mg for d in _routine()),
                              _REVISIT_ROUTINE, sections=_SECTIONS_ROUTINE, abs_tol=1e-9),
    "course_actions": Expected(lambda: tuple(d.action.value for d in _course()),
                               _REVISIT_COURSE, sections=_SECTIONS_COURSE, choices=_ACTIONS),
    "course_doses": Expected(lambda: tuple(d.dose_mg for d in _course()),
                             _REVISIT_COURSE, sections=_SECTIONS_COURSE, abs_tol=1e-9),
    "start_dose_increase": Expected(
        lambda: starting_regimen(hepatic_impairment=HepaticImpairment.MILD).morning_mg,
        _REVISIT_INCREASE, sections=_SECTIONS_INCREASE, abs_tol=1e-9),
    "increase_actions": Expected(lambda: tuple(d.action.value for d in _increase()),
                                 _REVISIT_INCREASE, sections=_SECTIONS_INCREASE, choices=_ACTIONS),
    "increase_doses": Expected(lambda: tuple(d.dose_mg for d in _increase()),
                               _REVISIT_INCREASE, sections=_SECTIONS_INCREASE, abs_tol=1e-9),
    "true_decline_pct": Expected(lambda: decline_from_baseline_pct(Baseline(95), 58),
                                 _REVISIT_BASE, sections=_SECTIONS_BASE),
    "action_today": Expected(lambda: _today().action.value, _REVISIT_BASE, sections=_SECTIONS_BASE,
                             choices=_ACTIONS),
    "dose_today": Expected(lambda: _today().dose_mg, _REVISIT_BASE, sections=_SECTIONS_BASE, abs_tol=1e-9),
    "responders_voclosporin": Expected(lambda: _table().events_treated,
                                       _REVISIT_AURORA, sections=_SECTIONS_AURORA),
    "responders_placebo": Expected(lambda: _table().events_control, _REVISIT_AURORA, sections=_SECTIONS_AURORA),
    "nnt_aurora": Expected(lambda: nnt_interval(_table()).nnt, _REVISIT_AURORA, sections=_SECTIONS_AURORA),
    "nnt_ci": Expected(lambda: (nnt_interval(_table()).nnt_lower,
                                nnt_interval(_table()).nnt_upper), _REVISIT_AURORA, sections=_SECTIONS_AURORA,
                       order_free=False),
    "rr_from_or": Expected(
        lambda: or_to_rr(value("aurora1_odds_ratio"), value("aurora1_crr_placebo") / 100),
        _REVISIT_AURORA, sections=_SECTIONS_AURORA),
    "checks_to_week_78": Expected(lambda: len(egfr_check_weeks(78)),
                                  _REVISIT_CALENDAR, sections=_SECTIONS_CALENDAR, abs_tol=0.5),
    "first_quarterly_week": Expected(
        lambda: min(w for w in egfr_check_weeks(78) if w > 52),
        _REVISIT_CALENDAR, sections=_SECTIONS_CALENDAR, abs_tol=0.5),
}
