"""Figure: what a plasma assay reports for a drug concentrated in red cells."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.blood import (ILLUSTRATIVE_HAEMATOCRIT, blood_plasma_ratio,
                           erythrocyte_partition, plasma_concentration)
from tcibook.facts import fact

#: Whole-blood concentrations shown, ng/mL.
WHOLE_BLOOD_MAX = 3.0
#: Top of the plasma axis, ng/mL.
PLASMA_MAX = 1.0


def draw():
    """Two panels.

    Left: plasma concentration against whole-blood concentration for a
    ratio of 1 (drug spread evenly between cells and plasma) and for the
    tacrolimus ratio, with the assay limit of quantification (LOQ) marked. Right: the blood-to-plasma
    ratio against haematocrit for the red-cell partition that gives the
    tacrolimus ratio at the illustrative haematocrit.

    Returns
    -------
    matplotlib.figure.Figure
    """
    ratio = fact("tacrolimus_blood_plasma_ratio").value
    loq = fact("elidel_child_loq_ng_ml").value
    cb = np.linspace(0.0, WHOLE_BLOOD_MAX, 61)
    fig = Figure(figsize=(7.2, 3.4))
    left, right = fig.subplots(1, 2)

    left.plot(cb, plasma_concentration(cb, 1.0), color=OKABE_ITO[7],
              linewidth=1.5, linestyle=":", label="ratio 1")
    left.plot(cb, plasma_concentration(cb, ratio), color=OKABE_ITO[0],
              linewidth=2.2, label=f"ratio {ratio:g} (tacrolimus)")
    left.axhline(loq, color=OKABE_ITO[5], linestyle="--", linewidth=1.5)
    left.text(WHOLE_BLOOD_MAX, loq, f"LOQ {loq:g} ng/mL", color=OKABE_ITO[5],
              va="bottom", ha="right")
    left.set_xlim(0, WHOLE_BLOOD_MAX)
    left.set_ylim(0, PLASMA_MAX)
    left.set_xlabel("Whole-blood concentration (ng/mL)")
    left.set_ylabel("Plasma concentration (ng/mL)")
    left.legend(loc="center right", bbox_to_anchor=(1.0, 0.74))

    k_rbc = erythrocyte_partition(ratio, ILLUSTRATIVE_HAEMATOCRIT)
    hct = np.linspace(0.15, 0.6, 46)
    right.plot(hct, blood_plasma_ratio(hct, k_rbc), color=OKABE_ITO[2],
               linewidth=2.2)
    right.plot([ILLUSTRATIVE_HAEMATOCRIT], [ratio], marker="o",
               color=OKABE_ITO[0], markersize=7)
    right.annotate(f"haematocrit {ILLUSTRATIVE_HAEMATOCRIT:g}: ratio {ratio:g},\n"
                   f"$K_{{rbc}}$ = {k_rbc:.1f}",
                   xy=(ILLUSTRATIVE_HAEMATOCRIT, ratio), xytext=(0.16, ratio * 1.1),
                   arrowprops={"arrowstyle": "->", "color": OKABE_ITO[7]})
    right.set_xlabel("Haematocrit (fraction of blood volume)")
    right.set_ylabel("Blood-to-plasma ratio")
    right.set_ylim(0, None)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
