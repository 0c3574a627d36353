"""Figure: occupancy of FKBP12 by tacrolimus against free drug concentration.

The curve is :func:`tcibook.binding.occupancy` with the cell-free K_d of the
FK506–FKBP12 pair from :mod:`tcibook.facts`; the marked points are the free
concentrations that give 50 %, 90 % and 99 % occupancy, computed with
:func:`tcibook.immunophilin.drug_for_occupancy`. The top axis shows the same
concentrations in ng/mL of anhydrous tacrolimus.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from figs import OKABE_ITO, save_cli
from tcibook.binding import occupancy
from tcibook.facts import value
from tcibook.immunophilin import MARKED_OCCUPANCIES, drug_for_occupancy
from tcibook.units import nM_to_ng_per_ml, ng_per_ml_to_nM


#: Free tacrolimus concentrations plotted, in nmol/L.
FREE_DRUG_NM = np.logspace(-3, 3, 241)


def draw():
    """Fraction of FKBP12 bound against free tacrolimus, log concentration axis.

    Returns
    -------
    matplotlib.figure.Figure
    """
    kd = value("fk506_fkbp12_kd_nm")
    molar_mass = value("tacrolimus_mw_anhydrous")
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    ax.plot(FREE_DRUG_NM, occupancy(FREE_DRUG_NM, kd), color=OKABE_ITO[0],
            linewidth=2)
    marked = drug_for_occupancy(np.array(MARKED_OCCUPANCIES), kd)
    for conc, theta in zip(marked, MARKED_OCCUPANCIES):
        ax.plot([conc, conc], [0, theta], color=OKABE_ITO[5], linestyle=":",
                linewidth=1.2)
        ax.plot([FREE_DRUG_NM[0], conc], [theta, theta], color=OKABE_ITO[5],
                linestyle=":", linewidth=1.2)
        ax.annotate(f"{theta:.0%} at {conc:.3g} nM", (conc, theta),
                    xytext=(8, -12), textcoords="offset points", fontsize=8,
                    color=OKABE_ITO[5])
    ax.scatter(marked, MARKED_OCCUPANCIES, color=OKABE_ITO[5], zorder=3, s=18)
    ax.set_xscale("log")
    ax.set_xlim(FREE_DRUG_NM[0], FREE_DRUG_NM[-1])
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("Free tacrolimus (nmol/L, log scale)")
    ax.set_ylabel("Fraction of FKBP12 occupied")
    top = ax.secondary_xaxis(
        "top", functions=(lambda c: nM_to_ng_per_ml(np.maximum(c, 0), molar_mass),
                          lambda m: ng_per_ml_to_nM(np.maximum(m, 0), molar_mass)))
    top.set_xlabel("Free tacrolimus (ng/mL, anhydrous)")
    plain = FuncFormatter(lambda v, _: f"{v:g}")
    ax.xaxis.set_major_formatter(plain)
    top.xaxis.set_major_formatter(plain)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
