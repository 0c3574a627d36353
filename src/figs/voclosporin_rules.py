"""Figure: the Lupkynis eGFR rules as a map of baseline against current eGFR.

Each panel colours every (baseline eGFR, current eGFR) pair by the action
that :func:`tcibook.voclosporin.assess_visit` returns at the full starting
dose: left, a routine visit; right, the reassessment after a reduction.
Lines mark eGFR = 60 and the 20 % and 30 % falls from baseline.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from figs import OKABE_ITO, save_cli
from tcibook.facts import value
from tcibook.voclosporin import START_DOSE_MG, Action, Baseline, Visit, assess_visit

#: Actions shown, in colour order.
ACTIONS = (Action.CONTINUE, Action.REDUCE, Action.STOP)
COLOURS = (OKABE_ITO[2], OKABE_ITO[1], OKABE_ITO[5])
PANELS = ((Visit.ROUTINE, "Routine visit"),
          (Visit.AFTER_REDUCTION, "Reassessment after a reduction"))
#: Grid of the map, mL/min/1.73 m² (baseline on x, current on y).
BASELINE_GRID = np.arange(30.0, 131.0, 1.0)
CURRENT_GRID = np.arange(20.0, 131.0, 1.0)


def action_grid(visit):
    """Index into :data:`ACTIONS` for every grid point; rows are current eGFR."""
    return _action_grid(visit).copy()


@lru_cache(maxsize=None)
def _action_grid(visit):
    codes = np.empty((CURRENT_GRID.size, BASELINE_GRID.size), dtype=int)
    for j, base in enumerate(BASELINE_GRID):
        baseline = Baseline(base)
        for i, egfr in enumerate(CURRENT_GRID):
            d = assess_visit(baseline, egfr, 120, 80, START_DOSE_MG, visit=visit)
            codes[i, j] = ACTIONS.index(d.action)
    return codes


def draw():
    """Two decision maps side by side, with the rule lines drawn on top.

    Returns
    -------
    matplotlib.figure.Figure
    """
    limit = value("lupkynis_egfr_action_limit")
    reduce_pct = value("lupkynis_reduce_decline_pct")
    stop_pct = value("lupkynis_stop_decline_pct")
    start_limit = value("lupkynis_baseline_egfr_limit")
    fig = Figure(figsize=(7.0, 4.0))
    axes = fig.subplots(1, 2, sharey=True)
    cmap = ListedColormap(COLOURS)
    x = BASELINE_GRID
    for ax, (visit, title) in zip(axes, PANELS):
        ax.pcolormesh(BASELINE_GRID, CURRENT_GRID, action_grid(visit), cmap=cmap,
                      vmin=-0.5, vmax=len(ACTIONS) - 0.5, shading="nearest",
                      rasterized=True)
        ax.axvspan(x[0], start_limit, facecolor="none", edgecolor="0.25",
                   hatch="//", linewidth=0)
        ax.axhline(limit, color="black", linewidth=1)
        ax.plot(x, x * (1 - reduce_pct / 100), color="black", linestyle="--",
                linewidth=1)
        ax.plot(x, x * (1 - stop_pct / 100), color="black", linestyle=":",
                linewidth=1.3)
        ax.set_xlim(x[0], x[-1])
        ax.set_ylim(CURRENT_GRID[0], CURRENT_GRID[-1])
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("Baseline eGFR (mL/min/1.73 m²)")
    axes[0].set_ylabel("Current eGFR (mL/min/1.73 m²)")
    handles = [Patch(color=c, label=a.value) for a, c in zip(ACTIONS, COLOURS)]
    handles.append(Patch(facecolor="none", edgecolor="0.25", hatch="//",
                         linewidth=0,
                         label=f"baseline \u2264 {start_limit}: start not recommended"))
    handles += [
        axes[0].plot([], [], color="black", linewidth=1, label=f"eGFR = {limit}")[0],
        axes[0].plot([], [], color="black", linestyle="--", linewidth=1,
                     label=f"{reduce_pct} % below baseline")[0],
        axes[0].plot([], [], color="black", linestyle=":", linewidth=1.3,
                     label=f"{stop_pct} % below baseline")[0],
    ]
    fig.legend(handles=handles, loc="lower center", ncol=4, fontsize=7.5, handlelength=1.6, columnspacing=1.0)
    fig.set_layout_engine("tight", rect=(0, 0.11, 1, 1))
    return fig


if __name__ == "__main__":
    save_cli(draw)
