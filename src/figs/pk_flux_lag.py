"""Figure: cumulative amount through the stratum corneum, its steady-state line and lag time."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.permeation import (ILLUSTRATIVE_DIFFUSIVITY_CM2_H,
                                ILLUSTRATIVE_DONOR_UG_CM3,
                                ILLUSTRATIVE_PARTITION,
                                ILLUSTRATIVE_THICKNESS_CM,
                                cumulative_permeated, lag_time,
                                steady_state_flux)

#: Time span shown, h.
END_H = 24.0


def draw():
    """Cumulative amount permeated (Crank's series) against time.

    The dashed line is ``J·(t − t_lag)``; its intercept with the time axis,
    the lag time, is marked. Parameters are the module's illustrative ones.

    Returns
    -------
    matplotlib.figure.Figure
    """
    k, d, dc, h = (ILLUSTRATIVE_PARTITION, ILLUSTRATIVE_DIFFUSIVITY_CM2_H,
                   ILLUSTRATIVE_DONOR_UG_CM3, ILLUSTRATIVE_THICKNESS_CM)
    t = np.linspace(0.0, END_H, 241)
    q = cumulative_permeated(t, k, d, dc, h)
    flux = steady_state_flux(k, d, dc, h)
    lag = lag_time(h, d)
    t_line = np.linspace(lag, END_H, 2)

    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    ax.plot(t, q, color=OKABE_ITO[0], linewidth=2.2,
            label="cumulative amount permeated")
    ax.plot(t_line, flux * (t_line - lag), color=OKABE_ITO[5], linestyle="--",
            linewidth=1.5, label=f"steady state, slope J = {flux:.3f} µg/(cm²·h)")
    ax.plot([lag], [0.0], marker="o", color=OKABE_ITO[5], markersize=7,
            clip_on=False, zorder=5)
    ax.annotate(f"lag time = h²/(6D) = {lag:.2f} h", xy=(lag, 0.0),
                xytext=(lag + 8.0, 0.12 * flux * (END_H - lag)),
                arrowprops={"arrowstyle": "->", "color": OKABE_ITO[7]})
    ax.set_xlim(0, END_H)
    ax.set_ylim(0, None)
    ax.set_xlabel("Time since application (h)")
    ax.set_ylabel("Amount through the\nstratum corneum (µg/cm²)")
    ax.legend(loc="upper left")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
