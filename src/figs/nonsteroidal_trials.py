"""Figure: vehicle and drug response in the pivotal trials of the non-steroidal topicals.

One row per trial of :func:`tcibook.nonsteroidal.pivotal_trials`: the vehicle
arm's responders (open circle) and the drug arm's (filled circle), joined by
the vehicle-adjusted difference; at the right, the difference and the number
needed to treat, with its 95 % interval where the arm sizes are known. The
vehicle responses are drawn as prominently as the drug responses because
they differ between trials as much as the differences do.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from figs import OKABE_ITO, save_cli
from tcibook.nonsteroidal import pivotal_trials

#: Colour of each drug's rows.
COLOURS = {"crisaborole": OKABE_ITO[0], "ruxolitinib": OKABE_ITO[2],
           "tapinarof": OKABE_ITO[1], "delgocitinib": OKABE_ITO[3]}


def _colour(trial):
    return COLOURS[trial.drug.split()[0]]


def row_text(trial):
    """The annotation of one row: difference, NNT and, if known, its interval."""
    text = f"+{trial.difference_pct:.1f} pts, NNT {trial.nnt:.1f}"
    if trial.has_arm_sizes:
        r = trial.interval()
        text += f" ({r.nnt_lower:.1f}\u2013{r.nnt_upper:.1f})"
    return text


def draw():
    """Responders per arm, one row per trial, top to bottom in table order.

    Returns
    -------
    matplotlib.figure.Figure
    """
    trials = pivotal_trials()
    fig = Figure(figsize=(7.4, 4.9))
    ax = fig.subplots()
    for i, t in enumerate(trials):
        y = len(trials) - 1 - i
        colour = _colour(t)
        ax.plot([t.vehicle_pct, t.treated_pct], [y, y], color=colour,
                linewidth=2.5, solid_capstyle="butt")
        ax.plot([t.vehicle_pct], [y], marker="o", markersize=8, color=colour,
                markerfacecolor="white", markeredgewidth=2, linestyle="none",
                zorder=3)
        ax.plot([t.treated_pct], [y], marker="o", markersize=8, color=colour,
                linestyle="none", zorder=3)
        ax.annotate(row_text(t), xy=(1.0, y), xycoords=("axes fraction", "data"),
                    xytext=(6, 0), textcoords="offset points", va="center",
                    fontsize=8.5)
    ax.set_yticks(range(len(trials)))
    ax.set_yticklabels([f"{t.name}\n{t.drug}, wk {t.week:.0f}"
                        for t in reversed(trials)], fontsize=8.5)
    ax.set_ylim(-0.6, len(trials) - 0.4)
    ax.set_xlim(0, 60)
    ax.set_xlabel("Patients meeting the trial's primary end point (%)")
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.legend(handles=[
        Line2D([], [], marker="o", color="#555555", markerfacecolor="white",
               markeredgewidth=2, linestyle="none", label="vehicle"),
        Line2D([], [], marker="o", color="#555555", linestyle="none",
               label="drug"),
    ], loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2,
        fontsize=8.5)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
