"""Figure: rate against substrate under non-competitive and competitive inhibition."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.kinetics import (ILLUSTRATIVE, competitive_parameters,
                              competitive_rate, noncompetitive_parameters,
                              noncompetitive_rate)

#: Inhibitor concentrations drawn, in multiples of Ki.
LEVELS_KI = (0, 1, 3, 9)

#: Substrate range of the plot, µmol/L.
SUBSTRATE_UM = np.linspace(0.0, 50.0, 201)

#: (panel title, rate law, apparent-parameter function) for each panel.
PANELS = (
    ("Non-competitive (allosteric occlusion)", noncompetitive_rate,
     noncompetitive_parameters),
    ("Competitive (for contrast)", competitive_rate, competitive_parameters),
)


def _label(multiple):
    if multiple == 0:
        return "no inhibitor"
    return "[I] = $K_i$" if multiple == 1 else f"[I] = {multiple:g} $K_i$"


def draw():
    """Two panels of Michaelis–Menten curves at the inhibitor levels in LEVELS_KI.

    A marker on each curve shows its half-maximal point, (Km_app, Vmax_app/2).

    Returns
    -------
    matplotlib.figure.Figure
    """
    p = ILLUSTRATIVE
    fig = Figure(figsize=(6.4, 3.2))
    axes = fig.subplots(1, 2, sharey=True)
    for ax, (title, rate_law, apparent) in zip(axes, PANELS):
        for colour, multiple in zip(OKABE_ITO, LEVELS_KI):
            inhibitor = multiple * p.ki_nM
            v = rate_law(SUBSTRATE_UM, p.vmax, p.km_uM, inhibitor, p.ki_nM)
            ax.plot(SUBSTRATE_UM, v, color=colour, linewidth=2, label=_label(multiple))
            vmax_app, km_app = apparent(p.vmax, p.km_uM, inhibitor, p.ki_nM)
            ax.plot([km_app], [vmax_app / 2], marker="o", color=colour,
                    markersize=5, linestyle="none")
        ax.set_title(title, fontsize=9.5)
        ax.set_xlabel("Substrate [S] (µmol/L)")
        ax.set_xlim(0, SUBSTRATE_UM[-1])
        ax.set_ylim(0, 1.05 * p.vmax)
    axes[0].axvline(p.km_uM, color="0.5", linestyle=":", linewidth=1)
    axes[0].text(p.km_uM, 1.0 * p.vmax, " $K_m$", color="0.3", va="top")
    axes[0].set_ylabel("Rate v (% of uninhibited $V_{max}$)")
    axes[1].legend(fontsize=8, loc="lower right")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
