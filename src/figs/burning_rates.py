"""Figure: skin burning with tacrolimus ointment and with its vehicle, by age group."""

from __future__ import annotations

from matplotlib import patheffects
from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.facts import fact
from tcibook.safety import PROTOPIC_BURNING_ARMS

#: Strength fact key (None for vehicle) -> (colour, hatch). Vehicle is light
#: and plain, the higher strength darkest, so the order also reads in
#: greyscale print.
ARM_STYLE = {
    None: (OKABE_ITO[4], ""),
    "tacrolimus_ointment_low_strength": (OKABE_ITO[0], "//"),
    "tacrolimus_ointment_high_strength": (OKABE_ITO[5], "xx"),
}

_WIDTH = 0.8


def groups():
    """Bars to draw, grouped by population, from :data:`PROTOPIC_BURNING_ARMS`.

    Returns
    -------
    list of tuple (str, list of tuple (str or None, str))
        For each population in order of first appearance: its name and its
        arms as (strength fact key, or ``None`` for vehicle; fact key of the
        percentage with burning), vehicle first.
    """
    grouped = {}
    for population, strength, drug, vehicle in PROTOPIC_BURNING_ARMS:
        grouped.setdefault(population, [(None, vehicle)]).append((strength, drug))
    return list(grouped.items())


def arm_label(strength):
    """Legend text for an arm: ``"Vehicle"`` or the tacrolimus strength."""
    if strength is None:
        return "Vehicle"
    return f"Tacrolimus {fact(strength).value:g} %"


def draw():
    """Grouped bars of the percentage of patients reporting skin burning.

    A black line carries each group's vehicle level across its drug bars,
    so the part of a drug bar above the line is the excess over vehicle.

    Returns
    -------
    matplotlib.figure.Figure
        One bar per trial arm, grouped by age, each labelled with its value.
    """
    fig = Figure(figsize=(6.4, 3.4))
    ax = fig.subplots()
    centres, seen = [], set()
    x = 0.0
    for population, arms in groups():
        start = x
        for strength, key in arms:
            colour, hatch = ARM_STYLE[strength]
            pct = fact(key).value
            label = arm_label(strength)
            bar = ax.bar(x, pct, width=_WIDTH, color=colour, hatch=hatch,
                         edgecolor="black", linewidth=0.6,
                         label=None if label in seen else label)
            ax.bar_label(bar, labels=[f"{pct:g} %"], padding=2)
            seen.add(label)
            x += 1.0
        ax.hlines(fact(arms[0][1]).value, start - _WIDTH / 2,
                  x - 1.0 + _WIDTH / 2, colors="black", linewidth=1.6, zorder=3,
                  label=None if centres else "Vehicle level",
                  path_effects=[patheffects.withStroke(linewidth=3.5,
                                                       foreground="white")])
        centres.append(((start + x - 1.0) / 2, population))
        x += 0.7
    ax.set_xticks([c for c, _ in centres], [p for _, p in centres])
    ax.set_ylim(0, 100)
    ax.set_ylabel("Patients reporting skin burning (%)")
    ax.legend(loc="upper right")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
