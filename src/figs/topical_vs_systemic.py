"""Figure: blood levels after topical pimecrolimus against systemic tacrolimus troughs.

Log-scale range chart. Blue bars: the whole-blood trough ranges that the US
Prograf label targets after transplantation (tacrolimus, taken by mouth).
Orange: pimecrolimus blood concentrations measured in infants treated with
pimecrolimus 1 % cream (US Elidel label range; highest value in Staab 2005).
Different drugs: the figure compares orders of magnitude, not potency.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from figs import OKABE_ITO, save_cli
from tcibook.facts import value
from tcibook.tdm import Organ, Regimen, prograf_trough_range

SYSTEMIC, TOPICAL = OKABE_ITO[0], OKABE_ITO[1]

#: (organ, regimen, a month inside the period, label) for each systemic row.
_SYSTEMIC_ROWS = (
    (Organ.KIDNEY, Regimen.AZATHIOPRINE, 1, "Kidney, with azathioprine"),
    (Organ.KIDNEY, Regimen.AZATHIOPRINE, value("prograf_trough_early_last_month") + 1,
     "Kidney, with azathioprine"),
    (Organ.KIDNEY, Regimen.MMF_IL2RA, 1, "Kidney, with MMF + IL-2RA"),
    (Organ.LIVER, Regimen.CORTICOSTEROIDS, 1, "Liver"),
    (Organ.HEART, Regimen.AZATHIOPRINE_OR_MMF, 1, "Heart"),
    (Organ.HEART, Regimen.AZATHIOPRINE_OR_MMF,
     value("prograf_trough_early_last_month") + 1, "Heart"),
)


def systemic_rows():
    """Label and (low, high) in ng/mL of each Prograf trough range, top to bottom."""
    rows = []
    for organ, regimen, month, label in _SYSTEMIC_ROWS:
        t = prograf_trough_range(organ, month, regimen)
        rows.append((f"{label}, {t.months}", t.low_ng_ml, t.high_ng_ml))
    return rows


def topical_rows():
    """Label, (low, high) in ng/mL, and marker-only flag of each topical row."""
    low, high = value("elidel_infant_blood_range_ng_ml")
    age_lo, age_hi = value("elidel_infant_pk_age_months")
    top = value("staab2005_max_ng_ml")
    return [
        (f"Pimecrolimus cream, infants {age_lo}-{age_hi} mo\n(Elidel label, range)",
         low, high, False),
        ("Pimecrolimus cream, infants\n(Staab 2005, highest value)", top, top, True),
    ]


def lowest_systemic_trough():
    """The lowest lower bound of any Prograf trough range, ng/mL."""
    return min(low for _, low, _ in systemic_rows())


def draw():
    """Horizontal range bars on a log axis, systemic above, topical below.

    Returns
    -------
    matplotlib.figure.Figure
    """
    sys_rows, top_rows = systemic_rows(), topical_rows()
    fig = Figure(figsize=(6.8, 4.4))
    ax = fig.subplots()
    labels = []
    for label, low, high in sys_rows:
        y = len(labels)
        ax.barh(y, high - low, left=low, height=0.55, color=SYSTEMIC)
        ax.text(high * 1.06, y, f"{low:g}–{high:g}", va="center", fontsize=8)
        labels.append(label)
    for label, low, high, marker_only in top_rows:
        y = len(labels)
        if marker_only:
            ax.plot([high], [y], marker="D", markersize=7, color=TOPICAL,
                    linestyle="none")
            ax.text(high / 1.15, y, f"{high:g}", va="center", ha="right",
                    fontsize=8)
        else:
            ax.barh(y, high - low, left=low, height=0.55, color=TOPICAL)
            ax.text(low / 1.06, y, f"{low:g}–{high:g}", va="center",
                    ha="right", fontsize=8)
        labels.append(label)
    ax.set_yticks(range(len(labels)), labels, fontsize=8.5)
    ax.set_ylim(len(labels) - 0.5, -1.1)
    ax.set_xscale("log")
    ax.set_xlim(0.02, 60)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:g}"))
    loq = value("staab2005_low_cut_ng_ml")
    floor = lowest_systemic_trough()
    ax.axvline(loq, color=OKABE_ITO[7], linestyle=":", linewidth=1.2)
    ax.axvline(floor, color=SYSTEMIC, linestyle="--", linewidth=1.2)
    ax.text(loq, -0.75, f"{loq:g} ng/mL ", fontsize=8, va="center", ha="right")
    ax.text(floor, -0.75, f" lowest target\n trough, {floor:g} ng/mL",
            fontsize=8, color=SYSTEMIC, va="center", ha="left")
    ax.axhline(len(sys_rows) - 0.5, color="0.6", linewidth=0.8)
    ax.set_xlabel("Whole-blood concentration (ng/mL, log scale)")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
