"""Figure: a receptor agonist loses its effect on repeated dosing; an inhibitor does not.

Both drugs have the same (invented) exposure and affinity,
:data:`tcibook.tachyphylaxis.ILLUSTRATIVE_PARAMETERS`; only the agonist's
target pool is down-regulated by its own occupancy.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.tachyphylaxis import (COURSE_DAYS as DAYS, HOURS_PER_DAY,
                                   ILLUSTRATIVE_PARAMETERS, daily_peak,
                                   simulate_dosing)

AGONIST_COLOUR, INHIBITOR_COLOUR = OKABE_ITO[5], OKABE_ITO[0]


def draw():
    """Response (top) and target pool (bottom) over four weeks of dosing.

    Returns
    -------
    matplotlib.figure.Figure
    """
    sim = simulate_dosing(DAYS, **ILLUSTRATIVE_PARAMETERS)
    days = sim.t_h / HOURS_PER_DAY
    day_numbers = np.arange(1, DAYS + 1)
    fig = Figure(figsize=(6.8, 4.8))
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(1.6, 1))

    for response, colour, marker, name in (
            (sim.inhibitor_response, INHIBITOR_COLOUR, "s",
             "Enzyme inhibitor (stable target pool)"),
            (sim.agonist_response, AGONIST_COLOUR, "o",
             "Receptor agonist (self-down-regulating receptor)")):
        top.plot(days, response, color=colour, linewidth=0.8, alpha=0.8)
        peaks = [daily_peak(sim.t_h, response, d) for d in day_numbers]
        top.plot(day_numbers - 0.5, peaks, linestyle="none", marker=marker,
                 markersize=4, color=colour, label=f"{name}: daily peak")
    top.set_ylim(0, 1)
    top.set_ylabel("Response\n(fraction of maximum)")
    top.legend(loc="lower left", fontsize=8)

    bottom.plot(days, np.ones_like(days), color=INHIBITOR_COLOUR, linewidth=1.5,
                linestyle="--", label="Enzyme (calcineurin)")
    bottom.plot(days, sim.receptor, color=AGONIST_COLOUR, linewidth=1.5,
                label="Receptor")
    bottom.set_ylim(0, 1.15)
    bottom.set_ylabel("Target pool\n(relative to untreated)")
    bottom.set_xlabel("Day of twice-daily treatment")
    bottom.set_xlim(0, DAYS)
    bottom.legend(loc="lower left", fontsize=8, ncols=2)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
