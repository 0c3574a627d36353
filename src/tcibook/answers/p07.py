"""Expected answers of problem set 7 (systemic tacrolimus and its troughs)."""

from ..facts import value
from ..pk import time_to_fraction_of_steady_state
from ..poppk import review_one_compartment
from ..selfcheck import Expected
from ..tdm import Organ, Regimen
from ..tdm import (capsule_dose, concentration_after_clearance_change_over_time,
                   dose_for_unchanged_exposure, early_sample_factor,
                   prograf_trough_range, trough_adjusted_dose,
                   trough_after_clearance_change)

_REVISIT_RANGE = ("'The systemic calcineurin inhibitors', section 'Target ranges: "
                  "the US Prograf label, not KDIGO': the kidney range with "
                  "azathioprine steps down after month 3; tdm.prograf_trough_range.")
_SECTIONS_RANGE = ('sec-sys-target-ranges',)
_REVISIT_DOSE = ("'The systemic calcineurin inhibitors', section 'Dose and trough "
                 "in a linear model': D_new = D * C_target / C_measured, with the "
                 "middle of the label range as target.")
_SECTIONS_DOSE = ('sec-sys-dose-and-trough-in-a-linear-model',)
_REVISIT_EARLY = ("'The systemic calcineurin inhibitors', section 'The trough, and "
                  "when to draw it': an early sample reads 2**(dt / t_half) times "
                  "the trough.")
_SECTIONS_EARLY = ('sec-sys-the-trough-and-when-to-draw-it',)
_REVISIT_CYP = ("Problem set 7, 'The average is not the trough', and 'The systemic "
                "calcineurin inhibitors', section 'CYP3A4: inhibitors, inducers and "
                "grapefruit': the AVERAGE is C/k and D' = k * D keeps it; the TROUGH "
                "comes from the model (tdm.trough_after_clearance_change with "
                "review_one_compartment()) and moves further than the average.")
_SECTIONS_CYP = ('sec-p07-the-average-is-not-the-trough', 'sec-sys-cyp3a4')

_REVISIT_CAPS = ("'The systemic calcineurin inhibitors', section 'Target ranges: "
                 "the US Prograf label, not KDIGO': mg/kg/day x weight, halved for "
                 "two doses, then tdm.capsule_dose (nearest multiple of the smallest "
                 "capsule).")
_SECTIONS_CAPS = ('sec-sys-target-ranges',)
_REVISIT_ONSET = ("'Exposure over time', section 'When clearance changes: the "
                  "interaction time course': the troughs approach the new "
                  "steady-state TROUGH (not C/k, the new average) with the NEW "
                  "half-life t_half/k "
                  "(tdm.concentration_after_clearance_change_over_time with "
                  "review_one_compartment()).")
_SECTIONS_ONSET = ('sec-exp-clearance-changes',)

_WEIGHT_KG = 72
_ONSET_FOLD = 0.5        # illustrative
_INHIBITOR_FOLD = 0.25   # illustrative
_INDUCER_FOLD = 3.0      # illustrative
#: The one-compartment mean patient the CYP3A4 and onset problems scale.
_MEAN = review_one_compartment()


def _true_trough():
    return 12.0 / early_sample_factor(3.0, value("tacrolimus_half_life_h"))


def _dose_ratio():
    mid = prograf_trough_range(Organ.KIDNEY, 6, Regimen.MMF_IL2RA).midpoint_ng_ml
    return (trough_adjusted_dose(3.0, 12.0, mid)
            / trough_adjusted_dose(3.0, _true_trough(), mid))


def _trough_after(fold):
    return trough_after_clearance_change(8.0, fold, _MEAN)


def _positions():
    liver = prograf_trough_range(Organ.LIVER, 5)
    return (liver.position(_trough_after(_INHIBITOR_FOLD)),
            liver.position(_trough_after(_INDUCER_FOLD)))


def _onset_trough():
    return concentration_after_clearance_change_over_time(
        24.0, 8.0, _ONSET_FOLD, _MEAN)


#: The words a trough's position against its range may take.
_POSITIONS = ("below", "within", "above")

ANSWERS = {
    "position_month3": Expected(
        lambda: prograf_trough_range(Organ.KIDNEY, 3, Regimen.AZATHIOPRINE).position(17.0),
        _REVISIT_RANGE, sections=_SECTIONS_RANGE, choices=_POSITIONS),
    "position_month4": Expected(
        lambda: prograf_trough_range(Organ.KIDNEY, 4, Regimen.AZATHIOPRINE).position(17.0),
        _REVISIT_RANGE, sections=_SECTIONS_RANGE, choices=_POSITIONS),
    "model_dose_month4": Expected(
        lambda: trough_adjusted_dose(
            5.0, 17.0, prograf_trough_range(Organ.KIDNEY, 4, Regimen.AZATHIOPRINE).midpoint_ng_ml),
        _REVISIT_DOSE, sections=_SECTIONS_DOSE),
    "true_trough": Expected(_true_trough, _REVISIT_EARLY, sections=_SECTIONS_EARLY),
    "position_true": Expected(
        lambda: prograf_trough_range(Organ.KIDNEY, 6, Regimen.MMF_IL2RA).position(_true_trough()),
        _REVISIT_EARLY, sections=_SECTIONS_EARLY, choices=_POSITIONS),
    "dose_ratio": Expected(_dose_ratio, _REVISIT_EARLY, sections=_SECTIONS_EARLY),
    "trough_inhibitor": Expected(lambda: _trough_after(_INHIBITOR_FOLD), _REVISIT_CYP, sections=_SECTIONS_CYP),
    "dose_inhibitor": Expected(
        lambda: dose_for_unchanged_exposure(2.0, _INHIBITOR_FOLD), _REVISIT_CYP, sections=_SECTIONS_CYP),
    "trough_at_dose_inhibitor": Expected(
        lambda: _trough_after(_INHIBITOR_FOLD) * _INHIBITOR_FOLD, _REVISIT_CYP, sections=_SECTIONS_CYP),
    "trough_inducer": Expected(lambda: _trough_after(_INDUCER_FOLD), _REVISIT_CYP, sections=_SECTIONS_CYP),
    "dose_inducer": Expected(
        lambda: dose_for_unchanged_exposure(2.0, _INDUCER_FOLD), _REVISIT_CYP, sections=_SECTIONS_CYP),
    "positions": Expected(_positions, _REVISIT_CYP, sections=_SECTIONS_CYP, choices=_POSITIONS),
    "dose_per_administration_mg": Expected(
        lambda: value("prograf_kidney_mmf_initial_dose") * _WEIGHT_KG / 2, _REVISIT_CAPS, sections=_SECTIONS_CAPS),
    "capsule_dose_mg": Expected(
        lambda: capsule_dose(value("prograf_kidney_mmf_initial_dose") * _WEIGHT_KG / 2).dose_mg,
        _REVISIT_CAPS, sections=_SECTIONS_CAPS),
    "n_capsules": Expected(
        lambda: capsule_dose(value("prograf_kidney_mmf_initial_dose") * _WEIGHT_KG / 2).n_capsules,
        _REVISIT_CAPS, sections=_SECTIONS_CAPS),
    "trough_after_24h": Expected(_onset_trough, _REVISIT_ONSET, sections=_SECTIONS_ONSET),
    "rise_factor_24h": Expected(lambda: _onset_trough() / 8.0, _REVISIT_ONSET, sections=_SECTIONS_ONSET),
    "hours_to_90pct": Expected(lambda: time_to_fraction_of_steady_state(
        0.9, _ONSET_FOLD * _MEAN.cl_l_h / _MEAN.v_l), _REVISIT_ONSET, sections=_SECTIONS_ONSET),
}
