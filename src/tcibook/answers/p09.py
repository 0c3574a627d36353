"""Expected answers of problem set 9 (a hyperkeratotic discoid lupus plaque)."""

from ..evidence import Subtype, cle_studies
from ..permeation import lag_time, steady_state_flux
from ..plaque import skin_states
from ..selfcheck import Expected

_REVISIT_PLAQUE = ("'Off-label dermatology', section 'Why hyperkeratotic discoid "
                   "lupus responds less': flux falls as 1/h, the lag grows as h²/(6D).")
_REVISIT_STRATEGY = ("'Off-label dermatology', section 'Why hyperkeratotic discoid "
                     "lupus responds less': descaling shortens h, occlusion raises D, "
                     "a stronger ointment raises ΔC (and leaves the lag alone).")
_REVISIT_VEHICLE = ("'Pharmacokinetics of topical application', section 'When the "
                    "barrier changes': apply the occlusion change to the descaled "
                    "plaque with scale_barrier, then compare with intact skin in "
                    "its unchanged ('normal') state.")
_REVISIT_EVIDENCE = ("'Off-label dermatology', section 'Grading the studies': keep "
                     "the studies whose subtypes field includes Subtype.DLE (not a "
                     "text match on condition), read each one's .evidence.level, and "
                     "count DLE patients with .dle_n, not .n.")


def _flux(state):
    """Steady-state flux of a skin state of tcibook.plaque.skin_states()."""
    return steady_state_flux(*skin_states()[state])


def _lag(state):
    k, d, c, h = skin_states()[state]
    return lag_time(h, d)


_STRATEGIES = ("descaled", "occluded", "compound")


def _best(measure, pick):
    return pick(_STRATEGIES, key=measure)


def _descaled_ointment():
    """The descaled plaque under the occlusion change (K, D, h)."""
    from ..permeation import BARRIER_SCENARIOS, scale_barrier
    k, d, _, h = skin_states()["descaled"]
    return scale_barrier(k, d, h, BARRIER_SCENARIOS["occluded"])


def _ointment_flux():
    k, d, h = _descaled_ointment()
    c = skin_states()["descaled"][2]
    return steady_state_flux(k, d, c, h)


def _dle_studies():
    return [s for s in cle_studies() if Subtype.DLE in s.subtypes]


def _strongest():
    studies = _dle_studies()
    level = min(s.evidence.level for s in studies)
    return [s for s in studies if s.evidence.level == level]


#: Labels of the sections each hint names.
_SECTIONS_PLAQUE = ('sec-cle-hyperkeratotic',)
_SECTIONS_STRATEGY = ('sec-cle-hyperkeratotic',)
_SECTIONS_VEHICLE = ('sec-pk-barrier-changes',)
_SECTIONS_EVIDENCE = ('sec-cle-grading',)


ANSWERS = {
    "plaque_flux_ratio": Expected(lambda: _flux("plaque") / _flux("intact"),
                                  _REVISIT_PLAQUE, sections=_SECTIONS_PLAQUE),
    "plaque_lag_h": Expected(lambda: _lag("plaque"), _REVISIT_PLAQUE, sections=_SECTIONS_PLAQUE),
    "flux_gains": Expected(
        lambda: tuple(_flux(name) / _flux("plaque") for name in _STRATEGIES),
        _REVISIT_STRATEGY, sections=_SECTIONS_STRATEGY),
    "best_flux_strategy": Expected(lambda: _best(_flux, max), _REVISIT_STRATEGY,
                                   sections=_SECTIONS_STRATEGY,
                                  choices=_STRATEGIES),
    "best_lag_strategy": Expected(lambda: _best(_lag, min), _REVISIT_STRATEGY,
                                  sections=_SECTIONS_STRATEGY,
                                 choices=_STRATEGIES),
    "vehicle_choice": Expected(
        lambda: "ointment" if _ointment_flux() > _flux("descaled") else "cream",
        _REVISIT_VEHICLE, sections=_SECTIONS_VEHICLE, choices=("ointment", "cream")),
    "descaled_ointment_flux_ratio": Expected(
        lambda: _ointment_flux() / _flux("intact"), _REVISIT_VEHICLE, sections=_SECTIONS_VEHICLE),
    "descaled_ointment_lag_h": Expected(
        lambda: lag_time(_descaled_ointment()[2], _descaled_ointment()[1]),
        _REVISIT_VEHICLE, sections=_SECTIONS_VEHICLE),
    "best_dle_level": Expected(lambda: _strongest()[0].evidence.level,
                               _REVISIT_EVIDENCE, sections=_SECTIONS_EVIDENCE),
    "best_dle_studies": Expected(lambda: tuple(sorted(s.key for s in _strongest())),
                                 _REVISIT_EVIDENCE, sections=_SECTIONS_EVIDENCE, order_free=True),
    "dle_randomised_patients": Expected(lambda: sum(s.dle_n for s in _strongest()),
                                        _REVISIT_EVIDENCE, sections=_SECTIONS_EVIDENCE),
    "dle_open_patients": Expected(
        lambda: sum(s.dle_n for s in _dle_studies() if s.evidence.level == 4),
        _REVISIT_EVIDENCE, sections=_SECTIONS_EVIDENCE),
}
