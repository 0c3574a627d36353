"""Expected answers of problem set 3 (flux, lag time and the skin reservoir).

Every parameter is one of the illustrative values of
:mod:`tcibook.permeation`; none is a measured property of a drug.
"""

import math

from ..permeation import (ILLUSTRATIVE_DONOR_UG_CM3, barrier_scenario,
                          cumulative_permeated, depot_release_rate, lag_time,
                          reservoir_model, steady_state_flux)
from ..selfcheck import Expected

__all__ = ["WASH_H", "END_H", "ANSWERS"]

#: Scenario of exercise 3: an overnight application washed off after 8 h,
#: followed to 24 h after application.
WASH_H, END_H = 8.0, 24.0


def _flux(scenario):
    k, d, h = barrier_scenario(scenario)
    return steady_state_flux(k, d, ILLUSTRATIVE_DONOR_UG_CM3, h)


def _lag(scenario):
    _, d, h = barrier_scenario(scenario)
    return lag_time(h, d)


def _q24():
    k, d, h = barrier_scenario("normal")
    return cumulative_permeated(24.0, k, d, ILLUSTRATIVE_DONOR_UG_CM3, h)


def _reservoir():
    run = reservoir_model(dose_ug_cm2=1.0, wipe_h=WASH_H, end_h=END_H)
    before = run.t_h <= run.wipe_h
    return run, run.depot[before][-1], run.absorbed[before][-1]


def _after_wash_share():
    run, _, absorbed_at_wash = _reservoir()
    return (run.absorbed[-1] - absorbed_at_wash) / run.absorbed[-1]


def _depot_half_life(scenario):
    _, d, h = barrier_scenario(scenario)
    return math.log(2.0) / depot_release_rate(d, h)


_REVISIT_FICK = ("'Pharmacokinetics of topical application', section 'Fick's first law "
                 "across the stratum corneum': J = K D ΔC / h, t_lag = h²/(6D), and the "
                 "units of the permeation module (cm, h, µg/cm³).")
_REVISIT_BARRIER = ("'Pharmacokinetics of topical application', section 'When the barrier "
                    "changes': flux scales as 1/h, lag time as h²; use "
                    "tcibook.permeation.barrier_scenario.")
_REVISIT_RESERVOIR = ("'Pharmacokinetics of topical application', section 'The stratum "
                      "corneum as a reservoir': run tcibook.permeation.reservoir_model and "
                      "read the pools just before the wipe (t_h <= wipe_h) and at the end.")
_REVISIT_RELEASE = ("'Pharmacokinetics of topical application', section 'The stratum "
                    "corneum as a reservoir': k_out = π²D/(4h²) "
                    "(tcibook.permeation.depot_release_rate) and t½ = ln 2 / k_out.")


#: Labels of the sections each hint names.
_SECTIONS_FICK = ('sec-pk-fick',)
_SECTIONS_BARRIER = ('sec-pk-barrier-changes',)
_SECTIONS_RESERVOIR = ('sec-pk-reservoir',)
_SECTIONS_RELEASE = ('sec-pk-reservoir',)


ANSWERS = {
    "flux": Expected(lambda: _flux("normal"), _REVISIT_FICK, sections=_SECTIONS_FICK),
    "t_lag": Expected(lambda: _lag("normal"), _REVISIT_FICK, sections=_SECTIONS_FICK),
    "q24": Expected(_q24, _REVISIT_FICK, sections=_SECTIONS_FICK),
    "flux_ratio": Expected(lambda: _flux("hyperkeratotic") / _flux("normal"), _REVISIT_BARRIER,
                           sections=_SECTIONS_BARRIER),
    "lag_ratio": Expected(lambda: _lag("hyperkeratotic") / _lag("normal"), _REVISIT_BARRIER,
                          sections=_SECTIONS_BARRIER),
    "t_lag_thick": Expected(lambda: _lag("hyperkeratotic"), _REVISIT_BARRIER,
                            sections=_SECTIONS_BARRIER),
    "depot_at_wash": Expected(lambda: _reservoir()[1], _REVISIT_RESERVOIR,
                              sections=_SECTIONS_RESERVOIR),
    "washed_off": Expected(lambda: _reservoir()[0].wiped[-1], _REVISIT_RESERVOIR,
                           sections=_SECTIONS_RESERVOIR),
    "after_wash_share": Expected(_after_wash_share, _REVISIT_RESERVOIR,
                                 sections=_SECTIONS_RESERVOIR),
    "half_life_normal": Expected(lambda: _depot_half_life("normal"), _REVISIT_RELEASE,
                                 sections=_SECTIONS_RELEASE),
    "half_life_thick": Expected(lambda: _depot_half_life("hyperkeratotic"), _REVISIT_RELEASE,
                                sections=_SECTIONS_RELEASE),
}
