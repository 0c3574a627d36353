"""Figure: how barrier damage, hyperkeratosis, occlusion and descaling change flux and lag time."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.permeation import barrier_relative_changes


def draw():
    """Horizontal bars of relative flux and relative lag time, log scale.

    Returns
    -------
    matplotlib.figure.Figure
    """
    names, flux, lag = barrier_relative_changes()
    fig = Figure(figsize=(7.2, 3.2))
    left, right = fig.subplots(1, 2, sharey=True)
    y = np.arange(len(names))
    for ax, values, title, colour in (
            (left, flux, "Steady-state flux", OKABE_ITO[0]),
            (right, lag, "Lag time", OKABE_ITO[1])):
        bars = ax.barh(y, values, left=0, color=colour, height=0.6)
        ax.set_xscale("log")
        ax.set_xlim(0.1, 20)
        ax.axvline(1.0, color=OKABE_ITO[7], linewidth=1)
        ax.bar_label(bars, labels=[f"×{v:.2g}" for v in values], padding=3)
        ax.set_title(title + " (relative to normal)", fontsize=10)
        ax.set_xlabel("Fold change (log scale)")
    left.set_yticks(y, names)
    left.invert_yaxis()
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
