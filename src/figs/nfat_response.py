"""Figure: the illustrative calcium → calcineurin → nuclear NFAT model.

Two panels against the same calcium axis: the fraction of calcineurin that
is active and free to act on NFAT (left) and the fraction of NFAT in the
nucleus (right), each for several fractions of calcineurin blocked by a
drug–immunophilin complex. The parameters are the illustrative ones in
:data:`tcibook.signaling.ILLUSTRATIVE`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.signaling import (BLOCKED_FRACTIONS, available_calcineurin,
                               nfat_nuclear_fraction)

#: Calcium, in multiples of the concentration that half-activates calcineurin.
CALCIUM = np.logspace(-1, 1.5, 200)

_STYLES = ("-", "--", ":")
_TICKS = (0.1, 0.3, 1, 3, 10, 30)


def draw():
    """Active calcineurin and nuclear NFAT against calcium, with and without drug.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig = Figure(figsize=(7.0, 3.2))
    left, right = fig.subplots(1, 2, sharex=True)
    for blocked, colour, style in zip(BLOCKED_FRACTIONS, OKABE_ITO, _STYLES):
        active = available_calcineurin(CALCIUM, blocked)
        label = "no drug" if blocked == 0 else f"{blocked:.0%} of calcineurin blocked"
        left.plot(CALCIUM, active, color=colour, linestyle=style,
                  linewidth=2, label=label)
        right.plot(CALCIUM, nfat_nuclear_fraction(active), color=colour,
                   linestyle=style, linewidth=2, label=label)
    for ax, title in ((left, "Calcineurin active and free"),
                      (right, "NFAT in the nucleus")):
        ax.set_xscale("log")
        ax.set_xticks(_TICKS, [f"{t:g}" for t in _TICKS])
        ax.minorticks_off()
        ax.set_ylim(0, 1)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("Cytosolic Ca²⁺ (× half-activating level)")
        ax.axvline(1.0, color="#999999", linewidth=0.8, zorder=0)
    left.set_ylabel("Fraction of total")
    left.legend(loc="upper left", fontsize=8)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
