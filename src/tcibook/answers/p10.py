"""Expected answers of problem set 10 (an integrated case of facial atopic dermatitis)."""

from ..binding import occupancy
from ..blood import plasma_concentration
from ..dosing import (BodySite, amount_needed_g, fingertip_units, grams_per_application,
                      tubes_needed)
from ..facts import value
from ..regimens import Product, Region, licensed_options
from ..effect_sizes import absolute_risk_from_relative
from ..safety import excess_rate, excess_risk, number_needed_to_harm
from ..selfcheck import Expected
from ..units import ng_per_ml_to_nM

#: Scenario inputs of the case (not facts): age, and the course of problem 4.
AGE_YEARS = 19
APPLICATIONS_PER_DAY = 2
COURSE_DAYS = 21
#: The smallest Protopic tube in the US label, g.
TUBE_G = min(value("protopic_tube_sizes"))

_REVISIT_LICENCE = ("'Atopic dermatitis: the core indication', section 'Products, "
                    "strengths and who may use them': licensed_options(age, region); "
                    "read .strengths(product) and .not_covered.")
_REVISIT_BURNING = ("'Safety in practice', section 'From two percentages to one "
                    "comparison': NNH = 100 / (drug % - comparator %), rounded up; the "
                    "attributable fraction is the difference divided by the drug %.")
_REVISIT_BLOOD = ("'Pharmacokinetics of topical application', section 'Why whole "
                  "blood, not plasma', then 'The immunophilin–drug complex', section "
                  "'How much drug occupies FKBP12?': divide by the blood-to-plasma "
                  "ratio, convert to nM, theta = [L]/(Kd + [L]).")
_REVISIT_DOSING = ("Problem set 4 (topical dosing), section 'The measure', and "
                   "'Atopic dermatitis: the core indication', section 'How often, and "
                   "for how long': FTUs of the site times grams per FTU, times "
                   "applications per day and days, then whole tubes rounded up.")


_REVISIT_LYMPHOMA = ("'Safety in practice', section 'The evidence since': the "
                     "comparator rate is the treated rate / the ratio; risk over "
                     "5 years ~ rate x 5; extra risk = baseline x (ratio - 1).")
_YEARS = 5


def _comparator_rate():
    return excess_rate(value("joelle2018_lymphoma_rate_adults_tacrolimus"),
                       value("joelle2018_lymphoma_irr_adults_tacrolimus")).comparator_rate


def _baseline_5y():
    return _comparator_rate() / 100_000 * _YEARS


def _burning():
    return excess_risk(value("protopic_burning_adult_high_pct"),
                       value("protopic_burning_adult_vehicle_pct"))


def _plasma():
    return plasma_concentration(value("reitamo2000_blood_threshold_ng_ml"),
                                value("tacrolimus_blood_plasma_ratio"))


def _theta(ng_ml):
    return occupancy(ng_per_ml_to_nM(ng_ml, value("tacrolimus_mw_anhydrous")),
                     value("fk506_fkbp12_kd_nm"))


def _face_grams():
    return grams_per_application(fingertip_units({BodySite.FACE_NECK: 1}),
                                 value("ftu_grams_adult_woman"))


#: Labels of the sections each hint names.
_SECTIONS_LICENCE = ('sec-adx-products',)
_SECTIONS_BURNING = ('sec-saf-two-percentages',)
_SECTIONS_BLOOD = ('sec-pk-whole-blood', 'sec-imm-occupancy')
_SECTIONS_DOSING = ('sec-p04-measure', 'sec-adx-how-often')
_SECTIONS_LYMPHOMA = ('sec-saf-evidence-since',)


ANSWERS = {
    "us_protopic_strengths": Expected(
        lambda: licensed_options(AGE_YEARS, Region.US).strengths(Product.PROTOPIC),
        _REVISIT_LICENCE, sections=_SECTIONS_LICENCE),
    "eu_not_covered": Expected(
        lambda: licensed_options(AGE_YEARS, Region.EU).not_covered, _REVISIT_LICENCE,
                sections=_SECTIONS_LICENCE,
        order_free=True, may_be_empty=True),
    "nnh_high_whole": Expected(lambda: _burning().nnh_whole, _REVISIT_BURNING,
                               sections=_SECTIONS_BURNING),
    "attributable_fraction": Expected(
        lambda: _burning().attributable_fraction, _REVISIT_BURNING, sections=_SECTIONS_BURNING),
    "nnh_high_vs_low": Expected(
        lambda: number_needed_to_harm(value("protopic_burning_adult_high_pct"),
                                      value("protopic_burning_adult_low_pct")),
        _REVISIT_BURNING, sections=_SECTIONS_BURNING),
    "plasma_ng_ml": Expected(_plasma, _REVISIT_BLOOD, sections=_SECTIONS_BLOOD),
    "theta_plasma": Expected(lambda: _theta(_plasma()), _REVISIT_BLOOD, sections=_SECTIONS_BLOOD),
    "theta_if_whole_blood": Expected(
        lambda: _theta(value("reitamo2000_blood_threshold_ng_ml")), _REVISIT_BLOOD,
                sections=_SECTIONS_BLOOD),
    "face_grams": Expected(_face_grams, _REVISIT_DOSING, sections=_SECTIONS_DOSING),
    "tubes": Expected(
        lambda: tubes_needed(amount_needed_g(_face_grams(), APPLICATIONS_PER_DAY,
                                             COURSE_DAYS), TUBE_G),
        _REVISIT_DOSING, sections=_SECTIONS_DOSING),
    "comparator_rate": Expected(_comparator_rate, _REVISIT_LYMPHOMA, sections=_SECTIONS_LYMPHOMA),
    "baseline_risk_5y": Expected(_baseline_5y, _REVISIT_LYMPHOMA, sections=_SECTIONS_LYMPHOMA),
    "extra_per_10000": Expected(
        lambda: absolute_risk_from_relative(
            _baseline_5y(), value("joelle2018_lymphoma_irr_adults_tacrolimus"))[1] * 10_000,
        _REVISIT_LYMPHOMA, sections=_SECTIONS_LYMPHOMA),
}
