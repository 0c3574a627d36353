"""Expected answers of problem set 9 (a hyperkeratotic discoid lupus plaque)."""

from ..evidence import cle_studies
from ..facts import value
from ..permeation import (BARRIER_SCENARIOS, ILLUSTRATIVE_DONOR_UG_CM3,
                          barrier_scenario, lag_time, scale_barrier,
                          steady_state_flux)
from ..selfcheck import Expected

_REVISIT_PLAQUE = ("'Off-label dermatology', section 'Why hyperkeratotic discoid "
                   "lupus responds less': flux falls as 1/h, the lag grows as h²/(6D).")
_REVISIT_STRATEGY = ("'Off-label dermatology', section 'Why hyperkeratotic discoid "
                     "lupus responds less': descaling shortens h, occlusion raises D, "
                     "a stronger ointment raises ΔC (and leaves the lag alone).")
_REVISIT_VEHICLE = ("'Pharmacokinetics of topical application', section 'When the "
                    "barrier changes': apply the occlusion change to the descaled "
                    "plaque with scale_barrier, then compare with intact skin.")
_REVISIT_EVIDENCE = ("'Off-label dermatology', section 'Grading the studies': keep "
                     "the studies whose condition names DLE and read each one's "
                     ".evidence.level.")


def _flux(params):
    k, d, h = params
    return steady_state_flux(k, d, ILLUSTRATIVE_DONOR_UG_CM3, h)


def _strategies():
    """Flux gain over the untreated plaque and lag (h) of each strategy."""
    plaque = barrier_scenario("hyperkeratotic")
    k, d, h = plaque
    occluded = scale_barrier(k, d, h, BARRIER_SCENARIOS["occluded"])
    descaled = barrier_scenario("descaled")
    ratio = (value("madan2010_compound_tacrolimus_pct")
             / value("tacrolimus_ointment_high_strength"))
    base = _flux(plaque)
    return {
        "descaled": (_flux(descaled) / base, lag_time(descaled[2], descaled[1])),
        "occluded": (_flux(occluded) / base, lag_time(occluded[2], occluded[1])),
        "compound": (_flux(plaque) * ratio / base, lag_time(h, d)),
    }


def _best(index, pick):
    table = _strategies()
    return pick(table, key=lambda name: table[name][index])


def _descaled_ointment():
    k, d, h = barrier_scenario("descaled")
    return scale_barrier(k, d, h, BARRIER_SCENARIOS["occluded"])


def _dle_studies():
    return [s for s in cle_studies() if "DLE" in s.condition]


ANSWERS = {
    "plaque_flux_ratio": Expected(
        lambda: _flux(barrier_scenario("hyperkeratotic")) / _flux(barrier_scenario("normal")),
        _REVISIT_PLAQUE),
    "plaque_lag_h": Expected(
        lambda: lag_time(barrier_scenario("hyperkeratotic")[2],
                         barrier_scenario("hyperkeratotic")[1]),
        _REVISIT_PLAQUE),
    "flux_gains": Expected(
        lambda: tuple(gain for gain, _ in _strategies().values()), _REVISIT_STRATEGY),
    "best_flux_strategy": Expected(lambda: _best(0, max), _REVISIT_STRATEGY),
    "best_lag_strategy": Expected(lambda: _best(1, min), _REVISIT_STRATEGY),
    "vehicle_choice": Expected(
        lambda: "ointment" if _flux(_descaled_ointment()) > _flux(barrier_scenario("descaled"))
        else "cream",
        _REVISIT_VEHICLE),
    "descaled_ointment_flux_ratio": Expected(
        lambda: _flux(_descaled_ointment()) / _flux(barrier_scenario("normal")),
        _REVISIT_VEHICLE),
    "descaled_ointment_lag_h": Expected(
        lambda: lag_time(_descaled_ointment()[2], _descaled_ointment()[1]),
        _REVISIT_VEHICLE),
    "best_dle_study": Expected(
        lambda: min(_dle_studies(), key=lambda s: s.evidence.level).key,
        _REVISIT_EVIDENCE),
    "best_dle_level": Expected(
        lambda: min(s.evidence.level for s in _dle_studies()), _REVISIT_EVIDENCE),
    "dle_open_patients": Expected(
        lambda: sum(s.n for s in _dle_studies() if s.evidence.level == 4),
        _REVISIT_EVIDENCE),
}
