"""Figure: drug crossing a hyperkeratotic lupus plaque, and what the adjuncts change.

Cumulative amount permeated against time (Crank's solution in
:func:`tcibook.permeation.cumulative_permeated`) for intact stratum corneum, a
thickened discoid lupus plaque, and the plaque after occlusion, after
descaling, or under a vehicle with three times the drug concentration. All
membrane parameters are the illustrative ones of :mod:`tcibook.permeation`;
only the concentration ratio of the compounded ointment comes from the facts.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.facts import value
from tcibook.permeation import (BARRIER_SCENARIOS, ILLUSTRATIVE_DONOR_UG_CM3,
                                barrier_scenario, cumulative_permeated,
                                scale_barrier)

#: Hours shown on the time axis.
HOURS = np.linspace(0.0, 72.0, 289)

#: Line style of each state, in plotting order (colour, dash pattern).
_STYLES = (
    (OKABE_ITO[7], "-"),
    (OKABE_ITO[5], "-"),
    (OKABE_ITO[0], "--"),
    (OKABE_ITO[2], "-."),
    (OKABE_ITO[3], ":"),
)


def compound_concentration_ratio():
    """Drug concentration of the compounded ointment relative to 0.1 % ointment.

    Returns
    -------
    float
        Tacrolimus strength of the tacrolimus–clobetasol compound divided by
        the higher marketed strength (0.3 % / 0.1 % = 3).
    """
    return (value("madan2010_compound_tacrolimus_pct")
            / value("tacrolimus_ointment_high_strength"))


def skin_states():
    """Membrane parameters of each skin state shown in the figure.

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


def draw():
    """Cumulative amount permeated over three days for each skin state.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig = Figure(figsize=(6.4, 3.8))
    ax = fig.subplots()
    labels = state_labels()
    for (state, params), (colour, dash) in zip(skin_states().items(), _STYLES):
        ax.plot(HOURS, cumulative_permeated(HOURS, *params), color=colour,
                linestyle=dash, linewidth=2, label=labels[state])
    ax.set_xlim(HOURS[0], HOURS[-1])
    ax.set_ylim(bottom=0)
    ax.set_xticks(np.arange(0, HOURS[-1] + 1, 12))
    ax.set_xlabel("Time after application (h)")
    ax.set_ylabel("Amount through the stratum\ncorneum (µg/cm², illustrative)")
    ax.legend(frameon=False, loc="upper left")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
