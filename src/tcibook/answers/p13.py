"""Expected answers of problem set 13 (cyclosporine and its formulations)."""

from ..facts import value
from ..formulations import (daily_dose_mg, divided_regimen, label_start_dose_mg,
                            label_titration, mg_per_kg_day, percent_rise,
                            round_to_strengths, strengths_mg, switch_rule)
from ..pharmacogenetics import (CPIC_START_MULTIPLIER, cpic_starting_dose_mg_kg_day,
                                expresser_status, trough_dose_ratio)
from ..poppk import CYP3A5
from ..selfcheck import Expected

_WEIGHT_KG = 82.0                      # the invented patient of problems 1 and 2
_BASELINE = (0.78, 0.82)               # mg/dL, two pretreatment creatinines
_MEASURED = 1.02                       # mg/dL, week 6
_CURRENT_DAILY_MG = 200.0

_REVISIT_CAPSULES = ("'Cyclosporine as a drug in its own right', section 'From "
                     "mg/kg/day to capsules': daily mg = weight x mg/kg/day; split "
                     "into two doses first, then round each dose to whole capsules "
                     "(formulations.divided_regimen).")
_REVISIT_SCHEDULE = ("'Cyclosporine as a drug in its own right', section 'From "
                     "mg/kg/day to capsules': the earliest schedule the label allows "
                     "(formulations.label_titration; weeks count from the first dose), "
                     "then per-dose rounding.")
_REVISIT_CREATININE = ("'Cyclosporine as a drug in its own right', section "
                       "'Monitoring': the rise is measured against the pretreatment "
                       "level (the mean of the two baseline values), in percent of it.")
_REVISIT_SWITCH = ("'Cyclosporine as a drug in its own right', sections 'Why the "
                   "oral formulations are not interchangeable' and 'Tacrolimus: "
                   "immediate against extended release' (formulations.switch_rule).")

_REVISIT_CYP3A5 = ("'The systemic calcineurin inhibitors', section 'CYP3A5: the "
                   "genotype behind the dose': one *1 allele makes an expresser; "
                   "1.5 to 2 x the standard start, at most 0.3 mg/kg/day; "
                   "pharmacogenetics.trough_dose_ratio for the model.")
_SECTIONS_CYP3A5 = ("sec-sys-cyp3a5",)
_CYP3A5_WEIGHT_KG = 70.0               # the invented patient of the CYP3A5 problem


def _cpic_range():
    return cpic_starting_dose_mg_kg_day(value("prograf_kidney_mmf_initial_dose"),
                                        expresser_status("*1/*3"))


def _neoral():
    return strengths_mg("neoral")


def _start_regimen():
    daily = daily_dose_mg(_WEIGHT_KG, value("cyclosporine_psoriasis_start_mg_kg_day"))
    return divided_regimen(daily, 2, _neoral())


def _schedule():
    return label_titration(value("cyclosporine_psoriasis_start_mg_kg_day"),
                           value("cyclosporine_psoriasis_step_mg_kg_day"),
                           value("cyclosporine_psoriasis_max_mg_kg_day"),
                           value("cyclosporine_psoriasis_hold_weeks"),
                           value("cyclosporine_psoriasis_step_interval_weeks"))


def _max_regimen():
    daily = daily_dose_mg(_WEIGHT_KG, _schedule()[-1].mg_per_kg_day)
    return divided_regimen(daily, 2, _neoral())


def _rise():
    return percent_rise(sum(_BASELINE) / len(_BASELINE), _MEASURED)


def _factor_or_none(source, target):
    factor = switch_rule(source, target).start_factor
    return "none" if factor is None else factor


#: Labels of the sections each hint names.
_SECTIONS_CAPSULES = ('sec-cyc-capsules',)
_SECTIONS_SCHEDULE = ('sec-cyc-capsules',)
_SECTIONS_CREATININE = ('sec-cyc-monitoring',)
_SECTIONS_SWITCH = ('sec-cyc-not-interchangeable', 'sec-cyc-tacrolimus-release')


ANSWERS = {
    "daily_target_mg": Expected(
        lambda: daily_dose_mg(_WEIGHT_KG, value("cyclosporine_psoriasis_start_mg_kg_day")),
        _REVISIT_CAPSULES, sections=_SECTIONS_CAPSULES),
    "dose_each_mg": Expected(lambda: _start_regimen().per_dose.total_mg,
                             _REVISIT_CAPSULES, sections=_SECTIONS_CAPSULES),
    "achieved_mg_kg": Expected(
        lambda: mg_per_kg_day(_start_regimen().daily_total_mg, _WEIGHT_KG),
        _REVISIT_CAPSULES, sections=_SECTIONS_CAPSULES),
    "max_week": Expected(lambda: _schedule()[-1].week, _REVISIT_SCHEDULE,
                         sections=_SECTIONS_SCHEDULE),
    "max_daily_rounded_mg": Expected(lambda: _max_regimen().daily_total_mg,
                                     _REVISIT_SCHEDULE, sections=_SECTIONS_SCHEDULE),
    "above_maximum": Expected(
        lambda: (mg_per_kg_day(_max_regimen().daily_total_mg, _WEIGHT_KG)
                 > value("cyclosporine_psoriasis_max_mg_kg_day")),
        _REVISIT_SCHEDULE, sections=_SECTIONS_SCHEDULE),
    "rise_pct": Expected(_rise, _REVISIT_CREATININE, sections=_SECTIONS_CREATININE),
    "meets_label_threshold": Expected(
        lambda: _rise() >= value("cyclosporine_psoriasis_creatinine_rise_pct"),
        _REVISIT_CREATININE, sections=_SECTIONS_CREATININE),
    "reduced_daily_range_mg": Expected(
        lambda: tuple(_CURRENT_DAILY_MG * (1 - pct / 100)
                      for pct in sorted(value("cyclosporine_psoriasis_decrease_pct"),
                                        reverse=True)),
        _REVISIT_CREATININE, sections=_SECTIONS_CREATININE, order_free=False),
    "neoral_start_daily_mg": Expected(
        lambda: label_start_dose_mg(2 * 150.0, "sandimmune", "neoral"), _REVISIT_SWITCH,
                sections=_SECTIONS_SWITCH),
    "neoral_monitoring_days": Expected(
        lambda: value("neoral_conversion_monitoring_days"), _REVISIT_SWITCH,
                sections=_SECTIONS_SWITCH,
        order_free=False),
    "gengraf_to_sandimmune_factor": Expected(
        lambda: _factor_or_none("gengraf", "sandimmune"), _REVISIT_SWITCH,
                sections=_SECTIONS_SWITCH),
    "envarsus_daily_mg": Expected(
        lambda: label_start_dose_mg(2 * 3.0, "prograf", "envarsus xr"), _REVISIT_SWITCH,
                sections=_SECTIONS_SWITCH),
    "envarsus_tablets_mg": Expected(
        lambda: round_to_strengths(label_start_dose_mg(2 * 3.0, "prograf", "envarsus xr"),
                                   strengths_mg("envarsus xr")).total_mg,
        _REVISIT_SWITCH, sections=_SECTIONS_SWITCH),
    "astagraf_factor": Expected(
        lambda: _factor_or_none("prograf", "astagraf xl"), _REVISIT_SWITCH,
                sections=_SECTIONS_SWITCH),
    "cyp3a5_status": Expected(lambda: expresser_status("*1/*3").value, _REVISIT_CYP3A5, sections=_SECTIONS_CYP3A5,
                              choices=tuple(c.value for c in CYP3A5)),
    "cpic_start_mg_kg_day": Expected(_cpic_range, _REVISIT_CYP3A5, sections=_SECTIONS_CYP3A5,
                                   order_free=False),
    "cpic_start_mg_day": Expected(
        lambda: tuple(_CYP3A5_WEIGHT_KG * x for x in _cpic_range()), _REVISIT_CYP3A5, sections=_SECTIONS_CYP3A5,
        order_free=False),
    "trough_ratio": Expected(lambda: trough_dose_ratio(8.0, 12.0), _REVISIT_CYP3A5,
        sections=_SECTIONS_CYP3A5),
    "ratio_within_cpic": Expected(
        lambda: (CPIC_START_MULTIPLIER[0] <= trough_dose_ratio(8.0, 12.0)
                 <= CPIC_START_MULTIPLIER[1]), _REVISIT_CYP3A5,
        sections=_SECTIONS_CYP3A5),
}
