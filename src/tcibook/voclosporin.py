"""Voclosporin (Lupkynis) in lupus nephritis: the US label's rules as functions.

Two decisions are encoded, each as the US Lupkynis label states it (facts
``lupkynis_*``):

* :func:`starting_regimen` — the dose to start with, given renal or hepatic
  impairment and CYP3A4 inhibitors;
* :func:`assess_visit` — what a visit's eGFR and blood pressure call for:
  start or not, continue, reduce, stop, consider increasing a reduced dose
  again, or consider a restart.

The fall in eGFR is always measured from the **baseline** recorded before the
first dose. The API makes that baseline explicit: it is a :class:`Baseline`
object, a bare number is refused, and a decline that the caller computed
against anything else (for example the previous visit) is refused too.

For education only: these functions show how the label's rules behave at
their boundaries; they are not a prescribing tool.

Explained in ``systemic-calcineurin-inhibitors``; practised in ``practice-08``
(chapters/).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .facts import value
from .validation import check_choice, check_flag, check_integer, check_number

__all__ = ["CAPSULE_MG", "START_DOSE_MG", "Action", "Visit", "Baseline",
           "Decision", "Regimen", "HepaticImpairment", "CYP3A4Inhibitor",
           "decline_from_baseline_pct", "assess_visit", "follow_course", "starting_regimen",
           "egfr_check_weeks", "AFTER_FIRST_YEAR_INTERVAL_WEEKS"]

SOURCE = "US Lupkynis label"
CAPSULE_MG = value("lupkynis_capsule_mg")
START_DOSE_MG = value("lupkynis_start_dose_mg")
REDUCED_DOSE_MG = value("lupkynis_reduced_dose_mg")
MODERATE_INHIBITOR_DOSES_MG = value("lupkynis_moderate_cyp3a4_doses_mg")
BASELINE_EGFR_LIMIT = value("lupkynis_baseline_egfr_limit")
SBP_LIMIT = value("lupkynis_start_sbp_limit_mmhg")
DBP_LIMIT = value("lupkynis_start_dbp_limit_mmhg")
EGFR_ACTION_LIMIT = value("lupkynis_egfr_action_limit")
REDUCE_DECLINE_PCT = value("lupkynis_reduce_decline_pct")
STOP_DECLINE_PCT = value("lupkynis_stop_decline_pct")
RESTART_RECOVERY_PCT = value("lupkynis_restart_recovery_pct")
INCREASE_RECOVERY_PCT = value("lupkynis_increase_recovery_pct")
INCREASE_STEP_MG = value("lupkynis_increase_step_mg")
REASSESS_WEEKS = value("lupkynis_reassess_weeks")
FIRST_MONTH_INTERVAL_WEEKS = value("lupkynis_egfr_interval_first_month_weeks")
LATER_INTERVAL_WEEKS = value("lupkynis_egfr_interval_later_weeks")
FIRST_YEAR_WEEKS = value("lupkynis_egfr_first_year_weeks")
AFTER_FIRST_YEAR_INTERVAL_MONTHS = value("lupkynis_egfr_interval_after_first_year_months")
#: The label's "every 3 months" after the first year, in weeks: a year of
#: 52 weeks has 12 months, so 3 months are taken as 52 * 3 / 12 = 13 weeks.
AFTER_FIRST_YEAR_INTERVAL_WEEKS = round(FIRST_YEAR_WEEKS
                                        * AFTER_FIRST_YEAR_INTERVAL_MONTHS / 12)

#: Whole capsules in the starting dose (23.7 / 7.9 = 3).
_START_CAPSULES = round(START_DOSE_MG / CAPSULE_MG)
#: Percentages are rounded to this many decimals before they are compared
#: with a threshold, so that a fall of exactly 20 % in decimal arithmetic
#: (say 72 against a baseline of 90) is not read as 20.000000000000004 %.
_PCT_DECIMALS = 9
#: A decline reported by the caller may differ from the one computed from
#: the stored baseline by rounding only (percentage points).
_REPORTED_DECLINE_TOLERANCE = 0.5
#: The weeks the label calls "the first month" (every-2-week checks).
_FIRST_MONTH_WEEKS = 4


class Action(Enum):
    """What a visit calls for."""

    START = "start"
    NOT_RECOMMENDED = "not recommended"
    DO_NOT_START = "do not start"
    CONTINUE = "continue"
    REDUCE = "reduce"
    STOP = "stop"
    CONSIDER_INCREASE = "consider increase"
    CONSIDER_RESTART = "consider restart"
    REMAIN_OFF = "remain off"


class Visit(Enum):
    """Which visit this is; the label's rules differ between them.

    START
        Before the first dose; the current eGFR is the baseline.
    ROUTINE
        A scheduled check while taking voclosporin.
    AFTER_REDUCTION
        The reassessment within 2 weeks of a dose reduction; here the label
        reduces again whenever eGFR is still more than 20 % below baseline.
    AFTER_STOP
        A check after voclosporin was stopped for a fall of 30 % or more.

    Either the member or its value (``"routine"``) is accepted.
    """

    START = "start"
    ROUTINE = "routine"
    AFTER_REDUCTION = "after reduction"
    AFTER_STOP = "after stop"


@dataclass(frozen=True)
class Baseline:
    """The eGFR recorded before the first dose, in mL/min/1.73 m².

    Every decline is measured from this value. Record it once, at the start
    visit, and pass the same object to every later visit.
    """

    egfr: float

    def __post_init__(self):
        object.__setattr__(self, "egfr", _egfr("baseline egfr", self.egfr))


@dataclass(frozen=True)
class Decision:
    """The outcome of one visit.

    Attributes
    ----------
    action : Action
        What the rule calls for.
    dose_mg : float
        The twice-daily dose after the decision, in mg (0 when not taking it).
    reason : str
        The rule that decided, in words, with its source.
    decline_pct : float or None
        Fall in eGFR from the stored baseline, in percent (negative for a
        rise); ``None`` at the start visit.
    reassess_within_weeks : float or None
        When the label asks for the next eGFR check after a reduction or a
        stop, or the first check after starting; ``None`` otherwise.
    notes : tuple of str
        Observations the rules do not act on (for example a blood pressure
        above the start limit at a later visit).
    """

    action: Action
    dose_mg: float
    reason: str
    decline_pct: float | None = None
    reassess_within_weeks: float | None = None
    notes: tuple = ()


@dataclass(frozen=True)
class Regimen:
    """A starting regimen: morning and evening doses in mg, or a contraindication."""

    morning_mg: float
    evening_mg: float
    contraindicated: bool
    reason: str

    @property
    def daily_mg(self):
        """Total daily dose in mg."""
        return round(self.morning_mg + self.evening_mg, 1)


def _egfr(name, x):
    return check_number(name, x, low=0.0, low_open=True, unit="mL/min/1.73 m2")


def _capsules(dose_mg, name="dose_mg", high=START_DOSE_MG):
    """Number of whole capsules in a twice-daily dose; refuses anything else."""
    dose = check_number(name, dose_mg, low=0.0, high=high, unit="mg")
    n = round(dose / CAPSULE_MG)
    if abs(n * CAPSULE_MG - dose) > 1e-6:
        allowed = ", ".join(f"{k * CAPSULE_MG:.1f}" for k in range(_START_CAPSULES + 1))
        raise ValueError(f"{name} must be a whole number of {CAPSULE_MG} mg "
                         f"capsules, one of {allowed} mg; got {dose:g}")
    return n


def _mg(capsules):
    return round(capsules * CAPSULE_MG, 1)


def decline_from_baseline_pct(baseline, current_egfr):
    """Fall in eGFR from the stored baseline, in percent.

    .. math:: \\text{decline} = 100\\,\\frac{eGFR_0 - eGFR}{eGFR_0}

    Parameters
    ----------
    baseline : Baseline
        The eGFR recorded before the first dose.
    current_egfr : float
        Today's eGFR in mL/min/1.73 m²; > 0.

    Returns
    -------
    float
        Decline in percent, rounded to 9 decimals; negative when eGFR rose.

    Raises
    ------
    ValueError
        If ``baseline`` is missing or is not a :class:`Baseline`, or
        ``current_egfr`` is not a positive finite number.

    Examples
    --------
    >>> decline_from_baseline_pct(Baseline(90), 72)    # 100 * 18 / 90
    20.0
    """
    base = _check_baseline(baseline)
    egfr = _egfr("current_egfr", current_egfr)
    return round(100.0 * (base.egfr - egfr) / base.egfr, _PCT_DECIMALS)


def _check_baseline(baseline):
    if baseline is None:
        raise ValueError("baseline is missing: record Baseline(egfr=...) before "
                         "the first dose; every decline is measured from it")
    if not isinstance(baseline, Baseline):
        raise ValueError("baseline must be the Baseline recorded before the first "
                         f"dose (Baseline(egfr=...)), not {baseline!r}")
    return baseline


def _bp(systolic_mmhg, diastolic_mmhg):
    sbp = check_number("systolic_mmhg", systolic_mmhg, low=0.0, low_open=True,
                       unit="mmHg")
    dbp = check_number("diastolic_mmhg", diastolic_mmhg, low=0.0, low_open=True,
                       unit="mmHg")
    if sbp < dbp:
        raise ValueError(f"systolic_mmhg ({sbp:g}) must not be below "
                         f"diastolic_mmhg ({dbp:g}); were they swapped?")
    return sbp, dbp


def _bp_above_start_limit(sbp, dbp):
    return sbp > SBP_LIMIT or dbp > DBP_LIMIT


def assess_visit(baseline, current_egfr, systolic_mmhg, diastolic_mmhg, dose_mg,
                 *, visit, start_dose_mg=START_DOSE_MG, reported_decline_pct=None):
    """Apply the US Lupkynis label's eGFR and blood-pressure rules at one visit.

    The rules (facts ``lupkynis_*``):

    * **Start visit.** Do not start if blood pressure is above 165/105 mmHg
      (either number above its limit). Not recommended if baseline eGFR is
      at or below 45 mL/min/1.73 m², unless the benefit outweighs the risk.
      Otherwise start at the starting dose (23.7 mg twice daily unless
      :func:`starting_regimen` gives less) and check eGFR within 2 weeks.
    * **Routine visit**, eGFR below 60 and fallen from baseline by more than
      20 % but less than 30 %: reduce by 7.9 mg twice daily and reassess
      within 2 weeks. Fallen by 30 % or more: stop and reassess within
      2 weeks. So a fall of exactly 20 % is no reduction and exactly 30 % is
      a stop; eGFR exactly 60 is not "below 60".
    * **Reassessment after a reduction.** Reduce again if eGFR is still more
      than 20 % below baseline (stop if the stop rule applies).
    * **Increase after a reduction.** At any visit on treatment, a dose that
      was reduced for eGFR (below ``start_dose_mg``) may be increased by
      7.9 mg twice daily when eGFR is at least 80 % of baseline, never above
      the starting dose. At exactly 80 % of baseline (a fall of exactly
      20 %) the increase may be considered.
    * **After a stop.** Consider restarting at 7.9 mg twice daily once eGFR is
      at least 80 % of baseline; otherwise remain off.

    The label's dosing rules cited here set the blood-pressure limit for
    starting only; a blood pressure above it at a later visit is reported
    in ``notes`` and does not change the action.

    Parameters
    ----------
    baseline : Baseline
        eGFR recorded before the first dose. A bare number is refused.
    current_egfr : float
        Today's eGFR in mL/min/1.73 m²; > 0. At the start visit it must equal
        the baseline.
    systolic_mmhg, diastolic_mmhg : float
        Today's blood pressure in mmHg; > 0, systolic not below diastolic.
    dose_mg : float
        The twice-daily dose now taken, in mg: a whole number of 7.9 mg
        capsules from 0 to ``start_dose_mg``. Must be 0 at the start visit and
        after a stop, and above 0 otherwise.
    visit : Visit or str
        Which visit this is (keyword only): a :class:`Visit` or its value.
    start_dose_mg : float, optional
        The patient's twice-daily starting dose in mg, one to three whole
        capsules (7.9 to 23.7); 23.7 by default. An increase never goes
        above it.
    reported_decline_pct : float, optional
        A decline from some other source (a laboratory report, a colleague's
        note). If given, it must agree within 0.5 percentage points with the
        decline computed from ``baseline``; otherwise it was probably computed
        against the previous visit, and the call is refused.

    Returns
    -------
    Decision

    Raises
    ------
    ValueError
        For a missing or bare-number baseline, a non-positive or non-finite
        eGFR, an impossible blood pressure, a dose that is not whole capsules
        or does not fit the visit or the starting dose, an unknown ``visit``,
        or a reported decline that disagrees with the stored baseline.

    Examples
    --------
    >>> base = Baseline(egfr=75)
    >>> assess_visit(base, 75, 130, 80, 0, visit=Visit.START).dose_mg
    23.7
    >>> d = assess_visit(base, 56, 130, 80, 23.7, visit=Visit.ROUTINE)
    >>> d.action, d.dose_mg, round(d.decline_pct, 2)   # fall 100*19/75
    (<Action.REDUCE: 'reduce'>, 15.8, 25.33)
    >>> assess_visit(base, 62, 130, 80, 15.8, visit="routine").action  # 82.7 %
    <Action.CONSIDER_INCREASE: 'consider increase'>
    """
    base = _check_baseline(baseline)
    visit = check_choice("visit", visit, Visit)
    egfr = _egfr("current_egfr", current_egfr)
    sbp, dbp = _bp(systolic_mmhg, diastolic_mmhg)
    start_capsules = _capsules(start_dose_mg, "start_dose_mg")
    if not start_capsules:
        raise ValueError(f"start_dose_mg must be at least one capsule "
                         f"({CAPSULE_MG} mg); got 0")
    capsules = _capsules(dose_mg, high=_mg(start_capsules))
    decline = decline_from_baseline_pct(base, egfr)
    if reported_decline_pct is not None:
        reported = check_number("reported_decline_pct", reported_decline_pct,
                                high=100.0, high_open=True, unit="%")
        if abs(reported - decline) > _REPORTED_DECLINE_TOLERANCE:
            raise ValueError(
                f"reported_decline_pct {reported:g} % does not match the decline "
                f"from the stored baseline eGFR {base.egfr:g} ({decline:.1f} %); "
                "the label measures every decline from the baseline, not from "
                "an earlier visit")
    if visit is Visit.START:
        return _start(base, egfr, sbp, dbp, capsules, start_capsules)
    if visit is Visit.AFTER_STOP:
        if capsules:
            raise ValueError("dose_mg must be 0 after a stop; got "
                             f"{_mg(capsules):g}")
        return _after_stop(base, egfr, sbp, dbp, decline)
    if not capsules:
        raise ValueError(f"dose_mg must be above 0 at a {visit.value} visit; "
                         "use Visit.AFTER_STOP when voclosporin was stopped")
    return _on_treatment(base, egfr, sbp, dbp, capsules, start_capsules, decline,
                         after_reduction=visit is Visit.AFTER_REDUCTION)


def follow_course(baseline, visits, *, dose_mg=0.0, start_dose_mg=START_DOSE_MG):
    """Apply :func:`assess_visit` at each visit of one patient's course,
    carrying the dose each decision leaves to the next visit.

    Parameters
    ----------
    baseline : Baseline
        The patient's eGFR before the first dose; every fall is measured
        from it, never from the previous visit.
    visits : iterable of (visit, eGFR, systolic, diastolic)
        The visits in order: a :class:`Visit` (or its value), today's eGFR
        (mL/min/1.73 m²) and blood pressure (mmHg).
    dose_mg : float, optional
        The twice-daily dose taken before the first of ``visits`` (0 before
        a start visit).
    start_dose_mg : float, optional
        The patient's starting dose, as in :func:`assess_visit`.

    Returns
    -------
    list of Decision
        One per visit.

    Examples
    --------
    >>> course = follow_course(Baseline(75), [("start", 75, 130, 80),
    ...                                       ("routine", 56, 130, 80),
    ...                                       ("after reduction", 62, 130, 80)])
    >>> [(d.action.value, d.dose_mg) for d in course]
    [('start', 23.7), ('reduce', 15.8), ('consider increase', 23.7)]
    """
    decisions = []
    for visit, egfr, systolic, diastolic in visits:
        decision = assess_visit(baseline, egfr, systolic, diastolic, dose_mg,
                                visit=visit, start_dose_mg=start_dose_mg)
        decisions.append(decision)
        dose_mg = decision.dose_mg
    return decisions


def _start(base, egfr, sbp, dbp, capsules, start_capsules):
    if egfr != base.egfr:
        raise ValueError(f"current_egfr ({egfr:g}) must equal the baseline "
                         f"({base.egfr:g}) at the start visit: the start-visit "
                         "eGFR is the baseline")
    if capsules:
        raise ValueError(f"dose_mg must be 0 at the start visit; got {_mg(capsules):g}")
    if _bp_above_start_limit(sbp, dbp):
        return Decision(
            Action.DO_NOT_START, 0.0,
            f"Blood pressure {sbp:g}/{dbp:g} mmHg is above {SBP_LIMIT}/{DBP_LIMIT} "
            f"mmHg: do not start ({SOURCE}).")
    if base.egfr <= BASELINE_EGFR_LIMIT:
        return Decision(
            Action.NOT_RECOMMENDED, 0.0,
            f"Baseline eGFR {base.egfr:g} is at or below {BASELINE_EGFR_LIMIT}: "
            "not recommended unless the benefit outweighs the risk "
            f"({SOURCE}).")
    dose = _mg(start_capsules)
    return Decision(
        Action.START, dose,
        f"Start {dose:g} mg twice daily with mycophenolate and "
        f"corticosteroids; check eGFR every {FIRST_MONTH_INTERVAL_WEEKS} weeks "
        f"for the first month, every {LATER_INTERVAL_WEEKS} weeks through the "
        f"first year, then every {AFTER_FIRST_YEAR_INTERVAL_MONTHS} months "
        f"({SOURCE}).",
        reassess_within_weeks=FIRST_MONTH_INTERVAL_WEEKS)


def _later_bp_notes(sbp, dbp):
    if not _bp_above_start_limit(sbp, dbp):
        return ()
    return (f"Blood pressure {sbp:g}/{dbp:g} mmHg is above the start limit "
            f"{SBP_LIMIT}/{DBP_LIMIT} mmHg; the label's dosing rules cited here "
            "set that limit for starting only: see the label's warning on "
            "hypertension.",)


def _recovery_pct(base, egfr):
    """eGFR as a percentage of baseline, rounded like the declines."""
    return round(100.0 * egfr / base.egfr, _PCT_DECIMALS)


def _on_treatment(base, egfr, sbp, dbp, capsules, start_capsules, decline, *,
                  after_reduction):
    notes = _later_bp_notes(sbp, dbp)
    below_limit = egfr < EGFR_ACTION_LIMIT
    if below_limit and decline >= STOP_DECLINE_PCT:
        return Decision(
            Action.STOP, 0.0,
            f"eGFR {egfr:g} is below {EGFR_ACTION_LIMIT} and {decline:.1f} % below "
            f"baseline (at least {STOP_DECLINE_PCT} %): stop and reassess within "
            f"{REASSESS_WEEKS} weeks ({SOURCE}).",
            decline, REASSESS_WEEKS, notes)
    if decline > REDUCE_DECLINE_PCT and (below_limit or after_reduction):
        if after_reduction:
            condition = (f"still more than {REDUCE_DECLINE_PCT} % below baseline "
                         "at the reassessment after a reduction")
        else:
            condition = (f"below {EGFR_ACTION_LIMIT} and more than "
                         f"{REDUCE_DECLINE_PCT} % but less than {STOP_DECLINE_PCT} % "
                         "below baseline")
        new = capsules - 1
        extra = () if new else (
            "A reduction from one capsule leaves no dose; the label does not "
            "describe this case separately.",)
        return Decision(
            Action.REDUCE, _mg(new),
            f"eGFR {egfr:g} is {condition} ({decline:.1f} %): reduce by "
            f"{CAPSULE_MG} mg twice daily and reassess within {REASSESS_WEEKS} "
            f"weeks ({SOURCE}).",
            decline, REASSESS_WEEKS, notes + extra)
    recovery = _recovery_pct(base, egfr)
    if capsules < start_capsules and recovery >= INCREASE_RECOVERY_PCT:
        new = _mg(capsules + 1)
        return Decision(
            Action.CONSIDER_INCREASE, new,
            f"eGFR {egfr:g} is {recovery:.1f} % of baseline (at least "
            f"{INCREASE_RECOVERY_PCT} %) on a dose reduced for eGFR: consider "
            f"increasing by {INCREASE_STEP_MG} mg twice daily, to {new:g} mg, "
            f"never above the starting dose {_mg(start_capsules):g} mg "
            f"({SOURCE}).",
            decline, None, notes)
    if not below_limit:
        why = f"eGFR {egfr:g} is not below {EGFR_ACTION_LIMIT}"
    else:
        why = (f"eGFR {egfr:g} is {decline:.1f} % below baseline, not more than "
               f"{REDUCE_DECLINE_PCT} %")
    if capsules == start_capsules:
        why += ", and the dose is the starting dose"
    return Decision(Action.CONTINUE, _mg(capsules),
                    f"{why}: continue the current dose ({SOURCE}).",
                    decline, None, notes)


def _after_stop(base, egfr, sbp, dbp, decline):
    notes = _later_bp_notes(sbp, dbp)
    recovery = _recovery_pct(base, egfr)
    if recovery >= RESTART_RECOVERY_PCT:
        return Decision(
            Action.CONSIDER_RESTART, CAPSULE_MG,
            f"eGFR {egfr:g} is {recovery:.1f} % of baseline (at least "
            f"{RESTART_RECOVERY_PCT} %): consider restarting at {CAPSULE_MG} mg "
            f"twice daily ({SOURCE}).",
            decline, None, notes)
    return Decision(
        Action.REMAIN_OFF, 0.0,
        f"eGFR {egfr:g} is {recovery:.1f} % of baseline, below "
        f"{RESTART_RECOVERY_PCT} %: the label's restart condition is not met "
        f"({SOURCE}).",
        decline, None, notes)


class HepaticImpairment(Enum):
    """Degree of hepatic impairment that :func:`starting_regimen` accepts.

    Severe impairment is not a member: the label's dose adjustments cited
    here give no dose for it.
    """

    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"


class CYP3A4Inhibitor(Enum):
    """Strongest CYP3A4 inhibitor taken with voclosporin."""

    NONE = "none"
    MODERATE = "moderate"
    STRONG = "strong"


def starting_regimen(*, severe_renal_impairment=False,
                     hepatic_impairment=HepaticImpairment.NONE,
                     cyp3a4_inhibitor=CYP3A4Inhibitor.NONE):
    """Starting doses of voclosporin under the US label's adjustments.

    * No adjustment: 23.7 mg twice daily.
    * Severe renal impairment, or mild or moderate hepatic impairment:
      15.8 mg twice daily.
    * With a moderate CYP3A4 inhibitor: 15.8 mg in the morning and 7.9 mg in
      the evening.
    * With a strong CYP3A4 inhibitor: contraindicated.

    Parameters
    ----------
    severe_renal_impairment : bool
        Whether the patient has severe renal impairment (keyword only).
    hepatic_impairment : HepaticImpairment or str
        Degree of hepatic impairment, a member or its value (``"mild"``).
        Severe impairment is refused: the label's adjustments cited here give
        no dose for it.
    cyp3a4_inhibitor : CYP3A4Inhibitor or str
        Strongest CYP3A4 inhibitor taken at the same time, a member or its
        value (``"moderate"``).

    Returns
    -------
    Regimen

    Raises
    ------
    ValueError
        For an unknown option, a non-boolean ``severe_renal_impairment``, or a
        moderate inhibitor combined with renal or hepatic impairment, for
        which the label's adjustments cited here give no combined dose.

    Examples
    --------
    >>> starting_regimen().daily_mg
    47.4
    >>> r = starting_regimen(cyp3a4_inhibitor=CYP3A4Inhibitor.MODERATE)
    >>> r.morning_mg, r.evening_mg
    (15.8, 7.9)
    """
    renal = check_flag("severe_renal_impairment", severe_renal_impairment)
    hepatic = check_choice("hepatic_impairment", hepatic_impairment,
                           HepaticImpairment)
    inhibitor = check_choice("cyp3a4_inhibitor", cyp3a4_inhibitor, CYP3A4Inhibitor)
    impaired = renal or hepatic is not HepaticImpairment.NONE
    if inhibitor is CYP3A4Inhibitor.STRONG:
        return Regimen(0.0, 0.0, True,
                       f"Strong CYP3A4 inhibitors are contraindicated ({SOURCE}).")
    if inhibitor is CYP3A4Inhibitor.MODERATE:
        if impaired:
            raise ValueError("cyp3a4_inhibitor 'moderate' together with renal or "
                             "hepatic impairment: the label's adjustments cited "
                             "here give no combined dose; see the label")
        morning, evening = MODERATE_INHIBITOR_DOSES_MG
        return Regimen(morning, evening, False,
                       f"With a moderate CYP3A4 inhibitor: {morning} mg in the "
                       f"morning and {evening} mg in the evening ({SOURCE}).")
    if impaired:
        return Regimen(REDUCED_DOSE_MG, REDUCED_DOSE_MG, False,
                       "Severe renal impairment or mild or moderate hepatic "
                       f"impairment: {REDUCED_DOSE_MG} mg twice daily ({SOURCE}).")
    return Regimen(START_DOSE_MG, START_DOSE_MG, False,
                   f"No adjustment: {START_DOSE_MG} mg twice daily ({SOURCE}).")


def egfr_check_weeks(until_week):
    """Weeks after the start at which the label schedules an eGFR check.

    The current label's schedule (since its April 2024 update with the
    AURORA 2 extension data): every 2 weeks in the first month (taken as
    weeks 0 to 4), every 4 weeks through the first year (to week 52), then
    every 3 months, taken as 13 weeks (52 * 3 / 12). Extra checks within
    2 weeks of a reduction or a stop come on top.

    Parameters
    ----------
    until_week : int
        Last week to include; a whole number >= 0 (``8``, ``np.int64(8)`` and
        ``8.0`` are all accepted).

    Returns
    -------
    list of int
        Weeks of scheduled checks after the baseline (week 0 not included).

    Examples
    --------
    >>> egfr_check_weeks(16)
    [2, 4, 8, 12, 16]
    >>> egfr_check_weeks(80)[-4:]    # week 52 ends the first year; then 65, 78
    [48, 52, 65, 78]
    """
    until = check_integer("until_week", until_week, low=0, unit="weeks")
    weeks = list(range(FIRST_MONTH_INTERVAL_WEEKS, _FIRST_MONTH_WEEKS + 1,
                       FIRST_MONTH_INTERVAL_WEEKS))
    weeks += list(range(_FIRST_MONTH_WEEKS + LATER_INTERVAL_WEEKS,
                        FIRST_YEAR_WEEKS + 1, LATER_INTERVAL_WEEKS))
    weeks += list(range(FIRST_YEAR_WEEKS + AFTER_FIRST_YEAR_INTERVAL_WEEKS,
                        until + 1, AFTER_FIRST_YEAR_INTERVAL_WEEKS))
    return [w for w in weeks if w <= until]
