"""Figure: target attainment of four dosing methods in simulated patients.

Bars: the share of virtual patients whose true trough lies in the target
range on each outcome day (:data:`tcibook.mipd.VALIDATION_OUTCOME_DAYS`), for
each method of :data:`tcibook.mipd.VALIDATION_METHODS`, when the patients
follow the model (left) and when they take an inhibitor the model is not
told about (right); from :func:`tcibook.mipd.validation_study`.
"""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook import mipd, pk

#: The misspecified scenario: an inhibitor halving clearance from day 10.
INHIBITOR = pk.ClearanceChange(pk.ILLUSTRATIVE_INHIBITOR_FOLD, 9 * 24.0)


def studies(n_patients=200, seed=2024):
    """The well-specified and the misspecified study (title -> result)."""
    return {"patients follow the model": mipd.validation_study(n_patients, seed),
            "inhibitor the model is not told about": mipd.validation_study(
                n_patients, seed, inhibitor=INHIBITOR)}


def draw(results=None):
    """Grouped bars of target attainment, one panel per scenario.

    Parameters
    ----------
    results : dict, optional
        Title -> :class:`tcibook.mipd.ValidationResult` (default
        :func:`studies`).

    Returns
    -------
    matplotlib.figure.Figure
    """
    res = studies() if results is None else results
    fig = Figure(figsize=(6.4, 3.2))
    axes = fig.subplots(1, len(res), sharey=True)
    days = mipd.VALIDATION_OUTCOME_DAYS
    methods = mipd.VALIDATION_METHODS
    width = 0.8 / len(days)
    x = np.arange(len(methods))
    for ax, (title, r) in zip(np.atleast_1d(axes), res.items()):
        for j, day in enumerate(days):
            ax.bar(x + (j - (len(days) - 1) / 2) * width,
                   [r.attainment_pct[m][j] for m in methods], width,
                   color=OKABE_ITO[j], label=f"day {day}")
        ax.set_xticks(x)
        ax.set_xticklabels([textwrap.fill(m, 12) for m in methods], fontsize=7)
        ax.set_title(title, fontsize=8)
        ax.set_ylim(0, 100)
    first = np.atleast_1d(axes)[0]
    first.set_ylabel("Patients with trough in range (%)")
    first.legend(fontsize=7, loc="upper left")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
