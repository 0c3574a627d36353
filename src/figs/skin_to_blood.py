"""Figure: predicted blood levels after topical use against the measured ones.

Steady-state whole-blood levels that the permeation model, fed into the
systemic model (:mod:`tcibook.systemic_exposure`), predicts for tacrolimus
0.1 % ointment over a range of treated body-surface percentages and barrier
states, and for pimecrolimus (flux divided by the in-vitro permeation ratio,
fact ``permeation2005_pime_vs_tac01_fold``), drawn on a log scale against
the measured levels the book cites: the 1 ng/mL below which most adults'
highest tacrolimus level stayed, and the infants' pimecrolimus range.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook import systemic_exposure as se
from tcibook.facts import value

#: Barrier states drawn, from the permeation model's scenarios.
STATES = ("hyperkeratotic", "normal", "occluded", "damaged")


def predicted(percent, state, relative_permeation=1.0):
    """Predicted steady-state level (ng/mL) for treated percentages of the
    illustrative adult's body surface."""
    cl = float(se.systemic_tacrolimus_model().cl_l_h)
    flux = se.skin_flux_ug_cm2_h(state, relative_permeation=relative_permeation)
    return np.array([se.steady_state_blood_ng_ml(flux, se.treated_area_cm2(p), cl)
                     for p in percent])


def draw():
    """Predicted levels against treated area, with the measured levels.

    Returns
    -------
    matplotlib.figure.Figure
    """
    lo, hi = value("elidel_infant_pk_bsa_pct")
    pct = np.linspace(lo, hi, 50)
    fig = Figure(figsize=(6.4, 4.6))
    ax = fig.subplots()
    for colour, state in zip(OKABE_ITO[1:], STATES):
        ax.plot(pct, predicted(pct, state), color=colour,
                label=f"tacrolimus model, {state} skin")
    ax.plot(pct, predicted(pct, "normal",
                           1 / value("permeation2005_pime_vs_tac01_fold")),
            color=OKABE_ITO[0], linestyle="--",
            label="pimecrolimus model, normal skin")
    b_lo, b_hi = value("elidel_infant_blood_range_ng_ml")
    ax.axhspan(b_lo, b_hi, color=OKABE_ITO[0], alpha=0.2, linewidth=0,
               label="measured: pimecrolimus in infants (label range)")
    ax.axhline(value("reitamo2000_blood_threshold_ng_ml"), color="black",
               linestyle=":", label="measured: most adults' highest tacrolimus level below")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_xlabel("Treated body surface (%)")
    ax.set_ylabel("Whole-blood level (ng/mL)")
    ax.legend(fontsize=7, loc="upper center",
              bbox_to_anchor=(0.5, -0.2), ncol=2)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
