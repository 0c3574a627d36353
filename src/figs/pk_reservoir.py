"""Figure: the stratum corneum reservoir filling during application and emptying after wipe-off."""

from __future__ import annotations

from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.permeation import reservoir_model


def draw(run=None):
    """Two panels from :func:`tcibook.permeation.reservoir_model` (dose = 1).

    Left: percent of the dose held in the stratum corneum and in the viable
    tissue. Right: percent of the dose that has left the stratum corneum,
    with the amount delivered by the time of wipe-off marked.

    Parameters
    ----------
    run : tcibook.permeation.ReservoirRun, optional
        A run with unit dose; the default run is used when omitted.

    Returns
    -------
    matplotlib.figure.Figure
    """
    run = reservoir_model() if run is None else run
    pct = 100.0 / run.total()[0]
    fig = Figure(figsize=(7.2, 3.4))
    left, right = fig.subplots(1, 2)
    for ax in (left, right):
        ax.axvspan(0, run.wipe_h, color=OKABE_ITO[4], alpha=0.15, linewidth=0)
        ax.axvline(run.wipe_h, color=OKABE_ITO[7], linewidth=1, linestyle=":")
        ax.set_xlim(0, run.t_h[-1])
        ax.set_xlabel("Time since application (h)")
    left.plot(run.t_h, pct * run.depot, color=OKABE_ITO[0], linewidth=2.2,
              label="stratum corneum")
    left.plot(run.t_h, pct * run.viable, color=OKABE_ITO[2], linewidth=2,
              linestyle="--", label="viable tissue")
    left.set_ylabel("Drug held (% of dose)")
    left.set_ylim(0, None)
    left.text(run.wipe_h / 2, 0.97, "on skin", transform=left.get_xaxis_transform(),
              ha="center", va="top")
    left.text(run.wipe_h, 0.97, " wiped off", transform=left.get_xaxis_transform(),
              ha="left", va="top")
    left.legend(loc="center right", bbox_to_anchor=(1.0, 0.62))

    at_wipe = pct * run.absorbed[run.t_h <= run.wipe_h][-1]
    right.plot(run.t_h, pct * run.absorbed, color=OKABE_ITO[5], linewidth=2.2,
               label="left the stratum corneum")
    right.axhline(at_wipe, color=OKABE_ITO[5], linewidth=1, linestyle="--",
                  label="amount at wipe-off")
    right.set_ylabel("Delivered past the barrier\n(% of dose, cumulative)")
    right.set_ylim(0, None)
    right.legend(loc="lower right")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
