"""Figure: from what age each topical calcineurin inhibitor is licensed, by region."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from figs import OKABE_ITO, save_cli
from tcibook.regimens import PRODUCTS, REGIONS, licence_rules

#: Right end of the age axis, in years.
AGE_AXIS_END = 18.0
#: Colour per (product, strength).
COLOURS = {("Protopic", 0.03): OKABE_ITO[0], ("Protopic", 0.1): OKABE_ITO[2],
           ("Elidel", 1): OKABE_ITO[1]}
NOT_IN_FACT_BASE = "#DDDDDD"


def rows():
    """(label, rule or None) top to bottom; None marks a product with no rule.

    A product with no rule in a region gets one row for all its strengths.
    """
    out = []
    for region in REGIONS:
        rules = licence_rules(region)
        for product in PRODUCTS:
            known = [r for r in rules if r.product == product]
            if not known:
                out.append((f"{region} \u00b7 {product}", None))
            for r in known:
                out.append((f"{region} \u00b7 {product} {r.strength_percent:g} %", r))
    return out


def draw():
    """One bar per licensed strength, from its youngest age to adulthood.

    Returns
    -------
    matplotlib.figure.Figure
    """
    table = rows()
    fig = Figure(figsize=(7.0, 4.2))
    ax = fig.subplots()
    for i, (label, rule) in enumerate(table):
        if rule is None:
            ax.barh(i, AGE_AXIS_END, left=0, color=NOT_IN_FACT_BASE,
                    hatch="//", edgecolor="#999999", height=0.6)
            ax.text(AGE_AXIS_END / 2, i, "no rule in the labels cited",
                    ha="center", va="center", fontsize=8.5)
            continue
        ax.barh(i, AGE_AXIS_END - rule.min_age_years, left=rule.min_age_years,
                color=COLOURS[(rule.product, rule.strength_percent)], height=0.6)
    ax.set_yticks(range(len(table)))
    ax.set_yticklabels([label for label, _ in table])
    ax.invert_yaxis()
    boundaries = [i - 0.5 for i in range(1, len(table))
                  if table[i][0].split(" ")[0] != table[i - 1][0].split(" ")[0]]
    for y in boundaries:
        ax.axhline(y, color=OKABE_ITO[7], linewidth=0.6)
    ages = sorted({r.min_age_years for _, r in table if r is not None})
    ax.set_xticks(ages)
    ax.set_xticklabels([f"{a * 12:g} mo" if a < 1 else f"{a:g}" for a in ages])
    ax.set_xlim(0, AGE_AXIS_END)
    ax.set_xlabel("Age from which the strength is licensed (years)")
    ax.legend(handles=[Patch(color=c, label=f"{p} {s:g} %")
                       for (p, s), c in COLOURS.items()],
              loc="upper center", bbox_to_anchor=(0.4, -0.16), ncol=3)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
