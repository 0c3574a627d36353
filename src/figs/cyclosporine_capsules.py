"""Figure: what whole capsules make of a weight-based cyclosporine dose.

For each body weight, the US psoriasis label's starting and maximum doses
(facts ``cyclosporine_psoriasis_*``) are turned into mg/day, split into two
equal doses, each rounded to the nearest amount of whole Neoral capsules
(:func:`tcibook.formulations.achieved_mg_per_kg_day`), and converted back to
mg/kg/day. The sawtooth shows how far rounding moves the dose, and at which
weights it falls below the starting dose or rises above the maximum.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.facts import value
from tcibook.formulations import achieved_mg_per_kg_day, strengths_mg

#: Body weights drawn, kg (an illustrative range).
WEIGHTS_KG = np.arange(40.0, 120.5, 0.5)
#: (label, fact key), in plotting order.
LEVELS = (("label starting dose", "cyclosporine_psoriasis_start_mg_kg_day"),
          ("label maximum", "cyclosporine_psoriasis_max_mg_kg_day"))


def achieved(level_mg_kg, weights_kg=WEIGHTS_KG):
    """mg/kg/day that two rounded doses give, for each weight."""
    capsules = strengths_mg("neoral")
    return np.array([achieved_mg_per_kg_day(w, level_mg_kg, capsules)
                     for w in weights_kg])


def draw():
    """Achieved mg/kg/day against body weight, at the label's two levels.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig = Figure(figsize=(6.4, 3.4))
    ax = fig.subplots()
    for colour, style, (label, key) in zip(OKABE_ITO, ("-", "--"), LEVELS):
        level = value(key)
        ax.plot(WEIGHTS_KG, achieved(level), color=colour, linestyle=style,
                label=f"{label}, {level:g} mg/kg/day, as whole capsules")
        ax.axhline(level, color=colour, linestyle=":", linewidth=1)
    ax.set_xlim(WEIGHTS_KG[0], WEIGHTS_KG[-1])
    ax.set_xlabel("Body weight (kg)")
    ax.set_ylabel("Dose taken (mg/kg/day)")
    ax.legend(loc="center right", fontsize=8)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
