"""Figure: the Bayesian update, from the population prior to one patient.

Left: the prior distribution of apparent clearance (log-normal, from the
population model :data:`tcibook.poppk.ANDREWS_2019`) and the Laplace
posteriors after one and after three troughs (:func:`tcibook.mipd.map_estimate`),
with the patient's true clearance. Right: the predicted troughs over the two
weeks with their 90 % bands, before and after the three troughs
(:func:`tcibook.mipd.predicted_course`).
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook import mipd, poppk


def example():
    """The worked patient (:func:`tcibook.mipd.scenario_patient`) and the MAP
    estimates from the first trough and from all three."""
    pop = poppk.ANDREWS_2019
    doses, times, measured, true_model = mipd.scenario_patient(pop)
    one = mipd.map_estimate(pop, doses, times[:1], measured[:1])
    three = mipd.map_estimate(pop, doses, times, measured)
    return pop, true_model, doses, times, measured, one, three


def _lognormal_pdf(cl, median, sd_log):
    z = (np.log(cl) - np.log(median)) / sd_log
    return np.exp(-0.5 * z * z) / (cl * sd_log * np.sqrt(2 * np.pi))


def draw():
    """Prior and posteriors of CL/F, and predicted courses with bands.

    Returns
    -------
    matplotlib.figure.Figure
    """
    pop, true_model, doses, times, measured, one, three = example()
    typ = pop.typical["cl_l_h"]
    fig = Figure(figsize=(6.4, 3.4))
    left, right = fig.subplots(1, 2)
    cl = np.linspace(3.0, 80.0, 600)
    left.plot(cl, _lognormal_pdf(cl, typ, pop.omega["cl_l_h"]), color="0.4",
              linestyle="--", label="prior (population)")
    for est, colour, label in ((one, OKABE_ITO[1], "after 1 trough"),
                               (three, OKABE_ITO[0], "after 3 troughs")):
        left.plot(cl, _lognormal_pdf(cl, est.parameter("cl_l_h"),
                                     est.relative_sd("cl_l_h")),
                  color=colour, label=label)
    left.axvline(float(true_model.cl_l_h), color="black", linewidth=1,
                 linestyle=":", label="true value")
    left.set_xlabel("Apparent clearance CL/F (L/h)")
    left.set_ylabel("Probability density")
    left.set_yticks([])
    left.legend(fontsize=7)

    grid = doses.times_h[1:] - 1e-6          # just before each dose: the troughs
    prior = mipd.MapEstimate(pop, np.zeros(4), np.diag(pop.omega_vector**2),
                             pop.individual(np.zeros(4)), 0, True)
    for est, colour, label in ((prior, "0.5", "prior: typical patient"),
                               (three, OKABE_ITO[0], "after 3 troughs")):
        course = mipd.predicted_course(est, doses, grid)
        right.fill_between(grid / 24, course.low_ng_ml, course.high_ng_ml,
                           color=colour, alpha=0.25, linewidth=0)
        right.plot(grid / 24, course.map_ng_ml, color=colour, linewidth=1,
                   label=label)
    right.plot(times / 24, measured, "o", color="black", markersize=4,
               label="measured troughs")
    right.set_xlabel("Day")
    right.set_xticks(np.arange(0, 15, 2))
    right.set_ylabel("Predicted trough (ng/mL)")
    right.set_ylim(0, None)
    right.legend(fontsize=7, loc="upper left")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
