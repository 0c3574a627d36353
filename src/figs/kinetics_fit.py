"""Figure: simulated noisy rate data with fitted Michaelis–Menten curves."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.kinetics import (ILLUSTRATIVE, SIMULATION_LEVELS_KI as LEVELS_KI,
                              fit_michaelis_menten, michaelis_menten_rate,
                              simulated_experiment)


def fits():
    """Simulate the non-competitive experiment and fit each inhibitor level.

    Returns
    -------
    tuple
        ``(substrate_uM, rates, fits)``: the design, a 2-D array of rates
        (one row per level in LEVELS_KI) and one MichaelisMentenFit per row.
    """
    levels = [m * ILLUSTRATIVE.ki_nM for m in LEVELS_KI]
    substrate, rates = simulated_experiment(levels, "noncompetitive")
    return substrate, rates, [fit_michaelis_menten(substrate, row) for row in rates]


def draw():
    """Simulated data (points) and fitted curves (lines), one colour per level.

    Returns
    -------
    matplotlib.figure.Figure
    """
    substrate, rates, fitted = fits()
    smooth = np.linspace(0.0, substrate.max(), 201)
    fig = Figure(figsize=(6.4, 3.4))
    ax = fig.subplots()
    for colour, multiple, row, fit in zip(OKABE_ITO, LEVELS_KI, rates, fitted):
        name = ("no inhibitor" if multiple == 0 else
                "[I] = $K_i$" if multiple == 1 else f"[I] = {multiple:g} $K_i$")
        ax.plot(substrate, row, marker="o", linestyle="none", color=colour,
                markersize=5)
        ax.plot(smooth, michaelis_menten_rate(smooth, fit.vmax, fit.km_uM),
                color=colour, linewidth=2,
                label=f"{name}: $V_{{max}}$ {fit.vmax:.0f}, $K_m$ {fit.km_uM:.1f} µM")
    ax.set_xlabel("Substrate [S] (µmol/L)")
    ax.set_ylabel("Rate v (% of uninhibited $V_{max}$)")
    ax.set_xlim(0, substrate.max() * 1.02)
    ax.set_ylim(0, 1.15 * ILLUSTRATIVE.vmax)
    ax.legend(fontsize=8, loc="upper left", title="Fitted",
              title_fontsize=8)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
