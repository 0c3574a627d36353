"""Expected answers of problem set 5 (proactive maintenance)."""

from ..dosing import (BodySite, amount_needed_g, fingertip_units,
                      grams_per_application, tubes_needed)
from ..facts import value
from ..regimens import Action, eu_maintenance_eligibility
from ..selfcheck import Expected

_REVISIT_RULE = ("'Atopic dermatitis: the core indication', 'Reactive and proactive "
                 "treatment': the EU rule needs BOTH enough flares a year AND a "
                 "response within the limit (tcibook.regimens."
                 "eu_maintenance_eligibility).")
_REVISIT_MONTH = ("Problem set 5, 'Maintenance in numbers': twice weekly is 2/7 "
                  "applications a day; grams per application from the adult FTU "
                  "counts of problem set 4; round tubes up.")
_REVISIT_YEAR = ("Problem set 5, 'Maintenance in numbers', and its last exercise: a "
                 "flare is 2 applications a day for 14 days; maintenance runs only in "
                 "the weeks without a flare.")


def _eligible(flares, weeks):
    return eu_maintenance_eligibility(flares, weeks).action is Action.ELIGIBLE


def _per_app():
    return grams_per_application(
        fingertip_units({BodySite.FACE_NECK: 1, BodySite.ARM_FOREARM: 2}),
        value("ftu_grams_adult_woman"))


def _rate():
    return value("wollenberg2008_applications_per_week") / 7


def _four_weeks():
    return amount_needed_g(_per_app(), _rate(), 28)


def _flare():
    return amount_needed_g(_per_app(), 2, 14)


#: Labels of the sections each hint names.
_SECTIONS_RULE = ('sec-adx-proactive',)
_SECTIONS_MONTH = ('sec-p05-numbers',)
_SECTIONS_YEAR = ('sec-p05-numbers',)


ANSWERS = {
    "eligible_a": Expected(lambda: _eligible(5, 4), _REVISIT_RULE, sections=_SECTIONS_RULE),
    "eligible_b": Expected(lambda: _eligible(6, 8), _REVISIT_RULE, sections=_SECTIONS_RULE),
    "eligible_c": Expected(lambda: _eligible(3, 2), _REVISIT_RULE, sections=_SECTIONS_RULE),
    "grams_per_app": Expected(_per_app, _REVISIT_MONTH, sections=_SECTIONS_MONTH),
    "proactive_4wk_g": Expected(_four_weeks, _REVISIT_MONTH, sections=_SECTIONS_MONTH),
    "tubes_60_year": Expected(
        lambda: tubes_needed(amount_needed_g(_per_app(), _rate(), 52 * 7), 60),
        _REVISIT_MONTH, sections=_SECTIONS_MONTH),
    "flare_g": Expected(_flare, _REVISIT_YEAR, sections=_SECTIONS_YEAR),
    "ratio_flare_to_4wk": Expected(lambda: _flare() / _four_weeks(), _REVISIT_YEAR,
                                   sections=_SECTIONS_YEAR),
    "year_reactive_g": Expected(lambda: 6 * _flare(), _REVISIT_YEAR, sections=_SECTIONS_YEAR),
    "year_proactive_g": Expected(
        lambda: 2 * _flare() + amount_needed_g(_per_app(), _rate(), (52 - 4) * 7),
        _REVISIT_YEAR, sections=_SECTIONS_YEAR),
}
