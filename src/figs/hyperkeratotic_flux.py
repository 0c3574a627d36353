"""Figure: drug crossing a hyperkeratotic lupus plaque, and what the adjuncts change.

Cumulative amount permeated against time (Crank's solution in
:func:`tcibook.permeation.cumulative_permeated`) for intact stratum corneum, a
thickened discoid lupus plaque, and the plaque after occlusion, after
descaling, or under a vehicle with three times the drug concentration. The
scenario itself lives in :mod:`tcibook.plaque`; this script only draws it.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.permeation import cumulative_permeated
from tcibook.plaque import skin_states, state_labels

__all__ = ["HOURS", "draw"]

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
    ax.legend(loc="upper left")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
