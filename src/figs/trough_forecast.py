"""Figure: forecast troughs of the worked patient after a dose change.

The worked patient of :func:`tcibook.mipd.scenario_patient` (three troughs
on 4 mg twice daily) has the dose changed on the morning of the last trough.
The figure shows the MAP forecast of the troughs on three candidate doses:
the unchanged dose, the dose for a steady-state trough at target
(:func:`tcibook.mipd.dose_for_target_trough`) and the dose that brings the
trough on :data:`AIM_DAY` to target (:func:`tcibook.mipd.dose_for_trough_at`),
the last with its 90 % band for the true trough and its 90 % prediction
interval for a measured one, and the simulated patient's true troughs on it.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook import mipd, pk, poppk
from tcibook.facts import value

#: Day whose trough the time-targeted dose aims at.
AIM_DAY = 28
#: Last day of the forecast.
LAST_DAY = 60


def example():
    """The estimate, the candidate doses and their forecast courses.

    Returns
    -------
    dict
        ``estimate``, ``doses`` (history), ``times``/``measured`` (troughs),
        ``true_model``, ``target``, ``change_h``, ``plan`` (the
        :class:`tcibook.mipd.TroughPlan` aimed at :data:`AIM_DAY`),
        ``candidates`` (label -> (dose, Course)) and ``true_on_plan`` (the
        true patient's troughs on the plan's dose).
    """
    pop = poppk.ANDREWS_2019
    doses, times, measured, true_model = mipd.scenario_patient(pop)
    est = mipd.map_estimate(pop, doses, times, measured)
    lo, hi = value("prograf_trough_kidney_mmf_ng_ml")
    target = (lo + hi) / 2
    tau = mipd.SCENARIO_TAU_H
    change = float(times[-1])
    until = 24.0 * (LAST_DAY - 1)
    plan = mipd.dose_for_trough_at(est, doses, change, target, 24.0 * (AIM_DAY - 1),
                                   tau, until_h=until)
    ss_dose = mipd.dose_for_target_trough(est.model, target, tau)
    candidates = {
        f"unchanged {mipd.SCENARIO_DOSE_MG:g} mg": mipd.SCENARIO_DOSE_MG,
        "steady-state MAP dose": ss_dose,
    }
    courses = {label: (d, mipd.forecast_troughs(est, doses, change, d, tau, until))
               for label, d in candidates.items()}
    courses[f"aimed at day {AIM_DAY}"] = (plan.dose_mg, plan.course)
    keep = doses.times_h < change
    n_new = int(round((until - change) / tau)) + 1
    full = pk.dosing_table(
        np.concatenate([doses.times_h[keep], change + tau * np.arange(n_new)]),
        np.concatenate([doses.amounts_mg[keep], np.full(n_new, plan.dose_mg)]))
    true_on_plan = pk.concentration(true_model, full, plan.course.times_h)
    return {"estimate": est, "doses": doses, "times": times, "measured": measured,
            "true_model": true_model, "target": target, "range": (lo, hi),
            "change_h": change, "plan": plan, "candidates": courses,
            "true_on_plan": true_on_plan}


def draw(data=None):
    """Forecast troughs of the candidate doses, with the two intervals.

    Parameters
    ----------
    data : dict, optional
        The result of :func:`example` (computed if not given).

    Returns
    -------
    matplotlib.figure.Figure
    """
    d = example() if data is None else data
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    lo, hi = d["range"]
    ax.axhspan(lo, hi, color="0.92", linewidth=0, label="target range")
    ax.axhline(d["target"], color="0.5", linewidth=0.8, linestyle="--")
    colours = ("0.45", OKABE_ITO[1], OKABE_ITO[0])
    for (label, (dose, course)), colour in zip(d["candidates"].items(), colours):
        days = course.times_h / 24 + 1
        if course is d["plan"].course:
            ax.fill_between(days, course.pi_low_ng_ml, course.pi_high_ng_ml,
                            color=colour, alpha=0.15, linewidth=0,
                            label="90 % prediction interval (measured trough)")
            ax.fill_between(days, course.low_ng_ml, course.high_ng_ml,
                            color=colour, alpha=0.3, linewidth=0,
                            label="90 % band (true trough)")
        ax.plot(days, course.map_ng_ml, color=colour, linewidth=1.3,
                label=f"{label}: {dose:.2f} mg")
    plan = d["plan"]
    ax.plot(plan.course.times_h / 24 + 1, d["true_on_plan"], color="black",
            linewidth=0.9, linestyle=":", label="simulated patient's true troughs")
    ax.plot(d["times"] / 24 + 1, d["measured"], "o", color="black", markersize=4,
            label="measured troughs")
    ax.set_xlabel("Day")
    ax.set_ylabel("Trough (ng/mL)")
    ax.set_xlim(0, LAST_DAY + 1)
    ax.set_ylim(0, None)
    ax.legend(fontsize=7, loc="lower right", ncol=2)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
