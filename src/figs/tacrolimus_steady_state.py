"""Figure: how fast tacrolimus approaches steady state, for three half-lives.

Curves of :func:`tcibook.tdm.fraction_of_steady_state` (a drug with one
half-life) for the mean half-life of Venkataramanan 1995 and two US Prograf
label values (paediatric liver-transplant patients, healthy volunteers after
oral dosing), with the 90 % level marked.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.facts import value
from tcibook.pk import time_to_fraction_of_steady_state
from tcibook.tdm import fraction_of_steady_state

#: (label, fact key of the half-life), in plotting order.
CURVES = (
    ("paediatric liver transplant (label)", "prograf_half_life_pediatric_liver_h"),
    ("mean, Venkataramanan 1995", "tacrolimus_half_life_h"),
    ("healthy volunteers, oral (label)", "prograf_half_life_healthy_oral_h"),
)
#: Level of steady state marked on the figure.
MARKED_FRACTION = 0.9
TIME_H = np.linspace(0.0, 240.0, 481)


def draw():
    """Fraction of steady state against time since the start of regular dosing.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig = Figure(figsize=(6.4, 3.4))
    ax = fig.subplots()
    for colour, style, (label, key) in zip(OKABE_ITO, ("-", "--", "-."), CURVES):
        half = value(key)
        ax.plot(TIME_H, 100 * fraction_of_steady_state(TIME_H, half), color=colour,
                linestyle=style, label=f"t½ = {half:g} h, {label}")
        t90 = time_to_fraction_of_steady_state(MARKED_FRACTION, math.log(2) / half)
        ax.plot([t90], [100 * MARKED_FRACTION], marker="o", color=colour)
    ax.axhline(100 * MARKED_FRACTION, color="0.5", linestyle=":", linewidth=1)
    ax.set_xlim(TIME_H[0], TIME_H[-1])
    ax.set_ylim(0, 100)
    ax.set_xticks(np.arange(0, TIME_H[-1] + 1, 24))
    ax.set_xlabel("Hours of regular dosing (or since a dose change)")
    ax.set_ylabel("Steady state reached (%)")
    ax.legend(loc="lower right", fontsize=8)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
