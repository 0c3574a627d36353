"""Expected answers of problem set 11 (concentration–time courses)."""

import math

import numpy as np

from .. import pk, poppk
from .. import systemic_exposure as se
from ..facts import value
from ..selfcheck import Expected

_REVISIT_ACC = ("'Exposure over time', section 'Many doses: superposition and "
                "accumulation': troughs by superposition (pk.trough_before_doses), "
                "steady state (pk.steady_state_concentration at time 0), "
                "R = 1/(1 - exp(-k tau)), t_f = -ln(1 - f)/k.")
_REVISIT_INT = ("'Exposure over time', section 'When clearance changes: the "
                "interaction time course': the level moves with the new rate "
                "constant k' = k * fold; pk.concentration_ode with a "
                "pk.ClearanceChange.")
_REVISIT_SKIN = ("'Exposure over time', section 'From skin to blood': "
                 "C_ss = J A / CL and J = C CL / A.")

_DOSE, _TAU = 3.0, 12.0
_FOLD, _START, _STOP = 0.4, 240.0, 576.0


def _model():
    return poppk.review_one_compartment()


def _k():
    m = _model()
    return float(m.cl_l_h / m.v_l)


def _first_troughs():
    return pk.trough_before_doses(_model(), pk.repeated_doses(_DOSE, _TAU, 4),
                                  indices=[1, 3])


def _troughs_with_inhibitor():
    doses = pk.repeated_doses(_DOSE, _TAU, 80)
    t = doses.times_h[1:]
    c = pk.concentration_ode(_model(), doses, t - 1e-6,
                             pk.ClearanceChange(_FOLD, _START, _STOP))
    return t, c


def _trough_ratio():
    t, c = _troughs_with_inhibitor()
    return c[t <= _STOP][-1] / c[-1]


def _first_90():
    t, c = _troughs_with_inhibitor()
    before_stop = c[t <= _STOP][-1]
    at_start = c[t == _START][0]
    after = (t > _START) & (t <= _STOP)
    covered = (c[after] - at_start) / (before_stop - at_start)
    return float(t[after][np.argmax(covered >= 0.9)])


def _skin():
    area = se.treated_area_cm2(30, se.ILLUSTRATIVE_BODY_SURFACE_CM2)
    cl = float(se.systemic_tacrolimus_model().cl_l_h)
    flux = se.skin_flux_ug_cm2_h("damaged")
    needed = se.flux_for_level(value("reitamo2000_blood_threshold_ng_ml"), area, cl)
    return se.steady_state_blood_ng_ml(flux, area, cl), needed, flux / needed


#: Labels of the sections each hint names.
_SECTIONS_ACC = ('sec-exp-many-doses',)
_SECTIONS_INT = ('sec-exp-clearance-changes',)
_SECTIONS_SKIN = ('sec-exp-skin-to-blood',)


ANSWERS = {
    "trough_after_1": Expected(lambda: _first_troughs()[0], _REVISIT_ACC, sections=_SECTIONS_ACC),
    "trough_after_3": Expected(lambda: _first_troughs()[1], _REVISIT_ACC, sections=_SECTIONS_ACC),
    "trough_ss": Expected(
        lambda: pk.steady_state_concentration(_model(), _DOSE, _TAU, 0.0),
        _REVISIT_ACC, sections=_SECTIONS_ACC),
    "accumulation": Expected(lambda: pk.accumulation_ratio(_k(), _TAU), _REVISIT_ACC,
                             sections=_SECTIONS_ACC),
    "t90_h": Expected(lambda: pk.time_to_fraction_of_steady_state(0.9, _k()),
                      _REVISIT_ACC, sections=_SECTIONS_ACC),
    "days_on_formula": Expected(lambda: math.log(10) / (_k() * _FOLD) / 24,
                                _REVISIT_INT, sections=_SECTIONS_INT),
    "days_off_formula": Expected(lambda: math.log(10) / _k() / 24, _REVISIT_INT,
                                 sections=_SECTIONS_INT),
    "trough_ratio": Expected(_trough_ratio, _REVISIT_INT, sections=_SECTIONS_INT),
    "first_90_h": Expected(_first_90, _REVISIT_INT, sections=_SECTIONS_INT),
    "model_level": Expected(lambda: _skin()[0], _REVISIT_SKIN, sections=_SECTIONS_SKIN),
    "flux_needed": Expected(lambda: _skin()[1], _REVISIT_SKIN, sections=_SECTIONS_SKIN),
    "overshoot": Expected(lambda: _skin()[2], _REVISIT_SKIN, sections=_SECTIONS_SKIN),
}
