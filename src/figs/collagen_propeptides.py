"""Figure: collagen propeptides and skin thickness in Reitamo et al. (1998).

Draws only numbers printed in the trial's abstract (see the
``reitamo1998_*`` facts). The abstract gives exact medians for
betamethasone valerate; for tacrolimus it says only that the medians were
about 100 % of the vehicle-treated site, and the figure shows exactly that.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.facts import fact

#: (label, fact key) for each propeptide, left to right.
PROPEPTIDES = (
    ("PICP\n(type I)", "reitamo1998_bmv_picp_pct_vehicle"),
    ("PINP\n(type I)", "reitamo1998_bmv_pinp_pct_vehicle"),
    ("PIIINP\n(type III)", "reitamo1998_bmv_piiinp_pct_vehicle"),
)

#: (comparator label, fact key) for the skin-thickness panel, top to bottom.
THICKNESS = (
    ("vs tacrolimus {marketed} %", "reitamo1998_thickness_drop_vs_tac01_pct"),
    ("vs tacrolimus {trial} %", "reitamo1998_thickness_drop_vs_tac03_pct"),
    ("vs vehicle", "reitamo1998_thickness_drop_vs_vehicle_pct"),
)


def draw():
    """Two panels: propeptides as % of vehicle, and the fall in skin thickness.

    Returns
    -------
    matplotlib.figure.Figure
    """
    # The trial tested the marketed 0.1 % strength and a 0.3 % ointment.
    tac_marketed = fact("tacrolimus_ointment_high_strength").value
    tac_trial = fact("reitamo1998_tacrolimus_trial_strength").value
    tac_level = fact("reitamo1998_tacrolimus_propeptides_pct_vehicle").value

    fig = Figure(figsize=(7.2, 3.4))
    left, right = fig.subplots(1, 2, width_ratios=(1.25, 1))

    labels = [label for label, _ in PROPEPTIDES]
    medians = [fact(key).value for _, key in PROPEPTIDES]
    x = range(len(labels))
    bars = left.bar(x, medians, width=0.55, color=OKABE_ITO[5],
                    label="Betamethasone valerate")
    left.bar_label(bars, labels=[f"{m:.1f} %" for m in medians], padding=3)
    left.plot(list(x), [tac_level] * len(labels), linestyle="none", marker="D",
              markersize=7, markerfacecolor="white", markeredgewidth=1.5,
              color=OKABE_ITO[0],
              label=f"Tacrolimus {tac_marketed:g} % and {tac_trial:g} % "
                    f"(about {tac_level:g} %)")
    left.axhline(100, color="0.3", linestyle="--", linewidth=1)
    left.text(1.5, 93, "vehicle = 100 %", ha="center", va="top",
              fontsize=8, color="0.3")
    left.set_xticks(list(x), labels)
    left.set_ylim(0, 150)
    left.set_ylabel("Median propeptide in blister fluid\n(% of vehicle-treated site)")
    left.set_title("(a) Collagen synthesis markers", fontsize=10, loc="left")
    left.legend(loc="upper left", fontsize=8)

    t_labels = [label.format(marketed=f"{tac_marketed:g}", trial=f"{tac_trial:g}")
                for label, _ in THICKNESS]
    drops = [fact(key).value for _, key in THICKNESS]
    hbars = right.barh(t_labels, drops, height=0.5, color=OKABE_ITO[5])
    right.invert_yaxis()
    right.bar_label(hbars, labels=[f"{d:.1f} %" for d in drops], padding=3)
    right.set_xlim(0, 11)
    right.set_xlabel("Median decrease in skin thickness\nwith betamethasone valerate (%)")
    right.set_title("(b) Skin thickness (ultrasound)", fontsize=10, loc="left")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
