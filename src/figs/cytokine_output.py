"""Figure: modelled NFAT-dependent cytokine output against calcineurin occupancy."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.cytokines import (ILLUSTRATIVE_HILL_COEFFICIENTS as HILL_COEFFICIENTS,
                               ILLUSTRATIVE_K_HALF, relative_cytokine_output)

#: Occupancy grid, fraction of calcineurin bound by the inhibitory complex.
OCCUPANCY = np.linspace(0.0, 1.0, 201)


def draw():
    """Output against occupancy for each Hill coefficient, plus the proportional line.

    Returns
    -------
    matplotlib.figure.Figure
    """
    accessible = 1.0 - OCCUPANCY
    fig = Figure(figsize=(6.4, 3.4))
    ax = fig.subplots()
    ax.plot(OCCUPANCY, accessible, color="0.45", linestyle="--", linewidth=1.5,
            label="proportional (no reserve)")
    for colour, n in zip(OKABE_ITO, HILL_COEFFICIENTS):
        ax.plot(OCCUPANCY,
                relative_cytokine_output(accessible, ILLUSTRATIVE_K_HALF, n),
                color=colour, linewidth=2, label=f"Hill coefficient n = {n}")
    ax.set_xlabel(r"Occupancy of calcineurin by the drug–FKBP12 complex, $\theta_I$")
    ax.set_ylabel("Cytokine output\n(fraction of uninhibited)")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=8, loc="lower left")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
