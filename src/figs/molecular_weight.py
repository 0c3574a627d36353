"""Figure: molar masses of the topical calcineurin inhibitors against the 500 Da rule."""

from __future__ import annotations

from matplotlib.figure import Figure

from figs import OKABE_ITO, save_cli
from tcibook.facts import fact

#: (label, fact key) for each bar, top to bottom.
BARS = (
    ("Tacrolimus\n(anhydrous)", "tacrolimus_mw_anhydrous"),
    ("Tacrolimus\n(monohydrate)", "tacrolimus_mw_monohydrate"),
    ("Pimecrolimus", "pimecrolimus_mw"),
)


def draw():
    """Horizontal bars of molar mass with the 500 Da threshold marked.

    Returns
    -------
    matplotlib.figure.Figure
    """
    limit = fact("skin_penetration_mw_limit").value
    labels = [label for label, _ in BARS]
    masses = [fact(key).value for _, key in BARS]
    fig = Figure(figsize=(6.4, 2.8))
    ax = fig.subplots()
    bars = ax.barh(labels, masses, color=OKABE_ITO[0], height=0.55)
    ax.invert_yaxis()
    ax.bar_label(bars, labels=[f"{m:.2f} g/mol" for m in masses], padding=4)
    ax.axvline(limit, color=OKABE_ITO[5], linestyle="--", linewidth=1.5)
    ax.text(limit, -0.62, f" {limit} Da rule", color=OKABE_ITO[5],
            va="bottom", ha="left")
    ax.set_xlim(0, 1000)
    ax.set_xlabel("Molar mass (g/mol, numerically equal to Da)")
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
