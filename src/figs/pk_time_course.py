"""Figure: a concentration–time course over two weeks of twice-daily tacrolimus.

The typical patient of the population model (:data:`tcibook.poppk.ANDREWS_2019`)
on the book's worked regimen (:func:`tcibook.mipd.scenario_doses`), computed
by superposition (:func:`tcibook.pk.concentration`); every trough is marked
and the steady-state trough the course approaches is drawn dashed. A second
curve shows the one-compartment "mean patient" of the pharmacokinetic review
on the same regimen (:func:`tcibook.poppk.review_one_compartment`).
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook import mipd, pk, poppk


def curves(step_h=0.1):
    """Time grid, the two courses, the trough times and troughs, and the
    steady-state trough of the population model (all ng/mL, h)."""
    doses = mipd.scenario_doses()
    end = doses.times_h[-1] + mipd.SCENARIO_TAU_H
    t = np.arange(0.0, end + step_h / 2, step_h)
    typical = poppk.ANDREWS_2019.individual(np.zeros(4))
    mean = poppk.review_one_compartment()
    c_pop = pk.concentration(typical, doses, t)
    c_mean = pk.concentration(mean, doses, t)
    troughs = pk.trough_before_doses(typical, doses)
    ss = mipd.steady_state_trough(typical, mipd.SCENARIO_DOSE_MG, mipd.SCENARIO_TAU_H)
    return t, c_pop, c_mean, doses.times_h[1:], troughs, ss


def draw():
    """The two-week course with troughs marked.

    Returns
    -------
    matplotlib.figure.Figure
    """
    t, c_pop, c_mean, t_tr, troughs, ss = curves()
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    ax.plot(t / 24, c_pop, color=OKABE_ITO[0], linewidth=1,
            label="population model, typical patient (two compartments)")
    ax.plot(t / 24, c_mean, color=OKABE_ITO[1], linewidth=1, linestyle="--",
            label="mean patient of the review (one compartment)")
    ax.plot(t_tr / 24, troughs, "o", color=OKABE_ITO[0], markersize=3,
            label="troughs (population model)")
    ax.axhline(ss, color=OKABE_ITO[0], linestyle=":", linewidth=1,
               label="steady-state trough (population model)")
    ax.set_xlim(0, t[-1] / 24)
    ax.set_ylim(0, None)
    ax.set_xticks(np.arange(0, t[-1] / 24 + 0.1, 2))
    ax.set_xlabel("Days of twice-daily dosing")
    ax.set_ylabel("Whole-blood tacrolimus (ng/mL)")
    ax.legend(loc="lower right", fontsize=7)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
