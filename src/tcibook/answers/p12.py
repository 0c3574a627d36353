"""Expected answers of problem set 12 (troughs, priors and doses)."""

import math

import numpy as np

from .. import mipd, pk, poppk
from ..poppk import PopulationModel
from ..selfcheck import Expected
from ..tdm import trough_adjusted_dose

_REVISIT_LIN = ("'Model-informed dosing of tacrolimus', section 'Bayes' rule for "
                "one patient': eta = n w^2 mean(a - ln y) / (n w^2 + s^2); "
                "mipd.map_estimate with the toy PopulationModel.")
_SECTIONS_LIN = ('sec-mipd-bayes-rule-for-one-patient',)
_REVISIT_MAP = ("'Model-informed dosing of tacrolimus', section 'One patient, "
                "three troughs': mipd.map_estimate with the whole dosing history "
                "and MapEstimate.relative_sd.")
_SECTIONS_MAP = ('sec-mipd-one-patient-three-troughs',)
_REVISIT_DOSE = ("'Model-informed dosing of tacrolimus', section 'A target on a "
                 "chosen day': mipd.dose_for_trough_at from the change on day 14 "
                 "(312 h) to the trough of the chosen day (24 * (day - 1) h), "
                 "beside mipd.dose_for_target_trough and D * C_target / C_measured.")
_SECTIONS_DOSE = ('sec-mipd-a-target-on-a-chosen-day',)
_REVISIT_PATH = ("'Model-informed dosing of tacrolimus', section 'Why the model's "
                 "steady state is months away': mipd.forecast_troughs from 312 h, "
                 "the last trough of the course (or the first at or above the "
                 "target).")
_SECTIONS_PATH = ('sec-mipd-steady-state-months-away',)

_OMEGA, _SIGMA, _CL, _RATE = 0.4, 0.25, 10.0, 1.0
_T_LIN = np.array([20.0, 40.0, 60.0])
_Y_LIN = np.array([60.0, 75.0, 70.0])
_T_OBS = np.array([48.0, 216.0])
_Y_OBS = np.array([4.0, 6.0])
_TARGET, _TAU, _CHANGE = 7.5, 12.0, 312.0


def _eta_hand():
    n = _Y_LIN.size
    a = math.log(1000 * _RATE / _CL)
    return n * _OMEGA**2 * np.mean(a - np.log(_Y_LIN)) / (n * _OMEGA**2 + _SIGMA**2)


def _cl_map():
    prior = PopulationModel("toy", "one", {"cl_l_h": _CL, "v_l": 1.0},
                            {"cl_l_h": _OMEGA}, _SIGMA)
    infusion = pk.dosing_table([0.0], 10_000.0, "iv_infusion", infusion_h=10_000.0)
    return mipd.map_estimate(prior, infusion, _T_LIN, _Y_LIN).parameter("cl_l_h")


def _doses():
    return pk.repeated_doses(4.0, 12.0, 28)


def _estimate(n):
    return mipd.map_estimate(poppk.ANDREWS_2019, _doses(), _T_OBS[:n], _Y_OBS[:n])


def _dose_on_day(day):
    return mipd.dose_for_trough_at(_estimate(2), _doses(), _CHANGE, _TARGET,
                                   24.0 * (day - 1), _TAU).dose_mg


def _ss_dose():
    return mipd.dose_for_target_trough(_estimate(2).model, _TARGET, _TAU)


def _ss_dose_trough_day21():
    return float(mipd.forecast_troughs(_estimate(2), _doses(), _CHANGE, _ss_dose(),
                                       _TAU, 24.0 * 20).map_ng_ml[-1])


def _day_at_target_on_4mg():
    course = mipd.forecast_troughs(_estimate(2), _doses(), _CHANGE, 4.0, _TAU,
                                   24.0 * 89)
    morning = course.times_h % 24 == 0
    first = int(np.argmax(course.map_ng_ml[morning] >= _TARGET))
    return int(course.times_h[morning][first] // 24) + 1


ANSWERS = {
    "eta_hand": Expected(_eta_hand, _REVISIT_LIN, sections=_SECTIONS_LIN),
    "cl_map": Expected(_cl_map, _REVISIT_LIN, sections=_SECTIONS_LIN),
    "weight": Expected(lambda: 3 * _OMEGA**2 / (3 * _OMEGA**2 + _SIGMA**2),
                       _REVISIT_LIN, sections=_SECTIONS_LIN),
    "cl_one": Expected(lambda: _estimate(1).parameter("cl_l_h"), _REVISIT_MAP, sections=_SECTIONS_MAP),
    "cl_two": Expected(lambda: _estimate(2).parameter("cl_l_h"), _REVISIT_MAP, sections=_SECTIONS_MAP),
    "sd_ratio": Expected(lambda: _estimate(2).relative_sd("cl_l_h")
                         / _estimate(1).relative_sd("cl_l_h"), _REVISIT_MAP, sections=_SECTIONS_MAP),
    "rule_dose": Expected(lambda: trough_adjusted_dose(4.0, 6.0, _TARGET),
                          _REVISIT_DOSE, sections=_SECTIONS_DOSE),
    "dose_day21": Expected(lambda: _dose_on_day(21), _REVISIT_DOSE, sections=_SECTIONS_DOSE),
    "dose_day42": Expected(lambda: _dose_on_day(42), _REVISIT_DOSE, sections=_SECTIONS_DOSE),
    "ss_dose": Expected(_ss_dose, _REVISIT_DOSE, sections=_SECTIONS_DOSE),
    "ss_dose_trough_day21": Expected(_ss_dose_trough_day21, _REVISIT_PATH, sections=_SECTIONS_PATH),
    "day_at_target_on_4mg": Expected(_day_at_target_on_4mg, _REVISIT_PATH, sections=_SECTIONS_PATH),
}
