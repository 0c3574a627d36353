"""Figure: how many days an interacting drug takes to move the trough.

Troughs of the one-compartment "mean patient" (:func:`tcibook.poppk.review_one_compartment`)
on the worked regimen, computed by integrating the model with a clearance
that changes with time (:func:`tcibook.pk.concentration_ode`):

* left, an illustrative inhibitor (:data:`tcibook.pk.ILLUSTRATIVE_INHIBITOR_FOLD`)
  that acts at once, started and later stopped;
* right, an illustrative inducer (:data:`tcibook.pk.ILLUSTRATIVE_INDUCER_FOLD`)
  whose effect builds and wears off with the turnover of the enzyme
  (:data:`tcibook.pk.ILLUSTRATIVE_ENZYME_TURNOVER_H`).

Dots mark when each change has gone 90 % of its way.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook import mipd, pk, poppk

#: Days of the whole course, and the days the interacting drug starts and stops.
DAYS, START_DAY, STOP_DAY = 42, 7, 21


def scenario():
    """The doses, the model and the two clearance changes."""
    doses = mipd.scenario_doses(days=DAYS)
    model = poppk.review_one_compartment()
    start, stop = 24.0 * START_DAY, 24.0 * STOP_DAY
    inhibitor = pk.ClearanceChange(pk.ILLUSTRATIVE_INHIBITOR_FOLD, start, stop)
    inducer = pk.ClearanceChange(pk.ILLUSTRATIVE_INDUCER_FOLD, start, stop,
                                 turnover_half_life_h=pk.ILLUSTRATIVE_ENZYME_TURNOVER_H)
    return doses, model, inhibitor, inducer


def trough_course(change, doses=None, model=None):
    """Trough times (h) and troughs (ng/mL) with a clearance change."""
    if doses is None:
        doses, model, _, _ = scenario()
    t = doses.times_h[1:]
    # the trough is the level just before a dose: take it a moment earlier
    return t, pk.concentration_ode(model, doses, t - 1e-6, change)


def time_to_90_percent(t, c, start_h):
    """First time after ``start_h`` at which the troughs have gone 90 % of the
    way from their value at ``start_h`` to their value at the end of ``t``."""
    before = np.interp(start_h, t, c)
    after = c[-1]
    sel = t >= start_h
    frac = (c[sel] - before) / (after - before)
    return float(t[sel][np.argmax(frac >= 0.9)])


def draw():
    """Two panels of troughs: an inhibitor started and stopped; an inducer.

    Returns
    -------
    matplotlib.figure.Figure
    """
    doses, model, inhibitor, inducer = scenario()
    fig = Figure(figsize=(6.4, 3.4))
    axes = fig.subplots(1, 2, sharey=True)
    for ax, change, title, colour in (
            (axes[0], inhibitor, "inhibitor (acts at once)", OKABE_ITO[5]),
            (axes[1], inducer, "inducer (builds with the enzyme)", OKABE_ITO[2])):
        t, c = trough_course(change, doses, model)
        ax.plot(t / 24, c, "o-", color=colour, markersize=2, linewidth=1)
        ax.axvspan(START_DAY, STOP_DAY, color="0.9", zorder=0)
        on = t <= STOP_DAY * 24
        t90_on = time_to_90_percent(t[on], c[on], START_DAY * 24.0)
        t90_off = time_to_90_percent(t, c, STOP_DAY * 24.0)
        for t90 in (t90_on, t90_off):
            ax.plot([t90 / 24], [np.interp(t90, t, c)], "D", color="black",
                    markersize=4)
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("Day")
        ax.set_xlim(0, DAYS)
        ax.set_xticks(np.arange(0, DAYS + 1, 7))
    axes[0].set_ylabel("Trough (ng/mL)")
    axes[0].set_ylim(0, None)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
