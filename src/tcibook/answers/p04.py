"""Expected answers of problem set 4 (topical dosing with fingertip units)."""

from ..dosing import (BodySite, amount_needed_g, fingertip_units, ftu_for_area,
                      grams_per_application, tubes_needed)
from ..facts import value
from ..regimens import Action, Product, Region, eu_flare_regimen, licensed_options
from ..selfcheck import Expected

_REVISIT_FTU = ("Problem set 4, 'The measure': count each site as often as it is "
                "treated (two whole hands), add the adult FTU counts (not rounded), "
                "then multiply by the weight of one FTU.")
_REVISIT_SUPPLY = ("Problem set 4, 'The measure' (the course equation): grams per "
                   "application x applications a day x days; round tubes UP to "
                   "whole tubes.")
_REVISIT_CHILD = ("Problem set 4, 'The measure': for a child, FTUs = area / area "
                  "one FTU of the applying adult covers (not rounded); the EU rule "
                  "for children ('Atopic dermatitis: the core indication', section "
                  "'How often, and for how long') sets twice daily for the first "
                  "weeks, then once daily; round tubes UP to whole tubes.")
_REVISIT_LICENCE = ("'Atopic dermatitis: the core indication', 'Products, strengths "
                    "and who may use them': licensing by age and region "
                    "(tcibook.regimens.licensed_options; ages in years).")

_FACE_HANDS = {BodySite.FACE_NECK: 1, BodySite.HAND: 2}


def _grams_adult():
    return grams_per_application(fingertip_units(_FACE_HANDS),
                                 value("ftu_grams_adult_man"))


def _month_adult():
    return amount_needed_g(_grams_adult(), 2, 30)


def _grams_child():
    return grams_per_application(ftu_for_area(600, value("ftu_area_women_cm2")),
                                 value("ftu_grams_adult_woman"))


def _four_weeks_child():
    per_day = {Action.TWICE_DAILY: 2, Action.ONCE_DAILY: 1}
    return sum(amount_needed_g(_grams_child(), per_day[eu_flare_regimen(7, w).action], 7)
               for w in range(4))


#: Labels of the sections each hint names.
_SECTIONS_FTU = ('sec-p04-measure',)
_SECTIONS_SUPPLY = ('sec-p04-measure',)
_SECTIONS_CHILD = ('sec-p04-measure', 'sec-adx-how-often')
_SECTIONS_LICENCE = ('sec-adx-products',)


ANSWERS = {
    "ftu_adult": Expected(lambda: fingertip_units(_FACE_HANDS), _REVISIT_FTU,
                          sections=_SECTIONS_FTU),
    "grams_adult": Expected(_grams_adult, _REVISIT_FTU, sections=_SECTIONS_FTU),
    "weekly_g_adult": Expected(lambda: amount_needed_g(_grams_adult(), 2, 7),
                               _REVISIT_SUPPLY, sections=_SECTIONS_SUPPLY),
    "monthly_g_adult": Expected(_month_adult, _REVISIT_SUPPLY, sections=_SECTIONS_SUPPLY),
    "tubes_60_adult": Expected(lambda: tubes_needed(_month_adult(), 60),
                               _REVISIT_SUPPLY, sections=_SECTIONS_SUPPLY),
    "tubes_100_adult": Expected(lambda: tubes_needed(_month_adult(), 100),
                                _REVISIT_SUPPLY, sections=_SECTIONS_SUPPLY),
    "strengths_child_eu": Expected(
        lambda: licensed_options(7, Region.EU).strengths(Product.PROTOPIC), _REVISIT_LICENCE,
        sections=_SECTIONS_LICENCE, may_be_empty=True),
    "grams_child": Expected(_grams_child, _REVISIT_CHILD, sections=_SECTIONS_CHILD),
    "four_week_g_child": Expected(_four_weeks_child, _REVISIT_CHILD, sections=_SECTIONS_CHILD),
    "tubes_30_child": Expected(lambda: tubes_needed(_four_weeks_child(), 30),
                               _REVISIT_CHILD, sections=_SECTIONS_CHILD),
    "protopic_15y_us": Expected(
        lambda: licensed_options(15, Region.US).strengths(Product.PROTOPIC), _REVISIT_LICENCE,
        sections=_SECTIONS_LICENCE, may_be_empty=True),
    "protopic_16y_eu": Expected(
        lambda: licensed_options(16, Region.EU).strengths(Product.PROTOPIC), _REVISIT_LICENCE,
        sections=_SECTIONS_LICENCE, may_be_empty=True),
    "elidel_9mo_uk": Expected(
        lambda: licensed_options(0.75, "UK").strengths(Product.ELIDEL), _REVISIT_LICENCE,
        sections=_SECTIONS_LICENCE, may_be_empty=True),
}
