"""The hyperkeratotic discoid lupus plaque: a permeation scenario.

One scenario, used by the figure ``figs.hyperkeratotic_flux`` and by the
answers of problem set 9: intact stratum corneum, a thickened discoid lupus
plaque, and the plaque after occlusion, after descaling, or under a
compounded ointment with more tacrolimus. All membrane parameters are the
illustrative ones of :mod:`tcibook.permeation`; only the concentration ratio
of the compounded ointment comes from the facts.

Explained in ``topical-pharmacokinetics``; practised in ``practice-03``,
``practice-09`` (chapters/).
"""

from __future__ import annotations

from .facts import value
from .permeation import (BARRIER_SCENARIOS, ILLUSTRATIVE_DONOR_UG_CM3,
                         barrier_scenario, scale_barrier)

__all__ = ["compound_concentration_ratio", "skin_states", "state_labels"]


def compound_concentration_ratio():
    """Drug concentration of the compounded ointment relative to 0.1 % ointment.

    Returns
    -------
    float
        Tacrolimus strength of the tacrolimus–clobetasol compound divided by
        the higher marketed strength (0.3 % / 0.1 % = 3).

    Examples
    --------
    >>> round(compound_concentration_ratio(), 9)
    3.0
    """
    return (value("madan2010_compound_tacrolimus_pct")
            / value("tacrolimus_ointment_high_strength"))


def skin_states():
    """Membrane parameters of each skin state of the scenario.

    Returns
    -------
    dict
        State id (``"intact"``, ``"plaque"``, ``"occluded"``, ``"descaled"``,
        ``"compound"``) -> ``(partition, diffusivity_cm2_h, delta_c_ug_cm3,
        thickness_cm)``, in the argument order of
        :func:`tcibook.permeation.steady_state_flux`. Insertion order is the
        plotting order.
    """
    c0 = ILLUSTRATIVE_DONOR_UG_CM3
    k_n, d_n, h_n = barrier_scenario("normal")
    k_p, d_p, h_p = barrier_scenario("hyperkeratotic")
    k_o, d_o, h_o = scale_barrier(k_p, d_p, h_p, BARRIER_SCENARIOS["occluded"])
    k_s, d_s, h_s = barrier_scenario("descaled")
    return {
        "intact": (k_n, d_n, c0, h_n),
        "plaque": (k_p, d_p, c0, h_p),
        "occluded": (k_o, d_o, c0, h_o),
        "descaled": (k_s, d_s, c0, h_s),
        "compound": (k_p, d_p, c0 * compound_concentration_ratio(), h_p),
    }


def state_labels():
    """Readable label of each state id of :func:`skin_states`.

    Returns
    -------
    dict
        State id -> label; the compound's strength is read from the facts.
    """
    strength = value("madan2010_compound_tacrolimus_pct")
    return {
        "intact": "Intact stratum corneum",
        "plaque": "Hyperkeratotic plaque",
        "occluded": "Plaque, occluded",
        "descaled": "Plaque, descaled",
        "compound": f"Plaque, {strength:g} % compound",
    }
