"""Expected answers of problem set 6 (whole blood against plasma)."""

from ..blood import (ILLUSTRATIVE_HAEMATOCRIT, blood_plasma_ratio,
                     erythrocyte_fraction, erythrocyte_partition,
                     plasma_concentration, plasma_shortfall)
from ..facts import value
from ..selfcheck import Expected

_REVISIT = ("'Pharmacokinetics of topical application', section 'Why whole "
            "blood, not plasma': C_p = C_b / R, and a plasma assay misses "
            "1 - 1/R of the whole-blood level.")
_REVISIT_HCT = ("'Pharmacokinetics of topical application', section 'Why whole "
                "blood, not plasma': R = H * K_rbc + 1 - H; recover K_rbc at the "
                "illustrative haematocrit, then change H.")

_ANAEMIC_HCT = 0.30


def _ratio():
    return value("tacrolimus_blood_plasma_ratio")


def _k_rbc():
    return erythrocyte_partition(_ratio(), ILLUSTRATIVE_HAEMATOCRIT)


def _verdict():
    return "above" if _ratio() * 0.1 >= 1.0 else "below"


#: Labels of the sections each hint names.
_SECTIONS = ('sec-pk-whole-blood',)
_SECTIONS_HCT = ('sec-pk-whole-blood',)


ANSWERS = {
    "c_plasma": Expected(lambda: plasma_concentration(1.2, _ratio()), _REVISIT,
                         sections=_SECTIONS),
    "missed_fraction": Expected(lambda: plasma_shortfall(_ratio()), _REVISIT, sections=_SECTIONS),
    "c_blood_implied": Expected(lambda: _ratio() * 0.1, _REVISIT, sections=_SECTIONS),
    "verdict": Expected(_verdict, _REVISIT, sections=_SECTIONS, choices=("above", "below")),
    "c_blood_upper": Expected(lambda: _ratio() * 0.2, _REVISIT, sections=_SECTIONS),
    "ratio_anaemic": Expected(lambda: blood_plasma_ratio(_ANAEMIC_HCT, _k_rbc()),
                              _REVISIT_HCT, sections=_SECTIONS_HCT),
    "in_cells_anaemic": Expected(
        lambda: erythrocyte_fraction(_ANAEMIC_HCT, _k_rbc()), _REVISIT_HCT,
                sections=_SECTIONS_HCT),
    "blood_reading_fraction": Expected(
        lambda: blood_plasma_ratio(_ANAEMIC_HCT, _k_rbc()) / _ratio(), _REVISIT_HCT,
                sections=_SECTIONS_HCT),
}
