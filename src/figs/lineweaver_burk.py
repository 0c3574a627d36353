"""Figure: double-reciprocal (Lineweaver–Burk) plots of the two inhibition types."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.kinetics import (ILLUSTRATIVE, competitive_parameters,
                              double_reciprocal_line, noncompetitive_parameters)

#: Inhibitor concentrations drawn, in multiples of Ki.
LEVELS_KI = (0, 1, 3)

#: (panel title, apparent-parameter function) for each panel.
PANELS = (
    ("Non-competitive: lines meet on the x-axis", noncompetitive_parameters),
    ("Competitive: lines meet on the y-axis", competitive_parameters),
)


def inverse_substrate_grid():
    """Values of 1/[S] (L/µmol) to draw: from beyond -1/Km to 1, with 0 and -1/Km exact."""
    edge = -1.5 / ILLUSTRATIVE.km_uM
    grid = np.linspace(edge, 1.0, 121)
    return np.unique(np.concatenate([grid, [0.0, -1.0 / ILLUSTRATIVE.km_uM]]))


def draw():
    """Two panels of Lineweaver–Burk lines at the inhibitor levels in LEVELS_KI.

    Returns
    -------
    matplotlib.figure.Figure
    """
    p = ILLUSTRATIVE
    x = inverse_substrate_grid()
    fig = Figure(figsize=(6.4, 3.2))
    axes = fig.subplots(1, 2, sharey=True)
    for ax, (title, apparent) in zip(axes, PANELS):
        ax.axhline(0, color="0.6", linewidth=0.8)
        ax.axvline(0, color="0.6", linewidth=0.8)
        for colour, multiple in zip(OKABE_ITO, LEVELS_KI):
            vmax_app, km_app = apparent(p.vmax, p.km_uM, multiple * p.ki_nM, p.ki_nM)
            label = ("no inhibitor" if multiple == 0 else
                     "[I] = $K_i$" if multiple == 1 else f"[I] = {multiple:g} $K_i$")
            ax.plot(x, double_reciprocal_line(x, vmax_app, km_app), color=colour,
                    linewidth=2, label=label)
        ax.set_title(title, fontsize=9.5)
        ax.set_xlabel("1/[S] (L/µmol)")
    axes[0].plot([-1 / p.km_uM], [0], marker="o", color="black", markersize=5)
    axes[0].annotate("$-1/K_m$", (-1 / p.km_uM, 0), xytext=(-6, 8),
                     textcoords="offset points", ha="right")
    axes[1].plot([0], [1 / p.vmax], marker="o", color="black", markersize=5)
    axes[1].annotate("$1/V_{max}$", (0, 1 / p.vmax), xytext=(-6, 8),
                     textcoords="offset points", ha="right")
    axes[0].set_ylabel("1/v (per % of uninhibited $V_{max}$)")
    axes[1].legend(fontsize=8, loc="upper left")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
